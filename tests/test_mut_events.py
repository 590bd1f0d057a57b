"""Events (`analysis.events`): the rules that merge two readings into events, each on a small
written example (types and CAMEO codes, counterparts listed once, places filled in, the two
languages' counterparts paired, the merged rows and their diagnostics)."""

from __future__ import annotations

import pytest

from analysis.diagnostics import Diagnostic
from analysis.events import (Reading, cameo_code, classify_type, fill_places, merge_readings, pair_counterparts)
from analysis.names import Counterpart, Official
from analysis.pair import Pair
from analysis.segment import Article


@pytest.mark.parametrize("text, lang, expected", [
    ("王小洪与维莱举行视频会晤", "zh", "video_conference"),
    ("王小洪与维莱举行视讯会议", "zh", "video_conference"),
    ("赵克志同巴基斯坦内政部长通电话", "zh", "phone_call"),
    ("王小洪与维莱通话", "zh", "phone_call"),
    ("王小洪会见维莱", "zh", "meeting"),
    ("王小洪拜会维莱", "zh", "meeting"),
    ("王小洪出席开幕式", "zh", "event"),
    ("held a video conference with", "en", "video_conference"),
    ("held a virtual meeting", "en", "video_conference"),
    ("met virtually with", "en", "video_conference"),
    ("held phone talks with", "en", "phone_call"),
    ("had a telephonic conversation", "en", "phone_call"),
    ("called Minister Li", "en", "phone_call"),
    ("met with", "en", "meeting"),
    ("Wang meets with", "en", "meeting"),
    ("co-chaired the dialogue", "en", "meeting"),
    ("received the delegation", "en", "meeting"),
    ("visited Laos", "en", "meeting"),
    ("visited the Ministry", "en", "event"),
    ("attended the opening", "en", "event"),
    ("the videos and the phones", "en", "event"),  # whole words only
    ("Wang MET with", "en", "meeting"),  # any case
])
def test_the_type_of_an_engagement_is_the_first_cue_in_priority(text, lang, expected):
    assert classify_type(text, lang) == expected


@pytest.mark.parametrize("text, lang", [
    ("王小洪会见维莱,双方表示将共同打击电话诈骗", "zh"), ("王小洪会见维莱并观看了禁毒宣传视频", "zh"),
    ("Wang met Vilay; they vowed to fight telephone fraud and phone scams", "en"),
    ("Wang met Vilay and watched a video on drug control", "en"),
])
def test_a_fraud_or_a_film_is_no_way_of_meeting(text, lang):
    assert classify_type(text, lang) == "meeting"


def test_a_video_call_is_a_video_conference_before_a_phone_call():
    assert classify_type("王小洪与维莱视频通话", "zh") == "video_conference"
    assert classify_type("held a phone call via video link and met", "en") == "video_conference"
    assert classify_type("held phone talks after they met", "en") == "phone_call"


@pytest.mark.parametrize("event_type, text, code", [
    ("phone_call", "to China in Beijing", "041"),
    ("meeting", "met in Beijing", "043"),
    ("event", "visited the Ministry of Public Security", "043"),
    ("meeting", "王小洪在京会见", "043"),
    ("meeting", "during his visit to Laos", "042"),
    ("meeting", "王小洪赴老挝", "042"),
    ("event", "during his visit to Laos", "040"),  # an event abroad is no visit made
    ("meeting", "met in Vientiane", "040"),
    ("video_conference", "in Beijing", "040"),
])
def test_the_cameo_code_of_an_engagement(event_type, text, code):
    assert cameo_code(event_type, text) == code


def test_a_counterpart_already_listed_is_not_added_again_but_completes_the_first():
    reading = Reading("en")
    reading.add(Counterpart("Al-Raisi", "", True, "", "INTERPOL", line=0))
    reading.add(Counterpart("Ahmed Nasser Al-Raisi", "President", True, "ARE", "", line=7))
    reading.add(Counterpart("Al-Raisi", "Chief", True, "", "", line=9))
    assert [(c.name, c.role, c.country, c.org, c.line) for c in reading.counterparts] == [
        ("Ahmed Nasser Al-Raisi", "President", "ARE", "INTERPOL", 7)]
    # A longer name keeps the known role when it gives none.
    reading.add(Counterpart("Ahmed Nasser Al-Raisi Jr", "", True, "", "", line=11))
    assert [(c.name, c.role, c.line) for c in reading.counterparts] == [("Ahmed Nasser Al-Raisi Jr", "President", 7)]


def test_a_body_is_listed_once_by_its_organisation_or_its_name():
    reading = Reading("en")
    reading.add(Counterpart("the SCO", "", False, "", "SCO"))
    reading.add(Counterpart("the Shanghai Cooperation Organisation", "", False, "", "SCO"))
    reading.add(Counterpart("the Ministry", "", False, "LAO", ""))
    reading.add(Counterpart("the Ministry", "", False, "KHM", ""))
    reading.add(Counterpart("the Council", "", False, "", ""))
    reading.add(Counterpart("the Police", "", False, "", ""))
    reading.add(Counterpart("Vilay", "", True, "LAO", ""))
    reading.add(Counterpart("Vilay", "", False, "LAO", ""))  # a body named as a person was is still added
    assert [(c.name, c.is_person) for c in reading.counterparts] == [
        ("the SCO", False), ("the Ministry", False), ("the Council", False), ("the Police", False),
        ("Vilay", True), ("Vilay", False)]


def test_a_counterpart_without_a_place_takes_the_one_foreign_country_named(gazetteer):
    reading = Reading("en", counterparts=[Counterpart("Ijaz Shah", "interior minister", True),
                                          Counterpart("Li Wei", "", True, "", "INTERPOL"),
                                          Counterpart("the police", "", False)])
    fill_places(reading, "Phone talks between China and Pakistan", gazetteer)
    assert [(c.name, c.country, c.org) for c in reading.counterparts] == [
        ("Ijaz Shah", "PAK", ""), ("Li Wei", "", "INTERPOL"), ("the police", "", "")]
    # Two foreign countries: none is given.
    reading = Reading("en", counterparts=[Counterpart("Ijaz Shah", "", True)])
    fill_places(reading, "Talks with Pakistan and Laos", gazetteer)
    assert reading.counterparts[0].country == ""


def test_a_group_of_visitors_named_one_by_one_is_dropped(gazetteer):
    group = Counterpart("guests from Laos, Nicaragua and Armenia", "", False)
    reading = Reading("en", counterparts=[group, Counterpart("Vilay", "", True, "LAO")])
    fill_places(reading, "", gazetteer)
    # the countries it names that no one named stands for are engagements of their own
    assert [(c.name, c.country) for c in reading.counterparts] == [("Vilay", "LAO"), ("Nicaragua", "NIC"), ("Armenia", "ARM")]
    # people named without a country take the group's, in order
    reading = Reading("en", counterparts=[group, Counterpart("Vilay", "", True, "LAO"), Counterpart("Diaz", "", True)])
    fill_places(reading, "", gazetteer)
    assert [(c.name, c.country) for c in reading.counterparts] == [("Vilay", "LAO"), ("Diaz", "NIC"), ("Armenia", "ARM")]
    # Without a person, a group of several countries is one engagement per country; a group of
    # one country stays, and a body that is no group stays too.
    reading = Reading("en", counterparts=[group])
    fill_places(reading, "", gazetteer)
    assert [(c.name, c.country) for c in reading.counterparts] == [("Laos", "LAO"), ("Nicaragua", "NIC"), ("Armenia", "ARM")]
    lao_guests = Counterpart("guests from Laos", "", False, "LAO")
    reading = Reading("en", counterparts=[lao_guests])
    fill_places(reading, "", gazetteer)
    assert reading.counterparts == [lao_guests]
    body = Counterpart("the Lao Ministry", "", False, "LAO")
    reading = Reading("zh", counterparts=[Counterpart("各方代表团团长", "", False), body, Counterpart("维莱", "", True)])
    fill_places(reading, "", gazetteer)
    assert [c.name for c in reading.counterparts] == ["the Lao Ministry", "维莱"]


def people(*places: str) -> list[Counterpart]:
    return [Counterpart(f"p{i}", "", True, *((place, "") if len(place) == 3 else ("", place)))
            for i, place in enumerate(places)]


def names(pairs) -> list[tuple]:
    return [(z.name if z else None, e.name if e else None) for z, e in pairs]


def test_the_two_languages_counterparts_are_paired_by_place_then_in_order():
    zh, en = people("LAO", "PAK"), people("PAK", "LAO")
    assert [(z.country, e.country) for z, e in pair_counterparts(zh, en)] == [("LAO", "LAO"), ("PAK", "PAK")]
    # Without places, in order; what is left over is paired with nothing.
    assert names(pair_counterparts(people("", ""), people("", "", ""))) == [("p0", "p0"), ("p1", "p1"), (None, "p2")]
    assert names(pair_counterparts(people("", ""), people(""))) == [("p0", "p0"), ("p1", None)]
    # A counterpart with a place is not paired in order with one that has another place.
    assert names(pair_counterparts(people("LAO", ""), people("PAK", ""))) == [("p0", None), ("p1", "p0"), (None, "p1")]
    # One without a place takes the next one, whatever its place; one with a place may take one without.
    assert names(pair_counterparts(people("", "LAO"), people("PAK", "LAO"))) == [("p0", "p0"), ("p1", "p1")]
    assert names(pair_counterparts(people("LAO"), people("", "PAK"))) == [("p0", "p0"), (None, "p1")]
    # One counterpart on each side: they are one, whatever their places.
    assert names(pair_counterparts(people("LAO"), people("PAK"))) == [("p0", "p0")]
    assert names(pair_counterparts(people("SCO"), people("SCO"))) == [("p0", "p0")]
    assert pair_counterparts([], []) == [] and names(pair_counterparts([], people("LAO"))) == [(None, "p0")]


def test_a_place_match_is_not_taken_by_a_counterpart_without_a_place():
    assert names(pair_counterparts(people("", "LAO"), people("LAO", "PAK"))) == [("p0", "p1"), ("p1", "p0")]


def test_of_several_counterparts_of_one_place_those_of_the_same_portfolio_are_paired():
    zh = [Counterpart("约翰逊", "美国国土安全部部长", True, "USA"), Counterpart("林奇", "美国司法部部长", True, "USA")]
    en = [Counterpart("Loretta Lynch", "Attorney General", True, "USA"),
          Counterpart("Jeh Johnson", "Secretary of Homeland Security", True, "USA")]
    assert names(pair_counterparts(zh, en)) == [("约翰逊", "Jeh Johnson"), ("林奇", "Loretta Lynch")]
    # one English counterpart of the place: the Chinese one of its portfolio takes it
    assert names(pair_counterparts(zh, en[:1])) == [("约翰逊", None), ("林奇", "Loretta Lynch")]


# ---------------------------------------------------------------------------------------------
# merge_readings: one row per counterpart, and the disagreements said
# ---------------------------------------------------------------------------------------------

def versions(zh_file: str = "a.txt", en_file: str = "a.txt") -> Pair:
    zh = Article(zh_file, "zh", 1, 3, title_lines=[(1, "王小洪会见维莱")], body=[(2, "王小洪在京会见维莱。"), (3, "双方表示。")])
    en = Article(en_file, "en", 5, 7, title_lines=[(5, "Wang Meets Vilay")], body=[(6, "Wang Xiaohong met Vilay in Beijing.")])
    return Pair("2023-09-05-abcdef", zh, en, "2023-09-05", True, "stamp")


def principal(lang: str, name: str = "", role: str = "") -> Official:
    return Official(name_en=name, role_en=role) if lang == "en" else Official(name_zh=name, role_zh=role)


def test_readings_merged_into_one_row_per_counterpart(gazetteer):
    zh = Reading("zh", "meeting", principal("zh", "王小洪"), [Counterpart("维莱", "部长", True, "LAO", "", line=2)])
    en = Reading("en", "meeting", principal("en", "Wang Xiaohong", "Minister"),
                 [Counterpart("Vilay", "Minister", True, "LAO", "", line=6)])
    rows, diagnostics = merge_readings(versions(), zh, en, gazetteer)
    assert rows == [({
        "event_id": "2023-09-05-abcdef", "date": "2023-09-05", "year_inferred": True, "year_source": "stamp",
        "event_type": "meeting", "cameo_code": "043", "principal_en": "Wang Xiaohong", "principal_zh": "王小洪",
        "principal_role_en": "Minister", "counterpart_en": "Vilay", "counterpart_zh": "维莱",
        "counterpart_role_en": "Minister", "counterpart_country": "LAO", "counterpart_org": "",
        "source_file": "a.txt", "zh_article_id": "a:1", "en_article_id": "a:5", "title_en": "Wang Meets Vilay",
        "title_zh": "王小洪会见维莱", "zh_lines": "1-3", "en_lines": "5-7"}, {"zh": 2, "en": 6})]
    assert diagnostics == [Diagnostic("a.txt", 1, "info", "not_in_gazetteer", "counterpart not in the gazetteer: 维莱"),
                           Diagnostic("a.txt", 1, "info", "not_in_gazetteer", "counterpart not in the gazetteer: Vilay")]


def test_a_principal_of_one_version_and_the_gazetteer_complete_the_row(gazetteer):
    pair = versions("b/x.txt", "a/y.txt")
    zh = Reading("zh", "phone_call", principal("zh", "王小洪"), [Counterpart("维莱", "", True, "LAO")])
    rows, _ = merge_readings(pair, zh, Reading("en", "meeting"), gazetteer)
    row, lines = rows[0]
    assert (row["principal_en"], row["principal_zh"], row["principal_role_en"]) == \
        ("Wang Xiaohong", "王小洪", "Minister of Public Security")  # the role the gazetteer says he held that day
    assert (row["event_type"], row["cameo_code"], row["source_file"]) == ("phone_call", "041", "a/y.txt; b/x.txt")
    assert (row["counterpart_en"], row["counterpart_role_en"], lines) == ("", "", {"zh": 0, "en": 0})


def test_a_principal_unknown_to_the_gazetteer(gazetteer):
    en = Reading("en", "meeting", principal("en", "Zhang Hua", "Deputy"), [Counterpart("Vilay", "", True, "LAO")])
    rows, diagnostics = merge_readings(Pair("e", None, versions().en, "2023-09-05"), None, en, gazetteer)
    row = rows[0][0]
    assert (row["principal_en"], row["principal_zh"], row["principal_role_en"]) == ("Zhang Hua", "", "Deputy")
    assert (row["zh_article_id"], row["zh_lines"], row["title_zh"], row["en_lines"]) == ("", "", "", "5-7")
    assert Diagnostic("a.txt", 5, "info", "not_in_gazetteer", "principal not in the gazetteer: Zhang Hua") in diagnostics
    zh = Reading("zh", "meeting", principal("zh", "张华"), [Counterpart("维莱", "", True, "LAO")])
    rows, diagnostics = merge_readings(Pair("e", versions().zh, None, "2023-09-05"), zh, None, gazetteer)
    assert (rows[0][0]["principal_en"], rows[0][0]["principal_zh"], rows[0][0]["en_article_id"]) == ("Zhang Hua", "张华", "")
    assert Diagnostic("a.txt", 1, "info", "not_in_gazetteer", "principal not in the gazetteer: Zhang Hua 张华") in diagnostics


def test_without_a_principal_there_is_no_event(gazetteer):
    rows, diagnostics = merge_readings(versions(), Reading("zh"), Reading("en"), gazetteer)
    assert rows == [] and diagnostics == [Diagnostic("a.txt", 1, "warning", "no_principal",
                                                     "no Chinese principal found in the lede: not an engagement we can code")]


def test_the_versions_disagreements_are_said(gazetteer):
    zh = Reading("zh", "meeting", principal("zh", "王小洪"), [Counterpart("维莱", "", True, "LAO", "SCO")])
    en = Reading("en", "phone_call", principal("en", "Zhao Kezhi"), [Counterpart("Vilay", "", True, "KHM", "ASEAN")])
    rows, diagnostics = merge_readings(versions(), zh, en, gazetteer)
    codes = [(d.code, d.severity, d.message) for d in diagnostics]
    assert codes[:2] == [
        ("type_mismatch", "info", "the versions suggest different event types: ['meeting', 'phone_call']; kept phone_call"),
        ("principal_mismatch", "warning", "principal differs between versions: 王小洪 / Zhao Kezhi")]
    assert ("country_mismatch", "warning", "Chinese version names LAO, English version KHM") in codes
    assert ("org_mismatch", "warning", "Chinese version names SCO, English version ASEAN") in codes
    row = rows[0][0]
    # An organisation's official: the organisation is the counterpart, the Chinese version's first.
    assert (row["counterpart_country"], row["counterpart_org"], row["event_type"]) == ("", "SCO", "phone_call")


def test_a_counterpart_of_china_s_own_regions_is_no_foreign_engagement(gazetteer):
    zh = Reading("zh", "meeting", principal("zh", "王小洪"), [Counterpart("李家超", "", True, "HKG"),
                                                               Counterpart("维莱", "", True, "LAO")])
    rows, diagnostics = merge_readings(versions(), zh, None, gazetteer)
    assert [row["counterpart_zh"] for row, _ in rows] == ["维莱"]
    assert rows[0][0]["event_id"] == "2023-09-05-abcdef"
    assert Diagnostic("a.txt", 1, "info", "domestic_counterpart",
                      "counterpart from HKG, China's own: not a foreign engagement") in diagnostics


def test_engagements_told_in_their_own_paragraphs_have_their_own_dates_types_and_ids(gazetteer):
    zh = Reading("zh", "meeting", principal("zh", "王小洪"), [
        Counterpart("维莱", "", True, "LAO", "", "", 2),
        Counterpart("洪森", "", True, "KHM", "", "7日,王小洪与洪森通电话。", 3),
        Counterpart("上合组织", "", False, "", "SCO", "同日,王小洪出席上合组织会议。", 4),
        Counterpart("东盟", "", False, "", "ASEAN", "8日,王小洪会见东盟代表。", 5)])
    rows, _ = merge_readings(versions(), zh, None, gazetteer)
    assert [(row["event_id"], row["date"], row["event_type"], lines["zh"]) for row, lines in rows] == [
        ("2023-09-05-abcdef", "2023-09-05", "meeting", 2),
        ("2023-09-05-abcdef-2", "2023-09-07", "phone_call", 3),
        ("2023-09-05-abcdef-3", "2023-09-07", "event", 4),  # the same day as the one before; a body's meeting
        ("2023-09-05-abcdef-4", "2023-09-08", "event", 5)]
