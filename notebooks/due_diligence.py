# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown] tags=["analyst-note"]
# # Due diligence and value/risk decisions (Appendices 4 and 5)
#
# **Question**: which partners are clear, caution, incomplete or excluded (Appendix 4), which
# value/risk assessments point to decline, continue analysis or proceed (Appendix 5), and where
# the recorded decision differs from what the criteria suggest?
#
# **Use in JupyterLab**: set `max_age_days` (a screening older than this is flagged for renewal),
# then *Run > Run All Cells*. The rules and the page's sentences are in `partnerlab/screening.py`,
# the figures and their descriptions in `partnerlab/plots/screening.py`; every word of the page is
# in the message catalogs (docs/translating.md).

# %% tags=["parameters"]
workbook: str = ""  # path to the input workbook; blank: the bundled sample
lang: str = ""  # en, es or pt; blank: the workbook's about.language, else en
processed: str = ""  # folder of pre-parsed tables written by `partnerlab run`; blank: parse the workbook
max_age_days: int = 365  # a screening older than this many days on the as-of date is flagged for renewal


# %%
from partnerlab import consistency, screening, stakeholders
from partnerlab.page import Report
from partnerlab.plots import screening as plots

rpt = Report.open(
    workbook, lang=lang, processed=processed, report="due_diligence", params={"max_age_days": max_age_days}
)
rpt.header()

# %% [markdown] tags=["analyst-note"]
# The inputs: the as-of date (a date), every screening with its outcome, the latest per
# stakeholder, and the names of stakeholders and partnerships.

# %%
wb, L, V = rpt.wb, screening.TABLE_LABELS, screening.TABLE_VOCABS
as_of = screening.as_of_date(wb.about)
names = screening.subject_names(wb.stakeholders, wb.partnerships)
screened = screening.screen(wb.due_diligence)
latest = screening.latest_screenings(screened, as_of, max_age_days)
status = screening.screening_status(wb.stakeholders, screened, as_of, max_age_days)

# %% [markdown] tags=["analyst-note"]
# ## Due-diligence outcomes (Appendix 4)
# The rule of each outcome, the count per outcome and what each means.

# %%
rpt.h2("Due-diligence outcomes")

# %%
if not wb.has("due_diligence"):
    rpt.left_out("The workbook has no due-diligence screenings (sheet due_diligence).")
else:
    rpt.p(screening.RULES_NOTE, max_age_days=max_age_days, as_of=as_of)

# %%
if wb.has("due_diligence"):
    rpt.show(plots.plot_outcome_counts(status, lang=rpt.lang), alt=plots.outcome_counts_alt(status, rpt.lang))

# %%
if wb.has("due_diligence"):
    rpt.table(screening.outcome_table(status, rpt.lang), labels=L, vocab=V)

# %% [markdown] tags=["analyst-note"]
# ## Findings of the latest screenings
# Red flags answered Yes, unanswered questions, information checks answered No; the grid shows the
# same by question.

# %%
rpt.h2("Red flags, unanswered questions and cautions")

# %%
findings = screening.findings_table(latest, names, rpt.lang)

# %%
if findings.empty:
    rpt.left_out("No latest screening has a red flag, an unanswered question or a No to an information check.")
else:
    rpt.table(findings, labels=L, vocab=V)
    rpt.keep("due_diligence_findings", findings)

# %%
if not findings.empty:
    rpt.show(plots.plot_screening_grid(latest, names, lang=rpt.lang), alt=plots.screening_grid_alt(latest, rpt.lang))

# %% [markdown] tags=["analyst-note"]
# ## Screenings to renew
# Latest screenings older than `max_age_days` on the as-of date.

# %%
rpt.h2("Screenings to renew")

# %%
stale = screening.stale_table(latest, names)

# %%
if stale.empty:
    rpt.left_out("No latest screening is older than {max_age_days} days.", max_age_days=max_age_days)
else:
    rpt.p("{text}", text=screening.stale_sentence(stale, max_age_days, as_of, rpt.lang))
    rpt.table(stale, labels=L, vocab=V)

# %% [markdown] tags=["analyst-note"]
# ## The critical group without a screening
# "A risk analysis must be conducted" (Appendix 3, step 2) for every stakeholder of high influence
# and high interest.

# %%
rpt.h2("Critical group without a screening")

# %%
critical = stakeholders.critical_group(wb.stakeholders)
missing = screening.unscreened_critical(critical, screened)

# %%
rpt.p("{text}", text=screening.critical_sentence(critical, missing, rpt.lang))

# %%
if not missing.empty:
    rpt.table(missing[["name", "sector", "influence", "interest"]], labels=L, vocab=V)
    rpt.keep("critical_not_screened", missing[["id", "name", "sector", "influence", "interest"]])

# %% [markdown] tags=["analyst-note"]
# ## Value, risks and implications (Appendix 5)
# The suggested and recorded decision of every value assessment.

# %%
decisions = screening.value_decisions(wb.value_assessment)

# %%
rpt.h2("Value, risks and implications: decisions")

# %%
if decisions.empty:
    rpt.left_out("The workbook has no value assessments (sheet value_assessment).")
else:
    rpt.p(screening.VALUE_NOTE)
    rpt.table(screening.decision_count_table(decisions), labels=L, vocab=V)

# %%
if not decisions.empty:
    rpt.show(
        plots.plot_value_criteria(screening.value_grid(wb.value_assessment, names), decisions, lang=rpt.lang),
        alt=plots.value_criteria_alt(decisions, rpt.lang),
    )

# %%
if not decisions.empty:
    rpt.table(screening.decision_table(decisions, names, rpt.lang).drop(columns="subject_kind"), labels=L, vocab=V)
    rpt.keep("value_decisions", screening.decision_table(decisions, names, "en"))

# %% [markdown] tags=["analyst-note"]
# Where the recorded decision differs from what the criteria suggest.

# %%
rpt.h2("Where the recorded decision differs")

# %%
differs = screening.decision_table(screening.decision_disagreements(decisions), names, rpt.lang)

# %%
if differs.empty:
    rpt.left_out("Every recorded decision agrees with the criteria.")
else:
    rpt.p("{text}", text=screening.differs_sentence(differs, rpt.lang))
    rpt.table(differs, labels=L, vocab=V)

# %%
rpt.h2("Pending issues")

# %%
pending = screening.pending_table(decisions, names, rpt.lang)

# %%
if pending.empty:
    rpt.left_out("No assessment records pending issues or open criteria.")
else:
    rpt.table(pending, labels=L, vocab=V)

# %% [markdown] tags=["analyst-note"]
# ## Contradictions with the other sheets
# Where the screenings and decisions contradict the other sheets (docs/consistency.md); every alert
# is on the overview.

# %%
rpt.h2("Contradictions with the other sheets")

# %%
decision_alerts = consistency.alerts_of_rules(
    wb, list(consistency.DECISION_RULES), lang=rpt.lang, max_age_days=max_age_days
)

# %%
if decision_alerts.empty:
    rpt.left_out("No screening or decision contradicts the partnerships, the dates or the criteria.")
else:
    rpt.p(consistency.RULES_NOTE)
    rpt.table(
        consistency.alerts_table(decision_alerts).drop(columns=["subject_kind", "subject_id"]),
        labels=consistency.TABLE_LABELS,
        vocab=consistency.TABLE_VOCABS,
    )
