"""The corpus of broken and awkward workbooks (tests/corpus, written by scripts/make_corpus.py).

Every case must give exactly its expected lines from `partnerlab validate`, the expected exit
code (1 when any line is an error), no traceback, and write nothing.
"""

from __future__ import annotations

import importlib.util
import os
import tracemalloc
from pathlib import Path

import pytest

from partnerlab.cli import main
from partnerlab.workbook import LIMITS, check_workbook

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "corpus"
CASES = sorted(p.stem for p in CORPUS.glob("*.expected"))


def _make_corpus():
    spec = importlib.util.spec_from_file_location("make_corpus", ROOT / "scripts" / "make_corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _expected(name: str) -> tuple[int, list[str]]:
    lines = (CORPUS / f"{name}.expected").read_text(encoding="utf-8").splitlines()
    code = int(lines[0].removeprefix("# exit "))
    return code, [line for line in lines if not line.startswith("#")]


def _case_file(name: str) -> Path:
    return next(p for p in CORPUS.iterdir() if p.stem == name and p.suffix != ".expected")


def _validate(path: Path, capsys) -> tuple[int, list[str], str]:
    code = main(["validate", str(path)])
    out, err = capsys.readouterr()
    lines = [line for line in out.splitlines() if not line.startswith(f"{path.name}: usable (")]
    return code, lines, err


def _listing(folder: Path) -> dict[str, int]:
    return {str(p.relative_to(folder)): p.stat().st_mtime_ns for p in folder.rglob("*")}


def test_corpus_has_at_least_30_cases():
    assert len(CASES) >= 30
    assert set(CASES) == set(_make_corpus().CASES) - _make_corpus().BIG  # every case is committed


@pytest.mark.parametrize("name", CASES)
def test_case_gives_exactly_its_lines(name, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # anything written to the working folder would show here
    before = _listing(CORPUS)
    path = _case_file(name)
    code, lines, err = _validate(path, capsys)
    want_code, want = _expected(name)
    assert lines == [f"{path.name}: {line}" for line in want]
    assert code == want_code
    assert "Traceback" not in err
    assert _listing(CORPUS) == before
    assert list(tmp_path.iterdir()) == []


def test_every_error_line_says_what_was_expected():
    for name in CASES:
        for line in _expected(name)[1]:
            assert "expected " in line, (name, line)


def test_a_folder_and_a_missing_path_are_problems_not_tracebacks(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("book.xlsx").mkdir()
    code, lines, err = _validate(Path("book.xlsx"), capsys)
    assert (code, lines) == (1, ['book.xlsx: found "book.xlsx"; expected an .xlsx file, not a folder'])
    code, lines, err = _validate(Path("nothing.xlsx"), capsys)
    assert (code, lines) == (
        1,
        ['nothing.xlsx: found "nothing.xlsx"; expected an existing .xlsx file (the path does not exist)'],
    )
    assert "Traceback" not in err


def test_million_rows_refused_with_bounded_memory(tmp_path):
    path, want = _make_corpus().build("million_rows", tmp_path)
    tracemalloc.start()
    wb, problems = check_workbook(path)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert wb is None
    assert [str(p) for p in problems] == [f"{path.name}: {line}" for line in want]
    assert peak < 64 * 2**20  # counted at C speed before any row is kept
    print(f"million rows refused; Python peak {peak / 2**20:.1f} MB")


@pytest.mark.slow  # building the 1.1 GB bomb takes ~10 s; refusing it takes milliseconds
def test_zip_bomb_refused_without_unpacking(tmp_path):
    path, want = _make_corpus().build("zip_bomb", tmp_path)
    assert path.stat().st_size < 2 * 2**20
    tracemalloc.start()
    wb, problems = check_workbook(path)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert wb is None
    assert [str(p) for p in problems] == [f"{path.name}: {line}" for line in want]
    assert peak < 16 * 2**20


def test_unpacked_size_limit_applies_to_any_workbook(tmp_path, monkeypatch):
    """The limit is on the unpacked bytes of the whole file (lowered here to 4 kB)."""
    ok = tmp_path / "ok.xlsx"
    _make_corpus().save(ok, _make_corpus().minimal())
    assert check_workbook(ok)[0] is not None
    monkeypatch.setitem(LIMITS, "max_unzipped_bytes", 4096)
    wb, problems = check_workbook(ok)
    assert wb is None
    assert "(refused as a possible zip bomb)" in str(problems[0])


def test_macros_are_never_run(tmp_path):
    """The .xlsm case reads the data; nothing in the file is executed (no module imported,
    no process started): the loader only unzips XML parts."""
    path = _case_file("macro_enabled")
    wb, problems = check_workbook(path)
    assert wb is not None and len(wb.stakeholders) == 3
    assert [p.expected for p in problems] == ["a workbook without macros: the macros were ignored, never run"]


@pytest.mark.skipif(
    os.environ.get("PARTNERLAB_REBUILD_CORPUS") != "1",
    reason="set PARTNERLAB_REBUILD_CORPUS=1 to check the script rebuilds the same expectations",
)
def test_script_rebuilds_the_same_expectations(tmp_path):
    mc = _make_corpus()
    mc.main(tmp_path / "corpus")
    for name in CASES:
        assert (tmp_path / "corpus" / f"{name}.expected").read_text() == (CORPUS / f"{name}.expected").read_text()


# ---------------------------------------------------------------------------------------
# Nothing lost: raw files untouched, personal data in no output
# ---------------------------------------------------------------------------------------


def _hashes(folder: Path) -> dict[str, str]:
    import hashlib

    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_commands_leave_raw_files_byte_identical(tmp_path, capsys):
    from partnerlab import paths

    raw = _hashes(paths.DATA_RAW) if paths.DATA_RAW.exists() else {}
    corpus = _hashes(CORPUS)
    for name in CASES:
        main(["validate", str(_case_file(name)), "--annotate", str(tmp_path / f"{name}_marked.xlsx")])
    main(["template", str(tmp_path / "t.xlsx")])
    assert main(["template", str(paths.DATA_RAW / "new.xlsx")]) == 2  # data/raw is never written to
    capsys.readouterr()
    assert _hashes(CORPUS) == corpus
    assert (_hashes(paths.DATA_RAW) if paths.DATA_RAW.exists() else {}) == raw


def test_saved_parse_keeps_no_contact(tmp_path):
    from partnerlab.workbook import Workbook, load_workbook

    wb = load_workbook(_case_file("numbers_as_text"))
    assert wb.stakeholders["contact"].notna().any()
    folder = wb.save(tmp_path / "processed").parent
    assert b"ejemplo.invalid" not in (folder / "workbook.pkl").read_bytes()
    assert Workbook.load(folder).stakeholders["contact"].isna().all()
    assert wb.stakeholders["contact"].notna().any()  # the loaded workbook itself keeps it


@pytest.mark.slow  # runs the whole default batch (a few minutes on 2 cores)
def test_batch_outputs_hold_no_contact_and_raw_is_untouched(tmp_path, capsys):
    from partnerlab import paths
    from partnerlab.workbook import load_workbook
    from samples import portfolio

    book = tmp_path / "in" / "sample_portfolio.xlsx"
    book.parent.mkdir()
    portfolio.write_sample(book)
    contacts = [str(c) for c in load_workbook(book).stakeholders["contact"].dropna()]
    assert len(contacts) >= 10
    before_book, before_raw = _hashes(book.parent), _hashes(paths.DATA_RAW) if paths.DATA_RAW.exists() else {}
    processed_before = set(paths.DATA_PROCESSED.glob("*")) if paths.DATA_PROCESSED.exists() else set()
    out = tmp_path / "out"
    code = main(["run", "--workbook", str(book), "--out", str(out), "--no-progress"])
    capsys.readouterr()
    assert code == 0
    written = [p for p in out.rglob("*") if p.is_file()]
    written += [p for d in set(paths.DATA_PROCESSED.glob("*")) - processed_before for p in d.rglob("*") if p.is_file()]
    assert len(written) > 50
    leaks = [
        (str(p), c)
        for p in written
        for c in contacts
        if c.encode() in p.read_bytes() or c.encode("unicode_escape") in p.read_bytes()
    ]
    assert leaks == []
    assert _hashes(book.parent) == before_book
    assert (_hashes(paths.DATA_RAW) if paths.DATA_RAW.exists() else {}) == before_raw
