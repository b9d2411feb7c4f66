// kring_items_fixture: builds the items benchmark's database (or finds it in
// the cache) and prints where it is, for the HTTP benchmark. Sizes from the
// environment (items_fixture.h).
#include <sodium.h>

#include <iostream>

#include "items_fixture.h"

int main() {
  if (sodium_init() < 0) return 1;
  std::string dir;
  if (!kring::bench::open_items_fixture_from_env("kring_items_fixture", dir)) return 1;
  std::cout << dir << "\n";
  return 0;
}
