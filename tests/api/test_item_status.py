"""Moving an item's status (POST /api/v1/items/{id}/status) and its history
(GET /api/v1/items/{id}/status-history): the kind table says which moves
exist and who may make each (read here from GET /api/v1/vocabulary, never
copied), the policy decides, every move is kept with its note, and the
item's author and repliers are told."""
import unittest

from kring_api import ApiTestCase, ok


class ItemStatus(ApiTestCase):
    def build_shared(self):
        c = self.register_cast("st", ["owner", "moderator", "author", "member", "outsider", "suspended"])
        vocab = ok(self.anonymous().get("/api/v1/vocabulary"))
        type(self).workflow = next(k for k in vocab["kinds"] if k["transitions"])
        type(self).plain = next(k for k in vocab["kinds"] if not k["statuses"])
        slugs = {}
        for visibility in ["open", "closed", "secret"]:
            slug = self.new_space(c["owner"], f"status-{visibility}", visibility,
                                  [c[name] for name in ["moderator", "author", "member", "suspended"]],
                                  kind="team")
            ok(c["owner"].post(f"/api/v1/spaces/{slug}/roles/{c['moderator'].handle}",
                               {"role": "moderator"}))
            slugs[visibility] = slug
        self.assertEqual(c["admin"].post(f"/api/v1/members/{c['suspended'].handle}/suspend").status, 204)
        c["anonymous"] = self.anonymous()
        type(self).cast = c
        type(self).slugs = slugs

    # -- helpers --------------------------------------------------------------

    def new_item(self, where, kind=None, author="author"):
        body = {"kind": (kind or self.workflow)["name"], "body": "is the kettle fixed?"}
        if where != "profile":
            body["space"] = self.slugs[where]
        if where == "open":
            body["visibility"] = "public"
        return ok(self.cast[author].post("/api/v1/items", body), 201)

    def move(self, who, item_id, status, note=None):
        body = {"status": status} if note is None else {"status": status, "note": note}
        return self.cast[who].post(f"/api/v1/items/{item_id}/status", body)

    def holds(self, who, where, standing):
        """Whether `who` holds the kind table's `standing` for an item by the
        author in `where` (the README's standings; suspension is checked apart)."""
        if standing == "author":
            return who == "author"
        if standing == "space_moderator":
            return where != "profile" and who in ("moderator", "owner")
        if standing == "space_owner":
            return where != "profile" and who == "owner"
        if standing == "admin":
            return who == "admin" and where in ("profile", "open")  # admins read no closed space
        raise AssertionError(standing)

    def driver(self, where, transition):
        """A member who may make the transition, to bring an item to a status."""
        for who in ["author", "owner", "admin"]:
            if any(self.holds(who, where, s) for s in transition["by"]):
                return who
        return None

    def bring_to(self, where, item_id, status):
        """Moves the item from its kind's initial status to `status` along the
        kind's transitions; False when no member here may."""
        current = self.workflow["initial_status"]
        path, seen = [], {current}
        frontier = [(current, [])]
        while frontier:
            at, steps = frontier.pop(0)
            if at == status:
                path = steps
                break
            for t in self.workflow["transitions"]:
                if t["from"] == at and t["to"] not in seen and self.driver(where, t):
                    seen.add(t["to"])
                    frontier.append((t["to"], steps + [t]))
        else:
            return current == status
        for t in path:
            ok(self.move(self.driver(where, t), item_id, t["to"]))
        return True

    # -- who may make each move --------------------------------------------------

    def test_every_transition_is_allowed_exactly_to_the_standings_the_kind_table_names(self):
        checked = {True: 0, False: 0}
        for where in ["profile", "open", "closed", "secret"]:
            for t in self.workflow["transitions"]:
                for who in ["author", "owner", "moderator", "member", "outsider", "admin",
                            "suspended", "anonymous"]:
                    with self.subTest(where=where, move=f"{t['from']}->{t['to']}", who=who):
                        item = self.new_item(where)
                        if not self.bring_to(where, item["id"], t["from"]):
                            continue
                        read = self.cast[who].get(f"/api/v1/items/{item['id']}")
                        may = (who != "suspended" and who != "anonymous" and
                               any(self.holds(who, where, s) for s in t["by"]))
                        r = self.move(who, item["id"], t["to"], "because")
                        if read.status == 404:
                            self.assertError(r, 401 if who == "anonymous" else
                                             (403 if who == "suspended" else 404))
                            continue
                        self.assertEqual(read.status, 200, read)
                        self.assertEqual(t["to"] in read.json["can"]["move_status"], may,
                                         f"can.move_status {read.json['can']['move_status']}")
                        if may:
                            self.assertEqual(ok(r)["status"], t["to"])
                        else:
                            self.assertError(r, 401 if who == "anonymous" else 403)
                            after = ok(self.cast["author"].get(f"/api/v1/items/{item['id']}"))
                            self.assertEqual(after["status"], t["from"])  # nothing changed
                        checked[may] += 1
        self.assertGreater(checked[True], 10, checked)
        self.assertGreater(checked[False], 10, checked)

    def test_can_move_status_lists_exactly_what_the_endpoint_accepts_for_every_viewer(self):
        statuses = self.workflow["statuses"]
        for where in ["profile", "open", "closed"]:
            for who in self.cast:
                with self.subTest(where=where, who=who):
                    item = self.new_item(where)
                    read = self.cast[who].get(f"/api/v1/items/{item['id']}")
                    if read.status == 404:
                        continue
                    offered = read.json["can"]["move_status"]
                    for status in statuses:
                        r = self.move(who, item["id"], status)
                        self.assertEqual(r.status == 200, status in offered, (status, r))
                        if r.status == 200:  # back where it was, for the next status
                            self.bring_back(where, item["id"])

    def bring_back(self, where, item_id):
        initial = self.workflow["initial_status"]
        now = ok(self.cast["author"].get(f"/api/v1/items/{item_id}"))["status"]
        if now != initial:
            t = next(t for t in self.workflow["transitions"] if t["from"] == now and t["to"] == initial)
            ok(self.move(self.driver(where, t), item_id, initial))

    def test_items_without_a_workflow_offer_no_move(self):
        item = self.new_item("profile", kind=self.plain)
        self.assertEqual(item["can"]["move_status"], [])
        self.assertIsNone(item["status"])
        feed = ok(self.cast["member"].get(f"/api/v1/members/{self.cast['author'].handle}/feed"))
        self.assertTrue(all(isinstance(i["can"]["move_status"], list) for i in feed["items"]))

    # -- errors -----------------------------------------------------------------

    def first_move(self):
        initial = self.workflow["initial_status"]
        return next(t for t in self.workflow["transitions"] if t["from"] == initial)

    def test_an_unknown_status_is_400_naming_the_kinds_statuses(self):
        item = self.new_item("profile")
        r = self.move("author", item["id"], "fixed-by-magic")
        self.assertError(r, 400, "invalid_status")
        for status in self.workflow["statuses"]:
            self.assertIn(f"'{status}'", r.json["error"]["message"])
        self.assertEqual(ok(self.cast["author"].get(f"/api/v1/items/{item['id']}"))["status"],
                         self.workflow["initial_status"])

    def test_a_kind_without_workflow_is_409_no_workflow(self):
        item = self.new_item("profile", kind=self.plain)
        self.assertError(self.move("author", item["id"], self.workflow["initial_status"]), 409,
                         "no_workflow")

    def test_the_same_status_is_409_invalid_transition_naming_the_allowed_moves(self):
        item = self.new_item("profile")
        r = self.move("author", item["id"], self.workflow["initial_status"])
        self.assertError(r, 409, "invalid_transition")
        self.assertEqual(r.json["error"]["allowed"], item["can"]["move_status"])
        self.assertIn(self.first_move()["to"], r.json["error"]["allowed"])
        self.assertIn("already", r.json["error"]["message"])

    def test_a_move_the_kind_has_not_from_here_is_409_with_the_actors_allowed_moves(self):
        statuses = set(self.workflow["statuses"])
        initial = self.workflow["initial_status"]
        unreachable = [s for s in statuses if s != initial and not any(
            t["from"] == initial and t["to"] == s for t in self.workflow["transitions"])]
        item = self.new_item("profile")
        # The moves out of the initial status exist; a plain member may make none.
        r = self.move("member", item["id"], initial)
        self.assertError(r, 409, "invalid_transition")
        self.assertEqual(r.json["error"]["allowed"], [])
        for s in unreachable:
            r = self.move("author", item["id"], s)
            self.assertError(r, 409, "invalid_transition")
            self.assertEqual(r.json["error"]["allowed"], item["can"]["move_status"])

    def test_no_standing_is_403_and_an_invisible_item_is_404(self):
        t = self.first_move()
        item = self.new_item("profile")
        self.assertError(self.move("member", item["id"], t["to"]), 403, "forbidden")
        closed = self.new_item("closed")
        self.assertError(self.move("outsider", closed["id"], t["to"]), 404, "not_found")
        self.assertError(self.move("outsider", "999999999", t["to"]), 404, "not_found")
        self.assertError(self.move("anonymous", closed["id"], t["to"]), 401)
        self.assertError(self.move("suspended", item["id"], t["to"]), 403)

    def test_bad_bodies_are_400_and_change_nothing(self):
        t = self.first_move()
        item = self.new_item("profile")
        path = f"/api/v1/items/{item['id']}/status"
        a = self.cast["author"]
        self.assertError(a.post(path, {}), 400)
        self.assertError(a.post(path, {"status": 3}), 400)
        self.assertError(a.post(path, {"status": t["to"], "colour": "red"}), 400)
        self.assertError(a.post(path, {"status": t["to"], "note": "x" * 1001}), 400)
        self.assertError(a.post(path, {"status": t["to"], "note": "evil \u202e txt"}), 400,
                         "invalid_character")
        self.assertEqual(ok(a.get(f"/api/v1/items/{item['id']}"))["status"], t["from"])
        self.assertEqual(ok(a.get(f"/api/v1/items/{item['id']}/status-history"))["items"], [])

    # -- history ------------------------------------------------------------------

    def test_every_move_is_kept_with_its_note_newest_first_and_pages(self):
        t = self.first_move()
        back = next(b for b in self.workflow["transitions"] if b["from"] == t["to"] and b["to"] == t["from"])
        item = self.new_item("open")
        for i in range(5):
            ok(self.move("author", item["id"], t["to"], f"note {i} **plain**"))
            ok(self.move("moderator", item["id"], back["to"]))
        pages, cursor = [], None
        while True:
            q = f"?limit=3" + (f"&cursor={cursor}" if cursor else "")
            page = ok(self.cast["outsider"].get(f"/api/v1/items/{item['id']}/status-history{q}"))
            pages.append(page["items"])
            cursor = page["next_cursor"]
            if not cursor:
                break
        entries = [e for p in pages for e in p]
        self.assertEqual([len(p) for p in pages], [3, 3, 3, 1])
        self.assertEqual(len({e["id"] for e in entries}), 10)
        self.assertEqual([e["to"] for e in entries[:2]], [back["to"], t["to"]])
        self.assertEqual(entries[1]["note"], "note 4 **plain**")  # plain text, kept as written
        self.assertEqual(entries[1]["actor"]["handle"], self.cast["author"].handle)
        self.assertEqual(entries[0]["actor"]["handle"], self.cast["moderator"].handle)
        self.assertEqual(entries[0]["note"], "")
        self.assertEqual(entries[-1]["from"], self.workflow["initial_status"])
        self.assertTrue(all(e["changed_at"].endswith("Z") for e in entries))
        self.assertError(self.cast["outsider"].get(
            f"/api/v1/items/{item['id']}/status-history?cursor=bogus"), 400, "invalid_cursor")

    def test_the_history_is_for_whoever_may_read_the_item(self):
        t = self.first_move()
        item = self.new_item("closed")
        ok(self.move("author", item["id"], t["to"], "done"))
        path = f"/api/v1/items/{item['id']}/status-history"
        self.assertEqual(len(ok(self.cast["member"].get(path))["items"]), 1)
        self.assertError(self.cast["outsider"].get(path), 404)
        self.assertError(self.cast["anonymous"].get(path), 404)
        public = self.new_item("open")
        ok(self.move("author", public["id"], t["to"]))
        self.assertEqual(len(ok(self.cast["anonymous"].get(
            f"/api/v1/items/{public['id']}/status-history"))["items"]), 1)

    def test_a_suspended_actors_move_stays_without_them_or_their_note(self):
        t = self.first_move()
        c = self.cast
        slug = self.slugs["open"]
        host = self.register("st_host_later_gone")
        ok(host.post(f"/api/v1/spaces/{slug}/members"))
        ok(c["owner"].post(f"/api/v1/spaces/{slug}/roles/{host.handle}", {"role": "moderator"}))
        item = self.new_item("open")
        ok(host.post(f"/api/v1/items/{item['id']}/status", {"status": t["to"], "note": "mine"}))
        path = f"/api/v1/items/{item['id']}/status-history"
        self.assertEqual(ok(c["member"].get(path))["items"][0]["note"], "mine")
        self.assertEqual(c["admin"].post(f"/api/v1/members/{host.handle}/suspend").status, 204)
        entry = ok(c["member"].get(path))["items"][0]
        self.assertEqual((entry["actor"], entry["note"], entry["to"]), (None, "", t["to"]))
        # A block hides the actor the same way, to the one who blocked.
        ok(self.move("moderator", item["id"], t["from"], "reopened"))
        reader = self.register("st_blocking_reader")
        ok(reader.post(f"/api/v1/members/{c['moderator'].handle}/block"))
        entry = ok(reader.get(path))["items"][0]
        self.assertEqual((entry["actor"], entry["note"]), (None, ""))
        self.assertEqual(ok(c["member"].get(path))["items"][0]["note"], "reopened")

    # -- who is told --------------------------------------------------------------

    def told(self, who):
        items = ok(self.cast[who].get("/api/v1/notifications?limit=100"))["items"]
        return [n for n in items if n["kind"] == "status_changed"]

    def test_the_author_and_every_replier_are_told_once_not_the_actor(self):
        t = self.first_move()
        item = self.new_item("profile")
        replier, twice, blocker, quiet = (self.register("st_replier"), self.register("st_twice"),
                                          self.register("st_blocker"), self.register("st_quiet"))
        for client in [replier, twice, twice, blocker]:
            ok(client.post(f"/api/v1/items/{item['id']}/replies", {"body": "me too"}), 201)
        ok(blocker.post(f"/api/v1/members/{self.cast['admin'].handle}/block"))
        ok(self.move("admin", item["id"], t["to"], "sorted"))
        about = [n for n in self.told("author") if n["item_id"] == item["id"]]
        self.assertEqual([n["actor"]["handle"] for n in about], [self.cast["admin"].handle])
        for client in [replier, twice]:
            mine = [n for n in ok(client.get("/api/v1/notifications"))["items"]
                    if n["kind"] == "status_changed"]
            self.assertEqual([n["item_id"] for n in mine], [item["id"]], client.handle)
        for client in [blocker, quiet]:
            mine = [n for n in ok(client.get("/api/v1/notifications"))["items"]
                    if n["kind"] == "status_changed"]
            self.assertEqual(mine, [], client.handle)
        self.assertEqual([n for n in self.told("admin") if n["item_id"] == item["id"]], [])

    def test_an_authors_own_move_tells_only_the_repliers(self):
        t = self.first_move()
        item = self.new_item("closed")
        ok(self.cast["member"].post(f"/api/v1/items/{item['id']}/replies", {"body": "+1"}), 201)
        ok(self.move("author", item["id"], t["to"]))
        self.assertNotIn(item["id"], [n["item_id"] for n in self.told("author")])
        self.assertIn(item["id"], [n["item_id"] for n in self.told("member")])
        self.assertNotIn(item["id"], [n["item_id"] for n in self.told("outsider")])


if __name__ == "__main__":
    unittest.main()
