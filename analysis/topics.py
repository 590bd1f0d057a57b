"""Stage 6, topics: tag each event with the policy topics its text states, quoting the sentence.

The topics and their terms live in `data/topics.yaml` (its schema is described at the top of that
file) so that analysts can edit them. A topic is assigned to a language version of an event when a
sentence of it (the title counts as one) contains one of the topic's terms and no exclusion phrase
cancels the match. Chinese is matched in Simplified characters, so the lexicon and the articles may
each be written in either script.

`assign_topics` gives one row per (event, topic, language version): the first supporting sentence
is the evidence, with the file line it begins on.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Iterable, Iterator

import yaml

from .pair import Pair
from .segment import Article
from .text import CJK_RE, StringFinder, jieba_tokenizer, to_simplified

DEFAULT_PATH = Path(__file__).parent / "data" / "topics.yaml"
LANGS = ("zh", "en")
ROLES = ("terms", "context_terms", "context", "exclude")
KEYS = {"label_en", "label_zh"} | {f"{role}_{lang}" for role in ROLES for lang in LANGS}
TOPIC_NAME_RE = re.compile(r"[a-z][a-z0-9_]*")

# What `...` in a term may skip: this many characters of the same sentence.
GAP = {"en": r"[^.!?;\n]{0,60}?", "zh": r"[^。！？；;\n]{0,10}?"}
# What a space or hyphen in an English term matches: `counter-terrorism` = `counter terrorism`.
EN_SEPARATOR = r"[ \t\u00a0\-\u2010\u2011\u2013]+"
EN_SEPARATOR_RE = re.compile(EN_SEPARATOR)
WORD_RE = re.compile(r"\w+")
# ASCII bytes other than letters, digits and _ (word characters) → a space; the others unchanged.
_ASCII_NON_WORD_TO_SPACE = bytes(b if b >= 128 or chr(b).isalnum() or chr(b) == "_" else ord(" ") for b in range(256))

# Sentence ends. Chinese: 。！？； (and a stray ASCII ;), with any closing quotes.
ZH_END_RE = re.compile(r"[。！？；;．]+[”’」』\"']*")
# English: ; anywhere; . ! ? (and closing quotes) before a space and a capital, digit or quote.
EN_END_RE = re.compile(r";|[.!?]+[\"”’')\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9])")
# Words ending in a full stop that does not end a sentence: `U.S.`, `No.`, `Mr.`, an initial `J.`.
ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof no nos st jr sr gen col lt capt gov sen rep vs jan feb mar apr jun jul aug sep "
    "sept oct nov dec inc ltd co corp dept art para vol fig approx".split())
DOTTED_ABBREVIATION_RE = re.compile(r"(?:[A-Za-z]\.){2,}|[A-Z]\.")

# Characters either side of a two-character Chinese match that jieba segments to check it.
JIEBA_WINDOW = 8


class LexiconError(ValueError):
    """A topic lexicon that cannot be read or has a bad entry; the message names the file."""


@dataclass(frozen=True)
class Term:
    """One lexicon term, compiled for text in its `_searchable` form.

    A text can only hold the term if it holds all its `words` (English: its words without a `*`,
    as whole words) and all its `substrings` (the literal parts of the others, and Chinese terms'
    parts): `TermIndex.candidates` tests that first. Every match starts with its `anchor`.
    """

    source: str
    regex: re.Pattern
    english: bool
    anchor: str
    words: frozenset[str] = frozenset()
    substrings: frozenset[str] = frozenset()

    @property
    def key(self) -> tuple[str, str]:
        """What the term is indexed by: ('word', its longest word), else ('substring', its
        longest substring)."""
        if self.words:
            return "word", max(sorted(self.words), key=len)
        return "substring", max(sorted(self.substrings), key=len)

    def finditer(self, text: str) -> Iterator[re.Match]:
        """Every match in `text`, overlapping ones included. Tried where the anchor stands only:
        `str.find` finds it faster than the regex engine searches."""
        pos = 0
        while (start := text.find(self.anchor, pos)) >= 0:
            match = self.regex.match(text, start)
            # An English term starts a word: tested here, as a lookbehind would slow the regex down.
            if match and not (self.english and start > 0 and _is_word_char(text[start - 1])):
                yield match
            pos = start + 1


@dataclass(frozen=True)
class TermIndex:
    """The terms of all topics in one language, by their key (`Term.key`): (topic number, role,
    term) under each word and substring."""

    by_word: dict[str, list[tuple[int, str, Term]]]
    by_substring: dict[str, list[tuple[int, str, Term]]]

    @cached_property
    def substrings(self) -> StringFinder:
        """Every substring of every term."""
        return StringFinder(substring for _, _, term in self._terms() for substring in term.substrings)

    @cached_property
    def words(self) -> frozenset[str]:
        """Every word of every term."""
        return frozenset(word for _, _, term in self._terms() for word in term.words)

    @cached_property
    def _words_utf8(self) -> frozenset[bytes]:
        return frozenset(word.encode() for word in self.words)

    def _terms(self) -> Iterator[tuple[int, str, Term]]:
        return (entry for index in (self.by_word, self.by_substring) for terms in index.values() for entry in terms)

    def whole_words(self, text: str) -> set[str]:
        """The words of the terms that `text` holds as whole words (runs of `\\w`).

        Found in the text's UTF-8 bytes, its ASCII characters other than letters, digits and _
        made spaces, and split: twice as fast as a regex. A run holding other characters (curly
        quotes, accented letters, spaces other than ASCII ones) is split by the regex.
        >>> sorted(load_lexicon().index["en"].whole_words("the “anti-drug” law in café no_drugs"))
        ['anti', 'drug', 'in', 'law', 'the']
        """
        runs = text.encode().translate(_ASCII_NON_WORD_TO_SPACE).split()
        found = {word.decode() for word in self._words_utf8.intersection(runs)}
        if not text.isascii():
            for run in runs:
                if not run.isascii():
                    found.update(self.words.intersection(WORD_RE.findall(run.decode())))
        return found

    def candidates(self, text: str) -> dict[int, dict[str, list[Term]]]:
        """topic number → role → the terms that may match `text`: one pass over the text for all
        the topics."""
        found: dict[int, dict[str, list[Term]]] = {}
        words = self.whole_words(text) if self.words else set()
        substrings = self.substrings.found(text)
        for index, present in ((self.by_word, words & self.by_word.keys()),
                               (self.by_substring, substrings & self.by_substring.keys())):
            for key in present:
                for number, role, term in index[key]:
                    if term.words <= words and term.substrings <= substrings:
                        found.setdefault(number, {}).setdefault(role, []).append(term)
        return found


@dataclass(frozen=True)
class Topic:
    """One topic, with its terms per role and language."""

    name: str
    label_en: str
    label_zh: str
    terms: dict[str, tuple[Term, ...]]
    context_terms: dict[str, tuple[Term, ...]]
    context: dict[str, tuple[Term, ...]]
    exclude: dict[str, tuple[Term, ...]]


@dataclass(frozen=True)
class Lexicon:
    """The topics, in the order of the lexicon file."""

    topics: tuple[Topic, ...]
    path: str = ""

    @property
    def names(self) -> list[str]:
        return [topic.name for topic in self.topics]

    @cached_property
    def index(self) -> dict[str, TermIndex]:
        """The terms of every topic, per language, by what they need a text to hold."""
        indexes = {}
        for lang in LANGS:
            by_word: dict[str, list] = defaultdict(list)
            by_substring: dict[str, list] = defaultdict(list)
            for number, topic in enumerate(self.topics):
                for role in ROLES:
                    for term in getattr(topic, role)[lang]:
                        kind, key = term.key
                        (by_word if kind == "word" else by_substring)[key].append((number, role, term))
            indexes[lang] = TermIndex(dict(by_word), dict(by_substring))
        return indexes

    def select(self, names: Iterable[str] | str) -> Lexicon:
        """A lexicon with only the named topics (a list, or one string of comma-separated names).

        >>> load_lexicon().select("drug_control, migration").names
        ['drug_control', 'migration']
        """
        if isinstance(names, str):
            names = names.split(",")
        wanted = [name.strip() for name in names if name.strip()]
        if not wanted:
            raise ValueError("no topic selected; known topics: " + ", ".join(self.names))
        for name in wanted:
            if name not in self.names:
                raise ValueError(f"unknown topic {name!r}; known topics: {', '.join(self.names)}")
        return replace(self, topics=tuple(t for t in self.topics if t.name in wanted))


def assign_topics(pairs: list[Pair], lexicon: Lexicon) -> list[dict]:
    """The topics of every event: one row per (event, topic, language version), in the order of
    `pairs`, then of the lexicon, Chinese before English.

    A row's `evidence` is the first sentence of that version supporting the topic (repaired text,
    trimmed; a title is one sentence) and `line` the file line where that sentence begins.
    """
    rows = []
    for pair in pairs:
        versions = [article for article in (pair.zh, pair.en) if article is not None]
        found = {article.lang: topic_evidence(article, lexicon) for article in versions}
        for topic in lexicon.topics:
            for article in versions:
                if topic.name in found[article.lang]:
                    evidence, line = found[article.lang][topic.name]
                    rows.append({"event_id": pair.event_id, "topic": topic.name, "lang": article.lang,
                                 "evidence": evidence, "source_file": article.source_file, "line": line})
    return rows


def topic_evidence(article: Article, lexicon: Lexicon) -> dict[str, tuple[str, int]]:
    """topic name → (evidence sentence, line) for every topic one article version states
    (computed once per article, in the per-file stage when it ran)."""
    if article.topics is None:
        article.topics = _topic_evidence(article, lexicon)
    return article.topics


def _topic_evidence(article: Article, lexicon: Lexicon) -> dict[str, tuple[str, int]]:
    units = [(article.title_lines[0][0], article.title)] if article.title_lines else []
    units += [(number, text) for number, text in article.body if text.strip()]
    if not units:
        return {}
    lang = article.lang
    searched = _searchable("\n".join(text for _, text in units), lang)
    candidates = lexicon.index[lang].candidates(searched)
    searched_units = searched.split("\n")
    starts = [0]
    for unit in searched_units[:-1]:
        starts.append(starts[-1] + len(unit) + 1)
    found = {}
    for number in sorted(candidates):  # in the order of the lexicon
        topic = lexicon.topics[number]
        offset = _first_match(searched, candidates[number], lang)
        if offset is not None:
            i = bisect_right(starts, offset) - 1
            number, original = units[i]
            found[topic.name] = (_sentence_at(original, searched_units[i], offset - starts[i], lang), number)
    return found


def _searchable(text: str, lang: str) -> str:
    """Text in the form terms are matched in: Simplified Chinese, or lower-case English of the same
    length (the rare letter whose lower case is longer, like İ, is left as it is)."""
    if lang == "zh":
        return to_simplified(text)
    lower = text.lower()
    return lower if len(lower) == len(text) else "".join(
        c.lower() if len(c.lower()) == 1 else c for c in text)


def _sentence_at(original: str, searched: str, offset: int, lang: str) -> str:
    """The sentence of `original` that holds `offset` of `searched`, its matched form.

    English is split on the original (capitals mark sentence starts), which is as long as its
    lower case. Chinese is split on both forms: script conversion leaves punctuation alone, so
    the n-th sentences of both are the same sentence.
    """
    spans = _sentence_spans(original, lang)
    located = _sentence_spans(searched, lang) if lang == "zh" else spans
    index = next(i for i, (start, end) in enumerate(located) if start <= offset < end)
    start, end = spans[index]
    return original[start:end].strip()


# --------------------------------------------------------------------------------------------
# Matching
# --------------------------------------------------------------------------------------------

def _first_match(text: str, candidates: dict[str, list[Term]], lang: str) -> int | None:
    """The offset of the first accepted term in `text`, or None.

    `text` is one article version in the form it is matched in (`_searchable`), `candidates`
    one topic's terms per role that may match it (`TermIndex.candidates`). The topic's
    context terms count only if one of its `context` terms appears somewhere in `text`.
    """
    terms = candidates.get("terms", [])
    if candidates.get("context_terms") and any(
            next(term.finditer(text), None) for term in candidates.get("context", [])):
        terms = terms + candidates["context_terms"]
    if not terms:
        return None
    exclusions = _Exclusions(candidates["exclude"], text) if "exclude" in candidates else None
    starts = [_first_accepted(term, text, lang, exclusions) for term in terms]
    return min((start for start in starts if start is not None), default=None)


def evidence_spans(lexicon: Lexicon, topic: str, sentence: str, lang: str) -> list[tuple[int, int]]:
    """Where the terms of `topic` match `sentence`, one of its evidence sentences in language `lang`:
    the (start, end) of every accepted match, overlapping ones merged, in order. The topic's
    context terms count, as the sentence was taken from a text that holds its context. Empty when
    script conversion changed the sentence's length (its offsets would not be the sentence's).

    >>> s = "They will crack down on the three evil forces of terrorism, separatism and extremism."
    >>> [s[a:b] for a, b in evidence_spans(load_lexicon(), "counter_terrorism", s, "en")]
    ['three evil forces', 'terrorism', 'separatism', 'extremism']
    """
    searched = _searchable(sentence, lang)
    if len(searched) != len(sentence):
        return []
    candidates = lexicon.index[lang].candidates(searched).get(lexicon.names.index(topic), {})
    exclusions = _Exclusions(candidates["exclude"], searched) if "exclude" in candidates else None
    spans = sorted(
        match.span() for term in candidates.get("terms", []) + candidates.get("context_terms", [])
        for match in term.finditer(searched)
        if not (exclusions and exclusions.cancel(*match.span()))
        and not (lang == "zh" and _splits_words(searched, *match.span())))
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


class _Exclusions:
    """Where a topic's exclusion phrases are in one text, found on first need."""

    def __init__(self, terms: list[Term], text: str):
        self._terms, self._text, self._spans = terms, text, None

    def cancel(self, start: int, end: int) -> bool:
        """Whether an exclusion phrase contains the match start:end."""
        if self._spans is None:
            self._spans = [m.span() for term in self._terms for m in term.finditer(self._text)]
        return any(s <= start and end <= e for s, e in self._spans)


def _first_accepted(term: Term, text: str, lang: str, exclusions: _Exclusions | None) -> int | None:
    """The start of the first match of `term` that no exclusion cancels and, in Chinese, that is
    not a fragment of other words."""
    for match in term.finditer(text):
        start, end = match.span()
        if not (exclusions and exclusions.cancel(start, end)) and not (lang == "zh" and _splits_words(text, start, end)):
            return start
    return None


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def _splits_words(text: str, start: int, end: int) -> bool:
    """Whether a two-character Chinese match straddles two words in jieba's segmentation.

    Longer terms are specific enough to be taken as they are.
    >>> _splits_words("防疫情况", 1, 3), _splits_words("抗击疫情", 2, 4)  # 疫情 in 防疫|情况, 抗击|疫情
    (True, False)
    """
    if end - start != 2 or len(CJK_RE.findall(text[start:end])) != 2:
        return False
    low = max(0, start - JIEBA_WINDOW)
    return _window_splits(text[low:end + JIEBA_WINDOW], start - low)


@lru_cache(maxsize=1 << 14)  # the same phrases recur from article to article
def _window_splits(window: str, start: int) -> bool:
    """Whether the two characters at `start` of `window` straddle two words of its segmentation."""
    if not _overlapping_word(window, start):
        return False
    end = start + 2
    return any(word_start < start < word_end < end or start < word_start < end < word_end
               for _, word_start, word_end in jieba_tokenizer().tokenize(window, HMM=False))


def _overlapping_word(text: str, start: int) -> bool:
    """Whether a dictionary word overlaps one character of the two at `start`: the only words
    jieba's segmentation (without HMM) could straddle them with. A quick test before segmenting.

    >>> _overlapping_word("防疫情况", 1), _overlapping_word("抗击疫情", 2)  # 防疫, 情况; none
    (True, False)
    """
    freq = jieba_tokenizer().FREQ
    before = (text[i:start + 1] for i in range(max(0, start - JIEBA_WINDOW), start))
    after = (text[start + 1:j] for j in range(start + 3, min(len(text), start + 2 + JIEBA_WINDOW) + 1))
    return any(freq.get(word, 0) > 0 for word in (*before, *after))


# --------------------------------------------------------------------------------------------
# Sentences
# --------------------------------------------------------------------------------------------

def split_sentences(text: str, lang: str) -> list[str]:
    """The sentences of a paragraph, trimmed.

    >>> split_sentences("中巴是全天候戰略合作伙伴。深化反恐合作；加強禁毒合作。", "zh")
    ['中巴是全天候戰略合作伙伴。', '深化反恐合作；', '加強禁毒合作。']
    >>> split_sentences("The U.S. side and No. 3 Team met. Zhao said: first, anti-terrorism; second, drugs.", "en")
    ['The U.S. side and No. 3 Team met.', 'Zhao said: first, anti-terrorism;', 'second, drugs.']
    """
    return [text[start:end].strip() for start, end in _sentence_spans(text, lang) if text[start:end].strip()]


@lru_cache(maxsize=1024)  # an article's paragraph is split again for each topic found in it
def _sentence_spans(text: str, lang: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each sentence of `text`; together they cover all of it."""
    spans, start = [], 0
    for match in (ZH_END_RE if lang == "zh" else EN_END_RE).finditer(text):
        if lang == "en" and match.group().startswith(".") and _is_abbreviation(text, match.start()):
            continue
        spans.append((start, match.end()))
        start = match.end()
    if start < len(text) or not spans:
        spans.append((start, len(text)))
    return tuple(spans)


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the full stop at `dot` closes an abbreviation: `U.S.`, `No.`, `Mr.`, `J.`."""
    word = text[:dot + 1].rsplit(None, 1)[-1].lstrip("(\"“‘'[")
    return word[:-1].lower() in ABBREVIATIONS or bool(DOTTED_ABBREVIATION_RE.fullmatch(word))


# --------------------------------------------------------------------------------------------
# The lexicon file
# --------------------------------------------------------------------------------------------

def term_regex(term: str, lang: str) -> str:
    """The regex source of one lexicon term, for text in its `_searchable` form.

    English terms are lower-cased; a space or hyphen matches any run of spaces and hyphens; a
    `*` ends a word with any letters; a term ends at a word boundary (added by `compile_terms`)
    and starts at one (tested by `Term.finditer`). Chinese terms are converted to Simplified.
    In both, `...` skips up to 60 (English) or 10 (Chinese) characters of the same sentence.
    Raises ValueError on a bad term.

    >>> print(term_regex("Terroris*", "en"), term_regex("網絡安全", "zh"))
    terroris\\w* 网络安全
    """
    parts = [part.strip() for part in term.split("...")]
    if not all(parts):
        raise ValueError(f"term {term!r}: empty, or `...` at its start or end")
    if lang == "zh":
        if "*" in term:
            raise ValueError(f"term {term!r}: `*` is for English terms only")
        return GAP["zh"].join(re.escape(to_simplified(part)) for part in parts)
    words = [EN_SEPARATOR_RE.split(part) for part in parts]
    if any(not word.rstrip("*") or "*" in word.rstrip("*") for part in words for word in part):
        raise ValueError(f"term {term!r}: an empty word, or a `*` that does not end a word")
    english = [EN_SEPARATOR.join(re.escape(word.lower()).replace(r"\*", r"\w*") for word in part)
               for part in words]
    return (r"(?!\w)" + GAP["en"] + r"(?<!\w)").join(english)


def _needs(term: str, lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """What a text must hold for `term` to match it: (whole words, substrings).

    >>> for term, lang in ("three evil forces", "en"), ("counter-terror*", "en"), ("一帶一路...安保", "zh"):
    ...     print([sorted(needed) for needed in _needs(term, lang)])
    [['evil', 'forces', 'three'], []]
    [['counter'], ['terror']]
    [[], ['一带一路', '安保']]
    """
    if lang == "zh":
        return frozenset(), frozenset(to_simplified(p.strip()) for p in term.split("..."))
    tokens = re.findall(r"\w+\*?", term.lower())
    return (frozenset(t for t in tokens if not t.endswith("*")),
            frozenset(t.rstrip("*") for t in tokens if t.endswith("*")))


def _anchor(term: str, lang: str) -> str:
    """The text every match of `term` starts with (in the `_searchable` form): its first word
    (English, without its `*`) or its first part (Chinese).

    >>> _anchor("Counter-terror*", "en"), _anchor("Terroris* ... financing", "en"), _anchor("一帶一路...安保", "zh")
    ('counter', 'terroris', '一带一路')
    """
    first = term.split("...")[0].strip()
    if lang == "zh":
        return to_simplified(first)
    return EN_SEPARATOR_RE.split(first)[0].lower().rstrip("*")


def compile_terms(terms: list[str], lang: str) -> tuple[Term, ...]:
    """The lexicon terms of one role and language, compiled."""
    compiled = []
    for term in terms:
        regex = re.compile(term_regex(term, lang) + (r"(?!\w)" if lang == "en" else ""))
        compiled.append(Term(term, regex, lang == "en", _anchor(term, lang), *_needs(term, lang)))
    return tuple(compiled)


class _UniqueKeyLoader(yaml.CSafeLoader):
    """A YAML loader that refuses a key given twice (two topics of one name, say)."""

    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep)


def load_lexicon(path: str | Path = DEFAULT_PATH) -> Lexicon:
    """Read and check a topic lexicon; every error names the file and the bad entry (read once per
    process, and again when the file changes)."""
    try:
        mtime = Path(path).stat().st_mtime_ns
    except OSError as error:
        raise LexiconError(f"{path}: cannot read the lexicon: {error.strerror}") from None
    return _load_lexicon(str(path), mtime)


@lru_cache(maxsize=8)
def _load_lexicon(path: str | Path, mtime_ns: int) -> Lexicon:
    path = Path(path)
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_UniqueKeyLoader)
    except OSError as error:
        raise LexiconError(f"{path}: cannot read the topic lexicon: {error.strerror or error}") from None
    except UnicodeDecodeError:
        raise LexiconError(f"{path}: the topic lexicon is not UTF-8 text") from None
    except yaml.YAMLError as error:
        raise LexiconError(f"{path}: not valid YAML: {error}") from None
    if not isinstance(data, dict) or not data:
        raise LexiconError(f"{path}: expected a mapping of topic names to entries")
    topics = []
    for name, entry in data.items():
        try:
            topics.append(_topic(name, entry))
        except ValueError as error:
            raise LexiconError(f"{path}: topic {name!r}: {error}") from None
    return Lexicon(tuple(topics), str(path))


def _topic(name, entry) -> Topic:
    """Check one lexicon entry and compile its terms."""
    if not isinstance(name, str) or not TOPIC_NAME_RE.fullmatch(name):
        raise ValueError("a topic name is lower-case letters, digits and underscores")
    if not isinstance(entry, dict):
        raise ValueError("expected a mapping with label_en, label_zh, terms_en, terms_zh, ...")
    unknown = sorted(set(entry) - KEYS)
    if unknown:
        raise ValueError(f"unknown key {unknown[0]!r}; the keys are {', '.join(sorted(KEYS))}")
    for key in ("label_en", "label_zh"):
        if not isinstance(entry.get(key), str) or not entry[key].strip():
            raise ValueError(f"{key} is missing or empty")
    lists = {f"{role}_{lang}": _string_list(entry, f"{role}_{lang}") for role in ROLES for lang in LANGS}
    if not any(lists[f"{role}_{lang}"] for role in ("terms", "context_terms") for lang in LANGS):
        raise ValueError("no terms")
    for lang in LANGS:
        if bool(lists[f"context_terms_{lang}"]) != bool(lists[f"context_{lang}"]):
            raise ValueError(f"context_terms_{lang} and context_{lang} go together: the first count only "
                             "in an article holding one of the second")
    return Topic(name, entry["label_en"].strip(), entry["label_zh"].strip(),
                 **{role: {lang: compile_terms(lists[f"{role}_{lang}"], lang) for lang in LANGS} for role in ROLES})


def _string_list(entry: dict, key: str) -> list[str]:
    value = entry.get(key) or []
    if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
        raise ValueError(f"{key} must be a list of non-empty strings")
    return value
