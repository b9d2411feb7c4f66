#include "graph/louvain.h"

#include <algorithm>
#include <numeric>
#include <random>

#include "graph/modularity.h"

namespace kring::graph {
namespace {

// One level of the hierarchy: symmetric weighted adjacency without
// self-loops (w(u,v) + w(v,u) when directed) and each node's weighted
// out- and in-degree (both the strength when undirected).
struct Level {
  std::uint32_t n = 0;
  std::vector<std::uint64_t> offsets;
  std::vector<std::uint32_t> targets;
  std::vector<double> weights;
  std::vector<double> k_out, k_in;
};

Level first_level(const Graph& g) {
  Level L;
  L.n = g.node_count();
  L.offsets.assign(L.n + 1, 0);
  L.k_out.assign(L.n, 0);
  L.k_in.assign(L.n, 0);
  for (NodeId u = 0; u < L.n; ++u) {
    auto nb = g.neighbors(u);
    auto w = g.neighbor_weights(u);
    for (std::size_t i = 0; i < nb.size(); ++i) {
      if (nb[i] == u) continue;
      L.targets.push_back(nb[i]);
      L.weights.push_back(w[i]);
    }
    L.offsets[u + 1] = L.targets.size();
    auto ow = g.out_weights(u);
    auto on = g.out_neighbors(u);
    for (std::size_t i = 0; i < on.size(); ++i) {
      const double x = ow[i];
      L.k_out[u] += (!g.directed() && on[i] == u) ? 2 * x : x;
    }
    if (g.directed()) {
      for (double x : g.in_weights(u)) L.k_in[u] += x;
    } else {
      L.k_in[u] = L.k_out[u];
    }
  }
  return L;
}

// Local moving phase. Returns true when some node changed community;
// `comm` holds the community of each level node, renumbered densely.
bool move_nodes(const Level& L, double m, double coef, double resolution, std::mt19937_64& rng,
                std::vector<std::uint32_t>& comm) {
  const std::uint32_t n = L.n;
  comm.resize(n);
  std::iota(comm.begin(), comm.end(), 0u);
  std::vector<double> tot_out(L.k_out), tot_in(L.k_in);
  std::vector<std::uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0u);
  std::shuffle(order.begin(), order.end(), rng);
  std::vector<double> w2c(n, 0.0);
  std::vector<std::uint32_t> touched;
  bool improved = false;
  // Fast local moving (Traag, Waltman & van Eck 2019, as in Leiden): visit
  // every node once in random order, then only the neighbours of nodes that
  // moved. Stops at the same kind of local optimum as repeated full sweeps
  // (no single move raises modularity), with far fewer visits.
  std::vector<std::uint32_t> queue(order.begin(), order.end());
  std::vector<std::uint8_t> queued(n, 1);
  for (std::size_t head = 0; head < queue.size(); ++head) {
    const std::uint32_t u = queue[head];
    queued[u] = 0;
    const std::uint32_t own = comm[u];
    touched.clear();
    touched.push_back(own);
    for (std::uint64_t i = L.offsets[u]; i < L.offsets[u + 1]; ++i) {
      const std::uint32_t c = comm[L.targets[i]];
      if (w2c[c] == 0 && c != own) touched.push_back(c);
      w2c[c] += L.weights[i];
    }
    tot_out[own] -= L.k_out[u];
    tot_in[own] -= L.k_in[u];
    auto gain = [&](std::uint32_t c) {
      return w2c[c] / m - resolution * coef * (L.k_out[u] * tot_in[c] + L.k_in[u] * tot_out[c]);
    };
    std::uint32_t best = own;
    double best_gain = gain(own);
    for (std::uint32_t c : touched) {
      const double x = gain(c);
      if (x > best_gain) {
        best_gain = x;
        best = c;
      }
    }
    tot_out[best] += L.k_out[u];
    tot_in[best] += L.k_in[u];
    for (std::uint32_t c : touched) w2c[c] = 0;
    if (best == own) continue;
    comm[u] = best;
    improved = true;
    for (std::uint64_t i = L.offsets[u]; i < L.offsets[u + 1]; ++i) {
      const std::uint32_t v = L.targets[i];
      if (!queued[v] && comm[v] != best) {
        queued[v] = 1;
        queue.push_back(v);
      }
    }
    // Bound the queue's memory: drop the consumed prefix now and then.
    if (head > n && head * 2 > queue.size()) {
      queue.erase(queue.begin(), queue.begin() + static_cast<std::ptrdiff_t>(head + 1));
      head = static_cast<std::size_t>(-1);
    }
  }
  // Renumber densely.
  std::vector<std::uint32_t> remap(n, UINT32_MAX);
  std::uint32_t next = 0;
  for (std::uint32_t u = 0; u < n; ++u) {
    if (remap[comm[u]] == UINT32_MAX) remap[comm[u]] = next++;
    comm[u] = remap[comm[u]];
  }
  return improved;
}

Level aggregate(const Level& L, const std::vector<std::uint32_t>& comm, std::uint32_t k) {
  Level A;
  A.n = k;
  A.k_out.assign(k, 0);
  A.k_in.assign(k, 0);
  std::vector<std::vector<std::uint32_t>> members(k);
  for (std::uint32_t u = 0; u < L.n; ++u) {
    members[comm[u]].push_back(u);
    A.k_out[comm[u]] += L.k_out[u];
    A.k_in[comm[u]] += L.k_in[u];
  }
  A.offsets.assign(k + 1, 0);
  std::vector<double> acc(k, 0.0);
  std::vector<std::uint32_t> touched;
  for (std::uint32_t c = 0; c < k; ++c) {
    touched.clear();
    for (std::uint32_t u : members[c]) {
      for (std::uint64_t i = L.offsets[u]; i < L.offsets[u + 1]; ++i) {
        const std::uint32_t d = comm[L.targets[i]];
        if (d == c) continue;
        if (acc[d] == 0) touched.push_back(d);
        acc[d] += L.weights[i];
      }
    }
    std::sort(touched.begin(), touched.end());
    for (std::uint32_t d : touched) {
      A.targets.push_back(d);
      A.weights.push_back(acc[d]);
      acc[d] = 0;
    }
    A.offsets[c + 1] = A.targets.size();
  }
  return A;
}

}  // namespace

void Louvain::run() {
  const NodeId n = g_.node_count();
  community_.assign(n, 0);
  std::iota(community_.begin(), community_.end(), 0u);
  count_ = n;
  modularity_ = graph::modularity(g_, community_);
  Level level = first_level(g_);
  double m = 0;
  for (double x : level.k_out) m += x;
  if (!g_.directed()) m /= 2;
  if (n == 0 || m <= 0) {
    count_ = n;
    return;
  }
  const double coef = g_.directed() ? 1.0 / (m * m) : 1.0 / (4 * m * m);
  std::mt19937_64 rng(options_.seed);
  std::vector<std::uint32_t> comm;
  double mod = modularity_;
  for (;;) {
    const bool improved = move_nodes(level, m, coef, options_.resolution, rng, comm);
    if (!improved) break;
    const std::uint32_t k = *std::max_element(comm.begin(), comm.end()) + 1;
    std::vector<std::uint32_t> candidate(n);
    for (NodeId u = 0; u < n; ++u) candidate[u] = comm[community_[u]];
    const double new_mod = graph::modularity(g_, candidate);
    if (new_mod - mod <= options_.threshold) {
      if (new_mod > mod) {
        community_ = std::move(candidate);
        mod = new_mod;
      }
      break;
    }
    community_ = std::move(candidate);
    mod = new_mod;
    level = aggregate(level, comm, k);
  }
  // Number communities by decreasing size, ties by lowest node id.
  std::uint32_t k = 0;
  for (std::uint32_t c : community_) k = std::max(k, c + 1);
  std::vector<std::uint32_t> size(k, 0), first(k, UINT32_MAX);
  for (NodeId u = 0; u < n; ++u) {
    ++size[community_[u]];
    first[community_[u]] = std::min<std::uint32_t>(first[community_[u]], u);
  }
  std::vector<std::uint32_t> ids(k);
  std::iota(ids.begin(), ids.end(), 0u);
  std::sort(ids.begin(), ids.end(), [&](std::uint32_t a, std::uint32_t b) {
    return size[a] != size[b] ? size[a] > size[b] : first[a] < first[b];
  });
  std::vector<std::uint32_t> rank(k);
  for (std::uint32_t i = 0; i < k; ++i) rank[ids[i]] = i;
  for (std::uint32_t& c : community_) c = rank[c];
  count_ = k;
  modularity_ = mod;
}

}  // namespace kring::graph
