"""Tests for partnerlab.overview: the portfolio's headlines on small hand-made tables, and the notebook's links."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pandas as pd
import pytest

from partnerlab import overview, paths, screening
from partnerlab.workbook import Workbook

AS_OF = dt.date(2025, 6, 30)
DIMS = ["non_discrimination", "accessibility", "access_to_information", "influence_on_decisions",
        "transparency", "responsiveness"]


@pytest.fixture
def stakeholders() -> pd.DataFrame:
    # grid (stakeholders.HIGH = 4): A, B, C critical (both >= 4); D high influence only; E low both
    return pd.DataFrame({
        "id": ["A", "B", "C", "D", "E"],
        "name": ["Alpha (fictional)", "Beta (fictional)", "Gamma (fictional)", "Delta (fictional)", "Epsilon (fictional)"],
        "sector": ["academia", "civil_society", "private_sector", "media", "academia"],
        "influence": pd.array([5, 4, 4, 5, 1], dtype="Int64"),
        "interest": pd.array([5, 5, 4, 2, 1], dtype="Int64"),
    })


def _screening(stakeholder: str, date: str, **answers: bool | None) -> dict:
    # Appendix 4 rule (screening.RULES_NOTE): all information checks Yes and no red flag -> clear
    row = {"stakeholder": stakeholder, "assessed_on": pd.Timestamp(date)}
    row.update({f"q{i:02d}": (i <= 4) for i in range(1, 20)})
    row.update(answers)
    return row


@pytest.fixture
def due_diligence() -> pd.DataFrame:
    return pd.DataFrame([
        _screening("A", "2024-01-10", q07=True),  # A first excluded ...
        _screening("A", "2025-01-10"),  # ... then clear: the latest counts
        _screening("D", "2025-02-01", q01=False),  # caution (not legally registered)
        _screening("E", "2025-03-01", q12=None),  # incomplete
    ])


@pytest.fixture
def quality_assessment() -> pd.DataFrame:
    rows = [
        # P1: latest round (2025) collective: all 3 -> reaches 3 everywhere; its 2024 round does not count
        ("P1", "2024-05-01", "collective", [1, 1, 1, 1, 1, 1]),
        ("P1", "2025-05-01", "collective", [3, 3, 3, 3, 3, 3]),
        # P2: no collective perspective: the mean of government (2) and civil society (3) = 2.5
        ("P2", "2025-04-01", "government", [2, 2, 2, 2, 2, 2]),
        ("P2", "2025-04-01", "civil_society", [3, 3, 3, 3, 3, 0]),
    ]
    return pd.DataFrame([{"partnership": p, "assessed_on": pd.Timestamp(d), "perspective": v, **dict(zip(DIMS, lv))}
                         for p, d, v, lv in rows])


@pytest.fixture
def value_assessment() -> pd.DataFrame:
    ok = {c: "acceptable" for c in screening.CRITERION_CODES}
    return pd.DataFrame([
        {"subject": "A", "subject_kind": "stakeholder", "assessed_on": pd.Timestamp("2024-01-01"), **ok,
         "c6": "not_acceptable", "decision": "decline"},  # superseded by the next row
        {"subject": "A", "subject_kind": "stakeholder", "assessed_on": pd.Timestamp("2025-01-01"), **ok,
         "decision": "proceed"},  # proceed, agrees
        {"subject": "P1", "subject_kind": "partnership", "assessed_on": pd.Timestamp("2025-01-01"), **ok,
         "c3": "insufficient_information", "decision": "proceed"},  # continue_analysis suggested: differs
        {"subject": "P2", "subject_kind": "partnership", "assessed_on": pd.Timestamp("2025-02-01"), **ok,
         "c1": "not_acceptable", "decision": None},  # decline, not recorded
    ])


def test_critical_table_and_sentence(stakeholders, due_diligence):
    screened = screening.screen(due_diligence)
    table = overview.critical_table(stakeholders, screened)
    # strongest first: A (10), B (9), C (8); A's latest screening is clear, B and C have none
    assert table["name"].tolist() == ["Alpha (fictional)", "Beta (fictional)", "Gamma (fictional)"]
    assert table["outcome"].tolist() == ["clear", "not_screened", "not_screened"]
    (en, es), values = overview.critical_sentence(stakeholders, screened)
    assert (values["n"], values["total"], values["unscreened"]) == (3, 5, 2)
    assert "<b>3</b> of the <b>5</b> stakeholders" in en.format(**values)
    assert "<b>2</b> de ellos" in es.format(**values)


def test_screening_table_counts_latest_outcomes(stakeholders, due_diligence):
    table = overview.screening_table(stakeholders, screening.screen(due_diligence), AS_OF).set_index("outcome")
    # A clear (latest), D caution, E incomplete, B and C never screened; A, B, C are critical
    assert table["stakeholders"].to_dict() == {"excluded": 0, "incomplete": 1, "caution": 1, "clear": 1,
                                               "not_screened": 2}
    assert table["is_critical"].to_dict() == {"excluded": 0, "incomplete": 0, "caution": 0, "clear": 1,
                                              "not_screened": 2}


def test_decision_table_uses_the_latest_assessment(value_assessment):
    table = overview.decision_table(value_assessment).set_index("suggested")
    # Appendix 5 rule (screening.VALUE_NOTE): A proceed = recorded; P1 continue analysis vs
    # recorded proceed; P2 decline, nothing recorded. A's older decline is not counted.
    assert table.loc["proceed", ["agrees", "differs", "not_recorded", "total"]].tolist() == [1, 0, 0, 1]
    assert table.loc["continue_analysis", ["agrees", "differs", "total"]].tolist() == [0, 1, 1]
    assert table.loc["decline", ["not_recorded", "total"]].tolist() == [1, 1]


def test_quality_table_and_sentence(quality_assessment):
    table = overview.quality_table(quality_assessment).set_index("dimension")
    # non-discrimination: P1 3, P2 (2 + 3) / 2 = 2.5 -> mean 2.75, one below 3
    assert table.loc["Non-discrimination"].tolist() == [2.75, 1, 2]
    # responsiveness: P1 3, P2 (2 + 0) / 2 = 1 -> mean 2
    assert table.iloc[-1][["mean_level", "below_3"]].tolist() == [2.0, 1]
    (en, _), values = overview.quality_sentence(quality_assessment)
    assert (values["n"], values["full"]) == (2, 1)


def test_diagnosis_sentence():
    q = pd.DataFrame([("s1", "dialogue", "Dialogue works", "scale", ["Low", "Mid", "High"]),
                      ("s2", "financing", "Funds suffice", "scale", ["Low", "Mid", "High"]),
                      ("m1", "efficacy", "Main challenges", "multi", ["Funds", "Trust"])],
                     columns=["question", "theme", "text", "type", "options"])
    r = pd.DataFrame({"respondent": ["a", "b", "c", "d"], "sector": ["academia"] * 4, "state": [[]] * 4,
                      "s1": ["High", "High", "Mid", None], "s2": ["Low", "Mid", "Low", "Low"],
                      "m1": [["Funds"], ["Funds", "Trust"], ["Funds"], []]})
    (en, es), values = overview.diagnosis_sentence(q, r)
    # dialogue: positions 3, 3, 2 -> mean 8/3 -> (8/3 - 1) / 2 = 0.83; financing 1, 2, 1, 1 -> 0.125
    # challenges: Funds 3 of the 3 who answered (d ticked nothing) = 100 %
    assert en.format(**values) == ("<b>4</b> people answered the survey. Highest rated theme: <b>Dialogue</b> "
                                   "(0.83 on 0-1); lowest: <b>Financing</b> (0.12). Most cited challenge: "
                                   "<b>Funds</b> (100% of those who answered).")
    assert "<b>Financiamiento</b>" in es.format(**values)
    assert overview.diagnosis_sentence(q.iloc[:0], r[["respondent", "sector", "state"]]) is None
    r["m1"] = [["Funds"], ["Trust"], ["Funds", "Trust"], []]  # 2 of 3 each: a tie, both named
    (en, es), values = overview.diagnosis_sentence(q, r)
    assert en.format(**values).endswith("Most cited challenges, tied: <b>Funds; Trust</b> (67% of those who answered each).")
    assert "Retos más citados, empatados: <b>Funds; Trust</b> (67% de quienes respondieron cada uno)." in es.format(**values)


@pytest.mark.parametrize("listing, expected", [
    (None, None),
    ([{"name": "quality", "report": "quality", "status": "ok", "title_en": "Quality", "title_es": "Calidad"}],
     "quality.html"),
    ([{"name": "quality", "report": "quality", "status": "failed", "title_en": "Quality"}], None),
    ([{"name": "quality__p1", "report": "quality", "status": "ok", "title_en": "Quality: P1"}], None),
])
def test_see_report_links_only_a_finished_whole_report(listing, expected):
    got = overview.see_report(listing, "quality")
    assert (got[1]["href"] if got else None) == expected


def test_headline_table(stakeholders, due_diligence, quality_assessment, value_assessment):
    plan = pd.DataFrame({"code": ["1.1", "1.2", "2.1"], "pillar": ["I", "I", "II"], "area": ["x"] * 3,
                         "action": ["a", "b", "c"], "responsible": [["RCO"]] * 3, "years": [[2023], [2024, 2025], [2025]],
                         "status": ["done", "in_progress", "not_started"], "progress_pct": [100.0, 40.0, 0.0]})
    tables = {"stakeholders": stakeholders, "partnerships": pd.DataFrame({"id": ["P1"], "name": ["One"], "actions": [["1.1"]]}),
              "due_diligence": due_diligence, "value_assessment": value_assessment,
              "quality_assessment": quality_assessment, "survey_questions": pd.DataFrame(),
              "survey_responses": pd.DataFrame(), "action_plan": plan}
    wb = Workbook(Path("t.xlsx"), "0" * 64, {"as_of": AS_OF}, tables)
    table = overview.headline_table(wb, AS_OF, "es")
    rows = dict(zip(table["figure"], table["value"]))
    assert rows["en el grupo crítico (alta influencia e interés)"] == "3"
    assert rows["actores por último resultado"] == "Excluido 0 · Incompleto 1 · Precaución 1 · Sin observaciones 1 · Sin evaluación 2"
    assert rows["decisión registrada distinta de la sugerida"] == "1"
    assert rows["nivel medio de las seis dimensiones (0-3)"] == "2.62"  # (P1 6 x 3 + P2 5 x 2.5 + 1) / 12 = 2.625
    # as of 2025-06-30 nothing is late: 1.2 and 2.1 end in 2025
    assert [rows[k] for k in ("líneas de acción", "concluidas", "en curso", "atrasadas")] == ["3", "1", "1", "0"]
    assert "Diagnóstico sectorial" not in set(table["topic"])  # no survey: the topic is left out


def test_overview_notebook_links_every_report(tmp_path):
    """The overview run with a batch manifest links each finished report by a relative href."""
    pytest.importorskip("papermill")
    import papermill as pm

    manifest = {"reports": [
        {"name": "stakeholder_map", "report": "stakeholder_map", "status": "ok", "title_en": "Stakeholder map",
         "title_es": "Mapa de actores"},
        {"name": "quality__p1", "report": "quality", "status": "ok", "title_en": "Quality: <P1>", "title_es": "Calidad: <P1>"},
        {"name": "network", "report": "network", "status": "failed", "title_en": "Network", "title_es": "Red"},
        {"name": "overview", "report": "overview", "status": "running", "title_en": "Overview", "title_es": "Panorama"},
    ]}
    (tmp_path / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    out = tmp_path / "overview.ipynb"
    pm.execute_notebook(str(paths.NOTEBOOKS / "overview.ipynb"), str(out), kernel_name="python3", progress_bar=False,
                        parameters={"lang": "es", "batch": str(tmp_path / "manifest.json")}, cwd=str(tmp_path))
    html = "".join(o.get("data", {}).get("text/html", "") if isinstance(o.get("data", {}).get("text/html", ""), str)
                   else "".join(o["data"]["text/html"]) for c in json.loads(out.read_text())["cells"]
                   for o in c.get("outputs", []))
    assert '<a href="stakeholder_map.html">Mapa de actores</a>' in html  # listing and the critical group's "see"
    assert 'href="quality__p1.html">Calidad: &lt;P1&gt;</a>' in html  # escaped title
    assert 'href="network.html"' not in html and 'href="overview.html"' not in html  # failed; itself
    assert "El grupo crítico" in html and "Plan de acción" in html
