#include "http/static_file_index.h"

#include "http/static_path.h"

namespace kring::http {

namespace fs = std::filesystem;

namespace {

bool hidden(const fs::path& relative) {
  for (const auto& segment : relative) {
    if (segment.native().starts_with('.')) return true;
  }
  return false;
}

Error unreadable(const fs::path& root, const std::error_code& ec) {
  return Error::invalid("web_root_unreadable", "--web " + root.string() + ": " + ec.message());
}

}  // namespace

Result<StaticFileIndex> StaticFileIndex::scan(const fs::path& root, const fs::path& data_dir) {
  StaticFileIndex index;
  std::error_code ec;
  if (!fs::exists(root, ec)) return index;
  if (!fs::is_directory(root, ec)) {
    return Error::invalid("web_root_not_directory",
                          "--web " + root.string() + " is not a directory");
  }
  fs::path canonical_root = fs::canonical(root, ec);
  if (ec) return unreadable(root, ec);
  fs::path canonical_data;
  if (!data_dir.empty()) {
    canonical_data = fs::weakly_canonical(data_dir, ec);
    if (ec) return Error::invalid("data_dir_unreadable", data_dir.string() + ": " + ec.message());
    if (is_within(canonical_root, canonical_data) || is_within(canonical_data, canonical_root)) {
      return Error::invalid("web_root_holds_data",
                            "--web " + root.string() + " and --data " + data_dir.string() +
                                " overlap; the web root must not contain the data directory "
                                "(point --web at the built web app, e.g. web/dist)");
    }
  }

  fs::recursive_directory_iterator it(canonical_root, fs::directory_options::skip_permission_denied,
                                      ec);
  if (ec) return unreadable(root, ec);
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) return unreadable(root, ec);
    fs::path relative = it->path().lexically_relative(canonical_root);
    if (hidden(relative)) {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file(ec)) continue;  // follows a symlink; the target is checked below
    fs::path target = fs::canonical(it->path(), ec);
    if (ec || !is_within(canonical_root, target)) continue;
    if (!canonical_data.empty() && is_within(canonical_data, target)) continue;
    std::string name = relative.generic_string();
    if (classify_static_path("/" + name).kind != StaticPath::Kind::kName) continue;
    if (index.files_.size() == kMaxFiles) {
      return Error::invalid("web_root_too_large",
                            "--web " + root.string() + " holds more than " +
                                std::to_string(kMaxFiles) +
                                " files; point it at the built web app (web/dist)");
    }
    index.files_.emplace(std::move(name), std::move(target));
  }
  return index;
}

const fs::path* StaticFileIndex::find(std::string_view name) const {
  auto it = files_.find(std::string(name));
  return it == files_.end() ? nullptr : &it->second;
}

}  // namespace kring::http
