"""Render the report: run the notebooks with papermill, merge them, write HTML and PDF.

    python -m analysis report [--params FILE] [--reports-dir DIR] [--notebooks-dir DIR]

Parameters are validated before any notebook runs.  For output name NAME the
run folder REPORTS/NAME/ keeps the executed notebooks (notebooks/) and whatever
tables and figures they write; the report itself is REPORTS/NAME.html and
REPORTS/NAME.pdf.
"""

from __future__ import annotations

import os
import re
import sys
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path

from analysis.params import ROOT, ParameterError, Params, load_params_file, validate

# papermill, nbconvert and WeasyPrint are imported inside the functions that use them,
# so that the other subcommands of `python -m analysis` do not pay for loading them.

NOTEBOOK_PATTERN = "[0-9][0-9]_*.ipynb"
KERNEL_NAME = "analysis"  # registered by `make venv`: the venv's own interpreter
STYLESHEET = Path(__file__).with_name("report.css")
_SAFE_ID = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")
_EXTERNAL = re.compile(r"^(https?:)?//", re.IGNORECASE)


class ReportError(Exception):
    """The report could not be produced; the message says why."""


def add_arguments(parser) -> None:
    """Declare the options of the ``report`` subcommand."""
    parser.add_argument("--params", type=Path, metavar="FILE", help="YAML file of report parameters")
    parser.add_argument(
        "--reports-dir", type=Path, default=ROOT / "reports", metavar="DIR",
        help="folder for the report files and run folders (default: reports)",
    )
    parser.add_argument(
        "--notebooks-dir", type=Path, default=ROOT / "notebooks", metavar="DIR",
        help=f"folder of the notebooks {NOTEBOOK_PATTERN} to run (default: notebooks)",
    )


def main(args) -> int:
    """Run the report stage; return the exit status."""
    started = time.monotonic()
    try:
        params = load_params_file(args.params) if args.params else validate({})
    except ParameterError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    try:
        html_path, pdf_path = render_report(params, args.notebooks_dir, args.reports_dir)
    except ReportError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"Done in {time.monotonic() - started:.1f} s: {html_path}, {pdf_path}")
    return 0


def render_report(params: Params, notebooks_dir: Path, reports_dir: Path) -> tuple[Path, Path]:
    """Execute the notebooks for ``params`` and write the HTML and PDF report."""
    notebooks = find_notebooks(notebooks_dir)
    run_dir = (reports_dir / params.output).resolve()
    html_path = reports_dir / f"{params.output}.html"
    pdf_path = reports_dir / f"{params.output}.pdf"
    # A failed run must not leave an older report looking current.
    html_path.unlink(missing_ok=True)
    pdf_path.unlink(missing_ok=True)

    extract_tables(params, run_dir)
    executed = execute_notebooks(notebooks, run_dir, params)
    html = notebooks_to_html(executed, params.title)
    html_path.write_text(html, encoding="utf-8")
    print(f"HTML: {html_path}")
    pages = html_to_pdf(html, pdf_path)
    print(f"PDF: {pdf_path} ({pages} pages)")
    return html_path, pdf_path


def find_notebooks(notebooks_dir: Path) -> list[Path]:
    """The report's notebooks ``NN_name.ipynb`` in name order."""
    notebooks = sorted(Path(notebooks_dir).glob(NOTEBOOK_PATTERN))
    if not notebooks:
        raise ReportError(f"no notebooks matching {NOTEBOOK_PATTERN} in {notebooks_dir}")
    return notebooks


def extract_tables(params: Params, run_dir: Path) -> None:
    """Extract the run's tables once for every notebook (each loads them; run alone, a notebook
    extracts them itself). This runs in a child process, whose memory is freed when it ends."""
    print("[tables] extract the corpus", flush=True)
    with ProcessPoolExecutor(1) as pool:
        future = pool.submit(_prepare_run, params, run_dir)
        import papermill  # noqa: F401  (slow to import: loaded here while the child extracts)

        try:
            future.result()
        except (ValueError, OSError) as error:
            raise ReportError(f"extracting the tables failed: {error}") from error


def _prepare_run(params: Params, run_dir: Path) -> None:
    from analysis.sections import prepare_run

    prepare_run(params, run_dir)


def execute_notebooks(notebooks: list[Path], run_dir: Path, params: Params) -> list[Path]:
    """Run each notebook with papermill into ``run_dir/notebooks``, side by side (one kernel per
    core: they only read the run's tables); the first failure, in notebook order, stops the run."""
    out_dir = run_dir / "notebooks"
    out_dir.mkdir(parents=True, exist_ok=True)
    for stale in out_dir.glob("*.ipynb"):
        stale.unlink()
    parameters = {**params.to_notebook(), "run_dir": str(run_dir)}
    total = len(notebooks)
    workers = max(1, min(total, os.cpu_count() or 1))
    with ThreadPoolExecutor(workers) as pool:
        futures = [pool.submit(_execute, nb, out_dir, parameters, f"[{i}/{total}]", workers == 1)
                   for i, nb in enumerate(notebooks, start=1)]
        _import_converters()
        return [future.result() for future in futures]


def _import_converters() -> None:
    """Import nbconvert, BeautifulSoup and WeasyPrint (about a second) while the kernels run."""
    import bs4  # noqa: F401
    import nbconvert  # noqa: F401
    import weasyprint  # noqa: F401


def _execute(notebook: Path, out_dir: Path, parameters: dict, label: str, progress: bool) -> Path:
    """Run one notebook with papermill; a failed cell or a missing kernel becomes a ReportError."""
    import papermill
    from jupyter_client.kernelspec import NoSuchKernel
    from papermill.exceptions import PapermillExecutionError
    from traitlets.config import Config

    print(f"{label} {notebook.name}", flush=True)
    output = out_dir / notebook.name
    # Curve-encrypt kernel traffic when the kernel supports it (ipykernel warns otherwise).
    kernel_config = Config({"KernelManager": {"transport_encryption": "auto"}})
    try:
        papermill.execute_notebook(
            notebook, output, parameters=parameters, kernel_name=KERNEL_NAME,
            language="python", cwd=ROOT, progress_bar=progress, config=kernel_config,
        )
    except PapermillExecutionError as error:
        raise ReportError(describe_failure(notebook.name, error, output)) from error
    except NoSuchKernel as error:
        raise ReportError(f"Jupyter kernel '{KERNEL_NAME}' is not registered: run `make venv`") from error
    return output


def describe_failure(name: str, error, output: Path) -> str:
    """A short account of a failed cell: notebook, cell, source head, error, saved notebook."""
    source = error.source.strip().splitlines()
    head = "\n".join(f"    | {line}" for line in source[:5])
    more = f"\n    | ... ({len(source) - 5} more lines)" if len(source) > 5 else ""
    return (
        f"notebook {name} failed in cell {error.cell_index} (In [{error.exec_count}]):\n"
        f"{head}{more}\n"
        f"  {error.ename}: {error.evalue}\n"
        f"  partially executed notebook: {output}"
    )


def merge_notebooks(paths: list[Path], title: str):
    """One notebook holding the cells of ``paths`` in order, titled ``title``.

    Stderr output (warnings) is printed here rather than shown in the report.
    """
    import nbformat

    notebooks = [nbformat.read(path, as_version=4) for path in paths]
    merged = nbformat.v4.new_notebook(metadata=notebooks[0].metadata)
    merged.metadata["title"] = title
    for path, notebook in zip(paths, notebooks):
        for index, cell in enumerate(notebook.cells):
            cell.id = f"{path.stem}-{index}"  # ids must stay unique once merged
            if cell.cell_type == "code":
                cell.outputs = _without_stderr(cell.outputs, path.name)
            merged.cells.append(cell)
    return merged


def _without_stderr(outputs: list, notebook_name: str) -> list:
    """``outputs`` less stderr streams, which are echoed to the console instead."""
    kept = []
    for output in outputs:
        if output.output_type == "stream" and output.name == "stderr":
            print(f"warning from {notebook_name}: {output.text.rstrip()}", file=sys.stderr)
        else:
            kept.append(output)
    return kept


def notebooks_to_html(paths: list[Path], title: str) -> str:
    """Self-contained HTML of the executed notebooks: outputs only, TOC, report stylesheet."""
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(
        template_name="lab",
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        exclude_anchor_links=True,
        require_js_url="",
        mathjax_url="",
    )
    html, _ = exporter.from_notebook_node(merge_notebooks(paths, title))
    return finish_html(html, title)


def finish_html(html: str, title: str) -> str:
    """Drop scripts and external links, embed the stylesheet, add the title and TOC."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    # The report is static: nbconvert's require.js, MathJax and mermaid loaders are not needed.
    for script in soup.find_all("script"):
        script.decompose()
    for link in soup.find_all("link", href=_EXTERNAL):
        link.decompose()
    style = soup.new_tag("style")
    style.string = STYLESHEET.read_text(encoding="utf-8")
    soup.head.append(style)
    header = soup.new_tag("header")
    heading = soup.new_tag("h1")
    heading.string = title
    header.append(heading)
    soup.main.insert(0, header)
    header.insert_after(table_of_contents(soup))
    return str(soup)


def table_of_contents(soup):
    """A ``<nav id="toc">`` linking every h2 (and nested h3) of ``<main>``, giving each an id."""
    nav = soup.new_tag("nav", id="toc")
    caption = soup.new_tag("p", attrs={"class": "toc-title"})
    caption.string = "目錄 / Contents"
    nav.append(caption)
    top = soup.new_tag("ul")
    nav.append(top)
    section, subsections = None, None
    used: set[str] = set()
    for number, heading in enumerate(soup.main.find_all(["h2", "h3"]), start=1):
        anchor = heading.get("id", "")
        if not _SAFE_ID.fullmatch(anchor) or anchor in used:
            anchor = f"section-{number}"
        heading["id"] = anchor
        used.add(anchor)
        item = soup.new_tag("li")
        link = soup.new_tag("a", href=f"#{anchor}")
        link.string = heading.get_text(" ", strip=True)
        item.append(link)
        if heading.name == "h2" or section is None:
            top.append(item)
            section, subsections = item, None
        else:
            if subsections is None:
                subsections = soup.new_tag("ul")
                section.append(subsections)
            subsections.append(item)
    return nav


def html_to_pdf(html: str, pdf_path: Path) -> int:
    """Typeset ``html`` (its embedded stylesheet sets the page) to ``pdf_path``; return the page count."""
    from weasyprint import HTML

    document = HTML(string=html, base_url=str(ROOT)).render()
    document.write_pdf(pdf_path)
    return len(document.pages)
