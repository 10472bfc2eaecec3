"""Tests of the bundled sample portfolio: content ranges, coverage, honesty and reproducibility."""

from __future__ import annotations

import collections
import datetime as dt

import pandas as pd
import pytest

from partnerlab import schema, vocab
from partnerlab.paths import SAMPLE_WORKBOOK
from samples.portfolio import AS_OF, build_sample_tables, is_fictional_name, sample_about, write_sample


@pytest.fixture(scope="module")
def raw() -> dict[str, list[dict]]:
    """The rows as written to the workbook (vocabulary cells hold labels)."""
    return build_sample_tables()


@pytest.fixture(scope="module")
def tables(raw) -> dict[str, list[dict]]:
    """The rows with vocabulary cells turned back into keys, for the content checks."""
    out = {}
    for key, rows in raw.items():
        cols = [c for c in schema.sheet(key).columns if c.kind in ("vocab", "vocab_list", "yes_no")]
        out[key] = [dict(r) for r in rows]
        for r in out[key]:
            for c in cols:
                terms = vocab.YES_NO if c.kind == "yes_no" else vocab.VOCABULARIES[c.vocab]
                if r.get(c.key):
                    r[c.key] = "; ".join(terms.key_of(x) for x in _split(r[c.key]))
    return out


@pytest.fixture(scope="module")
def names(tables) -> dict[str, str]:
    """Stakeholder and partnership ids -> names."""
    out = {s["id"]: s["name"] for s in tables["stakeholders"]}
    out.update({p["id"]: p["name"] for p in tables["partnerships"]})
    return out


def _split(cell: object) -> list[str]:
    return [x.strip() for x in str(cell or "").split(";") if x.strip()]


def _quadrant(influence: int, interest: int) -> str:
    # Appendix 3, step 2: high = 4 or 5 on the 1-5 scale.
    if influence >= 4:
        return "critical" if interest >= 4 else "awareness"
    return "capacity" if interest >= 4 else "monitor"


def _dd_outcome(row: dict) -> str:
    # Appendix 4: a red flag (q05-q19) answered Yes excludes; a blank leaves the screening
    # incomplete; q01 (legally registered) or q03 (activity report) answered No calls for caution;
    # a No to q02/q04 (new to the UN) is context, not risk (issue 11).
    answers = {f"q{i:02d}": row[f"q{i:02d}"] for i in range(1, 20)}
    if any(answers[f"q{i:02d}"] == "yes" for i in range(5, 20)):
        return "excluded"
    if any(a == "" for a in answers.values()):
        return "incomplete"
    if any(answers[q] == "no" for q in ("q01", "q03")):
        return "caution"
    return "clear"


def _suggested(row: dict) -> str:
    # Appendix 5 read as: any "not acceptable" -> decline; any "insufficient information" ->
    # continue analysis; any "with adjustments" -> proceed with adjustments; else proceed.
    # A blank criterion was not assessed: it cannot support proceeding (screening.py's rule).
    ratings = [row[c] for c in schema.VALUE_CODES]
    if "not_acceptable" in ratings:
        return "decline"
    if "insufficient_information" in ratings or "" in ratings:
        return "continue_analysis"
    if "adjustments" in ratings:
        return "proceed_with_adjustments"
    return "proceed"


# ---------------------------------------------------------------------------------------
# Size and coverage
# ---------------------------------------------------------------------------------------


def test_build_is_deterministic(raw):
    assert build_sample_tables() == raw


def test_vocabulary_cells_hold_spanish_labels(raw):
    # The sample speaks one language: the Spanish template's labels, Spanish text of its own.
    assert raw["stakeholders"][0]["sector"] == "Gobierno federal"
    assert {r["status"] for r in raw["action_plan"]} >= {"Concluida", "En curso"}
    assert {r["q01"] for r in raw["due_diligence"]} <= {"Sí", "No", ""}


@pytest.mark.parametrize(
    ("sheet", "lo", "hi"),
    [
        ("stakeholders", 80, 100),
        ("ties", 250, 400),
        ("partnerships", 12, 15),
        ("due_diligence", 25, 80),
        ("value_assessment", 10, 20),
        ("quality_assessment", 40, 120),
        ("survey_questions", 15, 25),
        ("survey_responses", 120, 160),
        ("action_plan", 49, 49),
    ],
)
def test_sheet_sizes(tables, sheet, lo, hi):
    assert lo <= len(tables[sheet]) <= hi


def test_every_sector_and_many_states(tables):
    rows = tables["stakeholders"]
    assert {s["sector"] for s in rows} == set(vocab.SECTORS.keys)
    covered = {vocab.STATES.lookup(x) for s in rows for x in _split(s["states"])}
    assert len(covered) >= 15
    assert len(set(vocab.STATES.keys) - covered) >= 3  # "states without partners" must show something


def test_every_quadrant_and_a_critical_group(tables):
    quads = collections.Counter(
        _quadrant(s["influence"], s["interest"]) for s in tables["stakeholders"] if s["influence"] is not None
    )
    assert set(quads) == {"critical", "awareness", "capacity", "monitor"}
    assert 12 <= quads["critical"] <= 20


def test_ties_have_silos_bridges_and_isolates(tables):
    sector = {s["id"]: s["sector"] for s in tables["stakeholders"]}
    ties = tables["ties"]
    cso = [t for t in ties if "civil_society" in (sector[t["source"]], sector[t["target"]])]
    within = sum(sector[t["source"]] == sector[t["target"]] == "civil_society" for t in cso)
    assert within / len(cso) > 0.5  # civil society mostly tied within itself
    un_partners = {
        sector[b]
        for t in ties
        for a, b in ((t["source"], t["target"]), (t["target"], t["source"]))
        if sector[a] == "un_system"
    }
    assert un_partners == set(vocab.SECTORS.keys)  # the UN system reaches every sector: the bridge
    tied = {t["source"] for t in ties} | {t["target"] for t in ties}
    assert 2 <= len(set(sector) - tied) <= 6
    funding = [t for t in ties if t["kind"] == "funding"]
    assert funding and all(t["directed"] == "yes" for t in funding)
    assert any(t["until"] for t in ties) and {t["strength"] for t in ties} == {1, 2, 3}


def test_every_partnership_status(tables):
    assert {p["status"] for p in tables["partnerships"]} == set(vocab.PARTNERSHIP_STATUSES.keys)


# ---------------------------------------------------------------------------------------
# Values follow the contract (independently of the loader)
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("sheet_key", [s.key for s in schema.SHEETS if s.key != "about"])
def test_values_follow_the_contract(raw, sheet_key):
    tables = raw
    spec = schema.sheet(sheet_key)
    ids = {k: {r["id"] for r in tables[k]} for k in ("stakeholders", "partnerships")}
    codes = {a.code for a in vocab.ACTIONS}
    problems = []
    for n, row in enumerate(tables[sheet_key]):
        for col in spec.columns:
            value = row.get(col.key)
            if value in (None, ""):
                if col.required:
                    problems.append((n, col.key, "required"))
                continue
            items = _split(value) if col.kind.endswith("_list") else [value]
            for item in items:
                ok = {
                    "vocab": lambda v: vocab.VOCABULARIES[col.vocab].lookup(v) is not None,  # noqa: B023 (called at once)
                    "vocab_list": lambda v: vocab.VOCABULARIES[col.vocab].lookup(v) is not None,  # noqa: B023 (called at once)
                    "state_list": lambda v: vocab.STATES.lookup(v) is not None,
                    "ref": lambda v: any(v in ids[k] for k in col.ref.split("|")),  # noqa: B023 (called at once)
                    "ref_list": lambda v: v in ids[col.ref],  # noqa: B023 (called at once)
                    "int": lambda v: isinstance(v, int) and col.lo <= v <= col.hi,  # noqa: B023 (called at once)
                    "number": lambda v: isinstance(v, (int, float)) and col.lo <= v <= col.hi,  # noqa: B023 (called at once)
                    "int_list": lambda v: v.isdigit() and col.lo <= int(v) <= col.hi,  # noqa: B023 (called at once)
                    "year_list": lambda v: v.isdigit() and 2022 <= int(v) <= 2025,
                    "code_list": lambda v: v in codes,
                    "date": lambda v: isinstance(v, dt.date),
                    "year": lambda v: isinstance(v, int) and 2000 <= v <= 2025,
                    "yes_no": lambda v: vocab.YES_NO.lookup(v) is not None,
                }.get(col.kind, lambda v: isinstance(v, str))(item)
                if not ok:
                    problems.append((n, col.key, item))
    assert problems == []


def test_survey_answers_match_their_questions(tables):
    questions = tables["survey_questions"]
    assert {q["theme"] for q in questions} >= {
        "institutionality",
        "stakeholders",
        "dialogue",
        "financing",
        "collaboration",
        "efficacy",
    }
    assert {q["type"] for q in questions} == set(vocab.QUESTION_TYPES.keys)
    challenge = [q for q in questions if "challenge" in q["question"]]
    assert challenge and challenge[0]["type"] == "multi"
    assert any("No sé" in _split(q["options"]) for q in questions if q["type"] == "scale")
    bad, blanks, positions = [], 0, 0
    for r in tables["survey_responses"]:
        for q in questions:
            a = r[q["question"]]
            opts = _split(q["options"])
            if a == "":
                blanks += 1
            elif q["type"] == "scale" and isinstance(a, int):
                positions += 1
                bad += [] if 1 <= a <= len(opts) else [(r["respondent"], q["question"], a)]
            elif q["type"] in ("scale", "choice"):
                bad += [] if a in opts else [(r["respondent"], q["question"], a)]
            elif q["type"] == "multi":
                bad += [] if set(_split(a)) <= set(opts) else [(r["respondent"], q["question"], a)]
            elif q["type"] == "number":
                bad += [] if isinstance(a, (int, float)) else [(r["respondent"], q["question"], a)]
    assert bad == []
    assert blanks > 0 and positions > 0
    assert len({r["sector"] for r in tables["survey_responses"]}) == len(vocab.SECTORS)


def test_action_plan_is_the_49_courses_of_action(tables):
    rows = tables["action_plan"]
    assert [r["code"] for r in rows] == [a.code for a in vocab.ACTIONS]
    assert all(r["progress_pct"] == 100 for r in rows if r["status"] == "done")
    assert all(r["progress_pct"] < 100 for r in rows if r["status"] != "done")
    # late: open (not done, not dropped) and every planned year before the as-of year
    late = [
        r
        for r in rows
        if r["status"] in ("not_started", "in_progress") and max(map(int, _split(r["years"]))) < AS_OF.year
    ]
    assert 3 <= len(late) <= 20
    assert set(vocab.ACTION_STATUSES.keys) == {r["status"] for r in rows}


# ---------------------------------------------------------------------------------------
# Assessments: every path present, negatives only on fictional organisations
# ---------------------------------------------------------------------------------------


def test_every_due_diligence_outcome(tables):
    rows = tables["due_diligence"]
    assert {_dd_outcome(r) for r in rows} == {"clear", "caution", "incomplete", "excluded"}
    latest = {}
    for r in sorted(rows, key=lambda r: r["assessed_on"]):
        latest[r["stakeholder"]] = r
    assert len(latest) < len(rows)  # some stakeholder screened more than once
    assert {_dd_outcome(r) for r in latest.values()} == {"clear", "caution", "incomplete", "excluded"}
    assert any((AS_OF - r["assessed_on"]).days > 365 for r in latest.values())  # a screening to renew
    critical = {
        s["id"]
        for s in tables["stakeholders"]
        if s["influence"] and _quadrant(s["influence"], s["interest"]) == "critical"
    }
    assert critical - set(latest)  # some of the critical group not screened yet


def test_negative_due_diligence_answers_only_on_fictional(tables, names):
    for r in tables["due_diligence"]:
        negative = [
            f"q{i:02d}"
            for i in range(1, 20)
            if (i <= 4 and r[f"q{i:02d}"] == "no") or (i >= 5 and r[f"q{i:02d}"] == "yes")
        ]
        if negative:
            assert is_fictional_name(names[r["stakeholder"]]), (r["stakeholder"], negative)


def test_every_decision_path_and_disagreements(tables):
    rows = tables["value_assessment"]
    assert {_suggested(r) for r in rows} == {"decline", "continue_analysis", "proceed_with_adjustments", "proceed"}
    differ = [r for r in rows if r["decision"] and _suggested(r).split("_with")[0] != r["decision"]]
    assert len(differ) >= 2
    assert any(not r["decision"] for r in rows)  # a decision still pending
    assert any("" in [r[c] for c in schema.VALUE_CODES] for r in rows)  # a criterion not assessed
    assert all(r["pending"] for r in rows if _suggested(r) != "proceed")


def test_decline_and_not_acceptable_only_on_fictional(tables, names):
    for r in tables["value_assessment"]:
        if r["decision"] == "decline" or "not_acceptable" in [r[c] for c in schema.VALUE_CODES]:
            assert is_fictional_name(names[r["subject"]]), r["subject"]


def test_quality_low_scores_only_on_fictional_and_perspectives_differ(tables, names):
    rows = tables["quality_assessment"]
    dims = schema.DIMENSION_KEYS
    for r in rows:
        if min(r[d] for d in dims) < 2:
            assert is_fictional_name(names[r["partnership"]]), r["partnership"]
    assert len({r["assessed_on"] for r in rows}) == 2
    assert len({r["perspective"] for r in rows}) >= 5
    by = {(r["partnership"], r["assessed_on"], r["perspective"]): r for r in rows}
    gaps = [
        abs(g[d] - c[d])
        for (p, day, persp), g in by.items()
        if persp == "government"
        for c in [by.get((p, day, "civil_society"))]
        if c
        for d in dims
    ]
    assert gaps and max(gaps) >= 2  # a visible government vs civil society disagreement
    first, second = sorted({r["assessed_on"] for r in rows})
    changed = [
        p
        for (p, day, persp), r in by.items()
        if day == first
        and persp == "collective"
        and (p, second, persp) in by
        and any(r[d] != by[(p, second, persp)][d] for d in dims)
    ]
    assert len(changed) >= 5


def test_fictional_names_and_fake_contacts(tables):
    real = [s for s in tables["stakeholders"] if not is_fictional_name(s["name"])]
    fictional = [s for s in tables["stakeholders"] if is_fictional_name(s["name"])]
    assert len(real) >= 50 and len(fictional) >= 15
    assert all(s["name"].endswith("(ficticia)") for s in fictional)  # one marker, in Spanish
    assert all("fictici" in s["mandate"].lower() for s in fictional)
    assert all(not s["contact"] or s["contact"].endswith("@example.org>") for s in tables["stakeholders"])
    assert sum(bool(s["contact"]) for s in tables["stakeholders"]) >= 60


def test_about_says_it_is_illustrative():
    about = sample_about()
    assert about["illustrative"].startswith("DATOS ILUSTRATIVOS") and "ficticia" in about["illustrative"]
    assert about["as_of"] == dt.date(2025, 6, 30) and about["language"] == "es"


# ---------------------------------------------------------------------------------------
# The committed workbook (needs partnerlab.workbook and partnerlab.template)
# ---------------------------------------------------------------------------------------


def test_committed_sample_loads_and_matches_the_build(tmp_path):
    from partnerlab.workbook import load_workbook

    committed = load_workbook(SAMPLE_WORKBOOK)
    fresh = load_workbook(write_sample(tmp_path / "sample.xlsx"))
    assert set(committed.sheets_used) >= {s.key for s in schema.SHEETS if s.key != "about"}
    for key in (s.key for s in schema.SHEETS if s.key != "about"):
        pd.testing.assert_frame_equal(committed.tables[key], fresh.tables[key], obj=key)
    assert committed.about == fresh.about
    assert committed.about["is_illustrative"]
    assert len(committed.stakeholders) == len(build_sample_tables()["stakeholders"])


# ---------------------------------------------------------------------------------------
# Alerts (issue 11): every rule on the sample, blockers and warnings on fictional organisations only
# ---------------------------------------------------------------------------------------


def test_blocker_and_warning_alerts_only_on_fictional(tmp_path):
    from partnerlab import consistency
    from partnerlab.workbook import load_workbook

    alerts = consistency.find_alerts(load_workbook(write_sample(tmp_path / "sample.xlsx")))
    assert set(alerts["rule"]) == set(consistency.RULES)
    serious = alerts[alerts["severity"].isin(["blocker", "warning"])]
    real = serious[~serious["subject_name"].map(is_fictional_name)]
    assert real.empty, real[["rule", "subject_name"]].values.tolist()
