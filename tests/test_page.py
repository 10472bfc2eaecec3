"""The report display helpers: escaping, translation, hidden personal data."""

import html
from pathlib import Path

import pandas as pd
import pytest

from partnerlab.page import Report, format_table
from partnerlab.workbook import Workbook


def _rpt(lang="en"):
    return Report(Workbook(Path("w.xlsx"), "0" * 64, {"language": "en", "as_of": None}, {}), lang=lang)


def test_workbook_text_is_escaped(monkeypatch):
    shown = []
    monkeypatch.setattr("partnerlab.page._html", shown.append)
    rpt = _rpt()
    evil = "<img src=x onerror=alert(1)>"
    rpt.p("Name: <b>{n}</b>", n=evil)
    rpt.table(pd.DataFrame({"name": [evil]}))
    assert all(evil not in s for s in shown)
    assert html.escape(evil) in shown[0] and "<b>" in shown[0]
    assert "&lt;img" in shown[1]


def test_contact_and_row_never_displayed(monkeypatch):
    shown = []
    monkeypatch.setattr("partnerlab.page._html", shown.append)
    _rpt().table(pd.DataFrame({"name": ["A"], "contact": ["ana@example.org"], "row": [2]}))
    assert "ana@example.org" not in shown[0] and ">Row<" not in shown[0]


@pytest.mark.parametrize("lang, header, value", [("en", "Sector", "Civil society"), ("es", "Sector", "Sociedad civil")])
def test_format_table_translates(lang, header, value):
    out = format_table(
        pd.DataFrame({"sector": ["civil_society"], "n": [1.23456]}),
        lang,
        vocabularies={"sector": "sector"},
        labels={"n": "Number"},
    )
    assert out.columns.tolist() == [header, "Number" if lang == "en" else "Número"]
    assert out.iloc[0, 0] == value and out.iloc[0, 1] == "1.23"


def test_the_two_language_forms_are_gone(monkeypatch):
    monkeypatch.setattr("partnerlab.page._html", lambda html: None)
    rpt = _rpt("es")
    for call in (rpt.h2, rpt.h3, rpt.p, rpt.left_out, rpt.format):
        with pytest.raises(TypeError):
            call("Alerts", "Alertas")
    with pytest.raises(TypeError):
        Report(rpt.wb, lang="es", title=("Alerts", "Alertas"))
    with pytest.raises(TypeError):
        format_table(pd.DataFrame({"n": [1]}), "es", labels={"n": ("Number", "Número")})
    assert not hasattr(rpt, "tr")


def test_language_falls_back_to_workbook_then_english():
    wb = Workbook(Path("w.xlsx"), "0" * 64, {"language": "es"}, {})
    assert Report(wb, lang="").lang == "es"
    assert Report(wb, lang="en").lang == "en"
    assert Report(Workbook(Path("w.xlsx"), "0", {}, {}), lang="fr").lang == "en"


def test_mixed_number_columns_show_counts_as_whole_numbers():
    out = format_table(pd.DataFrame({"n": [138.0, 2.5, float("nan")]}))
    assert out["N"].tolist() == ["138", "2.5", ""]


def test_verdict_box_counts_and_print_marks_escape(monkeypatch):
    shown = []
    monkeypatch.setattr("partnerlab.page._html", shown.append)
    rpt = _rpt("es")
    evil = "<img src=x onerror=alert(1)>"
    rpt.verdict("blocked", f"Veredicto: {evil}", [("Bloqueos", [evil]), ("Vacío", [])])
    rpt.counts([("blocker", "bloqueos", 3)])
    rpt.h2("Alerts", printed=False)
    rpt.table(pd.DataFrame({"name": ["A"]}), printed=False)
    assert all(evil not in s for s in shown) and shown[0].count("&lt;img") == 2
    assert "pl-verdict-blocked" in shown[0] and "Vacío" not in shown[0]  # an empty section is left out
    assert "3 bloqueos" in shown[1] and "pl-sev-blocker" in shown[1]
    assert all("pl-noprint" in s for s in shown[2:]) and "Alertas" in shown[2]
