"""Benchmark: time `extract` and the whole report on generated corpora of 100 to 10,000 article versions.

    python -m analysis.bench [--sizes 100 1000 10000] [--report | --no-report] [--one-core-runs 3]
                             [--seeds-runs 3] [--copies 715] [--workdir DIR] [--profile]

The corpora are newsletter issues rebuilt from the real article blocks of seeds/: each article keeps
its Chinese and English versions in the same issue (side by side or apart), its dates are shifted by
a random number of days, its counterpart and attendees are rotated among the real names of the seeds,
and about half the copies keep the seeds' damage (injected pinyin, GBK mojibake, stray `?`). Every
run is a fresh subprocess: wall time, and peak memory of its whole process tree (PSS). `extract` runs
without its per-file cache; on the largest corpus it also runs on one core (`--jobs 1`) several
times, judged on the median run, as one run on a shared machine varies by ±15%. The report uses
the cache of .cache/extract, keyed by file path, so it is cold in a new workdir (the default) and
warm when a --workdir is used again.

Two more shapes test sources that repeat one another: 715 reprints of each seed file (1,430 files
of the same bytes: their seven engagements must stay seven), and 715 spread copies of each, every
date of a copy moved by one random offset, its damage kept. Extract runs on each, on all cores.

The report on seeds/ runs cold once (an empty extract cache, no earlier run) and then warm several
times, each warm run paired with a run of the toolchain's floor: a toy notebook through the same
papermill → nbconvert → WeasyPrint chain. The warm report is judged by its median ratio to the
floor, which a busy machine slows alike. The targets are checked at the end (PASS/FAIL); the exit
status is 0 either way.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .dates import MONTHS

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DAMAGED_SHARE = 0.5  # copies that keep the seeds' damage as it is
TOGETHER_SHARE = 0.6  # articles whose English version follows the Chinese one directly
CATCH_UP_SHARE = 0.3  # after an article, the chance that a held-back English version comes next
EVENTS_PER_ISSUE = (3, 8)  # 6 to 16 article versions per file
FIRST_ISSUE, LAST_ISSUE = dt.date(2015, 1, 15), dt.date(2025, 12, 15)  # the issues spread over these years
MAX_JITTER_DAYS = 20  # an article's date: up to this many days before its issue
SAMPLE_SECONDS = 0.1  # how often the memory of a run's process tree is sampled
# Targets: extract speed on the largest corpus, whole report on it, peak memory, report on the seeds.
TARGET_ARTICLES_PER_SECOND = 1000
TARGET_REPORT_SECONDS = 60
TARGET_PEAK_MB = 1024
TARGET_SEEDS_REPORT_SECONDS = 15
TARGET_FLOOR_RATIO = 1.3  # warm report on seeds / toolchain floor, measured side by side


# ---------------------------------------------------------------------------------------------
# Seed articles
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class SeedEvent:
    """One article of the seeds: the file lines of each language version, damaged and repaired."""

    date: dt.date | None
    zh_raw: tuple[str, ...]
    zh_clean: tuple[str, ...]
    en_raw: tuple[str, ...]
    en_clean: tuple[str, ...]
    untitled: bool  # a version has no title (the issue began mid-article): it can only open an issue


def seed_blocks(seeds_dir: Path = SEEDS) -> list[SeedEvent]:
    """The paired article versions of the seeds, found by the package's own reading, repair,
    segmentation and pairing; the lines are the file's own (raw) and the repaired ones."""
    from .gazetteer import load_gazetteer
    from .pair import pair_articles
    from .pipeline import process_file
    from .read import read_file
    from .repair import repair_line
    from .text import line_lang

    articles, raw, clean = [], {}, {}
    for path in sorted(seeds_dir.glob("*.txt")):
        articles += process_file(path).articles
        lines = read_file(path).lines
        raw[str(path)] = lines
        clean[str(path)] = [repair_line(line, line_lang(line) or "en")[0] for line in lines]
    pairs, _ = pair_articles(articles, load_gazetteer())

    def span(article, lines):
        return tuple(lines[article.source_file][article.line_start - 1:article.line_end])

    return [
        SeedEvent(
            date=dt.date.fromisoformat(pair.date) if pair.date else None,
            zh_raw=span(pair.zh, raw), zh_clean=span(pair.zh, clean),
            en_raw=span(pair.en, raw), en_clean=span(pair.en, clean),
            untitled=not (pair.zh.title_lines and pair.en.title_lines),
        )
        for pair in pairs if pair.zh is not None and pair.en is not None
    ]


# ---------------------------------------------------------------------------------------------
# Names: rotated consistently in both languages
# ---------------------------------------------------------------------------------------------

# Chinese officials listed as attendees in the seeds: (Chinese, English, English surname).
OFFICIALS = [
    ("謝鋒", "Xie Feng", "Xie"), ("許甘露", "Xu Ganlu", "Xu"), ("孟揚", "Meng Yang", "Meng"),
    ("程國平", "Cheng Guoping", "Cheng"), ("董經緯", "Dong Jingwei", "Dong"), ("林銳", "Lin Rui", "Lin"),
    ("陳思源", "Chen Siyuan", "Chen"), ("杜航偉", "Du Hangwei", "Du"),
]


@dataclass(frozen=True)
class Counterpart:
    """A foreign minister of the seeds and the words an article about them uses for their country."""

    name_zh: str
    name_en: str
    short_en: str  # how the English text names them the second time
    country_zh: str
    abbrev_zh: str  # the one-character country in 中巴, 巴方, 在巴
    country_en: str
    demonym_en: str
    leaders: dict[str, tuple[str, str]] = field(default_factory=dict)  # office → (Chinese, English)


COUNTERPARTS = [
    Counterpart("拉希德", "Sheikh Rasheed Ahmad", "Rashid", "巴基斯坦", "巴", "Pakistan", "Pakistani",
                {"prime_minister": ("伊姆蘭·汗", "Imran Khan")}),
    Counterpart("伊賈茲·沙阿", "Ijaz Ahmad Shah", "Shah", "巴基斯坦", "巴", "Pakistan", "Pakistani",
                {"prime_minister": ("伊姆蘭·汗", "Imran Khan"), "president": ("阿爾維", "Arif Alvi")}),
    Counterpart("平特", "Sándor Pintér", "Pintér", "匈牙利", "匈", "Hungary", "Hungarian",
                {"prime_minister": ("歐爾班", "Viktor Orbán")}),
    Counterpart("拉希姆佐達", "Rahimzoda Ramazon Hamro", "Rahimzoda", "塔吉克斯坦", "塔", "Tajikistan", "Tajik",
                {"president": ("拉赫蒙", "Emomali Rahmon")}),
]
# Toned pinyin injected after a character in the damaged seeds: 孟揚(yáng).
INJECTED_PINYIN = r"(?:\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\))?"


def counterpart_swap(source: Counterpart, target: Counterpart) -> dict[str, str] | None:
    """The replacements that turn an article about `source` into one about `target`, or None when
    the target's country lacks an office the article mentions (a president where there is none)."""
    swap = {source.name_zh: target.name_zh, source.name_en: target.name_en, source.short_en: target.short_en}
    if source.country_en == target.country_en:
        return swap
    if not source.leaders.keys() <= target.leaders.keys():
        return None
    swap.update({source.country_zh: target.country_zh, source.abbrev_zh: target.abbrev_zh,
                 source.country_en: target.country_en, source.demonym_en: target.demonym_en})
    for office, (zh, en) in source.leaders.items():
        swap.update({zh: target.leaders[office][0], en: target.leaders[office][1]})
    return swap


def official_swap(zh: str, en: str, rng: random.Random) -> dict[str, str]:
    """Give the attendees of an article other officials' names (an official also named by surname
    alone, as the principal is, keeps their name)."""
    present = [o for o in OFFICIALS if o[0] in zh or o[1] in en]
    movable = [o for o in present if len(re.findall(rf"\b{o[2]}\b", en)) == en.count(o[1])]
    free = [o for o in OFFICIALS if o not in present or o in movable]
    swap = {}
    for old, new in zip(movable, rng.sample(free, len(movable))):
        swap.update({old[0]: new[0], old[1]: new[1]})
    return swap


@lru_cache(maxsize=4096)
def _swap_regex(keys: tuple[str, ...]) -> re.Pattern:
    """One pattern for all `keys`, longest first; Chinese keys may hold injected pinyin."""
    alternatives = []
    for number, key in enumerate(keys):
        if re.search(r"[A-Za-z]", key):
            pattern = rf"\b{re.escape(key)}(?=s?\b)"  # `Pakistans`: a possessive that lost its apostrophe
        else:
            pattern = "".join(re.escape(char) + INJECTED_PINYIN for char in key)
        alternatives.append(f"(?P<k{number}>{pattern})")
    return re.compile("|".join(alternatives))


def apply_swap(text: str, swap: dict[str, str]) -> str:
    """Replace every key of `swap` at once (so that A→B, B→A swaps hold); a name kept as it is
    keeps its damage too."""
    swap = {old: new for old, new in swap.items() if old != new}
    if not swap:
        return text
    keys = tuple(sorted(swap, key=len, reverse=True))
    return _swap_regex(keys).sub(lambda m: swap[keys[int(m.lastgroup[1:])]], text)


# ---------------------------------------------------------------------------------------------
# Dates: shifted consistently in both languages
# ---------------------------------------------------------------------------------------------

MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December"]
_EN_MONTH = "|".join(MONTH_NAMES)
ZH_DATE_RE = re.compile(r"(?:(?P<year>(?:19|20)\d{2})年)?(?P<month>\d{1,2})月(?P<day>\d{1,2})日")
ZH_DAY_RE = re.compile(r"(?<![\d月])(?P<day>\d{1,2})日")  # 14日: a day of the article's month
EN_DATE_RE = re.compile(rf"\b(?P<month>{_EN_MONTH}) (?P<day>\d{{1,2}})\b(?:, ?(?P<year>(?:19|20)\d{{2}})\b)?")
EN_MONTH_YEAR_RE = re.compile(rf"\b(?P<month>{_EN_MONTH}) (?P<year>(?:19|20)\d{{2}})\b")  # In June 2020


def _near(reference: dt.date, month: int, day: int, year: str | None) -> dt.date | None:
    """The date a text means: its own year, else the year that puts it nearest the reference."""
    years = [int(year)] if year else [reference.year - 1, reference.year, reference.year + 1]
    dates = []
    for candidate in years:
        try:
            dates.append(dt.date(candidate, month, day))
        except ValueError:
            pass
    return min(dates, key=lambda d: abs(d - reference)) if dates else None


def shift_dates(text: str, lang: str, reference: dt.date, days: int) -> str:
    """Move every date written in `text` by `days`, keeping its form (with or without a year)."""
    delta = dt.timedelta(days=days)
    new_reference = reference + delta

    def full(m: re.Match) -> str:
        month = int(m["month"]) if lang == "zh" else MONTHS[m["month"].lower()]
        date = _near(reference, month, int(m["day"]), m["year"])
        if date is None:
            return m[0]
        new = date + delta
        if lang == "zh":
            return (f"{new.year}年" if m["year"] else "") + f"{new.month}月{new.day}日"
        return f"{MONTH_NAMES[new.month - 1]} {new.day}" + (f", {new.year}" if m["year"] else "")

    def day_only(m: re.Match) -> str:
        date = _near(reference, reference.month, int(m["day"]), None)
        if date is None:
            return m[0]
        new = date + delta
        return f"{new.day}日" if new.month == new_reference.month else f"{new.month}月{new.day}日"

    def month_year(m: re.Match) -> str:
        return f"{m['month']} {int(m['year']) + new_reference.year - reference.year}"

    if lang == "zh":
        return ZH_DAY_RE.sub(day_only, ZH_DATE_RE.sub(full, text))
    return EN_MONTH_YEAR_RE.sub(month_year, EN_DATE_RE.sub(full, text))


# ---------------------------------------------------------------------------------------------
# Corpus generation
# ---------------------------------------------------------------------------------------------

def article_copy(event: SeedEvent, date: dt.date, rng: random.Random) -> tuple[list[str], list[str]]:
    """The Chinese and English lines of one copy of `event`, moved to `date`, names rotated."""
    damaged = rng.random() < DAMAGED_SHARE
    zh, en = (event.zh_raw, event.en_raw) if damaged else (event.zh_clean, event.en_clean)
    zh_text, en_text = "\n".join(zh), "\n".join(en)
    swap = official_swap(zh_text, en_text, rng)
    source = next((c for c in COUNTERPARTS if c.name_en in en_text), None)
    if source is not None:
        options = [s for s in (counterpart_swap(source, t) for t in COUNTERPARTS) if s is not None]
        swap.update(rng.choice(options))
    if event.date is not None:
        days = (date - event.date).days
        zh_text = shift_dates(zh_text, "zh", event.date, days)
        en_text = shift_dates(en_text, "en", event.date, days)
    return apply_swap(zh_text, swap).split("\n"), apply_swap(en_text, swap).split("\n")


def issue_articles(events: list[SeedEvent], count: int, rng: random.Random) -> list[SeedEvent]:
    """`count` articles for one issue, each seed article once before any repeats; an article
    without a title (the issue began mid-article) only ever opens an issue."""
    titled = [e for e in events if not e.untitled]
    untitled = [e for e in events if e.untitled]
    chosen = [rng.choice(untitled)] if untitled and rng.random() < len(untitled) / len(events) else []
    while len(chosen) < count:
        chosen += rng.sample(titled, len(titled))
    return chosen[:count]


def issue_lines(events: list[SeedEvent], issue_date: dt.date, rng: random.Random, versions: int) -> list[str]:
    """One newsletter issue of `versions` article versions: each Chinese version first, its English
    version right after it or later in the issue (an odd size ends with a Chinese version alone)."""
    blocks, later = [], []
    for number, event in enumerate(issue_articles(events, -(-versions // 2), rng)):
        date = issue_date - dt.timedelta(days=rng.randint(0, MAX_JITTER_DAYS))
        zh, en = article_copy(event, date, rng)
        blocks.append(zh)
        if 2 * number + 1 == versions:
            break
        if rng.random() < TOGETHER_SHARE:
            blocks.append(en)
        else:
            later.append(en)
        if later and rng.random() < CATCH_UP_SHARE:
            blocks.append(later.pop())
    blocks += reversed(later)
    return [line for block in blocks for line in block]


def generate_corpus(out: Path, size: int, events: list[SeedEvent], seed: str = "bench") -> int:
    """Write issues holding `size` article versions in total into the empty folder `out`; returns
    the number of files. The same size gives the same files."""
    rng = random.Random(f"{seed}-{size}")
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.txt"):
        old.unlink()
    mean_versions = sum(EVENTS_PER_ISSUE)  # two versions per article
    spacing = (LAST_ISSUE - FIRST_ISSUE) / max(1, size // mean_versions)
    written, files = 0, 0
    while written < size:
        issue_date = FIRST_ISSUE + dt.timedelta(days=(files * spacing).days)
        versions = min(2 * rng.randint(*EVENTS_PER_ISSUE), size - written)
        lines = issue_lines(events, issue_date, rng, versions)
        (out / f"{files:05d}_{rng.getrandbits(64):016x}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
        written += versions
        files += 1
    return files


def file_reference(lines: list[str]) -> dt.date | None:
    """The first full date (with its year) a file writes: what its dates without a year are near."""
    for line in lines:
        for pattern, lang in ((ZH_DATE_RE, "zh"), (EN_DATE_RE, "en")):
            m = next((m for m in pattern.finditer(line) if m["year"]), None)
            if m:
                month = int(m["month"]) if lang == "zh" else MONTHS[m["month"].lower()]
                return _near(dt.date(int(m["year"]), 1, 1), month, int(m["day"]), m["year"])
    return None


def reprint_corpus(out: Path, copies: int, spread: bool, seeds_dir: Path = SEEDS, seed: str = "reprint") -> int:
    """Write `copies` copies of each file of the seeds into the empty folder `out`; returns the number
    of files. A reprint keeps the bytes; a spread copy moves every date of its file by one random
    offset (up to five years either way), its text and damage otherwise kept."""
    from .read import read_file

    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.txt"):
        old.unlink()
    files = 0
    for path in sorted(seeds_dir.glob("*.txt")):
        lines = read_file(path).lines
        reference = file_reference(lines)
        for number in range(copies):
            target = out / f"{path.stem}_{number:04d}.txt"
            if not spread or reference is None:
                target.write_bytes(path.read_bytes())
            else:
                days = rng.randint(-5 * 365, 5 * 365)
                moved = [shift_dates(shift_dates(line, "zh", reference, days), "en", reference, days) for line in lines]
                target.write_text("\n".join(moved) + "\n", encoding="utf-8")
            files += 1
    return files


# ---------------------------------------------------------------------------------------------
# Measurement
# ---------------------------------------------------------------------------------------------

@dataclass
class Run:
    """One measured subprocess."""

    seconds: float
    peak_mb: float  # all its processes together, each counting its share of the pages they share (PSS)
    peak_rss_mb: float  # all its processes together, each counting every page it uses (RSS)
    largest_mb: float  # its largest single process (RSS)
    returncode: int
    log: Path

    @property
    def failure(self) -> str:
        """'' for a run that succeeded, else what to say about it."""
        return f" (FAILED with exit status {self.returncode}: see {self.log})" if self.returncode else ""


def _tree_memory_kb(pid: int) -> tuple[int, int]:
    """(PSS, RSS) of `pid` and all its descendants, summed, in KiB (from Linux /proc; 0 elsewhere).

    The PSS of a process counts a page shared by n processes as 1/n: summed over the processes,
    it is the memory they hold together (forked workers share the parent's pages, and every
    process maps the same libraries). Summed RSS counts shared pages once per process.
    """
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as f:
            rss = next((int(line.split()[1]) for line in f if line.startswith("VmRSS:")), 0)
        try:
            with open(f"/proc/{pid}/smaps_rollup", encoding="ascii", errors="replace") as f:
                pss = next((int(line.split()[1]) for line in f if line.startswith("Pss:")), rss)
        except OSError:  # a kernel without smaps_rollup
            pss = rss
        children = []
        for task in os.scandir(f"/proc/{pid}/task"):
            with open(f"{task.path}/children", encoding="ascii") as f:
                children += [int(child) for child in f.read().split()]
    except OSError:  # gone already, or no /proc
        return 0, 0
    below = [_tree_memory_kb(child) for child in children]
    return pss + sum(p for p, _ in below), rss + sum(r for _, r in below)


def run_measured(command: list[str], log: Path, env: dict[str, str] | None = None) -> Run:
    """Run `command` from the repository root, output to `log`; wall time and peak memory.

    Peak memory is that of the whole process tree (parallel workers and notebook kernels add up),
    PSS and RSS, sampled every SAMPLE_SECONDS; that of its largest single process is the
    ru_maxrss wait4() reports for the child and its descendants (exact, but per process).
    """
    with log.open("wb") as out:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT,
                                   env={**os.environ, **(env or {})})
        peak_pss_kb, peak_rss_kb, done = 0, 0, threading.Event()

        def sample():
            nonlocal peak_pss_kb, peak_rss_kb
            while not done.wait(SAMPLE_SECONDS):
                pss, rss = _tree_memory_kb(process.pid)
                peak_pss_kb, peak_rss_kb = max(peak_pss_kb, pss), max(peak_rss_kb, rss)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        done.set()
        sampler.join()
    return Run(seconds, max(peak_pss_kb, usage.ru_maxrss) / 1024, max(peak_rss_kb, usage.ru_maxrss) / 1024,
               usage.ru_maxrss / 1024, process.returncode, log)


def run_extract(corpus: Path, out: Path, log: Path, jobs: int | None = None) -> Run:
    """`python -m analysis extract CORPUS --out OUT [--jobs JOBS]`, cold (no per-file cache)."""
    return run_measured([sys.executable, "-m", "analysis", "extract", str(corpus), "--out", str(out),
                         "--no-cache", "--quiet", *(["--jobs", str(jobs)] if jobs else [])], log)


def run_report(corpus: Path | None, output: str, workdir: Path, log: str | None = None,
               cache: Path | None = None) -> Run:
    """`python -m analysis report` on `corpus` (the default, seeds/, when None), into workdir/reports;
    `cache`: the extract cache to use instead of .cache/extract."""
    params = workdir / f"{output}.yaml"
    values = {"output": output, "title": f"Benchmark: {output}"}
    if corpus is not None:
        values["corpus"] = [str(corpus)]
    params.write_text(json.dumps(values), encoding="utf-8")  # JSON is YAML
    return run_measured([sys.executable, "-m", "analysis", "report", "--params", str(params),
                         "--reports-dir", str(workdir / "reports")], workdir / f"{log or output}.log",
                        env={"ANALYSIS_CACHE_DIR": str(cache)} if cache else None)


def toy_chain(folder: str) -> None:
    """The toolchain's floor: a toy notebook (a parameters cell, one HTML output with Chinese text)
    executed by papermill in the report's kernel, converted by the report's nbconvert settings and
    stylesheet, and typeset by WeasyPrint, in one process as a report run is."""
    import nbformat
    import papermill

    from .render import KERNEL_NAME, html_to_pdf, notebooks_to_html

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    cells = [nbformat.v4.new_code_cell("title = ''", metadata={"tags": ["parameters"]}),
             nbformat.v4.new_code_cell("from IPython.display import HTML\nHTML(f'<h2>{title}</h2><p>中文 and English</p>')")]
    kernelspec = {"name": KERNEL_NAME, "display_name": KERNEL_NAME, "language": "python"}
    nbformat.write(nbformat.v4.new_notebook(cells=cells, metadata={"kernelspec": kernelspec}), folder / "toy.ipynb")
    papermill.execute_notebook(folder / "toy.ipynb", folder / "toy_run.ipynb", parameters={"title": "Toy 玩具"},
                               kernel_name=KERNEL_NAME, progress_bar=False)
    html = notebooks_to_html([folder / "toy_run.ipynb"], "Toy 玩具")
    (folder / "toy.html").write_text(html, encoding="utf-8")
    html_to_pdf(html, folder / "toy.pdf")


def run_floor(workdir: Path, number: int) -> Run:
    """The toolchain's floor (toy_chain) in a fresh process."""
    folder = workdir / "floor"
    return run_measured([sys.executable, "-c", f"from analysis.bench import toy_chain; toy_chain({str(folder)!r})"],
                        workdir / f"floor_{number}.log")


@dataclass
class Seeds:
    """The report on seeds/: one cold run, then warm runs each paired with a run of the floor."""

    cold: Run
    warm: list[Run]
    floor: list[Run]

    @property
    def report(self) -> Run:
        """The warm run of median time."""
        return median_run(self.warm)

    @property
    def ratio(self) -> float:
        """The median of warm / floor over the pairs."""
        ratios = sorted(run.seconds / floor.seconds for run, floor in zip(self.warm, self.floor))
        return ratios[len(ratios) // 2]


def measure_seeds(workdir: Path, runs: int) -> Seeds:
    """The cold report on seeds/ (its own empty extract cache), then `runs` pairs of floor and warm."""
    cold = run_report(None, "bench_seeds", workdir, log="bench_seeds_cold", cache=workdir / "cache_seeds")
    warm, floor = [], []
    for number in range(1, runs + 1):
        floor.append(run_floor(workdir, number))
        warm.append(run_report(None, "bench_seeds", workdir, log=f"bench_seeds_warm_{number}",
                               cache=workdir / "cache_seeds"))
    return Seeds(cold, warm, floor)


def notebook_seconds(run_dir: Path) -> dict[str, float]:
    """How long each notebook of a report run took, as papermill recorded it."""
    seconds = {}
    for notebook in sorted((run_dir / "notebooks").glob("*.ipynb")):
        metadata = json.loads(notebook.read_text(encoding="utf-8")).get("metadata", {})
        seconds[notebook.stem] = metadata.get("papermill", {}).get("duration") or 0.0
    return seconds


def report_breakdown(name: str, run: Run, run_dir: Path) -> str:
    """Where the time of a report run went: each notebook (they run side by side, one per core)."""
    seconds = notebook_seconds(run_dir)
    parts = ", ".join(f"{stem} {value:.1f} s" for stem, value in seconds.items())
    return f"report on {name}: {run.seconds:.1f} s in all; the notebooks, side by side: {parts}"


def count_rows(tables_dir: Path, table: str = "articles") -> int:
    """Rows of a table an extract run wrote (0 if it wrote none)."""
    import pandas as pd  # not at the top: toy_chain, the floor, must not load it

    path = tables_dir / f"{table}.parquet"
    return len(pd.read_parquet(path, columns=["event_id" if table != "articles" else "article_id"])) if path.exists() else 0


# ---------------------------------------------------------------------------------------------
# Results
# ---------------------------------------------------------------------------------------------

@dataclass
class Result:
    """The figures of one corpus size."""

    size: int
    files: int
    articles: int
    extract: Run
    report: Run | None = None

    @property
    def rate(self) -> float:
        return self.articles / self.extract.seconds if self.extract.seconds else 0.0


@dataclass
class Shape:
    """Extract on copies of the seeds' files: reprints (the same bytes) or spread copies (dates moved)."""

    name: str
    files: int
    articles: int
    events: int
    expected_events: int | None  # a reprint holds the seeds' engagements, no more
    extract: Run

    @property
    def rate(self) -> float:
        return self.articles / self.extract.seconds if self.extract.seconds else 0.0


def measure_shapes(workdir: Path, copies: int) -> list[Shape]:
    """Extract (cold, all cores) on `copies` reprints of each seed file, then on as many spread copies."""
    seeds_tables = workdir / "tables_seeds"
    run_extract(SEEDS, seeds_tables, workdir / "extract_seeds.log")
    shapes = []
    for name in ("reprint", "spread"):
        corpus = workdir / f"corpus_{name}"
        files = reprint_corpus(corpus, copies, spread=name == "spread")
        print(f"{files:,} files, {name} copies of the seeds: extract ...", flush=True)
        tables = workdir / f"tables_{name}"
        run = run_extract(corpus, tables, workdir / f"extract_{name}.log")
        shapes.append(Shape(name, files, count_rows(tables), count_rows(tables, "events"),
                            count_rows(seeds_tables, "events") if name == "reprint" else None, run))
    return shapes


def print_table(results: list[Result]) -> None:
    """The figures of every size, one row each."""
    header = ("size", "files", "articles", "extract s", "articles/s", "extract MB", "report s", "report MB")
    print("  ".join(f"{h:>10}" for h in header))
    for r in results:
        cells = [r.size, r.files, r.articles, f"{r.extract.seconds:.2f}", f"{r.rate:,.0f}", f"{r.extract.peak_mb:.0f}",
                 f"{r.report.seconds:.1f}" if r.report else "-", f"{r.report.peak_mb:.0f}" if r.report else "-"]
        print("  ".join(f"{c:>10}" for c in cells))
        for run in (r.extract, r.report):
            if run is not None and run.failure:
                print(f"{'':>10}{run.failure}")


def growth_ratio(results: list[Result], small: int = 1000, large: int = 10000) -> float | None:
    """Time per article at `large` over time per article at `small`: about 1 when linear."""
    by_size = {r.size: r for r in results if r.articles}
    if small not in by_size or large not in by_size:
        return None
    per_article = {n: by_size[n].extract.seconds / by_size[n].articles for n in (small, large)}
    return per_article[large] / per_article[small]


def median_run(runs: list[Run]) -> Run | None:
    """The run of median wall time (the slower of the middle two for an even count)."""
    return sorted(runs, key=lambda run: run.seconds)[len(runs) // 2] if runs else None


def check_targets(results: list[Result], seeds: Seeds | None, one_core: list[Run] = (),
                  shapes: list[Shape] = ()) -> list[tuple[bool, str]]:
    """(passed, description) for each target the runs can tell; a failed run fails its target."""
    checks = []
    for shape in shapes:
        events = f", {shape.events:,} events (target {shape.expected_events})" if shape.expected_events is not None else ""
        checks.append((not shape.extract.returncode and shape.rate >= TARGET_ARTICLES_PER_SECOND
                       and shape.expected_events in (None, shape.events),
                       f"extract on {shape.files:,} {shape.name} copies of the seeds ({os.cpu_count()} cores): "
                       f"{shape.rate:,.0f} articles/s, {shape.extract.seconds:.1f} s{events} "
                       f"(target ≥ {TARGET_ARTICLES_PER_SECOND:,} articles/s){shape.extract.failure}"))
    largest = max(results, key=lambda r: r.size, default=None)
    if largest is not None:
        median = median_run(list(one_core))
        one_core_name = f"one core, --jobs 1, median of {len(one_core)} run{'s' if len(one_core) > 1 else ''}"
        for run, cores in ((largest.extract, f"{os.cpu_count()} cores"), (median, one_core_name)):
            if run is None:
                continue
            rate = largest.articles / run.seconds if run.seconds else 0.0
            checks.append((not run.returncode and rate >= TARGET_ARTICLES_PER_SECOND,
                           f"extract on {largest.size:,} ({cores}): {rate:,.0f} articles/s, {run.seconds:.1f} s "
                           f"(target ≥ {TARGET_ARTICLES_PER_SECOND:,} articles/s){run.failure}"))
        if largest.report is not None:
            run = largest.report
            checks.append((not run.returncode and run.seconds <= TARGET_REPORT_SECONDS,
                           f"whole report on {largest.size:,}: {run.seconds:.1f} s "
                           f"(target ≤ {TARGET_REPORT_SECONDS} s){run.failure}"))
    runs = [run for r in results for run in (r.extract, r.report) if run is not None]
    runs += [*one_core, *((seeds.cold, *seeds.warm) if seeds else ())]
    if runs:
        peak = max(run.peak_mb for run in runs)
        checks.append((peak < TARGET_PEAK_MB, f"peak memory (PSS of all processes): {peak:.0f} MB (target < {TARGET_PEAK_MB} MB)"))
    if seeds is not None:
        report, failed = seeds.report, any(run.returncode for run in (*seeds.warm, *seeds.floor))
        checks.append((not report.returncode and report.seconds <= TARGET_SEEDS_REPORT_SECONDS,
                       f"report on seeds, warm (median of {len(seeds.warm)}): {report.seconds:.1f} s "
                       f"(target ≤ {TARGET_SEEDS_REPORT_SECONDS} s){report.failure}"))
        checks.append((not failed and seeds.ratio <= TARGET_FLOOR_RATIO,
                       f"report on seeds, warm / toolchain floor (median of {len(seeds.warm)} pairs): "
                       f"{seeds.ratio:.2f} (target ≤ {TARGET_FLOOR_RATIO}){''.join(r.failure for r in seeds.floor)}"))
    return checks


def print_summary(results: list[Result], seeds: Seeds | None, workdir: Path, one_core: list[Run] = (),
                  shapes: list[Shape] = ()) -> None:
    """The table, memory and time details, the growth ratio and the targets."""
    print_table(results)
    if one_core and results:
        largest = max(results, key=lambda r: r.size)
        median = median_run(list(one_core))
        print(f"extract on {largest.size:,} on one core (--jobs 1), {len(one_core)} runs: "
              f"{', '.join(f'{run.seconds:.2f}' for run in one_core)} s; median {median.seconds:.2f} s, "
              f"{largest.articles / median.seconds:,.0f} articles/s, {max(run.peak_mb for run in one_core):.0f} MB"
              f"{''.join(run.failure for run in one_core)}")
    if seeds is not None:
        print(f"report on seeds: cold {seeds.cold.seconds:.1f} s{seeds.cold.failure}; "
              f"warm {', '.join(f'{run.seconds:.1f}' for run in seeds.warm)} s (median {seeds.report.seconds:.1f} s, "
              f"{seeds.report.peak_mb:.0f} MB){''.join(run.failure for run in seeds.warm)}")
        print(f"toolchain floor (a toy notebook through papermill, nbconvert and WeasyPrint), each run just before a "
              f"warm one: {', '.join(f'{run.seconds:.1f}' for run in seeds.floor)} s; warm / floor, pair by pair: "
              f"{', '.join(f'{run.seconds / floor.seconds:.2f}' for run, floor in zip(seeds.warm, seeds.floor))}")
    print("MB are of all the processes of a run together (PSS: a page shared by n processes counts 1/n);")
    print("the same with each process counting its shared pages in full (summed RSS), and the largest single process:")
    for result in results:
        report = (f"; report {result.report.peak_rss_mb:.0f} MB summed RSS, largest {result.report.largest_mb:.0f} MB"
                  if result.report else "")
        print(f"  {result.size:,}: extract {result.extract.peak_rss_mb:.0f} MB summed RSS, "
              f"largest {result.extract.largest_mb:.0f} MB{report}")
    if seeds is not None:
        print(f"  seeds: report {seeds.report.peak_rss_mb:.0f} MB summed RSS, largest {seeds.report.largest_mb:.0f} MB")
    for result in results:
        if result.report is not None:
            print(report_breakdown(f"{result.size:,}", result.report, workdir / "reports" / f"bench_{result.size}"))
    if seeds is not None:
        print(report_breakdown("seeds (the last warm run)", seeds.warm[-1], workdir / "reports" / "bench_seeds"))
    ratio = growth_ratio(results)
    if ratio is not None:
        print(f"growth: time per article at 10,000 / at 1,000 = {ratio:.2f} (linear ≈ 1; start-up included)")
    for shape in shapes:
        print(f"{shape.name}: {shape.files:,} files, {shape.articles:,} articles, {shape.events:,} events, "
              f"extract {shape.extract.seconds:.2f} s, {shape.rate:,.0f} articles/s, {shape.extract.peak_mb:.0f} MB")
    for passed, text in check_targets(results, seeds, one_core, shapes):
        print(f"{'PASS' if passed else 'FAIL'}  {text}")


def profile_extract(corpus: Path, workdir: Path, top_lines: int = 40) -> Path:
    """Profile `extract` on `corpus` in this process with pyinstrument; write the HTML profile and
    print the call tree (calls of 3 % of the time or more) and the functions of most own time."""
    from pyinstrument import Profiler

    from . import pipeline

    # Read every file in this process, so the per-file stages show up in the profile.
    pipeline.PARALLEL_FROM = sys.maxsize
    profiler = Profiler()
    profiler.start()
    pipeline.extract([corpus], progress=False)
    profiler.stop()
    html = workdir / f"profile_{corpus.name}.html"
    html.write_text(profiler.output_html(), encoding="utf-8")
    tree = profiler.output_text(unicode=True, processor_options={"filter_threshold": 0.03})
    flat = profiler.output_text(unicode=True, flat=True)
    print("\n".join(_without_banner(tree)[:top_lines]))
    print("Most own time:")
    print("\n".join(_without_banner(flat)[:top_lines // 2]))
    print(f"Full profile: {html}")
    return html


def _without_banner(text: str) -> list[str]:
    """The lines of a pyinstrument text profile from its first timing on."""
    lines = text.splitlines()
    return lines[next((i for i, line in enumerate(lines) if line[:1].isdigit()), 0):]


def main(argv: list[str] | None = None) -> int:
    """Generate the corpora, run and time the stages, print the figures and the targets."""
    parser = argparse.ArgumentParser(prog="python -m analysis.bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000], metavar="N",
                        help="corpus sizes in article versions (default: %(default)s)")
    parser.add_argument("--report", action=argparse.BooleanOptionalAction, default=True,
                        help="also time the whole report on each corpus and on the seeds (default: on)")
    parser.add_argument("--workdir", type=Path, help="folder for corpora, tables, reports and logs (default: a temporary one)")
    parser.add_argument("--one-core-runs", type=int, default=3, metavar="N",
                        help="runs of extract on one core on the largest corpus, judged on their median (0: none)")
    parser.add_argument("--seeds-runs", type=int, default=3, metavar="N",
                        help="warm runs of the report on seeds/, each paired with a run of the toolchain floor (0: none)")
    parser.add_argument("--copies", type=int, default=715, metavar="N",
                        help="copies of each seed file in the reprint and spread corpora (default: %(default)s, "
                             "1,430 files; 0: none)")
    parser.add_argument("--profile", action="store_true", help="profile extract on the largest corpus with pyinstrument")
    args = parser.parse_args(argv)
    workdir = (args.workdir or Path(tempfile.mkdtemp(prefix="bench_"))).resolve()
    workdir.mkdir(parents=True, exist_ok=True)
    print(f"workdir: {workdir}")

    events = seed_blocks()
    results = []
    for size in sorted(args.sizes):
        corpus = workdir / f"corpus_{size}"
        files = generate_corpus(corpus, size, events)
        print(f"{size:,} article versions in {files} files: extract ...", flush=True)
        tables = workdir / f"tables_{size}"
        run = run_extract(corpus, tables, workdir / f"extract_{size}.log")
        result = Result(size, files, count_rows(tables), run)
        if args.report:
            print(f"{size:,} article versions: report ...", flush=True)
            result.report = run_report(corpus, f"bench_{size}", workdir)
        results.append(result)
    one_core = []
    if results and args.one_core_runs:
        size = max(args.sizes)
        print(f"{size:,} article versions: extract on one core, {args.one_core_runs} runs ...", flush=True)
        one_core = [run_extract(workdir / f"corpus_{size}", workdir / f"tables_{size}_one_core",
                                workdir / f"extract_{size}_one_core_{i}.log", jobs=1) for i in range(1, args.one_core_runs + 1)]
    shapes = measure_shapes(workdir, args.copies) if args.copies else []
    seeds = None
    if args.report and args.seeds_runs:
        print(f"seeds: report cold, then {args.seeds_runs} runs of the toolchain floor and the warm report ...", flush=True)
        seeds = measure_seeds(workdir, args.seeds_runs)

    print()
    print_summary(results, seeds, workdir, one_core, shapes)
    if args.profile and results:
        print()
        profile_extract(workdir / f"corpus_{max(args.sizes)}", workdir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
