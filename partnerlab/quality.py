"""Partnership quality (Appendix 6, UNDESA/UNDP framework): dimensions, principles, rounds, to-do lists.

Input: the loaded `quality_assessment` table (docs/tables.md): one row per assessment of a
partnership from one perspective, six dimensions as `Int64` levels 0-3 (`<NA>` = blank).

Definitions (the reports quote them):

- A **principle** level is the **mean** of its two dimensions, on the same 0-3 scale
  (inclusion = non-discrimination and accessibility; participation = access to
  information and influence on decisions; accountability = transparency and
  responsiveness). The seed pairs the dimensions without saying how to combine them; a
  mean keeps principles comparable with dimensions (a sum would run 0-6). A principle
  is blank when either of its dimensions is blank.
- A **round** is one assessment date of a partnership: `round` = 1 for its earliest
  `assessed_on`, 2 for the next date, ... Perspectives assessed in the same round share
  the date. The **latest round** is the partnership's highest round.
- **Spread** (latest round) = max - min level per dimension across the perspectives
  assessed; government and civil society **diverge** on a dimension when their levels
  differ by 2 or more.
- **Change** per perspective and dimension = level in a round minus the level of the same
  perspective in its previous round.
- The **portfolio level** of a partnership (heatmap, to-do list) is the `collective`
  perspective of its latest round when there is one, else the mean of the perspectives of
  that round (`basis` says which).
- The **to-do list**: for every dimension whose portfolio level is below 3, the Appendix 6
  criteria required to reach level 3.

>>> qa = pd.DataFrame({"partnership": ["p1", "p1"], "assessed_on": pd.to_datetime(["2023-05-01", "2024-05-01"]),
...                    "perspective": ["collective", "collective"],
...                    **{d: pd.array([1, 3], dtype="Int64") for d in DIMENSIONS}})
>>> quality_scores(qa)[["round", "inclusion", "participation"]]
   round  inclusion  participation
0      1        1.0            1.0
1      2        3.0            3.0
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from partnerlab import i18n, schema, vocab
from partnerlab.i18n import N_

__all__ = [
    "DIMENSIONS",
    "PRINCIPLE_DIMENSIONS",
    "DIVERGENCE",
    "quality_scores",
    "quality_long",
    "latest_round",
    "perspective_spread",
    "round_changes",
    "portfolio_levels",
    "todo_list",
    "dimension_label",
    "principle_of",
    "find_partnership",
    "QUALITY_NOTE",
    "TABLE_LABELS",
    "table_labels",
    "levels_table",
    "scores_table",
    "round_table",
    "divergence_table",
    "change_table",
    "change_summary_table",
    "todo_table",
    "todo_summary_table",
    "notes_table",
    "heatmap_alt",
    "partnership_alt",
]

DIMENSIONS: tuple[str, ...] = schema.DIMENSION_KEYS  # the six of Appendix 6, in their order
PRINCIPLE_DIMENSIONS: dict[str, tuple[str, ...]] = {
    p: tuple(d.key for d in vocab.QUALITY_DIMENSIONS if d.principle == p) for p in vocab.PRINCIPLES.keys
}
DIVERGENCE = 2  # levels apart for government and civil society to "disagree"
_LEVEL_COLUMNS = (*DIMENSIONS, *PRINCIPLE_DIMENSIONS)

# Report text quoting the definitions above (an English msgid, translated where shown).
QUALITY_NOTE = N_(
    "Each dimension is a level from 0 to 3 (Appendix 6); a principle is the mean of its two dimensions, on the "
    "same 0-3 scale. A round is one assessment date of a partnership. The portfolio view shows the latest "
    "round's collective perspective, or the mean of that round's perspectives where there is no collective "
    "one. Government and civil society disagree on a dimension when their levels differ by 2 or more."
)
# Column headers of the report tables (msgids); `table_labels` adds the dimension, principle and
# perspective columns, whose headers are vocabulary labels.
TABLE_LABELS: dict[str, str] = {
    "partnership": N_("Partnership"),
    "perspective": N_("Perspective"),
    "round": N_("Round"),
    "assessed_on": N_("Assessed on"),
    "basis": N_("Basis"),
    "dimension": N_("Dimension"),
    "principle": N_("Principle"),
    "level": N_("Level"),
    "criterion": N_("Criterion required to reach level 3"),
    "spread": N_("Spread (max - min)"),
    "lowest": N_("Lowest"),
    "highest": N_("Highest"),
    "from_level": N_("Before"),
    "to_level": N_("Now"),
    "change": N_("Change"),
    "from_date": N_("From"),
    "to_date": N_("To"),
    "gaps": N_("Gaps and difficulties"),
    "impact": N_("Impact on results"),
    "lessons": N_("Lessons"),
    "improved": N_("Improved (before → now)"),
    "declined": N_("Declined (before → now)"),
    "below_3": N_("Dimensions below level 3 (level)"),
    "n_criteria": N_("Criteria to meet"),
    "period": N_("Rounds compared"),
}


def table_labels(lang: str = "en") -> dict[str, str]:
    """The headers of the report tables: `TABLE_LABELS` and the vocabulary labels of the dimension,
    principle and perspective columns, in the language."""
    return {
        **{d: dimension_label(d, lang) for d in _LEVEL_COLUMNS},
        **{v: vocab.PERSPECTIVES.label(v, lang) for v in vocab.PERSPECTIVES.keys},
        **TABLE_LABELS,
    }


def quality_scores(quality_assessment: pd.DataFrame) -> pd.DataFrame:
    """Every assessment with its round and the three principle levels.

    Args:
        quality_assessment: The loaded `quality_assessment` table.

    Returns:
        partnership, assessed_on, round, perspective, the six dimensions (float, NaN =
        blank), inclusion, participation, accountability (means), sorted by partnership,
        round and perspective (vocabulary order).
    """
    frame = quality_assessment.copy()
    frame["assessed_on"] = pd.to_datetime(frame["assessed_on"])
    frame["perspective"] = frame["perspective"].fillna("collective")
    for d in DIMENSIONS:
        frame[d] = pd.to_numeric(frame[d], errors="coerce").astype("float64")
    for principle, dims in PRINCIPLE_DIMENSIONS.items():
        frame[principle] = frame[list(dims)].mean(axis=1, skipna=False)
    frame["round"] = (
        frame.groupby("partnership")["assessed_on"].rank(method="dense").astype("int64")
        if not frame.empty
        else pd.Series(dtype="int64")
    )
    order = {k: i for i, k in enumerate(vocab.PERSPECTIVES.keys)}
    frame = frame.sort_values(
        ["partnership", "round", "perspective"], key=lambda s: s.map(order) if s.name == "perspective" else s
    )
    return frame[["partnership", "assessed_on", "round", "perspective", *_LEVEL_COLUMNS]].reset_index(drop=True)


def quality_long(scores: pd.DataFrame, principles: bool = False) -> pd.DataFrame:
    """One row per (assessment, dimension): partnership, assessed_on, round, perspective,
    dimension, principle, level. With `principles=True` the rows are the principles
    instead (principle == dimension)."""
    columns = list(PRINCIPLE_DIMENSIONS) if principles else list(DIMENSIONS)
    long = scores.melt(
        id_vars=["partnership", "assessed_on", "round", "perspective"],
        value_vars=columns,
        var_name="dimension",
        value_name="level",
    )
    long["principle"] = long["dimension"] if principles else long["dimension"].map(principle_of)
    return long[["partnership", "assessed_on", "round", "perspective", "dimension", "principle", "level"]]


def latest_round(scores: pd.DataFrame) -> pd.DataFrame:
    """The rows of each partnership's latest round."""
    last = scores.groupby("partnership")["round"].transform("max")
    return scores[scores["round"] == last].reset_index(drop=True)


def perspective_spread(scores: pd.DataFrame) -> pd.DataFrame:
    """How far perspectives disagree in each partnership's latest round.

    Returns:
        One row per (partnership, dimension) of the latest round: partnership,
        assessed_on, dimension, n_perspectives, min, max, spread (max - min; NaN with
        fewer than two levels), lowest and highest (the perspectives at the extremes,
        `;`-joined), government, civil_society (their levels, NaN when not assessed),
        is_gov_cs_divergent (|government - civil_society| >= 2; NA when either is missing).
    """
    rows = []
    for (pid, when), group in latest_round(scores).groupby(["partnership", "assessed_on"], sort=True):
        by_view = group.groupby("perspective")[list(DIMENSIONS)].mean()
        for d in DIMENSIONS:
            levels = by_view[d].dropna()
            gov = by_view[d].get("government", np.nan)
            cso = by_view[d].get("civil_society", np.nan)
            divergent = pd.NA if pd.isna(gov) or pd.isna(cso) else bool(abs(gov - cso) >= DIVERGENCE)
            rows.append(
                {
                    "partnership": pid,
                    "assessed_on": when,
                    "dimension": d,
                    "n_perspectives": len(levels),
                    "min": levels.min() if len(levels) else np.nan,
                    "max": levels.max() if len(levels) else np.nan,
                    "spread": levels.max() - levels.min() if len(levels) >= 2 else np.nan,
                    "lowest": ";".join(levels.index[levels == levels.min()]) if len(levels) else "",
                    "highest": ";".join(levels.index[levels == levels.max()]) if len(levels) else "",
                    "government": gov,
                    "civil_society": cso,
                    "is_gov_cs_divergent": divergent,
                }
            )
    out = pd.DataFrame(
        rows,
        columns=[
            "partnership",
            "assessed_on",
            "dimension",
            "n_perspectives",
            "min",
            "max",
            "spread",
            "lowest",
            "highest",
            "government",
            "civil_society",
            "is_gov_cs_divergent",
        ],
    )
    out["is_gov_cs_divergent"] = out["is_gov_cs_divergent"].astype("boolean")
    return out


def round_changes(scores: pd.DataFrame, latest_only: bool = False) -> pd.DataFrame:
    """Change of each dimension between consecutive rounds of the same perspective.

    Args:
        scores: The output of `quality_scores`.
        latest_only: Keep only each (partnership, perspective)'s most recent change.

    Returns:
        partnership, perspective, dimension, from_round, to_round, from_date, to_date,
        from_level, to_level, change (to - from; NaN when either is blank).
    """
    rows = []
    for (pid, view), group in scores.groupby(["partnership", "perspective"], sort=True):
        group = group.sort_values("round")
        pairs = list(zip(group.iloc[:-1].to_dict("records"), group.iloc[1:].to_dict("records")))
        if latest_only:
            pairs = pairs[-1:]
        for before, after in pairs:
            for d in DIMENSIONS:
                rows.append(
                    {
                        "partnership": pid,
                        "perspective": view,
                        "dimension": d,
                        "from_round": before["round"],
                        "to_round": after["round"],
                        "from_date": before["assessed_on"],
                        "to_date": after["assessed_on"],
                        "from_level": before[d],
                        "to_level": after[d],
                        "change": after[d] - before[d],
                    }
                )
    return pd.DataFrame(
        rows,
        columns=[
            "partnership",
            "perspective",
            "dimension",
            "from_round",
            "to_round",
            "from_date",
            "to_date",
            "from_level",
            "to_level",
            "change",
        ],
    )


def portfolio_levels(scores: pd.DataFrame) -> pd.DataFrame:
    """One level per partnership and dimension: the latest round's collective perspective, else
    the mean of that round's perspectives.

    Returns:
        Indexed by partnership: the six dimensions and three principles (float), assessed_on,
        basis (`collective` or `mean`), n_perspectives.
    """
    rows = []
    for pid, group in latest_round(scores).groupby("partnership", sort=True):
        collective = group[group["perspective"] == "collective"]
        if len(collective):
            values, basis = collective[list(DIMENSIONS)].mean(), "collective"
        else:
            values, basis = group[list(DIMENSIONS)].mean(), "mean"
        row = {"partnership": pid, **values.to_dict()}
        for principle, dims in PRINCIPLE_DIMENSIONS.items():
            row[principle] = np.nan if values[list(dims)].isna().any() else values[list(dims)].mean()
        row.update(
            assessed_on=group["assessed_on"].iloc[0], basis=basis, n_perspectives=int(group["perspective"].nunique())
        )
        rows.append(row)
    out = pd.DataFrame(rows, columns=["partnership", *_LEVEL_COLUMNS, "assessed_on", "basis", "n_perspectives"])
    return out.set_index("partnership")


def todo_list(levels: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """The Appendix 6 criteria to reach level 3, for every dimension below 3.

    Args:
        levels: `portfolio_levels` output (indexed by partnership), or any frame indexed by
            partnership with dimension columns.
        lang: Language of the criteria.

    Returns:
        One row per (partnership, dimension below 3, criterion): partnership, dimension,
        principle, level, criterion (its text). Blank dimensions are left out (nothing to
        compare); order: partnership, then dimension order of Appendix 6.
    """
    rows = []
    for pid, rec in levels.iterrows():
        for dim in vocab.QUALITY_DIMENSIONS:
            level = rec.get(dim.key)
            if level is None or pd.isna(level) or level >= 3:
                continue
            for text in dim.criteria(lang):
                rows.append(
                    {
                        "partnership": pid,
                        "dimension": dim.key,
                        "principle": dim.principle,
                        "level": float(level),
                        "criterion": text,
                    }
                )
    return pd.DataFrame(rows, columns=["partnership", "dimension", "principle", "level", "criterion"])


def find_partnership(scores: pd.DataFrame, partnerships: pd.DataFrame, partnership: str) -> str:
    """The canonical id of a partnership matched case-insensitively; "" for a blank parameter.

    Raises:
        KeyError: when no partnership (in the partnerships sheet or the assessments) has that id.
    """
    wanted = str(partnership or "").strip().casefold()
    if not wanted:
        return ""
    known = list(dict.fromkeys([*partnerships.get("id", pd.Series(dtype=str)), *scores["partnership"]]))
    for pid in known:
        if str(pid).casefold() == wanted:
            return pid
    raise KeyError(f"no partnership with id {partnership!r}; ids look like: {', '.join(map(str, known[:8]))}")


def dimension_label(key: str, lang: str = "en") -> str:
    """The label of a dimension or principle key."""
    for d in vocab.QUALITY_DIMENSIONS:
        if d.key == key:
            return d.label(lang)
    return vocab.PRINCIPLES.label(key, lang)


def principle_of(dimension: str) -> str:
    """The principle a dimension belongs to."""
    for d in vocab.QUALITY_DIMENSIONS:
        if d.key == dimension:
            return d.principle
    raise KeyError(dimension)


# ---------------------------------------------------------------------------------------
# Report tables: values translated, columns keyed as in TABLE_LABELS
# ---------------------------------------------------------------------------------------


def levels_table(
    levels: pd.DataFrame, names: dict[str, str], lang: str = "en", dimensions: bool = True
) -> pd.DataFrame:
    """`portfolio_levels` by partnership name, with the basis translated.

    Args:
        dimensions: Include the six dimension columns; False keeps the three principles only
            (the portfolio page, whose heatmap already shows every dimension).
    """
    _ = i18n.translator(lang)
    out = levels.reset_index()

    def basis(kind: str, n: int) -> str:
        if kind == "collective":
            return _("Collective perspective")
        return _.n("Mean of {n} perspective", "Mean of {n} perspectives", int(n))

    return pd.DataFrame(
        {
            "partnership": [names.get(p, p) for p in out["partnership"]],
            "assessed_on": _dates(out["assessed_on"]),
            "basis": [basis(b, n) for b, n in zip(out["basis"], out["n_perspectives"])],
            **{c: out[c].round(2) for c in (_LEVEL_COLUMNS if dimensions else tuple(PRINCIPLE_DIMENSIONS))},
        }
    )


def scores_table(scores: pd.DataFrame, partnership: str, lang: str = "en") -> pd.DataFrame:
    """Every assessment of one partnership: round, date, perspective, dimensions and principles."""
    rows = scores[scores["partnership"] == partnership].sort_values(["round"], ascending=False, kind="stable")
    return pd.DataFrame(
        {
            "round": rows["round"],
            "assessed_on": _dates(rows["assessed_on"]),
            "perspective": [vocab.PERSPECTIVES.label(v, lang) for v in rows["perspective"]],
            **{c: rows[c].round(2) for c in _LEVEL_COLUMNS},
        }
    ).reset_index(drop=True)


def round_table(scores: pd.DataFrame, partnership: str, lang: str = "en") -> pd.DataFrame:
    """One partnership's latest round as dimensions (rows) by perspectives (columns): the six
    dimensions, then the three principles, each with its principle; narrow enough for a page.

    >>> sc = quality_scores(pd.DataFrame({"partnership": ["p1"] * 2, "assessed_on": pd.to_datetime(["2024-05-01"] * 2),
    ...     "perspective": ["government", "civil_society"], **{d: pd.array([3, 1], dtype="Int64") for d in DIMENSIONS}}))
    >>> round_table(sc, "p1").iloc[[0, 6]].values.tolist()
    [['Inclusion', 'Non-discrimination', 3.0, 1.0], ['Inclusion', 'Inclusion (mean)', 3.0, 1.0]]
    """
    rows = latest_round(scores[scores["partnership"] == partnership])
    views = rows.groupby("perspective", sort=False)[list(_LEVEL_COLUMNS)].mean()
    _ = i18n.translator(lang)
    out = pd.DataFrame(
        {
            "principle": [vocab.PRINCIPLES.label(principle_of(d), lang) for d in DIMENSIONS]
            + [vocab.PRINCIPLES.label(p, lang) for p in PRINCIPLE_DIMENSIONS],
            "dimension": [dimension_label(d, lang) for d in DIMENSIONS]
            + [_("{principle} (mean)", principle=vocab.PRINCIPLES.label(p, lang)) for p in PRINCIPLE_DIMENSIONS],
        }
    )
    for view in views.index:  # perspective keys: table_labels translates them
        out[view] = views.loc[view, list(_LEVEL_COLUMNS)].round(2).tolist()
    return out


def divergence_table(
    spread: pd.DataFrame, names: dict[str, str], lang: str = "en", only_divergent: bool = True, min_spread: float = 0
) -> pd.DataFrame:
    """Spread between perspectives in the latest round; by default only the dimensions where
    government and civil society differ by 2 or more."""
    rows = spread[spread["is_gov_cs_divergent"].fillna(False).astype(bool)] if only_divergent else spread
    rows = rows[rows["spread"].fillna(0) >= min_spread]

    def views(text: str) -> str:
        return ", ".join(vocab.PERSPECTIVES.label(v, lang) for v in text.split(";") if v)

    return pd.DataFrame(
        {
            "partnership": [names.get(p, p) for p in rows["partnership"]],
            "dimension": [dimension_label(d, lang) for d in rows["dimension"]],
            "government": rows["government"],
            "civil_society": rows["civil_society"],
            "spread": rows["spread"],
            "lowest": rows["lowest"].map(views),
            "highest": rows["highest"].map(views),
        }
    ).reset_index(drop=True)


def change_table(
    changes: pd.DataFrame,
    names: dict[str, str],
    lang: str = "en",
    perspectives: tuple[str, ...] | None = None,
    nonzero: bool = True,
) -> pd.DataFrame:
    """Changes between rounds, by default only those that moved, optionally for some perspectives."""
    rows = changes if perspectives is None else changes[changes["perspective"].isin(perspectives)]
    if nonzero:
        rows = rows[rows["change"].fillna(0) != 0]
    return pd.DataFrame(
        {
            "partnership": [names.get(p, p) for p in rows["partnership"]],
            "perspective": [vocab.PERSPECTIVES.label(v, lang) for v in rows["perspective"]],
            "dimension": [dimension_label(d, lang) for d in rows["dimension"]],
            "from_date": _dates(rows["from_date"]),
            "to_date": _dates(rows["to_date"]),
            "from_level": rows["from_level"],
            "to_level": rows["to_level"],
            "change": [f"{c:+.0f}" if not pd.isna(c) else "" for c in rows["change"]],
        }
    ).reset_index(drop=True)


def change_summary_table(
    changes: pd.DataFrame, names: dict[str, str], lang: str = "en", perspectives: tuple[str, ...] | None = None
) -> pd.DataFrame:
    """One row per partnership, perspective and pair of rounds: the dimensions that went up and
    those that went down, as "Dimension before → now" (rows where nothing moved are left out).
    The period is "from → to" with non-breaking hyphens, so a narrow column never splits a date.

    >>> ch = pd.DataFrame({"partnership": ["p1", "p1"], "perspective": ["collective"] * 2,
    ...                    "dimension": ["accessibility", "transparency"], "from_round": [1, 1], "to_round": [2, 2],
    ...                    "from_date": pd.to_datetime(["2023-01-01"] * 2), "to_date": pd.to_datetime(["2024-01-01"] * 2),
    ...                    "from_level": [2.0, 3.0], "to_level": [3.0, 1.0], "change": [1.0, -2.0]})
    >>> change_summary_table(ch, {"p1": "Alianza"})[["partnership", "improved", "declined"]].values.tolist()
    [['Alianza', 'Accessibility 2\xa0→\xa03', 'Transparency 3\xa0→\xa01']]
    """
    rows = changes if perspectives is None else changes[changes["perspective"].isin(perspectives)]
    rows = rows[rows["change"].fillna(0) != 0]
    _ = i18n.translator(lang)
    out = []
    for (pid, view, d0, d1), group in rows.groupby(["partnership", "perspective", "from_date", "to_date"], sort=False):

        def moved(mask: pd.Series, group: pd.DataFrame = group) -> str:
            return "; ".join(
                f"{dimension_label(r.dimension, lang)} {_.number(r.from_level)}\u00a0→\u00a0{_.number(r.to_level)}"
                for r in group[mask].itertuples()
            )

        out.append(
            {
                "partnership": names.get(pid, pid),
                "perspective": vocab.PERSPECTIVES.label(view, lang),
                "period": f"{_date(d0, _)} → {_date(d1, _)}",
                "improved": moved(group["change"] > 0),
                "declined": moved(group["change"] < 0),
            }
        )
    return pd.DataFrame(out, columns=["partnership", "perspective", "period", "improved", "declined"])


def todo_summary_table(levels: pd.DataFrame, names: dict[str, str], lang: str = "en") -> pd.DataFrame:
    """The to-do list in one row per partnership: its dimensions below 3 (with their level) and
    how many Appendix 6 criteria they require; the criteria are on each partnership's page.

    >>> lv = pd.DataFrame({"accessibility": [1.0, 3.0], "transparency": [2.0, 3.0]}, index=["p1", "p2"])
    >>> todo_summary_table(lv, {})[["partnership", "below_3"]].values.tolist()
    [['p1', 'Accessibility (1); Transparency (2)']]
    """
    todo = todo_list(levels, lang)
    _ = i18n.translator(lang)
    out = []
    for pid, group in todo.groupby("partnership", sort=False):
        dims = group.drop_duplicates("dimension")
        out.append(
            {
                "partnership": names.get(pid, pid),
                "below_3": "; ".join(
                    f"{dimension_label(d, lang)} ({_.number(lv)})" for d, lv in zip(dims["dimension"], dims["level"])
                ),
                "n_criteria": len(group),
            }
        )
    return pd.DataFrame(out, columns=["partnership", "below_3", "n_criteria"])


def todo_table(levels: pd.DataFrame, names: dict[str, str], lang: str = "en") -> pd.DataFrame:
    """`todo_list` by partnership name, dimension and principle translated."""
    todo = todo_list(levels, lang)
    return pd.DataFrame(
        {
            "partnership": [names.get(p, p) for p in todo["partnership"]],
            "principle": [vocab.PRINCIPLES.label(p, lang) for p in todo["principle"]],
            "dimension": [dimension_label(d, lang) for d in todo["dimension"]],
            "level": todo["level"].round(2),
            "criterion": todo["criterion"],
        }
    )


def notes_table(quality_assessment: pd.DataFrame, partnership: str, lang: str = "en") -> pd.DataFrame:
    """Worksheet questions 3-5 (gaps, impact, lessons) of one partnership's latest round, by perspective."""
    rows = quality_assessment[quality_assessment["partnership"] == partnership]
    rows = rows[pd.to_datetime(rows["assessed_on"]) == pd.to_datetime(rows["assessed_on"]).max()]
    out = pd.DataFrame(
        {"perspective": [vocab.PERSPECTIVES.label(v or "collective", lang) for v in rows["perspective"]]}
    )
    for col in ("gaps", "impact", "lessons"):
        out[col] = rows[col].fillna("").tolist() if col in rows else ""
    keep = out[["gaps", "impact", "lessons"]].apply(lambda c: c.astype(str).str.strip() != "").any(axis=1)
    return out[keep].reset_index(drop=True)


def _dates(values: pd.Series) -> pd.Series:
    """Dates without time; an empty selection (object dtype) gives an empty column, not an error."""
    return pd.to_datetime(values).dt.date


def _date(value: object, _: i18n.Translator) -> str:
    """A date in a table cell ("30 jun 2025"), never split across lines."""
    return _.date(pd.Timestamp(value), "medium").replace(" ", "\u00a0")


# ---------------------------------------------------------------------------------------
# Sentences of the report (alt text of its figures)
# ---------------------------------------------------------------------------------------


def heatmap_alt(levels: pd.DataFrame, lang: str = "en") -> str:
    """Alt text of the portfolio heatmap: what it shows and how many partnerships reach level 3."""
    _ = i18n.translator(lang)
    n = len(levels)
    full = int((levels[list(DIMENSIONS)].fillna(0) >= 3).all(axis=1).sum()) if n else 0
    return (
        _.n(
            "Heatmap of {n} partnership by the six quality dimensions and three principles, levels 0 to 3, "
            "latest round.",
            "Heatmap of {n} partnerships by the six quality dimensions and three principles, "
            "levels 0 to 3, latest round.",
            n,
        )
        + " "
        + _.n(
            "{n} partnership has every dimension at level 3.", "{n} partnerships have every dimension at level 3.", full
        )
    )


def partnership_alt(scores: pd.DataFrame, partnership: str, name: str = "", lang: str = "en") -> str:
    """Alt text of one partnership's dot plot: its perspectives and its lowest dimension in the latest round."""
    _ = i18n.translator(lang)
    rows = latest_round(scores[scores["partnership"] == partnership])
    views = ", ".join(vocab.PERSPECTIVES.label(v, lang) for v in dict.fromkeys(rows["perspective"]))
    text = _(
        "Dot plot of the six quality dimensions (0 to 3) of {name} by perspective ({views}), round {r}.",
        name=name or partnership,
        views=views,
        r=_.number(rows["round"].max()) if len(rows) else "",
    )
    means = rows[list(DIMENSIONS)].mean()
    if means.notna().any():
        low = means.idxmin()
        text += " " + _(
            "Lowest dimension: {dimension} ({level}).",
            dimension=dimension_label(low, lang),
            level=_.number(means[low], 1),
        )
    return text
