"""The blank template and the workbook writer: dropdowns, headers, instructions, text safety."""

import openpyxl
import pytest

from partnerlab import cli, schema, template, vocab
from partnerlab.workbook import check_workbook


@pytest.mark.parametrize("lang", ["en", "es"])
def test_template_layout(tmp_path, lang):
    path = template.write_template(tmp_path / f"t_{lang}.xlsx", lang=lang)
    book = openpyxl.load_workbook(path)
    sheet_names = [s.name(lang) for s in schema.SHEETS]
    assert book.sheetnames[1:] == sheet_names  # instructions first
    ws = book[schema.sheet("due_diligence").name(lang)]
    headers = [c.value for c in ws[1]]
    assert headers[4].startswith("q01 ") and headers[22].startswith("q19 ")
    assert vocab.DUE_DILIGENCE_QUESTIONS[0].label(lang) in headers[4]
    assert ws.freeze_panes == "B2"
    stakeholders = book[schema.sheet("stakeholders").name(lang)]
    lists = [dv for dv in stakeholders.data_validations.dataValidation if dv.type == "list"]
    sector_list = next(dv for dv in lists if "C2" in str(dv.sqref).split(":")[0])
    assert vocab.SECTORS.label("civil_society", lang) in sector_list.formula1
    plan = book[schema.sheet("action_plan").name(lang)]
    assert plan.max_row == 1 + 49
    assert plan["A2"].value == "1.1" and plan["A50"].value == "3.10"


@pytest.mark.parametrize("lang", ["en", "es"])
def test_template_loads_empty_but_valid(tmp_path, lang):
    wb, problems = check_workbook(template.write_template(tmp_path / "t.xlsx", lang=lang))
    assert wb is not None, [str(p) for p in problems]
    assert len(wb.action_plan) == 49 and wb.stakeholders.empty


def test_filled_template_round_trip_in_spanish(tmp_path):
    data = {
        "stakeholders": [
            {"id": "SHCP", "name": "Secretaría de Hacienda y Crédito Público", "sector": "Gobierno federal",
             "scope": "Nacional", "states": ["CDMX"], "influence": 5, "interest": 4, "roles": ["Contraparte"],
             "partners": ["anuies"]},
            {"id": "ANUIES", "name": "ANUIES", "sector": "academia", "influence": 3, "interest": 5},
        ],
        "ties": [{"source": "SHCP", "target": "ANUIES", "kind": "Diálogo", "strength": 2}],
    }
    path = template.write_workbook(tmp_path / "filled.xlsx", data, lang="es")
    wb, problems = check_workbook(path)
    assert wb is not None, [str(p) for p in problems]
    row = wb.stakeholders.iloc[0]
    assert (row.sector, row.scope, row.states, row.roles, row.partners) == (
        "federal_government", "national", ["ciudad_de_mexico"], ["counterpart"], ["ANUIES"])
    assert wb.ties.loc[0, "kind"] == "dialogue" and not wb.ties.loc[0, "directed"]


def test_text_never_becomes_a_formula(tmp_path):
    data = {"stakeholders": [{"id": "X1", "name": "=HYPERLINK(\"http://evil\",\"x\")", "sector": "other"},
                             {"id": "X2", "name": "+1+1", "sector": "other"}]}
    path = template.write_workbook(tmp_path / "inj.xlsx", data)
    ws = openpyxl.load_workbook(path)["stakeholders"]
    assert ws["B2"].data_type == "s" and ws["B3"].data_type == "s"
    wb, _ = check_workbook(path)
    assert wb.stakeholders["name"].tolist()[0].startswith("=HYPERLINK")


def test_cli_template_refuses_to_overwrite_and_writes_nothing_in_raw(tmp_path, capsys):
    out = tmp_path / "t.xlsx"
    assert cli.main(["template", str(out)]) == 0
    assert cli.main(["template", str(out)]) == 2
    assert "exists" in capsys.readouterr().err
    assert cli.main(["template", str(tmp_path / "t.csv")]) == 2
