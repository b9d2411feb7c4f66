#include <cmath>

#include "graph/graph_writers.h"
#include "graph/report_writer.h"

namespace kring::graph {
namespace {

template <typename T>
void add(NodeAttributes& out, std::string name, const std::vector<T>& v) {
  if (v.empty()) return;
  NodeAttribute a;
  a.name = std::move(name);
  if constexpr (std::is_floating_point_v<T>) {
    a.type = NodeAttribute::Type::kDouble;
    a.doubles.assign(v.begin(), v.end());
  } else {
    a.type = NodeAttribute::Type::kInt;
    a.ints.assign(v.begin(), v.end());
  }
  out.push_back(std::move(a));
}

}  // namespace

NodeAttributes attributes_from_report(const NetworkReport& report) {
  const NodeMetrics& m = report.nodes;
  NodeAttributes out;
  add(out, "degree", m.degree);
  add(out, "in_degree", m.in_degree);
  add(out, "out_degree", m.out_degree);
  add(out, "strength", m.strength);
  add(out, "betweenness", m.betweenness);
  add(out, "closeness", m.closeness);
  add(out, "harmonic", m.harmonic);
  add(out, "eigenvector", m.eigenvector);
  add(out, "pagerank", m.pagerank);
  add(out, "clustering", m.clustering);
  add(out, "core", m.core);
  add(out, "constraint", m.constraint);
  add(out, "effective_size", m.effective_size);
  add(out, "community", m.community);
  if (!m.role.empty()) {
    NodeAttribute a;
    a.name = "role";
    a.type = NodeAttribute::Type::kString;
    for (Role r : m.role) a.strings.emplace_back(role_name(r));
    out.push_back(std::move(a));
  }
  return out;
}

std::string xml_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n') break;
        out += c;
    }
  }
  return out;
}

Status check_attributes(const Graph& g, const NodeAttributes& attributes) {
  for (const NodeAttribute& a : attributes) {
    const std::size_t size = a.type == NodeAttribute::Type::kDouble ? a.doubles.size()
                             : a.type == NodeAttribute::Type::kInt  ? a.ints.size()
                                                                    : a.strings.size();
    if (size != g.node_count()) {
      return Error::invalid("bad_attribute", "attribute '" + a.name + "' has " +
                                                 std::to_string(size) + " values for " +
                                                 std::to_string(g.node_count()) + " nodes");
    }
  }
  return {};
}

std::string attribute_text(const NodeAttribute& a, NodeId node) {
  switch (a.type) {
    case NodeAttribute::Type::kDouble:
      return std::isfinite(a.doubles[node]) ? format_number(a.doubles[node]) : std::string();
    case NodeAttribute::Type::kInt:
      return std::to_string(a.ints[node]);
    case NodeAttribute::Type::kString:
      return xml_escape(a.strings[node]);
  }
  return {};
}

Status write_graphml(std::ostream& out, const EdgeList& list, const NodeAttributes& attributes) {
  auto g = Graph::build(list);
  if (!g) return std::move(g).error();
  return write_graphml(out, *g, attributes);
}

Status write_gexf(std::ostream& out, const EdgeList& list, const NodeAttributes& attributes) {
  auto g = Graph::build(list);
  if (!g) return std::move(g).error();
  return write_gexf(out, *g, attributes);
}

}  // namespace kring::graph
