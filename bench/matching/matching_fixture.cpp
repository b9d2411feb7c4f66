#include "matching_fixture.h"

#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>

#include "cli/data_dir.h"
#include "core/time.h"
#include "store/item_repository.h"

namespace kring::bench {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr int kFixtureVersion = 1;

json options_json(const MatchingFixtureOptions& o) {
  return {{"version", kFixtureVersion},
          {"members", o.members},
          {"neighbourhoods", o.neighbourhoods},
          {"skills", o.skills},
          {"connections", o.connections},
          {"follows", o.follows},
          {"requests", o.requests},
          {"offers", o.offers},
          {"seed", o.seed}};
}

// Draws 0..n-1 with P(k) proportional to 1/(k+1): a few skills common, most rare.
class Zipf {
 public:
  explicit Zipf(int n) {
    double sum = 0;
    for (int k = 0; k < n; ++k) cumulative_.push_back(sum += 1.0 / (k + 1));
  }
  int draw(std::mt19937_64& rng) const {
    std::uniform_real_distribution<double> u(0, cumulative_.back());
    return static_cast<int>(std::lower_bound(cumulative_.begin(), cumulative_.end(), u(rng)) -
                            cumulative_.begin());
  }

 private:
  std::vector<double> cumulative_;
};

std::string skill_name(int k) {
  std::string out = "skill ";
  out += std::to_string(k);
  return out;
}

std::string title(std::mt19937_64& rng) {
  std::uniform_int_distribution<int> word(0, 299);
  std::string out;
  for (int n = 0; n < 3; ++n) {
    if (n > 0) out += ' ';
    out += "word";
    out += std::to_string(word(rng));
  }
  return out;
}

MemberId neighbour_of(MemberId m, const MatchingFixtureOptions& o, std::mt19937_64& rng) {
  const int per = o.members / o.neighbourhoods;
  std::uniform_real_distribution<double> u(0, 1);
  if (u(rng) < 0.7) {
    const MemberId first = (m - 1) / per * per + 1;
    return first + std::uniform_int_distribution<MemberId>(0, per - 1)(rng);
  }
  return std::uniform_int_distribution<MemberId>(1, o.members)(rng);
}

SpaceId neighbourhood_of(MemberId m, const MatchingFixtureOptions& o) {
  return (m - 1) / (o.members / o.neighbourhoods) + 1;
}

void write_community(store::Connection& conn, const MatchingFixtureOptions& o,
                     std::mt19937_64& rng) {
  const Micros now = now_micros();
  const Zipf skills(o.skills);
  store::Transaction tx(conn, store::Transaction::Kind::kWrite);
  auto member = conn.prepare(
      "INSERT INTO members (id, handle, email, password_hash, created_at, updated_at) VALUES "
      "(?1, ?2, ?3, 'bench', ?4, ?4)");
  auto term = conn.prepare(
      "INSERT OR IGNORE INTO member_terms (member_id, kind, position, term, label) VALUES (?1, "
      "'skills', ?2, ?3, ?3)");
  std::uniform_int_distribution<int> skill_count(0, 6);
  for (MemberId m = 1; m <= o.members; ++m) {
    std::string handle = "m";
    handle += std::to_string(m);
    member.bind(1, m).bind(2, handle).bind(3, handle + "@bench.invalid").bind(4, now).run();
    const int n = skill_count(rng);
    for (int p = 0; p < n; ++p)
      term.bind(1, m).bind(2, p).bind(3, skill_name(skills.draw(rng))).run();
  }
  auto space = conn.prepare(
      "INSERT INTO spaces (id, slug, name, kind, visibility, created_by, created_at, updated_at) "
      "VALUES (?1, ?2, ?2, 'neighbourhood', 'open', 1, ?3, ?3)");
  for (SpaceId s = 1; s <= o.neighbourhoods; ++s) {
    std::string slug = "buurt-";
    slug += std::to_string(s);
    space.bind(1, s).bind(2, slug).bind(3, now).run();
  }
  auto joined = conn.prepare(
      "INSERT INTO space_members (space_id, member_id, role, state, created_at) VALUES (?1, ?2, "
      "'member', 'active', ?3)");
  for (MemberId m = 1; m <= o.members; ++m)
    joined.bind(1, neighbourhood_of(m, o)).bind(2, m).bind(3, now).run();
  auto tie = conn.prepare(
      "INSERT OR IGNORE INTO ties (source_id, target_id, kind, state, created_at) VALUES (?1, ?2, "
      "?3, 'accepted', ?4)");
  for (MemberId m = 1; m <= o.members; ++m) {
    for (int c = 0; c < o.connections; ++c) {
      const MemberId other = neighbour_of(m, o, rng);
      if (other == m) continue;
      tie.bind(1, m).bind(2, other).bind(3, "connection").bind(4, now).run();
      tie.bind(1, other).bind(2, m).bind(3, "connection").bind(4, now).run();
    }
    for (int f = 0; f < o.follows; ++f) {
      const MemberId other = neighbour_of(m, o, rng);
      if (other != m) tie.bind(1, m).bind(2, other).bind(3, "follow").bind(4, now).run();
    }
  }
  tx.commit();
}

std::vector<ItemId> write_items(store::Connection& conn, const MatchingFixtureOptions& o,
                                std::mt19937_64& rng) {
  const Zipf skills(o.skills);
  std::uniform_int_distribution<MemberId> anyone(1, o.members);
  std::uniform_real_distribution<double> lat(52.0, 52.2), lon(5.0, 5.3);
  store::Transaction tx(conn, store::Transaction::Kind::kWrite);
  store::ItemRepository items(conn);
  std::vector<ItemId> requests;
  // Offers first, then requests: a request posted later meets the offers.
  for (int n = 0; n < o.offers + o.requests; ++n) {
    const bool offer = n < o.offers;
    Item item;
    item.kind = offer ? "offer" : "request";
    item.author_id = anyone(rng);
    item.space_id = neighbourhood_of(item.author_id, o);
    item.visibility = ItemVisibility::kPublic;
    item.title = title(rng);
    item.body = item.title;
    item.html = "<p>" + item.title + "</p>";
    item.status = offer ? "available" : "open";
    if (offer) item.offer_mode = "help";
    const int count = offer ? 1 + n % 2 : 1 + n % 3;
    for (int k = 0; k < count; ++k) item.skills.push_back(skill_name(skills.draw(rng)));
    if (n % 2 == 0) item.location = ItemLocation{lat(rng), lon(rng), ""};
    item.created_at = now_micros();
    const ItemId id = items.insert(item, {});
    if (!offer) requests.push_back(id);
  }
  tx.commit();
  return requests;
}

}  // namespace

Result<MatchingFixture> open_matching_fixture(const std::string& data_dir,
                                              const MatchingFixtureOptions& o) {
  if (o.neighbourhoods <= 0 || o.members < o.neighbourhoods || o.skills <= 0) {
    return Error::invalid("invalid_fixture", "needs members >= neighbourhoods > 0 and skills > 0");
  }
  MatchingFixture f;
  f.data_dir = data_dir;
  const fs::path marker = fs::path(data_dir) / "fixture.json";
  if (std::ifstream in(marker); in) {
    json j = json::parse(in, nullptr, false);
    if (!j.is_discarded() && j.value("options", json()) == options_json(o)) {
      f.requests = j.at("requests").get<std::vector<ItemId>>();
      f.build_seconds = j.at("build_seconds");
      return f;
    }
  }
  for (const char* name : {"kring.db", "kring.db-wal", "kring.db-shm", "fixture.json"}) {
    std::error_code ec;
    fs::remove(fs::path(data_dir) / name, ec);
  }
  fs::create_directories(data_dir);
  const auto started = std::chrono::steady_clock::now();
  {
    auto db = cli::open_data_dir(data_dir);
    if (!db) return std::move(db).error();
    auto conn = (*db)->lease();
    // The ties' two indexes take rows in random order: with SQLite's small
    // default cache every insert spills pages to the WAL (5 minutes for a
    // third of the rows); 2 GB keeps the B-trees in memory while building.
    conn->exec("PRAGMA cache_size = -2000000");
    std::mt19937_64 rng(o.seed);
    write_community(*conn, o, rng);
    f.requests = write_items(*conn, o, rng);
  }
  f.built = true;
  f.build_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::ofstream(marker) << json{
      {"options", options_json(o)},
      {"requests", f.requests},
      {"build_seconds",
       f.build_seconds}}.dump();
  return f;
}

}  // namespace kring::bench
