"""The findings workbook: the key tables every report of a batch kept, one styled sheet each.

A notebook keeps a table with `rpt.keep(name, df)`, which publishes a display output of
mime type `KEEP_MIME` holding `df.to_json(orient="split", date_format="iso")` and the
metadata `{"partnerlab": {"keep": name}}`. The batch collects them with `collect_kept`
and writes them all with `write_findings`.

The workbook speaks the batch's language: a contents sheet, then one sheet per kind of table,
named for a reader ("Grupo crítico", not critical_group), with translated headers and vocabulary
labels instead of keys ("Sociedad civil", not civil_society). The copies a fanned-out report
keeps (one per sector, per year, ...) share one sheet, their rows told apart by a first column
naming the report they come from.

Every text cell is written as text, never as a formula: a stakeholder named `=HYPERLINK(...)`
or `@SUM(A1)` is shown as typed, whatever the reader later does with the cell.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from partnerlab import i18n
from partnerlab.i18n import N_

__all__ = [
    "KEEP_MIME",
    "KeptTable",
    "collect_kept",
    "strip_kept",
    "table_rows",
    "write_findings",
    "combined_rows",
    "column_title",
    "TABLE_TITLES",
    "COLUMN_TITLES",
    "COLUMN_VOCABS",
]

KEEP_MIME = "application/vnd.partnerlab.table+json"

# Cells whose text a spreadsheet could read as a formula or a DDE command (OWASP, "CSV
# injection"): written as text with Excel's quote prefix so editing the cell keeps it text.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n")
MIN_WIDTH, MAX_WIDTH = 8, 60
CONTENTS_TITLE = N_("Contents")
CONTENTS_HEADERS = (N_("Sheet"), N_("Table"), N_("Reports"), N_("Rows"))
REPORT_COLUMN = N_("Report")  # first column of a sheet shared by several reports

# A reader's name for each table a notebook keeps (rpt.keep(name, df)); a name not listed here
# is shown with its underscores as spaces.
TABLE_TITLES: dict[str, str] = {
    "overview_headlines": N_("Headlines"),
    "portfolio_counts": N_("Records by sheet"),
    "alerts": N_("Alerts"),
    "partnership_register": N_("Partnership register"),
    "mapping": N_("Stakeholder mapping"),
    "stakeholders_by_sector": N_("Stakeholders by sector"),
    "critical_group": N_("Critical group"),
    "diversification": N_("Sector diversification"),
    "states_without_partners": N_("Stakeholders by state"),
    "network_centrality": N_("Network centrality"),
    "network_brokerage": N_("Brokerage roles"),
    "network_flagged_central": N_("Central stakeholders to check"),
    "network_ei_by_sector": N_("Openness by sector (E-I)"),
    "network_communities": N_("Network communities"),
    "due_diligence_findings": N_("Due diligence findings"),
    "critical_not_screened": N_("Critical, not screened"),
    "value_decisions": N_("Value decisions"),
    "quality_levels": N_("Quality levels"),
    "quality_assessments": N_("Quality assessments"),
    "quality_todo": N_("Quality: next steps"),
    "survey_theme_scores": N_("Survey: theme scores"),
    "survey_top_challenges": N_("Survey: top challenges"),
    "action_plan_by_pillar": N_("Action plan by pillar"),
    "action_plan_late": N_("Late actions"),
    "action_plan_workload": N_("Workload by responsible"),
    "changes_summary": N_("Changes: summary"),
    "changes_trends": N_("Changes: trends"),
    "changes_ties": N_("Changes: ties"),
    "changes_shared_partnerships": N_("Changes: shared partnerships"),
    "changes_sectors": N_("Changes: sectors"),
    "changes_communities": N_("Changes: communities"),
    "changes_community_moves": N_("Changes: community moves"),
    "changes_critical_group": N_("Changes: critical group"),
    "changes_grid_moves": N_("Changes: grid moves"),
    "changes_survey": N_("Changes: survey"),
    "changes_new_screenings": N_("Changes: new screenings"),
    "changes_screening_outcomes": N_("Changes: screening outcomes"),
    "changes_new_red_flags": N_("Changes: new red flags"),
    "changes_expired_screenings": N_("Changes: expired screenings"),
    "changes_value_decisions": N_("Changes: value decisions"),
    "changes_partnership_status": N_("Changes: partnership status"),
    "changes_newly_late": N_("Changes: newly late actions"),
    "changes_newly_done": N_("Changes: newly done actions"),
    "changes_stakeholders": N_("Changes: stakeholders"),
    "changes_partnerships": N_("Changes: partnerships"),
}

# Headers of kept tables that report.COLUMN_LABELS does not name.
COLUMN_TITLES: dict[str, str] = {
    "": N_("Id"),
    "stakeholders": N_("Stakeholders"),
    "share_pct": N_("Share (%)"),
    "group": N_("Group"),
    "sectors": N_("Sectors"),
    "public_pct": N_("Public sector (%)"),
    "top_sector": N_("Largest sector"),
    "top_pct": N_("Largest sector (%)"),
    "hhi": N_("Concentration (HHI)"),
    "effective_sectors": N_("Effective sectors"),
    "degree": N_("Ties"),
    "degree_centrality": N_("Degree centrality"),
    "weighted_degree": N_("Weighted ties"),
    "betweenness": N_("Betweenness"),
    "pagerank": N_("PageRank"),
    "stakeholder": N_("Stakeholder"),
    "outcome": N_("Due diligence outcome"),
    "verdict": N_("Verdict"),
    "n_blocker": N_("Blockers"),
    "n_warning": N_("Warnings"),
    "n_upcoming": N_("Upcoming"),
    "coordinator": N_("Coordinator"),
    "itinerant": N_("Itinerant"),
    "representative": N_("Representative"),
    "gatekeeper": N_("Gatekeeper"),
    "liaison": N_("Liaison"),
    "total": N_("Total"),
    "size": N_("Size"),
    "internal": N_("Internal ties"),
    "external": N_("External ties"),
    "ei": N_("E-I index"),
    "community": N_("Community"),
    "dominant": N_("Dominant sector"),
    "dominant_pct": N_("Dominant sector (%)"),
    "is_single_sector": N_("Single sector"),
    "assessed_on": N_("Assessed on"),
    "kind": N_("Kind"),
    "question": N_("Question"),
    "text": N_("Text"),
    "subject": N_("Subject"),
    "subject_kind": N_("Subject kind"),
    "suggested": N_("Suggested decision"),
    "decision": N_("Decision"),
    "agreement": N_("Agreement"),
    "reasons": N_("Reasons"),
    "adjustments": N_("Adjustments"),
    "basis": N_("Basis"),
    "round": N_("Round"),
    "perspective": N_("Perspective"),
    "partnership_name": N_("Partnership name"),
    "principle": N_("Principle"),
    "dimension": N_("Dimension"),
    "level": N_("Level"),
    "criterion": N_("Criterion"),
    "theme": N_("Theme"),
    "score": N_("Score"),
    "questions": N_("Questions"),
    "answers": N_("Answers"),
    "rank": N_("Rank"),
    "option": N_("Option"),
    "n": N_("Respondents"),
    "pillar": N_("Pillar"),
    "actions": N_("Actions"),
    "late": N_("Late"),
    "done_pct": N_("Done (%)"),
    "mean_progress_pct": N_("Mean progress (%)"),
    "code": N_("Code"),
    "action": N_("Action"),
    "responsible": N_("Responsible"),
    "years": N_("Years"),
    "last_year": N_("Last year"),
    "progress_pct": N_("Progress (%)"),
    "open": N_("Open"),
    "action_years": N_("Action-years"),
    "open_action_years": N_("Open action-years"),
    "table": N_("Table"),
    "rows": N_("Rows"),
    "added": N_("Added"),
    "ended": N_("Ended"),
    "source": N_("From (id)"),
    "target": N_("To (id)"),
    "source_name": N_("From (name)"),
    "target_name": N_("To (name)"),
    "change": N_("Change"),
    "kinds": N_("Tie kinds"),
    "measure": N_("Measure"),
    "before": N_("Before"),
    "after": N_("After"),
    "size_before": N_("Size before"),
    "size_after": N_("Size after"),
    "jaccard": N_("Overlap (Jaccard)"),
    "community_before": N_("Community before"),
    "community_after": N_("Community after"),
    "outcome_before": N_("Outcome before"),
    "outcome_after": N_("Outcome after"),
    "age_days_before": N_("Age in days before"),
    "age_days_after": N_("Age in days after"),
    "decision_before": N_("Decision before"),
    "decision_after": N_("Decision after"),
    "decision_date": N_("Decision date"),
    "status_before": N_("Status before"),
    "status_after": N_("Status after"),
    "rule": N_("Rule"),
    "severity": N_("Severity"),
    "subject_id": N_("Subject id"),
    "subject_name": N_("Subject name"),
    "evidence": N_("Evidence"),
    "action_text": N_("Action"),
    "topic": N_("Topic"),
    "figure": N_("Figure"),
    "value": N_("Value"),
    "sheet": N_("Sheet"),
    "records": N_("Records"),
    "partnerships": N_("Partnerships"),
}

# The vocabularies whose keys a column may hold, tried in order: a value that is a key of one of
# them is written as its label; any other value (a name, a free text) as it is. "module:NAME"
# is a vocabulary defined by a topic module.
COLUMN_VOCABS: dict[str, tuple[str, ...]] = {
    "sector": ("sector",),
    "top_sector": ("sector",),
    "dominant": ("sector",),
    "group": ("sector", "_groups"),
    "scope": ("scope",),
    "state": ("state",),
    "states": ("state",),
    "roles": ("role",),
    "quadrant": ("quadrant",),
    "type": ("partnership_type",),
    "kinds": ("tie_kind",),
    "theme": ("theme",),
    "pillar": ("pillar",),
    "perspective": ("perspective",),
    "decision": ("decision",),
    "suggested": ("decision",),
    "decision_before": ("decision", "changes:CHANGE_KINDS"),
    "decision_after": ("decision", "changes:CHANGE_KINDS"),
    "status": ("partnership_status", "action_status", "changes:CHANGE_KINDS"),
    "status_before": ("partnership_status", "action_status"),
    "status_after": ("partnership_status", "action_status"),
    "outcome": ("screening:OUTCOMES",),
    "outcome_before": ("screening:OUTCOMES",),
    "outcome_after": ("screening:OUTCOMES",),
    "kind": ("screening:FINDING_KINDS",),
    "agreement": ("screening:AGREEMENTS",),
    "verdict": ("consistency:VERDICTS",),
    "severity": ("consistency:SEVERITIES",),
    "rule": ("consistency:RULE_VOCAB",),
    "subject_kind": ("consistency:_KINDS",),
    "change": ("changes:CHANGE_KINDS",),
    "measure": ("changes:MEASURES", "changes:TREND_MEASURES"),
}
# Column names that are vocabulary keys (a table with one column per sector or per principle).
HEADER_VOCABS = ("sector", "principle", "action_status", "partnership_status")
_GROUP_LABELS = {"all": N_("All")}


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
    """Write the findings workbook: a contents sheet, then one sheet per kind of kept table.

    Streamed with partnerlab.xmlwrite (openpyxl took 20 s for the tables of a 100,000-stakeholder
    network report): a bold header row, frozen and filtered; columns sized to their first 500 rows;
    dates as dates; every text as text.

    Args:
        tables: The kept tables, in report order.
        path: The .xlsx file to write.
        lang: The batch's language: sheet names, headers and vocabulary labels.

    Returns:
        The path written.
    """
    from partnerlab import xmlwrite

    T = i18n.translator(lang)  # resolves the code (the pseudo-locale too)
    contents_title = _clean_sheet_name(T(CONTENTS_TITLE)) or "Contents"
    groups: dict[str, list[KeptTable]] = {}
    for table in tables:
        groups.setdefault(table.name, []).append(table)
    titles = [T(TABLE_TITLES[name]) if name in TABLE_TITLES else _humanize(name) for name in groups]
    names = _sheet_names(titles, reserved=contents_title)
    sheets: dict[str, tuple] = {}
    contents: list[list] = []
    for group, title, sheet_name in zip(groups.values(), titles, names):
        header, rows = combined_rows(group, T)
        sheets[sheet_name] = _sheet(header, rows)
        reports = list(dict.fromkeys(t.title or t.report for t in group))
        contents.append(
            [
                sheet_name,
                title,
                "; ".join(reports) if len(reports) <= 3 else T.n("{n} report", "{n} reports", len(reports)),
                len(rows),
            ]
        )
    header, rows, widths, options = _sheet([T(h) for h in CONTENTS_HEADERS], contents)
    links = {f"A{r}": f"'{row[0].replace(chr(39), chr(39) * 2)}'!A1" for r, row in enumerate(contents, start=2)}
    path = Path(path)
    xmlwrite.write_xlsx(path, {contents_title: (header, rows, widths, {**options, "links": links}), **sheets})
    return path


def combined_rows(group: list[KeptTable], T: i18n.Translator) -> tuple[list[str], list[list]]:
    """The header (in T's language) and rows of one sheet: the tables of a group stacked, their
    vocabulary keys as labels; a first column names the report of each row when there are several.

    >>> t = KeptTable("t", '{"columns":["sector","n"],"index":[0],"data":[["civil_society",3]]}', title="Map")
    >>> combined_rows([t], i18n.translator("es"))
    (['Sector', 'Personas encuestadas'], [['Sociedad civil', 3]])
    """
    parts = [table_rows(t.data) for t in group]
    columns: list[str] = []
    for cols, _rows in parts:
        columns.extend(c for c in cols if c not in columns)
    rows = []
    for table, (cols, table_rows_) in zip(group, parts):
        where = [cols.index(c) if c in cols else None for c in columns]
        for r in table_rows_:
            values = [_label(c, r[i], T) if i is not None and i < len(r) else None for c, i in zip(columns, where)]
            rows.append(([table.title or table.report] if len(group) > 1 else []) + values)
    header = ([T(REPORT_COLUMN)] if len(group) > 1 else []) + [column_title(c, T) for c in columns]
    return header, rows


def column_title(column: str, T: i18n.Translator) -> str:
    """A reader's header for a kept table's column, in T's language.

    >>> column_title("share_pct", i18n.translator("es")), column_title("civil_society", i18n.translator("es"))
    ('Proporción (%)', 'Sociedad civil')
    """
    from partnerlab.page import COLUMN_LABELS

    if column in COLUMN_TITLES:
        return T(COLUMN_TITLES[column])
    if column in COLUMN_LABELS and isinstance(COLUMN_LABELS[column], str):
        return T(COLUMN_LABELS[column])
    for ref in HEADER_VOCABS:
        voc = _vocabulary(ref)
        if voc is not None and column in voc:
            return voc.label(column, T.lang)
    return _humanize(column)


def _label(column: str, value: object, T: i18n.Translator) -> object:
    """value with the vocabulary keys a column holds written as labels (lists and "a; b" too)."""
    refs = COLUMN_VOCABS.get(column)
    if not refs or value is None:
        return value
    if isinstance(value, list):
        return "; ".join(str(_label(column, v, T)) for v in value if v is not None)
    if not isinstance(value, str):
        return value
    if value in _GROUP_LABELS and "_groups" in refs:
        return T(_GROUP_LABELS[value])
    for ref in refs:
        voc = _vocabulary(ref)
        if voc is None:
            continue
        label = (lambda k, voc=voc: T(voc[k])) if isinstance(voc, dict) else (lambda k, voc=voc: voc.label(k, T.lang))
        if value in voc:
            return label(value)
        parts = value.split("; ")
        if len(parts) > 1 and all(p in voc for p in parts):
            return "; ".join(label(p) for p in parts)
    return value


@functools.cache
def _vocabulary(ref: str):
    """A vocabulary by name (vocab.VOCABULARIES) or "module:NAME"; None when there is none."""
    import importlib

    if ref.startswith("_"):
        return None
    if ":" in ref:
        module, name = ref.split(":", 1)
        try:
            return getattr(importlib.import_module(f"partnerlab.{module}"), name, None)
        except ImportError:
            return None
    from partnerlab import vocab

    return vocab.VOCABULARIES.get(ref)


def _humanize(name: object) -> str:
    return str(name).replace("_", " ").strip().capitalize()


def _header(column: object) -> str:
    if isinstance(column, list):  # a MultiIndex column
        return " / ".join(str(c) for c in column if c not in (None, ""))
    return "" if column is None else str(column)


def _sheet_names(titles: list[str], reserved: str = "") -> list[str]:
    """Unique, valid sheet names from the titles (numbered if two titles clean to the same name)."""
    used = {reserved.casefold()}
    names = []
    for title in titles:
        base = _clean_sheet_name(title) or "table"
        candidate, n = base, 1
        while candidate.casefold() in used:
            n += 1
            candidate = f"{base[:26].rstrip()} ({n})"
        used.add(candidate.casefold())
        names.append(candidate)
    return names


def _clean_sheet_name(name: str) -> str:
    """Excel sheet names: at most 31 characters, none of []:*?/\\ , not starting or ending with '."""
    name = re.sub(r"[\[\]:*?/\\\x00-\x1f]", " ", name.replace(": ", " - "))
    name = re.sub(r"\s+", " ", name).strip().strip("'").strip()
    return name[:31].rstrip()


def _sheet(header: list[str], rows: list[list]) -> tuple:
    """What xmlwrite.write_xlsx takes for one sheet: the header, the rows as values a cell holds
    (ISO date texts of a date column as dates, lists joined, dicts as JSON), the column widths (from the first 500 rows, between MIN_WIDTH and MAX_WIDTH) and a
    filter on the header."""
    dates = _date_columns(header, rows)
    cells = [
        [dates[c](v) if c in dates and isinstance(v, str) else _value(v) for c, v in enumerate(row)] for row in rows
    ]
    widths = [
        min(
            max(max((_display_len(r[c]) for r in [header, *cells[:499]] if c < len(r)), default=0) + 2, MIN_WIDTH),
            MAX_WIDTH,
        )
        for c in range(len(header))
    ]
    return [_value(h) for h in header], cells, widths, {"filter": True}


def _value(value: object) -> object:
    """A value as data for a cell, never a formula: xmlwrite writes a text that starts like one with
    Excel's quote prefix."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, bool | int) or (isinstance(value, float) and math.isfinite(value)):
        return value
    if isinstance(value, dt.datetime | dt.date):
        return value
    if isinstance(value, list):
        return "; ".join("" if v is None else str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)  # xmlwrite drops the control characters XML cannot hold


def _display_len(value: object) -> int:
    if value is None:
        return 0
    if isinstance(value, dt.datetime | dt.date):
        return 16 if isinstance(value, dt.datetime) and value.time() != dt.time() else 10
    return max((len(line) for line in str(value).splitlines()), default=0)


def _date_columns(header: list[str], rows: list[list]) -> dict[int, Callable[[str], dt.datetime]]:
    """Columns whose every value is an ISO date string (pandas' date_format="iso"): their parser."""
    found = {}
    for c in range(len(header)):
        values = [r[c] for r in rows if c < len(r) and r[c] is not None]
        if values and all(isinstance(v, str) and _ISO_DATE.fullmatch(v) for v in values):
            found[c] = _parse_iso
    return found


def _parse_iso(text: str) -> dt.datetime:
    value = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    return value.replace(tzinfo=None)  # Excel has no time zones


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?)?")
