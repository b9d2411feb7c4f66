#include "store/duplicate_repository.h"

#include "store/item_visibility_sql.h"

namespace kring::store {

void DuplicateRepository::mark(ItemId item, ItemId original, Micros now) {
  auto st = conn_.prepare(
      "INSERT INTO item_duplicates (item_id, original_id, marked_at) VALUES (?1, ?2, ?3) "
      "ON CONFLICT (item_id) DO UPDATE SET original_id = excluded.original_id, "
      "marked_at = excluded.marked_at");
  st.bind(1, item).bind(2, original).bind(3, now).run();
}

std::optional<ItemId> DuplicateRepository::original_of(ItemId item, MemberId viewer) {
  auto st = conn_.prepare(
      "SELECT i.id FROM item_duplicates d JOIN items i ON i.id = d.original_id "
      "WHERE d.item_id = ?2 AND " +
      std::string(kItemReadableSql));
  st.bind(1, viewer).bind(2, item);
  if (!st.step()) return std::nullopt;
  return st.int64(0);
}

std::vector<ItemId> DuplicateRepository::duplicates_of(ItemId original, MemberId viewer,
                                                       int limit) {
  auto st = conn_.prepare(
      "SELECT i.id FROM item_duplicates d JOIN items i ON i.id = d.item_id "
      "WHERE d.original_id = ?2 AND " +
      std::string(kItemReadableSql) + " ORDER BY i.id LIMIT ?3");
  st.bind(1, viewer).bind(2, original).bind(3, static_cast<std::int64_t>(limit));
  std::vector<ItemId> out;
  while (st.step()) out.push_back(st.int64(0));
  return out;
}

}  // namespace kring::store
