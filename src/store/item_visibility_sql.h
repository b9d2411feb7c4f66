#pragma once
// The one read rule for items, as SQL over an `items i` row and the viewer
// in parameter ?1 (0 = anonymous). Single reads, feeds, search, counts,
// revisions (store/item_repository.cpp applies it to each revision with the
// revision's own visibility) and notifications all use it, so they cannot
// disagree; the API authorization matrix tests it.
//
// An item is readable when it is not deleted, not hidden (except to its
// author), its author is not suspended (except to the author: a suspended
// member still reads their own items), there is no block between viewer and
// author, and
//   - outside spaces: the viewer wrote it, or it is public, or members and
//     the viewer is signed in, or connections and the viewer is a
//     connection of the author;
//   - in a space: the viewer is an active member, or the space is open and
//     the item public (or members, for a signed-in viewer). Writing an item
//     gives no access of its own: access to a space's discussion ends with
//     membership, for the author too.
// Secret and closed spaces' items are thus readable by members only.

#include <string_view>

namespace kring::store {

inline constexpr std::string_view kItemReadableSql = R"sql(
 i.deleted_at IS NULL
 AND (i.hidden_at IS NULL OR i.author_id = ?1)
 AND (i.author_id = ?1 OR NOT EXISTS (SELECT 1 FROM members au WHERE au.id = i.author_id AND au.suspended_at IS NOT NULL))
 AND NOT EXISTS (SELECT 1 FROM ties bl WHERE bl.kind = 'block' AND ((bl.source_id = ?1 AND bl.target_id = i.author_id) OR (bl.source_id = i.author_id AND bl.target_id = ?1)))
 AND (
   (i.space_id IS NULL AND (
        i.author_id = ?1
        OR i.visibility = 'public'
        OR (i.visibility = 'members' AND ?1 > 0)
        OR (i.visibility = 'connections' AND EXISTS (SELECT 1 FROM ties ct WHERE ct.source_id = ?1 AND ct.target_id = i.author_id AND ct.kind = 'connection' AND ct.state = 'accepted'))))
   OR (i.space_id IS NOT NULL AND (
        EXISTS (SELECT 1 FROM space_members sv WHERE sv.space_id = i.space_id AND sv.member_id = ?1 AND sv.state = 'active')
        OR ((i.visibility = 'public' OR (i.visibility = 'members' AND ?1 > 0))
            AND EXISTS (SELECT 1 FROM spaces so WHERE so.id = i.space_id AND so.visibility = 'open'))))
 ))sql";

// Feeds leave out what the viewer muted: members and spaces.
inline constexpr std::string_view kItemNotMutedSql = R"sql(
 NOT EXISTS (SELECT 1 FROM mutes mu WHERE mu.member_id = ?1 AND ((mu.target_type = 'member' AND mu.target_id = i.author_id) OR (mu.target_type = 'space' AND mu.target_id = i.space_id))))sql";

}  // namespace kring::store
