#include "http/compression.h"

#include <gtest/gtest.h>

namespace kring::http {
namespace {

TEST(AcceptsGzip, ListedEncodingsWithoutZeroWeight) {
  EXPECT_TRUE(accepts_gzip("gzip"));
  EXPECT_TRUE(accepts_gzip("gzip, deflate, br"));
  EXPECT_TRUE(accepts_gzip("br;q=1.0, GZIP;q=0.5"));
  EXPECT_TRUE(accepts_gzip(" deflate , gzip "));
}

TEST(AcceptsGzip, AbsentOrRefused) {
  EXPECT_FALSE(accepts_gzip(""));
  EXPECT_FALSE(accepts_gzip("deflate, br"));
  EXPECT_FALSE(accepts_gzip("gzip;q=0"));
  EXPECT_FALSE(accepts_gzip("gzip; q=0.000"));
  EXPECT_FALSE(accepts_gzip("x-gzip"));
}

TEST(CompressResponse, SmallOrBinaryBodiesStayAsTheyAre) {
  Response small = Response::json(200, {{"ok", true}});
  compress_response(small, "gzip");
  EXPECT_TRUE(small.headers.empty());
  Response image;
  image.content_type = "image/png";
  image.body.assign(4096, 'x');
  compress_response(image, "gzip");
  EXPECT_EQ(image.body.size(), 4096u);
}

TEST(CompressResponse, LargeJsonBecomesGzipWithItsHeaders) {
  Response r;
  r.body.assign(8192, 'a');
  compress_response(r, "gzip");
  ASSERT_GE(r.body.size(), 2u);
  EXPECT_EQ(static_cast<unsigned char>(r.body[0]), 0x1f);  // gzip magic
  EXPECT_EQ(static_cast<unsigned char>(r.body[1]), 0x8b);
  EXPECT_LT(r.body.size(), 200u);
  ASSERT_EQ(r.headers.size(), 2u);
  EXPECT_EQ(r.headers[0], (std::pair<std::string, std::string>{"Content-Encoding", "gzip"}));
  EXPECT_EQ(r.headers[1], (std::pair<std::string, std::string>{"Vary", "Accept-Encoding"}));
}

}  // namespace
}  // namespace kring::http
