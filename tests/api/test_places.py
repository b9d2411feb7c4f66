"""Places and categories on items: `location` {lat, lon, address?} and
`category`, taken by the kinds whose row in the kind table names them
(read from GET /api/v1/vocabulary); a report needs both. Bad input is a 400
with its code and writes nothing."""
import math
import unittest
from urllib.parse import urlencode

from kring_api import ApiTestCase, ok


class Places(ApiTestCase):
    def build_shared(self):
        type(self).author = self.register_cast("pl", ["author"])["author"]
        vocab = ok(self.anonymous().get("/api/v1/vocabulary"))
        type(self).categories = vocab["categories"]
        type(self).slug = self.new_space(self.author, "places-open", "open", name="Places")

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


def haversine_km(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0088 * math.asin(min(1, math.sqrt(a)))


class Listing(ApiTestCase):
    """GET /api/v1/items over a 6 x 6 grid of reports and ideas, 0.01 degree
    apart around Utrecht, in an open space; one report in a closed one."""

    def build_shared(self):
        cast = self.register_cast("ls", ["owner", "stranger"])
        owner = cast["owner"]
        type(self).stranger = cast["stranger"]
        cats = ok(self.anonymous().get("/api/v1/vocabulary"))["categories"]
        type(self).cats = cats
        slug = self.new_space(owner, "grid", "open", name="Grid")
        closed = self.new_space(owner, "hush", "closed", name="Hush")
        grid = []
        for i in range(6):
            for j in range(6):
                kind = "report" if (i + j) % 2 == 0 else "idea"
                body = {"kind": kind, "title": f"p{i}{j}", "body": f"point #t{i % 2}",
                        "space": slug, "visibility": "public", "category": cats[j % 2],
                        "location": {"lat": 52.0 + 0.01 * i, "lon": 5.0 + 0.01 * j}}
                item = ok(owner.post("/api/v1/items", body), 201)
                grid.append(item)
        hidden = ok(owner.post("/api/v1/items", {
            "kind": "report", "title": "secret", "body": "x", "space": closed,
            "category": cats[0], "location": {"lat": 52.02, "lon": 5.02}}), 201)
        type(self).owner, type(self).slug, type(self).closed = owner, slug, closed
        type(self).grid, type(self).hidden = grid, hidden

    def ids(self, who, **params):
        out, cursor = [], None
        while True:
            q = dict(params, limit=7)
            if cursor:
                q["cursor"] = cursor
            page = ok(who.get("/api/v1/items?" + urlencode(q)))
            out += [i["id"] for i in page["items"]]
            cursor = page.get("next_cursor")
            if not cursor:
                return out

    def expect(self, pred):
        return [i["id"] for i in sorted(self.grid, key=lambda i: int(i["id"]), reverse=True) if pred(i)]

    def test_bbox_matches_the_points_inside(self):
        box = (52.015, 5.005, 52.045, 5.035)
        def inside(i):
            l = i["location"]
            return box[0] <= l["lat"] <= box[2] and box[1] <= l["lon"] <= box[3]
        got = self.ids(self.stranger, bbox=",".join(map(str, box)), space=self.slug)
        self.assertEqual(got, self.expect(inside))
        self.assertEqual(len(got), 9)

    def test_near_matches_haversine(self):
        for km in [0.5, 1.2, 2.5]:
            with self.subTest(km=km):
                got = self.ids(self.stranger, near=f"52.02,5.02,{km}", space=self.slug)
                want = self.expect(lambda i: haversine_km(52.02, 5.02, i["location"]["lat"],
                                                          i["location"]["lon"]) <= km)
                self.assertEqual(got, want)

    def test_filters_combine(self):
        self.assertEqual(self.ids(self.stranger, kind="report", space=self.slug),
                         self.expect(lambda i: i["kind"] == "report"))
        self.assertEqual(self.ids(self.stranger, kind="idea", status="open", category=self.cats[1]),
                         self.expect(lambda i: i["kind"] == "idea" and i["category"] == self.cats[1]))
        self.assertEqual(self.ids(self.stranger, kind="report", status="solved"), [])
        self.assertEqual(self.ids(self.stranger, tag="t1", space=self.slug),
                         self.expect(lambda i: "t1" in i["tags"]))

    def test_a_closed_space_item_never_shows_to_a_stranger(self):
        everything = self.ids(self.stranger, bbox="-90,-180,90,180")
        self.assertNotIn(self.hidden["id"], everything)
        self.assertEqual(len(everything), 36)
        self.assertIn(self.hidden["id"], self.ids(self.owner, bbox="52,5,52.05,5.05"))
        # The space filter answers as the space's own feed does (a closed
        # space's is 403 to a stranger), an unknown space 404.
        self.assertEqual(self.stranger.get(f"/api/v1/items?space={self.closed}").status,
                         self.stranger.get(f"/api/v1/spaces/{self.closed}/feed").status)
        self.assertEqual(self.stranger.get("/api/v1/items?space=nowhere").status, 404)

    def test_sort_votes_puts_the_most_supported_first_and_pages_on_the_count(self):
        ideas = [i for i in self.grid if i["kind"] == "idea"][:4]
        voters = [self.register(f"pl_voter{n}") for n in range(3)]
        for voter in voters:
            self.assertEqual(voter.post(f"/api/v1/spaces/{self.slug}/members").status, 200)
        for idea, count in zip(ideas, [1, 3, 0, 2]):
            for voter in voters[:count]:
                ok(voter.post(f"/api/v1/items/{idea['id']}/votes"))
        # The board spans every status: the most supported idea is under review.
        ok(self.owner.post(f"/api/v1/items/{ideas[1]['id']}/status", {"status": "under_review"}))
        listed = []
        cursor = None
        while True:
            q = {"kind": "idea", "space": self.slug, "sort": "votes", "limit": 1}
            if cursor:
                q["cursor"] = cursor
            page = ok(self.stranger.get("/api/v1/items?" + urlencode(q)))
            listed += [(i["id"], i["votes"]) for i in page["items"]]
            cursor = page.get("next_cursor")
            if not cursor:
                break
        counts = [votes for _, votes in listed]
        self.assertEqual(counts, sorted(counts, reverse=True))
        self.assertEqual([i for i, _ in listed[:3]], [ideas[1]["id"], ideas[3]["id"], ideas[0]["id"]])
        self.assertEqual(len(listed), len([i for i in self.grid if i["kind"] == "idea"]))
        # Among equal counts, the newest first.
        zero = [i for i, votes in listed if votes == 0]
        self.assertEqual(zero, sorted(zero, key=int, reverse=True))

    def test_bad_filters_are_400(self):
        for query, code in [("bbox=1,2,3", "invalid_filter"), ("bbox=a,b,c,d", "invalid_filter"),
                            ("bbox=52,5,51,6", "invalid_location"), ("bbox=0,0,91,1", "invalid_location"),
                            ("near=52,5,101", "invalid_filter"), ("near=52,5,0", "invalid_filter"),
                            ("near=95,5,1", "invalid_location"), ("kind=dragon", "unknown_kind"),
                            ("status=open", "invalid_status"), ("kind=report&status=open", "invalid_status"),
                            ("category=dragons", "unknown_category"), ("sort=loudest", "invalid_filter")]:
            with self.subTest(query=query):
                reply = self.stranger.get("/api/v1/items?" + query)
                self.assertEqual(reply.status, 400, reply)
                self.assertEqual(reply.json["error"]["code"], code)


if __name__ == "__main__":
    unittest.main()
