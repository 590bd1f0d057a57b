"""Stage 5, events: who met or called whom, when, how, and which Chinese officials were also present.

Each language version is read on its own, from the sentence patterns of these readouts (a lede
`ROLE NAME 同 COUNTRY ROLE NAME 通電話`, `ROLE NAME met with NAME, ROLE`, an attendee list closing the
article); the two readings are then merged, and any disagreement is written as a diagnostic.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Iterable

import yaml
from rapidfuzz import fuzz

from .dates import PartialDate, find_dates, relative_date
from .diagnostics import Diagnostic
from .gazetteer import Gazetteer
from .pair import Pair
from .segment import Article
from .text import to_simplified, toneless_pinyin

ROLES_PATH = Path(__file__).parent / "data" / "roles.yaml"
TYPE_PRIORITY = ["video_conference", "phone_call", "meeting", "event"]
TYPE_CUES = {
    "zh": [
        ("video_conference", re.compile(r"视频|视讯|云会议|线上会议")),
        ("phone_call", re.compile(r"通电话|通话|电话")),
        ("meeting", re.compile(r"会见|会谈|会晤|接见|拜会|共同主持|工作会谈|访华|来访|访问")),
    ],
    # Each English cue starts with a lookahead of its words' first letters, which lets the regex
    # engine skip to them (three times faster).
    "en": [
        ("video_conference", re.compile(r"(?=[ov])(?:\bvideo\b|\bvideoconference\b|\bvirtual(?:ly)?\b|\bonline meeting\b)", re.I)),
        ("phone_call", re.compile(r"(?=[cpt])(?:\bphone\b|\btelephone\b|\btelephonic\b|\bcalled\b|\bphone call\b)", re.I)),
        ("meeting", re.compile(r"(?=[chmrtv])(?:\bmet\b|\bmeets? with\b|\bheld talks\b|\btalks with\b|\bco-chair"
                               r"|\bmeeting with\b|\breceived\b|\bvisit(?:ed|ing)? (?:to )?(?!the Ministry)[A-Z])", re.I)),
    ],
}
HOSTED_RE = re.compile(r"访华|来华|在京|驻华|来访|走进|参观|in Beijing|to China|in China|visit(?:ed|s)? the Ministry", re.I)
ABROAD_RE = re.compile(r"出访|访问(?!团)|赴|paid a visit to|on a visit to|during (?:his|her) visit to", re.I)
EN_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*[.\u2024]?"
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
# Stands for the full stop of an abbreviation while a lede is parsed (`U.S.` does not end a
# sentence); of the same length, so offsets hold.
ABBREVIATION_DOT = "\u2024"
# Where a counterpart phrase ends: a place, a day or a medium after the name.
CHUNK_END_RE = re.compile(rf"\s+(?:in\s+[A-Z][a-z]+(?=\s*$|,|\s+(?:on|and)\b)|on\s+(?:{WEEKDAY}|{EN_MONTH}\s+\d|the\s+(?:sidelines|margins))"
                          r"|here|via|by\s+(?:video|phone|telephone))\b")
# Two subjects: `Guo Shengkun and U.S. Secretary of Homeland Security Jeh Johnson met …`.
JOINT_SUBJECT_RE = re.compile(r"\s+and\s+(?P<chunk>(?:his|her)?\s*[A-Z][^,;]{2,120}?)\s+(?:on\s+\w+\s+)?"
                              r"(?:met|held|co-chaired|signed|talked|spoke|had|jointly)\b")
# An organisation's acronym in a meeting's name: `China-Gulf Cooperation Council (GCC) Ministerial Dialogue`.
ACRONYM_RE = re.compile(r"\(([A-Z][A-Z&]{1,9})\)")


@dataclass(frozen=True)
class Roles:
    """The editable word lists of `data/roles.yaml`, compiled."""

    suffixes_zh: tuple[str, ...]
    not_person_zh: tuple[str, ...]
    title_words_en: frozenset[str]
    lede_verbs_en: tuple[str, ...]
    surnames: frozenset[str]
    abbreviations_en: tuple[str, ...] = ()
    honorifics_en: frozenset[str] = frozenset()
    name_particles_en: frozenset[str] = frozenset()
    not_name_en: frozenset[str] = frozenset()


@lru_cache(maxsize=4)
def load_roles(path: str | Path = ROLES_PATH) -> Roles:
    data = yaml.load(Path(path).read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    return Roles(
        tuple(sorted({to_simplified(s) for s in data["title_suffixes_zh"]}, key=len, reverse=True)),
        tuple(to_simplified(s) for s in data["not_person_zh"]),
        frozenset(data["title_words_en"]),
        tuple(data["lede_verbs_en"]),
        frozenset(data["surnames_pinyin"]),
        tuple(sorted(data.get("abbreviations_en", []), key=len, reverse=True)),
        frozenset(data.get("honorifics_en", [])),
        frozenset(data.get("name_particles_en", [])),
        frozenset(data.get("not_name_en", [])),
    )


@lru_cache(maxsize=1)
def pinyin_syllables() -> frozenset[str]:
    """Every toneless pinyin syllable pypinyin knows: 'zhao', 'ke', 'zhi', …"""
    from pypinyin.pinyin_dict import pinyin_dict

    syllables = set()
    for reading in set(",".join(pinyin_dict.values()).split(",")):  # 1,500 readings for 40,000 characters
        plain = "".join(c for c in unicodedata.normalize("NFKD", reading) if not unicodedata.combining(c))
        syllables.add(plain.replace("ü", "v"))
    return frozenset(syllables)


@lru_cache(maxsize=1 << 14)  # the same names recur in every article
def is_pinyin_word(word: str, max_syllables: int = 2) -> bool:
    """True when `word` splits into at most `max_syllables` pinyin syllables: 'Kezhi', 'Ganlu'.

    >>> is_pinyin_word("Kezhi"), is_pinyin_word("Crocetti")
    (True, False)
    """
    return _splits_into_syllables(word.lower().replace("-", ""), max_syllables)


def _splits_into_syllables(rest: str, left: int) -> bool:
    if not rest:
        return True
    syllables = pinyin_syllables()
    return left > 0 and any(rest[:n] in syllables and _splits_into_syllables(rest[n:], left - 1)
                            for n in range(1, min(6, len(rest)) + 1))


@lru_cache(maxsize=1 << 14)
def romanise(name_zh: str) -> str:
    """A Chinese name in pinyin, written as the English texts write it: 孟揚 → 'Meng Yang'.

    >>> romanise("趙克志")
    'Zhao Kezhi'
    """
    syllables = toneless_pinyin(name_zh)
    return (syllables[0].capitalize() + " " + "".join(syllables[1:]).capitalize()).strip()


@lru_cache(maxsize=1 << 16)  # the same names recur in every article
def name_key(name: str) -> str:
    """A key that a Chinese name and its pinyin share: '趙克志' and 'Zhao Kezhi' → 'zhaokezhi'."""
    if re.search(r"[\u4e00-\u9fff]", name):
        name = "".join(toneless_pinyin(name))
    return re.sub(r"[^a-z]", "", name.lower())


@dataclass
class Official:
    name_en: str = ""
    name_zh: str = ""
    role_en: str = ""
    role_zh: str = ""
    line: int = 0
    langs: set[str] = field(default_factory=set)


@dataclass
class Counterpart:
    """Whom China's side met or called: a person (with role, country or organisation) or a body."""

    name: str = ""
    role: str = ""
    is_person: bool = False
    country: str = ""
    org: str = ""
    when: str = ""  # the paragraph that tells this engagement when it is not the lede: its own date
    line: int = 0  # the line of the paragraph that tells this engagement alone (its topics are there)


@dataclass
class Reading:
    """What one language version says about its engagements: one per counterpart."""

    lang: str
    event_type: str = "event"
    principal: Official | None = None
    counterparts: list[Counterpart] = field(default_factory=list)
    attendees: list[Official] = field(default_factory=list)
    lede: int = 0  # the body paragraph that tells the engagement (a caption or a stamp may come first)

    def add(self, counterpart: Counterpart) -> None:
        """Add a counterpart unless it is one already listed (the same name, or a part of it)."""
        for known in self.counterparts:
            if counterpart.is_person and known.is_person and _same_counterpart(known.name, counterpart.name):
                known.line = known.line or counterpart.line
                if len(counterpart.name) > len(known.name):  # `Al-Raisi`, then `Ahmed Nasser Al-Raisi`
                    known.name, known.role = counterpart.name, counterpart.role or known.role
                known.country, known.org = known.country or counterpart.country, known.org or counterpart.org
                return
            if not counterpart.is_person and not known.is_person and (
                    (counterpart.org and counterpart.org == known.org) or counterpart.name == known.name):
                return
        self.counterparts.append(counterpart)


# A lede's group of visitors, told one by one in the paragraphs after it: `met with guests from Laos,
# Nicaragua, Ethiopia and Armenia`.
GROUP_RE = re.compile(r"\b(?:guests|officials|leaders|heads|delegations|ministers|representatives|counterparts)\b"
                      r"|(?:各方|各国|多国)|代表团团长")


def fill_places(reading: Reading, context: str, gazetteer: Gazetteer) -> None:
    """Give a counterpart named without a country the one foreign country that the title and lede
    name (`… telephonic conversation with interior minister Ijaz Shah`, Pakistan named before);
    drop a group of visitors that the article goes on to name one by one."""
    if any(c.is_person for c in reading.counterparts):
        reading.counterparts = [c for c in reading.counterparts if c.is_person or not GROUP_RE.search(c.name)]
    countries = {code for *_, code in gazetteer.find("country", context, reading.lang)} - {"CHN"}
    if len(countries) == 1:
        for counterpart in reading.counterparts:
            if counterpart.is_person and not counterpart.country and not counterpart.org:
                counterpart.country = next(iter(countries))


def _same_counterpart(a: str, b: str) -> bool:
    """'Ivica Dacic' and 'Dacic', '达契奇' and '达契奇': one person named twice."""
    a, b = a.replace("·", " ").split(), b.replace("·", " ").split()
    return bool(a and b) and (set(a) <= set(b) or set(b) <= set(a))


# ---------------------------------------------------------------- Chinese

@lru_cache(maxsize=4)
def zh_patterns(roles: Roles) -> dict[str, re.Pattern]:
    """The sentence patterns of Chinese readouts, built with the title words of `roles`."""
    suffix = "|".join(roles.suffixes_zh)
    return {
        "principal": re.compile(
            rf"(?P<role>[\u4e00-\u9fff、]{{0,30}}?(?:{suffix}))(?P<name>[\u4e00-\u9fff·]{{2,6}}?)"
            r"(?:(?:\d{1,2}月)?\d{1,2}日)?(?=(?:分别|先后|亲切|共同|一同|日前|近日|当天|当日)?(?:应约|应邀|同|与|和|会见|会晤|出席|在|致电|通电话"
            r"|主持|接见|率|视频|表示|向|赴|前往|会同|对|访问))"),
        "bilateral": re.compile(
            r"(?:同|与|和)(?P<chunk>[^，,。；;]{2,60}?)(?:举行)?(?:紧急)?(?:视频)?"
            r"(?:通电话|通话|会谈|会晤|工作会谈|视频会晤|视频通话|共同主持)"),
        "received": re.compile(r"(?:会见|会晤|接见|拜会)(?:了)?(?P<chunk>[^，,。；;]{2,60}?)(?:一行)?(?=[，,。；;]|时)"),
        "meeting": re.compile(
            r"(?:^|[，,。])(?P<chunk>[^，,。；;]{4,80}?(?:会议|论坛|峰会|大会|研讨会|对话会|部长级会议))"
            r"(?:(?:\d{1,2}月)?\d{1,2}日)?(?:以视频(?:形式|方式)|通过视频|在[^，,。]{1,16})?(?:召开|举行|开幕|闭幕)"),
        "attended": re.compile(r"出席(?P<chunk>[^，,。；;并]{2,60}?(?:会议|论坛|峰会|大会|开幕式|仪式|对话))"),
        "audience": re.compile(r"(?P<chunk>\d+多?(?:位|名|个)[^，,。；;]{2,40}?)(?:参加|出席|参访|来访|到访)"),
        "attendee_list": re.compile(r"(?:^|。)(?P<list>[^。]{4,400}?)(?:陪同)?(?:参加|陪同|出席)(?:了)?(?:上述)?[^。，,、]{0,10}。"),
        "when_meeting": re.compile(r"(?:^|[。；;])\s*在?(?:会见|会晤|接见|同|与)(?P<chunk>[^，,。；;时]{2,40}?)(?:会见|会谈|会晤|通话|通电话)?时[，,]"),
    }


# Characters no Chinese person's name holds: what a title or a meeting's name ends with.
NOT_IN_NAME_ZH = set("会议次届第部局国组织委员论坛峰大年月日级长员")
# Ranks and honorifics after a foreign name: `昂觉敏中将`, `本恩先生`.
# What follows a name in a lede and is not part of it: `约翰逊在华盛顿`, `萨肯28日出席`, `馬約卡斯(Alejandro Mayorkas)`.
AFTER_NAME_ZH = re.compile(r"在|于|於|举行|舉行|\d{1,2}日|视频|視頻|视讯|視訊|通话|通話|出席|[（(]")
RANK_AFTER_NAME_ZH = re.compile(r"(?:警察)?(?:上将|中将|少将|大校|准将|将军|博士|先生|女士|阁下|閣下)$")


def split_role_name_zh(item: str, roles: Roles) -> tuple[str, str]:
    """Split `ROLE NAME` (Simplified) at the end of the last title: '公安部部长助理陈思源' → ('公安部部长助理', '陈思源').

    Returns ('', item) when no title is found and (item, '') when the item is a title only.
    """
    item = item.strip()
    if item.endswith(roles.suffixes_zh):
        return item, ""
    for name_len in range(2, min(21, len(item))):
        role = item[:-name_len]
        if role.endswith(roles.suffixes_zh):
            return role, item[-name_len:]
    return "", item


def _slice(original: str, simplified: str, start: int, end: int) -> str:
    """The span of the original text (Traditional or Simplified) at offsets found in its Simplified form."""
    return (original if len(original) == len(simplified) else simplified)[start:end]


# The paragraphs where a lede is looked for: a web page may open with a caption, a stamp or a summary.
LEDE_PARAGRAPHS = 4


def read_zh(article: Article, gazetteer: Gazetteer, roles: Roles) -> Reading:
    """What a Chinese version says: from the first of its opening paragraphs that names China's principal."""
    readings = (_read_zh_from(article, i, gazetteer, roles) for i in range(min(LEDE_PARAGRAPHS, len(article.body))))
    reading = next((r for r in readings if r.principal), None) or _read_zh_from(article, 0, gazetteer, roles)
    reading.attendees = attendees_zh(article, roles, reading.principal, gazetteer)
    return reading


def _read_zh_from(article: Article, index: int, gazetteer: Gazetteer, roles: Roles) -> Reading:
    reading = Reading("zh", lede=index)
    lede_line, lede = article.body[index] if article.body else (article.line_start, "")
    simple = simple_lede = to_simplified(lede)
    patterns = zh_patterns(roles)
    reading.event_type = classify_type(to_simplified(article.title) + "\n" + simple, "zh")
    m = next((m for m in patterns["principal"].finditer(simple) if not NOT_IN_NAME_ZH & set(m.group("name"))
              and not any(c[2] != "CHN" for c in gazetteer.find("country", m.group("role").rsplit("的", 1)[-1], "zh"))), None)
    role_start = m.start() + len(re.match(r"[和与同]?", m.group("role")).group(0)) if m else 0  # `…苏林和中国…部长郭声琨`
    if m:
        reading.principal = Official(name_zh=_slice(lede, simple, *m.span("name")),
                                     role_zh=_slice(lede, simple, role_start, m.end("role")), line=lede_line, langs={"zh"})
    offset = m.end() if m else 0
    before = re.search(r"(?:^|[，,。])(?P<chunk>[^，,。；;]{2,60}?)(?:和|与|同)$", simple[:role_start]) if m else None
    if before and split_role_name_zh(before.group("chunk"), roles)[1]:
        # Told from the other side: `越南公安部部长苏林和中国公安部部长郭声琨…共同主持…`
        reading.add(counterpart_zh(_slice(lede, simple, *before.span("chunk")), gazetteer, roles))
    for kind in ("bilateral", "received") if not reading.counterparts else ():
        c = patterns[kind].search(simple, offset)
        if c:
            for start, end in counterpart_spans_zh(simple, *c.span("chunk"), roles):
                reading.add(counterpart_zh(_slice(lede, simple, start, end), gazetteer, roles))
            break
    else:
        meeting = patterns["meeting"].search(simple) or patterns["attended"].search(simple)
        audience = patterns["audience"].search(simple)
        chunk = _slice(lede, simple, *meeting.span("chunk")) if meeting else ""
        orgs = gazetteer.find("org", chunk, "zh")
        if chunk and orgs:
            reading.add(Counterpart(_slice(chunk, to_simplified(chunk), *orgs[0][:2]), org=orgs[0][2]))
        elif audience:
            reading.add(Counterpart(_slice(lede, simple, *audience.span("chunk"))))
        elif chunk:
            reading.add(Counterpart(chunk.strip()))
    # Meetings told one per paragraph: `7日,王小洪在比什凯克会见…`, `在会见圭亚那内政部长本恩时,王小洪表示…`
    principal = to_simplified(reading.principal.name_zh) if reading.principal else ""
    for line, text in article.body[index + 1:]:
        if not ((principal and principal in to_simplified(text[:40])) or "时" in text or "時" in text):
            continue  # neither the principal as subject nor a `…时` clause: no engagement told here
        simple = to_simplified(text)
        at = simple.find(principal) if principal else -1
        for kind in ("bilateral", "received"):
            c = patterns[kind].search(simple, at) if 0 <= at < 20 else None
            if c and c.start() - at <= len(principal) + 12:
                for start, end in counterpart_spans_zh(simple, *c.span("chunk"), roles):
                    found = counterpart_zh(_slice(text, simple, start, end), gazetteer, roles)
                    reading.add(replace(found, when=text, line=line))
                break
        for w in patterns["when_meeting"].finditer(simple):
            reading.add(replace(counterpart_zh(_slice(text, simple, *w.span("chunk")), gazetteer, roles), line=line))
    fill_places(reading, to_simplified(article.title) + "\n" + simple_lede, gazetteer)
    return reading


def counterpart_spans_zh(text: str, start: int, end: int, roles: Roles) -> list[tuple[int, int]]:
    """The counterparts a lede names together, `塞尔维亚内务部长达契奇和南非警察部长姆丘努`: split
    where each part is a title and a name; otherwise the whole span is one counterpart."""
    parts = [(start + a, start + b) for a, b in list_items(text[start:end])]
    named = [split_role_name_zh(text[a:b], roles) for a, b in parts]
    if len(parts) > 1 and all(role and name for role, name in named):
        return parts
    return [(start, end)]


def counterpart_zh(chunk: str, gazetteer: Gazetteer, roles: Roles) -> Counterpart:
    """`巴基斯坦內政部長拉希德` → a person: country PAK, role 內政部長, name 拉希德."""
    chunk = re.sub(r"(?:一行|等人|等)$", "", chunk.strip())
    found = Counterpart(is_person=True)
    countries, orgs = gazetteer.find_both(chunk, "zh")
    countries = [c for c in countries if c[2] != "CHN"]
    start = 0
    if orgs and (not countries or orgs[0][0] <= countries[0][0]):
        found.org, start = orgs[0][2], orgs[0][1]
    elif countries:
        found.country, start = countries[0][2], countries[0][1]
    rest = chunk[start:]
    role, name = split_role_name_zh(to_simplified(rest), roles)
    if not (role and name):  # what follows the name hides the title's end: `部长萨肯28日出席…`
        rest = AFTER_NAME_ZH.split(rest)[0]
        role, name = split_role_name_zh(to_simplified(rest), roles)
    found.is_person = bool(name) or not role  # a title alone (`各方代表团团长`) names no one
    found.name = RANK_AFTER_NAME_ZH.sub("", AFTER_NAME_ZH.split((rest[len(role):] if name else rest).strip())[0])
    found.role = rest[: len(role)] if name else ""
    return found


def closing_paragraphs(article: Article, count: int = 2) -> list[tuple[int, str]]:
    """The paragraphs where the attendee list stands: the last ones, after the lede."""
    return article.body[1:][-count:] or article.body


LIST_SEPARATOR_RE = re.compile(r"[、，,]|(?<=[\u4e00-\u9fff])(?:以及|和|及)(?=[\u4e00-\u9fff])")


def list_items(text: str) -> list[tuple[int, int]]:
    """Spans of the items of a Chinese list: '孟扬、程国平和林锐' → [(0, 2), (3, 6), (7, 9)]."""
    spans, pos = [], 0
    for m in LIST_SEPARATOR_RE.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    return spans + [(pos, len(text))]


def foreign_title_zh(title: str, gazetteer: Gazetteer) -> bool:
    """Whether a title (Simplified) is another side's: it names a foreign country or an
    organisation, other than as the post of a Chinese envoy (`中国驻老挝大使`).

    >>> g = __import__("analysis.gazetteer", fromlist=["x"]).load_gazetteer()
    >>> foreign_title_zh("老挝公安部常务副部长", g), foreign_title_zh("中国驻老挝大使", g), foreign_title_zh("欧盟驻华大使", g)
    (True, False, True)
    """
    countries, orgs = gazetteer.find_both(title, "zh")
    return any(code != "CHN" and not title[:start].endswith("驻") for start, _, code in countries + orgs)


def attendees_zh(article: Article, roles: Roles, principal: Official | None, gazetteer: Gazetteer) -> list[Official]:
    """Named officials of China's side in a `…、…參加活動。` sentence; offices without a named person,
    and the other side's officials (`老挝公安部常务副部长辛塔冯`), are left out.

    A title standing alone (`公安部副部長、國家移民管理局局長許甘露`) is the first half of the next item's title.
    """
    found: list[Official] = []
    for line, text in closing_paragraphs(article):
        simple = to_simplified(text)
        for m in zh_patterns(roles)["attendee_list"].finditer(simple):
            prefix = ""
            for start, end in list_items(m.group("list")):
                start, end = start + m.start("list"), end + m.start("list")
                item = simple[start:end]
                start, end = start + len(item) - len(item.lstrip()), end - len(item) + len(item.rstrip())
                item = item.strip()  # the offsets of the original must be those of the item
                role, name = split_role_name_zh(item, roles)
                original = _slice(text, simple, start, end)
                if role and not name:
                    prefix += original + "、"
                    continue
                person = bool(role) and not any(marker in item for marker in roles.not_person_zh) \
                    and not foreign_title_zh(prefix + role, gazetteer)
                name_orig = original[len(role):]
                if person and not (principal and name_key(name_orig) == name_key(principal.name_zh)):
                    found.append(Official(name_zh=name_orig, role_zh=prefix + original[: len(role)], line=line, langs={"zh"}))
                prefix = ""
    return found


# ---------------------------------------------------------------- English

def surname_alternation(surnames: Iterable[str]) -> str:
    """A regex of the capitalised surnames, each starting a word, longest first: `\\b(?:Zhang|Zhao)`
    written as one alternative per first letter, which the regex engine skips to (2.5 times faster).

    >>> re.findall(surname_alternation(["Zhao", "Zhang", "Xu", "li"]), "Zhang Xu met aZhao and li")
    ['Zhang', 'Xu']
    """
    groups: dict[str, list[str]] = {}
    for name in sorted(surnames, key=lambda name: (-len(name), name)):
        if "A" <= name[:1] <= "Z":
            groups.setdefault(name[0], []).append(re.escape(name[1:]))
    # `(?<!\w.)` after the first letter: no word character before it.
    return "(?:" + "|".join(f"{first}(?<!\\w.)(?:{'|'.join(rest)})" for first, rest in sorted(groups.items())) + ")"


@lru_cache(maxsize=4)
def en_patterns(roles: Roles) -> dict[str, re.Pattern]:
    verbs = "|".join(roles.lede_verbs_en)
    return {
        "pinyin_name": re.compile(surname_alternation(roles.surnames) + r"\s+[A-Z][a-z]+(?:-[a-z]+)?\b"),
        "after_principal": re.compile(
            rf"^\s*(?:,[^,]{{3,160}},\s*)?(?:also\s+)?(?:(?:on\s+)?{WEEKDAY}\s+|here\s+|today\s+)?(?:also\s+)?(?:{verbs})\b"),
        "bilateral": re.compile(
            r"\b(?:(?P<direct>met|meets|received|receives|hosted|hosts)|phone call|phone talks?"
            r"|(?:phone |telephone |telephonic )?conversations?|telephone (?:call|talks?)"
            r"|video (?:call|talks?|conference)|talks|talked"
            r"(?: on the phone| by phone| over the phone)?|spoke(?: on the phone| by phone| over the phone)?"
            r"|meeting|call)"
            # what may stand between the verb and its object: `met here on Tuesday with`, `talks via video link with`
            rf"(?:\s+(?:here|today|separately|respectively|in\s+[A-Z][a-z]+|on\s+(?:{WEEKDAY}|{EN_MONTH}\s+\d{{1,2}}(?:,\s*\d{{4}})?)"
            r"|(?:via|by|over|through)\s+(?:a\s+)?(?:video\s*link|video|telephone|phone))){0,3}"
            # `met with X`, or `met X` (`received`, `hosted`): then X starts with a capital
            r"\s+(?(direct)(?:(?:with|to)\s+|(?=[A-Z]|(?:the|his|her)\s))|(?:with|to)\s+)(?P<chunk>.+?)"
            rf"(?=\s+on\s+(?:{EN_MONTH}|\d|\w+day|the\s+(?:sidelines|margins))|\s+via\b|\s+by\s+(?:video|phone|telephone)"
            r"|\s+(?:here|respectively|separately|today|yesterday)\b|\s+in\s+[A-Z][a-z]+(?:[,.]|\s+(?:on|and)\b|\s+city|$)"
            r"|,?\s+(?:who|where|when|during|after|before|as|to\s+(?:discuss|exchange)|and\s+(?:the|they|both|he|she|said))\b"
            r"|,\s+[a-z]+ing\b"
            r"|\s+at\s+(?:the|his|her)\b|\s+on\s+[a-z]"  # `… Edward Lyons on drug trafficking`
            r"|\s+in\s+(?:Beijing|the\s+capital)|[.;:]\s|[.;]?$)"),
        # tried at each sentence's start only (see `when_meeting_en`)
        "when_meeting": re.compile(
            r"(?:When|While|During|In|At)?\s*(?:his\s+|the\s+|an?\s+)?(?:meeting|talks|meetings|talking|speaking)"
            r"\s+with\s+(?P<chunk>[^,;]{3,160}?)\s*,", re.I),
        "meeting": re.compile(
            r"(?:^|[,.]\s+|\b[Tt]he\s+)(?P<chunk>[^,.]{0,40}?(?i:meeting|conference|forum|summit|dialogue|session|ministerial)"
            r"[^,.]*?)\s+(?:was|were)\s+(?:held|convened)"),
        "attended": re.compile(r"\b(?:attended|addressed|co-chaired|chaired|presided over|spoke at|led\s+(?:a|the)\s+[^.]{0,40}?delegation\s+to)"
                               r"\s+(?:and\s+\w+\s+)?(?:the\s+opening\s+of\s+)?the\s+(?P<chunk>[^.]*?(?:Meeting|Conference|Forum|Summit|Dialogue|Assembly|Session|Congress|Ministerial)[^.,]*?)(?=\s+on\s+|[.,]|$)"),
        # A lookahead of what a match starts with (a digit or the first letter of a quantifier)
        # lets the regex engine skip to it.
        "audience": re.compile(
            r"(?=[amnos\d])(?P<chunk>(?:(?:Over|More than|About|Nearly|Some)\s+)?\d+\+?\s+[^.,;]*?(?:diplomats|ambassadors|envoys|representatives|"
            r"officials|delegates|guests)[^.,;]*?)\s+(?:gathered|attended|visited|participated|took part|came)", re.I),
        "attendee_list": re.compile(
            r"(?:^|(?<=[.!?]\s))(?:Also present (?:were|was|at the (?:meeting|event|talks) were)\s+(?P<list1>[^.]+?(?:\.\s*$|(?=\.\s))))"
            r"|(?:^|(?<=[.!?]\s))(?P<list2>[^.]+?)\s+(?:also\s+)?(?:attended|were present at|was present at|accompanied|joined)"
            r"\s+(?:the\s+)?(?:event|meeting|talks|call|activities|activity|phone call|video conference)"
            r"|\b(?:was|were)\s+(?:also\s+)?(?:attended|joined)\s+by\s+(?P<list3>[^.]+)"),
    }


# Words the attendee_list pattern of `en_patterns` needs: without one of them it cannot match.
ATTENDANCE_CUES_EN = ("Also present", "attended", "present at", "accompanied", "joined")  # `attended by` too


def en_name_spans(text: str, roles: Roles) -> list[tuple[int, int]]:
    """Spans of romanised Chinese names: a common surname and a pinyin given name ('Meng Yang')."""
    return [m.span() for m in en_patterns(roles)["pinyin_name"].finditer(text)
            if is_pinyin_word(m.group(0).split()[1])]


def title_before(text: str, end: int, roles: Roles) -> str:
    """The run of title words that ends at `end`: '... Minister of Public Security Zhao' → 'Minister of Public Security'."""
    words = text[:end].rstrip().split()
    taken: list[str] = []
    for word in reversed(words):
        bare = word.strip(",;:()“”\"'").removesuffix("'s")
        if bare in roles.title_words_en or bare in ("of", "and", "the", "for") or re.fullmatch(r"\(?[A-Z]{2,}\)?", bare):
            taken.append(word)
        else:
            break
    while taken and taken[-1].strip(",") in ("of", "and", "the", "for"):
        taken.pop()
    return " ".join(reversed(taken)).strip(" ,")


def mask_abbreviations(text: str, roles: Roles) -> str:
    """`text` with the full stops of abbreviations and initials replaced by ABBREVIATION_DOT, so
    that they end no sentence; `unmask` undoes it.

    >>> unmask(mask_abbreviations("met U.S. Secretary A. Mayorkas. Then", load_roles())) == "met U.S. Secretary A. Mayorkas. Then"
    True
    >>> mask_abbreviations("met U.S. Secretary A. Mayorkas. Then", load_roles()).count(".")
    1
    """
    if "." not in text:
        return text
    return abbreviations_re(roles).sub(lambda m: m.group(0).replace(".", ABBREVIATION_DOT), text)


@lru_cache(maxsize=4)
def abbreviations_re(roles: Roles) -> re.Pattern:
    """The abbreviations of `roles` and single capital initials, each starting a word, in one regex."""
    listed = "|".join(re.escape(a) for a in roles.abbreviations_en)
    return re.compile(rf"(?<![\w.])(?:{listed}|[A-Z]\.(?=\s?[A-Z]))")


def unmask(text: str) -> str:
    return text.replace(ABBREVIATION_DOT, ".")


def strip_honorifics(name: str, roles: Roles) -> str:
    """A name without the ranks and honorifics that open it.

    >>> strip_honorifics("Police Lt. Gen. Kittirat Phanphet", load_roles())
    'Kittirat Phanphet'
    >>> strip_honorifics("H.E. Sheikh Saif bin Zayed Al Nahyan", load_roles())
    'Sheikh Saif bin Zayed Al Nahyan'
    """
    words = name.split()
    while len(words) > 1 and re.sub(r"[.\-\u2024]", "", words[0]).lower() in roles.honorifics_en:
        words.pop(0)
    return " ".join(words)


def split_people_en(chunk: str, gazetteer: Gazetteer, roles: Roles) -> list[str]:
    """The counterparts a lede names together, split at `and` (or a comma) where a name ends and
    a new person begins: 'Serbian Minister Ivica Dacic and South African Police Minister Senzo
    Mchunu'. A title joined by `and` (`Deputy Prime Minister and Minister of the Interior`) or a
    title in apposition (`Giuseppe Crocetti, Chief of Mission`) stays with its name."""
    pieces = re.split(r"(,?\s+and\s+|;\s+|,\s+)", chunk)
    people = [pieces[0]]
    for separator, part in zip(pieces[1::2], pieces[2::2]):
        words = part.split()
        names_someone = _ends_with_name(part, gazetteer, roles) or (
            len(words) > 2 and all(_is_name_word(w, gazetteer, roles) for w in words[:2]))
        if names_someone and _names_someone(people[-1], gazetteer, roles):
            people.append(re.sub(r"^with\s+", "", part))
        else:
            people[-1] += separator + part
    return [p for p in people if p.strip()]


def _names_someone(text: str, gazetteer: Gazetteer, roles: Roles) -> bool:
    """A phrase that names a person: `ROLE NAME`, or `NAME, ROLE`."""
    words = re.sub(r"^with\s+", "", text).split()
    return _ends_with_name(text, gazetteer, roles) or (
        len(words) >= 2 and all(_is_name_word(w, gazetteer, roles) for w in words[:2]))


def _ends_with_name(text: str, gazetteer: Gazetteer, roles: Roles) -> bool:
    words = text.rstrip(" ,").split()
    return bool(words) and _is_name_word(words[-1], gazetteer, roles)


def _is_name_word(word: str, gazetteer: Gazetteer, roles: Roles) -> bool:
    bare = word.strip(",()“”\"'")
    bare = bare[:-2] if bare.endswith(("'s", "’s")) else bare
    return bool(bare) and bare[0].isupper() and bare not in roles.title_words_en and bare not in roles.not_name_en \
        and not gazetteer.find("country", unmask(bare), "en") and not gazetteer.find("org", unmask(bare), "en")


def split_name_role_en(chunk: str, gazetteer: Gazetteer, roles: Roles) -> tuple[str, str, str, str]:
    """Parse a counterpart phrase into (name, role, country, org).

    >>> g = __import__("analysis.gazetteer", fromlist=["x"]).load_gazetteer()
    >>> split_name_role_en("Pakistan's Interior Minister Sheikh Rasheed Ahmad", g, load_roles())
    ('Sheikh Rasheed Ahmad', 'Interior Minister', 'PAK', '')
    >>> split_name_role_en("Minister of Interior of the UAE Lt-Gen Sheikh Saif bin Zayed Al Nahyan", g, load_roles())
    ('Sheikh Saif bin Zayed Al Nahyan', 'Minister of Interior of the UAE', 'ARE', '')
    """
    chunk = unmask(chunk).strip(" ,")
    chunk = re.sub(r"^(?:his|her|their)\s+(?:\w+\s+)?counterparts?,?\s+", "", chunk)
    countries, orgs = gazetteer.find_both(chunk, "en")
    countries = [c for c in countries if c[2] != "CHN"]
    org = orgs[0][2] if orgs else ""
    country = "" if org else (countries[0][2] if countries else "")
    head, _, tail = chunk.partition(", ")
    head_words = strip_honorifics(head, roles).split()
    if tail and 1 <= len(head_words) <= 6 and all(_is_name_word(w, gazetteer, roles) or w in roles.name_particles_en
                                                  for w in head_words):
        return strip_honorifics(head.strip(), roles), tail.strip(" ,"), country, org
    words = chunk.split()
    name: list[str] = []
    for i in range(len(words) - 1, -1, -1):
        word = words[i]
        particle = word in roles.name_particles_en and bool(name) and i > 0 and _is_name_word(words[i - 1], gazetteer, roles)
        if particle or _is_name_word(word, gazetteer, roles):
            name.insert(0, word)
        else:
            break
    role_words = words[: len(words) - len(name)]
    if countries and not org and role_words and gazetteer.find("country", role_words[0], "en"):
        role_words = role_words[1:]
    full_name = strip_honorifics(" ".join(name).strip(" ,"), roles)
    honorifics = " ".join(name)[: len(" ".join(name)) - len(full_name)].strip()
    role = " ".join(role_words).strip(" ,")
    if honorifics and re.sub(r"[.\-]", "", honorifics).lower() not in roles.honorifics_en:
        role = f"{role} {honorifics}".strip()
    return full_name, role, country, org


def read_en(article: Article, gazetteer: Gazetteer, roles: Roles) -> Reading:
    """What an English version says: from the first of its opening paragraphs that names China's principal."""
    readings = (_read_en_from(article, i, gazetteer, roles) for i in range(min(LEDE_PARAGRAPHS, len(article.body))))
    reading = next((r for r in readings if r.principal), None) or _read_en_from(article, 0, gazetteer, roles)
    reading.attendees = attendees_en(article, roles, reading.principal)
    return reading


def _read_en_from(article: Article, index: int, gazetteer: Gazetteer, roles: Roles) -> Reading:
    reading = Reading("en", lede=index)
    lede_line, lede = article.body[index] if article.body else (article.line_start, "")
    masked = mask_abbreviations(lede, roles)
    patterns = en_patterns(roles)
    reading.event_type = classify_type(lede, "en")
    principal_end = 0
    names = en_name_spans(masked, roles)
    for start, end in names:
        after = masked[end:]
        if patterns["after_principal"].match(after):
            reading.principal = _official_en(masked, start, end, lede_line, roles)
            principal_end = end
            break
    c = patterns["bilateral"].search(masked, principal_end)
    joint = JOINT_SUBJECT_RE.match(masked, principal_end) if reading.principal else None
    if joint and (not c or c.start() > joint.end("chunk")):
        _add_people_en(reading, joint.group("chunk"), gazetteer, roles)
        c = None
    if reading.principal is None and names:
        # Told from the other side (`Vietnamese Minister … held talks with his Chinese counterpart
        # Wang Xiaohong`): China's official is named after the verb, the counterpart before it.
        chinese = next(((a, b) for a, b in names if _chinese_official(masked, a, b, gazetteer)), None)
        if chinese and c and c.start("chunk") <= chinese[0]:
            reading.principal = _official_en(masked, *chinese, lede_line, roles)
            subject = re.sub(r"^\W*(?:[A-Z]{2,}\s*[-–—]+\s*)?", "", masked[: c.start()])
            subject = re.sub(rf"(?:\s+(?:[a-z]+|{WEEKDAY}))+\s*$", "", subject)  # `… Luong Tam Quang on Saturday had a`
            _add_people_en(reading, subject, gazetteer, roles)
            c = None
        elif chinese and not c:  # `… was held in Beijing, chaired by Chinese … Zhao Kezhi.`
            reading.principal = _official_en(masked, *chinese, lede_line, roles)
    if c:
        _add_people_en(reading, c.group("chunk"), gazetteer, roles)
    elif not reading.counterparts and (w := next(when_meeting_en(masked, roles), None)):
        _add_people_en(reading, w.group("chunk"), gazetteer, roles)  # `During a meeting with X, Guo said …`
    elif not reading.counterparts:
        meeting = patterns["meeting"].search(masked) or patterns["attended"].search(masked)
        audience = patterns["audience"].search(masked)
        chunk = unmask(re.sub(r"^[Tt]he\s+", "", meeting.group("chunk").strip())) if meeting else ""
        orgs = gazetteer.find("org", chunk.replace("-", " "), "en")  # `China-ASEAN` names ASEAN
        acronym = ACRONYM_RE.search(chunk)
        if chunk and orgs:
            reading.add(Counterpart(chunk[orgs[0][0]:orgs[0][1]], org=orgs[0][2]))
        elif acronym:  # an organisation the gazetteer lacks: `Gulf Cooperation Council (GCC)`
            reading.add(Counterpart(acronym.group(1), org=acronym.group(1)))
        elif audience:
            reading.add(Counterpart(unmask(audience.group("chunk").strip())))
        elif chunk:
            reading.add(Counterpart(chunk))
    # Meetings told one per paragraph: `On Monday, Meng met with …`, `When meeting with Dacic, Wang …`
    surname = reading.principal.name_en.split()[0] if reading.principal else ""
    for line, text in article.body[index + 1:]:
        if not ((surname and surname in text[:60]) or " with " in text):
            continue  # neither the principal as subject nor a `… with X,` clause: no engagement told here
        masked = mask_abbreviations(text, roles)
        at = re.search(rf"\b{surname}\b", masked) if surname else None
        c = patterns["bilateral"].search(masked, at.end()) if at and at.start() < 40 else None
        if c and c.start() - at.end() <= 40 and patterns["after_principal"].match(masked[at.end():]):
            _add_people_en(reading, c.group("chunk"), gazetteer, roles, when=text, line=line)
        for w in when_meeting_en(masked, roles):
            _add_people_en(reading, w.group("chunk"), gazetteer, roles, line=line, context=text)
    fill_places(reading, article.title + "\n" + lede, gazetteer)
    return reading


def when_meeting_en(text: str, roles: Roles) -> Iterable[re.Match]:
    """The sentences of `text` that open with a meeting (`When meeting with Dacic, …`), matched at
    each sentence's start only (searching the whole text costs ten times as much)."""
    if " with " not in text:
        return
    pattern = en_patterns(roles)["when_meeting"]
    for start in [0] + [m.end() for m in SENTENCE_START_RE.finditer(text)]:
        m = pattern.match(text, start)
        if m:
            yield m


SENTENCE_START_RE = re.compile(r"[.!?]\s")


def _official_en(text: str, start: int, end: int, line: int, roles: Roles) -> Official:
    """The Chinese official named at text[start:end], with the title before the name (or in
    apposition after it)."""
    role = title_before(unmask(text), start, roles)
    apposition = re.match(r"^\s*,\s*([^,]{3,160}),", text[end:])
    if not role and apposition:
        role = unmask(apposition.group(1)).strip()
    return Official(name_en=text[start:end], role_en=role, line=line, langs={"en"})


def _chinese_official(text: str, start: int, end: int, gazetteer: Gazetteer) -> bool:
    """Whether the romanised name at text[start:end] is China's official: the gazetteer says so,
    or the words before it do (`his Chinese counterpart`, `China's Minister of Public Security`)."""
    person = gazetteer.person(text[start:end])
    if person is not None:
        return person.side == "china"
    return bool(re.search(r"(?:Chinese|China's|China’s|Public Security)\b[^,.;]{0,60}$", text[:start]))


def _add_people_en(reading: Reading, chunk: str, gazetteer: Gazetteer, roles: Roles, when: str = "",
                   line: int = 0, context: str = "") -> None:
    """Add the counterparts of a phrase; those of a paragraph (`line`) without a country take the
    paragraph's one foreign country."""
    context = when or context
    places = {code for *_, code in gazetteer.find("country", context, "en")} - {"CHN"} if context else set()
    chunk = CHUNK_END_RE.split(chunk, maxsplit=1)[0]
    for part in split_people_en(chunk, gazetteer, roles):
        name, role, country, org = split_name_role_en(part, gazetteer, roles)
        if name and not (country or org) and len(places) == 1:
            country = next(iter(places))
        if name:
            reading.add(Counterpart(name, role, True, country, org, when, line))
        elif country or org:
            reading.add(Counterpart(unmask(part).strip(" ,"), "", False, country, org, when, line))


def attendees_en(article: Article, roles: Roles, principal: Official | None) -> list[Official]:
    """Named officials of `Also present were …` or `… attended the event`, each with the title before the name."""
    found: list[Official] = []
    for line, text in closing_paragraphs(article):
        if not any(cue in text for cue in ATTENDANCE_CUES_EN):  # the list's pattern cannot match
            continue
        for m in en_patterns(roles)["attendee_list"].finditer(text):
            listing = m.group("list1") or m.group("list2") or m.group("list3") or ""
            previous = 0
            for start, end in en_name_spans(listing, roles):
                name = listing[start:end]
                role = re.sub(r"^(?:,|\band\b|\s)+", "", listing[previous:start]).strip(" ,")
                previous = end
                if principal and name_key(name) == name_key(principal.name_en):
                    continue
                found.append(Official(name_en=name, role_en=role, line=line, langs={"en"}))
    return found


# ---------------------------------------------------------------- both

def classify_type(text: str, lang: str) -> str:
    """The engagement type the lede states: video_conference, phone_call, meeting, or event."""
    for event_type, cue in TYPE_CUES[lang]:
        if cue.search(text):
            return event_type
    return "event"


def cameo_code(event_type: str, text: str) -> str:
    """CAMEO: 041 discuss by telephone, 043 host a visit, 042 make a visit, 040 consult."""
    if event_type == "phone_call":
        return "041"
    if event_type in ("meeting", "event") and HOSTED_RE.search(text):
        return "043"
    if event_type == "meeting" and ABROAD_RE.search(text):
        return "042"
    return "040"


def merge_officials(zh: list[Official], en: list[Official]) -> list[Official]:
    """Link the Chinese and English forms of each official by pinyin (rapidfuzz for spelling variants)."""
    merged = [Official(o.name_en, o.name_zh, o.role_en, o.role_zh, o.line, set(o.langs)) for o in zh]
    for person in en:
        key = name_key(person.name_en)
        match = next((m for m in merged if not m.name_en and (name_key(m.name_zh) == key or fuzz.ratio(name_key(m.name_zh), key) >= 85)), None)
        if match:
            match.name_en, match.role_en = person.name_en, person.role_en
            match.langs.add("en")
        else:
            merged.append(Official(person.name_en, "", person.role_en, "", person.line, {"en"}))
    return merged


def read_version(article: Article, gazetteer: Gazetteer, roles: Roles) -> Reading:
    """What one version says (computed once per article, in the per-file stage when it ran)."""
    if article.reading is None:
        article.reading = (read_zh if article.lang == "zh" else read_en)(article, gazetteer, roles)
    return article.reading


def extract_events(pairs: list[Pair], gazetteer: Gazetteer, roles_path: str | Path = ROLES_PATH
                   ) -> tuple[list[dict], list[dict], list[Diagnostic], dict[str, list[tuple[str, dict[str, int]]]]]:
    """The events of every paired article (both versions read and merged: one event per
    counterpart), their attendees, diagnostics, and, for an article that reports several
    engagements (by `pair.event_id`), each one's event id and the line, in each language, of the
    paragraph that tells it alone (0 when none does)."""
    roles = load_roles(roles_path)
    events, attendees, diagnostics, also = [], [], [], {}
    for pair in pairs:
        zh, en = (read_version(a, gazetteer, roles) if a else None for a in (pair.zh, pair.en))
        rows, row_diagnostics = merge_readings(pair, zh, en, gazetteer)
        diagnostics += row_diagnostics
        if not rows:
            continue
        events += [row for row, _ in rows]
        if len(rows) > 1:
            also[pair.event_id] = [(row["event_id"], lines) for row, lines in rows]
        rows = [row for row, _ in rows]
        people = merge_officials(zh.attendees if zh else [], en.attendees if en else [])
        for person in people:
            source = pair.zh if "zh" in person.langs and pair.zh else pair.en
            for row in rows:
                attendees.append({
                    "event_id": row["event_id"], "name_en": person.name_en or romanise(person.name_zh),
                    "name_zh": person.name_zh, "role_en": person.role_en, "role_zh": person.role_zh,
                    "lang_seen": "both" if len(person.langs) == 2 else next(iter(person.langs)),
                    "source_file": source.source_file, "line": person.line,
                })
            if pair.zh and pair.en and len(person.langs) == 1:
                diagnostics.append(Diagnostic(source.source_file, person.line, "info", "attendee_one_language",
                                              f"attendee {person.name_en or person.name_zh} appears only in the "
                                              f"{'Chinese' if 'zh' in person.langs else 'English'} version"))
            if not gazetteer.person(person.name_en or person.name_zh) and not gazetteer.person(person.name_zh or "-"):
                diagnostics.append(Diagnostic(source.source_file, person.line, "info", "not_in_gazetteer",
                                              f"person not in the gazetteer: {person.name_en or romanise(person.name_zh)} {person.name_zh}".strip()))
    return events, attendees, diagnostics, also


def pair_counterparts(zh: list[Counterpart], en: list[Counterpart]) -> list[tuple[Counterpart | None, Counterpart | None]]:
    """The Chinese and English forms of each counterpart: by country or organisation, then in order."""
    pairs: list[tuple[Counterpart | None, Counterpart | None]] = []
    left = list(en)
    for c in zh:
        place = c.country or c.org
        match = next((e for e in left if place and (e.country or e.org) == place), None)
        if match is None and left and not (place and (left[0].country or left[0].org)):
            match = left[0]
        if match is None and len(zh) == len(en) == 1:
            match = left[0]
        if match is not None:
            left.remove(match)
        pairs.append((c, match))
    return pairs + [(None, e) for e in left]


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
            return article_date
        if lang == "zh" and (found.month, found.day) != (month, day) and found.day >= day:
            found = PartialDate(year, month, found.day, found.text)  # a later day of the same trip
    year = found.year or year
    if year is None:
        return f"--{found.month:02d}-{found.day:02d}"
    when = found.with_year(year)
    return when.isoformat() if when else article_date


def role_held(person, date: str) -> str:
    """The English title the gazetteer gives a person on `date` (ISO), or ''."""
    for role in (person.roles if person and date else ()):
        if str(role.get("from") or "") <= date and (not role.get("to") or date <= str(role["to"])):
            return role.get("en", "")
    return ""


def merge_readings(pair: Pair, zh: Reading | None, en: Reading | None, gazetteer: Gazetteer
                   ) -> tuple[list[tuple[dict, dict[str, int]]], list[Diagnostic]]:
    """Merge the two readings of one article into one event per counterpart, each with the line
    of its own paragraph in each language; disagreements become diagnostics."""
    first = pair.zh or pair.en
    readings = [r for r in (zh, en) if r]
    diagnostics: list[Diagnostic] = []

    def note(code: str, message: str, severity: str = "info") -> None:
        diagnostics.append(Diagnostic(first.source_file, first.line_start, severity, code, message))

    principal_zh = zh.principal if zh and zh.principal else None
    principal_en = en.principal if en and en.principal else None
    if not principal_zh and not principal_en:
        note("no_principal", "no Chinese principal found in the lede: not an engagement we can code", "warning")
        return [], diagnostics
    types = {r.event_type for r in readings}
    event_type = min(types, key=TYPE_PRIORITY.index)
    if len(types) > 1:
        note("type_mismatch", f"the versions suggest different event types: {sorted(types)}; kept {event_type}")
    name_en = principal_en.name_en if principal_en else ""
    name_zh = principal_zh.name_zh if principal_zh else ""
    if name_en and name_zh and name_key(name_en) != name_key(name_zh):
        note("principal_mismatch", f"principal differs between versions: {name_zh} / {name_en}", "warning")
    person = gazetteer.person(name_zh or name_en)
    if person is None:
        note("not_in_gazetteer", f"principal not in the gazetteer: {name_en or romanise(name_zh)} {name_zh}".strip())
    counterparts = pair_counterparts(zh.counterparts if zh else [], en.counterparts if en else []) or [(None, None)]
    text = "\n".join(a.text for a in (pair.zh, pair.en) if a)
    rows, last_date = [], pair.date
    for c_zh, c_en in counterparts:
        both = [c for c in (c_zh, c_en) if c]
        country = next((c.country for c in both if c.country), "")
        org = next((c.org for c in both if c.org), "")
        if c_zh and c_en and c_zh.country and c_en.country and c_zh.country != c_en.country:
            note("country_mismatch", f"Chinese version names {c_zh.country}, English version {c_en.country}", "warning")
        if c_zh and c_en and c_zh.org and c_en.org and c_zh.org != c_en.org:
            note("org_mismatch", f"Chinese version names {c_zh.org}, English version {c_en.org}", "warning")
        if country and org:
            country = ""  # an organisation's official: the organisation is the counterpart
        if country in gazetteer.domestic:
            note("domestic_counterpart", f"counterpart from {country}, China's own: not a foreign engagement")
            continue
        for c in both:
            if c.is_person and gazetteer.person(c.name) is None:
                note("not_in_gazetteer", f"counterpart not in the gazetteer: {c.name}")
        date = engagement_date(pair.date, [c.when for c in both if c.when], last_date)
        last_date = date
        own_type = min((classify_type(to_simplified(c.when), "zh" if c is c_zh else "en") for c in both if c.when),
                       key=TYPE_PRIORITY.index, default=event_type)
        if own_type == "meeting" and not any(c.is_person for c in both) and org:
            own_type = "event"  # a multilateral meeting: its body is no one to meet
        rows.append(({
            "event_id": pair.event_id if not rows else f"{pair.event_id}-{len(rows) + 1}",
            "date": date, "year_inferred": pair.year_inferred, "year_source": pair.year_source,
            "event_type": own_type, "cameo_code": cameo_code(own_type, text),
            "principal_en": name_en or (person.name_en if person else romanise(name_zh)),
            "principal_zh": name_zh or (person.name_zh if person else ""),
            "principal_role_en": principal_en.role_en if principal_en and principal_en.role_en else role_held(person, pair.date),
            "counterpart_en": c_en.name if c_en else "", "counterpart_zh": c_zh.name if c_zh else "",
            "counterpart_role_en": c_en.role if c_en else "",
            "counterpart_country": country, "counterpart_org": org,
            "source_file": "; ".join(sorted({a.source_file for a in (pair.zh, pair.en) if a})),
            "zh_article_id": pair.zh.article_id if pair.zh else "", "en_article_id": pair.en.article_id if pair.en else "",
            "title_en": pair.en.title if pair.en else "", "title_zh": pair.zh.title if pair.zh else "",
            "zh_lines": f"{pair.zh.line_start}-{pair.zh.line_end}" if pair.zh else "",
            "en_lines": f"{pair.en.line_start}-{pair.en.line_end}" if pair.en else "",
        }, {"zh": c_zh.line if c_zh else 0, "en": c_en.line if c_en else 0}))
    return rows, diagnostics
