"""The demo tells the truth: `kring demo` writes a past that ends at the moment
it is loaded, ids that grow with time, spaces with real names, and a network
with members on its fringe for the network screens to find."""
import datetime
import os
import re
import sqlite3
import subprocess
import time
import unicodedata
import unittest

from kring_api import KRING, Server, wait_until

DAY = 86400 * 1_000_000
HISTORY_DAYS = 548  # social/demo/demo_community.h, kDemoHistory


def micros_now():
    return time.time_ns() // 1000


def micros_of(rfc3339):
    return int(datetime.datetime.fromisoformat(rfc3339.replace("Z", "+00:00")).timestamp() * 1_000_000)


def slug_of(name):
    """The slug rule of social/demo/vocabulary.h, written again to test it."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower().replace("'", "")).strip("-")
    return slug[:40].rstrip("-")


class OnTheDemo(unittest.TestCase):
    """A server on a freshly loaded demo community of 400 members; tests
    that change the instance get a class of their own."""

    @classmethod
    def setUpClass(cls):
        cls.server = Server()
        cls.loaded_from = micros_now()
        demo = subprocess.run([KRING, "demo", "--data", os.path.join(cls.server.dir, "data"),
                               "--members", "400", "--seed", "11"],
                              capture_output=True, text=True, timeout=300)
        cls.loaded_by = micros_now()
        assert demo.returncode == 0, demo.stderr
        cls.analyst = re.search(r"^\s+(\S+)\s+\(analyst\)", demo.stdout, re.M).group(1)
        cls.db = sqlite3.connect(os.path.join(cls.server.dir, "data", "kring.db"))
        cls.server.start()

    @classmethod
    def tearDownClass(cls):
        cls.db.close()
        cls.server.cleanup()

    def log_in_analyst(self):
        login = self.server.client().post("/api/v1/sessions", {"login": self.analyst, "password": "kring-demo"})
        self.assertEqual(login.status, 201, login)
        return self.server.client(token=login.json["token"])


class DemoTellsTheTruth(OnTheDemo):

    def time_columns(self):
        """(table, column) for every time stamp of the schema: the *_at columns."""
        tables = [r[0] for r in self.db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'")]
        for table in tables:
            for column in self.db.execute(f"PRAGMA table_info('{table}')"):
                if column[1].endswith("_at"):
                    yield table, column[1]

    def test_nothing_is_dated_after_the_moment_of_loading(self):
        checked = []
        for table, column in self.time_columns():
            newest, oldest = self.db.execute(f'SELECT max("{column}"), min("{column}") FROM "{table}"').fetchone()
            if newest is None:
                continue
            checked.append(f"{table}.{column}")
            self.assertLessEqual(newest, self.loaded_by, f"{table}.{column} is dated in the future")
            self.assertGreaterEqual(oldest, self.loaded_from - HISTORY_DAYS * DAY,
                                    f"{table}.{column} reaches back beyond the demo's history")
        for stamp in ("members.created_at", "ties.created_at", "spaces.created_at", "space_members.created_at",
                      "items.created_at", "replies.created_at", "reactions.created_at"):
            self.assertIn(stamp, checked)

    def test_history_spans_eighteen_months_and_grows_towards_now(self):
        first_join, = self.db.execute("SELECT min(created_at) FROM members").fetchone()
        self.assertLess(first_join, self.loaded_from - 540 * DAY, "the instance began about 18 months ago")
        newest_post, = self.db.execute("SELECT max(created_at) FROM items").fetchone()
        self.assertGreater(newest_post, self.loaded_from - 7 * DAY, "someone posted this week")
        half = self.loaded_from - HISTORY_DAYS * DAY // 2
        earlier, = self.db.execute("SELECT count(*) FROM items WHERE created_at < ?", (half,)).fetchone()
        later, = self.db.execute("SELECT count(*) FROM items WHERE created_at >= ?", (half,)).fetchone()
        self.assertGreater(later, 2 * earlier, "activity rises towards now")
        joined_earlier, = self.db.execute("SELECT count(*) FROM members WHERE created_at < ?", (half,)).fetchone()
        self.assertGreater(400 - joined_earlier, joined_earlier, "more members joined lately")

    def test_ids_grow_with_created_at(self):
        for table in ("items", "replies", "spaces"):
            stamps = [r[0] for r in self.db.execute(f"SELECT created_at FROM {table} ORDER BY id")]
            self.assertGreater(len(stamps), 3, table)
            self.assertEqual(stamps, sorted(stamps), f"{table}: a later id has an earlier date")

    def test_the_public_feed_reads_newest_first_by_date(self):
        client = self.server.client()
        stamps, cursor = [], ""
        for _ in range(4):
            page = client.get("/api/v1/feeds/public?limit=50" + (f"&cursor={cursor}" if cursor else "")).json
            stamps += [micros_of(item["created_at"]) for item in page["items"]]
            cursor = page.get("next_cursor")
            if not cursor:
                break
        self.assertGreater(len(stamps), 100)
        self.assertEqual(stamps, sorted(stamps, reverse=True), "newest first by id is newest first by date")
        self.assertLessEqual(stamps[0], self.loaded_by)

    def test_spaces_have_names_from_the_vocabulary_and_unique_slugs_from_them(self):
        spaces = self.db.execute("SELECT name, slug, visibility FROM spaces").fetchall()
        self.assertGreater(len(spaces), 3)
        names = [s[0] for s in spaces]
        slugs = [s[1] for s in spaces]
        self.assertEqual(len(set(names)), len(names), names)
        self.assertEqual(len(set(slugs)), len(slugs), slugs)
        for name, slug, visibility in spaces:
            self.assertNotRegex(slug, r"community-\d")
            self.assertNotRegex(name, r"\d", "a real group is not called by a number")
            if visibility == "secret":
                base = slug_of(name)[:29].rstrip("-")
                self.assertRegex(slug, rf"^{re.escape(base)}-[a-z2-7]{{10}}$", "unguessable, as the server makes it")
            else:
                self.assertEqual(slug, slug_of(name))
        listed = self.server.client().get("/api/v1/spaces?limit=100").json["items"]
        self.assertTrue(listed)
        for space in listed:
            self.assertIn(space["name"], names)

    def test_the_network_has_isolated_pendant_and_bridging_members(self):
        untied = self.db.execute(
            "SELECT count(*) FROM members m WHERE NOT EXISTS "
            "(SELECT 1 FROM ties t WHERE t.source_id = m.id OR t.target_id = m.id)").fetchone()[0]
        self.assertGreaterEqual(untied, 1, "someone has no tie at all")
        analyst = self.log_in_analyst()

        def computed():
            reply = analyst.get("/api/v1/network/metrics?scope=instance")
            return reply.json if reply.status == 200 and not reply.json.get("stale") else None
        metrics = wait_until(computed, timeout=60, what="the network metrics")
        roles = metrics["roles"]
        degrees = {d["degree"]: d["count"] for d in metrics["degree_distribution"]}
        self.assertGreaterEqual(roles.get("isolate", 0), 1, roles)
        self.assertGreaterEqual(degrees.get(1, 0), 1, "someone hangs on by one tie")
        self.assertGreaterEqual(roles.get("peripheral", 0), degrees.get(1, 0), roles)
        self.assertGreaterEqual(roles.get("broker", 0), 1, roles)


class BridgingOnTheDemo(OnTheDemo):
    """The demo's fringe is larger than the list of introductions a host sees."""

    def test_a_newcomer_to_a_space_with_a_crowded_fringe_gets_an_introduction(self):
        analyst = self.log_in_analyst()
        hosted = [s for s in analyst.get("/api/v1/spaces?limit=100").json["items"]
                  if s["my_role"] in ("owner", "moderator") and s["kind"] != "team"]
        self.assertTrue(hosted, "the analyst hosts a space")
        space = hosted[0]["slug"]
        fringe = [b for b in analyst.get("/api/v1/me/suggestions").json["bridges"] if b["space"] == space]
        self.assertEqual(len(fringe), 10, "more members on the fringe than suggestions shown")
        newcomer = self.server.client().post("/api/v1/accounts", {
            "handle": "newcomer", "email": "newcomer@example.org", "password": "correct horse battery"})
        self.assertEqual(newcomer.status, 201, newcomer)
        joined = self.server.client(token=newcomer.json["token"]).post(f"/api/v1/spaces/{space}/members")
        self.assertEqual(joined.status, 200, joined)
        bridges = [b for b in analyst.get("/api/v1/me/suggestions").json["bridges"] if b["space"] == space]
        self.assertIn("newcomer", [b["member"]["handle"] for b in bridges])
        gains = [b["reach_after"] - b["reach_before"] for b in bridges]
        self.assertEqual(gains, sorted(gains, reverse=True), "the widest introductions first")


if __name__ == "__main__":
    unittest.main()
