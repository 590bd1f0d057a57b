"""Attendees: the Chinese officials also present at an engagement, named in a list anywhere in the
article (`…、…參加活動。`, `…陪同会见`, `在…陪同下`, `Also present were …`, `… was attended by …`,
`accompanied by …`, `his delegation, which included …`), and linked across the two languages by
pinyin. China's envoys abroad are China's side; the other side's officials (a title naming another
country or an organisation, a counterpart of the engagement, those listed after them) are not.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from .diagnostics import Diagnostic
from .gazetteer import Gazetteer
from .names import (Official, Roles, en_name_spans, list_items, mask_abbreviations, name_key, romanise,
                    same_person, slice_original, split_role_name_zh)
from .pair import Pair
from .segment import Article
from .text import to_simplified

# Chinese lists are found from their verb (`参加`, `陪同`, `出席`, `在座`): what follows it must end
# the clause within a few words (`参加会见。`, `参加会见,并与…`, `参加上述活动`, or the end of a copy
# cut after the verb) …
ATTENDANCE_VERBS_ZH = ("参加", "參加", "陪同", "出席", "在座")
VERB_TAIL_ZH_RE = re.compile(r"(?:了)?(?:上述)?[^。，,、；;！？]{0,12}?(?=[。，,；;！？]|$)")
# … and what precedes it, from the sentence's start, is the list and how its people took part
# (`等`, `也`, `应邀分别在贝尔格莱德和北京`, `率团`).
LIST_ZH_RE = re.compile(
    r"\s*(?P<list>[^。；;！？]{2,400}?)"
    r"(?:等(?:人|同志)?)?(?:也|还|亦|均|一同|共同|同时)?(?:应邀)?(?:分别)?(?:在[^。，,、；;]{1,24}?)?"
    r"(?:率(?:领)?[^。，,、；;]{0,12}?代表团|率团)?(?:陪同|一同)?")
SENTENCE_STOPS_ZH = "。；;！？"
# What ends a sentence; a paragraph without it at its end is a copy cut short.
SENTENCE_END_ZH = tuple("。！？”」』）)…")  # not `?`: damage puts it in the middle of names
# A person's name in a list (Chinese or transliterated), not a title's remains or a date.
NAME_ZH_RE = re.compile(r"[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{1,8}(?:·[\u4e00-\u9fff]{1,8}){1,3}")

# English lists are found from a cue word too (a paragraph holds one of ATTENDANCE_CUES_EN first).
ATTENDANCE_CUES_EN = ("ttend", "present", "Present", "ccompanied", "joined", "part in", "participated", "delegation")
CUE_EN_RE = re.compile(r"Also |Present|Attending|Among those|attended|present|in attendance|accompanied|joined"
                       r"|took part in|participated in|delegation")
EVENT_EN = r"(?:the\s+)?(?:[a-z-]+\s+){0,2}(?:event|meeting|talks|call|activities|activity|conference|ceremony)\b"
# The shapes of a sentence with its cue, each tried at the cue: after `lead` and `by` the list runs
# to the sentence's end (`by`: or to a semicolon); before `verb` and `present` it runs from the
# sentence's start.
CUE_SHAPES_EN = {
    # `Also present (at the meeting) were …`, `Present were …`, `Among those attending were …`
    "lead": re.compile(r"(?:Also\s+(?:present|attending|in\s+attendance|participating)|Present|Attending"
                       r"|Among\s+those\s+(?:present|attending))(?:\s+(?:at|in)\s+" + EVENT_EN + r")?\s+(?:were|was)\s+"),
    # `… (also) attended the meeting`, `… took part in the talks`, `… were present at the event`
    "verb": re.compile(r"(?:attended|accompanied|joined|took\s+part\s+in|participated\s+in|present\s+at)\s+" + EVENT_EN),
    # `… were (also) present.`, `… was in attendance`
    "present": re.compile(r"(?:present|in\s+attendance)\b(?!\s+(?:day|time|situation|state|moment))"),
    # `The meeting was attended by …`, `… accompanied by …`, `delegation, which included …`
    "by": re.compile(r"(?:attended|joined|accompanied)\s+by\s+|delegation,?\s+(?:which\s+|that\s+)?"
                     r"(?:included|includes|including|comprising|consisting\s+of)\s+"),
}
BE_BEFORE_EN_RE = re.compile(r"\s(?:were|was)\s+(?:also\s+)?$")
ALSO_BEFORE_EN_RE = re.compile(r"\s+(?:(?:were|was)\s+)?(?:also\s+)?$")
# A title after a listed name: `, vice minister of public security,` (up to a comma or `and`).
TITLE_AFTER_EN_RE = re.compile(r",\s*([^,]+?)\s*(?:,|\band\b|$)")


def foreign_title_zh(title: str, gazetteer: Gazetteer) -> bool:
    """Whether a title (Simplified) is another side's: it names a foreign country or an
    organisation, other than as the post of a Chinese envoy (`中国驻老挝大使`).

    >>> g = __import__("analysis.gazetteer", fromlist=["x"]).load_gazetteer()
    >>> foreign_title_zh("老挝公安部常务副部长", g), foreign_title_zh("中国驻老挝大使", g), foreign_title_zh("欧盟驻华大使", g)
    (True, False, True)
    """
    countries, orgs = gazetteer.find_both(title, "zh")
    return any(code != "CHN" and not title[:start].endswith("驻") for start, _, code in countries + orgs)


def _lists_zh(article: Article) -> list[tuple[int, str, str, list[tuple[int, int]]]]:
    """(line, paragraph, its Simplified form, the spans of its lists) of every paragraph that
    names people taking part: `…、…参加活动。` anywhere in the body (a one-paragraph copy holds
    its list in the lede), `在…陪同下`, and the unfinished list that closes a copy cut short."""
    found = []
    last = len(article.body) - 1
    for index, (line, text) in enumerate(article.body):
        spans = []
        simple = None
        if any(verb in text for verb in ATTENDANCE_VERBS_ZH):
            simple = to_simplified(text)
            spans = list_spans_zh(simple)
        if index == last and index > 0 and text.rstrip() and not text.rstrip().endswith(SENTENCE_END_ZH):
            simple = simple if simple is not None else to_simplified(text)
            start = max(simple.rfind(stop) for stop in SENTENCE_STOPS_ZH) + 1
            if not any(s <= start < e for s, e in spans):
                spans.append((start, len(simple)))
        if spans:
            found.append((line, text, simple, spans))
    return found


def list_spans_zh(simple: str) -> list[tuple[int, int]]:
    """The spans of the lists of people taking part in a Simplified paragraph, found from their verbs.

    >>> text = "会后,双方签署了纪要。公安部副部长林锐、外交部部长助理吴江浩等参加会见,并共同主持会议。"
    >>> [text[s:e] for s, e in list_spans_zh(text)]
    ['公安部副部长林锐、外交部部长助理吴江浩']
    >>> text = "赵克志在公安部副部长林锐陪同下考察了边境口岸。"
    >>> [text[s:e] for s, e in list_spans_zh(text)]
    ['公安部副部长林锐']
    """
    spans: list[tuple[int, int]] = []
    for verb in ("参加", "陪同", "出席", "在座"):
        at = simple.find(verb)
        while at >= 0:
            span = _list_before_zh(simple, at)
            if span and span not in spans:
                spans.append(span)
            at = simple.find(verb, at + 2)
    return sorted(spans)


def _list_before_zh(simple: str, at: int) -> tuple[int, int] | None:
    if simple.startswith("陪同下", at):  # `在公安部副部长李伟陪同下`
        clause = max(simple.rfind(stop, 0, at) for stop in SENTENCE_STOPS_ZH + "，,") + 1
        start, end = simple.rfind("在", clause, at) + 1, at - simple.endswith("的", 0, at)
        return (start, end) if start and end - start >= 4 else None
    if not VERB_TAIL_ZH_RE.match(simple, at + 2):
        return None
    m = LIST_ZH_RE.fullmatch(simple, max(simple.rfind(stop, 0, at) for stop in SENTENCE_STOPS_ZH) + 1, at)
    return m.span("list") if m else None


def attendees_zh(article: Article, roles: Roles, principal: Official | None, gazetteer: Gazetteer) -> list[Official]:
    """Named officials of China's side in a `…、…參加活動。` sentence; offices without a named person,
    and the other side's officials (`老挝公安部常务副部长辛塔冯`), are left out.

    A title standing alone (`公安部副部長、國家移民管理局局長許甘露`) is the first half of the next item's title;
    a name standing alone counts when the gazetteer knows it as China's official (`郭聲琨參加會見`).
    The unfinished list of a copy cut short counts when it opens with a title and a name, and
    its last item (perhaps cut) is dropped.
    """
    found: list[Official] = []
    for line, text, simple, spans in _lists_zh(article):
        for list_start, list_end in spans:
            cut = list_end == len(simple)  # the unfinished list of a copy cut short
            items = [(start + list_start, end + list_start) for start, end in list_items(simple[list_start:list_end])]
            if cut:
                # words of the clause before the list (`会见后,`) are no item
                while items and simple[items[0][1]:items[0][1] + 1] in (",", "，") \
                        and not split_role_name_zh(simple[items[0][0]:items[0][1]].strip(), roles)[0]:
                    items.pop(0)
                if len(items) < 3 or not all(split_role_name_zh(simple[items[0][0]:items[0][1]].strip(), roles)):
                    continue
                items = items[:-1]
            prefix, other_side = "", False
            for start, end in items:
                item = simple[start:end]
                start, end = start + len(item) - len(item.lstrip()), end - len(item) + len(item.rstrip())
                item = item.strip()  # the offsets of the original must be those of the item
                role, name = split_role_name_zh(item, roles)
                original = slice_original(text, simple, start, end)
                if role and not name:
                    prefix += original + "、"
                    continue
                known = gazetteer.person(item) if not (role or prefix) else None
                if known is not None and known.side == "china":  # named alone: `郭聲琨參加會見`
                    role, name = "", item
                title, title_original, prefix = to_simplified(prefix) + role, prefix + original[: len(role)], ""
                if not (role or known) or NAME_ZH_RE.fullmatch(name) is None or any(marker in item for marker in roles.not_person_zh):
                    continue  # no one named, or an office
                foreign = foreign_title_zh(title, gazetteer)
                # China's side is listed first: after the other side's first official, the rest are
                # theirs too (`柬埔寨驻华大使西索达、内政部国务秘书腾萨翁`) unless named Chinese.
                other_side = other_side or foreign
                if foreign or other_side and not any(code == "CHN" for *_, code in gazetteer.find("country", title, "zh")):
                    continue
                name_orig = original[len(role):]
                if not (principal and name_key(name_orig) == name_key(principal.name_zh)) \
                        and not any(name_key(o.name_zh) == name_key(name_orig) for o in found):
                    found.append(Official(name_zh=name_orig, role_zh=title_original, line=line, langs={"zh"}))
    return found


def list_spans_en(text: str, roles: Roles) -> list[tuple[int, int]]:
    """The spans of the lists of people taking part in an English paragraph, found from their cues.

    >>> from analysis.names import load_roles
    >>> text = ("Wang was accompanied by Lin Rui. Also present at the meeting were Chen Hai and Xu Bo. "
    ...         "Lt. Gen. Li Gang and Hu Bin were also present.")
    >>> [text[s:e] for s, e in list_spans_en(text, load_roles())]
    ['Lin Rui', 'Chen Hai and Xu Bo', 'Lt. Gen. Li Gang and Hu Bin']
    """
    spans: list[tuple[int, int]] = []
    read_to = 0
    for cue in CUE_EN_RE.finditer(text):
        at = cue.start()
        if at < read_to:  # a cue inside a list's opening words
            continue
        start, end = sentence_around(text, at, roles)
        if at == start and (m := CUE_SHAPES_EN["lead"].match(text, at, end)):
            spans.append((m.end(), end))
            read_to = m.end()
        elif m := CUE_SHAPES_EN["by"].match(text, at, end):
            stop = text.find(";", m.end(), end)
            spans.append((m.end(), end if stop < 0 else stop))
        elif CUE_SHAPES_EN["verb"].match(text, at, end):
            also = ALSO_BEFORE_EN_RE.search(text, start, at)
            spans.append((start, also.start() if also else at))
        elif CUE_SHAPES_EN["present"].match(text, at, end) and (be := BE_BEFORE_EN_RE.search(text, start, at)):
            spans.append((start, be.start()))
    return [span for span in spans if span[1] > span[0]]


def sentence_around(text: str, at: int, roles: Roles) -> tuple[int, int]:
    """The start and end (before its full stop) of the sentence of `text` around `at`; the full
    stop of an abbreviation or an initial (masked by `names.mask_abbreviations`) ends none.

    >>> from analysis.names import load_roles
    >>> text = "Talks held. Also present was Lt. Gen. Li Gang, U.S. expert J. Smith. Then lunch."
    >>> start, end = sentence_around(text, 20, load_roles()); text[start:end]
    'Also present was Lt. Gen. Li Gang, U.S. expert J. Smith'
    """
    masked = mask_abbreviations(text, roles)  # as long as `text`
    start = max(masked.rfind(". ", 0, at), masked.rfind("! ", 0, at), masked.rfind("? ", 0, at))
    start = 0 if start < 0 else start + 2
    stops = [i for i in (masked.find(". ", at), masked.find("! ", at), masked.find("? ", at)) if i >= 0]
    end = min(stops) if stops else len(text.rstrip(" .!?\n"))
    return start + len(text[start:end]) - len(text[start:end].lstrip()), end


def attendees_en(article: Article, roles: Roles, principal: Official | None) -> list[Official]:
    """Named officials of `Also present were …`, `… attended the event`, `… were present`,
    `accompanied by …`, `his delegation, which included …`, anywhere in the body, each with the
    title before the name (or after it: `Lin Rui, vice minister of public security`)."""
    found: list[Official] = []
    for line, text in article.body:
        if not any(cue in text for cue in ATTENDANCE_CUES_EN):  # no list's cue: nothing to read
            continue
        for list_start, list_end in list_spans_en(text, roles):
            listing = text[list_start:list_end]
            previous = 0
            spans = en_name_spans(listing, roles)
            for i, (start, end) in enumerate(spans):
                name = listing[start:end]
                # the title before the name, after the previous name's own (`Lin Rui, vice minister …, and …`)
                role = re.sub(r"^(?:and\b|\s)+", "", re.split(r",\s+", listing[previous:start])[-1]).strip(" ,")
                if not role:  # or after it: `Lin Rui, vice minister of public security`
                    after = TITLE_AFTER_EN_RE.match(listing, end, spans[i + 1][0] if i + 1 < len(spans) else len(listing))
                    role = after.group(1).strip() if after else ""
                previous = end
                if principal and name_key(name) == name_key(principal.name_en):
                    continue
                if any(name_key(o.name_en) == name_key(name) for o in found):
                    continue
                found.append(Official(name_en=name, role_en=role, line=line, langs={"en"}))
    return found


def foreign_title_en(title: str, gazetteer: Gazetteer) -> bool:
    """Whether an English title is another side's: it names a foreign country or an organisation
    other than as the post of a Chinese envoy (`Chinese Ambassador to Myanmar`), or it is an
    envoy to China.

    >>> g = __import__("analysis.gazetteer", fromlist=["x"]).load_gazetteer()
    >>> [foreign_title_en(t, g) for t in ("Chinese Ambassador to Serbia", "Serbian Ambassador to China",
    ...     "Ambassador of Serbia to China", "Vice Minister of Public Security", "Lao Deputy Minister")]
    [False, True, True, False, True]
    """
    countries, orgs = gazetteer.find_both(title, "en")
    envoy = lambda start: re.search(r"\b(?:to|in)\s+(?:the\s+)?$", title[:start]) is not None  # noqa: E731
    return any((code != "CHN") != envoy(start) for start, _, code in countries) \
        or any(not envoy(start) for start, _, _ in orgs)


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
    gazetteer, is noted. The other side is left out: a counterpart, an English title naming
    another country."""
    rows, diagnostics = [], []
    counterparts = [c.name for a in (pair.zh, pair.en) if a and a.reading for c in a.reading.counterparts if c.is_person and c.name]
    # the last title of a role (`… Peter Tan and Chinese Ambassador to Singapore`) says whose side
    en = [o for o in en if not foreign_title_en(re.split(r"\band\s+", o.role_en)[-1], gazetteer)]
    for person in merge_officials(zh, en):
        if any(same_person(name, c) for name in (person.name_zh, person.name_en) if name for c in counterparts):
            continue  # the other side, named in a list of those present

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
