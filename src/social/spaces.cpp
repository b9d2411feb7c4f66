#include "social/spaces.h"

#include "core/validation.h"
#include "social/capabilities.h"
#include "social/notifier.h"
#include "social/policy.h"
#include "social/secret_slug.h"
#include "store/member_repository.h"
#include "store/space_repository.h"
#include "store/tie_repository.h"

namespace kring::social {

using store::SpaceRepository;

std::string_view membership_change_name(MembershipChange change) {
  static constexpr std::string_view kNames[] = {"unchanged", "joined",   "requested",
                                                "invited",   "approved", "declined",
                                                "left",      "removed",  "role_changed"};
  return kNames[static_cast<int>(change)];
}

namespace {

struct Found {
  Space space;
  std::optional<Membership> membership;
};

// The space for `action`, if the table lets the actor take it there: a
// space that does not exist answers like one the actor may not see.
// `target_role`: the space role of the member acted on, when there is one.
Result<Found> find_space(store::Connection& conn, const Actor& actor, const std::string& slug,
                         Action action, std::optional<SpaceRole> target_role = std::nullopt,
                         bool blocked = false) {
  SpaceRepository spaces(conn);
  auto space = spaces.find_by_slug(slug);
  if (!space) return refuse_missing(actor, action, "no space with slug '" + slug + "'");
  std::optional<Membership> m;
  if (actor.signed_in()) m = spaces.membership(space->id, actor.id);
  Resource r = Resource::of_space(*space, m);
  r.target_role = target_role;
  r.blocked = blocked;
  KRING_TRY(decide(actor, action, r));
  return Found{std::move(*space), m};
}

Status check_space_fields(const std::optional<std::string>& name,
                          const std::optional<std::string>& description,
                          const std::optional<std::string>& kind,
                          const std::optional<std::string>& visibility) {
  if (name) {
    KRING_TRY(validate_text("name", *name, kSpaceNameMax, false));
    if (name->find_first_not_of(' ') == std::string::npos) {
      return Error::invalid("empty_value", "name must not be empty");
    }
  }
  if (description) KRING_TRY(validate_text("description", *description, kSpaceDescriptionMax, true));
  if (kind && !parse_space_kind(*kind)) {
    return Error::invalid("invalid_kind", "kind must be team, community, neighbourhood or place");
  }
  if (visibility && !parse_space_visibility(*visibility)) {
    return Error::invalid("invalid_visibility", "visibility must be open, closed or secret");
  }
  return {};
}

Result<Member> find_member(store::Connection& conn, const std::string& handle) {
  auto m = store::MemberRepository(conn).find_by_handle(handle);
  if (!m || m->suspended) return Error::not_found("no member with handle '" + handle + "'");
  return std::move(*m);
}

// A vote setting is a positive whole number up to `max`, or none.
Status apply_vote_setting(const char* field, std::int64_t max,
                          const std::optional<std::optional<std::int64_t>>& patch,
                          std::optional<std::int64_t>& setting) {
  if (!patch) return {};
  if (*patch && (**patch < 1 || **patch > max)) {
    return Error::invalid("invalid_" + std::string(field),
                          std::string(field) + " must be between 1 and " + std::to_string(max) +
                              ", or null for none");
  }
  setting = *patch;
  return {};
}

Status apply_vote_settings(const SpacePatch& patch, VoteSettings& votes) {
  KRING_TRY(apply_vote_setting("vote_limit", kVoteLimitMax, patch.vote_limit, votes.vote_limit));
  return apply_vote_setting("review_threshold", kReviewThresholdMax, patch.review_threshold,
                            votes.review_threshold);
}

}  // namespace

Result<SpaceView> Spaces::create(const Actor& actor, const NewSpace& in) {
  KRING_TRY(social::decide(actor, Action::kCreateSpace));
  KRING_TRY(validate_slug(in.slug));
  KRING_TRY(check_space_fields(in.name, in.description, in.kind, in.visibility));
  auto conn = db_.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kWrite);
  SpaceRepository spaces(*conn);
  Space s;
  s.visibility = *parse_space_visibility(in.visibility);
  if (s.visibility == SpaceVisibility::kSecret) {
    s.slug = secret_slug(spaces, in.slug);
  } else if (spaces.slug_taken(in.slug)) {
    return Error::conflict("slug_taken", "slug '" + in.slug + "' is already taken");
  } else {
    s.slug = in.slug;
  }
  s.name = in.name;
  s.description = in.description;
  s.kind = *parse_space_kind(in.kind);
  s.created_by = actor.id;
  Micros now = now_micros();
  s.id = spaces.insert(s, now);
  Membership owner{SpaceRole::kOwner, MembershipState::kActive};
  spaces.set_membership(s.id, actor.id, owner, 0, now);
  auto stored = spaces.find_by_id(s.id);
  tx.commit();
  SpaceView view{std::move(*stored), owner};
  fill_can(actor, view);
  return view;
}

Result<SpaceView> Spaces::view(const Actor& viewer, const std::string& slug) {
  auto conn = db_.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kRead);
  auto found = find_space(*conn, viewer, slug, Action::kViewSpace);
  if (!found) return std::move(found).error();
  SpaceView view{std::move(found->space), found->membership};
  fill_can(viewer, view);
  return view;
}

Result<SpaceView> Spaces::update(const Actor& actor, const std::string& slug,
                                 const SpacePatch& patch) {
  auto conn = db_.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kWrite);
  auto found = find_space(*conn, actor, slug, Action::kEditSpace);
  if (!found) return std::move(found).error();
  KRING_TRY(check_space_fields(patch.name, patch.description, patch.kind, patch.visibility));
  Space& s = found->space;
  if (patch.name) s.name = *patch.name;
  if (patch.description) s.description = *patch.description;
  if (patch.kind) s.kind = *parse_space_kind(*patch.kind);
  SpaceRepository spaces(*conn);
  if (patch.visibility) {
    auto visibility = *parse_space_visibility(*patch.visibility);
    // Made secret: a new unguessable slug, the old one is freed (secret_slug).
    if (visibility == SpaceVisibility::kSecret && s.visibility != SpaceVisibility::kSecret) {
      s.slug = secret_slug(spaces, s.slug);
    }
    s.visibility = visibility;
  }
  if (patch.archived) s.archived = *patch.archived;
  KRING_TRY(apply_vote_settings(patch, s.votes));
  spaces.update(s, now_micros());
  auto stored = spaces.find_by_id(s.id);
  tx.commit();
  SpaceView view{std::move(*stored), found->membership};
  fill_can(actor, view);
  return view;
}

Result<Page<SpaceView>> Spaces::list(const Actor& viewer, const std::string& q,
                                     const PageRequest& request) {
  KRING_TRY(social::decide(viewer, Action::kListSpaces));
  KRING_TRY(validate_text("q", q, 100, false));
  auto pager = Pager::open(list_name({"spaces", q}), request);
  if (!pager) return std::move(pager).error();
  auto conn = db_.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kRead);
  SpaceRepository spaces(*conn);
  auto page = pager->page(
      spaces.list_visible(viewer.id, q, pager->after(), pager->fetch()),
      [](const Space& s) {
        return CursorKey{0, s.id};
      },
      [&](Space&& s) {
        std::optional<Membership> m;
        if (viewer.signed_in()) m = spaces.membership(s.id, viewer.id);
        return SpaceView{std::move(s), m};
      });
  for (auto& view : page.items) fill_can(viewer, view);
  return page;
}

Result<Page<SpaceView>> Spaces::invitations(const Actor& actor, const PageRequest& request) {
  KRING_TRY(social::decide(actor, Action::kViewOwnInvitations));
  auto pager = Pager::open(list_name({"invitations"}), request);
  if (!pager) return std::move(pager).error();
  auto conn = db_.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kRead);
  auto page = pager->page(
      SpaceRepository(*conn).spaces_of(actor.id, MembershipState::kInvited, pager->after(),
                                       pager->fetch()),
      [](const store::MemberSpaceRow& row) { return row.key(); },
      [](store::MemberSpaceRow&& row) {
        return SpaceView{std::move(row.space),
                         Membership{SpaceRole::kMember, MembershipState::kInvited}};
      });
  for (auto& view : page.items) fill_can(actor, view);
  return page;
}

Result<MembershipChange> Spaces::join(const Actor& actor, const std::string& slug) {
  auto conn = db_.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kWrite);
  auto found = find_space(*conn, actor, slug, Action::kJoinSpace);
  if (!found) return std::move(found).error();
  const Space& s = found->space;
  auto& m = found->membership;
  if (s.archived) return Error::invalid("archived", "this space is archived");
  if (is_active_member(m)) return MembershipChange::kUnchanged;
  SpaceRepository spaces(*conn);
  Micros now = now_micros();
  bool invited = m && m->state == MembershipState::kInvited;
  Notifier notifier(*conn, hub_);
  MembershipChange change;
  if (s.visibility == SpaceVisibility::kOpen || invited) {
    spaces.set_membership(s.id, actor.id, {SpaceRole::kMember, MembershipState::kActive}, 0, now);
    change = MembershipChange::kJoined;
  } else {
    if (m && m->state == MembershipState::kRequested) return MembershipChange::kUnchanged;
    spaces.set_membership(s.id, actor.id, {SpaceRole::kMember, MembershipState::kRequested}, 0, now);
    notifier.notify({.kinds = {NotificationKind::kJoinRequest}, .actor = actor.id, .space = s.id});
    change = MembershipChange::kRequested;
  }
  tx.commit();
  notifier.publish();
  return change;
}

Result<MembershipChange> Spaces::remove(const Actor& actor, const std::string& slug,
                                        const std::string& handle) {
  auto conn = db_.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kWrite);
  // Leaving and removing someone share a route; the handle says which.
  auto named = store::MemberRepository(*conn).find_by_handle(handle);
  bool self = named && named->id == actor.id;
  SpaceRepository spaces(*conn);
  std::optional<Membership> theirs;
  if (auto space = spaces.find_by_slug(slug); space && named && !named->suspended) {
    theirs = spaces.membership(space->id, named->id);
  }
  auto found =
      find_space(*conn, actor, slug, self ? Action::kLeaveSpace : Action::kRemoveSpaceMember,
                 theirs ? std::optional(theirs->role) : std::nullopt);
  if (!found) return std::move(found).error();
  auto target = find_member(*conn, handle);
  if (!target) return std::move(target).error();
  if (!theirs) return MembershipChange::kUnchanged;
  if (theirs->role == SpaceRole::kOwner && theirs->state == MembershipState::kActive &&
      spaces.member_ids_with_role_at_least(found->space.id, SpaceRole::kOwner).size() == 1) {
    return Error::conflict("last_owner", "a space needs an owner: appoint another owner first");
  }
  spaces.remove_membership(found->space.id, target->id);
  tx.commit();
  return self ? MembershipChange::kLeft : MembershipChange::kRemoved;
}

Result<MembershipChange> Spaces::decide(const Actor& actor, const std::string& slug,
                                        const std::string& handle, const std::string& decision) {
  auto conn = db_.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kWrite);
  auto found = find_space(*conn, actor, slug, Action::kDecideJoinRequest);
  if (!found) return std::move(found).error();
  if (decision != "approve" && decision != "decline") {
    return Error::invalid("invalid_decision", "decision must be approve or decline");
  }
  auto target = find_member(*conn, handle);
  if (!target) return std::move(target).error();
  SpaceRepository spaces(*conn);
  auto theirs = spaces.membership(found->space.id, target->id);
  if (!theirs || theirs->state != MembershipState::kRequested) {
    return Error::not_found("no pending request from '" + handle + "'");
  }
  if (decision == "approve") {
    spaces.set_membership(found->space.id, target->id,
                          {SpaceRole::kMember, MembershipState::kActive}, 0, now_micros());
  } else {
    spaces.remove_membership(found->space.id, target->id);
  }
  tx.commit();
  return decision == "approve" ? MembershipChange::kApproved : MembershipChange::kDeclined;
}

Result<MembershipChange> Spaces::invite(const Actor& actor, const std::string& slug,
                                        const std::string& handle) {
  auto conn = db_.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kWrite);
  // Any member may invite to an open space; hosts decide who enters the
  // others (the table); a block between inviter and invited hides them.
  auto target = find_member(*conn, handle);
  bool blocked = target && store::TieRepository(*conn).blocked_either_way(actor.id, target->id);
  auto found = find_space(*conn, actor, slug, Action::kInviteToSpace, std::nullopt, blocked);
  if (!found) {
    if (blocked && found.error().code == ErrorCode::kNotFound) {
      return Error::not_found("no member with handle '" + handle + "'");
    }
    return std::move(found).error();
  }
  if (found->space.archived) return Error::invalid("archived", "this space is archived");
  if (!target) return std::move(target).error();
  SpaceRepository spaces(*conn);
  auto theirs = spaces.membership(found->space.id, target->id);
  if (is_active_member(theirs)) return MembershipChange::kUnchanged;
  Micros now = now_micros();
  Notifier notifier(*conn, hub_);
  MembershipChange change = MembershipChange::kInvited;
  if (theirs && theirs->state == MembershipState::kRequested) {
    // Inviting someone who asked to join is approving them.
    spaces.set_membership(found->space.id, target->id,
                          {SpaceRole::kMember, MembershipState::kActive}, actor.id, now);
    change = MembershipChange::kApproved;
  } else if (!theirs) {
    spaces.set_membership(found->space.id, target->id,
                          {SpaceRole::kMember, MembershipState::kInvited}, actor.id, now);
    notifier.notify({.kinds = {NotificationKind::kInvitation},
                     .actor = actor.id,
                     .space = found->space.id,
                     .member = target->id});
  } else {
    change = MembershipChange::kUnchanged;
  }
  tx.commit();
  notifier.publish();
  return change;
}

Result<MembershipChange> Spaces::set_role(const Actor& actor, const std::string& slug,
                                          const std::string& handle, const std::string& role) {
  auto conn = db_.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kWrite);
  auto found = find_space(*conn, actor, slug, Action::kSetSpaceRole);
  if (!found) return std::move(found).error();
  auto new_role = parse_space_role(role);
  if (!new_role) return Error::invalid("invalid_role", "role must be owner, moderator or member");
  auto target = find_member(*conn, handle);
  if (!target) return std::move(target).error();
  SpaceRepository spaces(*conn);
  auto theirs = spaces.membership(found->space.id, target->id);
  if (!is_active_member(theirs)) return Error::not_found("'" + handle + "' is not a member here");
  if (theirs->role == *new_role) return MembershipChange::kUnchanged;
  if (theirs->role == SpaceRole::kOwner &&
      spaces.member_ids_with_role_at_least(found->space.id, SpaceRole::kOwner).size() == 1) {
    return Error::conflict("last_owner", "a space needs an owner: appoint another owner first");
  }
  spaces.set_membership(found->space.id, target->id, {*new_role, MembershipState::kActive}, 0,
                        now_micros());
  tx.commit();
  return MembershipChange::kRoleChanged;
}

Result<Page<SpaceMemberView>> Spaces::members(const Actor& viewer, const std::string& slug,
                                              MembershipState state, const PageRequest& request) {
  auto pager =
      Pager::open(list_name({"space-members", slug, membership_state_name(state)}), request);
  if (!pager) return std::move(pager).error();
  auto conn = db_.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kRead);
  auto found = find_space(
      *conn, viewer, slug,
      state == MembershipState::kActive ? Action::kListSpaceMembers : Action::kListJoinRequests);
  if (!found) return std::move(found).error();
  SpaceRepository spaces(*conn);
  store::MemberRepository members(*conn);
  auto page = pager->page(
      spaces.members(found->space.id, state, pager->after(), pager->fetch(), viewer.id),
      [](const store::MembershipRow& row) { return row.key(); },
      [&](store::MembershipRow&& row) -> std::optional<SpaceMemberView> {
        auto m = members.find_by_id(row.member_id);
        if (!m) return std::nullopt;
        return SpaceMemberView{view_member(*conn, viewer.id, std::move(*m), false), row.membership};
      });
  for (auto& view : page.items) fill_can(viewer, found->space, found->membership, view);
  return page;
}

}  // namespace kring::social
