#pragma once
// The allow-list of files the static handler may serve: every regular file
// under the web root, listed once at start-up. A request is answered from
// this list or not at all, so a path the list does not hold (the data
// directory, /etc, a file added to the root later) is never read.
//
// Listed: regular files, and symlinks to regular files whose target, after
// canonicalisation, is still inside the canonical root. Left out: names with
// a segment starting with '.' (.git, .env), names classify_static_path would
// reject, and anything inside the data directory.
//
// Thread-safe after scan(): find() only reads.

#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/result.h"

namespace kring::http {

class StaticFileIndex {
 public:
  // At most this many files: pointing --web at a large tree (/, a home
  // directory) is a mistake, refused rather than walked.
  static constexpr size_t kMaxFiles = 10000;

  // Lists root. A root that does not exist gives an empty index (no web
  // build). 400-class errors: root is not a directory; root contains the data
  // directory, lies inside it or is it (serving it would hand out kring.db);
  // more than kMaxFiles files. REQUIRES: data_dir exists or is empty (none).
  static Result<StaticFileIndex> scan(const std::filesystem::path& root,
                                      const std::filesystem::path& data_dir);

  // The canonical path of the file the app serves as `name` (a kName of
  // classify_static_path), or nullptr.
  const std::filesystem::path* find(std::string_view name) const;
  size_t size() const { return files_.size(); }

 private:
  std::unordered_map<std::string, std::filesystem::path> files_;
};

}  // namespace kring::http
