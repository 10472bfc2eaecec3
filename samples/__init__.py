"""Generators of the project's example data, kept out of the installed partnerlab package.

- `portfolio`: the bundled illustrative sample workbook, data/raw/sample_portfolio.xlsx
  (``python -m samples.portfolio``, part of ``make sample``).
- `history`: its 2023-2025 snapshots under data/raw/sample_history/ for the changes report
  (``python -m samples.history``, part of ``make sample``).
- `synthetic`: synthetic portfolios of any size for tests and benchmarks.

An analyst's installation (``pip install .``) holds only partnerlab: the reports read the
committed workbooks, never these generators. The tests import them from the repository root
(pytest's ``pythonpath``), the benchmarks and ``make sample`` run from it.
"""
