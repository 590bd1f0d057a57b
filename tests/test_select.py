"""The filters (`analysis.select`) on generated tables: each keeps exactly the rows that satisfy it,
and the filters compose. The expected rows are worked out here from the rule, row by row."""

from __future__ import annotations

import datetime as dt

from dataclasses import dataclass

from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.names import name_key
from analysis.select import filter_tables
from analysis.tables import Tables, frame

COUNTRIES = ["", "PAK", "RUS", "KAZ"]
ORGS = ["", "SCO", "IOM", "INTERPOL"]
PRINCIPALS = [("", ""), ("Zhao Kezhi", "趙克志"), ("Wang Xiaohong", "王小洪"), ("Xu Ganlu", ""), ("", "許甘露")]
TOPICS = ["counter_terrorism", "drug_control", "cybersecurity"]
FILES = ["a.txt", "b.txt", "c.txt"]
FIRST, LAST = dt.date(2020, 1, 1), dt.date(2022, 12, 31)
PROPERTY = settings(max_examples=80, deadline=None)

# A date: a day of 2020-2022, none (undated), or a month and day without a year.
dates = st.one_of(st.dates(FIRST, LAST).map(dt.date.isoformat), st.just(""),
                  st.dates(FIRST, LAST).map(lambda d: d.strftime("--%m-%d")))


@dataclass(repr=False)
class Generated(Tables):
    """Tables shown row by row (hypothesis prints the arguments of a failure)."""

    def __repr__(self) -> str:
        shown = {name: [{k: v for k, v in row.items() if v not in ("", False)} for row in rows(df)]
                 for name, df in self.items()}
        return f"Generated({shown})"


@st.composite
def tables(draw) -> Tables:
    """Events with dates, counterparts, principals and topics; their articles (each on its own
    lines of a file), attendees; repairs and diagnostics on lines inside and outside the articles,
    and about whole files (line 0)."""
    events, articles, attendees, topics = [], [], [], []
    next_line = {name: 1 for name in FILES}
    for number in range(draw(st.integers(0, 8))):
        event_id = f"e{number}"
        principal_en, principal_zh = draw(st.sampled_from(PRINCIPALS))
        events.append({"event_id": event_id, "date": draw(dates), "counterpart_country": draw(st.sampled_from(COUNTRIES)),
                       "counterpart_org": draw(st.sampled_from(ORGS)), "principal_en": principal_en,
                       "principal_zh": principal_zh})
        for lang in draw(st.sampled_from([["zh"], ["en"], ["zh", "en"]])):
            source_file = draw(st.sampled_from(FILES[:2]))
            start = next_line[source_file] + draw(st.integers(0, 2))
            end = start + draw(st.integers(0, 3))
            next_line[source_file] = end + 1
            articles.append({"article_id": f"{source_file}:{start}", "source_file": source_file, "lang": lang,
                             "line_start": start, "line_end": end, "event_id": event_id})
        for topic in draw(st.lists(st.sampled_from(TOPICS), unique=True, max_size=2)):
            topics.append({"event_id": event_id, "topic": topic, "lang": draw(st.sampled_from(["zh", "en"])),
                           "evidence": topic})
        for name in draw(st.lists(st.sampled_from(["Xie Feng", "Xu Ganlu", "Du Hangwei"]), unique=True, max_size=2)):
            attendees.append({"event_id": event_id, "name_en": name})
    last = max(next_line.values()) + 2
    lines = st.tuples(st.sampled_from(FILES), st.integers(0, last))
    repairs = [{"source_file": f, "line": line, "kind": "stray_question_mark", "before": "?", "after": ""}
               for f, line in draw(st.lists(lines, unique=True, max_size=8))]
    diagnostics = [{"source_file": f, "line": line, "severity": "info", "code": "unpaired", "message": f"{f}:{line}"}
                   for f, line in draw(st.lists(lines, unique=True, max_size=8))]
    return Generated(frame("articles", articles), frame("events", events), frame("attendees", attendees),
                     frame("event_topics", topics), frame("repairs", repairs), frame("diagnostics", diagnostics))


@st.composite
def filters(draw) -> dict:
    """Any of the filters, each absent, empty or set."""
    chosen = {}
    if draw(st.booleans()):
        chosen["start_date"] = draw(st.dates(FIRST, LAST))
    if draw(st.booleans()):
        chosen["end_date"] = draw(st.dates(FIRST, LAST))
    if draw(st.booleans()):
        chosen["countries"] = draw(st.lists(st.sampled_from(COUNTRIES[1:] + ["USA"]), unique=True, max_size=2))
    if draw(st.booleans()):
        chosen["organisations"] = draw(st.lists(st.sampled_from(["SCO", "sco", "Iom", "INTERPOL", "UN"]),
                                                unique=True, max_size=2))
    if draw(st.booleans()):
        chosen["principals"] = draw(st.lists(st.sampled_from(["Zhao Kezhi", "趙克志", "wang xiaohong", "許甘露", "Li Wei"]),
                                             unique=True, max_size=2))
    if draw(st.booleans()):
        chosen["topics"] = draw(st.lists(st.sampled_from(TOPICS + ["cpec_security"]), unique=True, max_size=2))
    return chosen


def passes(event: dict, topic_rows: list[dict], start_date=None, end_date=None, countries=(), organisations=(),
           principals=(), topics=None) -> bool:
    """Whether one event passes the filters, rule by rule, as the README states them."""
    full_date = len(event["date"]) == 10 and event["date"][:4].isdigit()
    if start_date and not (full_date and dt.date.fromisoformat(event["date"]) >= start_date):
        return False
    if end_date and not (full_date and dt.date.fromisoformat(event["date"]) <= end_date):
        return False
    if (countries or organisations) and not (event["counterpart_country"] in countries or event["counterpart_org"]
                                             in {o.upper() for o in organisations}):
        return False
    wanted = {name_key(p) for p in principals}
    if principals and not ({name_key(event["principal_en"]), name_key(event["principal_zh"])} & wanted):
        return False
    if topics and not any(row["event_id"] == event["event_id"] and row["topic"] in topics for row in topic_rows):
        return False
    return True


def rows(df) -> list[dict]:
    return df.to_dict("records")


def expected(tables: Tables, **chosen) -> dict[str, list[dict]]:
    """The rows each table should keep."""
    topic_rows = rows(tables.event_topics)
    kept = {e["event_id"] for e in rows(tables.events) if passes(e, topic_rows, **chosen)}
    articles = [a for a in rows(tables.articles) if a["event_id"] in kept]

    def about_kept_articles(row: dict) -> bool:
        spans = [(a["line_start"], a["line_end"]) for a in articles if a["source_file"] == row["source_file"]]
        return bool(spans) and (row["line"] == 0 or any(a <= row["line"] <= b for a, b in spans))

    topics = chosen.get("topics")
    if len(kept) == len(tables.events) and not topics:  # a filter that drops no event changes nothing
        return {name: rows(df) for name, df in tables.items()}
    return {
        "events": [e for e in rows(tables.events) if e["event_id"] in kept],
        "articles": articles,
        "attendees": [a for a in rows(tables.attendees) if a["event_id"] in kept],
        "event_topics": [t for t in topic_rows if t["event_id"] in kept and (not topics or t["topic"] in topics)],
        "event_sources": [s for s in rows(tables.event_sources) if s["event_id"] in kept],
        "repairs": [r for r in rows(tables.repairs) if about_kept_articles(r)],
        "diagnostics": [d for d in rows(tables.diagnostics) if about_kept_articles(d)],
    }


def kept(tables: Tables) -> dict[str, list[dict]]:
    return {name: rows(df) for name, df in tables.items()}


@PROPERTY
@given(tables(), filters())
def test_the_filters_keep_exactly_the_rows_that_satisfy_them(generated, chosen):
    assert kept(filter_tables(generated, **chosen)) == expected(generated, **chosen)


@PROPERTY
@given(tables(), filters(), filters())
def test_filters_applied_one_after_the_other_are_the_filters_together(generated, first, second):
    """Different filters, one after the other, are all of them at once. Countries and organisations
    are one filter (an event with either is kept), so they are never split."""
    taken = set(first) | ({"countries", "organisations"} if {"countries", "organisations"} & set(first) else set())
    second = {name: value for name, value in second.items() if name not in taken}
    together = filter_tables(generated, **first, **second)
    assert kept(filter_tables(filter_tables(generated, **first), **second)) == kept(together)


@PROPERTY
@given(tables())
def test_no_filter_and_empty_filters_keep_everything(generated):
    assert kept(filter_tables(generated)) == kept(generated)
    empty = filter_tables(generated, None, None, [], [], [], [])
    assert kept(empty) == kept(generated)


def one_event(date: str, **columns) -> Tables:
    event = {"event_id": "e0", "date": date, **columns}
    article = {"article_id": "a:1", "source_file": "a.txt", "lang": "en", "line_start": 1, "line_end": 3, "event_id": "e0"}
    return Tables(frame("articles", [article]), frame("events", [event]), frame("attendees", []),
                  frame("event_topics", []), frame("repairs", []), frame("diagnostics", []))


def test_countries_and_organisations_keep_the_events_with_either():
    tables = one_event("2021-07-17", counterpart_country="PAK")
    tables.events = frame("events", rows(tables.events) + [{"event_id": "e1", "date": "2021-07-18", "counterpart_org": "SCO"},
                                                           {"event_id": "e2", "date": "2021-07-19", "counterpart_country": "RUS"}])
    assert list(filter_tables(tables, countries=["PAK"], organisations=["sco"]).events.event_id) == ["e0", "e1"]


def test_end_date_is_inclusive_and_start_date_too():
    tables = one_event("2021-07-31")
    assert len(filter_tables(tables, end_date=dt.date(2021, 7, 31)).events) == 1
    assert len(filter_tables(tables, start_date=dt.date(2021, 7, 31)).events) == 1
    assert len(filter_tables(tables, end_date=dt.date(2021, 7, 30)).events) == 0
    assert len(filter_tables(tables, start_date=dt.date(2021, 8, 1)).events) == 0


def test_undated_events_are_dropped_by_a_date_filter_only():
    for date in ("", "--07-17"):
        tables = one_event(date)
        assert len(filter_tables(tables).events) == 1
        assert len(filter_tables(tables, countries=["PAK"], organisations=["sco"]).events) == 0
        assert len(filter_tables(tables, start_date=dt.date(2020, 1, 1)).events) == 0
        assert len(filter_tables(tables, end_date=dt.date(2022, 12, 31)).events) == 0


def test_a_principal_is_found_by_either_name_in_either_script():
    tables = one_event("2021-07-17", principal_en="Zhao Kezhi", principal_zh="趙克志")
    for name in ("Zhao Kezhi", "zhao kezhi", "趙克志", "赵克志"):
        assert len(filter_tables(tables, principals=[name]).events) == 1
    assert len(filter_tables(tables, principals=["Zhao"]).events) == 0


def test_the_filtered_tables_keep_their_columns_when_no_row_is_left():
    """An empty table stays a table with its columns (a filter that selected by an empty list
    dropped the columns of the empty repairs and diagnostics, and a second filter failed)."""
    tables = one_event("2021-07-17", counterpart_country="PAK")
    tables.events = frame("events", rows(tables.events) + [{"event_id": "e1", "date": "2021-07-18",
                                                            "counterpart_country": "RUS"}])
    once = filter_tables(tables, countries=["PAK"])
    assert list(once.events.event_id) == ["e0"]
    for name, df in once.items():
        assert list(df.columns) == list(getattr(tables, name).columns), name
    day = dt.date(2021, 7, 18)
    assert kept(filter_tables(once, start_date=day)) == kept(filter_tables(tables, countries=["PAK"], start_date=day))
