"""Open data: GET /api/v1/spaces/{s}/open-data.csv and .json give a space's
ideas and reports (kind=idea|report narrows) with no personal data beyond the
author's public handle. The rows are what GET /api/v1/items shows the same
viewer, without hidden items; the space answers as its feed does (a secret
one is a 404 to an outsider exactly like a missing one). The CSV is RFC 4180
(python's csv module reads it back) and guards cells against spreadsheet
formula injection."""
import csv
import io
import unittest

from kring_api import ApiTestCase, ok

COLUMNS = ["id", "kind", "title", "status", "category", "lat", "lon", "address", "votes",
           "created_at", "status_changed_at", "status_changes", "last_note", "author",
           "duplicate_of"]


def unguarded(cell):
    """A CSV cell as the API has it: without the formula guard's quote."""
    return cell[1:] if cell[:1] == "'" and cell[1:2] in ("=", "+", "-", "@", "\t", "\r") else cell


def csv_rows(reply):
    assert reply.status == 200, reply
    return list(csv.DictReader(io.StringIO(reply.body, newline="")))


class OpenData(ApiTestCase):
    def setUp(self):
        if hasattr(type(self), "host"):
            return
        cls = type(self)
        cls.admin = self.register("od_admin")
        cls.host = self.register("od_host")
        cls.resident = self.register("od_resident")
        cls.outsider = self.register("od_outsider")
        cls.slug = ok(cls.host.post("/api/v1/spaces", {
            "name": "Open data", "slug": "od-open", "kind": "neighbourhood",
            "visibility": "open"}), 201)["slug"]
        ok(cls.resident.post(f"/api/v1/spaces/{cls.slug}/members"), 200)
        cls.idea = self.post(cls.resident, "idea", "More benches, please")
        cls.report = self.post(cls.resident, "report", "Loose stone",
                               location={"lat": 52.0904, "lon": -5.1022, "address": "Damstraat 12"})
        cls.original = self.post(cls.host, "report", "Loose stone (first)")
        ok(cls.host.post(f"/api/v1/items/{cls.report['id']}/status",
                         {"status": "acknowledged", "note": "We have seen it, thanks"}))
        ok(cls.host.post(f"/api/v1/items/{cls.report['id']}/status",
                         {"status": "duplicate", "duplicate_of": cls.original["id"]}))
        ok(cls.host.post(f"/api/v1/items/{cls.idea['id']}/votes"))

    def post(self, who, kind, title, space=None, **extra):
        body = {"kind": kind, "title": title, "body": "details", "space": space or self.slug}
        if space is None:
            body["visibility"] = "public"
        if kind == "report":
            body["category"] = "pavement"
            body["location"] = {"lat": 52.09, "lon": 5.12, "address": "Oudegracht 1"}
        body.update(extra)
        return ok(who.post("/api/v1/items", body), 201)

    def listed(self, who, kind):
        return ok(who.get(f"/api/v1/items?kind={kind}&space={self.slug}&limit=100"))["items"]

    def path(self, fmt, slug=None, query=""):
        return f"/api/v1/spaces/{slug or self.slug}/open-data.{fmt}{query}"

    # -- shape ----------------------------------------------------------------

    def test_the_csv_has_a_header_and_the_items_the_api_lists(self):
        reply = self.anonymous().get(self.path("csv"))
        self.assertEqual(reply.header("Content-Type"), "text/csv; charset=utf-8")
        self.assertEqual(reply.header("Content-Disposition"),
                         f'attachment; filename="{self.slug}-ideas-and-reports.csv"')
        self.assertEqual(reply.body.split("\r\n")[0], ",".join(COLUMNS))
        rows = {r["id"]: r for r in csv_rows(reply)}
        listed = self.listed(self.anonymous(), "idea") + self.listed(self.anonymous(), "report")
        self.assertEqual(set(rows), {i["id"] for i in listed})
        for item in listed:
            row = rows[item["id"]]
            self.assertEqual((row["kind"], unguarded(row["title"]), row["status"]),
                             (item["kind"], item["title"], item["status"]))
            self.assertEqual(row["author"], item["author"]["handle"])
            self.assertEqual(row["created_at"], item["created_at"])
            self.assertEqual(int(row["votes"]), item["votes"])
            self.assertEqual(row["category"], item["category"] or "")
            self.assertEqual(row["duplicate_of"], item["duplicate_of"] or "")
            if item["location"]:
                self.assertEqual(float(row["lat"]), item["location"]["lat"])
                self.assertEqual(float(row["lon"]), item["location"]["lon"])
                self.assertEqual(row["address"], item["location"]["address"])
            else:
                self.assertEqual((row["lat"], row["lon"]), ("", ""))

    def test_a_negative_longitude_stays_a_number(self):
        row = next(r for r in csv_rows(self.anonymous().get(self.path("csv")))
                   if r["id"] == self.report["id"])
        self.assertEqual(row["lon"], "-5.1022")

    def test_the_json_has_the_same_items_with_numbers_as_numbers(self):
        reply = self.anonymous().get(self.path("json"))
        body = ok(reply)
        self.assertEqual(body["space"], self.slug)
        self.assertRegex(body["generated_at"], r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d")
        csv_by_id = {r["id"]: r for r in csv_rows(self.anonymous().get(self.path("csv")))}
        self.assertEqual([i["id"] for i in body["items"]], list(csv_by_id))
        for item in body["items"]:
            self.assertEqual(list(item), COLUMNS)
            row = csv_by_id[item["id"]]
            for column in COLUMNS:
                value = item[column]
                self.assertEqual("" if value is None else str(value), unguarded(row[column]),
                                 column)
        report = next(i for i in body["items"] if i["id"] == self.report["id"])
        self.assertIsInstance(report["lat"], float)
        self.assertIsInstance(report["votes"], int)
        self.assertEqual(report["status"], "duplicate")
        self.assertEqual(report["duplicate_of"], self.original["id"])
        self.assertEqual(report["status_changes"], 2)
        self.assertEqual(report["last_note"], "We have seen it, thanks")
        history = ok(self.anonymous().get(f"/api/v1/items/{self.report['id']}/status-history"))
        self.assertEqual(report["status_changed_at"], history["items"][0]["changed_at"])
        idea = next(i for i in body["items"] if i["id"] == self.idea["id"])
        self.assertEqual(idea["votes"], 1)
        self.assertIsNone(idea["status_changed_at"])
        self.assertEqual(idea["status_changes"], 0)

    def test_items_come_oldest_first(self):
        ids = [i["id"] for i in ok(self.anonymous().get(self.path("json")))["items"]]
        self.assertEqual(ids, sorted(ids, key=int))

    def test_the_kind_filter_narrows_to_ideas_or_reports(self):
        for kind in ("idea", "report"):
            with self.subTest(kind=kind):
                rows = csv_rows(self.anonymous().get(self.path("csv", query=f"?kind={kind}")))
                self.assertEqual({r["id"] for r in rows},
                                 {i["id"] for i in self.listed(self.anonymous(), kind)})
                self.assertEqual({r["kind"] for r in rows}, {kind})
                items = ok(self.anonymous().get(self.path("json", query=f"?kind={kind}")))["items"]
                self.assertEqual({i["kind"] for i in items}, {kind})

    def test_a_bad_kind_is_a_400(self):
        for kind in ("note", "dragon", ""):
            with self.subTest(kind=kind):
                self.assertError(self.anonymous().get(self.path("csv", query=f"?kind={kind}")), 400,
                                 "invalid_filter")
                self.assertError(self.anonymous().get(self.path("json", query=f"?kind={kind}")),
                                 400, "invalid_filter")

    def test_other_kinds_are_left_out(self):
        note = ok(self.resident.post("/api/v1/items", {"kind": "note", "body": "hello",
                                                       "space": self.slug}), 201)
        ids = {i["id"] for i in ok(self.resident.get(self.path("json")))["items"]}
        self.assertNotIn(note["id"], ids)

    # -- CSV quoting and formula injection ------------------------------------

    def test_commas_quotes_and_newlines_survive_the_round_trip(self):
        # A title holds no line breaks (invalid_text); a status note may.
        title = 'Bench, "old" one'
        note = "Ordered,\r\narrives \"soon\""
        item = self.post(self.resident, "report", title)
        ok(self.host.post(f"/api/v1/items/{item['id']}/status",
                          {"status": "acknowledged", "note": note}))
        reply = self.anonymous().get(self.path("csv", query="?kind=report"))
        self.assertIn('"Bench, ""old"" one"', reply.body)
        row = next(r for r in csv_rows(reply) if r["id"] == item["id"])
        self.assertEqual((row["title"], row["last_note"]), (title, note))
        items = ok(self.anonymous().get(self.path("json", query="?kind=report")))["items"]
        exported = next(i for i in items if i["id"] == item["id"])
        self.assertEqual((exported["title"], exported["last_note"]), (title, note))

    def test_cells_that_start_like_a_formula_get_a_single_quote(self):
        titles = ["=HYPERLINK(\"http://evil\",\"x\")", "+31 20 555", "-1 for this",
                  "@SUM(A1:A2)"]
        made = {self.post(self.resident, "idea", t)["id"]: t for t in titles}
        rows = {r["id"]: r for r in csv_rows(self.anonymous().get(self.path("csv")))}
        for item_id, title in made.items():
            with self.subTest(title=title):
                self.assertEqual(rows[item_id]["title"], "'" + title)
        items = {i["id"]: i for i in ok(self.anonymous().get(self.path("json")))["items"]}
        for item_id, title in made.items():
            self.assertEqual(items[item_id]["title"], title)

    # -- nothing personal -----------------------------------------------------

    def test_no_email_or_member_id_is_exported(self):
        for fmt in ("csv", "json"):
            with self.subTest(fmt=fmt):
                reply = self.host.get(self.path(fmt))
                self.assertEqual(reply.status, 200)
                self.assertNotIn("@example.org", reply.body)
                self.assertNotIn("email", reply.body)
        self.assertEqual(csv_rows(self.host.get(self.path("csv")))[0].keys(), set(COLUMNS))

    def test_a_suspended_authors_items_and_handle_are_left_out_as_in_the_listing(self):
        author = self.register("od_suspended")
        ok(author.post(f"/api/v1/spaces/{self.slug}/members"))
        item = self.post(author, "idea", "From someone about to be suspended")
        self.assertIn(author.handle, self.anonymous().get(self.path("csv")).body)
        self.assertEqual(self.admin.post(f"/api/v1/members/{author.handle}/suspend").status, 204)
        listed = {i["id"] for i in self.listed(self.host, "idea")}
        self.assertNotIn(item["id"], listed)
        for fmt in ("csv", "json"):
            with self.subTest(fmt=fmt):
                body = self.host.get(self.path(fmt)).body
                self.assertNotIn(author.handle, body)
                self.assertNotIn(item["id"], body)

    # -- who may read ---------------------------------------------------------

    def test_a_hidden_item_is_left_out(self):
        item = self.post(self.resident, "report", "Rude words here")
        self.assertIn(item["id"], self.anonymous().get(self.path("csv")).body)
        self.assertEqual(self.host.post(f"/api/v1/items/{item['id']}/hide").status, 204)
        for who in (self.anonymous(), self.resident, self.host):
            for fmt in ("csv", "json"):
                self.assertNotIn(item["id"], who.get(self.path(fmt)).body)

    def test_members_only_items_are_only_for_signed_in_viewers(self):
        item = self.post(self.resident, "idea", "For members", visibility="members")
        self.assertNotIn(item["id"], self.anonymous().get(self.path("json")).body)
        self.assertIn(item["id"], self.outsider.get(self.path("json")).body)

    def test_a_secret_space_is_a_404_to_an_outsider_exactly_like_a_missing_one(self):
        slug = ok(self.host.post("/api/v1/spaces", {"name": "Hidden", "slug": "od-secret",
                                                    "kind": "team", "visibility": "secret"}),
                  201)["slug"]
        self.post(self.host, "idea", "A secret idea", space=slug)
        self.assertEqual(len(ok(self.host.get(self.path("json", slug=slug)))["items"]), 1)
        # A missing slug of the same length, so the two bodies can be compared whole.
        nowhere = "x" * len(slug)
        for who in (self.outsider, self.anonymous()):
            for fmt in ("csv", "json"):
                with self.subTest(fmt=fmt):
                    secret = who.get(self.path(fmt, slug=slug))
                    missing = who.get(self.path(fmt, slug=nowhere))
                    self.assertEqual(secret.status, missing.status)
                    self.assertIn(secret.status, (401, 404))
                    self.assertEqual(secret.body.replace(slug, nowhere), missing.body)
                    self.assertNotIn("secret idea", secret.body)
                    self.assertEqual(secret.header("Content-Type"), missing.header("Content-Type"))
        self.assertEqual(self.outsider.get(self.path("csv", slug=slug)).status, 404)

    def test_a_closed_space_answers_outsiders_as_its_feed_does(self):
        ok(self.host.post("/api/v1/spaces", {"name": "Closed", "slug": "od-closed",
                                             "kind": "team", "visibility": "closed"}), 201)
        self.post(self.host, "report", "A closed report", space="od-closed")
        for who in (self.outsider, self.anonymous()):
            feed = who.get("/api/v1/spaces/od-closed/feed")
            self.assertIn(feed.status, (401, 403, 404))
            for fmt in ("csv", "json"):
                with self.subTest(fmt=fmt):
                    reply = who.get(self.path(fmt, slug="od-closed"))
                    self.assertEqual((reply.status, reply.error_code()),
                                     (feed.status, feed.error_code()))
                    self.assertNotIn("closed report", reply.body)
        rows = csv_rows(self.host.get(self.path("csv", slug="od-closed")))
        self.assertEqual([r["title"] for r in rows], ["A closed report"])

    def test_anonymous_viewers_read_a_public_space(self):
        reply = self.anonymous().get(self.path("json"))
        self.assertEqual(reply.status, 200)
        self.assertIn(self.idea["id"], [i["id"] for i in reply.json["items"]])


if __name__ == "__main__":
    unittest.main()
