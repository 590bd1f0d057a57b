"""Bilingual MPS press-release analysis: read → repair → segment → pair → extract → tables → figures → report."""

__version__ = "0.1.0"
