"""Due-diligence outcomes (Appendix 4) and value/risk decisions (Appendix 5), rule by rule.

The expected values are read off the seed's rules (seeds/000_8d89ca8aa72c29f7.txt,
Appendix 4 "Criteria for excluding partners/allies" and Appendix 5 "Decision status"), not
computed with the code under test.
"""

from __future__ import annotations

import pandas as pd
import pytest

from partnerlab import screening, vocab

NA = None


def _dd(*screenings: tuple[str, str, dict]) -> pd.DataFrame:
    """A due_diligence table: checks Yes and red flags No unless a deviation says otherwise
    (True, False or None = blank), with the loader's dtypes."""
    rows = []
    for i, (sid, day, deviations) in enumerate(screenings):
        row = {"stakeholder": sid, "assessed_on": pd.Timestamp(day), "assessor": "x", "notes": None, "row": i + 2}
        for q in vocab.DUE_DILIGENCE_QUESTIONS:
            row[q.code] = deviations.get(q.code, not q.is_red_flag)
        rows.append(row)
    frame = pd.DataFrame(rows)
    for q in vocab.DUE_DILIGENCE_QUESTIONS:
        frame[q.code] = pd.array(frame[q.code].tolist(), dtype="boolean")
    return frame


@pytest.mark.parametrize(
    ("deviations", "outcome", "red", "unanswered", "checks_no"),
    [
        ({}, "clear", [], [], []),
        ({"q03": False}, "caution", [], [], ["q03"]),
        ({"q01": False, "q04": False}, "caution", [], [], ["q01", "q04"]),
        ({"q02": NA}, "incomplete", [], ["q02"], []),
        ({"q12": NA}, "incomplete", [], ["q12"], []),  # a blank red flag is not a No
        ({"q03": False, "q07": NA}, "incomplete", [], ["q07"], ["q03"]),  # incomplete wins over caution
        ({"q05": True}, "excluded", ["q05"], [], []),
        ({"q19": True}, "excluded", ["q19"], [], []),
        ({"q10": True, "q15": True, "q01": False}, "excluded", ["q10", "q15"], [], ["q01"]),
        ({"q10": True, "q02": NA, "q11": NA}, "excluded", ["q10"], ["q02", "q11"], []),  # a known Yes excludes
        ({"q04": True}, "clear", [], [], []),  # an information check Yes is no flag
        ({"q02": False}, "clear", [], [], ["q02"]),  # new to the UN (issue 11): context, not risk
        ({"q02": False, "q04": False}, "clear", [], [], ["q02", "q04"]),
        ({"q04": False, "q01": False}, "caution", [], [], ["q01", "q04"]),
    ],
)
def test_screening_outcome_rules(deviations, outcome, red, unanswered, checks_no):
    out = screening.screen(_dd(("s1", "2024-01-01", deviations))).iloc[0]
    assert out["outcome"] == outcome
    assert out["red_flags"] == red
    assert out["unanswered"] == unanswered
    assert out["checks_no"] == checks_no
    assert out["n_unanswered"] == len(unanswered)


def test_all_blank_screening_is_incomplete_never_caution():
    out = screening.screen(_dd(("s1", "2024-01-01", {q.code: NA for q in vocab.DUE_DILIGENCE_QUESTIONS})))
    assert out.loc[0, "outcome"] == "incomplete"
    assert out.loc[0, "checks_no"] == []
    assert out.loc[0, "n_unanswered"] == 19


def test_missing_question_column_counts_as_unanswered():
    frame = _dd(("s1", "2024-01-01", {})).drop(columns="q08")
    assert screening.screen(frame).loc[0, "unanswered"] == ["q08"]


def test_findings_list_question_text_in_both_languages():
    screened = screening.screen(_dd(("s1", "2024-01-01", {"q10": True, "q02": NA, "q03": False})))
    en = screening.screening_findings(screened, "en")
    es = screening.screening_findings(screened, "es")
    assert en["kind"].tolist() == ["red_flag", "unanswered", "check_no"]
    context = screening.screening_findings(screening.screen(_dd(("s2", "2024-01-01", {"q04": False}))))
    assert context["kind"].tolist() == ["context"]  # a No to q02/q04 is listed as context, not as a caution
    assert en["question"].tolist() == ["q10", "q02", "q03"]
    assert en.loc[0, "text"].startswith("Does it manufacture, sell, or distribute tobacco")
    assert es.loc[0, "text"].startswith("¿Fabrica, vende o distribuye tabaco")


def test_latest_screening_and_age_flag():
    dd = _dd(
        ("a", "2022-02-15", {"q05": True}),
        ("a", "2024-12-09", {}),
        ("b", "2024-06-29", {}),
        ("c", "2024-07-01", {"q03": False}),
        ("d", "2025-01-01", {}),
        ("d", "2025-01-01", {"q02": NA}),
    )
    latest = screening.latest_screenings(screening.screen(dd), as_of="2025-06-30", max_age_days=365)
    by = latest.set_index("stakeholder")
    assert by.loc["a", "outcome"] == "clear"  # the 2024 rescreening replaces the 2022 exclusion
    # ages counted by hand: 2024-06-29 -> 2025-06-30 is 366 days (2024 is a leap year, but
    # February is before the date), 2024-07-01 -> 2025-06-30 is 364 days.
    assert by.loc["b", "age_days"] == 366 and bool(by.loc["b", "is_stale"])
    assert by.loc["c", "age_days"] == 364 and not bool(by.loc["c", "is_stale"])
    assert by.loc["a", "age_days"] == 203
    assert by.loc["d", "outcome"] == "incomplete"  # same date: the lower row of the sheet wins
    assert list(latest["stakeholder"]) == ["d", "c", "a", "b"]  # outcome precedence, then id


def test_age_flag_threshold_is_a_parameter():
    latest = screening.latest_screenings(screening.screen(_dd(("b", "2025-01-01", {}))), "2025-06-30", 100)
    assert latest.loc[0, "age_days"] == 180 and bool(latest.loc[0, "is_stale"])


def test_resolve_as_of_prefers_parameter_then_workbook_then_today():
    assert screening.resolve_as_of({"as_of": pd.Timestamp("2025-06-30").date()}) == pd.Timestamp("2025-06-30")
    assert screening.resolve_as_of({"as_of": None}, "2024-01-02") == pd.Timestamp("2024-01-02")
    assert screening.resolve_as_of({}) == pd.Timestamp.today().normalize()


def test_screening_status_and_unscreened_critical():
    stakeholders = pd.DataFrame(
        {"id": ["a", "b", "c"], "name": ["A (fictional)", "B", "C"], "sector": ["civil_society"] * 3}
    )
    screened = screening.screen(_dd(("a", "2025-01-01", {"q06": True})))
    status = screening.screening_status(stakeholders, screened, "2025-06-30").set_index("stakeholder")
    assert status.loc["a", "outcome"] == "excluded" and status.loc["a", "n_screenings"] == 1
    assert status.loc["b", "outcome"] == "not_screened" and status.loc["b", "n_screenings"] == 0
    assert pd.isna(status.loc["b", "is_stale"])
    assert screening.unscreened_critical(stakeholders.iloc[[0, 2]], screened)["id"].tolist() == ["c"]
    assert screening.unscreened_critical(["a", "b"], screened)["id"].tolist() == ["b"]
    counts = screening.outcome_counts(status.reset_index()).set_index("outcome")["stakeholders"]
    assert counts.to_dict() == {"excluded": 1, "incomplete": 0, "caution": 0, "clear": 0, "not_screened": 2}


# ---------------------------------------------------------------------------------------
# Appendix 5
# ---------------------------------------------------------------------------------------


def _va(*assessments: tuple[str, dict, str | None]) -> pd.DataFrame:
    """A value_assessment table: every criterion acceptable unless a deviation says otherwise."""
    rows = []
    for i, (subject, deviations, decision) in enumerate(assessments):
        row = {
            "subject": subject,
            "subject_kind": "partnership",
            "assessed_on": pd.Timestamp("2025-01-01"),
            "pending": None,
            "decision": decision,
            "decision_date": pd.NaT,
            "row": i + 2,
        }
        row.update({c.code: deviations.get(c.code, "acceptable") for c in vocab.VALUE_CRITERIA})
        rows.append(row)
    return pd.DataFrame(rows)


@pytest.mark.parametrize(
    ("deviations", "recorded", "suggested", "agreement", "adjustments"),
    [
        ({}, "proceed", "proceed", "agrees", []),  # all acceptable
        ({"c4": "adjustments", "c9": "adjustments"}, "proceed", "proceed", "agrees", ["c4", "c9"]),
        ({"c6": "not_acceptable"}, "continue_analysis", "decline", "differs", []),
        ({"c6": "not_acceptable", "c3": "insufficient_information"}, "decline", "decline", "agrees", []),
        ({"c1": "not_acceptable", "c2": None}, "decline", "decline", "agrees", []),  # decline wins over a blank
        ({"c7a": "insufficient_information"}, "proceed", "continue_analysis", "differs", []),
        ({"c7b": None}, "proceed", "continue_analysis", "differs", []),  # blank = not assessed, not acceptable
        ({"c8": "adjustments", "c5": None}, None, "continue_analysis", "not_recorded", ["c8"]),
        ({"c3": "adjustments"}, "continue_analysis", "proceed", "differs", ["c3"]),
    ],
)
def test_decision_paths(deviations, recorded, suggested, agreement, adjustments):
    out = screening.value_decisions(_va(("p1", deviations, recorded))).iloc[0]
    assert out["suggested"] == suggested
    assert out["agreement"] == agreement
    assert out["adjustments"] == adjustments


def test_every_criterion_blank_suggests_continue_analysis():
    out = screening.value_decisions(_va(("p1", {c: None for c in screening.CRITERION_CODES}, None)))
    assert out.loc[0, "suggested"] == "continue_analysis"
    assert out.loc[0, "not_assessed"] == list(screening.CRITERION_CODES)


def test_disagreements_criteria_findings_and_pending():
    va = _va(
        ("p1", {"c6": "not_acceptable", "c4": "adjustments"}, "proceed"),
        ("p2", {}, "proceed"),
        ("p3", {"c9": "insufficient_information", "c2": None}, None),
    )
    va.loc[1, "pending"] = "Confirm co-financing"
    decisions = screening.value_decisions(va)
    assert screening.decision_disagreements(decisions)["subject"].tolist() == ["p1"]
    findings = screening.criteria_findings(decisions, "en")
    assert findings[["subject", "rating", "criterion"]].values.tolist() == [
        ["p1", "not_acceptable", "c6"],
        ["p1", "adjustments", "c4"],
        ["p3", "insufficient_information", "c9"],
        ["p3", "not_assessed", "c2"],
    ]
    assert findings.loc[0, "text"] == "The risks of the partnership are sufficiently low or well mitigated"
    pending = screening.pending_issues(decisions)
    assert pending["subject"].tolist() == ["p2", "p3"]
    assert pending.loc[1, "open_criteria"] == ["c9", "c2"]
    counts = screening.decision_counts(decisions).set_index("suggested")
    assert counts.loc["decline", "differs"] == 1 and counts.loc["proceed", "agrees"] == 1
    assert counts.loc["continue_analysis", "not_recorded"] == 1 and counts["total"].sum() == 3


def test_latest_value_decision_and_grid_labels():
    va = _va(("p1", {"c1": "not_acceptable"}, "decline"), ("p1", {}, "proceed"), ("s1", {"c3": None}, None))
    va.loc[1, "assessed_on"] = pd.Timestamp("2025-03-01")
    latest = screening.latest_value_decisions(screening.value_decisions(va)).set_index("subject")
    assert latest.loc["p1", "suggested"] == "proceed"
    grid = screening.value_grid(va, {"p1": "Alliance", "s1": "Org (fictional)"})
    assert list(grid.index) == ["Alliance (2025-01-01)", "Alliance (2025-03-01)", "Org (fictional)"]
    assert grid.loc["Org (fictional)", "c3"] == screening.NOT_ASSESSED
    assert list(grid.columns) == list(screening.CRITERION_CODES)


# ---------------------------------------------------------------------------------------
# Report tables and the sample (issue 4, "Done when")
# ---------------------------------------------------------------------------------------


def test_report_tables_hold_keys_the_report_translates():
    from partnerlab.page import format_table

    screened = screening.screen(_dd(("a", "2024-01-05", {"q05": True, "q02": None}), ("b", "2025-01-05", {})))
    findings = screening.findings_table(screened, {"a": "Org A (fictional)"}, "es")
    assert findings[["name", "outcome", "kind", "question"]].values.tolist() == [
        ["Org A (fictional)", "excluded", "red_flag", "Q05"],
        ["Org A (fictional)", "excluded", "unanswered", "Q02"],
    ]
    shown = format_table(findings, "es", labels=screening.TABLE_LABELS, vocabularies=screening.TABLE_VOCABS)
    assert shown["Resultado"].tolist() == ["Excluido"] * 2 and shown["Hallazgo"].tolist()[1] == "Sin respuesta"
    stale = screening.stale_table(screening.latest_screenings(screened, "2025-06-30", 365), {})
    assert stale[["name", "outcome", "age_days"]].values.tolist() == [
        ["a", "excluded", 542]
    ]  # 2024-01-05 -> 2025-06-30
    decisions = screening.value_decisions(_va(("p1", {"c4": None}, "proceed")))
    table = screening.decision_table(decisions, {}, "es")
    assert table[["suggested", "decision", "agreement"]].values.tolist() == [
        ["continue_analysis", "proceed", "differs"]
    ]
    assert table.loc[0, "reasons"] == "Sin evaluar (en blanco): 4. Costo"
    shown = format_table(table, "es", labels=screening.TABLE_LABELS, vocabularies=screening.TABLE_VOCABS)
    assert shown.loc[0, "Concordancia"] == "Difiere" and shown.loc[0, "Sugerida"] == "Continuar el análisis"


def test_empty_selections_give_empty_tables():
    empty = screening.screen(_dd(("a", "2024-01-05", {})).iloc[:0])
    assert screening.findings_table(empty, {}).empty
    assert screening.stale_table(screening.latest_screenings(empty, "2025-06-30"), {}).empty
    decisions = screening.value_decisions(_va(("p1", {}, None)).iloc[:0])
    assert screening.decision_table(decisions, {}).empty and screening.pending_table(decisions, {}).empty


def test_sample_shows_every_outcome_and_decision_path(sample_wb):
    status = screening.screening_status(
        sample_wb.stakeholders, screening.screen(sample_wb.due_diligence), screening.resolve_as_of(sample_wb.about)
    )
    assert set(status["outcome"]) == set(screening.OUTCOMES.keys)
    d = screening.value_decisions(sample_wb.value_assessment)
    paths = {
        "decline": (d["suggested"] == "decline").any(),
        "continue: insufficient information": d["insufficient"].map(bool).any(),
        "continue: blank criterion": (
            d["not_assessed"].map(bool) & ~d["insufficient"].map(bool) & ~d["not_acceptable"].map(bool)
        ).any(),
        "proceed, all acceptable": ((d["suggested"] == "proceed") & ~d["adjustments"].map(bool)).any(),
        "proceed with adjustments": ((d["suggested"] == "proceed") & d["adjustments"].map(bool)).any(),
        **{f"recorded {a}": (d["agreement"] == a).any() for a in screening.AGREEMENTS.keys},
    }
    assert all(paths.values()), [k for k, v in paths.items() if not v]


def test_key_of_takes_a_key_or_a_label_in_any_language_and_names_what_is_expected():
    # the one vocabulary lookup (Vocabulary.key_of) knows the catalogs' labels of a CatalogVocabulary
    assert screening.OUTCOMES.key_of("excluded") == "excluded"
    assert screening.OUTCOMES.key_of("Sin observaciones") == "clear"
    assert screening.OUTCOMES.key_of("sem ressalvas") == "clear"
    with pytest.raises(ValueError, match="screening outcome"):
        screening.OUTCOMES.key_of("cleared!")


def test_id_of_takes_an_id_or_a_name_and_suggests_the_closest():
    table = pd.DataFrame({"id": ["ORG1", "ORG2"], "name": ["Fundación Uno (ficticia)", "Red Dos (ficticia)"]})
    assert screening.id_of(table, "org2") == "ORG2"
    assert screening.id_of(table, "FUNDACION UNO (ficticia)") == "ORG1"
    with pytest.raises(KeyError, match="did you mean 'Red Dos"):
        screening.id_of(table, "Red Dos (ficticio)")


def test_page_sentences_use_plurals_and_dates_of_the_language():
    stale = pd.DataFrame({"name": ["a"]})
    assert (
        screening.stale_sentence(stale, 365, "2025-06-30", "es")
        == "1 actor tuvo su última evaluación más de 365 días antes del 30 de junio de 2025."
    )
    assert screening.differs_sentence(pd.DataFrame({"x": [1, 2]}), "pt").startswith("2 decisões registradas diferem")
    assert "(1 de ellas" not in screening.critical_sentence(
        pd.DataFrame({"id": ["a"]}), pd.DataFrame({"id": ["a"]}), "es"
    )


@pytest.mark.parametrize("lang", ["es", "pt"])
def test_screening_labels_and_notes_are_translated(lang):
    from partnerlab import i18n

    labels = [screening.OUTCOMES.label(k, lang) for k in screening.OUTCOMES.keys]
    assert labels != screening.OUTCOMES.labels("en") and "Clear" not in labels
    assert i18n.gettext(screening.RULES_NOTE, lang) != screening.RULES_NOTE
