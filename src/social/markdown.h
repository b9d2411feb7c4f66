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
// too_many_mentions (400).
Result<RenderedText> render_markdown(std::string_view source);

// A tag as typed in a URL or query: 1-64 characters of letters, digits, '_'
// or '-'; returns it lowercased or 400 invalid_tag / tag_too_long.
Result<std::string> normalize_tag(std::string_view tag);

}  // namespace kring::social
