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

from partnerlab import i18n, vocab
from partnerlab.i18n import N_

__all__ = [
    "HIGH",
    "PUBLIC_SECTORS",
    "quadrant",
    "assign_quadrants",
    "critical_group",
    "filter_stakeholders",
    "count_by",
    "count_states",
    "roles_by_sector",
    "diversification",
    "states_without_partners",
    "short_name",
    "label_name",
    "selection_sentence",
    "diversification_sentence",
    "coverage_sentence",
    "grid_alt",
    "sector_counts_alt",
    "states_alt",
    "roles_alt",
    "unrated_sentence",
    "DIVERSIFICATION_COLUMNS",
]

DIVERSIFICATION_COLUMNS = {
    "group": N_("Group"),
    "stakeholders": N_("Stakeholders"),
    "sectors": N_("Sectors"),
    "public_pct": N_("Public sector (%)"),
    "top_sector": N_("Largest sector"),
    "top_pct": N_("Largest (%)"),
    "hhi": N_("HHI"),
    "effective_sectors": N_("Effective sectors"),
}

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
    out["quadrant"] = pd.Series(
        [quadrant(a, b, threshold) for a, b in zip(out["influence"], out["interest"])], index=out.index, dtype=object
    )
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
        key = vocab.SECTORS.key_of(sector)  # raises UnknownTerm (a ValueError) naming the closest sector
        df = df[df["sector"] == key]
    if state:
        key = vocab.STATES.key_of(state)
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
        hhi = float((shares**2).sum()) if len(shares) else float("nan")
        rows.append(
            {
                "group": group,
                "stakeholders": len(df),
                "sectors": int(shares.size),
                "public_pct": round(100 * float(shares.reindex(PUBLIC_SECTORS).fillna(0).sum()), 1),
                "top_sector": shares.index[0] if len(shares) else None,
                "top_pct": round(100 * float(shares.iloc[0]), 1) if len(shares) else float("nan"),
                "hhi": round(hhi, 3),
                "effective_sectors": round(1 / hhi, 2) if hhi else float("nan"),
            }
        )
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


def label_name(name: object) -> str:
    """The label of a stakeholder on a figure: the acronym in brackets when the name has one,
    else the whole name (never cut).

    >>> label_name("Secretaría de Hacienda y Crédito Público (SHCP)"), label_name("Delegación de la Unión Europea")
    ('SHCP', 'Delegación de la Unión Europea')
    """
    return short_name(name, limit=10_000)


def selection_sentence(
    df: pd.DataFrame, critical: pd.DataFrame, threshold: int = HIGH, sector: str = "", state: str = "", lang: str = "en"
) -> tuple[tuple[str], dict]:
    """The page's opening sentence, ((msgid,), values) for `rpt.p(*text, **values)`: how many
    stakeholders the page covers and how many are in the critical group, naming the filter."""
    T = i18n.translator(lang)
    values = {
        "stakeholders": T.n("{n} stakeholder", "{n} stakeholders", len(df)),
        "sectors": T.n("{n} sector", "{n} sectors", int(df["sector"].nunique())),
        "critical": T.share(len(critical), len(df)),
        "t": threshold,
    }
    if sector:
        values["sector"] = T.label(vocab.SECTORS, vocab.SECTORS.key_of(sector))
    if state:
        values["state"] = T.label(vocab.STATES, vocab.STATES.key_of(state))
    if sector and state:
        return (
            N_(
                "<b>{stakeholders}</b> of the sector {sector} work in {state}; <b>{critical}</b> are in the "
                "critical group (influence and interest {t} or more)."
            ),
        ), values
    if sector:
        return (
            N_(
                "<b>{stakeholders}</b> of the sector {sector}; <b>{critical}</b> are in the critical group "
                "(influence and interest {t} or more)."
            ),
        ), values
    if state:
        return (
            N_(
                "<b>{stakeholders}</b> in {sectors} work in {state}; <b>{critical}</b> are in the critical "
                "group (influence and interest {t} or more)."
            ),
        ), values
    return (
        N_(
            "<b>{stakeholders}</b> in {sectors}; <b>{critical}</b> are in the critical group (influence and "
            "interest {t} or more)."
        ),
    ), values


def unrated_sentence(n: int, lang: str = "en") -> str:
    """How many stakeholders have no influence or interest score (and so no place on the grid)."""
    return i18n.translator(lang).n(
        "{n} stakeholder has no influence or interest score and is not on the grid.",
        "{n} stakeholders have no influence or interest score and are not on the grid.",
        n,
    )


def diversification_sentence(div: pd.DataFrame, lang: str = "en") -> tuple[tuple[str], dict]:
    """The diversification finding of the last row of a `diversification` table (the partner
    base when there are partnerships): ((msgid,), values) for `rpt.p(*text, **values)`."""
    T = i18n.translator(lang)
    last = div.iloc[-1]
    values = {
        "pub": T.percent(last["public_pct"]),
        "top": T.label(vocab.SECTORS, last["top_sector"]),
        "toppct": T.percent(last["top_pct"]),
        "eff": T.number(last["effective_sectors"], 2),
        "n": T.number(last["sectors"]),
    }
    if last["group"] == "partners":
        return (
            N_(
                "The public sector is <b>{pub}</b> of the partner base (stakeholders in partnerships); the "
                "largest sector, {top}, is {toppct}. The effective number of sectors is <b>{eff}</b> of {n} "
                "present (1 / Herfindahl index of the sector shares)."
            ),
        ), values
    return (
        N_(
            "The public sector is <b>{pub}</b> of the stakeholders; the largest sector, {top}, is {toppct}. "
            "The effective number of sectors is <b>{eff}</b> of {n} present (1 / Herfindahl index of the "
            "sector shares)."
        ),
    ), values


def coverage_sentence(missing: list[str], sector: str = "", lang: str = "en") -> tuple[tuple[str], dict]:
    """Which federal entities have no stakeholder, said of the page's selection: of every
    stakeholder and partnership, or of one sector's stakeholders (a fact of the filter, not of
    the portfolio). ((msgid,), values) for `rpt.p(*text, **values)`."""
    T = i18n.translator(lang)
    values = {"n": len(missing), "names": ", ".join(T.label(vocab.STATES, s) for s in missing) or T("none")}
    if sector:
        values["sector"] = T.label(vocab.SECTORS, vocab.SECTORS.key_of(sector))
        return (N_("No stakeholder of the sector {sector} works in {n} of the 32 federal entities: {names}."),), values
    return (N_("{n} of 32 federal entities have no stakeholder or partnership: {names}."),), values


def grid_alt(df: pd.DataFrame, threshold: int = HIGH, lang: str = "en") -> str:
    """The alt text of the influence-interest grid: the stakeholders per quadrant and the critical group's names."""
    T = i18n.translator(lang)
    rated = assign_quadrants(df, threshold).dropna(subset=["influence", "interest"])
    counts = "; ".join(
        f"{T.label(vocab.QUADRANTS, q).split(':')[0]} {T.share(int((rated['quadrant'] == q).sum()), len(rated))}"
        for q in vocab.QUADRANTS.keys
    )
    names = ", ".join(label_name(n) for n in critical_group(rated, threshold)["name"]) or T("none")
    return T(
        "Influence-interest grid of {n}, coloured and shaped by sector: {counts}. Critical group: {names}.",
        n=T.n("{n} stakeholder", "{n} stakeholders", len(rated)),
        counts=counts,
        names=names,
    )


def sector_counts_alt(counts: pd.DataFrame, lang: str = "en") -> str:
    """The alt text of the stakeholders-by-sector chart (a count_by(..., "sector") table)."""
    T = i18n.translator(lang)
    total = int(counts["stakeholders"].sum())
    parts = "; ".join(
        f"{T.label(vocab.SECTORS, s)} {T.share(int(n), total)}"
        for s, n in zip(counts["sector"], counts["stakeholders"])
        if n and not _blank(s)
    )
    return T("Bar chart of {n} by sector: {parts}.", n=T.n("{n} stakeholder", "{n} stakeholders", total), parts=parts)


def states_alt(state_counts: pd.DataFrame, lang: str = "en") -> str:
    """The alt text of the coverage chart of the 32 federal entities."""
    T = i18n.translator(lang)
    covered = state_counts[state_counts["stakeholders"] > 0]
    top = covered.sort_values("stakeholders", ascending=False, kind="stable").head(5)
    return T(
        "Bar chart of the stakeholders working in each of the 32 federal entities: {covered} have at least one; "
        "most: {top}.",
        covered=T.number(len(covered)),
        top="; ".join(
            f"{T.label(vocab.STATES, s)} {T.number(int(n))}" for s, n in zip(top["state"], top["stakeholders"])
        ),
    )


def roles_alt(roles: pd.DataFrame, lang: str = "en") -> str:
    """The alt text of the roles-by-sector heatmap: each role's total and its largest sector."""
    T = i18n.translator(lang)
    parts = []
    for role, row in roles.iterrows():
        if row.sum():
            parts.append(
                T(
                    "{role} {n} (most in {sector})",
                    role=T.label(vocab.ROLES, role),
                    n=T.number(int(row.sum())),
                    sector=T.label(vocab.SECTORS, row.idxmax()),
                )
            )
    return T("Heatmap of roles by sector: {parts}.", parts="; ".join(parts))


def _blank(x: object) -> bool:
    return x is None or x is pd.NA or (isinstance(x, float) and x != x)
