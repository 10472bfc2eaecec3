"""Tests of partnerlab/partnership.py and the partnership page (notebooks/partnership.ipynb)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from partnerlab import partnership as pship
from partnerlab import schema
from partnerlab.report_catalogue import default_batch


@pytest.fixture
def tables() -> dict:
    partnerships = pd.DataFrame(
        {
            "id": ["P1"],
            "name": ["One (fictional)"],
            "type": ["implementation"],
            "typology": ["transform"],
            "instruments": [["mou"]],
            "lead": ["a"],
            "members": [["b"]],
            "sdgs": [[5, 10]],
            "actions": [["2.8"]],
            "states": [["oaxaca"]],
            "start": pd.to_datetime(["2024-01-15"]),
            "end": [pd.NaT],
            "status": ["active"],
        }
    )
    stakeholders = pd.DataFrame(
        {"id": ["a", "b"], "name": ["Org A (fictional)", "Org B (fictional)"], "sector": ["academia", "un_system"]}
    )
    plan = pd.DataFrame(
        {
            "code": ["2.8", "2.9"],
            "pillar": ["II", "II"],
            "area": ["x", "x"],
            "action": ["Do it", "Other"],
            "responsible": [["RCO"], ["RCO"]],
            "years": [[2023], [2025]],
            "status": ["in_progress", "done"],
            "progress_pct": [40.0, 100.0],
        }
    )
    qa = pd.DataFrame(
        {
            "partnership": ["P1"] * 3,
            "assessed_on": pd.to_datetime(["2023-05-01", "2024-05-01", "2024-05-01"]),
            "perspective": ["collective", "collective", "self"],
            **{
                d: pd.array(v, dtype="Int64")
                for d, v in zip(
                    schema.DIMENSION_KEYS,
                    ([1, 2, 3], [1, 2, 3], [2, 2, 3], [2, 3, 3], [1, 3, 3], [1, 2, 3]),
                )
            },
        }
    )
    return {"partnerships": partnerships, "stakeholders": stakeholders, "action_plan": plan, "quality_assessment": qa}


def test_facts_in_spanish_leave_blanks_out(tables):
    facts = dict(pship.facts_table(tables, "P1", "es").values.tolist())
    assert facts["Estatus"] == "Activa" and facts["Líder"] == "Org A (fictional)" and facts["ODS"] == "5; 10"
    assert facts["Inicio"] == "15 de enero de 2024" and "Fin" not in facts


def test_courses_show_only_the_linked_ones(tables):
    courses = pship.courses_table(tables, "P1", dt.date(2025, 6, 30))
    assert courses[["code", "status", "is_late"]].values.tolist() == [["2.8", "in_progress", "late"]]


def test_quality_by_round_uses_the_collective_perspective_and_its_change(tables):
    rounds = pship.quality_rounds_table(tables, "P1")
    # round 1: levels 1,1,2,2,1,1 (mean 4/3); round 2 collective 2,2,2,3,3,2 (mean 7/3): +1.00
    assert rounds[["round", "inclusion", "participation", "accountability", "change"]].values.tolist() == [
        [1, 1.0, 2.0, 1.0, ""],
        [2, 2.0, 2.5, 2.5, "+1.00"],
    ]


def test_decisions_empty_without_assessment(tables):
    assert pship.decisions_table(tables, "P1").empty


def test_every_partnership_of_the_sample_has_a_page(sample_wb):
    jobs = [j for j in default_batch(sample_wb) if j.report == "partnership"]
    assert sorted(j.params["partnership"] for j in jobs) == sorted(sample_wb.partnerships["id"])
    assert all(j.skipped is None for j in jobs)
