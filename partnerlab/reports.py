"""The default batch: every report, its notebook, its title and its fan-out, in one place.

`REPORTS` lists the reports of spec/reports.md in the order the index shows them. Each one
names its notebook (notebooks/<key>.ipynb), its title in English and Spanish, the sheets it
needs (skipped with a note when none of them has data), and a fan-out: the extra copies to
run with one parameter set (one per sector present, per critical-group stakeholder, ...).
`default_batch(wb)` turns that table into the list of `Job`s `partnerlab run` executes.

>>> [r.key for r in REPORTS]  # doctest: +NORMALIZE_WHITESPACE
['stakeholder_map', 'network', 'partner_profile', 'partnership', 'due_diligence', 'quality',
 'sector_diagnosis', 'action_plan', 'changes', 'overview']
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

from partnerlab import paths, vocab
from partnerlab.stakeholders import critical_group

__all__ = [
    "Job", "ReportDef", "Variant", "REPORTS", "default_batch", "slugify",
    "portfolio_counts", "stakeholders_by_sector", "read_listing", "listing_html",
]


@dataclass
class Job:
    """One report of a batch: a notebook run with parameters into <name>.html and <name>.ipynb.

    Attributes:
        name: Output file stem, unique in the batch (`stakeholder_map__civil_society`).
        report: The report key (the notebook's stem).
        notebook: The notebook to execute.
        title: (English, Spanish) title shown in the index and the page's tab.
        params: The report's own parameters (the batch adds workbook, lang and processed).
        needs_listing: Runs after every other job and receives `batch=<manifest path>`.
        skipped: (English, Spanish) reason when the report is not run, else None.
    """

    name: str
    report: str
    notebook: Path
    title: tuple[str, str]
    params: dict = field(default_factory=dict)
    needs_listing: bool = False
    skipped: tuple[str, str] | None = None

    def title_in(self, lang: str) -> str:
        """The title in "en" or "es"."""
        return self.title[1] if lang == "es" else self.title[0]


@dataclass(frozen=True)
class Variant:
    """One fanned-out copy of a report: its parameters, a (en, es) title suffix and a file slug."""

    params: dict
    suffix: tuple[str, str]
    slug: str


@dataclass(frozen=True)
class ReportDef:
    """A report of the default batch.

    Attributes:
        key: Report key = notebook stem.
        title: (English, Spanish) title.
        sheets: Sheet keys the report reads; skipped when none of them has data.
        fan_out: Function of the loaded workbook giving the extra variants to run.
        whole: Whether to run the report once over everything (with its default parameters).
        needs_listing: Runs last and links to the other reports (the overview).
    """

    key: str
    title: tuple[str, str]
    sheets: tuple[str, ...] = ()
    fan_out: Callable[[object], list[Variant]] | None = None
    whole: bool = True
    needs_listing: bool = False


def default_batch(wb: object | None, notebooks: Path = paths.NOTEBOOKS) -> list[Job]:
    """Every job of the default batch for a loaded workbook, skipped ones included.

    Args:
        wb: The loaded `Workbook` (docs/tables.md), or None to run each report once without
            fan-out (used before the loader exists).
        notebooks: The folder holding <report>.ipynb.

    Returns:
        Jobs in index order; the overview (needs_listing) last.
    """
    jobs: list[Job] = []
    for rep in REPORTS:
        notebook = notebooks / f"{rep.key}.ipynb"
        skip = _skip_reason(rep, wb, notebook)
        if skip:
            jobs.append(Job(rep.key, rep.key, notebook, rep.title, {}, rep.needs_listing, skip))
            continue
        variants = rep.fan_out(wb) if (rep.fan_out and wb is not None) else []
        if rep.whole or not variants:
            if not rep.whole:  # a pure fan-out with nothing to fan out over
                jobs.append(Job(rep.key, rep.key, notebook, rep.title, {}, rep.needs_listing, _NOTHING_TO_FAN))
                continue
            jobs.append(Job(rep.key, rep.key, notebook, rep.title, {}, rep.needs_listing))
        for v in variants:
            title = (f"{rep.title[0]}: {v.suffix[0]}", f"{rep.title[1]}: {v.suffix[1]}")
            jobs.append(Job(f"{rep.key}__{v.slug}", rep.key, notebook, title, dict(v.params), rep.needs_listing))
    _dedupe_names(jobs)
    listing = [j for j in jobs if j.needs_listing]
    return [j for j in jobs if not j.needs_listing] + listing


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


def portfolio_counts(wb) -> pd.DataFrame:
    """How many records each sheet holds, for the overview.

    Returns:
        Columns `sheet` (key), `records_en`, `records_es` (labels) and `records` (count).
    """
    rows = [(key, en, es, len(getattr(wb, key, ()))) for key, (en, es) in RECORD_LABELS.items()]
    return pd.DataFrame(rows, columns=["sheet", "records_en", "records_es", "records"])


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
    return pd.DataFrame({
        "sector": [vocab.SECTORS.label(k, lang) for k in keys],
        "stakeholders": [int(counts[k]) for k in keys],
        "share_pct": [round(100 * counts[k] / total, 1) for k in keys],
    })


def read_listing(path: str | Path) -> list[dict]:
    """The other reports of a batch, from the manifest `partnerlab run` hands the overview.

    Returns:
        The manifest's report records, without the reports that list the others.
    """
    doc = json.loads(Path(path).read_text(encoding="utf-8"))
    listing_reports = {r.key for r in REPORTS if r.needs_listing}
    return [r for r in doc.get("reports", []) if r.get("report") not in listing_reports]


def listing_html(listing: list[dict], lang: str = "en") -> str:
    """An HTML table linking every report of the batch (relative links, all text escaped).

    >>> "&lt;b&gt;" in listing_html([{"name": "n", "title_en": "<b>", "status": "ok"}])
    True
    """
    t = _LISTING_TEXT["es" if lang == "es" else "en"]
    rows = []
    for rec in listing:
        title = html.escape(rec.get("title_es" if lang == "es" else "title_en") or rec.get("name", ""))
        status = rec.get("status", "")
        if status in ("ok", "running", "pending"):  # the overview runs last: its siblings are done
            cell = f'<a href="{html.escape(rec["name"])}.html">{title}</a>'
        else:
            cell = title
        note = rec.get("note_es" if lang == "es" else "note_en") or ""
        label = t.get(status, status)
        rows.append(f"<tr><td>{cell}</td><td>{html.escape(label)}</td><td>{html.escape(note)}</td></tr>")
    return (f'<table class="pl-listing"><thead><tr><th>{t["report"]}</th><th>{t["status"]}</th>'
            f'<th>{t["note"]}</th></tr></thead><tbody>{"".join(rows)}</tbody></table>')


RECORD_LABELS = {
    "stakeholders": ("Stakeholders", "Actores"),
    "ties": ("Ties between stakeholders", "Vínculos entre actores"),
    "partnerships": ("Partnerships", "Alianzas"),
    "due_diligence": ("Due-diligence screenings", "Revisiones de debida diligencia"),
    "value_assessment": ("Value/risk assessments", "Evaluaciones de valor/riesgo"),
    "quality_assessment": ("Quality assessments", "Evaluaciones de calidad"),
    "survey_responses": ("Survey responses", "Respuestas a la encuesta"),
    "action_plan": ("Courses of action", "Líneas de acción"),
}
_LISTING_TEXT = {
    "en": {"report": "Report", "status": "Status", "note": "Note", "ok": "ready", "skipped": "skipped",
           "failed": "failed", "pending": "ready", "running": "ready"},
    "es": {"report": "Informe", "status": "Estado", "note": "Nota", "ok": "listo", "skipped": "omitido",
           "failed": "falló", "pending": "listo", "running": "listo"},
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
        Variant({"stakeholder": str(sid)}, (str(name), str(name)), slugify(sid))
        for sid, name in zip(group.get("id", []), group.get("name", group.get("id", [])))
        if isinstance(sid, str) and sid
    ]


def _per_assessed_partnership(wb) -> list[Variant]:
    """One quality report per partnership that has at least one assessment."""
    assessed = _present(wb.quality_assessment.get("partnership", pd.Series(dtype=object)))
    names = dict(zip(wb.partnerships.get("id", []), wb.partnerships.get("name", [])))
    order = {pid: i for i, pid in enumerate(names)}
    assessed.sort(key=lambda pid: (order.get(pid, len(order)), pid))
    return [Variant({"partnership": pid}, (str(names.get(pid) or pid),) * 2, slugify(pid)) for pid in assessed]


def _per_partnership(wb) -> list[Variant]:
    """One partnership page per partnership of the sheet, assessed or not."""
    names = dict(zip(wb.partnerships.get("id", []), wb.partnerships.get("name", [])))
    return [Variant({"partnership": pid}, (str(names.get(pid) or pid),) * 2, slugify(pid))
            for pid in _present(wb.partnerships.get("id", pd.Series(dtype=object)))]


def _per_plan_year(wb) -> list[Variant]:
    """One action-plan report per year that has scheduled actions."""
    years = sorted({int(y) for ys in wb.action_plan.get("years", []) if isinstance(ys, Iterable) for y in ys})
    return [Variant({"year": y}, (str(y), str(y)), str(y)) for y in years]


# ---------------------------------------------------------------------------------------
# The default batch, in the order of the index
# ---------------------------------------------------------------------------------------

REPORTS: tuple[ReportDef, ...] = (
    ReportDef("stakeholder_map", ("Stakeholder map", "Mapa de actores"),
              sheets=("stakeholders",), fan_out=_per_stakeholder_sector),
    ReportDef("network", ("Partnership network", "Red de alianzas"),
              sheets=("ties",)),
    ReportDef("partner_profile", ("Partner profile", "Perfil de aliado"),
              sheets=("stakeholders",), fan_out=_per_critical_stakeholder, whole=False),
    ReportDef("partnership", ("Partnership", "Alianza"),
              sheets=("partnerships",), fan_out=_per_partnership, whole=False),
    ReportDef("due_diligence", ("Due diligence and value/risk", "Debida diligencia y valor/riesgo"),
              sheets=("due_diligence", "value_assessment")),
    ReportDef("quality", ("Partnership quality", "Calidad de las alianzas"),
              sheets=("quality_assessment",), fan_out=_per_assessed_partnership),
    ReportDef("sector_diagnosis", ("Sector diagnosis", "Diagnóstico sectorial"),
              sheets=("survey_responses",), fan_out=_per_respondent_sector),
    ReportDef("action_plan", ("Action plan progress", "Avance del plan de acción"),
              sheets=("action_plan",), fan_out=_per_plan_year),
    ReportDef("changes", ("Changes since the last mapping", "Cambios desde el último mapeo"),
              sheets=("stakeholders",)),  # batch.py sets compare_to (--compare-to); else: the year before
    ReportDef("overview", ("Portfolio overview", "Panorama del portafolio"),
              needs_listing=True),
)

_NOTHING_TO_FAN = ("No stakeholder is in the critical group (high influence and high interest).",
                   "Ningún actor está en el grupo crítico (alta influencia y alto interés).")


def _skip_reason(rep: ReportDef, wb: object | None, notebook: Path) -> tuple[str, str] | None:
    if not notebook.exists():
        return (f"The notebook {notebook.name} does not exist yet.",
                f"El cuaderno {notebook.name} todavía no existe.")
    if wb is None or not rep.sheets or any(_has(wb, s) for s in rep.sheets):
        return None
    sheets = ", ".join(rep.sheets)
    plural = len(rep.sheets) > 1
    return (f"No data: the sheet{'s' if plural else ''} {sheets} {'are' if plural else 'is'} empty.",
            f"Sin datos: {'las hojas' if plural else 'la hoja'} {sheets} {'están vacías' if plural else 'está vacía'}.")


def _has(wb: object, sheet: str) -> bool:
    if hasattr(wb, "has"):
        return bool(wb.has(sheet))
    table = getattr(wb, sheet, None)
    return table is not None and len(table) > 0


def _per_vocab_key(values: pd.Series, vocabulary: vocab.Vocabulary, param: str) -> list[Variant]:
    present = set(_present(values))
    ordered = [t.key for t in vocabulary if t.key in present] + sorted(present - {t.key for t in vocabulary})
    return [
        Variant({param: key}, (vocabulary.label(key, "en"), vocabulary.label(key, "es")), slugify(key))
        for key in ordered
    ]


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
        used.add(name)
