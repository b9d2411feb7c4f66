#pragma once
// Live delivery of notifications to open streams. A stream subscribes with
// the member, session and client address it belongs to; publish() renders a
// notification once and hands the same text to every open stream of the
// recipient, so a member with many streams costs one lookup per
// notification, not one per stream. Streams are held weakly: a stream that
// closed simply stops being called.
//
// The hub also ends streams whose session ended (log-out, password change,
// suspension, account deletion), caps how many streams a member and an
// address may hold open (rate_limits.h: streams_per_member,
// streams_per_address), and holds the rate limiter for what it delivers
// (the notifier's mention limit).
//
// Thread-safe. publish() must be called after the notification's
// transaction committed, never inside it; the renderer is set once, at
// start-up, before any publish().

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/member.h"
#include "core/result.h"
#include "social/rate_limits.h"

namespace kring::social {

class NotificationListener {
 public:
  virtual ~NotificationListener() = default;
  // One rendered event for the client. Called outside the hub's lock, from
  // the publishing thread: must not block.
  virtual void deliver(const std::string& event) = 0;
  // The stream's session ended: close it; later deliveries are dropped.
  virtual void end() = 0;
  virtual bool open() const = 0;
};

// Whose a stream is. address: the client's address (address_key applied by
// the hub).
struct StreamOwner {
  MemberId member = 0;
  std::int64_t session_id = 0;
  std::string address;
};

// Turns a stored notification into the text every open stream of its
// recipient is sent; nullopt when there is nothing to send (the notification
// is gone or no longer shown).
using NotificationRenderer =
    std::function<std::optional<std::string>(MemberId recipient, std::int64_t notification_id)>;

class NotificationHub {
 public:
  explicit NotificationHub(RateLimiter& limiter) : limiter_(limiter) {}

  void set_renderer(NotificationRenderer renderer);

  // Registers an open stream. Error 429 rate_limited (with retry_after_s)
  // when the member or the address already holds its cap of open streams:
  // the new stream is refused, the old ones keep running.
  Status subscribe(const StreamOwner& owner, std::weak_ptr<NotificationListener> listener);

  void publish(MemberId recipient, std::int64_t notification_id);

  // Ends every open stream of one session of a member.
  void close_session(MemberId member, std::int64_t session_id);
  // Ends every open stream of a member, except those of except_session
  // (0: all of them).
  void close_member_streams(MemberId member, std::int64_t except_session = 0);

  RateLimiter& rate_limiter() { return limiter_; }

 private:
  struct Subscription {
    std::weak_ptr<NotificationListener> listener;
    std::int64_t session_id = 0;
    std::string address;
  };
  // REQUIRES: mutex_ held. Drops closed streams of one member / of all.
  void drop_closed(MemberId member);
  void drop_all_closed();
  void forget_address(const std::string& address);
  // Removes a member's subscriptions that `which` selects and returns the
  // live streams among them, to be ended outside the lock.
  std::vector<std::shared_ptr<NotificationListener>> remove_streams(
      MemberId member, const std::function<bool(const Subscription&)>& which);
  void end_streams(MemberId member, const std::function<bool(const Subscription&)>& which);

  RateLimiter& limiter_;
  NotificationRenderer renderer_;
  std::mutex mutex_;
  std::unordered_map<MemberId, std::vector<Subscription>> by_member_;
  std::unordered_map<std::string, int> open_by_address_;
};

}  // namespace kring::social
