"""GET /api/v1/items/similar: the duplicate check before a report or idea is
posted. At most 5 open items of the kind the viewer may read: the same
category within radius_m (250) of the place, nearest first, then similar
text; never a closed one, never one the viewer may not read (not even as a
count); every bad input a 400 with its code, an unknown space a 404."""
import unittest
from urllib.parse import urlencode

from kring_api import ApiTestCase, ok

LAT, LON = 52.0907, 5.1214  # Utrecht, Domplein
M_PER_DEG_LAT = 111_195.0


class SimilarItems(ApiTestCase):
    def build_shared(self):
        c = self.register_cast("sim", ["owner", "author", "outsider"])
        c["anonymous"] = self.anonymous()
        slugs = {}
        for visibility in ["open", "secret"]:
            slugs[visibility] = ok(c["owner"].post("/api/v1/spaces", {
                "name": f"Similar {visibility}", "slug": f"similar-{visibility}", "kind": "neighbourhood",
                "visibility": visibility}), 201)["slug"]
        ok(c["author"].post(f"/api/v1/spaces/{slugs['open']}/members"))
        type(self).cast, type(self).slugs = c, slugs

    def report(self, title, north_m, category="lighting", where="open", author="author", lon=LON):
        body = {"kind": "report", "title": title, "body": "seen this morning", "category": category,
                "location": {"lat": LAT + north_m / M_PER_DEG_LAT, "lon": lon}, "space": self.slugs[where]}
        if where == "open":
            body["visibility"] = "public"
        return ok(self.cast[author].post("/api/v1/items", body), 201)

    def similar(self, who="author", **params):
        return self.cast[who].get("/api/v1/items/similar?" + urlencode(params))

    def ids(self, reply):
        body = ok(reply)
        self.assertEqual(body["radius_m"], 250)
        return [i["id"] for i in body["items"]]

    def test_the_same_category_within_250_m_nearest_first_and_not_at_300_m(self):
        lon = 5.2001  # a street of its own
        far = self.report("Lamp out far", 300, lon=lon)
        near = self.report("Lamp out near", 120, lon=lon)
        nearest = self.report("Lamp out nearest", -30, lon=lon)
        self.report("Pothole here", 10, category="road", lon=lon)
        found = self.ids(self.similar(kind="report", category="lighting", lat=LAT, lon=lon))
        self.assertEqual(found, [nearest["id"], near["id"]])
        self.assertNotIn(far["id"], found)
        item = ok(self.similar(kind="report", category="lighting", lat=LAT, lon=lon))["items"][0]
        self.assertEqual(set(item), set(ok(self.cast["author"].get(f"/api/v1/items/{item['id']}"))))

    def test_closed_ones_are_not_offered(self):
        lon = 5.2101
        vocab = ok(self.anonymous().get("/api/v1/vocabulary"))
        report = next(k for k in vocab["kinds"] if k["name"] == "report")
        self.assertEqual(set(report["closed_statuses"]), {"solved", "wont_fix", "duplicate"})
        item = self.report("Lamp out", 10, lon=lon)
        owner = self.cast["owner"]
        for status in ["acknowledged", "in_progress"]:
            ok(owner.post(f"/api/v1/items/{item['id']}/status", {"status": status}))
            self.assertEqual(self.ids(self.similar(kind="report", category="lighting", lat=LAT, lon=lon)),
                             [item["id"]], status)
        ok(owner.post(f"/api/v1/items/{item['id']}/status", {"status": "solved"}))
        self.assertEqual(self.ids(self.similar(kind="report", category="lighting", lat=LAT, lon=lon)), [])

    def test_a_text_match_is_found_after_the_place_ones_without_repeats(self):
        lon = 5.2201
        here = self.report("Flickering streetlamp", 20, lon=lon)
        there = self.report("Flickering streetlamp again", 4000, lon=lon)
        found = self.ids(self.similar(kind="report", category="lighting", lat=LAT, lon=lon,
                                      text="the streetlamp is flickering"))
        self.assertEqual(found[:2], [here["id"], there["id"]])
        self.assertEqual(len(found), len(set(found)))
        self.assertEqual(self.ids(self.similar(kind="idea", text="flickering streetlamp")), [])

    def test_a_secret_spaces_item_never_appears_for_an_outsider(self):
        lon = 5.2301
        secret = self.report("Secret lamp", 5, where="secret", author="owner", lon=lon)
        params = dict(kind="report", category="lighting", lat=LAT, lon=lon)
        self.assertEqual(self.ids(self.similar("owner", **params)), [secret["id"]])
        for who in ["outsider", "anonymous"]:
            self.assertEqual(self.ids(self.similar(who, **params)), [], who)
            self.assertEqual(self.ids(self.similar(who, kind="report", text="secret lamp")), [], who)
            self.assertError(self.similar(who, space=self.slugs["secret"], **params), 404)

    def test_a_visitor_sees_public_ones(self):
        lon = 5.2401
        item = self.report("Public lamp", 5, lon=lon)
        self.assertEqual(self.ids(self.similar("anonymous", kind="report", category="lighting", lat=LAT,
                                               lon=lon)), [item["id"]])

    def test_the_space_filter_narrows_to_the_space(self):
        lon = 5.2501
        inside = self.report("Lamp in space", 5, lon=lon)
        outside = ok(self.cast["author"].post("/api/v1/items", {
            "kind": "report", "title": "Lamp on profile", "body": "x", "category": "lighting",
            "location": {"lat": LAT, "lon": lon}}), 201)
        params = dict(kind="report", category="lighting", lat=LAT, lon=lon)
        self.assertEqual(set(self.ids(self.similar(**params))), {inside["id"], outside["id"]})
        self.assertEqual(self.ids(self.similar(space=self.slugs["open"], **params)), [inside["id"]])
        self.assertError(self.similar(space="no-such-space", **params), 404)

    def test_at_most_five(self):
        lon = 5.2601
        for n in range(7):
            self.report(f"Lamp {n}", 10 * n, lon=lon)
        self.assertEqual(len(self.ids(self.similar(kind="report", category="lighting", lat=LAT, lon=lon))), 5)

    def test_every_bad_input_is_a_400_naming_it(self):
        base = dict(kind="report", category="lighting", lat=LAT, lon=LON)
        cases = [
            ({k: v for k, v in base.items() if k != "kind"}, "invalid_filter"),
            ({**base, "kind": "poem"}, "unknown_kind"),
            ({**base, "kind": "note"}, "no_workflow"),
            ({**base, "category": "volcano"}, "unknown_category"),
            ({**base, "lat": "91"}, "invalid_location"),
            ({**base, "lon": "north"}, "invalid_location"),
            ({k: v for k, v in base.items() if k != "lon"}, "invalid_location"),
            ({"kind": "report", "text": "x" * 5000}, "invalid_filter"),
            ({"kind": "report"}, "nothing_to_compare"),
            ({"kind": "report", "category": "lighting"}, "nothing_to_compare"),
            ({"kind": "report", "lat": LAT, "lon": LON}, "nothing_to_compare"),
            ({"kind": "report", "text": "a b"}, "nothing_to_compare"),
        ]
        for params, code in cases:
            with self.subTest(params=params):
                self.assertError(self.similar(**params), 400, code)

    def test_similar_is_not_taken_for_an_item_id(self):
        # /api/v1/items/{id} would answer 404 for the id "similar".
        self.assertEqual(self.similar("anonymous", kind="report", text="anything here").status, 200)
        self.assertError(self.cast["author"].patch("/api/v1/items/similar", {"body": "x"}), 404)


if __name__ == "__main__":
    unittest.main()
