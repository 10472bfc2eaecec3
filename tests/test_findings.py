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
HOSTILE = ["=HYPERLINK(\"http://evil\",\"x\")", "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\r=1",
           "=cmd|' /C calc'!A0"]


def _kept(df, name="critical_group", **kw):
    return KeptTable(name, df.to_json(orient="split", date_format="iso"), **kw)


def _write(tmp_path, *tables, lang="en"):
    path = write_findings(list(tables), tmp_path / "findings.xlsx", lang)
    return path, openpyxl.load_workbook(path)


def test_hostile_names_stay_text(tmp_path):
    df = pd.DataFrame({"name": HOSTILE, "n": range(len(HOSTILE))})
    path, book = _write(tmp_path, _kept(df))
    sheet = book["critical_group"]
    values = [sheet.cell(row=r, column=1).value for r in range(2, len(HOSTILE) + 2)]
    assert values == [h.replace("\r", "\n") for h in HOSTILE]  # XML reads a bare CR as LF
    for row in book["critical_group"].iter_rows():
        for cell in row:
            assert cell.data_type != "f"
    assert all(sheet.cell(row=r, column=1).quotePrefix for r in range(2, len(HOSTILE) + 2))
    with zipfile.ZipFile(path) as z:  # no formula element anywhere in the file
        assert not any("<f>" in z.read(n).decode() or "<f " in z.read(n).decode()
                       for n in z.namelist() if n.startswith("xl/worksheets/"))


@settings(max_examples=40, deadline=None)
@given(st.lists(st.text(min_size=1, max_size=12).map(lambda s: "=" + s), min_size=1, max_size=5))
def test_any_leading_equals_is_text(tmp_path_factory, names):
    tmp = tmp_path_factory.mktemp("hyp")
    _, book = _write(tmp, _kept(pd.DataFrame({"name": names}), "t"))
    cells = [c for row in book["t"].iter_rows(min_row=2) for c in row]
    assert all(c.data_type == "s" for c in cells)


def test_one_sheet_per_table_with_contents(tmp_path):
    a = pd.DataFrame({"id": ["S1"], "name": ["Alpha"]})
    tables = [_kept(a, report="stakeholder_map", title="Stakeholder map"),
              _kept(a, report="stakeholder_map__public", title="Stakeholder map: Public", params={"sector": "public"}),
              _kept(a, "late_actions", report="action_plan", title="Action plan")]
    _, book = _write(tmp_path, *tables, lang="es")
    assert book.sheetnames == ["Contenido", "critical_group (1)", "critical_group (2)", "late_actions"]
    contents = [[c.value for c in row] for row in book["Contenido"].iter_rows()]
    assert contents[0] == ["Hoja", "Informe", "Tabla", "Parámetros", "Filas"]
    assert contents[2] == ["critical_group (2)", "Stakeholder map: Public", "critical_group", "sector=public", 1]
    assert book["Contenido"]["A2"].hyperlink.location == "'critical_group (1)'!A1"


def test_header_frozen_filtered_and_sized(tmp_path):
    df = pd.DataFrame({"id": ["S1", "S2"], "mandate": ["x" * 300, "short"], "n": [1, 2]})
    _, book = _write(tmp_path, _kept(df))
    sheet = book["critical_group"]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:C3"
    assert all(c.font.bold for c in sheet[1])
    widths = {k: sheet.column_dimensions[k].width for k in "ABC"}
    assert widths["A"] == 8 and widths["B"] == 60  # clamped between the minimum and maximum


def test_dates_numbers_lists_and_blanks(tmp_path):
    df = pd.DataFrame({
        "assessed_on": pd.to_datetime(["2024-03-01", None]),
        "score": [2.5, float("nan")],
        "states": [["jalisco", "oaxaca"], []],
        "flag": [True, False],
    })
    _, book = _write(tmp_path, _kept(df))
    row2 = [c.value for c in book["critical_group"][2]]
    row3 = [c.value for c in book["critical_group"][3]]
    assert row2 == [dt.datetime(2024, 3, 1), 2.5, "jalisco; oaxaca", True]
    assert row3 == [None, None, None, False]
    assert book["critical_group"]["A2"].number_format == "yyyy-mm-dd"


@pytest.mark.parametrize("name, sheet", [
    ("a/b:c*d?[e]", "a b c d  e"),
    ("x" * 40, "x" * 31),
    ("'quoted'", "quoted"),
    ("Contents", "Contents (2)"),  # the contents sheet keeps its name
])
def test_sheet_names_are_valid(tmp_path, name, sheet):
    _, book = _write(tmp_path, _kept(pd.DataFrame({"a": [1]}), name))
    assert book.sheetnames[1] == sheet


def test_control_characters_are_dropped(tmp_path):
    _, book = _write(tmp_path, _kept(pd.DataFrame({"a": ["bell\x07 here"]})))
    assert book["critical_group"]["A2"].value == "bell here"


def test_named_index_becomes_a_column():
    df = pd.DataFrame({"n": [3, 1]}, index=pd.Index(["public", "academia"], name="sector"))
    header, rows = table_rows(df.to_json(orient="split"))
    assert header == ["", "n"] and rows == [["public", 3], ["academia", 1]]


def _nb_with_kept():
    keep = {"output_type": "display_data", "data": {KEEP_MIME: {"columns": ["a"], "index": [0], "data": [[1]]},
                                                    "text/plain": "t"},
            "metadata": {"partnerlab": {"keep": "tbl"}}}
    plain = {"output_type": "stream", "name": "stdout", "text": "hello"}
    return {"cells": [{"cell_type": "code", "outputs": [plain, keep]}, {"cell_type": "markdown"}]}


def test_collect_accepts_parsed_json():
    # nbformat hands JSON mime bundles back as dicts after a round trip
    [(name, data)] = collect_kept(_nb_with_kept())
    assert name == "tbl" and table_rows(data) == (["a"], [[1]])


def test_strip_kept():
    nb = strip_kept(_nb_with_kept())
    assert [o["output_type"] for o in nb["cells"][0]["outputs"]] == ["stream"]
