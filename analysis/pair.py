"""Stage 4, pair: match the Chinese and English versions of one article by content, and date them.

Versions are matched on what both say, not on where they stand: the date, Chinese names against
their pinyin (趙克志 ↔ Zhao Kezhi), countries, organisations and numbers. Pairs may cross files.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from .dates import PartialDate, article_date, furniture_dates, year_from_stamps
from .diagnostics import Diagnostic
from .gazetteer import Gazetteer
from .segment import Article, is_stamp
from .text import StringFinder, to_simplified, toneless_pinyin

MIN_PAIR_SCORE = 2.5
STAMP_RE = re.compile(r"^\s*[\w\u4e00-\u9fff ]{1,12}\s*[:：]")  # `Updated: …`, `发布时间：…`
CJK_RUN_RE = re.compile(r"[\u3400-\u9fff]+")
# A pattern that starts with a character class (or a lookahead of one) lets the regex engine skip
# to where a match can start: `\d\d*` is `\d+` twice as fast.
NUMBER_RE = re.compile(r"\d\d*")
# The second word is looked at, not taken: pairs overlap. `[A-Z](?<!\w[A-Z])` is `\b[A-Z]` (no word
# character before the capital) written so that the pattern starts with a class: 1.7 times faster.
NAME_PAIR_RE = re.compile(r"([A-Z](?<!\w[A-Z])[a-z]+)\s+(?=([A-Z][a-z]+)\b)")


@dataclass
class Features:
    """What an article says that its translation says too."""

    date: PartialDate | None
    names: set[str] = field(default_factory=set)  # English: 'zhaokezhi' for Zhao Kezhi
    pinyin: str = ""  # Chinese: the text in toneless pinyin, one run of characters per '|'
    countries: set[str] = field(default_factory=set)
    orgs: set[str] = field(default_factory=set)
    numbers: set[str] = field(default_factory=set)


@dataclass
class Pair:
    """One article in one or both languages: the unit an event is extracted from."""

    event_id: str
    zh: Article | None
    en: Article | None
    date: str = ""  # ISO; `--MM-DD` when no year could be found; empty when unknown
    year_inferred: bool = False
    year_source: str = ""  # where an inferred year came from: stamp or issue


class _PinyinTable(dict):
    """A `str.translate` table, filled on first need: a Chinese character → its toneless pinyin,
    any other character → a space."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        value = self[code] = toneless_pinyin(char)[0] if CJK_RUN_RE.match(char) else " "
        return value


_PINYIN_TABLE = _PinyinTable()


def zh_pinyin(text: str) -> str:
    """Chinese text as toneless pinyin, without spaces, runs of characters apart: where the English
    version's names can be looked for.

    >>> zh_pinyin("國務委員趙克志、許甘露")
    'guowuweiyuanzhaokezhi|xuganlu'
    """
    return "|".join(to_simplified(text).translate(_PINYIN_TABLE).split())


def en_name_keys(text: str) -> set[str]:
    """Lower-cased pairs of adjacent capitalised words: `Zhao Kezhi` → 'zhaokezhi'.

    >>> sorted(en_name_keys("Minister Zhao Kezhi met Xu"))
    ['ministerzhao', 'zhaokezhi']
    """
    return {(first + second).lower() for first, second in NAME_PAIR_RE.findall(text)}


def features(article: Article, gazetteer: Gazetteer) -> Features:
    # Names, places and numbers of the title, the lede and the closing attendee list.
    paragraphs = [text for _, text in article.body]
    full = "\n".join([article.title] + paragraphs[:2] + paragraphs[-1:])
    lede = article.reading.lede if article.reading is not None else 0  # the paragraph the events stage read
    date = article_date(paragraphs[lede:], furniture(article), article.lang, paragraphs[:lede])
    country_names, org_names = gazetteer.find_both(full, article.lang)
    countries = {code for _, _, code in country_names} - {"CHN"}
    orgs = {code for _, _, code in org_names}
    numbers = set(NUMBER_RE.findall(full))
    if article.lang == "zh":
        return Features(date, set(), zh_pinyin(full), countries, orgs, numbers)
    return Features(date, en_name_keys(full), "", countries, orgs, numbers)


def furniture(article: Article) -> list[str]:
    """The article's datelines and captions (`BEIJING, July 17 (Xinhua)`), then its time stamps
    (`Updated: …`, `(Xinhua) 10:44, May 27, 2021`): where the date of its report is written."""
    return sorted(article.metadata, key=lambda item: bool(STAMP_RE.match(item) or is_stamp(item)))


def score(zh: Features, en: Features, zh_names: set[str]) -> float:
    """How likely two versions are one article: shared date, names, places, organisations, numbers.
    `zh_names` are the English name keys found in the Chinese version's pinyin."""
    if zh.countries and en.countries and not zh.countries & en.countries and not zh.orgs & en.orgs:
        return float("-inf")  # other countries, no body in common (China's principal may be the same): two articles
    total = 0.0
    zh_date, en_date = zh.date, en.date
    if zh_date and en_date:
        same_day = zh_date.month == en_date.month and zh_date.day == en_date.day
        total += 3.0 if same_day else -2.0
        if zh_date.year and en_date.year and zh_date.year != en_date.year:
            total -= 2.0
    total += 1.5 * min(len(en.names & zh_names), 4)
    # Each shared place or organisation counts 1, each one named by a single version -0.5.
    shared = len(zh.countries & en.countries)
    total += 1.0 * shared - 0.5 * (len(zh.countries) + len(en.countries) - 2 * shared)
    shared = len(zh.orgs & en.orgs)
    total += 1.0 * shared - 0.5 * (len(zh.orgs) + len(en.orgs) - 2 * shared)
    total += 0.3 * min(len(zh.numbers & en.numbers), 5)
    return total


def pair_articles(articles: list[Article], gazetteer: Gazetteer) -> tuple[list[Pair], list[Diagnostic]]:
    """Pair versions greedily, best score first: within each file, first the versions dated the
    same day (of the same year, where both give one), then any that are left (versions whose dates
    disagree, undated ones); then, across files, versions dated the same day. So what a file pairs
    on its own it pairs whatever other files are read with it. Unpaired versions stay, each with a
    diagnostic."""
    feats = {id(a): a.features or features(a, gazetteer) for a in articles}
    # The English versions' names, looked for in every Chinese version's pinyin in one pass each.
    names = StringFinder(name for a in articles if a.lang == "en" for name in feats[id(a)].names)
    zh_names = {id(a): names.found(feats[id(a)].pinyin) for a in articles if a.lang == "zh"}
    taken: set[int] = set()
    pairs: list[Pair] = []
    # The day passes leave versions whose years disagree to the pass within the file, which scores
    # them with the year-mismatch penalty.
    for block_key, years_must_agree in ((_file_day_key, True), (_file_key, False), (_day_key, True)):
        zh = [a for a in articles if a.lang == "zh" and id(a) not in taken]
        en = [a for a in articles if a.lang == "en" and id(a) not in taken]
        pairs += _greedy_pairs(zh, en, lambda a: block_key(a, feats[id(a)]), feats, zh_names, taken,
                               years_must_agree)
    diagnostics = []
    for article in articles:
        if id(article) not in taken:
            pairs.append(Pair("", article, None) if article.lang == "zh" else Pair("", None, article))
            other = "English" if article.lang == "zh" else "Chinese"
            diagnostics.append(Diagnostic(article.source_file, article.line_start, "info", "unpaired",
                                          f"no {other} version found for this article: {article.title[:60]!r}"))
    diagnostics += date_pairs(pairs, feats)
    for pair in pairs:
        pair.event_id = event_id(pair)
    # Files of one name in two folders (one per outlet) give their versions one article id: those
    # pairs' ids hash the files' paths instead.
    taken_ids = Counter(pair.event_id for pair in pairs)
    for pair in pairs:
        if taken_ids[pair.event_id] > 1:
            pair.event_id = event_id(pair, by_path=True)
    pairs.sort(key=lambda p: (p.date or "9999", p.event_id))
    return pairs, diagnostics


def _greedy_pairs(zh: list[Article], en: list[Article], block_key, feats: dict[int, Features],
                  zh_names: dict[int, set[str]], taken: set[int], years_must_agree: bool) -> list[Pair]:
    """Score every zh/en couple that shares a block (and a year, if `years_must_agree`), then
    keep the best couples first."""
    blocks: dict[tuple, list[tuple[Features, str, Article]]] = defaultdict(list)
    for article in en:
        key = block_key(article)
        if key:
            blocks[key].append((feats[id(article)], article.article_id, article))
    # (−score, ids, order found, versions): sorted as they are, best first, ties by article id
    candidates = []
    for z in zh:
        key = block_key(z)
        z_feats, z_names, z_id = feats[id(z)], zh_names[id(z)], z.article_id
        for e_feats, e_id, e in blocks.get(key, ()) if key else ():
            if years_must_agree and not _years_agree(z_feats.date, e_feats.date):
                continue
            s = score(z_feats, e_feats, z_names)
            if s >= MIN_PAIR_SCORE:
                candidates.append((-s, z_id, e_id, len(candidates), z, e))
    candidates.sort()
    pairs = []
    for *_, z, e in candidates:
        if id(z) not in taken and id(e) not in taken:
            taken.update((id(z), id(e)))
            pairs.append(Pair("", z, e))
    return pairs


def _years_agree(zh: PartialDate | None, en: PartialDate | None) -> bool:
    """Whether two dates may be one: no year in one of them, or the same year."""
    return not (zh and en and zh.year and en.year and zh.year != en.year)


def _day_key(article: Article, feats: Features) -> tuple | None:
    return ("day", feats.date.month, feats.date.day) if feats.date else None


def _file_key(article: Article, feats: Features) -> tuple:
    return ("file", article.source_file)


def _file_day_key(article: Article, feats: Features) -> tuple | None:
    return ("file", article.source_file, feats.date.month, feats.date.day) if feats.date else None


def date_pairs(pairs: list[Pair], feats: dict[int, Features]) -> list[Diagnostic]:
    """Give each pair its date. A missing year comes from the other version, then from the
    article's own dateline and stamps, then from the dated articles of the same file (an issue of
    the newsletter). Never from a year the text recalls, today's date nor another source: a date
    left without a year is written `--MM-DD`, with a warning."""
    issue_years: dict[str, Counter] = defaultdict(Counter)
    for pair in pairs:
        for article in (pair.zh, pair.en):
            if article and feats[id(article)].date and feats[id(article)].date.year:
                issue_years[article.source_file][feats[id(article)].date.year] += 1
    diagnostics = []
    for pair in pairs:
        versions = [a for a in (pair.zh, pair.en) if a]
        dates = [(a, feats[id(a)].date) for a in versions if feats[id(a)].date]
        if not dates:
            diagnostics.append(Diagnostic(versions[0].source_file, versions[0].line_start, "warning", "no_date",
                                          "no date found in the article's first paragraphs"))
            continue
        article, date = next(((a, d) for a, d in dates if d.year), dates[0])
        if len({(d.month, d.day) for _, d in dates}) > 1:
            diagnostics.append(Diagnostic(article.source_file, article.line_start, "warning", "date_mismatch",
                                          "the versions give different dates: " + " / ".join(d.text for _, d in dates)))
        if not date.valid:
            diagnostics.append(Diagnostic(article.source_file, article.line_start, "error", "invalid_date",
                                          f"not a calendar date: {date.text!r}"))
            continue
        year, source = infer_year(date, versions, issue_years)
        if year is None:
            pair.date = f"--{date.month:02d}-{date.day:02d}"
            diagnostics.append(Diagnostic(article.source_file, article.line_start, "warning", "no_year",
                                          f"date {date.text!r} has no year and none could be inferred: kept as {pair.date}"))
            continue
        day = date.with_year(year)
        if day is None:
            diagnostics.append(Diagnostic(article.source_file, article.line_start, "error", "invalid_date",
                                          f"not a calendar date in {year}: {date.text!r}"))
            continue
        pair.date, pair.year_inferred, pair.year_source = day.isoformat(), bool(source), source
    return diagnostics


def infer_year(date: PartialDate, versions: list[Article], issue_years: dict[str, Counter]) -> tuple[int | None, str]:
    """The year of `date` (of one version of the article, the other `versions` agreeing) and where
    it came from: '' when a version states it, else stamp or issue; (None, '') when no year is known."""
    if date.year:
        return date.year, date.year_from
    for article in versions:
        stamps = furniture_dates(furniture(article), article.lang)
        year = year_from_stamps(date, stamps)
        if year:
            return year, "stamp"
    years = Counter()
    for article in versions:
        years.update(issue_years.get(article.source_file, Counter()))
    if years:
        return years.most_common(1)[0][0], "issue"
    # Not the years the text recalls (`since … in December 2022`): the engagement may be years later.
    return None, ""


def event_id(pair: Pair, by_path: bool = False) -> str:
    """A stable id from the date and the versions' places in the corpus (file name and line, or
    path and line `by_path`): `2021-07-17-3f2a9c`."""
    members = "|".join(f"{a.source_file}:{a.line_start}" if by_path else a.article_id for a in (pair.zh, pair.en) if a)
    return f"{pair.date or 'undated'}-{hashlib.sha1(members.encode()).hexdigest()[:6]}"

