"""Tests for partnerlab.overview: the portfolio's headlines on small hand-made tables, and the notebook's links."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pandas as pd
import pytest

from partnerlab import overview, paths, quality, screening
from partnerlab.workbook import Workbook

AS_OF = dt.date(2025, 6, 30)
DIMS = quality.DIMENSIONS


@pytest.fixture
def stakeholders() -> pd.DataFrame:
    # grid (stakeholders.HIGH = 4): A, B, C critical (both >= 4); D high influence only; E low both
    return pd.DataFrame(
        {
            "id": ["A", "B", "C", "D", "E"],
            "name": [
                "Alpha (fictional)",
                "Beta (fictional)",
                "Gamma (fictional)",
                "Delta (fictional)",
                "Epsilon (fictional)",
            ],
            "sector": ["academia", "civil_society", "private_sector", "media", "academia"],
            "influence": pd.array([5, 4, 4, 5, 1], dtype="Int64"),
            "interest": pd.array([5, 5, 4, 2, 1], dtype="Int64"),
        }
    )


def _screening(stakeholder: str, date: str, **answers: bool | None) -> dict:
    # Appendix 4 rule (screening.RULES_NOTE): all information checks Yes and no red flag -> clear
    row = {"stakeholder": stakeholder, "assessed_on": pd.Timestamp(date)}
    row.update({f"q{i:02d}": (i <= 4) for i in range(1, 20)})
    row.update(answers)
    return row


@pytest.fixture
def due_diligence() -> pd.DataFrame:
    return pd.DataFrame(
        [
            _screening("A", "2024-01-10", q07=True),  # A first excluded ...
            _screening("A", "2025-01-10"),  # ... then clear: the latest counts
            _screening("D", "2025-02-01", q01=False),  # caution (not legally registered)
            _screening("E", "2025-03-01", q12=None),  # incomplete
        ]
    )


@pytest.fixture
def quality_assessment() -> pd.DataFrame:
    rows = [
        # P1: latest round (2025) collective: all 3 -> reaches 3 everywhere; its 2024 round does not count
        ("P1", "2024-05-01", "collective", [1, 1, 1, 1, 1, 1]),
        ("P1", "2025-05-01", "collective", [3, 3, 3, 3, 3, 3]),
        # P2: no collective perspective: the mean of government (2) and civil society (3) = 2.5
        ("P2", "2025-04-01", "government", [2, 2, 2, 2, 2, 2]),
        ("P2", "2025-04-01", "civil_society", [3, 3, 3, 3, 3, 0]),
    ]
    return pd.DataFrame(
        [
            {"partnership": p, "assessed_on": pd.Timestamp(d), "perspective": v, **dict(zip(DIMS, lv))}
            for p, d, v, lv in rows
        ]
    )


@pytest.fixture
def value_assessment() -> pd.DataFrame:
    ok = {c: "acceptable" for c in screening.CRITERION_CODES}
    return pd.DataFrame(
        [
            {
                "subject": "A",
                "subject_kind": "stakeholder",
                "assessed_on": pd.Timestamp("2024-01-01"),
                **ok,
                "c6": "not_acceptable",
                "decision": "decline",
            },  # superseded by the next row
            {
                "subject": "A",
                "subject_kind": "stakeholder",
                "assessed_on": pd.Timestamp("2025-01-01"),
                **ok,
                "decision": "proceed",
            },  # proceed, agrees
            {
                "subject": "P1",
                "subject_kind": "partnership",
                "assessed_on": pd.Timestamp("2025-01-01"),
                **ok,
                "c3": "insufficient_information",
                "decision": "proceed",
            },  # continue_analysis suggested: differs
            {
                "subject": "P2",
                "subject_kind": "partnership",
                "assessed_on": pd.Timestamp("2025-02-01"),
                **ok,
                "c1": "not_acceptable",
                "decision": None,
            },  # decline, not recorded
        ]
    )


def test_critical_table_and_sentence(stakeholders, due_diligence):
    screened = screening.screen(due_diligence)
    table = overview.critical_table(stakeholders, screened)
    # strongest first: A (10), B (9), C (8); A's latest screening is clear, B and C have none
    assert table["name"].tolist() == ["Alpha (fictional)", "Beta (fictional)", "Gamma (fictional)"]
    assert table["outcome"].tolist() == ["clear", "not_screened", "not_screened"]
    en, es = overview.critical_sentence(stakeholders, "en"), overview.critical_sentence(stakeholders, "es")
    assert "<b>3</b> of <b>5</b> stakeholders have high influence" in en
    assert "(Anexo 3, paso 2)" in es and "Apéndice" not in es  # the seed's word
    assert "no due-diligence screening yet" not in en  # the unscreened ones are alerts now, not a sentence


def test_screening_table_counts_latest_outcomes(stakeholders, due_diligence):
    table = overview.screening_table(stakeholders, screening.screen(due_diligence), AS_OF).set_index("outcome")
    # A clear (latest), D caution, E incomplete, B and C never screened; A, B, C are critical
    assert table["stakeholders"].to_dict() == {
        "excluded": 0,
        "incomplete": 1,
        "caution": 1,
        "clear": 1,
        "not_screened": 2,
    }
    assert table["is_critical"].to_dict() == {
        "excluded": 0,
        "incomplete": 0,
        "caution": 0,
        "clear": 1,
        "not_screened": 2,
    }


def test_decision_table_uses_the_latest_assessment(value_assessment):
    table = overview.decision_table(value_assessment).set_index("suggested")
    # Appendix 5 rule (screening.VALUE_NOTE): A proceed = recorded; P1 continue analysis vs
    # recorded proceed; P2 decline, nothing recorded. A's older decline is not counted.
    assert table.loc["proceed", ["agrees", "differs", "not_recorded", "total"]].tolist() == [1, 0, 0, 1]
    assert table.loc["continue_analysis", ["agrees", "differs", "total"]].tolist() == [0, 1, 1]
    assert table.loc["decline", ["not_recorded", "total"]].tolist() == [1, 1]


def test_quality_table_and_sentence(quality_assessment):
    table = overview.quality_table(quality_assessment).set_index("dimension")
    # non-discrimination: P1 3, P2 (2 + 3) / 2 = 2.5 -> mean 2.75, one below 3
    assert table.loc["Non-discrimination"].tolist() == [2.75, 1, 2]
    # responsiveness: P1 3, P2 (2 + 0) / 2 = 1 -> mean 2
    assert table.iloc[-1][["mean_level", "below_3"]].tolist() == [2.0, 1]
    assert overview.quality_sentence(quality_assessment, "en").startswith(
        "<b>2</b> partnerships have a quality assessment. <b>1</b> of them reaches level 3"
    )


def test_diagnosis_sentence():
    q = pd.DataFrame(
        [
            ("s1", "dialogue", "Dialogue works", "scale", ["Low", "Mid", "High"]),
            ("s2", "financing", "Funds suffice", "scale", ["Low", "Mid", "High"]),
            ("m1", "efficacy", "Main challenges", "multi", ["Funds", "Trust"]),
        ],
        columns=["question", "theme", "text", "type", "options"],
    )
    r = pd.DataFrame(
        {
            "respondent": ["a", "b", "c", "d"],
            "sector": ["academia"] * 4,
            "state": [[]] * 4,
            "s1": ["High", "High", "Mid", None],
            "s2": ["Low", "Mid", "Low", "Low"],
            "m1": [["Funds"], ["Funds", "Trust"], ["Funds"], []],
        }
    )
    en, es = overview.diagnosis_sentence(q, r, "en"), overview.diagnosis_sentence(q, r, "es")
    # dialogue: positions 3, 3, 2 -> mean 8/3 -> (8/3 - 1) / 2 = 0.83; financing 1, 2, 1, 1 -> 0.125
    # challenges: Funds 3 of the 3 who answered (d ticked nothing) = 100 %
    assert en == (
        "<b>4</b> people answered the survey. Highest rated theme: <b>Dialogue</b> "
        "(0.83 on 0-1); lowest: <b>Financing</b> (0.12). Most cited challenge: "
        "<b>Funds</b> (100\u00a0% of those who answered)."
    )
    assert "<b>Financiamiento</b>" in es
    assert overview.diagnosis_sentence(q.iloc[:0], r[["respondent", "sector", "state"]]) is None
    r["m1"] = [["Funds"], ["Trust"], ["Funds", "Trust"], []]  # 2 of 3 each: a tie, both named
    en, es = overview.diagnosis_sentence(q, r, "en"), overview.diagnosis_sentence(q, r, "es")
    assert en.endswith("Most cited challenges, tied: <b>Funds; Trust</b> (67\u00a0% of those who answered each).")
    assert "Retos más citados, empatados: <b>Funds; Trust</b> (67\u00a0% de quienes respondieron cada uno)." in es


@pytest.mark.parametrize(
    "listing, expected",
    [
        (None, None),
        (
            [{"name": "quality", "report": "quality", "status": "ok", "titles": {"en": "Quality", "es": "Calidad"}}],
            "quality.html",
        ),
        ([{"name": "quality", "report": "quality", "status": "failed", "titles": {"en": "Quality"}}], None),
        ([{"name": "quality__p1", "report": "quality", "status": "ok", "titles": {"en": "Quality: P1"}}], None),
    ],
)
def test_see_report_links_only_a_finished_whole_report(listing, expected):
    got = overview.see_report(listing, "quality", "es")
    assert got == (None if expected is None else f'Vea el informe: <a href="{expected}">Calidad</a>.')


def test_headline_table(stakeholders, due_diligence, quality_assessment, value_assessment):
    plan = pd.DataFrame(
        {
            "code": ["1.1", "1.2", "2.1"],
            "pillar": ["I", "I", "II"],
            "area": ["x"] * 3,
            "action": ["a", "b", "c"],
            "responsible": [["RCO"]] * 3,
            "years": [[2023], [2024, 2025], [2025]],
            "status": ["done", "in_progress", "not_started"],
            "progress_pct": [100.0, 40.0, 0.0],
        }
    )
    tables = {
        "stakeholders": stakeholders,
        "partnerships": pd.DataFrame({"id": ["P1"], "name": ["One"], "actions": [["1.1"]]}),
        "due_diligence": due_diligence,
        "value_assessment": value_assessment,
        "quality_assessment": quality_assessment,
        "survey_questions": pd.DataFrame(),
        "survey_responses": pd.DataFrame(),
        "action_plan": plan,
    }
    wb = Workbook(Path("t.xlsx"), "0" * 64, {"as_of": AS_OF}, tables)
    table = overview.headline_table(wb, AS_OF, "es")
    rows = dict(zip(table["figure"], table["value"]))
    assert rows["en el grupo crítico (alta influencia e interés)"] == "3"
    assert (
        rows["actores por último resultado"]
        == "Excluido 0 · Incompleto 1 · Precaución 1 · Sin observaciones 1 · Sin evaluación 2"
    )
    assert rows["decisión registrada distinta de la sugerida"] == "1"
    assert rows["nivel medio de las seis dimensiones (0-3)"] == "2.62"  # (P1 6 x 3 + P2 5 x 2.5 + 1) / 12 = 2.625
    # as of 2025-06-30 nothing is late: 1.2 and 2.1 end in 2025
    assert [rows[k] for k in ("líneas de acción", "concluidas", "en curso", "atrasadas")] == ["3", "1", "1", "0"]
    assert "Diagnóstico sectorial" not in set(table["topic"])  # no survey: the topic is left out


def _workbook(stakeholders, due_diligence, quality_assessment, value_assessment, **more):
    plan = pd.DataFrame(
        {
            "code": ["1.1", "1.2", "2.1"],
            "pillar": ["I", "I", "II"],
            "area": ["x"] * 3,
            "action": ["a", "b", "c"],
            "responsible": [["RCO"]] * 3,
            "years": [[2023], [2024, 2025], [2024]],
            "status": ["done", "in_progress", "not_started"],
            "progress_pct": [100.0, 40.0, 0.0],
        }
    )
    tables = {
        "stakeholders": stakeholders,
        "partnerships": pd.DataFrame(
            {
                "id": ["P1", "P2"],
                "name": ["One (fictional)", "Two (fictional)"],
                "status": ["active", "negotiating"],
                "actions": [["1.1"], []],
            }
        ),
        "due_diligence": due_diligence,
        "value_assessment": value_assessment,
        "quality_assessment": quality_assessment,
        "survey_questions": pd.DataFrame(),
        "survey_responses": pd.DataFrame(),
        "action_plan": plan,
        **more,
    }
    return Workbook(Path("t.xlsx"), "0" * 64, {"as_of": AS_OF}, tables)


def test_headlines_are_computed_and_link_their_evidence(
    stakeholders, due_diligence, quality_assessment, value_assessment
):
    wb = _workbook(stakeholders, due_diligence, quality_assessment, value_assessment)
    register = pd.DataFrame({"verdict": ["go", "blocked"]})
    listing = [{"name": "quality", "report": "quality", "status": "ok", "titles": {"en": "Partnership quality"}}]
    got = overview.headlines(wb, AS_OF, "en", listing, register)
    assert 3 <= len(got) <= 5
    assert got[0].text == "<b>1</b> of <b>2</b> partnerships may go ahead; blocked: <b>1</b>."
    assert got[0].href == "#s-partnership-register"  # no page: the overview's own section
    assert got[1].text.startswith("<b>3</b> of <b>5</b> stakeholders have high influence")
    quality = next(h for h in got if h.topic == "quality")
    assert quality.href == "quality.html" and quality.evidence == "Partnership quality"
    # responsiveness: P1 3, P2 (2 + 0) / 2 = 1 -> the weakest dimension, mean 2
    assert "<b>1</b> of <b>2</b> assessed partnerships reaches level 3" in quality.text
    plan = next(h for h in got if h.topic == "action_plan")
    assert plan.text == "<b>1</b> of <b>3</b> courses of action of the plan is done; late: <b>1</b>."
    es = overview.headlines(wb, AS_OF, "es", None, register)
    assert es[0].text == "<b>1</b> de <b>2</b> alianzas puede avanzar; bloqueadas: <b>1</b>."
    assert es[0].href == "#s-registro-de-alianzas"


def test_first_screen_holds_alert_counts_statuses_and_the_key_figure(
    stakeholders, due_diligence, quality_assessment, value_assessment
):
    wb = _workbook(stakeholders, due_diligence, quality_assessment, value_assessment)
    html = overview.first_screen(
        wb, AS_OF, {"blocker": 2, "warning": 1, "upcoming": 0}, "es", None, None, screening.screen(due_diligence)
    )
    assert '<span class="pl-big">2</span> bloqueos' in html and '<span class="pl-big">1</span> advertencia' in html
    assert "plazos próximos" in html and 'href="#s-alertas"' in html
    assert "Activa <b>1</b>" in html and "Negociación <b>1</b>" in html
    assert '<img src="data:image/png;base64,' in html and 'alt="El grupo crítico (3 actores)' in html
    assert "Datos al 30 de junio de 2025." in html


def test_status_counts_keep_vocabulary_order_and_unknown_values():
    table = pd.DataFrame({"status": ["closed", "active", "active", None, "paused"]})
    assert overview.status_counts(table, "en") == [("Active", 2), ("Closed", 1), ("No status", 1), ("paused", 1)]


def test_overview_notebook_links_every_report(tmp_path):
    """The overview run with a batch manifest links each finished report by a relative href."""
    pytest.importorskip("papermill")
    import papermill as pm

    manifest = {
        "reports": [
            {
                "name": "stakeholder_map",
                "report": "stakeholder_map",
                "status": "ok",
                "titles": {"en": "Stakeholder map", "es": "Mapa de actores"},
            },
            {
                "name": "quality__p1",
                "report": "quality",
                "status": "ok",
                "titles": {"en": "Quality: <P1>", "es": "Calidad: <P1>"},
            },
            {"name": "network", "report": "network", "status": "failed", "titles": {"en": "Network", "es": "Red"}},
            {
                "name": "overview",
                "report": "overview",
                "status": "running",
                "titles": {"en": "Overview", "es": "Panorama"},
            },
        ]
    }
    (tmp_path / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    out = tmp_path / "overview.ipynb"
    pm.execute_notebook(
        str(paths.NOTEBOOKS / "overview.ipynb"),
        str(out),
        kernel_name="python3",
        progress_bar=False,
        parameters={"lang": "es", "batch": str(tmp_path / "manifest.json")},
        cwd=str(tmp_path),
    )
    html = "".join(
        o.get("data", {}).get("text/html", "")
        if isinstance(o.get("data", {}).get("text/html", ""), str)
        else "".join(o["data"]["text/html"])
        for c in json.loads(out.read_text())["cells"]
        for o in c.get("outputs", [])
    )
    assert '<a href="stakeholder_map.html">Mapa de actores</a>' in html  # listing and the critical group's "see"
    assert 'href="quality__p1.html">Calidad: &lt;P1&gt;</a>' in html  # escaped title
    assert 'href="network.html"' not in html and 'href="overview.html"' not in html  # failed; itself
    assert "El grupo crítico" in html and "Plan de acción" in html


# ---------------------------------------------------------------------------------------
# Navigation (page.py): titles name their entity, names link to their pages, siblings
# ---------------------------------------------------------------------------------------


def _page(sample_wb, report, params, in_batch=True, lang="en"):
    from partnerlab.page import Report

    return Report(sample_wb, lang=lang, report=report, params=params, in_batch=in_batch)


def test_page_title_names_its_entity(sample_wb):
    pid, name = sample_wb.partnerships["id"].iloc[0], sample_wb.partnerships["name"].iloc[0]
    assert _page(sample_wb, "partnership", {"partnership": pid}).title_text() == f"Partnership: {name}"
    assert (
        _page(sample_wb, "sector_diagnosis", {"sector": "academia"}, lang="es").title_text()
        == "Diagnóstico sectorial: Academia"
    )
    assert _page(sample_wb, "stakeholder_map", {"sector": ""}, lang="pt").title_text() == "Mapa de atores"


def test_names_link_to_their_pages_only_inside_a_batch(sample_wb):
    from partnerlab.report_catalogue import batch_pages

    pages = batch_pages(sample_wb)
    sid = next(iter(pages["stakeholder"]))
    name = sample_wb.stakeholders.set_index("id").loc[sid, "name"]
    rpt = _page(sample_wb, "overview", {})
    assert rpt.page_of("stakeholder", sid) == rpt.page_of("stakeholder", name) == f"{pages['stakeholder'][sid]}.html"
    assert rpt.page_of("stakeholder", name[:12] + "…") is not None  # a cut name still finds its page
    assert rpt.page_of("stakeholder", "Nobody at all") is None
    table = pd.DataFrame({"name": [name, "<b>x</b>"], "influence": [5, 1]})
    linked = rpt.linked(table.rename(columns={"name": "Name"}), {"name": "stakeholder"})
    assert linked["Name"].tolist() == [
        f'<a href="{pages["stakeholder"][sid]}.html">{html_escape(name)}</a>',
        "&lt;b&gt;x&lt;/b&gt;",
    ]
    assert _page(sample_wb, "overview", {}, in_batch=False).pages() == {}
    pid, pname = next(iter(pages["partnership"].items()))
    both = rpt.linked(
        pd.DataFrame({"Name": [name, sample_wb.partnerships.set_index("id").loc[pid, "name"]]}), {"name": None}
    )  # None: a stakeholder or a partnership, whichever has the name
    assert both["Name"].str.contains(f'href="{pages["partnership"][pid]}.html"').tolist() == [False, True]


def test_fanned_out_pages_link_their_siblings(sample_wb):
    line = _page(sample_wb, "sector_diagnosis", {"sector": "academia"}, lang="es").siblings_html()
    assert line.startswith('<p class="pl-siblings">Otros sectores: ') and "Academia<" not in line
    assert '<a href="sector_diagnosis.html">Todos los sectores</a>' in line
    many = _page(sample_wb, "partnership", {"partnership": sample_wb.partnerships["id"].iloc[0]}).siblings_html()
    assert many.startswith('<details class="pl-siblings"><summary>Other partnerships (')  # folded
    whole = _page(sample_wb, "sector_diagnosis", {"sector": ""}).siblings_html()
    assert whole.startswith('<p class="pl-siblings">By sector: ') and 'href="sector_diagnosis__academia.html"' in whole
    assert _page(sample_wb, "sector_diagnosis", {"sector": "academia"}, in_batch=False).siblings_html() == ""


def html_escape(text):
    import html

    return html.escape(text, quote=True)


@pytest.mark.parametrize(
    "lang, go, total, want",
    [
        ("es", 1, 1, "<b>1</b> de <b>1</b> alianza puede avanzar; bloqueadas: <b>0</b>."),
        ("es", 1, 2, "<b>1</b> de <b>2</b> alianzas puede avanzar; bloqueadas: <b>1</b>."),
        ("es", 2, 2, "<b>2</b> de <b>2</b> alianzas pueden avanzar; bloqueadas: <b>0</b>."),
        ("pt", 1, 1, "<b>1</b> de <b>1</b> parceria pode avançar; bloqueadas: <b>0</b>."),
        ("pt", 1, 2, "<b>1</b> de <b>2</b> parcerias pode avançar; bloqueadas: <b>1</b>."),
        ("pt", 2, 2, "<b>2</b> de <b>2</b> parcerias podem avançar; bloqueadas: <b>0</b>."),
    ],
)
def test_a_sentence_of_two_counts_agrees_with_each(lang, go, total, want):
    """'1 de las 1 alianzas' read wrong: the total is counted with its own plural, the verb follows the other count."""
    register = pd.DataFrame({"verdict": ["go"] * go + ["blocked"] * (total - go)})
    wb = _workbook(pd.DataFrame(), pd.DataFrame(), pd.DataFrame(), pd.DataFrame())
    assert overview.headlines(wb, AS_OF, lang, None, register)[0].text == want


@pytest.mark.parametrize(
    "lang, n, want",
    [
        ("es", 1, "<b>1</b> de <b>1</b> actor tiene alta influencia"),
        ("es", 2, "<b>2</b> de <b>2</b> actores tienen alta influencia"),
        ("pt", 1, "<b>1</b> de <b>1</b> ator tem alta influência"),
        ("pt", 2, "<b>2</b> de <b>2</b> atores têm alta influência"),
    ],
)
def test_the_critical_group_sentence_agrees_with_one_and_two(lang, n, want):
    st = pd.DataFrame(
        {
            "id": [f"S{i}" for i in range(n)],
            "name": ["x"] * n,
            "sector": ["academia"] * n,
            "influence": 5,
            "interest": 5,
        }
    )
    assert overview.critical_sentence(st, lang).startswith(want)
    wb = _workbook(st, pd.DataFrame(), pd.DataFrame(), pd.DataFrame())
    assert overview.headlines(wb, AS_OF, lang)[0].text.startswith(want)
