// kring_items_bench: the three queries of issue 10's speed paragraph on the
// items fixture (items_fixture.h: 1M items), each as the server runs it,
// with `reader` as the viewer:
//   map    store::list_item_ids with a GeoBox of a 2 km by 2 km district
//          (bench/items/dutch_places.h), sort new, 100 and 1,000 rows;
//          the same box as a visitor; and social::ItemListing::list, the
//          whole GET /api/v1/items?bbox=... call (filters, policy, item
//          views), at its largest page (100);
//   ideas  the municipality's ideas board, ItemSort::kVotes, first page
//          and page 50 by cursor, all statuses (the board's default) and
//          open only; store and social layers;
//   similar the duplicate check before a report to the municipality is
//          posted: store::similar_open_items by category and place (waste,
//          at the Kanaalstraat in Lombok), by the title's text, and both,
//          and social::SimilarItems::find (GET /api/v1/items/similar);
// Every row also reports per-call percentiles of its iterations: wall
// (p50_ms, p90_ms, p99_ms) and the thread's CPU time (cpu_p50_ms,
// cpu_p99_ms), which a busy machine does not inflate.
//
//   build-bench/bench/items/kring_items_bench [--benchmark_filter=map]
//   build-bench/bench/items/kring_items_bench --explain   # SQLite's plan of each store query
#include <benchmark/benchmark.h>
#include <sodium.h>
#include <sqlite3.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <iostream>
#include <memory>
#include <stdexcept>
#include <string_view>
#include <vector>

#include "cli/data_dir.h"
#include "dutch_places.h"
#include "items_fixture.h"
#include "social/item_listing.h"
#include "social/similar_items.h"
#include "store/item_listing.h"
#include "store/similar_items.h"
#include "store/member_repository.h"
#include "store/space_repository.h"

namespace {

using kring::social::Actor;
using kring::social::ItemListingRequest;
using kring::store::ItemListingQuery;
using kring::store::ItemSort;

constexpr int kBoardPage = 20;  // the ideas board's page (web/src/pages/ideas.tsx)
constexpr int kDeepPage = 50;

struct Context {
  kring::bench::ItemsFixture fixture;
  std::unique_ptr<kring::store::Database> db;
  std::unique_ptr<kring::social::ItemListing> listing;
  std::unique_ptr<kring::social::SimilarItems> similar;
  Actor viewer;
  kring::SpaceId municipality = 0;
};

Context& context() {
  static Context c;
  return c;
}

double thread_cpu_ms() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) * 1e-6;
}

// The q-quantile of sorted values (nearest rank below).
double quantile(const std::vector<double>& sorted, double q) {
  return sorted[static_cast<std::size_t>(q * static_cast<double>(sorted.size() - 1))];
}

// Times each call on its own as well, for percentiles of single calls.
void time_calls(benchmark::State& state, const std::function<std::size_t()>& call) {
  std::vector<double> wall, cpu;
  std::size_t rows = 0;
  for (auto _ : state) {
    auto start = std::chrono::steady_clock::now();
    double cpu_start = thread_cpu_ms();
    rows = call();
    cpu.push_back(thread_cpu_ms() - cpu_start);
    wall.push_back(
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
            .count());
  }
  std::sort(wall.begin(), wall.end());
  std::sort(cpu.begin(), cpu.end());
  state.counters["p50_ms"] = quantile(wall, 0.5);
  state.counters["p90_ms"] = quantile(wall, 0.9);
  state.counters["p99_ms"] = quantile(wall, 0.99);
  state.counters["cpu_p50_ms"] = quantile(cpu, 0.5);
  state.counters["cpu_p99_ms"] = quantile(cpu, 0.99);
  state.counters["items"] = static_cast<double>(rows);
}

std::vector<kring::store::ListedItem> store_list(const ItemListingQuery& q) {
  auto conn = context().db->lease();
  kring::store::Transaction tx(*conn, kring::store::Transaction::Kind::kRead);
  return kring::store::list_item_ids(*conn, q);
}

kring::Page<kring::social::ItemView> server_list(const ItemListingRequest& r) {
  auto page = context().listing->list(context().viewer, r);
  if (!page) throw std::runtime_error("listing failed: " + page.error().message);
  return std::move(*page);
}

void add(const std::string& name, std::function<void(benchmark::State&)> fn) {
  benchmark::RegisterBenchmark(name.c_str(), std::move(fn))->Unit(benchmark::kMicrosecond);
}

// --explain: the store queries' plans instead of their times.
bool explain_only = false;

// Runs q once, then asks SQLite for the plan of the listing statement it
// prepared (the cached statement that selects i.id, i.vote_count).
void explain(const std::string& name, const ItemListingQuery& q) {
  auto conn = context().db->lease();
  kring::store::Transaction tx(*conn, kring::store::Transaction::Kind::kRead);
  kring::store::list_item_ids(*conn, q);
  sqlite3* db = conn->raw();
  for (sqlite3_stmt* st = sqlite3_next_stmt(db, nullptr); st; st = sqlite3_next_stmt(db, st)) {
    std::string_view sql = sqlite3_sql(st);
    if (!sql.starts_with("SELECT i.id, i.vote_count FROM")) continue;
    std::cout << "== " << name << "\n" << sql << "\n";
    sqlite3_stmt* plan = nullptr;
    std::string text = "EXPLAIN QUERY PLAN " + std::string(sql);
    sqlite3_prepare_v2(db, text.c_str(), -1, &plan, nullptr);
    while (sqlite3_step(plan) == SQLITE_ROW) {
      std::cout << "  " << sqlite3_column_int(plan, 1) << " "
                << reinterpret_cast<const char*>(sqlite3_column_text(plan, 3)) << "\n";
    }
    sqlite3_finalize(plan);
    return;
  }
}

void add_store(const std::string& name, const ItemListingQuery& q) {
  if (explain_only) explain(name, q);
  add(name, [q](benchmark::State& s) { time_calls(s, [&] { return store_list(q).size(); }); });
}

void add_server(const std::string& name, const ItemListingRequest& r) {
  add(name, [r](benchmark::State& s) { time_calls(s, [&] { return server_list(r).items.size(); }); });
}

std::string bbox_text(const kring::store::GeoBox& b) {
  char text[128];
  std::snprintf(text, sizeof text, "%.6f,%.6f,%.6f,%.6f", b.min_lat, b.min_lon, b.max_lat,
                b.max_lon);
  return text;
}

void register_map() {
  for (const auto& d : kring::bench::timed_districts()) {
    std::string name = "map/" + std::string(d.name);
    ItemListingQuery q;
    q.viewer = context().viewer.id;
    q.bbox = d.box;
    q.limit = 101;  // a page of 100, and the row saying there is more
    add_store(name + "/new/limit_100", q);
    q.limit = 1000;
    add_store(name + "/new/limit_1000", q);
    q.limit = 101;
    q.viewer = 0;
    add_store(name + "/new/limit_100/anonymous", q);
    ItemListingRequest r;
    r.bbox = bbox_text(d.box);
    r.page.limit = kring::kMaxPageSize;
    add_server(name + "/new/limit_100/server", r);
  }
}

// The store's keys after `pages` pages of the board, checking on the way
// that (votes, id) strictly descend: nothing repeats across pages.
kring::CursorKey store_cursor_after(ItemListingQuery q, int pages) {
  kring::CursorKey last{INT64_MAX, INT64_MAX};
  for (int p = 0; p < pages; ++p) {
    auto rows = store_list(q);
    if (static_cast<int>(rows.size()) < q.limit) throw std::runtime_error("board ended early");
    rows.pop_back();  // the extra row, as the pager drops it
    for (const auto& r : rows) {
      if (std::pair(r.key, r.id) >= std::pair(last.major, last.id)) {
        throw std::runtime_error("board pages out of order");
      }
      last = {r.key, r.id};
    }
    q.after = last;
  }
  return last;
}

std::string server_cursor_after(ItemListingRequest r, int pages) {
  for (int p = 0; p < pages; ++p) {
    auto page = server_list(r);
    if (!page.next_cursor) throw std::runtime_error("board ended before the deep page");
    r.page.cursor = *page.next_cursor;
  }
  return r.page.cursor;
}

void register_board() {
  const auto& c = context();
  for (std::string status : {"", "open"}) {
    std::string name = "ideas/votes" + (status.empty() ? "" : "/status_" + status);
    ItemListingQuery q;
    q.viewer = c.viewer.id;
    q.kind = "idea";
    q.space = c.municipality;
    if (!status.empty()) q.status = status;
    q.sort = ItemSort::kVotes;
    q.limit = kBoardPage + 1;
    ItemListingQuery deep = q;
    deep.after = store_cursor_after(q, kDeepPage - 1);
    add_store(name + "/first_page", q);
    add_store(name + "/page_50", deep);
    ItemListingRequest r;
    r.kind = "idea";
    r.space = c.fixture.municipality;
    if (!status.empty()) r.status = status;
    r.sort = "votes";
    r.page.limit = kBoardPage;
    ItemListingRequest deep_r = r;
    deep_r.page.cursor = server_cursor_after(r, kDeepPage - 1);
    add_server(name + "/first_page/server", r);
    add_server(name + "/page_50/server", deep_r);
  }
}

// A waste report on the Kanaalstraat, as the report form asks before it is
// posted; its title words repeat in thousands of the fixture's titles.
constexpr double kKanaalstraatLat = 52.0907;
constexpr double kKanaalstraatLon = 5.1035;
constexpr std::string_view kReportTitle = "Volle container in de Kanaalstraat";

void register_similar() {
  const auto& c = context();
  kring::store::SimilarItemsQuery place;
  place.viewer = c.viewer.id;
  place.kind = "report";
  place.space = c.municipality;
  place.category = "waste";
  place.lat = kKanaalstraatLat;
  place.lon = kKanaalstraatLon;
  kring::store::SimilarItemsQuery text = place;
  text.category.reset();
  text.lat.reset();
  text.lon.reset();
  text.text = std::string(kReportTitle);
  kring::store::SimilarItemsQuery both = place;
  both.text = std::string(kReportTitle);
  for (const auto& [name, q] : {std::pair{"place_category", place}, std::pair{"text", text},
                                std::pair{"place_category_text", both}}) {
    add(std::string("similar/") + name, [q](benchmark::State& s) {
      time_calls(s, [&] {
        auto conn = context().db->lease();
        kring::store::Transaction tx(*conn, kring::store::Transaction::Kind::kRead);
        return kring::store::similar_open_items(*conn, q).size();
      });
    });
  }
  kring::social::SimilarItemsRequest r;
  r.kind = "report";
  r.space = c.fixture.municipality;
  r.category = "waste";
  r.place = kring::ItemLocation{kKanaalstraatLat, kKanaalstraatLon, {}};
  r.text = std::string(kReportTitle);
  add("similar/place_category_text/server", [r](benchmark::State& s) {
    time_calls(s, [&] {
      auto found = context().similar->find(context().viewer, r);
      if (!found) throw std::runtime_error("similar failed: " + found.error().message);
      return found->items.size();
    });
  });
}

Actor actor_of(const std::string& handle) {
  auto conn = context().db->lease();
  kring::store::Transaction tx(*conn, kring::store::Transaction::Kind::kRead);
  auto m = kring::store::MemberRepository(*conn).find_by_handle(handle);
  if (!m) throw std::runtime_error("fixture has no member " + handle);
  return Actor{m->id, m->role};
}

kring::SpaceId space_id_of(const std::string& slug) {
  auto conn = context().db->lease();
  kring::store::Transaction tx(*conn, kring::store::Transaction::Kind::kRead);
  auto s = kring::store::SpaceRepository(*conn).find_by_slug(slug);
  if (!s) throw std::runtime_error("fixture has no space " + slug);
  return s->id;
}

}  // namespace

int main(int argc, char** argv) {
  if (sodium_init() < 0) return 1;
  for (int i = 1; i < argc; ++i) {
    if (std::string_view(argv[i]) == "--explain") {
      explain_only = true;
      std::copy(argv + i + 1, argv + argc, argv + i);
      --argc;
      break;
    }
  }
  benchmark::Initialize(&argc, argv);
  std::string dir;
  auto fixture = kring::bench::open_items_fixture_from_env("kring_items_bench", dir);
  if (!fixture) return 1;
  auto& c = context();
  c.fixture = *fixture;
  // Through the data dir like `kring serve`: pending migrations apply to a
  // cached fixture before anything is timed.
  auto db = kring::cli::open_data_dir(dir);
  if (!db) {
    std::cerr << "kring_items_bench: " << db.error().message << "\n";
    return 1;
  }
  c.db = std::move(*db);
  c.listing = std::make_unique<kring::social::ItemListing>(*c.db);
  c.similar = std::make_unique<kring::social::SimilarItems>(*c.db);
  benchmark::AddCustomContext("fixture", dir);
  benchmark::AddCustomContext("fixture_items", std::to_string(c.fixture.items));
  if (c.fixture.built) {
    benchmark::AddCustomContext("fixture_build_seconds", std::to_string(c.fixture.build_seconds));
  }
  try {
    c.viewer = actor_of(c.fixture.viewer);
    c.municipality = space_id_of(c.fixture.municipality);
    register_map();
    register_board();
    register_similar();
    if (!explain_only) benchmark::RunSpecifiedBenchmarks();
  } catch (const std::exception& e) {
    std::cerr << "kring_items_bench: " << e.what() << "\n";
    return 1;
  }
  benchmark::Shutdown();
  return 0;
}
