"""One engagement, many sources: copies set aside, reports of one engagement merged, every report listed."""

from __future__ import annotations

import shutil
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.pipeline import extract

ROOT = Path(__file__).parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "sources"
SEED_FILES = sorted((ROOT / "seeds").glob("*.txt"))
# What an engagement is, whoever reported it: the columns that name a report are left out.
FACTS = ["date", "event_type", "principal_en", "principal_zh", "counterpart_en", "counterpart_zh",
         "counterpart_country", "counterpart_org"]
# An English report of the 2021-07-17 call in other words, by another outlet (written by the team).
OTHER_OUTLET = """Pakistan, China ministers discuss attack on Chinese nationals
Published: Jul 18, 2021 01:12 AM
Source: Global Times
Chinese State Councilor and Minister of Public Security Zhao Kezhi held an urgent phone call with Pakistani Interior Minister Sheikh Rasheed Ahmad on Saturday over the attack on Chinese personnel in Pakistan.
Rasheed said Pakistan would take the highest level of security measures.
"""


def facts(tables) -> list[tuple]:
    return sorted(tuple(row) for row in tables.events[FACTS].itertuples(index=False))


def test_one_engagement_told_by_three_outlets_and_a_reprint_is_one_event_with_four_sources():
    tables = extract([FIXTURE], progress=False)
    assert len(tables.events) == 1
    event = tables.events.iloc[0]
    assert (event.date, event.principal_zh, event.counterpart_country) == ("2024-09-08", "王小洪", "SRB")
    sources = tables.event_sources.set_index("source_file")
    sources.index = [Path(p).name for p in sources.index]
    assert sources.outlet.to_dict() == {"globaltimes_en.txt": "Global Times", "mps_zh.txt": "Ministry of Public Security",
                                        "reprint_of_xinhua_en.txt": "Xinhua", "xinhua_en.txt": "Xinhua"}
    assert sorted(sources.how) == ["identical", "own", "own", "same_facts"]
    assert (sources.event_id == event.event_id).all()
    duplicates = tables.diagnostics[tables.diagnostics.code == "duplicate_article"]
    assert len(duplicates) == 1 and "reprint_of_xinhua_en.txt:1" in duplicates.message.iloc[0]
    # The ministry's version is kept: its role of the counterpart, not the Global Times' shorter one.
    assert event.counterpart_role_en.startswith("First Deputy Prime Minister")
    assert list(tables.attendees.name_zh) == ["许甘露"]
    assert set(tables.articles.event_id) == {event.event_id}


def test_a_report_of_the_same_call_by_another_outlet_is_no_second_event(tmp_path):
    for path in SEED_FILES:
        shutil.copy(path, tmp_path)
    (tmp_path / "zz_global_times.txt").write_text(OTHER_OUTLET, encoding="utf-8")
    tables = extract([tmp_path], progress=False)
    assert len(tables.events) == 7
    call = tables.events[tables.events.date == "2021-07-17"].iloc[0]
    sources = tables.event_sources[tables.event_sources.event_id == call.event_id]
    assert set(sources.how) == {"own", "same_facts"} and "Global Times" in set(sources.outlet)


def test_two_engagements_of_one_day_with_one_country_stay_two(tmp_path):
    (tmp_path / "a.txt").write_text("""Minister meets Tajik president
On September 5, 2023, Chinese Minister of Public Security Wang Xiaohong met with Tajik President Emomali Rahmon in Dushanbe.
""", encoding="utf-8")
    (tmp_path / "b.txt").write_text("""Minister holds talks with Tajik interior minister
On September 5, 2023, Chinese Minister of Public Security Wang Xiaohong held talks with Tajik Minister of Internal Affairs Rustam Nazarzoda.
""", encoding="utf-8")
    assert len(extract([tmp_path], progress=False).events) == 2


def test_a_report_naming_one_of_several_counterparts_of_one_country_is_theirs_by_portfolio(tmp_path):
    (tmp_path / "a.txt").write_text("""郭声琨会见美国国土安全部长和司法部长
国务委员、公安部部长郭声琨12月7日在华盛顿会见美国国土安全部部长约翰逊。
同日,郭声琨会见美国司法部部长林奇。
""", encoding="utf-8")
    (tmp_path / "b.txt").write_text("""Chinese minister meets U.S. attorney general
WASHINGTON, Dec. 7, 2016 (Xinhua) -- Chinese Minister of Public Security Guo Shengkun met with U.S. Attorney General Loretta Lynch in Washington on Wednesday.
""", encoding="utf-8")
    events = extract([tmp_path], progress=False).events.fillna("")
    assert sorted(zip(events.counterpart_zh, events.counterpart_en)) == [("林奇", "Loretta Lynch"), ("约翰逊", "")]


def test_a_report_in_another_script_is_not_merged_into_one_of_several_engagements_with_its_country(tmp_path):
    (tmp_path / "a.txt").write_text("""郭声琨会见美国国土安全部长和司法部长
更新时间:2016-12-08 16:50
新华社华盛顿12月8日电 当地时间7日,国务委员、公安部部长郭声琨在华盛顿会见美国国土安全部部长约翰逊。
同日,郭声琨会见美国司法部部长林奇。
""", encoding="utf-8")
    (tmp_path / "b.txt").write_text("""Chinese minister meets U.S. attorney general
WASHINGTON, Dec. 8, 2016 (Xinhua) -- Chinese Minister of Public Security Guo Shengkun met with U.S. Attorney General Loretta Lynch in Washington on Thursday.
""", encoding="utf-8")
    events = extract([tmp_path], progress=False).events
    # which of a.txt's two engagements b.txt reports, no name says: it is not merged into either
    assert len(events) == 3 and not any("a.txt" in f and "b.txt" in f for f in events.source_file)


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(copied=st.lists(st.sampled_from(SEED_FILES + sorted(FIXTURE.glob("*.txt"))), max_size=3),
       order=st.permutations(list(range(len(SEED_FILES) + 1))))
def test_copies_and_the_order_of_files_change_no_engagement_only_its_sources(tmp_path_factory, copied, order):
    folder = tmp_path_factory.mktemp("corpus")
    files = SEED_FILES + [FIXTURE]
    baseline = extract(files, progress=False)
    for number, path in enumerate(copied):
        shutil.copy(path, folder / f"{number}_copy_{path.name}")
    tables = extract([files[i] for i in order] + [folder], progress=False)
    assert facts(tables) == facts(baseline)
    versions = baseline.articles.source_file.map(lambda p: Path(p).name).value_counts()
    added = sum(versions[path.name] for path in copied)  # every version of a copied file is one report more
    assert len(tables.event_sources) == len(baseline.event_sources) + added
    assert (tables.diagnostics.code == "duplicate_article").sum() == \
        (baseline.diagnostics.code == "duplicate_article").sum() + added


def test_a_file_of_the_same_bytes_is_read_once_and_every_row_names_its_own_file(tmp_path):
    shutil.copy(SEED_FILES[1], tmp_path / "issue.txt")
    shutil.copy(SEED_FILES[1], tmp_path / "reprint.txt")
    tables = extract([tmp_path], progress=False)
    alone = extract([SEED_FILES[1]], progress=False)
    assert facts(tables) == facts(alone)
    for table in ("articles", "repairs"):
        files = getattr(tables, table).source_file.map(lambda p: Path(p).name)
        assert files.value_counts().to_dict() == {"issue.txt": len(getattr(alone, table)),
                                                  "reprint.txt": len(getattr(alone, table))}, table
    diagnostics = tables.diagnostics.assign(file=tables.diagnostics.source_file.map(lambda p: Path(p).name))
    own = diagnostics[diagnostics.code != "duplicate_article"]
    assert sorted(own[own.file == "issue.txt"].code) == sorted(alone.diagnostics.code)
    # the reading's diagnostics are the copy's own too; those of the events only the kept copy's
    reading = own[own.code == "gbk_unrecoverable"]
    assert sorted(reading.file) == ["issue.txt", "reprint.txt"] and reading.line.nunique() == 1
    assert (diagnostics.code == "duplicate_article").sum() == len(alone.articles)
    reprinted = tables.event_sources[tables.event_sources.source_file.str.endswith("reprint.txt")]
    assert set(reprinted.how) == {"identical"} and len(reprinted) == len(alone.articles)
