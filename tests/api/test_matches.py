"""Matches (GET /api/v1/items/{id}/matches, src/social/matches.h): for a
request, the members with its skills ranked by the score of
src/social/match_scoring.h (3 a skill, 2 near: in the request's
neighbourhood space, 3 a tie with the author, 2 a friend of a friend) with
their reasons, and the open offers that fit; for an offer, the open
requests. Nobody who should not be there is: the author, suspended members,
members across a block with the author, those whose skills the viewer may
not see, those who may not read the request. Only the author and the
space's hosts see matches. Strong matches tell both sides, once."""
import unittest

from kring_api import ApiTestCase, ok

HERE = {"lat": 52.0907, "lon": 5.1214, "address": "Neude 1"}
NEARBY = {"lat": 52.1007, "lon": 5.1214, "address": "Kanaalweg 2"}  # 1.1 km north


class Matches(ApiTestCase):
    def build_shared(self):
        type(self).admin = self.register("mt_admin")

    # -- helpers ---------------------------------------------------------

    def member(self, name, skills=(), **profile):
        client = self.register(name)
        if skills:
            ok(client.patch("/api/v1/me", {"skills": list(skills), **profile}))
        return client

    def post(self, client, kind, title, skills=(), **fields):
        body = {"kind": kind, "title": title, "body": title, "visibility": "public"}
        if skills:
            body["skills"] = list(skills)
        if kind == "offer":
            body["offer"] = "help"
        body.update(fields)
        if body.get("space") and "visibility" not in fields:
            body["visibility"] = "public"
        return ok(client.post("/api/v1/items", body), 201)

    def matches(self, client, item, query=""):
        return ok(client.get(f"/api/v1/items/{item['id']}/matches{query}"))

    def handles(self, found):
        return [m["member"]["handle"] for m in found["members"]]

    def match_notices(self, client):
        items = ok(client.get("/api/v1/notifications?limit=100"))["items"]
        return sorted((n["actor"]["handle"], n["item_id"]) for n in items if n["kind"] == "match_found")

    def follow(self, a, b):
        ok(a.post(f"/api/v1/members/{b.handle}/follow"))

    # -- ranking and reasons ----------------------------------------------

    def test_members_are_ranked_by_skill_nearness_and_network_with_their_reasons(self):
        author = self.member("rk_author")
        friend = self.member("rk_friend", ["Joinery"])
        fof = self.member("rk_fof", ["joinery"])
        near = self.member("rk_near", ["Joinery"])
        both = self.member("rk_both", ["joinery", "Roofing"])
        far = self.member("rk_far", ["joinery"])
        tied = self.member("rk_tied")  # a friend without the skill
        slug = self.new_space(author, "rk-buurt", "open", [fof, near], kind="neighbourhood")
        self.connect(author, friend)
        self.follow(fof, friend)  # a follow ties them as a connection would
        self.connect(author, tied)
        request = self.post(author, "request", "Fix the garden shed", ["Joinery", "roofing"],
                            space=slug, location=HERE)
        found = self.matches(author, request)
        self.assertEqual(self.handles(found), ["rk_fof", "rk_friend", "rk_both", "rk_near", "rk_far"])
        by = {m["member"]["handle"]: m for m in found["members"]}
        self.assertEqual([m["score"] for m in found["members"]], [7, 6, 6, 5, 3])
        space = {"slug": slug, "name": "rk-buurt"}
        fof_reasons = by["rk_fof"]["reasons"]
        self.assertEqual(fof_reasons[:2], [{"kind": "skill", "skill": "Joinery"},
                                           {"kind": "near", "space": space}])
        self.assertEqual(fof_reasons[2]["kind"], "network")
        self.assertEqual(fof_reasons[2]["distance"], 2)
        self.assertEqual([v["handle"] for v in fof_reasons[2]["via"]], ["rk_friend"])
        self.assertEqual(by["rk_friend"]["reasons"],
                         [{"kind": "skill", "skill": "Joinery"},
                          {"kind": "network", "distance": 1, "via": []}])
        self.assertEqual(by["rk_both"]["reasons"], [{"kind": "skill", "skill": "Joinery"},
                                                   {"kind": "skill", "skill": "roofing"}])
        self.assertEqual(by["rk_near"]["reasons"], [{"kind": "skill", "skill": "Joinery"},
                                                   {"kind": "near", "space": space}])
        self.assertEqual(by["rk_far"]["reasons"], [{"kind": "skill", "skill": "Joinery"}])
        self.assertNotIn("rk_tied", self.handles(found))
        self.assertEqual(self.handles(self.matches(author, request, "?limit=2")), ["rk_fof", "rk_friend"])

    def test_open_offers_that_fit_a_request_and_requests_that_fit_an_offer(self):
        author, lender, seller, other = (self.member(n) for n in ("of_author", "of_lender", "of_seller", "of_other"))
        slug = self.new_space(author, "of-buurt", "open", [lender], kind="neighbourhood")
        fitting = self.post(lender, "offer", "Pergola tools to lend", ["Masonry"], space=slug, location=NEARBY)
        by_word = self.post(seller, "offer", "Old pergola for free")
        withdrawn = self.post(other, "offer", "Masonry help", ["masonry"])
        ok(other.post(f"/api/v1/items/{withdrawn['id']}/status", {"status": "withdrawn"}))
        own = self.post(author, "offer", "My own masonry help", ["masonry"])
        unrelated = self.post(other, "offer", "Bicycle lessons", ["cycling"])
        request = self.post(author, "request", "Rebuild a pergola wall", ["masonry"], space=slug, location=HERE)
        offers = self.matches(author, request)["offers"]
        self.assertEqual([o["item"]["id"] for o in offers], [fitting["id"], by_word["id"]])
        self.assertEqual(offers[0]["score"], 3 + 1 + 2 + 1)
        self.assertEqual(offers[0]["reasons"], [
            {"kind": "skill", "skill": "Masonry"}, {"kind": "words", "words": ["pergola"]},
            {"kind": "distance", "km": 1.1}, {"kind": "space", "space": {"slug": slug, "name": "of-buurt"}}])
        self.assertEqual(offers[1]["score"], 1)
        self.assertEqual(offers[1]["reasons"], [{"kind": "words", "words": ["pergola"]}])
        ids = [o["item"]["id"] for o in offers]
        for absent in (withdrawn, own, unrelated):
            self.assertNotIn(absent["id"], ids)
        # The offer's author sees the open requests it fits, and no members.
        for_offer = self.matches(lender, fitting)
        self.assertEqual(set(for_offer), {"requests"})
        self.assertEqual([r["item"]["id"] for r in for_offer["requests"]], [request["id"]])
        ok(author.post(f"/api/v1/items/{request['id']}/status", {"status": "cancelled"}))
        self.assertEqual(self.matches(lender, fitting)["requests"], [])

    # -- exclusions -------------------------------------------------------

    def test_nobody_who_should_not_be_offered_is(self):
        author = self.member("ex_author", ["Plastering"])
        inside = self.member("ex_inside", ["plastering"])
        suspended = self.member("ex_susp", ["plastering"])
        blocker = self.member("ex_blocker", ["plastering"])
        blocked = self.member("ex_blocked", ["plastering"])
        hidden = self.member("ex_hidden", ["plastering"], visibility={"skills": "connections"})
        hidden_tied = self.member("ex_hidtied", ["plastering"], visibility={"skills": "connections"})
        outsider = self.member("ex_outside", ["plastering"])
        host = self.member("ex_host")
        slug = self.new_space(host, "ex-closed", "closed",
                              [author, inside, suspended, blocker, blocked, hidden, hidden_tied], kind="team")
        self.connect(author, hidden_tied)
        self.connect(author, outsider)  # close in the network, but may not read the request
        request = self.post(author, "request", "Plaster a ceiling", ["plastering"], space=slug,
                            visibility="space")
        # Before the suspension and the blocks: every member of the space with
        # the skill, but the one whose skills only their connections see.
        self.assertEqual(sorted(self.handles(self.matches(author, request))),
                         ["ex_blocked", "ex_blocker", "ex_hidtied", "ex_inside", "ex_susp"])
        self.assertEqual(self.admin.post(f"/api/v1/members/{suspended.handle}/suspend").status, 204)
        ok(blocker.post(f"/api/v1/members/{author.handle}/block"))
        ok(author.post(f"/api/v1/members/{blocked.handle}/block"))
        found = self.matches(author, request)
        self.assertEqual(sorted(self.handles(found)), ["ex_hidtied", "ex_inside"])
        # A host sees the same members, but not ex_hidtied, whose skills only
        # their connections see: the blocks count between the candidate and
        # the author, not the one who looks.
        self.assertEqual(self.handles(self.matches(host, request)), ["ex_inside"])

    def test_a_secret_spaces_request_offers_only_its_members(self):
        author = self.member("sx_author")
        insider = self.member("sx_insider", ["Tiling"])
        outsider = self.member("sx_outsider", ["tiling"])
        self.connect(author, outsider)
        slug = self.new_space(author, "sx-secret", "secret", [insider], kind="neighbourhood")
        request = self.post(author, "request", "Tile a bathroom", ["tiling"], space=slug, visibility="space")
        self.assertEqual(self.handles(self.matches(author, request)), ["sx_insider"])
        # The outsider's own offer does not reach a request they may not read.
        offer = self.post(outsider, "offer", "Tiling help", ["tiling"])
        self.assertEqual(self.matches(outsider, offer)["requests"], [])
        self.assertError(outsider.get(f"/api/v1/items/{request['id']}/matches"), 404, "not_found")

    def test_the_viewer_sees_only_the_via_members_they_may_see(self):
        author, friend, fof = self.member("vv_author"), self.member("vv_friend"), self.member("vv_fof", ["Glazing"])
        self.connect(author, friend)
        self.connect(friend, fof)
        slug = self.new_space(self.admin, "vv-open", "open", [author], kind="team")
        request = self.post(author, "request", "Replace a window", ["glazing"], space=slug)
        network = self.matches(author, request)["members"][0]["reasons"][1]
        self.assertEqual([v["handle"] for v in network["via"]], ["vv_friend"])
        # The host sees the same member, but not a friend who blocked them.
        ok(friend.post(f"/api/v1/members/{self.admin.handle}/block"))
        seen_by_host = self.matches(self.admin, request)["members"][0]["reasons"][1]
        self.assertEqual(seen_by_host["distance"], 2)
        self.assertEqual(seen_by_host["via"], [])

    def test_offers_across_a_block_with_the_author_are_left_out_for_a_host_too(self):
        host, author, lender = self.member("bo_host"), self.member("bo_author"), self.member("bo_lender")
        slug = self.new_space(host, "bo-open", "open", [author, lender], kind="team")
        offer = self.post(lender, "offer", "Upholstery help", ["upholstery"], space=slug)
        request = self.post(author, "request", "Reupholster a chair", ["upholstery"], space=slug)
        self.assertEqual([o["item"]["id"] for o in self.matches(host, request)["offers"]], [offer["id"]])
        ok(author.post(f"/api/v1/members/{lender.handle}/block"))
        self.assertEqual(self.matches(host, request)["offers"], [])
        self.assertEqual(self.matches(host, offer)["requests"], [])

    # -- who may see matches ----------------------------------------------

    def test_only_the_author_and_the_spaces_hosts_see_matches(self):
        host, author, reader, moderator = (self.member(n) for n in ("st_host", "st_author", "st_reader", "st_mod"))
        slug = self.new_space(host, "st-open", "open", [author, reader, moderator], kind="team")
        ok(host.post(f"/api/v1/spaces/{slug}/roles/{moderator.handle}", {"role": "moderator"}))
        request = self.post(author, "request", "Help moving boxes", ["lifting"], space=slug)
        path = f"/api/v1/items/{request['id']}/matches"
        for client in (author, host, moderator):
            with self.subTest(who=client.handle):
                self.assertEqual(set(ok(client.get(path))), {"members", "offers"})
        self.assertError(reader.get(path), 403, "forbidden")
        self.assertError(self.admin.get(path), 403, "forbidden")
        self.assertError(self.anonymous().get(path), 401)
        self.assertError(author.get("/api/v1/items/999999999/matches"), 404, "not_found")
        self.assertError(author.get("/api/v1/items/nope/matches"), 404, "not_found")
        note = ok(author.post("/api/v1/items", {"kind": "note", "body": "just a note"}), 201)
        self.assertError(author.get(f"/api/v1/items/{note['id']}/matches"), 400, "no_matches")
        for bad in ("0", "51", "-1", "ten", ""):
            with self.subTest(limit=bad):
                self.assertError(author.get(f"{path}?limit={bad}"), 400, "invalid_limit")
        self.assertEqual(self.admin.post(f"/api/v1/members/{author.handle}/suspend").status, 204)
        self.assertError(author.get(path), 403)

    # -- notifications ----------------------------------------------------

    def test_a_strong_new_match_tells_both_sides_once(self):
        author = self.member("nt_author")
        friend = self.member("nt_friend", ["Welding"])  # skill + distance 1: strong
        near = self.member("nt_near", ["welding"])      # skill + near: strong
        far = self.member("nt_far", ["welding"])        # skill only: not strong
        hidden = self.member("nt_hidden", ["welding"], visibility={"skills": "connections"})
        lender = self.member("nt_lender")
        weak_lender = self.member("nt_weak")
        slug = self.new_space(author, "nt-buurt", "open", [near, lender, hidden], kind="neighbourhood")
        self.connect(author, friend)
        strong_offer = self.post(lender, "offer", "Welding kit", ["welding"], space=slug, location=NEARBY)
        weak_offer = self.post(weak_lender, "offer", "Welding lessons online", ["welding"])
        request = self.post(author, "request", "Weld a gate", ["welding"], space=slug, location=HERE)
        rid = request["id"]
        self.assertEqual(self.match_notices(friend), [("nt_author", rid)])
        self.assertEqual(self.match_notices(near), [("nt_author", rid)])
        self.assertEqual(self.match_notices(lender), [("nt_author", rid)])
        self.assertEqual(self.match_notices(author), [("nt_lender", strong_offer["id"])])
        for untold in (far, hidden, weak_lender):
            with self.subTest(who=untold.handle):
                self.assertEqual(self.match_notices(untold), [])
        # A change of skills finds the same matches again and tells nobody twice;
        # a member who now matches strongly hears of it.
        newcomer = self.member("nt_new", ["Forging"])
        self.connect(author, newcomer)
        ok(author.patch(f"/api/v1/items/{rid}", {"skills": ["welding", "forging"]}))
        self.assertEqual(self.match_notices(friend), [("nt_author", rid)])
        self.assertEqual(self.match_notices(author), [("nt_lender", strong_offer["id"])])
        self.assertEqual(self.match_notices(newcomer), [("nt_author", rid)])
        self.assertEqual(self.match_notices(weak_lender), [])
        del weak_offer

    def test_a_new_offer_tells_the_author_of_the_request_it_fits_and_hears_of_it(self):
        asker, lender, stranger = self.member("no_asker"), self.member("no_lender"), self.member("no_stranger")
        slug = self.new_space(asker, "no-buurt", "open", [lender], kind="neighbourhood")
        request = self.post(asker, "request", "Prune an apple tree", ["Pruning"], space=slug, location=HERE)
        closed = self.new_space(stranger, "no-closed", "closed", kind="team")
        hidden_request = self.post(stranger, "request", "Pruning hedges", ["pruning"], space=closed,
                                   visibility="space")
        offer = self.post(lender, "offer", "Pruning shears and help", ["pruning"], space=slug, location=NEARBY)
        self.assertEqual(self.match_notices(asker), [("no_lender", offer["id"])])
        self.assertEqual(self.match_notices(lender), [("no_asker", request["id"])])
        # The stranger's request is in a space the lender may not read: nobody hears of it.
        self.assertEqual(self.match_notices(stranger), [])
        self.assertNotIn(hidden_request["id"], [n[1] for n in self.match_notices(lender)])

    def test_at_most_a_few_members_hear_of_a_request(self):
        author = self.member("cp_author")
        friends = [self.member(f"cp_friend{n}", ["Sewing"]) for n in range(5)]
        for f in friends:
            self.connect(author, f)
        request = self.post(author, "request", "Mend a coat", ["sewing"])
        told = [f for f in friends if self.match_notices(f)]
        self.assertEqual(len(told), 3)
        self.assertEqual([f.handle for f in told], [f.handle for f in friends[:3]])


if __name__ == "__main__":
    unittest.main()
