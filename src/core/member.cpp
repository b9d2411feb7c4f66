#include "core/member.h"

namespace kring {

std::string_view visibility_name(Visibility v) { return to_name(v); }

std::optional<Visibility> parse_visibility(std::string_view name) {
  return from_name<Visibility>(name);
}

std::string_view profile_field_name(ProfileField f) { return to_name(f); }

std::optional<ProfileField> parse_profile_field(std::string_view name) {
  return from_name<ProfileField>(name);
}

std::string_view member_role_name(MemberRole r) { return to_name(r); }

}  // namespace kring
