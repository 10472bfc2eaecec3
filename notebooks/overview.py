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
# # Portfolio overview
#
# **Question**: what does a head of agency need to know about the portfolio today, and where is the
# evidence? The first screen holds the headline messages (each linking to the page or section that
# proves it), the alert counts of the consistency rules, the partnerships by status and one key
# figure; the sections below detail each topic, and the run details close the page.
#
# **Use in JupyterLab**: run all cells. The messages link to the other reports when the notebook runs
# inside a batch; to get the links, set `batch` to the `manifest.json` of a folder written by
# `partnerlab run` (the batch sets it for you). The figures come from `partnerlab/overview.py`,
# which reuses the rules of the topic modules.

# %% tags=["parameters"]
workbook: str = ""  # path to the input workbook; blank: the bundled sample
lang: str = ""  # en, es or pt; blank: the workbook's about.language, else en
processed: str = ""  # folder of pre-parsed tables written by `partnerlab run`; blank: parse the workbook
batch: str = ""  # manifest.json listing the reports of the batch (set by partnerlab run); blank: no links

# %%
from pathlib import Path

from IPython.display import HTML, display

from partnerlab import actionplan, consistency, overview, report_catalogue, screening
from partnerlab.page import Report

rpt = Report.open(workbook, lang=lang, processed=processed, report="overview", params={})
rpt.header()

# %%
# inputs: the as-of date, every screening with its outcome, every alert of the consistency rules, the register, the batch's other reports (None outside a batch)
wb, L = rpt.wb, overview.HEADLINE_LABELS
as_of = screening.as_of_date(wb.about)
screened = screening.screen(wb.due_diligence)
listing = report_catalogue.read_listing(batch) if batch and Path(batch).is_file() else None
alerts = consistency.find_alerts(wb, lang=rpt.lang)
links = consistency.page_links(listing)
register = consistency.partnership_verdicts(wb, alerts, lang=rpt.lang) if wb.has("partnerships") else None

# %%
# the first screen: headline messages with their evidence, alert counts, partnerships by status, the key figure
display(HTML(overview.first_screen(wb, as_of, consistency.alert_counts(alerts), rpt.lang, listing, register, screened)))

# %%
# the contradictions between sheets: blockers, warnings and upcoming deadlines (docs/consistency.md)
rpt.h2("Alerts")
rpt.counts(overview.alert_count_items(consistency.alert_counts(alerts), rpt.lang))
display(HTML(overview.paragraph(overview.note_text(consistency.RULES_NOTE, rpt.lang))))
if alerts.empty:
    rpt.left_out("No rule finds a contradiction in this workbook.")
else:
    rpt.table(
        consistency.linked_alerts_table(alerts, links),
        labels=consistency.TABLE_LABELS,
        vocab=consistency.TABLE_VOCABS,
        escape=False,
    )
    rpt.p("Most serious first; each alert, with what to do, is also in the sheet <b>alerts</b> of findings.xlsx.")
rpt.keep("alerts", consistency.alerts_table(alerts))

# %%
# every partnership with its status, verdict and alerts, linked to its page
rpt.h2("Partnership register")
if register is None:
    rpt.left_out("The workbook has no partnerships (sheet partnerships).")
else:
    display(HTML(overview.paragraph(overview.note_text(consistency.VERDICT_NOTE, rpt.lang))))
    rpt.table(
        consistency.register_table(register, links),
        labels=consistency.TABLE_LABELS,
        vocab=consistency.TABLE_VOCABS,
        escape=False,
    )
    rpt.keep("partnership_register", register)

# %%
# Appendix 3, step 2: high influence and high interest, with each one's latest screening
rpt.h2("The critical group")
critical = overview.critical_table(wb.stakeholders, screened) if wb.has("stakeholders") else None
if critical is None or critical.empty:
    rpt.left_out("No stakeholder has high influence and high interest (or the stakeholders sheet is empty).")
else:
    display(HTML(overview.paragraph(overview.critical_sentence(wb.stakeholders, rpt.lang))))
    rpt.table(
        critical, labels=L, vocab={"sector": "sector", "outcome": screening.OUTCOMES}, links={"name": "stakeholder"}
    )
    rpt.keep("critical_group", critical)
display(HTML(overview.paragraph(overview.see_report(listing, "stakeholder_map", rpt.lang))))

# %%
# Appendix 4: latest outcome per stakeholder
rpt.h2("Due-diligence outcomes")
if not wb.has("due_diligence"):
    rpt.left_out("The workbook has no due-diligence screenings (sheet due_diligence).")
else:
    rpt.table(
        overview.screening_table(wb.stakeholders, screened, as_of), labels=L, vocab={"outcome": screening.OUTCOMES}
    )
display(HTML(overview.paragraph(overview.see_report(listing, "due_diligence", rpt.lang))))

# %%
# Appendix 5: the decision the criteria suggest against the one recorded (latest assessment per subject)
rpt.h2("Value and risk decisions")
if not wb.has("value_assessment"):
    rpt.left_out("The workbook has no value/risk assessments (sheet value_assessment).")
else:
    rpt.table(overview.decision_table(wb.value_assessment), labels=L, vocab={"suggested": "decision"})

# %%
# Appendix 6: the six dimensions over the portfolio (latest round of each partnership)
rpt.h2("Partnership quality")
if not wb.has("quality_assessment"):
    rpt.left_out("The workbook has no quality assessments (sheet quality_assessment).")
else:
    display(HTML(overview.paragraph(overview.quality_sentence(wb.quality_assessment, rpt.lang))))
    rpt.table(overview.quality_table(wb.quality_assessment, rpt.lang), labels=L)
display(HTML(overview.paragraph(overview.see_report(listing, "quality", rpt.lang))))

# %%
# Appendix 2: the themes rated highest and lowest, the most cited challenge
rpt.h2("Sector diagnosis")
headline = (
    overview.diagnosis_sentence(wb.survey_questions, wb.survey_responses, rpt.lang)
    if wb.has("survey_responses")
    else None
)
if headline is None:
    rpt.left_out("No survey answers to summarise (sheets survey_questions, survey_responses).")
else:
    display(HTML(overview.paragraph(headline)))
display(HTML(overview.paragraph(overview.see_report(listing, "sector_diagnosis", rpt.lang))))

# %%
# Appendix 1: progress of the courses of action
rpt.h2("Action plan")
if not wb.has("action_plan"):
    rpt.left_out("The workbook has no action plan (sheet action_plan).")
else:
    display(HTML(overview.paragraph(overview.plan_sentence(wb, as_of, rpt.lang))))
    rpt.table(
        actionplan.progress_by(wb.action_plan, "pillar", as_of).round(1),
        labels=actionplan.PROGRESS_LABELS,
        vocab={"pillar": "pillar"},
    )
display(HTML(overview.paragraph(overview.see_report(listing, "action_plan", rpt.lang))))

# %%
# one line per topic, and what each sheet holds
rpt.h2("The portfolio in figures")
rpt.table(overview.headline_table(wb, as_of, rpt.lang), labels=L)
rpt.keep("overview_headlines", overview.headline_table(wb, as_of, "en"))
counts = report_catalogue.portfolio_counts(wb, rpt.lang)
rpt.table(counts[["label", "records"]], labels={"label": "Records", "records": "Number"})
rpt.keep("portfolio_counts", counts[["sheet", "records"]])

# %%
# the base of partners by sector (Appendix 3, step 1)
rpt.h2("Stakeholders by sector")
by_sector = report_catalogue.stakeholders_by_sector(wb.stakeholders, rpt.lang)
if by_sector.empty:
    rpt.left_out("The workbook lists no stakeholder.")
else:
    rpt.table(by_sector, labels={"sector": "Sector", "stakeholders": "Stakeholders", "share_pct": "Share (%)"})
    rpt.keep("stakeholders_by_sector", by_sector)

# %%
# links to every other report of the batch
rpt.h2("Reports of this batch")
if listing is not None:
    display(HTML(report_catalogue.listing_html(listing, rpt.lang)))
else:
    rpt.left_out("Not run as part of a batch: no reports to link to.")
