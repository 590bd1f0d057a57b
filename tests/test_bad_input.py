"""Bad input: every case gets a diagnostic naming its file (and line), the run finishes, and the
good files beside it give exactly the events they give alone. Property tests: reading, repair and
segmentation never crash and account for every line."""

from __future__ import annotations

import codecs
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from analysis.pipeline import extract, process_file
from analysis.read import CorpusError, read_file
from analysis.repair import repair_line
from analysis.segment import segment
from variants import SEED_000, SEED_002, SEEDS, seed_lines, write_variant

ROOT = Path(__file__).resolve().parent.parent
TABLES = ("articles", "events", "attendees", "event_topics", "repairs", "diagnostics")


def file_names(column):
    """The file names (without folders) of a source_file column."""
    return column.map(lambda path: Path(path).name)


def event_keys(tables, exclude: str = "") -> set[tuple[str, str, str]]:
    """(date, event type, country or organisation) of the events, less those of file `exclude`."""
    ev = tables.events[file_names(tables.events.source_file) != exclude]
    return set(zip(ev.date, ev.event_type, ev.counterpart_country + ev.counterpart_org))


def diagnostics_of(tables, name: str):
    """The diagnostics naming file `name`."""
    return tables.diagnostics[file_names(tables.diagnostics.source_file) == name]


def corpus_with(folder: Path, files: dict[str, bytes], seeds=(SEED_000, SEED_002)) -> Path:
    """A corpus folder: copies of `seeds` and the given files."""
    folder.mkdir(parents=True, exist_ok=True)
    for seed in seeds:
        shutil.copy(seed, folder / seed.name)
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return folder


def seed_text(path: Path) -> str:
    """The text of a seed file."""
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def seed_events():
    """The events of the seeds alone."""
    return event_keys(extract([SEEDS], progress=False))


def extract_with(tmp_path: Path, name: str, data: bytes):
    """Extract the seeds plus the bad file `name`; returns the tables."""
    return extract([corpus_with(tmp_path / "corpus", {name: data})], progress=False)


# ---------------------------------------------------------------------------------------------
# Files that are not newsletter text
# ---------------------------------------------------------------------------------------------

def test_lines_end_at_crlf_cr_or_lf_only(tmp_path):
    """Old Mac (\r) and Windows (\r\n) line ends count as one; a Unicode line separator inside a
    line does not end it, so line numbers agree with the editors analysts check them in."""
    path = tmp_path / "mixed.txt"
    path.write_bytes("甲\r\n乙\r丙\n\r\nA\u2028B\r\r\n".encode())
    assert read_file(path).lines == ["甲", "乙", "丙", "", "A\u2028B", ""]


@pytest.mark.parametrize("data", [b"", b"\n \r\n\t\n"], ids=["empty", "blank"])
def test_empty_file(tmp_path, seed_events, data):
    tables = extract_with(tmp_path, "empty.txt", data)
    assert "empty_file" in set(diagnostics_of(tables, "empty.txt").code)
    assert event_keys(tables) == seed_events


def png_like() -> bytes:
    """A PNG header and random bytes: NULs and control characters throughout."""
    return b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + random.Random(0).randbytes(64 * 1024)


@pytest.mark.parametrize("data, code", [(png_like(), "undecodable"),
                                        (b"\x00" * 100_000 + b"\x01\x02\x03" * 1000, "nul_bytes")],
                         ids=["png_like", "mostly_nuls"])
def test_binary_file(tmp_path, seed_events, data, code):
    tables = extract_with(tmp_path, "image.txt", data)
    assert code in set(diagnostics_of(tables, "image.txt").code)
    assert "image.txt" not in set(file_names(tables.articles.source_file))
    assert event_keys(tables) == seed_events


def test_the_command_line_names_the_file_it_cannot_read(tmp_path):
    corpus = corpus_with(tmp_path / "corpus", {"image.txt": png_like()})
    result = subprocess.run([sys.executable, "-m", "analysis", "extract", str(corpus), "--out", str(tmp_path / "out"),
                             "--no-cache", "--quiet"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0
    [error] = result.stderr.splitlines()  # the error diagnostics only
    assert error.startswith(f"{corpus / 'image.txt'}:0: error: cannot decode")


def test_nul_bytes_inside_a_line(tmp_path, seed_events):
    lines = seed_lines(SEED_002)
    lines[2] = lines[2][:10] + "\x00\x00" + lines[2][10:]  # line 3
    tables = extract([corpus_with(tmp_path / "corpus", {SEED_002.name: "\n".join(lines).encode()}, seeds=[SEED_000])],
                     progress=False)
    nul = diagnostics_of(tables, SEED_002.name).query("code == 'nul_bytes'")
    assert list(nul.line) == [3]
    assert event_keys(tables) == seed_events
    assert "\x00" not in "".join(tables.articles.text)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "gb18030"])
def test_other_encodings_among_utf8_files(tmp_path, seed_events, encoding):
    """Seed 000 in another encoding (UTF-16 with a BOM, without one, GB18030) beside seed 002 in
    UTF-8: all seven events, and a note of the encoding used."""
    data = seed_text(SEED_000).encode(encoding)
    tables = extract([corpus_with(tmp_path / "corpus", {SEED_000.name: data}, seeds=[SEED_002])], progress=False)
    used = diagnostics_of(tables, SEED_000.name).query("code == 'encoding'")
    assert [codecs.lookup(m.removeprefix("decoded as ")).name for m in used.message] == [codecs.lookup(encoding).name]
    assert event_keys(tables) == seed_events
    assert len(tables.articles) == 14


def test_not_txt_files_in_the_corpus_folder(tmp_path, seed_events):
    others = {"notes.md": b"# notes\n", "photo.png": png_like(), "tables.csv": b"a,b\n1,2\n"}
    tables = extract([corpus_with(tmp_path / "corpus", others)], progress=False)
    for name in others:
        assert list(diagnostics_of(tables, name).code) == ["not_txt"]
    assert event_keys(tables) == seed_events


def test_missing_corpus_path(tmp_path):
    missing = tmp_path / "不存在" / "corpus"
    with pytest.raises(CorpusError, match=str(missing)):
        extract([missing], progress=False)
    result = subprocess.run([sys.executable, "-m", "analysis", "extract", str(missing), "--out", str(tmp_path / "out"),
                             "--no-cache", "--quiet"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 2
    assert str(missing) in result.stderr


# ---------------------------------------------------------------------------------------------
# Text that is too large, incomplete or odd
# ---------------------------------------------------------------------------------------------

def accounted_lines(tables, name: str) -> set[int]:
    """Lines of file `name` inside an article's span or named by a diagnostic."""
    articles = tables.articles[file_names(tables.articles.source_file) == name]
    covered = {n for a, b in zip(articles.line_start, articles.line_end) for n in range(a, b + 1)}
    return covered | set(diagnostics_of(tables, name).line)


def test_file_of_50_mb(tmp_path, seed_events):
    """50 MB of short lines of no script (furniture) with one English seed article every 2,000
    lines: read, segmented and extracted (every non-blank line in an article or a diagnostic).

    50 MB of real articles would take minutes: pairing compares the versions of one file pairwise.
    Its wall time is not asserted: a time depends on the machine, and belongs in the bench."""
    block = seed_lines(SEED_000)[17:24]  # the English version of the Pakistan phone call
    chunk = ["§¶•‰ 0123456789 ※ ——"] * 2000 + block
    lines = chunk * (50 * 1024 * 1024 // len("\n".join(chunk).encode()) + 1)
    tables = extract_with(tmp_path, "huge.txt", "\n".join(lines).encode())
    assert event_keys(tables, exclude="huge.txt") == seed_events
    assert accounted_lines(tables, "huge.txt") >= set(range(1, len(lines) + 1))
    assert set(diagnostics_of(tables, "huge.txt").code) >= {"duplicate_article"}  # copies of the seed's article


def test_line_of_1_mb(tmp_path, seed_events):
    sentence = "趙克志表示,中巴是全天候戰略合作伙伴,雙方將深化執法安全合作。"
    long_line = sentence * (1024 * 1024 // len(sentence.encode()) + 1)
    data = f"趙克志會見外賓\n{long_line}\n".encode()
    tables = extract_with(tmp_path, "long_line.txt", data)
    assert accounted_lines(tables, "long_line.txt") >= {1, 2}
    assert set(diagnostics_of(tables, "long_line.txt").code) >= {"unpaired"}
    assert event_keys(tables, exclude="long_line.txt") == seed_events


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_one_language_only(tmp_path, seed_events, lang):
    """Seeds with one language's lines only: the seven events, each article `unpaired`."""
    tables = extract([write_variant(tmp_path / lang, f"{lang}_only")], progress=False)
    assert event_keys(tables) == seed_events
    unpaired = tables.diagnostics.query("code == 'unpaired'")
    articles = tables.articles
    assert set(zip(unpaired.source_file, unpaired.line)) == set(zip(articles.source_file, articles.line_start))
    assert len(unpaired) == 7 and set(articles.lang) == {lang}


def test_titles_only(tmp_path, seed_events):
    data = "Urgent Phone Talks Between\nChina and Pakistan\n\n許甘露會見國際移民組織駐華代表柯吉佩\n".encode()
    tables = extract_with(tmp_path, "titles.txt", data)
    titles = diagnostics_of(tables, "titles.txt").query("code == 'title_without_body'")
    assert list(titles.line) == [1, 2, 4]
    assert "titles.txt" not in set(file_names(tables.articles.source_file))
    assert event_keys(tables) == seed_events


@pytest.mark.parametrize("zh_date, en_date", [("2021年2月30日", "February 30, 2021"), ("2月30日", "February 30"),
                                              ("2021年2月30日", "July 17, 2021"), ("7月17日", "February 30, 2021")])
def test_invalid_date(tmp_path, zh_date, en_date):
    """The Pakistan phone call of seed 000 dated 30 February in one or both versions."""
    lines = seed_lines(SEED_000)
    zh = [lines[0].replace("2021年7月17日", zh_date)] + lines[1:5]
    en = lines[17:19] + [lines[19].replace("July 17, 2021", en_date)] + lines[20:24]
    tables = extract([corpus_with(tmp_path / "corpus", {"bad_date.txt": "\n".join(zh + en).encode()}, seeds=[])],
                     progress=False)
    invalid = diagnostics_of(tables, "bad_date.txt").query("code == 'invalid_date'")
    assert len(invalid) == 1 and invalid.line.iloc[0] in (1, 6)
    assert list(tables.events.date) == [""]
    assert list(tables.events.counterpart_country) == ["PAK"]


def test_html_markup_is_kept_as_text(tmp_path, seed_events):
    lines = seed_lines(SEED_002)
    lines[3] = f"<p class=\"x\">{lines[3]}</p><script>alert('zh')</script>"  # a middle paragraph of each version
    lines[10] = f"<b>{lines[10]}</b> <script>document.write('<img src=x onerror=alert(1)>')</script>"
    tables = extract([corpus_with(tmp_path / "corpus", {SEED_002.name: "\n".join(lines).encode()}, seeds=[SEED_000])],
                     progress=False)
    text = "\n".join(tables.articles.text)
    assert "<script>alert('zh')</script>" in text and "<img src=x onerror=alert(1)>" in text
    assert event_keys(tables) == seed_events


def test_cli_is_byte_identical_on_bad_input(tmp_path):
    """Two runs on the same mixed corpus (the second from the per-file cache) write the same bytes."""
    corpus = corpus_with(tmp_path / "corpus", {
        "empty.txt": b"", "image.txt": png_like(), "notes.md": b"# notes\n",
        "utf16.txt": seed_text(SEED_000).encode("utf-16"), "titles.txt": "Phone Talk Held\n".encode(),
    })
    outs = [tmp_path / "a", tmp_path / "b"]
    for out in outs:
        subprocess.run([sys.executable, "-m", "analysis", "extract", str(corpus), "--out", str(out),
                        "--cache", str(tmp_path / "cache"), "--quiet"], cwd=ROOT, check=True, capture_output=True)
    for name in TABLES:
        for suffix in (".csv", ".parquet"):
            assert (outs[0] / f"{name}{suffix}").read_bytes() == (outs[1] / f"{name}{suffix}").read_bytes(), name + suffix


# ---------------------------------------------------------------------------------------------
# Properties: reading, repair and segmentation never crash and lose no line
# ---------------------------------------------------------------------------------------------

SEED_LINES = seed_lines(SEED_000) + seed_lines(SEED_002)
CREDITS = ["( Translated by Agnes )", "(責任編輯:張敏嬌)", "(圖/滿博)", "■", "(Photo by Man Bo, translated by Agnes)"]
ENCODINGS = ["utf-8", "utf-8-sig", "gb18030", "utf-16"]  # each encodes every character but surrogates
# Any text on one line: no line breaks, no surrogates.
one_line_text = st.text(st.characters(exclude_characters="\r\n", exclude_categories=("Cs",)), max_size=60)
title_like = st.one_of(
    st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), min_size=2, max_size=14),
    st.lists(st.from_regex(r"[A-Z][a-z]{1,9}", fullmatch=True), min_size=1, max_size=6).map(" ".join),
)
a_line = st.one_of(
    st.sampled_from(SEED_LINES), st.sampled_from(SEED_LINES), one_line_text,
    st.sampled_from(["", " ", "\t"]), title_like, st.sampled_from(CREDITS),
)


def unaccounted(result, lines: list[str]) -> set[int]:
    """Non-blank lines of a file that are in no article's span and named by no diagnostic; none
    when a diagnostic concerns the whole file (empty, undecodable)."""
    if any(d.line == 0 and d.code in ("empty_file", "undecodable") for d in result.diagnostics):
        return set()
    covered = {n for a in result.articles for n in range(a.line_start, a.line_end + 1)}
    named = {d.line for d in result.diagnostics}
    return {n for n, text in enumerate(lines, 1) if text.strip() and n not in covered | named}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=st.lists(a_line, max_size=25), encoding=st.sampled_from(ENCODINGS), newline=st.sampled_from(["\n", "\r\n"]))
@example(lines=["更新時間:2021-07-17 20:30", "", "“駐華使節走進公安部”活動舉行"], encoding="utf-16", newline="\r\n")
def test_any_file_is_read_and_every_line_accounted_for(tmp_path, lines, encoding, newline):
    path = tmp_path / "issue.txt"
    path.write_bytes((newline.join(lines) + newline).encode(encoding))
    source = read_file(path)
    if encoding != "gb18030" and source.lines:  # a BOM or UTF-8: the decoding is certain
        assert source.lines == newline.join(lines).lstrip("\ufeff").replace("\x00", "").split(newline)
    assert not unaccounted(process_file(path), source.lines)


@settings(max_examples=200, deadline=None)
@given(lines=st.lists(a_line, max_size=30))
@example(lines=["Updated: 2021-07-17 20:30", "Phone Talk Held"])  # furniture, then a title without body
@example(lines=["Updated: 2021-07-17 20:30", "( Translated by Agnes )"])  # furniture, then a credit
@example(lines=["Phone Talk Held", "", "Between Ministers"])  # a title, then a title without body
def test_segment_accounts_for_every_line(lines):
    articles, diagnostics = segment("issue.txt", lines, lines)
    covered = {n for a in articles for n in range(a.line_start, a.line_end + 1)}
    named = {d.line for d in diagnostics}
    assert {n for n, text in enumerate(lines, 1) if text.strip()} <= covered | named
    for a in articles:
        assert 1 <= a.line_start <= a.line_end <= len(lines)


# A seed line with random text inserted: damage the repairs were not written for.
mangled_line = st.tuples(st.sampled_from(SEED_LINES), one_line_text, st.integers(0, 400)).map(
    lambda t: t[0][:t[2]] + t[1] + t[0][t[2]:])


@settings(max_examples=300, deadline=None)
@given(line=st.one_of(one_line_text, st.sampled_from(SEED_LINES), mangled_line), lang=st.sampled_from(["zh", "en"]))
def test_repair_never_crashes_and_points_into_the_line(line, lang):
    fixed, repairs = repair_line(line, lang)
    assert isinstance(fixed, str) and "\n" not in fixed
    for r in repairs:
        assert line[r.offset:r.offset + len(r.before)] == r.before
