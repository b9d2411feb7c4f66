#pragma once
// Degree assortativity as networkx.degree_assortativity_coefficient(G) with
// its defaults (x="out", y="in", weight=None): the Pearson correlation of
// (deg(u), deg(v)) over every tie u-v read in both directions (undirected;
// a self-loop once) or of (out_deg(u), in_deg(v)) over every tie u->v
// (directed). Newman 2002, "Assortative mixing in networks"; Foster et al.
// 2010 for the directed variant. NaN (null) without ties or when all
// degrees are equal (networkx divides 0 by 0). O(n + m), one pass of exact integer moments.
//
// Thread-safety: pure function of an immutable Graph.

#include "graph/graph.h"

namespace kring::graph {

double degree_assortativity(const Graph& g);

}  // namespace kring::graph
