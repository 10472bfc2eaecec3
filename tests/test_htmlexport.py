"""The reviewer's page: no code, no notes, nothing loaded from the network, stable output."""

import re

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from partnerlab.findings import KEEP_MIME
from partnerlab.htmlexport import REMOVED_TAGS, export_html, outside_references, prepare_for_html, render_index

PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="


def _tagged(cell, *tags):
    cell.metadata["tags"] = list(tags)
    return cell


def _report_notebook():
    shown = new_code_cell("display_report_section()")
    shown.outputs = [
        new_output("display_data", data={"text/html": "<h2>Who partners with whom</h2>"}),
        new_output("display_data", data={"image/png": PNG, "text/plain": "<Figure>"}),
        new_output("stream", name="stderr", text="FutureWarning: noisy\n"),
        new_output(
            "display_data",
            data={KEEP_MIME: '{"columns":[],"index":[],"data":[]}'},
            metadata={"partnerlab": {"keep": "t"}},
        ),
    ]
    return new_notebook(
        cells=[
            _tagged(new_markdown_cell("Analyst note: open in JupyterLab"), "analyst-note"),
            _tagged(new_code_cell('workbook: str = ""'), "parameters"),
            _tagged(new_code_cell('# Parameters\nworkbook = "/data/w.xlsx"'), "injected-parameters"),
            new_code_cell("import pandas as pd"),  # no output: nothing to show
            shown,
        ]
    )


@pytest.mark.parametrize("tag", sorted(REMOVED_TAGS))
def test_tagged_cells_are_removed(tag):
    nb = new_notebook(cells=[_tagged(new_markdown_cell("hidden text"), tag), new_markdown_cell("kept text")])
    assert [c.source for c in prepare_for_html(nb).cells] == ["kept text"]


def test_prepare_keeps_only_what_a_reviewer_reads():
    nb = _report_notebook()
    cells = prepare_for_html(nb).cells
    assert len(cells) == 1
    assert [o.output_type for o in cells[0].outputs] == ["display_data", "display_data"]
    assert len(nb.cells) == 5  # the input notebook is not modified


def test_page_has_no_code_no_note_no_parameters():
    html = export_html(_report_notebook(), title="Network")
    for hidden in (
        "Analyst note",
        "import pandas",
        "display_report_section",
        "/data/w.xlsx",
        "FutureWarning",
        KEEP_MIME,
    ):
        assert hidden not in html
    assert "<h2>Who partners with whom</h2>" in html
    assert f'src="data:image/png;base64,{PNG}"' in html


def test_page_is_self_contained_and_scriptless():
    html = export_html(_report_notebook(), title="Network")
    assert outside_references(html) == []
    assert "<script" not in html.lower()
    assert "default-src 'none'; img-src data:" in html  # the browser enforces it too


def test_default_nbconvert_page_is_not_self_contained():
    # The reason for our template (and proof that the check can fail): nbconvert's lab template
    # loads require.js from a CDN.
    from nbconvert import HTMLExporter

    html, _ = HTMLExporter().from_notebook_node(_report_notebook())
    assert any(u.startswith("https://") for u in outside_references(html))


@pytest.mark.parametrize(
    "lang, label", [("en", "All reports of this batch"), ("es", "Todos los informes de este lote")]
)
def test_language_and_navigation(lang, label):
    html = export_html(_report_notebook(), title="T", lang=lang, index_href="index.html")
    assert f'<html lang="{lang}">' in html
    assert f'<a href="index.html">&larr; {label}</a>' in html or f'<a href="index.html">← {label}</a>' in html


def test_title_is_escaped():
    html = export_html(_report_notebook(), title="<script>alert(1)</script>")
    assert "<title>&lt;script&gt;alert(1)&lt;/script&gt;</title>" in html


def test_same_notebook_same_page_whatever_the_cell_ids():
    a, b = _report_notebook(), _report_notebook()  # nbformat gives every cell a random id
    assert [c.id for c in a.cells] != [c.id for c in b.cells]
    assert export_html(a, title="T") == export_html(b, title="T")


@pytest.mark.parametrize(
    "html, expected",
    [
        ('<link rel="stylesheet" href="https://fonts.example/x.css">', ["https://fonts.example/x.css"]),
        ('<div style="background: url(http://x.org/a.png)"></div>', ["http://x.org/a.png"]),
        ('<img srcset="a.png 1x, data:image/png;base64,AA 2x">', ["a.png"]),
        ("<style>/* see https://x.org */ p {color: red}</style>", []),
        ('<a href="https://www.un.org">UN</a><p>&lt;script src="https://evil"&gt;</p>', []),
    ],
)
def test_outside_references(html, expected):
    assert outside_references(html) == expected


def _manifest(**report):
    base = {
        "name": "network",
        "titles": {"en": "Network", "es": "Red"},
        "status": "ok",
        "seconds": 1.25,
        "outputs": ["network.html", "network.ipynb"],
        "parameters_own": {},
        "notes": {},
        "error": None,
    }
    base.update(report)
    return {
        "partnerlab": "0.1.0",
        "findings": "findings.xlsx",
        "workbook": {"name": "w.xlsx", "sha256": "ab" * 32, "as_of": "2024-06-30", "portfolio": "UN Mexico"},
        "run": {"started": "2024-07-01T10:00:00+00:00", "ended": "2024-07-01T10:01:00+00:00", "seconds": 60},
        "summary": {"ok": 1, "failed": 0, "skipped": 0},
        "reports": [base],
    }


def test_index_links_and_escapes():
    html = render_index(
        _manifest(titles={"en": "<b onmouseover=alert(1)>Net</b>"}, parameters_own={"focus": "<i>x</i>"})
    )
    assert '<a href="network.html">&lt;b onmouseover=alert(1)&gt;Net&lt;/b&gt;</a>' in html
    assert "focus=&lt;i&gt;x&lt;/i&gt;" in html
    assert '<a href="network.ipynb">.ipynb</a>' in html and "1.2 s" in html
    assert outside_references(html) == [] and "<script" not in html


@pytest.mark.parametrize(
    "lang, words",
    [
        ("en", ["Reports", "Data as of", "Network", "skipped", "No data: the sheet ties is empty."]),
        ("es", ["Informes", "Datos al", "Red", "omitido", "Sin datos: la hoja ties está vacía."]),
    ],
)
def test_index_is_bilingual(lang, words):
    m = _manifest(
        status="skipped",
        outputs=[],
        notes={"en": "No data: the sheet ties is empty.", "es": "Sin datos: la hoja ties está vacía."},
    )
    html = render_index(m, lang)
    assert f'<html lang="{lang}">' in html
    for word in words:
        assert word in html
    assert '<a href="network.html">' not in html  # nothing to link to


def test_failed_report_links_its_notebook_only():
    html = render_index(_manifest(status="failed", outputs=["network.ipynb"], error="KeyError: 'ties'"))
    assert re.search(r"<td>Network</td>", html)
    assert '<a href="network.ipynb">' in html and "KeyError: &#x27;ties&#x27;" in html


def test_round_trip_through_nbformat(tmp_path):
    path = tmp_path / "nb.ipynb"
    nbformat.write(_report_notebook(), path)
    assert "<h2>Who partners with whom</h2>" in export_html(nbformat.read(path, as_version=4), title="T")


@pytest.mark.parametrize("lang, heading", [("en", "Stakeholder map"), ("es", "Mapa de actores")])
def test_index_groups_fanned_out_reports(lang, heading):
    base = _manifest()["reports"][0]
    m = _manifest()
    m["reports"] = [
        dict(
            base,
            name="stakeholder_map",
            report="stakeholder_map",
            titles={"en": "Stakeholder map", "es": "Mapa de actores"},
            outputs=["stakeholder_map.html"],
        ),
        dict(
            base,
            name="stakeholder_map__academia",
            report="stakeholder_map",
            titles={"en": "Stakeholder map: Academia", "es": "Mapa de actores: Academia"},
            parameters_own={"sector": "academia"},
            outputs=["stakeholder_map__academia.html"],
        ),
        dict(base, name="network", report="network", titles={"en": "Network", "es": "Red"}),
    ]
    html = render_index(m, lang)
    # the run details: one heading row per report, with its fan-out count
    groups = re.findall(r'<tr class="pl-group"><th colspan="6">(.*?)</th></tr>', html)
    assert groups == [
        f'{heading} <span class="pl-count">(2)</span>',
        "Partnership network" if lang == "en" else "Red de alianzas",
    ]  # a report run once: no count
    # the reader's part: the report, then its copies by their entity alone
    assert f'<a href="stakeholder_map.html">{heading}</a>' in html
    assert '<p class="pl-copies"><a href="stakeholder_map__academia.html">Academia</a></p>' in html
    assert html.index('href="stakeholder_map__academia.html"') < html.index('class="pl-run-details"')


def _index_of(*names, lang="en"):
    base = _manifest()["reports"][0]
    m = _manifest()
    m["reports"] = [
        dict(base, name=n, report=n, titles={"en": n, "es": n}, outputs=[f"{n}.html", f"{n}.ipynb"]) for n in names
    ]
    return render_index(m, lang)


def test_index_leads_with_the_overview_and_groups_reports_as_a_reader_would():
    html = _index_of("stakeholder_map", "quality", "changes", "overview", "sector_diagnosis")
    body = html[html.index("<main>") :]
    order = [
        body.index(s)
        for s in (
            '<section class="pl-start"',
            "<h2>Stakeholders and partners</h2>",
            "<h2>Partnerships</h2>",
            "<h2>Portfolio</h2>",
            "<h2>Change</h2>",
            '<details class="pl-run-details">',
        )
    ]
    assert order == sorted(order)
    assert body.index('href="overview.html"') < body.index('href="stakeholder_map.html"')
    # each report says which question it answers; seconds, parameters and notebooks wait in the details
    assert "Who are the stakeholders, by sector and state" in body
    assert body.index("1.2 s") > body.index('<details class="pl-run-details">')
    assert body.index('href="overview.ipynb"') > body.index('<details class="pl-run-details">')


@pytest.mark.parametrize(
    "lang, line",
    [
        ("en", "5 reports ready · 0 failed · 0 skipped"),
        ("es", "5 informes listos · 0 fallaron · 0 omitidos"),
        ("pt", "5 relatórios prontos · 0 falhou · 0 omitido"),  # pt_BR: 0 takes the singular
    ],
)
def test_index_status_line_speaks_the_language(lang, line):
    m = _manifest()
    m["summary"] = {"ok": 5, "failed": 0, "skipped": 0}
    html = render_index(m, lang)
    assert line in html and f'<html lang="{lang}">' in html
    assert "correcto" not in html or lang != "en"


def _cell(markup):
    cell = nbformat.v4.new_code_cell("x")
    cell.outputs = [nbformat.v4.new_output("display_data", data={"text/html": markup})]
    return cell


def test_run_details_go_to_the_bottom_and_long_pages_get_contents():
    head = '<div class="pl-report"><h1>T</h1><nav class="pl-contents" data-pl-contents="Contents"></nav></div>'
    details = '<div class="pl-report pl-run-details"><table class="pl-inputs"></table></div>'
    head = "<style>.pl-run-details { color: grey; }</style>" + head  # the page CSS names the class: it stays
    sections = [_cell(f'<div class="pl-report"><h2 id="s-{i}">Part &lt;{i}&gt;</h2></div>') for i in range(4)]
    nb = nbformat.v4.new_notebook(cells=[_cell(head), _cell(details), *sections])
    nb.cells[0].outputs.append(nb.cells.pop(1).outputs[0])  # header: one cell, two outputs
    page = prepare_for_html(nb)
    markups = ["".join(o["data"]["text/html"]) for c in page.cells for o in c.outputs]
    marker = 'class="pl-report pl-run-details"'
    assert marker in markups[-1] and marker not in "".join(markups[:-1]) and "<h1>T</h1>" in markups[0]
    assert '<li><a href="#s-0">Part &lt;0&gt;</a></li>' in markups[0] and markups[0].count("<li>") == 4
    short = prepare_for_html(nbformat.v4.new_notebook(cells=[_cell(head), *sections[:2]]))
    assert "<ol>" not in "".join(short.cells[0].outputs[0]["data"]["text/html"])  # a short page: no contents


def test_light_png_keeps_a_chart_and_weighs_less():
    """A real chart: a palette PNG, same size in pixels, smaller, the same bytes every time,
    and every pixel within a few levels of the original (anti-aliased edges only)."""
    import base64
    import io

    import matplotlib
    import numpy as np
    from PIL import Image

    from partnerlab.htmlexport import light_png

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(6, 3))
    ax.barh(range(5), [3, 1, 4, 1, 5], color=["#B2182B", "#D9D9D9", "#2166AC", "#92C5DE", "#F4A582"])
    ax.set_title("Quién respondió (n=142)")
    buf = io.BytesIO()
    fig.savefig(buf, format="png", bbox_inches="tight")
    plt.close(fig)
    original = base64.b64encode(buf.getvalue()).decode()
    light = light_png(original)
    assert light == light_png(original)
    assert len(light) < 0.7 * len(original)
    a = np.asarray(Image.open(io.BytesIO(base64.b64decode(original))).convert("RGB"), dtype=int)
    b = Image.open(io.BytesIO(base64.b64decode(light)))
    assert b.mode == "P" and b.size == (a.shape[1], a.shape[0])
    diff = np.abs(a - np.asarray(b.convert("RGB"), dtype=int))
    assert np.percentile(diff, 99) <= 8 and diff.mean() < 1


def test_light_png_leaves_what_it_cannot_read():
    from partnerlab.htmlexport import light_png

    assert light_png("not base64 at all") == "not base64 at all"


def _chart_png() -> str:
    import base64
    import io

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(5, 2))
    ax.barh(range(3), [3, 1, 4], color=["#B2182B", "#D9D9D9", "#2166AC"])
    ax.set_title("Actores por sector")
    buf = io.BytesIO()
    fig.savefig(buf, format="png", bbox_inches="tight")
    plt.close(fig)
    return base64.b64encode(buf.getvalue()).decode()


def test_figures_in_a_pages_markup_are_light_too():
    """Report.figure_html writes a figure into the page's HTML (survey cards, folded views): the
    export makes it the same palette PNG as a displayed figure, and touches nothing else."""
    import base64
    import io

    from PIL import Image

    from partnerlab.htmlexport import light_png

    png = _chart_png()
    markup = (
        f'<div class="pl-card"><img class="pl-figure" src="data:image/png;base64,{png}" alt="Barras &lt;b&gt;"></div>'
    )
    cell = new_code_cell("rpt.cards(views)")
    cell.outputs = [new_output("display_data", data={"text/html": markup})]
    page = prepare_for_html(new_notebook(cells=[cell]))
    shown = page.cells[0].outputs[0]["data"]["text/html"]
    assert shown == markup.replace(png, light_png(png))
    light = re.search(r'base64,([A-Za-z0-9+/=]+)"', shown).group(1)
    assert Image.open(io.BytesIO(base64.b64decode(light))).mode == "P" and len(light) < len(png)


def test_every_output_is_focusable_as_nbconvert_made_it():
    """The export skips nbconvert's BeautifulSoup pass and adds its one change itself: tabindex="0"
    on every output of the page."""
    html = export_html(_report_notebook(), title="Demo")
    outputs = re.findall(r'<div class="[^"]*\bjp-OutputArea-output\b[^"]*"[^>]*>', html)
    assert outputs and all('tabindex="0"' in tag for tag in outputs)
    assert html.count('tabindex="0"') == len(outputs)


def test_shared_text_metrics_give_the_same_png():
    """plots.common.share_text_metrics (every batch kernel): a speed-up that changes no pixel."""
    import base64

    from partnerlab.plots.common import share_text_metrics

    before = base64.b64decode(_chart_png())
    assert share_text_metrics() and share_text_metrics()  # idempotent
    assert base64.b64decode(_chart_png()) == before


def test_index_language_is_resolved_like_every_page():
    """A locale with a region ("es_MX") or a name gives the Spanish index, not an English one."""
    for spelled in ("es_MX", "Español", "ES"):
        page = render_index({"reports": []}, spelled)
        assert '<html lang="es"' in page, spelled
