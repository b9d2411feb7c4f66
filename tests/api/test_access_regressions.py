"""Regressions of security issue 8, items 1-3: access rules that leaked.

1. Suspended members kept their powers: a suspended admin still suspended
   members and set roles, a suspended moderator still deleted and hid other
   members' content and removed members, a suspended member still reported,
   blocked, muted and opened streams, while their own items were 404 to
   themselves. Suspended is read-only: own data, export, log out.
2. Losing access did not end access: a member removed from a secret space
   still read replies under their own items there, was told of new ones and
   could edit them; a revoked invitee still saw the space's name in their
   notifications.
3. History outlived its audience: an item edited from connections-only to
   public showed its old text to anyone in GET /items/{id}/history.
"""
import json
import os
import subprocess
import unittest

from kring_api import ApiTestCase, ok, KRING, PASSWORD, SseReader


def register(server, handle):
    reply = server.client().post("/api/v1/accounts", {
        "handle": handle, "email": f"{handle}@example.org", "password": PASSWORD})
    assert reply.status == 201, reply
    client = server.client(token=reply.json["token"])
    client.handle = handle
    return client


class SuspendedMembersHoldNoPowers(ApiTestCase):
    """Every write by a suspended admin, moderator or member is 403 and changes nothing."""

    SPACE = "sus-space"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        s = cls.server
        cls.admin = register(s, "sx_admin")  # first member: instance admin
        cls.owner = register(s, "sx_owner")
        cls.victim = register(s, "sx_victim")
        cls.actors = {name: register(s, f"sx_{name}") for name in ("susadmin", "susmod", "susmember")}
        ok(cls.admin.put("/api/v1/members/sx_susadmin/role", {"role": "admin"}), 204)
        ok(cls.owner.post("/api/v1/spaces", {"name": "Suspension test", "slug": cls.SPACE,
                                             "kind": "team", "visibility": "open"}), 201)
        for client in [cls.victim, *cls.actors.values()]:
            ok(client.post(f"/api/v1/spaces/{cls.SPACE}/members"))
        ok(cls.owner.post(f"/api/v1/spaces/{cls.SPACE}/roles/sx_susmod", {"role": "moderator"}))
        cls.item = ok(cls.victim.post("/api/v1/items", {"kind": "note", "space": cls.SPACE,
                                                        "visibility": "public",
                                                        "body": "victim's note"}), 201)["id"]
        cls.reply = ok(cls.victim.post(f"/api/v1/items/{cls.item}/replies",
                                       {"body": "victim's reply"}), 201)["id"]
        owner_item = ok(cls.owner.post("/api/v1/items", {"kind": "note", "space": cls.SPACE,
                                                         "visibility": "public",
                                                         "body": "owner's note"}), 201)["id"]
        ok(cls.victim.post("/api/v1/reports", {"target_type": "item", "target_id": owner_item,
                                               "reason": "space report"}), 201)
        ok(cls.victim.post("/api/v1/reports", {"target_type": "member", "target_id": "sx_owner",
                                               "reason": "instance report"}), 201)
        cls.space_report = cls.owner.get(f"/api/v1/spaces/{cls.SPACE}/reports").json["items"][0]["id"]
        cls.instance_report = cls.admin.get("/api/v1/reports").json["items"][0]["id"]
        # What the suspended member wrote before: still theirs to read.
        me = cls.actors["susmember"]
        cls.own_item = ok(me.post("/api/v1/items", {"kind": "note", "visibility": "members",
                                                    "body": "my own note"}), 201)["id"]
        cls.own_space_item = ok(me.post("/api/v1/items", {"kind": "note", "space": cls.SPACE,
                                                          "visibility": "space",
                                                          "body": "my space note"}), 201)["id"]
        cls.own_reply = ok(me.post(f"/api/v1/items/{cls.item}/replies", {"body": "my own reply"}), 201)["id"]
        for name in cls.actors:
            ok(cls.admin.post(f"/api/v1/members/sx_{name}/suspend"), 204)

    # --- the state each action would change, read by someone else ---

    def victim_visible(self):
        return self.anonymous().get("/api/v1/members/sx_victim").status == 200

    def victim_role(self):
        return self.admin.get("/api/v1/members/sx_victim").json.get("role", "member")

    def victim_item_visible(self):
        return self.anonymous().get(f"/api/v1/items/{self.item}").status == 200

    def victim_reply_shown(self):
        replies = self.owner.get(f"/api/v1/items/{self.item}/replies?limit=100").json["items"]
        mine = [r for r in replies if r["id"] == self.reply]
        return len(mine) == 1 and not mine[0]["removed"] and mine[0]["body"] == "victim's reply"

    def victim_in_space(self):
        me = self.victim.get(f"/api/v1/spaces/{self.SPACE}").json
        return me["my_status"] is None and me["my_role"] == "member"  # my_status: only when not active

    def open_reports(self):
        space = [r["id"] for r in self.owner.get(f"/api/v1/spaces/{self.SPACE}/reports").json["items"]]
        instance = [r["id"] for r in self.admin.get("/api/v1/reports").json["items"]]
        return space, instance

    def reports_by(self, handle):
        rows = (self.owner.get(f"/api/v1/spaces/{self.SPACE}/reports").json["items"] +
                self.admin.get("/api/v1/reports").json["items"])
        return [r for r in rows if (r.get("reporter") or {}).get("handle") == handle]

    def test_every_write_is_refused_and_changes_nothing(self):
        item, reply, space = self.item, self.reply, self.SPACE
        space_report, instance_report = self.space_report, self.instance_report
        # (name, request, check that nothing changed)
        actions = [
            ("suspend member", lambda c: c.post("/api/v1/members/sx_victim/suspend"),
             lambda c: self.victim_visible()),
            ("set role", lambda c: c.put("/api/v1/members/sx_victim/role", {"role": "admin"}),
             lambda c: self.victim_role() == "member"),
            ("delete others' item", lambda c: c.delete(f"/api/v1/items/{item}"),
             lambda c: self.victim_item_visible()),
            ("delete others' reply", lambda c: c.delete(f"/api/v1/replies/{reply}"),
             lambda c: self.victim_reply_shown()),
            ("remove space member", lambda c: c.delete(f"/api/v1/spaces/{space}/members/sx_victim"),
             lambda c: self.victim_in_space()),
            ("set space role", lambda c: c.post(f"/api/v1/spaces/{space}/roles/sx_victim",
                                                {"role": "moderator"}),
             lambda c: self.victim_in_space()),
            ("hide item", lambda c: c.post(f"/api/v1/items/{item}/hide"),
             lambda c: self.victim_item_visible()),
            ("hide reply", lambda c: c.post(f"/api/v1/replies/{reply}/hide"),
             lambda c: self.victim_reply_shown()),
            ("resolve space report", lambda c: c.post(f"/api/v1/reports/{space_report}/resolve"),
             lambda c: space_report in self.open_reports()[0]),
            ("resolve instance report", lambda c: c.post(f"/api/v1/reports/{instance_report}/resolve"),
             lambda c: instance_report in self.open_reports()[1]),
            ("report", lambda c: c.post("/api/v1/reports", {"target_type": "item", "target_id": item,
                                                            "reason": "while suspended"}),
             lambda c: self.reports_by(c.handle) == []),
            ("block", lambda c: c.post("/api/v1/members/sx_victim/block"),
             lambda c: ok(c.get("/api/v1/me/blocked"))["items"] == []),
            ("mute", lambda c: c.post("/api/v1/members/sx_victim/mute"),
             lambda c: item in [i["id"] for i in ok(c.get("/api/v1/feeds/home?limit=100"))["items"]]),
            ("follow", lambda c: c.post("/api/v1/members/sx_victim/follow"),
             lambda c: c.handle not in [m["handle"] for m in
                                        self.victim.get("/api/v1/members/sx_victim/followers").json["items"]]),
            ("post", lambda c: c.post("/api/v1/items", {"kind": "note", "body": "posted while suspended"}),
             lambda c: all(i["body"] != "posted while suspended" for i in
                           ok(c.get(f"/api/v1/members/{c.handle}/feed?limit=100"))["items"])),
            ("reply", lambda c: c.post(f"/api/v1/items/{item}/replies", {"body": "reply while suspended"}),
             lambda c: all(r["body"] != "reply while suspended" for r in
                           self.owner.get(f"/api/v1/items/{item}/replies?limit=100").json["items"])),
            ("react", lambda c: c.put(f"/api/v1/items/{item}/reactions/celebrate"),
             lambda c: "celebrate" not in self.owner.get(f"/api/v1/items/{item}").json["reactions"]),
            ("create space", lambda c: c.post("/api/v1/spaces", {"name": "Sneaky", "slug": f"sneaky-{c.handle[3:]}",
                                                                 "kind": "team", "visibility": "open"}),
             lambda c: self.admin.get(f"/api/v1/spaces/sneaky-{c.handle[3:]}").status == 404),
            ("PATCH me", lambda c: c.patch("/api/v1/me", {"display_name": "Changed while suspended"}),
             lambda c: ok(c.get("/api/v1/me"))["display_name"] == c.handle),
            ("leave space", lambda c: c.delete(f"/api/v1/spaces/{space}/members/{c.handle}"),
             lambda c: ok(c.get(f"/api/v1/spaces/{space}"))["my_role"] is not None),
            ("change password", lambda c: c.put("/api/v1/me/password", {"current_password": PASSWORD,
                                                                        "new_password": "another long password"}),
             lambda c: self.anonymous().post("/api/v1/sessions", {"login": c.handle,
                                                                  "password": PASSWORD}).status == 201),
        ]
        for name, client in self.actors.items():
            for action, request, unchanged in actions:
                with self.subTest(actor=name, action=action):
                    self.assertError(request(client), 403)
                    self.assertTrue(unchanged(client), f"{action} by suspended {name} changed something")

    def test_suspended_members_open_no_stream(self):
        for name, client in self.actors.items():
            with self.subTest(actor=name):
                # Only the status line and headers are read: an open stream
                # would never end.
                stream = SseReader(self.server.port, client.token)
                try:
                    self.assertEqual(stream.response.status, 403)
                    self.assertEqual(json.loads(stream.response.read())["error"]["code"], "forbidden")
                finally:
                    stream.close()

    def test_suspended_hosts_see_no_report_queue(self):
        self.assertError(self.actors["susadmin"].get("/api/v1/reports"), 403)
        self.assertError(self.actors["susmod"].get(f"/api/v1/spaces/{self.SPACE}/reports"), 403)

    def test_suspended_hosts_and_analysts_see_no_network(self):
        scope = f"/api/v1/network/metrics?scope=space:{self.SPACE}"
        self.assertError(self.actors["susmod"].get(scope), 403)
        self.assertError(self.actors["susadmin"].get(scope), 403)
        self.assertError(self.actors["susadmin"].get("/api/v1/network/metrics"), 403)

    def test_suspended_member_reads_own_items(self):
        me = self.actors["susmember"]
        for item in (self.own_item, self.own_space_item):
            with self.subTest(item=item):
                self.assertEqual(ok(me.get(f"/api/v1/items/{item}"))["author"]["handle"], me.handle)
                self.assertEqual(self.owner.get(f"/api/v1/items/{item}").status, 404)
        feed = [i["id"] for i in ok(me.get(f"/api/v1/members/{me.handle}/feed"))["items"]]
        self.assertIn(self.own_item, feed)
        self.assertIn(self.own_space_item, feed)
        replies = ok(me.get(f"/api/v1/items/{self.item}/replies?limit=100"))["items"]
        mine = next(r for r in replies if r["id"] == self.own_reply)
        self.assertEqual((mine["removed"], mine["body"]), (False, "my own reply"))
        others = self.owner.get(f"/api/v1/items/{self.item}/replies?limit=100").json["items"]
        self.assertTrue(next(r for r in others if r["id"] == self.own_reply)["removed"])

    def test_suspended_member_reads_own_profile_and_notifications(self):
        me = self.actors["susmember"]
        self.assertEqual(ok(me.get("/api/v1/me"))["handle"], me.handle)
        self.assertEqual(ok(me.get(f"/api/v1/members/{me.handle}"))["handle"], me.handle)
        self.assertIn("unread_count", ok(me.get("/api/v1/notifications")))
        self.assertEqual(ok(me.get("/api/v1/me/invitations"))["items"], [])

    def test_suspended_member_exports_own_data(self):
        me = self.actors["susmember"]
        run = subprocess.run([KRING, "export", "--data", os.path.join(self.server.dir, "data"),
                              "--member", me.handle], capture_output=True, text=True, timeout=60)
        self.assertEqual(run.returncode, 0, run.stderr)
        exported = json.loads(run.stdout)
        self.assertEqual(exported["member"]["handle"], me.handle)
        self.assertTrue(exported["member"]["suspended"])

    def test_suspended_member_logs_out(self):
        login = ok(self.anonymous().post("/api/v1/sessions", {"login": "sx_susmember", "password": PASSWORD}), 201)
        session = self.server.client(token=login["token"])
        self.assertEqual(session.delete("/api/v1/sessions/current").status, 204)
        self.assertError(session.get("/api/v1/me"), 401)


class LosingAccessEndsAccess(ApiTestCase):
    """Access to a space's discussion ends with membership, on every path."""

    def secret_space(self, owner, slug, name):
        """Creates a secret space and returns the slug the server gave it."""
        return ok(owner.post("/api/v1/spaces", {"name": name, "slug": slug, "kind": "team",
                                                "visibility": "secret"}), 201)["slug"]

    def admit(self, owner, slug, member):
        ok(owner.post(f"/api/v1/spaces/{slug}/invites", {"handle": member.handle}))
        self.assertEqual(ok(member.post(f"/api/v1/spaces/{slug}/members"))["result"], "joined")

    def notifications(self, client):
        reply = client.get("/api/v1/notifications?limit=100")
        self.assertEqual(reply.status, 200, reply)
        return reply

    def about(self, reply, item):
        return [n for n in reply.json["items"] if n["item_id"] == item]

    def assert_counts_agree(self, reply):
        unread = [n for n in reply.json["items"] if not n["read"]]
        self.assertEqual(reply.json["unread_count"], len(unread))

    def test_removed_member_loses_their_own_items_there(self):
        owner, leaver, replier = self.register(), self.register(), self.register()
        slug = self.secret_space(owner, "whisper-removed", "Whisperwood Circle")
        self.admit(owner, slug, leaver)
        self.admit(owner, slug, replier)
        item = ok(leaver.post("/api/v1/items", {"kind": "question", "space": slug,
                                                "title": "Whisperwood question",
                                                "body": "a question in the circle"}), 201)["id"]
        ok(replier.post(f"/api/v1/items/{item}/replies", {"body": "first answer"}), 201)
        before = self.notifications(leaver)
        self.assertEqual(len(self.about(before, item)), 1)
        self.assertGreaterEqual(before.json["unread_count"], 1)

        self.assertEqual(ok(owner.delete(f"/api/v1/spaces/{slug}/members/{leaver.handle}"))["result"], "removed")
        ok(replier.post(f"/api/v1/items/{item}/replies", {"body": "second answer"}), 201)

        paths = [
            ("read item", leaver.get(f"/api/v1/items/{item}")),
            ("read replies", leaver.get(f"/api/v1/items/{item}/replies")),
            ("edit item", leaver.patch(f"/api/v1/items/{item}", {"body": "edited after removal"})),
            ("read history", leaver.get(f"/api/v1/items/{item}/history")),
            ("react", leaver.put(f"/api/v1/items/{item}/reactions/like")),
            ("reply", leaver.post(f"/api/v1/items/{item}/replies", {"body": "still here?"})),
            ("delete item", leaver.delete(f"/api/v1/items/{item}")),
        ]
        for name, reply in paths:
            with self.subTest(path=name):
                self.assertError(reply, 404)
        stored = ok(owner.get(f"/api/v1/items/{item}"))
        self.assertEqual(stored["body"], "a question in the circle")
        self.assertEqual(ok(owner.get(f"/api/v1/items/{item}/history"))["items"], [])

        after = self.notifications(leaver)
        self.assertEqual(self.about(after, item), [])
        self.assertNotIn("Whisperwood", after.body)
        self.assert_counts_agree(after)
        self.assertEqual(after.json["unread_count"], 0)
        self.assertNotIn(item, [i["id"] for i in ok(leaver.get("/api/v1/search?q=whisperwood&type=items"))["items"]])
        self.assertNotIn(item, [i["id"] for i in ok(leaver.get(f"/api/v1/members/{leaver.handle}/feed"))["items"]])

        # A stream replaying everything, then live: neither the old reply
        # notifications nor a new one; the next event is the follow below.
        stream = SseReader(self.server.port, leaver.token, last_event_id="0")
        try:
            replayed = []
            while (block := stream.next_block()).get("event") != "unread":
                if block.get("event") == "notification":
                    replayed.append(json.loads(block["data"]))
            self.assertEqual([n for n in replayed if n["item_id"] == item], [])
            self.assertEqual(json.loads(block["data"]), {"unread_count": 0})
            ok(replier.post(f"/api/v1/items/{item}/replies", {"body": "third answer"}), 201)
            ok(replier.post(f"/api/v1/members/{leaver.handle}/follow"))
            live = json.loads(stream.next_event("notification")["data"])
            self.assertEqual((live["kind"], live["item_id"]), ("follow", None))
        finally:
            stream.close()

    def test_member_who_leaves_a_closed_space_loses_their_own_items_there(self):
        owner, leaver = self.register(), self.register()
        slug = "closed-left"
        ok(owner.post("/api/v1/spaces", {"name": "Closed circle", "slug": slug, "kind": "team",
                                         "visibility": "closed"}), 201)
        self.admit(owner, slug, leaver)
        item = ok(leaver.post("/api/v1/items", {"kind": "note", "space": slug, "body": "inside"}), 201)["id"]
        self.assertEqual(ok(leaver.delete(f"/api/v1/spaces/{slug}/members/{leaver.handle}"))["result"], "left")
        self.assertError(leaver.get(f"/api/v1/items/{item}"), 404)
        self.assertError(leaver.get(f"/api/v1/items/{item}/replies"), 404)
        self.assertEqual(owner.get(f"/api/v1/items/{item}").status, 200)

    def test_revoked_invitee_sees_no_trace_of_the_secret_space(self):
        owner, invitee = self.register(), self.register()
        slug = self.secret_space(owner, "nightjar-conclave", "Nightjar Conclave")
        ok(owner.post(f"/api/v1/spaces/{slug}/invites", {"handle": invitee.handle}))
        before = self.notifications(invitee)
        self.assertIn("Nightjar Conclave", before.body)
        self.assertEqual(before.json["unread_count"], 1)

        self.assertEqual(ok(owner.delete(f"/api/v1/spaces/{slug}/members/{invitee.handle}"))["result"], "removed")
        after = self.notifications(invitee)
        self.assertNotIn("nightjar", after.body.lower())
        self.assertNotIn(slug, after.body)
        self.assertEqual(after.json["unread_count"], 0)
        self.assert_counts_agree(after)
        invitations = invitee.get("/api/v1/me/invitations")
        self.assertNotIn("Nightjar", invitations.body)
        self.assertError(invitee.get(f"/api/v1/spaces/{slug}"), 404)


class HistoryOutlivesNoAudience(ApiTestCase):
    """A revision is shown only to those who could read it when it was written."""

    def test_connections_only_text_stays_with_connections_after_going_public(self):
        author, friend, member = self.register(), self.register(), self.register()
        self.connect(author, friend)
        item = ok(author.post("/api/v1/items", {"kind": "note", "visibility": "connections",
                                                "body": "only for my connections"}), 201)["id"]
        ok(author.patch(f"/api/v1/items/{item}", {"visibility": "public", "body": "for everyone"}))
        self.assertEqual(ok(self.anonymous().get(f"/api/v1/items/{item}"))["body"], "for everyone")
        for name, viewer in (("anonymous", self.anonymous()), ("member", member)):
            with self.subTest(viewer=name):
                history = viewer.get(f"/api/v1/items/{item}/history")
                self.assertEqual(ok(history)["items"], [])
                self.assertNotIn("only for my connections", history.body)
        for name, viewer in (("connection", friend), ("author", author)):
            with self.subTest(viewer=name):
                bodies = [r["body"] for r in ok(viewer.get(f"/api/v1/items/{item}/history"))["items"]]
                self.assertEqual(bodies, ["only for my connections"])

    def test_members_only_revision_is_not_shown_to_visitors(self):
        author, member = self.register(), self.register()
        item = ok(author.post("/api/v1/items", {"kind": "note", "visibility": "members",
                                                "body": "members draft"}), 201)["id"]
        ok(author.patch(f"/api/v1/items/{item}", {"visibility": "public", "body": "public final"}))
        ok(author.patch(f"/api/v1/items/{item}", {"body": "public final, revised"}))
        anonymous = self.anonymous().get(f"/api/v1/items/{item}/history")
        self.assertEqual([r["body"] for r in ok(anonymous)["items"]], ["public final"])
        self.assertNotIn("members draft", anonymous.body)
        bodies = [r["body"] for r in ok(member.get(f"/api/v1/items/{item}/history"))["items"]]
        self.assertEqual(bodies, ["public final", "members draft"])

    def test_hidden_items_history_is_for_the_author_only(self):
        owner, author, other = self.register(), self.register(), self.register()
        slug = "history-hide"
        ok(owner.post("/api/v1/spaces", {"name": "History", "slug": slug, "kind": "team",
                                         "visibility": "open"}), 201)
        for m in (author, other):
            ok(m.post(f"/api/v1/spaces/{slug}/members"))
        item = ok(author.post("/api/v1/items", {"kind": "note", "space": slug, "visibility": "public",
                                                "body": "first words"}), 201)["id"]
        ok(author.patch(f"/api/v1/items/{item}", {"body": "second words"}))
        self.assertEqual(len(ok(other.get(f"/api/v1/items/{item}/history"))["items"]), 1)
        self.assertEqual(owner.post(f"/api/v1/items/{item}/hide").status, 204)
        self.assertError(other.get(f"/api/v1/items/{item}/history"), 404)
        self.assertError(self.anonymous().get(f"/api/v1/items/{item}/history"), 404)
        self.assertEqual(len(ok(author.get(f"/api/v1/items/{item}/history"))["items"]), 1)

    def test_deleted_items_history_is_gone_for_everyone(self):
        author = self.register()
        item = ok(author.post("/api/v1/items", {"kind": "note", "body": "soon gone"}), 201)["id"]
        ok(author.patch(f"/api/v1/items/{item}", {"body": "going"}))
        self.assertEqual(author.delete(f"/api/v1/items/{item}").status, 204)
        self.assertError(author.get(f"/api/v1/items/{item}/history"), 404)
        self.assertError(self.anonymous().get(f"/api/v1/items/{item}/history"), 404)


if __name__ == "__main__":
    unittest.main()
