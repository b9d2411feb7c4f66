#pragma once
// Live delivery of notifications to open clients. Listeners register per
// member; publish() calls every live listener of the recipient. Listeners are
// held weakly: a closed stream simply stops being called.
//
// Thread-safe. publish() must be called after the notification's
// transaction committed, never inside it.

#include <memory>
#include <mutex>
#include <unordered_map>
#include <vector>

#include "core/member.h"

namespace kring::social {

class NotificationListener {
 public:
  virtual ~NotificationListener() = default;
  // notification_id: the stored row's id; the listener loads what it needs.
  virtual void deliver(std::int64_t notification_id) = 0;
  virtual bool open() const = 0;
};

class NotificationHub {
 public:
  void subscribe(MemberId member, std::weak_ptr<NotificationListener> listener);
  void publish(MemberId recipient, std::int64_t notification_id);
  size_t listener_count();

 private:
  std::mutex mutex_;
  std::unordered_map<MemberId, std::vector<std::weak_ptr<NotificationListener>>> listeners_;
};

}  // namespace kring::social
