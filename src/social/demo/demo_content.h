#pragma once
// The second half of the demo: spaces for the communities, and posts,
// replies and reactions in them, so a fresh instance has a living network
// (interaction edges for the analytics, feeds to read).

#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "core/member.h"
#include "social/demo/vocabulary.h"
#include "store/database.h"

namespace kring::social::demo {

// Where a member stands in the demo network, so that the network screens
// have someone to find (graph/roles.h), as a care or neighbourhood community
// has: most are embedded in their community, a few bridge two communities,
// some hang on by a single tie (pendants), a few have no tie at all.
// Pendants and isolates write posts nobody answers and answer nobody:
// replies and reactions are edges too (social/network_snapshot.h), and one
// would give them a second neighbour or a first.
enum class DemoPosition : std::uint8_t { kEmbedded, kBridge, kPendant, kIsolate };

struct DemoMember {
  MemberId id = 0;
  std::uint32_t community = 0;
  DemoPosition position = DemoPosition::kEmbedded;
  double activity = 1.0;
  std::string first_skill;
  std::string first_interest;
  Micros joined_at = 0;
};

// What a community of the demo has in common: a skill theme
// (SkillTheme::name) and the district most of its members live in.
struct DemoCommunity {
  std::string_view theme;
  Place place;
};

// What the neighbourhood exchange holds (demo_exchange.h); an empty slug
// when the demo was too small for it.
struct ExchangeSummary {
  std::string slug;
  std::int64_t requests = 0;
  std::int64_t offers = 0;
  std::int64_t initiatives = 0;
  std::int64_t events = 0;
  std::int64_t contributions = 0;
  std::int64_t rsvps = 0;
  std::int64_t loans = 0;
};

struct DemoContentSummary {
  std::int64_t spaces = 0;
  std::int64_t items = 0;
  std::int64_t replies = 0;
  std::int64_t reactions = 0;
  // The municipality's space for Lombok (demo_civic.h); ideas 0 when the
  // demo was too small for it.
  std::string civic_slug;
  std::int64_t ideas = 0;
  std::int64_t votes = 0;
  std::int64_t reports = 0;
  ExchangeSummary exchange;
};

// Writes one space per community of three or more members, named from the
// vocabulary (space_names) with a unique slug, and posts, replies and
// reactions; and the civic part (demo_civic.h): its space among the spaces,
// its ideas and reports among the posts, then their votes and histories.
// Every time stamp lies between the member's or the space's beginning and
// `now`; nobody posts in a space before joining it or answers before
// joining the instance. Spaces, items, replies, status changes and
// notifications are each written in time order, so their time-ordered ids
// (core/ids.h) grow with their dates.
// REQUIRES: inside a write transaction on conn; members non-empty, ordered
// by joined_at, every joined_at <= now; every community < communities.size().
// Deterministic for a given engine state, apart from the random bits of ids
// and secret slugs. The civic part draws from an engine of its own, seeded
// from a copy of `engine`, so the rest is what it would be without it.
DemoContentSummary load_demo_content(store::Connection& conn,
                                     const std::vector<DemoMember>& members,
                                     const std::vector<DemoCommunity>& communities, Micros now,
                                     std::mt19937_64& engine);

}  // namespace kring::social::demo
