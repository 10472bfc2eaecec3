"""The report catalogue: every report's key, title, question, sheets, parameters and fan-out, once.

`REPORTS` declares each report of spec/reports.md: its notebook (notebooks/<key>.ipynb), its
title and question (English msgids of the catalogs), the reader's group it belongs to in the
index, the sheets it reads (its page fingerprints them) and the ones it needs (skipped with a
note when none of them has data), its own parameters (the parameters cell of its notebook
beyond `COMMON_PARAMETERS`), and a fan-out: the extra copies to run with one parameter set
(one per sector present, per critical-group stakeholder, ...). The notebooks open their page
from it (`Report.open(..., report="overview")`), the batch runs `default_batch(wb)`, the index
and the overview read it.

>>> [r.key for r in REPORTS]  # doctest: +NORMALIZE_WHITESPACE
['overview', 'stakeholder_map', 'network', 'partner_profile', 'due_diligence', 'partnership',
 'quality', 'action_plan', 'sector_diagnosis', 'changes']
>>> page_title(REPORT["stakeholder_map"], {"sector": "academia"}, None, "es")
'Mapa de actores: Academia'
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from partnerlab import i18n, paths, schema, vocab
from partnerlab.i18n import N_
from partnerlab.stakeholders import critical_group

__all__ = [
    "Job",
    "ReportDef",
    "Variant",
    "REPORTS",
    "REPORT",
    "GROUPS",
    "COMMON_PARAMETERS",
    "default_batch",
    "slugify",
    "page_title",
    "entity_label",
    "batch_pages",
    "portfolio_counts",
    "stakeholders_by_sector",
    "read_listing",
    "listing_html",
]

# The parameters every report notebook has (the batch sets them); each report adds its own.
COMMON_PARAMETERS = ("workbook", "lang", "processed")


@dataclass
class Job:
    """One report of a batch: a notebook run with parameters into <name>.html and <name>.ipynb.

    Attributes:
        name: Output file stem, unique in the batch (`stakeholder_map__civil_society`).
        report: The report key (the notebook's stem).
        notebook: The notebook to execute.
        titles: The title shown in the index and the page's tab, by language code (default_batch
            gives every language of `i18n.LANGUAGES` and the pseudo-locale); a str is the title
            in every language.
        params: The report's own parameters (the batch adds workbook, lang and processed).
        needs_listing: Runs after every other job and receives `batch=<manifest path>`.
        notes: Why the report is not run, by language code; {} when it runs.
    """

    name: str
    report: str
    notebook: Path
    titles: dict | str
    params: dict = field(default_factory=dict)
    needs_listing: bool = False
    notes: dict = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        if isinstance(self.titles, str):
            self.titles = {"en": self.titles}
        if not isinstance(self.titles, dict) or not isinstance(self.notes, dict):
            raise TypeError(f"Job {self.name}: titles and notes are {{language: text}} dicts")

    @property
    def skipped(self) -> str | None:
        """Why the report is not run, in English (None when it runs)."""
        return self.note_in("en")

    def title_in(self, lang: str) -> str:
        """The title in a language (the English one for a language the job was not given)."""
        return self.titles.get(lang) or self.titles.get("en") or next(iter(self.titles.values()), self.name)

    def note_in(self, lang: str) -> str | None:
        """Why the report is skipped, in a language (None when it runs)."""
        if not self.notes:
            return None
        return self.notes.get(lang) or self.notes.get("en") or next(iter(self.notes.values()))


@dataclass(frozen=True)
class Variant:
    """One fanned-out copy of a report: its parameters and a file slug (its title comes from
    `page_title`, which names the parameter's entity)."""

    params: dict
    slug: str


@dataclass(frozen=True)
class ReportDef:
    """A report of the catalogue.

    Attributes:
        key: Report key = notebook stem.
        title: Title (an English msgid).
        question: The question the report answers (an English msgid).
        group: The reader's group of the index (a key of `GROUPS`).
        sheets: Sheet keys the report reads (its page fingerprints them).
        needs: Sheet keys of which one must hold data, else the report is skipped ({} : sheets).
        parameters: Its own parameters, beyond `COMMON_PARAMETERS`, as in its notebook.
        entity: The parameter that names the page's subject ("sector", "stakeholder", ...), if any.
        fan_out: Function of the loaded workbook giving the extra variants to run.
        whole: Whether to run the report once over everything (with its default parameters).
        needs_listing: Runs last and links to the other reports (the overview).
    """

    key: str
    title: str
    question: str
    group: str
    sheets: tuple[str, ...] = ()
    needs: tuple[str, ...] = ()
    parameters: tuple[str, ...] = ()
    entity: str | None = None
    fan_out: Callable[[object], list[Variant]] | None = None
    whole: bool = True
    needs_listing: bool = False

    def title_in(self, lang: str) -> str:
        """The title in a language."""
        return i18n.gettext(self.title, lang)


def default_batch(wb: object | None, notebooks: Path = paths.NOTEBOOKS) -> list[Job]:
    """Every job of the default batch for a loaded workbook, skipped ones included.

    Args:
        wb: The loaded `Workbook` (docs/tables.md), or None to run each report once without
            fan-out (used before the loader exists).
        notebooks: The folder holding <report>.ipynb.

    Returns:
        Jobs in catalogue order; the overview (needs_listing) last.
    """
    jobs: list[Job] = []
    for rep in REPORTS:
        notebook = notebooks / f"{rep.key}.ipynb"
        skip = _skip_reason(rep, wb, notebook)
        if skip:
            jobs.append(_job(rep, rep.key, notebook, {}, wb, skip))
            continue
        variants = rep.fan_out(wb) if (rep.fan_out and wb is not None) else []
        if rep.whole or not variants:
            if not rep.whole:  # a pure fan-out with nothing to fan out over
                jobs.append(_job(rep, rep.key, notebook, {}, wb, _nothing_to_fan))
                continue
            jobs.append(_job(rep, rep.key, notebook, {}, wb))
        for v in variants:
            jobs.append(_job(rep, f"{rep.key}__{v.slug}", notebook, dict(v.params), wb))
    _dedupe_names(jobs)
    listing = [j for j in jobs if j.needs_listing]
    return [j for j in jobs if not j.needs_listing] + listing


def _job(
    rep: ReportDef, name: str, notebook: Path, params: dict, wb: object | None, skip: Callable[[str], str] | None = None
) -> Job:
    langs = (*i18n.LANGUAGES, i18n.PSEUDO)
    titles = {lang: page_title(rep, params, wb, lang) for lang in langs}
    notes = {lang: skip(lang) for lang in langs} if skip else {}
    return Job(name, rep.key, notebook, titles, params, rep.needs_listing, notes)


def page_title(rep: ReportDef, params: dict | None, wb: object | None, lang: str) -> str:
    """The title of a page: the report's title, then the entity its parameters name
    ("Sector diagnosis: Academia"); the bare title when the page covers everything."""
    title = i18n.gettext(rep.title, lang)
    entity = entity_label(rep, params or {}, wb, lang)
    _ = i18n.translator(lang)
    return _("{report}: {entity}", report=title, entity=entity) if entity else title


def entity_label(rep: ReportDef, params: dict, wb: object | None, lang: str) -> str:
    """The name of the entity a page is about, in the language ("" when it covers everything).

    A sector key (or label) gives its label, a stakeholder or partnership id its name from the
    workbook (the id itself when the workbook does not list it), a year itself.
    """
    value = params.get(rep.entity) if rep.entity else None
    if value in (None, "", 0) or (isinstance(value, float) and value != value):
        return ""
    if rep.entity == "sector":  # a key or a label, as every report parameter; an unknown one raises UnknownTerm
        return i18n.translator(lang).label(vocab.SECTORS, vocab.SECTORS.key_of(value))
    if rep.entity in ("stakeholder", "partnership") and wb is not None:
        table = getattr(wb, rep.entity + "s", None)
        if table is not None and len(table) and "id" in table and "name" in table:
            name = _names(table).get(str(value))
            if isinstance(name, str) and name.strip():
                return name.strip()
    return str(value)


_NAMES: dict[int, tuple[object, dict]] = {}  # id(table) -> (the table, kept so the id stays its own; id -> name)


def _names(table) -> dict:
    """id -> name of a stakeholders or partnerships table, built once per table: a batch titles
    one page per stakeholder, and rebuilding it per page made planning quadratic (10,000
    stakeholders: 16 s; 100,000: most of an hour)."""
    hit = _NAMES.get(id(table))
    if hit is None or hit[0] is not table:
        if len(_NAMES) >= 4:
            _NAMES.pop(next(iter(_NAMES)))
        hit = _NAMES[id(table)] = (table, dict(zip(table["id"].astype(str), table["name"])))
    return hit[1]


def batch_pages(wb: object | None, notebooks: Path = paths.NOTEBOOKS) -> dict[str, dict]:
    """The pages of the default batch about one stakeholder or one partnership, and the copies of
    each fanned-out report.

    Returns:
        {"stakeholder": {id: page stem}, "partnership": {id: page stem},
        "copies": {report key: {page stem: its parameters}}}; {} without a workbook.
    """
    if wb is None:
        return {}
    pages: dict[str, dict] = {"stakeholder": {}, "partnership": {}, "copies": {}}
    for job in default_batch(wb, notebooks):
        if job.skipped:
            continue
        for param in ("stakeholder", "partnership"):
            if job.report in ("partner_profile", "partnership") and job.params.get(param):
                pages[param].setdefault(str(job.params[param]), job.name)
        if job.params:
            pages["copies"].setdefault(job.report, {})[job.name] = job.params
    return pages


def slugify(text: object) -> str:
    """A file-name-safe slug: ASCII lower case, digits, _ and -.

    >>> slugify("Sociedad Civil / Querétaro")
    'sociedad-civil-queretaro'
    >>> slugify("SH-001")
    'sh-001'
    """
    s = unicodedata.normalize("NFKD", str(text))
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).lower()
    s = re.sub(r"[^a-z0-9_]+", "-", s).strip("-_")
    return s[:60] or "x"


def portfolio_counts(wb, lang: str = "en") -> pd.DataFrame:
    """How many records each sheet holds, for the overview.

    Returns:
        Columns `sheet` (key), `label` (in the language) and `records` (count).
    """
    rows = [(key, i18n.gettext(label, lang), len(getattr(wb, key, ()))) for key, label in RECORD_LABELS.items()]
    return pd.DataFrame(rows, columns=["sheet", "label", "records"])


def stakeholders_by_sector(stakeholders: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """Stakeholders per sector (vocabulary order) with their share, for the overview.

    >>> stakeholders_by_sector(pd.DataFrame({"sector": ["academia", "academia", "federal_government"]}))
                   sector  stakeholders  share_pct
    0  Federal government             1       33.3
    1            Academia             2       66.7
    """
    counts = stakeholders.get("sector", pd.Series(dtype=object)).dropna().value_counts()
    keys = [t.key for t in vocab.SECTORS if t.key in counts.index]
    keys += sorted(set(counts.index) - set(keys))
    total = int(counts.sum()) or 1
    _ = i18n.translator(lang)
    return pd.DataFrame(
        {
            "sector": [_.label(vocab.SECTORS, k) for k in keys],
            "stakeholders": [int(counts[k]) for k in keys],
            "share_pct": [round(100 * counts[k] / total, 1) for k in keys],
        }
    )


def read_listing(path: str | Path) -> list[dict]:
    """The other reports of a batch, from the manifest `partnerlab run` hands the overview.

    Returns:
        The manifest's report records, without the reports that list the others.
    """
    doc = json.loads(Path(path).read_text(encoding="utf-8"))
    listing_reports = {r.key for r in REPORTS if r.needs_listing}
    return [r for r in doc.get("reports", []) if r.get("report") not in listing_reports]


def record_title(rec: dict, lang: str) -> str:
    """The title of a manifest record in a language (the batch's own title, else the English one)."""
    titles = rec.get("titles") or {}
    return titles.get(lang) or rec.get("title") or titles.get("en") or rec.get("name", "")


def record_note(rec: dict, lang: str) -> str:
    """Why a manifest record's report was skipped, in a language ("" when it ran)."""
    notes = rec.get("notes") or {}
    return notes.get(lang) or rec.get("note") or notes.get("en") or ""


def listing_html(listing: list[dict], lang: str = "en") -> str:
    """An HTML table linking every report of the batch (relative links, all text escaped).

    >>> "&lt;b&gt;" in listing_html([{"name": "n", "titles": {"en": "<b>"}, "status": "ok"}])
    True
    """
    _ = i18n.translator(lang)
    rows = []
    for rec in listing:
        title = html.escape(record_title(rec, lang))
        status = rec.get("status", "")
        if status in ("ok", "running", "pending"):  # the overview runs last: its siblings are done
            cell = f'<a href="{html.escape(rec["name"])}.html">{title}</a>'
        else:
            cell = title
        note = record_note(rec, lang)
        label = _(_LISTING_STATUS[status]) if status in _LISTING_STATUS else status
        rows.append(f"<tr><td>{cell}</td><td>{html.escape(label)}</td><td>{html.escape(note)}</td></tr>")
    return (
        f'<table class="pl-listing"><thead><tr><th>{html.escape(_("Report"))}</th>'
        f"<th>{html.escape(_('Status'))}</th><th>{html.escape(_('Note'))}</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


RECORD_LABELS = {
    "stakeholders": N_("Stakeholders"),
    "ties": N_("Ties between stakeholders"),
    "partnerships": N_("Partnerships"),
    "due_diligence": N_("Due-diligence screenings"),
    "value_assessment": N_("Value/risk assessments"),
    "quality_assessment": N_("Quality assessments"),
    "survey_responses": N_("Survey responses"),
    "action_plan": N_("Courses of action"),
}
_LISTING_STATUS = {
    "ok": N_("ready"),
    "skipped": N_("skipped"),
    "failed": N_("failed"),
    "pending": N_("ready"),
    "running": N_("ready"),
}

# The reader's groups of the index, in order: key -> heading (an English msgid).
GROUPS: dict[str, str] = {
    "start": N_("Start here"),
    "partners": N_("Stakeholders and partners"),
    "partnerships": N_("Partnerships"),
    "portfolio": N_("Portfolio"),
    "change": N_("Change"),
}


# ---------------------------------------------------------------------------------------
# Fan-outs: which copies of a report the default batch runs
# ---------------------------------------------------------------------------------------


def _per_stakeholder_sector(wb) -> list[Variant]:
    """One stakeholder map per sector that has stakeholders."""
    return _per_vocab_key(wb.stakeholders.get("sector", pd.Series(dtype=object)), vocab.SECTORS, "sector")


def _per_respondent_sector(wb) -> list[Variant]:
    """One sector diagnosis per sector of respondent present in the survey."""
    return _per_vocab_key(wb.survey_responses.get("sector", pd.Series(dtype=object)), vocab.SECTORS, "sector")


def _per_critical_stakeholder(wb) -> list[Variant]:
    """One partner profile per stakeholder of the critical group (high influence and interest)."""
    group = critical_group(wb.stakeholders)
    return [
        Variant({"stakeholder": str(sid)}, slugify(sid)) for sid in group.get("id", []) if isinstance(sid, str) and sid
    ]


def _per_assessed_partnership(wb) -> list[Variant]:
    """One quality report per partnership that has at least one assessment."""
    assessed = _present(wb.quality_assessment.get("partnership", pd.Series(dtype=object)))
    order = {pid: i for i, pid in enumerate(wb.partnerships.get("id", []))}
    assessed.sort(key=lambda pid: (order.get(pid, len(order)), pid))
    return [Variant({"partnership": pid}, slugify(pid)) for pid in assessed]


def _per_partnership(wb) -> list[Variant]:
    """One partnership page per partnership of the sheet, assessed or not."""
    return [
        Variant({"partnership": pid}, slugify(pid))
        for pid in _present(wb.partnerships.get("id", pd.Series(dtype=object)))
    ]


def _per_plan_year(wb) -> list[Variant]:
    """One action-plan report per year that has scheduled actions."""
    years = sorted({int(y) for ys in wb.action_plan.get("years", []) if isinstance(ys, Iterable) for y in ys})
    return [Variant({"year": y}, str(y)) for y in years]


# ---------------------------------------------------------------------------------------
# The catalogue, in the order of the index
# ---------------------------------------------------------------------------------------

REPORTS: tuple[ReportDef, ...] = (
    ReportDef(
        "overview",
        N_("Portfolio overview"),
        N_("What does a head of agency need to know about the portfolio today, and where is the evidence?"),
        "start",
        sheets=schema.TABLE_KEYS,
        parameters=("batch",),
        needs_listing=True,
    ),
    ReportDef(
        "stakeholder_map",
        N_("Stakeholder map"),
        N_("Who are the stakeholders, by sector and state, and where do they sit on the influence-interest grid?"),
        "partners",
        sheets=("stakeholders", "partnerships"),
        needs=("stakeholders",),
        parameters=("sector", "state", "threshold"),
        entity="sector",
        fan_out=_per_stakeholder_sector,
    ),
    ReportDef(
        "network",
        N_("Partnership network"),
        N_("Who is tied to whom, who bridges sectors and where are the silos?"),
        "partners",
        sheets=("stakeholders", "ties", "partnerships"),
        needs=("ties",),
        parameters=("sector", "focus", "min_strength", "compare_year"),
        entity="sector",
    ),
    ReportDef(
        "partner_profile",
        N_("Partner profile"),
        N_("What do we know about one stakeholder of the critical group, and may we go ahead with it?"),
        "partners",
        sheets=("stakeholders", "ties", "partnerships", "due_diligence", "value_assessment", "quality_assessment"),
        needs=("stakeholders",),
        parameters=("stakeholder", "max_age_days"),
        entity="stakeholder",
        fan_out=_per_critical_stakeholder,
        whole=False,
    ),
    ReportDef(
        "due_diligence",
        N_("Due diligence and value/risk"),
        N_("Which partners were screened, with what outcome, and which decision do value and risk suggest?"),
        "partners",
        sheets=("stakeholders", "due_diligence", "value_assessment"),
        needs=("due_diligence", "value_assessment"),
        parameters=("max_age_days",),
    ),
    ReportDef(
        "partnership",
        N_("Partnership"),
        N_("Where does one partnership stand: partners, screening, quality, actions and alerts?"),
        "partnerships",
        sheets=(
            "partnerships",
            "stakeholders",
            "due_diligence",
            "value_assessment",
            "quality_assessment",
            "action_plan",
            "ties",
        ),
        needs=("partnerships",),
        parameters=("partnership", "max_age_days"),
        entity="partnership",
        fan_out=_per_partnership,
        whole=False,
    ),
    ReportDef(
        "quality",
        N_("Partnership quality"),
        N_("How do the partnerships score on the six quality dimensions, and which fall short?"),
        "partnerships",
        sheets=("partnerships", "quality_assessment"),
        needs=("quality_assessment",),
        parameters=("partnership",),
        entity="partnership",
        fan_out=_per_assessed_partnership,
    ),
    ReportDef(
        "action_plan",
        N_("Action plan progress"),
        N_("How far along are the courses of action of the strategy, and which are late?"),
        "portfolio",
        sheets=("action_plan", "partnerships"),
        needs=("action_plan",),
        parameters=("year",),
        entity="year",
        fan_out=_per_plan_year,
    ),
    ReportDef(
        "sector_diagnosis",
        N_("Sector diagnosis"),
        N_("What do the sectors say about partnering with the UN: ratings, challenges, expectations?"),
        "portfolio",
        sheets=("survey_questions", "survey_responses"),
        needs=("survey_responses",),
        parameters=("sector",),
        entity="sector",
        fan_out=_per_respondent_sector,
    ),
    ReportDef(
        "changes",
        N_("Changes since the last mapping"),
        N_("What changed since the last mapping: stakeholders, ties, partnerships and their standing?"),
        "change",
        sheets=(
            "stakeholders",
            "ties",
            "partnerships",
            "due_diligence",
            "value_assessment",
            "quality_assessment",
            "survey_responses",
            "action_plan",
        ),
        needs=("stakeholders",),  # batch.py sets compare_to (--compare-to); else: the year before
        parameters=("compare_to", "compare_year", "year", "history"),
    ),
)
REPORT: dict[str, ReportDef] = {r.key: r for r in REPORTS}


def _nothing_to_fan(lang: str) -> str:
    return i18n.gettext("No stakeholder is in the critical group (high influence and high interest).", lang)


def _skip_reason(rep: ReportDef, wb: object | None, notebook: Path) -> Callable[[str], str] | None:
    if not notebook.exists():
        return lambda lang: i18n.translator(lang).n(
            "The notebook {name} does not exist yet.", "The notebook {name} does not exist yet.", 1, name=notebook.name
        )
    needs = rep.needs or rep.sheets
    if wb is None or not needs or any(_has(wb, s) for s in needs):
        return None
    sheets = ", ".join(needs)
    return lambda lang: i18n.translator(lang).n(
        "No data: the sheet {sheets} is empty.", "No data: the sheets {sheets} are empty.", len(needs), sheets=sheets
    )


def _has(wb: object, sheet: str) -> bool:
    if hasattr(wb, "has"):
        return bool(wb.has(sheet))
    table = getattr(wb, sheet, None)
    return table is not None and len(table) > 0


def _per_vocab_key(values: pd.Series, vocabulary: vocab.Vocabulary, param: str) -> list[Variant]:
    present = set(_present(values))
    ordered = [t.key for t in vocabulary if t.key in present] + sorted(present - {t.key for t in vocabulary})
    return [Variant({param: key}, slugify(key)) for key in ordered]


def _present(values: pd.Series) -> list[str]:
    """Distinct non-blank values in first-seen order."""
    seen: dict[str, None] = {}
    for v in values:
        if isinstance(v, str) and v.strip():
            seen.setdefault(v, None)
    return list(seen)


def _dedupe_names(jobs: list[Job]) -> None:
    used: set[str] = set()
    for job in jobs:
        name, n = job.name, 1
        while name in used:
            n += 1
            name = f"{job.name}-{n}"
        job.name = name
