#include <gtest/gtest.h>

#include "http/json_input.h"
#include "http/same_origin.h"

namespace kring::http {
namespace {

TEST(JsonMediaType, AcceptsApplicationJsonWithOrWithoutUtf8Charset) {
  EXPECT_TRUE(is_json_media_type("application/json"));
  EXPECT_TRUE(is_json_media_type("Application/JSON"));
  EXPECT_TRUE(is_json_media_type("application/json; charset=utf-8"));
  EXPECT_TRUE(is_json_media_type("application/json;charset=\"UTF-8\""));
  EXPECT_TRUE(is_json_media_type(" application/json "));
}

TEST(JsonMediaType, RefusesWhatACrossSiteFormCanSend) {
  EXPECT_FALSE(is_json_media_type(""));
  EXPECT_FALSE(is_json_media_type("text/plain"));
  EXPECT_FALSE(is_json_media_type("text/plain; charset=utf-8"));
  EXPECT_FALSE(is_json_media_type("application/x-www-form-urlencoded"));
  EXPECT_FALSE(is_json_media_type("multipart/form-data; boundary=x"));
  EXPECT_FALSE(is_json_media_type("application/jsonx"));
  EXPECT_FALSE(is_json_media_type("text/plain; application/json"));
  EXPECT_FALSE(is_json_media_type("application/json; charset=latin1"));
  EXPECT_FALSE(is_json_media_type("application/json; boundary=x"));
}

TEST(SameOrigin, OriginMatchingTheHostIsOurs) {
  EXPECT_TRUE(is_own_origin("http://127.0.0.1:8080", "127.0.0.1:8080", ""));
  EXPECT_TRUE(is_own_origin("https://Kring.Example", "kring.example", ""));
}

TEST(SameOrigin, AnotherSiteIsNotOurs) {
  EXPECT_FALSE(is_own_origin("https://evil.example", "kring.example", ""));
  EXPECT_FALSE(is_own_origin("http://127.0.0.1:9999", "127.0.0.1:8080", ""));
  EXPECT_FALSE(is_own_origin("https://kring.example.evil", "kring.example", ""));
  EXPECT_FALSE(is_own_origin("null", "kring.example", ""));
  EXPECT_FALSE(is_own_origin("file://", "kring.example", ""));
  EXPECT_FALSE(is_own_origin("https://kring.example", "", ""));
  EXPECT_FALSE(is_own_origin("https://user@kring.example", "user@kring.example", ""));
}

TEST(SameOrigin, ConfiguredPublicOriginIsOursBehindAProxy) {
  EXPECT_TRUE(is_own_origin("https://kring.example", "127.0.0.1:8080", "https://kring.example/"));
  EXPECT_FALSE(is_own_origin("http://kring.example", "127.0.0.1:8080", "https://kring.example"));
}

TEST(SameOrigin, NormalizesOnlyHttpOrigins) {
  EXPECT_EQ(normalize_origin("HTTPS://Kring.Example/"), "https://kring.example");
  EXPECT_EQ(normalize_origin("https://kring.example:8443"), "https://kring.example:8443");
  EXPECT_EQ(normalize_origin("https://kring.example/path"), "");
  EXPECT_EQ(normalize_origin("ftp://kring.example"), "");
  EXPECT_EQ(normalize_origin("https://"), "");
}

}  // namespace
}  // namespace kring::http
