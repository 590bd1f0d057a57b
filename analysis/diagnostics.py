"""The diagnostics every stage reports: anything the reader could not handle, with its file and line."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Diagnostic:
    source_file: str
    line: int  # 1-based; 0 when the message concerns the whole file
    severity: str  # error, warning or info
    code: str
    message: str

    def __str__(self) -> str:
        where = f"{self.source_file}:{self.line}" if self.line else self.source_file
        return f"{where}: {self.severity}: {self.message} [{self.code}]"
