// GEXF 1.3 writer (https://gexf.net/schema.html), the format Gephi opens.

#include "graph/graph_writers.h"
#include "graph/report_writer.h"

namespace kring::graph {
namespace {

const char* gexf_type(NodeAttribute::Type t) {
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

Status write_gexf(std::ostream& out, const Graph& g, const NodeAttributes& attributes) {
  KRING_TRY(check_attributes(g, attributes));
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">\n"
         "  <meta><creator>kring</creator></meta>\n"
      << "  <graph mode=\"static\" defaultedgetype=\"" << (g.directed() ? "directed" : "undirected")
      << "\">\n";
  if (!attributes.empty()) {
    out << "    <attributes class=\"node\">\n";
    for (std::size_t i = 0; i < attributes.size(); ++i) {
      out << "      <attribute id=\"" << i << "\" title=\"" << xml_escape(attributes[i].name)
          << "\" type=\"" << gexf_type(attributes[i].type) << "\"/>\n";
    }
    out << "    </attributes>\n";
  }
  out << "    <nodes>\n";
  for (NodeId u = 0; u < g.node_count(); ++u) {
    out << "      <node id=\"" << u << "\" label=\"" << xml_escape(g.label(u)) << "\"";
    if (attributes.empty()) {
      out << "/>\n";
      continue;
    }
    out << "><attvalues>";
    for (std::size_t i = 0; i < attributes.size(); ++i) {
      const std::string v = attribute_text(attributes[i], u);
      if (!v.empty()) out << "<attvalue for=\"" << i << "\" value=\"" << v << "\"/>";
    }
    out << "</attvalues></node>\n";
  }
  out << "    </nodes>\n    <edges>\n";
  std::uint64_t id = 0;
  for (NodeId u = 0; u < g.node_count(); ++u) {
    auto nb = g.out_neighbors(u);
    auto w = g.out_weights(u);
    for (std::size_t i = 0; i < nb.size(); ++i) {
      if (!g.directed() && nb[i] < u) continue;
      out << "      <edge id=\"" << id++ << "\" source=\"" << u << "\" target=\"" << nb[i]
          << "\" weight=\"" << format_number(w[i]) << "\"/>\n";
    }
  }
  out << "    </edges>\n  </graph>\n</gexf>\n";
  out.flush();
  if (!out) return Error::internal("writing GEXF failed");
  return {};
}

}  // namespace kring::graph
