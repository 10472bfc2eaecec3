"""Real files, real faults (issue 10): the tables the loader gives for files as Excel,
LibreOffice and Google Forms really write them. tests/test_corpus.py checks the exact lines
of each case; these tests check the values behind the cases that are usable.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from partnerlab.workbook import _read_number, _show, check_workbook, load_workbook
from partnerlab.xlsx import CellError, Styled

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "corpus"


def _corpus():
    spec = importlib.util.spec_from_file_location("make_corpus", ROOT / "scripts" / "make_corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


make = _corpus()


def _book(tmp_path: Path, sheets: dict, **kwargs) -> Path:
    path = tmp_path / "book.xlsx"
    make.save(path, sheets, **kwargs)
    return path


# -- number formats ----------------------------------------------------------------------


def test_percent_progress_is_its_percentage(tmp_path):
    plan = [
        make.A_HEAD,
        ["1.2", "I", "a", "b", "in_progress", 0.4],
        ["1.3", "I", "a", "b", "in_progress", "55%"],
        ["1.4", "I", "a", "b", "done", 1],
        ["1.5", "I", "a", "b", "in_progress", 37.5],
    ]
    path = _book(tmp_path, make.minimal(action_plan=plan), formats={"action_plan": {"F2": "0%", "F4": "0.0%"}})
    wb = load_workbook(path)
    assert wb.action_plan["progress_pct"].tolist() == [40.0, 55.0, 100.0, 37.5]


def test_a_percent_format_in_quotes_is_not_a_percentage():
    assert not Styled(0.4, '0.0 "%"').is_percent
    assert Styled(0.4, "0.0%").shown() == "40.0%"


def test_action_codes_keep_their_trailing_zero_from_the_format(tmp_path):
    plan = [
        make.A_HEAD,
        [2.13, "II", "a", "b", "done", 100],
        [3.1, "III", "a", "b", "in_progress", 20],
        ["1.10", "I", "a", "b", "in_progress", 5],
        [1.2, "I", "a", "b", "in_progress", 5],
    ]
    path = _book(tmp_path, make.minimal(action_plan=plan), formats={"action_plan": {"A3": "0.00"}})
    assert load_workbook(path).action_plan["code"].tolist() == ["2.13", "3.10", "1.10", "1.2"]


@pytest.mark.parametrize(
    "text, decimal, value",
    [
        ("4,5", None, 4.5),
        ("12,75", None, 12.75),
        ("1,234.5", None, 1234.5),
        ("1.234,5", None, 1234.5),
        ("1,234,567", None, 1234567.0),
        ("1.234.567", None, 1234567.0),
        ("12 000", None, 12000.0),
        ("0,500", None, 0.5),
        ("0.500", None, 0.5),
        ("40%", None, 40.0),
        ("-3", None, -3.0),
        ("4,500", ".", 4500.0),
        ("4,500", ",", 4.5),
        ("1.200", ".", 1.2),
        ("1.200", ",", 1200.0),
        ("4,500", None, None),
        ("1.200", None, None),
        ("-1.200", None, None),
        ("abc", None, None),
    ],
)
def test_text_numbers_read_one_way_or_not_at_all(text, decimal, value):
    assert _read_number(text, decimal)[0] == value


def test_decimal_separator_settles_the_two_readings():
    wb = load_workbook(CORPUS / "decimal_separator_settles.xlsx")
    assert wb.survey_responses["P1"].tolist() == [4.5, 1200.0]
    assert wb.about["decimal_separator"] == ","


# -- headers, merges, blanks -------------------------------------------------------------


def test_headers_with_units_and_line_breaks_are_read():
    wb = load_workbook(CORPUS / "headers_with_units.xlsx")
    assert wb.stakeholders[["id", "influence", "interest"]].values.tolist() == [["ACT1", 4, 5]]


def test_vertical_merges_are_filled_for_every_row(tmp_path):
    rows = [
        make.S_HEAD[:4],
        ["ACT1", "Uno (ficticio)", "academia", "national"],
        ["ACT2", "Dos (ficticio)", None, "state"],
        ["ACT3", "Tres (ficticio)", None, None],
    ]
    path = _book(tmp_path, {"stakeholders": rows}, merged={"stakeholders": ["C2:C4", "D3:D4"]})
    wb = load_workbook(path)
    assert wb.stakeholders["sector"].tolist() == ["academia"] * 3
    assert wb.stakeholders["scope"].tolist() == ["national", "state", "state"]


def test_blank_optional_cells_are_none_never_nan(tmp_path):
    wb, problems = check_workbook(CORPUS / "blank_optional_cells.xlsx")
    assert wb is None and all("nan" not in str(p) for p in problems)
    book = openpyxl.load_workbook(CORPUS / "blank_optional_cells.xlsx")
    book["partnerships"]["A4"], book["partnerships"]["A5"] = "ALI3", "ALI4"
    book.save(tmp_path / "fixed.xlsx")
    p = load_workbook(tmp_path / "fixed.xlsx").partnerships
    assert p["lead"].tolist() == ["ACT1", None, None, None]
    assert p["members"].tolist() == [["ACT2"], [], [], []]
    assert p["type"].tolist()[1] is None and p["status"].tolist()[1] is None


def test_show_never_prints_nan_and_shows_invisible_characters():
    assert _show(float("nan")) == ""
    assert _show("ACT1\u200b") == "ACT1<U+200B>"
    assert _show(Styled(0.4, "0%")) == "40%"
    assert _show(CellError("#REF!")) == "#REF!"


def test_invisible_characters_are_removed_so_references_resolve():
    wb = load_workbook(CORPUS / "invisible_characters.xlsx")
    assert wb.stakeholders["id"].tolist() == ["ACT1", "ACT2", "ACT3"]
    assert wb.ties[["source", "target"]].values.tolist() == [["ACT1", "ACT2"]]
    assert len(wb.warnings) == 2


def test_totals_row_is_skipped():
    wb = load_workbook(CORPUS / "totals_row.xlsx")
    assert wb.stakeholders["id"].tolist() == ["ACT1", "ACT2", "ACT3"]


def test_a_stakeholder_called_total_is_a_record(tmp_path):
    rows = [make.S_HEAD, *make.S_ROWS, ["TOTAL", "Total Energías (ficticia)", "private_sector", "national"]]
    wb = load_workbook(_book(tmp_path, {"stakeholders": rows}))
    assert wb.stakeholders["id"].tolist() == ["ACT1", "ACT2", "ACT3", "TOTAL"]


def test_a_first_record_with_bad_cells_is_not_taken_for_a_description_row(tmp_path):
    """Only a row whose typed cells nearly all fail is named a header row: real data keeps its errors."""
    rows = [make.S_HEAD, ["ACT1", "Uno (ficticio)", "academia", "national", None, None, "alta", 5], *make.S_ROWS[1:]]
    lines = [str(p) for p in check_workbook(_book(tmp_path, {"stakeholders": rows}))[1]]
    assert lines == ['book.xlsx: stakeholders!G2 (influence): found "alta"; expected a whole number from 1 to 5']


# -- surveys -----------------------------------------------------------------------------


def test_google_forms_headers_and_checkboxes_with_commas():
    wb = load_workbook(CORPUS / "google_forms_headers.xlsx")
    r = wb.survey_responses
    assert r["P1"].tolist() == ["Sí", "No"]
    assert r["P2"].tolist() == [["Salud", "Agua, saneamiento"], ["Agua, saneamiento", "Educación"]]


# -- a real spreadsheet program ----------------------------------------------------------


@pytest.mark.slow
def test_libreoffice_keeps_percent_merges_and_codes(tmp_path, libreoffice):
    """LibreOffice writes its own styles.xml and merge records: the same tables come back."""
    plan = [make.A_HEAD, ["1.2", "I", "a", "b", "in_progress", 0.4], [3.1, "III", "a", "b", "in_progress", 0.25]]
    rows = [
        make.S_HEAD[:4],
        ["ACT1", "Uno (ficticio)", "academia", "national"],
        ["ACT2", "Dos (ficticio)", None, "state"],
    ]
    path = tmp_path / "in" / "book.xlsx"
    path.parent.mkdir()
    make.save(
        path,
        {"stakeholders": rows, "action_plan": plan},
        merged={"stakeholders": ["C2:C3"]},
        formats={"action_plan": {"F2": "0%", "F3": "0%", "A3": "0.00"}},
    )
    a = load_workbook(path)
    b = load_workbook(libreoffice(path, "xlsx:Calc MS Excel 2007 XML", tmp_path / "out"))
    assert b.action_plan["progress_pct"].tolist() == [40.0, 25.0]
    assert b.action_plan["code"].tolist() == ["1.2", "3.10"]
    assert b.stakeholders["sector"].tolist() == ["academia", "academia"]
    for key in ("stakeholders", "action_plan"):
        pd.testing.assert_frame_equal(a.tables[key], b.tables[key])
