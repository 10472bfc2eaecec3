"""Exported pages in headless Chromium with the network blocked: they render, with their figures,
request nothing from outside and run no script from workbook text.

Uses Debian's chromium (/usr/bin/chromium, installed by .ci/install-system-packages.sh); Playwright
never downloads a browser. Screenshots go to reports/screenshots/ for a person to look at.
"""

import os
import shutil
from pathlib import Path

import pytest
from nbformat.v4 import new_code_cell, new_notebook, new_output

from partnerlab import batch, paths
from partnerlab.htmlexport import export_html
from partnerlab.report_catalogue import Job

CHROMIUM = Path("/usr/bin/chromium")
XSS = "<img src=x onerror=alert(1)>"
NOTEBOOKS = Path(__file__).parent / "notebooks"
SCREENSHOTS = paths.REPORTS / "screenshots"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium: .ci/install-system-packages.sh"),
]


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")),  # fresh user-data-dir
            executable_path=str(CHROMIUM),
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                "--disable-sync",
            ],
            viewport={"width": 1200, "height": 900},
        )
        yield context
        context.close()


class Visit:
    """One page opened from file:// with every other request blocked and recorded."""

    def __init__(self, context, path: Path):
        self.page = context.new_page()
        self.outside: list[str] = []
        self.local: list[str] = []
        self.dialogs: list[str] = []
        self.page.route("**/*", self._route)
        self.page.on("dialog", self._dialog)
        self.page.goto(path.resolve().as_uri(), wait_until="load")

    def _route(self, route):
        url = route.request.url
        if url.startswith("file:") or url.startswith("data:"):
            self.local.append(url)
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def images(self) -> list[dict]:
        return self.page.evaluate(
            "[...document.images].map(i => ({src: i.currentSrc.slice(0, 22), width: i.naturalWidth}))"
        )

    def screenshot(self, name: str) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / name
        self.page.screenshot(path=str(path), full_page=True)
        return path


@pytest.fixture(scope="module")
def test_batch(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("batch")
    wb = tmp / "input.xlsx"
    wb.write_bytes(b"x")
    jobs = [
        Job("hostile", "ok", NOTEBOOKS / "ok.ipynb", {"en": "Hostile label", "es": "Etiqueta hostil"}, {"label": XSS}),
        Job("broken", "fail", NOTEBOOKS / "fail.ipynb", {"en": "Broken", "es": "Roto"}, {}),
    ]
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(batch, "_check_workbook", lambda path: None)
        return batch.run_batch(wb, tmp / "out", job_list=jobs, jobs=1, lang="es", progress=False)


def test_page_renders_offline_with_figures(browser, test_batch):
    visit = Visit(browser, test_batch.out / "hostile.html")
    images = visit.images()
    assert images and all(i["src"].startswith("data:image/png") and i["width"] > 0 for i in images)
    assert visit.outside == []
    assert visit.page.locator("h2").first.inner_text() == f"Label: {XSS}"  # shown as text
    assert visit.dialogs == []
    visit.screenshot("test-notebook.png")


def test_index_page_opens_offline(browser, test_batch):
    visit = Visit(browser, test_batch.out / "index.html")
    assert visit.outside == [] and visit.dialogs == []
    assert visit.page.locator("a[href='hostile.html']").inner_text() == "Etiqueta hostil"
    assert "falló" in visit.page.inner_text("body")
    visit.screenshot("index-es.png")
    visit.page.click("a[href='hostile.html']")  # the links work from file://
    assert visit.page.title() == "Etiqueta hostil"


def test_policy_stops_markup_a_notebook_forgot_to_escape(browser, tmp_path):
    # Defence in depth: even raw workbook text in an output cannot run or fetch anything.
    cell = new_code_cell("show(name)")
    cell.outputs = [
        new_output(
            "display_data",
            data={"text/html": f'<p>{XSS}</p><script>alert(2)</script><img src="https://example.org/pixel.png">'},
        )
    ]
    page = tmp_path / "raw.html"
    page.write_text(export_html(new_notebook(cells=[cell]), title="raw"))
    visit = Visit(browser, page)
    assert visit.dialogs == []
    assert visit.outside == []  # the policy blocks the load before it reaches the network
    assert [u for u in visit.local if u != page.resolve().as_uri()] == []


# --------------------------------------------------------------------------------------
# A real report on a workbook with a hostile stakeholder name (needs the lead's modules)
# --------------------------------------------------------------------------------------


def _hostile_workbook(tmp_path: Path) -> Path:
    """The bundled sample with SE2030 (top of the critical group) renamed to an HTML injection attempt."""
    openpyxl = pytest.importorskip("openpyxl")
    if not paths.SAMPLE_WORKBOOK.exists():
        pytest.skip(f"needs the bundled sample {paths.SAMPLE_WORKBOOK.relative_to(paths.ROOT)}")
    path = tmp_path / "hostile.xlsx"
    shutil.copy(paths.SAMPLE_WORKBOOK, path)
    book = openpyxl.load_workbook(path)
    from partnerlab import schema
    from samples import portfolio

    spec = schema.sheet("stakeholders")  # the sample is written with the Spanish template
    sheet = book[spec.name(portfolio.LANG)]
    header = [c.value for c in sheet[1]]
    id_col, name_col = header.index("id") + 1, header.index(spec.column("name").header(portfolio.LANG)) + 1
    row = next(r for r in range(2, sheet.max_row + 1) if sheet.cell(row=r, column=id_col).value == "SE2030")
    sheet.cell(row=row, column=name_col).value = XSS
    book.save(path)
    return path


@pytest.mark.slow
@pytest.mark.parametrize("lang, heading", [("en", "Stakeholder map"), ("es", "Mapa de actores")])
def test_stakeholder_map_with_hostile_name(browser, tmp_path, lang, heading):
    from partnerlab.incremental import DataDigests
    from partnerlab.report_catalogue import default_batch
    from partnerlab.workbook import load_workbook

    path = _hostile_workbook(tmp_path)
    jobs = [j for j in default_batch(load_workbook(path)) if j.name == "stakeholder_map"]
    result = batch.run_batch(path, tmp_path / "out", lang=lang, job_list=jobs, progress=False)
    assert result.reports[0]["status"] == "ok", result.reports[0]["error"]
    visit = Visit(browser, tmp_path / "out" / "stakeholder_map.html")
    assert visit.dialogs == [] and visit.outside == []
    images = visit.images()
    assert len(images) >= 2 and all(i["src"].startswith("data:image/") and i["width"] > 0 for i in images)
    assert visit.page.locator("h1").first.inner_text().startswith(heading)
    body = visit.page.inner_text("body")
    assert XSS in body  # shown as text in the critical-group table
    assert visit.page.locator("img[src='x']").count() == 0
    data = DataDigests(load_workbook(path)).of(result.reports[0]["reads"])  # the data the page read
    assert "hostile.xlsx" in body and data[:16] in body  # the run details
    visit.screenshot(f"stakeholder_map-{lang}.png")
    if os.environ.get("PARTNERLAB_KEEP_BATCH"):  # to look at the whole page by hand
        shutil.copytree(tmp_path / "out", SCREENSHOTS / f"stakeholder_map-{lang}", dirs_exist_ok=True)


# --------------------------------------------------------------------------------------
# Long tables: sortable, searchable, paged, with a download of their rows (tables.js + Grid.js)
# --------------------------------------------------------------------------------------


def _table_page(tmp_path: Path, lang: str) -> Path:
    import pandas as pd

    from partnerlab.page import Report
    from partnerlab.workbook import Workbook

    rpt = Report(Workbook(Path("w.xlsx"), "0" * 64, {"language": lang}, {}), lang=lang)
    n = 94
    df = pd.DataFrame(
        {
            "id": [f"S{i:03d}" for i in range(n)],
            "name": [
                '=HYPERLINK("http://evil","x")' if i == 5 else XSS if i == 6 else f"Actor Ñandú {i}" for i in range(n)
            ],
            "sector": (["academia", "civil_society", "private_sector"] * 32)[:n],
            "influence": [(i * 7) % 5 + 1 for i in range(n)],
        }
    )
    cell = new_code_cell("rpt.table(df)")
    cell.outputs = [
        new_output(
            "display_data",
            data={"text/html": f'<div class="pl-report">{rpt.table_html(df, vocab={"sector": "sector"})}</div>'},
        )
    ]
    page = tmp_path / f"table-{lang}.html"
    page.write_text(export_html(new_notebook(cells=[cell]), title=f"Table {lang}", lang=lang), encoding="utf-8")
    return page


@pytest.mark.parametrize(
    "lang, words",
    [
        ("en", ("Name", "Search this table…", "Civil society")),
        ("es", ("Nombre", "Buscar en esta tabla…", "Sociedad civil")),
    ],
)
def test_long_table_sorts_filters_pages_and_downloads(browser, tmp_path, lang, words):
    name, placeholder, civil = words
    visit = Visit(browser, _table_page(tmp_path, lang))
    page = visit.page
    rows = page.locator(".pl-dt-widget tbody tr")
    first = lambda: page.locator(".pl-dt-widget tbody tr:first-child td").first.inner_text()  # noqa: E731
    expect = pytest.importorskip("playwright.sync_api").expect  # waits for Grid.js to redraw
    expect.set_options(timeout=30_000)  # a machine under load draws slowly
    expect(page.locator(".pl-dt-widget .gridjs-message")).to_have_count(0)  # drawn asynchronously
    expect(rows).to_have_count(20)
    assert first() == "S000"
    assert page.locator(".pl-dt > table.pl-table").is_hidden()  # the static table is for print
    # sort: the influence column, ascending then descending (numbers, not text)
    header = page.locator(".pl-dt-widget th", has_text={"en": "Influence", "es": "Influencia"}[lang])
    top = page.locator(".pl-dt-widget tbody tr:first-child td").nth(3)
    header.click()
    expect(top).to_have_text("1")
    expect(header).to_have_attribute("aria-sort", "ascending")
    header.click()
    expect(top).to_have_text("5")
    expect(header).to_have_attribute("aria-sort", "descending")
    # paging
    page.locator(".gridjs-pages button", has_text="2").first.click()
    expect(page.locator(".gridjs-currentPage")).to_have_text("2")
    expect(rows).to_have_count(20)
    # search, in the page's words; the hostile cell is text
    search = page.locator(f"input[placeholder='{placeholder}']")
    search.fill("Ñandú 4")
    expect(rows).to_have_count(11)
    assert {r.split("\t")[0] for r in rows.all_inner_texts()} == {
        "S004",
        "S040",
        "S041",
        "S042",
        "S043",
        "S044",
        "S045",
        "S046",
        "S047",
        "S048",
        "S049",
    }
    search.fill("")
    expect(rows).to_have_count(20)
    assert visit.dialogs == [] and page.locator("img[src='x']").count() == 0
    # the download: every row, headers in the page language, UTF-8 with a BOM, formulas inert
    link = page.locator("a.pl-dt-csv")
    assert link.get_attribute("href").startswith("blob:") and "94" in link.inner_text()
    with page.expect_download() as info:
        link.click()
    data = Path(info.value.path()).read_bytes()
    assert data.startswith("\ufeff".encode("utf-8"))
    lines = data.decode("utf-8-sig").splitlines()
    assert len(lines) == 95 and lines[0].split(",")[:2] == ["Id", name]
    assert lines[1] == "S000,Actor Ñandú 0,Academia,1"
    assert lines[2].split(",")[2] == civil
    assert lines[6].startswith("S005,\"'=HYPERLINK(") and lines[7] == f"S006,{XSS},Academia,3"
    assert visit.outside == []
    page.locator("input.gridjs-search-input").fill("Ñandú 1")
    expect(rows).to_have_count(11)
    visit.screenshot(f"table-{lang}.png")
    # print: the static table with its first rows, not the widget
    page.emulate_media(media="print")
    assert page.locator(".pl-dt-widget").is_hidden() and page.locator(".pl-dt > table.pl-table").is_visible()
    assert page.locator(".pl-dt > table.pl-table tbody tr:visible").count() == 60
    assert page.locator("p.pl-print-only").is_visible()
    page.emulate_media(media="screen")


def test_decimal_commas_sort_as_numbers_on_a_portuguese_page(browser, tmp_path):
    import pandas as pd

    from partnerlab.page import Report
    from partnerlab.workbook import Workbook

    rpt = Report(Workbook(Path("w.xlsx"), "0" * 64, {"language": "pt"}, {}), lang="pt")
    df = pd.DataFrame({"id": [f"S{i:02d}" for i in range(30)], "score": [(i * 7) % 30 / 4 + 0.25 for i in range(30)]})
    cell = new_code_cell("rpt.table(df)")
    html = rpt.table_html(df)
    assert ">7,5<" in html and ">7.5<" not in html  # the page writes numbers as a Brazilian reader does
    cell.outputs = [new_output("display_data", data={"text/html": f'<div class="pl-report">{html}</div>'})]
    path = tmp_path / "table-pt.html"
    path.write_text(export_html(new_notebook(cells=[cell]), title="Tabela", lang="pt"), encoding="utf-8")
    page = Visit(browser, path).page
    expect = pytest.importorskip("playwright.sync_api").expect
    expect.set_options(timeout=30_000)
    header = page.locator(".pl-dt-widget th").nth(1)
    top = page.locator(".pl-dt-widget tbody tr:first-child td").nth(1)
    header.click()
    expect(top).to_have_text("0,25")
    header.click()
    expect(top).to_have_text("7,5")  # as text, "7,25" would sort above "7,5" (and "0,5" below "0,25")


def test_figures_carry_their_alt_text_or_a_translated_fallback(browser, tmp_path):
    import base64
    import io

    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (4, 3), "white").save(buf, format="PNG")
    png = base64.b64encode(buf.getvalue()).decode("ascii")
    alt = 'Barras: "Sociedad civil" 13 <img src=x onerror=alert(1)>'
    cell = new_code_cell("rpt.show(fig, alt=...)")
    cell.outputs = [
        new_output("display_data", data={"image/png": png}, metadata={"image/png": {"alt": alt}}),
        new_output("display_data", data={"image/png": png}),
    ]
    page = tmp_path / "alt.html"
    page.write_text(export_html(new_notebook(cells=[cell]), title="alt", lang="es"), encoding="utf-8")
    visit = Visit(browser, page)
    alts = visit.page.evaluate("[...document.images].map(i => i.alt)")
    assert alts == [alt, "Figura de este informe (no se proporcionó una descripción en texto)"]
    assert visit.dialogs == [] and visit.outside == [] and visit.page.locator("img[src='x']").count() == 0
