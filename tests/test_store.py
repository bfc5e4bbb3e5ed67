"""The SQLite store on a real file: creation, WAL, permissions, migrations, erasure and retention."""

from __future__ import annotations

import sqlite3
import stat
import threading
from datetime import timedelta
from pathlib import Path

import pytest
from concerns_support import START

from bot.store.base import StoreError
from bot.store.migrations import MIGRATIONS, migrate
from bot.store.records import FeedbackCount, NewConcern
from bot.store.sqlite import SqliteStore

OFFICE = ["office-email:office@school.example"]


def new_concern(n: int = 1, user: str = "telegram:1001", **extra: object) -> NewConcern:
    fields: dict[str, object] = {
        "submission_id": f"sub-{user}-{n}",
        "user_id": user,
        "text": f"Concern number {n}",
        "channel": "telegram",
        "chat_id": user.split(":")[1],
        "role": "parent",
        "child_class": "Oak",
        "name": "Sam Parent",
        "contact": "07700 900123",
    }
    return NewConcern(**{**fields, **extra})  # type: ignore[arg-type]


@pytest.fixture
def store(tmp_path: Path) -> SqliteStore:
    s = SqliteStore(tmp_path / "nested" / "dir" / "bot.sqlite3")
    yield s
    s.close()


def test_store_creates_private_wal_database_in_a_new_folder(tmp_path: Path) -> None:
    path = tmp_path / "nested" / "dir" / "bot.sqlite3"
    store = SqliteStore(path)
    store.set_role("telegram:1", "parent")
    mode = stat.S_IMODE(path.stat().st_mode)
    journal = sqlite3.connect(path).execute("PRAGMA journal_mode").fetchone()[0]
    wal_mode = stat.S_IMODE(Path(f"{path}-wal").stat().st_mode)
    store.close()
    assert (mode, journal, wal_mode) == (0o600, "wal", 0o600)


def test_existing_world_readable_file_is_made_private(tmp_path: Path) -> None:
    path = tmp_path / "bot.sqlite3"
    SqliteStore(path).close()
    path.chmod(0o644)  # e.g. copied back from a backup with wider permissions
    SqliteStore(path).close()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_role_state_and_feedback_survive_reopening(tmp_path: Path) -> None:
    path = tmp_path / "bot.sqlite3"
    first = SqliteStore(path)
    first.set_role("telegram:1", "staff")
    first.set_state("telegram:1", {"flow": "concern", "parts": ["<b>{{ 7*7 }}</b> 😀"]}, now=START)
    first.record_feedback("photos", True)
    first.record_feedback("photos", False)
    first.record_feedback("photos", True)
    first.close()
    again = SqliteStore(path)
    assert again.get_role("telegram:1") == "staff"
    assert again.get_state("telegram:1") == {"flow": "concern", "parts": ["<b>{{ 7*7 }}</b> 😀"]}
    assert again.state_updated_at("telegram:1") == START
    assert again.feedback_counts() == {"photos": FeedbackCount(helpful=2, unhelpful=1)}
    again.close()


def test_idle_states_lists_only_conversations_older_than_the_cutoff(store: SqliteStore) -> None:
    store.set_state("telegram:1", {"n": 1}, now=START)
    store.set_state("telegram:2", {"n": 2}, now=START + timedelta(minutes=20))
    assert store.idle_states(START + timedelta(minutes=10)) == [("telegram:1", {"n": 1})]
    store.clear_state("telegram:1")
    assert store.get_state("telegram:1") is None


def test_references_count_up_per_year_and_restart_in_january(store: SqliteStore) -> None:
    refs = [store.create_concern(new_concern(n), OFFICE, "MM", START).reference for n in range(1, 4)]
    next_year = START.replace(year=2027)
    refs.append(store.create_concern(new_concern(9), OFFICE, "MM", next_year).reference)
    assert refs == ["MM-2026-0001", "MM-2026-0002", "MM-2026-0003", "MM-2027-0001"]


def test_the_same_submission_is_stored_once(store: SqliteStore) -> None:
    first = store.create_concern(new_concern(1), OFFICE, "MM", START)
    second = store.create_concern(new_concern(1), OFFICE, "MM", START)
    assert (second.reference, len(store.list_concerns()), len(store.deliveries_for(first.id))) == (
        first.reference,
        1,
        1,
    )


def test_concern_text_is_stored_verbatim(store: SqliteStore) -> None:
    text = "<script>alert('x')</script> {{ 7*7 }} {% if 1 %}x{% endif %} 😀\n\n\n  indented\x00end"
    concern = store.create_concern(new_concern(text=text), OFFICE, "MM", START)
    assert store.get_concern(concern.reference.lower()).text == text  # type: ignore[union-attr]


def test_forget_user_erases_their_details_but_keeps_a_stub(store: SqliteStore) -> None:
    store.set_role("telegram:1001", "parent")
    store.set_state("telegram:1001", {"flow": "concern"})
    mine = store.create_concern(new_concern(1), OFFICE, "MM", START)
    store.create_concern(new_concern(2, user="telegram:2002"), OFFICE, "MM", START)
    store.add_office_reply(mine.reference, "We'll call you tomorrow.", "Mrs Office")
    erased = store.forget_user("telegram:1001")
    stub = store.get_concern(mine.reference)
    assert erased == {
        "role": 1,
        "conversation": 1,
        "concerns": 1,
        "office_replies": 1,
        "safeguarding_kept": 0,
    }
    assert stub is not None
    assert (stub.text, stub.name, stub.contact, stub.child_class, stub.user_id, stub.chat_id) == ("",) * 6
    assert (stub.reference, stub.status, stub.created_at, stub.redacted) == (
        mine.reference,
        "open",
        START,
        True,
    )
    assert [r.text for r in store.office_replies(mine.id)] == [""]
    assert [d.status for d in store.deliveries_for(mine.id)] == ["failed"]  # nothing left to deliver
    assert store.get_role("telegram:1001") is None and store.get_state("telegram:1001") is None
    assert store.concerns_for_user("telegram:2002")[0].text == "Concern number 2"
    assert store.forget_user("telegram:1001") == {
        "role": 0,
        "conversation": 0,
        "concerns": 0,
        "office_replies": 0,
        "safeguarding_kept": 0,
    }


def test_purge_deletes_only_concerns_closed_before_the_cutoff(store: SqliteStore) -> None:
    old = store.create_concern(new_concern(1), OFFICE, "MM", START)
    recent = store.create_concern(new_concern(2), OFFICE, "MM", START)
    still_open = store.create_concern(new_concern(3), OFFICE, "MM", START)
    store.add_office_reply(old.reference, "Sorted.", "office")
    store.close_concern(old.reference, START + timedelta(days=1))
    store.close_concern(recent.reference, START + timedelta(days=300))
    purged = store.purge_closed(START + timedelta(days=100))
    left = [c.reference for c in store.list_concerns()]
    assert (purged, left) == (1, [recent.reference, still_open.reference])
    assert store.deliveries_for(old.id) == [] and store.office_replies(old.id) == []
    # References are never reused after a purge.
    assert store.create_concern(new_concern(4), OFFICE, "MM", START).reference == "MM-2026-0004"


def test_forget_user_keeps_safeguarding_alerts_whole_and_still_to_be_delivered(store: SqliteStore) -> None:
    alert = store.create_concern(
        new_concern(1, kind="safeguarding", priority="high", route="dsl", text="He hits her."),
        ["dsl-email:dsl@school.example"],
        "MM",
        START,
    )
    concern = store.create_concern(new_concern(2), OFFICE, "MM", START)
    erased = store.forget_user("telegram:1001")
    kept = store.get_concern(alert.reference)
    assert erased["concerns"] == 1 and erased["safeguarding_kept"] == 1
    assert kept is not None and (kept.text, kept.name, kept.redacted) == ("He hits her.", "Sam Parent", False)
    assert [d.status for d in store.deliveries_for(alert.id)] == ["pending"]
    assert store.get_concern(concern.reference).text == ""  # type: ignore[union-attr]


def test_purge_keeps_closed_alerts_until_their_own_retention(store: SqliteStore) -> None:
    alert = store.create_concern(new_concern(1, kind="safeguarding", priority="high"), OFFICE, "MM", START)
    concern = store.create_concern(new_concern(2), OFFICE, "MM", START)
    for ref in (alert.reference, concern.reference):
        store.close_concern(ref, START)
    assert store.purge_closed(START + timedelta(days=1)) == 1  # no alert cutoff: alerts stay
    assert [c.reference for c in store.list_concerns()] == [alert.reference]
    assert store.purge_closed(START + timedelta(days=1), START - timedelta(days=1)) == 0
    assert store.purge_closed(START + timedelta(days=1), START + timedelta(days=1)) == 1


def test_older_schema_is_migrated_on_open_keeping_its_data(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    assert migrate(conn, upto=1) == 1
    conn.execute("INSERT INTO roles VALUES ('telegram:7', 'pupil', '2025-01-01T00:00:00+00:00')")
    conn.close()
    store = SqliteStore(path)
    assert (store.version, store.get_role("telegram:7")) == (len(MIGRATIONS), "pupil")
    assert store.create_concern(new_concern(1), OFFICE, "MM", START).reference == "MM-2026-0001"
    store.close()


def test_database_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    conn.close()
    with pytest.raises(StoreError, match="newer than this PolicyBot knows"):
        SqliteStore(path)


def test_store_can_be_used_from_several_threads(store: SqliteStore) -> None:
    errors: list[BaseException] = []

    def work(worker: int) -> None:
        try:
            for n in range(20):
                store.create_concern(new_concern(n, user=f"telegram:{worker}"), OFFICE, "MM", START)
                store.record_feedback("photos", True)
        except BaseException as err:  # collected for the assertion below
            errors.append(err)

    threads = [threading.Thread(target=work, args=(w,)) for w in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    references = [c.reference for c in store.list_concerns()]
    assert (errors, len(set(references)), store.feedback_counts()["photos"].helpful) == ([], 80, 80)


def _file_bytes(path: Path) -> bytes:
    return b"".join(p.read_bytes() for p in (path, Path(f"{path}-wal")) if p.exists())


def test_forget_leaves_no_erased_text_in_the_database_file_while_it_is_open(tmp_path: Path) -> None:
    path = tmp_path / "bot.sqlite3"
    store = SqliteStore(path)
    secret = "Zebrafinch-Quillmore lives at 12 Nowhere Lane"
    long_secret = "Marmalade-Ostrich " * 2000  # spills onto overflow pages
    store.set_state("telegram:1001", {"flow": "concern", "parts": [secret]})
    mine = store.create_concern(
        new_concern(1, text=f"{secret}\n{long_secret}", name=secret), OFFICE, "MM", START
    )
    store.add_office_reply(mine.reference, f"Reply about {secret}", "Mrs Office")
    store.create_concern(
        new_concern(2, user="telegram:2002", text="Kept: Pelican-Umbrella"), OFFICE, "MM", START
    )
    before = _file_bytes(path)
    store.forget_user("telegram:1001")
    after = _file_bytes(path)
    kept = store.concerns_for_user("telegram:2002")[0].text
    store.close()
    assert secret.encode() in before and b"Marmalade-Ostrich" in before
    assert secret.encode() not in after
    assert b"Zebrafinch" not in after and b"Marmalade-Ostrich" not in after
    assert kept == "Kept: Pelican-Umbrella" and b"Pelican-Umbrella" in after


def test_version_2_deliveries_are_kept_when_migrating_to_delivery_purposes(tmp_path: Path) -> None:
    path = tmp_path / "v2.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    assert migrate(conn, upto=2) == 2
    conn.execute(
        "INSERT INTO concerns (reference, submission_id, user_id, text, kind, priority, created_at) "
        "VALUES ('MM-2026-0001', 's1', 'telegram:1', 'Old concern', 'concern', 'normal', ?)",
        (START.isoformat(),),
    )
    conn.execute(
        "INSERT INTO deliveries (concern_id, destination, status, attempts, next_attempt_at, created_at) "
        "VALUES (1, 'office-email:office@school.example', 'pending', 3, ?, ?)",
        (START.isoformat(), START.isoformat()),
    )
    conn.close()
    store = SqliteStore(path)
    (delivery,) = store.deliveries_for(1)
    added = store.add_deliveries(1, ["office-email:office@school.example"], purpose="note", detail="{}")
    store.close()
    assert (delivery.destination, delivery.status, delivery.attempts, delivery.purpose) == (
        "office-email:office@school.example",
        "pending",
        3,
        "",
    )
    assert added == 1  # a note to the same address is a different delivery
