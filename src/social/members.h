#pragma once
// Profiles and the directory ("who knows what").
// Thread-safe: every call leases its own connection.

#include <optional>
#include <string>
#include <vector>

#include "core/page.h"
#include "core/result.h"
#include "social/actor.h"
#include "social/member_view.h"
#include "social/notification_hub.h"
#include "store/database.h"

namespace kring::social {

// Limits on profile input; the API documents them.
inline constexpr size_t kDisplayNameMax = 80;
inline constexpr size_t kBioMax = 2000;
inline constexpr size_t kHomePlaceMax = 120;
inline constexpr size_t kTermMax = 50;
inline constexpr size_t kTermsMax = 30;

// A partial profile update: only present fields change.
struct ProfilePatch {
  std::optional<std::string> display_name;
  std::optional<std::string> bio;
  std::optional<std::vector<std::string>> skills;
  std::optional<std::vector<std::string>> interests;
  std::optional<std::string> home_place;
  std::optional<std::string> avatar_url;
  std::vector<std::pair<ProfileField, Visibility>> visibility;
};

struct DirectoryRequest {
  std::string q;
  std::string skill;
  std::string interest;
  PageRequest page;
};

class Members {
 public:
  // hub: to end a suspended member's live streams.
  Members(store::Database& db, NotificationHub& hub) : db_(db), hub_(hub) {}

  // 404 when the handle is unknown, suspended (except to admins) or in a
  // block with the viewer: a blocked member cannot tell the profile exists.
  Result<MemberView> view(const Actor& viewer, const std::string& handle);
  Result<MemberView> me(const Actor& actor);
  // Validates every field first; on any error nothing changes.
  Result<MemberView> update_profile(const Actor& actor, const ProfilePatch& patch);
  // By member id, keyset-paged on it (newcomers come last, never shift a page).
  Result<Page<MemberView>> directory(const Actor& viewer, const DirectoryRequest& request);
  // Admin only: suspends (or reinstates) a member. A suspended member may
  // still log in and read, but writes nothing and is hidden from others.
  Status set_suspended(const Actor& actor, const std::string& handle, bool suspended);
  // Admin only: role is member, analyst or admin. An admin cannot demote themself.
  Status set_role(const Actor& actor, const std::string& handle, const std::string& role);

 private:
  store::Database& db_;
  NotificationHub& hub_;
};

// Validates and normalises a list of skills or interests (trimmed, no
// duplicates ignoring case). Exposed for the demo generator and tests.
Result<std::vector<std::string>> clean_terms(std::string_view field,
                                             const std::vector<std::string>& terms);

}  // namespace kring::social
