#!/usr/bin/python3
"""Compares `kring analyze --format json` with networkx 2.8 on reference graphs.

Usage: test_against_networkx.py PATH_TO_KRING

Reference values are computed live with networkx (a CI dependency), so the
golden data can never go stale. Tolerances: 1e-9 for deterministic metrics,
1e-6 for the iterative ones (eigenvector, PageRank); Louvain modularity must
reach 99% of networkx's louvain_communities.
"""
import json
import math
import os
import random
import subprocess
import sys
import tempfile
import unittest

import networkx as nx
from networkx.algorithms import bipartite

KRING = None
EXACT = 1e-9
ITERATIVE = 1e-6


def run_kring(path, directed=False, extra=()):
    cmd = [KRING, "analyze", path, "--format", "json", "--threads", "2", *extra]
    if directed:
        cmd.append("--directed")
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    if out.returncode != 0:
        raise AssertionError(f"kring failed ({out.returncode}): {out.stderr}")
    return json.loads(out.stdout)


def write_edge_list(G, path, sep=" "):
    """Writes G so that kring assigns ids in G's node order."""
    with open(path, "w", encoding="utf-8") as f:
        for n in G.nodes:
            f.write(f"{n}\n")
        for u, v, d in G.edges(data=True):
            f.write(f"{u}{sep}{v}{sep}{d.get('weight', 1)}\n")


def largest_component(G):
    comps = list(nx.strongly_connected_components(G) if G.is_directed()
                 else nx.connected_components(G))
    sizes = sorted((len(c) for c in comps), reverse=True)
    assert len(sizes) == 1 or sizes[0] > sizes[1], "test graph needs a unique largest component"
    return max(comps, key=len)


def nx_or_none(f):
    try:
        return f()
    except (nx.NetworkXException, ZeroDivisionError):
        return None


class Reference:
    """networkx's values, with the documented kring policies applied."""

    def __init__(self, G):
        self.G = G
        no_loops = G.copy()
        no_loops.remove_edges_from(list(nx.selfloop_edges(no_loops)))
        self.node = {
            "degree": dict(G.degree()),
            "in_degree": dict(G.in_degree()) if G.is_directed() else dict(G.degree()),
            "out_degree": dict(G.out_degree()) if G.is_directed() else dict(G.degree()),
            "strength": dict(G.degree(weight="weight")),
            "betweenness": nx.betweenness_centrality(G),
            "closeness": nx.closeness_centrality(G),
            "harmonic": nx.harmonic_centrality(G),
            "clustering": nx.clustering(G),
            "core": nx.core_number(no_loops),
            "constraint": nx.constraint(G),
            "effective_size": nx.effective_size(G),
            "pagerank": nx.pagerank(G),
        }
        self.eigenvector = nx_or_none(lambda: nx.eigenvector_centrality(G))
        lcc = G.subgraph(largest_component(G))
        self.graph = {
            "nodes": G.number_of_nodes(),
            "edges": G.number_of_edges(),
            "directed": G.is_directed(),
            "density": nx.density(G),
            "reciprocity": nx.overall_reciprocity(G) if G.is_directed() else None,
            "components": (nx.number_weakly_connected_components(G) if G.is_directed()
                           else nx.number_connected_components(G)),
            "strong_components": (nx.number_strongly_connected_components(G) if G.is_directed()
                                  else nx.number_connected_components(G)),
            "transitivity": nx.transitivity(G),
            "average_clustering": nx.average_clustering(G),
            "average_path_length": nx.average_shortest_path_length(lcc),
            "diameter": nx.diameter(lcc) if not G.is_directed() else
            max(max(d.values()) for _, d in nx.shortest_path_length(lcc)),
            "assortativity": nx_or_none(lambda: nx.degree_assortativity_coefficient(G)),
            "metcalfe_potential": G.number_of_nodes() * (G.number_of_nodes() - 1) / 2,
        }
        self.louvain_modularity = max(
            nx.community.modularity(G, nx.community.louvain_communities(G, seed=s))
            for s in range(3))


class NetworkxComparison:
    """Mixin: subclasses set up self.G (networkx) and self.report (kring JSON)."""

    def assertClose(self, got, want, tol, what):
        if want is None or (isinstance(want, float) and math.isnan(want)):
            self.assertIsNone(got, f"{what}: expected null, got {got}")
            return
        self.assertIsNotNone(got, f"{what}: got null, expected {want}")
        self.assertLessEqual(abs(got - want), tol * max(1.0, abs(want)),
                             f"{what}: kring {got} vs networkx {want}")

    def test_node_metrics(self):
        ref = Reference(self.G)
        nodes = {n["id"]: n for n in self.report["nodes"]}
        self.assertEqual(len(nodes), self.G.number_of_nodes())
        for v in self.G.nodes:
            got = nodes[str(v)]
            for key, values in ref.node.items():
                tol = ITERATIVE if key == "pagerank" else EXACT
                self.assertClose(got[key], values[v], tol, f"{key}[{v}]")
            want_ev = None if ref.eigenvector is None else ref.eigenvector[v]
            self.assertClose(got["eigenvector"], want_ev, ITERATIVE, f"eigenvector[{v}]")

    def test_graph_metrics(self):
        ref = Reference(self.G)
        got = self.report["graph"]
        for key, want in ref.graph.items():
            if isinstance(want, bool):
                self.assertEqual(got[key], want, key)
            elif isinstance(want, int):
                self.assertEqual(got[key], want, key)
            else:
                self.assertClose(got[key], want, EXACT, key)

    def test_louvain_modularity_within_one_percent_of_networkx(self):
        ref = Reference(self.G)
        self.assertGreaterEqual(self.report["graph"]["modularity"],
                                ref.louvain_modularity - 0.01 * abs(ref.louvain_modularity))

    def test_reported_modularity_is_that_of_the_reported_partition(self):
        parts = {}
        for n in self.report["nodes"]:
            parts.setdefault(n["community"], set()).add(self.label_to_node[n["id"]])
        want = nx.community.modularity(self.G, list(parts.values()))
        self.assertClose(self.report["graph"]["modularity"], want, EXACT, "modularity")
        self.assertEqual(self.report["graph"]["communities"], len(parts))

    def test_roles_follow_the_documented_rule(self):
        nodes = self.report["nodes"]
        connected = [n for n in nodes if n["degree"] - 2 * self.G.has_edge(
            self.label_to_node[n["id"]], self.label_to_node[n["id"]]) > 0]
        k_hub = max(1, math.ceil(0.05 * len(connected)))
        k_broker = max(1, math.ceil(0.10 * len(connected)))
        pr = sorted((n["pagerank"] for n in connected), reverse=True)
        bc = sorted((n["betweenness"] for n in connected), reverse=True)
        cons = sorted(n["constraint"] for n in connected if n["constraint"] is not None)
        median = cons[(len(cons) - 1) // 2]
        mean_degree = sum(
            n["degree"] - 2 * self.G.has_edge(self.label_to_node[n["id"]],
                                              self.label_to_node[n["id"]])
            for n in connected) / len(connected)
        lcc = max((nx.weakly_connected_components(self.G) if self.G.is_directed()
                   else nx.connected_components(self.G)), key=len)
        for n in nodes:
            v = self.label_to_node[n["id"]]
            deg = n["degree"] - 2 * self.G.has_edge(v, v)
            if deg == 0:
                want = "isolate"
            elif n["pagerank"] >= pr[k_hub - 1] and deg >= 2 * mean_degree:
                want = "hub"
            elif (n["betweenness"] > 0 and n["betweenness"] >= bc[k_broker - 1]
                  and n["constraint"] is not None and n["constraint"] <= median):
                want = "broker"
            elif n["core"] <= 1 or v not in lcc:
                want = "peripheral"
            else:
                want = "member"
            self.assertEqual(n["role"], want, f"role of {n['id']}")


def generated_undirected():
    """Two random clusters, a path, a triangle, isolates and self-loops."""
    rng = random.Random(7)
    G = nx.Graph()
    G.add_nodes_from(range(60))
    for block in (range(0, 25), range(25, 45)):
        for u in block:
            for v in block:
                if u < v and rng.random() < 0.2:
                    G.add_edge(u, v, weight=rng.randint(1, 5))
    G.add_edge(3, 30, weight=1)  # bridge between the clusters
    for u in range(45, 51):
        G.add_edge(u, u + 1, weight=2)  # a path component
    G.add_edges_from([(53, 54), (54, 55), (55, 53)], weight=1)  # a triangle
    for u in (1, 5, 26, 46):  # self-loops on nodes that have other ties
        G.add_edge(u, u, weight=3)
    # 52, 56..59 stay isolated
    return G


def generated_directed():
    rng = random.Random(11)
    G = nx.DiGraph()
    G.add_nodes_from(range(70))
    for u in range(0, 40):
        for v in range(0, 40):
            if u != v and rng.random() < 0.08:
                G.add_edge(u, v, weight=rng.randint(1, 4))
    for u in range(40, 55):  # a second, sparser weak component
        for v in range(40, 55):
            if u != v and rng.random() < 0.1:
                G.add_edge(u, v, weight=1)
    G.add_edges_from([(55, 56), (56, 57), (57, 55), (57, 58)], weight=2)  # a cycle with a tail
    for u in (2, 9, 41, 56):
        G.add_edge(u, u, weight=2)
    # 60..69 isolated
    return G


class GraphCase(NetworkxComparison):
    directed = False
    suffix = ".txt"
    sep = " "

    @classmethod
    def setUpClass(cls):
        cls.G = cls.make_graph()
        cls.label_to_node = {str(v): v for v in cls.G.nodes}
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "graph" + cls.suffix)
            write_edge_list(cls.G, path, cls.sep)
            cls.report = run_kring(path, cls.directed, ["--exact"])


class KarateClub(GraphCase, unittest.TestCase):
    make_graph = staticmethod(nx.karate_club_graph)


class DavisSouthernWomenProjected(GraphCase, unittest.TestCase):
    suffix = ".csv"
    sep = ","

    @staticmethod
    def make_graph():
        B = nx.davis_southern_women_graph()
        women = [n for n, d in B.nodes(data=True) if d["bipartite"] == 0]
        return bipartite.weighted_projected_graph(B, women)


class GeneratedUndirected(GraphCase, unittest.TestCase):
    make_graph = staticmethod(generated_undirected)


class GeneratedDirected(GraphCase, unittest.TestCase):
    directed = True
    make_graph = staticmethod(generated_directed)


class FileFormats(unittest.TestCase):
    """The same network read from each format gives the same figures."""

    def check_format(self, G, writer, suffix, directed=False):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "g" + suffix)
            writer(G, path)
            report = run_kring(path, directed, ["--metrics", "degree"])
        self.assertEqual(report["graph"]["nodes"], G.number_of_nodes())
        self.assertEqual(report["graph"]["edges"], G.number_of_edges())
        self.assertEqual(report["graph"]["directed"], G.is_directed())
        strength = dict(G.degree(weight="weight"))
        for n in report["nodes"]:
            self.assertAlmostEqual(n["strength"], strength[int(n["id"])], places=9)

    def test_graphml(self):
        self.check_format(nx.karate_club_graph(), nx.write_graphml, ".graphml")

    def test_graphml_directed(self):
        self.check_format(generated_directed(), nx.write_graphml, ".graphml")

    def test_gml(self):
        self.check_format(nx.karate_club_graph(), lambda g, p: nx.write_gml(g, p, str), ".gml")

    def test_gml_directed(self):
        self.check_format(generated_directed(), lambda g, p: nx.write_gml(g, p, str), ".gml")

    def test_pajek(self):
        self.check_format(nx.karate_club_graph(), nx.write_pajek, ".net")

    def test_pajek_directed(self):
        self.check_format(generated_directed(), nx.write_pajek, ".net", directed=True)


class SampledEstimates(unittest.TestCase):
    """Sampled betweenness stays inside its stated error bound."""

    def test_sampled_betweenness_within_error_bound(self):
        G = nx.connected_watts_strogatz_graph(400, 6, 0.1, seed=3)
        exact = nx.betweenness_centrality(G)
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "g.txt")
            write_edge_list(G, path)
            report = run_kring(path, False, ["--samples", "100", "--metrics", "betweenness,paths"])
        g = report["graph"]
        self.assertTrue(g["betweenness_sampled"])
        self.assertEqual(g["betweenness_pivots"], 100)
        bound = g["betweenness_error_bound"]
        self.assertGreater(bound, 0)
        for n in report["nodes"]:
            self.assertLessEqual(abs(n["betweenness"] - exact[int(n["id"])]), bound)
        self.assertTrue(g["distances_sampled"])
        self.assertLess(abs(g["average_path_length"] - nx.average_shortest_path_length(G)),
                        0.05 * nx.average_shortest_path_length(G))
        self.assertLessEqual(g["diameter"], nx.diameter(G))


if __name__ == "__main__":
    KRING = sys.argv.pop(1)
    unittest.main()
