#pragma once
// Limits failed log-in attempts per account and per client address, so a
// password cannot be guessed online. In memory: a restart forgets, which is
// acceptable because argon2id already makes each guess cost ~0.1 s of CPU.
//
// Thread-safe.

#include <chrono>
#include <deque>
#include <mutex>
#include <string>
#include <unordered_map>

namespace kring::social {

struct ThrottleLimits {
  int max_failures_per_account = 5;
  int max_failures_per_address = 30;
  std::chrono::seconds window{15 * 60};
};

class LoginThrottle {
 public:
  explicit LoginThrottle(ThrottleLimits limits = {}) : limits_(limits) {}

  // Seconds until the next attempt for (account, address) may be made;
  // 0 when it may be made now.
  int retry_after(const std::string& account, const std::string& address);
  void record_failure(const std::string& account, const std::string& address);
  void record_success(const std::string& account);

 private:
  using Clock = std::chrono::steady_clock;
  using Failures = std::deque<Clock::time_point>;
  int wait_for(Failures& failures, int max, Clock::time_point now);
  void forget_stale(Clock::time_point now);

  ThrottleLimits limits_;
  std::mutex mutex_;
  std::unordered_map<std::string, Failures> by_account_;
  std::unordered_map<std::string, Failures> by_address_;
  Clock::time_point last_sweep_{};
};

}  // namespace kring::social
