"""One partnership on one page: its facts, members, courses of action, value decisions and quality by round.

Each function takes the loaded workbook (or a dict of its tables) and one partnership id and
returns a small table with vocabulary keys (the report translates them); the partnership
notebook only displays. The verdict, the members' verdicts and the alerts come from
`consistency.py`.
"""

from __future__ import annotations

import pandas as pd

from partnerlab import actionplan, i18n, quality, screening, vocab
from partnerlab.i18n import N_
from partnerlab.workbook import derived

__all__ = [
    "FACT_LABELS",
    "TABLE_LABELS",
    "TABLE_VOCABS",
    "find_partnership",
    "partnership_ids",
    "facts_table",
    "courses_table",
    "decisions_table",
    "quality_rounds_table",
]

FACT_LABELS: dict[str, str] = {
    "id": N_("Id"),
    "status": N_("Status"),
    "type": N_("Type (section 1.5)"),
    "typology": N_("Typology (Table 1)"),
    "instruments": N_("Instruments"),
    "lead": N_("Lead"),
    "sdgs": N_("SDGs"),
    "states": N_("States"),
    "start": N_("Start"),
    "end": N_("End"),
}
# Column headers of the partnership page's tables (msgids: `rpt.table(df, labels=TABLE_LABELS)`).
TABLE_LABELS: dict[str, str] = {
    "field": N_("Field"),
    "value": N_("Value"),
    "code": N_("Code"),
    "action": N_("Course of action"),
    "status": N_("Status"),
    "progress_pct": N_("Progress %"),
    "is_late": N_("Late"),
    "assessed_on": N_("Assessed on"),
    "suggested": N_("Suggested"),
    "decision": N_("Recorded"),
    "decision_date": N_("Decided on"),
    "agreement": N_("Agreement"),
    "round": N_("Round"),
    "basis": N_("Basis"),
    "change": N_("Change since the previous round (mean of six dimensions)"),
    **{t.key: t.en for t in vocab.PRINCIPLES},
}
TABLE_VOCABS: dict[str, vocab.Vocabulary] = {
    "status": vocab.ACTION_STATUSES,
    "suggested": vocab.DECISIONS,
    "decision": vocab.DECISIONS,
    "agreement": screening.AGREEMENTS,
}
_BASIS = {"collective": N_("collective perspective"), "mean": N_("mean of perspectives")}


def find_partnership(partnerships: pd.DataFrame, partnership: str) -> str:
    """The id of the partnership a report parameter names: its id or its name, in any case or accent
    (`screening.id_of`).

    Raises:
        KeyError: when no partnership has that id or name (the message names the closest).
    """
    return screening.id_of(partnerships, partnership, "partnership")


def partnership_ids(wb: object) -> list[str]:
    """Every partnership id, in sheet order (the default batch gives each a page)."""
    return [p for p in _table(wb, "partnerships").get("id", []) if isinstance(p, str) and p]


@derived  # the page depends on this partnership's rows, not on every row of the sheets (incremental runs)
def facts_table(wb: object, partnership: str, lang: str = "en") -> pd.DataFrame:
    """Status, type, typology, instruments, lead, SDGs, states and dates as (field, value) rows,
    labels in `lang`, blank fields left out."""
    pa = _table(wb, "partnerships")
    rec = pa[pa["id"] == partnership].iloc[0]
    st = _table(wb, "stakeholders")
    names = dict(zip(st.get("id", []), st.get("name", [])))
    voc = {
        "status": vocab.PARTNERSHIP_STATUSES,
        "type": vocab.PARTNERSHIP_TYPES,
        "typology": vocab.TYPOLOGY,
        "instruments": vocab.INSTRUMENTS,
        "states": vocab.STATES,
    }
    rows = []
    _ = i18n.translator(lang)
    for column, msgid in FACT_LABELS.items():
        value = rec.get(column)
        if isinstance(value, (list, tuple)):
            text = "; ".join(voc[column].label(v, lang) if column in voc else str(v) for v in value)
        elif value is None or (not isinstance(value, str) and pd.isna(value)):
            text = ""
        elif column in voc:
            text = voc[column].label(value, lang)
        elif column == "lead":
            text = names.get(value, value)
        elif column in ("start", "end"):
            text = _.date(value)
        else:
            text = str(value)
        if text:
            rows.append({"field": _(msgid), "value": text})
    return pd.DataFrame(rows, columns=["field", "value"])


@derived  # the page depends on this partnership's rows, not on every row of the sheets (incremental runs)
def courses_table(wb: object, partnership: str, as_of, lang: str = "en") -> pd.DataFrame:
    """The courses of action the partnership is linked to (partnerships.actions): code, action,
    status (key), progress_pct, is_late (a word, blank when not late)."""
    pa, plan = _table(wb, "partnerships"), _table(wb, "action_plan")
    codes = pa[pa["id"] == partnership].iloc[0].get("actions") or []
    if plan.empty or not codes:
        return pd.DataFrame(columns=["code", "action", "status", "progress_pct", "is_late"])
    table = actionplan.action_table(plan, as_of, lang)
    keys = {str(c).strip().casefold() for c in codes}
    out = table[table["code"].map(lambda c: str(c).strip().casefold() in keys)]
    out = out.assign(action=out["action"].map(lambda a: actionplan.short_text(a, 110)))
    return out[["code", "action", "status", "progress_pct", "is_late"]].reset_index(drop=True)


@derived  # the page depends on this partnership's rows, not on every row of the sheets (incremental runs)
def decisions_table(wb: object, partnership: str) -> pd.DataFrame:
    """Every value assessment of the partnership (Appendix 5), latest first: assessed_on,
    suggested, decision, decision_date, agreement."""
    va = _table(wb, "value_assessment")
    own = va[va["subject"] == partnership] if len(va) else va
    if own.empty:
        return pd.DataFrame(columns=["assessed_on", "suggested", "decision", "decision_date", "agreement"])
    d = screening.value_decisions(own).sort_values("assessed_on", ascending=False)
    return pd.DataFrame(
        {
            "assessed_on": d["assessed_on"].dt.date,
            "suggested": d["suggested"],
            "decision": d["decision"],
            "decision_date": d["decision_date"].dt.date,
            "agreement": d["agreement"],
        }
    ).reset_index(drop=True)


@derived  # the page depends on this partnership's rows, not on every row of the sheets (incremental runs)
def quality_rounds_table(wb: object, partnership: str, lang: str = "en") -> pd.DataFrame:
    """The partnership's quality (Appendix 6) per assessment round, as the portfolio reads it
    (collective perspective, else the mean of perspectives): round, assessed_on, basis, the three
    principles and the change of the mean of the six dimensions since the previous round."""
    qa = _table(wb, "quality_assessment")
    own = qa[qa["partnership"] == partnership] if len(qa) else qa
    columns = ["round", "assessed_on", "basis", *quality.PRINCIPLE_DIMENSIONS, "change"]
    if own.empty:
        return pd.DataFrame(columns=columns)
    scores = quality.quality_scores(own)
    rows, previous = [], None
    for r in sorted(scores["round"].unique()):
        lv = quality.portfolio_levels(scores[scores["round"] <= r]).iloc[0]
        mean = float(lv[list(quality.DIMENSIONS)].astype(float).mean())
        rows.append(
            {
                "round": int(r),
                "assessed_on": pd.Timestamp(lv["assessed_on"]).date(),
                "basis": i18n.translator(lang)(_BASIS[lv["basis"]]),
                **{p: round(float(lv[p]), 2) for p in quality.PRINCIPLE_DIMENSIONS},
                "change": "" if previous is None else f"{mean - previous:+.2f}",
            }
        )
        previous = mean
    return pd.DataFrame(rows, columns=columns)


def _table(wb: object, key: str) -> pd.DataFrame:
    frame = wb.get(key) if isinstance(wb, dict) else getattr(wb, key, None)
    return frame if frame is not None else pd.DataFrame()
