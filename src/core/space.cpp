#include "core/space.h"

#include <array>

#include "core/result.h"

namespace kring {

namespace {
template <typename E, size_t N>
std::optional<E> parse_name(const std::array<std::string_view, N>& names, std::string_view s) {
  for (size_t i = 0; i < N; ++i) {
    if (names[i] == s) return static_cast<E>(i);
  }
  return std::nullopt;
}
constexpr std::array<std::string_view, 3> kVisibility = {"open", "closed", "secret"};
constexpr std::array<std::string_view, 4> kKinds = {"team", "community", "neighbourhood", "place"};
constexpr std::array<std::string_view, 3> kRoles = {"member", "moderator", "owner"};
constexpr std::array<std::string_view, 3> kStates = {"active", "requested", "invited"};
}  // namespace

std::string_view space_visibility_name(SpaceVisibility v) { return kVisibility[static_cast<size_t>(v)]; }
std::optional<SpaceVisibility> parse_space_visibility(std::string_view s) {
  return parse_name<SpaceVisibility>(kVisibility, s);
}
std::string_view space_kind_name(SpaceKind k) { return kKinds[static_cast<size_t>(k)]; }
std::optional<SpaceKind> parse_space_kind(std::string_view s) { return parse_name<SpaceKind>(kKinds, s); }
std::string_view space_role_name(SpaceRole r) { return kRoles[static_cast<size_t>(r)]; }
std::optional<SpaceRole> parse_space_role(std::string_view s) { return parse_name<SpaceRole>(kRoles, s); }
std::string_view membership_state_name(MembershipState s) { return kStates[static_cast<size_t>(s)]; }
std::optional<MembershipState> parse_membership_state(std::string_view s) {
  return parse_name<MembershipState>(kStates, s);
}

Status validate_slug(std::string_view slug) {
  bool ok = slug.size() >= 3 && slug.size() <= 40 && slug[0] >= 'a' && slug[0] <= 'z';
  for (char c : slug) ok = ok && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-');
  if (!ok) {
    return Error::invalid("invalid_slug",
                          "slug must be 3 to 40 characters: a-z, 0-9 and '-', starting with a letter");
  }
  return {};
}

}  // namespace kring
