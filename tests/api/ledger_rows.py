"""Rows of the ledger and of RSVPs written straight into a test server's
database file. The contributions and RSVP APIs are built in parallel with
the reputation and the network edges that read these tables (issue 11), so
their tests write the rows as migration 16 defines them, as the demo does.
Times are microseconds since the epoch, as in every *_at column."""
import os
import sqlite3
import time

DAY_US = 86_400 * 1_000_000


def now_us():
    return int(time.time() * 1_000_000)


def connect(server):
    return sqlite3.connect(os.path.join(server.dir, "data", "kring.db"), timeout=10)


def member_id(server, handle):
    db = connect(server)
    try:
        return db.execute("SELECT id FROM members WHERE handle = ?", (handle,)).fetchone()[0]
    finally:
        db.close()


def execute(server, sql, args=()):
    db = connect(server)
    try:
        with db:
            db.execute(sql, args)
    finally:
        db.close()


def add_contribution(server, item_id, giver, receiver, kind="time", amount=1, status="confirmed",
                     decided_at=None):
    """A contribution from giver to receiver (handles) on the item; decided_at
    defaults to now for a decided row (confirmed or declined)."""
    at = now_us()
    if decided_at is None and status in ("confirmed", "declined"):
        decided_at = at
    execute(server, "INSERT INTO contributions (item_id, giver_id, receiver_id, kind, amount, status, "
                    "created_at, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (int(item_id), member_id(server, giver), member_id(server, receiver), kind, amount, status,
             at, decided_at))


def add_rsvp(server, item_id, handle, checked_in_at=None, state="going"):
    execute(server, "INSERT INTO rsvps (item_id, member_id, state, guests, position, responded_at, "
                    "checked_in_at) VALUES (?, ?, ?, 0, (SELECT COUNT(*) FROM rsvps WHERE item_id = ?), ?, ?)",
            (int(item_id), member_id(server, handle), state, int(item_id), now_us(), checked_in_at))


def network_version(server):
    db = connect(server)
    try:
        return db.execute("SELECT version FROM network_version").fetchone()[0]
    finally:
        db.close()
