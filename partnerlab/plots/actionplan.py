"""Charts of the action plan (Appendix 1): the timeline of the courses of action, status bars, workload, pillar folds."""

from __future__ import annotations

import datetime as dt
import textwrap

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.patches import Patch

from partnerlab import actionplan, i18n, vocab

__all__ = ["STATUS_COLORS", "plot_timeline", "plot_status_bars", "plot_workload", "pillar_folds"]

# Okabe-Ito based, readable by colour-blind readers; late actions get a vermillion frame.
STATUS_COLORS = {"not_started": "#D0D0D0", "in_progress": "#56B4E9", "done": "#009E73", "dropped": "#7F7F7F"}
LATE_COLOR = "#D55E00"


def plot_timeline(
    plan: pd.DataFrame, as_of: dt.date, ax: plt.Axes | None = None, lang: str = "en", label_width: int = 52
) -> plt.Axes:
    """One row per course of action (code and short text), grouped by pillar; planned years coloured by status.

    Late actions (see partnerlab.actionplan) are framed in vermillion and marked "late";
    the progress % is written at the right end of each row; a dashed line marks the as-of date.
    """
    T = i18n.translator(lang)
    status = actionplan.plan_status(plan, as_of)
    status = status.assign(_key=status["code"].map(actionplan.code_sort_key)).sort_values("_key", kind="stable")
    years = actionplan.plan_years(status) or [as_of.year]
    y0, y1 = min(years), max(years)
    rows = _timeline_rows(status)
    if ax is None:
        _, ax = plt.subplots(
            figsize=(7, 1.4 + 0.3 * len(rows))
        )  # narrow: the labels add ~4 in, the page shrinks wide images
    labels = []
    bars: dict[bool, list[tuple]] = {False: [], True: []}  # by hatch (dropped): one barh call each, not one per year
    for i, (kind, item) in enumerate(rows):
        if kind == "header":
            labels.append(
                T("Pillar {pillar}: {name}", pillar=item, name=T.label(vocab.PILLARS, item)) if item else T("No pillar")
            )
            ax.axhspan(i - 0.5, i + 0.5, color="#F0F0F0", zorder=0)
            continue
        r = item
        for year in r["years"]:
            bars[r["status"] == "dropped"].append(
                (
                    i,
                    year - 0.45,
                    STATUS_COLORS.get(r["status"], "#CCCCCC"),
                    LATE_COLOR if r["is_late"] else "white",
                    1.6 if r["is_late"] else 0.5,
                )
            )
        pct = r["progress"]
        note = "" if pd.isna(pct) else T.percent(pct, 0)
        if r["is_late"]:
            note += " " + T("late")
        ax.text(y1 + 0.6, i, note.strip(), va="center", fontsize=8.5, color=LATE_COLOR if r["is_late"] else "black")
        text = actionplan.action_label(r["code"], r.get("action"), lang)
        labels.append(f"{r['code']}  {actionplan.short_text(' '.join(text.split()), label_width)}")
    for dropped, spec in bars.items():
        if spec:
            y, left, color, edge, width = zip(*spec)
            ax.barh(
                y,
                0.9,
                left=left,
                height=0.7,
                color=color,
                edgecolor=edge,
                linewidth=width,
                hatch="//" if dropped else None,
            )
    ax.set_yticks(range(len(rows)), labels, fontsize=9)
    for tick, (kind, _) in zip(ax.get_yticklabels(), rows):
        if kind == "header":
            tick.set_fontweight("bold")
    ax.set_ylim(len(rows) - 0.5, -0.5)
    ax.set_xlim(y0 - 0.6, y1 + 1.9)
    ax.set_xticks(range(y0, y1 + 1))
    ax.xaxis.tick_top()
    frac = (as_of.timetuple().tm_yday - 0.5) / 365
    ax.axvline(as_of.year - 0.5 + frac, color="black", linestyle="--", linewidth=1)
    _timeline_legend(ax, as_of, lang)
    ax.spines[["right", "bottom"]].set_visible(False)
    ax.tick_params(axis="y", length=0)
    return ax


def _timeline_rows(status: pd.DataFrame) -> list[tuple[str, object]]:
    """The rows of the timeline: a ("header", pillar) row, then its ("action", row) rows, pillar by
    pillar in the vocabulary's order (others after, then the actions without a pillar)."""
    pillars = [p for p in vocab.PILLARS.keys if p in set(status["pillar"])] + sorted(
        set(status["pillar"].dropna()) - set(vocab.PILLARS.keys)
    )
    rows: list[tuple[str, object]] = []
    for pillar in pillars + ([None] if status["pillar"].isna().any() else []):
        part = status[status["pillar"] == pillar] if pillar is not None else status[status["pillar"].isna()]
        rows.append(("header", pillar))
        rows.extend(("action", r) for _, r in part.iterrows())
    return rows


def _timeline_legend(ax: plt.Axes, as_of: dt.date, lang: str) -> None:
    """The statuses, the late frame and the as-of line, under the timeline in two columns."""
    T = i18n.translator(lang)
    handles = [Patch(color=STATUS_COLORS[s], label=T.label(vocab.ACTION_STATUSES, s)) for s in actionplan.STATUSES]
    handles.append(
        Patch(
            facecolor="white", edgecolor=LATE_COLOR, linewidth=1.6, label=T("late (last planned year passed, not done)")
        )
    )
    handles.append(plt.Line2D([], [], color="black", linestyle="--", label=T("as of {date}", date=T.date(as_of))))
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.01), ncol=2, fontsize=9, frameon=False)


def plot_status_bars(table: pd.DataFrame, by: str, ax: plt.Axes | None = None, lang: str = "en") -> plt.Axes:
    """Stacked horizontal bars of actions per status for a `progress_by` table, with the late count."""
    T = i18n.translator(lang)
    if ax is None:
        _, ax = plt.subplots(figsize=(8, 0.9 + 0.36 * len(table)))
    names = [_group_label(v, by, lang) for v in table[by]]
    left = np.zeros(len(table))
    for s in actionplan.STATUSES:
        values = table[s].to_numpy(dtype=float)
        ax.barh(
            range(len(table)),
            values,
            left=left,
            color=STATUS_COLORS[s],
            edgecolor="white",
            label=T.label(vocab.ACTION_STATUSES, s),
            hatch="//" if s == "dropped" else None,
        )
        for y, (x, v) in enumerate(zip(left, values)):
            if v:
                ax.text(x + v / 2, y, f"{v:.0f}", ha="center", va="center", fontsize=7.5)
        left += values
    for y, (total, late) in enumerate(zip(left, table["late"])):
        if late:
            ax.text(total + 0.2, y, T.n("{n} late", "{n} late", int(late)), va="center", fontsize=7.5, color=LATE_COLOR)
    ax.set_yticks(range(len(table)), [_wrap(n, 45) for n in names], fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(0, max(left.max() if len(left) else 1, 1) * 1.25)
    ax.set_xlabel(T("Courses of action"))
    ax.legend(
        fontsize=8, frameon=False, ncol=4, loc="upper center", bbox_to_anchor=(0.5, -0.12 - 0.6 / max(len(table), 1))
    )
    ax.spines[["top", "right"]].set_visible(False)
    return ax


def plot_workload(table: pd.DataFrame, ax: plt.Axes | None = None, lang: str = "en") -> plt.Axes:
    """Open and done action-years per responsible entity (a `workload` table), open first."""
    T = i18n.translator(lang)
    if ax is None:
        _, ax = plt.subplots(figsize=(8, 0.9 + 0.34 * len(table)))
    y = np.arange(len(table))
    open_ = table["open_action_years"].to_numpy(dtype=float)
    done = (table["action_years"] - table["open_action_years"]).to_numpy(dtype=float)
    ax.barh(y, open_, color=STATUS_COLORS["in_progress"], label=T("open action-years"))
    ax.barh(y, done, left=open_, color=STATUS_COLORS["done"], label=T("done action-years"))
    for yy, total, n_actions, n_open in zip(y, open_ + done, table["actions"], table["open"]):
        text = T(
            "{actions}, {open}",
            actions=T.n("{n} action", "{n} actions", int(n_actions)),
            open=T.n("{n} open", "{n} open", int(n_open)),
        )
        ax.text(total + 0.2, yy, text, va="center", fontsize=7.5)
    ax.set_yticks(y, [_wrap(r, 35) for r in table["responsible"]], fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(0, max((open_ + done).max() if len(table) else 1, 1) * 1.35)
    ax.set_xlabel(T("Action-years (an action planned for 3 years counts 3)"))
    ax.legend(fontsize=8, frameon=False, loc="lower right")
    ax.spines[["top", "right"]].set_visible(False)
    return ax


# ---------------------------------------------------------------------------------------
# private helpers
# ---------------------------------------------------------------------------------------


def _wrap(text: object, width: int) -> str:
    return "\n".join(textwrap.wrap(str(text), width)) or str(text)


def _group_label(value: object, by: str, lang: str) -> str:
    if by == "pillar":
        T = i18n.translator(lang)
        return T("Pillar {pillar}: {name}", pillar=value, name=T.label(vocab.PILLARS, value))
    return str(value)


def pillar_folds(plan: pd.DataFrame, as_of: dt.date, lang: str = "en") -> list[dict]:
    """One fold per pillar for `Report.details(**fold)`: its progress as the summary line
    (`actionplan.pillar_summary`), its timeline with its alt text, and its courses of action."""
    folds = []
    for pillar in actionplan.pillars(plan):
        part = plan[plan["pillar"] == pillar] if pillar is not None else plan[plan["pillar"].isna()]
        folds.append(
            {
                "summary": actionplan.pillar_summary(plan, as_of, pillar, lang),
                "figures": [(plot_timeline(part, as_of, lang=lang), actionplan.timeline_alt(part, as_of, lang))],
                "tables": actionplan.action_table(part, as_of, lang=lang).drop(columns="pillar"),
                "labels": actionplan.ACTION_LABELS,
                "vocab": {"status": "action_status"},
            }
        )
    return folds
