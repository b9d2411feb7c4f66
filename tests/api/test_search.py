"""Search: members (who knows what), items and spaces with FTS5; ranked, prefix, visibility-exact."""
import unittest
from urllib.parse import quote

from kring_api import ApiTestCase


def handles(reply):
    return [h["handle"] for h in reply.json["items"]]


class MemberSearch(ApiTestCase):
    def test_finds_by_name_bio_skills_interests_with_prefix(self):
        self.register("s_welder", display_name="Jan Smit", skills=["Welding"], bio="I fix gates")
        self.register("s_singer", display_name="Eva Vos", interests=["choir singing"])
        for q, expected in [("weld", ["s_welder"]), ("Smit", ["s_welder"]), ("gates", ["s_welder"]),
                            ("choir", ["s_singer"]), ("sing", ["s_singer"]), ("nothing", [])]:
            with self.subTest(q=q):
                self.assertEqual(handles(self.anonymous().get(f"/api/v1/search?q={q}&type=members")), expected)

    def test_matches_only_fields_the_viewer_may_see(self):
        hidden = self.register("s_hidden", bio="expert in beekeeping")
        hidden.patch("/api/v1/me", {"visibility": {"bio": "connections"}})
        member, friend = self.register("s_member"), self.register("s_friend")
        self.connect(hidden, friend)
        q = "/api/v1/search?q=beekeeping&type=members"
        self.assertEqual(handles(self.anonymous().get(q)), [])
        self.assertEqual(handles(member.get(q)), [])
        self.assertEqual(handles(friend.get(q)), ["s_hidden"])
        hidden.patch("/api/v1/me", {"visibility": {"bio": "members"}})
        self.assertEqual(handles(self.anonymous().get(q)), [])
        self.assertEqual(handles(member.get(q)), ["s_hidden"])

    def test_query_syntax_cannot_be_injected(self):
        for q in ['"', "a OR b", "NEAR(a b)", "*", "col:value", "%22%22"]:
            with self.subTest(q=q):
                reply = self.anonymous().get(f"/api/v1/search?q={quote(q)}&type=members")
                self.assertIn(reply.status, (200, 400), reply)
        self.assertError(self.anonymous().get("/api/v1/search?q=&type=members"), 400, "missing_query")
        self.assertError(self.anonymous().get("/api/v1/search?q=x&type=planets"), 400, "invalid_type")


class ItemAndSpaceSearch(ApiTestCase):
    def test_items_and_spaces_obey_visibility(self):
        host, outsider = self.register("si_host"), self.register("si_outsider")
        hidden = host.post("/api/v1/spaces", {"name": "Hidden Orchard", "slug": "hidden-orchard", "kind": "team",
                                              "visibility": "secret", "description": "apples"}).json["slug"]
        host.post("/api/v1/spaces", {"name": "Open Orchard", "slug": "open-orchard", "kind": "team",
                                     "visibility": "open"})
        host.post("/api/v1/items", {"kind": "note", "body": "pruning apples secretly", "space": hidden})
        host.post("/api/v1/items", {"kind": "note", "body": "pruning apples openly"})
        for client, expected in [(outsider, ["pruning apples openly"]),
                                 (host, ["pruning apples openly", "pruning apples secretly"])]:
            found = client.get("/api/v1/search?q=prun&type=items").json["items"]
            self.assertEqual(sorted(i["body"] for i in found), expected)
        self.assertEqual([s["slug"] for s in outsider.get("/api/v1/search?q=orchard&type=spaces").json["items"]],
                         ["open-orchard"])
        self.assertEqual(sorted(s["slug"] for s in host.get("/api/v1/search?q=orchard&type=spaces").json["items"]),
                         sorted([hidden, "open-orchard"]))


if __name__ == "__main__":
    unittest.main()
