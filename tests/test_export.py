"""Tests for partnerlab/exports.py: every export loads back with the same nodes, ties and attributes."""

from __future__ import annotations

import csv
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import openpyxl
import pandas as pd
import pytest

from partnerlab import exports, template
from partnerlab import network as net
from partnerlab.workbook import load_workbook

EVIL = '=HYPERLINK("http://x.example","click")'
CONTACT = "ana.secret@example.org"
DATA = Path(__file__).parent / "data"
XML_FORMATS = [("gexf", nx.read_gexf, nx.write_gexf), ("graphml", nx.read_graphml, nx.write_graphml)]


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
def test_a_batch_writes_the_exports_and_the_network_page_links_them(tmp_path, monkeypatch):
    """data/ takes the measures the network page computed (written after the reports, as for a
    workbook above batch.OVERLAP_ROWS): this process computes none, and the files are the same."""
    from partnerlab import batch
    from partnerlab.batch import run_batch

    monkeypatch.setattr(batch, "OVERLAP_ROWS", 0)
    computed = []
    monkeypatch.setattr(net, "centrality_table", lambda *a, **k: computed.append(1) or pd.DataFrame())
    path = small_workbook(tmp_path)
    result = run_batch(path, tmp_path / "out", only=["network"], jobs=1, progress=False)
    assert result.exit_code == 0 and computed == []  # handed over by the network page (exports.kept_measures)
    out = result.out
    monkeypatch.undo()
    alone = exports.write_exports(load_workbook(path), tmp_path / "alone", result.manifest["run"]["lang"])
    assert "tables/network_nodes.csv" in alone
    for name in ("tables/network_nodes.csv", "network.gexf", "kumu.xlsx"):
        assert (out / "data" / name).read_bytes() == (tmp_path / "alone" / name).read_bytes(), name
    assert "data/network.gexf" in result.manifest["run"]["exports"]
    for name in ("README.md", *exports.EXPORT_FILES):
        assert (out / "data" / name).is_file()
    page = (out / "network.html").read_text(encoding="utf-8")
    assert 'href="data/network.gexf"' in page and 'href="data/README.md"' in page
    assert nx.read_gexf(out / "data" / "network.gexf").number_of_nodes() == 5


def _read_back(reader, path: Path) -> tuple[list, dict]:
    """Nodes (in file order, with attributes) and edges (pair -> attributes, GEXF's arbitrary edge ids left out)."""
    g = reader(path)
    edges = {frozenset((u, v)): {k: x for k, x in d.items() if k != "id"} for u, v, d in g.edges(data=True)}
    assert len(edges) == g.number_of_edges()
    return list(g.nodes(data=True)), edges


def knoke_tables() -> dict:
    """Knoke bureaucracies (tests/data/knoke/README.md, copied from ../shared/data): 10 organisations,
    information and money ties, all directed; 11 pairs are tied both ways (merged into one edge)."""
    org = pd.read_csv(DATA / "knoke" / "organisations.csv")
    ties = pd.read_csv(DATA / "knoke" / "ties.csv")
    return {"stakeholders": org[["id", "name", "sector"]], "ties": ties.assign(directed=True, strength=1)}


def elite_tables() -> dict:
    """Mexican power elite (tests/data/mexican_elite/README.md, copied from ../shared/data): 35 politicians,
    117 undirected ties; the full names hold commas and the region is the group."""
    people = pd.read_csv(DATA / "mexican_elite" / "nodes.csv")
    ties = pd.read_csv(DATA / "mexican_elite" / "ties.csv")
    stakeholders = pd.DataFrame(
        {"id": people["name"], "name": people["full_name"], "sector": people["region"].astype(int).astype(str)}
    )
    return {"stakeholders": stakeholders, "ties": ties.assign(kind="partnership", directed=False, strength=1)}


@pytest.mark.parametrize("source", ["sample", "knoke", "elite"])
@pytest.mark.parametrize(("name", "reader", "writer"), XML_FORMATS)
def test_streamed_xml_reads_back_as_networkx_writer_gives(sample_wb, tmp_path, source, name, reader, writer):
    """The streamed files hold what networkx's writers (which hold the whole tree) write for `export_graph`."""
    wb = {"sample": lambda: sample_wb, "knoke": knoke_tables, "elite": elite_tables}[source]()
    graph = net.build_tie_graph(wb)
    nodes, ties = exports.node_table(wb, graph), exports.tie_table(graph)
    getattr(exports, f"write_{name}")(tmp_path / f"streamed.{name}", nodes, ties)
    writer(exports.export_graph(nodes, ties), tmp_path / f"networkx.{name}")
    got_nodes, got_edges = _read_back(reader, tmp_path / f"streamed.{name}")
    want_nodes, want_edges = _read_back(reader, tmp_path / f"networkx.{name}")
    assert got_nodes == want_nodes
    assert got_edges == want_edges
    if source == "knoke":  # both ways tied pairs: one edge, both directions named
        both = [e for e in got_edges.values() if "; " in e["direction"]]
        assert both and all(e["is_directed"] is True for e in both)
        assert len(got_nodes) == 10 and len(got_edges) == len({frozenset(p) for p in zip(*_knoke_pairs())})
    elif source == "elite":
        assert len(got_nodes) == 35 and len(got_edges) == 117
        assert not any(e["is_directed"] for e in got_edges.values())
    else:
        assert len(got_nodes) == len(sample_wb.stakeholders)


def _knoke_pairs():
    ties = pd.read_csv(DATA / "knoke" / "ties.csv")
    return ties["source"], ties["target"]


def test_gexf_is_gexf_1_3_with_every_attribute_declared_with_its_type(exported):
    """What Gephi checks: the GEXF 1.3 namespace and version, and each attvalue names a declared, typed attribute."""
    _, data, _ = exported
    root = ET.parse(data / "network.gexf").getroot()
    ns = {"g": "http://gexf.net/1.3"}
    assert root.tag == "{http://gexf.net/1.3}gexf" and root.get("version") == "1.3"
    # the workbook's as-of date, not the day it was written: the same data gives the same bytes any day
    assert root.find("g:meta", ns).get("lastmodifieddate") == "2024-06-30"
    declared = {}
    for attributes in root.iterfind("g:graph/g:attributes", ns):
        for a in attributes.iterfind("g:attribute", ns):
            declared[(attributes.get("class"), a.get("id"))] = a.get("type")
    assert set(declared.values()) == {"string", "long", "double", "boolean"}
    for cls, path in (("node", "g:graph/g:nodes/g:node"), ("edge", "g:graph/g:edges/g:edge")):
        elements = list(root.iterfind(path, ns))
        assert elements
        for el in elements:
            for value in el.iterfind("g:attvalues/g:attvalue", ns):
                assert (cls, value.get("for")) in declared
    graphml = ET.parse(data / "network.graphml").getroot()
    keys = graphml.findall("{http://graphml.graphdrawing.org/xmlns}key")
    assert keys and all(k.get("attr.type") in ("string", "long", "double", "boolean") for k in keys)


@pytest.mark.parametrize(("name", "reader", "writer"), XML_FORMATS)
def test_workbook_text_with_markup_quotes_and_control_characters_is_data(tmp_path, name, reader, writer):
    """Text is data: markup, ampersands, both quotes, tabs and line breaks come back as written; the
    control characters XML 1.0 cannot hold at all are dropped (the file still parses)."""
    text = '<b>R&D</b> "Fundación" l\'été &amp; ]]> \tcol\nline\r\nend\x01\x1f'
    kept = text.replace("\x01", "").replace("\x1f", "")
    tables = {
        "stakeholders": pd.DataFrame(
            {"id": ["A&<1>", 'B"2'], "name": [text, "plain"], "sector": ["media", "academia"], "mandate": [text, ""]}
        ),
        "ties": pd.DataFrame({"source": ["A&<1>"], "target": ['B"2'], "kind": ["funding"], "strength": [2]}),
    }
    graph = net.build_tie_graph(tables)
    nodes, ties = exports.node_table(tables, graph), exports.tie_table(graph)
    path = tmp_path / f"evil.{name}"
    getattr(exports, f"write_{name}")(path, nodes, ties)
    g = reader(path)
    assert sorted(g) == ["A&<1>", 'B"2']
    assert g.nodes["A&<1>"]["name"] == kept
    assert g.nodes["A&<1>"]["label"] == kept
    assert g.edges["A&<1>", 'B"2']["direction"] == 'A&<1> -> B"2'
    raw = path.read_bytes()
    assert b"\x01" not in raw and b"<b>" not in raw and raw.decode("utf-8")


def test_the_xml_files_are_written_at_any_size_and_the_readme_lists_them(exported):
    """No size limit any more (issue 16): both files are streamed, so the batch writes them for a registry too."""
    wb, data, written = exported
    assert {"network.gexf", "network.graphml"} <= set(written)
    readme = (data / "README.md").read_text(encoding="utf-8")
    assert "not written" not in readme


def test_measures_handed_over_give_the_same_node_table_and_files(sample_wb, tmp_path):
    """The network report's tables (the same calls, the same sampling) passed to write_exports are used as they
    are: the node table equals the one exports computes, and a table of another graph is refused."""
    graph = net.build_tie_graph(sample_wb)
    measures = {
        "centrality": net.centrality_table(graph),
        "brokerage": net.brokerage_roles(graph, "sector"),
        "communities": net.communities(graph, seed=0),
    }
    pd.testing.assert_frame_equal(exports.node_table(sample_wb, graph, measures), exports.node_table(sample_wb, graph))
    exports.write_exports(sample_wb, tmp_path / "shared", "es", measures=measures)
    exports.write_exports(sample_wb, tmp_path / "own", "es")
    for name in ("gephi_nodes.csv", "network.graphml", "tables/network_nodes.csv"):
        assert (tmp_path / "shared" / name).read_bytes() == (tmp_path / "own" / name).read_bytes(), name
    with pytest.raises(ValueError, match="centrality"):
        exports.node_table(sample_wb, graph, {"centrality": measures["centrality"].iloc[1:]})


def test_the_network_files_read_only_the_network_sheets(sample_wb, tmp_path):
    """A batch copies the network files from its previous run while exports.NETWORK_SHEETS (and the
    about sheet, part of every key) are unchanged: they must read nothing else. The tables and the
    README read every sheet and are written each time."""
    from partnerlab import workbook

    workbook.reset_reads()
    network = exports.write_network(sample_wb, tmp_path / "data", "es")
    assert sorted(workbook.read_sheets()) == sorted(exports.NETWORK_SHEETS)
    assert network["files"] == [*exports.EXPORT_FILES, "tables/network_nodes.csv"] and network["nodes"] == 94
    files = exports.write_tables(sample_wb, tmp_path / "data", network, "es")
    assert files == exports.write_exports(sample_wb, tmp_path / "whole", "es")
    for name in files:
        assert (tmp_path / "data" / name).read_bytes() == (tmp_path / "whole" / name).read_bytes(), name


@pytest.mark.parametrize("module", ["exports", "xmlwrite"])
def test_module_doctests(module):
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module(f"partnerlab.{module}"))
    assert result.attempted > 0 and result.failed == 0
