"""Tests for samples.history: the three yearly snapshots of the sample."""

from __future__ import annotations

import datetime as dt

import pytest

from partnerlab import changes as ch
from partnerlab.workbook import load_workbook
from samples import history, portfolio


@pytest.fixture(scope="module")
def snapshots(tmp_path_factory):
    folder = tmp_path_factory.mktemp("history")
    paths = history.write_history(folder)
    return {year: load_workbook(p) for year, p in zip(history.YEARS, paths)}


def test_reproducible_and_2025_is_the_sample():
    assert history.build_history_tables(2024) == history.build_history_tables(2024)
    tables, about = history.build_history_tables(2025)
    assert tables == portfolio.build_sample_tables() and about["as_of"] == portfolio.AS_OF


def test_each_snapshot_is_valid_and_dated(snapshots):
    assert [wb.about["as_of"] for wb in snapshots.values()] == [
        dt.date(2023, 6, 30),
        dt.date(2024, 6, 30),
        dt.date(2025, 6, 30),
    ]
    assert [len(wb.stakeholders) for wb in snapshots.values()] == sorted(
        len(wb.stakeholders) for wb in snapshots.values()
    )
    assert not any(w.is_error for wb in snapshots.values() for w in wb.warnings)


@pytest.mark.parametrize("old_year, new_year", [(2023, 2024), (2024, 2025), (2023, 2025)])
def test_negative_findings_only_for_fictional_organisations(snapshots, old_year, new_year):
    out = ch.compare_workbooks(snapshots[old_year], snapshots[new_year])
    real = lambda names: [n for n in names if not portfolio.is_fictional_name(n)]  # noqa: E731
    moves = out["grid_moves"]
    down = moves[
        (moves["influence_after"] < moves["influence_before"]) | (moves["interest_after"] < moves["interest_before"])
    ]
    assert real(down["name"]) == []
    assert real(out["critical_group"].query("change == 'left'")["name"]) == []
    assert real(out["stakeholders_removed"]["name"]) == []
    assert real(out["new_red_flags"]["name"]) == []
    bad = out["screening_outcomes"].query("outcome_after in ['excluded', 'caution']")
    assert real(bad["name"]) == []
    assert real(out["value_decisions"].query("decision_after == 'decline'")["name"]) == []
    assert len(out["stakeholders_added"]) > 0 and len(out["ties"]) > 0


def test_the_history_shows_each_kind_of_change(snapshots):
    a = ch.compare_workbooks(snapshots[2023], snapshots[2024])
    renamed = a["stakeholders_renamed"].set_index("new_id")
    assert renamed.loc["SDSN_MX", ["old_id", "matched_by"]].tolist() == ["SDSNMEX", "name"]
    b = ch.compare_workbooks(snapshots[2024], snapshots[2025])
    assert set(b["critical_group"].query("change == 'entered'")["id"]) == {"CONAGO", "UNAM"}
    assert set(b["stakeholders_added"]["id"]) == {"CONSEJO_QRO", "IETS", "FRONTERASUR"}
    assert ("P01", "active", "closed") in set(
        zip(*[b["partnership_status"][c] for c in ("partnership", "status_before", "status_after")])
    )
    assert "SENDERO" in set(b["new_red_flags"]["stakeholder"])
    assert (b["plan_progress"]["gained_pp"].dropna() > 0).all() and len(b["newly_done"]) > 0
    assert (b["survey"]["compared"] == "too_few").any() and (b["survey"]["compared"] == "compared").any()
