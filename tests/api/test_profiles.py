"""Profiles: editing, per-field visibility as a matrix, and the directory."""
import unittest

from kring_api import ApiTestCase

FIELDS = {
    "display_name": "Fatima Bouzid",
    "bio": "Runs the repair cafe in Lombok.",
    "skills": ["bicycle repair", "Welding"],
    "interests": ["jazz", "chess"],
    "home_place": "Utrecht Lombok",
    "avatar_url": "https://example.org/fatima.png",
}


class ProfileEditing(ApiTestCase):
    def test_patch_updates_only_given_fields(self):
        member = self.register("editor", **FIELDS)
        reply = member.patch("/api/v1/me", {"bio": "New bio"})
        self.assertEqual(reply.status, 200, reply)
        self.assertEqual(reply.json["bio"], "New bio")
        self.assertEqual(reply.json["skills"], ["bicycle repair", "Welding"])
        self.assertEqual(reply.json["display_name"], "Fatima Bouzid")

    def test_skills_are_trimmed_and_deduplicated_ignoring_case(self):
        member = self.register("deduper")
        reply = member.patch("/api/v1/me", {"skills": [" Python ", "python", "SQL"]})
        self.assertEqual(reply.json["skills"], ["Python", "SQL"])

    def test_invalid_patch_changes_nothing(self):
        member = self.register("careful", bio="before")
        reply = member.patch("/api/v1/me", {"bio": "after", "display_name": "x" * 81})
        self.assertError(reply, 400, "too_long")
        self.assertEqual(member.get("/api/v1/me").json["bio"], "before")
        for body, code in [
            ({"avatar_url": "javascript:alert(1)"}, "invalid_url"),
            ({"skills": "python"}, "invalid_type"),
            ({"skills": ["ok", 3]}, "invalid_type"),
            ({"skills": ["s%d" % i for i in range(31)]}, "too_many"),
            ({"visibility": {"bio": "friends"}}, "invalid_visibility"),
            ({"visibility": {"shoe_size": "public"}}, "unknown_field"),
            ({"visibility": "public"}, "invalid_type"),
            ({"nickname": "x"}, "unknown_field"),
            ({"bio": "bad \u0007 bell"}, "invalid_text"),
        ]:
            with self.subTest(body=body):
                self.assertError(member.patch("/api/v1/me", body), 400, code)
        self.assertEqual(member.get("/api/v1/me").json["bio"], "before")

    def test_self_sees_email_and_visibility_settings(self):
        member = self.register("selfview")
        me = member.get("/api/v1/me").json
        self.assertEqual(me["email"], "selfview@example.org")
        self.assertEqual(me["visibility"]["home_place"], "members")
        other = self.anonymous().get("/api/v1/members/selfview").json
        self.assertNotIn("email", other)
        self.assertNotIn("visibility", other)


class VisibilityMatrix(ApiTestCase):
    """Each field at each visibility, seen by anonymous, member, connection and self."""

    EXPECTED = {  # visibility -> viewer -> visible?
        "public": {"anonymous": True, "member": True, "connection": True, "self": True},
        "members": {"anonymous": False, "member": True, "connection": True, "self": True},
        "connections": {"anonymous": False, "member": False, "connection": True, "self": True},
    }

    def test_every_field_obeys_its_visibility_for_every_viewer(self):
        owner = self.register("owner_vm", **FIELDS)
        stranger = self.register("stranger_vm")
        friend = self.register("friend_vm")
        self.connect(owner, friend)
        viewers = {"anonymous": self.anonymous(), "member": stranger, "connection": friend, "self": owner}
        for visibility, expected in self.EXPECTED.items():
            r = owner.patch("/api/v1/me", {"visibility": {f: visibility for f in FIELDS}})
            self.assertEqual(r.status, 200, r)
            for viewer_name, client in viewers.items():
                profile = client.get("/api/v1/members/owner_vm")
                self.assertEqual(profile.status, 200)
                for field, value in FIELDS.items():
                    with self.subTest(visibility=visibility, viewer=viewer_name, field=field):
                        if expected[viewer_name]:
                            self.assertEqual(profile.json.get(field), value)
                        else:
                            self.assertNotIn(field, profile.json)
                            self.assertNotIn(str(value), profile.body)


class Directory(ApiTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()

    def test_find_members_by_skill_ignoring_case(self):
        self.register("welder_one", skills=["Welding", "Carpentry"])
        self.register("welder_two", skills=["welding"])
        self.register("not_welder", skills=["cooking"])
        reply = self.anonymous().get("/api/v1/members?skill=WELDING")
        handles = [m["handle"] for m in reply.json["items"]]
        self.assertEqual(sorted(handles), ["welder_one", "welder_two"])

    def test_find_members_by_interest_and_name(self):
        self.register("jazz_fan", display_name="Pieter Bakker", interests=["Jazz"])
        self.assertEqual([m["handle"] for m in self.anonymous().get(
            "/api/v1/members?interest=jazz").json["items"]], ["jazz_fan"])
        self.assertEqual([m["handle"] for m in self.anonymous().get(
            "/api/v1/members?q=bakk").json["items"]], ["jazz_fan"])
        self.assertEqual([m["handle"] for m in self.anonymous().get(
            "/api/v1/members?q=jazz_f").json["items"]], ["jazz_fan"])

    def test_hidden_skills_do_not_answer_searches(self):
        secret = self.register("secret_skill", skills=["lockpicking"])
        secret.patch("/api/v1/me", {"visibility": {"skills": "connections"}})
        outsider = self.register("outsider_dir")
        friend = self.register("friend_dir")
        self.connect(secret, friend)
        self.assertEqual(self.anonymous().get("/api/v1/members?skill=lockpicking").json["items"], [])
        self.assertEqual(outsider.get("/api/v1/members?skill=lockpicking").json["items"], [])
        found = friend.get("/api/v1/members?skill=lockpicking").json["items"]
        self.assertEqual([m["handle"] for m in found], ["secret_skill"])

    def test_pages_with_cursor_without_duplicates(self):
        for i in range(7):
            self.register(f"pager_{i}", skills=["paging"])
        seen, cursor = [], None
        while True:
            path = "/api/v1/members?skill=paging&limit=3" + (f"&cursor={cursor}" if cursor else "")
            page = self.anonymous().get(path).json
            self.assertLessEqual(len(page["items"]), 3)
            seen += [m["handle"] for m in page["items"]]
            cursor = page["next_cursor"]
            if not cursor:
                break
        self.assertEqual(sorted(seen), [f"pager_{i}" for i in range(7)])

    def test_bad_list_parameters_are_400(self):
        self.assertError(self.anonymous().get("/api/v1/members?limit=0"), 400, "invalid_limit")
        self.assertError(self.anonymous().get("/api/v1/members?limit=101"), 400, "invalid_limit")
        self.assertError(self.anonymous().get("/api/v1/members?limit=ten"), 400, "invalid_limit")
        self.assertError(self.anonymous().get("/api/v1/members?cursor=garbage"), 400, "invalid_cursor")
        self.assertError(self.anonymous().get("/api/v1/members?skill=" + "x" * 51), 400, "too_long")


if __name__ == "__main__":
    unittest.main()
