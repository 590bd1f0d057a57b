"""Bilingual MPS press-release analysis: read → repair → segment → pair → extract → tables → figures → report."""

__version__ = "0.1.0"


def code_version(*data_files) -> str:
    """A hash of the package's code and data, and of the analyst's `data_files` (gazetteer,
    lexicon): a change to any of them invalidates the per-file cache and the tables of a run."""
    import hashlib
    from pathlib import Path

    package = Path(__file__).parent
    digest = hashlib.sha256(__version__.encode())
    package_files = sorted(package.glob("*.py")) + sorted((package / "data").glob("*"))
    for path in package_files + [Path(p) for p in data_files]:
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()[:16]
