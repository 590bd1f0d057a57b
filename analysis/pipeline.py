"""Extract articles, events, topics and attendees from the corpus into tables (not yet implemented)."""

from __future__ import annotations

from pathlib import Path


def add_arguments(parser) -> None:
    """Declare the options of the ``extract`` subcommand."""
    parser.add_argument("corpus", nargs="+", help="corpus files, folders or globs")
    parser.add_argument("--out", type=Path, default=Path("reports/tables"), help="output folder")


def main(args) -> int:
    """Placeholder until the extraction pipeline lands."""
    print("extract: not yet implemented")
    return 1
