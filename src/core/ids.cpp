#include "core/ids.h"

#include <sodium.h>

#include <algorithm>

namespace kring {

std::int64_t first_id_at(Micros at) { return (std::max<Micros>(at, 0) / 1000) << kIdRandomBits; }

std::int64_t next_time_ordered_id(Micros at, std::int64_t newest) {
  constexpr std::uint32_t kSpan = 1u << kIdRandomBits;
  std::int64_t candidate = first_id_at(at) + randombytes_uniform(kSpan);
  if (candidate > newest) return candidate;
  return newest + 1 + randombytes_uniform(kSpan);
}

std::string unguessable_suffix() {
  static constexpr char kAlphabet[] = "abcdefghijklmnopqrstuvwxyz234567";
  std::string out(kUnguessableSuffixLength, 'a');
  for (char& c : out) c = kAlphabet[randombytes_uniform(32)];
  return out;
}

std::string unguessable_slug(std::string_view requested) {
  constexpr std::size_t kSlugMax = 40;
  std::string base(requested.substr(0, kSlugMax - 1 - kUnguessableSuffixLength));
  while (!base.empty() && base.back() == '-') base.pop_back();
  return base + "-" + unguessable_suffix();
}

}  // namespace kring
