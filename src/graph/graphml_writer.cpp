// GraphML writer (http://graphml.graphdrawing.org/specification.html).

#include "graph/graph_writers.h"
#include "graph/report_writer.h"

namespace kring::graph {
namespace {

const char* graphml_type(NodeAttribute::Type t) {
  switch (t) {
    case NodeAttribute::Type::kDouble:
      return "double";
    case NodeAttribute::Type::kInt:
      return "long";
    case NodeAttribute::Type::kString:
      return "string";
  }
  return "string";
}

}  // namespace

Status write_graphml(std::ostream& out, const Graph& g, const NodeAttributes& attributes) {
  KRING_TRY(check_attributes(g, attributes));
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
         "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
         "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
         "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  for (std::size_t i = 0; i < attributes.size(); ++i) {
    out << "  <key id=\"n" << i << "\" for=\"node\" attr.name=\"" << xml_escape(attributes[i].name)
        << "\" attr.type=\"" << graphml_type(attributes[i].type) << "\"/>\n";
  }
  out << "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
      << "  <graph edgedefault=\"" << (g.directed() ? "directed" : "undirected") << "\">\n";
  for (NodeId u = 0; u < g.node_count(); ++u) {
    out << "    <node id=\"" << xml_escape(g.label(u)) << "\"";
    if (attributes.empty()) {
      out << "/>\n";
      continue;
    }
    out << ">";
    for (std::size_t i = 0; i < attributes.size(); ++i) {
      const std::string v = attribute_text(attributes[i], u);
      if (!v.empty()) out << "<data key=\"n" << i << "\">" << v << "</data>";
    }
    out << "</node>\n";
  }
  for (NodeId u = 0; u < g.node_count(); ++u) {
    auto nb = g.out_neighbors(u);
    auto w = g.out_weights(u);
    for (std::size_t i = 0; i < nb.size(); ++i) {
      if (!g.directed() && nb[i] < u) continue;
      out << "    <edge source=\"" << xml_escape(g.label(u)) << "\" target=\""
          << xml_escape(g.label(nb[i])) << "\"><data key=\"weight\">" << format_number(w[i])
          << "</data></edge>\n";
    }
  }
  out << "  </graph>\n</graphml>\n";
  out.flush();
  if (!out) return Error::internal("writing GraphML failed");
  return {};
}

}  // namespace kring::graph
