"""Lending what is offered (social/lending): POST|DELETE
/api/v1/items/{id}/reservation, POST /api/v1/items/{id}/lend {due_at},
/give and /return; the offer's `loan` and `can`; GET /api/v1/me/loans.
Every transition of the offer kind, allowed and forbidden, for each
standing, through these endpoints and the plain status endpoint (which
refuses the moves that carry a loan row); bad input; eight members
reserving one offer at once; the overdue reminder that bars new loans; an
offer's expiry notice and expiry. The server sweeps every second here
(--follow-up-interval 1); the tests age rows in the database file."""
import datetime
import os
import sqlite3
import threading
import time
import unittest

from kring_api import ApiTestCase, ok, wait_until

HOUR_US = 3_600 * 1_000_000
DAY_US = 24 * HOUR_US

# The lending verbs: (method, path suffix) per offer transition they make.
VERBS = {
    ("available", "reserved"): ("POST", "reservation"),
    ("reserved", "available"): ("DELETE", "reservation"),
    ("reserved", "lent"): ("POST", "lend"),
    ("reserved", "given"): ("POST", "give"),
    ("lent", "returned"): ("POST", "return"),
}
STANDINGS = ["author", "holder", "other", "host", "outsider", "suspended", "visitor"]


def rfc3339(delta_hours):
    t = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=delta_hours)
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


class Lending(ApiTestCase):
    server_args = ("--follow-up-interval", "1")

    def build_shared(self):
        c = self.register_cast("ln", ["host", "author", "holder", "other", "outsider", "suspended"])
        c["visitor"] = self.anonymous()
        type(self).cast = c
        type(self).slug = self.new_space(c["host"], "lenen", "open",
                                         [c["author"], c["holder"], c["other"], c["suspended"]])
        type(self).secret = self.new_space(c["host"], "lenen-geheim", "secret",
                                           [c["author"], c["holder"]])
        ok(c["admin"].post(f"/api/v1/members/{c['suspended'].handle}/suspend"), 204)
        vocab = ok(self.anonymous().get("/api/v1/vocabulary"))
        type(self).offer_kind = next(k for k in vocab["kinds"] if k["name"] == "offer")

    # -- helpers --------------------------------------------------------------

    def db(self):
        return sqlite3.connect(os.path.join(self.server.dir, "data", "kring.db"), timeout=10)

    def sql(self, query, args=()):
        db = self.db()
        with db:
            rows = db.execute(query, args).fetchall()
        db.close()
        return rows

    def new_offer(self, mode="lend", space=None, author="author", **extra):
        body = {"kind": "offer", "space": space or self.slug, "title": f"A ladder to {mode}",
                "body": "Three metres, aluminium.", "offer": mode}
        if space is None:
            body["visibility"] = "public"
        body.update(extra)
        return ok(self.cast[author].post("/api/v1/items", body), 201)

    def verb(self, item_id, move, who, body=None):
        method, suffix = VERBS[move]
        if move == ("reserved", "lent") and body is None:
            body = {"due_at": rfc3339(24 * 7)}
        return self.cast[who].request(method, f"/api/v1/items/{item_id}/{suffix}", body)

    def plain(self, item_id, status, who):
        return self.cast[who].post(f"/api/v1/items/{item_id}/status", {"status": status})

    def view(self, item_id, who="author"):
        return ok(self.cast[who].get(f"/api/v1/items/{item_id}"))

    def loans_of(self, item_id):
        return self.sql("SELECT borrower_id, lent_at IS NOT NULL, due_at, returned_at IS NOT NULL, "
                        "cancelled_at IS NOT NULL, given_at IS NOT NULL FROM loans WHERE item_id = ? "
                        "ORDER BY id", (int(item_id),))

    def offer_at(self, status, mode="lend"):
        """An offer of the author's at `status`, reached by the verbs, held by `holder`."""
        item = self.new_offer("give" if status == "given" else mode)
        path = {"available": [], "reserved": [("available", "reserved")],
                "lent": [("available", "reserved"), ("reserved", "lent")],
                "given": [("available", "reserved"), ("reserved", "given")],
                "returned": [("available", "reserved"), ("reserved", "lent"), ("lent", "returned")],
                "withdrawn": [], "expired": []}[status]
        for move in path:
            ok(self.verb(item["id"], move, "holder" if move[1] == "reserved" else "author"))
        if status == "withdrawn":
            ok(self.plain(item["id"], "withdrawn", "author"))
        if status == "expired":
            self.sql("UPDATE items SET status = 'expired' WHERE id = ?", (int(item["id"]),))
        self.assertEqual(self.view(item["id"])["status"], status)
        return item

    def notifications(self, who, kind, item_id):
        items = ok(self.cast[who].get("/api/v1/notifications?limit=100"))["items"]
        return [n for n in items if n["kind"] == kind and n["item_id"] == item_id]

    def quiet_sweeps(self):
        time.sleep(2.5)  # more than two sweeps at one a second

    # -- the kind table, every transition and standing -------------------------

    def test_every_offer_transition_is_a_verb_or_a_plain_move(self):
        moves = {(t["from"], t["to"]) for t in self.offer_kind["transitions"]}
        self.assertTrue(set(VERBS) <= moves, set(VERBS) - moves)
        plain = moves - set(VERBS)
        self.assertEqual(plain, {("returned", "available"), ("available", "withdrawn"),
                                 ("withdrawn", "available"), ("available", "expired"),
                                 ("expired", "available")})

    def expected_verb(self, move, who):
        """The answer of a lending verb to `who`, by the kind table's standings."""
        by = next(t["by"] for t in self.offer_kind["transitions"]
                  if (t["from"], t["to"]) == move)
        if who == "visitor":
            return 401
        if who == "suspended":
            return 403
        granted = {"author": "author" in by, "holder": "holder" in by,
                   "other": "participant" in by, "host": "participant" in by,
                   "outsider": False}
        if move == ("available", "reserved"):
            granted["holder"] = True  # on an available offer nobody holds it: a member like other
        return 200 if granted[who] else 403

    def test_each_lending_verb_for_each_standing(self):
        for move in VERBS:
            for who in STANDINGS:
                with self.subTest(move=move, who=who):
                    item = self.offer_at(move[0], "give" if move[1] == "given" else "lend")
                    before = self.loans_of(item["id"])
                    expected = self.expected_verb(move, who)
                    r = self.verb(item["id"], move, who)
                    self.assertEqual(r.status, expected, r)
                    after = self.view(item["id"])
                    if expected == 200:
                        self.assertEqual(r.json["status"], move[1])
                        self.assertEqual(after["status"], move[1])
                        history = ok(self.cast["author"].get(
                            f"/api/v1/items/{item['id']}/status-history"))["items"]
                        self.assertEqual((history[0]["from"], history[0]["to"]), move)
                    else:
                        self.assertEqual(after["status"], move[0])
                        self.assertEqual(self.loans_of(item["id"]), before)

    def test_the_plain_status_endpoint_refuses_every_loan_move(self):
        for move in VERBS:
            for who in STANDINGS:
                with self.subTest(move=move, who=who):
                    item = self.offer_at(move[0], "give" if move[1] == "given" else "lend")
                    before = self.loans_of(item["id"])
                    r = self.plain(item["id"], move[1], who)
                    allowed = self.expected_verb(move, who)
                    if allowed == 200:
                        self.assertError(r, 409, "loan_move")
                        self.assertIn(VERBS[move][1], r.json["error"]["message"])
                    else:
                        self.assertEqual(r.status, allowed, r)
                    self.assertEqual(self.view(item["id"])["status"], move[0])
                    self.assertEqual(self.loans_of(item["id"]), before)

    def test_the_plain_moves_by_standing(self):
        cases = {("returned", "available"): {"author"},
                 ("available", "withdrawn"): {"author", "host", "admin"},
                 ("withdrawn", "available"): {"author"},
                 ("available", "expired"): set(),
                 ("expired", "available"): {"author"}}
        for (start, to), allowed in cases.items():
            for who in STANDINGS + ["admin"]:
                if who == "holder" and start != "returned":
                    continue  # nobody holds an offer there
                with self.subTest(move=(start, to), who=who):
                    item = self.offer_at(start)
                    r = self.plain(item["id"], to, who)
                    if who in allowed:
                        self.assertEqual(ok(r)["status"], to)
                    else:
                        self.assertEqual(r.status, 401 if who == "visitor" else 403, r)
                        self.assertEqual(self.view(item["id"])["status"], start)

    def test_move_status_in_can_leaves_the_loan_moves_to_the_verbs(self):
        item = self.offer_at("reserved")
        self.assertEqual(self.view(item["id"], "author")["can"]["move_status"], [])
        self.assertEqual(self.view(item["id"], "holder")["can"]["move_status"], [])
        fresh = self.new_offer()
        self.assertEqual(fresh["can"]["move_status"], ["withdrawn"])

    def test_a_secret_spaces_offer_is_404_and_a_block_hides_it_from_reserving(self):
        item = self.new_offer(space=self.secret)
        for who in ["outsider", "other"]:
            with self.subTest(who=who):
                for move in VERBS:
                    self.assertError(self.verb(item["id"], move, who), 404)
                self.assertError(self.cast[who].post(f"/api/v1/items/{item['id']}/status",
                                                     {"status": "reserved"}), 404)
        self.assertError(self.cast["visitor"].post(f"/api/v1/items/{item['id']}/reservation"), 401)
        self.assertError(self.verb(999999999, ("available", "reserved"), "other"), 404)
        blocked = self.register("ln_blocked")
        ok(blocked.post(f"/api/v1/spaces/{self.slug}/members"))
        ok(self.cast["author"].post(f"/api/v1/members/{blocked.handle}/block"))
        offer = self.new_offer()
        self.assertError(blocked.post(f"/api/v1/items/{offer['id']}/reservation"), 404)
        self.assertError(blocked.get(f"/api/v1/items/{offer['id']}"), 404)
        self.assertEqual(self.view(offer["id"])["status"], "available")

    def test_a_member_who_left_the_space_may_no_longer_reserve_there(self):
        leaver = self.register("ln_leaver")
        ok(leaver.post(f"/api/v1/spaces/{self.slug}/members"))
        item = self.new_offer()
        self.assertTrue(ok(leaver.get(f"/api/v1/items/{item['id']}"))["can"]["reserve"])
        self.assertEqual(ok(leaver.delete(f"/api/v1/spaces/{self.slug}/members/{leaver.handle}"))["result"], "left")
        self.assertFalse(ok(leaver.get(f"/api/v1/items/{item['id']}"))["can"]["reserve"])
        self.assertError(leaver.post(f"/api/v1/items/{item['id']}/reservation"), 403)
        self.assertEqual(self.loans_of(item["id"]), [])

    # -- the view --------------------------------------------------------------

    def test_the_loan_and_can_as_each_side_sees_them(self):
        item = self.new_offer()
        self.assertIsNone(item["loan"])
        self.assertEqual(item["offer"], "lend")
        fresh = self.view(item["id"], "other")
        self.assertTrue(fresh["can"]["reserve"])
        self.assertFalse(fresh["can"]["lend"])
        self.assertFalse(item["can"]["reserve"])  # the author's own
        ok(self.verb(item["id"], ("available", "reserved"), "holder"))
        mine = self.view(item["id"], "holder")
        self.assertEqual(mine["loan"]["holder"]["handle"], self.cast["holder"].handle)
        self.assertTrue(mine["can"]["cancel_reservation"])
        self.assertFalse(mine["can"]["lend"])
        self.assertIsNone(mine["loan"]["lent_at"])
        authors = self.view(item["id"], "author")
        self.assertEqual(authors["loan"]["holder"]["handle"], self.cast["holder"].handle)
        self.assertEqual((authors["can"]["lend"], authors["can"]["give"]), (True, False))
        self.assertTrue(authors["can"]["cancel_reservation"])
        for who in ["other", "host", "outsider", "visitor"]:
            with self.subTest(who=who):
                seen = self.view(item["id"], who)
                self.assertIsNone(seen["loan"]["holder"])
                self.assertTrue(seen["loan"]["reserved_at"])
                self.assertFalse(any(seen["can"].get(k, False) for k in
                                     ["reserve", "lend", "give", "return", "cancel_reservation"]))
        due = rfc3339(48)
        lent = ok(self.verb(item["id"], ("reserved", "lent"), "author", {"due_at": due}))
        self.assertEqual(lent["loan"]["due_at"], due)
        self.assertFalse(lent["loan"]["overdue"])
        self.assertTrue(lent["can"]["return"])
        returned = ok(self.verb(item["id"], ("lent", "returned"), "author"))
        self.assertIsNone(returned["loan"])
        self.assertEqual(self.loans_of(item["id"])[0][3], 1)
        note = ok(self.cast["author"].post("/api/v1/items", {"kind": "note", "body": "hi"}), 201)
        self.assertNotIn("loan", note)
        self.assertNotIn("reserve", note["can"])

    def test_each_side_hears_of_the_moves(self):
        item = self.new_offer()
        ok(self.verb(item["id"], ("available", "reserved"), "holder"))
        self.assertEqual(len(self.notifications("author", "offer_reserved", item["id"])), 1)
        ok(self.verb(item["id"], ("reserved", "available"), "author"))
        self.assertEqual(len(self.notifications("holder", "reservation_cancelled", item["id"])), 1)
        self.assertEqual(self.notifications("author", "reservation_cancelled", item["id"]), [])
        ok(self.verb(item["id"], ("available", "reserved"), "holder"))
        ok(self.verb(item["id"], ("reserved", "lent"), "author"))
        self.assertEqual(len(self.notifications("holder", "offer_handed_over", item["id"])), 1)
        ok(self.verb(item["id"], ("lent", "returned"), "author"))
        self.assertEqual(len(self.notifications("holder", "loan_returned", item["id"])), 1)
        for kind in ["offer_reserved", "offer_handed_over", "loan_returned"]:
            self.assertEqual(self.notifications("other", kind, item["id"]), [], kind)

    # -- bad input ---------------------------------------------------------------

    def test_bad_input_is_4xx_and_changes_nothing(self):
        item = self.offer_at("reserved")
        path = f"/api/v1/items/{item['id']}/lend"
        cases = [({}, 400, "missing_due_at"),
                 ({"due_at": None}, 400, "missing_due_at"),
                 ({"due_at": rfc3339(-1)}, 400, "due_in_past"),
                 ({"due_at": rfc3339(24 * 400)}, 400, "due_too_far"),
                 ({"due_at": "next tuesday"}, 400, "invalid_time"),
                 ({"due_at": 12}, 400, None),
                 ({"due_at": rfc3339(5), "extra": 1}, 400, None)]
        before = self.loans_of(item["id"])
        for body, status, code in cases:
            with self.subTest(body=body):
                self.assertError(self.cast["author"].post(path, body), status, code)
        self.assertError(self.cast["author"].request("POST", path, raw=b"not json",
                                                            headers={"Content-Type": "application/json"}), 400)
        self.assertEqual(self.view(item["id"])["status"], "reserved")
        self.assertEqual(self.loans_of(item["id"]), before)

    def test_the_mode_decides_lend_or_give(self):
        give = self.offer_at("reserved", "give")
        self.assertError(self.verb(give["id"], ("reserved", "lent"), "author"), 409,
                         "wrong_offer_mode")
        lend = self.offer_at("reserved", "lend")
        self.assertError(self.verb(lend["id"], ("reserved", "given"), "author"), 409,
                         "wrong_offer_mode")
        self.assertFalse(self.view(lend["id"])["can"]["give"])
        help_ = self.new_offer("help")
        ok(self.verb(help_["id"], ("available", "reserved"), "holder"))
        self.assertEqual(ok(self.verb(help_["id"], ("reserved", "given"), "author"))["status"],
                         "given")
        for item in [give, lend]:
            self.assertEqual(self.view(item["id"])["status"], "reserved")
            self.assertEqual(len(self.loans_of(item["id"])), 1)
        self.assertEqual(self.loans_of(help_["id"])[0][5], 1)

    def test_moves_from_the_wrong_status_are_409(self):
        available = self.new_offer()
        self.assertError(self.verb(available["id"], ("lent", "returned"), "author"), 409,
                         "invalid_transition")
        self.assertError(self.verb(available["id"], ("reserved", "lent"), "author"), 409,
                         "invalid_transition")
        self.assertError(self.verb(self.new_offer("give")["id"], ("reserved", "given"), "author"),
                         409, "invalid_transition")
        reserved = self.offer_at("reserved")
        self.assertError(self.verb(reserved["id"], ("lent", "returned"), "author"), 409,
                         "invalid_transition")
        self.assertError(self.verb(reserved["id"], ("available", "reserved"), "holder"), 409,
                         "already_reserved")
        self.assertError(self.verb(reserved["id"], ("available", "reserved"), "other"), 409,
                         "already_reserved")
        lent = self.offer_at("lent")
        self.assertError(self.verb(lent["id"], ("available", "reserved"), "other"), 409,
                         "already_reserved")
        self.assertError(self.verb(lent["id"], ("reserved", "available"), "author"), 409,
                         "invalid_transition")
        for status in ["withdrawn", "expired", "given", "returned"]:
            with self.subTest(status=status):
                item = self.offer_at(status)
                self.assertError(self.verb(item["id"], ("available", "reserved"), "other"), 409,
                                 "invalid_transition")
        note = ok(self.cast["author"].post("/api/v1/items", {"kind": "note", "body": "hi"}), 201)
        self.assertError(self.cast["other"].post(f"/api/v1/items/{note['id']}/reservation"), 409,
                         "not_an_offer")
        self.assertEqual(self.view(available["id"])["status"], "available")
        self.assertEqual(self.loans_of(available["id"]), [])

    # -- races ---------------------------------------------------------------------

    def test_eight_members_reserving_at_once_one_gets_it(self):
        members = [self.register(f"ln_racer{i}") for i in range(8)]
        for m in members:
            ok(m.post(f"/api/v1/spaces/{self.slug}/members"))
        item = self.new_offer()
        barrier = threading.Barrier(len(members))
        replies = [None] * len(members)

        def reserve(i):
            barrier.wait()
            replies[i] = members[i].post(f"/api/v1/items/{item['id']}/reservation")

        threads = [threading.Thread(target=reserve, args=(i,)) for i in range(len(members))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        statuses = sorted(r.status for r in replies)
        self.assertEqual(statuses, [200] + [409] * 7, replies)
        for r in replies:
            if r.status == 409:
                self.assertEqual(r.error_code(), "already_reserved")
        winner = next(m for m, r in zip(members, replies) if r.status == 200)
        self.assertEqual(len(self.loans_of(item["id"])), 1)
        self.assertEqual(self.view(item["id"])["loan"]["holder"]["handle"], winner.handle)

    # -- my loans ----------------------------------------------------------------------

    def test_my_loans_by_role_and_state_paged(self):
        borrower = self.register("ln_pager")
        self.cast["lender"] = self.register("ln_lender")
        for m in [borrower, self.cast["lender"]]:
            ok(m.post(f"/api/v1/spaces/{self.slug}/members"))
        first, second = self.new_offer(author="lender"), self.new_offer(author="lender")
        for item in [first, second]:
            ok(borrower.post(f"/api/v1/items/{item['id']}/reservation"))
        ok(self.verb(first["id"], ("reserved", "lent"), "lender", {"due_at": rfc3339(30)}))
        page = ok(borrower.get("/api/v1/me/loans?role=borrowed&state=open&limit=1"))
        self.assertEqual(len(page["items"]), 1)
        self.assertEqual(page["items"][0]["item"]["id"], second["id"])
        self.assertEqual(page["items"][0]["state"], "reserved")
        rest = ok(borrower.get(f"/api/v1/me/loans?role=borrowed&state=open&limit=1"
                               f"&cursor={page['next_cursor']}"))
        self.assertEqual([e["item"]["id"] for e in rest["items"]], [first["id"]])
        self.assertEqual(rest["items"][0]["state"], "lent")
        self.assertTrue(rest["items"][0]["due_at"])
        self.assertEqual(rest["items"][0]["holder"]["handle"], borrower.handle)
        self.assertIsNone(rest["next_cursor"])
        lent = ok(self.cast["lender"].get("/api/v1/me/loans?role=lent&state=open&limit=100"))
        self.assertTrue({first["id"], second["id"]} <= {e["item"]["id"] for e in lent["items"]})
        self.assertEqual(ok(borrower.get("/api/v1/me/loans?role=lent"))["items"], [])
        ok(self.verb(first["id"], ("lent", "returned"), "lender"))
        past = ok(borrower.get("/api/v1/me/loans?role=borrowed&state=past"))["items"]
        self.assertEqual([(e["item"]["id"], e["state"]) for e in past], [(first["id"], "returned")])
        self.assertTrue(past[0]["returned_at"])
        self.assertError(self.anonymous().get("/api/v1/me/loans"), 401)
        self.assertEqual(ok(self.cast["suspended"].get("/api/v1/me/loans"))["items"], [])  # read-only, not shut out
        self.assertError(borrower.get("/api/v1/me/loans?role=everyone"), 400, "invalid_role")
        self.assertError(borrower.get("/api/v1/me/loans?state=soon"), 400, "invalid_state")
        self.assertError(borrower.get("/api/v1/me/loans?limit=0"), 400)

    # -- the sweeps --------------------------------------------------------------------

    def test_an_overdue_loan_is_reminded_once_and_bars_new_loans_until_returned(self):
        borrower = self.register("ln_late")
        ok(borrower.post(f"/api/v1/spaces/{self.slug}/members"))
        item = self.new_offer()
        ok(borrower.post(f"/api/v1/items/{item['id']}/reservation"))
        ok(self.verb(item["id"], ("reserved", "lent"), "author", {"due_at": rfc3339(2)}))
        self.quiet_sweeps()
        self.assertEqual([n for n in ok(borrower.get("/api/v1/notifications"))["items"]
                          if n["kind"] == "loan_overdue"], [])
        self.sql("UPDATE loans SET due_at = due_at - ? WHERE item_id = ?",
                 (3 * HOUR_US, int(item["id"])))
        reminders = wait_until(
            lambda: [n for n in ok(borrower.get("/api/v1/notifications"))["items"]
                     if n["kind"] == "loan_overdue" and n["item_id"] == item["id"]],
            timeout=15, what="the overdue reminder")
        self.assertEqual(reminders[0]["actor"]["handle"], self.cast["author"].handle)
        told = self.notifications("author", "loan_overdue_lender", item["id"])
        self.assertEqual(len(told), 1)
        self.assertEqual(told[0]["actor"]["handle"], borrower.handle)
        self.assertTrue(self.view(item["id"])["loan"]["overdue"])
        self.quiet_sweeps()
        self.assertEqual(len([n for n in ok(borrower.get("/api/v1/notifications"))["items"]
                              if n["kind"] == "loan_overdue"]), 1)
        other_lend = self.new_offer()
        self.assertFalse(ok(borrower.get(f"/api/v1/items/{other_lend['id']}"))["can"]["reserve"])
        self.assertError(borrower.post(f"/api/v1/items/{other_lend['id']}/reservation"), 409,
                         "overdue_loan")
        self.assertEqual(self.loans_of(other_lend["id"]), [])
        gift = self.new_offer("give")
        ok(borrower.post(f"/api/v1/items/{gift['id']}/reservation"))  # gifts are not loans
        ok(self.verb(item["id"], ("lent", "returned"), "author"))
        self.assertEqual(ok(borrower.post(f"/api/v1/items/{other_lend['id']}/reservation"))
                         ["status"], "reserved")

    def test_an_offer_expiring_is_noticed_a_day_ahead_and_expires_then(self):
        soon = self.new_offer(expires_at=rfc3339(5))
        later = self.new_offer(expires_at=rfc3339(24 * 3))
        wait_until(lambda: self.notifications("author", "offer_expiring", soon["id"]),
                   timeout=15, what="the expiry notice")
        self.quiet_sweeps()
        self.assertEqual(len(self.notifications("author", "offer_expiring", soon["id"])), 1)
        self.assertEqual(self.notifications("author", "offer_expiring", later["id"]), [])
        self.assertEqual(self.view(soon["id"])["status"], "available")
        self.sql("UPDATE items SET expires_at = expires_at - ? WHERE id = ?",
                 (6 * HOUR_US, int(soon["id"])))
        wait_until(lambda: self.view(soon["id"])["status"] == "expired", timeout=15,
                   what="the offer expiring")
        history = ok(self.cast["author"].get(f"/api/v1/items/{soon['id']}/status-history"))["items"]
        self.assertEqual((history[0]["from"], history[0]["to"]), ("available", "expired"))
        self.assertIn("kring", history[0]["note"])
        self.assertError(self.verb(soon["id"], ("available", "reserved"), "other"), 409,
                         "invalid_transition")
        # Renewed by its author, it stays available until a new expiry time.
        self.assertEqual(ok(self.plain(soon["id"], "available", "author"))["status"], "available")
        self.quiet_sweeps()
        self.assertEqual(self.view(soon["id"])["status"], "available")
        self.assertEqual(self.view(later["id"])["status"], "available")
        # A reserved offer does not expire under its holder.
        held = self.new_offer(expires_at=rfc3339(5))
        ok(self.verb(held["id"], ("available", "reserved"), "holder"))
        self.sql("UPDATE items SET expires_at = expires_at - ? WHERE id = ?",
                 (6 * HOUR_US, int(held["id"])))
        self.quiet_sweeps()
        self.assertEqual(self.view(held["id"])["status"], "reserved")


if __name__ == "__main__":
    unittest.main()
