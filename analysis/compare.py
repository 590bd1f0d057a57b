"""What changed since an earlier run: the engagements added, removed and changed, by event_id.

An engagement is its row of the events table with its topics and attendees; two runs are compared
on the fields both have (a run made by an older version may lack a column).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .params import run_tables
from .tables import Tables

CHANGES = ("added", "removed", "changed")
COLUMNS = ["change", "event_id", "date", "counterpart", "what changed"]


def earlier_run(path: str | Path) -> Tables:
    """The events, topics and attendees of the run folder (or tables folder) `path`; the other
    tables empty."""
    folder = run_tables(path)
    if folder is None:
        raise ValueError(f"{path} holds no tables (events.parquet)")

    def read(name: str) -> pd.DataFrame:
        file = folder / f"{name}.parquet"
        return pd.read_parquet(file) if file.is_file() else pd.DataFrame(columns=["event_id"])

    empty = pd.DataFrame()
    return Tables(articles=empty, events=read("events"), attendees=read("attendees"), event_topics=read("event_topics"),
                  repairs=empty, diagnostics=empty)


def engagements(tables: Tables) -> pd.DataFrame:
    """One row per event_id: the event's fields, and its topics and attendees as sorted lists."""
    ev = tables.events.set_index("event_id").astype(str)
    topics = tables.event_topics
    people = tables.attendees
    ids = ev.index.to_series()
    return ev.assign(topics=ids.map(_sorted_sets(topics.event_id, topics.get("topic"))).fillna(""),
                     attendees=ids.map(_sorted_sets(people.event_id, _names(people))).fillna(""))


def _names(people: pd.DataFrame) -> pd.Series | None:
    if "name_en" not in people or "name_zh" not in people:
        return None
    return (people.name_en.astype(str) + " " + people.name_zh.astype(str)).str.strip()


def _sorted_sets(keys: pd.Series, values: pd.Series | None) -> dict[str, str]:
    """event_id → its values, sorted and joined by ', '."""
    if values is None or not len(keys):
        return {}
    return values.groupby(keys.values).agg(lambda v: ", ".join(sorted(set(v)))).to_dict()


def compare(earlier: Tables, current: Tables) -> pd.DataFrame:
    """The engagements added, removed and changed from `earlier` to `current`: one row each with
    what changed (field: old → new; topics and attendees: + added, − removed), in that order, by
    date."""
    before, after = engagements(earlier), engagements(current)
    fields = [c for c in after.columns if c in before.columns]
    rows = []
    for event_id in after.index.difference(before.index):
        rows.append(_row("added", event_id, after.loc[event_id], ""))
    for event_id in before.index.difference(after.index):
        rows.append(_row("removed", event_id, before.loc[event_id], ""))
    for event_id in after.index.intersection(before.index):
        old, new = before.loc[event_id], after.loc[event_id]
        what = [_difference(field, old[field], new[field]) for field in fields if old[field] != new[field]]
        if what:
            rows.append(_row("changed", event_id, new, "; ".join(what)))
    table = pd.DataFrame(rows, columns=[*COLUMNS, "order"])
    return table.sort_values(["order", "date", "event_id"]).drop(columns="order").reset_index(drop=True)


def _row(change: str, event_id: str, fields: pd.Series, what: str) -> dict:
    counterpart = " ".join(str(fields.get(c, "")) for c in ("counterpart_en", "counterpart_zh")).strip()
    place = fields.get("counterpart_country", "") or fields.get("counterpart_org", "")
    return {"change": change, "event_id": event_id, "date": fields.get("date", ""),
            "counterpart": f"{counterpart} ({place})" if place else counterpart, "what changed": what,
            "order": CHANGES.index(change)}


def _difference(field: str, old: str, new: str) -> str:
    """'date: 2021-07-17 → 2021-07-18', or for a list 'topics: + drug_control, − covid19'."""
    if field in ("topics", "attendees"):
        before, after = set(filter(None, old.split(", "))), set(filter(None, new.split(", ")))
        parts = [f"+ {item}" for item in sorted(after - before)] + [f"− {item}" for item in sorted(before - after)]
        return f"{field}: {', '.join(parts)}"
    return f"{field}: {old or '—'} → {new or '—'}"
