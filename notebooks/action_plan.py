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
# # Action plan progress (Appendix 1)
#
# **Question**: how far along are the 49 courses of action of the Partnership Strategy, by pillar,
# area, year and responsible entity; which are late; who carries the workload; which courses of
# action have partnerships linked to them?
#
# **Use in JupyterLab**: set `year` in the parameters cell to a planned year (e.g. `2024`) to see
# the actions planned for that year, or `0` for every year; then *Run > Run All Cells*. An action
# is late when its last planned year is before the as-of year (`about.as_of`, else today) and it is
# neither done nor dropped (`partnerlab/actionplan.py`, which also builds the page's sentences).

# %% tags=["parameters"]
workbook: str = ""  # path to the input workbook; blank: the bundled sample
lang: str = ""  # en, es or pt; blank: the workbook's about.language, else en
processed: str = ""  # folder of pre-parsed tables written by `partnerlab run`; blank: parse the workbook
year: int = 0  # a planned year such as 2024: the actions planned for it; 0: every year

# %%
from partnerlab import actionplan, screening
from partnerlab.page import Report
from partnerlab.plots import actionplan as plots

rpt = Report.open(workbook, lang=lang, processed=processed, report="action_plan", params={"year": year or None})
rpt.header()

# %% [markdown] tags=["analyst-note"]
# Inputs: the plan (filtered to the year), the as-of date, the partnerships for links.

# %%
as_of = screening.as_of_date(rpt.wb.about)
plan = actionplan.plan_rows(rpt.wb, year)  # the rows of the year: the page depends on them only
has_plan = not plan.empty

# %%
rpt.h2("At a glance")
if not has_plan:
    rpt.left_out("The workbook has no action plan rows for this page (year {year}).", year=year or "—")
else:
    text, values = actionplan.summary_sentence(plan, as_of, rpt.wb.partnerships, year)
    rpt.p(*text, **values)

# %%
if has_plan:
    by_pillar = actionplan.progress_by(plan, "pillar", as_of)  # once: the chart, the table and the kept table
    rpt.show(
        plots.plot_status_bars(by_pillar, "pillar", lang=rpt.lang),
        alt=actionplan.status_alt(by_pillar, "pillar", rpt.lang),
    )
    rpt.details(
        rpt._("Table: progress by pillar"),
        by_pillar.round(1),
        labels=actionplan.PROGRESS_LABELS,
        vocab={"pillar": "pillar"},
    )
    rpt.keep("action_plan_by_pillar", by_pillar)

# %% [markdown] tags=["analyst-note"]
# One fold per pillar: its progress in the summary line; inside, its timeline and its courses of action.

# %%
rpt.h2("The courses of action by pillar")
if has_plan:
    rpt.p("Open a pillar for its timeline and the table of its courses of action.")
    for fold in plots.pillar_folds(plan, as_of, lang=rpt.lang):
        rpt.details(**fold)
else:
    rpt.left_out("No action to draw.")

# %%
rpt.h2("What is late")
late = actionplan.late_actions(plan, as_of, lang=rpt.lang) if has_plan else None  # whole texts for the kept table
if late is None or late.empty:
    rpt.left_out("No course of action is late as of {as_of}.", as_of=as_of)
else:
    rpt.p(actionplan.LATE_NOTE, as_of=as_of)
    rpt.table(
        actionplan.late_actions(plan, as_of, lang=rpt.lang, action_chars=90),
        labels=actionplan.ACTION_LABELS,
        vocab={"status": "action_status"},
    )
    rpt.keep("action_plan_late", late)

# %%
rpt.h2("Progress by area")
if has_plan:
    by_area = actionplan.progress_by(plan, "area", as_of, lang=rpt.lang)
    rpt.show(
        plots.plot_status_bars(by_area, "area", lang=rpt.lang), alt=actionplan.status_alt(by_area, "area", rpt.lang)
    )
    rpt.details(rpt._("Table: progress by area"), by_area.round(1), labels=actionplan.PROGRESS_LABELS)
else:
    rpt.left_out("No action plan rows.")

# %%
rpt.h2("Responsible entities and their workload")
if has_plan:
    load = actionplan.workload(plan, as_of, lang=rpt.lang)
    rpt.show(plots.plot_workload(load, lang=rpt.lang), alt=actionplan.workload_alt(load, rpt.lang))
    rpt.details(rpt._("Table: workload by responsible entity"), load, labels=actionplan.WORKLOAD_LABELS)
    rpt.keep("action_plan_workload", load)
else:
    rpt.left_out("No action plan rows.")

# %%
rpt.h2("Progress by year")
if not has_plan:
    rpt.left_out("No action plan rows.")
elif year:
    rpt.left_out("This page covers one year ({year}).", year=str(year))
else:
    by_year = actionplan.progress_by(plan, "year", as_of)
    rpt.show(
        plots.plot_status_bars(by_year, "year", lang=rpt.lang), alt=actionplan.status_alt(by_year, "year", rpt.lang)
    )
    rpt.details(rpt._("Table: progress by year"), by_year.round(1), labels=actionplan.PROGRESS_LABELS)

# %%
rpt.h2("Partnerships linked to the courses of action")
if not has_plan or not rpt.wb.has("partnerships"):
    rpt.left_out("The workbook has no partnerships, so no links to the action plan.")
else:
    text, values = actionplan.links_sentence(plan, rpt.wb.partnerships)
    rpt.p(*text, **values)
    rpt.table(
        actionplan.links_table(plan, rpt.wb.partnerships, linked=True, lang=rpt.lang, action_chars=90),
        labels=actionplan.ACTION_LABELS,
    )
    rpt.details(
        rpt._("Courses of action with no partnership"),
        actionplan.links_table(plan, rpt.wb.partnerships, linked=False, lang=rpt.lang, action_chars=90),
        labels=actionplan.ACTION_LABELS,
    )
