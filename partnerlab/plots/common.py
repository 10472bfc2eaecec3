"""Shared look of every partnerlab figure: sector colours, style, short labels."""

from __future__ import annotations

import matplotlib as mpl

from partnerlab import vocab

__all__ = ["SECTOR_COLORS", "QUADRANT_COLORS", "sector_color", "sector_label", "apply_style", "shorten"]

# One colour per sector, the same in every report (colour-blind safe: Okabe-Ito + Tableau).
SECTOR_COLORS: dict[str, str] = {
    "federal_government": "#0072B2",
    "legislature": "#56B4E9",
    "local_government": "#009E73",
    "private_sector": "#E69F00",
    "financial_sector": "#D55E00",
    "academia": "#CC79A7",
    "civil_society": "#8C564B",
    "international_cooperation": "#F0E442",
    "un_system": "#1F77B4",
    "media": "#7F7F7F",
    "other": "#BCBD22",
}
SECTOR_COLORS["un_system"] = "#009EDB"  # the UN's own blue, so the UN system stands out

QUADRANT_COLORS = {"critical": "#C0392B", "awareness": "#E67E22", "capacity": "#2E86C1", "monitor": "#95A5A6"}


def sector_color(sector: str | None) -> str:
    """The colour of a sector key (grey for an unknown or blank sector)."""
    return SECTOR_COLORS.get(sector or "other", "#BBBBBB")


def sector_label(sector: str | None, lang: str = "en") -> str:
    return vocab.SECTORS.label(sector or "other", lang)


def shorten(text: object, limit: int = 28) -> str:
    """A label cut to limit characters with an ellipsis."""
    s = str(text)
    return s if len(s) <= limit else s[: limit - 1].rstrip() + "…"


def apply_style() -> None:
    """The house style: white background, light grid, readable sizes; fonts with Spanish accents."""
    mpl.rcParams.update({
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
    })
