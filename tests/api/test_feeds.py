"""Feeds: home, public, space, member, tag; newest first; stable pages while others post."""
import threading
import unittest

from kring_api import ApiTestCase


def bodies(reply):
    return [i["body"] for i in reply.json["items"]]


class FeedContents(ApiTestCase):
    def test_home_feed_has_followed_connected_spaces_and_own(self):
        me, followed, friend, stranger, host = (self.register(h) for h in
                                                ("home_me", "home_followed", "home_friend", "home_stranger", "home_host"))
        me.post("/api/v1/members/home_followed/follow")
        self.connect(me, friend)
        host.post("/api/v1/spaces", {"name": "Garden", "slug": "home-garden", "kind": "community", "visibility": "open"})
        me.post("/api/v1/spaces/home-garden/members")
        followed.post("/api/v1/items", {"kind": "note", "body": "from followed"})
        friend.post("/api/v1/items", {"kind": "note", "body": "from friend"})
        stranger.post("/api/v1/items", {"kind": "note", "body": "from stranger"})
        host.post("/api/v1/items", {"kind": "note", "body": "in garden", "space": "home-garden"})
        me.post("/api/v1/items", {"kind": "note", "body": "my own"})
        self.assertEqual(bodies(me.get("/api/v1/feeds/home")),
                         ["my own", "in garden", "from friend", "from followed"])
        self.assertError(self.anonymous().get("/api/v1/feeds/home"), 401)

    def test_public_member_and_tag_feeds(self):
        a = self.register("pub_a")
        a.post("/api/v1/items", {"kind": "note", "body": "public #bikes"})
        a.post("/api/v1/items", {"kind": "note", "body": "members only #bikes", "visibility": "members"})
        a.post("/api/v1/items", {"kind": "note", "body": "friends only #bikes", "visibility": "connections"})
        self.assertIn("public #bikes", bodies(self.anonymous().get("/api/v1/feeds/public")))
        self.assertNotIn("members only #bikes", bodies(self.anonymous().get("/api/v1/feeds/public")))
        self.assertEqual(bodies(self.anonymous().get("/api/v1/tags/bikes/feed")), ["public #bikes"])
        viewer = self.register("pub_viewer")
        self.assertEqual(bodies(viewer.get("/api/v1/tags/BIKES/feed")), ["members only #bikes", "public #bikes"])
        self.assertEqual(bodies(a.get("/api/v1/members/pub_a/feed")),
                         ["friends only #bikes", "members only #bikes", "public #bikes"])
        self.assertError(self.anonymous().get("/api/v1/tags/" + "t" * 10000 + "/feed"), 400, "tag_too_long")
        self.assertError(self.anonymous().get("/api/v1/tags/bad%20tag/feed"), 400, "invalid_tag")
        self.assertError(self.anonymous().get("/api/v1/feeds/public?cursor=nonsense"), 400, "invalid_cursor")

    def test_muted_members_and_spaces_leave_my_feeds(self):
        me, noisy, host = self.register("mute_me"), self.register("mute_noisy"), self.register("mute_host")
        me.post("/api/v1/members/mute_noisy/follow")
        host.post("/api/v1/spaces", {"name": "Loud", "slug": "loud-space", "kind": "community", "visibility": "open"})
        me.post("/api/v1/spaces/loud-space/members")
        noisy.post("/api/v1/items", {"kind": "note", "body": "noise"})
        host.post("/api/v1/items", {"kind": "note", "body": "space noise", "space": "loud-space"})
        self.assertEqual(sorted(bodies(me.get("/api/v1/feeds/home"))), ["noise", "space noise"])
        self.assertEqual(me.post("/api/v1/members/mute_noisy/mute").status, 204)
        self.assertEqual(me.post("/api/v1/spaces/loud-space/mute").status, 204)
        self.assertEqual(bodies(me.get("/api/v1/feeds/home")), [])
        self.assertEqual(me.delete("/api/v1/members/mute_noisy/mute").status, 204)
        self.assertEqual(bodies(me.get("/api/v1/feeds/home")), ["noise"])


class FeedPaging(ApiTestCase):
    def test_pages_have_no_duplicates_or_gaps_while_others_post(self):
        reader, writer = self.register("page_reader"), self.register("page_writer")
        for i in range(30):
            writer.post("/api/v1/items", {"kind": "note", "body": f"old {i:02d}"})
        stop = threading.Event()

        def keep_posting():
            poster = self.server.client(token=writer.token)
            n = 0
            while not stop.is_set() and n < 200:
                poster.post("/api/v1/items", {"kind": "note", "body": f"new {n:03d}"})
                n += 1

        thread = threading.Thread(target=keep_posting)
        first = reader.get("/api/v1/members/page_writer/feed?limit=7").json
        thread.start()
        seen = [i["body"] for i in first["items"]]
        cursor = first["next_cursor"]
        try:
            while cursor:
                page = reader.get(f"/api/v1/members/page_writer/feed?limit=7&cursor={cursor}").json
                seen += [i["body"] for i in page["items"]]
                cursor = page["next_cursor"]
        finally:
            stop.set()
            thread.join()
        olds = [b for b in seen if b.startswith("old")]
        self.assertEqual(olds, [f"old {i:02d}" for i in reversed(range(30))])
        self.assertEqual(len(seen), len(set(seen)))


class HomeFeedPaging(ApiTestCase):
    def test_home_pages_mix_busy_and_quiet_sources_without_gaps(self):
        # The home read works source by source and widens its id range when
        # visibility rules drop items: quiet sources, a busy one, a space, and
        # items the reader may not see must all page out exactly.
        reader = self.register("hp_reader")
        busy, quiet1, quiet2, friend, host = (self.register(h) for h in
                                              ("hp_busy", "hp_quiet1", "hp_quiet2", "hp_friend", "hp_host"))
        for followed in ("hp_busy", "hp_quiet1", "hp_quiet2"):
            reader.post(f"/api/v1/members/{followed}/follow")
        self.connect(reader, friend)
        host.post("/api/v1/spaces", {"name": "Plein", "slug": "hp-plein", "kind": "community", "visibility": "open"})
        reader.post("/api/v1/spaces/hp-plein/members")
        expected = []

        def post(client, body, visible=True, **extra):
            self.assertEqual(client.post("/api/v1/items", {"kind": "note", "body": body, **extra}).status, 201)
            if visible:
                expected.append(body)

        post(quiet1, "quiet1 early")
        for i in range(25):
            post(busy, f"busy {i}")
            # Only the busy member's connections may read these: not the reader.
            post(busy, f"busy private {i}", visible=False, visibility="connections")
            if i % 6 == 0:
                post(host, f"plein {i}", space="hp-plein")
            if i % 9 == 0:
                post(friend, f"friend {i}", visibility="connections")
        post(quiet2, "quiet2 late")
        seen, cursor = [], None
        for _ in range(50):
            page = reader.get("/api/v1/feeds/home?limit=4" + (f"&cursor={cursor}" if cursor else "")).json
            seen += bodies_of(page)
            cursor = page["next_cursor"]
            if not cursor:
                break
        self.assertEqual(seen, list(reversed(expected)))


def bodies_of(page):
    return [i["body"] for i in page["items"]]


if __name__ == "__main__":
    unittest.main()
