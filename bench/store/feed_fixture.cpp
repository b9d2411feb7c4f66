#include "feed_fixture.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>

#include "cli/data_dir.h"
#include "fixture_plan.h"
#include "fixture_writer.h"

namespace kring::bench {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// Bump when the generator changes what it writes, so caches are rebuilt.
constexpr int kFixtureVersion = 1;

json options_json(const FeedFixtureOptions& o) {
  return {{"version", kFixtureVersion},
          {"items", o.items},
          {"members", o.members},
          {"spaces", o.spaces},
          {"follows", o.follows},
          {"connections", o.connections},
          {"joined_spaces", o.joined_spaces},
          {"seed", o.seed}};
}

std::optional<FeedFixture> cached(const std::string& data_dir, const FeedFixtureOptions& o) {
  std::ifstream in(fs::path(data_dir) / "fixture.json");
  if (!in || !fs::exists(cli::database_path(data_dir))) return std::nullopt;
  json j = json::parse(in, nullptr, false);
  if (j.is_discarded() || j.value("options", json()) != options_json(o)) return std::nullopt;
  FeedFixture f;
  f.data_dir = data_dir;
  f.reader = j.at("reader");
  f.sparse_reader = j.at("sparse_reader");
  f.space = j.at("space");
  f.member = j.at("member");
  f.tag = j.at("tag");
  f.items = j.at("items");
  f.build_seconds = j.at("build_seconds");
  return f;
}

// The busiest of the reader's sources that no mute hides: the space and
// member feeds compared against home read the same neighbourhood.
void pick_comparison_targets(const FixturePlan& plan, const WrittenCommunity& c,
                             const WrittenItems& items, FeedFixture& f) {
  const PlannedReader& r = plan.reader;
  std::int64_t best = -1;
  for (std::uint32_t s : r.spaces) {
    bool muted = std::find(r.muted_spaces.begin(), r.muted_spaces.end(), s) != r.muted_spaces.end();
    if (!muted && plan.spaces[s].visibility == SpaceVisibility::kOpen &&
        items.per_space[s] > best) {
      best = items.per_space[s];
      f.space = c.slugs[s];
    }
  }
  best = -1;
  for (std::uint32_t m : r.follows) {
    if (items.per_member[m] > best) best = items.per_member[m], f.member = c.handles[m];
  }
}

Result<FeedFixture> build(const std::string& data_dir, const FeedFixtureOptions& o,
                          const std::function<void(double)>& progress) {
  auto started = std::chrono::steady_clock::now();
  for (const char* name : {"kring.db", "kring.db-wal", "kring.db-shm", "fixture.json"}) {
    std::error_code ec;
    fs::remove(fs::path(data_dir) / name, ec);
  }
  FeedFixture f;
  f.data_dir = data_dir;
  {
    auto db = cli::open_data_dir(data_dir);
    if (!db) return std::move(db).error();
    auto conn = (*db)->lease();
    FixtureRandom rng(o.seed);
    FixturePlan plan = plan_fixture(o, rng);
    if (progress) progress(0.02);
    WrittenCommunity community = write_community(*conn, plan);
    if (progress) progress(0.1);
    auto items = write_items(*conn, plan, community, o.items, rng, [&](double x) {
      if (progress) progress(0.1 + 0.9 * x);
    });
    f.reader = community.handles[plan.reader.index];
    f.sparse_reader = community.handles[plan.sparse_reader.index];
    f.tag = items.top_tag;
    f.items = items.items;
    pick_comparison_targets(plan, community, items, f);
  }  // closing the last connection checkpoints the WAL into kring.db
  f.built = true;
  f.build_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  json j = {{"options", options_json(o)},
            {"reader", f.reader},
            {"sparse_reader", f.sparse_reader},
            {"space", f.space},
            {"member", f.member},
            {"tag", f.tag},
            {"items", f.items},
            {"build_seconds", f.build_seconds},
            {"password", std::string(kFixturePassword)}};
  std::ofstream(fs::path(data_dir) / "fixture.json") << j.dump(2) << "\n";
  return f;
}

template <typename T>
void from_env(const char* name, T& value) {
  if (const char* text = std::getenv(name); text && *text) value = static_cast<T>(std::atoll(text));
}

}  // namespace

Result<FeedFixture> open_feed_fixture(const std::string& data_dir,
                                      const FeedFixtureOptions& options,
                                      const std::function<void(double)>& progress) {
  if (options.members < 5'000 || options.spaces < 200 || options.items < 1) {
    return Error::invalid("bad_fixture",
                          "the fixture needs >= 5000 members, >= 200 spaces, >= 1 item");
  }
  if (auto f = cached(data_dir, options)) return *f;
  return build(data_dir, options, progress);
}

FeedFixtureOptions fixture_options_from_env() {
  FeedFixtureOptions o;
  from_env("KRING_FEED_ITEMS", o.items);
  from_env("KRING_FEED_MEMBERS", o.members);
  from_env("KRING_FEED_SPACES", o.spaces);
  return o;
}

std::string fixture_dir_from_env(const FeedFixtureOptions& options) {
  const char* dir = std::getenv("KRING_FEED_DATA");
  if (dir && *dir) return dir;
  return (fs::path(KRING_FEED_CACHE_DIR) / (std::to_string(options.items) + "-items")).string();
}

Result<FeedFixture> open_feed_fixture_from_env(std::string_view program, std::string& data_dir) {
  auto options = fixture_options_from_env();
  data_dir = fixture_dir_from_env(options);
  auto fixture = open_feed_fixture(data_dir, options, [](double f) {
    std::fprintf(stderr, "\rbuilding feed fixture %3d%%", static_cast<int>(f * 100));
    if (f >= 1.0) std::fputc('\n', stderr);
  });
  if (!fixture) std::cerr << program << ": " << fixture.error().message << "\n";
  return fixture;
}

}  // namespace kring::bench
