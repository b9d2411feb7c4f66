// Pajek .net reader (Batagelj & Mrvar, Pajek manual): *Vertices, *Arcs,
// *Edges, *Arcslist, *Edgeslist; `%` comment lines.

#include <algorithm>
#include <cctype>
#include <unordered_set>
#include <vector>

#include "graph/parse_util.h"
#include "graph/readers.h"

namespace kring::graph {
namespace {

enum class Section { kNone, kVertices, kArcs, kEdges, kArcsList, kEdgesList };

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
  }
  return true;
}

// Splits on whitespace; a field in double quotes may contain spaces.
Result<std::vector<std::string_view>> fields_of(std::string_view line, std::size_t line_no) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && std::isspace(static_cast<unsigned char>(line[i]))) ++i;
    if (i == line.size()) break;
    if (line[i] == '"') {
      const auto close = line.find('"', i + 1);
      if (close == std::string_view::npos) return parse_error(line_no, "unterminated quoted label");
      out.push_back(line.substr(i + 1, close - i - 1));
      i = close + 1;
      continue;
    }
    const std::size_t start = i;
    while (i < line.size() && !std::isspace(static_cast<unsigned char>(line[i]))) ++i;
    out.push_back(line.substr(start, i - start));
  }
  return out;
}

struct Arc {
  NodeId a, b;
  double weight;
  bool both;  // from an *Edges section
};

}  // namespace

Result<EdgeList> read_pajek(std::string_view text, bool directed) {
  Section section = Section::kNone;
  std::vector<std::string> labels;
  std::vector<std::uint8_t> labelled;
  bool have_vertices = false;
  bool any_arcs = false;
  std::vector<Arc> arcs;
  std::size_t line_no = 0;
  while (!text.empty()) {
    ++line_no;
    const auto nl = text.find('\n');
    std::string_view line = trim(text.substr(0, nl));
    text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
    if (line.empty() || line.front() == '%') continue;
    if (line.front() == '*') {
      if (starts_with_ci(line, "*network")) {
        section = Section::kNone;
      } else if (starts_with_ci(line, "*vertices")) {
        if (have_vertices) return parse_error(line_no, "second *Vertices line");
        auto f = fields_of(line, line_no);
        if (!f) return std::move(f).error();
        if (f->size() < 2) return parse_error(line_no, "*Vertices needs the number of vertices");
        auto n = parse_unsigned((*f)[1], kMaxPajekVertices);
        if (!n) {
          return parse_error(line_no, "vertex count " + quote_token((*f)[1]) +
                                          " is not a number from 0 to " +
                                          std::to_string(kMaxPajekVertices));
        }
        labels.resize(*n);
        labelled.assign(*n, 0);
        for (std::size_t i = 0; i < *n; ++i) labels[i] = std::to_string(i + 1);
        have_vertices = true;
        section = Section::kVertices;
      } else if (starts_with_ci(line, "*arcslist")) {
        section = Section::kArcsList;
        any_arcs = true;
      } else if (starts_with_ci(line, "*edgeslist")) {
        section = Section::kEdgesList;
      } else if (starts_with_ci(line, "*arcs")) {
        section = Section::kArcs;
        any_arcs = true;
      } else if (starts_with_ci(line, "*edges")) {
        section = Section::kEdges;
      } else {
        return parse_error(line_no, "unsupported section " + quote_token(line));
      }
      continue;
    }
    if (section == Section::kNone) return parse_error(line_no, "data before *Vertices");
    auto f = fields_of(line, line_no);
    if (!f) return std::move(f).error();
    if (f->empty()) continue;
    auto vertex = [&](std::string_view token) -> Result<NodeId> {
      auto id = parse_unsigned(token, labels.size());
      if (!id || *id == 0) {
        return parse_error(line_no, "vertex " + quote_token(token) + " is not a number from 1 to " +
                                        std::to_string(labels.size()));
      }
      return static_cast<NodeId>(*id - 1);
    };
    auto first = vertex((*f)[0]);
    if (!first) return std::move(first).error();
    if (section == Section::kVertices) {
      if (f->size() >= 2) {
        if (auto p = label_problem((*f)[1]); !p.empty()) return parse_error(line_no, p);
        labels[*first] = std::string((*f)[1]);
        labelled[*first] = 1;
      }
      continue;
    }
    if (section == Section::kArcs || section == Section::kEdges) {
      if (f->size() < 2) return parse_error(line_no, "expected 'from to [weight]'");
      auto second = vertex((*f)[1]);
      if (!second) return std::move(second).error();
      double weight = 1.0;
      if (f->size() >= 3) {
        auto w = parse_weight((*f)[2]);
        if (!w) {
          return parse_error(line_no,
                             "weight " + quote_token((*f)[2]) + " is not a finite number >= 0");
        }
        weight = *w;
      }
      arcs.push_back({*first, *second, weight, section == Section::kEdges});
      continue;
    }
    for (std::size_t i = 1; i < f->size(); ++i) {
      auto other = vertex((*f)[i]);
      if (!other) return std::move(other).error();
      arcs.push_back({*first, *other, 1.0, section == Section::kEdgesList});
    }
  }
  if (!have_vertices) return parse_error(std::max<std::size_t>(1, line_no), "no *Vertices line");
  {
    std::unordered_set<std::string_view> seen;
    for (std::size_t i = 0; i < labels.size(); ++i) {
      if (!seen.insert(labels[i]).second) {
        return parse_error(1, "vertex label " + quote_token(labels[i]) + " is used twice (vertex " +
                                  std::to_string(i + 1) + ")");
      }
    }
  }
  EdgeList list;
  list.directed = directed || any_arcs;
  list.labels = std::move(labels);
  list.edges.reserve(arcs.size());
  for (const Arc& a : arcs) {
    list.edges.push_back({a.a, a.b, a.weight, 0});
    if (a.both && list.directed && a.a != a.b) list.edges.push_back({a.b, a.a, a.weight, 0});
  }
  return list;
}

}  // namespace kring::graph
