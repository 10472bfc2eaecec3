"""Network intelligence: the tie graph of a portfolio and who bridges sectors, where the silos are.

The graph is a ``networkx.DiGraph`` built from the three places a workbook records ties
(docs/tables.md): the ``ties`` sheet, the stakeholders' ``partners`` lists and co-membership
in ``partnerships``. An undirected tie becomes two arcs (u->v and v->u), so directed
measures (Gould-Fernandez brokerage) see it both ways, as R's ``sna::brokerage`` does with a
symmetric matrix; undirected measures (degree, betweenness, constraint, communities, E-I)
run on ``to_undirected(graph)``, which keeps one edge per connected pair.

Every arc carries ``strength`` (1-3; also copied to ``weight``), ``kinds`` (set of tie-kind
keys), ``sources`` (set: ``"ties"``, ``"partners"``, ``"partnerships:<id>"``) and
``is_undirected`` (True when at least one merged tie was undirected). Nodes carry the
stakeholder attributes ``name``, ``sector``, ``scope``, ``states``, ``influence``,
``interest`` and ``quadrant`` (the influence-interest grid of
``stakeholders.assign_quadrants``; None when a score is blank).

>>> import pandas as pd
>>> st = pd.DataFrame({"id": ["A", "B", "C"], "name": ["Ana", "Bo", "Cy"],
...                    "sector": ["academia", "media", "media"], "partners": [["B"], [], []]})
>>> g = build_tie_graph({"stakeholders": st})
>>> sorted(g.edges())
[('A', 'B'), ('B', 'A')]
>>> g.nodes["C"]["sector"]
'media'
"""

from __future__ import annotations

import itertools
import math
import weakref
from collections import Counter
from collections.abc import Callable, Hashable, Mapping

import networkx as nx
import numpy as np
import pandas as pd

from partnerlab import i18n, vocab
from partnerlab.i18n import N_
from partnerlab.stakeholders import assign_quadrants
from partnerlab.xlsx import gc_paused

__all__ = [
    "ROLES",
    "ROLE_LABELS",
    "EXACT_BETWEENNESS_LIMIT",
    "BETWEENNESS_SAMPLES",
    "LOUVAIN_NETWORKX_LIMIT",
    "build_tie_graph",
    "to_undirected",
    "filter_sector",
    "ego_network",
    "brokerage_roles",
    "brokerage_summary",
    "ei_index",
    "centrality_table",
    "betweenness",
    "constraint",
    "communities",
    "community_mix",
    "components",
    "isolates",
    "bridges",
    "sector_graph",
    "focus_summary",
    "findings",
    "signed",
    "TABLE_LABELS",
    "focus_table",
    "top_central",
    "top_brokers",
    "ei_table",
    "community_table",
    "describe_graph",
]

# Gould-Fernandez roles in sna's column order (w_I, w_O, b_IO, b_OI, b_O) and their labels
# (English msgids: translate where shown, `i18n.gettext(ROLE_LABELS[r], lang)`).
ROLES = ("coordinator", "itinerant", "representative", "gatekeeper", "liaison")
ROLE_LABELS: dict[str, str] = {
    "coordinator": N_("Coordinator"),
    "itinerant": N_("Itinerant (consultant)"),
    "representative": N_("Representative"),
    "gatekeeper": N_("Gatekeeper"),
    "liaison": N_("Liaison"),
    "total": N_("Total"),
}
# Exact betweenness up to this many nodes (Brandes, O(n m)); above it, estimated from
# BETWEENNESS_SAMPLES source nodes with a fixed seed (networkx's k/seed estimator), so the
# time grows as m, not n m: about 2 s of CPU at 10,000 stakeholders and 46,000 pairs.
EXACT_BETWEENNESS_LIMIT = 2000
BETWEENNESS_SAMPLES = 1000
# Louvain communities with networkx up to this many stakeholders, igraph's C implementation above
LOUVAIN_NETWORKX_LIMIT = 20_000

_NODE_ATTRS = ("name", "sector", "scope", "states", "influence", "interest", "quadrant")


# ---------------------------------------------------------------------------------------
# Building the graph
# ---------------------------------------------------------------------------------------


def build_tie_graph(wb_or_tables: object, min_strength: int = 1, as_of_year: int | None = None) -> nx.DiGraph:
    """One tie graph from the ties sheet, the partners lists and partnership co-membership.

    Args:
        wb_or_tables: a loaded ``Workbook`` (``.stakeholders``, ``.ties``, ``.partnerships``,
            ``.about``) or a mapping of those sheet keys to DataFrames (missing = empty).
        min_strength: keep only pairs whose merged strength (the strongest of their ties)
            is at least this. Ties from ``partners`` lists and partnerships have strength 1.
        as_of_year: keep only ties active in this year: a tie whose ``until`` is before it,
            or whose ``since`` is after it, is dropped; so is co-membership in a partnership
            whose ``end`` year is before it (or whose status is ``closed``) or whose
            ``start`` year is after it. None = the year of ``about.as_of`` when the workbook
            has one, else no filter.

    Returns:
        A DiGraph with one node per stakeholder (isolates included) and one arc per ordered
        pair; undirected ties are two arcs. ``graph.graph`` holds ``as_of_year`` and
        ``min_strength``.
    """
    with gc_paused():  # about a million dicts and sets, no cycles: collecting would cost most of the time
        return _build_tie_graph(wb_or_tables, min_strength, as_of_year)


def _build_tie_graph(wb_or_tables: object, min_strength: int, as_of_year: int | None) -> nx.DiGraph:
    stakeholders = _table(wb_or_tables, "stakeholders")
    ties = _table(wb_or_tables, "ties")
    partnerships = _table(wb_or_tables, "partnerships")
    if as_of_year is None:
        as_of = (_about(wb_or_tables) or {}).get("as_of")
        as_of_year = getattr(as_of, "year", None)

    graph = nx.DiGraph(as_of_year=as_of_year, min_strength=min_strength)
    if {"influence", "interest"} <= set(stakeholders.columns):
        stakeholders = assign_quadrants(stakeholders)
    for rec in stakeholders.to_dict("records"):
        attrs = {k: _clean(rec.get(k)) for k in _NODE_ATTRS}
        attrs["states"] = list(attrs["states"] or [])
        attrs["name"] = attrs["name"] or rec["id"]
        graph.add_node(rec["id"], **attrs)

    arcs: dict[tuple[str, str], dict] = {}
    # the ties sheet column by column, each distinct value read once (500,000 ties hold a few
    # hundred distinct kinds, strengths and years), then one pass in sheet order
    n_ties = len(ties)
    since, until = _by_value(ties, "since", _year), _by_value(ties, "until", _year)
    kinds = _by_value(ties, "kind", lambda v: _clean(v) or "partnership")
    directed = _by_value(ties, "directed", _clean)
    strengths = _by_value(ties, "strength", lambda v: int(_clean(v) or 1))
    sources, targets = (ties[c].tolist() if c in ties.columns else [None] * n_ties for c in ("source", "target"))
    for i in range(n_ties):
        if as_of_year is not None and (
            (until[i] is not None and until[i] < as_of_year) or (since[i] is not None and since[i] > as_of_year)
        ):
            continue
        kind, d = kinds[i], directed[i]
        _add_tie(arcs, sources[i], targets[i], kind, bool(kind == "funding" if d is None else d), strengths[i], "ties")
    if "partners" in stakeholders:
        for sid, partners in zip(stakeholders["id"], stakeholders["partners"]):
            for other in _as_list(partners):
                _add_tie(arcs, sid, other, "partnership", False, 1, "partners")
    for rec in partnerships.to_dict("records"):
        start, end = _year(rec.get("start")), _year(rec.get("end"))
        if as_of_year is not None and (rec.get("status") == "closed" or not _is_active(start, end, as_of_year)):
            continue
        people = list(dict.fromkeys(([rec["lead"]] if _clean(rec.get("lead")) else []) + _as_list(rec.get("members"))))
        for a, b in itertools.combinations(people, 2):
            _add_tie(arcs, a, b, "partnership", False, 1, f"partnerships:{rec['id']}")

    kept = [(u, v, attrs) for (u, v), attrs in arcs.items() if attrs["strength"] >= min_strength]
    nodes = graph._node
    for u, v, _attrs in kept:
        for node in (u, v):
            if node not in nodes:  # a tie to an id missing from stakeholders: keep it visible
                graph.add_node(
                    node, name=node, sector=None, scope=None, states=[], influence=None, interest=None, quadrant=None
                )
    graph.add_edges_from((u, v, {"weight": attrs["strength"], **attrs}) for u, v, attrs in kept)
    return graph


def to_undirected(graph: nx.DiGraph) -> nx.Graph:
    """The undirected simple graph: one edge per pair tied in either direction.

    The edge keeps the larger strength (also as ``weight``) and the union of kinds and
    sources of the two arcs. The result is frozen (read-only: ``nx.Graph(result)`` gives an
    editable copy) and remembered for the graph as long as its numbers of nodes and arcs do not
    change, so the report's measures share one conversion (about 4 s at 100,000 stakeholders
    and 930,000 arcs, once instead of six times). Edit a graph's attributes in place only
    before its first conversion.
    """
    key = (len(graph), graph.number_of_edges())
    cached = _UNDIRECTED.get(graph)
    if cached is not None and cached[0] == key:
        return cached[1]
    with gc_paused():
        und = nx.freeze(_undirected(graph))
    _UNDIRECTED[graph] = (key, und)
    return und


# DiGraph -> ((nodes, arcs), its undirected graph): dropped with the DiGraph
_UNDIRECTED: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _undirected(graph: nx.DiGraph) -> nx.Graph:
    und = nx.Graph(**graph.graph)
    und.add_nodes_from(graph.nodes(data=True))
    # merged in a plain dict, then added in one call, in the order the pairs first appear (the
    # same adjacency order as adding them one by one): no has_edge/add_edge per arc
    pairs: dict[tuple, dict] = {}
    for u, nbrs in graph._adj.items():  # the arcs in graph.edges() order; outside the loop: views are slow
        for v, data in nbrs.items():
            e = pairs.get((v, u))  # a DiGraph holds (u, v) once: only the reverse arc can be there
            if e is not None:
                e["strength"] = e["weight"] = max(e["strength"], data.get("strength", 1))
                e["kinds"] = e["kinds"] | data.get("kinds", set())
                e["sources"] = e["sources"] | data.get("sources", set())
            else:
                s = data.get("strength", data.get("weight", 1))
                pairs[(u, v)] = {
                    "strength": s,
                    "weight": s,
                    "kinds": set(data.get("kinds", ())),
                    "sources": set(data.get("sources", ())),
                }
    und.add_edges_from((u, v, attrs) for (u, v), attrs in pairs.items())
    return und


def filter_sector(graph: nx.DiGraph, sector: str | None) -> nx.DiGraph:
    """The stakeholders of one sector and their direct partners (blank = the whole graph)."""
    if not sector:
        return graph
    sector = vocab.SECTORS.key_of(sector)  # a label or alias too; an unknown sector is an error, not an empty graph
    core = {n for n, s in graph.nodes(data="sector") if s == sector}
    keep = set(core)
    for n in core:
        keep.update(graph.successors(n))
        keep.update(graph.predecessors(n))
    return graph.subgraph(keep).copy()


def ego_network(graph: nx.DiGraph, focus: str, radius: int = 1) -> nx.DiGraph:
    """The focus stakeholder, everyone within ``radius`` ties of it (either direction), and their ties."""
    if focus not in graph:
        raise KeyError(f"{focus!r} is not a stakeholder of the graph")
    return nx.ego_graph(graph, focus, radius=radius, undirected=True).copy()


# ---------------------------------------------------------------------------------------
# Brokerage (Gould & Fernandez 1989, as R's sna::brokerage)
# ---------------------------------------------------------------------------------------


def brokerage_roles(
    graph: nx.DiGraph, group: str | Mapping[Hashable, object] = "sector", expected: bool = False
) -> pd.DataFrame:
    """Gould-Fernandez brokerage counts per node, with the definitions of R's ``sna::brokerage``.

    A broker b counts every open two-path a -> b -> c (a != c, no arc a -> c), classified by
    the groups of a, b and c: coordinator (all three in one group, sna's w_I), itinerant
    or consultant (a and c in one group, b in another, w_O), representative (a with b,
    c elsewhere, b_IO), gatekeeper (b with c, a elsewhere, b_OI), liaison (three groups,
    b_O). An undirected tie is two arcs, so it counts both ways (as sna on a symmetric
    matrix). Nodes with no group form one group of their own.

    Args:
        graph: a DiGraph (an undirected Graph is read as two arcs per edge).
        group: a node attribute name, or a mapping node -> group.
        expected: also return sna's expected counts under a random graph of the same
            density and group sizes (``exp_<role>``), their standard deviations
            (``sd_<role>``) and z-scores (``z_<role>``); sna's ``exp.nli``, ``sd.nli``, ``z.nli``.

    Returns:
        One row per node (index: node id): ``group``, the five role counts and ``total``
        (plus the expected-value columns when asked), in graph order.
    """
    g = graph if graph.is_directed() else graph.to_directed()
    nodes = list(g)
    labels = _group_labels(g, group)
    classes = {c: i for i, c in enumerate(dict.fromkeys(labels[n] for n in nodes))}
    cl = {n: classes[labels[n]] for n in nodes}
    counts = np.zeros((len(nodes), 5), dtype=np.int64)
    succ, pred = g._succ, g._pred  # the adjacency dicts: outside the loop, views are slow
    for row, b in enumerate(nodes):
        outs = [c for c in succ[b] if c != b]
        if not outs:
            continue
        gb = cl[b]
        for a in pred[b]:
            if a == b:
                continue
            ga, out_a = cl[a], succ[a]
            for c in outs:
                if c == a or c in out_a:
                    continue
                gc = cl[c]
                if ga == gb:
                    counts[row, 0 if gc == gb else 2] += 1
                elif gc == gb:
                    counts[row, 3] += 1
                elif ga == gc:
                    counts[row, 1] += 1
                else:
                    counts[row, 4] += 1
    out = pd.DataFrame(counts, index=pd.Index(nodes, name="node"), columns=list(ROLES))
    out.insert(0, "group", [labels[n] for n in nodes])
    out["total"] = counts.sum(axis=1)
    if expected:
        exp, sd = _brokerage_moments_by_node(g, labels, nodes)
        for j, role in enumerate((*ROLES, "total")):
            out[f"exp_{role}"] = exp[:, j]
            out[f"sd_{role}"] = sd[:, j]
            with np.errstate(divide="ignore", invalid="ignore"):
                out[f"z_{role}"] = (out[role].to_numpy() - exp[:, j]) / sd[:, j]
    return out


def brokerage_summary(
    graph: nx.DiGraph, group: str | Mapping[Hashable, object] = "sector", roles: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Whole-network brokerage: observed counts, sna's expected values, sd and z (``*.gli``).

    Args:
        graph: the DiGraph.
        group: a node attribute name or a mapping node -> group.
        roles: ``brokerage_roles(graph, group)`` if already computed.

    Returns:
        One row per role and ``total``: ``observed``, ``expected``, ``sd``, ``z``, ``share``
        (observed / observed total).
    """
    g = graph if graph.is_directed() else graph.to_directed()
    roles = brokerage_roles(g, group) if roles is None else roles
    observed = roles[[*ROLES, "total"]].sum().to_numpy(dtype=float)
    labels = _group_labels(g, group)
    n = np.array(list(Counter(labels[v] for v in g).values()), dtype=float)
    exp, var = _brokerage_moments_global(n, float(len(g)), _density(g))
    with np.errstate(divide="ignore", invalid="ignore"):
        sd = np.sqrt(var)
        z = (observed - exp) / sd
        share = observed / observed[-1] if observed[-1] else np.zeros_like(observed)
    return pd.DataFrame(
        {"observed": observed.astype(int), "expected": exp, "sd": sd, "z": z, "share": share},
        index=pd.Index([*ROLES, "total"], name="role"),
    )


# ---------------------------------------------------------------------------------------
# E-I index (Krackhardt & Stern 1988)
# ---------------------------------------------------------------------------------------


def ei_index(
    graph: nx.Graph, group: str | Mapping[Hashable, object] = "sector", permutations: int = 0, seed: int = 0
) -> pd.DataFrame:
    """Krackhardt-Stern E-I index, (E - I) / (E + I), for the network, each group and each node.

    E counts ties between groups, I ties within a group. A pair tied in either direction
    counts once (the index is about who is tied to whom). -1 = every tie stays inside the
    group (a silo), +1 = every tie goes outside.

    Args:
        graph: a Graph or DiGraph.
        group: a node attribute name or a mapping node -> group (missing = its own group).
        permutations: if > 0, shuffle the group labels this many times and compare the
            whole-network value with the shuffled ones.
        seed: the random seed of the permutations.

    Returns:
        A tidy frame with columns ``level`` ("network", "group" or "node"), ``unit`` (the
        group or node; "network" for the whole), ``group``, ``size`` (nodes), ``internal``,
        ``external``, ``ei`` (NaN when a unit has no ties). With permutations, the network row
        also has ``expected`` (mean shuffled E-I), ``p_lower`` (share of shuffles at or below
        the observed value: evidence of inward-looking groups) and ``p_upper``; group rows
        get ``expected`` too (their mean E-I over the shuffles: what the group's E-I would be
        if ties ignored groups).

    >>> g = nx.Graph([(1, 2), (2, 3)])
    >>> ei = ei_index(g, {1: "a", 2: "a", 3: "b"})
    >>> float(ei.loc[ei.level == "network", "ei"].iloc[0])
    0.0
    """
    und = to_undirected(graph) if graph.is_directed() else graph
    nodes = list(und)
    labels = _group_labels(und, group)
    index = {n: i for i, n in enumerate(nodes)}
    edges = [(index[u], index[v]) for u, v in und.edges() if u != v]
    u = np.fromiter((e[0] for e in edges), dtype=np.int64, count=len(edges))
    v = np.fromiter((e[1] for e in edges), dtype=np.int64, count=len(edges))
    codes, uniques = pd.factorize(pd.Series([labels[n] for n in nodes], dtype=object), use_na_sentinel=False)
    same = codes[u] == codes[v]

    node_int = np.bincount(u[same], minlength=len(nodes)) + np.bincount(v[same], minlength=len(nodes))
    node_ext = np.bincount(u[~same], minlength=len(nodes)) + np.bincount(v[~same], minlength=len(nodes))
    k = len(uniques)
    grp_int = np.bincount(codes[u[same]], minlength=k)
    grp_ext = np.bincount(codes[u[~same]], minlength=k) + np.bincount(codes[v[~same]], minlength=k)
    grp_size = np.bincount(codes, minlength=k)

    rows = [
        {
            "level": "network",
            "unit": "network",
            "group": None,
            "size": len(nodes),
            "internal": int(same.sum()),
            "external": int((~same).sum()),
        }
    ]
    rows += [
        {
            "level": "group",
            "unit": uniques[i],
            "group": uniques[i],
            "size": int(grp_size[i]),
            "internal": int(grp_int[i]),
            "external": int(grp_ext[i]),
        }
        for i in range(k)
    ]
    rows += [
        {
            "level": "node",
            "unit": n,
            "group": labels[n],
            "size": 1,
            "internal": int(node_int[i]),
            "external": int(node_ext[i]),
        }
        for i, n in enumerate(nodes)
    ]
    out = pd.DataFrame(rows)
    total = out["internal"] + out["external"]
    out["ei"] = ((out["external"] - out["internal"]) / total.where(total > 0)).astype(float)
    if permutations > 0:
        rng = np.random.default_rng(seed)
        sims = np.empty(permutations)
        grp_sims = np.zeros((permutations, k))
        for i in range(permutations):
            perm = rng.permutation(codes)
            inside = perm[u] == perm[v]
            sims[i] = 1.0 - 2.0 * np.count_nonzero(inside) / len(u) if len(u) else np.nan
            gi = np.bincount(perm[u[inside]], minlength=k)
            ge = np.bincount(perm[u[~inside]], minlength=k) + np.bincount(perm[v[~inside]], minlength=k)
            with np.errstate(divide="ignore", invalid="ignore"):
                grp_sims[i] = (ge - gi) / (ge + gi)
        observed = out.loc[0, "ei"]
        out["expected"] = np.nan
        out["p_lower"] = np.nan
        out["p_upper"] = np.nan
        out.loc[0, ["expected", "p_lower", "p_upper"]] = [
            float(np.mean(sims)),
            float(np.mean(sims <= observed + 1e-12)),
            float(np.mean(sims >= observed - 1e-12)),
        ]
        with np.errstate(invalid="ignore"):
            out.loc[1:k, "expected"] = np.nanmean(grp_sims, axis=0) if permutations else np.nan
    return out


# ---------------------------------------------------------------------------------------
# Centrality, structural holes, communities, components, bridges
# ---------------------------------------------------------------------------------------


def centrality_table(
    graph: nx.Graph, exact_limit: int = EXACT_BETWEENNESS_LIMIT, samples: int = BETWEENNESS_SAMPLES, seed: int = 0
) -> pd.DataFrame:
    """Degree, weighted degree, betweenness and PageRank per node.

    Degree and betweenness are computed on the undirected graph (who is tied to whom);
    PageRank on the directed graph with strength as weight (funding flows have a direction).
    Betweenness (``betweenness``) is exact up to ``exact_limit`` nodes; above it, it is
    estimated from ``samples`` source nodes drawn with ``seed``, and
    ``out.attrs["betweenness_approximate"]`` is True (the report says so).

    Returns:
        One row per node (index: node id), sorted by betweenness then degree, with ``name``,
        ``sector``, ``quadrant`` (grid position), ``degree`` (number of partners), ``degree_centrality`` (degree / (n - 1)),
        ``weighted_degree`` (sum of strengths), ``betweenness`` (normalised) and ``pagerank``.
    """
    und = to_undirected(graph) if graph.is_directed() else graph
    n = len(und)
    approximate = n > exact_limit
    btw = betweenness(und, k=min(samples, n) if approximate else None, seed=seed)
    pr = nx.pagerank(graph, weight="weight") if und.number_of_edges() else {v: 1.0 / max(n, 1) for v in und}
    deg = dict(und.degree())
    out = pd.DataFrame(
        {
            "name": [und.nodes[v].get("name", v) for v in und],
            "sector": [und.nodes[v].get("sector") for v in und],
            "quadrant": [und.nodes[v].get("quadrant") for v in und],
            "degree": [deg[v] for v in und],
            "degree_centrality": [deg[v] / (n - 1) if n > 1 else 0.0 for v in und],
            "weighted_degree": [und.degree(v, weight="weight") for v in und],
            "betweenness": [btw[v] for v in und],
            "pagerank": [pr[v] for v in und],
        },
        index=pd.Index(list(und), name="node"),
    )
    out = out.sort_values(["betweenness", "degree"], ascending=False, kind="stable")
    out.attrs.update(betweenness_approximate=approximate, betweenness_samples=min(samples, n) if approximate else None)
    return out


def betweenness(graph: nx.Graph, k: int | None = None, seed: int = 0, batch: int = 128) -> dict:
    """Normalised shortest-path betweenness, the values of ``networkx.betweenness_centrality``.

    Brandes' algorithm run for ``batch`` sources at once with sparse matrix products
    (breadth-first levels forward, dependencies backward), about 15 times faster than
    networkx's per-source loop at 10,000 nodes. With ``k``, the sources are the same
    ``k`` nodes networkx samples for ``seed`` and the estimate is rescaled as networkx
    does, so the result equals ``networkx.betweenness_centrality(graph, k=k, seed=seed)``.
    Direction and weights are ignored (who is tied to whom).

    >>> betweenness(nx.path_graph(3))
    {0: 0.0, 1: 1.0, 2: 0.0}
    """
    import random

    from scipy import sparse

    und = graph.to_undirected(as_view=True) if graph.is_directed() else graph
    nodes = list(und)
    n = len(nodes)
    if n < 3:
        return dict.fromkeys(nodes, 0.0)
    sampled = k is not None and k < n
    sources = random.Random(seed).sample(nodes, k) if sampled else nodes  # networkx's draw for seed
    index = {v: i for i, v in enumerate(nodes)}
    a = sparse.csr_array(nx.to_scipy_sparse_array(und, nodelist=nodes, weight=None, format="csr", dtype=float))
    a.setdiag(0)
    a.eliminate_zeros()
    a.data[:] = 1.0
    raw = np.zeros(n)
    src_all = np.array([index[v] for v in sources])
    a = a.tocsr()
    for start in range(0, len(src_all), batch):
        src = src_all[start : start + batch]
        cols = np.arange(len(src))
        sigma = np.zeros((n, len(src)))  # shortest paths from each source (column) to each node
        sigma[src, cols] = 1.0
        depth = np.full((n, len(src)), -1, dtype=np.int32)
        depth[src, cols] = 0
        # levels[d]: the nodes at distance d from some source of the batch. Breadth-first levels
        # are thin at both ends, so each product reads only the rows of a level (a is symmetric:
        # a[:, rows] @ x is a[rows].T @ x), not the whole n x batch array
        levels = [np.unique(src)]
        while True:
            rows = levels[-1]
            block = np.where(depth[rows] == len(levels) - 1, sigma[rows], 0.0)
            reach = a[rows].T @ block  # paths into unvisited nodes through the last level
            reach[depth >= 0] = 0.0
            found = np.flatnonzero(reach.any(axis=1))
            if not len(found):
                break
            reach = reach[found]
            depth[found] = np.where(reach > 0, len(levels), depth[found])
            sigma[found] += reach
            levels.append(found)
        delta = np.zeros_like(sigma)
        for d in range(len(levels) - 1, 0, -1):
            rows, prev = levels[d], levels[d - 1]
            at = depth[rows] == d
            share = np.zeros((len(rows), len(src)))
            np.divide(1.0 + delta[rows], sigma[rows], out=share, where=at)
            back = a[prev][:, rows] @ share  # a[prev, rows]: only the previous level receives
            back *= sigma[prev]
            back[depth[prev] != d - 1] = 0.0
            delta[prev] += back
        delta[src, cols] = 0.0
        raw += delta.sum(axis=1)
    scale = np.full(n, 1.0 / ((n - 1) * (n - 2)))
    if sampled:  # networkx 3.x: a source cannot lie on its own paths, so it has k - 1 samples
        scale[:] = 1.0 / (k * (n - 2))
        scale[src_all] = 1.0 / ((k - 1) * (n - 2)) if k > 1 else np.nan
    return dict(zip(nodes, (raw * scale).tolist()))


def constraint(graph: nx.Graph, weight: str | None = "weight") -> pd.DataFrame:
    """Burt's constraint per node, as ``networkx.constraint`` but vectorised with sparse matrices.

    p_ij = (w_ij + w_ji) / sum_k (w_ik + w_ki) over all neighbours k (in or out), and
    c_i = sum over neighbours j of (p_ij + sum_q p_iq p_qj)^2. Low constraint = a broker
    spanning structural holes; 1 = a single tie. Isolates get NaN.

    Args:
        graph: a Graph or DiGraph.
        weight: the edge attribute holding tie weights, or None for 1 on every tie.

    Returns:
        One row per node (index: node id) with ``name``, ``sector`` and ``constraint``.
    """
    from scipy import sparse

    nodes = list(graph)
    a = nx.to_scipy_sparse_array(graph, nodelist=nodes, weight=weight, format="csr", dtype=float)
    a.setdiag(0)
    a.eliminate_zeros()
    mutual = (a + a.T).tocsr() if graph.is_directed() else a.tocsr()
    strength = np.asarray(mutual.sum(axis=1)).ravel()
    with np.errstate(divide="ignore"):
        inv = np.where(strength > 0, 1.0 / strength, 0.0)
    p = sparse.diags(inv) @ mutual
    p = p.tocsr()
    indirect = (p @ p).tocsr()
    # Only pairs that are neighbours count: read p_ij + (P P)_ij at p's non-zeros.
    rows, cols = p.nonzero()
    direct = np.asarray(p[rows, cols]).ravel()
    via = np.asarray(indirect[rows, cols]).ravel()
    c = np.bincount(rows, weights=(direct + via) ** 2, minlength=len(nodes))
    c = np.where(strength > 0, c, np.nan)
    return pd.DataFrame(
        {
            "name": [graph.nodes[v].get("name", v) for v in nodes],
            "sector": [graph.nodes[v].get("sector") for v in nodes],
            "constraint": c,
        },
        index=pd.Index(nodes, name="node"),
    )


def communities(graph: nx.Graph, seed: int = 0, resolution: float = 1.0, method: str | None = None) -> pd.DataFrame:
    """Louvain communities of the undirected graph (strength as weight, fixed seed and resolution).

    Up to ``LOUVAIN_NETWORKX_LIMIT`` stakeholders the method is networkx's
    ``louvain_communities``; above it, igraph's ``community_multilevel``, the same Louvain
    method (Blondel et al. 2008) written in C: at 100,000 stakeholders and 480,000 pairs
    about 3 s of CPU instead of 50-90 s. The two visit nodes in their own random orders, so
    on the same graph they may split a loosely tied group differently; on a graph with clear
    communities they agree (tests/test_network.py). ``method`` ("networkx" or "igraph")
    forces one; ``out.attrs["method"]`` says which ran (the report names it).

    Returns:
        One row per node (index: node id): ``name``, ``sector`` and ``community`` (1 = the
        largest; isolates each form their own community).
    """
    und = to_undirected(graph) if graph.is_directed() else graph
    if method is None:
        method = "igraph" if len(und) > LOUVAIN_NETWORKX_LIMIT and _has_igraph() else "networkx"
    if method == "igraph":
        parts = _louvain_igraph(und, seed, resolution)
    elif method == "networkx":
        parts = nx.community.louvain_communities(und, weight="weight", seed=seed, resolution=resolution)
    else:
        raise ValueError(f"method must be 'networkx' or 'igraph', not {method!r}")
    parts = sorted(parts, key=lambda c: (-len(c), min(map(str, c))))
    member = {v: i for i, part in enumerate(parts, start=1) for v in part}
    out = pd.DataFrame(
        {
            "name": [und.nodes[v].get("name", v) for v in und],
            "sector": [und.nodes[v].get("sector") for v in und],
            "community": [member[v] for v in und],
        },
        index=pd.Index(list(und), name="node"),
    )
    out.attrs.update(method=method, seed=seed, resolution=resolution)
    return out


def _has_igraph() -> bool:
    try:
        import igraph  # noqa: F401
    except ImportError:
        return False
    return True


def _louvain_igraph(und: nx.Graph, seed: int, resolution: float) -> list[set]:
    """igraph's Louvain (``community_multilevel``) on a networkx graph, strength as weight,
    its random choices drawn from ``random.Random(seed)`` (reruns give the same communities)."""
    import random

    import igraph

    nodes = list(und)
    index = {v: i for i, v in enumerate(nodes)}
    edges, weights = [], []
    for u, v, w in und.edges(data="weight", default=1):
        if u != v:
            edges.append((index[u], index[v]))
            weights.append(float(w))
    h = igraph.Graph(n=len(nodes), edges=edges)
    igraph.set_random_number_generator(random.Random(seed))
    try:
        found = h.community_multilevel(weights=weights or None, resolution=resolution)
    finally:
        igraph.set_random_number_generator(random)  # igraph's default: the random module
    return [{nodes[i] for i in part} for part in found]


def community_mix(membership: pd.DataFrame, group: str = "sector", min_size: int = 2) -> pd.DataFrame:
    """The group (sector) mix of each community of ``communities()``.

    Returns:
        One row per community of at least ``min_size`` nodes: ``community``, ``size``,
        one count column per group, ``dominant`` (the largest group), ``dominant_pct``
        (its share, 0-100) and ``is_single_sector`` (dominant share at least 75 %).
    """
    sizes = membership["community"].value_counts()
    keep = membership[membership["community"].isin(sizes[sizes >= min_size].index)]
    mix = pd.crosstab(keep["community"], keep[group].fillna("unknown"))
    if mix.empty:
        return pd.DataFrame(columns=["community", "size", "dominant", "dominant_pct", "is_single_sector"])
    out = mix.copy()
    out.insert(0, "size", mix.sum(axis=1))
    out["dominant"] = mix.idxmax(axis=1)
    out["dominant_pct"] = 100.0 * mix.max(axis=1) / out["size"]
    out["is_single_sector"] = out["dominant_pct"] >= 75.0
    out.columns.name = None
    return out.reset_index().sort_values(["size", "community"], ascending=[False, True], ignore_index=True)


def components(graph: nx.Graph) -> pd.DataFrame:
    """The connected components (direction ignored), largest first.

    Returns:
        One row per component: ``component`` (1 = largest), ``size``, ``sectors`` (number of
        distinct sectors), ``members`` (up to 10 names).
    """
    und = to_undirected(graph) if graph.is_directed() else graph
    comps = sorted(nx.connected_components(und), key=lambda c: (-len(c), min(map(str, c))))
    return pd.DataFrame(
        [
            {
                "component": i,
                "size": len(c),
                "sectors": len({und.nodes[v].get("sector") for v in c}),
                "members": ", ".join(sorted(str(und.nodes[v].get("name", v)) for v in c)[:10]),
            }
            for i, c in enumerate(comps, start=1)
        ],
        columns=["component", "size", "sectors", "members"],
    )


def isolates(graph: nx.Graph) -> pd.DataFrame:
    """Stakeholders with no tie at all (index: node id; ``name``, ``sector``, ``scope``)."""
    nodes = [v for v in graph if graph.degree(v) == 0 or (graph.degree(v) == graph.number_of_edges(v, v))]
    return pd.DataFrame(
        {
            "name": [graph.nodes[v].get("name", v) for v in nodes],
            "sector": [graph.nodes[v].get("sector") for v in nodes],
            "scope": [graph.nodes[v].get("scope") for v in nodes],
        },
        index=pd.Index(nodes, name="node"),
    )


def bridges(graph: nx.Graph) -> pd.DataFrame:
    """Ties whose removal splits a component (graph bridges, direction ignored).

    Returns:
        One row per bridge: ``source``, ``target``, their names and sectors,
        ``is_cross_sector`` and ``strength``; cross-sector bridges first.
    """
    und = to_undirected(graph) if graph.is_directed() else graph
    cols = [
        "source",
        "target",
        "source_name",
        "target_name",
        "source_sector",
        "target_sector",
        "is_cross_sector",
        "strength",
    ]
    rows = []
    for u, v in nx.bridges(und):
        u, v = sorted((u, v), key=str)
        su, sv = und.nodes[u].get("sector"), und.nodes[v].get("sector")
        rows.append(
            [
                u,
                v,
                und.nodes[u].get("name", u),
                und.nodes[v].get("name", v),
                su,
                sv,
                su != sv,
                und.edges[u, v].get("weight", 1),
            ]
        )
    out = pd.DataFrame(rows, columns=cols)
    return out.sort_values(["is_cross_sector", "source", "target"], ascending=[False, True, True], ignore_index=True)


def sector_graph(graph: nx.Graph, group: str = "sector") -> nx.Graph:
    """The group-to-group graph: node ``size`` = stakeholders, edge ``weight`` = ties between groups.

    Ties inside a group are the node's ``internal`` count; pairs are counted once.
    """
    und = to_undirected(graph) if graph.is_directed() else graph
    out = nx.Graph()
    for key, size in Counter(und.nodes[v].get(group) or "other" for v in und).items():
        out.add_node(key, size=size, internal=0)
    for u, v in und.edges():
        if u == v:
            continue
        gu, gv = und.nodes[u].get(group) or "other", und.nodes[v].get(group) or "other"
        if gu == gv:
            out.nodes[gu]["internal"] += 1
        elif out.has_edge(gu, gv):
            out.edges[gu, gv]["weight"] += 1
        else:
            out.add_edge(gu, gv, weight=1)
    return out


def focus_summary(graph: nx.DiGraph, focus: str) -> pd.DataFrame:
    """The ties of one stakeholder: who, which sector, which direction, how strong, from where.

    Returns:
        One row per partner (index: partner id): ``name``, ``sector``, ``direction``
        ("both", "out" = focus -> partner, "in"), ``strength``, ``kinds`` and ``sources``
        (comma-separated), strongest first.
    """
    if focus not in graph:
        raise KeyError(f"{focus!r} is not a stakeholder of the graph")
    partners = sorted(set(graph.successors(focus)) | set(graph.predecessors(focus)), key=str)
    rows = []
    for p in partners:
        arcs = [graph.edges[e] for e in ((focus, p), (p, focus)) if graph.has_edge(*e)]
        direction = "both" if len(arcs) == 2 else ("out" if graph.has_edge(focus, p) else "in")
        rows.append(
            {
                "node": p,
                "name": graph.nodes[p].get("name", p),
                "sector": graph.nodes[p].get("sector"),
                "direction": direction,
                "strength": max(a.get("strength", 1) for a in arcs),
                "kinds": ", ".join(sorted(set().union(*(a.get("kinds", set()) for a in arcs)))),
                "sources": ", ".join(sorted(set().union(*(a.get("sources", set()) for a in arcs)))),
            }
        )
    out = pd.DataFrame(rows, columns=["node", "name", "sector", "direction", "strength", "kinds", "sources"])
    return out.sort_values(["strength", "name"], ascending=[False, True], kind="stable").set_index("node")


# ---------------------------------------------------------------------------------------
# Findings in plain language
# ---------------------------------------------------------------------------------------


def findings(
    graph: nx.DiGraph,
    lang: str = "en",
    *,
    roles: pd.DataFrame | None = None,
    ei: pd.DataFrame | None = None,
    membership: pd.DataFrame | None = None,
    un_sector: str = "un_system",
) -> list[str]:
    """Plain-language sentences computed from the numbers, in the page language (the catalogs).

    Covers: the most inward-looking sector (lowest E-I), the top broker and its main role,
    the UN system's share of all brokerage ("catalyst and strategic bridge"), the number of
    isolates and communities dominated by one sector. Sentences name sectors and the top
    broker only (never a stakeholder in a negative light). Measures not given are computed.

    Args:
        graph: the tie graph.
        lang: a language code of `i18n.LANGUAGES`.
        roles: ``brokerage_roles(graph, "sector")``.
        ei: ``ei_index(graph, "sector")``.
        membership: ``communities(graph)``.
        un_sector: the sector key of the UN system.

    Returns:
        A list of sentences (plain text; the caller escapes them for HTML).
    """
    _ = i18n.translator(lang)
    sector = lambda key: _.label(vocab.SECTORS, key) if key else _("no sector")  # noqa: E731
    num = _.number
    out: list[str] = []
    if graph.number_of_edges() == 0:
        return [_("The workbook records no ties, so there is no network to analyse.")]
    ei = ei_index(graph, "sector", permutations=500) if ei is None else ei
    groups = ei[(ei["level"] == "group") & ei["ei"].notna() & (ei["size"] >= 2)].sort_values("ei", kind="stable")
    net = ei[ei["level"] == "network"].iloc[0]
    out.append(
        _(
            "Across the network, {external} of {total} ties link different sectors (E-I index {ei}; -1 means "
            "every tie stays within its sector).",
            external=num(net["external"]),
            total=num(net["internal"] + net["external"]),
            ei=signed(net["ei"], lang),
        )
    )
    if pd.notna(net.get("expected", np.nan)):
        if net["p_lower"] <= 0.05:
            rare = (
                _("none of the shuffles is as low")
                if net["p_lower"] == 0
                else _("only {pct} of shuffles are as low", pct=_.percent(100 * net["p_lower"], 0))
            )
            out.append(
                _(
                    "Ties stay within sectors more than chance would give: with sectors shuffled at random the "
                    "index would be {expected} on average, and {rare}: the tendency to work in silos shows in "
                    "the network.",
                    expected=signed(net["expected"], lang),
                    rare=rare,
                )
            )
        else:
            out.append(
                _(
                    "Ties cross sectors about as often as chance would give (shuffled sectors: {expected} on average).",
                    expected=signed(net["expected"], lang),
                )
            )
    if len(groups):
        low = groups.iloc[0]
        has_chance = pd.notna(low.get("expected", np.nan))
        values = {
            "sector": sector(low["group"]),
            "internal": num(low["internal"]),
            "total": num(low["internal"] + low["external"]),
            "ei": signed(low["ei"], lang),
            "expected": signed(low["expected"], lang) if has_chance else "",
        }
        if has_chance:
            out.append(
                _(
                    "The most inward-looking sector is {sector}: {internal} of its {total} ties stay inside it "
                    "(E-I {ei}; {expected} if its ties ignored sectors).",
                    **values,
                )
            )
        elif low["ei"] < 0:
            out.append(
                _(
                    "The most inward-looking sector is {sector}: {internal} of its {total} ties stay inside it "
                    "(E-I {ei}).",
                    **values,
                )
            )
        else:
            out.append(
                _(
                    "No sector is inward-looking: even the most internal one, {sector}, has more ties outside "
                    "than inside (E-I {ei}).",
                    **values,
                )
            )
    roles = brokerage_roles(graph, "sector") if roles is None else roles
    if roles["total"].sum() > 0:
        top = roles["total"].idxmax()
        row = roles.loc[top]
        main = max(ROLES, key=lambda r: row[r])
        out.append(
            _(
                "The top broker is {name} ({sector}), on {n} open two-paths; its main role is {role} ({count}).",
                name=graph.nodes[top].get("name", top),
                sector=sector(graph.nodes[top].get("sector")),
                n=num(row["total"]),
                role=_(ROLE_LABELS[main]).lower(),
                count=num(row[main]),
            )
        )
        un = roles[roles["group"] == un_sector]
        if len(un):
            share = 100.0 * un["total"].sum() / roles["total"].sum()
            across = un[["itinerant", "representative", "gatekeeper", "liaison"]].to_numpy().sum()
            across_pct = 100.0 * across / un["total"].sum() if un["total"].sum() else 0.0
            node_pct = 100.0 * len(un) / len(roles)
            out.append(
                _.n(
                    "The UN system ({n} stakeholder, {pct} of the network) holds {share} of all brokerage; "
                    '{across} of its brokerage links other sectors, its part as "catalyst and strategic '
                    'bridge".',
                    "The UN system ({n} stakeholders, {pct} of the network) holds {share} of all brokerage; "
                    '{across} of its brokerage links other sectors, its part as "catalyst and strategic '
                    'bridge".',
                    len(un),
                    pct=_.percent(node_pct, 0),
                    share=_.percent(share, 0),
                    across=_.percent(across_pct, 0),
                )
            )
    n_iso = len(isolates(graph))
    out.append(
        _.n(
            "{n} stakeholder has no recorded tie (isolates).",
            "{n} stakeholders have no recorded tie (isolates).",
            n_iso,
        )
        if n_iso
        else _("Every stakeholder has at least one recorded tie.")
    )
    membership = communities(graph) if membership is None else membership
    mix = community_mix(membership)
    single = mix[mix["is_single_sector"] & (mix["size"] >= 3)]
    if len(mix):
        if len(single):
            names = ", ".join(sorted({sector(s) for s in single["dominant"]}))
            out.append(
                _.n(
                    "{n} of {total} communities is dominated by one sector (75 % or more of its members): {names}.",
                    "{n} of {total} communities are dominated by one sector (75 % or more of their members): {names}.",
                    len(single),
                    total=num(len(mix)),
                    names=names,
                )
            )
        else:
            out.append(_("None of the {n} communities is dominated by a single sector.", n=num(len(mix))))
    return out


def signed(x: object, lang: str = "en") -> str:
    """An index from -1 to +1 with its sign and two decimals, as the language writes it ("—" when blank).

    >>> signed(-0.1234), signed(0.5, "pt"), signed(float("nan"))
    ('-0.12', '+0,50', '—')
    """
    from babel.numbers import format_decimal

    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "—"
    return format_decimal(float(x), format="+0.00;-0.00", locale=i18n.translator(lang).locale)


# ---------------------------------------------------------------------------------------
# Tables for the report (keys stay keys: the report translates the sector vocabulary)
# ---------------------------------------------------------------------------------------

# Column headers of the network tables (English msgids; the report translates them).
TABLE_LABELS: dict[str, str] = {
    "name": N_("Stakeholder"),
    "sector": N_("Sector"),
    "group": N_("Sector"),
    "degree": N_("Number of partners"),
    "weighted_degree": N_("Partners weighted by strength"),
    "betweenness": N_("Betweenness"),
    "pagerank": N_("PageRank"),
    "constraint": N_("Burt constraint"),
    **ROLE_LABELS,
    "size": N_("Stakeholders"),
    "internal": N_("Ties inside"),
    "external": N_("Ties to other sectors"),
    "ei": N_("E-I index"),
    "community": N_("Community"),
    "dominant": N_("Main sector"),
    "dominant_pct": N_("Main sector share (%)"),
    "scope": N_("Scope"),
    "quadrant": N_("Grid position"),
    "direction": N_("Direction"),
    "strength": N_("Strength"),
    "kinds": N_("Kinds of tie"),
    "sources": N_("Recorded in"),
    "others": N_("Other sectors (stakeholders)"),
    "component": N_("Component"),
    "sectors": N_("Sectors"),
    "members": N_("Members"),
}


def top_central(cent: pd.DataFrame, n: int = 15) -> pd.DataFrame:
    """The ``n`` most central stakeholders of ``centrality_table``, rounded for reading."""
    out = cent.head(n)[["name", "sector", "quadrant", "degree", "weighted_degree", "betweenness", "pagerank"]].copy()
    out["betweenness"] = out["betweenness"].round(3)
    out["pagerank"] = out["pagerank"].round(3)
    return out.reset_index(drop=True)


def top_brokers(roles: pd.DataFrame, graph: nx.Graph, n: int = 15) -> pd.DataFrame:
    """The ``n`` stakeholders on most open two-paths, with their name, sector and role counts."""
    best = roles[roles["total"] > 0].sort_values("total", ascending=False, kind="stable").head(n)
    out = best[[*ROLES, "total"]].copy()
    out.insert(0, "sector", best["group"])
    out.insert(0, "name", [graph.nodes[v].get("name", v) for v in best.index])
    return out.reset_index(drop=True)


def ei_table(ei: pd.DataFrame) -> pd.DataFrame:
    """The sector rows of ``ei_index``, most inward-looking first (NaN = no ties)."""
    out = ei[ei["level"] == "group"][["group", "size", "internal", "external", "ei"]].rename(
        columns={"group": "sector"}
    )
    out["ei"] = out["ei"].round(2)
    return out.sort_values("ei", kind="stable", na_position="last").reset_index(drop=True)


def community_table(mix: pd.DataFrame, lang: str = "en", max_sectors: int = 3) -> pd.DataFrame:
    """``community_mix`` in words: community, size, main sector and share, the next sectors."""
    fixed = {"community", "size", "dominant", "dominant_pct", "is_single_sector"}
    sectors = [c for c in mix.columns if c not in fixed]
    rows = []
    label = i18n.translator(lang).label
    for _, r in mix.iterrows():
        counts = sorted(((int(r[s]), s) for s in sectors if r[s] > 0), key=lambda t: (-t[0], t[1]))
        rest = ", ".join(f"{label(vocab.SECTORS, s)} {c}" for c, s in counts[1 : 1 + max_sectors])
        rows.append(
            {
                "community": int(r["community"]),
                "size": int(r["size"]),
                "dominant": r["dominant"],
                "dominant_pct": int(round(float(r["dominant_pct"]))),
                "others": rest,
            }
        )
    return pd.DataFrame(rows, columns=["community", "size", "dominant", "dominant_pct", "others"])


def focus_table(graph: nx.DiGraph, focus: str, lang: str = "en") -> pd.DataFrame:
    """``focus_summary`` in words: direction, kinds of tie and where each tie is recorded, translated.

    >>> g = build_tie_graph({"stakeholders": pd.DataFrame({"id": ["A", "B"], "name": ["Ana", "Bo"],
    ...     "sector": ["media", "media"], "partners": [["B"], []]})})
    >>> focus_table(g, "A", "es").to_dict("records")
    [{'name': 'Bo', 'sector': 'media', 'direction': 'ambos sentidos', 'strength': 1, 'kinds': 'Alianza', 'sources': 'lista de alianzas'}]
    """
    out = focus_summary(graph, focus).reset_index(drop=True)
    _ = i18n.translator(lang)
    out["direction"] = [_(_DIRECTIONS[d]) for d in out["direction"]]
    out["kinds"] = [", ".join(_.label(vocab.TIE_KINDS, k) for k in kinds.split(", ") if k) for kinds in out["kinds"]]
    out["sources"] = [", ".join(_source_label(x, lang) for x in src.split(", ") if x) for src in out["sources"]]
    return out


def describe_graph(graph: nx.DiGraph) -> dict[str, int]:
    """Counts for the report's opening line: stakeholders, tied pairs and pairs per source of record."""
    und = to_undirected(graph)
    by_source = Counter()
    for _, _, d in und.edges(data=True):
        for src in {s.split(":")[0] for s in d.get("sources", ())}:
            by_source[src] += 1
    return {
        "stakeholders": len(und),
        "pairs": und.number_of_edges(),
        "from_ties": by_source["ties"],
        "from_partners": by_source["partners"],
        "from_partnerships": by_source["partnerships"],
        "isolates": sum(1 for v in und if und.degree(v) == 0),
    }


# ---------------------------------------------------------------------------------------
# Private helpers
# ---------------------------------------------------------------------------------------

_DIRECTIONS = {"both": N_("both ways"), "out": N_("from the focus"), "in": N_("to the focus")}
_SOURCES = {"ties": N_("ties sheet"), "partners": N_("partners list"), "partnerships": N_("partnership")}


def _source_label(source: str, lang: str) -> str:
    kind, _, ref = source.partition(":")
    text = i18n.gettext(_SOURCES[kind], lang) if kind in _SOURCES else kind
    return f"{text} {ref}" if ref else text


def _table(obj: object, key: str) -> pd.DataFrame:
    if isinstance(obj, Mapping):
        df = obj.get(key)
    else:
        df = getattr(obj, key, None)
    return df if isinstance(df, pd.DataFrame) else pd.DataFrame()


def _about(obj: object) -> Mapping | None:
    return obj.get("about") if isinstance(obj, Mapping) else getattr(obj, "about", None)


def _clean(value: object) -> object:
    """None for blanks of every kind (None, NaN, NA, NaT, empty text)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, (list, tuple, set)):
        return value
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    return value


def _as_list(value: object) -> list[str]:
    value = _clean(value)
    if value is None:
        return []
    if isinstance(value, str):
        return [s.strip() for s in value.split(";") if s.strip()]
    return [v for v in value if _clean(v) is not None]


def _by_value(table: pd.DataFrame, column: str, fn: Callable) -> list:
    """fn of each cell of a column (None for every row when the column is missing), computed
    once per distinct value: a list in row order."""
    if column not in table.columns:
        return [fn(None)] * len(table)
    values = table[column]
    try:
        codes, uniques = pd.factorize(values, use_na_sentinel=True)
    except TypeError:  # unhashable cells (lists): one by one
        return [fn(v) for v in values]
    if len(uniques) == len(values):  # nothing repeats (ids): factorising buys nothing
        return [fn(v) for v in values]
    # a blank (None, NaN, NaT) is read as the cell itself would be: factorize folds them into -1
    mapped = [fn(v) for v in uniques] + [fn(None)]
    return [mapped[c] for c in codes.tolist()]


def _year(value: object) -> int | None:
    value = _clean(value)
    if value is None:
        return None
    return int(getattr(value, "year", value))


def _is_active(since: object, until: object, year: int | None) -> bool:
    if year is None:
        return True
    since, until = _year(since), _year(until)
    return not ((until is not None and until < year) or (since is not None and since > year))


def _add_tie(arcs: dict, u: str, v: str, kind: str, directed: bool, strength: int, source: str) -> None:
    if u == v or _clean(u) is None or _clean(v) is None:
        return
    for a, b in ((u, v),) if directed else ((u, v), (v, u)):
        e = arcs.get((a, b))
        if e is None:
            arcs[(a, b)] = {"strength": strength, "kinds": {kind}, "sources": {source}, "is_undirected": not directed}
        else:
            e["strength"] = max(e["strength"], strength)
            e["kinds"].add(kind)
            e["sources"].add(source)
            e["is_undirected"] = e["is_undirected"] or not directed


def _group_labels(graph: nx.Graph, group: str | Mapping | Callable) -> dict:
    if isinstance(group, str):
        return {v: graph.nodes[v].get(group) for v in graph}
    if isinstance(group, Mapping):
        return {v: group.get(v) for v in graph}
    return {v: group(v) for v in graph}


def _density(g: nx.DiGraph) -> float:
    n = len(g)
    m = sum(1 for u, v in g.edges() if u != v)
    return m / (n * (n - 1)) if n > 1 else 0.0


def _brokerage_moments_by_node(g: nx.DiGraph, labels: dict, nodes: list) -> tuple[np.ndarray, np.ndarray]:
    """sna's expected counts and standard deviations per broker class (brokerage(), R/gli.R).

    Under a Bernoulli graph of density d, each open two-path a -> b -> c has probability
    d^2 (1 - d); the variances add the covariance of two-paths sharing one arc.
    """
    N = float(len(g))
    d = _density(g)
    p = d * d * (1 - d)
    q = d**3 * (1 - d) ** 3
    sizes = Counter(labels[v] for v in nodes)
    moments = {}
    for c, ni in sizes.items():
        ni = float(ni)
        others = np.array([float(m) for k, m in sizes.items() if k != c])
        e = np.zeros(6)
        var = np.zeros(6)
        e[0] = p * (ni - 1) * (ni - 2)
        var[0] = e[0] * (1 - p) + 2 * (ni - 1) * (ni - 2) * (ni - 3) * q
        e[1] = p * np.sum(others * (others - 1))
        var[1] = e[1] * (1 - p) + 2 * np.sum(others * (others - 1) * (others - 2)) * q
        e[2] = p * (N - ni) * (ni - 1)
        var[2] = e[2] * (1 - p) + 2 * ((ni - 1) * math.comb(int(N - ni), 2) + (N - ni) * math.comb(int(ni - 1), 2)) * q
        e[3], var[3] = e[2], var[2]
        e[4] = p * (np.sum(np.outer(others, others)) - np.sum(others**2))
        var[4] = e[4] * (1 - p) + 4 * np.sum(others * _choose2(N - others - ni)) * q
        e[5] = p * (N - 1) * (N - 2)
        var[5] = e[5] * (1 - p) + 2 * (N - 1) * (N - 2) * (N - 3) * q
        moments[c] = (e, np.sqrt(var))
    exp = np.array([moments[labels[v]][0] for v in nodes]).reshape(len(nodes), 6)
    sd = np.array([moments[labels[v]][1] for v in nodes]).reshape(len(nodes), 6)
    return exp, sd


def _brokerage_moments_global(n: np.ndarray, N: float, d: float) -> tuple[np.ndarray, np.ndarray]:
    """sna's whole-network expected counts and variances (``exp.gli``, ``sd.gli`` squared)."""
    p = d * d * (1 - d)
    a3, a4, a5 = d**3 * (1 - d) ** 3, d**4 * (1 - d) ** 2, d**5 * (1 - d)
    e = np.zeros(6)
    v = np.zeros(6)
    e[0] = p * np.sum(n * (n - 1) * (n - 2))
    v[0] = e[0] * (1 - p) + np.sum(n * (n - 1) * (n - 2) * ((4 * n - 10) * a3 - 4 * (n - 3) * a4 + (n - 3) * a5))
    e[1] = p * np.sum(n * (N - n) * (n - 1))
    x, y = np.meshgrid(n, n, indexing="ij")
    v[1] = e[1] * (1 - p) + (
        np.sum(x * y * (x - 1) * ((2 * x + 2 * y - 6) * a3 + (N - x - 1) * a5))
        - np.sum(n * n * (n - 1) * ((4 * n - 6) * a3 + (N - n - 1) * a5))
    )
    e[2] = p * np.sum(n * (N - n) * (n - 1))
    v[2] = e[2] * (1 - p) + np.sum(n * (N - n) * (n - 1) * ((N - 3) * a3 + (n - 2) * a5))
    e[3], v[3] = e[2], v[2]
    e[4] = p * (np.sum(x * y * (N - x - y)) - np.sum(n * n * (N - 2 * n)))
    v[4] = e[4] * (1 - p)
    k = len(n)
    for i in range(k):
        for j in range(k):
            for m in range(k):
                if i != j and j != m and i != m:
                    v[4] += (
                        n[i]
                        * n[j]
                        * n[m]
                        * (
                            (4 * (N - n[j]) - 2 * (n[i] + n[m] + 1)) * a3
                            - (4 * (N - n[m]) - 2 * (n[i] + n[j] + 1)) * a4
                            + (N - (n[i] + n[m] + 1)) * a5
                        )
                    )
    e[5] = p * N * (N - 1) * (N - 2)
    v[5] = e[5] * (1 - p) + N * (N - 1) * (N - 2) * ((4 * N - 10) * a3 - 4 * (N - 3) * a4 + (N - 3) * a5)
    return e, v


def _choose2(x: np.ndarray) -> np.ndarray:
    return np.where(x >= 2, x * (x - 1) / 2, 0.0)
