"""One small written example per rule of the gazetteer, the segmenter and the topics, each isolating
its rule: which name wins, what joins a word, which line starts an article, which match counts."""

from __future__ import annotations

import os
import re

import pytest

from analysis.gazetteer import Gazetteer, Person, load_gazetteer
from analysis.topics import LexiconError, load_lexicon, split_sentences, topic_evidence
from analysis.segment import Article, classify, is_stamp, is_wrapped, is_title_candidate, join_title, segment, strip_trailing_credit

GAZETTEER_YAML = """
domestic: [HKG]
countries:
  PNG: {en: [Papua New Guinea], zh: [巴布亚新几内亚]}
  GIN: {en: [Guinea], zh: [几内亚]}
  PAK: {en: [Pakistani], zh: [巴基斯坦]}
  HKG: {en: [Hong Kong SAR], zh: [香港特區]}
organisations:
  SCO: {en: [Shanghai Cooperation Organisation, SCO], zh: [上海合作組織, 上合組織]}
  IOM: {en: [International Organization for Migration, IOM], zh: [國際移民組織, 移民組織]}
people:
  - name_en: Zhao Kezhi
    name_zh: 趙克志
    side: china
    aliases: [Zhao]
    roles:
      - {en: Minister of Public Security, zh: 公安部部長, from: 2017-11-04, to: 2022-06-24}
  - name_en: Sheikh Rasheed Ahmad
    name_zh: 拉希德
    side: foreign
    country: PAK
"""


@pytest.fixture(scope="module")
def gazetteer(tmp_path_factory) -> Gazetteer:
    path = tmp_path_factory.mktemp("gazetteer") / "gazetteer.yaml"
    path.write_text(GAZETTEER_YAML, encoding="utf-8")
    return load_gazetteer(path)


def found(gazetteer: Gazetteer, kind: str, text: str, lang: str) -> list[tuple[str, str]]:
    return [(text[start:end], code) for start, end, code in gazetteer.find(kind, text, lang)]


# ---------------------------------------------------------------------------------------------
# Gazetteer
# ---------------------------------------------------------------------------------------------

def test_the_longest_name_wins_and_names_do_not_overlap(gazetteer):
    assert found(gazetteer, "country", "Papua New Guinea and Guinea met.", "en") == [
        ("Papua New Guinea", "PNG"), ("Guinea", "GIN")]
    assert found(gazetteer, "country", "巴布亚新几内亚和几内亚", "zh") == [("巴布亚新几内亚", "PNG"), ("几内亚", "GIN")]


@pytest.mark.parametrize("text, names", [
    ("Guinea's minister", [("Guinea's", "GIN")]),  # with its 's
    ("Guineas minister", []),  # a longer word
    ("Guinean minister", []),
    ("EquatorialGuinea", []), ("xGuinea", []),  # a word before it
    ("Guineans and Guinea", [("Guinea", "GIN")]),
    ("Guinea-style", []),  # a hyphen joins words
    ("Guinea-Bissau", [("Guinea-Bissau", "GNB")]),  # pycountry's name, the longer
    ("New-Guinea", []),
    ("Guinea2", []), ("Guinea_x", []), ("x_Guinea", []),
    ("(Guinea)", [("Guinea", "GIN")]),
    ("Guinea's-type", [("Guinea", "GIN")]),  # the 's joins a word: the name alone
    ("Guinea", [("Guinea", "GIN")]), ("Guinea's", [("Guinea's", "GIN")]),
])
def test_an_english_name_is_a_whole_word(gazetteer, text, names):
    assert found(gazetteer, "country", text, "en") == names


def test_a_gazetteer_finds_the_names_it_is_made_with():
    gazetteer = Gazetteer({"Laos": "LAO"}, {"老挝": "LAO"}, {"ASEAN": "ASEAN"}, {"东盟": "ASEAN"})
    assert gazetteer.find_both("Laos and ASEAN", "en") == (((0, 4, "LAO"),), ((9, 14, "ASEAN"),))
    assert gazetteer.find_both("老撾和東盟", "zh") == (((0, 2, "LAO"),), ((3, 5, "ASEAN"),))
    assert gazetteer.find("org", "老撾和東盟", "zh") == ((3, 5, "ASEAN"),)


def test_countries_and_organisations_are_told_apart(gazetteer):
    text = "The Pakistani side and the SCO and the International Organization for Migration"
    countries, orgs = gazetteer.find_both(text, "en")
    assert [code for *_, code in countries] == ["PAK"] == [code for *_, code in gazetteer.find("country", text, "en")]
    assert [code for *_, code in orgs] == ["SCO", "IOM"] == [code for *_, code in gazetteer.find("org", text, "en")]
    countries, orgs = gazetteer.find_both("巴基斯坦與上海合作組織", "zh")
    assert (countries, orgs) == (((0, 4, "PAK"),), ((5, 11, "SCO"),))


def test_chinese_names_match_in_either_script_at_the_texts_offsets(gazetteer):
    assert found(gazetteer, "country", "香港特区與巴布亞新幾內亞", "zh") == [("香港特区", "HKG"), ("巴布亞新幾內亞", "PNG")]
    assert found(gazetteer, "org", "上合组织", "zh") == [("上合组织", "SCO")]


@pytest.mark.parametrize("name", ["Zhao Kezhi", "zhao kezhi", "ZhaoKezhi", "Zhao-Kezhi", "Zhao·Kezhi", "趙克志", "赵克志",
                                  "Zhao"])
def test_a_person_is_found_by_any_name_written_any_way(gazetteer, name):
    person = gazetteer.person(name)
    assert person is not None and person.name_en == "Zhao Kezhi" and person.side == "china"
    assert person.roles[0]["en"] == "Minister of Public Security"


def test_a_person_reads_every_field_of_the_file(gazetteer):
    assert gazetteer.person("拉希德") == Person("Sheikh Rasheed Ahmad", "拉希德", "foreign", "PAK", "", (), ())
    assert gazetteer.person("Kezhi") is None and gazetteer.person("Li Wei") is None
    assert gazetteer.domestic == {"HKG"}


def test_display_names(gazetteer):
    assert gazetteer.display_name("PAK") == "Pakistan 巴基斯坦"
    assert gazetteer.display_name("SCO") == "SCO 上合組織"  # the shortest Chinese name, in Traditional
    assert gazetteer.display_name("IOM") == "IOM 移民組織"
    assert Gazetteer().display_name("PAK") == "Pakistan"  # no Chinese name known
    assert gazetteer.display_name("XYZ") == "XYZ"
    assert gazetteer.display_name("BOL").startswith("Bolivia ")  # pycountry's common name


def test_pycountry_gives_every_country_its_names(gazetteer):
    """Names (of four letters and more), common and official names in English; names in the
    Simplified and Traditional locales in Chinese."""
    for name, code in [("Chad", "TCD"), ("Kazakhstan", "KAZ"), ("Islamic Republic of Pakistan", "PAK"),
                       ("Bolivia", "BOL"), ("Bolivia, Plurinational State of", "BOL")]:
        assert found(gazetteer, "country", name, "en") == [(name, code)]
    for name, code in [("哈萨克斯坦", "KAZ"), ("哈薩克", "KAZ"), ("厄瓜多尔", "ECU")]:
        assert found(gazetteer, "country", name, "zh") == [(name, code)]


def test_a_changed_gazetteer_file_is_read_again(tmp_path):
    path = tmp_path / "gazetteer.yaml"
    path.write_text("people: [{name_en: Li Wei, name_zh: 李偉, side: foreign}]\n", encoding="utf-8")
    assert load_gazetteer(path).person("Li Wei") is not None
    path.write_text("people: [{name_en: Wu Lan, side: foreign}]\n", encoding="utf-8")
    os.utime(path, ns=(1, 1))
    changed = load_gazetteer(path)
    assert changed.person("Li Wei") is None and changed.person("Wu Lan").name_zh == ""
    path.write_text("", encoding="utf-8")
    os.utime(path, ns=(2, 2))
    empty = load_gazetteer(path)
    assert (empty.people, empty.orgs_en, empty.domestic) == ([], {}, frozenset())
    assert empty.countries_en["Kazakhstan"] == "KAZ"


# ---------------------------------------------------------------------------------------------
# Segment: where articles start, and what their titles, bodies, credits and furniture are
# ---------------------------------------------------------------------------------------------

def segmented(text: str):
    lines = text.split("\n")
    return segment("issue.txt", lines, [f"raw {line}" for line in lines])


def outline(text: str) -> list[tuple]:
    """(language, first line, last line, title, body lines, credits, metadata) of each article."""
    articles, _ = segmented(text)
    return [(a.lang, a.line_start, a.line_end, a.title, [n for n, _ in a.body], a.credits, a.metadata) for a in articles]


def test_a_title_of_up_to_three_lines_starts_an_article():
    text = "Urgent Phone Talks Between\n\nChina and Pakistan\nZhao Kezhi held phone talks with Rasheed.\nHe said so."
    assert outline(text) == [("en", 1, 5, "Urgent Phone Talks Between China and Pakistan", [4, 5], [], [])]
    articles, _ = segmented(text)
    assert articles[0].title_lines == [(1, "Urgent Phone Talks Between"), (3, "China and Pakistan")]
    assert articles[0].body_raw == ["raw Zhao Kezhi held phone talks with Rasheed.", "raw He said so."]


def test_a_change_of_language_a_credit_or_a_dated_lede_after_an_attendee_list_starts_an_article():
    text = "\n".join([
        "趙克志會見外賓", "趙克志表示,雙方將深化合作。",  # 1-2
        "Zhao Kezhi said the two sides will deepen cooperation.",  # 3: the language changes
        "(Translated by Agnes)",  # 4: a credit closes it
        "Xu Ganlu met the IOM chief.",  # 5: after a credit
        "許甘露表示,雙方合作不斷深化。", "公安部副部長許甘露參加會見。",  # 6-7: an attendee list closes it
        "7月28日,王小洪出席見面交流會。", "王小洪表示,歡迎各位使節。",  # 8-9: a dated lede after it
    ])
    assert outline(text) == [
        ("zh", 1, 2, "趙克志會見外賓", [2], [], []),
        ("en", 3, 4, "", [3], ["(Translated by Agnes)"], []),
        ("en", 5, 5, "", [5], [], []),
        ("zh", 6, 7, "", [6, 7], [], []),
        ("zh", 8, 9, "", [8, 9], [], []),
    ]


def test_a_dated_lede_without_an_attendee_list_before_it_continues_the_article():
    text = "趙克志會見外賓\n趙克志表示,雙方將深化合作。\n7月28日,王小洪出席見面交流會。"
    assert [a[:3] for a in outline(text)] == [("zh", 1, 3)]


def test_furniture_and_blank_lines_join_the_next_article_or_the_current_one():
    text = "\n".join([
        "Updated: 2021-07-18 09:12 Xinhua", "",  # 1-2: before the title: the article's first lines
        "China, Pakistan Vow Cooperation", "Zhao Kezhi held phone talks with Rasheed.",  # 3-4
        "", "Zhao Kezhi speaks during the phone talks. [Photo/Xinhua]",  # 5-6: after the body
        "Rasheed said Pakistan will act.",  # 7
    ])
    assert outline(text) == [("en", 1, 7, "China, Pakistan Vow Cooperation", [4, 7], [],
                               ["Updated: 2021-07-18 09:12 Xinhua", "Zhao Kezhi speaks during the phone talks. [Photo/Xinhua]"])]


def test_a_trailing_credit_or_end_mark_is_split_off_the_line():
    text = "\n".join(["Ministers Meet", "Vice Minister Xu Ganlu attended the talks in Beijing (Translated by Agnes).",
                      "會見外賓", "雙方表示將深化合作,公安部部長助理陳思源、國際合作局局長廖進榮參加會議。(圖/滿博)■"])
    articles, _ = segmented(text)
    assert [(a.text, a.credits) for a in articles] == [
        ("Vice Minister Xu Ganlu attended the talks in Beijing.", ["(Translated by Agnes)"]),
        ("雙方表示將深化合作,公安部部長助理陳思源、國際合作局局長廖進榮參加會議。", ["(圖/滿博)"]),
    ]
    assert strip_trailing_credit("(Photo by Li) The talks went on.") == ("(Photo by Li) The talks went on.", "")
    assert strip_trailing_credit("They met. (Photo/Xinhua).") == ("They met.", "(Photo/Xinhua)")
    assert strip_trailing_credit("They met ■") == ("They met", "■")


@pytest.mark.xfail(strict=True, reason="segment: a short closing line that ends in a credit, `…參加會議。(圖/滿博)`, "
                                       "is a title candidate (its last character is the bracket): a title without body")
@pytest.mark.parametrize("lines", [
    ["王小洪會見老撾公安部部長", "3月15日,王小洪在京會見老撾公安部部長維萊·拉坎豐。", "公安部部長助理陳思源參加會議。(圖/滿博)"],
    ["Ministers Meet", "Zhao Kezhi met Rasheed in Beijing.", "Vice Minister Xu Ganlu attended (Translated by Agnes)"],
])
def test_a_short_last_line_with_a_credit_is_body_text(lines):
    articles, diagnostics = segmented("\n".join(lines))
    assert [n for n, _ in articles[0].body] == [2, 3] and not diagnostics


def test_a_wire_dateline_goes_to_the_metadata():
    text = "\n".join(["China, Russia Hold Talks", "BEIJING, Dec. 1 (Xinhua) -- Wang Xiaohong held talks.",
                      "中俄舉行會談", "新华社北京12月1日电 王小洪举行会谈。"])
    articles, _ = segmented(text)
    assert [(a.body[0][1], a.metadata) for a in articles] == [
        ("Wang Xiaohong held talks.", ["BEIJING, Dec. 1 (Xinhua)"]), ("王小洪举行会谈。", ["新华社北京12月1日电"])]


def test_hard_wrapped_english_lines_are_one_paragraph():
    text = "\n".join(["Ministers Meet", "Both sides met.", "They talked.",
                      "Wang said the two sides would deepen, over the coming years,",
                      "their work with more exchanges.", "Both sides agreed."])
    articles, _ = segmented(text)
    assert articles[0].body[1:] == [(3, "They talked."), (4, "Wang said the two sides would deepen, over the coming years, "
                                                             "their work with more exchanges."), (6, "Both sides agreed.")]
    assert articles[0].line_end == 6 and len(articles[0].body_raw) == 5


@pytest.mark.parametrize("line, wrapped", [
    ("a" * 40, True), ("a" * 39, False), ("a" * 90, True), ("a" * 91, False), ("a" * 40 + "   ", True),
    ("  " + "a" * 38, True), ("a" * 45 + "X", True), ("a" * 45 + ".", False), ("a" * 45 + "”", False),
])
def test_a_wrapped_line_is_of_40_to_90_characters_and_ends_mid_sentence(line, wrapped):
    assert is_wrapped(line, "en") is wrapped and not is_wrapped(line, "zh")


def test_lines_in_no_article_are_diagnosed():
    furniture = "§¶ " + "※" * 100
    _, diagnostics = segmented("\n".join(["", furniture]))
    assert [(d.line, d.severity, d.code, d.message) for d in diagnostics] == [
        (1, "info", "no_article", "blank line"),
        (2, "warning", "no_article", "line belongs to no article: " + furniture[:80])]


def test_a_title_has_three_lines_at_most_and_its_body_may_follow_blank_and_furniture_lines():
    text = "\n".join(["A One", "B Two", "C Three", "D Four", "", "Updated: 2021-07-18 09:12", "Body text here.",
                      "Updated: 2021-07-19 10:00"])
    assert outline(text) == [("en", 1, 3, "A One B Two C Three", [], [], []),
                             ("en", 4, 8, "D Four", [7], [], ["Updated: 2021-07-18 09:12", "Updated: 2021-07-19 10:00"])]


@pytest.mark.xfail(strict=True, reason="segment: the first line of a hard-wrapped paragraph is a title candidate (short, "
                                       "no final stop): after a title it joins the title, after a paragraph it starts "
                                       "a new article")
@pytest.mark.parametrize("lines", [
    ["China, Russia Hold Talks", "Wang Xiaohong held talks on Tuesday in Beijing with the",
     "Russian Minister of Internal Affairs Vladimir Kolokoltsev.", "Both sides agreed."],
    ["China, Russia Hold Talks", "Both sides agreed.", "Wang said the two sides would deepen their work in the",
     "coming years, he said."],
])
def test_the_first_line_of_a_hard_wrapped_paragraph_is_no_title(lines):
    articles, _ = segmented("\n".join(lines))
    assert [(a.title, len(a.body)) for a in articles] == [("China, Russia Hold Talks", 2)]


@pytest.mark.parametrize("text, lang, expected", [
    ("Urgent Phone Talks Between", "en", True), ("He said so.", "en", False), ("talks went on", "en", False),
    (" ".join(["Word"] * 24), "en", True), (" ".join(["Word"] * 25), "en", False),
    ("“Ambassadors Visit the Ministry”", "en", True), ("Visit of the Minister:", "en", False),
    ("“Talks went well.”", "en", False), ("會談成功。」", "zh", False),
    ("趙克志會見外賓", "zh", True), ("趙克志會見外賓。", "zh", False), ("字" * 40, "zh", True), ("字" * 41, "zh", False),
    ("", "en", False), ("  ", "zh", False),
    ("An overview of the reception. |", "en", False),  # a caption with the page's separator after it
])
def test_a_title_is_short_and_ends_without_punctuation(text, lang, expected):
    assert is_title_candidate(text, lang) is expected


@pytest.mark.parametrize("lines, joined", [
    (["Urgent Phone Talks Between ", " China and Pakistan"], "Urgent Phone Talks Between China and Pakistan"),
    (["《反恐法》", "實施五周年"], "《反恐法》 — 實施五周年"),
    (["王小洪會見", "老撾公安部部長"], "王小洪會見 — 老撾公安部部長"),
    (["趙克志同巴基斯坦內政部部長", "伊賈茲·沙阿通電話"], "趙克志同巴基斯坦內政部部長伊賈茲·沙阿通電話"),
    ([" 會見外賓 "], "會見外賓"), ([], ""),
])
def test_a_chinese_sub_headline_is_joined_with_a_dash_after_a_complete_headline(lines, joined):
    lang = "en" if lines and lines[0].isascii() else "zh"
    assert join_title(lines, lang) == joined


@pytest.mark.parametrize("text, kind", [
    ("", "blank"), ("   ", "blank"), ("(責任編輯:張敏嬌)", "credit"), ("(Translated by Agnes)", "credit"), ("■", "credit"),
    ("Updated: 2021-07-18 09:12 Xinhua", "furniture"), ("來源：公安部", "furniture"), ("Source: MPS", "furniture"),
    ("Zhao speaks. [Photo/Xinhua]", "furniture"), ("Photo: the talks", "furniture"), ("2021-07-17 10:44", "furniture"),
    ("§ 0123 ※", "furniture"), ("趙克志會見外賓", "zh"), ("Ministers Meet", "en"), ("(Zhao said so)", "en"),
])
def test_each_line_has_a_kind(text, kind):
    assert classify(text) == kind


@pytest.mark.parametrize("text, expected", [
    ("(Xinhua) 10:44, May 27, 2021", True), ("17.05.2018 12:12", True), ("2021年7月17日 10:44 来源", True),
    ("Xinhua, 2021-07-17 Adjust font size: A", True),
    ("On May 27, 2021, Zhao Kezhi met Mohsin Naqvi.", False),  # a sentence
    ("2021-07-17 " + "x" * 70, False),  # too long
    ("The meeting was held, as reported, 2021-07-17", False),  # no digit near the start
    ("2021-07-17 one two three four five six seven", False),  # more than a few words
    ("2021-07-17 五月二十七日國務委員公安部部長趙克志會見外賓", False),  # a Chinese sentence
    ("10:44 May 27", False),  # no year
])
def test_a_stamp_is_a_dated_line_and_little_else(text, expected):
    assert is_stamp(text) is expected


# ---------------------------------------------------------------------------------------------
# Topics: how a term matches, what cancels it, what context it needs, where its sentence is
# ---------------------------------------------------------------------------------------------

LEXICON_YAML = """
drugs:
  label_en: Drugs
  label_zh: 禁毒
  terms_en: [drug*, precursor chemical, fight ... smuggling]
  terms_zh: [禁毒, 打擊...走私]
  exclude_en: [drug administration]
  exclude_zh: [禁毒委員會]
workers:
  label_en: Workers
  label_zh: 人員
  context_terms_en: [Chinese personnel]
  context_en: [Pakistan*]
  context_terms_zh: [中方人員]
  context_zh: [巴基斯坦]
health:
  label_en: Health
  label_zh: 疫情
  terms_en: [epidemic]
  terms_zh: [疫情]
"""


@pytest.fixture(scope="module")
def lexicon(tmp_path_factory):
    path = tmp_path_factory.mktemp("lexicon") / "topics.yaml"
    path.write_text(LEXICON_YAML, encoding="utf-8")
    return load_lexicon(path)


def evidence(lexicon, lang: str, *paragraphs: str, title: str = "Talks") -> dict[str, tuple[str, int]]:
    article = Article("issue.txt", lang, 10, 10 + len(paragraphs), title_lines=[(10, title)],
                      body=[(11 + i, text) for i, text in enumerate(paragraphs)])
    return topic_evidence(article, lexicon)


@pytest.mark.parametrize("text, found", [
    ("They fight drugs.", True), ("They fight drug-trafficking.", True), ("Anti-drug work.", True),
    ("They fight DRUGS.", True),  # any case
    ("They visited a drugstore.", True),  # `drug*`: any ending
    ("They visited a superdrug shop.", False),  # a word starts where the term starts
    ("A precursor chemical list.", True), ("A precursor-chemical list.", True), ("A precursor  - chemical list.", True),
    ("A precursor chemicals list.", False),  # no `*`: the whole word only
    ("A precursorchemical list.", False),
    ("They fight the smuggling of arms.", True),  # `...` skips a few words
    ("They fight, as " + "they have long done in many places and ways, the " * 2 + "smuggling.", False),  # past 60
    ("They fight. The smuggling goes on.", False),  # not across sentences
    ("The drug administration met.", False),  # an exclusion cancels the match inside it
    ("The drug administration met on drugs.", True),  # but no other match
])
def test_english_terms(lexicon, text, found):
    assert ("drugs" in evidence(lexicon, "en", text)) is found


@pytest.mark.parametrize("text, found", [
    ("加強禁毒合作。", True), ("加强禁毒合作。", True),  # either script
    ("禁毒委員會開會。", False), ("禁毒委员会开会，加强禁毒合作。", True),
    ("打擊毒品走私。", True), ("打擊各類跨國有組織犯罪和走私。", True),  # `...` skips ten characters at most
    ("打擊各類跨國有組織犯罪活動和走私。", False), ("打擊毒品。走私。", False),
])
def test_chinese_terms(lexicon, text, found):
    assert ("drugs" in evidence(lexicon, "zh", text)) is found


def test_context_terms_count_in_an_article_that_holds_the_context(lexicon):
    assert evidence(lexicon, "en", "Chinese personnel were safe.") == {}
    assert evidence(lexicon, "en", "Chinese personnel were safe.", "Pakistani police said so.") == {
        "workers": ("Chinese personnel were safe.", 11)}
    assert evidence(lexicon, "en", "Chinese personnel were safe.", title="Talks With Pakistan")["workers"][1] == 11
    assert evidence(lexicon, "zh", "保障中方人員安全。", "巴基斯坦方面表示。") == {"workers": ("保障中方人員安全。", 11)}
    assert evidence(lexicon, "zh", "保障中方人員安全。") == {}


def test_the_evidence_is_the_first_sentence_stating_the_topic_with_its_line(lexicon):
    assert evidence(lexicon, "en", "They met. Both fight drugs. Drugs again.", "More drugs.") == {
        "drugs": ("Both fight drugs.", 11)}
    assert evidence(lexicon, "en", "They met.", "Both fight drugs.") == {"drugs": ("Both fight drugs.", 12)}
    assert evidence(lexicon, "en", "They met.", title="Talks on Drugs") == {"drugs": ("Talks on Drugs", 10)}
    assert evidence(lexicon, "zh", "雙方會見。", "雙方表示，將加強禁毒合作；深化執法合作。", title="會見") == {
        "drugs": ("雙方表示，將加強禁毒合作；", 12)}


def test_a_two_character_chinese_term_does_not_straddle_words(lexicon):
    assert "health" in evidence(lexicon, "zh", "雙方抗擊疫情。", title="會見")
    assert "health" not in evidence(lexicon, "zh", "防疫情况良好。", title="會見")  # 防疫|情况


@pytest.mark.parametrize("text, sentences", [
    ("Mr. Li met Dr. Wang. They talked.", ["Mr. Li met Dr. Wang.", "They talked."]),
    ("J. Smith came. He said “Yes.” Then 3 left.", ["J. Smith came.", "He said “Yes.”", "Then 3 left."]),
    ("It rose 3.5 percent. no split here.", ["It rose 3.5 percent. no split here."]),
    ("Talks went well! Really? Yes (they did).", ["Talks went well!", "Really?", "Yes (they did)."]),
    ("first; second", ["first;", "second"]),
])
def test_english_sentences(text, sentences):
    assert split_sentences(text, "en") == sentences


def test_chinese_sentences_end_with_their_closing_quotes():
    assert split_sentences("他說：“好。”雙方同意！是嗎？", "zh") == ["他說：“好。”", "雙方同意！", "是嗎？"]


def test_a_lexicon_selects_topics_by_a_list_or_a_comma_separated_string(lexicon):
    assert lexicon.select(" workers , drugs ").names == ["drugs", "workers"]  # the lexicon's order
    assert lexicon.select(["workers"]).names == ["workers"]
    with pytest.raises(ValueError, match="no topic selected; known topics: drugs, workers, health"):
        lexicon.select(" , ")


@pytest.mark.parametrize("content, problem", [
    ("Drugs:\n  label_en: D\n  label_zh: D\n  terms_en: [drug]\n", "lower-case letters"),
    ("drugs: [drug]\n", "expected a mapping with label_en"),
    ("drugs:\n  label_en: D\n  label_zh: D\n", "no terms"),
    ("drugs:\n  label_en: ' '\n  label_zh: D\n  terms_en: [drug]\n", "label_en is missing or empty"),
    ("drugs:\n  label_en: D\n  label_zh: D\n  terms_en: drug\n", "terms_en must be a list of non-empty strings"),
    ("drugs:\n  label_en: D\n  label_zh: D\n  terms_en: [' ']\n", "terms_en must be a list"),
    ("drugs:\n  label_en: D\n  label_zh: D\n  terms_en: [drug]\n  context_en: [Pakistan]\n",
     "context_terms_en and context_en go together"),
    ("drugs:\n  label_en: D\n  label_zh: D\n  context_terms_zh: [毒品]\n", "context_terms_zh and context_zh go together"),
    ("- drugs\n", "expected a mapping of topic names"), ("", "expected a mapping of topic names"),
])
def test_a_bad_lexicon_entry_is_named(tmp_path, content, problem):
    path = tmp_path / "topics.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(LexiconError, match=re.escape(problem)):
        load_lexicon(path)


def test_a_lexicon_that_is_not_utf8_is_named(tmp_path):
    path = tmp_path / "topics.yaml"
    path.write_bytes("drugs:\n  label_en: 禁毒\n".encode("gb18030"))
    with pytest.raises(LexiconError, match="not UTF-8"):
        load_lexicon(path)


def test_a_wrapped_line_is_joined_even_when_it_looks_like_a_title():
    text = "\n".join(["Ministers Meet", "Both sides met.", "Wang said the two sides would deepen, over the coming years,",
                      "Their Work and Exchanges in Many Fields of", "security and law enforcement."])
    articles, _ = segmented(text)
    assert len(articles) == 1 and [n for n, _ in articles[0].body] == [2, 3]


def test_orphan_credits_and_titles_without_body_are_diagnosed_and_reading_goes_on():
    credit = "(責任編輯:" + "張" * 90 + ")"
    text = "\n".join([credit, "Ministers Meet", "Both sides met.", "(Translated by Agnes)", "Some Title", "", "Of Two Lines",
                      "", "會見外賓", "雙方會見。"])
    articles, diagnostics = segmented(text)
    assert [(d.line, d.severity, d.code, d.message) for d in diagnostics] == [
        (1, "warning", "orphan_credit", "credit line before any article: " + credit[:80]),
        (5, "warning", "title_without_body", "title with no article text after it: Some Title"),
        (6, "info", "no_article", "blank line"),
        (7, "warning", "title_without_body", "title with no article text after it: Of Two Lines"),
    ]
    assert [(a.lang, a.line_start, a.line_end) for a in articles] == [("en", 2, 4), ("zh", 8, 10)]


def test_the_languages_given_for_the_lines_are_used():
    lines = ["Talks", "Both sides met."]
    articles, _ = segment("issue.txt", lines, lines, langs=["zh", "zh"])
    assert [(a.lang, a.title) for a in articles] == [("zh", "Talks")]


def test_a_lexicon_file_is_read_into_labels_and_compiled_terms(tmp_path):
    """In one test: the lexicon fixture is read once, by whichever test runs first."""
    path = tmp_path / "topics.yaml"
    path.write_text(LEXICON_YAML.replace("label_en: Drugs", "label_en: ' Drugs '"), encoding="utf-8")
    lexicon = load_lexicon(path)
    assert [(t.name, t.label_en, t.label_zh) for t in lexicon.topics] == [
        ("drugs", "Drugs", "禁毒"), ("workers", "Workers", "人員"), ("health", "Health", "疫情")]
    assert "drugs" in evidence(lexicon, "en", "A precursor chemical list.")
    assert "drugs" not in evidence(lexicon, "en", "A precursor chemicals list.")
    assert "drugs" in evidence(lexicon, "zh", "加强禁毒合作。")
    assert [t.source for t in lexicon.topics[0].terms["en"]] == ["drug*", "precursor chemical", "fight ... smuggling"]
    with pytest.raises(ValueError, match="unknown topic 'x'; known topics: drugs, workers, health"):
        lexicon.select("x")
