"""The portfolio at a glance: what a head of agency reads first, each message pointing to its evidence.

The overview's first screen (`first_screen`) holds three to five headline messages computed
from the numbers (`headlines`), the alert counts of the consistency rules, the partnerships by
status and one key figure (the critical group by latest due-diligence outcome). The sections
below it detail each topic. Every function takes the loaded tables (docs/tables.md) and a
language; sentences come from the message catalogs, workbook values are escaped. Headlines
repeat the definitions of the topic modules (stakeholders, screening, quality, survey,
actionplan, consistency), never a new rule.

>>> listing = [{"name": "due_diligence", "report": "due_diligence", "status": "ok",
...             "titles": {"en": "Due diligence", "es": "Debida diligencia"}}]
>>> see_report(listing, "due_diligence", "en")
'See the report: <a href="due_diligence.html">Due diligence</a>.'
>>> see_report(listing, "network", "en") is None
True
"""

from __future__ import annotations

import base64
import datetime as dt
import html
import io
import math
from dataclasses import dataclass

import pandas as pd

from partnerlab import actionplan, i18n, quality, screening, stakeholders, survey, vocab
from partnerlab.i18n import N_

__all__ = [
    "HEADLINE_LABELS",
    "Headline",
    "see_report",
    "evidence_href",
    "headlines",
    "first_screen",
    "status_counts",
    "headline_table",
    "alert_count_items",
    "plan_sentence",
    "note_text",
    "paragraph",
    "critical_table",
    "critical_sentence",
    "screening_table",
    "decision_table",
    "quality_table",
    "quality_sentence",
    "diagnosis_sentence",
    "section_anchor",
]

HEADLINE_LABELS = {
    "topic": N_("Topic"),
    "figure": N_("Figure"),
    "value": N_("Value"),
    "name": N_("Stakeholder"),
    "sector": N_("Sector"),
    "influence": N_("Influence"),
    "interest": N_("Interest"),
    "outcome": N_("Outcome"),
    "stakeholders": N_("Stakeholders"),
    "is_critical": N_("Of them, critical group"),
    "suggested": N_("Suggested decision"),
    "agrees": N_("Recorded: same"),
    "differs": N_("Recorded: differs"),
    "not_recorded": N_("Not recorded"),
    "total": N_("Total"),
    "dimension": N_("Dimension"),
    "mean_level": N_("Mean level (0-3)"),
    "below_3": N_("Partnerships below level 3"),
    "partnerships": N_("Partnerships assessed"),
}

# The overview's sections (h2 headings): a headline without a page of the batch links to its section.
SECTIONS = {
    "alerts": N_("Alerts"),
    "register": N_("Partnership register"),
    "critical": N_("The critical group"),
    "due_diligence": N_("Due-diligence outcomes"),
    "value": N_("Value and risk decisions"),
    "quality": N_("Partnership quality"),
    "diagnosis": N_("Sector diagnosis"),
    "action_plan": N_("Action plan"),
}


@dataclass(frozen=True)
class Headline:
    """One headline message: the sentence (HTML, values escaped) and where its evidence is."""

    topic: str
    text: str
    href: str
    evidence: str


def section_anchor(key: str, lang: str) -> str:
    """The id Report.h2 gives the overview's section `key` (SECTIONS), for in-page links."""
    from partnerlab.report_catalogue import slugify

    return "s-" + slugify(i18n.gettext(SECTIONS[key], lang))


def see_report(listing: list[dict] | None, report: str, lang: str = "en") -> str | None:
    """A "see the report" line (HTML) linking the whole-portfolio copy of a report, None when the batch has none.

    Args:
        listing: The batch's report records (`report_catalogue.read_listing`), or None outside a batch.
        report: The report key (`due_diligence`).
        lang: The page language.
    """
    rec = _whole_page(listing, report)
    if rec is None:
        return None
    from partnerlab.report_catalogue import record_title

    _ = i18n.translator(lang)
    return _(
        'See the report: <a href="{href}">{title}</a>.',
        href=html.escape(f"{rec['name']}.html"),
        title=html.escape(record_title(rec, lang)),
    )


def evidence_href(listing: list[dict] | None, report: str, section: str, lang: str) -> tuple[str, str]:
    """Where a headline's evidence is: (href, link text): the report's page when the batch has it,
    else the overview's own section."""
    from partnerlab.report_catalogue import record_title

    _ = i18n.translator(lang)
    rec = _whole_page(listing, report)
    if rec is not None:
        return f"{rec['name']}.html", record_title(rec, lang)
    return "#" + section_anchor(section, lang), _(SECTIONS[section])


def headlines(
    wb,
    as_of: dt.date,
    lang: str = "en",
    listing: list[dict] | None = None,
    register: pd.DataFrame | None = None,
    top: int = 5,
) -> list[Headline]:
    """Three to five headline messages computed from the numbers, most decisive first.

    The partnerships (how many may go ahead, how many are blocked), the critical group, the
    quality of the partnerships, the action plan, the sector diagnosis and the value/risk
    decisions; a topic whose sheet is empty is left out. Alerts (blockers, warnings, deadlines)
    are counted apart, in `first_screen`.

    Args:
        wb: The loaded Workbook.
        as_of: The as-of date.
        lang: The page language.
        listing: The batch's report records, for links to the evidence (None: in-page links).
        register: consistency.partnership_verdicts(wb), when already computed.
        top: At most this many messages.
    """
    _ = i18n.translator(lang)
    found = [
        _partnerships_headline(register, _),
        _critical_headline(wb.stakeholders, _),
        _quality_headline(wb.quality_assessment, _, lang),
        _plan_headline(wb, as_of, _),
        _diagnosis_headline(wb.survey_questions, wb.survey_responses, _),
        _value_headline(wb.value_assessment, _),
    ]
    out = []
    for topic, text, report, section in filter(None, found):
        href, evidence = evidence_href(listing, report, section, lang)
        out.append(Headline(topic, text, href, evidence))
    return out[:top]


def status_counts(partnerships: pd.DataFrame, lang: str = "en") -> list[tuple[str, int]]:
    """Partnerships per status (vocabulary order, then any other value), as (label, count)."""
    _ = i18n.translator(lang)
    counts = partnerships.get("status", pd.Series(dtype=object)).fillna("").astype(str).value_counts()
    keys = [k for k in vocab.PARTNERSHIP_STATUSES.keys if counts.get(k, 0)]
    keys += sorted(k for k in counts.index if k not in keys)
    return [(_.label(vocab.PARTNERSHIP_STATUSES, k) if k else _("No status"), int(counts[k])) for k in keys]


def first_screen(
    wb,
    as_of: dt.date,
    alert_counts: dict[str, int],
    lang: str = "en",
    listing: list[dict] | None = None,
    register: pd.DataFrame | None = None,
    screened: pd.DataFrame | None = None,
) -> str:
    """The overview's first screen as HTML: headline messages with their evidence, the alert
    counts, the partnerships by status and the key figure. Workbook values are escaped."""
    _ = i18n.translator(lang)
    esc = html.escape
    items = "".join(
        f'<li>{h.text} <a class="pl-evidence" href="{esc(h.href)}">{esc(_("Evidence"))}: {esc(h.evidence)}</a></li>'
        for h in headlines(wb, as_of, lang, listing, register)
    )
    alerts_href = "#" + section_anchor("alerts", lang)
    counts = "".join(
        f'<a class="pl-alert-count pl-alert-{k}" href="{alerts_href}"><span class="pl-big">{_.number(alert_counts.get(k, 0))}'
        f"</span> {esc(_alert_word(_, k, alert_counts.get(k, 0)))}</a>"
        for k in ("blocker", "warning", "upcoming")
    )
    statuses = status_counts(wb.partnerships, lang) if len(wb.partnerships) else []
    status_html = "".join(
        f'<span class="pl-status-chip">{esc(label)} <b>{_.number(n)}</b></span>' for label, n in statuses
    ) or esc(_("No partnership recorded."))
    figure = key_figure(wb, screened, lang)
    as_of_text = _("Data as of {date}.", date=_.date(as_of)) if as_of else ""
    return (
        f'<div class="pl-report pl-brief">{_BRIEF_CSS}'
        f'<p class="pl-asof">{esc(as_of_text)}</p>'
        f'<div class="pl-brief-grid"><div class="pl-brief-main">'
        f'<h2 class="pl-brief-heading">{esc(_("In brief"))}</h2><ol class="pl-headlines">{items}</ol></div>'
        f'<div class="pl-brief-side">'
        f'<p class="pl-brief-label">{esc(_("Alerts"))}</p><div class="pl-alert-counts">{counts}</div>'
        f'<p class="pl-brief-label">{esc(_("Partnerships by status"))}</p><div class="pl-status-chips">{status_html}</div>'
        f"{figure}</div></div></div>"
    )


def alert_count_items(alert_counts: dict[str, int], lang: str = "en") -> list[tuple[str, str, int]]:
    """The alert counts for `Report.counts`: (severity, word in the language, count) each ("7 blockers")."""
    _ = i18n.translator(lang)
    return [
        (k, _alert_word(_, k, alert_counts.get(k, 0)), alert_counts.get(k, 0))
        for k in ("blocker", "warning", "upcoming")
    ]


def key_figure(wb, screened: pd.DataFrame | None, lang: str = "en") -> str:
    """The key figure (HTML <figure>, an inline PNG): the critical group by latest due-diligence
    outcome, the first thing Appendix 3 asks of it; "" when there is no critical group."""
    st = wb.stakeholders
    crit = stakeholders.critical_group(st) if len(st) else st
    if not len(crit):
        return ""
    table = critical_table(st, screened)
    counts = table["outcome"].value_counts()
    keys = [k for k in list(screening.OUTCOMES.keys) + ["not_screened"] if counts.get(k, 0)]
    keys = list(dict.fromkeys(keys + [k for k in counts.index if k not in keys]))
    _ = i18n.translator(lang)
    labels = [_.label(screening.OUTCOMES, k) for k in keys]
    values = [int(counts[k]) for k in keys]
    import matplotlib

    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(4.6, 0.42 * len(keys) + 0.7), dpi=100)
    colours = [_OUTCOME_COLOURS.get(k, "#607D8B") for k in keys]
    bars = ax.barh(range(len(keys)), values, color=colours)
    ax.set_yticks(range(len(keys)), labels)
    ax.invert_yaxis()
    for bar, v in zip(bars, values):
        ax.text(bar.get_width() + 0.15, bar.get_y() + bar.get_height() / 2, _.number(v), va="center", fontsize=10)
    ax.set_xlim(0, max(values) * 1.18 + 0.5)
    ax.set_xticks([])
    for side in ("top", "right", "bottom"):
        ax.spines[side].set_visible(False)
    ax.tick_params(axis="y", length=0, labelsize=10)
    fig.tight_layout()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", metadata={"Software": None})
    plt.close(fig)
    src = "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")
    caption = _.n(
        "The critical group ({n} stakeholder) by latest due-diligence outcome",
        "The critical group ({n} stakeholders) by latest due-diligence outcome",
        len(crit),
    )
    alt = caption + ": " + "; ".join(f"{label} {_.number(v)}" for label, v in zip(labels, values))
    return (
        f'<figure class="pl-key-figure"><figcaption>{html.escape(caption)}</figcaption>'
        f'<img src="{src}" alt="{html.escape(alt)}"></figure>'
    )


def headline_table(wb, as_of: dt.date, lang: str = "en") -> pd.DataFrame:
    """One line per topic with its headline figure, in the order of the batch's reports.

    Args:
        wb: The loaded Workbook.
        as_of: The as-of date (lateness, screening age).
        lang: The page language.

    Returns:
        Columns topic, figure, value (as text); a topic whose sheet is empty is left out.
    """
    _ = i18n.translator(lang)
    rows = [
        *_stakeholder_figures(wb, _),
        *_screening_figures(wb, as_of, _),
        *_value_figures(wb.value_assessment, _),
        *_quality_figures(wb.quality_assessment, _),
        *_diagnosis_figures(wb.survey_questions, wb.survey_responses, _),
        *_plan_figures(wb, as_of, _),
    ]
    rows = [
        (t, f, _.number(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else str(v)) for t, f, v in rows
    ]
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
    return out.drop(columns="id")  # full names: a reader sees whom, and a batch links each to its profile


def critical_sentence(stakeholder_table: pd.DataFrame, lang: str = "en") -> str:
    """How many stakeholders form the critical group, and by which rule (HTML).

    Their screening is no longer told here: the unscreened ones are alerts
    (consistency rule critical_unscreened), counted on the first screen.
    """
    crit = stakeholders.critical_group(stakeholder_table)
    _ = i18n.translator(lang)
    return _.n(  # the verb agrees with the critical group; the stakeholders counted apart
        "<b>{n}</b> of {total} has high influence and high interest ({threshold} or more on both): the "
        "critical group of potential allies (Appendix 3, step 2). The table gives each one's latest "
        "due-diligence outcome; the ones never screened are among the alerts.",
        "<b>{n}</b> of {total} have high influence and high interest ({threshold} or more on both): the "
        "critical group of potential allies (Appendix 3, step 2). The table gives each one's latest "
        "due-diligence outcome; the ones never screened are among the alerts.",
        len(crit),
        total=_stakeholder_count(len(stakeholder_table), _),
        threshold=_.number(stakeholders.HIGH),
    )


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
    rows = [
        {
            "dimension": quality.dimension_label(d, lang),
            "mean_level": round(float(levels[d].mean()), 2),
            "below_3": int((levels[d] < 3).sum()),
            "partnerships": int(levels[d].notna().sum()),
        }
        for d in quality.DIMENSIONS
    ]
    return pd.DataFrame(rows, columns=["dimension", "mean_level", "below_3", "partnerships"])


def quality_sentence(quality_assessment: pd.DataFrame, lang: str = "en") -> str:
    """How many partnerships reach level 3 on every dimension (HTML)."""
    levels = quality.portfolio_levels(quality.quality_scores(quality_assessment))
    dims = levels[list(quality.DIMENSIONS)]
    _ = i18n.translator(lang)
    assessed = _.n(
        "<b>{n}</b> partnership has a quality assessment.",
        "<b>{n}</b> partnerships have a quality assessment.",
        len(levels),
    )
    full = _.n(  # its own plural: the verb agrees with the partnerships that reach level 3
        "<b>{n}</b> of them reaches level 3 on all six dimensions (latest round, collective perspective or "
        "the mean of perspectives).",
        "<b>{n}</b> of them reach level 3 on all six dimensions (latest round, collective perspective or "
        "the mean of perspectives).",
        int((dims >= 3).all(axis=1).sum()),
    )
    return f"{assessed} {full}"


def diagnosis_sentence(questions: pd.DataFrame, responses: pd.DataFrame, lang: str = "en") -> str | None:
    """The diagnosis headline (HTML): the themes rated highest and lowest, and the most cited challenge.

    Returns None when no scale question has answers and no challenge question exists.
    """
    scores = survey.theme_scores(questions, responses, by=None).dropna(subset=["score"])
    top = survey.top_challenges(questions, responses, by=None, top=1)
    if scores.empty and top.empty:
        return None
    _ = i18n.translator(lang)
    parts = [_.n("<b>{n}</b> person answered the survey.", "<b>{n}</b> people answered the survey.", len(responses))]
    if len(scores) >= 2:
        best, worst = scores.loc[scores["score"].idxmax()], scores.loc[scores["score"].idxmin()]
        parts.append(
            _(
                "Highest rated theme: <b>{best}</b> ({best_score} on 0-1); lowest: <b>{worst}</b> ({worst_score}).",
                best=html.escape(_.label(vocab.THEMES, best["theme"])),
                best_score=_num(best["score"], _),
                worst=html.escape(_.label(vocab.THEMES, worst["theme"])),
                worst_score=_num(worst["score"], _),
            )
        )
    if len(top):
        values = {
            "challenge": html.escape("; ".join(top["option"])),
            "share": _.percent(float(top.iloc[0]["share_pct"]), 0),
        }
        if len(top) > 1:
            parts.append(
                _("Most cited challenges, tied: <b>{challenge}</b> ({share} of those who answered each).", **values)
            )
        else:
            parts.append(_("Most cited challenge: <b>{challenge}</b> ({share} of those who answered).", **values))
    return " ".join(parts)


# ---------------------------------------------------------------------------------------


def _alert_word(_, severity: str, n: int) -> str:
    if severity == "blocker":
        return _.n("blocker", "blockers", n)
    if severity == "warning":
        return _.n("warning", "warnings", n)
    return _.n("upcoming deadline", "upcoming deadlines", n)


# The headlines, one topic each: (topic, sentence, report, section) or None when the topic is left out.


def _stakeholder_count(n: int, _) -> str:
    """The stakeholders counted ("<b>12</b> stakeholders"), for a sentence that gives another count too."""
    return _.n("<b>{n}</b> stakeholder", "<b>{n}</b> stakeholders", n)


def _partnerships_headline(register: pd.DataFrame | None, _) -> tuple[str, str, str, str] | None:
    """The partnerships headline: how many of the register's partnerships may go ahead, how many are blocked."""
    if register is None or not len(register):
        return None
    n = len(register)
    go = int(register["verdict"].isin(["go", "go_with_conditions"]).sum())
    blocked = int((register["verdict"] == "blocked").sum())
    total = _.n("<b>{n}</b> partnership", "<b>{n}</b> partnerships", n)  # each count its own plural
    text = _.n(  # the verb agrees with the partnerships that may go ahead
        "<b>{n}</b> of {total} may go ahead; blocked: <b>{blocked}</b>.",
        "<b>{n}</b> of {total} may go ahead; blocked: <b>{blocked}</b>.",
        go,
        total=total,
        blocked=_.number(blocked),
    )
    return "partnerships", text, "overview", "register"


def _critical_headline(st: pd.DataFrame, _) -> tuple[str, str, str, str] | None:
    """The critical group headline: how many stakeholders have high influence and high interest."""
    if not len(st):
        return None
    crit = stakeholders.critical_group(st)
    text = _.n(  # the verb agrees with the critical group; the stakeholders counted apart
        "<b>{n}</b> of {total} has high influence and high interest: the critical group of potential allies.",
        "<b>{n}</b> of {total} have high influence and high interest: the critical group of potential allies.",
        len(crit),
        total=_stakeholder_count(len(st), _),
    )
    return "critical", text, "stakeholder_map", "critical"


def _quality_headline(quality_assessment: pd.DataFrame, _, lang: str) -> tuple[str, str, str, str] | None:
    """The quality headline: how many partnerships reach level 3 everywhere, and the weakest dimension."""
    if not len(quality_assessment):
        return None
    levels = quality.portfolio_levels(quality.quality_scores(quality_assessment))
    dims = levels[list(quality.DIMENSIONS)]
    means = dims.mean()
    if not (len(levels) and means.notna().any()):
        return None
    weakest = means.idxmin()
    text = _.n(  # the verb agrees with the partnerships that reach level 3 ("1 of 12 ... reaches")
        "<b>{n}</b> of {total} reaches level 3 on all six quality dimensions; the weakest dimension is "
        "<b>{dimension}</b> (mean level {level}).",
        "<b>{n}</b> of {total} reach level 3 on all six quality dimensions; the weakest dimension is "
        "<b>{dimension}</b> (mean level {level}).",
        int((dims >= 3).all(axis=1).sum()),
        total=_.n("<b>{n}</b> assessed partnership", "<b>{n}</b> assessed partnerships", len(levels)),
        dimension=html.escape(quality.dimension_label(weakest, lang)),
        level=_.number(float(means[weakest]), 1),
    )
    return "quality", text, "quality", "quality"


def _plan_headline(wb, as_of: dt.date, _) -> tuple[str, str, str, str] | None:
    """The action plan headline: how many courses of action are done, how many late."""
    if not len(wb.action_plan):
        return None
    s = actionplan.summary(wb.action_plan, as_of, wb.partnerships)
    if not s["actions"]:
        return None
    text = _.n(  # the verb agrees with the courses of action done
        "<b>{n}</b> of {total} is done; late: <b>{late}</b>.",
        "<b>{n}</b> of {total} are done; late: <b>{late}</b>.",
        s["done"],
        total=_.n("<b>{n}</b> course of action of the plan", "<b>{n}</b> courses of action of the plan", s["actions"]),
        late=_.number(s["late"]),
    )
    return "action_plan", text, "action_plan", "action_plan"


def _diagnosis_headline(questions: pd.DataFrame, responses: pd.DataFrame, _) -> tuple[str, str, str, str] | None:
    """The diagnosis headline: the themes the sectors rate highest and lowest (two scored themes or more)."""
    if not (len(responses) and len(questions)):
        return None
    scores = survey.theme_scores(questions, responses, by=None).dropna(subset=["score"])
    if len(scores) < 2:
        return None
    best, worst = scores.loc[scores["score"].idxmax()], scores.loc[scores["score"].idxmin()]
    text = _(
        "The sectors rate <b>{best}</b> highest ({best_score} on 0-1) and <b>{worst}</b> lowest ({worst_score}).",
        best=html.escape(_.label(vocab.THEMES, best["theme"])),
        best_score=_.number(float(best["score"])),
        worst=html.escape(_.label(vocab.THEMES, worst["theme"])),
        worst_score=_.number(float(worst["score"])),
    )
    return "diagnosis", text, "sector_diagnosis", "diagnosis"


def _value_headline(value_assessment: pd.DataFrame, _) -> tuple[str, str, str, str] | None:
    """The value/risk headline: how many recorded decisions differ from the suggested ones (None when none)."""
    if not len(value_assessment):
        return None
    latest = screening.latest_value_decisions(screening.value_decisions(value_assessment))
    differs = int((latest["agreement"] == "differs").sum())
    if not differs:
        return None
    text = _.n(
        "<b>{n}</b> recorded decision differs from the one the value/risk criteria suggest.",
        "<b>{n}</b> recorded decisions differ from the ones the value/risk criteria suggest.",
        differs,
    )
    return "value", text, "due_diligence", "value"


# The headline table's figures, one topic each: (topic, figure, value) rows, none when the sheet is empty.


def _stakeholder_figures(wb, _) -> list[tuple[str, str, object]]:
    """The stakeholders mapped, the critical group and the partnerships recorded (always shown)."""
    st = wb.stakeholders
    topic = _("Stakeholders")
    return [
        (topic, _("mapped"), len(st)),
        (
            topic,
            _("in the critical group (high influence and interest)"),
            len(stakeholders.critical_group(st)) if len(st) else 0,
        ),
        (_("Partnerships"), _("recorded"), len(wb.partnerships)),
    ]


def _screening_figures(wb, as_of: dt.date, _) -> list[tuple[str, str, object]]:
    """The stakeholders by latest due-diligence outcome."""
    if not len(wb.due_diligence):
        return []
    status = screening.screening_status(wb.stakeholders, screening.screen(wb.due_diligence), as_of)
    counts = screening.outcome_counts(status)
    outcomes = _joined((_.label(screening.OUTCOMES, k), v) for k, v in zip(counts["outcome"], counts["stakeholders"]))
    return [(_("Due diligence"), _("stakeholders by latest outcome"), outcomes)]


def _value_figures(value_assessment: pd.DataFrame, _) -> list[tuple[str, str, object]]:
    """The suggested decisions of the latest value/risk assessments, and how many recorded ones differ."""
    if not len(value_assessment):
        return []
    latest = screening.latest_value_decisions(screening.value_decisions(value_assessment))
    counts = latest["suggested"].value_counts()
    topic = _("Value and risk")
    return [
        (
            topic,
            _("suggested decision (latest assessment per subject)"),
            _joined((_.label(vocab.DECISIONS, k), counts.get(k, 0)) for k in vocab.DECISIONS.keys),
        ),
        (
            topic,
            _("recorded decision differs from the suggested one"),
            int((latest["agreement"] == "differs").sum()),
        ),
    ]


def _quality_figures(quality_assessment: pd.DataFrame, _) -> list[tuple[str, str, object]]:
    """The partnerships assessed and the mean level of the six quality dimensions."""
    if not len(quality_assessment):
        return []
    levels = quality.portfolio_levels(quality.quality_scores(quality_assessment))
    topic = _("Partnership quality")
    return [
        (topic, _("partnerships assessed"), len(levels)),
        (
            topic,
            _("mean level of the six dimensions (0-3)"),
            _num(levels[list(quality.DIMENSIONS)].stack().mean(), _),
        ),
    ]


def _diagnosis_figures(questions: pd.DataFrame, responses: pd.DataFrame, _) -> list[tuple[str, str, object]]:
    """The survey respondents and the theme scores."""
    if not (len(responses) and len(questions)):
        return []
    scores = survey.theme_scores(questions, responses, by=None).dropna(subset=["score"])
    topic = _("Sector diagnosis")
    rows = [(topic, _("survey respondents"), len(responses))]
    if len(scores):
        rows.append(
            (
                topic,
                _("theme scores (0 = lowest option, 1 = highest)"),
                _joined((_.label(vocab.THEMES, t), _num(v, _)) for t, v in zip(scores["theme"], scores["score"])),
            )
        )
    return rows


def _plan_figures(wb, as_of: dt.date, _) -> list[tuple[str, str, object]]:
    """The courses of action of the plan: all, done, in progress and late."""
    if not len(wb.action_plan):
        return []
    s = actionplan.summary(wb.action_plan, as_of, wb.partnerships)
    topic = _("Action plan")
    return [(topic, _(label), s[key]) for key, label in _PLAN_FIGURES]


_PLAN_FIGURES = (
    ("actions", N_("courses of action")),
    ("done", N_("done")),
    ("in_progress", N_("in progress")),
    ("late", N_("late courses")),
)
_OUTCOME_COLOURS = {
    "excluded": "#C62828",
    "incomplete": "#9A6B00",
    "caution": "#E0A800",
    "clear": "#2E7D32",
    "not_screened": "#607D8B",
}
_BRIEF_CSS = """<style>
.pl-brief .pl-asof { color: #555; margin: 0 0 0.3em; }
.pl-brief-grid { display: flex; flex-wrap: wrap; gap: 1.2em 2em; align-items: flex-start; }
.pl-brief-main { flex: 1 1 30em; min-width: 0; }
.pl-brief-side { flex: 0 1 27em; }
.pl-brief .pl-brief-heading { margin-top: 0.2em; }
.pl-headlines { margin: 0.2em 0 0 1.2em; padding: 0; }
.pl-headlines li { margin: 0 0 0.55em; font-size: 1.05em; }
.pl-evidence { font-size: 0.85em; white-space: nowrap; }
.pl-brief-label { font-weight: 600; margin: 0.4em 0 0.2em; color: #1F4E79; }
.pl-alert-counts { display: flex; gap: 0.4em; flex-wrap: wrap; }
.pl-alert-count { text-decoration: none; border-radius: 4px; padding: 0.1em 0.5em; border: 1px solid #DDD; color: #222;
  font-size: 0.92em; }
.pl-alert-count .pl-big { font-size: 1.55em; font-weight: 700; }
.pl-alert-blocker { background: #FDECEA; border-color: #C62828; } .pl-alert-blocker .pl-big { color: #B71C1C; }
.pl-alert-warning { background: #FFF8E1; border-color: #E0A800; } .pl-alert-warning .pl-big { color: #7A5500; }
.pl-alert-upcoming { background: #ECEFF1; border-color: #607D8B; } .pl-alert-upcoming .pl-big { color: #37474F; }
.pl-status-chip { display: inline-block; margin: 0 0.8em 0.2em 0; }
.pl-key-figure { margin: 0.6em 0 0; } .pl-key-figure figcaption { font-weight: 600; color: #1F4E79; font-size: 0.95em; }
.pl-key-figure img { max-width: 100%; }
</style>"""


def _whole_page(listing: list[dict] | None, report: str) -> dict | None:
    for rec in listing or []:
        if (
            rec.get("report") == report
            and rec.get("name") == report
            and rec.get("status") in ("ok", "running", "pending")
        ):
            return rec
    return None


def _joined(pairs) -> str:
    return " · ".join(f"{label} {value}" for label, value in pairs)


def _num(x: object, _=None, digits: int = 2) -> str:
    x = float(x)
    if math.isnan(x):
        return "—"
    return _.number(x, digits) if _ is not None else f"{x:.{digits}f}"


def plan_sentence(wb, as_of: dt.date, lang: str = "en") -> str:
    """The action plan at the as-of date (HTML): done, in progress, not started, late."""
    s = actionplan.summary(wb.action_plan, as_of, wb.partnerships)
    _ = i18n.translator(lang)
    return _.n(
        "As of {date}, the plan has <b>{n}</b> course of action. Done: <b>{done}</b>; in progress: "
        "<b>{in_progress}</b>; not started: <b>{not_started}</b>; late: <b>{late}</b>.",
        "As of {date}, the plan has <b>{n}</b> courses of action. Done: <b>{done}</b>; in progress: "
        "<b>{in_progress}</b>; not started: <b>{not_started}</b>; late: <b>{late}</b>.",
        s["actions"],
        date=_.date(as_of) if as_of else "—",
        done=_.number(s.get("done", 0)),
        in_progress=_.number(s.get("in_progress", 0)),
        not_started=_.number(s.get("not_started", 0)),
        late=_.number(s.get("late", 0)),
    )


def note_text(note: str, lang: str = "en") -> str:
    """A note of a topic module (an English msgid) in the language."""
    if not isinstance(note, str):
        raise TypeError(f"a note is an English msgid, not {type(note).__name__}: {note!r}")
    return i18n.gettext(note, lang)


def paragraph(text: str | None) -> str:
    """Trusted HTML (a sentence of this module) as a paragraph of the page."""
    return f'<div class="pl-report"><p>{text}</p></div>' if text else ""
