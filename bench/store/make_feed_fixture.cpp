// kring_feed_fixture: builds the feed benchmark's database (or finds it in
// the cache) and prints where it is and whom to log in as, for the HTTP
// benchmark. Sizes from the environment (feed_fixture.h).
#include <sodium.h>

#include <iostream>

#include "feed_fixture.h"

int main() {
  if (sodium_init() < 0) return 1;
  std::string dir;
  if (!kring::bench::open_feed_fixture_from_env("kring_feed_fixture", dir)) return 1;
  std::cout << dir << "\n";
  return 0;
}
