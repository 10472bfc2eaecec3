"""Tests for partnerlab/exports.py: every export loads back with the same nodes, ties and attributes."""

from __future__ import annotations

import csv
import shutil
import subprocess
from pathlib import Path

import networkx as nx
import openpyxl
import pytest

from partnerlab import exports, template
from partnerlab.workbook import load_workbook

EVIL = '=HYPERLINK("http://x.example","click")'
CONTACT = "ana.secret@example.org"


def small_workbook(folder: Path) -> Path:
    """Five stakeholders (one isolate, one named like a formula, one with a contact), four ties, one screening."""
    stakeholders = [
        {
            "id": "SHCP",
            "name": "Hacienda",
            "sector": "federal_government",
            "scope": "national",
            "influence": 5,
            "interest": 4,
            "mandate": "Public finance",
            "roles": ["counterpart"],
            "contact": CONTACT,
        },
        {
            "id": "GIZ",
            "name": "GIZ",
            "sector": "international_cooperation",
            "influence": 3,
            "interest": 5,
            "roles": ["donor", "knowledge_partner"],
        },
        {"id": "UNAM", "name": "UNAM", "sector": "academia", "partners": ["SHCP"]},
        {"id": "EVIL", "name": EVIL, "sector": "civil_society", "mandate": "-2 and @SUM(A1)"},
        {"id": "ALONE", "name": "Alone", "sector": "media"},
    ]
    ties = [
        {"source": "GIZ", "target": "SHCP", "kind": "funding", "strength": 3},  # directed by default
        {"source": "GIZ", "target": "UNAM", "kind": "knowledge", "strength": 2},
        {"source": "GIZ", "target": "UNAM", "kind": "dialogue", "strength": 1},
        {"source": "EVIL", "target": "UNAM", "kind": "coordination"},
    ]
    dd = [{"stakeholder": "GIZ", "assessed_on": "2024-01-10", **{f"q{i:02d}": i <= 4 for i in range(1, 20)}}]
    path = folder / "small.xlsx"
    template.write_workbook(
        path,
        {"stakeholders": stakeholders, "ties": ties, "due_diligence": dd},
        about={"portfolio": "Small", "as_of": "2024-06-30"},
    )
    return path


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    folder = tmp_path_factory.mktemp("export")
    wb = load_workbook(small_workbook(folder))
    written = exports.write_exports(wb, folder / "data", "en")
    return wb, folder / "data", written


def test_every_file_is_written_and_listed_in_the_readme(exported):
    _, data, written = exported
    for name in written:
        assert (data / name).is_file(), name
    readme = (data / "README.md").read_text(encoding="utf-8")
    for name in exports.EXPORT_FILES:
        assert f"`{name}`" in readme
    assert "tables/stakeholders.csv" in written and "tables/ties.csv" in written


@pytest.mark.parametrize("reader", [nx.read_gexf, nx.read_graphml])
def test_gexf_and_graphml_load_back_with_the_same_graph_and_attributes(exported, reader):
    wb, data, _ = exported
    g = reader(data / ("network.gexf" if reader is nx.read_gexf else "network.graphml"))
    assert sorted(g.nodes) == ["ALONE", "EVIL", "GIZ", "SHCP", "UNAM"]
    # pairs: GIZ-SHCP (funding, directed), GIZ-UNAM (knowledge+dialogue), EVIL-UNAM, UNAM-SHCP (partners list)
    assert g.number_of_edges() == 4
    assert g.nodes["SHCP"]["sector"] == "federal_government"
    assert g.nodes["EVIL"]["name"] == EVIL
    assert g.nodes["SHCP"]["quadrant"] == "critical"
    assert g.nodes["GIZ"]["screening"] == "clear"
    assert g.nodes["ALONE"]["degree"] == 0 and g.nodes["UNAM"]["degree"] == 3
    assert "influence" not in g.nodes["UNAM"]  # a blank score is left out, never None
    # UNAM lies on the only shortest paths EVIL-SHCP and EVIL-GIZ: 2 of the (5-1)(5-2)/2 = 6 pairs
    assert g.nodes["UNAM"]["betweenness"] == pytest.approx(2 / 6)
    nodes = exports.node_table(wb).set_index("id")
    for v in g:
        assert g.nodes[v]["betweenness"] == pytest.approx(nodes.at[v, "betweenness"])
        assert g.nodes[v]["community"] == nodes.at[v, "community"]
        assert g.nodes[v]["brokerage_total"] == nodes.at[v, "brokerage_total"]
    e = g.edges["GIZ", "UNAM"]
    assert e["weight"] == 2 and e["kinds"] == "dialogue; knowledge"  # vocabulary order
    assert g.edges["GIZ", "SHCP"]["is_directed"] in (True, "true", "True")
    assert g.edges["GIZ", "SHCP"]["direction"] == "GIZ -> SHCP"


def test_gephi_csvs_carry_nodes_edges_and_directions(exported):
    _, data, _ = exported
    nodes = list(csv.DictReader(open(data / "gephi_nodes.csv", encoding="utf-8")))
    edges = list(csv.DictReader(open(data / "gephi_edges.csv", encoding="utf-8")))
    assert list(nodes[0])[:2] == ["Id", "Label"] and len(nodes) == 5
    assert list(edges[0])[:4] == ["Source", "Target", "Type", "Weight"] and len(edges) == 4
    funding = [e for e in edges if e["Kind"] == "funding"]
    assert funding == [{"Source": "GIZ", "Target": "SHCP", "Type": "Directed", "Weight": "3", "Kind": "funding"}]
    evil = next(n for n in nodes if n["Id"] == "EVIL")
    assert evil["Label"] == "'" + EVIL  # a spreadsheet shows it as text, never runs it
    assert exports.unescape_csv_text(evil["Label"]) == EVIL


def test_kumu_xlsx_has_the_documented_sheets_and_text_cells(exported):
    _, data, _ = exported
    book = openpyxl.load_workbook(data / "kumu.xlsx")
    assert book.sheetnames == ["Elements", "Connections"]
    el, co = book["Elements"], book["Connections"]
    assert [c.value for c in el[1]][:5] == ["Label", "Type", "Description", "Tags", "ID"]
    assert [c.value for c in co[1]][:5] == ["From", "To", "Type", "Direction", "Strength"]
    rows = {r[4]: r for r in el.iter_rows(min_row=2, values_only=True)}
    assert rows["GIZ"][1] == "Donors and international cooperation"
    assert rows["GIZ"][3] == "Donor|Knowledge partner"
    evil_cell = next(c for c in el["A"] if c.value == EVIL)
    assert evil_cell.data_type == "s" and evil_cell.quotePrefix  # text, not a formula, and it stays text when edited
    links = {(r[0], r[1]): r for r in co.iter_rows(min_row=2, values_only=True)}
    assert links[("GIZ", "UNAM")][2] == "Dialogue|Knowledge"
    assert links[("GIZ", "Hacienda")][3] == "directed"
    assert co.max_row - 1 == 4


def test_pajek_and_ucinet_hold_the_same_ties(exported):
    _, data, _ = exported
    pajek = nx.read_pajek(data / "network.net")
    assert pajek.number_of_nodes() == 5 and pajek.number_of_edges() == 4
    text = (data / "network.net").read_text(encoding="utf-8")
    arcs = text.split("*Arcs")[1].split("*Edges")[0].split()
    assert len(arcs) == 3  # the one funding tie: 3 numbers
    dl = (data / "network.dl").read_text(encoding="utf-8").splitlines()
    assert dl[:3] == ["DL n=5", "format = edgelist1", "labels:"]
    labels = dl[3].split(",")
    arcs = [tuple(map(int, line.split())) for line in dl[dl.index("data:") + 1 :]]
    assert len(arcs) == 1 + 2 * 3  # funding one way, the three undirected pairs both ways
    assert (labels.index("GIZ") + 1, labels.index("SHCP") + 1, 3) in arcs


def test_contact_never_leaves_the_workbook_and_formulas_stay_text(exported):
    wb, data, written = exported
    assert wb.stakeholders["contact"].notna().any()  # the loaded workbook has it ...
    for name in written:
        raw = (data / name).read_bytes()
        assert CONTACT.encode() not in raw, name  # ... no export does
        if name.endswith(".csv"):
            for row in csv.reader(open(data / name, encoding="utf-8")):
                for cell in row:
                    assert not cell.startswith(("=", "+", "-", "@")), (name, cell)
    header = next(csv.reader(open(data / "tables" / "stakeholders.csv", encoding="utf-8")))
    assert "contact" not in header and "row" not in header


def test_a_workbook_without_ties_still_exports(tmp_path):
    path = tmp_path / "one.xlsx"
    template.write_workbook(path, {"stakeholders": [{"id": "A", "name": "A", "sector": "media"}]})
    written = exports.write_exports(load_workbook(path), tmp_path / "data")
    g = nx.read_graphml(tmp_path / "data" / "network.graphml")
    assert len(g) == 1 and g.number_of_edges() == 0
    assert "kumu.xlsx" in written


@pytest.mark.skipif(shutil.which("Rscript") is None, reason="needs Rscript with igraph (Debian r-cran-igraph)")
def test_r_igraph_reads_graphml_pajek_and_dl(exported):
    """R's igraph (Debian r-cran-igraph; igraph has no GEXF reader) reads the GraphML, Pajek and UCINET DL files."""
    _, data, _ = exported
    script = (
        "suppressMessages(library(igraph));"
        f'g <- read_graph("{data / "network.graphml"}", format="graphml");'
        'cat(vcount(g), ecount(g), V(g)$sector[V(g)$id == "SHCP"], E(g)$weight[1], "\\n");'
        f'p <- read_graph("{data / "network.net"}", format="pajek");'
        'cat(vcount(p), ecount(p), "\\n");'
        f'd <- read_graph("{data / "network.dl"}", format="dl", directed=TRUE);'
        'cat(vcount(d), ecount(d), V(d)$name[1], sum(E(d)$weight), "\\n")'
    )
    res = subprocess.run(["Rscript", "-e", script], capture_output=True, text=True, timeout=120)
    if "there is no package called" in res.stderr:
        pytest.skip("R is installed without igraph")
    assert res.returncode == 0, res.stderr
    first, second, third = res.stdout.splitlines()
    n, m, sector, weight = first.split()
    assert (n, m, sector) == ("5", "4", "federal_government") and weight in ("1", "2", "3")
    assert second.split() == ["5", "4"]
    # UCINET DL: 5 labels, the funding arc once and the three undirected pairs both ways; strengths 3 + 2*(2+1+1)
    assert third.split() == ["5", "7", "SHCP", "11"]


@pytest.mark.slow
def test_a_batch_writes_the_exports_and_the_network_page_links_them(tmp_path):
    from partnerlab.batch import run_batch

    result = run_batch(small_workbook(tmp_path), tmp_path / "out", only=["network"], jobs=1, progress=False)
    assert result.exit_code == 0
    out = result.out
    assert "data/network.gexf" in result.manifest["run"]["exports"]
    for name in ("README.md", *exports.EXPORT_FILES):
        assert (out / "data" / name).is_file()
    page = (out / "network.html").read_text(encoding="utf-8")
    assert 'href="data/network.gexf"' in page and 'href="data/README.md"' in page
    assert nx.read_gexf(out / "data" / "network.gexf").number_of_nodes() == 5


def test_above_the_xml_limit_gexf_and_graphml_are_left_out_and_the_readme_says_where_to_go(tmp_path, monkeypatch):
    """A national registry's network (issue 16: 465,000 tied pairs) would hold two whole XML trees in
    memory; above exports.XML_MAX_STAKEHOLDERS the batch writes the same graph in the line-by-line formats."""
    wb = load_workbook(small_workbook(tmp_path))
    monkeypatch.setattr(exports, "XML_MAX_STAKEHOLDERS", 1)
    written = exports.write_exports(wb, tmp_path / "data", "es")
    assert "network.gexf" not in written and "network.graphml" not in written
    assert not (tmp_path / "data" / "network.gexf").exists()
    assert {"gephi_nodes.csv", "gephi_edges.csv", "network.net", "network.dl", "kumu.xlsx"} <= set(written)
    readme = (tmp_path / "data" / "README.md").read_text(encoding="utf-8")
    assert "no se escriben para una red de más de 1 actores" in readme
    assert "gephi_edges.csv" in readme
