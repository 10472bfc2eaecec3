"""What a report notebook displays: header, headings, text, tables and figures, in English or Spanish.

Every piece of workbook text goes through html.escape before it reaches the page, so a
stakeholder named "<script>" is shown, never run. The contact column is never displayed.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import html
import re
import secrets
from pathlib import Path

import pandas as pd

from partnerlab import i18n, paths, vocab
from partnerlab.i18n import N_
from partnerlab.workbook import Workbook, load_workbook, reset_reads

__all__ = ["Report", "COLUMN_LABELS", "KEEP_MIME", "format_table", "table_markup", "json_island", "csv_separator"]

KEEP_MIME = "application/vnd.partnerlab.table+json"
NBH = "\u2011"  # non-breaking hyphen: a date in a table never breaks across lines
MAX_ROWS = 60  # a printout shows this many rows of a table and says how many there are
WIDGET_ROWS = 20  # a longer table (more than one screen page) is sortable, searchable and paged (static/tables.js)
PAGE_ROWS = 2000  # a page holds at most this many rows of a table and says so
PAGE_SIZE = 20  # rows on one screen page of a long table
HIDDEN_COLUMNS = {"contact", "row"}  # personal data, and the Excel row (for messages only)

# Headers shared by many tables; a report passes labels= for its own columns.
COLUMN_LABELS: dict[str, str] = {
    "id": N_("Id"),
    "name": N_("Name"),
    "sector": N_("Sector"),
    "scope": N_("Scope"),
    "states": N_("States"),
    "state": N_("State"),
    "mandate": N_("Mandate"),
    "priorities": N_("Priorities"),
    "instruments": N_("Instruments"),
    "resources": N_("Resources"),
    "related_initiatives": N_("Related initiatives"),
    "partners": N_("Partners"),
    "influence": N_("Influence"),
    "interest": N_("Interest"),
    "roles": N_("Roles"),
    "quadrant": N_("Grid position"),
    "stakeholders": N_("Stakeholders"),
    "count": N_("Count"),
    "share_pct": N_("Share (%)"),
    "partnership": N_("Partnership"),
    "status": N_("Status"),
    "type": N_("Type"),
    "lead": N_("Lead"),
    "members": N_("Members"),
    "year": N_("Year"),
}

# What the navigation adds to a page: the links to sibling pages, the contents list, the run
# details at the bottom (the page's own styles are in _CSS and the template's stylesheet).
_NAV_CSS = """
<style>
.pl-siblings { font-size: 0.92em; margin: 0.3em 0 0.6em; color: #333; }
.pl-contents:not(:empty) { font-size: 0.92em; margin: 0.4em 0 0.8em; padding: 0.4em 0.8em; background: #F5F8FB;
  border-left: 4px solid #D6E4F0; }
.pl-contents ol { display: flex; flex-wrap: wrap; gap: 0.15em 1.3em; margin: 0.15em 0 0; padding: 0; list-style: none; }
.pl-contents-label { font-weight: 600; }
.pl-run-details { margin-top: 2.5em; border-top: 1px solid #DDD; padding-top: 0.5em; color: #555; }
.pl-run-heading { font-weight: 600; font-size: 0.9em; margin: 0.2em 0; }
@media print { .pl-contents, .pl-siblings, .pl-run-details { display: none !important; } }
</style>
"""
SIBLINGS_SHOWN = 12  # a page with more sibling pages than this folds their links
# Columns whose cells name a stakeholder or a partnership: inside a batch, Report.table links them
# to its page when it has one (an exact id or name; links={} turns it off, links={...} chooses).
AUTO_LINKS = {
    "name": None,
    "stakeholder": "stakeholder",
    "partnership": "partnership",
    "subject_name": None,
    "lead": "stakeholder",
    "source": "stakeholder",
    "target": "stakeholder",
    "partner": "stakeholder",
}
# The line linking a fanned-out page to its siblings, per entity: (on a copy, on the whole page,
# the link back to the whole page).
_SIBLING_LABELS: dict[str, tuple[str, str, str]] = {
    "sector": (N_("Other sectors"), N_("By sector"), N_("All sectors")),
    "stakeholder": (N_("Other partners of the critical group"), N_("By partner"), N_("All partners")),
    "partnership": (N_("Other partnerships"), N_("By partnership"), N_("All partnerships")),
    "year": (N_("Other years"), N_("By year"), N_("All years")),
}

_CSS = """
<style>
.pl-report { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; line-height: 1.45; }
.pl-report h1 { font-size: 1.9em; margin: 0.2em 0 0.3em; color: #1F4E79; }
.pl-report h2 { font-size: 1.35em; margin: 1.4em 0 0.4em; color: #1F4E79; border-bottom: 2px solid #D6E4F0; padding-bottom: 0.15em; }
.pl-banner { background: #FFF4CE; border-left: 5px solid #E0A800; padding: 0.5em 0.8em; margin: 0.6em 0; }
.pl-inputs { font-size: 0.85em; color: #444; border-collapse: collapse; margin: 0.4em 0; }
.pl-inputs th { text-align: left; padding: 0.1em 1em 0.1em 0; font-weight: 600; vertical-align: top; }
.pl-inputs td { padding: 0.1em 0; word-break: break-all; }
.pl-banner-note { font-size: 0.9em; color: #555; }
.pl-left-out { color: #666; font-style: italic; margin: 0.3em 0; }
.pl-table { border-collapse: collapse; font-size: 0.88em; margin: 0.5em 0 1em; }
.pl-table th { background: #1F4E79; color: white; text-align: left; padding: 0.3em 0.6em; }
.pl-table td { border-bottom: 1px solid #DDD; padding: 0.25em 0.6em; vertical-align: top; max-width: 38em; }
.pl-table tr:nth-child(even) td { background: #F5F8FB; }
.pl-more { font-size: 0.85em; color: #666; }
.pl-scroll { overflow-x: auto; max-width: 100%; }
.pl-report details > summary { cursor: pointer; color: #1F4E79; font-size: 0.9em; margin: 0 0 0.3em; }
.pl-cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 540px), 1fr)); gap: 0.2em 1.6em; align-items: start; }
.pl-card-text { font-size: 0.88em; line-height: 1.35; color: #333; margin: 0.2em 0; }
.pl-card img.pl-figure { max-width: 100%; height: auto; display: block; }
.pl-verdict { border: 2px solid #888; border-left-width: 10px; border-radius: 4px; padding: 0.5em 0.9em; margin: 0.6em 0 1em; background: #F7F7F7; }
.pl-verdict h2 { border: none; margin: 0 0 0.3em; padding: 0; font-size: 1.3em; }
.pl-verdict ul { margin: 0.2em 0 0.4em 1.2em; padding: 0; }
.pl-verdict .pl-verdict-label { font-weight: 600; margin: 0.3em 0 0; }
.pl-verdict-go { border-color: #2E7D32; background: #EEF7EE; }
.pl-verdict-go_with_conditions { border-color: #E0A800; background: #FFF8E1; }
.pl-verdict-blocked { border-color: #C62828; background: #FDECEA; }
.pl-verdict-not_assessed { border-color: #607D8B; background: #ECEFF1; }
.pl-counts span { display: inline-block; margin-right: 1.2em; font-size: 1.15em; }
.pl-sev-blocker { color: #C62828; font-weight: 700; } .pl-sev-warning { color: #9A6B00; font-weight: 700; }
.pl-sev-upcoming { color: #37474F; font-weight: 700; }
@media print {
  @page { size: A4; margin: 12mm; }
  .pl-report { font-size: 9.5pt; line-height: 1.3; }
  .pl-report h1 { font-size: 16pt; } .pl-report h2 { font-size: 12pt; margin: 0.7em 0 0.2em; }
  .pl-inputs, .pl-report details, .pl-noprint, .pl-analyst { display: none !important; }
  .pl-table { font-size: 8.5pt; margin: 0.2em 0 0.5em; } .pl-table td, .pl-table th { padding: 0.1em 0.4em; }
  .pl-table th { color: black; background: #DDD !important; }
  .pl-verdict, .pl-table tr { break-inside: avoid; }
  img { max-height: 70mm; }
}
</style>
"""


class Report:
    """The display helper of one report notebook.

    >>> rpt = Report(Workbook(Path("x.xlsx"), "0" * 64, {"language": "es"}, {}), lang="")
    >>> rpt.lang, rpt._("Stakeholders")
    ('es', 'Actores')
    """

    def __init__(
        self,
        wb: Workbook,
        lang: str = "",
        title: str = "",
        params: dict | None = None,
        sheets: list[str] | None = None,
        report: str = "",
        in_batch: bool = False,
    ):
        from partnerlab import report_catalogue

        self.wb = wb
        self.lang = i18n.resolve_lang(lang, wb.about.get("language"))
        self._ = i18n.translator(self.lang)  # rpt._("Alerts"): the page's words, numbers and dates
        self.report = report_catalogue.REPORT[report] if report else None  # the catalogue's entry
        if not isinstance(title, str):
            raise TypeError(f"a page title is an English msgid, not {type(title).__name__}: {title!r}")
        self.title = title or (self.report.title if self.report else "")
        self.params = params or {}
        self.sheets = list(sheets) if sheets is not None else list(self.report.sheets if self.report else [])
        self.in_batch = in_batch  # run by `partnerlab run`: names link to the other pages of the batch
        self._pages: dict | None = None
        self._anchors: set[str] = set()
        self._names: dict[str, dict[str, str]] = {}  # kind -> id and name -> page file (page_of)
        self._run_time: str | None = None  # when header() was shown (the run details' "Run")

    @classmethod
    def open(
        cls,
        workbook: str = "",
        lang: str = "",
        processed: str = "",
        title: str = "",
        params: dict | None = None,
        sheets: list[str] | None = None,
        report: str = "",
    ) -> Report:
        """Load the workbook (or the batch's pre-parsed copy) and set up figures for the page.

        `report` is the page's key in the report catalogue (report_catalogue.REPORTS): it gives the title
        and the sheets; `params` are the page's own parameters (the header shows them, and the
        one that names the page's entity goes into the title).
        """
        path = Path(workbook) if workbook else paths.SAMPLE_WORKBOOK
        reset_reads()  # from here on, the sheets this report reads are noted (incremental runs)
        wb = Workbook.load(processed) if processed else load_workbook(path)
        _setup_figures()
        return cls(wb, lang=lang, title=title, params=params, sheets=sheets, report=report, in_batch=bool(processed))

    # -- text ---------------------------------------------------------------------------------
    def label(self, vocabulary: str | vocab.Vocabulary, key: object) -> str:
        """The label of a vocabulary key in the report's language ("" for a blank key)."""
        if key is None or (isinstance(key, float) and key != key) or key is pd.NA:
            return ""
        voc = vocabulary if isinstance(vocabulary, vocab.Vocabulary) else vocab.VOCABULARIES[vocabulary]
        return voc.label(str(key), self.lang)

    def title_text(self) -> str:
        """The page title in the report's language, naming its entity ("Sector diagnosis: Academia")."""
        if self.report is not None and self.title == self.report.title:
            from partnerlab.report_catalogue import page_title

            return page_title(self.report, self.params, self.wb, self.lang)
        return self._(self.title) if self.title else ""

    def header(self) -> None:
        """Title, the illustrative-data banner, the links to sibling pages and a place for the
        contents list; then the inputs of the report, in their own output (class pl-run-details),
        which the HTML page moves to its bottom (htmlexport.prepare_for_html)."""
        about = self.wb.about
        _ = self._
        parts = [_CSS, _NAV_CSS, '<div class="pl-report pl-page-head">', f"<h1>{_e(self.title_text())}</h1>"]
        if about.get("is_illustrative") or about.get("illustrative"):
            text = about.get("illustrative") or ""
            lead = _("Illustrative data: the figures in this report are not real findings.")
            note_label = _("Workbook note")
            note = f' <span class="pl-banner-note">{_e(note_label)}: {_e(text)}</span>' if text else ""
            parts.append(f'<div class="pl-banner"><b>{_e(lead)}</b>{note}</div>')
        parts.append(self.siblings_html())
        parts.append(f'<nav class="pl-contents" data-pl-contents="{_e(_("Contents"))}"></nav>')
        parts.append("</div>")
        _html("".join(parts))
        self._run_time = dt.datetime.now().replace(microsecond=0).isoformat(sep=" ")
        self._follow_run_details()

    def _follow_run_details(self) -> None:
        """Show the run details, and in a kernel bring them up to date after every cell: the data
        fingerprint and the warnings cover what the page has read so far (the sheets and the results
        of derived calls: workbook.reads_digest), so after the last cell they describe the data
        behind the whole page, and a page an incremental run reuses shows the same as a new one."""
        from IPython import get_ipython
        from IPython.display import HTML, display, update_display

        shell = get_ipython()
        for follower in _FOLLOWERS:  # the previous page of this kernel stops following
            with contextlib.suppress(ValueError):
                follower[0].events.unregister("post_run_cell", follower[1])
        _FOLLOWERS.clear()
        shown = [self.run_details_html()]
        if shell is None or not hasattr(shell, "events"):
            _html(shown[0])
            return
        display_id = f"pl-run-details-{secrets.token_hex(8)}"  # transient: never saved in the notebook
        display(HTML(shown[0]), display_id=display_id)

        def refresh(*_args) -> None:
            markup = self.run_details_html()
            if markup != shown[0]:
                shown[0] = markup
                update_display(HTML(markup), display_id=display_id)

        shell.events.register("post_run_cell", refresh)
        _FOLLOWERS.append((shell, refresh))

    def sheet_name(self, key: str) -> str:
        """A sheet as the workbook names it (its title in the file: "actores" in a Spanish workbook)."""
        titles = getattr(self.wb, "sheet_titles", None) or {}
        if titles.get(key):
            return titles[key]
        from partnerlab import schema

        try:
            return schema.sheet(key).name(self.wb.about.get("language") or "en")
        except KeyError:
            return key

    def run_details_html(self) -> str:
        """The inputs of the report (workbook, fingerprint, parameters...) and the loader's warnings."""
        from partnerlab.workbook import read_sheets, reads_digest, sheets_status

        about = self.wb.about
        _ = self._
        as_of = about.get("as_of")
        status = sheets_status(self.wb, list(self.sheets))  # the page depends on these, not on the rows
        present = status["present"]
        rows = [
            (_("Workbook"), self.wb.name),
            (_("Data fingerprint (sha256 of the data read)"), reads_digest(self.wb, read_sheets())[:16]),
            (_("Portfolio"), about.get("portfolio") or ""),
            (_("As of"), _.date(as_of) if as_of else _("not given (about.as_of)")),
            (_("Sheets used"), ", ".join(self.sheet_name(s) for s in present) or _("none")),
            # the parameters as the command line takes them (codes: partnership=P15)
            (
                _("Parameters"),
                "; ".join(f"{k}={v if v not in ('', None) else '—'}" for k, v in self.params.items()) or "—",
            ),
            (_("Language"), i18n.LANGUAGE_NAMES.get(self.lang, self.lang)),
        ]
        missing = [self.sheet_name(s) for s in self.sheets if s not in present]
        if missing:
            rows.append((_("Sheets absent or empty"), ", ".join(missing)))
        body = "".join(f"<tr><th>{_e(k)}</th><td>{_e(v)}</td></tr>" for k, v in rows)
        now = self._run_time or dt.datetime.now().replace(microsecond=0).isoformat(sep=" ")
        parts = [
            '<div class="pl-report pl-run-details">',
            f'<p class="pl-run-heading">{_e(_("Run details"))}</p>',
            f'<table class="pl-inputs">{body}<tr><th>{_e(_("Run"))}</th>'
            f'<td><span class="pl-run-time">{now}</span></td></tr></table>',
        ]
        warnings = status["warnings"]
        if warnings:
            items = "".join(f"<li>{_e(w)}</li>" for w in warnings[:200])
            parts.append(f"<details><summary>{_e(_('Warnings'))}: {len(warnings)}</summary><ul>{items}</ul></details>")
        parts.append("</div>")
        return "".join(parts)

    # -- navigation ---------------------------------------------------------------------------
    def pages(self) -> dict:
        """The pages of the batch this page belongs to (report_catalogue.batch_pages); {} outside a batch."""
        if self._pages is None:
            from partnerlab.report_catalogue import batch_pages

            if self.in_batch:  # which pages exist is navigation, not a read: an incremental run must not
                from partnerlab import workbook  # rerun every page when any fanned-out sheet changes

                before = set(workbook._READS)
                self._pages = batch_pages(self.wb)
                workbook._READS.intersection_update(before)
            else:
                self._pages = {}
        return self._pages

    def page_of(self, kind: str, value: object) -> str | None:
        """The page (file name) of the batch about a stakeholder or partnership, given its id or its
        name (a name cut with "…" matches the one it starts); None when the batch has no such page."""
        if _blank(value):
            return None
        names = self._page_names(kind)
        text = str(value).strip()
        if text in names:
            return names[text]
        if text.endswith("…") and len(text) > 4:
            stem = text[:-1].rstrip()
            return next((page for name, page in names.items() if name.startswith(stem)), None)
        return None

    def _page_names(self, kind: str) -> dict[str, str]:
        """id and name -> page file of every stakeholder (or partnership) that has a page in the batch."""
        cache = self._names
        if kind not in cache:
            from partnerlab import workbook

            pages = self.pages().get(kind) or {}
            names = {sid: f"{stem}.html" for sid, stem in pages.items()}
            before = set(workbook._READS)
            table = getattr(self.wb, kind + "s", None) if pages else None
            workbook._READS.intersection_update(before)  # a link is navigation, not a read
            if pages and table is not None and len(table) and "name" in table and "id" in table:
                for sid, name in zip(table["id"].astype(str), table["name"]):
                    if sid in pages and isinstance(name, str) and name.strip():
                        names.setdefault(name.strip(), f"{pages[sid]}.html")
            cache[kind] = names
        return cache[kind]

    def siblings_html(self) -> str:
        """A line linking the other copies of a fanned-out report ("Other sectors: ..."), or its
        copies from the whole-portfolio page ("By sector: ..."); "" outside a batch."""
        rep = self.report
        copies = (self.pages().get("copies") or {}).get(rep.key) if rep is not None and rep.entity else None
        if not copies:
            return ""
        from partnerlab.report_catalogue import entity_label

        _ = self._
        mine = entity_label(rep, self.params, self.wb, self.lang)
        links = [
            f'<a href="{_e(stem)}.html">{_e(entity_label(rep, params, self.wb, self.lang))}</a>'
            for stem, params in copies.items()
            if entity_label(rep, params, self.wb, self.lang) != mine
        ]
        if not links:
            return ""
        label = _(_SIBLING_LABELS[rep.entity][0 if mine else 1])
        whole = (
            f' · <a href="{_e(rep.key)}.html">{_e(_(_SIBLING_LABELS[rep.entity][2]))}</a>' if mine and rep.whole else ""
        )
        if len(links) > SIBLINGS_SHOWN:  # many copies (a partnership each): folded, the count in view
            return (
                f'<details class="pl-siblings"><summary>{_e(label)} ({len(links)})</summary>'
                f"{' · '.join(links)}{whole}</details>"
            )
        return f'<p class="pl-siblings">{_e(label)}: {" · ".join(links)}{whole}</p>'

    def anchor(self, text: str) -> str:
        """A stable id for a heading of this page (the contents list links to it)."""
        from partnerlab.report_catalogue import slugify

        base = "s-" + slugify(text)
        anchor, n = base, 1
        while anchor in self._anchors:
            n += 1
            anchor = f"{base}-{n}"
        self._anchors.add(anchor)
        return anchor

    def h2(self, msgid: str, *, printed: bool = True) -> None:
        """A section heading (an English msgid); `printed=False` leaves it out of the printout."""
        text = self._(msgid)
        _html(f'<div class="pl-report{_noprint(printed)}"><h2 id="{self.anchor(text)}">{_e(text)}</h2></div>')

    def h3(self, msgid: str, *, printed: bool = True) -> None:
        """A sub-section heading (an English msgid)."""
        _html(f'<div class="pl-report{_noprint(printed)}"><h3>{_e(self._(msgid))}</h3></div>')

    def p(self, msgid: str, *, printed: bool = True, **values: object) -> None:
        """A paragraph; the msgid is trusted (may use <b>, <i>), the values are escaped."""
        _html(f'<div class="pl-report{_noprint(printed)}"><p>{self.format(msgid, **values)}</p></div>')

    def left_out(self, msgid: str, *, printed: bool = True, **values: object) -> None:
        """The one line that says why a section is left out."""
        _html(
            f'<div class="pl-report{_noprint(printed)}"><p class="pl-left-out">{self.format(msgid, **values)}</p></div>'
        )

    def format(self, msgid: str, /, **values: object) -> str:
        """msgid translated and filled with values: numbers and dates as the language writes them, escaped."""
        return self._(msgid).format(**{k: _e(self.value(v)) for k, v in values.items()})

    def value(self, v: object) -> str:
        """One value of a sentence as text in the page language."""
        if (
            isinstance(v, (int, float))
            and not isinstance(v, bool)
            and not _blank(v)
            and v not in (float("inf"), float("-inf"))
        ):
            return self._.number(v)
        if isinstance(v, (pd.Timestamp, dt.datetime, dt.date)) and not _blank(v):
            return self._.date(v)
        return _fmt(v)

    # -- tables and figures -------------------------------------------------------------------
    def table(self, df: pd.DataFrame, *, printed: bool = True, **options) -> None:
        """Display a table with translated headers and vocabulary labels, escaped; `options` are
        those of `table_html` (labels, vocab, max_rows, index, escape, links).

        A table of more than WIDGET_ROWS rows is sortable, searchable and paged on screen, with a
        download of its rows (partnerlab/static/tables.js, offline); the page holds up to PAGE_ROWS
        rows and a printout the first `max_rows`, each saying so. `escape=False` is for tables
        whose cells were escaped by the caller to hold links (e.g. `consistency.register_table`);
        `printed=False` leaves the table out of the printout.
        `links={"name": "stakeholder"}` links each cell of a column (an id or a name) to the page
        of the batch about that stakeholder (or "partnership"), when the batch has one; by default
        (links=None) the columns of AUTO_LINKS are linked, a None kind trying both; links={} links nothing.
        """
        _html(f'<div class="pl-report{_noprint(printed)}">{self.table_html(df, **options)}</div>')

    def table_html(
        self,
        df: pd.DataFrame,
        labels: dict | None = None,
        vocab: dict | None = None,
        max_rows: int = MAX_ROWS,
        index: bool = False,
        escape: bool = True,
        links: dict[str, str] | None = None,
    ) -> str:
        """The markup of `table` (for pages that place a table inside their own markup)."""
        _ = self._
        shown = format_table(df, self.lang, labels=labels, vocabularies=vocab, index=index)
        if links is None and escape and self.in_batch:
            links = {c: k for c, k in AUTO_LINKS.items() if c in df.columns}
        if links and self.in_batch:
            shown, escape = self.linked(shown, links, labels, escape), False
        total = len(shown)
        notes = []
        if total > PAGE_ROWS:
            notes.append(
                (
                    "pl-more",
                    _(
                        "This page holds the first {shown} of {total} rows.",
                        shown=_.number(PAGE_ROWS),
                        total=_.number(total),
                    ),
                )
            )
            shown = shown.head(PAGE_ROWS)
        if len(shown) > max_rows:
            notes.append(
                (
                    "pl-more pl-print-only",
                    _("Printed: the first {shown} of {total} rows.", shown=_.number(max_rows), total=_.number(total)),
                )
            )
        table = table_markup(shown, escape=escape, print_rows=max_rows)
        more = "".join(f'<p class="{c}">{_e(n)}</p>' for c, n in notes)
        if len(shown) <= WIDGET_ROWS:
            return table + more
        words = json_island(self.table_words(len(shown)))
        return (
            f'<div class="pl-dt" data-pl-script="tables">{table}{more}'
            f'<script type="application/json" class="pl-dt-words">{words}</script></div>'
        )

    def table_words(self, rows: int) -> dict:
        """The words and settings of the table controls in the page language (tables.js)."""
        _ = self._
        return {
            "lang": _.locale.replace("_", "-"),
            "rows": _.number(rows),
            "pageSize": PAGE_SIZE,
            "separator": csv_separator(self.lang),
            "decimal": _decimal_symbol(self.lang),
            "search": _("Search this table…"),
            "sortAsc": _("Sort column ascending"),
            "sortDesc": _("Sort column descending"),
            "previous": _("Previous"),
            "next": _("Next"),
            "navigate": _("Page {page} of {pages}"),
            "page": _("Page {page}"),
            # the pager reads "Showing 1 to 20 of 94 rows"
            "showing": _("Showing"),
            "to": _("to"),
            "of": _("of"),
            "results": _("rows"),
            "loading": _("Loading…"),
            "noRecords": _("No row matches the search."),
            "error": _("The table could not be shown."),
            "download": _("Download the {n} rows (CSV)"),
        }

    def linked(
        self, shown: pd.DataFrame, links: dict[str, str], labels: dict | None = None, escaped: bool = True
    ) -> pd.DataFrame:
        """A displayed table (format_table) as HTML cells: the `links` columns linked to their pages,
        every cell escaped (unless the caller escaped them already: `escaped=False`)."""
        names = {**COLUMN_LABELS, **(labels or {})}
        headers = {_header(col, names, self.lang): kind or "any" for col, kind in links.items()}
        columns = []
        for i, col in enumerate(shown.columns):
            kind = headers.get(col)
            cells = shown.iloc[:, i].tolist()
            if kind is None:
                columns.append([_e(x) if escaped and isinstance(x, str) else x for x in cells])
                continue
            linked = []
            for x in cells:
                text = x if escaped or not isinstance(x, str) else html.unescape(x)
                href = None
                if isinstance(text, str) and "<a " not in str(x):
                    for k in (kind,) if kind != "any" else ("stakeholder", "partnership"):
                        href = href or self.page_of(k, text)
                shown_text = _e(x) if escaped else x
                linked.append(f'<a href="{_e(href)}">{shown_text}</a>' if href else shown_text)
            columns.append(linked)
        out = pd.DataFrame(dict(enumerate(columns)), index=shown.index)
        out.columns = shown.columns
        return out

    def verdict(self, key: str, heading: str, sections: list[tuple[str, list[str]]]) -> None:
        """A verdict box (class pl-verdict-<key>): a heading, then titled lists of sentences, all escaped."""
        body = "".join(
            f'<p class="pl-verdict-label">{_e(title)}</p><ul>{"".join(f"<li>{_e(i)}</li>" for i in items)}</ul>'
            for title, items in sections
            if items
        )
        _html(
            f'<div class="pl-report"><div class="pl-verdict pl-verdict-{_e(key)}"><h2>{_e(heading)}</h2>{body}'
            f"</div></div>"
        )

    def counts(self, items: list[tuple[str, str, int]]) -> None:
        """A line of headline counts: (css class suffix, label, number) each."""
        spans = "".join(f'<span class="pl-sev-{_e(k)}">{_e(n)} {_e(label)}</span>' for k, label, n in items)
        _html(f'<div class="pl-report"><p class="pl-counts">{spans}</p></div>')

    def show(self, chart, alt: str = "") -> None:
        """Display a figure (or the figure of an Axes) and close it; alt describes it to a reader
        who cannot see it (already in the page language; the page's img alt attribute).

        The PNG is the inline backend's (savefig with bbox_inches="tight" at the figure's dpi),
        drawn once by partnerlab.plots.render and displayed as the same output the backend
        writes ("image/png" with the alt in its metadata, and the figure's text repr)."""
        import base64

        import matplotlib.pyplot as plt
        from IPython.display import display

        from partnerlab.plots import render

        fig = getattr(chart, "figure", chart)
        if hasattr(fig, "get_figure") and fig.get_figure() is not None:
            fig = fig.get_figure()
        if fig.axes or fig.lines:  # the inline backend shows nothing for an empty figure
            png = base64.b64encode(render.png_bytes(fig, dpi=fig.dpi)).decode("ascii")
            bundle = {"text/plain": repr(fig), "image/png": png}
            display(bundle, raw=True, metadata={"image/png": {"alt": alt}} if alt else None)
        plt.close(fig)

    def details(
        self, summary: str, tables: pd.DataFrame | list[pd.DataFrame] = (), *, printed: bool = False, **options
    ) -> None:
        """Figures ((figure, alt) pairs) and tables folded behind a one-line summary (<details>),
        opened on demand; `options` are those of `details_html` (labels, vocab, figures)."""
        _html(f'<div class="pl-report{_noprint(printed)}">{self.details_html(summary, tables, **options)}</div>')

    def details_html(
        self,
        summary: str,
        tables: pd.DataFrame | list[pd.DataFrame] = (),
        labels: dict | None = None,
        vocab: dict | None = None,
        figures: list[tuple] = (),
    ) -> str:
        """The markup of tables folded behind a one-line summary: the numbers behind a chart, or
        the detail of a section. summary is in the page language already; a header in labels is
        translated (msgid), any other is shown as it is (tables labelled by the topic module, never
        re-cased); each table scrolls inside the page rather than past its edge. Print hides it."""
        frames = [tables] if isinstance(tables, pd.DataFrame) else list(tables)
        parts = [self.figure_html(fig, alt) for fig, alt in figures]
        for df in frames:
            shown = format_table(df, self.lang, vocabularies=vocab)
            shown.columns = [
                self._(labels[c]) if labels and c in labels else str(c) for c in df.columns if c not in HIDDEN_COLUMNS
            ]
            parts.append(
                '<div class="pl-scroll">'
                + shown.to_html(index=False, escape=True, classes="pl-table", border=0, na_rep="")
                + "</div>"
            )
        return f"<details><summary>{_e(summary)}</summary>{''.join(parts)}</details>"

    def figure_html(self, chart, alt: str = "") -> str:
        """The markup of a figure (or the figure of an Axes) as an inline PNG with its alt text; closes it."""
        import base64

        import matplotlib.pyplot as plt

        from partnerlab.plots import render

        fig = getattr(chart, "figure", chart)
        png = render.png_bytes(fig)  # savefig(bbox_inches="tight")'s bytes, drawn once
        plt.close(fig)
        data = base64.b64encode(png).decode("ascii")
        return f'<img class="pl-figure" src="data:image/png;base64,{data}" alt="{_e(alt)}">'

    def cards(self, views: list[dict]) -> None:
        """Views side by side in columns as wide as a chart, as many as the page holds (two at
        1280 px), one under another on a phone. A view is a dict: "figure" (or None) with its
        "alt" text, else a "title" (workbook text, escaped) and an optional "text" (a paragraph,
        escaped); then "summary" and "tables" folded under it (`details_html`), and optional
        "labels" for their headers."""
        items = []
        for view in views:
            if view.get("figure") is not None:
                head = self.figure_html(view["figure"], view.get("alt", ""))
            elif view.get("text"):
                head = f'<p class="pl-card-text"><b>{_e(view.get("title", ""))}:</b> {_e(view["text"])}</p>'
            else:
                head = f"<p><b>{_e(view.get('title', ''))}</b></p>"
            fold = self.details_html(view["summary"], view["tables"], view.get("labels")) if view.get("tables") else ""
            items.append(f'<div class="pl-card">{head}{fold}</div>')
        _html(f'<div class="pl-report"><div class="pl-cards">{"".join(items)}</div></div>')

    def keep(self, name: str, df: pd.DataFrame) -> None:
        """Register a key table for the batch's findings workbook (invisible on the page)."""
        from IPython.display import publish_display_data

        safe = df.drop(columns=[c for c in df.columns if c in HIDDEN_COLUMNS], errors="ignore")
        publish_display_data(
            {KEEP_MIME: safe.to_json(orient="split", date_format="iso", default_handler=str), "text/plain": ""},
            metadata={"partnerlab": {"keep": name}},
        )


def format_table(
    df: pd.DataFrame,
    lang: str = "en",
    labels: dict | None = None,
    vocabularies: dict | None = None,
    index: bool = False,
) -> pd.DataFrame:
    """A copy of df ready to display: vocabulary keys as labels, lists joined, headers translated.

    >>> format_table(pd.DataFrame({"sector": ["academia"], "states": [["oaxaca", "jalisco"]]}), "es",
    ...              vocabularies={"sector": "sector", "states": "state"}).to_dict("records")
    [{'Sector': 'Academia', 'Estados': 'Oaxaca; Jalisco'}]
    """
    named = df.index.name is not None or isinstance(df.index, pd.MultiIndex)
    out = df.reset_index() if index or named else df.reset_index(drop=True)
    out = out.drop(columns=[c for c in out.columns if c in HIDDEN_COLUMNS], errors="ignore")
    for col, voc in (vocabularies or {}).items():
        if col not in out.columns:
            continue
        v = voc if isinstance(voc, vocab.Vocabulary) else vocab.VOCABULARIES[voc]
        out[col] = out[col].map(
            lambda x, v=v: (
                [v.label(str(i), lang) for i in x]
                if isinstance(x, (list, tuple))
                else ("" if _blank(x) else v.label(str(x), lang))
            )
        )
    decimal = _decimal_symbol(lang)  # "2,42" on a Portuguese page
    for col in out.columns:
        out[col] = out[col].map(lambda x: _cell_text(x, decimal))
    names = {**COLUMN_LABELS, **(labels or {})}
    out.columns = [_header(c, names, lang) for c in out.columns]
    return out


def table_markup(df: pd.DataFrame, escape: bool = True, print_rows: int | None = None) -> str:
    """A formatted table (format_table) as HTML: header cells with scope, numbers right-aligned.

    Rows after `print_rows` are marked to stay off the printout.

    >>> table_markup(pd.DataFrame({"Name": ["<b>A</b>"], "N": ["3"]}))  # doctest: +NORMALIZE_WHITESPACE
    '<table class="pl-table"><thead><tr><th scope="col">Name</th><th scope="col" class="num">N</th></tr></thead><tbody><tr><td>&lt;b&gt;A&lt;/b&gt;</td><td class="num">3</td></tr></tbody></table>'
    """
    cell = _e if escape else str
    numeric = [_numeric_column(df.iloc[:, i]) for i in range(df.shape[1])]
    num = [' class="num"' if n else "" for n in numeric]
    head = "".join(f'<th scope="col"{num[i]}>{_e(c)}</th>' for i, c in enumerate(df.columns))
    rows = []
    for r, values in enumerate(df.itertuples(index=False, name=None)):
        mark = ' class="pl-print-cut"' if print_rows is not None and r >= print_rows else ""
        tds = "".join(f"<td{num[i]}>{'' if _blank(v) else cell(v)}</td>" for i, v in enumerate(values))
        rows.append(f"<tr{mark}>{tds}</tr>")
    return f'<table class="pl-table"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def json_island(value: object) -> str:
    r"""JSON to place inside <script type="application/json">: "</" and U+2028/9 escaped.

    >>> print(json_island({"a": "</script><b>", "b": "\u2028"}))
    {"a": "<\/script><b>", "b": "\u2028"}
    """
    import json

    text = json.dumps(value, ensure_ascii=False)
    return text.replace("</", "<\\/").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def csv_separator(lang: str) -> str:
    """The field separator a spreadsheet of the language expects: ";" where the decimal mark is a comma.

    >>> csv_separator("en"), csv_separator("es"), csv_separator("pt")
    (',', ',', ';')
    """

    return ";" if _decimal_symbol(lang) == "," else ","


def _numeric_column(col: pd.Series) -> bool:
    values = [str(v) for v in col if not _blank(v) and str(v) != ""]
    return bool(values) and all(_NUMBER.fullmatch(v) for v in values)


_NUMBER = re.compile(r"[-+\u2212]?\d[\d,\u00a0]*(\.\d+)?(\s?%)?")

# ---------------------------------------------------------------------------------------


def _setup_figures() -> None:
    """Inline PNG figures in the house style, whatever MPLBACKEND says (Agg would drop them)."""
    from partnerlab.plots.common import apply_style

    try:
        from IPython import get_ipython

        ip = get_ipython()
        if ip is not None:
            ip.run_line_magic("matplotlib", "inline")
            ip.run_line_magic("config", "InlineBackend.figure_formats = ['png']")
            ip.run_line_magic(
                "config", "InlineBackend.print_figure_kwargs = {'bbox_inches': 'tight', 'metadata': {'Software': None}}"
            )
    except Exception:  # outside IPython: nothing to set up
        pass
    apply_style()


_FOLLOWERS: list[tuple] = []  # (shell, callback) of the page whose run details follow its cells


def _html(markup: str) -> None:
    from IPython.display import HTML, display

    display(HTML(markup))


def _noprint(printed: bool) -> str:
    return "" if printed else " pl-noprint"


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _blank(x: object) -> bool:
    if x is None or x is pd.NA or x is pd.NaT:
        return True
    return isinstance(x, float) and x != x


def _fmt(v: object) -> str:
    if _blank(v) or (isinstance(v, float) and v in (float("inf"), float("-inf"))):
        return "—"
    if isinstance(v, float):
        return f"{v:,.0f}" if v == int(v) and abs(v) >= 1000 else _number(v)
    if isinstance(v, (pd.Timestamp, dt.datetime)):
        return v.date().isoformat()
    if isinstance(v, (list, tuple)):
        return "; ".join(str(i) for i in v)
    return str(v)


def _decimal_symbol(lang: str) -> str:
    from babel.numbers import get_decimal_symbol

    return get_decimal_symbol(i18n.translator(lang).locale)


def _cell_text(x: object, decimal: str = ".") -> object:
    if isinstance(x, (list, tuple, set)):
        return "; ".join(_fmt(i) for i in x)
    if _blank(x):
        return ""
    if isinstance(x, bool):
        return x
    if isinstance(x, float) or (hasattr(x, "dtype") and getattr(x.dtype, "kind", "") == "f"):
        return _number(float(x)).replace(".", decimal)
    if isinstance(x, (pd.Timestamp, dt.datetime)):
        return x.date().isoformat().replace("-", NBH)
    if isinstance(x, dt.date):
        return x.isoformat().replace("-", NBH)
    return x


def _number(x: float) -> str:
    """A number as a reader wants it: whole numbers without decimals, others with at most two.

    >>> _number(138.0), _number(9.6), _number(1.23456), _number(12345.0)
    ('138', '9.6', '1.23', '12345')
    """
    if x != x:
        return ""
    if x == int(x):
        return str(int(x))
    return f"{x:.2f}".rstrip("0").rstrip(".")


def _header(col: object, names: dict, lang: str) -> str:
    name = names.get(col)
    if isinstance(name, tuple):
        raise TypeError(f"the header of column {col!r} is an English msgid, not a pair: {name!r}")
    if name:
        return i18n.gettext(name, lang)
    return str(col).replace("_", " ").capitalize() if isinstance(col, str) else str(col)
