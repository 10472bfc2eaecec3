"""The network explorer in headless Chromium with every request to any host blocked (and a
test failing if one is attempted): it draws its nodes, search finds a stakeholder by typing, a
sector filter hides the others, hovering shows the card, clicking highlights the ego network,
in English and Spanish; workbook text stays text; print shows the static figure instead.

Uses Debian's chromium (/usr/bin/chromium); Playwright never downloads a browser. Screenshots
go to reports/screenshots/ for a person to look at.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import networkx as nx
import pytest

from partnerlab import explorer, paths

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = paths.REPORTS / "screenshots"
XSS = "</script><img src=x onerror=alert(1)>"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium: .ci/install-system-packages.sh"),
]


# ---------------------------------------------------------------------------------------
# Without a browser: the payload and its escaping
# ---------------------------------------------------------------------------------------


def test_json_island_cannot_close_its_script():
    text = explorer.to_json({"name": XSS + "\u2028<!--"})
    assert "<" not in text and ">" not in text and "\u2028" not in text
    assert json.loads(text) == {"name": XSS + "\u2028<!--"}


def test_payload_is_deterministic_and_in_the_language(sample_graph):
    graph, verdicts = sample_graph
    a = explorer.explorer_data(graph, "es", verdicts=verdicts)
    b = explorer.explorer_data(graph, "es", verdicts=verdicts)
    assert a == b  # seeded layout: the same workbook, the same picture
    assert len(a["nodes"]["id"]) == 94 and len(a["edges"]) == 4 * 414
    assert a["text"]["search"] == "Buscar un actor por nombre"
    assert explorer.explorer_data(graph, "pt")["text"]["search"] == "Buscar um ator pelo nome"
    assert all(-1.6 <= x <= 1.0 for x in a["nodes"]["x"] + a["nodes"]["y"])
    assert "SE2030" not in a["nodes"]["label"]  # names, not codes
    assert dict(zip(a["sectors"][0][:2], ["federal_government", "Gobierno federal"]))


def test_layout_of_a_large_graph_is_seeded():
    g = nx.gnm_random_graph(400, 900, seed=3)
    first, second = explorer.layout(g), explorer.layout(g)
    assert first == second and len(first) == 400
    assert max(abs(c) for p in first.values() for c in p) == pytest.approx(1.0)


# ---------------------------------------------------------------------------------------
# In the browser
# ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sample_graph():
    from partnerlab import consistency, network
    from partnerlab.workbook import load_workbook

    if not paths.SAMPLE_WORKBOOK.exists():
        pytest.skip("needs the bundled sample")
    wb = load_workbook(paths.SAMPLE_WORKBOOK)
    return network.build_tie_graph(wb), consistency.stakeholder_verdicts(wb)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")),
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
            viewport={"width": 1280, "height": 900},
        )
        yield context
        context.close()


def _page(tmp_path: Path, graph, lang: str, **options) -> Path:
    """An exported page (partnerlab.htmlexport) holding the explorer and a static figure."""
    import base64
    import io

    from nbformat.v4 import new_code_cell, new_notebook, new_output
    from PIL import Image

    from partnerlab.htmlexport import export_html

    png = io.BytesIO()
    Image.new("RGB", (40, 30), "#1F4E79").save(png, format="PNG")
    cell = new_code_cell("explorer.show(graph)")
    cell.outputs = [
        new_output("display_data", data={"text/html": explorer.explorer_html(graph, lang, **options)}),
        new_output("display_data", data={"image/png": base64.b64encode(png.getvalue()).decode()}),
    ]
    path = tmp_path / f"explorer-{lang}.html"
    path.write_text(export_html(new_notebook(cells=[cell]), title="explorer", lang=lang), encoding="utf-8")
    return path


class Offline:
    """A page opened from file:// with every request to a host blocked and recorded."""

    def __init__(self, context, path: Path):
        self.page = context.new_page()
        self.outside: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page.route("**/*", self._route)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.goto(path.resolve().as_uri(), wait_until="load")
        self.page.wait_for_selector(".pl-explorer[data-ready]", timeout=30000)
        self.host = self.page.locator(".pl-explorer").first

    def _route(self, route):
        url = route.request.url
        if url.startswith(("file:", "data:", "blob:")):
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()

    def data(self) -> dict:
        return self.host.evaluate("h => Object.assign({}, h.dataset)")

    def node_point(self, node_id: str) -> tuple[float, float]:
        """Where a node is on the screen (page coordinates)."""
        return tuple(
            self.page.evaluate(
                """id => {
            const ex = Object.values(window.partnerlabExplorers)[0];
            const i = ex.data.nodes.id.indexOf(id);
            const p = ex.renderer.framedGraphToViewport(ex.renderer.getNodeDisplayData(String(i)));
            const box = ex.renderer.getContainer().getBoundingClientRect();
            return [box.left + p.x, box.top + p.y];
        }""",
                node_id,
            )
        )

    def display(self, node_id: str) -> dict:
        return self.page.evaluate(
            """id => {
            const ex = Object.values(window.partnerlabExplorers)[0];
            const i = String(ex.data.nodes.id.indexOf(id));
            const d = ex.renderer.getNodeDisplayData(i);
            return {hidden: !!d.hidden, color: d.color, highlighted: !!d.highlighted};
        }""",
            node_id,
        )

    def check_clean(self):
        assert self.outside == [], f"requests to a host: {self.outside}"
        assert self.errors == [] and self.dialogs == []

    def screenshot(self, name: str) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / name
        self.host.screenshot(path=str(path))
        return path


TEXTS = {
    "en": {
        "search": "Search a stakeholder by name",
        "query": "oaxa",
        "found": "Gobierno del Estado de Oaxaca",
        "sector": "Sector",
        "shown": "13 of 94 stakeholders shown",
    },
    "es": {
        "search": "Buscar un actor por nombre",
        "query": "merida",
        "found": "Ayuntamiento de Mérida",
        "sector": "Sector",
        "shown": "13 de 94 actores visibles",
    },
}


@pytest.mark.parametrize("lang", ["en", "es"])
def test_explorer_offline(browser, tmp_path, sample_graph, lang):
    graph, verdicts = sample_graph
    t = TEXTS[lang]
    visit = Offline(browser, _page(tmp_path, graph, lang, verdicts=verdicts))
    page = visit.page
    # it draws its nodes: 94 stakeholders and 414 ties, on a canvas that is not blank
    assert visit.data()["ready"] == "1" and visit.data()["shown"] == "94"
    assert page.evaluate(
        "(() => { const g = Object.values(window.partnerlabExplorers)[0].graph; return [g.order, g.size]; })()"
    ) == [94, 414]
    stage = page.locator(".pl-ex-stage")
    from PIL import Image

    shot = tmp_path / "stage.png"
    stage.screenshot(path=str(shot))
    colours = Image.open(shot).convert("RGB").getcolors(1 << 20)
    assert len(colours) > 50  # nodes, ties and labels, not an empty canvas
    assert page.locator("input[type=search]").get_attribute("placeholder") == t["search"]
    visit.screenshot(f"explorer-{lang}.png")

    # hover card: name, sector, grid position, screening outcome
    x, y = visit.node_point("SHCP")
    page.mouse.move(x, y)
    card = page.locator(".pl-ex-card")
    card.wait_for(state="visible")
    text = card.inner_text()
    assert "Secretaría de Hacienda y Crédito Público (SHCP)" in text and t["sector"] in text
    assert ("Grid position" if lang == "en" else "Posición en la matriz") in text
    assert ("Not screened" if lang == "en" else "Sin evaluación") in text or "Screening" in text or "Evaluación" in text
    visit.screenshot(f"explorer-{lang}-hover.png")
    page.mouse.move(5, 5)

    # search by typing: accents and case do not matter; Enter selects the first match
    page.locator("input[type=search]").press_sequentially(t["query"], delay=20)
    results = page.locator(".pl-ex-results button")
    results.first.wait_for(state="visible")
    assert t["found"] in results.all_inner_texts()
    page.locator("input[type=search]").press("Enter")
    page.wait_for_function("h => h.dataset.selected", arg=visit.host.element_handle())
    chosen = next(v for v in graph if graph.nodes[v]["name"] == t["found"])
    assert visit.data()["selected"] == chosen
    assert t["found"] in page.locator(".pl-ex-info").inner_text()

    # click highlights the ego network: the node, its partners; the rest greyed
    page.locator(".pl-ex-btn", has_text="Show all" if lang == "en" else "Mostrar todo").click()
    page.wait_for_timeout(400)  # the camera goes back to the whole network
    x, y = visit.node_point("SHCP")
    page.mouse.click(x, y)
    page.wait_for_function("h => h.dataset.selected === 'SHCP'", arg=visit.host.element_handle())
    und = graph.to_undirected()
    assert int(visit.data()["ego"]) == und.degree("SHCP") + 1
    stranger = next(v for v in graph if v != "SHCP" and not und.has_edge("SHCP", v))
    partner = next(iter(und["SHCP"]))
    assert visit.display(stranger)["color"] == "#E4E4E4"
    assert visit.display(partner)["color"] != "#E4E4E4"
    visit.screenshot(f"explorer-{lang}-ego.png")

    # a sector filter hides the others: keep civil society only
    page.locator(".pl-ex-btn", has_text="Show all" if lang == "en" else "Mostrar todo").click()
    for box in page.locator("input[data-sector]").all():
        if box.get_attribute("data-sector") != "civil_society":
            box.uncheck()
    assert visit.data()["shown"] == "13"
    assert page.locator(".pl-ex-count").inner_text() == t["shown"]
    civil = next(v for v in graph if graph.nodes[v]["sector"] == "civil_society")
    assert visit.display("SHCP")["hidden"] and not visit.display(civil)["hidden"]
    visit.screenshot(f"explorer-{lang}-civil-society.png")
    visit.check_clean()


def test_tie_filters_and_print(browser, tmp_path, sample_graph):
    from partnerlab.htmlexport import outside_references

    graph, verdicts = sample_graph
    path = _page(tmp_path, graph, "en", verdicts=verdicts, highlight="SHCP")
    assert outside_references(path.read_text(encoding="utf-8")) == []  # nothing to load, scripts inlined
    assert "script-src 'sha256-" in path.read_text(encoding="utf-8")  # only the inlined scripts may run
    visit = Offline(browser, path)
    page = visit.page
    assert visit.data()["selected"] == "SHCP"  # the focus stakeholder opens highlighted
    full = int(visit.data()["ego"])
    page.select_option("select", "3")  # strong ties only: fewer partners in the ego network
    assert int(visit.data()["ego"]) < full
    page.select_option("select", "1")
    for box in page.locator("input[data-kind]").all():
        box.uncheck()
    assert visit.data()["ego"] == "1"  # no tie kind left: the stakeholder alone
    # the static figure is for print: hidden on screen next to a working explorer, shown in print
    assert not page.locator(".jp-RenderedImage img").is_visible()
    page.emulate_media(media="print")
    assert page.locator(".jp-RenderedImage img").is_visible() and not visit.host.is_visible()
    visit.check_clean()


def test_workbook_text_stays_text(browser, tmp_path):
    g = nx.Graph()
    g.add_node("X1", name=XSS, sector="media")
    g.add_node("X2", name="Radio <b>Norte</b> (fictional)", sector="media")
    g.add_edge("X1", "X2", strength=2, kinds={"dialogue"})
    path = _page(tmp_path, g, "en")
    assert re.search(r"<img src=x", path.read_text()) is None
    visit = Offline(browser, path)
    visit.page.locator("input[type=search]").press_sequentially("img", delay=10)
    assert visit.page.locator(".pl-ex-results button").first.inner_text() == XSS
    assert visit.page.locator("img[src='x']").count() == 0
    visit.check_clean()


def test_unsupported_browser_keeps_the_figure(browser, tmp_path, sample_graph):
    """Without WebGL the explorer says so and the static figure stays on screen."""
    graph, _ = sample_graph
    page = browser.new_page()
    page.add_init_script("HTMLCanvasElement.prototype.getContext = function () { return null; };")
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("file:", "data:")) else r.abort())
    page.goto(_page(tmp_path, graph, "es").resolve().as_uri())
    page.wait_for_selector(".pl-explorer[data-ready]")
    assert "WebGL" in page.locator(".pl-ex-note").inner_text()
    assert page.locator(".jp-RenderedImage img").is_visible()
    page.close()
