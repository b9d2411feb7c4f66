#include "social/votes.h"

#include "core/kinds.h"
#include "core/time.h"
#include "social/capabilities.h"
#include "social/policy.h"
#include "store/item_repository.h"

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
  if (on) {
    votes.put(id, actor.id, now_micros());
  } else {
    votes.remove(id, actor.id);
  }
  auto summary = votes.summary(id, actor.id);
  tx.commit();
  return summary;
}

}  // namespace kring::social
