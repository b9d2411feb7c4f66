#include "http/static_path.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "http/request.h"
#include "http/static_file_index.h"

namespace kring::http {
namespace {

namespace fs = std::filesystem;
using Kind = StaticPath::Kind;

// The path as the handler sees it: after parse_target's one decoding.
StaticPath classify_target(std::string_view target) {
  std::string path;
  std::multimap<std::string, std::string> query;
  if (!parse_target(target, path, query)) return {};
  return classify_static_path(path);
}

TEST(StaticPath, RootIsTheIndex) { EXPECT_EQ(classify_static_path("/").kind, Kind::kIndex); }

TEST(StaticPath, CleanNamesAreRelative) {
  auto p = classify_static_path("/assets/index-3f2a.js");
  ASSERT_EQ(p.kind, Kind::kName);
  EXPECT_EQ(p.name, "assets/index-3f2a.js");
  EXPECT_EQ(classify_static_path("/members/anna").name, "members/anna");
}

TEST(StaticPath, DoubleSlashThatWouldMakeAnAbsolutePathIsRejected) {
  EXPECT_EQ(classify_static_path("//etc/passwd").kind, Kind::kRejected);
  EXPECT_EQ(classify_target("/%2Fetc/passwd").kind, Kind::kRejected);
  EXPECT_EQ(classify_target("/%2fproc/self/cmdline").kind, Kind::kRejected);
  EXPECT_EQ(classify_static_path("/assets//x.js").kind, Kind::kRejected);
  EXPECT_EQ(classify_static_path("/assets/").kind, Kind::kRejected);
}

TEST(StaticPath, DotSegmentsAreRejectedEncodedOrNot) {
  for (auto target : {"/..", "/../etc/passwd", "/assets/../../etc/passwd", "/%2e%2e/", "/%2E%2E",
                      "/assets/..%2F..%2Fetc%2Fpasswd", "/.", "/./index.html", "/a/./b"}) {
    EXPECT_EQ(classify_target(target).kind, Kind::kRejected) << target;
  }
}

TEST(StaticPath, DecodesNothingTwice) {
  // %252e is "%2e" after the one decoding: a literal name, never "..".
  auto p = classify_target("/%252e%252e/%252Fetc");
  ASSERT_EQ(p.kind, Kind::kName);
  EXPECT_EQ(p.name, "%2e%2e/%2Fetc");
}

TEST(StaticPath, BackslashesAndControlBytesAreRejected) {
  EXPECT_EQ(classify_static_path("/a\\b").kind, Kind::kRejected);
  EXPECT_EQ(classify_target("/..%5C..%5Cetc%5Cpasswd").kind, Kind::kRejected);
  EXPECT_EQ(classify_static_path(std::string_view("/a\0b", 4)).kind, Kind::kRejected);
  EXPECT_EQ(classify_static_path("/a\tb").kind, Kind::kRejected);
  EXPECT_EQ(classify_static_path(std::string("/a") + '\x7f' + "b").kind, Kind::kRejected);
  EXPECT_EQ(classify_target("/a%0Ab").kind, Kind::kRejected);
}

TEST(StaticPath, OverlongPathsAndSegmentsAreRejected) {
  EXPECT_EQ(classify_static_path("/" + std::string(256, 'a')).kind, Kind::kRejected);
  EXPECT_EQ(classify_static_path("/" + std::string(255, 'a')).kind, Kind::kName);
  std::string deep;
  while (deep.size() <= 1024) deep += "/abc";
  EXPECT_EQ(classify_static_path(deep).kind, Kind::kRejected);
}

TEST(StaticPath, PathsNotStartingWithSlashAreRejected) {
  EXPECT_EQ(classify_static_path("").kind, Kind::kRejected);
  EXPECT_EQ(classify_static_path("etc/passwd").kind, Kind::kRejected);
}

TEST(StaticPath, NamesNeverLeaveTheRootWhenJoined) {
  fs::path root = "/srv/web";
  for (auto target : {"/assets/a.js", "/x/y/z", "/%252e%252e/x", "/...", "/..a", "/a.."}) {
    auto p = classify_target(target);
    ASSERT_EQ(p.kind, Kind::kName) << target;
    EXPECT_TRUE(is_within(root, (root / p.name).lexically_normal())) << target;
  }
}

TEST(IsWithin, ComparesWholeSegments) {
  EXPECT_TRUE(is_within("/srv/web", "/srv/web"));
  EXPECT_TRUE(is_within("/srv/web", "/srv/web/assets/a.js"));
  EXPECT_TRUE(is_within("/srv/web/", "/srv/web/a"));
  EXPECT_FALSE(is_within("/srv/web", "/srv/web2/a"));
  EXPECT_FALSE(is_within("/srv/web", "/srv"));
  EXPECT_FALSE(is_within("/srv/web", "/etc/passwd"));
}

// A web root on disk with a file outside it and a data directory.
class StaticFileIndexTest : public ::testing::Test {
 protected:
  void SetUp() override {
    base_ = fs::temp_directory_path() /
            ("kring-static-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
             "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(base_);
    root_ = base_ / "web";
    fs::create_directories(root_ / "assets");
    fs::create_directories(base_ / "data");
    write(root_ / "index.html", "<html>");
    write(root_ / "assets" / "a.js", "js");
    write(base_ / "secret.txt", "secret");
    write(base_ / "data" / "kring.db", "db");
  }
  void TearDown() override { fs::remove_all(base_); }
  static void write(const fs::path& p, const std::string& text) { std::ofstream(p) << text; }

  fs::path base_, root_;
};

TEST_F(StaticFileIndexTest, ListsTheFilesOfTheApp) {
  auto index = StaticFileIndex::scan(root_, base_ / "data");
  ASSERT_TRUE(index.ok());
  EXPECT_EQ(index->size(), 2u);
  ASSERT_NE(index->find("assets/a.js"), nullptr);
  EXPECT_EQ(*index->find("assets/a.js"), fs::canonical(root_ / "assets" / "a.js"));
  EXPECT_NE(index->find("index.html"), nullptr);
  EXPECT_EQ(index->find("assets"), nullptr);  // directories are not files
}

TEST_F(StaticFileIndexTest, SymlinksOutOfTheRootAreLeftOut) {
  fs::create_symlink(base_ / "secret.txt", root_ / "secret.txt");
  fs::create_directory_symlink(base_ / "data", root_ / "data");
  fs::create_symlink(root_ / "assets" / "a.js", root_ / "alias.js");
  auto index = StaticFileIndex::scan(root_, base_ / "data");
  ASSERT_TRUE(index.ok());
  EXPECT_EQ(index->find("secret.txt"), nullptr);
  EXPECT_EQ(index->find("data/kring.db"), nullptr);
  ASSERT_NE(index->find("alias.js"), nullptr);  // inside the root once resolved
  EXPECT_EQ(*index->find("alias.js"), fs::canonical(root_ / "assets" / "a.js"));
}

TEST_F(StaticFileIndexTest, HiddenFilesAreLeftOut) {
  fs::create_directories(root_ / ".git");
  write(root_ / ".git" / "config", "x");
  write(root_ / ".env", "x");
  auto index = StaticFileIndex::scan(root_, base_ / "data");
  ASSERT_TRUE(index.ok());
  EXPECT_EQ(index->size(), 2u);
}

TEST_F(StaticFileIndexTest, RootThatHoldsTheDataDirectoryIsRefused) {
  auto parent = StaticFileIndex::scan(base_, base_ / "data");
  ASSERT_FALSE(parent.ok());
  EXPECT_EQ(parent.error().reason, "web_root_holds_data");
  auto same = StaticFileIndex::scan(base_ / "data", base_ / "data");
  EXPECT_FALSE(same.ok());
  fs::create_directories(base_ / "data" / "web");
  EXPECT_FALSE(StaticFileIndex::scan(base_ / "data" / "web", base_ / "data").ok());
  // Also through a symlink to the data directory's parent.
  fs::create_directory_symlink(base_, base_ / "data" / ".." / "alias");
  EXPECT_FALSE(StaticFileIndex::scan(base_ / "alias", base_ / "data").ok());
}

TEST_F(StaticFileIndexTest, MissingRootIsAnEmptyIndex) {
  auto index = StaticFileIndex::scan(base_ / "no-web", base_ / "data");
  ASSERT_TRUE(index.ok());
  EXPECT_EQ(index->size(), 0u);
}

TEST_F(StaticFileIndexTest, RootThatIsAFileIsRefused) {
  EXPECT_FALSE(StaticFileIndex::scan(base_ / "secret.txt", base_ / "data").ok());
}

}  // namespace
}  // namespace kring::http
