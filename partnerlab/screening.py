"""Partner screening: due-diligence outcomes (Appendix 4) and value/risk decisions (Appendix 5).

Input: the loaded `due_diligence` and `value_assessment` tables (docs/tables.md). Questions
are pandas `boolean` columns `q01` ... `q19` where `<NA>` means "not answered"; criteria are
`c1` ... `c9` holding value-rating keys or None.

Rules (the reports quote them):

- **Due-diligence outcome** of one screening, first match wins:
  1. `excluded`: any red flag (q05-q19) answered Yes ("Criteria for excluding
     partners/allies"). A known Yes is enough: unanswered questions do not make an
     excluded screening incomplete (they are still listed).
  2. `incomplete`: any of the 19 questions unanswered. A blank is never read as No.
  3. `caution`: q01 (legally registered) or q03 (activity or CSR report) answered No. A No to
     q02 (no earlier UN partnership) or q04 (not in a UN initiative) is context, not risk: being
     new to the UN never lowers a partner's standing (listed as a `context` finding).
  4. `clear`: every question answered, no red flag, q01 and q03 Yes.
- The **latest screening** of a stakeholder is its row with the latest `assessed_on` (on a
  tie, the lower row in the sheet). Its **age** is counted in days up to the as-of date
  (`about.as_of`, else today); it is **stale** when older than `max_age_days`.
- **Suggested decision** of one value assessment, first match wins:
  1. `decline`: any criterion rated `not_acceptable`.
  2. `continue_analysis`: any criterion rated `insufficient_information` *or left blank*:
     a blank criterion was not assessed, so the criteria cannot support proceeding.
  3. `proceed`: every criterion `acceptable` or `adjustments`; the criteria rated
     `adjustments` are the adjustments to make before proceeding.
- A recorded decision **disagrees** when it is filled and differs from the suggested one;
  a blank recorded decision is "not recorded", not a disagreement.

>>> dd = pd.DataFrame({"stakeholder": ["a", "b"], "assessed_on": pd.to_datetime(["2024-01-05"] * 2),
...                    **{q.code: pd.array([True, True], dtype="boolean") for q in vocab.DUE_DILIGENCE_QUESTIONS[:4]},
...                    **{q.code: pd.array([False, None], dtype="boolean") for q in vocab.DUE_DILIGENCE_QUESTIONS[4:]}})
>>> screen(dd)[["stakeholder", "outcome", "n_unanswered"]]
  stakeholder     outcome  n_unanswered
0           a       clear             0
1           b  incomplete            15
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import pandas as pd

from partnerlab import i18n, vocab
from partnerlab.i18n import N_

__all__ = [
    "CatalogVocabulary",
    "catalog_vocabulary",
    "id_of",
    "OUTCOME_MEANINGS",
    "SUBJECT_KINDS",
    "OUTCOMES",
    "FINDING_KINDS",
    "RATINGS",
    "AGREEMENTS",
    "NOT_ASSESSED",
    "CRITERION_SHORT",
    "QUESTION_CODES",
    "INFO_CODES",
    "CAUTION_CODES",
    "RED_FLAG_CODES",
    "CRITERION_CODES",
    "screening_outcome",
    "screen",
    "screening_findings",
    "resolve_as_of",
    "as_of_date",
    "latest_screenings",
    "screening_status",
    "unscreened_critical",
    "outcome_counts",
    "suggest_decision",
    "value_decisions",
    "decision_disagreements",
    "criteria_findings",
    "pending_issues",
    "latest_value_decisions",
    "value_grid",
    "subject_names",
    "decision_counts",
    "RULES_NOTE",
    "VALUE_NOTE",
    "TABLE_LABELS",
    "TABLE_VOCABS",
    "outcome_table",
    "findings_table",
    "stale_table",
    "decision_table",
    "pending_table",
    "decision_count_table",
    "criteria_names",
    "stale_sentence",
    "critical_sentence",
    "differs_sentence",
]

QUESTION_CODES: tuple[str, ...] = tuple(q.code for q in vocab.DUE_DILIGENCE_QUESTIONS)
INFO_CODES: tuple[str, ...] = tuple(q.code for q in vocab.DUE_DILIGENCE_QUESTIONS if not q.is_red_flag)
RED_FLAG_CODES: tuple[str, ...] = tuple(q.code for q in vocab.DUE_DILIGENCE_QUESTIONS if q.is_red_flag)
CAUTION_CODES: tuple[str, ...] = ("q01", "q03")  # q02/q04 (new to the UN) are context, not risk
CRITERION_CODES: tuple[str, ...] = tuple(c.code for c in vocab.VALUE_CRITERIA)


class CatalogVocabulary(vocab.Vocabulary):
    """A vocabulary whose labels are English msgids, translated by the message catalogs where shown
    (a term of a shared vocabulary the catalogs do not yet translate keeps that vocabulary's label)."""

    def label(self, key: str, lang: str = "en") -> str:
        for t in self.terms:
            if t.key == key:
                text = i18n.gettext(t.en, lang)
                return t.label(lang) if text == t.en and lang not in ("en", i18n.PSEUDO) else text
        return key

    def labels(self, lang: str = "en") -> list[str]:
        return [self.label(t.key, lang) for t in self.terms]


def catalog_vocabulary(name: str, *terms: tuple[str, str], base: tuple = ()) -> CatalogVocabulary:
    """A `CatalogVocabulary` of (key, English msgid) terms, after the terms of `base`."""
    return CatalogVocabulary(name, (*base, *(vocab.Term(key, msgid) for key, msgid in terms)))


def id_of(table: pd.DataFrame, value: object, what: str = "stakeholder") -> str:
    """The id of the row of `table` (columns id, name) that value names: its id or its name, in any
    case or accent (a report parameter given either way).

    Raises:
        KeyError: when no row matches (the message names the closest names and a few ids).

    >>> t = pd.DataFrame({"id": ["ORG1"], "name": ["Fundación Uno (ficticia)"]})
    >>> id_of(t, "org1"), id_of(t, "fundacion uno (ficticia)")
    ('ORG1', 'ORG1')
    """
    wanted = vocab.normalize(value)
    ids = table["id"].tolist() if "id" in table else []
    names = table["name"].tolist() if "name" in table else [None] * len(ids)
    for column in (ids, names):
        for i, text in zip(ids, column):
            if isinstance(text, str) and vocab.normalize(text) == wanted:
                return i
    import difflib

    close = difflib.get_close_matches(str(value), [n for n in names if isinstance(n, str)], n=3, cutoff=0.6)
    hint = (
        f"; did you mean {', '.join(map(repr, close))}?"
        if close
        else f"; ids look like: {', '.join(map(str, ids[:8]))}"
    )
    raise KeyError(f"no {what} with the id or name {value!r}{hint}")


# Outcomes in precedence order (the first that applies wins), plus the status of a
# stakeholder that has never been screened; what each means (OUTCOME_MEANINGS).
OUTCOMES = catalog_vocabulary(
    "screening outcome",
    ("excluded", N_("Excluded")),
    ("incomplete", N_("Incomplete")),
    ("caution", N_("Caution")),
    ("clear", N_("Clear")),
    ("not_screened", N_("Not screened")),
)
OUTCOME_MEANINGS: dict[str, str] = {
    "excluded": N_("A red flag (q05-q19) is answered Yes"),
    "incomplete": N_("A question is unanswered"),
    "caution": N_("Legal registration (q01) or an activity report (q03) answered No"),
    "clear": N_("Every question answered, no red flag, q01 and q03 Yes"),
    "not_screened": N_("No due-diligence screening recorded"),
}

# Why a question appears in a screening's findings.
FINDING_KINDS = catalog_vocabulary(
    "screening finding",
    ("red_flag", N_("Red flag answered Yes")),
    ("unanswered", N_("Unanswered")),
    ("check_no", N_("Information check answered No")),
    ("context", N_("New to the UN: context, not risk")),
)

NOT_ASSESSED = "not_assessed"  # the rating shown for a blank criterion

# The value ratings of Appendix 5 plus the blank.
RATINGS = catalog_vocabulary(
    "value rating or blank", (NOT_ASSESSED, N_("Not assessed (blank)")), base=vocab.VALUE_RATINGS.terms
)

# How the recorded decision compares with the suggested one.
AGREEMENTS = catalog_vocabulary(
    "decision agreement",
    ("agrees", N_("Agrees")),
    ("differs", N_("Differs")),
    ("not_recorded", N_("No decision recorded")),
)

# Short criterion names for chart axes and tables (the full text is vocab.VALUE_CRITERIA).
CRITERION_SHORT: dict[str, str] = {
    "c1": N_("Acceptable partners"),
    "c2": N_("Alignment"),
    "c3": N_("Value"),
    "c4": N_("Cost"),
    "c5": N_("Implications"),
    "c6": N_("Risks"),
    "c7a": N_("Funding"),
    "c7b": N_("Internal capacity"),
    "c8": N_("Buy-in"),
    "c9": N_("Measurable success"),
}
# The kind of subject a value assessment is about.
SUBJECT_KINDS = catalog_vocabulary(
    "assessment subject", ("partnership", N_("Partnership")), ("stakeholder", N_("Stakeholder"))
)


# Report text quoting the rules above.
RULES_NOTE = N_(
    "Outcome of a screening, first match wins: <b>excluded</b> when any red flag (questions 5-19, "
    '"criteria for excluding partners/allies") is answered Yes, even if other questions are blank; '
    "<b>incomplete</b> when any question is unanswered (a blank is never read as No); <b>caution</b> when "
    "question 1 (legally registered) or 3 (activity or CSR report) is answered No; otherwise <b>clear</b>; a No to "
    "question 2 or 4 (no earlier UN partnership, not in a UN initiative) is context, not risk. Each stakeholder is "
    "shown with its latest screening; screenings older than {max_age_days} days on {as_of} are flagged for renewal."
)
VALUE_NOTE = N_(
    "Decision the criteria suggest, first match wins: <b>decline</b> when any criterion is not acceptable; "
    "<b>continue analysis</b> when any criterion has insufficient information or was left blank (not assessed); "
    'otherwise <b>proceed</b>, making the adjustments listed for the criteria rated "may be acceptable with '
    'adjustments".'
)
# Column headers of the report tables below (msgids: `rpt.table(df, labels=TABLE_LABELS)`).
TABLE_LABELS: dict[str, str] = {
    "name": N_("Stakeholder"),
    "subject": N_("Subject"),
    "kind": N_("Finding"),
    "subject_kind": N_("Kind"),
    "outcome": N_("Outcome"),
    "stakeholders": N_("Stakeholders"),
    "meaning": N_("Meaning"),
    "assessed_on": N_("Assessed on"),
    "age_days": N_("Age (days)"),
    "question": N_("Question"),
    "text": N_("Text"),
    "assessor": N_("Assessor"),
    "suggested": N_("Suggested"),
    "decision": N_("Recorded"),
    "decision_date": N_("Decided on"),
    "agreement": N_("Agreement"),
    "adjustments": N_("Adjustments to make"),
    "reasons": N_("Why (criteria)"),
    "pending": N_("Pending issues"),
    "open_criteria": N_("Criteria still open"),
    "sector": N_("Sector"),
    "agrees": N_("Agrees"),
    "differs": N_("Differs"),
    "not_recorded": N_("Not recorded"),
    "total": N_("Total"),
    "influence": N_("Influence"),
    "interest": N_("Interest"),
}
# The vocabularies of the report tables' key columns: `rpt.table(df, labels=TABLE_LABELS,
# vocab=TABLE_VOCABS)` translates them, and the kept tables hold the keys.
TABLE_VOCABS: dict[str, vocab.Vocabulary] = {
    "outcome": OUTCOMES,
    "kind": FINDING_KINDS,
    "suggested": vocab.DECISIONS,
    "decision": vocab.DECISIONS,
    "agreement": AGREEMENTS,
    "rating": RATINGS,
    "sector": vocab.SECTORS,
    "subject_kind": SUBJECT_KINDS,
}


# ---------------------------------------------------------------------------------------
# Appendix 4: due diligence
# ---------------------------------------------------------------------------------------


def screening_outcome(answers: dict[str, object]) -> str:
    """The outcome of one screening from its answers (True, False, or NA/None = unanswered).

    A question missing from `answers` counts as unanswered.

    >>> screening_outcome({c: True for c in INFO_CODES} | {c: False for c in RED_FLAG_CODES})
    'clear'
    >>> screening_outcome({"q05": True})  # a known Yes on a red flag excludes
    'excluded'
    """
    values = {code: _answer(answers.get(code)) for code in QUESTION_CODES}
    if any(values[c] is True for c in RED_FLAG_CODES):
        return "excluded"
    if any(v is None for v in values.values()):
        return "incomplete"
    if any(values[c] is False for c in CAUTION_CODES):
        return "caution"
    return "clear"


def screen(due_diligence: pd.DataFrame) -> pd.DataFrame:
    """The outcome of every screening, with the codes behind it.

    Args:
        due_diligence: The loaded `due_diligence` table.

    Returns:
        One row per screening, in sheet order: stakeholder, assessed_on, assessor, notes,
        outcome (key of `OUTCOMES`), red_flags, unanswered, checks_no (lists of question
        codes), n_unanswered, row (when present).
    """
    rows = []
    for rec in due_diligence.to_dict("records"):
        answers = {code: _answer(rec.get(code)) for code in QUESTION_CODES}
        rows.append(
            {
                "stakeholder": rec.get("stakeholder"),
                "assessed_on": rec.get("assessed_on"),
                "assessor": rec.get("assessor"),
                "notes": rec.get("notes"),
                "outcome": screening_outcome(answers),
                "red_flags": [c for c in RED_FLAG_CODES if answers[c] is True],
                "unanswered": [c for c in QUESTION_CODES if answers[c] is None],
                "checks_no": [c for c in INFO_CODES if answers[c] is False],
                "row": rec.get("row"),
            }
        )
    out = pd.DataFrame(
        rows,
        columns=[
            "stakeholder",
            "assessed_on",
            "assessor",
            "notes",
            "outcome",
            "red_flags",
            "unanswered",
            "checks_no",
            "row",
        ],
    )
    out["assessed_on"] = pd.to_datetime(out["assessed_on"])
    out.insert(8, "n_unanswered", out["unanswered"].map(len).astype("int64"))
    return out


def screening_findings(screened: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """Every red flag, unanswered question and information check answered No, with its text.

    Args:
        screened: The output of `screen` (or a subset, e.g. `latest_screenings`).
        lang: Language of the question text.

    Returns:
        One row per finding: stakeholder, assessed_on, outcome, kind (key of
        `FINDING_KINDS`), question (code), text. Red flags first, then unanswered, then
        checks answered No.
    """
    text = {q.code: q.label(lang) for q in vocab.DUE_DILIGENCE_QUESTIONS}
    rows = []
    for rec in screened.to_dict("records"):
        for kind, column in (("red_flag", "red_flags"), ("unanswered", "unanswered"), ("check_no", "checks_no")):
            for code in rec[column]:
                shown = "context" if kind == "check_no" and code not in CAUTION_CODES else kind
                rows.append(
                    {
                        "stakeholder": rec["stakeholder"],
                        "assessed_on": rec["assessed_on"],
                        "outcome": rec["outcome"],
                        "kind": shown,
                        "question": code,
                        "text": text[code],
                    }
                )
    return pd.DataFrame(rows, columns=["stakeholder", "assessed_on", "outcome", "kind", "question", "text"])


def as_of_date(about: dict | None = None, as_of: object = None, today: dt.date | None = None) -> dt.date:
    """The as-of date of a page, the one place it is resolved: `as_of` when given, else the
    workbook's `about.as_of` (the loader gives a date), else today. What a page's sentences,
    parameters and every topic module take.

    >>> as_of_date({"as_of": "2025-06-30"})
    datetime.date(2025, 6, 30)
    """
    for value in (as_of, (about or {}).get("as_of")):
        if value is not None and value != "" and not pd.isna(value):
            return pd.Timestamp(value).date()
    return today or dt.date.today()


def resolve_as_of(about: dict | None = None, as_of: object = None) -> pd.Timestamp:
    """`as_of_date` as a Timestamp, for comparing with the date columns of the tables.

    >>> resolve_as_of({"as_of": dt.date(2024, 6, 30)})
    Timestamp('2024-06-30 00:00:00')
    """
    return pd.Timestamp(as_of_date(about, as_of))


def latest_screenings(screened: pd.DataFrame, as_of: object = None, max_age_days: int = 365) -> pd.DataFrame:
    """The latest screening of each stakeholder, its age in days and whether it is stale.

    Args:
        screened: The output of `screen`.
        as_of: The date ages are counted to (anything `pd.Timestamp` accepts); None = today.
        max_age_days: A screening older than this many days is stale.

    Returns:
        One row per screened stakeholder (columns of `screen` plus age_days, is_stale),
        sorted by outcome precedence then stakeholder.
    """
    as_of = resolve_as_of(None, as_of)
    if screened.empty:
        return screened.assign(age_days=pd.Series(dtype="Int64"), is_stale=pd.Series(dtype="boolean"))
    order = screened.assign(_pos=range(len(screened))).sort_values(["assessed_on", "_pos"])
    latest = order.groupby("stakeholder", sort=False).tail(1).drop(columns="_pos")
    age = (as_of - latest["assessed_on"]).dt.days
    latest = latest.assign(age_days=age.astype("Int64"), is_stale=(age > max_age_days).astype("boolean"))
    return _sort_by_outcome(latest).reset_index(drop=True)


def screening_status(
    stakeholders: pd.DataFrame, screened: pd.DataFrame, as_of: object = None, max_age_days: int = 365
) -> pd.DataFrame:
    """Every stakeholder with its latest outcome, or `not_screened`.

    Returns:
        One row per stakeholder: stakeholder, name, sector, outcome, assessed_on, age_days,
        is_stale (NA when not screened), n_screenings.
    """
    latest = latest_screenings(screened, as_of, max_age_days)
    counts = screened.groupby("stakeholder").size() if not screened.empty else pd.Series(dtype="int64")
    base = stakeholders[["id", "name", "sector"]].rename(columns={"id": "stakeholder"})
    out = base.merge(
        latest[["stakeholder", "outcome", "assessed_on", "age_days", "is_stale"]], on="stakeholder", how="left"
    )
    out["outcome"] = out["outcome"].fillna("not_screened")
    out["n_screenings"] = out["stakeholder"].map(counts).fillna(0).astype("int64")
    return _sort_by_outcome(out).reset_index(drop=True)


def unscreened_critical(critical: pd.DataFrame | Iterable[str], screened: pd.DataFrame) -> pd.DataFrame:
    """Stakeholders of the critical group with no screening at all (Appendix 3, step 2:
    "a risk analysis must be conducted").

    Args:
        critical: The critical group as a stakeholders frame (with `id`) or an iterable of ids.
        screened: The output of `screen` (or the `due_diligence` table).

    Returns:
        The critical stakeholders without a screening (frame rows, or a one-column `id` frame).
    """
    frame = critical if isinstance(critical, pd.DataFrame) else pd.DataFrame({"id": list(critical)})
    screened_ids = set(screened["stakeholder"].dropna())
    return frame[~frame["id"].isin(screened_ids)].reset_index(drop=True)


def outcome_counts(status: pd.DataFrame) -> pd.DataFrame:
    """How many stakeholders have each outcome (every outcome listed, zeros included).

    Args:
        status: `screening_status` or `latest_screenings` output (column `outcome`).
    """
    counts = status["outcome"].value_counts()
    keys = OUTCOMES.keys if "not_screened" in set(status["outcome"]) else OUTCOMES.keys[:-1]
    return pd.DataFrame({"outcome": keys, "stakeholders": [int(counts.get(k, 0)) for k in keys]})


# ---------------------------------------------------------------------------------------
# Appendix 5: value, risks and implications
# ---------------------------------------------------------------------------------------


def suggest_decision(ratings: dict[str, object]) -> str:
    """The decision the criteria suggest; a blank (None/NA) or missing criterion is not assessed.

    >>> suggest_decision({c: "acceptable" for c in CRITERION_CODES})
    'proceed'
    >>> suggest_decision({c: "acceptable" for c in CRITERION_CODES} | {"c4": None})
    'continue_analysis'
    """
    values = [_rating(ratings.get(code)) for code in CRITERION_CODES]
    if "not_acceptable" in values:
        return "decline"
    if "insufficient_information" in values or NOT_ASSESSED in values:
        return "continue_analysis"
    return "proceed"


def value_decisions(value_assessment: pd.DataFrame) -> pd.DataFrame:
    """The suggested and recorded decision of every value assessment.

    Args:
        value_assessment: The loaded `value_assessment` table.

    Returns:
        One row per assessment, in sheet order: subject, subject_kind, assessed_on,
        suggested (decision key), decision (recorded key or None), decision_date,
        agreement (`agrees`, `differs` or `not_recorded`), not_acceptable, insufficient,
        not_assessed, adjustments (lists of criterion codes), pending, row.
    """
    rows = []
    for rec in value_assessment.to_dict("records"):
        ratings = {code: _rating(rec.get(code)) for code in CRITERION_CODES}
        suggested = suggest_decision(ratings)
        recorded = rec.get("decision")
        recorded = None if recorded is None or pd.isna(recorded) or recorded == "" else recorded
        agreement = "not_recorded" if recorded is None else ("agrees" if recorded == suggested else "differs")
        rows.append(
            {
                "subject": rec.get("subject"),
                "subject_kind": rec.get("subject_kind"),
                "assessed_on": rec.get("assessed_on"),
                "suggested": suggested,
                "decision": recorded,
                "decision_date": rec.get("decision_date"),
                "agreement": agreement,
                **{
                    kind: [c for c, r in ratings.items() if r == rating]
                    for kind, rating in (
                        ("not_acceptable", "not_acceptable"),
                        ("insufficient", "insufficient_information"),
                        ("not_assessed", NOT_ASSESSED),
                        ("adjustments", "adjustments"),
                    )
                },
                "pending": rec.get("pending"),
                "row": rec.get("row"),
            }
        )
    columns = [
        "subject",
        "subject_kind",
        "assessed_on",
        "suggested",
        "decision",
        "decision_date",
        "agreement",
        "not_acceptable",
        "insufficient",
        "not_assessed",
        "adjustments",
        "pending",
        "row",
    ]
    out = pd.DataFrame(rows, columns=columns)
    for col in ("assessed_on", "decision_date"):
        out[col] = pd.to_datetime(out[col])
    return out


def decision_disagreements(decisions: pd.DataFrame) -> pd.DataFrame:
    """The assessments whose recorded decision differs from the suggested one.

    Args:
        decisions: The output of `value_decisions`.
    """
    return decisions[decisions["agreement"] == "differs"].reset_index(drop=True)


def criteria_findings(decisions: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """Every criterion not rated acceptable, with its text: what blocks, what is missing,
    what to adjust.

    Returns:
        One row per (assessment, criterion): subject, assessed_on, suggested, rating
        (`not_acceptable`, `insufficient_information`, `not_assessed`, `adjustments`),
        criterion (code), text. Ordered by assessment, then by rating severity.
    """
    text = {c.code: c.label(lang) for c in vocab.VALUE_CRITERIA}
    rows = []
    for rec in decisions.to_dict("records"):
        for column, rating in (
            ("not_acceptable", "not_acceptable"),
            ("insufficient", "insufficient_information"),
            ("not_assessed", NOT_ASSESSED),
            ("adjustments", "adjustments"),
        ):
            for code in rec[column]:
                rows.append(
                    {
                        "subject": rec["subject"],
                        "assessed_on": rec["assessed_on"],
                        "suggested": rec["suggested"],
                        "rating": rating,
                        "criterion": code,
                        "text": text[code],
                    }
                )
    return pd.DataFrame(rows, columns=["subject", "assessed_on", "suggested", "rating", "criterion", "text"])


def pending_issues(decisions: pd.DataFrame) -> pd.DataFrame:
    """The assessments with pending issues written down, and the criteria still open.

    Returns:
        subject, assessed_on, suggested, pending (text), open_criteria (codes rated
        insufficient information or blank); only rows with pending text or open criteria.
    """
    out = decisions.assign(open_criteria=[a + b for a, b in zip(decisions["insufficient"], decisions["not_assessed"])])
    has_text = out["pending"].map(lambda v: isinstance(v, str) and v.strip() != "")
    out = out[has_text | out["open_criteria"].map(bool)]
    return out[["subject", "assessed_on", "suggested", "pending", "open_criteria"]].reset_index(drop=True)


def latest_value_decisions(decisions: pd.DataFrame) -> pd.DataFrame:
    """The latest assessment of each subject (on a tie, the lower row in the sheet)."""
    if decisions.empty:
        return decisions
    order = decisions.assign(_pos=range(len(decisions))).sort_values(["assessed_on", "_pos"])
    return (
        order.groupby("subject", sort=False).tail(1).drop(columns="_pos").sort_values("subject").reset_index(drop=True)
    )


def value_grid(value_assessment: pd.DataFrame, names: dict[str, str] | None = None) -> pd.DataFrame:
    """Assessments by criteria: the rating keys, blanks as `NOT_ASSESSED`, for the chart.

    Args:
        value_assessment: The loaded `value_assessment` table.
        names: Subject id -> display name; ids are shown when missing.

    Returns:
        One row per assessment indexed by a display label (the subject's name, plus the
        date when the subject has several assessments), one column per criterion code.
    """
    names = names or {}
    frame = value_assessment.reset_index(drop=True)
    repeated = frame["subject"].duplicated(keep=False)
    labels = []
    for subject, when, rep in zip(frame["subject"], frame["assessed_on"], repeated):
        label = names.get(subject) or subject
        labels.append(f"{label} ({pd.Timestamp(when):%Y-%m-%d})" if rep and not pd.isna(when) else label)
    grid = pd.DataFrame({code: [_rating(v) for v in frame.get(code, [None] * len(frame))] for code in CRITERION_CODES})
    grid.index = pd.Index(labels, name="subject")
    return grid


def subject_names(stakeholders: pd.DataFrame | None = None, partnerships: pd.DataFrame | None = None) -> dict[str, str]:
    """Id -> name for every stakeholder and partnership (a value assessment's subject is either)."""
    names: dict[str, str] = {}
    for frame in (stakeholders, partnerships):
        if frame is not None and not frame.empty:
            names.update(zip(frame["id"], frame["name"]))
    return names


def decision_counts(decisions: pd.DataFrame) -> pd.DataFrame:
    """Suggested decision by agreement with the recorded one: one row per decision key, in
    vocabulary order, columns agrees, differs, not_recorded, total (zeros included)."""
    table = pd.crosstab(decisions["suggested"], decisions["agreement"]) if not decisions.empty else pd.DataFrame()
    table = table.reindex(index=vocab.DECISIONS.keys, columns=["agrees", "differs", "not_recorded"], fill_value=0)
    table = table.fillna(0).astype("int64")
    table["total"] = table.sum(axis=1)
    return table.rename_axis(index="suggested", columns=None).reset_index()


# ---------------------------------------------------------------------------------------
# Report tables: columns keyed as in TABLE_LABELS, vocabulary columns as keys (TABLE_VOCABS),
# free text (question and criterion text, reasons) in the language asked for
# ---------------------------------------------------------------------------------------


def outcome_table(status: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """Outcome (key), number of stakeholders and what the outcome means."""
    counts = outcome_counts(status)
    return pd.DataFrame(
        {
            "outcome": counts["outcome"],
            "stakeholders": counts["stakeholders"],
            "meaning": [i18n.translator(lang)(OUTCOME_MEANINGS[k]) for k in counts["outcome"]],
        }
    )


def findings_table(screened: pd.DataFrame, names: dict[str, str], lang: str = "en") -> pd.DataFrame:
    """Every finding of the given screenings, by stakeholder name, most severe outcome first."""
    findings = screening_findings(_sort_by_outcome(screened), lang)
    return pd.DataFrame(
        {
            "name": [names.get(s, s) for s in findings["stakeholder"]],
            "outcome": findings["outcome"],
            "assessed_on": _dates(findings["assessed_on"]),
            "kind": findings["kind"],
            "question": findings["question"].str.upper(),
            "text": findings["text"],
        }
    )


def stale_table(latest: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    """The latest screenings flagged as stale, oldest first."""
    stale = latest[latest["is_stale"].fillna(False).astype(bool)].sort_values("assessed_on")
    return pd.DataFrame(
        {
            "name": [names.get(s, s) for s in stale["stakeholder"]],
            "outcome": stale["outcome"],
            "assessed_on": _dates(stale["assessed_on"]),
            "age_days": stale["age_days"],
            "assessor": stale["assessor"],
        }
    )


def decision_table(decisions: pd.DataFrame, names: dict[str, str], lang: str = "en") -> pd.DataFrame:
    """One row per assessment: subject, subject_kind (key), date, suggested and recorded decision,
    agreement, the criteria behind a decline or continue-analysis suggestion, and the adjustments to make."""
    reasons = []
    for rec in decisions.to_dict("records"):
        parts = [
            (f"{RATINGS.label(rating, lang)}: {criteria_names(rec[col], lang)}")
            for col, rating in (
                ("not_acceptable", "not_acceptable"),
                ("insufficient", "insufficient_information"),
                ("not_assessed", NOT_ASSESSED),
            )
            if rec[col]
        ]
        reasons.append(" · ".join(parts))
    return pd.DataFrame(
        {
            "subject": [names.get(s, s) for s in decisions["subject"]],
            "subject_kind": decisions["subject_kind"].tolist(),
            "assessed_on": _dates(decisions["assessed_on"]),
            "suggested": decisions["suggested"],
            "decision": decisions["decision"],
            "agreement": decisions["agreement"],
            "reasons": reasons,
            "adjustments": [criteria_names(a, lang) for a in decisions["adjustments"]],
        }
    )


def pending_table(decisions: pd.DataFrame, names: dict[str, str], lang: str = "en") -> pd.DataFrame:
    """Pending issues and the criteria still open, by subject."""
    pending = pending_issues(decisions)
    return pd.DataFrame(
        {
            "subject": [names.get(s, s) for s in pending["subject"]],
            "assessed_on": _dates(pending["assessed_on"]),
            "suggested": pending["suggested"],
            "pending": pending["pending"].fillna(""),
            "open_criteria": [criteria_names(codes, lang) for codes in pending["open_criteria"]],
        }
    )


def criteria_names(codes: Iterable[str], lang: str = "en") -> str:
    """Criterion codes as a reader names them: "1. Partners; 4. Cost" (in `lang`)."""
    _ = i18n.translator(lang)
    return "; ".join(f"{c[1:]}. {_(CRITERION_SHORT[c])}" for c in codes)


# ---------------------------------------------------------------------------------------
# Sentences of the due-diligence page (plain text in `lang`, numbers and dates as it writes them)
# ---------------------------------------------------------------------------------------


def stale_sentence(stale: pd.DataFrame, max_age_days: int, as_of: object, lang: str = "en") -> str:
    """How many latest screenings are older than the maximum age."""
    _ = i18n.translator(lang)
    return _.n(
        "{n} stakeholder was last screened more than {days} days before {as_of}.",
        "{n} stakeholders were last screened more than {days} days before {as_of}.",
        len(stale),
        days=_.number(max_age_days),
        as_of=_.date(as_of),
    )


def critical_sentence(critical: pd.DataFrame, missing: pd.DataFrame, lang: str = "en") -> str:
    """Whether every stakeholder of the critical group has been screened (Appendix 3, step 2)."""
    _ = i18n.translator(lang)
    if critical.empty:
        return _("No stakeholder has influence and interest of 4 or more (the critical group, Appendix 3).")
    if missing.empty:
        return _.n(
            "The one stakeholder of the critical group has at least one screening.",
            "Every stakeholder of the critical group ({n}) has at least one screening.",
            len(critical),
        )
    return _.n(
        "A risk analysis must be conducted (Appendix 3, step 2) for {n} of the {total} stakeholders of the "
        "critical group:",
        "A risk analysis must be conducted (Appendix 3, step 2) for {n} of the {total} stakeholders of the "
        "critical group:",
        len(missing),
        total=_.number(len(critical)),
    )


def differs_sentence(differs: pd.DataFrame, lang: str = "en") -> str:
    """How many recorded decisions differ from what the criteria suggest."""
    return i18n.translator(lang).n(
        "{n} recorded decision differs from what the criteria suggest: check the reasons or update the ratings.",
        "{n} recorded decisions differ from what the criteria suggest: check the reasons or update the ratings.",
        len(differs),
    )


def decision_count_table(decisions: pd.DataFrame) -> pd.DataFrame:
    """`decision_counts` for a report (the suggested decision as a key: see TABLE_VOCABS)."""
    return decision_counts(decisions)


# ---------------------------------------------------------------------------------------


def _dates(values: pd.Series) -> pd.Series:
    """Dates without time; an empty selection (object dtype) gives an empty column, not an error."""
    return pd.to_datetime(values).dt.date


def _answer(value: object) -> bool | None:
    """True, False, or None for unanswered (NA, None, NaN): a blank is never No."""
    if value is None or value is pd.NA:
        return None
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    return bool(value)


def _rating(value: object) -> str:
    if value is None or value == "" or (not isinstance(value, str) and pd.isna(value)):
        return NOT_ASSESSED
    return str(value)


def _sort_by_outcome(frame: pd.DataFrame) -> pd.DataFrame:
    rank = {k: i for i, k in enumerate(OUTCOMES.keys)}
    return frame.sort_values(["outcome", "stakeholder"], key=lambda s: s.map(rank) if s.name == "outcome" else s)
