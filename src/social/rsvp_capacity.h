#pragma once
// The arithmetic of an event's places, apart from where the numbers come
// from (social/events reads them in its write transaction). A member's
// answer takes 1 + guests places; capacity empty means unlimited.
//
// The waiting list is first come, first served, strictly: nobody overtakes
// a member waiting before them. So a new answer goes on the list whenever
// anyone waits, even if a place is free (the first in line may need more
// places than are free), and promotion stops at the first member whose
// party does not fit.
//
// Thread-safe: pure functions.

#include <cstdint>
#include <optional>
#include <span>

namespace kring::social {

inline constexpr std::int64_t kMaxGuests = 20;

// The places an answer with `guests` takes.
constexpr std::int64_t places_for(std::int64_t guests) { return 1 + guests; }

// Whether `wanted` more places fit beside the `taken` ones.
constexpr bool fits(std::optional<std::int64_t> capacity, std::int64_t taken, std::int64_t wanted) {
  return !capacity || taken + wanted <= *capacity;
}

// Whether a new answer of `places` is going (else waitlisted), with
// `waiting` members already on the list.
constexpr bool goes_now(std::optional<std::int64_t> capacity, std::int64_t taken,
                        std::int64_t waiting, std::int64_t places) {
  return waiting == 0 && fits(capacity, taken, places);
}

// How many of the waiting parties (their places, in list order) move up:
// the longest prefix that fits beside `taken`.
constexpr std::size_t promotable(std::optional<std::int64_t> capacity, std::int64_t taken,
                                 std::span<const std::int64_t> waiting) {
  std::size_t n = 0;
  for (std::int64_t places : waiting) {
    if (!fits(capacity, taken, places)) break;
    taken += places;
    ++n;
  }
  return n;
}

}  // namespace kring::social
