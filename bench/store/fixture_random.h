#pragma once
// Deterministic random draws for the feed fixture: the same seed gives the
// same database on every machine, so figures from two runs compare.

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

namespace kring::bench {

class FixtureRandom {
 public:
  explicit FixtureRandom(std::uint64_t seed) : engine_(seed) {}
  // Uniform integer in [0, n). Modulo bias is irrelevant for fixture data.
  std::uint64_t below(std::uint64_t n) { return engine_() % n; }
  double unit() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }
  bool chance(double p) { return unit() < p; }
  // Pareto with minimum 1 and tail index alpha: heavy-tailed activity, as
  // measured on real social platforms (a few members write most posts).
  double pareto(double alpha) { return std::pow(1.0 - unit(), -1.0 / alpha); }

 private:
  std::mt19937_64 engine_;
};

// Draws an index with probability proportional to its weight, by binary
// search over cumulative weights: O(log n) per draw.
class WeightedIndex {
 public:
  explicit WeightedIndex(const std::vector<double>& weights) {
    cumulative_.reserve(weights.size());
    double total = 0;
    for (double w : weights) cumulative_.push_back(total += w);
  }
  std::uint32_t draw(FixtureRandom& rng) const {
    double x = rng.unit() * cumulative_.back();
    auto it = std::upper_bound(cumulative_.begin(), cumulative_.end(), x);
    auto i = static_cast<std::size_t>(it - cumulative_.begin());
    return static_cast<std::uint32_t>(std::min(i, cumulative_.size() - 1));
  }

 private:
  std::vector<double> cumulative_;
};

}  // namespace kring::bench
