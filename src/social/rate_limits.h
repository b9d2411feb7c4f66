#pragma once
// Rate limits: how often one client address or one member may do a costly or
// noisy thing (register, post, reply, mention, hold a live stream open). One
// table, rate_limit_table(), names every limit, its key, what it counts and
// its default; the operator overrides rows (`kring serve --rate-limit
// NAME=COUNT/PERIOD`, repeated) or turns every row off (--no-rate-limits).
// The log-in throttle (login_throttle.h) is separate and always on.
//
// Rate rows are token buckets: COUNT at once, refilled evenly over PERIOD,
// so "10/1h" allows a burst of 10, then one every 6 minutes. Concurrent rows
// (open streams) have no period: at most COUNT open at a time, counted by
// the notification hub.
//
// Thread-safe. Memory is bounded: a key's bucket is dropped once it has
// refilled (it then equals a fresh one), and each limit holds at most
// kMaxKeysPerLimit keys; past that, arbitrary buckets are dropped, so a
// flood of that many distinct keys within one period can reset a bucket.

#include <array>
#include <chrono>
#include <cstddef>
#include <mutex>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/result.h"

namespace kring::social {

enum class RateLimitId {
  kRegisterPerAddress,
  kItemsPerMember,
  kItemsPerAddress,
  kRepliesPerMember,
  kRepliesPerAddress,
  kFollowsPerMember,
  kConnectionsPerMember,
  kMentionsPerMember,
  kStreamsPerMember,
  kStreamsPerAddress,
};
inline constexpr std::size_t kRateLimitCount = 10;

enum class LimitKey { kAddress, kMember };
enum class LimitKind { kRate, kConcurrent };

// count 0 means the limit is off. period is zero for concurrent rows.
struct RateLimitSetting {
  int count = 0;
  std::chrono::seconds period{0};
};

struct RateLimitRow {
  RateLimitId id;
  std::string_view name;  // as the operator writes it: --rate-limit NAME=...
  LimitKey key;
  LimitKind kind;
  // "POST /api/v1/items": the dispatcher counts every request to this route,
  // whatever its outcome. Empty: counted where the thing happens (mentions
  // by the notifier, streams by the notification hub).
  std::string_view route;
  RateLimitSetting defaults;
  std::string_view what;  // one unit, in words
};

// Every limit, in RateLimitId order.
std::span<const RateLimitRow> rate_limit_table();
const RateLimitRow& rate_limit_row(RateLimitId id);

// "30/10m" or "1/1h"-style text for a setting; "off" when count is 0.
std::string format_rate_limit(const RateLimitRow& row, const RateLimitSetting& setting);

// The settings in force: the table's defaults, or all off, with overrides.
class RateLimitConfig {
 public:
  static RateLimitConfig defaults();
  static RateLimitConfig off();

  // Applies "NAME=COUNT/PERIOD" (rate rows; PERIOD is a number and a unit s,
  // m, h or d, the number optional: "5/h"), "NAME=COUNT" (concurrent rows)
  // or "NAME=off". Error invalid (400-class) on anything else.
  Status set(std::string_view assignment);
  const RateLimitSetting& operator[](RateLimitId id) const {
    return settings_[static_cast<std::size_t>(id)];
  }

 private:
  std::array<RateLimitSetting, kRateLimitCount> settings_{};
};

// The key under which a client address is limited: IPv4 addresses as they
// are (an IPv4-mapped IPv6 address as its IPv4 form), IPv6 addresses by
// their /64 prefix, since one subscriber usually holds a whole /64. Text that
// is not an address is returned unchanged.
std::string address_key(std::string_view address);

class RateLimiter {
 public:
  using Clock = std::chrono::steady_clock;
  static constexpr std::size_t kMaxKeysPerLimit = 65536;

  explicit RateLimiter(RateLimitConfig config = RateLimitConfig::defaults()) : config_(config) {}

  // Counts one unit of rate limit id for key and returns 0, or, when the
  // key's bucket is empty, counts nothing and returns the seconds until a
  // unit is available (at least 1). Always 0 when the limit is off.
  // REQUIRES: id is a rate row. key: address_key(...) or a member id.
  int take(RateLimitId id, std::string_view key, Clock::time_point now = Clock::now());

  // The setting of a row (for concurrent rows: the cap; count 0: no cap).
  const RateLimitSetting& setting(RateLimitId id) const { return config_[id]; }

  // Keys currently held for a limit (for tests of the memory bound).
  std::size_t keys_held(RateLimitId id);

 private:
  struct Bucket {
    double tokens = 0;
    Clock::time_point updated;
  };
  struct Buckets {
    std::mutex mutex;
    std::unordered_map<std::string, Bucket> by_key;
    Clock::time_point last_sweep{};
  };
  void sweep(Buckets& buckets, const RateLimitSetting& setting, Clock::time_point now);

  const RateLimitConfig config_;
  std::array<Buckets, kRateLimitCount> buckets_;
};

}  // namespace kring::social
