#include "core/page.h"

namespace kring {

Status check_page_limit(int limit) {
  if (limit < 1 || limit > kMaxPageSize) {
    return Error::invalid("invalid_limit",
                          "limit must be an integer from 1 to " + std::to_string(kMaxPageSize));
  }
  return {};
}

std::string list_name(std::initializer_list<std::string_view> parts) {
  std::string out;
  for (auto part : parts) {
    out += std::to_string(part.size());
    out += ':';
    out += part;
  }
  return out;
}

Result<Pager> Pager::open(std::string list, const PageRequest& request) {
  KRING_TRY(check_page_limit(request.limit));
  std::optional<CursorKey> after;
  if (!request.cursor.empty()) {
    auto key = decode_cursor(list, request.cursor);
    if (!key) return std::move(key).error();
    after = *key;
  }
  return Pager(std::move(list), after, request.limit);
}

}  // namespace kring
