#include "social/login_throttle.h"

namespace kring::social {

int LoginThrottle::wait_for(Failures& failures, int max, Clock::time_point now) {
  while (!failures.empty() && failures.front() + limits_.window <= now) failures.pop_front();
  if (static_cast<int>(failures.size()) < max) return 0;
  auto wait = failures.front() + limits_.window - now;
  return static_cast<int>(std::chrono::ceil<std::chrono::seconds>(wait).count());
}

void LoginThrottle::forget_stale(Clock::time_point now) {
  // Sweep at most once a minute so memory stays bounded by recent attackers.
  if (now - last_sweep_ < std::chrono::minutes(1)) return;
  last_sweep_ = now;
  for (auto* map : {&by_account_, &by_address_}) {
    for (auto it = map->begin(); it != map->end();) {
      if (it->second.empty() || it->second.back() + limits_.window <= now) {
        it = map->erase(it);
      } else {
        ++it;
      }
    }
  }
}

int LoginThrottle::retry_after(const std::string& account, const std::string& address) {
  std::lock_guard lock(mutex_);
  auto now = Clock::now();
  int wait = 0;
  if (auto it = by_account_.find(account); it != by_account_.end()) {
    wait = wait_for(it->second, limits_.max_failures_per_account, now);
  }
  if (auto it = by_address_.find(address); it != by_address_.end()) {
    wait = std::max(wait, wait_for(it->second, limits_.max_failures_per_address, now));
  }
  return wait;
}

void LoginThrottle::record_failure(const std::string& account, const std::string& address) {
  std::lock_guard lock(mutex_);
  auto now = Clock::now();
  forget_stale(now);
  by_account_[account].push_back(now);
  by_address_[address].push_back(now);
}

void LoginThrottle::record_success(const std::string& account) {
  std::lock_guard lock(mutex_);
  by_account_.erase(account);
}

}  // namespace kring::social
