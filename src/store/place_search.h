#pragma once
// The addresses on items a viewer may read (the items' read rule,
// store/item_visibility_sql.h), matching typed text: the offline stand-in
// for a geocoder in the location picker. Runs inside the caller's
// transaction.

#include <string>
#include <string_view>
#include <vector>

#include "core/member.h"
#include "store/database.h"

namespace kring::store {

struct PlaceHit {
  std::string address;
  double lat = 0;
  double lon = 0;
};

// Distinct addresses (compared without ASCII case) containing `text`
// (without ASCII case), those starting with it first, then the newest; each
// with the point of the newest readable item that carries it. At most
// `limit`. REQUIRES: text is not empty.
std::vector<PlaceHit> search_places(Connection& conn, MemberId viewer, std::string_view text,
                                    int limit);

}  // namespace kring::store
