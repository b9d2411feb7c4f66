"""The demo tells the truth: `kring demo` writes a past that ends at the moment
it is loaded, ids that grow with time, spaces with real names, and a network
with members on its fringe for the network screens to find."""
import datetime
import math
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
        cls.demo_output = demo.stdout
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

    # Moments planned ahead, which an instance has in the future by nature: when
    # events and requests take place, when offers expire and lent things are due.
    PLANNED = {("items", "starts_at"), ("items", "ends_at"), ("items", "expires_at"), ("loans", "due_at")}

    def test_nothing_is_dated_after_the_moment_of_loading(self):
        checked = []
        for table, column in self.time_columns():
            if (table, column) in self.PLANNED:
                continue
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
        for table, column in (("items", "created_at"), ("replies", "created_at"), ("spaces", "created_at"),
                              ("item_status_changes", "changed_at"), ("notifications", "created_at")):
            stamps = [r[0] for r in self.db.execute(f"SELECT {column} FROM {table} ORDER BY id")]
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


LOMBOK = (52.0900, 5.1000)  # Lombok, Utrecht: the Kanaalstraat between the Leidse Rijn and the Vleutenseweg


def km_between(a, b):
    """Haversine distance in km on a sphere of the Earth's mean radius."""
    (lat1, lon1), (lat2, lon2) = [(math.radians(p[0]), math.radians(p[1])) for p in (a, b)]
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(h))


class CivicOnTheDemo(OnTheDemo):
    """The municipality's space for Lombok: ideas with votes from across the
    communities or from one, reports at real places in every status, each
    moved along its kind's workflow by the area team."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        line = re.search(r"^in (\S+): (\d+) ideas with (\d+) votes, (\d+) reports at places$", cls.demo_output, re.M)
        assert line, cls.demo_output
        cls.slug = line.group(1)
        cls.printed = {"ideas": int(line.group(2)), "votes": int(line.group(3)), "reports": int(line.group(4))}
        visitor = cls.server.client()
        cls.vocabulary = {k["name"]: k for k in visitor.get("/api/v1/vocabulary").json["kinds"]}
        cls.items = {}
        for kind in ("idea", "report"):
            cls.items[kind], cursor = [], None
            while True:
                page = visitor.get(f"/api/v1/items?space={cls.slug}&kind={kind}&limit=50"
                                   + (f"&cursor={cursor}" if cursor else ""))
                assert page.status == 200, page
                cls.items[kind] += page.json["items"]
                cursor = page.json.get("next_cursor")
                if not cursor:
                    break
        cls.hosts = {r[0]: r[1] for r in cls.db.execute(
            "SELECT m.handle, sm.role FROM space_members sm JOIN members m ON m.id = sm.member_id "
            "JOIN spaces s ON s.id = sm.space_id WHERE s.slug = ? AND sm.role IN ('owner', 'moderator')",
            (cls.slug,))}

    def history(self, item):
        """The item's status changes, oldest first."""
        reply = self.server.client().get(f"/api/v1/items/{item['id']}/status-history?limit=100")
        self.assertEqual(reply.status, 200, reply)
        self.assertIsNone(reply.json.get("next_cursor"))
        return list(reversed(reply.json["items"]))

    def test_the_space_is_public_and_hosted_by_an_area_team(self):
        space = self.server.client().get(f"/api/v1/spaces/{self.slug}")
        self.assertEqual(space.status, 200, space)
        self.assertEqual(space.json["visibility"], "open")
        self.assertIn("Lombok", space.json["name"])
        self.assertEqual(sorted(self.hosts.values()), ["moderator", "moderator", "owner"])
        self.assertEqual(len(self.items["idea"]), self.printed["ideas"])
        self.assertEqual(len(self.items["report"]), self.printed["reports"])
        self.assertGreaterEqual(self.printed["ideas"], 10)
        self.assertGreaterEqual(self.printed["reports"], 15)
        for item in self.items["idea"] + self.items["report"]:
            self.assertEqual(item["visibility"], "public")
            self.assertTrue(item["title"].strip() and item["body"].strip(), item)

    def test_every_status_of_both_workflows_occurs(self):
        for kind in ("idea", "report"):
            self.assertEqual({i["status"] for i in self.items[kind]}, set(self.vocabulary[kind]["statuses"]), kind)

    def test_every_report_has_a_category_and_an_address_in_lombok(self):
        categories = set(self.server.client().get("/api/v1/vocabulary").json["categories"])
        places = set()
        for report in self.items["report"]:
            self.assertIn(report["category"], categories)
            where = report["location"]
            self.assertLess(km_between(LOMBOK, (where["lat"], where["lon"])), 1.5, report["title"])
            self.assertRegex(where["address"], r"Utrecht$")
            places.add((where["lat"], where["lon"]))
        self.assertGreater(len(places), len(self.items["report"]) * 3 // 4, "reports all over the neighbourhood")
        for idea in self.items["idea"]:
            if idea["location"]:
                self.assertLess(km_between(LOMBOK, (idea["location"]["lat"], idea["location"]["lon"])), 1.5)
        near = self.server.client().get("/api/v1/items?kind=report&near=52.0900,5.1000,1.5&limit=50").json["items"]
        self.assertEqual({i["id"] for i in near}, {i["id"] for i in self.items["report"]}, "the map finds them all")

    def test_every_history_walks_the_kind_table_by_those_it_names(self):
        for kind in ("idea", "report"):
            rule = self.vocabulary[kind]
            moves = {(t["from"], t["to"]): t for t in rule["transitions"]}
            for item in self.items[kind]:
                status, changes = rule["initial_status"], self.history(item)
                for change in changes:
                    self.assertEqual(change["from"], status, item["title"])
                    move = moves.get((status, change["to"]))
                    self.assertIsNotNone(move, f"{item['title']}: {status} -> {change['to']} is no move of a {kind}")
                    self.assertTrue(change["note"].strip(), "every move says why, in public")
                    actor = change["actor"]["handle"]
                    if actor in self.hosts:
                        self.assertIn("space_moderator", move["by"])
                    else:
                        self.assertEqual(actor, item["author"]["handle"], "only hosts and the author move it")
                        self.assertIn("author", move["by"])
                    status = change["to"]
                self.assertEqual(status, item["status"], item["title"])
                self.assertEqual(len(changes) == 0, status == rule["initial_status"])

    def test_a_solved_report_is_reopened_by_its_reporter_and_another_asks_is_it_fixed(self):
        reopened = [r for r in self.items["report"]
                    if [(c["from"], c["to"], c["actor"]["handle"]) for c in self.history(r)][-1:] ==
                    [("solved", "in_progress", r["author"]["handle"])]]
        self.assertEqual(len(reopened), 1)
        asked = self.db.execute(
            "SELECT i.id, m.handle FROM item_follow_ups f JOIN items i ON i.id = f.item_id "
            "JOIN members m ON m.id = i.author_id WHERE f.answered_at IS NULL AND i.status = 'solved'").fetchall()
        self.assertEqual(len(asked), 1, "one reporter still has to answer")
        item_id, reporter = asked[0]
        login = self.server.client().post("/api/v1/sessions", {"login": reporter, "password": "kring-demo"})
        me = self.server.client(token=login.json["token"])
        questions = [n for n in me.get("/api/v1/notifications").json["items"] if n["kind"] == "fixed_check"]
        self.assertEqual([n["item_id"] for n in questions], [str(item_id)], questions)
        item = me.get(f"/api/v1/items/{item_id}").json
        self.assertTrue(item["can"]["answer_follow_up"], item["can"])

    def test_the_duplicate_and_its_original_link_both_ways(self):
        duplicates = [r for r in self.items["report"] if r["status"] == "duplicate"]
        self.assertTrue(duplicates)
        client = self.server.client()
        for duplicate in duplicates:
            original = client.get(f"/api/v1/items/{duplicate['duplicate_of']}").json
            self.assertIn(duplicate["id"], original["duplicates"])
            self.assertNotEqual(original["status"], "duplicate")
            self.assertEqual(original["category"], duplicate["category"])
            self.assertLess(km_between((original["location"]["lat"], original["location"]["lon"]),
                                       (duplicate["location"]["lat"], duplicate["location"]["lon"])), 0.25)

    def test_votes_are_cast_while_open_by_members_and_counted(self):
        for idea in self.items["idea"]:
            rows = self.db.execute(
                "SELECT v.created_at, sm.created_at FROM item_votes v LEFT JOIN space_members sm "
                "ON sm.member_id = v.member_id AND sm.space_id = (SELECT id FROM spaces WHERE slug = ?) "
                "WHERE v.item_id = ?", (self.slug, int(idea["id"]))).fetchall()
            self.assertEqual(idea["votes"], len(rows), idea["title"])
            changes = self.history(idea)
            closed = micros_of(changes[0]["changed_at"]) if changes else self.loaded_by
            for voted, joined in rows:
                self.assertIsNotNone(joined, "voters are members of the space")
                self.assertLess(joined, voted)
                self.assertLess(micros_of(idea["created_at"]), voted)
                self.assertLessEqual(voted // 1000, closed // 1000, "votes are cast while the idea is open")
        self.assertEqual(sum(i["votes"] for i in self.items["idea"]), self.printed["votes"])

    def test_some_ideas_are_backed_across_communities_and_some_by_one(self):
        analyst = self.log_in_analyst()

        def computed():
            reply = analyst.get("/api/v1/network/graph?max_nodes=1000")
            return reply.json if reply.status == 200 and not reply.json.get("stale") else None
        graph = wait_until(computed, timeout=60, what="the network graph")
        community = {n["id"]: n["community"] for n in graph["nodes"]}
        spread = {}
        for idea in self.items["idea"]:
            voters = [r[0] for r in self.db.execute(
                "SELECT m.handle FROM item_votes v JOIN members m ON m.id = v.member_id WHERE v.item_id = ?",
                (int(idea["id"]),))]
            if len(voters) >= 8:
                counts = {}
                for handle in voters:
                    key = community.get(handle, handle)  # outside the graph: a community of one
                    counts[key] = counts.get(key, 0) + 1
                spread[idea["title"]] = (len(counts), max(counts.values()) / len(voters))
        self.assertGreaterEqual(len(spread), 6, spread)
        widest = max(n for n, _ in spread.values())
        self.assertGreaterEqual(widest, 4, spread)
        self.assertTrue(any(share >= 0.8 for _, share in spread.values()), f"an idea backed by one cluster: {spread}")
        self.assertTrue(any(share <= 0.5 for _, share in spread.values()), f"an idea backed across: {spread}")


class ExchangeOnTheDemo(OnTheDemo):
    """Lombok's neighbourhood exchange: requests and offers that match, loans
    out and returned, an initiative part way to its goals, past and coming
    events with attendance, each table agreeing with the items' statuses."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        line = re.search(r"^in (\S+): (\d+) requests, (\d+) offers, (\d+) initiatives, (\d+) events, "
                         r"(\d+) contributions, (\d+) rsvps, (\d+) loans$", cls.demo_output, re.M)
        assert line, cls.demo_output
        cls.slug = line.group(1)
        visitor = cls.server.client()
        cls.items = {}
        for kind in ("request", "offer", "initiative", "event"):
            page = visitor.get(f"/api/v1/items?space={cls.slug}&kind={kind}&limit=50")
            assert page.status == 200, page
            cls.items[kind] = page.json["items"]
        cls.printed = {"request": int(line.group(2)), "offer": int(line.group(3)),
                       "initiative": int(line.group(4)), "event": int(line.group(5))}

    def rows(self, sql, *args):
        return self.db.execute(sql, args).fetchall()

    def test_every_kind_is_listed_in_the_space_as_printed(self):
        for kind, count in self.printed.items():
            self.assertGreater(count, 0, kind)
            self.assertEqual(len(self.items[kind]), count, kind)
            for item in self.items[kind]:
                self.assertEqual(item["visibility"], "public")
                self.assertTrue(item["location"], item)

    def test_open_requests_match_offers_and_members_by_skill(self):
        skills_of_members = {r[0] for r in self.rows(
            "SELECT t.term FROM member_terms t JOIN space_members sm ON sm.member_id = t.member_id "
            "JOIN spaces s ON s.id = sm.space_id WHERE s.slug = ? AND t.kind = 'skills'", self.slug)}
        open_requests = [i for i in self.items["request"] if i["status"] == "open"]
        self.assertGreaterEqual(len(open_requests), 2)
        help_offers = [o for o in self.items["offer"] if o["offer"] == "help" and o["status"] == "available"]
        for request in open_requests:
            self.assertTrue(request["skills"], request)
            skill = request["skills"][0].lower()
            self.assertIn(skill, skills_of_members, "someone in the space has the skill")
            fitting = [o for o in help_offers if skill in [s.lower() for s in o["skills"]]
                       and o["author"]["handle"] != request["author"]["handle"]]
            self.assertTrue(fitting, f"an offer fits {request['title']}")
            self.assertLess(km_between((request["location"]["lat"], request["location"]["lon"]),
                                       (fitting[0]["location"]["lat"], fitting[0]["location"]["lon"])), 2)

    def test_loans_agree_with_the_offers_statuses(self):
        loans = self.rows(
            "SELECT i.status, l.lent_at, l.due_at, l.returned_at, l.cancelled_at FROM loans l "
            "JOIN items i ON i.id = l.item_id")
        now = micros_now()
        open_loans = [l for l in loans if l[3] is None and l[4] is None]
        for status, lent_at, due_at, returned_at, _ in open_loans:
            self.assertEqual(status, "lent" if lent_at else "reserved")
        self.assertTrue(any(l[2] is not None and l[2] < now for l in open_loans), "one loan is overdue")
        self.assertTrue(any(l[2] is not None and l[2] > now for l in open_loans), "one is out and due later")
        returned = [l for l in loans if l[3] is not None]
        self.assertTrue(returned, "a loan came back")
        for _, lent_at, _, returned_at, _ in returned:
            self.assertLess(lent_at, returned_at)
        self.assertEqual(self.rows(
            "SELECT count(*) FROM items i WHERE i.kind = 'offer' AND i.status IN ('reserved', 'lent') "
            "AND NOT EXISTS (SELECT 1 FROM loans l WHERE l.item_id = i.id AND l.returned_at IS NULL "
            "AND l.cancelled_at IS NULL)")[0][0], 0, "every held offer has its open loan")
        self.assertEqual(self.rows(
            "SELECT count(*) FROM (SELECT borrower_id FROM loans WHERE returned_at IS NULL GROUP BY borrower_id "
            "HAVING count(*) > 1)")[0][0], 0, "nobody holds two things at once")

    def test_an_initiative_is_part_way_to_goals_in_time_money_and_items(self):
        underway = [i for i in self.items["initiative"] if i["status"] == "underway"]
        self.assertTrue(underway)
        item = underway[0]
        self.assertEqual({g["kind"] for g in item["goals"]}, {"time", "money", "item"})
        organisers = {r[0] for r in self.rows("SELECT member_id FROM item_organisers WHERE item_id = ?", int(item["id"]))}
        self.assertTrue(organisers, "co-organisers")
        author, = self.rows("SELECT author_id FROM items WHERE id = ?", int(item["id"]))[0]
        for position, goal in enumerate(item["goals"]):
            rows = self.rows("SELECT status, amount, giver_id, receiver_id, decided_at, decided_by, kind FROM "
                             "contributions WHERE item_id = ? AND goal_position = ?", int(item["id"]), position)
            confirmed = sum(r[1] for r in rows if r[0] == "confirmed")
            pledged = sum(r[1] for r in rows if r[0] == "pledged")
            self.assertGreater(confirmed, 0, goal)
            self.assertLess(confirmed + pledged, goal["target"], "part way, not there")
            for status, _, giver, receiver, decided_at, decided_by, kind in rows:
                self.assertEqual(kind, goal["kind"])
                self.assertEqual(receiver, author)
                self.assertNotIn(giver, organisers | {author})
                if status in ("confirmed", "declined"):
                    self.assertIsNotNone(decided_at)
                    self.assertIn(decided_by, organisers | {author})
                else:
                    self.assertIsNone(decided_by)
        statuses = {r[0] for r in self.rows("SELECT status FROM contributions WHERE item_id = ?", int(item["id"]))}
        self.assertLessEqual({"pledged", "confirmed"}, statuses)

    def test_past_and_coming_events_with_attendance_within_capacity(self):
        now = micros_now()
        past = [e for e in self.items["event"] if micros_of(e["starts_at"]) < now]
        coming = [e for e in self.items["event"] if micros_of(e["starts_at"]) > now]
        self.assertTrue(past and coming)
        for event in self.items["event"]:
            going, = self.rows("SELECT coalesce(sum(1 + guests), 0) FROM rsvps WHERE item_id = ? AND state = 'going'",
                               int(event["id"]))[0]
            waiting, = self.rows("SELECT count(*) FROM rsvps WHERE item_id = ? AND state = 'waitlisted'",
                                 int(event["id"]))[0]
            self.assertGreater(going, 0, event["title"])
            if event["capacity"] is not None:
                self.assertLessEqual(going, event["capacity"], event["title"])
            if waiting:
                self.assertEqual(going, event["capacity"], "members wait only at a full event")
        checked_in_past = sum(self.rows("SELECT count(checked_in_at) FROM rsvps WHERE item_id = ?", int(e["id"]))[0][0]
                              for e in past)
        checked_in_coming = sum(self.rows("SELECT count(checked_in_at) FROM rsvps WHERE item_id = ?", int(e["id"]))[0][0]
                                for e in coming)
        self.assertGreater(checked_in_past, 0)
        self.assertEqual(checked_in_coming, 0, "nobody checks in before an event")
        self.assertTrue(any(self.rows("SELECT 1 FROM rsvps WHERE item_id = ? AND state = 'waitlisted'", int(e["id"]))
                            for e in coming), "a coming event has a waitlist")


class DemoIsDeterministic(unittest.TestCase):
    """The same seed gives the same Lombok: the same items, authors,
    histories and voters (time stamps stay relative to the moment of loading)."""

    def civic(self, directory):
        out = subprocess.run([KRING, "demo", "--data", directory, "--members", "300", "--seed", "5"],
                             capture_output=True, text=True, timeout=300)
        self.assertEqual(out.returncode, 0, out.stderr)
        db = sqlite3.connect(os.path.join(directory, "kring.db"))
        try:
            items = db.execute(
                "SELECT i.kind, i.title, a.handle, i.status, i.vote_count, i.lat, i.lon, "
                "(SELECT group_concat(c.to_status || ':' || h.handle, ' ') FROM "
                " (SELECT * FROM item_status_changes ORDER BY id) c JOIN members h ON h.id = c.actor_id "
                " WHERE c.item_id = i.id), "
                "(SELECT group_concat(handle, ' ') FROM (SELECT m.handle FROM item_votes v JOIN members m "
                " ON m.id = v.member_id WHERE v.item_id = i.id ORDER BY m.handle)) "
                "FROM items i JOIN members a ON a.id = i.author_id WHERE i.kind IN ('idea', 'report') "
                "ORDER BY i.title").fetchall()
            posts = db.execute("SELECT count(*), sum(length(body)) FROM items").fetchone()
        finally:
            db.close()
        return out.stdout, items, posts

    def test_the_same_seed_gives_the_same_civic_part(self):
        import tempfile
        with tempfile.TemporaryDirectory() as a, tempfile.TemporaryDirectory() as b:
            first, second = self.civic(a), self.civic(b)
        self.assertGreater(len(first[1]), 20)
        self.assertEqual(first, second)


if __name__ == "__main__":
    unittest.main()
