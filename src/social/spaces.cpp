#include "social/spaces.h"

#include "core/validation.h"
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

Error no_space(const std::string& slug) {
  return Error::not_found("no space with slug '" + slug + "'");
}

struct Found {
  Space space;
  std::optional<Membership> membership;
};

// The space as the actor may know it; secret spaces are 404 to outsiders.
Result<Found> find_space(store::Connection& conn, const Actor& actor, const std::string& slug) {
  SpaceRepository spaces(conn);
  auto space = spaces.find_by_slug(slug);
  if (!space) return no_space(slug);
  std::optional<Membership> m;
  if (actor.signed_in()) m = spaces.membership(space->id, actor.id);
  if (!may_see_space(*space, m)) return no_space(slug);
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

}  // namespace

Result<SpaceView> Spaces::create(const Actor& actor, const NewSpace& in) {
  KRING_TRY(authorize(actor, Action::kCreateSpace));
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
  return SpaceView{std::move(*stored), owner};
}

Result<SpaceView> Spaces::view(const Actor& viewer, const std::string& slug) {
  KRING_TRY(authorize(viewer, Action::kViewSpace));
  auto conn = db_.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kRead);
  auto found = find_space(*conn, viewer, slug);
  if (!found) return std::move(found).error();
  return SpaceView{std::move(found->space), found->membership};
}

Result<SpaceView> Spaces::update(const Actor& actor, const std::string& slug,
                                 const SpacePatch& patch) {
  KRING_TRY(authorize(actor, Action::kEditSpace));
  KRING_TRY(check_space_fields(patch.name, patch.description, patch.kind, patch.visibility));
  auto conn = db_.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kWrite);
  auto found = find_space(*conn, actor, slug);
  if (!found) return std::move(found).error();
  if (!may_manage_space(actor, found->membership)) {
    return Error::forbidden("only the space's owners may change it");
  }
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
  spaces.update(s, now_micros());
  auto stored = spaces.find_by_id(s.id);
  tx.commit();
  return SpaceView{std::move(*stored), found->membership};
}

Result<Page<SpaceView>> Spaces::list(const Actor& viewer, const std::string& q,
                                     const PageRequest& request) {
  KRING_TRY(authorize(viewer, Action::kListSpaces));
  KRING_TRY(validate_text("q", q, 100, false));
  auto pager = Pager::open(list_name({"spaces", q}), request);
  if (!pager) return std::move(pager).error();
  auto conn = db_.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kRead);
  SpaceRepository spaces(*conn);
  return pager->page(
      spaces.list_visible(viewer.id, q, pager->after(), pager->fetch()),
      [](const Space& s) {
        return CursorKey{0, s.id};
      },
      [&](Space&& s) {
        std::optional<Membership> m;
        if (viewer.signed_in()) m = spaces.membership(s.id, viewer.id);
        return SpaceView{std::move(s), m};
      });
}

Result<Page<SpaceView>> Spaces::invitations(const Actor& actor, const PageRequest& request) {
  KRING_TRY(authorize(actor, Action::kViewOwnInvitations));
  auto pager = Pager::open(list_name({"invitations"}), request);
  if (!pager) return std::move(pager).error();
  auto conn = db_.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kRead);
  return pager->page(
      SpaceRepository(*conn).spaces_of(actor.id, MembershipState::kInvited, pager->after(),
                                       pager->fetch()),
      [](const store::MemberSpaceRow& row) { return row.key(); },
      [](store::MemberSpaceRow&& row) {
        return SpaceView{std::move(row.space),
                         Membership{SpaceRole::kMember, MembershipState::kInvited}};
      });
}

Result<MembershipChange> Spaces::join(const Actor& actor, const std::string& slug) {
  KRING_TRY(authorize(actor, Action::kJoinSpace));
  auto conn = db_.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kWrite);
  auto found = find_space(*conn, actor, slug);
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
    for (MemberId host : spaces.member_ids_with_role_at_least(s.id, SpaceRole::kModerator)) {
      notifier.add(NotificationKind::kJoinRequest, host, actor.id, std::nullopt, std::nullopt, s.id);
    }
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
  KRING_TRY(authorize(actor, self ? Action::kLeaveSpace : Action::kRemoveSpaceMember));
  auto found = find_space(*conn, actor, slug);
  if (!found) return std::move(found).error();
  auto target = find_member(*conn, handle);
  if (!target) return std::move(target).error();
  SpaceRepository spaces(*conn);
  auto theirs = spaces.membership(found->space.id, target->id);
  if (!self) {
    if (!may_moderate_space(actor, found->membership)) {
      return Error::forbidden("only the space's hosts may remove members");
    }
    if (theirs && theirs->role == SpaceRole::kOwner &&
        !may_manage_space(actor, found->membership)) {
      return Error::forbidden("moderators cannot remove an owner");
    }
  }
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
  KRING_TRY(authorize(actor, Action::kDecideJoinRequest));
  if (decision != "approve" && decision != "decline") {
    return Error::invalid("invalid_decision", "decision must be approve or decline");
  }
  auto conn = db_.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kWrite);
  auto found = find_space(*conn, actor, slug);
  if (!found) return std::move(found).error();
  if (!may_moderate_space(actor, found->membership)) {
    return Error::forbidden("only the space's hosts may decide on requests");
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
  KRING_TRY(authorize(actor, Action::kInviteToSpace));
  auto conn = db_.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kWrite);
  auto found = find_space(*conn, actor, slug);
  if (!found) return std::move(found).error();
  // Any member may invite to an open space; hosts decide who enters the others.
  bool allowed = found->space.visibility == SpaceVisibility::kOpen
                     ? is_active_member(found->membership)
                     : may_moderate_space(actor, found->membership);
  if (!allowed) return Error::forbidden("you may not invite members to this space");
  if (found->space.archived) return Error::invalid("archived", "this space is archived");
  auto target = find_member(*conn, handle);
  if (!target) return std::move(target).error();
  if (store::TieRepository(*conn).blocked_either_way(actor.id, target->id)) {
    return Error::not_found("no member with handle '" + handle + "'");
  }
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
    notifier.add(NotificationKind::kInvitation, target->id, actor.id, std::nullopt, std::nullopt,
                 found->space.id);
  } else {
    change = MembershipChange::kUnchanged;
  }
  tx.commit();
  notifier.publish();
  return change;
}

Result<MembershipChange> Spaces::set_role(const Actor& actor, const std::string& slug,
                                          const std::string& handle, const std::string& role) {
  KRING_TRY(authorize(actor, Action::kSetSpaceRole));
  auto new_role = parse_space_role(role);
  if (!new_role) return Error::invalid("invalid_role", "role must be owner, moderator or member");
  auto conn = db_.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kWrite);
  auto found = find_space(*conn, actor, slug);
  if (!found) return std::move(found).error();
  if (!may_manage_space(actor, found->membership)) {
    return Error::forbidden("only the space's owners may change roles");
  }
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
  KRING_TRY(authorize(viewer, Action::kListSpaceMembers));
  auto pager =
      Pager::open(list_name({"space-members", slug, membership_state_name(state)}), request);
  if (!pager) return std::move(pager).error();
  auto conn = db_.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kRead);
  auto found = find_space(*conn, viewer, slug);
  if (!found) return std::move(found).error();
  bool allowed = state == MembershipState::kActive
                     ? may_read_space_content(found->space, found->membership)
                     : may_moderate_space(viewer, found->membership);
  if (!allowed) {
    return state == MembershipState::kActive
               ? Error::forbidden("only members see who is in this space")
               : Error::forbidden("only the space's hosts see its requests");
  }
  SpaceRepository spaces(*conn);
  store::MemberRepository members(*conn);
  store::TieRepository ties(*conn);
  return pager->page(
      spaces.members(found->space.id, state, pager->after(), pager->fetch()),
      [](const store::MembershipRow& row) { return row.key(); },
      [&](store::MembershipRow&& row) -> std::optional<SpaceMemberView> {
        if (viewer.signed_in() && row.member_id != viewer.id &&
            ties.blocked_either_way(viewer.id, row.member_id)) {
          return std::nullopt;
        }
        auto m = members.find_by_id(row.member_id);
        if (!m) return std::nullopt;
        return SpaceMemberView{view_member(*conn, viewer.id, std::move(*m), false), row.membership};
      });
}

}  // namespace kring::social
