"""The ``uphmodel`` command line.

``uphmodel summary PLAN`` prints what a plan holds (PLAN is a file or the name of a bundled
example), ``uphmodel validate PLAN...`` reports what is wrong with plans, ``uphmodel allocate
TOTAL --key KEY`` splits money exactly, ``uphmodel diff OLD NEW`` shows what changed between
two versions, ``uphmodel convert-framework PLAN --to ID`` restates a plan's codes in another
framework, ``uphmodel frameworks [ID]`` lists the built-in frameworks or one's codes,
``uphmodel migrate IN [OUT]`` brings a document of an older schema version up to date,
``uphmodel examples`` lists the bundled examples, ``uphmodel fmt FILE...`` rewrites files in
canonical form (``--check`` only reports), ``uphmodel convert IN OUT`` converts a plan between
JSON, a workbook, CSV files and Parquet, ``uphmodel schema`` prints the JSON Schema,
``uphmodel template OUT.xlsx`` writes an empty workbook to fill in and ``uphmodel redact IN OUT``
writes a plan without personal data, with an audit of what it removed. A plan on the command line
may be in any of those formats.

``-`` in place of a file means standard input where a command reads a plan or document (a JSON
document: other formats are files or folders; one argument at most may be ``-``) and standard
output where it writes one (JSON): ``uphmodel convert plan.xlsx -``, ``uphmodel fmt - < a.json``,
``uphmodel migrate old.json -``.

Exit status:

- 0: all went well;
- 1: findings: ``validate`` found errors, ``diff`` found differences or ``fmt --check`` found a
  file that is not canonical;
- 2: a usage or input error: a bad option, a file that cannot be read, written or used — one
  line on standard error starting with ``uphmodel:`` (or a plan's problems, one a line, after
  ``cannot load FILE: N problems``);
- 3: an internal error, a bug: one line ``uphmodel: internal error: …``; with the environment
  variable ``UPHMODEL_DEBUG=1`` the traceback is printed too;
- 130: interrupted (Ctrl-C): ``uphmodel: interrupted``.
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
import warnings
from collections.abc import Sequence

from uphmodel import __version__
from uphmodel._errors import LoadError, UphError
from uphmodel._upgrade import SchemaWarning
from uphmodel.cli import _allocate, _formats, _frameworks, _plans, _privacy
from uphmodel.cli._common import CommandError, reset_stdin

__all__ = ["main"]


#: Exit statuses (also in the module's docstring and in docs/getting-started.md).
OK, FINDINGS, INPUT_ERROR, INTERNAL_ERROR, INTERRUPTED = 0, 1, 2, 3, 130

EPILOG = """\
'-' as a file: standard input where a plan or document is read (JSON only; one
argument at most), standard output where one is written (JSON).

exit status:
  0    all went well
  1    findings: validate found errors, diff found differences, fmt --check found
       a file that is not canonical
  2    usage or input error: a bad option, or a file that cannot be read, written
       or used (the reason on standard error)
  3    internal error, a bug: please report it (UPHMODEL_DEBUG=1 shows the
       traceback)
  130  interrupted (Ctrl-C)
"""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="uphmodel",
        description="Read, check and convert Swedish mental-health action plans.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"uphmodel {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in (_plans, _allocate, _frameworks, _formats, _privacy):
        module.register(commands)
    return parser


def _show_warning(
    message: Warning | str, category: type[Warning], *_args: object, **_kwargs: object
) -> None:
    print(f"uphmodel: warning: {message}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit status,
    also for a usage error (2) and for ``--help`` and ``--version`` (0), which argparse ends with
    ``SystemExit``."""
    reset_stdin()
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else INPUT_ERROR if exc.code else OK
    except KeyboardInterrupt:
        return _fail("interrupted", INTERRUPTED)
    with warnings.catch_warnings():
        warnings.simplefilter("always", SchemaWarning)
        warnings.showwarning = _show_warning
        return _run(args)


def _debug() -> bool:
    """Whether the environment asks for tracebacks: ``UPHMODEL_DEBUG`` set, and not to 0."""
    return os.environ.get("UPHMODEL_DEBUG", "") not in ("", "0")


def _one_line(message: str, limit: int = 2000) -> str:
    line = " ".join(part.strip() for part in message.splitlines() if part.strip())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def _fail(message: str, status: int) -> int:
    """Say on standard error why the command failed (with the traceback when debugging)."""
    if _debug() and sys.exc_info()[0] is not None:
        traceback.print_exc()
    print(f"uphmodel: {_one_line(message)}", file=sys.stderr)
    return status


def _run(args: argparse.Namespace) -> int:
    try:
        status: int = args.run(args)
    except BrokenPipeError:  # the reader went away (| head): stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1  # what Python itself does on a broken pipe
    except KeyboardInterrupt:
        return _fail("interrupted", INTERRUPTED)
    except LoadError as exc:  # the problems of a document, one a line
        if _debug():
            traceback.print_exc()
        print(exc, file=sys.stderr)
        return INPUT_ERROR
    except (CommandError, UphError) as exc:  # UphError: also UnknownFramework, MissingExtra
        return _fail(str(exc), INPUT_ERROR)
    except OSError as exc:  # reading or writing a file, where a command did not say which
        where = f"{exc.filename}: " if exc.filename else ""
        return _fail(f"{where}{exc.strerror or exc}", INPUT_ERROR)
    except UnicodeEncodeError as exc:  # standard output in an encoding without "å"
        return _fail(
            f"cannot write {exc.object[exc.start : exc.end]!r} in the {exc.encoding} encoding "
            "of the output; set PYTHONIOENCODING=utf-8",
            INPUT_ERROR,
        )
    except MemoryError:
        return _fail("out of memory: the input is too large", INPUT_ERROR)
    except Exception as exc:  # a bug: one line, the traceback with UPHMODEL_DEBUG=1
        return _fail(
            f"internal error: {type(exc).__name__}: {exc} (please report it; "
            "UPHMODEL_DEBUG=1 shows the traceback)",
            INTERNAL_ERROR,
        )
    return status


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
