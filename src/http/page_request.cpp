#include "http/page_request.h"

#include <charconv>

namespace kring::http {

Result<PageRequest> page_request(const Request& request) {
  PageRequest out;
  std::string text = request.query_value("limit");
  if (!text.empty()) {
    auto r = std::from_chars(text.data(), text.data() + text.size(), out.limit);
    if (r.ec != std::errc() || r.ptr != text.data() + text.size()) out.limit = 0;
  }
  KRING_TRY(check_page_limit(out.limit));
  out.cursor = request.query_value("cursor");
  return out;
}

}  // namespace kring::http
