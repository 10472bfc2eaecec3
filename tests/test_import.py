"""Tests for partnerlab/importers.py and `partnerlab import`: each format on small files laid out as
the tool documents its export, the round trip export -> import, and hostile files."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from partnerlab import exports, importers, paths
from partnerlab.cli import main
from partnerlab.network import build_tie_graph
from partnerlab.workbook import check_workbook, load_workbook

STAKEHOLDER_COLUMNS = ["id", "name", "sector", "scope", "states", "influence", "interest"]


def _write_csv(path: Path, rows: list[list]) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(rows)
    return path


def _write_xlsx(path: Path, sheets: dict[str, list[list]]) -> Path:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        ws = book.create_sheet(title)
        for r in rows:
            ws.append(r)
        for cells in ws.iter_rows():
            for cell in cells:
                if isinstance(cell.value, str):
                    cell.data_type = "s"  # text typed by a person stays text, as exporting tools write it
    book.save(path)
    return path


def _import(tmp_path: Path, *args: str) -> tuple[int, Path]:
    out = tmp_path / "imported.xlsx"
    code = main(["import", *args, "--out", str(out)])
    return code, out


def _ties(wb) -> set[tuple]:
    """The ties as the reports see them: (pair or arc, is_directed, strength, kinds)."""
    t = exports.tie_table(build_tie_graph(wb))
    return {
        ((s, d) if directed else tuple(sorted((s, d))), directed, strength, kinds)
        for s, d, directed, strength, kinds in zip(
            t["source"], t["target"], t["is_directed"], t["strength"], t["kinds"]
        )
    }


def _stakeholders(wb, columns: list[str]) -> list[tuple]:
    df = wb.stakeholders.set_index("id", drop=False).sort_index()
    return [
        tuple(tuple(v) if isinstance(v, list) else (None if pd.isna(v) else v) for v in rec)
        for rec in df[columns].itertuples(index=False)
    ]


# ---------------------------------------------------------------------------------------
# Round trip: export, then import, gives back the same stakeholders and ties
# ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sample_exports(tmp_path_factory):
    folder = tmp_path_factory.mktemp("exports")
    wb = load_workbook(paths.SAMPLE_WORKBOOK)
    exports.write_exports(wb, folder, "es")
    return wb, folder


def test_round_trip_through_kumu_xlsx(sample_exports, tmp_path):
    wb, folder = sample_exports
    code, out = _import(tmp_path, str(folder / "kumu.xlsx"), "--lang", "es")
    assert code == 0
    back = load_workbook(out)
    cols = STAKEHOLDER_COLUMNS + ["mandate", "roles"]
    assert _stakeholders(back, cols) == _stakeholders(wb, cols)
    assert _ties(back) == _ties(wb)
    assert len(_ties(wb)) > 300  # the sample's network, every pair


def test_round_trip_through_gephi_csvs(sample_exports, tmp_path):
    wb, folder = sample_exports
    code, out = _import(tmp_path, str(folder / "gephi_nodes.csv"), str(folder / "gephi_edges.csv"))
    assert code == 0
    back = load_workbook(out)
    assert _stakeholders(back, STAKEHOLDER_COLUMNS) == _stakeholders(wb, STAKEHOLDER_COLUMNS)
    assert _ties(back) == _ties(wb)


def test_round_trip_keeps_formula_like_text_as_typed(tmp_path):
    """A name like =HYPERLINK(...) and a mandate like "-2 and @SUM(A1)" come back exactly: the XLSX keeps the
    text with a quote prefix, the CSV's leading ' is removed on import."""
    from test_export import EVIL, small_workbook

    wb = load_workbook(small_workbook(tmp_path))
    exports.write_exports(wb, tmp_path / "data")
    code, out = _import(tmp_path, str(tmp_path / "data" / "kumu.xlsx"))
    assert code == 0
    back = load_workbook(out)
    assert _stakeholders(back, ["id", "name", "mandate"]) == _stakeholders(wb, ["id", "name", "mandate"])
    assert EVIL in set(back.stakeholders["name"])
    assert "contact" not in back.stakeholders.columns or back.stakeholders["contact"].isna().all()
    out2 = tmp_path / "gephi.xlsx"
    assert (
        main(
            [
                "import",
                str(tmp_path / "data" / "gephi_nodes.csv"),
                str(tmp_path / "data" / "gephi_edges.csv"),
                "--out",
                str(out2),
            ]
        )
        == 0
    )
    assert EVIL in set(load_workbook(out2).stakeholders["name"]) and _ties(load_workbook(out2)) == _ties(wb)


# ---------------------------------------------------------------------------------------
# Each format, on files laid out as the tool documents its export
# ---------------------------------------------------------------------------------------


def test_kumu_spreadsheet(tmp_path, capsys):
    """Kumu's spreadsheet import (docs.kumu.io, "Import from spreadsheet"): a sheet "Elements" with the
    columns "Label" (required), "Type", "Description", "Tags" (several tags separated by "|"), any other
    column a custom field; a sheet "Connections" with "From" and "To" (element labels) and "Type"."""
    src = _write_xlsx(
        tmp_path / "kumu.xlsx",
        {
            "Elements": [
                ["Label", "Type", "Description", "Tags", "Influence"],
                ["Secretaría de Hacienda (SHCP)", "Gobierno federal", "Public finance", "Counterpart|VIP", 5],
                ["Fundación Sur", "NGO", None, "Donor", 9],
                ["Ana Pérez", "Person", None, None, None],
            ],
            "Connections": [
                ["From", "To", "Type"],
                ["Fundación Sur", "Secretaría de Hacienda (SHCP)", "Funding|Dialogue"],
                ["Ana Pérez", "Fundación Sur", "friendship"],
                ["Ana Pérez", "Somebody New", None],
            ],
        },
    )
    code, out = _import(tmp_path, str(src))
    printed = capsys.readouterr().out
    assert code == 0
    wb = load_workbook(out)
    st = wb.stakeholders.set_index("name")
    assert st.at["Secretaría de Hacienda (SHCP)", "id"] == "SHCP"  # the acronym in brackets
    assert st.at["Secretaría de Hacienda (SHCP)", "sector"] == "federal_government"
    assert st.at["Secretaría de Hacienda (SHCP)", "roles"] == ["counterpart"]
    assert st.at["Fundación Sur", "sector"] == "civil_society"  # "NGO" is an alias of the vocabulary
    assert st.at["Ana Pérez", "sector"] == "other" and st.at["Somebody New", "sector"] == "other"
    assert pd.isna(st.at["Fundación Sur", "influence"])  # 9 is not 1-5: not imported, reported
    kinds = sorted(wb.ties["kind"])
    assert kinds == ["dialogue", "funding", "other", "partnership"]
    assert '"Person" (1)' in printed and '"VIP" (1)' in printed and '"friendship" (1)' in printed
    assert '"9" (1)' in printed and "Somebody New" in printed


def test_kumu_json_both_shapes(tmp_path):
    """Kumu's JSON: {"elements": [...], "connections": [...]}; the import format puts fields on the element
    ("label", "type", "tags" a list), Kumu's own export nests them in "attributes" ("label",
    "element type", "connection type") and connections refer to elements by "_id"."""
    flat = {
        "elements": [
            {"label": "UNAM", "type": "Academia", "tags": ["Knowledge partner"]},
            {"label": "GIZ", "type": "Donors"},
        ],
        "connections": [{"from": "GIZ", "to": "UNAM", "type": "Funding", "direction": "directed"}],
    }
    nested = {
        "elements": [
            {"_id": "e1", "attributes": {"label": "UNAM", "element type": "Academia"}},
            {"_id": "e2", "attributes": {"label": "GIZ", "element type": "Donors"}},
        ],
        "connections": [
            {
                "_id": "c1",
                "from": "e2",
                "to": "e1",
                "attributes": {"connection type": "Funding", "direction": "directed"},
            }
        ],
    }
    for n, doc in enumerate((flat, nested)):
        src = tmp_path / f"kumu{n}.json"
        src.write_text(json.dumps(doc), encoding="utf-8")
        result = importers.import_sources([src])
        assert result.fmt == "kumu"
        assert [(s["id"], s["sector"]) for s in result.data["stakeholders"]] == [
            ("UNAM", "Academia"),
            ("GIZ", "Donors and international cooperation"),
        ]
        assert result.data["ties"] == [
            {"source": "GIZ", "target": "UNAM", "strength": None, "kind": "Funding", "directed": True}
        ]


def test_gephi_nodes_and_edges(tmp_path, capsys):
    """Gephi's spreadsheet import (Data Laboratory > Import Spreadsheet): a nodes table with "Id", "Label"
    and attribute columns; an edges table with "Source", "Target", "Type" (Directed/Undirected), "Weight"."""
    nodes = _write_csv(
        tmp_path / "nodes.csv",
        [
            ["Id", "Label", "sector", "Modularity Class"],
            ["1", "UNAM", "Academia", "0"],
            ["2", "GIZ", "Donors", "1"],
            ["3", "CCE", "private", "0"],
        ],
    )
    edges = _write_csv(
        tmp_path / "edges.csv",
        [
            ["Source", "Target", "Type", "Id", "Weight"],
            ["1", "2", "Undirected", "0", "7.5"],
            ["2", "3", "Directed", "1", "1.0"],
        ],
    )
    code, out = _import(tmp_path, str(nodes), str(edges))
    assert code == 0
    wb = load_workbook(out)
    assert list(wb.stakeholders["sector"]) == ["academia", "international_cooperation", "private_sector"]
    assert list(wb.ties["strength"]) == [3, 1]  # 7.5 clipped to 3
    assert list(wb.ties["note"]) == ["weight in the source: 7.5", None]
    assert list(wb.ties["directed"]) == [False, True]
    printed = capsys.readouterr().out
    assert "rounded and clipped to 1-3" in printed and "Modularity Class" in printed


def test_plain_edge_list(tmp_path):
    """A two-column edge list with no header (the simplest export of most tools)."""
    src = _write_csv(tmp_path / "edges.csv", [["A", "B"], ["B", "C"], ["C", "A"]])
    code, out = _import(tmp_path, str(src))
    assert code == 0
    wb = load_workbook(out)
    assert sorted(wb.stakeholders["id"]) == ["A", "B", "C"] and len(wb.ties) == 3


def google_forms_rows() -> list[list]:
    """Google Forms' responses CSV (Responses > Download responses): "Timestamp" first, one column per
    question with its full text as header, checkbox answers joined by ", "."""
    return [
        [
            "Timestamp",
            "Email Address",
            "¿A qué sector pertenece su organización?",
            "¿Cuánto confía en sus aliados? (1-5)",
            "¿Qué espacios de diálogo usa?",
            "¿Tiene un área de alianzas?",
            "Comentarios",
        ],
        [
            "2024/03/01 10:00:00 a. m. GMT-6",
            "a@example.org",
            "Sociedad civil",
            "4",
            "Talleres, Mesas de diálogo",
            "Sí",
            "Nada, gracias",
        ],
        ["2024/03/01 11:00:00 a. m. GMT-6", "b@example.org", "Academia", "5", "Mesas de diálogo", "No", ""],
        [
            "2024/03/02 09:00:00 a. m. GMT-6",
            "c@example.org",
            "Sector privado",
            "2",
            "Foros, Talleres",
            "Sí",
            '=HYPERLINK("x")',
        ],
        ["2024/03/02 09:30:00 a. m. GMT-6", "d@example.org", "Sociedad civil", "", "", "No sé", "Más apoyo"],
    ]


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_google_forms(tmp_path, capsys, kind):
    """The CSV download, and the XLSX a Spanish-language Google Sheet downloads ("Marca temporal" as dates)."""
    if kind == "csv":
        src = _write_csv(tmp_path / "respuestas.csv", google_forms_rows())
    else:
        rows = google_forms_rows()
        rows[0][0] = "Marca temporal"
        for r in rows[1:]:
            r[0] = pd.Timestamp("2024-03-01 10:00").to_pydatetime()
        src = _write_xlsx(tmp_path / "respuestas.xlsx", {"Respuestas de formulario 1": rows})
    code, out = _import(tmp_path, str(src), "--lang", "es")
    assert code == 0
    wb = load_workbook(out)
    q = wb.survey_questions.set_index("question")
    assert list(q["type"]) == ["scale", "multi", "choice", "text"]
    assert q.at["q01", "options"] == ["1", "2", "3", "4", "5"]
    assert q.at["q02", "options"] == ["Talleres", "Mesas de diálogo", "Foros"]  # order of appearance
    assert q.at["q03", "options"] == ["Sí", "No", "No sé"]
    r = wb.survey_responses
    assert list(r["sector"]) == ["civil_society", "academia", "private_sector", "civil_society"]
    assert r.loc[0, "q02"] == ["Talleres", "Mesas de diálogo"]
    assert r.loc[2, "q04"] == '=HYPERLINK("x")'  # data, not a formula
    assert not wb.has("stakeholders")
    printed = capsys.readouterr().out
    assert "datos personales, no se importan" in printed and "a@example.org" not in out.read_bytes().decode("latin-1")
    assert "q01 scale (opciones: 1; 2; 3; 4; 5)" in printed  # the review speaks --lang


def test_google_forms_without_a_sector_question_says_so(tmp_path, capsys):
    rows = [[c for i, c in enumerate(r) if i != 2] for r in google_forms_rows()]
    code, out = _import(tmp_path, str(_write_csv(tmp_path / "r.csv", rows)))
    assert code == 2 and not out.exists()
    assert "no question whose answers are sectors" in capsys.readouterr().err


def test_kobo_with_split_select_multiple(tmp_path):
    """KoboToolbox XLSX export (Data > Downloads, XLS): metadata columns (start, end, _id, _uuid,
    _submission_time, _index), a select_multiple as space-separated XML values, followed by one column
    per option named "question/option" holding 1 or 0."""
    src = _write_xlsx(
        tmp_path / "kobo.xlsx",
        {
            "Form": [
                [
                    "start",
                    "end",
                    "sector",
                    "espacios",
                    "espacios/talleres",
                    "espacios/foros",
                    "confianza",
                    "_id",
                    "_uuid",
                    "_submission_time",
                    "_index",
                ],
                ["2024-03-01", "2024-03-01", "academia", "talleres foros", 1, 1, 3, 1, "u1", "2024-03-01", 1],
                ["2024-03-01", "2024-03-01", "civil_society", "foros", 0, 1, 5, 2, "u2", "2024-03-01", 2],
                ["2024-03-02", "2024-03-02", "academia", "", 0, 0, 4, 3, "u3", "2024-03-02", 3],
            ]
        },
    )
    result = importers.import_sources([src])
    assert result.fmt == "kobo"
    q = {x["question"]: x for x in result.data["survey_questions"]}
    assert q["q01"]["options"] == ["talleres", "foros"]  # from the "espacios/<option>" columns
    code, out = _import(tmp_path, str(src))
    assert code == 0
    wb = load_workbook(out)
    assert list(wb.survey_questions["type"]) == ["multi", "scale"]
    assert wb.survey_responses.loc[0, "q01"] == ["talleres", "foros"] and wb.survey_responses.loc[2, "q01"] == []


def test_surveymonkey_expanded(tmp_path):
    """SurveyMonkey's expanded XLSX export: two header rows; row 1 holds the question over the first of
    its columns, row 2 "Response" for a single answer or one option per column for a multiple choice
    (the cell holds the option when chosen); collector columns (Respondent ID, Start Date, ...) first."""
    src = _write_xlsx(
        tmp_path / "sm.xlsx",
        {
            "Sheet": [
                ["Respondent ID", "Collector ID", "Start Date", "IP Address", "Sector", "Which channels?", None, None],
                [None, None, None, None, "Response", "Workshops", "Forums", "Other (please specify)"],
                [111, 9, "2024-03-01", "10.0.0.1", "Academia", "Workshops", None, None],
                [112, 9, "2024-03-01", "10.0.0.2", "Private sector", "Workshops", "Forums", "radio"],
                [113, 9, "2024-03-02", "10.0.0.3", "Media", None, "Forums", None],
            ]
        },
    )
    code, out = _import(tmp_path, str(src))
    assert code == 0
    wb = load_workbook(out)
    assert list(wb.survey_questions["options"]) == [["Workshops", "Forums"]]
    assert list(wb.survey_responses["sector"]) == ["academia", "private_sector", "media"]
    assert list(wb.survey_responses["q01"]) == [["Workshops"], ["Workshops", "Forums"], ["Forums"]]


def test_mapping_file_and_suggestion(tmp_path, capsys):
    src = _write_xlsx(
        tmp_path / "directorio.xlsx",
        {
            "Directorio": [
                ["Organización", "Tipo de actor", "Entidad", "Correo del enlace", "Notas"],
                ["Red Oaxaca", "OSC", "Oaxaca", "x@example.org", "n"],
                ["Cámara de Comercio", "Empresarial", "CDMX", None, None],
            ]
        },
    )
    assert main(["import", str(src), "--suggest-mapping"]) == 0
    suggestion = capsys.readouterr().out
    assert '"Organización": name' in suggestion and '"Tipo de actor": sector' in suggestion
    assert '"OSC": civil_society' in suggestion and '"Empresarial":' in suggestion
    mapping = tmp_path / "map.yaml"
    mapping.write_text(
        "columns:\n  Organización: name\n  Tipo de actor: sector\n  Entidad: states\n"
        "values:\n  sector:\n    OSC: civil_society\n    Empresarial: private_sector\n",
        encoding="utf-8",
    )
    code, out = _import(tmp_path, str(src), "--mapping", str(mapping))
    assert code == 0
    wb = load_workbook(out)
    assert list(wb.stakeholders["sector"]) == ["civil_society", "private_sector"]
    assert list(wb.stakeholders["states"]) == [["oaxaca"], ["ciudad_de_mexico"]]
    assert "Correo del enlace" in capsys.readouterr().out  # reported as not imported


def test_into_keeps_the_existing_rows(tmp_path, capsys):
    base = tmp_path / "base.xlsx"
    from partnerlab import template

    template.write_workbook(
        base, {"stakeholders": [{"id": "UNAM", "name": "UNAM", "sector": "academia", "influence": 4}]}
    )
    src = _write_csv(tmp_path / "edges.csv", [["Source", "Target"], ["UNAM", "GIZ"]])
    out = tmp_path / "merged.xlsx"
    assert main(["import", str(src), "--format", "edgelist", "--into", str(base), "--out", str(out)]) == 0
    assert "--into base.xlsx: its rows kept; 1 new stakeholder and 1 tie added" in capsys.readouterr().out
    wb = load_workbook(out)
    assert list(wb.stakeholders["id"]) == ["UNAM", "GIZ"] and wb.stakeholders.at[0, "influence"] == 4
    assert len(wb.ties) == 1


# ---------------------------------------------------------------------------------------
# Hostile or mistaken input: one line, no traceback, nothing written
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "make, expected",
    [
        (lambda d: d / "missing.csv", "no such file"),
        (lambda d: (d / "bad.xlsx").write_bytes(b"not a zip at all") and d / "bad.xlsx", "not an .xlsx file"),
        (lambda d: (d / "nul.csv").write_bytes(b"a,b\x00\n1,2\n") and d / "nul.csv", "binary data"),
        (
            lambda d: _write_csv(d / "e.csv", [["Source", "Target", "Type"], ["A", "B", "Sideways"]]),
            "e.csv: row 2, column \"Type\": found 'Sideways'; expected Directed or Undirected",
        ),
        (
            lambda d: _write_csv(d / "w.csv", [["Source", "Target", "Weight"], ["A", "B", "1"], ["A", "C", "lots"]]),
            "w.csv: row 3: found 'lots'; expected a number",
        ),
        (
            lambda d: _write_xlsx(d / "k.xlsx", {"Elements": [["Name"], ["x"]], "Connections": [["From", "To"]]}),
            'expected a "Label" column',
        ),
        (lambda d: _write_csv(d / "odd.csv", [["a", "b", "c", "d"], ["1", "2", "3", "4"]]), "cannot tell the format"),
        (
            lambda d: (d / "deep.json").write_text("[" * 100_000 + "]" * 100_000) and d / "deep.json",
            "nested too deeply",
        ),
        (lambda d: (d / "list.json").write_text("[1, 2]") and d / "list.json", 'with an "elements" list'),
        (
            lambda d: (
                (d / "big_cell.csv").write_text("Source,Target\nA," + "x" * 200_000 + "\n") and d / "big_cell.csv"
            ),
            "big_cell.csv: row 2: not readable as CSV",
        ),
    ],
)
def test_bad_sources_give_one_line_and_write_nothing(tmp_path, capsys, make, expected):
    src = make(tmp_path)
    code, out = _import(tmp_path, str(src))
    err = capsys.readouterr().err
    assert code == 2 and not out.exists()
    assert expected in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert not list(tmp_path.glob(".*partial*"))


def test_size_and_row_limits(tmp_path, capsys, monkeypatch):
    src = _write_csv(tmp_path / "big.csv", [["Source", "Target"]] + [[f"n{i}", f"n{i + 1}"] for i in range(30)])
    monkeypatch.setitem(importers.LIMITS, "max_rows", 20)
    assert _import(tmp_path, str(src))[0] == 2
    assert "more than 20 rows" in capsys.readouterr().err
    monkeypatch.setitem(importers.LIMITS, "max_rows", 200_000)
    monkeypatch.setitem(importers.LIMITS, "max_file_bytes", 100)
    assert _import(tmp_path, str(src))[0] == 2
    assert "expected a file of at most" in capsys.readouterr().err


def test_never_overwrites_and_never_writes_data_raw(tmp_path, capsys):
    src = _write_csv(tmp_path / "e.csv", [["A", "B"]])
    out = tmp_path / "exists.xlsx"
    out.write_bytes(b"keep me")
    assert main(["import", str(src), "--out", str(out)]) == 2
    assert out.read_bytes() == b"keep me"
    raw = paths.DATA_RAW / "never.xlsx"
    assert main(["import", str(src), "--out", str(raw)]) == 2 and not raw.exists()
    assert "never written" in capsys.readouterr().err


def test_imported_network_validates_clean(tmp_path):
    src = _write_csv(tmp_path / "e.csv", [["A", "B"], ["B", "C"]])
    code, out = _import(tmp_path, str(src))
    wb, problems = check_workbook(out)
    assert code == 0 and wb is not None and not [p for p in problems if p.is_error]


def test_a_survey_workbook_without_a_stakeholders_sheet_is_usable(tmp_path):
    """The loader's one departure for issue 14: survey sheets alone are a usable workbook (Google Forms import)."""
    code, out = _import(tmp_path, str(_write_csv(tmp_path / "r.csv", google_forms_rows())))
    assert code == 0
    book = openpyxl.load_workbook(out)
    del book["stakeholders"]
    del book["ties"]
    survey_only = tmp_path / "survey_only.xlsx"
    book.save(survey_only)
    wb = load_workbook(survey_only)
    assert (
        wb.has("survey_responses")
        and not wb.has("stakeholders")
        and {"id", "name", "sector"} <= set(wb.stakeholders.columns)
    )
    del book["survey_responses"]
    book.save(tmp_path / "neither.xlsx")
    wb, problems = check_workbook(tmp_path / "neither.xlsx")
    assert wb is None and 'a sheet named "stakeholders"' in str(problems[0])


@pytest.mark.slow
def test_the_batch_runs_on_imported_workbooks(tmp_path):
    """A network-only import (Kumu) and a survey-only import (Google Forms) both run; reports that need
    absent sheets are skipped with their one-line note."""
    from partnerlab.batch import run_batch

    kumu = _write_xlsx(
        tmp_path / "kumu.xlsx",
        {
            "Elements": [["Label", "Type"], ["UNAM", "Academia"], ["GIZ", "Donors"], ["CCE", "Private sector"]],
            "Connections": [["From", "To", "Type"], ["GIZ", "UNAM", "Funding"], ["UNAM", "CCE", "Dialogue"]],
        },
    )
    survey = _write_csv(tmp_path / "forms.csv", google_forms_rows())
    for name, src, only, ran in (
        ("net", kumu, ["network", "stakeholder_map", "overview"], "network"),
        ("survey", survey, ["sector_diagnosis", "network", "overview"], "sector_diagnosis"),
    ):
        out = tmp_path / f"{name}.xlsx"
        assert main(["import", str(src), "--out", str(out)]) == 0
        result = run_batch(out, tmp_path / f"{name}_reports", only=only, jobs=1, progress=False)
        status = {r["name"]: r["status"] for r in result.manifest["reports"]}
        assert result.exit_code == 0 and status[ran] == "ok" and status["overview"] == "ok"
        if name == "survey":
            assert status["network"] == "skipped"
            assert (tmp_path / "survey_reports" / "data" / "tables" / "survey_responses.csv").is_file()


def test_gephi_ids_our_contract_refuses_and_duplicate_labels(tmp_path, capsys):
    """Gephi ids like "n:1" are replaced by ids made from the labels, and edges still find their nodes;
    Kumu elements sharing a label get distinct ids, and the export then writes IDs in From/To."""
    nodes = _write_csv(tmp_path / "n.csv", [["Id", "Label"], ["n:1", "Fundación Sur"], ["n:2", "Fundación Sur"]])
    edges = _write_csv(tmp_path / "e.csv", [["Source", "Target"], ["n:1", "n:2"]])
    code, out = _import(tmp_path, str(nodes), str(edges))
    assert code == 0
    wb = load_workbook(out)
    assert list(wb.stakeholders["id"]) == ["Fundacion_Sur", "Fundacion_Sur-2"]
    assert list(zip(wb.ties["source"], wb.ties["target"])) == [("Fundacion_Sur", "Fundacion_Sur-2")]
    assert "more than once: a tie that names" in capsys.readouterr().out
    exports.write_exports(wb, tmp_path / "data")
    connections = openpyxl.load_workbook(tmp_path / "data" / "kumu.xlsx")["Connections"]
    assert [c.value for c in connections[2]][:2] == ["Fundacion_Sur", "Fundacion_Sur-2"]  # ids, as labels clash
    out2 = tmp_path / "again.xlsx"
    assert main(["import", str(tmp_path / "data" / "kumu.xlsx"), "--out", str(out2)]) == 0
    assert _ties(load_workbook(out2)) == _ties(wb)
