"""Follow-up questions (the kind table's follow_up; POST
/api/v1/items/{id}/fixed): a week after a report is solved its reporter is
asked, once, whether it is fixed, by a fixed_check notification from whoever
solved it; a no reopens it by the kind's reopen move, a yes keeps it solved.
The server sweeps every second here (--follow-up-interval 1); the tests age
a solved report by moving its status change back in the database file."""
import os
import sqlite3
import time
import unittest

from kring_api import ApiTestCase, ok, wait_until

DAY_US = 86_400 * 1_000_000


class FollowUps(ApiTestCase):
    server_args = ("--follow-up-interval", "1")

    def build_shared(self):
        c = self.register_cast("fu", ["host", "reporter", "neighbour", "outsider"])
        vocab = ok(self.anonymous().get("/api/v1/vocabulary"))
        type(self).report = next(k for k in vocab["kinds"] if k["name"] == "report")
        slugs = {}
        for visibility in ["open", "closed"]:
            slugs[visibility] = self.new_space(c["host"], f"wijk-{visibility}", visibility,
                                               [c["reporter"], c["neighbour"]])
        c["anonymous"] = self.anonymous()
        type(self).cast = c
        type(self).slugs = slugs

    # -- helpers --------------------------------------------------------------

    def new_report(self, where="open", author="reporter"):
        body = {"kind": "report", "space": self.slugs[where], "title": "Street light out",
                "body": "Dark in front of number 40.", "category": "lighting",
                "location": {"lat": 52.09195, "lon": 5.10372, "address": "Kanaalstraat 40"}}
        if where == "open":
            body["visibility"] = "public"
        return ok(self.cast[author].post("/api/v1/items", body), 201)

    def move(self, item_id, status, who="host"):
        return self.cast[who].post(f"/api/v1/items/{item_id}/status", {"status": status})

    def solved_report(self, where="open"):
        item = self.new_report(where)
        for status in ["acknowledged", "in_progress", "solved"]:
            ok(self.move(item["id"], status))
        return item

    def age(self, item_id, days):
        """Moves the item's latest status change `days` into the past."""
        db = sqlite3.connect(os.path.join(self.server.dir, "data", "kring.db"), timeout=10)
        with db:
            db.execute("UPDATE item_status_changes SET changed_at = changed_at - ? "
                       "WHERE id = (SELECT MAX(id) FROM item_status_changes WHERE item_id = ?)",
                       (days * DAY_US, item_id))
        db.close()

    def questions(self, who, item_id):
        items = ok(self.cast[who].get("/api/v1/notifications?limit=100"))["items"]
        return [n for n in items if n["kind"] == "fixed_check" and n["item_id"] == item_id]

    def answer(self, item_id, fixed, who="reporter"):
        return self.cast[who].post(f"/api/v1/items/{item_id}/fixed", {"fixed": fixed})

    def wait_for_question(self, item_id):
        return wait_until(lambda: self.questions("reporter", item_id), timeout=15,
                          what="the fixed_check question")

    def quiet_sweeps(self):
        time.sleep(2.5)  # more than two sweeps at one a second

    # -- the table ------------------------------------------------------------

    def test_the_vocabulary_publishes_the_follow_up_of_the_report_kind(self):
        self.assertEqual(self.report["follow_up"],
                         {"status": "solved", "after_days": 7, "reopen_to": "in_progress"})
        reopen = next(t for t in self.report["transitions"]
                      if (t["from"], t["to"]) == ("solved", "in_progress"))
        self.assertIn("author", reopen["by"])

    # -- asking ---------------------------------------------------------------

    def test_a_week_after_solved_the_reporter_is_asked_once_by_the_one_who_solved_it(self):
        item = self.solved_report()
        self.age(item["id"], 6)
        self.quiet_sweeps()
        self.assertEqual(self.questions("reporter", item["id"]), [])
        self.age(item["id"], 2)
        asked = self.wait_for_question(item["id"])
        self.assertEqual(len(asked), 1)
        self.assertEqual(asked[0]["actor"]["handle"], self.cast["host"].handle)
        self.quiet_sweeps()
        self.assertEqual(len(self.questions("reporter", item["id"])), 1)
        for who in ["host", "neighbour", "admin"]:
            self.assertEqual(self.questions(who, item["id"]), [], who)

    def test_a_report_solved_longer_ago_than_the_reopen_window_is_not_asked_about(self):
        item = self.solved_report()
        self.age(item["id"], 31)
        self.quiet_sweeps()
        self.assertEqual(self.questions("reporter", item["id"]), [])

    def test_a_report_that_moved_on_from_solved_is_not_asked_about(self):
        item = self.solved_report()
        self.age(item["id"], 8)
        ok(self.move(item["id"], "in_progress"))  # the hosts reopened it themselves
        self.quiet_sweeps()
        self.assertEqual(self.questions("reporter", item["id"]), [])

    # -- answering ------------------------------------------------------------

    def test_yes_keeps_it_solved_and_a_second_answer_is_409(self):
        item = self.solved_report()
        self.age(item["id"], 8)
        self.wait_for_question(item["id"])
        self.assertTrue(ok(self.cast["reporter"].get(f"/api/v1/items/{item['id']}"))
                        ["can"]["answer_follow_up"])
        self.assertEqual(ok(self.answer(item["id"], True))["status"], "solved")
        self.assertError(self.answer(item["id"], True), 409, "already_answered")
        self.assertError(self.answer(item["id"], False), 409, "already_answered")
        self.assertEqual(ok(self.cast["host"].get(f"/api/v1/items/{item['id']}"))["status"], "solved")

    def test_no_reopens_it_as_the_reporters_move_and_a_new_solve_is_asked_about_again(self):
        item = self.solved_report()
        self.age(item["id"], 8)
        self.wait_for_question(item["id"])
        self.assertEqual(ok(self.answer(item["id"], False))["status"], "in_progress")
        history = ok(self.cast["host"].get(f"/api/v1/items/{item['id']}/status-history"))["items"]
        self.assertEqual((history[0]["from"], history[0]["to"]), ("solved", "in_progress"))
        self.assertEqual(history[0]["actor"]["handle"], self.cast["reporter"].handle)
        self.assertError(self.answer(item["id"], False), 409, "no_follow_up")
        ok(self.move(item["id"], "solved"))
        self.age(item["id"], 8)
        wait_until(lambda: len(self.questions("reporter", item["id"])) == 2, timeout=15,
                   what="a second question after the second solve")

    def test_an_answer_before_the_question_means_no_question(self):
        item = self.solved_report()
        self.assertEqual(ok(self.answer(item["id"], True))["status"], "solved")
        self.age(item["id"], 8)
        self.quiet_sweeps()
        self.assertEqual(self.questions("reporter", item["id"]), [])

    def test_only_the_reporter_answers_and_only_while_it_is_solved(self):
        item = self.solved_report()
        for who in ["host", "neighbour", "admin", "outsider"]:
            with self.subTest(who=who):
                self.assertError(self.answer(item["id"], False, who), 403, "forbidden")
                self.assertFalse(ok(self.cast[who].get(f"/api/v1/items/{item['id']}"))
                                 ["can"]["answer_follow_up"])
        self.assertError(self.answer(item["id"], True, "anonymous"), 401)
        fresh = self.new_report()
        self.assertFalse(fresh["can"]["answer_follow_up"])
        self.assertError(self.answer(fresh["id"], True), 409, "no_follow_up")
        note = ok(self.cast["reporter"].post("/api/v1/items", {"kind": "note", "body": "hi"}), 201)
        self.assertError(self.answer(note["id"], True), 409, "no_follow_up")
        self.assertEqual(ok(self.cast["host"].get(f"/api/v1/items/{item['id']}"))["status"], "solved")

    def test_a_closed_spaces_report_is_404_to_outsiders_and_bad_bodies_are_400(self):
        item = self.solved_report("closed")
        self.assertError(self.answer(item["id"], True, "outsider"), 404)
        self.assertError(self.answer(999999999, True), 404)
        for body in [{}, {"fixed": "yes"}, {"fixed": 1}, {"fixed": True, "extra": 1}]:
            with self.subTest(body=body):
                r = self.cast["reporter"].post(f"/api/v1/items/{item['id']}/fixed", body)
                self.assertEqual(r.status, 400, r)
        self.assertTrue(ok(self.cast["reporter"].get(f"/api/v1/items/{item['id']}"))
                        ["can"]["answer_follow_up"])


if __name__ == "__main__":
    unittest.main()
