// kring_feed_fixture: builds the feed benchmark's database (or finds it in
// the cache) and prints where it is and whom to log in as, for the HTTP
// benchmark. Sizes from the environment (feed_fixture.h).
#include <sodium.h>

#include <cstdio>
#include <iostream>

#include "feed_fixture.h"

int main() {
  if (sodium_init() < 0) return 1;
  auto options = kring::bench::fixture_options_from_env();
  auto dir = kring::bench::fixture_dir_from_env(options);
  auto fixture = kring::bench::open_feed_fixture(dir, options, [](double f) {
    std::fprintf(stderr, "\rbuilding feed fixture %3d%%", static_cast<int>(f * 100));
    if (f >= 1.0) std::fputc('\n', stderr);
  });
  if (!fixture) {
    std::cerr << "kring_feed_fixture: " << fixture.error().message << "\n";
    return 1;
  }
  std::cout << dir << "\n";
  return 0;
}
