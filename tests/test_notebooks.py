"""The report notebooks run as papermill runs them, with chosen parameters (nbval runs them as committed)."""

import json

import nbformat
import papermill as pm
import pytest

from partnerlab.paths import NOTEBOOKS

pytestmark = pytest.mark.slow


def _run(tmp_path, name, **params):
    out = tmp_path / f"{name}.ipynb"
    pm.execute_notebook(str(NOTEBOOKS / f"{name}.ipynb"), str(out), parameters=params, kernel_name="python3",
                        progress_bar=False)
    return nbformat.read(out, as_version=4)


def _html(nb) -> str:
    return "\n".join(o.get("data", {}).get("text/html", "") for c in nb.cells if c.cell_type == "code"
                     for o in c.get("outputs", []))


def _images(nb) -> int:
    return sum("image/png" in o.get("data", {}) for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []))


def test_stakeholder_map_in_spanish_for_one_state(tmp_path, sample_wb):
    nb = _run(tmp_path, "stakeholder_map", lang="es", state="Oaxaca")
    page = _html(nb)
    assert "Mapa de actores" in page and "Matriz de influencia e interés" in page
    assert "state = Oaxaca" in page
    assert _images(nb) >= 3
    for contact in sample_wb.stakeholders["contact"].dropna():
        assert contact not in json.dumps(nb)


def test_stakeholder_map_one_sector_keeps_only_that_sector(tmp_path, sample_wb):
    nb = _run(tmp_path, "stakeholder_map", sector="civil_society")
    page = _html(nb)
    others = sample_wb.stakeholders.query("sector == 'federal_government'")["name"]
    ours = sample_wb.stakeholders.query("sector == 'civil_society'")["name"]
    assert not any(n in page for n in others)
    assert sum(n.replace("&", "&amp;") in page for n in ours) >= len(ours) - 1


def test_parameters_are_documented_for_papermill():
    params = pm.inspect_notebook(str(NOTEBOOKS / "stakeholder_map.ipynb"))
    assert {"workbook", "lang", "processed", "sector", "state", "threshold"} <= set(params)
    assert all(p["help"] for p in params.values())
