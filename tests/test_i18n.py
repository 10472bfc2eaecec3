"""The message catalogs: every msgid translated in every language, placeholders kept, nothing fuzzy."""

from __future__ import annotations

import datetime as dt
import re
import string

import pytest
from babel.messages.pofile import read_po

from partnerlab import i18n

LANGS = [lang for lang in i18n.LANGUAGES if lang != "en"]


def _fields(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f is not None}


@pytest.fixture(scope="module")
def messages():
    return i18n.extracted()


@pytest.mark.parametrize("lang", LANGS)
def test_every_msgid_is_translated(lang, messages):
    missing = i18n.missing_translations(lang, messages)
    shown = "\n".join(f"  {m!r} ({where[0]})" for m, where in list(missing.items())[:40])
    assert not missing, f"{len(missing)} msgids without a {lang} translation (make catalogs lists them):\n{shown}"


@pytest.mark.parametrize("lang", LANGS)
def test_catalogs_are_clean(lang):
    """Each .po parses, has no fuzzy entry, and keeps the msgid's {placeholders} and HTML tags."""
    files = i18n.catalog_files(lang)
    assert files, f"no catalog for {lang}"
    seen: dict[tuple, object] = {}
    problems = []
    for path in files:
        with path.open("rb") as fh:
            catalog = read_po(fh, locale=lang)
        for m in catalog:
            if not m.id:
                continue
            where = f"{path.name}: {m.id!r}"
            if m.fuzzy:
                problems.append(f"{where} is fuzzy")
            ids = m.id if isinstance(m.id, tuple) else (m.id,)
            strings = m.string if isinstance(m.string, tuple) else (m.string,)
            for text in strings:
                if not text:
                    problems.append(f"{where} has an empty translation")
                    continue
                if not _fields(text) <= set().union(*(_fields(i) for i in ids)):
                    problems.append(f"{where}: the translation {text!r} has other placeholders")
                if sorted(re.findall(r"</?[a-z]+", text)) != sorted(re.findall(r"</?[a-z]+", ids[0])):
                    problems.append(f"{where}: the translation {text!r} has other HTML tags")
            key = (m.id, m.context)  # one English word may have one translation per context (msgctxt)
            if key in seen and seen[key] != strings:
                problems.append(f"{where} is translated differently in another catalog file")
            seen.setdefault(key, strings)
    assert not problems, "\n".join(problems[:40])


def test_words_numbers_and_dates_follow_the_language():
    es, pt, en = i18n.translator("es"), i18n.translator("pt"), i18n.translator("en")
    assert es.date(dt.date(2025, 6, 30)) == "30 de junio de 2025"
    assert pt.date(dt.date(2025, 6, 30)) == "30 de junho de 2025"
    assert en.date(dt.date(2025, 6, 30)) == "June 30, 2025"
    assert (en.number(1234.5), es.number(1234.5), pt.number(1234.5)) == ("1,234.5", "1,234.5", "1.234,5")
    assert es.share(41, 48) == "41 (85.4\u00a0%)"
    assert es.n("{n} alert", "{n} alerts", 1) == "1 alerta" and es.n("{n} alert", "{n} alerts", 2) == "2 alertas"
    assert pt.n("{n} alert", "{n} alerts", 0) == "0 alerta"  # Portuguese: 0 takes the singular


def test_languages_resolve_from_what_analysts_type():
    assert [i18n.resolve_lang(x) for x in ("ES", "Español", "es_MX", "pt-BR", "Português", "english")] == [
        "es",
        "es",
        "es",
        "pt",
        "pt",
        "en",
    ]
    assert i18n.resolve_lang("", None, "fr", "es") == "es"
    assert i18n.language_code("klingon") is None


def test_pseudo_locale_marks_every_message():
    T = i18n.translator(i18n.PSEUDO)
    assert T("Alerts") == "\u27e6Alerts\u27e7"
    assert T.n("{n} alert", "{n} alerts", 2) == "\u27e62 alerts\u27e7"


def test_extraction_reads_calls_not_look_alikes():
    src = 'p = {}\nx = p["lead"]\nrpt.p("Hello {name}", name=x)\nT.n("{n} row", "{n} rows", k)\nn["name"].tolist()\n'
    import io

    found = list(i18n.extract_python(io.StringIO(src), i18n.KEYWORDS.keys(), [], {}))
    assert [m for _, _, m, _ in found] == ["Hello {name}", ("{n} row", "{n} rows")]
