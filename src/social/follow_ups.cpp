#include "social/follow_ups.h"

#include "core/kinds.h"
#include "social/capabilities.h"
#include "social/notifier.h"
#include "social/policy.h"
#include "store/follow_up_repository.h"
#include "store/item_repository.h"

namespace kring::social {

namespace {

constexpr Micros kDay = 86'400LL * 1'000'000;
// Questions asked per kind and sweep; the rest wait for the next sweep, so
// one sweep after a long stop does not hold the write lock for long.
constexpr int kAskedPerSweep = 500;

// How long after reaching the asking status the author could still reopen:
// past it a question would offer an answer they cannot give.
Micros reopen_window(const ItemKindRule& kind) {
  const StatusTransition* reopen = kind.transition(kind.follow_up.status, kind.follow_up.reopen_to);
  return reopen && reopen->author_window_days > 0 ? reopen->author_window_days * kDay : INT64_MAX;
}

}  // namespace

int FollowUps::ask_due(Micros now) {
  int asked = 0;
  for (const auto& kind : item_kinds()) {
    const FollowUp& f = kind.follow_up;
    if (f.status.empty()) continue;
    auto conn = db_.lease();
    store::Transaction tx(*conn, store::Transaction::Kind::kWrite);
    store::FollowUpRepository follow_ups(*conn);
    Micros window = reopen_window(kind);
    Micros after = window == INT64_MAX ? 0 : now - window;
    Notifier notifier(*conn, hub_);
    for (const auto& due :
         follow_ups.due(kind.kind, f.status, after, now - f.after_days * kDay, kAskedPerSweep)) {
      follow_ups.mark_asked(due.change_id, due.item_id, now);
      notifier.notify({.kinds = {NotificationKind::kFixedCheck},
                       .actor = due.changed_by,
                       .item = due.item_id});
      ++asked;
    }
    tx.commit();
    notifier.publish();
  }
  return asked;
}

Result<ItemView> FollowUps::answer(const Actor& actor, ItemId id, bool fixed) {
  const ItemKindRule* kind = nullptr;
  std::int64_t asked_change = 0;
  {
    auto conn = db_.lease();
    store::Transaction tx(*conn, store::Transaction::Kind::kWrite);
    store::ItemRepository items(*conn);
    std::optional<Item> item;
    if (items.readable(id, actor.id)) item = items.find(id);
    if (!item) {
      return refuse_missing(actor, Action::kAnswerFollowUp, "no item " + std::to_string(id));
    }
    kind = find_item_kind(item->kind);
    if (!kind || kind->follow_up.status.empty() || item->status != kind->follow_up.status) {
      return Error::conflict("no_follow_up", "this " + item->kind + " asks nothing now");
    }
    StandingCache standing(*conn, actor);
    Resource r = standing.content(item->author_id, item->space_id);
    KRING_TRY(decide(actor, Action::kAnswerFollowUp, r));
    store::FollowUpRepository follow_ups(*conn);
    auto change = follow_ups.current_change(id, kind->follow_up.status);
    if (!change) return Error::conflict("no_follow_up", "this " + item->kind + " asks nothing now");
    if (follow_ups.answered(*change)) {
      return Error::conflict("already_answered", "you have answered already");
    }
    if (fixed) {
      follow_ups.answer(*change, id, true, now_micros());
      ItemView view = view_item(*conn, actor.id, std::move(*item));
      fill_can(standing, view);
      tx.commit();
      return view;
    }
    asked_change = *change;
  }
  // A no reopens by the kind's move, with all its rules; only a move made
  // records the answer (an answer racing it finds the item moved on).
  auto moved = statuses_.move(actor, id,
                              {std::string(kind->follow_up.reopen_to),
                               std::string("Not fixed yet, says the reporter.")});
  if (!moved) return moved;
  auto conn = db_.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kWrite);
  store::FollowUpRepository(*conn).answer(asked_change, id, false, now_micros());
  tx.commit();
  return moved;
}

}  // namespace kring::social
