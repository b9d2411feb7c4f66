"""Every transition of the request, initiative and event rows of the kind
table (GET /api/v1/vocabulary), through POST /api/v1/items/{id}/status, for
each standing: the item's author, a co-organiser, the space's owner, an
instance admin, another member, a suspended member and a visitor. A move is
allowed exactly when the transition's `by` names a standing the actor holds;
a move only kring makes (`instance`) is refused to everyone; a refusal
changes nothing. (Offers' moves are the lending verbs': test_lending.py.)

Each case puts the item at the transition's `from` status directly in the
database (with sqlite3, as test_follow_ups.py ages rows), so that every
transition is tried from its own start whatever the path to it."""
import os
import sqlite3
import unittest

from kring_api import ApiTestCase, ok

BODIES = {
    "request": {"title": "Help with the gutter", "skills": ["ladders"]},
    "initiative": {"title": "A bench for the square", "goals": [{"kind": "time", "target": 10}]},
    "event": {"title": "Street dinner", "starts_at": "2031-06-01T17:00:00Z"},
}
STANDINGS = ["author", "coorganiser", "owner", "admin", "member", "suspended", "visitor"]


class ExchangeTransitions(ApiTestCase):
    def build_shared(self):
        c = self.register_cast("xt", ["owner", "author", "coorganiser", "member", "suspended"])
        type(self).slug = self.new_space(c["owner"], "xt-street", "open",
                                         [c["author"], c["coorganiser"], c["member"], c["suspended"]])
        self.assertEqual(c["admin"].post("/api/v1/members/xt_suspended/suspend").status, 204)
        c["visitor"] = self.anonymous()
        type(self).cast = c
        vocab = ok(self.anonymous().get("/api/v1/vocabulary"))
        type(self).kinds = {k["name"]: k for k in vocab["kinds"] if k["name"] in BODIES}

    def db(self):
        return sqlite3.connect(os.path.join(self.server.dir, "data", "kring.db"), timeout=10)

    def new_item(self, kind):
        item = ok(self.cast["author"].post("/api/v1/items", {
            "kind": kind, "body": "details", "space": self.slug, "visibility": "public", **BODIES[kind]}), 201)
        if kind in ("initiative", "event"):
            ok(self.cast["author"].put(f"/api/v1/items/{item['id']}/organisers/xt_coorganiser"))
        return item

    def put_at(self, item_id, status):
        db = self.db()
        with db:
            db.execute("UPDATE items SET status = ? WHERE id = ?", (status, int(item_id)))
        db.close()

    @staticmethod
    def holds(standing, by):
        held = {"author": {"author", "organiser"}, "coorganiser": {"organiser"},
                "owner": {"space_moderator", "space_owner"}, "admin": {"admin"}}.get(standing, set())
        return bool(held & set(by))

    def test_every_transition_for_every_standing(self):
        tried = 0
        for name, kind in self.kinds.items():
            item = self.new_item(name)
            path = f"/api/v1/items/{item['id']}"
            for t in kind["transitions"]:
                for standing in STANDINGS:
                    with self.subTest(kind=name, move=f"{t['from']}->{t['to']}", who=standing):
                        self.put_at(item["id"], t["from"])
                        reply = self.cast[standing].post(f"{path}/status", {"status": t["to"]})
                        if self.holds(standing, t["by"]):
                            self.assertEqual(ok(reply)["status"], t["to"])
                        else:
                            self.assertError(reply, 401 if standing == "visitor" else 403)
                            self.assertEqual(ok(self.cast["owner"].get(path))["status"], t["from"])
                        tried += 1
        self.assertGreater(tried, 7 * 10)

    def test_a_move_no_transition_names_is_refused_and_changes_nothing(self):
        for name, kind in self.kinds.items():
            item = self.new_item(name)
            moves = {(t["from"], t["to"]) for t in kind["transitions"]}
            missing = [(a, b) for a in kind["statuses"] for b in kind["statuses"] if a != b and (a, b) not in moves]
            for a, b in missing:
                with self.subTest(kind=name, move=f"{a}->{b}"):
                    self.put_at(item["id"], a)
                    reply = self.cast["author"].post(f"/api/v1/items/{item['id']}/status", {"status": b})
                    self.assertEqual(reply.status, 409, reply)
                    self.assertEqual(ok(self.cast["author"].get(f"/api/v1/items/{item['id']}"))["status"], a)

    def test_an_unknown_status_is_refused(self):
        item = self.new_item("request")
        self.assertError(self.cast["author"].post(f"/api/v1/items/{item['id']}/status", {"status": "gone"}), 400)


if __name__ == "__main__":
    unittest.main()
