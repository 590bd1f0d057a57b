"""One small written readout per extraction rule: each isolates what the rule decides (dates,
years, names, counterparts, several engagements, attendees), so that breaking the rule fails here."""

from __future__ import annotations

import pytest

from analysis.pipeline import extract


def run(tmp_path, **files: str):
    for name, text in files.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    return extract([tmp_path], progress=False)


def only_event(tables) -> dict:
    assert len(tables.events) == 1, tables.events[["date", "counterpart_en", "counterpart_zh"]]
    return tables.events.fillna("").iloc[0].to_dict()


def test_a_weekday_is_read_against_the_dateline(tmp_path):
    event = only_event(run(tmp_path, a="""Police chiefs meet
BEIJING, Dec. 5 (Xinhua) -- Chinese Minister of Public Security Wang Xiaohong met with Russian Minister of Internal Affairs Vladimir Kolokoltsev on Tuesday in Beijing.
Updated: 2023-12-06 08:00
"""))
    assert (event["date"], event["year_inferred"], event["year_source"]) == ("2023-12-05", True, "stamp")


def test_a_stamp_dates_a_weekday_in_the_week_before_it(tmp_path):
    event = only_event(run(tmp_path, a="""China, Kazakhstan hold talks
Updated: 2022-09-14 21:03
Chinese Minister of Public Security Wang Xiaohong held talks via video link on Tuesday with Yerlan Sarsenov, Minister of Internal Affairs of Kazakhstan.
"""))
    assert (event["date"], event["event_type"], event["counterpart_country"]) == ("2022-09-13", "video_conference", "KAZ")


def test_a_day_alone_takes_the_month_of_the_chinese_dateline(tmp_path):
    event = only_event(run(tmp_path, a="""王小洪会见老挝公安部部长
新华社北京5月18日电 国务委员、公安部部长王小洪17日在京会见老挝公安部部长维莱·拉坎丰。
"""))
    assert (event["date"], event["counterpart_zh"], event["counterpart_country"]) == ("--05-17", "维莱·拉坎丰", "LAO")


def test_a_date_the_body_recalls_is_not_the_engagements(tmp_path):
    event = only_event(run(tmp_path, a="""Ministers hold phone talks
ISLAMABAD, Aug. 21 (Xinhua) -- Chinese State Councilor and Minister of Public Security Zhao Kezhi on Saturday had a phone call with Pakistani Interior Minister Sheikh Rasheed Ahmad.
Zhao recalled that President Xi Jinping had a phone call with the Pakistani prime minister on April 29, 2021.
"""))
    assert event["date"] == "--08-21"  # the dateline's Saturday; the recalled date gives neither day nor year


def test_no_year_is_taken_from_another_file(tmp_path):
    tables = run(tmp_path, a="""赵克志同巴基斯坦内政部长拉希德通电话
2021年7月17日,国务委员、公安部部长赵克志同巴基斯坦内政部长拉希德通电话。
""", b="""许甘露会见国际移民组织驻华代表
6月25日,公安部副部长许甘露会见国际移民组织驻华代表柯吉佩。
""")
    assert sorted(tables.events.date) == ["--06-25", "2021-07-17"]
    no_year = tables.diagnostics[tables.diagnostics.code == "no_year"]
    assert list(no_year.source_file.str.endswith("b.txt")) == [True]


def test_a_year_the_text_starts_something_from_is_not_the_year(tmp_path):
    event = only_event(run(tmp_path, a="""郭声琨会见缅甸内政部部长
9月27日,国务委员、公安部部长郭声琨在内比都会见缅甸内政部部长觉瑞。
郭声琨指出,中缅执法安全合作会议机制自2005年建立以来,取得丰硕成果。
"""))
    assert event["date"] == "--09-27"


@pytest.mark.parametrize("chunk, name, country", [
    ("Thai Police Lt. Gen. Kittirat Phanphet", "Kittirat Phanphet", "THA"),
    ("U.S. Homeland Security Secretary Alejandro Mayorkas", "Alejandro Mayorkas", "USA"),
    ("H.E. Sheikh Hamad bin Nasser Al Thani, Minister of State for Interior Affairs of Qatar",
     "Sheikh Hamad bin Nasser Al Thani", "QAT"),
    ("Vladimir Ivanov, First Deputy Minister of Internal Affairs of the Russian Federation", "Vladimir Ivanov", "RUS"),
    ("Minister of Interior of Pakistan Mohsin Naqvi", "Mohsin Naqvi", "PAK"),
])
def test_a_counterpart_is_a_name_without_rank_with_its_country(tmp_path, chunk, name, country):
    event = only_event(run(tmp_path, a=f"""Talks
On March 4, 2024, Chinese Minister of Public Security Wang Xiaohong met with {chunk} in Beijing.
"""))
    assert (event["counterpart_en"], event["counterpart_country"]) == (name, country)


def test_a_distractor_country_before_the_principal_is_not_the_counterparts(tmp_path):
    event = only_event(run(tmp_path, a="""Phone talks
After talks with Russia in May, State Councilor and Minister of Public Security Zhao Kezhi held phone talks with Pakistani Interior Minister Sheikh Rasheed Ahmad on July 17, 2021.
"""))
    assert (event["counterpart_en"], event["counterpart_country"]) == ("Sheikh Rasheed Ahmad", "PAK")


def test_a_readout_told_from_the_other_side(tmp_path):
    event = only_event(run(tmp_path, a="""Ministers discuss attack
ISLAMABAD, Aug. 21 (Xinhua) -- Pakistani Interior Minister Sheikh Rasheed Ahmad on Saturday had a phone call with Chinese State Councilor and Minister of Public Security Zhao Kezhi.
Updated: 2021-08-22 09:10
"""), )
    assert (event["principal_en"], event["counterpart_en"], event["counterpart_country"], event["event_type"]) == (
        "Zhao Kezhi", "Sheikh Rasheed Ahmad", "PAK", "phone_call")


def test_several_engagements_each_with_its_date_and_topics(tmp_path):
    tables = run(tmp_path, a="""Minister visits Britain
LONDON, Sept. 18 (Xinhua) -- Chinese State Councilor and Minister of Public Security Guo Shengkun met with U.K. Home Secretary Helen Whitfield here on Friday, and the two sides agreed to step up cooperation against terrorism.
On Thursday, Guo held talks with British Minister of State for Security Edward Lyons on drug trafficking.
Updated: 2015-09-19 05:40
""")
    events = tables.events.set_index("counterpart_en")
    assert events.date.to_dict() == {"Helen Whitfield": "2015-09-18", "Edward Lyons": "2015-09-17"}
    assert set(events.counterpart_country) == {"GBR"}
    topics = tables.event_topics.groupby("event_id").topic.apply(set)
    assert topics[events.event_id["Helen Whitfield"]] == {"counter_terrorism"}
    assert topics[events.event_id["Edward Lyons"]] == {"drug_control"}


def test_two_counterparts_of_one_lede_are_two_events(tmp_path):
    tables = run(tmp_path, a="""Phone talks
On Tuesday, Feb. 20, 2024, Chinese State Councilor and Minister of Public Security Wang Xiaohong held separate phone talks with Minister of Justice and Internal Affairs of Mongolia Batbayar Ganbold and Nepali Home Minister Dr. Prakash Sharma.
""")
    assert dict(zip(tables.events.counterpart_en, tables.events.counterpart_country)) == {
        "Batbayar Ganbold": "MNG", "Prakash Sharma": "NPL"}


def test_a_multilateral_meeting_has_its_body_as_counterpart(tmp_path):
    event = only_event(run(tmp_path, a="""SCO ministers meet
BEIJING, May 22, 2018 (Xinhua) -- The sixth meeting of ministers of public security and internal affairs of the Shanghai Cooperation Organization (SCO) member states was held in Beijing on Tuesday, chaired by Chinese State Councilor and Minister of Public Security Zhao Kezhi.
"""))
    assert (event["principal_en"], event["counterpart_org"], event["counterpart_country"], event["event_type"]) == (
        "Zhao Kezhi", "SCO", "", "event")


def test_attendees_are_chinas_side_only_ambassadors_included(tmp_path):
    tables = run(tmp_path, a="""王小洪会见老挝公安部部长
2023年3月15日,国务委员、公安部部长王小洪在京会见老挝公安部部长维莱·拉坎丰。
中国驻老挝大使姜再冬,公安部副部长许甘露,老挝公安部副部长辛塔冯参加会见。
""")
    assert list(tables.attendees.name_zh) == ["姜再冬", "许甘露"]


def test_a_hong_kong_delegation_is_no_foreign_engagement(tmp_path):
    tables = run(tmp_path, a="""State councilor meets HKSAR officials
BEIJING, April 24, 2023 (Xinhua) -- State Councilor and Minister of Public Security Wang Xiaohong met on Monday with Tang Ping-keung, the HKSAR government's secretary for security.
""")
    assert tables.events.empty
    assert "domestic_counterpart" in set(tables.diagnostics.code)


def test_a_date_after_a_chinese_name_is_not_part_of_it(tmp_path):
    event = only_event(run(tmp_path, a="""王小洪同美国国土安全部部长通电话
国务委员、公安部部长王小洪同美国国土安全部部长马约卡斯2月14日通电话。
"""))
    assert (event["counterpart_zh"], event["counterpart_country"], event["date"]) == ("马约卡斯", "USA", "--02-14")


def test_a_chinese_dateline_with_its_reporter_gives_the_reference_for_a_day_alone(tmp_path):
    event = only_event(run(tmp_path, a="""王小洪会见塞尔维亚内务部长
2024-03-12 19:30:00
法治网北京3月12日讯 记者张明 国务委员、公安部部长王小洪11日在京会见塞尔维亚内务部长达契奇。
"""))
    assert (event["date"], event["counterpart_zh"], event["counterpart_country"]) == ("2024-03-11", "达契奇", "SRB")


def test_a_span_of_days_is_dated_by_its_first_day_and_an_opening_paragraph_dates_a_later_lede(tmp_path):
    event = only_event(run(tmp_path, a="""Security meeting in Beijing
The fifth meeting of the security council secretaries of the Shanghai Cooperation Organisation (SCO) was held in Beijing on 14-15 June 2017.
The meeting, chaired by China, was attended by Chinese Minister of Public Security Guo Shengkun and the heads of delegation.
"""))
    assert (event["date"], event["counterpart_org"]) == ("2017-06-14", "SCO")


def test_a_weekday_and_a_bracketed_date_after_a_chinese_name(tmp_path):
    event = only_event(run(tmp_path, a="""中國公安部長會晤美國國土安全部長
中國公安部長王小洪週日(3月10日)在維也納會晤美國國土安全部長馬約卡斯。
"""))
    assert (event["date"], event["principal_zh"], event["counterpart_zh"], event["event_type"]) == (
        "--03-10", "王小洪", "馬約卡斯", "meeting")


def test_a_pronoun_is_no_counterpart_and_to_call_on_someone_is_no_phone_call(tmp_path):
    event = only_event(run(tmp_path, a="""Commissioner's remarks in Beijing
Beijing, 9 June 2016
Earlier today I met with Guo Shengkun, the State Councillor and Minister of Public Security, and called on him to deepen cooperation.
"""))
    assert event["counterpart_en"] == "" and event["event_type"] == "meeting" and event["date"] == "2016-06-09"


def test_told_from_the_visitors_side_in_chinese_chinas_official_is_the_principal(tmp_path):
    event = only_event(run(tmp_path, a="""越中深化执法合作
在陪同越南国家主席和夫人访华期间,8月20日,越南公安部部长梁三光上将在北京与中国国务委员、公安部部长王小洪举行了会谈。
"""))
    assert (event["principal_zh"], event["counterpart_zh"], event["counterpart_country"]) == ("王小洪", "梁三光", "VNM")


def test_a_principal_in_apposition_of_several_parts_and_a_caption_mark(tmp_path):
    event = only_event(run(tmp_path, a="""China, Thailand to enhance cooperation
Meng Jianzhu (L), a member of the Political Bureau of the CPC Central Committee, and head of the Commission for Political and Legal Affairs, meets with Thai Deputy Prime Minister Prawit Wongsuwan in Beijing, capital of China, Aug. 3, 2016.
"""))
    assert (event["principal_en"], event["counterpart_en"], event["counterpart_country"], event["date"]) == (
        "Meng Jianzhu", "Prawit Wongsuwan", "THA", "2016-08-03")


def test_a_counterpart_named_together_with_chinas_principal_as_subject(tmp_path):
    event = only_event(run(tmp_path, a="""Ministers co-chair conference
HANOI, Sept. 14 (VNA) -- The same day, Minister To Lam together with Chinese State Councillor and Minister of Public Security Wang Xiaohong co-chaired the eighth ministerial conference on crime prevention and control.
"""))
    assert (event["principal_en"], event["counterpart_en"]) == ("Wang Xiaohong", "To Lam")


def test_another_of_chinas_officials_meeting_the_same_visitor_is_another_engagement(tmp_path):
    tables = run(tmp_path, a="""China, Thailand to enhance cooperation
BEIJING, May 31 (Xinhua) -- Chen Wenqing, head of the Commission for Political and Legal Affairs of the CPC Central Committee, met with Thai Deputy Prime Minister Prawit Wongsuwan in Beijing on Friday.
Chen said the two sides should deepen cooperation.
State Councilor and Minister of Public Security Wang Xiaohong held talks with Prawit on Friday.
Wang said the two ministries would work together against telecom fraud.
""", b="""许甘露会见老挝公安部副部长
2023年6月6日,公安部部长助理陈思源在京会见老挝公安部副部长宋乔。
同日,公安部副部长、国家移民管理局局长许甘露会见了宋乔一行。
""")
    events = tables.events.set_index("principal_en").sort_index()
    assert list(events.index) == ["Chen Siyuan", "Chen Wenqing", "Wang Xiaohong", "Xu Ganlu"]
    assert events.loc["Wang Xiaohong", "counterpart_en"] == "Prawit Wongsuwan"  # the full name, given before
    assert events.loc["Wang Xiaohong", "date"] == events.loc["Chen Wenqing", "date"] == "--05-31"
    assert events.loc["Xu Ganlu", "counterpart_zh"] == "宋乔" and events.loc["Xu Ganlu", "date"] == "2023-06-06"
    wang_topics = tables.event_topics[tables.event_topics.event_id == events.loc["Wang Xiaohong", "event_id"]]
    assert "telecom_fraud" in set(wang_topics.topic)


@pytest.mark.parametrize("lede", [
    "Cambodia and China will deepen cooperation, said Prime Minister Hun Manet at his reception for Chinese State "
    "Councilor and Minister of Public Security Wang Xiaohong on May 20 in Phnom Penh.",
    "PHNOM PENH, May 20 (Xinhua) -- Cambodian Prime Minister Hun Manet on Monday received visiting Chinese State "
    "Councilor and Minister of Public Security Wang Xiaohong.",
    "Chinese State Councilor and Minister of Public Security Wang Xiaohong was received by Cambodian Prime Minister "
    "Hun Manet in Phnom Penh on May 20.",
])
def test_chinas_official_received_as_a_guest(tmp_path, lede):
    event = only_event(run(tmp_path, a=f"Prime Minister receives Chinese minister\n{lede}\n"))
    assert (event["principal_en"], event["counterpart_en"], event["counterpart_country"], event["event_type"]) == (
        "Wang Xiaohong", "Hun Manet", "KHM", "meeting")


@pytest.mark.parametrize("lede, host, country", [
    ("新华社金边5月20日电 柬埔寨首相洪玛奈20日在金边会见中国国务委员、公安部部长王小洪。", "洪玛奈", "KHM"),
    ("5月21日,老挝国家主席通伦在万象会见了正在老挝访问的国务委员、公安部部长王小洪。", "通伦", "LAO"),
])
def test_chinas_official_received_as_a_guest_in_chinese(tmp_path, lede, host, country):
    event = only_event(run(tmp_path, a=f"王小洪访问\n{lede}\n"))
    assert (event["principal_zh"], event["counterpart_zh"], event["counterpart_country"], event["event_type"]) == (
        "王小洪", host, country, "meeting")


def test_a_copy_run_into_one_line_tells_its_later_engagements_in_its_sentences(tmp_path):
    tables = run(tmp_path, a="""王小洪会见塞尔维亚内务部长
国务委员、公安部部长王小洪3月9日在京会见了塞尔维亚内务部长达契奇。王小洪表示,中方愿同塞方深化执法合作。达契奇表示,塞方愿加强合作。公安部副部长林锐参加会见,并与达契奇共同主持中塞联合工作组第三次会议。(来源:公安部)
""")
    events = tables.events.fillna("").sort_values("principal_zh")
    assert [(e.principal_zh, e.counterpart_zh) for e in events.itertuples()] == [("林锐", "达契奇"), ("王小洪", "达契奇")]
    # present at the one, leading the other: an attendee of the one only
    lin = tables.attendees[tables.attendees.name_zh == "林锐"]
    assert list(lin.event_id) == list(events[events.principal_zh == "王小洪"].event_id)


def test_a_page_stamp_after_its_buttons_dates_and_a_label_before_the_dateline(tmp_path):
    event = only_event(run(tmp_path, a="""王小洪出席东盟打击跨国犯罪部长级会议
放大字体  缩小字体 发布日期:2019-11-28  来源:中国新闻网
核心提示:中新社曼谷11月28日电(记者王国安)11月26日至28日,中国公安部常务副部长王小洪在泰国曼谷出席第7届东盟与中国打击跨国犯罪部长级会议。
王小洪在会上指出,中国与东盟执法合作成效显著。
"""))
    assert (event["date"], event["year_source"], event["counterpart_org"]) == ("2019-11-26", "stamp", "ASEAN")


def test_a_group_met_including_its_members_gives_each_member(tmp_path):
    tables = run(tmp_path, a="""Chinese police delegation in Phnom Penh
PHNOM PENH, May 9 (Xinhua) -- Chinese Vice Minister of Public Security Lin Rui met with senior officials of the government and the security services, including Interior Minister Sar Kheng, National Police Commissioner Neth Savoeun and Phnom Penh police chief Chuon Sovann, on Tuesday.
Lin said China is ready to deepen law enforcement cooperation with Cambodia.
""")
    assert sorted(tables.events.counterpart_en) == ["Chuon Sovann", "Neth Savoeun", "Sar Kheng"]
    # `and the` ends a counterpart only where the two sides come next
    tables = run(tmp_path, a="""Chinese, Lao police chiefs meet
VIENTIANE, May 9 (Xinhua) -- Chinese Vice Minister of Public Security Lin Rui met with Lao Minister of Public Security Vilay Lakhamphong and the two sides signed a memorandum on Tuesday.
""")
    assert list(tables.events.counterpart_en) == ["Vilay Lakhamphong"]


def test_a_counterpart_named_by_one_word_takes_the_full_name_given_elsewhere(tmp_path):
    event = only_event(run(tmp_path, a="""China, Interpol to deepen cooperation
Chinese Minister of Public Security Wang Xiaohong (L) meets with Interpol President Ahmed Nasser Al-Raisi in Beijing, Sept. 6, 2024. (Xinhua/Li Xiang)
BEIJING, Sept. 6 (Xinhua) -- Chinese Minister of Public Security Wang Xiaohong met with foreign guests in Beijing on Friday.
Meeting with Al-Raisi, Wang said that China is committed to deepening practical cooperation with Interpol.
"""))
    assert (event["counterpart_en"], event["counterpart_org"]) == ("Ahmed Nasser Al-Raisi", "INTERPOL")


def test_told_from_the_other_side_after_a_time_that_opens_the_lede(tmp_path):
    event = only_event(run(tmp_path, a="""Laos, China to step up security cooperation
On Thursday, Lao Minister of Public Security Police Gen. Vilay Lakhamphong met with Chinese State Councilor and Minister of Public Security Wang Xiaohong in Vientiane.
"""))
    assert (event["principal_en"], event["counterpart_en"], event["counterpart_country"]) == (
        "Wang Xiaohong", "Vilay Lakhamphong", "LAO")


def test_chinas_official_named_after_said_with_the_engagement_after_the_name(tmp_path):
    event = only_event(run(tmp_path, a="""China, Pakistan to cooperate on CPEC security
ISLAMABAD - China stands ready to strengthen cooperation in anti-terrorism with Pakistan, said Zhao Kezhi, Chinese Minister of Public Security in a phone conversation with Pakistani Minister of Interior Ijaz Ahmed Shah.
"""))
    assert (event["principal_en"], event["event_type"], event["counterpart_en"]) == ("Zhao Kezhi", "phone_call", "Ijaz Ahmed Shah")


def test_a_date_and_a_comma_between_the_verb_and_with(tmp_path):
    event = only_event(run(tmp_path, a="""Xu Ganlu holds working meeting with Myanmar minister
Xu Ganlu, vice minister of Public Security and administrator of the National Immigration Administration, held a working meeting in Beijing on July 24, with U Thein Swe, the visiting Myanmar Minister of Labor, Immigration and Population.
"""))
    assert (event["principal_en"], event["counterpart_en"], event["counterpart_country"]) == ("Xu Ganlu", "Thein Swe", "MMR")


def test_a_caption_mark_after_a_chinese_name_and_china_titled_mainland(tmp_path):
    event = only_event(run(tmp_path, a="""陆公安部长会越南公安部长
越南公安部长梁三光(左)与大陆公安部长王小洪(右)8月20日在北京会见。
王小洪表示,愿同越方强化执法合作。
"""))
    assert (event["principal_zh"], event["counterpart_zh"], event["counterpart_country"]) == ("王小洪", "梁三光", "VNM")


def test_a_foreign_party_leader_before_chinas_official_is_no_principal(tmp_path):
    event = only_event(run(tmp_path, a="""王小洪会见越南公安部长
越共总书记苏林访问大陆期间,大陆公安部长王小洪提到愿同越方强化政治安全合作。8月20日,王小洪在京会见越南公安部部长梁三光。
"""))
    assert (event["principal_zh"], event["counterpart_zh"]) == ("王小洪", "梁三光")


def test_a_long_apposition_after_the_principal(tmp_path):
    event = only_event(run(tmp_path, a="""Senior CPC official meets Vietnamese public security minister
BEIJING, Sept. 14 (Xinhua) -- Chen Wenqing, a member of the Political Bureau of the Communist Party of China (CPC) Central Committee and head of the Commission for Political and Legal Affairs of the CPC Central Committee, met with To Lam, Vietnamese Minister of Public Security, in Beijing on Thursday.
"""))
    assert (event["principal_en"], event["counterpart_en"], event["counterpart_country"]) == ("Chen Wenqing", "To Lam", "VNM")


def test_two_subjects_who_attend_a_meeting_together(tmp_path):
    event = only_event(run(tmp_path, a="""China, Cambodia to enhance law enforcement cooperation
BEIJING, Sept. 29 (Xinhua) -- Chinese State Councilor and Minister of Public Security Zhao Kezhi and Cambodian Deputy Prime Minister and Interior Minister Sar Kheng attended a virtual meeting on Tuesday.
"""))
    assert (event["principal_en"], event["counterpart_en"], event["counterpart_country"]) == ("Zhao Kezhi", "Sar Kheng", "KHM")


def test_told_from_the_other_side_with_a_comma_before_yu_and_a_chinese_official_of_the_party(tmp_path):
    event = only_event(run(tmp_path, a="""刘建超晤美国副国安顾问
美国白宫表示,副国家安全顾问费纳在当地星期三,与中共中央对外联络部部长刘建超会面,讨论议题包括禁毒合作。
"""))
    assert (event["principal_zh"], event["counterpart_zh"]) == ("刘建超", "费纳")


def test_a_meeting_recalled_in_another_sentence_of_the_lede_names_no_counterpart(tmp_path):
    tables = run(tmp_path, a="""王小洪出席禁毒合作会议
中国公安部部长王小洪出席中美禁毒合作工作组会议并致辞。声明强调利用总统拜登与中国国家主席习近平去年11月会晤为契机的重要性。
""")
    assert "习近平" not in "".join(tables.events.counterpart_zh) and "去年" not in "".join(tables.events.counterpart_zh)


def test_a_ministerial_dialogue_opened_by_one_official_with_a_speech_by_another(tmp_path):
    event = only_event(run(tmp_path, a="""中国东盟执法安全合作部长级对话举行
新华社北京10月23日电 中国东盟执法安全合作部长级对话23日在京举行。中共中央政治局委员、中央政法委书记孟建柱致开幕辞,国务委员、公安部部长郭声琨作主旨发言。
"""))
    assert (event["principal_zh"], event["counterpart_org"], event["date"][-5:]) == ("孟建柱", "ASEAN", "10-23")


def test_a_counterpart_and_chinas_titled_official_as_joint_subject(tmp_path):
    event = only_event(run(tmp_path, a="""Agreements signed during Sar Kheng's trip
Interior Minister Sar Kheng and senior ministry officials were in Beijing and returned to the Kingdom on Saturday night.
According to the National Police, Mr Kheng and Public Security Minister Zhao Kezhi met on Friday.
"""))
    assert (event["principal_en"], event["counterpart_en"]) == ("Zhao Kezhi", "Sar Kheng")


def test_a_later_paragraph_with_chinas_official_and_a_counterpart_as_joint_subject(tmp_path):
    text = """Vietnamese minister receives Chinese vice minister
HA NOI - Vietnamese Minister of Public Security To Lam hosted a reception in Ha Noi on January 10 for Chinese Vice Minister of Public Security Chen Siyuan.
{later}
"""
    tables = run(tmp_path, a=text.format(later="Later the same day, Chen and his Vietnamese counterpart Le Quoc Hung co-chaired the first deputy ministerial dialogue."))
    assert sorted(tables.events.counterpart_en) == ["Le Quoc Hung", "To Lam"]
    # a signing during the meeting is part of it
    tables = run(tmp_path, a=text.format(later="During the meeting, Chen and Vietnamese Deputy Minister Le Quoc Hung signed a memorandum."))
    assert list(tables.events.counterpart_en) == ["To Lam"]


def test_guests_from_several_countries_each_an_engagement_in_order(tmp_path):
    tables = run(tmp_path, a="""Chinese minister meets foreign guests
BEIJING, Sept. 14 -- Chinese Minister of Public Security Wang Xiaohong met with guests from Laos, Nicaragua, Ethiopia and Armenia in Beijing on Sunday.
When meeting with Lao Minister of Public Security Vilay Lakhamfong, Wang said that China is willing to deepen cooperation.
When meeting with Francisco Diaz Madriz, chief of the Nicaraguan Police Force, Wang said that China stands ready to work with Nicaragua.
When meeting with Demelash Gebremichael, Wang said that China is willing to deepen law enforcement capacity building.
""")
    events = tables.events.fillna("").sort_values("counterpart_country")
    assert list(zip(events.counterpart_country, events.counterpart_en)) == [
        ("ARM", "Armenia"), ("ETH", "Demelash Gebremichael"), ("LAO", "Vilay Lakhamfong"), ("NIC", "Francisco Diaz Madriz")]


def test_chinese_guests_from_several_countries_each_an_engagement(tmp_path):
    tables = run(tmp_path, a="""王小洪会见外国客人
新华社北京9月14日电 国务委员、公安部部长王小洪14日在京会见老挝、尼加拉瓜和亚美尼亚客人。
在会见老挝副总理兼公安部部长维莱时,王小洪表示,中方愿同老方深化执法安全合作。
在会见尼加拉瓜国家警察总长迪亚斯时,王小洪表示,中方愿同尼方加强合作。
""")
    events = tables.events.fillna("").sort_values("counterpart_country")
    assert list(zip(events.counterpart_country, events.counterpart_zh)) == [("ARM", "亚美尼亚"), ("LAO", "维莱"), ("NIC", "迪亚斯")]


@pytest.mark.parametrize("lede, name, field", [
    ("应越南公安部部长苏林邀请,国务委员、公安部部长王小洪于2023年8月20日至22日对越南进行正式访问。", "苏林", "counterpart_zh"),
    ("At the invitation of Vietnamese Minister of Public Security To Lam, Chinese State Councilor and Minister of Public "
     "Security Wang Xiaohong paid an official visit to Vietnam from August 20 to 22, 2023.", "To Lam", "counterpart_en"),
])
def test_the_host_who_invited_chinas_official_and_a_span_of_days(tmp_path, lede, name, field):
    event = only_event(run(tmp_path, a=f"Official visit\n{lede}\n"))
    assert (event[field], event["counterpart_country"], event["date"]) == (name, "VNM", "2023-08-20")


@pytest.mark.parametrize("text", [
    "王小洪会见老挝公安部长\n新华社北京5月18日电 国务委员、公安部部长王小洪日前在京会见老挝公安部部长维莱。\n",
    "Chinese delegation in Phnom Penh\nPHNOM PENH, Sept. 30 -- China's Vice Minister of Public Security Wang Xiaohong met with "
    "Cambodian Interior Minister Sar Kheng earlier this week.\n",
])
def test_an_engagement_some_days_before_the_report_has_no_date(tmp_path, text):
    tables = run(tmp_path, a=text)
    assert list(tables.events.date) == [""] and "no_date" in set(tables.diagnostics.code)


def test_a_country_met_as_one_of_a_group_takes_the_one_person_named_with_its_title(tmp_path):
    tables = run(tmp_path, a="""China's police chief meets Ethiopian, Maldivian officials
BEIJING, Sept. 6 (Xinhua) -- Chinese State Councilor and Minister of Public Security Wang Xiaohong met with officials from the Maldives and Ethiopia in Beijing on Friday.
Commissioner General of the Ethiopian Federal Police Commission Demelash Gebremichael and Maldivian Minister of Homeland Security Ali Ihusan were both in the Chinese capital for a forum.
""")
    events = tables.events.fillna("").sort_values("counterpart_country")
    assert list(zip(events.counterpart_country, events.counterpart_en)) == [("ETH", "Demelash Gebremichael"), ("MDV", "Ali Ihusan")]


def test_the_delegations_met_at_a_meeting_are_a_meeting_with_its_organisation(tmp_path):
    tables = run(tmp_path, a="""上合组织边防合作会议在京举行
新华社北京6月3日电 上海合作组织成员国边防部门领导人会议3日在北京举行,国务委员、公安部部长王小洪出席开幕式并致辞。
会前,王小洪会见了各方代表团团长。
""")
    events = tables.events.fillna("").sort_values("event_id")
    assert list(zip(events.counterpart_zh, events.counterpart_org, events.event_type)) == [
        ("上海合作组织", "SCO", "event"), ("各方代表团团长", "SCO", "meeting")]


def test_a_dateline_in_capitals_of_another_script_is_no_part_of_the_counterparts_title(tmp_path):
    event = only_event(run(tmp_path, a="""Minister holds phone talks with Chinese counterpart
HÀ NỘI — Minister of Public Security Lương Tam Quang held phone talks with his Chinese counterpart Wang Xiaohong on Tuesday to discuss security cooperation between Việt Nam and China.
"""))
    assert (event["principal_en"], event["counterpart_en"], event["counterpart_role_en"], event["counterpart_country"]) == (
        "Wang Xiaohong", "Lương Tam Quang", "Minister of Public Security", "VNM")


@pytest.mark.parametrize("text, country", [
    ("Chinese delegation visits Phnom Penh\nA Chinese delegation, including China's Vice Minister of Public Security Wang "
     "Xiaohong, visited Phnom Penh on September 27, 2016. The group met with Interior Minister Sar Kheng.\n", "KHM"),
    ("王小洪会见内政部长\n新华社万象5月15日电 国务委员、公安部部长王小洪15日在万象会见内政部长维莱。\n", "LAO"),
])
def test_a_capital_names_the_country_of_a_counterpart_named_without_one(tmp_path, text, country):
    assert only_event(run(tmp_path, a=text))["counterpart_country"] == country


def test_hosts_named_with_titles_in_apposition_and_met_later_by_full_name(tmp_path):
    tables = run(tmp_path, a="""Vice Minister Xu Ganlu Leads a Delegation to Visit the IOM and the UNHCR and Attend the OECD Ministerial Meeting on Migration in Paris
Share on wechat
At the invitation of Amy Pope, director general of the International Organization for Migration (IOM), and Angel Gurría, secretary general of the Organization for Economic Co-operation and Development (OECD), Xu Ganlu, vice minister of Public Security, led a delegation to Geneva and Paris from March 3 to 9, 2024, and attended the OECD Ministerial Meeting on Migration.
While in Geneva, Switzerland, Xu Ganlu held talks with Amy Pope.
""")
    events = tables.events.fillna("").sort_values("event_id")
    assert ("Amy Pope", "director general of the International Organization for Migration (IOM)", "IOM", "") in set(zip(
        events.counterpart_en, events.counterpart_role_en, events.counterpart_org, events.counterpart_country))
    assert list(tables.articles.title.str.startswith("Vice Minister Xu Ganlu Leads")) == [True]  # the widget is no title


def test_an_organisations_name_with_and_is_one_piece_of_a_list_of_people(gazetteer, roles):
    from analysis.names import split_people_en
    chunk = ("Rudolf Urbanovic, state secretary of the Ministry of Interior of Slovakia, and Angel Gurría, secretary "
             "general of the Organization for Economic Co-operation and Development (OECD)")
    assert split_people_en(chunk, gazetteer, roles) == [
        "Rudolf Urbanovic, state secretary of the Ministry of Interior of Slovakia",
        "Angel Gurría, secretary general of the Organization for Economic Co-operation and Development (OECD)"]


def test_an_organisations_officer_and_a_known_person_take_their_organisation_not_the_datelines_country(tmp_path):
    tables = run(tmp_path, a="""China signs a declaration with INTERPOL
LYON, France – Chinese State Councilor and Minister of Public Security Wang Xiaohong met with president Ahmed Naser Al-Raisi and secretary-general Valdecy Urquiza at the General Secretariat.
Minister Wang signed a declaration of intent to enhance cooperation with INTERPOL.
""")
    events = tables.events.fillna("").sort_values("counterpart_en")
    assert list(zip(events.counterpart_en, events.counterpart_org, events.counterpart_country)) == [
        ("Ahmed Naser Al-Raisi", "INTERPOL", ""), ("Valdecy Urquiza", "INTERPOL", "")]


def test_a_ceremony_attended_is_of_the_meeting_an_earlier_paragraph_names(tmp_path):
    event = only_event(run(tmp_path, a="""国际刑警组织大会闭幕
新华社北京11月20日电 国际刑警组织第九十届全体大会20日上午在京闭幕,与会各国代表通过了多项决议。
国务委员、公安部部长王小洪出席闭幕式并致辞。
"""))
    assert (event["principal_zh"], event["counterpart_org"], event["event_type"]) == ("王小洪", "INTERPOL", "event")


def test_a_courtesy_title_is_no_role_and_the_one_country_the_article_names_places_the_counterpart(tmp_path):
    event = only_event(run(tmp_path, a="""Agreements signed during the minister's trip
Interior Minister Sar Kheng and senior officials were in Beijing and returned home on Saturday night.
According to the National Police, Mr Kheng and Public Security Minister Zhao Kezhi met on Friday.
Three agreements were signed, and Cambodia will work with China to implement them.
"""))
    assert (event["counterpart_en"], event["counterpart_role_en"], event["counterpart_country"]) == (
        "Sar Kheng", "Interior Minister", "KHM")


def test_the_delegations_attending_a_meeting_are_the_meeting_and_a_known_official_named_alone_attends(tmp_path):
    tables = run(tmp_path, a="""孟建柱集体会见湄公河执法安全合作部长级会议代表团团长
新华社北京12月27日电 中共中央政治局委员、中央政法委书记孟建柱27日在京集体会见出席湄公河流域执法安全合作部长级会议的各国代表团团长。
各国代表团团长表示愿同中方密切协作。
郭声琨参加会见。
""")
    event = only_event(tables)
    assert (event["principal_zh"], event["counterpart_zh"], event["counterpart_en"]) == (
        "孟建柱", "湄公河流域执法安全合作部长级会议", "")
    assert list(tables.attendees.name_zh) == ["郭声琨"]


@pytest.mark.parametrize("later, principal", [
    ("同日,公安部副部长陈思源会见了宋乔一行。", "陈思源"),  # not in the gazetteer: the title says China's
    ("同日,部长助理孟庆丰会见了宋乔一行。", "孟庆丰"),  # a title of no country: the gazetteer says China's
    ("同日,内政部副部长苏克会见了宋乔一行。", None),  # neither: no other engagement
])
def test_another_of_chinas_officials_is_told_by_the_gazetteer_or_by_a_title_after_the_opening_words(tmp_path, later, principal):
    tables = run(tmp_path, a=f"老挝客人访华\n2023年6月6日,国务委员、公安部部长王小洪在京会见老挝公安部副部长宋乔。\n{later}\n")
    others = set(tables.events.principal_zh) - {"王小洪"}
    assert others == ({principal} if principal else set())


def test_chinas_official_received_as_a_guest_is_known_by_the_gazetteer_whatever_the_title(tmp_path):
    event = only_event(run(tmp_path, a="洪玛奈会见王小洪\n柬埔寨首相洪玛奈20日在金边会见来访的中国部长王小洪。\n"))
    assert (event["principal_zh"], event["counterpart_zh"], event["counterpart_country"]) == ("王小洪", "洪玛奈", "KHM")


def test_chinas_principal_is_the_one_the_gazetteer_knows_when_no_title_names_a_country(tmp_path):
    event = only_event(run(tmp_path, a="会谈\n内政部长维莱与国务委员、公安部部长王小洪在京举行会谈。\n"))
    assert (event["principal_zh"], event["counterpart_zh"]) == ("王小洪", "维莱")


def test_a_caption_with_its_photo_credit_starts_no_article_and_a_meeting_met_on_its_sidelines_keeps_its_date(tmp_path):
    tables = run(tmp_path, a="""China, Central Asia join forces against crime
ASTANA — China-Central Asia Public Security and Interior Ministers held an inaugural meeting on Sept. 10 in Lianyungang.

China and Central Asia states intend to strengthen cooperation. Photo credit: Kazakh Ministry of Internal Affairs

On the sidelines of the meeting, Kazakh Minister of Internal Affairs Yerzhan Sadenov held bilateral talks with Chinese Minister of Public Security Wang Xiaohong.
""")
    assert len(tables.articles) == 1
    event = only_event(tables)
    assert (event["counterpart_en"], event["counterpart_country"], event["date"]) == ("Yerzhan Sadenov", "KAZ", "--09-10")


def test_a_meeting_with_no_one_named_is_with_the_foreign_official_who_spoke_at_it(tmp_path):
    event = only_event(run(tmp_path, a="""中美禁毒合作工作组举行首次会议
中美两国官员30日举行了禁毒合作工作组的首次会议。中国公安部部长王小洪称:“双方达成了共识”。
白宫国土安全事务副助理达斯卡尔在会上表示,美方愿继续合作。
"""))
    assert (event["principal_zh"], event["counterpart_zh"], event["counterpart_country"]) == ("王小洪", "达斯卡尔", "USA")


def test_another_of_chinas_officials_keeps_his_title(tmp_path):
    tables = run(tmp_path, a="""China, Thailand to enhance cooperation
BEIJING, May 31 (Xinhua) -- Chen Wenqing, head of the Commission for Political and Legal Affairs of the CPC Central Committee, met with Thai Deputy Prime Minister Prawit Wongsuwan in Beijing on Friday.
State Councilor and Minister of Public Security Wang Xiaohong held talks with Prawit on Friday.
""")
    events = tables.events.set_index("principal_en")
    assert events.loc["Wang Xiaohong", "principal_role_en"] == "State Councilor and Minister of Public Security"


def test_a_version_that_names_others_but_not_an_engagements_counterpart_is_no_report_of_it(tmp_path):
    tables = run(tmp_path, zh="""郭声琨与约翰逊共同主持部级会晤
当地时间12月7日下午,国务委员、公安部部长郭声琨和美国国土安全部部长约翰逊在华盛顿共同主持两部第三次部级会晤。
""", en="""China, US hold dialogue on cybercrime
WASHINGTON, Dec. 7 (Xinhua) -- Chinese State Councilor and Minister of Public Security Guo Shengkun held the third ministerial dialogue with U.S. Attorney General Loretta Lynch and Secretary of Homeland Security Jeh Johnson in Washington on Wednesday.
""")
    events = tables.events.set_index("counterpart_en")
    sources = tables.event_sources.groupby("event_id").source_file.apply(lambda files: sorted(p.rsplit("/", 1)[-1] for p in files))
    assert sources[events.loc["Loretta Lynch", "event_id"]] == ["en.txt"]
    assert sources[events.loc["Jeh Johnson", "event_id"]] == ["en.txt", "zh.txt"]
    assert events.loc["Loretta Lynch", "source_file"].endswith("en.txt") and ";" not in events.loc["Loretta Lynch", "source_file"]


@pytest.mark.parametrize("lede, name, role, country", [
    ("Chinese State Councilor and Minister of Public Security Wang Xiaohong on Monday met with H.E. Sheikh Saif bin "
     "Zayed Al Nahyan, Deputy Prime Minister and Minister of Interior of the United Arab Emirates, in Beijing.",
     "Sheikh Saif bin Zayed Al Nahyan", "Deputy Prime Minister and Minister of Interior of the United Arab Emirates", "ARE"),
    ("Wang Xiaohong, Chinese State Councilor and Minister of Public Security, on Monday held talks with visiting "
     "Mongolian Minister of Justice and Home Affairs Altangerel Enkhtaivan in Beijing.",
     "Altangerel Enkhtaivan", "Mongolian Minister of Justice and Home Affairs", "MNG"),
])
def test_a_title_ending_with_a_countrys_name_stays_with_its_person_and_visiting_is_no_title(tmp_path, lede, name, role, country):
    event = only_event(run(tmp_path, a=f"Talks in Beijing\nBEIJING, March 3 (Xinhua) -- {lede}\n"))
    assert (event["counterpart_en"], event["counterpart_role_en"], event["counterpart_country"]) == (name, role, country)


def test_a_title_in_apposition_after_the_principal_ends_with_its_sentence(tmp_path):
    tables = run(tmp_path, a="""Delegation visits Phnom Penh
A Chinese delegation, including China's deputy minister of public security, Wang Xiaohong, visited Phnom Penh on September 27, 2016. The group met with Interior Minister Sar Kheng, and National Police Commissioner Neth Savoeun, in Phnom Penh.
""", b="""Minister meets Lao guest
BEIJING, May 3 (Xinhua) -- Wang Xiaohong, Chinese State Councilor and Minister of Public Security, met with Lao Minister of Public Security Vilay Lakhamfong on Monday.
""")
    roles = dict(zip(tables.events.counterpart_en, tables.events.principal_role_en))
    assert "visited" not in roles["Sar Kheng"]
    assert roles["Vilay Lakhamfong"] == "Chinese State Councilor and Minister of Public Security"


def test_a_video_meeting_told_by_its_manner_after_the_principal(tmp_path):
    event = only_event(run(tmp_path, a="王小洪会见斯托克\n新华社北京2月6日电 国务委员、公安部部长王小洪6日以视频方式会见国际刑警组织秘书长斯托克。\n"))
    assert (event["principal_zh"], event["event_type"], event["counterpart_zh"], event["counterpart_org"]) == (
        "王小洪", "video_conference", "斯托克", "INTERPOL")


def test_the_delegations_attending_a_meeting_of_an_organisation_are_that_organisations(tmp_path):
    event = only_event(run(tmp_path, a="王小洪集体会见上合组织会议代表团团长\n新华社北京5月22日电 国务委员、公安部部长王小洪22日在京集体会见出席上海合作组织成员国公安内务部长会议的各国代表团团长。\n"))
    assert (event["principal_zh"], event["counterpart_zh"], event["counterpart_org"]) == (
        "王小洪", "上海合作组织成员国公安内务部长会议", "SCO")


def test_an_ambassador_beside_a_visiting_official_is_present_and_the_official_leads(tmp_path):
    event = only_event(run(tmp_path, a="部长助理会见老挝部长\n3月9日,中国驻老挝大使王文天与来访的公安部部长助理李明一行会见了老挝公安部部长维莱。\n"))
    tables = run(tmp_path)
    attendees = tables.attendees[tables.attendees.event_id == event["event_id"]]
    assert (event["principal_zh"], event["counterpart_zh"], event["counterpart_country"]) == ("李明", "维莱", "LAO")
    assert list(attendees.name_zh) == ["王文天"]


def test_a_bilateral_mechanism_is_a_meeting_with_the_other_delegations_head(tmp_path):
    event = only_event(run(tmp_path, a="第八届中哈执法合作会议召开\n6月2日,第八届中哈执法合作会议在阿斯塔纳召开,公安部副部长张平率团出席,"
                                         "哈萨克斯坦内务部副部长努尔兰率哈方代表团与会。\n"))
    assert (event["event_type"], event["principal_zh"], event["counterpart_zh"], event["counterpart_country"]) == (
        "meeting", "张平", "努尔兰", "KAZ")


def test_a_meeting_told_in_a_when_clause_after_the_remarks(tmp_path):
    event = only_event(run(tmp_path, a="""China, Fiji to deepen police cooperation
BEIJING, Oct. 12 (Xinhua) -- China is ready to deepen police cooperation with Fiji, said Chinese Minister of Public Security Wang Xiaohong on Thursday.
Wang made the remarks when meeting with Rajesh Kumar, Fijian Minister for Policing, in Beijing.
"""))
    assert (event["event_type"], event["counterpart_en"], event["counterpart_country"]) == ("meeting", "Rajesh Kumar", "FJI")


def test_a_subheading_before_a_paragraph_going_on_does_not_start_an_article(tmp_path):
    tables = run(tmp_path, a="""王小洪会见柬埔寨副首相
(金边6日讯)柬埔寨副首相索肯周三会见中国国务委员兼公安部部长王小洪,双方就执法合作交换意见。
合作打击电诈
与此同时,柬埔寨国家警察总监萨维也在当天与中国国务委员兼公安部部长王小洪签署合作文件。
Last modified on Thursday, 06 March 2025 10:45
""")
    assert len(tables.articles) == 1
    assert sorted(zip(tables.events.date, tables.events.counterpart_zh)) == [("2025-03-05", "索肯"), ("2025-03-05", "萨维")]


def test_a_courtesy_call_on_chinas_official_is_told_from_the_other_side(tmp_path):
    event = only_event(run(tmp_path, a="""Minister calls on Chinese counterpart
BEIJING, May 14 — Home Minister Datuk Seri Razak Hamid today paid a courtesy call on China’s State Councillor and Public Security Minister Wang Xiaohong during his official visit.
"""))
    assert (event["principal_en"], event["counterpart_en"], event["counterpart_country"]) == ("Wang Xiaohong", "Razak Hamid", "")


def test_a_caption_naming_the_principal_alone_is_not_the_lede(tmp_path):
    event = only_event(run(tmp_path, a="""Minister Meets Chinese Vice Minister
Standing from the left, officials of the Ministry with the Vice Minister of Public Security of the People’s Republic of China, Hon. Chen Siyuan.
The Minister of Police of Fiji, Hon. Ratu Filimoni, and officials of the Ministry held a fruitful discussion with the Vice Minister of Public Security (MPS) of the People’s Republic of China (PRC), Hon. Chen Siyuan, on March 4, 2024.
"""))
    assert (event["date"], event["event_type"], event["principal_en"], event["counterpart_en"], event["counterpart_country"]) == (
        "2024-03-04", "meeting", "Chen Siyuan", "Ratu Filimoni", "FJI")


def test_a_host_receives_a_delegation_led_by_chinas_official(tmp_path):
    event = only_event(run(tmp_path, a="""Deputy Minister receives Chinese delegation
Hanoi (VNA) – Lieutenant General Pham Van Hoa, Deputy Minister of Public Security, on March 12 received a visiting delegation of China’s Ministry of Public Security, led by its Assistant Minister Zhou Ming.
"""))
    assert (event["principal_en"], event["counterpart_en"], event["counterpart_role_en"]) == (
        "Zhou Ming", "Pham Van Hoa", "Deputy Minister of Public Security")


def test_a_reception_for_chinas_official_is_a_meeting_with_the_host(tmp_path):
    event = only_event(run(tmp_path, a="""Reception for Chinese guest
ISLAMABAD, (Pakistan News - 14th Mar, 2023) Interior Secretary Tariq Aziz hosted a reception in Islamabad on Tuesday for Vice Secretary of the Political and Legal Affairs Commission of the Communist Party of China (CPC) Central Committee Zhou Ming.
"""))
    assert (event["date"], event["principal_en"], event["counterpart_en"], event["counterpart_country"]) == (
        "2023-03-14", "Zhou Ming", "Tariq Aziz", "PAK")


@pytest.mark.parametrize("chunk, name", [
    ("Rajesh Kumar, Fijian Minister for Policing", "Rajesh Kumar"),
    ("Police General Somchai Deeprom (right), Inspector-General and Director of the Anti-Scam Center", "Somchai Deeprom"),
])
def test_a_title_ending_with_its_portfolio_or_body_names_no_one_more(tmp_path, chunk, name):
    event = only_event(run(tmp_path, a=f"Talks in Beijing\nBEIJING, March 3 (Xinhua) -- Chinese Minister of Public Security Wang Xiaohong met with {chunk} in Beijing on Friday.\n"))
    assert event["counterpart_en"] == name


def test_a_visitor_meeting_chinas_officials_is_one_engagement_each(tmp_path):
    tables = run(tmp_path, a="""Minister ends visit to China
KUNMING, March 9 — Home Minister Datuk Seri Dr Razak Hamid Karim said the visit had been a success.
The visit saw Razak meeting several Chinese leaders in Beijing.
Razak met with the Political and Legal Affairs secretary of the Communist Party of China, Chen Wenqing and the Vice Minister of Public Security, Chen Siyuan.
In Kunming, he met with Public Security deputy director-general, Zhou Ming, and visited a police college.
""")
    met = sorted(zip(tables.events.principal_en, tables.events.counterpart_en))
    assert met == [("Chen Siyuan", "Razak Hamid Karim"), ("Chen Wenqing", "Razak Hamid Karim"), ("Zhou Ming", "Razak Hamid Karim")]


@pytest.mark.parametrize("text, principal, counterpart, country", [
    ("公安部部长王小洪就打击电信网络诈骗,同缅甸内政部部长吞吞楠视频通话。", "王小洪", "吞吞楠", "MMR"),
    ("3月4日,泰国副总理普坦在与中国公安部部长助理刘忠义会谈结束后接受媒体采访。", "刘忠义", "普坦", "THA"),
])
def test_chinas_principal_before_what_the_talks_were_about_or_after_the_host(tmp_path, text, principal, counterpart, country):
    event = only_event(run(tmp_path, a=text + "\n"))
    assert (event["principal_zh"], event["counterpart_zh"], event["counterpart_country"]) == (principal, counterpart, country)


def test_a_name_alone_after_a_titled_one_in_a_chinese_list_is_a_second_counterpart(tmp_path):
    tables = run(tmp_path, a="""王小洪会见刚果(金)和布隆迪客人
新华社北京9月7日电 国务委员、公安部部长王小洪7日在京会见布隆迪内政部长尼泰雷采。
同日,王小洪分别会见了刚果(金)副总理兼内政部长沙巴尼和尼泰雷采。
""")
    assert sorted(zip(tables.events.counterpart_zh, tables.events.counterpart_country)) == [("尼泰雷采", "BDI"), ("沙巴尼", "COD")]


def test_a_foreign_official_and_his_delegation_is_the_official(tmp_path):
    event = only_event(run(tmp_path, a="""Vice administrator meets attaché
On November 14, 2019, Vice Administrator Yin Chengji of the National Immigration Administration met with the newly appointed attaché Austin Moore and his three-member delegation from the U.S. Embassy.
"""))
    assert (event["principal_en"], event["counterpart_en"]) == ("Yin Chengji", "Austin Moore")


def test_a_meeting_co_chaired_with_someone_and_another_met_in_one_sentence(tmp_path):
    tables = run(tmp_path, a="""Chinese minister visits Laos
VIENTIANE, March 3 (Xinhua) -- Lao Prime Minister Sonexay Siphandone met with Chinese Minister of Public Security Wang Xiaohong here on Monday.
During the visit, Wang co-chaired the fourth China-Laos ministerial meeting on law enforcement and security cooperation with Lao Minister of Public Security Vilay Lakhamfong and signed the minutes, and met with Lao Deputy Prime Minister Saleumxay Kommasith.
""")
    assert sorted(zip(tables.events.counterpart_en, tables.events.date.fillna(""))) == [
        ("Saleumxay Kommasith", ""), ("Sonexay Siphandone", "--03-03"), ("Vilay Lakhamfong", "")]  # a day of the visit, not said


def test_a_meeting_co_chaired_and_another_met_in_one_chinese_sentence(tmp_path):
    tables = run(tmp_path, a="""王小洪访问老挝
新华社万象3月4日电 国务委员、公安部部长王小洪3日在万象会见老挝总理宋赛。
访问期间,王小洪与老挝公安部部长维莱共同主持第四次中老执法安全合作部长级会议,并会见了老挝副总理沙伦赛。
""")
    assert sorted(tables.events.counterpart_zh) == ["宋赛", "沙伦赛", "维莱"]


def test_the_multilateral_meeting_attended_is_an_engagement_beside_those_met_there(tmp_path):
    tables = run(tmp_path, a="""王小洪出席上合组织成员国公安内务部长会议
新华社比什凯克8月21日电 国务委员、公安部部长王小洪21日在比什凯克出席上海合作组织成员国公安内务部长会议并发言。会议期间,王小洪还分别会见了吉尔吉斯斯坦内务部长尼亚佐夫和乌兹别克斯坦内务部长博博若诺夫。
""")
    assert sorted(zip(tables.events.event_type, tables.events.counterpart_org + tables.events.counterpart_country)) == [
        ("event", "SCO"), ("meeting", "KGZ"), ("meeting", "UZB")]


@pytest.mark.parametrize("numbers", [("17", "14", "11"), ("十七", "十四", "十一")])
def test_several_numbered_meetings_attended_in_one_clause_are_one_engagement_each(tmp_path, numbers):
    first, second, third = numbers
    tables = run(tmp_path, a=f"""陈思源出席东盟打击跨国犯罪部长级会议
中新社万象9月20日电 9月18日至20日,公安部副部长陈思源在老挝万象出席第{first}届东盟打击跨国犯罪部长级会议和第{second}届东盟与中日韩、第{third}届东盟与中国打击跨国犯罪部长级会议。
""")
    assert sorted(tables.events.counterpart_zh) == sorted([f"第{third}届东盟与中国打击跨国犯罪部长级会议", f"第{second}届东盟与中日韩",
                                                            f"第{first}届东盟打击跨国犯罪部长级会议"])
    assert set(tables.events.counterpart_org) == {"ASEAN"} and set(tables.events.event_type) == {"event"}


def test_a_photo_caption_under_the_title_does_not_end_the_article_and_its_day_takes_a_later_month(tmp_path):
    tables = run(tmp_path, a="""陸公安部長會寮國公安部長
寮國公安部長維萊(左)與大陸公安部長王小洪(右)20日在北京會見。(圖/取自寮國公安部官網)
據大陸公安部官網,王小洪8月20日在京會見寮國公安部部長維萊。王小洪表示,願同寮方深化執法安全合作。
""")
    assert len(tables.articles) == 1
    event = only_event(tables)
    assert (event["date"], event["counterpart_zh"], event["counterpart_country"]) == ("--08-20", "維萊", "LAO")


@pytest.mark.parametrize("lede, principal, counterpart", [
    ("2017年10月20日,公安部禁毒局副局长魏晓军专程赶赴福建,与菲律宾肃毒局局长阿奎诺一行19人举行禁毒工作会谈。", "魏晓军", "阿奎诺"),
    ("新华社华沙4月30日电 波兰总统杜达30日会见到访的习近平主席特使、政法委书记郭声琨。郭声琨转达了习近平主席的诚挚问候并表示,愿深化合作。",
     "郭声琨", "杜达"),
])
def test_what_stands_after_a_name_is_not_part_of_it(tmp_path, lede, principal, counterpart):
    event = only_event(run(tmp_path, a=lede + "\n"))
    assert (event["principal_zh"], event["counterpart_zh"]) == (principal, counterpart)


def test_a_caption_between_paragraphs_is_no_title_and_a_clause_before_the_principal_names_whom_he_met(tmp_path):
    event = only_event(run(tmp_path, a="""During the working session with Lieutenant General Nguyen Van Thai, the host and the guest praised the development of Vietnam-China relations.
Delegates in a joint photo
The two countries’ border agencies have implemented the agreements inked by Vietnam’s Ministry of National Defense and China’s Ministry of Public Security.
At the event, Vice Minister Xu Ganlu proposed that the two sides deepen law enforcement cooperation.
"""))
    assert (event["principal_en"], event["event_type"], event["counterpart_en"], event["counterpart_country"]) == (
        "Xu Ganlu", "meeting", "Nguyen Van Thai", "VNM")  # `Thai` ends a Vietnamese name: no Thailand
