#pragma once
// The second half of the demo: spaces for the communities, and posts,
// replies and reactions in them, so a fresh instance has a living network
// (interaction edges for the analytics, feeds to read).

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "core/member.h"
#include "store/database.h"

namespace kring::social::demo {

struct DemoMember {
  MemberId id = 0;
  std::uint32_t community = 0;
  double activity = 1.0;
  std::string first_skill;
  std::string first_interest;
  Micros joined_at = 0;
};

struct DemoContentSummary {
  std::int64_t spaces = 0;
  std::int64_t items = 0;
  std::int64_t replies = 0;
  std::int64_t reactions = 0;
};

// REQUIRES: inside a write transaction on conn; members non-empty.
// Deterministic for a given engine state.
DemoContentSummary load_demo_content(store::Connection& conn,
                                     const std::vector<DemoMember>& members,
                                     std::mt19937_64& engine);

}  // namespace kring::social::demo
