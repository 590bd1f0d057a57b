"""Pairing (`analysis.pair`): which Chinese and English versions are found to be one article."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.dates import PartialDate
from analysis.gazetteer import load_gazetteer
from analysis.pair import Features, pair_articles
from analysis.pipeline import process_file
from analysis.segment import Article
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


# ---------------------------------------------------------------------------------------------
# Rules of the greedy pairing, on versions given their features (no text to read)
# ---------------------------------------------------------------------------------------------

def version(file: str, lang: str, line: int, date: PartialDate | None, names=(), countries=(), title="Talks") -> Article:
    """An article version whose pairing features are given: English names, or the Chinese
    version's pinyin holding them."""
    article = Article(file, lang, line, line, title_lines=[(line, title)])
    pinyin = "|".join(names) if lang == "zh" else ""
    article.features = Features(date, set(names) if lang == "en" else set(), pinyin, set(countries), set(), set())
    return article


def day(year: int | None, month: int = 7, day_: int = 17) -> PartialDate:
    return PartialDate(year, month, day_, f"{year}-{month}-{day_}")


NAMES = ("zhaokezhi", "xuganlu", "xiefeng", "sheikhrasheed")


def test_a_couple_scoring_the_minimum_is_paired_and_one_below_it_not(gazetteer):
    # The same day (3) and a country named by one version only (-0.5): 2.5, the minimum.
    paired = [version("a.txt", "zh", 1, day(2021), countries=["PAK"]), version("a.txt", "en", 5, day(2021))]
    assert couples(pair_articles(paired, gazetteer)[0]) == {("a:1", "a:5")}
    # Two countries named by one version only: 2.0.
    apart = [version("a.txt", "zh", 1, day(2021), countries=["PAK", "RUS"]), version("a.txt", "en", 5, day(2021))]
    assert couples(pair_articles(apart, gazetteer)[0]) == set()


def test_the_best_couples_are_kept_first(gazetteer):
    zh1 = version("a.txt", "zh", 1, day(2021), names=NAMES[:3])
    zh2 = version("a.txt", "zh", 10, day(2021))
    en1 = version("a.txt", "en", 20, day(2021), names=NAMES[:3])  # with zh1: 7.5; with zh2: 3
    en2 = version("a.txt", "en", 30, day(2021), countries=["PAK"])  # with either: 2.5
    pairs, diagnostics = pair_articles([zh1, zh2, en1, en2], gazetteer)
    assert couples(pairs) == {("a:1", "a:20"), ("a:10", "a:30")}
    assert not diagnostics


def test_each_version_is_in_exactly_one_pair(gazetteer):
    versions = [version("a.txt", lang, line, day(2021), names=NAMES) for lang, line in
                [("zh", 1), ("zh", 2), ("en", 3), ("en", 4), ("en", 5)]]
    pairs, diagnostics = pair_articles(versions, gazetteer)
    members = [a.article_id for p in pairs for a in (p.zh, p.en) if a]
    assert sorted(members) == sorted(a.article_id for a in versions)
    assert len(couples(pairs)) == 2 and [d.code for d in diagnostics] == ["unpaired"]


def test_within_a_file_the_same_day_of_the_same_year_comes_before_a_better_couple_of_another_year(gazetteer):
    zh = version("a.txt", "zh", 1, day(2021), names=NAMES)
    other_year = version("a.txt", "en", 5, day(2020), names=NAMES)  # 3 - 2 + 6 = 7
    same_year = version("a.txt", "en", 9, day(2021))  # 3
    assert couples(pair_articles([zh, other_year, same_year], gazetteer)[0]) == {("a:1", "a:9")}
    # Without it, the couple of another year is paired within the file, penalty and all.
    assert couples(pair_articles([zh, other_year], gazetteer)[0]) == {("a:1", "a:5")}


def test_across_files_only_versions_of_the_same_day_and_year_are_paired(gazetteer):
    zh = version("a.txt", "zh", 1, day(2021), names=NAMES)
    for en, paired in [(version("b.txt", "en", 1, day(2021), names=NAMES), True),
                       (version("b.txt", "en", 1, day(None), names=NAMES), True),  # a year missing agrees
                       (version("b.txt", "en", 1, day(2020), names=NAMES), False),
                       (version("b.txt", "en", 1, day(2021, 7, 18), names=NAMES), False),
                       (version("b.txt", "en", 1, None, names=NAMES), False)]:
        assert bool(couples(pair_articles([zh, en], gazetteer)[0])) is paired, en.features.date
    undated = version("a.txt", "zh", 1, None, names=NAMES)
    assert couples(pair_articles([undated, version("a.txt", "en", 3, None, names=NAMES)], gazetteer)[0])


def test_an_unpaired_version_is_said_with_its_title(gazetteer):
    title = "Phone Talks Between China and Pakistan on Security Cooperation and Counter-terrorism"
    pairs, diagnostics = pair_articles([version("a.txt", "en", 4, day(2021), title=title),
                                        version("a.txt", "zh", 1, day(2020, 1, 2), title="會見")], gazetteer)
    assert [(d.source_file, d.line, d.severity, d.code, d.message) for d in diagnostics] == [
        ("a.txt", 4, "info", "unpaired", f"no Chinese version found for this article: {title[:60]!r}"),
        ("a.txt", 1, "info", "unpaired", "no English version found for this article: '會見'"),
    ]
    # Pairs in the order of their dates: 2020-01-02 before 2021-07-17.
    assert [(p.date, bool(p.zh), bool(p.en)) for p in pairs] == [("2020-01-02", True, False), ("2021-07-17", False, True)]


def test_pairs_are_listed_by_date_then_id_and_the_undated_last(gazetteer):
    versions = [version("a.txt", "zh", 1, None), version("a.txt", "en", 2, day(2021, 3, 1), title="B"),
                version("b.txt", "en", 2, day(2021, 3, 1), title="A"), version("a.txt", "en", 9, day(2020))]
    pairs, _ = pair_articles(versions, gazetteer)
    assert [p.date for p in pairs] == ["2020-07-17", "2021-03-01", "2021-03-01", ""]
    assert [p.event_id for p in pairs[1:3]] == sorted(p.event_id for p in pairs[1:3])
    assert pairs[-1].event_id.startswith("undated-")


def test_what_the_versions_share_is_read_as_pinyin_runs_and_pairs_of_capitalised_words():
    from analysis.pair import en_name_keys, zh_pinyin
    assert zh_pinyin("趙克志、許甘露。abc 123 會見") == "zhaokezhi|xuganlu|huijian"  # either script, runs apart
    assert zh_pinyin("赵克志") == "zhaokezhi" and zh_pinyin("") == ""
    keys = en_name_keys("Minister Zhao Kezhi met Xu, McDonald Trump, the Vice-Minister Li Wei and UN Chief Guterres.")
    assert keys == {"ministerzhao", "zhaokezhi", "ministerli", "liwei", "chiefguterres"}


def test_features_read_the_title_the_first_two_paragraphs_and_the_last(gazetteer):
    from analysis.pair import features
    body = ["中國與巴基斯坦舉行會談。", "雙方同意。", "俄羅斯表示。", "哈薩克斯坦和日本表示。", "烏茲別克斯坦參加。"]
    article = Article("a.txt", "zh", 1, 6, title_lines=[(1, "中國和老撾會談")], body=list(enumerate(body, 2)))
    feats = features(article, gazetteer)
    assert feats.countries == {"LAO", "PAK", "UZB"}  # China itself never counts
    assert feats.names == set() and "zhongguo" in feats.pinyin
    english = Article("a.txt", "en", 1, 3, title_lines=[(1, "Talks")],
                      body=[(2, "Zhao Kezhi met the SCO chief on July 17, 2021."), (3, "Xu Ganlu attended.")])
    feats = features(english, gazetteer)
    assert (feats.names, feats.pinyin, feats.orgs, feats.numbers) == ({"talkszhao", "zhaokezhi", "xuganlu"}, "", {"SCO"}, {"17", "2021"})


def test_versions_without_features_have_them_read(gazetteer, tmp_path):
    articles = articles_of(tmp_path / "issue.txt", ZH_PAKISTAN.format(date="2021年7月17日") + EN_PAKISTAN.format(date="July 17, 2021"))
    for article in articles:
        article.features = None
    assert couples(pair_articles(articles, gazetteer)[0]) == {("issue:1", "issue:4")}


def test_the_event_id_is_the_date_and_a_hash_of_the_versions_ids():
    import hashlib
    from analysis.pair import Pair, event_id
    zh, en = Article("a/x.txt", "zh", 1), Article("a/x.txt", "en", 5)
    assert event_id(Pair("", zh, en, "2021-07-17")) == "2021-07-17-" + hashlib.sha1(b"x:1|x:5").hexdigest()[:6]
    assert event_id(Pair("", None, en)) == "undated-" + hashlib.sha1(b"x:5").hexdigest()[:6]


def test_shared_names_count_four_at_most():
    from analysis.pair import score
    names = {"zhaokezhi", "xuganlu", "xiefeng", "sheikhrasheed", "wangxiaohong"}
    zh, en = Features(None), Features(None, names=names)
    assert score(zh, en, names) == 6.0
