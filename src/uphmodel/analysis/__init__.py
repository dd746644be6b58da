"""Analysis of plans: indicator progress, and portfolios of many plans.

Built on the model and the formats, never the other way round: nothing below imports this
package.
"""

from __future__ import annotations

from uphmodel.analysis._portfolio import Portfolio, PortfolioCheck, Unloaded
from uphmodel.analysis._progress import (
    IndicatorProgress,
    ProgressStatus,
    Trend,
    progress,
    progress_table,
)

__all__ = [
    "IndicatorProgress",
    "Portfolio",
    "PortfolioCheck",
    "ProgressStatus",
    "Trend",
    "Unloaded",
    "progress",
    "progress_table",
]
