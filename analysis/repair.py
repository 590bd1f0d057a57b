"""Text repair: undo the damage found throughout the newsletter, one line at a time.

Each kind of damage has a small fix in the style of ftfy. A fix takes a text and returns
``(text, repairs)``; the offsets of its repairs are positions in its own input.
:func:`repair_line` chains the fixes that are safe for a line's language and maps every offset
back to the original line.

Damage handled
--------------
``pinyin``
    Toned pinyin injected after characters: ``會(huì)議`` → ``會議``.
``gbk_shift`` / ``gbk_unrecoverable``
    Text stored as GBK and decoded one byte off: a lost lead byte shows as ``?``, then every
    character is built from the trail byte of one character and the lead byte of the next, until
    an ASCII byte resynchronises the decoder. Spans are re-encoded, the lost bytes are searched
    for, and the decoding is accepted only when a word-frequency model (jieba's dictionary and
    the domain dictionary ``data/domain_words.txt``, with a word insertion penalty and a penalty
    for function words that end a clause, by jieba's part-of-speech tags; a cache of the line's
    own character pairs, quotation balance, and the line's character set, Big5 or GB2312) finds
    it clearly better than the damaged text and than every other reading of the same bytes,
    readings with one more dropped pair included; otherwise the span is reported as
    unrecoverable and left as it is.
``stray_question_mark``
    An ASCII ``?`` inserted before a space in English: ``for? Migration`` → ``for Migration``.
``apostrophe``
    Lost possessive apostrophes in English: ``Chinas`` → ``China's``.

Expensive resources (pypinyin, OpenCC, jieba's dictionary, the GBK tables, the word lists) are
loaded lazily on first need, and cheap tests skip every line that cannot hold a given damage.
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, Iterable

from .text import jieba_tokenizer, to_simplified

POSSESSIVES_FILE = Path(__file__).parent / "data" / "english_possessives.yaml"
DOMAIN_WORDS_FILE = Path(__file__).parent / "data" / "domain_words.txt"
APOSTROPHE = "'"


@dataclass(frozen=True)
class Repair:
    """One repair: ``before`` at ``offset`` in the original line became ``after``."""

    kind: str  # 'pinyin', 'gbk_shift', 'gbk_unrecoverable', 'stray_question_mark', 'apostrophe'
    before: str  # the damaged span, as in the text
    after: str  # what replaced it ('' allowed); equal to `before` for gbk_unrecoverable
    offset: int  # character offset of `before` in the original line


Fix = Callable[[str], "tuple[str, list[Repair]]"]


def _replace_spans(text: str, repairs: Iterable[Repair]) -> str:
    """Apply *repairs* (offsets in *text*, in increasing order) to *text*."""
    parts, pos = [], 0
    for r in repairs:
        parts += [text[pos:r.offset], r.after]
        pos = r.offset + len(r.before)
    parts.append(text[pos:])
    return "".join(parts)


# --------------------------------------------------------------------------------------------
# 1. Injected pinyin
# --------------------------------------------------------------------------------------------

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_PINYIN_LETTERS = "a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêńňǹḿ\u0300-\u036f"
_PINYIN_RE = re.compile(rf"(?<=[{_CJK}])[(（]([{_PINYIN_LETTERS}]{{1,8}})[)）]")


@functools.lru_cache(maxsize=16384)
def _readings(char: str) -> frozenset[str]:
    """Pinyin readings (NFC, with tone marks) of *char* and of its Simplified form."""
    from pypinyin import Style, pinyin

    forms = {char, to_simplified(char)}
    return frozenset(
        unicodedata.normalize("NFC", reading)
        for form in forms
        for reading in pinyin(form, style=Style.TONE, heteronym=True)[0]
    )


def remove_injected_pinyin(text: str) -> tuple[str, list[Repair]]:
    """Remove ``(syllable)`` right after a character when the syllable is a reading of it.

    >>> remove_injected_pinyin("上合組織成員國(guó)安全會(huì)議")[0]
    '上合組織成員國安全會議'
    >>> remove_injected_pinyin("國家移民管理局(NIA)、總理(甲)")[0]
    '國家移民管理局(NIA)、總理(甲)'

    Readings come from pypinyin (all heteronyms; a neutral-tone reading such as ``de`` counts),
    so a syllable that is not a reading of the character before it is kept.
    """
    if "(" not in text and "（" not in text:
        return text, []
    repairs = []
    for match in _PINYIN_RE.finditer(text):
        syllable = unicodedata.normalize("NFC", match.group(1))
        if syllable in _readings(text[match.start() - 1]):
            repairs.append(Repair("pinyin", match.group(0), "", match.start()))
    return _replace_spans(text, repairs), repairs


# --------------------------------------------------------------------------------------------
# 2. GBK decoded one byte off
# --------------------------------------------------------------------------------------------
#
# Damage model, for original GBK bytes ... L1 T1 L2 T2 L3 T3 ...:
#   * a lead byte L1 is lost and shows as '?';
#   * the decoder reads shifted pairs (T1 L2)(T2 L3)...: mojibake; a fullwidth result such as
#     a3a1 '！' was later normalised to ASCII '!';
#   * a shifted pair that GBK cannot decode (a user-defined code such as f8a1) is dropped;
#   * a trail byte 0x40-0x7e resynchronises the decoder and shows as an ASCII letter; a trail
#     byte before real ASCII shows as '?' instead.
# So the original characters are (L1 T1)(T1' L2)... rebuilt from the shifted bytes: one unknown
# byte at each end and an unknown pair wherever one was dropped. Candidates with one dropped pair
# (and, from the best of them on, with one more, or with a dropped pair read another way, as long
# as that reads better) are scored with jieba's word frequencies and the domain dictionary's
# words; other explanations (a pair dropped next to an unknown end byte) are scored as rivals that
# can block a decoding but never replace one.

_QUESTION_MARKS = "?\ufffd"
_MAX_SHIFTED_RUN = 80  # longer runs are not treated as shifted text
_HIGH_BYTES = range(0x81, 0xFF)
_PREFILTER = 32  # characters kept by frequency alone before scoring in context
_KEEP_END = 6  # characters kept for an unknown byte at an end
_KEEP_END_FIRST_PASS = 2  # ... when trying every middle part
_KEEP_SIDE, _KEEP_SPLIT = 24, 3  # dropped pairs ranked by their two sides, then kept in context
_KEEP_MIDDLES = 8  # decodings of the determined middle part kept
_KEEP_EXTRA = 8  # characters per trail byte tried as an extra one in front (a rival)
# The margins were calibrated by simulating the damage at every place of the seeds' clean
# Traditional text (2,969 spans: GBK bytes from the place on, first byte lost, decoded with
# undecodable pairs dropped until an ASCII byte resynchronises): with 4.5 nats 25.7% of the spans
# are repaired and 1.7% of the repairs are wrong; with 5 nats 23.1% and 1.2%, with 6 nats 17.6%
# and 0.6%. Before the domain dictionary, words of 6 to 8 characters and the readings that differ
# from the best in how one dropped pair is read, 4.5 nats gave 23.5% and 3.2% (22.7% and 1.9%
# with those readings alone); before the word penalty, the function-word constraint and the
# wider search of dropped pairs, 19.5% and 4.8%. A quarter of the domain dictionary's words occur
# in the seeds, so the simulation overstates its gain on new text: without them, 22.7% and 1.9%.
# Most wrong repairs are readings that the bytes allow as well as the right one: a character
# hidden in a dropped pair right after the lost byte (面排查 for 全面排查), a lone character
# decided by its context, or three pairs dropped.
_MARGIN_OVER_RUNNER_UP = 4.5  # nats by which the best decoding must beat every other one
_MARGIN_OVER_DAMAGED = 12.0  # nats by which it must beat the damaged text
_READABLE_PER_CHAR = -8.0  # mean log-probability per character of plain Chinese, at least
_READABLE_MIN_RUN = 4  # ... judged on runs of at least this many characters
_GARBLED_PER_CHAR = -10.5  # mean log-probability per character of mojibake, at most
_MOJIBAKE_PER_CHAR = -12.0  # ... of text that is certainly mojibake, at most
_RARE_CHAR_FREQ = 50  # jieba frequency below which a character is odd in running text
_QUOTE_PENALTY = 4.0  # per unmatched quotation mark in the line
_SCRIPT_PENALTY = 6.0  # per character outside the line's character set (Big5 or GB2312)
_SEEN_BIGRAM_BONUS = 2.0  # per character pair also found elsewhere in the line (a cache model)
_DOUBLE_PUNCTUATION_PENALTY = 8.0  # per two clause marks in a row, such as ",。"
_WORD_PENALTY = 1.0  # nats per word of a reading's segmentation, given back per character
_DANGLING_PENALTY = 6.0  # nats per function word right before a clause mark, such as "和,"
_DANGLING_TAGS = frozenset({"c", "p", "d", "uv", "ud"})  # jieba's tags of those function words
_CLAUSE_MARKS = frozenset("，。；：！？,;:!?")
_CONTEXT = 6  # characters of context on each side when scoring a decoding
_RANK_CONTEXT = 2  # ... when ranking the options for one unknown

_PUNCTUATION_LOGP = {  # rough log-probabilities of punctuation in running Chinese text
    "。": -3.5, "，": -3.0, ",": -3.0, "、": -5.0, "“": -5.0, "”": -5.0, "「": -6.0, "」": -6.0,
    "：": -6.0, ":": -6.0, "；": -7.0, ";": -7.0, "（": -7.0, "）": -7.0, "(": -7.0, ")": -7.0,
    "《": -7.0, "》": -7.0, "·": -8.0, "？": -8.0, "！": -8.0, "!": -8.0, "…": -9.0, "—": -9.0,
}
_ASCII_ALNUM_LOGP = -9.0
_UNKNOWN_LOGP = -16.0
_MAX_WORD = 8  # characters of the longest word looked up (most domain words fit)
# Frequency of a domain word given none: the median frequency of jieba's multi-character words
# (a typical word of its dictionary; a test checks the value). jieba's counts sum to 60 million.
_DOMAIN_WORD_FREQ = 3
_QUOTES = {"“": 1, "「": 1, "”": -1, "」": -1}
_CJK_RE = re.compile(f"[{_CJK}]")
_DOUBLE_PUNCTUATION_RE = re.compile(r"(?=[,，。、;；:：!！?？][,，。、;；:：!！?？])")
_LEADING_NON_ASCII_RE = re.compile(r"[^\x00-\x7f?\ufffd]*")
_COMMON_PUNCTUATION = set(_PUNCTUATION_LOGP) | set("‘’『』〈〉【】?\ufffd")
_SCRIPT_CODECS = {"traditional": "cp950", "simplified": "gb2312"}


# --- Language model: jieba's word frequencies and the domain dictionary ---

@functools.cache
def _word_model() -> tuple[_WordCounts, float]:
    """jieba's dictionary with the domain dictionary's words (Simplified words → frequency;
    every prefix of a word is a key, with count 0 unless it is a word), and the log of the
    total. jieba's own dictionary is left as it is: the other stages segment with it."""
    tokenizer = jieba_tokenizer()
    freq = _WordCounts(tokenizer.FREQ)
    total = tokenizer.total + _add_words(freq, _load_domain_words())
    return freq, math.log(total)


class _WordCounts(dict):
    """Word counts laid over a larger table that stays unchanged (and is not copied: jieba's
    600,000 keys): a word's count is its own here, else the table's.

    >>> counts = _WordCounts({"科技": 100, "安": 30})
    >>> counts["科技创安"] = 3
    >>> counts.get("科技创安"), counts.get("科技"), counts.get("创"), "安" in counts, counts["安"]
    (3, 100, None, True, 30)
    """

    def __init__(self, base: dict[str, int]):
        super().__init__()
        self.base = base

    def get(self, word: str, default=None):
        count = dict.get(self, word)
        return self.base.get(word, default) if count is None else count

    def __missing__(self, word: str) -> int:
        return self.base[word]

    def __contains__(self, word: object) -> bool:
        return dict.__contains__(self, word) or word in self.base


def _load_domain_words(path: Path = DOMAIN_WORDS_FILE) -> dict[str, int | None]:
    """The words of a domain dictionary (see ``data/domain_words.txt``), in Simplified script,
    each with its frequency or ``None`` when the file gives none.

    >>> words = _load_domain_words()
    >>> words["科技创安"], words["平安中国"]  # written 科技創安 and 平安中国 in the file
    (None, None)
    """
    words: dict[str, int | None] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        fields = line.split("#", 1)[0].split()
        if not fields:
            continue
        if len(fields) > 2 or len(fields) == 2 and not fields[1].isdigit():
            raise ValueError(f"{path}:{number}: expected `word` or `word frequency`: {line!r}")
        word = to_simplified(fields[0])
        frequency = int(fields[1]) if len(fields) == 2 else None
        if frequency is not None or word not in words:
            words[word] = frequency
    return words


def _add_words(freq: dict[str, int], words: dict[str, int | None]) -> int:
    """Add *words* to the word-frequency table *freq* as jieba keeps it (each prefix of a word
    a key, with count 0 unless it is a word itself), and return how much the total grew. A word
    without a frequency gets ``_DOMAIN_WORD_FREQ`` unless jieba's own is higher; a word with
    one gets exactly that."""
    growth = 0
    for word, frequency in words.items():
        old = freq.get(word) or 0
        new = max(old, _DOMAIN_WORD_FREQ) if frequency is None else frequency
        freq[word] = new
        growth += new - old
        for prefix in (word[:end] for end in range(1, len(word))):
            if prefix not in freq:
                freq[prefix] = 0
    return growth


@functools.lru_cache(maxsize=65536)
def _char_logp(char: str) -> float:
    """Log-probability of one (Simplified) character standing as a word of its own."""
    freq, log_total = _word_model()
    if freq.get(char):
        return math.log(freq[char]) - log_total
    if char in _PUNCTUATION_LOGP:
        return _PUNCTUATION_LOGP[char]
    return _ASCII_ALNUM_LOGP if char.isascii() and char.isalnum() else _UNKNOWN_LOGP


@functools.lru_cache(maxsize=1 << 16)
def _log_prob(text: str) -> float:
    """Log-probability of the best segmentation of *text* into jieba words (after ``t2s``)."""
    return _segmentation_score(text, 0.0, 0.0)


@functools.lru_cache(maxsize=1 << 16)  # the same short windows recur while ranking
def _decoding_log_prob(text: str) -> float:
    """:func:`_log_prob` as the decoder scores a reading: each word costs ``_WORD_PENALTY``
    nats and each character earns them back, so that of two readings of the same length the
    one in fewer, longer words wins (的背后 over 的背和) while a reading with one more character
    is not penalised for it; a function word before a clause mark costs ``_DANGLING_PENALTY``."""
    return _segmentation_score(text, _WORD_PENALTY, _DANGLING_PENALTY)


def _segmentation_score(text: str, word_penalty: float, dangling_penalty: float) -> float:
    """Score of the best segmentation of *text* (after ``t2s``) into jieba words: the sum of
    their log-probabilities, less *word_penalty* per word plus *word_penalty* per character,
    less *dangling_penalty* per single-character function word right before a clause mark."""
    freq, log_total = _word_model()
    dangling = _dangling_words() if dangling_penalty else frozenset()
    simplified = to_simplified(text)
    size = len(simplified)
    best = [0.0] + [-math.inf] * size  # best[i]: score of the best segmentation of [:i]
    for start, char in enumerate(simplified):
        before = best[start] - word_penalty
        score = before + _char_logp(char)
        if char in dangling and simplified[start + 1:start + 2] in _CLAUSE_MARKS:
            score -= dangling_penalty
        best[start + 1] = max(best[start + 1], score)
        for end in range(start + 2, min(size, start + _MAX_WORD) + 1):
            count = freq.get(simplified[start:end])  # jieba's dictionary holds every prefix
            if count is None:  # of its words (with count 0): no longer word starts here
                break
            if count:
                best[end] = max(best[end], before + math.log(count) - log_total)
    return best[-1] + word_penalty * size


@functools.cache
def _dangling_words() -> frozenset[str]:
    """Single-character words that jieba tags as a conjunction (c), a preposition (p), an adverb
    (d) or the particle 地 or 得 (uv, ud): they lean on the words after them, so they do not
    end a clause (multi-character connectives such as 因此 or 此外 often do, and are not here).

    The tags are read from the lines `word count tag` of jieba's dictionary file, as
    jieba.posseg reads them (which would also build a table of all 350,000 words).
    """
    with jieba_tokenizer().get_dict_file() as dictionary:
        text = dictionary.read().decode("utf-8")
    tags = "|".join(sorted(_DANGLING_TAGS))
    # Searched from each line break (a literal the regex engine skips to), not tried at every character.
    return frozenset(re.findall(rf"\n(\S) \d+ (?:{tags})\r?(?=\n|\Z)", "\n" + text))


# --- Scripts: a Traditional line keeps to Big5's characters, a Simplified one to GB2312's ---

@functools.lru_cache(maxsize=65536)
def _is_foreign(char: str, script: str | None) -> bool:
    """Whether *char* is an ideograph outside the character set of *script*."""
    if script is None or not _CJK_RE.match(char):
        return False
    try:
        char.encode(_SCRIPT_CODECS[script])
    except UnicodeEncodeError:
        return True
    return False


def _foreign_count(text: str, script: str | None) -> int:
    return sum(_is_foreign(char, script) for char in text)


def _line_script(text: str) -> str | None:
    """'traditional' or 'simplified' when the line's ideographs clearly keep to one set."""
    outside_big5 = _foreign_count(text, "traditional")
    outside_gb2312 = _foreign_count(text, "simplified")
    if outside_gb2312 >= 3 * max(outside_big5, 1):
        return "traditional"
    if outside_big5 >= 3 * max(outside_gb2312, 1):
        return "simplified"
    return None


def _per_char(text: str, script: str | None) -> float:
    """Mean log-probability per character of *text*, characters foreign to *script* penalised."""
    return (_log_prob(text) - _SCRIPT_PENALTY * _foreign_count(text, script)) / len(text)


# --- Quotation marks ---

def _quote_marks(text: str) -> str:
    return "".join(c for c in text if c in _QUOTES)


def _unmatched_quotes(quotes: str) -> int:
    """Number of opening/closing quotation marks in *quotes* that have no partner."""
    depth = unmatched = 0
    for mark in quotes:
        depth += _QUOTES[mark]
        if depth < 0:
            unmatched, depth = unmatched + 1, 0
    return unmatched + depth


# --- GBK byte tables ---

@functools.cache
def _gbk_tables() -> tuple[dict[bytes, str], dict[int, tuple[int, ...]]]:
    """All decodable two-byte GBK codes, and the undecodable ones made of two high bytes (first
    byte → second bytes): the shifted pairs that a decoder dropped."""
    decoded, dropped = {}, {}
    trails = [*range(0x40, 0x7F), *range(0x80, 0xFF)]
    for lead in _HIGH_BYTES:
        for trail in trails:
            pair = bytes((lead, trail))
            try:
                decoded[pair] = _halfwidth(pair.decode("gbk"))
            except UnicodeDecodeError:
                if trail >= 0x81:
                    dropped.setdefault(lead, []).append(trail)
    return decoded, {lead: tuple(trails) for lead, trails in dropped.items()}


@functools.cache
def _likeliest_chars(byte: int, position: int) -> dict[int, str]:
    """The decodable characters whose byte at *position* (0 lead, 1 trail) is *byte*, by their
    other byte, most frequent first, at most ``_PREFILTER``."""
    decoded, _ = _gbk_tables()
    pairs = {other: bytes((byte, other) if position == 0 else (other, byte))
             for other in _HIGH_BYTES}
    chars = {other: decoded[pair] for other, pair in pairs.items() if pair in decoded}
    ranked = sorted(chars, key=lambda other: _char_logp(to_simplified(chars[other])), reverse=True)
    return {other: chars[other] for other in ranked[:_PREFILTER]}


def _halfwidth(char: str) -> str:
    """Fullwidth ASCII variants → ASCII, as the newsletter's text was normalised."""
    return chr(ord(char) - 0xFEE0) if "\uff01" <= char <= "\uff5e" else char


def _shifted_bytes(char: str) -> bytes | None:
    """The two GBK bytes a mojibake character was decoded from (``'!'`` came from ``'！'``)."""
    if "\x21" <= char <= "\x7e":
        char = chr(ord(char) + 0xFEE0)
    try:
        encoded = char.encode("gbk")
    except UnicodeEncodeError:
        return None
    return encoded if len(encoded) == 2 else None


# --- Shifted spans ---

@dataclass(frozen=True)
class _ShiftedSpan:
    start: int
    end: int  # text[start:end] is the span: '?', the shifted run, the resync letter or '?'
    known: bytes  # the bytes after the lost lead byte: shifted pairs, then a shown resync byte


def _find_shifted_span(text: str, start: int, script: str | None) -> _ShiftedSpan | None:
    """The shifted span opened by the ``?`` at *start*, if the text after it fits the model."""
    known = bytearray()
    for pos in range(start + 1, min(len(text), start + 2 + _MAX_SHIFTED_RUN)):
        char, following = text[pos], text[pos + 1:pos + 5]
        if char in _QUESTION_MARKS:  # the last trail byte, before real ASCII below 0x40
            if known and _can_follow_lost_trail(following[:1]):
                return _ShiftedSpan(start, pos + 1, bytes(known))
            return None
        if "\x40" <= char <= "\x7e" and _reads_as_resynced(following, script):
            return _ShiftedSpan(start, pos + 1, bytes(known) + char.encode())
        pair = _shifted_bytes(char)  # a letter before more mojibake was a fullwidth letter
        if pair is None:
            return None
        known += pair
    return None


def _can_follow_lost_trail(char: str) -> bool:
    """Whether *char* can follow a trail byte shown as ``?``: the end of the line, or ASCII
    that cannot be a GBK trail byte."""
    return char == "" or char.isascii() and not "\x40" <= char <= "\x7e"


def _reads_as_resynced(following: str, script: str | None) -> bool:
    """Whether the text after a letter reads as undamaged text, so the letter was a resync."""
    if following[:1].isascii() and following[:1].isalpha():
        return False  # an English word rather than a lone trail byte
    chinese = _LEADING_NON_ASCII_RE.match(following).group(0)
    return not chinese or _per_char(chinese, script) > _MOJIBAKE_PER_CHAR


def _top(options: Iterable, window: Callable[[object], str], keep: int) -> list:
    """The *keep* options whose *window* text reads best (ties broken by the option itself, so
    that results never depend on hashing)."""
    def best_first(option: object) -> tuple:
        return -_decoding_log_prob(window(option)), option

    return sorted(dict.fromkeys(options), key=best_first)[:keep]


def _with_split(middle: tuple[str, ...], index: int, option: str) -> tuple[str, ...]:
    """*middle* with its part *index* replaced by *option*."""
    return middle[:index] + (option,) + middle[index + 1:]


class _Decoder:
    """Candidate decodings of one shifted span, scored in the context of its line.

    With ``known`` = k0 k1 k2 ..., the original characters are (L k0) (k1 k2) (k3 k4) ... where
    L is the lost lead byte; when ``known`` has even length, the last character (k_last T) also
    lost its trail byte T. Any determined character (a *link*) may hide a dropped pair (t l): it
    is then the two characters (k_i t) (l k_i+1).
    """

    def __init__(self, text: str, span: _ShiftedSpan, script: str | None):
        self.decoded, self.dropped = _gbk_tables()
        self.script = script
        known = span.known
        self.first_trail = known[0]
        self.links = [known[i:i + 2] for i in range(1, len(known) - 1, 2)]
        self.last_lead = known[-1] if len(known) % 2 == 0 else None
        self.fixed = [self.decoded.get(link, "?") for link in self.links]
        self.left = text[max(0, span.start - _CONTEXT):span.start]
        self.right = text[span.end:span.end + _CONTEXT]
        outside = text[:span.start] + "\n" + text[span.end:]
        self.line_bigrams = {outside[i:i + 2] for i in range(len(outside) - 1)}
        self.quotes_before = _quote_marks(text[:span.start])
        self.quotes_after = _quote_marks(text[span.end:])
        self._firsts: dict[str, list[str]] = {}  # first_options by the text after
        self._lasts: dict[str, list[str]] = {}  # last_options by the text before
        self._splits: dict[int, list[str]] = {}  # split_options by link

    def score(self, chars: str) -> float:
        """Plausibility of the line with *chars* in place of the span."""
        quotes = self.quotes_before + _quote_marks(chars) + self.quotes_after
        window = self.left + chars + self.right
        seen = sum(window[i:i + 2] in self.line_bigrams for i in range(len(window) - 1))
        return (_decoding_log_prob(window)
                + _SEEN_BIGRAM_BONUS * seen
                - _QUOTE_PENALTY * _unmatched_quotes(quotes)
                - _DOUBLE_PUNCTUATION_PENALTY * len(_DOUBLE_PUNCTUATION_RE.findall(window))
                - _SCRIPT_PENALTY * _foreign_count(chars, self.script))

    def _rank(self, chars: Iterable[str], window: Callable[[str], str], keep: int) -> list[str]:
        """The *keep* characters suiting the line's script that read best in *window*."""
        chars = [c for c in dict.fromkeys(chars) if not _is_foreign(c, self.script)]
        return _top(chars, window, keep)

    def first_options(self, after: str) -> list[str]:
        """The first character, whose lead byte was lost, ranked before the text *after*."""
        after = (after + self.right)[:_RANK_CONTEXT]
        if after not in self._firsts:
            left = self.left[-_RANK_CONTEXT:]
            self._firsts[after] = self._rank(_likeliest_chars(self.first_trail, 1).values(),
                                             lambda c: left + c + after, _KEEP_END)
        return self._firsts[after]

    def last_options(self, before: str) -> list[str]:
        """The last character, whose trail byte was lost ('' when it was shown), ranked after
        the text *before*."""
        if self.last_lead is None:
            return [""]
        before = (self.left + before)[-_RANK_CONTEXT:]
        if before not in self._lasts:
            right = self.right[:_RANK_CONTEXT]
            self._lasts[before] = self._rank(_likeliest_chars(self.last_lead, 0).values(),
                                             lambda c: before + c + right, _KEEP_END)
        return self._lasts[before]

    def split_options(self, index: int) -> list[str]:
        """Two characters replacing link *index* if a dropped pair (t l) was inside it.

        t ends the first character and l starts the second: each side is scored against its
        neighbour, then the allowed pairs are ranked by both sides together."""
        if index not in self._splits:
            self._splits[index] = self._split_options(index)
        return self._splits[index]

    def _split_options(self, index: int) -> list[str]:
        lead, trail = self.links[index]
        before = "".join(self.fixed[max(0, index - _RANK_CONTEXT):index])
        after = "".join(self.fixed[index + 1:index + 1 + _RANK_CONTEXT]) or self.right[:2]
        firsts = self._decodable({t: bytes((lead, t)) for t in self.dropped})
        seconds = {l: c for l, c in _likeliest_chars(trail, 1).items()
                   if not _is_foreign(c, self.script)}
        first_logp = {t: _decoding_log_prob(before[-1:] + c) for t, c in firsts.items()}
        second_logp = {l: _decoding_log_prob(c + after[:1]) for l, c in seconds.items()}
        pairs = [(t, l) for t in firsts for l in self.dropped[t] if l in seconds]
        pairs.sort(key=lambda tl: (-first_logp[tl[0]] - second_logp[tl[1]], tl))
        options = [firsts[t] + seconds[l] for t, l in pairs[:_KEEP_SIDE]]
        # Next to an unknown end character the context is missing: keep more options.
        at_end = index == 0 or index == len(self.links) - 1 and self.last_lead is not None
        return _top(options, lambda c: before + c + after, _KEEP_SPLIT * (3 if at_end else 1))

    def _decodable(self, codes: dict[int, bytes]) -> dict[int, str]:
        """The characters of the decodable *codes* that suit the line's script."""
        chars = {key: self.decoded.get(code) for key, code in codes.items()}
        return {key: c for key, c in chars.items()
                if c is not None and not _is_foreign(c, self.script)}

    def middles(self) -> list[tuple[str, ...]]:
        """The characters between the two ends, one part per link: the links as decoded, or
        with one dropped pair restored (two when two links are undecodable)."""
        undecodable = [i for i, link in enumerate(self.links) if link not in self.decoded]
        base = tuple(self.fixed)
        if len(undecodable) == 2:
            first, second = undecodable
            middles = [_with_split(_with_split(base, first, one), second, two)
                       for one in self.split_options(first)
                       for two in self.split_options(second)]
        elif len(undecodable) <= 1:
            middles = [] if undecodable else [base]
            for index in undecodable or range(len(self.links)):
                middles += [_with_split(base, index, option)
                            for option in self.split_options(index)]
        else:
            return []

        def best_first(middle: tuple[str, ...]) -> tuple:
            chars = "".join(middle)
            return -_per_char(chars, self.script) if chars else 0.0, middle

        kept = sorted(middles, key=best_first)[:_KEEP_MIDDLES]
        if not undecodable and base not in kept:
            kept.append(base)  # the reading with no dropped pair is always tried
        return kept

    def scored_candidates(self) -> dict[str, float]:
        """Candidate decodings and their scores: every middle between its likeliest ends; then
        the best middle with one more dropped pair restored in any other link, or with one of
        its restored pairs read another way (、執 for 。執), again while that gives a better
        middle (so the best reading always competes with the readings that have one more pair
        dropped, and with those that differ from it in one pair, which the search may have
        passed by); then the best middle between every kept pair of ends (the ends hardly
        depend on it)."""
        scores: dict[str, float] = {}
        middle_of: dict[str, tuple[str, ...]] = {}
        for middle in self.middles():
            middle_of.update(self._score_ends(scores, middle, _KEEP_END_FIRST_PASS))
        if not scores:
            return scores
        extended = set()
        while (best := middle_of[max(scores, key=scores.get)]) not in extended:
            extended.add(best)
            for index in range(len(best)):
                for option in self.split_options(index):
                    middle = _with_split(best, index, option)
                    middle_of.update(self._score_ends(scores, middle, 1))
        self._score_ends(scores, best, _KEEP_END)
        return scores

    def _score_ends(self, scores: dict[str, float], middle: tuple[str, ...],
                    keep: int) -> dict[str, tuple[str, ...]]:
        """Score *middle* between its *keep* likeliest first and last characters into *scores*;
        return the new candidates, each mapped to *middle*."""
        added = {}
        chars_between = "".join(middle)
        for first in self.first_options(chars_between[:2])[:keep]:
            for last in self.last_options((first + chars_between)[-2:])[:keep]:
                chars = first + chars_between + last
                if chars not in scores and not _foreign_count(chars, self.script):
                    scores[chars] = self.score(chars)
                    added[chars] = middle
        return added

    def rivals(self, best: str) -> list[str]:
        """Decodings outside the candidates that would explain the span about as well as
        *best*: a pair dropped right after the lost lead byte (an extra character in front), or
        right before a lost trail byte (two characters in place of the last one)."""
        rivals = []
        first_lead = (_shifted_bytes(best[0]) or b"\0")[0]
        extras = [c for t, leads in self.dropped.items() if first_lead in leads
                  for c in list(_likeliest_chars(t, 1).values())[:_KEEP_EXTRA]]
        left = self.left[-_RANK_CONTEXT:]
        for extra in self._rank(extras, lambda c: left + c + best[:2], _KEEP_SPLIT):
            rivals.append(extra + best)
        if self.last_lead is not None:
            head = best[:-1]
            pairs = self._decodable({t: bytes((self.last_lead, t)) for t in self.dropped})
            for t in _top(pairs, lambda t: head[-2:] + pairs[t], _KEEP_SPLIT):
                extras = [c for l in self.dropped[t]
                          for c in list(_likeliest_chars(l, 0).values())[:2]]
                for extra in self._rank(extras, lambda c: pairs[t] + c + self.right[:2],
                                        _KEEP_SPLIT):
                    rivals.append(head + pairs[t] + extra)
        return rivals


@dataclass(frozen=True)
class _Verdict:
    decoding: str | None  # the confident decoding, if any
    damaged: bool  # whether the span is damage at all (not a '?' before plain Chinese)


def _judge_span(text: str, span: _ShiftedSpan, script: str | None) -> _Verdict:
    """Decode *span* if one decoding is clearly better than the damaged text and than every
    other decoding (candidates and rivals alike), and holds no odd character."""
    damaged = text[span.start:span.end]
    run = damaged[1:-1]
    if len(run) >= _READABLE_MIN_RUN and _per_char(run, script) > _READABLE_PER_CHAR:
        return _Verdict(None, False)
    decoder = _Decoder(text, span, script)
    scores = decoder.scored_candidates()
    if not scores:
        return _Verdict(None, _looks_garbled(run, script))
    best = max(scores, key=scores.get)
    others = [score for chars, score in scores.items() if chars != best]
    others += [decoder.score(chars) for chars in decoder.rivals(best)]
    damaged_score = decoder.score(damaged)
    if scores[best] - damaged_score >= _MARGIN_OVER_DAMAGED and \
            scores[best] - max(others, default=-math.inf) >= _MARGIN_OVER_RUNNER_UP and \
            not any(_is_odd(char, script) for char in best):
        return _Verdict(best, True)
    damage = scores[best] - damaged_score >= _MARGIN_OVER_DAMAGED or _looks_garbled(run, script)
    return _Verdict(None, damage)


def _looks_garbled(run: str, script: str | None) -> bool:
    """Whether *run* reads like mojibake rather than Chinese."""
    return bool(run) and _per_char(run, script) < _GARBLED_PER_CHAR


# --- Damage that does not fit the model ---

def _is_odd(char: str, script: str | None) -> bool:
    """A character unexpected in running Chinese: a rare or foreign ideograph, or a symbol."""
    if char.isascii() or char.isspace() or char in _COMMON_PUNCTUATION:
        return False
    if _CJK_RE.match(char):
        freq, _ = _word_model()
        return freq.get(to_simplified(char), 0) < _RARE_CHAR_FREQ or _is_foreign(char, script)
    return True


def _is_ascii_mark(char: str) -> bool:
    return char.isascii() and not char.isalnum() and char not in _QUESTION_MARKS


def _garbled_cluster(text: str, pos: int, script: str | None) -> tuple[int, int] | None:
    """The run of odd characters, question marks and ASCII marks and letters around the ``?``
    at *pos*, if it is damage: it holds an odd character, or ``??`` after a character."""

    def is_part(char: str) -> bool:
        return char in _QUESTION_MARKS or _is_odd(char, script) or (
            char.isascii() and not char.isspace() and not char.isdigit())

    start, end = pos, pos + 1
    while start > 0 and is_part(text[start - 1]):
        start -= 1
    while end < len(text) and is_part(text[end]):
        end += 1
    while _is_ascii_mark(text[start]):  # trim punctuation such as the comma in '??,'
        start += 1
    while _is_ascii_mark(text[end - 1]):
        end -= 1
    cluster = text[start:end].replace("\ufffd", "?")
    lost_char = "??" in cluster and start > 0 and not text[start - 1].isascii()
    if lost_char or any(_is_odd(char, script) for char in cluster):
        return start, end
    return None


def fix_gbk_shift(text: str) -> tuple[str, list[Repair]]:
    """Re-decode spans of GBK text that were decoded one byte off.

    >>> fix_gbk_shift("安全感不斷增強?!捌桨仓袊钡拿艽a就在于我們始終堅持")[0]
    '安全感不斷增強。“平安中國”的密碼就在于我們始終堅持'
    >>> fix_gbk_shift("並從安全合作領域?yàn)閷⒂?1月舉行的上合組織")[1][0].kind
    'gbk_unrecoverable'

    A span that cannot be decoded with confidence is left unchanged and reported as
    ``gbk_unrecoverable``; a ``?`` before plain Chinese (a real question mark) is left alone.
    """
    if "?" not in text and "\ufffd" not in text:
        return text, []
    script = _line_script(text)
    repairs: list[Repair] = []
    shift = 0  # len(current) - len(text) so far: repaired spans give context to later ones
    current, pos, repaired_up_to = text, 0, 0
    while (pos := _next_question_mark(current, pos)) is not None:
        span = _find_shifted_span(current, pos, script)
        verdict = _judge_span(current, span, script) if span else _Verdict(None, False)
        if verdict.damaged:
            start, end = span.start, span.end
        elif cluster := _garbled_cluster(current, pos, script):
            start, end = max(cluster[0], repaired_up_to), cluster[1]
        else:
            pos += 1
            continue
        if verdict.decoding is None and repairs and repairs[-1].kind == "gbk_unrecoverable" \
                and start == repaired_up_to:  # one damaged stretch: report it once
            start = repaired_up_to - len(repairs.pop().before)
        before = current[start:end]
        after = before if verdict.decoding is None else verdict.decoding
        kind = "gbk_unrecoverable" if verdict.decoding is None else "gbk_shift"
        repairs.append(Repair(kind, before, after, start - shift))
        current = current[:start] + after + current[end:]
        shift += len(after) - len(before)
        pos = repaired_up_to = start + len(after)
    return current, repairs


def _next_question_mark(text: str, pos: int) -> int | None:
    found = [i for i in (text.find("?", pos), text.find("\ufffd", pos)) if i >= 0]
    return min(found) if found else None


# --------------------------------------------------------------------------------------------
# 3. Stray question marks in English
# --------------------------------------------------------------------------------------------

# A '?' closes a real question when the sentence it ends starts with one of these words.
QUESTION_WORDS = frozenset(
    "what why how who whom whose where when which whether "
    "is are was were am do does did can could will would shall should may might must "
    "have has had isn't aren't wasn't weren't don't doesn't didn't can't couldn't won't "
    "wouldn't shouldn't haven't hasn't".split()
)
_STRAY_QUESTION_RE = re.compile(r"(?<=[A-Za-z0-9)\]])\?(?= (\S))")
_SENTENCE_START_RE = re.compile(r"(?:^|[.!?;:]\s+|[“\"(])\s*([A-Za-z']+)[^.!?;:“\"(]*$")


def _is_real_question(text: str, pos: int, next_char: str) -> bool:
    """Whether the ``?`` at *pos* ends a real question.

    Rule: a ``?`` inside an open quotation is real; a ``?`` followed by a lowercase word is
    stray; otherwise it is real when the sentence before it starts with a question word
    (interrogative or auxiliary: what, why, how, is, can, ...).
    """
    before = text[:pos]
    if before.count("“") > before.count("”") or before.count('"') % 2:
        return True
    if next_char.islower():
        return False
    sentence = _SENTENCE_START_RE.search(before)
    return bool(sentence) and sentence.group(1).lower() in QUESTION_WORDS


def remove_stray_question_marks(text: str) -> tuple[str, list[Repair]]:
    """Remove ASCII ``?`` inserted before a space in English text.

    >>> remove_stray_question_marks("Administration (NIA)? Xu Ganlu met with")[0]
    'Administration (NIA) Xu Ganlu met with'
    >>> remove_stray_question_marks("What is the essence? It lies in the people.")[0]
    'What is the essence? It lies in the people.'
    """
    if "? " not in text:
        return text, []
    repairs = [
        Repair("stray_question_mark", "?", "", match.start())
        for match in _STRAY_QUESTION_RE.finditer(text)
        if not _is_real_question(text, match.start(), match.group(1))
    ]
    return _replace_spans(text, repairs), repairs


# --------------------------------------------------------------------------------------------
# 4. Lost apostrophes in English
# --------------------------------------------------------------------------------------------

# The lookahead of the first letters lets the regex engine skip to them.
_POSSESSIVE_RE = re.compile(r"(?=[A-Zp])\b([A-Z][A-Za-z]*|people)s\b(?= ([A-Za-z][A-Za-z-]*))")


@dataclass(frozen=True)
class _PossessiveLists:
    names: frozenset[str]
    keep_plural: frozenset[str]
    plural_acronyms: frozenset[str]
    not_after: frozenset[str]
    peoples_plural_after: frozenset[str]


@functools.cache
def _possessive_lists() -> _PossessiveLists:
    """The word lists of ``english_possessives.yaml`` plus pycountry's country names."""
    import pycountry
    import yaml

    data = yaml.safe_load(POSSESSIVES_FILE.read_text(encoding="utf-8"))
    names = set(data["names"])
    for country in pycountry.countries:
        for attribute in ("name", "common_name"):
            value = getattr(country, attribute, None)
            if value:  # "Korea, Republic of" → "Korea"; "Cocos (Keeling) Islands" → skipped
                names.add(value.split(",")[0].strip())
    return _PossessiveLists(
        names=frozenset(n for n in names if "(" not in n),
        keep_plural=frozenset(data["keep_plural"]),
        plural_acronyms=frozenset(data["plural_acronyms"]),
        not_after=frozenset(w.lower() for w in data["not_after"]),
        peoples_plural_after=frozenset(w.lower() for w in data["peoples_plural_after"]),
    )


def _is_lost_possessive(base: str, next_word: str, previous: list[str]) -> bool:
    """Whether ``base + 's'`` followed by *next_word* is a possessive that lost its apostrophe.

    *previous* holds up to two words before it, the nearest last.
    """
    lists = _possessive_lists()
    if next_word.lower() in lists.not_after or base + "s" in lists.keep_plural:
        return False
    if base.lower() == "people":
        return not previous or previous[-1].lower() not in lists.peoples_plural_after
    if any(" ".join([*previous[i:], base]) in lists.names for i in range(len(previous) + 1)):
        return True
    # An acronym + s is also a common plural ("NGOs working"): refuse verb-like next words.
    return (len(base) >= 2 and base.isupper() and base not in lists.plural_acronyms
            and not next_word.endswith(("ing", "ed")))


def restore_apostrophes(text: str) -> tuple[str, list[Repair]]:
    """Restore lost possessive apostrophes where unambiguous.

    >>> restore_apostrophes("Xu commended the IOMs important role and Chinas progress")[0]
    "Xu commended the IOM's important role and China's progress"
    >>> restore_apostrophes("the Philippines and the United States, the two peoples and")[0]
    'the Philippines and the United States, the two peoples and'

    Names come from pycountry and ``data/english_possessives.yaml``; see that file for the rules.
    """
    repairs = []
    for match in _POSSESSIVE_RE.finditer(text):
        base, next_word = match.group(1), match.group(2)
        previous = text[max(0, match.start() - 40):match.start()].split()[-2:]
        if _is_lost_possessive(base, next_word, previous):
            repairs.append(Repair("apostrophe", base + "s", base + APOSTROPHE + "s",
                                  match.start()))
    return _replace_spans(text, repairs), repairs


# --------------------------------------------------------------------------------------------
# The stage
# --------------------------------------------------------------------------------------------

_FIXES: dict[str, tuple[Fix, ...]] = {
    "zh": (remove_injected_pinyin, fix_gbk_shift),
    "en": (remove_injected_pinyin, remove_stray_question_marks, restore_apostrophes),
}


def _to_original(offset: int, history: list[list[Repair]]) -> int:
    """Map *offset* in the current text back through earlier fixes to the original line."""
    for repairs in reversed(history):
        shift = 0
        for r in repairs:
            start = r.offset + shift  # where r.after sits in the output of that fix
            if offset < start:
                break
            if offset < start + len(r.after):
                offset = start  # inside a replacement: point at its beginning
                break
            shift += len(r.after) - len(r.before)
        offset -= shift
    return offset


def repair_line(line: str, lang: str) -> tuple[str, list[Repair]]:
    """Repair one line whose dominant language is *lang* ('zh' or 'en').

    Chinese lines get pinyin removal then GBK re-decoding; English lines get pinyin removal
    (it only touches Chinese characters), stray question marks, then apostrophes. Returns the
    repaired line and the repairs in the order they were made, offsets in the original line.

    >>> repair_line("部長(zhǎng)趙克志", "zh")
    ('部長趙克志', [Repair(kind='pinyin', before='(zhǎng)', after='', offset=2)])
    """
    text, history, repairs = line, [], []
    for fix in _FIXES["zh" if lang == "zh" else "en"]:
        text, found = fix(text)
        if found:
            repairs += [replace(r, offset=_to_original(r.offset, history)) for r in found]
            history.append(found)
    return text, repairs
