"""The extract pipeline, stage by stage: read → repair → segment → pair → events → topics → tables.

`python -m analysis extract CORPUS... --out DIR` runs it from the command line; the notebooks call
`extract()` and get the same tables.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import importlib
import os
import pickle
import sys
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import lru_cache, partial
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from tqdm import tqdm

from . import code_version
from . import events as events_stage
from . import sources
from . import topics as topics_stage
from .diagnostics import Diagnostic
from .gazetteer import DEFAULT_PATH as DEFAULT_GAZETTEER
from .gazetteer import load_gazetteer
from .names import load_roles
from .pair import Pair, features, pair_articles
from .read import CorpusError, discover, read_file
from .repair import Repair, repair_line
from .segment import Article, segment
from .text import line_lang, load_word_models
from .topics import DEFAULT_PATH as DEFAULT_LEXICON
from .topics import load_lexicon

if TYPE_CHECKING:  # pandas is imported when the tables are made: the worker processes need none of it
    from .tables import Tables

PACKAGE = Path(__file__).parent
DEFAULT_CACHE = Path(os.environ.get("ANALYSIS_CACHE_DIR", PACKAGE.parent / ".cache" / "extract"))
# Below this many files per worker, one process is faster than starting several.
PARALLEL_FROM = 16


@dataclass
class FileResult:
    """What one file gives before the corpus-wide stages: its articles, repairs and diagnostics."""

    articles: list[Article]
    repairs: list[dict]
    diagnostics: list[Diagnostic]


@dataclass(frozen=True)
class Resources:
    """The data files the per-file stage reads; each worker process loads them once."""

    gazetteer: str = str(DEFAULT_GAZETTEER)
    lexicon: str = str(DEFAULT_LEXICON)


def process_file(path: str | Path, resources: Resources = Resources(), cache_dir: Path | None = None,
                 version: str = "") -> FileResult:
    """Read, repair, segment and analyse one file; with `cache_dir`, reuse the result of an
    unchanged file (keyed by its path, its content hash and the code and data version)."""
    data = Path(path).read_bytes()
    cached = None
    if cache_dir is not None:
        key = hashlib.sha256(f"{path}\0{version}\0".encode() + data).hexdigest()
        cached = cache_dir / key[:2] / f"{key}.pickle"
        if cached.exists():
            with cached.open("rb") as f:
                return pickle.load(f)
    result = _process(path, data, resources)
    if cached is not None:
        cached.parent.mkdir(parents=True, exist_ok=True)
        partial_file = cached.with_suffix(f".{os.getpid()}.tmp")
        with partial_file.open("wb") as f:
            pickle.dump(result, f, protocol=pickle.HIGHEST_PROTOCOL)
        partial_file.replace(cached)
    return result


@lru_cache(maxsize=1 << 16)  # lines recur across issues (attendee lists, credits, reprinted readouts)
def _repair(line: str) -> tuple[str, list[Repair], str]:
    """A line repaired, its repairs, and the language of the repaired line: each line once."""
    lang = line_lang(line)
    fixed, repairs = repair_line(line, lang or "en")
    return fixed, repairs, lang if fixed == line else line_lang(fixed)


def _process(path: str | Path, data: bytes, resources: Resources) -> FileResult:
    source = read_file(path, data)
    repaired, repairs, langs = [], [], []
    diagnostics = list(source.diagnostics)
    for number, line in enumerate(source.lines, 1):
        fixed, line_repairs, lang = _repair(line)
        repaired.append(fixed)
        langs.append(lang)
        for r in line_repairs:
            repairs.append({"source_file": source.path, "line": number, "kind": r.kind,
                            "before": r.before, "after": r.after})
            if r.kind == "gbk_unrecoverable":
                diagnostics.append(Diagnostic(source.path, number, "warning", "gbk_unrecoverable",
                                              f"damaged GBK span kept as is, not recoverable with confidence: {r.before!r}"))
    articles, segment_diagnostics = segment(source.path, repaired, source.lines, langs)
    gazetteer, lexicon = load_gazetteer(resources.gazetteer), load_lexicon(resources.lexicon)
    roles, outlets = load_roles(), sources.load_outlets()
    for article in articles:
        # The per-article work of the corpus-wide stages, done here so that it runs in parallel
        # and is cached: pairing features, the events stage's reading, the topics stated.
        events_stage.read_version(article, gazetteer, roles)  # first: it finds the lede the date is read from
        article.features = features(article, gazetteer)
        topics_stage.topic_evidence(article, lexicon)
        article.copy_key = sources.text_key(article) if article.body else ""
        sources.outlet(article, outlets)
    return FileResult(articles, repairs, diagnostics + segment_diagnostics)


def relocated(pickled: bytes, path: str) -> FileResult:
    """The result of a file (pickled) for another file of the same bytes (a reprint): a copy, its places renamed."""
    copy = pickle.loads(pickled)
    for article in copy.articles:
        article.source_file = path
    for row in copy.repairs:
        row["source_file"] = path
    copy.diagnostics = [replace(d, source_file=path) for d in copy.diagnostics]
    return copy


def read_corpus(files: list[Path], resources: Resources, cache_dir: Path | None, progress: bool,
                meanwhile: Callable[[], object] = lambda: None, jobs: int | None = None) -> list[FileResult]:
    """The per-file stages on every file, in up to `jobs` parallel processes (default: one per
    core) when there are many files; `meanwhile` runs in this process while they work (or
    before, without them)."""
    version = code_version(resources.gazetteer, resources.lexicon) if cache_dir is not None else ""
    work = partial(process_file, resources=resources, cache_dir=cache_dir, version=version)
    # A file whose bytes another file holds already (a reprint) is read once, for both.
    first_of: dict[bytes, Path] = {}
    same_as = [first_of.setdefault(hashlib.blake2b(path.read_bytes(), digest_size=16).digest(), path) for path in files]
    unique = list(first_of.values())
    bar = dict(desc="read", unit="file", total=len(unique), disable=not progress or len(unique) < PARALLEL_FROM)
    workers = min(jobs or os.cpu_count() or 1, len(unique) // PARALLEL_FROM + 1)
    if workers < 2:
        meanwhile()
        results = [work(path) for path in tqdm(unique, **bar)]
    else:
        load_word_models()  # in this process, before the workers are forked: they inherit them
        with ProcessPoolExecutor(workers) as pool:
            mapped = pool.map(work, unique, chunksize=max(1, len(unique) // (workers * 8)))  # all workers forked
            meanwhile()
            results = list(tqdm(mapped, **bar))
    by_path = dict(zip(unique, results))
    reprinted = {first for path, first in zip(files, same_as) if first is not path}
    pickled = {path: pickle.dumps(by_path[path], protocol=pickle.HIGHEST_PROTOCOL) for path in reprinted}
    return [by_path[path] if first is path else relocated(pickled[first], str(path)) for path, first in zip(files, same_as)]


def extract(corpus: list[str | Path], gazetteer_path: str | Path = DEFAULT_GAZETTEER,
            lexicon_path: str | Path = DEFAULT_LEXICON, progress: bool = True,
            cache_dir: str | Path | None = None, jobs: int | None = None) -> Tables:
    """Run every stage on the corpus (files, folders or globs) and return the tidy tables.

    With `cache_dir`, files unchanged since an earlier run (same bytes, same code) are not parsed
    again. Files are read by up to `jobs` processes (default: one per core).
    """
    with _cyclic_gc_paused():
        rows = _extract(corpus, Resources(str(gazetteer_path), str(lexicon_path)), progress,
                        Path(cache_dir) if cache_dir else None, jobs)
        from .tables import Tables, frame

        # Each table's rows are dropped once it is made, before the collector is back (it would
        # walk them all once).
        return Tables(**{name: frame(name, rows.pop(name)) for name in list(rows)})


@contextmanager
def _cyclic_gc_paused():
    """Pause Python's cyclic garbage collector. A run builds (and unpickles from its workers)
    millions of objects, few of them in reference cycles, and the collector would walk that
    growing heap again and again: a third of the main process's time on 10,000 articles."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _extract(corpus: list[str | Path], resources: Resources, progress: bool, cache_dir: Path | None,
             jobs: int | None) -> dict[str, list[dict]]:
    """The rows of every table, built in this process and its workers."""
    files, diagnostics = discover(list(corpus))
    gazetteer = load_gazetteer(resources.gazetteer)
    lexicon = load_lexicon(resources.lexicon)
    articles: list[Article] = []
    repairs: list[dict] = []
    # pandas and pyarrow, for the tables, are imported while the workers read.
    import_tables = partial(importlib.import_module, ".tables", __package__)
    for result in read_corpus(files, resources, cache_dir, progress, import_tables, jobs):
        articles += result.articles
        repairs += result.repairs
        diagnostics += result.diagnostics
    articles, copies, copy_diagnostics = sources.set_aside_copies(articles)
    pairs, pair_diagnostics = pair_articles(articles, gazetteer)
    diagnostics += copy_diagnostics + pair_diagnostics
    event_rows, attendee_rows, event_diagnostics, also = events_stage.extract_events(pairs, gazetteer)
    diagnostics += event_diagnostics
    topic_rows = topics_stage.assign_topics(pairs, lexicon)
    if also:
        topic_rows = [row for row in topic_rows if row["event_id"] not in also] + engagement_topics(pairs, also, lexicon)
    event_pairs = {event_id: pair for pair in pairs
                   for event_id, _ in also.get(pair.event_id, [(pair.event_id, None)])}
    outlets = sources.load_outlets()
    event_rows, attendee_rows, topic_rows, into, merge_diagnostics = sources.merge_engagements(
        event_rows, attendee_rows, topic_rows, event_pairs, outlets)
    diagnostics += merge_diagnostics
    return {"articles": article_rows(pairs, copies, into), "events": event_rows, "attendees": attendee_rows,
            "event_topics": topic_rows, "repairs": repairs, "diagnostics": [vars(d) for d in diagnostics],
            "event_sources": sources.source_rows(event_rows, event_pairs, into, copies, outlets)}


def engagement_topics(pairs: list[Pair], engagements: dict[str, list[tuple[str, dict[str, int]]]],
                      lexicon) -> list[dict]:
    """The topics of the engagements of articles that report several: an engagement told in
    paragraphs of its own (from its line to the next one's) takes their topics; the others take
    those of the title and the paragraphs before the first such line."""
    rows = []
    for pair in pairs:
        for event_id, starts in engagements.get(pair.event_id, ()):
            for article in (pair.zh, pair.en):
                if article is None:
                    continue
                claimed = sorted({lines[article.lang] for _, lines in engagements[pair.event_id] if lines[article.lang]})
                start = starts[article.lang]
                end = next((line for line in claimed if line > start), article.line_end + 1) if start else (
                    claimed[0] if claimed else article.line_end + 1)
                part = Article(article.source_file, article.lang, article.line_start, article.line_end,
                               [] if start else article.title_lines,
                               [(n, text) for n, text in article.body if start <= n < end])
                for topic, (evidence, line) in topics_stage.topic_evidence(part, lexicon).items():
                    rows.append({"event_id": event_id, "topic": topic, "lang": article.lang, "evidence": evidence,
                                 "source_file": article.source_file, "line": line})
    return rows


def article_rows(pairs: list[Pair], copies: list[tuple[Article, Article]] = (), into: dict[str, str] = {}) -> list[dict]:
    """The rows of the articles table, in its order (by file and line): a copy takes the date
    and event of the article it copies; an article whose engagement was merged, the kept event."""
    pair_of = {id(article): pair for pair in pairs for article in (pair.zh, pair.en) if article is not None}
    versions = [(article, pair) for pair in pairs for article in (pair.zh, pair.en) if article is not None]
    versions += [(copy, pair_of[id(original)]) for copy, original in copies]
    versions.sort(key=lambda version: (version[0].source_file, version[0].line_start))
    return [{
        "article_id": article.article_id, "source_file": article.source_file, "lang": article.lang,
        "line_start": article.line_start, "line_end": article.line_end, "title": article.title,
        "date": pair.date, "year_inferred": pair.year_inferred, "year_source": pair.year_source, "event_id": into.get(pair.event_id, pair.event_id),
        "text": article.text, "text_raw": "\n".join(article.body_raw),
        "credits": " | ".join(article.credits), "metadata": " | ".join(article.metadata),
    } for article, pair in versions]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("corpus", nargs="+", help="files or folders (all *.txt below them) or globs")
    parser.add_argument("--out", required=True, help="folder for the tables (CSV and Parquet)")
    parser.add_argument("--gazetteer", default=str(DEFAULT_GAZETTEER), help="gazetteer YAML file")
    parser.add_argument("--lexicon", default=str(DEFAULT_LEXICON), help="topic lexicon YAML file")
    parser.add_argument("--cache", default=str(DEFAULT_CACHE), help="per-file cache folder (default: %(default)s)")
    parser.add_argument("--no-cache", action="store_true", help="parse every file again")
    parser.add_argument("--jobs", type=_positive, metavar="N",
                        help="processes that read the files (default: one per core; 1 reads them all in this one)")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")


def _positive(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, not {value!r}")
    return int(value)


def main(args: argparse.Namespace) -> int:
    try:
        tables = extract(args.corpus, args.gazetteer, args.lexicon, progress=not args.quiet, jobs=args.jobs,
                         cache_dir=None if args.no_cache else args.cache)
    except CorpusError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    tables.write(args.out)
    counts = ", ".join(f"{len(df)} {name}" for name, df in tables.items())
    print(f"wrote {args.out}: {counts}")
    diagnostics = tables.diagnostics
    for d in diagnostics[diagnostics.severity == "error"].itertuples():
        print(f"{d.source_file}:{d.line}: error: {d.message}", file=sys.stderr)
    return 0
