"""What changed since an earlier run (analysis.compare and the report's section)."""

import dataclasses

import pandas as pd
import pytest

from analysis import sections
from analysis.compare import compare, earlier_run
from analysis.params import ROOT, ParameterError, validate
from analysis.pipeline import extract


@pytest.fixture(scope="module")
def seeds():
    return extract([str(ROOT / "seeds")])


@pytest.fixture
def earlier(seeds, tmp_path):
    """An earlier run folder whose tables differ from the seeds': one engagement it lacks (the
    Hungary call), one it has that the seeds lack, a counterpart's role and a topic changed."""
    ev = seeds.events
    hungary = ev.event_id[ev.counterpart_country == "HUN"].item()
    pakistan = ev.event_id[ev.date == "2020-09-07"].item()
    gone = ev[ev.counterpart_country == "TJK"].assign(event_id="2020-01-01-000000", date="2020-01-01")
    events = pd.concat([ev[ev.event_id != hungary], gone], ignore_index=True)
    events.loc[events.event_id == pakistan, "counterpart_role_en"] = "Interior Minister"
    topics = seeds.event_topics[~((seeds.event_topics.event_id == pakistan) & (seeds.event_topics.topic == "covid19"))]
    topics = pd.concat([topics, topics[topics.event_id == pakistan].head(1).assign(topic="migration")])
    dataclasses.replace(seeds, events=events, event_topics=topics).write(tmp_path / "old" / "tables")
    return tmp_path / "old", hungary, pakistan


def test_added_removed_and_changed_engagements(seeds, earlier):
    folder, hungary, pakistan = earlier
    table = compare(earlier_run(folder), seeds)
    assert list(table.change) == ["added", "removed", "changed"]
    assert table.event_id.tolist() == [hungary, "2020-01-01-000000", pakistan]
    assert table.counterpart[0] == "Sándor Pintér 平特 (HUN)"
    assert table["what changed"][2] == ("counterpart_role_en: Interior Minister → Minister of Interior; "
                                        "topics: + covid19, − migration")


def test_the_tables_folder_of_a_run_compares_the_same(seeds, earlier):
    folder, *_ = earlier
    assert compare(earlier_run(folder / "tables"), seeds).equals(compare(earlier_run(folder), seeds))


def test_same_tables_show_no_change(seeds, tmp_path):
    seeds.write(tmp_path / "same" / "tables")
    assert compare(earlier_run(tmp_path / "same"), seeds).empty
    text = sections.changes_since(validate({"compare_to": str(tmp_path / "same")}), seeds)
    assert "0 added, 0 removed, 0 changed, 7 unchanged." in text and "<table" not in text


def test_section_counts_and_lists_the_changes(seeds, earlier):
    folder, hungary, _ = earlier
    text = sections.changes_since(validate({"compare_to": str(folder)}), seeds)
    assert "1 added, 1 removed, 1 changed, 5 unchanged." in text
    assert hungary in text and "− migration" in text
    assert "No earlier run" in sections.changes_since(validate({}), seeds)


def test_a_column_the_earlier_run_lacks_is_not_a_change(seeds, tmp_path):
    dataclasses.replace(seeds, events=seeds.events.drop(columns="cameo_code")).write(tmp_path / "old" / "tables")
    assert compare(earlier_run(tmp_path / "old"), seeds).empty


def test_compare_to_must_name_a_folder_with_tables(tmp_path, earlier):
    folder, *_ = earlier
    assert validate({"compare_to": str(folder)}).compare_to == str(folder)
    assert validate({"compare_to": str(folder / "tables")}).compare_to == str(folder / "tables")
    with pytest.raises(ParameterError, match="is not a folder"):
        validate({"compare_to": str(tmp_path / "absent")})
    with pytest.raises(ParameterError, match="holds no tables"):
        validate({"compare_to": str(tmp_path)})
    with pytest.raises(ParameterError, match="compare_to must be null or the path"):
        validate({"compare_to": 3})
