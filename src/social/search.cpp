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
                                     const std::string& type, const PageRequest& request) {
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
  // Ranked search pages by offset, not keyset. bm25 scores depend on the
  // whole index (how many rows, their average length, how many hold each
  // word), so every post rescales every score: a cursor holding the last
  // score served would compare it with scores computed on another index and
  // skip or repeat rows without bound, while the order among the rows
  // themselves barely moves. The cursor is (offset, newest id when paging
  // began): rows added since are left out of later pages, so new posts,
  // however well they match, do not shift the pages being walked.
  auto pager = Pager::open(list_name({"search", type, q}), request);
  if (!pager) return std::move(pager).error();
  auto conn = db_.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kRead);
  store::SearchRepository search(*conn);
  static constexpr store::SearchTable kTables[] = {
      store::SearchTable::kMembers, store::SearchTable::kItems, store::SearchTable::kSpaces};
  store::RankWindow window{0, pager->fetch(), 0};
  if (pager->after()) {
    window.offset = static_cast<int>(pager->after()->major);
    window.newest = pager->after()->id;
  } else {
    window.newest = search.newest_id(kTables[static_cast<std::size_t>(kind)]);
  }
  std::vector<std::int64_t> ids;
  switch (kind) {
    case SearchType::kMembers:
      ids = search.members(viewer.id, query, window);
      break;
    case SearchType::kItems:
      ids = search.items(viewer.id, query, window);
      break;
    case SearchType::kSpaces:
      ids = search.spaces(viewer.id, query, window);
      break;
  }
  Page<SearchHit> page;
  if (pager->trim(ids)) {
    page.next_cursor = pager->cursor_after({window.offset + pager->limit(), window.newest});
  }
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
  StandingCache standing(*conn, viewer);
  for (auto& hit : page.items) {
    std::visit([&](auto& view) { fill_hit_can(standing, view); }, hit);
  }
  return page;
}

}  // namespace kring::social
