"""The idea kind's workflow (open -> under_review -> accepted | declined;
accepted -> done), moved only by the hosts of the idea's space, or admins
where they read it, never by its author. The generic matrix of
test_item_status runs here over the idea row of the kind table (read from
GET /api/v1/vocabulary); the tests there that need the author to move, or a
way back to the initial status, are replaced by idea-shaped ones."""
import unittest

import test_item_status
from test_item_status import ok


class IdeaWorkflow(test_item_status.ItemStatus):
    # The question's author moves it and it reopens; an idea has neither.
    test_the_same_status_is_409_invalid_transition_naming_the_allowed_moves = None
    test_every_move_is_kept_with_its_note_newest_first_and_pages = None
    test_the_history_is_for_whoever_may_read_the_item = None
    test_a_suspended_actors_move_stays_without_them_or_their_note = None
    test_an_authors_own_move_tells_only_the_repliers = None

    def setUp(self):
        super().setUp()
        vocab = ok(self.anonymous().get("/api/v1/vocabulary"))
        type(self).workflow = next(k for k in vocab["kinds"] if k["name"] == "idea")

    def new_item(self, where, kind=None, author="author"):
        body = {"kind": (kind or self.workflow)["name"], "body": "a bench by the pond"}
        if kind is None or any(f["name"] == "title" for f in kind["fields"]):
            body["title"] = "A bench"
        if where != "profile":
            body["space"] = self.slugs[where]
        if where == "open":
            body["visibility"] = "public"
        return ok(self.cast[author].post("/api/v1/items", body), 201)

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

    def test_the_author_may_not_move_their_own_idea_and_hears_409_naming_nothing(self):
        item = self.new_item("open")
        self.assertEqual(item["status"], "open")
        self.assertEqual(item["can"]["move_status"], [])
        self.assertError(self.move("author", item["id"], "under_review"), 403, "forbidden")
        r = self.move("author", item["id"], "accepted")
        self.assertError(r, 409, "invalid_transition")
        self.assertEqual(r.json["error"]["allowed"], [])

    def test_a_skipped_review_is_409_naming_the_hosts_allowed_move(self):
        item = self.new_item("open")
        for status in ["accepted", "declined", "done", "open"]:
            with self.subTest(status=status):
                r = self.move("moderator", item["id"], status)
                self.assertError(r, 409, "invalid_transition")
                self.assertEqual(r.json["error"]["allowed"], ["under_review"])
        self.assertEqual(ok(self.cast["author"].get(f"/api/v1/items/{item['id']}"))["status"], "open")

    def test_the_hosts_take_an_idea_through_review_to_done_and_every_step_is_kept(self):
        item = self.new_item("closed")
        ok(self.move("moderator", item["id"], "under_review", "on the agenda"))
        r = self.move("owner", item["id"], "done")
        self.assertError(r, 409, "invalid_transition")
        self.assertEqual(r.json["error"]["allowed"], ["accepted", "declined"])
        ok(self.move("owner", item["id"], "accepted"))
        self.assertEqual(ok(self.move("moderator", item["id"], "done", "built"))["status"], "done")
        history = ok(self.cast["member"].get(f"/api/v1/items/{item['id']}/status-history"))["items"]
        self.assertEqual([(e["from"], e["to"]) for e in history],
                         [("accepted", "done"), ("under_review", "accepted"), ("open", "under_review")])
        self.assertEqual(history[0]["note"], "built")
        self.assertEqual(ok(self.cast["owner"].get(f"/api/v1/items/{item['id']}"))["can"]["move_status"], [])

    def test_a_declined_idea_stays_declined(self):
        item = self.new_item("open")
        ok(self.move("moderator", item["id"], "under_review"))
        ok(self.move("moderator", item["id"], "declined", "no budget"))
        for status in self.workflow["statuses"]:
            with self.subTest(status=status):
                r = self.move("owner", item["id"], status)
                self.assertError(r, 409, "invalid_transition")
                self.assertEqual(r.json["error"]["allowed"], [])


if __name__ == "__main__":
    unittest.main()
