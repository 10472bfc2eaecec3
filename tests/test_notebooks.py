"""The notebook harness: every report notebook of the catalogue (report_catalogue.REPORTS) runs as papermill
runs it, in every language, with one fan-out value each, and declares the parameters the catalogue
says it has. It replaces the copied per-report notebook tests: a new report is a new catalogue
entry, and this file runs it."""

import json
import re

import nbformat
import papermill as pm
import pytest

from partnerlab import i18n
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


@pytest.mark.slow
@pytest.mark.parametrize("lang", i18n.LANGUAGES)
@pytest.mark.parametrize("key", KEYS)
def test_notebook_runs_in_every_language(tmp_path, sample_wb, key, lang):
    params = _fan_out_params(key, sample_wb)
    out = tmp_path / f"{key}.ipynb"
    pm.execute_notebook(
        str(NOTEBOOKS / f"{key}.ipynb"),
        str(out),
        parameters={"lang": lang, **params},
        kernel_name="python3",
        progress_bar=False,
    )
    nb = nbformat.read(out, as_version=4)
    page = _html(nb)
    title = page_title(REPORT[key], params, sample_wb, lang)
    h1 = re.search(r"<h1>(.*?)</h1>", page)
    assert h1 and h1.group(1) == title.replace("&", "&amp;")  # the page names its entity
    assert "pl-run-details" in page and re.search(r"<h2 id=", page)
    errors = [o for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert errors == []
    for contact in sample_wb.stakeholders["contact"].dropna():
        assert contact not in json.dumps(nb)  # personal data never reaches a notebook


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
