"""The partner profile is a decision brief: every profile of the sample prints on at most two A4 pages.

Prints the exported pages with headless Chromium's print-to-PDF (Debian's /usr/bin/chromium) and counts
the pages with pdfinfo (poppler-utils); skipped without either.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from partnerlab import paths

CHROMIUM = Path("/usr/bin/chromium")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium: .ci/install-system-packages.sh"),
    pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="needs pdfinfo (poppler-utils)"),
]


def _pages(html: Path, pdf: Path) -> int:
    subprocess.run(
        [
            str(CHROMIUM),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
            f"--print-to-pdf={pdf}",
            html.resolve().as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


@pytest.fixture(scope="module")
def profiles(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("profiles")
    code = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from partnerlab.cli import main; sys.exit(main(sys.argv[1:]))",
            "run",
            "--no-progress",
            "--workbook",
            str(paths.SAMPLE_WORKBOOK),
            "--out",
            str(out),
            "--only",
            "partner_profile",
            "--lang",
            "es",
        ],
        capture_output=True,
        timeout=1200,
    ).returncode
    assert code == 0
    return out


def test_every_profile_prints_on_at_most_two_pages(profiles, tmp_path):
    pages = {
        html.stem: _pages(html, tmp_path / f"{html.stem}.pdf")
        for html in sorted(profiles.glob("partner_profile__*.html"))
    }
    assert len(pages) >= 12  # the critical group of the sample
    assert max(pages.values()) <= 2, {k: v for k, v in pages.items() if v > 2}


def test_the_verdict_box_is_above_the_fold(profiles):
    page = (profiles / "partner_profile__altamira.html").read_text(encoding="utf-8")
    box, mapping = (
        page.find("pl-verdict pl-verdict-"),
        page.find("Mapeo (Anexo 3)</h2>"),
    )  # the section, not its line in the contents
    assert 0 < box < mapping  # the verdict comes before the mapping row
    assert "Veredicto: Sin evaluar" in page and "Bloqueos" in page


def _long_table_page(tmp_path: Path, lang: str) -> Path:
    import pandas as pd
    from nbformat.v4 import new_code_cell, new_notebook, new_output

    from partnerlab.htmlexport import export_html
    from partnerlab.page import Report
    from partnerlab.workbook import Workbook

    rpt = Report(Workbook(Path("w.xlsx"), "0" * 64, {"language": lang}, {}), lang=lang)
    wide = "una descripción larga del mandato, " * 12  # a wide column must wrap, not run off the page
    df = pd.DataFrame(
        {"id": [f"S{i:03d}" for i in range(94)], "name": [f"Actor {i}" for i in range(94)], "mandate": wide}
    )
    cell = new_code_cell("rpt.table(df)")
    cell.outputs = [
        new_output(
            "display_data", data={"text/html": f'<div class="pl-report"><h1>Mapa</h1>{rpt.table_html(df)}</div>'}
        )
    ]
    page = tmp_path / "long.html"
    page.write_text(export_html(new_notebook(cells=[cell]), title="Mapa de actores: Sociedad civil", lang=lang))
    return page


def test_a_long_table_prints_whole_with_its_header_on_every_page_named(tmp_path):
    if shutil.which("pdftotext") is None:
        pytest.skip("needs pdftotext (poppler-utils)")
    pdf = tmp_path / "long.pdf"
    n = _pages(_long_table_page(tmp_path, "es"), pdf)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    pages = text.split("\f")[:n]
    assert n >= 2
    for page in pages:  # each printed page names its report and entity, and repeats the header row
        assert "Mapa de actores: Sociedad civil" in page
        assert re.search(r"Id\s+Nombre\s+Mandato", page)
    assert "S059" in text and "S060" not in text  # the printout keeps the first 60 rows...
    assert "Impreso: las primeras 60 de 94 filas." in text  # ... and says so
    assert "Buscar en esta tabla" not in text and "Descargar" not in text  # no widget on paper
    assert "mandato, una" in text  # the wide column wrapped inside the page
