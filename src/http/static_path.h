#pragma once
// Turning a request path into the name of a file of the built web app, and
// checking that a file stays inside its root. The static file handler serves
// only names that pass classify_static_path and are then found in the
// StaticFileIndex built at start-up (http/static_file_index.h).
//
// Pure functions of their arguments; thread-safe.

#include <filesystem>
#include <string>
#include <string_view>

namespace kring::http {

struct StaticPath {
  enum class Kind {
    kIndex,     // "/": the app's index.html
    kName,      // a clean relative name, e.g. "assets/index-3f2a.js"
    kRejected,  // could name something outside the app: answer 404, serve nothing
  };
  Kind kind = Kind::kRejected;
  std::string name;  // set for kName: no leading '/', segments joined by '/'
};

// REQUIRES: decoded_path is the request path after the one percent-decoding
// parse_target does; nothing here decodes again, so "%2e%2e" is a literal
// segment of six characters. Rejected: a path not starting with '/', empty
// segments (so "//etc/passwd" and "/assets//x"), "." and ".." segments,
// backslashes, NUL and other control bytes (below 0x20, and 0x7f), segments
// longer than 255 bytes and paths longer than 1024. A name can therefore never
// be absolute nor climb out of the root when joined to it.
StaticPath classify_static_path(std::string_view decoded_path);

// True when path equals root or lies below it, compared segment by segment
// (so "/srv/web2" is not inside "/srv/web"). REQUIRES: both canonical
// (std::filesystem::canonical), or the answer says nothing about the disk.
bool is_within(const std::filesystem::path& root, const std::filesystem::path& path);

}  // namespace kring::http
