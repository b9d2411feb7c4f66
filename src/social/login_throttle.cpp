#include "social/login_throttle.h"

#include <algorithm>

#include "social/rate_limits.h"

namespace kring::social {

namespace {

std::string pair_key(const std::string& account, const std::string& address) {
  return account + '\n' + address;
}

int whole_seconds(LoginThrottle::Clock::duration wait) {
  return std::max(1, static_cast<int>(std::chrono::ceil<std::chrono::seconds>(wait).count()));
}

// Backoff doubles per failure; past this many doublings it is at the cap
// anyway (2 s * 2^10 > 15 min), so an address keeps no more failures.
constexpr int kMaxDoublings = 10;

}  // namespace

void LoginThrottle::prune(Failures& failures, Clock::time_point now) const {
  while (!failures.empty() && failures.front() + limits_.window <= now) failures.pop_front();
}

void LoginThrottle::forget_stale(Clock::time_point now) {
  if (now - last_sweep_ < std::chrono::minutes(1)) return;
  last_sweep_ = now;
  for (auto* map : {&by_address_, &by_account_}) {
    std::erase_if(*map, [&](const auto& entry) {
      return entry.second.empty() || entry.second.back() + limits_.window <= now;
    });
  }
  std::erase_if(by_pair_, [&](const auto& entry) { return entry.second + limits_.window <= now; });
}

int LoginThrottle::retry_after(const std::string& account, const std::string& address,
                               Clock::time_point now) {
  std::string where = address_key(address);
  std::lock_guard lock(mutex_);
  Clock::time_point allowed_at = now;
  if (auto it = by_address_.find(where); it != by_address_.end()) {
    prune(it->second, now);
    int beyond_free = static_cast<int>(it->second.size()) - limits_.free_failures;
    if (beyond_free >= 0) {
      auto backoff = limits_.first_backoff * (1LL << std::min(beyond_free, kMaxDoublings));
      auto capped = std::min<Clock::duration>(backoff, limits_.window);
      allowed_at = std::max(allowed_at, it->second.back() + capped);
    }
  }
  auto account_it = by_account_.find(account);
  auto pair_it = by_pair_.find(pair_key(account, where));
  if (account_it != by_account_.end() && pair_it != by_pair_.end() &&
      pair_it->second + limits_.window > now) {
    Failures& failures = account_it->second;
    prune(failures, now);
    if (static_cast<int>(failures.size()) >= limits_.account_under_attack) {
      // Open again when this address's failure leaves the window, or when
      // enough of the account's failures do that it is no longer under attack.
      auto calm_at = failures[failures.size() - limits_.account_under_attack] + limits_.window;
      allowed_at = std::max(allowed_at, std::min(pair_it->second + limits_.window, calm_at));
    }
  }
  return allowed_at > now ? whole_seconds(allowed_at - now) : 0;
}

void LoginThrottle::record_failure(const std::string& account, const std::string& address,
                                   Clock::time_point now) {
  std::string where = address_key(address);
  std::lock_guard lock(mutex_);
  forget_stale(now);
  auto& from_address = by_address_[where];
  from_address.push_back(now);
  while (static_cast<int>(from_address.size()) > limits_.free_failures + kMaxDoublings + 1) {
    from_address.pop_front();
  }
  auto& against_account = by_account_[account];
  against_account.push_back(now);
  while (static_cast<int>(against_account.size()) > limits_.account_under_attack) {
    against_account.pop_front();
  }
  by_pair_[pair_key(account, where)] = now;
}

void LoginThrottle::record_success(const std::string& account, const std::string& address) {
  std::string where = address_key(address);
  std::lock_guard lock(mutex_);
  by_pair_.erase(pair_key(account, where));
}

}  // namespace kring::social
