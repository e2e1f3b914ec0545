"""The store: extractions written to, and events read back from, one SQL database.

A :class:`Store` is opened by database URL — one SQLite file by default, PostgreSQL for
a shared deployment. Adding is idempotent by content hash and atomic per document, so
an ingest killed half-way can simply be run again.

Example:
    >>> store = Store("sqlite://")           # in memory
    >>> store.stats()
    {'documents': 0, 'events': 0, 'actors': 0}
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime, timezone
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import URL, Connection, Engine
from sqlalchemy.exc import ArgumentError, IntegrityError, NoSuchModuleError, SQLAlchemyError
from sqlalchemy.pool import StaticPool

from ..actors.normalize import normalize_name
from ..errors import CorrectionError, StoreError
from ..model import (
    CORRECTABLE_FIELDS, CORRECTION_ACTIONS, Actor, Correction, DateInterval, Document, Event,
    Evidence, Extraction, Mention,
)
from .schema import actors, corrections, documents, events, mentions, metadata

DEFAULT_URL = "sqlite:///tieline.db"


@dataclass(frozen=True)
class StoredEvent:
    """An event read back from the store, with the document it was found in.

    Example:
        >>> stored.to_dict()["document"]       # doctest: +SKIP
        'article-17'
    """

    event: Event
    document: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: date | None = None
    correction: str | None = None

    @property
    def key(self) -> tuple[str, str]:
        """(document id, event id): how corrections name the event."""
        return (self.document, self.event.id)

    def to_dict(self) -> dict[str, Any]:
        """The output contract's event dict, plus the id of its document, and
        ``corrected`` (``accept`` or ``edit``) when an analyst corrected it."""
        out = self.event.to_dict()
        out["document"] = self.document
        if self.correction:
            out["corrected"] = self.correction
        return out


class _AlreadyStored(Exception):
    """Raised inside the add transaction when another writer stored the same hash first."""


def database_url(target: str) -> str:
    """A database URL for ``target``: URLs pass through, plain paths become SQLite URLs.

    Example:
        >>> database_url("data/news.db")
        'sqlite:///data/news.db'
    """
    if "://" in target:
        return target
    if target == ":memory:":
        return "sqlite://"
    return f"sqlite:///{target}"


def _sqlite_file(url: URL) -> str | None:
    """The file behind a SQLite URL, or None for an in-memory database."""
    if not url.get_backend_name() == "sqlite":
        return None
    if url.database in (None, "", ":memory:") or url.query.get("mode") == "memory":
        return None
    return url.database


class Store:
    """A tieline database: documents, actors, mentions and events.

    ``target`` is a SQLAlchemy URL (``sqlite:///tieline.db``,
    ``postgresql+psycopg://user@host/tieline``) or a plain file path. With
    ``create=False`` a SQLite file must already exist (for commands that only read).

    Example:
        >>> with Store("sqlite://") as store:
        ...     store.has("0" * 64)
        False
    """

    def __init__(self, target: str = DEFAULT_URL, *, create: bool = True) -> None:
        raw = database_url(target)
        try:
            url = sa.make_url(raw)
        except ArgumentError as exc:
            raise StoreError(f"{raw!r} is not a database URL", remedy=(
                "give a URL like sqlite:///tieline.db or postgresql+psycopg://host/db, "
                "or a file path")) from exc
        self.url = url.render_as_string(hide_password=True)
        file = _sqlite_file(url)
        if file is not None and not create and not os.path.exists(file):
            raise StoreError(f"no database at {file}", where=self.url,
                             remedy="ingest documents first, or pass --db with the right URL")
        options: dict[str, Any] = {}
        if url.get_backend_name() == "sqlite" and file is None:
            # An in-memory SQLite database lives in one connection; share it.
            options = {"poolclass": StaticPool,
                       "connect_args": {"check_same_thread": False}}
        try:
            self.engine: Engine = sa.create_engine(url, **options)
        except (ArgumentError, NoSuchModuleError, ImportError) as exc:
            raise StoreError(f"cannot use database {self.url}: {exc}", remedy=(
                "check the URL's scheme and that its database driver is installed")) from exc
        if self.engine.dialect.name == "sqlite":
            sa.event.listen(self.engine, "connect", _sqlite_pragmas)
        try:
            metadata.create_all(self.engine)
        except SQLAlchemyError as exc:
            self.engine.dispose()
            raise StoreError(f"cannot open database: {_reason(exc)}", where=self.url,
                             remedy="check that the database exists, is reachable and "
                                    "writable") from exc

    def close(self) -> None:
        """Release the database connections."""
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self.url!r})"

    # -- writing ---------------------------------------------------------------------

    def has(self, content_hash: str) -> bool:
        """Whether a document with this content hash is stored.

        Example:
            >>> Store("sqlite://").has(Document(id="d", text="x").content_hash)
            False
        """
        query = sa.select(documents.c.pk).where(documents.c.content_hash == content_hash)
        with self._connect() as conn:
            return conn.execute(query).first() is not None

    def add(self, extraction: Extraction) -> bool:
        """Store a document with its actors, mentions and events; False if already there.

        All rows of the document are written in one transaction: a failure leaves
        nothing of it behind, and the same extraction can be added again.

        Example:
            >>> store.add(extraction), store.add(extraction)     # doctest: +SKIP
            (True, False)
        """
        doc = extraction.document
        if self.has(doc.content_hash):
            return False
        try:
            with self.engine.begin() as conn:
                pk = self._insert_document(conn, doc)
                self._insert_actors(conn, extraction.actors)
                self._insert_mentions(conn, pk, extraction.mentions)
                self._insert_events(conn, pk, extraction.events)
        except _AlreadyStored:
            # Another process stored the same text between our check and our insert.
            if self.has(doc.content_hash):
                return False
            raise StoreError(f"could not store document {doc.id!r}",
                             where=doc.origin or doc.id) from None
        except SQLAlchemyError as exc:
            raise StoreError(f"could not store document {doc.id!r}: {_reason(exc)}",
                             where=doc.origin or doc.id,
                             remedy="nothing of it was stored; fix the cause and ingest "
                                    "again") from exc
        return True

    def _insert_document(self, conn: Connection, doc: Document) -> int:
        values = {
            "doc_id": doc.id, "content_hash": doc.content_hash, "title": doc.title,
            "source": doc.source, "url": doc.url, "published": doc.published,
            "origin": doc.origin, "text": doc.text,
            "ingested_at": datetime.now(timezone.utc),
        }
        try:
            result = conn.execute(documents.insert().values(**values))
        except IntegrityError as exc:
            raise _AlreadyStored from exc
        key = result.inserted_primary_key
        if key is None:
            raise StoreError(f"the database returned no key for document {doc.id!r}")
        return int(key[0])

    def _insert_actors(self, conn: Connection, found: Iterable[Actor]) -> None:
        rows = {a.id: {"id": a.id, "name": a.name, "kind": a.kind,
                       "aliases": json.dumps([n for n in a.all_names() if n != a.name],
                                             ensure_ascii=False)}
                for a in found}
        if not rows:
            return
        # The first description of an actor is kept; the knowledge base stays the
        # authority on names, this table only makes the store readable on its own.
        dialect = conn.dialect.name
        if dialect in ("sqlite", "postgresql"):
            insert: Any
            if dialect == "sqlite":
                from sqlalchemy.dialects.sqlite import insert
            else:
                from sqlalchemy.dialects.postgresql import insert
            stmt = insert(actors).on_conflict_do_nothing(index_elements=["id"])
            conn.execute(stmt, [rows[k] for k in sorted(rows)])
            return
        known = set(conn.execute(sa.select(actors.c.id).where(actors.c.id.in_(rows))).scalars())
        new = [rows[k] for k in sorted(rows) if k not in known]
        if new:
            conn.execute(actors.insert(), new)

    def _insert_mentions(self, conn: Connection, doc_pk: int,
                         found: Iterable[Mention]) -> None:
        rows = [{"document": doc_pk, "actor_id": m.actor_id, "text": m.text,
                 "start": m.start, "end": m.end, "sentence": m.sentence, "how": m.how,
                 "wing": m.wing} for m in found]
        if rows:
            conn.execute(mentions.insert(), rows)

    def _insert_events(self, conn: Connection, doc_pk: int, found: Iterable[Event]) -> None:
        rows = [_event_row(doc_pk, e) for e in found]
        if rows:
            conn.execute(events.insert(), rows)

    # -- reading ---------------------------------------------------------------------

    def stats(self) -> dict[str, int]:
        """How many documents and events are stored, and how many distinct actors
        appear in them (in events or mentions).

        Example:
            >>> Store("sqlite://").stats()
            {'documents': 0, 'events': 0, 'actors': 0}
        """
        named = sa.union(
            sa.select(events.c.source.label("id")),
            sa.select(events.c.target.label("id")),
            sa.select(mentions.c.actor_id.label("id")),
        ).subquery()
        with self._connect() as conn:
            n_docs = conn.execute(sa.select(sa.func.count()).select_from(documents)).scalar()
            n_events = conn.execute(sa.select(sa.func.count()).select_from(events)).scalar()
            n_actors = conn.execute(sa.select(sa.func.count()).select_from(named)).scalar()
        return {"documents": int(n_docs or 0), "events": int(n_events or 0),
                "actors": int(n_actors or 0)}

    def events_between(self, a_ids: set[str], b_ids: set[str]) -> list[StoredEvent]:
        """Events between any actor of ``a_ids`` and any of ``b_ids``, either direction,
        sorted by date (undated events last), then by document and position.

        Example:
            >>> [s.event.type for s in store.events_between({"hamas"}, {"fatah"})]  # doctest: +SKIP
            ['armed_clash', 'agreement']
        """
        if not a_ids or not b_ids:
            return []
        a, b = sorted(a_ids), sorted(b_ids)
        query = _event_query().where(sa.or_(
            sa.and_(events.c.source.in_(a), events.c.target.in_(b)),
            sa.and_(events.c.source.in_(b), events.c.target.in_(a)),
        ))
        with self._connect() as conn:
            return [_stored(r) for r in conn.execute(query).mappings()]

    def events_involving(self, ids: set[str]) -> list[StoredEvent]:
        """Events with any actor of ``ids`` on either side, by date.

        Example:
            >>> Store("sqlite://").events_involving({"hamas"})
            []
        """
        if not ids:
            return []
        wanted = sorted(ids)
        query = _event_query().where(sa.or_(events.c.source.in_(wanted),
                                            events.c.target.in_(wanted)))
        with self._connect() as conn:
            return [_stored(r) for r in conn.execute(query).mappings()]

    def iter_events(self) -> Iterator[StoredEvent]:
        """Every stored event (machine output, uncorrected), by date as in
        :meth:`events_between`, streamed.

        Example:
            >>> list(Store("sqlite://").iter_events())
            []
        """
        with self._connect() as conn:
            result = conn.execution_options(yield_per=2000).execute(_event_query())
            for r in result.mappings():
                yield _stored(r)

    def events_by_keys(self, keys: Iterable[tuple[str, str]]) -> list[StoredEvent]:
        """The events named by (document id, event id) pairs, by date within each
        batch of 500 ids; unknown keys are left out.

        Example:
            >>> Store("sqlite://").events_by_keys([("article-1", "4f0c2a")])
            []
        """
        wanted = set(keys)
        if not wanted:
            return []
        ids = sorted({event_id for _doc, event_id in wanted})
        found: list[StoredEvent] = []
        with self._connect() as conn:
            for chunk in range(0, len(ids), 500):
                query = _event_query().where(events.c.event_id.in_(ids[chunk:chunk + 500]))
                found += [_stored(r) for r in conn.execute(query).mappings()]
        return [s for s in found if s.key in wanted]

    def find_events(self, event_id: str) -> list[StoredEvent]:
        """The stored events with this id (one, unless two documents share an id).

        Example:
            >>> Store("sqlite://").find_events("4f0c2a")
            []
        """
        with self._connect() as conn:
            rows = conn.execute(_event_query().where(events.c.event_id == event_id)).mappings()
            return [_stored(r) for r in rows]

    # -- corrections -----------------------------------------------------------------

    def add_correction(self, correction: Correction) -> Correction:
        """Record an analyst's correction of an event; returns it with its time.

        The machine's rows stay as they are: corrections live in their own table and
        the latest one of an event wins (:meth:`corrections`). The action must be one
        of ``accept``, ``reject``, ``edit``; an edit names only correctable fields.

        Example:
            >>> c = Store("sqlite://").add_correction(Correction("d1", "e1", "reject"))
            >>> c.action
            'reject'
        """
        _check_correction(correction)
        created = correction.created or datetime.now(timezone.utc)
        values = {"document": correction.document, "event_id": correction.event_id,
                  "action": correction.action,
                  "changes": json.dumps(correction.changes, ensure_ascii=False, sort_keys=True),
                  "note": correction.note, "analyst": correction.analyst,
                  "created_at": created}
        try:
            with self.engine.begin() as conn:
                conn.execute(corrections.insert().values(**values))
        except SQLAlchemyError as exc:
            raise StoreError(f"could not store the correction: {_reason(exc)}",
                             where=self.url) from exc
        return replace(correction, created=created)

    def corrections(self) -> dict[tuple[str, str], Correction]:
        """The correction in force for each corrected event, by (document id, event
        id): the latest one recorded.

        Example:
            >>> Store("sqlite://").corrections()
            {}
        """
        query = sa.select(corrections).order_by(corrections.c.pk)
        out: dict[tuple[str, str], Correction] = {}
        with self._connect() as conn:
            for r in conn.execute(query).mappings():
                created = r["created_at"]
                out[(r["document"], r["event_id"])] = Correction(
                    document=r["document"], event_id=r["event_id"], action=r["action"],
                    changes=json.loads(r["changes"] or "{}"), note=r["note"] or "",
                    analyst=r["analyst"], created=created)
        return out

    def pairs(self) -> list[tuple[str, str, int]]:
        """Every unordered pair of actors with events, and how many: (a, b, count), a < b.

        Example:
            >>> store.pairs()[:1]                     # doctest: +SKIP
            [('fatah', 'hamas', 12)]
        """
        low = sa.case((events.c.source < events.c.target, events.c.source),
                      else_=events.c.target).label("a")
        high = sa.case((events.c.source < events.c.target, events.c.target),
                       else_=events.c.source).label("b")
        query = (sa.select(low, high, sa.func.count().label("n"))
                 .where(events.c.source != events.c.target)
                 .group_by(low, high).order_by(low, high))
        with self._connect() as conn:
            return [(r.a, r.b, int(r.n)) for r in conn.execute(query)]

    def documents(self) -> Iterator[Document]:
        """Every stored document, in the order it was added (streamed).

        Example:
            >>> [d.id for d in Store("sqlite://").documents()]
            []
        """
        query = sa.select(documents).order_by(documents.c.pk)
        with self._connect() as conn:
            for r in conn.execution_options(yield_per=500).execute(query).mappings():
                yield Document(id=r["doc_id"], text=r["text"], published=r["published"],
                               title=r["title"], source=r["source"], url=r["url"],
                               origin=r["origin"], content_hash=r["content_hash"])

    def actors(self) -> list[Actor]:
        """The actors stored extractions named, sorted by id (aliases included).

        Example:
            >>> Store("sqlite://").actors()
            []
        """
        with self._connect() as conn:
            rows = conn.execute(sa.select(actors).order_by(actors.c.id)).mappings().all()
        return [Actor(id=r["id"], name=r["name"], kind=r["kind"],
                      aliases=tuple(json.loads(r["aliases"] or "[]"))) for r in rows]

    def actor_counts(self, prefix: str = "") -> list[dict[str, Any]]:
        """Per stored actor (whose id starts with ``prefix``): its name and kind, how
        many mentions, documents and events it has, and the first mention with the text
        around it, most mentioned first.

        Example:
            >>> Store("sqlite://").actor_counts("candidate-")
            []
        """
        with self._connect() as conn:
            named = conn.execute(
                sa.select(actors.c.id, actors.c.name, actors.c.kind)
                .where(actors.c.id.startswith(prefix))).mappings().all()
            if not named:
                return []
            ids = [r["id"] for r in named]
            counts = {r[0]: (r[1], r[2]) for r in conn.execute(
                sa.select(mentions.c.actor_id, sa.func.count(),
                          sa.func.count(sa.distinct(mentions.c.document)))
                .where(mentions.c.actor_id.in_(ids)).group_by(mentions.c.actor_id))}
            n_events: dict[str, int] = {}
            for side in (events.c.source, events.c.target):
                for actor_id, n in conn.execute(sa.select(side, sa.func.count())
                                                .where(side.in_(ids)).group_by(side)):
                    n_events[actor_id] = n_events.get(actor_id, 0) + n
            first = conn.execute(
                sa.select(mentions.c.actor_id, mentions.c.text, mentions.c.start, mentions.c.end,
                          documents.c.doc_id, documents.c.text.label("doc_text"))
                .join(documents, documents.c.pk == mentions.c.document)
                .where(mentions.c.actor_id.in_(ids)).order_by(mentions.c.pk)).mappings().all()
        example: dict[str, dict[str, Any]] = {}
        for r in first:
            if r["actor_id"] not in example:
                text = r["doc_text"]
                context = text[max(0, r["start"] - 100):min(len(text), r["end"] + 100)]
                example[r["actor_id"]] = {"document": r["doc_id"], "mention": r["text"],
                                          "context": " ".join(context.split()),
                                          "sentence": _sentence_around(text, r["start"])}
        rows = [{"id": r["id"], "name": r["name"], "kind": r["kind"],
                 "mentions": counts.get(r["id"], (0, 0))[0],
                 "documents": counts.get(r["id"], (0, 0))[1],
                 "events": n_events.get(r["id"], 0), "example": example.get(r["id"])}
                for r in named]
        return sorted(rows, key=lambda r: (-r["mentions"], r["id"]))

    def lookup_actor(self, name: str) -> list[Actor]:
        """Stored actors whose id, name or alias equals ``name`` (normalized) — for
        actors the store knows but the knowledge base does not (candidates).

        Example:
            >>> Store("sqlite://").lookup_actor("Hamas")
            []
        """
        wanted = normalize_name(name)
        return [a for a in self.actors()
                if name == a.id or wanted in {normalize_name(n) for n in a.all_names()}]

    def _connect(self) -> _Connection:
        return _Connection(self)


class _Connection:
    """A read connection whose database errors surface as :class:`StoreError`."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.conn: Connection | None = None

    def __enter__(self) -> Connection:
        try:
            self.conn = self.store.engine.connect()
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot connect: {_reason(exc)}", where=self.store.url,
                             remedy="check that the database is reachable") from exc
        return self.conn

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: object) -> None:
        if self.conn is not None:
            self.conn.close()
        if isinstance(exc, SQLAlchemyError):
            raise StoreError(f"query failed: {_reason(exc)}", where=self.store.url) from exc


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    # WAL lets readers (the web UI, `tieline dyad`) work while an ingest writes; the
    # busy timeout makes a second writer wait instead of failing at once.
    cursor.execute("PRAGMA journal_mode=WAL")
    # In WAL mode NORMAL still commits atomically and survives a killed process; it
    # only skips an fsync per commit, which dominates the cost of a per-document commit.
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def _reason(exc: SQLAlchemyError) -> str:
    """The driver's own message, without SQLAlchemy's SQL dump and links."""
    orig = getattr(exc, "orig", None)
    return str(orig) if orig is not None else str(exc).split("\n")[0]


def _event_row(doc_pk: int, e: Event) -> dict[str, Any]:
    return {
        "event_id": e.id, "document": doc_pk, "source": e.source, "target": e.target,
        "type": e.type, "polarity": e.polarity,
        "date_start": e.date.start, "date_end": e.date.end, "date_text": e.date.text,
        "date_basis": e.date.basis, "modality": e.modality, "negated": e.negated,
        "confidence": e.confidence, "sentence": e.evidence.sentence,
        "start": e.evidence.start, "end": e.evidence.end, "trigger": e.evidence.trigger,
        "directed": e.directed,
        "crosswalk": json.dumps(e.crosswalk, ensure_ascii=False, sort_keys=True),
        "source_mention": e.source_mention, "target_mention": e.target_mention,
    }


def _row_event(r: Any) -> Event:
    return Event(
        id=r["event_id"], source=r["source"], target=r["target"], type=r["type"],
        polarity=r["polarity"],
        date=DateInterval(r["date_start"], r["date_end"], r["date_text"], r["date_basis"]),
        modality=r["modality"], negated=bool(r["negated"]), confidence=r["confidence"],
        evidence=Evidence(r["sentence"], r["start"], r["end"], r["trigger"]),
        crosswalk=json.loads(r["crosswalk"] or "{}"), directed=bool(r["directed"]),
        source_mention=r["source_mention"], target_mention=r["target_mention"],
        document=r["doc_id"],
    )


def _event_query() -> sa.Select[Any]:
    """Events with their document's id, title, outlet, url and date, by date."""
    return (
        sa.select(
            events,
            documents.c.doc_id.label("doc_id"),
            documents.c.title.label("doc_title"),
            documents.c.source.label("doc_source"),
            documents.c.url.label("doc_url"),
            documents.c.published.label("doc_published"),
        )
        .join(documents, events.c.document == documents.c.pk)
        # "2014" < "2014-07" < "2014-07-03" < "2015" as text; NULLs go last on
        # both SQLite and PostgreSQL because the first key sorts them explicitly.
        .order_by(events.c.date_start.is_(None), events.c.date_start,
                  events.c.date_end, documents.c.pk, events.c.start, events.c.pk)
    )


def _stored(r: Any) -> StoredEvent:
    return StoredEvent(event=_row_event(r), document=r["doc_id"], title=r["doc_title"],
                       outlet=r["doc_source"], url=r["doc_url"], published=r["doc_published"])


def _check_correction(correction: Correction) -> None:
    if correction.action not in CORRECTION_ACTIONS:
        raise CorrectionError(f"unknown correction {correction.action!r}",
                              remedy=f"use one of {', '.join(CORRECTION_ACTIONS)}")
    unknown = sorted(set(correction.changes) - set(CORRECTABLE_FIELDS))
    if unknown:
        raise CorrectionError(f"cannot edit {', '.join(unknown)}",
                              remedy=f"editable fields: {', '.join(CORRECTABLE_FIELDS)}")
    if correction.action == "edit" and not correction.changes:
        raise CorrectionError("an edit needs at least one changed field",
                              remedy="give FIELD=VALUE, e.g. type=crackdown")
    if correction.action != "edit" and correction.changes:
        raise CorrectionError(f"a correction '{correction.action}' changes no fields",
                              remedy="use 'edit' to change fields")


def _sentence_around(text: str, offset: int) -> str:
    """The sentence of ``text`` that holds ``offset``, on one line."""
    from ..text import split_sentences

    for sentence in split_sentences(text):
        if sentence.start <= offset < sentence.end:
            return " ".join(sentence.text.split())
    return ""
