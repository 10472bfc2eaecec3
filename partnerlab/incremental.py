"""Incremental runs: a report's page is reused when nothing it depends on has changed.

A page depends on the code that made it (the package's files, the notebook, the versions of
the libraries), its parameters and language, the files its parameters name, and the data it
read: the sheets whose tables the notebook asked for (noted by the Workbook while it runs,
`workbook.read_sheets`), with the file's name, the about sheet and those sheets' warnings
(`Workbook.digest`). A report that lists the others (the overview) also depends on that list.
All of it goes into one sha256, the report's key, kept in the manifest with the sheets read.

The next run into the same folder computes each report's key again over the sheets the
previous run saw it read; where the key is the same and the previous page is there, the page
and its executed notebook are copied instead of run (`reused` in the manifest and the index).
Reuse never crosses portfolios, languages or package versions: each is part of the key.
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path

from partnerlab.workbook import file_sha256

__all__ = ["VOLATILE_PARAMS", "code_fingerprint", "job_key", "listing_digest", "previous_manifest", "reusable"]

# Parameters that name where this run keeps things, not what a page shows.
VOLATILE_PARAMS = frozenset({"processed", "batch", "workbook"})
_LISTING_FIELDS = ("name", "report", "status", "title_en", "title_es", "outputs", "note_en", "note_es")


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """sha256 of every file of the installed partnerlab package (code, templates, styles)."""
    root = Path(__file__).resolve().parent
    h = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        h.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def job_key(wb, params: dict, notebook: str | Path, lang: str, reads: list[str], versions: dict,
            listing: str | None = None) -> str:
    """The key of one report's page: equal keys give the same page.

    Args:
        wb: The loaded Workbook of this run.
        params: The report's parameters as the notebook receives them.
        notebook: The notebook file.
        lang: The page language.
        reads: The sheet keys the report read (its previous run's, to check for reuse).
        versions: Package versions of the run (`batch._versions()`).
        listing: For a report that lists the others, `listing_digest` of that list.
    """
    own = {k: v for k, v in sorted(params.items()) if k not in VOLATILE_PARAMS}
    files = {k: file_sha256(v) for k, v in own.items() if isinstance(v, str) and v and Path(v).is_file()}
    payload = {
        "code": code_fingerprint(), "notebook": file_sha256(str(notebook)), "versions": versions,
        "lang": lang, "params": own, "files": files, "reads": sorted(reads), "data": wb.digest(reads),
        "listing": listing,
    }
    return hashlib.sha256(json.dumps(payload, sort_keys=True, default=str).encode()).hexdigest()


def listing_digest(records: list[dict]) -> str:
    """sha256 of what a listing report shows of the others: names, titles, status, notes."""
    rows = [[rec.get(f) for f in _LISTING_FIELDS] for rec in records]
    return hashlib.sha256(json.dumps(rows, default=str).encode()).hexdigest()


def previous_manifest(out: Path) -> dict:
    """The manifest of the previous run into out ({} if there is none or it cannot be read)."""
    try:
        doc = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return doc if isinstance(doc, dict) and isinstance(doc.get("reports", []), list) else {}


def reusable(previous: dict | None, key: str, out: Path) -> bool:
    """Whether the previous run's page of a report can stand for this run's."""
    return bool(previous and previous.get("status") == "ok" and previous.get("key") == key
                and previous.get("outputs") and all((out / name).is_file() for name in previous["outputs"]))
