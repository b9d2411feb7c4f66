#pragma once
// Writers that hand a network to other tools: GraphML (yEd, Cytoscape,
// networkx.read_graphml) and GEXF 1.3 (Gephi). Each writes every node with
// its label and the given attribute columns, and every tie once with its
// weight. `kring export --graph F.graphml|F.gexf` calls them.
//
// Attribute values that are NaN (undefined metrics) are left out for that
// node, so readers see them as missing rather than as a number.
//
// Thread-safety: pure functions writing to the given stream.

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "core/result.h"
#include "graph/analysis.h"
#include "graph/edge_list.h"
#include "graph/graph.h"

namespace kring::graph {

// One column of per-node values; exactly one of the vectors is filled,
// with one entry per node.
struct NodeAttribute {
  enum class Type { kDouble, kInt, kString };
  std::string name;
  Type type = Type::kDouble;
  std::vector<double> doubles;
  std::vector<std::int64_t> ints;
  std::vector<std::string> strings;
};
using NodeAttributes = std::vector<NodeAttribute>;

// The node columns of an analysis report (degree, betweenness, ...,
// community, role) as attributes, in the JSON report's order.
NodeAttributes attributes_from_report(const NetworkReport& report);

// Fails with Error::invalid when a column's length differs from the node
// count, and with Error::internal when the stream fails.
Status write_graphml(std::ostream& out, const Graph& g, const NodeAttributes& attributes = {});
Status write_gexf(std::ostream& out, const Graph& g, const NodeAttributes& attributes = {});

// Convenience for callers holding an EdgeList: builds the Graph (duplicate
// ties: last weight wins) and writes it; build errors are returned.
Status write_graphml(std::ostream& out, const EdgeList& list,
                     const NodeAttributes& attributes = {});
Status write_gexf(std::ostream& out, const EdgeList& list, const NodeAttributes& attributes = {});

// Shared by both writers: `s` with &, <, >, " and ' escaped, and control
// characters other than tab and newline dropped (XML 1.0 forbids them).
std::string xml_escape(std::string_view s);
// Checks that each column has one value per node.
Status check_attributes(const Graph& g, const NodeAttributes& attributes);
// The attribute's value at `node` as text; empty when it is NaN.
std::string attribute_text(const NodeAttribute& a, NodeId node);

}  // namespace kring::graph
