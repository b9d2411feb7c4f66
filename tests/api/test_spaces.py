"""Spaces: create, edit, archive; join, request, approve, invite, leave, remove; roles."""
import unittest

from kring_api import ApiTestCase


def handles(reply):
    return [m["handle"] for m in reply.json["items"]]


class SpaceLifecycle(ApiTestCase):
    def create(self, owner, slug, visibility="open", kind="community"):
        reply = owner.post("/api/v1/spaces", {"name": slug.title(), "slug": slug, "kind": kind,
                                              "visibility": visibility, "description": "About " + slug})
        self.assertEqual(reply.status, 201, reply)
        return reply.json

    def test_create_makes_the_creator_owner(self):
        owner = self.register("owner_create")
        space = self.create(owner, "repair-cafe", kind="place")
        self.assertEqual(space["my_role"], "owner")
        self.assertEqual(space["member_count"], 1)
        self.assertEqual(space["kind"], "place")
        members = self.anonymous().get("/api/v1/spaces/repair-cafe/members")
        self.assertEqual([(m["handle"], m["space_role"]) for m in members.json["items"]],
                         [("owner_create", "owner")])

    def test_bad_space_input(self):
        owner = self.register("owner_bad")
        self.create(owner, "taken-slug")
        base = {"name": "X", "slug": "fine-slug", "kind": "team", "visibility": "open"}
        for patch, status, code in [
            ({"slug": "Bad Slug"}, 400, "invalid_slug"),
            ({"slug": "ab"}, 400, "invalid_slug"),
            ({"kind": "club"}, 400, "invalid_kind"),
            ({"visibility": "hidden"}, 400, "invalid_visibility"),
            ({"name": "x" * 81}, 400, "too_long"),
            ({"name": "   "}, 400, "empty_value"),
            ({"slug": "taken-slug"}, 409, "slug_taken"),
        ]:
            with self.subTest(patch=patch):
                self.assertError(owner.post("/api/v1/spaces", {**base, **patch}), status, code)
        self.assertError(self.anonymous().post("/api/v1/spaces", base), 401)
        self.assertError(self.anonymous().get("/api/v1/spaces/fine-slug"), 404)

    def test_open_space_join_and_leave(self):
        owner, joiner = self.register("owner_open"), self.register("joiner_open")
        self.create(owner, "open-garden")
        self.assertEqual(joiner.post("/api/v1/spaces/open-garden/members").json["result"], "joined")
        self.assertEqual(joiner.post("/api/v1/spaces/open-garden/members").json["result"], "unchanged")
        self.assertEqual(joiner.get("/api/v1/spaces/open-garden").json["my_role"], "member")
        self.assertEqual(joiner.delete("/api/v1/spaces/open-garden/members/joiner_open").json["result"], "left")
        self.assertIsNone(joiner.get("/api/v1/spaces/open-garden").json["my_role"])

    def test_closed_space_request_and_approval(self):
        owner, asker, other = self.register("owner_closed"), self.register("asker"), self.register("other_c")
        self.create(owner, "care-team", visibility="closed", kind="team")
        self.assertEqual(asker.post("/api/v1/spaces/care-team/members").json["result"], "requested")
        self.assertEqual(asker.get("/api/v1/spaces/care-team").json["my_status"], "requested")
        self.assertEqual(handles(owner.get("/api/v1/spaces/care-team/requests")), ["asker"])
        self.assertError(other.get("/api/v1/spaces/care-team/requests"), 403)
        self.assertError(other.post("/api/v1/spaces/care-team/requests/asker", {"decision": "approve"}), 403)
        self.assertError(owner.post("/api/v1/spaces/care-team/requests/asker", {"decision": "maybe"}), 400)
        r = owner.post("/api/v1/spaces/care-team/requests/asker", {"decision": "approve"})
        self.assertEqual(r.json["result"], "approved")
        self.assertEqual(asker.get("/api/v1/spaces/care-team").json["my_role"], "member")
        self.assertError(owner.post("/api/v1/spaces/care-team/requests/asker", {"decision": "approve"}), 404)
        kinds = [n["kind"] for n in owner.get("/api/v1/notifications").json["items"]]
        self.assertIn("join_request", kinds)

    def test_secret_space_only_by_invitation(self):
        owner, guest, outsider = self.register("owner_s"), self.register("guest_s"), self.register("outsider_s")
        slug = self.create(owner, "safe-house", visibility="secret")["slug"]
        self.assertTrue(slug.startswith("safe-house-"), slug)  # unguessable ending
        self.assertError(outsider.get(f"/api/v1/spaces/{slug}"), 404)
        self.assertError(outsider.post(f"/api/v1/spaces/{slug}/members"), 404)
        self.assertNotIn(slug, [s["slug"] for s in outsider.get("/api/v1/spaces").json["items"]])
        self.assertEqual(owner.post(f"/api/v1/spaces/{slug}/invites", {"handle": "guest_s"}).json["result"], "invited")
        invitations = guest.get("/api/v1/me/invitations").json["items"]
        self.assertEqual([s["slug"] for s in invitations], [slug])
        self.assertEqual(guest.get(f"/api/v1/spaces/{slug}").json["my_status"], "invited")
        self.assertIn("invitation", [n["kind"] for n in guest.get("/api/v1/notifications").json["items"]])
        self.assertEqual(guest.post(f"/api/v1/spaces/{slug}/members").json["result"], "joined")
        self.assertEqual(guest.get(f"/api/v1/spaces/{slug}").json["my_role"], "member")
        self.assertError(guest.post(f"/api/v1/spaces/{slug}/invites", {"handle": "outsider_s"}), 403)

    def test_hosts_remove_members_and_the_last_owner_stays(self):
        owner, mod, member = self.register("owner_r"), self.register("mod_r"), self.register("member_r")
        self.create(owner, "street-team")
        mod.post("/api/v1/spaces/street-team/members")
        member.post("/api/v1/spaces/street-team/members")
        self.assertError(member.delete("/api/v1/spaces/street-team/members/mod_r"), 403)
        self.assertEqual(owner.post("/api/v1/spaces/street-team/roles/mod_r", {"role": "moderator"}).json["result"],
                         "role_changed")
        self.assertError(mod.post("/api/v1/spaces/street-team/roles/member_r", {"role": "owner"}), 403)
        self.assertEqual(mod.delete("/api/v1/spaces/street-team/members/member_r").json["result"], "removed")
        self.assertError(mod.delete("/api/v1/spaces/street-team/members/owner_r"), 403)
        self.assertError(owner.delete("/api/v1/spaces/street-team/members/owner_r"), 409, "last_owner")
        self.assertEqual(handles(owner.get("/api/v1/spaces/street-team/members")), ["owner_r", "mod_r"])

    def test_edit_and_archive(self):
        owner, member = self.register("owner_e"), self.register("member_e")
        self.create(owner, "old-name")
        member.post("/api/v1/spaces/old-name/members")
        self.assertError(member.patch("/api/v1/spaces/old-name", {"name": "Mine"}), 403)
        r = owner.patch("/api/v1/spaces/old-name", {"name": "New Name", "description": "Updated"})
        self.assertEqual((r.json["name"], r.json["description"]), ("New Name", "Updated"))
        self.assertTrue(owner.patch("/api/v1/spaces/old-name", {"archived": True}).json["archived"])
        self.assertError(member.post("/api/v1/items", {"kind": "note", "space": "old-name", "body": "hi"}), 403)
        newcomer = self.register("newcomer_e")
        self.assertError(newcomer.post("/api/v1/spaces/old-name/members"), 400, "archived")
        self.assertError(owner.patch("/api/v1/spaces/old-name", {"archived": "yes"}), 400, "invalid_type")

    def test_list_and_search_spaces_by_name(self):
        owner = self.register("owner_l")
        self.create(owner, "book-club")
        self.create(owner, "bike-kitchen")
        names = [s["slug"] for s in self.anonymous().get("/api/v1/spaces?q=bi").json["items"]]
        self.assertEqual(names, ["bike-kitchen"])


if __name__ == "__main__":
    unittest.main()
