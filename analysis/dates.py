"""Dates in both languages: `2021年7月17日`, `7月28日`, `On September 15`, `June 25, 2021`, `on Dec 1`.

An article's date is the first full or partial date of its lede (or dateline); a missing year is
inferred later (see `pair.infer_years`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

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
    re.compile(r"(?=[adfjmnos])\b" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?:\s*,\s*(?P<year>(?:19|20)\d{2})\b)?", re.I),
    # 15 September 2021 (`\d(?<!\w\d)` is `\b\d`, written to start with a class: 1.7 times faster)
    re.compile(r"(?P<day>\d(?<!\w\d)\d?)\s+" + _MONTH + r"(?:\s*,?\s*(?P<year>(?:19|20)\d{2})\b)?", re.I),
    # 2021-07-17
    re.compile(r"(?=[12])\b(?P<year>(?:19|20)\d{2})-(?P<month>\d{2})-(?P<day>\d{2})\b"),
]
ZH_DATE_RE = re.compile(r"(?=\d)(?:(?P<year>(?:19|20)\d{2})\s*年\s*)?(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*[日號号]")
# A year named in the text: `In June 2020`, `2020年`.
YEAR_CONTEXT_RE = re.compile(r"(?=[IiOoSs12])(?:\b(?:[Ii]n|[Oo]f|[Ss]ince)\s+(?:[A-Z][a-z]+\s+)?((?:19|20)\d{2})\b|((?:19|20)\d{2})\s*年)")


@dataclass(frozen=True)
class PartialDate:
    """A date as written: the year may be missing. `valid` is False for dates like 2月30日."""

    year: int | None
    month: int
    day: int
    text: str

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
        patterns = [ZH_DATE_RE, EN_DATE_RES[2]]
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


def lede_date(paragraphs: list[str], lang: str) -> PartialDate | None:
    """The date of the event: the first date in the first two paragraphs (dateline included)."""
    for paragraph in paragraphs[:2]:
        dates = find_dates(paragraph, lang)
        if dates:
            return dates[0]
    return None


def context_year(text: str) -> int | None:
    """The latest year the text names (`In June 2020, …`): an event is reported after what it recalls.

    >>> context_year("In June 2020, President Xi Jinping and President Emomali Rahmon held phone talks")
    2020
    """
    years = [int(a or b) for a, b in YEAR_CONTEXT_RE.findall(text)]
    return max(years) if years else None
