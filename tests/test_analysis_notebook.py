"""docs/analysis.ipynb executes, and says what it says: every text output is the stored one."""

from __future__ import annotations

import copy

import pytest

from .conftest import ROOT

nbformat = pytest.importorskip("nbformat", reason="the test extra installs nbformat")
nbclient = pytest.importorskip("nbclient", reason="the test extra installs nbclient")
pytest.importorskip("ipykernel", reason="the test extra installs ipykernel")

PATH = ROOT / "docs" / "analysis.ipynb"


def _texts(cell: dict) -> list[str]:  # type: ignore[type-arg]
    """What a cell printed and returned, as text (images and HTML aside)."""
    out = []
    for output in cell.get("outputs", []):
        if output["output_type"] == "stream" and output["name"] == "stdout":
            out.append(output["text"])
        elif output["output_type"] in ("execute_result", "display_data"):
            out.append(output["data"].get("text/plain", ""))
        elif output["output_type"] == "error":
            out.append(f"{output['ename']}: {output['evalue']}")
    return out


def test_the_notebook_runs_and_its_outputs_are_current() -> None:
    import pandas

    stored = nbformat.read(PATH, as_version=4)
    fresh = copy.deepcopy(stored)
    client = nbclient.NotebookClient(
        fresh, timeout=300, kernel_name="python3",
        resources={"metadata": {"path": str(PATH.parent)}},
    )  # fmt: skip
    client.execute()  # raises CellExecutionError naming the cell that failed
    same_pandas = stored.metadata.get("uphmodel", {}).get("pandas") == pandas.__version__
    code = [(old, new) for old, new in zip(stored.cells, fresh.cells, strict=True)
            if old.cell_type == "code"]  # fmt: skip
    assert all(_texts(new) for _, new in code[1:]), "every cell after the first shows something"
    for old, new in code:
        if same_pandas or "pd." not in old.source:
            assert _texts(new) == _texts(old), (
                f"the output of this cell changed; run python tools/gen_notebook.py\n{old.source}"
            )
    pictures = [o for _, new in code for o in new.outputs if "image/png" in o.get("data", {})]
    assert pictures, "the progress plot is shown"
