"""Figures of the stakeholder map: the influence-interest grid, counts by sector and state, roles."""

from __future__ import annotations

import math

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.patches import Patch, Rectangle

from partnerlab import vocab
from partnerlab.plots.common import QUADRANT_COLORS, sector_color, sector_label
from partnerlab.stakeholders import HIGH, assign_quadrants, short_name

__all__ = ["plot_influence_interest", "plot_sector_counts", "plot_states", "plot_roles"]

MAX_LABELS = 45  # above this many rated stakeholders only the critical group is labelled


def plot_influence_interest(stakeholders: pd.DataFrame, lang: str = "en", threshold: int = HIGH,
                            ax: plt.Axes | None = None) -> plt.Axes:
    """The Appendix 3 grid: interest (x) against influence (y), one dot per stakeholder, sector colours.

    Stakeholders sharing a cell are spread on a small grid inside it, so none hides another.
    """
    df = assign_quadrants(stakeholders, threshold).dropna(subset=["influence", "interest"])
    if ax is None:
        _, ax = plt.subplots(figsize=(12, 10.5))
    draw_grid(ax, threshold, lang)
    label_all = len(df) <= MAX_LABELS
    for (inf, itr), cell in df.sort_values(["sector", "name"]).groupby(["influence", "interest"]):
        labelled = label_all or (cell["quadrant"] == "critical").all()
        right_edge = float(itr) >= 5  # labels of the right-most column go left of their points
        offsets = _stack(len(cell), right_edge) if labelled and len(cell) > 1 else _spread(len(cell))
        for (dx, dy), row in zip(offsets, cell.itertuples(index=False)):
            x, y = float(itr) + dx, float(inf) + dy
            ax.scatter(x, y, s=46, color=sector_color(row.sector), edgecolor="white", linewidth=0.6, zorder=3)
            if labelled:
                ax.annotate(short_name(row.name, 18), (x, y), xytext=(-4 if right_edge else 4, 0),
                            textcoords="offset points", ha="right" if right_edge else "left",
                            fontsize=7, color="#222", va="center", zorder=4)
    ax.set_title("Influence-interest grid (Appendix 3)" if lang != "es" else "Matriz de influencia e interés (Anexo 3)")
    sectors = [s for s in vocab.SECTORS.keys if s in set(df["sector"])]
    ax.legend(handles=[Patch(color=sector_color(s), label=sector_label(s, lang)) for s in sectors],
              loc="upper left", bbox_to_anchor=(1.01, 1), title="Sector")
    note = ("Each point sits in the cell of its two scores; points sharing a cell are spread out within it."
            if lang != "es" else
            "Cada punto está en la celda de sus dos calificaciones; los que comparten celda se reparten dentro de ella.")
    if not label_all:
        note += " Labels: critical group only." if lang != "es" else " Etiquetas: solo el grupo crítico."
    ax.text(0, -0.09, note, transform=ax.transAxes, fontsize=8, color="#555")
    ax.set_aspect("equal")
    return ax



def draw_grid(ax: plt.Axes, threshold: int = HIGH, lang: str = "en") -> plt.Axes:
    """The Appendix 3 grid without its stakeholders: the four quadrants shaded and named, the
    cut at `threshold` dashed, both axes from 1 to 5 (the stakeholder map and the changes grid)."""
    lo, hi = 0.5, 5.5
    cut = threshold - 0.5
    for (x0, x1, y0, y1, q) in ((cut, hi, cut, hi, "critical"), (lo, cut, cut, hi, "awareness"),
                                (cut, hi, lo, cut, "capacity"), (lo, cut, lo, cut, "monitor")):
        ax.add_patch(Rectangle((x0, y0), x1 - x0, y1 - y0, color=QUADRANT_COLORS[q], alpha=0.08, zorder=0))
        title = vocab.QUADRANTS.label(q, lang).split(":")[0]
        ax.text(x0 + 0.06, y1 - 0.02, title, ha="left", va="top", fontsize=9, fontweight="bold",
                color=QUADRANT_COLORS[q], zorder=1)
    ax.axvline(cut, color="#888", lw=1, ls="--", zorder=1)
    ax.axhline(cut, color="#888", lw=1, ls="--", zorder=1)
    ax.set_xlim(lo, hi)
    ax.set_ylim(lo, hi)
    ax.set_xticks(range(1, 6))
    ax.set_yticks(range(1, 6))
    ax.set_xlabel("Interest (1-5)" if lang != "es" else "Interés (1-5)")
    ax.set_ylabel("Influence (1-5)" if lang != "es" else "Influencia (1-5)")
    return ax

def plot_sector_counts(counts: pd.DataFrame, lang: str = "en", ax: plt.Axes | None = None) -> plt.Axes:
    """Horizontal bars of stakeholders per sector (a count_by(..., "sector") table)."""
    df = counts.dropna(subset=["sector"])
    df = df[df["stakeholders"] > 0].iloc[::-1]
    if ax is None:
        _, ax = plt.subplots(figsize=(8, 0.42 * max(len(df), 3) + 0.8))
    bars = ax.barh([sector_label(s, lang) for s in df["sector"]], df["stakeholders"],
                   color=[sector_color(s) for s in df["sector"]])
    ax.bar_label(bars, labels=[f"{n} ({p:.0f}%)" for n, p in zip(df["stakeholders"], df["share_pct"])],
                 padding=3, fontsize=9)
    ax.set_xlabel("Stakeholders" if lang != "es" else "Actores")
    ax.set_title("Stakeholders by sector" if lang != "es" else "Actores por sector")
    ax.margins(x=0.18)
    return ax


def plot_states(state_counts: pd.DataFrame, lang: str = "en", ax: plt.Axes | None = None) -> plt.Axes:
    """Bars of stakeholders per federal entity, all 32; entities with none are marked in red."""
    df = state_counts.iloc[::-1]
    if ax is None:
        _, ax = plt.subplots(figsize=(8, 9))
    colors = ["#1F4E79" if n else "#C0392B" for n in df["stakeholders"]]
    ax.barh([vocab.STATES.label(s, lang) for s in df["state"]], df["stakeholders"], color=colors)
    for y, n in enumerate(df["stakeholders"]):
        if n == 0:
            ax.text(0.1, y, "0: " + ("no partner" if lang != "es" else "sin aliados"), va="center",
                    fontsize=8, color="#C0392B")
    ax.set_xlabel("Stakeholders working in the state" if lang != "es" else "Actores que trabajan en el estado")
    ax.set_title("Coverage of the federal entities" if lang != "es" else "Cobertura de las entidades federativas")
    ax.tick_params(axis="y", labelsize=8)
    return ax


def plot_roles(roles: pd.DataFrame, lang: str = "en", ax: plt.Axes | None = None) -> plt.Axes:
    """Heatmap of roles (rows) by sector (columns), from stakeholders.roles_by_sector."""
    import seaborn as sns

    if ax is None:
        _, ax = plt.subplots(figsize=(1.0 * max(len(roles.columns), 4) + 3, 0.5 * max(len(roles), 3) + 1.5))
    shown = roles.copy()
    shown.index = [vocab.ROLES.label(r, lang) for r in shown.index]
    shown.columns = [sector_label(s, lang) for s in shown.columns]
    sns.heatmap(shown, annot=True, fmt="d", cmap="Blues", cbar=False, linewidths=0.5, ax=ax)
    ax.set_xlabel("")
    ax.set_ylabel("")
    ax.set_title("Roles by sector (Appendix 3, step 3)" if lang != "es" else "Roles por sector (Anexo 3, paso 3)")
    plt.setp(ax.get_xticklabels(), rotation=30, ha="right")
    return ax


def _stack(n: int, right: bool = False, height: float = 0.7) -> list[tuple[float, float]]:
    """Offsets for n labelled points in one cell: a column on the left (or right), top to bottom."""
    step = height / max(n - 1, 1)
    return [(0.38 if right else -0.38, height / 2 - i * step) for i in range(n)]


def _spread(n: int, width: float = 0.8) -> list[tuple[float, float]]:
    """Offsets for n points inside one cell of the grid, on a small centred square lattice."""
    if n == 1:
        return [(0.0, 0.0)]
    side = math.ceil(math.sqrt(n))
    step = width / side
    offsets = []
    for i in range(n):
        r, c = divmod(i, side)
        offsets.append(((c - (side - 1) / 2) * step, ((side - 1) / 2 - r) * step))
    return offsets
