#pragma once
// Request counters and latency histograms per route, rendered in the
// Prometheus text format for GET /metrics. Lock-free on the hot path:
// one array of atomics per route.
//
// Thread-safe.

#include <array>
#include <atomic>
#include <memory>
#include <string>
#include <vector>

namespace kring::http {

class Metrics {
 public:
  // Latency bucket bounds in seconds (Prometheus "le").
  static constexpr std::array<double, 12> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                      0.05,   0.1,   0.25,   0.5,   1.0,  2.5};

  // route_names[i] labels route index i; one extra slot counts unmatched paths.
  explicit Metrics(std::vector<std::string> route_names);

  void record(size_t route_index, int status, double seconds);
  size_t unmatched_index() const { return names_.size() - 1; }
  std::string render() const;

 private:
  struct Series {
    std::array<std::atomic<std::uint64_t>, 6> by_status_class{};  // 1xx..5xx, other
    std::array<std::atomic<std::uint64_t>, kBuckets.size()> buckets{};
    std::atomic<std::uint64_t> count{0};
    std::atomic<std::uint64_t> sum_micros{0};
  };
  std::vector<std::string> names_;
  std::unique_ptr<Series[]> series_;
};

}  // namespace kring::http
