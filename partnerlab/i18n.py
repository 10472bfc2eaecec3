"""Every word partnerlab shows, from gettext catalogs: English source, one catalog per language.

The catalogs are Babel `.po` files under partnerlab/locale/<lang>/LC_MESSAGES/. Every `.po` file
of a language's folder is read and merged (sorted by file name, the first translation of a msgid
wins), so a catalog can be kept in parts. They are compiled in memory when first used: a new
language is a new folder of `.po` files and one line in `LANGUAGES` (docs/translating.md).

>>> T = translator("es")
>>> T("Alerts")
'Alertas'
>>> T.n("{n} alert", "{n} alerts", 3)
'3 alertas'
>>> translator("en").share(41, 48)
'41 (85.4\\xa0%)'
>>> resolve_lang("", "Español"), resolve_lang("es_MX"), resolve_lang(None, "fr")
('es', 'es', 'en')

The pseudo-locale (`PSEUDO`, tests only) wraps every translated message in markers, so a page
built with it shows which text bypassed the catalogs:

>>> translator(PSEUDO)("Alerts")
'⟦Alerts⟧'
"""

from __future__ import annotations

import datetime as dt
import functools
import gettext as _gettext
import io
import math
import unicodedata
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "LANGUAGES",
    "LANGUAGE_NAMES",
    "PSEUDO",
    "LOCALE_DIR",
    "language_code",
    "resolve_lang",
    "N_",
    "NC_",
    "Msg",
    "gettext",
    "ngettext",
    "pgettext",
    "translator",
    "Translator",
    "catalog_files",
]

LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "partnerlab"

# The languages partnerlab speaks: code -> (name in the language, Babel locale for numbers and
# dates). English is the source language and needs no catalog.
LANGUAGES: tuple[str, ...] = ("en", "es", "pt")
LANGUAGE_NAMES: dict[str, str] = {"en": "English", "es": "Español", "pt": "Português"}
_BABEL_LOCALE = {"en": "en", "es": "es_MX", "pt": "pt_BR"}
# gettext's two-form plural rules (CLDR gives Spanish a third form for millions, which no page needs).
PLURAL_FORMS = {"es": "nplurals=2; plural=(n != 1);", "pt": "nplurals=2; plural=(n > 1);"}
# Other spellings of a language an analyst may type in about.language or --lang.
_ALIASES = {
    "english": "en",
    "ingles": "en",
    "ingles (en)": "en",
    "spanish": "es",
    "espanol": "es",
    "castellano": "es",
    "portuguese": "pt",
    "portugues": "pt",
}

PSEUDO = "qps"  # pseudo-locale of the tests: every message wrapped in ⟦ ⟧
PSEUDO_OPEN, PSEUDO_CLOSE = "\u27e6", "\u27e7"


def N_(msgid: str) -> str:
    """Mark a string for extraction without translating it (translate it where it is shown)."""
    return msgid


class Msg(str):
    """An English msgid that knows its context (msgctxt): `NC_` gives one, and `gettext` (so `T`)
    translates it in that context. It is the English text in every other respect."""

    context: str = ""


def NC_(context: str, msgid: str) -> Msg:
    """Mark a msgid with a context (msgctxt): "Done" as a count of actions ("Concluidas") is not
    "Done" as a status ("Concluida"). Translated in its context wherever it is shown.

    >>> label = NC_("count of actions", "Done")
    >>> label == "Done", translator("es")(label), translator("es")("Done")
    (True, 'Concluidas', 'Concluida')
    """
    text = Msg(msgid)
    text.context = context
    return text


def language_code(value: object) -> str | None:
    """The code of the language value names ("Español" -> "es"), None when partnerlab does not speak it."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    text = _fold(str(value))
    if text == PSEUDO:
        return PSEUDO
    code = _ALIASES.get(text, text.replace("-", "_").split("_")[0])
    return code if code in LANGUAGES else None


def resolve_lang(*candidates: object) -> str:
    """The first candidate that names a language partnerlab speaks, as its code; else "en".

    Accepts codes in any case ("ES"), with a region ("es_MX", "pt-BR") and names in English or in
    the language ("Spanish", "Español"). Blank and unknown candidates are passed over.
    """
    for candidate in candidates:
        code = language_code(candidate)
        if code:
            return code
    return "en"


def gettext(msgid: str, lang: str) -> str:
    """msgid in the language (msgid itself when the catalog has no translation)."""
    if lang == PSEUDO:
        return f"{PSEUDO_OPEN}{msgid}{PSEUDO_CLOSE}"
    context = getattr(msgid, "context", "")
    if context:
        return pgettext(context, str(msgid), lang)
    return _translations(lang).gettext(msgid)


def ngettext(singular: str, plural: str, n: int, lang: str) -> str:
    """The singular or plural form for n, by the plural rule of the language."""
    if lang == PSEUDO:
        return f"{PSEUDO_OPEN}{singular if n == 1 else plural}{PSEUDO_CLOSE}"
    return _translations(lang).ngettext(singular, plural, n)


def pgettext(context: str, msgid: str, lang: str) -> str:
    """msgid in the language, as translated for a context (msgctxt): one English word that needs
    two translations ("State": "Estado" as a column, "Estatal" as a scope) has one entry per context.
    Falls back to the msgid's translation without context, then to the msgid.
    """
    if lang == PSEUDO:
        return f"{PSEUDO_OPEN}{msgid}{PSEUDO_CLOSE}"
    text = _translations(lang).pgettext(context, msgid)
    return _translations(lang).gettext(msgid) if text == msgid else text


@dataclass(frozen=True)
class Translator:
    """The words, numbers and dates of one language; `translator(lang)` gives a cached one."""

    lang: str

    @property
    def locale(self) -> str:
        """The Babel locale used for numbers and dates ("es_MX" for Spanish)."""
        return _BABEL_LOCALE.get(self.lang, "en")

    def __call__(self, msgid: str, **values: object) -> str:
        """msgid translated, then filled with values (str.format)."""
        text = gettext(msgid, self.lang)
        return text.format(**values) if values else text

    def n(self, singular: str, plural: str, n: int, **values: object) -> str:
        """The form for n, filled with n (formatted as a number) and values."""
        return ngettext(singular, plural, n, self.lang).format(**{"n": self.number(n), **values})

    def number(self, x: object, digits: int | None = None) -> str:
        """A number as a reader of the language writes it: whole numbers without decimals,
        others with at most `digits` (default 2) decimals, the locale's separators.

        >>> translator("en").number(12345.0), translator("en").number(9.6), translator("pt").number(1234.5)
        ('12,345', '9.6', '1.234,5')
        """
        from babel.numbers import format_decimal

        if x is None or (isinstance(x, float) and math.isnan(x)):
            return ""
        if isinstance(x, bool):
            return str(x)
        places = 2 if digits is None else digits
        pattern = "#,##0" + ("." + "#" * places if places else "")
        return format_decimal(x, format=pattern, locale=self.locale)

    def percent(self, pct: float, digits: int = 1) -> str:
        """A share already in percent (85.42) as "85.4 %"."""
        from babel.numbers import format_decimal

        pattern = "#,##0" + ("." + "0" * digits if digits else "")
        return f"{format_decimal(pct, format=pattern, locale=self.locale)}\u00a0%"

    def share(self, n: int, total: int, digits: int = 1) -> str:
        """A count and its share of a total, as a published frequency table gives them: "41 (85.4 %)"."""
        if not total:
            return self.number(n)
        return f"{self.number(n)} ({self.percent(100.0 * n / total, digits)})"

    def date(self, d: object, format: str = "long") -> str:
        """A date in the language ("30 de junio de 2025", "June 30, 2025"); "" for a blank."""
        from babel.dates import format_date

        if d is None or (isinstance(d, float) and math.isnan(d)):
            return ""
        if hasattr(d, "to_pydatetime"):  # pandas Timestamp (NaT has no year)
            if d != d:
                return ""
            d = d.to_pydatetime()
        if isinstance(d, dt.datetime):
            d = d.date()
        if isinstance(d, str):
            d = dt.date.fromisoformat(d[:10])
        text = format_date(d, format=format, locale=self.locale)
        # the pseudo-locale marks dates too: a date written without the translator stays unmarked
        return f"{PSEUDO_OPEN}{text}{PSEUDO_CLOSE}" if self.lang == PSEUDO else text

    def label(self, vocabulary: object, key: object) -> str:
        """The label of a vocabulary key ("" for a blank key); vocabulary is a name or a Vocabulary."""
        from partnerlab import vocab

        if key is None or (isinstance(key, float) and math.isnan(key)):
            return ""
        voc = vocabulary if isinstance(vocabulary, vocab.Vocabulary) else vocab.VOCABULARIES[vocabulary]
        return voc.label(str(key), self.lang)


@functools.cache
def translator(lang: str) -> Translator:
    """The cached Translator of a language code (resolved with `resolve_lang`)."""
    return Translator(lang if lang == PSEUDO else resolve_lang(lang))


def catalog_files(lang: str) -> list[Path]:
    """The .po files of a language, in the order they are merged."""
    return sorted((LOCALE_DIR / lang / "LC_MESSAGES").glob("*.po"))


@functools.cache
def _translations(lang: str) -> _gettext.NullTranslations:
    """The merged catalogs of a language, compiled in memory (no .mo file to keep in step)."""
    files = catalog_files(lang) if lang in LANGUAGES and lang != "en" else []
    if not files:
        return _gettext.NullTranslations()
    from babel.messages.catalog import Catalog
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    merged: Catalog | None = None
    for path in files:
        with path.open("rb") as fh:
            part = read_po(fh, locale=_BABEL_LOCALE[lang])
        if merged is None:
            merged = part
            continue
        for message in part:
            if message.id and merged.get(message.id, message.context) is None:
                merged[message.id] = message
    merged.mime_headers = [(k, v) for k, v in merged.mime_headers if k.lower() != "plural-forms"] + [
        ("Plural-Forms", PLURAL_FORMS.get(lang, "nplurals=2; plural=(n != 1);"))
    ]
    buffer = io.BytesIO()
    write_mo(buffer, merged, use_fuzzy=False)
    buffer.seek(0)
    return _gettext.GNUTranslations(buffer)


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.strip().lower())
    return "".join(c for c in text if not unicodedata.combining(c))


# -- extraction and checks (make catalogs, tests/test_i18n.py) -----------------------------------

# The functions whose first argument (or first two, for plurals) is an English msgid.
KEYWORDS: dict[str, tuple[int, ...] | None] = {
    "_": None,
    "N_": None,
    "T": None,
    "gettext": None,
    "ngettext": (1, 2),
    "n": (1, 2),
    "NC_": ((1, "c"), 2),
    "pgettext": ((1, "c"), 2),
    "h2": None,
    "h3": None,
    "p": None,
    "left_out": None,
}
# What pybabel reads: the package's Python files and the report notebooks (code cells).
METHOD_MAP = [
    ("partnerlab/**.py", "partnerlab.i18n:extract_python"),
    ("notebooks/**.ipynb", "partnerlab.i18n:extract_notebook"),
]


def extract_python(fileobj, keywords, comment_tags, options):
    """Babel extraction method: the msgids of calls to a keyword function or method
    (`_("x")`, `rpt.p("x", n=1)`, `T.n("{n} row", "{n} rows", k)`), read from the syntax tree.

    Babel's own token scanner also takes `p["lead"]` or `n["name"].tolist()` for calls when a
    variable shares a keyword's name; the tree cannot confuse them.
    """
    import ast

    source = fileobj.read()
    source = source.decode(options.get("encoding", "utf-8")) if isinstance(source, bytes) else source
    try:
        tree = ast.parse(source)
    except SyntaxError:  # a notebook cell with IPython magics, say: nothing to extract from it
        return
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None
        if name not in keywords:
            continue
        spec = KEYWORDS.get(name) or (1,)
        positions = [i[0] if isinstance(i, tuple) else i for i in spec]  # (1, "c"): a context
        args = [node.args[i - 1] if len(node.args) >= i else None for i in positions]
        if not all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in args):
            continue
        texts = tuple(a.value for a in args)
        yield node.lineno, name, texts if len(texts) > 1 else texts[0], []


def extract_notebook(fileobj, keywords, comment_tags, options):
    """Babel extraction method for .ipynb files: the msgids of the code cells."""
    import json

    nb = json.load(fileobj)
    for cell in nb.get("cells", []):
        if cell.get("cell_type") != "code":
            continue
        source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
        source = "\n".join(line for line in source.splitlines() if not line.lstrip().startswith(("%", "!")))
        yield from extract_python(io.StringIO(source), keywords, comment_tags, options)


def extracted(root: Path | None = None) -> dict[object, list[str]]:
    """Every msgid in the sources under root (the repository), with where it is used."""
    from babel.messages.extract import extract_from_dir

    root = root or Path(__file__).resolve().parent.parent
    found: dict[object, list[str]] = {}
    for filename, lineno, message, _comments, _context in extract_from_dir(
        str(root), method_map=METHOD_MAP, keywords=KEYWORDS, comment_tags=("TRANSLATORS:",), strip_comment_tags=True
    ):
        if not message or (isinstance(message, tuple) and not all(message)):
            continue
        found.setdefault(message, []).append(f"{filename}:{lineno}")
    return found


def missing_translations(lang: str, messages: dict[object, list[str]] | None = None) -> dict[object, list[str]]:
    """The extracted msgids the catalogs of lang do not translate (or only as fuzzy)."""
    from babel.messages.pofile import read_po

    translated: set[object] = set()
    for path in catalog_files(lang):
        with path.open("rb") as fh:
            for m in read_po(fh, locale=_BABEL_LOCALE[lang]):
                if m.id and not m.fuzzy and (all(m.string) if isinstance(m.string, tuple) else m.string):
                    translated.add(m.id)
    messages = extracted() if messages is None else messages
    return {k: v for k, v in messages.items() if k not in translated}


def main(argv: list[str] | None = None) -> int:
    """`python -m partnerlab.i18n [LANG ...] [--under PATH]`: list the msgids a catalog misses."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m partnerlab.i18n", description=main.__doc__)
    parser.add_argument("langs", nargs="*", default=[x for x in LANGUAGES if x != "en"])
    parser.add_argument("--under", default="", help="only msgids used in files whose path starts with this")
    args = parser.parse_args(argv)
    messages = extracted()
    if args.under:
        messages = {k: v for k, v in messages.items() if any(w.startswith(args.under) for w in v)}
    status = 0
    for lang in args.langs:
        missing = missing_translations(lang, messages)
        print(f"{lang}: {len(messages) - len(missing)} of {len(messages)} msgids translated")
        for msgid, where in missing.items():
            status = 1
            print(f"  missing: {msgid!r}  ({where[0]})")
    return status


if __name__ == "__main__":
    raise SystemExit(main())
