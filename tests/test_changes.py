"""Tests for partnerlab.changes: every kind of change on small inline snapshots.

Snapshots are mappings of sheet keys to tables typed as the loader returns them
(docs/tables.md); sheets not given are empty. Counts of added and removed stakeholders and
ties are checked against set differences computed here from the raw rows.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from partnerlab import changes as ch
from partnerlab import paths, schema, vocab
from partnerlab.workbook import _empty as empty_sheet


def snap(as_of=dt.date(2024, 6, 30), **sheets) -> dict:
    """A snapshot: each sheet a list of row dicts, filled out to the contract's columns."""
    out = {"about": {"as_of": as_of}}
    for key, rows in sheets.items():
        base = empty_sheet(schema.sheet(key))
        df = pd.DataFrame(rows)
        for col in base.columns:
            if col not in df.columns:
                df[col] = [[] for _ in range(len(df))] if col in _LISTS.get(key, ()) else None
        for col, dtype in _DTYPES.get(key, {}).items():
            df[col] = pd.to_datetime(df[col]) if dtype == "date" else df[col].astype(dtype)
        out[key] = df
    return out


_LISTS = {
    "stakeholders": ("states", "partners", "roles"),
    "partnerships": ("members", "instruments", "sdgs", "actions", "states"),
    "action_plan": ("responsible", "years"),
}
_DTYPES = {
    "stakeholders": {"influence": "Int64", "interest": "Int64"},
    "ties": {"since": "Int64", "until": "Int64", "strength": "Int64"},
    "partnerships": {"start": "date", "end": "date"},
    "due_diligence": {"assessed_on": "date"},
    "value_assessment": {"assessed_on": "date", "decision_date": "date"},
    "quality_assessment": {"assessed_on": "date"},
    "action_plan": {"updated_on": "date"},
}


def person(sid, name=None, sector="academia", influence=3, interest=3, scope="national", **kw):
    return {
        "id": sid,
        "name": name or f"Institution {sid}",
        "sector": sector,
        "scope": scope,
        "influence": influence,
        "interest": interest,
        **kw,
    }


def tie(a, b, since=None, until=None, kind="partnership"):
    return {"source": a, "target": b, "kind": kind, "directed": False, "strength": 1, "since": since, "until": until}


BASE = [
    person("A", sector="academia", influence=5, interest=5),
    person("B", sector="academia"),
    person("C", sector="media"),
    person("D", sector="media", influence=2, interest=2),
]


# ---------------------------------------------------------------------------------------
# identical snapshots
# ---------------------------------------------------------------------------------------


def test_identical_inline_snapshots_give_empty_tables():
    s = snap(stakeholders=BASE, ties=[tie("A", "B"), tie("B", "C"), tie("C", "D")])
    out = ch.compare_workbooks(s, s)
    assert list(out) == list(ch.TABLES)
    assert {k: len(v) for k, v in out.items() if len(v)} == {}


def test_identical_sample_workbook_gives_empty_tables(sample_wb):
    out = ch.compare_workbooks(sample_wb, sample_wb)
    assert {k: len(v) for k, v in out.items() if len(v)} == {}


@pytest.fixture(scope="module")
def sample_wb():
    from partnerlab.workbook import load_workbook

    return load_workbook(paths.SAMPLE_WORKBOOK)


# ---------------------------------------------------------------------------------------
# stakeholders: added, removed, renamed, matched by name, attributes, grid, critical group
# ---------------------------------------------------------------------------------------


def test_added_and_removed_match_set_differences():
    old_rows = BASE + [person("E"), person("F", sector="media")]
    new_rows = BASE[:3] + [person("G"), person("H", sector="other"), person("I")]
    out = ch.compare_workbooks(snap(stakeholders=old_rows), snap(stakeholders=new_rows))
    old_ids, new_ids = {r["id"] for r in old_rows}, {r["id"] for r in new_rows}
    assert set(out["stakeholders_added"]["id"]) == new_ids - old_ids  # {G, H, I}
    assert set(out["stakeholders_removed"]["id"]) == old_ids - new_ids  # {D, E, F}
    assert len(out["stakeholders_added"]) == 3 and len(out["stakeholders_removed"]) == 3


def test_ids_compared_as_the_loader_does():
    old = snap(stakeholders=[person("SDSN-MX", "SDSN México")])
    new = snap(stakeholders=[person("sdsn_mx", "SDSN México")])
    out = ch.compare_workbooks(old, new)
    assert out["stakeholders_added"].empty and out["stakeholders_removed"].empty
    row = out["stakeholders_renamed"].iloc[0]
    assert (row["old_id"], row["new_id"], row["matched_by"]) == ("SDSN-MX", "sdsn_mx", "id")


@pytest.mark.parametrize(
    "old_name, new_name",
    [
        ("Secretaría de Hacienda y Crédito Público", "SECRETARIA DE HACIENDA Y CREDITO PUBLICO"),
        ("Secretaría de Hacienda y Crédito Público (SHCP)", "SHCP"),
        ("SHCP", "Secretaría de Hacienda y Crédito Público (SHCP)"),
    ],
)
def test_changed_id_matched_by_the_duplicate_name_rule(old_name, new_name):
    old = snap(stakeholders=[person("HAC", old_name), person("B")], ties=[tie("HAC", "B", since=2020)])
    new = snap(stakeholders=[person("SHCP_MX", new_name), person("B")], ties=[tie("SHCP_MX", "B", since=2020)])
    out = ch.compare_workbooks(old, new)
    assert out["stakeholders_added"].empty and out["stakeholders_removed"].empty
    renamed = out["stakeholders_renamed"]
    assert renamed[["old_id", "new_id", "matched_by"]].values.tolist() == [["HAC", "SHCP_MX", "name"]]
    assert out["ties"].empty  # the tie follows the match: neither ended nor added


def test_fictional_marker_is_not_an_acronym_match():
    old = snap(stakeholders=[person("X1", "Alpha Foundation (fictional)")])
    new = snap(stakeholders=[person("X2", "Beta Foundation (fictional)")])
    out = ch.compare_workbooks(old, new)
    assert list(out["stakeholders_added"]["id"]) == ["X2"] and list(out["stakeholders_removed"]["id"]) == ["X1"]


def test_sector_and_scope_changes():
    new_rows = [dict(r) for r in BASE]
    new_rows[1]["sector"] = "civil_society"
    new_rows[2]["scope"] = "state"
    out = ch.compare_workbooks(snap(stakeholders=BASE), snap(stakeholders=new_rows))
    got = out["stakeholder_attributes"][["id", "field", "before", "after"]].values.tolist()
    assert got == [["B", "sector", "academia", "civil_society"], ["C", "scope", "national", "state"]]


def test_grid_moves_and_critical_group():
    old_rows = BASE + [person("R", influence=4, interest=5)]  # R critical, then removed
    new_rows = [
        person("A", sector="academia", influence=3, interest=5),  # critical -> capacity: left
        person("B", sector="academia", influence=4, interest=4),  # monitor -> critical: entered
        BASE[2],
        BASE[3],
        person("N", influence=5, interest=4),
    ]  # N added in the critical group
    out = ch.compare_workbooks(snap(stakeholders=old_rows), snap(stakeholders=new_rows))
    moves = out["grid_moves"].set_index("id")
    assert set(moves.index) == {"A", "B"}
    assert moves.loc["A", ["quadrant_before", "quadrant_after"]].tolist() == ["critical", "capacity"]
    assert moves.loc["B", ["influence_before", "interest_before", "influence_after", "interest_after"]].tolist() == [
        3,
        3,
        4,
        4,
    ]
    crit = dict(zip(out["critical_group"]["id"], out["critical_group"]["change"]))
    assert crit == {"A": "left", "R": "left", "B": "entered", "N": "entered"}


def test_blank_score_has_no_quadrant():
    new_rows = [dict(r) for r in BASE]
    new_rows[0]["influence"] = None
    out = ch.compare_workbooks(snap(stakeholders=BASE), snap(stakeholders=new_rows))
    row = out["grid_moves"].iloc[0]
    assert row["quadrant_before"] == "critical" and row["quadrant_after"] is None
    assert out["critical_group"]["change"].tolist() == ["left"]


# ---------------------------------------------------------------------------------------
# ties, shared partnerships, sector measures, communities
# ---------------------------------------------------------------------------------------


def test_ties_added_and_ended_match_set_differences():
    old_ties = [tie("A", "B"), tie("B", "C"), tie("C", "D"), tie("A", "D", since=2010, until=2020)]
    new_ties = [tie("A", "B"), tie("C", "D", until=2023), tie("B", "D"), tie("A", "C", since=2024)]
    out = ch.compare_workbooks(snap(stakeholders=BASE, ties=old_ties), snap(stakeholders=BASE, ties=new_ties))

    def active(ties, year):  # independent of network.py: since <= year <= until
        return {
            tuple(sorted((t["source"], t["target"])))
            for t in ties
            if (t["since"] is None or t["since"] <= year) and (t["until"] is None or t["until"] >= year)
        }

    before, after = active(old_ties, 2024), active(new_ties, 2024)
    got = out["ties"]
    assert (
        set(zip(got.loc[got.change == "added", "source"], got.loc[got.change == "added", "target"])) == after - before
    )
    assert (
        set(zip(got.loc[got.change == "ended", "source"], got.loc[got.change == "ended", "target"])) == before - after
    )
    assert len(got) == len(after ^ before) == 4


def test_shared_partnerships_added_and_ended():
    p = {"id": "P1", "name": "Joint programme", "lead": "A", "members": ["B", "C"], "status": "active"}
    q = {"id": "P2", "name": "Old forum", "lead": "C", "members": ["D"], "status": "active"}
    old = snap(stakeholders=BASE, partnerships=[q])
    new = snap(stakeholders=BASE, partnerships=[p, {**q, "status": "closed", "end": dt.date(2023, 12, 31)}])
    out = ch.compare_workbooks(old, new)
    shared = out["shared_partnerships"]
    assert sorted(zip(shared["source"], shared["target"], shared["change"])) == [
        ("A", "B", "added"),
        ("A", "C", "added"),
        ("B", "C", "added"),
        ("C", "D", "ended"),
    ]
    assert set(shared["partnerships"]) == {"P1", "P2"}
    status = out["partnership_status"].set_index("partnership")
    assert status.loc["P1", "change"] == "added" and status.loc["P2", ["status_before", "status_after"]].tolist() == [
        "active",
        "closed",
    ]
    assert out["ties"].empty  # shared partnerships are not ties of the ties sheet


def test_sector_measures_by_hand():
    # then: A-B inside academia, C-D inside media: E-I -1 everywhere; now B-C replaces C-D
    old = snap(stakeholders=BASE, ties=[tie("A", "B"), tie("C", "D")])
    new = snap(stakeholders=BASE, ties=[tie("A", "B"), tie("B", "C")])
    out = ch.compare_workbooks(old, new)
    s = out["sectors"].set_index(["sector", "measure"])
    assert s.loc[("all", "ei"), ["before", "after"]].tolist() == [-1.0, 0.0]  # (1 - 1) / 2
    assert s.loc[("media", "ei"), ["before", "after"]].tolist() == [-1.0, 1.0]
    assert s.loc[("media", "density"), ["before", "after"]].tolist() == [1.0, 0.0]
    assert s.loc[("media", "components"), ["before", "after"]].tolist() == [1.0, 2.0]
    # now B brokers A -> B -> C both ways: A and B academia, C media: representative and gatekeeper 1 each
    assert s.loc[("academia", "brokerage_total"), ["before", "after"]].tolist() == [0.0, 2.0]
    assert ("academia", "density") not in s.index  # unchanged measures are not changes


def test_communities_keep_their_numbers():
    relabel, table = ch.match_communities(
        {"a": 1, "b": 1, "c": 1, "x": 2, "y": 2, "z": 2}, {"x": 1, "y": 1, "z": 1, "a": 2, "b": 2, "q": 3, "r": 3}
    )
    assert relabel == {1: 2, 2: 1, 3: 3}  # x, y, z were community 2 and stay 2
    assert dict(zip(table["community"], table["status"])) == {1: "kept", 2: "kept", 3: "new"}
    moves = ch.community_moves(
        {"a": 1, "b": 1, "c": 1, "x": 2, "y": 2, "z": 2},
        {"x": 1, "y": 1, "z": 1, "a": 2, "b": 2, "q": 3, "r": 3},
        relabel,
    )
    assert sorted(moves["id"]) == ["c", "q", "r"]  # c left every community; q and r are new


def test_dissolved_community():
    relabel, table = ch.match_communities({"a": 1, "b": 1, "c": 2, "d": 2}, {"a": 1, "b": 1})
    assert relabel == {1: 1}
    assert table.set_index("community").loc[2, "status"] == "dissolved"


# ---------------------------------------------------------------------------------------
# due diligence, value decisions, quality
# ---------------------------------------------------------------------------------------


def screening_row(sid, day, **answers):
    row = {"stakeholder": sid, "assessed_on": day}
    for q in vocab.DUE_DILIGENCE_QUESTIONS:
        row[q.code] = answers.get(q.code, not q.is_red_flag)
    return row


def test_screening_changes():
    old_dd = [screening_row("A", dt.date(2023, 9, 1)), screening_row("B", dt.date(2024, 1, 10), q03=False)]
    new_dd = old_dd + [screening_row("B", dt.date(2025, 3, 1), q12=True), screening_row("C", dt.date(2025, 4, 1))]
    old = snap(stakeholders=BASE, due_diligence=old_dd)
    new = snap(as_of=dt.date(2025, 6, 30), stakeholders=BASE, due_diligence=new_dd)
    for df in (old["due_diligence"], new["due_diligence"]):
        for q in vocab.DUE_DILIGENCE_QUESTIONS:
            df[q.code] = df[q.code].astype("boolean")
    out = ch.compare_workbooks(old, new)
    assert sorted(out["new_screenings"]["stakeholder"]) == ["B", "C"]
    outcomes = out["screening_outcomes"].set_index("stakeholder")
    assert outcomes.loc["B", ["outcome_before", "outcome_after"]].tolist() == ["caution", "excluded"]
    assert outcomes.loc["C", ["outcome_before", "outcome_after"]].tolist() == ["not_screened", "clear"]
    assert out["new_red_flags"][["stakeholder", "question"]].values.tolist() == [["B", "q12"]]
    expired = out["expired_screenings"]  # A: 303 days old then, 668 days now
    assert expired[["stakeholder", "age_days_before", "age_days_after"]].values.tolist() == [["A", 303, 668]]


def test_value_decision_taken():
    row = {"subject": "A", "assessed_on": dt.date(2024, 2, 1), "decision": None, "decision_date": None}
    old = snap(stakeholders=BASE, value_assessment=[row])
    new = snap(
        stakeholders=BASE, value_assessment=[{**row, "decision": "proceed", "decision_date": dt.date(2024, 9, 1)}]
    )
    out = ch.compare_workbooks(old, new)
    assert out["value_decisions"][["subject", "decision_before", "decision_after"]].values.tolist() == [
        ["A", "not_recorded", "proceed"]
    ]


def test_quality_per_partnership_and_dimension():
    dims = dict.fromkeys(schema.DIMENSION_KEYS, 2)
    r1 = {"partnership": "P1", "assessed_on": dt.date(2023, 11, 1), "perspective": "collective", **dims}
    r2 = {**r1, "assessed_on": dt.date(2024, 11, 1), "transparency": 3, "accessibility": 1}
    old = snap(quality_assessment=[r1])
    new = snap(quality_assessment=[r1, r2])
    for s in (old, new):
        for d in dims:
            s["quality_assessment"][d] = s["quality_assessment"][d].astype("Int64")
    out = ch.compare_workbooks(old, new)["quality"]
    assert out[["dimension", "level_before", "level_after", "change"]].values.tolist() == [
        ["accessibility", 2.0, 1.0, -1.0],
        ["transparency", 2.0, 3.0, 1.0],
    ]


# ---------------------------------------------------------------------------------------
# action plan and survey
# ---------------------------------------------------------------------------------------


def action(code, years, status, pct):
    return {
        "code": code,
        "pillar": "I",
        "area": "A",
        "action": f"Action {code}",
        "responsible": ["RCO"],
        "years": years,
        "status": status,
        "progress_pct": float(pct),
    }


def test_plan_progress_done_and_late():
    old = snap(
        as_of=dt.date(2024, 6, 30),
        action_plan=[
            action("1.1", [2024], "in_progress", 40),
            action("1.2", [2024, 2025], "in_progress", 50),
            action("1.3", [2025], "not_started", 0),
        ],
    )
    new = snap(
        as_of=dt.date(2025, 6, 30),
        action_plan=[
            action("1.1", [2024], "in_progress", 55),
            action("1.2", [2024, 2025], "done", 100),
            action("1.3", [2025], "not_started", 0),
        ],
    )
    out = ch.compare_workbooks(old, new)
    prog = out["plan_progress"].set_index("code")
    assert prog["gained_pp"].to_dict() == {"1.2": 50.0, "1.1": 15.0}
    assert list(out["newly_done"]["code"]) == ["1.2"]
    assert list(out["newly_late"]["code"]) == ["1.1"]  # last planned year 2024, still open in 2025


def test_survey_changes_need_enough_respondents():
    questions = [
        {
            "question": "Q1",
            "theme": "dialogue",
            "text": "Dialogue works",
            "type": "scale",
            "options": ["Low", "Mid", "High"],
        }
    ]

    def responses(academia, media):
        rows = [{"respondent": f"a{i}", "sector": "academia", "Q1": v} for i, v in enumerate(academia)]
        return rows + [{"respondent": f"m{i}", "sector": "media", "Q1": v} for i, v in enumerate(media)]

    old = snap(survey_questions=questions, survey_responses=responses(["Low"] * 5, ["Mid"] * 2))
    new = snap(survey_questions=questions, survey_responses=responses(["High"] * 5, ["High"] * 4))
    out = ch.compare_workbooks(old, new)["survey"].set_index("sector")
    assert out.loc["academia", ["score_before", "score_after", "change", "compared"]].tolist() == [
        0.0,
        1.0,
        1.0,
        "compared",
    ]
    assert out.loc["media", ["n_before", "n_after", "compared"]].tolist() == [2, 4, "too_few"]
    assert pd.isna(out.loc["media", "change"])
    assert out.loc["all", ["n_before", "n_after", "compared"]].tolist() == [7, 9, "compared"]


# ---------------------------------------------------------------------------------------
# one side empty
# ---------------------------------------------------------------------------------------


def test_every_sheet_empty_on_one_side():
    full = snap(
        stakeholders=BASE,
        ties=[tie("A", "B"), tie("C", "D")],
        partnerships=[{"id": "P1", "name": "Joint programme", "lead": "A", "members": ["C"], "status": "active"}],
        action_plan=[action("1.1", [2024], "in_progress", 40)],
    )
    bare = snap()
    forward, backward = ch.compare_workbooks(bare, full), ch.compare_workbooks(full, bare)
    assert len(forward["stakeholders_added"]) == 4 and forward["stakeholders_removed"].empty
    assert len(backward["stakeholders_removed"]) == 4 and backward["stakeholders_added"].empty
    assert set(forward["ties"]["change"]) == {"added"} and len(forward["ties"]) == 2
    assert set(backward["ties"]["change"]) == {"ended"} and len(backward["ties"]) == 2
    assert forward["partnership_status"]["change"].tolist() == ["added"]
    assert backward["partnership_status"]["change"].tolist() == ["removed"]
    assert forward["plan_progress"]["code"].tolist() == ["1.1"]
    assert {k for k, v in forward.items() if len(v)} >= {"critical_group", "shared_partnerships", "sectors"}


# ---------------------------------------------------------------------------------------
# one workbook as of a year
# ---------------------------------------------------------------------------------------


def test_snapshot_as_of_year():
    s = snap(
        as_of=dt.date(2025, 6, 30),
        stakeholders=BASE,
        ties=[
            tie("A", "B", since=2020),
            tie("B", "C", since=2025),
            tie("C", "D", since=2020, until=2025),
            tie("A", "D", since=2018, until=2022),
        ],
        partnerships=[
            {
                "id": "P1",
                "name": "x",
                "lead": "A",
                "members": ["B"],
                "status": "closed",
                "start": dt.date(2021, 1, 1),
                "end": dt.date(2024, 8, 31),
            },
            {"id": "P2", "name": "y", "lead": "C", "members": ["D"], "status": "active", "start": dt.date(2025, 2, 1)},
        ],
        due_diligence=[screening_row("A", dt.date(2023, 5, 1)), screening_row("B", dt.date(2025, 1, 5))],
    )
    old = ch.snapshot_as_of(s, 2023)
    assert old["about"]["as_of"] == dt.date(2023, 12, 31)
    assert s["about"]["as_of"] == dt.date(2025, 6, 30)  # the input is unchanged
    ties = old["ties"].set_index("source")
    assert sorted(ties.index) == ["A", "A", "C"]  # B-C (since 2025) not yet
    assert pd.isna(ties.loc["C", "until"])  # ends in 2025: not known in 2023
    parts = old["partnerships"].set_index("id")
    assert list(parts.index) == ["P1"] and parts.loc["P1", "status"] == "active" and pd.isna(parts.loc["P1", "end"])
    assert list(old["due_diligence"]["stakeholder"]) == ["A"]
    assert ch.snapshot_as_of(s, 2030)["about"]["as_of"] == dt.date(2025, 6, 30)  # never after the workbook's date
    out = ch.compare_workbooks(old, s)
    got = set(zip(out["ties"]["source"], out["ties"]["target"], out["ties"]["change"]))
    assert got == {("B", "C", "added")}  # C-D still active in 2025; A-D ended before both
    assert out["partnership_status"][["partnership", "change"]].values.tolist() == [["P1", "changed"], ["P2", "added"]]


def test_sample_as_of_previous_year_counts(sample_wb):
    old = ch.snapshot_as_of(sample_wb, 2024)
    out = ch.compare_workbooks(old, sample_wb)
    ties = sample_wb.ties

    def active(year, known):  # the ties sheet's own pairs, computed from the raw rows
        pairs = set()
        for r in ties.itertuples():
            since = None if pd.isna(r.since) else int(r.since)
            until = None if pd.isna(r.until) or (known is not None and int(r.until) > known) else int(r.until)
            if (since is None or since <= year) and (until is None or until >= year):
                pairs.add(tuple(sorted((r.source, r.target))))
        return pairs

    partners = {
        tuple(sorted((sid, p)))
        for sid, ps in zip(sample_wb.stakeholders["id"], sample_wb.stakeholders["partners"])
        for p in ps
    }
    before = active(2024, 2024) | partners
    after = active(2025, None) | partners
    got = out["ties"]
    assert (got["change"] == "added").sum() == len(after - before)
    assert (got["change"] == "ended").sum() == len(before - after)
    assert out["stakeholders_added"].empty and out["plan_progress"].empty and out["survey"].empty


def test_summary_counts_and_labels():
    out = ch.compare_workbooks(snap(stakeholders=BASE[:2]), snap(stakeholders=BASE))
    counts = ch.summary_counts(out).set_index("table")
    assert counts.loc["stakeholders_added", "rows"] == 2
    assert set(ch.TABLES) == set(ch.TABLE_TITLES)
    assert ch.summary_table(out, "es")["kind"].tolist() == ["Actores nuevos", "Medidas de red por sector"]


# ---------------------------------------------------------------------------------------
# the report in a batch: --compare-to OLD.xlsx, then --compare-to last
# ---------------------------------------------------------------------------------------


@pytest.mark.slow
def test_batch_compare_to_and_last(tmp_path, sample_wb):
    import json

    from partnerlab import cli
    from samples import history

    old = history.history_path(2024)
    if not old.exists():
        pytest.skip("needs the sample history (make sample)")
    out = tmp_path / "out"
    args = [
        "run",
        "--workbook",
        str(paths.SAMPLE_WORKBOOK),
        "--out",
        str(out),
        "--only",
        "changes",
        "--jobs",
        "1",
        "--no-progress",
        "--lang",
        "es",
    ]
    assert cli.main([*args, "--compare-to", str(old)]) == 0
    manifest = json.loads((out / "manifest.json").read_text())
    rec = manifest["reports"][0]
    assert (
        rec["status"] == "ok"
        and rec["parameters_own"]["compare_to"]
        and manifest["run"]["compare_to"] == str(old.resolve())
    )
    page = (out / "changes.html").read_text()
    assert "Cambios desde el último mapeo" in page and "30 de junio de 2024" in page and "Entró" in page
    assert "nan" not in page.replace("Financiera", "").lower().split()
    snapshot = ch.load_snapshot(out / "snapshot")
    assert manifest["run"]["snapshot"] == "snapshot/workbook.pkl"
    assert snapshot.sha256 == sample_wb.sha256 and snapshot.stakeholders["contact"].isna().all()
    for contact in sample_wb.stakeholders["contact"].dropna():
        assert contact not in page
    assert cli.main([*args, "--compare-to", "last"]) == 0  # the same workbook again: nothing moved
    page = (out / "changes.html").read_text()
    assert "Las dos instantáneas tienen los mismos registros: nada cambió." in page
    assert cli.main([*args[:4], str(tmp_path / "fresh"), *args[5:], "--compare-to", "last"]) == 0
    fresh = json.loads((tmp_path / "fresh" / "manifest.json").read_text())["reports"][0]
    assert fresh["status"] == "skipped" and "--compare-to last" in fresh["notes"]["en"]
    assert cli.main([*args, "--compare-to", str(tmp_path / "missing.xlsx")]) == 2


# ---------------------------------------------------------------------------------------
# trends over three or more snapshots
# ---------------------------------------------------------------------------------------


def test_history_is_ordered_by_as_of_never_by_file_name(tmp_path):
    import shutil

    from partnerlab.stakeholders import critical_group
    from samples import history

    if not history.history_path(2023).exists():
        pytest.skip("needs the sample history (make sample)")
    for year, name in ((2023, "z_first.xlsx"), (2024, "a_second.xlsx"), (2025, "m_third.xlsx")):
        shutil.copy(history.history_path(year), tmp_path / name)
    books = ch.load_history(tmp_path)
    assert [wb.about["as_of"].year for wb in books] == [2023, 2024, 2025]
    trend = ch.trend_table(list(reversed(books)))
    assert [d.year for d in dict.fromkeys(trend["as_of"])] == [2023, 2024, 2025]
    counts = trend[trend["measure"] == "stakeholders"]["value"].tolist()
    assert counts == [float(len(wb.stakeholders)) for wb in books]
    crit = trend[trend["measure"] == "critical"]["value"].tolist()
    assert crit == [float(len(critical_group(wb.stakeholders))) for wb in books]
    shown = ch.trend_display(trend, "es")
    assert list(shown.columns) == [
        "measure",
        "group",
        "30 de junio de 2023",
        "30 de junio de 2024",
        "30 de junio de 2025",
    ]
    assert not shown.isna().any().any()


def test_history_needs_dates(tmp_path):
    from partnerlab.template import write_workbook

    write_workbook(
        tmp_path / "a.xlsx", {"stakeholders": [{"id": "A", "name": "Ana", "sector": "Academia"}]}, about={"as_of": None}
    )
    write_workbook(
        tmp_path / "b.xlsx",
        {"stakeholders": [{"id": "A", "name": "Ana", "sector": "Academia"}]},
        about={"as_of": dt.date(2024, 6, 30)},
    )
    with pytest.raises(ValueError, match="a.xlsx"):
        ch.load_history(tmp_path)


def test_batch_history_is_checked_and_listed(tmp_path):
    import json

    from partnerlab import batch, messages
    from partnerlab.report_catalogue import Job
    from partnerlab.template import write_workbook
    from samples import history

    messages.set_lang("en")  # the command line's language (an earlier Spanish run may have set it)
    job = Job("changes", "changes", paths.NOTEBOOKS / "changes.ipynb", {"en": "Changes", "es": "Cambios"})
    with pytest.raises(batch.BatchError, match="not a folder"):
        batch._set_history([job], tmp_path / "missing")
    write_workbook(tmp_path / "undated.xlsx", {"stakeholders": [{"id": "A", "name": "Ana", "sector": "Academia"}]})
    with pytest.raises(batch.BatchError, match="undated.xlsx"):
        batch._set_history([job], tmp_path)
    if not history.history_path(2023).exists():
        pytest.skip("needs the sample history (make sample)")
    batch._set_history([job], history.HISTORY_DIR)
    listing = json.loads(Path(job.params["history"]).read_text())
    assert [Path(w["path"]).name for w in listing["workbooks"]] == [f"portfolio_{y}.xlsx" for y in history.YEARS]
    assert all(len(w["sha256"]) == 64 for w in listing["workbooks"])
    assert [wb.about["as_of"].year for wb in ch.load_history(job.params["history"])] == list(history.YEARS)
