"""A report run replaces the previous report only when it succeeds, stops on Ctrl-C, takes a lock,
and prints clean progress lines. Tiny notebooks stand in for the report's."""

import os
import re
import signal
import subprocess
import sys
import time

import nbformat
import pytest

from analysis.params import DEFAULTS, ROOT

KERNELSPEC = {"kernelspec": {"name": "analysis", "display_name": "analysis", "language": "python"}}
PREVIOUS = {"report.html": "<p>the previous report</p>", "report.pdf": "%PDF previous", "report/marker.txt": "previous run"}


def notebook(folder, name, *sources):
    """Write a notebook of a parameters cell and code cells ``sources`` into ``folder``."""
    folder.mkdir(exist_ok=True)
    cells = [nbformat.v4.new_code_cell(f"run_dir = {DEFAULTS['output']!r}", metadata={"tags": ["parameters"]})]
    cells += [nbformat.v4.new_code_cell(source) for source in sources]
    nbformat.write(nbformat.v4.new_notebook(cells=cells, metadata=KERNELSPEC), folder / name)


def previous_report(reports):
    """A report and run folder from an earlier run."""
    for name, text in PREVIOUS.items():
        (reports / name).parent.mkdir(parents=True, exist_ok=True)
        (reports / name).write_text(text, encoding="utf-8")


def assert_previous_report_kept(reports):
    for name, text in PREVIOUS.items():
        assert (reports / name).read_text(encoding="utf-8") == text, name
    assert not list(reports.glob(".report.run-*")), "the run's own folder is left behind"


def command(notebooks, reports):
    return [sys.executable, "-m", "analysis", "report", "--notebooks-dir", str(notebooks), "--reports-dir", str(reports)]


def run(notebooks, reports):
    return subprocess.run(command(notebooks, reports), cwd=ROOT, capture_output=True, text=True, timeout=300)


def start_sleeping_run(tmp_path):
    """Start a run whose notebook sleeps; return the process, the reports folder and the kernel's pid
    once the notebook is running."""
    notebooks, reports = tmp_path / "notebooks", tmp_path / "reports"
    notebook(notebooks, "01_sleeps.ipynb",
             "import os, pathlib, time\n"
             "pathlib.Path(run_dir, 'kernel.pid').write_text(str(os.getpid()))\n"
             "time.sleep(120)")
    previous_report(reports)
    process = subprocess.Popen(command(notebooks, reports), cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True)
    deadline = time.monotonic() + 120
    while not (started := list(reports.glob(".report.run-*/kernel.pid"))):
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "the notebook never started"
        time.sleep(0.1)
    time.sleep(0.2)  # the pid is written
    return process, reports, int(started[0].read_text())


def stop(process):
    if process.poll() is None:
        process.send_signal(signal.SIGINT)
    return process.communicate(timeout=30)


def test_a_run_that_succeeds_replaces_the_previous_report_and_prints_one_line_per_step(tmp_path):
    notebooks, reports = tmp_path / "notebooks", tmp_path / "reports"
    for number in range(1, 5):
        notebook(notebooks, f"0{number}_part.ipynb", f"from IPython.display import HTML\nHTML('<h2>Part {number} 中文</h2>')")
    previous_report(reports)
    done = run(notebooks, reports)
    assert done.returncode == 0, done.stderr
    assert "Part 3 中文" in (reports / "report.html").read_text(encoding="utf-8")
    assert (reports / "report.pdf").read_bytes().startswith(b"%PDF-")
    assert not (reports / "report" / "marker.txt").exists()
    assert sorted(path.name for path in (reports / "report" / "notebooks").iterdir()) == [
        "01_part.ipynb", "02_part.ipynb", "03_part.ipynb", "04_part.ipynb"]
    assert not list(reports.glob(".report.run-*")) and not (reports / "report.partial").exists()
    # Each step on a line of its own: four notebook lines, whatever order they finish in.
    lines = done.stdout.splitlines()
    progress = [line for line in lines if re.match(r"\[\d/4\] 0\d_part\.ipynb \(\d+\.\d s\)$", line)]
    assert len(progress) == 4, done.stdout
    assert [line[:5] for line in progress] == ["[1/4]", "[2/4]", "[3/4]", "[4/4]"]
    assert done.stdout.count("[") == len([line for line in lines if line.startswith("[")]), done.stdout
    assert f"Run folder: {reports / 'report'}" in lines
    assert "Traceback" not in done.stderr and "ZMQError" not in done.stderr, done.stderr


def test_a_failed_run_keeps_the_previous_report_and_says_where_its_notebooks_are(tmp_path):
    notebooks, reports = tmp_path / "notebooks", tmp_path / "reports"
    notebook(notebooks, "01_fails.ipynb", "x = 1", 'raise ValueError("boom from the test")')
    notebook(notebooks, "02_fine.ipynb", "y = 2")
    previous_report(reports)
    done = run(notebooks, reports)
    assert done.returncode == 1
    assert "notebook 01_fails.ipynb failed in cell" in done.stderr
    assert 'raise ValueError("boom from the test")' in done.stderr
    assert "ValueError: boom from the test" in done.stderr
    partial = reports / "report.partial" / "notebooks" / "01_fails.ipynb"
    assert f"partially executed notebook: {partial}" in done.stderr
    assert "boom from the test" in partial.read_text(encoding="utf-8")
    assert_previous_report_kept(reports)


def test_ctrl_c_stops_the_kernels_and_keeps_the_previous_report(tmp_path):
    process, reports, kernel = start_sleeping_run(tmp_path)
    interrupted = time.monotonic()
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=30)
    assert time.monotonic() - interrupted < 5
    assert process.returncode == 130, stderr
    assert "interrupted (SIGINT)" in stderr
    assert f"are in {reports / 'report.partial'}" in stderr
    assert (reports / "report.partial" / "notebooks" / "01_sleeps.ipynb").is_file()
    with pytest.raises(ProcessLookupError):
        os.kill(kernel, 0)  # the kernel is gone
    assert_previous_report_kept(reports)


def test_a_second_run_of_the_same_output_is_refused_while_the_first_runs(tmp_path):
    process, reports, _ = start_sleeping_run(tmp_path)
    try:
        second = run(tmp_path / "notebooks", reports)
    finally:
        stop(process)
    assert second.returncode == 1
    assert "another run is writing the report 'report'" in second.stderr
    assert f"pid {process.pid}" in second.stderr
    assert_previous_report_kept(reports)


def test_a_failed_extraction_keeps_the_previous_report(tmp_path):
    notebooks, reports = tmp_path / "notebooks", tmp_path / "reports"
    notebook(notebooks, "01_never_runs.ipynb", "x = 1")
    previous_report(reports)
    params = tmp_path / "params.yaml"
    params.write_text("topics: [no_such_topic]\n", encoding="utf-8")
    done = subprocess.run([*command(notebooks, reports), "--params", str(params)], cwd=ROOT, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 1
    assert "error: extracting the tables failed: unknown topic 'no_such_topic'" in done.stderr
    assert_previous_report_kept(reports)


def test_the_prepared_typesetter_gives_the_same_pages(tmp_path):
    from analysis.render import Typesetter, html_to_pdf, notebook_to_html

    cell = nbformat.v4.new_code_cell("")
    cell.outputs = [nbformat.v4.new_output("display_data", {"text/html": (
        "<h2>表 / Table</h2><table><thead><tr><th>國家</th><th>count</th></tr></thead>"
        "<tbody><tr><td>Pakistan 巴基斯坦</td><td style='width:30%'>3</td></tr></tbody></table>")})]
    html = notebook_to_html(nbformat.v4.new_notebook(cells=[cell]), "排版 typesetting")
    typesetter = Typesetter()
    typesetter.prepare()
    assert typesetter.typeset(html, tmp_path / "prepared.pdf") == html_to_pdf(html, tmp_path / "plain.pdf")
    for name in ("prepared", "plain"):
        subprocess.run(["pdftoppm", "-r", "40", "-png", tmp_path / f"{name}.pdf", tmp_path / name], check=True)
    pages = sorted(tmp_path.glob("plain*.png"))
    assert pages
    for page in pages:
        assert page.read_bytes() == (tmp_path / page.name.replace("plain", "prepared")).read_bytes()


def test_a_rerun_on_the_same_inputs_reuses_the_tables_and_a_changed_corpus_extracts_again(tmp_path):
    notebooks, reports = tmp_path / "notebooks", tmp_path / "reports"
    notebook(notebooks, "01_part.ipynb", "from IPython.display import HTML\nHTML('<h2>Part 中文</h2>')")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        (corpus / seed.name).write_bytes(seed.read_bytes())
    params = tmp_path / "params.yaml"
    params.write_text(f"corpus: [{corpus}]\n", encoding="utf-8")
    runs = []
    for change in (None, None, "a line added\n"):
        if change:
            first = sorted(corpus.glob("*.txt"))[0]
            first.write_text(first.read_text(encoding="utf-8") + change, encoding="utf-8")
        done = subprocess.run(command(notebooks, reports) + ["--params", str(params)], cwd=ROOT, capture_output=True,
                              text=True, timeout=300)
        assert done.returncode == 0, done.stderr
        runs.append((done.stdout + done.stderr, {p.name: p.read_bytes() for p in (reports / "report" / "tables").glob("*.csv")}))
    (first_log, first_tables), (second_log, second_tables), (third_log, third_tables) = runs
    reused = "[tables] unchanged since the previous run: reused"
    assert reused not in first_log and reused in second_log and reused not in third_log
    assert second_tables == first_tables and "events.csv" in first_tables
    assert third_tables["articles.csv"] != first_tables["articles.csv"]  # the added line is read
