#include <algorithm>
#include <array>
#include <cctype>

#include "graph/parse_util.h"
#include "graph/readers.h"

namespace kring::graph {
namespace {

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

// Splits a line into at most 4 fields (the 4th only signals "too many").
std::size_t split_fields(std::string_view line, Separator separator,
                         std::array<std::string_view, 4>& out) {
  std::size_t count = 0;
  char sep = separator == Separator::kComma ? ',' : separator == Separator::kTab ? '\t' : 0;
  if (sep == 0 && line.find(',') != std::string_view::npos) sep = ',';
  if (sep != 0) {
    while (count < out.size()) {
      const auto at = line.find(sep);
      out[count++] = trim(line.substr(0, at));
      if (at == std::string_view::npos) break;
      line.remove_prefix(at + 1);
    }
    return count;
  }
  std::size_t i = 0;
  while (count < out.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) ++i;
    if (i == line.size()) break;
    const std::size_t start = i;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t' && line[i] != '\r') ++i;
    out[count++] = line.substr(start, i - start);
  }
  return count;
}

}  // namespace

Result<EdgeList> read_edge_list(std::string_view text, bool directed, Separator separator) {
  EdgeListBuilder builder(directed);
  std::size_t line_no = 0;
  bool first_data_line = true;
  while (!text.empty()) {
    ++line_no;
    const auto nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
    if (const auto hash = line.find('#'); hash != std::string_view::npos)
      line = line.substr(0, hash);
    line = trim(line);
    if (line.empty()) continue;
    std::array<std::string_view, 4> f;
    const std::size_t count = split_fields(line, separator, f);
    const bool header = first_data_line && count >= 2 && count <= 3 && iequals(f[0], "source") &&
                        iequals(f[1], "target") && (count == 2 || iequals(f[2], "weight"));
    first_data_line = false;
    if (header) continue;
    if (count > 3) {
      return parse_error(line_no, "expected 'source target [weight]', found more than 3 fields");
    }
    for (std::size_t i = 0; i < std::min<std::size_t>(count, 2); ++i) {
      if (auto problem = label_problem(f[i]); !problem.empty()) {
        return parse_error(line_no, problem + " " + quote_token(f[i]));
      }
    }
    if (count == 1) {
      builder.node(f[0]);
    } else {
      double weight = 1.0;
      if (count == 3) {
        auto w = parse_weight(f[2]);
        if (!w) {
          return parse_error(line_no,
                             "weight " + quote_token(f[2]) + " is not a finite number >= 0");
        }
        weight = *w;
      }
      builder.add_edge(f[0], f[1], weight);
    }
    if (builder.node_count() > kMaxFileNodes) {
      return parse_error(line_no, "more than " + std::to_string(kMaxFileNodes) + " nodes");
    }
  }
  if (builder.node_count() == 0) {
    return parse_error(line_no == 0 ? 1 : line_no, "no nodes or ties in the file");
  }
  return builder.finish();
}

}  // namespace kring::graph
