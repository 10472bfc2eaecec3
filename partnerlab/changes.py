"""Change over time: what moved between two snapshots of a portfolio (issue 13).

Two loaded workbooks, `old` and `new` (docs/tables.md), become tidy change tables, one per
kind of change. Identical snapshots give empty tables. Rules (the report quotes them):

- **Matching stakeholders**: first by id (ignoring case, accents, spaces, hyphens and
  underscores, as the loader does); then, among the ids left on each side, by the
  likely-duplicate name rule of `partnerlab.duplicates` (the same name once case, accents,
  punctuation and common words are ignored, or one name is the other's acronym in
  brackets); such pairs are marked `matched_by = "name"`. Everything downstream speaks the
  new snapshot's ids.
- **Grid**: the quadrants of `stakeholders.quadrant` (threshold 4), then and now.
- **Ties**: the tied pairs of `network.build_tie_graph`, each snapshot as of its own
  `about.as_of` year (a tie whose `until` is before that year has ended). Pairs recorded in
  the ties sheet or a partners list are "ties"; pairs that share a partnership are "shared
  partnerships".
- **Per sector**: E-I index, Gould-Fernandez brokerage counts by role, density and connected
  components of the sector's own stakeholders (the subgraph they induce).
- **Communities**: Louvain (fixed seed) on each snapshot; a community now takes the number
  of the community then that it overlaps most (Jaccard index of their members, pairs taken
  best first, at least `MIN_JACCARD`), so "community 3" keeps its meaning; the others get
  new numbers. Communities of one stakeholder are not communities.
- **Due diligence**: the latest screening per stakeholder (`screening.latest_screenings`); a
  screening *expired in between* was at most `max_age_days` old at the old as-of date and is
  older than that at the new one.
- **Survey**: theme scores (0-1) per sector; a change is stated only where both sides have at
  least `MIN_RESPONDENTS` respondents in the sector.
- **Action plan**: progress in percentage points (`actionplan.plan_status`), each side with
  its own as-of date (so "late" follows the calendar).

>>> import pandas as pd
>>> st = pd.DataFrame({"id": ["A"], "name": ["Ana"], "sector": ["media"], "scope": [None],
...                    "influence": [4], "interest": [4]})
>>> match_stakeholders(st, st.assign(id="a-"))[["old_id", "new_id", "matched_by"]].to_dict("records")
[{'old_id': 'A', 'new_id': 'a-', 'matched_by': 'id'}]
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
from collections.abc import Mapping
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd

from partnerlab import actionplan, i18n, network, quality, screening, survey, vocab
from partnerlab.duplicates import acronym, name_key
from partnerlab.i18n import N_
from partnerlab.stakeholders import HIGH, quadrant

__all__ = [
    "MIN_RESPONDENTS",
    "MIN_JACCARD",
    "TABLES",
    "CHANGE_KINDS",
    "MEASURES",
    "TABLE_LABELS",
    "compare_workbooks",
    "match_stakeholders",
    "stakeholder_changes",
    "grid_moves",
    "critical_changes",
    "tie_changes",
    "sector_measures",
    "sector_changes",
    "match_communities",
    "community_moves",
    "screening_changes",
    "value_changes",
    "partnership_changes",
    "quality_changes",
    "plan_changes",
    "survey_changes",
    "snapshot_as_of",
    "load_snapshot",
    "summary_counts",
    "snapshot_label",
    "TREND_MEASURES",
    "load_history",
    "trend_table",
    "trend_display",
    "TABLE_TITLES",
    "EMPTY_NOTE",
    "resolve_snapshots",
    "header_params",
    "display_table",
    "summary_table",
    "sector_overview",
    "shared_partnership_summary",
    "compared_text",
    "trend_text",
    "grid_moves_alt",
    "trends_alt",
    "show_tables",
]

MIN_RESPONDENTS = 5  # respondents per sector on both sides before a survey change is stated
MIN_JACCARD = 0.2  # least member overlap for a community now to keep the number of one then
MAX_AGE_DAYS = 365  # a screening older than this is stale (as the due-diligence report)

# The change tables of compare_workbooks, in the order the report shows them.
TABLES = (
    "stakeholders_added",
    "stakeholders_removed",
    "stakeholders_renamed",
    "stakeholder_attributes",
    "grid_moves",
    "critical_group",
    "ties",
    "shared_partnerships",
    "sectors",
    "communities",
    "community_moves",
    "new_screenings",
    "screening_outcomes",
    "new_red_flags",
    "expired_screenings",
    "value_decisions",
    "partnership_status",
    "quality",
    "plan_progress",
    "newly_done",
    "newly_late",
    "survey",
)

# What each change is called (keys of the tables' change, matched_by, field, status and
# compared columns), as English msgids translated where shown.
CHANGE_KINDS: dict[str, str] = {
    "added": N_("Added"),
    "removed": N_("Removed"),
    "ended": N_("Ended"),
    "entered": N_("Entered"),
    "left": N_("Left"),
    "kept": N_("Kept"),
    "new": N_("New"),
    "dissolved": N_("Dissolved"),
    "changed": N_("Changed"),
    "id": N_("Same id"),
    "name": N_("Matched by name"),
    "sector": N_("Sector"),
    "scope": N_("Scope"),
    "compared": N_("Compared"),
    "too_few": N_("Not compared: fewer than {n} respondents on one side"),
    "not_recorded": N_("Not recorded"),
}

# The network measures of a sector (sector_measures), in the order of the report.
MEASURES: dict[str, str] = {
    "stakeholders": N_("Stakeholders"),
    "ties": N_("Ties inside the sector"),
    "ei": N_("E-I index"),
    "density": N_("Density inside the sector"),
    "components": N_("Components inside the sector"),
    "brokerage_coordinator": N_("Brokerage: coordinator"),
    "brokerage_itinerant": N_("Brokerage: itinerant"),
    "brokerage_representative": N_("Brokerage: representative"),
    "brokerage_gatekeeper": N_("Brokerage: gatekeeper"),
    "brokerage_liaison": N_("Brokerage: liaison"),
    "brokerage_total": N_("Brokerage: total"),
}

# Column headers of the change tables (msgids; rpt.table translates them).
TABLE_LABELS: dict[str, str] = {
    "id": N_("Id"),
    "name": N_("Name"),
    "old_id": N_("Id then"),
    "new_id": N_("Id now"),
    "old_name": N_("Name then"),
    "new_name": N_("Name now"),
    "matched_by": N_("Matched by"),
    "field": N_("Field"),
    "before": N_("Then"),
    "after": N_("Now"),
    "change": N_("Change"),
    "influence_before": N_("Influence then"),
    "influence_after": N_("Influence now"),
    "interest_before": N_("Interest then"),
    "interest_after": N_("Interest now"),
    "quadrant_before": N_("Grid position then"),
    "quadrant_after": N_("Grid position now"),
    "source": N_("Stakeholder"),
    "target": N_("Partner"),
    "source_name": N_("Stakeholder"),
    "target_name": N_("Partner"),
    "kinds": N_("Kinds of tie"),
    "partnerships": N_("Shared partnerships"),
    "measure": N_("Measure"),
    "community": N_("Community"),
    "size_before": N_("Members then"),
    "size_after": N_("Members now"),
    "jaccard": N_("Overlap (Jaccard)"),
    "status": N_("Status"),
    "community_before": N_("Community then"),
    "community_after": N_("Community now"),
    "stakeholder": N_("Stakeholder"),
    "assessed_on": N_("Assessed on"),
    "outcome": N_("Outcome"),
    "outcome_before": N_("Outcome then"),
    "outcome_after": N_("Outcome now"),
    "question": N_("Question"),
    "text": N_("Text"),
    "age_days_before": N_("Age then (days)"),
    "age_days_after": N_("Age now (days)"),
    "subject": N_("Subject"),
    "decision_before": N_("Decision then"),
    "decision_after": N_("Decision now"),
    "decision_date": N_("Decided on"),
    "partnership": N_("Partnership"),
    "status_before": N_("Status then"),
    "status_after": N_("Status now"),
    "dimension": N_("Dimension"),
    "level_before": N_("Level then"),
    "level_after": N_("Level now"),
    "code": N_("Code"),
    "action": N_("Course of action"),
    "progress_before": N_("Progress then (%)"),
    "progress_after": N_("Progress now (%)"),
    "gained_pp": N_("Gained (points)"),
    "last_year": N_("Last planned year"),
    "sector": N_("Sector"),
    "theme": N_("Theme"),
    "score_before": N_("Score then (0-1)"),
    "score_after": N_("Score now (0-1)"),
    "n_before": N_("Respondents then"),
    "n_after": N_("Respondents now"),
    "compared": N_("Comparison"),
    "group": N_("Group"),
    "scope": N_("Scope"),
    "quadrant": N_("Grid position"),
    "kind": N_("Kind of change"),
    "rows": N_("Rows"),
    "pairs": N_("Pairs of stakeholders"),
    **MEASURES,
}

_ALL_SECTORS = "all"  # the row of the whole network in sector tables

EMPTY_NOTE = N_("No change of this kind.")

# Heading of each change table: the report's sections and the findings workbook.
TABLE_TITLES: dict[str, str] = {
    "stakeholders_added": N_("Stakeholders added"),
    "stakeholders_removed": N_("Stakeholders no longer mapped"),
    "stakeholders_renamed": N_("Stakeholders renamed or with a new id"),
    "stakeholder_attributes": N_("Sector or scope changed"),
    "grid_moves": N_("Moves on the influence-interest grid"),
    "critical_group": N_("Entered or left the critical group"),
    "ties": N_("Ties added and ended"),
    "shared_partnerships": N_("Pairs sharing a partnership, added and ended"),
    "sectors": N_("Network measures by sector"),
    "communities": N_("Communities then and now"),
    "community_moves": N_("Stakeholders who changed community"),
    "new_screenings": N_("New due-diligence screenings"),
    "screening_outcomes": N_("Due-diligence outcomes that changed"),
    "new_red_flags": N_("New red flags"),
    "expired_screenings": N_("Screenings that expired in between"),
    "value_decisions": N_("Value/risk decisions taken"),
    "partnership_status": N_("Partnership status"),
    "quality": N_("Quality by partnership and dimension"),
    "plan_progress": N_("Action plan progress"),
    "newly_done": N_("Actions newly done"),
    "newly_late": N_("Actions newly late"),
    "survey": N_("Survey theme scores by sector"),
}


# ---------------------------------------------------------------------------------------
# Everything at once
# ---------------------------------------------------------------------------------------


def compare_workbooks(
    old: object,
    new: object,
    *,
    max_age_days: int = MAX_AGE_DAYS,
    min_respondents: int = MIN_RESPONDENTS,
    threshold: int = HIGH,
) -> dict[str, pd.DataFrame]:
    """Every change table between two snapshots.

    Args:
        old: The earlier snapshot (a loaded `Workbook`, or a mapping of sheet keys to tables
            plus "about").
        new: The later snapshot.
        max_age_days: Age after which a screening is stale.
        min_respondents: Respondents needed in a sector on both sides to state a survey change.
        threshold: Influence/interest of this or more is "high" (the grid).

    Returns:
        {table name: DataFrame} for every name of `TABLES`, in that order; all empty when
        the snapshots hold the same records.
    """
    o, n = _tables(old), _tables(new)
    match = match_stakeholders(o["stakeholders"], n["stakeholders"])
    to_new = _id_map(match)
    out = dict(stakeholder_changes(o["stakeholders"], n["stakeholders"], match))
    out["grid_moves"] = grid_moves(o["stakeholders"], n["stakeholders"], match, threshold)
    out["critical_group"] = critical_changes(o["stakeholders"], n["stakeholders"], match, threshold)
    g_old = network.build_tie_graph(_renamed_tables(o, to_new))
    g_new = network.build_tie_graph(n)
    out.update(tie_changes(g_old, g_new))
    out["sectors"] = sector_changes(sector_measures(g_old), sector_measures(g_new))
    communities, moves = _community_tables(g_old, g_new)
    out["communities"], out["community_moves"] = communities, moves
    out.update(screening_changes(o, n, to_new, max_age_days))
    out["value_decisions"] = value_changes(o, n, to_new)
    out["partnership_status"] = partnership_changes(o["partnerships"], n["partnerships"])
    out["quality"] = quality_changes(o["quality_assessment"], n["quality_assessment"])
    out.update(plan_changes(o["action_plan"], n["action_plan"], _about_date(o), _about_date(n)))
    out["survey"] = survey_changes(o, n, min_respondents)
    return {name: out[name].reset_index(drop=True) for name in TABLES}


def summary_table(changes: Mapping[str, pd.DataFrame], lang: str = "en") -> pd.DataFrame:
    """`summary_counts` with each table's title in the report's language (tables with rows only)."""
    counts = summary_counts(changes)
    counts = counts[counts["rows"] > 0].copy()
    _ = i18n.translator(lang)
    counts["table"] = [_(TABLE_TITLES[t]) if t in TABLE_TITLES else t for t in counts["table"]]
    return counts.rename(columns={"table": "kind"})


def compared_text(old: object, new: object, mode: str, lang: str = "en") -> str:
    """The report's opening sentence: the two snapshots compared, by date (in words) and file.

    >>> compared_text({"about": {"as_of": dt.date(2023, 12, 31)}}, {"about": {"as_of": dt.date(2024, 6, 30)}},
    ...               "one_workbook", "es")[:58]
    'Antes: este libro al 31 de diciembre de 2023. Ahora: al 30'
    """
    _ = i18n.translator(lang)
    then, now = snapshot_label(old, lang), snapshot_label(new, lang)
    if mode == "two_workbooks":
        return _(
            "Then: {then} (workbook {old_file}). Now: {now} (workbook {new_file}).",
            then=then,
            now=now,
            old_file=getattr(old, "name", ""),
            new_file=getattr(new, "name", ""),
        )
    return _(
        "Then: this workbook as of {then}. Now: as of {now}. One workbook holds its own history only where "
        "it records dates: ties (since, until), partnerships (start, end) and assessments; stakeholders, "
        "the survey and the action plan carry no dates, so they show no change here.",
        then=then,
        now=now,
    )


def trend_text(trend: pd.DataFrame, lang: str = "en") -> str:
    """What the trend charts show and how snapshots are ordered."""
    _ = i18n.translator(lang)
    n = int(trend["as_of"].nunique())
    return (
        _.n(
            "{n} snapshot, ordered by its as-of date (never by file name).",
            "{n} snapshots, ordered by their as-of date (never by file name).",
            n,
        )
        + " "
        + _(
            "Screened = a screening no older than {days} days at the snapshot's date; quality = the mean level of "
            "the partnerships assessed by then.",
            days=_.number(MAX_AGE_DAYS),
        )
    )


def grid_moves_alt(moves: pd.DataFrame, lang: str = "en") -> str:
    """Alt text of the grid-moves figure: how many arrows, and how many end in the critical group."""
    _ = i18n.translator(lang)
    n = len(moves.dropna(subset=["influence_before", "interest_before", "influence_after", "interest_after"]))
    critical = int((moves["quadrant_after"] == "critical").sum()) if len(moves) else 0
    return (
        _.n(
            "Influence-interest grid (1 to 5) with {n} arrow, from a stakeholder's scores then to its scores now.",
            "Influence-interest grid (1 to 5) with {n} arrows, each from a stakeholder's scores then to its "
            "scores now.",
            n,
        )
        + " "
        + _.n(
            "{n} arrow ends in the critical group (influence and interest 4 or more).",
            "{n} arrows end in the critical group (influence and interest 4 or more).",
            critical,
        )
    )


def trends_alt(trend: pd.DataFrame, lang: str = "en") -> str:
    """Alt text of the trend charts: what the panels show, over which dates, and the headline count."""
    _ = i18n.translator(lang)
    dates = sorted(set(trend["as_of"]))
    mapped = trend[(trend["measure"] == "stakeholders") & (trend["group"] == "all")].sort_values("as_of")["value"]
    text = _(
        "Five line charts across the snapshots from {first} to {last}: stakeholders and critical group, "
        "critical group screened, E-I index by sector, quality level by dimension, and action plan "
        "progress.",
        first=_.date(dates[0]) if dates else "",
        last=_.date(dates[-1]) if dates else "",
    )
    if len(mapped) >= 2:
        text += " " + _(
            "Stakeholders mapped went from {before} to {after}.",
            before=_.number(mapped.iloc[0]),
            after=_.number(mapped.iloc[-1]),
        )
    return text


def show_tables(rpt: object, changes: Mapping[str, pd.DataFrame], names: tuple[str, ...]) -> None:
    """Each change table of names on a report page under its own heading: the table (kept for the
    findings workbook), or the one line saying nothing changed. rpt is the page's `Report`."""
    for name in names:
        rpt.h3(TABLE_TITLES[name])
        if changes[name].empty:
            rpt.left_out(EMPTY_NOTE)
        else:
            rpt.table(display_table(name, changes[name], rpt.lang), labels=TABLE_LABELS)
            rpt.keep(f"changes_{name}", changes[name])


def display_table(name: str, df: pd.DataFrame, lang: str = "en", names_limit: int = 120) -> pd.DataFrame:
    """A change table ready to show: vocabulary keys as labels, question texts translated,
    long names shortened, numbers rounded, and columns the reader does not need dropped.

    Args:
        name: The table's name in `TABLES`.
        df: The table of `compare_workbooks`.
        lang: The page's language (a code of `i18n.LANGUAGES`).
        names_limit: Names longer than this are cut with an ellipsis.

    Returns:
        A copy with the columns of `TABLE_LABELS` (translate the headers with `labels=TABLE_LABELS`).
    """
    _ = i18n.translator(lang)
    out = df.copy()
    for col in [c for c in out.columns if c.endswith("name") or c == "action"]:
        out[col] = out[col].map(lambda x: _short(x, names_limit))
    for col in out.columns:
        if col in _DISPLAY_VOCABS and out[col].dtype.kind not in "fiu":  # "change" is a number in some tables
            out[col] = out[col].map(lambda x, c=col: "" if _clean(x) is None else _display_label(c, str(x), _))
    out = _table_words(name, df, out, _, lang)
    if "action" in out.columns and "code" in out.columns:  # Appendix 1 wording in the page's language
        out["action"] = [
            _short(actionplan.action_label(c, a, lang), names_limit) for c, a in zip(df["code"], df["action"])
        ]
    out = _rounded_with_dashes(out)
    drop = {
        "stakeholder_attributes": ["id"],
        "grid_moves": ["id"],
        "critical_group": ["id"],
        "new_screenings": [],
        "community_moves": ["id"],
    }.get(name, [])
    return out.drop(columns=drop).reset_index(drop=True)


def _table_words(name: str, df: pd.DataFrame, out: pd.DataFrame, _: i18n.Translator, lang: str) -> pd.DataFrame:
    """The words of one change table in the language: its own columns' keys as labels, ends dropped."""
    if name == "stakeholder_attributes":
        for col in ("before", "after"):
            out[col] = [("" if _clean(v) is None else _.label(f, str(v))) for f, v in zip(df["field"], df[col])]
    if name == "new_red_flags":
        text = {q.code: q.label(lang) for q in vocab.DUE_DILIGENCE_QUESTIONS}
        out["text"] = out["question"].map(lambda c: _short(text.get(c, c), 140))
    if name in ("ties", "shared_partnerships"):
        out = out.drop(columns=["source", "target"])
        if name == "ties":
            out["kinds"] = out["kinds"].map(
                lambda ks: ", ".join(_.label("tie_kind", k) for k in str(ks).split("; ") if k)
            )
    if name == "sectors":
        out["sector"] = out["sector"].map(lambda s: _sector_label(s, _))
        out["measure"] = out["measure"].map(lambda m: _(MEASURES[m]) if m in MEASURES else m)
    if name == "survey":
        out["sector"] = out["sector"].map(lambda s: _sector_label(s, _, survey_group=True))
        out["theme"] = out["theme"].map(lambda t: _.label("theme", t))
    if name == "quality":
        out["dimension"] = out["dimension"].map(lambda d: quality.dimension_label(d, lang))
    if name == "partnership_status":  # a partnership (feminine in Spanish and Portuguese): new, withdrawn
        out["change"] = df["change"].map(lambda c: _(_PARTNERSHIP_CHANGES[c]) if c in _PARTNERSHIP_CHANGES else c)
    return out


def _rounded_with_dashes(out: pd.DataFrame) -> pd.DataFrame:
    """Numbers rounded to 2 decimals and every blank cell a dash, never an empty or "nan" cell."""
    for col in out.columns:
        if out[col].dtype.kind == "f":
            out[col] = out[col].round(2)
    for col in out.columns:
        out[col] = pd.Series(
            ["—" if _clean(x) is None or x == "" else x for x in out[col]], index=out.index, dtype=object
        )
    return out


def shared_partnership_summary(table: pd.DataFrame, partnerships: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """Pairs added and ended through shared partnerships, one row per partnership and change.

    Returns:
        partnership, name, change (label), pairs.
    """
    cols = ["partnership", "name", "change", "pairs"]
    if table.empty:
        return _empty(cols)
    rows = table.assign(partnership=table["partnerships"].str.split("; ")).explode("partnership")
    out = rows.groupby(["partnership", "change"], sort=True).size().reset_index(name="pairs")
    names = dict(zip(partnerships.get("id", []), partnerships.get("name", [])))
    out["name"] = out["partnership"].map(lambda p: _short(names.get(p, p), 120))
    _ = i18n.translator(lang)
    out["change"] = out["change"].map(lambda c: _kind(c, _))
    return out[cols]


def sector_overview(old: object, new: object, measures: tuple[str, ...], lang: str = "en") -> pd.DataFrame:
    """Sector by measure, each cell "then → now" (or the one value when it did not move).

    Args:
        old, new: The snapshots (old ids are matched to the new ones first).
        measures: Keys of `MEASURES` to show, as columns.
        lang: Language of the sector names and headers.

    Returns:
        One row per sector ("all" first): sector (its label) and one text column per measure
        (headers: `TABLE_LABELS`).
    """
    o, n = _tables(old), _tables(new)
    to_new = _id_map(match_stakeholders(o["stakeholders"], n["stakeholders"]))
    before = sector_measures(network.build_tie_graph(_renamed_tables(o, to_new)))
    after = sector_measures(network.build_tie_graph(n))
    both = before.merge(after, on=["sector", "measure"], how="outer", suffixes=("_b", "_a"))
    both = both[both["measure"].isin(measures)]
    sectors = [s for s in [_ALL_SECTORS, *vocab.SECTORS.keys] if s in set(both["sector"])]
    _ = i18n.translator(lang)
    rows = []
    for sector in sectors:
        part = both[both["sector"] == sector].set_index("measure")
        row = {"sector": _sector_label(sector, _)}
        for m in measures:
            b = part.at[m, "value_b"] if m in part.index else math.nan
            a = part.at[m, "value_a"] if m in part.index else math.nan
            row[m] = _then_now(b, a, m, _)
        rows.append(row)
    return pd.DataFrame(rows)


def summary_counts(changes: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """How many rows each change table has (the report's opening table).

    >>> summary_counts({"ties": pd.DataFrame({"change": ["added", "ended", "added"]})}).to_dict("records")
    [{'table': 'ties', 'rows': 3, 'added': 2, 'ended': 1}]
    """
    rows = []
    for name, df in changes.items():
        counts = df["change"].value_counts() if "change" in df.columns else pd.Series(dtype=int)
        rows.append(
            {
                "table": name,
                "rows": len(df),
                "added": int(counts.get("added", 0)),
                "ended": int(counts.get("ended", 0) + counts.get("removed", 0)),
            }
        )
    return pd.DataFrame(rows, columns=["table", "rows", "added", "ended"])


def snapshot_label(wb: object, lang: str = "en") -> str:
    """How the report names a snapshot: its as-of date, else its file name.

    >>> snapshot_label({"about": {"as_of": dt.date(2024, 6, 30)}}), snapshot_label({"about": {}}, "es")
    ('June 30, 2024', 'sin fecha')
    """
    _ = i18n.translator(lang)
    as_of = _about_date(wb)
    if as_of:
        return _.date(as_of)
    path = getattr(wb, "path", None)
    return Path(path).name if path else _("no date")


# ---------------------------------------------------------------------------------------
# Snapshots: one workbook as of a year, or a saved snapshot
# ---------------------------------------------------------------------------------------


def snapshot_as_of(wb: object, year: int) -> object:
    """The snapshot of one workbook as it stood at the end of `year`, from its own dates.

    What a workbook dates is taken back: ties whose `since` is after the year are dropped
    and an `until` after it is blanked (not known yet); partnerships that start after the
    year are dropped, a later `end` is blanked and a `closed` status whose end is after the
    year becomes `active`; screenings, value assessments and quality assessments dated
    after the as-of date are dropped, and a decision dated after it is blanked. Stakeholders,
    the survey and the action plan carry no dates: they stay as they are (so they show no
    change). The as-of date becomes 31 December of `year`, or the workbook's own as-of date
    when that is earlier.

    Args:
        wb: A loaded `Workbook` (or a mapping of sheet keys to tables plus "about").
        year: The year to look back to.

    Returns:
        A `Workbook` of the same kind (a mapping when given a mapping); the input is unchanged.
    """
    about = dict(_about(wb))
    own = _about_date({"about": about})
    as_of = dt.date(int(year), 12, 31)
    if own is not None and own < as_of:
        as_of = own
    about["as_of"] = as_of
    cut = pd.Timestamp(as_of)
    t = {k: v.copy() for k, v in _tables(wb).items() if k != "about"}
    if not t["ties"].empty:
        t["ties"] = _ties_as_of(t["ties"], as_of.year)
    if not t["partnerships"].empty:
        t["partnerships"] = _partnerships_as_of(t["partnerships"], cut)
    for key in ("due_diligence", "value_assessment", "quality_assessment"):
        df = t[key]
        if not df.empty:
            t[key] = df[~(pd.to_datetime(df["assessed_on"]) > cut).fillna(False)].copy()
    if not t["value_assessment"].empty:
        _blank_later_decisions(t["value_assessment"], cut)
    t = {k: v.reset_index(drop=True) for k, v in t.items()}
    return _same_kind(wb, t, about)


def _ties_as_of(ties: pd.DataFrame, year: int) -> pd.DataFrame:
    """The ties known at the end of the year: later ones dropped, a later `until` blanked."""
    since, until = _years(ties["since"]), _years(ties["until"])
    out = ties[~(since > year).fillna(False)].copy()
    later = (until.loc[out.index] > year).fillna(False)
    out["until"] = out["until"].astype(object).where(~later, None)
    if str(ties["until"].dtype) == "Int64":
        out["until"] = out["until"].astype("Int64")
    return out


def _partnerships_as_of(parts: pd.DataFrame, cut: pd.Timestamp) -> pd.DataFrame:
    """The partnerships started by the cut: a later `end` blanked, and `closed` then `active`."""
    start, end = pd.to_datetime(parts["start"]), pd.to_datetime(parts["end"])
    out = parts[~(start > cut).fillna(False)].copy()
    later = (end.loc[out.index] > cut).fillna(False)
    out.loc[later & (out["status"] == "closed"), "status"] = "active"
    out["end"] = pd.to_datetime(out["end"]).where(~later)
    return out


def _blank_later_decisions(va: pd.DataFrame, cut: pd.Timestamp) -> None:
    """Value decisions dated after the cut blanked, in place (not taken yet)."""
    later = (pd.to_datetime(va["decision_date"]) > cut).fillna(False)
    va.loc[later, "decision"] = None
    va["decision_date"] = pd.to_datetime(va["decision_date"]).where(~later)


def _same_kind(wb: object, t: dict[str, pd.DataFrame], about: dict) -> object:
    """The tables and about as wb's kind: a mapping for a mapping, else a `Workbook` with wb's file details."""
    if isinstance(wb, Mapping):
        return {**t, "about": about}
    from partnerlab.workbook import Workbook

    return Workbook(
        wb.path,
        wb.sha256,
        about,
        t,
        list(getattr(wb, "warnings", [])),
        dict(getattr(wb, "sheet_titles", {})),
        dict(getattr(wb, "column_letters", {})),
    )


def resolve_snapshots(
    wb: object, compare_to: str = "", compare_year: int = 0, year: int = 0
) -> tuple[object, object, str]:
    """The two snapshots a changes report compares, from its parameters.

    Args:
        wb: The report's (newer) workbook.
        compare_to: The earlier snapshot: a workbook path or a folder with `workbook.pkl`;
            blank: `wb` itself as of `compare_year`.
        compare_year: Without compare_to, the year to look back to (0: the year before
            `wb`'s as-of year, else the year before this one).
        year: Without compare_to, the later year (0: `wb` as it is).

    Returns:
        (old, new, mode): mode is "two_workbooks" or "one_workbook".
    """
    if compare_to:
        return load_snapshot(compare_to), wb, "two_workbooks"
    as_of = _about_date(wb) or dt.date.today()
    new = snapshot_as_of(wb, year) if year else wb
    later = _about_date(new) or as_of
    old_year = compare_year or later.year - 1
    if old_year >= later.year:
        raise ValueError(f"compare_year {old_year} must be before the later snapshot's year {later.year}")
    return snapshot_as_of(wb, old_year), new, "one_workbook"


def header_params(old: object, new: object, mode: str, history: str = "", lang: str = "en") -> dict[str, str]:
    """What the report's header lists as its parameters: the snapshots by file and date, not by
    the batch's internal paths.

    >>> header_params({"about": {"as_of": dt.date(2024, 6, 30)}}, {"about": {}}, "one_workbook", lang="es")
    {'compare_to': '30 de junio de 2024', 'history': ''}
    """
    name = getattr(old, "name", None) if mode == "two_workbooks" else None
    label = snapshot_label(old, lang)
    history_name = ""
    if history:
        path = Path(history)
        if path.is_file():
            import json

            history_name = ", ".join(
                Path(w["path"]).name for w in json.loads(path.read_text(encoding="utf-8"))["workbooks"]
            )
        else:
            history_name = path.name
    return {"compare_to": f"{name} ({label})" if name else label, "history": history_name}


def load_snapshot(path: str | Path) -> object:
    """A snapshot to compare with: a workbook (.xlsx, validated) or a folder holding `workbook.pkl`
    (the batch's saved snapshot, contacts already blanked)."""
    from partnerlab.workbook import Workbook, load_workbook

    path = Path(path)
    if path.is_dir():
        return Workbook.load(path)
    if path.name == "workbook.pkl":
        return Workbook.load(path.parent)
    return load_workbook(path)


# ---------------------------------------------------------------------------------------
# Trends over three or more snapshots
# ---------------------------------------------------------------------------------------

TREND_MEASURES: dict[str, str] = {
    "stakeholders": N_("Stakeholders mapped"),
    "critical": N_("Critical group"),
    "critical_screened_pct": N_("Critical group screened (%)"),
    "ei": N_("E-I index"),
    "quality": N_("Quality level (0-3)"),
    "plan_progress_pct": N_("Mean action plan progress (%)"),
    "plan_done_pct": N_("Actions done (% of not dropped)"),
}


def load_history(folder: str | Path) -> list[object]:
    """Every workbook (.xlsx) of a folder, validated, ordered by `about.as_of` (never by file name).

    Args:
        folder: The folder, or the JSON listing a batch writes for it ({"workbooks": [{"path":
            ...}, ...]}: the same workbooks, each named with its sha256).

    Raises:
        ValueError: A workbook has no as-of date (it could not be placed in time), or two
            share one, or the folder holds fewer than two workbooks.
    """
    from partnerlab.workbook import load_workbook

    folder = Path(folder)
    if folder.is_file():
        import json

        files = [Path(w["path"]) for w in json.loads(folder.read_text(encoding="utf-8"))["workbooks"]]
    else:
        files = [p for p in sorted(folder.glob("*.xlsx")) if not p.name.startswith("~$")]
    books = [load_workbook(p) for p in files]
    undated = [wb.name for wb in books if _about_date(wb) is None]
    if undated:
        raise ValueError(f"no as-of date (about.as_of) in {', '.join(undated)}: cannot place it in time")
    dates = [_about_date(wb) for wb in books]
    if len(set(dates)) != len(dates):
        raise ValueError(f"two workbooks of {folder} share an as-of date")
    if len(books) < 2:
        raise ValueError(f"{folder} holds {len(books)} workbook(s); a history needs two or more")
    return sorted(books, key=_about_date)


def trend_table(snapshots: list[object], max_age_days: int = MAX_AGE_DAYS) -> pd.DataFrame:
    """Headline measures of each snapshot, for trend charts.

    Measures (keys of `TREND_MEASURES`): stakeholders mapped; critical group size; share of
    the critical group with a screening no older than `max_age_days` at the snapshot's date;
    E-I index per sector (and "all"); mean portfolio quality level per dimension; mean action
    plan progress and share done.

    Args:
        snapshots: Workbooks (or mappings) in any order; they are ordered by as-of date.
        max_age_days: A screening older than this does not count as screened.

    Returns:
        Long table: as_of (date), measure, group (sector, dimension or "all"), value (NaN
        when the snapshot has no data for it), ordered by as_of.
    """
    rows = []
    for wb in sorted(snapshots, key=lambda w: _about_date(w) or dt.date.min):
        t = _tables(wb)
        as_of = _about_date(wb)
        st = t["stakeholders"]
        crit = [r.id for r in st.itertuples(index=False) if quadrant(_int(r.influence), _int(r.interest)) == "critical"]
        latest = _latest(screening.screen(t["due_diligence"]), screening.resolve_as_of(t["about"]), max_age_days)
        fresh = {sid for sid, stale in zip(latest.index, latest["is_stale"]) if not bool(stale)}
        rows += [
            (as_of, "stakeholders", "all", float(len(st))),
            (as_of, "critical", "all", float(len(crit))),
            (
                as_of,
                "critical_screened_pct",
                "all",
                100.0 * sum(c in fresh for c in crit) / len(crit) if crit else math.nan,
            ),
        ]
        measures = sector_measures(network.build_tie_graph(t))
        for r in measures[measures["measure"] == "ei"].itertuples(index=False):
            rows.append((as_of, "ei", r.sector, r.value))
        levels = _levels(t["quality_assessment"])
        for dim in quality.DIMENSIONS:
            values = levels.loc[levels["dimension"] == dim, "level"]
            rows.append((as_of, "quality", dim, float(values.mean()) if len(values) else math.nan))
        plan = t["action_plan"]
        summary = actionplan.summary(plan, as_of or dt.date.today()) if len(plan) else {}
        rows += [
            (as_of, "plan_progress_pct", "all", summary.get("mean_progress_pct", math.nan)),
            (as_of, "plan_done_pct", "all", summary.get("done_pct", math.nan)),
        ]
    return pd.DataFrame(rows, columns=["as_of", "measure", "group", "value"])


def trend_display(trend: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """The trend table wide for reading: one row per measure and group, one column per as-of date."""
    if trend.empty:
        return _empty(["measure", "group"])
    _ = i18n.translator(lang)
    out = trend.copy()
    out["when"] = out["as_of"].map(_.date)
    order = list(dict.fromkeys(out["when"]))
    keys = list(dict.fromkeys(zip(out["measure"], out["group"])))
    wide = out.pivot(index=["measure", "group"], columns="when", values="value")
    wide = wide.reindex(index=pd.MultiIndex.from_tuples(keys, names=["measure", "group"]), columns=order)
    wide = wide.round(2).reset_index()
    wide["group"] = [_trend_group(m, g, _) for m, g in zip(wide["measure"], wide["group"])]
    wide["measure"] = wide["measure"].map(lambda m: _(TREND_MEASURES[m]) if m in TREND_MEASURES else m)
    wide.columns.name = None
    for col in order:
        wide[col] = pd.Series(["—" if _clean(x) is None else x for x in wide[col]], index=wide.index, dtype=object)
    return wide


# ---------------------------------------------------------------------------------------
# Stakeholders
# ---------------------------------------------------------------------------------------


def match_stakeholders(old: pd.DataFrame, new: pd.DataFrame) -> pd.DataFrame:
    """Pairs of the same stakeholder in two snapshots: by id, then by the likely-duplicate name rule.

    Returns:
        One row per matched pair: old_id, new_id, old_name, new_name, matched_by ("id" or
        "name"), in the new snapshot's order.
    """
    cols = ["old_id", "new_id", "old_name", "new_name", "matched_by"]
    old_recs = list(old[["id", "name"]].itertuples(index=False)) if len(old) else []
    new_recs = list(new[["id", "name"]].itertuples(index=False)) if len(new) else []
    by_key = {}
    for rec in old_recs:
        by_key.setdefault(vocab.normalize(str(rec.id)), rec)
    pairs: dict[str, tuple] = {}
    used_old: set[str] = set()
    for rec in new_recs:
        hit = by_key.get(vocab.normalize(str(rec.id)))
        if hit is not None and hit.id not in used_old:
            pairs[rec.id] = (hit.id, rec.id, hit.name, rec.name, "id")
            used_old.add(hit.id)
    left_old = [r for r in old_recs if r.id not in used_old]
    for rec in new_recs:
        if rec.id in pairs:
            continue
        for cand in left_old:
            if cand.id not in used_old and _same_institution(cand.name, rec.name):
                pairs[rec.id] = (cand.id, rec.id, cand.name, rec.name, "name")
                used_old.add(cand.id)
                break
    rows = [pairs[r.id] for r in new_recs if r.id in pairs]
    return pd.DataFrame(rows, columns=cols)


def stakeholder_changes(
    old: pd.DataFrame, new: pd.DataFrame, match: pd.DataFrame | None = None
) -> dict[str, pd.DataFrame]:
    """Stakeholders added, removed, renamed (or re-identified) and with a new sector or scope.

    Returns:
        {"stakeholders_added": id, name, sector, scope, quadrant;
         "stakeholders_removed": the same columns (old ids);
         "stakeholders_renamed": old_id, new_id, old_name, new_name, matched_by (a changed
         name or a changed id);
         "stakeholder_attributes": id, name, field ("sector" or "scope"), before, after}.
    """
    match = match_stakeholders(old, new) if match is None else match
    cols = ["id", "name", "sector", "scope", "quadrant"]
    added = _with_quadrant(new[~new["id"].isin(set(match["new_id"]))]) if len(new) else _empty(cols)
    removed = _with_quadrant(old[~old["id"].isin(set(match["old_id"]))]) if len(old) else _empty(cols)
    renamed = match[(match["old_name"] != match["new_name"]) | (match["old_id"] != match["new_id"])]
    o = old.set_index("id") if len(old) else None
    nn = new.set_index("id") if len(new) else None
    rows = []
    for rec in match.itertuples(index=False):
        for fld in ("sector", "scope"):
            before, after = _clean(o.at[rec.old_id, fld]), _clean(nn.at[rec.new_id, fld])
            if before != after:
                rows.append({"id": rec.new_id, "name": rec.new_name, "field": fld, "before": before, "after": after})
    return {
        "stakeholders_added": added[cols].reset_index(drop=True),
        "stakeholders_removed": removed[cols].reset_index(drop=True),
        "stakeholders_renamed": renamed.reset_index(drop=True),
        "stakeholder_attributes": pd.DataFrame(rows, columns=["id", "name", "field", "before", "after"]),
    }


def grid_moves(
    old: pd.DataFrame, new: pd.DataFrame, match: pd.DataFrame | None = None, threshold: int = HIGH
) -> pd.DataFrame:
    """Stakeholders (in both snapshots) whose influence or interest changed, with both quadrants.

    Returns:
        id, name, sector, influence_before, interest_before, influence_after, interest_after,
        quadrant_before, quadrant_after (None when a score is blank); largest moves first.
    """
    cols = [
        "id",
        "name",
        "sector",
        "influence_before",
        "interest_before",
        "influence_after",
        "interest_after",
        "quadrant_before",
        "quadrant_after",
    ]
    match = match_stakeholders(old, new) if match is None else match
    if match.empty:
        return _empty(cols)
    o, nn = old.set_index("id"), new.set_index("id")
    rows = []
    for rec in match.itertuples(index=False):
        a = (_int(o.at[rec.old_id, "influence"]), _int(o.at[rec.old_id, "interest"]))
        b = (_int(nn.at[rec.new_id, "influence"]), _int(nn.at[rec.new_id, "interest"]))
        if a != b:
            rows.append(
                {
                    "id": rec.new_id,
                    "name": rec.new_name,
                    "sector": _clean(nn.at[rec.new_id, "sector"]),
                    "influence_before": a[0],
                    "interest_before": a[1],
                    "influence_after": b[0],
                    "interest_after": b[1],
                    "quadrant_before": quadrant(*a, threshold),
                    "quadrant_after": quadrant(*b, threshold),
                }
            )
    out = pd.DataFrame(rows, columns=cols)
    for c in cols[3:7]:
        out[c] = out[c].astype("Int64")
    size = [
        abs(_n(r.influence_after) - _n(r.influence_before)) + abs(_n(r.interest_after) - _n(r.interest_before))
        for r in out.itertuples()
    ]
    return out.assign(_size=size).sort_values(["_size", "name"], ascending=[False, True]).drop(columns="_size")


def critical_changes(
    old: pd.DataFrame, new: pd.DataFrame, match: pd.DataFrame | None = None, threshold: int = HIGH
) -> pd.DataFrame:
    """Who entered or left the critical group (high influence and high interest).

    A stakeholder added in the critical group "entered"; one removed from the map while in
    it "left".

    Returns:
        id, name, sector, change ("entered" or "left"), quadrant_before, quadrant_after.
    """
    cols = ["id", "name", "sector", "change", "quadrant_before", "quadrant_after"]
    match = match_stakeholders(old, new) if match is None else match
    to_new = _id_map(match)
    q_old = (
        {to_new.get(r.id, r.id): quadrant(r.influence, r.interest, threshold) for r in old.itertuples(index=False)}
        if len(old)
        else {}
    )
    q_new = (
        {r.id: quadrant(r.influence, r.interest, threshold) for r in new.itertuples(index=False)} if len(new) else {}
    )
    names = {
        **({to_new.get(r.id, r.id): (r.name, r.sector) for r in old.itertuples(index=False)} if len(old) else {}),
        **({r.id: (r.name, r.sector) for r in new.itertuples(index=False)} if len(new) else {}),
    }
    rows = []
    for sid in dict.fromkeys([*q_new, *q_old]):
        before, after = q_old.get(sid), q_new.get(sid)
        if (before == "critical") != (after == "critical"):
            rows.append(
                {
                    "id": sid,
                    "name": names[sid][0],
                    "sector": names[sid][1],
                    "change": "entered" if after == "critical" else "left",
                    "quadrant_before": before,
                    "quadrant_after": after,
                }
            )
    return pd.DataFrame(rows, columns=cols).sort_values(["change", "name"], ascending=[True, True])


# ---------------------------------------------------------------------------------------
# The network
# ---------------------------------------------------------------------------------------


def tie_changes(g_old: nx.DiGraph, g_new: nx.DiGraph) -> dict[str, pd.DataFrame]:
    """Tied pairs added and ended, separately for ties (ties sheet, partners lists) and shared partnerships.

    Args:
        g_old: `network.build_tie_graph` of the old snapshot, its ids already the new ones.
        g_new: The same for the new snapshot.

    Returns:
        {"ties": source, target, source_name, target_name, change ("added"/"ended"), kinds;
         "shared_partnerships": source, target, source_name, target_name, change, partnerships}.
        A pair is listed with its two ids in sorted order.
    """
    out = {}
    for name, pick in (("ties", _tie_sources), ("shared_partnerships", _partnership_sources)):
        before, after = _pairs(g_old, pick), _pairs(g_new, pick)
        rows = []
        for change, pairs, info, g in (
            ("added", after.keys() - before.keys(), after, g_new),
            ("ended", before.keys() - after.keys(), before, g_old),
        ):
            for u, v in sorted(pairs):
                rows.append(
                    {
                        "source": u,
                        "target": v,
                        "source_name": _node_name(g, u),
                        "target_name": _node_name(g, v),
                        "change": change,
                        "kinds" if name == "ties" else "partnerships": info[(u, v)],
                    }
                )
        last = "kinds" if name == "ties" else "partnerships"
        out[name] = pd.DataFrame(rows, columns=["source", "target", "source_name", "target_name", "change", last])
    return out


def sector_measures(graph: nx.DiGraph) -> pd.DataFrame:
    """Per sector (and "all" for the whole network): stakeholders, ties inside, E-I, density,
    components and brokerage counts by role.

    Density and components are those of the subgraph of the sector's own stakeholders
    (direction ignored); brokerage counts are the sector's stakeholders' Gould-Fernandez
    counts summed.

    Returns:
        Long table: sector, measure (key of `MEASURES`), value (float; NaN when undefined).
    """
    und = network.to_undirected(graph)
    ei = network.ei_index(und, "sector") if len(und) else pd.DataFrame(columns=["level", "unit", "ei"])
    roles = network.brokerage_roles(graph, "sector") if len(graph) else pd.DataFrame()
    sectors = [s for s in vocab.SECTORS.keys if any(d == s for _node, d in und.nodes(data="sector"))]
    rows = []
    for sector in [_ALL_SECTORS, *sectors]:
        nodes = list(und) if sector == _ALL_SECTORS else [v for v, d in und.nodes(data="sector") if d == sector]
        sub = und.subgraph(nodes)
        if sector == _ALL_SECTORS:
            ei_value = ei.loc[ei["level"] == "network", "ei"]
        else:
            ei_value = ei.loc[(ei["level"] == "group") & (ei["unit"] == sector), "ei"]
        values = {
            "stakeholders": len(nodes),
            "ties": sub.number_of_edges(),
            "ei": float(ei_value.iloc[0]) if len(ei_value) else math.nan,
            "density": nx.density(sub) if len(nodes) > 1 else math.nan,
            "components": nx.number_connected_components(sub) if len(nodes) else 0,
        }
        part = roles.loc[[v for v in nodes if v in roles.index]] if len(roles) else pd.DataFrame()
        for role in (*network.ROLES, "total"):
            values[f"brokerage_{role}"] = int(part[role].sum()) if len(part) else 0
        rows += [{"sector": sector, "measure": k, "value": float(v)} for k, v in values.items()]
    return pd.DataFrame(rows, columns=["sector", "measure", "value"])


def sector_changes(before: pd.DataFrame, after: pd.DataFrame) -> pd.DataFrame:
    """The sector measures that changed: sector, measure, before, after, change (after - before).

    A sector present on one side only has NaN on the other.
    """
    both = before.merge(after, on=["sector", "measure"], how="outer", suffixes=("_b", "_a"))
    both = both.rename(columns={"value_b": "before", "value_a": "after"})
    same = (both["before"].round(9) == both["after"].round(9)) | (both["before"].isna() & both["after"].isna())
    out = both[~same].copy()
    out["change"] = out["after"] - out["before"]
    order = {k: i for i, k in enumerate([_ALL_SECTORS, *vocab.SECTORS.keys])}
    morder = {k: i for i, k in enumerate(MEASURES)}
    out = out.assign(_s=out["sector"].map(order), _m=out["measure"].map(morder)).sort_values(["_s", "_m"])
    return out[["sector", "measure", "before", "after", "change"]]


def match_communities(
    before: Mapping[str, int], after: Mapping[str, int], min_jaccard: float = MIN_JACCARD
) -> tuple[dict[int, int], pd.DataFrame]:
    """Number the communities now after the communities then that they overlap most.

    Args:
        before: stakeholder id -> community then (ids already the new snapshot's).
        after: stakeholder id -> community now.
        min_jaccard: least Jaccard overlap for a community to keep an old number.

    Returns:
        (relabel: community now -> its number in the report, table: community, size_before,
        size_after, jaccard, status ("kept", "new", "dissolved")). Pairs are taken best
        overlap first, one to one; new communities get numbers after the largest old one.

    >>> relabel, table = match_communities({"a": 1, "b": 1, "c": 2, "d": 2}, {"a": 2, "b": 2, "c": 1, "d": 1})
    >>> relabel
    {1: 2, 2: 1}
    """
    old_sets = _groups(before)
    new_sets = _groups(after)
    kept, jaccard = _best_overlaps(old_sets, new_sets, min_jaccard)
    relabel = dict(sorted(kept.items()))
    nxt = max([*old_sets, 0]) + 1
    for j in sorted(new_sets):
        if j not in relabel:
            relabel[j] = nxt
            nxt += 1
    return relabel, _community_table(old_sets, new_sets, relabel, jaccard)


def _best_overlaps(
    old_sets: dict[int, set], new_sets: dict[int, set], min_jaccard: float
) -> tuple[dict[int, int], dict[int, float]]:
    """Community now -> the old one it keeps, and its Jaccard overlap: best overlap first, one to one."""
    scores = []
    for (i, a), (j, b) in itertools.product(old_sets.items(), new_sets.items()):
        jac = len(a & b) / len(a | b)
        if jac >= min_jaccard:
            scores.append((-jac, i, j))
    kept: dict[int, int] = {}
    taken: set[int] = set()
    jaccard: dict[int, float] = {}
    for neg, i, j in sorted(scores):
        if j in kept or i in taken:
            continue
        kept[j], jaccard[j] = i, -neg
        taken.add(i)
    return kept, jaccard


def _community_table(
    old_sets: dict[int, set], new_sets: dict[int, set], relabel: dict[int, int], jaccard: dict[int, float]
) -> pd.DataFrame:
    """One row per community, kept, new or dissolved, with its sizes then and now, by number."""
    taken = {relabel[j] for j in jaccard}
    rows = []
    for j, label in sorted(relabel.items(), key=lambda t: t[1]):
        size_b = len(old_sets[label]) if label in taken else math.nan
        rows.append(
            {
                "community": label,
                "size_before": size_b,
                "size_after": len(new_sets[j]),
                "jaccard": round(jaccard[j], 2) if j in jaccard else math.nan,
                "status": "kept" if j in jaccard else "new",
            }
        )
    for i in sorted(set(old_sets) - taken):
        rows.append(
            {
                "community": i,
                "size_before": len(old_sets[i]),
                "size_after": math.nan,
                "jaccard": math.nan,
                "status": "dissolved",
            }
        )
    table = pd.DataFrame(rows, columns=["community", "size_before", "size_after", "jaccard", "status"])
    for c in ("size_before", "size_after"):
        table[c] = table[c].astype("Int64")
    return table.sort_values("community", kind="stable")


def community_moves(
    before: Mapping[str, int],
    after: Mapping[str, int],
    relabel: Mapping[int, int],
    names: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """Stakeholders whose community (after relabelling) differs: id, name, community_before, community_after.

    A stakeholder in no community (or absent) on one side has <NA> there.
    """
    names = names or {}
    rows = []
    for sid in dict.fromkeys([*after, *before]):
        b = before.get(sid)
        a = relabel.get(after[sid]) if sid in after else None
        if b != a:
            rows.append({"id": sid, "name": names.get(sid, sid), "community_before": b, "community_after": a})
    out = pd.DataFrame(rows, columns=["id", "name", "community_before", "community_after"])
    for c in ("community_before", "community_after"):
        out[c] = out[c].astype("Int64")
    return out


# ---------------------------------------------------------------------------------------
# Due diligence, value decisions, partnerships, quality
# ---------------------------------------------------------------------------------------


def screening_changes(
    old: Mapping, new: Mapping, to_new: Mapping[str, str] | None = None, max_age_days: int = MAX_AGE_DAYS
) -> dict[str, pd.DataFrame]:
    """New screenings, changed outcomes, new red flags and screenings that expired in between.

    Args:
        old, new: sheet tables (mappings with "due_diligence", "stakeholders", "about").
        to_new: old stakeholder id -> new id (`match_stakeholders`).
        max_age_days: a screening older than this is stale.

    Returns:
        {"new_screenings": stakeholder, name, assessed_on, outcome;
         "screening_outcomes": stakeholder, name, outcome_before, outcome_after (latest
         screening; `not_screened` when none);
         "new_red_flags": stakeholder, name, assessed_on, question, text (red flags of the
         latest screening now that the latest screening then did not have);
         "expired_screenings": stakeholder, name, assessed_on, age_days_before, age_days_after}.
    """
    to_new = to_new or {}
    names = _names(new, old, to_new)
    s_old = screening.screen(old["due_diligence"])
    s_old["stakeholder"] = s_old["stakeholder"].map(lambda x: to_new.get(x, x))
    s_new = screening.screen(new["due_diligence"])
    key_old = set(zip(s_old["stakeholder"], s_old["assessed_on"]))
    is_new = [k not in key_old for k in zip(s_new["stakeholder"], s_new["assessed_on"])]
    fresh = s_new.loc[pd.Series(is_new, index=s_new.index, dtype=bool)]
    new_screenings = pd.DataFrame(
        {
            "stakeholder": fresh["stakeholder"],
            "name": fresh["stakeholder"].map(names),
            "assessed_on": fresh["assessed_on"],
            "outcome": fresh["outcome"],
        }
    )
    as_old, as_new = screening.resolve_as_of(_about(old)), screening.resolve_as_of(_about(new))
    l_old, l_new = _latest(s_old, as_old, max_age_days), _latest(s_new, as_new, max_age_days)
    outcomes, flags, expired = _latest_screening_changes(l_old, l_new, names)
    return {
        "new_screenings": new_screenings.sort_values(["assessed_on", "stakeholder"]),
        "screening_outcomes": pd.DataFrame(
            outcomes, columns=["stakeholder", "name", "outcome_before", "outcome_after"]
        ),
        "new_red_flags": pd.DataFrame(flags, columns=["stakeholder", "name", "assessed_on", "question", "text"]),
        "expired_screenings": pd.DataFrame(
            expired, columns=["stakeholder", "name", "assessed_on", "age_days_before", "age_days_after"]
        ),
    }


def _latest_screening_changes(
    l_old: pd.DataFrame, l_new: pd.DataFrame, names: Mapping
) -> tuple[list[dict], list[dict], list[dict]]:
    """Between each stakeholder's latest screening then and now: the outcomes that changed, the red
    flags it did not have, and the screenings that were fresh then and are stale now (row dicts)."""
    outcomes, flags, expired = [], [], []
    text = {q.code: q for q in vocab.DUE_DILIGENCE_QUESTIONS}  # English in the table; question_text translates
    for sid in dict.fromkeys([*l_new.index, *l_old.index]):
        b = l_old.loc[sid] if sid in l_old.index else None
        a = l_new.loc[sid] if sid in l_new.index else None
        ob = b["outcome"] if b is not None else "not_screened"
        oa = a["outcome"] if a is not None else "not_screened"
        if ob != oa:
            outcomes.append(
                {"stakeholder": sid, "name": names.get(sid, sid), "outcome_before": ob, "outcome_after": oa}
            )
        if a is not None:
            for code in a["red_flags"]:
                if b is None or code not in b["red_flags"]:
                    flags.append(
                        {
                            "stakeholder": sid,
                            "name": names.get(sid, sid),
                            "assessed_on": a["assessed_on"],
                            "question": code,
                            "text": text[code].en,
                        }
                    )
            if (
                b is not None
                and not bool(b["is_stale"])
                and bool(a["is_stale"])
                and a["assessed_on"] == b["assessed_on"]
            ):
                expired.append(
                    {
                        "stakeholder": sid,
                        "name": names.get(sid, sid),
                        "assessed_on": a["assessed_on"],
                        "age_days_before": int(b["age_days"]),
                        "age_days_after": int(a["age_days"]),
                    }
                )
    return outcomes, flags, expired


def value_changes(old: Mapping, new: Mapping, to_new: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Value/risk decisions taken in between: the latest recorded decision per subject, then and now.

    Returns:
        subject, name, decision_before, decision_after, decision_date: one row per subject
        whose latest recorded decision (or its date) changed; a blank side is "not_recorded".
    """
    to_new = to_new or {}
    cols = ["subject", "name", "decision_before", "decision_after", "decision_date"]
    b, a = _latest_decisions(old["value_assessment"], to_new), _latest_decisions(new["value_assessment"], {})
    names = {**_names(new, old, to_new), **_partnership_names(old), **_partnership_names(new)}
    rows = []
    for subject in dict.fromkeys([*a, *b]):
        db, da = b.get(subject, ("not_recorded", None)), a.get(subject, ("not_recorded", None))
        if db != da and da[0] != "not_recorded":
            rows.append(
                {
                    "subject": subject,
                    "name": names.get(subject, subject),
                    "decision_before": db[0],
                    "decision_after": da[0],
                    "decision_date": da[1],
                }
            )
    return pd.DataFrame(rows, columns=cols)


def partnership_changes(old: pd.DataFrame, new: pd.DataFrame) -> pd.DataFrame:
    """Partnerships added, removed or whose status changed (matched by id).

    Returns:
        partnership, name, change ("added", "removed", "changed"), status_before, status_after.
    """
    cols = ["partnership", "name", "change", "status_before", "status_after"]
    b = {vocab.normalize(str(r.id)): r for r in old.itertuples(index=False)} if len(old) else {}
    a = {vocab.normalize(str(r.id)): r for r in new.itertuples(index=False)} if len(new) else {}
    rows = []
    for key in dict.fromkeys([*a, *b]):
        rb, ra = b.get(key), a.get(key)
        sb = _clean(rb.status) if rb is not None else None
        sa = _clean(ra.status) if ra is not None else None
        rec = ra if ra is not None else rb
        change = "added" if rb is None else "removed" if ra is None else "changed" if sb != sa else None
        if change:
            rows.append(
                {"partnership": rec.id, "name": rec.name, "change": change, "status_before": sb, "status_after": sa}
            )
    return pd.DataFrame(rows, columns=cols)


def quality_changes(old: pd.DataFrame, new: pd.DataFrame) -> pd.DataFrame:
    """Quality level per partnership and dimension (the portfolio level of `quality.portfolio_levels`)
    then and now, where it changed.

    Returns:
        partnership, dimension, level_before, level_after, change (NaN when one side has no level).
    """
    cols = ["partnership", "dimension", "level_before", "level_after", "change"]
    lb = _levels(old)
    la = _levels(new)
    both = lb.merge(la, on=["partnership", "dimension"], how="outer", suffixes=("_before", "_after"))
    both = both.rename(columns={"level_before": "level_before", "level_after": "level_after"})
    same = (both["level_before"].round(9) == both["level_after"].round(9)) | (
        both["level_before"].isna() & both["level_after"].isna()
    )
    out = both[~same].copy()
    out["change"] = out["level_after"] - out["level_before"]
    dorder = {d: i for i, d in enumerate(quality.DIMENSIONS)}
    out = out.assign(_d=out["dimension"].map(dorder)).sort_values(["partnership", "_d"])
    return out[cols]


# ---------------------------------------------------------------------------------------
# Action plan and survey
# ---------------------------------------------------------------------------------------


def plan_changes(
    old: pd.DataFrame, new: pd.DataFrame, as_of_old: dt.date | None, as_of_new: dt.date | None
) -> dict[str, pd.DataFrame]:
    """Action plan progress gained, actions newly done and newly late (matched by code).

    Returns:
        {"plan_progress": code, action, status_before, status_after, progress_before,
         progress_after, gained_pp (points; NaN when a side has no figure) for every action
         whose progress or status changed, most gained first;
         "newly_done": code, action, status_before;
         "newly_late": code, action, status_after, last_year}.
    """
    cols = ["code", "action", "status_before", "status_after", "progress_before", "progress_after", "gained_pp"]
    empty = {
        "plan_progress": _empty(cols),
        "newly_done": _empty(["code", "action", "status_before"]),
        "newly_late": _empty(["code", "action", "status_after", "last_year"]),
    }
    if old.empty and new.empty:
        return empty
    today = dt.date.today()
    b = actionplan.plan_status(old, as_of_old or today).set_index("code") if len(old) else None
    a = actionplan.plan_status(new, as_of_new or today).set_index("code") if len(new) else None
    codes = sorted(
        set(a.index if a is not None else []) | set(b.index if b is not None else []), key=actionplan.code_sort_key
    )
    rows, done, late = [], [], []
    for code in codes:
        rb = b.loc[code] if b is not None and code in b.index else None
        ra = a.loc[code] if a is not None and code in a.index else None
        action = actionplan.short_text((ra if ra is not None else rb)["action"], 70)
        sb = rb["status"] if rb is not None else None
        sa = ra["status"] if ra is not None else None
        pb = float(rb["progress"]) if rb is not None else math.nan
        pa = float(ra["progress"]) if ra is not None else math.nan
        moved = sb != sa or not ((pb == pa) or (math.isnan(pb) and math.isnan(pa)))
        if moved:
            rows.append(
                {
                    "code": code,
                    "action": action,
                    "status_before": sb,
                    "status_after": sa,
                    "progress_before": pb,
                    "progress_after": pa,
                    "gained_pp": pa - pb,
                }
            )
        if sa == "done" and sb != "done":
            done.append({"code": code, "action": action, "status_before": sb})
        if ra is not None and bool(ra["is_late"]) and not (rb is not None and bool(rb["is_late"])):
            late.append({"code": code, "action": action, "status_after": sa, "last_year": ra["last_year"]})
    progress = pd.DataFrame(rows, columns=cols)
    progress = progress.sort_values("gained_pp", ascending=False, kind="stable", na_position="last")
    return {
        "plan_progress": progress,
        "newly_done": pd.DataFrame(done, columns=empty["newly_done"].columns),
        "newly_late": pd.DataFrame(late, columns=empty["newly_late"].columns),
    }


def survey_changes(old: Mapping, new: Mapping, min_respondents: int = MIN_RESPONDENTS) -> pd.DataFrame:
    """Survey theme scores (0-1) per sector then and now, with respondent counts.

    A change is stated only where both sides have at least `min_respondents` respondents in
    the group (the "all" group counts every respondent); elsewhere `change` is NaN and
    `compared` is "too_few".

    Returns:
        sector (a sector key or "all"), theme, score_before, score_after, n_before, n_after,
        change, compared ("compared" or "too_few"); only rows where a score or a count moved.
    """
    cols = ["sector", "theme", "score_before", "score_after", "n_before", "n_after", "change", "compared"]
    sb, sa = _theme_scores(old), _theme_scores(new)
    if sb.empty and sa.empty:
        return _empty(cols)
    both = sb.merge(sa, on=["sector", "theme"], how="outer", suffixes=("_before", "_after"))
    both["n_before"] = both["n_before"].fillna(0).astype(int)
    both["n_after"] = both["n_after"].fillna(0).astype(int)
    ok = (both["n_before"] >= min_respondents) & (both["n_after"] >= min_respondents)
    both["change"] = (both["score_after"] - both["score_before"]).where(ok)
    both["compared"] = np.where(ok, "compared", "too_few")
    same = (
        (both["score_before"].round(9) == both["score_after"].round(9))
        | (both["score_before"].isna() & both["score_after"].isna())
    ) & (both["n_before"] == both["n_after"])
    out = both[~same]
    order = {k: i for i, k in enumerate([survey.ALL, *vocab.SECTORS.keys])}
    torder = {k: i for i, k in enumerate(vocab.THEMES.keys)}
    out = out.assign(_s=out["sector"].map(order), _t=out["theme"].map(torder)).sort_values(["_s", "_t"])
    return out[cols]


# ---------------------------------------------------------------------------------------
# Private helpers
# ---------------------------------------------------------------------------------------

_PARTNERSHIP_CHANGES = {"added": N_("New"), "removed": N_("Withdrawn"), "changed": N_("Changed")}
# Columns whose keys are shown as labels: a vocabulary of vocab.VOCABULARIES, or CHANGE_KINDS.
_DISPLAY_VOCABS: dict[str, str] = {
    "sector": "sector",
    "scope": "scope",
    "change": "change",
    "matched_by": "change",
    "field": "change",
    "compared": "change",
    "status": "change",
    "quadrant": "quadrant_short",
    "quadrant_before": "quadrant_short",
    "quadrant_after": "quadrant_short",
    "outcome": "outcome",
    "outcome_before": "outcome",
    "outcome_after": "outcome",
    "decision_before": "decision",
    "decision_after": "decision",
    "status_before": "status",
    "status_after": "status",
}


def _display_label(col: str, key: str, _: i18n.Translator) -> str:
    """The label of a key shown in column col of a change table."""
    kind = _DISPLAY_VOCABS[col]
    if kind == "change" or key == "not_recorded":
        return _kind(key, _)
    if kind == "quadrant_short":  # "Critical group: manage closely ..." -> "Critical group"
        return _.label("quadrant", key).split(":")[0]
    if kind == "outcome":
        return screening.OUTCOMES.label(key, _.lang)
    if kind == "status":
        voc = "partnership_status" if key in vocab.PARTNERSHIP_STATUSES else "action_status"
        return _.label(voc, key)
    return _.label(kind, key)


def _kind(key: object, _: i18n.Translator) -> str:
    """The label of a change kind ("added" -> "Added")."""
    return _(CHANGE_KINDS[key], n=_.number(MIN_RESPONDENTS)) if key in CHANGE_KINDS else str(key)


def _short(text: object, limit: int) -> str:
    if _clean(text) is None:
        return ""
    s = str(text)
    return s if len(s) <= limit else s[: limit - 1].rstrip() + "…"


def _sector_label(sector: str, _: i18n.Translator, survey_group: bool = False) -> str:
    if sector == _ALL_SECTORS:
        return _("All respondents") if survey_group else _("Whole network")
    return _.label("sector", sector)


def _trend_group(measure: str, group: str, _: i18n.Translator) -> str:
    if measure == "ei":
        return _sector_label(group, _)
    if measure == "quality":
        return quality.dimension_label(group, _.lang)
    return _("Total")


def _then_now(before: float, after: float, measure: str, _: i18n.Translator) -> str:
    def fmt(x: float) -> str:
        if x is None or (isinstance(x, float) and math.isnan(x)):
            return "–"
        if measure in ("ei", "density"):
            text = _.number(round(x, 2), 2)
            return f"+{text}" if measure == "ei" and x > 0 else text
        return _.number(round(x))

    b, a = fmt(before), fmt(after)
    return b if b == a else f"{b} → {a}"


def _tables(wb: object) -> dict:
    """Sheet key -> table (empty frames with the contract's columns when absent) plus "about"."""
    from partnerlab import schema
    from partnerlab.workbook import _empty as _empty_sheet

    out = {}
    for key in schema.TABLE_KEYS:
        df = wb.get(key) if isinstance(wb, Mapping) else getattr(wb, "tables", {}).get(key)
        if not isinstance(df, pd.DataFrame) or (df.empty and len(df.columns) == 0):
            df = _empty_sheet(schema.sheet(key))
        out[key] = df
    out["about"] = dict(_about(wb))
    return out


def _about(wb: object) -> dict:
    about = wb.get("about") if isinstance(wb, Mapping) else getattr(wb, "about", None)
    return dict(about or {})


def _about_date(wb: object) -> dt.date | None:
    """The snapshot's about.as_of as a date (`screening.as_of_date`), None when it records none."""
    about = _about(wb)
    value = about.get("as_of")
    return None if value is None or value == "" or pd.isna(value) else screening.as_of_date(about)


def _renamed_tables(t: dict, to_new: Mapping[str, str]) -> dict:
    """The old snapshot's tables with stakeholder ids replaced by the matched new ids."""
    if all(k == v for k, v in to_new.items()):
        return t
    f = lambda x: to_new.get(x, x)  # noqa: E731
    out = dict(t)
    st = t["stakeholders"].copy()
    st["id"] = st["id"].map(f)
    st["partners"] = st["partners"].map(lambda ps: [f(p) for p in ps] if isinstance(ps, (list, tuple)) else ps)
    out["stakeholders"] = st
    ties = t["ties"].copy()
    ties["source"], ties["target"] = ties["source"].map(f), ties["target"].map(f)
    out["ties"] = ties
    parts = t["partnerships"].copy()
    parts["lead"] = parts["lead"].map(lambda x: f(x) if isinstance(x, str) else x)
    parts["members"] = parts["members"].map(lambda ms: [f(m) for m in ms] if isinstance(ms, (list, tuple)) else ms)
    out["partnerships"] = parts
    return out


def _id_map(match: pd.DataFrame) -> dict[str, str]:
    return dict(zip(match["old_id"], match["new_id"]))


def _same_institution(a: object, b: object) -> bool:
    """The likely-duplicate rule of partnerlab.duplicates for two names."""
    if _clean(a) is None or _clean(b) is None:
        return False
    ka, kb = name_key(a), name_key(b)
    if ka and ka == kb:
        return True
    aa, ab = acronym(a), acronym(b)
    return bool((aa and aa == kb) or (ab and ab == ka))


def _with_quadrant(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    out["quadrant"] = [quadrant(_int(a), _int(b)) for a, b in zip(out["influence"], out["interest"])]
    return out


def _tie_sources(sources: set) -> bool:
    return bool({"ties", "partners"} & set(sources))


def _partnership_sources(sources: set) -> list[str]:
    return sorted(s.split(":", 1)[1] for s in sources if s.startswith("partnerships:"))


def _pairs(graph: nx.DiGraph, pick) -> dict[tuple[str, str], str]:
    """Undirected pairs whose sources pass `pick`, with the kinds or partnerships behind them."""
    out: dict[tuple[str, str], set] = {}
    for u, v, d in graph.edges(data=True):
        if u == v:
            continue
        sources = d.get("sources", set())
        chosen = pick(sources)
        if not chosen:
            continue
        key = tuple(sorted((str(u), str(v))))
        bag = out.setdefault(key, set())
        bag.update(chosen if isinstance(chosen, list) else (d.get("kinds", set()) if pick is _tie_sources else ()))
    return {k: "; ".join(sorted(v)) for k, v in out.items()}


def _node_name(g: nx.DiGraph, node: str) -> str:
    return g.nodes[node].get("name", node) if node in g else node


def _community_tables(g_old: nx.DiGraph, g_new: nx.DiGraph) -> tuple[pd.DataFrame, pd.DataFrame]:
    before, after = _membership(g_old), _membership(g_new)
    relabel, table = match_communities(before, after)
    names = {**{v: g_old.nodes[v].get("name", v) for v in g_old}, **{v: g_new.nodes[v].get("name", v) for v in g_new}}
    moves = community_moves(before, after, relabel, names)
    kept_same = (table["status"] == "kept") & (table["size_before"] == table["size_after"])
    if moves.empty:  # nobody moved: the communities that kept their members are not changes
        table = table[~kept_same]
    else:
        moved = set(moves["community_before"].dropna()) | set(moves["community_after"].dropna())
        table = table[~kept_same | table["community"].isin(moved)]
    return table, moves


def _membership(graph: nx.DiGraph) -> dict[str, int]:
    """Stakeholder -> Louvain community, for communities of two or more (fixed seed)."""
    if graph.number_of_edges() == 0:
        return {}
    members = network.communities(graph, seed=0)
    sizes = members["community"].value_counts()
    keep = members[members["community"].map(sizes) >= 2]
    return {str(k): int(v) for k, v in keep["community"].items()}


def _groups(membership: Mapping[str, int]) -> dict[int, set]:
    out: dict[int, set] = {}
    for node, c in membership.items():
        out.setdefault(c, set()).add(node)
    return out


def _names(new: Mapping, old: Mapping, to_new: Mapping[str, str]) -> dict[str, str]:
    names = {to_new.get(r.id, r.id): r.name for r in old["stakeholders"].itertuples(index=False)}
    names.update({r.id: r.name for r in new["stakeholders"].itertuples(index=False)})
    return names


def _partnership_names(t: Mapping) -> dict[str, str]:
    return {r.id: r.name for r in t["partnerships"].itertuples(index=False)}


def _latest(screened: pd.DataFrame, as_of: pd.Timestamp, max_age_days: int) -> pd.DataFrame:
    """The latest screening per stakeholder, indexed by stakeholder (empty when none)."""
    if screened.empty:
        return pd.DataFrame(
            columns=["outcome", "red_flags", "assessed_on", "age_days", "is_stale"],
            index=pd.Index([], name="stakeholder"),
        )
    return screening.latest_screenings(screened, as_of, max_age_days).set_index("stakeholder")


def _latest_decisions(value_assessment: pd.DataFrame, to_new: Mapping[str, str]) -> dict[str, tuple]:
    """Subject -> (latest recorded decision, its date): the recorded decision of the subject's
    latest assessment that has one."""
    if value_assessment.empty:
        return {}
    df = value_assessment.assign(_pos=range(len(value_assessment)))
    df = df[df["decision"].map(lambda d: _clean(d) is not None)]
    df = df.sort_values(["assessed_on", "_pos"])
    out = {}
    for rec in df.itertuples(index=False):
        date = rec.decision_date if _clean(rec.decision_date) is not None else rec.assessed_on
        out[to_new.get(rec.subject, rec.subject)] = (rec.decision, pd.Timestamp(date))
    return out


def _levels(quality_assessment: pd.DataFrame) -> pd.DataFrame:
    if quality_assessment.empty:
        return pd.DataFrame(columns=["partnership", "dimension", "level"])
    levels = quality.portfolio_levels(quality.quality_scores(quality_assessment))[list(quality.DIMENSIONS)]
    long = levels.reset_index().melt(id_vars="partnership", var_name="dimension", value_name="level")
    return long.dropna(subset=["level"])


def _theme_scores(t: Mapping) -> pd.DataFrame:
    cols = ["sector", "theme", "score", "n"]
    q, r = t["survey_questions"], t["survey_responses"]
    if q.empty or r.empty:
        return _empty(cols)
    scores = survey.theme_scores(q, r, by="sector", include_all=True)
    counts = {survey.ALL: len(r), **r["sector"].value_counts().to_dict()}
    scores = scores.rename(columns={"group": "sector"})
    scores["n"] = scores["sector"].map(counts).fillna(0).astype(int)
    return scores[cols]


def _years(values: pd.Series) -> pd.Series:
    return pd.Series([network._year(v) for v in values], index=values.index, dtype="Int64")


def _clean(value: object) -> object:
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and value != value:
        return None
    if isinstance(value, str) and not value.strip():
        return None
    return value


def _int(value: object) -> int | None:
    value = _clean(value)
    return None if value is None else int(value)


def _n(value: object) -> float:
    return 0.0 if _clean(value) is None else float(value)


def _empty(columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame(columns=list(columns))
