#include "graph/report_writer.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

namespace kring::graph {
namespace {

struct Column {
  std::string_view name;
  bool numeric;
  std::function<std::string(NodeId)> value;  // JSON-ready text ("null" allowed)
};

template <typename T>
void add_column(std::vector<Column>& cols, std::string_view name, const std::vector<T>& v) {
  if (v.empty()) return;
  cols.push_back({name, true, [&v](NodeId u) {
                    if constexpr (std::is_floating_point_v<T>) {
                      return format_number(v[u]);
                    } else {
                      return std::to_string(v[u]);
                    }
                  }});
}

std::vector<Column> node_columns(const NodeMetrics& m) {
  std::vector<Column> cols;
  add_column(cols, "degree", m.degree);
  add_column(cols, "in_degree", m.in_degree);
  add_column(cols, "out_degree", m.out_degree);
  add_column(cols, "strength", m.strength);
  add_column(cols, "betweenness", m.betweenness);
  add_column(cols, "closeness", m.closeness);
  add_column(cols, "harmonic", m.harmonic);
  add_column(cols, "eigenvector", m.eigenvector);
  add_column(cols, "pagerank", m.pagerank);
  add_column(cols, "clustering", m.clustering);
  add_column(cols, "core", m.core);
  add_column(cols, "constraint", m.constraint);
  add_column(cols, "effective_size", m.effective_size);
  add_column(cols, "community", m.community);
  if (!m.role.empty()) {
    cols.push_back({"role", false, [&m](NodeId u) { return std::string(role_name(m.role[u])); }});
  }
  return cols;
}

std::string opt(const std::optional<std::uint32_t>& v) {
  return v ? std::to_string(*v) : std::string("null");
}
std::string opt(const std::optional<bool>& v) {
  return v ? (*v ? "true" : "false") : std::string("null");
}
std::string boolean(bool b) { return b ? "true" : "false"; }

// (key, JSON value) pairs of the whole-network figures, contract keys first.
std::vector<std::pair<std::string_view, std::string>> graph_fields(const GraphMetrics& g) {
  return {
      {"nodes", std::to_string(g.nodes)},
      {"edges", std::to_string(g.edges)},
      {"directed", boolean(g.directed)},
      {"density", format_number(g.density)},
      {"reciprocity", format_number(g.reciprocity)},
      {"components", opt(g.components)},
      {"strong_components", opt(g.strong_components)},
      {"transitivity", format_number(g.transitivity)},
      {"average_clustering", format_number(g.average_clustering)},
      {"modularity", format_number(g.modularity)},
      {"communities", opt(g.communities)},
      {"average_path_length", format_number(g.average_path_length)},
      {"diameter", opt(g.diameter)},
      {"assortativity", format_number(g.assortativity)},
      {"self_loops", std::to_string(g.self_loops)},
      {"weighted", boolean(g.weighted)},
      {"metcalfe_potential", format_number(g.metcalfe_potential)},
      {"metcalfe_ratio", format_number(g.metcalfe_ratio)},
      {"largest_component", opt(g.largest_component)},
      {"path_component_size", opt(g.path_component_size)},
      {"betweenness_sampled", boolean(g.betweenness_sampled)},
      {"betweenness_pivots", std::to_string(g.betweenness_pivots)},
      {"betweenness_error_bound", format_number(g.betweenness_error_bound)},
      {"betweenness_confidence", format_number(g.betweenness_sampled ? 0.95 : 1.0)},
      {"distances_sampled", boolean(g.distances_sampled)},
      {"distance_sources", std::to_string(g.distance_sources)},
      {"eigenvector_converged", opt(g.eigenvector_converged)},
      {"pagerank_converged", opt(g.pagerank_converged)},
      {"seconds", format_number(g.seconds)},
  };
}

std::string csv_field(std::string_view s) {
  if (s.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace

std::string format_number(double x) {
  if (!std::isfinite(x)) return "null";
  char buf[64];
  auto [ptr, ec] = std::to_chars(buf, buf + sizeof buf, x);
  if (ec != std::errc()) return "null";
  return std::string(buf, ptr);
}

std::string json_string(std::string_view s) {
  std::string out = "\"";
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += ch;
    } else if (c < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
    } else {
      out += ch;
    }
  }
  return out + "\"";
}

void write_report_json(std::ostream& out, const Graph& g, const NetworkReport& report) {
  out << "{\"graph\": {";
  bool first = true;
  for (const auto& [key, value] : graph_fields(report.graph)) {
    out << (first ? "" : ", ") << '"' << key << "\": " << value;
    first = false;
  }
  out << "},\n\"nodes\": [";
  const auto cols = node_columns(report.nodes);
  std::string line;
  for (NodeId u = 0; u < g.node_count(); ++u) {
    line.clear();
    line += u == 0 ? "\n{\"id\": " : ",\n{\"id\": ";
    line += json_string(g.label(u));
    for (const Column& c : cols) {
      line += ", \"";
      line += c.name;
      line += "\": ";
      line += c.numeric ? c.value(u) : json_string(c.value(u));
    }
    line += '}';
    out << line;
  }
  out << "\n]}\n";
}

void write_report_csv(std::ostream& out, const Graph& g, const NetworkReport& report) {
  const auto cols = node_columns(report.nodes);
  out << "id";
  for (const Column& c : cols) out << ',' << c.name;
  out << '\n';
  for (NodeId u = 0; u < g.node_count(); ++u) {
    out << csv_field(g.label(u));
    for (const Column& c : cols) {
      const std::string v = c.value(u);
      out << ',' << (v == "null" ? "" : v);
    }
    out << '\n';
  }
}

void write_report_table(std::ostream& out, const Graph& g, const NetworkReport& report) {
  for (const auto& [key, value] : graph_fields(report.graph)) {
    out << key << std::string(24 - std::min<std::size_t>(23, key.size()), ' ') << value << '\n';
  }
  const auto cols = node_columns(report.nodes);
  if (cols.empty()) return;
  std::vector<std::vector<std::string>> rows;
  std::vector<std::size_t> width{2};
  for (const Column& c : cols) width.push_back(c.name.size());
  rows.reserve(g.node_count());
  for (NodeId u = 0; u < g.node_count(); ++u) {
    std::vector<std::string> row{g.label(u)};
    for (const Column& c : cols) {
      std::string v = c.value(u);
      if (c.numeric && v.find_first_of(".e") != std::string::npos) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.6g", std::stod(v));
        v = buf;
      }
      row.push_back(std::move(v));
    }
    for (std::size_t i = 0; i < row.size(); ++i) width[i] = std::max(width[i], row[i].size());
    rows.push_back(std::move(row));
  }
  out << '\n' << "id" << std::string(width[0] - 2 + 2, ' ');
  for (std::size_t i = 0; i < cols.size(); ++i) {
    out << std::string(width[i + 1] - cols[i].name.size(), ' ') << cols[i].name << "  ";
  }
  out << '\n';
  for (const auto& row : rows) {
    out << row[0] << std::string(width[0] - row[0].size() + 2, ' ');
    for (std::size_t i = 1; i < row.size(); ++i) {
      out << std::string(width[i] - row[i].size(), ' ') << row[i] << "  ";
    }
    out << '\n';
  }
}

}  // namespace kring::graph
