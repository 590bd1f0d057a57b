"""Attendees (`analysis.attendees`): each rule on a small written example (the closing lists of
either language, titles standing alone, the other side and the principal left out, a copy cut
short, the two languages linked, the rows and their diagnostics)."""

from __future__ import annotations

from types import SimpleNamespace


from analysis.attendees import (attendee_rows, attendees_en, attendees_zh, foreign_title_en,
                                foreign_title_zh, merge_officials)
from analysis.diagnostics import Diagnostic
from analysis.gazetteer import load_gazetteer
from analysis.names import Counterpart, Official
from analysis.pair import Pair
from analysis.segment import Article

LEDE_ZH = "王小洪会见老挝公安部部长维莱。"
LEDE_EN = "Wang Xiaohong met with Lao Minister of Public Security Vilay Lakhamphong."


def article(lang: str, *paragraphs: str, file: str = "a.txt", line: int = 1) -> Article:
    return Article(file, lang, line, line + len(paragraphs), title_lines=[(line, "T")],
                   body=list(enumerate(paragraphs, line + 1)))


def zh(paragraph: str, roles, gazetteer, principal: str = "王小洪", lede: str = LEDE_ZH) -> list[tuple]:
    found = attendees_zh(article("zh", lede, paragraph), roles, Official(name_zh=principal), gazetteer)
    return [(o.name_zh, o.role_zh, o.line, o.langs) for o in found]


def en(paragraph: str, roles, principal: str = "Wang Xiaohong") -> list[tuple]:
    found = attendees_en(article("en", LEDE_EN, paragraph), roles, Official(name_en=principal))
    return [(o.name_en, o.role_en, o.line, o.langs) for o in found]


def test_a_chinese_list_of_those_taking_part(roles, gazetteer):
    assert zh("公安部副部长李伟、国际合作局局长廖进荣参加会见。", roles, gazetteer) == [
        ("李伟", "公安部副部长", 3, {"zh"}), ("廖进荣", "国际合作局局长", 3, {"zh"})]
    # In the original script, with `和` and `等` and `也`.
    assert zh("公安部副部長李偉和國際合作局局長廖進榮等也出席了會見。", roles, gazetteer) == [
        ("李偉", "公安部副部長", 3, {"zh"}), ("廖進榮", "國際合作局局長", 3, {"zh"})]


def test_a_title_standing_alone_is_the_first_half_of_the_next_items(roles, gazetteer):
    assert zh("公安部副部長、國家移民管理局局長許甘露參加會見。", roles, gazetteer) == [
        ("許甘露", "公安部副部長、國家移民管理局局長", 3, {"zh"})]


def test_the_other_side_the_principal_offices_and_repeats_are_left_out(roles, gazetteer):
    assert zh("公安部副部长李伟、老挝公安部常务副部长辛塔冯参加会见。", roles, gazetteer) == [("李伟", "公安部副部长", 3, {"zh"})]
    # China's side is listed first: after the other side's first official, an office without a
    # country is theirs too.
    assert zh("老挝公安部常务副部长辛塔冯、公安部副部长李伟参加会见。", roles, gazetteer) == []
    assert zh("公安部部长王小洪、公安部副部长李伟、公安部副部长李伟参加会见。", roles, gazetteer) == [("李伟", "公安部副部长", 3, {"zh"})]
    assert zh("公安部有关部门负责同志、公安部副部长李伟参加会见。", roles, gazetteer) == [("李伟", "公安部副部长", 3, {"zh"})]
    # A Chinese envoy's post names a foreign country and is China's side.
    assert zh("中国驻老挝大使姜再冬参加会见。", roles, gazetteer) == [("姜再冬", "中国驻老挝大使", 3, {"zh"})]
    # A name that is no name: a date, too long a run.
    assert zh("公安部副部长2023年参加会见。", roles, gazetteer) == []


def test_a_list_in_a_one_paragraph_copy_is_in_its_lede(roles, gazetteer):
    found = attendees_zh(article("zh", "王小洪会见维莱,公安部副部长李伟参加会见。"), roles, Official(name_zh="王小洪"), gazetteer)
    assert [(o.name_zh, o.line) for o in found] == [("李伟", 2)]


def test_the_unfinished_list_of_a_copy_cut_short_counts_without_its_last_item(roles, gazetteer):
    assert zh("公安部副部长李伟、国际合作局局长廖进荣、办公厅主任张三", roles, gazetteer) == [
        ("李伟", "公安部副部长", 3, {"zh"}), ("廖进荣", "国际合作局局长", 3, {"zh"})]
    assert zh("会见后,公安部副部长李伟、国际合作局局长廖进荣、办公厅主任张三", roles, gazetteer) == [
        ("李伟", "公安部副部长", 3, {"zh"}), ("廖进荣", "国际合作局局长", 3, {"zh"})]
    assert zh("公安部副部长李伟、国际合作局局长廖进荣", roles, gazetteer) == []  # too short to be a list
    assert zh("李伟、国际合作局局长廖进荣、办公厅主任张三", roles, gazetteer) == []  # no title first
    assert zh("公安部副部长李伟、国际合作局局长廖进荣、办公厅主任张三。", roles, gazetteer) == []  # finished: no cue
    # The lede alone is never a copy cut short.
    found = attendees_zh(article("zh", "公安部副部长李伟、国际合作局局长廖进荣、办公厅主任张三"), roles, None, gazetteer)
    assert found == []


def test_the_one_accompanying_is_read_without_the_preposition(roles, gazetteer):
    assert zh("在公安部副部长李伟陪同下,维莱参观了展览。", roles, gazetteer) == [("李伟", "公安部副部长", 3, {"zh"})]


def test_an_english_list_of_those_present(roles):
    expected = [("Li Wei", "Vice Minister of Public Security", 3, {"en"}), ("Liao Jinrong", "Director General", 3, {"en"})]
    for text in ["Also present were Vice Minister of Public Security Li Wei and Director General Liao Jinrong.",
                 "The meeting was attended by Vice Minister of Public Security Li Wei, and Director General Liao Jinrong.",
                 "Vice Minister of Public Security Li Wei and Director General Liao Jinrong attended the meeting.",
                 "Wang was accompanied by Vice Minister of Public Security Li Wei and Director General Liao Jinrong.",
                 "Vice Minister of Public Security Li Wei and Director General Liao Jinrong were also present.",
                 "His delegation, which included Vice Minister of Public Security Li Wei and Director General Liao Jinrong."]:
        assert en(text, roles) == expected, text


def test_the_principal_repeats_and_paragraphs_without_a_list_are_left_out(roles):
    assert en("The meeting was attended by Vice Minister Li Wei, Wang Xiaohong and Li Wei.", roles) == [
        ("Li Wei", "Vice Minister", 3, {"en"})]
    assert en("Li Wei spoke of the present situation.", roles) == []
    assert en("Li Wei spoke.", roles) == []


def test_whose_title_is_the_other_sides():
    gazetteer = load_gazetteer()
    assert [foreign_title_zh(t, gazetteer) for t in ("老挝公安部常务副部长", "中国驻老挝大使", "欧盟驻华大使", "公安部副部长")] == \
        [True, False, True, False]
    assert [foreign_title_en(t, gazetteer) for t in ("Chinese Ambassador to Serbia", "Serbian Ambassador to China",
                                                     "Ambassador of Serbia to China", "Vice Minister of Public Security",
                                                     "Lao Deputy Minister", "INTERPOL Director", "Envoy to the INTERPOL",
                                                     "Ambassador in Serbia")] == \
        [False, True, True, False, True, True, False, False]


def test_officials_are_linked_across_the_languages_by_pinyin():
    zh_side = [Official(name_zh="李偉", role_zh="副部長", line=3, langs={"zh"}),
               Official(name_zh="廖进荣", role_zh="局长", line=4, langs={"zh"})]
    en_side = [Official(name_en="Liao Jinrong", role_en="Director", line=7, langs={"en"}),
               Official(name_en="Li Wei", role_en="Vice Minister", line=8, langs={"en"}),
               Official(name_en="Liao Jinrung", role_en="Director", line=9, langs={"en"}),  # a spelling variant, but taken
               Official(name_en="Zhang Hua", role_en="Deputy", line=10, langs={"en"})]
    merged = merge_officials(zh_side, en_side)
    assert [(o.name_zh, o.name_en, o.role_zh, o.role_en, o.line, o.langs) for o in merged] == [
        ("李偉", "Li Wei", "副部長", "Vice Minister", 3, {"zh", "en"}),
        ("廖进荣", "Liao Jinrong", "局长", "Director", 4, {"zh", "en"}),
        ("", "Liao Jinrung", "", "Director", 9, {"en"}),
        ("", "Zhang Hua", "", "Deputy", 10, {"en"})]
    assert zh_side[0].langs == {"zh"} and not zh_side[0].name_en  # the inputs are left as they were
    variant = merge_officials([Official(name_zh="廖进荣", langs={"zh"})], [Official(name_en="Liao Jinrung", langs={"en"})])
    assert [(o.name_zh, o.name_en) for o in variant] == [("廖进荣", "Liao Jinrung")]


def test_attendee_rows_per_engagement_with_their_diagnostics(gazetteer):
    zh_version, en_version = article("zh", LEDE_ZH, file="b.txt", line=1), article("en", LEDE_EN, file="b.txt", line=10)
    zh_version.reading = SimpleNamespace(counterparts=[Counterpart(name="维莱", is_person=True)])
    en_version.reading = SimpleNamespace(counterparts=[Counterpart(name="Vilay Lakhamphong", is_person=True),
                                                       Counterpart(name="Laos", is_person=False)])
    pair = Pair("e", zh_version, en_version)
    zh_side = [Official(name_zh="許甘露", role_zh="副部長", line=3, langs={"zh"}),
               Official(name_zh="李卫东", role_zh="副部长", line=4, langs={"zh"}),
               Official(name_zh="维莱", role_zh="部长", line=4, langs={"zh"})]  # the counterpart, listed
    en_side = [Official(name_en="Xu Ganlu", role_en="Vice Minister", line=12, langs={"en"}),
               Official(name_en="Thongsy Vongsa", role_en="Lao Deputy Minister", line=12, langs={"en"}),  # the other side
               Official(name_en="Vilay", role_en="Minister", line=13, langs={"en"})]
    rows, diagnostics = attendee_rows(pair, zh_side, en_side, ["e1", "e2"], gazetteer)
    assert rows == [
        {"event_id": e, "name_en": "Xu Ganlu", "name_zh": "許甘露", "role_en": "Vice Minister", "role_zh": "副部長",
         "lang_seen": "both", "source_file": "b.txt", "line": 3} for e in ("e1", "e2")] + [
        {"event_id": e, "name_en": "Li Weidong", "name_zh": "李卫东", "role_en": "", "role_zh": "副部长",
         "lang_seen": "zh", "source_file": "b.txt", "line": 4} for e in ("e1", "e2")]
    assert diagnostics == [
        Diagnostic("b.txt", 4, "info", "attendee_one_language", "attendee 李卫东 appears only in the Chinese version"),
        Diagnostic("b.txt", 4, "info", "not_in_gazetteer", "person not in the gazetteer: Li Weidong 李卫东")]


def test_an_attendee_of_the_english_version_alone(gazetteer):
    pair = Pair("e", article("zh", LEDE_ZH, file="b.txt"), article("en", LEDE_EN, file="c.txt", line=10))
    rows, diagnostics = attendee_rows(pair, [], [Official(name_en="Zhang Hua", role_en="Deputy", line=12, langs={"en"})],
                                      ["e1"], gazetteer)
    assert [(r["name_en"], r["name_zh"], r["lang_seen"], r["source_file"], r["line"]) for r in rows] == \
        [("Zhang Hua", "", "en", "c.txt", 12)]
    assert diagnostics == [
        Diagnostic("c.txt", 12, "info", "attendee_one_language", "attendee Zhang Hua appears only in the English version"),
        Diagnostic("c.txt", 12, "info", "not_in_gazetteer", "person not in the gazetteer: Zhang Hua")]
    # A version alone says nothing of the other language.
    rows, diagnostics = attendee_rows(Pair("e", None, pair.en), [], [Official(name_en="Xu Ganlu", line=12, langs={"en"})],
                                      ["e1"], gazetteer)
    assert [r["lang_seen"] for r in rows] == ["en"] and diagnostics == []
