#pragma once
// Paging, the same for every list (DESIGN.md: lists page with `limit` and an
// opaque `cursor`; a page is {"items": [...], "next_cursor": ...|null}, null
// on the last page). The layers split the work:
//   http/page_request.h  reads limit and cursor from the query string;
//   core (here)          checks them, and cuts the fetched rows into a page
//                        and the cursor of the next (core/cursor.h);
//   store/keyset.h       turns the cursor into the list's keyset condition,
//                        ORDER BY and LIMIT;
//   http/page_json.h     writes the page.
// A list keyset-pages on its sort key (a major column and the row's unique
// id), so pages never repeat or skip a row while others insert; a list that
// cannot (ranked search) says why where it pages, and still goes through
// the same request, cut and shape.

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "core/cursor.h"
#include "core/result.h"

namespace kring {

// Page size rules shared by every list: default 20, 1..100.
inline constexpr int kDefaultPageSize = 20;
inline constexpr int kMaxPageSize = 100;

// What a caller asked for: the cursor as received (empty on the first page)
// and the page size.
struct PageRequest {
  std::string cursor;
  int limit = kDefaultPageSize;
};

template <typename T>
struct Page {
  std::vector<T> items;
  std::optional<std::string> next_cursor;
};

// 400 invalid_limit unless 1 <= limit <= kMaxPageSize.
Status check_page_limit(int limit);

// A list's name for its cursors (Pager::open): the list, then each parameter
// that selects its rows, each part length-prefixed so that no two lists'
// parts run together into the same name ("a", "b/c" vs "a/b", "c").
std::string list_name(std::initializer_list<std::string_view> parts);

namespace page_detail {
template <typename T>
struct Unwrap {
  using type = T;
};
template <typename T>
struct Unwrap<std::optional<T>> {
  using type = T;
};
template <typename T>
bool present(const T&) {
  return true;
}
template <typename T>
bool present(const std::optional<T>& v) {
  return v.has_value();
}
template <typename T>
T&& unwrap(T&& v) {
  return std::forward<T>(v);
}
template <typename T>
T&& unwrap(std::optional<T>&& v) {
  return std::move(*v);
}
}  // namespace page_detail

// One read of one list. Opened on the request, it says where the page
// starts (after()) and how many rows to fetch (fetch(): one more than the
// page, the extra row saying that a next page exists); page() then cuts the
// fetched rows into the page and its next cursor.
class Pager {
 public:
  // `list` names the list and the parameters that select its rows (see
  // encode_cursor): a cursor issued for anything else is 400 invalid_cursor.
  static Result<Pager> open(std::string list, const PageRequest& request);

  // The key of the last row of the previous page; nullopt on the first page.
  const std::optional<CursorKey>& after() const { return after_; }
  int limit() const { return limit_; }
  int fetch() const { return limit_ + 1; }

  // Drops the row fetched beyond the page; true when there was one.
  template <typename Row>
  bool trim(std::vector<Row>& rows) const {
    if (static_cast<int>(rows.size()) <= limit_) return false;
    rows.resize(static_cast<std::size_t>(limit_));
    return true;
  }

  // The cursor of the page that follows the row with this key.
  std::string cursor_after(CursorKey key) const { return encode_cursor(list_, key); }

  // rows: at most fetch() rows in list order. key_of(row) is the row's sort
  // key; view(row) is its entry in the page, or an empty optional to leave
  // it out (a row the viewer may not see after all). The next cursor is the
  // key of the last row kept from the fetch, shown or not, so a page of
  // left-out rows still moves on and nothing behind them is skipped.
  template <typename Row, typename KeyOf, typename View>
  auto page(std::vector<Row>&& rows, KeyOf key_of, View view) const {
    using Made = std::invoke_result_t<View&, Row&&>;
    using Entry = typename page_detail::Unwrap<std::decay_t<Made>>::type;
    Page<Entry> out;
    bool more = trim(rows);
    if (more && !rows.empty()) out.next_cursor = cursor_after(key_of(rows.back()));
    out.items.reserve(rows.size());
    for (auto& row : rows) {
      auto made = view(std::move(row));
      if (page_detail::present(made)) out.items.push_back(page_detail::unwrap(std::move(made)));
    }
    return out;
  }

 private:
  Pager(std::string list, std::optional<CursorKey> after, int limit)
      : list_(std::move(list)), after_(after), limit_(limit) {}
  std::string list_;
  std::optional<CursorKey> after_;
  int limit_;
};

}  // namespace kring
