"""`can` and `allowed_visibilities` (issue 9, point 6): the server tells each
viewer what they may do with an item, a reply, a space or a member, and the
answer is what the server then does.

Each item check makes a fresh item, reads it as the viewer, takes every
action `can` names and asserts that it succeeds exactly when `can` said so.
"""
import unittest

from kring_api import ApiTestCase, SseReader

ITEM_KEYS = {"edit", "delete", "hide", "unhide", "reply", "react", "report", "history",
             "status_history", "vote", "unvote",  # on a note both are 409 no_votes
             "answer_follow_up",  # on a note 409 no_follow_up
             "pledge", "set_organisers",  # on a note 409 no_contributions, no_organisers
             "follow"}
ITEM_LISTS = {"move_status"}  # test_item_status checks it against POST /items/{id}/status
REPLY_KEYS = {"delete", "hide", "unhide", "react", "report"}
SPACE_KEYS = {"edit", "join", "leave", "invite", "decide_requests", "set_roles", "remove_members",
              "post", "view_members", "view_reports", "view_network", "read"}
MEMBER_KEYS = {"follow", "unfollow", "connect", "disconnect", "block", "unblock", "mute", "report",
               "suspend", "reinstate", "set_role"}


def ok(reply):
    return 200 <= reply.status < 300


class CanPredictsTheServer(ApiTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()

    def setUp(self):
        if hasattr(type(self), "cast"):
            return
        c = {}
        c["admin"] = self.register("can_admin")  # first member: instance admin
        for name in ["owner", "moderator", "author", "member", "outsider", "susmod"]:
            c[name] = self.register("can_" + name)
        self.slugs = {}
        for visibility in ["open", "closed"]:
            slug = self.create_space(c["owner"], visibility)
            for name in ["moderator", "author", "member", "susmod"]:
                self.join(c["owner"], c[name], slug, visibility)
            for name in ["moderator", "susmod"]:
                r = c["owner"].post(f"/api/v1/spaces/{slug}/roles/{c[name].handle}", {"role": "moderator"})
                self.assertEqual(r.status, 200, r)
            self.slugs[visibility] = slug
        r = c["admin"].post(f"/api/v1/members/{c['susmod'].handle}/suspend")
        self.assertEqual(r.status, 204, r)
        c["anonymous"] = self.anonymous()
        type(self).cast = c
        type(self).space_slugs = self.slugs

    def create_space(self, owner, visibility):
        r = owner.post("/api/v1/spaces", {"name": f"Can {visibility}", "slug": f"can-{visibility}",
                                          "kind": "community", "visibility": visibility})
        self.assertEqual(r.status, 201, r)
        return r.json["slug"]

    def join(self, owner, who, slug, visibility):
        r = who.post(f"/api/v1/spaces/{slug}/members")
        self.assertEqual(r.status, 200, r)
        if visibility != "open":
            r = owner.post(f"/api/v1/spaces/{slug}/requests/{who.handle}", {"decision": "approve"})
            self.assertEqual(r.status, 200, r)

    def new_item(self, where):
        body = {"kind": "note", "body": "something to act on"}
        if where != "profile":
            body["space"] = self.space_slugs[where]
        if where == "open":
            body["visibility"] = "public"
        r = self.cast["author"].post("/api/v1/items", body)
        self.assertEqual(r.status, 201, r)
        return r.json["id"]

    def take(self, client, key, item_id):
        path = f"/api/v1/items/{item_id}"
        if key == "edit":
            return client.patch(path, {"body": "edited"})
        if key == "delete":
            return client.delete(path)
        if key == "hide":
            return client.post(path + "/hide")
        if key == "unhide":
            return client.delete(path + "/hide")
        if key == "reply":
            return client.post(path + "/replies", {"body": "a reply"})
        if key == "react":
            return client.put(path + "/reactions/like")
        if key == "report":
            return client.post("/api/v1/reports", {"target_type": "item", "target_id": item_id,
                                                   "reason": "testing can"})
        if key == "history":
            return client.get(path + "/history")
        if key == "status_history":
            return client.get(path + "/status-history")
        if key == "vote":
            return client.post(path + "/votes")
        if key == "unvote":
            return client.delete(path + "/votes")
        if key == "answer_follow_up":
            return client.post(path + "/fixed", {"fixed": True})
        if key == "follow":
            return client.put(path + "/follow")
        if key == "pledge":
            return client.post(path + "/contributions", {"kind": "support"})
        if key == "set_organisers":
            return client.put(path + "/organisers/" + self.cast["author"].handle)
        raise AssertionError(key)

    def test_item_can_says_exactly_what_the_server_allows(self):
        checked = {True: 0, False: 0}
        for where in ["profile", "open", "closed"]:
            for name, client in self.cast.items():
                for key in sorted(ITEM_KEYS):
                    with self.subTest(where=where, viewer=name, key=key):
                        item_id = self.new_item(where)
                        read = client.get(f"/api/v1/items/{item_id}")
                        if read.status == 404:
                            continue  # not theirs to see: nothing to offer
                        self.assertEqual(read.status, 200, read)
                        can = read.json["can"]
                        self.assertEqual(set(can), ITEM_KEYS | ITEM_LISTS)
                        if key == "unhide":
                            self.cast["owner"].post(f"/api/v1/items/{item_id}/hide")
                        self.assertEqual(ok(self.take(client, key, item_id)), can[key],
                                         f"{name} {key} in {where}: can says {can[key]}")
                        checked[can[key]] += 1
        # Both answers were seen often: the loop checked something.
        self.assertGreater(checked[True], 50, checked)
        self.assertGreater(checked[False], 50, checked)

    def test_the_author_may_edit_only_while_still_contributing(self):
        item_id = self.new_item("open")
        can = self.cast["author"].get(f"/api/v1/items/{item_id}").json["can"]
        self.assertTrue(can["edit"])
        self.assertTrue(can["delete"])
        self.assertFalse(can["hide"])
        mod_can = self.cast["moderator"].get(f"/api/v1/items/{item_id}").json["can"]
        self.assertEqual((mod_can["edit"], mod_can["delete"], mod_can["hide"]), (False, True, True))
        sus_can = self.cast["susmod"].get(f"/api/v1/items/{item_id}").json["can"]
        self.assertFalse(any(sus_can[k] for k in ITEM_KEYS - {"history", "status_history"}), sus_can)
        self.assertEqual(sus_can["move_status"], [])

    def test_feed_items_carry_the_same_can_as_the_item_itself(self):
        item_id = self.new_item("closed")
        for name in ["author", "moderator", "member", "owner"]:
            client = self.cast[name]
            feed = client.get(f"/api/v1/spaces/{self.space_slugs['closed']}/feed").json["items"]
            in_feed = next(i for i in feed if i["id"] == item_id)
            self.assertEqual(in_feed["can"], client.get(f"/api/v1/items/{item_id}").json["can"], name)

    def test_reply_can_names_the_reply_actions_and_follows_authorship(self):
        item_id = self.new_item("open")
        reply = self.cast["member"].post(f"/api/v1/items/{item_id}/replies", {"body": "mine"})
        self.assertEqual(reply.status, 201, reply)
        self.assertEqual(set(reply.json["can"]), REPLY_KEYS)
        self.assertTrue(reply.json["can"]["delete"])
        self.assertFalse(reply.json["can"]["hide"])
        listed = {name: self.cast[name].get(f"/api/v1/items/{item_id}/replies").json["items"][0]["can"]
                  for name in ["member", "author", "moderator", "anonymous"]}
        self.assertEqual((listed["author"]["delete"], listed["author"]["react"]), (False, True))
        self.assertEqual((listed["moderator"]["delete"], listed["moderator"]["hide"]), (True, True))
        self.assertFalse(any(listed["anonymous"].values()))
        # What can said, the server does.
        self.assertError(self.cast["author"].delete(f"/api/v1/replies/{reply.json['id']}"), 403)
        self.assertEqual(self.cast["moderator"].post(f"/api/v1/replies/{reply.json['id']}/hide").status, 204)

    def test_space_can_follows_the_viewers_membership(self):
        slug = self.space_slugs["closed"]
        spaces = {name: self.cast[name].get(f"/api/v1/spaces/{slug}").json
                  for name in ["owner", "moderator", "member", "outsider", "anonymous", "susmod"]}
        for name, space in spaces.items():
            self.assertEqual(set(space["can"]), SPACE_KEYS, name)
        true_keys = {name: {k for k, v in s["can"].items() if v} for name, s in spaces.items()}
        # Joining again changes nothing, so `join` stays true for members (my_role says they are).
        hosts = {"invite", "decide_requests", "remove_members", "post", "view_members", "view_reports",
                 "view_network", "leave", "join", "read"}
        self.assertEqual(true_keys["owner"], hosts | {"edit", "set_roles"})
        self.assertEqual(true_keys["moderator"], hosts)
        self.assertEqual(true_keys["member"], {"post", "view_members", "leave", "join", "read"})
        self.assertEqual(true_keys["outsider"], {"join"})
        self.assertEqual(true_keys["anonymous"], set())
        self.assertEqual(true_keys["susmod"], {"view_members", "read"})  # suspended: read-only
        # And the server agrees where it matters most.
        self.assertError(self.cast["member"].post(f"/api/v1/spaces/{slug}/invites",
                                                  {"handle": self.cast["outsider"].handle}), 403)
        self.assertError(self.cast["susmod"].post(f"/api/v1/spaces/{slug}/invites",
                                                  {"handle": self.cast["outsider"].handle}), 403)

    def test_member_lists_of_a_space_say_who_may_remove_and_appoint_whom(self):
        slug = self.space_slugs["closed"]
        def rows(name):
            listed = self.cast[name].get(f"/api/v1/spaces/{slug}/members").json["items"]
            return {m["handle"]: m["space_can"] for m in listed}
        owner, mod, member = (self.cast[n].handle for n in ["owner", "moderator", "member"])
        as_owner, as_mod, as_member = rows("owner"), rows("moderator"), rows("member")
        self.assertEqual(as_owner[member], {"remove": True, "set_role": True})
        self.assertEqual(as_mod[member], {"remove": True, "set_role": False})
        self.assertEqual(as_mod[owner], {"remove": False, "set_role": False})  # moderators cannot remove owners
        self.assertEqual(as_member[mod], {"remove": False, "set_role": False})
        self.assertEqual(as_member[member], {"remove": True, "set_role": False})  # one's own row: leaving
        self.assertError(self.cast["moderator"].delete(f"/api/v1/spaces/{slug}/members/{owner}"), 403)
        # Join requests carry `decide` for the hosts.
        asker = self.register("can_asker")
        self.assertEqual(asker.post(f"/api/v1/spaces/{slug}/members").json["result"], "requested")
        requests = self.cast["moderator"].get(f"/api/v1/spaces/{slug}/requests").json["items"]
        self.assertTrue(next(r for r in requests if r["handle"] == asker.handle)["space_can"]["decide"])
        self.assertEqual(self.cast["moderator"].post(f"/api/v1/spaces/{slug}/requests/{asker.handle}",
                                                     {"decision": "decline"}).status, 200)

    def test_space_lists_carry_can_too(self):
        listed = self.cast["member"].get("/api/v1/spaces").json["items"]
        by_slug = {s["slug"]: s for s in listed}
        self.assertTrue(by_slug[self.space_slugs["open"]]["can"]["post"])
        self.assertTrue(by_slug[self.space_slugs["open"]]["can"]["invite"])  # open: any member invites
        self.assertFalse(by_slug[self.space_slugs["closed"]]["can"]["invite"])

    def test_member_can_differs_for_self_others_and_admins(self):
        handle = self.cast["member"].handle
        as_other = self.cast["outsider"].get(f"/api/v1/members/{handle}").json["can"]
        as_self = self.cast["member"].get(f"/api/v1/members/{handle}").json["can"]
        as_admin = self.cast["admin"].get(f"/api/v1/members/{handle}").json["can"]
        self.assertEqual(set(as_other), MEMBER_KEYS)
        self.assertTrue(as_other["follow"] and as_other["connect"] and as_other["block"])
        self.assertFalse(as_other["suspend"] or as_other["set_role"])
        self.assertFalse(as_self["follow"] or as_self["block"] or as_self["suspend"])
        self.assertTrue(as_admin["suspend"] and as_admin["set_role"])
        self.assertError(self.cast["member"].post(f"/api/v1/members/{handle}/follow"), 400, "self_tie")

    def test_a_blocked_members_can_offers_only_unblocking(self):
        blocker = self.register("can_blocker")
        target = self.register("can_blocked")
        self.assertEqual(blocker.post(f"/api/v1/members/{target.handle}/block").status, 200)
        listed = blocker.get("/api/v1/me/blocked").json["items"]
        can = next(m for m in listed if m["handle"] == target.handle)["can"]
        self.assertTrue(can["unblock"])
        self.assertFalse(can["follow"] or can["connect"] or can["mute"])
        self.assertError(blocker.post(f"/api/v1/members/{target.handle}/follow"), 404)


class OwnInstancePages(ApiTestCase):
    """`can` on oneself says whether the instance's report queue and network open."""

    def test_own_can_says_who_sees_the_instance_report_queue_and_network(self):
        admin = self.register("own_admin")  # first member: instance admin
        cast = {"admin": admin, "member": self.register("own_member"),
                "analyst": self.register("own_analyst"), "susadmin": self.register("own_susadmin")}
        self.assertEqual(admin.put("/api/v1/members/own_analyst/role", {"role": "analyst"}).status, 204)
        self.assertEqual(admin.put("/api/v1/members/own_susadmin/role", {"role": "admin"}).status, 204)
        self.assertEqual(admin.post("/api/v1/members/own_susadmin/suspend").status, 204)
        for name, reports, network in [("member", False, False), ("analyst", False, True),
                                       ("admin", True, True), ("susadmin", False, False)]:
            viewer = cast[name]
            can = viewer.get("/api/v1/me").json["can"]
            self.assertEqual((can["view_reports"], can["view_network"]), (reports, network), name)
            self.assertEqual(viewer.get("/api/v1/reports").status == 200, reports, name)
            self.assertEqual(viewer.get("/api/v1/network/metrics").status in (200, 202), network, name)
        # Only on oneself: another member's can has neither key.
        other = cast["member"].get("/api/v1/members/own_admin").json["can"]
        self.assertFalse({"view_reports", "view_network"} & set(other))


class OwnPages(ApiTestCase):
    """`can` on oneself says whether editing the profile, the people-you-may-know
    list and the live stream open: a suspended member's do not."""

    def test_own_can_agrees_with_the_profile_second_degree_and_stream(self):
        admin = self.register("ownp_admin")
        active, suspended = self.register("ownp_active"), self.register("ownp_suspended")
        self.assertEqual(admin.post("/api/v1/members/ownp_suspended/suspend").status, 204)
        for name, viewer, allowed in [("active", active, True), ("suspended", suspended, False)]:
            can = viewer.get("/api/v1/me").json["can"]
            self.assertEqual((can["edit_profile"], can["view_second_degree"], can["open_stream"]),
                             (allowed, allowed, allowed), name)
            self.assertEqual(viewer.patch("/api/v1/me", {"bio": "gardens"}).status == 200, allowed, name)
            self.assertEqual(viewer.get("/api/v1/me/second-degree").status == 200, allowed, name)
            stream = SseReader(self.server.port, viewer.token)
            try:
                self.assertEqual(stream.response.status == 200, allowed, name)
            finally:
                stream.conn.close()


class SpaceRead(ApiTestCase):
    """`can.read` on a space says whether its feed opens."""

    def test_read_agrees_with_the_space_feed(self):
        owner, member, outsider = (self.register("sr_owner"), self.register("sr_member"),
                                   self.register("sr_outsider"))
        for visibility in ["open", "closed"]:
            slug = owner.post("/api/v1/spaces", {"name": f"SR {visibility}", "slug": f"sr-{visibility}",
                                                 "kind": "team", "visibility": visibility}).json["slug"]
            member.post(f"/api/v1/spaces/{slug}/members")
            owner.post(f"/api/v1/spaces/{slug}/requests/sr_member", {"decision": "approve"})
            for name, viewer in [("owner", owner), ("member", member), ("outsider", outsider),
                                 ("anonymous", self.anonymous())]:
                with self.subTest(space=visibility, viewer=name):
                    can = viewer.get(f"/api/v1/spaces/{slug}").json["can"]
                    status = viewer.get(f"/api/v1/spaces/{slug}/feed").status
                    self.assertEqual(can["read"], status == 200, (can, status))
            # Both answers are seen in the closed space, so the check can fail.
            if visibility == "closed":
                self.assertFalse(outsider.get(f"/api/v1/spaces/{slug}").json["can"]["read"])
                self.assertTrue(member.get(f"/api/v1/spaces/{slug}").json["can"]["read"])


class AllowedVisibilities(ApiTestCase):
    def test_closed_and_secret_spaces_offer_only_space(self):
        owner = self.register("av_owner")
        offered = {}
        for visibility in ["open", "closed", "secret"]:
            r = owner.post("/api/v1/spaces", {"name": f"AV {visibility}", "slug": f"av-{visibility}",
                                              "kind": "team", "visibility": visibility})
            self.assertEqual(r.status, 201, r)
            offered[visibility] = (r.json["slug"], r.json["allowed_visibilities"])
        self.assertEqual(offered["open"][1], ["public", "members", "space"])
        self.assertEqual(offered["closed"][1], ["space"])
        self.assertEqual(offered["secret"][1], ["space"])
        # Every offered visibility is accepted, every other one refused.
        for visibility, (slug, allowed) in offered.items():
            for v in ["public", "members", "space", "connections"]:
                r = owner.post("/api/v1/items", {"kind": "note", "body": "x", "space": slug, "visibility": v})
                self.assertEqual(r.status == 201, v in allowed, (visibility, v, r))

    def test_the_profile_composer_offers_what_a_profile_post_may_have(self):
        member = self.register("av_member")
        me = member.get("/api/v1/me").json
        self.assertTrue(me["can"]["post"])
        self.assertEqual(me["allowed_visibilities"], ["public", "members", "connections"])
        for v in ["public", "members", "space", "connections"]:
            r = member.post("/api/v1/items", {"kind": "note", "body": "x", "visibility": v})
            self.assertEqual(r.status == 201, v in me["allowed_visibilities"], (v, r))


if __name__ == "__main__":
    unittest.main()
