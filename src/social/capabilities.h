#pragma once
// `can`: which actions a viewer could take on an item, a reply, a space or a
// member, so that a client shows exactly those. Each entry is decide() over
// the action's row with the viewer's standing (social/policy); there is no
// rule here of its own. The keys are the API's names for the verbs
// (docs/can.md).
//
// Building the standing of many items in a list reads each distinct space
// and membership once (StandingCache), not once per item.

#include <map>
#include <optional>

#include "core/item.h"
#include "core/space.h"
#include "social/actor.h"
#include "social/can.h"
#include "social/item_view.h"
#include "social/member_view.h"
#include "social/policy.h"
#include "social/spaces.h"
#include "store/database.h"
#include "store/space_repository.h"

namespace kring::social {

// The viewer's standing toward content (items, replies) in a list, with the
// spaces and memberships read once per space. Lives for one request, on the
// caller's connection and transaction.
class StandingCache {
 public:
  StandingCache(store::Connection& conn, const Actor& actor) : conn_(conn), actor_(actor) {}
  const Actor& actor() const { return actor_; }
  store::Connection& connection() const { return conn_; }
  // Content by `author` living in `space` (none: a profile), readable by the viewer.
  Resource content(MemberId author, std::optional<SpaceId> space);
  // The item's standing: content() with, where its author's standing for a
  // move out of its status is limited in time (author_window_days), how
  // long it has been at that status (read only then), and on an offer
  // whether the viewer holds its open loan (social/lending.h).
  Resource item(const Item& item);

 private:
  store::Connection& conn_;
  const Actor& actor_;
  std::map<SpaceId, std::optional<store::SpaceAccess>> spaces_;
};

// Keys: edit, delete, hide, unhide, reply, react, report, history,
// status_history, follow (both ways: whether the viewer follows is the
// item's `following`); vote and unvote (the policy's rows, while votes are open
// on the item: social/votes.h; both are idempotent, so whether the viewer
// has voted is the item's `voted`, not a matter of may); and move_status,
// the statuses the item may move to now (allowed_status_moves over its kind
// and status) except those the lending verbs make; on an offer also the
// lending verbs' keys (reserve, cancel_reservation, lend, give, return:
// add_loan_can in social/lending.h, by fill_can).
// and status). On an event, fill_can adds social/events.h's entries.
Can item_can(const Actor& actor, const Resource& item, const Item& row);
// Keys: delete, hide, unhide, react, report. `removed`: deleted or hidden
// (only hosts and admins still act on it).
Can reply_can(const Actor& actor, Resource reply, bool removed);
// Keys: edit, join, leave, invite, decide_requests, set_roles,
// remove_members, post, view_members, view_reports, view_network, read.
Can space_can(const Actor& actor, const Space& space, const std::optional<Membership>& membership);
// Keys: follow, unfollow, connect, disconnect, block, unblock, mute, report,
// suspend, reinstate, set_role; and on the viewer themself post,
// edit_profile, view_reports, view_network, view_second_degree, open_stream.
Can member_can(const Actor& actor, MemberId member, bool blocked = false);

// Keys, on a membership row of `space` as the viewer (`mine`) stands there:
// remove (leaving, on the viewer's own row), set_role; and decide on a
// requested row.
Can space_member_can(const Actor& actor, const Space& space, const std::optional<Membership>& mine,
                     MemberId member, const Membership& theirs);

// Fill a view's `can` (and a space's allowed_visibilities) for the viewer.
void fill_can(StandingCache& standing, ItemView& view);
// `item_space`: the space of the item the reply is on.
void fill_can(StandingCache& standing, ReplyView& view, std::optional<SpaceId> item_space);
void fill_can(const Actor& actor, SpaceView& view);
void fill_can(const Actor& actor, const Space& space, const std::optional<Membership>& mine,
              SpaceMemberView& view);
// `blocked`: the viewer blocks the member (their blocked list).
void fill_can(const Actor& actor, MemberView& view, bool blocked = false);

}  // namespace kring::social
