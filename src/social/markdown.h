#pragma once
// Member-written Markdown to safe HTML (DESIGN.md: cmark-gfm, sanitised, no
// raw HTML from members), with #tags and @mentions found and linked.
//
// Thread-safe: no shared state after the one-time extension registration.

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace kring::social {

inline constexpr size_t kTagMaxLength = 64;
inline constexpr size_t kTagsPerText = 20;
inline constexpr size_t kMentionsPerText = 20;

// Set once by the operator (kring serve --allow-remote-images) and passed to
// the services at construction.
struct MarkdownOptions {
  // Off: an image from another site (any URL but "/path" and data:image) is
  // rendered as a plain link to it (text: the alt text, else the URL), so
  // that reading a post tells no third party the reader's address.
  bool remote_images = false;
};

struct RenderedText {
  std::string html;
  std::vector<std::string> tags;      // lowercase, unique, in order of appearance
  std::vector<std::string> mentions;  // lowercase handles, unique
};

// REQUIRES: source is valid UTF-8 (callers run validate_text first).
// GFM (tables, strikethrough, autolinks) in cmark's safe mode: raw HTML is
// dropped and javascript:, vbscript:, file: and data: links are emptied,
// except data:image/png|gif|jpeg|webp, which cannot run script.
// #tag links to /tags/{tag}, @handle to /members/{handle}; neither is
// recognised inside code or links. Errors: tag_too_long, too_many_tags,
// too_many_mentions (400). Images: see MarkdownOptions.
Result<RenderedText> render_markdown(std::string_view source, const MarkdownOptions& options = {});

// True when a browser would fetch url from this site: "data:..." or
// "/path", where the byte after the '/' is not '/', '\\', a space or a
// control byte (so not "//host", "/\\host" nor "/<tab>/host"). Every other
// URL, relative ones included, counts as remote: strict, and cheap to be.
bool is_local_image_url(std::string_view url);

// A tag as typed in a URL or query: 1-64 characters of letters, digits, '_'
// or '-'; returns it lowercased or 400 invalid_tag / tag_too_long.
Result<std::string> normalize_tag(std::string_view tag);

}  // namespace kring::social
