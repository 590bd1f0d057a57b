"""Figure helpers: CJK-capable fonts, deterministic saving, and the report's figures."""

from __future__ import annotations

import io
from pathlib import Path

import matplotlib
import matplotlib.colors
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import PIL.Image
from matplotlib import font_manager
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.transforms import Bbox

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


# SVGs held back by defer_svgs() until write_deferred_svgs(): (figure, its PNG's bounds, name, folders).
_deferred_svgs: list | None = None


def defer_svgs() -> None:
    """Write the SVGs later, in write_deferred_svgs(), instead of in the cell that makes each figure.

    The report runner asks for this in each kernel and has the SVGs written while it typesets the
    PDF, on the core the notebooks no longer use; a notebook run on its own writes them at once."""
    global _deferred_svgs
    if _deferred_svgs is None:
        _deferred_svgs = []


def write_deferred_svgs() -> int:
    """Write the SVGs held back since defer_svgs(); returns how many."""
    pending = _deferred_svgs or []
    for fig, bbox, name, dirs in pending:
        _write_svg(fig, bbox, name, dirs)
    count = len(pending)
    pending.clear()
    return count


def render_png(fig) -> tuple[bytes, Bbox]:
    """The figure as PNG bytes cut to its tight bounds, byte-for-byte reproducible (no software
    stamp), and those bounds in inches.

    The figure is drawn once and the image cut out, where `savefig(bbox_inches="tight")` lays it
    out once to find the bounds and then draws it again; the padding past the figure's edge is
    filled with its background, as savefig does."""
    canvas = fig.canvas if isinstance(fig.canvas, FigureCanvasAgg) else FigureCanvasAgg(fig)
    canvas.draw()
    bbox = fig.get_tightbbox(canvas.get_renderer()).padded(matplotlib.rcParams["savefig.pad_inches"])
    width, height = canvas.get_width_height()
    # The size savefig gives (whole pixels, cut down); rows count from the top, y from the bottom.
    x0, top = round(bbox.x0 * fig.dpi), height - round(bbox.y1 * fig.dpi)
    x1, bottom = x0 + int(bbox.width * fig.dpi), top + int(bbox.height * fig.dpi)
    image = np.empty((bottom - top, x1 - x0, 4), np.uint8)
    image[:] = np.round(np.multiply(matplotlib.colors.to_rgba(fig.get_facecolor()), 255))
    drawn = np.asarray(canvas.buffer_rgba())
    inside = drawn[max(top, 0):min(bottom, height), max(x0, 0):min(x1, width)]
    image[max(-top, 0):max(-top, 0) + inside.shape[0], max(-x0, 0):max(-x0, 0) + inside.shape[1]] = inside
    if (image[..., 3] == 255).all():  # opaque: RGB, which WeasyPrint embeds without an alpha mask
        image = image[..., :3]
    buffer = io.BytesIO()
    PIL.Image.fromarray(image).save(buffer, format="png", dpi=(fig.dpi, fig.dpi))  # no software stamp
    return buffer.getvalue(), bbox


def _write_svg(fig, bbox: Bbox, name: str, dirs) -> None:
    """Write ``<name>.svg`` (no date: reproducible) with the PNG's bounds into each folder of ``dirs``."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="svg", metadata={"Date": None}, bbox_inches=bbox)
    for folder in dirs:
        (Path(folder) / f"{name}.svg").write_bytes(buffer.getvalue())


def save_figure(fig, name: str, dirs) -> bytes:
    """Write ``<name>.png`` and ``<name>.svg`` into each folder of ``dirs`` (the SVG later after
    defer_svgs()); returns the PNG bytes."""
    png, bbox = render_png(fig)
    for folder in dirs:
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{name}.png").write_bytes(png)
    if _deferred_svgs is None:
        _write_svg(fig, bbox, name, dirs)
    else:
        _deferred_svgs.append((fig, bbox, name, list(dirs)))
    return png


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
