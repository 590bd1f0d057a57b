"""Attendees: the Chinese officials also present at an engagement, named in a list that closes the
article (`…、…參加活動。`, `Also present were …`, `… was attended by …`), and linked across the
two languages by pinyin.
"""

from __future__ import annotations

import re
from rapidfuzz import fuzz

from .diagnostics import Diagnostic
from .gazetteer import Gazetteer
from .names import Official, Roles, en_name_spans, list_items, name_key, romanise, slice_original, split_role_name_zh
from .pair import Pair
from .segment import Article
from .text import to_simplified

# `…、…参加活动。` (Simplified) and its English forms.
LIST_ZH_RE = re.compile(r"(?:^|。)(?P<list>[^。]{4,400}?)(?:陪同)?(?:参加|陪同|出席)(?:了)?(?:上述)?[^。，,、]{0,10}。")
LIST_EN_RE = re.compile(
    r"(?:^|(?<=[.!?]\s))(?:Also present (?:were|was|at the (?:meeting|event|talks) were)\s+(?P<list1>[^.]+?(?:\.\s*$|(?=\.\s))))"
    r"|(?:^|(?<=[.!?]\s))(?P<list2>[^.]+?)\s+(?:also\s+)?(?:attended|were present at|was present at|accompanied|joined)"
    r"\s+(?:the\s+)?(?:event|meeting|talks|call|activities|activity|phone call|video conference)"
    r"|\b(?:was|were)\s+(?:also\s+)?(?:attended|joined)\s+by\s+(?P<list3>[^.]+)")


def closing_paragraphs(article: Article, count: int = 2) -> list[tuple[int, str]]:
    """The paragraphs where the attendee list stands: the last ones, after the lede."""
    return article.body[1:][-count:] or article.body


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
        for m in LIST_ZH_RE.finditer(simple):
            prefix = ""
            for start, end in list_items(m.group("list")):
                start, end = start + m.start("list"), end + m.start("list")
                item = simple[start:end]
                start, end = start + len(item) - len(item.lstrip()), end - len(item) + len(item.rstrip())
                item = item.strip()  # the offsets of the original must be those of the item
                role, name = split_role_name_zh(item, roles)
                original = slice_original(text, simple, start, end)
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


ATTENDANCE_CUES_EN = ("Also present", "attended", "present at", "accompanied", "joined")  # `attended by` too


def attendees_en(article: Article, roles: Roles, principal: Official | None) -> list[Official]:
    """Named officials of `Also present were …` or `… attended the event`, each with the title before the name."""
    found: list[Official] = []
    for line, text in closing_paragraphs(article):
        if not any(cue in text for cue in ATTENDANCE_CUES_EN):  # the list's pattern cannot match
            continue
        for m in LIST_EN_RE.finditer(text):
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


def attendee_rows(pair: Pair, zh: list[Official], en: list[Official], event_ids: list[str], gazetteer: Gazetteer
                  ) -> tuple[list[dict], list[Diagnostic]]:
    """The attendees of an article's engagements (`event_ids`), both languages merged, each with
    the file and line that names them; one named in one version only, or unknown to the
    gazetteer, is noted."""
    rows, diagnostics = [], []
    for person in merge_officials(zh, en):
        source = pair.zh if "zh" in person.langs and pair.zh else pair.en
        for event_id in event_ids:
            rows.append({
                "event_id": event_id, "name_en": person.name_en or romanise(person.name_zh),
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
    return rows, diagnostics
