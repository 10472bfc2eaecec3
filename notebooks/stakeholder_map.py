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
# # Stakeholder map
#
# Who are the stakeholders, by sector, scope and state (Appendix 3, step 1)? Where does each sit
# on the influence-interest grid, and which is the critical group of potential allies (step 2)?
# What role does each play (step 3)? How diversified is the base of partners? Which states have
# no partner?
#
# Change a parameter in the next cell and run all cells. This note is not part of the exported
# report. The sentences of the page are built in `partnerlab/stakeholders.py`; on a page of one
# sector or one state they speak of that selection, never of the portfolio.

# %% tags=["parameters"]
workbook: str = ""  # path to the input workbook; blank: the bundled sample
lang: str = ""  # en, es or pt; blank: the workbook's about.language, else en
processed: str = ""  # folder of pre-parsed tables written by `partnerlab run`; blank: parse the workbook
sector: str = ""  # one sector key (e.g. civil_society); blank: all sectors
state: str = ""  # one federal entity (e.g. Oaxaca); blank: all states
threshold: int = 4  # influence or interest of this score or more counts as high

# %%
from partnerlab import stakeholders as sh
from partnerlab import vocab
from partnerlab.page import Report
from partnerlab.plots import stakeholders as plots

rpt = Report.open(
    workbook,
    lang=lang,
    processed=processed,
    report="stakeholder_map",
    params={"sector": sector, "state": state, "threshold": threshold},
)
rpt.header()

# %% [markdown] tags=["analyst-note"]
# The selection: every section below covers these stakeholders.

# %%
df = sh.assign_quadrants(sh.filter_stakeholders(rpt.wb.stakeholders, sector, state), threshold)
critical = sh.critical_group(df, threshold)
unrated = df["influence"].isna() | df["interest"].isna()

# %%
text, values = sh.selection_sentence(df, critical, threshold, sector, state, lang=rpt.lang)
rpt.p(*text, **values)

# %%
rpt.h2("Stakeholders by sector, scope and state")
by_sector = sh.count_by(df, "sector", vocab.SECTORS)
rpt.keep("stakeholders_by_sector", by_sector)

# %%
if not sector:  # one sector's page has one bar
    rpt.show(plots.plot_sector_counts(by_sector, lang=rpt.lang), alt=sh.sector_counts_alt(by_sector, rpt.lang))

# %%
rpt.table(sh.count_by(df, "scope", vocab.SCOPES), vocab={"scope": "scope"})

# %%
rpt.h2("Influence-interest grid (Appendix 3, step 2)")
if unrated.all():
    rpt.left_out("No stakeholder has both influence and interest scores.")
else:
    rpt.show(
        plots.plot_influence_interest(df, lang=rpt.lang, threshold=threshold), alt=sh.grid_alt(df, threshold, rpt.lang)
    )

# %%
quadrants = sh.count_by(df, "quadrant", vocab.QUADRANTS)
quadrants["quadrant"] = [rpt.label("quadrant", q) if q else rpt._("Not rated") for q in quadrants["quadrant"]]
rpt.table(quadrants)

# %%
if unrated.any():
    rpt.p("{text}", text=sh.unrated_sentence(int(unrated.sum()), rpt.lang))

# %%
rpt.h2("The critical group of potential allies")
rpt.p(
    "High influence and high interest: manage the approach and explore joint work; a risk analysis must be "
    "conducted (Appendix 3, step 2)."
)
rpt.keep("critical_group", critical[["id", "name", "sector", "scope", "influence", "interest"]])
if critical.empty:
    rpt.left_out("No stakeholder of this selection is in the critical group.")
else:
    rpt.table(
        critical[["id", "name", "sector", "scope", "influence", "interest", "roles"]],
        vocab={"sector": "sector", "scope": "scope", "roles": "role"},
    )

# %%
rpt.h2("Awareness and capacity building")
for q in ("awareness", "capacity"):
    rows = df[df["quadrant"] == q].sort_values("name")
    rpt.p("<b>{label}</b>: {n}", label=rpt.label("quadrant", q), n=len(rows))
    if len(rows):
        rpt.table(rows[["name", "sector", "influence", "interest"]], vocab={"sector": "sector"})

# %%
rpt.h2("Roles (Appendix 3, step 3)")
roles = sh.roles_by_sector(df)
if roles.empty:
    rpt.left_out("No stakeholder has a role recorded (column roles).")
else:
    rpt.show(plots.plot_roles(roles, lang=rpt.lang), alt=sh.roles_alt(roles, rpt.lang))

# %% [markdown] tags=["analyst-note"]
# Diversification compares sectors: a page of one sector has nothing to compare and says so.

# %%
rpt.h2("How diversified is the partner base?")
div = sh.diversification(df, rpt.wb.partnerships)
rpt.keep("diversification", div)
if sector:
    rpt.left_out(
        "This page covers one sector; the diversification of the partner base across sectors is on the "
        "page of every sector."
    )
else:
    text, values = sh.diversification_sentence(div, lang=rpt.lang)
    rpt.p(*text, **values)
    rpt.table(
        div.assign(group=div["group"].map({"all": rpt._("All stakeholders"), "partners": rpt._("In partnerships")})),
        labels=sh.DIVERSIFICATION_COLUMNS,
        vocab={"top_sector": "sector"},
    )

# %% [markdown] tags=["analyst-note"]
# Coverage: on a sector's page, the entities where that sector has no stakeholder (a fact of the
# sector, not of the portfolio); a page of one state has no coverage to show.

# %%
rpt.h2("States without partners")
rpt.keep("states_without_partners", sh.count_states(df).query("stakeholders == 0"))
if state:
    rpt.left_out("This page covers one federal entity; the coverage of the 32 is on the page of every state.")
else:
    missing = sh.states_without_partners(df, rpt.wb.partnerships if not sector else None)
    text, values = sh.coverage_sentence(missing, sector, lang=rpt.lang)
    rpt.p(*text, **values)
    rpt.show(plots.plot_states(sh.count_states(df), lang=rpt.lang), alt=sh.states_alt(sh.count_states(df), rpt.lang))

# %%
rpt.h2("The mapping table (Appendix 3, step 1)")
rpt.p(
    "The full mapping (mandate, priorities, instruments, resources, initiatives, partners) is in the batch's "
    "findings.xlsx."
)
rpt.keep("mapping", df.drop(columns=["contact", "row"]))
cols = ["id", "name", "sector", "scope", "states", "influence", "interest", "roles"]
rpt.table(
    df.sort_values(["sector", "name"])[cols],
    vocab={"sector": "sector", "scope": "scope", "states": "state", "roles": "role"},
    max_rows=120,
)
