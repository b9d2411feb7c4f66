"""The report kind's workflow (reported -> acknowledged -> in_progress ->
solved | wont_fix | duplicate, wont_fix -> acknowledged), moved by the hosts
of the report's space (or admins where they read it); the reporter reopens a
solved report within 30 days (the transition's author_window_days), the
hosts at any time. A duplicate points at its original, and both show the
link. The generic matrix of test_item_status runs here over the report row
of the kind table (read from GET /api/v1/vocabulary, never copied); the
tests there that need the author to move first, or a way back to the
initial status, are replaced by report-shaped ones.

After the `places` branch lands (category and location required on a
report), new_report() below is the one place that must send them."""
import os
import sqlite3
import unittest

import test_item_status
from test_item_status import ok

DAY_MICROS = 86400 * 1000 * 1000


def new_report(client, space=None, visibility=None, title="Loose paving stone"):
    """Creates a report as `client`; the one place a report's fields are chosen."""
    body = {"kind": "report", "title": title, "body": "by the bus stop, a trip hazard",
            "category": "pavement",
            "location": {"lat": 52.0904, "lon": 5.1022, "address": "Damstraat 12"}}
    if space is not None:
        body["space"] = space
    if visibility is not None:
        body["visibility"] = visibility
    return ok(client.post("/api/v1/items", body), 201)


class ReportWorkflow(test_item_status.ItemStatus):
    # These need the author to make the first move, or a way back to
    # "reported"; a report has neither (report-shaped ones follow).
    test_the_same_status_is_409_invalid_transition_naming_the_allowed_moves = None
    test_every_move_is_kept_with_its_note_newest_first_and_pages = None
    test_the_history_is_for_whoever_may_read_the_item = None
    test_a_suspended_actors_move_stays_without_them_or_their_note = None
    test_an_authors_own_move_tells_only_the_repliers = None

    def setUp(self):
        super().setUp()
        vocab = ok(self.anonymous().get("/api/v1/vocabulary"))
        type(self).workflow = next(k for k in vocab["kinds"] if k["name"] == "report")
        if not hasattr(type(self), "where_of"):
            type(self).where_of = {}

    # -- helpers --------------------------------------------------------------

    def new_item(self, where, kind=None, author="author"):
        if kind is not None and kind["name"] != "report":
            return super().new_item(where, kind, author)
        item = new_report(self.cast[author], None if where == "profile" else self.slugs[where],
                          "public" if where == "open" else None)
        self.where_of[item["id"]] = where
        return item

    def move(self, who, item_id, status, note=None, duplicate_of=None):
        """As the generic move; a move to duplicate names a fresh original
        in the same place unless told which."""
        body = {"status": status}
        if note is not None:
            body["note"] = note
        if status == "duplicate":
            if duplicate_of is None and item_id in self.where_of:
                duplicate_of = self.new_item(self.where_of[item_id])["id"]
            if duplicate_of is not None:
                body["duplicate_of"] = duplicate_of
        return self.cast[who].post(f"/api/v1/items/{item_id}/status", body)

    def read(self, who, item_id):
        return ok(self.cast[who].get(f"/api/v1/items/{item_id}"))

    def history(self, item_id):
        return ok(self.cast["owner"].get(f"/api/v1/items/{item_id}/status-history?limit=100"))["items"]

    def moves_from(self, status):
        return [t["to"] for t in self.workflow["transitions"] if t["from"] == status]

    def age_status(self, item_id, status, days):
        """Moves the time the item entered `status` `days` into the past, in
        the server's database file (the server has no clock of its own to set)."""
        db = sqlite3.connect(os.path.join(self.server.dir, "data", "kring.db"), timeout=10)
        with db:
            n = db.execute("UPDATE item_status_changes SET changed_at = changed_at - ? "
                           "WHERE item_id = ? AND to_status = ?",
                           (days * DAY_MICROS, int(item_id), status)).rowcount
        db.close()
        self.assertGreater(n, 0)

    # -- the table --------------------------------------------------------------

    def test_the_vocabulary_publishes_the_reopen_window(self):
        reopen = [t for t in self.workflow["transitions"] if t["from"] == "solved"]
        self.assertEqual([t["to"] for t in reopen], ["in_progress"])
        self.assertIn("author", reopen[0]["by"])
        self.assertEqual(reopen[0].get("author_window_days"), 30)

    def test_can_move_status_lists_exactly_what_the_endpoint_accepts_for_every_viewer(self):
        for where in ["profile", "open", "closed"]:
            for who in self.cast:
                for status in self.workflow["statuses"]:
                    with self.subTest(where=where, who=who, status=status):
                        item = self.new_item(where)
                        read = self.cast[who].get(f"/api/v1/items/{item['id']}")
                        if read.status == 404:
                            continue
                        r = self.move(who, item["id"], status)
                        self.assertEqual(r.status == 200, status in read.json["can"]["move_status"],
                                         (status, r))

    def test_every_move_the_table_lacks_is_409_naming_the_allowed_ones_and_changes_nothing(self):
        checked = 0
        for status in self.workflow["statuses"]:
            item = self.new_item("open")
            self.assertTrue(self.bring_to("open", item["id"], status), status)
            before = self.history(item["id"])
            for who, allowed in [("moderator", self.moves_from(status)),
                                 ("owner", self.moves_from(status)),
                                 ("admin", self.moves_from(status)),
                                 ("member", []),
                                 ("author", ["in_progress"] if status == "solved" else [])]:
                for target in self.workflow["statuses"]:
                    if target in self.moves_from(status):
                        continue
                    with self.subTest(status=status, who=who, target=target):
                        r = self.move(who, item["id"], target)
                        self.assertError(r, 409, "invalid_transition")
                        self.assertEqual(r.json["error"]["allowed"], allowed)
                        for a in allowed:
                            self.assertIn(f"'{a}'", r.json["error"]["message"])
                        checked += 1
            self.assertEqual(self.read("author", item["id"])["status"], status)
            self.assertEqual(self.history(item["id"]), before)
        self.assertGreater(checked, 50)

    def test_a_suspended_moderator_makes_no_move_and_is_offered_none(self):
        slug = self.slugs["open"]
        host = self.register("rw_suspended_host")
        ok(host.post(f"/api/v1/spaces/{slug}/members"))
        ok(self.cast["owner"].post(f"/api/v1/spaces/{slug}/roles/{host.handle}", {"role": "moderator"}))
        self.assertEqual(self.cast["admin"].post(f"/api/v1/members/{host.handle}/suspend").status, 204)
        for t in self.workflow["transitions"]:
            with self.subTest(move=f"{t['from']}->{t['to']}"):
                item = self.new_item("open")
                self.assertTrue(self.bring_to("open", item["id"], t["from"]))
                before = self.history(item["id"])
                self.assertEqual(ok(host.get(f"/api/v1/items/{item['id']}"))["can"]["move_status"], [])
                body = {"status": t["to"]}
                if t["to"] == "duplicate":
                    body["duplicate_of"] = self.new_item("open")["id"]
                self.assertError(host.post(f"/api/v1/items/{item['id']}/status", body), 403)
                self.assertEqual(self.history(item["id"]), before)

    def test_a_report_in_a_closed_space_is_404_to_outsiders_and_401_to_visitors(self):
        item = self.new_item("closed")
        for t in self.workflow["transitions"]:
            if t["from"] != "reported":
                continue
            with self.subTest(to=t["to"]):
                self.assertError(self.move("outsider", item["id"], t["to"]), 404, "not_found")
                self.assertError(self.move("admin", item["id"], t["to"]), 404, "not_found")
                self.assertError(self.move("anonymous", item["id"], t["to"]), 401)
        self.assertEqual(self.history(item["id"]), [])

    def test_the_hosts_take_a_report_through_to_solved_and_back_from_wont_fix(self):
        item = self.new_item("closed")
        ok(self.move("moderator", item["id"], "acknowledged", "seen"))
        ok(self.move("owner", item["id"], "wont_fix", "not ours"))
        ok(self.move("owner", item["id"], "acknowledged", "it is ours after all"))
        ok(self.move("moderator", item["id"], "in_progress"))
        done = ok(self.move("moderator", item["id"], "solved", "new stone laid"))
        self.assertEqual(done["status"], "solved")
        self.assertEqual([(e["from"], e["to"]) for e in self.history(item["id"])],
                         [("in_progress", "solved"), ("acknowledged", "in_progress"),
                          ("wont_fix", "acknowledged"), ("acknowledged", "wont_fix"),
                          ("reported", "acknowledged")])

    # -- the reopen window -----------------------------------------------------------

    def test_the_reporter_reopens_a_solved_report_within_the_window(self):
        item = self.new_item("open")
        self.bring_to("open", item["id"], "solved")
        self.age_status(item["id"], "solved", 29)
        self.assertEqual(self.read("author", item["id"])["can"]["move_status"], ["in_progress"])
        reopened = ok(self.move("author", item["id"], "in_progress", "still loose"))
        self.assertEqual(reopened["status"], "in_progress")
        self.assertEqual(self.history(item["id"])[0]["actor"]["handle"], self.cast["author"].handle)

    def test_after_the_window_the_reporter_hears_403_and_the_hosts_still_may(self):
        item = self.new_item("open")
        self.bring_to("open", item["id"], "solved")
        self.age_status(item["id"], "solved", 31)
        self.assertEqual(self.read("author", item["id"])["can"]["move_status"], [])
        before = self.history(item["id"])
        r = self.move("author", item["id"], "in_progress")
        self.assertError(r, 403, "forbidden")
        self.assertIn("window", r.json["error"]["message"])
        self.assertIn("30 days", r.json["error"]["message"])
        self.assertEqual(self.history(item["id"]), before)
        self.assertEqual(self.read("moderator", item["id"])["can"]["move_status"], ["in_progress"])
        ok(self.move("moderator", item["id"], "in_progress"))
        # Solved again: the window runs from the latest change into "solved".
        ok(self.move("moderator", item["id"], "solved"))
        self.assertEqual(self.read("author", item["id"])["can"]["move_status"], ["in_progress"])
        ok(self.move("author", item["id"], "in_progress"))

    # -- duplicates ------------------------------------------------------------------

    def test_a_duplicate_names_its_original_and_both_show_the_link(self):
        original = self.new_item("open")
        copies = [self.new_item("open") for _ in range(2)]
        for copy in copies:
            self.assertIsNone(copy["duplicate_of"])
            marked = ok(self.move("moderator", copy["id"], "duplicate", "see the earlier one",
                                  duplicate_of=original["id"]))
            self.assertEqual((marked["status"], marked["duplicate_of"]), ("duplicate", original["id"]))
        for who in ["anonymous", "member", "author"]:
            seen = ok(self.cast[who].get(f"/api/v1/items/{original['id']}"))
            self.assertEqual(seen["duplicates"], [c["id"] for c in copies], who)
            self.assertIsNone(seen["duplicate_of"])
            self.assertEqual(ok(self.cast[who].get(f"/api/v1/items/{copies[0]['id']}"))["duplicate_of"],
                             original["id"])

    def test_a_duplicate_needs_its_original_and_duplicate_of_needs_duplicate(self):
        item = self.new_item("open")
        path = f"/api/v1/items/{item['id']}/status"
        m = self.cast["moderator"]
        self.assertError(m.post(path, {"status": "duplicate"}), 400, "missing_duplicate_of")
        other = self.new_item("open")
        self.assertError(m.post(path, {"status": "acknowledged", "duplicate_of": other["id"]}), 400,
                         "invalid_duplicate_of")
        self.assertError(m.post(path, {"status": "duplicate", "duplicate_of": "x1"}), 400,
                         "invalid_duplicate_of")
        self.assertError(m.post(path, {"status": "duplicate", "duplicate_of": 5}), 400)
        self.assertEqual(self.read("author", item["id"])["status"], "reported")
        self.assertEqual(self.history(item["id"]), [])

    def test_an_original_must_be_another_readable_report_in_the_same_space(self):
        item = self.new_item("open")
        m = "moderator"
        self.assertError(self.move(m, item["id"], "duplicate", duplicate_of=item["id"]), 400,
                         "invalid_duplicate_of")
        elsewhere = self.new_item("profile")
        self.assertError(self.move(m, item["id"], "duplicate", duplicate_of=elsewhere["id"]), 400,
                         "invalid_duplicate_of")
        question = ok(self.cast["author"].post("/api/v1/items", {
            "kind": "question", "body": "is it a hazard?", "space": self.slugs["open"],
            "visibility": "public"}), 201)
        self.assertError(self.move(m, item["id"], "duplicate", duplicate_of=question["id"]), 400,
                         "invalid_duplicate_of")
        self.assertError(self.move(m, item["id"], "duplicate", duplicate_of="999999999"), 404,
                         "not_found")
        # An original the mover may not read is as missing as none.
        closed = self.new_item("closed")
        outsider_space_item = self.new_item("open")
        self.assertError(self.move("admin", outsider_space_item["id"], "duplicate",
                                   duplicate_of=closed["id"]), 404, "not_found")
        self.assertEqual(self.read("author", item["id"])["status"], "reported")
        self.assertEqual(self.history(item["id"]), [])
        self.assertEqual(self.read("author", item["id"])["duplicate_of"], None)

    def test_an_original_that_is_itself_a_duplicate_is_409_naming_its_original(self):
        first = self.new_item("open")
        second = self.new_item("open")
        ok(self.move("moderator", second["id"], "duplicate", duplicate_of=first["id"]))
        third = self.new_item("open")
        r = self.move("moderator", third["id"], "duplicate", duplicate_of=second["id"])
        self.assertError(r, 409, "original_is_duplicate")
        self.assertIn(first["id"], r.json["error"]["message"])
        self.assertEqual(self.read("author", third["id"])["status"], "reported")
        ok(self.move("moderator", third["id"], "duplicate", duplicate_of=first["id"]))
        self.assertEqual(self.read("member", first["id"])["duplicates"], [second["id"], third["id"]])


if __name__ == "__main__":
    unittest.main()
