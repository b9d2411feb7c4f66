#pragma once
// Follows, connections and blocks between members, and the lists built
// from them. Thread-safe: every call leases its own connection.

#include <string>

#include "core/page.h"
#include "core/result.h"
#include "social/actor.h"
#include "social/member_view.h"
#include "social/notification_hub.h"
#include "store/database.h"

namespace kring::social {

enum class TieList { kFollowers, kFollowing, kConnections };

struct SecondDegree {
  MemberView member;
  std::vector<MemberView> via;  // the viewer's connections who link them
};

// Something that happened to a tie, for notifications (issue 3) and tests.
enum class TieChange { kUnchanged, kCreated, kRequested, kAccepted, kRemoved, kDeclined,
                       kCancelled };
std::string_view tie_change_name(TieChange change);

class Ties {
 public:
  Ties(store::Database& db, NotificationHub& hub) : db_(db), hub_(hub) {}

  // Idempotent: following twice is one follow. 400 self, 404 unknown/blocked.
  Result<TieChange> follow(const Actor& actor, const std::string& handle);
  Result<TieChange> unfollow(const Actor& actor, const std::string& handle);
  // Requests a connection, or accepts the member's pending request to me.
  Result<TieChange> connect(const Actor& actor, const std::string& handle);
  // Declines their request, cancels mine, or removes the connection.
  Result<TieChange> disconnect(const Actor& actor, const std::string& handle);
  // Blocking removes every follow and connection both ways and hides each
  // from the other.
  Result<TieChange> block(const Actor& actor, const std::string& handle);
  Result<TieChange> unblock(const Actor& actor, const std::string& handle);

  // Tie lists, newest tie first, keyset-paged on (tie created_at, tie id).
  Result<Page<MemberView>> list(const Actor& viewer, const std::string& handle, TieList which,
                                const PageRequest& request);
  Result<Page<MemberView>> connection_requests(const Actor& actor, const PageRequest& request);
  Result<Page<MemberView>> blocked(const Actor& actor, const PageRequest& request);
  Result<Page<SecondDegree>> second_degree(const Actor& actor, const PageRequest& request);

 private:
  store::Database& db_;
  NotificationHub& hub_;
};

}  // namespace kring::social
