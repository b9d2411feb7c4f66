#pragma once
// Who may see what: spaces, their content, profile fields. Reads only;
// what an actor may do is social/policy's table, which uses these.

#include <optional>

#include "core/member.h"
#include "core/space.h"

namespace kring::social {

// How the viewer stands to a member; decides which profile fields they see.
enum class Relation { kAnonymous, kMember, kConnection, kSelf };

// The visibility table: public fields for all, members fields for signed-in
// members, connections fields for connections and the member themself.
bool may_see_field(Relation relation, Visibility visibility);

// Spaces. `membership` is the viewer's row in the space, if any.
// Secret spaces exist only for their active and invited members; content of
// closed and secret spaces is for active members; open spaces' for all.
// store/space_visibility_sql.h is the SQL twin of may_see_space.
bool may_see_space(const Space& space, const std::optional<Membership>& membership);
bool may_read_space_content(const Space& space, const std::optional<Membership>& membership);
bool is_active_member(const std::optional<Membership>& membership);

// Item reads have one rule, kept as SQL beside the queries that use it
// (store/item_visibility_sql.h) so that feeds, search, counts, single
// reads, revisions and notifications cannot disagree.

}  // namespace kring::social
