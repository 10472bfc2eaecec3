"""Decision intelligence: join the appendices, flag every contradiction, give each partner and partnership a verdict.

The Strategy asks for "intelligence practices and procedures to make consistent and informed
decisions on the selection of partners" (section 3.6, interagency coordination) and a risk analysis
before partnering with the critical group (Appendix 3, step 2). Each rule below is one small function
over the loaded tables (docs/tables.md) that returns alert rows; `find_alerts` runs them all. The rules and the
seed's words behind them are documented in docs/consistency.md.

An alert has the columns of `ALERT_COLUMNS`: `rule` (a stable code, key of `RULES`), `severity`
(`blocker`, `warning` or `upcoming`), `subject_kind` (stakeholder or partnership), `subject_id`,
`subject_name`, `evidence` (one sentence citing the sheet and row it comes from) and `action`
(what to do, in the Strategy's words where it has them). `find_alerts` adds one helper column,
`related_ids` (the other stakeholders and partnerships the alert names), which the findings
workbook leaves out.

Shared definitions:

- **Due diligence is of the UN's partners**: stakeholders of the `un_system` sector are never
  asked for a screening.
- The **screening at a date** of a stakeholder is its latest screening dated on or before that
  date; it is **stale** when older than `max_age_days` at that date.
- A **commitment** is a latest value assessment with the recorded decision `proceed` (checked at
  its decision date, else its assessment date) or a partnership that is `negotiating` or
  `active` (checked at the as-of date). Its **parties** are the assessed stakeholder, or the
  partnership's lead and members.
- Information checks (Appendix 4, q01-q04): a No to q01 (not legally registered) or q03 (no
  activity or CSR report) is a **caution**; a No to q02 (no earlier UN partnership) or q04 (not
  in a UN initiative) is context, not risk: being new to the UN never lowers a partner's standing.
  A blank is never read as No.

>>> tables = {"stakeholders": pd.DataFrame({"id": ["a"], "name": ["Org A (fictional)"], "sector": ["academia"],
...                                         "influence": [5], "interest": [5]})}
>>> find_alerts(tables, as_of="2025-06-30")[["rule", "severity", "subject_id"]].values.tolist()
[['critical_unscreened', 'upcoming', 'a']]
"""

from __future__ import annotations

import functools
import html
from collections.abc import Iterator
from dataclasses import dataclass, field

import pandas as pd

from partnerlab import actionplan, i18n, schema, screening, stakeholders, vocab
from partnerlab.i18n import N_
from partnerlab.workbook import derived

__all__ = [
    "ALERT_COLUMNS",
    "SEVERITIES",
    "VERDICTS",
    "RULES",
    "RULE_VOCAB",
    "Rule",
    "Context",
    "Thresholds",
    "build_context",
    "find_alerts",
    "alerts_for",
    "alert_counts",
    "stakeholder_verdicts",
    "partnership_verdicts",
    "verdict_of",
    "next_steps",
    "brief",
    "flagged_central",
    "page_links",
    "count_items",
    "SEVERITY_MEANINGS",
    "VERDICT_MEANINGS",
    "linked_alerts_table",
    "alerts_table",
    "register_table",
    "members_table",
    "TABLE_LABELS",
    "TABLE_VOCABS",
    "CAUTION_CODES",
    "CONTEXT_CODES",
    "RULES_NOTE",
    "VERDICT_NOTE",
    "DECISION_RULES",
    "rule_dd_missing",
    "rule_dd_stale",
    "rule_dd_excluded",
    "rule_dd_incomplete",
    "rule_dd_caution",
    "rule_started_after_decline",
    "rule_started_before_decision",
    "rule_active_suggests_decline",
    "rule_c1_unsupported",
    "rule_evidence_after",
    "rule_excluded_exposure",
    "rule_dd_expiring",
    "rule_critical_unscreened",
    "rule_quality_overdue",
    "rule_course_off_track",
]

ALERT_COLUMNS = ["rule", "severity", "subject_kind", "subject_id", "subject_name", "evidence", "action"]
CAUTION_CODES = ("q01", "q03")  # not legally registered; no activity or CSR report
CONTEXT_CODES = ("q02", "q04")  # new to the UN: context, not risk

SEVERITIES = screening.catalog_vocabulary(
    "alert severity", ("blocker", N_("Blocker")), ("warning", N_("Warning")), ("upcoming", N_("Upcoming"))
)
SEVERITY_MEANINGS: dict[str, str] = {
    "blocker": N_("Stop: do not proceed until it is resolved"),
    "warning": N_("A contradiction or gap to resolve"),
    "upcoming": N_("A deadline or a pending step"),
}
VERDICTS = screening.catalog_vocabulary(
    "verdict",
    ("go", N_("Go")),
    ("go_with_conditions", N_("Go with conditions")),
    ("blocked", N_("Blocked")),
    ("not_assessed", N_("Not assessed")),
)
VERDICT_MEANINGS: dict[str, str] = {
    "go": N_("Clear, fresh due diligence, no contradiction and a decision that agrees"),
    "go_with_conditions": N_("No blocker, but conditions to meet first"),
    "blocked": N_("A blocker, an exclusion or a decline"),
    "not_assessed": N_("No due diligence or value assessment to go on"),
}
_SEVERITY_RANK = {k: i for i, k in enumerate(SEVERITIES.keys)}


@dataclass(frozen=True)
class Rule:
    """One consistency rule: its code, severity, title and action (English msgids, translated where shown)."""

    code: str
    severity: str
    title: str
    action: str


_R = [
    Rule(
        "dd_missing",
        "blocker",
        N_("Partner never screened"),
        N_('Conduct the due diligence (Appendix 4) before proceeding: "a risk analysis must be conducted".'),
    ),
    Rule(
        "dd_stale",
        "blocker",
        N_("Due diligence out of date"),
        N_("Renew the due diligence (Appendix 4) before proceeding."),
    ),
    Rule(
        "dd_excluded",
        "blocker",
        N_("Partner meets an exclusion criterion"),
        N_('Decline or exit: the partner meets the "criteria for excluding partners/allies" (Appendix 4).'),
    ),
    Rule(
        "dd_incomplete",
        "warning",
        N_("Due diligence incomplete"),
        N_("Answer every question of the due diligence (Appendix 4): a blank is not a No."),
    ),
    Rule(
        "dd_caution",
        "warning",
        N_("Information check answered No"),
        N_("Verify legal registration and activity reports (Appendix 4, questions 1 and 3) before proceeding."),
    ),
    Rule(
        "started_after_decline",
        "blocker",
        N_("Started although declined"),
        N_("Review the partnership: exit, or record a new value assessment and decision (Appendix 5)."),
    ),
    Rule(
        "started_before_decision",
        "warning",
        N_("Started before a decision"),
        N_(
            'Record the value assessment and decision before starting (Appendix 5): "decline participation, '
            'continue with confidence and formalize the partnership, or request additional information".'
        ),
    ),
    Rule(
        "active_suggests_decline",
        "warning",
        N_("Active although the criteria suggest decline"),
        N_('Re-assess the partnership (Appendix 5) and decide whether "to exit, renegotiate, or maintain" it.'),
    ),
    Rule(
        "c1_unsupported",
        "warning",
        N_("Criterion 1 rated acceptable without due diligence"),
        N_(
            'Re-rate criterion 1, "partners are acceptable (including due diligence)", once every partner has a '
            "complete screening."
        ),
    ),
    Rule(
        "evidence_after",
        "warning",
        N_("Relies on evidence dated after it"),
        N_("Record the evidence the decision relied on with its real date, or re-assess."),
    ),
    Rule(
        "excluded_exposure",
        "warning",
        N_("Tied to an excluded organisation"),
        N_('Assess the exposure: "does it affect the reputation of the UNS?" (Appendix 5, implications).'),
    ),
    Rule(
        "dd_expiring",
        "upcoming",
        N_("Due diligence expires soon"),
        N_("Schedule the renewal of the due diligence (Appendix 4)."),
    ),
    Rule(
        "critical_unscreened",
        "upcoming",
        N_("Critical group, never screened"),
        N_(
            'Conduct the risk analysis before exploring a partnership: "a risk analysis must be conducted" '
            "(Appendix 3, step 2)."
        ),
    ),
    Rule(
        "quality_overdue",
        "warning",
        N_("Quality not reviewed"),
        N_(
            '"Review the quality of existing ... partnerships" (Appendix 1, action 3.5) with the UNDESA/UNDP '
            "framework (Appendix 6)."
        ),
    ),
    Rule(
        "course_off_track",
        "warning",
        N_("Linked course of action dropped or late"),
        N_("Update the action plan (Appendix 1) or link the partnership to a live course of action."),
    ),
]
RULES: dict[str, Rule] = {r.code: r for r in _R}
# The rules about due diligence and value decisions (the due-diligence report lists their alerts).
DECISION_RULES = (
    "dd_missing",
    "dd_stale",
    "dd_excluded",
    "dd_incomplete",
    "dd_caution",
    "started_after_decline",
    "started_before_decision",
    "active_suggests_decline",
    "c1_unsupported",
    "evidence_after",
)
RULE_VOCAB = screening.catalog_vocabulary("consistency rule", *((r.code, r.title) for r in _R))

RULES_NOTE = N_(
    "Each alert comes from one rule that joins two or more sheets (docs/consistency.md). <b>Blockers</b> stop a "
    "decision; <b>warnings</b> are contradictions or gaps to resolve; <b>upcoming</b> are deadlines and pending "
    "steps. Due diligence is of the UN's partners: UN-system stakeholders are never asked for one. A No to "
    "question 2 or 4 (no earlier UN partnership, not in a UN initiative) is context, not risk."
)
VERDICT_NOTE = N_(
    "Verdict: <b>blocked</b> with a blocker, an exclusion or a decline; <b>not assessed</b> without due diligence "
    "(or, for a partnership, without a value assessment); <b>go</b> with a fresh, clear screening, no blocker or "
    "warning and a decision that agrees with the criteria; otherwise <b>go with conditions</b>."
)
# Column headers of the alert and verdict tables (msgids: `rpt.table(df, labels=TABLE_LABELS)`).
TABLE_LABELS: dict[str, str] = {
    "rule": N_("Rule"),
    "severity": N_("Severity"),
    "subject_kind": N_("Kind"),
    "subject_id": N_("Id"),
    "subject_name": N_("Subject"),
    "evidence": N_("Evidence"),
    "action": N_("What to do"),
    "verdict": N_("Verdict"),
    "status": N_("Status"),
    "partnership": N_("Partnership"),
    "blocker": N_("Blockers"),
    "warning": N_("Warnings"),
    "upcoming": N_("Upcoming deadlines"),
    "name": N_("Name"),
    "role": N_("Role"),
    "sector": N_("Sector"),
    "outcome": N_("Due diligence"),
    "assessed_on": N_("Screened on"),
    "degree": N_("Direct partners"),
    "betweenness": N_("Betweenness"),
    "n_blocker": N_("Blockers"),
    "n_warning": N_("Warnings"),
    "lead": N_("Lead"),
    "type": N_("Type"),
}
_KINDS = screening.catalog_vocabulary(
    "alert subject", ("stakeholder", N_("Stakeholder")), ("partnership", N_("Partnership"))
)
_ROLES = screening.catalog_vocabulary("partnership role", ("lead", N_("Lead")), ("member", N_("Member")))
TABLE_VOCABS: dict[str, vocab.Vocabulary] = {
    "rule": RULE_VOCAB,
    "severity": SEVERITIES,
    "subject_kind": _KINDS,
    "verdict": VERDICTS,
    "status": vocab.PARTNERSHIP_STATUSES,
    "role": _ROLES,
    "sector": vocab.SECTORS,
    "outcome": screening.OUTCOMES,
    "type": vocab.PARTNERSHIP_TYPES,
}
_COMMITTED = ("negotiating", "active")
_NOT_STARTED = ("exploring", "negotiating")


# ---------------------------------------------------------------------------------------
# The context every rule reads
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Thresholds:
    """The ages, in days, the rules measure against (`find_alerts` takes them by these names)."""

    max_age_days: int = 365  # a screening older than this at a decision or the as-of date is stale
    expiring_within_days: int = 90  # a screening expiring within this many days is upcoming
    quality_max_age_days: int = 365  # an active partnership needs a quality assessment this recent


@dataclass
class Context:
    """The loaded tables, the parameters and what several rules derive from them (built once)."""

    tables: dict[str, pd.DataFrame]
    as_of: pd.Timestamp
    lang: str = "en"
    thresholds: Thresholds = Thresholds()
    names: dict[str, str] = field(default_factory=dict)
    sectors: dict[str, str] = field(default_factory=dict)
    screened: pd.DataFrame = field(default_factory=pd.DataFrame)
    decisions: pd.DataFrame = field(default_factory=pd.DataFrame)
    _by_stakeholder: dict | None = field(default=None, repr=False)  # screenings_of, built on first use

    def screenings_of(self, sid: object) -> list[dict]:
        """The screenings of one stakeholder as records, oldest first (same date: table order);
        grouped once for the context (the rules ask for them once per commitment and party)."""
        if self._by_stakeholder is None:
            order = self.screened.assign(_pos=range(len(self.screened))).sort_values(["assessed_on", "_pos"])
            grouped: dict = {}
            for rec in order.drop(columns="_pos").to_dict("records"):
                grouped.setdefault(rec["stakeholder"], []).append(rec)
            self._by_stakeholder = grouped
        return self._by_stakeholder.get(sid, [])

    def t(self, key: str) -> pd.DataFrame:
        return self.tables[key]

    @property
    def _(self) -> i18n.Translator:
        """The words, numbers and dates of the context's language."""
        return i18n.translator(self.lang)

    def days(self, n: int) -> str:
        """A number of days ("1 day", "45 days") in the context's language."""
        return self._.n("{n} day", "{n} days", n)

    def day(self, value: object) -> str:
        """A date as the language writes it in a sentence ("30 de junio de 2025"), or — when blank."""
        if value is None or (not isinstance(value, str) and pd.isna(value)):
            return "—"
        return self._.date(pd.Timestamp(value))

    def name(self, sid: object) -> str:
        return self.names.get(sid) or str(sid)

    def is_un(self, sid: object) -> bool:
        return self.sectors.get(sid) == "un_system"


def build_context(wb: object, as_of: object = None, lang: str = "en", thresholds: Thresholds = Thresholds()) -> Context:
    """The tables of a loaded Workbook (or a dict of DataFrames; absent tables are empty) and the
    parameters; as_of None = the workbook's about.as_of, else today."""
    about = (wb.get("about") if isinstance(wb, dict) else getattr(wb, "about", None)) or {}
    tables = {s.key: _table(wb, s.key) for s in schema.SHEETS if s.key != "about"}
    st, pa = tables["stakeholders"], tables["partnerships"]
    ctx = Context(tables, screening.resolve_as_of(about, as_of), i18n.resolve_lang(lang), thresholds)
    ctx.names = {**dict(zip(st.get("id", []), st.get("name", []))), **dict(zip(pa.get("id", []), pa.get("name", [])))}
    ctx.sectors = dict(zip(st.get("id", []), st.get("sector", [])))
    dd = tables["due_diligence"]
    ctx.screened = (
        screening.screen(dd)
        if len(dd)
        else screening.screen(dd.iloc[:0])
        if "stakeholder" in dd
        else screening.screen(pd.DataFrame({"stakeholder": [], "assessed_on": []}))
    )
    va = tables["value_assessment"]
    if len(va) and "subject_kind" not in va:
        va = va.assign(
            subject_kind=["partnership" if s in set(pa.get("id", [])) else "stakeholder" for s in va["subject"]]
        )
    ctx.decisions = (
        screening.value_decisions(va)
        if len(va)
        else screening.value_decisions(pd.DataFrame({"subject": [], "assessed_on": []}))
    )
    if len(va):
        ctx.decisions["c1"] = [_rating(v) for v in va.get("c1", [None] * len(va))]
    else:
        ctx.decisions["c1"] = pd.Series(dtype=object)
    return ctx


@derived  # a page depends on the result, not on every sheet behind it (incremental runs)
def find_alerts(
    wb: object,
    as_of: object = None,
    lang: str = "en",
    max_age_days: int = Thresholds.max_age_days,
    expiring_within_days: int = Thresholds.expiring_within_days,
    quality_max_age_days: int = Thresholds.quality_max_age_days,
) -> pd.DataFrame:
    """Every alert of every rule, most serious first.

    Args:
        wb: The loaded Workbook, or a dict of tables keyed as docs/tables.md.
        as_of: The date ages are counted to; None = about.as_of, else today.
        lang: Language of the evidence and action sentences (a code of `i18n.LANGUAGES`).
        max_age_days: A screening older than this at a decision or the as-of date is stale.
        expiring_within_days: A screening expiring within this many days is upcoming.
        quality_max_age_days: An active partnership needs a quality assessment this recent.

    Returns:
        The columns of `ALERT_COLUMNS` plus `related_ids`, sorted by severity, rule order, subject.
    """
    ctx = build_context(wb, as_of, lang, Thresholds(max_age_days, expiring_within_days, quality_max_age_days))
    rows: list[dict] = []
    for rule in _RULE_FUNCTIONS:
        rows.extend(rule(ctx))
    out = pd.DataFrame(rows, columns=[*ALERT_COLUMNS, "related_ids"])
    if out.empty:
        return out
    order = {r: i for i, r in enumerate(RULES)}
    out = out.assign(_s=out["severity"].map(_SEVERITY_RANK), _r=out["rule"].map(order))
    return (
        out.sort_values(["_s", "_r", "subject_kind", "subject_id"], kind="stable")
        .drop(columns=["_s", "_r"])
        .reset_index(drop=True)
    )


@derived  # a page that shows some rules' alerts depends on those, not on every alert
def alerts_of_rules(
    wb: object, rules: list[str], lang: str = "en", max_age_days: int = Thresholds.max_age_days
) -> pd.DataFrame:
    """The alerts of `find_alerts` (default thresholds but max_age_days) whose rule is in `rules`,
    in the same order."""
    alerts = find_alerts(wb, lang=lang, max_age_days=max_age_days)
    return alerts[alerts["rule"].isin(rules)].reset_index(drop=True) if len(alerts) else alerts


# ---------------------------------------------------------------------------------------
# The rules: each returns alert rows (dicts with ALERT_COLUMNS and related_ids)
# ---------------------------------------------------------------------------------------


def rule_dd_missing(ctx: Context) -> list[dict]:
    """A recorded `proceed`, or a negotiating or active partnership, with a party that has no
    screening on or before the decision date (or the as-of date). Blocker."""
    return _commitment_rule(ctx, "dd_missing", lambda s: s is None)


def rule_dd_stale(ctx: Context) -> list[dict]:
    """The same where the party's only screenings are older than `max_age_days` at that date. Blocker."""
    return _commitment_rule(ctx, "dd_stale", lambda s: s is not None and s["age"] > ctx.thresholds.max_age_days)


def rule_dd_excluded(ctx: Context) -> list[dict]:
    """The same where the party's latest screening at that date is excluded (a red flag answered Yes). Blocker."""
    return _commitment_rule(ctx, "dd_excluded", lambda s: s is not None and s["outcome"] == "excluded")


def rule_dd_incomplete(ctx: Context) -> list[dict]:
    """The same where the party's latest screening at that date is incomplete (a question blank). Warning."""
    return _commitment_rule(ctx, "dd_incomplete", lambda s: s is not None and s["outcome"] == "incomplete")


def rule_dd_caution(ctx: Context) -> list[dict]:
    """The same where the latest screening answers No to q01 (legally registered) or q03 (activity or CSR
    report); a No to q02 or q04 is context, never an alert. Warning."""
    return _commitment_rule(
        ctx,
        "dd_caution",
        lambda s: s is not None and s["outcome"] != "excluded" and bool(set(s["checks_no"]) & set(CAUTION_CODES)),
    )


def rule_started_after_decline(ctx: Context) -> list[dict]:
    """A partnership that is active, or started on or after its decision date, although its latest
    recorded decision is `decline`. Blocker."""
    rows = []
    for rec in _partnerships(ctx):
        d = _latest_recorded(ctx, rec["id"])
        if d is None or d["decision"] != "decline":
            continue
        when, start = _decision_day(d), _ts(rec.get("start"))
        started = start is not None and when is not None and when <= start <= ctx.as_of
        if rec.get("status") != "active" and not started:
            continue
        qa = ctx.t("quality_assessment")
        later_qa = (
            qa[(qa.get("partnership") == rec["id"]) & (pd.to_datetime(qa.get("assessed_on")) >= when)]
            if len(qa) and when is not None
            else qa.iloc[:0]
        )
        values = {
            "p": ctx.name(rec["id"]),
            "when": ctx.day(when),
            "start": ctx.day(start),
            "status": _status(ctx, rec),
            "va": _cite(ctx, "value_assessment", d.get("row")),
            "pa": _cite(ctx, "partnerships", rec.get("row")),
        }
        before = start is None or start < (when or start)
        if len(later_qa):
            values["qa"] = ctx.day(pd.to_datetime(later_qa["assessed_on"]).min())
            text = (
                N_("{p} was declined on {when} ({va}) but is {status} ({pa}); its quality was then assessed on {qa}.")
                if before
                else N_(
                    "{p} was declined on {when} ({va}) but started on {start} and is {status} ({pa}); its quality was "
                    "then assessed on {qa}."
                )
            )
        else:
            text = (
                N_("{p} was declined on {when} ({va}) but is {status} ({pa}).")
                if before
                else N_("{p} was declined on {when} ({va}) but started on {start} and is {status} ({pa}).")
            )
        rows.append(_alert(ctx, "started_after_decline", "partnership", rec["id"], text, values))
    return rows


def rule_started_before_decision(ctx: Context) -> list[dict]:
    """A partnership past negotiation (active, under review or closed) that started before the first
    recorded decision of its value assessments. A partnership without any recorded decision is left to
    the verdict (not assessed). Warning."""
    rows = []
    for rec in _partnerships(ctx):
        start = _ts(rec.get("start"))
        if start is None or start > ctx.as_of or rec.get("status") in _NOT_STARTED:
            continue
        own = ctx.decisions[(ctx.decisions["subject"] == rec["id"]) & ctx.decisions["decision"].notna()]
        if own.empty:
            continue
        days = [x for x in (_decision_day(r) for r in own.to_dict("records")) if x is not None]
        if not days or start >= min(days):
            continue
        first = own.iloc[[_decision_day(r) for r in own.to_dict("records")].index(min(days))]
        values = {
            "p": ctx.name(rec["id"]),
            "start": ctx.day(start),
            "when": ctx.day(min(days)),
            "decision": vocab.DECISIONS.label(first["decision"], ctx.lang).lower(),
            "pa": _cite(ctx, "partnerships", rec.get("row")),
            "va": _cite(ctx, "value_assessment", first.get("row")),
        }
        rows.append(
            _alert(
                ctx,
                "started_before_decision",
                "partnership",
                rec["id"],
                N_('{p} started on {start} ({pa}), before its first recorded decision, "{decision}" on {when} ({va}).'),
                values,
            )
        )
    return rows


def rule_active_suggests_decline(ctx: Context) -> list[dict]:
    """A negotiating or active partnership whose latest value assessment's criteria suggest `decline`
    (a criterion rated not acceptable). Warning."""
    rows = []
    latest = screening.latest_value_decisions(ctx.decisions) if len(ctx.decisions) else ctx.decisions
    by_subject = {r["subject"]: r for r in latest.to_dict("records")} if len(latest) else {}
    for rec in _partnerships(ctx):
        d = by_subject.get(rec["id"])
        if rec.get("status") not in _COMMITTED or d is None or d["suggested"] != "decline":
            continue
        crit = "; ".join(f"{c[1:]}. {ctx._(screening.CRITERION_SHORT[c])}" for c in d["not_acceptable"])
        values = {
            "p": ctx.name(rec["id"]),
            "status": _status(ctx, rec),
            "when": ctx.day(d["assessed_on"]),
            "crit": crit,
            "recorded": vocab.DECISIONS.label(d["decision"], ctx.lang)
            if isinstance(d["decision"], str)
            else ctx._("none"),
            "va": _cite(ctx, "value_assessment", d.get("row")),
        }
        rows.append(
            _alert(
                ctx,
                "active_suggests_decline",
                "partnership",
                rec["id"],
                N_(
                    "{p} is {status}, but its latest value assessment ({when}, {va}) rates not acceptable: {crit}; the "
                    "criteria suggest decline (recorded: {recorded})."
                ),
                values,
            )
        )
    return rows


def rule_c1_unsupported(ctx: Context) -> list[dict]:
    """A value assessment that rates criterion 1 ("partners are acceptable, including due diligence")
    acceptable while a party's screening at the assessment date is missing, incomplete or excluded.
    Warning."""
    rows = []
    for d in ctx.decisions.to_dict("records"):
        if d.get("c1") != "acceptable":
            continue
        when = _ts(d["assessed_on"])
        bad = []
        for sid, _role in _parties(ctx, d["subject"]):
            s = _screening_at(ctx, sid, when)
            outcome = "not_screened" if s is None else s["outcome"]
            if outcome in ("not_screened", "incomplete", "excluded"):
                bad.append((sid, outcome))
        if not bad:
            continue
        listed = "; ".join(f"{ctx.name(sid)} ({screening.OUTCOMES.label(o, ctx.lang).lower()})" for sid, o in bad)
        values = {
            "p": ctx.name(d["subject"]),
            "when": ctx.day(when),
            "va": _cite(ctx, "value_assessment", d.get("row")),
            "listed": listed,
        }
        rows.append(
            _alert(
                ctx,
                "c1_unsupported",
                d.get("subject_kind") or "partnership",
                d["subject"],
                N_(
                    "The value assessment of {p} on {when} ({va}) rates criterion 1 acceptable, but at that date: "
                    "{listed}."
                ),
                values,
                related=[sid for sid, _ in bad],
            )
        )
    return rows


def rule_evidence_after(ctx: Context) -> list[dict]:
    """An assessment or decision that relies on evidence dated after it: a decision dated before its
    assessment, or criterion 1 rated (due diligence relied on) while a party's only screenings are dated
    after the decision. Warning."""
    rows = []
    for d in ctx.decisions.to_dict("records"):
        assessed, decided = _ts(d["assessed_on"]), _ts(d.get("decision_date"))
        cite = _cite(ctx, "value_assessment", d.get("row"))
        alert = functools.partial(_alert, ctx, "evidence_after", d.get("subject_kind") or "partnership", d["subject"])
        if decided is not None and assessed is not None and decided < assessed:
            rows.append(
                alert(
                    N_("The decision on {p} is dated {decided}, before the assessment it rests on ({assessed}, {va})."),
                    {
                        "p": ctx.name(d["subject"]),
                        "decided": ctx.day(decided),
                        "assessed": ctx.day(assessed),
                        "va": cite,
                    },
                )
            )
        if d.get("c1") in (screening.NOT_ASSESSED, "insufficient_information"):
            continue
        when = decided or assessed
        if when is None:
            continue
        for sid, _role in _parties(ctx, d["subject"]):
            if _screening_at(ctx, sid, when) is not None:
                continue
            later = ctx.screened[(ctx.screened["stakeholder"] == sid) & (ctx.screened["assessed_on"] > when)]
            if later.empty:
                continue
            first = later.sort_values("assessed_on").iloc[0]
            values = {
                "p": ctx.name(d["subject"]),
                "when": ctx.day(when),
                "va": cite,
                "s": ctx.name(sid),
                "sd": ctx.day(first["assessed_on"]),
                "days": ctx.days(int((first["assessed_on"] - when).days)),
                "rating": screening.RATINGS.label(d["c1"], ctx.lang).lower(),
                "dd": _cite(ctx, "due_diligence", first.get("row")),
            }
            rows.append(
                alert(
                    N_(
                        "The decision on {p} of {when} ({va}) rates criterion 1 (due diligence) {rating}, but the only "
                        "screening of {s} is dated {sd} ({dd}), {days} later."
                    ),
                    values,
                    related=[sid],
                )
            )
    return rows


def rule_excluded_exposure(ctx: Context) -> list[dict]:
    """Who is exposed to an organisation whose latest screening is excluded: every stakeholder with a
    current tie to it (no `until`, or `until` in or after the as-of year), and every partnership not
    closed that has it, or one of its parties tied to it. Warning."""
    excluded = {s for s, o in _latest_outcomes(ctx).items() if o == "excluded"}
    if not excluded:
        return []
    rows, exposed_by = _exposure_through_ties(ctx, excluded)
    for rec in _partnerships(ctx):
        if rec.get("status") != "closed":
            rows.extend(_exposure_in_partnership(ctx, rec, excluded, exposed_by))
    return rows


def _exposure_through_ties(ctx: Context, excluded: set) -> tuple[list[dict], dict]:
    """An alert per stakeholder with a current tie to an excluded one; and who is exposed by which
    excluded stakeholder ({stakeholder: [(excluded id, cite)]}) for the partnerships."""
    rows, exposed_by = [], {}  # stakeholder -> [(excluded id, cite)]
    ties = ctx.t("ties")
    for rec in ties.to_dict("records") if len(ties) else []:
        until = rec.get("until")
        if until is not None and not pd.isna(until) and int(until) < ctx.as_of.year:
            continue
        for a, b in ((rec.get("source"), rec.get("target")), (rec.get("target"), rec.get("source"))):
            if b in excluded and a not in excluded:
                cite = _cite(ctx, "ties", rec.get("row"))
                exposed_by.setdefault(a, []).append((b, cite))
                kind = vocab.TIE_KINDS.label(rec.get("kind") or "partnership", ctx.lang).lower()
                rows.append(
                    _alert(
                        ctx,
                        "excluded_exposure",
                        "stakeholder",
                        a,
                        N_("{a} has a current {kind} tie with {b} ({ties}), whose latest screening is excluded."),
                        {"a": ctx.name(a), "b": ctx.name(b), "kind": kind, "ties": cite},
                        related=[b],
                    )
                )
    return rows, exposed_by


def _exposure_in_partnership(ctx: Context, rec: dict, excluded: set, exposed_by: dict) -> list[dict]:
    """The alerts of one partnership not closed: exposed through a party's tie to an excluded
    organisation outside it, and each party sharing it with an excluded party."""
    rows = []
    parties = [sid for sid, _ in _parties(ctx, rec["id"], include_un=True)]
    for sid in parties:
        if sid in excluded:
            continue
        for b, cite in exposed_by.get(sid, []):
            if b in parties:
                continue
            rows.append(
                _alert(
                    ctx,
                    "excluded_exposure",
                    "partnership",
                    rec["id"],
                    N_("{p} ({status}) is exposed through {a}, tied to the excluded {b} ({ties})."),
                    {
                        "p": ctx.name(rec["id"]),
                        "status": _status(ctx, rec),
                        "a": ctx.name(sid),
                        "b": ctx.name(b),
                        "ties": cite,
                    },
                    related=[sid, b],
                )
            )
    for b in [p for p in parties if p in excluded]:
        for sid in parties:
            if sid == b or sid in excluded:
                continue
            rows.append(
                _alert(
                    ctx,
                    "excluded_exposure",
                    "stakeholder",
                    sid,
                    N_("{a} shares the partnership {p} ({status}, {pa}) with {b}, whose latest screening is excluded."),
                    {
                        "a": ctx.name(sid),
                        "p": ctx.name(rec["id"]),
                        "status": _status(ctx, rec),
                        "b": ctx.name(b),
                        "pa": _cite(ctx, "partnerships", rec.get("row")),
                    },
                    related=[rec["id"], b],
                )
            )
    return rows


def rule_dd_expiring(ctx: Context) -> list[dict]:
    """A screening of a party to an active partnership, or of the critical group, that is fresh today
    but expires (its date + `max_age_days`) within `expiring_within_days`. Upcoming."""
    watched = _critical_ids(ctx) | {
        sid for rec in _partnerships(ctx) if rec.get("status") == "active" for sid, _ in _parties(ctx, rec["id"])
    }
    rows = []
    for sid in sorted(watched):
        s = _screening_at(ctx, sid, ctx.as_of)
        if s is None or s["outcome"] == "excluded":
            continue
        expires = s["assessed_on"] + pd.Timedelta(days=ctx.thresholds.max_age_days)
        if not (ctx.as_of <= expires <= ctx.as_of + pd.Timedelta(days=ctx.thresholds.expiring_within_days)):
            continue
        rows.append(
            _alert(
                ctx,
                "dd_expiring",
                "stakeholder",
                sid,
                N_("The screening of {s} of {when} ({dd}) reaches {max} days on {expires}, in {left}."),
                {
                    "s": ctx.name(sid),
                    "when": ctx.day(s["assessed_on"]),
                    "dd": _cite(ctx, "due_diligence", s.get("row")),
                    "max": ctx.thresholds.max_age_days,
                    "expires": ctx.day(expires),
                    "left": ctx.days(int((expires - ctx.as_of).days)),
                },
            )
        )
    return rows


def rule_critical_unscreened(ctx: Context) -> list[dict]:
    """A stakeholder of the critical group (high influence and high interest) never screened:
    "a risk analysis must be conducted" (Appendix 3, step 2). Upcoming."""
    rows = []
    st = ctx.t("stakeholders")
    screened = set(ctx.screened["stakeholder"]) if len(ctx.screened) else set()
    first = {sid: i for i, sid in reversed(list(enumerate(st["id"])))}  # one scan, not one per stakeholder
    for sid in sorted(_critical_ids(ctx) - screened):
        rec = st.iloc[first[sid]]
        rows.append(
            _alert(
                ctx,
                "critical_unscreened",
                "stakeholder",
                sid,
                N_(
                    "{s} is in the critical group (influence {i}, interest {n}; {st}) and has no due-diligence screening."
                ),
                {
                    "s": ctx.name(sid),
                    "i": rec["influence"],
                    "n": rec["interest"],
                    "st": _cite(ctx, "stakeholders", rec.get("row")),
                },
            )
        )
    return rows


def rule_quality_overdue(ctx: Context) -> list[dict]:
    """An active partnership with no quality assessment (Appendix 6) in the `quality_max_age_days`
    before the as-of date. Warning."""
    qa = ctx.t("quality_assessment")
    rows = []
    for rec in _partnerships(ctx):
        if rec.get("status") != "active":
            continue
        own = (
            pd.to_datetime(qa[qa["partnership"] == rec["id"]]["assessed_on"])
            if len(qa)
            else pd.Series(dtype="datetime64[ns]")
        )
        own = own[own <= ctx.as_of]
        last = own.max() if len(own) else None
        if last is not None and (ctx.as_of - last).days <= ctx.thresholds.quality_max_age_days:
            continue
        values = {
            "p": ctx.name(rec["id"]),
            "pa": _cite(ctx, "partnerships", rec.get("row")),
            "max": ctx.thresholds.quality_max_age_days,
            "last": ctx.day(last),
            "days": ctx.days(int((ctx.as_of - last).days)) if last is not None else "",
            "qa": _cite(ctx, "quality_assessment", None),
        }
        text = (
            N_("{p} is active ({pa}) and its last quality assessment is of {last}, {days} ago (more than {max}).")
            if last is not None
            else N_("{p} is active ({pa}) and has no quality assessment ({qa}).")
        )
        rows.append(_alert(ctx, "quality_overdue", "partnership", rec["id"], text, values))
    return rows


def rule_course_off_track(ctx: Context) -> list[dict]:
    """A partnership not closed that is linked (partnerships.actions) to a course of action of the
    action plan that is dropped or late (actionplan.plan_status). Warning."""
    plan = ctx.t("action_plan")
    if plan.empty:
        return []
    status = actionplan.plan_status(plan, ctx.as_of.date())
    by_code = {str(c).strip().casefold(): r for c, r in zip(status["code"], status.to_dict("records"))}
    rows = []
    for rec in _partnerships(ctx):
        if rec.get("status") == "closed":
            continue
        for code in rec.get("actions") or []:
            a = by_code.get(str(code).strip().casefold())
            if a is None or not (a["status"] == "dropped" or a["is_late"]):
                continue
            state = (
                vocab.ACTION_STATUSES.label("dropped", ctx.lang).lower()
                if a["status"] == "dropped"
                else ctx._("late (last planned year {y})", y=a["last_year"])
            )
            rows.append(
                _alert(
                    ctx,
                    "course_off_track",
                    "partnership",
                    rec["id"],
                    N_("{p} ({status}) is linked to course of action {code}, which is {state} ({ap})."),
                    {
                        "p": ctx.name(rec["id"]),
                        "status": _status(ctx, rec),
                        "code": a["code"],
                        "state": state,
                        "ap": _cite(ctx, "action_plan", a.get("row")),
                    },
                )
            )
    return rows


_RULE_FUNCTIONS = (
    rule_dd_missing,
    rule_dd_stale,
    rule_dd_excluded,
    rule_dd_incomplete,
    rule_dd_caution,
    rule_started_after_decline,
    rule_started_before_decision,
    rule_active_suggests_decline,
    rule_c1_unsupported,
    rule_evidence_after,
    rule_excluded_exposure,
    rule_dd_expiring,
    rule_critical_unscreened,
    rule_quality_overdue,
    rule_course_off_track,
)


# ---------------------------------------------------------------------------------------
# Verdicts
# ---------------------------------------------------------------------------------------


def alerts_for(alerts: pd.DataFrame, subject_id: str, related: bool = False) -> pd.DataFrame:
    """The alerts whose subject is `subject_id` (with `related=True`, also those that name it)."""
    if alerts.empty:
        return alerts
    mask = alerts["subject_id"] == subject_id
    if related:
        mask |= alerts["related_ids"].map(lambda ids: subject_id in (ids or []))
    return alerts[mask].reset_index(drop=True)


def alert_counts(alerts: pd.DataFrame) -> dict[str, int]:
    """How many alerts of each severity (every severity listed)."""
    counts = alerts["severity"].value_counts() if len(alerts) else {}
    return {k: int(counts.get(k, 0)) for k in SEVERITIES.keys}


def verdict_of(
    kind: str,
    own_alerts: pd.DataFrame,
    outcome: str | None = None,
    is_stale: bool = False,
    checks_no: list | None = None,
    decision: dict | None = None,
    is_un: bool = False,
) -> str:
    """The verdict of one stakeholder or partnership from its own alerts and its existing outcomes.

    Args:
        kind: "stakeholder" or "partnership".
        own_alerts: Alerts whose subject it is.
        outcome: A stakeholder's latest screening outcome (None or not_screened when none).
        is_stale: Whether that screening is older than the maximum age.
        checks_no: Its information checks answered No (only q01 and q03 make a condition).
        decision: Its latest value decision (`screening.value_decisions` row) or None.
        is_un: A UN-system stakeholder (never asked for due diligence).

    >>> verdict_of("stakeholder", pd.DataFrame(columns=ALERT_COLUMNS), "clear", decision=None)
    'go'
    >>> verdict_of("stakeholder", pd.DataFrame(columns=ALERT_COLUMNS), "caution", checks_no=["q02"])
    'go'
    >>> verdict_of("partnership", pd.DataFrame(columns=ALERT_COLUMNS), decision=None)
    'not_assessed'
    """
    severities = set(own_alerts["severity"]) if len(own_alerts) else set()
    if "blocker" in severities or outcome == "excluded":
        return "blocked"
    if decision is not None and "decline" in (decision.get("suggested"), decision.get("decision")):
        return "blocked"
    if kind == "stakeholder" and not is_un and outcome in (None, "not_screened"):
        return "not_assessed"
    if kind == "partnership" and decision is None:
        return "not_assessed"
    conditions = (
        "warning" in severities
        or is_stale
        or outcome == "incomplete"
        or bool(set(checks_no or []) & set(CAUTION_CODES))
    )
    if decision is not None:
        conditions |= (
            decision.get("suggested") != "proceed"
            or bool(decision.get("adjustments"))
            or decision.get("decision") != "proceed"
        )
    return "go_with_conditions" if conditions else "go"


@derived  # a page depends on the result, not on every sheet behind it (incremental runs)
def stakeholder_verdicts(
    wb: object, alerts: pd.DataFrame | None = None, as_of: object = None, max_age_days: int = 365, lang: str = "en"
) -> pd.DataFrame:
    """Every stakeholder's verdict.

    Returns:
        stakeholder, name, sector, outcome (latest screening or not_screened), assessed_on, is_stale,
        verdict (key of `VERDICTS`), n_blocker, n_warning, n_upcoming (own alerts).
    """
    ctx = build_context(wb, as_of, lang, Thresholds(max_age_days))
    alerts = find_alerts(wb, as_of, lang, max_age_days) if alerts is None else alerts
    latest = _latest_decisions(ctx)
    # each stakeholder's own alerts, grouped once (alerts_for per stakeholder scanned every alert:
    # quadratic, 46 of 82 profiled seconds at 10,000 stakeholders, hours at 100,000)
    none = alerts.iloc[0:0].reset_index(drop=True)
    by_subject = (
        {sid: part.reset_index(drop=True) for sid, part in alerts.groupby("subject_id", sort=False)}
        if len(alerts)
        else {}
    )
    rows = []
    for sid, name, sector in zip(
        ctx.t("stakeholders")["id"], ctx.t("stakeholders")["name"], ctx.t("stakeholders")["sector"]
    ):
        s = _screening_at(ctx, sid, ctx.as_of)
        own = by_subject.get(sid, none)
        own = own[own["subject_kind"] == "stakeholder"] if len(own) else own
        outcome = "not_screened" if s is None else s["outcome"]
        stale = s is not None and s["age"] > ctx.thresholds.max_age_days
        verdict = verdict_of(
            "stakeholder",
            own,
            outcome,
            stale,
            s["checks_no"] if s is not None else None,
            latest.get(sid),
            ctx.is_un(sid),
        )
        counts = alert_counts(own)
        rows.append(
            {
                "stakeholder": sid,
                "name": name,
                "sector": sector,
                "outcome": outcome,
                "assessed_on": s["assessed_on"] if s is not None else pd.NaT,
                "is_stale": stale,
                "verdict": verdict,
                **{f"n_{k}": v for k, v in counts.items()},
            }
        )
    return pd.DataFrame(
        rows,
        columns=[
            "stakeholder",
            "name",
            "sector",
            "outcome",
            "assessed_on",
            "is_stale",
            "verdict",
            "n_blocker",
            "n_warning",
            "n_upcoming",
        ],
    )


@derived  # a page depends on the result, not on every sheet behind it (incremental runs)
def partnership_verdicts(
    wb: object, alerts: pd.DataFrame | None = None, as_of: object = None, max_age_days: int = 365, lang: str = "en"
) -> pd.DataFrame:
    """Every partnership's verdict (the register).

    Returns:
        partnership, name, status, type, lead, suggested, decision (latest value assessment),
        verdict, n_blocker, n_warning, n_upcoming.
    """
    ctx = build_context(wb, as_of, lang, Thresholds(max_age_days))
    alerts = find_alerts(wb, as_of, lang, max_age_days) if alerts is None else alerts
    latest = _latest_decisions(ctx)
    rows = []
    for rec in _partnerships(ctx):
        own = alerts_for(alerts, rec["id"])
        own = own[own["subject_kind"] == "partnership"] if len(own) else own
        d = latest.get(rec["id"])
        counts = alert_counts(own)
        rows.append(
            {
                "partnership": rec["id"],
                "name": rec.get("name"),
                "status": rec.get("status"),
                "type": rec.get("type"),
                "lead": ctx.name(rec.get("lead")) if rec.get("lead") else None,
                "suggested": d["suggested"] if d else None,
                "decision": d["decision"] if d else None,
                "verdict": verdict_of("partnership", own, decision=d),
                **{f"n_{k}": v for k, v in counts.items()},
            }
        )
    return pd.DataFrame(
        rows,
        columns=[
            "partnership",
            "name",
            "status",
            "type",
            "lead",
            "suggested",
            "decision",
            "verdict",
            "n_blocker",
            "n_warning",
            "n_upcoming",
        ],
    )


def next_steps(verdict: str, own_alerts: pd.DataFrame, lang: str = "en", kind: str = "stakeholder") -> list[str]:
    """What to do next: the actions of the alerts, most serious first, without repeats; a default
    step from the verdict when no alert says what to do."""
    steps: list[str] = []
    for action in own_alerts.get("action", []):
        if action not in steps:
            steps.append(action)
    if not steps:
        msgid = _DEFAULT_STEPS.get((kind, verdict)) or _DEFAULT_STEPS[("*", verdict)]
        steps.append(i18n.translator(lang)(msgid))
    return steps


# The titles of the verdict box's sections (msgids).
BRIEF_TEXT: dict[str, str] = {
    "heading": N_("Verdict: {verdict}"),
    "partnerships": N_("Its partnerships"),
    "blocker": N_("Blocking"),
    "warning": N_("Warnings"),
    "upcoming": N_("Upcoming deadlines"),
    "next": N_("What to do next"),
    "meaning": N_("Why"),
}


@derived  # a page depends on the result, not on every sheet behind it (incremental runs)
def brief(
    wb: object,
    subject: str,
    kind: str = "stakeholder",
    alerts: pd.DataFrame | None = None,
    lang: str = "en",
    max_age_days: int = 365,
) -> dict:
    """What the verdict box of a profile or partnership page shows.

    The alerts shown are those whose subject it is and those that name it (a partnership's alert
    about this stakeholder as its lead or member).

    Returns:
        {"verdict" (key), "heading", "sections" ([(title, [sentences])]: blocking, warnings,
        upcoming, what to do next), "alerts" (DataFrame with ALERT_COLUMNS), "row" (the verdict row)}.
    """
    _ = i18n.translator(lang)
    alerts = find_alerts(wb, lang=lang, max_age_days=max_age_days) if alerts is None else alerts
    table = (stakeholder_verdicts if kind == "stakeholder" else partnership_verdicts)(
        wb, alerts, max_age_days=max_age_days, lang=lang
    )
    key = "stakeholder" if kind == "stakeholder" else "partnership"
    row = table[table[key] == subject].iloc[0]
    mine = alerts_for(alerts, subject, related=True)
    verdict = row["verdict"]
    sections = [(_(BRIEF_TEXT["meaning"]), [_(VERDICT_MEANINGS[verdict])])]
    for severity in SEVERITIES.keys:
        part = mine[mine["severity"] == severity] if len(mine) else mine
        sections.append((_(BRIEF_TEXT[severity]), list(dict.fromkeys(part.get("evidence", [])))))
    if kind == "stakeholder":
        sections.append((_(BRIEF_TEXT["partnerships"]), _partnership_lines(wb, subject, alerts, lang, max_age_days)))
    sections.append((_(BRIEF_TEXT["next"]), next_steps(verdict, mine, lang, kind)))
    return {
        "verdict": verdict,
        "heading": _(BRIEF_TEXT["heading"], verdict=VERDICTS.label(verdict, lang)),
        "sections": sections,
        "alerts": alerts_table(mine),
        "row": row,
    }


def _partnership_lines(wb: object, sid: str, alerts: pd.DataFrame, lang: str, max_age_days: int) -> list[str]:
    """One line per partnership the stakeholder leads or belongs to (not closed): its verdict and alert counts."""
    ctx = build_context(wb, lang=lang, thresholds=Thresholds(max_age_days))
    mine = [
        (rec["id"], role)
        for rec in _partnerships(ctx)
        if rec.get("status") != "closed"
        for party, role in _parties(ctx, rec["id"], include_un=True)
        if party == sid
    ]
    if not mine:
        return []
    verdicts = partnership_verdicts(wb, alerts, max_age_days=max_age_days, lang=lang).set_index("partnership")
    _ = ctx._
    return [
        _(
            "{name} ({role}, {status}): {verdict}; {blockers}, {warnings}",
            name=ctx.name(pid),
            role=_ROLES.label(role, lang).lower(),
            status=_status(ctx, {"status": verdicts.loc[pid, "status"]}),
            verdict=VERDICTS.label(verdicts.loc[pid, "verdict"], lang).lower(),
            blockers=_.n("{n} blocker", "{n} blockers", int(verdicts.loc[pid, "n_blocker"])),
            warnings=_.n("{n} warning", "{n} warnings", int(verdicts.loc[pid, "n_warning"])),
        )
        for pid, role in mine
    ]


def count_items(counts: dict[str, int], lang: str = "en") -> list[tuple[str, str, int]]:
    """The headline alert counts for `Report.counts`: (severity, the word after the number, number),
    singular or plural by the number ("1 bloqueo", "3 bloqueos").

    >>> count_items({"blocker": 1, "warning": 3}, "es")
    [('blocker', 'bloqueo', 1), ('warning', 'advertencias', 3), ('upcoming', 'plazos próximos', 0)]
    """
    n = {k: int(counts.get(k, 0)) for k in SEVERITIES.keys}
    return [
        ("blocker", i18n.ngettext("blocker", "blockers", n["blocker"], lang), n["blocker"]),
        ("warning", i18n.ngettext("warning", "warnings", n["warning"], lang), n["warning"]),
        ("upcoming", i18n.ngettext("upcoming deadline", "upcoming deadlines", n["upcoming"], lang), n["upcoming"]),
    ]


def page_links(listing: list[dict] | None) -> dict[str, str]:
    """Stakeholder or partnership id -> the page of the batch about it (a partner profile, a
    partnership page), from the batch's report records; {} outside a batch."""
    links: dict[str, str] = {}
    for rec in listing or []:
        if rec.get("status") not in ("ok", "running", "pending"):
            continue
        own = rec.get("parameters_own") or {}
        for param in ("stakeholder", "partnership"):
            if rec.get("report") in ("partner_profile", "partnership") and own.get(param):
                links.setdefault(own[param], f"{rec['name']}.html")
    return links


def flagged_central(centrality: pd.DataFrame, verdicts: pd.DataFrame, top: int = 15) -> pd.DataFrame:
    """Among the `top` most central actors (`network.centrality_table`, by betweenness), those not
    cleared: unscreened, blocked, with conditions, or named by a blocker or warning alert. UN-system
    actors are never asked for due diligence and are listed only when an alert names them.

    Returns:
        stakeholder (id), name, sector, degree, betweenness (rounded), outcome (latest screening key),
        verdict (key), n_blocker, n_warning; in centrality order.
    """
    cols = ["stakeholder", "name", "sector", "degree", "betweenness", "outcome", "verdict", "n_blocker", "n_warning"]
    if centrality.empty or verdicts.empty:
        return pd.DataFrame(columns=cols)
    v = verdicts.set_index("stakeholder")
    head = centrality.head(top)
    keep = [
        sid
        for sid in head.index
        if sid in v.index and (v.loc[sid, "verdict"] != "go" or v.loc[sid, "n_blocker"] + v.loc[sid, "n_warning"] > 0)
    ]
    out = head.loc[keep, ["name", "sector", "degree", "betweenness"]].copy()
    out.insert(0, "stakeholder", keep)
    out["betweenness"] = out["betweenness"].round(3)
    for col in ("outcome", "verdict", "n_blocker", "n_warning"):
        out[col] = [v.loc[sid, col] for sid in keep]
    return out[cols].reset_index(drop=True)


def linked_alerts_table(
    alerts: pd.DataFrame, links: dict[str, str] | None = None, top: int | None = None
) -> pd.DataFrame:
    """Alerts for an overview: severity and rule (keys), the subject as a link to its page when `links`
    has it, evidence; every text escaped here (display with `Report.table(..., escape=False)`)."""
    links = links or {}
    shown = alerts.head(top) if top else alerts
    subject = [
        f'<a href="{html.escape(links[i])}">{html.escape(str(n))}</a>' if i in links else html.escape(str(n))
        for i, n in zip(shown["subject_id"], shown["subject_name"])
    ]
    return pd.DataFrame(
        {
            "severity": shown["severity"].tolist(),
            "rule": shown["rule"].tolist(),
            "subject_name": subject,
            "evidence": [html.escape(str(e)) for e in shown["evidence"]],
        }
    )


# ---------------------------------------------------------------------------------------
# Report tables: keys in vocabulary columns (TABLE_VOCABS), text in the language asked for
# ---------------------------------------------------------------------------------------


def alerts_table(alerts: pd.DataFrame, names: bool = True) -> pd.DataFrame:
    """The alerts with exactly `ALERT_COLUMNS` (the findings workbook's `alerts` sheet); with
    `names=False` the subject columns are left out (a page about that subject)."""
    out = alerts.reindex(columns=ALERT_COLUMNS).reset_index(drop=True)
    return out if names else out.drop(columns=["subject_kind", "subject_id", "subject_name"])


def register_table(verdicts: pd.DataFrame, links: dict[str, str] | None = None) -> pd.DataFrame:
    """The partnership register for a report: name (a link when `links` has the id), status, lead,
    verdict and alert counts. Names are escaped here, since a link needs HTML: display with
    `Report.table(..., escape=False)`."""
    links = links or {}
    names = [
        f'<a href="{html.escape(links[p])}">{html.escape(str(n))}</a>' if p in links else html.escape(str(n))
        for p, n in zip(verdicts["partnership"], verdicts["name"])
    ]
    return pd.DataFrame(
        {
            "partnership": names,
            "status": verdicts["status"].tolist(),
            "lead": [html.escape(str(x)) if x else "" for x in verdicts["lead"]],
            "verdict": verdicts["verdict"].tolist(),
            "blocker": verdicts["n_blocker"].tolist(),
            "warning": verdicts["n_warning"].tolist(),
            "upcoming": verdicts["n_upcoming"].tolist(),
        }
    )


@derived  # a page depends on the result, not on every sheet behind it (incremental runs)
def members_table(
    wb: object,
    partnership: str,
    verdicts: pd.DataFrame | None = None,
    max_age_days: int = Thresholds.max_age_days,
    lang: str = "en",
) -> pd.DataFrame:
    """The lead and members of one partnership: name, role, sector, latest screening outcome and date,
    verdict (UN-system members show no screening: none is asked of them). `verdicts` are
    `stakeholder_verdicts` (computed here with max_age_days and lang when None: a page that passes
    none depends on its members' rows only, not on every stakeholder's verdict)."""
    if verdicts is None:
        verdicts = stakeholder_verdicts(wb, max_age_days=max_age_days, lang=lang)
    ctx = build_context(wb)
    by_id = verdicts.set_index("stakeholder") if len(verdicts) else pd.DataFrame()
    rows = []
    for sid, role in _parties(ctx, partnership, include_un=True):
        v = by_id.loc[sid] if sid in by_id.index else None
        un = ctx.is_un(sid)
        rows.append(
            {
                "name": ctx.name(sid),
                "role": role,
                "sector": ctx.sectors.get(sid),
                "outcome": None if un or v is None else v["outcome"],
                "assessed_on": None
                if v is None or pd.isna(v["assessed_on"])
                else pd.Timestamp(v["assessed_on"]).date(),
                "verdict": None if v is None else v["verdict"],
            }
        )
    return pd.DataFrame(rows, columns=["name", "role", "sector", "outcome", "assessed_on", "verdict"])


# ---------------------------------------------------------------------------------------

_DEFAULT_STEPS = {
    ("*", "go"): N_("Proceed, and keep the due diligence and the quality reviews up to date."),
    ("*", "go_with_conditions"): N_("Meet the conditions listed before formalising the partnership."),
    ("*", "blocked"): N_("Do not proceed: decline or exit (Appendix 5)."),
    ("stakeholder", "not_assessed"): N_("Conduct the due diligence (Appendix 4) before partnering."),
    ("*", "not_assessed"): N_("Assess the value, risks and implications (Appendix 5) and record the decision."),
}


def _table(wb: object, key: str) -> pd.DataFrame:
    frame = wb.get(key) if isinstance(wb, dict) else getattr(wb, key, None)
    if frame is None:
        frame = pd.DataFrame()
    cols = [c.key for c in schema.sheet(key).columns]
    missing = [c for c in cols if c not in frame.columns]
    if missing:
        frame = frame.assign(**{c: pd.Series([None] * len(frame), index=frame.index, dtype=object) for c in missing})
    return frame


def _alert(
    ctx: Context, rule: str, kind: str, sid: str, text: str, values: dict, related: list[str] | None = None
) -> dict:
    """One alert row: the evidence is the msgid `text` in the context's language, filled with values."""
    r = RULES[rule]
    return {
        "rule": rule,
        "severity": r.severity,
        "subject_kind": kind,
        "subject_id": sid,
        "subject_name": ctx.name(sid),
        "evidence": ctx._(text, **values),
        "action": ctx._(r.action),
        "related_ids": list(related or []),
    }


def _cite(ctx: Context, sheet: str, row: object) -> str:
    name = schema.sheet(sheet).name(ctx.lang)
    if row is None or pd.isna(row):
        return ctx._("sheet {s}", s=name)
    return ctx._("{s} row {r}", s=name, r=int(row))


def _rating(value: object) -> str:
    """A criterion's rating key; a blank is `screening.NOT_ASSESSED` (never a rating)."""
    if value is None or value == "" or (not isinstance(value, str) and pd.isna(value)):
        return screening.NOT_ASSESSED
    return str(value)


def _ts(value: object) -> pd.Timestamp | None:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    return pd.Timestamp(value).normalize()


def _status(ctx: Context, rec: dict) -> str:
    status = rec.get("status")
    return (
        vocab.PARTNERSHIP_STATUSES.label(status, ctx.lang).lower()
        if isinstance(status, str) and status
        else ctx._("of unknown status")
    )


def _partnerships(ctx: Context) -> list[dict]:
    pa = ctx.t("partnerships")
    return pa.to_dict("records") if len(pa) else []


def _parties(ctx: Context, subject: str, include_un: bool = False) -> list[tuple[str, str]]:
    """(stakeholder id, role) of a subject: a partnership's lead then members, or the stakeholder
    itself; UN-system stakeholders left out unless `include_un`."""
    pa = ctx.t("partnerships")
    hit = pa[pa["id"] == subject] if len(pa) else pa
    if hit.empty:
        pairs = [(subject, "lead")] if subject in ctx.sectors else []
    else:
        rec = hit.iloc[0]
        lead = rec.get("lead")
        members = rec.get("members")
        members = members if isinstance(members, (list, tuple)) else []
        pairs = ([(lead, "lead")] if isinstance(lead, str) and lead else []) + [
            (m, "member") for m in members if m != lead
        ]
    seen, out = set(), []
    for sid, role in pairs:
        if sid in seen or (not include_un and ctx.is_un(sid)):
            continue
        seen.add(sid)
        out.append((sid, role))
    return out


def _screening_at(ctx: Context, sid: str, when: pd.Timestamp | None) -> dict | None:
    """The latest screening of sid dated on or before `when`, with its age in days at `when`."""
    if when is None or ctx.screened.empty:
        return None
    dated = [r for r in ctx.screenings_of(sid) if pd.notna(r["assessed_on"]) and r["assessed_on"] <= when]
    if not dated:
        return None
    rec = dict(dated[-1])
    rec["age"] = int((when - rec["assessed_on"]).days)
    return rec


def _latest_outcomes(ctx: Context) -> dict[str, str]:
    out = {}
    for sid in ctx.screened["stakeholder"].unique() if len(ctx.screened) else []:
        s = _screening_at(ctx, sid, ctx.as_of)
        if s is not None:
            out[sid] = s["outcome"]
    return out


def _latest_decisions(ctx: Context) -> dict[str, dict]:
    if ctx.decisions.empty:
        return {}
    latest = screening.latest_value_decisions(ctx.decisions)
    return {
        r["subject"]: {**r, "decision": None if pd.isna(r["decision"]) else r["decision"]}
        for r in latest.to_dict("records")
    }


def _latest_recorded(ctx: Context, subject: str) -> dict | None:
    own = ctx.decisions[(ctx.decisions["subject"] == subject) & ctx.decisions["decision"].notna()]
    if own.empty:
        return None
    return screening.latest_value_decisions(own).iloc[0].to_dict()


def _decision_day(d: dict) -> pd.Timestamp | None:
    return _ts(d.get("decision_date")) or _ts(d.get("assessed_on"))


def _critical_ids(ctx: Context) -> set[str]:
    st = ctx.t("stakeholders")
    if st.empty or st["influence"].isna().all():
        return set()
    return set(stakeholders.critical_group(st)["id"])


def _commitments(ctx: Context) -> Iterator[tuple[str, str, pd.Timestamp, str, dict]]:
    """(subject kind, subject id, date to check, why (msgid), values) of every commitment: latest
    value decisions recorded `proceed` first, then negotiating or active partnerships."""
    for subject, d in _latest_decisions(ctx).items():
        if d["decision"] != "proceed":
            continue
        yield (
            d.get("subject_kind") or "partnership",
            subject,
            _decision_day(d),
            N_('the recorded decision "{decision}" of {when} ({cite})'),
            {
                "when": ctx.day(_decision_day(d)),
                "decision": vocab.DECISIONS.label("proceed", ctx.lang).lower(),
                "cite": _cite(ctx, "value_assessment", d.get("row")),
            },
        )
    for rec in _partnerships(ctx):
        if rec.get("status") in _COMMITTED:
            yield (
                "partnership",
                rec["id"],
                ctx.as_of,
                N_('its status "{status}" on {when} ({cite})'),
                {
                    "when": ctx.day(ctx.as_of),
                    "status": _status(ctx, rec),
                    "cite": _cite(ctx, "partnerships", rec.get("row")),
                },
            )


# The evidence of the due-diligence rules: (about a party of a partnership, about the stakeholder itself).
_DD_TEXT = {
    "dd_missing": (
        N_("{s} ({role} of {p}) has no due-diligence screening at {why}."),
        N_("{s} has no due-diligence screening at {why}."),
    ),
    "dd_stale": (
        N_("{s} ({role} of {p}) was last screened on {sd} ({dd}), {age} days before {why} (more than {max})."),
        N_("{s} was last screened on {sd} ({dd}), {age} days before {why} (more than {max})."),
    ),
    "dd_excluded": (
        N_("{s} ({role} of {p}) is excluded by its screening of {sd} ({dd}: {codes} answered Yes), yet {why}."),
        N_("{s} is excluded by its screening of {sd} ({dd}: {codes} answered Yes), yet {why}."),
    ),
    "dd_incomplete": (
        N_("The screening of {s} ({role} of {p}) of {sd} ({dd}) leaves {codes} unanswered, at {why}."),
        N_("The screening of {s} of {sd} ({dd}) leaves {codes} unanswered, at {why}."),
    ),
    "dd_caution": (
        N_("The screening of {s} ({role} of {p}) of {sd} ({dd}) answers No to {codes}, at {why}."),
        N_("The screening of {s} of {sd} ({dd}) answers No to {codes}, at {why}."),
    ),
}


def _commitment_rule(ctx: Context, rule: str, fires) -> list[dict]:
    """One alert per (commitment, party) whose screening at the commitment's date `fires`; a party
    flagged by a decision is not flagged again by the partnership's status."""
    rows, seen = [], set()
    for kind, subject, when, why, why_values in _commitments(ctx):
        for sid, role in _parties(ctx, subject):
            s = _screening_at(ctx, sid, when)
            if not fires(s) or (subject, sid) in seen:
                continue
            seen.add((subject, sid))
            codes = []
            if s is not None:
                codes = {
                    "dd_excluded": s["red_flags"],
                    "dd_incomplete": s["unanswered"],
                    "dd_caution": [c for c in s["checks_no"] if c in CAUTION_CODES],
                }.get(rule, [])
            values = {
                "s": ctx.name(sid),
                "p": ctx.name(subject),
                "why": ctx._(why, **why_values),
                "role": _ROLES.label(role, ctx.lang).lower(),
                "sd": ctx.day(s["assessed_on"]) if s else "—",
                "dd": _cite(ctx, "due_diligence", s.get("row")) if s else "",
                "age": ctx._.number(s["age"] if s else 0),
                "max": ctx._.number(ctx.thresholds.max_age_days),
                "codes": ", ".join(c.upper() for c in codes),
            }
            text = _DD_TEXT[rule][0 if kind == "partnership" else 1]
            rows.append(_alert(ctx, rule, kind, subject, text, values, related=[sid] if sid != subject else []))
    return rows
