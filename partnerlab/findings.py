"""The findings workbook: the key tables every report of a batch kept, one styled sheet each.

A notebook keeps a table with `rpt.keep(name, df)`, which publishes a display output of
mime type `KEEP_MIME` holding `df.to_json(orient="split", date_format="iso")` and the
metadata `{"partnerlab": {"keep": name}}`. The batch collects them with `collect_kept`
and writes them all with `write_findings`.

Every text cell is written as text, never as a formula: a stakeholder named `=HYPERLINK(...)`
or `@SUM(A1)` is shown as typed, whatever the reader later does with the cell.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.hyperlink import Hyperlink

__all__ = ["KEEP_MIME", "KeptTable", "collect_kept", "strip_kept", "table_rows", "write_findings"]

KEEP_MIME = "application/vnd.partnerlab.table+json"

# Cells whose text a spreadsheet could read as a formula or a DDE command (OWASP, "CSV
# injection"): written as text with Excel's quote prefix so editing the cell keeps it text.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n")
MIN_WIDTH, MAX_WIDTH = 8, 60
HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
HEADER_FONT = Font(bold=True, color="FFFFFF")
CONTENTS_HEADERS = {
    "en": ("Sheet", "Report", "Table", "Parameters", "Rows"),
    "es": ("Hoja", "Informe", "Tabla", "Parámetros", "Filas"),
}
CONTENTS_TITLE = {"en": "Contents", "es": "Contenido"}


@dataclass
class KeptTable:
    """One key table kept by a report.

    Attributes:
        name: The name the notebook gave the table (`rpt.keep(name, df)`).
        data: The table as JSON, pandas' orient="split".
        report: The output name of the report that kept it.
        title: The report's title, in the batch language.
        params: The report's own parameters, for the contents sheet.
    """

    name: str
    data: str
    report: str = ""
    title: str = ""
    params: dict = field(default_factory=dict)


def collect_kept(nb: dict) -> list[tuple[str, str]]:
    """The tables a notebook kept, in the order it kept them.

    Args:
        nb: An executed notebook (nbformat NotebookNode or plain dict).

    Returns:
        (name, JSON) pairs.

    >>> out = {"output_type": "display_data", "data": {KEEP_MIME: '{"columns":[],"index":[],"data":[]}'},
    ...        "metadata": {"partnerlab": {"keep": "t"}}}
    >>> collect_kept({"cells": [{"cell_type": "code", "outputs": [out]}]})
    [('t', '{"columns":[],"index":[],"data":[]}')]
    """
    kept = []
    for cell in nb.get("cells", []):
        for out in cell.get("outputs", []) or []:
            data = out.get("data") or {}
            if KEEP_MIME not in data:
                continue
            meta = (out.get("metadata") or {}).get("partnerlab") or {}
            payload = data[KEEP_MIME]
            if not isinstance(payload, str):  # nbformat may hand JSON mime types back parsed
                payload = json.dumps(payload)
            kept.append((str(meta.get("keep") or f"table{len(kept) + 1}"), payload))
    return kept


def strip_kept(nb: dict) -> dict:
    """Remove the kept-table outputs from a notebook (in place) and return it."""
    for cell in nb.get("cells", []):
        if "outputs" in cell:
            cell["outputs"] = [o for o in cell["outputs"] if KEEP_MIME not in (o.get("data") or {})]
    return nb


def table_rows(data: str) -> tuple[list[str], list[list]]:
    """Header and rows of a table kept as JSON (orient="split"); an index of labels becomes columns.

    An index of integers (a default or a filtered row number, like 3, 58, 45) means nothing to
    a reader and is dropped; an index of labels (sector keys, names) is kept as first column(s).

    >>> table_rows('{"columns":["a","b"],"index":[3,58],"data":[[1,"x"],[2,null]]}')
    (['a', 'b'], [[1, 'x'], [2, None]])
    >>> table_rows('{"columns":["n"],"index":["civil_society"],"data":[[3]]}')
    (['', 'n'], [['civil_society', 3]])
    """
    doc = json.loads(data)
    columns = [_header(c) for c in doc.get("columns", [])]
    rows = [list(r) for r in doc.get("data", [])]
    index = doc.get("index")
    row_numbers = all(isinstance(i, int) and not isinstance(i, bool) for i in index or [])
    if index and not row_numbers:
        index_rows = [list(i) if isinstance(i, list) else [i] for i in index]
        width = max((len(i) for i in index_rows), default=1)
        columns = [""] * width + columns
        rows = [i + r for i, r in zip(index_rows, rows)]
    return columns, rows


def write_findings(tables: list[KeptTable], path: str | Path, lang: str = "en") -> Path:
    """Write the findings workbook: a contents sheet, then one sheet per kept table.

    Args:
        tables: The kept tables, in report order.
        path: The .xlsx file to write.
        lang: Language of the contents sheet ("en" or "es").

    Returns:
        The path written.
    """
    lang = lang if lang in CONTENTS_HEADERS else "en"
    book = Workbook()
    contents = book.active
    contents.title = CONTENTS_TITLE[lang]
    contents.append(list(CONTENTS_HEADERS[lang]))
    names = _sheet_names(tables)
    for table, sheet_name in zip(tables, names):
        header, rows = table_rows(table.data)
        sheet = book.create_sheet(sheet_name)
        _write_sheet(sheet, header, rows)
        params = ", ".join(f"{k}={v}" for k, v in table.params.items() if v not in ("", 0, None))
        contents.append([sheet_name, table.title or table.report, table.name, params, len(rows)])
        link = contents.cell(row=contents.max_row, column=1)
        link.hyperlink = Hyperlink(ref=link.coordinate, location=f"'{sheet_name}'!A1")  # in-book link
        link.style = "Hyperlink"
    for row in contents.iter_rows(min_row=2):
        for cell in row:
            _set_value(cell, cell.value)
    _style_sheet(contents, len(CONTENTS_HEADERS[lang]), contents.max_row)
    path = Path(path)
    book.save(path)
    return path


def _header(column: object) -> str:
    if isinstance(column, list):  # a MultiIndex column
        return " / ".join(str(c) for c in column if c not in (None, ""))
    return "" if column is None else str(column)


def _sheet_names(tables: list[KeptTable]) -> list[str]:
    """Unique, valid sheet names: the table name, numbered when several reports keep the same name."""
    bases = [_clean_sheet_name(t.name) or "table" for t in tables]
    counts: dict[str, int] = {}
    for b in bases:
        counts[b] = counts.get(b, 0) + 1
    used = {CONTENTS_TITLE["en"].casefold(), CONTENTS_TITLE["es"].casefold()}
    names, seen = [], {}
    for base in bases:
        n = seen[base] = seen.get(base, 0) + 1
        candidate = base if counts[base] == 1 else f"{base[:26]} ({n})"
        while candidate.casefold() in used:
            n += 1
            candidate = f"{base[:26]} ({n})"
        used.add(candidate.casefold())
        names.append(candidate)
    return names


def _clean_sheet_name(name: str) -> str:
    """Excel sheet names: at most 31 characters, none of []:*?/\\ , not starting or ending with '."""
    name = re.sub(r"[\[\]:*?/\\\x00-\x1f]", " ", name).strip().strip("'").strip()
    return name[:31].rstrip()


def _write_sheet(sheet, header: list[str], rows: list[list]) -> None:
    sheet.append(header)
    date_cols = _date_columns(header, rows)
    for r, values in enumerate(rows, start=2):
        for c, value in enumerate(values, start=1):
            cell = sheet.cell(row=r, column=c)
            if c - 1 in date_cols and isinstance(value, str):
                cell.value = date_cols[c - 1][0](value)
                cell.number_format = date_cols[c - 1][1]
            else:
                _set_value(cell, value)
    for cell in sheet[1]:
        _set_value(cell, cell.value)
    _style_sheet(sheet, len(header), len(rows) + 1)


def _set_value(cell, value: object) -> None:
    """Store a value as data, never as a formula."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        cell.value = None
        return
    if isinstance(value, bool | int) or (isinstance(value, float) and math.isfinite(value)):
        cell.value = value
        return
    if isinstance(value, dt.datetime | dt.date):
        cell.value = value
        return
    if isinstance(value, list):
        value = "; ".join("" if v is None else str(v) for v in value)
    elif isinstance(value, dict):
        value = json.dumps(value, ensure_ascii=False, sort_keys=True)
    text = _ILLEGAL.sub("", str(value))
    cell.value = text
    cell.data_type = "s"  # openpyxl reads a leading "=" as a formula: force text
    if text.startswith(FORMULA_TRIGGERS):
        cell.quotePrefix = True


def _style_sheet(sheet, n_cols: int, n_rows: int) -> None:
    for cell in sheet[1]:
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(vertical="top", wrap_text=True)
    sheet.freeze_panes = "A2"
    if n_cols:
        sheet.auto_filter.ref = f"A1:{get_column_letter(n_cols)}{max(n_rows, 1)}"
    for c in range(1, n_cols + 1):
        cells = sheet.iter_rows(min_row=1, max_row=min(n_rows, 500), min_col=c, max_col=c)
        longest = max((_display_len(row[0].value) for row in cells), default=0)
        sheet.column_dimensions[get_column_letter(c)].width = min(max(longest + 2, MIN_WIDTH), MAX_WIDTH)


def _display_len(value: object) -> int:
    if value is None:
        return 0
    if isinstance(value, dt.datetime | dt.date):
        return 16 if isinstance(value, dt.datetime) and value.time() != dt.time() else 10
    return max((len(line) for line in str(value).splitlines()), default=0)


def _date_columns(header: list[str], rows: list[list]) -> dict[int, tuple]:
    """Columns whose every value is an ISO date string (pandas' date_format="iso"): parser and format."""
    found = {}
    for c in range(len(header)):
        values = [r[c] for r in rows if c < len(r) and r[c] is not None]
        if not values or not all(isinstance(v, str) and _ISO_DATE.fullmatch(v) for v in values):
            continue
        parsed = [_parse_iso(v) for v in values]
        has_time = any(p.time() != dt.time() for p in parsed)
        found[c] = (_parse_iso, "yyyy-mm-dd hh:mm" if has_time else "yyyy-mm-dd")
    return found


def _parse_iso(text: str) -> dt.datetime:
    value = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    return value.replace(tzinfo=None)  # Excel has no time zones


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?)?")
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # characters XML 1.0 cannot hold
