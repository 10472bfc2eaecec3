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
# # Change over time: what moved since the last mapping
#
# **Question**: between two snapshots of the portfolio, which stakeholders were added, removed or
# renamed; who moved on the influence-interest grid and who entered or left the critical group;
# which ties and shared partnerships began or ended; how the E-I index, brokerage, density and
# communities of each sector changed; which screenings, red flags, value decisions, partnership
# statuses, quality levels, action plan progress and survey scores moved?
#
# **Use in JupyterLab**: set `compare_to` to the earlier workbook (.xlsx) or to the `snapshot`
# folder a batch leaves in its output folder; or leave it blank and set `compare_year` to compare
# this workbook with itself as of that year (from the dates it records: ties since/until,
# partnership start/end, assessment dates). Then *Run > Run All Cells*. Rules are in
# `partnerlab/changes.py`.

# %% tags=["parameters"]
workbook: str = ""  # path to the newer workbook; blank: the bundled sample
lang: str = ""  # en, es or pt; blank: the workbook's about.language, else en
processed: str = ""  # folder of pre-parsed tables written by `partnerlab run`; blank: parse the workbook
compare_to: str = ""  # the earlier snapshot: a workbook (.xlsx) or a folder holding workbook.pkl; blank: this workbook as of compare_year
compare_year: int = 0  # without compare_to: the earlier year (0: the year before the later snapshot)
year: int = 0  # without compare_to: the later year (0: the workbook as it is)
history: str = ""  # a folder of workbooks (.xlsx), or the listing a batch writes of one, for trend charts ordered by about.as_of; blank: no trends

# %%
from partnerlab import changes as ch
from partnerlab.page import Report
from partnerlab.plots.changes import plot_grid_moves, plot_trends

rpt = Report.open(workbook, lang=lang, processed=processed, report="changes")
old, new, mode = ch.resolve_snapshots(
    rpt.wb, compare_to, compare_year, year
)  # the two snapshots, old ids matched to new
rpt.params = ch.header_params(old, new, mode, history, rpt.lang)
rpt.header()

# %%
c = ch.compare_workbooks(old, new)  # every change table, old ids matched to the new ones

# %% [markdown] tags=["analyst-note"]
# ## What is compared
# The two snapshots by date and file, then how many rows each kind of change has (only the kinds with rows).

# %%
rpt.h2("What is compared")
rpt.p("{text}", text=ch.compared_text(old, new, mode, rpt.lang))

# %%
if ch.summary_table(c, rpt.lang).empty:
    rpt.p("The two snapshots hold the same records: nothing moved.")
else:
    rpt.table(ch.summary_table(c, rpt.lang)[["kind", "rows"]], labels=ch.TABLE_LABELS)
    rpt.keep("changes_summary", ch.summary_counts(c))

# %% [markdown] tags=["analyst-note"]
# ## Stakeholders
# Matching rule: `changes.match_stakeholders` (id first, then the likely-duplicate name rule).

# %%
rpt.h2("Stakeholders")
rpt.p(
    "A stakeholder is the same in both snapshots when its id is (ignoring case, accents, spaces, hyphens and underscores) or, where the id changed, when its name matches by the rule for likely duplicates (same name once case, accents, punctuation and common words are ignored, or one name is the other's acronym in brackets)."
)

# %%
ch.show_tables(rpt, c, ("stakeholders_added", "stakeholders_removed", "stakeholders_renamed", "stakeholder_attributes"))

# %% [markdown] tags=["analyst-note"]
# ## Grid moves
# One arrow per stakeholder whose influence or interest changed; then who entered or left the critical group.

# %%
rpt.h2("Moves on the influence-interest grid")
if c["grid_moves"].empty:
    rpt.left_out("No stakeholder present in both snapshots changed its influence or interest.")
else:
    rpt.show(plot_grid_moves(c["grid_moves"], lang=rpt.lang), alt=ch.grid_moves_alt(c["grid_moves"], rpt.lang))
    rpt.table(ch.display_table("grid_moves", c["grid_moves"], rpt.lang), labels=ch.TABLE_LABELS)
    rpt.keep("changes_grid_moves", c["grid_moves"])

# %%
ch.show_tables(rpt, c, ("critical_group",))

# %% [markdown] tags=["analyst-note"]
# ## Ties and shared partnerships
# Each snapshot counts the ties active in the year of its as-of date.

# %%
rpt.h2("Ties and shared partnerships")
rpt.p(
    "Each snapshot counts the ties active in the year of its as-of date: a tie whose end year (until) is earlier has ended."
)

# %%
ch.show_tables(rpt, c, ("ties",))

# %%
rpt.h3(ch.TABLE_TITLES["shared_partnerships"])
if c["shared_partnerships"].empty:
    rpt.left_out(ch.EMPTY_NOTE)
else:
    rpt.table(
        ch.shared_partnership_summary(c["shared_partnerships"], new.partnerships, rpt.lang), labels=ch.TABLE_LABELS
    )
    rpt.keep("changes_shared_partnerships", c["shared_partnerships"])

# %% [markdown] tags=["analyst-note"]
# ## Network measures by sector
# E-I index, density, components and Gould-Fernandez brokerage of each sector's own stakeholders, then → now.

# %%
rpt.h2("Network measures by sector")
if c["sectors"].empty:
    rpt.left_out("No network measure moved.")
else:
    rpt.p(
        "Each cell reads then → now (one value: no change). E-I = (ties to other sectors - ties inside) / all ties, from -1 (a closed silo) to +1; density and components are those of the sector's own stakeholders."
    )
    rpt.table(
        ch.sector_overview(old, new, ("stakeholders", "ties", "ei", "density", "components"), rpt.lang),
        labels=ch.TABLE_LABELS,
    )
    rpt.p("Gould-Fernandez brokerage: open two-paths a → b → c brokered by the sector's stakeholders, by role.")
    rpt.table(
        ch.sector_overview(old, new, tuple(m for m in ch.MEASURES if m.startswith("brokerage_")), rpt.lang),
        labels=ch.TABLE_LABELS,
    )
    rpt.keep("changes_sectors", c["sectors"])

# %% [markdown] tags=["analyst-note"]
# ## Communities
# Louvain with a fixed seed; numbers kept by member overlap (`changes.match_communities`).

# %%
rpt.h2("Communities")
if c["communities"].empty and c["community_moves"].empty:
    rpt.left_out("The communities kept their members.")
else:
    rpt.p(
        "Louvain communities (fixed seed) of each snapshot. A community now keeps the number of the community then that shares most of its members (Jaccard overlap of at least {j}), so a number means the same group in both; the others get new numbers. Louvain may split a large group differently when a few ties change: read small moves with care.",
        j=ch.MIN_JACCARD,
    )
    ch.show_tables(rpt, c, ("communities", "community_moves"))

# %% [markdown] tags=["analyst-note"]
# ## Due diligence and value/risk decisions
# Latest screening per stakeholder; expiry uses the due-diligence report's age limit.

# %%
rpt.h2("Due diligence and value/risk decisions")
rpt.p(
    "Outcomes are those of each stakeholder's latest screening (Appendix 4). A screening expired in between when it was at most {days} days old at the earlier date and is older now.",
    days=ch.MAX_AGE_DAYS,
)

# %%
ch.show_tables(
    rpt, c, ("new_screenings", "screening_outcomes", "new_red_flags", "expired_screenings", "value_decisions")
)

# %% [markdown] tags=["analyst-note"]
# ## Partnerships and their quality

# %%
rpt.h2("Partnerships and their quality")
rpt.p(
    "Quality levels (0-3, Appendix 6) are each partnership's latest round: its collective perspective, else the mean of the perspectives assessed."
)

# %%
ch.show_tables(rpt, c, ("partnership_status", "quality"))

# %% [markdown] tags=["analyst-note"]
# ## Action plan
# Progress in percentage points, each side with its own as-of date.

# %%
rpt.h2("Action plan")

# %%
ch.show_tables(rpt, c, ("plan_progress", "newly_done", "newly_late"))

# %% [markdown] tags=["analyst-note"]
# ## Sector diagnosis survey
# Theme scores (0-1) per sector; stated only with enough respondents on both sides.

# %%
rpt.h2("Sector diagnosis survey")
if c["survey"].empty:
    rpt.left_out("No theme score or respondent count moved (or a survey is missing on both sides).")
elif (c["survey"]["n_before"] == 0).all() or (c["survey"]["n_after"] == 0).all():
    rpt.left_out(
        "Only one of the two snapshots has survey answers: there is nothing to compare (the sector diagnosis report shows the scores)."
    )
else:
    rpt.p(
        "Theme scores run from 0 (lowest option) to 1 (highest). A change is stated only where the sector has at least {n} respondents in both snapshots.",
        n=ch.MIN_RESPONDENTS,
    )
    rpt.table(ch.display_table("survey", c["survey"], rpt.lang), labels=ch.TABLE_LABELS)
if not c["survey"].empty:
    rpt.keep("changes_survey", c["survey"])

# %% [markdown] tags=["analyst-note"]
# ## Trends across the snapshots
# Only with `history` (a folder of workbooks, ordered by `about.as_of`).

# %%
rpt.h2("Trends across the snapshots")
trend = ch.trend_table(ch.load_history(history)) if history else None
if trend is None:
    rpt.left_out("No folder of snapshots given (parameter history, or partnerlab run --history DIR).")
else:
    rpt.p("{text}", text=ch.trend_text(trend, rpt.lang))
    rpt.show(plot_trends(trend, rpt.lang), alt=ch.trends_alt(trend, rpt.lang))
    shown = ch.trend_display(trend, rpt.lang)
    rpt.table(shown, labels={**{col: col for col in shown.columns}, **ch.TABLE_LABELS})
    rpt.keep("changes_trends", trend)
