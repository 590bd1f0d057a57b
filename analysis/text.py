"""Small text helpers shared by the stages: script conversion, jieba's tokenizer, language of a line,
and a finder of many fixed strings at once."""

from __future__ import annotations

import os
import pickle
import re
import sys
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

import opencc
from ahocorasick_rs import AhoCorasick, MatchKind

if TYPE_CHECKING:
    import jieba

CJK_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
CJK_RUN_RE = re.compile(CJK_RE.pattern + "+")
LATIN_RUN_RE = re.compile(r"[A-Za-z\u00c0-\u024f]+")
ASCII_LETTER_RE = re.compile(r"[A-Za-z]")
JIEBA_CACHE = Path(__file__).parent.parent / ".cache" / "jieba"


@lru_cache(maxsize=None)
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def to_simplified(text: str) -> str:
    """Traditional → Simplified with OpenCC.

    Converted line by line, each line once: the stages convert overlapping parts of an article
    (its lede, its title and first paragraphs, all of it). No phrase of OpenCC's spans a line break.

    >>> to_simplified("國務委員趙克志\\n會見")
    '国务委员赵克志\\n会见'
    """
    if "\n" not in text:
        return _simplified_line(text)
    return "\n".join(map(_simplified_line, text.split("\n")))


@lru_cache(maxsize=1 << 14)
def _simplified_line(line: str) -> str:
    return line if line.isascii() else _converter("t2s").convert(line)


def to_traditional(text: str) -> str:
    """Simplified → Traditional with OpenCC: '国务委员赵克志' → '國務委員趙克志'."""
    return _converter("s2t").convert(text)


def toneless_pinyin(text: str) -> list[str]:
    """Chinese text in toneless pinyin, one item per syllable (other text as it is), by pypinyin,
    which is imported on first use: its phrase dictionary takes a third of a second to load.

    >>> toneless_pinyin("趙克志")
    ['zhao', 'ke', 'zhi']
    """
    from pypinyin import Style, lazy_pinyin

    return lazy_pinyin(to_simplified(text), style=Style.NORMAL)


def load_word_models() -> None:
    """Load pypinyin's phrases and jieba's dictionary now: in a process about to fork its
    workers, each worker inherits them instead of loading them again."""
    toneless_pinyin("中")
    jieba_tokenizer()


@lru_cache(maxsize=1)
def jieba_tokenizer() -> jieba.Tokenizer:
    """jieba's default tokenizer, its dictionary loaded on first need (the repair and topics
    stages share it).

    jieba keeps its prefix dictionary (500,000 keys) in a marshal cache that takes 0.6 s to load;
    a pickle of it loads in 0.2 s. The pickle is kept in `.cache/jieba`, under a name that
    changes with jieba's version and its dictionary file.
    """
    jieba = _import_jieba()
    jieba.setLogLevel(60)
    tokenizer = jieba.dt
    if tokenizer.initialized or tokenizer.dictionary != jieba.DEFAULT_DICT:
        tokenizer.check_initialized()
        return tokenizer
    stat = (Path(jieba.__file__).parent / jieba.DEFAULT_DICT_NAME).stat()
    cache = JIEBA_CACHE / f"dictionary-{jieba.__version__}-{stat.st_size}-{stat.st_mtime_ns}.pickle"
    try:
        with cache.open("rb") as f:
            tokenizer.FREQ, tokenizer.total = pickle.load(f)
        tokenizer.initialized = True
    except Exception:  # missing, partly written or damaged: made again from jieba's own
        tokenizer.initialize()
        partial = cache.with_suffix(f".{os.getpid()}.tmp")
        try:
            JIEBA_CACHE.mkdir(parents=True, exist_ok=True)
            with partial.open("wb") as f:
                pickle.dump((tokenizer.FREQ, tokenizer.total), f, protocol=pickle.HIGHEST_PROTOCOL)
            partial.replace(cache)
        except OSError:  # a read-only installation: jieba's own cache still serves
            partial.unlink(missing_ok=True)
    return tokenizer


def _import_jieba():
    """jieba, imported without pkg_resources when nothing has imported that yet.

    jieba imports pkg_resources only to open its data files, and opens them itself without it.
    pkg_resources takes 70 ms to import, and its parser leaves reference cycles holding the frames
    that called it: with the collector paused (`pipeline.extract`), they would keep every article
    of the run alive until the end.
    """
    blocked = "pkg_resources" not in sys.modules
    if blocked:
        sys.modules["pkg_resources"] = None  # its import raises ImportError: jieba's fallback
    try:
        import jieba
    finally:
        if blocked:
            del sys.modules["pkg_resources"]
    return jieba


def line_lang(line: str) -> str:
    """The dominant script of a line: 'zh', 'en', or '' when it has neither.

    >>> line_lang("趙克志表示,中巴是全天候戰略合作伙伴。"), line_lang("Zhao said (CPEC)."), line_lang("■")
    ('zh', 'en', '')
    """
    if line.isascii():  # most English lines: no CJK to count
        return "en" if ASCII_LETTER_RE.search(line) else ""
    cjk = sum(map(len, CJK_RUN_RE.findall(line)))  # counted by runs: many times faster than by characters
    if cjk and cjk * 4 >= len(line) - cjk:  # Chinese whatever the other characters are
        return "zh"
    latin = sum(map(len, LATIN_RUN_RE.findall(line)))
    if not cjk and not latin:
        return ""
    # A CJK character carries about as much text as a Latin word (~4 letters).
    return "zh" if cjk * 4 >= latin else "en"


class StringFinder:
    """Every occurrence of any of a set of fixed strings, found in one pass over a text
    (Aho–Corasick, with ahocorasick-rs): the names of a gazetteer, the key words of a lexicon.

    >>> finder = StringFinder(["反恐", "恐怖", "反恐怖主义"])
    >>> finder.find_all("加强反恐怖主义合作")
    [(2, 7, '反恐怖主义'), (2, 4, '反恐'), (3, 5, '恐怖')]
    >>> sorted(finder.found("打击恐怖主义")), StringFinder([]).found("恐怖")
    (['恐怖'], set())
    """

    def __init__(self, strings: Iterable[str]):
        self._strings = sorted(set(strings) - {""})
        self._every = AhoCorasick(self._strings)

    @cached_property
    def _leftmost_longest(self) -> AhoCorasick:
        return AhoCorasick(self._strings, matchkind=MatchKind.LeftmostLongest)

    def find_all(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, string) of every occurrence, overlapping ones too, by start, longest first."""
        strings = self._strings
        found = [(start, end, strings[i]) for i, start, end in self._every.find_matches_as_indexes(text, overlapping=True)]
        found.sort(key=lambda match: (match[0], -match[1]))
        return found

    def find_longest(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, string) of the longest string at the leftmost place, then on after it.

        >>> StringFinder(["反恐", "恐怖", "反恐怖主义"]).find_longest("加强反恐怖主义合作")
        [(2, 7, '反恐怖主义')]
        """
        strings = self._strings
        return [(start, end, strings[i]) for i, start, end in self._leftmost_longest.find_matches_as_indexes(text)]

    def found(self, text: str) -> set[str]:
        """The strings that occur in `text`."""
        return set(self._every.find_matches_as_strings(text, overlapping=True))
