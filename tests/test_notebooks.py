"""The notebook harness: every report notebook of the catalogue (report_catalogue.REPORTS) runs as papermill
runs it, in every language, with one fan-out value each, and declares the parameters the catalogue
says it has. It replaces the copied per-report notebook tests: a new report is a new catalogue
entry, and this file runs it.

What a page must say beyond the harness's checks (one report's labels, one entity's facts, a
chosen parameter's effect) is either a focused check on the harness's own run (`FOCUSED`) or,
where it needs other parameters, a row of `CHOSEN`, run by the same runner with the same checks."""

import json
import re

import nbformat
import papermill as pm
import pytest

from partnerlab import i18n, screening, vocab
from partnerlab.paths import NOTEBOOKS
from partnerlab.report_catalogue import COMMON_PARAMETERS, REPORTS, page_title

KEYS = [r.key for r in REPORTS]
REPORT = {r.key: r for r in REPORTS}


@pytest.mark.parametrize("key", KEYS)
def test_parameters_cell_matches_the_catalogue(key):
    params = pm.inspect_notebook(str(NOTEBOOKS / f"{key}.ipynb"))
    assert list(params) == [*COMMON_PARAMETERS, *REPORT[key].parameters]
    assert all(p["help"] for p in params.values()), "every parameter says what it is (a comment)"


@pytest.mark.parametrize("key", KEYS)
def test_notebook_opens_its_page_from_the_catalogue(key):
    nb = nbformat.read(NOTEBOOKS / f"{key}.ipynb", as_version=4)
    source = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    assert f'report="{key}"' in source
    assert "title=(" not in source  # the title lives in the catalogue only


def _fan_out_params(key, wb):
    rep = REPORT[key]
    variants = rep.fan_out(wb) if rep.fan_out else []
    return dict(variants[0].params) if variants else {}


def _html(nb) -> str:
    return "\n".join(
        "".join(o.get("data", {}).get("text/html", ""))
        for c in nb.cells
        if c.cell_type == "code"
        for o in c.get("outputs", [])
    )


def _run(tmp_path, key, parameters):
    """Run a report notebook as the batch does; returns the executed notebook and its page's HTML."""
    out = tmp_path / f"{key}.ipynb"
    pm.execute_notebook(
        str(NOTEBOOKS / f"{key}.ipynb"), str(out), parameters=parameters, kernel_name="python3", progress_bar=False
    )
    nb = nbformat.read(out, as_version=4)
    return nb, _html(nb)


def _assert_sound(nb, page, wb):
    """What every run of every notebook must hold, whatever its parameters."""
    assert "pl-run-details" in page and re.search(r"<h2 id=", page)
    errors = [o for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert errors == [] and "Traceback" not in page
    assert ">nan<" not in page  # a blank cell reads blank, never "nan"
    for contact in wb.stakeholders["contact"].dropna():
        assert contact not in json.dumps(nb)  # personal data never reaches a notebook


def _due_diligence_page(nb, page, lang):
    """Every outcome and decision label of the language; the age threshold in words; Anexo, not
    Appendix, outside English; three figures, each with alt text in the page's language."""
    for key in screening.OUTCOMES.keys:
        assert screening.OUTCOMES.label(key, lang) in page
    for key in vocab.DECISIONS.keys:
        assert vocab.DECISIONS.label(key, lang) in page
    assert {"en": "500 days", "es": "500 días", "pt": "500 dias"}[lang] in page
    assert "Apéndice" not in page and "Appendix" not in page or lang == "en"
    images = [o for c in nb.cells for o in c.get("outputs", []) if "image/png" in o.get("data", {})]
    assert len(images) == 3
    alts = [o.get("metadata", {}).get("image/png", {}).get("alt", "") for o in images]
    assert all(alts) and (lang == "en" or not any("Grid of" in a or "Bar chart" in a for a in alts))


# Parameters the harness sets beside the fan-out value, for its focused checks.
HARNESS_PARAMETERS = {"due_diligence": {"max_age_days": 500}}
# Focused checks on the harness's run of one report: check(nb, page, lang).
FOCUSED = {"due_diligence": _due_diligence_page}


@pytest.mark.slow
@pytest.mark.parametrize("lang", i18n.LANGUAGES)
@pytest.mark.parametrize("key", KEYS)
def test_notebook_runs_in_every_language(tmp_path, sample_wb, key, lang):
    params = {**_fan_out_params(key, sample_wb), **HARNESS_PARAMETERS.get(key, {})}
    nb, page = _run(tmp_path, key, {"lang": lang, **params})
    title = page_title(REPORT[key], params, sample_wb, lang)
    h1 = re.search(r"<h1>(.*?)</h1>", page)
    assert h1 and h1.group(1) == title.replace("&", "&amp;")  # the page names its entity
    _assert_sound(nb, page, sample_wb)
    if key in FOCUSED:
        FOCUSED[key](nb, page, lang)


# Runs with chosen parameters: what one page must say for one entity, language or setting.
CHOSEN = [
    # changes: one workbook against itself two years back, in Spanish dates
    # (stakeholders carry no dates, so none of those present in both changed)
    (
        "changes",
        {"lang": "es", "compare_year": 2023},
        [
            "31 de diciembre de 2023",
            "Vínculos nuevos y terminados",
            "Ningún actor presente en las dos instantáneas cambió",
        ],
    ),
    # partnership: verdicts, decisions and dates of one partnership; ids in any case
    (
        "partnership",
        {"partnership": "P12", "lang": "es"},
        ["Veredicto: Bloqueado", "Líder y miembros", "tiene estado activa, pero su última evaluación de valor"],
    ),
    (
        "partnership",
        {"partnership": "p15", "lang": "en"},
        ["Verdict: Blocked", "was declined on April 20, 2023", "started on May 1, 2023"],
    ),
    (
        "partnership",
        {"partnership": "p15", "lang": "pt"},
        ["Veredito: Bloqueado", "foi declinada em 20 de abril de 2023", "Líder e membros"],
    ),
    ("partnership", {"partnership": "P13", "lang": "en"}, ["Verdict: Go", "No alert names this partnership."]),
    # partner_profile: blank is the strongest of the critical group; a stakeholder by id or name
    ("partner_profile", {"stakeholder": "", "lang": "es"}, ["Grupo crítico: gestionar de cerca"]),
    ("partner_profile", {"stakeholder": "cesf", "lang": "en"}, ["Latest screening on January 20, 2025"]),
    ("partner_profile", {"stakeholder": "cesf", "lang": "es"}, ["Última evaluación el 20 de enero de 2025"]),
    ("partner_profile", {"stakeholder": "ALTAMIRA", "lang": "en"}, ["Not screened."]),
    # a fresh clear screening and a recorded proceed that agrees (issue 11)
    ("partner_profile", {"stakeholder": "PACTO", "lang": "en"}, ["Verdict: Go"]),
    # quality: blank is the whole portfolio; one round has nothing to compare; ids in any case
    ("quality", {"partnership": "", "lang": "es"}, ["Para llegar al nivel 3"]),
    ("quality", {"partnership": "P15", "lang": "en"}, ["Only one assessment round"]),
    ("quality", {"partnership": "p12", "lang": "es"}, ["Niveles de la última ronda"]),
]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("key", "parameters", "expected"),
    CHOSEN,
    ids=[f"{k}-{'-'.join(str(v) or 'blank' for v in p.values())}" for k, p, _ in CHOSEN],
)
def test_notebook_with_chosen_parameters(tmp_path, sample_wb, key, parameters, expected):
    nb, page = _run(tmp_path, key, parameters)
    _assert_sound(nb, page, sample_wb)
    missing = [e for e in expected if e not in page]
    assert not missing


PAIRED = [
    p
    for p in sorted(NOTEBOOKS.glob("*.ipynb"))
    if "py:percent" in str(nbformat.read(p, as_version=4).metadata.get("jupytext", {}).get("formats", ""))
]


@pytest.mark.parametrize("path", PAIRED, ids=[p.stem for p in PAIRED])
def test_paired_notebook_and_py_percent_file_are_in_sync(path):
    """A notebook paired through jupytext (ipynb,py:percent) has the same cells as its .py file,
    so a review of the .py diff is a review of the notebook (jupytext --sync writes both)."""
    jupytext = pytest.importorskip("jupytext")
    text = jupytext.read(path.with_suffix(".py"))
    nb = nbformat.read(path, as_version=4)
    assert [(c.cell_type, c.source) for c in text.cells] == [(c.cell_type, c.source) for c in nb.cells]
