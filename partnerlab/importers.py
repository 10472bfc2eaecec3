"""Data in: Kumu, Gephi, edge lists, Google Forms, KoboToolbox, SurveyMonkey and mapped spreadsheets to a workbook.

`import_sources(paths, fmt)` reads the files and returns an `ImportResult`: rows per sheet
of the contract (spec/workbook.md) and three lists a person reviews (what was mapped, what
was guessed, what could not be mapped). `write_import(result, out)` writes a new workbook
through `partnerlab.template.write_workbook` (the template's headers and dropdowns), checks it
with the loader and moves it into place only when it is usable: nothing is written on error.

The files are untrusted: over 100 MB, or a CSV or sheet over 200,000 rows, is refused
(`partnerlab.workbook.LIMITS`), XLSX files are checked for zip bombs, then read by the loader's
hardened reader (`partnerlab.xlsx`: no DTD, rows and unpacked bytes counted), and every problem
is one `ImportFailure` line naming the file, row and column. docs/import_export.md documents each format.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import math
import os
import re
import unicodedata
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from partnerlab import i18n, schema, vocab
from partnerlab.exports import unescape_csv_text
from partnerlab.i18n import N_
from partnerlab.workbook import LIMITS

__all__ = [
    "FORMATS",
    "ImportFailure",
    "ImportResult",
    "Table",
    "import_sources",
    "detect_format",
    "read_tables",
    "write_import",
    "suggest_mapping",
    "make_id",
    "infer_question",
    "import_command",
]

FORMATS = ("kumu", "gephi", "edgelist", "google-forms", "kobo", "surveymonkey", "mapping")
TIMESTAMP_HEADERS = {"timestamp", "marcatemporal", "marcadetiempo", "horadeenvio"}
EMAIL_HEADERS = {
    "emailaddress",
    "email",
    "correo",
    "correoelectronico",
    "direcciondecorreoelectronico",
    "username",
    "nombredeusuario",
    "ipaddress",
    "firstname",
    "lastname",
}
KOBO_META = {
    "start",
    "end",
    "today",
    "deviceid",
    "subscriberid",
    "simserial",
    "phonenumber",
    "username",
    "audit",
    "meta/instanceid",
    "meta/instancename",
    "meta/rootuuid",
    "instanceid",
    "formhub/uuid",
}
# (Kobo's other metadata columns start with "_": _id, _uuid, _submission_time, _index, __version__, ...)
SURVEYMONKEY_META = {
    "respondentid",
    "collectorid",
    "startdate",
    "enddate",
    "ipaddress",
    "emailaddress",
    "firstname",
    "lastname",
    "customdata1",
    "customdata",
}
COMPUTED = {
    "quadrant",
    "degree",
    "degreecentrality",
    "weighteddegree",
    "betweenness",
    "pagerank",
    "community",
    "screening",
    *(f"brokerage{r}" for r in ("coordinator", "itinerant", "representative", "gatekeeper", "liaison", "total")),
}
MAX_OPTIONS = 25  # more distinct answers than this: a text question, not a choice


class ImportFailure(Exception):
    """A source cannot be imported; the message is one line naming the file, row and column."""


@dataclass
class Table:
    """One sheet of a source: its header and data rows (row numbers as the file shows them)."""

    file: str
    sheet: str
    header: list[str]
    rows: list[list]
    first_row: int = 2  # the row number of rows[0]

    def where(self, i: int, col: int | str | None = None) -> str:
        """'file: sheet row N, column "X"' for messages."""
        sheet = f" sheet {self.sheet}" if self.sheet else ""
        name = self.header[col] if isinstance(col, int) and col < len(self.header) else col
        column = f', column "{name}"' if name not in (None, "") else ""
        return f"{self.file}:{sheet} row {self.first_row + i}{column}"

    def column(self, *names: str) -> int | None:
        """Position of the first header matching one of names (case, accents, spaces ignored)."""
        folded = [vocab.normalize(h) for h in self.header]
        for n in names:
            if vocab.normalize(n) in folded:
                return folded.index(vocab.normalize(n))
        return None


@dataclass
class ImportResult:
    """Rows per sheet key (write_workbook's format) and what the import did, for review."""

    data: dict[str, list[dict]] = field(default_factory=dict)
    mapped: list[str] = field(default_factory=list)
    guessed: list[str] = field(default_factory=list)
    unmapped: list[str] = field(default_factory=list)
    fmt: str = ""
    lang: str = "en"  # the language of the review lines

    def _(self, msgid: str, **values: object) -> str:
        """A review line in the import's language."""
        return i18n.translator(self.lang)(msgid, **values)

    def n(self, singular: str, plural: str, n: int, **values: object) -> str:
        """A review line with a count, in the import's language."""
        return i18n.translator(self.lang).n(singular, plural, n, **values)

    def lines(self) -> list[str]:
        """The review, one line per item, grouped: mapped, guessed, could not map."""
        out = []
        for title, items in (
            (N_("mapped"), self.mapped),
            (N_("guessed (check these)"), self.guessed),
            (N_("could not map"), self.unmapped),
        ):
            if items:
                out.append(self._("{title}:", title=self._(title)))
                out += [f"  {x}" for x in items]
        counts = ", ".join(f"{k} {len(v)}" for k, v in self.data.items() if v)
        out.append(self._("imported ({format}): {counts}", format=self.fmt, counts=counts or self._("nothing")))
        return out


# ---------------------------------------------------------------------------------------
# Entry points
# ---------------------------------------------------------------------------------------


def import_sources(
    paths: list[str | Path], fmt: str | None = None, mapping: str | Path | None = None, lang: str = "en"
) -> ImportResult:
    """Read sources of one format into rows of the contract.

    Args:
        paths: The files (Kumu: one .xlsx or .json; Gephi: the nodes and edges CSVs, or the edges alone;
            edge list: one CSV; survey exports: one CSV or XLSX; mapping: one spreadsheet).
        fmt: One of FORMATS; None: detected from the files.
        mapping: A YAML or JSON mapping file (format "mapping").
        lang: Language of the labels written into vocabulary cells.

    Raises:
        ImportFailure: A file cannot be read or imported (one line).
    """
    paths = [Path(p) for p in paths]
    for p in paths:
        _check_file(p)
    if mapping is not None:
        fmt = fmt or "mapping"
    fmt = fmt or detect_format(paths)
    if fmt not in FORMATS:
        raise ImportFailure(f"unknown format {fmt!r}: expected one of {', '.join(FORMATS)}")
    if fmt == "mapping" and mapping is None:
        raise ImportFailure("--format mapping needs --mapping FILE (see --suggest-mapping)")
    reader = {
        "kumu": _import_kumu,
        "gephi": _import_gephi,
        "edgelist": _import_edgelist,
        "google-forms": _import_google_forms,
        "kobo": _import_kobo,
        "surveymonkey": _import_surveymonkey,
        "mapping": lambda ps, lg: _import_mapping(ps, Path(mapping), lg),
    }[fmt]
    result = reader(paths, lang)
    result.fmt = fmt
    return result


def import_command(args) -> int:
    """`partnerlab import`: 0 written, 1 the import would not validate, 2 usage or unreadable input."""
    import sys

    from partnerlab import paths as project_paths

    def fail(message: str, code: int = 2) -> int:
        print(f"partnerlab import: {message}", file=sys.stderr)
        return code

    try:
        if args.suggest_mapping:
            if len(args.sources) != 1:
                return fail("--suggest-mapping reads one spreadsheet")
            print(suggest_mapping(args.sources[0]), end="")
            return 0
        out = args.out
        if out is None:
            return fail("--out NEW.xlsx is required (the new workbook to write)")
        if out.suffix.lower() != ".xlsx":
            return fail(f"{out}: the output must end in .xlsx")
        if out.exists():
            return fail(f"{out} exists; choose another --out (an import never overwrites a file)")
        if project_paths.DATA_RAW in out.resolve().parents:
            return fail(f"{out}: data/raw/ holds the analysts' workbooks and is never written to")
        if args.into is not None and args.into.resolve() == out.resolve():
            return fail("--into and --out must be different files (the existing workbook is only read)")
        result = import_sources(args.sources, args.format, args.mapping, args.lang)
        for line in result.lines():
            print(line)
        before = len(result.mapped)
        warnings = write_import(result, out, args.lang, args.into)
        for line in result.mapped[before:]:  # what --into kept and added
            print(line)
    except ImportFailure as exc:
        return fail(str(exc), 1 if "would not validate" in str(exc) else 2)
    except Exception as exc:  # a file that defeats the readers in a way not foreseen: still one line
        names = ", ".join(Path(p).name for p in args.sources)
        return fail(
            f"{names}: could not be imported ({type(exc).__name__}: {str(exc)[:200]}); please report this file's layout"
        )
    print(
        result.n(
            "wrote {out} ({n} warning from partnerlab validate); next: partnerlab validate {out} && "
            "partnerlab run --workbook {out}",
            "wrote {out} ({n} warnings from partnerlab validate); next: "
            "partnerlab validate {out} && partnerlab run --workbook {out}",
            len(warnings),
            out=out,
        )
    )
    return 0


def detect_format(paths: list[Path]) -> str:
    """Guess the format of the sources from their names, sheets and headers."""
    if any(p.suffix.lower() == ".json" for p in paths):
        return "kumu"
    tables = [t for p in paths for t in read_tables(p, limit_rows=3)]
    sheets = {vocab.normalize(t.sheet) for t in tables}
    if "elements" in sheets:
        return "kumu"
    headers = [{vocab.normalize(h) for h in t.header} for t in tables]
    first = [vocab.normalize(t.header[0]) if t.header else "" for t in tables]
    if any(f in TIMESTAMP_HEADERS for f in first):
        return "google-forms"
    lowered = [{str(h).strip().lower() for h in t.header} for t in tables]
    if any(h & {"_uuid", "_submission_time", "_id"} and h & {"start", "end", "_index"} for h in lowered):
        return "kobo"
    if any(f == "respondentid" for f in first):
        return "surveymonkey"
    if any({"source", "target"} <= h for h in headers) or any({"id", "label"} <= h for h in headers):
        return "gephi"
    if len(tables) == 1 and 2 <= len(tables[0].header) <= 3:
        return "edgelist"
    names = ", ".join(p.name for p in paths)
    raise ImportFailure(
        f"{names}: cannot tell the format; use --format ({', '.join(FORMATS)}) "
        f"or describe the columns with --mapping FILE (--suggest-mapping proposes one)"
    )


def write_import(result: ImportResult, out: str | Path, lang: str = "en", into: str | Path | None = None) -> list:
    """Write the imported rows as a new workbook, only if the loader finds it usable.

    Args:
        result: From `import_sources`.
        out: The new .xlsx (must not exist).
        lang: Language of sheet names and headers.
        into: An existing workbook whose rows come first (it is only read).

    Returns:
        The loader's warnings for the new workbook.

    Raises:
        ImportFailure: The workbook would have errors (the first ones are in the message); nothing is written.
    """
    from partnerlab import template
    from partnerlab.workbook import check_workbook

    out = Path(out)
    data = {k: list(v) for k, v in result.data.items()}
    about = {"portfolio": out.stem, "language": lang}
    if into is not None:
        data, about = _merge_into(Path(into), data, result)
    tmp = out.with_name(f".{out.stem}.partial.xlsx")
    try:
        template.write_workbook(tmp, data, lang=lang, about=about)
        wb, problems = check_workbook(tmp)
        errors = [p for p in problems if p.is_error]
        if wb is None:
            shown = "; ".join(str(p).split(": ", 1)[-1] for p in errors[:3])
            more = f" (and {len(errors) - 3} more)" if len(errors) > 3 else ""
            raise ImportFailure(f"the imported workbook would not validate: {shown}{more}; nothing was written")
        if out.exists():
            raise ImportFailure(f"{out} exists; choose another --out (an import never overwrites a file)")
        os.replace(tmp, out)
    finally:
        if tmp.exists():
            tmp.unlink()
    return [p for p in problems if not p.is_error]


def suggest_mapping(path: str | Path) -> str:
    """A proposed mapping file (YAML) for a stakeholder spreadsheet: its columns -> ours, its values -> our keys."""
    _check_file(Path(path))
    tables = read_tables(Path(path))
    if not tables:
        raise ImportFailure(f"{Path(path).name}: no sheet with a header row")
    t = max(tables, key=lambda x: len(x.rows))
    lines = [
        "# partnerlab mapping (review every line; blank or delete what does not apply)",
        f"# source: {Path(path).name}",
        f"sheet: {_yaml_str(t.sheet or '')}",
        "columns:",
    ]
    chosen: dict[int, str] = {}
    for i, h in enumerate(t.header):
        key = _stakeholder_column(h) or _guess_column_by_values(t, i)
        guess = None if key else _guess_column_by_words(h)
        if key:
            note = ""
        elif guess:
            note = "   # guessed from the header"
        else:
            note = "   # not mapped: one of " + ", ".join(c.key for c in _STAKEHOLDER_COLS)
        key = key or guess
        lines.append(f"  {_yaml_str(h)}: {key or ''}{note}")
        if key:
            chosen[i] = key
    lines.append("values:")
    for i, key in chosen.items():
        c = schema.sheet("stakeholders").column(key)
        if c.kind not in ("vocab", "vocab_list"):
            continue
        v = vocab.VOCABULARIES[c.vocab]
        seen = _distinct(t, i, split="|;" if c.kind == "vocab_list" else "")
        lines.append(f"  {key}:   # keys: {', '.join(v.keys)}")
        for value in seen[:60]:
            hit = v.lookup(value)
            close = None if hit else v.suggest(value)
            hint = "" if hit else f"   # guess: {v.lookup(close)}" if close else "   # ?"
            lines.append(f"    {_yaml_str(value)}: {hit or ''}{hint}")
    return "\n".join(lines) + "\n"


def make_id(label: object, taken: set[str]) -> str:
    """An id from a label: the acronym in brackets when there is one, else an ASCII slug; unique in taken.

    >>> make_id("Secretaría de Hacienda (SHCP)", set()), make_id("Fundación Sur A.C.", set())
    ('SHCP', 'Fundacion_Sur_A.C')
    >>> make_id("GIZ", {"giz"})
    'GIZ-2'
    """
    text = str(label or "").strip()
    m = re.search(r"\(([A-Za-z0-9][A-Za-z0-9.\-]{1,15})\)\s*$", text)
    base = m.group(1) if m else text
    base = unicodedata.normalize("NFKD", base)
    base = "".join(ch for ch in base if not unicodedata.combining(ch))
    base = re.sub(r"[^A-Za-z0-9_.\-]+", "_", base).strip("_.-")[:40].rstrip("_.-") or "X"
    candidate, n = base, 1
    while vocab.normalize(candidate) in taken:
        n += 1
        candidate = f"{base}-{n}"
    taken.add(vocab.normalize(candidate))
    return candidate


def infer_question(values: list[str]) -> tuple[str, list[str], list]:
    """The type of a survey question from its answers, its options and the answers parsed.

    scale: whole numbers 0-10 (options from 0 or 1 to the highest answer); number: other
    numbers; multi: answers joined by ", " whose parts recur; choice: at most 25 distinct
    answers that recur; text otherwise. Options are listed in order of first appearance.

    >>> infer_question(["3", "5", "", "4"])[:2]
    ('scale', ['1', '2', '3', '4', '5'])
    >>> infer_question(["Taller, Foro", "Foro", "Taller", "Mesa, Foro"])[:2]
    ('multi', ['Taller', 'Foro', 'Mesa'])
    >>> infer_question(["Sí", "No", "Sí"])[:2]
    ('choice', ['Sí', 'No'])
    """
    answers = [str(v).strip() for v in values if v is not None and str(v).strip() != ""]
    if not answers:
        return "text", [], [None for _ in values]
    nums = [_as_number(a) for a in answers]
    if all(n is not None for n in nums):
        if all(n == int(n) and 0 <= n <= 10 for n in nums):
            lo, hi = (0 if min(nums) == 0 else 1), int(max(nums))  # Google Forms' linear scales start at 0 or 1
            options = [str(k) for k in range(lo, hi + 1)]
            return "scale", options, [_clean_num(v) for v in values]
        return "number", [], [_as_number(v) if v not in (None, "") else None for v in values]
    parts = [[p.strip() for p in a.split(", ") if p.strip()] for a in answers]
    distinct_parts = list(dict.fromkeys(p for ps in parts for p in ps))
    distinct_whole = list(dict.fromkeys(answers))
    if (
        any(len(ps) > 1 for ps in parts)
        and len(distinct_parts) <= MAX_OPTIONS
        and sum(len(ps) for ps in parts) > len(distinct_parts)
    ):  # joined by ", " and the parts recur
        options = [_no_semicolon(p) for p in distinct_parts]
        parsed = [
            [_no_semicolon(p.strip()) for p in str(v).split(", ") if p.strip()] if v not in (None, "") else []
            for v in values
        ]
        return "multi", options, parsed
    if len(distinct_whole) <= MAX_OPTIONS and len(distinct_whole) < len(answers):
        options = [_no_semicolon(a) for a in distinct_whole]
        return "choice", options, [_no_semicolon(str(v).strip()) if v not in (None, "") else None for v in values]
    return "text", [], [str(v).strip() if v not in (None, "") else None for v in values]


# ---------------------------------------------------------------------------------------
# Reading files (the edge: size and row limits, one-line errors)
# ---------------------------------------------------------------------------------------


def read_tables(path: Path, limit_rows: int | None = None) -> list[Table]:
    """The sheets of a CSV or XLSX file as Tables (blank sheets left out), header in the first non-blank row.

    Args:
        path: A .csv, .tsv, .txt or .xlsx file.
        limit_rows: Read at most this many rows (format detection).
    """
    _check_file(path)
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        raw = _read_xlsx(path, limit_rows)
    elif suffix in (".csv", ".tsv", ".txt"):
        raw = [("", _read_csv(path, limit_rows))]
    else:
        raise ImportFailure(
            f"{path.name}: expected a .csv or .xlsx file (or Kumu's .json), found {suffix or 'no extension'}"
        )
    tables = []
    for sheet, rows in raw:
        while rows and all(_blank(v) for v in rows[0]):  # blank rows above the header
            rows.pop(0)
        if not rows:
            continue
        header = [("" if _blank(h) else str(h).strip()) for h in rows[0]]
        body = [list(r) + [None] * (len(header) - len(r)) for r in rows[1:]]
        tables.append(Table(path.name, sheet, header, body))
    return tables


def _check_file(path: Path) -> None:
    if not path.is_file():
        raise ImportFailure(f"{path}: no such file")
    size = path.stat().st_size
    if size > LIMITS["max_file_bytes"]:
        raise ImportFailure(
            f"{path.name}: {size / 2**20:.0f} MB; expected a file of at most {LIMITS['max_file_bytes'] // 2**20} MB"
        )


def _read_csv(path: Path, limit_rows: int | None) -> list[list]:
    data = path.read_bytes()
    if b"\x00" in data[:1_000_000]:
        raise ImportFailure(f"{path.name}: binary data (NUL bytes); expected a text CSV file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")  # Excel in Mexico saves CSV as Windows-1252
    sample = text[:20000]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t|")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows = []
    try:
        for row in reader:
            if len(rows) > LIMITS["max_rows"]:
                raise ImportFailure(
                    f"{path.name}: more than {LIMITS['max_rows']:,} rows; expected at most "
                    f"{LIMITS['max_rows']:,} (split the file)"
                )
            if len(row) > LIMITS["max_columns"]:
                raise ImportFailure(
                    f"{path.name}: row {reader.line_num} has {len(row)} columns; expected at most "
                    f"{LIMITS['max_columns']}"
                )
            rows.append([unescape_csv_text(c.strip()) if c.strip() != "" else None for c in row])
            if limit_rows and len(rows) >= limit_rows:
                break
    except csv.Error as exc:
        raise ImportFailure(f"{path.name}: row {reader.line_num}: not readable as CSV ({exc})") from None
    return rows


def _read_xlsx(path: Path, limit_rows: int | None) -> list[tuple[str, list[list]]]:
    if not zipfile.is_zipfile(path):
        raise ImportFailure(f"{path.name}: not an .xlsx file (not a zip archive); save it as .xlsx or .csv")
    with zipfile.ZipFile(path) as zf:
        infos = zf.infolist()
        total = sum(i.file_size for i in infos)
        packed = sum(i.compress_size for i in infos) or 1
        if total > LIMITS["max_unzipped_bytes"] or (
            total > 50 * 2**20 and total / packed > LIMITS["max_compression_ratio"]
        ):
            raise ImportFailure(
                f"{path.name}: unpacks to {total / 2**20:.0f} MB; expected at most "
                f"{LIMITS['max_unzipped_bytes'] // 2**20} MB with a compression ratio below "
                f"{LIMITS['max_compression_ratio']} (refused as a possible zip bomb)"
            )
        for info in infos:  # no DTD anywhere: no entity expansion (openpyxl also uses defusedxml)
            if info.filename.endswith(".xml"):
                with zf.open(info) as fh:
                    if b"<!DOCTYPE" in fh.read(4096).upper():
                        raise ImportFailure(f"{path.name}: {info.filename} declares a DTD; refused")
        from partnerlab.xlsx import TooBig, Unsafe, XlsxReader  # the loader's hardened reader, its limits

        out = []
        try:
            reader = XlsxReader(zf)
            for title, _state, part in reader.sheets():
                rows = [
                    [v.strip() if isinstance(v, str) else v for v in r[: LIMITS["max_columns"]]]
                    for r in reader.read_sheet(part, title)[0]
                ]
                if limit_rows:
                    rows = rows[:limit_rows]
                while rows and all(_blank(v) for v in rows[-1]):
                    rows.pop()
                width = max((len(r) for r in rows), default=0)  # every row as wide as the sheet, as openpyxl gave
                out.append((title, [r + [None] * (width - len(r)) for r in rows]))
        except (TooBig, Unsafe) as exc:
            raise ImportFailure(f"{path.name}: {exc}") from None
        except Exception as exc:  # a corrupt or foreign file: one line, no traceback
            raise ImportFailure(f"{path.name}: not readable as .xlsx ({type(exc).__name__}: {exc})") from None
    return out


def _read_json(path: Path) -> object:
    try:
        return json.loads(path.read_bytes().decode("utf-8-sig"))
    except RecursionError:
        raise ImportFailure(f"{path.name}: JSON nested too deeply; expected Kumu's {{elements, connections}}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        line = getattr(exc, "lineno", None)
        where = f" line {line}" if line else ""
        raise ImportFailure(f"{path.name}:{where}: not valid JSON ({getattr(exc, 'msg', exc)})") from None


# ---------------------------------------------------------------------------------------
# Networks: Kumu, Gephi, edge lists
# ---------------------------------------------------------------------------------------

_STAKEHOLDER_COLS = schema.sheet("stakeholders").columns


class _Network:
    """Stakeholders and ties being built, with the review lines."""

    def __init__(self, result: ImportResult, lang: str, labels_first: bool = False):
        self.r, self.lang, self.labels_first = result, lang, labels_first
        self.by_raw: dict[str, str] = {}  # the id as the source wrote it -> id
        self.duplicate_labels = 0
        self.stakeholders: list[dict] = []
        self.ties: list[dict] = []
        self.by_id: dict[str, str] = {}  # folded id -> id
        self.by_label: dict[str, str] = {}  # label -> id
        self.by_folded_label: dict[str, str] = {}
        self.taken: set[str] = set()
        self.unmapped: Counter = Counter()  # (what, value) -> count
        self.created: list[str] = []
        self.clipped = 0
        self.loops = 0
        self.no_sector = 0

    def add_node(self, raw_id: object, label: object, fields: dict, where: str) -> None:
        label = None if _blank(label) else str(label).strip()
        raw = rid = None if _blank(raw_id) else str(raw_id).strip()
        if rid is not None and not re.fullmatch(r"[A-Za-z0-9_.\-]+", rid):
            rid = None  # an id our contract does not allow ("n:12", "elem 2"): derive one, remember the original
        if rid is not None and vocab.normalize(rid) in self.taken:
            raise ImportFailure(f"{where}: id {rid!r} appears twice; expected unique ids")
        sid = rid if rid is not None else make_id(label or f"node{len(self.stakeholders) + 1}", self.taken)
        self.taken.add(vocab.normalize(sid))
        name = label or sid
        row = {"id": sid, "name": name, **fields}
        if not row.get("sector"):
            row["sector"] = vocab.SECTORS.label("other", self.lang)
            self.no_sector += 1
        self.stakeholders.append(row)
        self.by_id[vocab.normalize(sid)] = sid
        if raw is not None:
            self.by_raw.setdefault(raw, sid)
        if name in self.by_label:
            self.duplicate_labels += 1
        self.by_label.setdefault(name, sid)
        self.by_folded_label.setdefault(vocab.normalize(name), sid)

    def resolve(self, ref: object, where: str) -> str:
        """The stakeholder id a tie end refers to: by label first (Kumu) or by id first (Gephi, edge lists)."""
        text = str(ref).strip()
        by_label, by_id = (self.by_label, text), (self.by_raw, text)
        first = (by_label, by_id) if self.labels_first else (by_id, by_label)
        for table, key in (*first, (self.by_id, vocab.normalize(text)), (self.by_folded_label, vocab.normalize(text))):
            if key in table:
                return table[key]
        self.add_node(text if re.fullmatch(r"[A-Za-z0-9_.\-]+", text) else None, text, {}, where)
        self.created.append(text)
        return self.stakeholders[-1]["id"]

    def add_tie(
        self,
        src: object,
        dst: object,
        kinds: list[str],
        directed: bool | None,
        strength: object,
        where: str,
        note: str | None = None,
    ) -> None:
        if _blank(src) or _blank(dst):
            raise ImportFailure(f"{where}: a tie needs both ends; found a blank")
        s, t = self.resolve(src, where), self.resolve(dst, where)
        if s == t:
            self.loops += 1
            return
        level = None
        if not _blank(strength):
            num = _as_number(strength)
            if num is None:
                raise ImportFailure(f"{where}: found {str(strength)[:40]!r}; expected a number (weight/strength)")
            level = min(3, max(1, int(round(num))))
            if level != num:
                self.clipped += 1
                note = "; ".join(x for x in (note, f"weight in the source: {num:g}") if x)
        keys = []
        for k in kinds or [None]:
            if k is None:
                keys.append((None, None))
                continue
            key = vocab.TIE_KINDS.lookup(k)
            if key is None:
                self.unmapped[("tie type", k)] += 1
                keys.append(("other", k))
            else:
                keys.append((key, None))
        for key, raw in keys:
            tie = {"source": s, "target": t, "strength": level}
            if key:
                tie["kind"] = vocab.TIE_KINDS.label(key, self.lang)
            if directed is not None:
                tie["directed"] = directed
            text = "; ".join(x for x in (note, f"type in the source: {raw}" if raw else None) if x)
            if text:
                tie["note"] = text
            self.ties.append(tie)

    def node_fields(self, table: Table, row: list, skip: set[int]) -> dict:
        """Our stakeholder columns found among the other columns of a node table."""
        fields = {}
        for i, h in enumerate(table.header):
            if i in skip or i >= len(row) or _blank(row[i]):
                continue
            key = _stakeholder_column(h)
            if key in (None, "id", "name"):
                continue
            value = self.convert(key, row[i], "|;" if key == "roles" else ";")
            if value not in (None, "", []):
                fields[key] = value
        return fields

    def convert(self, key: str, value: object, seps: str = ";") -> object:
        """A source value for one of our stakeholder columns, as the template writes it; unmatched values counted."""
        c = schema.sheet("stakeholders").column(key)
        if c.kind == "vocab":
            hit = vocab.VOCABULARIES[c.vocab].lookup(value)
            if hit is None:
                self.unmapped[(key, str(value))] += 1
                return None
            return vocab.VOCABULARIES[c.vocab].label(hit, self.lang)
        if c.kind in ("vocab_list", "state_list"):
            v = vocab.STATES if c.kind == "state_list" else vocab.VOCABULARIES[c.vocab]
            out = []
            for part in (p.strip() for p in re.split(f"[{re.escape(seps)}]", str(value)) if p.strip()):
                hit = v.lookup(part)
                if hit is None:
                    self.unmapped[(key, part)] += 1
                else:
                    out.append(v.label(hit, self.lang))
            return out
        if c.kind == "int":
            num = _as_number(value)
            if num is None or num != int(num) or not c.lo <= num <= c.hi:
                self.unmapped[(key, str(value))] += 1
                return None
            return int(num)
        if c.kind == "ref_list":
            self.unmapped[(key, self.r._("(a list of ids: import ties instead)"))] += 1
            return None
        return str(value)

    def finish(self, sources: str) -> None:
        """The rows into the result, and the review lines of what the import made of them."""
        r = self.r
        r.data["stakeholders"] = self.stakeholders
        r.data["ties"] = self.ties
        r.mapped.append(
            r._(
                "{sources}: {stakeholders}, {ties}",
                sources=sources,
                stakeholders=r.n("{n} stakeholder", "{n} stakeholders", len(self.stakeholders)),
                ties=r.n("{n} tie", "{n} ties", len(self.ties)),
            )
        )
        r.guessed.extend(self._guessed_lines())
        if self.loops:
            r.unmapped.append(
                r.n(
                    "{n} tie from a node to itself was left out",
                    "{n} ties from a node to itself were left out",
                    self.loops,
                )
            )
        r.unmapped.extend(self._unmapped_lines())

    def _guessed_lines(self) -> list[str]:
        """The review lines of what the import guessed: created stakeholders, sectors, weights, labels."""
        r = self.r
        lines = []
        if self.created:
            shown = ", ".join(self.created[:5]) + (" ..." if len(self.created) > 5 else "")
            lines.append(
                r.n(
                    "{n} tie end not in the node list became a stakeholder (sector Other): {shown}",
                    "{n} tie ends not in the node list became stakeholders (sector Other): {shown}",
                    len(self.created),
                    shown=shown,
                )
            )
        if self.no_sector:
            lines.append(
                r.n(
                    "{n} stakeholder has no recognised sector and was given sector Other: set its "
                    "sector in the workbook",
                    "{n} stakeholders have no recognised sector and were given "
                    "sector Other: set their sector in the workbook",
                    self.no_sector,
                )
            )
        if self.clipped:
            lines.append(
                r.n(
                    "{n} tie weight was not a whole number 1-3: rounded and clipped to 1-3 (strength); "
                    "the tie's note keeps the weight in the source",
                    "{n} tie weights were not whole "
                    "numbers 1-3: rounded and clipped to 1-3 (strength); each tie's note keeps the weight "
                    "in the source",
                    self.clipped,
                )
            )
        if self.duplicate_labels:
            lines.append(
                r.n(
                    "{n} label appears more than once: a tie that names it goes to the first stakeholder "
                    "with that label (use ids to be exact)",
                    "{n} labels appear more than once: a tie "
                    "that names one goes to the first stakeholder with that label (use ids to be exact)",
                    self.duplicate_labels,
                )
            )
        return lines

    def _unmapped_lines(self) -> list[str]:
        """The review lines of the values that could not be mapped, grouped by column, most frequent first."""
        r = self.r
        by_what: dict[str, list[str]] = {}
        for (what, value), n in self.unmapped.most_common():
            by_what.setdefault(what, []).append(f'"{value}" ({n})')
        lines = []
        for what, values in by_what.items():
            listed = ", ".join(values[:12]) + (" ..." if len(values) > 12 else "")
            if what == "tie type":
                lines.append(
                    r._("tie type: {values} (kept as kind Other, with the source's type in the note)", values=listed)
                )
            else:  # what: a column of the contract
                lines.append(r._("{column}: {values}", column=what, values=listed))
        return lines


def _import_kumu(paths: list[Path], lang: str) -> ImportResult:
    result = ImportResult(lang=lang)
    elements, connections = _kumu_tables(paths)
    net = _Network(result, lang, labels_first=True)
    _kumu_elements(net, result, elements, lang)
    if connections is not None:
        _kumu_connections(net, result, connections)
    net.finish(", ".join(p.name for p in paths))
    return result


def _kumu_tables(paths: list[Path]) -> tuple[Table, Table | None]:
    """The elements and connections tables of Kumu's export (JSON or a spreadsheet), first found first."""
    elements: Table | None = None
    connections: Table | None = None
    for p in paths:
        if p.suffix.lower() == ".json":
            e, c = _kumu_json_tables(p)
        else:
            tables = {vocab.normalize(t.sheet): t for t in read_tables(p)}
            e, c = tables.get("elements"), tables.get("connections")
            if e is None:
                found = ", ".join(f'"{t.sheet}"' for t in tables.values()) or "none"
                raise ImportFailure(
                    f'{p.name}: expected a sheet named "Elements" (Kumu\'s spreadsheet layout); found: {found}'
                )
        elements = elements or e
        connections = connections or c
    return elements, connections


def _kumu_elements(net: _Network, result: ImportResult, t: Table, lang: str) -> None:
    """Kumu's elements as stakeholders: Label -> name, Type -> sector, Description -> mandate, Tags -> roles."""
    label_col = t.column("Label")
    if label_col is None:
        raise ImportFailure(
            f'{t.file}: sheet {t.sheet or "elements"} row 1: expected a "Label" column; found '
            f"{', '.join(repr(h) for h in t.header[:8])}"
        )
    id_col, type_col, desc_col, tags_col = (
        t.column("ID", "_id"),
        t.column("Type", "element type"),
        t.column("Description"),
        t.column("Tags"),
    )
    skip = {x for x in (label_col, id_col, type_col, desc_col, tags_col) if x is not None}
    computed = [h for i, h in enumerate(t.header) if i not in skip and vocab.normalize(h) in COMPUTED]
    ignored = [
        h
        for i, h in enumerate(t.header)
        if i not in skip and h and vocab.normalize(h) not in COMPUTED and _stakeholder_column(h) in (None, "id", "name")
    ]
    tags_unmapped: Counter = Counter()
    not_fields = skip | {j for j, h in enumerate(t.header) if vocab.normalize(h) in COMPUTED}
    for i, row in enumerate(t.rows):
        if all(_blank(v) for v in row):
            continue
        where = t.where(i, label_col)
        if _blank(row[label_col]):
            raise ImportFailure(f"{where}: blank; expected the element's label")
        fields = net.node_fields(t, row, not_fields)
        if type_col is not None and not _blank(row[type_col]):
            fields["sector"] = net.convert("sector", row[type_col])
        if desc_col is not None and not _blank(row[desc_col]):
            fields["mandate"] = str(row[desc_col])
        if tags_col is not None and not _blank(row[tags_col]):
            roles = _kumu_roles(row[tags_col], lang, tags_unmapped)
            if roles:
                fields["roles"] = roles
        net.add_node(
            row[id_col] if id_col is not None else None,
            row[label_col],
            {k: v for k, v in fields.items() if v not in (None, "", [])},
            where,
        )
    _kumu_elements_said(result, id_col is not None, tags_unmapped, computed, ignored)


def _kumu_roles(tags: object, lang: str, unmapped: Counter) -> list[str]:
    """The role labels among a Kumu element's tags; the other tags are counted in `unmapped`."""
    roles = []
    for tag in _kumu_list(tags):
        hit = vocab.ROLES.lookup(tag)
        if hit:
            roles.append(vocab.ROLES.label(hit, lang))
        else:
            unmapped[tag] += 1
    return roles


def _kumu_elements_said(
    result: ImportResult, has_ids: bool, tags_unmapped: Counter, computed: list[str], ignored: list[str]
) -> None:
    """What the import says about Kumu's elements: what mapped, what was guessed, what was left out."""
    result.mapped.append(
        result._(
            "Elements: Label -> name, {id}Type -> sector, Description -> mandate, Tags -> roles (when they are roles)",
            id="ID -> id, " if has_ids else "",
        )
    )
    if not has_ids:
        result.guessed.append(result._("ids made from the labels (the acronym in brackets when there is one)"))
    if tags_unmapped:
        result.unmapped.append(
            result._(
                "tags that are not roles: {tags}",
                tags=", ".join(f'"{k}" ({n})' for k, n in tags_unmapped.most_common(12)),
            )
        )
    _left_out_columns(result, computed, ignored, N_("element fields with no column in the workbook: {columns}"))


def _left_out_columns(result: ImportResult, computed: list[str], ignored: list[str], ignored_msgid: str) -> None:
    """The review lines of a source's columns not imported: those partnerlab computes itself, and
    those with no column in the workbook (`ignored_msgid` names them as the source does)."""
    if computed:
        result.unmapped.append(result._("computed by partnerlab, not imported: {columns}", columns=", ".join(computed)))
    if ignored:
        result.unmapped.append(result._(ignored_msgid, columns=", ".join(ignored)))


def _kumu_connections(net: _Network, result: ImportResult, c: Table) -> None:
    """Kumu's connections as ties: From/To -> source/target, Type -> kind, Direction, Strength."""
    f_col, t_col = c.column("From", "from"), c.column("To", "to")
    if f_col is None or t_col is None:
        raise ImportFailure(
            f'{c.file}: sheet {c.sheet or "connections"} row 1: expected "From" and "To" columns; '
            f"found {', '.join(repr(h) for h in c.header[:8])}"
        )
    type_col, dir_col = c.column("Type", "connection type"), c.column("Direction")
    str_col = c.column("Strength", "Weight")
    for i, row in enumerate(c.rows):
        if all(_blank(v) for v in row):
            continue
        kinds = _kumu_list(row[type_col]) if type_col is not None and not _blank(row[type_col]) else []
        direction = None
        if dir_col is not None and not _blank(row[dir_col]):
            d = vocab.normalize(row[dir_col])
            direction = True if d == "directed" else False if d in ("undirected", "mutual") else None
        net.add_tie(row[f_col], row[t_col], kinds, direction, row[str_col] if str_col is not None else None, c.where(i))
    result.mapped.append(
        result._(
            "Connections: From/To -> source/target (by label or ID), Type -> kind, "
            "Direction -> directed, Strength -> strength"
        )
    )


def _kumu_json_tables(path: Path) -> tuple[Table, Table | None]:
    """Kumu's JSON ({elements, connections}; attributes nested or flat) as two tables."""
    doc = _read_json(path)
    if not isinstance(doc, dict) or not isinstance(doc.get("elements"), list):
        raise ImportFailure(f'{path.name}: expected a JSON object with an "elements" list (Kumu\'s JSON)')
    ids: dict[str, str] = {}

    def flat(item: object, n: int, what: str) -> dict:
        if not isinstance(item, dict):
            raise ImportFailure(f"{path.name}: {what}[{n}]: expected an object, found {type(item).__name__}")
        out = {k: v for k, v in item.items() if k != "attributes"}
        if isinstance(item.get("attributes"), dict):
            out.update(item["attributes"])
        return {str(k): ("|".join(map(str, v)) if isinstance(v, list) else v) for k, v in out.items()}

    elements = [flat(x, n, "elements") for n, x in enumerate(doc["elements"])]
    for e in elements:
        if e.get("_id") is not None:
            ids[str(e["_id"])] = str(e.get("label") or e.get("Label") or e["_id"])
    connections = [flat(x, n, "connections") for n, x in enumerate(doc.get("connections") or [])]
    for c in connections:  # Kumu's export refers to elements by _id: turn them into labels
        for end in ("from", "to"):
            if str(c.get(end)) in ids:
                c[end] = ids[str(c[end])]
    if len(elements) > LIMITS["max_rows"] or len(connections) > LIMITS["max_rows"]:
        raise ImportFailure(f"{path.name}: more than {LIMITS['max_rows']:,} elements or connections")

    def table(records: list[dict], name: str, drop: set[str]) -> Table:
        header = list(dict.fromkeys(k for r in records for k in r if k not in drop))
        rows = [[r.get(h) for h in header] for r in records]
        return Table(path.name, name, header, rows)

    return table(elements, "elements", {"_id"}), (table(connections, "connections", {"_id"}) if connections else None)


def _import_gephi(paths: list[Path], lang: str) -> ImportResult:
    result = ImportResult(lang=lang)
    nodes, edges = _gephi_tables(paths)
    net = _Network(result, lang)
    if nodes is not None:
        _gephi_nodes(net, result, nodes)
    if edges is not None:
        _gephi_edges(net, result, edges)
    net.finish(", ".join(p.name for p in paths))
    return result


def _gephi_tables(paths: list[Path]) -> tuple[Table | None, Table | None]:
    """Gephi's nodes and edges tables among the sources (either may be None, not both)."""
    nodes = edges = None
    for p in paths:
        for t in read_tables(p):
            h = {vocab.normalize(x) for x in t.header}
            if {"source", "target"} <= h:
                edges = t
            elif "id" in h:
                nodes = t
            else:
                raise ImportFailure(
                    f'{t.file}: row 1: expected Gephi\'s nodes table ("Id", "Label", ...) or edges '
                    f'table ("Source", "Target", "Type", "Weight"); found {", ".join(t.header[:6])}'
                )
    if edges is None and nodes is None:
        raise ImportFailure("no Gephi nodes or edges table among the sources")
    return nodes, edges


def _gephi_nodes(net: _Network, result: ImportResult, nodes: Table) -> None:
    """The nodes table's rows added as stakeholders, and the review lines of its columns."""
    id_col, label_col = nodes.column("Id"), nodes.column("Label")
    skip = {id_col} | ({label_col} if label_col is not None else set())
    computed = [h for i, h in enumerate(nodes.header) if i not in skip and vocab.normalize(h) in COMPUTED]
    skip |= {i for i, h in enumerate(nodes.header) if vocab.normalize(h) in COMPUTED}
    ignored = [h for i, h in enumerate(nodes.header) if i not in skip and _stakeholder_column(h) is None]
    for i, row in enumerate(nodes.rows):
        if all(_blank(v) for v in row):
            continue
        if _blank(row[id_col]):
            raise ImportFailure(f"{nodes.where(i, id_col)}: blank; expected the node's Id")
        label = row[label_col] if label_col is not None and not _blank(row[label_col]) else row[id_col]
        net.add_node(row[id_col], label, net.node_fields(nodes, row, skip), nodes.where(i, id_col))
    result.mapped.append(
        result._(
            "{file}: Id -> id, Label -> name, columns named like ours -> sector, scope, "
            "states, influence, interest, ...",
            file=nodes.file,
        )
    )
    _left_out_columns(result, computed, ignored, N_("node columns with no column in the workbook: {columns}"))


def _gephi_edges(net: _Network, result: ImportResult, edges: Table) -> None:
    """The edges table's rows added as ties, and the review line of its columns."""
    s_col, t_col = edges.column("Source"), edges.column("Target")
    type_col, w_col = edges.column("Type"), edges.column("Weight")
    kind_col = edges.column("Kind", "Label", "Relationship")
    for i, row in enumerate(edges.rows):
        if all(_blank(v) for v in row):
            continue
        directed = _gephi_directed(edges, i, type_col)
        kinds = (
            [k.strip() for k in re.split(r"[;|]", str(row[kind_col])) if k.strip()]
            if kind_col is not None and not _blank(row[kind_col])
            else []
        )
        net.add_tie(row[s_col], row[t_col], kinds, directed, row[w_col] if w_col is not None else None, edges.where(i))
    kind = f", {edges.header[kind_col]} -> kind" if kind_col is not None else ""
    result.mapped.append(
        result._("{file}: Source/Target -> source/target, Type -> directed, Weight -> strength", file=edges.file) + kind
    )


def _gephi_directed(edges: Table, i: int, type_col: int | None) -> bool | None:
    """Whether edge row i is directed, from Gephi's Type (None when blank or absent)."""
    row = edges.rows[i]
    if type_col is None or _blank(row[type_col]):
        return None
    d = vocab.normalize(row[type_col])
    if d not in ("directed", "undirected"):
        raise ImportFailure(f"{edges.where(i, type_col)}: found {row[type_col]!r}; expected Directed or Undirected")
    return d == "directed"


def _import_edgelist(paths: list[Path], lang: str) -> ImportResult:
    result = ImportResult(lang=lang)
    net = _Network(result, lang)
    for p in paths:
        for t in read_tables(p):
            rows = t.rows
            folded = [vocab.normalize(h) for h in t.header]
            has_header = bool(
                set(folded)
                & {
                    "source",
                    "target",
                    "from",
                    "to",
                    "origen",
                    "destino",
                    "node1",
                    "node2",
                    "weight",
                    "peso",
                    "strength",
                    "intensidad",
                }
            )
            if not has_header:  # the first row is data
                rows = [list(t.header)] + rows
                t = Table(t.file, t.sheet, [f"column {i + 1}" for i in range(len(t.header))], rows, first_row=1)
            if len(t.header) < 2:
                raise ImportFailure(f"{t.file}: row 1: expected two columns (source, target) and an optional weight")
            for i, row in enumerate(t.rows):
                if all(_blank(v) for v in row):
                    continue
                net.add_tie(row[0], row[1], [], None, row[2] if len(row) > 2 else None, t.where(i))
            result.mapped.append(
                result._("{file}: column 1 -> source, column 2 -> target", file=t.file)
                + (", " + result._("column 3 -> strength") if len(t.header) > 2 else "")
            )
    result.guessed.append(result._("every node of an edge list became a stakeholder named by its id, sector Other"))
    net.finish(", ".join(p.name for p in paths))
    return result


# ---------------------------------------------------------------------------------------
# Surveys: Google Forms, KoboToolbox, SurveyMonkey
# ---------------------------------------------------------------------------------------


def _import_google_forms(paths: list[Path], lang: str) -> ImportResult:
    t = _single_table(paths, "Google Forms")
    result = ImportResult(lang=lang)
    columns = []
    for i, h in enumerate(t.header):
        f = vocab.normalize(h)
        if f in TIMESTAMP_HEADERS:
            result.unmapped.append(
                result._('"{column}": the submission time is not part of the survey sheets', column=h)
            )
        elif f in EMAIL_HEADERS:
            result.unmapped.append(result._('"{column}": personal data, not imported', column=h))
        elif h:
            columns.append((i, h, [row[i] if i < len(row) else None for row in t.rows], None))
    _build_survey(result, t, columns, lang)
    return result


def _import_kobo(paths: list[Path], lang: str) -> ImportResult:
    """KoboToolbox XLSX (or CSV): label or XML-name headers; select_multiple as space-separated values,
    with or without Kobo's one-column-per-option ("question/option", 1 or 0) split."""
    t = _single_table(paths, "KoboToolbox")
    result = ImportResult(lang=lang)
    folded = [str(h).strip().lower() for h in t.header]
    meta = [h for h, f in zip(t.header, folded) if f in KOBO_META or f.startswith("_")]
    if meta:
        result.unmapped.append(
            result._(
                "form metadata, not imported: {columns}",
                columns=", ".join(meta[:8]) + (" ..." if len(meta) > 8 else ""),
            )
        )
    names = {h: i for i, h in enumerate(t.header)}
    split: dict[str, list[tuple[int, str]]] = {}
    for i, h in enumerate(t.header):
        base, sep, option = h.rpartition("/")
        if sep and base in names and option and h.lower() not in KOBO_META:
            split.setdefault(base, []).append((i, option))
    split_cols = {i for opts in split.values() for i, _ in opts}
    columns = []
    for i, h in enumerate(t.header):
        f = folded[i]
        if not h or f in KOBO_META or f.startswith("_") or i in split_cols or vocab.normalize(h) in EMAIL_HEADERS:
            continue
        values = [row[i] if i < len(row) else None for row in t.rows]
        if h in split:
            options = [o for _, o in split[h]]
            answers = []
            for row in t.rows:
                chosen = [o for j, o in split[h] if str(row[j]).strip() in ("1", "1.0", "True", "true")]
                answers.append(chosen)
            columns.append((i, h, values, ("multi", options, answers)))
        elif any(isinstance(v, str) and " " in v.strip() for v in values) and _space_separated_multi(values):
            parts = [str(v).split() if not _blank(v) else [] for v in values]
            options = list(dict.fromkeys(p for ps in parts for p in ps))
            columns.append((i, h, values, ("multi", options, parts)))
            result.guessed.append(result._('"{column}": a select_multiple (answers separated by spaces)', column=h))
        else:
            columns.append((i, h, values, None))
    _build_survey(result, t, columns, lang)
    return result


def _import_surveymonkey(paths: list[Path], lang: str) -> ImportResult:
    """SurveyMonkey's expanded XLSX/CSV: row 1 the questions (one cell over several columns for a
    multiple choice), row 2 "Response", "Open-Ended Response" or one option per column."""
    t = _single_table(paths, "SurveyMonkey")
    if not t.rows:
        raise ImportFailure(f"{t.file}: expected two header rows (questions, then options) and answers below")
    sub = ["" if _blank(v) else str(v).strip() for v in t.rows[0]]
    body = t.rows[1:]
    t = Table(t.file, t.sheet, t.header, body, first_row=3)
    result = ImportResult(lang=lang)
    groups: list[tuple[str, list[int]]] = []  # a question and its columns (row 1 is blank over its options)
    for i, h in enumerate(t.header):
        if h:
            groups.append((h, [i]))
        elif groups:
            groups[-1][1].append(i)
    meta = [h for h, _ in groups if vocab.normalize(h) in SURVEYMONKEY_META]
    if meta:
        result.unmapped.append(
            result._("collector metadata and personal data, not imported: {columns}", columns=", ".join(meta))
        )
    columns = []
    for h, idx in groups:
        if vocab.normalize(h) in SURVEYMONKEY_META:
            continue
        opts = [
            (i, sub[i])
            for i in idx
            if sub[i]
            and vocab.normalize(sub[i]) not in ("response", "respuesta", "openendedresponse", "respuestaabierta")
            and not vocab.normalize(sub[i]).startswith(("other", "otro"))
        ]
        if len(idx) > 1 and opts:
            options = [o for _, o in opts]
            answers = [[o for i, o in opts if not _blank(row[i])] for row in body]
            columns.append(
                (
                    idx[0],
                    h,
                    [None] * len(body),
                    ("multi", [_no_semicolon(o) for o in options], [[_no_semicolon(o) for o in a] for a in answers]),
                )
            )
            others = [i for i in idx if i not in dict(opts)]
            if others:
                result.unmapped.append(
                    result._('"{column}": the "Other (please specify)" text is not imported', column=h)
                )
        else:
            columns.append((idx[0], h, [row[idx[0]] for row in body], None))
    _build_survey(result, t, columns, lang)
    return result


def _build_survey(result: ImportResult, t: Table, columns: list[tuple], lang: str) -> None:
    """survey_questions and survey_responses from (position, header, answers, known type or None) columns."""
    if not t.rows:
        raise ImportFailure(f"{t.file}: a header row but no responses")
    sector_i, state_i = _survey_sector_and_state(t, columns)
    respondents = [{"respondent": f"R{n + 1:04d}"} for n in range(len(t.rows))]
    _survey_respondents(result, respondents, columns, sector_i, state_i, lang)
    questions = _survey_questions(result, respondents, columns, (sector_i, state_i), lang)
    result.guessed.append(
        result._(
            "every question's theme is Other: set institutionality, stakeholders, dialogue, "
            "financing, collaboration or efficacy in survey_questions"
        )
    )
    result.data["survey_questions"] = questions
    result.data["survey_responses"] = respondents
    result.mapped.append(
        result._(
            "{file}: {responses} -> survey_responses (ids R0001 ...), {questions} -> survey_questions (ids q01 ...)",
            file=t.file,
            responses=result.n("{n} response", "{n} responses", len(respondents)),
            questions=result.n("{n} question", "{n} questions", len(questions)),
        )
    )


def _survey_sector_and_state(t: Table, columns: list[tuple]) -> tuple[int, int | None]:
    """The columns whose answers are the respondent's sector (required) and state (when found)."""
    sector_i, sector_share = None, 0.0
    state_i = None
    for n, (_i, h, values, known) in enumerate(columns):
        if known:
            continue
        answers = [str(v).strip() for v in values if not _blank(v)]
        if not answers:
            continue
        share = sum(vocab.SECTORS.lookup(a) is not None for a in answers) / len(answers)
        bonus = 0.3 if "sector" in vocab.normalize(h) else 0.0
        if share + bonus >= 0.8 and share + bonus > sector_share:
            sector_i, sector_share = n, share + bonus
        st = sum(vocab.STATES.lookup(a) is not None for a in answers) / len(answers)
        if st >= 0.9 and state_i is None and any(w in vocab.normalize(h) for w in ("estado", "state", "entidad")):
            state_i = n
    if sector_i is None:
        raise ImportFailure(
            f"{t.file}: no question whose answers are sectors (e.g. Academia, Sociedad civil, Sector "
            f"privado); the survey sheet needs the respondent's sector: add that question, or map "
            f"its answers to the sector vocabulary ({', '.join(vocab.SECTORS.keys)})"
        )
    return sector_i, state_i


def _survey_respondents(
    result: ImportResult, respondents: list[dict], columns: list[tuple], sector_i: int, state_i: int | None, lang: str
) -> None:
    """Each respondent's sector (Other when the answer is none) and state, as labels in `lang`."""
    _, sh, svalues, _ = columns[sector_i]
    unmatched: Counter = Counter()
    for rec, v in zip(respondents, svalues):
        key = vocab.SECTORS.lookup(v) if not _blank(v) else None
        if key is None:
            unmatched["(blank)" if _blank(v) else str(v)] += 1
            key = "other"
        rec["sector"] = vocab.SECTORS.label(key, lang)
    result.mapped.append(result._('"{column}" -> sector (its answers are sectors)', column=sh))
    if unmatched:
        result.unmapped.append(
            result._(
                "sector answers that are not sectors, written as Other: {answers}",
                answers=", ".join(f'"{k}" ({n})' for k, n in unmatched.most_common(10)),
            )
        )
    if state_i is not None:
        _, th, tvalues, _ = columns[state_i]
        for rec, v in zip(respondents, tvalues):
            key = vocab.STATES.lookup(v) if not _blank(v) else None
            if key:
                rec["state"] = vocab.STATES.label(key, lang)
        result.mapped.append(result._('"{column}" -> state', column=th))


def _survey_questions(
    result: ImportResult, respondents: list[dict], columns: list[tuple], skip: tuple, lang: str
) -> list[dict]:
    """One question per other column (its type inferred), its answers written into `respondents`."""
    questions = []
    for n, (_i, h, values, known) in enumerate(columns):
        if n in skip:
            continue
        qid = f"q{len(questions) + 1:02d}"
        qtype, options, parsed = known if known else infer_question(values)
        questions.append(
            {
                "question": qid,
                "theme": vocab.THEMES.label("other", lang),
                "text": str(h),
                "type": vocab.QUESTION_TYPES.label(qtype, lang),
                "options": options,
            }
        )
        for rec, a in zip(respondents, parsed):
            if a in (None, []) or (isinstance(a, float) and math.isnan(a)):
                continue
            rec[qid] = "; ".join(a) if isinstance(a, list) else a
        listed = "; ".join(options[:8]) + (" ..." if len(options) > 8 else "")
        shown = " " + result._("(options: {options})", options=listed) if options else ""
        result.guessed.append(f'{qid} {qtype}{shown}: "{_short(h)}"')
    return questions


# ---------------------------------------------------------------------------------------
# A stakeholder spreadsheet through a mapping file
# ---------------------------------------------------------------------------------------


def _import_mapping(paths: list[Path], mapping_path: Path, lang: str) -> ImportResult:
    spec = _read_mapping(mapping_path)
    result = ImportResult(lang=lang)
    t = _mapping_table(paths, spec.get("sheet"))
    cols = _mapping_columns(spec.get("columns") or {}, t, mapping_path.name, result)
    values = spec.get("values") or {}
    net = _Network(result, lang)
    for i, row in enumerate(t.rows):
        if all(_blank(v) for v in row):
            continue
        fields = _mapped_fields(net, row, cols, values)
        name = row[cols["name"]]
        if _blank(name):
            raise ImportFailure(f"{t.where(i, cols['name'])}: blank; expected the stakeholder's name")
        net.add_node(row[cols["id"]] if "id" in cols else None, name, fields, t.where(i))
    if "id" not in cols:
        result.guessed.append(result._("ids made from the names (the acronym in brackets when there is one)"))
    left = [h for j, h in enumerate(t.header) if h and j not in cols.values()]
    if left:
        result.unmapped.append(
            result._("columns not in the mapping, not imported: {columns}", columns=", ".join(left[:12]))
        )
    net.finish(", ".join(p.name for p in paths))
    if not result.data.get("ties"):
        result.data.pop("ties", None)
    return result


def _mapping_table(paths: list[Path], want: str | None) -> Table:
    """The table to import: the mapping's sheet when it names one, else the one with most rows."""
    tables = [t for p in paths for t in read_tables(p)]
    if want:
        tables = [t for t in tables if vocab.normalize(t.sheet) == vocab.normalize(want)]
        if not tables:
            raise ImportFailure(f'{paths[0].name}: no sheet named "{want}" (the mapping\'s sheet:)')
    if not tables:
        raise ImportFailure(f"{paths[0].name}: no sheet with a header row")
    return max(tables, key=lambda x: len(x.rows))


def _mapping_columns(columns: object, t: Table, mapping_name: str, result: ImportResult) -> dict[str, int]:
    """Our column -> its index in the table, from the mapping's columns (one must be name)."""
    if not isinstance(columns, dict):
        raise ImportFailure(f"{mapping_name}: columns: expected a mapping of their column -> our column")
    valid = {c.key for c in _STAKEHOLDER_COLS}
    cols: dict[str, int] = {}
    for theirs, ours in columns.items():
        if ours in (None, ""):
            continue
        if ours not in valid:
            raise ImportFailure(
                f"{mapping_name}: columns: {theirs!r} -> {ours!r}; expected one of {', '.join(sorted(valid))}"
            )
        i = t.column(str(theirs))
        if i is None:
            raise ImportFailure(
                f"{mapping_name}: columns: {theirs!r} is not a column of {t.file} "
                f"(its columns: {', '.join(t.header[:10])})"
            )
        cols[ours] = i
        result.mapped.append(f'"{theirs}" -> {ours}')
    if "name" not in cols:
        raise ImportFailure(f"{mapping_name}: columns: expected one column mapped to name")
    return cols


def _mapped_fields(net: _Network, row: list, cols: dict[str, int], values: dict) -> dict:
    """One row's stakeholder fields (but id and name), their values translated by the mapping's values."""
    fields = {}
    for key, j in cols.items():
        if key in ("id", "name") or _blank(row[j]):
            continue
        raw = row[j]
        table = {vocab.normalize(k): v for k, v in (values.get(key) or {}).items()}
        c = schema.sheet("stakeholders").column(key)
        if c.kind in ("vocab_list", "state_list"):
            parts = [p.strip() for p in re.split(r"[;|,]", str(raw)) if p.strip()]
            raw = "; ".join(str(table.get(vocab.normalize(p), p) or p) for p in parts)
        elif vocab.normalize(raw) in table and table[vocab.normalize(raw)]:
            raw = table[vocab.normalize(raw)]
        value = net.convert(key, raw, ";")
        if value not in (None, "", []):
            fields[key] = value
    return fields


def _read_mapping(path: Path) -> dict:
    _check_file(path)
    text = path.read_text(encoding="utf-8-sig")
    if path.suffix.lower() == ".json":
        try:
            doc = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ImportFailure(f"{path.name}: line {exc.lineno}: not valid JSON ({exc.msg})") from None
    else:
        import yaml

        try:
            doc = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f" line {mark.line + 1}" if mark else ""
            raise ImportFailure(f"{path.name}:{where}: not valid YAML ({getattr(exc, 'problem', exc)})") from None
    if not isinstance(doc, dict):
        raise ImportFailure(f"{path.name}: expected a mapping with columns: (and optionally sheet:, values:)")
    return doc


# ---------------------------------------------------------------------------------------
# --into: the rows of an existing workbook first
# ---------------------------------------------------------------------------------------


def _merge_into(existing: Path, data: dict[str, list[dict]], result: ImportResult) -> tuple[dict, dict]:
    from partnerlab.workbook import check_workbook

    wb, problems = check_workbook(existing)
    if wb is None:
        first = next((str(p) for p in problems if p.is_error), "")
        raise ImportFailure(f"{existing.name}: --into needs a usable workbook; {first}")
    merged: dict[str, list[dict]] = {}
    for key, df in wb.tables.items():
        merged[key] = [_row_out(r) for r in df.drop(columns=["row"], errors="ignore").to_dict("records")]
    ids = {vocab.normalize(r["id"]) for r in merged.get("stakeholders", [])}
    names = {vocab.normalize(r["name"]): r["id"] for r in merged.get("stakeholders", [])}
    rename: dict[str, str] = {}
    added = 0
    for r in data.get("stakeholders", []):
        if vocab.normalize(r["id"]) in ids:
            continue  # the existing row wins
        if vocab.normalize(r["name"]) in names:
            rename[r["id"]] = names[vocab.normalize(r["name"])]
            continue
        merged.setdefault("stakeholders", []).append(r)
        ids.add(vocab.normalize(r["id"]))
        added += 1
    for t in data.get("ties", []):
        merged.setdefault("ties", []).append(
            {**t, "source": rename.get(t["source"], t["source"]), "target": rename.get(t["target"], t["target"])}
        )
    if data.get("survey_questions"):
        if wb.has("survey_questions"):
            raise ImportFailure(f"{existing.name} already has survey questions; import the survey into a new workbook")
        merged["survey_questions"], merged["survey_responses"] = data["survey_questions"], data["survey_responses"]
    result.mapped.append(
        result._(
            "--into {file}: its rows kept; {stakeholders} and {ties} added; stakeholders "
            "already there (same id or name) kept as they were",
            file=existing.name,
            stakeholders=result.n("{n} new stakeholder", "{n} new stakeholders", added),
            ties=result.n("{n} tie", "{n} ties", len(data.get("ties", []))),
        )
    )
    return merged, {k: v for k, v in wb.about.items() if k != "is_illustrative"}


def _row_out(rec: dict) -> dict:
    """A loaded record as write_workbook takes it: blanks dropped, timestamps as dates, numpy scalars as Python."""
    out = {}
    for k, v in rec.items():
        if isinstance(v, (list, tuple)):
            out[k] = list(v)
            continue
        if v is None or pd.isna(v):
            continue
        if isinstance(v, pd.Timestamp):
            v = v.date() if v == v.normalize() else v.to_pydatetime()
        elif hasattr(v, "item"):
            v = v.item()
        out[k] = v
    return out


# ---------------------------------------------------------------------------------------
# Small helpers
# ---------------------------------------------------------------------------------------


def _single_table(paths: list[Path], what: str) -> Table:
    tables = [t for p in paths for t in read_tables(p)]
    if len(paths) != 1 or not tables:
        raise ImportFailure(
            f"{what}: expected one export file (CSV or XLSX) with a header row; "
            f"got {len(paths)} file(s), {len(tables)} sheet(s)"
        )
    return max(tables, key=lambda t: len(t.rows))


def _stakeholder_column(header: object) -> str | None:
    f = vocab.normalize(header)
    if not f:
        return None
    for c in _STAKEHOLDER_COLS:
        if f in {vocab.normalize(x) for x in (c.key, c.es, *c.aliases)}:
            return c.key
    extra = {
        "label": "name",
        "organisation": "name",
        "organization": "name",
        "organizacion": "name",
        "institucion": "name",
        "actor": "name",
        "description": "mandate",
        "descripcion": "mandate",
        "type": "sector",
        "tipo": "sector",
        "tags": "roles",
        "rol": "roles",
        "role": "roles",
        "state": "states",
        "estado": "states",
        "power": "influence",
        "poder": "influence",
        "email": "contact",
        "correo": "contact",
    }
    return extra.get(f)


_HEADER_WORDS = (  # a word inside a header -> our column, for --suggest-mapping
    (("sector", "tipo", "type", "categor"), "sector"),
    (("ambito", "scope", "nivel"), "scope"),
    (("estado", "entidad", "state"), "states"),
    (("nombre", "name", "organiz", "institu", "actor"), "name"),
    (("correo", "email", "telefono", "phone", "contact", "enlace"), "contact"),
    (("mandato", "mandate", "descrip", "objet"), "mandate"),
    (("influen", "poder", "power"), "influence"),
    (("interes", "interest"), "interest"),
    (("rol", "role", "papel"), "roles"),
    (("clave", "codigo", "code"), "id"),
)


def _guess_column_by_words(header: str) -> str | None:
    f = vocab.normalize(header)
    for words, key in _HEADER_WORDS:
        if any(w in f for w in words):
            return key
    return None


def _guess_column_by_values(t: Table, i: int) -> str | None:
    values = _distinct(t, i)
    if not values or len(values) > 40:
        return None
    for key, v in (("sector", vocab.SECTORS), ("scope", vocab.SCOPES), ("states", vocab.STATES)):
        if sum(v.lookup(x) is not None for x in values) / len(values) >= 0.6:
            return key
    return None


def _distinct(t: Table, i: int, split: str = "") -> list[str]:
    seen: dict[str, None] = {}
    for row in t.rows:
        v = row[i] if i < len(row) else None
        if _blank(v):
            continue
        parts = re.split(f"[{re.escape(split)}]", str(v)) if split else [str(v)]
        for p in parts:
            if p.strip():
                seen.setdefault(p.strip(), None)
    return list(seen)


def _space_separated_multi(values: list) -> bool:
    parts = [str(v).split() for v in values if not _blank(v)]
    distinct = set(p for ps in parts for p in ps)
    return 0 < len(distinct) <= MAX_OPTIONS and all(re.fullmatch(r"[A-Za-z0-9_.\-]+", p) for p in distinct)


def _kumu_list(value: object) -> list[str]:
    return [p.strip() for p in str(value).split("|") if p.strip()]


def _blank(v: object) -> bool:
    return v is None or (isinstance(v, str) and v.strip() == "") or (isinstance(v, float) and math.isnan(v))


def _as_number(v: object) -> float | None:
    if v is None or isinstance(v, bool):
        return None
    if isinstance(v, (int, float)):
        return None if isinstance(v, float) and math.isnan(v) else float(v)
    if isinstance(v, (dt.date, dt.datetime)):
        return None
    text = str(v).strip()
    return float(text.replace(",", ".")) if re.fullmatch(r"-?\d+([.,]\d+)?", text) else None


def _clean_num(v: object) -> str | None:
    n = _as_number(v)
    return None if n is None else str(int(n))


def _no_semicolon(text: object, repl: str = ",") -> str:
    return str(text).replace(";", repl)


def _short(text: str, n: int = 70) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= n else text[: n - 3] + "..."


def _yaml_str(text: str) -> str:
    return json.dumps(str(text), ensure_ascii=False)  # a JSON string is a valid YAML scalar
