"""Partner profile: one stakeholder's mapping row, grid and network position, screening, value decision, partnerships.

Each function takes the loaded workbook (or its tables) and one stakeholder id and returns a
DataFrame or a dict, so the partner-profile notebook only displays. The `contact` column is
never read into a profile.

Which screening and which value assessment a profile shows: the stakeholder's latest
screening (`screening.latest_screenings`) and the latest assessment whose subject is the
stakeholder itself; the partnerships it leads or belongs to carry their own latest value
decision and their latest quality levels (`quality.portfolio_levels`).
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from partnerlab import i18n, network, quality, screening, stakeholders, vocab
from partnerlab.i18n import N_

__all__ = [
    "MAPPING_FIELDS",
    "critical_group_ids",
    "find_stakeholder",
    "default_stakeholder",
    "profile_ids",
    "mapping_row",
    "grid_position",
    "network_position",
    "screening_profile",
    "value_profile",
    "partnerships_of",
    "build_profile",
    "TABLE_LABELS",
    "TABLE_VOCABS",
    "ROLES",
    "DIRECTIONS",
    "subject_sentence",
    "grid_sentence",
    "network_sentence",
    "screening_sentence",
    "value_sentence",
    "findings_display",
    "criteria_display",
    "partnerships_display",
    "network_partners_display",
]

# The mapping row as the profile shows it (Appendix 3, step 1 and 3); `contact` is left out on purpose.
MAPPING_FIELDS: dict[str, str] = {
    "id": N_("Id"),
    "name": N_("Name"),
    "sector": N_("Sector"),
    "scope": N_("Scope"),
    "states": N_("States"),
    "mandate": N_("Mandate"),
    "priorities": N_("Priorities"),
    "instruments": N_("Instruments"),
    "resources": N_("Resources"),
    "related_initiatives": N_("Related initiatives"),
    "partners": N_("Partnerships with other stakeholders"),
    "influence": N_("Influence (1-5)"),
    "interest": N_("Interest (1-5)"),
    "roles": N_("Roles"),
}

# Column headers of the profile's tables (msgids: `rpt.table(df, labels=TABLE_LABELS)`).
TABLE_LABELS: dict[str, str] = {
    "field": N_("Field"),
    "value": N_("Value"),
    "name": N_("Name"),
    "sector": N_("Sector"),
    "direction": N_("Direction"),
    "strength": N_("Strength (1-3)"),
    "kinds": N_("Kinds of tie"),
    "partnership": N_("Partnership"),
    "role": N_("Role"),
    "type": N_("Type"),
    "status": N_("Status"),
    "quality_date": N_("Quality assessed on"),
    "principles": N_("Inclusion / participation / accountability (0-3)"),
    "lowest_dimension": N_("Weakest dimension"),
    "suggested": N_("Suggested decision"),
    "decision": N_("Recorded decision"),
    "rating": N_("Rating"),
    "criterion": N_("Criterion"),
    "text": N_("Text"),
    "kind": N_("Finding"),
    "question": N_("Question"),
}
# A stakeholder's role in a partnership, and the direction of a tie seen from the stakeholder.
ROLES = screening.catalog_vocabulary("partnership role", ("lead", N_("Lead")), ("member", N_("Member")))
DIRECTIONS = screening.catalog_vocabulary(
    "tie direction", ("both", N_("Both ways")), ("out", N_("Outgoing")), ("in", N_("Incoming"))
)
# The vocabularies of the profile tables' key columns (`rpt.table(df, vocab=TABLE_VOCABS)`).
TABLE_VOCABS: dict[str, vocab.Vocabulary] = {
    "kind": screening.FINDING_KINDS,
    "rating": screening.RATINGS,
    "sector": vocab.SECTORS,
    "direction": DIRECTIONS,
    "kinds": vocab.TIE_KINDS,
    "role": ROLES,
    "type": vocab.PARTNERSHIP_TYPES,
    "status": vocab.PARTNERSHIP_STATUSES,
    "suggested": vocab.DECISIONS,
    "decision": vocab.DECISIONS,
}


def find_stakeholder(stakeholders: pd.DataFrame, stakeholder: str) -> str:
    """The id of the stakeholder a report parameter names: its id or its name, in any case or accent
    (`screening.id_of`).

    Raises:
        KeyError: when no stakeholder has that id or name (the message names the closest).
    """
    return screening.id_of(stakeholders, stakeholder, "stakeholder")


def default_stakeholder(wb: object, critical: Iterable[str] | None = None) -> str:
    """The stakeholder a profile shows when none is named: the first of the critical group,
    else the first stakeholder of the sheet."""
    ids = profile_ids(wb, critical)
    return ids[0] if ids else str(_table(wb, "stakeholders")["id"].iloc[0])


def profile_ids(wb: object, critical: Iterable[str] | None = None) -> list[str]:
    """The stakeholders the default batch profiles: the critical group, strongest first.

    Args:
        wb: The loaded workbook.
        critical: The critical group's ids; None = `stakeholders.critical_group` of the workbook.
    """
    if critical is not None:
        return list(critical)
    return critical_group_ids(wb)


def critical_group_ids(wb: object, threshold: int = stakeholders.HIGH) -> list[str]:
    """The ids of the critical group (influence and interest both `threshold` or more,
    Appendix 3 step 2), strongest first, as `stakeholders.critical_group` orders them."""
    table = _table(wb, "stakeholders")
    if table.empty:
        return []
    return stakeholders.critical_group(table, threshold)["id"].tolist()


def mapping_row(
    stakeholders: pd.DataFrame, stakeholder: str, lang: str = "en", names: dict[str, str] | None = None
) -> pd.DataFrame:
    """The stakeholder's mapping row as a two-column table (field, value), labels translated,
    blank fields left out, `contact` never included.

    Args:
        names: Stakeholder id -> name, to show partners by name (ids when missing).
    """
    sid = find_stakeholder(stakeholders, stakeholder)
    rec = stakeholders.loc[stakeholders["id"] == sid].iloc[0]
    names = names if names is not None else dict(zip(stakeholders["id"], stakeholders["name"]))
    rows = []
    _ = i18n.translator(lang)
    for column, msgid in MAPPING_FIELDS.items():
        if column not in rec.index:
            continue
        value = _display(column, rec[column], lang, names)
        if value != "":
            rows.append({"field": _(msgid), "value": value})
    return pd.DataFrame(rows, columns=["field", "value"])


def grid_position(table: pd.DataFrame, stakeholder: str, threshold: int = stakeholders.HIGH) -> dict:
    """Influence, interest and the quadrant of the influence-interest grid (Appendix 3, step 2).

    Args:
        table: The loaded `stakeholders` table.
        stakeholder: A stakeholder id (any case).
        threshold: A score of this or more is "high" (`stakeholders.HIGH`, 4).

    Returns:
        {"influence", "interest" (int or None), "quadrant" (key of `vocab.QUADRANTS`, None when
        a score is blank), "critical_rank" (1 = strongest of the critical group, None outside
        it), "critical_size" (members of the critical group)}.
    """
    sid = find_stakeholder(table, stakeholder)
    rec = table.loc[table["id"] == sid].iloc[0]
    influence, interest = _int(rec.get("influence")), _int(rec.get("interest"))
    critical = stakeholders.critical_group(table, threshold)["id"].tolist()
    return {
        "influence": influence,
        "interest": interest,
        "quadrant": stakeholders.quadrant(influence, interest, threshold),
        "critical_rank": critical.index(sid) + 1 if sid in critical else None,
        "critical_size": len(critical),
    }


def network_position(wb: object, stakeholder: str) -> dict:
    """Where the stakeholder sits in the tie graph (`network.build_tie_graph`, built once).

    Returns:
        {"degree", "betweenness", "betweenness_rank" (1 = most between; ties share the best
        rank), "n_stakeholders", "is_approximate" (betweenness sampled on a large graph),
        "n_sectors" (distinct sectors among its partners), "partners" (DataFrame: name,
        sector, direction, strength, kinds)}.
    """
    sid = find_stakeholder(_table(wb, "stakeholders"), stakeholder)
    graph = network.build_tie_graph(wb)
    table = network.centrality_table(graph)
    rank = table["betweenness"].rank(ascending=False, method="min")
    partners = network.focus_summary(graph, sid)
    return {
        "degree": int(table.loc[sid, "degree"]),
        "betweenness": float(table.loc[sid, "betweenness"]),
        "betweenness_rank": int(rank.loc[sid]),
        "n_stakeholders": len(table),
        "is_approximate": bool(table.attrs.get("betweenness_approximate", False)),
        "n_sectors": int(partners["sector"].nunique()) if len(partners) else 0,
        "partners": partners.reset_index(drop=True)[["name", "sector", "direction", "strength", "kinds"]],
    }


def screening_profile(
    due_diligence: pd.DataFrame, stakeholder: str, as_of: object = None, max_age_days: int = 365, lang: str = "en"
) -> dict:
    """The stakeholder's latest due-diligence screening and its findings.

    Returns:
        {"outcome" (key of `screening.OUTCOMES`, `not_screened` when none), "assessed_on",
        "age_days", "is_stale", "assessor", "notes", "findings" (DataFrame: kind, question,
        text), "history" (DataFrame: assessed_on, assessor, outcome; every screening, latest first)}.
    """
    own = due_diligence[due_diligence["stakeholder"] == stakeholder] if len(due_diligence) else due_diligence
    screened = screening.screen(own)
    history = screened[["assessed_on", "assessor", "outcome"]].sort_values("assessed_on", ascending=False)
    if screened.empty:
        return {
            "outcome": "not_screened",
            "assessed_on": None,
            "age_days": None,
            "is_stale": None,
            "assessor": None,
            "notes": None,
            "findings": pd.DataFrame(columns=["kind", "question", "text"]),
            "history": history,
        }
    latest = screening.latest_screenings(screened, as_of, max_age_days).iloc[0]
    findings = screening.screening_findings(latest.to_frame().T, lang)[["kind", "question", "text"]]
    return {
        "outcome": latest["outcome"],
        "assessed_on": latest["assessed_on"],
        "age_days": int(latest["age_days"]),
        "is_stale": bool(latest["is_stale"]),
        "assessor": latest["assessor"],
        "notes": latest["notes"],
        "findings": findings,
        "history": history.reset_index(drop=True),
    }


def value_profile(value_assessment: pd.DataFrame, subject: str, lang: str = "en") -> dict | None:
    """The latest value/risk assessment of one subject (stakeholder or partnership), or None.

    Returns:
        {"assessed_on", "suggested", "decision", "decision_date", "agreement", "pending",
        "criteria" (DataFrame: rating, criterion, text, for every criterion not rated
        acceptable), "n_assessments"}.
    """
    own = value_assessment[value_assessment["subject"] == subject] if len(value_assessment) else value_assessment
    if own.empty:
        return None
    decisions = screening.value_decisions(own)
    latest = screening.latest_value_decisions(decisions).iloc[0]
    criteria = screening.criteria_findings(latest.to_frame().T, lang)[["rating", "criterion", "text"]]
    return {
        **{
            k: _none(latest[k])
            for k in ("assessed_on", "suggested", "decision", "decision_date", "agreement", "pending")
        },
        "criteria": criteria.reset_index(drop=True),
        "n_assessments": len(own),
    }


_PARTNERSHIP_COLUMNS = [
    "partnership",
    "name",
    "role",
    "type",
    "status",
    "quality_date",
    "basis",
    "inclusion",
    "participation",
    "accountability",
    "lowest_dimension",
    "suggested",
    "decision",
]


def partnerships_of(
    partnerships: pd.DataFrame,
    stakeholder: str,
    quality_assessment: pd.DataFrame | None = None,
    value_assessment: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The partnerships the stakeholder leads or belongs to, with their latest quality and value decision.

    Returns:
        One row per partnership: partnership, name, role (`lead` or `member`), type, status,
        quality_date, basis, inclusion, participation, accountability, lowest_dimension
        (the dimension with the lowest level; ties: first in Appendix 6 order), suggested,
        decision (latest value assessment of the partnership; None when not assessed).
    """
    columns = _PARTNERSHIP_COLUMNS
    if partnerships is None or partnerships.empty:
        return pd.DataFrame(columns=columns)
    out = _roles_in(partnerships, stakeholder)
    levels = _latest_levels(quality_assessment)
    decisions = _latest_decisions(value_assessment)
    extra = [_quality_and_decision(pid, levels, decisions) for pid in out["partnership"]]
    out = pd.concat([out.reset_index(drop=True), pd.DataFrame(extra, index=out.index, columns=columns[5:])], axis=1)
    return out.sort_values(["role", "partnership"]).reset_index(drop=True)


def _roles_in(partnerships: pd.DataFrame, stakeholder: str) -> pd.DataFrame:
    """The partnerships the stakeholder leads or belongs to: partnership, name, role, type, status."""
    rows = []
    for rec in partnerships.to_dict("records"):
        members = rec.get("members") or []
        if rec.get("lead") == stakeholder:
            role = "lead"
        elif stakeholder in members:
            role = "member"
        else:
            continue
        rows.append(
            {
                "partnership": rec["id"],
                "name": rec.get("name"),
                "role": role,
                "type": rec.get("type"),
                "status": rec.get("status"),
            }
        )
    return pd.DataFrame(rows, columns=_PARTNERSHIP_COLUMNS[:5])


def _latest_levels(quality_assessment: pd.DataFrame | None) -> pd.DataFrame:
    """Each partnership's quality levels, latest round (empty when nothing is assessed)."""
    if quality_assessment is None or not len(quality_assessment):
        return pd.DataFrame()
    return quality.portfolio_levels(quality.quality_scores(quality_assessment))


def _latest_decisions(value_assessment: pd.DataFrame | None) -> pd.DataFrame:
    """Each subject's latest value/risk decision, indexed by subject (empty when nothing is assessed)."""
    if value_assessment is None or not len(value_assessment):
        return pd.DataFrame()
    return screening.latest_value_decisions(screening.value_decisions(value_assessment)).set_index("subject")


def _quality_and_decision(pid: str, levels: pd.DataFrame, decisions: pd.DataFrame) -> dict:
    """One partnership's quality (date, basis, principle levels, lowest dimension) and value decision."""
    row: dict = {}
    if pid in levels.index:
        lv = levels.loc[pid]
        dims = lv[list(quality.DIMENSIONS)].astype(float)
        row.update(
            quality_date=lv["assessed_on"],
            basis=lv["basis"],
            **{p: lv[p] for p in quality.PRINCIPLE_DIMENSIONS},
            lowest_dimension=dims.idxmin() if dims.notna().any() else None,
        )
    if pid in decisions.index:
        row.update(suggested=decisions.loc[pid, "suggested"], decision=_none(decisions.loc[pid, "decision"]))
    return row


def build_profile(
    wb: object,
    stakeholder: str,
    as_of: object = None,
    max_age_days: int = 365,
    threshold: int = stakeholders.HIGH,
    lang: str = "en",
) -> dict:
    """Every piece of one stakeholder's profile, keyed by section.

    Returns:
        {"id", "name", "sector", "mapping", "grid", "network",
        "screening", "value" (None when not assessed), "partnerships"}.
    """
    table = _table(wb, "stakeholders")
    sid = find_stakeholder(table, stakeholder)
    rec = table.loc[table["id"] == sid].iloc[0]
    about = getattr(wb, "about", None) or {}
    as_of = screening.resolve_as_of(about, as_of)
    return {
        "id": sid,
        "name": rec["name"],
        "sector": rec.get("sector"),
        "mapping": mapping_row(table, sid, lang),
        "grid": grid_position(table, sid, threshold),
        "network": network_position(wb, sid),
        "screening": screening_profile(_table(wb, "due_diligence"), sid, as_of, max_age_days, lang),
        "value": value_profile(_table(wb, "value_assessment"), sid, lang),
        "partnerships": partnerships_of(
            _table(wb, "partnerships"), sid, _table(wb, "quality_assessment"), _table(wb, "value_assessment")
        ),
    }


def findings_display(screening_part: dict) -> pd.DataFrame:
    """The findings of `screening_profile` for a report: kind (key), question code, text."""
    f = screening_part["findings"]
    return pd.DataFrame(
        {"kind": f["kind"].tolist(), "question": f["question"].str.upper().tolist(), "text": f["text"].tolist()}
    )


def criteria_display(value_part: dict) -> pd.DataFrame:
    """The criteria of `value_profile` not rated acceptable, for a report: rating (key), number, text."""
    c = value_part["criteria"]
    return pd.DataFrame(
        {"rating": c["rating"].tolist(), "criterion": [code[1:] for code in c["criterion"]], "text": c["text"].tolist()}
    )


def network_partners_display(network_part: dict) -> pd.DataFrame:
    """The partners of `network_position` for a report: sector, direction and kinds of tie as
    keys; the direction column is left out when every tie goes both ways (nothing to read)."""
    n = network_part["partners"]
    out = pd.DataFrame(
        {
            "name": n["name"].tolist(),
            "sector": n["sector"].tolist(),
            "direction": n["direction"].tolist(),
            "strength": n["strength"].tolist(),
            "kinds": [[k.strip() for k in str(v).split(",") if k.strip()] for v in n["kinds"]],
        }
    )
    return out.drop(columns="direction") if (out["direction"] == "both").all() else out


def partnerships_display(frame: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """`partnerships_of` for a report: vocabulary columns as keys (TABLE_VOCABS), the three
    principle levels in one column ("2.5 / 3 / 3"), the weakest dimension named in `lang`; the
    quality columns are left out when no partnership has a quality assessment, the decision
    columns when none has a value assessment.

    >>> f = pd.DataFrame({"partnership": ["P1"], "name": ["Alianza"], "role": ["lead"], "type": [None],
    ...                   "status": ["active"], "quality_date": [None], "basis": [None], "inclusion": [None],
    ...                   "participation": [None], "accountability": [None], "lowest_dimension": [None],
    ...                   "suggested": ["proceed"], "decision": [None]})
    >>> list(partnerships_display(f).columns)
    ['partnership', 'role', 'type', 'status', 'suggested', 'decision']
    """
    levels = frame[list(quality.PRINCIPLE_DIMENSIONS)].apply(pd.to_numeric)
    out = pd.DataFrame(
        {
            "partnership": frame["name"].fillna(frame["partnership"]).tolist(),
            "role": frame["role"].tolist(),
            "type": frame["type"].tolist(),
            "status": frame["status"].tolist(),
            "quality_date": pd.to_datetime(frame["quality_date"]).dt.date.tolist(),
            "principles": [
                " / ".join("–" if pd.isna(v) else f"{v:.3g}" for v in row) if row.notna().any() else ""
                for row in (levels.iloc[i] for i in range(len(levels)))
            ],
            "lowest_dimension": [
                quality.dimension_label(d, lang) if isinstance(d, str) else "" for d in frame["lowest_dimension"]
            ],
            "suggested": frame["suggested"].tolist(),
            "decision": frame["decision"].tolist(),
        }
    )
    if frame["quality_date"].isna().all():
        out = out.drop(columns=["quality_date", "principles", "lowest_dimension"])
    if frame["suggested"].isna().all():
        out = out.drop(columns=["suggested", "decision"])
    return out


# ---------------------------------------------------------------------------------------
# Sentences of the profile page: plain text in `lang` (numbers and dates as it writes them)
# ---------------------------------------------------------------------------------------


def subject_sentence(profile: dict, lang: str = "en") -> str:
    """Who the page is about: "Name (sector)"."""
    _ = i18n.translator(lang)
    sector = vocab.SECTORS.label(profile["sector"], lang) if isinstance(profile.get("sector"), str) else ""
    return _("{name} ({sector})", name=profile["name"], sector=sector) if sector else str(profile["name"])


def grid_sentence(grid: dict, lang: str = "en") -> str:
    """Influence, interest and quadrant of `grid_position`, with the rank in the critical group."""
    _ = i18n.translator(lang)
    values = {"influence": _.number(grid["influence"]) or "—", "interest": _.number(grid["interest"]) or "—"}
    if grid["quadrant"] is None:
        return _("Influence {influence}, interest {interest} (1-5): no grid position while a score is blank.", **values)
    quadrant = vocab.QUADRANTS.label(grid["quadrant"], lang)
    if grid["critical_rank"]:
        return _(
            "Influence {influence}, interest {interest} (1-5): {quadrant}; ranked {rank} of the {size} "
            "stakeholders of the critical group by influence plus interest.",
            **values,
            quadrant=quadrant,
            rank=_.number(grid["critical_rank"]),
            size=_.number(grid["critical_size"]),
        )
    return _("Influence {influence}, interest {interest} (1-5): {quadrant}.", **values, quadrant=quadrant)


def network_sentence(network_part: dict, lang: str = "en") -> str:
    """The degree, the sectors of the partners and the betweenness rank of `network_position`."""
    _ = i18n.translator(lang)
    n = network_part
    total = _.number(n["n_stakeholders"])
    if n["degree"] == 0:
        return _(
            "No tie recorded (sheet ties, partners column or partnerships): an isolate among {total} stakeholders.",
            total=total,
        )
    partners = _.n("{n} direct partner", "{n} direct partners", n["degree"])
    sectors = _.n("{n} sector", "{n} sectors", n["n_sectors"])
    text = _(
        "{partners} from {sectors}; rank {rank} of {total} stakeholders by betweenness (how often it lies on "
        "the shortest path between two others).",
        partners=partners,
        sectors=sectors,
        rank=_.number(n["betweenness_rank"]),
        total=total,
    )
    return text + (" " + _("Betweenness is estimated from a sample of the network.") if n["is_approximate"] else "")


def screening_sentence(screening_part: dict, lang: str = "en") -> str:
    """The latest screening of `screening_profile`: its date, age and outcome, or that there is none."""
    _ = i18n.translator(lang)
    s = screening_part
    if s["outcome"] == "not_screened":
        return _("Not screened. A risk analysis must be conducted before partnering (Appendices 3 and 4).")
    values = {
        "date": _.date(s["assessed_on"]),
        "age": _.n("{n} day", "{n} days", s["age_days"]),
        "outcome": screening.OUTCOMES.label(s["outcome"], lang),
    }
    if s["is_stale"]:
        return _("Latest screening on {date} ({age} old, to renew): {outcome}.", **values)
    return _("Latest screening on {date} ({age} old): {outcome}.", **values)


def value_sentence(value_part: dict | None, lang: str = "en") -> str:
    """The latest value assessment of `value_profile`: what the criteria suggest and what was recorded."""
    _ = i18n.translator(lang)
    v = value_part
    if v is None:
        return _("No value/risk assessment of this stakeholder (sheet value_assessment).")
    values = {
        "date": _.date(v["assessed_on"]),
        "suggested": vocab.DECISIONS.label(v["suggested"], lang),
        "decision": vocab.DECISIONS.label(v["decision"], lang) if v["decision"] else _("none"),
    }
    if v["agreement"] == "differs":
        return _(
            "Assessed on {date}: the criteria suggest {suggested}; recorded decision: {decision}, which differs "
            "from the criteria.",
            **values,
        )
    return _("Assessed on {date}: the criteria suggest {suggested}; recorded decision: {decision}.", **values)


# ---------------------------------------------------------------------------------------


def _table(wb: object, key: str) -> pd.DataFrame:
    if isinstance(wb, dict):
        return wb.get(key, pd.DataFrame())
    frame = getattr(wb, key, None)
    return frame if frame is not None else pd.DataFrame()


def _display(column: str, value: object, lang: str, names: dict[str, str]) -> str:
    if isinstance(value, (list, tuple)):
        if column == "states":
            return "; ".join(vocab.STATES.label(v, lang) for v in value)
        if column == "roles":
            return "; ".join(vocab.ROLES.label(v, lang) for v in value)
        if column == "partners":
            return "; ".join(names.get(v, v) for v in value)
        return "; ".join(map(str, value))
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if column == "sector":
        return vocab.SECTORS.label(value, lang)
    if column == "scope":
        return vocab.SCOPES.label(value, lang)
    return str(value).strip()


def _int(value: object) -> int | None:
    return None if value is None or pd.isna(value) else int(value)


def _none(value: object) -> object:
    if value is None or (not isinstance(value, (list, tuple, str)) and pd.isna(value)):
        return None
    return value
