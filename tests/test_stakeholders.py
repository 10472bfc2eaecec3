"""Stakeholder mapping: the Appendix 3 grid, the critical group, counts, diversification, coverage."""

import pandas as pd
import pytest

from partnerlab import stakeholders as sh, vocab


def _frame(rows):
    cols = ["id", "name", "sector", "states", "influence", "interest", "roles"]
    df = pd.DataFrame(rows, columns=cols)
    df["influence"] = df["influence"].astype("Int64")
    df["interest"] = df["interest"].astype("Int64")
    return df


@pytest.mark.parametrize("influence, interest, expected", [
    (5, 5, "critical"), (4, 4, "critical"),            # both high: the critical group (Appendix 3, step 2)
    (5, 3, "awareness"), (4, 1, "awareness"),          # high influence, low interest: awareness and advocacy
    (3, 5, "capacity"), (1, 4, "capacity"),            # high interest, low influence: capacity building
    (3, 3, "monitor"), (1, 1, "monitor"),
    (None, 5, None), (5, pd.NA, None),                 # a blank score is never placed on the grid
])
def test_quadrant(influence, interest, expected):
    assert sh.quadrant(influence, interest) == expected


def test_threshold_moves_the_cut():
    assert sh.quadrant(3, 3, threshold=3) == "critical"
    assert sh.quadrant(4, 4, threshold=5) == "monitor"


def test_critical_group_sorted_strongest_first():
    df = _frame([
        ("a", "Alpha", "academia", [], 4, 4, []),
        ("b", "Beta", "media", [], 5, 5, []),
        ("c", "Gamma", "media", [], 5, 2, []),
        ("d", "Delta", "other", [], None, 5, []),
    ])
    assert sh.critical_group(df)["id"].tolist() == ["b", "a"]
    assert sh.assign_quadrants(df)["quadrant"].tolist() == ["critical", "critical", "awareness", None]


def test_count_by_keeps_vocabulary_order_and_zeros():
    df = _frame([("a", "A", "media", [], 1, 1, []), ("b", "B", "academia", [], 1, 1, []),
                 ("c", "C", "media", [], 1, 1, [])])
    counts = sh.count_by(df, "sector", vocab.SECTORS)
    assert counts["sector"].tolist() == vocab.SECTORS.keys
    assert counts.set_index("sector").loc["media", "stakeholders"] == 2
    assert counts.set_index("sector").loc["legislature", "stakeholders"] == 0
    assert counts["share_pct"].sum() == pytest.approx(100, abs=0.2)


def test_states_without_partners_counts_stakeholders_and_partnerships():
    df = _frame([("a", "A", "media", ["oaxaca", "chiapas"], 1, 1, [])])
    partnerships = pd.DataFrame({"members": [["a"]], "lead": ["a"], "states": [["jalisco"]]})
    missing = sh.states_without_partners(df, partnerships)
    assert len(missing) == 29
    assert not {"oaxaca", "chiapas", "jalisco"} & set(missing)
    assert sh.count_states(df).set_index("state").loc["oaxaca", "stakeholders"] == 1


def test_diversification_by_hand():
    # Shares in the partner base: federal 2/3, academia 1/3 -> HHI 4/9 + 1/9 = 0.556, 1/HHI = 1.8
    df = _frame([("a", "A", "federal_government", [], 1, 1, []), ("b", "B", "federal_government", [], 1, 1, []),
                 ("c", "C", "academia", [], 1, 1, []), ("d", "D", "media", [], 1, 1, [])])
    partnerships = pd.DataFrame({"members": [["a", "c"]], "lead": ["b"], "states": [[]]})
    div = sh.diversification(df, partnerships).set_index("group")
    assert div.loc["partners", "stakeholders"] == 3
    assert div.loc["partners", "public_pct"] == pytest.approx(66.7)
    assert div.loc["partners", "hhi"] == pytest.approx(0.556, abs=1e-3)
    assert div.loc["partners", "effective_sectors"] == pytest.approx(1.8)
    assert div.loc["all", "sectors"] == 3


def test_roles_by_sector():
    df = _frame([("a", "A", "media", [], 1, 1, ["donor", "champion"]), ("b", "B", "academia", [], 1, 1, ["donor"])])
    table = sh.roles_by_sector(df)
    assert table.loc["donor"].tolist() == [1, 1]  # academia, media in vocabulary order
    assert table.loc["champion", "media"] == 1


def test_filter_accepts_labels_and_rejects_unknown():
    df = _frame([("a", "A", "civil_society", ["ciudad_de_mexico"], 1, 1, []), ("b", "B", "media", [], 1, 1, [])])
    assert sh.filter_stakeholders(df, sector="Sociedad civil")["id"].tolist() == ["a"]
    assert sh.filter_stakeholders(df, state="CDMX")["id"].tolist() == ["a"]
    with pytest.raises(ValueError, match="not a sector"):
        sh.filter_stakeholders(df, sector="bananas")


def test_sample_has_every_quadrant(sample_wb):
    quadrants = set(sh.assign_quadrants(sample_wb.stakeholders)["quadrant"].dropna())
    assert quadrants == {"critical", "awareness", "capacity", "monitor"}
    assert 10 <= len(sh.critical_group(sample_wb.stakeholders)) <= 25
