"""The ledger (social/contributions.h): pledges to requests and initiatives
(POST /api/v1/items/{id}/contributions), their moves (deliver, confirm,
decline, withdraw) for every standing, bad input refused with nothing
changed, listings per item, member and space whose totals reconcile with
their rows, the time bank, co-organisers, the minimum/deadline sweep (the
server sweeps every second; the tests move a deadline into the past in the
database file) and concurrent decisions of one pledge."""
import os
import sqlite3
import threading
import time
import unittest

from kring_api import ApiTestCase, ok, wait_until

FUTURE = "2031-05-01T09:00:00Z"
KINDS = ["time", "knowledge", "item", "money", "support"]
STATUSES = ["pledged", "delivered", "confirmed", "declined", "withdrawn", "void"]
MOVES = ["deliver", "confirm", "decline", "withdraw"]
GOALS = [{"kind": "time", "target": 40, "label": ""},
         {"kind": "money", "target": 200000, "label": ""},
         {"kind": "item", "target": 5, "label": "ladders"}]


class Contributions(ApiTestCase):
    server_args = ("--follow-up-interval", "1")

    def build_shared(self):
        c = self.register_cast("lg", ["author", "coorg", "giver", "other", "suspended", "leaver",
                                      "outsider", "insider"])
        c["visitor"] = self.anonymous()
        members = [c[n] for n in ["coorg", "giver", "other", "suspended", "leaver"]]
        type(self).closed = self.new_space(c["author"], "lg-closed", "closed", members)
        type(self).secret = self.new_space(c["author"], "lg-secret", "secret", [c["insider"], c["giver"]])
        type(self).cast = c
        # One initiative whose co-organisers are coorg and (soon suspended) suspended.
        type(self).shared = self.initiative()
        ok(c["author"].put(f"/api/v1/items/{self.shared['id']}/organisers/{c['suspended'].handle}"))
        type(self).left = self.pledge("leaver", self.shared, kind="time", amount=2)
        ok(c["leaver"].delete(f"/api/v1/spaces/{self.closed}/members/{c['leaver'].handle}"))
        ok(c["admin"].post(f"/api/v1/members/{c['suspended'].handle}/suspend"), 204)

    # -- helpers --------------------------------------------------------------

    def initiative(self, space=None, goals=GOALS, organise=True, **fields):
        item = ok(self.cast["author"].post("/api/v1/items", {
            "kind": "initiative", "space": space or self.closed, "title": "Paint the centre",
            "body": "Saturdays.", "goals": goals, **fields}), 201)
        if organise:
            ok(self.cast["author"].put(f"/api/v1/items/{item['id']}/organisers/{self.cast['coorg'].handle}"))
        return item

    def request(self, space=None):
        return ok(self.cast["author"].post("/api/v1/items", {
            "kind": "request", "space": space or self.closed, "title": "Help moving a sofa",
            "body": "Third floor."}), 201)

    def pledge(self, who, item, **body):
        return ok(self.cast[who].post(f"/api/v1/items/{item['id']}/contributions", body), 201)

    def act(self, who, contribution, move, body=None):
        return self.cast[who].post(f"/api/v1/contributions/{contribution['id']}/{move}", body)

    def status_of(self, contribution, item):
        rows = self.all_rows(f"/api/v1/items/{item['id']}/contributions", "author")[0]
        return next(r["status"] for r in rows if r["id"] == contribution["id"])

    def all_rows(self, path, who, limit=3):
        """Every row of a listing, page by page, and the totals of its first page."""
        sep = "&" if "?" in path else "?"
        page = ok(self.cast[who].get(f"{path}{sep}limit={limit}"))
        rows, totals = list(page["items"]), page["totals"]
        while page["next_cursor"]:
            page = ok(self.cast[who].get(f"{path}{sep}limit={limit}&cursor={page['next_cursor']}"))
            self.assertEqual(page["totals"], totals)
            rows += page["items"]
        return rows, totals

    def assertReconciles(self, rows, totals):
        self.assertEqual(sorted(totals), sorted(KINDS))
        sums = {k: {s: 0 for s in STATUSES} for k in KINDS}
        for r in rows:
            sums[r["kind"]][r["status"]] += r["amount"]
        self.assertEqual(sums, totals)

    def db(self):
        return sqlite3.connect(os.path.join(self.server.dir, "data", "kring.db"), timeout=10)

    def notifications(self, who, kind, item_id):
        items = ok(self.cast[who].get("/api/v1/notifications?limit=100"))["items"]
        return [n for n in items if n["kind"] == kind and n["item_id"] == item_id]

    def item(self, item, who="author"):
        return ok(self.cast[who].get(f"/api/v1/items/{item['id']}"))

    # -- pledging -------------------------------------------------------------

    def test_a_pledge_answers_201_and_counts_toward_its_goal(self):
        item = self.initiative()
        c = self.pledge("giver", item, kind="money", amount=2500, note="For paint")
        self.assertEqual((c["kind"], c["amount"], c["goal"], c["status"], c["note"]),
                         ("money", 2500, 1, "pledged", "For paint"))
        self.assertEqual((c["giver"]["handle"], c["receiver"]["handle"]),
                         (self.cast["giver"].handle, self.cast["author"].handle))
        self.assertEqual(c["can"], {"deliver": True, "confirm": False, "decline": False, "withdraw": True})
        progress = self.item(item)["progress"]
        self.assertEqual(progress[1], {"kind": "money", "label": "", "target": 200000,
                                       "pledged": 2500, "confirmed": 0})
        self.assertEqual([p["pledged"] for p in progress], [0, 2500, 0])
        ok(self.act("author", c, "confirm"))
        self.assertEqual(self.item(item)["progress"][1]["confirmed"], 2500)

    def test_knowledge_and_support_count_without_a_goal_and_default_to_one(self):
        item = self.initiative()
        c = self.pledge("giver", item, kind="support")
        self.assertEqual((c["amount"], c["goal"]), (1, None))
        self.assertEqual([p["pledged"] for p in self.item(item)["progress"]], [0, 0, 0])

    def test_progress_leaves_out_declined_withdrawn_and_counts_delivered(self):
        item = self.initiative()
        a = self.pledge("giver", item, kind="time", amount=3)
        b = self.pledge("other", item, kind="time", amount=5)
        d = self.pledge("coorg", item, kind="time", amount=7)
        ok(self.act("giver", a, "deliver"))
        ok(self.act("other", b, "withdraw"))
        ok(self.act("author", d, "decline"))
        self.assertEqual(self.item(item)["progress"][0]["pledged"], 3)

    def test_a_request_takes_contributions_without_goals(self):
        item = self.request()
        c = self.pledge("giver", item, kind="time", amount=2)
        self.assertEqual((c["goal"], c["item"]["kind"]), (None, "request"))
        self.assertNotIn("progress", self.item(item))

    def test_bad_input_is_refused_and_nothing_changes(self):
        item = self.initiative(goals=GOALS + [{"kind": "time", "target": 5, "label": "cleanup"}])
        path = f"/api/v1/items/{item['id']}/contributions"
        cases = [
            ({"kind": "money", "amount": -5}, 400, "invalid_amount"),
            ({"kind": "money", "amount": 0}, 400, "invalid_amount"),
            ({"kind": "money", "amount": 10**12}, 400, "invalid_amount"),
            ({"kind": "item", "amount": 10**7}, 400, "invalid_amount"),
            ({"kind": "money"}, 400, "invalid_amount"),
            ({"kind": "knowledge", "amount": 2}, 400, "invalid_amount"),
            ({"kind": "money", "amount": 1.5}, 400, None),
            ({"kind": "money", "amount": "5"}, 400, None),
            ({"kind": "karma", "amount": 1}, 400, "invalid_kind"),
            ({"kind": "money", "amount": 5, "goal": 9}, 400, "no_such_goal"),
            ({"kind": "money", "amount": 5, "goal": -1}, 400, "no_such_goal"),
            ({"kind": "money", "amount": 5, "goal": 0}, 400, "wrong_goal_kind"),
            ({"kind": "support", "goal": 0}, 400, "wrong_goal_kind"),
            ({"kind": "time", "amount": 2}, 400, "ambiguous_goal"),
            ({"kind": "money", "amount": 5, "colour": "red"}, 400, None),
            ({"amount": 5}, 400, "missing_field"),
        ]
        for body, status, code in cases:
            with self.subTest(body=body):
                self.assertError(self.cast["giver"].post(path, body), status, code)
        no_money = self.initiative(goals=[{"kind": "time", "target": 4, "label": ""}])
        self.assertError(self.cast["giver"].post(f"/api/v1/items/{no_money['id']}/contributions",
                                                 {"kind": "money", "amount": 5}), 400, "no_such_goal")
        request = self.request()
        self.assertError(self.cast["giver"].post(f"/api/v1/items/{request['id']}/contributions",
                                                 {"kind": "time", "amount": 1, "goal": 0}), 400, "no_such_goal")
        self.assertEqual(self.all_rows(path, "author")[0], [])
        self.assertEqual([p["pledged"] for p in self.item(item)["progress"]], [0, 0, 0, 0])

    def test_pledges_to_closed_items_own_items_and_other_kinds_are_refused(self):
        cancelled = self.initiative()
        ok(self.cast["author"].post(f"/api/v1/items/{cancelled['id']}/status", {"status": "cancelled"}))
        self.assertError(self.cast["giver"].post(f"/api/v1/items/{cancelled['id']}/contributions",
                                                 {"kind": "support"}), 409, "item_closed")
        done = self.request()
        for status in ["matched", "done"]:
            ok(self.cast["author"].post(f"/api/v1/items/{done['id']}/status", {"status": status}))
        self.assertError(self.cast["giver"].post(f"/api/v1/items/{done['id']}/contributions",
                                                 {"kind": "time", "amount": 1}), 409, "item_closed")
        own = self.initiative()
        self.assertError(self.cast["author"].post(f"/api/v1/items/{own['id']}/contributions",
                                                  {"kind": "support"}), 403)
        discussion = ok(self.cast["author"].post("/api/v1/items", {
            "kind": "question", "space": self.closed, "title": "Who has a ladder?", "body": "Hi"}), 201)
        self.assertError(self.cast["giver"].post(f"/api/v1/items/{discussion['id']}/contributions",
                                                 {"kind": "support"}), 409, "no_contributions")
        for item in [cancelled, done, own, discussion]:
            self.assertEqual(self.all_rows(f"/api/v1/items/{item['id']}/contributions", "author")[0], [])

    def test_who_may_pledge(self):
        item = self.initiative()
        path = f"/api/v1/items/{item['id']}/contributions"
        body = {"kind": "support"}
        self.assertError(self.cast["visitor"].post(path, body), 401)
        self.assertError(self.cast["outsider"].post(path, body), 404)
        self.assertError(self.cast["leaver"].post(path, body), 404)
        self.assertError(self.cast["suspended"].post(path, body), 403)
        self.assertError(self.cast["other"].post("/api/v1/items/999999999/contributions", body), 404)
        self.pledge("coorg", item, kind="support")  # a co-organiser gives to the author too
        self.assertEqual(len(self.all_rows(path, "author")[0]), 1)

    def test_a_block_between_giver_and_receiver_hides_the_item_from_the_pledge(self):
        asker, blocker = self.register("lg_bl_asker"), self.register("lg_bl_blocker")
        request = ok(asker.post("/api/v1/items", {"kind": "request", "title": "Soup", "body": "Tuesday",
                                                  "visibility": "public"}), 201)
        ok(blocker.post(f"/api/v1/members/{asker.handle}/block"))
        path = f"/api/v1/items/{request['id']}/contributions"
        self.assertError(blocker.post(path, {"kind": "support"}), 404)
        self.assertEqual(ok(asker.get(path))["items"], [])

    # -- moves, for every standing --------------------------------------------

    # From a fresh pledge on the shared initiative (co-organisers coorg and
    # the suspended member), what each standing gets for each move.
    EXPECTED = {
        "giver":     {"deliver": 200, "confirm": 403, "decline": 403, "withdraw": 200},
        "author":    {"deliver": 403, "confirm": 200, "decline": 200, "withdraw": 403},
        "coorg":     {"deliver": 403, "confirm": 200, "decline": 200, "withdraw": 403},
        "other":     {"deliver": 403, "confirm": 403, "decline": 403, "withdraw": 403},
        "suspended": {"deliver": 403, "confirm": 403, "decline": 403, "withdraw": 403},
        "leaver":    {"deliver": 404, "confirm": 404, "decline": 404, "withdraw": 404},
        "outsider":  {"deliver": 404, "confirm": 404, "decline": 404, "withdraw": 404},
        "visitor":   {"deliver": 401, "confirm": 401, "decline": 401, "withdraw": 401},
    }
    TO = {"deliver": "delivered", "confirm": "confirmed", "decline": "declined", "withdraw": "withdrawn"}

    def test_every_move_for_every_standing(self):
        for who, moves in self.EXPECTED.items():
            for move, status in moves.items():
                with self.subTest(who=who, move=move):
                    c = self.pledge("giver", self.shared, kind="time", amount=1)
                    reply = self.act(who, c, move)
                    if status == 200:
                        self.assertEqual(ok(reply)["status"], self.TO[move])
                        self.assertEqual(self.status_of(c, self.shared), self.TO[move])
                    else:
                        self.assertError(reply, status)
                        self.assertEqual(self.status_of(c, self.shared), "pledged")

    def test_the_giver_who_left_the_closed_space_cannot_withdraw(self):
        self.assertError(self.act("leaver", self.left, "withdraw"), 404)
        self.assertEqual(self.status_of(self.left, self.shared), "pledged")

    def test_forbidden_transitions_are_409_and_change_nothing(self):
        def made(path):
            c = self.pledge("giver", self.shared, kind="time", amount=1)
            for move, who in path:
                ok(self.act(who, c, move))
            return c
        states = {
            "delivered": made([("deliver", "giver")]),
            "confirmed": made([("confirm", "author")]),
            "declined": made([("decline", "coorg")]),
            "withdrawn": made([("withdraw", "giver")]),
        }
        allowed = {"delivered": {"confirm", "decline", "withdraw"}}
        for status, c in states.items():
            for move in MOVES:
                if move in allowed.get(status, set()):
                    continue
                who = "giver" if move in ("deliver", "withdraw") else "author"
                with self.subTest(status=status, move=move):
                    self.assertError(self.act(who, c, move), 409, "invalid_transition")
                    self.assertEqual(self.status_of(c, self.shared), status)
        delivered = states["delivered"]
        ok(self.act("coorg", delivered, "confirm", {"note": "Thanks, the walls look great"}))
        row = next(r for r in self.all_rows(f"/api/v1/items/{self.shared['id']}/contributions", "author")[0]
                   if r["id"] == delivered["id"])
        self.assertEqual((row["status"], row["decision_note"], row["decided"]),
                         ("confirmed", "Thanks, the walls look great", True))

    def test_confirming_ones_own_pledge_is_refused_even_as_an_organiser(self):
        c = self.pledge("coorg", self.shared, kind="time", amount=1)
        self.assertError(self.act("coorg", c, "confirm"), 403)
        self.assertEqual(self.status_of(c, self.shared), "pledged")

    def test_unknown_contributions_are_404_and_bad_bodies_400(self):
        self.assertError(self.cast["author"].post("/api/v1/contributions/999999999/confirm"), 404)
        self.assertError(self.cast["author"].post("/api/v1/contributions/abc/confirm"), 404)
        c = self.pledge("giver", self.shared, kind="time", amount=1)
        self.assertError(self.act("giver", c, "deliver", {"note": "x"}), 400)
        self.assertError(self.act("author", c, "confirm", {"note": 5}), 400)
        self.assertEqual(self.status_of(c, self.shared), "pledged")

    def test_eight_concurrent_decisions_of_one_pledge_one_wins(self):
        c = self.pledge("giver", self.shared, kind="time", amount=1)
        statuses = []
        lock = threading.Lock()
        barrier = threading.Barrier(8)

        # One connection each: a client's connection serves one request at a time.
        clients = [self.server.client(token=self.cast["author" if i % 2 else "coorg"].token)
                   for i in range(8)]

        def decide(i):
            move = "confirm" if i % 3 else "decline"
            barrier.wait()
            reply = clients[i].post(f"/api/v1/contributions/{c['id']}/{move}")
            with lock:
                statuses.append(reply.status)
        threads = [threading.Thread(target=decide, args=(i,)) for i in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(sorted(statuses), [200] + [409] * 7)
        self.assertIn(self.status_of(c, self.shared), ("confirmed", "declined"))

    # -- notifications ----------------------------------------------------------

    def test_the_receiver_hears_of_a_pledge_and_the_giver_of_the_decision(self):
        item = self.initiative()
        a = self.pledge("giver", item, kind="time", amount=2)
        b = self.pledge("giver", item, kind="money", amount=100)
        self.assertEqual(len(self.notifications("author", "contribution_pledged", item["id"])), 2)
        ok(self.act("coorg", a, "confirm"))
        ok(self.act("author", b, "decline"))
        self.assertEqual(len(self.notifications("giver", "contribution_confirmed", item["id"])), 1)
        self.assertEqual(len(self.notifications("giver", "contribution_declined", item["id"])), 1)

    # -- listings and their totals --------------------------------------------

    def test_totals_reconcile_with_the_rows_of_every_listing(self):
        item = self.initiative()
        request = self.request()
        made = [self.pledge("giver", item, kind="time", amount=3),
                self.pledge("other", item, kind="money", amount=1250),
                self.pledge("giver", item, kind="item", amount=2),
                self.pledge("other", item, kind="knowledge"),
                self.pledge("giver", request, kind="time", amount=4),
                self.pledge("other", request, kind="support")]
        ok(self.act("author", made[0], "confirm"))
        ok(self.act("other", made[1], "withdraw"))
        ok(self.act("giver", made[4], "deliver"))
        ok(self.act("author", made[5], "decline"))
        rows, totals = self.all_rows(f"/api/v1/items/{item['id']}/contributions", "giver", limit=2)
        self.assertEqual(len(rows), 4)
        self.assertEqual(len({r["id"] for r in rows}), 4)
        self.assertReconciles(rows, totals)
        self.assertEqual((totals["time"]["confirmed"], totals["money"]["withdrawn"]), (3, 1250))
        for path, who in [(f"/api/v1/members/{self.cast['giver'].handle}/contributions", "giver"),
                          (f"/api/v1/members/{self.cast['giver'].handle}/contributions?role=given", "other"),
                          (f"/api/v1/members/{self.cast['author'].handle}/contributions?role=received", "author"),
                          (f"/api/v1/spaces/{self.closed}/contributions", "other")]:
            with self.subTest(path=path):
                rows, totals = self.all_rows(path, who, limit=4)
                self.assertTrue(rows)
                self.assertReconciles(rows, totals)
        given = self.all_rows(f"/api/v1/members/{self.cast['giver'].handle}/contributions?role=given", "giver")[0]
        self.assertTrue(all(r["giver"]["handle"] == self.cast["giver"].handle for r in given))
        self.assertError(self.cast["giver"].get(
            f"/api/v1/members/{self.cast['giver'].handle}/contributions?role=lent"), 400, "invalid_role")

    def test_secret_and_closed_spaces_leak_nothing(self):
        secret_item = self.initiative(space=self.secret, organise=False)
        c = self.pledge("giver", secret_item, kind="time", amount=6)
        for who in ["outsider", "other", "visitor"]:
            with self.subTest(who=who):
                missing = self.cast[who].get("/api/v1/items/999999999/contributions")
                hidden = self.cast[who].get(f"/api/v1/items/{secret_item['id']}/contributions")
                self.assertEqual((hidden.status, hidden.error_code()), (missing.status, missing.error_code()))
                missing = self.cast[who].get("/api/v1/spaces/lg-nowhere/contributions")
                hidden = self.cast[who].get(f"/api/v1/spaces/{self.secret}/contributions")
                self.assertEqual((hidden.status, hidden.error_code()), (missing.status, missing.error_code()))
                refused = self.act(who, c, "confirm")
                self.assertEqual(refused.status, 401 if who == "visitor" else 404)
                missing = self.cast[who].post("/api/v1/items/999999999/contributions", {"kind": "support"})
                hidden = self.cast[who].post(f"/api/v1/items/{secret_item['id']}/contributions", {"kind": "support"})
                self.assertEqual((hidden.status, hidden.error_code()), (missing.status, missing.error_code()))
                rows, totals = self.all_rows(f"/api/v1/members/{self.cast['giver'].handle}/contributions",
                                             who)
                self.assertNotIn(c["id"], [r["id"] for r in rows])
                self.assertReconciles(rows, totals)
        rows = self.all_rows(f"/api/v1/spaces/{self.secret}/contributions", "insider")[0]
        self.assertIn(c["id"], [r["id"] for r in rows])
        # The closed space's rows are for its members: an outsider sees none.
        rows, totals = self.all_rows(f"/api/v1/spaces/{self.closed}/contributions", "outsider")
        self.assertEqual(rows, [])
        self.assertReconciles(rows, totals)

    # -- the time bank ---------------------------------------------------------

    def test_the_time_bank_counts_confirmed_hours_and_open_ones_apart(self):
        giver, receiver = self.register("lg_tb_giver"), self.register("lg_tb_receiver")
        request = ok(receiver.post("/api/v1/items", {"kind": "request", "title": "Garden",
                                                     "body": "Weeding", "visibility": "public"}), 201)
        path = f"/api/v1/items/{request['id']}/contributions"
        a = ok(giver.post(path, {"kind": "time", "amount": 3}), 201)
        ok(giver.post(path, {"kind": "time", "amount": 2}), 201)
        ok(giver.post(path, {"kind": "money", "amount": 500}), 201)
        ok(receiver.post(f"/api/v1/contributions/{a['id']}/confirm"))
        self.assertEqual(ok(giver.get(f"/api/v1/members/{giver.handle}/time")),
                         {"given_hours": 3, "received_hours": 0, "balance": 3,
                          "open": {"given_hours": 2, "received_hours": 0}})
        self.assertEqual(ok(receiver.get(f"/api/v1/members/{receiver.handle}/time")),
                         {"given_hours": 0, "received_hours": 3, "balance": -3,
                          "open": {"given_hours": 0, "received_hours": 2}})
        self.assertError(receiver.get(f"/api/v1/members/{giver.handle}/time"), 403)
        self.assertError(self.cast["visitor"].get(f"/api/v1/members/{giver.handle}/time"), 401)
        self.assertError(giver.get("/api/v1/members/lg_nobody/time"), 404)
        ok(self.cast["suspended"].get(f"/api/v1/members/{self.cast['suspended'].handle}/time"))

    # -- co-organisers ---------------------------------------------------------

    def test_co_organisers_are_chosen_by_the_author_and_act_as_organisers(self):
        item = self.initiative(organise=False)
        path = f"/api/v1/items/{item['id']}/organisers"
        self.assertEqual(self.item(item)["organisers"], [])
        self.assertError(self.cast["other"].put(f"{path}/{self.cast['coorg'].handle}"), 403)
        self.assertError(self.cast["author"].put(f"{path}/{self.cast['outsider'].handle}"), 400,
                         "invalid_organiser")
        self.assertError(self.cast["author"].put(f"{path}/{self.cast['author'].handle}"), 400,
                         "invalid_organiser")
        self.assertError(self.cast["author"].put(f"{path}/lg_nobody"), 404)
        view = ok(self.cast["author"].put(f"{path}/{self.cast['coorg'].handle}"))
        self.assertEqual([m["handle"] for m in view["organisers"]], [self.cast["coorg"].handle])
        self.assertIn("underway", self.item(item, "coorg")["can"]["move_status"])
        c = self.pledge("giver", item, kind="time", amount=1)
        ok(self.cast["author"].delete(f"{path}/{self.cast['coorg'].handle}"))
        self.assertEqual(self.item(item)["organisers"], [])
        self.assertError(self.act("coorg", c, "confirm"), 403)
        ok(self.cast["author"].put(f"{path}/{self.cast['coorg'].handle}"))
        ok(self.cast["coorg"].post(f"/api/v1/items/{item['id']}/status", {"status": "underway"}))
        request = self.request()
        self.assertError(self.cast["author"].put(
            f"/api/v1/items/{request['id']}/organisers/{self.cast['coorg'].handle}"), 409, "no_organisers")

    # -- the minimum and the deadline -----------------------------------------

    def pass_deadline(self, item):
        db = self.db()
        with db:
            db.execute("UPDATE items SET deadline = ? WHERE id = ?",
                       (int(time.time() * 1_000_000) - 1_000_000, int(item["id"])))
        db.close()

    def wait_for_status(self, item, status):
        return wait_until(lambda: self.item(item)["status"] == status, timeout=15,
                          what=f"the initiative {status}")

    def test_an_initiative_that_reaches_its_minimum_moves_underway_at_the_deadline(self):
        item = self.initiative(goals=[{"kind": "time", "target": 10, "label": ""},
                                      {"kind": "money", "target": 1000, "label": ""}],
                               deadline=FUTURE, minimum=50)
        a = self.pledge("giver", item, kind="time", amount=5)
        self.pledge("other", item, kind="money", amount=600)
        self.pledge("coorg", item, kind="support")
        time.sleep(1.5)  # a sweep or more before the deadline moves nothing
        self.assertEqual(self.item(item)["status"], "open")
        self.pass_deadline(item)
        self.wait_for_status(item, "underway")
        history = ok(self.cast["author"].get(f"/api/v1/items/{item['id']}/status-history"))["items"]
        self.assertEqual((history[0]["from"], history[0]["to"], history[0]["actor"]["handle"]),
                         ("open", "underway", self.cast["author"].handle))
        self.assertIn("minimum", history[0]["note"])
        for who in ["giver", "other", "coorg"]:
            self.assertEqual(len(self.notifications(who, "initiative_minimum_reached", item["id"])), 1, who)
        self.assertEqual(self.status_of(a, item), "pledged")
        self.assertEqual([p["pledged"] for p in self.item(item)["progress"]], [5, 600])

    def test_an_initiative_short_of_its_minimum_fails_and_its_open_pledges_are_void(self):
        item = self.initiative(goals=[{"kind": "time", "target": 10, "label": ""},
                                      {"kind": "money", "target": 1000, "label": ""}],
                               deadline=FUTURE, minimum=50)
        a = self.pledge("giver", item, kind="time", amount=9)
        b = self.pledge("other", item, kind="money", amount=100)
        w = self.pledge("coorg", item, kind="money", amount=300)
        ok(self.act("coorg", w, "withdraw"))
        self.pass_deadline(item)
        self.wait_for_status(item, "failed")
        self.assertEqual((self.status_of(a, item), self.status_of(b, item), self.status_of(w, item)),
                         ("void", "void", "withdrawn"))
        for who in ["giver", "other"]:
            self.assertEqual(len(self.notifications(who, "initiative_minimum_missed", item["id"])), 1, who)
        self.assertEqual([p["pledged"] for p in self.item(item)["progress"]], [0, 0])
        self.assertError(self.act("author", a, "confirm"), 409, "invalid_transition")
        self.assertError(self.cast["giver"].post(f"/api/v1/items/{item['id']}/contributions",
                                                 {"kind": "support"}), 409, "item_closed")
        history = ok(self.cast["author"].get(f"/api/v1/items/{item['id']}/status-history"))["items"]
        self.assertEqual((history[0]["to"], history[0]["actor"]["handle"]), ("failed", self.cast["author"].handle))

    def test_without_a_minimum_the_deadline_moves_nothing(self):
        item = self.initiative(deadline=FUTURE)
        self.pledge("giver", item, kind="time", amount=1)
        self.pass_deadline(item)
        time.sleep(2.5)  # more than two sweeps at one a second
        self.assertEqual(self.item(item)["status"], "open")


if __name__ == "__main__":
    unittest.main()
