#include "core/enum_names.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "core/item.h"
#include "core/member.h"
#include "core/space.h"
#include "store/network_repository.h"

namespace kring {
namespace {

// Every value has a distinct non-empty name that reads back as the value,
// and the table covers the enum's values 0..N-1 (the ordinals migration 7
// mapped), so none is left nameless.
template <typename E>
void expect_round_trip(size_t expected_count) {
  auto values = enum_values<E>();
  ASSERT_EQ(values.size(), expected_count);
  std::set<std::string_view> names;
  for (size_t i = 0; i < expected_count; ++i) {
    E value = static_cast<E>(i);
    std::string_view name = to_name(value);
    EXPECT_FALSE(name.empty()) << "ordinal " << i;
    EXPECT_EQ(from_name<E>(name), value) << name;
    names.insert(name);
  }
  EXPECT_EQ(names.size(), expected_count);
}

TEST(EnumNames, EveryValueMapsToANameAndBack) {
  expect_round_trip<Visibility>(3);
  expect_round_trip<ProfileField>(kProfileFieldCount);
  expect_round_trip<MemberRole>(3);
  expect_round_trip<SpaceVisibility>(3);
  expect_round_trip<SpaceKind>(4);
  expect_round_trip<SpaceRole>(3);
  expect_round_trip<MembershipState>(3);
  expect_round_trip<ItemVisibility>(4);
  expect_round_trip<ReactionTarget>(2);
  expect_round_trip<store::InteractionKind>(6);
}

TEST(EnumNames, StoredNamesAreTheOnesMigrationSevenWrites) {
  EXPECT_EQ(to_name(MemberRole::kAdmin), "admin");
  EXPECT_EQ(to_name(MemberRole::kAnalyst), "analyst");
  EXPECT_EQ(to_name(Visibility::kConnections), "connections");
  EXPECT_EQ(to_name(ProfileField::kSkills), "skills");
  EXPECT_EQ(to_name(ProfileField::kInterests), "interests");
  EXPECT_EQ(to_name(ReactionTarget::kReply), "reply");
}

TEST(EnumNames, OtherTextNamesNoValue) {
  EXPECT_EQ(from_name<Visibility>(""), std::nullopt);
  EXPECT_EQ(from_name<Visibility>("Public"), std::nullopt);
  EXPECT_EQ(from_name<Visibility>("0"), std::nullopt);
  EXPECT_EQ(from_name<MemberRole>("owner"), std::nullopt);
  EXPECT_EQ(from_name<SpaceRole>("admin"), std::nullopt);
  EXPECT_EQ(to_name(static_cast<MemberRole>(7)), "");
}

TEST(EnumNames, OldNameFunctionsReadTheSameTable) {
  EXPECT_EQ(visibility_name(Visibility::kMembers), "members");
  EXPECT_EQ(parse_visibility("connections"), Visibility::kConnections);
  EXPECT_EQ(member_role_name(MemberRole::kAnalyst), "analyst");
  EXPECT_EQ(parse_space_role("moderator"), SpaceRole::kModerator);
  EXPECT_EQ(item_visibility_name(ItemVisibility::kSpace), "space");
}

}  // namespace
}  // namespace kring
