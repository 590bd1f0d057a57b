"""Variants of the seed corpus for tests: other scripts, encodings, line ends, orders and file layouts.

The article blocks below are the line ranges of the seeds as a reader sees them; the variants are
built from them, not from the code under test.
"""

from __future__ import annotations

import random
from pathlib import Path

from analysis.text import line_lang, to_simplified

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SEED_000 = SEEDS / "000_23ddb913fd91f9e4.txt"
SEED_002 = SEEDS / "002_0526a90c87bf4ba3.txt"
# (first line, last line) of every article version, 1-based, credits included.
BLOCKS = {
    SEED_000.name: [(1, 5), (6, 10), (11, 17), (18, 24), (25, 32), (33, 39)],
    SEED_002.name: [(1, 7), (8, 13), (14, 19), (20, 25), (26, 31), (32, 37), (38, 43), (44, 49)],
}


def seed_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def write_variant(out: Path, kind: str) -> Path:
    """Write the seeds as variant `kind` into folder `out`; returns the folder."""
    out.mkdir(parents=True, exist_ok=True)
    blocks = [(path.name, seed_lines(path)[a - 1:b]) for path in (SEED_000, SEED_002) for a, b in BLOCKS[path.name]]
    if kind == "simplified":
        for path in (SEED_000, SEED_002):
            (out / path.name).write_text("\n".join(to_simplified(l) for l in seed_lines(path)) + "\n", encoding="utf-8")
    elif kind == "gb18030":
        for path in (SEED_000, SEED_002):
            (out / path.name).write_bytes(path.read_text(encoding="utf-8").encode("gb18030"))
    elif kind == "crlf_bom":
        for path in (SEED_000, SEED_002):
            (out / path.name).write_bytes(b"\xef\xbb\xbf" + "\r\n".join(seed_lines(path)).encode("utf-8") + b"\r\n")
    elif kind == "shuffled":
        for name in BLOCKS:
            own = [lines for file, lines in blocks if file == name]
            random.Random(7).shuffle(own)
            (out / name).write_text("\n".join(l for lines in own for l in lines) + "\n", encoding="utf-8")
    elif kind == "split":
        for number, (name, lines) in enumerate(blocks):
            (out / f"{Path(name).stem}_{number:02d}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    elif kind in ("zh_only", "en_only"):
        keep = kind[:2]
        for path in (SEED_000, SEED_002):
            kept = [l for l in seed_lines(path) if line_lang(l) in (keep, "")]
            (out / path.name).write_text("\n".join(kept) + "\n", encoding="utf-8")
    else:
        raise ValueError(kind)
    return out
