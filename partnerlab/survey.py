"""Survey summaries for the sector diagnosis (Appendix 2): counts, shares, scale scores, themes.

Input: the loaded `survey_questions` and `survey_responses` tables (docs/tables.md), where
answers are already option labels (scale/choice: str or None; multi: list[str], [] = no
answer; number: float, NaN = no answer; text: str or None).

Definitions used throughout (the reports quote them):

- **n** is the number of respondents of a group who answered the question; **missing** is
  the number of respondents of the group who did not. A multi question counts as answered
  when at least one option was ticked.
- **share_pct** = 100 * count / n. For a multi question it is the share of *respondents
  who answered the question* that ticked the option (shares add up to more than 100),
  never the share of mentions.
- A scale option is a **"don't know"** option when its label, folded (no case, accents,
  spaces or punctuation), is one of `DONT_KNOW_SPELLINGS`. Such options are listed with
  their counts but left out of the mean, the median, the 0-1 score and the diverging bar.
- **position** is the 1-based rank of a substantive scale option (first option = 1 =
  lowest). **score** = (position - 1) / (k - 1) with k substantive options, so scales of
  different length compare on 0-1. The median is numpy's (halfway between the two middle
  answers when n is even).
- **by**: `None` (everyone), `"sector"`, `"state"` (a respondent who named two states
  counts in both; one who named none is left out of the state split) or the id of a
  scale/choice question. The overall group `ALL` comes first unless `include_all=False`.
- A **challenge question** is a choice or multi question whose id or text contains one of
  `CHALLENGE_WORDS` (folded: "challenge", "reto", "desafío", ...). The top challenges of a
  group are the options of those questions with the highest share of the group's
  respondents who answered; options tied at the cut-off are all kept.

>>> q = pd.DataFrame({"question": ["q1"], "theme": ["dialogue"], "text": ["Trust"],
...                   "type": ["scale"], "options": [["Low", "Mid", "High", "Don't know"]]})
>>> r = pd.DataFrame({"respondent": ["a", "b", "c"], "sector": ["academia"] * 3,
...                   "state": [[], [], []], "q1": ["High", "Don't know", None]})
>>> option_counts(q, r, "q1")[["option", "count", "share_pct", "n", "missing"]]
       option  count  share_pct  n  missing
0         Low      0        0.0  2        1
1         Mid      0        0.0  2        1
2        High      1       50.0  2        1
3  Don't know      1       50.0  2        1
>>> scale_stats(q, r)[["question", "n_valid", "dont_know", "mean_position", "score"]]
  question  n_valid  dont_know  mean_position  score
0       q1        1          1            3.0    1.0
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Hashable, Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from partnerlab import i18n, vocab
from partnerlab.i18n import N_

__all__ = [
    "ALL",
    "Asked",
    "DONT_KNOW_SPELLINGS",
    "CHALLENGE_WORDS",
    "is_dont_know",
    "is_challenge",
    "question",
    "questions_of_type",
    "option_counts",
    "frequency_table",
    "scale_stats",
    "diverging_shares",
    "number_stats",
    "text_answers",
    "respondent_counts",
    "theme_scores",
    "top_challenges",
    "group_label",
    "filter_groups",
    "report_groups",
    "questions_of_theme",
    "themes_present",
    "challenge_table",
    "respondents_sentence",
    "answer_tables",
    "answers_summary",
    "question_alt",
    "text_counts",
    "respondents_alt",
    "heatmap_alt",
    "challenge_comparison",
    "READING_NOTE",
    "CHALLENGE_NOTE",
    "CHALLENGE_COLUMNS",
    "MIN_CHALLENGE_SHARE",
]

# Report text quoting the definitions of this module (English msgids, translated where shown).
READING_NOTE = N_(
    "Each answer is shown as its count and its share of <b>n</b>, the respondents who answered the question "
    "(several answers allowed in a multiple-choice question, so its shares add up to more than 100 %); "
    '"don\'t know" answers are left out of the diverging bars and the mean. Theme scores put every scale on '
    "0-1 (0 = lowest option). Groups under 10 respondents vary a lot. Open a chart's table for every count."
)
CHALLENGE_NOTE = N_(
    "The options of the questions about challenges (those whose text names a challenge, obstacle, barrier or "
    "difficulty) chosen by at least {minimum} of a group's respondents who answered (the minimum of this page)."
)
CHALLENGE_COLUMNS = {
    "group": N_("Respondents"),
    "question": N_("Question"),
    "option": N_("Challenge"),
    "answers": N_("Count (share of n)"),
    "n": N_("n"),
}
MIN_CHALLENGE_SHARE = 25.0  # a challenge is listed when at least this % of a group's respondents chose it
TABLE_GROUPS = 3  # an answer table shows at most this many groups side by side (then a next table): a chart's width

ALL = "all"  # the group of every respondent

# Labels of "don't know" / "not applicable" options, compared after `_fold`.
DONT_KNOW_SPELLINGS: tuple[str, ...] = (
    "Don't know",
    "Do not know",
    "Dont know",
    "DK",
    "Not sure",
    "Unsure",
    "Don't know / no answer",
    "No answer",
    "Prefer not to say",
    "No opinion",
    "N/A",
    "NA",
    "Not applicable",
    "Does not apply",
    "No sabe",
    "No sé",
    "No se",
    "NS",
    "NS/NC",
    "No sabe / no contesta",
    "No sabe/No responde",
    "NS/NR",
    "No contesta",
    "No responde",
    "Prefiero no responder",
    "Sin opinión",
    "No aplica",
    "N/D",
    "No lo sé",
)

# Words that mark a choice/multi question as a question about challenges (after `_fold`).
CHALLENGE_WORDS: tuple[str, ...] = (
    "challenge",
    "obstacle",
    "barrier",
    "difficult",
    "reto",
    "desafio",
    "obstaculo",
    "barrera",
    "dificultad",
    "barreira",  # Portuguese ("desafio", "obstaculo" are above)
    "dificuldade",
)


def is_dont_know(option: object) -> bool:
    """Whether an option label is a "don't know" / "not applicable" answer.

    >>> is_dont_know("No sabe / No contesta"), is_dont_know("n/a"), is_dont_know("Never")
    (True, True, False)
    """
    return _fold(option) in _DK_FOLDED


def is_challenge(question_row: pd.Series | dict) -> bool:
    """Whether a question asks about challenges (see the module docstring for the rule).

    >>> is_challenge({"question": "q7", "type": "multi", "text": "Principales retos"})
    True
    """
    if question_row.get("type") not in ("choice", "multi"):
        return False
    haystack = _fold(question_row.get("question")) + " " + _fold(question_row.get("text"))
    return any(word in haystack for word in CHALLENGE_WORDS)


def question(questions: pd.DataFrame, question_id: str) -> pd.Series:
    """The row of `survey_questions` for one question id (exact, then case-insensitive)."""
    ids = questions["question"].to_numpy()
    hit = np.flatnonzero(ids == question_id)  # numpy, not a boolean Series: a page asks ~200 times
    if not len(hit):
        hit = np.flatnonzero(questions["question"].str.casefold().to_numpy() == str(question_id).casefold())
    if not len(hit):
        raise KeyError(f"{question_id!r} is not a question of survey_questions")
    return questions.iloc[hit[0]]


def questions_of_type(questions: pd.DataFrame, *types: str) -> list[str]:
    """The ids of the questions of the given types, in sheet order."""
    return questions.loc[questions["type"].isin(types), "question"].tolist()


def option_counts(
    questions: pd.DataFrame, responses: pd.DataFrame, question_id: str, by: str | None = None, include_all: bool = True
) -> pd.DataFrame:
    """Counts and shares per answer option of a scale, choice or multi question.

    Args:
        questions: The survey_questions table.
        responses: The survey_responses table.
        question_id: The question to count.
        by: None, "sector", "state" or a scale/choice question id (see the module docstring).
        include_all: Whether to add the overall group `ALL` first.

    Returns:
        One row per group and option, options in the question's own order (options never
        chosen are listed with 0): group, option, position (1-based order of the option;
        for a scale, among its substantive options, <NA> for "don't know"), is_dont_know,
        count, share_pct, n, missing.

    Raises:
        ValueError: An answer is not one of the question's options.
    """
    q = question(questions, question_id)
    if q["type"] not in ("scale", "choice", "multi"):
        raise ValueError(f"{question_id}: option counts need a scale, choice or multi question, not {q['type']}")
    options = list(q["options"])
    answers = _answers(q, responses)
    positions = _positions(q) if q["type"] == "scale" else {o: i + 1 for i, o in enumerate(options)}
    # one pass over the answers: a respondents x options matrix of ticks, then a groups x
    # respondents membership matrix; counts = membership @ ticks (no loop per group)
    answered = _answered(answers)
    ticks = _ticks(answers, answered, options, q["type"] == "multi")
    groups = _groups(questions, responses, by, include_all)
    member = _membership(responses.index, groups)
    counts = member.astype(np.int64) @ ticks  # groups x options
    n = member.astype(np.int64) @ answered.astype(np.int64)
    missing = member.sum(axis=1).astype(np.int64) - n
    k, g = len(options), len(groups)
    with np.errstate(divide="ignore", invalid="ignore"):
        share = np.where(n[:, None] > 0, 100.0 * counts / np.where(n > 0, n, 1)[:, None], math.nan)
    dont_know = [q["type"] == "scale" and is_dont_know(o) for o in options]
    out = pd.DataFrame(
        {
            "group": np.repeat(np.array([key for key, _ in groups], dtype=object), k),
            "option": np.array(options * g, dtype=object),
            "position": pd.array([positions.get(o) for o in options] * g, dtype="Int64"),
            "is_dont_know": np.array(dont_know * g, dtype=bool),
            "count": counts.reshape(-1).astype(np.int64),
            "share_pct": share.reshape(-1).astype(float),
            "n": np.repeat(n, k).astype(np.int64),
            "missing": np.repeat(missing, k).astype(np.int64),
        }
    )
    return out


def frequency_table(
    questions: pd.DataFrame,
    responses: pd.DataFrame,
    question_id: str,
    by: str | None = "sector",
    groups: Iterable[str] | None = None,
    lang: str = "en",
    value: str = "share_pct",
) -> pd.DataFrame:
    """One question as a wide table: options as rows, groups as columns, then n and missing.

    Args:
        value: "share_pct" (shares of n, rounded to 1 decimal) or "count".
        groups: Keep only these groups (keys), e.g. [ALL, "academia"]; None = all of them.

    Returns:
        Rows = the options in order, then "n (answered)" and "No answer" rows (counts);
        columns = group labels in `lang`.
    """
    long = option_counts(questions, responses, question_id, by=by)
    long = filter_groups(long, groups)
    order = list(dict.fromkeys(long["group"]))
    table = long.pivot(index="option", columns="group", values=value).reindex(
        index=list(question(questions, question_id)["options"]), columns=order
    )
    if value == "share_pct":
        table = table.round(1)
    bases = long.drop_duplicates("group").set_index("group")[["n", "missing"]].T.reindex(columns=order)
    T = i18n.translator(lang)
    bases.index = [T("n (answered)"), T("No answer")]
    table = pd.concat([table.astype(object), bases.astype(int).astype(object)])  # n rows stay whole numbers
    table.columns = [group_label(g, by, lang) for g in order]
    table.index.name = T("Answer")
    return table


def scale_stats(
    questions: pd.DataFrame,
    responses: pd.DataFrame,
    by: str | None = None,
    include_all: bool = True,
    question_ids: Iterable[str] | None = None,
) -> pd.DataFrame:
    """Mean and median position and the 0-1 score of every scale question, per group.

    Returns:
        One row per question and group: question, theme, group, k (substantive options),
        n_valid (answers on the scale), dont_know, missing (no answer at all),
        mean_position, median_position, score ((mean_position - 1) / (k - 1)).
    """
    ids = list(question_ids) if question_ids is not None else questions_of_type(questions, "scale")
    rows = []
    groups = _groups(questions, responses, by, include_all)
    where = [_positions_of(responses.index, members) for _, members in groups]
    for qid in ids:
        q = question(questions, qid)
        positions = _positions(q)
        k = len(positions)
        answers = _answers(q, responses)
        given_all = _answered(answers)
        # position of each respondent's answer, NaN when blank or "don't know" (one pass)
        pos_all = np.array(
            [positions.get(v, math.nan) if ok else math.nan for v, ok in zip(answers.tolist(), given_all)], dtype=float
        )
        for (group, _), idx in zip(groups, where):
            given = given_all[idx]
            pos = pos_all[idx]
            pos = pos[~np.isnan(pos)]  # members' order kept: the same sums as before
            mean = float(pos.mean()) if len(pos) else math.nan
            n_given = int(given.sum())
            rows.append(
                {
                    "question": q["question"],
                    "theme": q["theme"],
                    "group": group,
                    "k": k,
                    "n_valid": len(pos),
                    "dont_know": n_given - len(pos),
                    "missing": len(idx) - n_given,
                    "mean_position": mean,
                    "median_position": float(np.median(pos)) if len(pos) else math.nan,
                    "score": (mean - 1) / (k - 1) if k > 1 and len(pos) else math.nan,
                }
            )
    return pd.DataFrame(
        rows,
        columns=[
            "question",
            "theme",
            "group",
            "k",
            "n_valid",
            "dont_know",
            "missing",
            "mean_position",
            "median_position",
            "score",
        ],
    )


def diverging_shares(
    questions: pd.DataFrame,
    responses: pd.DataFrame,
    question_id: str,
    by: str | None = "sector",
    include_all: bool = True,
) -> pd.DataFrame:
    """The segments of a diverging stacked bar for a scale question, one bar per group.

    Shares are of the answers on the scale (n_valid: "don't know" left out). Options below
    the middle go left of 0, options above it right of 0; on an odd scale the middle option
    is split half left, half right.

    Returns:
        One row per group and substantive option: group, option, position, share_pct,
        start (x where the segment begins, negative on the left), n_valid.
    """
    long = option_counts(questions, responses, question_id, by=by, include_all=include_all)
    long = long[~long["is_dont_know"]].copy()
    k = int(long["position"].max())
    rows = []
    for group, g in long.groupby("group", sort=False):
        n_valid = int(g["count"].sum())
        shares = (100.0 * g["count"] / n_valid).tolist() if n_valid else [0.0] * len(g)
        low = [s for p, s in zip(g["position"], shares) if p <= k // 2]
        middle = shares[k // 2] if k % 2 else 0.0
        x = -(sum(low) + middle / 2)
        for option, p, share in zip(g["option"], g["position"], shares):
            rows.append(
                {
                    "group": group,
                    "option": option,
                    "position": int(p),
                    "share_pct": share,
                    "start": x,
                    "n_valid": n_valid,
                }
            )
            x += share
    return pd.DataFrame(rows, columns=["group", "option", "position", "share_pct", "start", "n_valid"])


def number_stats(
    questions: pd.DataFrame, responses: pd.DataFrame, question_id: str, by: str | None = None, include_all: bool = True
) -> pd.DataFrame:
    """The distribution of a number question per group.

    Quartiles use linear interpolation (pandas' default, R's type 7, as R's summary()).

    Returns:
        One row per group: group, n, missing, mean, median, sd (sample standard deviation,
        n - 1 in the denominator, as R's sd()), q1, q3, min, max.
    """
    q = question(questions, question_id)
    if q["type"] != "number":
        raise ValueError(f"{question_id}: number_stats needs a number question, not {q['type']}")
    values = pd.to_numeric(_answers(q, responses), errors="raise").astype(float)
    rows = []
    for group, members in _groups(questions, responses, by, include_all):
        v = values.loc[members].dropna()
        stats = (
            {
                "mean": v.mean(),
                "median": v.median(),
                "sd": v.std(ddof=1),
                "q1": v.quantile(0.25),
                "q3": v.quantile(0.75),
                "min": v.min(),
                "max": v.max(),
            }
            if len(v)
            else {}
        )
        rows.append(
            {
                "group": group,
                "n": len(v),
                "missing": int(values.loc[members].isna().sum()),
                **{k: float(stats.get(k, math.nan)) for k in _NUMBER_STATS},
            }
        )
    return pd.DataFrame(rows, columns=["group", "n", "missing", *_NUMBER_STATS])


def text_answers(
    questions: pd.DataFrame, responses: pd.DataFrame, question_id: str, sector: str | None = None
) -> pd.DataFrame:
    """The non-blank answers to a text question with the respondent's sector, never the id.

    Rows are sorted by sector (vocabulary order) and answer, so the order of the sheet
    does not point back to a respondent.

    Returns:
        Columns sector, answer.
    """
    q = question(questions, question_id)
    answers = _answers(q, responses)
    out = pd.DataFrame({"sector": responses["sector"].to_numpy(), "answer": answers.to_numpy()})
    out = out[out["answer"].map(_is_answered)]
    if sector:
        out = out[out["sector"] == sector]
    order = {key: i for i, key in enumerate(vocab.SECTORS.keys)}
    out = out.assign(_o=out["sector"].map(order)).sort_values(["_o", "answer"], kind="stable")
    return out.drop(columns="_o").reset_index(drop=True)


def respondent_counts(responses: pd.DataFrame, by: str = "sector") -> pd.DataFrame:
    """Respondents per sector or per state (vocabulary order), with their share of all respondents.

    Returns:
        Columns group, respondents, share_pct (of every respondent; states can add up to
        more than 100 when a respondent names two).
    """
    total = len(responses)
    rows = [
        {"group": g, "respondents": len(m), "share_pct": 100.0 * len(m) / total if total else math.nan}
        for g, m in _groups(pd.DataFrame(columns=["question"]), responses, by, include_all=False)
    ]
    return pd.DataFrame(rows, columns=["group", "respondents", "share_pct"])


def theme_scores(
    questions: pd.DataFrame,
    responses: pd.DataFrame,
    by: str | None = "sector",
    include_all: bool = True,
    min_n: int = 1,
) -> pd.DataFrame:
    """The sector-by-theme table of scale scores (0-1) behind the heatmap.

    A cell is the mean of the 0-1 scores of the theme's scale questions (each question
    weighs the same), using only questions with at least `min_n` answers on the scale
    in that group.

    Returns:
        Long table: group, theme, score, questions (how many questions entered the mean),
        answers (answers on the scale behind it). Themes in vocabulary order.
    """
    stats = scale_stats(questions, responses, by=by, include_all=include_all)
    stats = stats[stats["n_valid"] >= min_n]
    theme_order = {key: i for i, key in enumerate(vocab.THEMES.keys)}
    out = (
        stats.groupby(["group", "theme"], sort=False)
        .agg(score=("score", "mean"), questions=("question", "nunique"), answers=("n_valid", "sum"))
        .reset_index()
    )
    group_order = {g: i for i, g in enumerate(dict.fromkeys(stats["group"]))}
    out = out.assign(_g=out["group"].map(group_order), _t=out["theme"].map(theme_order))
    return out.sort_values(["_g", "_t"]).drop(columns=["_g", "_t"]).reset_index(drop=True)


def top_challenges(
    questions: pd.DataFrame,
    responses: pd.DataFrame,
    by: str | None = "sector",
    top: int | None = 3,
    include_all: bool = True,
    min_share_pct: float | None = None,
) -> pd.DataFrame:
    """The most chosen options of the challenge questions, per group.

    Args:
        top: Keep the options ranked this or better (ties kept); None keeps every rank.
        min_share_pct: Keep only the options chosen by at least this share of the group's
            respondents who answered (e.g. `MIN_CHALLENGE_SHARE`); None keeps every share.

    Returns:
        group, question, rank (1 = most chosen; ties share a rank), option, count,
        share_pct (of the group's respondents who answered the question), n.
        Options never chosen are left out.
    """
    ids = [row["question"] for _, row in questions.iterrows() if is_challenge(row)]
    cols = ["group", "question", "rank", "option", "count", "share_pct", "n"]
    parts = []
    for qid in ids:
        long = option_counts(questions, responses, qid, by=by, include_all=include_all)
        long = long[long["count"] > 0].copy()
        long["rank"] = long.groupby("group", sort=False)["count"].rank(method="min", ascending=False)
        if top is not None:
            long = long[long["rank"] <= top]
        if min_share_pct is not None:
            long = long[long["share_pct"] >= min_share_pct - 1e-9]
        long = long.assign(question=qid)
        parts.append(long)
    if not parts:
        return pd.DataFrame(columns=cols)
    order = {g: i for i, (g, _) in enumerate(_groups(questions, responses, by, include_all))}
    out = pd.concat(parts, ignore_index=True)
    out["rank"] = out["rank"].astype(int)
    out = out.assign(_g=out["group"].map(order), _q=out["question"].map({q: i for i, q in enumerate(ids)}))
    out = out.sort_values(["_g", "_q", "rank", "position"], kind="stable")
    return out[cols].reset_index(drop=True)


def group_label(group: str, by: str | None, lang: str = "en") -> str:
    """The label of a group key for tables and charts ("All respondents", a sector, a state)."""
    T = i18n.translator(lang)
    if group == ALL:
        return T("All respondents")
    if by == "sector":
        return i18n.translator(lang).label(vocab.SECTORS, group)
    if by == "state":
        return i18n.translator(lang).label(vocab.STATES, group)
    return str(group)


def filter_groups(table: pd.DataFrame, groups: Iterable[str] | None) -> pd.DataFrame:
    """Keep the rows of the given groups (in the given order); None keeps every group."""
    if groups is None:
        return table
    order = {g: i for i, g in enumerate(groups)}
    rank = np.array([order.get(g, -1) for g in table["group"].tolist()])
    kept = np.flatnonzero(rank >= 0)
    return table.iloc[kept[np.argsort(rank[kept], kind="stable")]].reset_index(drop=True)


def report_groups(responses: pd.DataFrame, sector: str = "") -> list[str] | None:
    """The groups a report shows: None (every sector) for a blank sector, else [ALL, sector].

    Raises:
        ValueError: The sector is not a sector key, or no respondent is of that sector.
    """
    if not sector:
        return None
    key = vocab.SECTORS.key_of(sector)  # raises UnknownTerm (a ValueError) naming the closest sector
    if not (responses["sector"] == key).any():
        raise ValueError(f"no respondent of the survey is of the sector {key!r}")
    return [ALL, key]


def questions_of_theme(questions: pd.DataFrame, theme: str) -> list[str]:
    """The ids of a theme's questions, in sheet order."""
    return questions.loc[questions["theme"] == theme, "question"].tolist()


def themes_present(questions: pd.DataFrame) -> list[str]:
    """The themes that have questions, in vocabulary order (unknown themes last)."""
    present = list(dict.fromkeys(questions["theme"].dropna()))
    return [t for t in vocab.THEMES.keys if t in present] + [t for t in present if t not in vocab.THEMES.keys]


def respondents_sentence(
    responses: pd.DataFrame, questions: pd.DataFrame, sector: str = "", lang: str = "en"
) -> tuple[tuple[str], dict]:
    """The report's opening sentence: ((msgid,), values) for `rpt.p(*text, **values)`.

    On a sector's page the sentence names the sector and its share of the respondents.

    >>> r = pd.DataFrame({"sector": ["academia", "media"], "state": [["oaxaca"], []]})
    >>> text, values = respondents_sentence(r, pd.DataFrame({"question": ["q1"]}), "media")
    >>> text[0].format(**values)
    '<b>2 respondents</b> from 2 sectors and 1 state answered 1 question. This page compares the <b>1 (50.0\\xa0%)</b> respondents of <b>Media</b> with all respondents.'
    """
    T = i18n.translator(lang)
    counts = respondent_counts(responses, by="sector")
    values = {
        "respondents": T.n("{n} respondent", "{n} respondents", len(responses)),
        "sectors": T.n("{n} sector", "{n} sectors", len(counts)),
        "states": T.n("{n} state", "{n} states", len(respondent_counts(responses, by="state"))),
        "questions": T.n("{n} question", "{n} questions", len(questions)),
    }
    if not sector:
        return (N_("<b>{respondents}</b> from {sectors} and {states} answered {questions}."),), values
    key = vocab.SECTORS.key_of(sector)
    row = counts[counts["group"] == key]
    k = int(row["respondents"].iloc[0]) if len(row) else 0
    values.update(sector=T.label(vocab.SECTORS, key), share=T.share(k, len(responses)))
    return (
        N_(
            "<b>{respondents}</b> from {sectors} and {states} answered {questions}. This page compares the "
            "<b>{share}</b> respondents of <b>{sector}</b> with all respondents."
        ),
    ), values


def respondents_alt(responses: pd.DataFrame, lang: str = "en", highlight: str | None = None) -> str:
    """The alt text of the respondents chart: every sector's count and share, largest first."""
    T = i18n.translator(lang)
    counts = respondent_counts(responses, by="sector").sort_values("respondents", ascending=False, kind="stable")
    parts = "; ".join(
        f"{group_label(g, 'sector', lang)} {T.share(n, len(responses))}"
        for g, n in zip(counts["group"], counts["respondents"])
    )
    return T("Bar chart of the {n} respondents by sector: {parts}.", n=T.number(len(responses)), parts=parts)


def heatmap_alt(
    questions: pd.DataFrame, responses: pd.DataFrame, groups: Iterable[str] | None = None, lang: str = "en"
) -> str:
    """The alt text of the theme heatmap: each group's score per theme (0-1)."""
    T = i18n.translator(lang)
    table = filter_groups(theme_scores(questions, responses, by="sector"), groups)
    rows = []
    for group, part in table.groupby("group", sort=False):
        cells = ", ".join(
            f"{T.label(vocab.THEMES, t)} {T.number(s, 2)}" for t, s in zip(part["theme"], part["score"]) if s == s
        )
        rows.append(f"{group_label(group, 'sector', lang)}: {cells}")
    return T("Heatmap of the theme scores (0 = lowest option, 1 = highest) by group. {rows}.", rows="; ".join(rows))


@dataclass(frozen=True, eq=False)
class Asked:
    """One question of a survey as a page shows it: for these groups, in this language.

    `groups` None is every respondent (`answer_tables` then shows every sector); [ALL, sector]
    is everyone and one sector. A page builds one per question and hands it to `answer_tables`,
    `answers_summary`, `question_alt` and the charts of `partnerlab.plots.survey`.
    """

    questions: pd.DataFrame
    responses: pd.DataFrame
    question_id: str
    groups: tuple[str, ...] | None = None
    lang: str = "en"

    def __post_init__(self) -> None:
        if self.groups is not None:
            object.__setattr__(self, "groups", tuple(self.groups))

    @property
    def row(self) -> pd.Series:
        """The question's row of `survey_questions` (`question`)."""
        return question(self.questions, self.question_id)

    @property
    def shown(self) -> list[str]:
        """The groups a chart draws: `groups`, or everyone when None."""
        return list(self.groups) if self.groups is not None else [ALL]

    @property
    def sector(self) -> str | None:
        """The one sector of `groups` besides everyone, or None."""
        return next((g for g in self.groups or () if g != ALL), None)


def answer_tables(asked: Asked) -> list[pd.DataFrame]:
    """The tables behind a question's chart, labelled in `lang`, none wider than a page.

    scale/choice/multi: one row per option, one column per group, each cell the count and its
    share of n ("41 (85.4 %)", as a published frequency table); then n (answered) and no
    answer, and for a scale the mean and median position (don't know left out). Groups beyond
    `TABLE_GROUPS` go to a next table (the first column repeated). number: n, no answer, mean,
    median, standard deviation, quartiles, minimum and maximum, one column per group.
    text: `text_counts`. The row labels are the first column, never the index.
    """
    T = i18n.translator(asked.lang)
    q = asked.row
    if q["type"] == "number":
        stats = filter_groups(
            number_stats(asked.questions, asked.responses, asked.question_id, by="sector"), asked.groups
        )
        rows = [T("n"), T("No answer")] + [T(label) for label in _STAT_LABELS.values()]
        tables = []
        for start in range(0, len(stats), TABLE_GROUPS):
            table = pd.DataFrame({T("Statistic"): rows})
            for _, st in stats.iloc[start : start + TABLE_GROUPS].iterrows():
                table[group_label(st["group"], "sector", asked.lang)] = [T.number(st["n"]), T.number(st["missing"])] + [
                    T.number(st[key], 2) for key in _STAT_LABELS
                ]
            tables.append(table)
        return tables
    if q["type"] == "text":
        return [text_counts(asked.questions, asked.responses, asked.question_id, sector=asked.sector, lang=asked.lang)]
    long = filter_groups(option_counts(asked.questions, asked.responses, asked.question_id, by="sector"), asked.groups)
    order = list(dict.fromkeys(long["group"]))
    options = list(q["options"])
    cells = {
        g: [T.share(c, n) for c, n in zip(part["count"], part["n"])] for g, part in long.groupby("group", sort=False)
    }
    first = long.drop_duplicates("group").set_index("group")
    rows = options + [T("n (answered)"), T("No answer")]
    extra = {}
    if q["type"] == "scale":
        stats = scale_stats(asked.questions, asked.responses, by="sector", question_ids=[asked.question_id]).set_index(
            "group"
        )
        rows += [T("Mean position (1 = lowest)"), T("Median position")]
        extra = {
            g: [T.number(stats.at[g, "mean_position"], 2), T.number(stats.at[g, "median_position"], 1)] for g in order
        }
    tables = []
    for start in range(0, len(order), TABLE_GROUPS):
        part = order[start : start + TABLE_GROUPS]
        table = pd.DataFrame({T("Answer"): rows})
        for g in part:
            column = (
                cells[g] + [T.number(int(first.at[g, "n"])), T.number(int(first.at[g, "missing"]))] + extra.get(g, [])
            )
            table[group_label(g, "sector", asked.lang)] = column
        tables.append(table)
    return tables


def answers_summary(asked: Asked) -> str:
    """The one line that opens a question's table (the summary of its <details>)."""
    T = i18n.translator(asked.lang)
    q = asked.row
    if q["type"] == "text":
        counts = text_counts(asked.questions, asked.responses, asked.question_id, sector=asked.sector, lang=asked.lang)
        total = int(counts.iloc[:, 1].sum()) if len(counts) else 0
        return T(
            "{answers}, {distinct} (open the list)",
            answers=T.n("{n} answer", "{n} answers", total),
            distinct=T.n("{n} different", "{n} different", len(counts)),
        )
    if q["type"] == "number":
        return T("Statistics by group (n, mean, median, standard deviation, quartiles)")
    return T("Table: every answer as count and share of n, by group")


def question_alt(asked: Asked) -> str:
    """The alt text of a question's chart, from its numbers, in `lang`.

    >>> q = pd.DataFrame({"question": ["c1"], "theme": ["dialogue"], "text": ["Funds?"], "type": ["choice"],
    ...                   "options": [["Yes", "No"]]})
    >>> r = pd.DataFrame({"respondent": ["a", "b", "c"], "sector": ["academia"] * 3, "state": [[]] * 3,
    ...                   "c1": ["Yes", "Yes", "No"]})
    >>> question_alt(Asked(q, r, "c1"))
    'Bar chart of "Funds?". All respondents (n = 3): Yes 2 (66.7\\xa0%); No 1 (33.3\\xa0%).'
    """
    T = i18n.translator(asked.lang)
    q = asked.row
    text = str(q["text"] or asked.question_id)
    if q["type"] == "number":
        stats = filter_groups(
            number_stats(asked.questions, asked.responses, asked.question_id, by="sector"), asked.shown
        )
        parts = [
            T(
                "{group}: n {n}, mean {mean}, median {median}, standard deviation {sd}, quartiles {q1} and {q3}",
                group=group_label(s["group"], "sector", asked.lang),
                n=T.number(s["n"]),
                mean=T.number(s["mean"], 1),
                median=T.number(s["median"], 1),
                sd=T.number(s["sd"], 1),
                q1=T.number(s["q1"], 1),
                q3=T.number(s["q3"], 1),
            )
            for _, s in stats.iterrows()
        ]
        return T('Histogram of "{text}". {parts}.', text=text, parts="; ".join(parts))
    if q["type"] == "text":
        return ""
    long = filter_groups(option_counts(asked.questions, asked.responses, asked.question_id, by="sector"), asked.shown)
    parts = []
    for group, part in long.groupby("group", sort=False):
        answers = "; ".join(f"{o} {T.share(c, n)}" for o, c, n in zip(part["option"], part["count"], part["n"]))
        parts.append(
            T(
                "{group} (n = {n}): {answers}",
                group=group_label(group, "sector", asked.lang),
                n=T.number(int(part["n"].iloc[0])),
                answers=answers,
            )
        )
    kind = (
        T('Diverging bar chart of "{text}".', text=text)
        if q["type"] == "scale"
        else T('Bar chart of "{text}".', text=text)
    )
    return f"{kind} {'. '.join(parts)}."


def text_counts(
    questions: pd.DataFrame, responses: pd.DataFrame, question_id: str, sector: str | None = None, lang: str = "en"
) -> pd.DataFrame:
    """The answers to a text question, deduplicated, with how many gave each and their sectors.

    Answers are the same when they differ only in case, spacing or final punctuation (the
    first spelling is shown). Most frequent first, then alphabetical; never a respondent id.

    Returns:
        Three columns labelled in `lang`: answer, count, sectors (labels, "; "-joined).
    """
    T = i18n.translator(lang)
    answers = text_answers(questions, responses, question_id, sector=sector)
    keys = answers["answer"].map(lambda a: " ".join(str(a).split()).casefold().rstrip(".!;, "))
    rows = []
    for _, part in answers.groupby(keys, sort=False):
        sectors = list(dict.fromkeys(part["sector"]))
        rows.append(
            (
                " ".join(str(part["answer"].iloc[0]).split()),
                len(part),
                "; ".join(T.label(vocab.SECTORS, s) for s in sectors if isinstance(s, str)),
            )
        )
    rows.sort(key=lambda r: (-r[1], r[0].casefold()))
    return pd.DataFrame(rows, columns=[T("Answer"), T("Respondents"), T("Sectors")])


def challenge_table(
    questions: pd.DataFrame,
    responses: pd.DataFrame,
    groups: Iterable[str] | None = None,
    lang: str = "en",
    min_share_pct: float = MIN_CHALLENGE_SHARE,
) -> pd.DataFrame:
    """The challenges chosen by at least `min_share_pct` of a group's respondents who answered,
    for a report (headers `CHALLENGE_COLUMNS`): group, [question], option, answers ("58 (43.6 %)"), n."""
    T = i18n.translator(lang)
    table = filter_groups(
        top_challenges(questions, responses, by="sector", top=None, min_share_pct=min_share_pct), groups
    )
    table = table.assign(
        group=table["group"].map(lambda g: group_label(g, "sector", lang)),
        answers=[T.share(c, n) for c, n in zip(table["count"], table["n"])],
        n=table["n"].map(T.number),
    )
    multi = table["question"].nunique() > 1
    if multi:
        table["question"] = [str(question(questions, qid)["text"] or qid) for qid in table["question"]]
    return table[["group", *(["question"] if multi else []), "option", "answers", "n"]].reset_index(drop=True)


def challenge_comparison(
    questions: pd.DataFrame,
    responses: pd.DataFrame,
    groups: Iterable[str],
    lang: str = "en",
    min_share_pct: float = MIN_CHALLENGE_SHARE,
) -> pd.DataFrame:
    """The challenges that reach `min_share_pct` in any of a few groups (everyone and a sector),
    one row each, one column per group ("58 (43.6 %)", or the share below the minimum too),
    labelled in `lang`; most chosen by the first group first."""
    T = i18n.translator(lang)
    keep = list(groups)
    listed = filter_groups(
        top_challenges(questions, responses, by="sector", top=None, min_share_pct=min_share_pct), keep
    )
    every = filter_groups(top_challenges(questions, responses, by="sector", top=None), keep)
    pairs = list(dict.fromkeys(zip(listed["question"], listed["option"])))
    multi = len({qid for qid, _ in pairs}) > 1
    cells = {
        (g, qid, o): T.share(c, n)
        for g, qid, o, c, n in zip(every["group"], every["question"], every["option"], every["count"], every["n"])
    }
    first = {
        (qid, o): share
        for g, qid, o, share in zip(every["group"], every["question"], every["option"], every["share_pct"])
        if g == keep[0]
    }
    pairs.sort(key=lambda p: -first.get(p, 0.0))
    out = pd.DataFrame(
        {T("Question"): [str(question(questions, qid)["text"] or qid) for qid, _ in pairs]} if multi else {}
    )
    out[T("Challenge")] = [o for _, o in pairs]
    for g in keep:
        out[group_label(g, "sector", lang)] = [cells.get((g, qid, o), T.number(0)) for qid, o in pairs]
    return out


_STAT_LABELS = {
    "mean": N_("Mean"),
    "median": N_("Median"),
    "sd": N_("Standard deviation"),
    "q1": N_("1st quartile"),
    "q3": N_("3rd quartile"),
    "min": N_("Minimum"),
    "max": N_("Maximum"),
}


# ---------------------------------------------------------------------------------------
# private helpers
# ---------------------------------------------------------------------------------------


def _fold(text: object) -> str:
    if text is None or (isinstance(text, float) and math.isnan(text)):
        return ""
    return _fold_str(text if isinstance(text, str) else str(text))


@functools.lru_cache(maxsize=4096)
def _fold_str(text: str) -> str:  # cached: a page folds the same few option labels thousands of times
    return re.sub(r"[^\w ]+", "", vocab.normalize(text).replace("\u2019", "'"))


_NUMBER_STATS = ("mean", "median", "sd", "q1", "q3", "min", "max")
_DK_FOLDED = frozenset(_fold(s) for s in DONT_KNOW_SPELLINGS)


def _is_answered(value: object) -> bool:
    if value is None:
        return False
    if isinstance(value, (list, tuple)):
        return len(value) > 0
    if isinstance(value, float):
        return not math.isnan(value)
    if value is pd.NA:
        return False
    if isinstance(value, str):
        return value.strip() != ""
    return True


def _positions(q: pd.Series) -> dict[str, int]:
    """1-based positions of the substantive options of a scale question ({} otherwise)."""
    if q["type"] != "scale":
        return {}
    substantive = [o for o in q["options"] if not is_dont_know(o)]
    return {o: i + 1 for i, o in enumerate(substantive)}


def _answers(q: pd.Series, responses: pd.DataFrame) -> pd.Series:
    """The answer column of a question, checked against its options."""
    qid = q["question"]
    if qid not in responses.columns:
        raise KeyError(f"survey_responses has no column for question {qid!r}")
    answers = responses[qid]
    if q["type"] in ("scale", "choice", "multi"):
        allowed = set(q["options"])
        multi = q["type"] == "multi"
        answered = _answered(answers)
        for idx, value, ok in zip(answers.index, answers.tolist(), answered):
            if not ok:
                continue
            if multi:
                bad = not isinstance(value, (list, tuple)) or any(v not in allowed for v in value)
            else:
                bad = not isinstance(value, Hashable) or value not in allowed
            if bad:
                where = f"row {responses.at[idx, 'row']}" if "row" in responses.columns else f"index {idx}"
                raise ValueError(
                    f"survey_responses {where} ({qid}): found {value!r}; expected "
                    f"{'a list of ' if multi else ''}one of {list(q['options'])}"
                )
    return answers


def _groups(
    questions: pd.DataFrame, responses: pd.DataFrame, by: str | None, include_all: bool
) -> list[tuple[str, pd.Index]]:
    """(group key, index of its respondents) pairs in display order."""
    groups = [(ALL, responses.index)] if include_all or by is None else []
    if by is None:
        return groups
    if by == "sector":
        sectors = responses["sector"].to_numpy()
        present = set(responses["sector"].dropna())
        keys = [k for k in vocab.SECTORS.keys if k in present] + sorted(present - set(vocab.SECTORS.keys))
        return groups + [(k, responses.index[sectors == k]) for k in keys]
    if by == "state":
        states = responses["state"].map(lambda v: list(v) if isinstance(v, (list, tuple)) else [])
        present = {s for lst in states for s in lst}
        keys = [k for k in vocab.STATES.keys if k in present] + sorted(present - set(vocab.STATES.keys))
        return groups + [(k, responses.index[states.map(lambda lst, k=k: k in lst)]) for k in keys]
    q = question(questions, by)
    if q["type"] not in ("scale", "choice"):
        raise ValueError(f"cannot split by {by!r}: only sector, state or a scale/choice question")
    answers = _answers(q, responses)
    return groups + [(o, responses.index[answers == o]) for o in q["options"] if (answers == o).any()]


def _answered(answers: pd.Series) -> np.ndarray:
    """Whether each respondent answered (`_is_answered`), as a boolean array."""
    return np.fromiter((_is_answered(v) for v in answers.tolist()), dtype=bool, count=len(answers))


def _ticks(answers: pd.Series, answered: np.ndarray, options: list, multi: bool) -> np.ndarray:
    """Respondents x options: how many times each respondent chose each option (0/1 but for repeats)."""
    col = {o: j for j, o in enumerate(options)}
    ticks = np.zeros((len(answers), len(options)), dtype=np.int64)
    for i, (value, ok) in enumerate(zip(answers.tolist(), answered)):
        if ok:
            for option in value if multi else (value,):
                ticks[i, col[option]] += 1
    return ticks


def _positions_of(index: pd.Index, members: pd.Index) -> np.ndarray:
    """The positions in `index` of a group's members, in the members' order."""
    if members is index:
        return np.arange(len(index))
    return index.get_indexer_for(members)


def _membership(index: pd.Index, groups: list[tuple[str, pd.Index]]) -> np.ndarray:
    """Groups x respondents: True where the respondent is a member of the group."""
    out = np.zeros((len(groups), len(index)), dtype=bool)
    for row, (_, members) in enumerate(groups):
        out[row, _positions_of(index, members)] = True
    return out
