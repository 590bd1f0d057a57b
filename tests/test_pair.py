"""Pairing (`analysis.pair`): which Chinese and English versions are found to be one article."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.dates import PartialDate
from analysis.diagnostics import Diagnostic
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


def test_versions_naming_other_countries_are_two_articles_whatever_else_they_share(gazetteer):
    """The same day and China's principal, but Laos in one and Kyrgyzstan in the other."""
    apart = [version("a.txt", "zh", 1, day(2019, 5, 14), names=NAMES[:1], countries=["LAO"]),
             version("b.txt", "en", 5, day(2019, 5, 14), names=NAMES[:1], countries=["KGZ"])]
    assert couples(pair_articles(apart, gazetteer)[0]) == set()
    # a body both name (a multilateral meeting) keeps them together
    together = [version("a.txt", "zh", 1, day(2019, 5, 14), names=NAMES[:1], countries=["LAO"]),
                version("b.txt", "en", 5, day(2019, 5, 14), names=NAMES[:1], countries=["KGZ"])]
    together[0].features.orgs.add("SCO")
    together[1].features.orgs.add("SCO")
    assert couples(pair_articles(together, gazetteer)[0]) == {("a:1", "b:5")}


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
    assert features(Article("a.txt", "zh", 1, 2, title_lines=[(1, "2021年會談")], body=[(2, "17日,3國")]), gazetteer).numbers == \
        {"2021", "17", "3"}
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


# ---------------------------------------------------------------------------------------------
# Dating the pairs: the year stated, else from a stamp, the issue, the text; the diagnostics
# ---------------------------------------------------------------------------------------------

def dated(file: str, lang: str, line: int, date: PartialDate | None, metadata=(), body=(), names=NAMES) -> Article:
    """A version whose features are given (the names pair it with its other version), with its
    furniture and body, where a missing year is looked for."""
    article = version(file, lang, line, date, names=names)
    article.metadata = list(metadata)
    article.body = [(line + 1 + i, text) for i, text in enumerate(body)]
    return article


def when(pair) -> tuple:
    return pair.date, pair.year_inferred, pair.year_source


def dating(result):
    """Pairs and their diagnostics but the unpaired versions'."""
    pairs, diagnostics = result
    return pairs, [d for d in diagnostics if d.code != "unpaired"]


def only(pairs):
    assert len(pairs) == 1, pairs
    return pairs[0]


def test_furniture_lists_datelines_and_captions_before_stamps_each_in_its_order():
    from analysis.pair import furniture
    article = Article("a.txt", "en", 1, metadata=[
        "Updated: 2021-07-18 10:00",  # a label and a colon
        "BEIJING, July 17 (Xinhua)",
        "17.05.2018 12:12",  # a stamp without a label
        "Photo by Xinhua",
        "发布时间：2021-07-18",
        "新华社北京7月18日电"])
    assert furniture(article) == ["BEIJING, July 17 (Xinhua)", "Photo by Xinhua", "新华社北京7月18日电",
                                  "Updated: 2021-07-18 10:00", "17.05.2018 12:12", "发布时间：2021-07-18"]


def test_a_year_stated_by_one_version_dates_the_pair_and_is_not_inferred(gazetteer):
    pair = only(pair_articles([dated("a.txt", "zh", 1, day(None)), dated("a.txt", "en", 5, day(2020))], gazetteer)[0])
    assert when(pair) == ("2020-07-17", False, "")
    # A weekday read against a stamp states its year from the stamp.
    relative = PartialDate(2021, 7, 13, "Tuesday", "stamp")
    pair = only(pair_articles([dated("a.txt", "en", 5, relative)], gazetteer)[0])
    assert when(pair) == ("2021-07-13", True, "stamp")


def test_a_missing_year_comes_from_a_versions_stamp(gazetteer):
    zh = dated("a.txt", "zh", 1, day(None), metadata=["发布时间：2021-07-18 10:00"])
    en = dated("a.txt", "en", 5, day(None))
    assert when(only(pair_articles([zh, en], gazetteer)[0])) == ("2021-07-17", True, "stamp")
    # The other version's stamp, when the first version has none with a year.
    zh = dated("a.txt", "zh", 1, day(None), metadata=["新华社北京7月17日电"])
    en = dated("a.txt", "en", 5, day(None), metadata=["Updated: 2020-07-18 10:00"])
    assert when(only(pair_articles([zh, en], gazetteer)[0])) == ("2020-07-17", True, "stamp")
    # A stamp written in Chinese.
    zh = dated("a.txt", "zh", 1, day(None), metadata=["2021年7月18日 10:00 来源：公安部"])
    assert when(only(pair_articles([zh], gazetteer)[0])) == ("2021-07-17", True, "stamp")
    # A day after the stamp's is of the year before.
    en = dated("a.txt", "en", 5, day(None, 12, 30), metadata=["Updated: 2022-01-02 10:00"])
    assert when(only(pair_articles([en], gazetteer)[0])) == ("2021-12-30", True, "stamp")


def test_a_missing_year_comes_from_the_most_common_year_of_the_issue_before_the_text(gazetteer):
    versions = [dated("a.txt", "zh", 1, day(2020, 3, 1), names=()),
                dated("a.txt", "zh", 2, day(2019, 5, 1), names=()),
                dated("a.txt", "zh", 3, day(2019, 6, 1), names=()),
                dated("a.txt", "zh", 4, day(None), names=(), body=["2018年6月,双方通话。"]),
                dated("b.txt", "zh", 1, day(2017, 5, 1), names=()),
                dated("b.txt", "zh", 2, day(2017, 5, 2), names=())]
    pairs, diagnostics = pair_articles(versions, gazetteer)
    assert [when(p) for p in pairs if p.zh.line_start == 4 and p.zh.source_file == "a.txt"] == [("2019-07-17", True, "issue")]
    assert "no_year" not in {d.code for d in diagnostics}


def test_the_issue_years_of_both_versions_files_count(gazetteer):
    zh, en = dated("a.txt", "zh", 1, day(None)), dated("b.txt", "en", 1, day(None))
    others = [dated("a.txt", "zh", 9, day(2019, 1, 5), names=()),
              dated("b.txt", "en", 8, day(2020, 1, 5), names=()), dated("b.txt", "en", 9, day(2020, 1, 6), names=())]
    pairs, _ = pair_articles([zh, en] + others, gazetteer)
    assert [when(p) for p in pairs if p.zh is zh] == [("2020-07-17", True, "issue")]
    assert [p.en for p in pairs if p.zh is zh] == [en]


def test_a_year_the_versions_recall_does_not_date_them(gazetteer):
    """`In June 2020, they had met.`: the engagement may be years later; the date keeps no year."""
    zh = dated("a.txt", "zh", 1, day(None), body=["雙方回顧了2019年6月的會談。"])
    en = dated("a.txt", "en", 5, day(None), body=["They recalled their talks.", "In June 2020, they had met."])
    pairs, diagnostics = pair_articles([zh, en], gazetteer)
    assert when(only(pairs)) == ("--07-17", False, "")
    assert "no_year" in {d.code for d in diagnostics}


def test_infer_year_says_where_the_year_came_from_and_nothing_without_one():
    from collections import Counter

    from analysis.pair import infer_year
    article = dated("a.txt", "en", 5, day(None), body=["They met."])
    assert infer_year(PartialDate(None, 7, 17, ""), [article], {}) == (None, "")
    assert infer_year(PartialDate(None, 7, 17, ""), [article], {"a.txt": Counter({2019: 1, 2020: 3})}) == (2020, "issue")
    assert infer_year(PartialDate(None, 7, 17, ""), [article], {"b.txt": Counter({2019: 1})}) == (None, "")
    assert infer_year(PartialDate(2018, 7, 17, ""), [article], {}) == (2018, "")
    assert infer_year(PartialDate(2018, 7, 13, "Tuesday", "stamp"), [article], {}) == (2018, "stamp")


def test_a_date_whose_year_cannot_be_found_is_kept_without_it_with_a_warning(gazetteer):
    zh = dated("a.txt", "zh", 3, PartialDate(None, 7, 17, "7月17日"), body=["双方自2005年建立以来合作。"])
    en = dated("a.txt", "en", 9, PartialDate(None, 7, 17, "July 17"))
    pairs, diagnostics = pair_articles([zh, en], gazetteer)
    assert when(only(pairs)) == ("--07-17", False, "")
    assert diagnostics == [Diagnostic("a.txt", 3, "warning", "no_year",
                                      "date '7月17日' has no year and none could be inferred: kept as --07-17")]


def test_a_pair_without_any_date_is_said_undated(gazetteer):
    pairs, diagnostics = pair_articles([dated("a.txt", "zh", 3, None), dated("a.txt", "en", 9, None)], gazetteer)
    assert when(only(pairs)) == ("", False, "")
    assert diagnostics == [Diagnostic("a.txt", 3, "warning", "no_date", "no date found in the article's first paragraphs")]
    # The version that has a date dates the pair.
    pairs, diagnostics = pair_articles([dated("a.txt", "zh", 3, None), dated("a.txt", "en", 9, day(2021))], gazetteer)
    assert when(only(pairs)) == ("2021-07-17", False, "") and diagnostics == []


def test_versions_giving_different_days_are_said_to_disagree_and_the_one_with_a_year_wins(gazetteer):
    zh = dated("a.txt", "zh", 3, PartialDate(None, 7, 18, "7月18日"))
    en = dated("a.txt", "en", 9, PartialDate(2021, 7, 17, "July 17, 2021"))
    pairs, diagnostics = pair_articles([zh, en], gazetteer)
    assert when(only(pairs)) == ("2021-07-17", False, "")
    assert diagnostics == [Diagnostic("a.txt", 9, "warning", "date_mismatch",
                                      "the versions give different dates: 7月18日 / July 17, 2021")]
    # The same day written differently agrees.
    en = dated("a.txt", "en", 9, PartialDate(2021, 7, 18, "July 18, 2021"))
    assert pair_articles([zh, en], gazetteer)[1] == []


def test_a_day_that_is_no_calendar_date_leaves_the_pair_undated_with_an_error(gazetteer):
    zh = dated("a.txt", "zh", 3, PartialDate(None, 2, 30, "2月30日"), metadata=["发布时间：2021-03-01 10:00"])
    pairs, diagnostics = dating(pair_articles([zh], gazetteer))
    assert when(only(pairs)) == ("", False, "")
    assert diagnostics == [Diagnostic("a.txt", 3, "error", "invalid_date", "not a calendar date: '2月30日'")]
    # 29 February, a day of some years, in a year without one.
    zh = dated("a.txt", "zh", 3, PartialDate(None, 2, 29, "2月29日"), metadata=["发布时间：2021-03-01 10:00"])
    pairs, diagnostics = dating(pair_articles([zh], gazetteer))
    assert when(only(pairs)) == ("", False, "")
    assert diagnostics == [Diagnostic("a.txt", 3, "error", "invalid_date", "not a calendar date in 2021: '2月29日'")]
    zh = dated("a.txt", "zh", 3, PartialDate(None, 2, 29, "2月29日"), metadata=["发布时间：2020-03-01 10:00"])
    assert when(only(pair_articles([zh], gazetteer)[0])) == ("2020-02-29", True, "stamp")


def test_an_undatable_pair_leaves_the_next_ones_dated(gazetteer):
    for bad in (PartialDate(None, 2, 30, "2月30日"), PartialDate(None, 2, 29, "2月29日")):
        versions = [dated("a.txt", "zh", 3, bad, metadata=["发布时间：2021-03-01 10:00"], names=()),
                    dated("a.txt", "zh", 9, day(2021), names=())]
        pairs, _ = pair_articles(versions, gazetteer)
        assert sorted(when(p) for p in pairs) == [("", False, ""), ("2021-07-17", False, "")]


def test_the_date_is_read_from_the_paragraph_the_events_stage_took_for_the_lede(gazetteer):
    from types import SimpleNamespace

    from analysis.pair import features
    article = Article("a.txt", "en", 1, 4, title_lines=[(1, "Talks")],
                      body=[(2, "Posted on June 1, 2021."), (3, "Zhao met Rasheed on July 17, 2021."), (4, "Bye.")])
    assert features(article, gazetteer).date.text == "June 1, 2021"
    article.reading = SimpleNamespace(lede=1)
    assert features(article, gazetteer).date.text == "July 17, 2021"
    # The furniture dates an article whose lede has no date: its dateline before its stamp.
    article = Article("a.txt", "en", 1, 3, title_lines=[(1, "Talks")], body=[(2, "Zhao met Rasheed.")],
                      metadata=["Updated: 2021-07-20 10:00", "BEIJING, July 17 (Xinhua)"])
    assert (features(article, gazetteer).date.month, features(article, gazetteer).date.day) == (7, 17)


def test_a_lede_without_a_date_takes_the_first_date_of_the_paragraphs_before_it(gazetteer):
    """The paragraphs before the lede the events stage read (an opening sentence) date the article
    before the paragraph after the lede."""
    from types import SimpleNamespace

    from analysis.pair import features
    article = Article("a.txt", "en", 1, 4, title_lines=[(1, "Talks")],
                      body=[(2, "The 13th meeting was held in Beijing on 21-22 May 2018."), (3, "Zhao met Rasheed."),
                            (4, "They will meet again on June 5, 2019.")])
    article.reading = SimpleNamespace(lede=1)
    date = features(article, gazetteer).date
    assert (date.year, date.month, date.day) == (2018, 5, 21)


def test_versions_of_files_of_one_name_in_two_folders_are_two_events(gazetteer):
    versions = [version("xinhua/2021-07-17.txt", "zh", 1, day(2021), names=NAMES[:2], title="趙克志會見"),
                version("mps/2021-07-17.txt", "zh", 1, day(2021), names=NAMES[2:], title="許甘露會見")]
    pairs, _ = pair_articles(versions, gazetteer)
    assert len(pairs) == 2
    assert pairs[0].event_id != pairs[1].event_id
