"""Figures of the changes report: moves on the influence-interest grid."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.patches import FancyArrowPatch, Patch, Rectangle

from partnerlab import vocab
from partnerlab.plots.common import QUADRANT_COLORS, sector_color, sector_label
from partnerlab.stakeholders import HIGH, short_name

__all__ = ["plot_grid_moves"]


def plot_grid_moves(moves: pd.DataFrame, lang: str = "en", threshold: int = HIGH,
                    ax: plt.Axes | None = None) -> plt.Axes:
    """The Appendix 3 grid with one arrow per move, from the scores then to the scores now.

    Args:
        moves: `changes.grid_moves` (influence_before, interest_before, influence_after,
            interest_after, name, sector). Moves with a blank score on either side have no
            place on the grid and are counted in the figure's note.
        lang: "en" or "es".
        threshold: The grid's cut (a score of this or more is high).
        ax: Axes to draw on; a new figure when None.

    Returns:
        The Axes.
    """
    cols = ["influence_before", "interest_before", "influence_after", "interest_after"]
    placed = moves.dropna(subset=cols) if len(moves) else moves
    if ax is None:
        _, ax = plt.subplots(figsize=(11, 9.5))
    lo, hi = 0.5, 5.5
    cut = threshold - 0.5
    for (x0, x1, y0, y1, q) in ((cut, hi, cut, hi, "critical"), (lo, cut, cut, hi, "awareness"),
                                (cut, hi, lo, cut, "capacity"), (lo, cut, lo, cut, "monitor")):
        ax.add_patch(Rectangle((x0, y0), x1 - x0, y1 - y0, color=QUADRANT_COLORS[q], alpha=0.08, zorder=0))
        ax.text(x0 + 0.06, y1 - 0.04, vocab.QUADRANTS.label(q, lang).split(":")[0], ha="left", va="top",
                fontsize=9, fontweight="bold", color=QUADRANT_COLORS[q], zorder=1)
    ax.axvline(cut, color="#888", lw=1, ls="--", zorder=1)
    ax.axhline(cut, color="#888", lw=1, ls="--", zorder=1)
    offsets = _offsets(placed, cols)
    for (dx, dy), row in zip(offsets, placed.itertuples(index=False)):
        x0, y0 = float(row.interest_before) + dx, float(row.influence_before) + dy
        x1, y1 = float(row.interest_after) + dx, float(row.influence_after) + dy
        color = sector_color(row.sector)
        ax.scatter(x0, y0, s=28, facecolor="white", edgecolor=color, linewidth=1.4, zorder=3)
        ax.add_patch(FancyArrowPatch((x0, y0), (x1, y1), arrowstyle="-|>", mutation_scale=14, lw=1.8,
                                     color=color, shrinkA=3, shrinkB=2, zorder=4))
        ax.annotate(short_name(row.name, 24), (x1, y1), **_label_place(x0, x1), textcoords="offset points",
                    fontsize=8, color="#222", zorder=5,
                    bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.8})
    ax.set_xlim(lo, hi)
    ax.set_ylim(lo, hi)
    ax.set_xticks(range(1, 6))
    ax.set_yticks(range(1, 6))
    ax.set_xlabel("Interest (1-5)" if lang != "es" else "Interés (1-5)")
    ax.set_ylabel("Influence (1-5)" if lang != "es" else "Influencia (1-5)")
    ax.set_title("Moves on the influence-interest grid" if lang != "es" else
                 "Movimientos en la matriz de influencia e interés")
    sectors = [s for s in vocab.SECTORS.keys if s in set(placed.get("sector", []))]
    if sectors:
        ax.legend(handles=[Patch(color=sector_color(s), label=sector_label(s, lang)) for s in sectors],
                  loc="upper left", bbox_to_anchor=(1.01, 1), title="Sector")
    note = ("Each arrow goes from the scores then (open circle) to the scores now; arrows sharing a cell are "
            "spread out within it." if lang != "es" else
            "Cada flecha va de las calificaciones de antes (círculo vacío) a las de ahora; las flechas que "
            "comparten celda se reparten dentro de ella.")
    unplaced = len(moves) - len(placed)
    if unplaced:
        note += (f" {unplaced} move(s) with a blank score are not drawn (see the table)." if lang != "es" else
                 f" {unplaced} movimiento(s) con una calificación en blanco no se dibujan (ver la tabla).")
    ax.text(0, -0.085, note, transform=ax.transAxes, fontsize=8, color="#555", wrap=True)
    ax.set_aspect("equal")
    return ax


def _label_place(x0: float, x1: float) -> dict:
    """Where a label goes beside its arrow head: ahead of the arrow, never across its own line."""
    if x1 > x0 and x1 < 4.6:
        return {"xytext": (7, 0), "ha": "left", "va": "center"}
    if x1 < x0 and x1 > 1.4:
        return {"xytext": (-7, 0), "ha": "right", "va": "center"}
    if x1 > x0 or x1 < x0:  # at the edge of the grid: above the head
        return {"xytext": (0, 7), "ha": "center" if 1.4 < x1 < 4.6 else ("right" if x1 >= 4.6 else "left"),
                "va": "bottom"}
    return {"xytext": (-7, 0), "ha": "right", "va": "center"} if x1 >= 4.6 else {"xytext": (7, 0), "ha": "left",
                                                                                   "va": "center"}


def _offsets(moves: pd.DataFrame, cols: list[str]) -> list[tuple[float, float]]:
    """Vertical shifts so that arrows (and their labels) sharing a start or end cell lie apart.

    Each move takes the first slot (0, +1, -1, +2, -2, ... times 0.2 of a cell) free in both
    the cell it starts in and the cell it ends in; both ends get the same shift.
    """
    used: dict[tuple, set[int]] = {}
    out = []
    for r in moves[cols].itertuples(index=False):
        cells = [(r[1], r[0]), (r[3], r[2])]  # (interest, influence) then and now
        slot = 0
        while any(slot in used.get(c, set()) for c in cells):
            slot = -slot if slot > 0 else -slot + 1
        for c in cells:
            used.setdefault(c, set()).add(slot)
        out.append((0.0, max(min(slot * 0.2, 0.4), -0.4)))
    return out
