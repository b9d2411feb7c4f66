#include "social/item_view.h"

#include "core/kinds.h"
#include "store/duplicate_repository.h"
#include "store/member_repository.h"
#include "store/space_repository.h"

namespace kring::social {

ItemView view_item(store::Connection& conn, MemberId viewer, Item item) {
  std::optional<SpaceRef> space;
  if (item.space_id) {
    if (auto found = store::SpaceRepository(conn).find_by_id(*item.space_id)) {
      space = SpaceRef{found->slug, found->name};
    }
  }
  return view_item(conn, viewer, std::move(item), std::move(space));
}

ItemView view_item(store::Connection& conn, MemberId viewer, Item item,
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
  if (kind && kind->has_status(kDuplicateStatus)) {
    store::DuplicateRepository duplicates(conn);
    v.duplicate_of = duplicates.original_of(item.id, viewer);
    v.duplicates = duplicates.duplicates_of(item.id, viewer, kDuplicatesListed);
  }
  v.item = std::move(item);
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
