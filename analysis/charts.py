"""The report's figures: counterpart timeline, topics over time and by counterpart, attendance.

Every figure is readable at A4 and in grey print: event types differ by marker shape as well as
colour, and heatmaps use a sequential map whose lightness carries the value.
"""

from __future__ import annotations

import base64
import html
from pathlib import Path

import matplotlib.pyplot as plt
import networkx as nx
import pandas as pd

from .figures import save_figure

# Shape and colour per event type (colours from the colour-blind-safe Okabe–Ito set).
TYPE_STYLE = {
    "phone_call": ("o", "#0072B2", "phone call / 通電話"),
    "video_conference": ("s", "#E69F00", "video conference / 視頻會議"),
    "meeting": ("^", "#009E73", "meeting / 會見"),
    "event": ("D", "#CC79A7", "event / 活動"),
}
MAX_LANES = 20
WIDTH = 8.3  # inches: an A4 page's text width with margins, at 100 %


def dated(dates: pd.Series) -> pd.Series:
    """Which dates are whole days (YYYY-MM-DD) that a time axis can place: not empty, and not a
    month and day without a year (--MM-DD)."""
    return dates.fillna("").str.fullmatch(r"\d{4}-\d{2}-\d{2}")


def plain(label: str) -> str:
    """A label from the corpus, safe for matplotlib (a `$` would start mathtext)."""
    return str(label).replace("$", r"\$")


def counterpart_timeline(events: pd.DataFrame, lane_labels: dict[str, str]):
    """One lane per country or organisation, one mark per event, shaped by type."""
    ev = events[dated(events.date)].copy()
    ev["lane"] = [r.counterpart_country or r.counterpart_org or "other" for r in ev.itertuples()]
    counts = ev.lane.value_counts()
    top = list(counts.index[:MAX_LANES])
    ev.loc[~ev.lane.isin(top), "lane"] = "other"
    lanes = sorted(set(ev.lane), key=lambda lane: (lane == "other", -counts.get(lane, 0), lane))
    fig, ax = plt.subplots(figsize=(WIDTH, 1.4 + 0.42 * max(len(lanes), 1)), dpi=150, layout="constrained")
    ev["when"] = pd.to_datetime(ev.date)
    y = {lane: i for i, lane in enumerate(lanes)}
    for event_type, (marker, colour, label) in TYPE_STYLE.items():
        part = ev[ev.event_type == event_type]
        if len(part):
            ax.scatter(part.when, part.lane.map(y), marker=marker, s=70, color=colour, edgecolor="black",
                       linewidth=0.6, label=label, zorder=3)
    ax.set_yticks(range(len(lanes)), [plain(lane_labels.get(lane, lane)) for lane in lanes])
    ax.set_ylim(len(lanes) - 0.5, -0.5)
    ax.grid(axis="x", color="#dddddd")
    ax.set_xlabel("date / 日期")
    ax.set_title("Counterparts over time / 會見與通話對象時間線")
    if len(ev):
        fig.legend(loc="outside lower center", ncols=4, frameon=False)
        ax.tick_params(axis="x", labelrotation=30)
    return fig


def topics_over_time(topic_rows: pd.DataFrame, events: pd.DataFrame, labels: dict[str, str]):
    """Events per topic and quarter, as a heatmap (topics × quarters)."""
    dates = events.set_index("event_id").date
    t = topic_rows.drop_duplicates(["event_id", "topic"]).assign(date=lambda d: d.event_id.map(dates))
    t = t[dated(t.date)]
    t["quarter"] = pd.PeriodIndex(pd.to_datetime(t.date), freq="Q").astype(str)
    table = t.pivot_table(index="topic", columns="quarter", values="event_id", aggfunc="count", fill_value=0)
    return _heatmap(table, labels, "quarter / 季度", "Topics over time (events per quarter) / 議題隨時間變化")


def topics_by_counterpart(topic_rows: pd.DataFrame, events: pd.DataFrame, labels: dict[str, str],
                          lane_labels: dict[str, str]):
    """Heatmap of topics × countries or organisations: how many engagements raised each topic."""
    where = {r.event_id: r.counterpart_country or r.counterpart_org or "other" for r in events.itertuples()}
    t = topic_rows.drop_duplicates(["event_id", "topic"]).assign(where=lambda d: d.event_id.map(where))
    table = t.pivot_table(index="topic", columns="where", values="event_id", aggfunc="count", fill_value=0)
    if table.shape[1] > MAX_LANES:
        table = table[table.sum().sort_values(ascending=False).index[:MAX_LANES]]
    table.columns = [lane_labels.get(c, c) for c in table.columns]
    return _heatmap(table, labels, "counterpart / 對象", "Topics by counterpart / 各對象的議題")


def _heatmap(table: pd.DataFrame, labels: dict[str, str], xlabel: str, title: str):
    fig, ax = plt.subplots(figsize=(WIDTH, 1.6 + 0.4 * max(len(table), 1)), dpi=150, layout="constrained")
    if table.empty:
        ax.text(0.5, 0.5, "no topics in this selection / 無議題", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        ax.set_title(title)
        return fig
    image = ax.imshow(table.values, cmap="Greys", aspect="auto", vmin=0)
    ax.set_yticks(range(len(table)), [plain(labels.get(t, t)) for t in table.index])
    ax.set_xticks(range(table.shape[1]), [plain(c) for c in table.columns], rotation=45, ha="right")
    peak = table.values.max()
    for (i, j), value in pd.DataFrame(table.values).stack().items():
        if value:
            ax.text(j, i, int(value), ha="center", va="center", color="white" if value > peak / 2 else "black", fontsize=8)
    ax.set_xlabel(xlabel)
    ax.set_title(title)
    fig.colorbar(image, ax=ax, label="events / 次數", shrink=0.8)
    return fig


def attendance_matrix(attendees: pd.DataFrame, events: pd.DataFrame, max_people: int = 25, max_events: int = 40):
    """Which officials attended which engagements: officials × events sorted by date (a dot = present)."""
    ev = events.sort_values(["date", "event_id"]).tail(max_events)
    att = attendees[attendees.event_id.isin(set(ev.event_id))]
    people = att.assign(who=att.name_en + " " + att.name_zh).who.value_counts().index[:max_people]
    fig, ax = plt.subplots(figsize=(WIDTH, 1.8 + 0.3 * max(len(people), 1)), dpi=150, layout="constrained")
    x = {eid: i for i, eid in enumerate(ev.event_id)}
    y = {who: i for i, who in enumerate(people)}
    who = att.name_en + " " + att.name_zh
    keep = who.isin(y)
    ax.scatter(att.event_id[keep].map(x), who[keep].map(y), marker="s", s=60, color="#0072B2", edgecolor="black")
    ax.set_yticks(range(len(people)), [plain(p) for p in people])
    ax.set_ylim(len(people) - 0.5, -0.5)
    ax.set_xticks(range(len(ev)), [plain(f"{d} {c or o or ''}") for d, c, o in
                                   zip(ev.date, ev.counterpart_country, ev.counterpart_org)], rotation=60, ha="right")
    ax.grid(color="#eeeeee")
    ax.set_title("Who attended which engagement / 出席人員矩陣")
    return fig


def attendance_over_time(attendees: pd.DataFrame, events: pd.DataFrame):
    """Named attendees per engagement over time, as bars by quarter."""
    dates = events.set_index("event_id").date
    att = attendees.assign(date=attendees.event_id.map(dates))
    att = att[dated(att.date)]
    per_quarter = att.groupby(pd.PeriodIndex(pd.to_datetime(att.date), freq="Q").astype(str)).size()
    ev = events[dated(events.date)]
    events_q = ev.groupby(pd.PeriodIndex(pd.to_datetime(ev.date), freq="Q").astype(str)).size()
    table = pd.DataFrame({"attendees / 出席人次": per_quarter, "events / 活動": events_q}).fillna(0)
    fig, ax = plt.subplots(figsize=(WIDTH, 3.2), dpi=150, layout="constrained")
    if len(table):
        table.plot.bar(ax=ax, color=["#0072B2", "#BBBBBB"], edgecolor="black", rot=0)
    ax.set_xlabel("quarter / 季度")
    ax.set_ylabel("count / 數量")
    ax.set_title("Attendance over time / 出席人次隨時間變化")
    return fig


def coattendance_network(attendees: pd.DataFrame, max_people: int = 30):
    """Who attends with whom: officials as nodes, an edge for every engagement attended together."""
    att = attendees.assign(who=attendees.name_en + "\n" + attendees.name_zh)
    keep = att.who.value_counts().index[:max_people]
    att = att[att.who.isin(keep)]
    graph = nx.Graph()
    for _, group in att.groupby("event_id"):
        names = sorted(set(group.who))
        graph.add_nodes_from(names)
        for i, a in enumerate(names):
            for b in names[i + 1:]:
                weight = graph.get_edge_data(a, b, {"weight": 0})["weight"] + 1
                graph.add_edge(a, b, weight=weight)
    fig, ax = plt.subplots(figsize=(WIDTH, 5), dpi=150, layout="constrained")
    ax.set_axis_off()
    ax.margins(0.12)
    ax.set_title("Who attends with whom / 共同出席網絡")
    if not graph.number_of_nodes():
        ax.text(0.5, 0.5, "no attendees in this selection / 無出席人員", ha="center", va="center", transform=ax.transAxes)
        return fig
    layout = nx.spring_layout(graph, seed=7, k=1.2 / max(graph.number_of_nodes(), 1) ** 0.5)
    sizes = [900 + 300 * att.who.eq(n).sum() for n in graph.nodes]
    widths = [0.8 + 0.8 * d["weight"] for _, _, d in graph.edges(data=True)]
    nx.draw_networkx_edges(graph, layout, ax=ax, width=widths, edge_color="#888888")
    nx.draw_networkx_nodes(graph, layout, ax=ax, node_size=sizes, node_color="#DDDDDD", edgecolors="black")
    nx.draw_networkx_labels(graph, layout, ax=ax, labels={n: plain(n) for n in graph.nodes}, font_size=9,
                            font_family=plt.rcParams["font.sans-serif"][0])
    return fig


def figure_html(fig, name: str, caption: str, alt: str, dirs: list[Path]) -> str:
    """Save the figure (PNG and SVG) and return an HTML <figure> with the PNG embedded, alt text and caption."""
    png = save_figure(fig, name, dirs)
    plt.close(fig)
    data = base64.b64encode(png).decode()
    return (f'<figure id="fig-{name}"><img src="data:image/png;base64,{data}" alt="{html.escape(alt)}">'
            f"<figcaption>{html.escape(caption)}</figcaption></figure>")
