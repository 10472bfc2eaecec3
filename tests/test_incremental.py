"""Incremental runs (issue 16): a page is reused when nothing it read has changed, and a
reused page is the page a full run writes.

One end-to-end sequence on the bundled sample, with reports that read different sheets
(stakeholder map: stakeholders, partnerships; action plan: its year's rows, partnerships; the
overview: everything and the list of the others) or show what the consistency rules derive
from every sheet (the due-diligence alerts, the network's verdicts, a partner's brief, a
partnership's page): a full run, an unchanged re-run, a re-run after an edit of the action
plan's progress (no alert changes), a --full run of that workbook into another folder to
compare with, then an edit that drops a course of action linked to one partnership (its
alert changes) and a --full run of that one.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import openpyxl
import pytest

from partnerlab import cli, incremental, paths
from partnerlab.workbook import load_workbook

ONLY = [
    "stakeholder_map",
    "action_plan",
    "action_plan__2022",
    "action_plan__2023",
    "due_diligence",
    "overview",  # job names: one page each
    "network",
    "partner_profile__unam",
    "partner_profile__altamira",
    "partnership__p11",
]
# Course of action 2.13 is linked to partnership P11 only, led by ALTAMIRA; UNAM has no part in P11.
# Courses 1.1 (the first row, edited) and 2.13 are planned for 2022 only.


def _run(workbook: Path, out: Path, *extra: str) -> dict:
    code = cli.main(
        [
            "run",
            "--workbook",
            str(workbook),
            "--out",
            str(out),
            "--no-progress",
            "--lang",
            "en",
            "--only",
            *ONLY,
            *extra,
        ]
    )
    assert code == 0
    return {r["name"]: r for r in json.loads((out / "manifest.json").read_text())["reports"]}


def _page(out: Path, name: str) -> str:
    return re.sub(r'<span class="pl-run-time">.*?</span>', "", (out / f"{name}.html").read_text(), flags=re.S)


def _findings(out: Path) -> dict[str, list]:
    """Every sheet of findings.xlsx as rows of values."""
    book = openpyxl.load_workbook(out / "findings.xlsx", read_only=True)
    return {ws.title: [list(r) for r in ws.iter_rows(values_only=True)] for ws in book.worksheets}


def _edit_action_plan(src: Path, dst: Path) -> None:
    book = openpyxl.load_workbook(src)
    ws = next(ws for ws in book.worksheets if ws.title in ("action_plan", "plan_accion"))
    header = [c.value for c in ws[1]]
    col = next(i for i, h in enumerate(header, start=1) if str(h).startswith(("progress", "avance")))
    ws.cell(2, col).value = 77 if ws.cell(2, col).value != 77 else 78
    book.save(dst)


def _data(out: Path) -> dict[str, bytes]:
    return {str(f.relative_to(out / "data")): f.read_bytes() for f in sorted((out / "data").rglob("*")) if f.is_file()}


def _drop_course(path: Path, code: str) -> None:
    book = openpyxl.load_workbook(path)
    ws = next(ws for ws in book.worksheets if ws.title in ("action_plan", "plan_accion"))
    header = [str(c.value) for c in ws[1]]
    col = {
        key: next(i for i, h in enumerate(header, start=1) if h in names)  # English or Spanish headers
        for key, names in (("code", ("code", "codigo")), ("status", ("status", "estatus")))
    }
    row = next(r for r in range(2, ws.max_row + 1) if str(ws.cell(r, col["code"]).value) == code)
    ws.cell(row, col["status"]).value = "dropped"
    book.save(path)


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("incremental")
    sample = tmp / "portfolio.xlsx"
    shutil.copy(paths.SAMPLE_WORKBOOK, sample)
    out = tmp / "out"
    first = _run(sample, out)
    first_run = json.loads((out / "manifest.json").read_text())["run"]
    pages = {name: (out / f"{name}.html").read_bytes() for name in ONLY}
    findings = _findings(out)
    again = _run(sample, out)
    findings_again = _findings(out)
    pages_again = {name: (out / f"{name}.html").read_bytes() for name in ONLY}
    index_again = (out / "index.html").read_text()
    edited = tmp / "portfolio_edited.xlsx"
    _edit_action_plan(sample, edited)
    edited.replace(sample)  # the analyst saves over the same file
    after_edit = _run(sample, out)
    findings_after_edit = _findings(out)
    data_after_edit = (_data(out), json.loads((out / "manifest.json").read_text())["run"])
    full = _run(sample, tmp / "full", "--full")
    pages_after_edit = {name: _page(out, name) for name in ONLY}
    _drop_course(sample, "2.13")
    after_drop = _run(sample, out)
    _run(sample, tmp / "full_drop", "--full")
    return {
        "first": first,
        "pages": pages,
        "pages_again": pages_again,
        "index_again": index_again,
        "again": again,
        "findings": (findings, findings_again, findings_after_edit),
        "after_edit": after_edit,
        "full": full,
        "out": out,
        "full_out": tmp / "full",
        "sample": sample,
        "after_drop": after_drop,
        "full_drop_out": tmp / "full_drop",
        "pages_after_edit": pages_after_edit,
        "data_after_edit": data_after_edit,
        "first_run": first_run,
    }


@pytest.mark.slow
def test_a_first_run_runs_everything_and_records_what_each_page_read(runs):
    first = runs["first"]
    assert all(not r.get("reused") for r in first.values())
    assert set(first["stakeholder_map"]["reads"]) >= {"stakeholders"}
    assert "action_plan" not in first["stakeholder_map"]["reads"]
    assert '=["partnerlab.actionplan:plan_rows", {"year": 2023}]' in first["action_plan__2023"]["reads"]
    assert all(len(r["key"]) == 64 for r in first.values())


@pytest.mark.slow
def test_an_unchanged_rerun_reuses_every_page_as_it_was(runs):
    again = runs["again"]
    assert all(r["reused"] for r in again.values()), {n: r.get("reused") for n, r in again.items()}
    assert runs["pages_again"] == runs["pages"]
    first, again, _ = runs["findings"]
    assert again == first  # the key tables of reused pages are the same tables
    assert "reused from the previous run" in runs["index_again"]


@pytest.mark.slow
def test_pages_that_show_alerts_depend_on_the_alerts_not_on_the_sheets_behind_them(runs):
    reads = runs["first"]
    for name in ("due_diligence", "network", "partner_profile__unam"):  # the rules read every sheet
        assert "action_plan" not in reads[name]["reads"], name
        assert any(r.startswith('=["partnerlab.consistency:') for r in reads[name]["reads"]), name
    p11 = reads["partnership__p11"]["reads"]  # its own rows: courses of action, facts, members, ...
    assert "action_plan" not in p11 and any(r.startswith('=["partnerlab.partnership:courses_table"') for r in p11)


@pytest.mark.slow
def test_an_action_plan_edit_reruns_only_what_reads_the_action_plan(runs):
    first, after = runs["first"], runs["after_edit"]
    ran = {name for name in ONLY if not after[name].get("reused")}
    assert ran == {"action_plan", "action_plan__2022", "overview"}  # the rows of 2022 changed, not those of 2023
    assert all("action_plan" in first[name]["reads"] or "plan_rows" in str(first[name]["reads"]) for name in ran)
    assert after["stakeholder_map"]["reused"] and after["due_diligence"]["reused"]  # the alerts did not change
    assert after["partner_profile__altamira"]["reused"] and after["network"]["reused"]
    assert after["partnership__p11"]["reused"]  # its courses of action are not the one edited


@pytest.mark.slow
def test_an_action_plan_edit_copies_the_network_files_and_writes_the_tables(runs):
    """data/'s network files read the network sheets only (exports.NETWORK_SHEETS): the edit run
    copies them from the previous run; its tables are written anew. data/ is then, byte for byte,
    the data/ of a --full run of the edited workbook."""
    data, run = runs["data_after_edit"]
    assert not runs["first_run"]["exports_network"]["reused"] and run["exports_network"]["reused"]
    assert run["exports_network"]["files"][0] == "network.gexf" and run["exports_network"]["nodes"] == 94
    assert data == _data(runs["full_out"])
    assert "tables/action_plan.csv" in data and "network.gexf" in data


@pytest.mark.slow
def test_an_edit_that_changes_an_alert_reruns_the_pages_that_show_it(runs):
    after = runs["after_drop"]  # course 2.13 dropped: P11 gets a course_off_track alert
    ran = {name for name in ONLY if not after[name].get("reused")}
    assert ran == {"action_plan", "action_plan__2022", "overview", "partnership__p11", "partner_profile__altamira"}
    # due_diligence shows only the decision rules' alerts (alerts_of_rules): course_off_track is not one
    for name in ONLY:  # reused or re-run, every page equals the --full run's
        assert _page(runs["out"], name) == _page(runs["full_drop_out"], name), name
    assert "course of action 2.13, which is dropped" in (runs["out"] / "partnership__p11.html").read_text()
    first, _, edited = runs["findings"]
    assert edited != first and set(edited) == set(first)  # re-written: new action-plan tables, the reused ones kept


@pytest.mark.slow
def test_a_reused_page_is_the_page_a_full_run_writes(runs):
    for name in ONLY:  # reused or re-run, every page equals the --full run's (but for its run time)
        assert runs["pages_after_edit"][name] == _page(runs["full_out"], name), name
    assert all(not r.get("reused") for r in runs["full"].values())


@pytest.mark.slow
def test_a_page_shows_the_fingerprint_of_the_data_it_read(runs):
    """The run details' data fingerprint is brought up to date after each cell: it ends as the
    digest of everything the page read (the data part of its key), worked out here again from the
    manifest's reads on the workbook as it was."""
    manifest = json.loads((runs["full_drop_out"] / "manifest.json").read_text())
    data = incremental.DataDigests(load_workbook(runs["sample"]))
    for rec in manifest["reports"]:
        shown = re.search(
            r"Data fingerprint \(sha256 of the data read\)</th><td>([0-9a-f]{16})<",
            _page(runs["full_drop_out"], rec["name"]),
        )
        assert shown and shown.group(1) == data.of(rec["reads"])[:16], rec["name"]
    fingerprints = {re.search(r"data read\)</th><td>(\w+)", _page(runs["full_drop_out"], n)).group(1) for n in ONLY}
    assert len(fingerprints) == len(ONLY)  # each page its own data


def test_the_key_changes_with_the_data_read_the_language_and_the_parameters(tmp_path):
    wb = load_workbook(paths.SAMPLE_WORKBOOK)
    notebook = paths.NOTEBOOKS / "stakeholder_map.ipynb"
    versions = {"pandas": "x"}
    key = incremental.job_key(wb, {"sector": ""}, notebook, "en", ["stakeholders"], versions)
    assert key == incremental.job_key(
        wb, {"sector": "", "processed": "/elsewhere"}, notebook, "en", ["stakeholders"], versions
    )  # where a run keeps things: not part of it
    assert key != incremental.job_key(wb, {"sector": ""}, notebook, "es", ["stakeholders"], versions)
    assert key != incremental.job_key(wb, {"sector": "academia"}, notebook, "en", ["stakeholders"], versions)
    assert key != incremental.job_key(wb, {"sector": ""}, notebook, "en", ["stakeholders", "ties"], versions)
    assert key != incremental.job_key(wb, {"sector": ""}, notebook, "en", ["stakeholders"], {"pandas": "y"})
    other = load_workbook(paths.SAMPLE_WORKBOOK)
    other.tables["stakeholders"] = other.tables["stakeholders"].assign(influence=1)
    assert key != incremental.job_key(other, {"sector": ""}, notebook, "en", ["stakeholders"], versions)
    other.tables["stakeholders"] = wb.tables["stakeholders"]
    other.tables["ties"] = other.tables["ties"].head(3)  # a sheet the page did not read
    assert key == incremental.job_key(other, {"sector": ""}, notebook, "en", ["stakeholders"], versions)
