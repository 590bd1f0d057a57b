"""One engagement, many sources: copies set aside before pairing, reports of one engagement merged.

Analysts mix the newsletter's issues, the ministry's site, Xinhua and reprints. Two stages here:

- before pairing, an article whose repaired text is the same as an earlier one's (same language,
  whitespace, punctuation width and script aside) is set aside as a copy (`set_aside_copies`):
  it is not paired again, and costs nothing more downstream;
- after the events, reports of one engagement in other words (the same day, principal and
  counterpart, compatible types) become one event (`merge_engagements`): the facts of the outlet
  ranked first in `data/outlets.yaml` win, then those of the most complete report; a field the
  reports disagree on is a `source_disagreement` diagnostic. Attendees and topics are the union.

`event_sources` lists every report of every engagement, with its outlet and how it came in:
`own` (the report the event was read from), `same_facts` (another report of it), `identical` (a
copy of one of those).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from .diagnostics import Diagnostic
from .names import name_key, same_person
from .pair import Pair
from .segment import Article
from .text import to_simplified

OUTLETS_PATH = Path(__file__).parent / "data" / "outlets.yaml"
# The fields a merged event fills from its other reports where its own is empty.
MERGED_FIELDS = ["event_type", "counterpart_en", "counterpart_zh", "counterpart_role_en", "counterpart_country",
                 "counterpart_org", "principal_role_en", "title_en", "title_zh"]
# The facts reports may disagree on (titles and the wording of roles differ from outlet to outlet).
FACTS = ["date", "event_type", "counterpart_en", "counterpart_zh"]
LOCAL_TIME_RE = re.compile(r"当地时间|當地時間|local time", re.I)
# Where an article names its outlet: the opening and the close of its text.
OPENING_CHARS, CLOSING_CHARS = 60, 120


# ---------------------------------------------------------------- copies

# What copies of one text may differ in besides width and script: spaces and punctuation, ASCII
# (deleted from the text's UTF-8 bytes at once; NFKC makes full-width forms ASCII) and the marks
# that have an ASCII twin (`。` and `.`, `“` and `"`).
ASCII_NOT_WORD = bytes(b for b in range(128) if not chr(b).isalnum())
OTHER_PUNCTUATION = [mark.encode() for mark in "。、“”‘’·—"]


def text_key(article: Article) -> str:
    """What two copies of one article share: the language and a hash of the repaired title and
    text, in Simplified script, without whitespace, punctuation (ASCII and CJK) or width differences.

    >>> a = Article("a.txt", "zh", 1, title_lines=[(1, "趙克志通電話")], body=[(2, "9月7日，趙克志同伊賈茲·沙阿通電話。")])
    >>> b = Article("b.txt", "zh", 5, title_lines=[(5, "赵克志通电话")], body=[(6, "9月7日, 赵克志同伊贾兹·沙阿通电话.")])
    >>> text_key(a) == text_key(b)
    True
    """
    text = article.title + "\n" + article.text
    # Simplified first: the other stages have converted these lines already
    text = unicodedata.normalize("NFKC", to_simplified(text) if article.lang == "zh" else text.lower())
    data = text.encode().translate(None, ASCII_NOT_WORD)
    for mark in OTHER_PUNCTUATION:
        data = data.replace(mark, b"")
    return article.lang + ":" + hashlib.blake2b(data, digest_size=16).hexdigest()


def set_aside_copies(articles: list[Article]) -> tuple[list[Article], list[tuple[Article, Article]], list[Diagnostic]]:
    """The articles to pair, the copies (each with the article it copies), and a
    `duplicate_article` diagnostic naming both places. Of the copies of one text, the one kept is
    that of the file with the most different articles (an issue, whose other articles date it,
    rather than a clipping), then the first by file and line."""
    first: dict[str, Article] = {}
    kept: list[Article] = []
    copies: list[tuple[Article, Article]] = []
    diagnostics: list[Diagnostic] = []
    keys = {id(a): a.copy_key or text_key(a) for a in articles if a.body}
    texts: dict[str, set[str]] = defaultdict(set)
    for article in articles:
        texts[article.source_file].add(keys.get(id(article), ""))
    for article in sorted(articles, key=lambda a: (-len(texts[a.source_file]), a.source_file, a.line_start)):
        if not article.body:
            kept.append(article)
            continue
        original = first.setdefault(keys[id(article)], article)
        if original is article:
            kept.append(article)
            continue
        copies.append((article, original))
        diagnostics.append(Diagnostic(article.source_file, article.line_start, "info", "duplicate_article",
                                      f"same text as {original.source_file}:{original.line_start}: "
                                      f"counted once, listed in event_sources"))
    return kept, copies, diagnostics


# ---------------------------------------------------------------- outlets

@dataclass(frozen=True)
class Outlets:
    names: tuple[str, ...]  # in rank order: the first wins a merge
    named_by: dict[str, str]  # a string that names an outlet → the outlet
    strings_re: re.Pattern  # any of those strings, longest first

    def rank(self, name: str) -> int:
        return self.names.index(name) if name in self.names else len(self.names)


@lru_cache(maxsize=4)
def load_outlets(path: str | Path = OUTLETS_PATH) -> Outlets:
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    named_by = {}
    for name, strings in data.items():
        for string in strings:
            named_by.setdefault(str(string), name)
    strings_re = re.compile("|".join(re.escape(s) for s in sorted(named_by, key=len, reverse=True)) or "(?!)")
    return Outlets(tuple(data), named_by, strings_re)


def outlet(article: Article, outlets: Outlets) -> str:
    """The outlet an article names in its furniture, credits, or the opening or close of its
    text; '' when it names none (computed once per article, in the per-file stage when it ran).

    >>> outlet(Article("a.txt", "en", 1, metadata=["BEIJING, July 17 (Xinhua)"]), load_outlets())
    'Xinhua'
    >>> outlet(Article("a.txt", "en", 1, credits=["( Translated by Agnes )"]), load_outlets())
    'the newsletter'
    """
    if article.outlet is None:
        article.outlet = _outlet(article, outlets)
    return article.outlet


def _outlet(article: Article, outlets: Outlets) -> str:
    body = article.text
    places = [*article.metadata, *article.credits, body[:OPENING_CHARS], body[-CLOSING_CHARS:]]
    for place in places:
        named = {outlets.named_by[m.group()] for m in outlets.strings_re.finditer(place)}
        if named:
            return min(named, key=outlets.rank)
    return ""


# ---------------------------------------------------------------- same engagement

def merge_engagements(events: list[dict], attendees: list[dict], topics: list[dict],
                      event_pairs: dict[str, Pair], outlets: Outlets
                      ) -> tuple[list[dict], list[dict], list[dict], dict[str, str], list[Diagnostic]]:
    """Merge the events that report one engagement from different articles. Returns the events,
    attendees and topics after the merge, which event each merged one went into, and diagnostics."""
    rank = {e["event_id"]: _report_rank(e, event_pairs[e["event_id"]], outlets) for e in events}
    groups = _same_engagements(events, event_pairs)
    into: dict[str, str] = {}
    diagnostics: list[Diagnostic] = []
    merged_rows: dict[str, dict] = {}
    for group in groups:
        group.sort(key=lambda e: rank[e["event_id"]])
        kept = dict(group[0])
        for other in group[1:]:
            into[other["event_id"]] = kept["event_id"]
            for name in MERGED_FIELDS:
                if not kept[name] and other[name]:
                    kept[name] = other[name]
        for name in FACTS:
            values: dict[str, str] = {}
            for e in group:
                same = same_person if name.startswith("counterpart") else str.__eq__
                if e[name] and not any(same(e[name], known) for known in values):
                    values[e[name]] = e["source_file"]
            if len(values) > 1:
                line = int((kept["zh_lines"] or kept["en_lines"] or "0").split("-")[0])
                diagnostics.append(Diagnostic(
                    kept["source_file"].split("; ")[0], line, "warning", "source_disagreement",
                    f"{kept['event_id']}: the reports give {name} as "
                    + "; ".join(f"{value!r} ({source})" for value, source in values.items())
                    + f"; kept {kept[name]!r}"))
        merged_rows[kept["event_id"]] = kept
    events = [merged_rows.get(e["event_id"], e) for e in events if e["event_id"] not in into]
    attendees = _union(attendees, into, lambda row: name_key(row["name_zh"] or row["name_en"]))
    topics = _union(topics, into, lambda row: (row["topic"], row["lang"]))
    return events, attendees, topics, into, diagnostics


def _report_rank(event: dict, pair: Pair, outlets: Outlets) -> tuple:
    """How a report ranks as the source of an engagement's facts: its outlet's rank, then its
    completeness (both languages, named counterparts, a place, a full date), then its id."""
    best = min((outlets.rank(outlet(a, outlets)) for a in (pair.zh, pair.en) if a), default=len(outlets.names))
    filled = sum(bool(event[name]) for name in MERGED_FIELDS) + (event["date"][:1].isdigit())
    return best, -filled, event["event_id"]


def _same_engagements(events: list[dict], event_pairs: dict[str, Pair]) -> list[list[dict]]:
    """Groups of two or more events from different articles that report one engagement."""
    by_principal: dict[str, list[dict]] = defaultdict(list)
    for event in events:
        key = name_key(event["principal_en"] or event["principal_zh"])
        if key and event["date"] and (event["counterpart_country"] or event["counterpart_org"]):
            by_principal[key].append(event)
    # Reports that tell several engagements with one country or body (a dialogue with several
    # ministers): one of theirs is the other report's only where the names say so.
    def report_place(e: dict) -> tuple:
        return id(event_pairs[e["event_id"]]), e["counterpart_country"], e["counterpart_org"]

    per_place = Counter(map(report_place, events))
    several = {e["event_id"] for e in events if per_place[report_place(e)] > 1}
    parent: dict[str, str] = {}

    def root(event_id: str) -> str:
        while parent.get(event_id, event_id) != event_id:
            event_id = parent[event_id]
        return event_id

    for block in by_principal.values():
        block.sort(key=lambda e: (e["date"], e["event_id"]))
        for i, a in enumerate(block):
            for b in block[i + 1:]:
                if _day_gap(a["date"], b["date"]) > 1:
                    break
                if event_pairs[a["event_id"]] is not event_pairs[b["event_id"]] and \
                        _same_engagement(a, b, event_pairs, bool({a["event_id"], b["event_id"]} & several)) \
                        and root(a["event_id"]) != root(b["event_id"]):
                    parent[root(b["event_id"])] = root(a["event_id"])
    groups: dict[str, list[dict]] = defaultdict(list)
    for block in by_principal.values():
        for event in block:
            groups[root(event["event_id"])].append(event)
    return [group for group in groups.values() if len(group) > 1]


def _same_engagement(a: dict, b: dict, event_pairs: dict[str, Pair], names_needed: bool = False) -> bool:
    """The same day (a day apart where local time or a report's own date explains it), the same
    country or organisation, no two different names (the same name in one language at least,
    when `names_needed`), and types that agree."""
    gap = _day_gap(a["date"], b["date"])
    if gap and not any(_loosely_dated(event_pairs[e["event_id"]]) for e in (a, b)):
        return False
    if (a["counterpart_country"], a["counterpart_org"]) != (b["counterpart_country"], b["counterpart_org"]):
        return False
    if a["event_type"] != b["event_type"] and "event" not in (a["event_type"], b["event_type"]):
        return False
    compared = [same_person(a[name], b[name]) for name in ("counterpart_en", "counterpart_zh") if a[name] and b[name]]
    return all(compared) and bool(compared or not names_needed)


def _loosely_dated(pair: Pair) -> bool:
    """A report whose date may be a day off the engagement's: told in local time abroad, or
    dated by its own dateline or stamp (the day it was filed)."""
    for article in (pair.zh, pair.en):
        if article is None:
            continue
        date = article.features.date if article.features else None
        if LOCAL_TIME_RE.search(article.text[:200]) or (date and any(date.text in m for m in article.metadata)):
            return True
    return False


def _day_gap(a: str, b: str) -> int:
    """Days between two ISO dates (or two `--MM-DD`); 99 when they cannot be compared."""
    if a[:2] == "--" or b[:2] == "--":
        return 0 if a[-5:] == b[-5:] else 99
    try:
        return abs((dt.date.fromisoformat(a) - dt.date.fromisoformat(b)).days)
    except ValueError:
        return 99


def _union(rows: list[dict], into: dict[str, str], key) -> list[dict]:
    """Rows of merged events moved to the event they went into, once per event and key."""
    seen: set = set()
    out = []
    for row in sorted(rows, key=lambda r: r["event_id"] in into):  # the kept event's own rows first
        row = dict(row, event_id=into.get(row["event_id"], row["event_id"]))
        if (row["event_id"], key(row)) not in seen:
            seen.add((row["event_id"], key(row)))
            out.append(row)
    return out


# ---------------------------------------------------------------- event_sources

def source_rows(events: list[dict], event_pairs: dict[str, Pair], into: dict[str, str],
                copies: list[tuple[Article, Article]], outlets: Outlets) -> list[dict]:
    """Every report of every engagement: its own articles, those of the reports merged into it,
    and the copies of any of them."""
    copies_of: dict[int, list[Article]] = defaultdict(list)
    for copy, original in copies:
        copies_of[id(original)].append(copy)
    reports: dict[str, list[tuple[str, Pair]]] = defaultdict(list)
    for event_id, pair in event_pairs.items():
        kept = into.get(event_id, event_id)
        reports[kept].append(("own" if kept == event_id else "same_facts", pair))
    # An article that names no outlet takes its other version's, else its file's (an issue of the
    # newsletter, a page): the first named in the file.
    named = {id(a): outlet(a, outlets) for pair in event_pairs.values()
             for a in (pair.zh, pair.en) if a is not None}
    named.update({id(copy): outlet(copy, outlets) for copy, _ in copies})
    by_file: dict[str, str] = {}
    for pair in event_pairs.values():
        for a in (pair.zh, pair.en):
            if a is not None and named[id(a)]:
                by_file.setdefault(a.source_file, named[id(a)])
    rows = []
    for event in events:
        for how, pair in reports[event["event_id"]]:
            both = [a for a in (pair.zh, pair.en) if a is not None]
            # a version that names others but not this engagement's counterpart does not tell it
            telling = [a for a in both if event[f"counterpart_{a.lang}"] or not (a.reading and a.reading.counterparts)]
            for article in telling or both:
                for version, version_how in [(article, how)] + [(c, "identical") for c in copies_of[id(article)]]:
                    name = named[id(version)] or next((named[id(a)] for a in both if named[id(a)]), "") \
                        or by_file.get(version.source_file, "")
                    rows.append({"event_id": event["event_id"], "article_id": version.article_id,
                                 "source_file": version.source_file, "lang": version.lang,
                                 "line_start": version.line_start, "line_end": version.line_end,
                                 "outlet": name, "how": version_how})
    return rows
