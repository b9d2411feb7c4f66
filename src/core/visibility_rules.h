#pragma once
// The visibility rules as data: who may see a space, its content, an item, a
// member and a profile field. Each rule is a condition over a few facts about
// the viewer and the thing seen. social/visibility evaluates a rule on facts
// it reads in C++; store/visibility_sql renders the same rule to SQL, fact by
// fact. A rule changed here changes both, and
// tests/unit/visibility_agreement_test.cpp checks that the C++ facts and the
// SQL facts agree over a generated matrix of viewers and resources.

#include <bitset>
#include <cstddef>
#include <vector>

namespace kring {

// What a rule may ask. "The member" is the member a rule is about: the one
// viewed, or the author of the item or reply, or the actor of a
// notification. "The space" is the space viewed or the item's space.
enum class Fact {
  kViewerSignedIn,
  kViewerIsAdmin,  // an instance admin who is not suspended: a suspended admin has no powers
  kSpaceOpen,
  kSpaceSecret,
  kViewerActiveInSpace,   // the viewer's membership row is active
  kViewerInvitedToSpace,  // the viewer's membership row is an invitation
  kViewerIsMember,        // the viewer is the member (themself, the author)
  kMemberSuspended,
  kBlockBetween,             // a block, either way, between viewer and member
  kViewerConnectedToMember,  // an accepted connection
  kItemDeleted,
  kItemHidden,
  kItemInSpace,
  kItemPublic,
  kItemForMembers,
  kItemForConnections,
  kReplyDeleted,
  kReplyHidden,
  kFieldPublic,      // the profile field's visibility is public
  kFieldForMembers,  // ... is members
  kCount
};
inline constexpr std::size_t kFactCount = static_cast<std::size_t>(Fact::kCount);

// The facts that hold, one bit per Fact; facts a rule does not read are
// ignored.
using Facts = std::bitset<kFactCount>;

// A condition: a fact, its negation, all of some conditions or any of them.
struct Condition {
  enum class Op { kFact, kNot, kAll, kAny };
  Op op = Op::kFact;
  Fact fact = Fact::kViewerSignedIn;
  std::vector<Condition> terms;
};

// Evaluates the condition on the facts.
bool holds(const Condition& c, const Facts& facts);

// The rules. Each reference stays valid for the program's life.
//
// A space exists for the viewer unless it is secret; a secret one only for
// its active and invited members.
const Condition& space_visible_rule();
// A space's content (items, replies, members, network) is for all in an
// open space, for active members in a closed or secret one.
const Condition& space_content_rule();
// A member's content (items, replies, notifications they caused) is shown
// unless they are suspended or in a block with the viewer; always to
// themself.
const Condition& member_content_rule();
// A member is listed for the viewer (directory, search, tie and space
// member lists) when in good standing and not in a block with the viewer;
// an admin in good standing also lists suspended members (not across a
// block), to find them.
const Condition& member_listed_rule();
// A member exists for the viewer by handle (profile, their feed, their tie
// lists) when listed for them, or when the viewer is the member: a
// suspended member still reads their own pages.
const Condition& member_visible_rule();
// A profile field: public for all, members for signed-in viewers, every
// field for the member's connections and the member themself.
const Condition& field_visible_rule();
// An item: not deleted, not hidden (except to its author), its author's
// content shown to the viewer, and
//   - outside spaces: the viewer wrote it, or it is public, or for members
//     and the viewer signed in, or for connections and the viewer a
//     connection of the author;
//   - in a space: the viewer an active member, or the space's content
//     readable by the viewer and the item public (or for members, to a
//     signed-in viewer). Writing an item gives no access of its own: access
//     to a space's discussion ends with membership, for the author too.
const Condition& item_visible_rule();
// A reply's text (to a viewer who may read its item): not deleted, not
// hidden (a hidden reply is removed for all, its author too), its author's
// content shown to the viewer.
const Condition& reply_shown_rule();

}  // namespace kring
