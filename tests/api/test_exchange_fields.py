"""The fields of requests, offers, initiatives and events on POST and PATCH
/api/v1/items: each kind takes the fields its row of the kind table names
(GET /api/v1/vocabulary), reads them back in one shape, refuses bad values
with a clear 400 and changes nothing, and removes an optional one on null."""
import unittest

from kring_api import ApiTestCase, ok

FUTURE = "2031-05-01T09:00:00Z"
LATER = "2031-05-01T12:00:00Z"
PAST = "2020-01-01T00:00:00Z"


class ExchangeFields(ApiTestCase):
    def build_shared(self):
        type(self).author = self.register("xf_author")

    def post(self, **body):
        return self.author.post("/api/v1/items", {"body": "details", **body})

    def feed(self):
        return [i["id"] for i in ok(self.author.get("/api/v1/members/xf_author/feed"))["items"]]

    def test_a_request_keeps_its_skills_times_and_place(self):
        item = ok(self.post(kind="request", title="Help moving a sofa", skills=["Lifting", "driving", "lifting"],
                            starts_at=FUTURE, ends_at=LATER, location={"lat": 52.08, "lon": 5.13}), 201)
        self.assertEqual(item["skills"], ["Lifting", "driving"])  # duplicates ignoring case go
        self.assertEqual((item["starts_at"], item["ends_at"]), (FUTURE, LATER))
        self.assertEqual(item["status"], "open")
        self.assertEqual(ok(self.author.get(f"/api/v1/items/{item['id']}"))["skills"], ["Lifting", "driving"])

    def test_an_offer_needs_its_mode_and_may_expire(self):
        item = ok(self.post(kind="offer", title="Ladder", offer="lend", expires_at=FUTURE), 201)
        self.assertEqual((item["offer"], item["expires_at"], item["status"]), ("lend", FUTURE, "available"))
        self.assertError(self.post(kind="offer", title="Drill"), 400, "missing_field")
        self.assertError(self.post(kind="offer", title="Drill", offer="sell"), 400, "invalid_offer")
        self.assertError(self.post(kind="offer", title="Drill", offer="lend", expires_at=PAST), 400,
                         "invalid_expires_at")

    def test_an_initiative_keeps_its_goals_in_order_with_deadline_and_minimum(self):
        goals = [{"kind": "time", "target": 40, "label": ""}, {"kind": "money", "target": 200000, "label": ""},
                 {"kind": "item", "target": 5, "label": "ladders"}]
        item = ok(self.post(kind="initiative", title="Paint the community centre", goals=goals,
                            deadline=FUTURE, minimum=50), 201)
        self.assertEqual(item["goals"], goals)
        self.assertEqual((item["deadline"], item["minimum"], item["status"]), (FUTURE, 50, "open"))

    def test_an_event_needs_a_start_and_keeps_its_capacity(self):
        item = ok(self.post(kind="event", title="Repair café", starts_at=FUTURE, ends_at=LATER, capacity=12), 201)
        self.assertEqual((item["capacity"], item["status"]), (12, "scheduled"))
        self.assertError(self.post(kind="event", title="Repair café"), 400, "missing_field")

    def test_bad_values_are_refused_and_nothing_is_posted(self):
        before = self.feed()
        goal = {"kind": "time", "target": 4}
        cases = [
            ({"kind": "initiative", "title": "I", "goals": [{"kind": "karma", "target": 4}]}, "unknown_goal_kind"),
            ({"kind": "initiative", "title": "I", "goals": [{"kind": "money", "target": -5}]}, "invalid_goals"),
            ({"kind": "initiative", "title": "I", "goals": [{"kind": "money", "target": 0}]}, "invalid_goals"),
            ({"kind": "initiative", "title": "I", "goals": [{"kind": "time", "target": 10**9}]}, "invalid_goals"),
            ({"kind": "initiative", "title": "I", "goals": [{"kind": "time", "target": 1.5}]}, "invalid_goals"),
            ({"kind": "initiative", "title": "I", "goals": [{"kind": "item", "target": 3}]}, "invalid_goals"),
            ({"kind": "initiative", "title": "I", "goals": [{"kind": "time", "target": 3, "x": 1}]}, "invalid_goals"),
            ({"kind": "initiative", "title": "I", "goals": []}, "invalid_goals"),
            ({"kind": "initiative", "title": "I", "goals": "lots"}, "invalid_goals"),
            ({"kind": "initiative", "title": "I", "goals": [goal] * 11}, "invalid_goals"),
            ({"kind": "initiative", "title": "I", "goals": [goal], "minimum": 50}, "invalid_minimum"),
            ({"kind": "initiative", "title": "I", "goals": [goal], "minimum": 150, "deadline": FUTURE},
             "invalid_minimum"),
            ({"kind": "initiative", "title": "I", "goals": [goal], "deadline": PAST}, "invalid_deadline"),
            ({"kind": "initiative", "title": "I"}, "missing_field"),
            ({"kind": "event", "title": "E", "starts_at": LATER, "ends_at": FUTURE}, "invalid_time"),
            ({"kind": "event", "title": "E", "starts_at": "tomorrow"}, "invalid_time"),
            ({"kind": "event", "title": "E", "starts_at": FUTURE, "capacity": 0}, "invalid_capacity"),
            ({"kind": "event", "title": "E", "starts_at": FUTURE, "capacity": -3}, "invalid_capacity"),
            ({"kind": "event", "title": "E", "starts_at": FUTURE, "capacity": "ten"}, "invalid_type"),
            ({"kind": "request", "title": "R", "skills": "cooking"}, "invalid_type"),
            ({"kind": "request", "title": "R", "skills": [""]}, "empty_value"),
            ({"kind": "request", "title": "R", "capacity": 3}, "unknown_field"),
            ({"kind": "note", "skills": ["cooking"]}, "unknown_field"),
            ({"kind": "idea", "title": "T", "goals": [goal]}, "unknown_field"),
            ({"kind": "offer", "title": "O", "offer": "give", "starts_at": FUTURE}, "unknown_field"),
        ]
        for body, code in cases:
            with self.subTest(body=body):
                self.assertError(self.post(**body), 400, code)
        self.assertEqual(self.feed(), before)

    def test_an_edit_changes_removes_or_refuses_a_field_as_a_post_would(self):
        item = ok(self.post(kind="event", title="Walk", starts_at=FUTURE, capacity=10), 201)
        path = f"/api/v1/items/{item['id']}"
        self.assertEqual(ok(self.author.patch(path, {"capacity": 20}))["capacity"], 20)
        self.assertIsNone(ok(self.author.patch(path, {"capacity": None}))["capacity"])
        self.assertError(self.author.patch(path, {"starts_at": None}), 400, "missing_field")
        self.assertError(self.author.patch(path, {"ends_at": PAST}), 400, "invalid_time")
        self.assertError(self.author.patch(path, {"goals": [{"kind": "time", "target": 2}]}), 400, "unknown_field")
        after = ok(self.author.get(path))
        self.assertEqual((after["starts_at"], after["ends_at"], after["capacity"]), (FUTURE, None, None))

    def test_every_kind_shows_exactly_the_fields_its_row_names(self):
        vocab = ok(self.anonymous().get("/api/v1/vocabulary"))
        exchange = {"skills", "starts_at", "ends_at", "capacity", "goals", "deadline", "minimum", "expires_at",
                    "offer"}
        bodies = {"request": {"title": "R"}, "offer": {"title": "O", "offer": "help"},
                  "initiative": {"title": "I", "goals": [{"kind": "time", "target": 2}]},
                  "event": {"title": "E", "starts_at": FUTURE}, "note": {}}
        for kind in vocab["kinds"]:
            if kind["name"] not in bodies:
                continue
            with self.subTest(kind=kind["name"]):
                item = ok(self.post(kind=kind["name"], **bodies[kind["name"]]), 201)
                taken = {f["name"] for f in kind["fields"]} & exchange
                self.assertEqual(set(item) & exchange, taken)


if __name__ == "__main__":
    unittest.main()
