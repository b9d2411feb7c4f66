#pragma once
// Whether the viewer in parameter ?1 may know that the space with id
// `space_id_expr` exists, as SQL: the twin of social::may_see_space. A
// secret space exists only for its active and invited members; every other
// space for everyone.

#include <string>
#include <string_view>

namespace kring::store {

inline std::string space_visible_sql(std::string_view space_id_expr) {
  std::string id(space_id_expr);
  return "EXISTS (SELECT 1 FROM spaces sx WHERE sx.id = " + id +
         " AND (sx.visibility != 'secret' OR EXISTS (SELECT 1 FROM space_members sm WHERE "
         "sm.space_id = sx.id AND sm.member_id = ?1 AND sm.state IN ('active', 'invited'))))";
}

}  // namespace kring::store
