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
}


class _Text(HTMLParser):
    """The visible text of a page: text nodes outside script, style and title, and alt attributes."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.skip = 0
        self.texts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "title", "head"):
            self.skip += 1
        for name, value in attrs:
            if name in ("alt", "aria-label", "title", "placeholder") and value:
                self.texts.append(value)

    def handle_endtag(self, tag):
        if tag in ("script", "style", "title", "head") and self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip and data.strip():
            self.texts.append(data)


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

    words: set[str] = set()
    book = openpyxl.load_workbook(path, read_only=True)
    for sheet in book.worksheets:
        for row in sheet.iter_rows(values_only=True):
            for cell in row:
                if isinstance(cell, str):
                    words.update(w.lower() for w in re.findall(r"[^\W\d_]+", cell))
    book.close()
    return words


def leaks(html: str, allowed: set[str]) -> list[str]:
    """The unmarked words of a page that are not workbook text, with their text node."""
    parser = _Text()
    parser.feed(html)
    found = []
    for text in parser.texts:
        rest = _strip_marked(text)
        words = [w for w in re.findall(r"[^\W\d_]{2,}", rest) if w.lower() not in allowed]
        if words:
            found.append(f"{' '.join(words)!r} in {text.strip()[:120]!r}")
    return found


@pytest.mark.xfail(reason="words still moving to the catalogs (issue 15)", strict=False)
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
