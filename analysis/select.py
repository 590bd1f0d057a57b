"""Stage 7, select: apply the analyst's filters (dates, countries, organisations, principals, topics)
to the tables, the same way for every section of the report."""

from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd

from .names import name_key
from .tables import Tables


def filter_tables(tables: Tables, start_date=None, end_date=None, countries=(), organisations=(),
                  principals=(), topics=None) -> Tables:
    """Keep the events that pass every filter, and the rows of the other tables that belong to them.

    An empty filter keeps everything. `topics` (a list of names) keeps the events with at least one
    of them, and the topic rows of those topics only. Undated events, and those dated without a
    year (`--07-17`), are dropped by a date filter.
    """
    ev = tables.events
    keep = ev.event_id == ev.event_id
    dated = ev.date.str.match(r"\d{4}-\d\d-\d\d$")
    if start_date:
        keep &= dated & (ev.date >= str(start_date))
    if end_date:
        keep &= dated & (ev.date <= str(end_date))
    if countries or organisations:
        keep &= ev.counterpart_country.isin(list(countries)) | ev.counterpart_org.isin([o.upper() for o in organisations])
    if principals:
        wanted = {name_key(p) for p in principals}
        keep &= ev.principal_en.map(name_key).isin(wanted) | ev.principal_zh.map(name_key).isin(wanted)
    if keep.all() and not topics:
        return tables
    topic_rows = tables.event_topics
    if topics:
        topic_rows = topic_rows[topic_rows.topic.isin(list(topics))]
        keep &= ev.event_id.isin(set(topic_rows.event_id))
    ids = set(ev.event_id[keep])
    articles = tables.articles[tables.articles.event_id.isin(ids)]
    return dataclasses.replace(
        tables,
        events=ev[keep].reset_index(drop=True),
        attendees=tables.attendees[tables.attendees.event_id.isin(ids)].reset_index(drop=True),
        event_topics=topic_rows[topic_rows.event_id.isin(ids)].reset_index(drop=True),
        articles=articles.reset_index(drop=True),
        event_sources=tables.event_sources[tables.event_sources.event_id.isin(ids)].reset_index(drop=True),
        repairs=_within(tables.repairs, articles),
        diagnostics=_within(tables.diagnostics, articles),
    )


def _within(df: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Rows on a line of the kept articles, or about a whole file (line 0) that holds one of them."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for f, a, b in zip(articles.source_file, articles.line_start, articles.line_end):
        spans.setdefault(f, []).append((a, b))
    keep = [f in spans and (line == 0 or any(a <= line <= b for a, b in spans[f])) for f, line in zip(df.source_file, df.line)]
    # A boolean array, not a list: an empty list would select no columns instead of no rows.
    return df[np.array(keep, dtype=bool)].reset_index(drop=True)
