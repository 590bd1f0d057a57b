"""Corpus overview: size and language mix of each input file."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z]")

COLUMNS = [
    "file",
    "lines",
    "characters",
    "chinese_lines",
    "english_lines",
    "chinese_characters",
    "english_characters",
]


def line_language(line: str) -> str | None:
    """'zh' if the line has more CJK characters than Latin letters, 'en' if fewer, else None."""
    cjk = len(_CJK.findall(line))
    latin = len(_LATIN.findall(line))
    if cjk > latin:
        return "zh"
    if latin > cjk:
        return "en"
    return None


def file_summary(path: Path) -> dict:
    """Line and character counts of one UTF-8 file, in total and per language."""
    lines = path.read_text(encoding="utf-8").splitlines()
    row = dict.fromkeys(COLUMNS, 0)
    row.update(file=path.name, lines=len(lines), characters=sum(len(line) for line in lines))
    for line in lines:
        language = {"zh": "chinese", "en": "english"}.get(line_language(line))
        if language:
            row[f"{language}_lines"] += 1
            row[f"{language}_characters"] += len(line)
    return row


def corpus_summary(paths) -> pd.DataFrame:
    """One row per file: lines, characters, and lines/characters that are mostly Chinese or English."""
    return pd.DataFrame([file_summary(Path(path)) for path in paths], columns=COLUMNS)
