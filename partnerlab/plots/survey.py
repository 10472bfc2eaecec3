"""Charts of the sector diagnosis survey: diverging scale bars, option shares, theme heatmap, numbers."""

from __future__ import annotations

import textwrap
from collections.abc import Iterable

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.colors import LinearSegmentedColormap

from partnerlab import survey, vocab
from partnerlab.plots.common import sector_color
from partnerlab.survey import ALL

__all__ = ["plot_theme", "plot_question", "plot_scale_diverging", "plot_option_shares", "plot_theme_heatmap", "plot_number_histogram",
           "plot_respondents"]

_NEG, _MID, _POS = "#B2182B", "#D9D9D9", "#2166AC"  # red - grey - blue (colour-blind safe pair)
_ALL_COLOR = "#4D4D4D"


def plot_theme(questions: pd.DataFrame, responses: pd.DataFrame, theme: str,
               groups: Iterable[str] | None = None, lang: str = "en") -> plt.Figure | None:
    """Every chartable question of a theme in one figure, one panel per question (small multiples).

    Each panel is the chart `plot_question` draws for that question for the given groups
    (diverging bars for a scale, option shares for choice and multi, a histogram for a
    number), stacked in sheet order on one shared width, so the bars of the theme line up
    and the page renders one image per theme instead of one per question. With groups None
    (the page of every sector) each panel shows all respondents: the split by sector is in
    each question's table, in the theme heatmap and on the page of each sector, and a bar
    per sector for every question made that page the slowest of a batch. Text questions
    have no panel (their answers are a table).

    Returns:
        The Figure (its panels are ``fig.axes`` in question order, legends and colour bars
        excluded), or None when the theme has no chartable question.
    """
    ids = [qid for qid in survey.questions_of_theme(questions, theme)
           if survey.question(questions, qid)["type"] in ("scale", "choice", "multi", "number")]
    if not ids:
        return None
    keep = list(groups) if groups is not None else [ALL]  # every sector: everyone (the tables split by sector)
    n_groups = len(keep)
    plans = []  # [question id, type, bars height, space above, space below, shares the next one's axis]
    for qid in ids:
        q = survey.question(questions, qid)
        title = _wrap(q["text"], 90 if q["type"] != "number" else 80).count("\n") + 1
        above = 0.2 + 0.19 * title
        if q["type"] == "scale":
            options = [o for o in q["options"] if not survey.is_dont_know(o)]
            rows = -(-len(options) // min(len(options), 5))
            plans.append([qid, ("scale", tuple(options)), 0.3 + 0.36 * n_groups, above, 0.62 + 0.2 * rows, False])
        elif q["type"] in ("choice", "multi"):
            order = len(keep)
            plans.append([qid, (q["type"],), 0.25 + 0.3 * len(q["options"]) * max(1, order) ** 0.7, above, 0.5, False])
        else:
            plans.append([qid, ("number",), 1.9, above, 0.5, False])
    for plan, after in zip(plans, plans[1:]):  # consecutive scales with the same options: one axis and legend
        if plan[1][0] == "scale" and plan[1] == after[1]:
            plan[4], plan[5] = 0.12, True
    width = 6.6
    height = sum(h + a + b for _, _, h, a, b, _ in plans)
    fig = plt.figure(figsize=(width, height))
    top = height
    for qid, kind, bars, above, below, shared in plans:  # axes placed in inches: no layout engine to run
        top -= above
        ax = fig.add_axes((0, (top - bars) / height, 1, bars / height))
        if kind[0] == "scale":
            plot_scale_diverging(questions, responses, qid, by="sector", groups=keep, ax=ax, lang=lang)
            if shared:  # the panel below has the same axis and legend
                ax.get_legend().remove()
                ax.set_xlabel("")
                ax.tick_params(axis="x", labelbottom=False)
            else:
                ax.get_legend().set_bbox_to_anchor((0.5, -0.5 / bars))  # 0.5 in under the bars, below the axis label
        elif kind[0] in ("choice", "multi"):
            plot_option_shares(questions, responses, qid, by="sector", groups=keep, ax=ax, lang=lang)
        else:
            sector = [g for g in keep if g != ALL]
            plot_number_histogram(questions, responses, qid, group=sector[0] if sector else None, ax=ax, lang=lang)
        top -= bars + below
    return fig


def plot_question(questions: pd.DataFrame, responses: pd.DataFrame, question_id: str,
                  groups: Iterable[str] | None = None, lang: str = "en") -> plt.Axes | None:
    """The chart a report shows for one question by sector: diverging bar (scale), option
    shares (choice, multi: everyone and the chosen sector), histogram (number); None for text."""
    kind = survey.question(questions, question_id)["type"]
    if kind == "scale":
        return plot_scale_diverging(questions, responses, question_id, by="sector", groups=groups, lang=lang)
    if kind in ("choice", "multi"):
        return plot_option_shares(questions, responses, question_id, by="sector",
                                  groups=list(groups) if groups is not None else [ALL], lang=lang)
    if kind == "number":
        sector = [g for g in (groups or []) if g != ALL]
        return plot_number_histogram(questions, responses, question_id, group=sector[0] if sector else None, lang=lang)
    return None


def plot_scale_diverging(questions: pd.DataFrame, responses: pd.DataFrame, question_id: str,
                         by: str | None = "sector", groups: Iterable[str] | None = None,
                         ax: plt.Axes | None = None, lang: str = "en") -> plt.Axes:
    """Diverging stacked bar of a scale question, one bar per group (everyone first).

    Options below the middle extend left of 0, above it right; the middle option of an odd
    scale straddles 0. "Don't know" answers are left out (their count is in the label).
    """
    bars = survey.filter_groups(survey.diverging_shares(questions, responses, question_id, by=by), groups)
    stats = survey.filter_groups(survey.scale_stats(questions, responses, by=by, question_ids=[question_id]), groups)
    options = list(dict.fromkeys(bars["option"]))
    order = list(dict.fromkeys(bars["group"]))
    if ax is None:
        _, ax = plt.subplots(figsize=(9, 1.2 + 0.42 * len(order)))
    colors = _diverging_colors(len(options))
    row = {group: i for i, group in enumerate(order)}
    for option, color in zip(options, colors):  # one call per option: a bar per group
        seg = bars[bars["option"] == option]
        y = seg["group"].map(row).to_numpy()
        ax.barh(y, seg["share_pct"], left=seg["start"], color=color, edgecolor="white", linewidth=0.6, label=option)
        ink = "white" if color in (colors[0], colors[-1]) else "black"
        for yy, start, share in zip(y, seg["start"], seg["share_pct"]):
            if share >= 7:
                ax.text(start + share / 2, yy, f"{share:.0f}", ha="center", va="center", fontsize=7.5, color=ink)
    labels = []
    for group in order:
        s = stats[stats["group"] == group].iloc[0]
        dk = _tr((f", don't know {s['dont_know']}", f", no sabe {s['dont_know']}"), lang) if s["dont_know"] else ""
        labels.append(f"{survey.group_label(group, by, lang)} (n={s['n_valid']}{dk})")
    ax.set_yticks(range(len(order)), labels, fontsize=8.5)
    ax.invert_yaxis()
    lim = max(100.0, float((bars["start"] + bars["share_pct"]).max()), float(-bars["start"].min()))
    ax.set_xlim(-lim, lim)
    ax.axvline(0, color="black", linewidth=0.8)
    ticks = np.arange(-100, 101, 50)  # five labels: the segments carry their own values
    ax.set_xticks(ticks, [f"{abs(t)}%" for t in ticks])
    ax.set_xlabel(_tr(("Share of answers on the scale (don't know left out)",
                       "Porcentaje de respuestas en la escala (sin \"no sabe\")"), lang))
    # y given: matplotlib skips its title placement pass (these axes have no top ticks to clear)
    ax.set_title(_wrap(survey.question(questions, question_id)["text"], 90), fontsize=10, loc="left", y=1.0)
    ax.legend(ncol=min(len(options), 5), loc="upper center", bbox_to_anchor=(0.5, -0.18 - 0.4 / len(order)),
              fontsize=8, frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    return ax


def plot_option_shares(questions: pd.DataFrame, responses: pd.DataFrame, question_id: str,
                       by: str | None = "sector", groups: Iterable[str] | None = None,
                       ax: plt.Axes | None = None, lang: str = "en") -> plt.Axes:
    """Horizontal bars of the share choosing each option, side by side for the given groups.

    For a multi question the shares are of respondents who answered (they can add up to
    more than 100 %).
    """
    keep = list(groups) if groups is not None else [ALL]
    q = survey.question(questions, question_id)
    long = survey.filter_groups(survey.option_counts(questions, responses, question_id, by=by), keep)
    options = list(q["options"])
    order = list(dict.fromkeys(long["group"]))
    if ax is None:
        _, ax = plt.subplots(figsize=(8, 0.9 + 0.32 * len(options) * max(1, len(order)) ** 0.7))
    height = 0.8 / len(order)
    for j, group in enumerate(order):
        g = long[long["group"] == group].set_index("option").reindex(options)
        y = np.arange(len(options)) + (j - (len(order) - 1) / 2) * height
        color = _ALL_COLOR if group == ALL else _group_color(group, by)
        n = int(g["n"].iloc[0])
        ax.barh(y, g["share_pct"].fillna(0), height=height * 0.92, color=color,
                label=f"{survey.group_label(group, by, lang)} (n={n})")
        for yy, share, count in zip(y, g["share_pct"].fillna(0), g["count"]):
            ax.text(share + 1, yy, f"{share:.0f}% ({count})", va="center", fontsize=7.5)
    ax.set_yticks(range(len(options)), [_wrap(o, 38) for o in options], fontsize=8.5)
    ax.invert_yaxis()
    ax.set_xlim(0, 112)
    ax.set_xlabel(_tr(("% of respondents who answered (several answers allowed)",
                       "% de quienes respondieron (se admiten varias respuestas)"), lang)
                  if q["type"] == "multi" else _tr(("% of respondents who answered", "% de quienes respondieron"), lang))
    ax.set_title(_wrap(q["text"], 90), fontsize=10, loc="left", y=1.0)
    ax.legend(fontsize=8, frameon=False, loc="lower right")
    ax.spines[["top", "right"]].set_visible(False)
    return ax


def plot_theme_heatmap(questions: pd.DataFrame, responses: pd.DataFrame, by: str | None = "sector",
                       groups: Iterable[str] | None = None, ax: plt.Axes | None = None,
                       lang: str = "en") -> plt.Axes:
    """Groups (rows) by themes (columns): the mean 0-1 score of the theme's scale questions.

    Every scale is normalised to 0 (its lowest option) - 1 (its highest) so scales of
    different length compare; each cell is annotated with its score.
    """
    table = survey.filter_groups(survey.theme_scores(questions, responses, by=by), groups)
    grid = table.pivot(index="group", columns="theme", values="score")
    grid = grid.reindex(index=list(dict.fromkeys(table["group"])),
                        columns=[t for t in vocab.THEMES.keys if t in grid.columns])
    if ax is None:
        _, ax = plt.subplots(figsize=(1.6 + 1.25 * grid.shape[1], 1.2 + 0.42 * grid.shape[0]))
    cmap = LinearSegmentedColormap.from_list("score", [_NEG, "#F7F7F7", _POS])
    im = ax.imshow(grid.to_numpy(dtype=float), cmap=cmap, vmin=0, vmax=1, aspect="auto")
    for (i, j), v in np.ndenumerate(grid.to_numpy(dtype=float)):
        ax.text(j, i, "–" if np.isnan(v) else f"{v:.2f}", ha="center", va="center", fontsize=8.5,
                color="white" if not np.isnan(v) and abs(v - 0.5) > 0.33 else "black")
    ax.set_xticks(range(grid.shape[1]), [vocab.THEMES.label(t, lang) for t in grid.columns], rotation=30, ha="right")
    ax.set_yticks(range(grid.shape[0]), [survey.group_label(g, by, lang) for g in grid.index], fontsize=8.5)
    cbar = ax.figure.colorbar(im, ax=ax, fraction=0.04, pad=0.02)
    cbar.set_label(_tr(("Mean score, 0 = lowest option, 1 = highest", "Puntaje medio, 0 = opción más baja, 1 = más alta"),
                       lang), fontsize=8)
    ax.set_title(_tr(("Scale questions by theme, normalised to 0-1 (scales of different length compare)",
                      "Preguntas de escala por tema, normalizadas a 0-1 (escalas de distinta longitud comparables)"),
                     lang), fontsize=10, loc="left")
    return ax


def plot_number_histogram(questions: pd.DataFrame, responses: pd.DataFrame, question_id: str,
                          group: str | None = None, ax: plt.Axes | None = None, lang: str = "en") -> plt.Axes:
    """Histogram of a number question as % of those who answered, with its mean and median.

    With `group` (a sector key), that sector's bars are drawn over everyone's (grey) so the
    two distributions compare; the mean and median lines are the sector's.
    """
    q = survey.question(questions, question_id)
    everyone = pd.to_numeric(responses[q["question"]], errors="coerce").dropna()
    sector = bool(group) and group != ALL
    values = pd.to_numeric(responses.loc[responses["sector"] == group, q["question"]], errors="coerce").dropna() \
        if sector else everyone
    if ax is None:
        _, ax = plt.subplots(figsize=(7, 3))
    if len(everyone):
        integral = bool((everyone == everyone.round()).all()) and everyone.max() - everyone.min() <= 40
        bins = np.arange(everyone.min() - 0.5, everyone.max() + 1.5) if integral else np.histogram_bin_edges(everyone, "auto")
        all_label = f"{survey.group_label(ALL, 'sector', lang)} (n={len(everyone)})"
        if sector:
            ax.hist(everyone, bins=bins, weights=np.full(len(everyone), 100 / len(everyone)), color="#BBBBBB",
                    edgecolor="white", label=all_label)
            if len(values):
                ax.hist(values, bins=bins, weights=np.full(len(values), 100 / len(values)), histtype="step",
                        linewidth=2, color=_group_color(group, "sector"),
                        label=f"{survey.group_label(group, 'sector', lang)} (n={len(values)})")
        else:
            ax.hist(everyone, bins=bins, weights=np.full(len(everyone), 100 / len(everyone)), color=_ALL_COLOR,
                    edgecolor="white", label=all_label)
        if len(values):
            ax.axvline(values.mean(), color=_NEG, linestyle="--", linewidth=1.2,
                       label=_tr(("mean", "media"), lang) + f" {values.mean():.1f}")
            ax.axvline(values.median(), color=_POS, linewidth=1.2,
                       label=_tr(("median", "mediana"), lang) + f" {values.median():.1f}")
        ax.legend(fontsize=8, frameon=False)
    ax.set_ylabel(_tr(("% of those who answered", "% de quienes respondieron"), lang))
    ax.set_title(_wrap(q["text"], 80), fontsize=10, loc="left", y=1.0)
    ax.spines[["top", "right"]].set_visible(False)
    return ax


def plot_respondents(responses: pd.DataFrame, by: str = "sector", ax: plt.Axes | None = None,
                     lang: str = "en", highlight: str | None = None) -> plt.Axes:
    """Bars of respondents per sector (or state), largest first; `highlight` one group."""
    counts = survey.respondent_counts(responses, by=by).sort_values("respondents", ascending=True, kind="stable")
    if ax is None:
        _, ax = plt.subplots(figsize=(7, 0.8 + 0.3 * len(counts)))
    colors = [_group_color(g, by) if by == "sector" else _ALL_COLOR for g in counts["group"]]
    if highlight:
        colors = [c if g == highlight else "#BBBBBB" for g, c in zip(counts["group"], colors)]
    ax.barh([survey.group_label(g, by, lang) for g in counts["group"]], counts["respondents"], color=colors)
    for y, (n, share) in enumerate(zip(counts["respondents"], counts["share_pct"])):
        ax.text(n + 0.3, y, f"{n} ({share:.0f}%)", va="center", fontsize=8)
    ax.set_xlabel(_tr(("Respondents", "Personas encuestadas"), lang))
    ax.set_xlim(0, counts["respondents"].max() * 1.2 if len(counts) else 1)
    ax.tick_params(axis="y", labelsize=8.5)
    ax.spines[["top", "right"]].set_visible(False)
    return ax


# ---------------------------------------------------------------------------------------
# private helpers
# ---------------------------------------------------------------------------------------

def _tr(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "es" else pair[0]


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
