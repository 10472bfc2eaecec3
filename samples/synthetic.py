"""Synthetic workbooks of any size for tests and benchmarks (not the bundled sample).

Every organisation is fictional ("Synthetic organisation 17 (fictional)"). Sectors follow a
realistic mix, ties prefer the tier's own sector (so silos exist to be found) and a few
hubs (so brokers exist), and a few partnerships group stakeholders. The file is written
with openpyxl's write-only mode, headers in row 1 as the English column keys of
``partnerlab.schema``, lists joined with "; ".

>>> import tempfile, pathlib
>>> path = make_synthetic_workbook(pathlib.Path(tempfile.mkdtemp()) / "s.xlsx", 30, seed=1)
>>> path.suffix
'.xlsx'
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
from openpyxl import Workbook

from partnerlab import schema, vocab

__all__ = ["SECTOR_MIX", "make_synthetic_workbook", "synthetic_tables"]

# Share of stakeholders per sector: many CSOs and companies, few UN entities, as a
# country-level partnership portfolio looks (Appendix 3's stakeholder families).
SECTOR_MIX: dict[str, float] = {
    "federal_government": 0.10,
    "legislature": 0.03,
    "local_government": 0.12,
    "private_sector": 0.18,
    "financial_sector": 0.04,
    "academia": 0.12,
    "civil_society": 0.24,
    "international_cooperation": 0.06,
    "un_system": 0.05,
    "media": 0.04,
    "other": 0.02,
}
_SCOPES = ("international", "regional", "national", "state", "municipal")
_KINDS = ("partnership", "coordination", "dialogue", "knowledge", "funding", "other")
_KIND_P = (0.35, 0.2, 0.2, 0.12, 0.08, 0.05)
_SAME_SECTOR = 0.55  # chance that a tie stays inside the source's sector (silos)
_UN_SHARE = 0.15  # chance that a cross-sector tie goes to the UN system (the bridge)


def make_synthetic_workbook(
    path: str | Path,
    n_stakeholders: int,
    ties_per_stakeholder: float = 5,
    seed: int = 0,
    n_partnerships: int | None = None,
) -> Path:
    """Write a valid synthetic workbook (about, stakeholders, ties, partnerships).

    Args:
        path: the .xlsx to write (its folder is created).
        n_stakeholders: number of stakeholders.
        ties_per_stakeholder: ties-sheet rows per stakeholder (the ties sheet has
            ``round(n_stakeholders * ties_per_stakeholder)`` rows).
        seed: the random seed: the same arguments give the same content.
        n_partnerships: partnerships to write; None = one per 50 stakeholders (at least 2).

    Returns:
        The path written.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tables = synthetic_tables(n_stakeholders, ties_per_stakeholder, seed, n_partnerships)
    book = Workbook(write_only=True)
    about = book.create_sheet("about")
    about.append(["field", "value"])
    for key, value in (
        ("portfolio", f"Synthetic portfolio of {n_stakeholders} stakeholders (fictional)"),
        ("country", "Mexico"),
        ("as_of", dt.date(2025, 6, 30)),
        ("language", "en"),
        ("prepared_by", "samples.synthetic"),
    ):
        about.append([key, value])
    for key, rows in tables.items():
        keys = [c.key for c in schema.sheet(key).columns]
        ws = book.create_sheet(key)
        ws.append(keys)
        for row in rows:
            ws.append([_cell(row.get(k)) for k in keys])
    book.save(path)
    return path


def synthetic_tables(
    n_stakeholders: int, ties_per_stakeholder: float = 5, seed: int = 0, n_partnerships: int | None = None
) -> dict[str, list[dict]]:
    """The rows of a synthetic workbook: {sheet key: list of row dicts keyed by column key}."""
    rng = np.random.default_rng(seed)
    n = int(n_stakeholders)
    sectors = list(SECTOR_MIX)
    weights = np.array(list(SECTOR_MIX.values()))
    sector_of = rng.choice(len(sectors), size=n, p=weights / weights.sum())
    ids = [f"S{i:05d}" for i in range(1, n + 1)]
    states = vocab.STATES.labels("en")
    fitness = rng.pareto(1.5, size=n) + 1.0  # a few hubs attract many ties
    un_pool = np.flatnonzero(sector_of == sectors.index("un_system"))
    fitness[un_pool] *= 3.0

    stakeholders = []
    for i in range(n):
        sector = sectors[sector_of[i]]
        scope = _SCOPES[rng.integers(len(_SCOPES))]
        k = 1 if scope in ("state", "municipal") else int(rng.integers(0, 4))
        st = [states[j] for j in sorted(rng.choice(len(states), size=k, replace=False))]
        stakeholders.append(
            {
                "id": ids[i],
                "name": f"Synthetic organisation {i + 1} (fictional)",
                "sector": sector,
                "scope": scope,
                "states": st,
                "influence": int(rng.integers(1, 6)),
                "interest": int(rng.integers(1, 6)),
                "partners": [],
            }
        )

    # Ties: sources uniform; targets by fitness, inside the sector with _SAME_SECTOR.
    m = int(round(n * ties_per_stakeholder))
    pools = [np.flatnonzero(sector_of == s) for s in range(len(sectors))]
    pool_p = [fitness[p] / fitness[p].sum() if len(p) else None for p in pools]
    all_p = fitness / fitness.sum()
    src = rng.integers(0, n, size=m)
    same = rng.random(m) < _SAME_SECTOR
    to_un = (~same) & (rng.random(m) < _UN_SHARE) & (len(un_pool) > 0)
    tgt = rng.choice(n, size=m, p=all_p)
    for s in range(len(sectors)):
        idx = np.flatnonzero(same & (sector_of[src] == s))
        if len(idx) and len(pools[s]) > 1:
            tgt[idx] = rng.choice(pools[s], size=len(idx), p=pool_p[s])
    if to_un.any():
        tgt[to_un] = rng.choice(un_pool, size=int(to_un.sum()), p=fitness[un_pool] / fitness[un_pool].sum())
    loops = src == tgt
    tgt[loops] = (tgt[loops] + 1) % n
    kinds = rng.choice(len(_KINDS), size=m, p=_KIND_P)
    strength = rng.choice([1, 2, 3], size=m, p=[0.5, 0.3, 0.2])
    since = rng.integers(2010, 2025, size=m)
    ended = rng.random(m) < 0.1
    ties = []
    for j in range(m):
        until = int(since[j] + rng.integers(1, 4)) if ended[j] else None
        ties.append(
            {
                "source": ids[src[j]],
                "target": ids[tgt[j]],
                "kind": _KINDS[kinds[j]],
                "strength": int(strength[j]),
                "since": int(since[j]),
                "until": until,
            }
        )
    for j in range(0, m, 7):  # a few ties also written in the partners column
        if ties[j]["until"] is None and ties[j]["kind"] == "partnership":
            row = stakeholders[src[j]]
            if len(row["partners"]) < 6 and ties[j]["target"] not in row["partners"]:
                row["partners"].append(ties[j]["target"])

    k = max(2, n // 50) if n_partnerships is None else n_partnerships
    partnerships = []
    for p in range(1, k + 1):
        size = int(min(n, rng.integers(3, 9)))
        who = rng.choice(n, size=size, replace=False, p=all_p)
        start = dt.date(int(rng.integers(2018, 2025)), int(rng.integers(1, 13)), 1)
        partnerships.append(
            {
                "id": f"P{p:04d}",
                "name": f"Synthetic partnership {p} (fictional)",
                "type": vocab.PARTNERSHIP_TYPES.keys[rng.integers(len(vocab.PARTNERSHIP_TYPES))],
                "typology": vocab.TYPOLOGY.keys[rng.integers(len(vocab.TYPOLOGY))],
                "lead": ids[who[0]],
                "members": [ids[w] for w in who[1:]],
                "sdgs": sorted({int(x) for x in rng.integers(1, 18, size=2)}),
                "start": start,
                "status": "active",
            }
        )
    return {"stakeholders": stakeholders, "ties": ties, "partnerships": partnerships}


def _cell(value: object) -> object:
    if value is None:
        return None
    if isinstance(value, (list, tuple)):
        return "; ".join(str(v) for v in value) if value else None
    return value
