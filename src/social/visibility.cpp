#include "social/visibility.h"

namespace kring::social {

bool may_see_field(Relation relation, Visibility visibility) {
  // rows: relation; columns: public, members, connections
  static constexpr bool kTable[4][3] = {
      {true, false, false},  // anonymous
      {true, true, false},   // member
      {true, true, true},    // connection
      {true, true, true},    // self
  };
  return kTable[static_cast<int>(relation)][static_cast<int>(visibility)];
}

bool is_active_member(const std::optional<Membership>& m) {
  return m && m->state == MembershipState::kActive;
}

bool may_see_space(const Space& space, const std::optional<Membership>& m) {
  if (space.visibility != SpaceVisibility::kSecret) return true;
  return m && (m->state == MembershipState::kActive || m->state == MembershipState::kInvited);
}

bool may_read_space_content(const Space& space, const std::optional<Membership>& m) {
  return space.visibility == SpaceVisibility::kOpen || is_active_member(m);
}

}  // namespace kring::social
