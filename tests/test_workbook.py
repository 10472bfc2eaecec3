"""Unit tests of the workbook loader: one per kind of problem, asserting the message, and round trips."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from partnerlab import template
from partnerlab.workbook import LIMITS, Problem, Workbook, WorkbookError, check_workbook, load_workbook, split_list

S_HEAD = ["id", "name", "sector", "influence", "interest"]
S_ROWS = [
    ["A1", "Colectivo Uno (ficticio)", "civil_society", 4, 5],
    ["B2", "Empresa Dos (ficticia)", "private_sector", 2, 3],
]


def _write(folder: Path, sheets: dict[str, list[list]], name: str = "book.xlsx") -> Path:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        ws = book.create_sheet(title)
        for row in rows:
            ws.append(row)
    path = folder / name
    book.save(path)
    return path


def _lines(path: Path) -> list[str]:
    return [str(p) for p in check_workbook(path)[1]]


def _only(path: Path) -> str:
    lines = _lines(path)
    assert len(lines) == 1, lines
    return lines[0]


# -- the file ---------------------------------------------------------------------------


def test_missing_file(tmp_path):
    assert _only(tmp_path / "nope.xlsx").startswith("nope.xlsx: found ")
    assert _only(tmp_path / "nope.xlsx").endswith("expected an existing .xlsx file (the path does not exist)")


def test_not_an_xlsx(tmp_path):
    path = tmp_path / "list.xlsx"
    path.write_text("id;name\nA1;Uno\n", encoding="latin-1")
    assert _only(path) == (
        "list.xlsx: expected an .xlsx workbook: the file is a text/CSV file; open it in Excel and save it as .xlsx"
    )


def test_corrupt_file(tmp_path):
    good = _write(tmp_path, {"stakeholders": [S_HEAD, *S_ROWS]})
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(good.read_bytes()[:300])
    assert "the file is damaged" in _only(bad)


def test_load_workbook_raises_with_every_error(tmp_path):
    rows = [["A1", "Uno (ficticio)", "civil_society", 9, 0]]
    path = _write(tmp_path, {"stakeholders": [S_HEAD, *rows]})
    with pytest.raises(WorkbookError) as info:
        load_workbook(path)
    assert len(info.value.problems) == 2
    assert "D2 (influence)" in str(info.value) and "E2 (interest)" in str(info.value)


# -- sheets and columns -----------------------------------------------------------------


def test_missing_required_sheet(tmp_path):
    path = _write(tmp_path, {"Sheet1": [S_HEAD, *S_ROWS]})
    assert _only(path) == (
        'book.xlsx: stakeholders: expected a sheet named "stakeholders" (or "actores"); the workbook has: "Sheet1"'
    )


def test_missing_required_column(tmp_path):
    path = _write(tmp_path, {"stakeholders": [["id", "name"], ["A1", "Uno"]]})
    assert _only(path) == (
        'book.xlsx: stakeholders!1 (sector): expected a column "sector" in row 1 (row 1 holds "id", "name")'
    )


def test_header_not_in_row_1(tmp_path):
    path = _write(tmp_path, {"stakeholders": [[], ["Actores 2025"], S_HEAD, *S_ROWS]})
    assert _only(path) == (
        "book.xlsx: stakeholders!A1: expected the column headers in row 1; they are in row 3 "
        "(row 1 holds nothing): delete the rows above the headers"
    )


@pytest.mark.parametrize(
    "sheet, headers",
    [
        ("stakeholders", ["id", "name", "sector", "influence", "interest"]),
        ("Actores", ["ID", "Nombre", "SECTOR", "Influencia", "Interés"]),
        ("ACTORES", ["id", "NOMBRE", "Sector", "influencia", "interes"]),
        ("Actóres", ["I-D", "nom_bre", "sec tor", "INFLUÉNCIA", "INTERES"]),
    ],
)
def test_spanish_names_accents_and_case_ignored(tmp_path, sheet, headers):
    path = _write(tmp_path, {sheet: [headers, *S_ROWS]})
    wb, problems = check_workbook(path)
    assert problems == []
    assert wb.stakeholders["interest"].tolist() == [5, 3]
    assert wb.sheet_titles["stakeholders"] == sheet


# -- ids and references -----------------------------------------------------------------


def test_duplicate_ids(tmp_path):
    path = _write(tmp_path, {"stakeholders": [S_HEAD, *S_ROWS, ["a1", "Otro (ficticio)", "media"]]})
    assert _only(path) == (
        'book.xlsx: stakeholders!A4 (id): found "a1"; expected a unique id: row 2 already has it '
        "(ids are compared ignoring case, accents, spaces, hyphens and underscores)"
    )


def test_ids_differing_only_by_separators_are_duplicates(tmp_path):
    """ "SDSN-MX" and "sdsn_mx" are one id to a reader: the second is refused, not silently a new stakeholder."""
    path = _write(
        tmp_path,
        {
            "stakeholders": [
                S_HEAD,
                ["SDSN-MX", "Red Uno (ficticia)", "academia"],
                ["sdsn_mx", "Red Dos (ficticia)", "academia"],
            ]
        },
    )
    assert _only(path).startswith('book.xlsx: stakeholders!A3 (id): found "sdsn_mx"; expected a unique id: row 2')


def test_unknown_ids_in_references(tmp_path):
    ties = [["source", "target"], ["A1", "b2"], ["A1", "Z9"]]
    path = _write(tmp_path, {"stakeholders": [S_HEAD, *S_ROWS], "ties": ties})
    assert _only(path) == 'book.xlsx: ties!B3 (target): found "Z9"; expected an id from the stakeholders sheet'


def test_references_resolve_to_the_canonical_id(tmp_path):
    ties = [["source", "target"], ["a1", "b2"]]
    wb = load_workbook(_write(tmp_path, {"stakeholders": [S_HEAD, *S_ROWS], "ties": ties}))
    assert wb.ties[["source", "target"]].values.tolist() == [["A1", "B2"]]


# -- values -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value, line",
    [
        (7, 'stakeholders!D2 (influence): found "7"; expected a whole number from 1 to 5'),
        (0, 'stakeholders!D2 (influence): found "0"; expected a whole number from 1 to 5'),
        (2.5, 'stakeholders!D2 (influence): found "2.5"; expected a whole number from 1 to 5'),
        ("mucha", 'stakeholders!D2 (influence): found "mucha"; expected a whole number from 1 to 5'),
    ],
)
def test_out_of_range_numbers(tmp_path, value, line):
    path = _write(tmp_path, {"stakeholders": [S_HEAD, ["A1", "Uno (ficticio)", "academia", value, 3]]})
    assert _only(path) == f"book.xlsx: {line}"


@pytest.mark.parametrize("text", ["4", " 4 ", "4.0", "4\u00a0"])
def test_numbers_stored_as_text_are_accepted(tmp_path, text):
    wb = load_workbook(_write(tmp_path, {"stakeholders": [S_HEAD, ["A1", "Uno (ficticio)", "academia", text, 3]]}))
    assert wb.stakeholders["influence"].tolist() == [4]


def test_unknown_vocabulary_with_suggestion(tmp_path):
    path = _write(tmp_path, {"stakeholders": [S_HEAD, ["A1", "Uno (ficticio)", "Academya", 3, 3]]})
    assert _only(path).endswith('(did you mean "Academia"?)')
    assert 'found "Academya"; expected one of the sector vocabulary (' in _only(path)


@pytest.mark.parametrize(
    "written",
    ["civil_society", "Civil society", "Sociedad civil", "SOCIEDAD CIVIL", "sociedad_civil", "Sociedad\u00a0civil"],
)
def test_labels_or_keys(tmp_path, written):
    wb = load_workbook(_write(tmp_path, {"stakeholders": [S_HEAD, ["A1", "Uno (ficticio)", written, 3, 3]]}))
    assert wb.stakeholders["sector"].tolist() == ["civil_society"]


def test_semicolon_lists(tmp_path):
    head = ["id", "name", "sector", "roles", "states", "partners"]
    rows = [
        [
            "A1",
            "Uno (ficticio)",
            "academia",
            "Donante; knowledge_partner;; donor",
            "cdmx; Oaxaca ;Nuevo León",
            "B2, A1",
        ],
        ["B2", "Dos (ficticio)", "media", None, None, None],
    ]
    wb = load_workbook(_write(tmp_path, {"stakeholders": [head, *rows]}))
    first = wb.stakeholders.iloc[0]
    assert first["roles"] == ["donor", "knowledge_partner"]  # duplicates dropped, order kept
    assert first["states"] == ["ciudad_de_mexico", "oaxaca", "nuevo_leon"]
    assert first["partners"] == ["B2", "A1"]  # ids may also be separated by ","
    assert wb.stakeholders.iloc[1]["roles"] == []


def test_split_list():
    assert split_list("a; b;;c ") == ["a", "b", "c"]
    assert split_list("a, b") == ["a, b"]
    assert split_list("a, b", ids_only=True) == ["a", "b"]
    assert split_list(None) == []


def test_yes_no_parsing_blank_is_never_no(tmp_path):
    head = ["stakeholder", "assessed_on", *(f"q{i:02d}" for i in range(1, 12))]
    answers = ["Sí", "si", "Y", "TRUE", 1, "No", "n", "FALSE", 0, None, "  "]
    path = _write(
        tmp_path,
        {"stakeholders": [S_HEAD, *S_ROWS], "due_diligence": [head, ["A1", dt.datetime(2024, 5, 1), *answers]]},
    )
    wb = load_workbook(path)
    row = wb.due_diligence.iloc[0]
    assert [row[f"q{i:02d}"] for i in range(1, 10)] == [True] * 5 + [False] * 4
    assert pd.isna(row["q10"]) and pd.isna(row["q11"])  # blank: not answered, never False
    assert str(wb.due_diligence["q10"].dtype) == "boolean"
    assert row["assessed_on"] == pd.Timestamp(2024, 5, 1)


def test_yes_no_rejects_other_words(tmp_path):
    head = ["stakeholder", "assessed_on", "q05"]
    path = _write(tmp_path, {"stakeholders": [S_HEAD, *S_ROWS], "due_diligence": [head, ["A1", "2024-05-01", "quizá"]]})
    assert _only(path) == (
        'book.xlsx: due_diligence!C2 (q05): found "quizá"; expected Yes or No (also Sí, Si, Y, N, '
        "TRUE, FALSE, 1, 0); blank means not answered"
    )


def test_dates_in_day_month_year_are_refused_with_the_fix(tmp_path):
    """Decision (issue 7): text dates in day/month/year are not guessed, even when unambiguous:
    "05/03/2024" is 5 March in Mexico and 3 May in the US. The message gives the ISO text."""
    head = ["stakeholder", "assessed_on"]
    path = _write(tmp_path, {"stakeholders": [S_HEAD, *S_ROWS], "due_diligence": [head, ["A1", "31/03/2024"]]})
    assert _only(path) == (
        'book.xlsx: due_diligence!B2 (assessed_on): found "31/03/2024"; expected a date (an Excel '
        "date or ISO text such as 2024-03-31): day/month/year text is not read; type 2024-03-31 "
        "or enter it as an Excel date"
    )


def test_nfd_and_nbsp_in_headers_and_values(tmp_path):
    head = ["id\u00a0", "nombre", "sector", "influencia", "intere\u0301s"]
    rows = [["A1\u00a0", "Fundacio\u0301n\u00a0Uno (ficticia)", "Gobierno\u00a0federal", 3, 3]]
    wb, problems = check_workbook(_write(tmp_path, {"acto\u0301res": [head, *rows]}))
    assert problems == []
    assert wb.stakeholders.iloc[0][["id", "name", "sector"]].tolist() == [
        "A1",
        "Fundación Uno (ficticia)",
        "federal_government",
    ]


# -- hostile input ----------------------------------------------------------------------


def test_openpyxl_uses_defusedxml():
    """openpyxl parses with defusedxml when installed (it is a dependency); our own reader
    refuses any DTD outright (tests/corpus/entity_bomb)."""
    from openpyxl.xml import DEFUSEDXML

    assert DEFUSEDXML is True


def test_row_limit(tmp_path, monkeypatch):
    path = _write(tmp_path, {"stakeholders": [S_HEAD, *S_ROWS]})
    monkeypatch.setitem(LIMITS, "max_rows", 1)  # data rows; row 1 holds the headers
    assert _only(path) == (
        'book.xlsx: expected at most 1 rows in sheet "stakeholders" (it has 3 by its dimension A1:E3)'
    )


def test_the_ties_sheet_has_a_limit_of_its_own(tmp_path, monkeypatch):
    """A registry's ties fill a sheet to Excel's maximum; every other sheet keeps max_rows."""
    ties = [["source", "target"], ["A1", "B2"], ["B2", "A1"], ["A1", "B2"]]
    monkeypatch.setitem(LIMITS, "max_rows", 2)
    monkeypatch.setitem(LIMITS, "max_rows_by_sheet", {"ties": 3})
    wb = load_workbook(_write(tmp_path, {"stakeholders": [S_HEAD, *S_ROWS], "vinculos": ties}))
    assert len(wb.ties) == 3  # the Spanish title too
    monkeypatch.setitem(LIMITS, "max_rows_by_sheet", {"ties": 2})
    assert _only(_write(tmp_path, {"stakeholders": [S_HEAD, *S_ROWS], "ties": ties}, "two.xlsx")) == (
        'two.xlsx: expected at most 2 rows in sheet "ties" (it has 4 by its dimension A1:B4)'
    )


def test_problem_line_format():
    p = Problem("b.xlsx", "stakeholders", "F14", "influence", 7, "a whole number from 1 to 5")
    assert str(p) == 'b.xlsx: stakeholders!F14 (influence): found "7"; expected a whole number from 1 to 5'
    w = Problem("b.xlsx", "ties", "", "", None, "a visible sheet", "warning")
    assert str(w) == "b.xlsx: warning: ties: expected a visible sheet"


def test_saved_workbook_loads_back(tmp_path):
    wb = load_workbook(_write(tmp_path, {"stakeholders": [S_HEAD, *S_ROWS]}))
    back = Workbook.load(wb.save(tmp_path / "cache").parent)
    pd.testing.assert_frame_equal(back.stakeholders, wb.stakeholders)


# -- round trip: template -> filled -> loaded -------------------------------------------

DATA = {
    "stakeholders": [
        {
            "id": "ACT1",
            "name": "Fundación Ejemplo (ficticia)",
            "sector": "civil_society",
            "scope": "national",
            "states": ["Oaxaca", "CDMX"],
            "partners": ["ACT2"],
            "influence": 4,
            "interest": 5,
            "roles": ["donor", "champion"],
            "contact": "ana@ejemplo.invalid",
        },
        {"id": "ACT2", "name": "Empresa Modelo (ficticia)", "sector": "private_sector", "influence": 2, "interest": 1},
    ],
    "ties": [{"source": "ACT1", "target": "ACT2", "kind": "funding", "strength": 3, "since": 2020}],
    "partnerships": [
        {
            "id": "ALI1",
            "name": "Alianza (ficticia)",
            "type": "implementation",
            "lead": "ACT1",
            "members": ["ACT2"],
            "sdgs": [5, 16],
            "actions": ["2.13"],
            "start": dt.date(2024, 1, 15),
            "status": "active",
        }
    ],
    "due_diligence": [{"stakeholder": "ACT2", "assessed_on": dt.date(2024, 5, 1), "q01": True, "q05": False}],
    "quality_assessment": [{"partnership": "ALI1", "assessed_on": dt.date(2024, 6, 1), "transparency": 2}],
    "survey_questions": [{"question": "P1", "theme": "dialogue", "type": "choice", "options": ["Sí", "No"]}],
    "survey_responses": [{"respondent": "R1", "sector": "academia", "P1": "No"}],
}


@pytest.mark.parametrize("lang", ["en", "es"])
def test_template_filled_and_loaded(tmp_path, lang):
    path = template.write_workbook(tmp_path / f"filled_{lang}.xlsx", DATA, lang=lang, about={"portfolio": "Prueba"})
    wb, problems = check_workbook(path)
    assert [p for p in problems if p.is_error] == []
    s = wb.stakeholders
    assert s["id"].tolist() == ["ACT1", "ACT2"]
    assert s.iloc[0]["states"] == ["oaxaca", "ciudad_de_mexico"]
    assert s.iloc[0]["roles"] == ["donor", "champion"]
    assert s["influence"].tolist() == [4, 2]
    assert wb.ties.iloc[0][["kind", "directed", "strength", "since"]].tolist() == ["funding", True, 3, 2020]
    p = wb.partnerships.iloc[0]
    assert (p["lead"], p["members"], p["sdgs"], p["actions"]) == ("ACT1", ["ACT2"], [5, 16], ["2.13"])
    assert p["start"] == pd.Timestamp(2024, 1, 15)
    dd = wb.due_diligence.iloc[0]
    assert (dd["q01"], dd["q05"]) == (True, False) and pd.isna(dd["q02"])
    assert wb.quality_assessment.iloc[0]["transparency"] == 2
    assert wb.survey_responses.iloc[0]["P1"] == "No"
    assert len(wb.action_plan) == 0
    assert wb.about["language"] == lang and wb.about["portfolio"] == "Prueba"


@pytest.mark.parametrize("lang", ["en", "es"])
def test_blank_template_loads_with_the_action_plan(tmp_path, lang):
    wb, problems = check_workbook(template.write_template(tmp_path / "t.xlsx", lang=lang))
    assert problems == []
    assert len(wb.action_plan) == 49 and wb.stakeholders.empty


@pytest.mark.slow
def test_a_workbook_saved_by_libreoffice_loads_the_same(tmp_path, libreoffice):
    """Another writer (shared strings, styles, dimensions, dates as styled numbers) gives the same tables."""
    path = template.write_workbook(tmp_path / "in" / "book.xlsx", DATA, lang="es")
    a, b = load_workbook(path), load_workbook(libreoffice(path, "xlsx:Calc MS Excel 2007 XML", tmp_path / "out"))
    for key in a.tables:
        pd.testing.assert_frame_equal(a.tables[key], b.tables[key])
    assert a.about == b.about
