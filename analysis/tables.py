"""The tidy tables: fixed columns, sorted rows, written as CSV (UTF-8) and Parquet.

A rerun on the same input gives the same bytes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq

# Each table: its columns in order, and the columns its rows are sorted by.
SCHEMAS: dict[str, tuple[list[str], list[str]]] = {
    "articles": (
        ["article_id", "source_file", "lang", "line_start", "line_end", "title", "date", "year_inferred", "year_source",
         "event_id", "text", "text_raw", "credits", "metadata"],
        ["source_file", "line_start"],
    ),
    "events": (
        ["event_id", "date", "year_inferred", "year_source", "event_type", "cameo_code", "principal_en", "principal_zh",
         "principal_role_en", "counterpart_en", "counterpart_zh", "counterpart_role_en", "counterpart_country",
         "counterpart_org", "source_file", "zh_article_id", "en_article_id", "title_en", "title_zh",
         "zh_lines", "en_lines"],
        ["date", "event_id"],
    ),
    "attendees": (
        ["event_id", "name_en", "name_zh", "role_en", "role_zh", "lang_seen", "source_file", "line"],
        ["event_id", "line", "name_en", "name_zh"],
    ),
    "event_topics": (
        ["event_id", "topic", "lang", "evidence", "source_file", "line"],
        ["event_id", "topic", "lang", "source_file", "line"],
    ),
    "event_sources": (
        ["event_id", "article_id", "source_file", "lang", "line_start", "line_end", "outlet", "how"],
        ["event_id", "source_file", "line_start"],
    ),
    "repairs": (
        ["source_file", "line", "kind", "before", "after"],
        ["source_file", "line", "kind", "before"],
    ),
    "diagnostics": (
        ["source_file", "line", "severity", "code", "message"],
        ["source_file", "line", "code", "message"],
    ),
}
INT_COLUMNS = {"line_start", "line_end", "line"}
BOOL_COLUMNS = {"year_inferred"}


@dataclass
class Tables:
    """The tables of one extract run, in the order of SCHEMAS."""

    articles: pd.DataFrame
    events: pd.DataFrame
    attendees: pd.DataFrame
    event_topics: pd.DataFrame
    repairs: pd.DataFrame
    diagnostics: pd.DataFrame
    # Every report of every engagement (an earlier run's folder may lack it).
    event_sources: pd.DataFrame = field(default_factory=lambda: frame("event_sources", []))

    def items(self) -> list[tuple[str, pd.DataFrame]]:
        return [(name, getattr(self, name)) for name in SCHEMAS]

    def write(self, out_dir: str | Path) -> list[Path]:
        """Write every table as CSV and Parquet into out_dir; returns the paths."""
        return [path for name, df in self.items() for path in write_table(df, name, out_dir)]


def frame(name: str, rows: list[dict]) -> pd.DataFrame:
    """A table with its fixed columns and sorted rows (missing values are empty strings)."""
    return _fixed(name, pa.Table.from_pylist(rows, schema=pa.schema((c, _arrow_type(c)) for c in SCHEMAS[name][0])))


def _arrow_type(column: str) -> pa.DataType:
    return pa.int64() if column in INT_COLUMNS else pa.bool_() if column in BOOL_COLUMNS else pa.large_string()


def _fixed(name: str, table: pa.Table) -> pd.DataFrame:
    """`table` as the DataFrame of table `name`: its columns in order and typed (a missing value
    is 0, false or an empty string), its rows sorted. Done in Arrow, which is faster than pandas."""
    columns, order = SCHEMAS[name]
    arrays = []
    for column in columns:
        kind = _arrow_type(column)
        array = table.column(column).cast(kind) if column in table.column_names else pa.nulls(len(table), kind)
        arrays.append(pc.fill_null(array, 0 if column in INT_COLUMNS else False if column in BOOL_COLUMNS else ""))
    return _sorted(pa.table(arrays, names=columns), order).to_pandas()


def _sorted(table: pa.Table, keys: list[str]) -> pa.Table:
    """`table` sorted by `keys`, not copied when its rows are in order already: the pipeline lists
    the articles in order, and copying their texts would be most of the cost of the tables."""
    order = pc.sort_indices(table, sort_keys=[(key, "ascending") for key in keys])
    return table if np.array_equal(order.to_numpy(), np.arange(len(table))) else table.take(order)


def write_table(df: pd.DataFrame, name: str, out_dir: str | Path) -> list[Path]:
    """Write `name.csv` (UTF-8, text in double quotes, `true`/`false`) and `name.parquet` into
    out_dir, both with Arrow (its CSV writer is many times faster than pandas'); returns the paths."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    csv_path, parquet_path = out / f"{name}.csv", out / f"{name}.parquet"
    table = pa.Table.from_pandas(df, preserve_index=False)
    pa_csv.write_csv(table, csv_path)
    pq.write_table(table, parquet_path)
    return [csv_path, parquet_path]


def read_table(name: str, out_dir: str | Path) -> pd.DataFrame:
    """Read a table written by write_table back, with its column types."""
    return _fixed(name, pq.read_table(Path(out_dir) / f"{name}.parquet"))
