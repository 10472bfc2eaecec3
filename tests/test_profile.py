"""Partner profile assembly: one stakeholder's pieces, from small inline tables."""

from __future__ import annotations

import types

import pandas as pd
import pytest

from partnerlab import profile, quality, vocab


@pytest.fixture
def wb() -> types.SimpleNamespace:
    stakeholders = pd.DataFrame(
        {
            "id": ["ORG1", "ORG2", "ORG3"],
            "name": ["Red Uno (fictional)", "Fondo Dos (fictional)", "Instituto Tres (fictional)"],
            "sector": ["civil_society", "private_sector", "academia"],
            "scope": ["national", None, "state"],
            "states": [["ciudad_de_mexico", "oaxaca"], [], []],
            "mandate": ["Rights of indigenous youth", None, None],
            "partners": [["ORG2"], [], []],
            "influence": pd.array([4, 2, None], dtype="Int64"),
            "interest": pd.array([5, 1, 3], dtype="Int64"),
            "roles": [["implementing_partner", "champion"], [], []],
            "contact": ["ana@example.org", "+52 55 0000 0000", None],
        }
    )
    dd = pd.DataFrame(
        {
            "stakeholder": ["ORG1", "ORG1", "ORG2"],
            "assessed_on": pd.to_datetime(["2023-01-10", "2024-09-01", "2025-01-01"]),
            "assessor": ["A", "B", "C"],
            "notes": [None, "renewed", None],
        }
    )
    for q in vocab.DUE_DILIGENCE_QUESTIONS:
        default = not q.is_red_flag
        dd[q.code] = pd.array([default, default, default], dtype="boolean")
    dd.loc[0, "q05"] = True  # the old screening excluded ORG1
    dd.loc[1, "q03"] = None  # the renewal left q03 blank: incomplete
    dd.loc[2, "q10"] = True
    partnerships = pd.DataFrame(
        {
            "id": ["P1", "P2", "P3"],
            "name": ["Alianza A", "Alianza B", "Alianza C"],
            "type": ["implementation", "advocacy", None],
            "lead": ["ORG1", "ORG3", "ORG3"],
            "members": [["ORG2"], ["ORG1", "ORG2"], []],
            "status": ["active", "exploring", "active"],
        }
    )
    qa = pd.DataFrame(
        {
            "partnership": ["P1", "P1"],
            "assessed_on": pd.to_datetime(["2024-05-01"] * 2),
            "perspective": ["government", "civil_society"],
            **{
                d: pd.array(v, dtype="Int64")
                for d, v in zip(quality.DIMENSIONS, ([3, 1], [3, 3], [2, 2], [1, 1], [3, 3], [2, 2]))
            },
        }
    )
    va = pd.DataFrame(
        {
            "subject": ["ORG1", "P2"],
            "subject_kind": ["stakeholder", "partnership"],
            "assessed_on": pd.to_datetime(["2024-10-01", "2025-02-01"]),
            **{c.code: ["acceptable", "acceptable"] for c in vocab.VALUE_CRITERIA},
            "pending": ["Confirm funding", None],
            "decision": ["proceed", None],
            "decision_date": pd.to_datetime(["2024-10-15", None]),
        }
    )
    va.loc[0, "c7a"] = "adjustments"
    va.loc[1, "c6"] = "not_acceptable"
    return types.SimpleNamespace(
        stakeholders=stakeholders,
        partnerships=partnerships,
        due_diligence=dd,
        value_assessment=va,
        quality_assessment=qa,
        ties=pd.DataFrame(columns=["source", "target", "kind", "directed", "strength", "since", "until", "note"]),
        about={"as_of": pd.Timestamp("2025-06-30").date()},
    )


def test_mapping_row_translates_and_never_shows_contact(wb):
    en = profile.mapping_row(wb.stakeholders, "org1", "en")
    es = profile.mapping_row(wb.stakeholders, "ORG1", "es").set_index("field")["value"]
    fields = dict(zip(en["field"], en["value"]))
    assert fields["Sector"] == "Civil society" and es["Sector"] == "Sociedad civil"
    assert fields["Roles"] == "Implementing partner; Champion" and es["Roles"] == "Socio implementador; Impulsor"
    assert fields["Partnerships with other stakeholders"] == "Fondo Dos (fictional)"
    assert "ana@example.org" not in en.to_string() and "contact" not in " ".join(en["field"]).lower()
    # blank fields are left out
    assert "Mandate" not in set(profile.mapping_row(wb.stakeholders, "ORG2")["field"])


def test_unknown_stakeholder_is_a_clear_error(wb):
    with pytest.raises(KeyError, match="no stakeholder with the id or name 'NOPE'"):
        profile.mapping_row(wb.stakeholders, "NOPE")


def test_screening_profile_latest_and_age(wb):
    got = profile.screening_profile(wb.due_diligence, "ORG1", "2025-06-30", 365)
    assert got["outcome"] == "incomplete" and got["age_days"] == 302 and not got["is_stale"]  # 2024-09-01 -> 2025-06-30
    assert got["findings"]["question"].tolist() == ["q03"]
    assert got["history"]["outcome"].tolist() == ["incomplete", "excluded"]
    assert profile.screening_profile(wb.due_diligence, "ORG3")["outcome"] == "not_screened"


def test_value_profile(wb):
    got = profile.value_profile(wb.value_assessment, "ORG1")
    assert got["suggested"] == "proceed" and got["decision"] == "proceed" and got["agreement"] == "agrees"
    assert got["criteria"][["rating", "criterion"]].values.tolist() == [["adjustments", "c7a"]]
    assert profile.value_profile(wb.value_assessment, "ORG3") is None


def test_partnerships_of_with_quality_and_decision(wb):
    got = profile.partnerships_of(wb.partnerships, "ORG1", wb.quality_assessment, wb.value_assessment)
    assert got[["partnership", "role"]].values.tolist() == [["P1", "lead"], ["P2", "member"]]
    p1 = got.set_index("partnership").loc["P1"]
    # no collective view: mean of government and civil society; inclusion = ((3+1)/2 + 3) / 2
    assert p1["basis"] == "mean" and p1["inclusion"] == 2.5 and p1["lowest_dimension"] == "influence_on_decisions"
    p2 = got.set_index("partnership").loc["P2"]
    assert p2["suggested"] == "decline" and pd.isna(p2["decision"]) and pd.isna(p2["inclusion"])
    assert profile.partnerships_of(wb.partnerships, "ORG9").empty


def test_build_profile_has_every_section(wb):
    got = profile.build_profile(wb, "org2", lang="es")
    assert got["id"] == "ORG2" and got["screening"]["outcome"] == "excluded"
    assert got["screening"]["findings"]["text"].iloc[0].startswith("¿Fabrica, vende o distribuye tabaco")
    assert got["grid"]["influence"] == 2 and got["grid"]["interest"] == 1
    assert set(got) == {"id", "name", "sector", "mapping", "grid", "network", "screening", "value", "partnerships"}
    assert profile.profile_ids(wb, critical=["ORG1"]) == ["ORG1"]
    assert profile.default_stakeholder(wb, critical=[]) == "ORG1"


def test_network_position(wb):
    got = profile.network_position(wb, "ORG1")
    # ORG1 is tied to ORG2 (partners list) and to ORG2 and ORG3 through P1 and P2
    assert got["degree"] == 2 and got["n_stakeholders"] == 3
    assert sorted(got["partners"]["name"]) == ["Fondo Dos (fictional)", "Instituto Tres (fictional)"]


@pytest.mark.parametrize(
    ("sid", "quadrant", "rank"),
    [
        ("ORG1", "critical", 1),  # influence 4, interest 5: both at the threshold or above
        ("ORG2", "monitor", None),  # 2, 1
        ("ORG3", None, None),  # influence blank: no grid position, never read as low
    ],
)
def test_grid_position_and_critical_rank(wb, sid, quadrant, rank):
    got = profile.grid_position(wb.stakeholders, sid)
    assert got["quadrant"] == quadrant and got["critical_rank"] == rank and got["critical_size"] == 1


def test_default_profiles_are_the_critical_group(wb):
    assert profile.profile_ids(wb) == ["ORG1"]
    assert profile.default_stakeholder(wb) == "ORG1"
    assert profile.critical_group_ids(wb, threshold=2) == ["ORG1"]  # ORG2 has interest 1
    assert profile.critical_group_ids(wb, threshold=1) == ["ORG1", "ORG2"]


def test_display_tables_hold_keys_the_report_translates(wb):
    from partnerlab.page import format_table

    p = profile.build_profile(wb, "ORG1")
    partners = profile.network_partners_display(p["network"])
    assert "direction" not in partners  # every tie here is undirected: the column would say "both" on each row
    shown = format_table(partners, "es", labels=profile.TABLE_LABELS, vocabularies=profile.TABLE_VOCABS)
    assert set(shown["Sector"]) == {"Sector privado", "Academia"}
    table = profile.partnerships_display(p["partnerships"], "es")
    # P1, mean of government and civil society: dimensions 2, 3, 2, 1, 3, 2, so inclusion (2+3)/2,
    # participation (2+1)/2, accountability (3+2)/2
    assert table.loc[0, "principles"] == "2.5 / 1.5 / 2.5" and table.loc[0, "role"] == "lead"
    shown = format_table(table, "es", labels=profile.TABLE_LABELS, vocabularies=profile.TABLE_VOCABS)
    assert shown["Papel"].tolist() == ["Líder", "Miembro"] and shown["Decisión sugerida"].tolist()[1] == "Declinar"


def test_a_stakeholder_is_found_by_its_name_too(wb):
    name = wb.stakeholders["name"].iloc[1]
    assert profile.find_stakeholder(wb.stakeholders, name.upper()) == wb.stakeholders["id"].iloc[1]


def test_profile_sentences_read_in_the_page_language():
    s = {"outcome": "caution", "assessed_on": pd.Timestamp("2025-01-20"), "age_days": 1, "is_stale": False}
    assert profile.screening_sentence(s, "es") == "Última evaluación el 20 de enero de 2025 (hace 1 día): Precaución."
    assert (
        profile.screening_sentence({**s, "age_days": 400, "is_stale": True}, "pt")
        == "Última avaliação em 20 de janeiro de 2025 (há 400 dias, a renovar): Cautela."
    )
    n = {"degree": 1, "n_sectors": 1, "betweenness_rank": 2, "n_stakeholders": 10, "is_approximate": False}
    assert profile.network_sentence(n, "es").startswith("1 aliado directo de 1 sector; lugar 2 de 10 actores")
