"""Property tests of the loader (hypothesis): valid workbooks load back to the same tables;
damaged workbooks always end in problem lines, never in a traceback."""

from __future__ import annotations

import functools
import tempfile
from pathlib import Path

import openpyxl
import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from partnerlab import template, vocab
from partnerlab.workbook import check_workbook

SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZáéíóúñÁÉÍÓÚÑü"
NAME_CHARS = LETTERS + "0123456789 .,()&-'"

ids = st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.", min_size=1, max_size=8)
names = st.text(alphabet=NAME_CHARS, min_size=1, max_size=40).map(lambda s: " ".join(s.split())).filter(bool)
sector_spellings = st.sampled_from([(t.key, s) for t in vocab.SECTORS for s in (t.key, t.en, t.es)])
scores = st.one_of(st.none(), st.integers(1, 5))


@st.composite
def portfolios(draw):
    keys = draw(st.lists(ids, min_size=1, max_size=12, unique_by=vocab.normalize))  # the loader's id rule
    rows = []
    for key in keys:
        sector_key, spelling = draw(sector_spellings)
        rows.append(
            {
                "id": key,
                "name": draw(names),
                "sector": spelling,
                "_sector": sector_key,
                "influence": draw(scores),
                "interest": draw(scores),
                "partners": draw(st.lists(st.sampled_from(keys), max_size=3, unique=True)),
            }
        )
    ties = [
        {
            "source": draw(st.sampled_from(keys)),
            "target": draw(st.sampled_from(keys)),
            "strength": draw(st.integers(1, 3)),
            "since": draw(st.one_of(st.none(), st.integers(1990, 2030))),
        }
        for _ in range(draw(st.integers(0, 15)))
    ]
    return rows, ties


@SETTINGS
@given(portfolio=portfolios(), lang=st.sampled_from(["en", "es"]))
def test_valid_workbooks_load_back_to_the_same_tables(portfolio, lang):
    rows, ties = portfolio
    with tempfile.TemporaryDirectory() as tmp:
        path = template.write_workbook(Path(tmp) / "p.xlsx", {"stakeholders": rows, "ties": ties}, lang=lang)
        wb, problems = check_workbook(path)
    assert [str(p) for p in problems if p.is_error] == []
    s = wb.stakeholders
    assert s["id"].tolist() == [r["id"] for r in rows]
    assert s["name"].tolist() == [r["name"] for r in rows]
    assert s["sector"].tolist() == [r["_sector"] for r in rows]
    assert [None if pd.isna(v) else int(v) for v in s["influence"]] == [r["influence"] for r in rows]
    assert s["partners"].tolist() == [r["partners"] for r in rows]
    t = wb.ties
    assert t[["source", "target"]].values.tolist() == [[x["source"], x["target"]] for x in ties]
    assert t["strength"].tolist() == [x["strength"] for x in ties]
    assert [None if pd.isna(v) else int(v) for v in t["since"]] == [x["since"] for x in ties]


def _valid_book(folder: Path) -> Path:
    rows = [
        {
            "id": f"A{i}",
            "name": f"Organización ficticia {i}",
            "sector": "academia",
            "influence": 3,
            "interest": 2,
            "partners": [f"A{(i + 1) % 5}"],
        }
        for i in range(5)
    ]
    ties = [{"source": "A0", "target": "A1", "strength": 2, "since": 2020}]
    return template.write_workbook(folder / "valid.xlsx", {"stakeholders": rows, "ties": ties})


@functools.cache
def _valid_bytes() -> bytes:
    """One valid file, the same bytes for every example (the zip holds a timestamp)."""
    with tempfile.TemporaryDirectory() as tmp:
        return _valid_book(Path(tmp)).read_bytes()


# An invalid value for each typed column of the stakeholders sheet (template order:
# id A, name B, sector C, ..., partners K, influence L, interest M, roles N).
JUNK = {
    "A": ["", "two words", "ñ/1"],  # id: required, a code
    "B": [""],  # name: required
    "C": ["", "sociedad", "42"],  # sector: required vocabulary
    "D": ["everywhere"],  # scope vocabulary
    "E": ["Atlantis"],  # states
    "K": ["NOPE", "A1; GHOST"],  # partners: unknown ids
    "L": ["0", "6", "2.5", "alto", "-1"],  # influence 1-5
    "M": ["x"],  # interest
    "N": ["jefe"],  # roles vocabulary
}


@SETTINGS
@given(cell=st.sampled_from(sorted(JUNK)), row=st.integers(2, 6), data=st.data())
def test_damaged_cells_always_end_in_a_problem_line(cell, row, data):
    junk = data.draw(st.sampled_from(JUNK[cell]))
    with tempfile.TemporaryDirectory() as tmp:
        path = _valid_book(Path(tmp))
        book = openpyxl.load_workbook(path)
        book["stakeholders"][f"{cell}{row}"].value = junk or None
        book.save(path)
        wb, problems = check_workbook(path)
    errors = [str(p) for p in problems if p.is_error]
    assert wb is None and errors
    assert any(f"stakeholders!{cell}{row}" in e or (cell == "A" and "!K" in e) for e in errors), errors


@SETTINGS
@given(data=st.data())
def test_damaged_bytes_never_raise(data):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "valid.xlsx"
        raw = bytearray(_valid_bytes())
        how = data.draw(st.sampled_from(["flip", "truncate", "insert"]))
        at = data.draw(st.integers(0, len(raw) - 1))
        if how == "flip":
            raw[at] ^= data.draw(st.integers(1, 255))
        elif how == "truncate":
            del raw[at:]
        else:
            raw[at:at] = data.draw(st.binary(min_size=1, max_size=64))
        path.write_bytes(bytes(raw))
        wb, problems = check_workbook(path)  # must not raise
    assert wb is not None or any(p.is_error for p in problems)
    for p in problems:
        assert "Traceback" not in str(p) and str(p).startswith("valid.xlsx: ")
