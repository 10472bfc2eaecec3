"""One partnership on one page: its facts, members, courses of action, value decisions and quality by round.

Each function takes the loaded workbook (or a dict of its tables) and one partnership id and
returns a small table with vocabulary keys (the report translates them); the partnership
notebook only displays. The verdict, the members' verdicts and the alerts come from
`consistency.py`.
"""

from __future__ import annotations

import pandas as pd

from partnerlab import actionplan, quality, screening, vocab

__all__ = ["FACT_LABELS", "TABLE_LABELS", "TABLE_VOCABS", "find_partnership", "partnership_ids", "facts_table",
           "courses_table", "decisions_table", "quality_rounds_table"]

FACT_LABELS: dict[str, tuple[str, str]] = {
    "id": ("Id", "Id"), "status": ("Status", "Estado"), "type": ("Type (section 1.5)", "Tipo (sección 1.5)"),
    "typology": ("Typology (Table 1)", "Tipología (Tabla 1)"), "instruments": ("Instruments", "Instrumentos"),
    "lead": ("Lead", "Líder"), "sdgs": ("SDGs", "ODS"), "states": ("States", "Estados"),
    "start": ("Start", "Inicio"), "end": ("End", "Fin"),
}
TABLE_LABELS: dict[str, tuple[str, str]] = {
    "field": ("Field", "Campo"), "value": ("Value", "Valor"), "code": ("Code", "Código"),
    "action": ("Course of action", "Línea de acción"), "status": ("Status", "Estatus"),
    "progress_pct": ("Progress %", "Avance %"), "is_late": ("Late", "Atrasada"),
    "assessed_on": ("Assessed on", "Fecha"), "suggested": ("Suggested", "Sugerida"),
    "decision": ("Recorded", "Registrada"), "decision_date": ("Decided on", "Fecha de decisión"),
    "agreement": ("Agreement", "Coincidencia"), "round": ("Round", "Ronda"), "basis": ("Basis", "Base"),
    "change": ("Change since the previous round (mean of six dimensions)",
               "Cambio desde la ronda anterior (promedio de seis dimensiones)"),
    **{t.key: (t.en, t.es) for t in vocab.PRINCIPLES},
}
TABLE_VOCABS: dict[str, vocab.Vocabulary] = {
    "status": vocab.ACTION_STATUSES, "suggested": vocab.DECISIONS, "decision": vocab.DECISIONS,
    "agreement": screening.AGREEMENTS,
}
_BASIS = {"collective": ("collective perspective", "perspectiva colectiva"),
          "mean": ("mean of perspectives", "promedio de perspectivas")}


def find_partnership(partnerships: pd.DataFrame, partnership: str) -> str:
    """The canonical id of a partnership, matched case-insensitively.

    Raises:
        KeyError: when no partnership has that id.
    """
    wanted = str(partnership).strip().casefold()
    for pid in partnerships["id"]:
        if str(pid).casefold() == wanted:
            return pid
    raise KeyError(f"no partnership with id {partnership!r}; ids look like: {', '.join(partnerships['id'].head(8))}")


def partnership_ids(wb: object) -> list[str]:
    """Every partnership id, in sheet order (the default batch gives each a page)."""
    return [p for p in _table(wb, "partnerships").get("id", []) if isinstance(p, str) and p]


def facts_table(wb: object, partnership: str, lang: str = "en") -> pd.DataFrame:
    """Status, type, typology, instruments, lead, SDGs, states and dates as (field, value) rows,
    labels in `lang`, blank fields left out."""
    pa = _table(wb, "partnerships")
    rec = pa[pa["id"] == partnership].iloc[0]
    st = _table(wb, "stakeholders")
    names = dict(zip(st.get("id", []), st.get("name", [])))
    voc = {"status": vocab.PARTNERSHIP_STATUSES, "type": vocab.PARTNERSHIP_TYPES, "typology": vocab.TYPOLOGY,
           "instruments": vocab.INSTRUMENTS, "states": vocab.STATES}
    rows = []
    for column, pair in FACT_LABELS.items():
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
            text = pd.Timestamp(value).date().isoformat()
        else:
            text = str(value)
        if text:
            rows.append({"field": pair[1] if lang == "es" else pair[0], "value": text})
    return pd.DataFrame(rows, columns=["field", "value"])


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


def decisions_table(wb: object, partnership: str) -> pd.DataFrame:
    """Every value assessment of the partnership (Appendix 5), latest first: assessed_on,
    suggested, decision, decision_date, agreement."""
    va = _table(wb, "value_assessment")
    own = va[va["subject"] == partnership] if len(va) else va
    if own.empty:
        return pd.DataFrame(columns=["assessed_on", "suggested", "decision", "decision_date", "agreement"])
    d = screening.value_decisions(own).sort_values("assessed_on", ascending=False)
    return pd.DataFrame({"assessed_on": d["assessed_on"].dt.date, "suggested": d["suggested"], "decision": d["decision"],
                         "decision_date": d["decision_date"].dt.date, "agreement": d["agreement"]}).reset_index(drop=True)


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
        rows.append({"round": int(r), "assessed_on": pd.Timestamp(lv["assessed_on"]).date(),
                     "basis": _BASIS[lv["basis"]][1 if lang == "es" else 0],
                     **{p: round(float(lv[p]), 2) for p in quality.PRINCIPLE_DIMENSIONS},
                     "change": "" if previous is None else f"{mean - previous:+.2f}"})
        previous = mean
    return pd.DataFrame(rows, columns=columns)


def _table(wb: object, key: str) -> pd.DataFrame:
    frame = wb.get(key) if isinstance(wb, dict) else getattr(wb, key, None)
    return frame if frame is not None else pd.DataFrame()
