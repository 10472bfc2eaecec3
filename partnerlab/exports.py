"""Data out: the tie network and the processed tables in the formats other tools read.

`write_exports(wb, folder, lang)` writes, into one folder (the batch's ``data/``; `write_network`
the network files, `write_tables` the rest):

- ``network.gexf`` (GEXF 1.3) and ``network.graphml`` (Gephi, Cytoscape, R igraph, networkx): one
  node per stakeholder with the attributes the reports compute (`node_table`), one undirected
  edge per tied pair (strength as ``weight``, tie kinds, whether the tie has a direction);
  streamed element by element (partnerlab.xmlwrite), so they are written at any network size;
- ``kumu.xlsx``: Kumu's spreadsheet import ("Elements": Label, Type, Description, Tags, ...;
  "Connections": From, To, Type, Direction, Strength);
- ``gephi_nodes.csv`` and ``gephi_edges.csv``: Gephi's spreadsheet import (Id, Label, ...;
  Source, Target, Type, Weight);
- ``network.dl`` (UCINET DL, edgelist1) and ``network.net`` (Pajek; *Edges and *Arcs);
- ``tables/<sheet>.csv``: every non-empty table of the workbook as loaded, and
  ``tables/network_nodes.csv``;
- ``README.md`` saying what each file is (in the batch's language).

The ``contact`` column is never written. Every text cell of a CSV or XLSX that a spreadsheet
could read as a formula (starting with = + - @, a tab or a line break) is written as text:
in XLSX with Excel's quote prefix (the value itself unchanged), in CSV prefixed with ``'``
(OWASP's advice; `unescape_csv_text` removes it when partnerlab reads the file back).
GEXF and GraphML never hold None: a blank text attribute is written as ``""`` and a blank
number is left out. The XLSX is streamed too; only the network measures (`node_table`) and
the tables of one file are in memory at a time.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import math
import os
import pickle
from collections.abc import Iterable, Mapping
from pathlib import Path

import networkx as nx
import pandas as pd

from partnerlab import i18n, screening, vocab, xmlwrite
from partnerlab import network as net
from partnerlab.findings import FORMULA_TRIGGERS
from partnerlab.i18n import N_

__all__ = [
    "EXPORT_FILES",
    "write_exports",
    "write_network",
    "write_tables",
    "NETWORK_SHEETS",
    "node_table",
    "tie_table",
    "export_graph",
    "write_gexf",
    "write_graphml",
    "kumu_frames",
    "gephi_frames",
    "csv_safe",
    "unescape_csv_text",
    "PERSONAL_COLUMNS",
]

PERSONAL_COLUMNS = ("contact",)  # personal data: never leaves the workbook
EXPORT_FILES = (
    "network.gexf",
    "network.graphml",
    "kumu.xlsx",
    "gephi_nodes.csv",
    "gephi_edges.csv",
    "network.dl",
    "network.net",
)
ROLE_COLUMNS = (*net.ROLES, "total")
# what `write_network` reads of a workbook, besides its about sheet (test_export checks it)
NETWORK_SHEETS = ("stakeholders", "ties", "partnerships", "due_diligence")


TEXT_NODE_ATTRS = ("name", "sector", "scope", "states", "quadrant", "screening")
NUMBER_NODE_ATTRS = (
    "influence",
    "interest",
    "degree",
    "degree_centrality",
    "weighted_degree",
    "betweenness",
    "pagerank",
    "community",
    *(f"brokerage_{r}" for r in ROLE_COLUMNS),
)


MEASURES_FILE = "network_measures.pkl"  # the network report's measures, left for data/ (keep_measures)


def keep_measures(processed: str | Path, measures: Mapping[str, pd.DataFrame]) -> None:
    """Leave the network report's measures of the workbook's whole tie graph (centrality,
    brokerage, communities) next to the batch's pre-parsed tables, so that data/ does not compute
    them again (`kept_measures`; at 100,000 stakeholders about 70 s of CPU). Best effort: a folder
    that cannot be written is left as it is."""
    folder = Path(processed)
    tmp = folder / f".{MEASURES_FILE}.{os.getpid()}"
    try:
        with open(tmp, "wb") as fh:
            pickle.dump(dict(measures), fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, folder / MEASURES_FILE)  # whole or not at all, for a batch reading it
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink()


def kept_measures(processed: str | Path | None) -> dict | None:
    """The measures `keep_measures` left in the batch's folder of pre-parsed tables (None: none,
    or unreadable; the folder is the batch's own, as its pickled tables are)."""
    if not processed:
        return None
    try:
        with open(Path(processed) / MEASURES_FILE, "rb") as fh:
            found = pickle.load(fh)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError, ValueError):
        return None
    return found if isinstance(found, dict) else None


def write_exports(
    wb, folder: str | Path, lang: str = "en", measures: Mapping[str, pd.DataFrame] | None = None
) -> list[str]:
    """Write every export of one workbook into folder: `write_network`, then `write_tables`.

    Args:
        wb: A loaded `Workbook` (docs/tables.md).
        folder: The folder to write (created).
        lang: A code of `i18n.LANGUAGES`: labels in the Kumu and Gephi files and the README's language.
        measures: The network measures already computed for this workbook's tie graph (see `node_table`),
            so that they are not computed twice; None: computed here.

    Returns:
        The files written, relative to folder, in the order of the README.
    """
    return write_tables(wb, folder, write_network(wb, folder, lang, measures), lang)


def write_network(wb, folder: str | Path, lang: str = "en", measures: Mapping[str, pd.DataFrame] | None = None) -> dict:
    """The network files into folder: EXPORT_FILES (when there is a network) and
    ``tables/network_nodes.csv``. They read NETWORK_SHEETS of the workbook and its about sheet only,
    so a batch copies them from its previous run when those are unchanged (arguments as
    `write_exports`).

    Returns:
        {"files": the files written, relative to folder; "nodes", "ties": the network's size}, what
        `write_tables` needs of them.
    """
    folder = Path(folder)
    (folder / "tables").mkdir(parents=True, exist_ok=True)
    graph = net.build_tie_graph(wb)
    nodes, ties = node_table(wb, graph, measures), tie_table(graph)
    written: list[str] = []
    if len(graph):
        as_of = (getattr(wb, "about", None) or {}).get("as_of")  # the data's date, not today's
        as_of = as_of.date() if isinstance(as_of, dt.datetime) else as_of if isinstance(as_of, dt.date) else None
        write_gexf(folder / "network.gexf", nodes, ties, as_of)
        write_graphml(folder / "network.graphml", nodes, ties)
        elements, connections = kumu_frames(nodes, ties, lang, wb.stakeholders)
        _write_xlsx(folder / "kumu.xlsx", {"Elements": elements, "Connections": connections})
        del elements, connections
        gnodes, gedges = gephi_frames(nodes, ties, lang)
        _write_csv(folder / "gephi_nodes.csv", gnodes)
        _write_csv(folder / "gephi_edges.csv", gedges)
        del gnodes, gedges
        (folder / "network.dl").write_text(ucinet_dl(graph), encoding="utf-8")
        (folder / "network.net").write_text(pajek_net(nodes, ties), encoding="utf-8")
        written += list(EXPORT_FILES)
    n_nodes = len(graph)
    del graph
    if len(nodes):
        _write_csv(folder / "tables" / "network_nodes.csv", nodes)
        written.append("tables/network_nodes.csv")
    return {"files": written, "nodes": n_nodes, "ties": len(ties)}


def write_tables(wb, folder: str | Path, network: Mapping, lang: str = "en") -> list[str]:
    """``tables/<sheet>.csv`` of every non-empty table of the workbook and ``README.md`` into folder,
    beside the network files `write_network` gave (`network`: its result, whether it wrote them
    now or a batch copied them). Returns every file of folder, relative to it, in the README's order."""
    folder = Path(folder)
    (folder / "tables").mkdir(parents=True, exist_ok=True)
    written = [f for f in network["files"] if not f.startswith("tables/")]
    for key, table in getattr(wb, "tables", {}).items():
        if len(table):
            _write_csv(folder / "tables" / f"{key}.csv", _tidy(table))
            written.append(f"tables/{key}.csv")
    written += [f for f in network["files"] if f.startswith("tables/")]
    (folder / "README.md").write_text(_readme(written, lang, network["nodes"], network["ties"]), encoding="utf-8")
    return ["README.md", *written]


def node_table(wb, graph: nx.DiGraph | None = None, measures: Mapping[str, pd.DataFrame] | None = None) -> pd.DataFrame:
    """One row per node of the tie graph with what the reports compute about it.

    Columns: id, name, sector, scope, states ("; "-joined), influence, interest, quadrant,
    degree, degree_centrality, weighted_degree, betweenness, pagerank, community,
    brokerage_<role> (Gould-Fernandez counts by sector, and brokerage_total), screening
    (latest due-diligence outcome key; "" when the workbook has no screening sheet).

    The measures are the network report's, computed with the same calls (so with its sampling:
    betweenness from `network.BETWEENNESS_SAMPLES` sources above `network.EXACT_BETWEENNESS_LIMIT`
    stakeholders, igraph's Louvain above `network.LOUVAIN_NETWORKX_LIMIT`). ``measures`` may hand
    over tables already computed on the same graph, by key: ``"centrality"``
    (`network.centrality_table(graph)`), ``"brokerage"`` (`network.brokerage_roles(graph, "sector")`),
    ``"communities"`` (`network.communities(graph, seed=0)`); a missing key is computed here.
    """
    graph = net.build_tie_graph(wb) if graph is None else graph
    ids = list(graph)
    if not ids:
        return pd.DataFrame(columns=["id", *TEXT_NODE_ATTRS, *NUMBER_NODE_ATTRS])
    measures = measures or {}
    cent = measures.get("centrality")
    cent = net.centrality_table(graph) if cent is None else cent
    roles = measures.get("brokerage")
    roles = net.brokerage_roles(graph, "sector") if roles is None else roles
    members = measures.get("communities")
    members = net.communities(graph, seed=0) if members is None else members
    given = set(ids)
    for key, table in (("centrality", cent), ("brokerage", roles), ("communities", members)):
        if len(table) != len(ids) or set(table.index) != given:
            raise ValueError(f"measures[{key!r}] was not computed on this workbook's tie graph ({len(ids)} nodes)")
    outcome: dict[str, str] = {}
    dd = getattr(wb, "tables", {}).get("due_diligence")
    if dd is not None and len(dd):
        status = screening.screening_status(wb.stakeholders, screening.screen(dd), screening.resolve_as_of(wb.about))
        outcome = dict(zip(status["stakeholder"], status["outcome"]))
    attrs = graph._node  # the node dicts: outside the loops, views are slow
    out = pd.DataFrame(
        {
            "id": ids,
            "name": [attrs[v].get("name") or v for v in ids],
            **{k: [attrs[v].get(k) for v in ids] for k in ("sector", "scope")},
            "states": ["; ".join(attrs[v].get("states") or []) for v in ids],
            **{k: [attrs[v].get(k) for v in ids] for k in ("influence", "interest", "quadrant")},
        }
    )
    # the measures, aligned on the graph's node order (each table is indexed by node id)
    measures = cent.reindex(ids)
    for k in ("degree", "degree_centrality", "weighted_degree", "betweenness", "pagerank"):
        out[k] = measures[k].to_numpy()
    out["community"] = members["community"].reindex(ids).to_numpy()
    by_role = roles.reindex(ids)
    for r in ROLE_COLUMNS:
        out[f"brokerage_{r}"] = by_role[r].to_numpy()
    out["screening"] = [outcome.get(v, "") for v in ids]
    for col in ("influence", "interest"):
        out[col] = out[col].astype("Int64")
    return out


def tie_table(graph: nx.DiGraph) -> pd.DataFrame:
    """One row per tie as the workbook records it: an undirected pair once, a directed tie per direction.

    Columns: source, target, is_directed, strength, kinds ("; "-joined keys, sorted),
    sources ("; "-joined: ties, partners, partnerships:<id>).
    """
    rows, seen = [], set()
    for u, v, d in graph.edges(data=True):
        back = graph.get_edge_data(v, u)
        undirected = bool(d.get("is_undirected")) or bool(back and back.get("is_undirected"))
        if undirected:
            pair = frozenset((u, v))
            if pair in seen:
                continue
            seen.add(pair)
            kinds = set(d.get("kinds", ())) | set((back or {}).get("kinds", ()))
            srcs = set(d.get("sources", ())) | set((back or {}).get("sources", ()))
            strength = max(d.get("strength", 1), (back or {}).get("strength", 1))
        else:
            kinds, srcs, strength = set(d.get("kinds", ())), set(d.get("sources", ())), d.get("strength", 1)
        rows.append(
            {
                "source": u,
                "target": v,
                "is_directed": not undirected,
                "strength": int(strength),
                "kinds": "; ".join(_kind_order(kinds)),
                "sources": "; ".join(sorted(srcs)),
            }
        )
    return pd.DataFrame(rows, columns=["source", "target", "is_directed", "strength", "kinds", "sources"])


def export_graph(nodes: pd.DataFrame, ties: pd.DataFrame) -> nx.Graph:
    """The undirected graph written to GEXF and GraphML: no None anywhere, plain Python types.

    One edge per tied pair; a pair tied both ways by two directed ties keeps the larger
    strength. Edge attributes: weight (= strength), strength, kinds, sources, is_directed
    (True when the pair's ties all have a direction) and direction ("A -> B", "" when undirected).
    """
    g = nx.Graph()
    for rec in nodes.to_dict("records"):
        attrs = {k: _text(rec.get(k)) for k in TEXT_NODE_ATTRS}
        for k in NUMBER_NODE_ATTRS:
            value = _number(rec.get(k))
            if value is not None:
                attrs[k] = value
        attrs["label"] = attrs["name"]
        g.add_node(str(rec["id"]), **attrs)
    for rec in ties.to_dict("records"):
        u, v = str(rec["source"]), str(rec["target"])
        strength = int(rec["strength"])
        if g.has_edge(u, v):  # the reverse of a directed tie already written
            e = g.edges[u, v]
            e["weight"] = e["strength"] = max(e["strength"], strength)
            e["kinds"] = "; ".join(_kind_order(set(e["kinds"].split("; ")) | set(rec["kinds"].split("; "))))
            e["direction"] = f"{e['direction']}; {u} -> {v}"
            continue
        g.add_edge(
            u,
            v,
            weight=strength,
            strength=strength,
            kinds=_text(rec["kinds"]),
            sources=_text(rec["sources"]),
            is_directed=bool(rec["is_directed"]),
            direction=f"{u} -> {v}" if rec["is_directed"] else "",
        )
    return g


# GraphML (and GEXF) attribute types; GEXF writes the weight as the edge's own weight
EDGE_ATTRS = (
    ("weight", "long"),
    ("strength", "long"),
    ("kinds", "string"),
    ("sources", "string"),
    ("is_directed", "boolean"),
    ("direction", "string"),
)


def write_gexf(path: str | Path, nodes: pd.DataFrame, ties: pd.DataFrame, date: dt.date | None = None) -> None:
    """network.gexf (GEXF 1.3), streamed: the graph of `export_graph`, one element at a time; `date`
    (the workbook's as-of date) is its last-modified date.

    networkx reads it back (``read_gexf``) to what ``nx.write_gexf(export_graph(nodes, ties))``
    gives: the same nodes, edges and attributes (the edge ids aside), without the whole XML tree
    in memory."""
    node_attrs = _node_attr_types(nodes)
    xmlwrite.write_gexf(
        path,
        ((v, attrs["label"], attrs) for v, attrs in _export_nodes(nodes, node_attrs)),
        ((u, v, attrs["weight"], attrs) for u, v, attrs in _export_edges(ties)),
        node_attrs,
        EDGE_ATTRS[1:],
        date=date,
    )


def write_graphml(path: str | Path, nodes: pd.DataFrame, ties: pd.DataFrame) -> None:
    """network.graphml, streamed: the graph of `export_graph` (node attributes, then ``label``)."""
    node_attrs = _node_attr_types(nodes)
    xmlwrite.write_graphml(
        path, _export_nodes(nodes, node_attrs), _export_edges(ties), [*node_attrs, ("label", "string")], EDGE_ATTRS
    )


def _node_attr_types(nodes: pd.DataFrame) -> list[tuple[str, str]]:
    """(name, XML type) of the node attributes, in `export_graph`'s order: the text ones, then the numbers
    (long for an integer column, double for a float one)."""
    out = [(k, "string") for k in TEXT_NODE_ATTRS]
    for k in NUMBER_NODE_ATTRS:
        col = nodes[k] if k in nodes else pd.Series([], dtype=float)
        if pd.api.types.is_bool_dtype(col) or pd.api.types.is_integer_dtype(col):
            out.append((k, "long"))
        elif pd.api.types.is_float_dtype(col):
            out.append((k, "double"))
        else:  # an object column: the first value's type, as networkx's writers choose it
            first = next((_number(x) for x in col if _number(x) is not None), None)
            out.append((k, "double" if isinstance(first, float) else "long"))
    return out


def _export_nodes(nodes: pd.DataFrame, node_attrs: list[tuple[str, str]]):
    """(id, attributes) per node, the values of `export_graph`: text "" when blank, a blank number left out."""
    columns = {k: nodes[k].tolist() if k in nodes else [None] * len(nodes) for k, _t in node_attrs}
    texts = [k for k, t in node_attrs if t == "string"]
    numbers = [k for k, t in node_attrs if t != "string"]
    for i, v in enumerate(nodes["id"].tolist()):
        attrs = {k: _text(columns[k][i]) for k in texts}
        for k in numbers:
            attrs[k] = _number(columns[k][i])  # None: left out by the writer
        attrs["label"] = attrs["name"]
        yield str(v), attrs


def _export_edges(ties: pd.DataFrame):
    """(source, target, attributes) per tied pair, as `export_graph` merges them: a pair tied both ways by two
    directed ties is one edge (the larger strength, both kinds, both directions), at the first tie's place."""
    src, tgt = ties["source"].astype(str).tolist(), ties["target"].astype(str).tolist()
    strength, directed = ties["strength"].tolist(), ties["is_directed"].tolist()
    kinds, sources = ties["kinds"].tolist(), ties["sources"].tolist()
    merged: dict[int, dict] = {}  # row of the first tie -> its attributes, when a later reverse tie merges in
    first: dict[tuple[str, str], int] = {}  # directed pair -> its row, to find the reverse tie
    for i in range(len(src)):
        if directed[i]:
            j = first.get((tgt[i], src[i]))
            if j is not None and src[i] != tgt[i]:
                e = merged.setdefault(j, _edge_attrs(src[j], tgt[j], strength[j], kinds[j], sources[j], True))
                e["weight"] = e["strength"] = max(e["strength"], int(strength[i]))
                e["kinds"] = "; ".join(_kind_order(set(e["kinds"].split("; ")) | set(str(kinds[i]).split("; "))))
                e["direction"] = f"{e['direction']}; {src[i]} -> {tgt[i]}"
                directed[i] = None  # written with the first
            else:
                first[(src[i], tgt[i])] = i
    del first
    for i in range(len(src)):
        if directed[i] is None:
            continue
        e = merged.pop(i, None) or _edge_attrs(src[i], tgt[i], strength[i], kinds[i], sources[i], bool(directed[i]))
        yield src[i], tgt[i], e


def _edge_attrs(u: str, v: str, strength: object, kinds: object, sources: object, directed: bool) -> dict:
    s = int(strength)
    return {
        "weight": s,
        "strength": s,
        "kinds": _text(kinds),
        "sources": _text(sources),
        "is_directed": directed,
        "direction": f"{u} -> {v}" if directed else "",
    }


def kumu_frames(
    nodes: pd.DataFrame, ties: pd.DataFrame, lang: str = "en", stakeholders: pd.DataFrame | None = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The Elements and Connections sheets of Kumu's spreadsheet import.

    Elements: Label, Type (the sector label), Description (the mandate, when the workbook
    has one), Tags (roles, "|"-separated as Kumu reads them), then custom fields: ID, Scope,
    States, Influence, Interest, Quadrant, the measures and Screening. Connections: From, To
    (element labels; the IDs instead when two stakeholders share a label), Type (tie kinds,
    "|"-separated), Direction (directed or undirected), Strength (1-3).
    """
    labels = nodes["name"].astype(str)
    by = dict(zip(nodes["id"], labels)) if labels.is_unique else {i: i for i in nodes["id"]}
    mandate, roles = {}, {}
    if stakeholders is not None and len(stakeholders):
        mandate = dict(zip(stakeholders["id"], stakeholders.get("mandate", [None] * len(stakeholders))))
        roles = dict(zip(stakeholders["id"], stakeholders.get("roles", [[]] * len(stakeholders))))
    elements = pd.DataFrame(
        {
            "Label": labels,
            "Type": [vocab.SECTORS.label(s, lang) if s else "" for s in nodes["sector"]],
            "Description": [_text(mandate.get(i)) for i in nodes["id"]],
            "Tags": ["|".join(vocab.ROLES.label(r, lang) for r in (roles.get(i) or [])) for i in nodes["id"]],
            "ID": nodes["id"],
            "Scope": [vocab.SCOPES.label(s, lang) if s else "" for s in nodes["scope"]],
            "States": nodes["states"],
            "Influence": nodes["influence"],
            "Interest": nodes["interest"],
            "Quadrant": [vocab.QUADRANTS.label(q, lang) if q else "" for q in nodes["quadrant"]],
            **{c.replace("_", " ").capitalize(): nodes[c] for c in NUMBER_NODE_ATTRS[2:]},
            "Screening": [screening.OUTCOMES.label(o, lang) if o else "" for o in nodes["screening"]],
        }
    )
    connections = pd.DataFrame(
        {
            "From": [by[s] for s in ties["source"]],
            "To": [by[t] for t in ties["target"]],
            "Type": [
                "|".join(vocab.TIE_KINDS.label(k, lang) for k in str(ks).split("; ") if k) for ks in ties["kinds"]
            ],
            "Direction": ["directed" if d else "undirected" for d in ties["is_directed"]],
            "Strength": ties["strength"],
        }
    )
    return elements, connections


def gephi_frames(nodes: pd.DataFrame, ties: pd.DataFrame, lang: str = "en") -> tuple[pd.DataFrame, pd.DataFrame]:
    """The nodes and edges tables of Gephi's spreadsheet import (Data Laboratory, Import Spreadsheet).

    Nodes: Id, Label, then every column of `node_table` (sector, scope, ... as vocabulary
    keys, so they read back unchanged). Edges: Source, Target, Type (Directed or Undirected),
    Weight (the strength, 1-3), Kind (tie kinds, "; "-joined keys).
    """
    gnodes = pd.concat(
        [pd.DataFrame({"Id": nodes["id"], "Label": nodes["name"]}), nodes.drop(columns=["id", "name"])], axis=1
    )
    gedges = pd.DataFrame(
        {
            "Source": ties["source"],
            "Target": ties["target"],
            "Type": ["Directed" if d else "Undirected" for d in ties["is_directed"]],
            "Weight": ties["strength"],
            "Kind": ties["kinds"],
        }
    )
    return gnodes, gedges


def ucinet_dl(graph: nx.DiGraph) -> str:
    """UCINET DL, edgelist1 format: the ids as labels (isolates included), then one arc per line
    (node numbers, an undirected tie both ways) with the strength as value."""
    nodes = list(graph)
    number = {v: i for i, v in enumerate(nodes, start=1)}
    lines = [f"DL n={len(nodes)}", "format = edgelist1", "labels:", ",".join(_dl_label(v) for v in nodes), "data:"]
    for u, v, d in graph.edges(data=True):
        lines.append(f"{number[u]} {number[v]} {int(d.get('strength', 1))}")
    return "\n".join(lines) + "\n"


def pajek_net(nodes: pd.DataFrame, ties: pd.DataFrame) -> str:
    """Pajek .net: *Vertices with the names, *Arcs for directed ties and *Edges for undirected ones (strength as value)."""
    number = {str(v): i for i, v in enumerate(nodes["id"], start=1)}
    lines = [f"*Vertices {len(nodes)}"]
    lines += [f'{number[str(v)]} "{_pajek_text(n)}"' for v, n in zip(nodes["id"], nodes["name"])]
    for section, directed in (("*Arcs", True), ("*Edges", False)):
        lines.append(section)
        part = ties[ties["is_directed"] == directed]
        lines += [
            f"{number[str(s)]} {number[str(t)]} {int(w)}"
            for s, t, w in zip(part["source"], part["target"], part["strength"])
        ]
    return "\r\n".join(lines) + "\r\n"


def csv_safe(value: object) -> object:
    """A CSV cell a spreadsheet reads as data: text starting with = + - @ (or a tab, CR, LF) gets a leading '.

    >>> csv_safe("=HYPERLINK(\\"x\\")"), csv_safe("-3 partners"), csv_safe(-3), csv_safe("SHCP")
    ('\\'=HYPERLINK("x")', "'-3 partners", -3, 'SHCP')
    """
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def unescape_csv_text(value: object) -> object:
    """Undo `csv_safe`: a leading ' before a formula trigger is dropped.

    >>> unescape_csv_text("'=1+1"), unescape_csv_text("'quoted")
    ('=1+1', "'quoted")
    """
    if isinstance(value, str) and value.startswith("'") and value[1:].startswith(FORMULA_TRIGGERS):
        return value[1:]
    return value


# ---------------------------------------------------------------------------------------

# The README of the exports folder, in the batch's language (English msgids).
_README_FILES: dict[str, str] = {
    "network.gexf": N_(
        "GEXF 1.3 for Gephi (File > Open) and networkx (R igraph reads the GraphML below): nodes with sector, "
        "scope, influence, interest, grid quadrant, centrality, brokerage role counts, community and screening "
        "outcome; one undirected edge per tied pair (weight = strength 1-3, kinds, direction)."
    ),
    "network.graphml": N_("the same graph as GraphML (Cytoscape, yEd, R igraph `read_graph(format='graphml')`)."),
    "kumu.xlsx": N_(
        "Kumu: Import > spreadsheet. Sheets Elements (Label, Type = sector, Description = mandate, "
        "Tags = roles, ...) and Connections (From, To, Type, Direction, Strength)."
    ),
    "gephi_nodes.csv": N_("Gephi Data Laboratory > Import Spreadsheet, nodes table (Id, Label, attributes)."),
    "gephi_edges.csv": N_("Gephi edges table (Source, Target, Type Directed/Undirected, Weight = strength)."),
    "network.dl": N_("UCINET DL, edgelist1 format (an undirected tie is written both ways)."),
    "network.net": N_("Pajek (also igraph, networkx): *Arcs for directed ties, *Edges for undirected ones."),
    "tables/network_nodes.csv": N_("the node attributes above as one table."),
}


def _readme(written: list[str], lang: str, n: int, m: int) -> str:
    _ = i18n.translator(lang)
    lines = [
        "# " + _("Data exports"),
        "",
        _(
            "The tie network of this batch ({stakeholders}, {ties}) and the workbook's tables, for other tools. "
            "The `contact` column (personal data) is never included. Text that a spreadsheet could read as a "
            "formula is written as text (in CSV with a leading `'`).",
            stakeholders=_.n("{n} stakeholder", "{n} stakeholders", n),
            ties=_.n("{n} tie", "{n} ties", m),
        ),
        "",
    ]
    if not n:
        lines += [_("The workbook records no stakeholders, so there is no network to export."), ""]
    table = _("a processed table of the workbook, as the reports read it (lists joined with `; `).")
    for f in written:
        lines.append(f"- `{f}`: {_(_README_FILES[f]) if f in _README_FILES else table}")
    lines += [
        "",
        _(
            "To turn a Kumu or Gephi file back into a workbook: `partnerlab import FILE --out NEW.xlsx` "
            "(docs/import_export.md)."
        ),
        "",
    ]
    return "\n".join(lines)


def _tidy(table: pd.DataFrame) -> pd.DataFrame:
    """A loaded table ready for CSV: no personal data, no row column, lists joined with '; '."""
    out = table.drop(columns=[c for c in (*PERSONAL_COLUMNS, "row") if c in table.columns])
    for col in out.columns:
        if out[col].dtype == object:
            out[col] = [("; ".join(str(x) for x in v) if isinstance(v, (list, tuple, set)) else v) for v in out[col]]
    return out


def _write_csv(path: Path, df: pd.DataFrame) -> None:
    df = df.drop(columns=[c for c in PERSONAL_COLUMNS if c in df.columns])
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow([csv_safe(str(c)) for c in df.columns])
        for row in df.itertuples(index=False):
            w.writerow([_csv_cell(v) for v in row])


def _csv_cell(value: object) -> object:
    if value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat() if value == value.normalize() else value.isoformat()
    if isinstance(value, bool):
        return "Yes" if value else "No"
    return csv_safe(value if not isinstance(value, str) else value)


def _write_xlsx(path: Path, sheets: dict[str, pd.DataFrame]) -> None:
    """Sheets streamed row by row (partnerlab.xmlwrite.write_xlsx: 5-8 times less CPU than openpyxl's
    write-only mode, which the file was written with until 2026-12-01): the header bold and frozen,
    text stays text, a formula-like value gets Excel's quote prefix (as findings.xlsx's cells)."""
    parts = {}
    for title, df in sheets.items():
        widths = [
            min(max(max([len(str(name))] + [len(str(v)) for v in df[name].head(200)]) + 2, 8), 60)
            for name in df.columns
        ]
        columns = [df[name].tolist() for name in df.columns]
        parts[title] = ([str(c) for c in df.columns], zip(*columns), widths)
    xmlwrite.write_xlsx(path, parts)


def _xlsx_value(value: object) -> object:
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


def _text(value: object) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, (list, tuple, set)):
        return "; ".join(str(v) for v in value)
    return str(value)


def _number(value: object) -> int | float | None:
    if value is None or value is pd.NA:
        return None
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return None if math.isnan(value) else value
    return None


def _kind_order(kinds: Iterable[str]) -> list[str]:
    keys = vocab.TIE_KINDS.keys
    return sorted((k for k in kinds if k), key=lambda k: (keys.index(k) if k in keys else len(keys), k))


def _dl_label(v: object) -> str:
    text = str(v).replace('"', "'")
    return f'"{text}"' if any(ch in text for ch in " ,\t") else text


def _pajek_text(v: object) -> str:
    return str(v).replace('"', "'").replace("\n", " ").replace("\r", " ")
