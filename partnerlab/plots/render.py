"""A figure as the PNG bytes savefig(bbox_inches="tight") makes, with one drawing pass.

`fig.savefig(buf, format="png", bbox_inches="tight")`, the way every report figure was encoded
(Report.figure_html, and IPython's inline backend behind Report.show), draws the figure twice:
once with rendering switched off to lay it out, then measures its tight box, then draws it again
shifted into that box to rasterise it. `png_bytes` measures the tight box without the first draw
(`Figure.get_tightbbox` computes the ticks and text sizes it needs; a layout engine, e.g.
constrained layout, is run first, as that first draw would), sets the figure into the padded box
exactly as savefig does (`matplotlib._tight_bbox.adjust_bbox`, savefig's pad_inches), draws it
once and encodes it with `matplotlib.image.imsave`, the encoder savefig ends with: the same box,
the same pixels, the same bytes (tests/test_render.py compares them).

After the draw it checks the drawn pixels: the box is the content's tight box plus pad_inches
(0.1 inch) on each side, so the outer half of that padding must be plain face colour. Should
anything be drawn there (an artist that moved during the draw and crosses the edge: a cut label),
the figure is saved the two-pass way instead, so a reviewer never sees a cut label. (Measuring the
box again after the draw would check the same, at half of what the single pass saves.)

Why not draw once on the figure's own canvas and crop to the box measured from that draw: most
report charts have tick labels longer than the left margin (they spill past the canvas by up to
3.4 inches on the action plan's timeline), so the crop needs a much larger canvas or a second
draw, and it shifts each text and snapped line by up to a pixel against savefig's image (savefig
places the drawing at the box's fractional origin, a crop at a whole pixel). Measured in one
process on the action plan's six figures, each built afresh for each way (CPU s, 2026-12-01):
savefig 0.78, crop with a 3-inch margin 1.02 (three of the six spilled further and were drawn
twice), one pass measuring the box again after the draw 0.69; in a later run, savefig 0.88 and
this module 0.75 (13-25 % less on the sample's pages: benchmarks/bench_reports.py).
"""

from __future__ import annotations

import io

import matplotlib as mpl
import matplotlib.image
import numpy as np

__all__ = ["png_bytes", "render_counts"]

# How many figures went each way in this process (the benchmark prints them).
render_counts = {"one_pass": 0, "two_pass": 0}


def png_bytes(fig, dpi: float | None = None, metadata: dict | None = None) -> bytes:
    """The PNG savefig(format="png", bbox_inches="tight") writes for fig, drawn once.

    dpi defaults to savefig's (rcParams["savefig.dpi"]; "figure": the figure's own); metadata to
    {"Software": None}, i.e. no text chunk, so the bytes are the same run after run.
    """
    from contextlib import ExitStack

    from matplotlib import _tight_bbox, cbook
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    metadata = {"Software": None} if metadata is None else metadata
    dpi = mpl.rcParams["savefig.dpi"] if dpi is None else dpi
    if dpi == "figure":
        dpi = getattr(fig, "_original_dpi", fig.dpi)
    pad = mpl.rcParams["savefig.pad_inches"]
    if not isinstance(pad, (int, float)) or int(pad * dpi / 2) < 1:  # no margin to check (or "layout")
        return _two_pass(fig, dpi, metadata)
    old_canvas = fig.canvas
    canvas = old_canvas if isinstance(old_canvas, FigureCanvasAgg) else FigureCanvasAgg(fig)
    data = None
    try:
        with ExitStack() as stack:  # what savefig sets while it saves, undone on the way out
            stack.enter_context(cbook._setattr_cm(fig, dpi=dpi))
            stack.enter_context(cbook._setattr_cm(canvas, _device_pixel_ratio=1, _is_saving=True))
            for prop in ("facecolor", "edgecolor"):
                color = mpl.rcParams[f"savefig.{prop}"]  # "auto": the figure's own
                if not cbook._str_equal(color, "auto"):
                    stack.enter_context(fig._cm_set(**{prop: color}))
            renderer = canvas.get_renderer()
            engine = fig.get_layout_engine()
            if engine is not None:  # lay it out at its own size, as savefig's first draw does
                if fig.axes:
                    try:
                        engine.execute(fig)
                    except ValueError:  # as Figure.draw: a layout that cannot be done is skipped
                        pass
                stack.enter_context(fig._cm_set(layout_engine="none"))
            _place_text_boxes(fig, renderer)
            box = fig.get_tightbbox(renderer).padded(pad)
            restore = _tight_bbox.adjust_bbox(fig, box, renderer, canvas.fixed_dpi)
            try:
                canvas.draw()
                if _clear_frame(np.asarray(canvas.buffer_rgba()), fig, int(pad * dpi / 2)):
                    buffer = io.BytesIO()
                    mpl.image.imsave(
                        buffer, canvas.buffer_rgba(), format="png", origin="upper", dpi=dpi, metadata=metadata
                    )
                    data = buffer.getvalue()
            finally:
                restore()
    finally:
        if canvas is not old_canvas:
            fig.set_canvas(old_canvas)
    if data is None:
        return _two_pass(fig, dpi, metadata)
    render_counts["one_pass"] += 1
    return data


def _two_pass(fig, dpi: float, metadata: dict) -> bytes:
    """savefig's PNG, the two-pass way."""
    render_counts["two_pass"] += 1
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, bbox_inches="tight", metadata=metadata)
    return buffer.getvalue()


def _place_text_boxes(fig, renderer) -> None:
    """Place the boxes of the figure's texts (text(..., bbox=...), annotate) as savefig's first
    draw leaves them: an annotation's leader line is clipped by its text's box, which matplotlib
    places only when it draws the text, so on a figure's first draw the line is clipped by a box
    not yet placed (a line a few pixels longer than in savefig's image)."""
    for holder in (fig, *fig.axes):
        for text in holder.texts:
            if text.get_bbox_patch() is not None and text.get_visible():
                text.update_bbox_position_size(renderer)


def _clear_frame(pixels: np.ndarray, fig, band: int) -> bool:
    """Whether the outer band pixels of the drawn canvas are all the figure's face colour.

    The box is the drawing's tight box padded by pad_inches on each side, so only background lies
    within half the padding of the canvas edge; anything else there is a drawing that crossed
    the edge (an artist that moved during the draw), i.e. possibly cut. (Without padding there is
    no such band: png_bytes then saves the two-pass way without trying.)"""
    if min(pixels.shape[:2]) <= 2 * band:
        return False
    face = np.array([round(c * 255) for c in mpl.colors.to_rgba(fig.get_facecolor())])
    corner = pixels[0, 0].astype(int)
    if np.abs(corner - face).max() > 1:  # Agg's 8-bit colour may round the other way
        return False
    edges = (pixels[:band], pixels[-band:], pixels[:, :band], pixels[:, -band:])
    return all((edge == pixels[0, 0]).all() for edge in edges)
