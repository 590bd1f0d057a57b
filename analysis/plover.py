"""The events as JSON lines in the PLOVER event-data shape, to load beside POLECAT data."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from .tables import Tables

MAPPING_PATH = Path(__file__).parent / "data" / "plover.yaml"


def plover_records(tables: Tables, mapping_path: str | Path = MAPPING_PATH) -> list[dict]:
    """One PLOVER record per event: CONSULT with its mode, actor (China's principal), recipient
    (the counterpart), date, and contexts from the topics."""
    mapping = yaml.safe_load(Path(mapping_path).read_text(encoding="utf-8"))
    topics = tables.event_topics.groupby("event_id").topic.agg(lambda t: sorted(set(t))).to_dict()
    records = []
    for e in tables.events.itertuples():
        multilateral = e.event_type in ("video_conference", "meeting") and e.counterpart_org and not e.counterpart_country
        records.append({
            "event_id": e.event_id,
            "event_date": e.date or None,
            "event_type": mapping["event_type"],
            "mode": mapping["multilateral_mode"] if multilateral else mapping["modes"].get(e.event_type, ""),
            "actor": {"name": e.principal_en, "name_zh": e.principal_zh, "role": e.principal_role_en,
                      "country": "CHN", "sector": "police"},
            "recipient": {"name": e.counterpart_en or e.counterpart_zh, "name_zh": e.counterpart_zh,
                          "role": e.counterpart_role_en, "country": e.counterpart_country or None,
                          "organisation": e.counterpart_org or None},
            "contexts": sorted({mapping["contexts"].get(t, t) for t in topics.get(e.event_id, [])}),
            "topics": topics.get(e.event_id, []),
            "cameo_code": e.cameo_code,
            "source": {"file": e.source_file, "zh_article": e.zh_article_id, "en_article": e.en_article_id},
        })
    return records


def write_plover(tables: Tables, path: str | Path) -> Path:
    """Write the PLOVER records as JSON lines (sorted keys, one event per line)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [json.dumps(r, ensure_ascii=False, sort_keys=True) for r in plover_records(tables)]
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path
