"""An outsider cannot confirm that a secret space exists, nor count what
happens in one: not by trying its slug, not by comparing answers, not by
subtracting ids (security issue 8)."""
import unittest

from kring_api import ApiTestCase, wait_until

MAX_SAFE_INTEGER = 2 ** 53 - 1


def space_requests(slug, outsider_handle, host_handle):
    """Every request on a space an outsider can make, by (method, path, body)."""
    s = f"/api/v1/spaces/{slug}"
    return [
        ("GET", s, None),
        ("PATCH", s, {"name": "Taken over"}),
        ("POST", f"{s}/members", None),
        ("GET", f"{s}/members", None),
        ("DELETE", f"{s}/members/{outsider_handle}", None),
        ("DELETE", f"{s}/members/{host_handle}", None),
        ("GET", f"{s}/requests", None),
        ("POST", f"{s}/requests/{host_handle}", {"decision": "approve"}),
        ("POST", f"{s}/invites", {"handle": outsider_handle}),
        ("POST", f"{s}/roles/{host_handle}", {"role": "member"}),
        ("GET", f"{s}/feed", None),
        ("GET", f"{s}/reports", None),
        ("POST", f"{s}/mute", None),
        ("DELETE", f"{s}/mute", None),
        ("GET", f"/api/v1/items?space={slug}", None),
        ("POST", "/api/v1/items", {"kind": "note", "body": "hello", "space": slug}),
        ("GET", f"/api/v1/network/metrics?scope=space:{slug}", None),
        ("GET", f"/api/v1/network/graph?scope=space:{slug}", None),
    ]


def answer(client, method, path, body, slug):
    """Status and body, with the slug itself (echoed in messages) masked."""
    reply = client.request(method, path, body)
    return reply.status, reply.body.replace(slug, "<slug>")


class SecretSlugs(ApiTestCase):
    def secret_space(self, host, slug):
        reply = host.post("/api/v1/spaces", {"name": "Care circle", "slug": slug, "kind": "community",
                                             "visibility": "secret"})
        self.assertEqual(reply.status, 201, reply)
        return reply.json["slug"]

    def test_a_secret_space_gets_an_unguessable_slug_its_creator_is_told(self):
        host = self.register("ss_host")
        first = self.secret_space(host, "care-circle")
        second = self.secret_space(host, "care-circle")
        for slug in (first, second):
            self.assertRegex(slug, r"^care-circle-[a-z2-7]{10}$")
            self.assertEqual(host.get(f"/api/v1/spaces/{slug}").json["slug"], slug)
        self.assertNotEqual(first, second)
        self.assertError(host.get("/api/v1/spaces/care-circle"), 404)

    def test_a_long_requested_slug_still_fits(self):
        host = self.register("ss_long")
        slug = self.secret_space(host, "a" * 28 + "-b-cdefghij")
        self.assertLessEqual(len(slug), 40)
        self.assertRegex(slug, r"^a{28}-[a-z2-7]{10}$")

    def test_an_outsider_creates_the_requested_slug_as_if_never_used(self):
        host, outsider = self.register("ss_host2"), self.register("ss_outsider2")
        self.secret_space(host, "night-shelter")
        for slug in ("night-shelter", "never-used-slug"):
            reply = outsider.post("/api/v1/spaces", {"name": "Mine", "slug": slug, "kind": "team",
                                                     "visibility": "open"})
            self.assertEqual(reply.status, 201, reply)
            self.assertEqual(reply.json["slug"], slug)

    def test_every_space_endpoint_answers_a_secret_slug_as_a_free_one(self):
        host, outsider = self.register("ss_host3"), self.register("ss_outsider3")
        secret = self.secret_space(host, "quiet-room")
        inside = host.post("/api/v1/items", {"kind": "note", "body": "inside", "space": secret,
                                             "visibility": "space"}).json["id"]
        free = "quiet-room-" + "q" * 10  # same shape, never created
        anonymous = self.anonymous()
        for client in (outsider, anonymous):
            for (method, path, body), (_, free_path, free_body) in zip(
                    space_requests(secret, outsider.handle, host.handle),
                    space_requests(free, outsider.handle, host.handle)):
                with self.subTest(client="outsider" if client is outsider else "anonymous",
                                  method=method, path=free_path):
                    self.assertEqual(answer(client, method, path, body, secret),
                                     answer(client, method, free_path, free_body, free))
        # An item in the secret space answers as an id nobody used.
        never = str(int(inside) + 1)
        for suffix in ("", "/replies"):
            for client in (outsider, anonymous):
                self.assertEqual(answer(client, "GET", f"/api/v1/items/{inside}{suffix}", None, inside),
                                 answer(client, "GET", f"/api/v1/items/{never}{suffix}", None, never))
        # Renaming a space of one's own to the secret slug (PATCH takes no
        # slug) answers as for the free one.
        own = outsider.post("/api/v1/spaces", {"name": "Own", "slug": "ss-own", "kind": "team",
                                               "visibility": "open"})
        self.assertEqual(own.status, 201, own)
        self.assertEqual(answer(outsider, "PATCH", "/api/v1/spaces/ss-own", {"slug": secret}, secret),
                         answer(outsider, "PATCH", "/api/v1/spaces/ss-own", {"slug": free}, free))
        # Nothing the outsider tried changed the space.
        space = host.get(f"/api/v1/spaces/{secret}").json
        self.assertEqual((space["name"], space["member_count"]), ("Care circle", 1))

    def test_made_secret_by_patch_it_moves_to_a_new_slug_and_frees_the_old(self):
        host, outsider = self.register("ss_host4"), self.register("ss_outsider4")
        created = host.post("/api/v1/spaces", {"name": "Town hall", "slug": "town-hall", "kind": "team",
                                               "visibility": "open"})
        self.assertEqual(created.status, 201, created)
        patched = host.patch("/api/v1/spaces/town-hall", {"visibility": "secret"})
        self.assertEqual(patched.status, 200, patched)
        new_slug = patched.json["slug"]
        self.assertRegex(new_slug, r"^town-hall-[a-z2-7]{10}$")
        self.assertEqual(host.get(f"/api/v1/spaces/{new_slug}").json["visibility"], "secret")
        self.assertError(host.get("/api/v1/spaces/town-hall"), 404)
        again = outsider.post("/api/v1/spaces", {"name": "Mine", "slug": "town-hall", "kind": "team",
                                                 "visibility": "open"})
        self.assertEqual(again.status, 201, again)
        # Already secret: a PATCH keeps the slug.
        same = host.patch(f"/api/v1/spaces/{new_slug}", {"visibility": "secret", "name": "Town hall 2"})
        self.assertEqual(same.json["slug"], new_slug)


class FreedSlugsCarryNothingOver(ApiTestCase):
    def test_the_network_of_a_space_made_secret_stays_with_it_not_with_its_old_slug(self):
        host, member, newcomer = self.register("fs_host"), self.register("fs_member"), self.register("fs_new")
        host.post("/api/v1/spaces", {"name": "Board", "slug": "fs-board", "kind": "team", "visibility": "open"})
        member.post("/api/v1/spaces/fs-board/members")
        path = "/api/v1/network/metrics?scope=space:fs-board"

        def fresh(client, p):
            reply = client.get(p)
            return reply if reply.status == 200 and not reply.json["stale"] else None

        before = wait_until(lambda: fresh(host, path), timeout=30, what="space network").json
        self.assertEqual(before["graph"]["nodes"], 2)
        secret = host.patch("/api/v1/spaces/fs-board", {"visibility": "secret"}).json["slug"]
        created = newcomer.post("/api/v1/spaces", {"name": "Mine", "slug": "fs-board", "kind": "team",
                                                   "visibility": "open"})
        self.assertEqual(created.status, 201, created)
        # The newcomer hosts the new fs-board: its network is theirs alone,
        # never the old space's cached figures or history.
        first = newcomer.get(path)
        self.assertIn(first.status, (200, 202), first)
        if first.status == 200:
            self.assertEqual(first.json["graph"]["nodes"], 1, first)
        mine = wait_until(lambda: fresh(newcomer, path), timeout=30, what="new space network").json
        self.assertEqual(mine["graph"]["nodes"], 1)
        self.assertEqual([h["nodes"] for h in mine["history"]], [1])
        # The secret space keeps its own network under its new slug.
        moved = wait_until(lambda: fresh(host, f"/api/v1/network/metrics?scope=space:{secret}"), timeout=30,
                           what="moved space network").json
        self.assertEqual(moved["graph"]["nodes"], 2)


class NetworkVersionsDoNotCountHiddenActivity(ApiTestCase):
    def test_a_hosts_network_version_does_not_grow_by_the_hidden_replies(self):
        host, insider = self.register("nv_host"), self.register("nv_insider")
        host.post("/api/v1/spaces", {"name": "Open", "slug": "nv-open", "kind": "team", "visibility": "open"})
        secret = insider.post("/api/v1/spaces", {"name": "Hidden", "slug": "nv-hidden", "kind": "team",
                                                 "visibility": "secret"}).json["slug"]
        item = insider.post("/api/v1/items", {"kind": "note", "body": "inside", "space": secret,
                                              "visibility": "space"}).json["id"]
        path = "/api/v1/network/metrics?scope=space:nv-open"

        def fresh():
            reply = host.get(path)
            return reply if reply.status == 200 and not reply.json["stale"] else None

        before = wait_until(fresh, timeout=30, what="space network").json
        hidden = 7
        for _ in range(hidden):
            self.assertEqual(insider.post(f"/api/v1/items/{item}/replies", {"body": "hidden"}).status, 201)
        # The version is the scope's own fingerprint: replies it cannot see
        # leave it, the history and the figures as they were.
        after = wait_until(fresh, timeout=30, what="space network").json
        self.assertEqual(after["version"], before["version"])
        self.assertEqual(after["history"], before["history"])


class IdsDoNotCountHiddenActivity(ApiTestCase):
    """With sequential ids, two posts by an outsider differ by 1 plus the
    number of rows written in between; these tests fail on such ids."""

    HIDDEN = 5

    def setUp(self):
        self.host = self.register()
        self.outsider = self.register()
        reply = self.host.post("/api/v1/spaces", {"name": "Hidden", "slug": "hidden-work", "kind": "team",
                                                  "visibility": "secret"})
        self.assertEqual(reply.status, 201, reply)
        self.secret = reply.json["slug"]

    def ids_around_hidden_burst(self, own_write, hidden_write):
        """Ids of three own writes: two in a row, then HIDDEN hidden writes, then one."""
        first, second = own_write(), own_write()
        for _ in range(self.HIDDEN):
            hidden_write()
        third = own_write()
        for value in (first, second, third):
            self.assertLessEqual(value, MAX_SAFE_INTEGER)  # exact as a JSON number
        self.assertLess(first, second)
        self.assertLess(second, third)  # still in time order
        return first, second, third

    def assert_gaps_say_nothing(self, first, second, third):
        self.assertNotEqual(second - first, 1, "consecutive own writes have consecutive ids")
        self.assertNotEqual(third - second, self.HIDDEN + 1, "the gap counts the hidden writes")

    def created_id(self, reply):
        self.assertEqual(reply.status, 201, reply)
        return int(reply.json["id"])

    def test_item_ids(self):
        def own():
            return self.created_id(self.outsider.post("/api/v1/items", {"kind": "note", "body": "mine",
                                                                         "visibility": "public"}))

        def hidden():
            self.created_id(self.host.post("/api/v1/items", {"kind": "note", "body": "hidden",
                                                              "space": self.secret, "visibility": "space"}))
        self.assert_gaps_say_nothing(*self.ids_around_hidden_burst(own, hidden))

    def test_reply_ids(self):
        public = self.created_id(self.outsider.post("/api/v1/items", {"kind": "note", "body": "ask me",
                                                                       "visibility": "public"}))
        inside = self.created_id(self.host.post("/api/v1/items", {"kind": "note", "body": "inside",
                                                                   "space": self.secret, "visibility": "space"}))

        def own():
            return self.created_id(self.outsider.post(f"/api/v1/items/{public}/replies", {"body": "again"}))

        def hidden():
            self.created_id(self.host.post(f"/api/v1/items/{inside}/replies", {"body": "hidden"}))
        self.assert_gaps_say_nothing(*self.ids_around_hidden_burst(own, hidden))

    def test_space_ids(self):
        counter = iter(range(1000))

        def create(client, visibility):
            reply = client.post("/api/v1/spaces", {"name": "S", "slug": f"id-space-{next(counter)}",
                                                   "kind": "team", "visibility": visibility})
            return self.created_id(reply)

        self.assert_gaps_say_nothing(*self.ids_around_hidden_burst(
            lambda: create(self.outsider, "open"), lambda: create(self.host, "secret")))


if __name__ == "__main__":
    unittest.main()
