#include "social/rate_limits.h"

#include <arpa/inet.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <optional>

namespace kring::social {

namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

// Defaults for a real community: an onboarding session behind one office NAT
// registers 20 people in an hour; a keen member posts 30 items in a burst
// (then one every 20 s); a lively thread gets a reply every 10 s from one
// member; a newcomer follows or asks to connect with a roomful of people
// (each tells the other side, so a follow-unfollow loop would flood them);
// a host may mention five full texts' worth (20 each) of people in
// an hour; a member has a few tabs and devices open. Per-address rows are
// ten times the per-member ones because many members share one NAT.
constexpr std::array<RateLimitRow, kRateLimitCount> kTable = {{
    {RateLimitId::kRegisterPerAddress,
     "register_per_address",
     LimitKey::kAddress,
     LimitKind::kRate,
     "POST /api/v1/accounts",
     {20, hours(1)},
     "registration"},
    {RateLimitId::kItemsPerMember,
     "items_per_member",
     LimitKey::kMember,
     LimitKind::kRate,
     "POST /api/v1/items",
     {30, minutes(10)},
     "new item"},
    {RateLimitId::kItemsPerAddress,
     "items_per_address",
     LimitKey::kAddress,
     LimitKind::kRate,
     "POST /api/v1/items",
     {300, minutes(10)},
     "new item"},
    {RateLimitId::kRepliesPerMember,
     "replies_per_member",
     LimitKey::kMember,
     LimitKind::kRate,
     "POST /api/v1/items/{id}/replies",
     {60, minutes(10)},
     "reply"},
    {RateLimitId::kRepliesPerAddress,
     "replies_per_address",
     LimitKey::kAddress,
     LimitKind::kRate,
     "POST /api/v1/items/{id}/replies",
     {600, minutes(10)},
     "reply"},
    {RateLimitId::kFollowsPerMember,
     "follows_per_member",
     LimitKey::kMember,
     LimitKind::kRate,
     "POST /api/v1/members/{h}/follow",
     {60, minutes(10)},
     "follow"},
    {RateLimitId::kConnectionsPerMember,
     "connections_per_member",
     LimitKey::kMember,
     LimitKind::kRate,
     "POST /api/v1/members/{h}/connection",
     {30, minutes(10)},
     "connection request or answer"},
    {RateLimitId::kMentionsPerMember,
     "mentions_per_member",
     LimitKey::kMember,
     LimitKind::kRate,
     "",
     {100, hours(1)},
     "mention notification sent"},
    {RateLimitId::kStreamsPerMember,
     "streams_per_member",
     LimitKey::kMember,
     LimitKind::kConcurrent,
     "",
     {10, seconds(0)},
     "open GET /api/v1/stream"},
    {RateLimitId::kStreamsPerAddress,
     "streams_per_address",
     LimitKey::kAddress,
     LimitKind::kConcurrent,
     "",
     {200, seconds(0)},
     "open GET /api/v1/stream"},
}};

constexpr bool table_in_id_order() {
  for (std::size_t i = 0; i < kTable.size(); ++i) {
    if (static_cast<std::size_t>(kTable[i].id) != i) return false;
  }
  return true;
}
static_assert(table_in_id_order(), "rate limit rows must be in RateLimitId order");

std::optional<int> parse_count(std::string_view text) {
  int value = 0;
  auto res = std::from_chars(text.data(), text.data() + text.size(), value);
  if (res.ec != std::errc() || res.ptr != text.data() + text.size() || value < 1 ||
      value > 1'000'000'000) {
    return std::nullopt;
  }
  return value;
}

std::optional<seconds> parse_period(std::string_view text) {
  if (text.empty()) return std::nullopt;
  long long unit = 0;
  switch (text.back()) {
    case 's':
      unit = 1;
      break;
    case 'm':
      unit = 60;
      break;
    case 'h':
      unit = 3600;
      break;
    case 'd':
      unit = 86400;
      break;
    default:
      return std::nullopt;
  }
  text.remove_suffix(1);
  int number = 1;
  if (!text.empty()) {
    auto parsed = parse_count(text);
    if (!parsed || *parsed > 366 * 86400) return std::nullopt;
    number = *parsed;
  }
  return seconds(number * unit);
}

std::string format_period(seconds period) {
  long long s = period.count();
  if (s % 86400 == 0) return std::to_string(s / 86400) + "d";
  if (s % 3600 == 0) return std::to_string(s / 3600) + "h";
  if (s % 60 == 0) return std::to_string(s / 60) + "m";
  return std::to_string(s) + "s";
}

Error bad_assignment(std::string message) {
  return Error::invalid("invalid_rate_limit", std::move(message));
}

}  // namespace

std::span<const RateLimitRow> rate_limit_table() { return kTable; }

const RateLimitRow& rate_limit_row(RateLimitId id) { return kTable[static_cast<std::size_t>(id)]; }

std::string format_rate_limit(const RateLimitRow& row, const RateLimitSetting& setting) {
  if (setting.count == 0) return "off";
  if (row.kind == LimitKind::kConcurrent) return std::to_string(setting.count);
  return std::to_string(setting.count) + "/" + format_period(setting.period);
}

RateLimitConfig RateLimitConfig::defaults() {
  RateLimitConfig config;
  for (const auto& row : kTable) config.settings_[static_cast<std::size_t>(row.id)] = row.defaults;
  return config;
}

RateLimitConfig RateLimitConfig::off() { return RateLimitConfig(); }

Status RateLimitConfig::set(std::string_view assignment) {
  auto equals = assignment.find('=');
  if (equals == std::string_view::npos) {
    return bad_assignment("rate limit must be NAME=COUNT/PERIOD, NAME=COUNT or NAME=off");
  }
  std::string_view name = assignment.substr(0, equals);
  std::string_view value = assignment.substr(equals + 1);
  auto row = std::find_if(kTable.begin(), kTable.end(),
                          [&](const RateLimitRow& r) { return r.name == name; });
  if (row == kTable.end()) {
    std::string names;
    for (const auto& r : kTable) names += (names.empty() ? "" : ", ") + std::string(r.name);
    return bad_assignment("no rate limit named '" + std::string(name) + "'; known: " + names);
  }
  RateLimitSetting& setting = settings_[static_cast<std::size_t>(row->id)];
  if (value == "off") {
    setting = {};
    return {};
  }
  auto slash = value.find('/');
  if (row->kind == LimitKind::kConcurrent) {
    auto count = slash == std::string_view::npos ? parse_count(value) : std::nullopt;
    if (!count) {
      return bad_assignment(std::string(name) +
                            " counts open streams: give NAME=COUNT or NAME=off");
    }
    setting = {*count, seconds(0)};
    return {};
  }
  if (slash == std::string_view::npos) {
    return bad_assignment(std::string(name) + " needs a period: NAME=COUNT/PERIOD, e.g. 10/1h");
  }
  auto count = parse_count(value.substr(0, slash));
  auto period = parse_period(value.substr(slash + 1));
  if (!count || !period) {
    return bad_assignment("bad value '" + std::string(value) + "' for " + std::string(name) +
                          ": COUNT is a whole number from 1, PERIOD a number and s, m, h or d");
  }
  setting = {*count, *period};
  return {};
}

std::string address_key(std::string_view address) {
  std::string text(address);
  in_addr v4{};
  if (inet_pton(AF_INET, text.c_str(), &v4) == 1) return text;
  in6_addr v6{};
  if (inet_pton(AF_INET6, text.c_str(), &v6) != 1) return text;
  char out[INET6_ADDRSTRLEN] = {};
  static constexpr unsigned char kMappedPrefix[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
  if (std::equal(kMappedPrefix, kMappedPrefix + 12, v6.s6_addr)) {
    std::copy(v6.s6_addr + 12, v6.s6_addr + 16, reinterpret_cast<unsigned char*>(&v4));
    inet_ntop(AF_INET, &v4, out, sizeof out);
    return out;
  }
  std::fill(v6.s6_addr + 8, v6.s6_addr + 16, 0);
  inet_ntop(AF_INET6, &v6, out, sizeof out);
  return std::string(out) + "/64";
}

int RateLimiter::take(RateLimitId id, std::string_view key, Clock::time_point now) {
  const RateLimitSetting& setting = config_[id];
  if (setting.count == 0) return 0;
  Buckets& buckets = buckets_[static_cast<std::size_t>(id)];
  const double capacity = setting.count;
  const double per_second = capacity / static_cast<double>(setting.period.count());
  std::lock_guard lock(buckets.mutex);
  sweep(buckets, setting, now);
  auto [it, fresh] = buckets.by_key.try_emplace(std::string(key), Bucket{capacity, now});
  Bucket& bucket = it->second;
  if (!fresh) {
    double elapsed = std::chrono::duration<double>(now - bucket.updated).count();
    bucket.tokens = std::min(capacity, bucket.tokens + std::max(0.0, elapsed) * per_second);
    bucket.updated = now;
  }
  if (bucket.tokens >= 1.0) {
    bucket.tokens -= 1.0;
    return 0;
  }
  return std::max(1, static_cast<int>(std::ceil((1.0 - bucket.tokens) / per_second)));
}

void RateLimiter::sweep(Buckets& buckets, const RateLimitSetting& setting, Clock::time_point now) {
  bool full = buckets.by_key.size() >= kMaxKeysPerLimit;
  // A sweep walks every key, so it runs at most once a minute unless the
  // table is full; a bucket untouched for a whole period has refilled.
  if (!full && now - buckets.last_sweep < std::min<Clock::duration>(setting.period, minutes(1))) {
    return;
  }
  buckets.last_sweep = now;
  std::erase_if(buckets.by_key,
                [&](const auto& entry) { return entry.second.updated + setting.period <= now; });
  // Still full: every key is active. Drop a quarter rather than grow without
  // bound (a quarter, so that the next sweeps are not one per request).
  while (buckets.by_key.size() > kMaxKeysPerLimit * 3 / 4) {
    buckets.by_key.erase(buckets.by_key.begin());
  }
}

std::size_t RateLimiter::keys_held(RateLimitId id) {
  Buckets& buckets = buckets_[static_cast<std::size_t>(id)];
  std::lock_guard lock(buckets.mutex);
  return buckets.by_key.size();
}

}  // namespace kring::social
