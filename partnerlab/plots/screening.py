"""Charts of partner screening: due-diligence outcomes and answers (Appendix 4), value criteria (Appendix 5)."""

from __future__ import annotations

import textwrap

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.colors import ListedColormap
from matplotlib.patches import Patch
from matplotlib.transforms import offset_copy

from partnerlab import i18n, screening, vocab
from partnerlab.i18n import N_

__all__ = [
    "OUTCOME_COLORS",
    "RATING_COLORS",
    "plot_outcome_counts",
    "plot_screening_grid",
    "plot_value_criteria",
    "outcome_counts_alt",
    "screening_grid_alt",
    "value_criteria_alt",
]

OUTCOME_COLORS = {
    "excluded": "#B2182B",
    "incomplete": "#8C8C8C",
    "caution": "#E08214",
    "clear": "#1B7837",
    "not_screened": "#D9D9D9",
}
# Ratings: distinct hues plus a symbol in every cell, so the grid reads without colour too.
RATING_COLORS = {
    "acceptable": "#1B7837",
    "adjustments": "#FDB863",
    "not_acceptable": "#B2182B",
    "insufficient_information": "#6BAED6",
    screening.NOT_ASSESSED: "#FFFFFF",
}
RATING_SYMBOLS = {
    "acceptable": "✓",
    "adjustments": "~",
    "not_acceptable": "✗",
    "insufficient_information": "?",
    screening.NOT_ASSESSED: "–",
}
# Due-diligence answer cells: what the answer means under Appendix 4.
_ANSWER_KINDS = ("fine", "check_no", "unanswered", "red_flag")
_ANSWER_COLORS = ("#E5F5E0", "#E08214", "#FFFFFF", "#B2182B")
_ANSWER_SYMBOLS = {"fine": "", "check_no": N_("No"), "unanswered": "?", "red_flag": N_("Yes")}
_ANSWER_LABELS = {
    "fine": N_("Answered, no concern"),
    "check_no": N_("Information check: No"),
    "unanswered": N_("Unanswered"),
    "red_flag": N_("Red flag: Yes"),
}


def plot_outcome_counts(status: pd.DataFrame, ax: plt.Axes | None = None, lang: str = "en") -> plt.Axes:
    """Horizontal bars: how many stakeholders have each due-diligence outcome.

    Args:
        status: `screening.screening_status` or `screening.latest_screenings` output.
    """
    _ = i18n.translator(lang)
    counts = screening.outcome_counts(status)
    if ax is None:
        _fig, ax = plt.subplots(figsize=(7, 0.55 * len(counts) + 1.0))
    y = np.arange(len(counts))
    ax.barh(
        y,
        counts["stakeholders"],
        color=[OUTCOME_COLORS[k] for k in counts["outcome"]],
        edgecolor="black",
        linewidth=0.4,
    )
    for yi, n in zip(y, counts["stakeholders"]):
        ax.text(n + 0.4, yi, str(n), va="center", fontsize=9)
    ax.set_yticks(y, [screening.OUTCOMES.label(k, lang) for k in counts["outcome"]])
    ax.invert_yaxis()
    ax.set_xlim(0, max(1, counts["stakeholders"].max()) * 1.15 + 0.5)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.set_xlabel(_("Stakeholders (latest screening)"))
    ax.set_title(_("Due-diligence outcome"), loc="left", fontsize=11)
    ax.spines[["top", "right"]].set_visible(False)
    return ax


def plot_screening_grid(
    screened: pd.DataFrame, names: dict[str, str] | None = None, ax: plt.Axes | None = None, lang: str = "en"
) -> plt.Axes:
    """Screenings by the 19 questions: each cell says what the answer means (red flag Yes,
    check No, unanswered, or fine); rows are labelled by name and outcome.

    Args:
        screened: `screening.screen` or `screening.latest_screenings` output (one row per screening).
        names: Stakeholder id -> name.
    """
    _ = i18n.translator(lang)
    names = names or {}
    codes = list(screening.QUESTION_CODES)
    cells = _answer_cells(screened, codes)
    if ax is None:
        _fig, ax = plt.subplots(figsize=(10, 0.3 * len(screened) + 2.0), layout="constrained")
    ax.imshow(cells, cmap=ListedColormap(_ANSWER_COLORS), vmin=-0.5, vmax=len(_ANSWER_KINDS) - 0.5, aspect="auto")
    _answer_symbols(ax, cells, _)
    ax.set_xticks(range(len(codes)), [c.upper() for c in codes], fontsize=7.5, rotation=90)
    ax.set_yticks(range(len(screened)), _screening_row_labels(screened, names, _, lang), fontsize=8)
    ax.set_xticks(np.arange(-0.5, len(codes)), minor=True)
    ax.set_yticks(np.arange(-0.5, len(screened)), minor=True)
    ax.grid(which="minor", color="#BDBDBD", linewidth=0.5)
    ax.tick_params(which="minor", length=0)
    _question_groups(ax, len(codes), _)
    handles = [
        Patch(facecolor=c, edgecolor="#737373", label=_(_ANSWER_LABELS[k]))
        for k, c in zip(_ANSWER_KINDS, _ANSWER_COLORS)
    ]
    # legend under the question codes, in two columns: no wider than the grid in either language
    _legend_outside(ax, handles, below=True, ncol=2)
    ax.set_title(_("Due-diligence answers (Appendix 4)"), loc="left", fontsize=11, pad=26)
    return ax


def plot_value_criteria(
    grid: pd.DataFrame, decisions: pd.DataFrame | None = None, ax: plt.Axes | None = None, lang: str = "en"
) -> plt.Axes:
    """Subjects by the ten criteria of Appendix 5, one colour and symbol per rating; with
    `decisions`, the suggested and recorded decision are written to the right of each row.

    Args:
        grid: `screening.value_grid` output (rows = assessments, columns = criterion codes).
        decisions: `screening.value_decisions` output in the same row order as `grid`.
    """
    _ = i18n.translator(lang)
    keys = list(RATING_COLORS)
    codes = list(grid.columns)
    cells = grid.apply(lambda col: col.map(keys.index)).to_numpy()
    if ax is None:
        _fig, ax = plt.subplots(figsize=(11, 0.4 * len(grid) + 2.6), layout="constrained")
    ax.imshow(
        cells, cmap=ListedColormap([RATING_COLORS[k] for k in keys]), vmin=-0.5, vmax=len(keys) - 0.5, aspect="auto"
    )
    _rating_symbols(ax, cells, keys)
    ax.set_xticks(
        range(len(codes)),
        [f"{c[1:]}. {_(screening.CRITERION_SHORT[c])}" for c in codes],
        rotation=35,
        ha="right",
        fontsize=8.5,
    )
    ax.set_yticks(range(len(grid)), [_short(s, 48) for s in grid.index], fontsize=8.5)
    ax.set_xticks(np.arange(-0.5, len(codes)), minor=True)
    ax.set_yticks(np.arange(-0.5, len(grid)), minor=True)
    ax.grid(which="minor", color="#969696", linewidth=0.6)
    ax.tick_params(which="minor", length=0)
    if decisions is not None:
        _decisions_on_the_right(ax, decisions, _, lang)
    handles = [
        Patch(
            facecolor=RATING_COLORS[k],
            edgecolor="#737373",
            label=f"{RATING_SYMBOLS[k]}  {screening.RATINGS.label(k, lang)}",
        )
        for k in keys
    ]
    _legend_outside(ax, handles, below=False, ncol=3)
    ax.set_title(_("Value, risks and implications: criteria by subject (Appendix 5)"), loc="left", fontsize=11, pad=44)
    return ax


# ---------------------------------------------------------------------------------------


def outcome_counts_alt(status: pd.DataFrame, lang: str = "en") -> str:
    """The alt text of `plot_outcome_counts`: what the bars say, in `lang`."""
    _ = i18n.translator(lang)
    counts = screening.outcome_counts(status)
    parts = "; ".join(
        f"{screening.OUTCOMES.label(k, lang)}: {_.number(n)}" for k, n in zip(counts["outcome"], counts["stakeholders"])
    )
    return _(
        "Bar chart of the stakeholders by the outcome of their latest due-diligence screening: {parts}.", parts=parts
    )


def screening_grid_alt(screened: pd.DataFrame, lang: str = "en") -> str:
    """The alt text of `plot_screening_grid`: rows, columns and what the marked cells add up to."""
    _ = i18n.translator(lang)
    flags = sum(len(x) for x in screened["red_flags"]) if len(screened) else 0
    blank = sum(len(x) for x in screened["unanswered"]) if len(screened) else 0
    checks = sum(len(x) for x in screened["checks_no"]) if len(screened) else 0
    return _.n(
        "Grid of {n} screening by the 19 due-diligence questions (Appendix 4): {flags} red flags answered "
        "Yes, {blank} unanswered questions and {checks} information checks answered No; the table above "
        "lists them.",
        "Grid of {n} screenings by the 19 due-diligence questions (Appendix 4): {flags} red flags answered "
        "Yes, {blank} unanswered questions and {checks} information checks answered No; the table above "
        "lists them.",
        len(screened),
        flags=_.number(flags),
        blank=_.number(blank),
        checks=_.number(checks),
    )


def value_criteria_alt(decisions: pd.DataFrame, lang: str = "en") -> str:
    """The alt text of `plot_value_criteria`: how many assessments and what the criteria suggest."""
    _ = i18n.translator(lang)
    counts = decisions["suggested"].value_counts() if len(decisions) else {}
    parts = "; ".join(
        f"{vocab.DECISIONS.label(k, lang)}: {_.number(int(counts.get(k, 0)))}" for k in vocab.DECISIONS.keys
    )
    differs = int((decisions["agreement"] == "differs").sum()) if len(decisions) else 0
    return _.n(
        "Grid of {n} value assessment by the ten criteria of Appendix 5, one colour and symbol per rating. "
        "Suggested decisions: {parts}; recorded decisions that differ: {differs}.",
        "Grid of {n} value assessments by the ten criteria of Appendix 5, one colour and symbol per rating. "
        "Suggested decisions: {parts}; recorded decisions that differ: {differs}.",
        len(decisions),
        parts=parts,
        differs=_.number(differs),
    )


def _answer_cells(screened: pd.DataFrame, codes: list[str]) -> np.ndarray:
    """Screening x question: the index in `_ANSWER_KINDS` of what each answer means."""
    cells = np.zeros((len(screened), len(codes)), dtype=int)
    for i, rec in enumerate(screened.to_dict("records")):
        for kind, column in (("red_flag", "red_flags"), ("unanswered", "unanswered"), ("check_no", "checks_no")):
            for code in rec[column]:
                cells[i, codes.index(code)] = _ANSWER_KINDS.index(kind)
    return cells


def _answer_symbols(ax: plt.Axes, cells: np.ndarray, _) -> None:
    """Each cell's symbol written on it (none for a fine answer)."""
    for i in range(cells.shape[0]):
        for j in range(cells.shape[1]):
            kind = _ANSWER_KINDS[cells[i, j]]
            if _ANSWER_SYMBOLS[kind]:
                ax.text(
                    j,
                    i,
                    _(_ANSWER_SYMBOLS[kind]) if kind != "unanswered" else "?",
                    ha="center",
                    va="center",
                    fontsize=7,
                    color="white" if kind == "red_flag" else "black",
                )


def _screening_row_labels(screened: pd.DataFrame, names: dict[str, str], _, lang: str) -> list[str]:
    """Each row's label: the stakeholder's name, the outcome, and "(old)" when the screening is stale."""
    stale = screened["is_stale"].fillna(False) if "is_stale" in screened else pd.Series(False, index=screened.index)
    old = _(" (old)")
    return [
        f"{_short(names.get(s) or s, 44)} · {screening.OUTCOMES.label(o, lang)}{old if st else ''}"
        for s, o, st in zip(screened["stakeholder"], screened["outcome"], stale)
    ]


def _question_groups(ax: plt.Axes, n_codes: int, _) -> None:
    """The line between the information checks and the red flags, and each group's heading."""
    ax.axvline(len(screening.INFO_CODES) - 0.5, color="black", linewidth=1.5)
    ax.text((len(screening.INFO_CODES) - 1) / 2, -0.8, _("Information checks"), ha="center", va="bottom", fontsize=8)
    ax.text(
        (n_codes + len(screening.INFO_CODES) - 1) / 2,
        -0.8,
        _("Red flags (criteria for exclusion)"),
        ha="center",
        va="bottom",
        fontsize=8,
    )


def _rating_symbols(ax: plt.Axes, cells: np.ndarray, keys: list[str]) -> None:
    """Each rating's symbol written on its cell."""
    for i in range(cells.shape[0]):
        for j in range(cells.shape[1]):
            key = keys[cells[i, j]]
            ax.text(
                j,
                i,
                RATING_SYMBOLS[key],
                ha="center",
                va="center",
                fontsize=10,
                color="white" if key in ("acceptable", "not_acceptable") else "black",
            )


def _decisions_on_the_right(ax: plt.Axes, decisions: pd.DataFrame, _, lang: str) -> None:
    """Suggested → recorded decision beside each row, on a right axis; a differing one in bold red."""
    right = ax.twinx()
    right.set_ylim(ax.get_ylim())
    texts, differs = [], []
    for rec in decisions.to_dict("records"):
        recorded = rec["decision"]
        recorded = _("not recorded") if recorded is None or pd.isna(recorded) else vocab.DECISIONS.label(recorded, lang)
        differs.append(rec["agreement"] == "differs")
        texts.append(f"{vocab.DECISIONS.label(rec['suggested'], lang)} → {recorded}" + ("  ≠" if differs[-1] else ""))
    right.set_yticks(range(len(texts)), texts, fontsize=8)
    for tick, diff in zip(right.get_yticklabels(), differs):
        if diff:
            tick.set_color("#B2182B")
            tick.set_fontweight("bold")
    right.tick_params(length=0)
    right.spines[:].set_visible(False)
    right.set_ylabel(_("Suggested decision → recorded decision (≠ differs)"), fontsize=8.5)


def _legend_outside(ax: plt.Axes, handles: list[Patch], below: bool, ncol: int) -> None:
    """A frameless legend aligned with the axes' left edge, under the tick labels (30 points
    below the axes, clear of the question codes) or just above the axes (4 points)."""
    ax.legend(
        handles=handles,
        loc="upper left" if below else "lower left",
        bbox_to_anchor=(0, 0 if below else 1),
        ncol=ncol,
        fontsize=8,
        frameon=False,
        bbox_transform=offset_copy(ax.transAxes, ax.figure, y=-30 if below else 4, units="points"),
        borderaxespad=0,
    )


def _short(text: str, width: int) -> str:
    return textwrap.shorten(str(text), width=width, placeholder="…")
