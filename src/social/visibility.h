#pragma once
// Who may see what: spaces, their content, items, members, profile fields.
// Reads only; what an actor may do is social/policy's table, which uses
// these. Each predicate evaluates a rule of core/visibility_rules.h on facts
// read here; the SQL twins (store/space_visibility_sql.h,
// item_visibility_sql.h, member_visibility_sql.h) render the same rules, and
// tests/unit/visibility_agreement_test.cpp checks that both answer alike.

#include <optional>

#include "core/item.h"
#include "core/member.h"
#include "core/space.h"
#include "social/actor.h"

namespace kring::store {
class Connection;
}

namespace kring::social {

// How the viewer stands to a member; decides which profile fields they see.
enum class Relation { kAnonymous, kMember, kConnection, kSelf };

// Public fields for all, members fields for signed-in members, connections
// fields for connections and the member themself (field_visible_rule).
bool may_see_field(Relation relation, Visibility visibility);

// Spaces. `membership` is the viewer's row in the space, if any.
// Secret spaces exist only for their active and invited members; content of
// closed and secret spaces is for active members; open spaces' for all.
bool may_see_space(const Space& space, const std::optional<Membership>& membership);
bool may_read_space_content(const Space& space, const std::optional<Membership>& membership);
bool is_active_member(const std::optional<Membership>& membership);

// The facts about a viewer and a member that the member rules read.
struct MemberStanding {
  bool self = false;       // the viewer is the member
  bool suspended = false;  // the member is suspended
  bool blocked = false;    // a block between them, either way
  bool connected = false;  // an accepted connection from viewer to member
};
// Reads them on the caller's connection (viewer 0 = anonymous).
MemberStanding member_standing(store::Connection& conn, MemberId viewer, const Member& member);

// Whether the member exists for the viewer by handle: profile, their feed,
// their tie lists (member_visible_rule). Themself always; an admin in good
// standing sees suspended members.
bool may_see_member(const Actor& viewer, const MemberStanding& standing);
// Whether the member is listed for the viewer: directory, search, tie and
// space member lists (member_listed_rule; the lists are SQL, this is their
// twin). Not themself while suspended.
bool may_list_member(const Actor& viewer, const MemberStanding& standing);
// Whether what the member wrote or did is shown to the viewer
// (member_content_rule): not for the member's suspension or a block.
bool shows_content_of(const MemberStanding& standing);

// Whether the viewer may read the item (item_visible_rule). `item` is a
// stored, not deleted item (deleted items are read by nobody); `author` is
// the viewer's standing to its author; `space` and `membership` the item's
// space and the viewer's row in it, for items in a space.
bool may_see_item(MemberId viewer, const Item& item, const MemberStanding& author,
                  const std::optional<Space>& space, const std::optional<Membership>& membership);
// Whether the reply's text is shown (reply_shown_rule), to a viewer who may
// read its item; `author` is the viewer's standing to the reply's author.
bool shows_reply(const Reply& reply, const MemberStanding& author);
// The same, reading the item and its facts on the caller's connection; false
// for an unknown or deleted item.
bool may_see_item(store::Connection& conn, MemberId viewer, ItemId item);

// Whether a notification is shown to its recipient `viewer`: what its actor
// did is shown to them (shows_content_of), and the item, reply and space it
// is about, where it names one, are still theirs to see. The C++ twin of
// the filter store/notification_repository.cpp applies when notifications
// are read.
bool may_see_notification(store::Connection& conn, MemberId viewer, MemberId actor,
                          std::optional<ItemId> item, std::optional<ReplyId> reply,
                          std::optional<SpaceId> space);

}  // namespace kring::social
