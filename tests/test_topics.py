"""The topics stage on the seed texts, a few synthetic sentences, and bad lexicon files."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.gazetteer import load_gazetteer
from analysis.pair import Pair, pair_articles
from analysis.read import read_file
from analysis.segment import Article, segment
from analysis.text import line_lang, to_simplified
from analysis.topics import LexiconError, assign_topics, load_lexicon, split_sentences

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SEED_FILES = [SEEDS / "000_23ddb913fd91f9e4.txt", SEEDS / "002_0526a90c87bf4ba3.txt"]
PINYIN_RE = re.compile(r"(?<=[\u3400-\u9fff])\([a-zü\u00e0-\u01dc]+\)")
PRINCIPAL = ["counter_terrorism", "cpec_security", "drug_control", "cybersecurity"]

try:
    from analysis.repair import repair_line
except ImportError:  # before the repair stage exists: remove the injected pinyin only
    def repair_line(line: str, lang: str) -> tuple[str, list]:
        return PINYIN_RE.sub("", line), []


def repaired_lines(path: Path, convert=lambda line: line) -> list[str]:
    """The file's lines as the pipeline sees them, after `convert` (a change of script, say)."""
    lines = [convert(line) for line in read_file(path).lines]
    return [repair_line(line, line_lang(line) or "en")[0] for line in lines]


def seed_pairs(convert=lambda line: line) -> list[Pair]:
    articles = []
    for path in SEED_FILES:
        lines = repaired_lines(path, convert)
        articles += segment(str(path), lines, lines)[0]
    return pair_articles(articles, load_gazetteer())[0]


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon()


@pytest.fixture(scope="module")
def rows(lexicon):
    return assign_topics(seed_pairs(), lexicon)


def topics_on(rows, date: str, lang: str | None = None) -> set[str]:
    return {r["topic"] for r in rows if r["event_id"].startswith(date) and lang in (None, r["lang"])}


def synthetic(text: str, lang: str = "en") -> list[dict]:
    """The topic rows of a one-line article."""
    article = Article("synthetic.txt", lang, 1, body=[(1, text)])
    pair = Pair("synthetic", article if lang == "zh" else None, article if lang == "en" else None)
    return assign_topics([pair], load_lexicon())


def test_seed_events_have_their_topics(rows):
    assert {"counter_terrorism", "drug_control", "cybersecurity"} <= topics_on(rows, "2020-09-15")
    assert {"counter_terrorism", "cpec_security"} <= topics_on(rows, "2020-09-07")
    assert "counter_terrorism" in topics_on(rows, "2021-07-17")
    assert not topics_on(rows, "2021-06-25") & set(PRINCIPAL)


def test_both_language_versions_give_evidence(rows):
    for lang in ("zh", "en"):
        assert {"counter_terrorism", "drug_control", "cybersecurity"} <= topics_on(rows, "2020-09-15", lang)


def test_one_row_per_event_topic_and_language(rows):
    keys = [(r["event_id"], r["topic"], r["lang"]) for r in rows]
    assert len(keys) == len(set(keys))


def test_evidence_holds_a_term_and_starts_on_its_line(rows, lexicon):
    topics = {topic.name: topic for topic in lexicon.topics}
    files = {str(path): repaired_lines(path) for path in SEED_FILES}
    assert rows
    for row in rows:
        evidence, lang = row["evidence"], row["lang"]
        assert evidence and evidence == evidence.strip()
        searched = to_simplified(evidence) if lang == "zh" else evidence.lower()
        topic = topics[row["topic"]]
        terms = topic.terms[lang] + topic.context_terms[lang]
        assert any(next(term.finditer(searched), None) for term in terms), row
        assert evidence[:10] in files[row["source_file"]][row["line"] - 1], row


def test_an_institution_name_is_not_a_topic():
    sentence = "Vice Minister and Commissioner of the National Immigration Administration Xu Ganlu attended the event."
    assert synthetic(sentence) == []
    assert synthetic("公安部副部長、國家移民管理局局長許甘露參加活動。", "zh") == []
    assert [r["topic"] for r in synthetic("The two sides will fight illegal immigration.")] == ["migration"]
    # the SCO's Regional Anti-Terrorist Structure by name: no statement about terrorism
    assert [r["topic"] for r in synthetic("雙方推動賦予上合組織地區反恐怖機構禁毒職能。", "zh")] == ["drug_control"]
    assert synthetic("The director of the SCO Regional Anti-Terrorist Structure attended.") == []


def test_english_terms_match_whole_words():
    assert synthetic("They visited a drugstore.") == []
    assert [r["topic"] for r in synthetic("They joined anti-drug operations.")] == ["drug_control"]
    assert {r["topic"] for r in synthetic("They fought cyber terrorism.")} == {"counter_terrorism", "cybersecurity"}


# Words of the lexicon, the characters around them in English texts, and some that are not ASCII.
WORD_TEXT = st.lists(st.sampled_from(["drug", "law", "anti", "in", "é", "_", "-", " ", "\u00a0", "“", "”", "'", ".",
                                      "2", "\n", "中"]), max_size=20).map("".join)


@settings(max_examples=300, deadline=None)
@given(text=WORD_TEXT)
def test_whole_words_are_the_lexicon_words_a_regex_finds(lexicon, text):
    index = lexicon.index["en"]
    assert index.whole_words(text) == set(re.findall(r"\w+", text)) & index.words


def test_context_terms_count_only_in_context():
    assert [r["topic"] for r in synthetic("Pakistan will ensure the security of Chinese personnel.")] == ["cpec_security"]
    assert synthetic("Afghanistan will ensure the security of Chinese personnel.") == []


def test_simplified_and_traditional_give_the_same_topics(rows, lexicon):
    simplified = assign_topics(seed_pairs(to_simplified), lexicon)
    key = lambda r: (r["event_id"], r["topic"], r["lang"], r["line"])
    assert sorted(map(key, simplified)) == sorted(map(key, rows))


def test_split_sentences():
    assert split_sentences("深化反恐合作；加強禁毒合作。維護地區和平", "zh") == ["深化反恐合作；", "加強禁毒合作。", "維護地區和平"]
    text = "The U.S. side met No. 3 Team. Zhao said: first, anti-terrorism; second, drugs."
    assert split_sentences(text, "en") == ["The U.S. side met No. 3 Team.", "Zhao said: first, anti-terrorism;",
                                           "second, drugs."]


def test_select(lexicon):
    assert lexicon.select(["drug_control", "migration"]).names == ["drug_control", "migration"]
    with pytest.raises(ValueError, match=r"unknown topic 'terrorism'.*counter_terrorism"):
        lexicon.select(["drug_control", "terrorism"])


@pytest.mark.parametrize("content, problem", [
    ("drug_control:\n  label_en: Drugs\n  label_zh: 禁毒\n  terms_en: [drug]\n  term_zh: [毒品]\n",
     r"topic 'drug_control': unknown key 'term_zh'"),
    ("drug_control:\n  label_en: Drugs\n  label_zh: 禁毒\n  terms_en: [dr*ug]\n", r"topic 'drug_control'.*dr\*ug"),
    ("drug_control:\n  label_en: Drugs\n  terms_en: [drug]\n", r"topic 'drug_control': label_zh"),
    ("drug_control: [drug\n", "not valid YAML"),
    ("a:\n  label_en: A\n  label_zh: A\n  terms_en: [a]\na:\n  label_en: B\n  label_zh: B\n  terms_en: [b]\n",
     "duplicate key 'a'"),
])
def test_a_bad_lexicon_names_its_file_and_entry(tmp_path, content, problem):
    path = tmp_path / "topics.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(LexiconError, match=re.escape(str(path)) + ".*" + problem):
        load_lexicon(path)


def test_a_missing_lexicon_names_its_file(tmp_path):
    with pytest.raises(LexiconError, match="missing.yaml"):
        load_lexicon(tmp_path / "missing.yaml")
