"""Stage 1, read: find the corpus files, detect each file's encoding, and split it into lines.

A file that cannot be decoded becomes a diagnostic; the rest of the corpus is still read.
"""

from __future__ import annotations

import codecs
import glob
from dataclasses import dataclass, field
from pathlib import Path

from charset_normalizer import from_bytes

from .diagnostics import Diagnostic

# Files at least this large are detected from a sample, not read whole by charset-normalizer.
DETECT_SAMPLE_BYTES = 256 * 1024
BOMS = [
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
# Encodings a Chinese/English newsletter may come in; detection chooses among them first.
LIKELY_ENCODINGS = ["utf_8", "gb18030", "big5", "utf_16", "utf_16_le", "utf_16_be"]
# Bytes that plain text in our encodings never holds (tab, line ends and NUL are judged apart).
CONTROL_BYTES = bytes(b for b in range(32) if b not in (0, 9, 10, 13))


class CorpusError(Exception):
    """A corpus path that does not exist or holds nothing to read."""


@dataclass
class SourceText:
    """One corpus file, decoded: `lines[i]` is line i + 1 of the file."""

    path: str
    encoding: str
    lines: list[str]
    data: bytes = field(repr=False)
    diagnostics: list[Diagnostic] = field(default_factory=list)


def discover(paths: list[str | Path]) -> tuple[list[Path], list[Diagnostic]]:
    """The `.txt` files named by `paths` (files, folders searched recursively, or globs), sorted.

    Files of other kinds found in a folder are skipped with a diagnostic; a path that matches
    nothing raises CorpusError, naming it.
    """
    files: set[Path] = set()
    diagnostics = []
    for raw in paths:
        path = Path(raw)
        matches = [Path(p) for p in sorted(glob.glob(str(raw), recursive=True))] if glob.has_magic(str(raw)) else [path]
        if not matches or not any(m.exists() for m in matches):
            raise CorpusError(f"corpus path not found: {raw}")
        for match in matches:
            candidates = sorted(p for p in match.rglob("*") if p.is_file()) if match.is_dir() else [match]
            for candidate in candidates:
                if candidate.suffix.lower() == ".txt":
                    files.add(candidate)
                elif not candidate.name.startswith("."):
                    diagnostics.append(Diagnostic(str(candidate), 0, "warning", "not_txt",
                                                  "skipped: not a .txt file"))
    if not files:
        raise CorpusError(f"no .txt files in the corpus: {', '.join(map(str, paths))}")
    return sorted(files), diagnostics


def decode(data: bytes) -> tuple[str, str] | None:
    """(encoding, text) of `data`: its BOM's, else UTF-8 if it decodes, else charset-normalizer's
    best guess (bytes not valid in it replaced by U+FFFD); None when nothing fits.

    >>> decode("國務委員".encode("gb18030")), decode(b"\\xef\\xbb\\xbfok")
    (('gb18030', '國務委員'), ('utf-8-sig', 'ok'))
    """
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return encoding, data.decode(encoding, errors="replace")
    try:
        return "utf-8", data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    sample = data[:DETECT_SAMPLE_BYTES]
    best = from_bytes(sample, cp_isolation=LIKELY_ENCODINGS).best() or from_bytes(sample).best()
    return (best.encoding, data.decode(best.encoding, errors="replace")) if best else None


def is_binary(data: bytes) -> bool:
    """True for data that is no text in any encoding we read: many control bytes, no BOM."""
    if any(data.startswith(bom) for bom, _ in BOMS):
        return False
    sample = data[:DETECT_SAMPLE_BYTES]
    controls = len(sample) - len(sample.translate(None, CONTROL_BYTES))
    return controls > len(sample) * 0.05


def read_file(path: str | Path, data: bytes | None = None) -> SourceText:
    """Decode one file (or its `data`, already read) into lines (CRLF, CR or LF), reporting the
    encoding used and any damage."""
    name = str(path)
    data = Path(path).read_bytes() if data is None else data
    diagnostics: list[Diagnostic] = []
    if not data.strip():
        diagnostics.append(Diagnostic(name, 0, "warning", "empty_file", "the file is empty"))
        return SourceText(name, "", [], data, diagnostics)
    decoded = None if is_binary(data) else decode(data)
    if decoded is None:
        diagnostics.append(Diagnostic(name, 0, "error", "undecodable",
                                      "cannot decode: not text in UTF-8, UTF-16, GB18030 or Big5"))
        return SourceText(name, "", [], data, diagnostics)
    encoding, text = decoded
    if encoding not in ("utf-8", "utf-8-sig"):
        diagnostics.append(Diagnostic(name, 0, "info", "encoding", f"decoded as {encoding}"))
    # Lines end at \r\n, \r or \n only (str.splitlines would also break at \f, \x1c, \u2028…).
    lines = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    for number, line in enumerate(lines, 1):
        if "\x00" in line:
            lines[number - 1] = line.replace("\x00", "")
            diagnostics.append(Diagnostic(name, number, "warning", "nul_bytes", "NUL bytes removed"))
        if "\ufffd" in line:
            diagnostics.append(Diagnostic(name, number, "warning", "decode_errors",
                                          f"bytes not valid in {encoding} replaced by U+FFFD"))
    return SourceText(name, encoding, lines, data, diagnostics)
