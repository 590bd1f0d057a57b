"""Wire-service readouts of the same kind of engagement: a dateline, an `Updated` stamp, a photo
caption, the date mid-sentence or after the principal's name, Simplified Chinese, no attendee list."""

from __future__ import annotations

import pytest

from analysis.pipeline import extract

READOUTS = {
    "en_wire.txt": """China, Pakistan vow to boost law enforcement cooperation
Updated: 2021-07-18 09:12 Xinhua
BEIJING — Chinese State Councilor and Minister of Public Security Zhao Kezhi held phone talks with Pakistani Interior Minister Sheikh Rasheed Ahmad on July 17, 2021, after the attack on Chinese personnel in Pakistan.
Zhao said China strongly condemns the terrorist attack and asked the Pakistani side to ensure the security of Chinese personnel, institutions and projects in Pakistan.
Rasheed said Pakistan will take the highest level of security measures.
Chinese Minister of Public Security Zhao Kezhi speaks during the phone talks. [Photo/Xinhua]
""",
    "zh_wire.txt": """赵克志同巴基斯坦内政部长拉希德通电话
新华社北京7月17日电 国务委员、公安部部长赵克志17日与巴基斯坦内政部长拉希德通电话。
赵克志表示,中国政府高度重视在巴中方人员遇袭事件,这是一起针对中国在巴人员的恐怖袭击。
拉希德表示,巴方将采取最高等级安保措施,保障在巴中国机构人员安全。
""",
    "en_video.txt": """China, Russia hold talks on security cooperation
BEIJING, Dec. 1 (Xinhua) -- Chinese Minister of Public Security Wang Xiaohong held talks via video link with Russian Minister of Internal Affairs Vladimir Kolokoltsev on Dec 1, 2022.
Wang said the two sides should deepen cooperation in counter-terrorism, combating drug trafficking and cybercrime.
""",
    "zh_meeting.txt": """王小洪会见老挝公安部部长维莱·拉坎丰
2023年3月15日,国务委员、公安部部长王小洪在京会见老挝公安部部长维莱·拉坎丰。
王小洪表示,中方愿同老方一道,深化打击电信网络诈骗、禁毒等领域执法合作。
公安部副部长许甘露参加会见。
""",
}


@pytest.fixture(scope="module")
def tables(tmp_path_factory):
    folder = tmp_path_factory.mktemp("wire")
    for name, text in READOUTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return extract([folder], progress=False)


def test_wire_versions_pair_across_files_and_dates_come_from_the_lede(tables):
    ev = tables.events.set_index("date")
    assert sorted(ev.index) == ["2021-07-17", "2022-12-01", "2023-03-15"]
    call = ev.loc["2021-07-17"]
    assert call.zh_article_id.startswith("zh_wire") and call.en_article_id.startswith("en_wire")
    assert (call.event_type, call.counterpart_country) == ("phone_call", "PAK")
    assert (call.counterpart_en, call.counterpart_zh) == ("Sheikh Rasheed Ahmad", "拉希德")


def test_furniture_is_metadata_not_text(tables):
    en = tables.articles.set_index("article_id").loc["en_wire:1"]
    assert en.title == "China, Pakistan vow to boost law enforcement cooperation"
    assert "Updated: 2021-07-18" in en.metadata and "[Photo/Xinhua]" in en.metadata
    assert not en.text.startswith("BEIJING") and "[Photo/Xinhua]" not in en.text


def test_video_talks_and_simplified_meeting(tables):
    ev = tables.events.set_index("date")
    video = ev.loc["2022-12-01"]
    assert (video.event_type, video.counterpart_en, video.counterpart_country) == (
        "video_conference", "Vladimir Kolokoltsev", "RUS")
    meeting = ev.loc["2023-03-15"]
    assert (meeting.event_type, meeting.principal_zh, meeting.counterpart_zh, meeting.counterpart_country) == (
        "meeting", "王小洪", "维莱·拉坎丰", "LAO")
    assert meeting.principal_role_en == "Minister of Public Security"  # from the gazetteer, by date
    assert list(tables.attendees.name_zh) == ["许甘露"]


def test_names_missing_from_the_gazetteer_are_listed(tables):
    messages = tables.diagnostics[tables.diagnostics.code == "not_in_gazetteer"].message
    assert messages.str.contains("维莱·拉坎丰").any() and messages.str.contains("Vladimir Kolokoltsev").any()
