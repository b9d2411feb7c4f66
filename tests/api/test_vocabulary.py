"""GET /api/v1/vocabulary: the names the server speaks, published from its
own tables. Each test takes the published lists and checks that the server
accepts exactly those: every published kind can be posted, every published
reaction given, every published visibility and role used; a name it does not
publish is refused. Nothing here lists a kind or a reaction by hand, so a new
row in a core table is covered the day it is added."""
import unittest

from kring_api import ApiTestCase

# Names the server has never had; each must be refused where a name is expected.
UNPUBLISHED = "poem"


class Publishing(ApiTestCase):
    def test_anyone_reads_it_and_it_lists_every_family(self):
        reply = self.anonymous().get("/api/v1/vocabulary")
        self.assertEqual(reply.status, 200, reply)
        for family in ("kinds", "categories", "offer_modes", "goal_kinds", "contribution_kinds",
                       "item_fields", "standings", "reactions",
                       "item_visibilities",
                       "profile_visibilities", "space_kinds", "space_visibilities", "space_roles",
                       "instance_roles", "notification_kinds"):
            with self.subTest(family=family):
                self.assertTrue(reply.json[family], f"{family} is empty")
        for kind in reply.json["kinds"]:
            self.assertEqual(set(kind), {"name", "fields", "statuses", "closed_statuses", "initial_status",
                                         "transitions",
                                         "takes_votes", "takes_contributions", "takes_rsvps",
                                         "follow_up"})

    def test_it_is_cacheable_and_revalidates_to_not_modified(self):
        first = self.anonymous().get("/api/v1/vocabulary")
        etag = first.header("ETag")
        self.assertTrue(etag, first.headers)
        self.assertIn("public", first.header("Cache-Control"))
        self.assertNotIn("no-store", first.header("Cache-Control"))
        again = self.anonymous().get("/api/v1/vocabulary", headers={"If-None-Match": etag})
        self.assertEqual((again.status, again.body), (304, ""), again)
        self.assertEqual(again.header("ETag"), etag)
        listed = self.anonymous().get("/api/v1/vocabulary", headers={"If-None-Match": f'"other", {etag}'})
        self.assertEqual(listed.status, 304, listed)
        stale = self.anonymous().get("/api/v1/vocabulary", headers={"If-None-Match": 'W/"stale"'})
        self.assertEqual((stale.status, stale.json), (200, first.json))

    def test_a_signed_in_member_reads_the_same(self):
        member = self.register("vocab_reader")
        self.assertEqual(member.get("/api/v1/vocabulary").json, self.anonymous().get("/api/v1/vocabulary").json)

    def test_other_api_answers_still_say_no_store(self):
        self.assertEqual(self.anonymous().get("/api/v1/feeds/public").header("Cache-Control"), "no-store")

    def test_transitions_join_published_statuses_and_name_published_standings(self):
        vocab = self.anonymous().get("/api/v1/vocabulary").json
        for kind in vocab["kinds"]:
            with self.subTest(kind=kind["name"]):
                if kind["statuses"]:
                    self.assertIn(kind["initial_status"], kind["statuses"])
                else:
                    self.assertIsNone(kind["initial_status"])
                self.assertLessEqual(set(kind["closed_statuses"]), set(kind["statuses"]))
                self.assertNotIn(kind["initial_status"], kind["closed_statuses"])
                for t in kind["transitions"]:
                    self.assertIn(t["from"], kind["statuses"])
                    self.assertIn(t["to"], kind["statuses"])
                    self.assertTrue(t["by"])
                    self.assertLessEqual(set(t["by"]), set(vocab["standings"]))
                self.assertLessEqual({f["name"] for f in kind["fields"]}, set(vocab["item_fields"]))


class ServerAcceptsWhatItPublishes(ApiTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.vocab = cls.server.client().get("/api/v1/vocabulary").json

    def required_places(self, kind):
        """The fields besides title the kind requires, filled with valid values."""
        given = {"location": {"lat": 52.09, "lon": 5.12}, "category": self.vocab["categories"][0],
                 "offer": self.vocab["offer_modes"][0], "starts_at": "2030-01-01T10:00:00Z",
                 "goals": [{"kind": self.vocab["goal_kinds"][0], "target": 3}]}
        return {f["name"]: given[f["name"]] for f in kind["fields"]
                if f["required"] and f["name"] in given}

    def post_kind(self, author, kind, **extra):
        body = {"kind": kind["name"], "body": f"a {kind['name']}"}
        for field in kind["fields"]:
            if field["name"] == "title":
                body["title"] = f"A {kind['name']} title"
        body.update(self.required_places(kind))
        body.update(extra)
        return author.post("/api/v1/items", body)

    def test_every_published_kind_can_be_posted_and_starts_at_its_initial_status(self):
        author = self.register("kind_poster")
        for kind in self.vocab["kinds"]:
            with self.subTest(kind=kind["name"]):
                reply = self.post_kind(author, kind)
                self.assertEqual(reply.status, 201, reply)
                self.assertEqual(reply.json["kind"], kind["name"])
                self.assertEqual(reply.json["status"], kind["initial_status"])

    def test_an_unpublished_kind_is_refused_naming_the_published_ones(self):
        author = self.register("kind_refused")
        reply = author.post("/api/v1/items", {"kind": UNPUBLISHED, "body": "x"})
        self.assertError(reply, 400, "unknown_kind")
        for kind in self.vocab["kinds"]:
            self.assertIn(kind["name"], reply.json["error"]["message"])

    def test_a_required_field_is_required_and_a_field_not_taken_is_refused(self):
        author = self.register("kind_fields")
        before = author.get("/api/v1/members/kind_fields/feed").json["items"]
        for kind in self.vocab["kinds"]:
            takes_title = {f["name"]: f["required"] for f in kind["fields"]}.get("title")
            with self.subTest(kind=kind["name"], title=takes_title):
                untitled = author.post("/api/v1/items", {"kind": kind["name"], "body": "no title"})
                if takes_title:
                    self.assertError(untitled, 400, "missing_field")
                else:
                    self.assertEqual(untitled.status, 201, untitled)
                    author.delete(f"/api/v1/items/{untitled.json['id']}")
                titled = author.post("/api/v1/items", {"kind": kind["name"], "body": "x", "title": "T",
                                                       **self.required_places(kind)})
                if takes_title is None:
                    self.assertError(titled, 400, "unknown_field")
                else:
                    self.assertEqual(titled.status, 201, titled)
                    author.delete(f"/api/v1/items/{titled.json['id']}")
        self.assertEqual(author.get("/api/v1/members/kind_fields/feed").json["items"], before)

    def test_an_edit_may_not_give_a_kind_a_field_it_does_not_take(self):
        author = self.register("kind_patch")
        for kind in self.vocab["kinds"]:
            if any(f["name"] == "title" for f in kind["fields"]):
                continue
            with self.subTest(kind=kind["name"]):
                item = self.post_kind(author, kind).json
                path = f"/api/v1/items/{item['id']}"
                self.assertError(author.patch(path, {"title": "Now titled"}), 400, "unknown_field")
                self.assertEqual(author.patch(path, {"body": "edited"}).status, 200)
                self.assertFalse(author.get(path).json["title"])

    def test_every_published_reaction_is_accepted_on_items_and_replies(self):
        author, fan = self.register("react_pub_author"), self.register("react_pub_fan")
        item = author.post("/api/v1/items", {"kind": self.vocab["kinds"][0]["name"], "body": "x"}).json
        reply = author.post(f"/api/v1/items/{item['id']}/replies", {"body": "a reply"}).json
        for base in (f"/api/v1/items/{item['id']}", f"/api/v1/replies/{reply['id']}"):
            for reaction in self.vocab["reactions"]:
                with self.subTest(base=base, reaction=reaction):
                    r = fan.put(f"{base}/reactions/{reaction}")
                    self.assertEqual(r.status, 200, r)
                    self.assertEqual(r.json["reactions"].get(reaction), 1)
            self.assertEqual(sorted(fan.put(f"{base}/reactions/{self.vocab['reactions'][0]}").json["my_reactions"]),
                             sorted(self.vocab["reactions"]))

    def test_notifications_arrive_only_in_published_kinds(self):
        author, fan = self.register("notify_author"), self.register("notify_fan")
        fan.post("/api/v1/members/notify_author/follow")
        item = author.post("/api/v1/items", {"kind": self.vocab["kinds"][0]["name"], "body": "hi @notify_fan"}).json
        fan.post(f"/api/v1/items/{item['id']}/replies", {"body": "a reply"})
        fan.put(f"/api/v1/items/{item['id']}/reactions/{self.vocab['reactions'][0]}")
        seen = {n["kind"] for who in (author, fan)
                for n in who.get("/api/v1/notifications?limit=100").json["items"]}
        self.assertEqual(seen, {"follow", "mention", "reply", "reaction"})
        self.assertLessEqual(seen, set(self.vocab["notification_kinds"]))

    def test_an_unpublished_reaction_is_refused(self):
        author = self.register("react_unpub")
        item = author.post("/api/v1/items", {"kind": self.vocab["kinds"][0]["name"], "body": "x"}).json
        for name in (UNPUBLISHED, self.vocab["reactions"][0].upper()):
            with self.subTest(name=name):
                self.assertError(author.put(f"/api/v1/items/{item['id']}/reactions/{name}"), 400, "unknown_reaction")

    def test_every_published_item_visibility_is_accepted_somewhere(self):
        author = self.register("vis_author")
        slug = author.post("/api/v1/spaces", {"name": "Vis Open", "slug": "vis-open", "kind": self.vocab["space_kinds"][0],
                                              "visibility": "open"}).json["slug"]
        note = self.vocab["kinds"][0]["name"]
        for visibility in self.vocab["item_visibilities"]:
            with self.subTest(visibility=visibility):
                outside = author.post("/api/v1/items", {"kind": note, "body": "x", "visibility": visibility})
                inside = author.post("/api/v1/items", {"kind": note, "body": "x", "visibility": visibility, "space": slug})
                self.assertIn(201, (outside.status, inside.status), (outside, inside))
        self.assertError(author.post("/api/v1/items", {"kind": note, "body": "x", "visibility": UNPUBLISHED}),
                         400, "invalid_visibility")

    def test_every_published_space_kind_and_visibility_can_be_created(self):
        owner = self.register("space_maker")
        n = 0
        for kind in self.vocab["space_kinds"]:
            for visibility in self.vocab["space_visibilities"]:
                n += 1
                with self.subTest(kind=kind, visibility=visibility):
                    r = owner.post("/api/v1/spaces", {"name": f"Space {n}", "slug": f"vocab-space-{n}",
                                                      "kind": kind, "visibility": visibility})
                    self.assertEqual(r.status, 201, r)
                    self.assertEqual((r.json["kind"], r.json["visibility"]), (kind, visibility))
                    self.assertIn(r.json["my_role"], self.vocab["space_roles"])
        base = {"name": "Nope", "slug": "vocab-nope", "kind": self.vocab["space_kinds"][0], "visibility": "open"}
        self.assertError(owner.post("/api/v1/spaces", {**base, "kind": UNPUBLISHED}), 400, "invalid_kind")
        self.assertError(owner.post("/api/v1/spaces", {**base, "visibility": UNPUBLISHED}), 400, "invalid_visibility")

    def test_every_published_profile_visibility_is_accepted(self):
        member = self.register("profile_vis")
        for visibility in self.vocab["profile_visibilities"]:
            with self.subTest(visibility=visibility):
                r = member.patch("/api/v1/me", {"visibility": {"bio": visibility}})
                self.assertEqual(r.status, 200, r)
                self.assertEqual(r.json["visibility"]["bio"], visibility)
        self.assertEqual(member.patch("/api/v1/me", {"visibility": {"bio": UNPUBLISHED}}).status, 400)

    def test_space_roles_given_by_the_owner_are_published_ones(self):
        owner, joiner = self.register("role_owner"), self.register("role_joiner")
        slug = owner.post("/api/v1/spaces", {"name": "Roles", "slug": "vocab-roles", "kind": self.vocab["space_kinds"][0],
                                             "visibility": "open"}).json["slug"]
        joiner.post(f"/api/v1/spaces/{slug}/members")
        for role in ("moderator", "member"):
            self.assertIn(role, self.vocab["space_roles"])
            r = owner.post(f"/api/v1/spaces/{slug}/roles/role_joiner", {"role": role})
            self.assertLess(r.status, 300, r)
        self.assertEqual(owner.post(f"/api/v1/spaces/{slug}/roles/role_joiner", {"role": UNPUBLISHED}).status, 400)
        listed = {m["space_role"] for m in owner.get(f"/api/v1/spaces/{slug}/members").json["items"]}
        self.assertLessEqual(listed, set(self.vocab["space_roles"]))


class InstanceRoles(ApiTestCase):
    def test_every_published_instance_role_can_be_given_and_no_other(self):
        vocab = self.anonymous().get("/api/v1/vocabulary").json
        admin = self.register("vocab_admin")  # the first member is the admin
        member = self.register("role_taker")
        for role in vocab["instance_roles"]:
            with self.subTest(role=role):
                self.assertEqual(admin.put("/api/v1/members/role_taker/role", {"role": role}).status, 204)
                self.assertEqual(member.get("/api/v1/me").json["role"], role)
        self.assertEqual(admin.put("/api/v1/members/role_taker/role", {"role": UNPUBLISHED}).status, 400)
        self.assertEqual(admin.get("/api/v1/me").json["role"], "admin")


if __name__ == "__main__":
    unittest.main()
