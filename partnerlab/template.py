"""Write the input workbook: the blank template of the contract, or one filled with rows.

Every vocabulary column gets a dropdown (data validation), headers are frozen and
readable (q01..q19 and c1..c9 followed by their question text), an instructions sheet
comes first and the action plan is pre-filled with the 49 courses of action of Appendix 1.
Text cells are always written as text, so a name starting with "=" never becomes a formula.
Every word of the template (sheet and column names from schema.py, labels and Appendix texts
from vocab.py, the instructions here) comes in the language asked for: English, Spanish or
Portuguese (`i18n.LANGUAGES`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import TYPE_STRING
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from partnerlab import i18n, schema, vocab
from partnerlab.i18n import N_

__all__ = ["write_template", "write_workbook", "header_text", "action_plan_rows"]

HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
HEADER_FONT = Font(bold=True, color="FFFFFF")
REQUIRED_FILL = PatternFill("solid", fgColor="C00000")
VALIDATION_ROWS = 2000  # dropdowns cover this many rows of a blank template


def write_template(path: str | Path, lang: str = "en") -> Path:
    """Write the blank workbook of the contract (action plan pre-filled)."""
    return write_workbook(path, {"action_plan": action_plan_rows(lang)}, lang=lang)


def write_workbook(
    path: str | Path, data: dict[str, list[dict]] | None = None, lang: str = "en", about: dict | None = None
) -> Path:
    """Write a workbook of the contract, optionally filled with rows.

    Args:
        path: the .xlsx to write.
        data: rows per sheet key, each a dict keyed by the English column keys (q01.., c1..;
            survey_responses rows also carry one key per question id). Lists are joined with
            "; ", dates written as dates, everything else as typed.
        lang: language of sheet names, headers, dropdown labels and instructions.
        about: fields of the about sheet (portfolio, country, as_of, language, prepared_by, ...).

    Returns:
        The path written.
    """
    data = data or {}
    lang = i18n.resolve_lang(lang)
    _ = i18n.translator(lang)
    book = Workbook()
    book.remove(book.active)
    _instructions(book.create_sheet(_("instructions")), lang)
    about = {"portfolio": "", "country": "Mexico", "as_of": None, "language": lang, "prepared_by": "", **(about or {})}
    for spec in schema.SHEETS:
        ws = book.create_sheet(spec.name(lang))
        if spec.key == "about":
            _about(ws, about, lang)
            continue
        columns = list(spec.columns)
        extra: list[str] = []
        if spec.key == "survey_responses":
            extra = [str(r["question"]) for r in data.get("survey_questions", [])]
        headers = [header_text(c, lang) for c in columns] + extra
        ws.append(headers)
        _style_header(ws, columns, len(extra))
        rows = data.get(spec.key, [])
        keys = [c.key for c in columns] + extra
        for row in rows:
            ws.append([_cell_value(row.get(k), lang) for k in keys])
        for cells in ws.iter_rows(min_row=2):
            for cell in cells:
                if isinstance(cell.value, str):
                    cell.data_type = TYPE_STRING  # never a formula, whatever the text starts with
                elif isinstance(cell.value, (dt.date, dt.datetime)):
                    cell.number_format = "yyyy-mm-dd"
        _validations(ws, columns, lang, max(len(rows) + 1, VALIDATION_ROWS))
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path


def header_text(column: schema.Column, lang: str = "en") -> str:
    """The header of a column: its name, or for q01/c1 columns the code and its text."""
    if column.prefix:
        items = {q.code: q for q in vocab.DUE_DILIGENCE_QUESTIONS} | {c.code: c for c in vocab.VALUE_CRITERIA}
        return f"{column.key} {items[column.key].label(lang)}"
    return column.header(lang)


def action_plan_rows(lang: str = "en") -> list[dict]:
    """The 49 courses of action of Appendix 1, as rows of the action_plan sheet."""
    return [
        {
            "code": a.code,
            "pillar": a.pillar,
            "area": a.area(lang),
            "action": a.label(lang),
            "responsible": "; ".join(vocab.responsible_label(r, lang) for r in a.responsible),
            "status": vocab.ACTION_STATUSES.label("not_started", lang),
        }
        for a in vocab.ACTIONS
    ]


# ---------------------------------------------------------------------------------------


def _cell_value(value: object, lang: str = "en") -> object:
    if value is None:
        return None
    if isinstance(value, (list, tuple, set)):
        return "; ".join(str(v) for v in value)
    if isinstance(value, bool):
        return vocab.YES_NO.label("yes" if value else "no", lang)
    if isinstance(value, str) and value == "":
        return None
    return value


def _style_header(ws, columns: list[schema.Column], n_extra: int) -> None:
    for i, cell in enumerate(ws[1], start=1):
        required = i <= len(columns) and columns[i - 1].required
        cell.fill = REQUIRED_FILL if required else HEADER_FILL
        cell.font = HEADER_FONT
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        width = 14
        if i <= len(columns):
            c = columns[i - 1]
            width = (
                36
                if c.prefix
                else {
                    "name": 40,
                    "mandate": 40,
                    "action": 60,
                    "text": 50,
                    "options": 50,
                    "priorities": 30,
                    "note": 30,
                    "notes": 30,
                }.get(c.key, 16)
            )
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.row_dimensions[1].height = 45
    ws.freeze_panes = "B2"


def _validations(ws, columns: list[schema.Column], lang: str, rows: int) -> None:
    _ = i18n.translator(lang)
    for i, c in enumerate(columns, start=1):
        if c.kind == "vocab":
            options = vocab.VOCABULARIES[c.vocab].labels(lang)
        elif c.kind == "yes_no":
            options = vocab.YES_NO.labels(lang)
        else:
            continue
        formula = '"' + ",".join(o.replace('"', "'") for o in options) + '"'
        if len(formula) > 255:  # Excel's limit for an inline list
            continue
        letter = get_column_letter(i)
        dv = DataValidation(
            type="list",
            formula1=formula,
            allow_blank=True,
            showErrorMessage=True,
            errorTitle=c.header(lang),
            error=_("Choose a value from the list."),
        )
        dv.add(f"{letter}2:{letter}{rows}")
        ws.add_data_validation(dv)
    for i, c in enumerate(columns, start=1):
        if c.kind == "int":
            letter = get_column_letter(i)
            dv = DataValidation(
                type="whole",
                operator="between",
                formula1=str(int(c.lo)),
                formula2=str(int(c.hi)),
                allow_blank=True,
                showErrorMessage=True,
                errorTitle=c.header(lang),
                error=_("A whole number from {lo} to {hi}.", lo=int(c.lo), hi=int(c.hi)),
            )
            dv.add(f"{letter}2:{letter}{rows}")
            ws.add_data_validation(dv)


def _about(ws, about: dict, lang: str) -> None:
    spec = schema.sheet("about")
    ws.append([spec.column("field").header(lang), spec.column("value").header(lang)])
    _style_header(ws, list(schema.sheet("about").columns), 0)
    ws.column_dimensions["B"].width = 90
    for key, value in about.items():
        ws.append([key, _cell_value(value, lang)])
        cell = ws.cell(ws.max_row, 2)
        if isinstance(cell.value, str):
            cell.data_type = TYPE_STRING
        elif isinstance(cell.value, (dt.date, dt.datetime)):
            cell.number_format = "yyyy-mm-dd"
        ws.cell(ws.max_row, 2).alignment = Alignment(wrap_text=True)


# The instructions sheet, line by line (English msgids; the catalogs hold the other languages).
_INSTRUCTIONS = (
    N_("partnerlab input workbook"),
    N_("One workbook per portfolio. Only the stakeholders sheet is required; fill the others when you have the data."),
    N_("Keep the headers in row 1. Red headers are required columns. Do not add title rows above the headers."),
    N_(
        "Vocabulary columns have a dropdown: choose from the list (the key, or the label in English, Spanish or "
        "Portuguese, are all accepted)."
    ),
    N_(
        "Lists in one cell are separated by ';' (e.g. 'Oaxaca; CDMX'). Yes/No cells accept Yes, No, Sí, Sim, Y, "
        "N, 1, 0; blank means not answered."
    ),
    N_("Dates: Excel dates or ISO text such as 2024-03-31."),
    N_("The contact column holds personal data: it never appears in any report."),
    N_("Check the workbook with: partnerlab validate WORKBOOK.xlsx"),
)


def _instructions(ws, lang: str) -> None:
    _ = i18n.translator(lang)
    lines = [_(line) for line in _INSTRUCTIONS]
    ws.column_dimensions["A"].width = 120
    for i, line in enumerate(lines, start=1):
        cell = ws.cell(i, 1, line)
        cell.alignment = Alignment(wrap_text=True)
        if i == 1:
            cell.font = Font(bold=True, size=14)
    r = len(lines) + 2
    ws.cell(r, 1, _("Sheets")).font = Font(bold=True)
    for spec in schema.SHEETS:
        r += 1
        req = _("required") if spec.required else _("optional")
        ws.cell(r, 1, f"{spec.name(lang)}: {_(spec.seed)} ({req})")
