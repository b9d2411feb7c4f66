#pragma once
// Identifiers an outsider sees but must not be able to count or guess
// (DESIGN.md: a secret space's existence never shows in an "id gap").
//
// Row ids of spaces, items, replies, notifications and reports are
// time-ordered with random low bits, as Mastodon's Snowflake-style ids:
//   id = (milliseconds since the Unix epoch << 10) | 10 random bits.
// Sequential ids let anyone who posts twice subtract and learn how much was
// written in between, secret spaces included; these ids grow with time, not
// with the number of rows, so the difference says only how much time passed.
// They stay below 2^53 until the year 2248 (2^43 ms), so JSON clients that
// parse them as doubles read them exactly. Older databases keep their small
// sequential ids; every new id is larger, so "order by id" stays "order by
// time of writing".
//
// Thread-safe: REQUIRES sodium_init() has run (main() does it).

#include <cstdint>
#include <string>
#include <string_view>

#include "core/time.h"

namespace kring {

inline constexpr int kIdRandomBits = 10;

// The smallest id that time `at` can get: its milliseconds with zero random
// bits. Every id allocated at or after `at` (with a table that was not
// ahead of the clock) is at least this.
std::int64_t first_id_at(Micros at);

// The next id for a table whose largest id is `newest` (0 when empty), for a
// row written at `at`: first_id_at(at) plus random bits, or, when that is not
// above `newest` (several rows in one millisecond, a clock that stepped back,
// a bulk load out of time order), `newest` plus 1 to 1024, so consecutive ids
// still differ by a random amount. Always > newest. Stateless: callers read
// `newest` from the table inside the write transaction, which is the one
// truth across threads, processes (serve, demo) and restarts.
std::int64_t next_time_ordered_id(Micros at, std::int64_t newest);

// 10 characters of lowercase base32 (a-z, 2-7) from libsodium's randombytes:
// 50 bits, not guessable, valid in a slug.
inline constexpr std::size_t kUnguessableSuffixLength = 10;
std::string unguessable_suffix();

// The slug a secret space gets for a requested slug (valid by
// validate_slug): its first 29 characters, '-' and unguessable_suffix(), 40
// at most. Why: social/secret_slug.h, whose secret_slug retries on the
// (2^-50) chance that it is taken.
std::string unguessable_slug(std::string_view requested);

}  // namespace kring
