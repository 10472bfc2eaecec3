"""The batch runner: outputs, failures, time limit, lock, atomic move, executors, default batch."""

import argparse
import json
import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from types import SimpleNamespace

import nbformat
import pandas as pd
import pytest

from partnerlab import batch, kernels, outputdir, paths
from partnerlab.incremental import DataDigests
from partnerlab.report_catalogue import REPORTS, Job, default_batch
from partnerlab.stakeholders import critical_group
from partnerlab.workbook import file_sha256, load_workbook

NOTEBOOKS = Path(__file__).parent / "notebooks"
OK, FAIL = NOTEBOOKS / "ok.ipynb", NOTEBOOKS / "fail.ipynb"
XSS = "<img src=x onerror=alert(1)>"


def _job(name, notebook=OK, **params):
    return Job(name, notebook.stem, notebook, {"en": f"{name} (en)", "es": f"{name} (es)"}, params)


@pytest.fixture
def workbook(tmp_path):
    """Any file stands in for the workbook when the jobs are the test notebooks."""
    path = tmp_path / "input.xlsx"
    path.write_bytes(b"not really a workbook")
    return path


@pytest.fixture(autouse=True)
def _no_validation(monkeypatch):
    """The test notebooks do not read the workbook: skip the loader (tested by its own module)."""
    monkeypatch.setattr(batch, "_check_workbook", lambda path: None)


@pytest.fixture(scope="module")
def mixed_run(tmp_path_factory):
    """One batch with two good reports, one failing report and one skipped report."""
    tmp = tmp_path_factory.mktemp("mixed")
    wb = tmp / "input.xlsx"
    wb.write_bytes(b"x")
    jobs = [
        _job("first", label=XSS),
        _job("broken", FAIL),
        _job("second", label="two"),
        Job(
            "absent",
            "absent",
            NOTEBOOKS / "absent.ipynb",
            {"en": "Absent", "es": "Ausente"},
            notes={"en": "The notebook absent.ipynb does not exist yet.", "es": "El cuaderno no existe."},
        ),
    ]
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(batch, "_check_workbook", lambda path: None)
        mp.setenv("MPLBACKEND", "Agg")  # the trap: inherited by a kernel it drops every figure
        result = batch.run_batch(wb, tmp / "out", job_list=jobs, jobs=2, progress=False)
    return result


@pytest.mark.slow
def test_the_listing_report_shows_the_others_as_they_ended(workbook, tmp_path):
    """The overview runs beside the other reports on the listing they give if they all succeed;
    when one fails it runs again after them, so its page shows the failure (and a later run with
    nothing failing reuses nothing wrong)."""
    listing = Job("listing", "listing", NOTEBOOKS / "listing.ipynb", {"en": "Listing"}, needs_listing=True)
    result = batch.run_batch(
        workbook, tmp_path / "out", job_list=[_job("a"), _job("broken", FAIL), listing], jobs=2, progress=False
    )
    page = (tmp_path / "out" / "listing.html").read_text()
    assert "Listing: a: ok; broken: failed" in page, page[-2000:]
    assert [r["status"] for r in result.manifest["reports"]] == ["ok", "failed", "ok"]
    result = batch.run_batch(workbook, tmp_path / "out2", job_list=[_job("a"), listing], jobs=2, progress=False)
    assert "Listing: a: ok<" in (tmp_path / "out2" / "listing.html").read_text()  # guessed right: run once


def test_failing_report_marks_failed_and_others_complete(mixed_run):
    by_name = {r["name"]: r for r in mixed_run.reports}
    assert mixed_run.exit_code == 1
    assert [by_name[n]["status"] for n in ("first", "broken", "second", "absent")] == ["ok", "failed", "ok", "skipped"]
    assert by_name["broken"]["error"] == "ValueError: boom from fail.ipynb"
    assert by_name["broken"]["outputs"] == ["broken.ipynb"]  # the audit notebook, no page


@pytest.mark.slow
def test_failed_notebook_keeps_its_traceback(mixed_run):
    nb = nbformat.read(mixed_run.out / "broken.ipynb", as_version=4)
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert errors and errors[0].evalue == "boom from fail.ipynb"
    assert "papermill-error-cell-tag" in nb.cells[0].metadata.get("tags", [])  # papermill's marker
    never = [c for c in nb.cells if "never reached" in c.source][0]
    assert never.outputs == []


@pytest.mark.slow
def test_batch_folder_layout(mixed_run):
    names = sorted(p.name for p in mixed_run.out.iterdir())
    assert names == [
        "broken.ipynb",
        "findings.xlsx",
        "first.html",
        "first.ipynb",
        "index.html",
        "manifest.json",
        "second.html",
        "second.ipynb",
    ]
    leftovers = [p.name for p in mixed_run.out.parent.iterdir() if p.name.startswith(".")]
    assert leftovers == []  # no staging folder, no lock file


@pytest.mark.slow
def test_manifest_content(mixed_run, tmp_path):
    m = json.loads((mixed_run.out / "manifest.json").read_text())
    wb = Path(m["workbook"]["path"])
    assert m["workbook"]["sha256"] == file_sha256(wb)
    assert m["summary"] == {"ok": 2, "failed": 1, "skipped": 1}
    assert m["run"]["started"] <= m["run"]["ended"]
    assert {"pandas", "papermill", "nbconvert", "partnerlab", "python"} <= set(m["packages"])
    first = m["reports"][0]
    assert first["notebook"] == "tests/notebooks/ok.ipynb"
    assert first["parameters"] == {"workbook": str(wb), "lang": "en", "processed": "", "label": XSS}
    assert first["outputs"] == ["first.html", "first.ipynb"]
    assert first["kept"] == ["demo"]
    assert {"kernel", "execute", "export"} <= set(first["timings"])  # wall seconds
    assert set(first["timings"]) <= {"kernel", "execute", "export", "kernel_cpu", "execute_cpu", "export_cpu"}
    assert m["reports"][3]["notes"]["en"] == "The notebook absent.ipynb does not exist yet."


@pytest.mark.slow
def test_figures_survive_mplbackend_agg(mixed_run):
    html = (mixed_run.out / "first.html").read_text()
    assert re.search(r'<img[^>]+src="data:image/png;base64,', html)


@pytest.mark.slow
def test_page_hides_code_notes_and_parameters(mixed_run):
    html = (mixed_run.out / "first.html").read_text()
    nb_text = (mixed_run.out / "first.ipynb").read_text()
    assert "SECRET-ANALYST-NOTE" in nb_text and "SECRET-ANALYST-NOTE" not in html
    for code in ("import matplotlib", "plt.subplots", "# Parameters", "publish_display_data", "time.sleep"):
        assert code not in html
    assert "a warning for the audit trail" not in html  # stderr stays in the notebook
    assert "&lt;img src=x onerror=alert(1)&gt;" in html and XSS not in html


@pytest.mark.slow
def test_index_lists_every_report(mixed_run):
    index = (mixed_run.out / "index.html").read_text()
    assert '<a href="first.html">first (en)</a>' in index
    assert '<a href="broken.ipynb">' in index and "boom from fail.ipynb" in index
    assert "The notebook absent.ipynb does not exist yet." in index
    assert 'href="findings.xlsx"' in index


@pytest.mark.slow
def test_findings_collects_kept_tables(mixed_run):
    import openpyxl

    book = openpyxl.load_workbook(mixed_run.out / "findings.xlsx")
    assert book.sheetnames == ["Contents", "Demo"]  # one sheet per kind of table, a report column first
    demo = book["Demo"]
    assert demo["A1"].value == "Report" and {demo["A2"].value, demo[f"A{demo.max_row}"].value} == {
        "first (en)",
        "second (en)",
    }
    assert demo["B2"].value == XSS
    assert demo["B3"].value == "=1+1" and demo["B3"].data_type == "s"


@pytest.mark.slow
def test_kernel_is_reset_between_reports(workbook, tmp_path):
    # ok.ipynb asserts an empty namespace and default rcParams, then changes both:
    # three runs on one worker would fail from the second on if the reset leaked.
    jobs = [_job(f"r{i}", label=str(i)) for i in range(3)]
    result = batch.run_batch(workbook, tmp_path / "out", job_list=jobs, jobs=1, progress=False)
    assert [r["status"] for r in result.reports] == ["ok", "ok", "ok"], result.reports
    nb = nbformat.read(tmp_path / "out" / "r2.ipynb", as_version=4)
    counts = [c.execution_count for c in nb.cells if c.cell_type == "code"]
    assert counts == list(range(1, len(counts) + 1))  # numbered as in a fresh kernel


@pytest.mark.slow
def test_same_inputs_same_html(workbook, tmp_path):
    pages = []
    for run in ("a", "b"):
        batch.run_batch(workbook, tmp_path / run, job_list=[_job("page", label="same")], jobs=1, progress=False)
        pages.append((tmp_path / run / "page.html").read_text())
    assert pages[0] == pages[1]


@pytest.mark.slow
def test_time_limit_stops_a_report(workbook, tmp_path):
    jobs = [_job("slow", sleep=120.0), _job("quick")]
    result = batch.run_batch(workbook, tmp_path / "out", job_list=jobs, jobs=1, timeout=3, progress=False)
    slow, quick = result.reports
    assert slow["status"] == "failed" and slow["error"] == "time limit of 3 s exceeded"
    assert quick["status"] == "ok"  # the next report gets a fresh kernel
    assert (tmp_path / "out" / "slow.ipynb").exists()


@pytest.mark.slow
def test_thread_pool_executor(workbook, tmp_path):
    with ThreadPoolExecutor(max_workers=2) as pool:
        result = batch.run_batch(
            workbook, tmp_path / "out", job_list=[_job("a"), _job("b", FAIL)], executor=pool, progress=False
        )
        kernels.shutdown_kernels()
    assert [r["status"] for r in result.reports] == ["ok", "failed"]


@pytest.mark.slow
def test_dask_local_cluster(workbook, tmp_path):
    distributed = pytest.importorskip("distributed")
    with (
        distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None) as cluster,
        distributed.Client(cluster) as client,
    ):
        result = batch.run_batch(
            workbook,
            tmp_path / "out",
            job_list=[_job("a"), _job("b")],
            executor=client.get_executor(pure=False),
            progress=False,
        )
    kernels.shutdown_kernels()
    assert [r["status"] for r in result.reports] == ["ok", "ok"]
    assert (tmp_path / "out" / "b.html").exists()


def test_lock_refuses_a_second_run(workbook, tmp_path):
    out = tmp_path / "out"
    with outputdir.OutputLock(out):
        with pytest.raises(batch.BatchError, match="another partnerlab run is writing"):
            batch.run_batch(workbook, out, job_list=[_job("a")], progress=False)
    assert not out.exists()


def test_lock_is_released_when_the_holder_dies(tmp_path):
    import multiprocessing

    out = tmp_path / "out"
    ctx = multiprocessing.get_context("fork")
    ready, done = ctx.Event(), ctx.Event()

    def hold():
        with outputdir.OutputLock(out):
            ready.set()
            done.wait(30)

    p = ctx.Process(target=hold)
    p.start()
    assert ready.wait(30)
    with pytest.raises(batch.BatchError):
        outputdir.OutputLock(out).__enter__()
    p.kill()
    p.join()
    with outputdir.OutputLock(out):  # flock dies with its process: no stale lock
        pass


@pytest.mark.slow
def test_interrupted_run_leaves_previous_output(workbook, tmp_path, monkeypatch):
    out = tmp_path / "out"
    batch.run_batch(workbook, out, job_list=[_job("old")], jobs=1, progress=False)
    before = sorted(p.name for p in out.iterdir())

    def interrupted(self):
        raise KeyboardInterrupt

    monkeypatch.setattr(batch._Runner, "_write_findings", interrupted)
    with pytest.raises(KeyboardInterrupt):
        batch.run_batch(workbook, out, job_list=[_job("new")], jobs=1, progress=False)
    assert sorted(p.name for p in out.iterdir()) == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out")] == []


@pytest.mark.slow
def test_new_run_replaces_the_folder(workbook, tmp_path):
    out = tmp_path / "out"
    batch.run_batch(workbook, out, job_list=[_job("old")], jobs=1, progress=False)
    batch.run_batch(workbook, out, job_list=[_job("new")], jobs=1, progress=False)
    assert not (out / "old.html").exists() and (out / "new.html").exists()


def test_move_into_place_swaps_atomically(tmp_path):
    out, staging = tmp_path / "out", tmp_path / ".out.partial"
    out.mkdir()
    (out / "manifest.json").write_text("old")
    staging.mkdir()
    (staging / "manifest.json").write_text("new")
    outputdir.move_into_place(staging, out)
    assert (out / "manifest.json").read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


@pytest.mark.parametrize(
    "make",
    [
        lambda d: (d / "notes.txt").write_text("mine"),  # someone's folder: never replaced
    ],
)
def test_refuses_a_folder_it_did_not_write(workbook, tmp_path, make):
    out = tmp_path / "out"
    out.mkdir()
    make(out)
    with pytest.raises(batch.BatchError, match="not a partnerlab output folder"):
        batch.run_batch(workbook, out, job_list=[_job("a")], progress=False)
    assert [p.name for p in out.iterdir()] == ["notes.txt"]


def test_unknown_only_is_a_usage_error(workbook, tmp_path):
    with pytest.raises(batch.BatchError, match="unknown report"):
        batch.run_batch(workbook, tmp_path / "out", job_list=[_job("a")], only=["nope"])


def _args(*argv):
    parser = argparse.ArgumentParser()
    batch.add_run_arguments(parser)
    return parser.parse_args(list(argv))


@pytest.mark.parametrize(
    "argv, message",
    [
        (["--jobs", "0"], "--jobs must be at least 1"),
        (["--timeout", "-1"], "--timeout must be positive"),
        (["--workbook", "/nonexistent/w.xlsx"], "workbook not found"),
    ],
)
def test_run_command_usage_errors_exit_2(argv, message, capsys):
    assert batch.run_command(_args(*argv)) == 2
    assert message in capsys.readouterr().err


def test_run_command_input_errors_exit_2_and_write_nothing(tmp_path, capsys, monkeypatch):
    class Problem:
        severity = "error"

        def __str__(self):
            return "stakeholders row 3: sector 'Publik' is not a sector"

    def check(path):
        print(str(Problem()), file=__import__("sys").stderr)
        raise batch.BatchError("w.xlsx has 1 error(s)")

    monkeypatch.setattr(batch, "_check_workbook", check)
    wb = tmp_path / "w.xlsx"
    wb.write_bytes(b"x")
    assert batch.run_command(_args("--workbook", str(wb), "--out", str(tmp_path / "out"))) == 2
    err = capsys.readouterr().err
    assert "sector 'Publik' is not a sector" in err
    assert not (tmp_path / "out").exists()


def test_check_workbook_reports_errors(tmp_path, monkeypatch, capsys):
    monkeypatch.undo()  # the real _check_workbook, with a stand-in loader

    class P:
        def __init__(self, severity, text):
            self.severity, self.text = severity, text

        def __str__(self):
            return self.text

    fake = SimpleNamespace(check_workbook=lambda path: (None, [P("error", "bad row 4"), P("warning", "w")]))
    monkeypatch.setitem(__import__("sys").modules, "partnerlab.workbook", fake)
    with pytest.raises(batch.BatchError, match="1 error"):
        batch._check_workbook(tmp_path / "w.xlsx")
    err = capsys.readouterr().err
    assert "bad row 4" in err and "w\n" not in err  # errors printed, warnings not


# --------------------------------------------------------------------------------------
# The default batch (report_catalogue.py)
# --------------------------------------------------------------------------------------


def _fake_workbook(**tables):
    empty = pd.DataFrame()
    frames = {
        "stakeholders": pd.DataFrame(
            {
                "id": ["S1", "S2", "S3"],
                "name": ["Alpha", "Beta", "Gamma"],
                "sector": ["federal_government", "civil_society", "federal_government"],
                "influence": [5, 2, 4],
                "interest": [5, 5, 4],
            }
        ),
        "ties": pd.DataFrame({"source": ["S1"], "target": ["S2"]}),
        "partnerships": pd.DataFrame({"id": ["P1", "P2"], "name": ["Water", "Schools"]}),
        "due_diligence": empty,
        "value_assessment": empty,
        "quality_assessment": pd.DataFrame({"partnership": ["P2", "P2", "P1"]}),
        "survey_responses": pd.DataFrame({"sector": ["academia", None]}),
        "action_plan": pd.DataFrame({"years": [[2023, 2024], [2024], []]}),
    }
    frames.update(tables)
    return SimpleNamespace(has=lambda key: len(frames[key]) > 0, **frames)


@pytest.fixture
def notebook_dir(tmp_path):
    for rep in REPORTS:
        (tmp_path / f"{rep.key}.ipynb").write_text("{}")
    return tmp_path


def test_default_batch_fans_out(notebook_dir):
    jobs = default_batch(_fake_workbook(), notebook_dir)
    names = [j.name for j in jobs]
    # vocabulary order (vocab.SECTORS lists federal_government first), not alphabetical order
    assert names[:3] == ["stakeholder_map", "stakeholder_map__federal_government", "stakeholder_map__civil_society"]
    # critical group: high influence and interest (S1: 5/5, S3: 4/4; S2 has influence 2)
    assert [j.params for j in jobs if j.report == "partner_profile"] == [{"stakeholder": "S1"}, {"stakeholder": "S3"}]
    assert [j.params for j in jobs if j.report == "quality"] == [{}, {"partnership": "P1"}, {"partnership": "P2"}]
    assert [j.params for j in jobs if j.report == "action_plan"] == [{}, {"year": 2023}, {"year": 2024}]
    assert [j.params for j in jobs if j.report == "sector_diagnosis"] == [{}, {"sector": "academia"}]
    assert names[-1] == "overview" and jobs[-1].needs_listing
    assert len(set(names)) == len(names)


def test_default_batch_titles_are_bilingual(notebook_dir):
    jobs = {j.name: j for j in default_batch(_fake_workbook(), notebook_dir)}
    job = jobs["stakeholder_map__civil_society"]
    assert (job.title_in("en"), job.title_in("es"), job.title_in("pt")) == (
        "Stakeholder map: Civil society",
        "Mapa de actores: Sociedad civil",
        "Mapa de atores: Sociedade civil",
    )
    assert jobs["quality__p2"].title_in("es") == "Calidad de las alianzas: Schools"


def test_empty_sheets_are_skipped_with_a_note(notebook_dir):
    jobs = {j.name: j for j in default_batch(_fake_workbook(), notebook_dir)}
    assert jobs["due_diligence"].skipped == "No data: the sheets due_diligence, value_assessment are empty."
    assert jobs["network"].skipped is None and jobs["overview"].skipped is None


def test_missing_notebook_is_skipped_with_a_note(notebook_dir):
    (notebook_dir / "network.ipynb").unlink()
    jobs = {j.name: j for j in default_batch(_fake_workbook(), notebook_dir)}
    assert (jobs["network"].note_in("en"), jobs["network"].note_in("es")) == (
        "The notebook network.ipynb does not exist yet.",
        "El cuaderno network.ipynb todavía no existe.",
    )


def test_no_critical_group_skips_profiles(notebook_dir):
    low = pd.DataFrame({"id": ["S1"], "name": ["A"], "sector": ["academia"], "influence": [1], "interest": [1]})
    jobs = [j for j in default_batch(_fake_workbook(stakeholders=low), notebook_dir) if j.report == "partner_profile"]
    assert len(jobs) == 1 and jobs[0].skipped.startswith("No stakeholder is in the critical group")


# --------------------------------------------------------------------------------------
# End to end on the bundled sample (real notebooks, real loader)
# --------------------------------------------------------------------------------------

SUBSET = ["stakeholder_map", "due_diligence", "overview"]
_REAL_CHECK = batch._check_workbook  # the autouse fixture replaces it for the toy notebooks


def _sample() -> Path:
    if not paths.SAMPLE_WORKBOOK.exists():
        pytest.skip(f"needs the bundled sample {paths.SAMPLE_WORKBOOK.relative_to(paths.ROOT)} (make sample)")
    return paths.SAMPLE_WORKBOOK


def _run_cli(*argv) -> int:
    from partnerlab import cli

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(batch, "_check_workbook", _REAL_CHECK)
        return cli.main(["run", "--no-progress", *argv])


@pytest.fixture(scope="module")
def sample_run(tmp_path_factory):
    """`partnerlab run --only stakeholder_map due_diligence overview` on the sample (14 reports)."""
    out = tmp_path_factory.mktemp("sample") / "out"
    code = _run_cli("--workbook", str(_sample()), "--out", str(out), "--lang", "en", "--only", *SUBSET)
    return SimpleNamespace(code=code, out=out, manifest=json.loads((out / "manifest.json").read_text()))


def _strip_run_time(page: str) -> str:
    return re.sub(r'<span class="pl-run-time">.*?</span>', "", page, flags=re.S)


def _pngs(page: str) -> list[str]:
    return re.findall(r'src="data:image/png;base64,([^"]+)"', page)


def test_sample_subset_runs_every_fanned_out_report(sample_run):
    expected = [j.name for j in default_batch(load_workbook(_sample())) if j.report in SUBSET]
    reports = sample_run.manifest["reports"]
    assert sample_run.code == 0, [r for r in reports if r["status"] != "ok"]
    assert [r["name"] for r in reports] == expected
    # one stakeholder map per sector present in the sample, plus the whole portfolio
    assert len([n for n in expected if n.startswith("stakeholder_map")]) == 1 + len(
        set(load_workbook(_sample()).stakeholders["sector"].dropna())
    )
    assert all(r["status"] == "ok" for r in reports)
    for r in reports:
        assert (sample_run.out / f"{r['name']}.html").exists() and (sample_run.out / f"{r['name']}.ipynb").exists()


def test_sample_page_is_offline_and_shows_inputs(sample_run):
    page = (sample_run.out / "stakeholder_map.html").read_text()
    manifest = sample_run.manifest
    assert manifest["workbook"]["name"] in page
    reads = next(r["reads"] for r in manifest["reports"] if r["name"] == "stakeholder_map")
    assert {"partnerships", "stakeholders"} <= set(reads)
    fingerprint = DataDigests(load_workbook(_sample())).of(reads)[:16]  # the data the page read, not the file
    assert fingerprint in page and manifest["workbook"]["sha256"] not in page
    assert len(_pngs(page)) >= 2  # the grid and the sector bars, embedded
    assert not re.search(r'(src|href)="(https?:)?//', page)  # nothing loaded from another host
    for absent in ("require.js", "MathJax", "cdn.jsdelivr", "Report.open", "rpt.header()", "# Parameters"):
        assert absent not in page
    assert page.count('<span class="pl-run-time">') == 1


def test_sample_overview_links_the_other_reports(sample_run):
    page = (sample_run.out / "overview.html").read_text()
    for r in sample_run.manifest["reports"]:
        if r["report"] != "overview":
            assert f'href="{r["name"]}.html"' in page
    index = (sample_run.out / "index.html").read_text()
    assert all(f'href="{r["name"]}.html"' in index for r in sample_run.manifest["reports"])


def test_sample_findings_workbook(sample_run):
    import openpyxl

    book = openpyxl.load_workbook(sample_run.out / "findings.xlsx")
    kept = {k for r in sample_run.manifest["reports"] for k in r.get("kept", [])}
    assert len(book.sheetnames) == 1 + len(kept)  # a contents sheet, then one sheet per kind of table
    contents = book.worksheets[0]
    assert [c.value for c in contents[1]] == ["Sheet", "Table", "Reports", "Rows"]
    assert [row[0].value for row in contents.iter_rows(min_row=2)] == book.sheetnames[1:]
    for sheet in book.worksheets:
        header = [c.value for c in sheet[1]]
        assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref.startswith("A1:")
        assert all(h not in (None, "") for h in header), (sheet.title, header)  # no row-number column
        assert all(c.font.bold for c in sheet[1])
        assert not [c.coordinate for row in sheet.iter_rows() for c in row if c.data_type == "f"]
    crit = book["Critical group"]
    assert [c.value for c in crit[1]][:3] == ["Report", "Id", "Name"]  # kept by the map and the overview
    assert (crit.max_row - 1) % len(critical_group(load_workbook(_sample()).stakeholders)) == 0


def test_sample_same_inputs_same_pages(sample_run, tmp_path):
    # Two runs of real reports: identical pages apart from the run time, identical PNG bytes.
    names = ["stakeholder_map__civil_society", "due_diligence"]
    assert (
        _run_cli("--workbook", str(_sample()), "--out", str(tmp_path / "again"), "--lang", "en", "--only", *names) == 0
    )
    for name in names:
        first = (sample_run.out / f"{name}.html").read_text()
        second = (tmp_path / "again" / f"{name}.html").read_text()
        assert _pngs(first) and _pngs(first) == _pngs(second), name
        assert _strip_run_time(first) == _strip_run_time(second), name


@pytest.mark.slow
def test_default_batch_on_the_sample(tmp_path):
    out = tmp_path / "sample"
    code = _run_cli("--workbook", str(_sample()), "--out", str(out))
    manifest = json.loads((out / "manifest.json").read_text())
    failed = [(r["name"], r["error"]) for r in manifest["reports"] if r["status"] == "failed"]
    assert failed == [] and code == 0
    reports = {r["report"] for r in manifest["reports"] if r["status"] == "ok"}
    assert reports == {r.key for r in REPORTS}  # the sample has data for every report
    assert all((out / f"{r['name']}.html").exists() for r in manifest["reports"])


def test_overview_helpers(tmp_path):
    from partnerlab.report_catalogue import listing_html, portfolio_counts, read_listing

    counts = portfolio_counts(_fake_workbook())
    assert dict(zip(counts["sheet"], counts["records"]))["stakeholders"] == 3
    manifest = {
        "reports": [
            {"name": "network", "report": "network", "titles": {"en": "Network", "es": "Red"}, "status": "ok"},
            {
                "name": "quality",
                "report": "quality",
                "titles": {"en": "Quality", "es": "Calidad"},
                "status": "skipped",
                "notes": {"es": "Sin datos."},
            },
            {"name": "overview", "report": "overview", "titles": {"en": "Overview"}, "status": "running"},
        ]
    }
    path = tmp_path / "manifest.json"
    path.write_text(json.dumps(manifest))
    listing = read_listing(path)
    assert [r["name"] for r in listing] == ["network", "quality"]  # not itself
    html = listing_html(listing, "es")
    assert '<a href="network.html">Red</a>' in html
    assert "<td>Calidad</td><td>omitido</td><td>Sin datos.</td>" in html  # skipped: no link
