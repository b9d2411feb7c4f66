#pragma once
// Search over members (the expertise finder: name, bio, skills, interests,
// place), items and spaces, ranked by bm25 with prefix matching. Hits obey
// visibility exactly: a field, item or space the viewer may not see never
// matches. Thread-safe.

#include <string>
#include <variant>

#include "core/page.h"
#include "core/result.h"
#include "social/actor.h"
#include "social/item_view.h"
#include "social/member_view.h"
#include "social/spaces.h"
#include "store/database.h"

namespace kring::social {

enum class SearchType { kMembers, kItems, kSpaces };

using SearchHit = std::variant<MemberView, ItemView, SpaceView>;

class Search {
 public:
  explicit Search(store::Database& db) : db_(db) {}
  // Best match first; pages by offset among the rows that existed when
  // paging began (search.cpp says why not keyset).
  Result<Page<SearchHit>> find(const Actor& viewer, const std::string& q, const std::string& type,
                               const PageRequest& request);

 private:
  store::Database& db_;
};

}  // namespace kring::social
