"""Mutated and hostile plan documents: reading raises only ``LoadError``, and every step after a
successful read returns normally (see ``tests/fuzzing.py``; ``tools/fuzz.py`` runs more)."""

from __future__ import annotations

import warnings

import pytest

from tests.fuzzing import fuzz

#: Cases per seed; the suite runs a few hundred, ``tools/fuzz.py`` as many as one likes.
CASES = 100


@pytest.mark.parametrize("seed", [11, 12, 13])
def test_mutated_documents_never_crash_a_public_function(seed: int) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # upgraded and newer documents warn, as they should
        crashed = [crash for _, _, crashes in fuzz(seed, CASES) for crash in crashes]
    assert not crashed, "\n".join(
        f"{c.name}: {c.step}: {c.error} ({c.where})" for c in crashed[:20]
    )
