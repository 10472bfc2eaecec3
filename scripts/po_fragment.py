"""Write a catalog fragment from a Python table of translations (a helper for moving words).

    python scripts/po_fragment.py TABLE.py NAME

TABLE.py defines T = {msgid: (es, pt)} (a plural msgid is a (singular, plural) tuple and its
translations are tuples too). Writes partnerlab/locale/{es,pt}/LC_MESSAGES/NAME.po, merging with
what the fragment already holds (the table wins).
"""

from __future__ import annotations

import runpy
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from partnerlab import i18n  # noqa: E402

LOCALES = {"es": ("es_MX", 0), "pt": ("pt_BR", 1)}


def main(table: str, name: str) -> None:
    entries = runpy.run_path(table)["T"]
    root = Path(__file__).resolve().parent.parent / "partnerlab" / "locale"
    for lang, (locale, i) in LOCALES.items():
        path = root / lang / "LC_MESSAGES" / f"{name}.po"
        path.parent.mkdir(parents=True, exist_ok=True)
        catalog = Catalog(locale=locale, project="partnerlab", domain="partnerlab")
        if path.exists():
            with path.open("rb") as fh:
                catalog = read_po(fh, locale=locale)
        catalog.mime_headers = [(k, v) for k, v in catalog.mime_headers if k.lower() != "plural-forms"] + [
            ("Plural-Forms", i18n.PLURAL_FORMS[lang])
        ]
        for msgid, translations in entries.items():
            catalog.add(msgid, translations[i])
        with path.open("wb") as fh:
            write_po(fh, catalog, width=100, sort_output=True, omit_header=False)


if __name__ == "__main__":
    main(*sys.argv[1:3])
