"""End to end: `python -m analysis report` runs the notebooks and writes the HTML and PDF."""

import ast
import subprocess
import sys

import nbformat
import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from analysis.params import DEFAULTS, ROOT

TITLE = "E2E 報告 test"


def run_report(*args):
    """Run the report command from the repository root; return the finished process."""
    return subprocess.run(
        [sys.executable, "-m", "analysis", "report", *map(str, args)],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )


def write_params(path, text):
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    """The report of the seeds, written into a temporary reports folder."""
    tmp = tmp_path_factory.mktemp("report")
    params = write_params(tmp / "params.yaml", f"corpus: [seeds]\ntitle: {TITLE}\noutput: e2e\n")
    reports = tmp / "reports"
    done = run_report("--params", params, "--reports-dir", reports)
    assert done.returncode == 0, done.stderr
    return {
        "stdout": done.stdout,
        "dir": reports,
        "html": (reports / "e2e.html").read_text(encoding="utf-8"),
        "pdf": PdfReader(reports / "e2e.pdf"),
    }


def test_progress_lines(report):
    lines = report["stdout"].splitlines()
    notebooks = [line for line in lines if line.startswith("[") and "ipynb" in line]
    assert len(notebooks) == len(NOTEBOOKS) and any("01_summary.ipynb" in line for line in notebooks)
    assert "HTML: " in report["stdout"]
    assert "PDF: " in report["stdout"] and "pages)" in report["stdout"]
    assert f"Run folder: {report['dir'] / 'e2e'}" in lines


def test_a_run_leaves_only_the_report_its_folder_and_the_lock(report):
    assert sorted(path.name for path in report["dir"].iterdir()) == [".e2e.lock", "e2e", "e2e.html", "e2e.pdf"]


def test_run_folder_keeps_notebooks_tables_and_figures(report):
    run_dir = report["dir"] / "e2e"
    assert (run_dir / "notebooks" / "01_summary.ipynb").is_file()
    assert (run_dir / "tables" / "corpus_summary.csv").is_file()
    assert (run_dir / "figures" / "corpus_by_language.png").is_file()
    assert (run_dir / "figures" / "corpus_by_language.svg").is_file()


def test_html_shows_outputs_but_no_code(report):
    soup = BeautifulSoup(report["html"], "html.parser")
    for cell in soup.select("div.jp-CodeCell"):
        assert not cell.select(".jp-InputArea, .input_area, .jp-InputPrompt")
    assert "import pandas" not in report["html"]
    assert soup.select("div.jp-OutputArea-output table")


def test_html_is_self_contained(report):
    html = report["html"]
    soup = BeautifulSoup(html, "html.parser")
    assert any(img["src"].startswith("data:image/png;base64,") for img in soup.find_all("img"))
    assert not soup.find_all("script")
    assert not soup.find_all("link", href=lambda href: href and href.startswith(("http", "//")))
    assert '<script src="http' not in html


def test_html_title_chinese_text_and_toc(report):
    soup = BeautifulSoup(report["html"], "html.parser")
    assert soup.title.string == TITLE
    assert soup.h1.string == TITLE
    assert "中文" in report["html"] and "語料" in report["html"]
    links = soup.select("nav#toc a")
    assert len(links) >= 2
    for link in links:
        assert soup.find(id=link["href"][1:]).name in {"h2", "h3"}


def test_pdf_has_chinese_text_and_embedded_cjk_font(report):
    pdf = report["pdf"]
    assert len(pdf.pages) >= 1
    text = "".join(page.extract_text() for page in pdf.pages)
    assert "中文" in text
    fonts = {
        str(font.get_object()["/BaseFont"])
        for page in pdf.pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert any("CJK" in name for name in fonts), fonts


def test_misspelt_parameter_fails_before_writing_anything(tmp_path):
    params = write_params(tmp_path / "params.yaml", "countires: [PAK]\n")
    reports = tmp_path / "reports"
    done = run_report("--params", params, "--reports-dir", reports)
    assert done.returncode != 0
    assert "unknown parameter 'countires': did you mean 'countries'?" in done.stderr
    assert not reports.exists()


NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.name)
def test_committed_notebooks_have_no_outputs(path):
    notebook = nbformat.read(path, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, cell.source[:60]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.name)
def test_notebooks_declare_every_parameter_with_its_default(path):
    notebook = nbformat.read(path, as_version=4)
    cells = [cell for cell in notebook.cells if "parameters" in cell.metadata.get("tags", [])]
    assert len(cells) == 1
    values = {
        node.targets[0].id: ast.literal_eval(node.value)
        for node in ast.parse(cells[0].source).body
    }
    assert values.pop("run_dir") == f"reports/{DEFAULTS['output']}"
    assert values == DEFAULTS
