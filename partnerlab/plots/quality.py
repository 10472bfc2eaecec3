"""Charts of partnership quality (Appendix 6): a dot plot per partnership and a portfolio heatmap."""

from __future__ import annotations

import textwrap

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.lines import Line2D

from partnerlab import i18n, quality, vocab

__all__ = ["PERSPECTIVE_COLORS", "plot_partnership_quality", "plot_quality_heatmap"]

PERSPECTIVE_COLORS = {
    "collective": "#000000",
    "self": "#8C8C8C",
    "government": "#2166AC",
    "civil_society": "#D6604D",
    "private_sector": "#8073AC",
    "academia": "#1B7837",
    "un_system": "#35978F",
    "other": "#BF812D",
}
_MARKERS = {
    "collective": "D",
    "self": "o",
    "government": "s",
    "civil_society": "^",
    "private_sector": "v",
    "academia": "P",
    "un_system": "X",
    "other": "*",
}


def plot_partnership_quality(
    scores: pd.DataFrame, partnership: str, name: str = "", ax: plt.Axes | None = None, lang: str = "en"
) -> plt.Axes:
    """Dot plot of one partnership: the six dimensions (0-3) by perspective in the latest round;
    hollow markers joined by a line show the same perspective's previous round.

    Args:
        scores: `quality.quality_scores` output.
        partnership: The partnership id.
        name: Its name, for the title (the id when blank).
    """
    _ = i18n.translator(lang)
    rows = scores[scores["partnership"] == partnership]
    last = rows["round"].max()
    latest = rows[rows["round"] == last]
    previous = rows[rows["round"] < last]
    views = list(dict.fromkeys(latest["perspective"]))
    if ax is None:
        ax = plt.subplots(figsize=(8.5, 5.2), layout="constrained")[1]
    dims = list(quality.DIMENSIONS)
    step = 0.7 / max(1, len(views))
    for k, view in enumerate(views):
        offset = (k - (len(views) - 1) / 2) * step
        now = latest[latest["perspective"] == view].iloc[-1]
        before = previous[previous["perspective"] == view].sort_values("round").tail(1)
        _draw_perspective(ax, view, now, before.iloc[0] if len(before) else None, dims, offset)
    _dimension_axes(ax, dims, lang)
    when = pd.Timestamp(latest["assessed_on"].iloc[0])
    title = _("Quality by perspective, round {r} ({d})", r=_.number(last), d=_.date(when))
    ax.set_title(f"{textwrap.shorten(name or partnership, 70, placeholder='…')}\n{title}", loc="left", fontsize=10.5)
    _perspective_legend(ax, views, bool(len(previous)), lang)
    return ax


def _draw_perspective(
    ax: plt.Axes, view: str, now: pd.Series, before: pd.Series | None, dims: list[str], offset: float
) -> None:
    """One perspective's dots, a row per dimension shifted by `offset`: filled for the latest
    round, hollow and joined by a line for its previous round (when both are scored)."""
    color, marker = PERSPECTIVE_COLORS.get(view, "#666666"), _MARKERS.get(view, "o")
    for i, d in enumerate(dims):
        y = i + offset
        if before is not None and not pd.isna(before[d]) and not pd.isna(now[d]):
            ax.plot([before[d], now[d]], [y, y], color=color, linewidth=1, alpha=0.6, zorder=1)
            ax.scatter(before[d], y, s=34, marker=marker, facecolor="white", edgecolor=color, linewidth=1.1, zorder=2)
        if not pd.isna(now[d]):
            ax.scatter(now[d], y, s=46, marker=marker, color=color, zorder=3)


def _dimension_axes(ax: plt.Axes, dims: list[str], lang: str) -> None:
    """Dimensions down the left, their principles on the right (bands split by grey rules), levels 0-3 across."""
    _ = i18n.translator(lang)
    for boundary in (1.5, 3.5):
        ax.axhline(boundary, color="#BDBDBD", linewidth=0.8)
    ax.axvline(3, color="#1B7837", linestyle=":", linewidth=1)
    ax.set_yticks(range(len(dims)), [quality.dimension_label(d, lang) for d in dims], fontsize=9)
    right = ax.secondary_yaxis("right")
    right.set_yticks(
        [0.5, 2.5, 4.5],
        [vocab.PRINCIPLES.label(p, lang) for p in quality.PRINCIPLE_DIMENSIONS],
        fontsize=9,
        fontstyle="italic",
    )
    right.tick_params(length=0)
    ax.set_ylim(len(dims) - 0.5, -0.5)
    ax.set_xlim(-0.25, 3.25)
    ax.set_xticks(range(4))
    ax.set_xlabel(_("Level (0-3; level 3 = all Appendix 6 criteria met)"))
    ax.grid(axis="x", color="#EEEEEE")
    ax.set_axisbelow(True)


def _perspective_legend(ax: plt.Axes, views: list[str], has_previous: bool, lang: str) -> None:
    """The legend right of the chart: a marker per perspective, and the hollow one of the previous round."""
    _ = i18n.translator(lang)
    handles = [
        Line2D(
            [],
            [],
            linestyle="",
            marker=_MARKERS.get(v, "o"),
            color=PERSPECTIVE_COLORS.get(v, "#666666"),
            markersize=7,
            label=vocab.PERSPECTIVES.label(v, lang),
        )
        for v in views
    ]
    if has_previous:
        handles.append(
            Line2D(
                [],
                [],
                linestyle="-",
                marker="o",
                color="#666666",
                markerfacecolor="white",
                markersize=6,
                label=_("Hollow: previous round"),
            )
        )
    ax.legend(
        handles=handles,
        loc="upper left",
        bbox_to_anchor=(1.16, 1),
        fontsize=8.5,
        frameon=False,
        title=_("Perspective"),
        title_fontsize=9,
        alignment="left",
    )


def plot_quality_heatmap(
    levels: pd.DataFrame, names: dict[str, str] | None = None, ax: plt.Axes | None = None, lang: str = "en"
) -> plt.Axes:
    """Partnerships by dimension and principle, latest round: the collective perspective, or the
    mean of the perspectives (marked with *) where there is no collective one.

    Args:
        levels: `quality.portfolio_levels` output.
        names: Partnership id -> name.
    """
    _ = i18n.translator(lang)
    names = names or {}
    columns = [*quality.DIMENSIONS, *quality.PRINCIPLE_DIMENSIONS]
    data = levels[columns].to_numpy(dtype=float)
    shown = np.insert(data, len(quality.DIMENSIONS), np.nan, axis=1)  # a blank column between the two blocks
    if ax is None:
        ax = plt.subplots(figsize=(10, 0.42 * len(levels) + 2.6), layout="constrained")[1]
    cmap = plt.get_cmap("YlGnBu").copy()
    cmap.set_bad("white")
    image = ax.imshow(np.ma.masked_invalid(shown), cmap=cmap, vmin=0, vmax=3, aspect="auto")
    for i in range(shown.shape[0]):
        for j in range(shown.shape[1]):
            value = shown[i, j]
            if j == len(quality.DIMENSIONS):
                continue
            text = "–" if np.isnan(value) else _.number(value, 1)
            ax.text(
                j,
                i,
                text,
                ha="center",
                va="center",
                fontsize=8.5,
                color="white" if not np.isnan(value) and value >= 2 else "black",
            )
    labels = [quality.dimension_label(c, lang) for c in columns]
    labels.insert(len(quality.DIMENSIONS), "")
    ax.set_xticks(range(len(labels)), labels, rotation=35, ha="right", fontsize=8.5)
    for tick in ax.get_xticklabels()[len(quality.DIMENSIONS) + 1 :]:
        tick.set_fontweight("bold")
    rows = [
        _two_lines(str(names.get(pid) or pid)) + (" *" if basis == "mean" else "")
        for pid, basis in zip(levels.index, levels["basis"])
    ]
    ax.set_yticks(range(len(levels)), rows, fontsize=8.5)
    ax.tick_params(length=0)
    ax.spines[:].set_visible(False)
    bar = ax.figure.colorbar(image, ax=ax, shrink=min(1.0, 4 / max(4, len(levels)) + 0.3), ticks=range(4))
    bar.set_label(_("Level (0-3)"))
    if (levels["basis"] == "mean").any():
        title = _("Partnership quality, latest round: collective perspective (* mean of perspectives)")
    else:
        title = _("Partnership quality, latest round: collective perspective")
    ax.set_title(title, loc="left", fontsize=10.5)
    return ax


def _two_lines(name: str, width: int = 44) -> str:
    """A partnership name on at most two lines of the heatmap's axis (cut only beyond that)."""
    lines = textwrap.wrap(name, width) or [""]
    if len(lines) > 2:
        lines = [lines[0], textwrap.shorten(" ".join(lines[1:]), width, placeholder="…")]
    return "\n".join(lines)
