"""Shared fixtures: the bundled sample, loaded once per test session."""

from __future__ import annotations

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
