#include "http/static_path.h"

namespace kring::http {

namespace {

constexpr size_t kMaxPathBytes = 1024;
constexpr size_t kMaxSegmentBytes = 255;  // NAME_MAX on Linux

bool clean_segment(std::string_view segment) {
  if (segment.empty() || segment.size() > kMaxSegmentBytes) return false;
  if (segment == "." || segment == "..") return false;
  for (unsigned char c : segment) {
    if (c < 0x20 || c == 0x7f || c == '\\') return false;
  }
  return true;
}

}  // namespace

StaticPath classify_static_path(std::string_view decoded_path) {
  StaticPath out;
  if (decoded_path.empty() || decoded_path.front() != '/' || decoded_path.size() > kMaxPathBytes) {
    return out;
  }
  if (decoded_path == "/") {
    out.kind = StaticPath::Kind::kIndex;
    return out;
  }
  std::string_view rest = decoded_path.substr(1);
  while (true) {
    size_t slash = rest.find('/');
    if (!clean_segment(rest.substr(0, slash))) return out;
    if (slash == std::string_view::npos) break;
    rest.remove_prefix(slash + 1);
  }
  out.kind = StaticPath::Kind::kName;
  out.name = std::string(decoded_path.substr(1));
  return out;
}

bool is_within(const std::filesystem::path& root, const std::filesystem::path& path) {
  auto r = root.begin();
  auto p = path.begin();
  for (; r != root.end(); ++r, ++p) {
    // A trailing separator of root shows up as an empty last element.
    if (r->empty() && std::next(r) == root.end()) break;
    if (p == path.end() || *r != *p) return false;
  }
  return true;
}

}  // namespace kring::http
