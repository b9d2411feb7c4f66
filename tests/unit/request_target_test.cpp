#include <gtest/gtest.h>

#include "http/json_input.h"
#include "http/request.h"

namespace kring::http {
namespace {

TEST(RequestTarget, DecodesPathAndQuery) {
  std::string path;
  std::multimap<std::string, std::string> query;
  ASSERT_TRUE(parse_target("/api/v1/members?q=anna+de&skill=bike%20repair", path, query));
  EXPECT_EQ(path, "/api/v1/members");
  EXPECT_EQ(query.find("q")->second, "anna de");
  EXPECT_EQ(query.find("skill")->second, "bike repair");
}

TEST(RequestTarget, RefusesNulBytesEncodedOrRaw) {
  std::string path;
  std::multimap<std::string, std::string> query;
  EXPECT_FALSE(parse_target("/a%00b", path, query));
  EXPECT_FALSE(parse_target(std::string_view("/a\0b", 4), path, query));
  EXPECT_FALSE(parse_target("/a%zz", path, query));
  EXPECT_FALSE(parse_target("no-slash", path, query));
}

TEST(JsonInput, IntegersBeyond64BitsAreWrongType) {
  auto body = parse_object(R"({"limit": 18446744073709551615})", {"limit"});
  ASSERT_TRUE(body.ok());
  auto value = optional_integer(*body, "limit");
  ASSERT_FALSE(value.ok());
  EXPECT_EQ(value.error().reason, "invalid_type");
}

}  // namespace
}  // namespace kring::http
