"""Shared fixtures: the bundled sample, loaded once per test session; LibreOffice conversion."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from partnerlab import paths
from partnerlab.workbook import load_workbook

# tests/notebooks/ holds the batch runner's own test notebooks (one fails on purpose): not for nbval.
collect_ignore_glob = ["notebooks/*.ipynb"]


@pytest.fixture(scope="session")
def sample_wb():
    """The bundled sample workbook, loaded (skips only if the file is missing from the checkout)."""
    if not paths.SAMPLE_WORKBOOK.exists():
        pytest.fail(f"the bundled sample {paths.SAMPLE_WORKBOOK} is missing: run `make sample`")
    return load_workbook(paths.SAMPLE_WORKBOOK)


@pytest.fixture
def libreoffice(tmp_path):
    """convert(path, to, outdir) -> the file LibreOffice Calc writes (skips without LibreOffice).

    `to` is soffice's --convert-to argument ("pdf", "xlsx:Calc MS Excel 2007 XML"); the
    profile goes in a fresh HOME so runs do not share state.
    """
    if shutil.which("soffice") is None:
        pytest.skip("needs LibreOffice: .ci/install-system-packages.sh")

    def convert(path: Path, to: str, outdir: Path) -> Path:
        subprocess.run(
            ["soffice", "--headless", "--convert-to", to, "--outdir", str(outdir), str(path)],
            check=True,
            capture_output=True,
            timeout=180,
            env={**os.environ, "HOME": str(tmp_path)},
        )
        return outdir / f"{path.stem}.{to.split(':')[0]}"

    return convert
