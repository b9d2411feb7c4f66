#pragma once
// The member rules (core/visibility_rules.h) as SQL: the twins of
// social::may_see_member, social::may_list_member, social::shows_content_of and
// social::may_see_field. `member_id_expr` names the member, `member_row`
// (optional) the alias of their `members` row; the viewer is `viewer`
// (parameter ?1 unless said otherwise; 0 = anonymous).

#include <string>
#include <string_view>

#include "store/visibility_sql.h"

namespace kring::store {

// Whether the member is listed for the viewer (directory, search, tie and
// space member lists): the twin of social::may_list_member.
inline std::string member_listed_sql(std::string_view member_id_expr,
                                     std::string_view member_row = {},
                                     std::string_view viewer = "?1") {
  return render_sql(member_listed_rule(), {.viewer = std::string(viewer),
                                           .member_id = std::string(member_id_expr),
                                           .member_row = std::string(member_row)});
}

// Whether the member exists for the viewer by handle (profile, their feed).
inline std::string member_visible_sql(std::string_view member_id_expr,
                                      std::string_view member_row = {},
                                      std::string_view viewer = "?1") {
  return render_sql(member_visible_rule(), {.viewer = std::string(viewer),
                                            .member_id = std::string(member_id_expr),
                                            .member_row = std::string(member_row)});
}

// Whether what the member wrote or did is shown to the viewer.
inline std::string member_content_sql(std::string_view member_id_expr,
                                      std::string_view member_row = {},
                                      std::string_view viewer = "?1") {
  return render_sql(member_content_rule(), {.viewer = std::string(viewer),
                                            .member_id = std::string(member_id_expr),
                                            .member_row = std::string(member_row)});
}

// Whether the viewer may see the profile field whose visibility is in
// `visibility_column` of the member.
inline std::string field_visible_sql(std::string_view member_id_expr,
                                     std::string_view visibility_column,
                                     std::string_view viewer = "?1") {
  return render_sql(field_visible_rule(), {.viewer = std::string(viewer),
                                           .member_id = std::string(member_id_expr),
                                           .field_visibility = std::string(visibility_column)});
}

}  // namespace kring::store
