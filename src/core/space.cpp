#include "core/space.h"

#include <array>

#include "core/result.h"

namespace kring {

std::string_view space_visibility_name(SpaceVisibility v) { return to_name(v); }
std::optional<SpaceVisibility> parse_space_visibility(std::string_view s) {
  return from_name<SpaceVisibility>(s);
}
std::string_view space_kind_name(SpaceKind k) { return to_name(k); }
std::optional<SpaceKind> parse_space_kind(std::string_view s) { return from_name<SpaceKind>(s); }
std::string_view space_role_name(SpaceRole r) { return to_name(r); }
std::optional<SpaceRole> parse_space_role(std::string_view s) { return from_name<SpaceRole>(s); }
std::string_view membership_state_name(MembershipState s) { return to_name(s); }
std::optional<MembershipState> parse_membership_state(std::string_view s) {
  return from_name<MembershipState>(s);
}

Status validate_slug(std::string_view slug) {
  bool ok = slug.size() >= 3 && slug.size() <= 40 && slug[0] >= 'a' && slug[0] <= 'z';
  for (char c : slug) ok = ok && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-');
  if (!ok) {
    return Error::invalid(
        "invalid_slug",
        "slug must be 3 to 40 characters: a-z, 0-9 and '-', starting with a letter");
  }
  return {};
}

}  // namespace kring
