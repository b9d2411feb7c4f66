#include "store/keyset.h"

#include <cstdint>
#include <limits>

namespace kring::store {

namespace {
constexpr int kMajorParam = 61;
constexpr int kIdParam = 62;
constexpr int kLimitParam = 63;
}  // namespace

std::string Keyset::after_cursor() const {
  // Appended piece by piece: GCC 12 warns (-Wrestrict, a false positive) on
  // literal + std::string chains here at -O2.
  std::string out;
  if (key_.major.empty()) {
    out.append(key_.id);
  } else {
    out.append("(").append(key_.major).append(", ").append(key_.id).append(")");
  }
  out.append(key_.order == SortOrder::kDescending ? " < " : " > ");
  if (key_.major.empty()) {
    out.append("?").append(std::to_string(kIdParam));
  } else {
    out.append("(?").append(std::to_string(kMajorParam)).append(", ?");
    out.append(std::to_string(kIdParam)).append(")");
  }
  return out;
}

std::string Keyset::order_and_limit() const {
  std::string_view dir = key_.order == SortOrder::kDescending ? " DESC" : "";
  std::string out = " ORDER BY ";
  if (!key_.major.empty()) out.append(key_.major).append(dir).append(", ");
  out.append(key_.id).append(dir).append(" LIMIT ?").append(std::to_string(kLimitParam));
  return out;
}

void Keyset::bind(Statement& st) const {
  // The first page starts beyond the last row in the list's order.
  std::int64_t edge = key_.order == SortOrder::kDescending
                          ? std::numeric_limits<std::int64_t>::max()
                          : std::numeric_limits<std::int64_t>::min();
  if (!key_.major.empty()) st.bind(kMajorParam, after_ ? after_->major : edge);
  st.bind(kIdParam, after_ ? after_->id : edge).bind(kLimitParam, limit_);
}

}  // namespace kring::store
