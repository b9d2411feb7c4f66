#pragma once
// Tiny fork-join helpers for the graph kernels. No pool: a kernel runs for
// milliseconds to seconds, so starting two threads costs nothing measurable
// (about 20 us each on the 2-core CI machine).
//
// Thread-safety: each call blocks until all its workers have finished; `body`
// runs concurrently on distinct thread ids and must only write to state owned
// by its thread id or to disjoint ranges.

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <span>
#include <thread>
#include <vector>

namespace kring::graph {

// Number of workers to use: `requested`, or every hardware thread when 0.
inline unsigned resolve_threads(unsigned requested) {
  if (requested != 0) return requested;
  const unsigned hw = std::thread::hardware_concurrency();
  return hw == 0 ? 1 : hw;
}

// Runs body(thread_id, begin, end) over [0, count) in chunks handed out on
// demand, so uneven chunk costs (BFS from a hub vs a leaf) balance out.
template <typename Body>
void parallel_chunks(unsigned threads, std::uint64_t count, std::uint64_t chunk, Body body) {
  threads = static_cast<unsigned>(
      std::min<std::uint64_t>(threads, std::max<std::uint64_t>(1, (count + chunk - 1) / chunk)));
  std::atomic<std::uint64_t> next{0};
  auto worker = [&](unsigned id) {
    for (;;) {
      const std::uint64_t b = next.fetch_add(chunk);
      if (b >= count) break;
      body(id, b, std::min(count, b + chunk));
    }
  };
  if (threads <= 1) {
    worker(0);
    return;
  }
  std::vector<std::thread> pool;
  pool.reserve(threads - 1);
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker, t);
  worker(0);
  for (auto& t : pool) t.join();
}

// Splits nodes [0, n) into `parts` contiguous ranges of about equal work,
// where the work of node u is offsets[u+1]-offsets[u] plus one. Returns
// parts+1 boundaries. Used for loops whose cost is the degree (PageRank).
inline std::vector<std::uint32_t> split_by_work(std::span<const std::uint64_t> offsets,
                                                unsigned parts) {
  const std::uint32_t n = static_cast<std::uint32_t>(offsets.size() - 1);
  const std::uint64_t total = offsets[n] + n;
  std::vector<std::uint32_t> bounds{0};
  std::uint32_t u = 0;
  for (unsigned p = 1; p < parts; ++p) {
    const std::uint64_t goal = total * p / parts;
    while (u < n && offsets[u] + u < goal) ++u;
    bounds.push_back(u);
  }
  bounds.push_back(n);
  return bounds;
}

// Runs body(part, begin, end) once per range of `bounds` on its own thread.
template <typename Body>
void parallel_ranges(const std::vector<std::uint32_t>& bounds, Body body) {
  const unsigned parts = static_cast<unsigned>(bounds.size() - 1);
  if (parts <= 1) {
    body(0u, bounds[0], bounds[1]);
    return;
  }
  std::vector<std::thread> pool;
  for (unsigned p = 1; p < parts; ++p) pool.emplace_back(body, p, bounds[p], bounds[p + 1]);
  body(0u, bounds[0], bounds[1]);
  for (auto& t : pool) t.join();
}

}  // namespace kring::graph
