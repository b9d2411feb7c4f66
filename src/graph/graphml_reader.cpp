// GraphML reader (http://graphml.graphdrawing.org/specification.html),
// the subset networkx.write_graphml and Gephi produce.

#include <optional>
#include <unordered_set>

#include "graph/parse_util.h"
#include "graph/readers.h"
#include "graph/xml_reader.h"

namespace kring::graph {
namespace {

struct PendingEdge {
  std::string source, target;
  double weight = 1.0;
  std::size_t line = 0;
};

}  // namespace

Result<EdgeList> read_graphml(std::string_view text, bool directed) {
  XmlReader xml(text);
  EdgeListBuilder builder(directed);
  std::unordered_set<std::string> weight_keys;
  double weight_default = 1.0;
  std::string current_key;  // id of the <key> being read
  bool in_key_default = false;
  std::string key_default_text;
  int graphs = 0, graph_depth = 0;
  std::optional<PendingEdge> edge;
  bool in_weight_data = false;
  std::string data_text;
  std::size_t data_line = 0;
  bool saw_root = false;

  for (;;) {
    auto ev = xml.next();
    if (!ev) return std::move(ev).error();
    const XmlEvent& e = *ev;
    if (e.kind == XmlEvent::Kind::kEndOfDocument) break;
    if (e.kind == XmlEvent::Kind::kText) {
      if (in_weight_data) data_text += e.text;
      if (in_key_default) key_default_text += e.text;
      continue;
    }
    if (e.kind == XmlEvent::Kind::kStart) {
      if (!saw_root && e.name != "graphml") {
        return parse_error(
            e.line, "expected a <graphml> root element, found <" + e.name.substr(0, 40) + ">");
      }
      saw_root = true;
      if (e.name == "key") {
        const std::string* id = e.attribute("id");
        const std::string* name = e.attribute("attr.name");
        const std::string* domain = e.attribute("for");
        if (id == nullptr) return parse_error(e.line, "<key> without id");
        current_key = *id;
        if (name != nullptr && *name == "weight" &&
            (domain == nullptr || *domain == "edge" || *domain == "all")) {
          weight_keys.insert(*id);
        }
      } else if (e.name == "default" && !current_key.empty() && weight_keys.count(current_key)) {
        in_key_default = true;
        key_default_text.clear();
      } else if (e.name == "graph") {
        if (graph_depth > 0) return parse_error(e.line, "nested graphs are not supported");
        if (++graphs > 1) return parse_error(e.line, "more than one <graph> in the file");
        ++graph_depth;
        const std::string* def = e.attribute("edgedefault");
        if (def != nullptr && *def == "directed") builder.set_directed(true);
      } else if (e.name == "node") {
        if (graph_depth == 0) return parse_error(e.line, "<node> outside <graph>");
        const std::string* id = e.attribute("id");
        if (id == nullptr) return parse_error(e.line, "<node> without id");
        if (auto p = label_problem(*id); !p.empty()) return parse_error(e.line, p);
        builder.node(*id);
      } else if (e.name == "edge") {
        if (graph_depth == 0) return parse_error(e.line, "<edge> outside <graph>");
        const std::string* s = e.attribute("source");
        const std::string* t = e.attribute("target");
        if (s == nullptr || t == nullptr) {
          return parse_error(e.line, "<edge> needs source and target");
        }
        for (const std::string* l : {s, t}) {
          if (auto p = label_problem(*l); !p.empty()) return parse_error(e.line, p);
        }
        edge = PendingEdge{*s, *t, weight_default, e.line};
      } else if (e.name == "data" && edge) {
        const std::string* key = e.attribute("key");
        if (key != nullptr && weight_keys.count(*key)) {
          in_weight_data = true;
          data_text.clear();
          data_line = e.line;
        }
      } else if (e.name == "hyperedge") {
        return parse_error(e.line, "hyperedges are not supported");
      }
      continue;
    }
    // kEnd
    if (e.name == "key") {
      current_key.clear();
    } else if (e.name == "default" && in_key_default) {
      in_key_default = false;
      auto w = parse_weight(key_default_text);
      if (!w) {
        return parse_error(e.line, "default weight " + quote_token(key_default_text) +
                                       " is not a finite number >= 0");
      }
      weight_default = *w;
    } else if (e.name == "graph") {
      --graph_depth;
    } else if (e.name == "data" && in_weight_data) {
      in_weight_data = false;
      auto w = parse_weight(data_text);
      if (!w) {
        return parse_error(data_line,
                           "weight " + quote_token(data_text) + " is not a finite number >= 0");
      }
      edge->weight = *w;
    } else if (e.name == "edge" && edge) {
      builder.add_edge(edge->source, edge->target, edge->weight);
      edge.reset();
    }
    if (builder.node_count() > kMaxFileNodes) {
      return parse_error(e.line, "more than " + std::to_string(kMaxFileNodes) + " nodes");
    }
  }
  if (graphs == 0) return parse_error(xml.line(), "no <graph> element in the file");
  if (builder.node_count() == 0) return parse_error(xml.line(), "the graph has no nodes");
  return builder.finish();
}

}  // namespace kring::graph
