"""Small text helpers shared by the stages: script conversion and language of a line."""

from __future__ import annotations

import re
from functools import lru_cache

import opencc

CJK_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
LATIN_RE = re.compile(r"[A-Za-z\u00c0-\u024f]")


@lru_cache(maxsize=None)
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def to_simplified(text: str) -> str:
    """Traditional → Simplified with OpenCC: '國務委員趙克志' → '国务委员赵克志'."""
    return _converter("t2s").convert(text)


def to_traditional(text: str) -> str:
    """Simplified → Traditional with OpenCC: '国务委员赵克志' → '國務委員趙克志'."""
    return _converter("s2t").convert(text)


def line_lang(line: str) -> str:
    """The dominant script of a line: 'zh', 'en', or '' when it has neither.

    >>> line_lang("趙克志表示,中巴是全天候戰略合作伙伴。"), line_lang("Zhao said (CPEC)."), line_lang("■")
    ('zh', 'en', '')
    """
    cjk = len(CJK_RE.findall(line))
    latin = len(LATIN_RE.findall(line))
    if not cjk and not latin:
        return ""
    # A CJK character carries about as much text as a Latin word (~4 letters).
    return "zh" if cjk * 4 >= latin else "en"
