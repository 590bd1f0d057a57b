"""Stage 5, events: who met or called whom, when and how.

Each language version is read on its own, from the sentence patterns of these readouts (a lede
`ROLE NAME 同 COUNTRY ROLE NAME 通電話`, `ROLE NAME met with NAME, ROLE`, a meeting held with a
body, engagements told one per paragraph); the two readings are then merged into one event per
counterpart, and any disagreement is written as a diagnostic. Names are parsed by `names`,
attendees read by `attendees`, the dates of engagements by `dates`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from collections import defaultdict
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from .attendees import attendee_rows, attendees_en, attendees_zh
from .dates import engagement_date
from .diagnostics import Diagnostic
from .gazetteer import Gazetteer
from .names import (
    GUEST_WORDS_ZH, NOT_IN_NAME_ZH, ROLES_PATH, Counterpart, Official, Roles, counterpart_zh, en_name_spans, list_items,
    load_roles, mask_abbreviations, name_key, role_held, romanise, same_person, shared_portfolios, slice_original,
    split_name_role_en, split_people_en, split_role_name_zh, title_before, unmask,
)
from .pair import Pair
from .segment import Article
from .text import to_simplified

TYPE_PRIORITY = ["video_conference", "phone_call", "meeting", "event"]
TYPE_CUES = {
    "zh": [
        # as a way of meeting, not a film or a fraud (`观看宣传视频`, `电话诈骗`)
        ("video_conference", re.compile(r"视频(?:会晤|会议|会谈|通话|连线|方式|形式|对话|会见|交流)|以视频|通过视频|视讯|云会议|线上会议")),
        ("phone_call", re.compile(r"通电话|通话|电话(?:会谈|交谈|沟通|会晤)|致电")),
        ("meeting", re.compile(r"会见|会谈|会晤|接见|拜会|共同主持|工作会谈|访华|来访|访问")),
    ],
    # Each English cue starts with a lookahead of its words' first letters, which lets the regex
    # engine skip to them (three times faster).
    "en": [
        # as a way of meeting, not a film or a fraud (`telephone fraud`, `a video on drug control`)
        ("video_conference", re.compile(r"(?=[bohv])(?:\bvideo\s*(?:link|call|conference|talks?|meeting|chat|connection)"
                                        r"|\b(?:via|by|over|through) (?:a )?video\b|\bvideoconference\b"
                                        r"|\bvirtual(?:ly)?\b(?! (?:currency|assets?))|\bonline (?:meeting|talks)\b)", re.I)),
        ("phone_call", re.compile(r"(?=[bcopt])(?:\b(?:tele)?phone (?:call|talks?|conversation)|\btelephonic\b"
                                  r"|\b(?:by|over|on) the (?:tele)?phone\b|\bby (?:tele)?phone\b"
                                  r"|\bcalled\b(?!\s+(?:on|upon|for)\b))", re.I)),
        ("meeting", re.compile(r"(?=[cdhmrstv])(?:\bmet\b|\bmeets? with\b|\bheld talks\b|\btalks with\b|\bdiscussions? with\b|\bsigned\b|\bco-chair"
                               r"|\bmeeting with\b|\b(?:working )?sessions? with\b|\breceived\b|\breception for\b|(?-i:\bcall(?:ed|s) on (?=[A-Z]))|\bvisit(?:ed|ing)? (?:to )?(?!the Ministry)[A-Z])", re.I)),
    ],
}
HOSTED_RE = re.compile(r"访华|来华|在京|驻华|来访|走进|参观|in Beijing|to China|in China|visit(?:ed|s)? the Ministry", re.I)
ABROAD_RE = re.compile(r"出访|访问(?!团)|赴|paid a visit to|on a visit to|during (?:his|her) visit to", re.I)
EN_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*[.\u2024]?"
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"


# Where a counterpart phrase ends: a place, a day or a medium after the name.
CHUNK_END_RE = re.compile(rf"\s+(?:in\s+[A-Z][a-z]+(?=\s*$|,|\s+(?:on|and)\b)|on\s+(?:{WEEKDAY}|{EN_MONTH}\s+\d{{1,2}}|the\s+(?:sidelines|margins))"
                          r"|here|via|by\s+(?:video|phone|telephone))\b"
                          # the people with someone: `…, Hon. Jimson Tanangada, and officials of the Ministry`
                          r"|,?\s+and\s+(?:other\s+|senior\s+)*(?:officials|members|(?:his|her|the|a)\s+(?:[\w-]+\s+)?delegation)\b")
# Two subjects: `Guo Shengkun and U.S. Secretary of Homeland Security Jeh Johnson met …`.
JOINT_SUBJECT_RE = re.compile(r"\s+and\s+(?P<chunk>(?:his|her)?\s*[A-Z][^,;]{2,120}?)\s+(?:on\s+\w+\s+)?"
                              r"(?:met|held|co-chaired|signed|talked|spoke|had|jointly|attend(?:ed|s)?)\b")
# A counterpart named before China's principal as a joint subject: `Minister Lâm together with Chinese
# State Councillor … Wang Xiaohong co-chaired …`, `… Luong Tam Quang and his Chinese counterpart Wang …`,
# `Mr Kheng and Public Security Minister Zhao Kezhi met …`.
TOGETHER_RE = re.compile(r"(?:^|[.;]\s+|,\s+)(?P<chunk>[A-Z][^,;]{2,120}?)\s+(?:(?:together|along)\s+with\s+(?:his\s+|her\s+)?"
                         r"|and\s+(?:his\s+|her\s+)?(?=Chinese\b|China's\b|China’s\b)"
                         # `… Mr Kheng and Public Security Minister Zhao Kezhi met`: titles alone after `and`
                         r"|and\s+(?=(?:(?:[A-Z][\w’'.-]*|of|the|for)\s+)*$))[^,;]{0,120}$")
# The host of China's official, named before the verb: `… said PM Nguyen Xuan Phuc at his reception
# for Chinese Minister …`, `Prime Minister Hun Manet received visiting Chinese …` (a title may stand
# between the verb and the name: its words hold no comma).
HOST_RE = re.compile(r"(?:^|[,;]\s+|\.\s+|\)\s+)(?:(?:said|says|stated|noted|told)\s+)?(?P<chunk>[A-Z][^,;]{2,120}?(?:,\s+[^,;]{2,80},)?)\s+"
                     r"(?:at\s+(?:his|her|a|the)\s+reception\s+for|(?:on\s+(?:\w+\s+){1,2})?(?:received|receives|welcomed|welcomes|hosted|hosts)"
                     # `hosted a reception in Hanoi on December 1 for …`, `received a visiting delegation of …, led by its …`
                     r"(?:\s+a\s+reception\s+(?:[^,;.]{0,60}?\s+)?for|\s+a\s+(?:visiting\s+)?delegation\s+(?:of\s+[^;.]{0,100}?,?\s+)?led\s+by(?:\s+its)?)?)"
                     r"\s+(?:the\s+)?(?:visiting\s+)?[^,;.]{0,120}$")
# The host after China's official: `… Wang Xiaohong was received by Prime Minister Hun Manet`.
RECEIVED_BY_RE = re.compile(r"\s*(?:,[^,]{3,160},\s*)?(?:was|were)\s+(?:warmly\s+)?received\s+by\s+(?P<chunk>[^.;]{3,160}?)(?=\s+(?:on|in|at)\s|[.;,]|$)")
# A lede about a meeting an opening paragraph names: `The meeting, chaired by China, was attended by …`.
REFERS_BACK_RE = re.compile(r"\s*(?:The|This)\s+(?:\w+\s+)?(?:meeting|conference|session|forum|summit|dialogue|assembly)\b", re.I)
# An organisation's acronym in a meeting's name: `China-Gulf Cooperation Council (GCC) Ministerial Dialogue`.
ACRONYM_RE = re.compile(r"\(([A-Z][A-Z&]{1,9})\)")


@dataclass
class Reading:
    """What one language version says about its engagements: one per counterpart."""

    lang: str
    event_type: str = "event"
    principal: Official | None = None
    counterparts: list[Counterpart] = field(default_factory=list)
    attendees: list[Official] = field(default_factory=list)
    companions: list[Official] = field(default_factory=list)  # China's officials joined to the principal in the lede
    lede: int = 0  # the body paragraph that tells the engagement (a caption or a stamp may come first)

    def add(self, counterpart: Counterpart) -> None:
        """Add a counterpart unless it is one already listed (the same name, or a part of it)."""
        for known in self.counterparts:
            if _principal_key(known) != _principal_key(counterpart):  # met by another of China's officials
                if counterpart.is_person and known.is_person and same_person(known.name, counterpart.name) \
                        and len(known.name) > len(counterpart.name):  # `Wissanu`: named in full before
                    counterpart.name, counterpart.role = known.name, counterpart.role or known.role
                    counterpart.country, counterpart.org = counterpart.country or known.country, counterpart.org or known.org
                continue
            if counterpart.is_person and known.is_person and same_person(known.name, counterpart.name):
                known.line = known.line or counterpart.line
                if len(counterpart.name) > len(known.name):  # `Al-Raisi`, then `Ahmed Nasser Al-Raisi`
                    known.name, known.role = counterpart.name, counterpart.role or known.role
                known.country, known.org = known.country or counterpart.country, known.org or counterpart.org
                return
            if not counterpart.is_person and not known.is_person and (
                    (counterpart.org and counterpart.org == known.org and not _numbered_apart(counterpart.name, known.name))
                    or counterpart.name == known.name):
                return
        self.counterparts.append(counterpart)


def _numbered_apart(name: str, other: str) -> bool:
    """Two numbered meetings of one body (`第13届…会议`, `第10届…`): two engagements."""
    return name != other and all(re.match(r"第[\d一二三四五六七八九十百]+[届次]", n) for n in (name, other))


def _principal_key(counterpart: Counterpart) -> str:
    official = counterpart.principal
    return name_key(official.name_en or official.name_zh) if official else ""


# A lede's group of visitors, told one by one in the paragraphs after it: `met with guests from Laos,
# Nicaragua, Ethiopia and Armenia`.
GROUP_RE = re.compile(r"\b(?:guests|officials|leaders|heads|delegations|ministers|representatives|counterparts)\b"
                      r"|(?:各方|各国|多国)|代表团团长|" + GUEST_WORDS_ZH)


# The delegations at a meeting, met together: `各方代表团团长`, `heads of delegations`.
DELEGATIONS_RE = re.compile(r"代表[团團]|与会|與會|\bdelegations?\b|\bparticipants\b", re.I)


# The officers of an international organisation: `secretary-general Valdecy Urquiza`, `总干事`.
ORG_OFFICER_RE = re.compile(r"\b(?:secretary[- ]general|director[- ]general|executive director)\b|秘书长|秘書長|总干事|總幹事", re.I)


def fill_places(reading: Reading, context: str, gazetteer: Gazetteer, article: Article | None = None) -> None:
    """Give a counterpart named without a country the one foreign country that the title and lede
    name (`… telephonic conversation with interior minister Ijaz Shah`, Pakistan named before);
    drop a group of visitors that the article goes on to name one by one. The countries such a
    group names (`met with guests from Laos, Nicaragua, Ethiopia and Armenia`) go, in order, to the
    people named without one, and each left over is an engagement of its own (a copy cut short
    before its meeting is told). The delegations met at a meeting take the one organisation the
    reading names; a person the gazetteer knows takes its country or body, and an organisation's
    officer the one organisation the whole `article` names. A counterpart left without a country
    whose title and lede name none takes the one the whole article names."""

    def whole() -> str:  # the whole article's text, built only when a rule needs it
        return article.title + "\n" + article.text if article else ""

    groups = [c for c in reading.counterparts if not c.is_person and GROUP_RE.search(c.name)]
    named = [(start, code, c.name[start:end]) for c in groups
             for start, end, code in gazetteer.find("country", c.name, reading.lang) if code != "CHN"]
    # a group of one country with no one named from it stays the engagement
    if any(c.is_person for c in reading.counterparts) or len({code for _, code, _ in named}) > 1:
        reading.counterparts = [c for c in reading.counterparts if c not in groups]
        left = [(code, name) for _, code, name in sorted(named)]
        left = [(code, name) for code, name in left if not any(c.country == code for c in reading.counterparts)]
        for counterpart in reading.counterparts:
            if counterpart.is_person and not counterpart.country and not counterpart.org and left:
                counterpart.country = left.pop(0)[0]
        for code, name in left:
            reading.add(Counterpart(name, country=code))
    orgs = {c.org for c in reading.counterparts if c.org}
    for counterpart in reading.counterparts:  # `会见了各方代表团团长` at the SCO's meeting: the SCO's
        if len(orgs) == 1 and not (counterpart.is_person or counterpart.country or counterpart.org) \
                and DELEGATIONS_RE.search(counterpart.name):
            counterpart.org = next(iter(orgs))
    for counterpart in reading.counterparts:  # a person the gazetteer knows: the country or body it gives
        known = gazetteer.person(counterpart.name) if counterpart.is_person and not (counterpart.country or counterpart.org) else None
        if known is not None and known.side == "foreign":
            counterpart.country, counterpart.org = known.country, known.org
    officers = [c for c in reading.counterparts if c.is_person and not c.country and not c.org and ORG_OFFICER_RE.search(c.role)]
    named = {code for *_, code in gazetteer.find("org", whole(), reading.lang)} if officers else ()
    if len(named) == 1:  # an officer takes the one organisation the article names
        for counterpart in officers:
            counterpart.org = next(iter(named))
    unplaced = [c for c in reading.counterparts if c.is_person and not c.country and not c.org]

    def named(text: str) -> set[str]:  # the countries a text names, not inside a counterpart's name (`Le Duc Thai`)
        for counterpart in unplaced:
            text = text.replace(counterpart.name, " ") if counterpart.name else text
        return {code for *_, code in gazetteer.find("country", text, reading.lang)} - {"CHN"}

    countries = named(context) if unplaced else ()
    if unplaced and not countries:  # none in the title and lede: the one the whole article names
        countries = named(whole())
    if unplaced and not countries and article:  # none in its text: its dateline's (`PHNOM PENH, Dec 4 (AKP)`)
        countries = {code for item in article.metadata for *_, code in gazetteer.find(
            "country", item.title() if item.isupper() or item[:6].isupper() else item, reading.lang)} - {"CHN"}
    if len(countries) == 1:
        for counterpart in unplaced:
            counterpart.country = next(iter(countries))


@lru_cache(maxsize=4)
def zh_patterns(roles: Roles) -> dict[str, re.Pattern]:
    """The sentence patterns of Chinese readouts, built with the title words of `roles`."""
    suffix = "|".join(roles.suffixes_zh)
    return {
        "principal": re.compile(
            rf"(?P<role>[\u4e00-\u9fff、]{{0,30}}?(?:{suffix}))(?P<name>[\u4e00-\u9fff·]{{2,6}}?)"
            # a day after the name: `17日`, `周日`, `周日(2月18日)`
            r"(?:[(（][左右中][一二三四五六]?[)）])?"  # a photo caption's `(左)`, `(右二)`
            r"(?:(?:\d{1,2}月)?\d{1,2}日|(?:周|星期)[一二三四五六日天])?(?:[(（](?:\d{1,2}月)?\d{1,2}日[)）])?"
            r"(?=(?:一行)?(?:分别|先后|亲切|共同|一同|日前|近日|当天|当日|专程|特地|亲自)?(?:应约|应邀|同|与|和|就|赶赴|会见|会谈|会晤|出席|在|于|於|致电|通电话"
            r"|主持|接见|会面|率|视频|以视频|以电话|通过视频|表示|指出|强调|提到|呼吁|称|说|致|作|向|赴|前往|会同|对|访问|举行|进行|参加))"),
        "bilateral": re.compile(
            # `与意大利国家警察司令潘萨,在欧洲警察领导人会议期间,举行会谈`
            r"(?:同|与|和)(?P<chunk>[^，,。；;]{2,60}?)(?:[，,]?在[^，,。；;]{2,30}(?:期间|之际)[，,]?)?(?:举行)?(?:紧急)?(?:视频)?"
            r"(?:通电话|通话|会谈|会晤|工作会谈|视频会晤|视频通话|共同主持)"),
        "received": re.compile(r"(?:会见|会晤|接见|拜会)(?:了)?(?P<chunk>[^，,。；;]{2,60}?)(?:一行)?(?=[，,。；;]|时)"),
        "meeting": re.compile(
            r"(?:^|[，,。])(?P<chunk>[^，,。；;]{4,80}?(?:会议|论坛|峰会|大会|研讨会|对话会|对话|部长级会议))"
            r"(?:(?:\d{1,2}月)?\d{1,2}日)?(?:以视频(?:形式|方式)|通过视频|在[^，,。]{1,16})?(?:召开|举行|开幕|闭幕)"),
        "attended": re.compile(r"出席(?P<chunk>[^，,。；;并]{2,60}?(?:会议|论坛|峰会|大会|开幕式|仪式|对话))"),
        "audience": re.compile(r"(?P<chunk>\d+多?(?:位|名|个)[^，,。；;]{2,40}?)(?:参加|出席|参访|来访|到访)"),
        "when_meeting": re.compile(r"(?:^|[。；;])\s*在?(?:会见|会晤|接见|同|与)(?!此同时)(?P<chunk>[^，,。；;时]{2,40}?)(?:会见|会谈|会晤|通话|通电话)?时[，,]"),
    }


# The paragraphs where a lede is looked for: a web page may open with a caption, a stamp or a summary.
LEDE_PARAGRAPHS = 4


def _first_lede(article: Article, read_from, gazetteer: Gazetteer, roles: Roles) -> Reading:
    """The reading from the first opening paragraph that names China's principal and whom he met;
    else from the first that names the principal (a caption may name him alone: `… with the Vice
    Minister …, Hon. Wang Zhizhong, and the MPS high-level delegation.`); else from the first."""
    first = None
    for index in range(min(LEDE_PARAGRAPHS, len(article.body))):
        reading = read_from(article, index, gazetteer, roles)
        if reading.principal and reading.counterparts:
            return reading
        first = first or (reading if reading.principal else None)
    return first or read_from(article, 0, gazetteer, roles)


def read_zh(article: Article, gazetteer: Gazetteer, roles: Roles) -> Reading:
    """What a Chinese version says: from the first of its opening paragraphs that names China's principal."""
    reading = _first_lede(article, _read_zh_from, gazetteer, roles)
    reading.attendees = attendees_zh(article, roles, reading.principal, gazetteer)
    listed = {to_simplified(official.name_zh) for official in reading.attendees}
    reading.attendees += [official for official in reading.companions if to_simplified(official.name_zh) not in listed]
    return reading


def _read_zh_from(article: Article, index: int, gazetteer: Gazetteer, roles: Roles) -> Reading:
    reading = Reading("zh", lede=index)
    lede_line, lede = article.body[index] if article.body else (article.line_start, "")
    simple = simple_lede = to_simplified(lede)
    patterns = zh_patterns(roles)
    reading.event_type = classify_type(to_simplified(article.title) + "\n" + simple, "zh")
    candidates = [m for m in patterns["principal"].finditer(simple) if not NOT_IN_NAME_ZH & set(m.group("name"))
                  and not any(c[2] != "CHN" for c in gazetteer.find("country", m.group("role").rsplit("的", 1)[-1], "zh"))]
    # China's official first: known to the gazetteer as China's, else titled `中国…`; told from the
    # other side, the first name is the visitor's (`…部长梁三光上将在北京与中国国务委员…王小洪举行了会谈`)
    # An ambassador beside a visiting official of the ministry (`中国驻缅甸大使马珈与来访的公安部部长助理刘忠义`)
    # is present, the official leads.
    china = sorted((m for m in candidates if _china_side_zh(m, gazetteer)), key=lambda m: m.group("role").endswith("大使"))
    m = china[0] if china else candidates[0] if candidates else None
    role_start = m.start() + _joined_role_start(m.group("role")) if m else 0  # `…苏林和中国…部长郭声琨`
    if m:
        reading.principal = Official(name_zh=slice_original(lede, simple, *m.span("name")),
                                     role_zh=slice_original(lede, simple, role_start, m.end("role")), line=lede_line, langs={"zh"})
    elif guest := _guest_zh(simple, gazetteer, roles):
        # China's official as the guest: `柬埔寨首相洪玛奈20日在金边会见中国国务委员、公安部部长王小洪`
        host, (role_start, role_end), (name_start, name_end) = guest
        reading.principal = Official(name_zh=slice_original(lede, simple, name_start, name_end),
                                     role_zh=slice_original(lede, simple, role_start, role_end), line=lede_line, langs={"zh"})
        reading.add(counterpart_zh(slice_original(lede, simple, *host), gazetteer, roles))
    offset = m.end() if m else 0
    before = re.search(r"(?:^|[，,。])(?P<chunk>[^，,。；;]{2,60}?)[，,]?(?:和|与|同)$", simple[:role_start]) if m else None
    if before and split_role_name_zh(before.group("chunk"), roles)[1]:
        found = counterpart_zh(slice_original(lede, simple, *before.span("chunk")), gazetteer, roles)
        person = gazetteer.person(to_simplified(found.name))
        if person.side == "china" if person else before.group("chunk").startswith(("中国", "中华人民共和国")):
            # China's own official beside the principal (`中国驻缅甸大使马珈与…刘忠义`): present
            reading.companions.append(Official(name_zh=found.name, role_zh=found.role, line=lede_line, langs={"zh"}))
        else:  # told from the other side: `越南公安部部长苏林和中国公安部部长郭声琨…共同主持…`
            reading.add(found)
    for kind in ("bilateral", "received") if not reading.counterparts else ():
        c = patterns[kind].search(simple, offset)
        # in a sentence of the principal's: `…习近平去年11月会晤…` in another names no counterpart
        if c and (not m or m.group("name") in simple[simple.rfind("。", 0, c.start()) + 1: c.start()]
                  or "。" not in simple[offset:c.start()]):
            for start, end in counterpart_spans_zh(simple, *c.span("chunk"), roles):
                reading.add(counterpart_zh(slice_original(lede, simple, start, end), gazetteer, roles))
            for found in _also_met_zh(lede, simple, c.end(), patterns, gazetteer, roles):
                reading.add(found)
            break
    else:
        meeting = patterns["meeting"].search(simple) or patterns["attended"].search(simple)
        audience = patterns["audience"].search(simple)
        chunk = slice_original(lede, simple, *meeting.span("chunk")) if meeting else ""
        orgs = gazetteer.find("org", chunk, "zh")
        if not orgs and (not chunk or CEREMONY_ZH_RE.match(to_simplified(chunk))):
            # `出席闭幕式`: of the meeting an earlier paragraph names (`国际刑警组织第八十六届全体大会…闭幕`)
            for _, text in reversed([(0, article.title)] + article.body[:index]):
                earlier = to_simplified(text)
                named = next((m for _, end, _ in gazetteer.find("org", earlier, "zh")
                              for m in [MEETING_AFTER_ORG_ZH_RE.match(earlier, end)] if m), None)
                if named:
                    chunk = text
                    orgs = gazetteer.find("org", chunk, "zh")
                    break
        side = gazetteer.bilateral_zh(chunk) if chunk and not orgs else ""
        if side:  # a bilateral mechanism (`第十一届中俄禁毒合作部长级会议`): a meeting with the other side's head
            reading.event_type = "meeting" if reading.event_type == "event" else reading.event_type
            reading.add(_delegation_head_zh(lede, simple, m.group("name") if m else "", side, gazetteer, roles)
                        or Counterpart(chunk.strip(), country=side))
        elif chunk and orgs and meeting and meeting.re is patterns["attended"] and (more := _more_attended_zh(simple, meeting)):
            # several meetings attended: `出席第13届东盟…部长级会议和第10届东盟与中日韩、第7届东盟与中国…部长级会议`
            for name in [chunk, *(slice_original(lede, simple, a, b) for a, b in more)]:
                found = gazetteer.find("org", name, "zh")
                reading.add(Counterpart(name.strip(), org=found[0][2] if found else orgs[0][2]))
        elif chunk and orgs:
            reading.add(Counterpart(slice_original(chunk, to_simplified(chunk), *orgs[0][:2]), org=orgs[0][2]))
        elif audience:
            reading.add(Counterpart(slice_original(lede, simple, *audience.span("chunk"))))
        elif chunk:
            reading.add(Counterpart(chunk.strip()))
    if m and reading.counterparts:  # the multilateral meeting attended beside those met (`出席上海合作组织…会议并发言。…分别会见了…`)
        _add_attended(reading, lede, simple_lede, patterns["attended"], gazetteer)
    host = INVITATION_ZH_RE.search(simple_lede, 0, m.start()) if m and not reading.counterparts else None
    if host:  # `应越南公安部部长苏林邀请,…王小洪…对越南进行正式访问`: the host
        reading.add(counterpart_zh(slice_original(lede, simple_lede, *host.span("chunk")), gazetteer, roles))
    speaker = _speaker_zh(article, index, gazetteer, roles) if m and not reading.counterparts else None
    if speaker:  # a meeting with no one named: the foreign official who spoke at it
        reading.add(speaker)
    # Meetings told one per paragraph: `7日,王小洪在比什凯克会见…`, `在会见圭亚那内政部长本恩时,王小洪表示…`
    principal = to_simplified(reading.principal.name_zh) if reading.principal else ""
    for line, text in paragraphs_after(article, index, roles):
        simple = to_simplified(text)
        if not ((principal and principal in simple) or "时," in simple or "时，" in simple
                or OTHER_MEETING_ZH_RE.search(simple)):
            continue  # neither the principal, a `…时` clause, nor a meeting: no engagement told here
        at = simple.find(principal) if principal else -1
        other = _other_principal_zh(simple, text, principal, gazetteer, roles) if not 0 <= at < 20 else None
        if other:  # `同日,公安部副部长许甘露会见了…`: another of China's officials met someone
            official, end = other
            for kind in ("bilateral", "received"):
                c = patterns[kind].search(simple, end)
                if c and c.start() - end <= 12:
                    for start, stop in counterpart_spans_zh(simple, *c.span("chunk"), roles):
                        found = counterpart_zh(slice_original(text, simple, start, stop), gazetteer, roles)
                        reading.add(replace(found, when=text, line=line, principal=official))
                    break
            continue
        for kind in ("bilateral", "received"):
            c = patterns[kind].search(simple, at) if 0 <= at < 20 else None
            if c and c.start() - at <= len(principal) + 12:
                for start, end in counterpart_spans_zh(simple, *c.span("chunk"), roles):
                    found = counterpart_zh(slice_original(text, simple, start, end), gazetteer, roles)
                    reading.add(replace(found, when=text, line=line))
                for found in _also_met_zh(text, simple, c.end(), patterns, gazetteer, roles):
                    reading.add(replace(found, when=text, line=line))
                break
        for w in patterns["when_meeting"].finditer(simple):
            reading.add(replace(counterpart_zh(slice_original(text, simple, *w.span("chunk")), gazetteer, roles), line=line))
        if principal and at >= 20 and (other_side := _other_side_zh(text, simple, principal, gazetteer, roles)):
            reading.add(replace(other_side, when=text, line=line))
    fill_places(reading, to_simplified(article.title) + "\n" + simple_lede, gazetteer, article)
    return reading


# A sentence's end: `。` in Chinese, a full stop before a capital in English (abbreviations masked).
SENTENCE_END_RE = {"zh": re.compile(r"(?<=[。！？])"), "en": re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"])")}


def paragraphs_after(article: Article, index: int, roles: Roles) -> list[tuple[int, str]]:
    """The paragraphs after the lede (body[index]), where more engagements are told. A copy whose
    paragraphs were run into one line has its lede's later sentences read as paragraphs (a lede
    of three sentences or more, on its line).

    >>> a = Article("a.txt", "zh", 1, 2, title_lines=[(1, "T")],
    ...             body=[(2, "甲会见乙。甲表示合作。副部长丙参加会见,并与乙共同主持会议。")])
    >>> paragraphs_after(a, 0, load_roles())
    [(2, '甲表示合作。'), (2, '副部长丙参加会见,并与乙共同主持会议。')]
    """
    line, lede = article.body[index] if article.body else (0, "")
    text = lede if article.lang == "zh" else mask_abbreviations(lede, roles)
    sentences = [unmask(s).strip() for s in SENTENCE_END_RE[article.lang].split(text) if s.strip()]
    run_together = [(line, s) for s in sentences[1:]] if len(sentences) >= 3 else []
    return run_together + list(article.body[index + 1:])


# China's official met by a host: `…会见(了)(正在老挝访问的)(中国)国务委员、公安部部长王小洪`.
GUEST_ZH_RE = re.compile(r"(?:会见|会晤|接见|拜会|见)(?:了)?(?:正在[^，,。]{1,12}的|来访的|到访的)?"
                         r"(?P<official>[\u4e00-\u9fff、·]{4,40}?)(?:一行)?(?=[。，,；;]|时|并|$)")


def _guest_zh(simple: str, gazetteer: Gazetteer, roles: Roles
              ) -> tuple[tuple[int, int], tuple[int, int], tuple[int, int]] | None:
    """The host's span, and the role's and name's spans of China's official the host met, in a
    Simplified lede that has China's official as the object of its verb."""
    for m in GUEST_ZH_RE.finditer(simple):
        role, name = split_role_name_zh(m.group("official"), roles)
        person = gazetteer.person(name) if name else None
        china = person.side == "china" if person else bool(role) and CHINA_TITLE_ZH_RE.match(role.removeprefix("中国"))
        host = re.search(r"(?:^|[，,。；;])(?P<chunk>[^，,。；;]{2,60}?)$", simple[: m.start()])
        if name and china and host and split_role_name_zh(host.group("chunk"), roles)[0]:
            start = m.start("official")
            return host.span("chunk"), (start, start + len(role)), (start + len(role), m.end("official"))
    return None


# A meeting's ceremony or the meeting named again: `闭幕式`, `本届大会`.
CEREMONY_ZH_RE = re.compile(r"(?:本届|本次|此次|该)?(?:大会|会议|论坛|会)?(?:开幕式|闭幕式|开幕会|闭幕会|全体会议)$|(?:本届|本次|此次|该)(?:大会|会议|论坛)$")
# A meeting's name after its organisation's: `(国际刑警组织)第八十六届全体大会`.
MEETING_AFTER_ORG_ZH_RE = re.compile(r"[^，,。；;]{0,24}?(?:会议|论坛|峰会|大会|对话会|对话)")
# Who spoke at the meeting: `白宫国土安全事务副助理达斯卡尔在会上表示`.
SPEAKER_ZH_RE = re.compile(r"(?:^|[，,。；;])(?P<chunk>[^，,。；;]{3,40}?)在会(?:上|谈中|见中|谈时|见时)(?:表示|说|称|指出|强调)")


def _speaker_zh(article: Article, index: int, gazetteer: Gazetteer, roles: Roles) -> Counterpart | None:
    """The first foreign official (a person with a foreign country or an organisation) who speaks
    at the meeting in the lede or the paragraphs after it."""
    for _, text in article.body[index:]:
        if "在會" not in text and "在会" not in text:
            continue
        simple = to_simplified(text)
        for speaker in SPEAKER_ZH_RE.finditer(simple):
            found = counterpart_zh(slice_original(text, simple, *speaker.span("chunk")), gazetteer, roles)
            if found.is_person and found.name and (found.org or found.country not in ("", "CHN")):
                return found
    return None


ALSO_MET_ZH_RE = re.compile(r"[^。；;]{0,60}?[，,]?并(?:分别)?(?=会见|会晤|接见)")


# The next of several numbered meetings attended, the head noun perhaps left to the last one:
# `和第10届东盟与中日韩`, `、第7届东盟与中国打击跨国犯罪部长级会议`.
MORE_ATTENDED_ZH_RE = re.compile(r"(?:和|及|以及|、)(?P<name>第[^，,。；;并、和]{1,40}?(?:会议|论坛|峰会|大会|对话)|第[^，,。；;并、和]{1,20}?(?=、|和))")


def _more_attended_zh(simple: str, meeting: re.Match) -> list[tuple[int, int]]:
    """The spans of the numbered meetings attended after the first (`meeting`, an `attended` match
    of `simple` naming a `第…届` meeting)."""
    if not meeting.group("chunk").startswith("第"):
        return []
    spans, at = [], meeting.end()
    while (m := MORE_ATTENDED_ZH_RE.match(simple, at)) is not None:
        spans.append(m.span("name"))
        at = m.end()
    return spans


def _also_met_zh(text: str, simple: str, end: int, patterns: dict, gazetteer: Gazetteer, roles: Roles) -> list[Counterpart]:
    """Those met next in the sentence of an engagement that ends at `end` (Simplified `simple`):
    `…共同主持第四次中老执法安全合作部长级会议,并会见了老挝副总理沙伦赛。`"""
    m = ALSO_MET_ZH_RE.match(simple, end)
    c = patterns["received"].search(simple, m.start()) if m else None
    if c is None:
        return []
    return [counterpart_zh(slice_original(text, simple, a, b), gazetteer, roles)
            for a, b in counterpart_spans_zh(simple, *c.span("chunk"), roles)]


def _add_attended(reading: Reading, lede: str, searched: str, attended: re.Pattern, gazetteer: Gazetteer) -> None:
    """Add the meeting of an organisation that China's principal attended (`searched`: the lede,
    Simplified or masked), when the lede also tells whom he met there."""
    m = attended.search(searched)
    if m is None:
        return
    if reading.lang == "zh":
        chunk = slice_original(lede, searched, *m.span("chunk"))
        orgs = gazetteer.find("org", chunk, "zh")
    else:
        chunk = unmask(m.group("chunk"))
        orgs = gazetteer.find("org", chunk.replace("-", " "), "en")  # `China-ASEAN` names ASEAN
    if orgs and not any(c.org == orgs[0][2] and not c.is_person for c in reading.counterparts):
        reading.counterparts.insert(0, Counterpart(chunk.strip(), org=orgs[0][2]))


def _other_side_zh(text: str, simple: str, principal: str, gazetteer: Gazetteer, roles: Roles) -> Counterpart | None:
    """A foreign official who, in a later paragraph (Simplified `simple`), did something with China's
    `principal`: `内政部长拿督斯里赛弗丁也在当天与中国国务委员兼公安部部长王小洪签署了解备忘录`."""
    m = re.search(r"(?:^|[，,。；;])(?P<chunk>[^，,。；;]{2,40}?)(?:也|亦|还)?(?:在|于)?(?:当天|当日|同日|\d{1,2}日)?"
                  rf"(?:在[^，,。；;]{{1,10}})?(?:与|同|和)(?:中国)?[^，,。；;]{{0,24}}?{re.escape(principal)}"
                  r"(?:举行)?(?:了)?(?:会谈|会晤|会见|签署|签订|通电话|通话|共同主持)", simple)
    if m is None or m.group("chunk").startswith(("中国", "中华人民共和国")):
        return None
    found = counterpart_zh(slice_original(text, simple, *m.span("chunk")), gazetteer, roles)
    person = gazetteer.person(to_simplified(found.name))
    return found if found.is_person and found.name and not (person and person.side == "china") else None


# Who leads a delegation to a meeting: `俄罗斯联邦麻醉品监管总局副总局长基科率俄方代表团与会`.
DELEGATION_HEAD_ZH_RE = re.compile(r"(?:^|[，,。；;、])(?P<chunk>[^，,。；;、]{2,40}?)率[^，,。；;]{0,12}?团(?:与会|出席|参加|参会)")


def _delegation_head_zh(lede: str, simple: str, principal: str, side: str, gazetteer: Gazetteer,
                        roles: Roles) -> Counterpart | None:
    """The head of the delegation of `side` (a country's code) at a meeting of the lede (Simplified
    `simple`), not China's principal: a person of that country, or of no country named."""
    for head in DELEGATION_HEAD_ZH_RE.finditer(simple):
        found = counterpart_zh(slice_original(lede, simple, *head.span("chunk")), gazetteer, roles)
        if found.is_person and found.name and principal not in head.group("chunk") and found.country in ("", side):
            found.country = side
            return found
    return None


OTHER_MEETING_ZH_RE = re.compile(r"会见|会晤|会谈|通电话|通话|共同主持")
CHINA_TITLE_ZH_RE = re.compile(r"^(?:中国|中华人民共和国|大陆)?(?:国务委员|公安部|国家移民管理局)")


def _other_principal_zh(simple: str, text: str, principal: str, gazetteer: Gazetteer,
                        roles: Roles) -> tuple[Official, int] | None:
    """Another of China's officials as the subject opening a paragraph (Simplified `simple`), and
    where the name ends."""
    m = zh_patterns(roles)["principal"].search(simple[:60])
    if m is None or NOT_IN_NAME_ZH & set(m.group("name")) or (principal and m.group("name") == principal):
        return None
    start = m.start("role") + _joined_role_start(m.group("role"))
    start += len(re.match(r"(?:[^，,]*[，,])?(?:同日|当天|当日|随后|此前|其间)?", simple[start:m.end("role")]).group(0))
    person = gazetteer.person(m.group("name"))  # after the opening words: `同日,公安部副部长`
    if not (person.side == "china" if person else CHINA_TITLE_ZH_RE.match(simple[start:m.end("role")])):
        return None
    return Official(name_zh=slice_original(text, simple, *m.span("name"))), m.end("name")  # an event keeps the English title only


def _china_side_zh(m: re.Match, gazetteer: Gazetteer) -> bool:
    """Whether a `principal` match names China's official: by the gazetteer, or a title `中国…`."""
    person = gazetteer.person(m.group("name"))
    if person is not None:
        return person.side == "china"
    return m.group("role")[_joined_role_start(m.group("role")):].startswith(("中国", "中华人民共和国", "大陆", "中共"))


def _joined_role_start(role: str) -> int:
    """Where a title starts in a match that began earlier: after `和`, `与` or `同` joining it to
    what comes before (`和中国公安部部长`, `在北京与中国国务委员、公安部部长`), else 0."""
    joined = re.search(r"[和与同](?=中国|中华人民共和国|中方|大陆)", role)
    if joined:
        return joined.end()
    return 1 if role[:1] in "和与同" else 0


def counterpart_spans_zh(text: str, start: int, end: int, roles: Roles) -> list[tuple[int, int]]:
    """The counterparts a lede names together, `塞尔维亚内务部长达契奇和南非警察部长姆丘努`: split
    where each part is a title and a name; otherwise the whole span is one counterpart."""
    parts = [(start + a, start + b) for a, b in list_items(text[start:end])]
    named = [split_role_name_zh(text[a:b], roles) for a, b in parts]
    if len(parts) > 1 and all(role and name for role, name in named):
        return parts
    # a name alone after the first, named before in the article: `…内政部长沙巴尼和尼泰雷采`
    if len(parts) > 1 and all(named[0]) and all(not role and 2 <= b - a <= 8 and re.fullmatch(r"[\u4e00-\u9fff·]+", text[a:b])
                                                 for (role, _), (a, b) in zip(named[1:], parts[1:])):
        return parts
    return [(start, end)]


# The words that open a bilateral engagement in English: a verb taking its object directly
# (`met X`), and the others (`phone call with X`).
BILATERAL_DIRECT_EN = "met|meets|received|receives|hosted|hosts|(?:paid|pays|paying) a courtesy (?:call|visit) (?:on|to)"
BILATERAL_OTHER_EN = (r"phone call|phone talks?|(?:phone |telephone |telephonic )?conversations?|telephone (?:call|talks?)"
                      r"|video (?:call|talks?|conference)|talks|talked(?: on the phone| by phone| over the phone)?"
                      r"|spoke(?: on the phone| by phone| over the phone)?|meeting|call|dialogue|consultations?|discussions?")
# A second engagement after the first in one sentence: `…, and met with …`.
AND_MET_EN_RE = re.compile(r"[^.;]{0,80}?,?\s+and\s+(?:also\s+)?(?:met|held talks)\s+(?:with\s+)?(?P<chunk>[A-Z][^.;]{2,160}?)(?=[.;]|\s+on\s|\s+in\s+[A-Z]|$)")
# `co-chaired the seventh China-Myanmar ministerial meeting on … with …`
BILATERAL_CO_CHAIR_EN = r"co-chair(?:ed|s)?\s+(?:the|a)\s+[^.;]{0,150}?(?=\s+with\s)"
BILATERAL_START_EN_RE = re.compile(rf"\b(?:{BILATERAL_DIRECT_EN}|{BILATERAL_OTHER_EN}|co-chair)")


def bilateral_near(text: str, start: int, roles: Roles, within: int = 40) -> re.Match | None:
    """The bilateral engagement (`en_patterns`' "bilateral") of `text` that starts at most
    `within` characters after `start`, or None: its first words are looked for there first,
    which spares searching the rest of a paragraph."""
    verb = BILATERAL_START_EN_RE.search(text, start, start + within + 40)
    if verb is None or verb.start() - start > within:
        return None
    c = en_patterns(roles)["bilateral"].search(text, verb.start())
    return c if c and c.start() - start <= within else None


@lru_cache(maxsize=4)
def en_patterns(roles: Roles) -> dict[str, re.Pattern]:
    """The sentence patterns of English readouts, built with the lede verbs of `roles`."""
    verbs = "|".join(roles.lede_verbs_en)
    return {
        "after_principal": re.compile(
            rf"^\s*(?:\([^)]{{1,20}}\)\s*)?(?:(?:,[^,]{{3,240}}){{1,3}},\s*|of\s+(?:the\s+)?[A-Z][\w'’ -]{{3,80}}?\s+(?=[a-z]))?(?:also\s+)?(?:(?:on\s+)?{WEEKDAY}\s+|here\s+|today\s+)?(?:also\s+)?(?:{verbs})\b"),
        "bilateral": re.compile(
            rf"\b(?:(?P<direct>{BILATERAL_DIRECT_EN})|{BILATERAL_OTHER_EN}|{BILATERAL_CO_CHAIR_EN})"
            # what may stand between the verb and its object: `met here on Tuesday with`, `talks via video link with`
            rf"(?:\s+(?:here|today|separately|respectively|in\s+[A-Z][a-z]+|on\s+(?:{WEEKDAY}|{EN_MONTH}\s+\d{{1,2}}(?:,\s*\d{{4}})?),?"
            r"|(?:via|by|over|through)\s+(?:a\s+)?(?:video\s*link|video|telephone|phone))){0,3}"
            # `met with X`, or `met X` (`received`, `hosted`): then X starts with a capital
            r"\s+(?(direct)(?:(?:with|to)\s+|(?=[A-Z]|(?:the|his|her)\s))|(?:with|to)\s+)(?P<chunk>.+?)"
            rf"(?=\s+on\s+(?:{EN_MONTH}|\d|\w+day|the\s+(?:sidelines|margins))|\s+via\b|\s+by\s+(?:video|phone|telephone)"
            r"|\s+(?:here|respectively|separately|today|yesterday)\b|\s+in\s+[A-Z][a-z]+(?:[,.]|\s+(?:on|and)\b|\s+city|$)"
            r"|,?\s+(?:who|where|when|during|after|before|as|to\s+(?:discuss|exchange)|and\s+(?:the\s+(?:two|three|four|sides?|parties|meeting|talks)|they|both|he|she|said"
            r"|(?:also\s+)?(?:signed|met|held|attended|visited|witnessed|co-chaired|exchanged)))\b"
            r"|,\s+(?!including\b)[a-z]+ing\b"
            r"|\s+at\s+(?:the|his|her)\b|\s+on\s+[a-z]"  # `… Edward Lyons on drug trafficking`
            r"|\s+in\s+(?:Beijing|the\s+capital)|[.;:]\s|[.;]?$)"),
        # a visitor calling on China's official (tried only when no principal leads the lede:
        # China's own officials `called on` both sides to …)
        "called_on": re.compile(r"\b(?:called|calls)\s+on\s+(?P<chunk>[A-Z].+?)(?=\s+in\s+[A-Z]|\s+on\s+\w+day|\s+and\s+[a-z]|[.;]|$)"),
        # tried at each sentence's start only (see `when_meeting_en`)
        "when_meeting": re.compile(
            r"(?:When|While|During|In|At)?\s*(?:holding\s+)?(?:his\s+|the\s+|an?\s+)?(?:working\s+)?(?:meeting|talks|meetings|talking|speaking|session)"
            r"\s+with\s+(?P<chunk>[^,;]{3,160}?)\s*,", re.I),
        "meeting": re.compile(
            r"(?:^|[,.]\s+|\b[Tt]he\s+)(?P<chunk>[^,.]{0,40}?(?i:meeting|conference|forum|summit|dialogue|session|ministerial)"
            r"[^,.]*?)\s+(?:was|were)\s+(?:held|convened)"),
        "attended": re.compile(r"\b(?:attended|addressed|co-chaired|chaired|presided over|spoke at|led\s+(?:a|the)\s+[^.]{0,40}?delegation\s+to)"
                               r"\s+(?:and\s+\w+\s+)?(?:the\s+opening\s+of\s+)?the\s+(?P<chunk>[^.]*?(?:[Mm]eeting|[Cc]onference|Forum|Summit|Dialogue|Assembly|Session|Congress|Ministerial)[^.,]*?)"
                               r"(?=\s+on\s+|\s+(?:via|by|through)\s+video|[.,]|$)"),
        # A lookahead of what a match starts with (a digit or the first letter of a quantifier)
        # lets the regex engine skip to it.
        "audience": re.compile(
            r"(?=[amnos\d])(?P<chunk>(?:(?:Over|More than|About|Nearly|Some)\s+)?\d+\+?\s+[^.,;]*?(?:diplomats|ambassadors|envoys|representatives|"
            r"officials|delegates|guests)[^.,;]*?)\s+(?:gathered|attended|visited|participated|took part|came)", re.I),
    }


def read_en(article: Article, gazetteer: Gazetteer, roles: Roles) -> Reading:
    """What an English version says: from the first of its opening paragraphs that names China's principal."""
    reading = _first_lede(article, _read_en_from, gazetteer, roles)
    if reading.principal and not reading.counterparts:
        # a clause before the principal's paragraph tells whom he met: `During the working session
        # with Lieutenant General Le Duc Thai, the host and the guest …`
        for line, text in article.body[:reading.lede]:
            for w in when_meeting_en(mask_abbreviations(text, roles), roles):
                _add_people_en(reading, w.group("chunk"), gazetteer, roles, line=line, context=text)
                reading.event_type = classify_type(text, "en") if reading.event_type == "event" else reading.event_type
        if reading.counterparts:
            fill_places(reading, article.title + "\n" + article.body[reading.lede][1], gazetteer, article)
    reading.attendees = attendees_en(article, roles, reading.principal)
    return reading


def _read_en_from(article: Article, index: int, gazetteer: Gazetteer, roles: Roles) -> Reading:
    reading = Reading("en", lede=index)
    lede_line, lede = article.body[index] if article.body else (article.line_start, "")
    masked = mask_abbreviations(lede, roles)
    patterns = en_patterns(roles)
    reading.event_type = classify_type(lede, "en")
    principal_start = principal_end = 0
    visitor = None  # the foreign official whose meetings with China's officials a paragraph told last
    names = en_name_spans(masked, roles)
    for start, end in names:
        after = patterns["after_principal"].match(masked[end:])
        if after and after.group(0).strip() == "and" and BILATERAL_START_EN_RE.search(masked, masked.rfind(". ", 0, start) + 1, start):
            continue  # `Razak met with …, Chen Wenqing and …, Chen Siyuan`: the objects of another's meeting
        if after:
            reading.principal = _official_en(masked, start, end, lede_line, roles)
            principal_start, principal_end = start, end
            break
    c = patterns["bilateral"].search(masked, principal_end) or (
        patterns["called_on"].search(masked) if reading.principal is None and " on " in masked else None)
    joint = JOINT_SUBJECT_RE.match(masked, principal_end) if reading.principal else None
    if joint and (not c or c.start() > joint.end("chunk")):
        _add_people_en(reading, joint.group("chunk"), gazetteer, roles)
        c = None
    guest = RECEIVED_BY_RE.match(masked, principal_end) if reading.principal else None
    if guest:  # `Wang … was received by Prime Minister Hun Manet`
        reading.event_type = "meeting" if reading.event_type == "event" else reading.event_type
        _add_people_en(reading, guest.group("chunk"), gazetteer, roles)
        c = None
    together = TOGETHER_RE.search(masked[:principal_start]) if reading.principal else None
    # `Minister Lâm together with Chinese … Wang Xiaohong co-chaired …`: someone named, not a title
    # alone (`Chinese State Councilor and Minister … Wang`, `LYON, France – Chinese State Councilor and …`)
    if together and not reading.counterparts and any(
            split_name_role_en(part, gazetteer, roles)[0] for part in split_people_en(together.group("chunk"), gazetteer, roles)):
        _add_people_en(reading, together.group("chunk"), gazetteer, roles)
        c = None
    if reading.principal is None and names:
        # Told from the other side (`Vietnamese Minister … held talks with his Chinese counterpart
        # Wang Xiaohong`): China's official is named after the verb, the counterpart before it.
        chinese = next(((a, b) for a, b in names if _chinese_official(masked, a, b, gazetteer)), None)
        if chinese and c and c.start("chunk") <= chinese[0]:
            reading.principal = _official_en(masked, *chinese, lede_line, roles)
            subject = LEADING_WORDS_EN_RE.sub("", masked[: c.start()])  # `BEIJING --`, `On Thursday,`
            subject = SPEAKER_EN_RE.split(subject)[-1]  # `Kyrgyzstan will …, said Kyrgyz President …`: who said it
            if len(subject) > 120:  # `On …, at the … Forum …, the Minister … of Tajikistan, Colonel General … Hamro,`
                subject = ", ".join(subject.rstrip(" ,").split(", ")[-2:])
            subject = re.sub(rf"(?:\s+(?:[a-z]+|{WEEKDAY}))+\s*$", "", subject)  # `… Luong Tam Quang on Saturday had a`
            _add_people_en(reading, subject, gazetteer, roles)
            # China's other officials met: `Razak met with …, Chen Wenqing and …, Chen Siyuan`
            for a, b in names:
                if chinese[1] < a < c.end("chunk") and _chinese_official(masked, a, b, gazetteer):
                    official = _official_en(masked, a, b, lede_line, roles)
                    for guest in [g for g in reading.counterparts if g.principal is None]:
                        reading.add(replace(guest, principal=official))
            visitor = reading.counterparts[0] if reading.counterparts else None
            c = None
        elif chinese and (host := HOST_RE.search(masked[: chinese[0]])):
            # China's official as the guest: `… said PM Nguyen Xuan Phuc at his reception for Chinese
            # Minister … Guo Shengkun`, `Prime Minister Hun Manet received Chinese …`
            reading.principal = _official_en(masked, *chinese, lede_line, roles)
            reading.event_type = "meeting" if reading.event_type == "event" else reading.event_type
            _add_people_en(reading, LEADING_WORDS_EN_RE.sub("", host.group("chunk")), gazetteer, roles)
            c = None
        elif chinese and c and 0 <= c.start() - chinese[1] <= 160:
            # China's official after `said`, the engagement after the name: `…, said Zhao Kezhi, Chinese
            # Minister of Public Security in a phone conversation with Pakistani Minister …`
            reading.principal = _official_en(masked, *chinese, lede_line, roles)
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
        if (meeting or REFERS_BACK_RE.match(masked)) and not orgs:  # `The meeting, chaired by China, …`: named before
            for _, text in reversed(article.body[:index]):
                earlier = patterns["meeting"].search(mask_abbreviations(text, roles))
                named = unmask(earlier.group("chunk").strip()) if earlier else ""
                if gazetteer.find("org", named.replace("-", " "), "en"):
                    chunk, orgs = named, gazetteer.find("org", named.replace("-", " "), "en")
                    break
        acronym = ACRONYM_RE.search(chunk)
        if chunk and orgs:
            reading.add(Counterpart(chunk[orgs[0][0]:orgs[0][1]], org=orgs[0][2]))
        elif acronym:  # an organisation the gazetteer lacks: `Gulf Cooperation Council (GCC)`
            reading.add(Counterpart(acronym.group(1), org=acronym.group(1)))
        elif audience:
            reading.add(Counterpart(unmask(audience.group("chunk").strip())))
        elif chunk:
            reading.add(Counterpart(chunk))
    if reading.principal and reading.counterparts:  # the multilateral meeting attended beside those met
        _add_attended(reading, lede, masked, patterns["attended"], gazetteer)
    host = INVITATION_EN_RE.match(masked[:principal_start]) if reading.principal and not reading.counterparts else None
    if host:  # `At the invitation of Vietnamese Minister … To Lam, Chinese … Wang Xiaohong paid a visit …`: the host
        _add_people_en(reading, host.group("chunk"), gazetteer, roles)
    # Meetings told one per paragraph: `On Monday, Meng met with …`, `When meeting with Dacic, Wang …`
    surname = reading.principal.name_en.split()[0] if reading.principal else ""
    for line, text in paragraphs_after(article, index, roles):
        if not ((surname and surname in text[:60]) or " with " in text):
            continue  # neither the principal as subject nor a `… with X,` clause: no engagement told here
        masked = mask_abbreviations(text, roles)
        # the principal by full name or surname: `While in Geneva, Xu Ganlu held talks with …`
        at = re.search(rf"\b(?:{re.escape(reading.principal.name_en)}|{surname})\b", masked) if surname else None
        c = bilateral_near(masked, at.end(), roles) if at and at.start() < 40 else None
        joint = JOINT_SUBJECT_RE.match(masked, at.end()) if at and at.start() < 40 and not SAME_MEETING_EN_RE.match(masked) else None
        if joint:  # `Later the same day, Chen and his Vietnamese counterpart Lê Quốc Hưng co-chaired …`
            _add_people_en(reading, joint.group("chunk"), gazetteer, roles, when=text, line=line)
        elif c and patterns["after_principal"].match(masked[at.end():]):
            _add_people_en(reading, c.group("chunk"), gazetteer, roles, when=text, line=line)
            # and a second engagement in the sentence: `…, and met with Myanmar Union Minister … U Myint Kyaing`
            if (more := AND_MET_EN_RE.match(masked, c.end())) is not None:
                _add_people_en(reading, more.group("chunk"), gazetteer, roles, when=text, line=line)
        elif other := _other_principal_en(masked, line, reading.principal, gazetteer, roles):
            # `State Councilor and Minister of Public Security Zhao Kezhi held talks with Wissanu on Friday.`
            official, end = other
            c = bilateral_near(masked, end, roles)
            if c:
                _add_people_en(reading, c.group("chunk"), gazetteer, roles, when=text, line=line, principal=official)
        for w in when_meeting_en(masked, roles):
            _add_people_en(reading, w.group("chunk"), gazetteer, roles, line=line, context=text)
            if reading.event_type == "event":  # the lede said how they met no more than `said`
                reading.event_type = classify_type(text, "en")
        visitor = _visitor_met_en(reading, masked, text, line, visitor, gazetteer, roles)
    _complete_names_en(reading, article, gazetteer, roles)
    fill_places(reading, article.title + "\n" + lede, gazetteer, article)
    _name_countries_met_en(reading, article, gazetteer, roles)
    return reading


# A word of a title or a name: `Interpol`, `(IOM)`, `of`, `Al-Raisi`.
TITLE_OR_NAME_WORD_EN = r"(?:[A-Z][\w.'’-]*|\([A-Z][\w-]*\)|of|the|and|for)"
# Capitalised words (a title and the first names) before a name: `Interpol President Ahmed Nasser `.
WORDS_BEFORE_NAME_EN = rf"(?:{TITLE_OR_NAME_WORD_EN}\s+){{1,10}}"


# The host who invited China's official, before the principal: `应…苏林邀请,…`, `At the invitation of …, Chinese …`.
INVITATION_ZH_RE = re.compile(r"应(?P<chunk>[^，,。；;]{2,60}?)(?:的)?邀请")
INVITATION_EN_RE = re.compile(r"\W*(?:At|On|Upon)\s+the\s+invitation\s+of\s+(?P<chunk>.+),\s+(?:[\w’'.()-]+\s+){0,12}$")
# A paragraph that goes on with the meeting told before (`During the meeting, Wang and … signed …`).
SAME_MEETING_EN_RE = re.compile(r"\W*(?:During|At|After|Following|On the sidelines of)\s+(?:the|their|this)\s+"
                                r"(?:meeting|talks|call|conversation|event|ceremony)\b")
# A dateline in capitals, of any script: `ISLAMABAD -`, `HÀ NỘI —`.
DATELINE_EN = (r"(?:[A-ZÀ-ÞĀ-Ỹ][A-ZÀ-ÞĀ-Ỹ'’.]+(?:\s+[A-ZÀ-ÞĀ-Ỹ][A-ZÀ-ÞĀ-Ỹ'’.]*){0,3}"
               r"|[A-Z][A-Za-z]+(?:\s+[A-Z][a-z]+){0,2}\s*(?:\([A-Z][A-Za-z]*\))?)\s*[-–—]+\s*")  # `Hanoi (VNA) –`, `PSNews -`
# What introduces the speaker after a quote or a reported statement: `…, said`.
SPEAKER_EN_RE = re.compile(r",\s+(?:said|says|told|stated|noted|added)\s+")
# What opens a lede before its subject: a dateline (`ISLAMABAD -`), a time (`On Thursday,`).
LEADING_WORDS_EN_RE = re.compile(rf"^\W*(?:{DATELINE_EN})?(?:(?:On|Last|This|Earlier|Late|In|At|During)\s+[^,]{{3,30}},\s*"
                                 r"|(?:Yesterday|Today|Recently|Earlier)(?:\s+[a-z]+)?,\s*)?")


# A foreign visitor meeting China's officials, told from the visitor's side: `Zahid met with the …
# secretary of the Communist Party of China, Meng Jianzhu and the president of Interpol, Meng Hongwei.`
VISITOR_MET_EN_RE = re.compile(r"(?:^|[.;]\s+)(?:(?:In|At|During|On|Later)\b[^,]{2,40},\s+)?(?P<subject>[Hh]e|[Ss]he|[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,4})"
                               r"\s+(?:also\s+)?(?:met|meets|held talks|called on)\s+(?:with\s+)?(?P<chunk>[^.;]{5,300})")


def _visitor_met_en(reading: Reading, masked: str, text: str, line: int, visitor: Counterpart | None,
                    gazetteer: Gazetteer, roles: Roles) -> Counterpart | None:
    """Add the engagements of a paragraph where a foreign official met China's officials (`he`
    being the visitor of the paragraph before); return the visitor, or None when the paragraph
    tells no such meeting."""
    if " met" not in masked and " called on" not in masked and " held talks" not in masked:
        return visitor
    for m in VISITOR_MET_EN_RE.finditer(masked):
        chunk = m.group("chunk")
        officials = [(a, b) for a, b in en_name_spans(chunk, roles) if _chinese_official(chunk, a, b, gazetteer)]
        if not officials or _chinese_official(masked, m.start("subject"), m.end("subject"), gazetteer):
            continue
        subject = m.group("subject")
        if subject.lower() in ("he", "she"):
            guest = visitor
        else:
            name, role, country, org = split_name_role_en(subject, gazetteer, roles)
            guest = Counterpart(name, role, True, country, org) if name else None
        if guest is None:
            continue
        for a, b in officials:
            official = _official_en(chunk, a, b, line, roles)
            reading.add(replace(guest, when=text, line=line, principal=official))
        return guest
    return visitor


def _complete_names_en(reading: Reading, article: Article, gazetteer: Gazetteer, roles: Roles) -> None:
    """A counterpart named by one word (`Meeting with Al-Raisi, Wang said …`) takes the full name,
    and the title's country or body, that the article gives it elsewhere: in a paragraph or a
    photo caption (`… meets with Interpol President Ahmed Nasser Al-Raisi …`). One named in full
    without a title takes the title the article gives the name in apposition (`At the invitation
    of António Vitorino, director general of the International Organization for Migration (IOM), …`),
    and its body or country."""
    texts = [text for _, text in article.body] + article.metadata
    for counterpart in reading.counterparts:
        if counterpart.is_person and " " in counterpart.name.strip() and not counterpart.role:
            apposition = re.compile(re.escape(counterpart.name) + APPOSITION_EN)
            m = next((m for text in texts if counterpart.name in text for m in [apposition.search(text)] if m), None)
            name, role, country, org = split_name_role_en(m.group(0), gazetteer, roles) if m else ("",) * 4
            if name == counterpart.name and role:
                counterpart.role = role
                counterpart.country, counterpart.org = country or counterpart.country, org or counterpart.org
        if not counterpart.is_person or " " in counterpart.name.strip():
            continue
        # the name may stand first or inside the full one: `Dr Ahmad Zahid Hamidi` for `Zahid`
        found = re.compile(WORDS_BEFORE_NAME_EN + re.escape(counterpart.name) + r"(?:\s+[A-Z][\w'’-]+){0,2}\b")
        for text in texts:
            m = found.search(text) if counterpart.name in text else None
            name, role, country, org = split_name_role_en(m.group(0), gazetteer, roles) if m else ("",) * 4
            if len(name) > len(counterpart.name) and re.search(rf"\b{re.escape(counterpart.name)}\b", name):
                counterpart.name, counterpart.role = name, counterpart.role or role
                counterpart.country, counterpart.org = counterpart.country or country, counterpart.org or org
                break


# A title in apposition after a name: `, director general of the … (IOM)` up to the next comma.
APPOSITION_EN = r",\s+(?:the\s+)?[a-zA-Z][^,;]{2,160}?(?=,\s|;|\.\s|\.$|$)"
# A run of capitalised words (a title and a name, `Maldivian Minister of Homeland Security Ali Ihusan`).
TITLED_NAME_EN_RE = re.compile(rf"[A-Z][\w.'’-]*(?:\s+{TITLE_OR_NAME_WORD_EN}){{2,40}}")


def _name_countries_met_en(reading: Reading, article: Article, gazetteer: Gazetteer, roles: Roles) -> None:
    """A country met only as one of a group (`met with officials from the Maldives and Ethiopia`)
    takes the one person the article names with a title of that country (`… and Maldivian
    Minister of Homeland Security Ali Ihusan were all in the Chinese capital`)."""
    countries = [c for c in reading.counterparts if not c.is_person and c.country and not c.org
                 and [(s, e) for s, e, _ in gazetteer.find("country", c.name, "en")] == [(0, len(c.name))]]
    if not countries:
        return
    people: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for text in [text for _, text in article.body] + article.metadata:
        for run in TITLED_NAME_EN_RE.findall(text):
            for part in re.split(r",\s*|\s+and\s+", run):
                name, role, country, _ = split_name_role_en(part, gazetteer, roles)
                if country and role and len(name.split()) >= 2:
                    people[country].add((name, role))
    for counterpart in countries:
        if len(people[counterpart.country]) == 1:
            (counterpart.name, counterpart.role), = people[counterpart.country]
            counterpart.is_person = True


def when_meeting_en(text: str, roles: Roles) -> Iterable[re.Match]:
    """The meetings `text` tells in a clause of their own, at a sentence's start (`When meeting with
    Dacic, …`) or after `when` or `while` (`Guo made the remarks when meeting with Michael Keenan,
    …`), matched there only (searching the whole text costs ten times as much)."""
    if " with " not in text or not MEETING_WITH_EN_RE.search(text.lower()):
        return
    pattern = en_patterns(roles)["when_meeting"]
    starts = [0] + [m.end() for m in SENTENCE_START_RE.finditer(text)] + [m.start() for m in WHEN_MEETING_EN_RE.finditer(text)]
    for start in sorted(set(starts)):
        m = pattern.match(text, start)
        if m:
            yield m


SENTENCE_START_RE = re.compile(r"[.!?]\s")
WHEN_MEETING_EN_RE = re.compile(r"(?<=\s)(?:when|while)\s+(?=(?:holding\s+)?(?:meeting|talks|talking|speaking)\s+with\s)")
# What a `when_meeting` match holds, in lower case (faster than a case-insensitive search)
MEETING_WITH_EN_RE = re.compile(r"(?:meeting|talks|talking|speaking|session)s?\s+with\s")


def _official_en(text: str, start: int, end: int, line: int, roles: Roles) -> Official:
    """The Chinese official named at text[start:end], with the title before the name (or in
    apposition after it)."""
    role = title_before(unmask(text), start, roles)
    # a title in apposition, within the sentence, not what he did: `Wang Xiaohong, vice minister of
    # public security, …`, not `Wang Xiaohong, visited Phnom Penh on May 7, …`
    apposition = re.match(r"^\s*,\s*(([\w-]+)[^,;]{2,240}),", text[end:])
    if not role and apposition and not re.search(r"[.!?]\s", apposition.group(1)) \
            and apposition.group(2) not in roles.lede_verbs_en:
        role = unmask(apposition.group(1)).strip()
    return Official(name_en=text[start:end], role_en=role, line=line, langs={"en"})


def _other_principal_en(text: str, line: int, principal: Official | None, gazetteer: Gazetteer,
                        roles: Roles) -> tuple[Official, int] | None:
    """Another of China's officials as the subject opening a paragraph, and where the name ends."""
    for start, end in en_name_spans(text[:160], roles):
        if start < 100 and en_patterns(roles)["after_principal"].match(text[end:]) \
                and not (principal and name_key(text[start:end]) == name_key(principal.name_en)) \
                and _chinese_official(text, start, end, gazetteer):
            return _official_en(text, start, end, line, roles), end
        break
    return None


def _chinese_official(text: str, start: int, end: int, gazetteer: Gazetteer) -> bool:
    """Whether the romanised name at text[start:end] is China's official: the gazetteer says so,
    or the words before it do (`his Chinese counterpart`, `China's Minister of Public Security`)."""
    person = gazetteer.person(text[start:end])
    if person is not None:
        return person.side == "china"
    # the title may stand in apposition before the name: `Vice Minister of Public Security (MPS) of the
    # People's Republic of China (PRC), Hon. Wang Zhizhong`
    return bool(CHINA_BEFORE_NAME_EN_RE.search(text, max(0, start - 200), start))


CHINA_BEFORE_NAME_EN_RE = re.compile(r"(?:Chinese|China's|China’s|Public Security|People's Republic of China|People’s Republic of China"
                                     r"|Communist Party of China|CPC)\b(?:\s*\([A-Z]+\))?[^,.;]{0,60}"
                                     # `…, Hon. Wang Zhizhong`, `… Ministry, led by its Deputy Secretary Wu Tao`
                                     r"(?:,\s*(?:led\s+by\s+(?:its\s+|the\s+)?)?(?:Hon\W{1,2}|H\WE\W{1,2}|Mr\W{1,2})?[^,.;]{0,40})?$")


def _add_people_en(reading: Reading, chunk: str, gazetteer: Gazetteer, roles: Roles, when: str = "",
                   line: int = 0, context: str = "", principal: Official | None = None) -> None:
    """Add the counterparts of a phrase; those of a paragraph (`line`) without a country take the
    paragraph's one foreign country."""
    context = when or context
    chunk = CHUNK_END_RE.split(chunk, maxsplit=1)[0]
    for part in split_people_en(chunk, gazetteer, roles):
        name, role, country, org = split_name_role_en(part, gazetteer, roles)
        # the paragraph's countries, not inside the name (`Le Duc Thai`)
        places = {code for *_, code in gazetteer.find("country", context.replace(name, " "), "en")} - {"CHN"} \
            if context and name and not (country or org) else set()
        if len(places) == 1:
            country = next(iter(places))
        if name:
            reading.add(Counterpart(name, role, True, country, org, when, line, principal))
        elif country or org:
            reading.add(Counterpart(unmask(part).strip(" ,"), "", False, country, org, when, line, principal))


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
        found, notes = attendee_rows(pair, zh.attendees if zh else [], en.attendees if en else [],
                                     [row["event_id"] for row, _ in rows], gazetteer)
        # an official present at one engagement who leads another is no attendee of his own
        principals = {row["event_id"]: (row["principal_zh"], row["principal_en"]) for row, _ in rows}
        attendees += found if len(set(principals.values())) < 2 else [a for a in found if not any(
            same_person(name, lead) for name in (a["name_zh"], a["name_en"]) if name for lead in principals[a["event_id"]] if lead)]
        diagnostics += notes
    return events, attendees, diagnostics, also


def pair_counterparts(zh: list[Counterpart], en: list[Counterpart]) -> list[tuple[Counterpart | None, Counterpart | None]]:
    """The Chinese and English forms of each counterpart: by country or organisation (among several
    of one place, those whose titles name the same portfolio first), then in order."""
    roles = load_roles()
    same_place = sorted(((-shared_portfolios(c.role, e.role, roles), i, j) for i, c in enumerate(zh)
                         for j, e in enumerate(en) if (c.country or c.org) and (c.country or c.org) == (e.country or e.org)))
    match: dict[int, int] = {}
    for _, i, j in same_place:
        if i not in match and j not in match.values():
            match[i] = j
    left = [j for j in range(len(en)) if j not in match.values()]
    for i, c in enumerate(zh):
        if i in match or not left:
            continue
        if not ((c.country or c.org) and (en[left[0]].country or en[left[0]].org)) or len(zh) == len(en) == 1:
            match[i] = left.pop(0)
    taken = set(match.values())
    return [(c, en[match[i]] if i in match else None) for i, c in enumerate(zh)] + [(None, e) for j, e in enumerate(en) if j not in taken]


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
        # the versions that tell this engagement: not one that names others but not its counterpart
        telling = [a for a, c, r in ((pair.zh, c_zh, zh), (pair.en, c_en, en)) if a and (c or not (r and r.counterparts))]
        own_en, own_zh, own_person = name_en, name_zh, person
        other = next((c.principal for c in both if c.principal), None)
        if other is not None:  # another of China's officials met this counterpart
            own_en, own_zh = other.name_en, other.name_zh
            own_person = gazetteer.person(own_zh or own_en)
        date = engagement_date(pair.date, [c.when for c in both if c.when], last_date)
        last_date = date
        own_type = min((classify_type(to_simplified(c.when), "zh" if c is c_zh else "en") for c in both if c.when),
                       key=TYPE_PRIORITY.index, default=event_type)
        if own_type == "meeting" and org and not any(c.is_person or DELEGATIONS_RE.search(c.name) for c in both):
            own_type = "event"  # a multilateral meeting: its body is no one to meet (its delegations are)
        rows.append(({
            "event_id": pair.event_id if not rows else f"{pair.event_id}-{len(rows) + 1}",
            "date": date, "year_inferred": pair.year_inferred, "year_source": pair.year_source,
            "event_type": own_type, "cameo_code": cameo_code(own_type, text),
            "principal_en": own_en or (own_person.name_en if own_person else romanise(own_zh)),
            "principal_zh": own_zh or (own_person.name_zh if own_person else ""),
            "principal_role_en": (other.role_en if other else principal_en.role_en if principal_en else "")
            or role_held(own_person, pair.date),
            "counterpart_en": c_en.name if c_en else "", "counterpart_zh": c_zh.name if c_zh else "",
            "counterpart_role_en": c_en.role if c_en else "",
            "counterpart_country": country, "counterpart_org": org,
            "source_file": "; ".join(sorted({a.source_file for a in telling})),
            "zh_article_id": pair.zh.article_id if pair.zh else "", "en_article_id": pair.en.article_id if pair.en else "",
            "title_en": pair.en.title if pair.en else "", "title_zh": pair.zh.title if pair.zh else "",
            "zh_lines": f"{pair.zh.line_start}-{pair.zh.line_end}" if pair.zh else "",
            "en_lines": f"{pair.en.line_start}-{pair.en.line_end}" if pair.en else "",
        }, {"zh": c_zh.line if c_zh else 0, "en": c_en.line if c_en else 0}))
    return rows, diagnostics
