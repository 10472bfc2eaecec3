"""The network explorer: an interactive, offline view of a tie graph in the exported page.

A report cell calls `show(graph, lang)`: the output is a placeholder ``<div class="pl-explorer"
data-pl-script="explorer">`` holding the network as a JSON island (``<script
type="application/json">``, which never runs) and a line for readers of the notebook itself.
When the page is exported (partnerlab/htmlexport.py), the placeholder's ``data-pl-script``
mark makes the exporter inline the scripts registered under ``"explorer"`` once at the end of
the page, allowed by their sha256 in the page's Content-Security-Policy:

- ``vendor/graphology/graphology.umd.min.js``: graphology 0.26.0 (MIT), the graph model;
- ``vendor/sigma/sigma.min.js``: sigma.js 3.0.3 (MIT), the WebGL renderer (fast at thousands
  of nodes: 2,000 stakeholders and 9,000 ties draw in a fraction of a second);
- ``static/explorer.js``: partnerlab's own code (search, filters, hover card, ego highlight).

The page makes no request to any host. Positions are computed here with a seeded layout, so
the same workbook always gives the same picture; sizes follow the number of partners. Every
word of the controls comes from the catalogs (partnerlab/locale) in the page language.

Above `EXPLORER_LIMIT` stakeholders the explorer is not drawn: the page shows the sector view
(`plots.network.plot_network`) and the tables of the most central stakeholders instead.

>>> import networkx as nx
>>> g = nx.Graph([("A", "B")]); nx.set_node_attributes(g, {"A": "academia", "B": "media"}, "sector")
>>> data = explorer_data(g, "es")
>>> data["nodes"]["id"], data["edges"], data["text"]["search"]
(['A', 'B'], [0, 1, 1, 1], 'Buscar un actor por nombre')
"""

from __future__ import annotations

import hashlib
import html
import json
import math
from collections.abc import Iterable, Mapping

import networkx as nx
import numpy as np
import pandas as pd

from partnerlab import i18n, vocab
from partnerlab.i18n import N_

__all__ = ["EXPLORER_LIMIT", "SCRIPTS", "explorer_data", "explorer_html", "show", "layout", "to_json"]

EXPLORER_LIMIT = 2000  # above: no explorer, the sector view and the top stakeholders
# The files a page with an explorer runs, in order (paths under partnerlab/; htmlexport.PAGE_SCRIPTS).
SCRIPTS = ("vendor/graphology/graphology.umd.min.js", "vendor/sigma/sigma.min.js", "static/explorer.js")
_SEED = 7

# Every word the explorer shows; translated when the page is made.
_TEXT = {
    "title": N_("Explore the network"),
    "help": N_(
        "Drag to pan, scroll or use the buttons to zoom, point at a stakeholder for its card, "
        "click one to highlight its direct partners (click the background to clear)."
    ),
    "search": N_("Search a stakeholder by name"),
    "no_match": N_("No stakeholder matches."),
    "sectors": N_("Sectors"),
    "kinds": N_("Tie kinds"),
    "strength": N_("Minimum tie strength"),
    "strength_1": N_("1: every tie"),
    "strength_2": N_("2: medium and strong"),
    "strength_3": N_("3: strong only"),
    "zoom_in": N_("Zoom in"),
    "zoom_out": N_("Zoom out"),
    "fit": N_("Fit to view"),
    "reset": N_("Show all"),
    "sector": N_("Sector"),
    "quadrant": N_("Grid position"),
    "screening": N_("Screening"),
    "partners": N_("Number of partners"),
    "not_scored": N_("not scored"),
    "unknown": N_("not recorded"),
    "shown": N_("{shown} of {total} stakeholders shown"),
    "selected": N_("{name}: {n} direct partners highlighted"),
    "partner_list": N_("Direct partners"),
    "clear": N_("Clear the highlight"),
    "flagged": N_("Central, flagged or unscreened"),
    "stage": N_("Interactive network of the stakeholders; use the search box to reach one by keyboard."),
    "no_webgl": N_("This browser cannot draw the interactive network (it needs WebGL); the figure below shows it."),
    "notebook": N_("The interactive explorer runs in the exported HTML page (partnerlab run)."),
}

_CSS = """<style>
.pl-explorer { border: 1px solid #C9D6E3; border-radius: 6px; margin: 8px 0 14px; background: #FFF; font-size: 14px; }
.pl-explorer .pl-ex-bar { display: flex; flex-wrap: wrap; gap: 6px 14px; align-items: center; padding: 8px 10px; border-bottom: 1px solid #E3EAF1; background: #F6F9FC; }
.pl-explorer .pl-ex-search { position: relative; flex: 1 1 260px; }
.pl-explorer input[type=search] { width: 100%; box-sizing: border-box; padding: 5px 8px; font: inherit; border: 1px solid #8FA6BC; border-radius: 4px; }
.pl-explorer .pl-ex-results { position: absolute; z-index: 20; left: 0; right: 0; top: 100%; margin: 2px 0 0; padding: 0; list-style: none; background: #FFF; border: 1px solid #8FA6BC; border-radius: 4px; max-height: 260px; overflow-y: auto; box-shadow: 0 3px 8px rgba(0,0,0,.15); }
.pl-explorer .pl-ex-results:empty { display: none; }
.pl-explorer .pl-ex-results button { all: unset; cursor: pointer; display: block; width: 100%; box-sizing: border-box; padding: 3px 8px; }
.pl-explorer .pl-ex-results button:hover, .pl-explorer .pl-ex-results button:focus, .pl-explorer .pl-ex-results .pl-ex-active { background: #DCE8F5; }
.pl-explorer .pl-ex-partners { margin: 2px 0 8px; padding-left: 1.1em; }
.pl-explorer .pl-ex-partners button { all: unset; display: block; cursor: pointer; color: #1F4E79; text-decoration: underline; }
.pl-explorer .pl-ex-partners button:focus { outline: 2px solid #1F4E79; }
.pl-explorer .pl-ex-partners-title { font-weight: 600; margin: 6px 0 0; }
.pl-explorer .pl-ex-btn { font: inherit; padding: 3px 9px; border: 1px solid #8FA6BC; border-radius: 4px; background: #FFF; cursor: pointer; }
.pl-explorer .pl-ex-btn:hover, .pl-explorer .pl-ex-btn:focus { background: #DCE8F5; }
.pl-explorer select { font: inherit; padding: 3px; }
.pl-explorer .pl-ex-body { display: flex; min-height: 560px; }
.pl-explorer .pl-ex-stage { position: relative; flex: 1 1 auto; min-width: 0; height: 600px; }
.pl-explorer .pl-ex-side { flex: 0 0 250px; padding: 8px 10px; border-left: 1px solid #E3EAF1; overflow-y: auto; max-height: 600px; font-size: 13px; }
.pl-explorer fieldset { border: none; margin: 0 0 10px; padding: 0; }
.pl-explorer legend { font-weight: 600; padding: 0; margin-bottom: 3px; }
.pl-explorer .pl-ex-side label { display: flex; align-items: center; gap: 6px; margin: 2px 0; cursor: pointer; }
.pl-explorer .pl-ex-swatch { display: inline-block; width: 12px; height: 12px; border-radius: 50%; flex: 0 0 12px; }
.pl-explorer .pl-ex-ring { display: inline-block; width: 10px; height: 10px; border-radius: 50%; border: 2px solid #C62828; flex: 0 0 10px; }
.pl-explorer .pl-ex-count { color: #444; margin: 0; }
.pl-explorer .pl-ex-help, .pl-explorer .pl-ex-note { color: #555; font-size: 12.5px; padding: 4px 10px 6px; margin: 0; }
.pl-explorer .pl-ex-card { position: absolute; z-index: 10; pointer-events: none; background: rgba(255,255,255,.97); border: 1px solid #8FA6BC; border-radius: 5px; padding: 6px 9px; font-size: 12.5px; max-width: 300px; box-shadow: 0 2px 6px rgba(0,0,0,.15); }
.pl-explorer .pl-ex-card[hidden] { display: none; }
.pl-explorer .pl-ex-card b, .pl-explorer .pl-ex-info b { display: block; margin-bottom: 2px; font-size: 13px; }
.pl-explorer .pl-ex-card dl, .pl-explorer .pl-ex-info dl { margin: 0; display: grid; grid-template-columns: auto 1fr; gap: 0 8px; }
.pl-explorer dt { color: #555; } .pl-explorer dd { margin: 0; }
.pl-explorer .pl-ex-info { border-bottom: 1px solid #E3EAF1; padding-bottom: 8px; margin-bottom: 8px; }
.pl-explorer .pl-ex-info[hidden] { display: none; }
@media screen { .pl-has-explorer .jp-RenderedImage { display: none; } }
@media print { .pl-explorer { display: none !important; } .jp-Cell:has(.pl-explorer) .jp-RenderedImage img { max-height: 235mm; width: 100%; object-fit: contain; break-inside: avoid; } }
@media (max-width: 760px) { .pl-explorer .pl-ex-body { flex-direction: column; } .pl-explorer .pl-ex-side { flex: none; border-left: none; max-height: none; } }
</style>"""


def layout(und: nx.Graph, seed: int = _SEED) -> dict:
    """Deterministic 2-D positions for an undirected graph, in [-1, 1].

    Up to 150 stakeholders: the static figure's layout (Kamada-Kawai seeded by a fixed spring
    layout, isolates in a row below), so the explorer and the printed figure agree. Larger:
    a seeded Fruchterman-Reingold on numpy arrays (repulsion sampled above 300 nodes: well under a
    second at 2,000), each sector starting around its own point of a circle,
    with a weak pull to the centre so that small components stay in view.
    """
    from partnerlab.plots import network as plots

    if len(und) <= plots.MAX_DRAWN_NODES:
        pos = {v: (float(p[0]), float(p[1])) for v, p in plots._layout(und).items()}
        alone = [v for v in und if und.degree(v) == 0]
        if len(alone) < len(und):  # isolates in rows of 3 below the graph, room for their names
            for i, v in enumerate(alone):
                pos[v] = (-0.75 + 0.75 * (i % 3), -1.2 - 0.12 * (i // 3))
        return pos
    nodes = list(und)
    index = {v: i for i, v in enumerate(nodes)}
    # each sector starts around its own point of a circle, so the sectors that keep to themselves
    # stay together (silos) and the stakeholders tied across sectors are pulled between them
    order = [s for s in vocab.SECTORS.keys] + sorted(
        {_key(und.nodes[v].get("sector")) for v in nodes} - set(vocab.SECTORS.keys)
    )
    angle = {s: 2 * math.pi * i / len(order) for i, s in enumerate(order)}
    start = (
        np.array(
            [
                [math.cos(angle[_key(und.nodes[v].get("sector"))]), math.sin(angle[_key(und.nodes[v].get("sector"))])]
                for v in nodes
            ]
        )
        * 0.6
    )
    pos = _fruchterman_reingold(len(nodes), [(index[u], index[v]) for u, v in und.edges()], seed, start=start)
    return {v: (float(pos[i, 0]), float(pos[i, 1])) for i, v in enumerate(nodes)}


def explorer_data(
    graph: nx.Graph,
    lang: str = "en",
    verdicts: pd.DataFrame | None = None,
    highlight: str | None = None,
    flagged: Iterable[str] = (),
    positions: Mapping | None = None,
) -> dict:
    """The explorer's payload: nodes (columns), ties (flat quadruples), legends and words.

    Args:
        graph: the tie graph (directed or not; direction is not drawn).
        lang: the page language.
        verdicts: `consistency.stakeholder_verdicts` (its ``stakeholder`` and ``outcome``
            columns give the hover card's screening outcome); None = not shown.
        highlight: a node selected when the page opens (the focus stakeholder).
        flagged: nodes ringed in red (central actors flagged or unscreened).
        positions: precomputed positions (default: `layout`).

    Returns:
        A dict ready for `to_json`; ``edges`` is flat: source index, target index, strength
        (1-3), bit mask of the tie kinds (bit i = ``kinds[i]``), for each tie.
    """
    from partnerlab import network
    from partnerlab.plots.common import sector_color
    from partnerlab.plots.network import short_label
    from partnerlab.screening import OUTCOMES

    _ = i18n.translator(lang)
    und = network.to_undirected(graph) if graph.is_directed() else graph
    nodes = list(und)
    index = {v: i for i, v in enumerate(nodes)}
    pos = positions if positions is not None else layout(und)
    deg = dict(und.degree())
    biggest = max(deg.values(), default=1) or 1
    big = len(nodes) > 300
    sector_keys = [s for s in vocab.SECTORS.keys if any(und.nodes[v].get("sector") == s for v in nodes)]
    sector_keys += sorted({_key(und.nodes[v].get("sector")) for v in nodes} - set(sector_keys))
    sector_index = {s: i for i, s in enumerate(sector_keys)}
    kind_keys = [k for k in vocab.TIE_KINDS.keys]
    kind_keys += sorted({k for _, _, d in und.edges(data=True) for k in d.get("kinds") or ()} - set(kind_keys))
    kind_bit = {k: 1 << i for i, k in enumerate(kind_keys)}
    quadrants = list(vocab.QUADRANTS.keys)
    outcome = {}
    if verdicts is not None and len(verdicts):
        outcome = dict(zip(verdicts["stakeholder"], verdicts["outcome"]))
    outcome_keys = [k for k in OUTCOMES.keys if k in set(outcome.values())]

    def _label(key: str, voc: vocab.Vocabulary) -> str:
        return _.label(voc, key) if key in voc else key

    edges: list[int] = []
    used_kinds = 0
    for u, v, d in und.edges(data=True):
        mask = 0
        for k in d.get("kinds") or ("partnership",):
            mask |= kind_bit.get(k, 0)
        used_kinds |= mask
        edges += [index[u], index[v], int(d.get("strength") or d.get("weight") or 1), mask]
    flagged_set = {v for v in flagged if v in index}
    data = {
        "text": {k: _(v) for k, v in _TEXT.items()},
        "lang": lang,
        "sectors": [
            [s, _label(s, vocab.SECTORS) if s else _("not recorded"), sector_color(s or None)] for s in sector_keys
        ],
        "kinds": [[k, _label(k, vocab.TIE_KINDS)] for k in kind_keys if kind_bit[k] & used_kinds],
        "kind_bits": [kind_bit[k] for k in kind_keys if kind_bit[k] & used_kinds],
        "quadrants": [_.label(vocab.QUADRANTS, q) for q in quadrants],
        "outcomes": [_.label(OUTCOMES, k) for k in outcome_keys],
        "screened": bool(outcome),
        "nodes": {
            "id": [str(v) for v in nodes],
            "name": [str(und.nodes[v].get("name") or v) for v in nodes],
            "label": [short_label(v, und.nodes[v].get("name"), width=26) for v in nodes],
            "sector": [sector_index[_key(und.nodes[v].get("sector"))] for v in nodes],
            "x": [round(pos[v][0], 4) for v in nodes],
            "y": [round(pos[v][1], 4) for v in nodes],
            "size": [
                round((2.5 + 9 * math.sqrt(deg[v] / biggest)) if big else (5 + 13 * math.sqrt(deg[v] / biggest)), 2)
                for v in nodes
            ],
            "quadrant": [quadrants.index(q) if (q := und.nodes[v].get("quadrant")) in quadrants else -1 for v in nodes],
            "outcome": [outcome_keys.index(outcome[v]) if outcome.get(v) in outcome_keys else -1 for v in nodes],
            "degree": [deg[v] for v in nodes],
        },
        "edges": edges,
        "flagged": sorted(index[v] for v in flagged_set),
        "focus": index.get(highlight, -1) if highlight is not None else -1,
        "big": big,
    }
    return data


def to_json(data: object) -> str:
    """JSON safe inside an HTML <script> element: no "<", ">" or "&" (so no "</script" or "<!--"),
    and U+2028/U+2029 escaped.

    >>> to_json({"name": "</script><b>&"})
    '{"name":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def explorer_html(graph: nx.Graph, lang: str = "en", **options: object) -> str:
    """The explorer's placeholder markup for a page (see `explorer_data` for the options)."""
    data = explorer_data(graph, lang, **options)
    payload = to_json(data)
    uid = "pl-explorer-" + hashlib.sha1(payload.encode("utf-8")).hexdigest()[:10]  # the same page, the same ids
    note = html.escape(data["text"]["notebook"])
    return (
        f'{_CSS}<div class="pl-explorer" id="{uid}" data-pl-script="explorer" '
        f'aria-label="{html.escape(data["text"]["title"])}" role="region">'
        f'<p class="pl-ex-note">{note}</p>'
        f'<script type="application/json" class="pl-explorer-data">{payload}</script></div>'
    )


def show(graph: nx.Graph, lang: str = "en", **options: object) -> None:
    """Display the explorer in a report (see `explorer_data` for the options)."""
    from IPython.display import HTML, display

    display(HTML(explorer_html(graph, lang, **options)))


# ---------------------------------------------------------------------------------------


def _key(value: object) -> str:
    """A vocabulary key as text ("" for a blank one; blank sorts first)."""
    return "" if value is None or (isinstance(value, float) and value != value) else str(value)


def _fruchterman_reingold(
    n: int,
    pairs: list[tuple[int, int]],
    seed: int,
    rounds: int = 100,
    start: np.ndarray | None = None,
    sample: int = 300,
) -> np.ndarray:
    """Seeded Fruchterman-Reingold on numpy arrays, positions rescaled to [-1, 1].

    Repulsion comes from every node up to ``sample`` nodes; above, from ``sample`` nodes drawn
    afresh each round (seeded) and scaled up, so a round costs n x sample pairs, not n x n: the
    2,000-stakeholder layout takes well under a second. ``start`` (n x 2) gives starting points,
    with a seeded jitter (none: random points).
    """
    rng = np.random.default_rng(seed)
    pos = rng.random((n, 2)) * 2 - 1
    if start is not None:
        pos = start + pos * 0.35
    if n < 2:
        return np.zeros((n, 2))
    src = np.array([p[0] for p in pairs], dtype=np.int64)
    dst = np.array([p[1] for p in pairs], dtype=np.int64)
    k = 2 / math.sqrt(n)
    temp = 0.2
    cool = temp / (rounds + 1)
    for _ in range(rounds):
        cols = np.arange(n) if n <= sample else rng.choice(n, sample, replace=False)
        dx = pos[:, :1] - pos[cols, 0][None, :]
        dy = pos[:, 1:] - pos[cols, 1][None, :]
        force = (k * k * n / len(cols)) / np.maximum(dx * dx + dy * dy, 1e-6)
        disp = np.column_stack(((dx * force).sum(1), (dy * force).sum(1)))
        if len(src):
            delta = pos[src] - pos[dst]
            pull = delta * (np.sqrt((delta**2).sum(-1)) / k)[:, None]
            np.subtract.at(disp, src, pull)
            np.add.at(disp, dst, pull)
        disp -= pos * (0.3 * n * k / 2)  # gravity: components stay near the centre
        length = np.maximum(np.sqrt((disp**2).sum(-1)), 1e-9)[:, None]
        pos += disp / length * np.minimum(length, temp)
        temp -= cool
    pos -= pos.mean(0)
    return pos / max(np.abs(pos).max(), 1e-9)
