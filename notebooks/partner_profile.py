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
# # Partner profile
#
# **Question**: who is this potential partner, where does it sit on the influence-interest grid
# and in the network, what did due diligence and the value/risk assessment conclude, and how good
# are the partnerships it takes part in?
#
# **Use in JupyterLab**: set `stakeholder` to a stakeholder id or name (e.g. `FUNDAR`; blank: the
# strongest of the critical group), then *Run > Run All Cells*. The pieces and their sentences come
# from `partnerlab/profile.py`, the verdict from `partnerlab/consistency.py`; the `contact` column is
# never shown. Every word of the page is in the message catalogs (docs/translating.md).

# %% tags=["parameters"]
workbook: str = ""  # path to the input workbook; blank: the bundled sample
lang: str = ""  # en, es or pt; blank: the workbook's about.language, else en
processed: str = ""  # folder of pre-parsed tables written by `partnerlab run`; blank: parse the workbook
stakeholder: str = ""  # a stakeholder id or name; blank: the strongest stakeholder of the critical group
max_age_days: int = 365  # a screening older than this many days is flagged for renewal


# %%
from partnerlab import consistency, profile
from partnerlab.page import Report

rpt = Report.open(
    workbook, lang=lang, processed=processed, report="partner_profile", params={"stakeholder": stakeholder}
)
rpt.header()

# %% [markdown] tags=["analyst-note"]
# The inputs, resolved once: the stakeholder asked for (an id or a name; a name that matches none
# stops here with the closest names), and every piece of its profile.

# %%
wb, L, V = rpt.wb, profile.TABLE_LABELS, profile.TABLE_VOCABS
p = profile.build_profile(wb, stakeholder or profile.default_stakeholder(wb), max_age_days=max_age_days, lang=rpt.lang)

# %%
rpt.p("{text}", text=profile.subject_sentence(p, rpt.lang))

# %% [markdown] tags=["analyst-note"]
# The decision brief: the verdict from the consistency rules (docs/consistency.md), what blocks,
# what to do next.

# %%
b = consistency.brief(wb, p["id"], "stakeholder", lang=rpt.lang, max_age_days=max_age_days)

# %%
rpt.verdict(b["verdict"], b["heading"], b["sections"])

# %% [markdown] tags=["analyst-note"]
# The mapping row (Appendix 3, steps 1 and 3), blank fields left out.

# %%
rpt.h2("Mapping (Appendix 3)")

# %%
rpt.table(p["mapping"], labels=L)

# %% [markdown] tags=["analyst-note"]
# Where it sits on the influence-interest grid (Appendix 3, step 2).

# %%
rpt.h2("Influence-interest grid")

# %%
rpt.p("{text}", text=profile.grid_sentence(p["grid"], rpt.lang))

# %% [markdown] tags=["analyst-note"]
# Its place in the tie network; the list of partners is on screen only.

# %%
rpt.h2("Network position")

# %%
rpt.p("{text}", text=profile.network_sentence(p["network"], rpt.lang))

# %%
if p["network"]["degree"]:
    rpt.table(profile.network_partners_display(p["network"]), labels=L, vocab=V, printed=False)

# %% [markdown] tags=["analyst-note"]
# Its latest due-diligence screening (Appendix 4) and what it found.

# %%
rpt.h2("Due diligence")

# %%
rpt.p("{text}", text=profile.screening_sentence(p["screening"], rpt.lang))

# %%
if not p["screening"]["findings"].empty:
    rpt.table(profile.findings_display(p["screening"]), labels=L, vocab=V)

# %% [markdown] tags=["analyst-note"]
# Its latest value/risk assessment (Appendix 5): the criteria not rated acceptable.

# %%
rpt.h2("Value, risks and implications")

# %%
rpt.p("{text}", text=profile.value_sentence(p["value"], rpt.lang))

# %%
if p["value"] is not None and not p["value"]["criteria"].empty:
    rpt.table(profile.criteria_display(p["value"]), labels=L, vocab=V)

# %% [markdown] tags=["analyst-note"]
# The partnerships it leads or belongs to, with their latest quality (Appendix 6) and value decision.

# %%
rpt.h2("Partnerships and their quality")

# %%
if p["partnerships"].empty:
    rpt.left_out("This stakeholder leads or belongs to no partnership of the workbook.")
else:
    rpt.table(profile.partnerships_display(p["partnerships"], rpt.lang), labels=L, vocab=V)

# %% [markdown] tags=["analyst-note"]
# Every alert that names this stakeholder, on screen only (the printed brief has them in the
# verdict box).

# %%
rpt.h2("Alerts", printed=False)

# %%
if b["alerts"].empty:
    rpt.left_out("No alert names this stakeholder.", printed=False)
else:
    rpt.p(consistency.RULES_NOTE, printed=False)
    rpt.table(
        b["alerts"].drop(columns=["subject_id", "action"]),
        labels=consistency.TABLE_LABELS,
        vocab=consistency.TABLE_VOCABS,
        printed=False,
    )
