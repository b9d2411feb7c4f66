#pragma once
// File readers: text in, EdgeList out. Each fails with
// Error::invalid("parse_error", "line N: ...") on malformed input and never
// crashes (fuzzed in fuzz/graph/). Policies, also in docs/network-metrics.md:
//
// Edge list (.txt .edges .edgelist .csv .tsv): one tie per line,
//   `source target [weight]`. Fields are separated by commas in .csv files,
//   by tabs in .tsv files (labels may then contain spaces), and otherwise by
//   whitespace, or by commas when the line has a comma; `#` starts a comment; a line with a single
//   label adds an isolated node; a first line `source,target[,weight]` is a header and skipped.
//   Weights must be finite and >= 0. Undirected unless `directed` is set.
// GraphML (.graphml): <node id>, <edge source target>, edge weight from the
//   <data> of the <key> whose attr.name is "weight"; directed when
//   edgedefault="directed" or `directed` is set. Nested graphs and
//   hyperedges are rejected.
// GML (.gml): graph [ directed 0|1 node [ id label ] edge [ source target
//   weight ] ]; a node is named by its label (as nx.read_gml), else its id.
// Pajek (.net): *Vertices n, vertex lines `i "label"`, *Arcs / *Edges with
//   `a b [w]`, *Arcslist / *Edgeslist with `a b c ...`; ids 1..n. Any
//   *Arcs section makes the graph directed, and its *Edges then count in
//   both directions. *Vertices may declare at most kMaxPajekVertices.
//
// In all formats a repeated tie is kept once; by default Graph::build()
// keeps the last weight, as networkx does.
//
// Thread-safety: pure functions.

#include <string>
#include <string_view>

#include "core/result.h"
#include "graph/edge_list.h"

namespace kring::graph {

// Largest node count a file may reach.
inline constexpr std::uint64_t kMaxFileNodes = 100'000'000;
// Largest Pajek *Vertices count: a one-line file may declare it, and each
// declared vertex costs a label, so the cap bounds memory (about 0.5 GB).
inline constexpr std::uint64_t kMaxPajekVertices = 10'000'000;

enum class Separator { kAuto, kComma, kTab };
Result<EdgeList> read_edge_list(std::string_view text, bool directed,
                                Separator separator = Separator::kAuto);
Result<EdgeList> read_graphml(std::string_view text, bool directed);
Result<EdgeList> read_gml(std::string_view text, bool directed);
Result<EdgeList> read_pajek(std::string_view text, bool directed);

enum class FileFormat { kEdgeList, kCsv, kTsv, kGraphMl, kGml, kPajek };

// The format implied by a file name's extension, or an error naming the
// supported extensions.
Result<FileFormat> format_from_path(std::string_view path);

// Reads and parses a file; `directed` forces a directed graph for formats
// that do not declare it. Errors start with the file name.
Result<EdgeList> read_graph_file(const std::string& path, bool directed);

}  // namespace kring::graph
