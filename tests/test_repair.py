"""Tests of the text-repair stage (analysis/repair.py), built from the real damaged lines of the
seed newsletters in seeds/."""

import doctest
import math
import re
import statistics
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import repair
from analysis.text import to_simplified as t2s
from analysis.repair import (
    Repair,
    fix_gbk_shift,
    remove_injected_pinyin,
    remove_stray_question_marks,
    repair_line,
    restore_apostrophes,
)

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SEED_FILES = {"000": "000_23ddb913fd91f9e4.txt", "002": "002_0526a90c87bf4ba3.txt"}
KINDS = {"pinyin", "gbk_shift", "gbk_unrecoverable", "stray_question_mark", "apostrophe"}
PINYIN_SPAN = re.compile(r"^\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)$")


def seed_lines(issue: str) -> list[str]:
    return (SEEDS / SEED_FILES[issue]).read_text(encoding="utf-8").split("\n")


def seed_line(issue: str, number: int) -> str:
    """Line *number* (1-based) of a seed newsletter."""
    return seed_lines(issue)[number - 1]


def lang_of(line: str) -> str:
    """The line's dominant language, as the segmenting stage decides it."""
    ideographs = sum("\u4e00" <= c <= "\u9fff" for c in line)
    return "zh" if ideographs > len(line) / 3 else "en"


def apply(line: str, repairs: list[Repair]) -> str:
    """The line with *repairs* (offsets in it, not overlapping) applied."""
    for r in sorted(repairs, key=lambda r: r.offset, reverse=True):
        assert line[r.offset:r.offset + len(r.before)] == r.before
        line = line[:r.offset] + r.after + line[r.offset + len(r.before):]
    return line


def gbk_one_byte_off(text: str, start: int) -> str:
    """*text* damaged as the newsletter's GBK text was from *start* on: the first byte is lost
    and shows as '?', the rest is decoded two bytes at a time, a pair of high bytes that GBK
    cannot decode is dropped, a high byte before ASCII shows as '?', and fullwidth ASCII is
    made halfwidth. The decoder resynchronises on an ASCII byte, so only a span is damaged."""
    data = text[start:].encode("gbk")[1:]
    out, i = ["?"], 0
    while i < len(data):
        if data[i] < 0x80:
            out.append(chr(data[i]))
            i += 1
            continue
        pair = data[i:i + 2]
        try:
            out.append(repair._halfwidth(pair.decode("gbk")) if len(pair) == 2 else "?")
            i += len(pair)
            continue
        except UnicodeDecodeError:
            if pair[1] >= 0x80:  # dropped
                i += 2
                continue
        out.append("?")
        i += 1
    return text[:start] + "".join(out)


def clean_seed_line(issue: str, number: int) -> str:
    """Line *number* of a seed newsletter without its injected pinyin."""
    return remove_injected_pinyin(seed_line(issue, number))[0]


# Every repair of the seeds but pinyin: (issue, line) → [(kind, before, after, offset)].
EXPECTED = {
    ("000", 11): [("stray_question_mark", "?", "", 60)],
    ("000", 12): [("stray_question_mark", "?", "", 98)],
    ("000", 13): [("apostrophe", "IOMs", "IOM's", 17)],
    ("000", 14): [("apostrophe", "Chinas", "China's", 25)],
    ("000", 20): [("apostrophe", "Pakistans", "Pakistan's", 88)],
    ("000", 21): [("stray_question_mark", "?", "", 226), ("stray_question_mark", "?", "", 289)],
    ("000", 23): [("stray_question_mark", "?", "", 73),
                  ("apostrophe", "Pakistans", "Pakistan's", 13)],
    ("000", 29): [("gbk_shift", "?!捌桨仓袊钡拿艽a", "。“平安中國”的密碼", 79),
                  ("gbk_shift", "?!捌桨仓袊钡谋澈?", "。“平安中國”的背后", 158)],
    ("000", 34): [("apostrophe", "Chinas", "China's", 436)],
    ("000", 35): [("apostrophe", "Chinas", "China's", 104)],
    ("000", 36): [("apostrophe", "peoples", "people's", 290)],
    ("000", 38): [("apostrophe", "Peoples", "People's", 25)],
    ("002", 6): [("gbk_unrecoverable", "?yàn)閷⒂?", "?yàn)閷⒂?", 116)],
    ("002", 11): [("apostrophe", "SCOs", "SCO's", 57)],
    ("002", 23): [("stray_question_mark", "?", "", 22), ("stray_question_mark", "?", "", 837)],
}


# --- 1. Injected pinyin ---

def test_pinyin_removed_from_titles():
    assert repair_line(seed_line("002", 1), "zh") == (
        "趙克志出席上合組織成員國", [Repair("pinyin", "(guó)", "", 12)])
    assert repair_line(seed_line("002", 2), "zh")[0] == "安全會議秘書第十五次會議"


def test_pinyin_removed_everywhere_in_a_paragraph():
    text, repairs = repair_line(seed_line("002", 3), "zh")
    assert text == ("9月15日,上海合作組織成員國安全會議秘書第十五次會議以視頻形式舉行,"
                    "國務委員、公安部部長趙克志出席并發言。")
    assert [r.before for r in repairs] == [
        "(guó)", "(huì)", "(huì)", "(guó)", "(wù)", "(zhǎng)", "(fā)"]


def test_pinyin_kept_when_not_a_reading():
    text = "國家移民管理局(NIA)、上海合作組織(SCO)、國(guo3)、長(guó)、(圖/滿博)"
    assert remove_injected_pinyin(text) == (text, [])


def test_pinyin_matched_after_nfc_and_on_simplified_text():
    decomposed = "會(hui\u0300)議"  # 'ì' written as i + combining grave accent
    assert remove_injected_pinyin(decomposed)[0] == "會議"
    assert remove_injected_pinyin("国(guó)务委员、部长(zhǎng)")[0] == "国务委员、部长"


# --- 2. GBK decoded one byte off ---

def jieba_freq() -> dict[str, int]:
    """jieba's own dictionary (initialised by the word model)."""
    import jieba

    repair._word_model()
    return jieba.dt.FREQ


def jieba_model() -> tuple[dict[str, int], float]:
    """A word model of jieba's own dictionary, without the domain dictionary."""
    import jieba

    return jieba_freq(), math.log(jieba.dt.total)


def clear_word_model_caches() -> None:
    for cached in (repair._char_logp, repair._log_prob, repair._decoding_log_prob,
                   repair._likeliest_chars):
        cached.cache_clear()


LINE_29_REPAIRED = (
    "王小洪表示,黨的十八大以來,在以習近平同志為核心的黨中央堅強領導下,中國創造了經濟快速發展和"
    "社會長期穩定的“兩大奇跡”,人民群眾獲得感、幸福感、安全感不斷增強。“平安中國”的密碼就在于"
    "我們始終堅持中國共產黨的領導,堅持以人民為中心的發展思想,堅持走中國特色社會主義平安建設之路,"
    "堅持嚴格規范公正文明執法,堅持科技創安。“平安中國”的背后,凝聚著全國200多萬公安民警的無私"
    "奉獻和犧牲付出。當前,中國已進入全面建設社會主義現代化國家、向第二個百年奮斗目標進軍的新發展"
    "階段。中國公安機關將堅定不移地堅持中國共產黨的領導,堅持以人民為中心的發展思想,忠實履行黨和"
    "人民賦予的新時代職責使命,突出人民至上,突出風險防范,突出改革創新,突出合作共贏,全力推動建設"
    "更合民意、更富實效、更加科學、更加普惠的“平安中國”,努力讓人民群眾的獲得感成色更足、幸福感"
    "更可持續、安全感更有保障。"
)


def test_gbk_spans_decoded_in_the_real_line():
    line = seed_line("000", 29)
    text, repairs = repair_line(line, "zh")
    assert text == LINE_29_REPAIRED
    assert text == (line.replace("?!捌桨仓袊钡拿艽a", "。“平安中國”的密碼")
                    .replace("?!捌桨仓袊钡谋澈?", "。“平安中國”的背后"))
    assert repairs == [
        Repair("gbk_shift", "?!捌桨仓袊钡拿艽a", "。“平安中國”的密碼", 79),
        Repair("gbk_shift", "?!捌桨仓袊钡谋澈?", "。“平安中國”的背后", 158)]
    assert line[158:158 + len(repairs[1].before)] == repairs[1].before


def test_gbk_span_with_a_rival_reading_is_decided_by_the_domain_dictionary():
    # The bytes fit 創安。“平安中國”的背后 but just as well 創安全。“平安中國”的背后: 全 ends in ab
    # and 。 starts with a1, and the pair ab a1 is one that GBK cannot decode, so it was dropped
    # without a trace. jieba's general dictionary reads 創安全 as well as 創安 (a little better);
    # 科技創安, "safety through technology", is a slogan of public security that the domain
    # dictionary holds, and it decides for 科技創安。 by more than the margin.
    line = seed_line("000", 29)
    script = repair._line_script(line)
    span = repair._find_shifted_span(line, 158, script)
    right, rival = "。“平安中國”的背后", "全。“平安中國”的背后"

    def lead_of_right_reading() -> float:
        decoder = repair._Decoder(line, span, script)
        return decoder.score(right) - decoder.score(rival)

    assert lead_of_right_reading() > repair._MARGIN_OVER_RUNNER_UP
    assert repair._judge_span(line, span, script).decoding == right
    # With jieba's dictionary alone the two readings score alike, and the span is not decoded.
    general = jieba_model()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(repair, "_word_model", lambda: general)
        clear_word_model_caches()
        try:
            assert abs(lead_of_right_reading()) < 1.0
            assert repair._judge_span(line, span, script).decoding is None
        finally:
            clear_word_model_caches()


def test_the_simulated_damage_is_the_real_damage():
    line = seed_line("000", 29)
    original = (line.replace("?!捌桨仓袊钡拿艽a", "。“平安中國”的密碼")
                .replace("?!捌桨仓袊钡谋澈?", "。“平安中國”的背后"))
    first, second = original.index("。“平安中國”的密碼"), original.index("。“平安中國”的背后")
    assert gbk_one_byte_off(original[:second], first) == line[:second]
    assert gbk_one_byte_off(original, second) == original[:second] + line[second:]
    # The rival reading of the second span gives the very same text.
    rival = original[:second] + "全" + original[second:]
    assert gbk_one_byte_off(rival, second) == gbk_one_byte_off(original, second)


# Simulated damage of the seeds' clean text, as the margins were calibrated.

@pytest.mark.parametrize("issue, number, original", [
    ("002", 5, "展緝毒聯合行動"),  # ends in '?' before a comma
    ("000", 9, "表示移民組"),  # no dropped pair: that reading is always tried
    ("000", 31, "北京市公安局朝陽分局、海淀分局執法辦"),  # two dropped pairs: ab b0 and af ea
])
def test_simulated_gbk_damage_is_repaired(issue, number, original):
    line = clean_seed_line(issue, number)
    damaged = gbk_one_byte_off(line, line.index(original))
    assert damaged != line
    text, repairs = fix_gbk_shift(damaged)
    assert text == line
    assert [r.kind for r in repairs] == ["gbk_shift"]


@pytest.mark.parametrize("issue, number, original", [
    ("002", 2, "十五次會議"),  # 十 may hide in a pair dropped right after the lost byte
    ("000", 27, "委”系列參訪"),  # so may 委
    ("000", 27, "深入了解了中國公安工作和“平安中國”建設"),  # three dropped pairs
    ("002", 17, "走廊安保、執法能力建設"),  # 、執 and 。執 hide in pairs both dropped
])
def test_simulated_gbk_damage_with_rival_readings_is_reported(issue, number, original):
    line = clean_seed_line(issue, number)
    damaged = gbk_one_byte_off(line, line.index(original))
    text, repairs = fix_gbk_shift(damaged)
    assert text == damaged
    assert [r.kind for r in repairs] == ["gbk_unrecoverable"]


# The decoder's word model.

def brute_force_score(text: str, word_penalty: float, dangling_penalty: float,
                      model: tuple[dict[str, int], float] | None = None) -> float:
    """The best score over every segmentation of *text* (after t2s), tried one by one, with
    the decoder's word model or *model* (frequencies, log of their total)."""
    freq, log_total = model or repair._word_model()
    dangling = repair._dangling_words()
    simplified = t2s(text)

    def best(start: int) -> float:
        if start == len(simplified):
            return 0.0
        char = simplified[start]
        single = repair._char_logp(char)  # a one-character word: its penalty is given back
        if char in dangling and simplified[start + 1:start + 2] in repair._CLAUSE_MARKS:
            single -= dangling_penalty
        scores = [single + best(start + 1)]
        for end in range(start + 2, min(len(simplified), start + repair._MAX_WORD) + 1):
            if freq.get(simplified[start:end]):
                word = math.log(freq[simplified[start:end]]) - log_total
                scores.append(word - word_penalty + word_penalty * (end - start) + best(end))
        return max(scores)

    return best(0)


def test_segmentation_score_is_the_best_segmentation():
    text = clean_seed_line("000", 29)
    for start in range(0, len(text) - 12, 7):
        window = text[start:start + 12]
        for penalties in [(0.0, 0.0), (repair._WORD_PENALTY, repair._DANGLING_PENALTY)]:
            assert repair._segmentation_score(window, *penalties) == pytest.approx(
                brute_force_score(window, *penalties)), window


def test_word_penalty_prefers_fewer_longer_words():
    plain, decoding = repair._log_prob, repair._decoding_log_prob
    # Each word costs the penalty and each character earns it back: a multi-character word
    # gains, a string of single characters neither gains nor loses (a reading with one more
    # character is not penalised for its length).
    assert decoding("發展") - plain("發展") == pytest.approx(repair._WORD_PENALTY)
    assert decoding("發和") == pytest.approx(plain("發和"))
    assert decoding("的背后") - decoding("的背和") == pytest.approx(
        plain("的背后") - plain("的背和") + repair._WORD_PENALTY)


def test_function_word_before_a_clause_mark_is_penalised():
    plain, decoding = repair._log_prob, repair._decoding_log_prob
    assert {"和", "与", "在", "对", "也", "就", "地", "得"} <= repair._dangling_words()  # Simplified
    assert decoding("背和,") == pytest.approx(plain("背和,") - repair._DANGLING_PENALTY)
    for text in ["工作在。", "努力地;"]:  # one two-character word each
        assert decoding(text) == pytest.approx(
            plain(text) + repair._WORD_PENALTY - repair._DANGLING_PENALTY)
    for text in ["背和平", "和他"]:  # not before a clause mark
        assert decoding(text) >= plain(text)
    # Multi-character connectives such as 因此 often end a clause-initial phrase.
    assert decoding("因此,") - plain("因此,") == pytest.approx(repair._WORD_PENALTY)


# The domain dictionary.

def test_domain_dictionary_loads_words_in_either_script(tmp_path):
    path = tmp_path / "words.txt"
    path.write_text("# A comment line\n\n掃黑除惡  # Traditional, with a comment\n"
                    "平安中国\n科技興警 40\n科技兴警\n  總體國家安全觀\t7\n", encoding="utf-8")
    assert repair._load_domain_words(path) == {
        "扫黑除恶": None, "平安中国": None, "科技兴警": 40, "总体国家安全观": 7}


@pytest.mark.parametrize("line", ["平安中国 many", "平安中国 3 4"])
def test_domain_dictionary_rejects_malformed_lines(tmp_path, line):
    path = tmp_path / "words.txt"
    path.write_text(f"科技创安\n{line}\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"words.txt:2"):
        repair._load_domain_words(path)


def test_domain_words_are_added_as_jieba_keeps_its_words():
    freq = {"科": 50, "科技": 100, "平": 20, "平安": 10, "安": 30}
    growth = repair._add_words(freq, {"科技创安": None, "科技": None, "平安": 40, "安全感": 2})
    default = repair._DOMAIN_WORD_FREQ
    assert freq == {"科": 50, "科技": 100, "科技创": 0, "科技创安": default, "平": 20,
                    "平安": 40, "安": 30, "安全": 0, "安全感": 2}
    assert growth == default + 30 + 2  # jieba's higher frequency of 科技 is kept


def test_default_frequency_is_the_median_of_jiebas_words():
    counts = [count for word, count in jieba_freq().items() if count and len(word) > 1]
    assert statistics.median_low(counts) == repair._DOMAIN_WORD_FREQ


def test_shipped_domain_dictionary_is_in_the_word_model():
    import jieba

    text = repair.DOMAIN_WORDS_FILE.read_text(encoding="utf-8")
    assert "科技創安" in text and "平安中国" in text  # written in either script
    words = repair._load_domain_words()
    assert len(words) >= 150
    assert {"科技创安", "平安中国", "扫黑除恶", "枫桥经验", "国家移民管理局"} <= set(words)
    assert all(word == t2s(word) for word in words)
    freq, log_total = repair._word_model()
    for word in words:
        assert freq[word] >= repair._DOMAIN_WORD_FREQ
        assert all(word[:end] in freq for end in range(1, len(word)))
    # jieba's own dictionary is left as it is: the other stages segment with it.
    assert freq is not jieba_freq() and "科技创安" not in jieba_freq()
    added = sum(freq[word] - (jieba_freq().get(word) or 0) for word in words)
    assert log_total == pytest.approx(math.log(jieba.dt.total + added))
    assert max(map(len, words)) > repair._MAX_WORD >= 7  # longer names count by their parts


@pytest.mark.parametrize("text", ["科技創安", "掃黑除惡", "楓橋經驗", "總體國家安全觀", "斷卡行動"])
def test_domain_words_make_readings_likelier(text):
    freq, log_total = repair._word_model()
    one_word = math.log(freq[t2s(text)]) - log_total
    assert repair._log_prob(text) == pytest.approx(one_word)
    assert repair._log_prob(text) > brute_force_score(text, 0.0, 0.0, jieba_model()) + 5


def test_gbk_unrecoverable_span_is_reported_with_its_original_offset():
    line = seed_line("002", 6)
    text, repairs = repair_line(line, "zh")
    assert "從安全合作領域?yàn)閷⒂?1月舉行的上合組織領導人峰會" in text
    unrecoverable = [r for r in repairs if r.kind != "pinyin"]
    assert unrecoverable == [Repair("gbk_unrecoverable", "?yàn)閷⒂?", "?yàn)閷⒂?", 116)]
    assert line[116:116 + len("?yàn)閷⒂?")] == "?yàn)閷⒂?"


def test_gbk_offsets_map_back_through_pinyin_removal():
    line = "部長(zhǎng)表示,安全感不斷增強?!捌桨仓袊钡拿艽a就在于我們始終堅持"
    text, repairs = repair_line(line, "zh")
    assert text == "部長表示,安全感不斷增強。“平安中國”的密碼就在于我們始終堅持"
    assert repairs[0] == Repair("pinyin", "(zhǎng)", "", 2)
    assert repairs[1].kind == "gbk_shift" and repairs[1].offset == line.index("?")


@pytest.mark.parametrize("text", [
    "圍繞什么是“平安中國”、“平安中國”的密碼是什么?如何建設更高水平的“平安中國”",
    "什麼是APEC?APEC是亞太經合組織。",
    "這是什么?我們要問。",
    "你好嗎?",
    "國家移民管理局(NIA)?許甘露",
])
def test_real_question_marks_in_chinese_are_left_alone(text):
    assert fix_gbk_shift(text) == (text, [])


def test_lost_character_is_reported():
    assert fix_gbk_shift("地區安全形??,上合組織")[1] == [
        Repair("gbk_unrecoverable", "??", "??", 5)]


# --- 3. Stray question marks in English ---

@pytest.mark.parametrize("issue, number, damaged, repaired", [
    ("000", 11, "Organization for? Migration", "Organization for Migration"),
    ("000", 12, "Administration (NIA)? Xu Ganlu", "Administration (NIA) Xu Ganlu"),
    ("000", 21, "released reports? from Pakistan", "released reports from Pakistan"),
    ("000", 21, "targeted on? Chinese personnel", "targeted on Chinese personnel"),
    ("000", 23, "the Pakistani people? Rashid first", "the Pakistani people Rashid first"),
    ("002", 23, "stated that? China and Pakistan", "stated that China and Pakistan"),
    ("002", 23, "outcomes in areas? such as", "outcomes in areas such as"),
])
def test_stray_question_marks_removed(issue, number, damaged, repaired):
    line = seed_line(issue, number)
    assert damaged in line
    text = repair_line(line, "en")[0]
    assert repaired in text and damaged not in text


@pytest.mark.parametrize("text", [
    "What is the essence of the Peaceful China Initiative? It lies in the people.",
    "Why did he go? Nobody knows.",
    "How can the two sides cooperate? Zhao said that they should.",
    "The envoys asked about the initiative and its results?",
    "He asked “is this the case? maybe not” and left.",
    "She said \"Can we? Yes\" at once.",
])
def test_real_question_marks_kept(text):
    assert remove_stray_question_marks(text) == (text, [])


# --- 4. Lost apostrophes ---

@pytest.mark.parametrize("text, expected", [
    ("Xu commended the IOMs important role", "Xu commended the IOM's important role"),
    ("lauded Chinas important progress", "lauded China's important progress"),
    ("call to Pakistans Interior Minister", "call to Pakistan's Interior Minister"),
    ("the SCOs security cooperation", "the SCO's security cooperation"),
    ("visited China Peoples Police University", "visited China People's Police University"),
    ("improvement of the peoples sense of gain", "improvement of the people's sense of gain"),
    ("Hong Kongs economy", "Hong Kong's economy"),
    ("Hungarys support", "Hungary's support"),
])
def test_apostrophes_restored(text, expected):
    assert restore_apostrophes(text)[0] == expected


@pytest.mark.parametrize("text", [
    "the Pakistani people, Pakistanis and the Ministry of Foreign Affairs",
    "the United Nations, the Philippines and the United States signed",
    "benefits to the two peoples and the two countries",
    "the peoples of the world",
    "NGOs working in China",
    "the two Koreas economy",
    "relations with China.",
    "Chinas and Pakistans",
])
def test_plurals_and_ambiguous_words_kept(text):
    assert restore_apostrophes(text) == (text, [])


def test_word_lists_load_from_yaml():
    lists = repair._possessive_lists()
    assert {"China", "Pakistan", "Hungary", "Hong Kong"} <= lists.names
    assert "on" in lists.not_after  # a bare `on` would be read by YAML as true
    assert "NGO" in lists.plural_acronyms


# --- The whole stage on the seeds ---

@pytest.mark.parametrize("issue", sorted(SEED_FILES))
def test_only_damage_changes_in_the_seeds(issue):
    for number, line in enumerate(seed_lines(issue), start=1):
        text, repairs = repair_line(line, lang_of(line))
        pinyin = [r for r in repairs if r.kind == "pinyin"]
        others = [(r.kind, r.before, r.after, r.offset) for r in repairs if r.kind != "pinyin"]
        assert others == EXPECTED.get((issue, number), []), (issue, number)
        assert all(PINYIN_SPAN.match(r.before) and r.after == "" for r in pinyin)
        assert text == apply(line, repairs)
        if "?" not in line and "(" not in line and not others:
            assert text == line


@pytest.mark.parametrize("issue", sorted(SEED_FILES))
def test_simplified_seeds(issue):
    """Pinyin removal works on Simplified text too; nothing else changes but damage."""
    for line in seed_lines(issue):
        simplified = t2s(line)
        lang = lang_of(line)
        text, repairs = repair_line(simplified, lang)
        traditional_pinyin = [r for r in repair_line(line, lang)[1] if r.kind == "pinyin"]
        assert [r.before for r in repairs if r.kind == "pinyin"] == [
            r.before for r in traditional_pinyin]
        if lang == "zh":
            gbk = [r for r in repairs if r.kind.startswith("gbk")]
            assert not gbk or "?" in simplified
            assert {r.kind for r in repairs} <= {"pinyin", "gbk_shift", "gbk_unrecoverable"}
        if "?" not in line and "(" not in line and lang == "zh":
            assert text == simplified


def test_clean_lines_are_returned_unchanged_quickly():
    clean = [line for issue in SEED_FILES for line in seed_lines(issue)
             if not repair_line(line, lang_of(line))[1]]
    assert len(clean) > 30
    assert all(repair_line(line, lang_of(line)) == (line, []) for line in clean)


# --- Properties and docs ---

ALPHABET = st.sampled_from(
    list("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ?!,.:;()'\"“”")
    + list("國會長部趙克志表示中國平安的密碼就在于捌桨仓袊钡拿艽谋澈閷⒂")
    + list("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüÁ\ufffd\u3000，。、")
)


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet=ALPHABET, max_size=60), lang=st.sampled_from(["zh", "en"]))
def test_repair_line_never_crashes(text, lang):
    repaired, repairs = repair_line(text, lang)
    assert isinstance(repaired, str)
    for r in repairs:
        assert isinstance(r, Repair) and r.kind in KINDS
        assert 0 <= r.offset <= len(text)
        if r.kind == "gbk_unrecoverable":
            assert r.before == r.after


def test_docstring_examples():
    failures, tried = doctest.testmod(repair)
    assert tried >= 8 and failures == 0


# --- The small rules the fixes are built of, one written example each ---

def test_repairs_are_applied_at_their_offsets_the_rest_kept():
    repairs = [Repair("apostrophe", "Chinas", "China's", 4), Repair("stray_question_mark", "?", "", 10)]
    assert repair._replace_spans("the Chinas? role", repairs) == "the China's role"
    assert repair._replace_spans("abc", []) == "abc"


def test_offsets_map_back_through_earlier_fixes():
    # "部長(zhǎng)趙克志" → "部長趙克志": after the removed span, offsets move by its length.
    pinyin = [Repair("pinyin", "(zhǎng)", "", 2)]
    assert [repair._to_original(offset, [pinyin]) for offset in (0, 1, 2, 3)] == [0, 1, 9, 10]
    # "the Chinas x" → "the China's x": inside a replacement, its start; after it, one less.
    apostrophe = [Repair("apostrophe", "Chinas", "China's", 4)]
    assert [repair._to_original(offset, [apostrophe]) for offset in (3, 4, 6, 10, 11, 12)] == [3, 4, 4, 4, 10, 11]
    # Two repairs in one fix, and two fixes: the latest fix is undone first.
    two = [Repair("pinyin", "(a)", "", 1), Repair("pinyin", "(b)", "", 6)]  # x(a)yz(b)w → xyzw
    assert [repair._to_original(offset, [two]) for offset in (0, 1, 2, 3)] == [0, 4, 5, 9]
    # x(a)y?z(b)w → xy?zw → xyzw
    first, then = [Repair("pinyin", "(a)", "", 1), Repair("pinyin", "(b)", "", 7)], [Repair("stray_question_mark", "?", "", 2)]
    assert [repair._to_original(offset, [first, then]) for offset in (0, 1, 2, 3)] == [0, 4, 6, 10]
    assert repair._to_original(5, []) == 5


def test_repair_line_reports_each_fixs_repairs_at_their_offsets_in_the_original_line():
    line = "Xu(xǔ)? met the IOMs chief and Chinas envoy"
    # No pinyin to remove after a Latin letter; the stray '?', then two apostrophes.
    text, repairs = repair_line(line, "en")
    assert text == "Xu(xǔ) met the IOM's chief and China's envoy"
    assert [(r.kind, r.offset) for r in repairs] == [("stray_question_mark", 6), ("apostrophe", 16), ("apostrophe", 31)]
    assert text == apply(line, repairs)
    line = "會(huì)議?Chinas"
    assert repair_line(line, "zh") == ("會議?Chinas", [Repair("pinyin", "(huì)", "", 1)])
    assert repair_line("國(guó)家 Chinas role", "en") == ("國家 China's role", [
        Repair("pinyin", "(guó)", "", 1), Repair("apostrophe", "Chinas", "China's", 8)])


def test_quotation_marks_without_a_partner_are_counted():
    assert repair._quote_marks("a“b”c「d」e\"") == "“”「」"
    assert [repair._unmatched_quotes(q) for q in ("", "“”", "「」", "“「」”", "”", "“", "”“", "““”", "“””")] == \
        [0, 0, 0, 0, 1, 1, 2, 1, 1]


def test_fullwidth_ascii_is_made_halfwidth_and_shifted_bytes_are_its_gbk_bytes():
    assert [repair._halfwidth(c) for c in "！～Ａ\uff00\uff5f中a"] == ["!", "~", "A", "\uff00", "\uff5f", "中", "a"]
    assert repair._shifted_bytes("!") == "！".encode("gbk")  # ASCII shown for a fullwidth character
    assert repair._shifted_bytes("~") == "～".encode("gbk")
    assert repair._shifted_bytes("中") == "中".encode("gbk")
    assert repair._shifted_bytes(" ") is None  # no fullwidth form was normalised to a space
    assert repair._shifted_bytes("\x7f") is None  # one byte
    assert repair._shifted_bytes("😀") is None  # not in GBK


def test_what_can_follow_a_trail_byte_shown_as_a_question_mark():
    assert [repair._can_follow_lost_trail(c) for c in ("", "1", " ", "?", "\x7f")] == [True] * 5
    assert [repair._can_follow_lost_trail(c) for c in ("@", "A", "z", "~", "中")] == [False] * 5


def test_a_lines_script_is_the_character_set_its_ideographs_keep_to():
    assert repair._line_script("國會長") == "traditional"  # three outside GB2312, none outside Big5
    assert repair._line_script("国会长") == "simplified"
    assert repair._line_script("國會") is None  # two are too few
    assert repair._line_script("中國 abc") is None
    assert repair._line_script("國會長國會長国") == "traditional"  # six to one
    assert repair._line_script("國會長国") == "traditional"  # three to one
    assert repair._line_script("國會長國会长") is None  # four to two
    assert [repair._is_foreign(c, s) for c, s in [("國", "simplified"), ("国", "traditional"), ("國", "traditional"),
                                                 ("中", "simplified"), ("国", None), ("a", "traditional")]] == \
        [True, True, False, False, False, False]


def test_the_next_question_mark_either_ascii_or_the_replacement_character():
    text = "a?b\ufffdc?"
    assert [repair._next_question_mark(text, pos) for pos in (0, 1, 2, 3, 4, 6)] == [1, 1, 3, 3, 5, None]
    assert repair._next_question_mark("\ufffd?", 0) == 0
    assert repair._next_question_mark("abc", 0) is None


def test_odd_characters_and_ascii_marks():
    assert [repair._is_odd(c, None) for c in ("a", "?", "\u3000", "。", "“", "』", "中", "国")] == [False] * 8
    assert repair._is_odd("★", None) and repair._is_odd("鱻", None)  # a symbol; an ideograph jieba hardly knows
    assert repair._is_odd("国", "traditional") and not repair._is_odd("國", "traditional")
    assert [repair._is_ascii_mark(c) for c in (",", ".", "!", "a", "1", "?", "\ufffd", "，")] == \
        [True, True, True, False, False, False, False, False]


def test_a_garbled_cluster_spans_the_damage_around_a_question_mark():
    # Two question marks after a character: a character lost; the comma is not part of it.
    assert repair._garbled_cluster("地區安全形??,上合組織", 5, None) == (5, 7)
    # A rare character next to the question mark.
    assert repair._garbled_cluster("合作鱻?x。", 3, None) == (2, 5)
    # A single '?' after plain Chinese, and '??' at the start of a line or after ASCII: not damage.
    assert repair._garbled_cluster("這是什么?我們", 4, None) is None
    assert repair._garbled_cluster("??上合", 0, None) is None
    assert repair._garbled_cluster("ok ??上合", 3, None) is None


def test_a_real_question_is_one_in_an_open_quotation_or_opened_by_a_question_word():
    assert repair._is_real_question("He said “is it so? no", 17, "n")  # inside an open quotation
    assert repair._is_real_question('He said "so? No', 10, "N")
    assert not repair._is_real_question('He said "so" and? No', 15, "N")  # the quotation is closed
    assert not repair._is_real_question("He said “so” and? No", 15, "N")
    assert not repair._is_real_question("What is it? the", 10, "t")  # a lowercase word follows
    assert repair._is_real_question("Done. Can it be? Yes", 15, "Y")
    assert repair._is_real_question("Done; whose is it? Yes", 17, "Y")
    assert not repair._is_real_question("Done. It can be? Yes", 15, "Y")
    assert not repair._is_real_question("? Yes", 0, "Y")


def test_a_stray_question_mark_follows_a_letter_digit_or_bracket_and_precedes_a_space():
    for text, expected in [("for? Migration", "for Migration"), ("in 2021? The", "in 2021 The"),
                           ("(NIA)? Xu", "(NIA) Xu"), ("[1]? Xu", "[1] Xu")]:
        assert remove_stray_question_marks(text)[0] == expected
    for text in ("for ? Migration", "for?Migration", "for?", "“? Xu"):
        assert remove_stray_question_marks(text) == (text, [])
    assert remove_stray_question_marks("a? b and c? D")[1] == [Repair("stray_question_mark", "?", "", 1),
                                                               Repair("stray_question_mark", "?", "", 10)]


def test_a_possessive_is_restored_by_the_names_before_it_and_refused_before_certain_words():
    assert restore_apostrophes("the South Africas police")[0] == "the South Africa's police"  # a two-word name
    assert restore_apostrophes("the UNs role")[1] == [Repair("apostrophe", "UNs", "UN's", 4)]
    assert restore_apostrophes("the UNODCs training")[0] == "the UNODCs training"  # a verb-like word after
    assert restore_apostrophes("the UNODCs trained")[0] == "the UNODCs trained"
    assert restore_apostrophes("the Ns role")[0] == "the Ns role"  # one capital is no acronym
    assert restore_apostrophes("the Uns role")[0] == "the Uns role"  # nor a word in lowercase
    assert restore_apostrophes("Chinas on")[0] == "Chinas on"  # `on` is in not_after
    assert restore_apostrophes("peoples role")[0] == "people's role"  # at the start: no word before


# Small rules of repair, each on the input that tells it apart (found by mutation testing).

def test_pinyin_in_fullwidth_brackets_is_removed_too():
    assert remove_injected_pinyin("國（guó）家")[0] == "國家"


@pytest.mark.parametrize("following, script", [("a中文", None), ("a 中", None), ("捌桨仓袊", None), ("们这钱门", "traditional")])
def test_what_does_not_read_as_text_back_in_step(following, script):
    from analysis.repair import _reads_as_resynced
    assert _reads_as_resynced(following, script) is False


@pytest.mark.parametrize("run, script", [("捌桨仓袊钡拿艽", None), ("们这钱门", "traditional")])
def test_runs_that_look_garbled(run, script):
    from analysis.repair import _looks_garbled
    assert _looks_garbled(run, script) is True


def test_a_character_of_jieba_frequency_50_is_not_odd():
    from analysis.repair import _is_odd
    assert _is_odd("佤", None) is False


@pytest.mark.parametrize("text, pos, script, span", [
    ("中華民國?这", 4, "traditional", (4, 6)),  # a Simplified character in Traditional text
    ("?■", 0, None, (0, 2)), ("■?", 1, None, (0, 2)),  # a cluster from either end
    ("中文,■?", 4, None, (3, 5)),  # not across the comma
    ("中\ufffd\ufffd文", 1, None, (1, 3)), ("中??文", 1, None, (1, 3)),
    ("中 ??", 2, None, None),  # question marks after a space: a real question, not damage
])
def test_the_span_of_a_garbled_cluster(text, pos, script, span):
    from analysis.repair import _garbled_cluster
    assert _garbled_cluster(text, pos, script) == span


def test_each_replacement_character_run_is_a_span_of_its_own():
    from analysis.repair import _next_question_mark
    assert _next_question_mark("中\ufffd文\ufffd", 0) == 1
    assert len(fix_gbk_shift("中\ufffd\ufffd文字，中\ufffd\ufffd文")[1]) == 2


def test_plural_peoples_keep_no_apostrophe_and_the_window_of_a_proper_noun_is_40_characters():
    assert restore_apostrophes("the two peoples friendship")[0] == "the two peoples friendship"
    assert restore_apostrophes("Both peoples friendship")[0] == "Both peoples friendship"  # no word before `Both`
    assert restore_apostrophes("aUnited" + " " * 34 + "Kingdoms economy")[0].endswith("Kingdom's economy")


def test_a_shifted_span_whose_best_reading_is_one_character_is_no_error():
    text = "外交部副部長?x鋒,公安部副部長、國家移民管理局局長許甘露參加活動。"
    assert fix_gbk_shift(text)[0].endswith("公安部副部長、國家移民管理局局長許甘露參加活動。")
