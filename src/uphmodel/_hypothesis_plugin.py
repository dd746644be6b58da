"""Registers uphmodel's strategies with Hypothesis (loaded through the ``hypothesis`` entry point).

Hypothesis runs the hook while it is being imported, possibly because :mod:`uphmodel.strategies`
is importing it; so the hook imports nothing of Hypothesis' or ours at module level and defers
building the strategies until they are first used.
"""

from __future__ import annotations

from typing import Any


def _hypothesis_setup_hook() -> None:
    from hypothesis import strategies as st

    from uphmodel._period import Period, Span
    from uphmodel.model import Plan

    def strategy(name: str) -> Any:
        def build() -> Any:
            from uphmodel import strategies

            return getattr(strategies, name)()

        return st.deferred(build)

    st.register_type_strategy(Plan, strategy("plans"))
    st.register_type_strategy(Period, strategy("periods"))
    st.register_type_strategy(Span, strategy("spans"))
