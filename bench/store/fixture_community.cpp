#include <algorithm>

#include "core/secrets.h"
#include "feed_fixture.h"
#include "fixture_writer.h"
#include "social/demo/vocabulary.h"
#include "store/member_repository.h"
#include "store/moderation_repository.h"
#include "store/space_repository.h"
#include "store/tie_repository.h"

namespace kring::bench {

namespace {

// 2024-01-01T00:00:00Z: members join in the year before the items start.
constexpr Micros kJoinedAt = 1704067200LL * 1'000'000;

std::string handle_of(std::uint32_t index) {
  if (index == 0) return "reader";
  if (index == 1) return "sparse_reader";
  return "member_" + std::to_string(index);
}

store::NewMember member_row(std::uint32_t index, const std::string& hash) {
  using social::demo::first_names;
  using social::demo::last_names;
  store::NewMember row;
  row.handle = handle_of(index);
  row.email = row.handle + "@bench.kring.example";
  row.password_hash = hash;
  row.created_at = kJoinedAt + index;
  Profile& p = row.profile;
  p.display_name = std::string(first_names()[index % first_names().size()]) + " " +
                   std::string(last_names()[(index / 7) % last_names().size()]);
  auto themes = social::demo::skill_themes();
  const auto& skills = themes[index % themes.size()].skills;
  p.skills = {std::string(skills[index % skills.size()]),
              std::string(skills[(index + 1) % skills.size()])};
  auto interests = social::demo::interests();
  p.interests = {std::string(interests[index % interests.size()])};
  p.bio = "Ask me about " + p.skills[0] + ".";
  p.visibility.fill(Visibility::kPublic);
  p.visibility[static_cast<std::size_t>(ProfileField::kHomePlace)] = Visibility::kMembers;
  return row;
}

Space space_row(std::uint32_t index, const PlannedSpace& planned, MemberId owner) {
  static constexpr SpaceKind kKinds[] = {SpaceKind::kCommunity, SpaceKind::kTeam,
                                         SpaceKind::kNeighbourhood, SpaceKind::kPlace};
  auto interests = social::demo::interests();
  Space s;
  s.slug = "space-" + std::to_string(index + 1);
  s.name = "Circle for " + std::string(interests[index % interests.size()]) + " " +
           std::to_string(index + 1);
  s.description = "A benchmark space.";
  s.kind = kKinds[index % 4];
  s.visibility = planned.visibility;
  s.created_by = owner;
  return s;
}

void write_reader_extras(store::Connection& conn, const PlannedReader& r,
                         const WrittenCommunity& c) {
  MemberId me = c.member_ids[r.index];
  store::ModerationRepository moderation(conn);
  for (auto m : r.muted_members) moderation.mute(me, "member", c.member_ids[m], kJoinedAt);
  for (auto s : r.muted_spaces) moderation.mute(me, "space", c.space_ids[s], kJoinedAt);
  store::TieRepository ties(conn);
  for (auto m : r.blocked) {
    ties.insert(me, c.member_ids[m], store::TieKind::kBlock, store::TieState::kAccepted, kJoinedAt);
  }
  store::SpaceRepository spaces(conn);
  spaces.set_membership(c.space_ids[r.requested_space], me,
                        {SpaceRole::kMember, MembershipState::kRequested}, 0, kJoinedAt);
}

}  // namespace

WrittenCommunity write_community(store::Connection& conn, const FixturePlan& plan) {
  WrittenCommunity c;
  store::Transaction tx(conn, store::Transaction::Kind::kWrite);
  // One argon2id hash for every account, as `kring demo` does: hashing
  // 100,000 passwords would take longer than the rest of the build.
  std::string hash = hash_password(kFixturePassword);
  store::MemberRepository members(conn);
  for (std::uint32_t i = 0; i < plan.activity.size(); ++i) {
    c.member_ids.push_back(members.insert(member_row(i, hash)));
    c.handles.push_back(handle_of(i));
  }
  for (std::uint32_t i = 0; i < plan.activity.size(); ++i) {
    if (plan.suspended[i]) members.set_suspended(c.member_ids[i], kJoinedAt);
  }
  store::SpaceRepository spaces(conn);
  for (std::uint32_t s = 0; s < plan.spaces.size(); ++s) {
    const PlannedSpace& planned = plan.spaces[s];
    MemberId owner = c.member_ids[planned.members.front()];
    Space row = space_row(s, planned, owner);
    c.space_ids.push_back(spaces.insert(row, kJoinedAt));
    c.slugs.push_back(row.slug);
    for (std::size_t k = 0; k < planned.members.size(); ++k) {
      SpaceRole role = k == 0 ? SpaceRole::kOwner : SpaceRole::kMember;
      spaces.set_membership(c.space_ids[s], c.member_ids[planned.members[k]],
                            {role, MembershipState::kActive}, 0, kJoinedAt);
    }
  }
  store::TieRepository ties(conn);
  using store::TieKind;
  using store::TieState;
  for (auto [a, b] : plan.follows) {
    ties.insert(c.member_ids[a], c.member_ids[b], TieKind::kFollow, TieState::kAccepted, kJoinedAt);
  }
  // An accepted connection is two rows, one each way (migrations.cpp).
  for (auto [a, b] : plan.connections) {
    ties.insert(c.member_ids[a], c.member_ids[b], TieKind::kConnection, TieState::kAccepted,
                kJoinedAt);
    ties.insert(c.member_ids[b], c.member_ids[a], TieKind::kConnection, TieState::kAccepted,
                kJoinedAt);
  }
  write_reader_extras(conn, plan.reader, c);
  write_reader_extras(conn, plan.sparse_reader, c);
  tx.commit();
  return c;
}

}  // namespace kring::bench
