"""The report's content: filters applied the same way in every section, escaping, and a rendered
filtered report with hostile markup in the corpus."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from analysis import sections
from analysis.params import ROOT, validate
from analysis.plover import plover_records
from variants import SEED_000, SEED_002

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
