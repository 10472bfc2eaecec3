"""Figures of the changes report: moves on the influence-interest grid."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.patches import FancyArrowPatch, Patch

from partnerlab import i18n, vocab
from partnerlab.plots.common import QUADRANT_COLORS, sector_color, sector_label
from partnerlab.plots.stakeholders import draw_grid
from partnerlab.stakeholders import HIGH, short_name

__all__ = ["plot_grid_moves", "plot_trends"]


def plot_grid_moves(
    moves: pd.DataFrame, lang: str = "en", threshold: int = HIGH, ax: plt.Axes | None = None
) -> plt.Axes:
    """The Appendix 3 grid with one arrow per move, from the scores then to the scores now.

    Args:
        moves: `changes.grid_moves` (influence_before, interest_before, influence_after,
            interest_after, name, sector). Moves with a blank score on either side have no
            place on the grid and are counted in the figure's note.
        lang: The figure's language (a code of `i18n.LANGUAGES`).
        threshold: The grid's cut (a score of this or more is high).
        ax: Axes to draw on; a new figure when None.

    Returns:
        The Axes.
    """
    _ = i18n.translator(lang)
    cols = ["influence_before", "interest_before", "influence_after", "interest_after"]
    placed = moves.dropna(subset=cols) if len(moves) else moves
    if ax is None:
        ax = plt.subplots(figsize=(11, 9.5))[1]
    draw_grid(ax, threshold, lang)
    offsets = _offsets(placed, cols)
    labels = [_draw_move(ax, row, dx, dy) for (dx, dy), row in zip(offsets, placed.itertuples(index=False))]
    ax.set_title(_("Moves on the influence-interest grid"))
    _sector_legend(ax, placed, lang)
    note = _moves_note(len(moves) - len(placed), _)
    ax.text(0, -0.1, note, transform=ax.transAxes, fontsize=8, color="#555", wrap=True, va="top")
    ax.set_aspect("equal")
    _separate(labels)
    return ax


def _draw_move(ax: plt.Axes, row: object, dx: float, dy: float) -> object:
    """One move drawn: an open circle then, an arrow to now, and the name's label (returned)."""
    x0, y0 = float(row.interest_before) + dx, float(row.influence_before) + dy
    x1, y1 = float(row.interest_after) + dx, float(row.influence_after) + dy
    color = sector_color(row.sector)
    ax.scatter(x0, y0, s=28, facecolor="white", edgecolor=color, linewidth=1.4, zorder=3)
    ax.add_patch(
        FancyArrowPatch(
            (x0, y0),
            (x1, y1),
            arrowstyle="-|>",
            mutation_scale=14,
            lw=1.8,
            color=color,
            shrinkA=3,
            shrinkB=2,
            zorder=4,
        )
    )
    return ax.annotate(
        short_name(row.name, 40),
        (x1, y1),
        **_label_place(x0, y0, x1, y1),
        textcoords="offset points",
        fontsize=8,
        color="#222",
        zorder=5,
        bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.8},
    )


def _sector_legend(ax: plt.Axes, placed: pd.DataFrame, lang: str) -> None:
    """The legend of the sectors drawn, outside the grid on the right (none when nothing is drawn)."""
    _ = i18n.translator(lang)
    sectors = [s for s in vocab.SECTORS.keys if s in set(placed.get("sector", []))]
    if sectors:
        ax.legend(
            handles=[Patch(color=sector_color(s), label=sector_label(s, lang)) for s in sectors],
            loc="upper left",
            bbox_to_anchor=(1.01, 1),
            title=_("Sector"),
        )


def _moves_note(unplaced: int, _) -> str:
    """The figure's note: how to read an arrow, and how many moves have no place on the grid."""
    note = _(
        "Each arrow goes from the scores then (open circle) to the scores now; arrows sharing a cell are "
        "spread out within it."
    )
    if unplaced:
        note += " " + _.n(
            "{n} move with a blank score is not drawn (see the table).",
            "{n} moves with a blank score are not drawn (see the table).",
            unplaced,
        )
    return note


def _separate(labels: list, step: float = 11.0, tries: int = 8) -> None:
    """Nudge labels up or down (in points) until none overlaps a label placed before it."""
    if len(labels) < 2:
        return
    fig = labels[0].figure
    renderer = fig.canvas.get_renderer()
    placed = []
    for ann in labels:
        base = ann.xyann
        for k in range(tries + 1):
            shift = ((k + 1) // 2) * step * (1 if k % 2 else -1)
            ann.xyann = (base[0], base[1] + shift)
            box = ann.get_window_extent(renderer).expanded(1.02, 1.1)
            if not any(box.overlaps(other) for other in placed):
                break
        placed.append(ann.get_window_extent(renderer).expanded(1.02, 1.1))


def plot_trends(trend: pd.DataFrame, lang: str = "en") -> plt.Figure:
    """Small multiples of `changes.trend_table`: stakeholders and critical group, share of the
    critical group screened, E-I by sector, quality by dimension, action plan progress.

    Returns:
        The Figure (six panels; the last holds the sector legend of the E-I panel).
    """
    from partnerlab.changes import TREND_MEASURES

    dates = list(dict.fromkeys(trend["as_of"]))
    years = [d.year for d in dates]
    _ = i18n.translator(lang)
    ticks = [str(y) for y in years] if len(set(years)) == len(years) else [_.date(d, "medium") for d in dates]
    pos = {d: i for i, d in enumerate(dates)}
    fig, axes = plt.subplots(2, 3, figsize=(13, 7.6))
    label = lambda m: _(TREND_MEASURES[m])  # noqa: E731
    _people_panels(axes[0, 0], axes[0, 1], trend, pos, label, _)
    _ei_panel(axes[0, 2], trend, pos, label, _, lang)
    _quality_panel(axes[1, 0], trend, pos, label, lang)
    _plan_panel(axes[1, 1], trend, pos, _)
    handles, labels = axes[0, 2].get_legend_handles_labels()
    axes[1, 2].axis("off")
    axes[1, 2].legend(handles, labels, loc="center left", fontsize=8, title=label("ei"))
    for ax in axes.flat[:5]:
        ax.set_xticks(range(len(dates)))
        ax.set_xticklabels(ticks)
        ax.set_xlim(-0.3, len(dates) - 0.7)
        ax.grid(axis="y", color="#EEE")
    fig.suptitle(_("Trends across the snapshots (ordered by as-of date)"), fontweight="bold")
    fig.tight_layout()
    return fig


def _series(trend: pd.DataFrame, measure: str, group: str = "all") -> pd.DataFrame:
    """The trend rows of one measure for one group."""
    return trend[(trend["measure"] == measure) & (trend["group"] == group)]


def _line(ax: plt.Axes, rows: pd.DataFrame, pos: dict, name: str, color=None, marker: str = "o") -> None:
    """One series drawn as a line at the snapshots' positions (nothing when it has no value)."""
    rows = rows.dropna(subset=["value"])
    if len(rows):
        ax.plot([pos[d] for d in rows["as_of"]], rows["value"], marker=marker, lw=2, ms=5, color=color, label=name)


def _people_panels(ax0: plt.Axes, ax1: plt.Axes, trend: pd.DataFrame, pos: dict, label, _) -> None:
    """The stakeholders and critical group panel, and the share of the critical group screened."""
    _line(ax0, _series(trend, "stakeholders"), pos, label("stakeholders"), "#1F4E79")
    _line(ax0, _series(trend, "critical"), pos, label("critical"), QUADRANT_COLORS["critical"], "s")
    ax0.set_title(_("Stakeholders and critical group"))
    ax0.legend(loc="best", fontsize=8)
    _line(ax1, _series(trend, "critical_screened_pct"), pos, label("critical_screened_pct"), "#1F4E79")
    ax1.set_ylim(0, 100)
    ax1.set_title(label("critical_screened_pct"))


def _ei_panel(ax: plt.Axes, trend: pd.DataFrame, pos: dict, label, _, lang: str) -> None:
    """The E-I index panel: one line per sector and one for the whole network."""
    sectors = [s for s in vocab.SECTORS.keys if s in set(trend.loc[trend["measure"] == "ei", "group"])]
    for sector in sectors:
        _line(ax, _series(trend, "ei", sector), pos, sector_label(sector, lang), sector_color(sector))
    _line(ax, _series(trend, "ei"), pos, _("Whole network"), "#222", "D")
    ax.axhline(0, color="#999", lw=0.8, ls=":")
    ax.set_ylim(-1.05, 1.05)
    ax.set_title(label("ei"))


def _quality_panel(ax: plt.Axes, trend: pd.DataFrame, pos: dict, label, lang: str) -> None:
    """The quality panel: one line per dimension."""
    from partnerlab.plots.common import shorten
    from partnerlab.quality import dimension_label

    palette = plt.get_cmap("tab10")
    dims = list(dict.fromkeys(trend.loc[trend["measure"] == "quality", "group"]))
    for i, dim in enumerate(dims):
        _line(ax, _series(trend, "quality", dim), pos, shorten(dimension_label(dim, lang), 40), palette(i))
    ax.set_ylim(0, 3.1)
    ax.set_title(label("quality"))
    ax.legend(loc="lower right", fontsize=7)


def _plan_panel(ax: plt.Axes, trend: pd.DataFrame, pos: dict, _) -> None:
    """The action plan panel: mean progress and share of actions done (%)."""
    _line(ax, _series(trend, "plan_progress_pct"), pos, _("Mean progress"), "#1F4E79")
    _line(ax, _series(trend, "plan_done_pct"), pos, _("Actions done"), "#2E8B57", "s")
    ax.set_ylim(0, 100)
    ax.set_title(_("Action plan (%)"))
    ax.legend(loc="best", fontsize=8)


def _label_place(x0: float, y0: float, x1: float, y1: float) -> dict:
    """Where a label goes beside its arrow head: beyond the head in the arrow's direction, so it
    never lies across its own line, and inside the grid."""
    sx = (x1 > x0) - (x1 < x0)
    sy = (y1 > y0) - (y1 < y0)
    va = "bottom" if sy > 0 else "top" if sy < 0 else "center"
    if sx == 0:  # vertical: beside the head, towards the middle of the grid
        return {"xytext": (-7, 0) if x1 >= 4.6 else (7, 0), "ha": "right" if x1 >= 4.6 else "left", "va": "center"}
    if (sx > 0 and x1 >= 4.6) or (sx < 0 and x1 <= 1.4):  # at the edge: above or below the head
        return {
            "xytext": (0, 8 if sy >= 0 else -8),
            "ha": "right" if x1 >= 4.6 else "left",
            "va": "bottom" if sy >= 0 else "top",
        }
    return {"xytext": (7 * sx, 5 * sy), "ha": "left" if sx > 0 else "right", "va": va}


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
