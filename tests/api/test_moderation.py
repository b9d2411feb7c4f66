"""Moderation: reports, the hosts' queue, hiding and removing, suspension, mutes."""
import unittest

from kring_api import ApiTestCase


class Reports(ApiTestCase):
    def setUp(self):
        n = self._testMethodName[-6:]
        self.owner = self.register(f"mo_owner_{n}")
        self.mod = self.register(f"mo_mod_{n}")
        self.member = self.register(f"mo_member_{n}")
        self.slug = f"mod-space-{n}".replace("_", "-")
        self.owner.post("/api/v1/spaces", {"name": "Mod", "slug": self.slug, "kind": "community", "visibility": "open"})
        self.mod.post(f"/api/v1/spaces/{self.slug}/members")
        self.member.post(f"/api/v1/spaces/{self.slug}/members")
        self.owner.post(f"/api/v1/spaces/{self.slug}/roles/{self.mod.handle}", {"role": "moderator"})
        self.item = self.member.post("/api/v1/items", {"kind": "note", "body": "rude words", "space": self.slug,
                                                           "visibility": "public"}).json

    def test_report_reaches_the_space_hosts_who_hide_it(self):
        reporter = self.register("mo_reporter")
        r = reporter.post("/api/v1/reports", {"target_type": "item", "target_id": self.item["id"], "reason": "rude"})
        self.assertEqual(r.status, 201, r)
        queue = self.mod.get(f"/api/v1/spaces/{self.slug}/reports").json["items"]
        self.assertEqual([(q["target_type"], q["reason"]) for q in queue], [("item", "rude")])
        self.assertError(self.member.get(f"/api/v1/spaces/{self.slug}/reports"), 403)
        self.assertError(self.member.post(f"/api/v1/items/{self.item['id']}/hide"), 403)
        self.assertEqual(self.mod.post(f"/api/v1/items/{self.item['id']}/hide").status, 204)
        self.assertError(reporter.get(f"/api/v1/items/{self.item['id']}"), 404)
        self.assertEqual(self.anonymous().get(f"/api/v1/spaces/{self.slug}/feed").json["items"], [])
        self.assertEqual(self.member.get(f"/api/v1/items/{self.item['id']}").json["hidden"], True)
        self.assertEqual(self.mod.post(f"/api/v1/reports/{queue[0]['id']}/resolve").status, 204)
        self.assertEqual(self.mod.get(f"/api/v1/spaces/{self.slug}/reports").json["items"], [])

    def test_moderators_remove_items_and_replies_and_members(self):
        reply = self.owner.post(f"/api/v1/items/{self.item['id']}/replies", {"body": "calm down"}).json
        self.assertEqual(self.mod.delete(f"/api/v1/replies/{reply['id']}").status, 204)
        self.assertEqual(self.mod.delete(f"/api/v1/items/{self.item['id']}").status, 204)
        self.assertError(self.anonymous().get(f"/api/v1/items/{self.item['id']}"), 404)
        self.assertEqual(self.mod.delete(f"/api/v1/spaces/{self.slug}/members/{self.member.handle}").status, 200)
        self.assertError(self.member.post("/api/v1/items", {"kind": "note", "body": "x", "space": self.slug}), 403)

    def test_bad_reports(self):
        for body, status in [({"target_type": "item", "target_id": "999999", "reason": "x"}, 404),
                             ({"target_type": "planet", "target_id": "1", "reason": "x"}, 400),
                             ({"target_type": "item", "target_id": self.item["id"], "reason": "  "}, 400),
                             ({"target_type": "member", "target_id": "nobody_zz", "reason": "x"}, 404)]:
            with self.subTest(body=body):
                self.assertError(self.member.post("/api/v1/reports", body), status)
        self.assertError(self.anonymous().post("/api/v1/reports", {"target_type": "item", "target_id": "1",
                                                                    "reason": "x"}), 401)

    def test_own_content_is_not_reported(self):
        reply = self.member.post(f"/api/v1/items/{self.item['id']}/replies", {"body": "and more"}).json
        for target_type, target_id in [("item", self.item["id"]), ("reply", reply["id"]),
                                       ("member", self.member.handle)]:
            with self.subTest(target_type=target_type):
                self.assertError(self.member.post("/api/v1/reports", {
                    "target_type": target_type, "target_id": target_id, "reason": "oops"}), 403)
        self.assertEqual(self.mod.get(f"/api/v1/spaces/{self.slug}/reports").json["items"], [])
        # The item's author may still report a reply on it by someone else.
        other = self.owner.post(f"/api/v1/items/{self.item['id']}/replies", {"body": "rude back"}).json
        self.assertEqual(self.member.post("/api/v1/reports", {
            "target_type": "reply", "target_id": other["id"], "reason": "rude"}).status, 201)

    def test_member_reports_go_to_admins_and_suspension_hides_content(self):
        admin = self.server.client(token=None)
        # The first member registered on this server is its admin.
        admin_login = self.anonymous().post("/api/v1/sessions", {"login": self._first_admin(), "password": "correct horse battery"})
        admin = self.server.client(token=admin_login.json["token"])
        self.member.post("/api/v1/reports", {"target_type": "member", "target_id": self.owner.handle, "reason": "spam"})
        queue = admin.get("/api/v1/reports").json["items"]
        self.assertIn(("member", self.owner.handle), [(q["target_type"], q["member"]["handle"]) for q in queue])
        self.assertError(self.member.get("/api/v1/reports"), 403)
        self.assertEqual(admin.post(f"/api/v1/members/{self.member.handle}/suspend").status, 204)
        self.assertEqual(self.anonymous().get(f"/api/v1/spaces/{self.slug}/feed").json["items"], [])
        self.assertError(self.anonymous().get(f"/api/v1/items/{self.item['id']}"), 404)
        admin.delete(f"/api/v1/members/{self.member.handle}/suspend")

    def _first_admin(self):
        members = self.anonymous().get("/api/v1/members?limit=100").json["items"]
        return next(m["handle"] for m in members if m.get("role") == "admin")


if __name__ == "__main__":
    unittest.main()
