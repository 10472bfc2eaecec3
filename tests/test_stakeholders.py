"""Stakeholder mapping: the Appendix 3 grid, the critical group, counts, diversification, coverage."""

import pandas as pd
import pytest

from partnerlab import stakeholders as sh
from partnerlab import vocab


def _frame(rows):
    cols = ["id", "name", "sector", "states", "influence", "interest", "roles"]
    df = pd.DataFrame(rows, columns=cols)
    df["influence"] = df["influence"].astype("Int64")
    df["interest"] = df["interest"].astype("Int64")
    return df


@pytest.mark.parametrize(
    "influence, interest, expected",
    [
        (5, 5, "critical"),
        (4, 4, "critical"),  # both high: the critical group (Appendix 3, step 2)
        (5, 3, "awareness"),
        (4, 1, "awareness"),  # high influence, low interest: awareness and advocacy
        (3, 5, "capacity"),
        (1, 4, "capacity"),  # high interest, low influence: capacity building
        (3, 3, "monitor"),
        (1, 1, "monitor"),
        (None, 5, None),
        (5, pd.NA, None),  # a blank score is never placed on the grid
    ],
)
def test_quadrant(influence, interest, expected):
    assert sh.quadrant(influence, interest) == expected


def test_threshold_moves_the_cut():
    assert sh.quadrant(3, 3, threshold=3) == "critical"
    assert sh.quadrant(4, 4, threshold=5) == "monitor"


def test_critical_group_sorted_strongest_first():
    df = _frame(
        [
            ("a", "Alpha", "academia", [], 4, 4, []),
            ("b", "Beta", "media", [], 5, 5, []),
            ("c", "Gamma", "media", [], 5, 2, []),
            ("d", "Delta", "other", [], None, 5, []),
        ]
    )
    assert sh.critical_group(df)["id"].tolist() == ["b", "a"]
    assert sh.assign_quadrants(df)["quadrant"].tolist() == ["critical", "critical", "awareness", None]


def test_count_by_keeps_vocabulary_order_and_zeros():
    df = _frame(
        [("a", "A", "media", [], 1, 1, []), ("b", "B", "academia", [], 1, 1, []), ("c", "C", "media", [], 1, 1, [])]
    )
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
    df = _frame(
        [
            ("a", "A", "federal_government", [], 1, 1, []),
            ("b", "B", "federal_government", [], 1, 1, []),
            ("c", "C", "academia", [], 1, 1, []),
            ("d", "D", "media", [], 1, 1, []),
        ]
    )
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
    with pytest.raises(ValueError, match="not in the sector vocabulary"):
        sh.filter_stakeholders(df, sector="bananas")
    with pytest.raises(ValueError, match="not in the federal entity vocabulary"):
        sh.filter_stakeholders(df, state="Atlantis")


def test_sample_has_every_quadrant(sample_wb):
    quadrants = set(sh.assign_quadrants(sample_wb.stakeholders)["quadrant"].dropna())
    assert quadrants == {"critical", "awareness", "capacity", "monitor"}
    assert 10 <= len(sh.critical_group(sample_wb.stakeholders)) <= 25


# ---------------------------------------------------------------------------------------
# the page: sentences of the selection, the grid figure
# ---------------------------------------------------------------------------------------


def test_a_sector_page_speaks_of_the_sector_not_the_portfolio():
    text, values = sh.coverage_sentence(["chiapas", "oaxaca"], sector="federal_government")
    assert text[0].format(**values) == (
        "No stakeholder of the sector Federal government works in 2 of the 32 federal entities: Chiapas, Oaxaca."
    )
    text, values = sh.coverage_sentence(["oaxaca"], lang="es")
    assert values["names"] == "Oaxaca" and text[0].startswith("{n} of 32")
    df = _frame([("a", "A (AA)", "academia", [], 5, 5, []), ("b", "B", "academia", [], 2, 2, [])])
    text, values = sh.selection_sentence(df, sh.critical_group(df), sector="academia", lang="es")
    assert "of the sector" in text[0] and values["sector"] == "Academia" and values["critical"] == "1 (50.0\xa0%)"


def test_grid_labels_are_whole_names():
    assert sh.label_name("Delegación de la Unión Europea en México") == "Delegación de la Unión Europea en México"
    assert sh.label_name("Secretaría de Relaciones Exteriores (SRE)") == "SRE"


def test_sector_styles_tell_every_pair_apart():
    from partnerlab.plots.common import SECTOR_STYLES

    assert set(SECTOR_STYLES) == set(vocab.SECTORS.keys)
    styles = list(SECTOR_STYLES.values())
    assert len(set(styles)) == len(styles)  # no two sectors share colour and marker
    okabe_ito = {"#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000"}
    assert okabe_ito <= {c for c, _ in styles}  # Okabe & Ito (2008), Color Universal Design, all eight used


def test_grid_points_stay_inside_the_scale_and_labels_do_not_overlap(sample_wb):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from partnerlab.plots.stakeholders import plot_influence_interest

    df = sh.filter_stakeholders(sample_wb.stakeholders, sector="federal_government")
    crowded = pd.concat([df] * 2, ignore_index=True).assign(influence=5, interest=5)  # 2x9 points in one corner cell
    for frame in (df, crowded):
        ax = plot_influence_interest(frame)
        points = [off for c in ax.collections for off in c.get_offsets()]
        assert len(points) == len(frame.dropna(subset=["influence", "interest"]))
        assert all(1 <= x <= 5 and 1 <= y <= 5 for x, y in points)
        plt.close(ax.figure)
    ax = plot_influence_interest(df)
    ax.figure.canvas.draw()
    renderer = ax.figure.canvas.get_renderer()
    names = {sh.label_name(n) for n in df["name"]}
    labels = [t for t in ax.texts if t.get_text().replace("\n", " ") in names]
    assert len(labels) == len(df)  # every stakeholder labelled by its whole name
    boxes = [t.get_window_extent(renderer) for t in labels]
    inside = ax.get_window_extent(renderer)
    assert all(inside.x0 <= b.x0 and b.x1 <= inside.x1 and inside.y0 <= b.y0 and b.y1 <= inside.y1 for b in boxes)
    assert not any(a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1 :])
    plt.close("all")
