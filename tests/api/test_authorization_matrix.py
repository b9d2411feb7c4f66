"""The authorization matrix of issue 3: who may do what with a space's content.

Actors: anonymous, instance member (not in the space), space member (the
author), moderator, owner, blocked member (a space member the author
blocked), suspended member (a space member an admin suspended).
Spaces: open, closed, secret, each with one item by the space member
(public in the open space, members-of-the-space in the others).
Actions: read item, list spaces, search items and spaces, every feed,
reply, react, member list, member count.

A secret space leaks nothing to an outsider: 404 everywhere, no counts, no
search hits, no feed entries, no notifications.

Issue 8 adds two standings beside the matrix: a former member (wrote an
item in the space, then left), whose access to the space's discussion ends
with their membership, their own item included; and a suspended host (a
moderator an admin suspended), who moderates nothing. The suspended member
still reads their own items.
"""
import unittest
from urllib.parse import quote

from kring_api import ApiTestCase, Server, PASSWORD

ACTORS = ["anonymous", "outsider", "member", "moderator", "owner", "blocked", "suspended"]
VISIBILITIES = ["open", "closed", "secret"]
Y, N = True, False

# May the actor read the space's item (and so see it in feeds and search)?
READ_ITEM = {
    "open":   {"anonymous": Y, "outsider": Y, "member": Y, "moderator": Y, "owner": Y, "blocked": N, "suspended": Y},
    "closed": {"anonymous": N, "outsider": N, "member": Y, "moderator": Y, "owner": Y, "blocked": N, "suspended": Y},
    "secret": {"anonymous": N, "outsider": N, "member": Y, "moderator": Y, "owner": Y, "blocked": N, "suspended": Y},
}
# Does the space exist for the actor (GET, list, search, count)?
SEE_SPACE = {
    "open":   dict.fromkeys(ACTORS, Y),
    "closed": dict.fromkeys(ACTORS, Y),
    "secret": {"anonymous": N, "outsider": N, "member": Y, "moderator": Y, "owner": Y, "blocked": Y, "suspended": Y},
}
# Expected status of a reply or reaction on the item.
WRITE_STATUS = {
    "open":   {"anonymous": 401, "outsider": 403, "member": 201, "moderator": 201, "owner": 201, "blocked": 404, "suspended": 403},
    "closed": {"anonymous": 401, "outsider": 404, "member": 201, "moderator": 201, "owner": 201, "blocked": 404, "suspended": 403},
    "secret": {"anonymous": 401, "outsider": 404, "member": 201, "moderator": 201, "owner": 201, "blocked": 404, "suspended": 403},
}
# Status of a former member's reads of the item they wrote before leaving.
FORMER_READS_OWN_ITEM = {"open": 200, "closed": 404, "secret": 404}
# Expected status of GET /spaces/{s}/members.
MEMBER_LIST_STATUS = {
    "open":   dict.fromkeys(ACTORS, 200),
    "closed": {"anonymous": 403, "outsider": 403, "member": 200, "moderator": 200, "owner": 200, "blocked": 200, "suspended": 200},
    "secret": {"anonymous": 404, "outsider": 404, "member": 200, "moderator": 200, "owner": 200, "blocked": 200, "suspended": 200},
}


class AuthorizationMatrix(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server().start()
        anon = cls.server.client()
        cls.clients = {"anonymous": anon}

        def register(name):
            r = anon.post("/api/v1/accounts", {"handle": "mx_" + name, "email": f"mx_{name}@example.org",
                                               "password": PASSWORD})
            assert r.status == 201, r
            client = cls.server.client(token=r.json["token"])
            client.handle = "mx_" + name
            return client

        admin = register("admin")  # first member: instance admin
        for name in ACTORS[1:]:
            cls.clients[name] = register(name)
        c = cls.clients
        cls.former = register("former")
        cls.sushost = register("sushost")
        cls.items = {}
        cls.slugs = {}
        cls.former_items = {}
        cls.suspended_items = {}
        for vis in VISIBILITIES:
            created = c["owner"].post("/api/v1/spaces", {"name": f"Matrix {vis}", "slug": f"mx-{vis}",
                                                         "kind": "team", "visibility": vis})
            assert created.status == 201, created
            slug = cls.slugs[vis] = created.json["slug"]  # a secret space's has a random ending
            for client in (c["member"], c["moderator"], c["blocked"], c["suspended"], cls.former, cls.sushost):
                if vis == "open":
                    client.post(f"/api/v1/spaces/{slug}/members")
                else:
                    c["owner"].post(f"/api/v1/spaces/{slug}/invites", {"handle": client.handle})
                    assert client.post(f"/api/v1/spaces/{slug}/members").json["result"] == "joined"
            for host in (c["moderator"], cls.sushost):
                c["owner"].post(f"/api/v1/spaces/{slug}/roles/{host.handle}", {"role": "moderator"})
            visibility = "public" if vis == "open" else "space"
            for author, ids in ((cls.former, cls.former_items), (c["suspended"], cls.suspended_items)):
                own = author.post("/api/v1/items", {"kind": "note", "space": slug, "visibility": visibility,
                                                    "body": f"own note by {author.handle} in {vis}"})
                assert own.status == 201, own
                ids[vis] = own.json["id"]
            left = cls.former.delete(f"/api/v1/spaces/{slug}/members/{cls.former.handle}")
            assert left.json["result"] == "left", left
            item = c["member"].post("/api/v1/items", {
                "kind": "note", "space": slug, "visibility": "public" if vis == "open" else "space",
                "body": f"matrixword{vis} #mxtag{vis} hello @mx_outsider"})
            assert item.status == 201, item
            cls.items[vis] = item.json["id"]
        c["member"].post(f"/api/v1/members/{c['blocked'].handle}/block")
        admin.post(f"/api/v1/members/{c['suspended'].handle}/suspend")
        admin.post(f"/api/v1/members/{cls.sushost.handle}/suspend")

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    def cases(self):
        return [(vis, actor, self.clients[actor]) for vis in VISIBILITIES for actor in ACTORS]

    def item_ids(self, reply):
        self.assertEqual(reply.status, 200, reply)
        return [i["id"] for i in reply.json["items"]]

    def test_read_item(self):
        for vis, actor, client in self.cases():
            with self.subTest(space=vis, actor=actor):
                status = client.get(f"/api/v1/items/{self.items[vis]}").status
                self.assertEqual(status, 200 if READ_ITEM[vis][actor] else 404)

    def test_space_exists_only_for_those_who_may_see_it(self):
        for vis, actor, client in self.cases():
            with self.subTest(space=vis, actor=actor):
                reply = client.get(f"/api/v1/spaces/{self.slugs[vis]}")
                self.assertEqual(reply.status, 200 if SEE_SPACE[vis][actor] else 404)
                if reply.status == 404:
                    self.assertNotIn("member_count", reply.body)
                listed = [s["slug"] for s in client.get("/api/v1/spaces?q=Matrix").json["items"]]
                self.assertEqual(self.slugs[vis] in listed, SEE_SPACE[vis][actor])
                found = [s["slug"] for s in client.get(f"/api/v1/search?q=matrix+{vis}&type=spaces").json["items"]]
                self.assertEqual(self.slugs[vis] in found, SEE_SPACE[vis][actor])

    def test_member_count_leaves_out_the_suspended(self):
        count = self.clients["owner"].get("/api/v1/spaces/mx-closed").json["member_count"]
        self.assertEqual(count, 4)  # owner, member, moderator, blocked

    def test_search_items(self):
        for vis, actor, client in self.cases():
            with self.subTest(space=vis, actor=actor):
                ids = self.item_ids(client.get(f"/api/v1/search?q=matrixword{vis}&type=items"))
                self.assertEqual(self.items[vis] in ids, READ_ITEM[vis][actor])

    def test_every_feed(self):
        for vis, actor, client in self.cases():
            with self.subTest(space=vis, actor=actor):
                item = self.items[vis]
                may = READ_ITEM[vis][actor]
                self.assertEqual(item in self.item_ids(client.get(f"/api/v1/tags/mxtag{vis}/feed")), may)
                public = self.item_ids(client.get("/api/v1/feeds/public"))
                self.assertEqual(item in public, may and vis == "open")
                author_feed = client.get("/api/v1/members/mx_member/feed")
                if actor == "blocked":
                    self.assertEqual(author_feed.status, 404)
                else:
                    self.assertEqual(item in self.item_ids(author_feed), may)
                space_feed = client.get(f"/api/v1/spaces/{self.slugs[vis]}/feed")
                if not SEE_SPACE[vis][actor]:
                    self.assertEqual(space_feed.status, 404)
                elif vis != "open" and not may and actor != "blocked":
                    self.assertEqual(space_feed.status, 403)
                else:
                    self.assertEqual(item in self.item_ids(space_feed), may)
                home = client.get("/api/v1/feeds/home")
                if actor == "anonymous":
                    self.assertEqual(home.status, 401)
                else:
                    in_space = actor not in ("outsider",)
                    self.assertEqual(item in self.item_ids(home), may and in_space)

    def test_reply_and_react(self):
        for vis, actor, client in self.cases():
            with self.subTest(space=vis, actor=actor):
                item = self.items[vis]
                expected = WRITE_STATUS[vis][actor]
                reply = client.post(f"/api/v1/items/{item}/replies", {"body": f"reply by {actor}"})
                self.assertEqual(reply.status, expected, reply)
                react = client.put(f"/api/v1/items/{item}/reactions/like")
                self.assertEqual(react.status, 200 if expected == 201 else expected, react)

    def test_member_list(self):
        for vis, actor, client in self.cases():
            with self.subTest(space=vis, actor=actor):
                reply = client.get(f"/api/v1/spaces/{self.slugs[vis]}/members")
                self.assertEqual(reply.status, MEMBER_LIST_STATUS[vis][actor], reply)
                if reply.status == 200:
                    handles = [m["handle"] for m in reply.json["items"]]
                    self.assertNotIn("mx_suspended", handles)
                    self.assertEqual("mx_member" in handles, actor != "blocked")

    def test_former_member_loses_their_own_item_with_the_space(self):
        for vis in VISIBILITIES:
            with self.subTest(space=vis):
                item = self.former_items[vis]
                expected = FORMER_READS_OWN_ITEM[vis]
                for path in ("", "/replies", "/history"):
                    reply = self.former.get(f"/api/v1/items/{item}{path}")
                    self.assertEqual(reply.status, expected, (path, reply))
                edit = self.former.patch(f"/api/v1/items/{item}", {"body": "edited after leaving"})
                # Readable or not, they no longer write in the space.
                self.assertEqual(edit.status, 403 if expected == 200 else 404, edit)
                self.assertEqual(self.clients["owner"].get(f"/api/v1/items/{item}").status, 200)

    def test_suspended_member_still_reads_their_own_items(self):
        for vis in VISIBILITIES:
            with self.subTest(space=vis):
                item = self.suspended_items[vis]
                self.assertEqual(self.clients["suspended"].get(f"/api/v1/items/{item}").status, 200)
                self.assertEqual(self.clients["owner"].get(f"/api/v1/items/{item}").status, 404)

    def test_suspended_host_moderates_nothing(self):
        for vis in VISIBILITIES:
            with self.subTest(space=vis):
                item = self.items[vis]
                slug = self.slugs[vis]
                for method, path in (("POST", f"/api/v1/items/{item}/hide"),
                                     ("DELETE", f"/api/v1/items/{item}"),
                                     ("DELETE", f"/api/v1/spaces/{slug}/members/mx_member"),
                                     ("POST", f"/api/v1/spaces/{slug}/invites"),
                                     ("GET", f"/api/v1/spaces/{slug}/reports"),
                                     ("GET", f"/api/v1/spaces/{slug}/requests")):
                    body = {"handle": "mx_outsider"} if path.endswith("/invites") else None
                    reply = self.sushost.request(method, path, body)
                    self.assertEqual(reply.status, 403, (method, path, reply))
                self.assertEqual(self.clients["member"].get(f"/api/v1/items/{item}").status, 200)
                members = self.clients["owner"].get(f"/api/v1/spaces/{slug}/members?limit=100").json["items"]
                self.assertIn("mx_member", [m["handle"] for m in members])

    def test_no_notification_leaks_from_closed_or_secret_spaces(self):
        kinds = [(n["kind"], n.get("item_id")) for n in
                 self.clients["outsider"].get("/api/v1/notifications").json["items"]]
        self.assertIn(("mention", self.items["open"]), kinds)
        self.assertNotIn(("mention", self.items["closed"]), kinds)
        self.assertNotIn(("mention", self.items["secret"]), kinds)


if __name__ == "__main__":
    unittest.main()
