"""No generated word bypasses the catalogs: the sample batch in the pseudo-locale.

In the pseudo-locale (i18n.PSEUDO) every message the catalogs give is wrapped in ⟦ ⟧. A page made
with it may then hold only: marked text, the workbook's own text (names, notes, answers: data,
shown as the analyst wrote it), numbers, dates, codes and punctuation. Any other word was written
into a page without the catalogs and would stay English on a Spanish or Portuguese page.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from partnerlab import batch, i18n, paths

pytestmark = pytest.mark.slow

OPEN, CLOSE = i18n.PSEUDO_OPEN, i18n.PSEUDO_CLOSE
# Words that are not language: units, file and format names, the product's name.
NOT_WORDS = {
    "partnerlab",
    "sha256",
    "xlsx",
    "csv",
    "html",
    "ipynb",
    "gexf",
    "graphml",
    "json",
    "pdf",
    "png",
    "id",
    "ok",
    "n",
    "s",
    "kb",
    "mb",
    "km",
    "ucinet",
    "pajek",
    "kumu",
    "gephi",
    i18n.PSEUDO,  # the language code the pseudo-locale's pages name
}


# Tags that sit inside a sentence: a marked message may hold them ("⟦<b>3</b> alerts⟧"), so the
# text on both sides of one of them is one piece of text. Any other tag ends a piece.
INLINE = {
    "a",
    "abbr",
    "b",
    "bdi",
    "cite",
    "code",
    "em",
    "i",
    "kbd",
    "mark",
    "q",
    "s",
    "small",
    "span",
    "strong",
    "sub",
    "sup",
    "time",
    "u",
    "wbr",
    "br",
}
SKIPPED = ("script", "style", "title", "head")


class _Text(HTMLParser):
    """The visible text of a page, in pieces: runs of text that only inline tags interrupt (outside
    script, style and title), and the alt, aria-label, title and placeholder attributes."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.skip = 0
        self.code = 0
        self.texts: list[str] = []
        self.run: list[str] = []

    def _flush(self):
        text = "".join(self.run)
        if text.strip():
            self.texts.append(text)
        self.run = []

    def handle_starttag(self, tag, attrs):
        if tag in SKIPPED:
            self.skip += 1
        if tag == "code":
            self.code += 1
        if tag not in INLINE:
            self._flush()
        for name, value in attrs:
            if name in ("alt", "aria-label", "title", "placeholder") and value:
                self.texts.append(value)

    def handle_endtag(self, tag):
        if tag in SKIPPED and self.skip:
            self.skip -= 1
        if tag == "code" and self.code:
            self.code -= 1
        if tag not in INLINE:
            self._flush()

    def handle_data(self, data):
        if not self.skip:
            # a code element is a code (a file name, a fingerprint, a parameter): kept as a blank
            self.run.append(" " if self.code else data)

    def close(self):
        super().close()
        self._flush()


def _strip_marked(text: str) -> str:
    """text without its ⟦ ⟧ segments (nested ones included)."""
    out, depth = [], 0
    for ch in text:
        if ch == OPEN:
            depth += 1
        elif ch == CLOSE and depth:
            depth -= 1
        elif not depth:
            out.append(ch)
    return "".join(out)


def _workbook_words(path: Path) -> set[str]:
    import openpyxl

    found: set[str] = set()
    book = openpyxl.load_workbook(path, read_only=True)
    for sheet in book.worksheets:
        found.update(w.lower() for w in re.findall(r"[^\W\d_]+", sheet.title))
        for row in sheet.iter_rows(values_only=True):
            for cell in row:
                if isinstance(cell, str):
                    found.update(w.lower() for w in re.findall(r"[^\W\d_]+", cell))
    book.close()
    return found


# A code: a token with a digit, an underscore, "=", "/" or an inner dot (sha256 prefixes, file
# names, ids, sector=un_system): not language.
_CODE = re.compile(r"[\w./=:-]*(?:\d|_|=|/|\w\.\w)[\w./=:-]*")


def words(text: str) -> list[str]:
    """The words of text outside its codes."""
    return re.findall(r"[^\W\d_]{2,}", _CODE.sub(" ", text))


def leaks(html: str, allowed: set[str]) -> list[str]:
    """The unmarked words of a page that are not workbook text, with their piece of text."""
    parser = _Text()
    parser.feed(html)
    parser.close()
    found = []
    for text in parser.texts:
        rest = _strip_marked(text)
        words_ = [w for w in words(rest) if w.lower() not in allowed]
        if words_:
            found.append(f"{' '.join(words_)!r} in {text.strip()[:120]!r}")
    return found


def test_every_generated_word_comes_from_the_catalogs(tmp_path):
    out = tmp_path / "pseudo"
    result = batch.run_batch(paths.SAMPLE_WORKBOOK, out, lang=i18n.PSEUDO, progress=False)
    assert result is not None and result.exit_code == 0
    allowed = _workbook_words(paths.SAMPLE_WORKBOOK) | NOT_WORDS
    problems = {}
    for page in sorted(out.glob("*.html")):
        found = leaks(page.read_text(encoding="utf-8"), allowed)
        if found:
            problems[page.name] = found[:5]
    shown = "\n".join(f"{name}:\n  " + "\n  ".join(found) for name, found in list(problems.items())[:15])
    assert not problems, f"{len(problems)} pages show words that bypass the catalogs:\n{shown}"


def test_the_leak_finder_finds_unmarked_words():
    page = f"<p>{OPEN}Alerts{CLOSE}: Consejo Nacional 3</p><p>Blockers first</p><img alt='{OPEN}Chart{CLOSE}'>"
    assert leaks(page, {"consejo", "nacional"}) == ["'Blockers first' in 'Blockers first'"]


def test_inline_markup_inside_a_marked_sentence_is_marked():
    page = (
        f"<p>{OPEN}Of the <b>12</b> partners, <b>3</b> are in the <em>critical</em> group{CLOSE}.</p>"
        f"<p>{OPEN}Alerts{CLOSE}: <b>3</b> still open</p>"
        "<p>File <code>sample_portfolio.xlsx</code>, d88c597bb9fc2bbd, sector=un_system</p>"
    )
    assert leaks(page, set()) == [
        "'still open' in '⟦Alerts⟧: 3 still open'",
        "'File' in 'File  , d88c597bb9fc2bbd, sector=un_system'",
    ]
