#include "cli/cursor_secret.h"

#include <gtest/gtest.h>
#include <sodium.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "core/cursor.h"

namespace kring::cli {
namespace {

namespace fs = std::filesystem;

class CursorSecret : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { ASSERT_GE(sodium_init(), 0); }
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("kring-cursor-key-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path key_file() const { return dir_ / "cursor.key"; }
  fs::path dir_;
};

TEST_F(CursorSecret, IsMadeOnFirstUseReadableByTheOwnerOnly) {
  ASSERT_TRUE(load_cursor_secret(dir_.string()).ok());
  struct stat st {};
  ASSERT_EQ(::stat(key_file().c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600);
  std::ifstream in(key_file());
  std::string hex;
  std::getline(in, hex);
  EXPECT_EQ(hex.size(), 2 * kCursorSecretBytes);
}

TEST_F(CursorSecret, KeepsCursorsValidAcrossLoads) {
  ASSERT_TRUE(load_cursor_secret(dir_.string()).ok());
  std::string cursor = encode_cursor("list", {1, 2});
  set_cursor_secret(std::string(kCursorSecretBytes, '\x5a'));  // as a restart would
  EXPECT_FALSE(decode_cursor("list", cursor).ok());
  ASSERT_TRUE(load_cursor_secret(dir_.string()).ok());
  EXPECT_TRUE(decode_cursor("list", cursor).ok());
}

TEST_F(CursorSecret, RefusesAMalformedKeyFile) {
  for (const char* text :
       {"", "abc\n", "zz00000000000000000000000000000000000000000000000000000000000000\n"}) {
    std::ofstream(key_file(), std::ios::trunc) << text;
    auto loaded = load_cursor_secret(dir_.string());
    ASSERT_FALSE(loaded.ok()) << text;
    EXPECT_EQ(loaded.error().reason, "bad_cursor_key");
  }
}

}  // namespace
}  // namespace kring::cli
