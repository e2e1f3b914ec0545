"""What every exporter says when it cannot write its file."""

from __future__ import annotations

from pathlib import Path

from ..errors import ExportError


def cannot_write(path: str | Path, exc: OSError) -> ExportError:
    """The :class:`ExportError` for an ``OSError`` met writing ``path``.

    Example:
        >>> str(cannot_write("out/x.csv", FileNotFoundError(2, "No such file or directory")))
        '[T800] cannot write out/x.csv: No such file or directory (check the folder exists and is writable)'
    """
    return ExportError(f"cannot write {path}: {exc.strerror or exc}",
                       remedy="check the folder exists and is writable")
