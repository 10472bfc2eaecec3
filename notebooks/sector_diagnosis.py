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
# # Sector diagnosis (Appendix 2)
#
# **Question**: what does the partnership landscape look like by theme (institutionality,
# stakeholders, dialogue, financing, collaboration, efficacy) and by sector of respondent, and
# what are the main challenges? Counts and shares per answer come from the `survey_questions` and
# `survey_responses` sheets.
#
# **Use in JupyterLab**: set `sector` in the parameters cell to a sector key (e.g.
# `civil_society`) to compare that sector's respondents with everyone, or leave it blank for every
# sector; then *Run > Run All Cells*. Definitions (n, no answer, "don't know", shares of a
# multi question, the 0-1 score, challenge questions, the minimum share of a listed challenge)
# are in `partnerlab/survey.py`; every sentence and table of the page is built there too.

# %% tags=["parameters"]
workbook: str = ""  # path to the input workbook; blank: the bundled sample
lang: str = ""  # en, es or pt; blank: the workbook's about.language, else en
processed: str = ""  # folder of pre-parsed tables written by `partnerlab run`; blank: parse the workbook
sector: str = ""  # a sector key such as civil_society: its respondents against all; blank: every sector

# %%
from partnerlab import survey
from partnerlab.page import Report
from partnerlab.plots import survey as plots

rpt = Report.open(workbook, lang=lang, processed=processed, report="sector_diagnosis", params={"sector": sector})
rpt.header()

# %% [markdown] tags=["analyst-note"]
# Inputs: the two survey tables, and the groups every chart shows (`None`: every sector, each
# chart drawing all respondents; else everyone and the sector).

# %%
q, r = rpt.wb.survey_questions, rpt.wb.survey_responses
has_survey = rpt.wb.has("survey_questions") and rpt.wb.has("survey_responses")
groups = survey.report_groups(r, sector) if has_survey else None

# %%
rpt.h2("Who answered")
if not has_survey:
    rpt.left_out("The workbook has no survey questions or responses (sheets survey_questions, survey_responses).")
else:
    text, values = survey.respondents_sentence(r, q, sector, lang=rpt.lang)
    rpt.p(*text, **values)

# %%
if has_survey and groups is None:  # a sector's page names its share in the sentence above
    rpt.show(plots.plot_respondents(r, lang=rpt.lang), alt=survey.respondents_alt(r, rpt.lang))

# %%
if has_survey:
    rpt.p(survey.READING_NOTE)

# %% [markdown] tags=["analyst-note"]
# The theme heatmap: every scale on 0-1, one row per group (`survey.theme_scores`).

# %%
rpt.h2("The landscape by theme and sector")
scores = survey.theme_scores(q, r, by="sector") if has_survey else None
if scores is None or scores.empty:
    rpt.left_out("No scale question has answers, so there are no theme scores.")
else:
    rpt.show(
        plots.plot_theme_heatmap(q, r, groups=groups, lang=rpt.lang), alt=survey.heatmap_alt(q, r, groups, rpt.lang)
    )
    rpt.keep("survey_theme_scores", scores)

# %% [markdown] tags=["analyst-note"]
# Challenges chosen by at least `survey.MIN_CHALLENGE_SHARE` % of a group's respondents who
# answered; on the page of every sector, everyone's are shown and each sector's are folded.

# %%
rpt.h2("Main challenges")
challenges = survey.challenge_comparison(q, r, groups=groups or [survey.ALL], lang=rpt.lang) if has_survey else None
if challenges is None or challenges.empty:
    rpt.left_out(
        "No choice or multiple-choice question mentions challenges (challenge, reto, desafío, ...), "
        "or no challenge reaches the minimum share."
    )
else:
    rpt.p(survey.CHALLENGE_NOTE, minimum=rpt._.percent(survey.MIN_CHALLENGE_SHARE, 0))
    rpt.table(challenges, labels={c: c for c in challenges.columns})  # labelled in the page language
    rpt.keep(
        "survey_top_challenges",
        survey.top_challenges(q, r, by="sector", top=None, min_share_pct=survey.MIN_CHALLENGE_SHARE),
    )

# %%
if challenges is not None and not challenges.empty and groups is None:
    rpt.details(
        rpt._("The challenges of each sector"),
        survey.challenge_table(q, r, lang=rpt.lang),
        labels=survey.CHALLENGE_COLUMNS,
    )

# %% [markdown] tags=["analyst-note"]
# One section per theme: the Strategy's diagnosis of the theme (Appendix 2), then one view per
# question, two side by side: its chart (with its numbers
# and alt text), then its table folded under it (every answer as count and share of n, by group).

# %%
for theme in survey.themes_present(q) if has_survey else []:
    rpt.h2(rpt.label("theme", theme))
    rpt.cards(plots.question_views(q, r, theme, groups=groups, lang=rpt.lang))
