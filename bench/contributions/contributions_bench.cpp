// kring_contributions_bench: an initiative's progress per goal with 10,000
// pledges (issue 11: under 2 ms), at the social layer.
//
//   build/bench/contributions/kring_contributions_bench
//       --benchmark_repetitions=10 --benchmark_report_aggregates_only=true
//
// Rows:
//   progress_from_totals  social::initiative_progress, what an item view
//                         reads: the totals table kept by triggers (migration 17)
//   item_view             social::Items::view, the whole of GET /api/v1/items/{id}
//                         for a signed-in member (author, space, reactions,
//                         follows, progress, organisers, can)
//   progress_from_rows    for comparison: the same sums grouped from the
//                         10,000 contribution rows, what a view without the
//                         totals table would cost
//
// The fixture is built in a temporary directory on each run (a few
// seconds): 200 members, one initiative with a time, a money and an item
// goal, 10,000 contributions over the three goals and every status.
#include <benchmark/benchmark.h>
#include <sodium.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <random>
#include <stdexcept>
#include <string>

#include "social/initiative_progress.h"
#include "social/services.h"
#include "store/item_repository.h"
#include "store/migrations.h"

namespace {

constexpr int kMembers = 200;
constexpr int kPledges = 10000;
constexpr kring::ItemId kInitiative = 1000;

struct Context {
  std::filesystem::path dir;
  std::unique_ptr<kring::store::Database> db;
  std::unique_ptr<kring::social::Services> services;
  ~Context() {
    services.reset();
    db.reset();
    std::error_code ignored;
    std::filesystem::remove_all(dir, ignored);
  }
};

void build_fixture(kring::store::Connection& conn) {
  kring::store::apply_migrations(conn);
  kring::store::Transaction tx(conn, kring::store::Transaction::Kind::kWrite);
  auto member = conn.prepare(
      "INSERT INTO members (id, handle, email, password_hash, created_at, updated_at) "
      "VALUES (?1, ?2, ?3, 'x', 0, 0)");
  for (int i = 1; i <= kMembers; ++i) {
    char handle[16];
    char email[32];
    std::snprintf(handle, sizeof handle, "m%d", i);
    std::snprintf(email, sizeof email, "m%d@example.org", i);
    member.bind(1, i).bind(2, handle).bind(3, email).run();
  }
  conn.exec(
      "INSERT INTO items (id, kind, author_id, visibility, title, body, html, status, "
      "created_at) VALUES (1000, 'initiative', 1, 'public', 'Paint the centre', 'b', 'b', "
      "'open', 0);"
      "INSERT INTO item_goals (item_id, position, kind, target, label) VALUES "
      "(1000, 0, 'time', 400, ''), (1000, 1, 'money', 20000000, ''), (1000, 2, 'item', 50, "
      "'ladders');");
  static constexpr const char* kGoalKinds[] = {"time", "money", "item"};
  static constexpr const char* kStatuses[] = {"pledged",  "delivered", "confirmed",
                                              "declined", "withdrawn", "void"};
  std::mt19937 rng(11);
  auto pledge = conn.prepare(
      "INSERT INTO contributions (id, item_id, giver_id, receiver_id, kind, amount, "
      "goal_position, status, created_at) VALUES (?1, 1000, ?2, 1, ?3, ?4, ?5, ?6, ?7)");
  for (int i = 1; i <= kPledges; ++i) {
    const int goal = static_cast<int>(rng() % 3);
    const std::int64_t amount = goal == 1 ? 100 + rng() % 10000 : 1 + rng() % 8;
    pledge.bind(1, i).bind(2, 2 + static_cast<int>(rng() % (kMembers - 1)));
    pledge.bind(3, kGoalKinds[goal]).bind(4, amount).bind(5, goal);
    pledge.bind(6, kStatuses[rng() % 6]).bind(7, i).run();
  }
  tx.commit();
}

Context& context() {
  static Context made;
  if (made.db) return made;
  if (sodium_init() < 0) throw std::runtime_error("sodium_init failed");
  char tmpl[] = "/tmp/kring-contributions-bench-XXXXXX";
  if (!mkdtemp(tmpl)) throw std::runtime_error("mkdtemp failed");
  made.dir = tmpl;
  made.db = std::make_unique<kring::store::Database>((made.dir / "kring.db").string());
  {
    auto conn = made.db->lease();
    build_fixture(*conn);
  }
  made.services = std::make_unique<kring::social::Services>(*made.db);
  return made;
}

kring::Item initiative(kring::store::Connection& conn) {
  auto item = kring::store::ItemRepository(conn).find(kInitiative);
  if (!item) throw std::runtime_error("the fixture has no initiative");
  return std::move(*item);
}

void progress_from_totals(benchmark::State& state) {
  auto conn = context().db->lease();
  std::int64_t pledged = 0;
  for (auto _ : state) {
    kring::store::Transaction tx(*conn, kring::store::Transaction::Kind::kRead);
    auto item = initiative(*conn);
    auto progress = kring::social::initiative_progress(*conn, item);
    pledged = progress[0].pledged;
    benchmark::DoNotOptimize(progress);
  }
  state.counters["time_pledged"] = static_cast<double>(pledged);
}
BENCHMARK(progress_from_totals)->Unit(benchmark::kMillisecond);

void item_view(benchmark::State& state) {
  kring::social::Actor viewer{2, kring::MemberRole::kMember};
  for (auto _ : state) {
    auto view = context().services->items.view(viewer, kInitiative);
    if (!view || view->progress.size() != 3) throw std::runtime_error("no progress in the view");
    benchmark::DoNotOptimize(view);
  }
}
BENCHMARK(item_view)->Unit(benchmark::kMillisecond);

void progress_from_rows(benchmark::State& state) {
  auto conn = context().db->lease();
  std::int64_t pledged = 0;
  for (auto _ : state) {
    kring::store::Transaction tx(*conn, kring::store::Transaction::Kind::kRead);
    auto st = conn->prepare(
        "SELECT goal_position, sum(amount) FROM contributions WHERE item_id = ?1 "
        "AND status IN ('pledged', 'delivered', 'confirmed') GROUP BY goal_position");
    st.bind(1, kInitiative);
    while (st.step()) {
      if (st.int64(0) == 0) pledged = st.int64(1);
    }
  }
  state.counters["time_pledged"] = static_cast<double>(pledged);
}
BENCHMARK(progress_from_rows)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
