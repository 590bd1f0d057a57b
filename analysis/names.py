"""Names: who is named, and with which title, in either language.

The editable word lists of `data/roles.yaml` (title words, honorifics, abbreviations, name
particles), Chinese names matched to their pinyin, and the parsing of a phrase that names a
person into name, role, country and organisation (`Pakistan's Interior Minister Sheikh Rasheed
Ahmad`, `巴基斯坦內政部長拉希德`).
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

from .gazetteer import Gazetteer
from .text import to_simplified, toneless_pinyin

ROLES_PATH = Path(__file__).parent / "data" / "roles.yaml"


# Stands for the full stop of an abbreviation while a lede is parsed (`U.S.` does not end a
# sentence); of the same length, so offsets hold.
ABBREVIATION_DOT = "\u2024"


@dataclass(frozen=True, eq=False)  # hashed by identity: the patterns built from it are cached by it
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
    portfolios: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (Chinese term, its English terms)
    honorifics_zh: tuple[str, ...] = ()


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
        tuple((to_simplified(zh), tuple(en.lower() for en in ens)) for zh, ens in (data.get("portfolios") or {}).items()),
        tuple(sorted({to_simplified(s) for s in data.get("honorifics_zh", [])}, key=len, reverse=True)),
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
    principal: Official | None = None  # China's official in this engagement, when not the lede's


@lru_cache(maxsize=1 << 16)  # the same names meet again in every copy of a readout
def shared_portfolios(role_zh: str, role_en: str, roles: Roles) -> int:
    """How many portfolios a Chinese and an English title both name.

    >>> roles = load_roles()
    >>> shared_portfolios("美国国土安全部部长", "Secretary of Homeland Security", roles), shared_portfolios("美国国土安全部部长", "Attorney General", roles)
    (1, 0)
    """
    role_zh, role_en = to_simplified(role_zh), role_en.lower()
    return sum(zh in role_zh and any(en in role_en for en in ens) for zh, ens in roles.portfolios)


@lru_cache(maxsize=1 << 16)  # the same names meet again in every copy of a readout
def same_person(a: str, b: str) -> bool:
    """One person named twice: a name and a part of it, the same name in another script or
    spelling ('Ivica Dacic' and 'Dacic', '维莱·拉坎丰' and '維萊·拉坎豐', 'Rasheed' and 'Rashid').

    >>> same_person("Ivica Dacic", "Dacic"), same_person("维莱·拉坎丰", "拉坎豐"), same_person("Dacic", "Mchunu")
    (True, True, False)
    """
    a, b = (" ".join(re.sub(r"[·•・.,]", " ", to_simplified(s)).lower().split()) for s in (a, b))
    if not (a and b):
        return False
    if re.search(r"[\u4e00-\u9fff]", a + b):  # a Chinese name written without its separator: `伊维察达契奇`
        a, b = a.replace(" ", ""), b.replace(" ", "")
        return a in b or b in a
    return fuzz.token_set_ratio(a, b) >= 85


# Characters no Chinese person's name holds: what a title or a meeting's name ends with.
NOT_IN_NAME_ZH = set("会议次届第部局国组织委员论坛峰大年月日级长员团份的并")
# Ranks and honorifics after a foreign name: `昂觉敏中将`, `本恩先生`.
# What follows a name in a lede and is not part of it: `约翰逊在华盛顿`, `萨肯28日出席`, `馬約卡斯(Alejandro Mayorkas)`.
AFTER_NAME_ZH = re.compile(r"在|于|於|举行|舉行|\d{1,2}[月日]|(?:周|週|星期)[一二三四五六日天]|[去今前明]年|视频|視頻|视讯|視訊|通话|通話|出席|[（(]")
# Those with a person, after the name: `阿奎诺一行19人`, `等人`.
GROUP_AFTER_NAME_ZH_RE = re.compile(r"(?:一行(?:\d+人)?|等人|等)$")
RANK_AFTER_NAME_ZH = re.compile(r"(?:警察|警)?(?:[大上中少准][将將]|[大上中少]校|[将將][军軍]|博士|先生|女士|[阁閣]下)$")


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


def slice_original(original: str, simplified: str, start: int, end: int) -> str:
    """The span of the original text (Traditional or Simplified) at offsets found in its Simplified form."""
    return (original if len(original) == len(simplified) else simplified)[start:end]


GUEST_WORDS_ZH = "客人|来宾|外宾|嘉宾|貴賓|贵宾"  # guests, no one named
GUESTS_ZH_RE = re.compile(f"(?:{GUEST_WORDS_ZH})$")


# Those met as attending a meeting: `出席…部长级会议的各国代表团团长`.
ATTENDING_ZH_RE = re.compile(r"(?:出席|参加)(?P<meeting>[^，,。；;]{2,60}?(?:会议|论坛|峰会|大会|对话会|对话|研讨会))的(?P<who>.+)$")
DELEGATIONS_ZH_RE = re.compile(r"代表团|与会")


def counterpart_zh(chunk: str, gazetteer: Gazetteer, roles: Roles) -> Counterpart:
    """`巴基斯坦內政部長拉希德` → a person: country PAK, role 內政部長, name 拉希德. The delegations
    attending a meeting are the meeting (`出席…会议的各国代表团团长`)."""
    chunk = GROUP_AFTER_NAME_ZH_RE.sub("", chunk.strip())
    attending = ATTENDING_ZH_RE.match(to_simplified(chunk))
    if attending:  # `出席…部长级会议的各国代表团团长`: the delegations are the meeting's; a person, who he is
        meeting, chunk = chunk[slice(*attending.span("meeting"))], chunk[attending.start("who"):]
        if DELEGATIONS_ZH_RE.search(attending.group("who")):
            orgs = gazetteer.find("org", meeting, "zh")
            return Counterpart(meeting, org=orgs[0][2] if orgs else "")
    found = Counterpart(is_person=True)
    countries, orgs = gazetteer.find_both(chunk, "zh")
    countries = [c for c in countries if c[2] != "CHN"]
    if GUESTS_ZH_RE.search(chunk):  # `老挝、尼加拉瓜和亚美尼亚客人`: guests, no one named
        return Counterpart(chunk, country=countries[0][2] if countries else "")
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
    found.name = RANK_AFTER_NAME_ZH.sub("", GROUP_AFTER_NAME_ZH_RE.sub("", AFTER_NAME_ZH.split((rest[len(role):] if name else rest).strip())[0]))
    honorific = next((h for h in roles.honorifics_zh if to_simplified(found.name).startswith(h)), "")
    if found.is_person and len(found.name) > len(honorific) + 1:  # `拿督斯里赛弗丁`: Datuk Seri Saifuddin
        found.name = found.name[len(honorific):]
    found.role = rest[: len(role)] if name else ""
    return found


LIST_SEPARATOR_RE = re.compile(r"[、，,]|(?<=[\u4e00-\u9fff])(?:以及|和|及)(?=[\u4e00-\u9fff])")


def list_items(text: str) -> list[tuple[int, int]]:
    """Spans of the items of a Chinese list: '孟扬、程国平和林锐' → [(0, 2), (3, 6), (7, 9)]."""
    spans, pos = [], 0
    for m in LIST_SEPARATOR_RE.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    return spans + [(pos, len(text))]


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
def pinyin_name_re(roles: Roles) -> re.Pattern:
    """A common surname and a capitalised word after it: what may be a romanised Chinese name."""
    return re.compile(surname_alternation(roles.surnames) + r"\s+[A-Z][a-z]+(?:-[a-z]+)?\b")


def en_name_spans(text: str, roles: Roles) -> list[tuple[int, int]]:
    """Spans of romanised Chinese names: a common surname and a pinyin given name ('Meng Yang')."""
    return [m.span() for m in pinyin_name_re(roles).finditer(text) if is_pinyin_word(m.group(0).split()[1])]


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
    return _masked(text, roles)


@lru_cache(maxsize=1 << 12)  # a paragraph is masked by each reader of it
def _masked(text: str, roles: Roles) -> str:
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


GROUP_MEMBERS_RE = re.compile(r"(?P<group>.+?),?\s+(?:including|among them|such as)\s+(?P<members>.+)$")


SEPARATORS_EN_RE = re.compile(r"(,?\s+and\s+|;\s+|,\s+)")


def split_people_en(chunk: str, gazetteer: Gazetteer, roles: Roles) -> list[str]:
    """The counterparts a lede names together, split at `and` (or a comma) where a name ends and
    a new person begins: 'Serbian Minister Ivica Dacic and South African Police Minister Senzo
    Mchunu'. A title joined by `and` (`Deputy Prime Minister and Minister of the Interior`) or a
    title in apposition (`Giuseppe Crocetti, Chief of Mission`) stays with its name, and an
    organisation's name with its `and` in one piece. A group
    that names no one, then `including` its members, gives the members ('officials of the
    government, including Interior Minister Sar Kheng and …')."""
    group = GROUP_MEMBERS_RE.match(chunk)
    if group and not _names_someone(group.group("group"), gazetteer, roles):
        chunk = group.group("members")
    # split at `and`, `;` and commas, but not inside an organisation's name (`Organization for
    # Economic Co-operation and Development`)
    orgs = [(start, end) for start, end, _ in gazetteer.find("org", chunk, "en")]
    pieces = SEPARATORS_EN_RE.split(chunk)
    at, joined = len(pieces[0]), pieces[:1]
    for separator, part in zip(pieces[1::2], pieces[2::2]):
        if any(start < at < end for start, end in orgs):
            joined[-1] += separator + part
        else:
            joined += [separator, part]
        at += len(separator) + len(part)
    people = [joined[0]]
    parts = list(zip(joined[1::2], joined[2::2]))
    for number, (separator, part) in enumerate(parts):
        words = part.split()
        names_someone = _ends_with_name(part, gazetteer, roles) or (
            len(words) > 2 and all(_is_name_word(w, gazetteer, roles) for w in words[:2]))
        # a title after `and` opens the next person when a name follows it (`Niteretse and Deputy
        # Prime Minister and Interior Minister of the DRC Jacquemain Shabani`)
        opens_next = "and" in separator and not names_someone and words[:1] and words[0] in roles.title_words_en \
            and any(_names_someone(later, gazetteer, roles) for _, later in parts[number + 1:])
        if (names_someone or opens_next) and _names_someone(people[-1], gazetteer, roles):
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
    """Whether `text` ends with a word of a name, not with a country's or a body's (`… of the
    United Arab Emirates`)."""
    text = text.rstrip(" ,")
    words = text.split()
    if not (words and _is_name_word(words[-1], gazetteer, roles)):
        return False
    run = len(words) - 1
    while run > 0 and _is_name_word(words[run - 1], gazetteer, roles):
        run -= 1
    return not _portfolio(words, len(words) - run) \
        and not any(end == len(text) for found in gazetteer.find_both(text, "en") for _, end, _ in found)


def _portfolio(words: list[str], named: int) -> bool:
    """Whether the last `named` capitalised words of a title's `words` are what the title is for,
    not a person's name: `Minister for Policing`, `Director of the Anti-Human Trafficking Center`."""
    return len(words) > named and words[-named - 1] in ("for", "of", "the") and (named == 1 or words[-named - 1] == "the")


def _is_name_word(word: str, gazetteer: Gazetteer, roles: Roles) -> bool:
    if word.startswith("("):  # `(SAC)`: a body's acronym, after its name
        return False
    bare = word.strip(",()“”\"'")
    bare = bare[:-2] if bare.endswith(("'s", "’s")) else bare
    # a capital alone is no name (`I met with …`); an initial keeps its stop (`A.`)
    return len(bare) > 1 and bare[0].isupper() and bare not in roles.title_words_en and bare not in roles.not_name_en \
        and not gazetteer.find("country", unmask(bare), "en") and not gazetteer.find("org", unmask(bare), "en")


COURTESY_TITLES_EN = {"mr", "mrs", "ms", "mister", "madam", "sir", "samdech"}


# Where a photo caption places someone: `(right)`, `(2nd L)`, `(C)`.
CAPTION_PLACE_EN_RE = re.compile(r"\s*\((?:\d(?:st|nd|rd|th)\s+(?:from\s+)?)?(?:right|left|centre|center|front|back|[LRC])\)", re.I)


def split_name_role_en(chunk: str, gazetteer: Gazetteer, roles: Roles) -> tuple[str, str, str, str]:
    """Parse a counterpart phrase into (name, role, country, org).

    >>> g = __import__("analysis.gazetteer", fromlist=["x"]).load_gazetteer()
    >>> split_name_role_en("Pakistan's Interior Minister Sheikh Rasheed Ahmad", g, load_roles())
    ('Sheikh Rasheed Ahmad', 'Interior Minister', 'PAK', '')
    >>> split_name_role_en("Minister of Interior of the UAE Lt-Gen Sheikh Saif bin Zayed Al Nahyan", g, load_roles())
    ('Sheikh Saif bin Zayed Al Nahyan', 'Minister of Interior of the UAE', 'ARE', '')
    """
    chunk = CAPTION_PLACE_EN_RE.sub("", unmask(chunk)).strip(" ,")
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
        if name and word.endswith(","):  # `… of the Solomon Islands, Hon. Jimson Tanangada`: the name starts after it
            break
        # a demonym ending the phrase after a name's word is part of the name (`Le Duc Thai`): an
        # adjective would stand before its noun
        last_of_name = i == len(words) - 1 and i > 0 and word.isalpha() and word[0].isupper() \
            and _is_name_word(words[i - 1], gazetteer, roles) and gazetteer.find("country", word, "en")
        if particle or last_of_name or _is_name_word(word, gazetteer, roles):
            name.insert(0, word)
        else:
            break
    if name and _portfolio(words, len(name)):  # `Minister for Policing`: a title, no one named
        name = []
    role_words = words[: len(words) - len(name)]
    if countries and not org and role_words and gazetteer.find("country", role_words[0], "en"):
        role_words = role_words[1:]
    full_name = strip_honorifics(" ".join(name).strip(" ,"), roles)
    honorifics = " ".join(name)[: len(" ".join(name)) - len(full_name)].strip()
    role = re.sub(r"^(?:the|visiting)\s+", "", " ".join(role_words).strip(" ,"))  # `visiting Mongolian Minister …`
    if role.rstrip(".").lower() in COURTESY_TITLES_EN:  # `Mr Kheng`: no title
        role = ""
    if honorifics and re.sub(r"[.\-]", "", honorifics).lower() not in roles.honorifics_en:
        role = f"{role} {honorifics}".strip()
    if country and full_name and not gazetteer.find("country", chunk.replace(full_name, ""), "en"):
        country = ""  # named only inside the name (`Le Duc Thai`): no country said
    return full_name, role, country, org


def role_held(person, date: str) -> str:
    """The English title the gazetteer gives a person on `date` (ISO), or ''."""
    for role in (person.roles if person and date else ()):
        if str(role.get("from") or "") <= date and (not role.get("to") or date <= str(role["to"])):
            return role.get("en", "")
    return ""
