"""Figures: the PNG drawn once matches savefig's tight PNG; SVGs held back are written later; the
time axes skip dates without a year."""

import io

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from PIL import Image

from analysis import charts, figures


def sample_figure():
    fig, ax = plt.subplots(figsize=(4, 2), dpi=100, layout="constrained")
    ax.plot([0, 1, 2], [2, 0, 1])
    ax.set_title("a title that reaches the edge of the figure, and further")
    ax.set_ylabel("count")
    return fig


def pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGBA")).astype(int)


def test_png_drawn_once_looks_like_savefigs_tight_png():
    fig = sample_figure()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", bbox_inches="tight", metadata={"Software": None})
    png, bbox = figures.render_png(sample_figure())
    ours, theirs = pixels(png), pixels(buffer.getvalue())
    assert ours.shape == theirs.shape
    # The same picture, give or take a pixel's offset in the antialiasing.
    assert (np.abs(ours - theirs) > 64).mean() < 0.05
    assert png == figures.render_png(sample_figure())[0]  # reproducible
    assert bbox.width > 4  # the title overhangs: the padding past the edge is background


def test_svgs_held_back_are_written_by_write_deferred_svgs(tmp_path, monkeypatch):
    monkeypatch.setattr(figures, "_deferred_svgs", None)
    figures.save_figure(sample_figure(), "now", [tmp_path])
    assert {path.name for path in tmp_path.iterdir()} == {"now.png", "now.svg"}
    figures.defer_svgs()
    png = figures.save_figure(sample_figure(), "later", [tmp_path / "a", tmp_path / "b"])
    assert (tmp_path / "a" / "later.png").read_bytes() == png
    assert not (tmp_path / "a" / "later.svg").exists()
    assert figures.write_deferred_svgs() == 1
    for folder in ("a", "b"):
        assert (tmp_path / folder / "later.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")
    assert figures.write_deferred_svgs() == 0


def test_time_axes_skip_dates_without_a_year():
    figures.setup_fonts()
    events = pd.DataFrame({
        "event_id": ["a", "b", "c"], "date": ["2020-01-02", "--02-24", ""], "event_type": ["meeting"] * 3,
        "counterpart_country": ["PAK", "HUN", ""], "counterpart_org": ["", "", "SCO"],
    })
    attendees = pd.DataFrame({"event_id": ["a", "b"], "name_en": ["Xie Feng", "Lin Rui"], "name_zh": ["謝鋒", "林銳"]})
    topics = pd.DataFrame({"event_id": ["a", "b"], "topic": ["counter_terrorism"] * 2})
    assert charts.dated(events.date).tolist() == [True, False, False]
    for fig in (charts.counterpart_timeline(events, {}), charts.topics_over_time(topics, events, {}),
                charts.attendance_over_time(attendees, events)):
        figures.render_png(fig)
        plt.close(fig)
