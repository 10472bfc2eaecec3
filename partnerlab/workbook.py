"""Load and validate the input workbook into typed pandas tables (spec/workbook.md).

Loading never stops at the first problem: every problem is collected as a `Problem` that
names the file, sheet, cell, column, the value found and what was expected. A workbook
with errors gives no `Workbook`; `check_workbook` returns the problems,
`load_workbook` raises `WorkbookError` with all of them.
"""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import difflib
import functools
import hashlib
import inspect
import json
import pickle
import re
import unicodedata
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd

from partnerlab import i18n, schema, vocab
from partnerlab.schema import Column, Sheet
from partnerlab.xlsx import EXCEL_ERRORS, LIMITS, CellError, Styled, TooBig, Unsafe, XlsxReader, gc_paused

__all__ = [
    "Problem",
    "WorkbookError",
    "Workbook",
    "check_workbook",
    "load_workbook",
    "load_cached",
    "split_list",
    "LIMITS",
    "read_sheets",
    "reads_digest",
    "sheets_status",
    "reset_reads",
    "file_sha256",
    "derived",
    "share_results",
    "evaluate_derived",
    "is_derived_read",
    "derived_digests",
]


ID_RE = re.compile(r"^[A-Za-z0-9_.\-]+$")
CODE_RE = re.compile(r"^\d+\.\d+$")
PREFIX_RE = re.compile(r"^\s*(q)\s*0*(\d{1,2})(?![0-9])|^\s*(c)\s*(\d{1,2}[ab]?)(?![0-9a-z])", re.IGNORECASE)
HEADER_SCAN_ROWS = 10
_NO_RESULT = "a value: this formula has no saved result"
_ERROR_VALUE = (
    "a value, not an Excel error value: the formula or link behind this cell is broken; "
    "fix it in Excel or type the value"
)
# Characters that show as nothing: pasted from web pages and PDFs, they make "ACT1" and "ACT1\u200b" differ.
_INVISIBLE = re.compile("[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
_TOTAL_WORDS = frozenset(
    {
        "total",
        "totals",
        "totales",
        "grandtotal",
        "totalgeneral",
        "subtotal",
        "sum",
        "suma",
        "average",
        "promedio",
        "mean",
        "media",
    }
)
_DECIMAL_MARKS = {".": ".", "point": ".", "period": ".", "dot": ".", "punto": ".", ",": ",", "comma": ",", "coma": ","}


@dataclass(frozen=True)
class Problem:
    """One problem found in a workbook, printed as one line."""

    file: str
    sheet: str
    cell: str
    column: str
    found: object
    expected: str
    severity: str = "error"  # error | warning

    def __str__(self) -> str:
        where = f"{self.sheet}!{self.cell}" if self.cell else self.sheet
        col = f" ({self.column})" if self.column else ""
        found = f'found "{_show(self.found)}"; ' if self.found is not None else ""
        tag = "" if self.severity == "error" else "warning: "
        location = f"{where}{col}: " if where or col else ""
        prefix = f"{self.file}: " if self.file else ""
        return f"{prefix}{tag}{location}{found}expected {self.expected}"

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


_READS: set[str] = set()  # sheet keys (and derived reads) read since reset_reads()
_RESULTS: dict[int, tuple[object, str]] = {}  # id -> (result, its derived read) of this report's derived calls
_CALLS: dict[str, object] = {}  # derived read -> its result, for this report's derived calls
_INNER: dict[str, frozenset[str]] = {}  # derived read -> what its function read (sheets, other derived reads)
_DERIVED: dict[str, Callable] = {}  # "module:qualname" -> a function marked with @derived
_SHARED: dict | None = None  # derived results kept across reports, when share_results() was called
_PAGE: list = [None]  # the first workbook read from a file since reset_reads(): the report's own
_DIGESTS: dict[str, str] = {}  # derived read -> the digest of its result (reads_digest), this report's


def reset_reads() -> None:
    """Forget which sheets were read (a report starts)."""
    _READS.clear()
    _RESULTS.clear()
    _CALLS.clear()
    _DIGESTS.clear()
    _PAGE[0] = None


def read_sheets() -> list[str]:
    """What a report read since reset_reads(): sheet keys whose table any Workbook handed out,
    and derived reads ("=" then JSON: the function and its arguments, see `derived`), so a batch
    knows what its page depends on (incremental runs)."""
    return sorted(_READS)


def is_derived_read(read: str) -> bool:
    """True for a derived read (a function's result), False for a sheet key."""
    return read.startswith("=")


def derived(fn: Callable) -> Callable:
    """Mark `fn(wb, ...)`, a pure function of a loaded workbook and plain arguments, as a read.

    A page that calls it with the workbook it loaded (the first one read from a file since
    `reset_reads`) depends on the function's result rather
    than on every sheet the function reads: the read is noted as "=" followed by the function's
    name and arguments in JSON, and the batch keys the page by the result's digest
    (`evaluate_derived`). So a page that shows the alerts of one partner re-runs when those alerts
    change, not whenever any sheet behind the alert rules does. Plain arguments are None, bool,
    numbers, text, dates, lists of them, and results of other derived calls of the same report;
    with any other argument, or another workbook (a table dict, a snapshot made in code, an
    earlier snapshot read for comparison), the call is an ordinary one and its sheets are noted.

    After `share_results()`, results are also kept for the next report on the same workbook file
    (copies are handed out), which the batch's kernels and its own process use: a report must not
    modify the tables of the workbook it loaded.
    """
    name = f"{fn.__module__}:{fn.__qualname__}"
    signature = inspect.signature(fn)
    _DERIVED[name] = fn

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        bound = signature.bind(*args, **kwargs)
        bound.apply_defaults()
        (_, wb), *rest = bound.arguments.items()
        if wb is None or wb is not _PAGE[0]:
            return fn(*args, **kwargs)
        try:
            read = "=" + json.dumps([name, {k: _encode(v) for k, v in rest}], sort_keys=True)
        except _NotPlain:
            return fn(*args, **kwargs)
        shared = _SHARED.setdefault(wb.sha256, {}) if _SHARED is not None else None
        if shared is not None and read in shared:
            result = copy.deepcopy(shared[read])
        else:
            outer = set(_READS)
            _READS.clear()
            try:
                result = fn(*args, **kwargs)
                _INNER[read] = frozenset(_READS)
            finally:
                _READS.clear()
                _READS.update(outer)
            if shared is not None:
                shared[read] = copy.deepcopy(result)
        _READS.add(read)
        _CALLS[read] = result
        if isinstance(result, (pd.DataFrame, pd.Series, dict, list)):
            _RESULTS[id(result)] = (result, read)
        return result

    wrapper.derived_name = name
    return wrapper


@derived  # a page's run details list these: it depends on them, not on the rows of the sheets
def sheets_status(wb: Workbook, sheets: list[str]) -> dict:
    """Which of these sheets have rows ("present", in the order given) and the loader's warnings
    about them and about the file as a whole ("warnings", as text): what a page's run details show."""
    _READS.update(sheets)  # what it depends on: a batch evaluates it again when one of them changes
    present = [key for key in sheets if (table := dict.get(wb.tables, key)) is not None and not table.empty]
    return {"present": present, "warnings": [str(w) for w in wb.warnings_of(sheets)]}


def derived_digests() -> dict[str, dict]:
    """The derived calls of this report (since reset_reads): read -> {"result": the digest of its
    result, "reads": what its function read}, as `evaluate_derived` gives them; a call whose result
    has no stable digest is left out (the batch evaluates it itself)."""
    found = {}
    for read, result in _CALLS.items():
        if read in _INNER:
            with contextlib.suppress(TypeError, ValueError):
                found[read] = {"result": _result_digest(result), "reads": sorted(_INNER[read])}
    return found


def reads_digest(wb: Workbook, reads: Iterable[str], result_digest: Callable[[str], str] | None = None) -> str:
    """sha256 of the data behind `reads`: the sheets (`Workbook.digest`: with the file's name, the
    about sheet and the sheets' warnings) and the digest of each derived read's result. It is the
    data part of an incremental run's key (`incremental.DataDigests.of`) and the data fingerprint a
    page shows (`Report.run_details_html`), so a reused page shows the fingerprint of the data it
    stands for. `result_digest` gives a derived read's digest; by default, of this report's own
    call (a call whose result has no stable digest counts as "unknown").
    """
    reads = set(reads)
    h = hashlib.sha256(wb.digest([r for r in reads if not is_derived_read(r)]).encode())
    for read in sorted(r for r in reads if is_derived_read(r)):
        h.update(b"\0" + read.encode() + b"\0" + (result_digest or _own_digest)(read).encode())
    return h.hexdigest()


def _own_digest(read: str) -> str:
    if read not in _DIGESTS:
        try:
            _DIGESTS[read] = _result_digest(_CALLS[read])
        except (KeyError, TypeError, ValueError):
            _DIGESTS[read] = "unknown"
    return _DIGESTS[read]


def share_results(enabled: bool = True) -> None:
    """Keep derived results across reports on the same workbook file (the batch's kernels)."""
    global _SHARED
    _SHARED = {} if enabled else None


def evaluate_derived(wb: Workbook, read: str, results: dict | None = None) -> tuple[str, list[str]]:
    """The digest of a derived read's result on `wb` and what the function read (sheet keys and
    other derived reads), evaluated in this process; `results` keeps results for the next calls
    (as share_results does, for this evaluation only). Raises KeyError for a function that is not
    marked with @derived (only modules of this package are imported to find it)."""
    import importlib

    name, args = json.loads(read[1:])
    module = name.split(":")[0]
    if name not in _DERIVED and (module == "partnerlab" or module.startswith("partnerlab.")):
        importlib.import_module(module)
    fn = _DERIVED[name]
    global _SHARED
    outer, page, shared = set(_READS), _PAGE[0], _SHARED
    _PAGE[0], _SHARED = wb, (results if results is not None else {})
    try:
        kwargs = {k: _decode(v, wb) for k, v in args.items()}
        result = _public(fn)(wb, **kwargs)
    finally:
        _READS.clear()
        _READS.update(outer)
        _PAGE[0], _SHARED = page, shared
    inner = _INNER[read]  # set when the function ran (here, or earlier in this process)
    return _result_digest(result), sorted(inner)


def _result_digest(result: object) -> str:
    return hashlib.sha256(json.dumps(result, sort_keys=True, default=_plain).encode()).hexdigest()


class _NotPlain(Exception):
    pass


def _encode(value: object) -> object:
    """A derived call's argument as JSON (raises _NotPlain for anything else)."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if hasattr(value, "dtype") and getattr(value, "ndim", None) == 0:  # a numpy scalar
        return value.item()
    if isinstance(value, pd.Timestamp):
        return {"$ts": value.isoformat()}
    if isinstance(value, dt.datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, dt.date):
        return {"$date": value.isoformat()}
    held = _RESULTS.get(id(value))
    if held is not None and held[0] is value:
        return {"$result": held[1]}
    if isinstance(value, (list, tuple)):
        return {"$list" if isinstance(value, list) else "$tuple": [_encode(v) for v in value]}
    raise _NotPlain


def _decode(value: object, wb: Workbook) -> object:
    if not isinstance(value, dict):
        return value
    ((kind, data),) = value.items()
    if kind == "$ts":
        return pd.Timestamp(data)
    if kind == "$datetime":
        return dt.datetime.fromisoformat(data)
    if kind == "$date":
        return dt.date.fromisoformat(data)
    if kind == "$result":
        name, args = json.loads(data[1:])
        return _public(_DERIVED[name])(wb, **{k: _decode(v, wb) for k, v in args.items()})
    items = [_decode(v, wb) for v in data]
    return items if kind == "$list" else tuple(items)


def _public(fn: Callable) -> Callable:
    """The @derived wrapper of a registered function (the module's attribute)."""
    import importlib

    module = importlib.import_module(fn.__module__)
    obj = module
    for part in fn.__qualname__.split("."):
        obj = getattr(obj, part)
    return obj


def _plain(value: object) -> object:
    """JSON for a derived result's parts (the digest of what a page shows)."""
    if isinstance(value, (pd.DataFrame, pd.Series)):
        return {"pandas": value.to_json(orient="split", date_format="iso", default_handler=str)}
    if isinstance(value, (pd.Timestamp, dt.date, dt.datetime)):
        return value.isoformat()
    if hasattr(value, "item") and getattr(value, "ndim", None) == 0:
        return value.item()
    if hasattr(value, "tolist"):  # a numpy array
        return value.tolist()
    if isinstance(value, (set, frozenset)):
        return sorted(map(str, value))
    if value is pd.NaT or value is pd.NA:
        return None
    raise TypeError(f"a derived result holds {type(value).__name__}, which has no stable digest")


class _Tables(dict):
    """The tables of a Workbook, noting each one handed out (see read_sheets)."""

    def __getitem__(self, key):
        _READS.add(key)
        return super().__getitem__(key)

    def get(self, key, default=None):
        _READS.add(key)
        return super().get(key, default)

    def items(self):
        _READS.update(self.keys())
        return super().items()

    def values(self):
        _READS.update(self.keys())
        return super().values()


class WorkbookError(Exception):
    """Raised by load_workbook when a workbook has errors; .problems holds them all."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        errors = [p for p in problems if p.is_error]
        super().__init__(f"{len(errors)} problem(s) in the workbook:\n" + "\n".join(str(p) for p in errors))


@dataclass
class Workbook:
    """The validated tables of one workbook (docs/tables.md)."""

    path: Path
    sha256: str
    about: dict
    tables: dict[str, pd.DataFrame]
    warnings: list[Problem] = field(default_factory=list)
    sheet_titles: dict[str, str] = field(default_factory=dict)  # sheet key -> title in the file
    column_letters: dict[str, dict[str, str]] = field(default_factory=dict)  # sheet -> column -> letter

    def __post_init__(self):
        self.tables = _Tables(self.tables)

    def __setstate__(self, state: dict) -> None:  # copies saved before tables were tracked
        state["tables"] = _Tables(state.get("tables", {}))
        self.__dict__.update(state)
        if _PAGE[0] is None:  # Workbook.load: the batch's pre-parsed copy
            _PAGE[0] = self

    # -- the tables, one typed attribute per sheet (docs/tables.md) --------------------------
    @property
    def stakeholders(self) -> pd.DataFrame:
        return self._table("stakeholders")

    @property
    def ties(self) -> pd.DataFrame:
        return self._table("ties")

    @property
    def partnerships(self) -> pd.DataFrame:
        return self._table("partnerships")

    @property
    def due_diligence(self) -> pd.DataFrame:
        return self._table("due_diligence")

    @property
    def value_assessment(self) -> pd.DataFrame:
        return self._table("value_assessment")

    @property
    def quality_assessment(self) -> pd.DataFrame:
        return self._table("quality_assessment")

    @property
    def survey_questions(self) -> pd.DataFrame:
        return self._table("survey_questions")

    @property
    def survey_responses(self) -> pd.DataFrame:
        return self._table("survey_responses")

    @property
    def action_plan(self) -> pd.DataFrame:
        return self._table("action_plan")

    def _table(self, key: str) -> pd.DataFrame:
        try:
            return self.tables[key]
        except KeyError:
            raise AttributeError(f"this workbook has no table {key!r}") from None

    def digest(self, sheet_keys: list[str] | tuple[str, ...] | set[str]) -> str:
        """sha256 of all a page made from these sheets can show: the file's name, the about
        sheet, each sheet's table and its warnings. Two workbooks with the same digest for a
        report's sheets give that report the same page (incremental runs reuse it). A page that
        shows the digest depends on these sheets: they are noted as read.
        """
        keys = sorted(set(sheet_keys))
        _READS.update(keys)
        h = hashlib.sha256(json.dumps({"name": self.name, "about": self.about}, sort_keys=True, default=str).encode())
        memo = self.__dict__.setdefault("_sheet_digests", {})  # key -> (the table digested, its digest)
        for key in keys:
            table = dict.get(self.tables, key)
            if key not in memo or memo[key][0] is not table:
                part = hashlib.sha256(f"\0{key}\0".encode())
                if table is not None:  # contact is never shown (and blanked in the batch's copy): not part of it
                    part.update(
                        table.drop(columns=["contact"], errors="ignore")
                        .to_json(orient="split", date_format="iso", default_handler=str)
                        .encode()
                    )
                title = self.sheet_titles.get(key, key)
                part.update("\n".join(str(w) for w in self.warnings if w.sheet == title).encode())
                memo[key] = (table, part.hexdigest())
            h.update(memo[key][1].encode())
        return h.hexdigest()

    def warnings_of(self, sheet_keys: list[str] | tuple[str, ...]) -> list[Problem]:
        """The warnings about these sheets and about the file as a whole."""
        titles = {self.sheet_titles.get(k, k) for k in sheet_keys} | {""}
        return [w for w in self.warnings if w.sheet in titles]

    def has(self, sheet_key: str) -> bool:
        """True when the sheet is present and has at least one row."""
        return sheet_key in self.tables and not self.tables[sheet_key].empty

    @property
    def sheets_used(self) -> list[str]:
        return [k for k in self.tables if self.has(k)]

    @property
    def name(self) -> str:
        return self.path.name

    def save(self, folder: str | Path) -> Path:
        """Write the parsed workbook to folder (a pickle we write and read ourselves).

        The `contact` column is blanked in the copy: personal data never leaves the workbook.
        """
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / "workbook.pkl"
        tmp = target.with_suffix(".tmp")
        tables = dict(self.tables)
        if "contact" in tables.get("stakeholders", pd.DataFrame()).columns:  # personal data stays in the workbook
            tables["stakeholders"] = tables["stakeholders"].assign(contact=None)
        saved = Workbook(
            self.path, self.sha256, self.about, tables, self.warnings, self.sheet_titles, self.column_letters
        )
        with open(tmp, "wb") as fh:
            pickle.dump(saved, fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(target)
        return target

    @classmethod
    def load(cls, folder: str | Path) -> Workbook:
        """Read a workbook saved with save()."""
        with open(Path(folder) / "workbook.pkl", "rb") as fh, gc_paused():
            wb = pickle.load(fh)
        if not isinstance(wb, cls):
            raise TypeError(f"{folder} does not hold a partnerlab workbook")
        return wb


def check_workbook(path: str | Path) -> tuple[Workbook | None, list[Problem]]:
    """Read and validate a workbook; return it (None when it has errors) and every problem.

    Never raises for a user's mistake: a missing, non-xlsx or corrupt file is a problem too.
    """
    path = Path(path)
    loader = _Loader(path)
    try:
        with gc_paused():  # millions of cell values and records, no cycles (xlsx.gc_paused)
            wb = loader.run()
    except _Fatal:
        wb = None
    problems = loader.problems
    if any(p.is_error for p in problems):
        return None, problems
    return wb, problems


def load_workbook(path: str | Path) -> Workbook:
    """Read and validate a workbook; raise WorkbookError listing every error."""
    wb, problems = check_workbook(path)
    if wb is None:
        raise WorkbookError(problems)
    return wb


def load_cached(path: str | Path, cache_dir: str | Path | None = None) -> Workbook:
    """Load a workbook, reusing a parsed copy in cache_dir/<sha256>/ when there is one."""
    path = Path(path)
    if cache_dir is None:
        return load_workbook(path)
    digest = file_sha256(path)
    folder = Path(cache_dir) / digest[:16]
    if (folder / "workbook.pkl").exists():
        wb = Workbook.load(folder)
        if wb.sha256 == digest:
            wb.path = path
            return wb
    wb = load_workbook(path)
    wb.save(folder)
    return wb


def split_list(value: object, ids_only: bool = False) -> list[str]:
    """Split a ';'-separated cell (also ',' when it holds only ids); blanks dropped.

    >>> split_list("GIZ; aecid ;;SHCP")
    ['GIZ', 'aecid', 'SHCP']
    >>> split_list("A1, B2", ids_only=True)
    ['A1', 'B2']
    """
    if value is None:
        return []
    text = str(value)
    parts = re.split(r"[;\n]" if not ids_only else r"[;,\n]", text)
    return [p.strip() for p in parts if p.strip()]


# ---------------------------------------------------------------------------------------
# The loader
# ---------------------------------------------------------------------------------------


class _Fatal(Exception):
    """The file cannot be read at all; the problem is already recorded."""


class _Loader:
    def __init__(self, path: Path):
        self.path = path
        self.file = path.name
        self.problems: list[Problem] = []
        self.titles: dict[str, str] = {}
        self.letters: dict[str, dict[str, str]] = {}
        self._pending_states: list[tuple] = []  # state names checked once about.country is known
        self.merged: dict[str, list[str]] = {}  # sheet title -> merged ranges ("B1:C1")
        self.covered: dict[str, dict[str, str]] = {}  # sheet title -> cell -> the merged range covering it
        self.formulas: dict[str, list[tuple[tuple[int, int], str]]] = {}  # formulas without a saved result
        self.decimal: str | None = None  # about.decimal_separator: settles "4,500" and "1.200"
        self._invisible: dict[tuple[str, str], list[tuple[str, str]]] = {}  # (sheet, column) -> (cell, value)
        self._muted: list[Problem] | None = None  # problems of a trial parse go here, not to the user

    # -- problems -------------------------------------------------------------------------
    def error(self, sheet: str, cell: str, column: str, found: object, expected: str) -> None:
        self._add(Problem(self.file, sheet, cell, column, found, expected))

    def warn(self, sheet: str, cell: str, column: str, found: object, expected: str) -> None:
        self._add(Problem(self.file, sheet, cell, column, found, expected, "warning"))

    def _add(self, problem: Problem) -> None:
        if self._muted is not None:
            self._muted.append(problem)
            return
        rng = self.covered.get(problem.sheet, {}).get(problem.cell)
        if rng:
            problem = replace(problem, expected=f"{problem.expected} (the cell is part of the merged cells {rng})")
        self.problems.append(problem)

    def fatal(self, expected: str, found: object = None) -> _Fatal:
        self.problems.append(Problem(self.file, "", "", "", found, expected))
        return _Fatal()

    # -- file level -----------------------------------------------------------------------
    def run(self) -> Workbook:
        raw = self._open()
        digest = file_sha256(self.path)
        sheets = self._match_sheets(raw)
        self.titles = dict(sheets)
        if "stakeholders" not in sheets and "survey_responses" not in sheets:  # a survey alone needs no stakeholders
            names = ", ".join(f'"{t}"' for t in raw) or "none"
            self.problems.append(
                Problem(
                    self.file,
                    "stakeholders",
                    "",
                    "",
                    None,
                    f'a sheet named "stakeholders" (or "actores"); the workbook has: {names}',
                )
            )
            raise _Fatal()
        about = self._read_about(raw[sheets["about"]], sheets["about"]) if "about" in sheets else _default_about()
        self.decimal = about.get("decimal_separator")
        read = {
            key: self._read_sheet(schema.sheet(key), raw[title], title)
            for key, title in sheets.items()
            if key not in ("survey_responses", "about")
        }
        tables: dict[str, pd.DataFrame] = {}
        for spec in schema.SHEETS:
            if spec.key in ("about", "survey_responses"):
                continue
            tables[spec.key] = read.get(spec.key) if spec.key in read else _empty(spec)
        tables["survey_responses"] = (
            self._read_responses(
                raw[sheets["survey_responses"]], sheets["survey_responses"], tables["survey_questions"]
            )
            if "survey_responses" in sheets
            else _empty(schema.sheet("survey_responses"))
        )
        self._check_references(tables, about)
        self._check_duplicates(tables["stakeholders"])
        self._report_formulas(sheets)
        self._report_invisible()
        wb = Workbook(
            self.path, digest, about, tables, [p for p in self.problems if not p.is_error], dict(sheets), self.letters
        )
        if _PAGE[0] is None:
            _PAGE[0] = wb
        return wb

    def _open(self) -> dict[str, list[tuple]]:
        """All sheets as lists of row tuples (values), after the file-level safety checks."""
        path = self.path
        if not path.exists():
            raise self.fatal("an existing .xlsx file (the path does not exist)", str(path))
        if path.is_dir():
            raise self.fatal("an .xlsx file, not a folder", str(path))
        size = path.stat().st_size
        if size == 0:
            raise self.fatal("an .xlsx workbook (the file is empty)")
        if size > LIMITS["max_file_bytes"]:
            raise self.fatal(f"a workbook of at most {LIMITS['max_file_bytes'] // 2**20} MB", f"{size / 2**20:.0f} MB")
        with open(path, "rb") as fh:
            head = fh.read(1 << 16)
        if head.startswith(b"\xd0\xcf\x11\xe0"):
            if "EncryptedPackage".encode("utf-16-le") in head:
                raise self.fatal(
                    "a workbook without a password: this one is password-protected; open it in "
                    "Excel, remove the password (File > Info > Protect Workbook) and save it as .xlsx"
                )
            raise self.fatal(
                "an .xlsx workbook: this is an old .xls file (Excel 97-2003); "
                "open it in Excel and save it as .xlsx (Excel Workbook)"
            )
        if not head.startswith(b"PK"):
            kind = "a text/CSV file" if _looks_like_text(path) else "not a spreadsheet"
            raise self.fatal(f"an .xlsx workbook: the file is {kind}; open it in Excel and save it as .xlsx")
        try:
            with zipfile.ZipFile(path) as zf:
                infos = zf.infolist()
                names = {i.filename for i in infos}
                total = sum(i.file_size for i in infos)
                packed = sum(i.compress_size for i in infos) or 1
                if total > LIMITS["max_unzipped_bytes"] or (
                    total > 50 * 2**20 and total / packed > LIMITS["max_compression_ratio"]
                ):
                    raise self.fatal(
                        f"a workbook that unpacks to at most {LIMITS['max_unzipped_bytes'] // 2**20} MB "
                        f"with a compression ratio below {LIMITS['max_compression_ratio']} (refused as a possible zip bomb)",
                        f"{total / 2**20:.0f} MB unpacked from {packed / 2**20:.1f} MB",
                    )
                if "xl/workbook.xml" not in names:
                    if _is_opendocument(zf):
                        raise self.fatal(
                            "an .xlsx workbook: this is an OpenDocument spreadsheet (.ods, as LibreOffice "
                            "Calc saves by default); open it in LibreOffice Calc and use File > Save As "
                            "with the type Excel 2007-365 (.xlsx)"
                        )
                    raise self.fatal("an .xlsx workbook (the zip has no xl/workbook.xml: not an Excel file)")
                if "xl/vbaProject.bin" in names:
                    self.warn("", "", "", None, "a workbook without macros: the macros were ignored, never run")
                reader = XlsxReader(zf)
                sheets: dict[str, list[tuple]] = {}
                for title, state, part in reader.sheets():
                    if state != "visible":
                        self.warn(title, "", "", None, "a visible sheet: this sheet is hidden in Excel but was read")
                    rows, formulas, merged = reader.read_sheet(part, title, _row_limit(title))
                    self.formulas[title] = formulas
                    self.merged[title] = merged
                    self.covered[title] = _fill_merged(rows, merged)
                    sheets[title] = rows
        except _Fatal:
            raise
        except TooBig as exc:
            raise self.fatal(str(exc)) from None
        except zipfile.BadZipFile:
            raise self.fatal(
                "an .xlsx workbook: the file is damaged (not a readable zip); open it in Excel and save it again"
            ) from None
        except Unsafe as exc:
            raise self.fatal(
                f"a workbook without XML document type declarations ({exc}): refused as a possible "
                "entity bomb; open it in Excel and save it again"
            ) from None
        except Exception as exc:  # expat, KeyError for a missing part, zlib...: a damaged file
            raise self.fatal(
                f"a readable .xlsx workbook (the file is damaged: {type(exc).__name__}: {exc}); "
                "open it in Excel and save it again"
            ) from None
        return sheets

    def _match_sheets(self, raw: dict[str, list[tuple]]) -> dict[str, str]:
        found: dict[str, str] = {}
        for title in raw:
            for spec in _specs_of(title):
                if spec.key in found:
                    self.error(
                        title,
                        "",
                        "",
                        title,
                        f'one sheet for "{spec.key}": "{found[spec.key]}" is the same sheet; remove one',
                    )
                else:
                    found[spec.key] = title
        return found

    # -- sheets -----------------------------------------------------------------------------
    def _header(self, spec: Sheet, rows: list[tuple], title: str, columns: tuple[Column, ...]) -> dict[str, int] | None:
        """Map column keys to 0-based positions from row 1; None when required headers are missing."""
        header = rows[0] if rows else ()
        for rng in self.merged.get(title, []):
            if re.fullmatch(r"[A-Za-z]+1:[A-Za-z]+\d+", rng):
                self.error(
                    title,
                    rng,
                    "",
                    None,
                    f"one header per column: the header cells {rng} are merged; "
                    f"unmerge them and write each column's name in its own cell",
                )
        mapping, unknown = self._map_header(header, columns, spec, title, report=True)
        missing = [c for c in columns if c.required and c.key not in mapping]
        if not missing:
            self.letters[spec.key] = {k: _letter(i + 1) for k, i in mapping.items()}
            self._warn_unknown_columns(spec, title, header, unknown, columns, mapping)
            return mapping
        # A common mistake: a title row above the headers.
        for r in range(1, min(len(rows), HEADER_SCAN_ROWS)):
            other, _ = self._map_header(rows[r], columns, spec, title, report=False)
            if all(c.key in other for c in columns if c.required):
                shown = ", ".join(f'"{_show(v)}"' for v in header if v not in (None, "")) or "nothing"
                self.error(
                    title,
                    "A1",
                    "",
                    None,
                    f"the column headers in row 1; they are in row {r + 1} (row 1 holds {shown}): "
                    f"delete the rows above the headers",
                )
                return None
        shown = ", ".join(f'"{_show(v)}"' for v in header if v not in (None, "")) or "nothing"
        for c in missing:
            names = f'"{c.key}" or "{c.es}"' if c.es != c.key else f'"{c.key}"'
            below = next(
                (
                    (r, i)
                    for r in range(1, min(len(rows), HEADER_SCAN_ROWS))
                    for i, v in enumerate(rows[r])
                    if v is not None and _header_key(v, columns) == c.key
                ),
                None,
            )
            if below:
                r, i = below
                self.error(
                    title,
                    f"{_letter(i + 1)}{r + 1}",
                    c.key,
                    rows[r][i],
                    f"a column {names} in row 1: it stands in row {r + 1}, a second header row; put every "
                    f"column's name in row 1 and delete the rows between the headers and the data",
                )
            else:
                self.error(title, "1", c.key, None, f"a column {names} in row 1 (row 1 holds {shown})")
        return None

    def _warn_unknown_columns(
        self,
        spec: Sheet,
        title: str,
        header: tuple,
        unknown: list[int],
        columns: tuple[Column, ...],
        mapping: dict[str, int],
    ) -> None:
        """A header that matches no column of the contract is kept and ignored: say so, with the closest name."""
        names = {}
        for c in columns:
            if not c.prefix and c.key not in mapping:
                for name in (c.key, c.es, *c.aliases):
                    names.setdefault(vocab.normalize(name), c.header("es" if name == c.es and c.es != c.key else "en"))
        for i in unknown:
            text = _header_text(header[i])
            close = difflib.get_close_matches(vocab.normalize(text), list(names), n=1, cutoff=0.75)
            hint = f' (did you mean "{names[close[0]]}"?)' if close else ""
            self.warn(
                title,
                f"{_letter(i + 1)}1",
                "",
                header[i],
                f"a column of the {spec.key} sheet: this column is not in the contract and is ignored{hint}",
            )

    def _map_header(
        self, header: tuple, columns: tuple[Column, ...], spec: Sheet, title: str, report: bool
    ) -> tuple[dict[str, int], list[int]]:
        """Column key -> 0-based position, and the positions of headers that match no column."""
        mapping: dict[str, int] = {}
        unknown: list[int] = []
        for i, value in enumerate(header):
            if value is None or str(value).strip() == "":
                continue
            if report and _INVISIBLE.search(str(value)):
                self._invisible.setdefault((title, ""), []).append((f"{_letter(i + 1)}1", str(value)))
            key = _header_key(value, columns)
            if key is None:
                unknown.append(i)
                continue
            if key in mapping:
                if report:
                    self.error(
                        title,
                        f"{_letter(i + 1)}1",
                        key,
                        str(value),
                        f'one column "{key}": it also stands in column {_letter(mapping[key] + 1)}; '
                        f"remove or rename one",
                    )
                continue
            mapping[key] = i
        return mapping, unknown

    def _data_rows(self, rows: list[tuple]):
        for r, row in enumerate(rows[1:], start=2):
            if row is None or all(_blank(v) for v in row):
                continue
            yield r, row

    def _read_sheet(self, spec: Sheet, rows: list[tuple], title: str) -> pd.DataFrame:
        if not rows:
            return _empty(spec)
        mapping = self._header(spec, rows, title, spec.columns)
        if mapping is None:
            return _empty(spec)
        records = []
        plan = [(c, mapping.get(c.key), [] if c.kind.endswith("_list") else c.default) for c in spec.columns]
        skip = self._not_data_rows(spec, title, rows, mapping)
        # A cell value seen before in the same column parses to the same value: ids, vocabulary
        # words, strengths and years repeat across a large sheet (500,000 ties: 3.5 million cells).
        # Kept only for single values that raised no problem (each bad cell reports its own cell).
        memo: dict[tuple, object] = {}
        once = {c.key for c in spec.columns if not c.kind.endswith("_list")}
        for r, row in self._data_rows(rows):
            if r in skip:
                continue
            rec = {"row": r}
            n = len(row)
            for c, i, blank in plan:
                raw = row[i] if i is not None and i < n else None
                if raw is None and not c.required:  # the common case, kept fast
                    rec[c.key] = blank.copy() if isinstance(blank, list) else blank
                    continue
                key = (c.key, type(raw), raw) if c.key in once and type(raw) in _MEMO_TYPES else None
                if key is not None and key in memo:
                    rec[c.key] = memo[key]
                    continue
                problems = len(self.problems) + len(self._muted or ())
                rec[c.key] = value = self._parse(spec, title, c, raw, r, i)
                if (
                    key is not None
                    and problems == len(self.problems) + len(self._muted or ())
                    and not (type(raw) is str and _INVISIBLE.search(raw))
                ):
                    memo[key] = value
            records.append(rec)
        df = _frame(spec, records)
        if spec.key == "ties" and not df.empty:
            df["directed"] = df["directed"].fillna(df["kind"].eq("funding")).astype(bool)
        if spec.id_column:
            self._check_unique(df, spec, title, spec.id_column)
        if spec.key == "survey_questions":
            self._check_questions(df, title)
        return df

    def _not_data_rows(self, spec: Sheet, title: str, rows: list[tuple], mapping: dict[str, int]) -> set[int]:
        """Rows that are not records, each named in one line instead of a cascade of cell errors:
        a second header row of descriptions under row 1 (an error: delete it) and totals rows
        at the bottom (skipped with a warning: partnerlab counts for itself)."""
        data = list(self._data_rows(rows))
        skip: set[int] = set()
        if len(data) >= 2 and data[0][0] == 2 and self._is_description_row(spec, title, data[0][1], mapping):
            row = data[0][1]
            shown = ", ".join(f'"{_show(v, 30)}"' for v in row if not _blank(v))
            self.error(
                title,
                "A2",
                "",
                None,
                f"data from row 2 on: row 2 looks like a second header row of descriptions ({_show(shown, 120)}); "
                "delete it, the column names in row 1 are enough",
            )
            skip.add(2)
        required = [mapping[c.key] for c in spec.columns if c.required and c.key in mapping]
        for r, row in reversed(data[-3:]):
            at, word = next(((i, v) for i, v in enumerate(row) if not _blank(v)), (None, None))
            if (
                not isinstance(word, str)
                or vocab.normalize(word.rstrip(":")) not in _TOTAL_WORDS
                or r in skip
                or any(i != at and i < len(row) and not _blank(row[i]) for i in required)
            ):
                break  # a record named "Total" (TotalEnergies) fills its required columns: it stays
            self.warn(
                title,
                f"A{r}",
                "",
                word,
                f"a record in each row: row {r} looks like a totals row and was "
                "skipped (partnerlab counts and sums for itself); delete it",
            )
            skip.add(r)
        return skip

    def _is_description_row(self, spec: Sheet, title: str, row: tuple, mapping: dict[str, int]) -> bool:
        """Most typed cells of the row hold text that their column cannot read (a description)."""
        typed = [
            (c, mapping[c.key])
            for c in spec.columns
            if c.key in mapping and c.kind not in ("text", "text_list", "state_list")
        ]
        cells = [(c, i) for c, i in typed if i < len(row) and not _blank(row[i])]
        if len(cells) < 2 or not all(isinstance(row[i], str) for _, i in cells):
            return False
        failed = 0
        for c, i in cells:
            self._muted = []
            try:
                self._parse(spec, title, c, row[i], 2, i)
                failed += bool(self._muted)
            finally:
                self._muted = None
        return failed >= max(2, 0.75 * len(cells))

    def _check_questions(self, df: pd.DataFrame, title: str) -> None:
        letters = self.letters.get("survey_questions", {})
        reserved = {vocab.normalize(n) for c in schema.sheet("survey_responses").columns for n in (c.key, c.es)}
        for q in df.itertuples(index=False):
            if q.type in ("scale", "choice", "multi") and len(q.options) < 2:
                self.error(
                    title,
                    f"{letters.get('options', '')}{q.row}",
                    "options",
                    "; ".join(q.options) or "",
                    f"at least two options separated by ';' for a {q.type} question",
                )
            if q.question is not None and vocab.normalize(q.question) in reserved:
                self.error(
                    title,
                    f"{letters.get('question', '')}{q.row}",
                    "question",
                    q.question,
                    "a question id that is not a column of survey_responses (respondent, sector, state)",
                )

    def _read_about(self, rows: list[tuple], title: str) -> dict:
        about = _default_about()
        spec = schema.sheet("about")
        mapping = self._header(spec, rows, title, spec.columns) if rows else None
        if mapping is None:
            return about
        vi = mapping.get("value", mapping["field"] + 1)
        for r, row in self._data_rows(rows):
            fld = _clean(row[mapping["field"]]) if mapping["field"] < len(row) else None
            val = _clean(row[vi]) if vi < len(row) else None
            if fld is None:
                continue
            if _is_error_value(val):
                self.error(title, f"{_letter(vi + 1)}{r}", str(fld), val, _ERROR_VALUE)
                continue
            key = {
                "portafolio": "portfolio",
                "cartera": "portfolio",
                "pais": "country",
                "fecha": "as_of",
                "fechadecorte": "as_of",
                "idioma": "language",
                "preparadopor": "prepared_by",
                "ilustrativo": "illustrative",
                "asof": "as_of",
                "preparedby": "prepared_by",
                "separadordecimal": "decimal_separator",
                "decimalseparator": "decimal_separator",
            }.get(vocab.normalize(fld), vocab.normalize(fld))
            if key == "as_of":
                parsed = _parse_date(val)
                if val is not None and parsed is None:
                    self.error(title, f"{_letter(vi + 1)}{r}", "as_of", val, _date_expected(val))
                about["as_of"] = parsed.date() if parsed is not None else None
            elif key == "decimal_separator":
                mark = _DECIMAL_MARKS.get(vocab.normalize(val or ""))
                if val is not None and mark is None:
                    self.error(
                        title,
                        f"{_letter(vi + 1)}{r}",
                        "decimal_separator",
                        val,
                        '"." or "," (the mark between whole numbers and decimals in text numbers)',
                    )
                about["decimal_separator"] = mark
            elif key == "language":
                lang = i18n.language_code(val)
                if val is not None and lang is None:
                    self.error(title, f"{_letter(vi + 1)}{r}", "language", val, " or ".join(i18n.LANGUAGES))
                about["language"] = lang or "en"
            else:
                about[key] = val
        about["is_illustrative"] = bool(about.get("illustrative"))
        return about

    def _read_responses(self, rows: list[tuple], title: str, questions: pd.DataFrame) -> pd.DataFrame:
        spec = schema.sheet("survey_responses")
        qcols = (
            tuple(Column(q, q, aliases=(t,) if t else ()) for q, t in zip(questions["question"], questions["text"]))
            if not questions.empty
            else ()
        )
        if not rows:
            return _empty(spec, extra=[c.key for c in qcols])
        mapping = self._header(spec, rows, title, spec.columns + qcols)
        if mapping is None:
            return _empty(spec, extra=[c.key for c in qcols])
        qinfo = {q.question: q for q in questions.itertuples(index=False)}
        if qcols and not any(c.key in mapping for c in qcols) and any(True for _ in self._data_rows(rows)):
            self.error(
                title,
                "1",
                "",
                None,
                f"a column per survey question, headed by its id ({', '.join(c.key for c in qcols[:3])}, ...) "
                f"or its text as in {self.titles_of('survey_questions')}: no column of row 1 matches any "
                "of the questions, so no answer could be read",
            )
            return _empty(spec, extra=[c.key for c in qcols])
        for c in qcols:
            if c.key not in mapping:
                self.warn(
                    title, "1", c.key, None, f'a column for survey question "{c.key}" (no answers were read for it)'
                )
        records = []
        for r, row in self._data_rows(rows):
            rec = {"row": r}
            for c in spec.columns:
                i = mapping.get(c.key)
                rec[c.key] = self._parse(spec, title, c, row[i] if i is not None and i < len(row) else None, r, i)
            for c in qcols:
                i = mapping.get(c.key)
                raw = row[i] if i is not None and i < len(row) else None
                rec[c.key] = self._parse_answer(title, qinfo[c.key], raw, r, i)
            records.append(rec)
        df = _frame(spec, records, extra=[c.key for c in qcols])
        self._check_unique(df, spec, title, "respondent")
        for c in qcols:
            if qinfo[c.key].type == "number":
                df[c.key] = pd.to_numeric(df[c.key], errors="coerce").astype("float64")
        return df

    def _parse_answer(self, title: str, q, raw: object, r: int, i: int | None):
        qtype, options = q.type, list(q.options)
        value = _clean(raw)
        if _is_error_value(value):
            self.error(title, f"{_letter(i + 1)}{r}", q.question, value, _ERROR_VALUE)
            return [] if qtype == "multi" else (float("nan") if qtype == "number" else None)
        if qtype == "multi":
            if value is None:
                return []
            chosen = []
            parts = split_list(value)
            if len(parts) == 1 and _match_option(value, options, by_position=False) is None and "," in str(value):
                parts = _split_checkboxes(str(value), options) or parts  # Google Forms joins checkboxes with ", "
            for part in parts:
                opt = _match_option(part, options, by_position=True)
                if opt is None:
                    self.error(
                        title,
                        f"{_letter(i + 1)}{r}",
                        q.question,
                        part,
                        f"one of the options of {q.question}: {'; '.join(options)}",
                    )
                elif opt not in chosen:
                    chosen.append(opt)
            return [o for o in options if o in chosen]
        if value is None:
            return float("nan") if qtype == "number" else None
        if qtype == "number":
            num, why = self._number(value, percent=True)
            if num is None:
                self.error(title, f"{_letter(i + 1)}{r}", q.question, value, "a number" + (f": {why}" if why else ""))
                return float("nan")
            return num
        if qtype == "text":
            return str(value)
        opt = _match_option(value, options, by_position=True)
        if opt is None:
            hint = f" or its position 1-{len(options)}"
            self.error(
                title,
                f"{_letter(i + 1)}{r}",
                q.question,
                value,
                f"one of the options of {q.question}{hint}: {'; '.join(options)}",
            )
        return opt

    # -- cells ------------------------------------------------------------------------------
    def _parse(self, spec: Sheet, title: str, c: Column, raw: object, r: int, i: int | None):
        def where() -> str:  # built only for a problem: most cells have none
            return f"{_letter(i + 1)}{r}" if i is not None else f"{r}"

        value = _clean(raw)
        kind = c.kind
        if value is None:
            if c.required:
                self.error(title, where(), c.key, None if i is None else "", f"{c.expected()} (required)")
            if kind.endswith("_list"):
                return []
            return c.default
        if _is_error_value(value):
            self.error(title, where(), c.key, value, _ERROR_VALUE)
            return [] if kind.endswith("_list") else c.default
        if kind not in ("text", "text_list") and isinstance(value, str) and _INVISIBLE.search(value):
            self._invisible.setdefault((title, c.key), []).append((where(), value))
            return self._parse(spec, title, c, _INVISIBLE.sub("", value), r, i)
        bad = lambda why="": self.error(title, where(), c.key, value, c.expected() + why)  # noqa: E731
        if kind == "text":
            if isinstance(value, Styled):
                return value.shown()
            return str(value) if not isinstance(value, dt.datetime) else value.date().isoformat()
        if kind == "code":
            code, why = _code_of(value)
            if code is None:
                bad(why)
            return code
        if kind == "id":
            text = _id_text(value)
            if not ID_RE.match(text):
                bad()
            return text
        if kind in ("ref", "ref_list"):
            items = [_id_text(value)] if kind == "ref" else split_list(value, ids_only=True)
            for item in items:
                if not ID_RE.match(item):
                    self.error(title, where(), c.key, item, c.expected())
            return items[0] if kind == "ref" else items
        if kind == "vocab":
            key = vocab.VOCABULARIES[c.vocab].lookup(value)
            if key is None:
                self._bad_vocab(title, where(), c, value)
            return key
        if kind == "vocab_list":
            out = []
            for part in split_list(value):
                key = vocab.VOCABULARIES[c.vocab].lookup(part)
                if key is None:
                    self._bad_vocab(title, where(), c, part)
                elif key not in out:
                    out.append(key)
            return out
        if kind == "state_list":
            out = []
            for part in split_list(value):
                key = vocab.STATES.lookup(part)
                if key is None:
                    self._pending_states.append((title, where(), c, part))
                    out.append(part)
                elif key not in out:
                    out.append(key)
            return out
        if kind == "yes_no":
            key = vocab.YES_NO.lookup(value)
            if key is None:
                bad()
                return None
            return key == "yes"
        if kind in ("int", "year", "number"):
            num, why = self._number(value, percent=c.key.endswith("_pct"))
            lo, hi = (c.lo, c.hi) if kind != "year" else (1900, 2100)
            if num is None or (kind != "number" and num != int(num)) or not lo <= num <= hi:
                bad(f": {why}" if why else "")
                return None
            return num if kind == "number" else int(num)
        if kind in ("int_list", "year_list"):
            out = []
            lo, hi = (c.lo, c.hi) if kind == "int_list" else (1900, 2100)
            for part in split_list(value, ids_only=True) if not isinstance(value, (int, float)) else [value]:
                num = _to_number(part)
                if num is None or num != int(num) or not lo <= num <= hi:
                    self.error(title, where(), c.key, part, c.expected())
                else:
                    out.append(int(num))
            return out
        if kind == "date":
            parsed = _parse_date(value)
            if parsed is None:
                self.error(title, where(), c.key, value, _date_expected(value))
            return parsed
        if kind == "text_list":
            return split_list(value)
        if kind == "code_list":
            out = []
            for part in split_list(value, ids_only=True) if not isinstance(value, (int, float)) else [value]:
                code, why = _code_of(part)
                if code is None:
                    self.error(title, where(), c.key, part, c.expected() + why)
                else:
                    out.append(code)
            return out
        return value

    def _number(self, value: object, percent: bool) -> tuple[float | None, str]:
        """A cell as a number, and why not when it cannot be read as one.

        A percentage cell (Excel keeps 40% as 0.4 with a percent format) is its percentage
        where percent is True (40), and is refused elsewhere; text such as "4,500" that
        reads two ways is refused with both readings unless about.decimal_separator settles it.
        """
        if isinstance(value, bool):
            return None, ""
        if isinstance(value, Styled) and value.is_percent:
            if percent:
                return round(float(value) * 100, 9), ""
            return None, f"the cell is formatted as a percentage ({value.shown()}): remove the percent format"
        if isinstance(value, (int, float)):
            return float(value), ""
        return _read_number(str(value), self.decimal)

    def _report_formulas(self, sheets: dict[str, str]) -> None:
        """Formulas without a saved result, one line per run of cells in a column read by the analyses
        (200 cells dragged down are one line); other columns and sheets are not read, so never refused."""
        keys = {title: key for key, title in sheets.items()}
        for title, formulas in self.formulas.items():
            columns = {v: k for k, v in self.letters.get(keys.get(title, ""), {}).items()}
            by_letter: dict[str, list[tuple[int, str]]] = {}
            for (r, c), formula in sorted(formulas, key=lambda f: (f[0][1], f[0][0])):
                by_letter.setdefault(_letter(c), []).append((r, formula))
            for letter, cells in by_letter.items():
                column = columns.get(letter, "")
                if not column:  # not read: its header is already named as ignored
                    continue
                for run in _runs(cells):
                    (first, formula), last = run[0], run[-1][0]
                    span, many = (
                        (f"{letter}{first}", "")
                        if len(run) == 1
                        else (
                            f"{letter}{first}:{letter}{last}",
                            f" (nor do the other {len(run) - 1} cells of this range)",
                        )
                    )
                    self.error(
                        title,
                        span,
                        column,
                        formula,
                        f"{_NO_RESULT}{many}; open the file in Excel, let it calculate and save it again "
                        "(or type the value)",
                    )

    def _report_invisible(self) -> None:
        """Invisible characters removed from ids, codes, vocabulary and headers: one warning per column."""
        for (title, column), cells in self._invisible.items():
            cell, value = cells[0]
            chars = sorted({ch for _, v in cells for ch in _INVISIBLE.findall(v)})
            names = ", ".join(f"U+{ord(ch):04X} ({unicodedata.name(ch, 'format character').lower()})" for ch in chars)
            more = ""
            if len(cells) > 1:
                listed = ", ".join(c for c, _ in cells[1:6]) + (", ..." if len(cells) > 6 else "")
                more = (
                    f", here and in {len(cells) - 1} more cell{'s' if len(cells) > 2 else ''} of this column ({listed})"
                )
            self.warn(
                title,
                cell,
                column,
                value,
                f"no invisible characters: {names} removed{more} (pasted from a web page or a PDF?)",
            )

    def _bad_vocab(self, title: str, cell: str, c: Column, value: object) -> None:
        voc = vocab.VOCABULARIES[c.vocab]
        hint = voc.suggest(value)
        extra = f' (did you mean "{hint}"?)' if hint else ""
        self.error(title, cell, c.key, value, voc.expected() + extra)

    # -- cross-sheet checks -----------------------------------------------------------------
    def _check_unique(self, df: pd.DataFrame, spec: Sheet, title: str, col: str) -> None:
        if df.empty:
            return
        seen: dict[str, int] = {}
        letter = self.letters.get(spec.key, {}).get(col, "")
        for value, r in zip(df[col], df["row"]):
            if value is None:
                continue
            folded = _fold(value)
            if folded in seen:
                self.error(
                    title,
                    f"{letter}{r}",
                    col,
                    value,
                    f"a unique {col}: row {seen[folded]} already has it (ids are compared ignoring case, accents, spaces, hyphens and underscores)",
                )
            else:
                seen[folded] = r

    def _check_references(self, tables: dict[str, pd.DataFrame], about: dict) -> None:
        canon = {
            "stakeholders": {_fold(v): v for v in tables["stakeholders"]["id"].dropna()},
            "partnerships": {_fold(v): v for v in tables["partnerships"]["id"].dropna()},
        }
        codes = set(tables["action_plan"]["code"].dropna()) | {a.code for a in vocab.ACTIONS}
        for spec in schema.SHEETS:
            df = tables.get(spec.key)
            if df is None or df.empty:
                continue
            title = self.titles_of(spec.key)
            for c in spec.columns:
                if c.kind in ("ref", "ref_list"):
                    targets = c.ref.split("|")
                    df[c.key] = _objects(
                        [self._resolve(v, canon, targets, title, spec.key, c, r) for v, r in zip(df[c.key], df["row"])],
                        df.index,
                    )
                    if spec.key == "value_assessment" and c.key == "subject":
                        df["subject_kind"] = _objects(
                            [
                                None
                                if v is None
                                else ("partnership" if _fold(v) in canon["partnerships"] else "stakeholder")
                                for v in df["subject"]
                            ],
                            df.index,
                        )
                elif c.kind == "code_list" and spec.key == "partnerships":
                    for v, r in zip(df[c.key], df["row"]):
                        for code in v:
                            if code not in codes:
                                self.error(
                                    title,
                                    f"{self._letter(spec.key, c.key)}{r}",
                                    c.key,
                                    code,
                                    "a course of action code of the action plan (1.1 ... 3.10)",
                                )
        # States: validated only when the portfolio's country is Mexico.
        if _fold(about.get("country") or "mexico") in ("mexico",):
            for title, cell, c, part in self._pending_states:
                hint = vocab.STATES.suggest(part)
                extra = f' (did you mean "{hint}"?)' if hint else ""
                self.error(
                    title, cell, c.key, part, "one of Mexico's 32 federal entities (e.g. Oaxaca, CDMX, Edomex)" + extra
                )

    def _resolve(self, value, canon, targets, title, sheet_key, c: Column, r: int):
        if value is None:
            return [] if c.kind == "ref_list" else None
        items = value if isinstance(value, list) else [value]
        out = []
        for item in items:
            found = None
            for t in targets:
                found = canon[t].get(_fold(item))
                if found is not None:
                    break
            if found is None:
                where = " or ".join(targets)
                self.error(title, f"{self._letter(sheet_key, c.key)}{r}", c.key, item, f"an id from the {where} sheet")
                found = item
            if found not in out:
                out.append(found)
        return out if c.kind == "ref_list" else out[0]

    def _check_duplicates(self, stakeholders: pd.DataFrame) -> None:
        from partnerlab.duplicates import find_duplicates

        if stakeholders.empty:
            return
        title, letter = self.titles_of("stakeholders"), self._letter("stakeholders", "name")
        for d in find_duplicates(stakeholders).itertuples(index=False):
            why = (
                "the names match once case, accents, punctuation and common words are ignored"
                if d.reason == "same name"
                else "one name is the acronym the other gives in brackets"
            )
            self.warn(
                title,
                f"{letter}{d.row_b}",
                "name",
                d.name_b,
                f'a stakeholder other than {letter}{d.row_a} ({d.id_a} "{_show(d.name_a, 50)}"): {why}; '
                f"if they are the same institution, keep one row and point the ids to it",
            )

    def titles_of(self, key: str) -> str:
        return self.titles.get(key, key)

    def _letter(self, sheet_key: str, col: str) -> str:
        return self.letters.get(sheet_key, {}).get(col, "")


# ---------------------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------------------

_SEPARATORS = re.compile(r"[\s\-_]+")


def _specs_of(title: str) -> list[Sheet]:
    """The sheets of the schema a sheet title names (its key or its name in any language)."""
    norm = vocab.normalize(title)
    return [spec for spec in schema.SHEETS if norm in {vocab.normalize(name) for name in spec.names()}]


def _row_limit(title: str) -> int:
    """The most data rows read from the sheet with this title (LIMITS)."""
    by_sheet = LIMITS.get("max_rows_by_sheet") or {}
    return max([LIMITS["max_rows"], *(by_sheet.get(spec.key, 0) for spec in _specs_of(title))])


_MEMO_TYPES = frozenset({str, int, float, bool, dt.datetime})  # exact types: not Styled, not CellError


def _fold(value: object) -> str:
    """vocab.normalize, with a fast path for plain ASCII (most ids): same result."""
    text = str(value)
    if text.isascii():
        return _SEPARATORS.sub("", text.casefold())
    return vocab.normalize(text)


def file_sha256(path: str | Path) -> str:
    """The sha256 of a file's bytes, read in 1 MB chunks."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _default_about() -> dict:
    return {
        "portfolio": None,
        "country": "Mexico",
        "as_of": None,
        "language": "en",
        "prepared_by": None,
        "illustrative": None,
        "is_illustrative": False,
    }


def _empty(spec: Sheet, extra: list[str] | None = None) -> pd.DataFrame:
    return _frame(spec, [], extra=extra)


_DTYPES = {"int": "Int64", "year": "Int64", "number": "float64", "yes_no": "boolean", "date": "datetime64[ns]"}


def _frame(spec: Sheet, records: list[dict], extra: list[str] | None = None) -> pd.DataFrame:
    cols = ["row", *(c.key for c in spec.columns), *(extra or [])]
    df = pd.DataFrame.from_records(records, columns=cols)
    df["row"] = df["row"].astype("int64")
    for c in spec.columns:
        dtype = _DTYPES.get(c.kind)
        if dtype == "datetime64[ns]":
            df[c.key] = pd.to_datetime(df[c.key]).astype("datetime64[ns]")
        elif dtype == "boolean":
            df[c.key] = df[c.key].astype("boolean")
        elif dtype:
            df[c.key] = pd.to_numeric(df[c.key]).astype(dtype)
        else:
            df[c.key] = _nan_to_none(df[c.key])
    for key in extra or ():
        df[key] = _nan_to_none(df[key])
    if spec.key == "value_assessment":
        df.insert(2, "subject_kind", pd.Series([None] * len(df), dtype=object))
    return df


def _objects(values: list, index: pd.Index) -> pd.Series:
    """A column of Python objects as given: pandas would read a list of text with None as its
    string dtype, where a blank becomes NaN."""
    return pd.Series(values, index=index, dtype=object)


def _nan_to_none(column: pd.Series) -> pd.Series:
    """An object column whose blanks are None: from_records turns None into NaN in a column that
    also holds text, and NaN would reach messages and references as "nan"."""
    column = column.astype(object)
    blank = column.isna()
    return column.where(~blank, None) if blank.any() else column


def _blank(v: object) -> bool:
    return v is None or (isinstance(v, str) and v.strip().replace("\u00a0", "") == "")


def _clean(v: object) -> object:
    """Strip text (also non-breaking spaces), compose accents (NFC); blank -> None."""
    if v is None:
        return None
    if isinstance(v, str):
        text = unicodedata.normalize("NFC", v.replace("\u00a0", " ")).strip()
        return text or None
    if isinstance(v, float) and v != v:
        return None
    return v


def _show(v: object, limit: int = 60) -> str:
    """A cell value as a message shows it: dates as ISO, a blank as nothing (never "nan"), a
    percentage as Excel shows it, invisible characters as <U+200B>."""
    if isinstance(v, dt.datetime):
        v = v.date().isoformat() if v.time() == dt.time() else v.isoformat()
    elif isinstance(v, float) and v != v:
        v = ""
    elif isinstance(v, Styled):
        v = v.shown()
    text = _INVISIBLE.sub(lambda m: f"<U+{ord(m.group()):04X}>", str(v).replace("\n", " "))
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _letter(n: int) -> str:
    s = ""
    while n:
        n, rem = divmod(n - 1, 26)
        s = chr(65 + rem) + s
    return s


def _id_text(v: object) -> str:
    if isinstance(v, float) and v == int(v):
        v = int(v)
    return str(v).strip()


def _to_number(v: object) -> float | None:
    """A number from a cell, or None (also for text that reads two ways)."""
    if isinstance(v, bool):
        return None
    if isinstance(v, (int, float)):
        return float(v)
    return _read_number(str(v), None)[0]


def _read_number(text: str, decimal: str | None) -> tuple[float | None, str]:
    """A number typed as text, and why not when it is none or reads two ways.

    A single group of three digits after a comma or a point ("4,500", "1.200") is 4500 or
    4.5, 1200 or 1.2: only decimal ("." or ",", from about.decimal_separator) settles it.

    >>> _read_number("4,5", None), _read_number("1,234.5", None), _read_number("1.234.567", None)
    ((4.5, ''), (1234.5, ''), (1234567.0, ''))
    >>> _read_number("4,500", None)[1]
    '"4,500" reads two ways: 4500 (with "," between thousands) or 4.5 (with "," as the decimal mark); type 4500 or 4.5, or set decimal_separator in the about sheet'
    >>> _read_number("4,500", "."), _read_number("1.200", ",")
    ((4500.0, ''), (1200.0, ''))
    """
    t = re.sub(r"[\s\u00a0\u202f']", "", text)
    if t.endswith("%"):
        t = t[:-1]
    m = re.fullmatch(r"([-+]?[1-9]\d{0,2})([.,])(\d{3})", t)
    if m:
        thousands, fraction = float(m[1] + m[3]), float(f"{m[1]}.{m[3]}")
        if decimal is not None:
            return (fraction if m[2] == decimal else thousands), ""
        return None, (
            f'"{text}" reads two ways: {thousands:g} (with "{m[2]}" between thousands) or {fraction:g} '
            f'(with "{m[2]}" as the decimal mark); type {thousands:g} or {fraction:g}, '
            "or set decimal_separator in the about sheet"
        )
    if re.fullmatch(r"[-+]?\d+(\.\d+)?([eE][-+]?\d+)?|[-+]?\.\d+", t):
        return float(t), ""
    if re.fullmatch(r"[-+]?\d+,\d+", t):  # a decimal comma, as in Spanish
        return float(t.replace(",", ".")), ""
    if re.fullmatch(r"[-+]?\d{1,3}(,\d{3})+(\.\d+)?", t):
        return float(t.replace(",", "")), ""
    if re.fullmatch(r"[-+]?\d{1,3}(\.\d{3})+(,\d+)?", t):
        return float(t.replace(".", "").replace(",", ".")), ""
    return None, ""


def _parse_date(v: object) -> pd.Timestamp | None:
    if v is None:
        return None
    if isinstance(v, dt.datetime):
        return pd.Timestamp(v)
    if isinstance(v, dt.date):
        return pd.Timestamp(v)
    text = str(v).strip()
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?", text)
    if m:
        try:
            return pd.Timestamp(dt.date(int(m[1]), int(m[2]), int(m[3])))
        except ValueError:
            return None
    return None


def _date_expected(v: object) -> str:
    """What a date cell should hold, with the fix for text in day/month/year or an impossible date.

    Text such as "31/03/2024" (the Mexican day/month/year habit) is refused, not guessed:
    "05/03/2024" reads as 5 March in Mexico and 3 May in the United States, and a silent
    guess would misdate an assessment. The message gives the ISO spelling to type.
    """
    base = "a date (an Excel date or ISO text such as 2024-03-31)"
    text = str(v).strip()
    m = re.fullmatch(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})", text)
    if m:
        d, mo, y = int(m[1]), int(m[2]), int(m[3])
        readings = []
        for day, month in ((d, mo), (mo, d)):
            try:
                readings.append(dt.date(y, month, day).isoformat())
            except ValueError:
                pass
        readings = list(dict.fromkeys(readings))
        if not readings:
            return f"{base}: there is no such day"
        if len(readings) == 1:
            return f"{base}: day/month/year text is not read; type {readings[0]} or enter it as an Excel date"
        return (
            f"{base}: day/month/year text is not read, it is ambiguous; type {readings[0]} (day/month) "
            f"or {readings[1]} (month/day), or enter it as an Excel date"
        )
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text)
    if m:
        return f"{base}: there is no such day"
    return base


def _action_code(v: object) -> str | None:
    text = str(v).strip().rstrip(".")
    if re.fullmatch(r"\d+\.\d+", text):
        major, minor = text.split(".")
        return f"{int(major)}.{int(minor)}"
    return None


def _code_of(v: object) -> tuple[str | None, str]:
    """An action-plan code from a cell, and why not.

    Text is read as typed. A number cell has lost its trailing zeros (3.10 typed in a General
    cell is stored as 3.1): its format's decimals give them back ("0.00" shows 3.10); else a
    number that Appendix 1 has in both spellings (1.1 and 1.10, 2.2 and 2.20) is refused.

    >>> _code_of("3.10"), _code_of(3.2), _code_of(Styled(3.1, "0.00"))
    (('3.10', ''), ('3.2', ''), ('3.10', ''))
    >>> _code_of(3.1)[1]
    ': the number 3.1 may be the code 3.1 or 3.10 (Excel drops trailing zeros from numbers); format the column as Text and type the code'
    """
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        if isinstance(v, Styled) and v.decimals:
            return _action_code(f"{float(v):.{v.decimals}f}"), ""
        text = f"{float(v):g}" if float(v) != int(v) else f"{int(v)}"
        code = _action_code(text)
        known = {a.code for a in vocab.ACTIONS}
        if code is not None and code in known and f"{text}0" in known:
            return None, (
                f": the number {text} may be the code {text} or {text}0 (Excel drops trailing zeros from "
                "numbers); format the column as Text and type the code"
            )
        return code, ""
    code = _action_code(v)
    return (code, "") if code is not None else (None, "")


def _split_checkboxes(value: str, options: list[str]) -> list[str] | None:
    """A Google Forms checkbox answer ("Agua, saneamiento, Salud") cut into options, which may
    themselves hold commas ("Agua, saneamiento"); None when no cut gives only options.

    >>> _split_checkboxes("Salud, Agua, saneamiento", ["Agua, saneamiento", "Salud"])
    ['Salud', 'Agua, saneamiento']
    """
    pieces = value.split(",")
    best: list[list[str] | None] = [[]] + [None] * len(pieces)  # best[k]: a cut of pieces[:k]
    for k in range(1, len(pieces) + 1):
        for j in range(k - 1, -1, -1):
            if best[j] is None:
                continue
            text = ",".join(pieces[j:k]).strip()
            if not text:
                best[k] = best[j]
                break
            option = _match_option(text, options, by_position=False)
            if option is not None:
                best[k] = [*best[j], option]
                break
    return best[-1] or None


def _runs(cells: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    """Cells (row, value) sorted by row, cut into runs of consecutive rows."""
    runs: list[list[tuple[int, str]]] = []
    for cell in cells:
        if runs and cell[0] == runs[-1][-1][0] + 1:
            runs[-1].append(cell)
        else:
            runs.append([cell])
    return runs


def _is_error_value(v: object) -> bool:
    """An Excel error value (#REF!, #N/A, ...): read from an error cell, or typed or pasted as text."""
    return isinstance(v, CellError) or (isinstance(v, str) and v.strip().upper() in EXCEL_ERRORS)


def _is_opendocument(zf: zipfile.ZipFile) -> bool:
    """An OpenDocument spreadsheet (.ods) says so in its first, uncompressed member."""
    try:
        info = zf.getinfo("mimetype")
    except KeyError:
        return False
    return info.file_size < 200 and b"opendocument.spreadsheet" in zf.read(info)


def _fill_merged(rows: list[tuple], merged: list[str]) -> dict[str, str]:
    """Give every cell of a merged range below the header its anchor's value, as a reader sees
    it (Excel keeps the value in the top-left cell only); return cell -> range for messages.

    Only ranges within one column are filled: a range across columns spans a wide text.
    """
    covered: dict[str, str] = {}
    for rng in merged[:10_000]:  # a real sheet has a few dozen merges; a hostile one is not filled past this
        m = re.fullmatch(r"([A-Za-z]+)(\d+):([A-Za-z]+)(\d+)", rng)
        if not m or int(m[2]) < 2:
            continue
        c1, r1, c2, r2 = _col_number(m[1]), int(m[2]), _col_number(m[3]), int(m[4])
        if (r2 - r1 + 1) * (c2 - c1 + 1) > 100_000:  # a hostile range: name it, never fill it
            continue
        anchor = rows[r1 - 1][c1 - 1] if r1 - 1 < len(rows) and c1 - 1 < len(rows[r1 - 1]) else None
        for r in range(r1, r2 + 1):
            for c in range(c1, c2 + 1):
                covered[f"{_letter(c)}{r}"] = rng.upper()
                if c1 == c2 and r > r1 and r - 1 < len(rows) and anchor is not None:
                    row = list(rows[r - 1]) + [None] * max(0, c - len(rows[r - 1]))
                    row[c - 1] = anchor
                    rows[r - 1] = tuple(row)
    return covered


def _col_number(letters: str) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n


def _header_text(v: object) -> str:
    """A header as written less what people add to it: line breaks, a trailing unit or note in
    brackets, a required-mark, invisible characters ("Influence\n(1-5) *" -> "Influence")."""
    text = _INVISIBLE.sub("", str(v)).replace("\n", " ").replace("\r", " ").strip()
    while True:
        cut = re.sub(r"\s*(\([^()]*\)|\[[^\[\]]*\]|[*:])\s*$", "", text)
        if cut == text or not cut:
            return text
        text = cut


@functools.lru_cache(maxsize=64)
def _plain_names(columns: tuple[Column, ...]) -> dict[str, str]:
    names: dict[str, str] = {}
    for c in columns:
        if not c.prefix:
            for name in (c.key, c.es, *c.aliases):
                names.setdefault(vocab.normalize(name), c.key)
    return names


def _header_key(v: object, columns: tuple[Column, ...]) -> str | None:
    """The column key a header names: by name (English, Spanish, an alias), after _header_text,
    or by its leading code (q05, c7a) for coded columns."""
    plain = _plain_names(columns)
    raw = _INVISIBLE.sub("", str(v))
    for text in (raw, _header_text(raw), _header_text(raw.splitlines()[0]) if raw.strip() else ""):
        key = plain.get(vocab.normalize(text))
        if key is not None:
            return key
    m = PREFIX_RE.match(unicodedata.normalize("NFKC", raw))
    if m:
        key = f"q{int(m.group(2)):02d}" if m.group(1) else f"c{m.group(4).lower()}"
        if key in {c.key for c in columns if c.prefix}:
            return key
    return None


@functools.lru_cache(maxsize=1024)
def _option_index(options: tuple[str, ...]) -> dict[str, str]:
    """A question's options by their normalised text (built once per question, not per answer)."""
    return {vocab.normalize(o): o for o in options}


def _match_option(value: object, options: list[str], by_position: bool) -> str | None:
    hit = _option_index(tuple(options)).get(vocab.normalize(value))
    if hit is not None:
        return hit
    if by_position:
        num = _to_number(value)
        if num is not None and num == int(num) and 1 <= num <= len(options):
            return options[int(num) - 1]
    return None


def _looks_like_text(path: Path) -> bool:
    with open(path, "rb") as fh:
        sample = fh.read(2048)
    try:
        sample.decode("utf-8")
        return True
    except UnicodeDecodeError:
        return b"\x00" not in sample
