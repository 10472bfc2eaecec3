"""The annotated copy written by `partnerlab validate WORKBOOK --annotate OUT.xlsx`."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from partnerlab.annotate import ERROR_FILL, WARNING_FILL, annotate_workbook
from partnerlab.cli import main
from partnerlab.workbook import check_workbook

CORPUS = Path(__file__).resolve().parent / "corpus"


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def broken(tmp_path) -> Path:
    path = tmp_path / "unknown_references.xlsx"
    shutil.copy(CORPUS / "unknown_references.xlsx", path)
    return path


def test_every_problem_cell_is_filled_commented_and_linked(broken, tmp_path):
    _, problems = check_workbook(broken)
    out = annotate_workbook(broken, problems, tmp_path / "marked.xlsx")
    book = openpyxl.load_workbook(out)
    assert book.sheetnames[0] == "problems"
    listing = book["problems"]
    rows = list(listing.iter_rows(min_row=2, values_only=True))
    assert len(rows) == len(problems) == 8
    for p, row in zip(problems, rows):
        cell = book[p.sheet][p.cell]
        assert cell.fill.fgColor.rgb.endswith(ERROR_FILL.fgColor.rgb[-6:])
        assert p.expected in cell.comment.text and str(p.found) in cell.comment.text
        assert row[2:5] == (p.sheet, p.cell, p.column)
    link = listing["H2"].hyperlink
    assert link.location == "'stakeholders'!F3"
    assert book["stakeholders"]["F2"].fill.fgColor.rgb != ERROR_FILL.fgColor.rgb  # a clean cell stays clean


def test_the_original_is_untouched(broken, tmp_path, capsys):
    before = _sha(broken)
    code = main(["validate", str(broken), "--annotate", str(tmp_path / "out.xlsx")])
    assert code == 1  # the workbook still has errors
    assert (tmp_path / "out.xlsx").exists()
    assert _sha(broken) == before
    assert "wrote" in capsys.readouterr().err


def test_refuses_to_overwrite_the_workbook(broken):
    _, problems = check_workbook(broken)
    with pytest.raises(ValueError, match="must not overwrite"):
        annotate_workbook(broken, problems, broken)
    assert main(["validate", str(broken), "--annotate", str(broken)]) == 2


def test_warnings_are_yellow(tmp_path):
    path = CORPUS / "likely_duplicates.xlsx"
    _, problems = check_workbook(path)
    book = openpyxl.load_workbook(annotate_workbook(path, problems, tmp_path / "dups.xlsx"))
    assert book["stakeholders"]["B3"].fill.fgColor.rgb.endswith(WARNING_FILL.fgColor.rgb[-6:])
    assert "SHCP" in book["stakeholders"]["B4"].comment.text


def test_missing_column_marks_the_header_row(tmp_path):
    path = CORPUS / "missing_columns.xlsx"
    _, problems = check_workbook(path)
    book = openpyxl.load_workbook(annotate_workbook(path, problems, tmp_path / "cols.xlsx"))
    assert book["problems"]["H2"].hyperlink.location.endswith("1")
    assert "sector" in book["stakeholders"]["I1"].comment.text  # the last header cell of row 1


def test_unreadable_file_writes_no_copy(tmp_path, capsys):
    out = tmp_path / "bomb_marked.xlsx"
    assert main(["validate", str(CORPUS / "entity_bomb.xlsx"), "--annotate", str(out)]) == 1
    assert not out.exists()
    assert "no annotated copy" in capsys.readouterr().err


def test_listing_in_spanish(tmp_path):
    path = CORPUS / "spanish_names.xlsx"
    _, problems = check_workbook(path)
    book = openpyxl.load_workbook(annotate_workbook(path, problems, tmp_path / "es.xlsx"))  # Spanish sheet names
    assert book.sheetnames[0] == "problemas"
    assert book["problemas"]["C1"].value == "hoja"
    assert book["Actores"]["H3"].comment is not None


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext: .ci/install-system-packages.sh")
def test_a_spreadsheet_program_opens_the_annotated_copy(broken, tmp_path, libreoffice):
    """LibreOffice Calc (not only openpyxl) opens the copy: its PDF export shows the problems sheet first."""
    _, problems = check_workbook(broken)
    pdf = libreoffice(annotate_workbook(broken, problems, tmp_path / "marked.xlsx"), "pdf", tmp_path)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    first_page = text.split("\f")[0]
    for p in problems:  # every problem listed on the first page, with its sheet and cell
        assert p.cell in first_page and p.sheet in first_page
    assert str(problems[0].found) in first_page
