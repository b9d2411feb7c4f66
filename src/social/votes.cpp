#include "social/votes.h"

#include "core/kinds.h"
#include "core/time.h"
#include "social/capabilities.h"
#include "social/notifier.h"
#include "social/policy.h"
#include "store/item_repository.h"
#include "store/space_repository.h"
#include "store/status_change_repository.h"

namespace kring::social {

Status votes_open(const Item& item) {
  const ItemKindRule* kind = find_item_kind(item.kind);
  if (!kind || !kind->takes_votes) {
    return Error::conflict("no_votes", "a " + item.kind + " takes no votes");
  }
  if (item.status != kind->initial_status) {
    return Error::conflict("voting_closed", "votes are cast and withdrawn only while the " +
                                                item.kind + " is " +
                                                std::string(kind->initial_status));
  }
  return {};
}

namespace {

// Where an idea goes when its votes reach the space's review threshold.
constexpr std::string_view kReviewStatus = "under_review";

Status check_vote_limit(store::VoteRepository& votes, const Actor& actor, const Item& item,
                        const ItemKindRule& kind, const VoteSettings& settings) {
  if (!settings.vote_limit || votes.has(item.id, actor.id)) return {};
  const std::int64_t limit = *settings.vote_limit;
  if (votes.count_at_status(actor.id, *item.space_id, item.kind, kind.initial_status) < limit) {
    return {};
  }
  return Error::conflict("vote_limit_reached",
                         "a member has at most " + std::to_string(limit) + " votes on this " +
                             "space's " + std::string(kind.initial_status) + " " + item.kind +
                             "s; withdraw one first");
}

// Moves the item to review when `count` has reached the threshold; true
// when it moved.
bool review_at_threshold(store::Connection& conn, const Actor& voter, const Item& item,
                         const ItemKindRule& kind, const VoteSettings& settings,
                         std::int64_t count) {
  if (!settings.review_threshold || count < *settings.review_threshold) return false;
  if (!kind.transition(item.status, kReviewStatus)) return false;
  store::StatusChange change;
  change.item_id = item.id;
  change.from_status = item.status;
  change.to_status = std::string(kReviewStatus);
  change.actor_id = voter.id;
  change.note = "Reached " + std::to_string(count) + " votes";
  change.changed_at = now_micros();
  store::StatusChangeRepository(conn).record(change);
  store::ItemRepository(conn).set_status(item.id, change.to_status);
  return true;
}

}  // namespace

Result<store::VoteSummary> Votes::vote(const Actor& actor, ItemId id, bool on) {
  const Action action = on ? Action::kVote : Action::kUnvote;
  auto conn = db_.lease();
  // A write transaction from the start: the check and the vote see one state.
  store::Transaction tx(*conn, store::Transaction::Kind::kWrite);
  store::ItemRepository items(*conn);
  std::optional<Item> item;
  if (items.readable(id, actor.id)) item = items.find(id);
  if (!item) return refuse_missing(actor, action, "no item " + std::to_string(id));
  StandingCache standing(*conn, actor);
  Resource r = standing.content(item->author_id, item->space_id);
  r.not_found = "no item " + std::to_string(id);
  KRING_TRY(decide(actor, action, r));
  KRING_TRY(votes_open(*item));
  store::VoteRepository votes(*conn);
  const ItemKindRule& kind = *find_item_kind(item->kind);  // votes_open found it
  VoteSettings settings;
  if (item->space_id) {
    if (auto space = store::SpaceRepository(*conn).find_by_id(*item->space_id)) {
      settings = space->votes;
    }
  }
  bool moved = false;
  if (on) {
    KRING_TRY(check_vote_limit(votes, actor, *item, kind, settings));
    if (votes.put(id, actor.id, now_micros())) {
      moved = review_at_threshold(*conn, actor, *item, kind, settings,
                                  votes.summary(id, actor.id).count);
    }
  } else {
    votes.remove(id, actor.id);
  }
  auto summary = votes.summary(id, actor.id);
  Notifier notifier(*conn, hub_);
  if (moved) {
    notifier.notify({.kinds = {NotificationKind::kStatusChanged}, .actor = actor.id, .item = id});
  }
  tx.commit();
  notifier.publish();
  return summary;
}

}  // namespace kring::social
