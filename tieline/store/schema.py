"""The store's tables, as SQLAlchemy Core (no ORM), portable to SQLite and PostgreSQL.

One row per ingested document (unique by content hash), the actors its extraction named,
the mentions resolving spans to actors, the events with their evidence, and analysts'
corrections of events, kept apart from the machine's rows. JSON values (aliases,
crosswalk codes, edited fields) are kept as text so the same schema runs on both
databases.

Example:
    >>> import sqlalchemy as sa
    >>> engine = sa.create_engine("sqlite://")
    >>> metadata.create_all(engine)
    >>> sorted(metadata.tables)
    ['actors', 'corrections', 'documents', 'events', 'mentions']
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

documents = sa.Table(
    "documents",
    metadata,
    sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("doc_id", sa.String, nullable=False),
    # The content hash is the document's identity: re-ingesting the same text is a no-op.
    sa.Column("content_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("title", sa.Text),
    sa.Column("source", sa.Text),
    sa.Column("url", sa.Text),
    sa.Column("published", sa.Date),
    sa.Column("origin", sa.Text),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
    sa.Index("ix_documents_doc_id", "doc_id"),
)

actors = sa.Table(
    "actors",
    metadata,
    sa.Column("id", sa.String, primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("kind", sa.String, nullable=False),
    sa.Column("aliases", sa.Text, nullable=False, default="[]"),
)

mentions = sa.Table(
    "mentions",
    metadata,
    sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("document", sa.Integer,
              sa.ForeignKey("documents.pk", ondelete="CASCADE"), nullable=False),
    # No foreign key to actors: candidate actors found in the text may be unknown to the
    # knowledge base, and a mention must never be lost for that.
    sa.Column("actor_id", sa.String, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("sentence", sa.Integer),
    sa.Column("how", sa.String),
    sa.Column("wing", sa.Text),
    sa.Index("ix_mentions_document", "document"),
    sa.Index("ix_mentions_actor", "actor_id"),
)

events = sa.Table(
    "events",
    metadata,
    sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("event_id", sa.String, nullable=False),
    sa.Column("document", sa.Integer,
              sa.ForeignKey("documents.pk", ondelete="CASCADE"), nullable=False),
    sa.Column("source", sa.String, nullable=False),
    sa.Column("target", sa.String, nullable=False),
    sa.Column("type", sa.String, nullable=False),
    sa.Column("polarity", sa.String, nullable=False),
    # Dates stay ISO-like text ("2014", "2014-07", "2014-07-03"): their precision is part
    # of the claim, and the text sorts chronologically.
    sa.Column("date_start", sa.String(10)),
    sa.Column("date_end", sa.String(10)),
    sa.Column("date_text", sa.Text, nullable=False, default=""),
    sa.Column("date_basis", sa.String, nullable=False, default="none"),
    sa.Column("modality", sa.String, nullable=False),
    sa.Column("negated", sa.Boolean, nullable=False),
    sa.Column("confidence", sa.Float, nullable=False),
    sa.Column("sentence", sa.Text, nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("trigger", sa.Text, nullable=False, default=""),
    sa.Column("directed", sa.Boolean, nullable=False),
    sa.Column("crosswalk", sa.Text, nullable=False, default="{}"),
    sa.Column("source_mention", sa.Text, nullable=False, default=""),
    sa.Column("target_mention", sa.Text, nullable=False, default=""),
    # Event ids are unique within a document; a repeat means a pipeline bug, and the
    # document is better rejected whole than stored with a duplicated claim.
    sa.UniqueConstraint("document", "event_id", name="uq_events_document_event"),
    # Both directions, so a dyad query uses an index whichever side an id is on.
    sa.Index("ix_events_source_target", "source", "target"),
    sa.Index("ix_events_target_source", "target", "source"),
    sa.Index("ix_events_date_start", "date_start"),
)

corrections = sa.Table(
    "corrections",
    metadata,
    sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
    # An event is named by its document's id and its own id, both stable when a
    # document is extracted again: a correction outlives re-extraction and never
    # touches the machine's rows.
    sa.Column("document", sa.String, nullable=False),
    sa.Column("event_id", sa.String, nullable=False),
    sa.Column("action", sa.String(8), nullable=False),
    sa.Column("changes", sa.Text, nullable=False, default="{}"),
    sa.Column("note", sa.Text, nullable=False, default=""),
    sa.Column("analyst", sa.Text),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Index("ix_corrections_event", "document", "event_id"),
)
