#include "social/search.h"

#include "core/validation.h"
#include "social/capabilities.h"
#include "social/policy.h"
#include "store/item_repository.h"
#include "store/member_repository.h"
#include "store/search_repository.h"
#include "store/space_repository.h"

namespace kring::social {

namespace {
void fill_hit_can(StandingCache& standing, ItemView& view) { fill_can(standing, view); }
void fill_hit_can(StandingCache& standing, SpaceView& view) { fill_can(standing.actor(), view); }
void fill_hit_can(StandingCache& standing, MemberView& view) { fill_can(standing.actor(), view); }
}  // namespace

Result<Page<SearchHit>> Search::find(const Actor& viewer, const std::string& q,
                                     const std::string& type, const std::string& cursor,
                                     int limit) {
  KRING_TRY(decide(viewer, Action::kSearch));
  KRING_TRY(validate_text("q", q, 200, false));
  std::string query = store::fts_query(q);
  if (query.empty()) return Error::invalid("missing_query", "q must contain at least one word");
  SearchType kind;
  if (type == "members" || type.empty()) {
    kind = SearchType::kMembers;
  } else if (type == "items") {
    kind = SearchType::kItems;
  } else if (type == "spaces") {
    kind = SearchType::kSpaces;
  } else {
    return Error::invalid("invalid_type", "type must be members, items or spaces");
  }
  int offset = 0;
  if (!cursor.empty()) {
    auto key = decode_cursor(cursor);
    if (!key) return std::move(key).error();
    if (key->time < 0 || key->time > 10'000) {
      return Error::invalid("invalid_cursor", "cursor is not one this server issued");
    }
    offset = static_cast<int>(key->time);
  }
  auto conn = db_.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kRead);
  store::SearchRepository search(*conn);
  Page<SearchHit> page;
  std::vector<std::int64_t> ids;
  switch (kind) {
    case SearchType::kMembers: ids = search.members(viewer.id, query, offset, limit + 1); break;
    case SearchType::kItems: ids = search.items(viewer.id, query, offset, limit + 1); break;
    case SearchType::kSpaces: ids = search.spaces(viewer.id, query, offset, limit + 1); break;
  }
  bool more = static_cast<int>(ids.size()) > limit;
  if (more) ids.pop_back();
  for (auto id : ids) {
    if (kind == SearchType::kMembers) {
      if (auto m = store::MemberRepository(*conn).find_by_id(id)) {
        page.items.emplace_back(view_member(*conn, viewer.id, std::move(*m), false));
      }
    } else if (kind == SearchType::kItems) {
      if (auto item = store::ItemRepository(*conn).find(id)) {
        page.items.emplace_back(view_item(*conn, viewer.id, std::move(*item)));
      }
    } else {
      store::SpaceRepository spaces(*conn);
      if (auto s = spaces.find_by_id(id)) {
        std::optional<Membership> m;
        if (viewer.signed_in()) m = spaces.membership(id, viewer.id);
        page.items.emplace_back(SpaceView{std::move(*s), m});
      }
    }
  }
  if (more) page.next_cursor = encode_cursor({offset + limit, 0});
  StandingCache standing(*conn, viewer);
  for (auto& hit : page.items) {
    std::visit([&](auto& view) { fill_hit_can(standing, view); }, hit);
  }
  return page;
}

}  // namespace kring::social
