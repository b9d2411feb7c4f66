#include "social/capabilities.h"

#include "core/kinds.h"
#include "social/events.h"
#include "social/lending.h"
#include "social/match_finder.h"
#include "social/organisers.h"
#include "social/votes.h"
#include "store/loan_repository.h"
#include "store/organiser_repository.h"
#include "store/space_repository.h"
#include "store/status_change_repository.h"

namespace kring::social {

namespace {

struct Entry {
  std::string_view key;
  Action action;
};

template <std::size_t N>
Can evaluate(const Actor& actor, const Entry (&entries)[N], const Resource& r) {
  Can can;
  can.entries.reserve(N + 1);
  for (const Entry& e : entries) can.entries.emplace_back(e.key, allows(actor, e.action, r));
  return can;
}

constexpr Entry kItemEntries[] = {
    {"edit", Action::kEditItem},
    {"delete", Action::kDeleteItem},
    {"hide", Action::kHideItem},
    {"unhide", Action::kUnhideItem},
    {"reply", Action::kReply},
    {"react", Action::kReact},
    {"report", Action::kReport},
    {"history", Action::kViewItemHistory},
    {"status_history", Action::kViewStatusHistory},
    {"follow", Action::kFollowItem},
};

constexpr Entry kReplyEntries[] = {
    {"delete", Action::kDeleteReply}, {"hide", Action::kHideReply},
    {"unhide", Action::kUnhideReply}, {"react", Action::kReact},
    {"report", Action::kReport},
};

constexpr Entry kSpaceEntries[] = {
    {"edit", Action::kEditSpace},
    {"join", Action::kJoinSpace},
    {"leave", Action::kLeaveSpace},
    {"invite", Action::kInviteToSpace},
    {"decide_requests", Action::kDecideJoinRequest},
    {"set_roles", Action::kSetSpaceRole},
    {"remove_members", Action::kRemoveSpaceMember},
    {"post", Action::kPostItem},
    {"view_members", Action::kListSpaceMembers},
    {"view_reports", Action::kViewSpaceReports},
    {"view_network", Action::kViewSpaceNetwork},
    {"read", Action::kReadFeed},
};

constexpr Entry kMemberEntries[] = {
    {"follow", Action::kFollow},
    {"unfollow", Action::kUnfollow},
    {"connect", Action::kConnect},
    {"disconnect", Action::kDisconnect},
    {"block", Action::kBlock},
    {"unblock", Action::kUnblock},
    {"mute", Action::kMute},
    {"report", Action::kReport},
    {"suspend", Action::kSuspendMember},
    {"reinstate", Action::kReinstateMember},
    {"set_role", Action::kSetMemberRole},
};

}  // namespace

Resource StandingCache::content(MemberId author, std::optional<SpaceId> space_id) {
  Resource r = Resource::of_content(actor_, author, std::nullopt, std::nullopt);
  if (!space_id) return r;
  auto [it, added] = spaces_.try_emplace(*space_id);
  if (added) it->second = store::SpaceRepository(conn_).access(*space_id, actor_.id);
  if (const auto& a = it->second)
    r.space = SpaceStanding{a->visibility, a->archived, a->membership};
  return r;
}

Resource StandingCache::item(const Item& row) {
  Resource r = content(row.author_id, row.space_id);
  if (actor_.signed_in() && takes_loans(row)) {
    auto loan = store::LoanRepository(conn_).open_for(row.id);
    r.holder = loan && loan->borrower_id == actor_.id;
  }
  const ItemKindRule* kind = find_item_kind(row.kind);
  if (kind && !r.own && actor_.signed_in() && has_organisers(*kind)) {
    r.organiser = store::OrganiserRepository(conn_).is_organiser(row.id, actor_.id);
  }
  if (!r.own || !kind) return r;
  for (const auto& t : kind->transitions) {
    if (t.from != row.status || t.author_window_days <= 0) continue;
    auto since = store::StatusChangeRepository(conn_).entered_at(row.id, row.status);
    r.in_status_for = now_micros() - since.value_or(row.created_at);
    break;
  }
  return r;
}

Can item_can(const Actor& actor, const Resource& item, const Item& row) {
  Can can = evaluate(actor, kItemEntries, item);
  const bool open = votes_open(row).ok();
  can.entries.emplace_back("vote", open && allows(actor, Action::kVote, item));
  can.entries.emplace_back("unvote", open && allows(actor, Action::kUnvote, item));
  const ItemKindRule* kind = find_item_kind(row.kind);
  const bool asking = kind && !kind->follow_up.status.empty() && row.status == kind->follow_up.status;
  can.entries.emplace_back("answer_follow_up",
                           asking && allows(actor, Action::kAnswerFollowUp, item));
  // The ledger (social/contributions): pledging while the item is open;
  // choosing co-organisers where its kind has them.
  const bool pledging = kind && kind->takes_contributions && kind->is_open(row.status);
  can.entries.emplace_back("pledge", pledging && allows(actor, Action::kPledge, item));
  const bool organised = kind && has_organisers(*kind);
  can.entries.emplace_back("set_organisers",
                           organised && allows(actor, Action::kSetOrganiser, item));
  // Who could help, on the kinds that have matches (social/matches).
  if (has_matches(row)) {
    can.entries.emplace_back("view_matches", allows(actor, Action::kViewMatches, item));
  }
  can.move_status =
      kind ? allowed_status_moves(actor, item, *kind, row.status) : std::vector<std::string_view>{};
  // The moves that carry a loan are the lending verbs' (their own keys), not the status endpoint's.
  std::erase_if(*can.move_status,
                [&](std::string_view to) { return loan_move(row, row.status, to) != nullptr; });
  return can;
}

Can reply_can(const Actor& actor, Resource reply, bool removed) {
  if (removed) reply.visible = false;
  return evaluate(actor, kReplyEntries, reply);
}

Can space_can(const Actor& actor, const Space& space, const std::optional<Membership>& membership) {
  return evaluate(actor, kSpaceEntries, Resource::of_space(space, membership));
}

Can member_can(const Actor& actor, MemberId member, bool blocked) {
  Resource r;
  r.own = actor.signed_in() && actor.id == member;
  r.blocked = blocked;
  Can can = evaluate(actor, kMemberEntries, r);
  // On oneself: the profile composer (posting outside spaces), editing the
  // profile, the instance-wide pages a client links to (the report queue,
  // the network), the people-you-may-know list and the live stream.
  if (r.own) {
    can.entries.emplace_back("post", allows(actor, Action::kPostItem));
    can.entries.emplace_back("edit_profile", allows(actor, Action::kEditOwnProfile));
    can.entries.emplace_back("view_second_degree", allows(actor, Action::kViewSecondDegree));
    can.entries.emplace_back("open_stream", allows(actor, Action::kOpenStream));
    can.entries.emplace_back("view_reports", allows(actor, Action::kViewInstanceReports));
    can.entries.emplace_back("view_network", allows(actor, Action::kViewNetworkMetrics));
  }
  return can;
}

Can space_member_can(const Actor& actor, const Space& space, const std::optional<Membership>& mine,
                     MemberId member, const Membership& theirs) {
  Resource r = Resource::of_space(space, mine);
  r.target_role = theirs.role;
  const bool own = actor.signed_in() && actor.id == member;
  Can can;
  // The route is one: on one's own row it is leaving (Spaces::remove).
  can.entries.emplace_back(
      "remove", allows(actor, own ? Action::kLeaveSpace : Action::kRemoveSpaceMember, r));
  can.entries.emplace_back("set_role", allows(actor, Action::kSetSpaceRole, r));
  if (theirs.state == MembershipState::kRequested) {
    can.entries.emplace_back("decide", allows(actor, Action::kDecideJoinRequest, r));
  }
  return can;
}

void fill_can(StandingCache& standing, ItemView& view) {
  if (!view.rsvp) {
    const Resource r = standing.item(view.item);
    view.can = item_can(standing.actor(), r, view.item);
    add_loan_can(standing.connection(), standing.actor(), r, view.item, *view.can);
    return;
  }
  // An event's standing also knows its co-organisers and blocks.
  const Resource event = event_standing(standing.connection(), standing, view.item);
  view.can = item_can(standing.actor(), event, view.item);
  add_event_can(standing.actor(), event, view.item, *view.can);
}

void fill_can(StandingCache& standing, ReplyView& view, std::optional<SpaceId> item_space) {
  const Reply& r = view.reply;
  view.can =
      reply_can(standing.actor(), standing.content(r.author_id, item_space), r.deleted || r.hidden);
}

void fill_can(const Actor& actor, SpaceView& view) {
  view.can = space_can(actor, view.space, view.membership);
  view.allowed_visibilities = allowed_visibilities(view.space);
}

void fill_can(const Actor& actor, const Space& space, const std::optional<Membership>& mine,
              SpaceMemberView& view) {
  fill_can(actor, view.member);
  view.space_can = space_member_can(actor, space, mine, view.member.member.id, view.membership);
}

void fill_can(const Actor& actor, MemberView& view, bool blocked) {
  view.can = member_can(actor, view.member.id, blocked);
}

}  // namespace kring::social
