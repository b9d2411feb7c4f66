"""Reputation without a score (GET /api/v1/members/{h}/reputation): the
contributions a member gave and received, confirmed, per kind, and the rung
of Li and Bernoff's ladder they stand on over the last 30 days
(social/reputation.h has the rule). Each type is tested on a member built
for it; what lies in a secret space counts only for its members.

The contributions and RSVP APIs are built in parallel (issue 11), so these
tests write ledger and RSVP rows straight into the database file
(ledger_rows.py), as migration 16 defines them."""
import unittest

from kring_api import ApiTestCase, ok
import ledger_rows as rows
from ledger_rows import DAY_US


class Reputation(ApiTestCase):
    def build_shared(self):
        c = self.register_cast("rp", ["host", "insider", "outsider", "helper", "asker"])
        c["anonymous"] = self.anonymous()
        type(self).cast = c
        type(self).secret = self.new_space(c["host"], "rp-secret", "secret", [c["insider"], c["helper"]])
        type(self).open_space = self.new_space(c["host"], "rp-open", "open")
        kinds = ok(c["anonymous"].get("/api/v1/vocabulary"))["contribution_kinds"]
        type(self).kinds = [k if isinstance(k, str) else k["name"] for k in kinds]

    # -- helpers --------------------------------------------------------------

    def reputation(self, who, handle, status=200):
        return ok(self.cast[who].get(f"/api/v1/members/{handle}/reputation"), status)

    def participation(self, handle, who="outsider"):
        return self.reputation(who, handle)["participation"]["type"]

    def totals(self, handle, side, who="outsider"):
        return {t["kind"]: (t["count"], t["amount"])
                for t in self.reputation(who, handle)["contributions"][side]}

    def item(self, author, kind="note", space=None, **fields):
        body = {"kind": kind, "body": "details", **fields}
        if kind != "note":
            body.setdefault("title", "A " + kind)
        if space:
            body["space"] = space
            body["visibility"] = "space"
        return ok(author.post("/api/v1/items", body), 201)

    def age_sessions(self, client, days):
        rows.execute(self.server, "UPDATE sessions SET created_at = created_at - ? WHERE member_id = ?",
                     (days * DAY_US, rows.member_id(self.server, client.handle)))

    # -- participation type ---------------------------------------------------

    def test_a_member_who_posted_an_item_is_a_creator(self):
        m = self.register("rp_creator")
        self.item(m)
        self.assertEqual(self.participation("rp_creator"), "creator")

    def test_a_member_who_replied_is_a_critic(self):
        m = self.register("rp_critic")
        note = self.item(self.cast["host"])
        ok(m.post(f"/api/v1/items/{note['id']}/replies", {"body": "I think so too"}), 201)
        self.assertEqual(self.participation("rp_critic"), "critic")

    def test_a_member_who_reacted_is_a_collector(self):
        m = self.register("rp_collector")
        note = self.item(self.cast["host"])
        self.assertIn(m.put(f"/api/v1/items/{note['id']}/reactions/like").status, (200, 201, 204))
        self.assertEqual(self.participation("rp_collector"), "collector")

    def test_a_member_who_followed_an_item_is_a_collector(self):
        m = self.register("rp_follower")
        note = self.item(self.cast["host"])
        self.assertIn(m.put(f"/api/v1/items/{note['id']}/follow").status, (200, 201, 204))
        self.assertEqual(self.participation("rp_follower"), "collector")

    def test_a_member_who_joined_a_space_is_a_joiner(self):
        m = self.register("rp_joiner")
        ok(m.post(f"/api/v1/spaces/{self.open_space}/members"))
        self.assertEqual(self.participation("rp_joiner"), "joiner")

    def test_a_member_who_followed_someone_is_a_joiner(self):
        m = self.register("rp_tie")
        self.assertIn(m.post("/api/v1/members/rp_host/follow").status, (200, 201, 204))
        self.assertEqual(self.participation("rp_tie"), "joiner")

    def test_a_member_who_answered_an_rsvp_is_a_joiner(self):
        self.register("rp_rsvp")
        event = self.item(self.cast["host"], "event", starts_at="2031-05-01T09:00:00Z")
        rows.add_rsvp(self.server, event["id"], "rp_rsvp")
        self.assertEqual(self.participation("rp_rsvp"), "joiner")

    def test_a_member_who_only_signed_in_is_a_spectator(self):
        self.register("rp_spectator")
        self.assertEqual(self.participation("rp_spectator"), "spectator")

    def test_a_member_without_a_sign_in_or_an_act_for_30_days_is_inactive(self):
        m = self.register("rp_inactive")
        self.age_sessions(m, 31)
        self.assertEqual(self.participation("rp_inactive"), "inactive")
        self.assertEqual(self.reputation("outsider", "rp_inactive")["participation"]["window_days"], 30)

    def test_acts_older_than_the_window_do_not_count(self):
        m = self.register("rp_lapsed")
        note = self.item(m)
        rows.execute(self.server, "UPDATE items SET created_at = created_at - ? WHERE id = ?",
                     (31 * DAY_US, int(note["id"])))
        self.assertEqual(self.participation("rp_lapsed"), "spectator")
        self.age_sessions(m, 31)
        self.assertEqual(self.participation("rp_lapsed"), "inactive")

    def test_the_highest_rung_wins(self):
        m = self.register("rp_climber")
        note = self.item(self.cast["host"])
        m.put(f"/api/v1/items/{note['id']}/reactions/like")
        ok(m.post(f"/api/v1/spaces/{self.open_space}/members"))
        self.assertEqual(self.participation("rp_climber"), "collector")
        ok(m.post(f"/api/v1/items/{note['id']}/replies", {"body": "Yes"}), 201)
        self.assertEqual(self.participation("rp_climber"), "critic")
        self.item(m)
        self.assertEqual(self.participation("rp_climber"), "creator")

    def test_activity_in_a_secret_space_shows_only_to_its_members(self):
        secret_item = self.item(self.cast["host"], space=self.secret)
        ok(self.cast["insider"].post(f"/api/v1/items/{secret_item['id']}/replies", {"body": "ok"}), 201)
        self.item(self.cast["insider"], space=self.secret)
        # Joining the secret space happened in the window too, and stays hidden as well.
        self.assertEqual(self.participation("rp_insider", who="outsider"), "spectator")
        self.assertEqual(self.participation("rp_insider", who="anonymous"), "spectator")
        self.assertEqual(self.participation("rp_insider", who="host"), "creator")
        self.assertEqual(self.participation("rp_insider", who="insider"), "creator")

    # -- contributions --------------------------------------------------------

    def test_every_kind_is_listed_in_the_vocabularys_order(self):
        self.register("rp_empty")
        body = self.reputation("outsider", "rp_empty")
        self.assertEqual(body["handle"], "rp_empty")
        for side in ("given", "received"):
            self.assertEqual([t["kind"] for t in body["contributions"][side]], self.kinds)
            self.assertTrue(all(t["count"] == 0 and t["amount"] == 0 for t in body["contributions"][side]))

    def test_confirmed_contributions_are_counted_by_kind_on_both_sides(self):
        self.register("rp_giver")
        request = self.item(self.register("rp_receiver"), "request")
        rid = request["id"]
        rows.add_contribution(self.server, rid, "rp_giver", "rp_receiver", "time", 3)
        rows.add_contribution(self.server, rid, "rp_giver", "rp_receiver", "time", 2)
        rows.add_contribution(self.server, rid, "rp_giver", "rp_receiver", "money", 1500)
        rows.add_contribution(self.server, rid, "rp_giver", "rp_receiver", "knowledge", 1)
        for status in ("pledged", "delivered", "declined", "withdrawn", "void"):
            rows.add_contribution(self.server, rid, "rp_giver", "rp_receiver", "time", 7, status=status)
        given = self.totals("rp_giver", "given")
        self.assertEqual(given["time"], (2, 5))
        self.assertEqual(given["money"], (1, 1500))
        self.assertEqual(given["knowledge"], (1, 1))
        self.assertEqual(given["item"], (0, 0))
        self.assertEqual(self.totals("rp_giver", "received")["time"], (0, 0))
        received = self.totals("rp_receiver", "received", who="anonymous")
        self.assertEqual((received["time"], received["money"]), ((2, 5), (1, 1500)))
        self.assertEqual(self.totals("rp_receiver", "given")["time"], (0, 0))

    def test_contributions_in_a_secret_space_are_not_counted_for_outsiders(self):
        item = self.item(self.cast["insider"], "request", space=self.secret)
        rows.add_contribution(self.server, item["id"], "rp_helper", "rp_insider", "time", 4)
        self.assertEqual(self.totals("rp_helper", "given", who="outsider")["time"], (0, 0))
        self.assertEqual(self.totals("rp_helper", "given", who="anonymous")["time"], (0, 0))
        self.assertEqual(self.totals("rp_insider", "received", who="outsider")["time"], (0, 0))
        self.assertEqual(self.totals("rp_helper", "given", who="host")["time"], (1, 4))
        self.assertEqual(self.totals("rp_helper", "given", who="helper")["time"], (1, 4))

    def test_a_suspended_member_has_no_reputation_for_others_and_their_gifts_are_not_counted(self):
        giver, receiver = self.register("rp_susp_giver"), self.register("rp_susp_recv")
        request = self.item(receiver, "request")
        rows.add_contribution(self.server, request["id"], "rp_susp_giver", "rp_susp_recv", "item", 2)
        self.assertEqual(self.totals("rp_susp_recv", "received")["item"], (1, 2))
        self.assertEqual(self.cast["admin"].post("/api/v1/members/rp_susp_giver/suspend").status, 204)
        self.assertError(self.cast["outsider"].get("/api/v1/members/rp_susp_giver/reputation"), 404)
        self.assertError(self.anonymous().get("/api/v1/members/rp_susp_giver/reputation"), 404)
        self.assertEqual(self.totals("rp_susp_giver", "given", who="admin")["item"], (1, 2))
        self.assertEqual(ok(giver.get("/api/v1/members/rp_susp_giver/reputation"))["handle"], "rp_susp_giver")
        self.assertEqual(self.totals("rp_susp_recv", "received")["item"], (0, 0))
        self.assertEqual(self.cast["admin"].delete("/api/v1/members/rp_susp_giver/suspend").status, 204)
        self.assertEqual(self.totals("rp_susp_recv", "received")["item"], (1, 2))

    def test_unknown_and_blocked_members_answer_alike(self):
        blocker = self.register("rp_blocker")
        self.assertIn(blocker.post("/api/v1/members/rp_outsider/block").status, (200, 201, 204))
        unknown = self.cast["outsider"].get("/api/v1/members/rp_nobody/reputation")
        blocked = self.cast["outsider"].get("/api/v1/members/rp_blocker/reputation")
        self.assertError(unknown, 404, "not_found")
        self.assertError(blocked, 404, "not_found")
        ok(self.cast["host"].get("/api/v1/members/rp_blocker/reputation"))


if __name__ == "__main__":
    unittest.main()
