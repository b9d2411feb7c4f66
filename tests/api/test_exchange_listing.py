"""GET /api/v1/items for the exchange page: `skill=` narrows to the requests
and offers that name a skill (matched as typed in any case, as member skills
are), `open=true` to the statuses of the kind's workflow that are not closed
(GET /api/v1/vocabulary says which), both with the other filters and the
read rule; bad values are a 400 naming the filter."""
import unittest
from urllib.parse import urlencode

from kring_api import ApiTestCase, ok


class ExchangeListing(ApiTestCase):
    def build_shared(self):
        cast = self.register_cast("xl", ["asker", "helper", "outsider"])
        asker, helper = cast["asker"], cast["helper"]
        type(self).outsider = cast["outsider"]
        type(self).asker = asker
        kinds = {k["name"]: k for k in ok(self.anonymous().get("/api/v1/vocabulary"))["kinds"]}
        type(self).kinds = kinds
        type(self).slug = self.new_space(asker, "buurt", "open", [helper], name="Buurt")
        type(self).secret = self.new_space(asker, "hush", "secret", [helper], name="Hush")

        def post(who, space, **body):
            return ok(who.post("/api/v1/items", {"body": "details", "space": space, "visibility": "space", **body}), 201)
        type(self).sofa = post(asker, self.slug, kind="request", title="Sofa", skills=["Heavy Lifting", "driving"])
        type(self).shelf = post(asker, self.slug, kind="request", title="Shelf", skills=["carpentry"])
        type(self).gone = post(asker, self.slug, kind="request", title="Gone", skills=["heavy lifting"])
        ok(asker.post(f"/api/v1/items/{self.gone['id']}/status", {"status": "cancelled"}))
        type(self).van = post(helper, self.slug, kind="offer", title="Van", offer="help", skills=["Driving"])
        type(self).hidden = post(asker, self.secret, kind="request", title="Hidden", skills=["driving"])

    def ids(self, who, **params):
        out, cursor = [], None
        while True:
            q = dict(params, limit=2)
            if cursor:
                q["cursor"] = cursor
            page = ok(who.get("/api/v1/items?" + urlencode(q)))
            out += [i["id"] for i in page["items"]]
            cursor = page.get("next_cursor")
            if not cursor:
                return sorted(out)

    def test_skill_finds_requests_and_offers_that_name_it_in_any_case(self):
        self.assertEqual(self.ids(self.asker, space=self.slug, skill="DRIVING"), sorted([self.sofa["id"], self.van["id"]]))
        self.assertEqual(self.ids(self.asker, space=self.slug, skill=" heavy lifting"),
                         sorted([self.sofa["id"], self.gone["id"]]))
        self.assertEqual(self.ids(self.asker, space=self.slug, kind="offer", skill="driving"), [self.van["id"]])
        self.assertEqual(self.ids(self.asker, space=self.slug, skill="welding"), [])

    def test_open_leaves_out_the_closed_statuses(self):
        closed = set(self.kinds["request"]["closed_statuses"])
        self.assertIn("cancelled", closed)
        self.assertEqual(self.ids(self.asker, space=self.slug, kind="request", open="true"),
                         sorted([self.sofa["id"], self.shelf["id"]]))
        self.assertEqual(self.ids(self.asker, space=self.slug, kind="request", open="false"),
                         sorted([self.sofa["id"], self.shelf["id"], self.gone["id"]]))
        self.assertEqual(self.ids(self.asker, space=self.slug, kind="request", open="true", skill="heavy lifting"),
                         [self.sofa["id"]])

    def test_a_secret_spaces_items_stay_out_of_reach_of_outsiders(self):
        self.assertIn(self.hidden["id"], self.ids(self.asker, skill="driving"))
        self.assertNotIn(self.hidden["id"], self.ids(self.outsider, skill="driving"))
        self.assertNotIn(self.hidden["id"], self.ids(self.anonymous(), kind="request", open="true"))
        self.assertError(self.outsider.get(f"/api/v1/items?space={self.secret}&skill=driving"), 404)
        self.assertError(self.outsider.get("/api/v1/items?space=no-such-space&skill=driving"), 404)

    def test_bad_filters_are_a_400_naming_them(self):
        for query, code in [("kind=request&open=yes", "invalid_filter"),
                            ("open=true", "invalid_filter"),
                            ("kind=request&open=true&status=open", "invalid_filter"),
                            ("kind=note&open=true", "invalid_filter"),
                            ("skill=%20%20", "invalid_filter")]:
            reply = self.asker.get("/api/v1/items?" + query)
            self.assertError(reply, 400, code)
            self.assertIn(query.split("=")[0] if "open" not in query else "open", reply.json["error"]["message"])

    def test_the_cursor_belongs_to_its_skill(self):
        page = ok(self.asker.get(f"/api/v1/items?space={self.slug}&skill=driving&limit=1"))
        self.assertTrue(page.get("next_cursor"))
        self.assertError(self.asker.get(f"/api/v1/items?space={self.slug}&skill=carpentry&limit=1"
                                        f"&cursor={page['next_cursor']}"), 400)


if __name__ == "__main__":
    unittest.main()
