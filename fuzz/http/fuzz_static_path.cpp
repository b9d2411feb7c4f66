// The static file handler's path checks: classify_static_path on arbitrary
// request targets (raw, and after parse_target's one decoding), then a
// lookup in a StaticFileIndex over a real web root on disk that has a
// symlink out of it, a directory symlink out of it and a data directory
// beside it.
// Oracle (static_path.h, static_file_index.h): whatever the input, either
// nothing is served, or the file served is a regular file whose canonical
// path lies inside the canonical root and outside the data directory, and is
// the very file the name denotes under the root. A name that passes is
// relative, has no empty, "." or ".." segment, no backslash and no control
// byte, and joined to the root stays lexically inside it.

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include "fuzz_check.h"
#include "http/request.h"
#include "http/static_file_index.h"
#include "http/static_path.h"

namespace {

namespace fs = std::filesystem;
using kring::http::StaticPath;

struct Tree {
  fs::path base, root, data;
  kring::http::StaticFileIndex index;
};

void write(const fs::path& p, const char* text) { std::ofstream(p) << text; }

// Built once per process; removed at exit.
const Tree& tree() {
  static Tree* t = [] {
    auto* t = new Tree;
    char pattern[] = "/tmp/kring-fuzz-static-XXXXXX";
    KRING_FUZZ_CHECK(::mkdtemp(pattern) != nullptr);
    t->base = fs::canonical(pattern);
    t->root = t->base / "web";
    t->data = t->base / "data";
    fs::create_directories(t->root / "assets");
    fs::create_directories(t->root / "sub" / "deeper");
    fs::create_directories(t->data);
    write(t->root / "index.html", "<html>");
    write(t->root / "assets" / "a.js", "js");
    write(t->root / "sub" / "deeper" / "b.txt", "b");
    write(t->root / ".env", "hidden");
    write(t->base / "secret", "secret");
    write(t->data / "kring.db", "db");
    fs::create_symlink(t->base / "secret", t->root / "link-out");
    fs::create_symlink(t->root / "assets" / "a.js", t->root / "link-in");
    fs::create_directory_symlink(t->base, t->root / "dirlink");
    fs::create_directory_symlink(t->data, t->root / "sub" / "data");
    auto index = kring::http::StaticFileIndex::scan(t->root, t->data);
    KRING_FUZZ_CHECK(index.ok());
    t->index = std::move(*index);
    KRING_FUZZ_CHECK(t->index.size() == 4);  // index.html, a.js, b.txt, link-in
    std::atexit([] {
      std::error_code ec;
      fs::remove_all(tree().base, ec);
    });
    return t;
  }();
  return *t;
}

void check_name(const std::string& name) {
  KRING_FUZZ_CHECK(!name.empty() && name.front() != '/');
  size_t start = 0;
  while (true) {
    size_t slash = name.find('/', start);
    std::string_view segment =
        std::string_view(name).substr(start, slash == std::string::npos ? slash : slash - start);
    KRING_FUZZ_CHECK(!segment.empty() && segment != "." && segment != "..");
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  for (unsigned char c : name) KRING_FUZZ_CHECK(c >= 0x20 && c != 0x7f && c != '\\');
  const Tree& t = tree();
  KRING_FUZZ_CHECK(kring::http::is_within(t.root, (t.root / name).lexically_normal()));
}

void check_path(std::string_view decoded) {
  const Tree& t = tree();
  StaticPath p = kring::http::classify_static_path(decoded);
  if (p.kind != StaticPath::Kind::kName) {
    KRING_FUZZ_CHECK(p.name.empty());
    return;
  }
  check_name(p.name);
  const fs::path* served = t.index.find(p.name);
  if (!served) return;
  std::error_code ec;
  KRING_FUZZ_CHECK(fs::is_regular_file(*served, ec));
  KRING_FUZZ_CHECK(kring::http::is_within(t.root, *served));
  KRING_FUZZ_CHECK(!kring::http::is_within(t.data, *served));
  KRING_FUZZ_CHECK(fs::canonical(t.root / p.name, ec) == *served);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, size_t size) {
  std::string_view input = kring::fuzz::as_text(data, size);
  check_path(input);  // as if it had been decoded already
  std::string path;
  std::multimap<std::string, std::string> query;
  if (kring::http::parse_target(input, path, query)) check_path(path);
  return 0;
}
