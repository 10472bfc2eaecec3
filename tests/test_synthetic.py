"""Tests of samples.synthetic: the generated workbook is valid, sized and reproducible."""

from __future__ import annotations

from collections import Counter

import pytest
from openpyxl import load_workbook as open_xlsx

from partnerlab import schema, vocab
from partnerlab.workbook import check_workbook
from samples.synthetic import SECTOR_MIX, make_synthetic_workbook, synthetic_tables


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    path = make_synthetic_workbook(tmp_path_factory.mktemp("syn") / "syn.xlsx", 200, ties_per_stakeholder=4, seed=3)
    return open_xlsx(path, read_only=True), path


@pytest.mark.parametrize("sheet, rows", [("stakeholders", 200), ("ties", 800), ("partnerships", 4)])
def test_sheets_have_schema_headers_and_sizes(book, sheet, rows):
    wb, _ = book
    values = list(wb[sheet].iter_rows(values_only=True))
    assert list(values[0]) == [c.key for c in schema.sheet(sheet).columns]
    assert len(values) - 1 == rows


def test_values_are_within_the_contract():
    tables = synthetic_tables(300, 5, seed=4)
    ids = {r["id"] for r in tables["stakeholders"]}
    assert len(ids) == 300
    for r in tables["stakeholders"]:
        assert r["sector"] in vocab.SECTORS and 1 <= r["influence"] <= 5 and 1 <= r["interest"] <= 5
        assert all(vocab.STATES.lookup(s) for s in r["states"])
        assert set(r["partners"]) <= ids and "(fictional)" in r["name"]
    for t in tables["ties"]:
        assert t["source"] in ids and t["target"] in ids and t["source"] != t["target"]
        assert t["kind"] in vocab.TIE_KINDS and t["strength"] in (1, 2, 3)
        assert t["until"] is None or t["until"] > t["since"]
    for p in tables["partnerships"]:
        assert p["lead"] in ids and set(p["members"]) <= ids and p["lead"] not in p["members"]


def test_sector_mix_is_realistic():
    sectors = Counter(r["sector"] for r in synthetic_tables(5000, 1, seed=0)["stakeholders"])
    for key, share in SECTOR_MIX.items():
        assert sectors[key] / 5000 == pytest.approx(share, abs=0.02)


def test_reproducible_and_seed_sensitive():
    assert synthetic_tables(50, seed=9) == synthetic_tables(50, seed=9)
    assert synthetic_tables(50, seed=9) != synthetic_tables(50, seed=10)


def test_lists_are_joined_with_semicolons(book):
    wb, _ = book
    rows = list(wb["partnerships"].iter_rows(values_only=True))
    members = rows[1][rows[0].index("members")]
    assert "; " in members


def test_loads_without_errors(book):
    _, path = book
    wb, problems = check_workbook(path)
    assert wb is not None and not [str(p) for p in problems if p.is_error]
    assert len(wb.stakeholders) == 200 and len(wb.ties) == 800
    assert wb.stakeholders["partners"].map(type).eq(list).all()  # lists split on "; "
