"""Network features see members as the caller may: hidden profile fields stay hidden in
suggestions and tag networks, blocks hide both ways, and activity the caller may not see
(inside a secret space) changes nothing the caller can read from the network endpoints."""
import unittest

from kring_api import ApiTestCase, wait_until


def fresh(client, path):
    """The path's answer once it is computed and current."""
    def ready():
        reply = client.get(path)
        return reply if reply.status == 200 and not reply.json.get("stale") else None
    return wait_until(ready, timeout=30, what=path).json


def handles(members):
    return sorted(m["handle"] for m in members)


def ids(nodes):
    return sorted(n["id"] for n in nodes)


class HiddenFieldsInNetworkFeatures(ApiTestCase):
    def test_bridge_suggestions_show_only_skills_the_host_may_see(self):
        host = self.register("hf_host")
        hubs = [self.register(f"hf_hub{k}", skills=["Knitting"]) for k in range(3)]
        shown = self.register("hf_shown", skills=["Knitting"])
        hidden = self.register("hf_hidden", skills=["Knitting"], visibility={"skills": "connections"})
        host.post("/api/v1/spaces", {"name": "Buren", "slug": "hf-buren", "kind": "neighbourhood",
                                     "visibility": "open"})
        for m in (*hubs, shown, hidden):
            self.assertEqual(m.post("/api/v1/spaces/hf-buren/members").status, 200)
        self.connect(hubs[0], hubs[1])
        self.connect(hubs[1], hubs[2])
        self.connect(hubs[2], hubs[0])
        bridges = {b["member"]["handle"]: b for b in host.get("/api/v1/me/suggestions").json["bridges"]}
        self.assertEqual(bridges["hf_shown"]["shared_skills"], ["Knitting"])
        self.assertEqual(bridges["hf_hidden"]["shared_skills"], [])
        self.assertNotIn("skills", bridges["hf_hidden"]["member"])



class HiddenFieldsInTagNetworks(ApiTestCase):
    # An analyst sees a tag network as any member who is not a connection would: a member
    # counts through a skill or interest only when that field is public or members-visible.
    def test_tag_network_leaves_out_connections_only_skills(self):
        admin = self.register("tg_admin")
        analyst = self.register("tg_analyst")
        self.assertEqual(admin.put("/api/v1/members/tg_analyst/role", {"role": "analyst"}).status, 204)
        self.register("tg_public", skills=["Beekeeping"])
        self.register("tg_members", skills=["Beekeeping"], visibility={"skills": "members"})
        hidden = self.register("tg_hidden", interests=["Beekeeping"],
                               visibility={"interests": "connections"})
        path = "/api/v1/network/graph?scope=tag:beekeeping"
        self.assertEqual(ids(fresh(analyst, path)["nodes"]), ["tg_members", "tg_public"])
        # Made connections-only later, a public skill leaves the tag network too.
        later = self.register("tg_later", skills=["Beekeeping"])
        self.assertIn("tg_later", ids(fresh(analyst, path)["nodes"]))
        self.assertEqual(later.patch("/api/v1/me", {"visibility": {"skills": "connections"}}).status, 200)
        self.assertEqual(ids(fresh(analyst, path)["nodes"]), ["tg_members", "tg_public"])
        self.assertEqual(hidden.patch("/api/v1/me", {"visibility": {"interests": "public"}}).status, 200)
        self.assertEqual(ids(fresh(analyst, path)["nodes"]), ["tg_hidden", "tg_members", "tg_public"])


class BlocksInNetworkFeatures(ApiTestCase):
    def setUp(self):
        if hasattr(type(self), "built"):
            return
        type(self).built = True
        c = type(self)
        c.admin = self.register("bl_admin")
        c.x, c.y, c.z, c.w, c.a, c.b, c.v = (
            self.register(h) for h in ("bl_x", "bl_y", "bl_z", "bl_w", "bl_a", "bl_b", "bl_v"))
        # y and x have talked (a reply each way and a connection); z links them both; x is the
        # best connected member of y's space, where v is alone.
        self.connect(c.x, c.y)
        self.connect(c.y, c.z)
        self.connect(c.z, c.x)
        self.connect(c.z, c.w)
        self.connect(c.x, c.a)
        self.connect(c.x, c.b)
        for author, other in ((c.x, c.y), (c.y, c.x)):
            item = author.post("/api/v1/items", {"kind": "note", "visibility": "public", "body": "hello"})
            self.assertEqual(other.post(f"/api/v1/items/{item.json['id']}/replies", {"body": "hi"}).status, 201)
        c.y.post("/api/v1/spaces", {"name": "Plein", "slug": "bl-plein", "kind": "neighbourhood",
                                    "visibility": "open"})
        for m in (c.x, c.z, c.w, c.a, c.b, c.v):
            m.post("/api/v1/spaces/bl-plein/members")
        self.assertEqual(c.x.post("/api/v1/members/bl_y/block").status, 200)

    def ego(self, client, handle):
        return fresh(client, f"/api/v1/network/members/{handle}")

    def test_ego_networks_show_neither_side_of_a_block(self):
        y_ego = self.ego(self.y, "bl_y")
        self.assertEqual(ids(y_ego["ego"]["nodes"]), ["bl_z"])
        self.assertEqual(y_ego["metrics"]["degree"], 1)
        self.assertFalse([e for e in y_ego["ego"]["edges"] if "bl_x" in e[:2]])
        x_ego = self.ego(self.x, "bl_x")
        self.assertEqual(ids(x_ego["ego"]["nodes"]), ["bl_a", "bl_b", "bl_z"])
        self.assertFalse([e for e in x_ego["ego"]["edges"] if "bl_y" in e[:2]])

    def test_suggestions_name_nobody_in_a_block_either_way(self):
        for me, other in ((self.y, "bl_x"), (self.x, "bl_y")):
            body = me.get("/api/v1/me/suggestions").json
            self.assertNotIn(other, [c["handle"] for c in body["connect"]])
            for b in body["bridges"]:
                self.assertNotIn(other, (b["member"]["handle"], b["bridge"]["handle"]))
        # y hosts the space where x would be the best bridge for v: v gets another one.
        host_bridges = self.y.get("/api/v1/me/suggestions").json["bridges"]
        self.assertIn("bl_v", [b["member"]["handle"] for b in host_bridges])

    def test_second_degree_names_nobody_in_a_block_either_way(self):
        for me, other in ((self.y, "bl_x"), (self.x, "bl_y")):
            for entry in me.get("/api/v1/me/second-degree").json["items"]:
                self.assertNotEqual(entry["handle"], other)
                self.assertNotIn(other, [v["handle"] for v in entry["via"]])
        self.assertEqual([e["handle"] for e in self.y.get("/api/v1/me/second-degree").json["items"]],
                         ["bl_w"])

    def test_host_space_views_leave_out_whom_they_block_with(self):
        graph = fresh(self.y, "/api/v1/network/graph?scope=space:bl-plein")
        self.assertNotIn("bl_x", [n["id"] for n in graph["nodes"]])
        communities = fresh(self.y, "/api/v1/network/communities?scope=space:bl-plein")
        self.assertNotIn("bl_x", [h for c in communities["items"] for h in c["top_members"]])

    def test_network_panel_of_someone_in_a_block_is_not_found(self):
        self.assertEqual(self.admin.put("/api/v1/members/bl_x/role", {"role": "analyst"}).status, 204)
        self.assertError(self.x.get("/api/v1/network/members/bl_y"), 404)
        self.assertEqual(wait_until(lambda: (r := self.x.get("/api/v1/network/members/bl_z")).status == 200
                                    and r, timeout=30, what="z's panel").status, 200)


class SecretActivityAndTheNetworkVersion(ApiTestCase):
    def test_secret_space_activity_changes_nothing_an_outsider_reads(self):
        admin = self.register("sv_admin")
        analyst = self.register("sv_analyst")
        self.assertEqual(admin.put("/api/v1/members/sv_analyst/role", {"role": "analyst"}).status, 204)
        outsider = self.register("sv_out")
        host, guest, newcomer = self.register("sv_host"), self.register("sv_guest"), self.register("sv_new")
        kluis = host.post("/api/v1/spaces", {"name": "Kluis", "slug": "sv-kluis", "kind": "team",
                                             "visibility": "secret"}).json["slug"]
        host.post(f"/api/v1/spaces/{kluis}/invites", {"handle": "sv_guest"})
        guest.post(f"/api/v1/spaces/{kluis}/members")
        views = {"metrics": (analyst, "/api/v1/network/metrics"),
                 "graph": (analyst, "/api/v1/network/graph"),
                 "ego": (outsider, "/api/v1/network/members/sv_out")}
        before = {name: fresh(client, path) for name, (client, path) in views.items()}

        item = guest.post("/api/v1/items", {"kind": "note", "space": kluis, "visibility": "space",
                                             "body": "secret plan"})
        self.assertEqual(item.status, 201)
        reply = host.post(f"/api/v1/items/{item.json['id']}/replies", {"body": "agreed"})
        self.assertEqual(reply.status, 201)
        self.assertEqual(host.put(f"/api/v1/items/{item.json['id']}/reactions/like").status // 100, 2)
        self.assertEqual(guest.put(f"/api/v1/replies/{reply.json['id']}/reactions/like").status // 100, 2)
        host.post(f"/api/v1/spaces/{kluis}/invites", {"handle": "sv_new"})
        self.assertEqual(newcomer.post(f"/api/v1/spaces/{kluis}/members").status, 200)

        for name, (client, path) in views.items():
            after = client.get(path)
            self.assertEqual(after.status, 200, name)
            self.assertEqual(after.json, before[name], name)  # version, computed_at, stale, history

        # A public tie changes the version, and adds one computation to the history, not two.
        self.assertEqual(outsider.post("/api/v1/members/sv_host/follow").status, 200)
        self.assertTrue(analyst.get("/api/v1/network/metrics").json["stale"])
        changed = fresh(analyst, "/api/v1/network/metrics")
        self.assertNotEqual(changed["version"], before["metrics"]["version"])
        self.assertEqual(len(changed["history"]), len(before["metrics"]["history"]) + 1)
        self.assertEqual(changed["graph"]["edges"], before["metrics"]["graph"]["edges"] + 1)


class LeftAndSuspendedMembersInNetworkFeatures(ApiTestCase):
    def test_a_host_who_left_gets_no_bridges_for_the_space(self):
        owner, mod = self.register("lf_owner"), self.register("lf_mod")
        lonely = [self.register(f"lf_lonely{k}") for k in range(3)]
        stil = owner.post("/api/v1/spaces", {"name": "Stil", "slug": "lf-stil", "kind": "community",
                                             "visibility": "secret"}).json["slug"]
        for m in (mod, *lonely):
            owner.post(f"/api/v1/spaces/{stil}/invites", {"handle": m.handle})
            m.post(f"/api/v1/spaces/{stil}/members")
        self.connect(owner, lonely[0])
        self.connect(lonely[0], lonely[1])
        owner.post(f"/api/v1/spaces/{stil}/roles/lf_mod", {"role": "moderator"})
        self.assertIn(stil, [b["space"] for b in mod.get("/api/v1/me/suggestions").json["bridges"]])
        self.assertEqual(mod.delete(f"/api/v1/spaces/{stil}/members/lf_mod").status // 100, 2)
        body = mod.get("/api/v1/me/suggestions").json
        self.assertEqual(body["bridges"], [])
        self.assertNotIn(stil, [s for c in body["connect"] for s in c["reason"]["shared_spaces"]])


class SuspendedMembersInSuggestions(ApiTestCase):
    def test_suspended_members_are_not_suggested_and_get_no_suggestions(self):
        admin = self.register("ss_admin")
        me, friend, fof = self.register("ss_me"), self.register("ss_friend"), self.register("ss_fof")
        self.connect(me, friend)
        self.connect(friend, fof)
        self.assertIn("ss_fof", [c["handle"] for c in me.get("/api/v1/me/suggestions").json["connect"]])
        self.assertEqual(admin.post("/api/v1/members/ss_fof/suspend").status // 100, 2)
        self.assertNotIn("ss_fof", [c["handle"] for c in me.get("/api/v1/me/suggestions").json["connect"]])
        self.assertError(fof.get("/api/v1/me/suggestions"), 403)


class SuspendedMembersInNetworkViews(ApiTestCase):
    def test_a_suspended_member_is_named_nowhere_even_from_the_cached_report(self):
        admin = self.register("sn_admin")
        analyst = self.register("sn_analyst")
        self.assertEqual(admin.put("/api/v1/members/sn_analyst/role", {"role": "analyst"}).status, 204)
        me, gone = self.register("sn_me"), self.register("sn_gone")
        self.connect(me, gone)
        self.assertEqual(ids(fresh(me, "/api/v1/network/members/sn_me")["ego"]["nodes"]), ["sn_gone"])
        self.assertIn("sn_gone", ids(fresh(analyst, "/api/v1/network/graph")["nodes"]))
        self.assertEqual(admin.post("/api/v1/members/sn_gone/suspend").status, 204)
        ego = me.get("/api/v1/network/members/sn_me").json
        self.assertEqual(ego["ego"]["nodes"], [])
        self.assertNotIn("sn_gone", ids(analyst.get("/api/v1/network/graph").json["nodes"]))
        self.assertError(analyst.get("/api/v1/network/members/sn_gone"), 404)


if __name__ == "__main__":
    unittest.main()
