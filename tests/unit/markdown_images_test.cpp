#include <gtest/gtest.h>

#include "social/markdown.h"

namespace kring::social {
namespace {

std::string html_of(std::string_view source, bool remote_images) {
  auto r = render_markdown(source, MarkdownOptions{.remote_images = remote_images});
  EXPECT_TRUE(r.ok());
  return r.ok() ? r->html : "";
}

TEST(MarkdownImages, RemoteImageIsALinkByDefault) {
  auto html = render_markdown("![x](https://evil.example/t.png)");
  ASSERT_TRUE(html.ok());
  EXPECT_EQ(html->html.find("<img"), std::string::npos) << html->html;
  EXPECT_NE(html->html.find("<a href=\"https://evil.example/t.png\">x</a>"), std::string::npos)
      << html->html;
}

TEST(MarkdownImages, RemoteImageWithoutAltShowsItsAddress) {
  auto html = html_of("![](https://evil.example/t.png)", false);
  EXPECT_NE(html.find(">https://evil.example/t.png</a>"), std::string::npos) << html;
}

TEST(MarkdownImages, RemoteImageIsAnImageWhenAllowed) {
  auto html = html_of("![x](https://evil.example/t.png)", true);
  EXPECT_NE(html.find("<img src=\"https://evil.example/t.png\" alt=\"x\""), std::string::npos)
      << html;
}

TEST(MarkdownImages, SchemeRelativeAndBackslashTricksAreRemote) {
  for (auto source : {"![x](//evil.example/t.png)", "![x](/\\evil.example/t.png)",
                      "![x](/&#9;/evil.example/t.png)", "![x](HTTP://evil.example/t.png)",
                      "![x][r]\n\n[r]: https://evil.example/t.png", "![x](evil.png)"}) {
    auto html = html_of(source, false);
    EXPECT_EQ(html.find("<img"), std::string::npos) << source << " -> " << html;
  }
}

TEST(MarkdownImages, LocalAndDataImagesStayImages) {
  EXPECT_NE(html_of("![x](/assets/logo.png)", false).find("<img"), std::string::npos);
  EXPECT_NE(html_of("![x](data:image/png;base64,iVBORw0KGgo=)", false).find("<img"),
            std::string::npos);
}

TEST(MarkdownImages, TagsInAltTextAreFoundWhateverTheSetting) {
  for (bool remote_images : {false, true}) {
    auto r = render_markdown("![see #bikes *now*](https://evil.example/t.png)",
                             MarkdownOptions{.remote_images = remote_images});
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->tags, std::vector<std::string>{"bikes"});
  }
  // As a link, the alt text is plain: no tag link inside the link.
  auto off = render_markdown("![see #bikes *now*](https://evil.example/t.png)");
  EXPECT_NE(off->html.find("<a href=\"https://evil.example/t.png\">see #bikes now</a>"),
            std::string::npos)
      << off->html;
}

TEST(MarkdownImages, ImageInsideARemoteImagesAltTextGoesWithIt) {
  auto html = html_of("![a ![b](https://evil.example/b.png)](https://evil.example/a.png)", false);
  EXPECT_EQ(html.find("<img"), std::string::npos) << html;
  EXPECT_NE(html.find(">a b</a>"), std::string::npos) << html;
}

TEST(MarkdownImages, RemoteImageInsideALinkBecomesItsAltText) {
  auto html = html_of("[![badge](https://evil.example/b.svg)](https://example.org)", false);
  EXPECT_EQ(html.find("<img"), std::string::npos) << html;
  EXPECT_NE(html.find("<a href=\"https://example.org\">badge</a>"), std::string::npos) << html;
}

TEST(MarkdownImages, IsLocalImageUrl) {
  EXPECT_TRUE(is_local_image_url("/a.png"));
  EXPECT_TRUE(is_local_image_url("data:image/png;base64,AA=="));
  EXPECT_FALSE(is_local_image_url(""));
  EXPECT_FALSE(is_local_image_url("/"));
  EXPECT_FALSE(is_local_image_url("//evil.example/a.png"));
  EXPECT_FALSE(is_local_image_url("/\\evil.example/a.png"));
  EXPECT_FALSE(is_local_image_url(" //evil.example"));
  EXPECT_FALSE(is_local_image_url("/\n/evil.example"));
  EXPECT_FALSE(is_local_image_url("/\t/evil.example"));
  EXPECT_FALSE(is_local_image_url("\x01/a.png"));
  EXPECT_FALSE(is_local_image_url("https://evil.example/a.png"));
}

}  // namespace
}  // namespace kring::social
