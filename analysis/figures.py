"""Figure helpers: CJK-capable fonts, deterministic saving, and the report's figures."""

from __future__ import annotations

import io
from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib import font_manager

# Traditional first: the press releases are written in traditional characters.
CJK_FAMILIES = ("Noto Sans CJK TC", "Noto Sans CJK SC", "Noto Sans CJK JP")
LANGUAGE_LABELS = {"chinese": "中文 / Chinese", "english": "英文 / English"}


def setup_fonts() -> str:
    """Make matplotlib draw Chinese glyphs with an installed Noto Sans CJK font.

    Returns the family used; raises RuntimeError if none is installed.
    """
    installed = {font.name for font in font_manager.fontManager.ttflist}
    family = next((name for name in CJK_FAMILIES if name in installed), None)
    if family is None:
        raise RuntimeError(
            f"no CJK font found (looked for {', '.join(CJK_FAMILIES)}): "
            "install Debian's fonts-noto-cjk (make sysdeps)"
        )
    matplotlib.rcParams["font.family"] = "sans-serif"
    # Glyph-by-glyph fallback: CJK family first, DejaVu Sans (shipped with matplotlib) after.
    matplotlib.rcParams["font.sans-serif"] = [family, "DejaVu Sans"]
    matplotlib.rcParams["axes.unicode_minus"] = False
    matplotlib.rcParams["svg.hashsalt"] = "analysis"  # stable SVG element ids
    return family


def render_figure(fig) -> dict[str, bytes]:
    """The figure as PNG and SVG bytes, byte-for-byte reproducible (no dates, no software stamp)."""
    rendered = {}
    for fmt, meta in {"png": {"Software": None}, "svg": {"Date": None}}.items():
        buffer = io.BytesIO()
        fig.savefig(buffer, format=fmt, metadata=meta, bbox_inches="tight")
        rendered[fmt] = buffer.getvalue()
    return rendered


def save_figure(fig, name: str, dirs) -> dict[str, bytes]:
    """Write ``<name>.png`` and ``<name>.svg`` into each folder of ``dirs`` (rendered once);
    returns the rendered bytes by format."""
    rendered = render_figure(fig)
    for folder in dirs:
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        for fmt, data in rendered.items():
            (folder / f"{name}.{fmt}").write_bytes(data)
    return rendered


def corpus_figure(summary_df, max_bars: int = 20):
    """Horizontal stacked bars of characters per file, split into Chinese and English lines; past
    `max_bars` files, the largest are shown and the rest summed into one bar."""
    columns = [f"{language}_characters" for language in LANGUAGE_LABELS]
    shown = summary_df[["file", *columns]]
    if len(shown) > max_bars:
        largest = shown.assign(total=shown[columns].sum(axis=1)).nlargest(max_bars - 1, "total", keep="first")
        rest = shown.drop(largest.index)
        other = {"file": f"{len(rest)} other files / 其他文件", **rest[columns].sum().to_dict()}
        shown = pd.concat([largest[shown.columns], pd.DataFrame([other])], ignore_index=True)
    height = 1.6 + 0.35 * len(shown)
    fig, ax = plt.subplots(figsize=(8, height), dpi=150, layout="constrained")
    left = [0] * len(shown)
    for column, label in zip(columns, LANGUAGE_LABELS.values()):
        counts = shown[column].tolist()
        ax.barh(shown["file"], counts, left=left, label=label)
        left = [start + count for start, count in zip(left, counts)]
    ax.invert_yaxis()  # first file on top
    ax.set_xlabel("字符 / characters")
    fig.suptitle("每個文件的字符數 / Characters per file, by language")
    fig.legend(loc="outside lower center", ncols=len(LANGUAGE_LABELS))
    return fig
