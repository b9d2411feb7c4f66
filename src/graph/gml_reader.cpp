// GML reader (Himsolt, "GML: A portable Graph File Format"), the subset
// networkx.write_gml produces: graph [ directed 0|1 node [ id label ]
// edge [ source target weight ] ]; other keys are skipped.

#include <cctype>
#include <optional>
#include <unordered_map>
#include <vector>

#include "graph/parse_util.h"
#include "graph/readers.h"

namespace kring::graph {
namespace {

constexpr std::size_t kMaxGmlDepth = 256;

struct Token {
  enum class Kind { kKey, kNumber, kString, kOpen, kClose, kEnd };
  Kind kind = Kind::kEnd;
  std::string_view text;
  std::size_t line = 1;
};

class GmlLexer {
 public:
  explicit GmlLexer(std::string_view text) : text_(text) {}

  Result<Token> next() {
    for (;;) {
      while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) {
        if (text_[pos_++] == '\n') ++line_;
      }
      if (pos_ < text_.size() && text_[pos_] == '#') {
        while (pos_ < text_.size() && text_[pos_] != '\n') ++pos_;
        continue;
      }
      break;
    }
    Token t;
    t.line = line_;
    if (pos_ >= text_.size()) return t;
    const char c = text_[pos_];
    const std::size_t start = pos_;
    if (c == '[' || c == ']') {
      ++pos_;
      t.kind = c == '[' ? Token::Kind::kOpen : Token::Kind::kClose;
      t.text = text_.substr(start, 1);
      return t;
    }
    if (c == '"') {
      const auto close = text_.find('"', pos_ + 1);
      if (close == std::string_view::npos) return parse_error(line_, "unterminated string");
      t.kind = Token::Kind::kString;
      t.text = text_.substr(pos_ + 1, close - pos_ - 1);
      for (char ch : t.text) line_ += ch == '\n' ? 1 : 0;
      pos_ = close + 1;
      return t;
    }
    if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
      while (pos_ < text_.size() &&
             (std::isalnum(static_cast<unsigned char>(text_[pos_])) || text_[pos_] == '_')) {
        ++pos_;
      }
      t.kind = Token::Kind::kKey;
      t.text = text_.substr(start, pos_ - start);
      return t;
    }
    if (std::isdigit(static_cast<unsigned char>(c)) || c == '-' || c == '+' || c == '.') {
      ++pos_;
      while (pos_ < text_.size() &&
             (std::isalnum(static_cast<unsigned char>(text_[pos_])) || text_[pos_] == '.' ||
              ((text_[pos_] == '-' || text_[pos_] == '+') &&
               (text_[pos_ - 1] == 'e' || text_[pos_ - 1] == 'E')))) {
        ++pos_;
      }
      t.kind = Token::Kind::kNumber;
      t.text = text_.substr(start, pos_ - start);
      return t;
    }
    return parse_error(line_, "unexpected character " + quote_token(text_.substr(pos_, 1)));
  }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
  std::size_t line_ = 1;
};

enum class Context { kTop, kGraph, kNode, kEdge, kSkip };

struct NodeRecord {
  std::string id;
  std::optional<std::string> label;
  std::size_t line = 0;
};

struct EdgeRecord {
  std::string source, target;
  double weight = 1.0;
  std::size_t line = 0;
};

}  // namespace

Result<EdgeList> read_gml(std::string_view text, bool directed) {
  GmlLexer lex(text);
  std::vector<Context> stack{Context::kTop};
  std::vector<NodeRecord> nodes;
  std::vector<EdgeRecord> edges;
  int graphs = 0;
  bool is_directed = directed;
  for (;;) {
    auto key = lex.next();
    if (!key) return std::move(key).error();
    if (key->kind == Token::Kind::kEnd) {
      if (stack.size() > 1) return parse_error(key->line, "end of file inside a '[' list");
      break;
    }
    if (key->kind == Token::Kind::kClose) {
      if (stack.size() == 1) return parse_error(key->line, "']' without '['");
      stack.pop_back();
      continue;
    }
    if (key->kind != Token::Kind::kKey) {
      return parse_error(key->line, "expected a key, found " + quote_token(key->text));
    }
    auto value = lex.next();
    if (!value) return std::move(value).error();
    const Context ctx = stack.back();
    if (value->kind == Token::Kind::kOpen) {
      if (stack.size() >= kMaxGmlDepth) return parse_error(value->line, "lists nested too deeply");
      Context inner = Context::kSkip;
      if (ctx == Context::kTop && key->text == "graph") {
        if (++graphs > 1) return parse_error(key->line, "more than one graph in the file");
        inner = Context::kGraph;
      } else if (ctx == Context::kGraph && key->text == "node") {
        nodes.push_back({"", std::nullopt, key->line});
        inner = Context::kNode;
      } else if (ctx == Context::kGraph && key->text == "edge") {
        edges.push_back({"", "", 1.0, key->line});
        inner = Context::kEdge;
      }
      stack.push_back(inner);
      continue;
    }
    if (value->kind != Token::Kind::kNumber && value->kind != Token::Kind::kString) {
      return parse_error(value->line, "expected a value after " + quote_token(key->text));
    }
    const std::string_view v = value->text;
    if (ctx == Context::kGraph && key->text == "directed") {
      if (v == "1") is_directed = true;
    } else if (ctx == Context::kNode && key->text == "id") {
      nodes.back().id = std::string(v);
    } else if (ctx == Context::kNode && key->text == "label") {
      nodes.back().label = std::string(v);
    } else if (ctx == Context::kEdge && (key->text == "source" || key->text == "target")) {
      (key->text == "source" ? edges.back().source : edges.back().target) = std::string(v);
    } else if (ctx == Context::kEdge && key->text == "weight") {
      auto w = parse_weight(v);
      if (!w) {
        return parse_error(value->line,
                           "weight " + quote_token(v) + " is not a finite number >= 0");
      }
      edges.back().weight = *w;
    }
  }
  if (graphs == 0) return parse_error(1, "no 'graph [' in the file");
  if (nodes.empty()) return parse_error(1, "the graph has no nodes");

  EdgeListBuilder builder(is_directed);
  std::unordered_map<std::string, NodeId> by_id;
  for (const NodeRecord& n : nodes) {
    if (n.id.empty()) return parse_error(n.line, "node without id");
    const std::string& name = n.label ? *n.label : n.id;
    if (auto p = label_problem(name); !p.empty()) return parse_error(n.line, p);
    if (builder.contains(name)) {
      return parse_error(n.line, "duplicate node label " + quote_token(name));
    }
    if (!by_id.emplace(n.id, builder.node(name)).second) {
      return parse_error(n.line, "duplicate node id " + quote_token(n.id));
    }
  }
  for (const EdgeRecord& e : edges) {
    auto s = by_id.find(e.source);
    auto t = by_id.find(e.target);
    if (e.source.empty() || e.target.empty()) {
      return parse_error(e.line, "edge needs source and target");
    }
    if (s == by_id.end() || t == by_id.end()) {
      return parse_error(e.line, "edge refers to unknown node id " +
                                     quote_token(s == by_id.end() ? e.source : e.target));
    }
    builder.add_edge(s->second, t->second, e.weight);
  }
  return builder.finish();
}

}  // namespace kring::graph
