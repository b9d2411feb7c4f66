#include "core/member.h"

namespace kring {

namespace {
constexpr std::array<std::string_view, 3> kVisibilityNames = {"public", "members", "connections"};
constexpr std::array<std::string_view, kProfileFieldCount> kFieldNames = {
    "display_name", "bio", "skills", "interests", "home_place", "avatar_url"};
constexpr std::array<std::string_view, 3> kRoleNames = {"member", "analyst", "admin"};
}  // namespace

std::string_view visibility_name(Visibility v) { return kVisibilityNames[static_cast<size_t>(v)]; }

std::optional<Visibility> parse_visibility(std::string_view name) {
  for (size_t i = 0; i < kVisibilityNames.size(); ++i) {
    if (kVisibilityNames[i] == name) return static_cast<Visibility>(i);
  }
  return std::nullopt;
}

std::string_view profile_field_name(ProfileField f) { return kFieldNames[static_cast<size_t>(f)]; }

std::optional<ProfileField> parse_profile_field(std::string_view name) {
  for (size_t i = 0; i < kFieldNames.size(); ++i) {
    if (kFieldNames[i] == name) return static_cast<ProfileField>(i);
  }
  return std::nullopt;
}

std::string_view member_role_name(MemberRole r) { return kRoleNames[static_cast<size_t>(r)]; }

}  // namespace kring
