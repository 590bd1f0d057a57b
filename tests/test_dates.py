"""Dates (`analysis.dates`): each written form in both languages, the lede's date before the body's,
weekdays and days alone read against a dateline, years from stamps and from the text."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.dates import (PartialDate, article_date, engagement_date, find_dates,
                            furniture_reference, relative_date, year_from_stamps)


def ymd(dates) -> list[tuple]:
    return [(d.year, d.month, d.day) for d in dates]


# ---------------------------------------------------------------------------------------------
# find_dates: every written form
# ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("2021年7月17日", (2021, 7, 17)),
    ("2021 年 7 月 17 號", (2021, 7, 17)),  # spaces, the Traditional 號
    ("7月28日", (None, 7, 28)),
    ("7月28号", (None, 7, 28)),
    ("12月1日", (None, 12, 1)),
    ("2016-2-5", (2016, 2, 5)),  # ISO forms are read in Chinese text too
    ("2016/11/11", (2016, 11, 11)),
    ("17.05.2018 12:12", (2018, 5, 17)),  # a stamp: day first
])
def test_a_chinese_written_date_is_read(text, expected):
    assert ymd(find_dates("发布时间：" + text + "。", "zh")) == [expected]


@pytest.mark.parametrize("text, expected", [
    ("June 25, 2021", (2021, 6, 25)),
    ("December 1,2020", (2020, 12, 1)),
    ("On September 15", (None, 9, 15)),
    ("on Dec 1", (None, 12, 1)),
    ("on Dec. 1", (None, 12, 1)),
    ("Sept. 8, 2024", (2024, 9, 8)),
    ("sept 8", (None, 9, 8)),
    ("JULY 4", (None, 7, 4)),  # any case
    ("June 1st", (None, 6, 1)),
    ("May 2nd, 2019", (2019, 5, 2)),
    ("April 3rd", (None, 4, 3)),
    ("March 24th", (None, 3, 24)),
    ("15 September 2021", (2021, 9, 15)),
    ("15 Sept, 2021", (2021, 9, 15)),
    ("1 Jan", (None, 1, 1)),
    ("2021-07-17", (2021, 7, 17)),
    ("2016/11/11", (2016, 11, 11)),
    ("17.05.2018", (2018, 5, 17)),
    ("oct 31", (None, 10, 31)),
    ("Nov 30", (None, 11, 30)),
    ("Aug 2", (None, 8, 2)),
    ("Feb 28", (None, 2, 28)),
])
def test_an_english_written_date_is_read(text, expected):
    assert ymd(find_dates("They met " + text + " in Beijing.", "en")) == [expected]


def test_the_text_of_a_date_is_what_is_written():
    assert [d.text for d in find_dates("on June 25, 2021 and 2021年7月17日", "en")] == ["June 25, 2021"]
    assert [d.text for d in find_dates("于2021年7月17日和17.05.2018", "zh")] == ["2021年7月17日", "17.05.2018"]
    assert [d.text for d in find_dates("on Dec. 1st and 15 Sept, 2021", "en")] == ["Dec. 1st", "15 Sept, 2021"]


def test_english_forms_written_in_words_are_not_read_in_chinese_text():
    assert find_dates("June 25, 2021 and 15 June", "zh") == []


def test_a_month_out_of_range_is_no_date():
    assert find_dates("2021-13-01 and 2021-00-05", "en") == []
    assert find_dates("13月1日", "zh") == []
    assert ymd(find_dates("2021-13-01 then 2021-12-01", "zh")) == [(2021, 12, 1)]


def test_a_year_outside_1900_to_2099_is_no_year():
    assert ymd(find_dates("June 25, 2150", "en")) == [(None, 6, 25)]
    assert ymd(find_dates("1850年6月25日", "zh")) == [(None, 6, 25)]
    assert ymd(find_dates("June 25, 1999", "en")) == [(1999, 6, 25)]


def test_dates_are_listed_in_the_order_written_whatever_form_found_them():
    text = "2021-07-17, 3 August 2021, then 17.05.2018, and on June 25"
    assert ymd(find_dates(text, "en")) == [(2021, 7, 17), (2021, 8, 3), (2018, 5, 17), (None, 6, 25)]
    assert ymd(find_dates("17.05.2018、2021-07-17、6月25日", "zh")) == [(2018, 5, 17), (2021, 7, 17), (None, 6, 25)]


def test_a_date_starting_inside_another_is_not_read_again():
    # `June 15` is read first; `15 July` starts inside it.
    assert [d.text for d in find_dates("June 15 July", "en")] == ["June 15"]
    # A date starting just after another one ends is read.
    assert [d.text for d in find_dates("June 15 1 July", "en")] == ["June 15", "1 July"]
    # The form goes on after a match it skips.
    assert [d.text for d in find_dates("June 15 July and 3 August", "en")] == ["June 15", "3 August"]


def test_digits_glued_to_others_are_no_date():
    assert find_dates("1.17.05.2018", "en") == []
    assert find_dates("x15 June", "en") == []
    assert find_dates("Junes 5", "en") == []


# Every form, for generated days: the forms of one language, and the forms of both in Chinese text.
EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December"]
EN_FORMS = [
    lambda d: f"{EN_MONTHS[d.month - 1]} {d.day}, {d.year}",
    lambda d: f"{EN_MONTHS[d.month - 1][:3]}. {d.day},{d.year}",
    lambda d: f"{d.day} {EN_MONTHS[d.month - 1]} {d.year}",
    lambda d: d.isoformat(),
    lambda d: f"{d.year}/{d.month}/{d.day}",
    lambda d: f"{d.day:02d}.{d.month:02d}.{d.year}",
]
ZH_FORMS = [
    lambda d: f"{d.year}年{d.month}月{d.day}日",
    lambda d: f"{d.year} 年 {d.month} 月 {d.day} 號",
    lambda d: d.isoformat(),
    lambda d: f"{d.day:02d}.{d.month:02d}.{d.year}",
]


@settings(max_examples=200, deadline=None)
@given(day=st.dates(dt.date(1990, 1, 1), dt.date(2039, 12, 31)), data=st.data())
def test_a_generated_date_is_read_in_every_form(day, data):
    lang = data.draw(st.sampled_from(["en", "zh"]))
    form = data.draw(st.sampled_from(EN_FORMS if lang == "en" else ZH_FORMS))
    found = find_dates(f"({form(day)})", lang)
    assert ymd(found) == [(day.year, day.month, day.day)]
    assert found[0].valid and found[0].with_year(day.year) == day


@settings(max_examples=100, deadline=None)
@given(day=st.dates(dt.date(2000, 1, 1), dt.date(2000, 12, 31)))
def test_a_generated_date_without_its_year_is_read_without_one(day):
    assert ymd(find_dates(f"于{day.month}月{day.day}日会见", "zh")) == [(None, day.month, day.day)]
    assert ymd(find_dates(f"met on {EN_MONTHS[day.month - 1]} {day.day}.", "en")) == [(None, day.month, day.day)]


# ---------------------------------------------------------------------------------------------
# PartialDate
# ---------------------------------------------------------------------------------------------

def test_a_day_that_exists_in_no_year_is_invalid_and_29_february_without_a_year_is_valid():
    assert not PartialDate(None, 2, 30, "2月30日").valid
    assert not PartialDate(2021, 4, 31, "").valid
    assert PartialDate(None, 2, 29, "2月29日").valid
    assert not PartialDate(2021, 2, 29, "").valid
    assert PartialDate(2020, 2, 29, "").valid


def test_a_date_given_a_year():
    assert PartialDate(None, 2, 29, "").with_year(2020) == dt.date(2020, 2, 29)
    assert PartialDate(None, 2, 29, "").with_year(2021) is None
    assert PartialDate(2019, 7, 17, "").with_year(2021) == dt.date(2021, 7, 17)


# ---------------------------------------------------------------------------------------------
# article_date: the lede first, then the furniture, then the second paragraph
# ---------------------------------------------------------------------------------------------

def test_the_first_date_of_the_lede_is_the_articles():
    paragraphs = ["Zhao met Rasheed on July 17, after their call of June 25.", "On May 3, 2019 they met."]
    assert article_date(paragraphs, ["BEIJING, July 18 (Xinhua)"], "en") == PartialDate(None, 7, 17, "July 17")


def test_without_a_date_in_the_lede_the_dateline_dates_the_article_not_the_body():
    paragraphs = ["Zhao met Rasheed in Beijing.", "They recalled their talks of June 25, 2019."]
    assert article_date(paragraphs, ["BEIJING, July 18 (Xinhua)"], "en") == PartialDate(None, 7, 18, "July 18")


def test_without_a_date_in_the_lede_nor_furniture_the_second_paragraph_dates_the_article():
    paragraphs = ["Zhao met Rasheed in Beijing.", "The talks on June 25, 2019 went well.", "On May 3, 2018."]
    assert article_date(paragraphs, [], "en") == PartialDate(2019, 6, 25, "June 25, 2019")
    assert article_date(["王小洪会见维莱。", "双方于2019年6月25日签署。"], [], "zh") == PartialDate(2019, 6, 25, "2019年6月25日")
    assert article_date(["Zhao met Rasheed.", "No date here.", "On May 3, 2018."], [], "en") is None
    assert article_date([], [], "en") is None
    assert article_date([], ["新华社北京7月18日电"], "zh") == PartialDate(None, 7, 18, "7月18日")


def test_a_weekday_of_the_lede_is_read_against_the_dateline():
    date = article_date(["Wang met Kolokoltsev on Tuesday."], ["BEIJING, Dec. 5 (Xinhua)", "Updated: 2023-12-06"], "en")
    assert (date.year, date.month, date.day, date.text, date.year_from) == (2023, 12, 5, "Tuesday", "stamp")


def test_a_day_alone_of_the_lede_takes_the_datelines_month():
    date = article_date(["王小洪17日在京会见维莱。"], ["新华社北京7月18日电"], "zh")
    assert (date.year, date.month, date.day, date.text) == (None, 7, 17, "17日")


# ---------------------------------------------------------------------------------------------
# furniture_reference and year_from_stamps
# ---------------------------------------------------------------------------------------------

def test_the_datelines_date_takes_the_year_of_a_later_stamp():
    date = furniture_reference(["BEIJING, Dec. 5 (Xinhua)", "Updated: 2023-12-06 08:00"], "en")
    assert (date.year, date.month, date.day, date.text, date.year_from) == (2023, 12, 5, "Dec. 5", "stamp")
    # A day after the stamp's: the year before (reported in January).
    date = furniture_reference(["BEIJING, Dec. 30 (Xinhua)", "Updated: 2024-01-02 08:00"], "en")
    assert (date.year, date.month, date.day) == (2023, 12, 30)


def test_the_first_furniture_date_with_a_year_is_kept_as_it_is():
    date = furniture_reference(["BEIJING, Dec. 5, 2022 (Xinhua)", "Updated: 2023-12-06"], "en")
    assert (date.year, date.month, date.day, date.year_from) == (2022, 12, 5, "")
    assert furniture_reference(["BEIJING (Xinhua)"], "en") is None
    assert furniture_reference([], "zh") is None


def test_a_furniture_date_that_exists_in_no_year_is_passed_over_for_a_valid_one():
    date = furniture_reference(["新华社北京2月30日电", "2021年3月1日"], "zh")
    assert (date.year, date.month, date.day) == (2021, 3, 1)
    # When every one is invalid, the first is kept (and said invalid later).
    date = furniture_reference(["新华社北京2月30日电", "2月31日"], "zh")
    assert (date.month, date.day, date.valid) == (2, 30, False)


def test_a_yearless_dateline_without_any_stamp_year_stays_yearless():
    date = furniture_reference(["新华社北京7月18日电", "7月19日"], "zh")
    assert (date.year, date.month, date.day, date.year_from) == (None, 7, 18, "")


@pytest.mark.parametrize("month, day, expected", [(12, 30, 2023), (1, 2, 2024), (1, 1, 2024), (1, 3, 2023)])
def test_the_year_of_a_day_reported_on_a_stamp_is_the_stamps_or_the_one_before(month, day, expected):
    assert year_from_stamps(PartialDate(None, month, day, ""), [PartialDate(2024, 1, 2, "")]) == expected


def test_the_first_stamp_with_a_year_gives_it():
    stamps = [PartialDate(None, 1, 1, ""), PartialDate(2021, 7, 20, ""), PartialDate(2019, 7, 20, "")]
    assert year_from_stamps(PartialDate(None, 7, 17, ""), stamps) == 2021
    assert year_from_stamps(PartialDate(None, 7, 17, ""), stamps[:1]) is None
    assert year_from_stamps(PartialDate(None, 7, 17, ""), []) is None


# ---------------------------------------------------------------------------------------------
# relative_date: weekdays and days alone
# ---------------------------------------------------------------------------------------------

SUNDAY = PartialDate(2024, 9, 8, "Sept. 8")  # a Sunday


@pytest.mark.parametrize("weekday, day", [("Sunday", 8), ("Saturday", 7), ("Friday", 6), ("Thursday", 5),
                                          ("Wednesday", 4), ("Tuesday", 3), ("Monday", 2)])
def test_an_english_weekday_is_the_latest_such_day_not_after_the_reference(weekday, day):
    date = relative_date(f"They held talks on {weekday} in Astana.", SUNDAY, "en")
    assert (date.year, date.month, date.day, date.text, date.year_from) == (2024, 9, day, weekday, "stamp")


@pytest.mark.parametrize("text, day", [("周日", 8), ("星期天", 8), ("星期六", 7), ("禮拜一", 2), ("礼拜三", 4),
                                       ("周二", 3), ("周四", 5), ("周五", 6)])
def test_a_chinese_weekday_is_the_latest_such_day_not_after_the_reference(text, day):
    date = relative_date(f"王小洪{text}会见", SUNDAY, "zh")
    assert (date.year, date.month, date.day, date.text, date.year_from) == (2024, 9, day, text, "stamp")


def test_a_weekday_crosses_into_the_month_and_year_before():
    date = relative_date("met on Friday", PartialDate(2024, 1, 2, ""), "en")  # a Tuesday
    assert (date.year, date.month, date.day) == (2023, 12, 29)


def test_a_weekday_without_a_reference_year_is_not_resolved():
    assert relative_date("met on Friday", PartialDate(None, 9, 8, ""), "en") is None
    assert relative_date("周五会见", PartialDate(None, 9, 8, ""), "zh") is None


def test_a_lowercase_weekday_is_no_weekday():
    assert relative_date("a friday meeting", SUNDAY, "en") is None


def test_english_text_has_no_days_alone_and_chinese_no_english_weekdays():
    assert relative_date("met on the 17日", SUNDAY, "en") is None
    assert relative_date("Monday 会见", SUNDAY, "zh") is None


@pytest.mark.parametrize("text, reference, expected", [
    ("王小洪17日会见", PartialDate(2021, 7, 18, ""), (2021, 7, 17, "17日", "stamp")),
    ("王小洪18日会见", PartialDate(2021, 7, 18, ""), (2021, 7, 18, "18日", "stamp")),  # the reference's own day
    ("王小洪30日会见", PartialDate(2021, 8, 2, ""), (2021, 7, 30, "30日", "stamp")),  # the month before
    ("王小洪30日会见", PartialDate(2022, 2, 2, ""), (2022, 1, 30, "30日", "stamp")),  # January, of the same year
    ("王小洪30号会见", PartialDate(2022, 1, 2, ""), (2021, 12, 30, "30号", "stamp")),  # ... and the year before
    ("王小洪30日会见", PartialDate(None, 1, 2, ""), (None, 12, 30, "30日", "")),  # no year to give
    ("王小洪 5 號会见", PartialDate(None, 3, 9, ""), (None, 3, 5, "5 號", "")),
])
def test_a_chinese_day_alone_takes_the_references_month_or_the_one_before(text, reference, expected):
    date = relative_date(text, reference, "zh")
    assert (date.year, date.month, date.day, date.text, date.year_from) == expected


def test_a_full_date_or_a_dateline_is_no_day_alone():
    reference = PartialDate(2021, 7, 18, "")
    assert relative_date("新华社北京18日电", reference, "zh") is None
    assert relative_date("于7月17日", reference, "zh") is None
    assert relative_date("于2021年17日", reference, "zh") is None
    assert relative_date("于117日", reference, "zh") is None


# ---------------------------------------------------------------------------------------------
# engagement_date: an engagement told in its own paragraph
# ---------------------------------------------------------------------------------------------

def test_an_engagement_without_its_own_paragraph_or_article_date_has_the_articles_date():
    assert engagement_date("2023-09-05", [], "2023-09-01") == "2023-09-05"
    assert engagement_date("", ["7日,王小洪会见"], "2023-09-01") == ""
    assert engagement_date("2023-09-05", ["Wang met Li in Astana."], "2023-09-01") == "2023-09-05"
    assert engagement_date("2023-09-05", ["王小洪会见李"], "2023-09-01") == "2023-09-05"


@pytest.mark.parametrize("text", ["同日,王小洪会见", "同一天,王小洪会见", "当天,王小洪会见", "當天,王小洪會見", "当日,王小洪会见",
                                  "On the same day, Wang met Li"])
def test_the_same_day_keeps_the_previous_engagements_date(text):
    assert engagement_date("2023-09-05", [text, "On July 3, 2019"], "2023-09-07") == "2023-09-07"


def test_the_same_day_is_looked_for_at_the_paragraphs_start_only():
    assert engagement_date("2023-09-05", ["x" * 30 + "the same day"], "2023-09-07") == "2023-09-05"
    assert engagement_date("2023-09-05", ["x" * 18 + "the same day"], "2023-09-07") == "2023-09-07"
    assert engagement_date("2023-09-05", ["x" * 19 + "the same day"], "2023-09-07") == "2023-09-05"


def test_a_date_the_paragraph_writes_is_the_engagements_with_the_articles_year_if_it_has_none():
    assert engagement_date("2023-09-05", ["On July 3, Wang met Li."], "") == "2023-07-03"
    assert engagement_date("2023-09-05", ["On July 3, 2019, Wang met Li."], "") == "2019-07-03"
    assert engagement_date("2023-09-05", ["9月7日,王小洪会见", "9月9日"], "") == "2023-09-07"  # the first paragraph
    assert engagement_date("--09-05", ["On July 3, Wang met Li."], "") == "--07-03"
    # A day that the year does not have: the article's date.
    assert engagement_date("2023-09-05", ["On February 29, Wang met Li."], "") == "2023-09-05"
    assert engagement_date("2024-09-05", ["On February 29, Wang met Li."], "") == "2024-02-29"


def test_a_weekday_of_the_paragraph_is_read_against_the_articles_date():
    assert engagement_date("2019-10-15", ["On Monday, Meng met with Jürgen Stock."], "") == "2019-10-14"
    assert engagement_date("2023-09-05", ["周日,王小洪会见"], "") == "2023-09-03"
    assert engagement_date("2024-01-02", ["On Friday, Meng met Stock."], "") == "2023-12-29"  # into the year before
    # Without the article's year, no weekday can be placed.
    assert engagement_date("--10-15", ["On Monday, Meng met with Jürgen Stock."], "") == "--10-15"
    # ... nor one written after the paragraph's first 40 characters.
    assert engagement_date("2019-10-15", ["x" * 33 + " Monday"], "") == "2019-10-14"  # ends at the 40th
    assert engagement_date("2019-10-15", ["x" * 34 + " Monday"], "") == "2019-10-15"


def test_a_chinese_day_alone_after_the_articles_day_is_a_later_day_of_the_same_trip():
    assert engagement_date("2023-09-05", ["7日,王小洪在比什凯克会见"], "") == "2023-09-07"
    assert engagement_date("--09-05", ["7日,王小洪会见"], "") == "--09-07"
    assert engagement_date("2023-09-05", ["3日,王小洪会见"], "") == "2023-09-03"
    assert engagement_date("2023-09-05", ["5日,王小洪会见"], "") == "2023-09-05"


@pytest.mark.xfail(strict=True, reason="engagement_date moves a Chinese weekday resolved into the month before to "
                                       "that day number of the article's month (周三 on Saturday 2023-09-02 → "
                                       "2023-09-30, a Saturday): the 'later day of the same trip' rule of days "
                                       "alone is applied to weekdays too")
def test_a_chinese_weekday_is_a_day_of_that_weekday():
    date = dt.date.fromisoformat(engagement_date("2023-09-02", ["周三,王小洪会见"], ""))
    assert date.weekday() == 2
