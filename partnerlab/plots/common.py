"""Shared look of every partnerlab figure: sector colours, style, short labels."""

from __future__ import annotations

import matplotlib as mpl

from partnerlab import vocab

__all__ = [
    "SECTOR_STYLES",
    "SECTOR_COLORS",
    "SECTOR_MARKERS",
    "QUADRANT_COLORS",
    "sector_color",
    "sector_marker",
    "sector_label",
    "apply_style",
    "shorten",
    "share_text_metrics",
]

# One colour and one marker per sector, the same in every report. Colours are the Okabe-Ito
# palette (distinguishable with the common colour-vision deficiencies) plus greys and Tol's wine;
# eleven sectors are more than such a palette holds, so the marker groups the sectors by family
# (public: circle, market: square, society: triangle, international: diamond, other: cross) and a
# colour repeats no hue within a family: two sectors always differ in colour or in shape.
SECTOR_STYLES: dict[str, tuple[str, str]] = {
    "federal_government": ("#0072B2", "o"),
    "legislature": ("#56B4E9", "o"),
    "local_government": ("#009E73", "o"),
    "private_sector": ("#E69F00", "s"),
    "financial_sector": ("#D55E00", "s"),
    "academia": ("#CC79A7", "^"),
    "civil_society": ("#882255", "^"),
    "media": ("#999999", "^"),
    "international_cooperation": ("#F0E442", "D"),
    "un_system": ("#000000", "D"),
    "other": ("#BBBBBB", "X"),
}
SECTOR_COLORS: dict[str, str] = {k: color for k, (color, _) in SECTOR_STYLES.items()}
SECTOR_MARKERS: dict[str, str] = {k: marker for k, (_, marker) in SECTOR_STYLES.items()}

QUADRANT_COLORS = {"critical": "#C0392B", "awareness": "#E67E22", "capacity": "#2E86C1", "monitor": "#95A5A6"}


def sector_color(sector: str | None) -> str:
    """The colour of a sector key (grey for an unknown or blank sector)."""
    return SECTOR_COLORS.get(sector or "other", "#BBBBBB")


def sector_marker(sector: str | None) -> str:
    """The marker of a sector key (a cross for an unknown or blank sector)."""
    return SECTOR_MARKERS.get(sector or "other", "X")


def sector_label(sector: str | None, lang: str = "en") -> str:
    from partnerlab import i18n

    return i18n.translator(lang).label(vocab.SECTORS, sector or "other")


def shorten(text: object, limit: int = 28) -> str:
    """A label cut to limit characters with an ellipsis."""
    s = str(text)
    return s if len(s) <= limit else s[: limit - 1].rstrip() + "…"


def apply_style() -> None:
    """The house style: white background, light grid, readable sizes; fonts with Spanish accents."""
    mpl.rcParams.update(
        {
            "figure.dpi": 100,
            "savefig.dpi": 100,
            "figure.facecolor": "white",
            "axes.facecolor": "white",
            "axes.grid": False,
            "axes.spines.top": False,
            "axes.spines.right": False,
            "axes.titlesize": 13,
            "axes.titleweight": "bold",
            "axes.labelsize": 11,
            "xtick.labelsize": 10,
            "ytick.labelsize": 10,
            "legend.fontsize": 9,
            "legend.frameon": False,
            "font.family": "DejaVu Sans",
            "svg.hashsalt": "partnerlab",  # deterministic output
        }
    )


def share_text_metrics() -> bool:
    """Let every Agg renderer of a process share one cache of text sizes (a speed-up only).

    matplotlib caches the size of each text per renderer, and a figure saved with its tight box
    (savefig(bbox_inches="tight"), and partnerlab.plots.render.png_bytes, which every report
    figure goes through) is measured with a renderer of the figure's size and drawn with another
    of the box's size, so each label was measured twice. The size of a text depends only on the text, its
    font properties and the dpi, so one cache per dpi (with a 1x1 renderer of that dpi) gives the
    same numbers and the same PNG bytes; measured on a sector diagnosis page's 18 charts: 1.0 s of
    savefig CPU -> 0.8 s. Called once in each batch kernel (partnerlab.kernels). Returns False,
    changing nothing, when this matplotlib has no such cache (a private function).
    """
    import matplotlib.text as mtext
    from matplotlib.backends.backend_agg import RendererAgg

    per_renderer = getattr(mtext, "_get_text_metrics_function", None)
    if per_renderer is None or getattr(per_renderer, "_partnerlab_shared", False):
        return per_renderer is not None
    shared: dict[float, tuple] = {}  # dpi -> (cached function, the renderer it measures with)

    def text_metrics_function(renderer):
        if type(renderer) is not RendererAgg:
            return per_renderer(renderer)
        if renderer.dpi not in shared:
            measuring = RendererAgg(1, 1, renderer.dpi)  # kept alive: the cache holds a weak reference
            shared[renderer.dpi] = (per_renderer(measuring), measuring)
        return shared[renderer.dpi][0]

    text_metrics_function._partnerlab_shared = True
    mtext._get_text_metrics_function = text_metrics_function
    return True
