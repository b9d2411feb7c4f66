#include "social/notification_hub.h"

#include <algorithm>

namespace kring::social {

void NotificationHub::subscribe(MemberId member, std::weak_ptr<NotificationListener> listener) {
  std::lock_guard lock(mutex_);
  auto& list = listeners_[member];
  std::erase_if(list, [](const auto& w) {
    auto l = w.lock();
    return !l || !l->open();
  });
  list.push_back(std::move(listener));
}

void NotificationHub::publish(MemberId recipient, std::int64_t notification_id) {
  std::vector<std::shared_ptr<NotificationListener>> live;
  {
    std::lock_guard lock(mutex_);
    auto it = listeners_.find(recipient);
    if (it == listeners_.end()) return;
    std::erase_if(it->second, [&](const auto& w) {
      auto l = w.lock();
      if (!l || !l->open()) return true;
      live.push_back(std::move(l));
      return false;
    });
    if (it->second.empty()) listeners_.erase(it);
  }
  // Deliver outside the lock: a listener may take its own locks.
  for (auto& l : live) l->deliver(notification_id);
}

size_t NotificationHub::listener_count() {
  std::lock_guard lock(mutex_);
  size_t n = 0;
  for (auto& [member, list] : listeners_) n += list.size();
  return n;
}

}  // namespace kring::social
