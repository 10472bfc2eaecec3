"""Charts of the sector diagnosis survey: one compact chart per question, the theme heatmap, respondents.

Every chart writes its numbers on it: option bars carry the count and its share of n
("41 (85.4 %)"), diverging bars their shares; the exact counts of every answer are in the
question's table (`partnerlab.survey.answer_tables`).
"""

from __future__ import annotations

import dataclasses
import textwrap
from collections.abc import Iterable

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.colors import LinearSegmentedColormap

from partnerlab import i18n, survey, vocab
from partnerlab.plots.common import sector_color
from partnerlab.survey import ALL

__all__ = [
    "question_views",
    "plot_question",
    "plot_scale_diverging",
    "plot_option_shares",
    "plot_theme_heatmap",
    "plot_number_histogram",
    "plot_respondents",
]

_NEG, _MID, _POS = "#B2182B", "#D9D9D9", "#2166AC"  # red - grey - blue (colour-blind safe pair)
_ALL_COLOR = "#4D4D4D"
WIDTH = 4.4  # inches: a question chart's bars before `_fit` narrows them to leave room for its text
CARD = 5.6  # inches at 100 dpi: a card's 560 px (a page shows two side by side at 1280 px); a question
# chart is at most this wide, so the page shows it at the size it is drawn and its text at its size
LEAST = 1.8  # inches: the narrowest the bars of a question chart get
ROW = 0.17  # inches per bar
TITLE_CHARS = 68
STATS_CHARS = 80  # a longer statistics line under a histogram's title takes two lines
NOTE_CHARS = 64  # the notes under an option chart's bars: a longer line goes on to the next
GROUP_CHARS = 30  # a longer group label (name and n) puts its n on a second line


def question_views(
    questions: pd.DataFrame, responses: pd.DataFrame, theme: str, groups: Iterable[str] | None = None, lang: str = "en"
) -> list[dict]:
    """One view per question of a theme, for `Report.cards`: its chart (`plot_question`) with its
    alt text (`survey.question_alt`), or its text for a text question, and its tables folded
    under it (`survey.answer_tables`). The theme's diagnosis in the Strategy (Appendix 2) comes
    first, as a view of its own, when the vocabulary has one."""
    T = i18n.translator(lang)
    views = []
    term = vocab.THEMES.term(theme) if theme in vocab.THEMES else None
    if term is not None and term.description_en:
        views.append({"figure": None, "title": T("Strategy, Appendix 2"), "text": term.description(lang)})
    for qid in survey.questions_of_theme(questions, theme):
        asked = survey.Asked(questions, responses, qid, groups, lang)
        views.append(
            {
                "figure": plot_question(asked),
                "alt": survey.question_alt(asked),
                "title": asked.row["text"] or qid,
                "summary": survey.answers_summary(asked),
                "tables": survey.answer_tables(asked),
            }
        )
    return views


def plot_question(asked: survey.Asked) -> plt.Axes | None:
    """The chart a report shows for one question: diverging bars (scale), option bars (choice,
    multi), a histogram (number); None for a text question (its answers are a table).

    `asked.groups` None (every sector) draws all respondents; [ALL, sector] draws both.
    """
    kind = asked.row["type"]
    shown = dataclasses.replace(asked, groups=asked.shown)
    if kind == "scale":
        return plot_scale_diverging(shown, by="sector")
    if kind in ("choice", "multi"):
        return plot_option_shares(shown, by="sector")
    if kind == "number":
        return plot_number_histogram(
            asked.questions, asked.responses, asked.question_id, group=asked.sector, lang=asked.lang
        )
    return None


def plot_scale_diverging(asked: survey.Asked, by: str | None = "sector", ax: plt.Axes | None = None) -> plt.Axes:
    """Diverging stacked bar of a scale question, one bar per group (everyone first).

    Options below the middle extend left of 0, above it right; the middle option of an odd
    scale straddles 0. "Don't know" answers are left out (their count is in the label).
    Segments of 6 % or more carry their share. `asked.groups` None draws every group of `by`.
    """
    T, lang = i18n.translator(asked.lang), asked.lang
    q, r, qid = asked.questions, asked.responses, asked.question_id
    bars = survey.filter_groups(survey.diverging_shares(q, r, qid, by=by), asked.groups)
    stats = survey.filter_groups(survey.scale_stats(q, r, by=by, question_ids=[qid]), asked.groups)
    options = list(dict.fromkeys(bars["option"]))
    order = list(dict.fromkeys(bars["group"]))
    title = _wrap(asked.row["text"], TITLE_CHARS)
    labels = []
    for group in order:
        s = stats[stats["group"] == group].iloc[0]
        dk = T(", don't know {n}", n=T.number(s["dont_know"])) if s["dont_know"] else ""
        n = f"n = {T.number(s['n_valid'])}{dk}"
        name = survey.group_label(group, by, lang)
        if len(order) == 1:
            labels.append(n)  # one bar: everyone
        else:
            labels.append(f"{name}\n({n})" if len(name) + len(n) + 3 > GROUP_CHARS else f"{name} ({n})")
    own = ax is None
    if own:  # a row of two-line labels is taller
        ax = _axes((0.36 if any("\n" in label for label in labels) else 0.24) * len(order))
    colors = _diverging_colors(len(options))
    row = {group: i for i, group in enumerate(order)}
    for option, color in zip(options, colors):  # one call per option: a bar per group
        seg = bars[bars["option"] == option]
        y = seg["group"].map(row).to_numpy()
        ax.barh(
            y,
            seg["share_pct"],
            left=seg["start"],
            height=0.72,
            color=color,
            edgecolor="white",
            linewidth=0.6,
            label=option,
        )
        ink = "white" if color in (colors[0], colors[-1]) else "black"
        for yy, start, share in zip(y, seg["start"], seg["share_pct"]):
            if share >= 12:
                ax.text(start + share / 2, yy, T.percent(share, 0), ha="center", va="center", fontsize=7, color=ink)
    ax.set_yticks(range(len(order)), labels, fontsize=8)
    ax.set_ylim(len(order) - 0.5, -0.5)
    lim = max(100.0, float((bars["start"] + bars["share_pct"]).max()), float(-bars["start"].min()))
    ax.set_xlim(-lim, lim)
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_xticks([])
    ax.spines[["top", "right", "bottom"]].set_visible(False)
    ax.set_title(title, fontsize=9.5, loc="left", y=1.0, pad=4)
    legend = {
        "ncol": min(len(options), 5),
        "bbox_to_anchor": (0.5, 0.04),
        "loc": "upper center",
        "fontsize": 7,
        "frameon": False,
        "handlelength": 0.8,
        "handletextpad": 0.3,
        "columnspacing": 0.8,
        "borderpad": 0.1,
    }
    ax.legend(**legend)
    if own:
        _fit(ax, asked.row["text"], 4, legend)
    return ax


def plot_option_shares(asked: survey.Asked, by: str | None = "sector", ax: plt.Axes | None = None) -> plt.Axes:
    """Horizontal bars of the share choosing each option, each labelled "count (share)".

    With one group, one bar per option; with everyone and a sector, the sector's bar with a
    black tick at everyone's share (both numbers written), so the chart stays one row per option.
    For a multi question the shares are of respondents who answered (they can add up to
    more than 100 %). `asked.groups` None draws everyone.
    """
    T, lang = i18n.translator(asked.lang), asked.lang
    q = asked.row
    long = survey.filter_groups(
        survey.option_counts(asked.questions, asked.responses, asked.question_id, by=by), asked.shown
    )
    options = list(q["options"])
    order = list(dict.fromkeys(long["group"]))
    title = _wrap(q["text"], TITLE_CHARS)
    labels = [_wrap(o, 34) for o in options]
    rows = np.array([ROW if "\n" not in label else 0.27 for label in labels])  # inches: a wrapped label takes more
    own = ax is None
    if own:
        ax = _axes(float(sum(rows)))
    main = order[-1]  # the sector on a sector's page, else everyone
    g = long[long["group"] == main].set_index("option").reindex(options)
    y = np.cumsum(rows) - rows / 2  # row centres, in inches from the top
    color = _ALL_COLOR if main == ALL else _group_color(main, by)
    ax.barh(y, g["share_pct"].fillna(0), height=0.72 * ROW, color=color)
    reference = None
    if len(order) > 1:
        reference = long[long["group"] == order[0]].set_index("option").reindex(options)
        ax.scatter(reference["share_pct"].fillna(0), y, marker="|", s=120, color="black", linewidths=1.6, zorder=3)
    for i, option in enumerate(options):
        text = T.share(int(g.at[option, "count"]), int(g.at[option, "n"]))
        if reference is not None:
            text += "  ·  " + T(
                "all {share}", share=T.share(int(reference.at[option, "count"]), int(reference.at[option, "n"]))
            )
        end = max(
            g.at[option, "share_pct"] if g.at[option, "share_pct"] == g.at[option, "share_pct"] else 0,
            reference.at[option, "share_pct"] if reference is not None else 0,
        )
        ax.text(end + 1.2, y[i], text, va="center", fontsize=7.5)
    ax.set_yticks(y, labels, fontsize=7.5, linespacing=0.95)
    ax.set_ylim(float(sum(rows)), 0)
    ax.set_xlim(0, 135)
    ax.set_xticks([])
    ax.spines[["top", "right", "bottom"]].set_visible(False)
    n = int(g["n"].iloc[0])
    notes = [T("{group}, n = {n}", group=survey.group_label(main, by, lang), n=T.number(n))]
    if reference is not None:
        notes.append(T("| = all respondents, n = {n}", n=T.number(int(reference["n"].iloc[0]))))
    if q["type"] == "multi":
        notes.append(T("several answers allowed"))
    base = notes[0]
    for note in notes[1:]:  # a line a note once the line would be longer than a card holds
        base += ("\n" if len(base.rsplit("\n", 1)[-1]) + len(note) > NOTE_CHARS else "; ") + note
    ax.set_title(title, fontsize=9.5, loc="left", y=1.0, pad=4)
    ax.text(0, float(sum(rows)) + 0.02, base, fontsize=7.5, color="#444", va="top", transform=ax.get_yaxis_transform())
    if own:
        _fit(ax, q["text"], 4)
    return ax


def plot_theme_heatmap(
    questions: pd.DataFrame,
    responses: pd.DataFrame,
    by: str | None = "sector",
    groups: Iterable[str] | None = None,
    ax: plt.Axes | None = None,
    lang: str = "en",
) -> plt.Axes:
    """Groups (rows) by themes (columns): the mean 0-1 score of the theme's scale questions.

    Every scale is normalised to 0 (its lowest option) - 1 (its highest) so scales of
    different length compare; each cell is annotated with its score.
    """
    T = i18n.translator(lang)
    table = survey.filter_groups(survey.theme_scores(questions, responses, by=by), groups)
    grid = table.pivot(index="group", columns="theme", values="score")
    grid = grid.reindex(
        index=list(dict.fromkeys(table["group"])), columns=[t for t in vocab.THEMES.keys if t in grid.columns]
    )
    if ax is None:
        _, ax = plt.subplots(figsize=(2.2 + 1.0 * grid.shape[1], 0.3 + 0.26 * grid.shape[0]))
    cmap = LinearSegmentedColormap.from_list("score", [_NEG, "#F7F7F7", _POS])
    im = ax.imshow(grid.to_numpy(dtype=float), cmap=cmap, vmin=0, vmax=1, aspect="auto")
    for (i, j), v in np.ndenumerate(grid.to_numpy(dtype=float)):
        ax.text(
            j,
            i,
            "–" if np.isnan(v) else T.number(v, 2),
            ha="center",
            va="center",
            fontsize=7.5,
            color="white" if not np.isnan(v) and abs(v - 0.5) > 0.33 else "black",
        )
    ax.set_xticks(range(grid.shape[1]), [T.label(vocab.THEMES, t) for t in grid.columns], fontsize=8)
    ax.xaxis.tick_top()
    ax.set_yticks(range(grid.shape[0]), [survey.group_label(g, by, lang) for g in grid.index], fontsize=8)
    ax.tick_params(length=0)
    cbar = ax.figure.colorbar(im, ax=ax, fraction=0.04, pad=0.02)
    cbar.set_ticks([0, 0.5, 1], labels=[T.number(0), T.number(0.5), T.number(1)])
    cbar.ax.tick_params(labelsize=7)
    return ax


def plot_number_histogram(
    questions: pd.DataFrame,
    responses: pd.DataFrame,
    question_id: str,
    group: str | None = None,
    ax: plt.Axes | None = None,
    lang: str = "en",
) -> plt.Axes:
    """Histogram of a number question as % of those who answered; its n, mean, median,
    standard deviation and quartiles written under the title.

    With `group` (a sector key), that sector's bars are drawn over everyone's (grey) so the
    two distributions compare; the statistics are the sector's.
    """
    T = i18n.translator(lang)
    q = survey.question(questions, question_id)
    everyone = pd.to_numeric(responses[q["question"]], errors="coerce").dropna()
    sector = bool(group) and group != ALL
    legend = None
    values = (
        pd.to_numeric(responses.loc[responses["sector"] == group, q["question"]], errors="coerce").dropna()
        if sector
        else everyone
    )
    title = _wrap(q["text"], TITLE_CHARS)
    own = ax is None
    if own:
        ax = _axes(0.95)
    if len(everyone):
        integral = bool((everyone == everyone.round()).all()) and everyone.max() - everyone.min() <= 40
        bins = (
            np.arange(everyone.min() - 0.5, everyone.max() + 1.5)
            if integral
            else np.histogram_bin_edges(everyone, "auto")
        )
        all_label = f"{survey.group_label(ALL, 'sector', lang)} (n = {T.number(len(everyone))})"
        if sector:
            ax.hist(
                everyone,
                bins=bins,
                weights=np.full(len(everyone), 100 / len(everyone)),
                color="#BBBBBB",
                edgecolor="white",
                label=all_label,
            )
            if len(values):
                ax.hist(
                    values,
                    bins=bins,
                    weights=np.full(len(values), 100 / len(values)),
                    histtype="step",
                    linewidth=2,
                    color=_group_color(group, "sector"),
                    label=f"{survey.group_label(group, 'sector', lang)} (n = {T.number(len(values))})",
                )
        else:
            ax.hist(
                everyone,
                bins=bins,
                weights=np.full(len(everyone), 100 / len(everyone)),
                color=_ALL_COLOR,
                edgecolor="white",
                label=all_label,
            )
        if len(values):
            ax.axvline(values.mean(), color=_NEG, linestyle="--", linewidth=1.2)
            ax.axvline(values.median(), color=_POS, linewidth=1.2)
        legend = {  # under the axis: inside, it hid the bars of a short chart
            "ncol": 2,
            "loc": "upper center",
            "bbox_to_anchor": (0.5, -0.24),
            "fontsize": 7.5,
            "frameon": False,
            "borderpad": 0.1,
        }
        ax.legend(**legend)
    lines = 1
    if len(values):
        stats = T(
            "n {n} · mean {mean} (dashed) · median {median} (solid) · standard deviation {sd} · "
            "quartiles {q1} and {q3}",
            n=T.number(len(values)),
            mean=T.number(values.mean(), 1),
            median=T.number(values.median(), 1),
            sd=T.number(values.std(ddof=1), 1),
            q1=T.number(values.quantile(0.25), 1),
            q3=T.number(values.quantile(0.75), 1),
        )
        if len(stats) > STATS_CHARS and " · " in stats:  # two lines, cut at the separator nearest the middle
            parts = stats.split(" · ")
            sizes = np.cumsum([len(part) + 3 for part in parts])
            cut = int(np.argmin(np.abs(sizes[:-1] - len(stats) / 2))) + 1
            stats, lines = " · ".join(parts[:cut]) + "\n" + " · ".join(parts[cut:]), 2
        ax.text(0, 1.02, stats, transform=ax.transAxes, fontsize=7.5, color="#444", linespacing=1.1)
    ax.set_ylabel(T("% of those who answered"), fontsize=7.5)
    ax.tick_params(labelsize=7.5)
    ax.set_title(title, fontsize=9.5, loc="left", y=1.0, pad=14 + 9 * (lines - 1))
    ax.spines[["top", "right"]].set_visible(False)
    if own:
        _fit(ax, q["text"], 14 + 9 * (lines - 1), legend)
    return ax


def plot_respondents(
    responses: pd.DataFrame,
    by: str = "sector",
    ax: plt.Axes | None = None,
    lang: str = "en",
    highlight: str | None = None,
) -> plt.Axes:
    """Bars of respondents per sector (or state), largest first, each "count (share)"; `highlight` one group."""
    T = i18n.translator(lang)
    counts = survey.respondent_counts(responses, by=by).sort_values("respondents", ascending=True, kind="stable")
    if ax is None:
        ax = _axes(ROW * len(counts))
    colors = [_group_color(g, by) if by == "sector" else _ALL_COLOR for g in counts["group"]]
    if highlight:
        colors = [c if g == highlight else "#BBBBBB" for g, c in zip(counts["group"], colors)]
    ax.barh(
        [survey.group_label(g, by, lang) for g in counts["group"]], counts["respondents"], height=0.72, color=colors
    )
    for y, n in enumerate(counts["respondents"]):
        ax.text(n + 0.3, y, T.share(n, len(responses)), va="center", fontsize=7.5)
    ax.set_xlim(0, counts["respondents"].max() * 1.3 if len(counts) else 1)
    ax.set_xticks([])
    ax.tick_params(axis="y", labelsize=8, length=0)
    ax.spines[["top", "right", "bottom"]].set_visible(False)
    return ax


# ---------------------------------------------------------------------------------------
# private helpers
# ---------------------------------------------------------------------------------------


def _axes(height: float) -> plt.Axes:
    """Axes filling a figure WIDTH wide and `height` inches high: the page's PNG is cut to what is
    drawn (bbox tight), so the title, tick labels and legend around the axes add to this, no margin."""
    fig = plt.figure(figsize=(WIDTH, max(height, 0.2)))
    return fig.add_axes((0, 0, 1, 1))


def _fit(ax: plt.Axes, title: object, pad: float, legend: dict | None = None, width: float = CARD) -> None:
    """Make a chart of `_axes` at most `width` inches wide as drawn (bbox tight), its text at its size:
    the bars give way to the labels left of them and the numbers right of them (not below LEAST);
    the title (its text `title`, `pad` points above the bars) and a legend under the bars (the
    keywords of its ax.legend) start where the labels start, the title wrapped and the legend in
    as many columns as the width holds. Text placed by data coordinates moves with the bars, so
    the bars take a few passes."""
    fig = ax.figure
    renderer = fig.canvas.get_renderer()
    width -= 2 * mpl.rcParams["savefig.pad_inches"]  # the PNG's margin (bbox tight) is part of the card
    ax.set_title("", loc="left")  # the title and the legend out of the tight box while the bars are fitted
    if legend:
        ax.get_legend().set_visible(False)
    for _ in range(6):
        bars = max(LEAST, fig.get_figwidth() - (fig.get_tightbbox(renderer).width - width))
        if abs(bars - fig.get_figwidth()) < 0.01:
            break
        fig.set_figwidth(bars)
    left = min(0.0, (fig.get_tightbbox(renderer).x0 * fig.dpi - ax.bbox.x0) / ax.bbox.width)  # axes fraction

    def fits(artist) -> bool:
        return artist.get_window_extent(renderer).width <= width * fig.dpi

    for chars in range(TITLE_CHARS, 23, -4):
        text = ax.set_title(_wrap(title, chars), fontsize=9.5, loc="left", x=left, y=1.0, pad=pad)
        if fits(text):
            break
    if legend:
        below = {**legend, "loc": "upper left", "bbox_to_anchor": (left, legend["bbox_to_anchor"][1])}
        n = len(ax.get_legend_handles_labels()[0])
        for columns in range(legend["ncol"], 0, -1):
            if fits(ax.legend(**{**below, "ncol": columns})):
                break
        rows = -(-n // columns)
        if -(-n // rows) < columns:  # rows as full as they can be: 3 + 2 rather than 4 + 1
            ax.legend(**{**below, "ncol": -(-n // rows)})


def _wrap(text: object, width: int) -> str:
    return "\n".join(textwrap.wrap(str(text or ""), width)) or ""


def _diverging_colors(k: int) -> list:
    """k colours from red (lowest) through grey (middle of an odd scale) to blue (highest)."""
    cmap = LinearSegmentedColormap.from_list("likert", [_NEG, "#F4A582", _MID, "#92C5DE", _POS])
    if k == 1:
        return [cmap(0.5)]
    return [cmap(i / (k - 1)) for i in range(k)]


def _group_color(group: str, by: str | None) -> str:
    """The sector's house colour (partnerlab.plots.common) when grouping by sector; one green otherwise."""
    return sector_color(group) if by == "sector" else "#1B9E77"
