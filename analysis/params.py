"""Report parameters: declaration, defaults and validation.

Every notebook declares these names in its cell tagged ``parameters``; the
report command validates them here before any notebook runs.  Relative paths
are relative to the repository root (``ROOT``), whatever the working folder.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass
from pathlib import Path

import pycountry
import yaml
from rapidfuzz import fuzz, process

from .read import CorpusError, discover

ROOT = Path(__file__).resolve().parent.parent

DEFAULTS: dict = {
    "corpus": ["seeds"],
    "start_date": None,
    "end_date": None,
    "countries": [],
    "organisations": [],
    "principals": [],
    "topics": None,
    "title": "MPS foreign law-enforcement diplomacy",
    "output": "report",
    "compare_to": None,
}

_OUTPUT_NAME = re.compile(r"[A-Za-z0-9_-]+")
_ORGANISATION_CODE = re.compile(r"[A-Za-z][A-Za-z0-9&-]*")


class ParameterError(ValueError):
    """A report parameter has an unknown name or a value that is not allowed."""


@dataclass(frozen=True)
class Params:
    """Validated report parameters (lists become tuples, dates become ``date``)."""

    corpus: tuple[str, ...]
    start_date: dt.date | None
    end_date: dt.date | None
    countries: tuple[str, ...]
    organisations: tuple[str, ...]
    principals: tuple[str, ...]
    topics: tuple[str, ...] | str | None
    title: str
    output: str
    compare_to: str | None

    def to_notebook(self) -> dict:
        """Plain JSON-like values, as papermill injects them into notebooks."""
        values = asdict(self)
        for name, value in values.items():
            if isinstance(value, tuple):
                values[name] = list(value)
            elif isinstance(value, dt.date):
                values[name] = value.isoformat()
        return values


def resolve(path: str | Path) -> Path:
    """Return ``path`` made absolute against the repository root."""
    return ROOT / path


def run_tables(path: str | Path) -> Path | None:
    """The tables folder of a run: ``path`` itself or its ``tables/`` (relative to the repository
    root), whichever holds an events table; None if neither does."""
    folder = resolve(path)
    return next((f for f in (folder / "tables", folder) if (f / "events.parquet").is_file()), None)


def corpus_files(entries) -> list[Path]:
    """The ``*.txt`` files named by corpus entries (files, folders searched below, or globs)."""
    return discover([resolve(entry) for entry in entries])[0]


def validate(params: dict) -> Params:
    """Check names and values of ``params`` (missing names take ``DEFAULTS``).

    Raises ParameterError naming the parameter and what is allowed.
    """
    _check_names(params)
    values = {**DEFAULTS, **params}
    start = _date(values, "start_date")
    end = _date(values, "end_date")
    if start and end and start > end:
        raise ParameterError(
            f"start_date {start.isoformat()} is after end_date {end.isoformat()}: "
            "start_date must be on or before end_date"
        )
    return Params(
        corpus=_corpus(values),
        start_date=start,
        end_date=end,
        countries=tuple(_country(code) for code in _string_list(values, "countries")),
        organisations=_organisations(values),
        principals=_string_list(values, "principals"),
        topics=_topics(values),
        title=_title(values),
        output=_output(values),
        compare_to=_compare_to(values),
    )


def load_params_file(path: str | Path) -> Params:
    """Read a YAML mapping of parameters from ``path`` and validate it."""
    try:
        data = yaml.load(Path(path).read_text(encoding="utf-8"), Loader=_DatesAsTextLoader)
    except OSError as error:
        raise ParameterError(f"cannot read parameters file {path}: {error.strerror}") from error
    except yaml.YAMLError as error:
        raise ParameterError(_yaml_problem(path, error)) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ParameterError(f"parameters file {path} must hold a mapping of name: value")
    return validate(data)


def _yaml_problem(path: str | Path, error: yaml.YAMLError) -> str:
    """One line naming the file, the line and the problem of invalid YAML."""
    mark = getattr(error, "problem_mark", None)
    where = f"{path}, line {mark.line + 1}, column {mark.column + 1}" if mark else str(path)
    problem = getattr(error, "problem", None) or str(error).splitlines()[0]
    context, context_mark = getattr(error, "context", None), getattr(error, "context_mark", None)
    if context and context_mark and mark and context_mark.line != mark.line:
        context += f" started on line {context_mark.line + 1}"
    return f"parameters file {where}: invalid YAML: {problem}" + (f" ({context})" if context else "")


class _DatesAsTextLoader(yaml.SafeLoader):
    """Safe YAML loader that keeps dates as text, so validate() can report bad ones."""


_DatesAsTextLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _check_names(params: dict) -> None:
    """Reject names that are not parameters, suggesting the closest known one."""
    for name in params:
        if name in DEFAULTS:
            continue
        known = ", ".join(DEFAULTS)
        match = process.extractOne(str(name), list(DEFAULTS), scorer=fuzz.ratio, score_cutoff=60)
        hint = f"did you mean '{match[0]}'? " if match else ""
        raise ParameterError(f"unknown parameter '{name}': {hint}Known parameters: {known}")


def _string_list(values: dict, name: str) -> tuple[str, ...]:
    """The list of non-empty strings in ``values[name]``."""
    value = values[name]
    if not isinstance(value, (list, tuple)) or not all(
        isinstance(item, str) and item.strip() for item in value
    ):
        raise ParameterError(f"{name} must be a list of non-empty strings, got {value!r}")
    return tuple(item.strip() for item in value)


def _date(values: dict, name: str) -> dt.date | None:
    """An ISO date (YYYY-MM-DD) or None."""
    value = values[name]
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError as error:
            raise ParameterError(f"{name} {value!r} is not a real date: {error}") from error
    raise ParameterError(f"{name} must be an ISO date YYYY-MM-DD or null, got {value!r}")


def _corpus(values: dict) -> tuple[str, ...]:
    """Corpus entries, each of which must name at least one existing file."""
    entries = _string_list(values, "corpus")
    if not entries:
        raise ParameterError("corpus must list at least one file, folder or glob")
    for entry in entries:
        try:
            corpus_files([entry])
        except CorpusError:
            raise ParameterError(
                f"corpus entry {entry!r} matches no .txt file (paths and globs are relative to {ROOT})"
            ) from None
    return entries


def _country(code: str) -> str:
    """An ISO 3166-1 alpha-3 code, upper-cased; alpha-2 codes get a hint."""
    upper = code.upper()
    if len(upper) == 3 and pycountry.countries.get(alpha_3=upper):
        return upper
    hint = ""
    if len(upper) == 2 and pycountry.countries.get(alpha_2=upper):
        hint = f" (use '{pycountry.countries.get(alpha_2=upper).alpha_3}' instead)"
    raise ParameterError(
        f"countries: unknown country code {code!r}{hint}; "
        "use ISO 3166-1 alpha-3 codes such as 'PAK' or 'RUS'"
    )


def _organisations(values: dict) -> tuple[str, ...]:
    """Short organisation codes such as SCO or IOM, upper-cased."""
    codes = _string_list(values, "organisations")
    for code in codes:
        if not _ORGANISATION_CODE.fullmatch(code):
            raise ParameterError(
                f"organisations: {code!r} is not a short code such as 'SCO' or 'IOM' "
                "(letters, digits, '&' or '-', no spaces)"
            )
    return tuple(code.upper() for code in codes)


def _topics(values: dict) -> tuple[str, ...] | str | None:
    """None (all topics), a list of topic names, or the path of a YAML lexicon."""
    value = values["topics"]
    if value is None:
        return None
    if isinstance(value, str):
        if Path(value).suffix not in {".yaml", ".yml"} or not resolve(value).is_file():
            raise ParameterError(
                f"topics {value!r} must be a list of topic names or the path of an "
                "existing .yaml/.yml lexicon file"
            )
        return value
    if not isinstance(value, (list, tuple)):
        raise ParameterError(
            f"topics must be null, a list of topic names or the path of a .yaml lexicon, got {value!r}"
        )
    return _string_list(values, "topics")


def _title(values: dict) -> str:
    """A non-empty title string."""
    value = values["title"]
    if not isinstance(value, str) or not value.strip():
        raise ParameterError(f"title must be a non-empty string, got {value!r}")
    return value.strip()


def _compare_to(values: dict) -> str | None:
    """None, or an earlier run folder (or its tables folder) that holds the run's tables."""
    value = values["compare_to"]
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise ParameterError(f"compare_to must be null or the path of an earlier run folder, got {value!r}")
    if not resolve(value.strip()).is_dir():
        raise ParameterError(f"compare_to {value!r} is not a folder (paths are relative to {ROOT})")
    if run_tables(value.strip()) is None:
        raise ParameterError(
            f"compare_to {value!r} holds no tables: give a run folder such as reports/report "
            "(or its tables folder), with events.parquet"
        )
    return value.strip()


def _output(values: dict) -> str:
    """An output name made of letters, digits, '_' and '-'."""
    value = values["output"]
    if not isinstance(value, str) or not _OUTPUT_NAME.fullmatch(value):
        raise ParameterError(
            f"output must be a name made of letters, digits, '_' and '-', got {value!r}"
        )
    return value
