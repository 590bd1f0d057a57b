"""The gazetteer: countries (pycountry + `data/gazetteer.yaml`), organisations and people.

It helps resolve names found in the text; it never decides what is extracted.
"""

from __future__ import annotations

import gettext
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pycountry
import yaml

from .text import StringFinder, to_simplified, to_traditional

DEFAULT_PATH = Path(__file__).parent / "data" / "gazetteer.yaml"


@dataclass(frozen=True)
class Person:
    name_en: str
    name_zh: str
    side: str
    country: str = ""
    org: str = ""
    aliases: tuple[str, ...] = ()
    roles: tuple[dict, ...] = ()


FOUND_CACHE_SIZE = 1 << 14  # texts whose places are kept (a paragraph is read by several stages)


@dataclass
class Gazetteer:
    """Name lookups in both languages; Chinese keys are Simplified, English keys as written."""

    countries_en: dict[str, str] = field(default_factory=dict)
    countries_zh: dict[str, str] = field(default_factory=dict)
    orgs_en: dict[str, str] = field(default_factory=dict)
    orgs_zh: dict[str, str] = field(default_factory=dict)
    people: list[Person] = field(default_factory=list)
    domestic: frozenset[str] = frozenset()  # codes of places that are China's own (HKG, MAC): no foreign side
    pairs_zh: dict[str, str] = field(default_factory=dict)  # `俄` of `中俄`: the other side of a bilateral name

    def __post_init__(self) -> None:
        # English names of both kinds in one finder (one pass over a text for both); Chinese ones
        # apart, as each kind takes its longest names.
        self._finders = {"en": StringFinder([*self.countries_en, *self.orgs_en]),
                         "country_zh": StringFinder(self.countries_zh), "org_zh": StringFinder(self.orgs_zh)}
        names = "|".join(sorted(map(re.escape, self.pairs_zh), key=len, reverse=True)) or "(?!)"
        self._pair_zh = re.compile(rf"(?<![\u4e00-\u9fff])(?:第[^届次]{{1,4}}[届次])?(?:中({names})|({names})中)(?!国)")
        self._people_by_name = {}
        self._found: dict[tuple[str, str], tuple[tuple, tuple]] = {}  # `find_both`'s answers
        for person in self.people:
            for name in (person.name_en, person.name_zh, *person.aliases):
                if name:
                    self._people_by_name[_key(name)] = person

    def find(self, kind: str, text: str, lang: str) -> tuple[tuple[int, int, str], ...]:
        """(start, end, code) of every country or organisation (`kind`) named in `text`: the
        longest name first, left to right, without overlaps. English names are whole words (a
        hyphen joins words), with or without `'s`; Chinese text is matched in Simplified form, and
        offsets are those of `text` (OpenCC keeps the length).
        """
        return self.find_both(text, lang)[kind == "org"]

    def find_both(self, text: str, lang: str) -> tuple[tuple[tuple[int, int, str], ...], tuple[tuple[int, int, str], ...]]:
        """`find` of the countries and of the organisations of one text (converted or searched
        once; a text is searched once for all its readers)."""
        key = (text, lang)
        if key not in self._found:
            if len(self._found) >= FOUND_CACHE_SIZE:
                self._found.clear()
            if lang == "zh":
                simplified = to_simplified(text)
                both = self._find_zh("country", simplified), self._find_zh("org", simplified)
            else:
                found = self._finders["en"].find_all(text)
                both = _whole_names(text, found, self.countries_en), _whole_names(text, found, self.orgs_en)
            self._found[key] = tuple(both[0]), tuple(both[1])  # shared by its readers: not to be changed
        return self._found[key]

    def _find_zh(self, kind: str, simplified: str) -> list[tuple[int, int, str]]:
        table = self.countries_zh if kind == "country" else self.orgs_zh
        return [(start, end, table[name]) for start, end, name in self._finders[f"{kind}_zh"].find_longest(simplified)]

    def bilateral_zh(self, name: str) -> str:
        """The other country of a bilateral mechanism that a Chinese name opens with (`第十一届中俄禁毒
        合作部长级会议` → 'RUS'), or ''."""
        m = self._pair_zh.match(to_simplified(name.strip()))
        return self.pairs_zh[m.group(1) or m.group(2)] if m else ""

    def person(self, name: str) -> Person | None:
        """The gazetteer entry for a name in either language or any alias."""
        return self._people_by_name.get(_key(name))

    def display_name(self, code: str) -> str:
        """A country or organisation code as the report labels it: 'PAK' → 'Pakistan 巴基斯坦', 'SCO' → 'SCO 上合組織'."""
        country = pycountry.countries.get(alpha_3=code)
        if country:
            english = getattr(country, "common_name", None) or country.name
            chinese = next((to_traditional(zh) for zh, c in self.countries_zh.items() if c == code), "")
            return f"{english} {chinese}".strip()
        chinese = min((zh for zh, c in self.orgs_zh.items() if c == code), key=len, default="")
        return f"{code} {to_traditional(chinese)}".strip()


@lru_cache(maxsize=1 << 14)  # the same names are looked up in every article
def _key(name: str) -> str:
    return re.sub(r"[\s·‧・.\-]", "", to_simplified(name)).lower()


def _whole_names(text: str, found: list[tuple[int, int, str]], table: dict[str, str]) -> list[tuple[int, int, str]]:
    """The names of `table` among the strings `found` in English `text` (by start, longest first)
    that stand as whole words, or with `'s`, left to right without overlaps, with their codes."""
    names, position = [], 0
    for start, end, name in found:
        if name not in table or start < position or _joins_word(text, start - 1):
            continue
        if text.startswith("'s", end) and not _joins_word(text, end + 2):
            end += 2
        elif _joins_word(text, end):
            continue
        names.append((start, end, table[name]))
        position = end
    return names


def _joins_word(text: str, index: int) -> bool:
    """Whether the character at `index` would join a name to a word: a letter, digit, _ or -."""
    return 0 <= index < len(text) and (text[index].isalnum() or text[index] in "_-")


def load_gazetteer(path: str | Path = DEFAULT_PATH) -> Gazetteer:
    """Read the gazetteer file and add every country's names from pycountry, English and Chinese
    (once per process, and again when the file changes)."""
    return _load_gazetteer(str(path), Path(path).stat().st_mtime_ns)


@lru_cache(maxsize=8)
def _load_gazetteer(path: str, mtime_ns: int) -> Gazetteer:
    data = yaml.load(Path(path).read_text(encoding="utf-8"), Loader=yaml.CSafeLoader) or {}
    countries_en: dict[str, str] = {}
    countries_zh: dict[str, str] = {}
    for locale in ("zh_CN", "zh_TW"):
        translation = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[locale])
        for country in pycountry.countries:
            for attr in ("name", "common_name"):
                value = getattr(country, attr, None)
                if value:
                    countries_zh[to_simplified(translation.gettext(value))] = country.alpha_3
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value and len(value) > 3:
                countries_en[value] = country.alpha_3
    for code, names in [*(data.get("countries") or {}).items(), *(data.get("capitals") or {}).items()]:
        for name in names.get("en", []):
            countries_en[name] = code
        for name in names.get("zh", []):
            countries_zh[to_simplified(name)] = code
    orgs_en, orgs_zh = {}, {}
    for code, names in (data.get("organisations") or {}).items():
        for name in names.get("en", []):
            orgs_en[name] = code
        for name in names.get("zh", []):
            orgs_zh[to_simplified(name)] = code
    people = [
        Person(p["name_en"], p.get("name_zh", ""), p.get("side", ""), p.get("country", ""), p.get("org", ""),
               tuple(p.get("aliases", []) or []), tuple(p.get("roles", []) or []))
        for p in data.get("people") or []
    ]
    pairs_zh = {to_simplified(name): code for code, names in (data.get("pairs") or {}).items() for name in names}
    return Gazetteer(countries_en, countries_zh, orgs_en, orgs_zh, people, frozenset(data.get("domestic") or ()), pairs_zh)
