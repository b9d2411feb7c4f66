#include "items_fixture.h"

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
#include "dutch_places.h"
#include "fixture_plan.h"

namespace kring::bench {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// Bump when the generator changes what it writes, so caches are rebuilt.
constexpr int kFixtureVersion = 1;
constexpr std::string_view kMunicipalitySlug = "gemeente-utrecht";

json options_json(const ItemsFixtureOptions& o) {
  return {{"version", kFixtureVersion},
          {"items", o.items},
          {"members", o.members},
          {"spaces", o.spaces},
          {"seed", o.seed}};
}

json counts_json(const CivicCounts& c) {
  return {{"ideas", c.ideas},
          {"reports", c.reports},
          {"located", c.located},
          {"votes", c.votes},
          {"municipality_ideas", c.municipality_ideas},
          {"municipality_reports", c.municipality_reports}};
}

std::optional<ItemsFixture> cached(const std::string& data_dir, const ItemsFixtureOptions& o) {
  std::ifstream in(fs::path(data_dir) / "fixture.json");
  if (!in || !fs::exists(cli::database_path(data_dir))) return std::nullopt;
  json j = json::parse(in, nullptr, false);
  if (j.is_discarded() || j.value("options", json()) != options_json(o)) return std::nullopt;
  ItemsFixture f;
  f.data_dir = data_dir;
  f.viewer = j.at("viewer");
  f.municipality = j.at("municipality");
  f.items = j.at("items");
  f.build_seconds = j.at("build_seconds");
  const json& c = j.at("civic");
  f.civic = {c.at("ideas"), c.at("reports"), c.at("located"), c.at("votes"),
             c.at("municipality_ideas"), c.at("municipality_reports")};
  return f;
}

// The most popular open space the reader joined: the municipality every
// resident follows, whose ideas board and reports are timed.
std::uint32_t pick_municipality(const FixturePlan& plan) {
  std::optional<std::uint32_t> best;
  for (std::uint32_t s : plan.reader.spaces) {
    if (plan.spaces[s].visibility != SpaceVisibility::kOpen) continue;
    if (!best || plan.spaces[s].popularity > plan.spaces[*best].popularity) best = s;
  }
  return best.value();
}

// Items whose vote_count differs from their votes by members in good
// standing (the count migration 12 defines); 0 when the triggers kept it.
std::int64_t miscounted_items(store::Connection& conn) {
  auto st = conn.prepare(
      "SELECT count(*) FROM items i WHERE i.vote_count <> (SELECT count(*) FROM item_votes v "
      "JOIN members m ON m.id = v.member_id WHERE v.item_id = i.id AND m.suspended_at IS NULL)");
  st.step();
  return st.int64(0);
}

json district_counts(store::Connection& conn) {
  json out = json::array();
  auto st = conn.prepare(
      "SELECT count(*) FROM item_places WHERE max_lat >= ?1 AND min_lat <= ?3 AND max_lon >= ?2 "
      "AND min_lon <= ?4");
  for (const auto& d : timed_districts()) {
    st.bind(1, d.box.min_lat).bind(2, d.box.min_lon).bind(3, d.box.max_lat).bind(4, d.box.max_lon);
    st.step();
    out.push_back({{"name", d.name},
                   {"bbox", {d.box.min_lat, d.box.min_lon, d.box.max_lat, d.box.max_lon}},
                   {"items", st.int64(0)}});
    st.reset();
  }
  return out;
}

Result<ItemsFixture> build(const std::string& data_dir, const ItemsFixtureOptions& o,
                           const std::function<void(double)>& progress) {
  auto started = std::chrono::steady_clock::now();
  for (const char* name : {"kring.db", "kring.db-wal", "kring.db-shm", "fixture.json"}) {
    std::error_code ec;
    fs::remove(fs::path(data_dir) / name, ec);
  }
  ItemsFixture f;
  f.data_dir = data_dir;
  json districts;
  {
    auto db = cli::open_data_dir(data_dir);
    if (!db) return std::move(db).error();
    auto conn = (*db)->lease();
    FixtureRandom rng(o.seed);
    FeedFixtureOptions community_options;
    community_options.items = o.items;
    community_options.members = o.members;
    community_options.spaces = o.spaces;
    community_options.seed = o.seed;
    FixturePlan plan = plan_fixture(community_options, rng);
    if (progress) progress(0.02);
    WrittenCommunity community = write_community(*conn, plan);
    if (progress) progress(0.1);
    std::uint32_t municipality = pick_municipality(plan);
    CivicItems civic(plan, community, municipality, *conn);
    auto items = write_items(
        *conn, plan, community, o.items, rng,
        [&](double x) {
          if (progress) progress(0.1 + 0.85 * x);
        },
        civic.shaper());
    store::Transaction tx(*conn, store::Transaction::Kind::kWrite);
    conn->prepare("UPDATE spaces SET slug = ?2, name = 'Gemeente Utrecht' WHERE id = ?1")
        .bind(1, community.space_ids[municipality])
        .bind(2, kMunicipalitySlug)
        .run();
    if (auto wrong = miscounted_items(*conn); wrong != 0) {
      return Error::internal(std::to_string(wrong) + " items have a wrong vote_count");
    }
    districts = district_counts(*conn);
    tx.commit();
    f.viewer = community.handles[plan.reader.index];
    f.municipality = kMunicipalitySlug;
    f.items = items.items;
    f.civic = civic.counts();
  }  // closing the last connection checkpoints the WAL into kring.db
  f.built = true;
  f.build_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  json j = {{"options", options_json(o)},
            {"viewer", f.viewer},
            {"municipality", f.municipality},
            {"items", f.items},
            {"civic", counts_json(f.civic)},
            {"districts", districts},
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

Result<ItemsFixture> open_items_fixture(const std::string& data_dir,
                                        const ItemsFixtureOptions& options,
                                        const std::function<void(double)>& progress) {
  if (options.members < 5'000 || options.spaces < 200 || options.items < 1) {
    return Error::invalid("bad_fixture",
                          "the fixture needs >= 5000 members, >= 200 spaces, >= 1 item");
  }
  if (auto f = cached(data_dir, options)) return *f;
  return build(data_dir, options, progress);
}

Result<ItemsFixture> open_items_fixture_from_env(std::string_view program, std::string& data_dir) {
  ItemsFixtureOptions o;
  from_env("KRING_ITEMS_ITEMS", o.items);
  from_env("KRING_ITEMS_MEMBERS", o.members);
  from_env("KRING_ITEMS_SPACES", o.spaces);
  const char* dir = std::getenv("KRING_ITEMS_DATA");
  data_dir = dir && *dir
                 ? std::string(dir)
                 : (fs::path(KRING_ITEMS_CACHE_DIR) / (std::to_string(o.items) + "-items")).string();
  auto fixture = open_items_fixture(data_dir, o, [](double f) {
    std::fprintf(stderr, "\rbuilding items fixture %3d%%", static_cast<int>(f * 100));
    if (f >= 1.0) std::fputc('\n', stderr);
  });
  if (!fixture) std::cerr << program << ": " << fixture.error().message << "\n";
  return fixture;
}

}  // namespace kring::bench
