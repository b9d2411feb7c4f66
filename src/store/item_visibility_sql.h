#pragma once
// The read rule for items (core/visibility_rules.h: item_visible_rule) as
// SQL over an `items i` row and the viewer in parameter ?1 (0 = anonymous).
// Single reads, feeds, search, counts, revisions (store/item_repository.cpp
// applies it to each revision with the revision's own visibility) and
// notifications all use it, so they cannot disagree with each other or with
// social::may_see_item; tests/unit/visibility_agreement_test.cpp checks the
// latter.

#include <string>
#include <string_view>

#include "store/visibility_sql.h"

namespace kring::store {

// Rendered once, when the program starts; read only after main() begins.
inline const std::string kItemReadableSql = render_sql(
    item_visible_rule(), {.space_id = "i.space_id", .member_id = "i.author_id", .item_row = "i"});

// Whether a reply's text is shown to the viewer `viewer` (reply_shown_rule,
// the twin of social::shows_reply); `reply_row` is the alias of its row.
inline std::string reply_shown_sql(std::string_view reply_row, std::string_view viewer = "?1") {
  return render_sql(reply_shown_rule(), {.viewer = std::string(viewer),
                                         .member_id = std::string(reply_row) + ".author_id",
                                         .reply_row = std::string(reply_row)});
}

// Feeds leave out what the viewer muted: members and spaces.
inline constexpr std::string_view kItemNotMutedSql = R"sql(
 NOT EXISTS (SELECT 1 FROM mutes mu WHERE mu.member_id = ?1 AND ((mu.target_type = 'member' AND mu.target_id = i.author_id) OR (mu.target_type = 'space' AND mu.target_id = i.space_id))))sql";

}  // namespace kring::store
