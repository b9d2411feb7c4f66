#pragma once
// Limits failed log-in attempts so that a password cannot be guessed online,
// without letting a stranger lock the owner out of their account.
//
// Two records, both over a sliding window (15 minutes):
// - per client address (address_key: IPv6 by /64), failures against any
//   account: the first free_failures are free, then each further attempt
//   waits first_backoff, doubling per failure, at most one window. Guessing
//   or spraying from one address slows to a crawl.
// - per account (the member, whether named by handle or e-mail in any case;
//   an unknown login by its lowercased text), failures from every address:
//   while an account has account_under_attack failures in the window, only
//   addresses with no failure against that account in the window may try.
//   Distributed guessing gets about one attempt per address per window; the
//   owner, from an address that did not fail, still logs in.
// A success clears that address's record against that account only: logging
// in to an own account does not reset an address's backoff.
//
// In memory: a restart forgets, which is acceptable because argon2id already
// makes each guess cost ~0.1 s of CPU. Memory is bounded by the attempts the
// backoff lets through: old records are swept once a minute, and each record
// keeps at most the few newest failures it needs.
//
// Thread-safe.

#include <chrono>
#include <deque>
#include <mutex>
#include <string>
#include <unordered_map>

namespace kring::social {

struct ThrottleLimits {
  int free_failures = 5;
  std::chrono::seconds first_backoff{2};
  int account_under_attack = 10;
  std::chrono::seconds window{15 * 60};
};

class LoginThrottle {
 public:
  using Clock = std::chrono::steady_clock;

  explicit LoginThrottle(ThrottleLimits limits = {}) : limits_(limits) {}

  // account: a stable key of the member the login names, or of the login
  // text when it names none. address: the client's address as the server
  // saw it. Seconds until an attempt for (account, address) may be made; 0
  // when it may be made now.
  int retry_after(const std::string& account, const std::string& address,
                  Clock::time_point now = Clock::now());
  void record_failure(const std::string& account, const std::string& address,
                      Clock::time_point now = Clock::now());
  void record_success(const std::string& account, const std::string& address);

 private:
  using Failures = std::deque<Clock::time_point>;
  void prune(Failures& failures, Clock::time_point now) const;
  void forget_stale(Clock::time_point now);

  ThrottleLimits limits_;
  std::mutex mutex_;
  std::unordered_map<std::string, Failures> by_address_;
  std::unordered_map<std::string, Failures> by_account_;
  // The last failure of one address against one account ("account\naddress").
  std::unordered_map<std::string, Clock::time_point> by_pair_;
  Clock::time_point last_sweep_{};
};

}  // namespace kring::social
