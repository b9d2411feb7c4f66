"""Answers that changed when the services stopped deciding inline and asked
the one table (issue 9, points 1 and 2)."""
import unittest

from kring_api import ApiTestCase


class Decisions(ApiTestCase):
    def test_leaving_a_space_one_is_not_in_is_refused(self):
        owner = self.register("dc_owner")
        passer = self.register("dc_passer")
        self.assertEqual(owner.post("/api/v1/spaces", {"name": "Dc", "slug": "dc-open", "kind": "team",
                                                       "visibility": "open"}).status, 201)
        self.assertError(passer.delete(f"/api/v1/spaces/dc-open/members/{passer.handle}"), 403)
        self.assertFalse(passer.get("/api/v1/spaces/dc-open").json["can"]["leave"])
        self.assertEqual(passer.post("/api/v1/spaces/dc-open/members").json["result"], "joined")
        self.assertTrue(passer.get("/api/v1/spaces/dc-open").json["can"]["leave"])
        self.assertEqual(passer.delete(f"/api/v1/spaces/dc-open/members/{passer.handle}").json["result"], "left")

    def test_a_request_to_join_can_be_withdrawn_by_leaving(self):
        owner = self.register("dc_cowner")
        asker = self.register("dc_asker")
        owner.post("/api/v1/spaces", {"name": "Dc closed", "slug": "dc-closed", "kind": "team",
                                      "visibility": "closed"})
        self.assertEqual(asker.post("/api/v1/spaces/dc-closed/members").json["result"], "requested")
        self.assertTrue(asker.get("/api/v1/spaces/dc-closed").json["can"]["leave"])
        self.assertEqual(asker.delete(f"/api/v1/spaces/dc-closed/members/{asker.handle}").json["result"], "left")
        self.assertEqual(owner.get("/api/v1/spaces/dc-closed/requests").json["items"], [])

    def test_visitors_are_asked_to_log_in_whether_or_not_the_member_exists(self):
        self.register("dc_someone")
        anonymous = self.anonymous()
        self.assertError(anonymous.get("/api/v1/network/members/dc_someone"), 401)
        self.assertError(anonymous.get("/api/v1/network/members/dc_nobody"), 401)

    def test_moderators_cannot_remove_an_owner_but_may_remove_moderators(self):
        owner = self.register("dc_rowner")
        mod = self.register("dc_rmod")
        mod2 = self.register("dc_rmod2")
        owner.post("/api/v1/spaces", {"name": "Dc r", "slug": "dc-r", "kind": "team", "visibility": "open"})
        for m in (mod, mod2):
            m.post("/api/v1/spaces/dc-r/members")
            self.assertEqual(owner.post(f"/api/v1/spaces/dc-r/roles/{m.handle}", {"role": "moderator"}).status, 200)
        self.assertError(mod.delete(f"/api/v1/spaces/dc-r/members/{owner.handle}"), 403)
        self.assertEqual(mod.delete(f"/api/v1/spaces/dc-r/members/{mod2.handle}").json["result"], "removed")


if __name__ == "__main__":
    unittest.main()
