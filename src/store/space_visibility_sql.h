#pragma once
// The space rules (core/visibility_rules.h) as SQL for the viewer in
// parameter ?1: the twins of social::may_see_space and
// social::may_read_space_content.

#include <string>
#include <string_view>

#include "store/visibility_sql.h"

namespace kring::store {

// Whether the viewer may know that the space with id `space_id_expr`
// exists. `space_row`, when given, is the alias of that space's own row.
inline std::string space_visible_sql(std::string_view space_id_expr,
                                     std::string_view space_row = {}) {
  return render_sql(space_visible_rule(),
                    {.space_id = std::string(space_id_expr), .space_row = std::string(space_row)});
}

// Whether the viewer may read the content of the space with id `space_id_expr`.
inline std::string space_content_sql(std::string_view space_id_expr,
                                     std::string_view space_row = {}) {
  return render_sql(space_content_rule(),
                    {.space_id = std::string(space_id_expr), .space_row = std::string(space_row)});
}

}  // namespace kring::store
