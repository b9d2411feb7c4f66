#include "social/member_view.h"

#include "store/tie_repository.h"

namespace kring::social {

std::string_view connection_state_name(ConnectionState s) {
  static constexpr std::string_view kNames[] = {"none", "requested", "incoming_request",
                                                "connected"};
  return kNames[static_cast<int>(s)];
}

MemberView view_member(store::Connection& conn, MemberId viewer, Member member, bool with_counts) {
  using store::TieKind;
  using store::TieState;
  store::TieRepository ties(conn);
  MemberView v;
  if (viewer == 0) {
    v.relation = Relation::kAnonymous;
  } else if (viewer == member.id) {
    v.relation = Relation::kSelf;
  } else {
    v.following = ties.find(viewer, member.id, TieKind::kFollow).has_value();
    v.followed_by = ties.find(member.id, viewer, TieKind::kFollow).has_value();
    auto mine = ties.find(viewer, member.id, TieKind::kConnection);
    auto theirs = ties.find(member.id, viewer, TieKind::kConnection);
    if (mine == TieState::kAccepted) {
      v.connection = ConnectionState::kConnected;
    } else if (mine == TieState::kPending) {
      v.connection = ConnectionState::kRequested;
    } else if (theirs == TieState::kPending) {
      v.connection = ConnectionState::kIncomingRequest;
    }
    v.relation = v.connection == ConnectionState::kConnected ? Relation::kConnection
                                                             : Relation::kMember;
  }
  for (size_t i = 0; i < kProfileFieldCount; ++i) {
    v.visible[i] = may_see_field(v.relation, member.profile.visibility[i]);
  }
  if (v.relation != Relation::kSelf) member.email.clear();
  // Hidden values are dropped here, so no later layer can leak them by mistake.
  Profile& p = member.profile;
  if (!v.shows(ProfileField::kDisplayName)) p.display_name.clear();
  if (!v.shows(ProfileField::kBio)) p.bio.clear();
  if (!v.shows(ProfileField::kSkills)) p.skills.clear();
  if (!v.shows(ProfileField::kInterests)) p.interests.clear();
  if (!v.shows(ProfileField::kHomePlace)) p.home_place.clear();
  if (!v.shows(ProfileField::kAvatarUrl)) p.avatar_url.clear();
  if (with_counts) {
    v.followers = ties.count(member.id, store::TieDirection::kIncoming, TieKind::kFollow,
                             TieState::kAccepted);
    v.following_count = ties.count(member.id, store::TieDirection::kOutgoing, TieKind::kFollow,
                                   TieState::kAccepted);
    v.connections = ties.count(member.id, store::TieDirection::kOutgoing, TieKind::kConnection,
                               TieState::kAccepted);
  }
  v.member = std::move(member);
  return v;
}

MemberView view_of_self(Member member) {
  MemberView v;
  v.relation = Relation::kSelf;
  v.visible.fill(true);
  v.member = std::move(member);
  return v;
}

}  // namespace kring::social
