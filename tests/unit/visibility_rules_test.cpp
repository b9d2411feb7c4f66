// The visibility rules of core/visibility_rules.h, row by row: what each
// answers for the standings the README and the security issue name. The
// agreement test checks that C++ and SQL read the facts alike; this one
// pins what the rules say, so that a change to a rule shows here first.
#include "core/visibility_rules.h"

#include <gtest/gtest.h>

#include <initializer_list>
#include <string>

namespace kring {
namespace {

Facts facts(std::initializer_list<Fact> holding) {
  Facts f;
  for (Fact fact : holding) f.set(static_cast<std::size_t>(fact));
  return f;
}

struct Row {
  std::string what;
  const Condition& rule;
  Facts given;
  bool expected;
};

using F = Fact;

TEST(VisibilityRules, EachRuleAnswersAsTheRuleBookSays) {
  const Row rows[] = {
      {"a closed space exists for outsiders", space_visible_rule(), facts({}), true},
      {"a secret space does not exist for outsiders", space_visible_rule(),
       facts({F::kSpaceSecret}), false},
      {"a secret space exists for the invited", space_visible_rule(),
       facts({F::kSpaceSecret, F::kViewerInvitedToSpace}), true},
      {"a secret space does not exist for who only asked to join", space_visible_rule(),
       facts({F::kSpaceSecret}), false},
      {"an open space's content is for all", space_content_rule(), facts({F::kSpaceOpen}), true},
      {"a closed space's content is not for the invited", space_content_rule(),
       facts({F::kViewerInvitedToSpace}), false},
      {"a closed space's content is for active members", space_content_rule(),
       facts({F::kViewerActiveInSpace}), true},
      {"a suspended member's content is not shown", member_content_rule(),
       facts({F::kMemberSuspended}), false},
      {"a suspended member's content is shown to themself", member_content_rule(),
       facts({F::kMemberSuspended, F::kViewerIsMember}), true},
      {"content across a block is not shown", member_content_rule(), facts({F::kBlockBetween}),
       false},
      {"a suspended member is listed for an admin", member_listed_rule(),
       facts({F::kMemberSuspended, F::kViewerIsAdmin}), true},
      {"a suspended member is not listed for themself", member_listed_rule(),
       facts({F::kMemberSuspended, F::kViewerIsMember}), false},
      {"a member across a block is not listed for an admin", member_listed_rule(),
       facts({F::kBlockBetween, F::kViewerIsAdmin}), false},
      {"a suspended member sees their own profile", member_visible_rule(),
       facts({F::kMemberSuspended, F::kViewerIsMember}), true},
      {"a suspended member is unknown to others", member_visible_rule(),
       facts({F::kMemberSuspended, F::kViewerSignedIn}), false},
      {"a members field is hidden from the anonymous", field_visible_rule(),
       facts({F::kFieldForMembers}), false},
      {"a connections field is hidden from members", field_visible_rule(),
       facts({F::kViewerSignedIn}), false},
      {"a connections field is shown to connections", field_visible_rule(),
       facts({F::kViewerSignedIn, F::kViewerConnectedToMember}), true},
      {"a public profile item is for all", item_visible_rule(), facts({F::kItemPublic}), true},
      {"a members profile item is not for the anonymous", item_visible_rule(),
       facts({F::kItemForMembers}), false},
      {"a connections item is for the author's connections", item_visible_rule(),
       facts({F::kItemForConnections, F::kViewerSignedIn, F::kViewerConnectedToMember}), true},
      {"a hidden item is for its author only", item_visible_rule(),
       facts({F::kItemPublic, F::kItemHidden, F::kViewerSignedIn}), false},
      {"a hidden item stays with its author", item_visible_rule(),
       facts({F::kItemPublic, F::kItemHidden, F::kViewerIsMember}), true},
      {"a deleted item is for nobody, its author neither", item_visible_rule(),
       facts({F::kItemPublic, F::kItemDeleted, F::kViewerIsMember}), false},
      {"a suspended author's item is not shown", item_visible_rule(),
       facts({F::kItemPublic, F::kMemberSuspended}), false},
      {"a public item in an open space is for all", item_visible_rule(),
       facts({F::kItemInSpace, F::kItemPublic, F::kSpaceOpen}), true},
      {"a space item in an open space is for its members", item_visible_rule(),
       facts({F::kItemInSpace, F::kSpaceOpen, F::kViewerSignedIn}), false},
      {"a public item in a closed space is for its members", item_visible_rule(),
       facts({F::kItemInSpace, F::kItemPublic, F::kViewerSignedIn}), false},
      {"access to a space's discussion ends with membership, for the author too",
       item_visible_rule(), facts({F::kItemInSpace, F::kViewerIsMember, F::kViewerSignedIn}),
       false},
      {"an active member reads a closed space's items", item_visible_rule(),
       facts({F::kItemInSpace, F::kViewerActiveInSpace, F::kViewerSignedIn}), true},
      {"a hidden reply is removed for its author too", reply_shown_rule(),
       facts({F::kReplyHidden, F::kViewerIsMember}), false},
      {"a reply by a blocked member is removed", reply_shown_rule(), facts({F::kBlockBetween}),
       false},
  };
  for (const Row& row : rows) EXPECT_EQ(holds(row.rule, row.given), row.expected) << row.what;
}

}  // namespace
}  // namespace kring
