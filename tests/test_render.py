"""partnerlab.plots.render.png_bytes: savefig(bbox_inches="tight")'s PNG with one drawing pass.

Each real figure is built twice from the bundled sample, one copy saved by savefig and one by
png_bytes, and the two PNGs must be the same bytes (hence the same pixel size and the same
pixels: the tolerance is zero, because png_bytes draws into the same padded box at the same
fractional origin as savefig's second pass, and encodes with the encoder savefig ends with).
"""

from __future__ import annotations

import base64
import io
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import matplotlib.text as mtext  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from PIL import Image  # noqa: E402

from partnerlab.plots import render  # noqa: E402


@pytest.fixture(autouse=True)
def house_style():
    from partnerlab.plots.common import apply_style

    with matplotlib.rc_context():
        apply_style()
        yield
    plt.close("all")


def _savefig(fig, **options) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", bbox_inches="tight", metadata={"Software": None}, **options)
    return buffer.getvalue()


def _pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGBA"))


def _figures(wb) -> dict:
    """Builders of real report figures: a fresh figure each call."""
    from partnerlab import actionplan, screening
    from partnerlab import stakeholders as sh
    from partnerlab.plots import survey as survey_plots
    from partnerlab.plots.actionplan import plot_status_bars, plot_timeline
    from partnerlab.plots.stakeholders import plot_influence_interest

    as_of = screening.as_of_date(wb.about)
    plan = actionplan.filter_year(wb.action_plan, 2023)
    q, r = wb.survey_questions, wb.survey_responses
    grid = sh.assign_quadrants(sh.filter_stakeholders(wb.stakeholders, "civil_society"))

    def question_chart():
        charts = [
            v["figure"].figure for v in survey_plots.question_views(q, r, "institutionality", lang="es") if v["figure"]
        ]
        for fig in charts[1:]:  # one chart, the others closed
            plt.close(fig)
        return charts[0]

    return {
        # tick labels spill past the left edge of the canvas by up to 3.4 inches
        "action plan timeline": lambda: plot_timeline(plan, as_of, lang="es").figure,
        "action plan status bars": lambda: (
            plot_status_bars(actionplan.progress_by(plan, "pillar", as_of), "pillar", lang="es").figure
        ),
        "sector diagnosis heatmap": lambda: survey_plots.plot_theme_heatmap(q, r, groups=None, lang="es").figure,
        "sector diagnosis question": question_chart,
        # labels in boxes with leader lines (annotate): clipped by boxes placed at the first draw
        "stakeholder map grid": lambda: plot_influence_interest(grid, lang="es").figure,
    }


def test_real_figures_same_bytes_as_savefig(sample_wb):
    for name, build in _figures(sample_wb).items():
        expected = _savefig(build())
        counts = dict(render.render_counts)
        got = render.png_bytes(build())
        assert render.render_counts["one_pass"] == counts["one_pass"] + 1, name  # not the fallback
        a, b = _pixels(expected), _pixels(got)
        assert a.shape == b.shape, name
        assert np.array_equal(a, b), name
        assert got == expected, name


def test_same_bytes_run_after_run(sample_wb):
    build = _figures(sample_wb)["stakeholder map grid"]
    first, second = render.png_bytes(build()), render.png_bytes(build())
    assert first == second
    fig = build()
    assert render.png_bytes(fig) == render.png_bytes(fig) == first  # a figure drawn before: the same
    assert b"Software" not in first and b"tEXt" not in first


def _long_labels():
    fig, ax = plt.subplots(figsize=(4, 2))
    ax.barh(["Secretaría de Relaciones Exteriores (ficticia) y su red", "Otra"], [3, 5])
    ax.set_title("Un título más ancho que la figura, que sale por la derecha también")
    return fig


def test_labels_spilling_past_the_canvas_are_kept_whole():
    fig = _long_labels()
    width_px = fig.get_figwidth() * fig.dpi
    counts = dict(render.render_counts)
    png = render.png_bytes(fig)
    assert render.render_counts["one_pass"] == counts["one_pass"] + 1  # the box covers them: one draw
    assert png == _savefig(_long_labels())
    pixels = _pixels(png)
    assert pixels.shape[1] > width_px  # wider than the canvas: the spilt labels are in it
    ink = np.argwhere((pixels[..., :3] < 250).any(axis=2))
    pad = int(matplotlib.rcParams["savefig.pad_inches"] * fig.dpi)
    assert ink[:, 1].min() >= pad - 1 and ink[:, 1].max() <= pixels.shape[1] - pad  # white margin all round
    assert ink[:, 0].min() >= pad - 1 and ink[:, 0].max() <= pixels.shape[0] - pad


class _Jumping(mtext.Text):
    """A label that moves when it is drawn (to the left edge of the figure), as an artist laid
    out at draw time may: measured before the draw, it would be cut."""

    def draw(self, renderer):
        self.set_x(-0.1)
        super().draw(renderer)


def _jumping():
    fig, ax = plt.subplots(figsize=(5, 3))
    ax.plot([0, 1], [0, 1])
    fig.add_artist(_Jumping(0.5, 0.5, "Etiqueta que se mueve al dibujarla", transform=fig.transFigure))
    return fig


def test_an_artist_moving_during_the_draw_goes_the_two_pass_way_and_is_not_cut():
    counts = dict(render.render_counts)
    png = render.png_bytes(_jumping())
    assert render.render_counts["two_pass"] == counts["two_pass"] + 1
    expected = _jumping()
    assert png == _savefig(expected)
    pixels = _pixels(png)
    assert (pixels[:, :3, :3] == 255).all()  # the label starts inside the image, after its margin


def test_dpi_and_facecolor_as_savefig():
    def build():
        fig = _long_labels()
        fig.set_facecolor("#F5F8FB")
        return fig

    assert render.png_bytes(build(), dpi=150) == _savefig(build(), dpi=150)
    with matplotlib.rc_context({"savefig.facecolor": "#FFEEDD"}):
        assert render.png_bytes(build()) == _savefig(build())


def test_constrained_layout_as_savefig(sample_wb):
    from partnerlab import quality
    from partnerlab.plots import quality as quality_plots

    levels = quality.portfolio_levels(quality.quality_scores(sample_wb.quality_assessment))
    names = dict(zip(sample_wb.partnerships["id"], sample_wb.partnerships["name"]))

    def build():  # layout="constrained"
        fig = quality_plots.plot_quality_heatmap(levels, names, lang="es").figure
        assert fig.get_layout_engine() is not None
        return fig

    assert render.png_bytes(build()) == _savefig(build())


def test_report_figure_html_and_show(monkeypatch):
    from partnerlab.page import Report
    from partnerlab.workbook import Workbook

    rpt = Report(Workbook(Path("w.xlsx"), "0" * 64, {"language": "es", "as_of": None}, {}), lang="es")
    markup = rpt.figure_html(_long_labels(), alt='Barras "de prueba" <b>')
    src = markup.split('src="data:image/png;base64,', 1)[1].split('"', 1)[0]
    assert base64.b64decode(src) == _savefig(_long_labels())
    assert 'alt="Barras &quot;de prueba&quot; &lt;b&gt;"' in markup

    shown = []
    monkeypatch.setattr("IPython.display.display", lambda *objs, **kw: shown.append((objs, kw)))
    fig = _long_labels()
    rpt.show(fig.axes[0], alt="Barras de prueba")
    assert not plt.fignum_exists(fig.number)  # closed
    ((bundle,), kw), *_ = shown
    assert kw["raw"] is True and kw["metadata"] == {"image/png": {"alt": "Barras de prueba"}}
    assert bundle["text/plain"].startswith("<Figure size 400x200")  # as the inline backend's output
    assert base64.b64decode(bundle["image/png"]) == _savefig(_long_labels())
    rpt.show(plt.figure())  # an empty figure: nothing shown, as the inline backend
    assert len(shown) == 1


def test_shown_figure_reaches_the_page_with_its_alt(monkeypatch):
    import nbformat

    from partnerlab import htmlexport
    from partnerlab.page import Report
    from partnerlab.workbook import Workbook

    rpt = Report(Workbook(Path("w.xlsx"), "0" * 64, {"language": "es", "as_of": None}, {}), lang="es")
    shown = []
    monkeypatch.setattr("IPython.display.display", lambda *objs, **kw: shown.append((objs, kw)))
    rpt.show(_long_labels(), alt="Barras de prueba <con signos>")
    ((bundle,), kw) = shown[0]
    cell = nbformat.v4.new_code_cell("rpt.show(fig)")
    cell.outputs = [nbformat.v4.new_output("display_data", data=bundle, metadata=kw["metadata"])]
    page = htmlexport.export_html(nbformat.v4.new_notebook(cells=[cell]), title="Prueba", lang="es")
    assert 'alt="Barras de prueba &lt;con signos&gt;"' in page
    assert page.count("data:image/png;base64,") == 1


def test_tight_layout_legend_outside_and_annotations_as_savefig():
    def build():
        fig, axes = plt.subplots(2, 2, figsize=(6, 4))
        for i, ax in enumerate(axes.flat):
            ax.plot([0, 1, 2], [i, 2 - i, i], label=f"Serie {i}")
            ax.annotate("Nota con caja", (1, 1), xytext=(1.5, 1.8), bbox={"fc": "w"}, arrowprops={"arrowstyle": "-"})
        axes[0, 1].legend(loc="upper left", bbox_to_anchor=(1.02, 1))  # outside the axes, past the canvas
        axes[1, 0].set_aspect("equal")
        fig.tight_layout()
        return fig

    assert render.png_bytes(build()) == _savefig(build())


def test_without_padding_the_two_pass_way():
    with matplotlib.rc_context({"savefig.pad_inches": 0}):
        counts = dict(render.render_counts)
        png = render.png_bytes(_long_labels())
        assert render.render_counts["two_pass"] == counts["two_pass"] + 1
        assert png == _savefig(_long_labels())
