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
# # Partnership quality (Appendix 6)
#
# **Question**: how inclusive, participatory and accountable is each partnership (the six
# dimensions and three principles of the UNDESA/UNDP framework), how do perspectives and rounds
# compare, and what is needed to reach level 3?
#
# **Use in JupyterLab**: set `partnership` to a partnership id (e.g. `P12`) for its own page, or
# leave it blank for the portfolio view; then *Run > Run All Cells*. Definitions (principle means,
# rounds, spread) are in `partnerlab/quality.py`.

# %% tags=["parameters"]
workbook: str = ""  # path to the input workbook; blank: the bundled sample
lang: str = ""  # en, es or pt; blank: the workbook's about.language, else en
processed: str = ""  # folder of pre-parsed tables written by `partnerlab run`; blank: parse the workbook
partnership: str = ""  # a partnership id for its own page; blank: the portfolio view


# %%
from partnerlab import quality
from partnerlab.page import Report
from partnerlab.plots import quality as plots

rpt = Report.open(workbook, lang=lang, processed=processed, report="quality", params={"partnership": partnership})
rpt.header()

# %%
# inputs: scores with rounds and principles; the one partnership asked for (blank: every partnership)
wb, L = rpt.wb, quality.table_labels(rpt.lang)
names = dict(zip(wb.partnerships["id"], wb.partnerships["name"]))
scores = quality.quality_scores(wb.quality_assessment)
pid = quality.find_partnership(scores, wb.partnerships, partnership)
if pid:
    scores = scores[scores["partnership"] == pid]
levels = quality.portfolio_levels(scores)

# %% [markdown] tags=["analyst-note"]
# ## Quality by dimension and principle
# One partnership: its dot plot and the latest round by perspective. Portfolio: the heatmap and the principle levels of every partnership.

# %%
rpt.h2("Quality by dimension and principle")
if scores.empty:
    rpt.left_out("No quality assessment for this selection (sheet quality_assessment).")
else:
    rpt.p(quality.QUALITY_NOTE)

# %%
if pid and not scores.empty:
    rpt.show(
        plots.plot_partnership_quality(scores, pid, names.get(pid, pid), lang=rpt.lang),
        alt=quality.partnership_alt(scores, pid, names.get(pid, pid), rpt.lang),
    )
    rpt.p("Levels of the latest round ({date}) by perspective:", date=scores["assessed_on"].max())
    rpt.table(quality.round_table(scores, pid, rpt.lang), labels=L)

# %%
if not pid and not scores.empty:
    rpt.show(plots.plot_quality_heatmap(levels, names, lang=rpt.lang), alt=quality.heatmap_alt(levels, rpt.lang))
    rpt.table(quality.levels_table(levels, names, rpt.lang, dimensions=False), labels=L)
    rpt.keep("quality_levels", quality.levels_table(levels, names, "en"))  # the findings workbook: portfolio page only
    rpt.keep("quality_assessments", scores.assign(partnership_name=scores["partnership"].map(names)))

# %% [markdown] tags=["analyst-note"]
# ## Where perspectives disagree
# Government and civil society first (2 levels or more apart), else any two perspectives.

# %%
spread = quality.perspective_spread(scores)
divergent = quality.divergence_table(spread, names, rpt.lang)
wide = quality.divergence_table(spread, names, rpt.lang, only_divergent=False, min_spread=2)

# %%
rpt.h2("Where perspectives disagree (latest round)")
if scores.empty or spread["n_perspectives"].max() < 2:
    rpt.left_out("Only one perspective was assessed in the latest round.")
elif not divergent.empty:
    rpt.p("Government and civil society disagree by 2 levels or more on {n} dimensions:", n=len(divergent))
    rpt.table(divergent.drop(columns="partnership") if pid else divergent, labels=L)
elif not wide.empty:
    rpt.p(
        "Government and civil society never differ by 2 levels or more; other perspectives do, on {n} dimensions:",
        n=len(wide),
    )
    rpt.table(wide.drop(columns="partnership") if pid else wide, labels=L)
else:
    rpt.p("No two perspectives differ by 2 levels or more on any dimension.")

# %% [markdown] tags=["analyst-note"]
# ## Change between rounds
# One partnership: every perspective; portfolio: the collective perspective.

# %%
changes = quality.change_summary_table(
    quality.round_changes(scores, latest_only=True), names, rpt.lang, perspectives=None if pid else ("collective",)
)

# %%
rpt.h2("Change between rounds")
if scores.empty or scores["round"].max() < 2:
    rpt.left_out("Only one assessment round: nothing to compare yet.")
elif changes.empty:
    rpt.p("No level changed since the previous round.")
elif pid:
    rpt.p("Dimensions that moved since the previous round, by perspective:")
    rpt.table(changes.drop(columns="partnership"), labels=L)
else:
    rpt.p("Dimensions that moved since the previous round (collective perspective):")
    rpt.table(changes.drop(columns="perspective"), labels=L)

# %% [markdown] tags=["analyst-note"]
# ## To reach level 3
# The Appendix 6 criteria of every dimension below level 3 (`quality.todo_list`).

# %%
todo = quality.todo_table(levels, names, rpt.lang)

# %%
rpt.h2("To reach level 3")
if todo.empty:
    rpt.left_out("Every dimension is at level 3 (or blank).")
elif pid:
    rpt.p("For every dimension below level 3, the criteria Appendix 6 requires to reach level 3:")
    rpt.table(todo.drop(columns="partnership"), labels=L, max_rows=100)
else:
    rpt.p(
        "{n} partnerships have dimensions below level 3; the Appendix 6 criteria to meet are listed on each partnership's own page.",
        n=todo["partnership"].nunique(),
    )
    rpt.table(quality.todo_summary_table(levels, names, rpt.lang), labels=L)
    rpt.keep("quality_todo", quality.todo_table(levels, names, "en"))

# %% [markdown] tags=["analyst-note"]
# ## Gaps, impact and lessons
# The worksheet's questions 3-5, on a partnership's own page.

# %%
notes = quality.notes_table(wb.quality_assessment, pid, rpt.lang) if pid else None

# %%
rpt.h2("Gaps, impact and lessons (latest round)")
if notes is None or notes.empty:
    rpt.left_out("Shown on the page of one partnership, when its worksheet answers (gaps, impact, lessons) are filled.")
else:
    rpt.table(notes, labels=L)
