"""GET /api/v1/places?q=: the location picker's address suggestions, taken
from the addresses on items the viewer may read (the listing's read rule).
Distinct addresses containing the text, those starting with it first, at
most 8, each with the point of its newest item. An address on an item the
viewer may not read (a secret space's, a closed space's to a non-member, a
deleted item's) is never suggested."""
import unittest
from urllib.parse import urlencode

from kring_api import ApiTestCase, ok


class PlaceSearch(ApiTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.owner = None

    def setUp(self):
        if type(self).owner is not None:
            return
        self.register("ps_admin")
        owner = self.register("ps_owner")
        type(self).stranger = self.register("ps_stranger")
        cat = ok(self.anonymous().get("/api/v1/vocabulary"))["categories"][0]
        type(self).cat = cat
        type(self).slugs = {}
        for visibility in ("open", "secret", "closed"):
            type(self).slugs[visibility] = ok(owner.post("/api/v1/spaces", {
                "name": "ps " + visibility, "slug": "ps-" + visibility, "kind": "neighbourhood",
                "visibility": visibility}), 201)["slug"]
        type(self).owner = owner

    def report(self, address, lat=52.09, lon=5.12, space="open"):
        body = {"kind": "report", "title": "Broken lamp", "body": "dark", "space": self.slugs[space],
                "category": self.cat, "location": {"lat": lat, "lon": lon, "address": address}}
        if space == "open":
            body["visibility"] = "public"
        return ok(self.owner.post("/api/v1/items", body), 201)

    def places(self, who, q):
        return ok(who.get("/api/v1/places?" + urlencode({"q": q})))["places"]

    def test_a_substring_finds_the_address_with_its_point(self):
        self.report("Lange Nieuwstraat 12, Utrecht", 52.0861, 5.1224)
        self.assertEqual(self.places(self.stranger, "nieuwstr"),
                         [{"address": "Lange Nieuwstraat 12, Utrecht", "lat": 52.0861, "lon": 5.1224}])
        self.assertEqual(self.places(self.anonymous(), "NIEUWSTRAAT"),
                         self.places(self.stranger, "nieuwstr"))

    def test_addresses_are_distinct_and_take_the_newest_point(self):
        self.report("Domplein 1", 52.0900, 5.1200)
        self.report("domplein 1", 52.0910, 5.1210)
        self.report("Domplein 1", 52.0907, 5.1213)
        found = self.places(self.stranger, "domplein")
        self.assertEqual(found, [{"address": "Domplein 1", "lat": 52.0907, "lon": 5.1213}])

    def test_those_starting_with_the_text_come_first(self):
        self.report("Achter de Vismarkt 3")
        self.report("Vismarkt 2")
        self.report("Oude Vismarkt 9")
        found = [p["address"] for p in self.places(self.stranger, "vismarkt")]
        self.assertEqual(found[0], "Vismarkt 2")
        self.assertEqual(sorted(found[1:]), ["Achter de Vismarkt 3", "Oude Vismarkt 9"])

    def test_at_most_eight(self):
        for n in range(11):
            self.report(f"Ganzenmarkt {n}")
        self.assertEqual(len(self.places(self.stranger, "ganzenmarkt")), 8)

    def test_wildcards_match_themselves(self):
        self.report("Plein 40-45")
        self.assertEqual(self.places(self.stranger, "%"), [])
        self.assertEqual(self.places(self.stranger, "_"), [])

    def test_a_secret_spaces_addresses_stay_inside(self):
        self.report("Geheimegang 7", space="secret")
        self.assertEqual(self.places(self.stranger, "geheimegang"), [])
        self.assertEqual(self.places(self.anonymous(), "geheimegang"), [])
        self.assertEqual([p["address"] for p in self.places(self.owner, "geheimegang")],
                         ["Geheimegang 7"])

    def test_a_closed_spaces_addresses_are_for_its_members(self):
        self.report("Slotlaan 5", space="closed")
        self.assertEqual(self.places(self.stranger, "slotlaan"), [])
        self.assertEqual(len(self.places(self.owner, "slotlaan")), 1)

    def test_a_deleted_items_address_is_gone(self):
        item = self.report("Wegstraat 99")
        self.assertEqual(len(self.places(self.stranger, "wegstraat")), 1)
        self.assertEqual(self.owner.delete(f"/api/v1/items/{item['id']}").status, 204)
        self.assertEqual(self.places(self.stranger, "wegstraat"), [])

    def test_bad_queries_are_refused(self):
        for q, code in (("", "missing_query"), ("   ", "missing_query"), ("x" * 201, "too_long"),
                        ("a\u202eb", "invalid_character")):
            with self.subTest(q=q[:10]):
                self.assertError(self.stranger.get("/api/v1/places?" + urlencode({"q": q})), 400, code)
        self.assertError(self.stranger.get("/api/v1/places"), 400, "missing_query")


if __name__ == "__main__":
    unittest.main()
