#pragma once
// Tells members what happened: one notify() per action, with the event;
// who is told is the audience table's (social/audiences.h), never the
// caller's. Rows are written inside the action's transaction and published
// to live clients after it commits.
//
// Use: one Notifier per action; notify() inside the transaction; call
// publish() after commit (the destructor does nothing: an aborted action
// notifies nobody).

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/item.h"
#include "core/member.h"
#include "core/space.h"
#include "social/audiences.h"
#include "social/notification_hub.h"
#include "store/database.h"

namespace kring::social {

// What happened, named by the notification kinds it raises and the ids it
// is about. Which ids a kind needs is its row's Subject and audiences.
struct Event {
  // In precedence order: a member in the audiences of two kinds is told by
  // the first (a reply that mentions the item's author: kReply, kMention).
  std::vector<NotificationKind> kinds;
  MemberId actor = 0;
  std::optional<ItemId> item;
  // The reply the event is about: the new reply, or the one reacted to.
  std::optional<ReplyId> reply;
  // The reply answered, when the event is a reply to a reply.
  std::optional<ReplyId> parent;
  std::optional<SpaceId> space;
  // The member the event names (followed, asked to connect, invited).
  MemberId member = 0;
  // The @handles the event's text names.
  std::vector<std::string> mentions;
  // kring itself speaks (a sweep) about the actor's own item: the actor,
  // named as the one it comes from, is told too.
  bool by_kring = false;
};

class Notifier {
 public:
  Notifier(store::Connection& conn, NotificationHub& hub) : conn_(conn), hub_(hub) {}

  // Records one notification for each member the event's kinds' audiences
  // name, under the rules every audience obeys (audience_rules()).
  // REQUIRES: the event carries the ids its kinds' subjects need (item for
  // kItem, space for kSpace, member for kMember); a missing one is a bug
  // in the caller and throws std::logic_error.
  void notify(const Event& event);
  void publish();

 private:
  // The members one audience of the table names for this event.
  std::vector<MemberId> audience(Audience audience, NotificationKind kind, const Event& event);

  store::Connection& conn_;
  NotificationHub& hub_;
  std::vector<std::pair<MemberId, std::int64_t>> pending_;
};

}  // namespace kring::social
