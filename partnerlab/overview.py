"""The portfolio at a glance: one headline per topic, each pointing to the report that explains it.

Every function takes the loaded tables (docs/tables.md) and returns a small table or a
((en, es) template, values) pair for `rpt.p(*text, **values)`; the overview notebook only
displays them. Headlines repeat the definitions of the topic modules (stakeholders,
screening, quality, survey, actionplan), never a new rule.

>>> listing = [{"name": "due_diligence", "report": "due_diligence", "status": "ok",
...             "title_en": "Due diligence", "title_es": "Debida diligencia"}]
>>> (en, es), values = see_report(listing, "due_diligence")
>>> en.format(**values)
'See the report: <a href="due_diligence.html">Due diligence</a>.'
>>> see_report(listing, "network") is None
True
"""

from __future__ import annotations

import datetime as dt
import math

import pandas as pd

from partnerlab import actionplan, quality, screening, stakeholders, survey, vocab

__all__ = [
    "HEADLINE_LABELS", "see_report", "headline_table", "critical_table", "critical_sentence",
    "screening_table", "decision_table", "quality_table", "quality_sentence", "diagnosis_sentence",
]

HEADLINE_LABELS = {
    "topic": ("Topic", "Tema"), "figure": ("Figure", "Indicador"), "value": ("Value", "Valor"),
    "name": ("Stakeholder", "Actor"), "sector": ("Sector", "Sector"), "influence": ("Influence", "Influencia"),
    "interest": ("Interest", "Interés"), "outcome": ("Outcome", "Resultado"), "stakeholders": ("Stakeholders", "Actores"),
    "is_critical": ("Of them, critical group", "De ellos, grupo crítico"),
    "suggested": ("Suggested decision", "Decisión sugerida"), "agrees": ("Recorded: same", "Registrada: igual"),
    "differs": ("Recorded: differs", "Registrada: distinta"), "not_recorded": ("Not recorded", "Sin registrar"),
    "total": ("Total", "Total"), "dimension": ("Dimension", "Dimensión"),
    "mean_level": ("Mean level (0-3)", "Nivel medio (0-3)"), "below_3": ("Partnerships below level 3", "Alianzas bajo el nivel 3"),
    "partnerships": ("Partnerships assessed", "Alianzas evaluadas"),
}


def see_report(listing: list[dict] | None, report: str) -> tuple[tuple[str, str], dict] | None:
    """A "see the report" line linking the whole-portfolio copy of a report, None when the batch has none.

    Args:
        listing: The batch's report records (`reports.read_listing`), or None outside a batch.
        report: The report key (`due_diligence`).
    """
    for rec in listing or []:
        if rec.get("report") == report and rec.get("name") == report and rec.get("status") in ("ok", "running", "pending"):
            values = {"href": f"{rec['name']}.html", "title_en": rec.get("title_en") or report,
                      "title_es": rec.get("title_es") or rec.get("title_en") or report}
            return ('See the report: <a href="{href}">{title_en}</a>.',
                    'Vea el informe: <a href="{href}">{title_es}</a>.'), values
    return None


def headline_table(wb, as_of: dt.date, lang: str = "en") -> pd.DataFrame:
    """One line per topic with its headline figure, in the order of the batch's reports.

    Args:
        wb: The loaded Workbook.
        as_of: The as-of date (lateness, screening age).
        lang: "en" or "es".

    Returns:
        Columns topic, figure, value (as text); a topic whose sheet is empty is left out.
    """
    tr = (lambda en, es: es if lang == "es" else en)
    rows: list[tuple[str, str, object]] = []
    st = wb.stakeholders
    topic = tr("Stakeholders", "Actores")
    rows.append((topic, tr("mapped", "mapeados"), len(st)))
    rows.append((topic, tr("in the critical group (high influence and interest)", "en el grupo crítico (alta influencia e interés)"),
                 len(stakeholders.critical_group(st)) if len(st) else 0))
    rows.append((tr("Partnerships", "Alianzas"), tr("recorded", "registradas"), len(wb.partnerships)))
    if len(wb.due_diligence):
        status = screening.screening_status(st, screening.screen(wb.due_diligence), as_of)
        counts = screening.outcome_counts(status)
        rows.append((tr("Due diligence", "Debida diligencia"),
                     tr("stakeholders by latest outcome", "actores por último resultado"),
                     _joined((screening.OUTCOMES.label(k, lang), v) for k, v in zip(counts["outcome"], counts["stakeholders"]))))
    if len(wb.value_assessment):
        latest = screening.latest_value_decisions(screening.value_decisions(wb.value_assessment))
        counts = latest["suggested"].value_counts()
        topic = tr("Value and risk", "Valor y riesgo")
        rows.append((topic, tr("suggested decision (latest assessment per subject)", "decisión sugerida (última evaluación por sujeto)"),
                     _joined((vocab.DECISIONS.label(k, lang), counts.get(k, 0)) for k in vocab.DECISIONS.keys)))
        rows.append((topic, tr("recorded decision differs from the suggested one", "decisión registrada distinta de la sugerida"),
                     int((latest["agreement"] == "differs").sum())))
    if len(wb.quality_assessment):
        levels = quality.portfolio_levels(quality.quality_scores(wb.quality_assessment))
        topic = tr("Partnership quality", "Calidad de las alianzas")
        rows.append((topic, tr("partnerships assessed", "alianzas evaluadas"), len(levels)))
        rows.append((topic, tr("mean level of the six dimensions (0-3)", "nivel medio de las seis dimensiones (0-3)"),
                     _num(levels[list(quality.DIMENSIONS)].stack().mean())))
    if len(wb.survey_responses) and len(wb.survey_questions):
        scores = survey.theme_scores(wb.survey_questions, wb.survey_responses, by=None).dropna(subset=["score"])
        topic = tr("Sector diagnosis", "Diagnóstico sectorial")
        rows.append((topic, tr("survey respondents", "personas encuestadas"), len(wb.survey_responses)))
        if len(scores):
            rows.append((topic, tr("theme scores (0 = lowest option, 1 = highest)", "puntaje por tema (0 = opción más baja, 1 = más alta)"),
                         _joined((vocab.THEMES.label(t, lang), _num(v)) for t, v in zip(scores["theme"], scores["score"]))))
    if len(wb.action_plan):
        s = actionplan.summary(wb.action_plan, as_of, wb.partnerships)
        topic = tr("Action plan", "Plan de acción")
        for key, en, es in (("actions", "courses of action", "líneas de acción"), ("done", "done", "concluidas"),
                            ("in_progress", "in progress", "en curso"), ("late", "late", "atrasadas")):
            rows.append((topic, tr(en, es), s[key]))
    rows = [(t, f, str(v)) for t, f, v in rows]
    return pd.DataFrame(rows, columns=["topic", "figure", "value"])


def critical_table(stakeholder_table: pd.DataFrame, screened: pd.DataFrame | None = None) -> pd.DataFrame:
    """The critical group (high influence and interest, strongest first): name, sector, influence,
    interest, and the latest due-diligence outcome (`not_screened` when none)."""
    crit = stakeholders.critical_group(stakeholder_table)
    out = crit[["id", "name", "sector", "influence", "interest"]].reset_index(drop=True)
    if screened is not None and len(screened):
        latest = screening.latest_screenings(screened)
        outcome = dict(zip(latest["stakeholder"], latest["outcome"]))
    else:
        outcome = {}
    out["outcome"] = [outcome.get(i, "not_screened") for i in out["id"]]
    out["name"] = [stakeholders.short_name(n, 40) for n in out["name"]]
    return out.drop(columns="id")


def critical_sentence(stakeholder_table: pd.DataFrame, screened: pd.DataFrame | None = None) -> tuple[tuple[str, str], dict]:
    """How many stakeholders form the critical group and how many of them were never screened."""
    crit = stakeholders.critical_group(stakeholder_table)
    unscreened = screening.unscreened_critical(crit, screened if screened is not None else
                                               pd.DataFrame({"stakeholder": pd.Series(dtype=object)}))
    values = {"n": len(crit), "total": len(stakeholder_table), "threshold": stakeholders.HIGH,
              "unscreened": len(unscreened)}
    return (("<b>{n}</b> of the <b>{total}</b> stakeholders have high influence and high interest "
             "({threshold} or more on both): the critical group of potential allies (Appendix 3, step 2). "
             "<b>{unscreened}</b> of them have no due-diligence screening yet.",
             "<b>{n}</b> de los <b>{total}</b> actores tienen alta influencia y alto interés ({threshold} o más en "
             "ambos): el grupo crítico de aliados potenciales (Apéndice 3, paso 2). <b>{unscreened}</b> de ellos "
             "aún no tienen evaluación de debida diligencia."), values)


def screening_table(stakeholder_table: pd.DataFrame, screened: pd.DataFrame, as_of: object = None) -> pd.DataFrame:
    """Stakeholders per latest due-diligence outcome, with how many of them are in the critical group."""
    status = screening.screening_status(stakeholder_table, screened, as_of)
    counts = screening.outcome_counts(status)
    crit = set(stakeholders.critical_group(stakeholder_table)["id"])
    in_crit = status[status["stakeholder"].isin(crit)]["outcome"].value_counts()
    counts["is_critical"] = [int(in_crit.get(k, 0)) for k in counts["outcome"]]
    return counts


def decision_table(value_assessment: pd.DataFrame) -> pd.DataFrame:
    """Suggested decision of each subject's latest value/risk assessment against the recorded one."""
    latest = screening.latest_value_decisions(screening.value_decisions(value_assessment))
    return screening.decision_counts(latest)


def quality_table(quality_assessment: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """Per quality dimension: mean level over partnerships (latest round) and how many are below 3."""
    levels = quality.portfolio_levels(quality.quality_scores(quality_assessment))
    rows = [{"dimension": quality.dimension_label(d, lang), "mean_level": round(float(levels[d].mean()), 2),
             "below_3": int((levels[d] < 3).sum()), "partnerships": int(levels[d].notna().sum())}
            for d in quality.DIMENSIONS]
    return pd.DataFrame(rows, columns=["dimension", "mean_level", "below_3", "partnerships"])


def quality_sentence(quality_assessment: pd.DataFrame) -> tuple[tuple[str, str], dict]:
    """How many partnerships reach level 3 on every dimension."""
    levels = quality.portfolio_levels(quality.quality_scores(quality_assessment))
    dims = levels[list(quality.DIMENSIONS)]
    values = {"n": len(levels), "full": int((dims >= 3).all(axis=1).sum())}
    return (("<b>{n}</b> partnerships have a quality assessment; <b>{full}</b> of them reach level 3 on all six "
             "dimensions (latest round, collective perspective or the mean of perspectives).",
             "<b>{n}</b> alianzas tienen evaluación de calidad; <b>{full}</b> de ellas alcanzan el nivel 3 en las "
             "seis dimensiones (última ronda, perspectiva colectiva o promedio de perspectivas)."), values)


def diagnosis_sentence(questions: pd.DataFrame, responses: pd.DataFrame) -> tuple[tuple[str, str], dict] | None:
    """The diagnosis headline: the themes rated highest and lowest, and the most cited challenge.

    Returns None when no scale question has answers and no challenge question exists.
    """
    scores = survey.theme_scores(questions, responses, by=None).dropna(subset=["score"])
    top = survey.top_challenges(questions, responses, by=None, top=1)
    if scores.empty and top.empty:
        return None
    values: dict = {"n": len(responses)}
    en, es = ["<b>{n}</b> people answered the survey."], ["<b>{n}</b> personas respondieron la encuesta."]
    if len(scores) >= 2:
        best, worst = scores.loc[scores["score"].idxmax()], scores.loc[scores["score"].idxmin()]
        values.update(best_en=vocab.THEMES.label(best["theme"], "en"), best_es=vocab.THEMES.label(best["theme"], "es"),
                      best=_num(best["score"]), worst_en=vocab.THEMES.label(worst["theme"], "en"),
                      worst_es=vocab.THEMES.label(worst["theme"], "es"), worst=_num(worst["score"]))
        en.append("Highest rated theme: <b>{best_en}</b> ({best} on 0-1); lowest: <b>{worst_en}</b> ({worst}).")
        es.append("Tema mejor valorado: <b>{best_es}</b> ({best} en 0-1); el más bajo: <b>{worst_es}</b> ({worst}).")
    if len(top):
        first = top.iloc[0]
        values.update(challenge="; ".join(top["option"]), share=_num(first["share_pct"], 0))
        tied = len(top) > 1
        en.append("Most cited challenge" + ("s, tied" if tied else "") + ": <b>{challenge}</b> ({share}% of those "
                  "who answered" + (" each" if tied else "") + ").")
        es.append("Reto" + ("s más citados, empatados" if tied else " más citado") + ": <b>{challenge}</b> ({share}% "
                  "de quienes respondieron" + (" cada uno" if tied else "") + ").")
    return (" ".join(en), " ".join(es)), values


# ---------------------------------------------------------------------------------------

def _joined(pairs) -> str:
    return " · ".join(f"{label} {value}" for label, value in pairs)


def _num(x: object, digits: int = 2) -> str:
    x = float(x)
    return "—" if math.isnan(x) else f"{x:.{digits}f}"
