"""Pagination, the same for every list: each list endpoint walked to its end
with a small limit gives every row once, in the order of one big page, while
newer rows are inserted between the pages; a forged, edited or foreign cursor
is a 400 that shows no rows; limit is checked the same everywhere.

Newest-first lists (feeds, ties, notifications, reports, invitations,
history) must not show rows inserted while paging: they are newer than the
cursor. Oldest-first and id-ordered lists (replies, directory, spaces, space
members, requests, second degree) show them once, after every older row.
Search pages by offset among the rows that existed when paging began, so new
hits show on none of its pages."""
import base64
import unittest

from kring_api import ApiTestCase

LIMIT = 2


def forged(text):
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def edited(cursor):
    """The cursor with one character changed (still valid base64url)."""
    last = cursor[-2]
    return cursor[:-2] + ("A" if last != "A" else "B") + cursor[-1]


class PaginationCase(ApiTestCase):
    key = staticmethod(lambda row: row["id"])

    def url(self, path, limit, cursor=None):
        sep = "&" if "?" in path else "?"
        return f"{path}{sep}limit={limit}" + (f"&cursor={cursor}" if cursor else "")

    def all_rows(self, client, path):
        page = client.get(self.url(path, 100))
        self.assertEqual(page.status, 200, page)
        self.assertIsNone(page.json["next_cursor"], "fixture larger than one big page")
        return [self.key(r) for r in page.json["items"]]

    def walk(self, client, path, between=lambda: None):
        """Follows next_cursor to the end, LIMIT rows a page; runs between()
        after each page that has a successor. Returns the keys in order and
        the first page's cursor."""
        seen, cursor, first_cursor = [], None, None
        for _ in range(200):
            page = client.get(self.url(path, LIMIT, cursor))
            self.assertEqual(page.status, 200, page)
            self.assertEqual(set(page.json), {"items", "next_cursor"} | ({"unread_count"} if "notifications" in path else set()))
            self.assertLessEqual(len(page.json["items"]), LIMIT)
            seen += [self.key(r) for r in page.json["items"]]
            cursor = page.json["next_cursor"]
            if cursor is None:
                return seen, first_cursor
            first_cursor = first_cursor or cursor
            between()
        self.fail(f"{path} did not end")

    def check_list(self, client, path, insert, newer_rows_show, at_least=4):
        """The walk equals one big page; with inserts between pages, rows
        appear once each, the old ones in their order; a bad cursor is 400."""
        before = self.all_rows(client, path)
        self.assertGreaterEqual(len(before), at_least, f"{path}: fixture too small")
        quiet, cursor = self.walk(client, path)
        self.assertEqual(quiet, before, f"{path}: pages differ from one big page")
        self.assertIsNotNone(cursor)

        busy, _ = self.walk(client, path, insert)
        self.assertEqual(len(busy), len(set(busy)), f"{path}: a row was served twice: {busy}")
        old = [k for k in busy if k in before]
        self.assertEqual(old, before, f"{path}: rows skipped or reordered while others inserted")
        new = [k for k in busy if k not in before]
        if newer_rows_show:
            self.assertTrue(new, f"{path}: rows inserted while paging never came")
            self.assertEqual(busy, before + new, f"{path}: newer rows must come after every older one")
        else:
            self.assertEqual(new, [], f"{path}: rows newer than the cursor shifted into the pages")
        self.assertGreater(len(self.all_rows(client, path)), len(before), f"{path}: insert() added nothing")
        self.check_bad_cursors(client, path, cursor)

    def check_bad_cursors(self, client, path, cursor):
        self.register()
        self.register()
        foreign = self.anonymous().get(self.url("/api/v1/members", 1)).json["next_cursor"]
        self.assertIsNotNone(foreign)
        for bad in (forged("k1:0:999999999999"), forged("k1:9223372036854775807:1"), edited(cursor),
                    cursor[:-3], cursor + "AA", "nonsense", foreign):
            r = client.get(self.url(path, LIMIT, bad))
            self.assertError(r, 400, "invalid_cursor")
            self.assertNotIn("items", r.json)
        for bad in ("0", "101", "-1", "two", "2.5", "1e1"):
            self.assertError(client.get(f"{path}{'&' if '?' in path else '?'}limit={bad}"), 400, "invalid_limit")

    def post(self, client, path, body=None, status=(200, 201, 204)):
        r = client.post(path, body)
        self.assertIn(r.status, status, r)
        return r.json

    def note(self, client, body, **extra):
        return self.post(client, "/api/v1/items", {"kind": "note", "body": body, **extra})

    def space(self, owner, slug, visibility="open"):
        r = owner.post("/api/v1/spaces", {"name": slug.replace("-", " ").title(), "slug": slug,
                                          "kind": "community", "visibility": visibility})
        self.assertEqual(r.status, 201, r)
        return r.json["slug"]


class Feeds(PaginationCase):
    def test_home_feed(self):
        reader, author = self.register("home_reader"), self.register("home_author")
        self.post(reader, f"/api/v1/members/{author.handle}/follow")
        for k in range(5):
            self.note(author, f"home {k}")
        self.check_list(reader, "/api/v1/feeds/home", lambda: self.note(author, "home, later"), False)

    def test_public_feed(self):
        author = self.register("public_author")
        for k in range(5):
            self.note(author, f"public {k}", visibility="public")
        self.check_list(self.anonymous(), "/api/v1/feeds/public",
                        lambda: self.note(author, "public, later", visibility="public"), False)

    def test_space_feed(self):
        owner = self.register("feed_owner")
        slug = self.space(owner, "paged-feed")
        for k in range(5):
            self.note(owner, f"in space {k}", space=slug)
        self.check_list(owner, f"/api/v1/spaces/{slug}/feed",
                        lambda: self.note(owner, "in space, later", space=slug), False)

    def test_member_feed(self):
        author = self.register("member_feed")
        for k in range(5):
            self.note(author, f"mine {k}", visibility="public")
        self.check_list(author, f"/api/v1/members/{author.handle}/feed",
                        lambda: self.note(author, "mine, later", visibility="public"), False)

    def test_tag_feed(self):
        author = self.register("tag_author")
        for k in range(5):
            self.note(author, f"about #pagedtag {k}", visibility="public")
        self.check_list(author, "/api/v1/tags/pagedtag/feed",
                        lambda: self.note(author, "#pagedtag later", visibility="public"), False)

    def test_a_cursor_of_one_space_feed_is_refused_by_another(self):
        owner = self.register("two_spaces")
        a, b = self.space(owner, "feed-a"), self.space(owner, "feed-b")
        for k in range(3):
            self.note(owner, f"a {k}", space=a)
            self.note(owner, f"b {k}", space=b)
        cursor = owner.get(f"/api/v1/spaces/{a}/feed?limit=1").json["next_cursor"]
        self.assertEqual(owner.get(f"/api/v1/spaces/{a}/feed?limit=1&cursor={cursor}").status, 200)
        self.assertError(owner.get(f"/api/v1/spaces/{b}/feed?limit=1&cursor={cursor}"), 400, "invalid_cursor")
        self.assertError(owner.get(f"/api/v1/feeds/home?limit=1&cursor={cursor}"), 400, "invalid_cursor")

    def test_a_cursor_survives_a_restart(self):
        author = self.register("restart_author")
        for k in range(3):
            self.note(author, f"before restart {k}", visibility="public")
        first = self.anonymous().get("/api/v1/feeds/public?limit=1").json
        self.server.stop()
        self.server.start()
        rest = self.anonymous().get(f"/api/v1/feeds/public?limit=1&cursor={first['next_cursor']}")
        self.assertEqual(rest.status, 200, rest)
        self.assertEqual(len(rest.json["items"]), 1)
        self.assertNotEqual(rest.json["items"][0]["id"], first["items"][0]["id"])


class Conversation(PaginationCase):
    def test_replies(self):
        author = self.register("thread_author")
        item = self.note(author, "a thread", visibility="public")["id"]
        for k in range(5):
            self.post(author, f"/api/v1/items/{item}/replies", {"body": f"reply {k}"})
        self.check_list(self.anonymous(), f"/api/v1/items/{item}/replies",
                        lambda: self.post(author, f"/api/v1/items/{item}/replies", {"body": "later"}), True)

    def test_item_history(self):
        author = self.register("history_author")
        item = self.note(author, "version 0", visibility="public")["id"]
        edits = iter(range(1, 100))
        edit = lambda: self.assertEqual(author.patch(f"/api/v1/items/{item}", {"body": f"version {next(edits)}"}).status, 200)
        for _ in range(5):
            edit()
        self.key = lambda r: r["body"]
        self.check_list(author, f"/api/v1/items/{item}/history", edit, False)


class Search(PaginationCase):
    def test_items(self):
        author = self.register("search_items")
        for k in range(5):
            self.note(author, f"walrus sighting {k}", visibility="public")
        self.check_list(author, "/api/v1/search?type=items&q=walrus",
                        lambda: self.note(author, "walrus walrus walrus", visibility="public"), False)

    def test_members(self):
        for k in range(5):
            self.register(f"otter_{k}")
        seeker = self.register("otter_seeker_x")
        later = iter(range(100))
        self.key = lambda r: r["handle"]
        self.check_list(seeker, "/api/v1/search?type=members&q=otter",
                        lambda: self.register(f"otter_late_{next(later)}"), False, at_least=5)

    def test_spaces(self):
        owner = self.register("search_spaces")
        for k in range(5):
            self.space(owner, f"heron-club-{k}")
        later = iter(range(100))
        self.key = lambda r: r["slug"]
        self.check_list(owner, "/api/v1/search?type=spaces&q=heron",
                        lambda: self.space(owner, f"heron-late-{next(later)}"), False)

    def test_a_cursor_of_one_query_is_refused_by_another(self):
        author = self.register("search_two")
        for k in range(3):
            self.note(author, f"badger {k}", visibility="public")
        cursor = author.get("/api/v1/search?type=items&q=badger&limit=1").json["next_cursor"]
        self.assertError(author.get(f"/api/v1/search?type=items&q=badgers&limit=1&cursor={cursor}"), 400,
                         "invalid_cursor")
        self.assertError(author.get(f"/api/v1/search?type=spaces&q=badger&limit=1&cursor={cursor}"), 400,
                         "invalid_cursor")


class Members(PaginationCase):
    key = staticmethod(lambda row: row["handle"])

    def test_directory(self):
        for k in range(5):
            self.register(f"dir_member_{k}", skills=["pagingskill"])
        later = iter(range(100))
        viewer = self.register("dir_viewer")
        self.check_list(viewer, "/api/v1/members?skill=pagingskill",
                        lambda: self.register(f"dir_late_{next(later)}", skills=["pagingskill"]), True)

    def test_followers_following_connections(self):
        star = self.register("tie_star")
        for k in range(5):
            fan = self.register(f"tie_fan_{k}")
            self.post(fan, f"/api/v1/members/{star.handle}/follow")
            self.post(star, f"/api/v1/members/{fan.handle}/follow")
            self.connect(star, fan)
        later = iter(range(100))

        def new_fan():
            fan = self.register(f"tie_late_{next(later)}")
            self.post(fan, f"/api/v1/members/{star.handle}/follow")
            self.post(star, f"/api/v1/members/{fan.handle}/follow")
            self.connect(star, fan)

        for which in ("followers", "following", "connections"):
            self.check_list(self.anonymous(), f"/api/v1/members/{star.handle}/{which}", new_fan, False)

    def test_connection_requests(self):
        me = self.register("req_me")
        for k in range(5):
            self.post(self.register(f"req_from_{k}"), f"/api/v1/members/{me.handle}/connection")
        later = iter(range(100))
        self.check_list(me, "/api/v1/me/connection-requests",
                        lambda: self.post(self.register(f"req_late_{next(later)}"),
                                          f"/api/v1/members/{me.handle}/connection"), False)

    def test_blocked(self):
        me = self.register("block_me")
        for k in range(5):
            self.post(me, f"/api/v1/members/{self.register(f'blocked_{k}').handle}/block")
        later = iter(range(100))
        self.check_list(me, "/api/v1/me/blocked",
                        lambda: self.post(me, f"/api/v1/members/{self.register(f'blocked_late_{next(later)}').handle}/block"),
                        False)

    def test_second_degree(self):
        me, hub = self.register("deg_me"), self.register("deg_hub")
        self.connect(me, hub)
        for k in range(5):
            self.connect(hub, self.register(f"deg_far_{k}"))
        later = iter(range(100))
        # Newcomers share one connection, as every other row, and have the
        # largest ids: they sort last.
        self.check_list(me, "/api/v1/me/second-degree",
                        lambda: self.connect(hub, self.register(f"deg_late_{next(later)}")), True)


class Spaces(PaginationCase):
    key = staticmethod(lambda row: row["slug"])

    def test_spaces(self):
        owner = self.register("spaces_owner")
        for k in range(5):
            self.space(owner, f"listed-{k}")
        later = iter(range(100))
        self.check_list(self.anonymous(), "/api/v1/spaces?q=listed",
                        lambda: self.space(owner, f"listed-late-{next(later)}"), True)

    def test_invitations(self):
        host, guest = self.register("inv_host"), self.register("inv_guest")
        later = iter(range(100))

        def invite():
            slug = self.space(host, f"invite-{next(later)}", "closed")
            self.post(host, f"/api/v1/spaces/{slug}/invites", {"handle": guest.handle})

        for _ in range(5):
            invite()
        self.check_list(guest, "/api/v1/me/invitations", invite, False)

    def test_members_and_requests(self):
        owner = self.register("sm_owner")
        open_slug, closed_slug = self.space(owner, "sm-open"), self.space(owner, "sm-closed", "closed")
        for k in range(5):
            m = self.register(f"sm_member_{k}")
            self.post(m, f"/api/v1/spaces/{open_slug}/members")
            self.post(m, f"/api/v1/spaces/{closed_slug}/members")
        later = iter(range(100))

        def newcomer():
            m = self.register(f"sm_late_{next(later)}")
            self.post(m, f"/api/v1/spaces/{open_slug}/members")
            self.post(m, f"/api/v1/spaces/{closed_slug}/members")

        self.key = lambda r: r["handle"]
        self.check_list(owner, f"/api/v1/spaces/{open_slug}/members", newcomer, True)
        self.check_list(owner, f"/api/v1/spaces/{closed_slug}/requests", newcomer, True)


class Notifications(PaginationCase):
    def test_notifications(self):
        me = self.register("notified")
        later = iter(range(100))
        follow = lambda: self.post(self.register(f"notifier_{next(later)}"), f"/api/v1/members/{me.handle}/follow")
        for _ in range(5):
            follow()
        self.check_list(me, "/api/v1/notifications", follow, False)


class Reports(PaginationCase):
    def setUp(self):
        if not hasattr(type(self), "admin"):
            type(self).admin = self.register("pg_admin")  # the first member is the admin

    def test_space_reports(self):
        owner = self.register("rep_owner")
        slug = self.space(owner, "reported")
        later = iter(range(100))

        def report():
            item = self.note(owner, "reported text", space=slug, visibility="public")["id"]
            reporter = self.register(f"rep_by_{next(later)}")
            self.post(reporter, "/api/v1/reports", {"target_type": "item", "target_id": item, "reason": "spam"})

        for _ in range(5):
            report()
        self.check_list(owner, f"/api/v1/spaces/{slug}/reports", report, False)

    def test_instance_reports(self):
        later = iter(range(100))

        def report():
            target = self.register(f"rep_target_{next(later)}")
            self.post(self.register(f"rep_member_{next(later)}"), "/api/v1/reports",
                      {"target_type": "member", "target_id": target.handle, "reason": "spam"})

        for _ in range(5):
            report()
        self.check_list(self.admin, "/api/v1/reports", report, False)

    def test_space_reports_do_not_end_the_instance_queue_early(self):
        # Regression: the instance-wide queue read a page of all reports and
        # dropped the spaces' ones after the LIMIT, so a page thinned by them
        # had no next_cursor although instance reports were left.
        owner = self.register("thin_owner")
        slug = self.space(owner, "thinning")
        target = self.register("thin_target")
        self.post(self.register("thin_a"), "/api/v1/reports",
                  {"target_type": "member", "target_id": target.handle, "reason": "old"})
        for k in range(4):
            item = self.note(owner, f"space report {k}", space=slug, visibility="public")["id"]
            self.post(self.register(f"thin_r{k}"), "/api/v1/reports",
                      {"target_type": "item", "target_id": item, "reason": "in a space"})
        seen, _ = self.walk(self.admin, "/api/v1/reports")
        reasons = [r["reason"] for r in self.admin.get("/api/v1/reports?limit=100").json["items"]]
        self.assertIn("old", reasons)
        self.assertNotIn("in a space", reasons)
        self.assertEqual(len(seen), len(reasons))


if __name__ == "__main__":
    unittest.main()
