#pragma once
// ProgressMeter: how far a long computation is, for a progress bar.
// Kernels advance it from any worker thread; a display thread reads
// snapshot() whenever it likes.
//
// Thread-safety: every member is safe to call from any thread.

#include <atomic>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>

namespace kring::graph {

class ProgressMeter {
 public:
  struct Snapshot {
    std::string stage;
    std::uint64_t done = 0;
    std::uint64_t total = 0;
  };

  // Starts a new stage with `total` units of work.
  void begin(std::string_view stage, std::uint64_t total) {
    std::lock_guard<std::mutex> lock(mutex_);
    stage_ = stage;
    total_.store(total);
    done_.store(0);
  }
  void advance(std::uint64_t units = 1) { done_.fetch_add(units, std::memory_order_relaxed); }

  Snapshot snapshot() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return {stage_, done_.load(), total_.load()};
  }

 private:
  mutable std::mutex mutex_;
  std::string stage_;
  std::atomic<std::uint64_t> done_{0};
  std::atomic<std::uint64_t> total_{0};
};

// Advances `meter` when it is set; kernels take an optional meter.
inline void advance(ProgressMeter* meter, std::uint64_t units = 1) {
  if (meter != nullptr) meter->advance(units);
}

}  // namespace kring::graph
