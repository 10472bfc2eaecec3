"""A small, hardened reader of .xlsx cell values (the loader's only way into a workbook).

It walks each part's XML once with expat callbacks and keeps only values, within `LIMITS`.
Cell values keep what their number format means: dates as datetimes, percentages and
numbers shown with fixed decimals as `Styled` floats (their `fmt` is the format code),
Excel error values (#REF!, #N/A, ...) as `CellError` strings.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import re
import zipfile
from xml.parsers import expat

__all__ = ["LIMITS", "TooBig", "Unsafe", "Styled", "CellError", "XlsxReader", "EXCEL_ERRORS", "gc_paused"]

# Limits for untrusted files. A workbook is treated as hostile input: nothing in it is ever
# run (macros are ignored, formulas are read as their saved results), no XML document type
# is accepted (so no entity bomb or external entity: refused in 0.2 s), the zip's sizes are
# checked before anything is unpacked (a 1.1 MB file unpacking to 1.1 GB is refused in
# milliseconds) and the bytes unpacked are counted while reading; a sheet with more rows
# than its limit is refused by its <dimension> or by counting <row> tags before parsing
# (a million rows: 0.4 s, under 100 MB). Measured by benchmarks/bench_load.py.
LIMITS = {
    "max_file_bytes": 100 * 1024 * 1024,  # the .xlsx itself
    "max_unzipped_bytes": 1024 * 1024 * 1024,  # all parts once unpacked
    "max_compression_ratio": 200,  # a zip bomb packs far tighter than any real sheet
    "max_rows": 200_000,  # per sheet, but for those below
    # The ties of a national registry (100,000 organisations, 500,000 ties) fill a sheet up to
    # Excel's own maximum; the file and unpacked sizes above still bound what is read.
    "max_rows_by_sheet": {"ties": 1_048_575},  # sheet key -> data rows (Excel: 1,048,576 with the header)
    "max_columns": 500,
}

# What Excel shows in a cell whose formula or link failed: never a value.
EXCEL_ERRORS = frozenset(
    {
        "#NULL!",
        "#DIV/0!",
        "#VALUE!",
        "#REF!",
        "#NAME?",
        "#NUM!",
        "#N/A",
        "#GETTING_DATA",
        "#SPILL!",
        "#CALC!",
        "#FIELD!",
        "#BLOCKED!",
        "#CONNECT!",
        "#BUSY!",
        "#UNKNOWN!",
    }
)


class Styled(float):
    """A number whose cell format changes its meaning: a percentage, or fixed decimals.

    >>> v = Styled(0.4, "0%"); (v.is_percent, v.shown())
    (True, '40%')
    >>> Styled(3.1, "0.00").shown()
    '3.10'
    """

    def __new__(cls, value: float, fmt: str):
        obj = super().__new__(cls, value)
        obj.fmt = fmt
        return obj

    @property
    def is_percent(self) -> bool:
        return "%" in _unquoted(self.fmt)

    @property
    def decimals(self) -> int | None:
        """Digits after the decimal point the format always shows (None: General-like)."""
        m = re.search(r"0\.(0+)(?![0#])", _unquoted(self.fmt).split(";")[0])
        return len(m.group(1)) if m else None

    def shown(self) -> str:
        """The number as its format shows it (without thousands separators)."""
        value = float(self) * 100 if self.is_percent else float(self)
        d = self.decimals
        text = f"{value:.{d}f}" if d is not None else f"{value:g}"
        return text + ("%" if self.is_percent else "")

    def __reduce__(self):
        return (Styled, (float(self), self.fmt))


class CellError(str):
    """An Excel error value (#REF!, #N/A, ...) read from a cell."""


# openpyxl's read-only mode parses every sheet twice when the file has no <dimension>
# (files written by openpyxl's write-only mode, and by many exporters) and builds an
# element per cell; this reader walks the XML once with expat callbacks and keeps only
# values: about 3x faster on a 50,000-row sheet. It refuses any DTD (so no entity can be
# declared: no entity bomb, no external entity), counts the bytes it unpacks (a zip bomb
# stops at LIMITS["max_unzipped_bytes"]) and the rows it reads (LIMITS["max_rows"]).


@contextlib.contextmanager
def gc_paused():
    """Python's cyclic garbage collector paused for the block (then restored as it was).

    Reading or building millions of small tuples, dicts and sets (500,000 rows, a graph of
    930,000 arcs) triggers a collection every few hundred allocations, and each older-generation
    pass walks every object made so far: building the 100,000-stakeholder graph took 14-19 s of
    CPU with it, most of it collecting. The blocks it wraps create no reference cycles, so
    nothing is left for the collector to find; plain reference counting frees memory as usual.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class TooBig(Exception):
    """A part of the file exceeds LIMITS; the message says which."""


class Unsafe(Exception):
    """The XML declares a document type (entities): never expanded."""


_EPOCH_1900 = dt.datetime(1899, 12, 30)
_EPOCH_1904 = dt.datetime(1904, 1, 1)
_CHUNK = 1 << 20


def _col_index(ref: str, _cache: dict[str, int] = {}) -> int:  # noqa: B006 (a deliberate cache)
    """1-based column of a cell reference such as "AB12"."""
    letters = ref.rstrip("0123456789")
    n = _cache.get(letters)
    if n is None:
        n = 0
        for ch in letters.upper():
            n = n * 26 + ord(ch) - 64
        _cache[letters] = n
    return n


class XlsxReader:
    """Cell values of the sheets of an opened .xlsx zip, within LIMITS."""

    def __init__(self, zf: zipfile.ZipFile):
        self.zf = zf
        self.unpacked = 0
        self.names = {i.filename for i in zf.infolist()}
        self.date1904 = False
        self._sheets: list[tuple[str, str, str]] = []
        self._read_workbook()
        self.strings = self._read_strings()
        self.date_styles, self.number_styles = self._read_styles()

    def sheets(self) -> list[tuple[str, str, str]]:
        """(title, state, part name) of each worksheet, in workbook order."""
        return self._sheets

    def read_sheet(
        self, part: str, title: str, row_limit: int | None = None
    ) -> tuple[list[tuple], list[tuple[tuple[int, int], str]], list[str]]:
        """Rows as tuples (row 1 first, missing rows as empty tuples), formulas without a
        saved result as ((row, column), "=formula"), and merged ranges; at most `row_limit`
        data rows (default LIMITS["max_rows"])."""
        strings, date_styles, number_styles = self.strings, self.date_styles, self.number_styles
        epoch = _EPOCH_1904 if self.date1904 else _EPOCH_1900
        limit = LIMITS["max_rows"] if row_limit is None else row_limit
        max_rows, max_cols = limit + 1, LIMITS["max_columns"]
        rows: list[tuple] = []
        formulas: list[tuple[tuple[int, int], str]] = []
        merged: list[str] = []
        state = {
            "row": 0,
            "cells": {},
            "t": "n",
            "s": None,
            "ref": None,
            "col": 0,
            "text": None,
            "f": None,
            "in_is": False,
            "grab": False,
            "buf": [],
        }
        buf = state["buf"]

        def start(name, attrs):
            name = name.rpartition(":")[2]
            if name == "c":
                state["ref"] = ref = attrs.get("r")
                state["col"] = _col_index(ref) if ref else state["col"] + 1
                state["t"] = attrs.get("t", "n")
                state["s"] = attrs.get("s")
                state["text"] = None
                state["f"] = None
            elif name == "v" or (name == "t" and state["in_is"]):
                state["grab"] = True
                buf.clear()
            elif name == "f":
                state["grab"] = True
                state["f"] = ""
                buf.clear()
            elif name == "row":
                r = attrs.get("r")
                state["row"] = int(r) if r else state["row"] + 1
                state["cells"] = {}
                state["col"] = 0
                if state["row"] > max_rows:
                    raise TooBig(f'at most {limit:,} rows in sheet "{title}" (it has more)')
            elif name == "is":
                state["in_is"] = True
                state["text"] = ""
            elif name == "dimension":
                last = (attrs.get("ref") or "").rpartition(":")[2]
                digits = last.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
                if digits.isdigit() and int(digits) > max_rows:
                    raise TooBig(
                        f'at most {limit:,} rows in sheet "{title}" (it has '
                        f"{int(digits):,} by its dimension {attrs.get('ref')})"
                    )
            elif name == "mergeCell" and attrs.get("ref"):
                merged.append(attrs["ref"])

        def end(name):
            name = name.rpartition(":")[2]
            if name == "v":
                state["text"] = "".join(buf)
                state["grab"] = False
            elif name == "t" and state["in_is"]:
                state["text"] += "".join(buf)
                state["grab"] = False
            elif name == "f":
                state["f"] = "".join(buf)
                state["grab"] = False
            elif name == "is":
                state["in_is"] = False
            elif name == "c":
                col, text, t = state["col"], state["text"], state["t"]
                if state["f"] is not None and (text is None or (text == "" and t != "str")):
                    formulas.append(((state["row"], col), "=" + (state["f"] or "(shared formula)")))
                    return
                if text is None or col > max_cols or (text == "" and t not in ("str", "inlineStr")):
                    return
                if t == "s":
                    value = strings[int(text)]
                elif t in ("str", "inlineStr"):
                    value = text
                elif t == "b":
                    value = text.strip() in ("1", "true")
                elif t == "e":
                    value = CellError(text)
                elif t == "d":
                    value = _iso_datetime(text)
                else:
                    value = float(text) if ("." in text or "E" in text or "e" in text) else int(text)
                    style = state["s"]
                    if style in date_styles:
                        value = epoch + dt.timedelta(days=value)
                    elif style in number_styles:
                        value = Styled(value, number_styles[style])
                state["cells"][col] = value
            elif name == "row":
                cells = state["cells"]
                r = state["row"]
                while len(rows) < r - 1:
                    rows.append(())
                if cells:
                    width = max(cells)
                    rows.append(tuple(cells.get(i) for i in range(1, width + 1)))
                else:
                    rows.append(())

        def chars(data):
            if state["grab"]:
                buf.append(data)

        self._count_rows(part, title, limit)
        self._parse(part, start, end, chars)
        return rows, formulas, merged

    def _count_rows(self, part: str, title: str, limit: int) -> None:
        """Refuse a large sheet with too many rows by counting <row> tags at C speed, before
        parsing it cell by cell (a million-row sheet is refused in about a second)."""
        if self.zf.getinfo(part).file_size < 16 * 2**20:
            return
        pattern = re.compile(rb"<(?:\w+:)?row[\s>/]")
        count, tail = 0, b""
        with self.zf.open(part) as fh:
            while chunk := fh.read(_CHUNK):
                data = tail + chunk
                cut = max(0, len(data) - 16)
                count += len(pattern.findall(data, 0, cut))
                tail = data[cut:]
                if count > limit + 1:
                    raise TooBig(f'at most {limit:,} rows in sheet "{title}" (it has more)')

    # -- parts ----------------------------------------------------------------------------
    def _parse(self, part: str, start, end=None, chars=None) -> None:
        parser = expat.ParserCreate()
        parser.buffer_text = True
        parser.StartElementHandler = start
        if end:
            parser.EndElementHandler = end
        if chars:
            parser.CharacterDataHandler = chars

        def refuse(*_args):
            raise Unsafe(f"{part} declares a document type")

        parser.StartDoctypeDeclHandler = refuse
        parser.EntityDeclHandler = refuse
        parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
        limit = LIMITS["max_unzipped_bytes"]
        with self.zf.open(part) as fh:
            while chunk := fh.read(_CHUNK):
                self.unpacked += len(chunk)
                if self.unpacked > limit:
                    raise TooBig(
                        f"a workbook that unpacks to at most {limit // 2**20} MB "
                        f"(refused as a possible zip bomb while reading {part})"
                    )
                parser.Parse(chunk, False)
        parser.Parse(b"", True)

    def _read_workbook(self) -> None:
        rels: dict[str, str] = {}

        def rel(name, attrs):
            if name.rpartition(":")[2] == "Relationship":
                rels[attrs.get("Id")] = attrs.get("Target", "")

        if "xl/_rels/workbook.xml.rels" in self.names:
            self._parse("xl/_rels/workbook.xml.rels", rel)
        found: list[tuple[str, str, str]] = []

        def start(name, attrs):
            name = name.rpartition(":")[2]
            if name == "sheet":
                rid = next((v for k, v in attrs.items() if k.rpartition(":")[2] == "id"), None)
                found.append((attrs.get("name", ""), attrs.get("state", "visible"), rid))
            elif name == "workbookPr":
                self.date1904 = attrs.get("date1904", "0") in ("1", "true")

        self._parse("xl/workbook.xml", start)
        for title, state, rid in found:
            target = rels.get(rid, "")
            part = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
            part = re.sub(r"[^/]+/\.\./", "", part)
            if part in self.names and "worksheets/" in part:  # chartsheets hold no cells
                self._sheets.append((title, state, part))

    def _read_strings(self) -> list[str]:
        part = next((n for n in ("xl/sharedStrings.xml", "xl/SharedStrings.xml") if n in self.names), None)
        strings: list[str] = []
        if part is None:
            return strings
        st = {"grab": False, "skip": 0, "buf": []}

        def start(name, attrs):
            name = name.rpartition(":")[2]
            if name == "si":
                st["buf"] = []
            elif name == "t" and not st["skip"]:
                st["grab"] = True
            elif name == "rPh":  # phonetic guide text is not part of the value
                st["skip"] += 1

        def end(name):
            name = name.rpartition(":")[2]
            if name == "t":
                st["grab"] = False
            elif name == "rPh":
                st["skip"] -= 1
            elif name == "si":
                strings.append("".join(st["buf"]))

        def chars(data):
            if st["grab"]:
                st["buf"].append(data)

        self._parse(part, start, end, chars)
        return strings

    def _read_styles(self) -> tuple[set[str], dict[str, str]]:
        """Style indexes (the cells' s attribute, as text) whose number format is a date, and
        those whose format changes a number's meaning (a percentage, fixed decimals) with it."""
        from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format

        if "xl/styles.xml" not in self.names:
            return set(), {}
        formats: dict[int, str] = {}
        xfs: list[int] = []
        st = {"in_xfs": False}

        def start(name, attrs):
            name = name.rpartition(":")[2]
            if name == "numFmt":
                formats[int(attrs.get("numFmtId", 0))] = attrs.get("formatCode", "")
            elif name == "cellXfs":
                st["in_xfs"] = True
            elif name == "xf" and st["in_xfs"]:
                xfs.append(int(attrs.get("numFmtId", 0)))

        def end(name):
            if name.rpartition(":")[2] == "cellXfs":
                st["in_xfs"] = False

        self._parse("xl/styles.xml", start, end)
        dates: set[str] = set()
        numbers: dict[str, str] = {}
        for i, fmt_id in enumerate(xfs):
            code = formats.get(fmt_id) or BUILTIN_FORMATS.get(fmt_id)
            if (code and is_date_format(code)) or (code is None and 27 <= fmt_id <= 58):  # locale date formats
                dates.add(str(i))
            elif code and (Styled(0, code).is_percent or Styled(0, code).decimals):
                numbers[str(i)] = code
        return dates, numbers


def _iso_datetime(text: str) -> dt.datetime | str:
    try:
        return dt.datetime.fromisoformat(text)
    except ValueError:
        return text


def _unquoted(fmt: str) -> str:
    """A number format without its quoted literals and escapes ("0.0 \"%\"" has no percent sign)."""
    return re.sub(r'"[^"]*"|\\.', "", fmt or "")
