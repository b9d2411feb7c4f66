#pragma once
// Writes a NetworkReport as JSON, CSV or an aligned text table. The JSON
// shape is the contract of `kring analyze --format json` (issue 5):
//   {"graph": {"nodes", "edges", "directed", "density", "reciprocity",
//              "components", "strong_components", "transitivity",
//              "average_clustering", "modularity", "communities",
//              "average_path_length", "diameter", "assortativity", ...extras},
//    "nodes": [{"id", "degree", "in_degree", "out_degree", "strength",
//               "betweenness", "closeness", "harmonic", "eigenvector",
//               "pagerank", "clustering", "core", "constraint",
//               "effective_size", "community", "role"}, ...]}
// Undefined and not-computed graph figures are null; node columns of metrics
// that were not computed are left out; NaN node values are null. Numbers are
// printed in the shortest form that reads back to the same double.
//
// Thread-safety: pure functions writing to the given stream.

#include <ostream>

#include "graph/analysis.h"
#include "graph/graph.h"

namespace kring::graph {

void write_report_json(std::ostream& out, const Graph& g, const NetworkReport& report);
// One header line, then one line per node (RFC 4180 quoting of labels).
void write_report_csv(std::ostream& out, const Graph& g, const NetworkReport& report);
// Whole-network figures, then the node table, for people at a terminal.
void write_report_table(std::ostream& out, const Graph& g, const NetworkReport& report);

// Shortest round-trip text of a double; "null" for NaN and infinities.
std::string format_number(double x);
// `s` as a JSON string literal, with quotes.
std::string json_string(std::string_view s);

}  // namespace kring::graph
