#pragma once
// Spaces: create, edit, archive; join, request, invite, approve, leave,
// remove; roles. Every rule comes from policy.h.
// Thread-safe: every call leases its own connection.

#include <optional>
#include <string>

#include "core/page.h"
#include "core/result.h"
#include "core/space.h"
#include "social/actor.h"
#include "social/member_view.h"
#include "social/notification_hub.h"
#include "store/database.h"

namespace kring::social {

inline constexpr size_t kSpaceNameMax = 80;
inline constexpr size_t kSpaceDescriptionMax = 2000;

struct SpaceView {
  Space space;
  std::optional<Membership> membership;  // the viewer's
  std::optional<Can> can;                // social/capabilities
  std::vector<ItemVisibility> allowed_visibilities;  // for posting here (policy)
};

struct NewSpace {
  std::string name;
  std::string slug;
  std::string kind;
  std::string visibility;
  std::string description;
};

struct SpacePatch {
  std::optional<std::string> name;
  std::optional<std::string> description;
  std::optional<std::string> kind;
  std::optional<std::string> visibility;
  std::optional<bool> archived;
  // Present: set to the value; holding nullopt: cleared.
  std::optional<std::optional<std::int64_t>> vote_limit;
  std::optional<std::optional<std::int64_t>> review_threshold;
};

struct SpaceMemberView {
  MemberView member;
  Membership membership;
  std::optional<Can> space_can;  // the viewer's actions on this membership (capabilities)
};

enum class MembershipChange { kUnchanged, kJoined, kRequested, kInvited, kApproved, kDeclined,
                              kLeft, kRemoved, kRoleChanged };
std::string_view membership_change_name(MembershipChange change);

class Spaces {
 public:
  Spaces(store::Database& db, NotificationHub& hub) : db_(db), hub_(hub) {}

  Result<SpaceView> create(const Actor& actor, const NewSpace& space);
  // 404 when the space does not exist or is secret and the viewer no member.
  Result<SpaceView> view(const Actor& viewer, const std::string& slug);
  Result<SpaceView> update(const Actor& actor, const std::string& slug, const SpacePatch& patch);
  // By space id, keyset-paged on it.
  Result<Page<SpaceView>> list(const Actor& viewer, const std::string& q,
                               const PageRequest& request);
  // The spaces the actor is invited to, newest invitation first, keyset-paged
  // on (invited at, space id).
  Result<Page<SpaceView>> invitations(const Actor& actor, const PageRequest& request);

  // Open: join. Closed: request (hosts are told), or join when invited.
  // Secret: join only when invited, else 404.
  Result<MembershipChange> join(const Actor& actor, const std::string& slug);
  // Leaving (handle = self) or removing someone (hosts). The last owner cannot leave.
  Result<MembershipChange> remove(const Actor& actor, const std::string& slug,
                                  const std::string& handle);
  Result<MembershipChange> decide(const Actor& actor, const std::string& slug,
                                  const std::string& handle, const std::string& decision);
  Result<MembershipChange> invite(const Actor& actor, const std::string& slug,
                                  const std::string& handle);
  Result<MembershipChange> set_role(const Actor& actor, const std::string& slug,
                                    const std::string& handle, const std::string& role);

  // Active members (readers of the space's content) or, for hosts, requests;
  // oldest first, keyset-paged on (since, member id).
  Result<Page<SpaceMemberView>> members(const Actor& viewer, const std::string& slug,
                                        MembershipState state, const PageRequest& request);

 private:
  store::Database& db_;
  NotificationHub& hub_;
};

}  // namespace kring::social
