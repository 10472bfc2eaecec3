"""Figures of the stakeholder map: the influence-interest grid, counts by sector and state, roles."""

from __future__ import annotations

import math
import textwrap

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle

from partnerlab import i18n, vocab
from partnerlab.plots.common import QUADRANT_COLORS, sector_color, sector_label, sector_marker
from partnerlab.stakeholders import HIGH, assign_quadrants, label_name

__all__ = ["plot_influence_interest", "draw_grid", "plot_sector_counts", "plot_states", "plot_roles", "MAX_LABELS"]

MAX_LABELS = 45  # above this many rated stakeholders only the critical group is labelled
ADJUST_ITERATIONS = 200  # adjustText's iteration limit for the grid's labels (see plot_influence_interest)
CELL = 0.34  # points of one cell are spread at most this far from the cell's centre (scores are 1 apart)


def plot_influence_interest(
    stakeholders: pd.DataFrame, lang: str = "en", threshold: int = HIGH, ax: plt.Axes | None = None
) -> plt.Axes:
    """The Appendix 3 grid: interest (x) against influence (y), one point per stakeholder.

    Points sharing a cell are spread on a small lattice inside it, never past the 1-5 scale (at
    a score of 1 or 5 the spread turns inwards). Each sector has its colour and marker
    (`partnerlab.plots.common.SECTOR_STYLES`). Labels are the names (an acronym in brackets when
    the name has one), never cut, placed by adjustText so that none overlaps another or a point
    and none leaves the axes; above `MAX_LABELS` rated stakeholders only the critical group is
    labelled.
    """
    from adjustText import adjust_text

    T = i18n.translator(lang)
    df = assign_quadrants(stakeholders, threshold).dropna(subset=["influence", "interest"])
    if ax is None:
        _, ax = plt.subplots(figsize=(11, 11))
    draw_grid(ax, threshold, lang)
    titles = list(ax.texts)  # the quadrant names: labels keep clear of them too
    label_all = len(df) <= MAX_LABELS
    xs, ys, texts = _draw_points(ax, df, label_all)
    # No time limit (the same figure on a busy machine and a quiet one), and 200 iterations: on
    # the sample adjustText never reaches zero overlap (labels near the quadrant names), so it used
    # every iteration it had; 1000 cost 1.4 s on the grid of all 94 stakeholders and 0.5 s on a
    # sector's, 200 cost 0.5 s and 0.15 s, and the labels land where they did at 1000 within a few
    # pixels (compared side by side on the sample's grids).
    if texts:
        adjust_text(
            texts,
            x=xs,
            y=ys,
            objects=titles,
            ax=ax,
            ensure_inside_axes=True,
            expand_axes=False,
            expand=(1.2, 1.5),
            force_text=(0.6, 0.9),
            force_static=(0.4, 0.6),
            iter_lim=ADJUST_ITERATIONS,
            arrowprops={"arrowstyle": "-", "color": "#777777", "lw": 0.5},
        )
    ax.set_title(T("Influence-interest grid (Appendix 3)"))
    _sector_legend(ax, [s for s in vocab.SECTORS.keys if s in set(df["sector"])], lang)
    note = T(
        "Each point sits in the cell of its two scores; points sharing a cell are spread out within it, "
        "inside the 1-5 scale."
    )
    if not label_all:
        note += " " + T("Labels: critical group only.")
    ax.text(0, -0.065, note, transform=ax.transAxes, fontsize=8, color="#555")
    ax.set_aspect("equal")
    return ax


def _draw_points(ax: plt.Axes, df: pd.DataFrame, label_all: bool) -> tuple[list, list, list]:
    """A point per stakeholder, spread inside its cell, with its name (all, or the critical group's);
    returns the points' x, y and the labels for adjustText."""
    xs, ys, texts = [], [], []
    for (inf, itr), cell in df.sort_values(["sector", "name"]).groupby(["influence", "interest"]):
        for (dx, dy), row in zip(_spread(len(cell)), cell.itertuples(index=False)):
            x, y = _inside(float(itr), dx), _inside(float(inf), dy)
            ax.scatter(
                x,
                y,
                s=52,
                color=sector_color(row.sector),
                marker=sector_marker(row.sector),
                edgecolor="#333333",
                linewidth=0.5,
                zorder=3,
            )
            xs.append(x)
            ys.append(y)
            if label_all or row.quadrant == "critical":
                texts.append(
                    ax.text(
                        x,
                        y - 0.09,
                        _wrap(label_name(row.name), 22),
                        fontsize=7.5,
                        color="#222",
                        ha="center",
                        va="top",
                        linespacing=0.95,
                        zorder=4,
                        bbox={"boxstyle": "square,pad=0.05", "fc": "white", "ec": "none", "alpha": 0.7},
                    )
                )
    return xs, ys, texts


def _sector_legend(ax: plt.Axes, sectors: list[str], lang: str) -> None:
    """The legend under the grid: each sector's marker and colour, four to a row."""
    T = i18n.translator(lang)
    handles = [
        Line2D(
            [],
            [],
            linestyle="",
            marker=sector_marker(s),
            markersize=8,
            markerfacecolor=sector_color(s),
            markeredgecolor="#333333",
            markeredgewidth=0.5,
            label=sector_label(s, lang),
        )
        for s in sectors
    ]
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.1), ncol=4, title=T("Sector"))


def draw_grid(ax: plt.Axes, threshold: int = HIGH, lang: str = "en") -> plt.Axes:
    """The Appendix 3 grid without its stakeholders: the four quadrants shaded and named, the
    cut at `threshold` dashed, both axes from 1 to 5 (the stakeholder map and the changes grid)."""
    T = i18n.translator(lang)
    lo, hi = 0.5, 5.5
    cut = threshold - 0.5
    for x0, x1, y0, y1, q in (
        (cut, hi, cut, hi, "critical"),
        (lo, cut, cut, hi, "awareness"),
        (cut, hi, lo, cut, "capacity"),
        (lo, cut, lo, cut, "monitor"),
    ):
        ax.add_patch(Rectangle((x0, y0), x1 - x0, y1 - y0, color=QUADRANT_COLORS[q], alpha=0.08, zorder=0))
        title = T.label(vocab.QUADRANTS, q).split(":")[0]
        ax.text(
            x0 + 0.06,
            y1 - 0.02,
            title,
            ha="left",
            va="top",
            fontsize=9,
            fontweight="bold",
            color=QUADRANT_COLORS[q],
            zorder=1,
        )
    ax.axvline(cut, color="#888", lw=1, ls="--", zorder=1)
    ax.axhline(cut, color="#888", lw=1, ls="--", zorder=1)
    ax.set_xlim(lo, hi)
    ax.set_ylim(lo, hi)
    ax.set_xticks(range(1, 6))
    ax.set_yticks(range(1, 6))
    ax.set_xlabel(T("Interest (1-5)"))
    ax.set_ylabel(T("Influence (1-5)"))
    return ax


def plot_sector_counts(counts: pd.DataFrame, lang: str = "en", ax: plt.Axes | None = None) -> plt.Axes:
    """Horizontal bars of stakeholders per sector (a count_by(..., "sector") table), each "count (share)"."""
    T = i18n.translator(lang)
    df = counts.dropna(subset=["sector"])
    df = df[df["stakeholders"] > 0].iloc[::-1]
    total = int(counts["stakeholders"].sum())
    if ax is None:
        _, ax = plt.subplots(figsize=(8, 0.3 * max(len(df), 2) + 0.6))
    bars = ax.barh(
        [sector_label(s, lang) for s in df["sector"]],
        df["stakeholders"],
        color=[sector_color(s) for s in df["sector"]],
        edgecolor="#333333",
        linewidth=0.4,
    )
    ax.bar_label(bars, labels=[T.share(int(n), total) for n in df["stakeholders"]], padding=3, fontsize=9)
    ax.set_xlabel(T("Stakeholders"))
    ax.set_title(T("Stakeholders by sector"))
    ax.margins(x=0.22)
    return ax


def plot_states(state_counts: pd.DataFrame, lang: str = "en", ax: plt.Axes | None = None) -> plt.Axes:
    """Bars of stakeholders per federal entity, all 32; entities with none are marked in red."""
    T = i18n.translator(lang)
    df = state_counts.iloc[::-1]
    if ax is None:
        _, ax = plt.subplots(figsize=(8, 7.5))
    colors = ["#1F4E79" if n else "#C0392B" for n in df["stakeholders"]]
    ax.barh([T.label(vocab.STATES, s) for s in df["state"]], df["stakeholders"], color=colors)
    for y, n in enumerate(df["stakeholders"]):
        if n == 0:
            ax.text(0.1, y, T("0: none"), va="center", fontsize=8, color="#C0392B")
    ax.set_xlabel(T("Stakeholders working in the state"))
    ax.set_title(T("Coverage of the federal entities"))
    ax.tick_params(axis="y", labelsize=8)
    return ax


def plot_roles(roles: pd.DataFrame, lang: str = "en", ax: plt.Axes | None = None) -> plt.Axes:
    """Heatmap of roles (rows) by sector (columns), from stakeholders.roles_by_sector: each cell
    shaded by its count and labelled with it, white on the darker half of the scale.

    Plain matplotlib, as seaborn's heatmap drew it: seaborn imports scipy.stats (about 1 s of a
    kernel's start) and draws the whole figure once more to check its tick labels."""
    T = i18n.translator(lang)
    if ax is None:
        _, ax = plt.subplots(figsize=(1.0 * max(len(roles.columns), 4) + 3, 0.5 * max(len(roles), 3) + 1.5))
    counts = roles.to_numpy(dtype=float)
    cmap = plt.get_cmap("Blues")
    top = counts.max() if counts.size and counts.max() > 0 else 1.0
    ax.pcolormesh(
        counts, cmap=cmap, vmin=counts.min() if counts.size else 0, vmax=top, edgecolors="white", linewidth=0.5
    )
    low = counts.min() if counts.size else 0.0
    for (i, j), n in np.ndenumerate(counts):
        r, g, b, _ = cmap((n - low) / (top - low) if top > low else 0.0)
        ink = "black" if 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.408 else "white"  # seaborn's rule
        ax.text(j + 0.5, i + 0.5, f"{int(n)}", ha="center", va="center", color=ink, fontsize=10)
    ax.set_xticks(np.arange(counts.shape[1]) + 0.5, [_wrap(sector_label(s, lang), 16) for s in roles.columns])
    ax.set_yticks(np.arange(counts.shape[0]) + 0.5, [T.label(vocab.ROLES, r) for r in roles.index])
    ax.set_xlim(0, counts.shape[1])
    ax.set_ylim(counts.shape[0], 0)  # the first role on top
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.set_xlabel("")
    ax.set_ylabel("")
    ax.set_title(T("Roles by sector (Appendix 3, step 3)"))
    plt.setp(ax.get_xticklabels(), rotation=0, ha="center", fontsize=8)
    return ax


def _spread(n: int, width: float = 2 * CELL) -> list[tuple[float, float]]:
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


def _inside(score: float, offset: float, lo: float = 1.0, hi: float = 5.0) -> float:
    """score + offset, with the cell's spread squeezed inwards at the ends of the scale, so a
    point never leaves lo-hi (at 5 the spread covers 5 - CELL to 5, in the same order).

    >>> _inside(3, 0.3), _inside(5, 0.34), _inside(5, -0.34), _inside(1, -0.34)
    (3.3, 5.0, 4.66, 1.0)
    """
    if score >= hi:
        return round(hi - (CELL - offset) / 2, 6)
    if score <= lo:
        return round(lo + (offset + CELL) / 2, 6)
    return round(score + offset, 6)


def _wrap(text: object, width: int) -> str:
    return "\n".join(textwrap.wrap(str(text), width, break_long_words=False)) or str(text)
