#include "store/place_search.h"

#include <algorithm>
#include <cctype>

#include "store/item_visibility_sql.h"

namespace kring::store {

namespace {

// Rows read to find `limit` distinct addresses: items repeating one
// address (many reports at one crossing) must not crowd out the others,
// and the scan stays bounded.
constexpr int kRowsPerHit = 25;

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

}  // namespace

std::vector<PlaceHit> search_places(Connection& conn, MemberId viewer, std::string_view text,
                                    int limit) {
  // instr() over lower(): a substring test without LIKE's wildcards, so
  // '%' and '_' typed by a member match themselves.
  auto st = conn.prepare(
      "SELECT i.address, i.lat, i.lon FROM items i WHERE " + kItemReadableSql +
      " AND i.address IS NOT NULL AND i.address != '' AND i.lat IS NOT NULL"
      " AND instr(lower(i.address), ?2) > 0"
      " ORDER BY instr(lower(i.address), ?2) = 1 DESC, i.id DESC LIMIT ?3");
  st.bind(1, viewer).bind(2, ascii_lower(text)).bind(3, limit * kRowsPerHit);
  std::vector<PlaceHit> out;
  std::vector<std::string> seen;
  while (st.step() && static_cast<int>(out.size()) < limit) {
    std::string address = st.text(0);
    std::string key = ascii_lower(address);
    if (std::find(seen.begin(), seen.end(), key) != seen.end()) continue;
    seen.push_back(std::move(key));
    out.push_back({std::move(address), st.real(1), st.real(2)});
  }
  return out;
}

}  // namespace kring::store
