"""The words of the command line (errors, progress lines, summaries), from the message catalogs.

The command line speaks the language given with --lang, else the terminal's (LC_ALL,
LC_MESSAGES, LANG: `es_MX.UTF-8` gives Spanish), else English; report pages have their own
(partnerlab.i18n resolves it per page). `_` marks and translates a message where it is shown.

>>> set_lang("es")
'es'
>>> _("{ok} ok, {failed} failed, {skipped} skipped -> {index}", ok=3, failed=0, skipped=1, index="x/index.html")
'correctos: 3, con falla: 0, omitidos: 1 -> x/index.html'
>>> set_lang("en")
'en'
"""

from __future__ import annotations

import os

from partnerlab import i18n

__all__ = ["set_lang", "current_lang", "_"]

_LANG = ["en"]


def set_lang(lang: str | None = None) -> str:
    """Set the language of the messages: `lang` when partnerlab speaks it, else the terminal's."""
    _LANG[0] = i18n.resolve_lang(lang, *(os.environ.get(v) for v in ("LC_ALL", "LC_MESSAGES", "LANG")))
    return _LANG[0]


def current_lang() -> str:
    """The language of the messages."""
    return _LANG[0]


def _(msgid: str, **values: object) -> str:
    """The message in the command line's language, its {placeholders} filled."""
    return i18n.translator(_LANG[0])(msgid, **values)
