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
import shutil
from pathlib import Path

import pandas as pd

from .events import name_key
from .gazetteer import load_gazetteer
from .params import Params, corpus_files, resolve, validate
from .pipeline import DEFAULT_CACHE, code_version, extract
from .plover import write_plover
from .select import filter_tables
from .tables import SCHEMAS, Tables, read_table
from .topics import DEFAULT_PATH as DEFAULT_LEXICON
from .topics import load_lexicon

TOP_N = 25
DATE_COLUMNS = {"date", "first", "last"}
SOURCE_COLUMNS = {"source", "where", "file"}
PAGE_LETTERS = 95  # letters of table text across the A4 text width (digits run wide)
PACKAGES = ["charset-normalizer", "OpenCC", "pypinyin", "rapidfuzz", "ahocorasick-rs", "pycountry", "jieba", "pandas",
            "pyarrow", "matplotlib", "networkx", "papermill", "nbconvert", "weasyprint"]
TYPE_LABELS = {"phone_call": "phone call", "video_conference": "video conference", "meeting": "meeting", "event": "event"}


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
    """The headline figures, for the whole corpus and for the selection this report shows."""
    def figures(t: Tables) -> dict:
        dated = t.events.date[t.events.date != ""]
        return {
            "files": t.articles.source_file.nunique(),
            "articles (zh / en)": f"{(t.articles.lang == 'zh').sum()} / {(t.articles.lang == 'en').sum()}",
            "events": len(t.events),
            "date span": f"{dated.min()} – {dated.max()}" if len(dated) else "–",
            "counterpart countries": t.events.counterpart_country.replace("", pd.NA).nunique(),
            "counterpart organisations": t.events.counterpart_org.replace("", pd.NA).nunique(),
            "attendee rows": len(t.attendees),
            "topic rows": len(t.event_topics),
        }
    return pd.DataFrame({"whole corpus": figures(everything), "this report": figures(chosen)})


def events_by_type(events: pd.DataFrame) -> pd.DataFrame:
    counts = events.event_type.map(TYPE_LABELS).value_counts()
    return counts.rename_axis("event type").reset_index(name="events")


# ---------------------------------------------------------------- 2. counterparts

def counterpart_label(row) -> str:
    """Where a counterpart comes from: a country code, an organisation, or 'other'."""
    return row.counterpart_country or row.counterpart_org or "other"


def counterparts(events: pd.DataFrame) -> pd.DataFrame:
    """One row per counterpart person (or audience): role, country or organisation, first and last
    engagement, count, sorted by count then first date."""
    if events.empty:
        return pd.DataFrame(columns=["counterpart", "中文", "role", "country / org", "first", "last", "events"])
    ev = events.assign(key=[name_key(e or z) for e, z in zip(events.counterpart_en, events.counterpart_zh)],
                       place=[counterpart_label(r) for r in events.itertuples()])
    rows = []
    for _, group in ev.groupby(["place", "key"], sort=False):
        first = group.sort_values("date").iloc[0]
        rows.append({"counterpart": first.counterpart_en or first.counterpart_zh, "中文": first.counterpart_zh,
                     "role": first.counterpart_role_en, "country / org": first.place,
                     "first": group.date.min(), "last": group.date.max(), "events": len(group)})
    return pd.DataFrame(rows).sort_values(["events", "first"], ascending=[False, True]).reset_index(drop=True)


def counterpart_changes(events: pd.DataFrame) -> pd.DataFrame:
    """Countries or organisations met through more than one person, with who held the post when."""
    table = counterparts(events)
    several = table.groupby("country / org").counterpart.transform("nunique") > 1
    return table[several].sort_values(["country / org", "first"]).reset_index(drop=True)


# ---------------------------------------------------------------- 3. topics

def topic_labels(lexicon_path: str) -> dict[str, str]:
    lexicon = load_lexicon(lexicon_path)
    return {t.name: f"{t.label_en} / {t.label_zh}" for t in lexicon.topics}


def topic_evidence(chosen: Tables, per_topic: int = 2) -> pd.DataFrame:
    """For each topic, supporting sentences in both languages (those of its first event) with
    their date and source line."""
    if chosen.event_topics.empty:
        return pd.DataFrame(columns=["topic", "date", "counterpart", "lang", "evidence", "source"])
    ev = chosen.events.set_index("event_id")
    where = pd.Series([counterpart_label(r) for r in chosen.events.itertuples()], index=ev.index)
    rows = chosen.event_topics.assign(
        date=lambda t: t.event_id.map(ev.date),
        counterpart=lambda t: t.event_id.map(where),
        source=lambda t: t.source_file.map(lambda f: Path(f).name) + ":" + t.line.astype(str),
    ).sort_values(["topic", "date", "lang"])
    rows = rows.groupby("topic", group_keys=False).head(per_topic)
    rows = rows.assign(evidence=rows.evidence.map(lambda text: shorten(text, 140)))
    return rows[["topic", "date", "counterpart", "lang", "evidence", "source"]].reset_index(drop=True)


# ---------------------------------------------------------------- 4. attendees

def attendee_key(row) -> str:
    return f"{row.name_en} {row.name_zh}".strip()


def principals(events: pd.DataFrame) -> pd.DataFrame:
    """Who led China's side, how often, by type."""
    if events.empty:
        return pd.DataFrame(columns=["principal", "中文", "role", "events", "first", "last"])
    table = events.groupby(["principal_en", "principal_zh"]).agg(
        role=("principal_role_en", "first"), events=("event_id", "count"), first=("date", "min"), last=("date", "max"))
    return table.reset_index().rename(columns={"principal_en": "principal", "principal_zh": "中文"}).sort_values(
        ["events", "first"], ascending=[False, True]).reset_index(drop=True)


def attendance(chosen: Tables) -> pd.DataFrame:
    """Officials by number of engagements attended, with their titles."""
    att = chosen.attendees
    if att.empty:
        return pd.DataFrame(columns=["official", "中文", "title", "engagements", "first", "last"])
    dates = chosen.events.set_index("event_id").date
    table = att.assign(date=att.event_id.map(dates)).groupby(["name_en", "name_zh"]).agg(
        title=("role_en", "last"), engagements=("event_id", "nunique"), first=("date", "min"), last=("date", "max"))
    return table.reset_index().rename(columns={"name_en": "official", "name_zh": "中文"}).sort_values(
        ["engagements", "official"], ascending=[False, True]).reset_index(drop=True)


# ---------------------------------------------------------------- 5. catalogue

def catalogue(chosen: Tables) -> pd.DataFrame:
    """One row per event: date, type, principal, counterpart, where, topics, attendees, titles, sources."""
    topics = chosen.event_topics.groupby("event_id").topic.agg(lambda t: ", ".join(sorted(set(t))))
    people = chosen.attendees.groupby("event_id").apply(
        lambda g: ", ".join(f"{e} {z}".strip() for e, z in zip(g.name_en, g.name_zh)), include_groups=False)
    ev = chosen.events
    return pd.DataFrame({
        "date": ev.date + ev.year_inferred.map({True: "*", False: ""}),
        "type": ev.event_type.map(TYPE_LABELS),
        "principal": ev.principal_en + " " + ev.principal_zh,
        "counterpart": (ev.counterpart_en + " " + ev.counterpart_zh).str.strip(),
        "country / org": [counterpart_label(r) for r in ev.itertuples()],
        "topics": ev.event_id.map(topics).fillna(""),
        "attendees": ev.event_id.map(people).fillna(""),
        "title": (ev.title_en + " / " + ev.title_zh).str.strip(" /"),
        "source": [_sources(r) for r in ev.itertuples()],
    })


def catalogue_html(chosen: Tables, limit: int = 100) -> str:
    """The catalogue as one block per engagement (readable at A4 where a 9-column table is not)."""
    table = catalogue(chosen)
    blocks = []
    for row in table.head(limit).itertuples(index=False):
        head = f"{row.date} · {row.type} · {row.principal} → {row.counterpart or '—'} ({row._4})"
        fields = [("topics", row.topics), ("attendees", row.attendees), ("titles", row.title), ("source", row.source)]
        items = "".join(f'<p><span class="label">{name}</span> {html.escape(value or "—")}</p>' for name, value in fields)
        blocks.append(f'<div class="event"><p class="head">{html.escape(head)}</p>{items}</div>')
    if len(table) > limit:
        blocks.append(f'<p class="more">… and {len(table) - limit:,} more events in the run folder\'s events table.</p>')
    return "".join(blocks) or "<p>No events in this selection.</p>"


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
                         "code": rows.code, "message": rows.message}).reset_index(drop=True)


def inferred_years(chosen: Tables) -> pd.DataFrame:
    ev = chosen.events[chosen.events.year_inferred]
    return pd.DataFrame({"date": ev.date, "title": (ev.title_en + " / " + ev.title_zh).str.strip(" /"),
                         "source": [_sources(r) for r in ev.itertuples()]}).reset_index(drop=True)


# ---------------------------------------------------------------- 7. method

def run_facts(params: Params, run_dir: str | Path) -> pd.DataFrame:
    """What identifies this run: the corpus checksum, the code version, and where its files are."""
    return pd.DataFrame({
        "item": ["corpus files", "corpus checksum (SHA-256)", "code version", "run folder"],
        "value": [len(corpus_files(params.corpus)), corpus_checksum(params), code_version(), str(run_dir)],
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
    """An HTML table of at most `limit` rows (the rest summarised in a last line), every cell escaped:
    markup in a document never becomes markup in the report. Numbers align right, dates never wrap."""
    cap = f'<p class="caption">{html.escape(caption)}</p>' if caption else ""
    if df.empty:
        return cap + '<p class="none">None in this selection.</p>'
    shown = df.head(limit)
    kinds = [_column_class(shown[c]) for c in shown.columns]
    cols = "".join(f'<col style="width:{w:.1f}%">' for w in _column_widths(shown, kinds))
    head = "".join(f'<th class="{k}">{html.escape(str(c))}</th>' for c, k in zip(shown.columns, kinds))
    rows = "".join(
        "<tr>" + "".join(f'<td class="{k}">{html.escape(_cell(v))}</td>' for v, k in zip(row, kinds)) + "</tr>"
        for row in shown.itertuples(index=False))
    note = f'<p class="more">… and {len(df) - limit:,} more rows in the run folder\'s tables.</p>' if len(df) > limit else ""
    return f'{cap}<table class="data"><colgroup>{cols}</colgroup><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>{note}'


def _display_width(text: str) -> int:
    """Width of text in Latin-letter units: a CJK character is about two letters wide."""
    return sum(2 if ord(c) > 0x2e80 else 1 for c in text)


def _column_widths(df: pd.DataFrame, kinds: list[str]) -> list[float]:
    """Column widths in percent of a line of about PAGE_LETTERS letters: numbers, dates and short
    names get all the room they need, so they never wrap; text columns share the rest, in
    proportion to their typical (90th percentile) width."""
    fixed, flexible = {}, {}
    for i, (column, kind) in enumerate(zip(df.columns, kinds)):
        cells = df[column].map(lambda v: _display_width(_cell(v)))
        header = max((_display_width(w) for w in str(column).split()), default=1)
        if kind in ("num", "date", "nw"):
            fixed[i] = max(header, int(cells.max()) if len(cells) else 0) + 3
        else:
            flexible[i] = min(60.0, max(6.0, header + 1, float(cells.quantile(0.9)) if len(cells) else 0.0))
    room = max(PAGE_LETTERS - sum(fixed.values()), 0.3 * PAGE_LETTERS)
    scale = room / sum(flexible.values()) if flexible else 0
    widths = [fixed[i] if i in fixed else flexible[i] * scale for i in range(len(kinds))]
    total = sum(widths) or 1.0
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


def shorten(text: str, limit: int = 220) -> str:
    """Long corpus text cut to `limit` characters for display (the tables keep it whole)."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
