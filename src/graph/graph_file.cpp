#include <fstream>
#include <sstream>

#include "graph/readers.h"

namespace kring::graph {
namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  for (std::size_t i = 0; i < suffix.size(); ++i) {
    const char c = s[s.size() - suffix.size() + i];
    if (std::tolower(static_cast<unsigned char>(c)) != suffix[i]) return false;
  }
  return true;
}

struct Extension {
  std::string_view suffix;
  FileFormat format;
};

constexpr Extension kExtensions[] = {
    {".txt", FileFormat::kEdgeList},      {".edges", FileFormat::kEdgeList},
    {".edgelist", FileFormat::kEdgeList}, {".csv", FileFormat::kCsv},
    {".tsv", FileFormat::kTsv},           {".graphml", FileFormat::kGraphMl},
    {".gml", FileFormat::kGml},           {".net", FileFormat::kPajek},
    {".pajek", FileFormat::kPajek},
};

}  // namespace

Result<FileFormat> format_from_path(std::string_view path) {
  for (const auto& e : kExtensions) {
    if (ends_with(path, e.suffix)) return e.format;
  }
  return Error::invalid("unknown_format",
                        std::string(path) +
                            ": unknown file extension; use .txt, .edges, .edgelist, .csv, .tsv "
                            "(edge list), .graphml, .gml, .net or .pajek");
}

Result<EdgeList> read_graph_file(const std::string& path, bool directed) {
  auto format = format_from_path(path);
  if (!format) return std::move(format).error();
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error::not_found(path + ": cannot open file");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return Error::invalid("read_error", path + ": read failed");
  const std::string text = std::move(buffer).str();
  Result<EdgeList> list = [&]() -> Result<EdgeList> {
    switch (*format) {
      case FileFormat::kEdgeList:
        return read_edge_list(text, directed);
      case FileFormat::kCsv:
        return read_edge_list(text, directed, Separator::kComma);
      case FileFormat::kTsv:
        return read_edge_list(text, directed, Separator::kTab);
      case FileFormat::kGraphMl:
        return read_graphml(text, directed);
      case FileFormat::kGml:
        return read_gml(text, directed);
      case FileFormat::kPajek:
        return read_pajek(text, directed);
    }
    return Error::internal("unreachable file format");
  }();
  if (!list) {
    Error e = std::move(list).error();
    e.message = path + ": " + e.message;
    return e;
  }
  return list;
}

}  // namespace kring::graph
