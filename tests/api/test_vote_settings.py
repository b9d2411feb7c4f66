"""A space's vote settings (PATCH /api/v1/spaces/{s} vote_limit and
review_threshold, shown on the space): the limit caps a member's votes on the
space's ideas that are still open (withdrawn votes and ideas that moved on
free a place; a vote over it is 409 vote_limit_reached and nothing is
written); the threshold moves an open idea to under_review by itself, with a
history entry "Reached N votes" and its status_changed audience told."""
import threading
import unittest

from kring_api import ApiTestCase, ok


class VoteSettings(ApiTestCase):
    def build_shared(self):
        type(self).cast = self.register_cast(
            "vs", ["owner", "author", "moderator"] + [f"v{i}" for i in range(10)])

    def new_space(self, slug, **settings):
        c = self.cast
        slug = ok(c["owner"].post("/api/v1/spaces", {
            "name": slug, "slug": slug, "kind": "neighbourhood", "visibility": "open"}), 201)["slug"]
        for name in c:
            if name not in ("owner", "admin"):
                ok(c[name].post(f"/api/v1/spaces/{slug}/members"))
        if settings:
            ok(c["owner"].patch(f"/api/v1/spaces/{slug}", settings))
        return slug

    def new_idea(self, slug):
        return ok(self.cast["author"].post("/api/v1/items", {
            "kind": "idea", "title": "A bench", "body": "by the pond", "space": slug,
            "visibility": "public"}), 201)

    def vote(self, who, item_id):
        return self.cast[who].post(f"/api/v1/items/{item_id}/votes")

    def seen(self, item_id):
        return ok(self.anonymous().get(f"/api/v1/items/{item_id}"))

    # -- the settings ----------------------------------------------------------------

    def test_the_owner_sets_and_clears_the_settings_and_the_space_shows_them(self):
        slug = self.new_space("vs-settings")
        space = ok(self.anonymous().get(f"/api/v1/spaces/{slug}"))
        self.assertEqual((space["vote_limit"], space["review_threshold"]), (None, None))
        space = ok(self.cast["owner"].patch(f"/api/v1/spaces/{slug}",
                                            {"vote_limit": 3, "review_threshold": 50}))
        self.assertEqual((space["vote_limit"], space["review_threshold"]), (3, 50))
        space = ok(self.cast["owner"].patch(f"/api/v1/spaces/{slug}", {"name": "renamed"}))
        self.assertEqual((space["vote_limit"], space["review_threshold"]), (3, 50))
        space = ok(self.cast["owner"].patch(f"/api/v1/spaces/{slug}", {"vote_limit": None}))
        self.assertEqual((space["vote_limit"], space["review_threshold"]), (None, 50))

    def test_bad_values_are_400_and_change_nothing(self):
        slug = self.new_space("vs-bad", vote_limit=2)
        for field, value in [("vote_limit", 0), ("vote_limit", -1), ("vote_limit", 1001),
                             ("review_threshold", 0), ("review_threshold", 10**7),
                             ("vote_limit", "3"), ("review_threshold", 2.5)]:
            reply = self.cast["owner"].patch(f"/api/v1/spaces/{slug}",
                                             {field: value, "name": "changed"})
            self.assertEqual(reply.status, 400, (field, value, reply))
        space = ok(self.anonymous().get(f"/api/v1/spaces/{slug}"))
        self.assertEqual((space["name"], space["vote_limit"], space["review_threshold"]),
                         ("vs-bad", 2, None))

    def test_only_the_spaces_owner_changes_them(self):
        slug = self.new_space("vs-owner")
        self.assertIn(self.cast["author"].patch(f"/api/v1/spaces/{slug}", {"vote_limit": 1}).status,
                      (403, 404))
        self.assertEqual(ok(self.anonymous().get(f"/api/v1/spaces/{slug}"))["vote_limit"], None)

    # -- the limit -----------------------------------------------------------------

    def test_a_vote_over_the_limit_is_409_and_withdrawn_or_moved_on_ideas_free_a_place(self):
        slug = self.new_space("vs-limit", vote_limit=2)
        a, b, c = (self.new_idea(slug) for _ in range(3))
        ok(self.vote("v0", a["id"]))
        ok(self.vote("v0", b["id"]))
        ok(self.vote("v0", b["id"]))  # a second vote is no vote, and not over the limit
        self.assertError(self.vote("v0", c["id"]), 409, "vote_limit_reached")
        self.assertIn("2", self.vote("v0", c["id"]).json["error"]["message"])
        self.assertEqual(self.seen(c["id"])["votes"], 0)
        ok(self.cast["v0"].delete(f"/api/v1/items/{a['id']}/votes"))
        ok(self.vote("v0", c["id"]))
        ok(self.cast["owner"].post(f"/api/v1/items/{b['id']}/status", {"status": "under_review"}))
        ok(self.vote("v0", a["id"]))  # b moved on: its vote no longer takes a place
        other = self.new_space("vs-limit-other", vote_limit=2)
        ok(self.vote("v0", self.new_idea(other)["id"]))  # the limit is per space

    def test_racing_votes_by_one_member_never_pass_the_limit(self):
        slug = self.new_space("vs-race", vote_limit=3)
        ideas = [self.new_idea(slug) for _ in range(8)]
        token = self.cast["v1"].token
        replies, barrier = [], threading.Barrier(8)

        def cast(item_id):
            barrier.wait(timeout=30)
            replies.append(self.server.client(token=token).post(f"/api/v1/items/{item_id}/votes"))

        threads = [threading.Thread(target=cast, args=(i["id"],)) for i in ideas]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=60)
        self.assertEqual(sorted(r.status for r in replies), [200] * 3 + [409] * 5, replies)
        self.assertEqual(sum(self.seen(i["id"])["votes"] for i in ideas), 3)

    # -- the threshold -------------------------------------------------------------

    def test_reaching_the_threshold_moves_the_idea_to_review_with_history_and_notice(self):
        slug = self.new_space("vs-threshold", review_threshold=3)
        idea = self.new_idea(slug)
        ok(self.vote("v0", idea["id"]))
        ok(self.vote("v1", idea["id"]))
        self.assertEqual(self.seen(idea["id"])["status"], "open")
        ok(self.vote("v2", idea["id"]))
        seen = self.seen(idea["id"])
        self.assertEqual((seen["status"], seen["votes"]), ("under_review", 3))
        self.assertError(self.vote("v3", idea["id"]), 409, "voting_closed")
        history = ok(self.anonymous().get(f"/api/v1/items/{idea['id']}/status-history"))["items"]
        self.assertEqual([(h["from"], h["to"], h["note"]) for h in history],
                         [("open", "under_review", "Reached 3 votes")], history)
        told = [n for n in ok(self.cast["author"].get("/api/v1/notifications?limit=100"))["items"]
                if n["kind"] == "status_changed" and n["item_id"] == idea["id"]]
        self.assertEqual(len(told), 1, told)

    def test_racing_votes_move_the_idea_once(self):
        slug = self.new_space("vs-threshold-race", review_threshold=4)
        idea = self.new_idea(slug)
        replies, barrier = [], threading.Barrier(8)

        def cast(who):
            barrier.wait(timeout=30)
            replies.append(self.server.client(token=self.cast[who].token).post(
                f"/api/v1/items/{idea['id']}/votes"))

        threads = [threading.Thread(target=cast, args=(f"v{i}",)) for i in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=60)
        self.assertEqual(sorted(r.status for r in replies), [200] * 4 + [409] * 4, replies)
        seen = self.seen(idea["id"])
        self.assertEqual((seen["status"], seen["votes"]), ("under_review", 4))
        history = ok(self.anonymous().get(f"/api/v1/items/{idea['id']}/status-history"))["items"]
        self.assertEqual(len(history), 1, history)


if __name__ == "__main__":
    unittest.main()
