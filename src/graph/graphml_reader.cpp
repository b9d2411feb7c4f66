// GraphML reader (http://graphml.graphdrawing.org/specification.html),
// the subset networkx.write_graphml and Gephi produce. The XML itself is
// read by expat through read_xml (xml_reader.h), which refuses DOCTYPEs and
// entity declarations; this file only interprets the elements.

#include <optional>
#include <unordered_set>

#include "graph/parse_util.h"
#include "graph/readers.h"
#include "graph/xml_reader.h"

namespace kring::graph {
namespace {

// Lets the key set be searched with the string_view attributes expat gives.
struct KeyHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view key) const { return std::hash<std::string_view>{}(key); }
};

struct PendingEdge {
  std::string source, target;
  double weight = 1.0;
  std::size_t line = 0;
};

// The reading state of one file: which key ids carry weights, the edge being
// read, the text of the <data> or <default> being collected.
class GraphMlBuilder {
 public:
  explicit GraphMlBuilder(bool directed) : builder_(directed) {}

  Status on_event(const XmlEvent& e) {
    switch (e.kind) {
      case XmlEvent::Kind::kText:
        if (in_weight_data_) data_text_ += e.text;
        if (in_key_default_) key_default_text_ += e.text;
        return {};
      case XmlEvent::Kind::kStart:
        return on_start(e);
      case XmlEvent::Kind::kEnd:
        return on_end(e);
    }
    return {};
  }

  Result<EdgeList> finish(std::size_t last_line) {
    if (graphs_ == 0) return parse_error(last_line, "no <graph> element in the file");
    if (builder_.node_count() == 0) return parse_error(last_line, "the graph has no nodes");
    return builder_.finish();
  }

 private:
  Status on_start(const XmlEvent& e) {
    if (!saw_root_ && e.name != "graphml") {
      return parse_error(e.line, "expected a <graphml> root element, found <" +
                                     std::string(e.name.substr(0, 40)) + ">");
    }
    saw_root_ = true;
    if (e.name == "key") {
      const std::string_view* id = e.attribute("id");
      const std::string_view* name = e.attribute("attr.name");
      const std::string_view* domain = e.attribute("for");
      if (id == nullptr) return parse_error(e.line, "<key> without id");
      current_key_ = *id;
      if (name != nullptr && *name == "weight" &&
          (domain == nullptr || *domain == "edge" || *domain == "all")) {
        weight_keys_.insert(std::string(*id));
      }
    } else if (e.name == "default" && !current_key_.empty() && weight_keys_.count(current_key_)) {
      in_key_default_ = true;
      key_default_text_.clear();
    } else if (e.name == "graph") {
      if (graph_depth_ > 0) return parse_error(e.line, "nested graphs are not supported");
      if (++graphs_ > 1) return parse_error(e.line, "more than one <graph> in the file");
      ++graph_depth_;
      const std::string_view* def = e.attribute("edgedefault");
      if (def != nullptr && *def == "directed") builder_.set_directed(true);
    } else if (e.name == "node") {
      if (graph_depth_ == 0) return parse_error(e.line, "<node> outside <graph>");
      const std::string_view* id = e.attribute("id");
      if (id == nullptr) return parse_error(e.line, "<node> without id");
      if (auto p = label_problem(*id); !p.empty()) return parse_error(e.line, p);
      builder_.node(*id);
    } else if (e.name == "edge") {
      if (graph_depth_ == 0) return parse_error(e.line, "<edge> outside <graph>");
      const std::string_view* s = e.attribute("source");
      const std::string_view* t = e.attribute("target");
      if (s == nullptr || t == nullptr)
        return parse_error(e.line, "<edge> needs source and target");
      for (const std::string_view* l : {s, t}) {
        if (auto p = label_problem(*l); !p.empty()) return parse_error(e.line, p);
      }
      edge_ = PendingEdge{std::string(*s), std::string(*t), weight_default_, e.line};
    } else if (e.name == "data" && edge_) {
      const std::string_view* key = e.attribute("key");
      if (key != nullptr && weight_keys_.count(*key)) {
        in_weight_data_ = true;
        data_text_.clear();
        data_line_ = e.line;
      }
    } else if (e.name == "hyperedge") {
      return parse_error(e.line, "hyperedges are not supported");
    }
    return {};
  }

  Status on_end(const XmlEvent& e) {
    if (e.name == "key") {
      current_key_.clear();
    } else if (e.name == "default" && in_key_default_) {
      in_key_default_ = false;
      auto w = parse_weight(key_default_text_);
      if (!w) {
        return parse_error(e.line, "default weight " + quote_token(key_default_text_) +
                                       " is not a finite number >= 0");
      }
      weight_default_ = *w;
    } else if (e.name == "graph") {
      --graph_depth_;
    } else if (e.name == "data" && in_weight_data_) {
      in_weight_data_ = false;
      auto w = parse_weight(data_text_);
      if (!w) {
        return parse_error(data_line_,
                           "weight " + quote_token(data_text_) + " is not a finite number >= 0");
      }
      edge_->weight = *w;
    } else if (e.name == "edge" && edge_) {
      builder_.add_edge(edge_->source, edge_->target, edge_->weight);
      edge_.reset();
    }
    if (builder_.node_count() > kMaxFileNodes) {
      return parse_error(e.line, "more than " + std::to_string(kMaxFileNodes) + " nodes");
    }
    return {};
  }

  EdgeListBuilder builder_;
  std::unordered_set<std::string, KeyHash, std::equal_to<>> weight_keys_;
  double weight_default_ = 1.0;
  std::string current_key_;  // id of the <key> being read
  bool in_key_default_ = false;
  std::string key_default_text_;
  int graphs_ = 0, graph_depth_ = 0;
  std::optional<PendingEdge> edge_;
  bool in_weight_data_ = false;
  std::string data_text_;
  std::size_t data_line_ = 0;
  bool saw_root_ = false;
};

}  // namespace

Result<EdgeList> read_graphml(std::string_view text, bool directed) {
  GraphMlBuilder graphml(directed);
  std::size_t lines = 1;
  KRING_TRY(read_xml(
      text, [&graphml](const XmlEvent& e) { return graphml.on_event(e); }, &lines));
  return graphml.finish(lines);
}

}  // namespace kring::graph
