"""Network charts: the tie graph coloured by sector, E-I by sector, brokerage roles of top brokers.

Readable at 20 nodes and at 2,000: above ``MAX_DRAWN_NODES`` stakeholders the network chart
draws the sector-to-sector graph (circle area = stakeholders in the sector, line width =
ties between sectors) with the top stakeholders around their sector, instead of a
hairball. Layouts use fixed seeds, so reruns give identical images.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

import matplotlib.pyplot as plt
import networkx as nx
import numpy as np
import pandas as pd
from matplotlib.lines import Line2D

from partnerlab import i18n, network, vocab
from partnerlab.plots.common import sector_color

__all__ = [
    "MAX_DRAWN_NODES",
    "LABEL_LIMIT",
    "LABEL_TOP",
    "plot_network",
    "plot_ei_by_sector",
    "plot_brokerage",
    "short_label",
    "network_alt",
    "brokerage_alt",
    "ei_alt",
]

FLAG_COLOR = "#C62828"  # the ring around central actors flagged or unscreened
MAX_DRAWN_NODES = 150  # above: sector-to-sector graph plus the top stakeholders
LABEL_LIMIT = 40  # up to this many nodes every node gets a label (where it fits); above, only ...
LABEL_TOP = 30  # ... the LABEL_TOP most connected that fit without overlapping
_SEED = 7
_ROLE_COLORS = {
    "coordinator": "#1B9E77",
    "itinerant": "#D95F02",
    "representative": "#7570B3",
    "gatekeeper": "#E7298A",
    "liaison": "#66A61E",
}


def plot_network(
    graph: nx.Graph,
    ax: plt.Axes | None = None,
    lang: str = "en",
    max_nodes: int = MAX_DRAWN_NODES,
    top_n: int = 20,
    highlight: str | None = None,
    title: str | None = None,
    flagged: Iterable[str] = (),
) -> plt.Axes:
    """Draw the tie graph with sectors as colours and a legend.

    Up to ``max_nodes`` nodes: every stakeholder (circle size = number of partners, labels
    for small graphs or the most connected ones), ties as grey lines (thicker = stronger).
    Above: the sector-to-sector graph with the ``top_n`` most connected stakeholders.

    Args:
        graph: the tie graph (directed or not; direction is not drawn).
        ax: the Axes to draw on (a new figure when None).
        lang: the language of the title and legend.
        max_nodes: the size above which the sector view is drawn.
        top_n: stakeholders named in the sector view.
        highlight: a node to outline in black (the focus stakeholder).
        title: the title; None = a default one.
        flagged: nodes to ring in red (central actors flagged or unscreened, `consistency.flagged_central`);
            drawn in the stakeholder view only.

    Returns:
        The Axes.
    """
    _ = i18n.translator(lang)
    und = network.to_undirected(graph) if graph.is_directed() else graph
    flagged = [v for v in flagged if v in und]
    if ax is None:
        big = len(und) > LABEL_LIMIT
        ax = plt.subplots(figsize=(13, 10.5) if big else (10, 8))[1]
    if len(und) > max_nodes:
        _draw_sector_view(und, ax, lang, top_n)
        default = _(
            "Ties between sectors ({n} stakeholders); the {top} most connected named", n=_.number(len(und)), top=top_n
        )
    else:
        _draw_full(und, ax, lang, highlight, flagged)
        default = _(
            "Tie network: {n} stakeholders, {ties} ties", n=_.number(len(und)), ties=_.number(und.number_of_edges())
        )
    ax.set_title(title if title is not None else default, fontsize=12)
    ax.set_axis_off()
    sectors = [s for s in vocab.SECTORS.keys if any(und.nodes[v].get("sector") == s for v in und)]
    handles = [
        Line2D(
            [],
            [],
            marker="o",
            linestyle="",
            markersize=9,
            markerfacecolor=sector_color(s),
            markeredgecolor="white",
            label=_.label(vocab.SECTORS, s),
        )
        for s in sectors
    ]
    if flagged and len(und) <= max_nodes:
        handles.append(
            Line2D(
                [],
                [],
                marker="o",
                linestyle="",
                markersize=11,
                markerfacecolor="none",
                markeredgecolor=FLAG_COLOR,
                markeredgewidth=2.2,
                label=_("Central, flagged or unscreened"),
            )
        )
    if handles:
        ax.legend(
            handles=handles,
            loc="upper left",
            bbox_to_anchor=(1.0, 1.0),
            frameon=False,
            fontsize=9,
            title=_("Sector"),
            title_fontsize=10,
        )
    return ax


def plot_ei_by_sector(ei: pd.DataFrame, ax: plt.Axes | None = None, lang: str = "en") -> plt.Axes:
    """Horizontal bars of the E-I index per sector, from -1 (silo) to +1 (outward), network value dashed.

    Args:
        ei: the frame of ``network.ei_index(graph, "sector")``.
    """
    _ = i18n.translator(lang)
    groups = ei[(ei["level"] == "group") & ei["ei"].notna()].sort_values("ei", ascending=False, kind="stable")
    if ax is None:
        ax = plt.subplots(figsize=(8, 0.45 * max(len(groups), 3) + 1.2))[1]
    y = np.arange(len(groups))
    ax.barh(y, groups["ei"], color=[sector_color(g) for g in groups["group"]], height=0.65)
    ax.set_yticks(
        y, [f"{_.label(vocab.SECTORS, g) if g else '?'} ({s})" for g, s in zip(groups["group"], groups["size"])]
    )
    for yi, v in zip(y, groups["ei"]):
        ax.text(
            v + (0.03 if v >= 0 else -0.03),
            yi,
            network.signed(v, lang),
            va="center",
            ha="left" if v >= 0 else "right",
            fontsize=9,
        )
    ax.axvline(0, color="black", linewidth=0.8)
    whole = ei.loc[ei["level"] == "network", "ei"]
    if len(whole) and pd.notna(whole.iloc[0]):
        ax.axvline(
            whole.iloc[0],
            color="#555555",
            linestyle="--",
            linewidth=1,
            label=_("Whole network ({ei})", ei=network.signed(whole.iloc[0], lang)),
        )
        ax.legend(loc="lower right", fontsize=9, frameon=False)
    ax.set_xlim(-1.15, 1.15)
    ax.invert_yaxis()
    ax.set_xlabel(_("E-I index: -1 = all ties inside the sector (silo), +1 = all ties to other sectors"), fontsize=9)
    ax.set_title(_("Silos: E-I index by sector (stakeholders in brackets)"), fontsize=12)
    ax.spines[["top", "right"]].set_visible(False)
    return ax


def plot_brokerage(
    roles: pd.DataFrame, graph: nx.Graph | None = None, top: int = 10, ax: plt.Axes | None = None, lang: str = "en"
) -> plt.Axes:
    """Stacked horizontal bars of the Gould-Fernandez roles of the ``top`` brokers.

    Args:
        roles: the frame of ``network.brokerage_roles``.
        graph: the tie graph, for stakeholder names (ids are shown without it).
    """
    _ = i18n.translator(lang)
    best = roles[roles["total"] > 0].sort_values("total", ascending=False, kind="stable").head(top)
    if ax is None:
        ax = plt.subplots(figsize=(9, 0.45 * max(len(best), 3) + 1.4))[1]
    y = np.arange(len(best))
    left = np.zeros(len(best))
    for role in network.ROLES:
        vals = best[role].to_numpy(dtype=float)
        ax.barh(y, vals, left=left, color=_ROLE_COLORS[role], height=0.65, label=_(network.ROLE_LABELS[role]))
        left += vals
    names = [
        short_label(n, graph.nodes[n].get("name") if graph is not None and n in graph else None, width=30)
        for n in best.index
    ]
    ax.set_yticks(y, names)
    ax.invert_yaxis()
    ax.set_xlabel(_("Open two-paths the stakeholder brokers"), fontsize=9)
    ax.set_title(_("Brokers by role (top {n})", n=len(best)), fontsize=12)
    ax.legend(loc="lower right", fontsize=8, frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    return ax


def short_label(node: object, name: str | None = None, width: int = 22, lines: int = 1) -> str:
    """A short label from the name, never the id (unless there is no name): the acronym in
    brackets at the end of a name, else the name, wrapped on up to ``lines`` lines of ``width``
    characters and cut with an ellipsis when longer.

    >>> short_label("SHCP", "Secretaría de Hacienda y Crédito Público (SHCP)")
    'SHCP'
    >>> short_label("TEC", "Tecnológico de Monterrey")
    'Tecnológico de Monterrey'
    >>> short_label("GOB_OAX", "Gobierno del Estado de Oaxaca", width=20, lines=2)
    'Gobierno del Estado\\nde Oaxaca'
    >>> short_label("FRONTERASUR", "Casa de Acogida Frontera Sur (fictional)", width=24)
    'Casa de Acogida…'
    """
    import textwrap

    node = str(node)
    if not name:
        return node
    name = " ".join(str(name).split())
    acronym = re.search(r"\(([A-Z0-9][A-Za-z0-9 .&/-]{1,13})\)\s*$", name)
    if acronym and sum(c.isupper() for c in acronym.group(1)) >= 2:
        return acronym.group(1)
    if len(name) <= width + 2:
        return name
    return "\n".join(textwrap.wrap(name, width=width, max_lines=lines, placeholder="…")) or name[:width] + "…"


def network_alt(graph: nx.Graph, lang: str = "en", focus: str | None = None, max_nodes: int = MAX_DRAWN_NODES) -> str:
    """The alt text of `plot_network`'s figure, in the language: what it shows and who stands out.

    >>> g = nx.Graph([("A", "B"), ("A", "C")]); nx.set_node_attributes(g, {"A": "Ana", "B": "Bo", "C": "Cy"}, "name")
    >>> network_alt(g)
    'Network figure: 3 stakeholders and 2 ties, coloured by sector; the most connected: Ana, Bo, Cy.'
    """
    _ = i18n.translator(lang)
    und = network.to_undirected(graph) if graph.is_directed() else graph
    deg = dict(und.degree())
    top = ", ".join(str(und.nodes[v].get("name") or v) for v in sorted(und, key=lambda v: (-deg[v], str(v)))[:3])
    if focus is not None and focus in und:
        return _(
            "Ego network of {name}: its {n} direct partners and the ties among them, coloured by sector.",
            name=str(und.nodes[focus].get("name") or focus),
            n=_.number(len(und) - 1),
        )
    if len(und) > max_nodes:
        return _(
            "Sector figure: ties between the {k} sectors of {n} stakeholders (circle area = stakeholders, "
            "line width = ties); the most connected: {top}.",
            k=_.number(len(network.sector_graph(und))),
            n=_.number(len(und)),
            top=top,
        )
    return _(
        "Network figure: {n} stakeholders and {ties} ties, coloured by sector; the most connected: {top}.",
        n=_.number(len(und)),
        ties=_.number(und.number_of_edges()),
        top=top,
    )


def brokerage_alt(roles: pd.DataFrame, graph: nx.Graph | None = None, lang: str = "en", top: int = 10) -> str:
    """The alt text of `plot_brokerage`'s figure, in the language."""
    _ = i18n.translator(lang)
    best = roles[roles["total"] > 0].sort_values("total", ascending=False, kind="stable").head(top)
    if best.empty:
        return _("Bar chart of brokerage roles: nobody brokers.")
    first = best.index[0]
    name = graph.nodes[first].get("name", first) if graph is not None and first in graph else first
    return _(
        "Bar chart of the brokerage roles of the {n} main brokers; the first, {name}, is on {total} open two-paths.",
        n=len(best),
        name=str(name),
        total=_.number(best.iloc[0]["total"]),
    )


def ei_alt(ei: pd.DataFrame, lang: str = "en") -> str:
    """The alt text of `plot_ei_by_sector`'s figure, in the language."""
    _ = i18n.translator(lang)
    groups = ei[(ei["level"] == "group") & ei["ei"].notna()].sort_values("ei", kind="stable")
    whole = ei.loc[ei["level"] == "network", "ei"]
    if groups.empty:
        return _("Bar chart of the E-I index by sector: no ties.")
    low, high = groups.iloc[0], groups.iloc[-1]
    return _(
        "Bar chart of the E-I index by sector, from {low} ({low_ei}, most inward-looking) to {high} ({high_ei}); "
        "whole network {ei}.",
        low=_.label(vocab.SECTORS, low["group"]) if low["group"] else "?",
        low_ei=network.signed(low["ei"], lang),
        high=_.label(vocab.SECTORS, high["group"]) if high["group"] else "?",
        high_ei=network.signed(high["ei"], lang),
        ei=network.signed(whole.iloc[0] if len(whole) else None, lang),
    )


# ---------------------------------------------------------------------------------------
# Private helpers
# ---------------------------------------------------------------------------------------


def _draw_full(und: nx.Graph, ax: plt.Axes, lang: str, highlight: str | None, flagged: list | None = None) -> None:
    _ = i18n.translator(lang)
    n = len(und)
    nodes = list(und)
    pos = _layout(und)
    deg = dict(und.degree())
    biggest = max(deg.values(), default=1) or 1
    size = {v: 60 + 640 * math.sqrt(deg[v] / biggest) for v in nodes}
    widths = [0.5 + 0.7 * (d.get("weight", 1) - 1) for _u, _v, d in und.edges(data=True)]
    nx.draw_networkx_edges(und, pos, ax=ax, width=widths, edge_color="#A8A8A8", alpha=0.35 if n > LABEL_LIMIT else 0.55)
    nx.draw_networkx_nodes(
        und,
        pos,
        ax=ax,
        node_size=[size[v] for v in nodes],
        linewidths=0.8,
        edgecolors="white",
        node_color=[sector_color(und.nodes[v].get("sector")) for v in nodes],
    )
    if highlight is not None and highlight in und:
        nx.draw_networkx_nodes(
            und,
            pos,
            nodelist=[highlight],
            ax=ax,
            node_size=size[highlight],
            node_color="none",
            edgecolors="black",
            linewidths=2.5,
        )
    if flagged:
        nx.draw_networkx_nodes(
            und,
            pos,
            nodelist=flagged,
            ax=ax,
            node_size=[size[v] * 1.9 for v in flagged],
            node_color="none",
            edgecolors=FLAG_COLOR,
            linewidths=2.2,
        )
    alone = [v for v in nodes if deg[v] == 0]
    if alone and len(alone) < n:
        ax.text(-1.0, -1.12, _("No recorded ties ({n}):", n=len(alone)), fontsize=8, color="#444444", va="bottom")
    ax.margins(0.08)
    ax.autoscale_view()
    # Labels in order of importance (the focus, then the most connected); a label that would
    # overlap one already placed tries below its node, else is left out: no pile of text.
    limit = n if n <= LABEL_LIMIT else LABEL_TOP
    ringed = set(flagged or ())
    tied = sorted((v for v in nodes if deg[v] > 0), key=lambda v: (v != highlight, v not in ringed, -deg[v], str(v)))
    shown = tied[: limit * 3] + (alone if len(alone) <= 12 else [])  # isolates: named when there are few
    _place_labels(
        ax,
        [
            (v, pos[v], short_label(v, und.nodes[v].get("name"), width=20, lines=2), 3 + 0.5 * math.sqrt(size[v]))
            for v in shown
        ],
        limit + len(alone),
        fontsize=9 if n <= LABEL_LIMIT else 8,
        tied_limit=limit,
        n_tied=len(tied[: limit * 3]),
    )


def _place_labels(ax: plt.Axes, items: list, limit: int, fontsize: float, tied_limit: int, n_tied: int) -> int:
    """Annotate (node, xy, text, offset) items in order, skipping any that would overlap a placed one.

    The first ``n_tied`` items share a budget of ``tied_limit`` labels; the rest (isolates) are
    tried after them. Returns the number of labels placed.
    """
    try:
        renderer = ax.figure.canvas.get_renderer()
    except AttributeError:  # a backend without a renderer: label without overlap checks
        renderer = None
    placed: list = []
    for i, (_node, xy, text, offset) in enumerate(items):
        if len(placed) >= limit or (i < n_tied and len(placed) >= tied_limit):
            continue
        for dy, va in ((offset, "bottom"), (-offset, "top")):
            ann = ax.annotate(
                text,
                xy,
                xytext=(0, dy),
                textcoords="offset points",
                ha="center",
                va=va,
                fontsize=fontsize,
                zorder=6,
                bbox={"boxstyle": "round,pad=0.12", "fc": "white", "ec": "none", "alpha": 0.8},
            )
            if renderer is None:
                placed.append(None)
                break
            box = ann.get_window_extent(renderer).expanded(1.04, 1.1)
            if not any(box.overlaps(other) for other in placed):
                placed.append(box)
                break
            ann.remove()
    return len(placed)


def _layout(und: nx.Graph) -> dict:
    """Tied nodes by Kamada-Kawai (deterministic) seeded from a fixed spring layout; isolates in a row below."""
    tied = [v for v in und if und.degree(v) > 0]
    alone = [v for v in und if und.degree(v) == 0]
    pos: dict = {}
    if tied:
        sub = und.subgraph(tied)
        start = nx.spring_layout(sub, seed=_SEED, iterations=100)
        if len(tied) > 2:
            dist = dict(nx.shortest_path_length(sub))
            far = 1 + max(max(d.values()) for d in dist.values())  # other components sit one step beyond
            pos = nx.kamada_kawai_layout(
                sub, dist={u: {v: dist[u].get(v, far) for v in tied} for u in tied}, pos=start, weight=None
            )
        else:
            pos = start
        pos = nx.rescale_layout_dict(pos, scale=1.0)
    for i, v in enumerate(alone):
        pos[v] = np.array([-1.0 + 2.0 * (i + 0.5) / len(alone), -1.25])
    return pos


def _draw_sector_view(und: nx.Graph, ax: plt.Axes, lang: str, top_n: int) -> None:
    _ = i18n.translator(lang)
    sg = network.sector_graph(und)
    order = [s for s in vocab.SECTORS.keys if s in sg] + sorted(s for s in sg if s not in vocab.SECTORS)
    angle = {s: math.pi / 2 - 2 * math.pi * i / len(order) for i, s in enumerate(order)}
    pos = {s: np.array([math.cos(a), math.sin(a)]) for s, a in angle.items()}
    largest = max(sg.nodes[s]["size"] for s in order)
    radius = {s: 0.07 + 0.16 * math.sqrt(sg.nodes[s]["size"] / largest) for s in order}
    heaviest = max((d["weight"] for _u, _v, d in sg.edges(data=True)), default=1)
    for u, v, d in sorted(sg.edges(data=True), key=lambda e: e[2]["weight"]):
        w = d["weight"] / heaviest
        ax.plot(
            *zip(pos[u], pos[v]),
            color="#6E6E6E",
            linewidth=0.5 + 11 * w,
            alpha=0.25 + 0.5 * w,
            solid_capstyle="round",
            zorder=1,
        )
    for s in order:
        ax.add_patch(plt.Circle(pos[s], radius[s], color=sector_color(s), zorder=2, ec="white", lw=1.5))
        size, internal = sg.nodes[s]["size"], sg.nodes[s]["internal"]
        label = f"{_.label(vocab.SECTORS, s)}\n{_.number(size)} · " + _("{n} inside", n=_.number(internal))
        outward = pos[s] * (1.0 + radius[s] + 0.6 + 0.55 * abs(math.cos(angle[s])))
        ax.text(
            *outward,
            label,
            ha="center",
            va="center",
            fontsize=8.5,
            zorder=4,
            bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": "none", "alpha": 0.8},
        )
    # The most connected stakeholders, on a small arc just outside their sector's circle.
    deg = dict(und.degree())
    top = sorted(und, key=lambda v: (-deg[v], str(v)))[:top_n]
    by_sector: dict[str, list] = {}
    for v in top:
        by_sector.setdefault(und.nodes[v].get("sector") or "other", []).append(v)
    for s, members in by_sector.items():
        if s not in pos:
            continue
        base = angle[s]
        for i, v in enumerate(members):
            a = base + (i - (len(members) - 1) / 2) * 0.075
            p = np.array([math.cos(a), math.sin(a)]) * (1.0 + radius[s] + 0.13)
            ax.scatter(*p, s=40, color=sector_color(s), edgecolors="black", linewidths=0.6, zorder=5)
            right = math.cos(a) >= 0
            ax.annotate(
                short_label(v, und.nodes[v].get("name"), width=18),
                p,
                xytext=(5 * math.cos(a), 5 * math.sin(a)),
                textcoords="offset points",
                fontsize=6.5,
                zorder=6,
                ha="left" if right else "right",
                va="center",
                rotation=math.degrees(a) if right else math.degrees(a) + 180,
                rotation_mode="anchor",
            )
    ax.set_aspect("equal")
    ax.set_xlim(-2.75, 2.75)
    ax.set_ylim(-2.4, 2.2)
    ax.text(
        0,
        -2.38,
        _(
            "Circle area = stakeholders in the sector; line width = ties between sectors; "
            "dots = the most connected stakeholders"
        ),
        ha="center",
        va="bottom",
        fontsize=8,
        color="#444444",
    )
