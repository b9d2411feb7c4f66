"""Events: RSVP (POST and DELETE /api/v1/items/{id}/rsvp) with guests,
capacity and a first-come-first-served waiting list that moves up by itself
and tells whom it moves; check-in by the organisers and the space's hosts;
attendee lists; upcoming and past listings (GET /api/v1/items?kind=event&
when=...). Every path allowed and refused for each standing, bad input that
changes nothing, and eight members taking the last place at once."""
import datetime
import os
import sqlite3
import threading
import time
import unittest

from kring_api import ApiTestCase, ok


def at(hours):
    """RFC 3339 UTC, `hours` from now."""
    t = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=hours)
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


class Events(ApiTestCase):
    def build_shared(self):
        names = ["owner", "host", "author", "coorg", "member", "second", "third", "fourth",
                 "suspended", "outsider", "leaver", "blocked"] + [f"r{i}" for i in range(8)]
        c = type(self).cast = self.register_cast("ev", names)
        joined = [c[n] for n in names if n not in ("owner", "outsider")]
        type(self).open = self.new_space(c["owner"], "ev-open", "open", joined)
        type(self).closed = self.new_space(c["owner"], "ev-closed", "closed",
                                           [c["host"], c["author"], c["member"], c["coorg"]])
        type(self).secret = self.new_space(c["owner"], "ev-secret", "secret", [c["author"]])
        for slug in (self.open, self.closed):
            ok(c["owner"].post(f"/api/v1/spaces/{slug}/roles/{c['host'].handle}",
                               {"role": "moderator"}))
        self.assertEqual(c["leaver"].delete(f"/api/v1/spaces/{self.open}/members/ev_leaver").status,
                         200)
        self.assertEqual(c["author"].post("/api/v1/members/ev_blocked/block").status, 200)
        self.assertEqual(c["admin"].post("/api/v1/members/ev_suspended/suspend").status, 204)

    # -- helpers -----------------------------------------------------------------------

    def db(self):
        return sqlite3.connect(os.path.join(self.server.dir, "data", "kring.db"), timeout=10)

    def new_event(self, space=None, capacity=None, starts=24, ends=26, who="author", **extra):
        body = {"kind": "event", "title": "Repair café", "body": "Bring what is broken",
                "space": space or self.open, "starts_at": at(starts),
                "visibility": "space" if space in (self.closed, self.secret) else "public"}
        if ends is not None:
            body["ends_at"] = at(ends)
        if capacity is not None:
            body["capacity"] = capacity
        body.update(extra)
        event = ok(self.cast[who].post("/api/v1/items", body), 201)
        # The co-organiser's row, as the organisers' endpoint (the ledger's) writes it.
        with self.db() as db:
            db.execute("INSERT INTO item_organisers (item_id, member_id, added_at) "
                       "SELECT ?, id, 0 FROM members WHERE handle = 'ev_coorg'", (int(event["id"]),))
        return event

    def rsvp(self, who, event, guests=None):
        body = {} if guests is None else {"guests": guests}
        return self.cast[who].post(f"/api/v1/items/{event['id']}/rsvp", body)

    def cancel(self, who, event):
        return self.cast[who].delete(f"/api/v1/items/{event['id']}/rsvp")

    def check_in(self, who, event, handle, on=True):
        path = f"/api/v1/items/{event['id']}/attendees/{handle}/check-in"
        return self.cast[who].post(path) if on else self.cast[who].delete(path)

    def view(self, who, event):
        return ok(self.cast[who].get(f"/api/v1/items/{event['id']}"))

    def summary(self, event):
        return self.view("author", event)["rsvp"]

    def attendees(self, who, event, state="going", limit=100):
        reply = self.cast[who].get(f"/api/v1/items/{event['id']}/attendees?state={state}&limit={limit}")
        return reply

    def handles(self, who, event, state="going"):
        return [a["member"]["handle"] for a in ok(self.attendees(who, event, state))["items"]]

    def told(self, who, kind, event):
        items = ok(self.cast[who].get("/api/v1/notifications?limit=100"))["items"]
        return [n for n in items if n["kind"] == kind and n["item_id"] == event["id"]]

    def rows(self, event):
        with self.db() as db:
            return db.execute("SELECT m.handle, r.state, r.guests FROM rsvps r JOIN members m ON "
                              "m.id = r.member_id WHERE r.item_id = ? ORDER BY r.position",
                              (int(event["id"]),)).fetchall()

    # -- answering ---------------------------------------------------------------------

    def test_a_member_goes_with_guests_and_the_event_shows_the_places(self):
        event = self.new_event(capacity=5)
        self.assertIsNone(event["rsvp"]["my_state"])
        answer = ok(self.rsvp("member", event, 2), 201)
        self.assertEqual((answer["state"], answer["guests"], answer["going_count"],
                          answer["capacity"], answer["places_left"]), ("going", 2, 3, 5, 2))
        self.assertNotIn("position", answer)
        mine = self.view("member", event)
        self.assertEqual((mine["rsvp"]["going"], mine["rsvp"]["my_state"], mine["rsvp"]["my_guests"],
                          mine["rsvp"]["my_position"]), (3, "going", 2, None))
        self.assertTrue(mine["can"]["rsvp"])
        self.assertFalse(mine["can"]["check_in"])
        # Answering again without guests changes nothing, and is no new answer.
        again = ok(self.rsvp("member", event), 200)
        self.assertEqual((again["state"], again["guests"], again["going_count"]), ("going", 2, 3))
        self.assertEqual(self.rows(event), [("ev_member", "going", 2)])

    def test_an_unlimited_event_takes_everyone(self):
        event = self.new_event()
        for who in ("member", "second", "third"):
            self.assertEqual(ok(self.rsvp(who, event, 20), 201)["state"], "going")
        answer = ok(self.rsvp("fourth", event), 201)
        self.assertEqual((answer["going_count"], answer["capacity"], answer["places_left"]),
                         (64, None, None))

    def test_the_waiting_list_moves_up_in_order_and_tells_whom_it_moves(self):
        event = self.new_event(capacity=2)
        ok(self.rsvp("member", event, 1), 201)  # both places
        first = ok(self.rsvp("second", event), 201)
        second = ok(self.rsvp("third", event, 1), 201)
        self.assertEqual((first["state"], first["position"]), ("waitlisted", 1))
        self.assertEqual((second["state"], second["position"]), ("waitlisted", 2))
        self.assertEqual(self.view("third", event)["rsvp"]["my_position"], 2)
        # member leaves: second (1 place) moves up; third needs 2 and only 1 is left.
        gone = ok(self.cancel("member", event))
        self.assertIsNone(gone["state"])
        self.assertEqual(self.view("second", event)["rsvp"]["my_state"], "going")
        self.assertEqual(self.view("third", event)["rsvp"]["my_position"], 1)
        self.assertEqual(len(self.told("second", "rsvp_promoted", event)), 1)
        self.assertEqual(self.told("third", "rsvp_promoted", event), [])
        # Nobody overtakes: a single newcomer waits behind third although a place is free.
        late = ok(self.rsvp("fourth", event), 201)
        self.assertEqual((late["state"], late["position"]), ("waitlisted", 2))
        # second leaves: third's party fits now; fourth still waits.
        ok(self.cancel("second", event))
        self.assertEqual(self.view("third", event)["rsvp"]["my_state"], "going")
        self.assertEqual(len(self.told("third", "rsvp_promoted", event)), 1)
        self.assertEqual(self.view("fourth", event)["rsvp"]["my_position"], 1)
        self.assertEqual(self.told("fourth", "rsvp_promoted", event), [])
        self.assertEqual(self.summary(event)["going"], 2)

    def test_more_guests_than_fit_is_409_and_keeps_the_place_and_fewer_free_one(self):
        event = self.new_event(capacity=3)
        ok(self.rsvp("member", event), 201)
        ok(self.rsvp("second", event, 1), 201)
        ok(self.rsvp("third", event), 201)  # waitlisted
        self.assertError(self.rsvp("member", event, 2), 409, "event_full")
        self.assertEqual(self.rows(event)[0], ("ev_member", "going", 0))
        lower = ok(self.rsvp("second", event, 0))
        self.assertEqual((lower["state"], lower["guests"]), ("going", 0))
        self.assertEqual(self.view("third", event)["rsvp"]["my_state"], "going")
        self.assertEqual(len(self.told("third", "rsvp_promoted", event)), 1)
        # Nobody waits and a place is free: more guests fit.
        ok(self.cancel("third", event))
        self.assertEqual(ok(self.rsvp("member", event, 1))["going_count"], 3)

    def test_a_smaller_capacity_bumps_nobody_and_a_larger_one_moves_the_list_up(self):
        event = self.new_event(capacity=3)
        ok(self.rsvp("member", event, 2), 201)
        ok(self.rsvp("second", event), 201)
        ok(self.rsvp("third", event), 201)
        item = ok(self.cast["author"].patch(f"/api/v1/items/{event['id']}", {"capacity": 1}))
        self.assertEqual((item["rsvp"]["going"], item["rsvp"]["capacity"], item["rsvp"]["places_left"]),
                         (3, 1, 0))
        self.assertEqual(self.view("member", event)["rsvp"]["my_state"], "going")
        ok(self.cast["author"].patch(f"/api/v1/items/{event['id']}", {"capacity": 4}))
        self.assertEqual(self.view("second", event)["rsvp"]["my_state"], "going")
        self.assertEqual(self.view("third", event)["rsvp"]["my_position"], 1)
        self.assertEqual(len(self.told("second", "rsvp_promoted", event)), 1)
        ok(self.cast["author"].patch(f"/api/v1/items/{event['id']}", {"capacity": None}))
        self.assertEqual(self.view("third", event)["rsvp"]["my_state"], "going")
        self.assertEqual(self.summary(event)["waitlisted"], 0)

    def test_cancelling_without_an_answer_is_idempotent(self):
        event = self.new_event()
        gone = ok(self.cancel("member", event))
        self.assertEqual((gone["state"], gone["going_count"]), (None, 0))

    # -- bad input ---------------------------------------------------------------------

    def test_bad_guests_are_400_and_write_nothing(self):
        event = self.new_event(capacity=10)
        for guests in (-1, 21, 1000, "2", 1.5, True):
            self.assertEqual(self.rsvp("member", event, guests).status, 400, guests)
        self.assertError(self.cast["member"].post(f"/api/v1/items/{event['id']}/rsvp",
                                                  {"guests": 1, "friends": 2}), 400)
        self.assertEqual(self.rows(event), [])
        ok(self.rsvp("member", event, 1), 201)
        self.assertError(self.rsvp("member", event, -3), 400, "invalid_guests")
        self.assertEqual(self.rows(event), [("ev_member", "going", 1)])

    def test_rsvp_to_a_non_event_a_cancelled_or_a_past_event_is_409_and_writes_nothing(self):
        note = ok(self.cast["author"].post("/api/v1/items", {
            "kind": "note", "body": "not an event", "space": self.open, "visibility": "public"}), 201)
        self.assertError(self.rsvp("member", note), 409, "no_rsvps")
        self.assertError(self.cast["member"].get(f"/api/v1/items/{note['id']}/attendees"), 409,
                         "no_rsvps")
        self.assertNotIn("rsvp", self.view("member", note))
        past = self.new_event(starts=-3, ends=-1)
        self.assertError(self.rsvp("member", past), 409, "event_over")
        self.assertFalse(self.view("member", past)["can"]["rsvp"])
        started = self.new_event(starts=-1, ends=None)  # no end: over at its start
        self.assertError(self.rsvp("member", started), 409, "event_over")
        called_off = self.new_event()
        ok(self.rsvp("second", called_off), 201)
        ok(self.cast["author"].post(f"/api/v1/items/{called_off['id']}/status",
                                    {"status": "cancelled"}))
        self.assertError(self.rsvp("member", called_off), 409, "event_cancelled")
        self.assertFalse(self.view("member", called_off)["can"]["rsvp"])
        for event in (past, started):
            self.assertEqual(self.rows(event), [])
        self.assertEqual(self.rows(called_off), [("ev_second", "going", 0)])
        self.assertError(self.cancel("member", past), 409, "event_over")

    # -- standings ---------------------------------------------------------------------

    def test_who_may_answer(self):
        event = self.new_event(capacity=10)
        self.assertError(self.anonymous().post(f"/api/v1/items/{event['id']}/rsvp", {}), 401)
        self.assertError(self.rsvp("suspended", event), 403)
        self.assertError(self.rsvp("outsider", event), 403)  # reads the public event, not a member
        self.assertError(self.rsvp("leaver", event), 403)
        self.assertError(self.rsvp("blocked", event), 404)  # the author blocked them
        for who in ("suspended", "outsider", "leaver"):
            self.assertFalse(self.view(who, event)["can"]["rsvp"], who)
        # The block hides the event itself from them, as every item of the author's.
        self.assertError(self.cast["blocked"].get(f"/api/v1/items/{event['id']}"), 404)
        # A block the other way, by the member, refuses too (the policy's not-blocked rule).
        blocker = self.register("ev_blocker")
        ok(blocker.post(f"/api/v1/spaces/{self.open}/members"))
        self.assertEqual(blocker.post("/api/v1/members/ev_author/block").status, 200)
        self.assertError(blocker.post(f"/api/v1/items/{event['id']}/rsvp", {}), 404)
        self.assertEqual(self.rows(event), [])
        for who in ("member", "host", "author", "coorg"):
            self.assertEqual(ok(self.rsvp(who, event), 201)["state"], "going", who)
        self.assertError(self.cancel("suspended", event), 403)

    def test_a_closed_or_secret_spaces_event_is_not_found_by_outsiders(self):
        closed = self.new_event(space=self.closed)
        secret = self.new_event(space=self.secret)
        missing = {"id": "999999999"}
        for event in (closed, secret, missing):
            for reply in (self.rsvp("outsider", event), self.cancel("outsider", event),
                          self.attendees("outsider", event),
                          self.check_in("outsider", event, "ev_author")):
                self.assertError(reply, 404)
        # The same answer as for an item that does not exist, word for word but the id.
        a = self.rsvp("outsider", secret).json["error"]
        b = self.rsvp("outsider", missing).json["error"]
        self.assertEqual((a["code"], a["message"].replace(secret["id"], "N")),
                         (b["code"], b["message"].replace(missing["id"], "N")))
        self.assertEqual(ok(self.rsvp("member", closed), 201)["state"], "going")
        self.assertEqual(self.rows(secret), [])

    def test_a_member_who_left_a_closed_space_no_longer_finds_its_event(self):
        who = self.register("ev_closed_leaver")
        ok(who.post(f"/api/v1/spaces/{self.closed}/members"))
        ok(self.cast["owner"].post(f"/api/v1/spaces/{self.closed}/requests/{who.handle}",
                                   {"decision": "approve"}))
        event = self.new_event(space=self.closed)
        ok(who.post(f"/api/v1/items/{event['id']}/rsvp", {}), 201)
        self.assertEqual(who.delete(f"/api/v1/spaces/{self.closed}/members/{who.handle}").status, 200)
        self.assertError(who.post(f"/api/v1/items/{event['id']}/rsvp", {"guests": 1}), 404)
        self.assertError(who.get(f"/api/v1/items/{event['id']}/attendees"), 404)

    # -- check-in ----------------------------------------------------------------------

    def test_the_organisers_and_hosts_check_going_members_in(self):
        event = self.new_event(capacity=2, starts=1, ends=3)
        ok(self.rsvp("member", event), 201)
        ok(self.rsvp("second", event), 201)
        ok(self.rsvp("third", event), 201)  # waitlisted
        self.assertTrue(self.view("author", event)["can"]["check_in"])
        self.assertFalse(self.view("member", event)["can"]["check_in"])
        row = ok(self.check_in("author", event, "ev_member"))
        self.assertEqual(row["member"]["handle"], "ev_member")
        self.assertIsNotNone(row["checked_in_at"])
        again = ok(self.check_in("author", event, "ev_member"))
        self.assertEqual(again["checked_in_at"], row["checked_in_at"])
        ok(self.check_in("coorg", event, "ev_second"))
        self.assertEqual(self.summary(event)["checked_in"], 2)
        self.assertEqual(self.view("member", event)["rsvp"]["my_checked_in"], True)
        ok(self.check_in("host", event, "ev_second", on=False))
        self.assertEqual(self.summary(event)["checked_in"], 1)
        self.assertEqual(sorted(self.handles("author", event, "checked_in")), ["ev_member"])
        # Refused: who may not, whom they may not.
        for who in ("member", "fourth", "leaver", "outsider"):
            self.assertError(self.check_in(who, event, "ev_second"), 403)
        self.assertError(self.check_in("suspended", event, "ev_second"), 403)
        self.assertError(self.anonymous().post(
            f"/api/v1/items/{event['id']}/attendees/ev_second/check-in"), 401)
        self.assertError(self.check_in("author", event, "ev_third"), 409, "not_going")
        self.assertError(self.check_in("author", event, "ev_fourth"), 409, "not_going")
        self.assertError(self.check_in("author", event, "ev_nobody_at_all"), 404)
        self.assertEqual(self.summary(event)["checked_in"], 1)

    def test_check_in_opens_two_hours_before_the_start(self):
        event = self.new_event(starts=30, ends=32)
        ok(self.rsvp("member", event), 201)
        self.assertError(self.check_in("author", event, "ev_member"), 409, "check_in_not_open")
        self.assertFalse(self.view("author", event)["can"]["check_in"])
        self.assertEqual(self.summary(event)["checked_in"], 0)
        # Still open after the event, to set the record straight.
        with self.db() as db:
            db.execute("UPDATE items SET starts_at = starts_at - 40 * 3600 * 1000000, "
                       "ends_at = ends_at - 40 * 3600 * 1000000 WHERE id = ?", (int(event["id"]),))
        ok(self.check_in("author", event, "ev_member"))

    # -- attendee lists ----------------------------------------------------------------

    def test_members_see_who_goes_and_the_organisers_the_waiting_list(self):
        event = self.new_event(capacity=2)
        for who in ("member", "second", "third", "fourth"):
            ok(self.rsvp(who, event), 201)
        for who in ("member", "outsider", "author", "host", "coorg"):
            self.assertEqual(self.handles(who, event), ["ev_member", "ev_second"], who)
        self.assertError(self.anonymous().get(f"/api/v1/items/{event['id']}/attendees"), 401)
        self.assertError(self.attendees("suspended", event), 403)
        for who in ("author", "coorg", "host"):
            self.assertEqual(self.handles(who, event, "waitlisted"), ["ev_third", "ev_fourth"], who)
            self.assertTrue(self.view(who, event)["can"]["view_attendance"], who)
        for who in ("member", "third", "outsider"):
            self.assertError(self.attendees(who, event, "waitlisted"), 403)
            self.assertError(self.attendees(who, event, "checked_in"), 403)
            self.assertFalse(self.view(who, event)["can"]["view_attendance"], who)
        self.assertError(self.attendees("author", event, "maybe"), 400, "invalid_filter")
        # Pages of one walk the list in the order of answering, each row once.
        seen, cursor = [], None
        while True:
            path = f"/api/v1/items/{event['id']}/attendees?state=waitlisted&limit=1"
            page = ok(self.cast["author"].get(path + (f"&cursor={cursor}" if cursor else "")))
            seen += [a["member"]["handle"] for a in page["items"]]
            cursor = page["next_cursor"]
            if not cursor:
                break
        self.assertEqual(seen, ["ev_third", "ev_fourth"])

    # -- calling an event off ----------------------------------------------------------

    def test_calling_an_event_off_tells_those_going_and_on_again_moves_the_list_up(self):
        event = self.new_event(capacity=1)
        ok(self.rsvp("member", event), 201)
        ok(self.rsvp("second", event), 201)  # waitlisted
        self.assertError(self.cast["member"].post(f"/api/v1/items/{event['id']}/status",
                                                  {"status": "cancelled"}), 403)
        ok(self.cast["coorg"].post(f"/api/v1/items/{event['id']}/status", {"status": "cancelled"}))
        self.assertEqual(len(self.told("member", "event_cancelled", event)), 1)
        self.assertEqual(self.told("member", "status_changed", event), [])  # told once
        self.assertEqual(self.told("second", "event_cancelled", event), [])
        # While it is off a cancellation frees the place for nobody yet...
        ok(self.cancel("member", event))
        self.assertEqual(self.view("second", event)["rsvp"]["my_state"], "waitlisted")
        # ...and when it is on again the first waiting member moves up.
        ok(self.cast["author"].post(f"/api/v1/items/{event['id']}/status", {"status": "scheduled"}))
        self.assertEqual(self.view("second", event)["rsvp"]["my_state"], "going")
        self.assertEqual(len(self.told("second", "rsvp_promoted", event)), 1)

    def test_who_may_call_an_event_off_and_on_again(self):
        # The kind table: scheduled <-> cancelled by its organisers, the space's hosts or an admin.
        allowed = {"author", "coorg", "host", "owner", "admin"}
        for who in ["member", "outsider", "leaver", "suspended"] + sorted(allowed):
            event = self.new_event()
            path = f"/api/v1/items/{event['id']}/status"
            for to in ("cancelled", "scheduled"):
                if to == "scheduled" and who not in allowed:
                    ok(self.cast["author"].post(path, {"status": "cancelled"}))
                reply = self.cast[who].post(path, {"status": to})
                if who in allowed:
                    self.assertEqual(ok(reply)["status"], to, (who, to))
                else:
                    self.assertError(reply, 403)
                    self.assertEqual(self.view("author", event)["status"],
                                     "scheduled" if to == "cancelled" else "cancelled", (who, to))
        self.assertError(self.anonymous().post(f"/api/v1/items/{event['id']}/status",
                                               {"status": "cancelled"}), 401)

    # -- races -------------------------------------------------------------------------

    def test_eight_members_taking_the_last_place_at_once_one_gets_it(self):
        event = self.new_event(capacity=3)
        ok(self.rsvp("member", event, 1), 201)  # two of three places
        replies = [None] * 8
        start = threading.Barrier(8)

        def take(i):
            start.wait()
            replies[i] = self.rsvp(f"r{i}", event)

        threads = [threading.Thread(target=take, args=(i,)) for i in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        states = sorted(ok(r, 201)["state"] for r in replies)
        self.assertEqual(states, ["going"] + ["waitlisted"] * 7)
        positions = sorted(r.json["position"] for r in replies if r.json["state"] == "waitlisted")
        self.assertEqual(positions, list(range(1, 8)))
        summary = self.summary(event)
        self.assertEqual((summary["going"], summary["waitlisted"]), (3, 7))

    # -- listings ----------------------------------------------------------------------

    def test_upcoming_and_past_events_in_the_order_of_their_start(self):
        slug = self.new_space(self.cast["owner"], "ev-agenda", "open", [self.cast["author"]])
        made = {name: self.new_event(space=slug, starts=s, ends=e)["id"] for name, s, e in [
            ("long_ago", -48, -47), ("yesterday", -24, -23), ("now", -1, 1),
            ("tomorrow", 24, 25), ("next_week", 170, 171)]}
        ok(self.cast["author"].post("/api/v1/items", {
            "kind": "note", "body": "no event", "space": slug, "visibility": "public"}), 201)
        name_of = {v: k for k, v in made.items()}

        def listed(when, limit=100):
            seen, cursor = [], None
            while True:
                path = f"/api/v1/items?kind=event&space={slug}&when={when}&limit={limit}"
                page = ok(self.anonymous().get(path + (f"&cursor={cursor}" if cursor else "")))
                seen += [name_of[i["id"]] for i in page["items"]]
                cursor = page["next_cursor"]
                if not cursor:
                    return seen

        self.assertEqual(listed("upcoming"), ["now", "tomorrow", "next_week"])
        self.assertEqual(listed("upcoming", 1), ["now", "tomorrow", "next_week"])
        self.assertEqual(listed("past"), ["yesterday", "long_ago"])
        self.assertEqual(listed("past", 1), ["yesterday", "long_ago"])
        for query in ("kind=event&when=soon", "when=upcoming", "kind=note&when=upcoming",
                      "kind=event&when=upcoming&sort=new"):
            self.assertError(self.anonymous().get(f"/api/v1/items?{query}"), 400)

    def test_listings_hold_only_readable_events(self):
        closed = self.new_event(space=self.closed, starts=5)["id"]
        secret = self.new_event(space=self.secret, starts=5)["id"]

        def upcoming(who):
            ids, cursor = set(), None
            while True:
                page = ok(self.cast[who].get("/api/v1/items?kind=event&when=upcoming&limit=100" +
                                             (f"&cursor={cursor}" if cursor else "")))
                ids |= {i["id"] for i in page["items"]}
                cursor = page["next_cursor"]
                if not cursor:
                    return ids

        self.assertFalse({closed, secret} & upcoming("outsider"))
        self.assertIn(closed, upcoming("member"))
        self.assertNotIn(secret, upcoming("member"))
        self.assertEqual({closed, secret} & upcoming("author"), {closed, secret})


if __name__ == "__main__":
    unittest.main()
