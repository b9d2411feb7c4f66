"""Votes on items (POST and DELETE /api/v1/items/{id}/votes): one per member
per item, on kinds whose row in the kind table takes votes (read from GET
/api/v1/vocabulary), cast and withdrawn while the item is at its kind's
initial status; the item carries `votes` and the viewer's `voted`, and
can.vote / can.unvote say whether the endpoint takes a vote or its
withdrawal from the viewer (both are idempotent; `voted` says which applies)."""
import threading
import unittest

from kring_api import ApiTestCase, ok


class Votes(ApiTestCase):
    def build_shared(self):
        c = self.register_cast("vt", ["owner", "author", "member", "other", "outsider", "suspended"])
        vocab = ok(self.anonymous().get("/api/v1/vocabulary"))
        type(self).voted_kind = next(k for k in vocab["kinds"] if k["takes_votes"])
        type(self).unvoted_kind = next(k for k in vocab["kinds"] if not k["takes_votes"])
        slugs = {}
        for visibility in ["open", "closed"]:
            slugs[visibility] = self.new_space(
                c["owner"], f"votes-{visibility}", visibility,
                [c[name] for name in ["author", "member", "other", "suspended"]])
        self.assertEqual(c["admin"].post(f"/api/v1/members/{c['suspended'].handle}/suspend").status, 204)
        c["anonymous"] = self.anonymous()
        type(self).cast = c
        type(self).slugs = slugs

    def new_item(self, where="open", kind=None):
        kind = kind or self.voted_kind
        body = {"kind": kind["name"], "body": "a bench by the pond"}
        if any(f["name"] == "title" for f in kind["fields"]):
            body["title"] = "A bench"
        if where != "profile":
            body["space"] = self.slugs[where]
        if where == "open":
            body["visibility"] = "public"
        return ok(self.cast["author"].post("/api/v1/items", body), 201)

    def vote(self, who, item_id):
        return self.cast[who].post(f"/api/v1/items/{item_id}/votes")

    def unvote(self, who, item_id):
        return self.cast[who].delete(f"/api/v1/items/{item_id}/votes")

    def seen(self, who, item_id):
        return ok(self.cast[who].get(f"/api/v1/items/{item_id}"))

    def close_voting(self, item_id):
        """Moves the item along the first transition out of its initial status."""
        first = next(t for t in self.voted_kind["transitions"]
                     if t["from"] == self.voted_kind["initial_status"])
        ok(self.cast["owner"].post(f"/api/v1/items/{item_id}/status", {"status": first["to"]}))

    # -- one per member ---------------------------------------------------------

    def test_a_new_item_has_no_votes_and_a_member_may_vote(self):
        item = self.new_item()
        self.assertEqual((item["votes"], item["voted"]), (0, False))
        self.assertEqual((item["can"]["vote"], item["can"]["unvote"]), (True, True))

    def test_one_vote_per_member_however_often_they_vote(self):
        item = self.new_item()
        self.assertEqual(ok(self.vote("member", item["id"])), {"votes": 1, "voted": True})
        self.assertEqual(ok(self.vote("member", item["id"])), {"votes": 1, "voted": True})
        self.assertEqual(ok(self.vote("other", item["id"])), {"votes": 2, "voted": True})
        mine = self.seen("member", item["id"])
        self.assertEqual((mine["votes"], mine["voted"]), (2, True))
        theirs = self.seen("anonymous", item["id"])
        self.assertEqual((theirs["votes"], theirs["voted"]), (2, False))

    def test_votes_at_once_by_one_member_count_once(self):
        item = self.new_item()
        token = self.cast["member"].token
        replies, barrier = [], threading.Barrier(8)

        def cast():
            barrier.wait(timeout=30)
            replies.append(self.server.client(token=token).post(f"/api/v1/items/{item['id']}/votes"))

        threads = [threading.Thread(target=cast) for _ in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=60)
        self.assertEqual([r.status for r in replies], [200] * 8, replies)
        self.assertEqual(self.seen("anonymous", item["id"])["votes"], 1)

    def test_a_vote_is_withdrawn_and_withdrawing_again_changes_nothing(self):
        item = self.new_item()
        ok(self.vote("member", item["id"]))
        ok(self.vote("other", item["id"]))
        self.assertEqual(ok(self.unvote("member", item["id"])), {"votes": 1, "voted": False})
        self.assertEqual(ok(self.unvote("member", item["id"])), {"votes": 1, "voted": False})
        seen = self.seen("member", item["id"])
        self.assertEqual((seen["votes"], seen["voted"], seen["can"]["vote"]), (1, False, True))

    # -- when votes are closed, and on what ----------------------------------------

    def test_once_the_item_leaves_its_initial_status_votes_stay_as_they_were(self):
        item = self.new_item()
        ok(self.vote("member", item["id"]))
        self.close_voting(item["id"])
        self.assertError(self.vote("other", item["id"]), 409, "voting_closed")
        self.assertError(self.unvote("member", item["id"]), 409, "voting_closed")
        seen = self.seen("member", item["id"])
        self.assertEqual((seen["votes"], seen["voted"]), (1, True))
        self.assertEqual((seen["can"]["vote"], seen["can"]["unvote"]), (False, False))

    def test_a_kind_that_takes_no_votes_is_409_no_votes_and_shows_none(self):
        item = self.new_item(kind=self.unvoted_kind)
        self.assertError(self.vote("member", item["id"]), 409, "no_votes")
        self.assertError(self.unvote("member", item["id"]), 409, "no_votes")
        seen = self.seen("member", item["id"])
        self.assertEqual((seen["votes"], seen["voted"]), (0, False))
        self.assertEqual((seen["can"]["vote"], seen["can"]["unvote"]), (False, False))

    # -- who may vote -------------------------------------------------------------

    def test_an_item_the_member_may_not_read_is_404_and_a_visitor_401(self):
        item = self.new_item("closed")
        self.assertError(self.vote("outsider", item["id"]), 404, "not_found")
        self.assertError(self.unvote("outsider", item["id"]), 404, "not_found")
        self.assertError(self.vote("outsider", "999999999"), 404, "not_found")
        self.assertError(self.vote("anonymous", item["id"]), 401)
        self.assertError(self.cast["member"].post("/api/v1/items/not-an-id/votes"), 404)
        self.assertEqual(self.seen("member", item["id"])["votes"], 0)

    def test_a_suspended_member_is_403_and_their_earlier_vote_stops_counting(self):
        item = self.new_item()
        self.assertError(self.vote("suspended", item["id"]), 403)
        self.assertError(self.unvote("suspended", item["id"]), 403)
        self.assertEqual(self.seen("member", item["id"])["votes"], 0)
        later = self.register("vt_suspended_later")
        ok(later.post(f"/api/v1/spaces/{self.slugs['open']}/members"))
        ok(later.post(f"/api/v1/items/{item['id']}/votes"))
        self.assertEqual(self.seen("member", item["id"])["votes"], 1)
        self.assertEqual(self.cast["admin"].post(f"/api/v1/members/{later.handle}/suspend").status, 204)
        self.assertEqual(self.seen("member", item["id"])["votes"], 0)

    def test_can_vote_and_unvote_say_what_the_endpoint_does_for_every_viewer(self):
        checked = {True: 0, False: 0}
        for where in ["profile", "open", "closed"]:
            for who in self.cast:
                for first in ["vote", "unvote"]:
                    with self.subTest(where=where, who=who, first=first):
                        item = self.new_item(where)
                        read = self.cast[who].get(f"/api/v1/items/{item['id']}")
                        if read.status == 404:
                            self.assertError(self.vote(who, item["id"]), 401 if who == "anonymous" else 404)
                            continue
                        can = read.json["can"]
                        r = (self.vote if first == "vote" else self.unvote)(who, item["id"])
                        self.assertEqual(r.status == 200, can[first], (first, can, r))
                        checked[can[first]] += 1
                        if first == "vote" and r.status == 200:
                            again = self.seen(who, item["id"])
                            self.assertEqual((again["voted"], again["can"]["unvote"]), (True, True))
                            self.assertEqual(ok(self.unvote(who, item["id"]))["voted"], False)
        self.assertGreater(checked[True], 3, checked)
        self.assertGreater(checked[False], 3, checked)

    # -- in lists -----------------------------------------------------------------

    def test_feeds_carry_the_count_and_the_viewers_vote(self):
        item = self.new_item()
        ok(self.vote("member", item["id"]))
        ok(self.vote("other", item["id"]))
        for path in [f"/api/v1/spaces/{self.slugs['open']}/feed",
                     f"/api/v1/members/{self.cast['author'].handle}/feed", "/api/v1/feeds/public"]:
            with self.subTest(path=path):
                for who, voted in [("member", True), ("outsider", False)]:
                    items = ok(self.cast[who].get(path + "?limit=50"))["items"]
                    mine = next(i for i in items if i["id"] == item["id"])
                    self.assertEqual((mine["votes"], mine["voted"]), (2, voted))
                    self.assertEqual(mine["can"]["vote"], who == "member")  # the outsider is no member


if __name__ == "__main__":
    unittest.main()
