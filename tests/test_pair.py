"""Pairing (`analysis.pair`): which Chinese and English versions are found to be one article."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.gazetteer import load_gazetteer
from analysis.pair import pair_articles
from analysis.pipeline import process_file
from variants import SEED_000, SEEDS, write_variant

ZH_PAKISTAN = """趙克志與巴基斯坦內政部長拉希德通話
{date},國務委員、公安部部長趙克志與巴基斯坦內政部長拉希德通話。
趙克志表示,中巴是全天候戰略合作伙伴。
"""
EN_PAKISTAN = """Phone Talks Between China and Pakistan
State Councilor and Minister of Public Security Zhao Kezhi held phone talks with Pakistani Interior Minister Sheikh Rasheed Ahmad on {date}.
Zhao said that China and Pakistan are all-weather strategic cooperative partners.
"""


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


def articles_of(path: Path, text: str) -> list:
    path.write_text(text, encoding="utf-8")
    return process_file(path).articles


def couples(pairs) -> set[tuple[str, str]]:
    """(Chinese id, English id) of the pairs that have both versions."""
    return {(p.zh.article_id, p.en.article_id) for p in pairs if p.zh and p.en}


def test_versions_whose_years_disagree_are_paired_within_their_file(tmp_path, gazetteer):
    """The same day in two years: scored by the pass within the file, year-mismatch penalty included."""
    articles = articles_of(tmp_path / "issue.txt",
                           ZH_PAKISTAN.format(date="2021年7月17日") + EN_PAKISTAN.format(date="July 17, 2020"))
    assert [a.lang for a in articles] == ["zh", "en"]
    pairs, diagnostics = pair_articles(articles, gazetteer)
    assert couples(pairs) == {("issue:1", "issue:4")}
    assert "unpaired" not in {d.code for d in diagnostics}


# ---------------------------------------------------------------------------------------------
# Properties: the order of the input, and the other files read with a file, change nothing
# ---------------------------------------------------------------------------------------------

class Corpus(dict):
    """Articles per file name, shown by its names (hypothesis prints the arguments of a failure)."""

    def __repr__(self) -> str:
        return f"Corpus({sorted(self)})"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Corpus:
    """Articles per file: the seeds, their shuffled and one-language copies, a copy of seed 000
    with each version in its own file, and a small issue whose two versions disagree on the year,
    with a copy of its Chinese version dated to agree with the English one. The copies' names sort
    before the seeds' (their article ids win ties)."""
    folder = tmp_path_factory.mktemp("corpus")
    files = {path.name: path for path in sorted(SEEDS.glob("*.txt"))}
    for kind in ("shuffled", "zh_only", "en_only", "split"):
        for path in sorted(write_variant(folder / kind, kind).glob("*.txt")):
            if kind != "split" or path.name.startswith(SEED_000.stem):
                files[f"-{kind}-{path.name}"] = path
    texts = {"issue.txt": ZH_PAKISTAN.format(date="2021年7月17日") + EN_PAKISTAN.format(date="July 17, 2020"),
             "-issue_zh_2020.txt": ZH_PAKISTAN.format(date="2020年7月17日")}
    for name, text in texts.items():
        files[name] = folder / name
        files[name].write_text(text, encoding="utf-8")
    articles = Corpus()
    for name, path in files.items():
        target = folder / "named" / name
        target.parent.mkdir(exist_ok=True)
        target.write_bytes(path.read_bytes())
        articles[name] = process_file(target).articles
    return articles


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_the_order_of_files_and_articles_changes_no_pair(corpus, data):
    gazetteer = load_gazetteer()
    names = data.draw(st.lists(st.sampled_from(sorted(corpus)), min_size=1, unique=True))
    articles = [a for name in names for a in corpus[name]]
    shuffled = data.draw(st.permutations(articles))
    first, _ = pair_articles(articles, gazetteer)
    second, _ = pair_articles(shuffled, gazetteer)
    assert couples(first) == couples(second)
    assert [(p.event_id, p.date) for p in first] == [(p.event_id, p.date) for p in second]


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_a_pair_found_within_a_file_is_found_whatever_other_files_are_read(corpus, data):
    gazetteer = load_gazetteer()
    name = data.draw(st.sampled_from(sorted(corpus)))
    others = data.draw(st.lists(st.sampled_from(sorted(set(corpus) - {name})), unique=True))
    alone, _ = pair_articles(corpus[name], gazetteer)
    together, _ = pair_articles(corpus[name] + [a for other in others for a in corpus[other]], gazetteer)
    assert couples(alone) <= couples(together)
