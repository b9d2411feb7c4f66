"""Ties: follow, connect (request/accept/decline/cancel/remove), block, lists, friends of friends."""
import unittest

from kring_api import ApiTestCase


def handles(reply):
    return [m["handle"] for m in reply.json["items"]]


class Follows(ApiTestCase):
    def test_follow_is_directed_and_idempotent(self):
        a, b = self.register("fax"), self.register("fbx")
        self.assertEqual(a.post("/api/v1/members/fbx/follow").json["result"], "created")
        self.assertEqual(a.post("/api/v1/members/fbx/follow").json["result"], "unchanged")
        self.assertEqual(handles(self.anonymous().get("/api/v1/members/fbx/followers")), ["fax"])
        self.assertEqual(handles(self.anonymous().get("/api/v1/members/fax/following")), ["fbx"])
        self.assertEqual(handles(self.anonymous().get("/api/v1/members/fax/followers")), [])
        rel = a.get("/api/v1/members/fbx").json["relationship"]
        self.assertEqual((rel["following"], rel["followed_by"]), (True, False))
        self.assertEqual(b.get("/api/v1/members/fbx").json["counts"]["followers"], 1)
        self.assertEqual(a.delete("/api/v1/members/fbx/follow").json["result"], "removed")
        self.assertEqual(handles(self.anonymous().get("/api/v1/members/fbx/followers")), [])

    def test_follow_errors(self):
        a = self.register("ferr")
        self.assertError(a.post("/api/v1/members/ferr/follow"), 400, "self_tie")
        self.assertError(a.post("/api/v1/members/no_such_member/follow"), 404, "not_found")
        self.assertError(self.anonymous().post("/api/v1/members/ferr/follow"), 401)

    def test_follower_lists_page_newest_first(self):
        star = self.register("star")
        fans = [self.register(f"fan_{i}") for i in range(5)]
        for fan in fans:
            fan.post("/api/v1/members/star/follow")
        first = self.anonymous().get("/api/v1/members/star/followers?limit=2").json
        self.assertEqual([m["handle"] for m in first["items"]], ["fan_4", "fan_3"])
        rest = self.anonymous().get(f"/api/v1/members/star/followers?limit=10&cursor={first['next_cursor']}").json
        self.assertEqual([m["handle"] for m in rest["items"]], ["fan_2", "fan_1", "fan_0"])
        self.assertIsNone(rest["next_cursor"])


class Connections(ApiTestCase):
    def test_request_then_accept_makes_a_mutual_connection(self):
        a, b = self.register("cax"), self.register("cbx")
        self.assertEqual(a.post("/api/v1/members/cbx/connection").json["result"], "requested")
        self.assertEqual(a.get("/api/v1/members/cbx").json["relationship"]["connection"], "requested")
        self.assertEqual(b.get("/api/v1/members/cax").json["relationship"]["connection"], "incoming_request")
        self.assertEqual(handles(b.get("/api/v1/me/connection-requests")), ["cax"])
        self.assertEqual(handles(self.anonymous().get("/api/v1/members/cax/connections")), [])
        self.assertEqual(b.post("/api/v1/members/cax/connection").json["result"], "accepted")
        self.assertEqual(handles(self.anonymous().get("/api/v1/members/cax/connections")), ["cbx"])
        self.assertEqual(handles(self.anonymous().get("/api/v1/members/cbx/connections")), ["cax"])
        self.assertEqual(handles(b.get("/api/v1/me/connection-requests")), [])
        self.assertEqual(a.get("/api/v1/members/cbx").json["relationship"]["connection"], "connected")

    def test_decline_cancel_and_remove(self):
        a, b = self.register("dax"), self.register("dbx")
        a.post("/api/v1/members/dbx/connection")
        self.assertEqual(b.delete("/api/v1/members/dax/connection").json["result"], "declined")
        self.assertEqual(handles(b.get("/api/v1/me/connection-requests")), [])
        a.post("/api/v1/members/dbx/connection")
        self.assertEqual(a.delete("/api/v1/members/dbx/connection").json["result"], "cancelled")
        self.connect(a, b)
        self.assertEqual(b.delete("/api/v1/members/dax/connection").json["result"], "removed")
        self.assertEqual(handles(self.anonymous().get("/api/v1/members/dax/connections")), [])
        self.assertEqual(a.delete("/api/v1/members/dbx/connection").json["result"], "unchanged")

    def test_friends_of_friends_with_the_connections_that_link_you(self):
        me, x, y, z, far = (self.register(h) for h in ("me_fof", "x_fof", "y_fof", "z_fof", "far_fof"))
        self.connect(me, x)
        self.connect(me, y)
        self.connect(x, z)
        self.connect(y, z)
        self.connect(z, far)
        reply = me.get("/api/v1/me/second-degree").json
        self.assertEqual(handles_of(reply), ["z_fof"])
        entry = reply["items"][0]
        self.assertEqual(sorted(v["handle"] for v in entry["via"]), ["x_fof", "y_fof"])
        self.assertEqual(entry["mutual_connections"], 2)
        self.connect(me, z)  # already connected: no longer second degree
        self.assertEqual(handles_of(me.get("/api/v1/me/second-degree").json), ["far_fof"])


def handles_of(body):
    return [m["handle"] for m in body["items"]]


class Blocks(ApiTestCase):
    def test_block_removes_ties_and_hides_both_ways(self):
        a, b = self.register("bax"), self.register("bbx")
        self.connect(a, b)
        a.post("/api/v1/members/bbx/follow")
        b.post("/api/v1/members/bax/follow")
        self.assertEqual(a.post("/api/v1/members/bbx/block").json["result"], "created")
        self.assertEqual(handles(self.anonymous().get("/api/v1/members/bax/connections")), [])
        self.assertEqual(handles(self.anonymous().get("/api/v1/members/bax/followers")), [])
        self.assertEqual(handles(self.anonymous().get("/api/v1/members/bbx/followers")), [])
        self.assertError(b.get("/api/v1/members/bax"), 404)
        self.assertError(a.get("/api/v1/members/bbx"), 404)
        self.assertError(b.post("/api/v1/members/bax/follow"), 404)
        self.assertError(b.post("/api/v1/members/bax/connection"), 404)
        self.assertNotIn("bax", handles(b.get("/api/v1/members?q=ba")))
        self.assertEqual(handles(a.get("/api/v1/me/blocked")), ["bbx"])
        self.assertEqual(a.delete("/api/v1/members/bbx/block").json["result"], "removed")
        self.assertEqual(b.get("/api/v1/members/bax").status, 200)


class Suspension(ApiTestCase):
    def test_admin_suspends_and_the_member_disappears(self):
        admin = self.register("the_admin")
        member = self.register("trouble")
        bystander = self.register("bystander")
        self.assertError(bystander.post("/api/v1/members/trouble/suspend"), 403)
        self.assertEqual(admin.post("/api/v1/members/trouble/suspend").status, 204)
        self.assertError(bystander.get("/api/v1/members/trouble"), 404)
        self.assertNotIn("trouble", handles(self.anonymous().get("/api/v1/members")))
        self.assertError(member.post("/api/v1/members/bystander/follow"), 403)
        self.assertEqual(member.get("/api/v1/me").status, 200)  # may still read own data
        self.assertEqual(admin.delete("/api/v1/members/trouble/suspend").status, 204)
        self.assertEqual(bystander.get("/api/v1/members/trouble").status, 200)


if __name__ == "__main__":
    unittest.main()
