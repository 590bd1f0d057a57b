"""Render the report: run the notebooks with papermill, merge them, write HTML and PDF.

    python -m analysis report [--params FILE] [--reports-dir DIR] [--notebooks-dir DIR]

Parameters are validated before any notebook runs.  For output name NAME the
run folder REPORTS/NAME/ keeps the executed notebooks (notebooks/) and whatever
tables and figures they write; the report itself is REPORTS/NAME.html and
REPORTS/NAME.pdf.

Nothing is lost: a run writes into a folder of its own (REPORTS/.NAME.run-PID) and a temporary
HTML and PDF, and puts them in place of the previous report and run folder only once it has
succeeded. A failed or interrupted run leaves the previous ones as they were; its folder becomes
REPORTS/NAME.partial/, with the notebooks as far as they ran. A lock (REPORTS/.NAME.lock) keeps a
second run of the same NAME from starting while one is under way.
"""

from __future__ import annotations

import collections
import contextlib
import fcntl
import functools
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from analysis import code_version
from analysis.params import ROOT, ParameterError, Params, corpus_files, load_params_file, validate
from analysis.read import CorpusError

# papermill, jupyter_client, nbconvert and WeasyPrint are imported inside the functions that use
# them, so that the other subcommands of `python -m analysis` do not pay for loading them.

NOTEBOOK_PATTERN = "[0-9][0-9]_*.ipynb"
KERNEL_NAME = "analysis"  # registered by `make venv`: the venv's own interpreter
STYLESHEET = Path(__file__).with_name("report.css")
_SAFE_ID = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")
_EXTERNAL = re.compile(r"^(https?:)?//", re.IGNORECASE)
_ANSI = re.compile(r"\x1b\[[0-9;]*m")
_STYLE = re.compile(r"<style[^>]*>(.*?)</style>", re.DOTALL | re.IGNORECASE)
# Run in each kernel before its notebooks, while the tables are extracted: the modules every
# notebook imports, and the SVGs held back to be written while the PDF is typeset.
WARM_UP = "import analysis.charts, analysis.figures, analysis.sections; analysis.figures.defer_svgs()"
# Between two notebooks in one kernel: a fresh namespace and execution count (modules stay loaded).
RESET = "get_ipython().reset(new_session=True)"


class ReportError(Exception):
    """The report could not be produced; the message says why."""


class Interrupted(BaseException):
    """SIGINT or SIGTERM arrived: the run stops (raised in the main thread by the handler)."""

    def __init__(self, signum: int):
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


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
    """Run the report stage; return the exit status (128 + the signal's number when interrupted)."""
    started = time.monotonic()
    try:
        params = load_params_file(args.params) if args.params else validate({})
    except ParameterError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2

    def interrupt(signum, frame):
        raise Interrupted(signum)

    previous = {signum: signal.signal(signum, interrupt) for signum in (signal.SIGINT, signal.SIGTERM)}
    try:
        html_path, pdf_path = render_report(params, args.notebooks_dir, args.reports_dir)
    except ReportError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except Interrupted as interruption:
        return 128 + interruption.signum
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
    print(f"Done in {time.monotonic() - started:.1f} s: {shown(html_path)}, {shown(pdf_path)}")
    return 0


def shown(path: Path) -> str:
    """``path`` as printed: relative to the repository when inside it."""
    path = Path(path).resolve()
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def say(line: str) -> None:
    """Print one line of progress in a single write, so lines from threads never run together."""
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


class RunLock:
    """An exclusive lock on an output name (``REPORTS/.NAME.lock``), held for the whole run."""

    def __init__(self, reports_dir: Path, output: str):
        self.path = reports_dir / f".{output}.lock"
        self.output = output
        self.file = None

    def __enter__(self) -> RunLock:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.file = open(self.path, "a+", encoding="utf-8")
        try:
            fcntl.flock(self.file, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self.file.seek(0)
            holder = self.file.read().strip() or "another process"
            self.file.close()
            raise ReportError(
                f"another run is writing the report '{self.output}' ({holder}, lock {shown(self.path)}): "
                "wait for it to finish, or set another `output`"
            ) from None
        self.file.seek(0)
        self.file.truncate()
        self.file.write(f"pid {os.getpid()}, started {time.strftime('%Y-%m-%d %H:%M:%S')}\n")
        self.file.flush()
        return self

    def __exit__(self, *exc) -> None:
        self.file.close()  # closing releases the lock; the file stays (removing it would race)


def render_report(params: Params, notebooks_dir: Path, reports_dir: Path) -> tuple[Path, Path]:
    """Execute the notebooks for ``params`` and write the HTML and PDF report; the previous report
    and run folder of the same output are replaced only when every step has succeeded."""
    notebooks = find_notebooks(notebooks_dir)
    reports_dir = Path(reports_dir).resolve()
    output = params.output
    html_path, pdf_path = reports_dir / f"{output}.html", reports_dir / f"{output}.pdf"
    run_dir, partial_dir = reports_dir / output, reports_dir / f"{output}.partial"
    with RunLock(reports_dir, output):
        for stale in reports_dir.glob(f".{output}.run-*"):  # left by a run that was killed
            shutil.rmtree(stale, ignore_errors=True)
        staging = reports_dir / f".{output}.run-{os.getpid()}"
        staging.mkdir()
        # The HTML and PDF are written into the run's folder, then moved beside it.
        html_tmp, pdf_tmp = staging / html_path.name, staging / pdf_path.name
        try:
            key = tables_key(params)
            tables = TablesReused(run_dir, staging, key, params) if reusable(run_dir, key) else Extraction(params, staging)
            with tables as extraction, Kernels(min(len(notebooks), os.cpu_count() or 1)) as kernels:
                runner = NotebookRunner(kernels, notebooks, staging, params, partial_dir)
                typesetter = Typesetter()
                executed = runner.wait_for_notebooks(extraction, typesetter.prepare)
                (staging / TABLES_KEY).write_text(key + "\n", encoding="utf-8")  # the tables are complete
                # The run folder's name in the report is the one it will have.
                html = notebooks_to_html(executed, params.title).replace(staging.name, output)
                html_tmp.write_text(html, encoding="utf-8")
                pages = typesetter.typeset(html, pdf_tmp)
                runner.wait_for_figures()
        except BaseException as error:
            with _signals_ignored():
                _keep_partial(staging, partial_dir, [html_tmp.name, pdf_tmp.name], error)
            raise
        with _signals_ignored():  # all these renames, or none
            os.replace(html_tmp, html_path)
            os.replace(pdf_tmp, pdf_path)
            old = reports_dir / f".{output}.old-{os.getpid()}"
            if run_dir.exists():
                run_dir.rename(old)
            staging.rename(run_dir)
            shutil.rmtree(old, ignore_errors=True)
            shutil.rmtree(partial_dir, ignore_errors=True)  # an earlier failure, now superseded
    say(f"HTML: {shown(html_path)}")
    say(f"PDF: {shown(pdf_path)} ({pages} pages)")
    say(f"Run folder: {shown(run_dir)}")
    return html_path, pdf_path


@contextlib.contextmanager
def _signals_ignored():
    """SIGINT and SIGTERM ignored for the block (the main thread's handlers; Python runs them there)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {signum: signal.signal(signum, signal.SIG_IGN) for signum in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _keep_partial(staging: Path, partial_dir: Path, leftovers: list[str], error: BaseException) -> None:
    """After a failure or an interruption: keep the run's folder as ``partial_dir`` (less the
    unfinished HTML and PDF) and say where it is."""
    shutil.rmtree(partial_dir, ignore_errors=True)
    staging.rename(partial_dir)
    for name in leftovers:
        (partial_dir / name).unlink(missing_ok=True)
    stopped = f"interrupted ({error}): " if isinstance(error, Interrupted) else "the run failed: "
    print(f"{stopped}the previous report is kept; this run's notebooks and tables, as far as it got, are in "
          f"{shown(partial_dir)}", file=sys.stderr)


def find_notebooks(notebooks_dir: Path) -> list[Path]:
    """The report's notebooks ``NN_name.ipynb`` in name order."""
    notebooks = sorted(Path(notebooks_dir).glob(NOTEBOOK_PATTERN))
    if not notebooks:
        raise ReportError(f"no notebooks matching {NOTEBOOK_PATTERN} in {notebooks_dir}")
    return notebooks


class Extraction:
    """The run's tables extracted once for every notebook (each loads them; run alone, a notebook
    extracts them itself), by a process of its own, beside the kernels as they start: its memory
    is freed when it ends."""

    def __init__(self, params: Params, run_dir: Path):
        say("[tables] extract the corpus")
        code = (f"from analysis.render import extract_tables; "
                f"extract_tables({json.dumps(params.to_notebook())!r}, {str(run_dir)!r})")
        # A session of its own: Ctrl-C reaches it through this process, which kills it.
        self.process = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, stdout=subprocess.PIPE,
                                        text=True, start_new_session=True)

    def __enter__(self) -> Extraction:
        return self

    def __exit__(self, *exc) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.communicate()

    def wait(self) -> None:
        """Return once the tables are written; a failed extraction raises ReportError."""
        while True:
            try:
                message, _ = self.process.communicate(timeout=1)  # a second at a time: Ctrl-C is seen
                break
            except subprocess.TimeoutExpired:
                pass
        if self.process.returncode:
            raise ReportError(f"extracting the tables failed: {message.strip() or f'exit status {self.process.returncode}'}")


# In a run folder: what its tables were extracted from (tables_key). A run whose key is the same
# as the previous run's takes that run's tables instead of extracting them again.
TABLES_KEY = "tables.key"
# Parameters that change nothing in the tables (the run.json written with the tables has them all).
NOT_IN_TABLES = ("title", "output", "compare_to")
WRITTEN_BY_NOTEBOOKS = ("corpus_summary.csv",)


def tables_key(params: Params) -> str:
    """A hash of everything a run's tables are made from: the parameters that filter them, the
    package's code and data files, a lexicon file named by `topics`, and the corpus files' paths
    and bytes (the per-file extract cache is keyed by less)."""
    import hashlib

    digest = hashlib.sha256()
    values = {name: value for name, value in params.to_notebook().items() if name not in NOT_IN_TABLES}
    digest.update(json.dumps(values, sort_keys=True, ensure_ascii=False).encode())
    digest.update(code_version(*([ROOT / params.topics] if isinstance(params.topics, str) else [])).encode())
    try:
        for path in corpus_files(params.corpus):
            digest.update(str(path).encode() + b"\0" + path.read_bytes() + b"\0")
    except (CorpusError, OSError):  # an unreadable corpus: the extraction says what is wrong
        return ""
    return digest.hexdigest()


def reusable(run_dir: Path, key: str) -> bool:
    """Whether the previous run folder holds complete tables made from the same inputs."""
    try:
        return bool(key) and (run_dir / TABLES_KEY).read_text(encoding="utf-8").strip() == key
    except OSError:
        return False


class TablesReused:
    """In place of an Extraction: the previous run's tables, made from the same inputs, linked
    into this run's folder (the same bytes an extraction would write: it is deterministic)."""

    def __init__(self, previous: Path, run_dir: Path, key: str, params: Params):
        say("[tables] unchanged since the previous run: reused")
        try:
            shutil.copytree(previous / "tables", run_dir / "tables", copy_function=_link_or_copy,
                            ignore=shutil.ignore_patterns(*WRITTEN_BY_NOTEBOOKS), dirs_exist_ok=True)
        except OSError as error:
            raise ReportError(f"could not reuse the tables of {shown(previous)}: {error}") from error
        # As prepare_run writes it: the notebooks check it against their parameters.
        (run_dir / "run.json").write_text(json.dumps(params.to_notebook(), ensure_ascii=False, indent=1),
                                          encoding="utf-8")

    def __enter__(self) -> TablesReused:
        return self

    def __exit__(self, *exc) -> None:
        pass

    def wait(self) -> None:
        pass


def _link_or_copy(source: str, target: str) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def extract_tables(params: str, run_dir: str) -> None:
    """Extract the tables for the parameters ``params`` (JSON) into ``run_dir``: the body of the
    Extraction process. A bad input is said on stdout for the parent (the progress is on stderr)."""
    from analysis.sections import prepare_run

    try:
        prepare_run(validate(json.loads(params)), run_dir)
    except (ValueError, OSError) as error:
        print(error)
        sys.exit(1)


class Kernels:
    """Jupyter kernels started at once, one per core, each in its own process group.

    They talk over IPC sockets in a private temporary folder, not TCP ports: kernels started side
    by side cannot race for the same port (``ZMQError: Address already in use``). Leaving the
    ``with`` block kills them, and everything they started, at once."""

    def __init__(self, count: int):
        from jupyter_client import KernelManager
        from jupyter_client.kernelspec import NoSuchKernel

        self.folder = tempfile.mkdtemp(prefix="analysis-kernels-")
        self.managers = []
        self.stopped = set()  # the kernels stopped on purpose
        try:
            for number in range(count):
                manager = KernelManager(kernel_name=KERNEL_NAME, transport="ipc",
                                        ip=os.path.join(self.folder, f"kernel{number}"),
                                        connection_file=os.path.join(self.folder, f"kernel{number}.json"))
                # History in memory: kernels side by side would contend for IPython's SQLite file.
                manager.start_kernel(cwd=str(ROOT), extra_arguments=["--HistoryManager.hist_file=:memory:"])
                self.managers.append(manager)
        except NoSuchKernel as error:
            self.kill()
            raise ReportError(f"Jupyter kernel '{KERNEL_NAME}' is not registered: run `make venv`") from error
        except BaseException:
            self.kill()
            raise

    def __enter__(self) -> Kernels:
        return self

    def __exit__(self, *exc) -> None:
        self.kill()

    def kill(self) -> None:
        """Kill every kernel (see stop) and remove their sockets' folder."""
        for manager in self.managers:
            self.stop(manager)
        shutil.rmtree(self.folder, ignore_errors=True)

    def stop(self, manager) -> None:
        """Kill a kernel's process group (the kernel and any process it started) and reap it."""
        self.stopped.add(manager)
        provisioner = manager.provisioner
        try:
            os.killpg(provisioner.pgid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        provisioner.process.wait()


class NotebookRunner:
    """Runs the notebooks in the kernels, one thread per kernel.

    Each kernel first imports the modules the notebooks use while the tables are extracted. The
    kernels take the notebooks in name order as they become free, a fresh namespace for each. Once
    the notebooks are done, each kernel writes the SVGs it held back while the main thread
    converts the notebooks and typesets the PDF. The threads are daemons: an interrupted run does
    not wait for them (the kernels are killed)."""

    def __init__(self, kernels: Kernels, notebooks: list[Path], run_dir: Path, params: Params, partial_dir: Path):
        self.queue = collections.deque(enumerate(notebooks))
        self.total = len(notebooks)
        self.out_dir = run_dir / "notebooks"
        self.out_dir.mkdir(parents=True, exist_ok=True)
        self.partial_dir = partial_dir
        self.parameters = {**params.to_notebook(), "run_dir": str(run_dir)}
        self.lock = threading.Lock()
        self.tables_ready = threading.Event()
        self.executed: dict[int, Path] = {}
        self.failures: dict[int, ReportError] = {}  # by notebook index; -1 for a kernel's own failure
        self.finished = 0
        self.notebooks_done = threading.Semaphore(0)
        self.kernels = kernels
        self.threads = [threading.Thread(target=self._work, args=(manager,), daemon=True) for manager in kernels.managers]
        say(f"[notebooks] {self.total} in {len(self.threads)} kernels")
        for thread in self.threads:
            thread.start()

    def wait_for_notebooks(self, extraction: Extraction, meanwhile) -> list[Path]:
        """The executed notebooks in name order, once ``extraction`` is done and every kernel is
        done with them; the first failure in notebook order (a kernel's first) stops the run.
        ``meanwhile()`` is called when the first kernel is done, on the core it leaves free."""
        _import_tools()
        extraction.wait()
        self.tables_ready.set()
        for number in range(len(self.threads)):
            self._watch(lambda: self.notebooks_done.acquire(timeout=1))
            if number == 0 and not self.failures:
                meanwhile()
        if self.failures:
            raise self.failures[min(self.failures)]
        return [self.executed[index] for index in range(self.total)]

    def wait_for_figures(self) -> None:
        """Wait until every kernel has written the SVGs it held back."""
        for thread in self.threads:
            self._watch(lambda: thread.join(timeout=1) or not thread.is_alive())
        if self.failures:
            raise self.failures[min(self.failures)]

    def _watch(self, done) -> None:
        """Call ``done()`` (which waits up to a second) until it is true; between calls, a kernel
        that died while its thread still waits on it stops the run."""
        while not done():
            for thread, manager in zip(self.threads, self.kernels.managers):
                if thread.is_alive() and manager not in self.kernels.stopped and not manager.is_alive():
                    raise ReportError(f"a kernel died (exit status {manager.provisioner.process.poll()})")

    def _work(self, manager) -> None:
        try:
            self._run(manager, WARM_UP, "starting the kernel")
            self.tables_ready.wait()
            first = True
            while not self.failures:
                with self.lock:
                    if not self.queue:
                        break
                    index, notebook = self.queue.popleft()
                if not first:
                    self._run(manager, RESET, "resetting the kernel")
                first = False
                self._execute(manager, index, notebook)
        except ReportError as error:
            self._fail(-1, error)
        except Exception as error:  # a kernel that died or never answered
            self._fail(-1, ReportError(f"the kernel failed: {type(error).__name__}: {error}"))
        finally:
            self.notebooks_done.release()
        if self.failures:
            return
        try:  # the notebooks' data freed first: the kernel's memory goes down while the PDF is typeset
            self._run(manager, RESET, "resetting the kernel")
            self._run(manager, "import analysis.figures; analysis.figures.write_deferred_svgs()", "writing the SVG figures")
        except ReportError as error:
            self._fail(-1, error)
        except Exception as error:
            self._fail(-1, ReportError(f"the kernel failed writing the SVG figures: {type(error).__name__}: {error}"))
        self.kernels.stop(manager)  # its work is done: its memory is freed now

    def _fail(self, index: int, error: ReportError) -> None:
        with self.lock:
            self.failures.setdefault(index, error)

    @staticmethod
    def _run(manager, code: str, what: str) -> None:
        """Run ``code`` in the kernel quietly (no output, no history, no execution count); an
        exception in it becomes a ReportError.

        Each call has a client of its own, as papermill has for each notebook: the kernel answers
        the newest client of the manager's session (they share one identity). Only its shell
        channel is opened, which queues the request until the kernel listens (a kernel that dies
        meanwhile is seen by NotebookRunner._watch)."""
        client = manager.client()
        client.start_channels(iopub=False, stdin=False, hb=False, control=False)
        try:
            request = client.execute(code, silent=True, store_history=False, allow_stdin=False)
            while (reply := client.get_shell_msg())["parent_header"].get("msg_id") != request:
                pass
        finally:
            client.stop_channels()
        content = reply["content"]
        if content["status"] != "ok":
            trace = _ANSI.sub("", "\n".join(content.get("traceback", [])))
            raise ReportError(f"{what} failed: {content.get('ename')}: {content.get('evalue')}\n{trace}".rstrip())

    def _execute(self, manager, index: int, notebook: Path) -> None:
        """Run one notebook with papermill in the kernel of ``manager``."""
        import papermill
        from papermill.exceptions import PapermillExecutionError

        output = self.out_dir / notebook.name
        started = time.monotonic()
        try:
            papermill.execute_notebook(
                notebook, output, parameters=self.parameters, kernel_name=KERNEL_NAME, language="python",
                progress_bar=False, km=manager,
            )
        except PapermillExecutionError as error:
            shown_at = self.partial_dir / "notebooks" / notebook.name  # where it will be once the run stops
            self._fail(index, ReportError(describe_failure(notebook.name, error, shown_at)))
            return
        except Exception as error:  # the kernel died or stopped answering
            self._fail(index, ReportError(f"notebook {notebook.name} failed: {type(error).__name__}: {error}"))
            return
        with self.lock:
            self.executed[index] = output
            self.finished += 1
            finished = self.finished
        say(f"[{finished}/{self.total}] {notebook.name} ({time.monotonic() - started:.1f} s)")


def _import_tools() -> None:
    """Import papermill (which the kernels' threads need first), nbconvert, BeautifulSoup and
    WeasyPrint (about a second and a half) while the kernels start."""
    import papermill  # noqa: F401
    import bs4  # noqa: F401
    import nbconvert  # noqa: F401
    import weasyprint  # noqa: F401


def describe_failure(name: str, error, output: Path) -> str:
    """A short account of a failed cell: notebook, cell, source head, error, where the notebook is."""
    source = error.source.strip().splitlines()
    head = "\n".join(f"    | {line}" for line in source[:5])
    more = f"\n    | ... ({len(source) - 5} more lines)" if len(source) > 5 else ""
    return (
        f"notebook {name} failed in cell {error.cell_index} (In [{error.exec_count}]):\n"
        f"{head}{more}\n"
        f"  {error.ename}: {error.evalue}\n"
        f"  partially executed notebook: {shown(output)}"
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
    return notebook_to_html(merge_notebooks(paths, title), title)


@functools.cache
def _exporter():
    """nbconvert's HTML exporter with the report's settings; one for the process, as it compiles
    its template (about 0.2 s) on first use."""
    from nbconvert import HTMLExporter

    return HTMLExporter(
        template_name="lab",
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        exclude_anchor_links=True,
        require_js_url="",
        mathjax_url="",
    )


def notebook_to_html(notebook, title: str) -> str:
    """Self-contained HTML of an executed notebook: outputs only, TOC, report stylesheet."""
    html, _ = _exporter().from_notebook_node(notebook)
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


class Typesetter:
    """WeasyPrint made ready before the report's HTML exists: prepare() parses the stylesheets an
    HTML report embeds (nbconvert's and the report's, the same in every report) and typesets an
    empty report, which loads the fonts and compiles nbconvert's template. typeset() then gives
    WeasyPrint the report without its <style> elements and those parsed stylesheets instead:
    the same cascade, as nothing else in the report is styled but by element attributes."""

    def __init__(self):
        self.styles: list[str] | None = None
        self.sheets: list = []
        self.font_config = None

    def prepare(self) -> None:
        import nbformat
        from weasyprint import CSS
        from weasyprint.text.fonts import FontConfiguration

        empty = notebook_to_html(nbformat.v4.new_notebook(), "")
        self.styles = _STYLE.findall(empty)
        self.font_config = FontConfiguration()
        self.sheets = [CSS(string=text, base_url=str(ROOT), font_config=self.font_config) for text in self.styles]
        self._render(_STYLE.sub("", empty))

    def typeset(self, html: str, pdf_path: Path) -> int:
        """Typeset ``html`` to ``pdf_path`` (as html_to_pdf does); return the page count."""
        if self.styles is None:
            self.prepare()
        if _STYLE.findall(html) != self.styles:  # not the stylesheets prepared: no shortcut
            return html_to_pdf(html, pdf_path)
        document = self._render(_STYLE.sub("", html))
        document.write_pdf(pdf_path)
        return len(document.pages)

    def _render(self, html: str):
        from weasyprint import HTML

        return HTML(string=html, base_url=str(ROOT)).render(stylesheets=self.sheets, font_config=self.font_config)


def html_to_pdf(html: str, pdf_path: Path) -> int:
    """Typeset ``html`` (its embedded stylesheet sets the page) to ``pdf_path``; return the page count."""
    from weasyprint import HTML

    document = HTML(string=html, base_url=str(ROOT)).render()
    document.write_pdf(pdf_path)
    return len(document.pages)
