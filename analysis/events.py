"""Stage 5, events: who met or called whom, when, how, and which Chinese officials were also present.

Each language version is read on its own, from the sentence patterns of these readouts (a lede
`ROLE NAME 同 COUNTRY ROLE NAME 通電話`, `ROLE NAME met with NAME, ROLE`, an attendee list closing the
article); the two readings are then merged, and any disagreement is written as a diagnostic.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable

import yaml
from rapidfuzz import fuzz

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
        ("phone_call", re.compile(r"(?=[cpt])(?:\bphone\b|\btelephone\b|\bcalled\b|\bphone call\b)", re.I)),
        ("meeting", re.compile(r"(?=[chmrtv])(?:\bmet\b|\bmeets? with\b|\bheld talks\b|\btalks with\b|\bco-chair"
                               r"|\bmeeting with\b|\breceived\b|\bvisit(?:ed|ing)? (?:to )?(?!the Ministry)[A-Z])", re.I)),
    ],
}
HOSTED_RE = re.compile(r"访华|来华|在京|驻华|来访|走进|参观|in Beijing|to China|in China|visit(?:ed|s)? the Ministry", re.I)
ABROAD_RE = re.compile(r"出访|访问(?!团)|赴|paid a visit to|on a visit to|during (?:his|her) visit to", re.I)
EN_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"


@dataclass(frozen=True)
class Roles:
    """The editable word lists of `data/roles.yaml`, compiled."""

    suffixes_zh: tuple[str, ...]
    not_person_zh: tuple[str, ...]
    title_words_en: frozenset[str]
    lede_verbs_en: tuple[str, ...]
    surnames: frozenset[str]


@lru_cache(maxsize=4)
def load_roles(path: str | Path = ROLES_PATH) -> Roles:
    data = yaml.load(Path(path).read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    return Roles(
        tuple(sorted({to_simplified(s) for s in data["title_suffixes_zh"]}, key=len, reverse=True)),
        tuple(to_simplified(s) for s in data["not_person_zh"]),
        frozenset(data["title_words_en"]),
        tuple(data["lede_verbs_en"]),
        frozenset(data["surnames_pinyin"]),
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
class Reading:
    """What one language version says about its engagement."""

    lang: str
    event_type: str = "event"
    principal: Official | None = None
    counterpart: str = ""
    counterpart_role: str = ""
    counterpart_is_person: bool = False
    country: str = ""
    org: str = ""
    attendees: list[Official] = field(default_factory=list)


# ---------------------------------------------------------------- Chinese

@lru_cache(maxsize=4)
def zh_patterns(roles: Roles) -> dict[str, re.Pattern]:
    """The sentence patterns of Chinese readouts, built with the title words of `roles`."""
    suffix = "|".join(roles.suffixes_zh)
    return {
        "principal": re.compile(
            rf"(?P<role>[\u4e00-\u9fff、]{{0,30}}?(?:{suffix}))(?P<name>[\u4e00-\u9fff·]{{2,6}}?)"
            r"(?:\d{1,2}日)?(?=应约|同|与|和|会见|会晤|出席|在|致电|通电话|主持|接见|率|视频|表示|向|赴|前往|会同)"),
        "bilateral": re.compile(
            r"(?:同|与|和)(?P<chunk>[^，,。；;]{2,60}?)(?:举行)?(?:紧急)?(?:视频)?"
            r"(?:通电话|通话|会谈|会晤|工作会谈|视频会晤|视频通话|共同主持)"),
        "received": re.compile(r"(?:会见|会晤|接见|拜会)(?:了)?(?P<chunk>[^，,。；;]{2,60}?)(?:一行)?(?=[，,。；;]|时)"),
        "meeting": re.compile(
            r"(?:^|[，,。])(?P<chunk>[^，,。；;]{4,80}?(?:会议|论坛|峰会|大会|研讨会|对话会|部长级会议))"
            r"(?:\d{1,2}月\d{1,2}日)?(?:以视频(?:形式|方式)|通过视频|在[^，,。]{1,12})?(?:召开|举行)"),
        "attended": re.compile(r"出席(?P<chunk>[^，,。；;并]{2,60}?(?:会议|论坛|峰会|大会|开幕式|仪式|对话))"),
        "audience": re.compile(r"(?P<chunk>\d+多?(?:位|名|个)[^，,。；;]{2,40}?)(?:参加|出席|参访|来访|到访)"),
        "attendee_list": re.compile(r"(?:^|。)(?P<list>[^。]{4,400}?)(?:参加|陪同|出席)(?:了)?(?:上述)?(?:活动|会议|会见|会谈|通话|见面交流会|仪式)?。"),
    }


def split_role_name_zh(item: str, roles: Roles) -> tuple[str, str]:
    """Split `ROLE NAME` (Simplified) at the end of the last title: '公安部部长助理陈思源' → ('公安部部长助理', '陈思源').

    Returns ('', item) when no title is found and (item, '') when the item is a title only.
    """
    item = item.strip()
    if item.endswith(roles.suffixes_zh):
        return item, ""
    for name_len in range(2, min(9, len(item))):
        role = item[:-name_len]
        if role.endswith(roles.suffixes_zh):
            return role, item[-name_len:]
    return "", item


def _slice(original: str, simplified: str, start: int, end: int) -> str:
    """The span of the original text (Traditional or Simplified) at offsets found in its Simplified form."""
    return (original if len(original) == len(simplified) else simplified)[start:end]


def read_zh(article: Article, gazetteer: Gazetteer, roles: Roles) -> Reading:
    reading = Reading("zh")
    lede_line, lede = article.body[0] if article.body else (article.line_start, "")
    simple = to_simplified(lede)
    patterns = zh_patterns(roles)
    reading.event_type = classify_type(to_simplified(article.title) + "\n" + simple, "zh")
    m = patterns["principal"].search(simple)
    if m:
        reading.principal = Official(name_zh=_slice(lede, simple, *m.span("name")),
                                     role_zh=_slice(lede, simple, *m.span("role")), line=lede_line, langs={"zh"})
    after = simple[m.end():] if m else simple
    offset = m.end() if m else 0
    for kind in ("bilateral", "received"):
        c = patterns[kind].search(after)
        if c:
            start, end = c.span("chunk")
            chunk = _slice(lede, simple, start + offset, end + offset)
            _fill_counterpart_zh(reading, chunk, gazetteer, roles)
            reading.counterpart_is_person = True
            break
    else:
        meeting = patterns["meeting"].search(simple) or patterns["attended"].search(simple)
        audience = patterns["audience"].search(simple)
        chunk = _slice(lede, simple, *meeting.span("chunk")) if meeting else ""
        orgs = gazetteer.find("org", chunk, "zh")
        if chunk and orgs:
            reading.counterpart, reading.org = chunk.strip(), orgs[0][2]
        elif audience:
            reading.counterpart = _slice(lede, simple, *audience.span("chunk"))
        elif chunk:
            reading.counterpart = chunk.strip()
    reading.attendees = attendees_zh(article, roles, reading.principal)
    return reading


def _fill_counterpart_zh(reading: Reading, chunk: str, gazetteer: Gazetteer, roles: Roles) -> None:
    """`巴基斯坦內政部長拉希德` → country PAK, role 內政部長, name 拉希德."""
    countries, orgs = gazetteer.find_both(chunk, "zh")
    countries = [c for c in countries if c[2] != "CHN"]
    start = 0
    if orgs and (not countries or orgs[0][0] <= countries[0][0]):
        reading.org, start = orgs[0][2], orgs[0][1]
    elif countries:
        reading.country, start = countries[0][2], countries[0][1]
    rest = chunk[start:]
    role, name = split_role_name_zh(to_simplified(rest), roles)
    reading.counterpart = rest[len(role):] if name else rest
    reading.counterpart_role = rest[: len(role)] if name else ""
    reading.counterpart = reading.counterpart.strip()


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


def attendees_zh(article: Article, roles: Roles, principal: Official | None) -> list[Official]:
    """Named officials of a `…、…參加活動。` sentence; offices without a named person are left out.

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
                role, name = split_role_name_zh(item, roles)
                original = _slice(text, simple, start, end)
                if role and not name:
                    prefix += original + "、"
                    continue
                person = bool(role) and not any(marker in item for marker in roles.not_person_zh)
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
        "after_principal": re.compile(rf"^\s*(?:,[^,]{{3,160}},\s*)?(?:also\s+)?(?:{verbs})\b"),
        "bilateral": re.compile(
            r"\b(?:phone call|phone talks?|telephone (?:call|talks?)|video (?:call|talks?|conference)|talks|talked"
            r"(?: on the phone| by phone| over the phone)?|spoke(?: on the phone| by phone| over the phone)?"
            r"|met|meeting|call)(?:\s+(?:via|by|over|through)\s+(?:a\s+)?(?:video\s*link|video|telephone|phone))?"
            r"\s+(?:with|to)\s+(?P<chunk>.+?)"
            rf"(?=\s+on\s+{EN_MONTH}|\s+on\s+\w+day|\s+via\b|\s+by\s+video|\s+in\s+Beijing|\s+in\s+[A-Z][a-z]+\s+on\b|[.;]\s|[.;]?$)"),
        "meeting": re.compile(
            r"(?:^|[,.]\s+|\b[Tt]he\s+)(?P<chunk>[^,.]{0,40}?(?:Meeting|Conference|Forum|Summit|Dialogue|Session|Ministerial)"
            r"[^,.]*?)\s+(?:was|were)\s+(?:held|convened)"),
        "attended": re.compile(r"\battended\s+(?:and\s+\w+\s+)?the\s+(?P<chunk>[^.]*?(?:Meeting|Conference|Forum|Summit|Dialogue)[^.,]*?)(?=\s+on\s+|[.,]|$)"),
        # A lookahead of what a match starts with (a digit or the first letter of a quantifier)
        # lets the regex engine skip to it.
        "audience": re.compile(
            r"(?=[amnos\d])(?P<chunk>(?:(?:Over|More than|About|Nearly|Some)\s+)?\d+\+?\s+[^.,;]*?(?:diplomats|ambassadors|envoys|representatives|"
            r"officials|delegates|guests)[^.,;]*?)\s+(?:gathered|attended|visited|participated|took part|came)", re.I),
        "attendee_list": re.compile(
            r"(?:^|(?<=[.!?]\s))(?:Also present (?:were|was|at the (?:meeting|event|talks) were)\s+(?P<list1>[^.]+?(?:\.\s*$|(?=\.\s))))"
            r"|(?:^|(?<=[.!?]\s))(?P<list2>[^.]+?)\s+(?:also\s+)?(?:attended|were present at|was present at|accompanied|joined)"
            r"\s+(?:the\s+)?(?:event|meeting|talks|call|activities|activity|phone call|video conference)"),
    }


# Words the attendee_list pattern of `en_patterns` needs: without one of them it cannot match.
ATTENDANCE_CUES_EN = ("Also present", "attended", "present at", "accompanied", "joined")


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


def split_name_role_en(chunk: str, gazetteer: Gazetteer, roles: Roles) -> tuple[str, str, str, str]:
    """Parse a counterpart phrase into (name, role, country, org).

    >>> g = __import__("analysis.gazetteer", fromlist=["x"]).load_gazetteer()
    >>> split_name_role_en("Pakistan's Interior Minister Sheikh Rasheed Ahmad", g, load_roles())
    ('Sheikh Rasheed Ahmad', 'Interior Minister', 'PAK', '')
    """
    countries, orgs = gazetteer.find_both(chunk, "en")
    countries = [c for c in countries if c[2] != "CHN"]
    org = orgs[0][2] if orgs else ""
    country = "" if org else (countries[0][2] if countries else "")
    head, _, tail = chunk.partition(", ")
    head_words = head.split()
    if tail and 1 <= len(head_words) <= 5 and not any(w in roles.title_words_en for w in head_words):
        return head.strip(), tail.strip(" ,"), country, org
    words = chunk.split()
    name: list[str] = []
    for word in reversed(words):
        bare = word.strip(",()“”\"")
        if bare[:1].isupper() and bare not in roles.title_words_en and not gazetteer.find("country", bare, "en") \
                and not gazetteer.find("org", bare, "en"):
            name.insert(0, word)
        else:
            break
    role_words = words[: len(words) - len(name)]
    if countries and not org and role_words and gazetteer.find("country", role_words[0], "en"):
        role_words = role_words[1:]
    return " ".join(name).strip(" ,"), " ".join(role_words).strip(" ,"), country, org


def read_en(article: Article, gazetteer: Gazetteer, roles: Roles) -> Reading:
    reading = Reading("en")
    lede_line, lede = article.body[0] if article.body else (article.line_start, "")
    patterns = en_patterns(roles)
    reading.event_type = classify_type(lede, "en")
    principal_end = 0
    for start, end in en_name_spans(lede, roles):
        after = lede[end:]
        if patterns["after_principal"].match(after):
            role = title_before(lede, start, roles)
            apposition = re.match(r"^\s*,\s*([^,]{3,160}),", after)
            if not role and apposition:
                role = apposition.group(1).strip()
            reading.principal = Official(name_en=lede[start:end], role_en=role, line=lede_line, langs={"en"})
            principal_end = end
            break
    c = patterns["bilateral"].search(lede, principal_end)
    if c:
        name, role, country, org = split_name_role_en(c.group("chunk"), gazetteer, roles)
        reading.counterpart, reading.counterpart_role, reading.country, reading.org = name, role, country, org
        reading.counterpart_is_person = True
    else:
        meeting = patterns["meeting"].search(lede) or patterns["attended"].search(lede)
        audience = patterns["audience"].search(lede)
        chunk = re.sub(r"^[Tt]he\s+", "", meeting.group("chunk").strip()) if meeting else ""
        orgs = gazetteer.find("org", chunk, "en")
        if chunk and orgs:
            reading.counterpart, reading.org = chunk, orgs[0][2]
        elif audience:
            reading.counterpart = audience.group("chunk").strip()
        elif chunk:
            reading.counterpart = chunk
    reading.attendees = attendees_en(article, roles, reading.principal)
    return reading


def attendees_en(article: Article, roles: Roles, principal: Official | None) -> list[Official]:
    """Named officials of `Also present were …` or `… attended the event`, each with the title before the name."""
    found: list[Official] = []
    for line, text in closing_paragraphs(article):
        if not any(cue in text for cue in ATTENDANCE_CUES_EN):  # the list's pattern cannot match
            continue
        for m in en_patterns(roles)["attendee_list"].finditer(text):
            listing = m.group("list1") or m.group("list2") or ""
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
                   ) -> tuple[list[dict], list[dict], list[Diagnostic]]:
    """One event row per paired article (both versions read and merged), its attendees, and diagnostics."""
    roles = load_roles(roles_path)
    events, attendees, diagnostics = [], [], []
    for pair in pairs:
        zh, en = (read_version(a, gazetteer, roles) if a else None for a in (pair.zh, pair.en))
        row, row_diagnostics = merge_readings(pair, zh, en, gazetteer)
        diagnostics += row_diagnostics
        if row is None:
            continue
        events.append(row)
        people = merge_officials(zh.attendees if zh else [], en.attendees if en else [])
        for person in people:
            source = pair.zh if "zh" in person.langs and pair.zh else pair.en
            attendees.append({
                "event_id": pair.event_id, "name_en": person.name_en or romanise(person.name_zh),
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
    return events, attendees, diagnostics


def role_held(person, date: str) -> str:
    """The English title the gazetteer gives a person on `date` (ISO), or ''."""
    for role in (person.roles if person and date else ()):
        if str(role.get("from") or "") <= date and (not role.get("to") or date <= str(role["to"])):
            return role.get("en", "")
    return ""


def merge_readings(pair: Pair, zh: Reading | None, en: Reading | None, gazetteer: Gazetteer
                   ) -> tuple[dict | None, list[Diagnostic]]:
    """Merge the two readings of one engagement; disagreements become diagnostics."""
    first = pair.zh or pair.en
    readings = [r for r in (zh, en) if r]
    diagnostics: list[Diagnostic] = []

    def note(code: str, message: str, severity: str = "info") -> None:
        diagnostics.append(Diagnostic(first.source_file, first.line_start, severity, code, message))

    principal_zh = zh.principal if zh and zh.principal else None
    principal_en = en.principal if en and en.principal else None
    if not principal_zh and not principal_en:
        note("no_principal", "no Chinese principal found in the lede: not an engagement we can code", "warning")
        return None, diagnostics
    types = {r.event_type for r in readings}
    event_type = min(types, key=TYPE_PRIORITY.index)
    if len(types) > 1:
        note("type_mismatch", f"the versions suggest different event types: {sorted(types)}; kept {event_type}")
    country = next((r.country for r in readings if r.country), "")
    org = next((r.org for r in readings if r.org), "")
    if zh and en and zh.country and en.country and zh.country != en.country:
        note("country_mismatch", f"Chinese version names {zh.country}, English version {en.country}", "warning")
    if zh and en and zh.org and en.org and zh.org != en.org:
        note("org_mismatch", f"Chinese version names {zh.org}, English version {en.org}", "warning")
    if country and org:
        country = ""  # an organisation's official: the organisation is the counterpart
    name_en = principal_en.name_en if principal_en else ""
    name_zh = principal_zh.name_zh if principal_zh else ""
    if name_en and name_zh and name_key(name_en) != name_key(name_zh):
        note("principal_mismatch", f"principal differs between versions: {name_zh} / {name_en}", "warning")
    person = gazetteer.person(name_zh or name_en)
    if person is None:
        note("not_in_gazetteer", f"principal not in the gazetteer: {name_en or romanise(name_zh)} {name_zh}".strip())
    counterpart_en = en.counterpart if en else ""
    counterpart_zh = zh.counterpart if zh else ""
    for reading in readings:
        if reading.counterpart_is_person and gazetteer.person(reading.counterpart) is None:
            note("not_in_gazetteer", f"counterpart not in the gazetteer: {reading.counterpart}")
    text = "\n".join(a.text for a in (pair.zh, pair.en) if a)
    row = {
        "event_id": pair.event_id, "date": pair.date, "year_inferred": pair.year_inferred,
        "event_type": event_type, "cameo_code": cameo_code(event_type, text),
        "principal_en": name_en or (person.name_en if person else romanise(name_zh)),
        "principal_zh": name_zh or (person.name_zh if person else ""),
        "principal_role_en": principal_en.role_en if principal_en and principal_en.role_en else role_held(person, pair.date),
        "counterpart_en": counterpart_en, "counterpart_zh": counterpart_zh,
        "counterpart_role_en": en.counterpart_role if en else "",
        "counterpart_country": country, "counterpart_org": org,
        "source_file": "; ".join(sorted({a.source_file for a in (pair.zh, pair.en) if a})),
        "zh_article_id": pair.zh.article_id if pair.zh else "", "en_article_id": pair.en.article_id if pair.en else "",
        "title_en": pair.en.title if pair.en else "", "title_zh": pair.zh.title if pair.zh else "",
        "zh_lines": f"{pair.zh.line_start}-{pair.zh.line_end}" if pair.zh else "",
        "en_lines": f"{pair.en.line_start}-{pair.en.line_end}" if pair.en else "",
    }
    return row, diagnostics
