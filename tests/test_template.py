"""The blank template and the workbook writer: dropdowns, headers, instructions, text safety."""

import openpyxl
import pytest

from partnerlab import cli, schema, template, vocab
from partnerlab.workbook import check_workbook


@pytest.mark.parametrize("lang", ["en", "es", "pt"])
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


@pytest.mark.parametrize("lang", ["en", "es", "pt"])
def test_template_loads_empty_but_valid(tmp_path, lang):
    wb, problems = check_workbook(template.write_template(tmp_path / "t.xlsx", lang=lang))
    assert wb is not None, [str(p) for p in problems]
    assert len(wb.action_plan) == 49 and wb.stakeholders.empty


def test_filled_template_round_trip_in_spanish(tmp_path):
    data = {
        "stakeholders": [
            {
                "id": "SHCP",
                "name": "Secretaría de Hacienda y Crédito Público",
                "sector": "Gobierno federal",
                "scope": "Nacional",
                "states": ["CDMX"],
                "influence": 5,
                "interest": 4,
                "roles": ["Contraparte"],
                "partners": ["anuies"],
            },
            {"id": "ANUIES", "name": "ANUIES", "sector": "academia", "influence": 3, "interest": 5},
        ],
        "ties": [{"source": "SHCP", "target": "ANUIES", "kind": "Diálogo", "strength": 2}],
    }
    path = template.write_workbook(tmp_path / "filled.xlsx", data, lang="es")
    wb, problems = check_workbook(path)
    assert wb is not None, [str(p) for p in problems]
    row = wb.stakeholders.iloc[0]
    assert (row.sector, row.scope, row.states, row.roles, row.partners) == (
        "federal_government",
        "national",
        ["ciudad_de_mexico"],
        ["counterpart"],
        ["ANUIES"],
    )
    assert wb.ties.loc[0, "kind"] == "dialogue" and not wb.ties.loc[0, "directed"]


def test_text_never_becomes_a_formula(tmp_path):
    data = {
        "stakeholders": [
            {"id": "X1", "name": '=HYPERLINK("http://evil","x")', "sector": "other"},
            {"id": "X2", "name": "+1+1", "sector": "other"},
        ]
    }
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


def test_portuguese_template_speaks_portuguese_and_loads(tmp_path):
    # Sheet and column names, labels, Appendix texts and instructions: every word in Portuguese.
    path = template.write_template(tmp_path / "t_pt.xlsx", lang="pt")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames[:3] == ["instrucoes", "sobre", "atores"]
    assert book["instrucoes"]["A1"].value == "Pasta de trabalho de entrada do partnerlab"
    assert [c.value for c in book["atores"][1]][:3] == ["id", "nome", "setor"]
    assert (
        book["plano_acao"]["D2"].value == vocab.ACTIONS[0].label("pt")
        and book["plano_acao"]["G2"].value == "Não iniciada"
    )
    assert book["devida_diligencia"]["E1"].value.startswith("q01 Está legalmente constituída?")
    data = {
        "stakeholders": [
            {
                "id": "A",
                "name": "Ator A",
                "sector": "Sociedade civil",
                "scope": "Estadual",
                "roles": "Parceiro implementador; Doador",
            }
        ],
        "ties": [{"source": "A", "target": "A", "kind": "Financiamento", "directed": "Sim"}],
    }
    wb, problems = check_workbook(template.write_workbook(tmp_path / "filled_pt.xlsx", data, lang="pt"))
    assert wb is not None, [str(p) for p in problems]
    row = wb.stakeholders.iloc[0]
    assert (row.sector, row.scope, row.roles) == ("civil_society", "state", ["implementing_partner", "donor"])
    assert wb.about["language"] == "pt"


def test_cli_template_in_portuguese(tmp_path):
    assert cli.main(["template", str(tmp_path / "t.xlsx"), "--lang", "pt"]) == 0
    assert openpyxl.load_workbook(tmp_path / "t.xlsx").sheetnames[1] == "sobre"


def test_workbook_text_is_quoted_on_a_page_of_another_language():
    assert schema.quote_workbook_text("<b>Nota</b>", "es", "en") == (
        '<q class="pl-workbook-text" lang="es" title="Quoted from the workbook (Español)">&lt;b&gt;Nota&lt;/b&gt;</q>'
    )
    assert schema.quote_workbook_text("Nota", "es", "es") == "Nota"
    assert schema.quote_workbook_text("Nota", "es", "pt").startswith(
        '<q class="pl-workbook-text" lang="es" title="Citado da pasta de trabalho (Español)"'
    )
    assert schema.workbook_text_caption("es", "es") == ""
    assert "quoted from the workbook" in schema.workbook_text_caption("en", "es")
    assert schema.WORKBOOK_TEXT_CLASS in schema.WORKBOOK_TEXT_CSS
