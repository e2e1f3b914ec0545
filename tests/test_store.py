"""The store: idempotent, atomic adds; counts; the dyad query."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import OperationalError

from tieline.errors import StoreError
from tieline.store.store import Store, database_url


def test_adding_the_same_extraction_twice_stores_it_once(store, make_event, make_extraction):
    extraction = make_extraction(make_event("amber-lions", "cobalt-guard", "training", "2014"))

    assert store.add(extraction) is True
    assert store.add(extraction) is False
    assert store.stats() == {"documents": 1, "events": 1, "actors": 2}


def test_same_text_under_another_id_is_a_duplicate(store, make_event, make_extraction):
    event = make_event("amber-lions", "cobalt-guard", "training", "2014")
    store.add(make_extraction(event, text="Same wire story.", doc_id="outlet-a/1"))

    assert store.add(make_extraction(event, text="Same wire story.", doc_id="outlet-b/9")) is False


def test_a_failing_insert_leaves_no_partial_document(store, make_event, make_extraction,
                                                     monkeypatch):
    extraction = make_extraction(make_event("amber-lions", "cobalt-guard", "training", "2014"))

    def broken_insert(*args, **kwargs):
        # The document and its mentions are written by now: the crash is mid-way.
        raise OperationalError("INSERT INTO events ...", {}, Exception("disk I/O error"))

    monkeypatch.setattr(Store, "_insert_events", broken_insert)
    with pytest.raises(StoreError, match="disk I/O error"):
        store.add(extraction)

    assert store.stats() == {"documents": 0, "events": 0, "actors": 0}
    assert not store.has(extraction.document.content_hash)
    monkeypatch.undo()
    assert store.add(extraction) is True


def test_a_duplicate_event_id_rejects_the_whole_document(store, make_event, make_extraction):
    first = make_event("amber-lions", "cobalt-guard", "training", "2014", id="same")
    second = make_event("amber-lions", "cobalt-guard", "financing", "2014", id="same")

    with pytest.raises(StoreError):
        store.add(make_extraction(first, second))
    assert store.stats()["documents"] == 0


def test_stats_count_distinct_actors_of_events_and_mentions(store, make_event,
                                                            make_extraction):
    store.add(make_extraction(make_event("amber-lions", "cobalt-guard", "training", "2014")))
    store.add(make_extraction(make_event("cobalt-guard", "amber-lions", "armed_clash", "2016"),
                              make_event("cobalt-legion", "amber-lions", "threat", "2013")))

    assert store.stats() == {"documents": 2, "events": 3, "actors": 3}


def test_events_between_are_sorted_by_date_with_undated_last(store, make_event,
                                                             make_extraction):
    dates = ["2015", None, "2014-07-03", "2014", "2014-07"]
    store.add(make_extraction(*[make_event("amber-lions", "cobalt-guard", "training", d)
                                for d in dates]))

    found = store.events_between({"amber-lions"}, {"cobalt-guard"})

    assert [s.event.date.start for s in found] == ["2014", "2014-07", "2014-07-03", "2015", None]


def test_events_between_match_both_directions_and_only_the_pair(store, make_event,
                                                                make_extraction):
    store.add(make_extraction(
        make_event("amber-lions", "cobalt-guard", "training", "2014", id="forward"),
        make_event("cobalt-guard", "amber-lions", "armed_clash", "2016", id="backward"),
        make_event("amber-lions", "cobalt-legion", "financing", "2012", id="other-pair"),
    ))

    found = store.events_between({"amber-lions"}, {"cobalt-guard"})

    assert [s.event.id for s in found] == ["forward", "backward"]


def test_a_stored_event_reads_back_as_it_was_written(store, make_event, make_extraction):
    event = make_event("amber-lions", "cobalt-guard", "arms_transfer", "2014-07",
                       modality="alleged", negated=True)
    extraction = make_extraction(event, doc_id="article-7")
    store.add(extraction)

    (stored,) = store.events_between({"amber-lions"}, {"cobalt-guard"})

    assert stored.document == "article-7"
    assert stored.title == extraction.document.title
    assert stored.to_dict() == {**event.to_dict(), "document": "article-7"}


def test_documents_read_back_with_their_metadata(store, make_event, make_extraction):
    extraction = make_extraction(make_event("amber-lions", "cobalt-guard", "training"),
                                 published="2018-01-10")
    store.add(extraction)

    assert list(store.documents()) == [extraction.document]


def test_a_plain_path_opens_a_sqlite_file(tmp_path: Path):
    path = tmp_path / "plain.db"

    with Store(str(path)) as store:
        assert store.url == f"sqlite:///{path}"
    assert path.exists()
    assert database_url("news.db") == "sqlite:///news.db"


def test_sqlite_files_use_wal_and_foreign_keys(store):
    if store.engine.dialect.name != "sqlite":
        pytest.skip("SQLite pragmas")
    with store.engine.connect() as conn:
        assert conn.execute(sa.text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(sa.text("PRAGMA foreign_keys")).scalar() == 1


@pytest.mark.parametrize("target, message", [
    ("nosuchdb://host/x", "cannot use database"),
    ("sqlite:////no/such/folder/x.db", "cannot open database"),
    ("postgresql+nosuchdriver://host/db", "cannot use database"),
])
def test_a_bad_or_unreachable_database_is_a_store_error(target, message):
    with pytest.raises(StoreError, match=message):
        Store(target)


def test_opening_a_missing_file_read_only_is_a_store_error(tmp_path: Path):
    with pytest.raises(StoreError, match="no database at"):
        Store(str(tmp_path / "missing.db"), create=False)
    assert not (tmp_path / "missing.db").exists()
