#pragma once
// The fields of requests, offers, initiatives and events (core/kinds.h
// ItemField: skills, times, capacity, goals, deadline, minimum, expiry,
// offer mode) as a post or an edit gives them, checked against the kind
// table and written onto the item. Posting and editing (social/items)
// share this, so an edit cannot make what a post would refuse.
//
// Thread-safe: pure functions.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/item.h"
#include "core/kinds.h"
#include "core/result.h"
#include "core/time.h"

namespace kring::social {

inline constexpr std::size_t kGoalsMax = 10;
inline constexpr std::size_t kGoalLabelMax = 100;
inline constexpr std::int64_t kCapacityMax = 100000;
// Ceilings that keep sums of many rows far from overflow and refuse the
// absurd: a million hours, a billion euros in cents, a million items.
inline constexpr std::int64_t kMaxHours = 1000000;
inline constexpr std::int64_t kMaxCents = 100000000000;
inline constexpr std::int64_t kMaxItems = 1000000;

// The largest amount of a goal's or a contribution's kind (hours, cents,
// items; 1 for knowledge and support, which are counted, not measured).
std::int64_t max_amount(std::string_view kind);

// Outer empty: not given (an edit leaves it as it is); inner empty: null in
// the request, which removes it.
struct ExchangeInput {
  std::optional<std::vector<std::string>> skills;
  std::optional<std::optional<Micros>> starts_at;
  std::optional<std::optional<Micros>> ends_at;
  std::optional<std::optional<std::int64_t>> capacity;
  std::optional<std::vector<ItemGoal>> goals;
  std::optional<std::optional<Micros>> deadline;
  std::optional<std::optional<std::int64_t>> minimum;
  std::optional<std::optional<Micros>> expires_at;
  std::optional<std::string> offer_mode;
};

// Applies `in` to `item` as the kind's row allows: 400 unknown_field for a
// field the kind does not take, invalid_* for a value out of range, a goal
// of an unknown kind, an end before the start, a minimum without a
// deadline, or a deadline or expiry already past when given; 400
// missing_field when a field the kind needs is absent afterwards. `now`
// decides what is past. Nothing is changed on refusal.
Status apply_exchange_fields(const ItemKindRule& rule, const ExchangeInput& in, Micros now,
                             Item& item);

}  // namespace kring::social
