"""Write the JSON Schemas the package ships (``src/uphmodel/formats/KIND.schema.json``).

Run ``python tools/gen_schemas.py`` after a change to the model; the test suite fails when a
shipped schema differs from the one generated from the model.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from uphmodel.formats._schema import schema_text  # noqa: E402

FOLDER = ROOT / "src" / "uphmodel" / "formats"
KINDS = ("plan", "framework", "crosswalk")

if __name__ == "__main__":
    for kind in KINDS:
        target = FOLDER / f"{kind}.schema.json"
        target.write_text(schema_text(kind), encoding="utf-8")
        print(f"wrote {target}", file=sys.stderr)
