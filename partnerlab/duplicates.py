"""Likely duplicate stakeholders: names that match once case, accents, punctuation and common words are ignored.

Analysts copy rows between workbooks, so the same institution often appears twice:
"Secretaría de Hacienda y Crédito Público" and "SECRETARIA DE HACIENDA Y CREDITO PUBLICO",
or "Secretaría de Hacienda y Crédito Público (SHCP)" and a row named "SHCP". These are
warnings, never errors: two state offices of one institution may rightly be two rows.

>>> name_key("Secretaría de Hacienda y Crédito Público (SHCP)")
'secretaria hacienda credito publico'
>>> acronym("Secretaría de Hacienda y Crédito Público (SHCP)")
'shcp'
"""

from __future__ import annotations

import re
import unicodedata

import pandas as pd

__all__ = ["COMMON_WORDS", "name_key", "acronym", "find_duplicates"]

# Words that carry no identity in an institution's name (Spanish and English articles,
# prepositions, conjunctions). Kept short on purpose: "nacional" or "instituto" do
# distinguish institutions.
COMMON_WORDS = frozenset(
    """
a al and de del e el en for la las lo los of para por the to y
""".split()
)

_BRACKETS = re.compile(r"[(\[]([^)\]]*)[)\]]")


def name_key(name: object) -> str:
    """A name folded for comparison: no accents, case, punctuation, bracketed text or common words."""
    text = _BRACKETS.sub(" ", _plain(name))
    words = re.findall(r"[a-z0-9]+", text)
    return " ".join(w for w in words if w not in COMMON_WORDS)


def acronym(name: object) -> str | None:
    """The acronym a name gives in brackets ("... (SHCP)" -> "shcp"), or None.

    Only a single word of 2-12 letters or digits counts, so "(fictional)" does too but
    does no harm: it matches only a stakeholder named exactly "fictional".
    """
    for inside in _BRACKETS.findall(_plain(name)):
        words = re.findall(r"[a-z0-9]+", inside)
        if len(words) == 1 and 2 <= len(words[0]) <= 12:
            return words[0]
    return None


def find_duplicates(stakeholders: pd.DataFrame) -> pd.DataFrame:
    """Pairs of stakeholders that are probably the same institution.

    Args:
        stakeholders: a table with `id`, `name` and `row` (as the loader gives it).

    Returns:
        One row per pair, the earlier row first: id_a, name_a, row_a, id_b, name_b,
        row_b, reason ("same name" or "acronym"). Empty (with those columns) when none.
    """
    cols = ["id_a", "name_a", "row_a", "id_b", "name_b", "row_b", "reason"]
    pairs: list[tuple] = []
    seen: set[tuple[int, int]] = set()
    first_by_key: dict[str, int] = {}
    by_acronym: dict[str, list[int]] = {}
    records = list(stakeholders[["id", "name", "row"]].itertuples(index=False))
    for j, rec in enumerate(records):
        if rec.name is None or (isinstance(rec.name, float) and rec.name != rec.name):
            continue
        key = name_key(rec.name)
        if key:
            i = first_by_key.setdefault(key, j)
            if i != j:
                pairs.append(_pair(records[i], rec, "same name"))
                seen.add((i, j))
        acr = acronym(rec.name)
        if acr:
            by_acronym.setdefault(acr, []).append(j)
    for j, rec in enumerate(records):  # a row named exactly like another row's acronym
        if rec.name is None or (isinstance(rec.name, float) and rec.name != rec.name):
            continue
        for i in by_acronym.get(name_key(rec.name), []):
            a, b = sorted((i, j))
            if a != b and (a, b) not in seen:
                seen.add((a, b))
                pairs.append(_pair(records[a], records[b], "acronym"))
    out = pd.DataFrame(pairs, columns=cols)
    return out.sort_values(["row_b", "row_a"], kind="stable").reset_index(drop=True)


def _plain(name: object) -> str:
    text = unicodedata.normalize("NFKD", str(name)).replace("\u00a0", " ")
    return "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()


def _pair(a, b, reason: str) -> tuple:
    return (a.id, a.name, int(a.row), b.id, b.name, int(b.row), reason)
