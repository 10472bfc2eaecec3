"""Likely duplicate stakeholders (partnerlab.duplicates)."""

from __future__ import annotations

import pandas as pd
import pytest

from partnerlab.duplicates import acronym, find_duplicates, name_key


def _frame(names: list[str]) -> pd.DataFrame:
    return pd.DataFrame({"id": [f"S{i}" for i in range(len(names))], "name": names, "row": range(2, len(names) + 2)})


@pytest.mark.parametrize(
    "a, b",
    [
        ("Secretaría de Hacienda y Crédito Público", "SECRETARIA DE HACIENDA Y CREDITO PUBLICO"),
        ("Secretaría de Hacienda y Crédito Público (SHCP)", "Secretaria Hacienda, Credito Publico"),
        ("Cámara de Diputados", "Camara  de  los Diputados."),
        ("Fundacio\u0301n Ejemplo", "Fundación\u00a0Ejemplo"),  # NFD accent, non-breaking space
    ],
)
def test_same_name_after_normalising(a, b):
    assert name_key(a) == name_key(b)
    pairs = find_duplicates(_frame([a, b]))
    assert pairs[["id_a", "id_b", "row_a", "row_b", "reason"]].values.tolist() == [["S0", "S1", 2, 3, "same name"]]


@pytest.mark.parametrize(
    "a, b",
    [
        ("Secretaría de Economía", "Secretaría de Energía"),
        ("Instituto Nacional de las Mujeres", "Instituto Nacional de los Pueblos Indígenas"),
        ("Gobierno de Oaxaca", "Gobierno de Chiapas"),
    ],
)
def test_different_institutions_are_not_flagged(a, b):
    assert find_duplicates(_frame([a, b])).empty


def test_acronym_in_brackets_matches_a_row_named_by_it():
    names = ["SHCP", "Secretaría de Hacienda y Crédito Público (SHCP)", "Senado de la República"]
    pairs = find_duplicates(_frame(names))
    assert pairs[["id_a", "id_b", "reason"]].values.tolist() == [["S0", "S1", "acronym"]]


def test_acronym():
    assert acronym("Banco Interamericano de Desarrollo (BID)") == "bid"
    assert acronym("Agencia (de cooperación alemana)") is None  # several words: not an acronym
    assert acronym("GIZ") is None


def test_each_pair_once_and_blank_names_skipped():
    names = ["Colectivo Uno", "COLECTIVO UNO", "colectivo uno", None]
    pairs = find_duplicates(_frame(names))
    assert pairs[["id_a", "id_b"]].values.tolist() == [["S0", "S1"], ["S0", "S2"]]


def test_empty_table():
    assert list(find_duplicates(_frame([])).columns) == ["id_a", "name_a", "row_a", "id_b", "name_b", "row_b", "reason"]
