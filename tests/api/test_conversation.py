"""Conversation: threaded replies with bounded depth, reactions with counts."""
import unittest

from kring_api import ApiTestCase


class Replies(ApiTestCase):
    def test_threaded_replies_with_bounded_depth(self):
        author, replier = self.register("thread_author"), self.register("thread_replier")
        item = author.post("/api/v1/items", {"kind": "question", "body": "Anyone?"}).json
        path = f"/api/v1/items/{item['id']}/replies"
        parent = None
        depths = []
        for level in range(8):
            body = {"body": f"level {level}"}
            if parent:
                body["parent"] = parent
            r = replier.post(path, body)
            self.assertEqual(r.status, 201, r)
            depths.append(r.json["depth"])
            parent = r.json["id"]
        self.assertEqual(depths, [0, 1, 2, 3, 4, 5, 5, 5])
        listed = self.anonymous().get(path).json["items"]
        self.assertEqual([r["body"] for r in listed], [f"level {i}" for i in range(8)])
        self.assertEqual(listed[1]["parent_id"], listed[0]["id"])
        self.assertEqual(self.anonymous().get(f"/api/v1/items/{item['id']}").json["reply_count"], 8)

    def test_reply_errors_change_nothing(self):
        author = self.register("reply_err")
        item = author.post("/api/v1/items", {"kind": "note", "body": "x"}).json
        other = author.post("/api/v1/items", {"kind": "note", "body": "y"}).json
        foreign = author.post(f"/api/v1/items/{other['id']}/replies", {"body": "on other"}).json
        path = f"/api/v1/items/{item['id']}/replies"
        self.assertError(author.post("/api/v1/items/999999/replies", {"body": "x"}), 404)
        self.assertError(author.post(path, {"body": ""}), 400, "empty_body")
        self.assertError(author.post(path, {"body": "x" * 10001}), 400, "too_long")
        self.assertError(author.post(path, {"body": "x", "parent": foreign["id"]}), 400, "invalid_parent")
        self.assertError(author.post(path, {"body": "x", "parent": "abc"}), 400, "invalid_parent")
        self.assertError(self.anonymous().post(path, {"body": "x"}), 401)
        self.assertEqual(self.anonymous().get(path).json["items"], [])

    def test_deleted_reply_keeps_its_place(self):
        author = self.register("reply_del")
        item = author.post("/api/v1/items", {"kind": "note", "body": "x"}).json
        path = f"/api/v1/items/{item['id']}/replies"
        first = author.post(path, {"body": "parent text"}).json
        author.post(path, {"body": "child", "parent": first["id"]})
        self.assertEqual(author.delete(f"/api/v1/replies/{first['id']}").status, 204)
        listed = self.anonymous().get(path).json["items"]
        self.assertTrue(listed[0]["removed"])
        self.assertEqual(listed[0]["body"], "")
        self.assertEqual(listed[1]["body"], "child")


class Reactions(ApiTestCase):
    def test_one_reaction_per_member_per_kind_with_counts(self):
        author, a, b = self.register("react_author"), self.register("react_a"), self.register("react_b")
        item = author.post("/api/v1/items", {"kind": "note", "body": "react to me"}).json
        path = f"/api/v1/items/{item['id']}/reactions"
        self.assertEqual(a.put(path + "/like").json["reactions"], {"like": 1})
        self.assertEqual(a.put(path + "/like").json["reactions"], {"like": 1})
        b.put(path + "/like")
        r = b.put(path + "/celebrate").json
        self.assertEqual(r["reactions"], {"celebrate": 1, "like": 2})
        self.assertEqual(sorted(r["my_reactions"]), ["celebrate", "like"])
        seen = a.get(f"/api/v1/items/{item['id']}").json
        self.assertEqual((seen["reactions"], seen["my_reactions"]), ({"celebrate": 1, "like": 2}, ["like"]))
        self.assertEqual(a.delete(path + "/like").json["reactions"], {"celebrate": 1, "like": 1})
        self.assertError(a.put(path + "/angry"), 400, "unknown_reaction")
        self.assertError(self.anonymous().put(path + "/like"), 401)
        self.assertError(a.put("/api/v1/items/999999/reactions/like"), 404)

    def test_reactions_on_replies(self):
        author, fan = self.register("rr_author"), self.register("rr_fan")
        item = author.post("/api/v1/items", {"kind": "note", "body": "x"}).json
        reply = author.post(f"/api/v1/items/{item['id']}/replies", {"body": "a reply"}).json
        r = fan.put(f"/api/v1/replies/{reply['id']}/reactions/insightful")
        self.assertEqual(r.json["reactions"], {"insightful": 1})
        listed = fan.get(f"/api/v1/items/{item['id']}/replies").json["items"][0]
        self.assertEqual(listed["my_reactions"], ["insightful"])
        kinds = [n["kind"] for n in author.get("/api/v1/notifications").json["items"]]
        self.assertIn("reaction", kinds)


if __name__ == "__main__":
    unittest.main()
