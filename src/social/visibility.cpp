#include "social/visibility.h"

#include "core/visibility_rules.h"
#include "store/item_repository.h"
#include "store/member_repository.h"
#include "store/reply_repository.h"
#include "store/space_repository.h"
#include "store/tie_repository.h"

namespace kring::social {

namespace {

void set(Facts& facts, Fact fact, bool value) { facts.set(static_cast<std::size_t>(fact), value); }

Facts space_facts(const Space& space, const std::optional<Membership>& m) {
  Facts f;
  set(f, Fact::kSpaceOpen, space.visibility == SpaceVisibility::kOpen);
  set(f, Fact::kSpaceSecret, space.visibility == SpaceVisibility::kSecret);
  set(f, Fact::kViewerActiveInSpace, m && m->state == MembershipState::kActive);
  set(f, Fact::kViewerInvitedToSpace, m && m->state == MembershipState::kInvited);
  return f;
}

Facts member_facts(const MemberStanding& s) {
  Facts f;
  set(f, Fact::kViewerIsMember, s.self);
  set(f, Fact::kMemberSuspended, s.suspended);
  set(f, Fact::kBlockBetween, s.blocked);
  set(f, Fact::kViewerConnectedToMember, s.connected);
  return f;
}

// An admin's powers end with their standing: a suspended admin sees as a member.
Facts viewer_member_facts(const Actor& viewer, const MemberStanding& standing) {
  Facts f = member_facts(standing);
  set(f, Fact::kViewerSignedIn, viewer.signed_in());
  set(f, Fact::kViewerIsAdmin, viewer.is_admin() && !viewer.suspended);
  return f;
}

}  // namespace

bool may_see_field(Relation relation, Visibility visibility) {
  Facts f;
  set(f, Fact::kViewerSignedIn, relation != Relation::kAnonymous);
  set(f, Fact::kViewerIsMember, relation == Relation::kSelf);
  set(f, Fact::kViewerConnectedToMember, relation == Relation::kConnection);
  set(f, Fact::kFieldPublic, visibility == Visibility::kPublic);
  set(f, Fact::kFieldForMembers, visibility == Visibility::kMembers);
  return holds(field_visible_rule(), f);
}

bool is_active_member(const std::optional<Membership>& m) {
  return m && m->state == MembershipState::kActive;
}

bool may_see_space(const Space& space, const std::optional<Membership>& m) {
  return holds(space_visible_rule(), space_facts(space, m));
}

bool may_read_space_content(const Space& space, const std::optional<Membership>& m) {
  return holds(space_content_rule(), space_facts(space, m));
}

MemberStanding member_standing(store::Connection& conn, MemberId viewer, const Member& member) {
  MemberStanding s;
  s.self = viewer != 0 && viewer == member.id;
  s.suspended = member.suspended;
  if (viewer != 0 && !s.self) {
    store::TieRepository ties(conn);
    s.blocked = ties.blocked_either_way(viewer, member.id);
    s.connected =
        ties.find(viewer, member.id, store::TieKind::kConnection) == store::TieState::kAccepted;
  }
  return s;
}

bool may_see_member(const Actor& viewer, const MemberStanding& standing) {
  return holds(member_visible_rule(), viewer_member_facts(viewer, standing));
}

bool may_list_member(const Actor& viewer, const MemberStanding& standing) {
  return holds(member_listed_rule(), viewer_member_facts(viewer, standing));
}

bool shows_content_of(const MemberStanding& standing) {
  return holds(member_content_rule(), member_facts(standing));
}

bool may_see_item(MemberId viewer, const Item& item, const MemberStanding& author,
                  const std::optional<Space>& space, const std::optional<Membership>& membership) {
  Facts f = member_facts(author);
  if (item.space_id && space) f |= space_facts(*space, membership);
  set(f, Fact::kViewerSignedIn, viewer != 0);
  set(f, Fact::kItemDeleted, false);
  set(f, Fact::kItemHidden, item.hidden);
  set(f, Fact::kItemInSpace, item.space_id.has_value());
  set(f, Fact::kItemPublic, item.visibility == ItemVisibility::kPublic);
  set(f, Fact::kItemForMembers, item.visibility == ItemVisibility::kMembers);
  set(f, Fact::kItemForConnections, item.visibility == ItemVisibility::kConnections);
  return holds(item_visible_rule(), f);
}

bool shows_reply(const Reply& reply, const MemberStanding& author) {
  Facts f = member_facts(author);
  set(f, Fact::kReplyDeleted, reply.deleted);
  set(f, Fact::kReplyHidden, reply.hidden);
  return holds(reply_shown_rule(), f);
}

bool may_see_item(store::Connection& conn, MemberId viewer, ItemId id) {
  auto item = store::ItemRepository(conn).find(id);
  if (!item) return false;
  auto author = store::MemberRepository(conn).find_by_id(item->author_id);
  if (!author) return false;
  std::optional<Space> space;
  std::optional<Membership> membership;
  if (item->space_id) {
    store::SpaceRepository spaces(conn);
    space = spaces.find_by_id(*item->space_id);
    if (viewer != 0) membership = spaces.membership(*item->space_id, viewer);
  }
  return may_see_item(viewer, *item, member_standing(conn, viewer, *author), space, membership);
}

bool may_see_notification(store::Connection& conn, MemberId viewer, MemberId actor,
                          std::optional<ItemId> item, std::optional<ReplyId> reply,
                          std::optional<SpaceId> space) {
  store::MemberRepository members(conn);
  auto by = members.find_by_id(actor);
  if (!by || !shows_content_of(member_standing(conn, viewer, *by))) return false;
  if (item && !may_see_item(conn, viewer, *item)) return false;
  if (reply) {
    auto r = store::ReplyRepository(conn).find(*reply);
    auto author = r ? members.find_by_id(r->author_id) : std::nullopt;
    if (!author || !shows_reply(*r, member_standing(conn, viewer, *author))) return false;
  }
  if (space) {
    store::SpaceRepository spaces(conn);
    auto s = spaces.find_by_id(*space);
    if (!s) return false;
    std::optional<Membership> m;
    if (viewer != 0) m = spaces.membership(*space, viewer);
    if (!may_see_space(*s, m)) return false;
  }
  return true;
}

}  // namespace kring::social
