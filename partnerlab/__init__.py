"""partnerlab: strategic partnership intelligence from one Excel workbook."""

__version__ = "0.1.0"
