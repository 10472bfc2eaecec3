"""Every report notebook is paired with a py:percent file (jupytext) and the two say the same.

    python scripts/check_notebook_pairs.py          # check (a pre-commit hook: `make lint`, `make test`)
    python scripts/check_notebook_pairs.py --fix    # bring each pair in step: the newer file wins

Reviews read the .py: a diff of code and narrative, without JSON. The .ipynb stays the source
papermill runs and analysts open; `jupytext --sync notebooks/X.ipynb` updates whichever is older.
"""

from __future__ import annotations

import sys
from pathlib import Path

import jupytext
from jupytext.combine import combine_inputs_with_outputs

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
FORMAT = "py:percent"


def problems(folder: Path = NOTEBOOKS, fix: bool = False) -> list[str]:
    """What is out of step: a notebook without its pair, or a pair that says something else."""
    found = []
    for nb_path in sorted(folder.glob("*.ipynb")):
        py_path = nb_path.with_suffix(".py")
        nb = jupytext.read(nb_path)
        if fix and py_path.exists() and py_path.stat().st_mtime > nb_path.stat().st_mtime:
            nb = combine_inputs_with_outputs(jupytext.read(py_path), nb, fmt=FORMAT)  # the .py was edited
            jupytext.write(nb, nb_path, fmt="ipynb")
        expected = jupytext.writes(nb, fmt=FORMAT)
        if fix:
            py_path.write_text(expected, encoding="utf-8")
            continue
        if not py_path.exists():
            found.append(f"{nb_path.name}: no {py_path.name} (jupytext --set-formats ipynb,{FORMAT} {nb_path})")
        elif py_path.read_text(encoding="utf-8") != expected:
            found.append(f"{py_path.name} differs from {nb_path.name} (jupytext --sync {nb_path})")
    return found


if __name__ == "__main__":
    out = problems(fix="--fix" in sys.argv)
    for line in out:
        print(line)
    sys.exit(1 if out else 0)
