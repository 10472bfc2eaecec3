"""Executed notebook -> one self-contained, offline, code-free HTML page, in-process.

nbconvert's default templates load require.js and MathJax from a CDN, and papermill's
`report_mode` hides nothing in nbconvert's HTML. This module exports with partnerlab's own
template (partnerlab/templates/partnerlab): the lab cell markup, a small inline stylesheet
(with the print rules: each printed page names its report), only the package's own scripts
(PAGE_SCRIPTS, e.g. the long-table widget), figures with their alt text in the page language,
and a Content-Security-Policy that allows those scripts by hash and forbids every request that
is not `data:`. Before rendering it drops what a reviewer must not see: every code input,
the analyst notes (cells tagged `analyst-note`), the parameters cells (the report's header
already shows its inputs), the kept-table payloads, and warnings printed to stderr. Figures
become palette PNGs (`light_png`), whether displayed or written into a page's own markup.

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
from functools import cache, lru_cache
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING

from partnerlab import __version__, i18n
from partnerlab.findings import KEEP_MIME
from partnerlab.i18n import N_

if TYPE_CHECKING:  # nbformat imports jsonschema (over a second): only where pages are made
    from nbformat import NotebookNode

__all__ = [
    "TEMPLATES",
    "REMOVED_TAGS",
    "export_html",
    "prepare_for_html",
    "render_index",
    "page_css",
    "outside_references",
]

TEMPLATES = Path(__file__).resolve().parent / "templates"
TEMPLATE_NAME = "partnerlab"
REMOVED_TAGS = frozenset({"analyst-note", "parameters", "injected-parameters", "papermill-error-cell-tag"})
INDEX_LABEL = N_("All reports of this batch")
# The alt text of a figure whose notebook gave none (rpt.show(fig, alt=...) gives one); nbconvert
# would write an English "No description has been provided for this image" on every page.
ALT_FALLBACK = N_("Figure of this report (no text description was given)")

# The only scripts a page may run: partnerlab's own static files (paths under partnerlab/), by
# name. A page gets a script when one of its outputs holds the attribute data-pl-script="NAME";
# the files are inlined once at the end of the body, and the Content-Security-Policy allows them
# by their sha256 alone, so workbook text can never run, even if a notebook forgot to escape it.
# Data for a script travels in <script type="application/json"> islands, which never run.
PAGE_SCRIPTS: dict[str, tuple[str, ...]] = {
    "tables": ("vendor/gridjs/gridjs.umd.js", "static/tables.js"),  # long tables: sort, search, pages, CSV
    # the network explorer (partnerlab/explorer.py): graphology and sigma.js (vendored, MIT), then ours
    "explorer": ("vendor/graphology/graphology.umd.min.js", "vendor/sigma/sigma.min.js", "static/explorer.js"),
}
_SCRIPT_MARK = re.compile(r'data-pl-script="([a-z0-9_-]+)"')
PAGE_CSP = (
    "default-src 'none'; img-src data: blob:; style-src 'unsafe-inline'; font-src data:; "
    "base-uri 'none'; form-action 'none'"
)

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
        lang: A language of i18n.LANGUAGES: the page's `lang` attribute and its words.
        index_href: Link back to the batch's index, or None for a stand-alone page.
        footer: One line at the bottom (e.g. the package version); defaults to the version.

    Returns:
        The HTML document as a string.
    """
    exporter = _exporter()
    lang = i18n.resolve_lang(lang)
    exporter.language_code = "en" if lang == i18n.PSEUDO else lang
    page = prepare_for_html(nb)
    scripts = page_scripts(page)
    resources = {
        "metadata": {"name": title},
        "partnerlab": {
            "title": title,
            "css": page_css(),
            "version": __version__,
            "index_href": index_href,
            "index_label": i18n.gettext(INDEX_LABEL, lang),
            "alt_fallback": i18n.gettext(ALT_FALLBACK, lang),
            "running_head": css_string(title),  # each printed page names its report (and entity)
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


@cache
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
    cells = move_run_details(cells)
    fill_contents(cells)
    for i, cell in enumerate(cells):
        cell["id"] = f"c{i}"
        for output in cell.get("outputs", []):
            data = output.get("data") or {}
            if "image/png" in data:
                data["image/png"] = light_png(data["image/png"])
            markup = _html_of(output)
            if "data:image/png;base64," in markup:
                # figures a page writes into its own markup (Report.figure_html: cards, folded views)
                data["text/html"] = _INLINE_PNG.sub(lambda m: m.group(1) + light_png(m.group(2)) + '"', markup)
    nb.cells = cells
    return nb


_INLINE_PNG = re.compile(r'(src="data:image/png;base64,)([A-Za-z0-9+/=]+)"')


_RUN_DETAILS = (
    'pl-report pl-run-details"'  # the class attribute of Report.run_details_html (its CSS names the class too)
)
_CONTENTS = re.compile(r'<nav class="pl-contents" data-pl-contents="([^"]*)"></nav>')
_H2 = re.compile(r'<h2 id="([^"]+)">(.*?)</h2>', re.DOTALL)
CONTENTS_MIN = 4  # a page with this many sections or more gets a contents list at the top


def _html_of(output: dict) -> str:
    markup = (output.get("data") or {}).get("text/html", "")
    return "".join(markup) if isinstance(markup, list) else markup


def move_run_details(cells: list) -> list:
    """The run details of a page (Report.header's inputs table) moved to its bottom: a reader
    starts with the findings, an auditor still finds the workbook, fingerprint and parameters."""
    moved = []
    for cell in cells:
        if cell.get("cell_type") != "code":
            continue
        keep = [o for o in cell.outputs if _RUN_DETAILS not in _html_of(o)]
        if len(keep) < len(cell.outputs):
            moved.extend(o for o in cell.outputs if _RUN_DETAILS in _html_of(o))
            cell.outputs = keep
    if not moved:
        return cells
    tail = copy.deepcopy(next(c for c in cells if c.get("cell_type") == "code"))
    tail.outputs = moved
    return [c for c in cells if c.get("cell_type") != "code" or c.outputs] + [tail]


def fill_contents(cells: list) -> None:
    """Fill the page's contents placeholder (Report.header) with links to its sections (the h2
    headings with an id), when the page has `CONTENTS_MIN` of them or more."""
    sections = [m.groups() for c in cells for o in c.get("outputs", []) for m in _H2.finditer(_html_of(o))]
    if len(sections) < CONTENTS_MIN:
        return
    items = "".join(f'<li><a href="#{anchor}">{text}</a></li>' for anchor, text in sections)
    for cell in cells:
        for output in cell.get("outputs", []):
            markup = _html_of(output)
            if _CONTENTS.search(markup):
                output["data"]["text/html"] = _CONTENTS.sub(
                    lambda m: (
                        f'<nav class="pl-contents" aria-label="{m.group(1)}"><span class="pl-contents-label">'
                        f"{m.group(1)}</span><ol>{items}</ol></nav>"
                    ),
                    markup,
                    count=1,
                )
                return


def light_png(b64: str) -> str:
    """A base64 PNG re-encoded as a palette PNG of at most 256 colours, when that is smaller.

    Charts have few colours: a palette keeps them exactly, and the anti-aliased edges lose
    nothing a reader sees; pages get about a third as heavy (measured on the sample's sector
    diagnosis: 1.07 MB of PNG -> 0.30 MB, about 0.05 s a figure; 2026-12-01, its survey cards'
    figures in the page's markup: 520 kB -> 154 kB a page, 0.15 s of CPU for 19 figures).
    Anything unreadable is returned unchanged.
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
    palette = (
        image.convert("P", palette=Image.Palette.ADAPTIVE, colors=256)
        if few
        else image.quantize(colors=256, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
    )
    out = io.BytesIO()
    palette.save(out, format="PNG", compress_level=9)
    return base64.b64encode(out.getvalue()).decode("ascii") if out.tell() < len(raw) else b64


@lru_cache(maxsize=1)
def page_css() -> str:
    """The stylesheet of report and index pages (inlined in each page)."""
    return (TEMPLATES / TEMPLATE_NAME / "static" / "partnerlab.css").read_text(encoding="utf-8")


def css_string(text: str) -> str:
    r"""text as a quoted CSS string, every character that could end it or its <style> escaped.

    >>> print(css_string('Mapa: "Á" </style>'))
    "Mapa: \22 Á\22  \3c \2f style\3e "
    """
    keep = set(" .,:;-_()'")
    return '"' + "".join(c if c.isalnum() or c in keep else f"\\{ord(c):x} " for c in text) + '"'


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
    """The batch's index page: the overview first, the reports grouped as a reader looks for them
    (report_catalogue.GROUPS), each with its question and its fanned-out copies; the run details (inputs,
    status, seconds, parameters, notebooks) in a disclosure at the bottom.

    Args:
        manifest: The batch manifest (see partnerlab.batch).
        lang: A language of i18n.LANGUAGES.

    Returns:
        A self-contained HTML document (same stylesheet and policy as the reports).
    """
    from partnerlab import i18n

    lang = i18n.resolve_lang(lang)  # "es_MX", "Español" -> "es"; the pseudo-locale passes through
    _ = i18n.translator(lang)
    esc = _escape
    wb = manifest.get("workbook") or {}
    heading = wb.get("portfolio") or wb.get("name") or "partnerlab"
    records = manifest.get("reports", [])
    sections = _index_sections(records, lang)
    return f"""<!DOCTYPE html>
<html lang="{esc(lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<meta name="generator" content="partnerlab {esc(manifest.get("partnerlab") or __version__)}">
<title>{esc(heading)}: {esc(_("Reports"))}</title>
<style>
{page_css()}
{_INDEX_CSS}
</style>
</head>
<body class="pl-index">
<main>
<h1>{esc(heading)}</h1>
<p class="pl-lead">{esc(_index_intro(wb, _))}</p>
{sections}
{_run_details(manifest, records, _)}
</main>
<footer class="pl-footer">partnerlab {esc(manifest.get("partnerlab") or __version__)}</footer>
</body>
</html>
"""


_INDEX_CSS = """
.pl-index .pl-lead { color: #444; margin: 0.2em 0 1em; }
.pl-start { border-left: 6px solid #1F4E79; background: #F5F8FB; padding: 0.6em 1em; margin: 0.6em 0 1.2em; }
.pl-start .pl-start-link { font-size: 1.35em; font-weight: 600; }
.pl-reports { list-style: none; padding: 0; margin: 0.3em 0 1em; }
.pl-reports > li { margin: 0 0 0.7em; }
.pl-reports .pl-report-title { font-weight: 600; font-size: 1.05em; }
.pl-question { color: #444; margin: 0.1em 0 0.1em; font-size: 0.95em; }
.pl-copies { font-size: 0.92em; margin: 0.1em 0; }
.pl-tag { font-size: 0.8em; border-radius: 3px; padding: 0 0.4em; margin-left: 0.4em; background: #ECEFF1; color: #37474F; }
.pl-tag-failed { background: #FDECEA; color: #B71C1C; }
.pl-run-details { margin-top: 2.5em; font-size: 0.9em; color: #444; }
.pl-run-details summary { cursor: pointer; font-weight: 600; }
"""


def _index_intro(wb: dict, _) -> str:
    as_of = wb.get("as_of")
    try:
        when = _.date(as_of) if as_of else ""
    except ValueError:  # an as-of date the loader kept as text
        when = str(as_of)
    if when:
        return _(
            "Every report of this batch, made from the workbook {workbook} with data as of {date}. "
            "Start with the overview.",
            workbook=wb.get("name") or "",
            date=when,
        )
    return _(
        "Every report of this batch, made from the workbook {workbook}. Start with the overview.",
        workbook=wb.get("name") or "",
    )


def _index_sections(records: list[dict], lang: str) -> str:
    """The reader's part of the index: the overview, then one section per group of reports."""
    from partnerlab import i18n
    from partnerlab.report_catalogue import GROUPS, REPORTS

    _ = i18n.translator(lang)
    esc = _escape
    by_report: dict[str, list[dict]] = {}
    for rec in records:
        by_report.setdefault(rec.get("report") or rec.get("name", ""), []).append(rec)
    out: list[str] = []
    catalogue = {r.key: r for r in REPORTS}
    for group, group_title in GROUPS.items():
        items = []
        for rep in (r for r in REPORTS if r.group == group and r.key in by_report):
            items.append(_index_entry(by_report[rep.key], _(rep.title), _(rep.question), lang, start=group == "start"))
        if not items:
            continue
        if group == "start":
            out.append(f'<section class="pl-start" aria-label="{esc(_(group_title))}">{"".join(items)}</section>')
        else:
            out.append(f'<h2>{esc(_(group_title))}</h2><ul class="pl-reports">{"".join(items)}</ul>')
    others = [key for key in by_report if key not in catalogue]
    if others:  # reports outside the catalogue (a custom batch)
        items = [_index_entry(by_report[key], "", "", lang) for key in others]
        out.append(f'<h2>{esc(_("Other reports"))}</h2><ul class="pl-reports">{"".join(items)}</ul>')
    return "\n".join(out)


def _index_entry(recs: list[dict], title: str, question: str, lang: str, start: bool = False) -> str:
    """One report of the index: its title (a link to the whole-portfolio page when there is one),
    its question, and its copies ("Academia · Civil society") as links."""
    from partnerlab import i18n
    from partnerlab.report_catalogue import record_title

    _ = i18n.translator(lang)
    esc = _escape
    whole = [r for r in recs if not r.get("parameters_own")] or ([recs[0]] if len(recs) == 1 else [])
    copies = [r for r in recs if r not in whole]
    head = whole[0] if whole else None
    name = title or (record_title(head, lang) if head else record_title(recs[0], lang).split(": ", 1)[0])
    parts = []
    if head is not None and _page_of(head):
        cls = "pl-start-link" if start else "pl-report-title"
        parts.append(f'<span class="{cls}"><a href="{esc(_page_of(head))}">{esc(record_title(head, lang))}</a></span>')
    else:
        parts.append(f'<span class="pl-report-title">{esc(name)}</span>')
    if head is not None:
        parts.append(_index_tag(head, _))
    if question:
        parts.append(f'<p class="pl-question">{esc(question)}</p>')
    if copies:
        links = []
        for rec in copies:
            text = record_title(rec, lang)
            text = text[len(name) + 2 :] if name and text.startswith(name + ": ") else text
            links.append(
                (f'<a href="{esc(_page_of(rec))}">{esc(text)}</a>' if _page_of(rec) else esc(text)) + _index_tag(rec, _)
            )
        parts.append(f'<p class="pl-copies">{" · ".join(links)}</p>')
    if head is not None and head.get("status") == "skipped" and _note(head, lang):
        parts.append(f'<p class="pl-question">{esc(_note(head, lang))}</p>')
    return f"<div>{''.join(parts)}</div>" if start else f"<li>{''.join(parts)}</li>"


def _page_of(rec: dict) -> str | None:
    page = f"{rec.get('name')}.html"
    return page if page in (rec.get("outputs") or []) else None


def _note(rec: dict, lang: str) -> str:
    from partnerlab.report_catalogue import record_note

    return record_note(rec, lang) or rec.get("error") or ""


def _index_tag(rec: dict, _) -> str:
    """A small tag for a report the reader cannot open (failed, skipped, not run); "" for the rest."""
    status = rec.get("status", "")
    if status in ("ok", "") or (status in ("pending", "running") and _page_of(rec)):
        return ""
    label = _(_STATUS_LABELS[status]) if status in _STATUS_LABELS else status
    return f' <span class="pl-tag pl-tag-{_escape(status)}">{_escape(label)}</span>'


def _run_details(manifest: dict, records: list[dict], _) -> str:
    """The run's inputs and every report's status, seconds, parameters and notebook, in a disclosure."""
    esc = _escape
    lang = _.lang
    wb = manifest.get("workbook") or {}
    run = manifest.get("run") or {}
    summary = manifest.get("summary") or {}
    reused = sum(bool(r.get("reused")) for r in records)
    counts = " · ".join(
        [
            _.n("{n} report ready", "{n} reports ready", summary.get("ok", 0)),
            _.n("{n} failed", "{n} failed", summary.get("failed", 0)),
            _.n("{n} skipped", "{n} skipped", summary.get("skipped", 0)),
        ]
    )
    if reused:
        counts += (
            " ("
            + _.n(
                "{n} reused from the previous run: its inputs did not change",
                "{n} reused from the previous run: their inputs did not change",
                reused,
            )
            + ")"
        )
    files = ['<a href="manifest.json">manifest.json</a>']
    if manifest.get("findings"):
        files.append(f'<a href="{esc(manifest["findings"])}">{esc(manifest["findings"])}</a> ({esc(_("key tables"))})')
    meta = [
        (_("Workbook"), esc(wb.get("name") or "")),
        ("sha256", f"<code>{esc(wb.get('sha256') or '')}</code>"),
        (_("Data as of"), esc(wb.get("as_of") or "—")),
        (_("Language"), esc(_language_name(lang))),
        (
            _("Run"),
            f"{esc(run.get('started') or '')} → {esc(run.get('ended') or '')} ({_fmt_seconds(run.get('seconds'))})",
        ),
        (_("Reports"), esc(counts)),
        (_("Files"), " · ".join(files)),
    ]
    rows = []
    copies = Counter(rec.get("report") for rec in records)
    previous = None
    for rec in records:
        if rec.get("report") != previous:  # one heading row per report, with its fan-out count
            n = copies[rec.get("report")]
            count = f' <span class="pl-count">({n})</span>' if n > 1 else ""
            rows.append(f'<tr class="pl-group"><th colspan="6">{esc(_group_title(rec, lang))}{count}</th></tr>')
        previous = rec.get("report")
        status = "reused" if rec.get("reused") else rec.get("status", "")
        nb_file = f"{rec['name']}.ipynb"
        links = f'<a href="{esc(nb_file)}">.ipynb</a>' if nb_file in (rec.get("outputs") or []) else ""
        params = ", ".join(f"{esc(k)}={esc(v)}" for k, v in (rec.get("parameters_own") or {}).items())
        label = _(_STATUS_LABELS[status]) if status in _STATUS_LABELS else status
        rows.append(
            f"<tr><td>{esc(_record_title(rec, lang))}</td><td>{params or '—'}</td>"
            f'<td><span class="pl-status pl-status-{esc(status)}">{esc(label)}</span></td>'
            f'<td class="num">{_fmt_seconds(rec.get("seconds")) if status not in ("skipped", "reused") else ""}</td>'
            f"<td>{links}</td><td>{esc(_note(rec, lang))}</td></tr>"
        )
    meta_rows = "".join(f"<tr><th>{esc(k)}</th><td>{v}</td></tr>" for k, v in meta)
    num = ' class="num"'
    head = "".join(f"<th{num if k == 'Time' else ''}>{esc(_(k))}</th>" for k in _RUN_COLUMNS)
    return (
        f'<details class="pl-run-details"><summary>{esc(_("Run details"))}: {esc(counts)}</summary>'
        f'<p class="pl-meta">{esc(_("The executed notebooks are kept for audit."))}</p>'
        f'<table class="pl-meta">{meta_rows}</table>'
        f"<table><thead><tr>{head}</tr></thead><tbody>{chr(10).join(rows)}</tbody></table></details>"
    )


def _language_name(lang: str) -> str:
    from partnerlab import i18n

    return i18n.LANGUAGE_NAMES.get(lang, lang)


def _record_title(rec: dict, lang: str) -> str:
    from partnerlab.report_catalogue import record_title

    return record_title(rec, lang)


def _group_title(rec: dict, lang: str) -> str:
    """The title of a report without its fan-out suffix ("Stakeholder map: Academia" -> "Stakeholder map")."""
    from partnerlab import i18n
    from partnerlab.report_catalogue import REPORT

    if rec.get("report") in REPORT:
        return i18n.gettext(REPORT[rec["report"]].title, lang)
    return _record_title(rec, lang).split(": ", 1)[0]


def _shown(output: dict) -> bool:
    if output.get("output_type") == "stream" and output.get("name") == "stderr":
        return False
    data = output.get("data") or {}
    return KEEP_MIME not in data


def _exporter():
    exporter = getattr(_local, "exporter", None)
    if exporter is None:
        exporter = _local.exporter = _exporter_class()(
            template_name=TEMPLATE_NAME,
            extra_template_basedirs=[str(TEMPLATES)],
            exclude_input=True,
            exclude_input_prompt=True,
            exclude_output_prompt=True,
            embed_images=True,
        )
    return exporter


_OUTPUT_DIV = re.compile(r'<div class="([^"]*\bjp-OutputArea-output\b[^"]*)"(?![^>]*\btabindex=)')


@cache
def _exporter_class():
    """nbconvert's HTMLExporter without its last step: it parses the whole page with
    BeautifulSoup to add a fallback alt text and tabindex="0" to every output, then writes the
    page out again (about half of an export's CPU on the sample, more on a page of long tables).
    partnerlab's template gives every figure an alt text (data_png, Report.figure_html), so only
    the tabindex is added here, on the template's own output markup."""
    from nbconvert import HTMLExporter  # slow import: only where pages are made
    from nbconvert.exporters.html import Highlight2HTML, WidgetsDataTypeFilter
    from nbconvert.exporters.templateexporter import TemplateExporter

    class Exporter(HTMLExporter):
        def from_notebook_node(self, nb, resources=None, **kw):
            langinfo = nb.metadata.get("language_info", {})
            lexer = langinfo.get("pygments_lexer", langinfo.get("name", None))
            self.register_filter(
                "highlight_code", self.filters.get("highlight_code", Highlight2HTML(pygments_lexer=lexer, parent=self))
            )
            resources = self._init_resources(resources)
            self.register_filter(
                "filter_data_type",
                WidgetsDataTypeFilter(notebook_metadata=self._nb_metadata, parent=self, resources=resources),
            )
            html, resources = TemplateExporter.from_notebook_node(self, nb, resources, **kw)
            return _OUTPUT_DIV.sub(r'<div class="\1" tabindex="0"', html), resources

    return Exporter


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


_RUN_COLUMNS = (N_("Report"), N_("Parameters"), N_("Status"), N_("Time"), N_("Notebook"), N_("Note"))
# The status of a report in the index (English msgids).
_STATUS_LABELS = {
    "ok": N_("ok"),
    "failed": N_("failed"),
    "skipped": N_("skipped"),
    "pending": N_("not run"),
    "running": N_("not finished"),
    "reused": N_("reused"),
}
