"""Write an annotated copy of a workbook: problem cells highlighted and commented, a first sheet listing them.

This is what an analyst sends back to a colleague: `partnerlab validate BOOK.xlsx
--annotate BOOK_problems.xlsx`. The original file is never written to.
"""

from __future__ import annotations

import re
from pathlib import Path

from openpyxl import load_workbook as _open_book
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.hyperlink import Hyperlink

from partnerlab import i18n, schema, vocab
from partnerlab.i18n import N_
from partnerlab.workbook import Problem

__all__ = ["ERROR_FILL", "WARNING_FILL", "SHEET_TITLE", "annotate_workbook"]

ERROR_FILL = PatternFill("solid", fgColor="FFC7CE")  # Excel's "bad" red
WARNING_FILL = PatternFill("solid", fgColor="FFEB9C")  # Excel's "neutral" yellow
SHEET_TITLE = N_("problems")  # the first sheet, listing the problems
_HEADERS = ("#", N_("severity"), N_("sheet"), N_("cell"), N_("column"), N_("found"), N_("expected"), N_("go to"))
_SEVERITY = {"error": N_("error"), "warning": N_("warning")}
_CELL_RE = re.compile(r"^([A-Z]{1,3})?(\d+)(?::[A-Z]{1,3}\d+)?$")


def annotate_workbook(source: str | Path, problems: list[Problem], out: str | Path, lang: str | None = None) -> Path:
    """Copy source to out with every problem marked in place and listed on a first sheet.

    A problem with a cell ("F14") fills that cell (red for an error, yellow for a warning)
    and adds a comment with the message; a problem on a header row ("1") marks row 1's
    first cell; a problem on a merged range marks its first cell; sheet-level problems are
    listed only. Each listed problem links to its cell.

    Args:
        source: the workbook that was validated (read, never written).
        problems: what `check_workbook` returned for it.
        out: the .xlsx to write (must differ from source).
        lang: language of the problems sheet and comments (a code or name `i18n.resolve_lang`
            reads); None or blank: Spanish when the workbook's sheets have Spanish names, else English.

    Returns:
        The path written.

    Raises:
        ValueError: out is the source file.
    """
    source, out = Path(source), Path(out)
    if out.resolve() == source.resolve():
        raise ValueError(f"{out}: the annotated copy must not overwrite the workbook it annotates")
    book = _open_book(source, keep_vba=False, keep_links=False)  # full mode: we write a copy
    _ = i18n.translator(_book_lang(book, lang))
    listing = book.create_sheet(_free_title(book, _(SHEET_TITLE)), 0)
    listing.append([h if h == "#" else _(h) for h in _HEADERS])
    for cell in listing[1]:
        cell.font = Font(bold=True)
    for n, p in enumerate(problems, start=1):
        _list_and_mark(book, listing, n, p, _)
    _lay_out_listing(listing)
    book.active = 0
    for ws in book.worksheets:
        ws.sheet_view.tabSelected = ws is listing
    out.parent.mkdir(parents=True, exist_ok=True)
    book.save(out)
    return out


def _book_lang(book, lang: str | None) -> str:
    """The language of the annotations: lang, else Spanish when the sheets have Spanish names, else English."""
    spanish = {vocab.normalize(s.es) for s in schema.SHEETS if s.es != s.key}
    return i18n.resolve_lang(lang, "es" if any(vocab.normalize(t) in spanish for t in book.sheetnames) else "en")


def _list_and_mark(book, listing, n: int, p: Problem, _: i18n.Translator) -> None:
    """Problem n listed on the problems sheet and, when it has a cell, that cell filled, commented and linked."""
    target = _target(book, p)
    fill = ERROR_FILL if p.is_error else WARNING_FILL
    found = "" if p.found is None else str(p.found)
    listing.append(
        [n, _(_SEVERITY.get(p.severity, p.severity)), p.sheet, p.cell, p.column, found, p.expected, target or ""]
    )
    row = listing.max_row
    listing.cell(row, 2).fill = fill
    if not target:
        return
    ws_title, ref = target.split("!", 1)
    ws = book[ws_title.strip("'").replace("''", "'")]
    cell = ws[ref]
    cell.fill = fill
    text = _message(p, _)
    cell.comment = Comment(
        text if cell.comment is None else f"{cell.comment.text}\n\n{text}", "partnerlab", width=360, height=140
    )
    link = listing.cell(row, 8)
    link.value = f"{p.sheet}!{ref}"
    link.hyperlink = Hyperlink(ref=link.coordinate, location=target, display=link.value)
    link.style = "Hyperlink"


def _lay_out_listing(listing) -> None:
    """The problems sheet's widths, wrapping, frozen header, filter, and printing on one page width."""
    for col, width in zip("ABCDEFGH", (5, 11, 20, 9, 16, 30, 90, 18)):
        listing.column_dimensions[col].width = width
    for cells in listing.iter_rows(min_row=2, min_col=6, max_col=7):
        for cell in cells:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    listing.freeze_panes = "A2"
    listing.page_setup.orientation = "landscape"  # printed or exported to PDF on one page width
    listing.sheet_properties.pageSetUpPr.fitToPage = True
    listing.page_setup.fitToWidth, listing.page_setup.fitToHeight = 1, 0
    listing.auto_filter.ref = f"A1:H{max(listing.max_row, 1)}"


def _message(p: Problem, _: i18n.Translator) -> str:
    """The comment of a marked cell: "warning: (column) found "x"; expected ..." in the language."""
    if p.found is not None:
        text = _('found "{found}"; expected {expected}', found=p.found, expected=p.expected)
    else:
        text = _("expected {expected}", expected=p.expected)
    if p.column:
        text = f"({p.column}) {text}"
    return text if p.is_error else _("warning: {message}", message=text)


def _target(book, p: Problem) -> str | None:
    """The quoted 'sheet'!CELL a problem points at, or None for a sheet- or file-level problem."""
    if not p.sheet or p.sheet not in book.sheetnames or not p.cell:
        return None
    m = _CELL_RE.match(p.cell)
    if not m:
        return None
    letter, row = m.group(1) or "A", int(m.group(2))
    if letter == "A" and m.group(1) is None and p.column:  # "1": a missing column: mark the header row's end
        ws = book[p.sheet]
        letter = get_column_letter(max(ws.max_column, 1))
    return f"{quote_sheetname(p.sheet)}!{letter}{row}"


def _free_title(book, title: str) -> str:
    name, n = title, 2
    while name in book.sheetnames:
        name, n = f"{title}_{n}", n + 1
    return name
