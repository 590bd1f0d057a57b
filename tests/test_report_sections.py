"""The report's content: filters applied the same way in every section, escaping, and a rendered
filtered report with hostile markup in the corpus."""

from __future__ import annotations

import html as html_lib
import re
import shutil
import subprocess
import sys

import pandas as pd
import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from analysis import sections
from analysis.bench import generate_corpus, seed_blocks
from analysis.corpus import corpus_summary
from analysis.params import ROOT, corpus_files, validate
from analysis.pipeline import extract
from analysis.plover import plover_records
from analysis.select import filter_tables
from analysis.topics import DEFAULT_PATH as LEXICON
from analysis.topics import evidence_spans, load_lexicon
from variants import SEED_000, SEED_002, write_variant

SECTIONS = ["1. Summary", "2. Counterparts", "3. Topics", "4. Attendees", "5. Event catalogue", "6. Data quality",
            "7. Method"]
HOSTILE = "<script>alert('x')</script><b>bold</b>"


def run(tmp_path, **params):
    return sections.prepare_run(validate({"corpus": [str(ROOT / "seeds")], **params}), tmp_path / "run")


def test_date_filter_keeps_the_2021_events_in_every_table(tmp_path):
    everything, chosen = run(tmp_path, start_date="2021-01-01")
    assert len(everything.events) == 7
    assert sorted(chosen.events.date) == ["2021-06-25", "2021-07-17", "2021-07-28"]
    ids = set(chosen.events.event_id)
    for table in (chosen.attendees, chosen.event_topics, chosen.articles):
        assert set(table.event_id) <= ids and len(table)
    assert set(chosen.attendees.name_en) == {"Xie Feng", "Xu Ganlu"}
    assert len(sections.catalogue(chosen)) == 3
    assert (tmp_path / "run" / "tables" / "events.csv").read_text(encoding="utf-8").count("\n") == 4


def test_country_filter_and_counterpart_change(tmp_path):
    _, chosen = run(tmp_path, countries=["PAK"])
    assert sorted(chosen.events.date) == ["2020-09-07", "2021-07-17"]
    changes = sections.counterpart_changes(chosen.events)
    assert list(changes.counterpart) == ["Ijaz Ahmad Shah", "Sheikh Rasheed Ahmad"]
    assert list(changes["first"]) == ["2020-09-07", "2021-07-17"]
    records = plover_records(chosen)
    assert {r["mode"] for r in records} == {"phone"} and {r["event_type"] for r in records} == {"CONSULT"}
    assert all(r["recipient"]["country"] == "PAK" and "terrorism" in r["contexts"] for r in records)


def test_organisation_principal_and_topic_filters(tmp_path):
    _, chosen = run(tmp_path, organisations=["sco", "IOM"])
    assert sorted(chosen.events.counterpart_org) == ["IOM", "SCO"]
    _, chosen = run(tmp_path, principals=["許甘露"])
    assert list(chosen.events.date) == ["2021-06-25"]
    _, chosen = run(tmp_path, topics=["cpec_security"])
    assert sorted(chosen.events.date) == ["2020-09-07", "2021-07-17"]
    assert set(chosen.event_topics.topic) == {"cpec_security"}


def test_unknown_topic_is_named(tmp_path):
    with pytest.raises(ValueError, match="unknown topic 'cyber'"):
        run(tmp_path, topics=["cyber"])


def test_tables_escape_markup():
    import pandas as pd

    html = sections.html_table(pd.DataFrame({"title": [HOSTILE], "n": [1]}))
    assert "<script>" not in html and "&lt;script&gt;" in html and "<b>" not in html


def test_long_tables_are_cut_with_a_summary():
    import pandas as pd

    html = sections.html_table(pd.DataFrame({"n": range(100)}), limit=10)
    assert html.count("<tr>") == 11 and "90 more rows" in html


@pytest.fixture(scope="module")
def pakistan_report(tmp_path_factory):
    """The report of the seeds plus a copy with markup injected, filtered to Pakistan."""
    tmp = tmp_path_factory.mktemp("hostile")
    corpus = tmp / "corpus"
    corpus.mkdir()
    shutil.copy(SEED_002, corpus)
    lines = SEED_000.read_text(encoding="utf-8").splitlines()
    lines[17] = "Urgent Phone Talks " + HOSTILE  # the English title of the 2021 Pakistan call
    (corpus / SEED_000.name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    params = tmp / "params.yaml"
    params.write_text(f"corpus: [{corpus}]\ncountries: [PAK]\noutput: pak\ntitle: Pakistan\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "analysis", "report", "--params", str(params),
                           "--reports-dir", str(tmp / "reports")], cwd=ROOT, capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, done.stderr
    return tmp / "reports"


def test_rendered_report_has_every_section_and_only_the_filtered_events(pakistan_report):
    html = (pakistan_report / "pak.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    headings = [h.get_text() for h in soup.find_all("h2")]
    for section in SECTIONS:
        assert any(h.startswith(section) for h in headings), headings
    assert len(soup.select("div.event")) == 2
    assert "Sheikh Rasheed Ahmad" in html and "Ijaz Ahmad Shah" in html
    assert "Sándor Pintér" not in html and "Giuseppe Crocetti" not in html
    assert len(soup.select("figure img[alt]")) >= 6
    pdf_text = "".join(page.extract_text() for page in PdfReader(pakistan_report / "pak.pdf").pages)
    assert "拉希德" in pdf_text and "平特" not in pdf_text


def test_corpus_markup_is_escaped_in_the_report(pakistan_report):
    html = (pakistan_report / "pak.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    assert not soup.find_all("script") and not soup.find_all("b")
    assert "&lt;script&gt;alert(" in html


def test_run_folder_has_tables_and_plover_events(pakistan_report):
    tables = pakistan_report / "pak" / "tables"
    for name in ("articles", "events", "attendees", "event_topics", "repairs", "diagnostics"):
        assert (tables / f"{name}.csv").is_file() and (tables / f"{name}.parquet").is_file()
    assert len((tables / "events_plover.jsonl").read_text(encoding="utf-8").splitlines()) == 2


def test_misspelt_parameter_overwrites_nothing(pakistan_report, tmp_path):
    before = (pakistan_report / "pak.html").stat().st_mtime_ns
    params = tmp_path / "bad.yaml"
    params.write_text("output: pak\nstart_dat: 2021-01-01\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "analysis", "report", "--params", str(params),
                           "--reports-dir", str(pakistan_report)], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode != 0 and "start_dat" in done.stderr and "start_date" in done.stderr
    assert (pakistan_report / "pak.html").stat().st_mtime_ns == before


# ---------------------------------------------------------------- every section on any selection

@pytest.fixture(scope="module")
def seeds():
    return extract([str(ROOT / "seeds")])


@pytest.fixture(scope="module")
def large(tmp_path_factory):
    """A corpus of 1,000 article versions in 95 files, built from the seeds as the benchmark does."""
    corpus = tmp_path_factory.mktemp("large") / "corpus"
    generate_corpus(corpus, 1000, seed_blocks())
    return extract([str(corpus)])


SELECTIONS = {
    "none": {"countries": ["USA"]},
    "one engagement": {"principals": ["許甘露"]},
    "one country": {"countries": ["PAK"]},
    "whole corpus": {},
}


def select(tables, **filters):
    params = validate(filters)
    return params, filter_tables(tables, params.start_date, params.end_date, params.countries, params.organisations,
                                 params.principals, params.topics)


def render_sections(everything, chosen, params) -> dict[str, str]:
    """Every section's output as the notebooks show it (tables as HTML)."""
    labels = sections.topic_labels(str(LEXICON))
    tables = {
        "overview": sections.overview(everything, chosen).reset_index(names=""),
        "events by type": sections.events_by_type(chosen.events),
        "parameters": sections.parameters_table(params),
        "counterparts": sections.counterparts(chosen.events),
        "changes of counterpart": sections.counterpart_changes(chosen.events),
        "evidence": sections.topic_evidence(chosen, str(LEXICON)),
        "officials": sections.attendance(chosen),
        "principals": sections.principals(chosen.events),
        "repairs": sections.repairs_by_kind(chosen.repairs),
        "diagnostics": sections.diagnostics_by_code(chosen.diagnostics),
        "unpaired": sections.diagnostics_of(chosen.diagnostics, ["unpaired"]),
        "inferred years": sections.inferred_years(chosen),
    }
    shown = {name: sections.html_table(table) for name, table in tables.items()}
    shown["key findings"] = sections.key_findings(everything, chosen, str(LEXICON))
    shown["nothing selected"] = sections.nothing_selected(everything, chosen, params)
    shown["what changed"] = sections.changes_since(params, chosen)
    shown["catalogue"] = sections.catalogue_html(chosen, labels)
    return shown


@pytest.mark.parametrize("selection", SELECTIONS)
def test_every_section_renders_the_selection(seeds, selection):
    params, chosen = select(seeds, **SELECTIONS[selection])
    shown = render_sections(seeds, chosen, params)
    expected = {"none": 0, "one engagement": 1, "one country": 2, "whole corpus": 7}[selection]
    assert len(chosen.events) == expected
    assert shown["catalogue"].count('class="event"') == expected
    assert ("No engagement in this selection" in shown["nothing selected"]) == (expected == 0)
    for name, output in shown.items():
        assert name == "nothing selected" or BeautifulSoup(output, "html.parser").get_text().strip(), name


def test_empty_selection_says_so_in_words(seeds):
    params, chosen = select(seeds, countries=["USA"])
    shown = render_sections(seeds, chosen, params)
    assert "none of the 7 engagements of the corpus passes the filters (countries USA)" in shown["nothing selected"]
    assert "No engagement in this selection (the whole corpus has 7)" in shown["key findings"]
    assert "No engagement in this selection" in shown["catalogue"]
    for name in ("counterparts", "evidence", "officials", "principals", "repairs"):
        assert "None in this selection." in shown[name], name


def test_every_section_renders_a_large_corpus(large):
    params, chosen = select(large)
    shown = render_sections(large, chosen, params)
    assert len(chosen.events) >= 400
    assert shown["catalogue"].count('class="event"') == 100 and "more events" in shown["catalogue"]
    evidence = sections.topic_evidence(chosen, str(LEXICON))
    assert evidence.groupby("topic").size().max() == 5  # five engagements per topic at most
    assert "more rows in the run folder" in shown["officials"] or len(sections.attendance(chosen)) <= sections.TOP_N
    assert f"{len(chosen.events):,} engagements from" in shown["key findings"]
    # Days whose year is unknown (--MM-DD) come after the dated ones and are no one's first or last date.
    assert (~sections.full_date(chosen.events.date)).any()
    assert sections.catalogue(chosen).date.str.match(r"\d{4}-").iloc[0]
    assert evidence.engagement.str.match(r"\d{4}-").all()
    for table in (sections.counterparts(chosen.events), sections.attendance(chosen), sections.principals(chosen.events)):
        assert sections.full_date(table["first"]).all() and sections.full_date(table["last"]).all()


# ---------------------------------------------------------------- evidence

def test_every_evidence_sentence_shows_the_words_that_matched(seeds, large):
    lexicon = load_lexicon()
    for tables in (seeds, large):
        rows = tables.event_topics
        assert all(evidence_spans(lexicon, r.topic, r.evidence, r.lang) for r in rows.itertuples())


def test_evidence_marks_the_words_in_a_window_of_the_sentence(seeds):
    evidence = sections.topic_evidence(seeds, str(LEXICON))
    labels = {t.label_en for t in load_lexicon().topics}
    assert set(evidence.topic) <= labels  # labels, not codes
    pakistan = evidence[(evidence.topic == "Counter-terrorism") & evidence.engagement.str.startswith("2020-09-07 PAK")]
    pakistan = pakistan.iloc[0]
    # The English sentence is 606 characters: the window reaches the word past the old 140-character cut.
    assert "<mark>anti-terrorism</mark>" in pakistan.English and pakistan.English.startswith("…")
    assert "<mark>反恐</mark>" in pakistan.中文 and len(BeautifulSoup(pakistan.中文, "html.parser").get_text()) < 70
    assert pakistan.engagement == "2020-09-07 PAK, 002_0526a90c87bf4ba3.txt lines 17 (zh), 23 (en)"
    # Both versions of every engagement side by side, each with its marked words.
    assert (evidence.中文.str.contains("<mark>") & evidence.English.str.contains("<mark>")).all()
    table = sections.html_table(evidence, limit=100)
    assert table.count("<mark>") >= 2 * len(evidence) and "&lt;mark&gt;" not in table


def test_evidence_window_escapes_corpus_text():
    sentence = "<b>Both</b> sides will fight <script>x</script> the three evil forces."
    spans = evidence_spans(load_lexicon(), "counter_terrorism", sentence, "en")
    cell = sections.marked_window(sentence, spans, "en")
    assert "<mark>three evil forces</mark>" in cell
    assert "<b>" not in cell and "<script>" not in cell and "&lt;script&gt;" in cell
    assert html_lib.unescape(re.sub("</?mark>", "", cell)) == sentence


def test_catalogue_shows_topic_labels(seeds):
    labels = sections.topic_labels(str(LEXICON))
    html = sections.catalogue_html(seeds, labels)
    assert "Counter-terrorism / 反恐" in html and "counter_terrorism" not in html


# ---------------------------------------------------------------- key findings

def test_key_findings_of_the_seeds(seeds):
    text = BeautifulSoup(sections.key_findings(seeds, seeds, str(LEXICON)), "html.parser").get_text()
    assert text.startswith("7 engagements from 2020-09-07 to 2021-07-28: 4 phone calls, 1 video conference, ")
    assert "Most engaged countries: Pakistan 巴基斯坦 (2)" in text
    assert "Most engaged organisations: SCO 上合組織 (1) and IOM 移民組織 (1)" in text
    assert "New counterparts since 2021-07-01: Sheikh Rasheed Ahmad (Pakistan 巴基斯坦, 2021-07-17)" in text
    assert "Topics most raised: Counter-terrorism (5), COVID-19 (5)" in text
    assert "before and from 2021-02-16, the middle of the period: Counter-terrorism 4 → 1" in text
    assert "Officials most often present: Cheng Guoping 程國平 (4), Meng Yang 孟揚 (4)" in text
    repairs = len(seeds.repairs)
    inferred = int(seeds.events.year_inferred.sum())
    assert f"Data quality: {repairs:,} repairs of damaged text (" in text
    assert f"0 unpaired articles, {inferred} dates with an inferred year." in text


def test_key_findings_new_counterparts_since_a_start_date(seeds):
    _, chosen = select(seeds, start_date="2021-01-01")
    text = sections.key_findings(seeds, chosen, str(LEXICON))
    assert "3 engagements from 2021-06-25 to 2021-07-28" in text
    assert "New counterparts since 2021-06-25: Giuseppe Crocetti (IOM 移民組織, 2021-06-25)" in text


def test_key_findings_name_five_new_counterparts_and_count_the_rest(seeds):
    import dataclasses

    names = ["Alder", "Birch", "Cedar", "Dogwood", "Elm", "Fir", "Gum"]
    events = seeds.events.assign(counterpart_en=[f"{name} Smith" for name in names])
    earlier = events.iloc[[0]].assign(event_id="2019-01-01-000000", date="2019-01-01", counterpart_en="Someone Else")
    everything = dataclasses.replace(seeds, events=pd.concat([earlier, events], ignore_index=True))
    text = sections.key_findings(everything, dataclasses.replace(seeds, events=events), str(LEXICON))
    assert "New counterparts since 2020-09-07: Alder Smith (Pakistan 巴基斯坦, 2020-09-07), Birch Smith " in text
    assert "Elm Smith" in text and "Fir Smith" not in text and "and 2 more (see the counterparts table)." in text


# ---------------------------------------------------------------- corpus, paths, tables

def test_many_files_are_summarised(tmp_path, seeds):
    corpus = write_variant(tmp_path / "split", "split")  # one file per article version
    summary = corpus_summary(corpus_files([str(corpus)]))
    assert len(summary) > sections.MANY_FILES
    html = sections.corpus_html(summary, extract([str(corpus)]).articles)
    soup = BeautifulSoup(html, "html.parser")
    tables = soup.select("table.data")
    assert len(tables) == 3  # by year, by language, the largest files
    rows = [[td.get_text() for td in row.select("td")] for row in tables[0].select("tbody tr")]
    assert [row[0] for row in rows][:2] == ["2020", "2021"] and {row[0] for row in rows} <= {"2020", "2021", "no year"}
    assert sum(int(row[1]) for row in rows) == len(summary)  # every file counted once
    assert len(tables[2].select("tbody tr")) == 10 and f"The {len(summary)} input files by year" in html
    few = corpus_summary(corpus_files(["seeds"]))
    assert BeautifulSoup(sections.corpus_html(few, seeds.articles), "html.parser").select("tbody tr").__len__() == 2


def test_paths_are_shown_relative_to_the_repository(tmp_path):
    params = validate({"corpus": [str(ROOT / "seeds")]})
    facts = sections.run_facts(params, ROOT / "reports" / "report")
    assert facts.set_index("item").value["run folder"] == "reports/report"
    assert sections.parameters_table(params).set_index("parameter").value["corpus"] == "seeds"
    assert sections.shown_path(tmp_path) == str(tmp_path)  # outside the repository: as it is


def test_table_columns_are_as_wide_as_their_longest_word():
    df = pd.DataFrame({"counterpart": ["Ijaz Ahmad Shah", "Representatives of international organizations"],
                       "中文": ["伊賈茲·沙阿", "上海合作組織成員國安全會議秘書第十五次會議"],
                       "engagements": [4, 1], "first": ["2020-09-07", "2021-07-17"]})
    soup = BeautifulSoup(sections.html_table(df), "html.parser")
    widths = [float(col["style"].split(":")[1].rstrip("%")) for col in soup.select("col")]
    letters = [w * sections.PAGE_LETTERS / 100 for w in widths]
    assert letters[0] >= len("Representatives") and letters[1] >= 2 * len("伊賈茲·沙阿")
    assert letters[2] >= len("engagements") and letters[3] >= len("2020-09-07")
    assert soup.select("thead tr th")  # a header row, repeated on each PDF page by the stylesheet


def test_report_of_an_empty_selection_renders_and_says_so(tmp_path):
    """`countries: [USA]` keeps no engagement of the seeds: every section still renders."""
    params = tmp_path / "params.yaml"
    params.write_text("countries: [USA]\noutput: usa\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "analysis", "report", "--params", str(params),
                           "--reports-dir", str(tmp_path / "reports")], cwd=ROOT, capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, done.stderr
    soup = BeautifulSoup((tmp_path / "reports" / "usa.html").read_text(encoding="utf-8"), "html.parser")
    headings = [h.get_text() for h in soup.find_all("h2")]
    for section in SECTIONS:
        assert any(h.startswith(section) for h in headings), headings
    text = soup.get_text(" ")
    assert "No engagement in this selection (the whole corpus has 7)" in text
    assert text.count("passes the filters (countries USA)") >= 5  # in place of each figure
    assert not soup.select("div.event")
    assert [img["alt"] for img in soup.select("figure img")] == [
        "Stacked horizontal bars, one per corpus file, of characters in Chinese and in English lines."]  # the corpus
    assert (tmp_path / "reports" / "usa.pdf").stat().st_size > 0


# ---------------------------------------------------------------- one engagement, many sources

def source_tables(reports: list[tuple], diagnostics: list[tuple] = ()):
    """Small tables: two engagements, and their reports as (event_id, file, lang, lines, outlet, how)."""
    from analysis.tables import Tables, frame

    events = [
        {"event_id": "2024-09-08-aaaaaa", "date": "2024-09-08", "event_type": "meeting", "principal_en": "Wang Xiaohong",
         "counterpart_en": "Ivica Dacic", "counterpart_country": "SRB", "source_file": "c/mps_zh.txt",
         "zh_article_id": "mps_zh:1", "zh_lines": "1-6", "title_en": "Wang meets Dacic"},
        {"event_id": "2024-10-01-bbbbbb", "date": "2024-10-01", "event_type": "phone_call", "principal_en": "Wang Xiaohong",
         "counterpart_en": "Mohsin Naqvi", "counterpart_country": "PAK", "source_file": "c/issue.txt",
         "en_article_id": "issue:10", "en_lines": "10-14", "title_en": "Phone talks"},
    ]
    rows = [{"event_id": e, "article_id": f"{f.split('.')[0]}:{a}", "source_file": f"c/{f}", "lang": lang,
             "line_start": a, "line_end": b, "outlet": outlet, "how": how}
            for e, f, lang, (a, b), outlet, how in reports]
    articles = [{"article_id": r["article_id"], "source_file": r["source_file"], "lang": r["lang"],
                 "line_start": r["line_start"], "line_end": r["line_end"], "event_id": r["event_id"]} for r in rows]
    return Tables(articles=frame("articles", articles), events=frame("events", events),
                  attendees=frame("attendees", []), event_topics=frame("event_topics", []),
                  repairs=frame("repairs", []),
                  diagnostics=frame("diagnostics", [dict(zip(["source_file", "line", "severity", "code", "message"], d))
                                                    for d in diagnostics]),
                  event_sources=frame("event_sources", rows))


SERBIA, PAKISTAN = "2024-09-08-aaaaaa", "2024-10-01-bbbbbb"
MANY_SOURCES = [
    (SERBIA, "mps_zh.txt", "zh", (1, 6), "Ministry of Public Security", "own"),
    (SERBIA, "xinhua_en.txt", "en", (1, 5), "Xinhua", "same_facts"),
    (SERBIA, "reprint.txt", "en", (3, 7), "Xinhua", "identical"),
    (SERBIA, "gt_en.txt", "en", (1, 5), "", "same_facts"),
    (PAKISTAN, "issue.txt", "en", (10, 14), "the newsletter", "own"),
]
SOURCE_DIAGNOSTICS = [
    ("c/reprint.txt", 3, "info", "duplicate_article", "same text as c/xinhua_en.txt:1: counted once, listed in event_sources"),
    ("c/mps_zh.txt", 1, "warning", "source_disagreement",
     f"{SERBIA}: the reports give date as '2024-09-08' (c/mps_zh.txt); '2024-09-07' (c/gt_en.txt); kept '2024-09-08'"),
    ("c/mps_zh.txt", 1, "warning", "source_disagreement",
     f"{SERBIA}: the reports give counterpart_en as 'Ivica Dacic' (c/mps_zh.txt); 'Dacic' (c/gt_en.txt); kept 'Ivica Dacic'"),
]


def test_headline_figures_count_engagements_not_reports():
    tables = source_tables(MANY_SOURCES, SOURCE_DIAGNOSTICS)
    figures = sections.overview(tables, tables)["this report"]
    assert figures["engagements"] == 2 and figures["reports of them"] == 5
    assert figures["engagements told more than once"] == 1 and figures["outlets"] == 3
    assert figures["copies counted once"] == 1 and figures["counterpart countries"] == 2
    text = BeautifulSoup(sections.key_findings(tables, tables, str(LEXICON)), "html.parser").get_text()
    assert text.startswith("2 engagements from 2024-09-08 to 2024-10-01: 1 meeting and 1 phone call. ")
    assert "read from 5 reports by 3 outlets; 1 engagement was told more than once." in text
    assert "1 copy of an article counted once, 2 disagreements between sources." in text


def test_catalogue_lists_every_source_of_an_engagement():
    tables = source_tables(MANY_SOURCES)
    source = sections.catalogue(tables).set_index("date").source
    assert source["2024-09-08"] == ("Ministry of Public Security: mps_zh.txt lines 1-6 (zh) · Xinhua: xinhua_en.txt "
                                    "lines 1-5 (en, other words); reprint.txt lines 3-7 (en, copy) · "
                                    "outlet not named: gt_en.txt lines 1-5 (en, other words)")
    assert source["2024-10-01"] == "the newsletter: issue.txt lines 10-14 (en)"
    html = sections.catalogue_html(tables)
    assert html.count('class="event"') == 2 and "sources</span> Ministry of Public Security: mps_zh.txt" in html


def test_catalogue_without_event_sources_gives_the_events_lines():
    """Tables written before event_sources existed (an earlier run folder) still show the lines."""
    import dataclasses

    tables = source_tables(MANY_SOURCES)
    tables = dataclasses.replace(tables, event_sources=tables.event_sources.iloc[0:0])
    assert list(sections.catalogue(tables).source) == ["mps_zh.txt:1-6 (zh)", "issue.txt:10-14 (en)"]


def test_outlets_table_counts_reports_and_engagements_one_outlet_alone_reported():
    tables = source_tables(MANY_SOURCES)
    table = sections.outlets_table(tables).set_index("outlet")
    assert list(table.index) == ["Xinhua", "Ministry of Public Security", "outlet not named", "the newsletter"]
    assert table.loc["Xinhua"].tolist() == [2, 1, 2, 1, 0]  # reports, copies, files, engagements, only this outlet
    assert table.loc["the newsletter"].tolist() == [1, 0, 1, 1, 1]
    single = sections.single_outlet_engagements(tables)
    assert single.to_dict("records") == [{"date": "2024-10-01", "engagement": "Wang Xiaohong → Mohsin Naqvi (PAK)",
                                          "outlet": "the newsletter", "reports": 1}]
    html = sections.outlets_html(tables)
    assert "1 of the 2 engagements in this selection was reported by one outlet only." in html
    assert "Engagements one outlet alone reported." in html


def test_data_quality_counts_copies_and_disagreements_between_sources():
    tables = source_tables(MANY_SOURCES, SOURCE_DIAGNOSTICS)
    checks = sections.source_checks(tables).set_index("check")["count"]
    assert checks["copies of an article counted once (duplicate_article)"] == 1
    assert checks["disagreements between sources (source_disagreement)"] == 2
    assert checks["… on date"] == 1 and checks["… on counterpart en"] == 1
    assert checks["engagements merged from reports in other words (same_facts)"] == 1
    listed = sections.diagnostics_of(tables.diagnostics, sections.SOURCE_CODES)
    assert list(listed["where"]) == ["mps_zh.txt:1", "mps_zh.txt:1", "reprint.txt:3"]
    assert list(listed.code) == ["source_disagreement", "source_disagreement", "duplicate_article"]
    assert listed.message.iloc[2].startswith("same text as xinhua_en.txt:1: ")  # files by name, as in `where`
    assert listed.message.str.contains("'2024-09-07' (gt_en.txt)", regex=False).any()


def test_source_sections_render_an_empty_selection():
    tables = source_tables(MANY_SOURCES, SOURCE_DIAGNOSTICS)
    params, chosen = select(tables, countries=["USA"])
    assert chosen.events.empty and chosen.event_sources.empty
    assert "None in this selection." in sections.outlets_html(chosen)
    assert sections.source_checks(chosen).set_index("check")["count"].sum() == 0
    assert "None in this selection." in sections.html_table(sections.diagnostics_of(chosen.diagnostics, sections.SOURCE_CODES))
    assert sections.overview(tables, chosen)["this report"]["reports of them"] == 0


def test_a_copy_of_a_seed_file_adds_sources_not_engagements(tmp_path, seeds):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for seed in (SEED_000, SEED_002):
        shutil.copy(seed, corpus)
    shutil.copy(SEED_000, corpus / "copy_of_000.txt")
    tables = extract([str(corpus)])
    figures = sections.overview(tables, tables)["this report"]
    assert figures["engagements"] == len(seeds.events) == 7
    assert figures["copies counted once"] == 6 and figures["reports of them"] == 20
    assert figures["engagements told more than once"] == 3
    catalogue = sections.catalogue(tables)
    assert catalogue.source.str.contains("copy_of_000.txt lines 1-5 (zh, copy), 18-24 (en, copy)", regex=False).sum() == 1
    assert sections.outlets_table(tables).copies.sum() == 6
    assert sections.source_checks(tables).set_index("check")["count"]["copies of an article counted once (duplicate_article)"] == 6
    text = BeautifulSoup(sections.key_findings(tables, tables, str(LEXICON)), "html.parser").get_text()
    assert text.startswith("7 engagements from 2020-09-07 to 2021-07-28")


def test_one_engagement_told_by_three_outlets(seeds):
    tables = extract([str(ROOT / "tests" / "fixtures" / "sources")])
    assert len(tables.events) == 1
    outlets = sections.outlets_table(tables)
    assert set(outlets.outlet) == {"Ministry of Public Security", "Xinhua", "Global Times"}
    assert (outlets["only this outlet"] == 0).all() and outlets.reports.sum() == 4
    source = sections.catalogue(tables).source.iloc[0]
    assert source.startswith("Ministry of Public Security: mps_zh.txt lines 1-6 (zh)")
    assert "(en, copy)" in source and "Global Times: globaltimes_en.txt" in source
    text = BeautifulSoup(sections.key_findings(tables, tables, str(LEXICON)), "html.parser").get_text()
    assert text.startswith("1 engagement on 2024-09-08: 1 meeting. Counted once, it was read from 4 reports by 3 outlets")
