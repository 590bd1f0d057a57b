"""Stage 3, segment: split a file's repaired lines into articles, titles, credits and news-site furniture.

Each line ends up in exactly one place: an article's title or body, a credit or furniture entry of
an article, or a diagnostic (a title with no body, text before anything we can attach it to).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .dates import find_dates
from .diagnostics import Diagnostic
from .text import line_lang

# Whole-line credits: translator, editor, photographer, source.
CREDIT_LINE_RE = re.compile(
    r"^\s*[(（\[]\s*(?:(?:photo|photos|translated|edited|editor|source|reported|written|text)\b[^)）\]]*"
    r"|(?:責任編輯|责任编辑|編輯|编辑|圖|图|攝影|摄影|來源|来源|翻譯|翻译|譯|译)\s*[:：/／][^)）\]]*)[)）\]]\s*\.?\s*[■□]?\s*$",
    re.IGNORECASE,
)
# The same credits closing a body line: `... Xu Ganlu (Translated by Agnes).`, `...參加會議。(圖/滿博)`.
TRAILING_CREDIT_RE = re.compile(
    r"\s*[(（\[]\s*(?:(?:photo|photos|translated|edited|editor|source)\b[^()（）\[\]]*"
    r"|(?:責任編輯|责任编辑|編輯|编辑|圖|图|攝影|摄影|來源|来源)\s*[:：/／][^()（）\[\]]*)[)）\]]\s*\.?\s*[■□]?\s*$",
    re.IGNORECASE,
)
# A photo's caption between paragraphs, not a title: `Delegates in a joint photo`, `… (left) presents …`, `图为…`.
CAPTION_LINE_RE = re.compile(r"\b(?:[Pp]hotos?|[Pp]ictured|[Pp]oses?|[Pp]osing)\b|\((?:left|right|centre|center)\)|^(?:图为|圖為)")
CAPTION_PLACE_ZH_RE = re.compile(r"[(（][左右中][一二三四五六]?[)）]")
PHOTO_CREDIT_RE = re.compile(r"[(（\[]\s*(?:photo|圖|图|攝影|摄影)", re.IGNORECASE)
END_MARK_RE = re.compile(r"\s*[■□]\s*$")
CREDIT_TAIL = "".join(c for c in map(chr, range(0x3001)) if c.isspace()) + ".■□"  # what may follow its bracket
# News-site furniture: an `Updated: 2021-07-17 20:30 Xinhua` stamp, a photo caption, a by-line.
FURNITURE_RE = re.compile(
    r"^\s*(?:updated|published|source|editor|by)\s*:.*$"
    # a Chinese page's stamp, perhaps after the page's buttons (`放大字体  缩小字体 发布日期:2019-11-28`)
    r"|^[^:：。，,]{0,20}?(?:更新時間|更新时间|發佈時間|发布时间|發佈日期|发布日期|來源|来源)\s*[:：].*$"
    r"|^\s*(?:file )?photo\s*:.*$"
    r"|^\s*(?:last\s+(?:modified|updated)|posted|published|updated)\s+on.{0,60}$",  # `Last modified on Saturday, 04 November 2023`
    re.IGNORECASE,
)
# A photo caption ending with its credit (`… (Xinhua/Li Xueren)`, `… Photo credit: …`): searched
# only in a line holding one of CAPTION_WORDS.
CAPTION_RE = re.compile(r"[\[(](?:photo|xinhua|file photo)\s*/[^\])]*[\])]\s*$|\b(?:photo|image|picture) (?:credit|courtesy|source)\s*:",
                        re.IGNORECASE)
CAPTION_WORDS = ("photo", "xinhua", "image", "picture")
# A web page's sharing widgets: `Share on wechat`, `Use wechat to "scan" to share …`, `分享到：`.
WIDGET_RE = re.compile(r"\s*(?:share (?:on|to|this)\b|use wechat to\b|scan (?:the )?qr code\b|分享到|扫一扫|掃一掃)", re.IGNORECASE)
# A time of day in a stamp: `12:12`, `10:44:05`.
TIME_RE = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?")
STAMP_MAX_CHARS = 80
WIDGET_MAX_CHARS = 120
# A dateline opening an English wire story: `BEIJING —`, `BEIJING, July 17 (Xinhua) --`.
EN_DATELINE_RE = re.compile(r"^\s*([A-Z][A-Z .'-]{2,}(?:,\s*[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?(?=,))?(?:,\s*[A-Z][a-z]+\.?\s+\d{1,2})?"
                            r"(?:\s*\([A-Za-z]+\))?)\s*(?:—|–|--|-|:|\.\s*/[A-Z]+/\.)\s*")  # `NAY PYI TAW, Myanmar, Oct. 31 (Xinhua) --`, `MOSCOW, May 22. /TASS/.`
# A dateline opening a Chinese wire story: `新華社北京7月17日電`, `新华社伊斯兰堡7月17日电(记者 …)`,
# `法制网北京5月5日讯 记者蔡长春 `, after a page's label (`核心提示:`).
ZH_DATELINE_RE = re.compile(r"^\s*(?:[^\s，,。:：]{2,6}[:：])?((?:新華社|新华社|中新社|[^\s，,。(（]{1,6}(?:網|网|报|報|台))[^\s，,。]{0,12}?(?:[電电讯訊]|消息)"
                            r"(?:\s*[(（][^)）]{0,30}[)）]|\s+[记記]者[^\s，,。]{1,12}(?=\s))?"
                            # a Malaysian or Singaporean paper's: `(布城4日讯)`, `【吉隆坡4日讯】`
                            r"|[(（【][^\s，,。()（）【】]{1,8}?\d{1,2}日[讯訊电電][)）】])\s*")
# The attendee list that closes a readout (`…參加活動。`, `Also present were …`), and a lede that opens one.
CLOSING_RE = re.compile(r"(?:參加|参加|出席)(?:了)?(?:上述)?(?:活動|活动|會議|会议|會見|会见|會談|会谈|通話|通话|見面交流會|见面交流会)。\s*$"
                        r"|^\s*Also present\b|\battended the (?:event|meeting|activities|talks)\b", re.IGNORECASE)
LEDE_DATE_RE = re.compile(r"^\s*(?:(?:19|20)\d{2}年)?\d{1,2}月\d{1,2}日[,，]|^\s*On [A-Z][a-z]+\.? \d{1,2}(?:, ?\d{4})?,")
SENTENCE_END = "。！？；：，,.!?;:…"
MAX_TITLE_LINES = 3
WRAP_MAX_CHARS = 90  # hard-wrapped text (e-mail, wire feeds) breaks lines at 60-80 characters
MAX_TITLE_WORDS = 24
MAX_TITLE_CJK = 40


@dataclass
class Article:
    """One language version of one article, with the file lines it came from."""

    source_file: str
    lang: str
    line_start: int
    line_end: int = 0
    title_lines: list[tuple[int, str]] = field(default_factory=list)
    body: list[tuple[int, str]] = field(default_factory=list)  # (line, repaired text)
    body_raw: list[str] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)
    metadata: list[str] = field(default_factory=list)
    # Filled per file by `pipeline._process` (in parallel, cached), used by the corpus-wide
    # stages: pairing features, what the events stage reads, the topics stated.
    features: Any = None
    reading: Any = None
    topics: dict | None = None
    copy_key: str = ""  # what its copies share (`sources.text_key`)
    outlet: str | None = None  # the outlet it names (`sources.outlet`)

    @property
    def article_id(self) -> str:
        stem = self.source_file.replace("\\", "/").rsplit("/", 1)[-1].rsplit(".", 1)[0]
        return f"{stem}:{self.line_start}"

    @property
    def title(self) -> str:
        return join_title([text for _, text in self.title_lines], self.lang)

    @property
    def text(self) -> str:
        return "\n".join(text for _, text in self.body)


def join_title(lines: list[str], lang: str) -> str:
    """A title broken over lines, joined: `Urgent Phone Talks Between` + `China and Pakistan`.

    A Chinese headline and its sub-headline are joined with ` — ` when the first line is a complete
    headline (ends in a closing quote or a headline verb); a line broken mid-phrase is joined as is.

    >>> join_title(["趙克志同巴基斯坦內政部部長", "伊賈茲·沙阿通電話"], "zh")
    '趙克志同巴基斯坦內政部部長伊賈茲·沙阿通電話'
    >>> join_title(["“駐華使節走進公安部”活動舉行", "王小洪出席見面交流會并致辭"], "zh")
    '“駐華使節走進公安部”活動舉行 — 王小洪出席見面交流會并致辭'
    """
    if lang == "en":
        return " ".join(line.strip() for line in lines)
    out = lines[0].strip() if lines else ""
    for line in lines[1:]:
        complete = out.endswith(("”", "」", "》")) or out.endswith(HEADLINE_VERBS)
        out += (" — " if complete else "") + line.strip()
    return out


# Verbs that close a Chinese headline (Traditional and Simplified).
HEADLINE_VERBS = ("舉行", "举行", "召開", "召开", "致辭", "致辞", "通電話", "通电话", "會談", "会谈", "會見", "会见",
                  "會晤", "会晤", "簽署", "签署", "啟動", "启动", "開幕", "开幕", "閉幕", "闭幕", "出席", "訪華", "访华")


def strip_trailing_credit(text: str) -> tuple[str, str]:
    """Split a credit (or an end mark ■) off the end of a body line.

    >>> strip_trailing_credit("and Vice Minister Xu Ganlu (Translated by Agnes).")
    ('and Vice Minister Xu Ganlu.', '(Translated by Agnes)')
    >>> strip_trailing_credit("公安部部長助理陳思源參加會議。(圖/滿博)")
    ('公安部部長助理陳思源參加會議。', '(圖/滿博)')
    """
    credit = ""
    # A credit ends in a bracket (then maybe a full stop and an end mark): test that before the regex.
    match = TRAILING_CREDIT_RE.search(text) if text.rstrip(CREDIT_TAIL).endswith((")", "）", "]")) else None
    if match and match.start() > 0:
        credit = match.group(0).strip().rstrip("■□").strip()
        ends_sentence = credit.endswith(".") and not text[: match.start()].rstrip().endswith((".", "。"))
        credit = credit.rstrip(".").strip()
        text = text[: match.start()].rstrip() + ("." if ends_sentence else "")
    mark = END_MARK_RE.search(text) if text.rstrip().endswith(("■", "□")) else None
    if mark:
        text = text[: mark.start()]
        credit = (credit + " ■").strip()
    return text, credit


def is_title_candidate(text: str, lang: str) -> bool:
    """A short line without sentence-final punctuation, and no photo's caption: a title, or part of one."""
    stripped = text.strip().rstrip("”\"」| ")  # a page's separator after a caption: `… reception. |`
    if not stripped or stripped[-1] in SENTENCE_END or CAPTION_LINE_RE.search(stripped):
        return False
    if lang == "en":
        return len(stripped.split()) <= MAX_TITLE_WORDS and not stripped[0].islower()
    return len(stripped) <= MAX_TITLE_CJK


def classify(text: str, lang: str | None = None) -> str:
    """The kind of a line: blank, credit, furniture, zh or en (a line of neither script is furniture).
    `lang` is the line's language when already known."""
    stripped = text.strip()
    if not stripped:
        return "blank"
    # Each pattern is tried only on a line holding what it needs (a bracket first; a colon or a slash).
    if stripped[0] in "(（[" and CREDIT_LINE_RE.match(text) or stripped in ("■", "□"):
        return "credit"
    if (":" in text or "：" in text or "/" in text) and (FURNITURE_RE.match(text) or is_caption(text)) or is_stamp(stripped) \
            or len(stripped) <= WIDGET_MAX_CHARS and WIDGET_RE.match(stripped):
        return "furniture"
    return (line_lang(text) if lang is None else lang) or "furniture"


def is_caption(text: str) -> bool:
    """A photo caption with its credit: `Wang Xiaohong meets Vilay in Beijing. (Xinhua/Li Xueren)`."""
    lower = text.lower()
    return any(word in lower for word in CAPTION_WORDS) and bool(CAPTION_RE.search(text))


def is_stamp(text: str) -> bool:
    """A line that is a date stamp and little else: a page's time of publication.

    >>> is_stamp("(Xinhua) 10:44, May 27, 2021"), is_stamp("17.05.2018 12:12"), is_stamp("2021-11-02")
    (True, True, True)
    >>> is_stamp("On May 27, 2021, Zhao Kezhi met Mohsin Naqvi.")
    False
    """
    if len(text) > STAMP_MAX_CHARS or not any(c.isdigit() for c in text[:20]):
        return False
    dates = [d for d in find_dates(text, "en") + find_dates(text, "zh") if d.year]
    if not dates:
        return False
    rest = TIME_RE.sub(" ", text)
    for date in dates:
        rest = rest.replace(date.text, " ")
    words = re.findall(r"[A-Za-z]+", rest)
    # A sentence ends in a full stop; a stamp may carry a few words (`Xinhua, … Adjust font size:`).
    return (len(words) <= 6 and not text.rstrip().endswith((".", "。"))
            and sum(1 for c in rest if "\u4e00" <= c <= "\u9fff") <= 16)


def segment(source_file: str, lines: list[str], raw_lines: list[str],
            langs: list[str] | None = None) -> tuple[list[Article], list[Diagnostic]]:
    """Split one file's repaired `lines` (with their `raw_lines`, and each line's language when
    known) into articles.

    A new article starts at a title (one to three short lines followed by body text of the same
    language), where the language changes, after a credit, or at a dated lede (`7月28日,`, `On July 28,`)
    that follows an attendee list, which closes these readouts.
    """
    kinds = [classify(text, lang) for text, lang in zip(lines, langs or [None] * len(lines))]
    articles: list[Article] = []
    diagnostics: list[Diagnostic] = []
    pending: list[int] = []  # blank or furniture lines waiting for the next article
    current: Article | None = None

    def settle() -> None:
        """Blank and furniture lines so far go to the current article, or into diagnostics."""
        if current is not None:
            _attach_pending(current, pending, lines, kinds)
        else:
            diagnostics.extend(_no_article(source_file, j, lines) for j in pending)
        pending.clear()

    i = 0
    while i < len(lines):
        kind = kinds[i]
        if kind in ("blank", "furniture"):
            pending.append(i)
            i += 1
            continue
        if kind == "credit":
            if current is None:
                diagnostics.append(Diagnostic(source_file, i + 1, "warning", "orphan_credit",
                                              f"credit line before any article: {lines[i].strip()[:80]}"))
            else:
                current.credits.append(lines[i].strip())
                current.line_end = i + 1
            settle()
            i += 1
            continue
        wrapped = (current is not None and bool(current.body) and current.lang == kind and current.line_end == i
                   and is_wrapped(lines[i - 1], kind))
        title_end, title = (i, []) if wrapped else _title_block(lines, kinds, i)  # a wrapped line is no title
        if title and not _has_body_after(kinds, title_end, kind):
            settle()
            for j in range(i, title_end):
                diagnostics.append(Diagnostic(source_file, j + 1, "warning", "title_without_body",
                                              f"title with no article text after it: {lines[j].strip()[:80]}")
                                   if j in title else _no_article(source_file, j, lines))
            i = title_end
            continue
        if title and current is not None and current.body and current.lang == kind and _continues(lines, kinds, title_end):
            # a subheading (`携手打击跨境罪案`, then `与此同时,…`): the article goes on
            settle()
            for j in title:
                _add_body_line(current, j + 1, lines[j], raw_lines[j], False)
            i = title_end
            continue
        starts_new = (bool(title) or current is None or current.lang != kind or bool(current.credits)
                      or (bool(current.body) and LEDE_DATE_RE.match(lines[i]) and CLOSING_RE.search(current.body[-1][1])))
        if starts_new:
            current = Article(source_file, kind, i + 1)
            articles.append(current)
            _attach_pending(current, pending, lines, kinds, leading=True)
            pending.clear()
            current.title_lines = [(j + 1, lines[j].strip()) for j in title]
            current.line_end = title_end
            i = title_end
            continue
        settle()
        _add_body_line(current, i + 1, lines[i], raw_lines[i], wrapped)
        i += 1
    settle()
    return articles, diagnostics


def _no_article(source_file: str, j: int, lines: list[str]) -> Diagnostic:
    what = "blank line" if not lines[j].strip() else f"line belongs to no article: {lines[j].strip()[:80]}"
    return Diagnostic(source_file, j + 1, "info" if not lines[j].strip() else "warning", "no_article", what)


def _title_block(lines: list[str], kinds: list[str], i: int) -> tuple[int, list[int]]:
    """The title lines starting at i (at most three, blank lines between them allowed) and the end
    (exclusive) of the block; ([], i) when line i is not a title."""
    lang = kinds[i]
    title: list[int] = []
    j = i
    while j < len(lines) and len(title) < MAX_TITLE_LINES:
        if kinds[j] == "blank" and title:
            j += 1
            continue
        if kinds[j] != lang or not is_title_candidate(lines[j], lang):
            break
        title.append(j)
        j += 1
    end = title[-1] + 1 if title else i
    return end, title


# Words that open a paragraph going on from the one before: no article starts with them.
CONTINUES_RE = re.compile(r"\s*(?:与此同时|與此同時|此外|另外|同日|當天|当天|當日|当日|随后|隨後|会后|會後|次日)"
                          r"|\s*(?:Meanwhile|In addition|Additionally|On the same day|Later (?:that|the same) day)\b")


def _next_text(kinds: list[str], j: int) -> int:
    """The first line from j on that is neither blank nor furniture (len(kinds) when none is)."""
    while j < len(kinds) and kinds[j] in ("blank", "furniture"):
        j += 1
    return j


def _continues(lines: list[str], kinds: list[str], j: int) -> bool:
    """Whether the first text line from j on goes on from what came before (`与此同时,…`)."""
    j = _next_text(kinds, j)
    return j < len(kinds) and bool(CONTINUES_RE.match(lines[j]))


def _has_body_after(kinds: list[str], j: int, lang: str) -> bool:
    j = _next_text(kinds, j)
    return j < len(kinds) and kinds[j] == lang


def _attach_pending(article: Article, pending: list[int], lines: list[str], kinds: list[str], leading: bool = False) -> None:
    """Blank lines join the article's line span; furniture lines become its metadata."""
    for j in pending:
        if kinds[j] == "furniture":
            article.metadata.append(lines[j].strip())
        if leading:
            article.line_start = min(article.line_start, j + 1)
        article.line_end = max(article.line_end, j + 1)


def is_wrapped(line: str, lang: str) -> bool:
    """An English line of a hard-wrapped paragraph: short, and not the end of a sentence or a title.

    >>> is_wrapped("at a meeting with U.S. Secretary of Homeland Security Alejandro", "en")
    True
    >>> is_wrapped("Wang said the two sides should deepen cooperation.", "en")
    False
    """
    stripped = line.rstrip()
    return lang == "en" and 40 <= len(stripped) <= WRAP_MAX_CHARS and stripped[-1] not in ".!?;:…。！？；：\"”)]'"


def _add_body_line(article: Article, number: int, text: str, raw: str, wrapped: bool = False) -> None:
    """Add a line as a paragraph of the body, or, after a `wrapped` line, to the paragraph it continues."""
    text, credit = strip_trailing_credit(text)
    if credit and not article.body and not wrapped and PHOTO_CREDIT_RE.match(credit) and CAPTION_PLACE_ZH_RE.search(text):
        # a photo caption under the title, placing its people (`樑三光(左)與…王小洪(右)…`): the article goes on
        article.metadata.append(credit)
    elif credit:
        article.credits.append(credit)
    if not article.body:
        text = _strip_dateline(article, text)
    if wrapped:
        line, paragraph = article.body[-1]
        article.body[-1] = (line, f"{paragraph} {text.strip()}")
    else:
        article.body.append((number, text.strip()))
    article.body_raw.append(raw)
    article.line_end = number


def _strip_dateline(article: Article, text: str) -> str:
    """Move a wire dateline (`BEIJING —`, `新華社北京7月17日電`) from the first paragraph to metadata."""
    match = (EN_DATELINE_RE if article.lang == "en" else ZH_DATELINE_RE).match(text)
    if not match:
        return text
    article.metadata.append(match.group(1).strip())
    return text[match.end():]
