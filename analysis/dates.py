"""Dates in both languages: `2021年7月17日`, `7月28日`, `On September 15`, `June 25, 2021`, `on Dec 1`,
`17.05.2018 12:12`, weekdays (`on Tuesday`, `周三`) and days alone (`17日`) read against a dateline.

An article's date is the first date of its lede; else a weekday or a day of the lede resolved
against the dateline or stamp; else the dateline or stamp itself (see `article_date`). A missing
year is inferred later, from the article's own stamps or its issue (see `pair.date_pairs`). An
engagement told in its own paragraph takes its date from there (see `engagement_date`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

MONTHS = {
    name: number
    for number, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
         ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"),
         ("november", "nov"), ("december", "dec")], 1)
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
EN_DATE_RES = [
    # June 25, 2021 / December 1,2020 / On September 15 / on Dec 1 (a lookahead of what a match
    # starts with lets the regex engine skip ahead: three times faster here, twice in the ISO and
    # Chinese patterns)
    # (a span of days, `May 21-22, 2018`, `August 20 to 22, 2023`, is its first day)
    re.compile(r"(?=[adfjmnos])\b" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?:\s*(?:[-–]|to|through)\s*\d{1,2}\b)?"
               r"(?:\s*,\s*(?P<year>(?:19|20)\d{2})\b)?", re.I),
    # 15 September 2021, 21-22 May 2018, 20 to 22 August 2023 (`\d(?<!\w\d)` is `\b\d`, written to start with a class: 1.7 times faster)
    re.compile(r"(?P<day>\d(?<!\w\d)\d?)(?:st|nd|rd|th)?(?:\s*(?:[-–]|to|through)\s*\d{1,2})?\s+" + _MONTH + r"(?:\s*,?\s*(?P<year>(?:19|20)\d{2})\b)?", re.I),
    # 2021-07-17, 2016-2-5, 2016/11/11
    re.compile(r"(?=[12])\b(?P<year>(?:19|20)\d{2})[-/](?P<month>\d{1,2})[-/](?P<day>\d{1,2})\b"),
    # 17.05.2018 (a stamp: day first, then month)
    re.compile(r"(?=\d)(?<![\d.])(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>(?:19|20)\d{2})\b"),
]
WEEKDAYS_EN = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
WEEKDAY_EN_RE = re.compile(r"(?=[MTWFS])\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
WEEKDAY_ZH_RE = re.compile(r"(?:周|星期|禮拜|礼拜)([一二三四五六日天])")
WEEKDAYS_ZH = "一二三四五六日"
# A day of the month alone, `17日` (not `7月17日`, not the `电` of a dateline).
DAY_ZH_RE = re.compile(r"(?=\d)(?<![\d月年])(\d{1,2})\s*[日号號](?![电電])")
ZH_DATE_RE = re.compile(r"(?=\d)(?:(?P<year>(?:19|20)\d{2})\s*年\s*)?(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*[日號号]")
# A lede that places its engagement some days before the report, on no day it names.
VAGUE_TIME_RE = {"zh": re.compile(r"(?<![今昨明当當节節生周週\d])日前(?![往来來])|近日|前不久|近期"),  # not `今日前往`
                 "en": re.compile(r"\b(?:recently|earlier this (?:week|month)|last week|the other day|days ago)\b", re.I)}


@dataclass(frozen=True)
class PartialDate:
    """A date as written: the year may be missing. `valid` is False for dates like 2月30日."""

    year: int | None
    month: int
    day: int
    text: str
    # Where the year came from when the date's own text has none: 'stamp' (the article's dateline,
    # caption or time stamp).
    year_from: str = field(default="", repr=False, compare=False)

    @property
    def valid(self) -> bool:
        try:
            dt.date(self.year or 2000, self.month, self.day)  # 2000 is a leap year: 2月29日 stays valid
            return True
        except ValueError:
            return False

    def with_year(self, year: int) -> dt.date | None:
        try:
            return dt.date(year, self.month, self.day)
        except ValueError:
            return None


def find_dates(text: str, lang: str) -> list[PartialDate]:
    """All dates written in `text`, in order.

    >>> [(d.year, d.month, d.day) for d in find_dates("2021年7月17日,…6月25日", "zh")]
    [(2021, 7, 17), (None, 6, 25)]
    >>> [(d.year, d.month, d.day) for d in find_dates("on June 25, 2021 and on Dec 1,2020", "en")]
    [(2021, 6, 25), (2020, 12, 1)]
    """
    found: list[tuple[int, PartialDate]] = []
    if lang == "zh":
        patterns = [ZH_DATE_RE, EN_DATE_RES[2], EN_DATE_RES[3]]
    else:
        patterns = EN_DATE_RES
    taken: list[range] = []
    for pattern in patterns:
        for m in pattern.finditer(text):
            if any(m.start() in span for span in taken):
                continue
            month = m.group("month")
            month_number = int(month) if month.isdigit() else MONTHS[month.lower().rstrip(".")]
            year = m.group("year")
            if not 1 <= month_number <= 12:
                continue
            found.append((m.start(), PartialDate(int(year) if year else None, month_number, int(m.group("day")), m.group(0))))
            taken.append(range(m.start(), m.end()))
    return [date for _, date in sorted(found, key=lambda item: item[0])]


def article_date(paragraphs: list[str], furniture: list[str], lang: str, before: list[str] = ()) -> PartialDate | None:
    """The date of the engagement an article reports.

    In order: the first date of the lede (`paragraphs[0]`); a weekday (`on Tuesday`) or a day
    alone (`17日`) of the lede, read against the dateline or stamp (`furniture`, dateline first);
    the dateline or stamp's own date, unless the lede places the engagement some days before
    (`日前`, `earlier this week`: no date); the first date of the paragraphs `before` the lede (a
    caption, an opening sentence: `The 13th meeting … was held in Beijing on 21-22 May 2018.`),
    then of the paragraph after it. A date the body recalls (`President Xi … had a phone call on
    April 29`) is never reached while the lede or the furniture gives one.

    >>> article_date(["Wang Xiaohong met Kolokoltsev on Tuesday."], ["BEIJING, Dec. 5 (Xinhua)", "2023-12-06"], "en")
    PartialDate(year=2023, month=12, day=5, text='Tuesday')
    >>> article_date(["王小洪17日在京会见维莱。"], ["新华社北京7月18日电"], "zh")
    PartialDate(year=None, month=7, day=17, text='17日')
    """
    lede = paragraphs[0] if paragraphs else ""
    dates = find_dates(lede, lang)
    if dates:
        return dates[0]
    if VAGUE_TIME_RE[lang].search(lede):  # `日前`, `earlier this week`: a day before the report, not known
        return None
    reference = furniture_reference(furniture, lang)
    if reference is not None:
        relative = relative_date(lede, reference, lang)
        return relative or reference
    # a day alone (`20日`) with no dateline: the month of a later paragraph's date of that day (`8月20日`)
    day = DAY_ZH_RE.search(lede) if lang == "zh" else None
    if day:
        same_day = next((d for paragraph in paragraphs[1:] for d in find_dates(paragraph, lang) if d.day == int(day.group(1))), None)
        if same_day:
            return same_day
    for paragraph in [*before, *paragraphs[1:2]]:
        dates = find_dates(paragraph, lang)
        if dates:
            return dates[0]
    return None


def furniture_dates(furniture: list[str], lang: str) -> list[PartialDate]:
    """The dates of an article's datelines, captions and stamps, in order; a stamp may be in the
    page's other language (`Last modified on Saturday, 04 November 2023` on a Chinese page)."""
    other = "en" if lang == "zh" else "zh"
    return [d for item in furniture for d in (find_dates(item, lang) or find_dates(item, other))]


def furniture_reference(furniture: list[str], lang: str) -> PartialDate | None:
    """The date of the furniture (datelines and captions first, then stamps), with the year of
    any of them when the first has none: `BEIJING, Dec. 5` + `Updated: 2023-12-06` → 2023-12-05."""
    dates = furniture_dates(furniture, lang)
    dates = [d for d in dates if d.valid] or dates
    if not dates:
        return None
    first = dates[0]
    if first.year is None:
        year = year_from_stamps(first, dates[1:])
        if year:
            return PartialDate(year, first.month, first.day, first.text, "stamp")
    return first


def year_from_stamps(date: PartialDate, stamps: list[PartialDate]) -> int | None:
    """The year of a month and day reported on `stamps`: the stamp's year, or the one before when
    the day falls after the stamp (a December meeting reported in January).

    >>> year_from_stamps(PartialDate(None, 12, 30, ""), [PartialDate(2024, 1, 2, "")])
    2023
    """
    stamp = next((s for s in stamps if s.year), None)
    if stamp is None:
        return None
    return stamp.year - 1 if (date.month, date.day) > (stamp.month, stamp.day) else stamp.year


def relative_date(text: str, reference: PartialDate, lang: str) -> PartialDate | None:
    """A weekday or a day of the month in `text`, made a date by the `reference` it is reported
    on: the latest such day not after the reference.

    >>> relative_date("held talks on Sunday", PartialDate(2024, 9, 8, "Sept. 8"), "en")
    PartialDate(year=2024, month=9, day=8, text='Sunday')
    >>> relative_date("会见30日", PartialDate(None, 8, 2, "8月2日"), "zh")
    PartialDate(year=None, month=7, day=30, text='30日')
    """
    if lang == "en":
        m = WEEKDAY_EN_RE.search(text)
        weekday = WEEKDAYS_EN.index(m.group(1).lower()) if m else None
    else:
        m = WEEKDAY_ZH_RE.search(text)
        weekday = WEEKDAYS_ZH.index(m.group(1).replace("天", "日")) if m else None
    if m and reference.year:
        day = dt.date(reference.year, reference.month, reference.day)
        day -= dt.timedelta(days=(day.weekday() - weekday) % 7)
        return PartialDate(day.year, day.month, day.day, m.group(0), "stamp")
    if lang != "zh":
        return None
    m = DAY_ZH_RE.search(text)
    if not m:
        return None
    number = int(m.group(1))
    month, year = reference.month, reference.year
    if number > reference.day:  # reported in the next month
        month, year = (month - 1, year) if month > 1 else (12, year - 1 if year else None)
    return PartialDate(year, month, number, m.group(0), "stamp" if year else "")


# An engagement told as one of a trip's, on no day it names: `During the visit, …`, `访问期间,…`.
DURING_TRIP_RE = re.compile(r"\bDuring (?:the|his|her|their) (?:visit|trip|stay)\b|(?:访问|访华|在华|出访|訪問|訪華|出訪)期间|(?:訪問|訪華|在華|出訪)期間")


def engagement_date(article_date: str, paragraphs: list[str], previous: str) -> str:
    """The date of an engagement told in its own paragraph (`7日,王小洪在比什凯克会见…`, `On
    Monday, Meng met …`), read against the article's date (ISO, or `--MM-DD`); `同日` and `the same
    day` keep the `previous` engagement's date. Without a paragraph, the article's date.

    >>> engagement_date("2023-09-05", ["7日,王小洪在比什凯克会见尼亚兹别科夫"], "2023-09-05")
    '2023-09-07'
    >>> engagement_date("2019-10-15", ["On Monday, Meng met with Jürgen Stock."], "2019-10-15")
    '2019-10-14'
    """
    if not paragraphs or not article_date:
        return article_date
    text = paragraphs[0]
    if re.search(r"同日|同一天|当天|當天|当日|the same day", text[:30]):
        return previous
    lang = "zh" if re.search(r"[\u4e00-\u9fff]", text) else "en"
    year = int(article_date[:4]) if article_date[:1].isdigit() else None
    month, day = int(article_date[-5:-3]), int(article_date[-2:])
    dates = find_dates(text, lang)
    if dates:
        found = dates[0]
    else:
        found = relative_date(text[:40], PartialDate(year, month, day, article_date), lang)
        if found is None:
            # `During the visit, Wang co-chaired …`: a day of the trip, not said
            return "" if DURING_TRIP_RE.search(text[:40]) else article_date
        if lang == "zh" and (found.month, found.day) != (month, day) and found.day >= day:
            found = PartialDate(year, month, found.day, found.text)  # a later day of the same trip
    year = found.year or year
    if year is None:
        return f"--{found.month:02d}-{found.day:02d}"
    when = found.with_year(year)
    return when.isoformat() if when else article_date
