"""Network charts: the tie graph coloured by sector, E-I by sector, brokerage roles of top brokers.

Readable at 20 nodes and at 2,000: above ``MAX_DRAWN_NODES`` stakeholders the network chart
draws the sector-to-sector graph (circle area = stakeholders in the sector, line width =
ties between sectors) with the top stakeholders around their sector, instead of a
hairball. Layouts use fixed seeds, so reruns give identical images.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
import re

import matplotlib.pyplot as plt
import networkx as nx
import numpy as np
import pandas as pd
from matplotlib.lines import Line2D

from partnerlab import network, vocab
from partnerlab.plots.common import sector_color

__all__ = ["MAX_DRAWN_NODES", "LABEL_LIMIT", "LABEL_TOP", "plot_network", "plot_ei_by_sector", "plot_brokerage", "short_label"]

FLAG_COLOR = "#C62828"  # the ring around central actors flagged or unscreened
MAX_DRAWN_NODES = 150  # above: sector-to-sector graph plus the top stakeholders
LABEL_LIMIT = 40  # up to this many nodes every node gets a label (where it fits); above, only ...
LABEL_TOP = 25  # ... the LABEL_TOP most connected that fit without overlapping
_SEED = 7
_ROLE_COLORS = {"coordinator": "#1B9E77", "itinerant": "#D95F02", "representative": "#7570B3",
                "gatekeeper": "#E7298A", "liaison": "#66A61E"}


def plot_network(graph: nx.Graph, ax: plt.Axes | None = None, lang: str = "en", max_nodes: int = MAX_DRAWN_NODES,
                 top_n: int = 20, highlight: str | None = None, title: str | None = None,
                 flagged: Iterable[str] = ()) -> plt.Axes:
    """Draw the tie graph with sectors as colours and a legend.

    Up to ``max_nodes`` nodes: every stakeholder (circle size = number of partners, labels
    for small graphs or the most connected ones), ties as grey lines (thicker = stronger).
    Above: the sector-to-sector graph with the ``top_n`` most connected stakeholders.

    Args:
        graph: the tie graph (directed or not; direction is not drawn).
        ax: the Axes to draw on (a new figure when None).
        lang: "en" or "es" for labels.
        max_nodes: the size above which the sector view is drawn.
        top_n: stakeholders named in the sector view.
        highlight: a node to outline in black (the focus stakeholder).
        title: the title; None = a default one.
        flagged: nodes to ring in red (central actors flagged or unscreened, `consistency.flagged_central`);
            drawn in the stakeholder view only.

    Returns:
        The Axes.
    """
    und = network.to_undirected(graph) if graph.is_directed() else graph
    if ax is None:
        big = len(und) > LABEL_LIMIT
        _, ax = plt.subplots(figsize=(12, 9.5) if big else (10, 8))
    if len(und) > max_nodes:
        _draw_sector_view(und, ax, lang, top_n)
        default = (f"Ties between sectors ({len(und):,} stakeholders); the {top_n} most connected named",
                   f"Vínculos entre sectores ({len(und):,} actores); los {top_n} más conectados, con nombre")
    else:
        flagged = [v for v in flagged if v in und]
        _draw_full(und, ax, lang, highlight, flagged)
        default = (f"Tie network: {len(und)} stakeholders, {und.number_of_edges()} ties",
                   f"Red de vínculos: {len(und)} actores, {und.number_of_edges()} vínculos")
    ax.set_title(title if title is not None else _tr(*default, lang=lang), fontsize=12)
    ax.set_axis_off()
    sectors = [s for s in vocab.SECTORS.keys if any(und.nodes[v].get("sector") == s for v in und)]
    handles = [Line2D([], [], marker="o", linestyle="", markersize=9, markerfacecolor=sector_color(s),
                      markeredgecolor="white", label=vocab.SECTORS.label(s, lang)) for s in sectors]
    if flagged and len(und) <= max_nodes:
        handles.append(Line2D([], [], marker="o", linestyle="", markersize=11, markerfacecolor="none",
                              markeredgecolor=FLAG_COLOR, markeredgewidth=2.2,
                              label=_tr("Central, flagged or unscreened", "Central, con alertas o sin evaluar", lang=lang)))
    if handles:
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False, fontsize=9,
                  title=_tr("Sector", "Sector", lang=lang), title_fontsize=10)
    return ax


def plot_ei_by_sector(ei: pd.DataFrame, ax: plt.Axes | None = None, lang: str = "en") -> plt.Axes:
    """Horizontal bars of the E-I index per sector, from -1 (silo) to +1 (outward), network value dashed.

    Args:
        ei: the frame of ``network.ei_index(graph, "sector")``.
    """
    groups = ei[(ei["level"] == "group") & ei["ei"].notna()].sort_values("ei", ascending=False, kind="stable")
    if ax is None:
        _, ax = plt.subplots(figsize=(8, 0.45 * max(len(groups), 3) + 1.2))
    y = np.arange(len(groups))
    ax.barh(y, groups["ei"], color=[sector_color(g) for g in groups["group"]], height=0.65)
    ax.set_yticks(y, [f"{vocab.SECTORS.label(g, lang) if g else '?'} ({s})"
                      for g, s in zip(groups["group"], groups["size"])])
    for yi, v in zip(y, groups["ei"]):
        ax.text(v + (0.03 if v >= 0 else -0.03), yi, f"{v:+.2f}", va="center", ha="left" if v >= 0 else "right",
                fontsize=9)
    ax.axvline(0, color="black", linewidth=0.8)
    whole = ei.loc[ei["level"] == "network", "ei"]
    if len(whole) and pd.notna(whole.iloc[0]):
        ax.axvline(whole.iloc[0], color="#555555", linestyle="--", linewidth=1,
                   label=_tr(f"Whole network ({whole.iloc[0]:+.2f})", f"Red completa ({whole.iloc[0]:+.2f})", lang=lang))
        ax.legend(loc="lower right", fontsize=9, frameon=False)
    ax.set_xlim(-1.15, 1.15)
    ax.invert_yaxis()
    ax.set_xlabel(_tr("E-I index: -1 = all ties inside the sector (silo), +1 = all ties to other sectors",
                      "Índice E-I: -1 = todos los vínculos dentro del sector (silo), +1 = todos hacia otros sectores",
                      lang=lang), fontsize=9)
    ax.set_title(_tr("Silos: E-I index by sector (stakeholders in brackets)",
                     "Silos: índice E-I por sector (actores entre paréntesis)", lang=lang), fontsize=12)
    ax.spines[["top", "right"]].set_visible(False)
    return ax


def plot_brokerage(roles: pd.DataFrame, graph: nx.Graph | None = None, top: int = 10, ax: plt.Axes | None = None,
                   lang: str = "en") -> plt.Axes:
    """Stacked horizontal bars of the Gould-Fernandez roles of the ``top`` brokers.

    Args:
        roles: the frame of ``network.brokerage_roles``.
        graph: the tie graph, for stakeholder names (ids are shown without it).
    """
    best = roles[roles["total"] > 0].sort_values("total", ascending=False, kind="stable").head(top)
    if ax is None:
        _, ax = plt.subplots(figsize=(9, 0.45 * max(len(best), 3) + 1.4))
    y = np.arange(len(best))
    left = np.zeros(len(best))
    for role in network.ROLES:
        vals = best[role].to_numpy(dtype=float)
        ax.barh(y, vals, left=left, color=_ROLE_COLORS[role], height=0.65,
                label=network.ROLE_LABELS[role][1 if lang == "es" else 0])
        left += vals
    names = [short_label(n, graph.nodes[n].get("name") if graph is not None and n in graph else None)
             for n in best.index]
    ax.set_yticks(y, names)
    ax.invert_yaxis()
    ax.set_xlabel(_tr("Open two-paths the stakeholder brokers", "Caminos abiertos de dos pasos que intermedia",
                      lang=lang), fontsize=9)
    ax.set_title(_tr(f"Brokers by role (top {len(best)})", f"Intermediarios por papel (los {len(best)} principales)",
                     lang=lang), fontsize=12)
    ax.legend(loc="lower right", fontsize=8, frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    return ax


def short_label(node: object, name: str | None = None, width: int = 22) -> str:
    """A short label: the acronym in brackets at the end of a name, a short name, the id, or a cut name.

    >>> short_label("SHCP", "Secretaría de Hacienda y Crédito Público (SHCP)")
    'SHCP'
    >>> short_label("TEC", "Tecnológico de Monterrey")
    'Tecnológico de Monterrey'
    """
    node = str(node)
    if not name:
        return node
    acronym = re.search(r"\(([A-Z0-9][A-Z0-9 .&-]{1,11})\)\s*$", name)
    if acronym:
        return acronym.group(1)
    if len(name) <= width + 2:
        return name
    if len(node) <= 12:
        return node
    return name[:width].rstrip() + "…"


# ---------------------------------------------------------------------------------------
# Private helpers
# ---------------------------------------------------------------------------------------

def _tr(en: str, es: str, lang: str = "en") -> str:
    return es if lang == "es" else en


def _draw_full(und: nx.Graph, ax: plt.Axes, lang: str, highlight: str | None, flagged: list | None = None) -> None:
    n = len(und)
    nodes = list(und)
    pos = _layout(und)
    deg = dict(und.degree())
    biggest = max(deg.values(), default=1) or 1
    size = {v: 60 + 640 * math.sqrt(deg[v] / biggest) for v in nodes}
    widths = [0.6 + 0.8 * (d.get("weight", 1) - 1) for _, _, d in und.edges(data=True)]
    nx.draw_networkx_edges(und, pos, ax=ax, width=widths, edge_color="#9A9A9A", alpha=0.55)
    nx.draw_networkx_nodes(und, pos, ax=ax, node_size=[size[v] for v in nodes], linewidths=0.8,
                           edgecolors="white", node_color=[sector_color(und.nodes[v].get("sector")) for v in nodes])
    if highlight is not None and highlight in und:
        nx.draw_networkx_nodes(und, pos, nodelist=[highlight], ax=ax, node_size=size[highlight],
                               node_color="none", edgecolors="black", linewidths=2.5)
    if flagged:
        nx.draw_networkx_nodes(und, pos, nodelist=flagged, ax=ax, node_size=[size[v] * 1.9 for v in flagged],
                               node_color="none", edgecolors=FLAG_COLOR, linewidths=2.2)
    alone = [v for v in nodes if deg[v] == 0]
    if alone and len(alone) < n:
        ax.text(-1.0, -1.12, _tr(f"No recorded ties ({len(alone)}):", f"Sin vínculos registrados ({len(alone)}):",
                                 lang=lang), fontsize=8, color="#444444", va="bottom")
    ax.margins(0.08)
    ax.autoscale_view()
    # Labels in order of importance (the focus, then the most connected); a label that would
    # overlap one already placed tries below its node, else is left out: no pile of text.
    limit = n if n <= LABEL_LIMIT else LABEL_TOP
    tied = sorted((v for v in nodes if deg[v] > 0), key=lambda v: (v != highlight, -deg[v], str(v)))
    shown = tied[:limit * 3] + (alone if len(alone) <= 12 else [])  # isolates: named when there are few
    _place_labels(ax, [(v, pos[v], short_label(v, und.nodes[v].get("name")), 3 + 0.5 * math.sqrt(size[v]))
                       for v in shown], limit + len(alone), fontsize=9 if n <= LABEL_LIMIT else 8.5,
                  tied_limit=limit, n_tied=len(tied[:limit * 3]))


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
    for i, (_, xy, text, offset) in enumerate(items):
        if len(placed) >= limit or (i < n_tied and len(placed) >= tied_limit):
            continue
        for dy, va in ((offset, "bottom"), (-offset, "top")):
            ann = ax.annotate(text, xy, xytext=(0, dy), textcoords="offset points", ha="center", va=va,
                              fontsize=fontsize, zorder=6,
                              bbox={"boxstyle": "round,pad=0.12", "fc": "white", "ec": "none", "alpha": 0.8})
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
            pos = nx.kamada_kawai_layout(sub, dist={u: {v: dist[u].get(v, far) for v in tied} for u in tied},
                                         pos=start, weight=None)
        else:
            pos = start
        pos = nx.rescale_layout_dict(pos, scale=1.0)
    for i, v in enumerate(alone):
        pos[v] = np.array([-1.0 + 2.0 * (i + 0.5) / len(alone), -1.25])
    return pos


def _draw_sector_view(und: nx.Graph, ax: plt.Axes, lang: str, top_n: int) -> None:
    sg = network.sector_graph(und)
    order = [s for s in vocab.SECTORS.keys if s in sg] + sorted(s for s in sg if s not in vocab.SECTORS)
    angle = {s: math.pi / 2 - 2 * math.pi * i / len(order) for i, s in enumerate(order)}
    pos = {s: np.array([math.cos(a), math.sin(a)]) for s, a in angle.items()}
    largest = max(sg.nodes[s]["size"] for s in order)
    radius = {s: 0.07 + 0.16 * math.sqrt(sg.nodes[s]["size"] / largest) for s in order}
    heaviest = max((d["weight"] for _, _, d in sg.edges(data=True)), default=1)
    for u, v, d in sorted(sg.edges(data=True), key=lambda e: e[2]["weight"]):
        w = d["weight"] / heaviest
        ax.plot(*zip(pos[u], pos[v]), color="#6E6E6E", linewidth=0.5 + 11 * w, alpha=0.25 + 0.5 * w,
                solid_capstyle="round", zorder=1)
    for s in order:
        ax.add_patch(plt.Circle(pos[s], radius[s], color=sector_color(s), zorder=2, ec="white", lw=1.5))
        size, internal = sg.nodes[s]["size"], sg.nodes[s]["internal"]
        label = f"{vocab.SECTORS.label(s, lang)}\n{size:,} · " + _tr(f"{internal:,} inside", f"{internal:,} internos",
                                                                     lang=lang)
        outward = pos[s] * (1.0 + radius[s] + 0.6 + 0.55 * abs(math.cos(angle[s])))
        ax.text(*outward, label, ha="center", va="center", fontsize=8.5, zorder=4,
                bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": "none", "alpha": 0.8})
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
            ax.annotate(short_label(v, und.nodes[v].get("name"), width=16), p, xytext=(5 * math.cos(a), 5 * math.sin(a)),
                        textcoords="offset points", fontsize=6.5, zorder=6, ha="left" if right else "right",
                        va="center", rotation=math.degrees(a) if right else math.degrees(a) + 180,
                        rotation_mode="anchor")
    ax.set_aspect("equal")
    ax.set_xlim(-2.75, 2.75)
    ax.set_ylim(-2.4, 2.2)
    ax.text(0, -2.38, _tr("Circle area = stakeholders in the sector; line width = ties between sectors; "
                          "dots = the most connected stakeholders",
                          "Área del círculo = actores del sector; grosor de línea = vínculos entre sectores; "
                          "puntos = los actores más conectados", lang=lang),
            ha="center", va="bottom", fontsize=8, color="#444444")
