"""Plans in and out of other formats: tables, and what is built on them.

:func:`to_tables` lays a plan out as one table per kind of record, generated from the model;
:func:`from_tables` reads it back, exactly. On them: CSV with a data package
(:func:`write_csv`), workbooks (:func:`write_xlsx`, :func:`template`), DataFrames
(:func:`to_frames`), Arrow and Parquet (:func:`to_arrow`, :func:`write_parquet`), each read
back by its ``read_``/``from_`` twin; :func:`read_plans` reads any of them, told by name.
:func:`json_schema` describes the JSON documents.
"""

from __future__ import annotations

from uphmodel.formats._arrow import from_arrow, read_parquet, to_arrow, write_parquet
from uphmodel.formats._csv import read_csv, write_csv
from uphmodel.formats._files import FORMATS, format_of, plan_files, read_plans
from uphmodel.formats._frames import to_frames
from uphmodel.formats._schema import json_schema
from uphmodel.formats._tables import Table, from_tables, to_tables
from uphmodel.formats._xlsx import read_xlsx, template, write_xlsx

__all__ = [
    "FORMATS",
    "Table",
    "format_of",
    "from_arrow",
    "from_tables",
    "json_schema",
    "plan_files",
    "read_csv",
    "read_parquet",
    "read_plans",
    "read_xlsx",
    "template",
    "to_arrow",
    "to_frames",
    "to_tables",
    "write_csv",
    "write_parquet",
    "write_xlsx",
]
