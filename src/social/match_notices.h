#pragma once
// "A strong new match tells both sides" (issue 11): when a request or an
// offer is posted, or its skills change, its matches are found
// (social/match_finder.h, as its author would see them) and the strong
// ones (social/match_scoring.h) are told, as kMatchFound notifications:
// - of each strong open item of the other kind, at most kItemsTold: that
//   item's author hears of the new one, and the new one's author of it;
// - for a request, the kMembersTold best strong members (a skill, and near
//   or within distance 2) hear of it.
// Each member hears of an item at most once, however often its skills
// change (store: match_notices). The Notifier's rules hold for every one
// of them: nobody who may not read the item they hear of, nobody across a
// block or who muted the other. Only an item at its kind's first status
// (an open request, an available offer) tells anyone.
// Thread-safe: every call leases its own connection.

#include "core/item.h"
#include "social/notification_hub.h"
#include "store/database.h"

namespace kring::social {

inline constexpr int kItemsTold = 3;
inline constexpr int kMembersTold = 3;

class MatchNotices {
 public:
  MatchNotices(store::Database& db, NotificationHub& hub) : db_(db), hub_(hub) {}

  // Call after the transaction that posted or changed the item committed:
  // the matches are read as everyone else now sees the item, and a failed
  // post tells nobody. Does nothing for an item of another kind.
  void tell(ItemId item);

 private:
  store::Database& db_;
  NotificationHub& hub_;
};

}  // namespace kring::social
