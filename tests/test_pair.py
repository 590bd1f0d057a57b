"""Pairing (`analysis.pair`): which Chinese and English versions are found to be one article."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.gazetteer import load_gazetteer
from analysis.pair import pair_articles
from analysis.pipeline import process_file

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
