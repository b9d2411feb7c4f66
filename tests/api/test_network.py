"""Network API: metrics per scope for analysts and hosts, per-member metrics and ego network,
communities, the graph for the map, caching with background recomputation, suggestions."""
import unittest

from kring_api import ApiTestCase, wait_until


class NetworkApi(ApiTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()

    def setUp(self):
        if hasattr(type(self), "built"):
            return
        type(self).built = True
        c = type(self)
        c.admin = self.register("net_admin")
        c.analyst = self.register("net_analyst")
        self.assertEqual(c.admin.put("/api/v1/members/net_analyst/role", {"role": "analyst"}).status, 204)
        c.a, c.b, c.cc, c.d, c.e = (self.register(h) for h in ("net_a", "net_b", "net_c", "net_d", "net_e"))
        # a-b-c a triangle of connections, d follows a, e alone; admin and analyst alone too.
        self.connect(c.a, c.b)
        self.connect(c.b, c.cc)
        self.connect(c.cc, c.a)
        c.d.post("/api/v1/members/net_a/follow")

    def wait_for(self, client, path):
        def ready():
            reply = client.get(path)
            return reply if reply.status == 200 and not reply.json.get("stale") else None
        return wait_until(ready, timeout=30, what=path)

    def test_metrics_need_the_analyst_role(self):
        self.assertError(self.anonymous().get("/api/v1/network/metrics"), 401)
        self.assertError(self.a.get("/api/v1/network/metrics"), 403)
        self.assertError(self.analyst.get("/api/v1/network/metrics?scope=planet:x"), 400, "invalid_scope")
        self.assertError(self.admin.put("/api/v1/members/net_a/role", {"role": "king"}), 400, "invalid_role")
        self.assertError(self.a.put("/api/v1/members/net_b/role", {"role": "analyst"}), 403)

    def test_whole_network_figures(self):
        body = self.wait_for(self.analyst, "/api/v1/network/metrics?scope=instance").json
        g = body["graph"]
        self.assertEqual((g["nodes"], g["edges"]), (7, 4))
        self.assertAlmostEqual(g["density"], 4 / 21)
        self.assertEqual(g["components"], 4)  # {a,b,c,d}, {e}, {admin}, {analyst}
        self.assertEqual(g["metcalfe_potential"], 21)
        self.assertEqual(body["roles"].get("isolate"), 3)
        self.assertEqual({d["degree"]: d["count"] for d in body["degree_distribution"]}, {0: 3, 1: 1, 2: 2, 3: 1})
        self.assertGreaterEqual(len(body["history"]), 1)

    def test_member_metrics_and_ego_network(self):
        body = self.wait_for(self.analyst, "/api/v1/network/members/net_a").json
        m = body["metrics"]
        self.assertEqual(m["degree"], 3)
        self.assertAlmostEqual(m["clustering"], 1 / 3)
        self.assertEqual(m["core"], 2)
        self.assertEqual(sorted(n["id"] for n in body["ego"]["nodes"]), ["net_b", "net_c", "net_d"])
        # A connection is stored both ways at weight 2 each; a follow weighs 1.
        self.assertIn(["net_b", "net_c", 4.0], body["ego"]["edges"])
        self.assertIn(["net_a", "net_d", 1.0], body["ego"]["edges"])
        self.assertEqual(self.wait_for(self.e, "/api/v1/network/members/net_e").json["metrics"]["role"], "isolate")
        self.assertError(self.e.get("/api/v1/network/members/net_a"), 403)

    def test_communities_and_graph_for_the_map(self):
        communities = self.wait_for(self.analyst, "/api/v1/network/communities").json
        self.assertEqual(sum(c["size"] for c in communities["items"]), 7)
        graph = self.wait_for(self.analyst, "/api/v1/network/graph?max_nodes=4").json
        self.assertEqual(graph["total_nodes"], 7)
        self.assertEqual(sorted(n["id"] for n in graph["nodes"]), ["net_a", "net_b", "net_c", "net_d"])
        self.assertEqual(len(graph["edges"]), 4)
        self.assertError(self.analyst.get("/api/v1/network/graph?max_nodes=0"), 400, "invalid_limit")

    def test_cache_goes_stale_and_recomputes_in_the_background(self):
        first = self.wait_for(self.analyst, "/api/v1/network/metrics").json
        self.e.post("/api/v1/members/net_d/follow")
        after = self.analyst.get("/api/v1/network/metrics").json
        self.assertTrue(after["stale"])
        self.assertEqual(after["version"], first["version"])  # served from the cache at once
        fresh = self.wait_for(self.analyst, "/api/v1/network/metrics").json
        self.assertNotEqual(fresh["version"], first["version"])  # opaque: the scope's fingerprint
        self.assertEqual(fresh["graph"]["edges"], first["graph"]["edges"] + 1)
        self.e.delete("/api/v1/members/net_d/follow")


class SpaceNetworks(ApiTestCase):
    def test_hosts_see_their_space_network_and_secret_ones_stay_hidden(self):
        host, member, outsider = self.register("sn_host"), self.register("sn_member"), self.register("sn_out")
        slug = host.post("/api/v1/spaces", {"name": "Buurt", "slug": "buurt-net", "kind": "neighbourhood",
                                            "visibility": "secret"}).json["slug"]
        host.post(f"/api/v1/spaces/{slug}/invites", {"handle": "sn_member"})
        member.post(f"/api/v1/spaces/{slug}/members")
        path = f"/api/v1/network/metrics?scope=space:{slug}"
        self.assertError(member.get(path), 403)
        self.assertError(outsider.get(path), 404)
        body = wait_until(lambda: (r := host.get(path)).status == 200 and r, timeout=30, what="space network").json
        self.assertEqual(body["graph"]["nodes"], 2)

    def test_suggestions_with_reasons_and_bridges(self):
        me, friend, fof, lonely = (self.register(h) for h in ("sg_me", "sg_friend", "sg_fof", "sg_lonely"))
        me.patch("/api/v1/me", {"skills": ["Gardening"]})
        fof.patch("/api/v1/me", {"skills": ["gardening"]})
        self.connect(me, friend)
        self.connect(friend, fof)
        body = me.get("/api/v1/me/suggestions").json
        first = body["connect"][0]
        self.assertEqual(first["handle"], "sg_fof")
        self.assertEqual(first["reason"]["mutual_connections"], ["sg_friend"])
        self.assertEqual(first["reason"]["shared_skills"], ["Gardening"])
        me.post("/api/v1/spaces", {"name": "Zorg", "slug": "zorg-buurt", "kind": "neighbourhood", "visibility": "open"})
        for m in (friend, fof, lonely):
            m.post("/api/v1/spaces/zorg-buurt/members")
        bridges = me.get("/api/v1/me/suggestions").json["bridges"]
        lonely_bridge = next(b for b in bridges if b["member"]["handle"] == "sg_lonely")
        self.assertEqual(lonely_bridge["position"], "isolate")
        self.assertEqual(lonely_bridge["space_name"], "Zorg")
        self.assertEqual(lonely_bridge["bridge"]["handle"], "sg_friend")
        self.assertEqual((lonely_bridge["reach_before"], lonely_bridge["reach_after"]), (0, 3))
        self.assertError(self.anonymous().get("/api/v1/me/suggestions"), 401)



class SecretSpaceNetworks(ApiTestCase):
    def test_interactions_in_secret_spaces_stay_out_of_the_instance_network(self):
        admin = self.register("sx_admin")  # the first member of this instance is its admin
        host, guest = self.register("sx_host"), self.register("sx_guest")
        slug = host.post("/api/v1/spaces", {"name": "Kring", "slug": "sx-secret", "kind": "team",
                                            "visibility": "secret"}).json["slug"]
        host.post(f"/api/v1/spaces/{slug}/invites", {"handle": "sx_guest"})
        guest.post(f"/api/v1/spaces/{slug}/members")
        item = guest.post("/api/v1/items", {"kind": "note", "space": slug,
                                             "visibility": "space", "body": "secret plan"})
        self.assertEqual(item.status, 201)
        self.assertEqual(host.post(f"/api/v1/items/{item.json['id']}/replies", {"body": "yes"}).status, 201)
        host.put(f"/api/v1/items/{item.json['id']}/reactions/like")

        def fresh(client, path):
            reply = client.get(path)
            return reply if reply.status == 200 and not reply.json.get("stale") else None

        instance = wait_until(lambda: fresh(admin, "/api/v1/network/graph"), timeout=30,
                              what="instance graph").json
        handles = [n["id"] for n in instance["nodes"]]
        self.assertIn("sx_host", handles)
        self.assertEqual(instance["edges"], [])  # the reply and reaction are inside the secret space
        space = wait_until(lambda: fresh(host, f"/api/v1/network/graph?scope=space:{slug}"),
                           timeout=30, what="space graph").json
        self.assertEqual(len(space["edges"]), 1)  # the host's own space sees them


if __name__ == "__main__":
    unittest.main()
