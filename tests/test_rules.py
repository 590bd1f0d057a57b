"""One small written example per rule of the gazetteer, the segmenter and the topics, each isolating
its rule: which name wins, what joins a word, which line starts an article, which match counts."""

from __future__ import annotations

import os

import pytest

from analysis.gazetteer import Gazetteer, Person, load_gazetteer

GAZETTEER_YAML = """
domestic: [HKG]
countries:
  PNG: {en: [Papua New Guinea], zh: [巴布亚新几内亚]}
  GIN: {en: [Guinea], zh: [几内亚]}
  PAK: {en: [Pakistani], zh: [巴基斯坦]}
  HKG: {en: [Hong Kong SAR], zh: [香港特區]}
organisations:
  SCO: {en: [Shanghai Cooperation Organisation, SCO], zh: [上海合作組織, 上合組織]}
  IOM: {en: [International Organization for Migration, IOM], zh: [國際移民組織]}
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
    ("EquatorialGuinea", []),  # a word before it
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


def test_countries_and_organisations_are_told_apart(gazetteer):
    text = "The Pakistani side and the SCO and the International Organization for Migration"
    countries, orgs = gazetteer.find_both(text, "en")
    assert [code for *_, code in countries] == ["PAK"] == [code for *_, code in gazetteer.find("country", text, "en")]
    assert [code for *_, code in orgs] == ["SCO", "IOM"] == [code for *_, code in gazetteer.find("org", text, "en")]
    countries, orgs = gazetteer.find_both("巴基斯坦與上海合作組織", "zh")
    assert (countries, orgs) == ([(0, 4, "PAK")], [(5, 11, "SCO")])


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
    assert gazetteer.display_name("IOM") == "IOM 國際移民組織"
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
