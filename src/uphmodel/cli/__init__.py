"""The ``uphmodel`` command line.

``uphmodel summary PLAN`` prints what a plan holds (PLAN is a file or the name of a bundled
example), ``uphmodel validate PLAN...`` reports what is wrong with plans, ``uphmodel allocate
TOTAL --key KEY`` splits money exactly, ``uphmodel diff OLD NEW`` shows what changed between
two versions, ``uphmodel convert-framework PLAN --to ID`` restates a plan's codes in another
framework, ``uphmodel frameworks [ID]`` lists the built-in frameworks or one's codes,
``uphmodel migrate IN [OUT]`` brings a document of an older schema version up to date,
``uphmodel examples`` lists the bundled examples, ``uphmodel fmt FILE...`` rewrites files in
canonical form (``--check`` only reports), ``uphmodel convert IN OUT`` converts a plan between
JSON, a workbook, CSV files and Parquet, ``uphmodel schema`` prints the JSON Schema and
``uphmodel template OUT.xlsx`` writes an empty workbook to fill in. A plan on the command line
may be in any of those formats. Exit status: 0 when all went well, 1 when
``validate`` found errors, ``diff`` found differences or ``fmt --check`` found a file that is
not canonical, 2 when input could not be read or used.
"""

from __future__ import annotations

import argparse
import os
import sys
import warnings
from collections.abc import Sequence

from uphmodel import __version__
from uphmodel._errors import LoadError
from uphmodel._extras import MissingExtra
from uphmodel._upgrade import SchemaWarning
from uphmodel.cli import _allocate, _formats, _frameworks, _plans
from uphmodel.cli._common import Unreadable
from uphmodel.frameworks import UnknownFramework

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="uphmodel",
        description="Read, check and convert Swedish mental-health action plans.",
    )
    parser.add_argument("--version", action="version", version=f"uphmodel {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in (_plans, _allocate, _frameworks, _formats):
        module.register(commands)
    return parser


def _show_warning(
    message: Warning | str, category: type[Warning], *_args: object, **_kwargs: object
) -> None:
    print(f"uphmodel: warning: {message}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit status."""
    args = _parser().parse_args(argv)
    with warnings.catch_warnings():
        warnings.simplefilter("always", SchemaWarning)
        warnings.showwarning = _show_warning
        return _run(args)


def _run(args: argparse.Namespace) -> int:
    try:
        status: int = args.run(args)
    except BrokenPipeError:  # the reader went away (| head): stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except LoadError as exc:
        print(exc, file=sys.stderr)
        return 2
    except Unreadable as exc:
        print(f"uphmodel: {exc}", file=sys.stderr)
        return 2
    except (UnknownFramework, MissingExtra) as exc:
        print(f"uphmodel: {exc}", file=sys.stderr)
        return 2
    return status


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
