"""Regexes rewritten for speed (a first character class the engine can skip to, or a lookahead of
one) find what their plain forms find."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import dates, pair, repair
from analysis.names import surname_alternation

MONTH = dates._MONTH
PLAIN = [
    (pair.NUMBER_RE, r"\d+", 0),
    (pair.NAME_PAIR_RE, r"\b([A-Z][a-z]+)\s+(?=([A-Z][a-z]+)\b)", 0),
    (dates.EN_DATE_RES[0], r"\b" + MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?:\s*,\s*(?P<year>(?:19|20)\d{2})\b)?",
     re.I),
    (dates.EN_DATE_RES[1], r"\b(?P<day>\d{1,2})\s+" + MONTH + r"(?:\s*,?\s*(?P<year>(?:19|20)\d{2})\b)?", re.I),
    (dates.EN_DATE_RES[2], r"\b(?P<year>(?:19|20)\d{2})[-/](?P<month>\d{1,2})[-/](?P<day>\d{1,2})\b", 0),
    (dates.ZH_DATE_RE, r"(?:(?P<year>(?:19|20)\d{2})\s*年\s*)?(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*[日號号]", 0),
    (repair._POSSESSIVE_RE, r"\b([A-Z][A-Za-z]*|people)s\b(?= ([A-Za-z][A-Za-z-]*))", 0),
]
# Pieces of the texts these patterns read: words, numbers, dates, and the characters around them.
PIECES = ["Zhao", "Kezhi", "Xu", "ab", "Ministers", "people", "s", "June", "Sept.", "dec", "on", "In", "of", "since",
          "15", "2021", "07", "1", "-", "年", "月", "日", "７", "中", "é", " ", "  ", "\n", ",", ".", "'", "_"]
TEXT = st.lists(st.sampled_from(PIECES), max_size=24).map("".join)


@pytest.mark.parametrize("fast, plain, flags", PLAIN, ids=[p.pattern[:24] for p, _, _ in PLAIN])
@settings(max_examples=300, deadline=None)
@given(text=TEXT)
def test_fast_pattern_finds_what_the_plain_one_finds(fast, plain, flags, text):
    plain = re.compile(plain, flags)
    assert [(m.span(), m.groups()) for m in fast.finditer(text)] == [(m.span(), m.groups()) for m in plain.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(text=st.lists(st.sampled_from(["Zhao", "Zhang", "Zha", "Ke", "zhi", "Xu", "Li", "a", "é", " ", "-", "\n", "."]),
                     max_size=16).map("".join))
def test_surname_alternation_finds_what_the_plain_alternation_finds(text):
    surnames = ["Zhao", "Zhang", "Zha", "Xu", "Li", "li"]
    plain = re.compile(r"(?=[A-Z])\b(?:" + "|".join(sorted(surnames, key=len, reverse=True)) + r")\s+[A-Z][a-z]+\b")
    fast = re.compile(surname_alternation(surnames) + r"\s+[A-Z][a-z]+\b")
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
