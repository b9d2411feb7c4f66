#pragma once
// Spaces and their memberships. Runs inside the caller's transaction.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/cursor.h"
#include "core/space.h"
#include "store/database.h"

namespace kring::store {

struct MembershipRow {
  MemberId member_id = 0;
  Membership membership;
  Micros created_at = 0;
  // The row's place in a space's member lists (store/keyset.h).
  CursorKey key() const { return {created_at, member_id}; }
};

// A space a member is in (in one state), and since when.
struct MemberSpaceRow {
  Space space;
  Micros since = 0;
  CursorKey key() const { return {since, space.id}; }
};

// What deciding on content in a space needs: the space's visibility, whether
// it is archived, and one member's row there.
struct SpaceAccess {
  SpaceVisibility visibility = SpaceVisibility::kOpen;
  bool archived = false;
  std::optional<Membership> membership;
};

class SpaceRepository {
 public:
  explicit SpaceRepository(Connection& conn) : conn_(conn) {}

  // The new space's id is time-ordered (store/row_ids.h). REQUIRES: a write
  // transaction.
  SpaceId insert(const Space& space, Micros now);
  // Writes slug, name, description, kind, visibility and archived.
  void update(const Space& space, Micros now);
  std::optional<Space> find_by_slug(std::string_view slug);
  std::optional<Space> find_by_id(SpaceId id);
  // The space's slug and name: one primary-key read, without find_by_id's
  // member count (which costs an item view in a space of 100k members more
  // than the rest of the view).
  std::optional<std::pair<std::string, std::string>> slug_and_name(SpaceId id);
  bool slug_taken(std::string_view slug);

  std::optional<Membership> membership(SpaceId space, MemberId member);
  // One indexed read, without find_by_id's member count: `can` on a feed page
  // of 20 items costs nothing measurable with it (public feed 248 -> 253 us,
  // 200k-item fixture), ten times the page with find_by_id. member 0: no membership.
  std::optional<SpaceAccess> access(SpaceId space, MemberId member);
  void set_membership(SpaceId space, MemberId member, Membership m, MemberId invited_by,
                      Micros now);
  void remove_membership(SpaceId space, MemberId member);
  // Members in one state that viewer (0 = anonymous) may see
  // (member_listed_rule), oldest first, keyset-paged on (created_at, member id).
  std::vector<MembershipRow> members(SpaceId space, MembershipState state,
                                     std::optional<CursorKey> after, int limit,
                                     MemberId viewer = 0);
  std::vector<MemberId> member_ids_with_role_at_least(SpaceId space, SpaceRole role);
  std::int64_t active_count(SpaceId space);

  // Spaces visible to viewer (space_visible_rule: open and closed to all,
  // secret only to active and invited members; archived included), by id,
  // keyset-paged on it; name_prefix filters by name or slug prefix.
  std::vector<Space> list_visible(MemberId viewer, std::string_view name_prefix,
                                  std::optional<CursorKey> after, int limit);
  // Spaces where member has the given state (e.g. invited), newest first,
  // keyset-paged on (since, space id).
  std::vector<MemberSpaceRow> spaces_of(MemberId member, MembershipState state,
                                        std::optional<CursorKey> after, int limit);
  // The first `limit` of those.
  std::vector<Space> spaces_of(MemberId member, MembershipState state, int limit);

 private:
  Connection& conn_;
};

}  // namespace kring::store
