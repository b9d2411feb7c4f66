#include "graph/edge_list.h"

#include <utility>

namespace kring::graph {

NodeId EdgeListBuilder::node(std::string_view label) {
  auto it = index_.find(label);
  if (it != index_.end()) return it->second;
  const auto id = static_cast<NodeId>(list_.labels.size());
  list_.labels.emplace_back(label);
  index_.emplace(std::string(label), id);
  return id;
}

bool EdgeListBuilder::contains(std::string_view label) const {
  return index_.find(label) != index_.end();
}

void EdgeListBuilder::add_edge(std::string_view source, std::string_view target, double weight,
                               std::int64_t timestamp) {
  const NodeId s = node(source);
  const NodeId t = node(target);
  add_edge(s, t, weight, timestamp);
}

void EdgeListBuilder::add_edge(NodeId source, NodeId target, double weight,
                               std::int64_t timestamp) {
  list_.edges.push_back(Edge{source, target, weight, timestamp});
}

EdgeList EdgeListBuilder::finish() {
  EdgeList out = std::move(list_);
  list_ = EdgeList{};
  list_.directed = out.directed;
  index_.clear();
  return out;
}

EdgeList snapshot_until(const EdgeList& list, std::int64_t until) {
  EdgeList out;
  out.directed = list.directed;
  out.labels = list.labels;
  out.edges.reserve(list.edges.size());
  for (const Edge& e : list.edges) {
    if (e.timestamp == 0 || e.timestamp <= until) out.edges.push_back(e);
  }
  return out;
}

}  // namespace kring::graph
