// kring_matching_bench: GET /api/v1/items/{id}/matches for requests on the
// matching fixture (matching_fixture.h: 1M members), as the server answers
// it: social::Matches::find with the request's author as the viewer and the
// default limit (10 members, 10 offers), member and item views included.
// Every request of the fixture is timed once per round (the first round
// warms the cache and is not counted); prints the median, p90 and p99 per
// call, wall and thread CPU, with the machine's CPU model. The parts are
// timed too: social::match_members and social::match_items alone.
//
//   build/bench/matching/kring_matching_bench [DATA_DIR] [--rounds N]
#include <sodium.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <functional>
#include <iostream>
#include <string>
#include <vector>

#include "cli/data_dir.h"
#include "matching_fixture.h"
#include "social/match_finder.h"
#include "social/matches.h"
#include "store/item_repository.h"

namespace {

using namespace kring;

double thread_cpu_ms() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) * 1e-6;
}

double quantile(std::vector<double> v, double q) {
  std::sort(v.begin(), v.end());
  return v[static_cast<std::size_t>(q * static_cast<double>(v.size() - 1))];
}

std::string cpu_model() {
  std::ifstream in("/proc/cpuinfo");
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("model name", 0) == 0) return line.substr(line.find(':') + 2);
  }
  return "unknown";
}

struct Timing {
  std::vector<double> wall, cpu;
};

void report(const char* name, const Timing& t) {
  std::printf("| %-28s | %6zu | %7.2f | %7.2f | %7.2f | %7.2f |\n", name, t.wall.size(),
              quantile(t.wall, 0.5), quantile(t.wall, 0.9), quantile(t.wall, 0.99),
              quantile(t.cpu, 0.5));
}

template <typename Fn>
void time_once(Timing& t, Fn fn) {
  const double cpu0 = thread_cpu_ms();
  const auto wall0 = std::chrono::steady_clock::now();
  fn();
  t.wall.push_back(
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - wall0).count());
  t.cpu.push_back(thread_cpu_ms() - cpu0);
}

}  // namespace

int main(int argc, char** argv) {
  if (sodium_init() < 0) return 1;
  std::string data_dir = std::string(KRING_MATCHING_CACHE_DIR) + "/1m";
  int rounds = 3;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--rounds") == 0 && i + 1 < argc) {
      rounds = std::stoi(argv[++i]);
    } else {
      data_dir = argv[i];
    }
  }
  std::fprintf(stderr, "fixture in %s ...\n", data_dir.c_str());
  auto fixture = bench::open_matching_fixture(data_dir, {});
  if (!fixture) {
    std::cerr << fixture.error().message << "\n";
    return 1;
  }
  std::fprintf(stderr, "%s in %.0f s\n", fixture->built ? "built" : "reused",
               fixture->build_seconds);
  auto db = cli::open_data_dir(data_dir);
  if (!db) return 1;
  social::Matches matches(**db);
  std::vector<std::pair<ItemId, MemberId>> requests;
  std::size_t members_found = 0, offers_found = 0;
  {
    auto conn = (*db)->lease();
    store::ItemRepository items(*conn);
    for (ItemId id : fixture->requests) requests.emplace_back(id, items.find(id)->author_id);
  }
  Timing endpoint, members, offers;
  for (int round = 0; round <= rounds; ++round) {
    for (const auto& request : requests) {
      const ItemId id = request.first;
      const MemberId author = request.second;
      social::Actor actor{.id = author};
      Timing scratch;
      Timing& into = round == 0 ? scratch : endpoint;
      time_once(into, [&] {
        auto found = matches.find(actor, id, std::nullopt);
        if (!found) throw std::runtime_error(found.error().message);
        if (round == 1) {
          members_found += found->members.size();
          offers_found += found->items.size();
        }
      });
      if (round == 0) continue;
      auto conn = (*db)->lease();
      store::Transaction tx(*conn, store::Transaction::Kind::kRead);
      auto item = store::ItemRepository(*conn).find(id);
      time_once(members, [&] { social::match_members(*conn, *item, author, 10); });
      time_once(offers, [&] { social::match_items(*conn, *item, author, 10); });
    }
  }
  std::printf("matches for a request, 1M members (%zu requests x %d rounds), %s\n\n",
              requests.size(), rounds, cpu_model().c_str());
  std::printf("| %-28s | %6s | %7s | %7s | %7s | %7s |\n", "call", "calls", "p50 ms", "p90 ms",
              "p99 ms", "cpu p50");
  std::printf("|%s|%s|%s|%s|%s|%s|\n", std::string(30, '-').c_str(), std::string(8, '-').c_str(),
              std::string(9, '-').c_str(), std::string(9, '-').c_str(), std::string(9, '-').c_str(),
              std::string(9, '-').c_str());
  report("Matches::find (the endpoint)", endpoint);
  report("match_members", members);
  report("match_items", offers);
  std::printf("\nper request on average: %.1f members, %.1f offers\n",
              static_cast<double>(members_found) / static_cast<double>(requests.size()),
              static_cast<double>(offers_found) / static_cast<double>(requests.size()));
  return 0;
}
