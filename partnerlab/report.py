"""What a report notebook displays: header, headings, text, tables and figures, in English or Spanish.

Every piece of workbook text goes through html.escape before it reaches the page, so a
stakeholder named "<script>" is shown, never run. The contact column is never displayed.
"""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

import pandas as pd

from partnerlab import paths, vocab
from partnerlab.workbook import Workbook, load_workbook, reset_reads

__all__ = ["Report", "COLUMN_LABELS", "KEEP_MIME", "format_table"]

KEEP_MIME = "application/vnd.partnerlab.table+json"
NBH = "\u2011"  # non-breaking hyphen: a date in a table never breaks across lines
MAX_ROWS = 60  # a table longer than this shows its first rows and says how many there are
HIDDEN_COLUMNS = {"contact", "row"}  # personal data, and the Excel row (for messages only)

# Headers shared by many tables; a report passes labels= for its own columns.
COLUMN_LABELS: dict[str, tuple[str, str]] = {
    "id": ("Id", "Id"), "name": ("Name", "Nombre"), "sector": ("Sector", "Sector"),
    "scope": ("Scope", "Ámbito"), "states": ("States", "Estados"), "state": ("State", "Estado"),
    "mandate": ("Mandate", "Mandato"), "priorities": ("Priorities", "Prioridades"),
    "instruments": ("Instruments", "Instrumentos"), "resources": ("Resources", "Recursos"),
    "related_initiatives": ("Related initiatives", "Iniciativas relacionadas"),
    "partners": ("Partners", "Alianzas con"), "influence": ("Influence", "Influencia"),
    "interest": ("Interest", "Interés"), "roles": ("Roles", "Roles"), "quadrant": ("Grid position", "Posición en la matriz"),
    "stakeholders": ("Stakeholders", "Actores"), "count": ("Count", "Número"), "share_pct": ("Share (%)", "Proporción (%)"),
    "partnership": ("Partnership", "Alianza"), "status": ("Status", "Estatus"), "type": ("Type", "Tipo"),
    "lead": ("Lead", "Líder"), "members": ("Members", "Miembros"), "year": ("Year", "Año"),
}

_CSS = """
<style>
.pl-report { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; line-height: 1.45; }
.pl-report h1 { font-size: 1.9em; margin: 0.2em 0 0.3em; color: #1F4E79; }
.pl-report h2 { font-size: 1.35em; margin: 1.4em 0 0.4em; color: #1F4E79; border-bottom: 2px solid #D6E4F0; padding-bottom: 0.15em; }
.pl-banner { background: #FFF4CE; border-left: 5px solid #E0A800; padding: 0.5em 0.8em; margin: 0.6em 0; }
.pl-inputs { font-size: 0.85em; color: #444; border-collapse: collapse; margin: 0.4em 0; }
.pl-inputs th { text-align: left; padding: 0.1em 1em 0.1em 0; font-weight: 600; vertical-align: top; }
.pl-inputs td { padding: 0.1em 0; word-break: break-all; }
.pl-banner-note { font-size: 0.9em; color: #555; }
.pl-left-out { color: #666; font-style: italic; margin: 0.3em 0; }
.pl-table { border-collapse: collapse; font-size: 0.88em; margin: 0.5em 0 1em; }
.pl-table th { background: #1F4E79; color: white; text-align: left; padding: 0.3em 0.6em; }
.pl-table td { border-bottom: 1px solid #DDD; padding: 0.25em 0.6em; vertical-align: top; max-width: 38em; }
.pl-table tr:nth-child(even) td { background: #F5F8FB; }
.pl-more { font-size: 0.85em; color: #666; }
</style>
"""


class Report:
    """The display helper of one report notebook.

    >>> rpt = Report(Workbook(Path("x.xlsx"), "0" * 64, {"language": "es"}, {}), lang="")
    >>> rpt.lang, rpt.tr("Stakeholders", "Actores")
    ('es', 'Actores')
    """

    def __init__(self, wb: Workbook, lang: str = "", title: tuple[str, str] = ("", ""),
                 params: dict | None = None, sheets: list[str] | None = None):
        self.wb = wb
        self.lang = _resolve_lang(lang, wb.about.get("language"))
        self.title = title
        self.params = params or {}
        self.sheets = sheets or []

    @classmethod
    def open(cls, workbook: str = "", lang: str = "", processed: str = "", title: tuple[str, str] = ("", ""),
             params: dict | None = None, sheets: list[str] | None = None) -> Report:
        """Load the workbook (or the batch's pre-parsed copy) and set up figures for the page."""
        path = Path(workbook) if workbook else paths.SAMPLE_WORKBOOK
        reset_reads()  # from here on, the sheets this report reads are noted (incremental runs)
        wb = Workbook.load(processed) if processed else load_workbook(path)
        _setup_figures()
        return cls(wb, lang=lang, title=title, params=params, sheets=sheets)

    # -- text ---------------------------------------------------------------------------------
    def tr(self, en: str, es: str) -> str:
        """The text in the report's language."""
        return es if self.lang == "es" else en

    def label(self, vocabulary: str | vocab.Vocabulary, key: object) -> str:
        """The label of a vocabulary key in the report's language ("" for a blank key)."""
        if key is None or (isinstance(key, float) and key != key) or key is pd.NA:
            return ""
        voc = vocabulary if isinstance(vocabulary, vocab.Vocabulary) else vocab.VOCABULARIES[vocabulary]
        return voc.label(str(key), self.lang)

    def header(self) -> None:
        """Title, the illustrative-data banner, and the inputs of the report."""
        about = self.wb.about
        rows = [
            (self.tr("Workbook", "Libro"), self.wb.name),
            (self.tr("Data fingerprint (sha256 of the sheets used)", "Huella de los datos (sha256 de las hojas usadas)"),
             self.wb.digest(self.sheets)[:16]),
            (self.tr("Portfolio", "Portafolio"), about.get("portfolio") or ""),
            (self.tr("As of", "Fecha de corte"), about["as_of"].isoformat() if about.get("as_of") else
             self.tr("not given (about.as_of)", "no indicada (acerca.as_of)")),
            (self.tr("Sheets used", "Hojas usadas"),
             ", ".join(s for s in self.sheets if self.wb.has(s)) or self.tr("none", "ninguna")),
            (self.tr("Parameters", "Parámetros"),
             "; ".join(f"{k} = {v if v not in ('', None) else '—'}" for k, v in self.params.items()) or "—"),
            (self.tr("Language", "Idioma"), self.lang),
        ]
        missing = [s for s in self.sheets if not self.wb.has(s)]
        if missing:
            rows.append((self.tr("Sheets absent or empty", "Hojas ausentes o vacías"), ", ".join(missing)))
        body = "".join(f"<tr><th>{_e(k)}</th><td>{_e(v)}</td></tr>" for k, v in rows)
        now = dt.datetime.now().replace(microsecond=0).isoformat(sep=" ")
        parts = [_CSS, '<div class="pl-report">', f"<h1>{_e(self.tr(*self.title))}</h1>"]
        if about.get("is_illustrative") or about.get("illustrative"):
            text = about.get("illustrative") or ""
            lead = self.tr("Illustrative data: the figures in this report are not real findings.",
                           "Datos ilustrativos: las cifras de este informe no son hallazgos reales.")
            note = f' <span class="pl-banner-note">{_e(self.tr("Workbook note", "Nota del libro"))}: {_e(text)}</span>' if text else ""
            parts.append(f'<div class="pl-banner"><b>{_e(lead)}</b>{note}</div>')
        parts.append(f'<table class="pl-inputs">{body}<tr><th>{_e(self.tr("Run", "Ejecución"))}</th>'
                     f'<td><span class="pl-run-time">{now}</span></td></tr></table>')
        warnings = self.wb.warnings_of(self.sheets)
        if warnings:
            items = "".join(f"<li>{_e(str(w))}</li>" for w in warnings[:200])
            parts.append(f"<details><summary>{_e(self.tr('Warnings', 'Advertencias'))}: {len(warnings)}"
                         f"</summary><ul>{items}</ul></details>")
        parts.append("</div>")
        _html("".join(parts))

    def h2(self, en: str, es: str) -> None:
        _html(f'<div class="pl-report"><h2>{_e(self.tr(en, es))}</h2></div>')

    def p(self, en: str, es: str, **values: object) -> None:
        """A paragraph; the template is trusted (may use <b>, <i>), the values are escaped."""
        _html(f'<div class="pl-report"><p>{self.format(en, es, **values)}</p></div>')

    def left_out(self, en: str, es: str, **values: object) -> None:
        """The one line that says why a section is left out."""
        _html(f'<div class="pl-report"><p class="pl-left-out">{self.format(en, es, **values)}</p></div>')

    def format(self, en: str, es: str, **values: object) -> str:
        return self.tr(en, es).format(**{k: _e(_fmt(v)) for k, v in values.items()})

    # -- tables and figures -------------------------------------------------------------------
    def table(self, df: pd.DataFrame, labels: dict | None = None, vocab: dict | None = None,
              max_rows: int = MAX_ROWS, index: bool = False) -> None:
        """Display a table with translated headers and vocabulary labels, escaped."""
        shown = format_table(df, self.lang, labels=labels, vocabularies=vocab, index=index)
        more = ""
        if len(shown) > max_rows:
            more = (f'<p class="pl-more">{_e(self.tr("First", "Primeras"))} {max_rows} '
                    f'{_e(self.tr("of", "de"))} {len(shown)} {_e(self.tr("rows.", "filas."))}</p>')
            shown = shown.head(max_rows)
        table = shown.to_html(index=False, escape=True, classes="pl-table", border=0, na_rep="")
        _html(f'<div class="pl-report">{table}{more}</div>')

    def show(self, chart) -> None:
        """Display a figure (or the figure of an Axes) and close it."""
        import matplotlib.pyplot as plt
        from IPython.display import display

        fig = getattr(chart, "figure", chart)
        if hasattr(fig, "get_figure") and fig.get_figure() is not None:
            fig = fig.get_figure()
        display(fig)
        plt.close(fig)

    def keep(self, name: str, df: pd.DataFrame) -> None:
        """Register a key table for the batch's findings workbook (invisible on the page)."""
        from IPython.display import publish_display_data

        safe = df.drop(columns=[c for c in df.columns if c in HIDDEN_COLUMNS], errors="ignore")
        publish_display_data({KEEP_MIME: safe.to_json(orient="split", date_format="iso", default_handler=str),
                              "text/plain": ""}, metadata={"partnerlab": {"keep": name}})


def format_table(df: pd.DataFrame, lang: str = "en", labels: dict | None = None,
                 vocabularies: dict | None = None, index: bool = False) -> pd.DataFrame:
    """A copy of df ready to display: vocabulary keys as labels, lists joined, headers translated.

    >>> format_table(pd.DataFrame({"sector": ["academia"], "states": [["oaxaca", "jalisco"]]}), "es",
    ...              vocabularies={"sector": "sector", "states": "state"}).to_dict("records")
    [{'Sector': 'Academia', 'Estados': 'Oaxaca; Jalisco'}]
    """
    named = df.index.name is not None or isinstance(df.index, pd.MultiIndex)
    out = df.reset_index() if index or named else df.reset_index(drop=True)
    out = out.drop(columns=[c for c in out.columns if c in HIDDEN_COLUMNS], errors="ignore")
    for col, voc in (vocabularies or {}).items():
        if col not in out.columns:
            continue
        v = voc if isinstance(voc, vocab.Vocabulary) else vocab.VOCABULARIES[voc]
        out[col] = out[col].map(lambda x, v=v: [v.label(str(i), lang) for i in x] if isinstance(x, (list, tuple))
                                else ("" if _blank(x) else v.label(str(x), lang)))
    for col in out.columns:
        out[col] = out[col].map(_cell_text)
    names = {**COLUMN_LABELS, **(labels or {})}
    out.columns = [_header(c, names, lang) for c in out.columns]
    return out


# ---------------------------------------------------------------------------------------

def _resolve_lang(lang: str, about_lang: object) -> str:
    for candidate in (lang, about_lang):
        if candidate and str(candidate).strip().lower() in ("en", "es"):
            return str(candidate).strip().lower()
    return "en"


def _setup_figures() -> None:
    """Inline PNG figures in the house style, whatever MPLBACKEND says (Agg would drop them)."""
    from partnerlab.plots.common import apply_style

    try:
        from IPython import get_ipython

        ip = get_ipython()
        if ip is not None:
            ip.run_line_magic("matplotlib", "inline")
            ip.run_line_magic("config", "InlineBackend.figure_formats = ['png']")
            ip.run_line_magic("config", "InlineBackend.print_figure_kwargs = {'bbox_inches': 'tight', 'metadata': {'Software': None}}")
    except Exception:  # outside IPython: nothing to set up
        pass
    apply_style()


def _html(markup: str) -> None:
    from IPython.display import HTML, display

    display(HTML(markup))


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _blank(x: object) -> bool:
    if x is None or x is pd.NA or x is pd.NaT:
        return True
    return isinstance(x, float) and x != x


def _fmt(v: object) -> str:
    if _blank(v) or (isinstance(v, float) and v in (float("inf"), float("-inf"))):
        return "—"
    if isinstance(v, float):
        return f"{v:,.0f}" if v == int(v) and abs(v) >= 1000 else _number(v)
    if isinstance(v, (pd.Timestamp, dt.datetime)):
        return v.date().isoformat()
    if isinstance(v, (list, tuple)):
        return "; ".join(str(i) for i in v)
    return str(v)


def _cell_text(x: object) -> object:
    if isinstance(x, (list, tuple, set)):
        return "; ".join(_fmt(i) for i in x)
    if _blank(x):
        return ""
    if isinstance(x, bool):
        return x
    if isinstance(x, float) or (hasattr(x, "dtype") and getattr(x.dtype, "kind", "") == "f"):
        return _number(float(x))
    if isinstance(x, (pd.Timestamp, dt.datetime)):
        return x.date().isoformat().replace("-", NBH)
    if isinstance(x, dt.date):
        return x.isoformat().replace("-", NBH)
    return x


def _number(x: float) -> str:
    """A number as a reader wants it: whole numbers without decimals, others with at most two.

    >>> _number(138.0), _number(9.6), _number(1.23456), _number(12345.0)
    ('138', '9.6', '1.23', '12345')
    """
    if x != x:
        return ""
    if x == int(x):
        return str(int(x))
    return f"{x:.2f}".rstrip("0").rstrip(".")


def _header(col: object, names: dict, lang: str) -> str:
    pair = names.get(col)
    if pair:
        return pair[1] if lang == "es" else pair[0]
    return str(col).replace("_", " ").capitalize() if isinstance(col, str) else str(col)
