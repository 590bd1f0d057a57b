"""What each report section shows, as tables: the notebooks call these and display the results.

A run's tables are extracted once (by the first notebook) into its run folder and read back by the
other notebooks, so every section sees the same filtered data.
"""

from __future__ import annotations

import hashlib
import html
import importlib.metadata
import json
import os
import platform
import re
import shutil
from pathlib import Path

import pandas as pd

from .compare import CHANGES, compare, earlier_run
from .names import name_key
from .gazetteer import load_gazetteer
from .params import ROOT, Params, corpus_files, resolve, validate
from . import code_version
from .pipeline import DEFAULT_CACHE, extract
from .plover import write_plover
from .select import filter_tables
from .tables import SCHEMAS, Tables, read_table
from .text import CJK_RE
from .topics import DEFAULT_PATH as DEFAULT_LEXICON
from .topics import evidence_spans, load_lexicon

TOP_N = 25
DATE_COLUMNS = {"date", "first", "last"}
SOURCE_COLUMNS = {"source", "where", "file", "engagement"}
PAGE_LETTERS = 85  # lower-case letters of table text across a table on A4 (DejaVu Sans)
LONGEST_WORD, SOURCE_WORD = 30, 16  # widest unbreakable text given room, in letters
CJK_NAME = 8  # Chinese up to this many characters (a name) is kept on one line in a table
PACKAGES = ["charset-normalizer", "OpenCC", "pypinyin", "rapidfuzz", "ahocorasick-rs", "pycountry", "jieba", "pandas",
            "pyarrow", "matplotlib", "networkx", "papermill", "nbconvert", "weasyprint"]
TYPE_LABELS = {"phone_call": "phone call", "video_conference": "video conference", "meeting": "meeting", "event": "other event"}
EVIDENCE_WINDOW = {"en": 70, "zh": 25}  # characters of a sentence shown either side of its first match
NEW_SHOWN = 5  # new counterparts named in the key findings (the rest counted)
MANY_FILES = 12  # past this many input files, the corpus is summarised rather than listed file by file
_TAG_RE = re.compile(r"<[^>]+>")
_FILE_PATH_RE = re.compile(r"[^\s'\"()]*/([^/\s'\"()]+\.txt)")  # a corpus file named in a message: its name


def full_date(dates: pd.Series) -> pd.Series:
    """Which dates are whole (YYYY-MM-DD): not empty, nor a day without its year (--MM-DD)."""
    return dates.str.match(r"\d{4}-\d{2}-\d{2}$")


def first_date(dates: pd.Series) -> str:
    """The earliest whole date (a day without its year only when there is none)."""
    whole = dates[full_date(dates)]
    return whole.min() if len(whole) else dates.min()


def last_date(dates: pd.Series) -> str:
    """The latest whole date (a day without its year only when there is none)."""
    whole = dates[full_date(dates)]
    return whole.max() if len(whole) else dates.max()


def date_order(dates: pd.Series) -> list[int]:
    """Positions of `dates` in date order, days without their year last (`--MM-DD` sorts first)."""
    whole = full_date(dates).tolist()
    return sorted(range(len(dates)), key=lambda i: (not whole[i], dates.iloc[i]))


def shown_path(path: str | Path) -> str:
    """A path as the report shows it: relative to the repository when inside it."""
    path = Path(path)
    if not path.is_absolute():
        return str(path)
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def nothing_selected(everything: Tables, chosen: Tables, params: Params) -> str:
    """A sentence saying that the selection holds no engagement, and why; '' when it holds some."""
    if len(chosen.events):
        return ""
    return (f'<p class="none">No engagement in this selection: none of the {len(everything.events):,} '
            f'engagements of the corpus passes the filters ({html.escape(filters_text(params))}).</p>')


def filters_text(params: Params) -> str:
    """The filters of a run in words: 'countries USA; from 2021-01-01'."""
    parts = []
    if params.start_date:
        parts.append(f"from {params.start_date.isoformat()}")
    if params.end_date:
        parts.append(f"until {params.end_date.isoformat()}")
    for name in ("countries", "organisations", "principals"):
        if getattr(params, name):
            parts.append(f"{name} {', '.join(getattr(params, name))}")
    if params.topics:
        parts.append(f"topics {params.topics if isinstance(params.topics, str) else ', '.join(params.topics)}")
    return "; ".join(parts) or "none"


def topic_selection(params: Params) -> tuple[str, list[str] | None]:
    """The lexicon file and the topic names to keep: `topics` is a list of names or a lexicon path."""
    if isinstance(params.topics, str):
        return params.topics, None
    return str(DEFAULT_LEXICON), list(params.topics) if params.topics else None


def prepare_run(params: Params, run_dir: str | Path) -> tuple[Tables, Tables]:
    """Extract the corpus, apply the filters, and write both into the run folder.

    Returns (all tables, filtered tables). The filtered tables go to `tables/` with the events as
    PLOVER JSON lines; when filters are on, the unfiltered ones go to `tables/all/`.
    """
    run_dir = Path(run_dir)
    lexicon_path, topic_names = topic_selection(params)
    if topic_names:
        load_lexicon(lexicon_path).select(topic_names)  # an unknown topic name stops here, named
    # Corpus entries are relative to the repository root; the tables name files relative to here.
    corpus = [os.path.relpath(resolve(entry)) for entry in params.corpus]
    everything = extract(corpus, lexicon_path=lexicon_path, progress=True, cache_dir=DEFAULT_CACHE)
    chosen = filter_tables(everything, params.start_date, params.end_date, params.countries, params.organisations,
                           params.principals, topic_names)
    chosen.write(run_dir / "tables")
    shutil.rmtree(run_dir / "tables" / "all", ignore_errors=True)
    if chosen is not everything:  # filters on: keep the whole corpus's tables too
        everything.write(run_dir / "tables" / "all")
    write_plover(chosen, run_dir / "tables" / "events_plover.jsonl")
    (run_dir / "run.json").write_text(json.dumps(params.to_notebook(), ensure_ascii=False, indent=1), encoding="utf-8")
    return everything, chosen


def load_run(params: Params, run_dir: str | Path) -> tuple[Tables, Tables]:
    """The tables the first notebook wrote for these parameters, or a fresh extraction."""
    run_dir = Path(run_dir)
    stamp = run_dir / "run.json"
    if not stamp.exists() or json.loads(stamp.read_text(encoding="utf-8")) != params.to_notebook():
        return prepare_run(params, run_dir)

    def read(folder: Path) -> Tables:
        return Tables(**{name: read_table(name, folder) for name in SCHEMAS})

    chosen = read(run_dir / "tables")
    return (read(run_dir / "tables" / "all") if (run_dir / "tables" / "all").exists() else chosen), chosen


def figure_dirs(params: Params, run_dir: str | Path) -> list[Path]:
    """Where figures go: the run folder, and the committed `figures/` for the default run only."""
    dirs = [Path(run_dir) / "figures"]
    if params == validate({}):
        dirs.append(resolve("figures"))
    return dirs


def lane_labels(events: pd.DataFrame) -> dict[str, str]:
    """Display names of the countries and organisations met: 'PAK' → 'Pakistan 巴基斯坦'."""
    gazetteer = load_gazetteer()
    codes = set(events.counterpart_country) | set(events.counterpart_org)
    return {code: gazetteer.display_name(code) for code in codes if code} | {"other": "other or none 其他"}


# ---------------------------------------------------------------- 1. summary

def corpus_checksum(params: Params) -> str:
    """SHA-256 over the corpus files' paths and bytes, in path order."""
    digest = hashlib.sha256()
    for path in corpus_files(params.corpus):
        digest.update(str(path.name).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def overview(everything: Tables, chosen: Tables) -> pd.DataFrame:
    """The headline figures, for the whole corpus and for the selection this report shows: an
    engagement counts once however many reports (files, outlets, copies) tell it."""
    def figures(t: Tables) -> dict:
        dated = t.events.date[full_date(t.events.date)]
        sources = reports(t)
        return {
            "files": t.articles.source_file.nunique(),
            "article versions (zh / en)": f"{(t.articles.lang == 'zh').sum()} / {(t.articles.lang == 'en').sum()}",
            "engagements": len(t.events),
            "reports of them": len(sources),
            "engagements told more than once": int((sources.groupby("event_id").how.agg(
                lambda how: (how != "own").any())).sum()) if len(sources) else 0,
            "outlets": sources.outlet.replace("", pd.NA).nunique(),
            "copies counted once": int((t.diagnostics.code == "duplicate_article").sum()),
            "date span": f"{dated.min()} – {dated.max()}" if len(dated) else "–",
            "counterpart countries": t.events.counterpart_country.replace("", pd.NA).nunique(),
            "counterpart organisations": t.events.counterpart_org.replace("", pd.NA).nunique(),
            "officials present (per engagement)": len(t.attendees.drop_duplicates(["event_id", "name_en", "name_zh"])),
            "topics raised (per engagement)": len(t.event_topics.drop_duplicates(["event_id", "topic"])),
        }
    return pd.DataFrame({"whole corpus": figures(everything), "this report": figures(chosen)})


def reports(tables: Tables) -> pd.DataFrame:
    """Every report of every engagement (the `event_sources` table); for tables written before
    it existed, the articles of the events, each its own report of an unknown outlet."""
    if len(tables.event_sources) or tables.events.empty:
        return tables.event_sources
    art = tables.articles[tables.articles.event_id.isin(set(tables.events.event_id)) & (tables.articles.event_id != "")]
    return pd.DataFrame({"event_id": art.event_id, "article_id": art.article_id, "source_file": art.source_file,
                         "lang": art.lang, "line_start": art.line_start, "line_end": art.line_end,
                         "outlet": "", "how": "own"}).reset_index(drop=True)


def parameters_table(params: Params) -> pd.DataFrame:
    """The run's parameters as shown: lists joined, paths relative to the repository, '—' for none."""
    paths = {"corpus", "compare_to"} | ({"topics"} if isinstance(params.topics, str) else set())
    rows = []
    for name, value in params.to_notebook().items():
        values = value if isinstance(value, list) else [] if value is None else [value]
        shown = [shown_path(resolve(v)) if name in paths else str(v) for v in values]
        rows.append({"parameter": name, "value": ", ".join(shown) or "—"})
    return pd.DataFrame(rows)


def corpus_html(summary: pd.DataFrame, articles: pd.DataFrame, largest: int = 10) -> str:
    """The input files: one row each up to MANY_FILES files; past that, summed by year (of the
    files' articles) and by language, and the largest files."""
    columns = ["file", "encoding", "lines", "characters", "chinese_lines", "english_lines"]
    if len(summary) <= MANY_FILES:
        return html_table(summary[columns])
    dates = articles[full_date(articles.date)].assign(file=lambda t: t.source_file.map(lambda f: Path(f).name))
    year = dates.groupby("file").date.agg(lambda d: d.str[:4].mode().iloc[0])
    files = summary.assign(year=summary.file.map(year).fillna("no year"))
    by_year = files.groupby("year").agg(files=("file", "count"), lines=("lines", "sum"),
                                        characters=("characters", "sum"),
                                        chinese_characters=("chinese_characters", "sum"),
                                        english_characters=("english_characters", "sum")).reset_index()
    by_language = pd.DataFrame({
        "language": ["Chinese 中文", "English 英文"],
        "lines": [summary.chinese_lines.sum(), summary.english_lines.sum()],
        "characters": [summary.chinese_characters.sum(), summary.english_characters.sum()],
        "article versions": [(articles.lang == "zh").sum(), (articles.lang == "en").sum()],
    })
    top = files.nlargest(largest, "characters", keep="first")[["file", "year", "encoding", *columns[2:]]]
    return (html_table(by_year, caption=f"The {len(summary):,} input files by year (of the dates of their articles).")
            + html_table(by_language, caption="Lines and characters mostly in Chinese or in English, and article versions.")
            + html_table(top, caption=f"The {min(largest, len(summary))} largest files."))


def key_findings(everything: Tables, chosen: Tables, lexicon_path: str) -> str:
    """The opening paragraph: the engagements and their period, the most engaged countries and
    organisations, the counterparts new in the period, the topics most raised and how they moved,
    the officials most often present, and the data-quality headline; every number from the tables."""
    ev = chosen.events
    if ev.empty:
        return f'<p class="findings">No engagement in this selection (the whole corpus has {len(everything.events):,}).</p>'
    dated = ev.date[full_date(ev.date)]
    types = ev.event_type.map(TYPE_LABELS).value_counts()
    kinds = _series([f"{n:,} {kind}{'s' if n > 1 else ''}" for kind, n in types.items()])
    period = (f"on {dated.min()}" if dated.nunique() == 1 else f"from {dated.min()} to {dated.max()}") if len(dated) \
        else "undated"
    sentences = [f"{len(ev):,} engagement{'s' if len(ev) > 1 else ''} {period}: {kinds}.", _told_by(chosen)]
    names = lane_labels(ev)
    for column, what in (("counterpart_country", "countries"), ("counterpart_org", "organisations")):
        counts = ev[column][ev[column] != ""].value_counts().head(3)
        if len(counts):
            sentences.append(f"Most engaged {what}: " + _series([f"{names[c]} ({n:,})" for c, n in counts.items()]) + ".")
    sentences.append(_new_counterparts(everything.events, ev, names))
    sentences.append(_topics_moved(chosen, load_lexicon(lexicon_path)))
    officials = attendance(chosen).head(3)
    if len(officials):
        sentences.append("Officials most often present: " + _series(
            [f"{r.official} {r.中文} ({r.engagements:,})".replace("  ", " ") for r in officials.itertuples()]) + ".")
    sentences.append(_quality_headline(chosen))
    return '<p class="findings">' + " ".join(html.escape(s) for s in sentences if s) + "</p>"


def _series(items: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    return " and ".join([", ".join(items[:-1]), items[-1]]) if len(items) > 1 else "".join(items)


def _quarter(dates: pd.Series) -> pd.Series:
    return dates.str[:4] + "Q" + ((dates.str[5:7].astype(int) - 1) // 3 + 1).astype(str)


def _new_counterparts(all_events: pd.DataFrame, ev: pd.DataFrame, names: dict[str, str]) -> str:
    """The counterparts first engaged since the selection began, when the corpus has earlier
    engagements; otherwise since the start of the selection's latest quarter."""
    dated = ev[full_date(ev.date)]
    if dated.empty:
        return ""
    since = dated.date.min()
    if not (all_events.date[full_date(all_events.date)] < since).any():
        latest = _quarter(dated.date).max()
        if latest == _quarter(dated.date).min():
            return ""
        since = f"{latest[:4]}-{(int(latest[-1]) - 1) * 3 + 1:02d}-01"
    keyed = all_events[full_date(all_events.date)].assign(
        key=lambda t: [name_key(e or z) for e, z in zip(t.counterpart_en, t.counterpart_zh)])
    first = keyed.groupby("key").date.min()
    chosen_keys = {name_key(e or z) for e, z in zip(dated.counterpart_en, dated.counterpart_zh)}
    new = keyed[keyed.key.isin(chosen_keys) & keyed.key.map(first).ge(since) & keyed.event_id.isin(set(ev.event_id))]
    new = new.sort_values("date").drop_duplicates("key")
    if new.empty:
        return f"No counterpart new since {since}."
    items = [f"{r.counterpart_en or r.counterpart_zh} ({names.get(counterpart_label(r), 'other')}, {r.date})"
             for r in new.head(NEW_SHOWN).itertuples()]
    if len(new) > NEW_SHOWN:
        items.append(f"{len(new) - NEW_SHOWN:,} more (see the counterparts table)")
    return f"New counterparts since {since}: " + _series(items) + "."


def _topics_moved(chosen: Tables, lexicon) -> str:
    """The three topics raised in most engagements, and their count in each half of the period."""
    if chosen.event_topics.empty:
        return "No topic raised."
    pairs = chosen.event_topics.drop_duplicates(["event_id", "topic"])
    dates = chosen.events.set_index("event_id").date
    pairs = pairs.assign(date=pairs.event_id.map(dates))
    counts = pairs.topic.value_counts(sort=False)
    order = {name: number for number, name in enumerate(lexicon.names)}
    top = sorted(counts.index, key=lambda t: (-counts[t], order.get(t, len(order))))[:3]
    labels = {t.name: t.label_en for t in lexicon.topics}
    sentence = "Topics most raised: " + _series([f"{labels.get(t, t)} ({counts[t]:,})" for t in top]) + "."
    dated = pairs[full_date(pairs.date)]
    period = chosen.events.date[full_date(chosen.events.date)]
    if period.nunique() > 1:
        first, last = pd.Timestamp(period.min()), pd.Timestamp(period.max())
        middle = (first + (last - first) / 2).strftime("%Y-%m-%d")
        moves = [f"{labels.get(t, t)} {((dated.topic == t) & (dated.date < middle)).sum():,} → "
                 f"{((dated.topic == t) & (dated.date >= middle)).sum():,}" for t in top]
        sentence += f" Engagements raising them before and from {middle}, the middle of the period: " + _series(moves) + "."
    return sentence


def _told_by(chosen: Tables) -> str:
    """How many reports the engagements were read from, by how many outlets: said only when an
    engagement was told more than once (by another outlet, in other words, or in a copy)."""
    rows = reports(chosen)
    if rows.empty or (rows.how == "own").all():
        return ""
    told = rows[rows.how != "own"].event_id.nunique()
    outlets = rows.outlet.replace("", pd.NA).nunique()
    n = rows.event_id.nunique()
    return (("Counted once, it was" if n == 1 else "Each counted once, they were") + f" read from {len(rows):,} reports"
            + (f" by {outlets:,} outlet{'s' if outlets != 1 else ''}" if outlets else "")
            + f"; {told:,} engagement{'s were' if told != 1 else ' was'} told more than once.")


def _quality_headline(chosen: Tables) -> str:
    repairs = chosen.repairs.kind.value_counts()
    unpaired = (chosen.diagnostics.code == "unpaired").sum()
    inferred = int(chosen.events.year_inferred.sum())
    yearless = int((~full_date(chosen.events.date) & (chosen.events.date != "")).sum())
    detail = f" ({_series([f'{n:,} {kind}' for kind, n in repairs.items()])})" if len(repairs) else ""
    copies = int((chosen.diagnostics.code == "duplicate_article").sum())
    disagreements = int((chosen.diagnostics.code == "source_disagreement").sum())
    extra = (f", {copies:,} cop{'ies' if copies != 1 else 'y'} of an article counted once" if copies else "") + (
        f", {disagreements:,} disagreement{'s' if disagreements != 1 else ''} between sources" if disagreements else "")
    return (f"Data quality: {len(chosen.repairs):,} repairs of damaged text{detail}, {unpaired:,} unpaired "
            f"article{'s' if unpaired != 1 else ''}, {inferred:,} date{'s' if inferred != 1 else ''} with an "
            f"inferred year" + (f", {yearless:,} without a year" if yearless else "") + extra + ".")


def changes_since(params: Params, chosen: Tables, limit: int = 60) -> str:
    """The engagements added, removed and changed since the run `compare_to` names: a sentence
    with the counts, and the table."""
    if not params.compare_to:
        return '<p class="none">No earlier run to compare with (set the parameter compare_to to a run folder).</p>'
    table = compare(earlier_run(params.compare_to), chosen)
    counts = table.change.value_counts()
    unchanged = len(chosen.events) - counts.get("added", 0) - counts.get("changed", 0)
    sentence = (f"Compared with the run in {shown_path(resolve(params.compare_to))}: "
                + ", ".join(f"{counts.get(change, 0):,} {change}" for change in CHANGES)
                + f", {unchanged:,} unchanged.")
    return f"<p>{html.escape(sentence)}</p>" + (html_table(table, limit=limit) if len(table) else "")


def events_by_type(events: pd.DataFrame) -> pd.DataFrame:
    counts = events.event_type.map(TYPE_LABELS).value_counts()
    return counts.rename_axis("type").reset_index(name="engagements")


# ---------------------------------------------------------------- 2. counterparts

def counterpart_label(row) -> str:
    """Where a counterpart comes from: a country code, an organisation, or 'other'."""
    return row.counterpart_country or row.counterpart_org or "other"


def counterparts(events: pd.DataFrame) -> pd.DataFrame:
    """One row per counterpart person (or audience): role, country or organisation, first and last
    engagement, count, sorted by count then first date."""
    if events.empty:
        return pd.DataFrame(columns=["counterpart", "中文", "role", "place", "first", "last", "events"])
    ev = events.assign(key=[name_key(e or z) for e, z in zip(events.counterpart_en, events.counterpart_zh)],
                       place=[counterpart_label(r) for r in events.itertuples()])
    rows = []
    for _, group in ev.groupby(["place", "key"], sort=False):
        first = group.iloc[date_order(group.date)[0]]
        rows.append({"counterpart": first.counterpart_en or first.counterpart_zh, "中文": first.counterpart_zh,
                     "role": first.counterpart_role_en, "place": first.place,
                     "first": first_date(group.date), "last": last_date(group.date), "events": len(group)})
    return pd.DataFrame(rows).sort_values(["events", "first"], ascending=[False, True]).reset_index(drop=True)


def counterpart_changes(events: pd.DataFrame) -> pd.DataFrame:
    """Countries or organisations met through more than one person, with who held the post when."""
    table = counterparts(events)
    several = table.groupby("place").counterpart.transform("nunique") > 1
    return table[several].sort_values(["place", "first"]).reset_index(drop=True)


# ---------------------------------------------------------------- 3. topics

def topic_labels(lexicon_path: str) -> dict[str, str]:
    lexicon = load_lexicon(lexicon_path)
    return {t.name: f"{t.label_en} / {t.label_zh}" for t in lexicon.topics}


def topic_evidence(chosen: Tables, lexicon_path: str, per_topic: int = 5) -> pd.DataFrame:
    """For each topic and each of its first `per_topic` engagements (by date, with its counterpart
    and the source lines), the words that state it, marked, in a window of the sentence around
    them: Chinese and English side by side. The run folder's `event_topics` table keeps the whole
    sentences."""
    columns = ["topic", "engagement", "中文", "English"]
    if chosen.event_topics.empty:
        return pd.DataFrame(columns=columns)
    lexicon = load_lexicon(lexicon_path)
    order = {name: number for number, name in enumerate(lexicon.names)}
    events = chosen.events.set_index("event_id")
    rows = chosen.event_topics.assign(date=lambda t: t.event_id.map(events.date), order=lambda t: t.topic.map(order))
    rows = rows.assign(yearless=~full_date(rows.date)).sort_values(["order", "yearless", "date", "event_id"])
    first = rows.drop_duplicates(["topic", "event_id"]).groupby("topic", sort=False).head(per_topic)
    shown = set(zip(first.topic, first.event_id))
    rows = rows[[key in shown for key in zip(rows.topic, rows.event_id)]]
    table = []
    for (topic, event_id), group in rows.groupby(["topic", "event_id"], sort=False):
        by_lang = {row.lang: row for row in group.itertuples()}
        cells = {lang: marked_window(row.evidence, evidence_spans(lexicon, topic, row.evidence, lang), lang)
                 for lang, row in by_lang.items()}
        event = events.loc[event_id]
        table.append({"topic": lexicon.topics[order[topic]].label_en,
                      "engagement": f"{event.date} {counterpart_label(event)}, {_evidence_source(by_lang)}",
                      "中文": cells.get("zh", ""), "English": cells.get("en", "")})
    table = pd.DataFrame(table, columns=columns)
    table.attrs["html"] = ["中文", "English"]  # cells built by marked_window: html_table keeps their <mark>
    return table


def marked_window(sentence: str, spans: list[tuple[int, int]], lang: str) -> str:
    """The part of `sentence` around its first match, the matched words in `<mark>`, the rest
    escaped; an ellipsis where the sentence is cut. English is cut between words."""
    width = EVIDENCE_WINDOW[lang]
    first_start, first_end = spans[0] if spans else (0, 0)
    low, high = max(0, first_start - width), min(len(sentence), first_end + width)
    if lang == "en":
        if low > 0:
            low = next((i + 1 for i in range(low, first_start) if sentence[i] == " "), low)
        if high < len(sentence):
            high = next((i for i in range(high, first_end, -1) if sentence[i] == " "), high)
    parts, position = ["…" if low > 0 else ""], low
    for start, end in spans:
        start, end = max(start, low), min(end, high)
        if start >= end:
            continue
        parts += [html.escape(sentence[position:start]), f"<mark>{html.escape(sentence[start:end])}</mark>"]
        position = end
    parts += [html.escape(sentence[position:high]), "…" if high < len(sentence) else ""]
    return "".join(parts).strip()


def _evidence_source(by_lang: dict) -> str:
    """'002_x.txt lines 17 (zh), 23 (en)': the file and the line of each version's sentence."""
    files: dict[str, list[str]] = {}
    for lang in ("zh", "en"):
        if lang in by_lang:
            files.setdefault(Path(by_lang[lang].source_file).name, []).append(f"{by_lang[lang].line} ({lang})")
    return "; ".join(f"{name} lines {', '.join(lines)}" for name, lines in files.items())


# ---------------------------------------------------------------- 4. attendees

def principals(events: pd.DataFrame) -> pd.DataFrame:
    """Who led China's side, how often, by type."""
    if events.empty:
        return pd.DataFrame(columns=["principal", "中文", "role", "events", "first", "last"])
    table = events.groupby(["principal_en", "principal_zh"]).agg(
        role=("principal_role_en", "first"), events=("event_id", "count"), first=("date", first_date), last=("date", last_date))
    return table.reset_index().rename(columns={"principal_en": "principal", "principal_zh": "中文"}).sort_values(
        ["events", "first"], ascending=[False, True]).reset_index(drop=True)


def attendance(chosen: Tables) -> pd.DataFrame:
    """Officials by number of engagements attended, with their titles."""
    att = chosen.attendees
    if att.empty:
        return pd.DataFrame(columns=["official", "中文", "title", "engagements", "first", "last"])
    dates = chosen.events.set_index("event_id").date
    table = att.assign(date=att.event_id.map(dates)).groupby(["name_en", "name_zh"]).agg(
        title=("role_en", "last"), engagements=("event_id", "nunique"), first=("date", first_date), last=("date", last_date))
    return table.reset_index().rename(columns={"name_en": "official", "name_zh": "中文"}).sort_values(
        ["engagements", "official"], ascending=[False, True]).reset_index(drop=True)


# ---------------------------------------------------------------- 5. catalogue

def catalogue(chosen: Tables, labels: dict[str, str] | None = None) -> pd.DataFrame:
    """One row per event in date order (days without their year last): date, type, principal,
    counterpart, where, topics (by their `labels`), attendees, titles, sources."""
    labels = labels or {}
    topics = chosen.event_topics.topic.map(lambda name: labels.get(name, name)).groupby(
        chosen.event_topics.event_id).agg(lambda t: ", ".join(sorted(set(t))))
    att = chosen.attendees
    people = (att.name_en + " " + att.name_zh).str.strip().groupby(att.event_id).agg(", ".join)
    ev = chosen.events.iloc[date_order(chosen.events.date)]
    return pd.DataFrame({
        "date": ev.date + ev.year_inferred.map({True: "*", False: ""}),
        "type": ev.event_type.map(TYPE_LABELS),
        "principal": ev.principal_en + " " + ev.principal_zh,
        "counterpart": (ev.counterpart_en + " " + ev.counterpart_zh).str.strip(),
        "place": [counterpart_label(r) for r in ev.itertuples()],
        "topics": [topics.get(e, "") for e in ev.event_id],
        "attendees": [people.get(e, "") for e in ev.event_id],
        "title": (ev.title_en + " / " + ev.title_zh).str.strip(" /"),
        "source": _sources_of(chosen, ev),
    })


def catalogue_html(chosen: Tables, labels: dict[str, str] | None = None, limit: int = 100) -> str:
    """The catalogue as one block per engagement (readable at A4 where a 9-column table is not)."""
    table = catalogue(chosen, labels)
    blocks = []
    for row in table.head(limit).itertuples(index=False):
        head = f"{row.date} · {row.type} · {row.principal} → {row.counterpart or '—'} ({row.place})"
        fields = [("topics", row.topics), ("attendees", row.attendees), ("titles", row.title), ("sources", row.source)]
        items = "".join(f'<p><span class="label">{name}</span> {html.escape(value or "—")}</p>' for name, value in fields)
        blocks.append(f'<div class="event"><p class="head">{html.escape(head)}</p>{items}</div>')
    if len(table) > limit:
        blocks.append(f'<p class="more">… and {len(table) - limit:,} more events in the run folder\'s events table.</p>')
    return "".join(blocks) or '<p class="none">No engagement in this selection.</p>'


HOW_SHOWN = {"own": "", "same_facts": ", other words", "identical": ", copy"}
UNKNOWN_OUTLET = "outlet not named"


def _sources_of(chosen: Tables, ev: pd.DataFrame) -> list[str]:
    """For each event of `ev`, its reports from `event_sources` grouped by outlet: 'Xinhua:
    a.txt lines 1-5 (en); b.txt lines 1-5 (en, copy) · Global Times: …'; the events table's own
    lines where event_sources has none (tables written before it)."""
    rows = chosen.event_sources
    if rows.empty:
        return [_sources(r) for r in ev.itertuples()]
    order = {"own": 0, "same_facts": 1, "identical": 2}
    rows = rows.assign(order=rows.how.map(order).fillna(3), unnamed=rows.outlet == "").sort_values(
        ["event_id", "order", "unnamed", "source_file", "line_start"])
    text: dict[str, str] = {}
    for event_id, group in rows.groupby("event_id", sort=False):
        outlets: dict[str, dict[str, list[str]]] = {}
        for r in group.itertuples():
            files = outlets.setdefault(r.outlet or UNKNOWN_OUTLET, {})
            files.setdefault(Path(r.source_file).name, []).append(
                f"{r.line_start}-{r.line_end} ({r.lang}{HOW_SHOWN.get(r.how, ', ' + r.how)})")
        text[event_id] = " · ".join(
            f"{name}: " + "; ".join(f"{file} lines {', '.join(lines)}" for file, lines in files.items())
            for name, files in outlets.items())
    return [text.get(r.event_id) or _sources(r) for r in ev.itertuples()]


def outlets_table(chosen: Tables) -> pd.DataFrame:
    """One row per outlet: its reports (article versions, copies included), the files they are in,
    the engagements it reported, and those it alone reported."""
    columns = ["outlet", "reports", "copies", "files", "engagements", "only this outlet"]
    rows = reports(chosen)
    if rows.empty:
        return pd.DataFrame(columns=columns)
    rows = rows.assign(outlet=rows.outlet.replace("", UNKNOWN_OUTLET))
    per_event = rows.groupby("event_id").outlet.nunique()
    alone = rows[rows.event_id.map(per_event) == 1].groupby("outlet").event_id.nunique()
    table = rows.groupby("outlet").agg(reports=("article_id", "size"), copies=("how", lambda h: int((h == "identical").sum())),
                                       files=("source_file", "nunique"), engagements=("event_id", "nunique"))
    table["only this outlet"] = alone.reindex(table.index).fillna(0).astype(int)
    return table.reset_index().sort_values(["reports", "outlet"], ascending=[False, True]).reset_index(drop=True)[columns]


def single_outlet_engagements(chosen: Tables) -> pd.DataFrame:
    """The engagements only one outlet reported, by date, with that outlet and its reports."""
    columns = ["date", "engagement", "outlet", "reports"]
    rows = reports(chosen)
    if rows.empty:
        return pd.DataFrame(columns=columns)
    rows = rows.assign(outlet=rows.outlet.replace("", UNKNOWN_OUTLET))
    per_event = rows.groupby("event_id").agg(outlets=("outlet", "nunique"), outlet=("outlet", "first"),
                                             reports=("article_id", "size"))
    ev = chosen.events.iloc[date_order(chosen.events.date)]
    ev = ev[ev.event_id.map(per_event.outlets) == 1]
    return pd.DataFrame({
        "date": ev.date.tolist(),
        "engagement": [f"{r.principal_en or r.principal_zh} → {(r.counterpart_en or r.counterpart_zh or '—')} "
                       f"({counterpart_label(r)})" for r in ev.itertuples()],
        "outlet": ev.event_id.map(per_event.outlet).tolist(),
        "reports": ev.event_id.map(per_event.reports).astype(int).tolist(),
    }, columns=columns)


def outlets_html(chosen: Tables) -> str:
    """The outlets table, a sentence on the engagements one outlet alone reported, and their list
    when the selection has several outlets (with one, it is every engagement)."""
    table = outlets_table(chosen)
    if table.empty:
        return html_table(table)
    single = single_outlet_engagements(chosen)
    n = len(chosen.events)
    sentence = (f"{len(single):,} of the {n:,} engagement{'s' if n != 1 else ''} in this selection "
                f"{'were' if len(single) != 1 else 'was'} reported by one outlet only.")
    out = html_table(table) + f"<p>{html.escape(sentence)}</p>"
    if len(table) > 1 and len(single):
        out += html_table(single, caption="Engagements one outlet alone reported.")
    return out


def _sources(row) -> str:
    files = row.source_file.split("; ")
    parts = []
    for lang, lines in (("zh", row.zh_lines), ("en", row.en_lines)):
        if lines:
            article = row.zh_article_id if lang == "zh" else row.en_article_id
            name = next((Path(f).name for f in files if Path(f).stem == article.rsplit(":", 1)[0]), files[0])
            parts.append(f"{name}:{lines} ({lang})")
    return "; ".join(parts)


# ---------------------------------------------------------------- 6. data quality

def repairs_by_kind(repairs: pd.DataFrame) -> pd.DataFrame:
    """Counts of repairs by kind, with one example each."""
    if repairs.empty:
        return pd.DataFrame(columns=["kind", "repairs", "example before", "example after", "where"])
    first = repairs.drop_duplicates("kind").set_index("kind")
    counts = repairs.kind.value_counts()
    return pd.DataFrame({
        "kind": counts.index, "repairs": counts.values,
        "example before": [first.loc[k, "before"] for k in counts.index],
        "example after": [first.loc[k, "after"] for k in counts.index],
        "where": [f"{Path(first.loc[k, 'source_file']).name}:{first.loc[k, 'line']}" for k in counts.index],
    })


def diagnostics_by_code(diagnostics: pd.DataFrame) -> pd.DataFrame:
    if diagnostics.empty:
        return pd.DataFrame(columns=["severity", "code", "count"])
    return diagnostics.groupby(["severity", "code"]).size().reset_index(name="count").sort_values(
        ["severity", "count"], ascending=[True, False]).reset_index(drop=True)


def diagnostics_of(diagnostics: pd.DataFrame, codes: list[str]) -> pd.DataFrame:
    """The diagnostics of the given codes, with a `where` column (file:line)."""
    rows = diagnostics[diagnostics.code.isin(codes)]
    return pd.DataFrame({"where": rows.source_file.map(lambda f: Path(f).name) + ":" + rows.line.astype(str),
                         "code": rows.code, "message": rows.message.str.replace(_FILE_PATH_RE, r"\1", regex=True)
                         }).reset_index(drop=True)


SOURCE_CODES = ["duplicate_article", "source_disagreement"]
_DISAGREEMENT_RE = re.compile(r"the reports give (\w+) as")


def source_checks(chosen: Tables) -> pd.DataFrame:
    """How the reports of one engagement were counted once: copies set aside, engagements merged
    from several reports, and the disagreements between sources, by field."""
    rows = reports(chosen)
    diagnostics = chosen.diagnostics
    disagreements = diagnostics.message[diagnostics.code == "source_disagreement"].str.extract(
        _DISAGREEMENT_RE, expand=False).fillna("other").value_counts()
    merged = rows[rows.how == "same_facts"].event_id.nunique() if len(rows) else 0
    table = [
        ("reports of the engagements (article versions)", len(rows)),
        ("engagements", len(chosen.events)),
        ("engagements merged from reports in other words (same_facts)", merged),
        ("copies of an article counted once (duplicate_article)", int((diagnostics.code == "duplicate_article").sum())),
        ("disagreements between sources (source_disagreement)", int(disagreements.sum())),
    ] + [(f"… on {field.replace('_', ' ')}", int(n)) for field, n in disagreements.items()]
    return pd.DataFrame(table, columns=["check", "count"])


def inferred_years(chosen: Tables) -> pd.DataFrame:
    ev = chosen.events[chosen.events.year_inferred]
    return pd.DataFrame({"date": ev.date, "title": (ev.title_en + " / " + ev.title_zh).str.strip(" /"),
                         "source": _sources_of(chosen, ev)}).reset_index(drop=True)


# ---------------------------------------------------------------- 7. method

def run_facts(params: Params, run_dir: str | Path) -> pd.DataFrame:
    """What identifies this run: the corpus checksum, the code version, and where its files are."""
    return pd.DataFrame({
        "item": ["corpus files", "corpus checksum (SHA-256)", "code version", "run folder"],
        "value": [len(corpus_files(params.corpus)), corpus_checksum(params), code_version(), shown_path(run_dir)],
    })


def versions() -> pd.DataFrame:
    rows = [{"package": "python", "version": platform.python_version()}]
    for package in PACKAGES:
        try:
            rows.append({"package": package, "version": importlib.metadata.version(package)})
        except importlib.metadata.PackageNotFoundError:
            rows.append({"package": package, "version": "not installed"})
    return pd.DataFrame(rows)


# ---------------------------------------------------------------- display

def html_table(df: pd.DataFrame, limit: int = TOP_N, caption: str = "") -> str:
    """An HTML table of at most `limit` rows (the rest summarised in a last line), every cell escaped
    but those of the columns listed in `df.attrs["html"]`, built by this module from escaped text:
    markup in a document never becomes markup in the report. Numbers align right; columns are wide
    enough for their longest word."""
    cap = f'<p class="caption">{html.escape(caption)}</p>' if caption else ""
    if df.empty:
        return cap + '<p class="none">None in this selection.</p>'
    shown = df.head(limit)
    kinds = [_column_class(shown[c]) for c in shown.columns]
    cols = "".join(f'<col style="width:{w:.1f}%">' for w in _column_widths(shown, kinds))
    head = "".join(f'<th class="{k}">{html.escape(str(c))}</th>' for c, k in zip(shown.columns, kinds))
    trusted = [column in df.attrs.get("html", ()) for column in shown.columns]
    rows = "".join(
        "<tr>" + "".join(f'<td class="{k}">{_cell(v) if safe else html.escape(_cell(v))}</td>'
                         for v, k, safe in zip(row, kinds, trusted)) + "</tr>"
        for row in shown.itertuples(index=False))
    note = f'<p class="more">… and {len(df) - limit:,} more rows in the run folder\'s tables.</p>' if len(df) > limit else ""
    return f'{cap}<table class="data"><colgroup>{cols}</colgroup><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>{note}'


def _display_width(text: str) -> float:
    """Width of text in lower-case letters: a CJK character is about two, a digit 1.15 and a
    capital 1.25 (DejaVu Sans)."""
    return sum(2.0 if ord(c) > 0x2e80 else 1.15 if c.isdigit() else 1.25 if c.isupper() else 1.0 for c in text)


def _longest_word(text: str) -> float:
    """Display width of the longest run of text that should not break: a Latin word with the
    punctuation that cannot start a line after it (`country /`), or a short CJK name (Chinese
    longer than CJK_NAME characters breaks anywhere)."""
    words = []
    for token in re.split(r"\s+", text):
        if words and token and not any(c.isalnum() for c in token):
            words[-1] += " " + token
        else:
            words.append(token)
    widths = [_display_width(w) for word in words for w in
              ([word] if len(word) <= CJK_NAME or not CJK_RE.search(word) else CJK_RE.split(word))]
    return max(widths, default=0.0)


def _column_widths(df: pd.DataFrame, kinds: list[str]) -> list[float]:
    """Column widths in percent of a line of about PAGE_LETTERS letters: numbers and dates get all
    the room they need, every column at least its longest word (so no word breaks), and text
    columns share the rest in proportion to their typical (90th percentile) width."""
    texts = {column: df[column].map(lambda v: _TAG_RE.sub("", _cell(v))) for column in df.columns}
    least, fixed, flexible = {}, {}, {}
    for i, (column, kind) in enumerate(zip(df.columns, kinds)):
        cells = texts[column].map(_display_width)
        # Headers are bold (a third wider); a token longer than LONGEST_WORD (a checksum, a file
        # name) may break anywhere, as source columns' file names may past SOURCE_WORD.
        margin = 1.0 if kind in ("num", "date") else 1.1  # digits are measured; words vary more
        longest = min(margin * texts[column].map(_longest_word).max(), SOURCE_WORD if kind == "src" else LONGEST_WORD)
        least[i] = max(1.35 * _longest_word(str(column)), longest) + 2
        if kind in ("num", "date"):
            fixed[i] = max(least[i], (cells.max() if len(cells) else 0) + 2)
        else:
            flexible[i] = max(least[i], min(60.0, max(6.0, float(cells.quantile(0.9)) if len(cells) else 0.0)))
    # The room left by numbers and dates goes to the text columns in proportion to their typical
    # width; a column that would get less than its longest word gets that, and the others share
    # what remains.
    free, scale = set(flexible), 0.0
    while free:
        budget = PAGE_LETTERS - sum(fixed.values()) - sum(least[i] for i in flexible if i not in free)
        scale = max(budget, 0.0) / sum(flexible[i] for i in free)
        pinned = {i for i in free if flexible[i] * scale < least[i]}
        if not pinned:
            break
        free -= pinned
    widths = [fixed[i] if i in fixed else flexible[i] * scale if i in free else least[i] for i in range(len(kinds))]
    total = sum(widths) or 1.0  # more than PAGE_LETTERS only when the longest words cannot all fit
    return [100 * w / total for w in widths]


def _column_class(column: pd.Series) -> str:
    """How a column is set: numbers right, dates and short names unbroken, sources broken anywhere,
    long text given room."""
    if pd.api.types.is_numeric_dtype(column) and not pd.api.types.is_bool_dtype(column):
        return "num"
    if str(column.name) in DATE_COLUMNS:
        return "date"
    if str(column.name) in SOURCE_COLUMNS:
        return "src"
    lengths = column.astype(str).str.len()
    if len(column) and lengths.max() <= 20:
        return "nw"
    return "long" if len(column) and lengths.mean() > 60 else ""


def _cell(value) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    return f"{value:,}" if isinstance(value, int) and not isinstance(value, bool) else str(value)
