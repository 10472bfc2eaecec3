"""The partnerlab command line: template, validate, import, run (spec/reports.md).

Exit codes: 0 success, 1 the workbook has errors or a report failed, 2 usage or input error.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from partnerlab import messages
from partnerlab.messages import _

__all__ = ["main", "build_parser"]


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code.

    The language is known before the parser is built (--lang, else the terminal's), so its help,
    usage and errors are in it too.
    """
    argv = sys.argv[1:] if argv is None else list(argv)
    messages.set_lang(messages.lang_in_argv(argv))
    with messages.argparse_words():
        parser = build_parser()
        try:
            args = parser.parse_args(argv)
        except SystemExit as exc:  # argparse exits 2 on a usage error, 0 on --help
            return int(exc.code or 0)
        if not getattr(args, "command", None):
            parser.print_help()
            return 2
    try:
        return args.handler(args)
    except KeyboardInterrupt:
        print(_("interrupted"), file=sys.stderr)
        return 130


def build_parser() -> argparse.ArgumentParser:
    from partnerlab import __version__, batch, i18n

    """The parser of the command line, its help in the language of the messages (set it first)."""
    parser = argparse.ArgumentParser(
        prog="partnerlab",
        description=_("Strategic partnership intelligence from one Excel workbook: templates, validation and reports."),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"partnerlab {__version__}",
        help=_("show the version number and exit"),
    )
    sub = parser.add_subparsers(dest="command", metavar=_("COMMAND"))

    p = sub.add_parser("template", help=_("write the blank input workbook (dropdowns, action plan pre-filled)"))
    p.add_argument("out", type=Path, metavar="OUT.xlsx")
    p.add_argument("--lang", choices=i18n.LANGUAGES, default="en", help=_("language of sheets, headers and labels"))
    p.add_argument("--force", action="store_true", help=_("overwrite OUT.xlsx if it exists"))
    p.set_defaults(handler=_template)

    p = sub.add_parser("validate", help=_("check a workbook and print every problem (exit 0 usable, 1 errors)"))
    p.add_argument("workbook", type=Path, metavar=_("WORKBOOK"))
    p.add_argument("--quiet", action="store_true", help=_("print errors only, not warnings"))
    p.add_argument(
        "--annotate",
        type=Path,
        metavar="OUT.xlsx",
        help=_(
            "also write a copy with every problem cell highlighted and commented, and a first sheet "
            "listing the problems with links (the workbook itself is never changed)"
        ),
    )
    p.set_defaults(handler=_validate)

    p = sub.add_parser(
        "import",
        help=_(
            "write a new workbook from Kumu, Gephi, an edge list, Google Forms, "
            "KoboToolbox, SurveyMonkey or a mapped spreadsheet (docs/import_export.md)"
        ),
    )
    p.add_argument("sources", type=Path, nargs="+", metavar=_("SOURCE"))
    p.add_argument("--out", type=Path, metavar="NEW.xlsx", help=_("the new workbook (never overwritten)"))
    p.add_argument(
        "--format",
        choices=("kumu", "gephi", "edgelist", "google-forms", "kobo", "surveymonkey", "mapping"),
        default=None,
        help=_("the sources' format; default: detected"),
    )
    p.add_argument("--mapping", type=Path, metavar=_("FILE"), help=_("YAML or JSON: their columns and values -> ours"))
    p.add_argument("--suggest-mapping", action="store_true", help=_("print a proposed mapping file and exit"))
    p.add_argument(
        "--into",
        type=Path,
        metavar="EXISTING.xlsx",
        help=_("start from the rows of this workbook (it is only read; the result goes to --out)"),
    )
    p.add_argument("--lang", choices=i18n.LANGUAGES, default="en", help=_("language of sheets, headers and labels"))
    p.set_defaults(handler=_import)

    p = sub.add_parser("run", help=_("run the default batch of reports (default: the bundled sample)"))
    batch.add_run_arguments(p)
    p.set_defaults(handler=batch.run_command)
    return parser


def _template(args: argparse.Namespace) -> int:
    from partnerlab import paths, template

    out: Path = args.out
    if out.suffix.lower() != ".xlsx":
        print(_("partnerlab template: {path}: the output must end in .xlsx", path=out), file=sys.stderr)
        return 2
    if out.exists() and not args.force:
        print(_("partnerlab template: {path} exists; use --force to overwrite it", path=out), file=sys.stderr)
        return 2
    if paths.DATA_RAW in out.resolve().parents:
        print(
            _("partnerlab template: {path}: data/raw/ holds the analysts' workbooks and is never written to", path=out),
            file=sys.stderr,
        )
        return 2
    template.write_template(out, lang=args.lang)
    print(_("wrote {path}", path=out))
    return 0


def _import(args: argparse.Namespace) -> int:
    from partnerlab.importers import import_command

    return import_command(args)


def _validate(args: argparse.Namespace) -> int:
    from partnerlab.workbook import check_workbook

    wb, problems = check_workbook(args.workbook)
    errors = [p for p in problems if p.is_error]
    for p in problems:
        if p.is_error or not args.quiet:
            print(p)
    if getattr(args, "annotate", None) is not None and _annotate(args, wb, problems) != 0:
        return 2
    if errors:
        print(
            _(
                "{name}: {errors} error(s), {warnings} warning(s): fix the errors above and validate again",
                name=args.workbook.name,
                errors=len(errors),
                warnings=len(problems) - len(errors),
            ),
            file=sys.stderr,
        )
        return 1
    counts = ", ".join(f"{k} {len(v)}" for k, v in wb.tables.items() if len(v))
    print(
        _(
            "{name}: usable ({counts}); {warnings} warning(s)",
            name=args.workbook.name,
            counts=counts,
            warnings=len(problems),
        )
    )
    return 0


def _annotate(args: argparse.Namespace, wb, problems: list) -> int:
    from partnerlab import annotate, paths

    out: Path = args.annotate
    if out.suffix.lower() != ".xlsx":
        print(_("partnerlab validate: {path}: the annotated copy must end in .xlsx", path=out), file=sys.stderr)
        return 2
    if out.resolve() == args.workbook.resolve() or paths.DATA_RAW in out.resolve().parents:
        print(
            _(
                "partnerlab validate: {path}: the annotated copy never overwrites a workbook nor goes to data/raw/",
                path=out,
            ),
            file=sys.stderr,
        )
        return 2
    if problems and all(not p.sheet for p in problems if p.is_error) and any(p.is_error for p in problems):
        print(
            _(
                "partnerlab validate: {name} could not be read, so no annotated copy was written",
                name=args.workbook.name,
            ),
            file=sys.stderr,
        )
        return 0
    lang = wb.about.get("language", "en") if wb is not None else None  # None: from the sheet names
    try:
        annotate.annotate_workbook(args.workbook, problems, out, lang=lang)
    except Exception as exc:  # a file our loader reads but openpyxl's full mode does not
        print(
            _("partnerlab validate: could not write {path}: {error}", path=out, error=f"{type(exc).__name__}: {exc}"),
            file=sys.stderr,
        )
        return 2
    print(_("wrote {path} ({n} problem(s) marked)", path=out, n=len(problems)), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
