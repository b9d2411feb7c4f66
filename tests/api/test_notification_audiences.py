"""Notification audiences (README "Notifications", src/social/audiences.cpp):
for each kind, the members the table names are told, once, and the actor,
members across a block, members who muted the actor or the space, and
members who may not see what it is about are not."""
import unittest

from kring_api import ApiTestCase, ok


class NotificationAudiences(ApiTestCase):
    def setUp(self):
        # The first member of the server is its admin: make it one no test is about.
        cls = type(self)
        if not hasattr(cls, "admin"):
            cls.admin = self.register("aud_admin")

    def told(self, client):
        """(kind, actor handle, item id, reply id) of every notification shown to client."""
        items = ok(client.get("/api/v1/notifications?limit=100"))["items"]
        return [(n["kind"], n["actor"]["handle"], n.get("item_id"), n.get("reply_id")) for n in items]

    def note(self, client, body, **fields):
        return ok(client.post("/api/v1/items", {"kind": "note", "body": body, **fields}), 201)["id"]

    def reply(self, client, item, body, parent=None):
        payload = {"body": body} if parent is None else {"body": body, "parent": parent}
        return ok(client.post(f"/api/v1/items/{item}/replies", payload), 201)["id"]

    def space(self, owner, slug, visibility):
        return ok(owner.post("/api/v1/spaces", {"name": slug.title(), "slug": slug, "kind": "team",
                                                "visibility": visibility}), 201)["slug"]

    # -- each kind tells whom the table names --------------------------------

    def test_mention_tells_each_member_named_once_and_not_the_author(self):
        author, a, b = self.register("men_author"), self.register("men_a"), self.register("men_b")
        item = self.note(author, "@men_a and @men_b, also @men_a again, and me @men_author")
        self.assertEqual(self.told(a), [("mention", "men_author", item, None)])
        self.assertEqual(self.told(b), [("mention", "men_author", item, None)])
        self.assertEqual(self.told(author), [])

    def test_reply_tells_the_items_author_and_the_member_answered(self):
        author, first, second = self.register("rep_author"), self.register("rep_first"), self.register("rep_second")
        bystander = self.register("rep_bystander")
        item = self.note(author, "a question")
        r1 = self.reply(first, item, "an answer")
        r2 = self.reply(second, item, "a follow-up", parent=r1)
        self.assertEqual(self.told(author), [("reply", "rep_second", item, r2), ("reply", "rep_first", item, r1)])
        self.assertEqual(self.told(first), [("reply", "rep_second", item, r2)])
        self.assertEqual(self.told(second), [])
        self.assertEqual(self.told(bystander), [])

    def test_a_reply_that_mentions_the_member_answered_tells_them_once(self):
        # Regression: the answered reply's author was told twice, of the
        # reply and of the mention in it.
        author, first, second = self.register("dup_author"), self.register("dup_first"), self.register("dup_second")
        item = self.note(author, "a question")
        r1 = self.reply(first, item, "an answer")
        r2 = self.reply(second, item, "thanks @dup_first, and @dup_author", parent=r1)
        self.assertEqual(self.told(first), [("reply", "dup_second", item, r2)])
        self.assertEqual(self.told(author)[0], ("reply", "dup_second", item, r2))
        self.assertEqual(len([n for n in self.told(author) if n[3] == r2]), 1)

    def test_reaction_tells_the_author_of_what_was_reacted_to(self):
        author, replier, fan = self.register("rx_author"), self.register("rx_replier"), self.register("rx_fan")
        item = self.note(author, "something")
        r = self.reply(replier, item, "a reply")
        ok(fan.put(f"/api/v1/replies/{r}/reactions/like"))
        self.assertEqual(self.told(replier), [("reaction", "rx_fan", item, r)])
        self.assertEqual([n for n in self.told(author) if n[0] == "reaction"], [])
        ok(fan.put(f"/api/v1/items/{item}/reactions/like"))
        self.assertEqual([n for n in self.told(author) if n[0] == "reaction"], [("reaction", "rx_fan", item, None)])
        ok(fan.put(f"/api/v1/items/{item}/reactions/like"))  # the same reaction again tells nobody again
        self.assertEqual(len([n for n in self.told(author) if n[0] == "reaction"]), 1)

    def test_tie_changes_tell_the_other_member(self):
        a, b, c = self.register("tie_a"), self.register("tie_b"), self.register("tie_c")
        ok(a.post("/api/v1/members/tie_b/follow"))
        ok(a.post("/api/v1/members/tie_b/connection"))
        ok(b.post("/api/v1/members/tie_a/connection"))
        self.assertEqual([n[:2] for n in self.told(b)], [("connection_request", "tie_a"), ("follow", "tie_a")])
        self.assertEqual([n[:2] for n in self.told(a)], [("connection_accepted", "tie_b")])
        self.assertEqual(self.told(c), [])

    def test_join_request_tells_the_active_hosts_who_are_not_suspended(self):
        # Regression: a suspended moderator, who decides nothing, was told.
        owner, mod, sus_mod = self.register("jr_owner"), self.register("jr_mod"), self.register("jr_susmod")
        member, asker = self.register("jr_member"), self.register("jr_asker")
        slug = self.space(owner, "jr-circle", "closed")
        for client in (mod, sus_mod, member):
            ok(client.post(f"/api/v1/spaces/{slug}/members"))
            ok(owner.post(f"/api/v1/spaces/{slug}/requests/{client.handle}", {"decision": "approve"}))
        for client in (mod, sus_mod):
            ok(owner.post(f"/api/v1/spaces/{slug}/roles/{client.handle}", {"role": "moderator"}))
        self.assertEqual(self.admin.post(f"/api/v1/members/{sus_mod.handle}/suspend").status, 204)
        self.assertEqual(ok(asker.post(f"/api/v1/spaces/{slug}/members"))["result"], "requested")
        joined = {c.handle: [n for n in self.told(c) if n[0] == "join_request" and n[1] == "jr_asker"]
                  for c in (owner, mod, sus_mod, member)}
        self.assertEqual({h: len(v) for h, v in joined.items()},
                         {"jr_owner": 1, "jr_mod": 1, "jr_susmod": 0, "jr_member": 0})

    def test_invitation_tells_the_invitee_only(self):
        owner, guest, member = self.register("inv_owner"), self.register("inv_guest"), self.register("inv_member")
        slug = self.space(owner, "inv-den", "secret")
        ok(owner.post(f"/api/v1/spaces/{slug}/invites", {"handle": member.handle}))
        ok(member.post(f"/api/v1/spaces/{slug}/members"))
        ok(owner.post(f"/api/v1/spaces/{slug}/invites", {"handle": guest.handle}))
        self.assertEqual([n[:2] for n in self.told(guest)], [("invitation", "inv_owner")])
        # The member invited earlier was told of their own invitation only.
        self.assertEqual([n[:2] for n in self.told(member)], [("invitation", "inv_owner")])
        self.assertEqual(self.told(owner), [])

    # -- the rules every audience obeys --------------------------------------

    def test_nobody_is_told_of_their_own_doing(self):
        me = self.register("self_me")
        item = self.note(me, "note to @self_me")
        r = self.reply(me, item, "and a reply to myself, @self_me")
        ok(me.put(f"/api/v1/items/{item}/reactions/like"))
        ok(me.put(f"/api/v1/replies/{r}/reactions/like"))
        self.assertEqual(self.told(me), [])

    def test_no_one_is_told_across_a_block_either_way(self):
        blocker, blocked = self.register("blk_blocker"), self.register("blk_blocked")
        ok(blocker.post("/api/v1/members/blk_blocked/block"))
        self.note(blocked, "hello @blk_blocker")
        self.note(blocker, "hello @blk_blocked")
        self.assertEqual(self.told(blocker), [])
        self.assertEqual(self.told(blocked), [])

    def test_a_member_who_muted_the_actor_is_not_told(self):
        quiet, loud = self.register("mute_quiet"), self.register("mute_loud")
        self.assertEqual(quiet.post("/api/v1/members/mute_loud/mute").status, 204)
        self.note(loud, "look @mute_quiet")
        ok(loud.post("/api/v1/members/mute_quiet/follow"))
        self.assertEqual(self.told(quiet), [])
        self.assertEqual(quiet.delete("/api/v1/members/mute_loud/mute").status, 204)
        item = self.note(loud, "look again @mute_quiet")
        self.assertEqual(self.told(quiet), [("mention", "mute_loud", item, None)])

    def test_a_member_who_muted_a_space_is_not_told_of_what_happens_in_it(self):
        host, quiet = self.register("mspace_host"), self.register("mspace_quiet")
        slug = self.space(host, "mspace-hall", "open")
        ok(quiet.post(f"/api/v1/spaces/{slug}/members"))
        mine = self.note(quiet, "my post in the hall", space=slug, visibility="public")
        self.assertEqual(quiet.post(f"/api/v1/spaces/{slug}/mute").status, 204)
        self.note(host, "in the hall, @mspace_quiet", space=slug, visibility="public")
        self.reply(host, mine, "a reply in the hall")
        elsewhere = self.note(host, "outside, @mspace_quiet")
        self.assertEqual(self.told(quiet), [("mention", "mspace_host", elsewhere, None)])

    def test_no_one_is_told_of_what_they_may_not_see(self):
        author, friend, stranger = self.register("see_author"), self.register("see_friend"), self.register("see_stranger")
        self.connect(author, friend)
        item = self.note(author, "for connections: @see_friend @see_stranger", visibility="connections")
        self.assertEqual([n for n in self.told(friend) if n[0] == "mention"], [("mention", "see_author", item, None)])
        self.assertEqual(self.told(stranger), [])
        slug = self.space(author, "see-closed", "closed")
        closed = self.note(author, "members only: @see_stranger", space=slug)
        self.assertNotIn(closed, [n[2] for n in self.told(stranger)])
        self.assertEqual(self.told(stranger), [])

    def test_unblocking_later_does_not_bring_back_what_was_not_told(self):
        # Notifications are also filtered when read; this one was never written.
        blocker, blocked = self.register("unb_blocker"), self.register("unb_blocked")
        ok(blocker.post("/api/v1/members/unb_blocked/block"))
        self.note(blocked, "hello @unb_blocker")
        ok(blocker.delete("/api/v1/members/unb_blocked/block"))
        self.assertEqual(self.told(blocker), [])

    def test_a_host_who_blocked_the_asker_is_not_told_of_their_join_request(self):
        host, asker = self.register("blkjr_host"), self.register("blkjr_asker")
        slug = self.space(host, "blkjr-circle", "closed")
        ok(host.post("/api/v1/members/blkjr_asker/block"))
        self.assertEqual(ok(asker.post(f"/api/v1/spaces/{slug}/members"))["result"], "requested")
        ok(host.delete("/api/v1/members/blkjr_asker/block"))
        self.assertEqual(self.told(host), [])

    def test_joining_later_does_not_bring_back_what_was_not_told(self):
        owner, newcomer = self.register("late_owner"), self.register("late_newcomer")
        slug = self.space(owner, "late-circle", "closed")
        item = self.note(owner, "before you came, @late_newcomer", space=slug)
        ok(newcomer.post(f"/api/v1/spaces/{slug}/members"))
        ok(owner.post(f"/api/v1/spaces/{slug}/requests/late_newcomer", {"decision": "approve"}))
        ok(newcomer.get(f"/api/v1/items/{item}"))
        self.assertEqual(self.told(newcomer), [])

    def test_a_suspended_member_is_not_told_of_a_mention(self):
        writer, suspended = self.register("sus_writer"), self.register("sus_target")
        self.assertEqual(self.admin.post("/api/v1/members/sus_target/suspend").status, 204)
        self.note(writer, "hi @sus_target")
        self.assertEqual(self.admin.delete("/api/v1/members/sus_target/suspend").status, 204)
        self.assertEqual(self.told(suspended), [])


if __name__ == "__main__":
    unittest.main()
