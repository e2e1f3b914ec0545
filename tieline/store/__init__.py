"""Storage: the SQL schema (``schema``), the :class:`Store` (``store``) and streaming
ingest (``ingest.ingest``, not re-exported here so the submodule name stays usable)."""

from .ingest import IngestReport
from .store import DEFAULT_URL, Store, StoredEvent

__all__ = ["DEFAULT_URL", "IngestReport", "Store", "StoredEvent"]
