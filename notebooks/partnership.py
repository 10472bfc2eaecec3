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
# # Partnership
#
# **Question**: where does this partnership stand: its status, type and typology, lead and members (each
# with due-diligence outcome and verdict), SDGs, linked courses of action, value decisions (Appendix 5),
# quality by round (Appendix 6), and which rules find a contradiction (docs/consistency.md)?
#
# **Use in JupyterLab**: set `partnership` to a partnership id or name (e.g. `P12`; blank: the first of
# the sheet), then *Run > Run All Cells*. The pieces come from `partnerlab/partnership.py` and
# `partnerlab/consistency.py`; every word of the page is in the message catalogs (docs/translating.md).

# %% tags=["parameters"]
workbook: str = ""  # path to the input workbook; blank: the bundled sample
lang: str = ""  # en, es or pt; blank: the workbook's about.language, else en
processed: str = ""  # folder of pre-parsed tables written by `partnerlab run`; blank: parse the workbook
partnership: str = ""  # a partnership id or name; blank: the first partnership of the sheet
max_age_days: int = 365  # a screening older than this many days at a decision or the as-of date is stale

# %%
from partnerlab import consistency, screening
from partnerlab import partnership as pship
from partnerlab.page import Report

rpt = Report.open(workbook, lang=lang, processed=processed, report="partnership", params={"partnership": partnership})
rpt.header()

# %% [markdown] tags=["analyst-note"]
# The inputs, resolved once: the partnership asked for (an id or a name; one that matches none stops
# here with the closest names), the as-of date (a date) and the verdict box with
# the alerts that name it.

# %%
wb, L, V = rpt.wb, {**consistency.TABLE_LABELS, **pship.TABLE_LABELS}, consistency.TABLE_VOCABS
pid = pship.find_partnership(wb.partnerships, partnership or pship.partnership_ids(wb)[0])
as_of = screening.as_of_date(wb.about)
b = consistency.brief(wb, pid, "partnership", lang=rpt.lang, max_age_days=max_age_days)

# %%
rpt.p("{text}", text=b["row"]["name"])

# %% [markdown] tags=["analyst-note"]
# The verdict, what blocks, what to do next (docs/consistency.md).

# %%
rpt.verdict(b["verdict"], b["heading"], b["sections"])

# %%
rpt.h2("The partnership")

# %%
rpt.table(pship.facts_table(wb, pid, rpt.lang), labels=L)

# %% [markdown] tags=["analyst-note"]
# Each party with its latest screening and verdict; UN-system members are never asked for due diligence.

# %%
rpt.h2("Lead and members")

# %%
members = consistency.members_table(wb, pid, max_age_days=max_age_days, lang=rpt.lang)

# %%
if members.empty:
    rpt.left_out("No lead or member recorded (sheet partnerships).")
else:
    rpt.table(members, labels=L, vocab=V)

# %% [markdown] tags=["analyst-note"]
# The courses of action of the action plan (Appendix 1) the partnership is linked to.

# %%
rpt.h2("Courses of action (Appendix 1)")

# %%
courses = pship.courses_table(wb, pid, as_of, rpt.lang)

# %%
if courses.empty:
    rpt.left_out("Not linked to any course of action of the action plan.")
else:
    rpt.table(courses, labels=L, vocab={**V, **pship.TABLE_VOCABS})

# %% [markdown] tags=["analyst-note"]
# Every value assessment of the partnership (Appendix 5), latest first.

# %%
rpt.h2("Value, risks and implications (Appendix 5)")

# %%
decisions = pship.decisions_table(wb, pid)

# %%
if decisions.empty:
    rpt.left_out("No value/risk assessment of this partnership (sheet value_assessment).")
else:
    rpt.table(decisions, labels=L, vocab=pship.TABLE_VOCABS)

# %% [markdown] tags=["analyst-note"]
# Quality by round (Appendix 6), as the portfolio reads it.

# %%
rpt.h2("Quality (Appendix 6)")

# %%
rounds = pship.quality_rounds_table(wb, pid, rpt.lang)

# %%
if rounds.empty:
    rpt.left_out("No quality assessment of this partnership (sheet quality_assessment).")
else:
    rpt.table(rounds, labels=L)

# %% [markdown] tags=["analyst-note"]
# Every alert that names the partnership or one of its parties.

# %%
rpt.h2("Alerts")

# %%
if b["alerts"].empty:
    rpt.left_out("No alert names this partnership.")
else:
    rpt.p(consistency.RULES_NOTE)
    rpt.table(b["alerts"].drop(columns=["subject_id", "action"]), labels=L, vocab=V)
