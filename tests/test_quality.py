"""The code stays typed (mypy --strict) and lint-clean (ruff); the layers do not reach upward."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

SRC = ROOT / "src" / "uphmodel"


def _tool(name: str) -> list[str]:
    if shutil.which(name, path=str(Path(sys.executable).parent)) is None:
        pytest.skip(f"{name} is not installed (pip install -e '.[test]')")
    return [str(Path(sys.executable).parent / name)]


def test_mypy_strict_is_clean() -> None:
    done = subprocess.run(
        [*_tool("mypy"), "--strict", "src"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_ruff_is_clean() -> None:
    lint = subprocess.run(
        [*_tool("ruff"), "check", "src", "tests", "tools", "benchmarks"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert lint.returncode == 0, lint.stdout + lint.stderr
    fmt = subprocess.run(
        [*_tool("ruff"), "format", "--check", "src", "tests", "tools", "benchmarks"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert fmt.returncode == 0, fmt.stdout + fmt.stderr


# The model layer: these modules of the package, and every module of uphmodel.model. They may
# import only each other.
MODEL_LAYER = {
    "_frozen", "_gc", "_limits", "_period", "_errors", "_text", "_tree", "_typed", "model",
}  # fmt: skip
MODEL_FILES = sorted(
    [SRC / f"{name}.py" for name in MODEL_LAYER if (SRC / f"{name}.py").exists()]
    + list((SRC / "model").glob("*.py")),
)


@pytest.mark.parametrize("path", MODEL_FILES, ids=lambda p: str(p.relative_to(SRC)))
def test_model_layer_does_no_io_and_imports_nothing_above_it(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    imported: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module)
        elif isinstance(node, ast.Import):
            imported.update(alias.name for alias in node.names)
    own = {name.split(".")[1] for name in imported if name.startswith("uphmodel.")}
    assert own <= MODEL_LAYER, own - MODEL_LAYER
    assert not imported & {"json", "cattrs", "os", "pathlib", "io", "tempfile"}
    calls = {
        n.func.id
        for n in ast.walk(tree)
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)
    }
    assert "open" not in calls and "print" not in calls


def test_no_module_outgrows_a_readers_attention() -> None:
    """A module past ~800 lines is a sign to split it."""
    long = {
        str(p.relative_to(SRC)): n
        for p in SRC.rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > 800
    }
    assert not long, long


# The layers above the model, lowest first: a module may import its own layer and those below.
LAYERS = ["regions", "formats", "kolada", "analysis", "rendering", "cli"]


@pytest.mark.parametrize("layer", LAYERS)
def test_no_layer_reaches_upward(layer: str) -> None:
    above = set(LAYERS[LAYERS.index(layer) + 1 :])
    for path in sorted((SRC / layer).glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = (
                [node.module or ""] if isinstance(node, ast.ImportFrom)
                else [a.name for a in node.names] if isinstance(node, ast.Import) else []
            )  # fmt: skip
            for name in names:
                parts = name.split(".")
                assert not (parts[0] == "uphmodel" and len(parts) > 1 and parts[1] in above), (
                    f"{path.relative_to(SRC)} imports {name}"
                )


def test_every_public_name_resolves_and_import_is_light() -> None:
    """``import uphmodel`` loads its parts on first use (PEP 562): every name of ``__all__``
    resolves, and importing the package alone imports none of the heavy parts."""
    code = (
        "import sys, uphmodel\n"
        "heavy = [m for m in ('uphmodel._json', 'uphmodel.model', 'uphmodel.rules', "
        "'uphmodel.analysis', 'uphmodel.formats', 'cattrs') if m in sys.modules]\n"
        "assert not heavy, heavy\n"
        "missing = [n for n in uphmodel.__all__ if not hasattr(uphmodel, n)]\n"
        "assert not missing, missing\n"
        "assert set(uphmodel.__all__) <= set(dir(uphmodel))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
