"""Streaming GEXF 1.3 and GraphML writers: the file is written element by element, never held whole.

networkx's ``write_gexf`` and ``write_graphml`` build each file's whole XML tree first (at
100,000 stakeholders and 465,000 tied pairs that took the batch from 1.8 to 4.1 GB). These
writers take the nodes and edges as iterables and write each one as it comes, through a
buffered UTF-8 file, so the memory they add is one element's text.

The attributes are declared first, with their types (GEXF ``<attributes>``, GraphML ``<key>``):
``"string"``, ``"long"``, ``"double"`` or ``"boolean"``. A value that is None (or NaN) is left
out of its node or edge. Text is data: ``& < >`` and quotes are escaped (``xml.sax.saxutils``),
tabs and line breaks in attribute values are written as character references so that parsers
do not turn them into spaces, a carriage return is kept the same way in element text, and the
characters XML 1.0 cannot hold at all (the C0 controls other than tab, LF and CR, lone
surrogates, U+FFFE and U+FFFF) are dropped, as the XLSX writers of partnerlab drop them.

networkx reads both files back (``read_gexf``, ``read_graphml``) to the graph networkx's own
writers give (tests/test_export.py); Gephi opens the GEXF (namespace ``http://gexf.net/1.3``).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from xml.sax.saxutils import escape

__all__ = ["write_gexf", "write_graphml", "write_xlsx", "xml_text", "xml_attr", "TYPES"]

TYPES = ("string", "long", "double", "boolean")
GEXF_NS = "http://gexf.net/1.3"
GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"

# characters XML 1.0 cannot hold, even as a character reference
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_ATTR_ENTITIES = {'"': "&quot;", "\t": "&#9;", "\n": "&#10;", "\r": "&#13;"}
_TEXT_ENTITIES = {"\r": "&#13;"}
_BUFFER = 1 << 20  # bytes of the file buffer: the file is written in 1 MB blocks


def xml_attr(value: object) -> str:
    """Text for an attribute value between double quotes.

    >>> xml_attr('a "b" <c> & d\\n\\x01e')
    'a &quot;b&quot; &lt;c&gt; &amp; d&#10;e'
    """
    text = _ILLEGAL.sub("", str(value))
    return escape(text, _ATTR_ENTITIES)


def xml_text(value: object) -> str:
    """Text for element content.

    >>> xml_text("R&D <lab>\\r\\n")
    'R&amp;D &lt;lab&gt;&#13;\\n'
    """
    text = _ILLEGAL.sub("", str(value))
    return escape(text, _TEXT_ENTITIES)


def _value(value: object, kind: str) -> str | None:
    """A value as its attribute type writes it; None when the value is blank (left out)."""
    if value is None or value is _NA:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if kind == "boolean":
        return "true" if value else "false"
    if kind == "long":
        return str(int(value))
    if kind == "double":
        return repr(float(value))
    return str(value)


try:  # pandas' missing value, when pandas is there (the exports pass its columns' values)
    from pandas import NA as _NA
except ImportError:  # pragma: no cover
    _NA = object()


def _check(attrs: Sequence[tuple[str, str]]) -> None:
    for name, kind in attrs:
        if kind not in TYPES:
            raise ValueError(f"attribute {name!r}: type must be one of {', '.join(TYPES)}, not {kind!r}")


def write_gexf(
    path: str | Path,
    nodes: Iterable[tuple[object, object, Mapping[str, object]]],
    edges: Iterable[tuple[object, object, object, Mapping[str, object]]],
    node_attrs: Sequence[tuple[str, str]],
    edge_attrs: Sequence[tuple[str, str]],
    directed: bool = False,
    creator: str = "partnerlab",
    date: dt.date | None = None,
) -> None:
    """Write a static GEXF 1.3 graph, one node and one edge at a time.

    Args:
        path: The file to write (UTF-8).
        nodes: ``(id, label, attributes)`` per node; attributes maps names of ``node_attrs``
            to values (a missing or None value is left out).
        edges: ``(source, target, weight, attributes)`` per edge (weight None: no weight).
        node_attrs, edge_attrs: ``(name, type)`` of each attribute, in the order declared.
        directed: The graph's default edge type.
        creator: Written in ``<meta><creator>``.
        date: ``<meta lastmodifieddate>``, the date of the data (an optional attribute: left out
            when None; never today's date, so the same data gives the same bytes any day).
    """
    _check(node_attrs)
    _check(edge_attrs)
    node_ids = {name: (f"n{i}", kind) for i, (name, kind) in enumerate(node_attrs)}
    edge_ids = {name: (f"e{i}", kind) for i, (name, kind) in enumerate(edge_attrs)}
    with open(path, "w", encoding="utf-8", buffering=_BUFFER) as fh:
        w = fh.write
        w("<?xml version='1.0' encoding='utf-8'?>\n")
        w(
            f'<gexf xmlns="{GEXF_NS}" xmlns:xsi="{XSI_NS}" '
            f'xsi:schemaLocation="{GEXF_NS} {GEXF_NS}/gexf.xsd" version="1.3">\n'
        )
        w(f'  <meta lastmodifieddate="{date.isoformat()}">\n' if date else "  <meta>\n")
        w(f"    <creator>{xml_text(creator)}</creator>\n  </meta>\n")
        w(f'  <graph defaultedgetype="{"directed" if directed else "undirected"}" mode="static">\n')
        for cls, ids in (("node", node_ids), ("edge", edge_ids)):
            if ids:
                w(f'    <attributes class="{cls}" mode="static">\n')
                for name, (aid, kind) in ids.items():
                    w(f'      <attribute id="{aid}" title="{xml_attr(name)}" type="{kind}" />\n')
                w("    </attributes>\n")
        w("    <nodes>\n")
        for node, label, attrs in nodes:
            w(f'      <node id="{xml_attr(node)}" label="{xml_attr(label)}"')
            w(_gexf_attvalues(attrs, node_ids))
            w("</node>\n")
        w("    </nodes>\n    <edges>\n")
        for i, (u, v, weight, attrs) in enumerate(edges):
            wt = (
                ""
                if weight is None
                else f' weight="{_value(weight, "double" if isinstance(weight, float) else "long")}"'
            )
            w(f'      <edge id="{i}" source="{xml_attr(u)}" target="{xml_attr(v)}"{wt}')
            w(_gexf_attvalues(attrs, edge_ids))
            w("</edge>\n")
        w("    </edges>\n  </graph>\n</gexf>\n")


def _gexf_attvalues(attrs: Mapping[str, object], ids: Mapping[str, tuple[str, str]]) -> str:
    parts = []
    for name, (aid, kind) in ids.items():
        text = _value(attrs.get(name), kind)
        if text is not None:
            parts.append(f'          <attvalue for="{aid}" value="{xml_attr(text) if kind == "string" else text}" />\n')
    if not parts:
        return " >"
    return ">\n        <attvalues>\n" + "".join(parts) + "        </attvalues>\n      "


def write_graphml(
    path: str | Path,
    nodes: Iterable[tuple[object, Mapping[str, object]]],
    edges: Iterable[tuple[object, object, Mapping[str, object]]],
    node_attrs: Sequence[tuple[str, str]],
    edge_attrs: Sequence[tuple[str, str]],
    directed: bool = False,
) -> None:
    """Write a GraphML graph, one node and one edge at a time.

    Args:
        path: The file to write (UTF-8).
        nodes: ``(id, attributes)`` per node; attributes maps names of ``node_attrs`` to values
            (a missing or None value is left out).
        edges: ``(source, target, attributes)`` per edge.
        node_attrs, edge_attrs: ``(name, type)`` of each attribute (GraphML ``attr.type``), in the order declared.
        directed: The graph's ``edgedefault``.
    """
    _check(node_attrs)
    _check(edge_attrs)
    node_ids = {name: (f"n{i}", kind) for i, (name, kind) in enumerate(node_attrs)}
    edge_ids = {name: (f"e{i}", kind) for i, (name, kind) in enumerate(edge_attrs)}
    with open(path, "w", encoding="utf-8", buffering=_BUFFER) as fh:
        w = fh.write
        w("<?xml version='1.0' encoding='utf-8'?>\n")
        w(
            f'<graphml xmlns="{GRAPHML_NS}" xmlns:xsi="{XSI_NS}" '
            f'xsi:schemaLocation="{GRAPHML_NS} {GRAPHML_NS}/1.0/graphml.xsd">\n'
        )
        for cls, ids in (("node", node_ids), ("edge", edge_ids)):
            for name, (kid, kind) in ids.items():
                w(f'  <key id="{kid}" for="{cls}" attr.name="{xml_attr(name)}" attr.type="{kind}" />\n')
        w(f'  <graph edgedefault="{"directed" if directed else "undirected"}">\n')
        for node, attrs in nodes:
            w(f'    <node id="{xml_attr(node)}"')
            w(_graphml_data(attrs, node_ids))
            w("</node>\n")
        for u, v, attrs in edges:
            w(f'    <edge source="{xml_attr(u)}" target="{xml_attr(v)}"')
            w(_graphml_data(attrs, edge_ids))
            w("</edge>\n")
        w("  </graph>\n</graphml>\n")


def _graphml_data(attrs: Mapping[str, object], ids: Mapping[str, tuple[str, str]]) -> str:
    parts = []
    for name, (kid, kind) in ids.items():
        text = _value(attrs.get(name), kind)
        if text is not None:
            parts.append(f'      <data key="{kid}">{xml_text(text) if kind == "string" else text}</data>\n')
    if not parts:
        return " >"
    return ">\n" + "".join(parts) + "    "


# ---------------------------------------------------------------------------------------
# XLSX (SpreadsheetML), streamed: the Kumu import file
# ---------------------------------------------------------------------------------------

_XLSX_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
# cell styles (cellXfs): 0 plain, 1 header (bold white on dark blue, as findings.xlsx), 2 text with
# Excel's quote prefix (a value that starts like a formula stays text when a user edits the cell)
_STYLES = (
    f'<styleSheet xmlns="{_XLSX_NS}">'
    '<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/>'
    '<numFmt numFmtId="165" formatCode="yyyy-mm-dd hh:mm"/></numFmts>'
    '<fonts count="3"><font><sz val="11"/><name val="Calibri"/></font>'
    '<font><b/><sz val="11"/><color rgb="FFFFFFFF"/><name val="Calibri"/></font>'
    '<font><u/><sz val="11"/><color rgb="FF0563C1"/><name val="Calibri"/></font></fonts>'
    '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>'
    '<fill><patternFill patternType="solid"><fgColor rgb="FF1F4E79"/><bgColor indexed="64"/></patternFill></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
    '<xf numFmtId="0" fontId="2" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="6"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1">'
    '<alignment vertical="top" wrapText="1"/></xf>'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" quotePrefix="1"/>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="1" applyFont="1"/></cellXfs>'
    '<cellStyles count="2"><cellStyle name="Normal" xfId="0" builtinId="0"/>'
    '<cellStyle name="Hyperlink" xfId="1" builtinId="8"/></cellStyles>'
    "</styleSheet>"
)
# cellXfs: 0 plain, 1 header (bold white on dark blue, wrapped), 2 text with Excel's quote prefix,
# 3 a date, 4 a date and time, 5 an in-book link
_HEADER, _QUOTED, _DATE, _DATETIME, _LINK = 1, 2, 3, 4, 5
_EPOCH = dt.datetime(1899, 12, 30)  # Excel's day 0 (its 1900 date system, as Excel and openpyxl write)
_FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n")  # as partnerlab.findings


def _column_letter(i: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        letters = chr(65 + r) + letters
    return letters


def _xlsx_cell(ref: str, value: object, style: int = 0) -> str:
    """One <c> element: a number (its exact shortest repr), a boolean or inline text (never a formula);
    '' for a blank value (None, NaN, empty text)."""
    if value is None or value is _NA:
        return ""
    if hasattr(value, "item") and not isinstance(value, str):  # numpy scalars
        value = value.item()
    s = f' s="{style}"' if style else ""
    if isinstance(value, dt.datetime | dt.date):  # a number of days, shown as a date
        stamp = value if isinstance(value, dt.datetime) else dt.datetime.combine(value, dt.time())
        days = (stamp.replace(tzinfo=None) - _EPOCH) / dt.timedelta(days=1)
        timed = isinstance(value, dt.datetime) and value.time() != dt.time()
        return f'<c r="{ref}" s="{style or (_DATETIME if timed else _DATE)}"><v>{days!r}</v></c>'
    if isinstance(value, bool):
        return f'<c r="{ref}" t="b"{s}><v>{int(value)}</v></c>'
    if isinstance(value, int):
        return f'<c r="{ref}"{s}><v>{value}</v></c>'
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        if math.isfinite(value):
            return f'<c r="{ref}"{s}><v>{value!r}</v></c>'
    text = _ILLEGAL.sub("", str(value))
    if not text:  # a blank cell, as openpyxl writes an empty text
        return ""
    if not style and text.startswith(_FORMULA_TRIGGERS):
        s = f' s="{_QUOTED}"'
    return f'<c r="{ref}" t="inlineStr"{s}><is><t xml:space="preserve">{escape(text)}</t></is></c>'


def write_xlsx(path: str | Path, sheets: Mapping[str, tuple]) -> None:
    """An XLSX workbook written row by row into the zip (no shared strings: each text is inline).

    Args:
        path: The file to write.
        sheets: title -> (header, rows, column widths) or (header, rows, column widths, options). The
            header row is bold white on dark blue, wrapped and frozen; a text that starts like a formula
            (= + - @, a tab or a line break) is written as text with Excel's quote prefix; None and NaN
            are blank cells; numbers and booleans stay numbers; dates are dates (yyyy-mm-dd, with
            hh:mm when they have a time). options: "filter" (True: a filter on the header over every
            row written), "links" ({cell reference: in-book location such as "'Sheet'!A1"}: those
            cells are links, in the Hyperlink style).
    """
    import zipfile

    titles = list(sheets)
    filtered: dict[int, tuple[str, int]] = {}  # sheet index -> its filter's last column and row

    def entry(name: str) -> zipfile.ZipInfo:  # a fixed time: the same rows give the same bytes any day
        info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
        info.compress_type, info.external_attr = zipfile.ZIP_DEFLATED, 0o600 << 16
        return info

    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
        overrides = "".join(
            f'<Override PartName="/xl/worksheets/sheet{i}.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            for i in range(1, len(titles) + 1)
        )
        zf.writestr(
            entry("[Content_Types].xml"),
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/styles.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
            f"{overrides}</Types>",
        )
        zf.writestr(
            entry("_rels/.rels"),
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{_PKG_REL_NS}">'
            '<Relationship Id="rId1" '
            'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
            'Target="xl/workbook.xml"/></Relationships>',
        )
        zf.writestr(
            entry("xl/_rels/workbook.xml.rels"),
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{_PKG_REL_NS}">'
            + "".join(
                f'<Relationship Id="rId{i}" '
                'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
                f'Target="worksheets/sheet{i}.xml"/>'
                for i in range(1, len(titles) + 1)
            )
            + f'<Relationship Id="rId{len(titles) + 1}" '
            'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" '
            'Target="styles.xml"/></Relationships>',
        )
        zf.writestr(entry("xl/styles.xml"), '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + _STYLES)
        for i, title in enumerate(titles, 1):
            header, rows, widths, *more = sheets[title]
            options = more[0] if more else {}
            with zf.open(entry(f"xl/worksheets/sheet{i}.xml"), "w") as fh:
                corner = _write_sheet(fh, header, rows, widths, options)
            if corner:
                filtered[i - 1] = corner
        # the workbook part last: it names the filters' ranges, known once the sheets are written
        zf.writestr(
            entry("xl/workbook.xml"),
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="{_XLSX_NS}" '
            f'xmlns:r="{_REL_NS}"><sheets>'
            + "".join(
                f'<sheet name="{xml_attr(t[:31])}" sheetId="{i}" r:id="rId{i}"/>' for i, t in enumerate(titles, 1)
            )
            + "</sheets>"
            + _filter_names(titles, filtered)
            + "</workbook>",
        )


def _write_sheet(
    fh, header: Sequence[str], rows: Iterable[Sequence[object]], widths: Sequence[float], options: Mapping | None = None
) -> tuple[str, int] | None:
    """One worksheet (see write_xlsx); returns its filter's last column and row (None: no filter)."""
    options = options or {}
    letters = [_column_letter(c) for c in range(len(header))]
    cols = "".join(f'<col min="{c}" max="{c}" width="{w:g}" customWidth="1"/>' for c, w in enumerate(widths, start=1))
    links = dict(options.get("links") or {})
    head = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{_XLSX_NS}">'
        '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" '
        'state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>'
        '<sheetFormatPr defaultRowHeight="15"/>'
        + (f"<cols>{cols}</cols>" if cols else "")
        + '<sheetData><row r="1">'
        + "".join(_xlsx_cell(f"{letters[c]}1", str(h), _HEADER) for c, h in enumerate(header))
        + "</row>"
    )
    fh.write(head.encode("utf-8"))
    chunk: list[str] = []
    last = 1
    for last, row in enumerate(rows, start=2):
        chunk.append(f'<row r="{last}">')
        chunk.extend(
            _xlsx_cell(ref, v, _LINK if ref in links else 0)
            for ref, v in ((f"{letters[c]}{last}", v) for c, v in enumerate(row))
        )
        chunk.append("</row>")
        if len(chunk) > 20_000:
            fh.write("".join(chunk).encode("utf-8"))
            chunk.clear()
    chunk.append("</sheetData>")
    corner = (letters[-1], last) if options.get("filter") and header else None
    if corner:
        chunk.append(f'<autoFilter ref="A1:{corner[0]}{corner[1]}"/>')
    if links:
        chunk.append(
            "<hyperlinks>"
            + "".join(f'<hyperlink ref="{ref}" location="{xml_attr(where)}"/>' for ref, where in links.items())
            + "</hyperlinks>"
        )
    chunk.append("</worksheet>")
    fh.write("".join(chunk).encode("utf-8"))
    return corner


def _filter_names(titles: list[str], filtered: Mapping[int, tuple[str, int]]) -> str:
    """The hidden names Excel keeps for each sheet's filter (_xlnm._FilterDatabase), as Excel writes them."""
    if not filtered:
        return ""
    names = []
    for i, (column, row) in sorted(filtered.items()):
        sheet = titles[i][:31].replace("'", "''")
        names.append(
            f'<definedName name="_xlnm._FilterDatabase" localSheetId="{i}" hidden="1">'
            f"{xml_text(f'{chr(39)}{sheet}{chr(39)}!$A$1:${column}${row}')}</definedName>"
        )
    return "<definedNames>" + "".join(names) + "</definedNames>"
