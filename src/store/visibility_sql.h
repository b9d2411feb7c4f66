#pragma once
// Renders the visibility rules of core/visibility_rules.h to SQL, fact by
// fact, so that every query filters by the very rule the C++ checks
// evaluate. The fragments built from it live beside the queries that use
// them: store/space_visibility_sql.h, item_visibility_sql.h and
// member_visibility_sql.h.

#include <string>

#include "core/visibility_rules.h"

namespace kring::store {

// Where a rule's subjects are in the query, as SQL expressions. A rule may
// read only the facts whose subject is given (std::logic_error otherwise: a
// broken invariant, found by the first query built).
struct VisibilitySubjects {
  std::string viewer = "?1";     // the viewer's member id, 0 for anonymous
  std::string space_id;          // the space's id; NULL reads as "no space"
  std::string space_row;         // optional: alias of that space's `spaces` row
  std::string member_id;         // the member the rule is about
  std::string member_row;        // optional: alias of that member's `members` row
  std::string item_row;          // alias of an items-shaped row (deleted_at, hidden_at, space_id,
                                 // visibility)
  std::string reply_row;         // alias of a `replies` row
  std::string field_visibility;  // the column holding a profile field's visibility
};

// The condition as an SQL boolean expression; never NULL.
std::string render_sql(const Condition& rule, const VisibilitySubjects& subjects);

}  // namespace kring::store
