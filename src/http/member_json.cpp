#include "http/member_json.h"

#include "http/can_json.h"

namespace kring::http {

nlohmann::json member_json(const social::MemberView& v, bool with_counts) {
  using social::Relation;
  const Member& m = v.member;
  const Profile& p = m.profile;
  nlohmann::json j = {{"id", std::to_string(m.id)},
                      {"handle", m.handle},
                      {"created_at", format_rfc3339(m.created_at)}};
  if (v.shows(ProfileField::kDisplayName)) j["display_name"] = p.display_name;
  if (v.shows(ProfileField::kBio)) j["bio"] = p.bio;
  if (v.shows(ProfileField::kSkills)) j["skills"] = p.skills;
  if (v.shows(ProfileField::kInterests)) j["interests"] = p.interests;
  if (v.shows(ProfileField::kHomePlace)) j["home_place"] = p.home_place;
  if (v.shows(ProfileField::kAvatarUrl)) j["avatar_url"] = p.avatar_url;
  if (m.role != MemberRole::kMember) j["role"] = member_role_name(m.role);
  if (m.suspended) j["suspended"] = true;
  if (v.relation == Relation::kSelf) {
    j["email"] = m.email;
    j["role"] = member_role_name(m.role);
    nlohmann::json visibility = nlohmann::json::object();
    for (auto field : kProfileFields) {
      visibility[std::string(profile_field_name(field))] = visibility_name(p.visibility_of(field));
    }
    j["visibility"] = std::move(visibility);
  } else if (v.relation != Relation::kAnonymous) {
    j["relationship"] = {{"following", v.following},
                         {"followed_by", v.followed_by},
                         {"connection", social::connection_state_name(v.connection)}};
  }
  if (v.can) {
    j["can"] = can_json(*v.can);
    // The profile composer: what the viewer may post on their own profile.
    if (v.relation == Relation::kSelf) {
      j["allowed_visibilities"] = visibilities_json(social::allowed_visibilities(std::nullopt));
    }
  }
  if (with_counts) {
    j["counts"] = {{"followers", v.followers},
                   {"following", v.following_count},
                   {"connections", v.connections}};
  }
  return j;
}

}  // namespace kring::http
