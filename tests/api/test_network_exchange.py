"""The network sees the contribution economy (issue 11, point 5): a
confirmed contribution is an edge giver -> receiver weighing 2 (as a
connection), fading with the interaction half-life from its confirmation;
members checked in at the same event are tied at 1/(n - 1) for n checked
in (Newman's collaboration weighting), fading from the later check-in.
Pledges, deliveries, declines and plain RSVPs add nothing and leave the
network version (migration 21's triggers) and so the cache as they were.
The metrics on a generated network match networkx.

The contributions and RSVP APIs are built in parallel (issue 11), so these
tests write ledger and RSVP rows straight into the database file
(ledger_rows.py), as migration 16 defines them."""
import random
import unittest

import networkx as nx

from kring_api import ApiTestCase, ok, wait_until
import ledger_rows as rows
from ledger_rows import DAY_US

HALF_LIFE_DAYS = 180.0
CONTRIBUTION = 2.0
CO_ATTENDANCE = 1.0


def fresh(client, path):
    def ready():
        reply = client.get(path)
        return reply if reply.status == 200 and not reply.json.get("stale") else None
    return wait_until(ready, timeout=30, what=path).json


def edge_weights(graph):
    """{(handle, handle): weight}, the pair sorted; the map's edges name nodes by index."""
    ids = [n["id"] for n in graph["nodes"]]
    return {tuple(sorted((ids[a], ids[b]))): w for a, b, w in graph["edges"]}


class ExchangeEdges(ApiTestCase):
    def build_shared(self):
        c = self.register_cast("nx", ["host", "giver", "receiver", "a", "b", "c", "d", "e", "p", "q",
                                      "insider", "helper"])
        type(self).cast = c
        type(self).secret = self.new_space(c["host"], "nx-secret", "secret", [c["insider"], c["helper"]])

    def graph(self, scope=None, who="admin"):
        path = "/api/v1/network/graph" + (f"?scope={scope}" if scope else "")
        return edge_weights(fresh(self.cast[who], path))

    def item(self, author, kind="request", space=None, **fields):
        body = {"kind": kind, "title": "A " + kind, "body": "details", **fields}
        if space:
            body.update(space=space, visibility="space")
        return ok(self.cast[author].post("/api/v1/items", body), 201)

    def event(self, space=None):
        return self.item("host", "event", space, starts_at="2031-05-01T09:00:00Z")

    def test_a_confirmed_contribution_is_an_edge_from_giver_to_receiver(self):
        request = self.item("receiver")
        half_life_ago = rows.now_us() - int(HALF_LIFE_DAYS * DAY_US)
        rows.add_contribution(self.server, request["id"], "nx_giver", "nx_receiver", "time", 5,
                              decided_at=half_life_ago)
        weight = self.graph()[("nx_giver", "nx_receiver")]
        self.assertAlmostEqual(weight, CONTRIBUTION / 2, places=5)  # one half-life old
        # One edge per contribution, whatever its amount or kind.
        rows.add_contribution(self.server, request["id"], "nx_giver", "nx_receiver", "money", 100000,
                              decided_at=half_life_ago)
        self.assertAlmostEqual(self.graph()[("nx_giver", "nx_receiver")], CONTRIBUTION, places=5)

    def test_pledged_delivered_declined_or_withdrawn_contributions_add_no_edge(self):
        request = self.item("q")
        for status in ("pledged", "delivered", "declined", "withdrawn", "void"):
            rows.add_contribution(self.server, request["id"], "nx_p", "nx_q", status=status)
        self.assertNotIn(("nx_p", "nx_q"), self.graph())
        rows.execute(self.server, "UPDATE contributions SET status = 'confirmed', decided_at = ? "
                                  "WHERE giver_id = ? AND status = 'delivered'",
                     (rows.now_us(), rows.member_id(self.server, "nx_p")))
        self.assertAlmostEqual(self.graph()[("nx_p", "nx_q")], CONTRIBUTION, places=4)

    def test_the_network_version_moves_only_for_what_the_network_reads(self):
        request = self.item("receiver")
        event = self.event()
        v = rows.network_version(self.server)
        rows.add_contribution(self.server, request["id"], "nx_e", "nx_receiver", status="pledged")
        rows.execute(self.server, "UPDATE contributions SET status = 'delivered' WHERE giver_id = ?",
                     (rows.member_id(self.server, "nx_e"),))
        rows.add_rsvp(self.server, event["id"], "nx_e")
        self.assertEqual(rows.network_version(self.server), v)
        rows.execute(self.server, "UPDATE contributions SET status = 'confirmed' WHERE giver_id = ?",
                     (rows.member_id(self.server, "nx_e"),))
        self.assertEqual(rows.network_version(self.server), v + 1)
        rows.execute(self.server, "UPDATE rsvps SET checked_in_at = ? WHERE member_id = ?",
                     (rows.now_us(), rows.member_id(self.server, "nx_e")))
        self.assertEqual(rows.network_version(self.server), v + 2)
        rows.execute(self.server, "DELETE FROM rsvps WHERE member_id = ?", (rows.member_id(self.server, "nx_e"),))
        rows.execute(self.server, "DELETE FROM contributions WHERE giver_id = ?",
                     (rows.member_id(self.server, "nx_e"),))
        self.assertEqual(rows.network_version(self.server), v + 4)

    def test_co_attendance_ties_only_members_checked_in_shared_among_them(self):
        event = self.event()
        long_ago = rows.now_us() - int(HALF_LIFE_DAYS * DAY_US)
        for who in ("nx_a", "nx_b", "nx_c"):
            rows.add_rsvp(self.server, event["id"], who, checked_in_at=long_ago)
        rows.add_rsvp(self.server, event["id"], "nx_d")  # going, never checked in
        rows.add_rsvp(self.server, event["id"], "nx_host", state="waitlisted")
        edges = self.graph()
        for pair in (("nx_a", "nx_b"), ("nx_a", "nx_c"), ("nx_b", "nx_c")):
            self.assertAlmostEqual(edges[pair], CO_ATTENDANCE / (3 - 1) / 2, places=5)
        self.assertFalse([p for p in edges if "nx_d" in p])
        self.assertNotIn(("nx_a", "nx_host"), edges)
        # A fourth check-in shares the event among four: every pair's weight moves.
        rows.execute(self.server, "UPDATE rsvps SET checked_in_at = ? WHERE member_id = ? AND item_id = ?",
                     (long_ago, rows.member_id(self.server, "nx_d"), int(event["id"])))
        edges = self.graph()
        self.assertAlmostEqual(edges[("nx_a", "nx_b")], CO_ATTENDANCE / (4 - 1) / 2, places=5)
        self.assertAlmostEqual(edges[("nx_a", "nx_d")], CO_ATTENDANCE / (4 - 1) / 2, places=5)
        # A suspended member is no node, but was there: the event is shared
        # among five, and the version (the check-in count is part of it) moves.
        suspended = self.register("nx_gone")
        self.assertEqual(self.cast["admin"].post("/api/v1/members/nx_gone/suspend").status, 204)
        self.graph()
        rows.add_rsvp(self.server, event["id"], suspended.handle, checked_in_at=long_ago)
        edges = self.graph()
        self.assertAlmostEqual(edges[("nx_a", "nx_b")], CO_ATTENDANCE / (5 - 1) / 2, places=5)
        self.assertFalse([p for p in edges if "nx_gone" in p])

    def test_a_deleted_items_contributions_leave_the_network(self):
        request = self.item("host")
        rows.add_contribution(self.server, request["id"], "nx_b", "nx_host")
        self.assertIn(("nx_b", "nx_host"), self.graph())
        self.assertEqual(self.cast["host"].delete(f"/api/v1/items/{request['id']}").status, 204)
        self.assertNotIn(("nx_b", "nx_host"), self.graph())

    def test_a_secret_spaces_ledger_and_events_stay_out_of_the_instance_network(self):
        request = self.item("insider", space=self.secret)
        event = self.event(space=self.secret)
        before = fresh(self.cast["admin"], "/api/v1/network/metrics")
        rows.add_contribution(self.server, request["id"], "nx_helper", "nx_insider")
        for who in ("nx_helper", "nx_insider"):
            rows.add_rsvp(self.server, event["id"], who, checked_in_at=rows.now_us())
        after = fresh(self.cast["admin"], "/api/v1/network/metrics")
        self.assertEqual(after["version"], before["version"])
        self.assertEqual(after["graph"]["edges"], before["graph"]["edges"])
        self.assertNotIn(("nx_helper", "nx_insider"), self.graph())
        inside = self.graph(scope=f"space:{self.secret}", who="host")
        # Both edges, summed: the contribution (2) and the co-attendance of two (1).
        self.assertAlmostEqual(inside[("nx_helper", "nx_insider")], CONTRIBUTION + CO_ATTENDANCE, places=4)


class GeneratedExchangeNetwork(ApiTestCase):
    """A seeded random network of follows, connections, confirmed (and
    unconfirmed) contributions and check-ins. The weights kring gives each
    pair are recomputed here from the rows, independently, and the metrics
    on that weighted graph are networkx's."""

    def test_weights_and_metrics_match_networkx(self):
        rng = random.Random(11)
        admin = self.register("gx_admin")
        handles = [f"gx_{i:02d}" for i in range(14)]
        clients = {h: self.register(h) for h in handles}
        expected = {}

        def add(a, b, w):
            key = tuple(sorted((a, b)))
            expected[key] = expected.get(key, 0.0) + w

        pairs = [(a, b) for i, a in enumerate(handles) for b in handles[i + 1:]]
        for a, b in rng.sample(pairs, 10):
            self.assertEqual(clients[a].post(f"/api/v1/members/{b}/follow").status, 200)
            add(a, b, 1.0)
        for a, b in rng.sample(pairs, 6):
            if (tuple(sorted((a, b)))) in expected:
                continue
            self.connect(clients[a], clients[b])
            add(a, b, 4.0)  # a connection is a row each way, 2 each
        now = rows.now_us()
        requests = [(h, ok(clients[h].post("/api/v1/items", {"kind": "request", "title": "Help", "body": "x"}),
                           201)) for h in handles[:5]]
        for _ in range(16):
            receiver, request = rng.choice(requests)
            giver = rng.choice([h for h in handles if h != receiver])
            status = rng.choice(["confirmed", "confirmed", "pledged", "declined"])
            age_days = rng.uniform(0, 400)
            rows.add_contribution(self.server, request["id"], giver, receiver, rng.choice(["time", "item"]),
                                  rng.randint(1, 9), status=status, decided_at=now - int(age_days * DAY_US))
            if status == "confirmed":
                add(giver, receiver, CONTRIBUTION * 2 ** (-age_days / HALF_LIFE_DAYS))
        for size in (2, 3, 5):
            event = ok(clients[handles[0]].post("/api/v1/items", {
                "kind": "event", "title": "Meet", "body": "x", "starts_at": "2031-01-01T10:00:00Z"}), 201)
            attendees = rng.sample(handles, size + 1)
            ages = {}
            for h in attendees[:size]:
                ages[h] = rng.uniform(0, 300)
                rows.add_rsvp(self.server, event["id"], h, checked_in_at=now - int(ages[h] * DAY_US))
            rows.add_rsvp(self.server, event["id"], attendees[size])  # not checked in
            checked = attendees[:size]
            for i, a in enumerate(checked):
                for b in checked[i + 1:]:
                    age = min(ages[a], ages[b])  # the later check-in
                    add(a, b, CO_ATTENDANCE / (size - 1) * 2 ** (-age / HALF_LIFE_DAYS))

        graph = fresh(admin, "/api/v1/network/graph")
        got = edge_weights(graph)
        self.assertEqual(set(got), set(expected))
        for pair, w in expected.items():
            self.assertAlmostEqual(got[pair], w, delta=1e-6 * max(1.0, w), msg=str(pair))

        G = nx.Graph()
        G.add_nodes_from(n["id"] for n in graph["nodes"])
        for (a, b), w in got.items():
            G.add_edge(a, b, weight=w)
        metrics = fresh(admin, "/api/v1/network/metrics")["graph"]
        self.assertEqual((metrics["nodes"], metrics["edges"]), (G.number_of_nodes(), G.number_of_edges()))
        self.assertAlmostEqual(metrics["density"], nx.density(G), places=9)
        self.assertEqual(metrics["components"], nx.number_connected_components(G))
        self.assertAlmostEqual(metrics["average_clustering"], nx.average_clustering(G), places=9)
        self.assertAlmostEqual(metrics["transitivity"], nx.transitivity(G), places=9)
        strength = dict(G.degree(weight="weight"))
        pagerank = nx.pagerank(G)
        betweenness = nx.betweenness_centrality(G)
        closeness = nx.closeness_centrality(G)
        clustering = nx.clustering(G)
        for node in graph["nodes"]:
            h = node["id"]
            self.assertEqual(node["degree"], G.degree(h), h)
            self.assertAlmostEqual(node["strength"], strength[h], places=6, msg=h)
            self.assertAlmostEqual(node["pagerank"], pagerank[h], delta=1e-6, msg=h)
            self.assertAlmostEqual(node["betweenness"], betweenness[h], places=9, msg=h)
            self.assertAlmostEqual(node["closeness"], closeness[h], places=9, msg=h)
            self.assertAlmostEqual(node["clustering"], clustering[h], places=9, msg=h)


if __name__ == "__main__":
    unittest.main()
