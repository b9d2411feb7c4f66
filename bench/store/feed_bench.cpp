// kring_feed_bench: server time of one feed page at the social layer — the
// call GET /api/v1/feeds/... makes (social::Feeds::read: read rule, mutes,
// blocks, cursor, and the item views with author, space and reactions) — on
// the feed fixture (feed_fixture.h: 1M items by default).
//
//   build-bench/bench/store/kring_feed_bench [--benchmark_filter=home]
//
// Rows: home first page and page 50 (cursor after 980 items) for the reader
// (follows 1,000, 150 connections, 50 spaces) and the sparse reader (the
// same counts over the quietest members and spaces), the public, space,
// member and tag feeds for comparison; each with a sql_only row, the feed's
// query alone (store::ItemRepository::feed), to split SQL from item views.
#include <benchmark/benchmark.h>
#include <sodium.h>

#include <cstdio>
#include <functional>
#include <iostream>
#include <memory>
#include <stdexcept>

#include "cli/data_dir.h"
#include "feed_fixture.h"
#include "social/feeds.h"
#include "store/member_repository.h"
#include "store/space_repository.h"

namespace {

using kring::social::Actor;
using kring::social::FeedRequest;
using kring::store::FeedKind;

constexpr int kLimit = 20;
constexpr int kDeepPage = 50;

struct Context {
  kring::bench::FeedFixture fixture;
  std::unique_ptr<kring::store::Database> db;
  std::unique_ptr<kring::social::Feeds> feeds;
};

Context& context() {
  static Context c;
  return c;
}

Actor actor_of(const std::string& handle) {
  auto conn = context().db->lease();
  kring::store::Transaction tx(*conn, kring::store::Transaction::Kind::kRead);
  auto m = kring::store::MemberRepository(*conn).find_by_handle(handle);
  if (!m) throw std::runtime_error("fixture has no member " + handle);
  return Actor{m->id, m->role};
}

kring::Page<kring::social::ItemView> read_page(const Actor& viewer, const FeedRequest& request) {
  auto page = context().feeds->read(viewer, request);
  if (!page) throw std::runtime_error("feed failed: " + page.error().message);
  return std::move(*page);
}

// Walks `pages` pages and checks on the way that ids strictly descend across
// page boundaries (nothing repeats; check_home_feed.py checks that nothing
// is skipped). Returns the cursor after them.
std::string cursor_after(const Actor& viewer, FeedRequest request, int pages) {
  std::int64_t last = INT64_MAX;
  for (int p = 0; p < pages; ++p) {
    auto page = read_page(viewer, request);
    for (const auto& v : page.items) {
      if (v.item.id >= last) throw std::runtime_error("feed pages out of order");
      last = v.item.id;
    }
    if (!page.next_cursor) throw std::runtime_error("feed ended before the deep page");
    request.page.cursor = *page.next_cursor;
  }
  return request.page.cursor;
}

void time_feed(benchmark::State& state, const Actor& viewer, const FeedRequest& request) {
  std::size_t items = 0;
  for (auto _ : state) {
    auto page = read_page(viewer, request);
    items = page.items.size();
    benchmark::DoNotOptimize(page);
  }
  state.counters["items"] = static_cast<double>(items);
}

// The feed's SQL alone (store::ItemRepository::feed, one row more than the
// page, as Feeds::read asks), to split query time from item views.
void time_store_query(benchmark::State& state, const kring::store::FeedQuery& q) {
  for (auto _ : state) {
    auto conn = context().db->lease();
    kring::store::Transaction tx(*conn, kring::store::Transaction::Kind::kRead);
    auto rows = kring::store::ItemRepository(*conn).feed(q);
    benchmark::DoNotOptimize(rows);
  }
}

kring::store::FeedQuery store_query(FeedKind kind, const Actor& viewer, std::int64_t target,
                                    const std::string& tag) {
  kring::store::FeedQuery q;
  q.kind = kind;
  q.viewer = viewer.id;
  q.target = target;
  q.tag = tag;
  q.limit = kLimit + 1;
  return q;
}

std::int64_t space_id_of(const std::string& slug) {
  auto conn = context().db->lease();
  kring::store::Transaction tx(*conn, kring::store::Transaction::Kind::kRead);
  auto s = kring::store::SpaceRepository(*conn).find_by_slug(slug);
  if (!s) throw std::runtime_error("fixture has no space " + slug);
  return s->id;
}

void add(const std::string& name, std::function<void(benchmark::State&)> fn) {
  benchmark::RegisterBenchmark(name.c_str(), std::move(fn))->Unit(benchmark::kMicrosecond);
}

void register_home(const std::string& name, const Actor& viewer) {
  FeedRequest first{FeedKind::kHome, "", {"", kLimit}};
  FeedRequest deep = first;
  deep.page.cursor = cursor_after(viewer, first, kDeepPage - 1);
  auto q = store_query(FeedKind::kHome, viewer, 0, "");
  add("home/" + name + "/first_page", [=](benchmark::State& s) { time_feed(s, viewer, first); });
  add("home/" + name + "/page_50", [=](benchmark::State& s) { time_feed(s, viewer, deep); });
  add("home/" + name + "/first_page/sql_only",
      [=](benchmark::State& s) { time_store_query(s, q); });
}

void register_all() {
  const auto& f = context().fixture;
  Actor reader = actor_of(f.reader);
  register_home("reader", reader);
  register_home("sparse_reader", actor_of(f.sparse_reader));
  struct Other {
    std::string name;
    FeedRequest request;
    kring::store::FeedQuery query;
  };
  const Other others[] = {
      {"public",
       {FeedKind::kPublic, "", {"", kLimit}},
       store_query(FeedKind::kPublic, reader, 0, "")},
      {"space",
       {FeedKind::kSpace, f.space, {"", kLimit}},
       store_query(FeedKind::kSpace, reader, space_id_of(f.space), "")},
      {"member",
       {FeedKind::kMember, f.member, {"", kLimit}},
       store_query(FeedKind::kMember, reader, actor_of(f.member).id, "")},
      {"tag", {FeedKind::kTag, f.tag, {"", kLimit}}, store_query(FeedKind::kTag, reader, 0, f.tag)},
  };
  for (const auto& o : others) {
    FeedRequest r = o.request;
    kring::store::FeedQuery q = o.query;
    add(o.name + "/first_page", [=](benchmark::State& s) { time_feed(s, reader, r); });
    add(o.name + "/first_page/sql_only", [=](benchmark::State& s) { time_store_query(s, q); });
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (sodium_init() < 0) return 1;
  benchmark::Initialize(&argc, argv);
  std::string dir;
  auto fixture = kring::bench::open_feed_fixture_from_env("kring_feed_bench", dir);
  if (!fixture) return 1;
  auto& c = context();
  c.fixture = *fixture;
  // Through the data dir like `kring serve`: pending migrations (a new
  // index) apply to a cached fixture before anything is timed.
  auto db = kring::cli::open_data_dir(dir);
  if (!db) {
    std::cerr << "kring_feed_bench: " << db.error().message << "\n";
    return 1;
  }
  c.db = std::move(*db);
  c.feeds = std::make_unique<kring::social::Feeds>(*c.db);
  benchmark::AddCustomContext("fixture", dir);
  benchmark::AddCustomContext("fixture_items", std::to_string(c.fixture.items));
  if (c.fixture.built) {
    benchmark::AddCustomContext("fixture_build_seconds", std::to_string(c.fixture.build_seconds));
  }
  try {
    register_all();
    benchmark::RunSpecifiedBenchmarks();
  } catch (const std::exception& e) {
    std::cerr << "kring_feed_bench: " << e.what() << "\n";
    return 1;
  }
  benchmark::Shutdown();
  return 0;
}
