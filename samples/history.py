"""Three yearly snapshots of the bundled sample (2023, 2024, 2025) for the changes report.

The 2025 snapshot holds the current sample's tables (`portfolio.build_sample_tables`); the
earlier ones are derived from them by fixed edits, so the history is reproducible and
changes whenever the sample does:

- what the sample dates is taken back to each year's as-of date (30 June): ties that start
  later are dropped and later ends blanked; partnerships that start later are dropped and a
  later end is blanked (a partnership closed since was active); screenings, value
  assessments and quality assessments dated later are dropped, and so is a decision taken
  later;
- fewer partners: a few stakeholders joined the map only later (`_JOINED`);
- grid moves: real institutions only ever move *up* into the critical group
  (`_SCORES`); the one move down belongs to a fictional organisation;
- a renamed stakeholder and an id that changed (matched by name in the report);
- a red flag not yet found: an earlier clean screening of a fictional foundation;
- less action plan progress, and a smaller survey (2024) or none (2023).

Every negative finding of the history (a red flag, a drop out of the critical group, a
decline) belongs to a fictional organisation, as in the sample itself.

Write the files with ``python -m samples.history`` (``make sample`` does):
data/raw/sample_history/portfolio_2023.xlsx, ..._2024.xlsx, ..._2025.xlsx.

>>> tables, about = build_history_tables(2024)
>>> about["as_of"].isoformat(), "CONSEJO_QRO" in {r["id"] for r in tables["stakeholders"]}
('2024-06-30', False)
"""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path

from partnerlab import paths, vocab
from samples import portfolio

__all__ = ["YEARS", "HISTORY_DIR", "build_history_tables", "history_path", "write_history"]

YEARS = (2023, 2024, 2025)
HISTORY_DIR = paths.DATA_RAW / "sample_history"

# Stakeholders that joined the map in a later year: year -> ids first mapped that year.
_JOINED = {2025: ("CONSEJO_QRO", "IETS", "FRONTERASUR"), 2024: ("MERIDA", "UADY", "NOTISURESTE", "INTERRELIG")}
# (influence, interest) in an earlier year: id -> {year: scores}. Real institutions only move up.
_SCORES = {
    "CONAGO": {2024: (4, 3), 2023: (4, 3)},  # enters the critical group in 2025
    "UNAM": {2024: (5, 3), 2023: (5, 3)},  # enters the critical group in 2025
    "TEC": {2023: (3, 5)},  # enters the critical group in 2024
    "INMUJERES": {2023: (2, 4)},
    "ALTAMIRA": {2024: (5, 5), 2023: (4, 5)},  # fictional: its interest falls in 2025
}
_RENAMED = {"PACTO": {2024: "Red del Pacto Mundial México", 2023: "Red del Pacto Mundial México"}}
_OLD_IDS = {"SDSN_MX": {2023: "SDSNMEX"}}  # the id the analysts used then
_EARLIER_SCREENINGS = [("SENDERO", dt.date(2023, 9, 4), "Grupo de Resultados 2", "Evaluación inicial", {})]
_PLAN_SETBACK = {2024: 20, 2023: 40}  # percentage points of progress not yet made


def build_history_tables(year: int) -> tuple[dict[str, list[dict]], dict]:
    """The sample's tables and about sheet as they stood at 30 June of `year`.

    Args:
        year: One of `YEARS`.

    Returns:
        (rows per sheet key as `portfolio.build_sample_tables` gives them, about fields).
    """
    if year not in YEARS:
        raise ValueError(f"the sample history has the years {YEARS}, not {year}")
    tables = copy.deepcopy(portfolio.build_sample_tables())
    about = {**portfolio.sample_about(), "as_of": dt.date(year, 6, 30) if year != 2025 else portfolio.AS_OF}
    if year == YEARS[-1]:
        return tables, about
    as_of = about["as_of"]
    present = {r["id"] for r in tables["stakeholders"]}  # the sample may change: edit only what it has
    tables["due_diligence"] = _with_earlier_screenings(tables["due_diligence"], present)
    _take_back_dates(tables, as_of)
    gone = {sid for y, ids in _JOINED.items() if y > year for sid in ids}
    _drop_stakeholders(tables, gone)
    for row in tables["stakeholders"]:
        scores = _SCORES.get(row["id"], {}).get(year)
        if scores:
            row["influence"], row["interest"] = scores
        row["name"] = _RENAMED.get(row["id"], {}).get(year, row["name"])
    for new_id, old in _OLD_IDS.items():
        if year in old:
            _rename_id(tables, new_id, old[year])
    _set_back_plan(tables["action_plan"], _PLAN_SETBACK[year], year)
    tables["survey_responses"] = (
        [r for i, r in enumerate(tables["survey_responses"]) if i % 4 != 3] if year == 2024 else []
    )
    if year == 2023:
        tables["survey_questions"] = []
    return tables, about


def history_path(year: int, folder: Path = HISTORY_DIR) -> Path:
    """Where the snapshot of a year is written."""
    return Path(folder) / f"portfolio_{year}.xlsx"


def write_history(folder: str | Path = HISTORY_DIR) -> list[Path]:
    """Write the three snapshots with the template writer; returns their paths."""
    from partnerlab.template import write_workbook

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for year in YEARS:
        tables, about = build_history_tables(year)
        written.append(write_workbook(history_path(year, folder), tables, lang=portfolio.LANG, about=about))
    return written


# ---------------------------------------------------------------------------------------


def _key(vocabulary: vocab.Vocabulary, value: object) -> str | None:
    return vocabulary.lookup(value) if value else None


def _take_back_dates(tables: dict[str, list[dict]], as_of: dt.date) -> None:
    year = as_of.year
    ties = []
    for t in tables["ties"]:
        if t.get("since") and int(t["since"]) > year:
            continue
        if t.get("until") and int(t["until"]) > year:
            t["until"] = None
        ties.append(t)
    tables["ties"] = ties
    parts = []
    for p in tables["partnerships"]:
        if p.get("start") and p["start"] > as_of:
            continue
        if p.get("end") and p["end"] > as_of:
            p["end"] = None
            if _key(vocab.PARTNERSHIP_STATUSES, p.get("status")) == "closed":
                p["status"] = vocab.PARTNERSHIP_STATUSES.label("active", portfolio.LANG)
        parts.append(p)
    tables["partnerships"] = parts
    for key in ("due_diligence", "value_assessment", "quality_assessment"):
        tables[key] = [r for r in tables[key] if not (r.get("assessed_on") and r["assessed_on"] > as_of)]
    for r in tables["value_assessment"]:
        if r.get("decision_date") and r["decision_date"] > as_of:
            r["decision"], r["decision_date"] = "", None
    kept = {p["id"] for p in parts} | {s["id"] for s in tables["stakeholders"]}
    tables["value_assessment"] = [r for r in tables["value_assessment"] if r["subject"] in kept]
    tables["quality_assessment"] = [r for r in tables["quality_assessment"] if r["partnership"] in kept]
    _refill_partners(tables)


def _drop_stakeholders(tables: dict[str, list[dict]], gone: set[str]) -> None:
    tables["stakeholders"] = [s for s in tables["stakeholders"] if s["id"] not in gone]
    tables["ties"] = [t for t in tables["ties"] if t["source"] not in gone and t["target"] not in gone]
    for p in tables["partnerships"]:
        p["members"] = "; ".join(m for m in p["members"].split("; ") if m and m not in gone)
    tables["partnerships"] = [p for p in tables["partnerships"] if p["lead"] not in gone]
    tables["due_diligence"] = [r for r in tables["due_diligence"] if r["stakeholder"] not in gone]
    tables["value_assessment"] = [r for r in tables["value_assessment"] if r["subject"] not in gone]
    _refill_partners(tables)


def _rename_id(tables: dict[str, list[dict]], new_id: str, old_id: str) -> None:
    swap = lambda x: old_id if x == new_id else x  # noqa: E731
    for s in tables["stakeholders"]:
        s["id"] = swap(s["id"])
        s["partners"] = "; ".join(swap(p) for p in s["partners"].split("; ") if p)
    for t in tables["ties"]:
        t["source"], t["target"] = swap(t["source"]), swap(t["target"])
    for p in tables["partnerships"]:
        p["lead"] = swap(p["lead"])
        p["members"] = "; ".join(swap(m) for m in p["members"].split("; ") if m)
    for r in tables["due_diligence"]:
        r["stakeholder"] = swap(r["stakeholder"])
    for r in tables["value_assessment"]:
        r["subject"] = swap(r["subject"])


def _refill_partners(tables: dict[str, list[dict]]) -> None:
    """partners lists keep only ties still in the snapshot (as portfolio._fill_partners builds them)."""
    active = {(t["source"], t["target"]) for t in tables["ties"]}
    for s in tables["stakeholders"]:
        s["partners"] = "; ".join(p for p in s["partners"].split("; ") if p and (s["id"], p) in active)


def _with_earlier_screenings(rows: list[dict], present: set[str]) -> list[dict]:
    """The current screenings plus the earlier clean ones the later screenings replaced."""
    extra = []
    for sid, day, assessor, notes, deviations in _EARLIER_SCREENINGS:
        if sid not in present:
            continue
        row = {"stakeholder": sid, "assessed_on": day, "assessor": assessor, "notes": notes}
        for i in range(1, 20):
            row[f"q{i:02d}"] = vocab.YES_NO.label(
                deviations.get(f"q{i:02d}", "yes" if i <= 4 else "no"), portfolio.LANG
            )
        extra.append(row)
    return sorted(rows + extra, key=lambda r: r["assessed_on"])


def _set_back_plan(plan: list[dict], points: int, year: int) -> None:
    """Less progress: open and recently done actions were `points` behind; a later drop had not happened."""
    statuses = vocab.ACTION_STATUSES
    for row in plan:
        status = _key(statuses, row.get("status"))
        last = max((int(y) for y in str(row["years"]).split("; ") if y), default=0)
        if status == "dropped":
            row["status"] = statuses.label("in_progress", portfolio.LANG)
        elif status == "done" and last >= year:
            row["status"], row["progress_pct"] = statuses.label("in_progress", portfolio.LANG), 100 - points
        elif status == "in_progress":
            pct = max(int(row["progress_pct"] or 0) - points, 0)
            row["progress_pct"] = pct
            if pct == 0:
                row["status"] = statuses.label("not_started", portfolio.LANG)


if __name__ == "__main__":
    for written in write_history():
        print(written)
