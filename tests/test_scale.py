"""What makes the 100,000-stakeholder network report possible keeps the results of the slow way.

The loader parses a value repeated in a column once (partnerlab.workbook), build_tie_graph reads
the ties column by column (partnerlab.network): both must give what one cell at a time gives,
and a bad value repeated in many rows must still be reported in each of its cells.
"""

from __future__ import annotations

import openpyxl
import pandas as pd
import pytest

from partnerlab import network as net
from partnerlab import paths
from partnerlab.workbook import check_workbook
from partnerlab.xlsx import gc_paused


def test_a_repeated_bad_value_is_reported_in_each_of_its_cells(tmp_path):
    book = openpyxl.load_workbook(paths.SAMPLE_WORKBOOK)
    ties = book["vinculos"]
    column = [c.value for c in ties[1]].index("intensidad") + 1
    letter = openpyxl.utils.get_column_letter(column)
    for row in (2, 3, 5):
        ties.cell(row=row, column=column, value="mucha")
    path = tmp_path / "repeated.xlsx"
    book.save(path)
    _, problems = check_workbook(path)
    cells = sorted(p.cell for p in problems if p.sheet == "vinculos" and p.is_error)
    assert cells == sorted(f"{letter}{r}" for r in (2, 3, 5))


def test_repeated_good_values_read_as_one_cell_at_a_time(sample_wb):
    ties = sample_wb.ties
    # every strength, kind and year of the sample repeats: the parsed columns hold plain values
    assert ties["strength"].map(type).isin([int]).all()
    assert ties["kind"].notna().all() and ties["kind"].nunique() < len(ties)


@pytest.mark.parametrize("as_of_year", [None, 2019, 2024])
def test_tie_graph_by_columns_equals_the_row_by_row_rules(as_of_year):
    ties = pd.DataFrame(
        {
            "source": ["A", "A", "B", "C", None, "D", "A"],
            "target": ["B", "B", "C", "A", "A", "D", "C"],
            "kind": ["funding", None, "partnership", "funding", "partnership", "partnership", ""],
            "directed": [None, None, True, False, None, None, None],
            "strength": [3, 1.0, None, 2, 1, 1, float("nan")],
            "since": [2018, None, 2020, None, None, None, pd.Timestamp("2023-05-01")],
            "until": [None, 2018, None, 2025, None, None, None],
        }
    )
    stakeholders = pd.DataFrame({"id": list("ABCD"), "name": list("abcd"), "sector": ["media"] * 4})
    got = net.build_tie_graph({"stakeholders": stakeholders, "ties": ties}, as_of_year=as_of_year)
    expected: dict = {}
    for rec in ties.to_dict("records"):  # the rules of build_tie_graph's docstring, one row at a time
        if not net._is_active(rec["since"], rec["until"], as_of_year):
            continue
        kind = net._clean(rec["kind"]) or "partnership"
        directed = net._clean(rec["directed"])
        directed = kind == "funding" if directed is None else directed
        strength = int(net._clean(rec["strength"]) or 1)
        net._add_tie(expected, rec["source"], rec["target"], kind, bool(directed), strength, "ties")
    assert set(got.edges()) == set(expected)
    for (u, v), attrs in expected.items():
        assert got.edges[u, v] == {"weight": attrs["strength"], **attrs}


def test_gc_paused_restores_the_collector():
    import gc

    assert gc.isenabled()
    with gc_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(ValueError), gc_paused():
        raise ValueError
    assert gc.isenabled()


@pytest.mark.parametrize("fmt", ["gexf", "graphml", "xlsx"])
def test_the_export_writers_stream_to_the_file_while_reading_their_input(tmp_path, fmt):
    """network.gexf, network.graphml and kumu.xlsx at registry size (issue 16): what is written reaches the
    file while the nodes are still being read, so no whole tree or sheet is held in memory."""
    from partnerlab import xmlwrite

    path = tmp_path / f"big.{fmt}"
    sizes = []

    def nodes(n=30_000):
        for i in range(n):
            if i == n - 1:
                sizes.append(path.stat().st_size)
            yield f"S{i:06d}", {"name": f'Organisation {i} <&> "{i}"', "degree": i % 7, "pagerank": i / n}

    attrs = [("name", "string"), ("degree", "long"), ("pagerank", "double")]
    if fmt == "gexf":
        xmlwrite.write_gexf(path, ((v, a["name"], a) for v, a in nodes()), [], attrs, [])
    elif fmt == "graphml":
        xmlwrite.write_graphml(path, nodes(), [], attrs, [])
    else:
        rows = ((v, a["name"], a["degree"], a["pagerank"]) for v, a in nodes(200_000))
        xmlwrite.write_xlsx(path, {"Elements": (["ID", "Label", "Degree", "Pagerank"], rows, [10, 30, 8, 12])})
    assert sizes and sizes[0] > 1_000_000  # megabytes on disk before the last node was read
    assert path.stat().st_size > sizes[0]
