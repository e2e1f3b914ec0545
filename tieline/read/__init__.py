"""Reading inputs: files and streams to :class:`~tieline.model.Document`."""

from .dates import parse_published
from .documents import read_bytes, read_documents

__all__ = ["parse_published", "read_bytes", "read_documents"]
