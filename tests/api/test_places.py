"""Places and categories on items: `location` {lat, lon, address?} and
`category`, taken by the kinds whose row in the kind table names them
(read from GET /api/v1/vocabulary); a report needs both. Bad input is a 400
with its code and writes nothing."""
import unittest

from kring_api import ApiTestCase


def ok(reply, status=200):
    assert reply.status == status, reply
    return reply.json


class Places(ApiTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.author = None

    def setUp(self):
        if type(self).author is not None:
            return
        self.register("pl_admin")
        type(self).author = self.register("pl_author")
        vocab = ok(self.anonymous().get("/api/v1/vocabulary"))
        type(self).categories = vocab["categories"]
        type(self).slug = ok(self.author.post("/api/v1/spaces", {
            "name": "Places", "slug": "places-open", "kind": "neighbourhood",
            "visibility": "open"}), 201)["slug"]

    def report(self, **extra):
        body = {"kind": "report", "title": "Broken lamp", "body": "dark at night",
                "space": self.slug, "visibility": "public",
                "location": {"lat": 52.09, "lon": 5.12, "address": "Oudegracht 1"},
                "category": self.categories[0]}
        body.update(extra)
        return self.author.post("/api/v1/items", body)

    def count_in_space(self):
        return len(ok(self.author.get(f"/api/v1/spaces/{self.slug}/feed"))["items"])

    def test_a_report_carries_its_location_and_category(self):
        item = ok(self.report(), 201)
        self.assertEqual(item["location"], {"lat": 52.09, "lon": 5.12, "address": "Oudegracht 1"})
        self.assertEqual(item["category"], self.categories[0])
        again = ok(self.author.get(f"/api/v1/items/{item['id']}"))
        self.assertEqual(again["location"]["lat"], 52.09)

    def test_a_note_has_no_location(self):
        item = ok(self.author.post("/api/v1/items", {"kind": "note", "body": "hi"}), 201)
        self.assertIsNone(item["location"])
        self.assertIsNone(item["category"])

    def test_bad_input_is_refused_and_writes_nothing(self):
        before = self.count_in_space()
        cases = [
            ({"location": {"lat": 91, "lon": 5}}, "invalid_location"),
            ({"location": {"lat": -90.5, "lon": 5}}, "invalid_location"),
            ({"location": {"lat": 52, "lon": 180.01}}, "invalid_location"),
            ({"location": {"lat": "52", "lon": 5}}, "invalid_location"),
            ({"location": {"lat": 52}}, "invalid_location"),
            ({"location": [52, 5]}, "invalid_location"),
            ({"location": {"lat": 52, "lon": 5, "height": 3}}, "invalid_location"),
            ({"location": None}, "missing_field"),
            ({"category": None}, "missing_field"),
            ({"category": "dragons"}, "unknown_category"),
        ]
        for extra, code in cases:
            with self.subTest(extra=extra):
                reply = self.report(**extra)
                self.assertEqual(reply.status, 400, reply)
                self.assertEqual(reply.json["error"]["code"], code)
        note = self.author.post("/api/v1/items", {"kind": "note", "body": "x", "space": self.slug,
                                                  "location": {"lat": 1, "lon": 2}})
        self.assertEqual(note.status, 400)
        self.assertEqual(note.json["error"]["code"], "unknown_field")
        note = self.author.post("/api/v1/items", {"kind": "note", "body": "x", "space": self.slug,
                                                  "category": self.categories[0]})
        self.assertEqual(note.json["error"]["code"], "unknown_field")
        self.assertEqual(self.count_in_space(), before)

    def test_the_unknown_category_message_lists_the_allowed_ones(self):
        reply = self.report(category="dragons")
        for c in self.categories:
            self.assertIn(c, reply.json["error"]["message"])

    def test_patch_moves_removes_and_refuses(self):
        item = ok(self.report(), 201)
        path = f"/api/v1/items/{item['id']}"
        moved = ok(self.author.patch(path, {"location": {"lat": -33.9, "lon": 151.2}}))
        self.assertEqual(moved["location"], {"lat": -33.9, "lon": 151.2, "address": ""})
        for body, code in [({"location": None}, "missing_field"),
                           ({"location": {"lat": 0, "lon": 200}}, "invalid_location"),
                           ({"category": "dragons"}, "unknown_category")]:
            reply = self.author.patch(path, body)
            self.assertEqual(reply.status, 400, reply)
            self.assertEqual(reply.json["error"]["code"], code)
        now = ok(self.author.get(path))
        self.assertEqual(now["location"]["lat"], -33.9)
        self.assertEqual(now["category"], self.categories[0])
        idea = ok(self.author.post("/api/v1/items", {
            "kind": "idea", "title": "A bench", "body": "by the pond", "space": self.slug,
            "location": {"lat": 52, "lon": 5}, "category": self.categories[1]}), 201)
        cleared = ok(self.author.patch(f"/api/v1/items/{idea['id']}",
                                       {"location": None, "category": None}))
        self.assertIsNone(cleared["location"])
        self.assertIsNone(cleared["category"])


if __name__ == "__main__":
    unittest.main()
