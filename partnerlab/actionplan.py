"""Progress of the action plan (Appendix 1): by pillar, area, responsible entity and year; what is late.

Input: the loaded `action_plan` table (docs/tables.md: responsible and years are lists)
and, for links, the `partnerships` table (its `actions` column lists action codes).

Definitions (the report quotes them):

- **as-of date**: `about.as_of` of the workbook, else today (`screening.as_of_date`).
- **open**: status not_started or in_progress. **closed**: done or dropped.
- **late**: open, with at least one planned year, and its *last* planned year before the
  as-of year. An action planned for the as-of year (or later) is never late, even with
  little progress; an action with no planned year is never late; a dropped action is
  never late.
- **progress** of one action: its progress_pct; when blank, 100 for done and 0 for
  not_started (in_progress with no figure stays unknown). Dropped actions are left out of
  progress means and of done_pct = 100 * done / (actions - dropped).
- **by responsible / by year**: an action counts once for each of its responsible
  entities and once for each of its planned years.
- **action-years**: the number of (action, planned year) pairs; the workload of an
  entity counts them for its non-dropped actions.

>>> plan = pd.DataFrame({"code": ["1.1", "1.2"], "pillar": ["I", "I"], "area": ["A", "A"],
...                      "action": ["x", "y"], "responsible": [["RCO"], ["RCO", "UNCT"]],
...                      "years": [[2022], [2024, 2025]], "status": ["in_progress", "done"],
...                      "progress_pct": [50.0, float("nan")]})
>>> plan_status(plan, dt.date(2025, 6, 30))[["code", "last_year", "is_open", "is_late", "progress"]]
  code  last_year  is_open  is_late  progress
0  1.1       2022     True     True      50.0
1  1.2       2025    False    False     100.0
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable

import pandas as pd

from partnerlab import i18n, vocab
from partnerlab.i18n import N_, NC_
from partnerlab.workbook import derived

__all__ = [
    "STATUSES",
    "OPEN_STATUSES",
    "plan_status",
    "filter_year",
    "progress_by",
    "late_actions",
    "workload",
    "partnership_links",
    "unknown_action_codes",
    "plan_years",
    "action_label",
    "area_label",
    "short_text",
    "responsible_label",
    "summary",
    "action_table",
    "links_table",
    "code_sort_key",
    "summary_sentence",
    "links_sentence",
    "pillar_summary",
    "pillars",
    "timeline_alt",
    "status_alt",
    "workload_alt",
    "LATE_NOTE",
    "PROGRESS_LABELS",
    "ACTION_LABELS",
    "WORKLOAD_LABELS",
]

# Report text quoting the definitions of this module, and the headers of its tables (English
# msgids, translated where they are shown: `rpt.p(LATE_NOTE, ...)`, `rpt.table(t, labels=...)`).
LATE_NOTE = N_(
    "An action is late when its last planned year is before the year of the as-of date ({as_of}) and it is "
    "neither done nor dropped."
)
PROGRESS_LABELS = {
    "pillar": N_("Pillar"),
    "area": N_("Area"),
    "responsible": N_("Responsible"),
    "year": N_("Year"),
    "actions": N_("Actions"),
    # counts of actions: a plural in Spanish and Portuguese ("Concluidas"), not the status ("Concluida")
    "not_started": NC_("count of actions", "Not started"),
    "in_progress": NC_("count of actions", "In progress"),
    "done": NC_("count of actions", "Done"),
    "dropped": NC_("count of actions", "Dropped"),
    "late": N_("Late"),
    "done_pct": N_("% done (of not dropped)"),
    "mean_progress_pct": N_("Mean progress %"),
}
ACTION_LABELS = {
    "code": N_("Code"),
    "pillar": N_("Pillar"),
    "area": N_("Area"),
    "action": N_("Course of action"),
    "responsible": N_("Responsible"),
    "years": N_("Planned years"),
    "last_year": N_("Last planned year"),
    "status": N_("Status"),
    "progress_pct": N_("Progress %"),
    "is_late": N_("Late"),
    "partnerships": N_("Partnerships"),
}
WORKLOAD_LABELS = {
    "responsible": N_("Responsible"),
    "actions": N_("Actions"),
    "open": N_("Open"),
    "done": N_("Done"),
    "dropped": N_("Dropped"),
    "late": N_("Late"),
    "action_years": N_("Action-years"),
    "open_action_years": N_("Open action-years"),
}

STATUSES = ("not_started", "in_progress", "done", "dropped")
OPEN_STATUSES = ("not_started", "in_progress")
_BY = {"pillar", "area", "responsible", "year"}


def plan_status(plan: pd.DataFrame, as_of: dt.date) -> pd.DataFrame:
    """The plan with its derived columns: first_year, last_year, is_open, is_late, progress.

    Also normalises responsible and years to lists (a ';'-separated string is split) and
    a blank status to not_started.
    """
    out = plan.copy()
    out["responsible"] = out["responsible"].map(_as_list) if "responsible" in out else [[] for _ in range(len(out))]
    out["years"] = out["years"].map(lambda v: sorted({int(y) for y in _as_list(v)}))
    out["status"] = out["status"].map(lambda s: s if isinstance(s, str) and s else "not_started")
    out["first_year"] = out["years"].map(lambda ys: ys[0] if ys else pd.NA).astype("Int64")
    out["last_year"] = out["years"].map(lambda ys: ys[-1] if ys else pd.NA).astype("Int64")
    out["is_open"] = out["status"].isin(OPEN_STATUSES)
    out["is_late"] = out["is_open"] & out["last_year"].lt(as_of.year).fillna(False).astype(bool)
    pct = (
        pd.to_numeric(out["progress_pct"], errors="coerce")
        if "progress_pct" in out
        else pd.Series(math.nan, index=out.index)
    )
    fill = out["status"].map({"done": 100.0, "not_started": 0.0})
    out["progress"] = pct.fillna(fill).where(out["status"] != "dropped").astype(float)
    return out


def filter_year(plan: pd.DataFrame, year: int | None) -> pd.DataFrame:
    """The actions planned for a year (0 or None = every action)."""
    if not year:
        return plan
    years = plan["years"].map(_as_list)
    return plan[years.map(lambda ys: int(year) in {int(y) for y in ys})]


@derived  # a year's page depends on the rows planned for that year, not on the whole plan
def plan_rows(wb: object, year: int = 0) -> pd.DataFrame:
    """The action plan's rows planned for `year` (0: every row): all an action-plan page draws from
    the plan (`filter_year` of the workbook's action_plan)."""
    plan = wb.get("action_plan") if isinstance(wb, dict) else getattr(wb, "action_plan", None)
    return filter_year(plan if plan is not None else pd.DataFrame(columns=["years"]), year)


def progress_by(plan: pd.DataFrame, by: str, as_of: dt.date, lang: str = "en") -> pd.DataFrame:
    """Counts per status, late actions and progress per pillar, area, responsible entity or year.

    Areas and responsible entities are labelled in `lang` (vocab.ACTIONS by code, else the
    workbook's text); pillars stay keys (vocabulary "pillar").

    Returns:
        One row per value of `by` (pillars I-III, areas in plan order, entities by number
        of actions, years ascending): <by>, actions, not_started, in_progress, done,
        dropped, late, done_pct, mean_progress_pct.
    """
    if by not in _BY:
        raise ValueError(f"by must be one of {sorted(_BY)}, not {by!r}")
    status = plan_status(plan, as_of)
    if by == "area":
        status["area"] = [
            area_label(c, a, lang) or None for c, a in zip(status["code"], status.get("area", status["code"]))
        ]
    if by == "responsible":
        status["responsible"] = status["responsible"].map(lambda rs: [responsible_label(r, lang) for r in rs])
    col = {"year": "years"}.get(by, by)
    long = status.explode(col) if by in ("responsible", "year") else status
    long = long[long[col].notna()].rename(columns={col: by})
    cols = [by, "actions", *STATUSES, "late", "done_pct", "mean_progress_pct"]
    if long.empty:
        return pd.DataFrame(columns=cols)
    rows = []
    for key, g in long.groupby(by, sort=False):
        counts = g["status"].value_counts()
        active = len(g) - counts.get("dropped", 0)
        rows.append(
            {
                by: key,
                "actions": len(g),
                **{s: int(counts.get(s, 0)) for s in STATUSES},
                "late": int(g["is_late"].sum()),
                "done_pct": 100.0 * counts.get("done", 0) / active if active else math.nan,
                "mean_progress_pct": g["progress"].mean(),
            }
        )
    out = pd.DataFrame(rows, columns=cols)
    if by == "pillar":
        order = {k: i for i, k in enumerate(vocab.PILLARS.keys)}
        out = out.sort_values(by, key=lambda s: s.map(order).fillna(len(order)), kind="stable")
    elif by == "year":
        out[by] = out[by].astype(int)
        out = out.sort_values(by)
    elif by == "responsible":
        out = out.sort_values("actions", ascending=False, kind="stable")
    return out.reset_index(drop=True)


def late_actions(plan: pd.DataFrame, as_of: dt.date, lang: str = "en", action_chars: int | None = None) -> pd.DataFrame:
    """The late actions (see the module docstring), oldest last planned year first.

    Args:
        action_chars: Cut the action texts to about this many characters (`short_text`) for
            a report table; None keeps them whole (for the kept tables).

    Returns:
        code, action (label in `lang`), responsible (labels joined by "; "), years
        (joined), last_year, status, progress_pct.
    """
    status = plan_status(plan, as_of)
    late = status[status["is_late"]].sort_values(["last_year"], kind="stable")
    return pd.DataFrame(
        {
            "code": late["code"],
            "action": [
                short_text(action_label(c, a, lang), action_chars)
                for c, a in zip(late["code"], late.get("action", late["code"]))
            ],
            "responsible": late["responsible"].map(lambda rs: "; ".join(responsible_label(r, lang) for r in rs)),
            "years": late["years"].map(lambda ys: ", ".join(str(y) for y in ys)),
            "last_year": late["last_year"],
            "status": late["status"],
            "progress_pct": late["progress"],
        }
    ).reset_index(drop=True)


def workload(plan: pd.DataFrame, as_of: dt.date, lang: str = "en") -> pd.DataFrame:
    """Actions and action-years per responsible entity (labelled in `lang`), open against done.

    Returns:
        responsible, actions, open, done, dropped, late, action_years (non-dropped),
        open_action_years; sorted by open action-years then actions, largest first.
    """
    status = plan_status(plan, as_of)
    status["responsible"] = status["responsible"].map(lambda rs: [responsible_label(r, lang) for r in rs])
    long = status.explode("responsible")
    long = long[long["responsible"].notna()]
    cols = ["responsible", "actions", "open", "done", "dropped", "late", "action_years", "open_action_years"]
    if long.empty:
        return pd.DataFrame(columns=cols)
    n_years = long["years"].map(len)
    long = long.assign(_ny=n_years.where(long["status"] != "dropped", 0), _open_ny=n_years.where(long["is_open"], 0))
    out = (
        long.groupby("responsible", sort=False)
        .agg(
            actions=("code", "size"),
            open=("is_open", "sum"),
            done=("status", lambda s: int((s == "done").sum())),
            dropped=("status", lambda s: int((s == "dropped").sum())),
            late=("is_late", "sum"),
            action_years=("_ny", "sum"),
            open_action_years=("_open_ny", "sum"),
        )
        .reset_index()
    )
    out = out.astype({c: int for c in cols[1:]})
    return out.sort_values(["open_action_years", "actions"], ascending=False, kind="stable").reset_index(drop=True)


def partnership_links(plan: pd.DataFrame, partnerships: pd.DataFrame | None) -> pd.DataFrame:
    """Which courses of action have partnerships linked to them (partnerships.actions).

    Codes match after stripping and case-folding ("2.13" = " 2.13 ").

    Returns:
        One row per action in plan order: code, partnerships (count), partnership_ids
        (list), has_partnership.
    """
    links: dict[str, list[str]] = {}
    if partnerships is not None and not partnerships.empty and "actions" in partnerships:
        for pid, codes in zip(partnerships["id"], partnerships["actions"]):
            for code in _as_list(codes):
                links.setdefault(_code_key(code), []).append(pid)
    ids = [sorted(set(links.get(_code_key(c), []))) for c in plan["code"]]
    return pd.DataFrame(
        {
            "code": plan["code"].to_numpy(),
            "partnerships": [len(i) for i in ids],
            "partnership_ids": ids,
            "has_partnership": [bool(i) for i in ids],
        }
    )


def unknown_action_codes(plan: pd.DataFrame, partnerships: pd.DataFrame | None) -> pd.DataFrame:
    """Codes named in partnerships.actions that are not in the action plan: partnership, code."""
    known = {_code_key(c) for c in plan["code"]}
    rows = []
    if partnerships is not None and not partnerships.empty and "actions" in partnerships:
        rows = [
            {"partnership": pid, "code": code}
            for pid, codes in zip(partnerships["id"], partnerships["actions"])
            for code in _as_list(codes)
            if _code_key(code) not in known
        ]
    return pd.DataFrame(rows, columns=["partnership", "code"])


def plan_years(plan: pd.DataFrame) -> list[int]:
    """Every planned year, ascending."""
    return sorted({int(y) for ys in plan["years"] for y in _as_list(ys)})


def summary(plan: pd.DataFrame, as_of: dt.date, partnerships: pd.DataFrame | None = None) -> dict[str, float]:
    """Headline numbers: actions, per status, late, done_pct, mean_progress_pct, with_partnership."""
    status = plan_status(plan, as_of)
    counts = status["status"].value_counts()
    active = len(status) - counts.get("dropped", 0)
    out = {
        "actions": len(status),
        **{s: int(counts.get(s, 0)) for s in STATUSES},
        "late": int(status["is_late"].sum()),
        "done_pct": float(100.0 * counts.get("done", 0) / active) if active else math.nan,
        "mean_progress_pct": float(status["progress"].mean()) if len(status) else math.nan,
    }
    out["with_partnership"] = int(partnership_links(plan, partnerships)["has_partnership"].sum())
    return out


def summary_sentence(
    plan: pd.DataFrame, as_of: dt.date, partnerships: pd.DataFrame | None = None, year: int = 0
) -> tuple[tuple[str], dict]:
    """The report's headline: ((msgid,), values) for `rpt.p(*text, **values)`. The values are
    numbers and the as-of date, which the page writes in its language."""
    s = summary(plan, as_of, partnerships)
    values = {k: (round(v) if isinstance(v, float) and not math.isnan(v) else v) for k, v in s.items()}
    values.update(as_of=as_of, year=str(year))
    if year:
        return (
            N_(
                "As of {as_of}, courses of action planned for <b>{year}</b>: <b>{actions}</b>. Done: "
                "<b>{done}</b> ({done_pct} % of those not dropped); in progress: <b>{in_progress}</b>; not "
                "started: <b>{not_started}</b>; dropped: <b>{dropped}</b>; late: <b>{late}</b>. Mean recorded "
                "progress: {mean_progress_pct} %. With at least one partnership linked: "
                "<b>{with_partnership}</b>."
            ),
        ), values
    return (
        N_(
            "As of {as_of}, courses of action of the plan: <b>{actions}</b>. Done: <b>{done}</b> "
            "({done_pct} % of those not dropped); in progress: <b>{in_progress}</b>; not started: "
            "<b>{not_started}</b>; dropped: <b>{dropped}</b>; late: <b>{late}</b>. Mean recorded progress: "
            "{mean_progress_pct} %. With at least one partnership linked: <b>{with_partnership}</b>."
        ),
    ), values


def links_sentence(plan: pd.DataFrame, partnerships: pd.DataFrame | None) -> tuple[tuple[str], dict]:
    """How many actions have partnerships, and the codes in partnerships.actions not in the plan:
    ((msgid,), values) for `rpt.p(*text, **values)`."""
    links = partnership_links(plan, partnerships)
    unknown = unknown_action_codes(plan, partnerships)
    values = {
        "linked": int(links["has_partnership"].sum()),
        "actions": len(links),
        "unknown": ", ".join(f"{c} ({p})" for p, c in zip(unknown["partnership"], unknown["code"])),
    }
    if values["unknown"]:
        return (
            N_(
                "Courses of action with a partnership linked to them (partnerships, column actions): "
                "<b>{linked}</b> of <b>{actions}</b>. Codes in partnerships that are not in the plan: {unknown}."
            ),
        ), values
    return (
        N_(
            "Courses of action with a partnership linked to them (partnerships, column actions): "
            "<b>{linked}</b> of <b>{actions}</b>."
        ),
    ), values


def pillar_summary(plan: pd.DataFrame, as_of: dt.date, pillar: object, lang: str = "en") -> str:
    """The one line that folds a pillar: its name and progress ("Pillar I: ... · 12 courses of
    action: 3 done, 6 in progress, 3 not started · 2 late · mean progress 40 %")."""
    T = i18n.translator(lang)
    part = plan[plan["pillar"] == pillar] if pillar is not None else plan[plan["pillar"].isna()]
    s = summary(part, as_of)
    name = (
        T("Pillar {pillar}: {name}", pillar=pillar, name=T.label(vocab.PILLARS, pillar))
        if pillar in vocab.PILLARS
        else (str(pillar) if pillar is not None else T("No pillar"))
    )
    parts = [
        T.n("{n} course of action", "{n} courses of action", s["actions"]),
        T(
            "done {done}, in progress {in_progress}, not started {not_started}, dropped {dropped}",
            done=T.number(s["done"]),
            in_progress=T.number(s["in_progress"]),
            not_started=T.number(s["not_started"]),
            dropped=T.number(s["dropped"]),
        ),
        T("late {late}", late=T.number(s["late"])),
    ]
    if s["mean_progress_pct"] == s["mean_progress_pct"]:
        parts.append(T("mean progress {pct}", pct=T.percent(s["mean_progress_pct"], 0)))
    return f"{name} · " + " · ".join(parts)


def pillars(plan: pd.DataFrame) -> list:
    """The pillars of a plan in vocabulary order (I, II, III), unknown ones after, None last for
    actions with no pillar."""
    present = set(plan["pillar"].dropna())
    out = [p for p in vocab.PILLARS.keys if p in present] + sorted(present - set(vocab.PILLARS.keys), key=str)
    return out + ([None] if plan["pillar"].isna().any() else [])


def timeline_alt(plan: pd.DataFrame, as_of: dt.date, lang: str = "en") -> str:
    """The alt text of a timeline: how many actions, per status, and the late ones by code."""
    T = i18n.translator(lang)
    s = summary(plan, as_of)
    late = late_actions(plan, as_of)["code"].tolist()
    return T(
        "Timeline of {actions} by planned year, coloured by status: done {done}, in progress {in_progress}, "
        "not started {not_started}, dropped {dropped}. Late: {late}.",
        actions=T.n("{n} course of action", "{n} courses of action", s["actions"]),
        done=T.number(s["done"]),
        in_progress=T.number(s["in_progress"]),
        not_started=T.number(s["not_started"]),
        dropped=T.number(s["dropped"]),
        late=", ".join(late) or T("none"),
    )


def status_alt(table: pd.DataFrame, by: str, lang: str = "en") -> str:
    """The alt text of a status-bars chart (a `progress_by` table): each row's counts."""
    T = i18n.translator(lang)
    rows = []
    for _, r in table.iterrows():
        name = T("Pillar {pillar}", pillar=r[by]) if by == "pillar" else str(r[by])
        rows.append(
            T(
                "{name}: {done} done, {in_progress} in progress, {not_started} not started, {late} late",
                name=name,
                done=T.number(r["done"]),
                in_progress=T.number(r["in_progress"]),
                not_started=T.number(r["not_started"]),
                late=T.number(r["late"]),
            )
        )
    return T("Stacked bar chart of the courses of action by status. {rows}.", rows="; ".join(rows))


def workload_alt(table: pd.DataFrame, lang: str = "en") -> str:
    """The alt text of the workload chart: the five entities with the most open action-years."""
    T = i18n.translator(lang)
    top = "; ".join(
        T(
            "{name} {open} open of {total}",
            name=r["responsible"],
            open=T.number(r["open_action_years"]),
            total=T.number(r["action_years"]),
        )
        for _, r in table.head(5).iterrows()
    )
    return T("Bar chart of action-years per responsible entity, open and done; most open: {top}.", top=top)


def action_table(plan: pd.DataFrame, as_of: dt.date, lang: str = "en") -> pd.DataFrame:
    """Every course of action with its labels in `lang`, for the report's appendix.

    Returns:
        code, pillar (key), area, action, responsible, years, status (key), progress_pct,
        is_late ("late" / "atrasada", blank when not late: a reviewer reads words, not True/False).
    """
    status = plan_status(plan, as_of)
    status = status.iloc[sorted(range(len(status)), key=lambda i: code_sort_key(status["code"].iloc[i]))]
    return pd.DataFrame(
        {
            "code": status["code"],
            "pillar": status.get("pillar"),
            "area": [area_label(c, a, lang) for c, a in zip(status["code"], status.get("area", status["code"]))],
            "action": [action_label(c, a, lang) for c, a in zip(status["code"], status.get("action", status["code"]))],
            "responsible": status["responsible"].map(lambda rs: "; ".join(responsible_label(r, lang) for r in rs)),
            "years": status["years"].map(lambda ys: ", ".join(str(y) for y in ys)),
            "status": status["status"],
            "progress_pct": status["progress"],
            "is_late": status["is_late"].map(lambda late: i18n.translator(lang)("late") if late else ""),
        }
    ).reset_index(drop=True)


def links_table(
    plan: pd.DataFrame,
    partnerships: pd.DataFrame | None,
    linked: bool = True,
    lang: str = "en",
    action_chars: int | None = None,
) -> pd.DataFrame:
    """The courses of action with (linked=True) or without partnerships, labelled: code, action,
    and (linked only) partnerships.

    `action_chars` cuts the action texts as in `late_actions`."""
    links = partnership_links(plan, partnerships)
    names = {}
    if partnerships is not None and "name" in partnerships:
        names = dict(zip(partnerships["id"], partnerships["name"]))
    keep = links[links["has_partnership"] == linked]
    actions = dict(zip(plan["code"], plan["action"])) if "action" in plan else {}
    out = pd.DataFrame(
        {
            "code": keep["code"],
            "action": [short_text(action_label(c, actions.get(c), lang), action_chars) for c in keep["code"]],
            "partnerships": keep["partnership_ids"].map(
                lambda ids: "; ".join(f"{i} {names.get(i, '')}".strip() for i in ids)
            ),
        }
    ).reset_index(drop=True)
    return out if linked else out.drop(columns="partnerships")  # an always-empty column says nothing


def short_text(text: object, limit: int | None = 90) -> str:
    """A long text cut to at most `limit` characters at a word boundary, with an ellipsis;
    the text itself when it is short enough or limit is None.

    >>> short_text("Conduct systematic stakeholder analysis to identify partners", 40)
    'Conduct systematic stakeholder analysis…'
    >>> short_text("Short", 40)
    'Short'
    """
    s = "" if text is None else str(text)
    if limit is None or len(s) <= limit:
        return s
    cut = s[: limit - 1]  # room for the ellipsis: the result has at most limit characters
    if not s[limit - 1].isspace() and " " in cut[limit // 2 :]:  # a word goes on: drop it
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:.(/-") + "…"


def code_sort_key(code: object) -> tuple:
    """1.2 before 1.10: numeric parts compare as numbers."""
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in re.split(r"[.\-_]", str(code)))


def action_label(code: str, fallback: object = None, lang: str = "en") -> str:
    """The text of a course of action from vocab.ACTIONS; the workbook's text for an unknown code."""
    action = _ACTIONS.get(_code_key(code))
    if action is not None:
        return action.label(lang)
    return str(fallback) if isinstance(fallback, str) and fallback else str(code)


def area_label(code: str, fallback: object = None, lang: str = "en") -> str:
    """The area (sub-heading) of a course of action in a language; the workbook's area for an unknown code."""
    action = _ACTIONS.get(_code_key(code))
    if action is not None:
        return action.area(lang)
    return str(fallback) if isinstance(fallback, str) and fallback else ""


def responsible_label(name: str, lang: str = "en") -> str:
    """The label of a responsible entity (vocab.responsible_label when present)."""
    fn = getattr(vocab, "responsible_label", None)
    return fn(name, lang) if fn else name


# ---------------------------------------------------------------------------------------
# private helpers
# ---------------------------------------------------------------------------------------

_ACTIONS = {a.code: a for a in vocab.ACTIONS}


def _code_key(code: object) -> str:
    return str(code).strip().casefold()


def _as_list(value: object) -> list:
    if value is None or value is pd.NA:
        return []
    if isinstance(value, float) and math.isnan(value):
        return []
    if isinstance(value, str):
        return [p.strip() for p in value.split(";") if p.strip()]
    if isinstance(value, Iterable):
        return [v for v in value if v is not None and not (isinstance(v, float) and math.isnan(v))]
    return [value]
