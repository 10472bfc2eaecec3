"""Stakeholder mapping (Appendix 3): counts, the influence-interest grid, the critical group, roles, coverage.

The grid of Appendix 3, step 2 splits the 1-5 influence and interest scores at a threshold
(default 4: "high" means 4 or 5):

- critical: high influence and high interest, the critical group of potential allies;
- awareness: high influence, low interest, needs awareness and advocacy;
- capacity: high interest, low influence, needs capacity building;
- monitor: low on both.

A stakeholder with a blank influence or interest has no quadrant (None).
"""

from __future__ import annotations

import re

import pandas as pd

from partnerlab import vocab

__all__ = [
    "HIGH", "PUBLIC_SECTORS", "quadrant", "assign_quadrants", "critical_group", "filter_stakeholders",
    "count_by", "count_states", "roles_by_sector", "diversification", "states_without_partners",
    "short_name",
]

HIGH = 4  # influence or interest of HIGH or more is "high"
PUBLIC_SECTORS = ("federal_government", "legislature", "local_government")


def quadrant(influence: object, interest: object, threshold: int = HIGH) -> str | None:
    """The grid quadrant of one stakeholder.

    >>> quadrant(5, 4), quadrant(5, 2), quadrant(2, 5), quadrant(1, 1), quadrant(None, 5)
    ('critical', 'awareness', 'capacity', 'monitor', None)
    """
    if _blank(influence) or _blank(interest):
        return None
    hi_inf, hi_int = influence >= threshold, interest >= threshold
    if hi_inf and hi_int:
        return "critical"
    if hi_inf:
        return "awareness"
    if hi_int:
        return "capacity"
    return "monitor"


def assign_quadrants(stakeholders: pd.DataFrame, threshold: int = HIGH) -> pd.DataFrame:
    """A copy of the stakeholders table with a `quadrant` column."""
    out = stakeholders.copy()
    out["quadrant"] = pd.Series([quadrant(a, b, threshold) for a, b in zip(out["influence"], out["interest"])],
                                index=out.index, dtype=object)
    return out


def critical_group(stakeholders: pd.DataFrame, threshold: int = HIGH) -> pd.DataFrame:
    """The rows of the critical group, strongest first (influence + interest, then name)."""
    df = assign_quadrants(stakeholders, threshold)
    df = df[df["quadrant"] == "critical"].copy()
    df["_score"] = df["influence"].astype(float) + df["interest"].astype(float)
    return df.sort_values(["_score", "influence", "name"], ascending=[False, False, True]).drop(columns="_score")


def filter_stakeholders(stakeholders: pd.DataFrame, sector: str = "", state: str = "") -> pd.DataFrame:
    """Stakeholders of one sector and/or one federal entity (blank: all); keys, labels or aliases accepted."""
    df = stakeholders
    if sector:
        key = vocab.SECTORS.lookup(sector)
        if key is None:
            raise ValueError(f'sector "{sector}" is not a sector ({", ".join(vocab.SECTORS.keys)})')
        df = df[df["sector"] == key]
    if state:
        key = vocab.STATES.lookup(state)
        if key is None:
            raise ValueError(f'state "{state}" is not one of Mexico\'s 32 federal entities')
        df = df[df["states"].map(lambda s: key in s)]
    return df


def count_by(stakeholders: pd.DataFrame, column: str, vocabulary: vocab.Vocabulary | None = None) -> pd.DataFrame:
    """Stakeholders per value of a column (vocabulary order, zeros included), with shares.

    >>> df = pd.DataFrame({"scope": ["national", "state", "national", None]})
    >>> count_by(df, "scope", vocab.SCOPES).query("stakeholders > 0").to_dict("records")
    [{'scope': 'national', 'stakeholders': 2, 'share_pct': 50.0}, {'scope': 'state', 'stakeholders': 1, 'share_pct': 25.0}, {'scope': None, 'stakeholders': 1, 'share_pct': 25.0}]
    """
    counts = stakeholders[column].value_counts(dropna=False)
    keys = list(vocabulary.keys) if vocabulary is not None else sorted(k for k in counts.index if not _blank(k))
    blanks = int(stakeholders[column].isna().sum())
    rows = [(k, int(counts.get(k, 0))) for k in keys]
    if blanks:
        rows.append((None, blanks))
    total = max(len(stakeholders), 1)
    out = pd.DataFrame([{column: k, "stakeholders": n, "share_pct": round(100 * n / total, 1)} for k, n in rows])
    out[column] = out[column].astype(object).where(out[column].notna(), None)
    return out


def count_states(stakeholders: pd.DataFrame) -> pd.DataFrame:
    """Stakeholders per federal entity, all 32 in INEGI order, zeros included."""
    exploded = stakeholders["states"].explode().dropna()
    counts = exploded.value_counts()
    return pd.DataFrame([{"state": k, "stakeholders": int(counts.get(k, 0))} for k in vocab.STATES.keys])


def roles_by_sector(stakeholders: pd.DataFrame) -> pd.DataFrame:
    """A role-by-sector count table (rows: roles in vocabulary order; columns: sectors present)."""
    pairs = stakeholders[["sector", "roles"]].explode("roles").dropna()
    table = pd.crosstab(pairs["roles"], pairs["sector"]) if not pairs.empty else pd.DataFrame()
    roles = [r for r in vocab.ROLES.keys if r in table.index]
    sectors = [s for s in vocab.SECTORS.keys if s in table.columns]
    return table.reindex(index=roles, columns=sectors).fillna(0).astype(int)


def diversification(stakeholders: pd.DataFrame, partnerships: pd.DataFrame | None = None) -> pd.DataFrame:
    """How concentrated the partner base is, by sector.

    The partner base is every stakeholder that leads or belongs to a partnership of the
    workbook (all stakeholders when there are no partnerships). For the base and for the
    whole map: the public-sector share (federal, legislature, local), the largest sector's
    share, the Herfindahl-Hirschman index of sector shares (0-1; 1 = one sector only) and
    the effective number of sectors (1 / HHI).

    >>> df = pd.DataFrame({"id": ["a", "b", "c", "d"], "sector": ["federal_government"] * 2 + ["academia", "media"]})
    >>> diversification(df).loc[0, ["public_pct", "hhi", "effective_sectors"]].tolist()
    [50.0, 0.375, 2.67]
    """
    groups = {"all": stakeholders}
    if partnerships is not None and not partnerships.empty:
        ids = set(partnerships["members"].explode().dropna()) | set(partnerships["lead"].dropna())
        groups["partners"] = stakeholders[stakeholders["id"].isin(ids)]
    rows = []
    for group, df in groups.items():
        shares = df["sector"].value_counts(normalize=True)
        hhi = float((shares ** 2).sum()) if len(shares) else float("nan")
        rows.append({
            "group": group,
            "stakeholders": len(df),
            "sectors": int(shares.size),
            "public_pct": round(100 * float(shares.reindex(PUBLIC_SECTORS).fillna(0).sum()), 1),
            "top_sector": shares.index[0] if len(shares) else None,
            "top_pct": round(100 * float(shares.iloc[0]), 1) if len(shares) else float("nan"),
            "hhi": round(hhi, 3),
            "effective_sectors": round(1 / hhi, 2) if hhi else float("nan"),
        })
    return pd.DataFrame(rows)


def states_without_partners(stakeholders: pd.DataFrame, partnerships: pd.DataFrame | None = None) -> list[str]:
    """Federal entities (keys, INEGI order) named by no stakeholder and no partnership."""
    covered = set(stakeholders["states"].explode().dropna())
    if partnerships is not None and not partnerships.empty:
        covered |= set(partnerships["states"].explode().dropna())
    return [k for k in vocab.STATES.keys if k not in covered]


def short_name(name: object, limit: int = 22) -> str:
    """An acronym in brackets when the name has one, else the name cut to limit.

    >>> short_name("Secretaría de Hacienda y Crédito Público (SHCP)")
    'SHCP'
    >>> short_name("Fundación Horizonte Verde (fictional)", 14)
    'Fundación Hor…'
    """
    text = str(name)
    for m in re.finditer(r"\(([^()]{2,14})\)", text):
        inner = m.group(1)
        if inner.lower() not in ("fictional", "ficticia", "ficticio") and not inner.islower():
            return inner
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _blank(x: object) -> bool:
    return x is None or x is pd.NA or (isinstance(x, float) and x != x)
