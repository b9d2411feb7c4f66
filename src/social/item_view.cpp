#include "social/item_view.h"

#include "core/kinds.h"
#include "social/instance_communities.h"
#include "social/organisers.h"
#include "store/duplicate_repository.h"
#include "store/member_repository.h"
#include "store/rsvp_repository.h"
#include "store/organiser_repository.h"
#include "store/space_repository.h"

namespace kring::social {

namespace {

std::optional<SpaceRef> space_of(store::Connection& conn, const Item& item) {
  if (!item.space_id) return std::nullopt;
  auto found = store::SpaceRepository(conn).slug_and_name(*item.space_id);
  if (!found) return std::nullopt;
  return SpaceRef{std::move(found->first), std::move(found->second)};
}

// Without the voters' communities, which the callers count.
ItemView view_uncounted(store::Connection& conn, MemberId viewer, Item item,
                        std::optional<SpaceRef> space) {
  ItemView v;
  if (auto author = store::MemberRepository(conn).find_by_id(item.author_id)) {
    v.author = view_member(conn, viewer, std::move(*author), false);
  }
  v.space = std::move(space);
  v.reactions =
      store::ReactionRepository(conn).summary(store::ReactionTarget::kItem, item.id, viewer);
  const ItemKindRule* kind = find_item_kind(item.kind);
  if (kind && kind->takes_votes) v.votes = store::VoteRepository(conn).summary(item.id, viewer);
  v.follows = store::ItemFollowRepository(conn).summary(item.id, viewer);
  if (kind && kind->takes_rsvps) {
    v.rsvp = store::RsvpRepository(conn).summary(item.id, item.capacity, viewer);
  }
  if (kind && kind->has_status(kDuplicateStatus)) {
    store::DuplicateRepository duplicates(conn);
    v.duplicate_of = duplicates.original_of(item.id, viewer);
    v.duplicates = duplicates.duplicates_of(item.id, viewer, kDuplicatesListed);
  }
  v.loan = view_open_loan(conn, viewer, item);
  if (kind && kind->takes(ItemField::kGoals)) v.progress = initiative_progress(conn, item);
  if (kind && has_organisers(*kind)) {
    v.organisers.emplace();
    store::MemberRepository members(conn);
    for (MemberId m : store::OrganiserRepository(conn).organisers(item.id)) {
      if (auto found = members.find_by_id(m)) {
        v.organisers->push_back(view_member(conn, viewer, std::move(*found), false));
      }
    }
  }
  v.item = std::move(item);
  return v;
}

bool takes_votes(const Item& item) {
  const ItemKindRule* kind = find_item_kind(item.kind);
  return kind && kind->takes_votes;
}

}  // namespace

ItemView view_item(store::Connection& conn, MemberId viewer, Item item) {
  auto space = space_of(conn, item);
  return view_item(conn, viewer, std::move(item), std::move(space));
}

ItemView view_item(store::Connection& conn, MemberId viewer, Item item,
                   std::optional<SpaceRef> space) {
  if (!takes_votes(item)) return view_uncounted(conn, viewer, std::move(item), std::move(space));
  auto support = support_of_items(conn, {item.id});
  auto found = support.find(item.id);
  ItemView v = view_uncounted(conn, viewer, std::move(item), std::move(space));
  v.communities = found == support.end() ? 0 : found->second.communities;
  return v;
}

ItemView view_counted_item(store::Connection& conn, MemberId viewer, Item item,
                           const Support* support) {
  const bool counted = takes_votes(item);
  auto space = space_of(conn, item);
  ItemView v = view_uncounted(conn, viewer, std::move(item), std::move(space));
  if (counted) v.communities = support ? support->communities : 0;
  return v;
}

ReplyView view_reply(store::Connection& conn, MemberId viewer, Reply reply) {
  ReplyView v;
  if (reply.deleted || reply.hidden) {
    // Removed replies keep their place in the thread, not their content.
    reply.body.clear();
    reply.html.clear();
  } else if (auto author = store::MemberRepository(conn).find_by_id(reply.author_id)) {
    v.author = view_member(conn, viewer, std::move(*author), false);
    v.reactions =
        store::ReactionRepository(conn).summary(store::ReactionTarget::kReply, reply.id, viewer);
  }
  v.reply = std::move(reply);
  return v;
}

}  // namespace kring::social
