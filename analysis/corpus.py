"""Corpus overview: encoding, size and language mix of each input file."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .read import read_file
from .text import line_lang

COLUMNS = [
    "file",
    "encoding",
    "lines",
    "characters",
    "chinese_lines",
    "english_lines",
    "chinese_characters",
    "english_characters",
]
LANGUAGES = {"zh": "chinese", "en": "english"}


def file_summary(path: Path) -> dict:
    """Line and character counts of one file, in total and per language (decoded as the reader does)."""
    source = read_file(path)
    row = dict.fromkeys(COLUMNS, 0)
    row.update(file=Path(path).name, encoding=source.encoding or "unreadable", lines=len(source.lines),
               characters=sum(len(line) for line in source.lines))
    for line in source.lines:
        language = LANGUAGES.get(line_lang(line))
        if language:
            row[f"{language}_lines"] += 1
            row[f"{language}_characters"] += len(line)
    return row


def corpus_summary(paths) -> pd.DataFrame:
    """One row per file: encoding, lines, characters, and lines/characters mostly Chinese or English."""
    return pd.DataFrame([file_summary(Path(path)) for path in paths], columns=COLUMNS)
