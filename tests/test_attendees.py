"""One small written readout per attendee rule: where the list of China's officials stands, how
its sentence ends, and who is left out (the principal, the other side)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.pipeline import extract


def attendees(tmp_path, **files: str) -> list[str]:
    for name, text in files.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    tables = extract([tmp_path], progress=False)
    assert len(tables.events) >= 1
    rows = tables.attendees.drop_duplicates(["name_en", "name_zh"])
    return sorted(rows.name_zh.where(rows.name_zh != "", rows.name_en))


ZH_LEDE = "5月18日,国务委员、公安部部长王小洪在京会见老挝公安部部长维莱·拉坎丰。\n"
ZH_BODY = "王小洪表示,中方愿同老方深化执法合作,共同打击电信网络诈骗。\n维莱表示,老方愿加强禁毒合作。\n"


def test_a_list_in_the_middle_of_the_body_that_goes_on_after_a_comma(tmp_path):
    assert attendees(tmp_path, a="王小洪会见老挝公安部部长\n" + ZH_LEDE
                     + "公安部副部长林锐陪同会见,并与维莱共同主持中老执法合作会议。\n" + ZH_BODY) == ["林锐"]


def test_a_one_paragraph_copy_holds_its_list_in_the_lede(tmp_path):
    one = ZH_LEDE.strip() + " " + ZH_BODY.replace("\n", " ") + "公安部部长助理陈思源参加会见。\n"
    assert attendees(tmp_path, a="王小洪会见老挝公安部部长\n" + one) == ["陈思源"]


def test_a_list_ending_with_deng_and_a_second_sentence_of_envoys_who_took_part_elsewhere(tmp_path):
    assert attendees(tmp_path, a="王小洪同老挝公安部部长举行视频会晤\n" + ZH_LEDE.replace("会见", "同") + ZH_BODY.replace("维莱表示", "维莱·拉坎丰表示")
                     + "公安部副部长林锐、外交部部长助理吴江浩等参加活动。"
                       "中国驻老挝大使姜再冬、老挝驻华大使坎葆应邀分别在万象和北京参加活动。\n") == ["吴江浩", "姜再冬", "林锐"]


def test_a_copy_cut_after_the_verb_or_inside_its_list(tmp_path):
    assert attendees(tmp_path, a="王小洪会见老挝公安部部长\n" + ZH_LEDE + ZH_BODY
                     + "中国驻老挝大使姜再冬,公安部副部长林锐,云南省副省长、公安厅厅长张志明,外交部部长助理吴江浩参加") \
        == ["吴江浩", "姜再冬", "张志明", "林锐"]
    assert attendees(tmp_path, a="王小洪会见老挝公安部部长\n" + ZH_LEDE + ZH_BODY
                     + "中国驻老挝大使姜再冬、公安部副部长林锐、云南省副省长、公安厅厅长张志明,老挝驻华大使坎葆、公安部办公厅主任宋") \
        == ["姜再冬", "张志明", "林锐"]  # the last, cut item (`宋`) is no one


def test_the_other_side_listed_after_chinas_is_left_out_unless_named_chinese(tmp_path):
    assert attendees(tmp_path, a="王小洪会见老挝公安部部长\n" + ZH_LEDE + ZH_BODY
                     + "公安部副部长林锐、老挝驻华大使坎葆、公安部办公厅主任宋平、中国驻老挝大使姜再冬参加会见。\n") \
        == ["姜再冬", "林锐"]


def test_accompanied_by_and_the_principal_leading_a_delegation(tmp_path):
    assert attendees(tmp_path, a="王小洪会见老挝公安部部长\n"
                     + "5月18日,国务委员、公安部部长王小洪在公安部副部长林锐陪同下在万象会见老挝公安部部长维莱·拉坎丰。\n" + ZH_BODY) == ["林锐"]
    assert attendees(tmp_path, a="林锐出席东盟打击跨国犯罪部长级会议\n"
                     "11月28日,第九次东盟与中日韩打击跨国犯罪部长级会议在曼谷举行,公安部副部长林锐率团出席并发言。\n"
                     "林锐表示,中方愿同各国加强禁毒合作。\n") == []


EN_LEDE = ("BEIJING, May 18 (Xinhua) -- Chinese State Councilor and Minister of Public Security Wang Xiaohong "
           "met with Lao Minister of Public Security Vilay Lakhamfong in Beijing on Thursday.\n")
EN_BODY = "Wang said the two sides should deepen cooperation against telecom fraud.\nVilay said Laos is ready to step up drug control cooperation.\n"


def test_english_lists_anywhere_in_the_body(tmp_path):
    assert attendees(tmp_path, a="Chinese, Lao ministers meet\n" + EN_LEDE
                     + "Chinese Ambassador to Laos Jiang Zaidong and Vice Minister of Public Security Lin Rui were also present.\n" + EN_BODY) \
        == ["Jiang Zaidong", "Lin Rui"]
    assert attendees(tmp_path, a="Chinese, Lao ministers meet\n" + EN_LEDE.replace("Beijing", "Vientiane") + EN_BODY
                     + "During the visit, Wang was accompanied by Assistant Minister of Public Security Chen Siyuan.\n") == ["Chen Siyuan"]
    assert attendees(tmp_path, a="Chinese, Lao ministers meet\n" + EN_LEDE + EN_BODY
                     + "Also present at the signing ceremony were Lin Rui, vice minister of public security, and Lao Ambassador to China Khamphao Ernthavanh.\n") \
        == ["Lin Rui"]


def test_an_english_delegation_that_included_china_s_officials(tmp_path):
    assert attendees(tmp_path, a="Chinese minister visits Laos\n" + EN_LEDE.replace("in Beijing", "in Vientiane") + EN_BODY
                     + "Wang and his delegation, which included vice minister of public security Lin Rui and the Chinese ambassador "
                       "to Laos Jiang Zaidong, toured a police academy.\n") == ["Jiang Zaidong", "Lin Rui"]


def test_the_other_sides_officials_with_a_pinyin_name_are_left_out(tmp_path):
    lede = ("BEIJING, May 18 (Xinhua) -- Chinese State Councilor and Minister of Public Security Wang Xiaohong "
            "met with Sun Xueling, Singapore's Minister of State for Home Affairs, in Beijing on Thursday.\n")
    assert attendees(tmp_path, a="Chinese, Singaporean officials meet\n" + lede
                     + "Wang said the two sides should deepen cooperation against telecom fraud.\n"
                     + "Sun Xueling and Vice Minister of Public Security Lin Rui attended the signing ceremony. "
                       "Singaporean Ambassador to China Peter Tan and Chinese Ambassador to Singapore Cao Zhongming were present.\n") \
        == ["Cao Zhongming", "Lin Rui"]


@given(st.lists(st.tuples(st.lists(st.text("abcdefgh", min_size=1, max_size=6), min_size=1, max_size=5),
                          st.sampled_from(".!?")), min_size=1, max_size=5), st.data())
@settings(max_examples=60, deadline=None)
def test_the_sentence_around_a_place_is_the_sentence_that_holds_it_whatever_ends_the_others(sentences, data):
    from analysis.attendees import sentence_around
    from analysis.names import load_roles

    texts = [" ".join(words) + stop for words, stop in sentences]
    text = " ".join(texts)
    i = data.draw(st.integers(0, len(texts) - 1))
    start = sum(len(t) + 1 for t in texts[:i])
    end = start + len(texts[i]) - 1  # before its stop
    at = data.draw(st.integers(start, end - 1))
    assert sentence_around(text, at, load_roles()) == (start, end)
