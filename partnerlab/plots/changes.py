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
        right = x1 >= 4.6  # labels near the right edge go left of the arrow head
        ax.annotate(short_name(row.name, 20), (x1, y1), xytext=(-6 if right else 6, 4), textcoords="offset points",
                    ha="right" if right else "left", va="bottom", fontsize=8, color="#222", zorder=5,
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


def _offsets(moves: pd.DataFrame, cols: list[str]) -> list[tuple[float, float]]:
    """Small shifts so that arrows starting in the same cell do not lie on top of each other."""
    seen: dict[tuple, int] = {}
    out = []
    for row in moves[cols].itertuples(index=False):
        key = (row[0], row[1])
        i = seen.get(key, 0)
        seen[key] = i + 1
        out.append(((i % 3 - 1) * 0.22, -(i // 3) * 0.2 + 0.15 * (i > 0)))
    return out
