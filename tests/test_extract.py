"""The extract stage on the real seeds and their variants: articles, pairs, dates, events, attendees."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest

from analysis.pipeline import PARALLEL_FROM, extract
from variants import BLOCKS, SEED_000, SEED_002, SEEDS, write_variant

ROOT = Path(__file__).resolve().parent.parent
DATES = ["2020-09-07", "2020-09-15", "2020-09-17", "2020-09-18", "2021-06-25", "2021-07-17", "2021-07-28"]
# (date, event type, country or organisation) of the seven engagements.
EVENTS = {
    ("2020-09-07", "phone_call", "PAK"), ("2020-09-15", "video_conference", "SCO"),
    ("2020-09-17", "phone_call", "TJK"), ("2020-09-18", "phone_call", "HUN"),
    ("2021-06-25", "meeting", "IOM"), ("2021-07-17", "phone_call", "PAK"), ("2021-07-28", "event", ""),
}


def event_keys(tables) -> set[tuple[str, str, str]]:
    ev = tables.events
    return set(zip(ev.date, ev.event_type, ev.counterpart_country + ev.counterpart_org))


@pytest.fixture(scope="module")
def seeds():
    return extract([SEEDS], progress=False)


def test_articles_and_pairs(seeds):
    articles = seeds.articles
    assert len(articles) == 14
    assert articles.lang.value_counts().to_dict() == {"zh": 7, "en": 7}
    assert (articles.groupby("event_id").lang.apply(sorted).map(tuple) == ("en", "zh")).all()
    assert articles.event_id.nunique() == 7
    spans = {(Path(f).name, a, b) for f, a, b in zip(articles.source_file, articles.line_start, articles.line_end)}
    assert spans == {(name, a, b) for name, blocks in BLOCKS.items() for a, b in blocks}


def test_pairs_follow_content_not_position(seeds):
    """In the first seed the order is zh A, zh B, en B, en A."""
    a = seeds.articles.set_index("article_id")
    assert a.loc[f"{SEED_000.stem}:1", "event_id"] == a.loc[f"{SEED_000.stem}:18", "event_id"]
    assert a.loc[f"{SEED_000.stem}:6", "event_id"] == a.loc[f"{SEED_000.stem}:11", "event_id"]


def test_dates_and_inferred_years(seeds):
    by_event = seeds.articles.drop_duplicates("event_id").set_index("date")
    assert sorted(by_event.index) == DATES
    assert bool(by_event.loc["2021-07-17", "year_inferred"]) is False  # 2021年7月17日
    assert bool(by_event.loc["2021-06-25", "year_inferred"]) is False  # from the English version
    assert bool(by_event.loc["2020-09-15", "year_inferred"]) is True  # 9月15日 / On September 15
    assert bool(by_event.loc["2021-07-28", "year_inferred"]) is True


def test_titles_credits_and_furniture(seeds):
    a = seeds.articles.set_index("article_id")
    assert a.loc[f"{SEED_000.stem}:18", "title"] == "Urgent Phone Talks Between China and Pakistan"
    assert a.loc[f"{SEED_000.stem}:1", "title"] == ""  # the issue begins mid-article
    assert a.loc[f"{SEED_000.stem}:25", "title"].startswith("“駐華使節走進公安部”活動舉行")
    assert "(責任編輯:張敏嬌)" in a.loc[f"{SEED_000.stem}:11", "credits"]
    assert "(圖/滿博)" in a.loc[f"{SEED_002.stem}:1", "credits"]
    assert "(圖/滿博)" not in a.loc[f"{SEED_002.stem}:1", "text"]
    assert "Translated by" not in a.loc[f"{SEED_002.stem}:20", "text"]


def test_text_is_repaired_and_raw_kept(seeds):
    a = seeds.articles.set_index("article_id")
    zh = a.loc[f"{SEED_000.stem}:25"]
    assert "不斷增強。“平安中國”的密碼就在于" in zh.text
    assert "“平安中國”的背后" in zh.text
    assert "?!捌桨仓袊钡" in zh.text_raw
    assert "國(guó)" not in a.loc[f"{SEED_002.stem}:1", "text"]
    assert "for Migration" in a.loc[f"{SEED_000.stem}:11", "title"]
    kinds = seeds.repairs.kind.value_counts()
    assert kinds["gbk_shift"] == 2 and kinds["pinyin"] > 50
    unrecoverable = seeds.diagnostics[seeds.diagnostics.code == "gbk_unrecoverable"]
    assert list(unrecoverable.line) == [6] and SEED_002.name in unrecoverable.source_file.iloc[0]


def test_every_line_is_accounted_for(seeds):
    for path in (SEED_000, SEED_002):
        lines = path.read_text(encoding="utf-8").splitlines()
        arts = seeds.articles[seeds.articles.source_file.str.endswith(path.name)]
        covered = {n for a, b in zip(arts.line_start, arts.line_end) for n in range(a, b + 1)}
        diag = set(seeds.diagnostics[seeds.diagnostics.source_file.str.endswith(path.name)].line)
        assert set(range(1, len(lines) + 1)) <= covered | diag


def test_events(seeds):
    ev = seeds.events.set_index("date")
    assert event_keys(seeds) == EVENTS
    assert ev.event_type.value_counts().to_dict() == {"phone_call": 4, "video_conference": 1, "meeting": 1, "event": 1}
    assert ev.loc["2021-07-17", "principal_en"] == "Zhao Kezhi" and ev.loc["2021-07-17", "principal_zh"] == "趙克志"
    assert ev.loc["2021-07-17", "counterpart_en"] == "Sheikh Rasheed Ahmad"
    assert ev.loc["2021-07-17", "counterpart_zh"] == "拉希德"
    assert ev.loc["2020-09-18", "counterpart_en"] == "Sándor Pintér" and ev.loc["2020-09-18", "counterpart_zh"] == "平特"
    assert ev.loc["2020-09-07", "counterpart_en"] == "Ijaz Ahmad Shah"
    assert ev.loc["2021-06-25", "principal_en"] == "Xu Ganlu"
    assert ev.loc["2021-07-28", "principal_zh"] == "王小洪"
    assert "150" in ev.loc["2021-07-28", "counterpart_en"]
    assert set(ev.cameo_code) <= {"040", "041", "042", "043"}
    assert (ev.loc[ev.event_type == "phone_call", "cameo_code"] == "041").all()


def test_attendees(seeds):
    att = seeds.attendees
    assert len(att) == 16
    assert (att.lang_seen == "both").all()
    meng = att[att.name_zh == "孟揚"]
    assert set(meng.name_en) == {"Meng Yang"} and len(meng) == 4
    xu = att[(att.name_en == "Xu Ganlu") & att.event_id.str.startswith("2021-07-17")]
    assert list(xu.role_zh) == ["公安部副部長、國家移民管理局局長"]
    assert "Commissioner of the National Immigration Administration" in xu.role_en.iloc[0]
    assert not att.name_zh.str.contains("負責同志").any()
    principals = seeds.events.set_index("event_id").principal_en
    for event_id, group in att.groupby("event_id"):
        assert principals[event_id] not in set(group.name_en)


# The seed articles whose year only their issue gives (the `June 2020` the Tajik call recalls does not date it).
YEAR_FROM_ISSUE_ONLY = {"07-28", "09-15", "09-17", "09-18"}


@pytest.mark.parametrize("kind", ["simplified", "gb18030", "crlf_bom", "shuffled", "split", "zh_only", "en_only"])
def test_variants_give_the_same_events(tmp_path, kind):
    tables = extract([write_variant(tmp_path / kind, kind)], progress=False)
    expected = EVENTS
    if kind == "split":
        # One article a file: a year its own text does not give (it came from the issue) is not
        # guessed from another file, and is said in a warning.
        expected = {(f"--{d[5:]}" if d[5:] in YEAR_FROM_ISSUE_ONLY else d, t, p) for d, t, p in EVENTS}
        no_year = tables.diagnostics[tables.diagnostics.code == "no_year"]
        assert len(no_year) == len(YEAR_FROM_ISSUE_ONLY) and (no_year.severity == "warning").all()
    assert event_keys(tables) == expected
    assert len(tables.attendees) == 16
    if kind not in ("zh_only", "en_only"):
        assert len(tables.articles) == 14 and tables.articles.event_id.nunique() == 7


def test_parallel_workers_give_the_tables_of_one_process(tmp_path):
    corpus = [write_variant(tmp_path / name, kind) for name, kind in (("a", "split"), ("b", "split"), ("c", "simplified"))]
    assert sum(1 for folder in corpus for _ in folder.glob("*.txt")) >= PARALLEL_FROM  # enough for two workers
    alone, parallel = (extract(corpus, progress=False, jobs=jobs) for jobs in (1, 2))
    for (name, one), (_, two) in zip(alone.items(), parallel.items()):
        pd.testing.assert_frame_equal(one, two, obj=name)
    # Three copies of the seeds: each engagement once (every copy a source of it), but for the
    # split copy of the 28 July article, which gives no year and whose damaged line repairs
    # otherwise in Traditional script than in Simplified.
    assert EVENTS <= event_keys(alone) and len(alone.events) == 8 and len(alone.event_sources) == 14 * 3


def test_cli_writes_sorted_tables_with_fixed_columns(tmp_path):
    run = [sys.executable, "-m", "analysis", "extract", "seeds", "--out", str(tmp_path / "a"), "--quiet"]
    subprocess.run(run, cwd=ROOT, check=True)
    subprocess.run(run[:-2] + [str(tmp_path / "b"), "--quiet"], cwd=ROOT, check=True)
    for name in ("articles", "events", "attendees", "event_topics", "repairs", "diagnostics"):
        first = (tmp_path / "a" / f"{name}.csv").read_bytes()
        assert first == (tmp_path / "b" / f"{name}.csv").read_bytes()
        assert (tmp_path / "a" / f"{name}.parquet").read_bytes() == (tmp_path / "b" / f"{name}.parquet").read_bytes()
    articles = pd.read_csv(tmp_path / "a" / "articles.csv")
    assert list(articles.columns[:12]) == ["article_id", "source_file", "lang", "line_start", "line_end", "title",
                                           "date", "year_inferred", "year_source", "event_id", "text", "text_raw"]


def test_a_table_is_sorted_and_left_as_it_is_when_in_order():
    from analysis.tables import _sorted, frame

    rows = [{"source_file": f, "line": n, "code": c, "message": "m"} for f, n, c in
            [("b.txt", 2, "x"), ("a.txt", 10, "y"), ("b.txt", 1, "x"), ("a.txt", 9, "z")]]
    table = frame("diagnostics", rows)
    assert list(zip(table.source_file, table.line)) == [("a.txt", 9), ("a.txt", 10), ("b.txt", 1), ("b.txt", 2)]
    in_order = pa.Table.from_pandas(table, preserve_index=False)
    assert _sorted(in_order, ["source_file", "line"]) is in_order


def test_missing_corpus_path_is_a_clear_error(tmp_path):
    result = subprocess.run([sys.executable, "-m", "analysis", "extract", "no/such/folder", "--out", str(tmp_path)],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 2
    assert "no/such/folder" in result.stderr


def test_extraction_does_not_depend_on_the_gazetteers_people(tmp_path):
    """The gazetteer helps resolve names; without its people the same events come out of the text."""
    import yaml

    from analysis.gazetteer import DEFAULT_PATH

    data = yaml.safe_load(DEFAULT_PATH.read_text(encoding="utf-8"))
    data["people"] = []
    bare = tmp_path / "gazetteer.yaml"
    bare.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    tables = extract([SEEDS], gazetteer_path=bare, progress=False)
    assert event_keys(tables) == EVENTS
    assert set(tables.events.principal_en) == {"Zhao Kezhi", "Xu Ganlu", "Wang Xiaohong"}
    assert "Sheikh Rasheed Ahmad" in set(tables.events.counterpart_en)
    assert len(tables.attendees) == 16
