"""Visibility in one place (issue 9 point 3): the holes found where the C++
checks and the SQL wrote the rules apart, each pinned through the API.

1. A suspended admin still saw suspended members (profile, tie lists): the
   profile check asked for the admin role without asking for standing.
2. An admin saw a suspended member's profile but not the member in the
   directory, search or space member lists: one rule, one answer.
3. A notification about a reply that was since deleted or hidden stayed in
   the list and the unread count.
4. A space's member list dropped members in a block with the viewer after
   the page was cut, so pages came back short.
"""
import unittest

from kring_api import ApiTestCase


def handles(reply):
    return [m["handle"] for m in reply.json["items"]]


class SuspendedMembersAndAdmins(ApiTestCase):
    def test_only_an_admin_in_good_standing_sees_a_suspended_member(self):
        admin = self.register("vr_admin")  # the first member is the admin
        other_admin = self.register("vr_admin2")
        victim = self.register("vr_victim")
        bystander = self.register("vr_bystander")
        victim.post("/api/v1/members/vr_bystander/follow")
        self.assertEqual(admin.put("/api/v1/members/vr_admin2/role", {"role": "admin"}).status, 204)
        self.assertEqual(admin.post("/api/v1/members/vr_victim/suspend").status, 204)
        self.assertEqual(admin.post("/api/v1/members/vr_admin2/suspend").status, 204)

        self.assertEqual(admin.get("/api/v1/members/vr_victim").status, 200)
        self.assertEqual(admin.get("/api/v1/members/vr_victim/following").status, 200)
        self.assertError(other_admin.get("/api/v1/members/vr_victim"), 404)
        self.assertError(other_admin.get("/api/v1/members/vr_victim/following"), 404)
        self.assertError(bystander.get("/api/v1/members/vr_victim"), 404)


class SuspendedMembersInLists(ApiTestCase):
    def test_an_admin_finds_a_suspended_member_in_lists_as_on_the_profile(self):
        admin = self.register("vl_admin")  # the first member is the admin
        member = self.register("vl_member")
        self.register("vl_gone")
        self.assertEqual(admin.post("/api/v1/members/vl_gone/suspend").status, 204)
        self.assertEqual(admin.get("/api/v1/members/vl_gone").status, 200)
        self.assertIn("vl_gone", handles(admin.get("/api/v1/members?limit=100&q=vl_")))
        self.assertNotIn("vl_gone", handles(member.get("/api/v1/members?limit=100&q=vl_")))
        self.assertNotIn("vl_gone", handles(self.anonymous().get("/api/v1/members?limit=100&q=vl_")))


class RemovedReplies(ApiTestCase):
    def test_a_deleted_reply_takes_its_notifications_away(self):
        author, replier, named = self.register("rr_author"), self.register("rr_replier"), self.register("rr_named")
        item = author.post("/api/v1/items", {"kind": "note", "body": "ask me"}).json
        reply = replier.post(f"/api/v1/items/{item['id']}/replies", {"body": "answer, @rr_named"}).json
        self.assertEqual([n["kind"] for n in author.get("/api/v1/notifications").json["items"]], ["reply"])
        self.assertEqual([n["kind"] for n in named.get("/api/v1/notifications").json["items"]], ["mention"])
        self.assertEqual(replier.delete(f"/api/v1/replies/{reply['id']}").status // 100, 2)
        for client in (author, named):
            with self.subTest(recipient=client.handle):
                shown = client.get("/api/v1/notifications").json
                self.assertEqual(shown["items"], [])
                self.assertEqual(shown["unread_count"], 0)

    def test_a_hidden_reply_takes_its_notifications_away(self):
        owner, member = self.register("rh_owner"), self.register("rh_member")
        slug = owner.post("/api/v1/spaces", {"name": "Hall", "slug": "rh-hall", "kind": "team",
                                             "visibility": "open"}).json["slug"]
        self.assertEqual(member.post(f"/api/v1/spaces/{slug}/members").status // 100, 2)
        item = owner.post("/api/v1/items", {"kind": "note", "body": "topic", "space": slug}).json
        reply = member.post(f"/api/v1/items/{item['id']}/replies", {"body": "off topic"}).json
        self.assertEqual([n["kind"] for n in owner.get("/api/v1/notifications").json["items"]][:1], ["reply"])
        self.assertEqual(owner.post(f"/api/v1/replies/{reply['id']}/hide").status // 100, 2)
        kinds = [n["kind"] for n in owner.get("/api/v1/notifications").json["items"]]
        self.assertNotIn("reply", kinds)


class SpaceMemberPages(ApiTestCase):
    def test_a_block_does_not_cut_a_page_of_space_members_short(self):
        owner, blocked = self.register("sp_owner"), self.register("sp_blocked")
        viewer, last = self.register("sp_viewer"), self.register("sp_last")
        slug = owner.post("/api/v1/spaces", {"name": "Room", "slug": "sp-room", "kind": "team",
                                             "visibility": "open"}).json["slug"]
        for client in (blocked, viewer, last):
            self.assertEqual(client.post(f"/api/v1/spaces/{slug}/members").status // 100, 2)
        self.assertEqual(viewer.post("/api/v1/members/sp_blocked/block").status // 100, 2)
        page = viewer.get(f"/api/v1/spaces/{slug}/members?limit=2").json
        self.assertEqual([m["handle"] for m in page["items"]], ["sp_owner", "sp_viewer"])
        rest = viewer.get(f"/api/v1/spaces/{slug}/members?limit=2&cursor={page['next_cursor']}").json
        self.assertEqual([m["handle"] for m in rest["items"]], ["sp_last"])


if __name__ == "__main__":
    unittest.main()
