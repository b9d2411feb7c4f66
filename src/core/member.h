#pragma once
// Member: the identity element of the model (DESIGN.md). Plain data; the
// rules about who sees what live in social/profile_visibility.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/enum_names.h"
#include "core/time.h"

namespace kring {

using MemberId = std::int64_t;

// Who may see a profile field. Ordered from widest to narrowest audience.
enum class Visibility { kPublic = 0, kMembers = 1, kConnections = 2 };

std::string_view visibility_name(Visibility v);
std::optional<Visibility> parse_visibility(std::string_view name);

// Profile fields that carry their own visibility, in API order.
enum class ProfileField { kDisplayName, kBio, kSkills, kInterests, kHomePlace, kAvatarUrl };
inline constexpr size_t kProfileFieldCount = 6;
inline constexpr std::array<ProfileField, kProfileFieldCount> kProfileFields = {
    ProfileField::kDisplayName, ProfileField::kBio,       ProfileField::kSkills,
    ProfileField::kInterests,   ProfileField::kHomePlace, ProfileField::kAvatarUrl};
std::string_view profile_field_name(ProfileField f);
std::optional<ProfileField> parse_profile_field(std::string_view name);

// Instance-wide roles. Analysts see whole-network metrics; admins moderate.
enum class MemberRole { kMember = 0, kAnalyst = 1, kAdmin = 2 };
std::string_view member_role_name(MemberRole r);

// Stored names (members.vis_*, members.role, member_terms.kind) and API names.
template <>
struct EnumNames<Visibility> {
  static constexpr std::array<EnumName<Visibility>, 3> kTable = {{
      {Visibility::kPublic, "public"},
      {Visibility::kMembers, "members"},
      {Visibility::kConnections, "connections"},
  }};
};
template <>
struct EnumNames<ProfileField> {
  static constexpr std::array<EnumName<ProfileField>, kProfileFieldCount> kTable = {{
      {ProfileField::kDisplayName, "display_name"},
      {ProfileField::kBio, "bio"},
      {ProfileField::kSkills, "skills"},
      {ProfileField::kInterests, "interests"},
      {ProfileField::kHomePlace, "home_place"},
      {ProfileField::kAvatarUrl, "avatar_url"},
  }};
};
template <>
struct EnumNames<MemberRole> {
  static constexpr std::array<EnumName<MemberRole>, 3> kTable = {{
      {MemberRole::kMember, "member"},
      {MemberRole::kAnalyst, "analyst"},
      {MemberRole::kAdmin, "admin"},
  }};
};

struct Profile {
  std::string display_name;
  std::string bio;
  std::vector<std::string> skills;
  std::vector<std::string> interests;
  std::string home_place;
  std::string avatar_url;
  std::array<Visibility, kProfileFieldCount> visibility{};  // indexed by ProfileField

  Visibility visibility_of(ProfileField f) const { return visibility[static_cast<size_t>(f)]; }
};

struct Member {
  MemberId id = 0;
  std::string handle;
  std::string email;
  MemberRole role = MemberRole::kMember;
  bool suspended = false;
  Micros created_at = 0;
  Profile profile;
};

}  // namespace kring
