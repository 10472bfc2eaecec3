"""Tests of partnerlab/consistency.py: each rule fires and stays silent, at date boundaries and with blanks."""

from __future__ import annotations

import pandas as pd
import pytest

from partnerlab import consistency as c
from partnerlab import screening

AS_OF = "2025-06-30"
CLEAN = {q: (q in screening.INFO_CODES) for q in screening.QUESTION_CODES}  # checks Yes, red flags No


def _st(*rows) -> pd.DataFrame:
    """(id, sector, influence, interest) rows; names end in (fictional)."""
    return pd.DataFrame(
        {
            "id": [r[0] for r in rows],
            "name": [f"{r[0]} (fictional)" for r in rows],
            "sector": [r[1] for r in rows],
            "influence": pd.array([r[2] for r in rows], dtype="Int64"),
            "interest": pd.array([r[3] for r in rows], dtype="Int64"),
            "row": range(2, 2 + len(rows)),
        }
    )


def _dd(*rows) -> pd.DataFrame:
    """(stakeholder, date, {question: True/False/None}) rows on top of a clean answer sheet."""
    out = []
    for i, (sid, day, answers) in enumerate(rows):
        out.append({"stakeholder": sid, "assessed_on": pd.Timestamp(day), "row": i + 2, **{**CLEAN, **answers}})
    frame = pd.DataFrame(out)
    for q in screening.QUESTION_CODES:
        frame[q] = pd.array(frame[q].tolist(), dtype="boolean")
    return frame


def _pa(*rows) -> pd.DataFrame:
    """(id, lead, members, status, start) rows."""
    return pd.DataFrame(
        {
            "id": [r[0] for r in rows],
            "name": [f"{r[0]} (fictional)" for r in rows],
            "lead": [r[1] for r in rows],
            "members": [r[2] for r in rows],
            "status": [r[3] for r in rows],
            "start": pd.to_datetime([r[4] for r in rows]),
            "actions": [r[5] if len(r) > 5 else [] for r in rows],
            "row": range(2, 2 + len(rows)),
        }
    )


def _va(*rows) -> pd.DataFrame:
    """(subject, assessed_on, {criterion: rating}, decision, decision_date) rows; other criteria acceptable."""
    out = []
    for i, (subject, day, ratings, decision, decided) in enumerate(rows):
        out.append(
            {
                "subject": subject,
                "assessed_on": pd.Timestamp(day),
                "decision": decision,
                "decision_date": pd.Timestamp(decided) if decided else pd.NaT,
                "pending": None,
                "row": i + 2,
                **{code: ratings.get(code, "acceptable") for code in screening.CRITERION_CODES},
            }
        )
    return pd.DataFrame(out)


def _rules(tables: dict, **kw) -> list[tuple[str, str]]:
    alerts = c.find_alerts(tables, as_of=kw.pop("as_of", AS_OF), **kw)
    return sorted(zip(alerts["rule"], alerts["subject_id"]))


ST = _st(("a", "academia", 2, 2), ("b", "civil_society", 2, 2), ("un", "un_system", None, None))


# ---------------------------------------------------------------------------------------
# Due diligence of commitments: missing, stale, excluded, incomplete, caution
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("screenings", "expected"),
    [
        ([], [("dd_missing", "P1")]),  # never screened
        ([("b", "2024-06-30", {})], []),  # 365 days old on the as-of date: fresh
        ([("b", "2024-06-29", {})], [("dd_stale", "P1")]),  # 366 days: stale
        ([("b", "2025-07-01", {})], [("dd_missing", "P1")]),  # dated after the as-of date: not yet
        ([("b", "2025-01-01", {"q05": True})], [("dd_excluded", "P1")]),  # a red flag answered Yes
        ([("b", "2025-01-01", {"q19": None})], [("dd_incomplete", "P1")]),  # a blank is not a No
        ([("b", "2025-01-01", {"q01": False})], [("dd_caution", "P1")]),  # not legally registered
        ([("b", "2025-01-01", {"q03": False})], [("dd_caution", "P1")]),  # no activity report
        ([("b", "2025-01-01", {"q02": False, "q04": False})], []),  # new to the UN: context, not risk
        ([("b", "2024-01-01", {"q05": True}), ("b", "2025-01-01", {})], []),  # the latest screening counts
    ],
)
def test_active_partnership_needs_a_fresh_screening_of_each_party(screenings, expected):
    tables = {
        "stakeholders": ST,
        "due_diligence": _dd(("a", "2025-01-01", {}), *screenings),
        "partnerships": _pa(("P1", "a", ["b", "un"], "active", "2024-01-01")),
    }
    assert [r for r in _rules(tables) if r[0].startswith("dd_") and r[0] != "dd_expiring"] == expected


@pytest.mark.parametrize(
    "status, fires",
    [
        ("active", True),
        ("negotiating", True),
        ("exploring", False),
        ("under_review", False),
        ("closed", False),
        (None, False),
    ],
)
def test_only_negotiating_or_active_partnerships_are_checked_at_the_as_of_date(status, fires):
    tables = {"stakeholders": ST, "partnerships": _pa(("P1", "a", [], status, None))}
    assert (("dd_missing", "P1") in _rules(tables)) is fires


def test_un_system_members_are_never_asked_for_due_diligence():
    tables = {
        "stakeholders": ST,
        "due_diligence": _dd(("a", "2025-01-01", {})),
        "partnerships": _pa(("P1", "un", ["a"], "active", None)),
    }
    assert [r for r, _ in _rules(tables) if r.startswith("dd_")] == []


@pytest.mark.parametrize(
    ("screened_on", "decided", "expected"),
    [
        ("2024-03-01", "2025-03-01", []),  # 365 days before the decision: fresh
        ("2024-02-28", "2025-03-01", ["dd_stale"]),  # 367 days before
        ("2025-03-02", "2025-03-01", ["dd_missing"]),  # the day after the decision: none at the decision
    ],
)
def test_a_recorded_proceed_is_checked_at_its_decision_date(screened_on, decided, expected):
    tables = {
        "stakeholders": ST,
        "due_diligence": _dd(("a", screened_on, {})),
        "partnerships": _pa(("P1", "a", [], "exploring", None)),
        "value_assessment": _va(("P1", "2025-02-01", {"c1": "adjustments"}, "proceed", decided)),
    }
    assert [r for r, _ in _rules(tables) if r.startswith("dd_") and r != "dd_expiring"] == expected


def test_a_blank_decision_is_not_a_proceed():
    tables = {
        "stakeholders": ST,
        "partnerships": _pa(("P1", "a", [], "exploring", None)),
        "value_assessment": _va(("P1", "2025-02-01", {"c1": "adjustments"}, None, None)),
    }
    assert _rules(tables) == []


def test_a_stakeholder_with_a_recorded_proceed_is_its_own_party():
    tables = {
        "stakeholders": ST,
        "due_diligence": _dd(("a", "2025-01-01", {"q10": True})),
        "value_assessment": _va(("a", "2025-02-01", {"c1": "adjustments"}, "proceed", "2025-02-02")),
    }
    alerts = c.find_alerts(tables, as_of=AS_OF)
    assert alerts[["rule", "severity", "subject_kind", "subject_id"]].values.tolist() == [
        ["dd_excluded", "blocker", "stakeholder", "a"]
    ]
    assert "due_diligence row 2" in alerts.loc[0, "evidence"] and "Q10" in alerts.loc[0, "evidence"]


# ---------------------------------------------------------------------------------------
# Decisions and starts
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "start", "expected"),
    [
        ("closed", "2023-05-01", ["started_after_decline"]),  # declined, then started eleven days later
        ("closed", "2023-04-20", ["started_after_decline"]),  # started on the day of the decline
        ("closed", "2023-04-19", ["started_before_decision"]),  # it started before the decision: not after it
        ("active", "2020-01-01", ["started_after_decline", "started_before_decision"]),  # active although declined
        ("exploring", None, []),
    ],
)
def test_started_although_declined(status, start, expected):
    tables = {
        "stakeholders": ST,
        "due_diligence": _dd(("a", "2023-04-01", {})),
        "partnerships": _pa(("P1", "a", [], status, start)),
        "value_assessment": _va(("P1", "2023-04-10", {"c1": "not_acceptable"}, "decline", "2023-04-20")),
    }
    got = [r for r, _ in _rules(tables) if r.startswith("started")]
    assert got == expected


def test_started_before_decision_needs_a_recorded_decision():
    tables = {
        "stakeholders": ST,
        "due_diligence": _dd(("a", "2025-01-01", {})),
        "partnerships": _pa(("P1", "a", [], "active", "2022-01-01"), ("P2", "a", [], "active", "2022-01-01")),
        "value_assessment": _va(
            ("P1", "2022-03-01", {}, "proceed", "2022-03-01"), ("P2", "2022-03-01", {}, None, None)
        ),
    }
    got = [s for r, s in _rules(tables) if r == "started_before_decision"]
    assert got == ["P1"]  # P2 has no recorded decision: the verdict says not assessed instead


def test_active_partnership_whose_criteria_suggest_decline():
    tables = {
        "stakeholders": ST,
        "due_diligence": _dd(("a", "2025-01-01", {})),
        "partnerships": _pa(("P1", "a", [], "active", "2025-03-01"), ("P2", "a", [], "closed", "2025-03-01")),
        "value_assessment": _va(
            ("P1", "2025-02-01", {"c6": "not_acceptable"}, "continue_analysis", "2025-02-02"),
            ("P2", "2025-02-01", {"c6": "not_acceptable"}, "continue_analysis", "2025-02-02"),
        ),
    }
    assert [s for r, s in _rules(tables) if r == "active_suggests_decline"] == ["P1"]


# ---------------------------------------------------------------------------------------
# Criterion 1 and evidence dated after the decision
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("c1", "screenings", "fires"),
    [
        ("acceptable", [], True),  # never screened
        ("acceptable", [("b", "2025-01-10", {"q07": None})], True),  # incomplete
        ("acceptable", [("b", "2025-01-10", {"q07": True})], True),  # excluded
        ("acceptable", [("b", "2025-02-01", {})], False),  # screened on the day of the assessment
        ("acceptable", [("b", "2025-02-02", {})], True),  # the day after: not at the assessment
        ("acceptable", [("b", "2025-01-10", {"q03": False})], False),  # caution is not what criterion 1 needs
        ("adjustments", [], False),  # not rated acceptable
        (None, [], False),  # blank: not assessed
    ],
)
def test_criterion_1_acceptable_needs_every_party_screened(c1, screenings, fires):
    tables = {
        "stakeholders": ST,
        "due_diligence": _dd(("a", "2025-01-01", {}), *screenings),
        "partnerships": _pa(("P1", "a", ["b", "un"], "exploring", None)),
        "value_assessment": _va(("P1", "2025-02-01", {"c1": c1}, "continue_analysis", "2025-02-01")),
    }
    assert (("c1_unsupported", "P1") in _rules(tables)) is fires


def test_evidence_after_the_decision():
    tables = {
        "stakeholders": ST,
        "due_diligence": _dd(("a", "2023-11-08", {"q14": True})),
        "partnerships": _pa(("P1", "a", [], "closed", None)),
        "value_assessment": _va(("P1", "2023-04-10", {"c1": "not_acceptable"}, "decline", "2023-04-20")),
    }
    alerts = c.find_alerts(tables, as_of=AS_OF)
    row = alerts[alerts["rule"] == "evidence_after"].iloc[0]
    assert row["severity"] == "warning" and "202 days later" in row["evidence"]  # 2023-04-20 -> 2023-11-08


@pytest.mark.parametrize(("decided", "fires"), [("2025-01-31", True), ("2025-02-01", False), (None, False)])
def test_decision_dated_before_its_assessment(decided, fires):
    tables = {
        "stakeholders": ST,
        "due_diligence": _dd(("a", "2025-01-01", {})),
        "partnerships": _pa(("P1", "a", [], "exploring", None)),
        "value_assessment": _va(("P1", "2025-02-01", {"c3": "insufficient_information"}, "continue_analysis", decided)),
    }
    assert (("evidence_after", "P1") in _rules(tables)) is fires


# ---------------------------------------------------------------------------------------
# Exposure, expiry, critical group, quality, action plan
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(("until", "fires"), [(None, True), (2025, True), (2024, False)])
def test_a_current_tie_with_an_excluded_organisation_exposes_both_ends(until, fires):
    st = _st(("a", "academia", 2, 2), ("x", "private_sector", 2, 2), ("c", "academia", 2, 2))
    ties = pd.DataFrame(
        {
            "source": ["a"],
            "target": ["x"],
            "kind": ["partnership"],
            "until": pd.array([until], dtype="Int64"),
            "row": [2],
        }
    )
    tables = {
        "stakeholders": st,
        "ties": ties,
        "due_diligence": _dd(("x", "2025-01-01", {"q11": True})),
        "partnerships": _pa(("P1", "c", ["a"], "exploring", None)),
    }
    got = [(r, s) for r, s in _rules(tables) if r == "excluded_exposure"]
    assert got == ([("excluded_exposure", "P1"), ("excluded_exposure", "a")] if fires else [])


def test_sharing_a_partnership_with_an_excluded_organisation():
    st = _st(("a", "academia", 2, 2), ("x", "private_sector", 2, 2))
    tables = {
        "stakeholders": st,
        "due_diligence": _dd(("x", "2025-01-01", {"q11": True})),
        "partnerships": _pa(("P1", "a", ["x"], "exploring", None), ("P2", "a", ["x"], "closed", None)),
    }
    alerts = c.find_alerts(tables, as_of=AS_OF)
    exposure = alerts[alerts["rule"] == "excluded_exposure"]
    assert exposure["subject_id"].tolist() == ["a"] and "P1 (fictional)" in exposure.iloc[0]["evidence"]


@pytest.mark.parametrize(
    ("screened_on", "expected"),
    [
        ("2024-06-30", ["dd_expiring"]),  # expires on the as-of date itself
        ("2024-09-28", ["dd_expiring"]),  # expires in exactly 90 days
        ("2024-09-29", []),  # in 91 days
        ("2024-06-29", ["dd_stale"]),  # already expired: stale, not upcoming
    ],
)
def test_screening_expiring_within_90_days(screened_on, expected):
    tables = {
        "stakeholders": ST,
        "due_diligence": _dd(("a", screened_on, {})),
        "partnerships": _pa(("P1", "a", [], "active", None)),
    }
    assert [r for r, _ in _rules(tables) if r in ("dd_expiring", "dd_stale")] == expected


def test_critical_group_never_screened_is_upcoming():
    st = _st(("a", "academia", 4, 4), ("b", "academia", 4, 3), ("c", "academia", None, 5), ("d", "academia", 5, 5))
    tables = {"stakeholders": st, "due_diligence": _dd(("d", "2025-01-01", {}))}
    alerts = c.find_alerts(tables, as_of=AS_OF)
    assert alerts[["rule", "severity", "subject_id"]].values.tolist() == [["critical_unscreened", "upcoming", "a"]]


@pytest.mark.parametrize(
    ("assessed_on", "status", "fires"),
    [
        ("2024-06-30", "active", False),  # 365 days: within the year
        ("2024-06-29", "active", True),  # 366 days
        (None, "active", True),  # never assessed
        (None, "closed", False),
        ("2025-07-01", "active", True),  # dated after the as-of date: not yet
    ],
)
def test_active_partnership_needs_a_quality_review_within_the_year(assessed_on, status, fires):
    qa = pd.DataFrame(
        {
            "partnership": ["P1"] if assessed_on else [],
            "assessed_on": pd.to_datetime([assessed_on] if assessed_on else []),
        }
    )
    tables = {
        "stakeholders": ST,
        "due_diligence": _dd(("a", "2025-01-01", {})),
        "quality_assessment": qa,
        "partnerships": _pa(("P1", "a", [], status, None)),
    }
    assert (("quality_overdue", "P1") in _rules(tables)) is fires


@pytest.mark.parametrize(
    ("years", "status", "pstatus", "fires"),
    [
        ([2023, 2024], "in_progress", "active", True),  # late: last planned year before 2025
        ([2024, 2025], "in_progress", "active", False),
        ([2023], "done", "active", False),
        ([2025], "dropped", "exploring", True),  # dropped
        ([2023], "in_progress", "closed", False),  # a closed partnership's links are history
        ([], "not_started", "active", False),  # no planned year: never late
    ],
)
def test_partnership_linked_to_a_dropped_or_late_course(years, status, pstatus, fires):
    plan = pd.DataFrame(
        {
            "code": ["2.8"],
            "pillar": ["II"],
            "area": ["x"],
            "action": ["y"],
            "responsible": [["RCO"]],
            "years": [years],
            "status": [status],
            "progress_pct": [10.0],
            "row": [9],
        }
    )
    tables = {
        "stakeholders": ST,
        "due_diligence": _dd(("a", "2025-01-01", {})),
        "action_plan": plan,
        "partnerships": _pa(("P1", "a", [], pstatus, None, [" 2.8 "])),
    }
    assert (("course_off_track", "P1") in _rules(tables)) is fires


# ---------------------------------------------------------------------------------------
# Verdicts, languages, tables
# ---------------------------------------------------------------------------------------


def test_fresh_clear_screening_and_agreeing_proceed_is_go_without_alert():
    tables = {
        "stakeholders": ST,
        "due_diligence": _dd(("a", "2025-01-01", {})),
        "value_assessment": _va(("a", "2025-02-01", {}, "proceed", "2025-02-03")),
    }
    alerts = c.find_alerts(tables, as_of=AS_OF)
    verdicts = c.stakeholder_verdicts(tables, alerts, as_of=AS_OF).set_index("stakeholder")["verdict"]
    assert alerts.empty and verdicts["a"] == "go"
    assert verdicts["b"] == "not_assessed" and verdicts["un"] == "go"


@pytest.mark.parametrize(
    ("answers", "decision", "expected"),
    [
        ({}, ("proceed", "2025-02-03"), "go"),
        ({"q02": False}, ("proceed", "2025-02-03"), "go"),  # new to the UN: no lower standing
        ({"q01": False}, ("proceed", "2025-02-03"), "go_with_conditions"),
        ({"q09": None}, None, "go_with_conditions"),  # incomplete
        ({"q09": True}, None, "blocked"),  # excluded
        ({}, ("continue_analysis", "2025-02-03"), "go_with_conditions"),
        ({}, ("decline", "2025-02-03"), "blocked"),
    ],
)
def test_stakeholder_verdict(answers, decision, expected):
    va = _va(("a", "2025-02-01", {}, *decision)) if decision else None
    tables = {
        "stakeholders": ST,
        "due_diligence": _dd(("a", "2025-01-01", answers)),
        **({"value_assessment": va} if va is not None else {}),
    }
    verdicts = c.stakeholder_verdicts(tables, as_of=AS_OF).set_index("stakeholder")["verdict"]
    assert verdicts["a"] == expected


def test_partnership_verdicts_and_register():
    tables = {
        "stakeholders": ST,
        "due_diligence": _dd(("a", "2025-01-01", {}), ("b", "2025-01-01", {})),
        "partnerships": _pa(
            ("P1", "a", ["b"], "negotiating", None),
            ("P2", "a", [], "exploring", None),
            ("P3", "a", ["b"], "exploring", None),
            ("P4", "c", [], "exploring", None),
        ),
        "value_assessment": _va(
            ("P1", "2025-02-01", {}, "proceed", "2025-02-03"),
            ("P3", "2025-02-01", {"c4": "adjustments"}, "proceed", "2025-02-03"),
        ),
    }
    verdicts = c.partnership_verdicts(tables, as_of=AS_OF)
    assert dict(zip(verdicts["partnership"], verdicts["verdict"])) == {
        "P1": "go",
        "P2": "not_assessed",
        "P3": "go_with_conditions",
        "P4": "not_assessed",
    }
    register = c.register_table(verdicts, {"P1": "partnership__p1.html"})
    assert register.loc[0, "partnership"] == '<a href="partnership__p1.html">P1 (fictional)</a>'


def test_alerts_in_spanish_cite_the_spanish_sheet_names():
    tables = {"stakeholders": ST, "partnerships": _pa(("P1", "a", [], "active", None))}
    alerts = c.find_alerts(tables, as_of=AS_OF, lang="es")
    row = alerts[alerts["rule"] == "dd_missing"].iloc[0]
    assert "alianzas fila 2" in row["evidence"] and "no tiene evaluación" in row["evidence"]
    assert row["action"].startswith("Realizar la debida diligencia")


def test_alerts_table_has_exactly_the_alert_columns():
    tables = {"stakeholders": ST, "partnerships": _pa(("P1", "a", [], "active", None))}
    assert list(c.alerts_table(c.find_alerts(tables, as_of=AS_OF)).columns) == c.ALERT_COLUMNS
    assert list(c.alerts_table(c.find_alerts({"stakeholders": ST}, as_of=AS_OF)).columns) == c.ALERT_COLUMNS


def test_every_rule_is_documented():
    doc = c.__file__.rsplit("/partnerlab/", 1)[0] + "/docs/consistency.md"
    text = open(doc, encoding="utf-8").read()
    assert all(f"`{code}`" in text for code in c.RULES)


# ---------------------------------------------------------------------------------------
# The bundled sample (issue 11, "Done when")
# ---------------------------------------------------------------------------------------


def test_sample_shows_the_contradictions_of_the_issue(sample_wb):
    alerts = c.find_alerts(sample_wb)
    got = set(zip(alerts["rule"], alerts["subject_id"], alerts["severity"]))
    # a recorded proceed rating criterion 1 acceptable while its lead was never screened
    assert {("dd_missing", "P11", "blocker"), ("c1_unsupported", "P11", "warning")} <= got
    # declined, started eleven days later, quality-assessed; the decline cites a later screening
    assert {("started_after_decline", "P15", "blocker"), ("evidence_after", "P15", "warning")} <= got
    # an active fund whose criteria suggest decline, tied to an excluded organisation
    assert {("active_suggests_decline", "P12", "warning"), ("excluded_exposure", "P12", "warning")} <= got
    assert set(c.RULES) == set(alerts["rule"])  # every rule at least once
    verdicts = c.stakeholder_verdicts(sample_wb, alerts).set_index("stakeholder")
    assert verdicts.loc["PACTO", "verdict"] == "go" and c.alerts_for(alerts, "PACTO").empty


def test_module_doctests():
    import doctest

    result = doctest.testmod(c)
    assert result.attempted > 0 and result.failed == 0


@pytest.mark.slow
def test_sample_batch_shows_the_contradictions_everywhere(tmp_path):
    """Issue 11, "Done when": the overview, the profiles and partnership pages concerned and the sheet
    `alerts` of findings.xlsx show the contradictions; every partnership has a page."""
    import subprocess
    import sys

    import openpyxl

    from partnerlab import paths

    out = tmp_path / "out"
    run = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from partnerlab.cli import main; sys.exit(main(sys.argv[1:]))",
            "run",
            "--no-progress",
            "--workbook",
            str(paths.SAMPLE_WORKBOOK),
            "--out",
            str(out),
            "--lang",
            "en",
            "--only",
            "partner_profile",
            "partnership",
            "overview",
        ],
        capture_output=True,
        timeout=1500,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    overview = (out / "overview.html").read_text(encoding="utf-8")
    assert "7 blockers" in overview and "18 warnings" in overview
    for pid in ("p11", "p12", "p15"):
        assert f'href="partnership__{pid}.html"' in overview
    assert 'href="partner_profile__altamira.html"' in overview  # the register and the alerts link their pages
    evidence = {
        "partnership__p11": "has no due-diligence screening at the recorded decision",  # proceed, lead never screened
        "partner_profile__altamira": "has no due-diligence screening at the recorded decision",
        "partnership__p15": "was declined on April 20, 2023",  # declined, then started
        "partnership__p12": "the criteria suggest decline",  # active fund
    }
    for page, text in evidence.items():
        html = (out / f"{page}.html").read_text(encoding="utf-8")
        assert text in html and text in overview, page
    assert "tied to the excluded" in (out / "partnership__p12.html").read_text(encoding="utf-8")
    assert len(list(out.glob("partnership__*.html"))) == 15  # every partnership of the sample
    from partnerlab import findings, i18n

    T = i18n.translator("en")
    sheet = openpyxl.load_workbook(out / "findings.xlsx")["Alerts"]  # named for a reader (findings.py)
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == [findings.column_title(col, T) for col in c.ALERT_COLUMNS]
    assert {
        (T(c.RULES[rule].title), subject)
        for rule, subject in [
            ("started_after_decline", "P15"),
            ("dd_missing", "P11"),
            ("active_suggests_decline", "P12"),
            ("evidence_after", "P15"),
            ("excluded_exposure", "P12"),
        ]
    } <= {(r[0], r[3]) for r in rows[1:]}


def test_flagged_central_lists_only_actors_not_cleared():
    cent = pd.DataFrame(
        {
            "name": ["A", "B", "UN", "C"],
            "sector": ["academia", "academia", "un_system", "academia"],
            "degree": [5, 4, 3, 2],
            "betweenness": [0.5, 0.4, 0.3, 0.2],
        },
        index=["a", "b", "un", "c"],
    )
    verdicts = pd.DataFrame(
        {
            "stakeholder": ["a", "b", "un", "c"],
            "outcome": ["clear", "not_screened", "not_screened", "clear"],
            "verdict": ["go", "not_assessed", "go", "go"],
            "n_blocker": [0, 0, 0, 0],
            "n_warning": [0, 0, 0, 1],
        }
    )
    assert c.flagged_central(cent, verdicts)["stakeholder"].tolist() == ["b", "c"]  # c: a warning names it
    assert c.flagged_central(cent, verdicts, top=2)["stakeholder"].tolist() == ["b"]


def test_tables_with_links_escape_workbook_text():
    st = _st(("a", "academia", 2, 2)).assign(name=["<script>alert(1)</script>"])
    pa = _pa(("P1", "a", [], "active", None)).assign(name=['<img src=x onerror="x()">'])
    tables = {"stakeholders": st, "partnerships": pa}
    alerts = c.find_alerts(tables, as_of=AS_OF)
    links = c.page_links(
        [{"report": "partnership", "name": "partnership__p1", "status": "ok", "parameters_own": {"partnership": "P1"}}]
    )
    shown = (
        c.linked_alerts_table(alerts, links).to_string()
        + c.register_table(c.partnership_verdicts(tables), links).to_string()
    )
    assert "<script>" not in shown and "<img" not in shown
    assert "&lt;script&gt;" in shown and '<a href="partnership__p1.html">&lt;img' in shown


from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as hs  # noqa: E402

_DAYS = hs.one_of(
    hs.none(),
    hs.dates(min_value=pd.Timestamp("2020-01-01").date(), max_value=pd.Timestamp("2026-12-31").date()).map(str),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    statuses=hs.lists(
        hs.sampled_from(["exploring", "negotiating", "active", "under_review", "closed", None]), min_size=1, max_size=3
    ),
    starts=hs.lists(_DAYS, min_size=3, max_size=3),
    answers=hs.lists(
        hs.dictionaries(
            hs.sampled_from(list(screening.QUESTION_CODES)), hs.sampled_from([True, False, None]), max_size=4
        ),
        min_size=0,
        max_size=3,
    ),
    decisions=hs.lists(
        hs.tuples(
            hs.sampled_from(["P0", "P1", "a"]),
            hs.sampled_from(["acceptable", "not_acceptable", None]),
            hs.sampled_from(["proceed", "decline", "continue_analysis", None]),
            _DAYS,
        ),
        max_size=3,
    ),
)
def test_any_mix_of_blanks_and_dates_gives_well_formed_alerts(statuses, starts, answers, decisions):
    pa = _pa(*[(f"P{i}", "a", ["b", "un"], s, starts[i]) for i, s in enumerate(statuses)])
    dd = _dd(*[("b" if i % 2 else "a", f"202{3 + i}-03-01", a) for i, a in enumerate(answers)]) if answers else None
    va = _va(*[(s, "2024-01-01", {"c1": c1}, dec, day) for s, c1, dec, day in decisions]) if decisions else None
    tables = {
        "stakeholders": ST,
        "partnerships": pa,
        **({"due_diligence": dd} if dd is not None else {}),
        **({"value_assessment": va} if va is not None else {}),
    }
    alerts = c.find_alerts(tables, as_of=AS_OF, lang="es")
    assert set(alerts["severity"]) <= set(c.SEVERITIES.keys) and set(alerts["rule"]) <= set(c.RULES)
    assert alerts["evidence"].map(lambda e: isinstance(e, str) and "nan" not in e and "None" not in e).all()
    verdicts = c.partnership_verdicts(tables, alerts, as_of=AS_OF)
    assert set(verdicts["verdict"]) <= set(c.VERDICTS.keys)
    dd_rules = alerts[alerts["rule"].str.startswith("dd_") | (alerts["rule"] == "c1_unsupported")]
    assert "un" not in set(dd_rules["subject_id"]) | {i for ids in dd_rules["related_ids"] for i in ids}


@pytest.mark.parametrize(
    ("lang", "words"), [("es", ["30 de junio de 2025", "Anexo 4"]), ("pt", ["30 de junho de 2025", "Anexo 4"])]
)
def test_alerts_read_in_the_language_with_dates_as_it_writes_them(lang, words):
    tables = {"stakeholders": ST, "partnerships": _pa(("P1", "a", [], "active", None))}
    row = c.find_alerts(tables, as_of=AS_OF, lang=lang).iloc[0]
    text = f"{row['evidence']} {row['action']}"
    assert all(w in text for w in words) and "Appendix" not in text and "2025-06-30" not in text
    assert c.RULE_VOCAB.label(row["rule"], lang) != c.RULE_VOCAB.label(row["rule"], "en")


def test_count_items_say_one_or_many():
    assert c.count_items({"blocker": 1, "warning": 2, "upcoming": 0}, "es") == [
        ("blocker", "bloqueo", 1),
        ("warning", "advertencias", 2),
        ("upcoming", "plazos próximos", 0),
    ]
