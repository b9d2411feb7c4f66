#include "core/secrets.h"

#include <gtest/gtest.h>
#include <sodium.h>

namespace kring {
namespace {

class Secrets : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { ASSERT_GE(sodium_init(), 0); }
};

TEST_F(Secrets, TokensAre256BitAndDistinct) {
  std::string a = random_token(), b = random_token();
  EXPECT_EQ(a.size(), 43u);  // 32 bytes in unpadded base64url
  EXPECT_NE(a, b);
  std::string raw;
  ASSERT_TRUE(base64url_decode(a, raw));
  EXPECT_EQ(raw.size(), 32u);
}

TEST_F(Secrets, TokenHashIsStableHexAndNotTheToken) {
  std::string token = random_token();
  EXPECT_EQ(token_hash(token), token_hash(token));
  EXPECT_EQ(token_hash(token).size(), 64u);
  EXPECT_EQ(token_hash(token).find(token), std::string::npos);
}

TEST_F(Secrets, PasswordsUseArgon2idAndVerify) {
  std::string hash = hash_password("correct horse");
  EXPECT_TRUE(hash.starts_with("$argon2id$"));
  EXPECT_TRUE(verify_password(hash, "correct horse"));
  EXPECT_FALSE(verify_password(hash, "wrong horse"));
  EXPECT_NE(hash, hash_password("correct horse"));  // salted
}

}  // namespace
}  // namespace kring
