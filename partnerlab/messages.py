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

import argparse
import contextlib
import os
from collections.abc import Iterator

from partnerlab import i18n
from partnerlab.i18n import N_

__all__ = ["set_lang", "current_lang", "lang_in_argv", "argparse_words", "_"]

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


def lang_in_argv(argv: list[str]) -> str | None:
    """The value of --lang in a command line ("--lang pt" or "--lang=pt"), None when absent.

    >>> lang_in_argv(["run", "--lang", "pt", "--only", "network"]), lang_in_argv(["--lang=es"]), lang_in_argv([])
    ('pt', 'es', None)
    """
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


# The words argparse itself writes (headings, errors); it asks gettext for them, which
# `argparse_words` points at the catalogs. The msgids are argparse's own (Python 3.11-3.13).
ARGPARSE_MESSAGES = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("not allowed with argument %s"),
    N_("one of the arguments %s is required"),
    N_("ignored explicit argument %r"),
)


def _argparse_plurals() -> None:  # never called: marks argparse's plural msgids for the extractor
    i18n.ngettext("expected %s argument", "expected %s arguments", 1, "en")


@contextlib.contextmanager
def argparse_words() -> Iterator[None]:
    """While inside, argparse's own words (usage:, options, its errors) come from the catalogs,
    in the command line's language; argparse looks its gettext functions up when it calls them."""
    saved = argparse._, argparse.ngettext
    argparse._ = lambda msgid: i18n.gettext(msgid, _LANG[0])
    argparse.ngettext = lambda singular, plural, n: i18n.ngettext(singular, plural, n, _LANG[0])
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved
