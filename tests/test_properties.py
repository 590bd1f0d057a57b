"""Properties of topic evidence and of the pairing score, on generated articles and features."""

from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from analysis.dates import PartialDate
from analysis.pair import Features, score
from analysis.segment import Article
from analysis.topics import evidence_spans, load_lexicon, split_sentences, topic_evidence

PROPERTY = settings(max_examples=60, deadline=None)

# Sentences stating topics (a term, an excluded phrase, a context term) and sentences stating none.
SENTENCES = {
    "en": ["Both sides will fight terrorism and extremism.", "The two ministers discussed drug trafficking.",
           "Zhao said cooperation will deepen.", "The U.S. side and No. 3 Team met in Beijing.",
           "They agreed to crack down on online fraud.", "The National Immigration Administration hosted it.",
           "Chinese personnel in the region must be protected.", "Pakistan is an all-weather partner.",
           "Illegal migration was discussed", "The Peacekeeping Police Training Center was visited.",
           "Mr. Li thanked the IOM for its work on migration; it was a good year.",
           "Cyber attacks and telecom network fraud were both raised!"],
    "zh": ["雙方將共同打擊恐怖主義。", "加強禁毒合作；", "趙克志表示，中巴是全天候戰略合作伙伴。",
           "國家移民管理局局長許甘露參加會見。", "保障在巴中方人員安全。", "防疫情况良好。",
           "雙方就打擊電信詐騙交換意見。", "巴基斯坦內政部長拉希德", "参观了中国维和警察培训中心，",
           "深化执法能力建设！"],
}


@st.composite
def articles(draw) -> Article:
    """An article version: a title and paragraphs of one to three sentences, on numbered lines."""
    lang = draw(st.sampled_from(["zh", "en"]))
    sentence = st.sampled_from(SENTENCES[lang])
    joiner = " " if lang == "en" else ""
    title = draw(st.sampled_from(["Ministers Meet", "Talks on Terrorism and Drugs"] if lang == "en"
                                 else ["部長會見外賓", "反恐禁毒會談"]))
    paragraphs = draw(st.lists(st.lists(sentence, min_size=1, max_size=3).map(joiner.join), min_size=1, max_size=4))
    first = draw(st.integers(1, 50))
    return Article("issue.txt", lang, first, first + len(paragraphs), title_lines=[(first, title)],
                   body=[(first + 1 + i, text) for i, text in enumerate(paragraphs)])


def units(article: Article) -> list[tuple[int, str]]:
    """The title (one sentence) and the paragraphs, with their lines."""
    return [(article.line_start, article.title)] + article.body


@PROPERTY
@given(articles())
def test_topic_evidence_is_one_sentence_of_the_source_holding_a_term_of_the_topic(article):
    lexicon = load_lexicon()
    found = topic_evidence(article, lexicon)
    lines = dict(units(article))
    for topic, (evidence, line) in found.items():
        sentences = [lines[line]] if line == article.line_start else split_sentences(lines[line], article.lang)
        assert evidence in sentences, (topic, evidence, line)
        assert evidence_spans(lexicon, topic, evidence, article.lang), (topic, evidence)


@PROPERTY
@given(articles())
def test_topic_evidence_is_the_first_sentence_stating_the_topic(article):
    """A sentence that holds a term (not a context term, which needs its context elsewhere) states
    its topic: the topic is found, and its evidence is that sentence or one before it."""
    lexicon = load_lexicon()
    found = topic_evidence(article, lexicon)
    in_order = [(line, sentence) for line, text in units(article)
                for sentence in ([text] if line == article.line_start else split_sentences(text, article.lang))]
    for topic in lexicon.topics:
        if topic.context_terms[article.lang]:
            continue
        stating = [k for k, (_, sentence) in enumerate(in_order)
                   if evidence_spans(lexicon, topic.name, sentence, article.lang)]
        assert (topic.name in found) == bool(stating), topic.name
        if stating:
            line, sentence = in_order[stating[0]]
            assert found[topic.name] == (sentence, line)


# ---------------------------------------------------------------------------------------------
# The pairing score
# ---------------------------------------------------------------------------------------------

names = st.sets(st.sampled_from(["zhaokezhi", "xuganlu", "wangxiaohong", "sheikhrasheed", "xiefeng"]), max_size=4)
codes = st.sets(st.sampled_from(["PAK", "RUS", "KAZ", "SCO", "IOM"]), max_size=3)
numbers = st.sets(st.sampled_from(["2021", "17", "7", "150", "20", "30", "1949"]), max_size=7)
days = st.builds(PartialDate, st.one_of(st.none(), st.sampled_from([2020, 2021])), st.integers(6, 7),
                 st.integers(16, 17), st.just(""))


@st.composite
def features(draw) -> Features:
    return Features(draw(st.one_of(st.none(), days)), draw(names), "", draw(codes), draw(codes), draw(numbers))


@PROPERTY
@given(features(), features(), names)
def test_the_score_is_lower_for_dates_that_disagree(zh, en, zh_names):
    """Versions of one day in one year score more than the same versions a year apart, which score
    more than versions of different days."""
    same = PartialDate(2021, 7, 17, "")
    zh.date = same
    scores = []
    for date in (same, PartialDate(2020, 7, 17, ""), PartialDate(2021, 7, 18, "")):
        en.date = date
        scores.append(score(zh, en, zh_names))
    assume(not apart(zh, en))
    assert scores[0] - scores[1] == pytest.approx(2.0)
    assert scores[0] - scores[2] == pytest.approx(5.0)
    en.date = None
    assert scores[0] - score(zh, en, zh_names) == pytest.approx(3.0)


def apart(zh: Features, en: Features) -> bool:
    """Versions naming only other countries, and no body both name."""
    return bool(zh.countries and en.countries and not zh.countries & en.countries and not zh.orgs & en.orgs)


@PROPERTY
@given(features(), features(), names)
def test_versions_naming_only_other_countries_never_pair(zh, en, zh_names):
    assert (score(zh, en, zh_names) == float("-inf")) == apart(zh, en)


@PROPERTY
@given(features(), features(), names, st.sampled_from(["countries", "orgs"]))
def test_a_place_said_by_both_versions_raises_the_score_and_by_one_lowers_it(zh, en, zh_names, kind):
    assume(not apart(zh, en))
    before = score(zh, en, zh_names)
    setattr(zh, kind, getattr(zh, kind) | {"THA"})
    assume(not apart(zh, en))
    assert score(zh, en, zh_names) == pytest.approx(before - 0.5)
    setattr(en, kind, getattr(en, kind) | {"THA"})
    assert score(zh, en, zh_names) == pytest.approx(before + 1.0)


@PROPERTY
@given(features(), features(), names, numbers)
def test_shared_names_and_numbers_raise_the_score_up_to_a_cap(zh, en, zh_names, more):
    """Each name the Chinese version's pinyin holds and the English names counts 1.5, up to four;
    each number both say 0.3, up to five; a name or number of one version only counts nothing."""
    assume(not apart(zh, en))
    zh.numbers, en.numbers = set(), set()
    base = score(zh, en, set())
    en.names = en.names | zh_names
    assert score(zh, en, zh_names) == pytest.approx(base + 1.5 * min(len(zh_names), 4))
    zh.numbers = more | {"1", "2"}
    en.numbers = more | {"3"}
    assert score(zh, en, zh_names) == pytest.approx(base + 1.5 * min(len(zh_names), 4) + 0.3 * min(len(more), 5))
