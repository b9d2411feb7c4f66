#include "social/members.h"

#include <set>

#include "core/validation.h"
#include "social/capabilities.h"
#include "store/member_repository.h"
#include "store/tie_repository.h"

namespace kring::social {

Result<std::vector<std::string>> clean_terms(std::string_view field,
                                             const std::vector<std::string>& terms) {
  if (terms.size() > kTermsMax) {
    return Error::invalid("too_many", std::string(field) + " may hold at most " +
                                          std::to_string(kTermsMax) + " entries");
  }
  std::vector<std::string> out;
  std::set<std::string> seen;
  for (const auto& raw : terms) {
    KRING_TRY(validate_text(field, raw, kTermMax, false));
    std::string key = store::normalize_term(raw);
    if (key.empty()) {
      return Error::invalid("empty_value", std::string(field) + " entries must not be empty");
    }
    if (seen.insert(key).second) {
      size_t b = raw.find_first_not_of(" \t");
      size_t e = raw.find_last_not_of(" \t");
      out.push_back(raw.substr(b, e - b + 1));
    }
  }
  return out;
}

Result<MemberView> Members::view(const Actor& viewer, const std::string& handle) {
  auto conn = db_.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kRead);
  auto member = store::MemberRepository(*conn).find_by_handle(handle);
  const std::string hidden = "no member with handle '" + handle + "'";
  if (!member) return refuse_missing(viewer, Action::kViewMember, hidden);
  Resource r;
  r.own = viewer.id == member->id;
  r.visible = may_see_member(viewer, member_standing(*conn, viewer.id, *member));
  r.not_found = hidden;
  KRING_TRY(decide(viewer, Action::kViewMember, r));
  MemberView view = view_member(*conn, viewer.id, std::move(*member), true);
  fill_can(viewer, view);
  return view;
}

Result<MemberView> Members::me(const Actor& actor) {
  KRING_TRY(decide(actor, Action::kViewOwnProfile));
  auto conn = db_.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kRead);
  auto member = store::MemberRepository(*conn).find_by_id(actor.id);
  if (!member) return Error::unauthenticated("session expired or unknown; log in again");
  MemberView view = view_member(*conn, actor.id, std::move(*member), true);
  fill_can(actor, view);
  return view;
}

Result<MemberView> Members::update_profile(const Actor& actor, const ProfilePatch& patch) {
  KRING_TRY(decide(actor, Action::kEditOwnProfile));
  if (patch.display_name) {
    KRING_TRY(validate_text("display_name", *patch.display_name, kDisplayNameMax, false));
  }
  if (patch.bio) KRING_TRY(validate_text("bio", *patch.bio, kBioMax, true));
  if (patch.home_place) {
    KRING_TRY(validate_text("home_place", *patch.home_place, kHomePlaceMax, false));
  }
  if (patch.avatar_url && !patch.avatar_url->empty()) {
    KRING_TRY(validate_url("avatar_url", *patch.avatar_url));
  }
  std::optional<std::vector<std::string>> skills, interests;
  if (patch.skills) {
    auto cleaned = clean_terms("skills", *patch.skills);
    if (!cleaned) return std::move(cleaned).error();
    skills = std::move(*cleaned);
  }
  if (patch.interests) {
    auto cleaned = clean_terms("interests", *patch.interests);
    if (!cleaned) return std::move(cleaned).error();
    interests = std::move(*cleaned);
  }

  auto conn = db_.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kWrite);
  store::MemberRepository members(*conn);
  auto member = members.find_by_id(actor.id);
  if (!member) return Error::unauthenticated("session expired or unknown; log in again");
  Profile& p = member->profile;
  if (patch.display_name) p.display_name = *patch.display_name;
  if (patch.bio) p.bio = *patch.bio;
  if (patch.home_place) p.home_place = *patch.home_place;
  if (patch.avatar_url) p.avatar_url = *patch.avatar_url;
  if (skills) p.skills = std::move(*skills);
  if (interests) p.interests = std::move(*interests);
  for (auto [field, visibility] : patch.visibility) {
    p.visibility[static_cast<size_t>(field)] = visibility;
  }
  members.update_profile(actor.id, p, now_micros());
  tx.commit();
  MemberView view = view_member(*conn, actor.id, std::move(*member), true);
  fill_can(actor, view);
  return view;
}

Result<Page<MemberView>> Members::directory(const Actor& viewer, const DirectoryRequest& request) {
  KRING_TRY(decide(viewer, Action::kListMembers));
  KRING_TRY(validate_text("q", request.q, 100, false));
  KRING_TRY(validate_text("skill", request.skill, kTermMax, false));
  KRING_TRY(validate_text("interest", request.interest, kTermMax, false));
  store::DirectoryQuery query;
  query.viewer = viewer.id;
  query.name_prefix = request.q;
  query.skill = store::normalize_term(request.skill);
  query.interest = store::normalize_term(request.interest);
  // Each filter has its own list: a cursor of another query is refused.
  auto pager =
      Pager::open(list_name({"directory", request.q, query.skill, query.interest}), request.page);
  if (!pager) return std::move(pager).error();
  query.after = pager->after();
  query.limit = pager->fetch();
  auto conn = db_.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kRead);
  auto page = pager->page(
      store::MemberRepository(*conn).directory(query),
      [](const Member& m) {
        return CursorKey{0, m.id};
      },
      [&](Member&& m) { return view_member(*conn, viewer.id, std::move(m), false); });
  for (auto& view : page.items) fill_can(viewer, view);
  return page;
}

Status Members::set_suspended(const Actor& actor, const std::string& handle, bool suspended) {
  const Action action = suspended ? Action::kSuspendMember : Action::kReinstateMember;
  auto conn = db_.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kWrite);
  store::MemberRepository members(*conn);
  auto member = members.find_by_handle(handle);
  const std::string missing = "no member with handle '" + handle + "'";
  if (!member) return refuse_missing(actor, action, missing);
  Resource r;
  r.own = member->id == actor.id;
  r.not_found = missing;
  KRING_TRY(decide(actor, action, r));
  members.set_suspended(member->id, suspended ? std::optional<Micros>(now_micros()) : std::nullopt);
  tx.commit();
  if (suspended) hub_.close_member_streams(member->id);
  return {};
}

Status Members::set_role(const Actor& actor, const std::string& handle, const std::string& role) {
  KRING_TRY(decide(actor, Action::kSetMemberRole));
  std::optional<MemberRole> parsed;
  for (auto r : {MemberRole::kMember, MemberRole::kAnalyst, MemberRole::kAdmin}) {
    if (member_role_name(r) == role) parsed = r;
  }
  if (!parsed) return Error::invalid("invalid_role", "role must be member, analyst or admin");
  auto conn = db_.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kWrite);
  store::MemberRepository members(*conn);
  auto member = members.find_by_handle(handle);
  if (!member) return Error::not_found("no member with handle '" + handle + "'");
  if (member->id == actor.id && *parsed != MemberRole::kAdmin) {
    return Error::invalid("self_demotion", "admins cannot remove their own admin role");
  }
  members.set_role(member->id, *parsed);
  tx.commit();
  return {};
}

}  // namespace kring::social
