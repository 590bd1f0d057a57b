"""Score the extracted events against hand-made gold: per field precision, recall and F1, and each miss.

    python -m analysis evaluate GOLD CORPUS... [--split dev|heldout] [--misses N] [--json FILE]

GOLD is a YAML file of readouts, each with its text files and the engagements it reports (the
format is in `tests/realworld/GOLD_FORMAT.md`); CORPUS holds those files. Gold and extracted
events are matched within each readout's files, then compared field by field: found, date, type,
principal, counterpart, place (country or organisation), attendees and topics. A field counts as
a true positive when both sides give it and agree, a false negative when the gold gives it and the
extraction does not (or gives another value, which is also a false positive), a false positive
when only the extraction gives it. Attendees and topics count one per name or topic.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from rapidfuzz import fuzz

from .names import name_key
from .text import to_simplified

FIELDS = ["found", "date", "type", "principal", "counterpart", "place", "attendees", "topics"]
# Ranks and honorifics a counterpart's name may carry in the text but not in the gold.
HONORIFIC_RE = re.compile(r"\b(?:H\.?\s?E\.?|Dr|Mr|Mrs|Ms|Gen|Lt|Col|Maj|Brig|Police|General|Lieutenant|Colonel)\b\.?-?",
                          re.I)


@dataclass
class Score:
    """True positives, false positives and false negatives of one field."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Miss:
    """One disagreement: where, which field, what the gold says and what was extracted."""

    where: str
    field: str
    gold: str
    got: str


@dataclass
class Evaluation:
    scores: dict[str, Score] = field(default_factory=lambda: {name: Score() for name in FIELDS})
    misses: list[Miss] = field(default_factory=list)
    readouts: int = 0
    gold_events: int = 0

    def table(self) -> str:
        """The per-field scores as a fixed-width text table."""
        lines = [f"{'field':<12}{'precision':>10}{'recall':>8}{'F1':>7}{'tp':>6}{'fp':>5}{'fn':>5}"]
        for name, s in self.scores.items():
            lines.append(f"{name:<12}{s.precision:>10.2f}{s.recall:>8.2f}{s.f1:>7.2f}{s.tp:>6}{s.fp:>5}{s.fn:>5}")
        return "\n".join(lines)

    def as_dict(self) -> dict:
        return {
            "readouts": self.readouts, "gold_events": self.gold_events,
            "fields": {name: {"precision": round(s.precision, 4), "recall": round(s.recall, 4), "f1": round(s.f1, 4),
                              "tp": s.tp, "fp": s.fp, "fn": s.fn} for name, s in self.scores.items()},
            "misses": [vars(m) for m in self.misses],
        }


class GoldError(ValueError):
    """A gold file that cannot be used: the message names the file and the readout."""


def load_gold(path: str | Path, split: str | None = None) -> list[dict]:
    """The gold readouts of `path` (of one `split` when given), checked for the fields scoring needs."""
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise GoldError(f"{path}: cannot read the gold: {error}") from error
    readouts = (data or {}).get("readouts") if isinstance(data, dict) else None
    if not isinstance(readouts, list):
        raise GoldError(f"{path}: expected a mapping with a list `readouts`")
    seen: set[str] = set()
    for readout in readouts:
        name = readout.get("id", "?")
        if not readout.get("files"):
            raise GoldError(f"{path}: readout {name}: no `files`")
        for file in readout["files"]:
            if Path(file).name in seen:
                raise GoldError(f"{path}: readout {name}: file name {file} listed twice")
            seen.add(Path(file).name)
        for event in readout.get("events") or []:
            if event.get("type") not in (None, "meeting", "phone_call", "video_conference", "event"):
                raise GoldError(f"{path}: readout {name}: unknown event type {event.get('type')!r}")
    return [r for r in readouts if split is None or r.get("split", "dev") == split]


def evaluate(gold: list[dict], tables) -> Evaluation:
    """Score the events, attendees and topics of `tables` (an extract run over the gold's files)."""
    result = Evaluation(readouts=len(gold))
    events = tables.events.fillna("")
    attendees = _grouped(tables.attendees, "event_id")
    topics = _grouped(tables.event_topics, "event_id")
    by_file: dict[str, list[int]] = {}
    reports = tables.event_sources.groupby("event_id").source_file.apply(set).to_dict()
    for index, (event_id, sources) in enumerate(zip(events["event_id"], events["source_file"])):
        # An engagement counts in every file that reports it (a merged or copied report too).
        for source in set(str(sources).split("; ")) | reports.get(event_id, set()):
            by_file.setdefault(Path(source).name, []).append(index)
    for readout in gold:
        names = [Path(f).name for f in readout["files"]]
        rows = sorted({i for name in names for i in by_file.get(name, [])})
        got = [_extracted(events.iloc[i], attendees, topics) for i in rows]
        wanted = [_gold_event(e) for e in readout.get("events") or []]
        result.gold_events += len(wanted)
        for g, e in _match(wanted, got):
            where = f"{readout['files'][0]} [{readout.get('id', '')}]" if e is None else e["where"]
            _score_pair(result, where, g, e)
    return result


def _grouped(frame, key: str) -> dict[str, list[dict]]:
    groups: dict[str, list[dict]] = {}
    for row in frame.fillna("").to_dict("records"):
        groups.setdefault(row[key], []).append(row)
    return groups


def _extracted(row, attendees: dict, topics: dict) -> dict:
    first = (row["zh_lines"] or row["en_lines"]).split("-")[0]
    return {
        "where": f"{str(row['source_file']).split('; ')[0]}:{first or 1}",
        "date": row["date"], "type": row["event_type"],
        "principal": (row["principal_en"], row["principal_zh"]),
        "counterpart": (row["counterpart_en"], row["counterpart_zh"]),
        "place": (row["counterpart_country"], row["counterpart_org"]),
        "attendees": [(a["name_en"], a["name_zh"]) for a in attendees.get(row["event_id"], [])],
        "topics": sorted({t["topic"] for t in topics.get(row["event_id"], [])}),
    }


def _gold_event(event: dict) -> dict:
    text = lambda key: str(event.get(key) or "").strip()  # noqa: E731
    return {
        "date": text("date"), "type": text("type"),
        "principal": (text("principal_en"), text("principal_zh")),
        "counterpart": (text("counterpart_en"), text("counterpart_zh")),
        "counterpart_kind": text("counterpart_kind") or "person",
        "place": (text("country"), text("org")),
        "attendees": [str(a) for a in event.get("attendees") or []],
        "topics": sorted(set(event.get("topics") or [])),
    }


def _match(wanted: list[dict], got: list[dict]) -> list[tuple[dict | None, dict | None]]:
    """Pair gold and extracted events of one readout, most alike first; the rest stay alone.
    Two events are a pair only when at least their principal, date, counterpart or place agree."""
    candidates = sorted(((-_likeness(g, e), i, j) for i, g in enumerate(wanted) for j, e in enumerate(got)))
    used_g, used_e, pairs = set(), set(), []
    for minus, i, j in candidates:
        if -minus >= 1 and i not in used_g and j not in used_e:
            used_g.add(i), used_e.add(j)
            pairs.append((wanted[i], got[j]))
    pairs += [(g, None) for i, g in enumerate(wanted) if i not in used_g]
    pairs += [(None, e) for j, e in enumerate(got) if j not in used_e]
    return pairs


def _likeness(g: dict, e: dict) -> float:
    return (2.0 * _same("date", g, e) + 2.0 * _same("counterpart", g, e) + 1.0 * _same("place", g, e)
            + 1.0 * _same("principal", g, e) + 0.5 * _same("type", g, e))


def _score_pair(result: Evaluation, where: str, g: dict | None, e: dict | None) -> None:
    found = result.scores["found"]
    if g and e:
        found.tp += 1
    elif g:
        found.fn += 1
        result.misses.append(Miss(where, "found", _show(g, "counterpart") + " " + g["date"], ""))
    else:
        found.fp += 1
        result.misses.append(Miss(where, "found", "", _show(e, "counterpart") + " " + e["date"]))
    for name in ("date", "type", "principal", "counterpart", "place"):
        has_g, has_e = bool(g and _given(g[name])), bool(e and _given(e[name]))
        score = result.scores[name]
        if has_g and has_e and _same(name, g, e):
            score.tp += 1
            continue
        score.fn += has_g
        score.fp += has_e
        if (has_g or has_e) and g and e:
            result.misses.append(Miss(where, name, _show(g, name), _show(e, name)))
    for name, same in (("attendees", _same_person), ("topics", str.__eq__)):
        wanted, got = list(g[name]) if g else [], list(e[name]) if e else []
        left = list(got)
        score = result.scores[name]
        for item in wanted:
            hit = next((x for x in left if same(item, x)), None)
            if hit is None:
                score.fn += 1
                if e:
                    result.misses.append(Miss(where, name, str(item), ""))
            else:
                score.tp += 1
                left.remove(hit)
        score.fp += len(left)
        if g:
            result.misses += [Miss(where, name, "", str(x)) for x in left]


def _given(value) -> bool:
    return any(value) if isinstance(value, tuple) else bool(value)


def _show(event: dict, name: str) -> str:
    value = event[name]
    return " / ".join(v for v in value if v) if isinstance(value, tuple) else str(value)


def _same(name: str, g: dict, e: dict) -> bool:
    """Whether the gold and extracted values of a single-valued field agree."""
    if name in ("date", "type"):
        return bool(g[name]) and g[name] == e[name]
    if name == "place":
        return _given(g["place"]) and g["place"] == e["place"]
    if name == "principal":
        return _same_person(g["principal"][0] or g["principal"][1], e["principal"])
    if g.get("counterpart_kind") == "body" and g["place"][1] and g["place"][1] == e["place"][1]:
        return True  # a body: the organisation is what identifies it
    compared = [_same_name(a, b, lang) for lang, a, b in zip(("en", "zh"), g["counterpart"], e["counterpart"]) if a and b]
    return bool(compared) and all(compared)


def _same_name(gold: str, got: str, lang: str) -> bool:
    """Names agree when equal once normalised (script, honorifics, punctuation, case), or nearly so;
    a Chinese transliteration also when one gives the other's last parts only."""
    if lang == "zh":  # a transliterated name in full or by its last part: 亚历杭德罗·马约卡斯, 马约卡斯
        parts = lambda s: [p for p in re.split(r"[\s·•・.\-]+", to_simplified(s)) if p]  # noqa: E731
        a, b = sorted((parts(gold), parts(got)), key=len)
        return bool(a) and a == b[len(b) - len(a):]
    norm = lambda s: " ".join(re.sub(r"[^\w\s]", " ", HONORIFIC_RE.sub(" ", s)).lower().split())  # noqa: E731
    a, b = norm(gold), norm(got)
    return a == b or fuzz.ratio(a, b) >= 90


def _same_person(gold: str, got: tuple[str, str]) -> bool:
    """A gold name (pinyin or Chinese) against an extracted (English, Chinese) pair, by pinyin key."""
    key = name_key(gold)
    keys = [name_key(n) for n in got if n]
    return bool(key) and any(k == key or fuzz.ratio(k, key) >= 90 for k in keys)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("gold", help="gold YAML file (format: tests/realworld/GOLD_FORMAT.md)")
    parser.add_argument("corpus", nargs="+", help="files or folders holding the gold's readouts")
    parser.add_argument("--split", choices=["dev", "heldout"], help="score one split of the gold only")
    parser.add_argument("--misses", type=int, default=40, metavar="N", help="list at most N misses (default 40)")
    parser.add_argument("--json", metavar="FILE", help="also write the scores and misses as JSON")


def main(args: argparse.Namespace) -> int:
    from .pipeline import extract
    from .read import CorpusError

    try:
        gold = load_gold(args.gold, args.split)
    except GoldError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    wanted = {Path(f).name for r in gold for f in r["files"]}
    try:
        tables = extract(args.corpus, progress=False)
    except CorpusError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    present = {Path(p).name for p in tables.articles.source_file} | {
        Path(p).name for p in tables.diagnostics.source_file}
    for name in sorted(wanted - present):
        print(f"warning: {name}: in the gold, not in the corpus", file=sys.stderr)
    result = evaluate(gold, tables)
    print(f"{result.readouts} readouts, {result.gold_events} gold events{f' ({args.split})' if args.split else ''}")
    print(result.table())
    if result.misses and args.misses:
        print(f"\nmisses ({min(args.misses, len(result.misses))} of {len(result.misses)}):")
        for m in result.misses[: args.misses]:
            print(f"  {m.where}: {m.field}: gold {m.gold!r}, got {m.got!r}")
    if args.json:
        Path(args.json).write_text(json.dumps(result.as_dict(), ensure_ascii=False, indent=1), encoding="utf-8")
    return 0
