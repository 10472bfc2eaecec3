"""Project paths, all derived from this file so nothing depends on the working directory."""

from pathlib import Path

__all__ = ["ROOT", "NOTEBOOKS", "DATA_RAW", "DATA_PROCESSED", "REPORTS", "SAMPLE_WORKBOOK"]

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
DATA_RAW = ROOT / "data" / "raw"
DATA_PROCESSED = ROOT / "data" / "processed"
REPORTS = ROOT / "reports"
SAMPLE_WORKBOOK = DATA_RAW / "sample_portfolio.xlsx"
