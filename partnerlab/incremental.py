"""Incremental runs: a report's page is reused when nothing it depends on has changed.

A page depends on the code that made it (the package's files, the notebook, the versions of
the libraries), its parameters and language, the files its parameters name, and the data it
read: the sheets whose tables the notebook asked for (noted by the Workbook while it runs,
`workbook.read_sheets`), with the file's name, the about sheet and those sheets' warnings
(`Workbook.digest`). A report that lists the others (the overview) also depends on that list.
All of it goes into one sha256, the report's key, kept in the manifest with the sheets read.

A page that shows what a function of the workbook computes (the alerts of the consistency
rules, a partner's verdict) depends on that result, not on every sheet the function reads: such
functions are marked `workbook.derived`, the page's reads name the call ("=" and JSON), and the
key holds the digest of its result (`DataDigests`). The batch evaluates a call itself only when
a sheet behind it changed since the previous run; the manifest keeps, per call, its result's
digest and the digest of what it read (`run.derived`). So an edit of the action plan re-runs the
pages that show the action plan, and a partner's page only when its alerts or verdict change.

The next run into the same folder computes each report's key again over the sheets the
previous run saw it read; where the key is the same and the previous page is there, the page
and its executed notebook are copied instead of run (`reused` in the manifest and the index).
Reuse never crosses portfolios, languages or package versions: each is part of the key.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from functools import lru_cache
from pathlib import Path

from partnerlab.workbook import evaluate_derived, file_sha256, reads_digest

__all__ = [
    "VOLATILE_PARAMS",
    "DataDigests",
    "code_fingerprint",
    "job_key",
    "listing_digest",
    "previous_manifest",
    "reusable",
]

# Parameters that name where this run keeps things, not what a page shows.
VOLATILE_PARAMS = frozenset({"processed", "batch", "workbook"})
_LISTING_FIELDS = ("name", "report", "status", "titles", "outputs", "notes")


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """sha256 of every file of the installed partnerlab package (code, templates, styles)."""
    root = Path(__file__).resolve().parent
    h = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        h.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


class DataDigests:
    """The digest of what a page read, over one run's workbook: sheets, and derived reads.

    A derived read's result is evaluated here only when what it read (kept from the previous run,
    `previous` = that run's `run.derived`) has changed, or was never seen; `now` is what this
    run's manifest keeps. A call that cannot be evaluated gets a digest of its own that matches
    no key, so its page is run.
    """

    def __init__(self, wb, previous: dict | None = None):
        self.wb = wb
        self.previous = previous if isinstance(previous, dict) else {}
        self.now: dict[str, dict] = {}
        self._results: dict = {}  # derived results evaluated here, for the calls that use them
        self._reported: dict[str, dict] = {}  # digests the reports' kernels computed (`learn`)

    def learn(self, digests: dict | None) -> None:
        """Take the digests of derived calls a report computed in its kernel on this run's workbook
        (`workbook.derived_digests`), so they need no evaluation here."""
        for read, entry in (digests or {}).items():
            if (
                isinstance(entry, dict)
                and isinstance(entry.get("result"), str)
                and isinstance(entry.get("reads"), list)
            ):
                self._reported.setdefault(read, {"result": entry["result"], "reads": list(entry["reads"])})

    def of(self, reads: list[str] | tuple[str, ...] | set[str]) -> str:
        """sha256 of the sheets and derived results in `reads`."""
        return reads_digest(self.wb, reads, self.result)

    def result(self, read: str) -> str:
        """The digest of a derived read's result on this run's workbook."""
        if read in self.now:
            return self.now[read]["result"]
        before = self.previous.get(read)
        if (
            isinstance(before, dict)
            and isinstance(before.get("reads"), list)
            and isinstance(before.get("result"), str)
            and before.get("data") == self.of(before["reads"])
        ):
            self.now[read] = before
            return before["result"]
        if read in self._reported:
            result, inner = self._reported[read]["result"], self._reported[read]["reads"]
        else:
            try:
                result, inner = evaluate_derived(self.wb, read, self._results)
            except Exception:  # an unknown function, a changed signature, ...: run the page
                return "unknown " + secrets.token_hex(16)
        self.now[read] = {"result": result, "reads": inner, "data": self.of(inner)}
        return result


def job_key(
    wb, params: dict, notebook: str | Path, lang: str, reads: list[str], versions: dict, listing: str | None = None
) -> str:
    """The key of one report's page: equal keys give the same page.

    Args:
        wb: The loaded Workbook of this run, or its `DataDigests`.
        params: The report's parameters as the notebook receives them.
        notebook: The notebook file.
        lang: The page language.
        reads: The sheet keys and derived reads of the report (its previous run's, to check for reuse).
        versions: Package versions of the run (`batch._versions()`).
        listing: For a report that lists the others, `listing_digest` of that list.
    """
    data = wb if isinstance(wb, DataDigests) else DataDigests(wb)
    own = {k: v for k, v in sorted(params.items()) if k not in VOLATILE_PARAMS}
    files = {k: file_sha256(v) for k, v in own.items() if isinstance(v, str) and v and Path(v).is_file()}
    payload = {
        "code": code_fingerprint(),
        "notebook": file_sha256(str(notebook)),
        "versions": versions,
        "lang": lang,
        "params": own,
        "files": files,
        "reads": sorted(reads),
        "data": data.of(reads),
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
    return bool(
        previous
        and previous.get("status") == "ok"
        and previous.get("key") == key
        and previous.get("outputs")
        and all((out / name).is_file() for name in previous["outputs"])
    )
