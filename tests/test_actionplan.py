"""Tests for partnerlab.actionplan: lateness, progress by pillar/area/entity/year, workload, links."""

from __future__ import annotations

import datetime as dt
import math

import pandas as pd
import pytest

from partnerlab import actionplan, i18n, vocab

AS_OF = dt.date(2025, 6, 30)


@pytest.fixture
def plan() -> pd.DataFrame:
    # Codes not in vocab.ACTIONS, so the workbook's own area text is used.
    rows = [
        # code, pillar, area, responsible, years, status, progress_pct
        ("A1", "I", "Capacity", ["RCO", "RIAFD"], [2022, 2023], "in_progress", 40.0),  # late
        ("A2", "I", "Capacity", ["RCO"], [2023], "done", math.nan),  # past but done: progress 100
        ("B1", "II", "Private", ["Results Group"], [2022], "dropped", 10.0),  # dropped: never late
        ("B2", "II", "Private", ["RCO", "UNCT"], [2024, 2025], "not_started", math.nan),  # current year
        ("B3", "II", "Academia", ["UNCT"], [], "in_progress", math.nan),  # no years: never late
        ("C1", "III", "Platforms", ["RIAFD"], [2024], "not_started", 0.0),  # late
    ]
    df = pd.DataFrame(rows, columns=["code", "pillar", "area", "responsible", "years", "status", "progress_pct"])
    df["action"] = "Action " + df["code"]
    return df


@pytest.mark.parametrize(
    "years, status, as_of, late",
    [
        ([2022, 2023], "in_progress", AS_OF, True),  # past and not done
        ([2024], "not_started", AS_OF, True),
        ([2023], "done", AS_OF, False),  # past and done
        ([2022], "dropped", AS_OF, False),  # dropped
        ([2024, 2025], "not_started", AS_OF, False),  # planned for the as-of year
        ([2026], "in_progress", AS_OF, False),  # future
        ([], "in_progress", AS_OF, False),  # no planned year
        ([2024], "in_progress", dt.date(2024, 12, 31), False),  # boundary: still 2024
        ([2024], "in_progress", dt.date(2025, 1, 1), True),
        ("2023; 2024", None, AS_OF, True),  # a ';' string and a blank status (= not started)
    ],
)
def test_lateness(years, status, as_of, late):
    plan = pd.DataFrame(
        {"code": ["X"], "responsible": [["RCO"]], "years": [years], "status": [status], "progress_pct": [math.nan]}
    )
    assert bool(actionplan.plan_status(plan, as_of)["is_late"].iloc[0]) is late


def test_plan_status_progress_fill(plan):
    status = actionplan.plan_status(plan, AS_OF).set_index("code")
    # done with no figure -> 100; not started with no figure -> 0; dropped -> left out;
    # in progress with no figure -> unknown
    assert status["progress"].to_dict() == pytest.approx(
        {"A1": 40.0, "A2": 100.0, "B1": math.nan, "B2": 0.0, "B3": math.nan, "C1": 0.0}, nan_ok=True
    )
    assert status["is_late"].to_dict() == {"A1": True, "A2": False, "B1": False, "B2": False, "B3": False, "C1": True}


def test_progress_by_pillar(plan):
    table = actionplan.progress_by(plan, "pillar", AS_OF)
    assert table["pillar"].tolist() == ["I", "II", "III"]
    assert table[["actions", "not_started", "in_progress", "done", "dropped", "late"]].values.tolist() == [
        [2, 0, 1, 1, 0, 1],
        [3, 1, 1, 0, 1, 0],
        [1, 1, 0, 0, 0, 1],
    ]
    assert table["done_pct"].tolist() == [50.0, 0.0, 0.0]  # II: 0 done of 3 - 1 dropped
    assert table["mean_progress_pct"].tolist() == [70.0, 0.0, 0.0]  # I: (40 + 100) / 2


def test_progress_by_responsible_counts_each_entity(plan):
    table = actionplan.progress_by(plan, "responsible", AS_OF).set_index("responsible")
    assert table.index.tolist() == ["RCO", "RIAFD", "UNCT", "Results Group"]  # by number of actions
    assert table["actions"].to_dict() == {"RCO": 3, "RIAFD": 2, "UNCT": 2, "Results Group": 1}
    assert table["late"].to_dict() == {"RCO": 1, "RIAFD": 2, "UNCT": 0, "Results Group": 0}
    assert table.loc["RCO", "done_pct"] == pytest.approx(100 / 3)
    assert table.loc["RCO", "mean_progress_pct"] == pytest.approx((40 + 100 + 0) / 3)
    assert math.isnan(table.loc["Results Group", "done_pct"])  # only a dropped action


def test_progress_by_year_counts_each_planned_year(plan):
    table = actionplan.progress_by(plan, "year", AS_OF)
    assert table["year"].tolist() == [2022, 2023, 2024, 2025]
    assert table["actions"].tolist() == [2, 2, 2, 1]  # A1+B1, A1+A2, B2+C1, B2
    assert table["late"].tolist() == [1, 1, 1, 0]


def test_progress_by_area_uses_workbook_text_for_unknown_codes(plan):
    table = actionplan.progress_by(plan, "area", AS_OF)
    assert table["area"].tolist() == ["Capacity", "Private", "Academia", "Platforms"]
    assert table["actions"].tolist() == [2, 2, 1, 1]


def test_area_and_action_labels_from_vocab():
    known = vocab.ACTIONS[0]
    assert actionplan.action_label(known.code, "workbook text", "es") == known.es
    assert actionplan.area_label(known.code, "workbook area", "es") == known.area_es
    assert actionplan.action_label("9.99", "workbook text", "es") == "workbook text"
    assert actionplan.responsible_label("RCO", "es") == vocab.responsible_label("RCO", "es")


def test_workload(plan):
    table = actionplan.workload(plan, AS_OF).set_index("responsible")
    assert table.index.tolist() == ["RCO", "RIAFD", "UNCT", "Results Group"]  # by open action-years
    assert table.loc["RCO"].to_dict() == {
        "actions": 3,
        "open": 2,
        "done": 1,
        "dropped": 0,
        "late": 1,
        "action_years": 5,
        "open_action_years": 4,
    }
    assert table.loc["Results Group"].to_dict() == {
        "actions": 1,
        "open": 0,
        "done": 0,
        "dropped": 1,
        "late": 0,
        "action_years": 0,
        "open_action_years": 0,
    }
    assert table.loc["UNCT", ["action_years", "open_action_years"]].tolist() == [2, 2]  # B3 has no year


def test_late_actions_table(plan):
    late = actionplan.late_actions(plan, AS_OF, lang="es")
    assert late["code"].tolist() == ["A1", "C1"]  # last planned year 2023, then 2024
    assert late["responsible"].tolist() == ["OCR; RIAFD", "RIAFD"]
    assert late["years"].tolist() == ["2022, 2023", "2024"]


def test_partnership_links_and_unknown_codes(plan):
    partnerships = pd.DataFrame({"id": ["P1", "P2", "P3"], "actions": [["A1", "C1"], ["a1 ", "Z9"], []]})
    links = actionplan.partnership_links(plan, partnerships).set_index("code")
    assert links["partnerships"].to_dict() == {"A1": 2, "A2": 0, "B1": 0, "B2": 0, "B3": 0, "C1": 1}
    assert links.loc["A1", "partnership_ids"] == ["P1", "P2"]
    assert actionplan.unknown_action_codes(plan, partnerships).values.tolist() == [["P2", "Z9"]]
    no_links = actionplan.partnership_links(plan, pd.DataFrame(columns=["id", "actions"]))
    assert not no_links["has_partnership"].any()


def test_summary_and_year_filter(plan):
    partnerships = pd.DataFrame({"id": ["P1"], "actions": [["A1", "C1"]]})
    assert actionplan.summary(plan, AS_OF, partnerships) == {
        "actions": 6,
        "not_started": 2,
        "in_progress": 2,
        "done": 1,
        "dropped": 1,
        "late": 2,
        "done_pct": 20.0,
        "mean_progress_pct": 35.0,
        "with_partnership": 2,
    }  # (40+100+0+0)/4
    assert actionplan.filter_year(plan, 2024)["code"].tolist() == ["B2", "C1"]
    assert len(actionplan.filter_year(plan, 0)) == 6
    assert actionplan.plan_years(plan) == [2022, 2023, 2024, 2025]


@pytest.mark.parametrize(
    "about, expected",
    [
        ({"as_of": dt.date(2024, 3, 1)}, dt.date(2024, 3, 1)),
        ({"as_of": dt.datetime(2024, 3, 1, 12)}, dt.date(2024, 3, 1)),
        ({"as_of": "2024-03-31"}, dt.date(2024, 3, 31)),
        ({"as_of": None}, dt.date(2030, 1, 2)),  # falls back to "today"
        (None, dt.date(2030, 1, 2)),
    ],
)
def test_as_of_date(about, expected):
    from partnerlab import screening  # the one resolution of the as-of date, used by every page

    assert screening.as_of_date(about, today=dt.date(2030, 1, 2)) == expected


@pytest.mark.parametrize("lang", ["en", "es"])
def test_timeline_has_a_row_per_action_and_pillar(plan, lang):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from partnerlab.plots.actionplan import plot_status_bars, plot_timeline, plot_workload

    ax = plot_timeline(plan, AS_OF, lang=lang)
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert len(labels) == 6 + 3  # six actions under three pillar headers
    assert labels[1].startswith("A1") and labels[0].startswith("Pil")
    bars = [p for p in ax.patches if p.get_width() == pytest.approx(0.9)]
    assert len(bars) == 2 + 1 + 1 + 2 + 0 + 1  # one bar per planned year
    plot_status_bars(actionplan.progress_by(plan, "pillar", AS_OF), "pillar", lang=lang)
    plot_workload(actionplan.workload(plan, AS_OF), lang=lang)
    plt.close("all")


def test_report_sentences_and_tables(plan):
    partnerships = pd.DataFrame({"id": ["P1"], "name": ["Joint fund"], "actions": [["A1", "Q7"]]})
    (en,), values = actionplan.summary_sentence(plan, AS_OF, partnerships)
    assert "Done: <b>1</b> (20 % of those not dropped)" in en.format(**values)
    assert values["as_of"] == AS_OF  # a date: the page writes it in its language
    es = i18n.translator("es")(en).format(**values)
    assert "atrasadas: <b>2</b>" in es and "Concluidas" in es
    (en,), values = actionplan.links_sentence(plan, partnerships)
    assert en.format(**values).endswith("not in the plan: Q7 (P1).")
    (en,), values = actionplan.links_sentence(plan, partnerships.assign(actions=[["A1"]]))
    assert "not in the plan" not in en.format(**values)  # said only when there are such codes
    assert actionplan.links_table(plan, partnerships).values.tolist() == [["A1", "Action A1", "P1 Joint fund"]]
    unlinked = actionplan.links_table(plan, partnerships, linked=False)
    assert len(unlinked) == 5 and unlinked.columns.tolist() == ["code", "action"]
    table = actionplan.action_table(plan.iloc[::-1], AS_OF)
    assert table["code"].tolist() == ["A1", "A2", "B1", "B2", "B3", "C1"]
    assert actionplan.action_table(plan, AS_OF, lang="es")["is_late"].tolist() == [
        "atrasada",
        "",
        "",
        "",
        "",
        "atrasada",
    ]
    assert actionplan.code_sort_key("1.10") > actionplan.code_sort_key("1.9")


@pytest.mark.parametrize(
    "lang, words",
    [
        ("en", ["Pillar I", "done", "late"]),
        ("es", ["Pilar I", "concluidas", "atrasada"]),
        ("pt", ["Pilar I", "concluídas", "atrasada"]),
    ],
)
def test_pillar_folds_summarise_progress(plan, lang, words):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from partnerlab.plots.actionplan import pillar_folds

    folds = pillar_folds(plan, AS_OF, lang=lang)
    assert len(folds) == len(actionplan.pillars(plan))
    first = folds[0]
    assert all(w in first["summary"] for w in words)
    counts = actionplan.summary(plan[plan["pillar"] == actionplan.pillars(plan)[0]], AS_OF)
    assert len(first["tables"]) == counts["actions"]  # the pillar's courses of action, no other
    ((fig, alt),) = first["figures"]
    assert alt and fig is not None
    plt.close("all")


@pytest.mark.parametrize(
    "text, limit, expected",
    [
        (
            "Conduct a strategic analysis of public, private, and international financial institutions",
            40,
            "Conduct a strategic analysis of public…",
        ),  # cut at a word, trailing comma dropped
        ("Short text", 40, "Short text"),
        ("Short text", None, "Short text"),
        ("Supercalifragilisticexpialidocious words", 12, "Supercalifr…"),  # no space in the second half: hard cut
    ],
)
def test_short_text(text, limit, expected):
    assert actionplan.short_text(text, limit) == expected


def test_report_tables_shorten_action_texts_only_when_asked(plan):
    long_plan = plan.assign(
        code=[f"Z{i}" for i in range(len(plan))], action="word " * 40
    )  # unknown codes: workbook text
    late = actionplan.late_actions(long_plan, AS_OF, action_chars=50)
    assert len(late) and all(len(a) <= 50 and a.endswith("…") for a in late["action"])
    assert all(len(a) > 150 for a in actionplan.late_actions(long_plan, AS_OF)["action"])
    links = actionplan.links_table(long_plan, None, linked=False, action_chars=30)
    assert links["action"].map(len).max() <= 30
