"""Tests of partnerlab.network against published and independently computed values."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from partnerlab import network as net

DATA = Path(__file__).parent / "data"
ROLE_COLS = [*net.ROLES, "total"]
SNA_COLS = ["w_I", "w_O", "b_IO", "b_OI", "b_O", "t"]  # the same order in sna's output


# ---------------------------------------------------------------------------------------
# Fixtures
# ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def knoke() -> nx.DiGraph:
    """Knoke bureaucracies, information network (tests/data/knoke/README.md)."""
    org = pd.read_csv(DATA / "knoke" / "organisations.csv")
    ties = pd.read_csv(DATA / "knoke" / "ties.csv")
    g = nx.DiGraph()
    g.add_nodes_from((r.id, {"sector": r.sector, "name": r.name}) for r in org.itertuples())
    g.add_edges_from(ties.loc[ties["kind"] == "information", ["source", "target"]].itertuples(index=False))
    return g


@pytest.fixture(scope="module")
def elite() -> tuple[nx.Graph, pd.DataFrame, pd.DataFrame]:
    """Mexican power elite (tests/data/mexican_elite/README.md): graph, nodes, ties."""
    nodes = pd.read_csv(DATA / "mexican_elite" / "nodes.csv")
    ties = pd.read_csv(DATA / "mexican_elite" / "ties.csv")
    g = nx.Graph()
    g.add_nodes_from((r.name, {"region": int(r.region)}) for r in nodes.itertuples())
    g.add_edges_from(ties[["source", "target"]].itertuples(index=False))
    return g, nodes, ties


def _stakeholders(*rows: tuple) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "id": r[0],
                "name": r[1],
                "sector": r[2],
                "scope": "national",
                "states": [],
                "partners": list(r[3]) if len(r) > 3 else [],
                "influence": 3,
                "interest": 4,
            }
            for r in rows
        ]
    )


@pytest.fixture
def tables() -> dict[str, pd.DataFrame]:
    """Five stakeholders tied through all three sources, some ties overlapping."""
    st = _stakeholders(
        ("UN1", "UN agency", "un_system", ["CS1"]),
        ("CS1", "Civil org", "civil_society"),
        ("PS1", "Company", "private_sector"),
        ("AC1", "University", "academia", ["UN1"]),
        ("ISO", "Loner", "media"),
    )
    ties = pd.DataFrame(
        {
            "source": ["UN1", "UN1", "PS1", "CS1", "AC1"],
            "target": ["CS1", "PS1", "UN1", "AC1", "PS1"],
            "kind": ["coordination", "dialogue", "funding", "knowledge", "partnership"],
            "directed": pd.array([False, False, True, False, False], dtype="boolean"),
            "strength": pd.array([3, 1, 2, 1, 1], dtype="Int64"),
            "since": pd.array([2019, 2020, 2021, 2018, 2015], dtype="Int64"),
            "until": pd.array([pd.NA, pd.NA, pd.NA, pd.NA, 2020], dtype="Int64"),
        }
    )
    partnerships = pd.DataFrame(
        {
            "id": ["P1"],
            "name": ["Alliance"],
            "lead": ["UN1"],
            "members": [["AC1", "CS1"]],
            "status": ["active"],
            "start": [pd.Timestamp("2021-01-01")],
            "end": [pd.NaT],
        }
    )
    return {"stakeholders": st, "ties": ties, "partnerships": partnerships}


# ---------------------------------------------------------------------------------------
# Building the graph
# ---------------------------------------------------------------------------------------


def test_build_merges_three_sources_with_provenance(tables):
    g = net.build_tie_graph(tables)
    assert set(g) == {"UN1", "CS1", "PS1", "AC1", "ISO"}
    un_cs = g.edges["UN1", "CS1"]
    # ties sheet (coordination, 3) + partners list + partnership P1 co-membership: one arc
    assert un_cs["sources"] == {"ties", "partners", "partnerships:P1"}
    assert un_cs["kinds"] == {"coordination", "partnership"}
    assert un_cs["strength"] == un_cs["weight"] == 3  # the strongest tie wins
    assert g.edges["CS1", "UN1"]["sources"] == un_cs["sources"]  # undirected: both arcs
    assert g.edges["AC1", "CS1"]["sources"] == {"ties", "partnerships:P1"}
    assert g.edges["AC1", "UN1"]["sources"] == {"partners", "partnerships:P1"}
    assert g.nodes["UN1"]["sector"] == "un_system" and g.nodes["UN1"]["influence"] == 3
    assert g.nodes["ISO"]["name"] == "Loner" and g.degree("ISO") == 0


def test_build_directed_funding_is_one_arc_undirected_tie_two(tables):
    g = net.build_tie_graph(tables)
    # PS1 funds UN1 (directed), while UN1-PS1 dialogue is undirected: both arcs exist,
    # and only PS1 -> UN1 carries the funding kind.
    assert "funding" in g.edges["PS1", "UN1"]["kinds"]
    assert "funding" not in g.edges["UN1", "PS1"]["kinds"]
    only_funding = dict(tables, ties=tables["ties"].iloc[[2]])
    g2 = net.build_tie_graph(only_funding)
    assert g2.has_edge("PS1", "UN1") and not g2.has_edge("UN1", "PS1")


@pytest.mark.parametrize("as_of_year, has_ended_tie", [(None, True), (2021, False), (2020, True), (2014, False)])
def test_build_as_of_year_drops_ended_and_future_ties(tables, as_of_year, has_ended_tie):
    # AC1-PS1 ran 2015-2020: active in 2020, ended in 2021, not yet started in 2014.
    g = net.build_tie_graph(tables, as_of_year=as_of_year)
    assert g.has_edge("AC1", "PS1") is has_ended_tie


def test_build_as_of_year_defaults_to_about_as_of(tables):
    g = net.build_tie_graph(dict(tables, about={"as_of": dt.date(2025, 6, 30)}))
    assert g.graph["as_of_year"] == 2025
    assert not g.has_edge("AC1", "PS1")
    # the partnership started in 2021, so in 2020 its co-membership ties do not exist yet
    g2020 = net.build_tie_graph(tables, as_of_year=2020)
    assert "partnerships:P1" not in g2020.edges["UN1", "CS1"]["sources"]


def test_build_closed_partnership_is_dropped_when_dated(tables):
    closed = dict(tables, partnerships=tables["partnerships"].assign(status="closed"))
    g = net.build_tie_graph(closed, as_of_year=2025)
    assert g.has_edge("AC1", "UN1")  # the partners list still ties them
    assert "partnerships:P1" not in g.edges["AC1", "UN1"]["sources"]


@pytest.mark.parametrize("min_strength, arcs", [(1, 10), (2, 3), (3, 2), (4, 0)])
def test_build_min_strength(tables, min_strength, arcs):
    # merged arcs: UN1<->CS1 strength 3 (2 arcs); UN1->PS1 1 (dialogue) and PS1->UN1 2
    # (dialogue + funding); CS1<->AC1, AC1<->PS1, AC1<->UN1 1 (2 arcs each): 10 arcs.
    g = net.build_tie_graph(tables, min_strength=min_strength)
    assert g.number_of_edges() == arcs
    assert len(g) == 5  # stakeholders stay as nodes


def test_build_accepts_workbook_like_object_and_strings(tables):
    class Wb:  # the loader's Workbook exposes sheets as attributes
        stakeholders = tables["stakeholders"].assign(partners=["CS1; PS1", "", None, [], []])
        ties = pd.DataFrame()
        partnerships = pd.DataFrame()
        about: dict = {}

    g = net.build_tie_graph(Wb())
    assert sorted(g.edges()) == [("CS1", "UN1"), ("PS1", "UN1"), ("UN1", "CS1"), ("UN1", "PS1")]


def test_build_ignores_self_ties_and_keeps_unknown_ids():
    st = _stakeholders(("A", "A org", "media", ["A", "Z"]))
    g = net.build_tie_graph({"stakeholders": st})
    assert not g.has_edge("A", "A")
    assert g.has_edge("A", "Z") and g.nodes["Z"]["sector"] is None


# Quadrants of Appendix 3, step 2 (influence-interest grid, "high" = 4 or 5), as
# partnerlab.stakeholders.quadrant defines them; a blank score leaves no quadrant.
@pytest.mark.parametrize(
    "influence, interest, quadrant",
    [(5, 5, "critical"), (4, 2, "awareness"), (2, 4, "capacity"), (1, 3, "monitor"), (None, 5, None)],
)
def test_build_puts_grid_quadrant_on_nodes(influence, interest, quadrant):
    st = pd.DataFrame(
        {
            "id": ["A", "B"],
            "name": ["Ana", "Bo"],
            "sector": ["academia", "media"],
            "partners": [["B"], []],
            "influence": [influence, 3],
            "interest": [interest, 3],
        }
    )
    g = net.build_tie_graph({"stakeholders": st})
    assert g.nodes["A"]["quadrant"] == quadrant
    shown = net.centrality_table(g).loc["A", "quadrant"]
    assert pd.isna(shown) if quadrant is None else shown == quadrant


def test_build_without_scores_has_blank_quadrant():
    st = pd.DataFrame(
        {"id": ["A", "B"], "name": ["Ana", "Bo"], "sector": ["academia", "media"], "partners": [["B"], []]}
    )
    g = net.build_tie_graph({"stakeholders": st})
    g.add_edge("A", "Z")  # an id missing from stakeholders gets the same (blank) attributes
    assert g.nodes["A"]["quadrant"] is None


def test_to_undirected_merges_arcs(tables):
    und = net.to_undirected(net.build_tie_graph(tables))
    assert und.number_of_edges() == 5
    assert und.edges["UN1", "PS1"]["kinds"] == {"funding", "dialogue"}
    assert und.edges["UN1", "PS1"]["strength"] == 2


# ---------------------------------------------------------------------------------------
# Brokerage
# ---------------------------------------------------------------------------------------


def test_brokerage_matches_sna_per_node(knoke):
    # Reference: R sna 2.7-1, brokerage(m, sector)$raw.nli on the Knoke information network
    # (tests/data/knoke/README.md).
    ref = pd.read_csv(DATA / "knoke" / "brokerage_information_sna.csv").set_index("id")
    got = net.brokerage_roles(knoke, "sector")
    np.testing.assert_array_equal(got.loc[ref.index, ROLE_COLS].to_numpy(), ref[SNA_COLS].to_numpy())


def test_brokerage_matches_sna_totals(knoke):
    # Whole network per the same README: w_I 6, w_O 18, b_IO 12, b_OI 20, b_O 15, t 71.
    got = net.brokerage_roles(knoke, "sector")[ROLE_COLS].sum().tolist()
    assert got == [6, 18, 12, 20, 15, 71]
    summary = net.brokerage_summary(knoke, "sector")
    assert summary["observed"].tolist() == [6, 18, 12, 20, 15, 71]


def test_brokerage_group_as_mapping_equals_attribute(knoke):
    mapping = dict(knoke.nodes(data="sector"))
    a = net.brokerage_roles(knoke, "sector")
    b = net.brokerage_roles(knoke, mapping)
    pd.testing.assert_frame_equal(a, b)


@pytest.mark.parametrize(
    "groups, role, count",
    [
        ({"a": "X", "b": "X", "c": "X"}, "coordinator", 2),
        ({"a": "X", "b": "Y", "c": "X"}, "itinerant", 2),
        ({"a": "X", "b": "X", "c": "Y"}, "representative", 1),  # a->b->c; c->b->a is gatekeeping
        ({"a": "X", "b": "Y", "c": "Z"}, "liaison", 2),
    ],
)
def test_brokerage_undirected_tie_counts_both_ways(groups, role, count):
    g = nx.Graph([("a", "b"), ("b", "c")])  # read as two arcs per edge
    row = net.brokerage_roles(g, groups).loc["b"]
    assert row[role] == count and row["total"] == 2
    # a closed triangle has no open two-path
    assert net.brokerage_roles(nx.Graph([("a", "b"), ("b", "c"), ("a", "c")]), groups)["total"].sum() == 0


def _exact_moments(groups: list[str], p: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Exact mean and sd of every node's counts over all 4096 digraphs on 4 nodes (Bernoulli p)."""
    nodes = list(range(len(groups)))
    pairs = [(a, b) for a in nodes for b in nodes if a != b]
    labels = dict(enumerate(groups))
    m1 = m2 = tot = 0.0
    for bits in itertools.product((0, 1), repeat=len(pairs)):
        k = sum(bits)
        w = p**k * (1 - p) ** (len(pairs) - k)
        g = nx.DiGraph()
        g.add_nodes_from(nodes)
        g.add_edges_from(e for e, b in zip(pairs, bits) if b)
        r = net.brokerage_roles(g, labels)[ROLE_COLS].to_numpy(float)
        m1, m2, tot = m1 + w * r, m2 + w * r * r, tot + w * r.sum(axis=0)
    return m1, np.sqrt(m2 - m1**2), tot


@pytest.mark.parametrize("groups", [["a", "a", "a", "b"], ["a", "a", "b", "c"]])
def test_brokerage_expected_values_equal_exact_enumeration(groups):
    # sna's exp.nli / sd.nli are the moments under a Bernoulli graph of the observed density.
    # Independent check: enumerate every digraph on 4 nodes, weight it by p^m (1-p)^(12-m).
    mean, sd, total = _exact_moments(groups, 0.25)
    g = nx.DiGraph([(0, 1), (1, 2), (2, 3)])  # 3 of 12 arcs: density 0.25
    got = net.brokerage_roles(g, dict(enumerate(groups)), expected=True)
    np.testing.assert_allclose(got[[f"exp_{r}" for r in ROLE_COLS]].to_numpy(), mean, atol=1e-12)
    np.testing.assert_allclose(got[[f"sd_{r}" for r in ROLE_COLS]].to_numpy(), sd, atol=1e-12)
    z = (got["total"] - got["exp_total"]) / got["sd_total"]
    np.testing.assert_allclose(got["z_total"], z)
    # whole-network expectations (exp.gli); sna's sd.gli is an approximation, not checked
    summary = net.brokerage_summary(g, dict(enumerate(groups)))
    np.testing.assert_allclose(summary["expected"].to_numpy(), total, atol=1e-12)


# ---------------------------------------------------------------------------------------
# E-I index
# ---------------------------------------------------------------------------------------


def test_ei_index_hand_computed():
    # A1-A2, A2-A3 internal to A; A1-B1 external; B1-B2 internal to B; B2-C1 external.
    g = nx.Graph([("A1", "A2"), ("A2", "A3"), ("A1", "B1"), ("B1", "B2"), ("B2", "C1")])
    g.add_node("C2")  # an isolate: E-I undefined for it
    groups = {n: n[0] for n in g}
    ei = net.ei_index(g, groups).set_index(["level", "unit"])
    # network: E = 2, I = 3 -> (2 - 3) / 5 = -0.2
    assert ei.loc[("network", "network"), "ei"] == pytest.approx(-0.2)
    # A: I = 2, E = 1 -> -1/3;  B: I = 1, E = 2 -> 1/3;  C: I = 0, E = 1 -> 1
    assert ei.loc[("group", "A"), "ei"] == pytest.approx(-1 / 3)
    assert ei.loc[("group", "B"), "ei"] == pytest.approx(1 / 3)
    assert ei.loc[("group", "C"), "ei"] == pytest.approx(1.0)
    assert ei.loc[("group", "C"), "size"] == 2
    # nodes: A1 I=1 E=1 -> 0; A3 I=1 -> -1; B2 I=1 E=1 -> 0; C2 no ties -> NaN
    assert ei.loc[("node", "A1"), "ei"] == 0 and ei.loc[("node", "A3"), "ei"] == -1
    assert np.isnan(ei.loc[("node", "C2"), "ei"])


def test_ei_index_counts_a_reciprocated_pair_once():
    d = nx.DiGraph([("a", "b"), ("b", "a"), ("b", "c")])
    ei = net.ei_index(d, {"a": 1, "b": 1, "c": 2})
    assert ei.loc[0, ["internal", "external"]].tolist() == [1, 1]


def test_ei_index_mexican_elite_by_region(elite):
    # Independent reference: count same-region ties directly in the CSVs with a pandas merge.
    g, nodes, ties = elite
    region = nodes.set_index("name")["region"]
    pairs = ties.assign(r1=ties["source"].map(region), r2=ties["target"].map(region))
    pairs = pairs[pairs["source"] != pairs["target"]]
    pairs = pairs.assign(key=[tuple(sorted(t)) for t in zip(pairs["source"], pairs["target"])]).drop_duplicates("key")
    internal = int((pairs["r1"] == pairs["r2"]).sum())
    external = len(pairs) - internal
    ei = net.ei_index(g, "region").set_index(["level", "unit"])
    assert ei.loc[("network", "network"), ["internal", "external"]].tolist() == [internal, external]
    assert ei.loc[("network", "network"), "ei"] == pytest.approx((external - internal) / (external + internal))
    for r in (1, 2, 3):
        inside = int(((pairs["r1"] == r) & (pairs["r2"] == r)).sum())
        cross = int(((pairs["r1"] == r) ^ (pairs["r2"] == r)).sum())
        assert ei.loc[("group", r), "ei"] == pytest.approx((cross - inside) / (cross + inside))


def test_ei_permutation_test_detects_silos():
    # Two cliques of 6, one per group, joined by one tie: far more inward than chance.
    g = nx.disjoint_union(nx.complete_graph(6), nx.complete_graph(6))
    g.add_edge(0, 6)
    groups = {n: n // 6 for n in g}
    ei = net.ei_index(g, groups, permutations=500, seed=1)
    row = ei.iloc[0]
    assert row["ei"] == pytest.approx((1 - 30) / 31)
    assert row["p_lower"] < 0.01 and row["p_upper"] == 1.0
    # Shuffled labels: a pair is same-group with probability 2 C(6,2) / C(12,2) = 30/66, so the
    # expected E-I is 1 - 2 * 30/66 = 1/11 whatever the ties.
    assert row["expected"] == pytest.approx(1 / 11, abs=0.04)
    groups_rows = ei[ei["level"] == "group"]
    assert (groups_rows["expected"] > groups_rows["ei"]).all()
    assert ei.loc[ei["level"] == "node", "expected"].isna().all()
    again = net.ei_index(g, groups, permutations=500, seed=1)
    pd.testing.assert_frame_equal(ei, again)


# ---------------------------------------------------------------------------------------
# Centrality and structural holes
# ---------------------------------------------------------------------------------------

# Florentine families (Padgett), values as published in networkx's tests:
# networkx/algorithms/centrality/tests/test_degree_centrality.py (test_degree_centrality_4)
# and test_betweenness_centrality.py (test_florentine_families_graph).
FLORENTINE = {  # family: (normalised degree, normalised betweenness)
    "Acciaiuoli": (0.071, 0.000),
    "Albizzi": (0.214, 0.212),
    "Barbadori": (0.143, 0.093),
    "Bischeri": (0.214, 0.104),
    "Castellani": (0.214, 0.055),
    "Ginori": (0.071, 0.000),
    "Guadagni": (0.286, 0.255),
    "Lamberteschi": (0.071, 0.000),
    "Medici": (0.429, 0.522),
    "Pazzi": (0.071, 0.000),
    "Peruzzi": (0.214, 0.022),
    "Ridolfi": (0.214, 0.114),
    "Salviati": (0.143, 0.143),
    "Strozzi": (0.286, 0.103),
    "Tornabuoni": (0.214, 0.092),
}


@pytest.mark.parametrize("family", sorted(FLORENTINE))
def test_centrality_florentine_published_values(family):
    table = net.centrality_table(nx.florentine_families_graph())
    degree, betweenness = FLORENTINE[family]
    assert table.loc[family, "degree_centrality"] == pytest.approx(degree, abs=1e-3)
    assert table.loc[family, "betweenness"] == pytest.approx(betweenness, abs=1e-3)
    assert not table.attrs["betweenness_approximate"]


def test_centrality_directed_graph_uses_pairs_and_orders_by_betweenness():
    g = net.build_tie_graph(
        {
            "stakeholders": _stakeholders(
                ("A", "a", "media", ["B", "C"]),
                ("B", "b", "media"),
                ("C", "c", "academia", ["D"]),
                ("D", "d", "academia"),
            )
        }
    )
    table = net.centrality_table(g)
    assert table.index[0] in ("A", "C")
    assert table.loc["A", "degree"] == 2 and table.loc["A", "weighted_degree"] == 2
    assert table["pagerank"].sum() == pytest.approx(1.0)


def test_centrality_approximate_above_limit_is_flagged_and_reproducible():
    g = nx.connected_watts_strogatz_graph(300, 6, 0.1, seed=3)
    a = net.centrality_table(g, exact_limit=100, samples=300, seed=7)  # k = n: the exact value
    exact = nx.betweenness_centrality(g)
    assert a.attrs["betweenness_approximate"] and a.attrs["betweenness_samples"] == 300
    assert a["betweenness"].to_dict() == pytest.approx(exact)
    b = net.centrality_table(g, exact_limit=100, samples=50, seed=7)
    c = net.centrality_table(g, exact_limit=100, samples=50, seed=7)
    pd.testing.assert_frame_equal(b, c)


def _holes_graph(directed: bool) -> nx.Graph:
    # networkx/algorithms/tests/test_structuralholes.py: the graph of
    # http://www.analytictech.com/connections/v20(1)/holes.htm and the small digraph D.
    if directed:
        return nx.DiGraph([(0, 1), (0, 2), (1, 0), (2, 1)])
    return nx.Graph(
        [
            ("A", "B"),
            ("A", "F"),
            ("A", "G"),
            ("A", "E"),
            ("E", "G"),
            ("F", "G"),
            ("B", "G"),
            ("B", "D"),
            ("D", "G"),
            ("G", "C"),
        ]
    )


# Expected values computed with UCINET (and igraph), as recorded in networkx's
# algorithms/tests/test_structuralholes.py (TestStructuralHolesNoScipy).
UNDIRECTED_WEIGHTS = {
    ("A", "B"): 2,
    ("A", "F"): 3,
    ("A", "G"): 5,
    ("A", "E"): 2,
    ("E", "G"): 8,
    ("F", "G"): 3,
    ("B", "G"): 4,
    ("B", "D"): 1,
    ("D", "G"): 3,
    ("G", "C"): 10,
}
DIRECTED_WEIGHTS = {(0, 1): 2, (0, 2): 2, (1, 0): 1, (2, 1): 1}


@pytest.mark.parametrize(
    "directed, weights, expected",
    [
        (False, None, {"G": 0.400, "A": 0.595, "C": 1.0}),
        (False, UNDIRECTED_WEIGHTS, {"G": 0.299, "A": 0.795, "C": 1.0}),
        (True, None, {0: 1.003, 1: 1.003, 2: 1.389}),
        (True, DIRECTED_WEIGHTS, {0: 0.840, 1: 1.143, 2: 1.378}),
    ],
)
def test_constraint_ucinet_values(directed, weights, expected):
    g = _holes_graph(directed)
    if weights:
        nx.set_edge_attributes(g, weights, "weight")
    got = net.constraint(g, weight="weight" if weights else None)["constraint"]
    for node, value in expected.items():
        assert got[node] == pytest.approx(value, abs=1e-3)


def test_constraint_equals_networkx_on_a_random_weighted_digraph():
    g = nx.gnp_random_graph(40, 0.12, seed=5, directed=True)
    rng = np.random.default_rng(5)
    for u, v in g.edges():
        g.edges[u, v]["weight"] = int(rng.integers(1, 4))
    g.add_node(99)  # isolate -> NaN, as networkx
    got = net.constraint(g)["constraint"]
    ref = nx.constraint(g, weight="weight")
    assert np.isnan(got[99]) and np.isnan(ref[99])
    for node in g:
        if node != 99:
            assert got[node] == pytest.approx(ref[node], rel=1e-9)


# ---------------------------------------------------------------------------------------
# Communities, components, isolates, bridges
# ---------------------------------------------------------------------------------------


@pytest.fixture
def two_silos() -> nx.Graph:
    """Two 5-cliques, one civil society, one private sector, joined by one bridge; one isolate."""
    g = nx.Graph()
    for i in range(10):
        g.add_node(f"n{i}", name=f"Org {i}", sector="civil_society" if i < 5 else "private_sector")
    g.add_edges_from((f"n{a}", f"n{b}") for a, b in itertools.combinations(range(5), 2))
    g.add_edges_from((f"n{a}", f"n{b}") for a, b in itertools.combinations(range(5, 10), 2))
    g.add_edge("n0", "n5")
    g.add_node("x", name="Alone", sector="media")
    return g


def test_communities_sector_mix(two_silos):
    members = net.communities(two_silos, seed=0)
    assert members.loc["n1", "community"] != members.loc["n6", "community"]
    assert members.loc["x", "community"] == 3  # isolates come last
    mix = net.community_mix(members)
    assert len(mix) == 2 and mix["is_single_sector"].all()
    assert set(mix["dominant"]) == {"civil_society", "private_sector"}
    assert mix["dominant_pct"].tolist() == [100.0, 100.0]
    pd.testing.assert_frame_equal(members, net.communities(two_silos, seed=0))


# Above LOUVAIN_NETWORKX_LIMIT stakeholders the communities come from igraph's Louvain (C);
# networkx's louvain_communities is the reference it is checked against.
def _planted(seed: int = 5) -> nx.Graph:
    """Four groups of 25 stakeholders, dense inside (p 0.4), sparse between (p 0.01), strengths 1-3."""
    g = nx.planted_partition_graph(4, 25, 0.4, 0.01, seed=seed)
    rng = np.random.default_rng(seed)
    for u, v in g.edges():
        g.edges[u, v]["weight"] = int(rng.integers(1, 4))
    nx.set_node_attributes(g, {v: ("academia", "media", "government", "private_sector")[v // 25] for v in g}, "sector")
    return g


@pytest.mark.parametrize("graph", [_planted(5), _planted(6), "two_silos"])
def test_communities_igraph_equal_networkx_on_clear_communities(graph, request):
    pytest.importorskip("igraph")
    g = request.getfixturevalue(graph) if isinstance(graph, str) else graph
    ref = nx.community.louvain_communities(g, weight="weight", seed=0)
    fast = net.communities(g, seed=0, method="igraph")
    assert fast.attrs["method"] == "igraph"
    assert {frozenset(fast.index[fast["community"] == c]) for c in fast["community"].unique()} == {
        frozenset(c) for c in ref
    }
    pd.testing.assert_frame_equal(net.communities(g, seed=0, method="networkx"), fast, check_like=False)


def test_communities_igraph_modularity_close_to_networkx_and_reproducible():
    pytest.importorskip("igraph")
    g = nx.les_miserables_graph()  # loosely tied groups: the two may differ, their quality may not
    ref = nx.community.louvain_communities(g, weight="weight", seed=0)
    fast = net.communities(g, seed=3, method="igraph")
    parts = [set(fast.index[fast["community"] == c]) for c in fast["community"].unique()]
    q_ref = nx.community.modularity(g, ref, weight="weight")
    assert nx.community.modularity(g, parts, weight="weight") == pytest.approx(q_ref, abs=0.02)
    pd.testing.assert_frame_equal(fast, net.communities(g, seed=3, method="igraph"))


def test_communities_switch_to_igraph_above_the_limit(two_silos, monkeypatch):
    pytest.importorskip("igraph")
    assert net.communities(two_silos).attrs["method"] == "networkx"
    monkeypatch.setattr(net, "LOUVAIN_NETWORKX_LIMIT", 5)
    members = net.communities(two_silos)
    assert members.attrs == {"method": "igraph", "seed": 0, "resolution": 1.0}
    assert members.loc["x", "community"] == 3  # isolates come last, as with networkx
    with pytest.raises(ValueError, match="method"):
        net.communities(two_silos, method="leiden")


def test_sampled_betweenness_ranks_like_the_exact_value():
    # the estimate the report uses above EXACT_BETWEENNESS_LIMIT, against networkx's exact betweenness
    g = nx.connected_watts_strogatz_graph(600, 6, 0.05, seed=4)
    exact = pd.Series(nx.betweenness_centrality(g))
    sampled = pd.Series(net.betweenness(g, k=120, seed=0))  # a fifth of the nodes as sources
    assert sampled.corr(exact, method="spearman") > 0.9
    assert set(exact.nlargest(5).index) <= set(sampled.nlargest(20).index)
    assert (sampled - exact).abs().max() < 0.5 * exact.max()


def test_to_undirected_is_converted_once_and_read_only(tables):
    g = net.build_tie_graph(tables)
    und = net.to_undirected(g)
    assert net.to_undirected(g) is und and nx.is_frozen(und)
    g.add_edge("A", "Z", strength=1, weight=1, kinds={"partnership"}, sources={"ties"})
    again = net.to_undirected(g)  # the graph changed: converted anew
    assert again is not und and again.has_edge("A", "Z") and not und.has_edge("A", "Z")
    assert nx.Graph(und).number_of_edges() == und.number_of_edges()  # an editable copy


def test_components_isolates_bridges(two_silos):
    comps = net.components(two_silos)
    assert comps["size"].tolist() == [10, 1] and comps.loc[0, "sectors"] == 2
    iso = net.isolates(two_silos)
    assert iso.index.tolist() == ["x"] and iso.loc["x", "name"] == "Alone"
    br = net.bridges(two_silos)
    assert br[["source", "target"]].values.tolist() == [["n0", "n5"]]
    assert br.loc[0, "is_cross_sector"]


def test_sector_graph(two_silos):
    sg = net.sector_graph(two_silos)
    assert sg.nodes["civil_society"]["size"] == 5 and sg.nodes["civil_society"]["internal"] == 10
    assert sg.edges["civil_society", "private_sector"]["weight"] == 1
    assert sg.nodes["media"]["size"] == 1 and sg.degree("media") == 0


# ---------------------------------------------------------------------------------------
# Focus, filters and findings
# ---------------------------------------------------------------------------------------


def test_ego_network_and_focus_summary(tables):
    g = net.build_tie_graph(tables, as_of_year=2025)
    ego = net.ego_network(g, "PS1")
    assert set(ego) == {"PS1", "UN1"}
    assert set(net.ego_network(g, "PS1", radius=2)) == {"PS1", "UN1", "CS1", "AC1"}
    summary = net.focus_summary(g, "UN1")
    assert summary.index.tolist() == ["CS1", "PS1", "AC1"]  # strongest first, then by name
    assert summary.loc["PS1", "direction"] == "both" and summary.loc["PS1", "kinds"] == "dialogue, funding"
    with pytest.raises(KeyError):
        net.ego_network(g, "NOPE")


@pytest.mark.parametrize(
    "lang, direction, kinds, sources",
    [
        ("en", "both ways", "Dialogue, Funding", "ties sheet"),
        ("es", "ambos sentidos", "Diálogo, Financiamiento", "hoja de vínculos"),
    ],
)
def test_focus_table_in_words(tables, lang, direction, kinds, sources):
    g = net.build_tie_graph(tables, as_of_year=2025)
    table = net.focus_table(g, "UN1", lang).set_index("name")
    assert table.loc["Company", ["direction", "kinds", "sources"]].tolist() == [direction, kinds, sources]
    # CS1 is tied through the ties sheet, UN1's partners list and partnership P1
    expected = (
        {"ties sheet", "partners list", "partnership P1"}
        if lang == "en"
        else {"hoja de vínculos", "lista de alianzas", "alianza P1"}
    )
    assert set(table.loc["Civil org", "sources"].split(", ")) == expected
    g.remove_edge("UN1", "PS1")  # only the funding arc PS1 -> UN1 is left
    assert net.focus_table(g, "UN1", lang).set_index("name").loc["Company", "direction"] == (
        "to the focus" if lang == "en" else "hacia el actor en foco"
    )


def test_filter_sector_keeps_direct_partners(tables):
    g = net.build_tie_graph(tables, as_of_year=2025)
    assert set(net.filter_sector(g, "civil_society")) == {"CS1", "UN1", "AC1"}
    assert set(net.filter_sector(g, "Sociedad civil")) == {"CS1", "UN1", "AC1"}  # a label, as any report parameter
    assert net.filter_sector(g, "") is g
    with pytest.raises(ValueError, match="not in the sector vocabulary"):  # never a silently empty graph
        net.filter_sector(g, "martians")


def test_findings_name_the_silo_sector(two_silos):
    g = two_silos.to_directed()
    g.add_edges_from([("u", "n1"), ("n1", "u"), ("u", "n6"), ("n6", "u")])
    g.nodes["u"].update(name="UN team", sector="un_system")
    en = net.findings(g, "en")
    es = net.findings(g, "es")
    assert len(en) == len(es) >= 5
    text = " ".join(en)
    assert "most inward-looking sector is Civil society: 10 of its 12 ties stay inside it (E-I -0.67; " in text
    assert "Ties stay within sectors more than chance would give" in text
    assert "none of the shuffles is as low" in text  # -0.90 observed: no shuffle of 5 + 5 + 1 gets there
    # n0 and n1 tie at 8 two-paths (the bridge end and the UN partner): the first in graph order
    assert "The top broker is Org 0 (Civil society), on 8 open two-paths" in text
    assert "The UN system (1 stakeholder, 8\u00a0% of the network) holds 6\u00a0% of all brokerage; 100\u00a0%" in text
    assert "1 stakeholder has no recorded tie" in text
    assert "2 of 2 communities are dominated by one sector" in text
    assert "El sector más cerrado en sí mismo es Sociedad civil" in " ".join(es)
    pt = " ".join(net.findings(g, "pt", roles=net.brokerage_roles(g, "sector")))
    assert "O setor mais fechado em si mesmo é" in pt and "-0,67" in pt  # the catalogs, Brazilian decimals


def test_findings_without_ties():
    g = nx.DiGraph()
    g.add_node("a", sector="media")
    assert net.findings(g, "es") == ["El libro no registra vínculos, así que no hay red que analizar."]


# ---------------------------------------------------------------------------------------
# Charts
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("n, expect_sector_view", [(20, False), (400, True)])
def test_plot_network_small_and_large(n, expect_sector_view):
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from partnerlab.plots import network as pn
    from samples.synthetic import synthetic_tables

    rows = synthetic_tables(n, 4, seed=2)
    tables = {
        "stakeholders": pd.DataFrame(rows["stakeholders"]),
        "ties": pd.DataFrame(rows["ties"]).assign(directed=lambda t: t["kind"] == "funding"),
    }
    g = net.build_tie_graph(tables)
    ax = pn.plot_network(g, lang="es")
    assert isinstance(ax, plt.Axes)
    texts = [t.get_text() for t in ax.texts]
    # the sector view names sectors on the chart and explains its encoding in a note
    assert any("Área del círculo" in t for t in texts) is expect_sector_view
    assert ax.get_legend().get_title().get_text() == "Sector"
    plt.close("all")


def test_plot_ei_and_brokerage(two_silos):
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from partnerlab.plots import network as pn

    ax = pn.plot_ei_by_sector(net.ei_index(two_silos, "sector"))
    # both at (1 - 10) / 11: a tie keeps the order of first appearance
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Civil society (5)", "Private sector (5)"]
    assert ax.patches[0].get_width() == pytest.approx(-9 / 11)
    g = two_silos.to_directed()
    ax = pn.plot_brokerage(net.brokerage_roles(g), g, top=3)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Org 0", "Org 5"]
    plt.close("all")


@pytest.mark.parametrize("n, ties", [(12, 1), (94, 5)])
def test_plot_network_labels_do_not_overlap(n, ties):
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from partnerlab.plots import network as pn
    from samples.synthetic import synthetic_tables

    rows = synthetic_tables(n, ties, seed=5)
    g = net.build_tie_graph({"stakeholders": pd.DataFrame(rows["stakeholders"]), "ties": pd.DataFrame(rows["ties"])})
    ax = pn.plot_network(g)
    renderer = ax.figure.canvas.get_renderer()
    labels = [
        t for t in ax.texts if t.get_text() in {pn.short_label(v, g.nodes[v]["name"], width=20, lines=2) for v in g}
    ]
    assert not {t.get_text() for t in labels} & set(g)  # names, never ids
    boxes = [t.get_window_extent(renderer) for t in labels]
    assert not any(a.overlaps(b) for a, b in itertools.combinations(boxes, 2))
    n_alone = sum(1 for v in g if g.degree(v) == 0)
    if n <= pn.LABEL_LIMIT:
        assert len(labels) >= n * 0.75  # a small graph: (nearly) everyone named
    else:
        assert pn.LABEL_TOP // 2 <= len(labels) <= pn.LABEL_TOP + n_alone
    plt.close("all")


# networkx's own Brandes implementation is the independent reference: the batched sparse
# version must give its values, exactly (k = None) and for its k-sample estimator (same seed).
@pytest.mark.parametrize(
    "graph",
    [
        nx.florentine_families_graph(),
        nx.connected_watts_strogatz_graph(120, 4, 0.2, seed=1),
        nx.gnm_random_graph(150, 160, seed=2),  # disconnected, with isolates
        nx.barbell_graph(5, 2),
    ],
)
@pytest.mark.parametrize("k", [None, 1, 7])
def test_betweenness_equals_networkx(graph, k):
    if k is not None and tuple(int(x) for x in nx.__version__.split(".")[:2]) < (3, 5):
        pytest.skip("networkx < 3.5 rescales k-sampled betweenness without its source-node adjustment")
    ours = net.betweenness(graph, k=k, seed=11, batch=4)  # small batches: several passes
    ref = nx.betweenness_centrality(graph, k=k, seed=11)
    assert ours.keys() == ref.keys()
    assert ours == pytest.approx(ref, abs=1e-12, nan_ok=True)


def test_network_figure_names_stakeholders_not_codes():
    """The sample's figure labels are names (or the acronym the name ends with), never bare ids."""
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from partnerlab import paths
    from partnerlab.plots import network as pn
    from partnerlab.workbook import load_workbook

    g = net.build_tie_graph(load_workbook(paths.SAMPLE_WORKBOOK))
    ax = pn.plot_network(g)
    names = {v: g.nodes[v]["name"] for v in g}
    shown = [t.get_text() for t in ax.texts if t.get_text().replace("\n", " ") not in ("",)]
    ids = [t for t in shown if t in names and f"({t})" not in names[t] and t != names[t]]
    assert ids == [], f"ids shown instead of names: {ids}"
    assert (
        sum(1 for t in shown if "\n" in t or t in {pn.short_label(v, n, width=20, lines=2) for v, n in names.items()})
        >= 25
    )
    alt = pn.network_alt(g, "es")
    assert alt.startswith("Figura de la red: 94 actores") and "Programa de las Naciones Unidas" in alt
    plt.close("all")
