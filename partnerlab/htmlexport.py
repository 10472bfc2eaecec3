"""Executed notebook -> one self-contained, offline, code-free HTML page, in-process.

nbconvert's default templates load require.js and MathJax from a CDN, and papermill's
`report_mode` hides nothing in nbconvert's HTML. This module exports with partnerlab's own
template (partnerlab/templates/partnerlab): the lab cell markup, a small inline stylesheet,
no script at all, and a Content-Security-Policy that forbids scripts and every request that
is not `data:`. Before rendering it drops what a reviewer must not see: every code input,
the analyst notes (cells tagged `analyst-note`), the parameters cells (the report's header
already shows its inputs), the kept-table payloads, and warnings printed to stderr.

>>> import nbformat
>>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("print('hi')")])
>>> nb.cells[0].outputs = [nbformat.v4.new_output("stream", name="stdout", text="hi")]
>>> html = export_html(nb, title="Demo")
>>> "print(" in html, "<pre>hi" in html, "<script" in html
(False, True, False)
"""

from __future__ import annotations

import copy
import io
import re
import threading
from collections import Counter
from html.parser import HTMLParser
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from partnerlab import __version__
from partnerlab.findings import KEEP_MIME

if TYPE_CHECKING:  # nbformat imports jsonschema (over a second): only where pages are made
    from nbformat import NotebookNode

__all__ = [
    "TEMPLATES", "REMOVED_TAGS", "export_html", "prepare_for_html", "render_index", "page_css",
    "outside_references",
]

TEMPLATES = Path(__file__).resolve().parent / "templates"
TEMPLATE_NAME = "partnerlab"
REMOVED_TAGS = frozenset({"analyst-note", "parameters", "injected-parameters", "papermill-error-cell-tag"})
INDEX_LABEL = {"en": "All reports of this batch", "es": "Todos los informes de este lote"}

# The only scripts a page may run: partnerlab's own static files (paths under partnerlab/), by
# name. A page gets a script when one of its outputs holds the attribute data-pl-script="NAME";
# the files are inlined once at the end of the body, and the Content-Security-Policy allows them
# by their sha256 alone, so workbook text can never run, even if a notebook forgot to escape it.
# Data for a script travels in <script type="application/json"> islands, which never run.
PAGE_SCRIPTS: dict[str, tuple[str, ...]] = {}
_SCRIPT_MARK = re.compile(r'data-pl-script="([a-z0-9_-]+)"')
PAGE_CSP = ("default-src 'none'; img-src data: blob:; style-src 'unsafe-inline'; font-src data:; "
            "base-uri 'none'; form-action 'none'")

_local = threading.local()  # one exporter per thread: the jinja environment is not thread safe


def export_html(
    nb: NotebookNode,
    *,
    title: str,
    lang: str = "en",
    index_href: str | None = None,
    footer: str = "",
) -> str:
    """Render an executed notebook as the reviewer's HTML page.

    Args:
        nb: The executed notebook (left unchanged).
        title: The page title (the browser tab).
        lang: "en" or "es": the page's `lang` attribute and the navigation label.
        index_href: Link back to the batch's index, or None for a stand-alone page.
        footer: One line at the bottom (e.g. the package version); defaults to the version.

    Returns:
        The HTML document as a string.
    """
    exporter = _exporter()
    exporter.language_code = lang if lang in INDEX_LABEL else "en"
    page = prepare_for_html(nb)
    scripts = page_scripts(page)
    resources = {
        "metadata": {"name": title},
        "partnerlab": {
            "title": title,
            "css": page_css(),
            "version": __version__,
            "index_href": index_href,
            "index_label": INDEX_LABEL.get(lang, INDEX_LABEL["en"]),
            "footer": footer or f"partnerlab {__version__}",
            "scripts": scripts,
            "csp": PAGE_CSP + (f"; script-src {' '.join(_script_hash(s) for s in scripts)}" if scripts else ""),
        },
    }
    html, _ = exporter.from_notebook_node(page, resources=resources)
    return html


def page_scripts(nb: NotebookNode) -> list[str]:
    """The texts of the registered scripts (PAGE_SCRIPTS) the outputs of nb ask for, in order, once each."""
    names: list[str] = []
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            markup = (output.get("data") or {}).get("text/html", "")
            markup = "".join(markup) if isinstance(markup, list) else markup
            names.extend(n for n in _SCRIPT_MARK.findall(markup) if n in PAGE_SCRIPTS and n not in names)
    return [_script_text(rel) for name in names for rel in PAGE_SCRIPTS[name]]


@lru_cache(maxsize=None)
def _script_text(rel: str) -> str:
    text = (Path(__file__).resolve().parent / rel).read_text(encoding="utf-8")
    return text.replace("</script", "<\\/script")  # a vendored file can not close its own tag


def _script_hash(text: str) -> str:
    import base64
    import hashlib

    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def prepare_for_html(nb: NotebookNode) -> NotebookNode:
    """A copy of the notebook holding only what the reviewer reads.

    Drops cells tagged with one of `REMOVED_TAGS`, kept-table outputs, stderr streams and
    code cells left without output; numbers cells `c0, c1, ...` so the page's anchors do not
    depend on random cell ids.
    """
    nb = copy.deepcopy(nb)
    cells = []
    for cell in nb.cells:
        if REMOVED_TAGS & set(cell.get("metadata", {}).get("tags", [])):
            continue
        if cell.cell_type == "code":
            cell.outputs = [o for o in cell.outputs if _shown(o)]
            if not cell.outputs:
                continue
        cells.append(cell)
    for i, cell in enumerate(cells):
        cell["id"] = f"c{i}"
        for output in cell.get("outputs", []):
            data = output.get("data") or {}
            if "image/png" in data:
                data["image/png"] = light_png(data["image/png"])
    nb.cells = cells
    return nb


def light_png(b64: str) -> str:
    """A base64 PNG re-encoded as a palette PNG of at most 256 colours, when that is smaller.

    Charts have few colours: a palette keeps them exactly, and the anti-aliased edges lose
    nothing a reader sees; pages get about a third as heavy (measured on the sample's sector
    diagnosis: 1.07 MB of PNG -> 0.30 MB, about 0.05 s a figure). Anything unreadable is returned unchanged.
    """
    import base64

    from PIL import Image

    try:
        raw = base64.b64decode(b64)
        image = Image.open(io.BytesIO(raw))
        image.load()
    except Exception:  # not a PNG we can read: keep it as it is
        return b64
    if image.mode == "RGBA" and image.getchannel("A").getextrema() == (255, 255):
        image = image.convert("RGB")
    if image.mode not in ("RGB", "L"):
        return b64
    few = image.getcolors(256) is not None
    palette = (image.convert("P", palette=Image.Palette.ADAPTIVE, colors=256) if few else
               image.quantize(colors=256, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE))
    out = io.BytesIO()
    palette.save(out, format="PNG", compress_level=9)
    return base64.b64encode(out.getvalue()).decode("ascii") if out.tell() < len(raw) else b64


@lru_cache(maxsize=1)
def page_css() -> str:
    """The stylesheet of report and index pages (inlined in each page)."""
    return (TEMPLATES / TEMPLATE_NAME / "static" / "partnerlab.css").read_text(encoding="utf-8")


def outside_references(html: str) -> list[str]:
    """Every resource reference in a page that would make the browser fetch something.

    Parses the page (so workbook text shown as `&lt;img src=x&gt;` is text, not a tag) and
    collects src/srcset/poster/data attributes, <link href>, and url()/@import in <style>
    and style attributes. data: URIs and in-page anchors are fine; so are plain <a href>
    links (a click, not a load). Relative files count: a self-contained page has none.

    >>> outside_references('<img src="data:image/png;base64,AA"><a href="https://un.org">UN</a>')
    []
    >>> outside_references('<script src="https://cdn.x/require.js"></script><style>@import "f.css";</style>')
    ['https://cdn.x/require.js', 'f.css']
    >>> outside_references('<p>&lt;img src=x onerror=alert(1)&gt;</p>')
    []
    """
    parser = _ReferenceParser()
    parser.feed(html)
    parser.close()
    return [u for u in parser.found if not u.startswith(("data:", "#"))]


def render_index(manifest: dict, lang: str = "en") -> str:
    """The batch's index page: what ran on which inputs, each report's status, time and links.

    Args:
        manifest: The batch manifest (see partnerlab.batch).
        lang: "en" or "es".

    Returns:
        A self-contained HTML document (same stylesheet and policy as the reports).
    """
    t = _INDEX_TEXT["es" if lang == "es" else "en"]
    esc = _escape
    wb = manifest.get("workbook") or {}
    run = manifest.get("run") or {}
    summary = manifest.get("summary") or {}
    heading = wb.get("portfolio") or wb.get("name") or "partnerlab"
    meta = [
        (t["workbook"], esc(wb.get("name") or "")),
        ("sha256", f"<code>{esc(wb.get('sha256') or '')}</code>"),
        (t["as_of"], esc(wb.get("as_of") or "—")),
        (t["language"], esc(t["lang_name"])),
        (t["run"], f"{esc(run.get('started') or '')} → {esc(run.get('ended') or '')}"
                   f" ({_fmt_seconds(run.get('seconds'))})"),
        (t["summary"], " · ".join(f"{summary.get(s, 0)} {t[s]}" for s in ("ok", "failed", "skipped"))
         + (f" ({reused} {t['reused_note']})" if (reused := sum(bool(r.get("reused")) for r in manifest.get("reports", [])))
            else "")),
        (t["files"], " · ".join(
            ['<a href="manifest.json">manifest.json</a>']
            + ([f'<a href="{esc(manifest["findings"])}">{esc(manifest["findings"])}</a> ({t["findings"]})']
               if manifest.get("findings") else [])
        )),
    ]
    rows = []
    records = manifest.get("reports", [])
    copies = Counter(rec.get("report") for rec in records)
    previous = None
    for rec in records:
        if rec.get("report") != previous:  # one heading row per report, with its fan-out count
            n = copies[rec.get("report")]
            count = f' <span class="pl-count">({n})</span>' if n > 1 else ""
            rows.append(f'<tr class="pl-group"><th colspan="6">{esc(_group_title(rec, lang))}{count}</th></tr>')
        previous = rec.get("report")
        status = "reused" if rec.get("reused") else rec.get("status", "")
        title = esc(rec.get("title_es" if lang == "es" else "title_en") or rec.get("title") or rec["name"])
        html_file = f"{rec['name']}.html"
        nb_file = f"{rec['name']}.ipynb"
        outputs = rec.get("outputs") or []
        title_cell = f'<a href="{esc(html_file)}">{title}</a>' if html_file in outputs else title
        links = f'<a href="{esc(nb_file)}">.ipynb</a>' if nb_file in outputs else ""
        params = ", ".join(f"{esc(k)}={esc(v)}" for k, v in (rec.get("parameters_own") or {}).items())
        note = rec.get("note_es" if lang == "es" else "note_en") or rec.get("note") or rec.get("error") or ""
        rows.append(
            f'<tr><td>{title_cell}</td><td>{params or "—"}</td>'
            f'<td><span class="pl-status pl-status-{esc(status)}">{esc(t.get(status, status))}</span></td>'
            f'<td class="num">{_fmt_seconds(rec.get("seconds")) if status not in ("skipped", "reused") else ""}</td>'
            f"<td>{links}</td><td>{esc(note)}</td></tr>"
        )
    meta_rows = "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in meta)
    return f"""<!DOCTYPE html>
<html lang="{'es' if lang == 'es' else 'en'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<meta name="generator" content="partnerlab {esc(manifest.get('partnerlab') or __version__)}">
<title>{esc(heading)}: {t['reports']}</title>
<style>
{page_css()}
</style>
</head>
<body class="pl-index">
<main>
<h1>{esc(heading)}</h1>
<p class="pl-meta">{t['intro']}</p>
<table class="pl-meta">{meta_rows}</table>
<h2>{t['reports']}</h2>
<table>
<thead><tr><th>{t['report']}</th><th>{t['parameters']}</th><th>{t['status']}</th><th class="num">{t['seconds']}</th><th>{t['notebook']}</th><th>{t['note']}</th></tr></thead>
<tbody>
{chr(10).join(rows)}
</tbody>
</table>
</main>
<footer class="pl-footer">partnerlab {esc(manifest.get('partnerlab') or __version__)}</footer>
</body>
</html>
"""


def _group_title(rec: dict, lang: str) -> str:
    """The title of a report without its fan-out suffix ("Stakeholder map: Academia" -> "Stakeholder map")."""
    from partnerlab.reports import REPORTS

    titles = {r.key: r.title for r in REPORTS}
    if rec.get("report") in titles:
        return titles[rec["report"]][1 if lang == "es" else 0]
    title = rec.get("title_es" if lang == "es" else "title_en") or rec.get("report") or ""
    return title.split(": ", 1)[0]


def _shown(output: dict) -> bool:
    if output.get("output_type") == "stream" and output.get("name") == "stderr":
        return False
    data = output.get("data") or {}
    return KEEP_MIME not in data


def _exporter():
    exporter = getattr(_local, "exporter", None)
    if exporter is None:
        from nbconvert import HTMLExporter  # slow import: only where pages are made

        exporter = HTMLExporter(
            template_name=TEMPLATE_NAME,
            extra_template_basedirs=[str(TEMPLATES)],
            exclude_input=True,
            exclude_input_prompt=True,
            exclude_output_prompt=True,
            embed_images=True,
        )
        _local.exporter = exporter
    return exporter


class _ReferenceParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value is None:
                continue
            if name in ("src", "poster", "data") or (name == "href" and tag == "link"):
                self.found.append(value.strip())
            elif name == "srcset":
                # candidates are separated by a comma and a space; data: URIs hold bare commas
                self.found.extend(part.split()[0] for part in re.split(r",\s+", value) if part.strip())
            elif name == "style":
                self._css(value)
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self._css(data)

    def _css(self, text):
        text = re.sub(r"/\*.*?\*/", "", text, flags=re.DOTALL)  # URLs in comments load nothing
        self.found.extend(m.group(1).strip("'\" ") for m in _CSS_URL.finditer(text))


_CSS_URL = re.compile(r"""(?:url\(\s*|@import\s+)(["']?[^)"';\s]+["']?)""", re.IGNORECASE)


def _escape(value: object) -> str:
    import html

    return html.escape("" if value is None else str(value), quote=True)


def _fmt_seconds(value: object) -> str:
    return f"{value:.1f} s" if isinstance(value, int | float) else ""


_INDEX_TEXT = {
    "en": {
        "workbook": "Workbook", "as_of": "Data as of", "language": "Language", "lang_name": "English",
        "run": "Run", "summary": "Reports", "files": "Files", "findings": "key tables",
        "reports": "Reports", "report": "Report", "parameters": "Parameters", "status": "Status",
        "seconds": "Time", "notebook": "Notebook", "note": "Note",
        "ok": "ok", "failed": "failed", "skipped": "skipped", "pending": "not run", "running": "not finished",
        "reused": "reused", "reused_note": "reused from the previous run: their inputs did not change",
        "intro": "Every report of this batch, generated from one workbook. Open a report to read it; "
                 "the executed notebooks are kept for audit.",
    },
    "es": {
        "workbook": "Libro de trabajo", "as_of": "Datos al", "language": "Idioma", "lang_name": "Español",
        "run": "Ejecución", "summary": "Informes", "files": "Archivos", "findings": "tablas clave",
        "reports": "Informes", "report": "Informe", "parameters": "Parámetros", "status": "Estado",
        "seconds": "Tiempo", "notebook": "Cuaderno", "note": "Nota",
        "ok": "correcto", "failed": "falló", "skipped": "omitido", "pending": "no ejecutado",
        "running": "sin terminar", "reused": "reutilizado",
        "reused_note": "reutilizados de la ejecución anterior: sus datos no cambiaron",
        "intro": "Todos los informes de este lote, generados a partir de un solo libro de trabajo. "
                 "Abra un informe para leerlo; los cuadernos ejecutados se conservan para auditoría.",
    },
}
