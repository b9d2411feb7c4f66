"""How widely an idea is supported across the network's communities (issue 10):
each item of a kind that takes votes shows `communities`, the distinct
communities of the whole-instance network (its Louvain communities, as the
last computed report has them) among its voters, and GET /api/v1/items?sort=diverse
ranks by the sum over communities of the square root of each one's votes, so
that the same votes spread over several clusters outrank those of one clique.
Anyone who may read the idea sees the count: it names no one. Suspended voters
count in neither the votes nor the communities.

The network: three cliques of four members tied by connections (a, b, c), and
the admin, the analyst and the ideas' author on their own."""
import unittest

from kring_api import ApiTestCase, ok, wait_until

SPACE = "ds-square"


class DiverseWorld(ApiTestCase):
    """Builds the network, the ideas and their votes once per class."""

    def build_shared(self):
        c = self.register_cast("ds", ["analyst"])
        self.assertEqual(c["admin"].put("/api/v1/members/ds_analyst/role", {"role": "analyst"}).status, 204)
        c["author"] = self.register("ds_author")
        vocab = ok(self.anonymous().get("/api/v1/vocabulary"))
        kind = next(k for k in vocab["kinds"] if k["takes_votes"])
        type(self).kind = kind["name"]
        type(self).unvoted_kind = next(k for k in vocab["kinds"] if not k["takes_votes"])["name"]
        ok(c["author"].post("/api/v1/spaces", {"name": "Square", "slug": SPACE, "kind": "neighbourhood",
                                               "visibility": "open"}), 201)
        for cluster in "abc":
            members = [self.register(f"ds_{cluster}{i}") for i in range(1, 5)]
            for i, m in enumerate(members):
                c[f"{cluster}{i + 1}"] = m
                ok(m.post(f"/api/v1/spaces/{SPACE}/members"))
                for other in members[i + 1:]:
                    self.connect(m, other)

        def idea(title):
            body = {"kind": self.kind, "body": f"{title}, please.", "space": SPACE, "visibility": "public"}
            if any(f["name"] == "title" for f in kind["fields"]):
                body["title"] = title
            return ok(c["author"].post("/api/v1/items", body), 201)["id"]

        # Created in this order, so ids ascend: among equal votes the last is first.
        ideas = {name: idea(name) for name in ("clique", "spread", "pair", "single", "none")}
        voters = {"clique": ["a1", "a2", "a3"], "spread": ["a4", "b1", "c1"],
                  "pair": ["b2", "b3", "c2"], "single": ["c3"], "none": []}
        for name, who in voters.items():
            for v in who:
                ok(c[v].post(f"/api/v1/items/{ideas[name]}/votes"))
        type(self).cast = c
        type(self).ideas = ideas
        type(self).names = {i: name for name, i in ideas.items()}
        # The whole-instance report as an analyst waits for it; item views read
        # the same cached report, without the role.
        wait_until(lambda: (lambda r: r.status == 200 and not r.json.get("stale"))(
            c["analyst"].get("/api/v1/network/metrics?scope=instance")), timeout=30, what="the network report")
        sizes = sorted(x["size"] for x in ok(c["analyst"].get("/api/v1/network/communities"))["items"])
        self.assertEqual(sizes, [1, 1, 1, 4, 4, 4])

    def listing(self, sort, who=None, limit=20, cursor=None):
        q = f"/api/v1/items?kind={self.kind}&space={SPACE}&sort={sort}&limit={limit}"
        if cursor:
            q += f"&cursor={cursor}"
        return (who or self.anonymous()).get(q)

    def order(self, sort, who=None):
        return [self.names[i["id"]] for i in ok(self.listing(sort, who))["items"]]

    def every_page(self, sort, limit):
        seen, cursor = [], None
        while True:
            page = ok(self.listing(sort, limit=limit, cursor=cursor))
            self.assertLessEqual(len(page["items"]), limit)
            seen += [self.names[i["id"]] for i in page["items"]]
            cursor = page["next_cursor"]
            if not cursor:
                return seen


class DiverseSupport(DiverseWorld):
    def test_each_idea_shows_how_many_communities_its_voters_come_from(self):
        expected = {"clique": (3, 1), "spread": (3, 3), "pair": (3, 2), "single": (1, 1), "none": (0, 0)}
        for who in (self.anonymous(), self.cast["c4"], self.cast["author"]):
            page = ok(self.listing("new", who))["items"]
            self.assertEqual({self.names[i["id"]]: (i["votes"], i["communities"]) for i in page}, expected)
            for name, (votes, communities) in expected.items():
                item = ok(who.get(f"/api/v1/items/{self.ideas[name]}"))
                self.assertEqual((item["votes"], item["communities"]), (votes, communities), name)
        feed = ok(self.anonymous().get(f"/api/v1/spaces/{SPACE}/feed"))["items"]
        self.assertEqual({self.names[i["id"]]: (i["votes"], i["communities"]) for i in feed
                          if i["id"] in self.names}, expected)

    def test_a_kind_without_votes_has_no_communities(self):
        note = ok(self.cast["author"].post("/api/v1/items", {
            "kind": self.unvoted_kind, "body": "The market moves to Friday.", "space": SPACE,
            "visibility": "public"}), 201)
        self.assertNotIn("communities", note)
        self.assertNotIn("communities", ok(self.anonymous().get(f"/api/v1/items/{note['id']}")))

    def test_diverse_ranks_spread_support_above_a_clique_and_votes_breaks_ties_by_the_newest(self):
        # spread 3 communities: 3; pair 2 + 1 voters: 1 + sqrt(2); clique: sqrt(3); single 1; none 0.
        self.assertEqual(self.order("diverse"), ["spread", "pair", "clique", "single", "none"])
        self.assertEqual(self.order("votes"), ["pair", "spread", "clique", "single", "none"])
        self.assertEqual(self.order("new"), ["none", "single", "pair", "spread", "clique"])
        # The same for a signed-in member and for the analyst.
        self.assertEqual(self.order("diverse", self.cast["b4"]), ["spread", "pair", "clique", "single", "none"])
        self.assertEqual(self.order("diverse", self.cast["analyst"]), ["spread", "pair", "clique", "single", "none"])

    def test_paging_the_diverse_order_serves_every_idea_exactly_once(self):
        whole = self.order("diverse")
        for limit in (1, 2, 3, 4):
            self.assertEqual(self.every_page("diverse", limit), whole, limit)

    def test_a_cursor_from_elsewhere_or_garbled_is_400_and_a_bad_sort_too(self):
        votes_cursor = ok(self.listing("votes", limit=2))["next_cursor"]
        new_cursor = ok(self.listing("new", limit=2))["next_cursor"]
        diverse_cursor = ok(self.listing("diverse", limit=2))["next_cursor"]
        self.assertTrue(votes_cursor and new_cursor and diverse_cursor)
        for cursor in (votes_cursor, new_cursor, diverse_cursor[:-3] + "AAA", "garbage"):
            self.assertError(self.listing("diverse", limit=2, cursor=cursor), 400, "invalid_cursor")
        self.assertError(self.listing("votes", limit=2, cursor=diverse_cursor), 400, "invalid_cursor")
        # A cursor is bound to its filters as well.
        self.assertError(self.anonymous().get(
            f"/api/v1/items?kind={self.kind}&sort=diverse&limit=2&cursor={diverse_cursor}"), 400, "invalid_cursor")
        for sort in ("widest", "DIVERSE", ""):
            self.assertError(self.listing(sort), 400, "invalid_filter")


class SuspendedVoters(DiverseWorld):
    def test_a_suspended_voter_counts_in_neither_votes_nor_communities(self):
        self.assertEqual(self.order("diverse"), ["spread", "pair", "clique", "single", "none"])
        # spread loses c1: 2 votes from 2 communities score 2, below pair's 1 + sqrt(2).
        self.assertEqual(self.cast["admin"].post("/api/v1/members/ds_c1/suspend").status, 204)
        item = ok(self.anonymous().get(f"/api/v1/items/{self.ideas['spread']}"))
        self.assertEqual((item["votes"], item["communities"]), (2, 2))
        self.assertEqual(self.order("diverse"), ["pair", "spread", "clique", "single", "none"])
        # single's only voter: no votes, no communities, last but for the newer idea without votes.
        self.assertEqual(self.cast["admin"].post("/api/v1/members/ds_c3/suspend").status, 204)
        page = {self.names[i["id"]]: (i["votes"], i["communities"])
                for i in ok(self.listing("diverse"))["items"]}
        self.assertEqual(page["single"], (0, 0))
        self.assertEqual(self.order("diverse"), ["pair", "spread", "clique", "none", "single"])
        self.assertEqual(self.every_page("diverse", 2), ["pair", "spread", "clique", "none", "single"])
        # Reinstated, they count again.
        self.assertEqual(self.cast["admin"].delete("/api/v1/members/ds_c1/suspend").status, 204)
        self.assertEqual(ok(self.anonymous().get(f"/api/v1/items/{self.ideas['spread']}"))["communities"], 3)


if __name__ == "__main__":
    unittest.main()
