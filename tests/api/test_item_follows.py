"""Following an item (PUT and DELETE /api/v1/items/{id}/follow): idempotent
both ways, answered with {following, followers}; the item carries the same
two fields and can.follow. A follower is told of the item's status changes
(status_changed) under every audience rule; one who stopped following, or
is in a block with the mover, is not."""
import unittest

from kring_api import ApiTestCase, ok


class ItemFollows(ApiTestCase):
    def build_shared(self):
        c = self.register_cast("fl", ["owner", "author", "fan", "other", "blocked", "suspended", "outsider"])
        vocab = ok(self.anonymous().get("/api/v1/vocabulary"))
        type(self).kind = next(k for k in vocab["kinds"] if k["name"] == "question")
        self.slug_open = ok(c["owner"].post("/api/v1/spaces", {
            "name": "Follow open", "slug": "follow-open", "kind": "neighbourhood",
            "visibility": "open"}), 201)["slug"]
        self.slug_secret = ok(c["owner"].post("/api/v1/spaces", {
            "name": "Follow secret", "slug": "follow-secret", "kind": "neighbourhood",
            "visibility": "secret"}), 201)["slug"]
        for name in ["author", "fan", "other", "blocked", "suspended"]:
            ok(c[name].post(f"/api/v1/spaces/{self.slug_open}/members"))
        self.assertEqual(c["admin"].post("/api/v1/members/fl_suspended/suspend").status, 204)
        c["anonymous"] = self.anonymous()
        type(self).cast = c
        type(self).slugs = {"open": self.slug_open, "secret": self.slug_secret}

    def new_item(self, where="open", author="author"):
        body = {"kind": "question", "title": "Where is the key?", "body": "of the shed",
                "space": self.slugs[where]}
        if where == "open":
            body["visibility"] = "public"
        return ok(self.cast[author].post("/api/v1/items", body), 201)

    def follow(self, who, item_id):
        return self.cast[who].put(f"/api/v1/items/{item_id}/follow")

    def unfollow(self, who, item_id):
        return self.cast[who].delete(f"/api/v1/items/{item_id}/follow")

    def status_told(self, who, item_id):
        items = ok(self.cast[who].get("/api/v1/notifications?limit=100"))["items"]
        return [n for n in items if n["kind"] == "status_changed" and n["item_id"] == item_id]

    def move(self, who, item_id, status):
        ok(self.cast[who].post(f"/api/v1/items/{item_id}/status", {"status": status}))

    def test_follow_and_unfollow_are_idempotent_and_counted(self):
        item = self.new_item()
        self.assertEqual((item["following"], item["followers"], item["can"]["follow"]), (False, 0, True))
        self.assertEqual(ok(self.follow("fan", item["id"])), {"following": True, "followers": 1})
        self.assertEqual(ok(self.follow("fan", item["id"])), {"following": True, "followers": 1})
        self.assertEqual(ok(self.follow("other", item["id"])), {"following": True, "followers": 2})
        seen = ok(self.cast["fan"].get(f"/api/v1/items/{item['id']}"))
        self.assertEqual((seen["following"], seen["followers"]), (True, 2))
        anon = ok(self.cast["anonymous"].get(f"/api/v1/items/{item['id']}"))
        self.assertEqual((anon["following"], anon["followers"], anon["can"]["follow"]), (False, 2, False))
        self.assertEqual(ok(self.unfollow("fan", item["id"])), {"following": False, "followers": 1})
        self.assertEqual(ok(self.unfollow("fan", item["id"])), {"following": False, "followers": 1})

    def test_a_follower_is_told_of_a_status_change_and_an_unfollower_is_not(self):
        item = self.new_item()
        ok(self.follow("fan", item["id"]))
        ok(self.follow("other", item["id"]))
        ok(self.unfollow("other", item["id"]))
        self.move("author", item["id"], "answered")
        self.assertEqual(len(self.status_told("fan", item["id"])), 1)
        self.assertEqual(self.status_told("other", item["id"]), [])
        self.assertEqual(self.status_told("author", item["id"]), [])  # the mover

    def test_a_follower_in_a_block_with_the_mover_is_not_told(self):
        item = self.new_item()
        ok(self.follow("blocked", item["id"]))
        ok(self.follow("fan", item["id"]))
        self.assertLess(self.cast["blocked"].post("/api/v1/members/fl_author/block").status, 300)
        try:
            self.move("author", item["id"], "answered")
            self.assertEqual(self.status_told("blocked", item["id"]), [])
            self.assertEqual(len(self.status_told("fan", item["id"])), 1)
        finally:
            self.cast["blocked"].delete("/api/v1/members/fl_author/block")

    def test_a_suspended_member_may_not_follow(self):
        item = self.new_item()
        self.assertError(self.follow("suspended", item["id"]), 403)
        self.assertError(self.unfollow("suspended", item["id"]), 403)
        self.assertFalse(ok(self.cast["suspended"].get(f"/api/v1/items/{item['id']}"))["can"]["follow"])
        self.assertEqual(ok(self.cast["fan"].get(f"/api/v1/items/{item['id']}"))["followers"], 0)

    def test_an_unreadable_item_is_not_found_and_a_visitor_must_log_in(self):
        secret = self.new_item("secret", author="owner")
        self.assertError(self.follow("outsider", secret["id"]), 404, "not_found")
        self.assertError(self.unfollow("outsider", secret["id"]), 404, "not_found")
        self.assertError(self.follow("outsider", "999999999"), 404, "not_found")
        self.assertEqual(ok(self.cast["owner"].get(f"/api/v1/items/{secret['id']}"))["followers"], 0)
        public = self.new_item()
        self.assertEqual(self.follow("anonymous", public["id"]).status, 401)
        self.assertEqual(self.unfollow("anonymous", public["id"]).status, 401)
        self.assertEqual(self.follow("anonymous", secret["id"]).status, 401)


if __name__ == "__main__":
    unittest.main()
