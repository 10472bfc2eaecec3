"""Write the corpus of broken and awkward workbooks under tests/corpus/ (issue 7).

Each case is one function below: its docstring says what an analyst did, its body builds
the file, and it returns the exact problem lines `partnerlab validate` must print (without
the leading "FILE: "). Running the script writes CASE.xlsx (or .xlsm) and CASE.expected
(one line per problem, first line "# exit N") for every committed case. Two hostile
cases are too big to commit (a zip bomb, a sheet of a million rows): tests build them in
a temporary folder with `build(name, folder)`.

Usage: .venv/bin/python scripts/make_corpus.py [OUT_DIR]   (default tests/corpus)

All organisations are fictional.
"""

from __future__ import annotations

import io
import shutil
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook

ROOT = Path(__file__).resolve().parents[1]
CASES: dict[str, tuple[Callable[[Path], list[str]], str]] = {}  # name -> (builder, suffix)
BIG = {"zip_bomb", "million_rows"}  # built on demand, never committed

S_HEAD = ["id", "name", "sector", "scope", "states", "partners", "influence", "interest", "roles", "contact"]
S_ROWS = [
    [
        "ACT1",
        "Fundación Ejemplo (ficticia)",
        "civil_society",
        "national",
        "Oaxaca",
        "ACT2",
        4,
        5,
        "donor",
        "ana.perez@ejemplo.invalid",
    ],
    ["ACT2", "Empresa Modelo SA (ficticia)", "private_sector", "state", "CDMX", None, 3, 2, None, None],
    [
        "ACT3",
        "Instituto Imaginario (ficticio)",
        "academia",
        "national",
        None,
        "ACT1; ACT2",
        2,
        4,
        "knowledge_partner",
        None,
    ],
]
T_HEAD = ["source", "target", "kind", "directed", "strength", "since", "until", "note"]
P_HEAD = ["id", "name", "type", "lead", "members", "sdgs", "actions", "start", "status"]
P_ROWS = [
    [
        "ALI1",
        "Alianza Imaginaria (ficticia)",
        "implementation",
        "ACT1",
        "ACT2; ACT3",
        "5; 16",
        "2.13",
        "2024-01-15",
        "active",
    ]
]
DD_HEAD = ["stakeholder", "assessed_on", "assessor", *(f"q{i:02d}" for i in range(1, 20))]
SQ_HEAD = ["question", "theme", "text", "type", "options"]


def case(name: str, suffix: str = ".xlsx"):
    def register(fn):
        CASES[name] = (fn, suffix)
        return fn

    return register


def save(
    path: Path,
    sheets: dict[str, list[list]],
    hidden: tuple[str, ...] = (),
    merged: dict[str, str | list[str]] | None = None,
    formats: dict[str, dict[str, str]] | None = None,
) -> None:
    """Write sheets (title -> rows, row 1 first) with openpyxl; text starting with = is a formula.

    merged: sheet -> range(s) to merge (Excel keeps the top-left value only); formats: sheet ->
    cell -> number format, as Excel gives a cell where "40%" or "3.10" is typed.
    """
    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        ws = book.create_sheet(title)
        for row in rows:
            ws.append(row)
        if title in hidden:
            ws.sheet_state = "hidden"
        ranges = (merged or {}).get(title, [])
        for rng in [ranges] if isinstance(ranges, str) else ranges:
            ws.merge_cells(rng)
        for cell, fmt in (formats or {}).get(title, {}).items():
            ws[cell].number_format = fmt
    book.save(path)


def minimal(**extra: list[list]) -> dict[str, list[list]]:
    """The valid three-stakeholder workbook, plus or replacing sheets."""
    return {"stakeholders": [S_HEAD, *S_ROWS], **extra}


def patch_zip(path: Path, member: str, fn: Callable[[bytes], bytes], extra: dict[str, bytes] | None = None) -> None:
    """Rewrite one member of an .xlsx (and add extra members)."""
    src = path.read_bytes()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(src)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            zout.writestr(info.filename, fn(data) if info.filename == member else data)
        for name, data in (extra or {}).items():
            zout.writestr(name, data)
    path.write_bytes(out.getvalue())


# ---------------------------------------------------------------------------------------
# Files that are not workbooks
# ---------------------------------------------------------------------------------------


@case("empty_file")
def empty_file(path: Path) -> list[str]:
    """A zero-byte file (a failed download or e-mail attachment)."""
    path.write_bytes(b"")
    return ["expected an .xlsx workbook (the file is empty)"]


@case("csv_renamed")
def csv_renamed(path: Path) -> list[str]:
    """A CSV export renamed to .xlsx."""
    path.write_text("id,name,sector\nACT1,Fundación Ejemplo,civil_society\n", encoding="utf-8")
    return ["expected an .xlsx workbook: the file is a text/CSV file; open it in Excel and save it as .xlsx"]


@case("old_xls_renamed")
def old_xls_renamed(path: Path) -> list[str]:
    """An Excel 97-2003 file renamed to .xlsx (an OLE2 compound file: magic number only)."""
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + "Workbook".encode("utf-16-le"))
    return [
        "expected an .xlsx workbook: this is an old .xls file (Excel 97-2003); "
        "open it in Excel and save it as .xlsx (Excel Workbook)"
    ]


@case("corrupt_zip")
def corrupt_zip(path: Path) -> list[str]:
    """A workbook cut short (half of the bytes, as an interrupted copy leaves it)."""
    save(path, minimal())
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return ["expected an .xlsx workbook: the file is damaged (not a readable zip); open it in Excel and save it again"]


@case("zip_not_excel")
def zip_not_excel(path: Path) -> list[str]:
    """A zip that is not a workbook (a Word document renamed .xlsx)."""
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("word/document.xml", "<document/>")
    return ["expected an .xlsx workbook (the zip has no xl/workbook.xml: not an Excel file)"]


@case("password_protected")
def password_protected(path: Path) -> list[str]:
    """A workbook saved with a password: Excel encrypts it into an OLE2 file.

    Built with msoffcrypto-tool when it is installed (a real encrypted workbook); otherwise
    an OLE2 header with the EncryptedPackage stream name, which is what the loader checks.
    """
    plain = path.with_suffix(".plain.xlsx")
    save(plain, minimal())
    try:
        from msoffcrypto.format.ooxml import OOXMLFile

        with open(plain, "rb") as fin, open(path, "wb") as fout:
            OOXMLFile(fin).encrypt("secreto", fout)
    except ImportError:
        path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + "EncryptedPackage".encode("utf-16-le"))
    plain.unlink()
    return [
        "expected a workbook without a password: this one is password-protected; open it in Excel, "
        "remove the password (File > Info > Protect Workbook) and save it as .xlsx"
    ]


@case("macro_enabled", suffix=".xlsm")
def macro_enabled(path: Path) -> list[str]:
    """A macro-enabled workbook (.xlsm): the macros are never run, the data is read."""
    save(path, minimal())
    patch_zip(
        path, "", lambda d: d, extra={"xl/vbaProject.bin": b'Attribute VB_Name = "Module1"\nSub Auto_Open()\nEnd Sub\n'}
    )
    return ["warning: expected a workbook without macros: the macros were ignored, never run"]


@case("entity_bomb")
def entity_bomb(path: Path) -> list[str]:
    """Billion laughs: a sheet declaring nested entities that would expand to 3 GB of "lol"."""
    save(path, minimal())
    entities = b"".join(
        b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10) for i in range(1, 10)
    )
    doctype = b'<?xml version="1.0"?>\n<!DOCTYPE worksheet [<!ENTITY lol "lol">' + entities + b"]>\n"
    patch_zip(
        path,
        "xl/worksheets/sheet1.xml",
        lambda d: doctype + d.replace(b"<t>Empresa Modelo SA (ficticia)</t>", b"<t>&lol9;</t>"),
    )
    return [
        "expected a workbook without XML document type declarations (xl/worksheets/sheet1.xml declares a "
        "document type): refused as a possible entity bomb; open it in Excel and save it again"
    ]


@case("zip_bomb")
def zip_bomb(path: Path) -> list[str]:
    """A 1.1 MB file whose sheet unpacks to 1.1 GB of spaces (the zip's sizes are honest)."""
    save(path, minimal())
    blocks = 140  # of 8 MB: 1120 MB of spaces, deflated to about 1.1 MB
    src = path.read_bytes()
    with zipfile.ZipFile(io.BytesIO(src)) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            if info.filename != "xl/worksheets/sheet1.xml":
                zout.writestr(info.filename, zin.read(info))
                continue
            xml = zin.read(info)
            head, tail = xml.split(b"<sheetData>", 1)
            target = zipfile.ZipInfo(info.filename)
            target.compress_type = zipfile.ZIP_DEFLATED
            with zout.open(target, "w", force_zip64=True) as fh:
                fh.write(head)
                block = b" " * (8 * 2**20)
                for _ in range(blocks):
                    fh.write(block)
                fh.write(b"<sheetData>" + tail)
    return [
        'found "1120 MB unpacked from 1.1 MB"; expected a workbook that unpacks to at most 1024 MB with a '
        "compression ratio below 200 (refused as a possible zip bomb)"
    ]


@case("million_rows")
def million_rows(path: Path) -> list[str]:
    """A sheet with a million rows and no <dimension> (so the row count is found by reading)."""
    save(path, minimal())
    src = path.read_bytes()
    with zipfile.ZipFile(io.BytesIO(src)) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                head, _ = data.split(b"<sheetData>", 1)
                head = head.replace(b'<dimension ref="A1:J4" />', b"")
                with zout.open(info.filename, "w", force_zip64=True) as fh:
                    fh.write(head + b"<sheetData>")
                    rows = [
                        b'<row r="%d"><c r="A%d" t="inlineStr"><is><t>ACT%d</t></is></c></row>' % (r, r, r)
                        for r in range(1, 1_000_001)
                    ]
                    for k in range(0, len(rows), 50_000):
                        fh.write(b"".join(rows[k : k + 50_000]))
                    fh.write(b"</sheetData></worksheet>")
            else:
                zout.writestr(info.filename, data)
    return ['expected at most 200,000 rows in sheet "stakeholders" (it has more)']


@case("million_rows_dimension")
def million_rows_dimension(path: Path) -> list[str]:
    """A sheet whose <dimension> says it spans a million rows: refused before reading them."""
    save(path, minimal())
    patch_zip(
        path,
        "xl/worksheets/sheet1.xml",
        lambda d: d.replace(b'<dimension ref="A1:J4" />', b'<dimension ref="A1:J1000000" />'),
    )
    return ['expected at most 200,000 rows in sheet "stakeholders" (it has 1,000,000 by its dimension A1:J1000000)']


# ---------------------------------------------------------------------------------------
# Sheets and headers
# ---------------------------------------------------------------------------------------


@case("missing_required_sheet")
def missing_required_sheet(path: Path) -> list[str]:
    """The stakeholders sheet is still called Hoja1."""
    save(path, {"Hoja1": [S_HEAD, *S_ROWS], "ties": [T_HEAD, ["ACT1", "ACT2"]]})
    return ['stakeholders: expected a sheet named "stakeholders" (or "actores"); the workbook has: "Hoja1", "ties"']


@case("title_row")
def title_row(path: Path) -> list[str]:
    """A title row above the headers, as in a printed report."""
    save(path, {"stakeholders": [["Mapeo de actores 2024 (ficticio)"], S_HEAD, *S_ROWS]})
    return [
        "stakeholders!A1: expected the column headers in row 1; they are in row 2 (row 1 holds "
        '"Mapeo de actores 2024 (ficticio)"): delete the rows above the headers'
    ]


@case("missing_columns")
def missing_columns(path: Path) -> list[str]:
    """The required sector column was deleted, and ties lost its target column."""
    head = [h for h in S_HEAD if h != "sector"]
    rows = [[v for h, v in zip(S_HEAD, r) if h != "sector"] for r in S_ROWS]
    save(path, {"stakeholders": [head, *rows], "ties": [["source", "kind"], ["ACT1", "funding"]]})
    shown = ", ".join(f'"{h}"' for h in head)
    return [
        f'stakeholders!1 (sector): expected a column "sector" in row 1 (row 1 holds {shown})',
        'ties!1 (target): expected a column "target" or "destino" in row 1 (row 1 holds "source", "kind")',
    ]


@case("duplicated_column")
def duplicated_column(path: Path) -> list[str]:
    """Two influence columns (one copied from another file, in Spanish)."""
    save(path, {"stakeholders": [[*S_HEAD, "Influencia"], *(r + [1] for r in S_ROWS)]})
    return [
        'stakeholders!K1 (influence): found "Influencia"; expected one column "influence": '
        "it also stands in column G; remove or rename one"
    ]


@case("merged_header")
def merged_header(path: Path) -> list[str]:
    """The name header merged across two columns for looks: the second has no header."""
    head = S_HEAD[:2] + [None] + S_HEAD[2:]
    rows = [r[:2] + ["nombre corto"] + r[2:] for r in S_ROWS]
    save(path, {"stakeholders": [head, *rows]}, merged={"stakeholders": "B1:C1"})
    return [
        "stakeholders!B1:C1: expected one header per column: the header cells B1:C1 are merged; "
        "unmerge them and write each column's name in its own cell"
    ]


@case("hidden_sheet")
def hidden_sheet(path: Path) -> list[str]:
    """The ties sheet is hidden in Excel (it is read all the same), with an unknown target."""
    save(path, minimal(ties=[T_HEAD, ["ACT1", "ACT9"]]), hidden=("ties",))
    return [
        "warning: ties: expected a visible sheet: this sheet is hidden in Excel but was read",
        'ties!B2 (target): found "ACT9"; expected an id from the stakeholders sheet',
    ]


@case("spanish_names")
def spanish_names(path: Path) -> list[str]:
    """A workbook in Spanish (sheet and header names with accents and capitals), one bad interest."""
    head = ["ID", "Nombre", "Sector", "Ámbito", "Estados", "Alianzas con", "Influencia", "INTERÉS", "Roles", "Contacto"]
    rows = [list(r) for r in S_ROWS]
    rows[0][2] = "Sociedad civil"
    rows[1][7] = "alto"
    save(
        path,
        {"Actores": [head, *rows], "Vínculos": [["Origen", "Destino", "Tipo"], ["ACT1", "ACT3", "Financiamiento"]]},
    )
    return ['Actores!H3 (interest): found "alto"; expected a whole number from 1 to 5']


@case("nbsp_and_nfd")
def nbsp_and_nfd(path: Path) -> list[str]:
    """Headers and values pasted from the web: non-breaking spaces and decomposed accents (NFD)."""
    nfd = "Intere\u0301s"  # "Interés" as e + combining acute
    head = [
        "id\u00a0",
        "\u00a0nombre",
        "sector",
        "a\u0301mbito",
        "estados",
        "alianzas_con",
        "influencia",
        nfd,
        "roles",
        "contacto",
    ]
    rows = [list(r) for r in S_ROWS]
    rows[0][1] = "Fundacio\u0301n\u00a0Ejemplo (ficticia)"
    rows[0][2] = "Sociedad\u00a0civil"
    rows[1][4] = "Me\u0301xico"
    rows[2][0] = "ACT3\u00a0"
    save(path, {"actores": [head, *rows]})
    return []


@case("likely_duplicates")
def likely_duplicates(path: Path) -> list[str]:
    """The same ministry entered three times: with accents, in capitals, and by its acronym."""
    rows = [
        ["H1", "Secretaría de Hacienda y Crédito Público (SHCP)", "federal_government"],
        ["H2", "SECRETARIA DE HACIENDA Y CREDITO PUBLICO", "federal_government"],
        ["H3", "SHCP", "federal_government"],
        ["H4", "Secretaría de Economía", "federal_government"],
    ]
    save(path, {"stakeholders": [["id", "name", "sector"], *rows]})
    return [
        'warning: stakeholders!B3 (name): found "SECRETARIA DE HACIENDA Y CREDITO PUBLICO"; expected a stakeholder '
        'other than B2 (H1 "Secretaría de Hacienda y Crédito Público (SHCP)"): the names match once case, '
        "accents, punctuation and common words are ignored; if they are the same institution, keep one row "
        "and point the ids to it",
        'warning: stakeholders!B4 (name): found "SHCP"; expected a stakeholder other than B2 (H1 "Secretaría de '
        'Hacienda y Crédito Público (SHCP)"): one name is the acronym the other gives in brackets; if they are '
        "the same institution, keep one row and point the ids to it",
    ]


# ---------------------------------------------------------------------------------------
# Ids and references
# ---------------------------------------------------------------------------------------


@case("duplicate_ids")
def duplicate_ids(path: Path) -> list[str]:
    """The same id twice, once in other case; a partnership id repeated."""
    rows = [
        *S_ROWS,
        ["act1", "Colectivo Ficticio", "civil_society"],
        ["ACT2", "Otra Empresa (ficticia)", "private_sector"],
    ]
    save(path, minimal(stakeholders=[S_HEAD, *rows], partnerships=[P_HEAD, *P_ROWS, ["ALI1", "Copia", None, "ACT1"]]))
    expected = "(ids are compared ignoring case, accents, spaces, hyphens and underscores)"
    return [
        f'stakeholders!A5 (id): found "act1"; expected a unique id: row 2 already has it {expected}',
        f'stakeholders!A6 (id): found "ACT2"; expected a unique id: row 3 already has it {expected}',
        f'partnerships!A3 (id): found "ALI1"; expected a unique id: row 2 already has it {expected}',
    ]


@case("bad_ids")
def bad_ids(path: Path) -> list[str]:
    """Ids with a space, a slash and an accent."""
    rows = [
        ["ACT 1", "Uno (ficticio)", "academia"],
        ["ACT/2", "Dos (ficticio)", "academia"],
        ["ACCIÓN3", "Tres (ficticio)", "academia"],
    ]
    save(path, {"stakeholders": [["id", "name", "sector"], *rows]})
    exp = "expected a code of letters, digits, '_', '-' or '.'"
    return [
        f'stakeholders!A2 (id): found "ACT 1"; {exp}',
        f'stakeholders!A3 (id): found "ACT/2"; {exp}',
        f'stakeholders!A4 (id): found "ACCIÓN3"; {exp}',
    ]


@case("unknown_references")
def unknown_references(path: Path) -> list[str]:
    """An unknown id in every column that refers to another sheet."""
    stake = [list(r) for r in S_ROWS]
    stake[1][5] = "ACT1; ACT7"
    sheets = minimal(
        stakeholders=[S_HEAD, *stake],
        ties=[T_HEAD, ["ACT1", "ACT2"], ["ACTX", "ACT2"], ["ACT3", "ACTY"]],
        partnerships=[P_HEAD, ["ALI1", "Alianza (ficticia)", None, "ACT8", "ACT2; ACT9"]],
        due_diligence=[DD_HEAD, ["ACT5", "2024-05-01"]],
        value_assessment=[["subject", "assessed_on", "c1"], ["ALI7", "2024-05-01", "acceptable"]],
        quality_assessment=[["partnership", "assessed_on", "transparency"], ["ALI2", "2024-05-01", 2]],
    )
    save(path, sheets)
    return [
        'stakeholders!F3 (partners): found "ACT7"; expected an id from the stakeholders sheet',
        'ties!A3 (source): found "ACTX"; expected an id from the stakeholders sheet',
        'ties!B4 (target): found "ACTY"; expected an id from the stakeholders sheet',
        'partnerships!D2 (lead): found "ACT8"; expected an id from the stakeholders sheet',
        'partnerships!E2 (members): found "ACT9"; expected an id from the stakeholders sheet',
        'due_diligence!A2 (stakeholder): found "ACT5"; expected an id from the stakeholders sheet',
        'value_assessment!A2 (subject): found "ALI7"; expected an id from the partnerships or stakeholders sheet',
        'quality_assessment!A2 (partnership): found "ALI2"; expected an id from the partnerships sheet',
    ]


@case("unknown_action_code")
def unknown_action_code(path: Path) -> list[str]:
    """A partnership contributes to action 9.9, which the action plan does not have."""
    save(path, minimal(partnerships=[P_HEAD, ["ALI1", "Alianza (ficticia)", None, "ACT1", None, None, "2.13; 9.9"]]))
    return [
        'partnerships!G2 (actions): found "9.9"; expected a course of action code of the action plan (1.1 ... 3.10)'
    ]


# ---------------------------------------------------------------------------------------
# Values
# ---------------------------------------------------------------------------------------


@case("blank_required")
def blank_required(path: Path) -> list[str]:
    """A stakeholder without a name and one without a sector."""
    rows = [["ACT1", None, "academia"], ["ACT2", "Dos (ficticio)", "  "]]
    save(path, {"stakeholders": [["id", "name", "sector"], *rows]})
    return [
        'stakeholders!B2 (name): found ""; expected text (required)',
        'stakeholders!C3 (sector): found ""; expected one of the sector vocabulary (federal_government, '
        "legislature, local_government, private_sector, financial_sector, academia, civil_society, "
        "international_cooperation, un_system, media, other) (required)",
    ]


@case("out_of_range")
def out_of_range(path: Path) -> list[str]:
    """Scores outside their scales: influence 7, interest 0, tie strength 4, quality 5, SDG 18."""
    stake = [list(r) for r in S_ROWS]
    stake[0][6], stake[1][7] = 7, 0
    sheets = minimal(
        stakeholders=[S_HEAD, *stake],
        ties=[T_HEAD, ["ACT1", "ACT2", None, None, 4]],
        partnerships=[P_HEAD, ["ALI1", "Alianza (ficticia)", None, None, None, "5; 18"]],
        quality_assessment=[["partnership", "assessed_on", "transparency"], ["ALI1", "2024-05-01", 5]],
    )
    save(path, sheets)
    return [
        'stakeholders!G2 (influence): found "7"; expected a whole number from 1 to 5',
        'stakeholders!H3 (interest): found "0"; expected a whole number from 1 to 5',
        'ties!E2 (strength): found "4"; expected a whole number from 1 to 3',
        "partnerships!F2 (sdgs): found \"18\"; expected a ';'-separated list of whole numbers from 1 to 17",
        'quality_assessment!C2 (transparency): found "5"; expected a whole number from 0 to 3',
    ]


@case("non_numeric")
def non_numeric(path: Path) -> list[str]:
    """Words and halves where whole numbers go."""
    stake = [list(r) for r in S_ROWS]
    stake[0][6], stake[1][7], stake[2][6] = "alta", 4.5, "N/A"
    save(path, {"stakeholders": [S_HEAD, *stake]})
    exp = "expected a whole number from 1 to 5"
    return [
        f'stakeholders!G2 (influence): found "alta"; {exp}',
        f'stakeholders!H3 (interest): found "4.5"; {exp}',
        f'stakeholders!G4 (influence): found "N/A"; {exp}',
    ]


@case("numbers_as_text")
def numbers_as_text(path: Path) -> list[str]:
    """Scores stored as text ("4", " 3 ", "2.0"), years as text: all accepted."""
    stake = [list(r) for r in S_ROWS]
    stake[0][6], stake[1][7], stake[2][6] = "4", " 3 ", "2.0"
    save(path, minimal(stakeholders=[S_HEAD, *stake], ties=[T_HEAD, ["ACT1", "ACT2", None, None, "2", "2019"]]))
    return []


@case("dates_day_month_year")
def dates_day_month_year(path: Path) -> list[str]:
    """Dates typed as text the Mexican way (day/month/year): refused with the ISO spelling to type."""
    rows = [["ACT1", "31/03/2024"], ["ACT2", "05/03/2024"], ["ACT3", "2024-03-31"]]
    save(path, minimal(due_diligence=[DD_HEAD, *rows]))
    base = "expected a date (an Excel date or ISO text such as 2024-03-31): day/month/year text is not read"
    return [
        f'due_diligence!B2 (assessed_on): found "31/03/2024"; {base}; type 2024-03-31 or enter it as an Excel date',
        f'due_diligence!B3 (assessed_on): found "05/03/2024"; {base}, it is ambiguous; type 2024-03-05 '
        "(day/month) or 2024-05-03 (month/day), or enter it as an Excel date",
    ]


@case("impossible_dates")
def impossible_dates(path: Path) -> list[str]:
    """The 30th of February, in ISO and in day/month/year, and a word."""
    rows = [["ACT1", "2024-02-30"], ["ACT2", "31/02/2024"], ["ACT3", "ayer"]]
    save(path, minimal(due_diligence=[DD_HEAD, *rows]))
    base = "expected a date (an Excel date or ISO text such as 2024-03-31)"
    return [
        f'due_diligence!B2 (assessed_on): found "2024-02-30"; {base}: there is no such day',
        f'due_diligence!B3 (assessed_on): found "31/02/2024"; {base}: there is no such day',
        f'due_diligence!B4 (assessed_on): found "ayer"; {base}',
    ]


@case("unknown_vocabulary")
def unknown_vocabulary(path: Path) -> list[str]:
    """Misspelt sector and role, and a state with a typo: each with a "did you mean"."""
    stake = [list(r) for r in S_ROWS]
    stake[0][2], stake[0][8], stake[1][4] = "Sociedad civill", "donante; mecenas", "Oaxacaa"
    save(path, {"stakeholders": [S_HEAD, *stake]})
    return [
        'stakeholders!C2 (sector): found "Sociedad civill"; expected one of the sector vocabulary (federal_government, '
        "legislature, local_government, private_sector, financial_sector, academia, civil_society, "
        'international_cooperation, un_system, media, other) (did you mean "Civil society"?)',
        'stakeholders!I2 (roles): found "mecenas"; expected one of the role vocabulary (counterpart, '
        "implementing_partner, donor, beneficiary, advocacy_partner, knowledge_partner, champion, contractor)",
        'stakeholders!E3 (states): found "Oaxacaa"; expected one of Mexico\'s 32 federal entities (e.g. Oaxaca, '
        'CDMX, Edomex) (did you mean "Oaxaca"?)',
    ]


@case("yes_no_variants")
def yes_no_variants(path: Path) -> list[str]:
    """Due diligence answers as Sí, si, Y, N, TRUE, 0, x, blanks, and one "tal vez" (q18, column U)."""
    answers = [
        "Sí",
        "si",
        "Y",
        "N",
        "TRUE",
        "0",
        "x",
        None,
        "No",
        "no",
        "NO",
        "Falso",
        None,
        "1",
        "false",
        "S",
        "n",
        "tal vez",
        "",
    ]
    save(path, minimal(due_diligence=[DD_HEAD, ["ACT1", "2024-05-01", "Evaluadora", *answers]]))
    return [
        'due_diligence!U2 (q18): found "tal vez"; expected Yes or No (also Sí, Si, Y, N, TRUE, FALSE, 1, 0); '
        "blank means not answered"
    ]


@case("formulas")
def formulas(path: Path) -> list[str]:
    """Two formulas: one saved by Excel with its result, one written by a script with none."""
    stake = [list(r) for r in S_ROWS]
    stake[0][6], stake[1][6] = "=2+2", "=1+1"
    save(path, {"stakeholders": [S_HEAD, *stake]})
    # Give G2 a cached result, as Excel saves it; G3 keeps none.
    patch_zip(path, "xl/worksheets/sheet1.xml", lambda d: d.replace(b"<f>2+2</f><v />", b"<f>2+2</f><v>4</v>"))
    return [
        'stakeholders!G3 (influence): found "=1+1"; expected a value: this formula has no saved result; open the file in '
        "Excel, let it calculate and save it again (or type the value)"
    ]


@case("survey_answer_outside_options")
def survey_answer_outside_options(path: Path) -> list[str]:
    """A survey answer that is not one of the question's options, and a scale position too high."""
    questions = [
        SQ_HEAD,
        ["P1", "dialogue", "¿Existe un espacio de diálogo?", "choice", "Sí; No; No sé"],
        ["P2", "efficacy", "Eficacia", "scale", "Baja; Media; Alta"],
    ]
    responses = [
        ["respondent", "sector", "P1", "P2"],
        ["R1", "academia", "Sí", "Alta"],
        ["R2", "media", "Quizás", 2],
        ["R3", "civil_society", None, 4],
    ]
    save(path, minimal(survey_questions=questions, survey_responses=responses))
    return [
        'survey_responses!C3 (P1): found "Quizás"; expected one of the options of P1 or its position 1-3: Sí; No; No sé',
        'survey_responses!D4 (P2): found "4"; expected one of the options of P2 or its position 1-3: Baja; Media; Alta',
    ]


@case("about_sheet")
def about_sheet(path: Path) -> list[str]:
    """The about sheet in Spanish, with a date as day/month/year and a language that is not en, es or pt."""
    about = [["campo", "valor"], ["portafolio", "Cartera ficticia"], ["fecha", "30/06/2025"], ["idioma", "francés"]]
    save(path, minimal(acerca=about))
    return [
        'acerca!B3 (as_of): found "30/06/2025"; expected a date (an Excel date or ISO text such as 2024-03-31): '
        "day/month/year text is not read; type 2025-06-30 or enter it as an Excel date",
        'acerca!B4 (language): found "francés"; expected en or es or pt',
    ]


@case("two_sheets_one_name")
def two_sheets_one_name(path: Path) -> list[str]:
    """Both "ties" and "vínculos" sheets (an English and a Spanish copy)."""
    save(path, minimal(ties=[T_HEAD, ["ACT1", "ACT2"]], vinculos=[["origen", "destino"], ["ACT2", "ACT3"]]))
    return ['vinculos: found "vinculos"; expected one sheet for "ties": "ties" is the same sheet; remove one']


@case("blank_rows_and_extra_columns")
def blank_rows_and_extra_columns(path: Path) -> list[str]:
    """Blank rows between records and a column the contract does not know: fine; one bad scope."""
    stake = [list(r) for r in S_ROWS]
    stake[2][3] = "nacional y estatal"
    rows = [[*S_HEAD, "comentarios"], stake[0] + ["ok"], [], [None, "  "], stake[1] + [None], stake[2] + ["revisar"]]
    save(path, {"stakeholders": rows})
    return [
        'warning: stakeholders!K1: found "comentarios"; expected a column of the stakeholders sheet: this column '
        "is not in the contract and is ignored",
        'stakeholders!D6 (scope): found "nacional y estatal"; expected one of the scope vocabulary '
        "(international, regional, national, state, municipal)",
    ]


# ---------------------------------------------------------------------------------------
# Real files, real faults (issue 10): what Excel, LibreOffice and Google Forms really write
# ---------------------------------------------------------------------------------------

A_HEAD = ["code", "pillar", "area", "action", "status", "progress_pct"]


@case("percent_formats")
def percent_formats(path: Path) -> list[str]:
    """Progress typed as 40% (Excel keeps 0.4 with a percent format) is 40; an influence cell
    formatted as a percentage is refused, not read as 0.04 or 4."""
    plan = [
        A_HEAD,
        ["1.2", "I", "a", "b", "in_progress", 0.4],
        ["1.3", "I", "a", "b", "in_progress", "55%"],
        ["1.4", "I", "a", "b", "done", 1],
    ]
    stake = [list(r) for r in S_ROWS]
    stake[1][6] = 0.04
    save(
        path,
        {"stakeholders": [S_HEAD, *stake], "action_plan": plan},
        formats={"action_plan": {"F2": "0%", "F4": "0%"}, "stakeholders": {"G3": "0%"}},
    )
    return [
        'stakeholders!G3 (influence): found "4%"; expected a whole number from 1 to 5: the cell is formatted as a '
        "percentage (4%): remove the percent format"
    ]


@case("thousands_or_decimals")
def thousands_or_decimals(path: Path) -> list[str]:
    """Number answers typed as text (a Google Forms export): "4,500" and "1.200" read two ways
    and are refused with both readings; "4,5", "1,234.5" and "12 000" read one way only."""
    questions = [SQ_HEAD, ["P1", "financing", "Presupuesto anual (miles de pesos)", "number", None]]
    responses = [
        ["respondent", "sector", "P1"],
        ["R1", "academia", "4,500"],
        ["R2", "media", "1.200"],
        ["R3", "academia", "4,5"],
        ["R4", "civil_society", "1,234.5"],
        ["R5", "media", "12 000"],
    ]
    save(path, minimal(survey_questions=questions, survey_responses=responses))
    return [
        'survey_responses!C2 (P1): found "4,500"; expected a number: "4,500" reads two ways: 4500 (with "," '
        'between thousands) or 4.5 (with "," as the decimal mark); type 4500 or 4.5, or set decimal_separator '
        "in the about sheet",
        'survey_responses!C3 (P1): found "1.200"; expected a number: "1.200" reads two ways: 1200 (with "." '
        'between thousands) or 1.2 (with "." as the decimal mark); type 1200 or 1.2, or set decimal_separator '
        "in the about sheet",
    ]


@case("decimal_separator_settles")
def decimal_separator_settles(path: Path) -> list[str]:
    """The about sheet says the decimal mark is ",": "4,500" is 4.5 and "1.200" is 1200, no error."""
    questions = [SQ_HEAD, ["P1", "financing", "Presupuesto", "number", None]]
    responses = [["respondent", "sector", "P1"], ["R1", "academia", "4,500"], ["R2", "media", "1.200"]]
    about = [["campo", "valor"], ["portafolio", "Cartera ficticia"], ["separador decimal", ","]]
    save(path, minimal(acerca=about, survey_questions=questions, survey_responses=responses))
    return []


@case("action_codes_as_numbers")
def action_codes_as_numbers(path: Path) -> list[str]:
    """Action codes typed in General cells: 3.10 is stored as 3.1, so a number that Appendix 1
    has in two spellings is refused; 2.13 as a number, and 3.10 in a cell formatted 0.00, are read."""
    plan = [
        A_HEAD,
        [3.1, "III", "a", "b", "in_progress", 10],
        [2.13, "II", "a", "b", "done", 100],
        [3.1, "III", "a", "b", "in_progress", 20],
    ]
    partnerships = [
        P_HEAD,
        ["ALI1", "Alianza Imaginaria (ficticia)", "implementation", "ACT1", "ACT2", "5", 2.2, "2024-01-15", "active"],
    ]
    save(path, minimal(partnerships=partnerships, action_plan=plan), formats={"action_plan": {"A4": "0.00"}})
    return [
        "partnerships!G2 (actions): found \"2.2\"; expected a ';'-separated list of action plan codes such as 2.13: "
        "the number 2.2 may be the code 2.2 or 2.20 (Excel drops trailing zeros from numbers); format the column "
        "as Text and type the code",
        'action_plan!A2 (code): found "3.1"; expected a course of action code such as 2.13: the number 3.1 may '
        "be the code 3.1 or 3.10 (Excel drops trailing zeros from numbers); format the column as Text and type "
        "the code",
    ]


@case("headers_with_units")
def headers_with_units(path: Path) -> list[str]:
    """Headers as people write them: a unit in brackets after a line break, an en dash, a
    required mark; a misspelled header is a warning naming the closest column."""
    head = ["ID *", "Nombre", "Sector", "Influence\n(1-5)", "Interés (1–5)", "Rols"]
    rows = [["ACT1", "Fundación Ejemplo (ficticia)", "civil_society", 4, 5, "donor"]]
    save(path, {"stakeholders": [head, *rows]})
    return [
        'warning: stakeholders!F1: found "Rols"; expected a column of the stakeholders sheet: this column is not '
        'in the contract and is ignored (did you mean "roles"?)'
    ]


@case("merged_data_cells")
def merged_data_cells(path: Path) -> list[str]:
    """The sector merged down three rows (Excel keeps it in the first only): read for each row.
    A name merged across two columns leaves the next column blank: the error names the merge."""
    rows = [
        S_HEAD[:4],
        ["ACT1", "Uno (ficticio)", "academia", "national"],
        ["ACT2", "Dos (ficticio)", None, "state"],
        ["ACT3", "Tres (ficticio)", None, "national"],
        ["ACT4", "Cuatro, un nombre muy largo (ficticio)", None, None],
    ]
    save(path, {"stakeholders": rows}, merged={"stakeholders": ["C2:C4", "B5:C5"]})
    return [
        'stakeholders!C5 (sector): found ""; expected one of the sector vocabulary (federal_government, '
        "legislature, local_government, private_sector, financial_sector, academia, civil_society, "
        "international_cooperation, un_system, media, other) (required) (the cell is part of the merged cells "
        "B5:C5)"
    ]


@case("excel_error_values")
def excel_error_values(path: Path) -> list[str]:
    """Cells showing Excel errors: #REF! saved as an error value, #N/A pasted as text."""
    stake = [list(r) for r in S_ROWS]
    stake[0][1] = "=#REF!"
    head = S_HEAD + ["mandate"]
    stake = [r + [None] for r in stake]
    stake[2][-1] = "#N/A"
    save(path, {"stakeholders": [head, *stake]})
    patch_zip(
        path,
        "xl/worksheets/sheet1.xml",
        lambda d: d.replace(b'<c r="B2"><f>#REF!</f><v /></c>', b'<c r="B2" t="e"><f>#REF!</f><v>#REF!</v></c>'),
    )
    return [
        'stakeholders!B2 (name): found "#REF!"; expected a value, not an Excel error value: the formula or link '
        "behind this cell is broken; fix it in Excel or type the value",
        'stakeholders!K4 (mandate): found "#N/A"; expected a value, not an Excel error value: the formula or link '
        "behind this cell is broken; fix it in Excel or type the value",
    ]


@case("google_forms_headers")
def google_forms_headers(path: Path) -> list[str]:
    """Responses as Google Forms exports them: a Timestamp column and the full question text as
    headers; checkbox answers joined by ", " with an option that holds a comma itself."""
    questions = [
        SQ_HEAD,
        ["P1", "dialogue", "¿Existe un espacio de diálogo?", "choice", "Sí; No"],
        ["P2", "collaboration", "¿En qué temas colaboran?", "multi", "Salud; Agua, saneamiento; Educación"],
    ]
    responses = [
        ["Marca temporal", "respondent", "sector", "¿Existe un espacio de diálogo?", "¿En qué temas colaboran?"],
        ["2024-05-02 10:11:12", "R1", "academia", "Sí", "Salud, Agua, saneamiento"],
        ["2024-05-02 11:00:00", "R2", "media", "No", "Agua, saneamiento, Educación"],
    ]
    save(path, minimal(survey_questions=questions, survey_responses=responses))
    return [
        'warning: survey_responses!A1: found "Marca temporal"; expected a column of the survey_responses sheet: '
        "this column is not in the contract and is ignored"
    ]


@case("survey_headers_match_nothing")
def survey_headers_match_nothing(path: Path) -> list[str]:
    """Response columns headed neither by the question ids nor by their text: one error, not a
    run that reads no answer and exits 0."""
    questions = [SQ_HEAD, ["P1", "dialogue", "¿Existe un espacio de diálogo?", "choice", "Sí; No"]]
    responses = [["respondent", "sector", "Pregunta 1"], ["R1", "academia", "Sí"]]
    save(path, minimal(survey_questions=questions, survey_responses=responses))
    return [
        'warning: survey_responses!C1: found "Pregunta 1"; expected a column of the survey_responses sheet: this '
        "column is not in the contract and is ignored",
        "survey_responses!1: expected a column per survey question, headed by its id (P1, ...) or its text as in "
        "survey_questions: no column of row 1 matches any of the questions, so no answer could be read",
    ]


@case("blank_optional_cells")
def blank_optional_cells(path: Path) -> list[str]:
    """Blank optional references beside filled ones (pandas reads them as NaN): never "nan",
    never an error; two blank required ids are two blanks, not a duplicate."""
    partnerships = [
        P_HEAD,
        ["ALI1", "Alianza Uno (ficticia)", "implementation", "ACT1", "ACT2", "5", None, "2024-01-15", "active"],
        ["ALI2", "Alianza Dos (ficticia)", None, None, None, None, None, None, None],
        [None, "Alianza Tres (ficticia)"],
        [None, "Alianza Cuatro (ficticia)"],
    ]
    save(path, minimal(partnerships=partnerships))
    return [
        "partnerships!A4 (id): found \"\"; expected a code of letters, digits, '_', '-' or '.' (required)",
        "partnerships!A5 (id): found \"\"; expected a code of letters, digits, '_', '-' or '.' (required)",
    ]


@case("invisible_characters")
def invisible_characters(path: Path) -> list[str]:
    """Ids and a header pasted from a web page: a byte order mark and zero-width spaces,
    shown in the warnings and removed, so the ties still find their stakeholders."""
    head = ["\ufeffid", *S_HEAD[1:]]
    stake = [list(r) for r in S_ROWS]
    stake[0][0], stake[1][0] = "ACT1\u200b", "\u200bACT2"
    save(path, {"stakeholders": [head, *stake], "ties": [T_HEAD, ["ACT1", "ACT2"]]})
    return [
        'warning: stakeholders!A1: found "<U+FEFF>id"; expected no invisible characters: U+FEFF (zero width '
        "no-break space) removed (pasted from a web page or a PDF?)",
        'warning: stakeholders!A2 (id): found "ACT1<U+200B>"; expected no invisible characters: U+200B (zero '
        "width space) removed, here and in 1 more cell of this column (A3) (pasted from a web page or a PDF?)",
    ]


@case("totals_row")
def totals_row(path: Path) -> list[str]:
    """A totals row under the table, as analysts add one: skipped with a warning."""
    save(path, {"stakeholders": [S_HEAD, *S_ROWS, ["Total", None, None, None, None, None, 9, 11]]})
    return [
        'warning: stakeholders!A5: found "Total"; expected a record in each row: row 5 looks like a totals row '
        "and was skipped (partnerlab counts and sums for itself); delete it"
    ]


@case("description_row")
def description_row(path: Path) -> list[str]:
    """A second header row of descriptions under the column names: one line, not one per cell."""
    desc = [
        "Código",
        "Nombre completo",
        "Sector (lista)",
        "Ámbito territorial",
        "Estados",
        "Aliados",
        "Influencia del 1 al 5",
        "Interés del 1 al 5",
        "Roles",
        "Correo",
    ]
    save(path, {"stakeholders": [S_HEAD, desc, *S_ROWS]})
    return [
        "stakeholders!A2: expected data from row 2 on: row 2 looks like a second header row of descriptions "
        '("Código", "Nombre completo", "Sector (lista)", "Ámbito territorial", "Estados", "Aliados", '
        '"Influencia del 1 al 5", "In…); delete it, the column names in row 1 are enough'
    ]


@case("second_header_row")
def second_header_row(path: Path) -> list[str]:
    """Two header rows (grouped headings above, names below), the required sector only in row 2."""
    top = ["id", "name", "Clasificación", None]
    below = [None, None, "sector", "scope"]
    save(path, {"stakeholders": [top, below, ["ACT1", "Uno (ficticio)", "academia", "national"]]})
    return [
        'stakeholders!C2 (sector): found "sector"; expected a column "sector" in row 1: it stands in row 2, '
        "a second header row; put every column's name in row 1 and delete the rows between the headers and the data"
    ]


@case("helper_formula_column")
def helper_formula_column(path: Path) -> list[str]:
    """A helper formula column dragged down 200 rows, saved by a script without results: one
    warning (the column is not read, formulas or not); a contract column of formulas: one error for the range."""
    head = [*S_HEAD, "ayuda"]
    rows = [
        [
            f"A{n}",
            f"Actor {n} (ficticio)",
            "academia",
            None,
            None,
            None,
            f"=1+{n % 4}",
            3,
            None,
            None,
            f"=A{n + 1}&B{n + 1}",
        ]
        for n in range(2, 202)
    ]
    save(path, {"stakeholders": [head, *rows]})
    return [
        'warning: stakeholders!K1: found "ayuda"; expected a column of the stakeholders sheet: this column is not '
        "in the contract and is ignored",
        'stakeholders!G2:G201 (influence): found "=1+2"; expected a value: this formula has no saved result (nor do '
        "the other 199 cells of this range); open the file in Excel, let it calculate and save it again (or type the value)",
    ]


@case("opendocument", suffix=".ods")
def opendocument(path: Path) -> list[str]:
    """An OpenDocument spreadsheet (LibreOffice Calc's own format): named, with how to save as .xlsx."""
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr(
            "content.xml",
            '<?xml version="1.0"?><office:document-content '
            'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>',
        )
    return [
        "expected an .xlsx workbook: this is an OpenDocument spreadsheet (.ods, as LibreOffice Calc saves by "
        "default); open it in LibreOffice Calc and use File > Save As with the type Excel 2007-365 (.xlsx)"
    ]


# ---------------------------------------------------------------------------------------


def build(name: str, folder: Path) -> tuple[Path, list[str]]:
    """Build one case into folder; return its path and expected lines."""
    fn, suffix = CASES[name]
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}{suffix}"
    return path, fn(path)


def expected_exit(lines: list[str]) -> int:
    """1 when any line is an error (not 'warning: '), else 0."""
    return 1 if any(not line.startswith("warning: ") for line in lines) else 0


def main(out: Path) -> None:
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    (out / "README.md").write_text(
        "Broken and awkward workbooks, written by scripts/make_corpus.py (do not edit by hand).\n"
        "CASE.expected: the first line is `# exit N`, then the exact lines `partnerlab validate` prints,\n"
        "without the leading `FILE: `. The docstring of each case in the script says what it shows.\n"
        "zip_bomb and million_rows are built by the tests in a temporary folder (too big to commit).\n",
        encoding="utf-8",
    )
    for name in CASES:
        if name in BIG:
            continue
        path, lines = build(name, out)
        doc = " ".join((CASES[name][0].__doc__ or "").split())
        text = [f"# exit {expected_exit(lines)}", f"# {doc}", *lines]
        (out / f"{name}.expected").write_text("\n".join(text) + "\n", encoding="utf-8")
    print(f"wrote {len(CASES) - len(BIG)} cases to {out} ({len(BIG)} more built by the tests)")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "tests" / "corpus")
