"""Partnership quality (Appendix 6): principles, rounds, perspectives, changes and to-do lists.

Expected values are worked out by hand from the inline tables (means of two levels, date
ranks, max - min); the criteria texts are the seed's (Appendix 6 worksheet).
"""

from __future__ import annotations

import pandas as pd
import pytest

from partnerlab import quality, vocab

D = quality.DIMENSIONS  # non_discrimination, accessibility, access_to_information, influence_on_decisions,
#                         transparency, responsiveness


def _qa(*rows: tuple[str, str, str, tuple]) -> pd.DataFrame:
    """A quality_assessment table with the loader's dtypes (Int64 levels, None = blank)."""
    frame = pd.DataFrame(
        [
            {"partnership": p, "assessed_on": pd.Timestamp(day), "perspective": view, **dict(zip(D, levels))}
            for p, day, view, levels in rows
        ]
    )
    for d in D:
        frame[d] = pd.array(frame[d].tolist(), dtype="Int64")
    return frame


@pytest.mark.parametrize(
    ("levels", "inclusion", "participation", "accountability"),
    [
        ((3, 2, 1, 0, 2, 2), 2.5, 0.5, 2.0),
        ((0, 0, 3, 3, 1, 2), 0.0, 3.0, 1.5),
        ((3, None, 2, 2, 0, 1), None, 2.0, 0.5),  # a blank dimension leaves its principle blank
    ],
)
def test_principles_are_means_on_the_0_3_scale(levels, inclusion, participation, accountability):
    row = quality.quality_scores(_qa(("p", "2024-01-01", "collective", levels))).iloc[0]
    for name, expected in (
        ("inclusion", inclusion),
        ("participation", participation),
        ("accountability", accountability),
    ):
        assert pd.isna(row[name]) if expected is None else row[name] == expected


def test_rounds_are_date_ranks_within_each_partnership():
    qa = _qa(
        ("p1", "2024-11-20", "government", (1,) * 6),
        ("p1", "2023-11-15", "collective", (1,) * 6),
        ("p1", "2024-11-20", "collective", (2,) * 6),
        ("p2", "2024-11-20", "collective", (2,) * 6),
        ("p1", "2025-05-01", "self", (3,) * 6),
    )
    scores = quality.quality_scores(qa)
    rounds = {(r.partnership, r.assessed_on.date().isoformat(), r.perspective): r.round for r in scores.itertuples()}
    assert rounds == {
        ("p1", "2023-11-15", "collective"): 1,
        ("p1", "2024-11-20", "collective"): 2,
        ("p1", "2024-11-20", "government"): 2,
        ("p1", "2025-05-01", "self"): 3,
        ("p2", "2024-11-20", "collective"): 1,
    }
    # sorted by partnership, round, then perspective in vocabulary order (collective before government)
    assert scores["perspective"].tolist() == ["collective", "collective", "government", "self", "collective"]


def test_spread_and_government_civil_society_divergence():
    qa = _qa(
        ("p1", "2023-01-01", "government", (0, 0, 0, 0, 0, 0)),  # earlier round: ignored
        ("p1", "2024-01-01", "government", (3, 2, 3, 2, 1, None)),
        ("p1", "2024-01-01", "civil_society", (1, 1, 2, 0, 1, 2)),
        ("p1", "2024-01-01", "self", (3, 3, 3, 3, 3, 3)),
        ("p2", "2024-01-01", "collective", (2, 2, 2, 2, 2, 2)),
    )
    spread = quality.perspective_spread(quality.quality_scores(qa)).set_index(["partnership", "dimension"])
    p1 = spread.loc["p1"]
    assert p1["spread"].tolist() == [2, 2, 1, 3, 2, 1]  # max - min over government, civil society, self
    assert p1.loc["influence_on_decisions", "lowest"] == "civil_society"
    assert p1.loc["influence_on_decisions", "highest"] == "self"
    assert p1.loc["non_discrimination", "highest"] == "government;self"
    divergent = p1["is_gov_cs_divergent"]
    assert divergent.iloc[:5].tolist() == [True, False, False, True, False]  # |3-1|, |2-1|, |3-2|, |2-0|, |1-1|
    assert pd.isna(divergent["responsiveness"])  # government left it blank
    assert p1.loc["responsiveness", "n_perspectives"] == 2
    p2 = spread.loc["p2"]
    assert p2["spread"].isna().all() and p2["is_gov_cs_divergent"].isna().all()  # one perspective only


def test_change_between_rounds_per_perspective():
    qa = _qa(
        ("p1", "2023-01-01", "collective", (1, 1, 2, 0, 1, 1)),
        ("p1", "2024-01-01", "collective", (2, 1, 2, 1, None, 0)),
        ("p1", "2024-01-01", "academia", (2, 2, 2, 2, 2, 2)),  # first time: no change row
        ("p1", "2025-01-01", "collective", (3, 1, 2, 1, 2, 0)),
    )
    changes = quality.round_changes(quality.quality_scores(qa))
    first = changes[(changes["from_round"] == 1)].set_index("dimension")["change"]
    assert first.iloc[[0, 1, 2, 3, 5]].tolist() == [1, 0, 0, 1, -1] and pd.isna(first["transparency"])
    assert set(changes["perspective"]) == {"collective"}
    latest = quality.round_changes(quality.quality_scores(qa), latest_only=True)
    assert set(latest["to_round"]) == {3} and latest.set_index("dimension").loc["non_discrimination", "change"] == 1


def test_portfolio_levels_prefer_collective_else_mean():
    qa = _qa(
        ("p1", "2024-01-01", "collective", (1, 2, 3, 3, 0, 1)),
        ("p1", "2024-01-01", "government", (3, 3, 3, 3, 3, 3)),
        ("p2", "2024-01-01", "government", (3, 2, 1, 0, 3, 3)),
        ("p2", "2024-01-01", "civil_society", (1, 1, 1, 1, 2, 2)),
    )
    levels = quality.portfolio_levels(quality.quality_scores(qa))
    assert levels.loc["p1", "basis"] == "collective" and levels.loc["p1", "non_discrimination"] == 1
    assert levels.loc["p2", "basis"] == "mean" and levels.loc["p2", "n_perspectives"] == 2
    assert levels.loc["p2", list(D)].tolist() == [2.0, 1.5, 1.0, 0.5, 2.5, 2.5]
    assert levels.loc["p2", "inclusion"] == 1.75  # (2 + 1.5) / 2


def test_todo_lists_the_seed_criteria_for_every_dimension_below_3():
    levels = pd.DataFrame({d: [3.0] for d in D}, index=pd.Index(["p1"], name="partnership"))
    levels.loc["p1", "transparency"] = 2.5
    levels.loc["p1", "accessibility"] = 0.0
    levels.loc["p1", "responsiveness"] = float("nan")  # blank: nothing to compare
    todo = quality.todo_list(levels, "en")
    assert todo["dimension"].tolist() == ["accessibility"] * 3 + ["transparency"] * 2
    assert todo["criterion"].tolist()[3:] == [
        "Widely disseminates information regarding the process to keep stakeholders, parliament, and the "
        "media informed.",
        "Efficiently follows up on the process.",
    ]
    todo_es = quality.todo_list(levels, "es")
    assert todo_es.loc[4, "criterion"] == "Da seguimiento eficiente al proceso."
    assert quality.todo_list(levels.assign(transparency=3.0, accessibility=3.0)).empty


def test_todo_criteria_counts_match_appendix_6():
    # Appendix 6 lists 4, 3, 2, 3, 2, 3 criteria for the six dimensions.
    levels = pd.DataFrame({d: [0.0] for d in D}, index=["p"])
    assert quality.todo_list(levels).groupby("dimension", sort=False).size().tolist() == [4, 3, 2, 3, 2, 3]


def test_long_form_and_labels():
    scores = quality.quality_scores(_qa(("p", "2024-01-01", "collective", (0, 1, 2, 3, 0, 1))))
    long = quality.quality_long(scores)
    assert len(long) == 6 and long.set_index("dimension").loc["transparency", "principle"] == "accountability"
    assert quality.quality_long(scores, principles=True)["level"].tolist() == [0.5, 2.5, 0.5]
    assert quality.dimension_label("responsiveness", "es") == "Receptividad"
    assert quality.dimension_label("inclusion", "es") == vocab.PRINCIPLES.label("inclusion", "es")


# ---------------------------------------------------------------------------------------
# Report tables
# ---------------------------------------------------------------------------------------


def test_report_tables_accept_a_partnership_with_one_round():
    # Regression: quality__p15 (one round) failed on `.dt` of the empty change frame.
    scores = quality.quality_scores(_qa(("p1", "2024-01-01", "collective", (3,) * 6)))
    changes = quality.round_changes(scores, latest_only=True)
    assert changes.empty
    assert quality.change_table(changes, {}).empty and quality.change_summary_table(changes, {}).empty
    levels = quality.portfolio_levels(scores)
    assert quality.todo_table(levels, {}).empty and quality.todo_summary_table(levels, {}).empty
    assert quality.divergence_table(quality.perspective_spread(scores), {}).empty
    assert quality.levels_table(levels, {"p1": "Alianza"}, dimensions=False).columns.tolist() == [
        "partnership",
        "assessed_on",
        "basis",
        "inclusion",
        "participation",
        "accountability",
    ]


def test_round_table_is_dimensions_by_perspective_of_the_latest_round():
    qa = _qa(
        ("p1", "2023-01-01", "government", (0,) * 6),  # earlier round: not shown
        ("p1", "2024-01-01", "government", (3, 2, 3, 2, 1, None)),
        ("p1", "2024-01-01", "civil_society", (1, 1, 2, 0, 1, 2)),
    )
    table = quality.round_table(quality.quality_scores(qa), "p1", "es")
    assert table.columns.tolist() == ["principle", "dimension", "government", "civil_society"]
    assert table["government"].tolist()[:5] == [3, 2, 3, 2, 1] and pd.isna(table.loc[5, "government"])
    # principles: government inclusion (3+2)/2, accountability blank (responsiveness blank)
    assert table.loc[6, "dimension"] == "Inclusión (promedio)" and table.loc[6, "government"] == 2.5
    assert pd.isna(table.loc[8, "government"]) and table.loc[8, "civil_society"] == 1.5


def test_change_summary_lists_what_went_up_and_down():
    qa = _qa(
        ("p1", "2023-01-01", "collective", (1, 1, 2, 0, 1, 1)), ("p1", "2024-01-01", "collective", (2, 1, 2, 1, 1, 0))
    )
    summary = quality.change_summary_table(quality.round_changes(quality.quality_scores(qa)), {"p1": "A"}, "es")
    assert summary.loc[0, "improved"] == "No discriminación 1\xa0→\xa02; Influencia en las decisiones 0\xa0→\xa01"
    assert summary.loc[0, "declined"] == "Receptividad 1\xa0→\xa00"
    assert summary.loc[0, "period"] == "1\xa0ene\xa02023 → 1\xa0ene\xa02024"  # dates in words, never split
