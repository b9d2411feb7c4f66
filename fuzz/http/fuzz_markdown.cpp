// render_markdown on arbitrary member text.
// Oracle (markdown.h: safe mode, no raw HTML from members): every tag in
// the output is one cmark itself writes, no attribute is an event handler
// ("on...="), no href or src carries a javascript:, vbscript:, file: or
// non-raster-image data: URL even after entity decoding, and no "<script"
// appears anywhere; extracted tags and mentions are unique, lowercase and
// within the per-text limits, and, for text that passed validate_text as
// every caller's does, every tag is one normalize_tag accepts. With the
// default MarkdownOptions (remote images off) every <img src> is empty, a
// data: URL or a path on this site: nothing a browser fetches elsewhere.

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include "core/validation.h"
#include "fuzz_check.h"
#include "social/markdown.h"

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Decodes the entities cmark writes into attribute values (&amp; &quot;
// &lt; &gt; &#...;) closely enough to see a scheme hidden behind them.
std::string decode_entities(std::string_view v) {
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) {
    if (v[i] != '&') {
      out += v[i];
      continue;
    }
    size_t semi = v.find(';', i);
    if (semi == std::string_view::npos) {
      out += v[i];
      continue;
    }
    std::string_view name = v.substr(i + 1, semi - i - 1);
    if (name == "amp") out += '&';
    else if (name == "quot") out += '"';
    else if (name == "lt") out += '<';
    else if (name == "gt") out += '>';
    else if (name.size() > 1 && name[0] == '#') {
      bool hex = name[1] == 'x' || name[1] == 'X';
      unsigned long cp = std::strtoul(std::string(name.substr(hex ? 2 : 1)).c_str(), nullptr,
                                      hex ? 16 : 10);
      out += cp < 0x80 ? static_cast<char>(cp) : '?';
    } else {
      out.append(v.substr(i, semi - i + 1));
    }
    i = semi;
  }
  return out;
}

void check_url(std::string_view value) {
  std::string url;
  // Browsers drop ASCII whitespace and control characters around and inside
  // a scheme; so does this check.
  for (char c : lower(decode_entities(value))) {
    if (static_cast<unsigned char>(c) > ' ') url += c;
  }
  KRING_FUZZ_CHECK(!url.starts_with("javascript:"));
  KRING_FUZZ_CHECK(!url.starts_with("vbscript:"));
  KRING_FUZZ_CHECK(!url.starts_with("file:"));
  // cmark's safe mode keeps data:image/{png,gif,jpeg,webp} in links as well
  // as images (markdown.h says data: links are emptied; see the report).
  // None of those can run script; data:image/svg+xml and text/html could.
  if (url.starts_with("data:")) {
    KRING_FUZZ_CHECK(url.starts_with("data:image/png") || url.starts_with("data:image/gif") ||
                     url.starts_with("data:image/jpeg") || url.starts_with("data:image/webp"));
  }
}

constexpr std::array<std::string_view, 26> kTags = {
    "p",  "a",  "em", "strong", "code",  "pre",   "ul",    "ol", "li", "blockquote", "hr", "br",
    "h1", "h2", "h3", "h4",     "h5",    "h6",    "img",   "del", "table", "thead", "tbody", "tr",
    "th", "td"};
constexpr std::array<std::string_view, 8> kAttributes = {"href",  "src",   "alt", "title",
                                                         "align", "start", "lang", "class"};

// An image source a browser resolves against this site, as the URL parser
// reads it: tabs and newlines dropped, leading spaces and controls stripped,
// and '\\' is '/' in http(s) URLs.
void check_local_image(std::string_view value) {
  std::string url;
  for (char c : decode_entities(value)) {
    if (c != '\t' && c != '\n' && c != '\r') url += c;
  }
  size_t start = 0;
  while (start < url.size() && static_cast<unsigned char>(url[start]) <= ' ') ++start;
  std::string_view u = std::string_view(url).substr(start);
  if (u.empty() || lower(u).starts_with("data:")) return;
  KRING_FUZZ_CHECK(u.size() >= 2 && u[0] == '/' && u[1] != '/' && u[1] != '\\');
}

// Walks every tag cmark wrote. Text '<' is always escaped as &lt;, so each
// raw '<' opens a real tag (or the "raw HTML omitted" comment).
void check_html(std::string_view html, bool remote_images) {
  KRING_FUZZ_CHECK(lower(html).find("<script") == std::string::npos);
  size_t i = 0;
  while ((i = html.find('<', i)) != std::string_view::npos) {
    if (html.substr(i).starts_with("<!-- raw HTML omitted -->")) {
      i += 4;
      continue;
    }
    size_t end = html.find('>', i);
    KRING_FUZZ_CHECK(end != std::string_view::npos);
    std::string_view inside = html.substr(i + 1, end - i - 1);
    if (!inside.empty() && inside.back() == '/') inside.remove_suffix(1);
    if (!inside.empty() && inside.front() == '/') inside.remove_prefix(1);
    size_t name_end = std::min(inside.find(' '), inside.size());
    std::string tag(inside.substr(0, name_end));
    KRING_FUZZ_CHECK(std::find(kTags.begin(), kTags.end(), tag) != kTags.end());
    // Attributes: name="value" separated by single spaces; values never hold
    // a raw '"' (cmark writes &quot;).
    std::string_view rest = inside.substr(name_end);
    while (!rest.empty()) {
      KRING_FUZZ_CHECK(rest.front() == ' ');
      rest.remove_prefix(1);
      if (rest.empty()) break;
      size_t eq = rest.find('=');
      KRING_FUZZ_CHECK(eq != std::string_view::npos && eq + 1 < rest.size() && rest[eq + 1] == '"');
      std::string attr = lower(rest.substr(0, eq));
      KRING_FUZZ_CHECK(!attr.starts_with("on"));
      KRING_FUZZ_CHECK(std::find(kAttributes.begin(), kAttributes.end(), attr) != kAttributes.end());
      size_t close = rest.find('"', eq + 2);
      KRING_FUZZ_CHECK(close != std::string_view::npos);
      std::string_view value = rest.substr(eq + 2, close - eq - 2);
      if (attr == "href" || attr == "src") check_url(value);
      if (attr == "src" && !remote_images) check_local_image(value);
      rest.remove_prefix(close + 1);
    }
    i = end + 1;
  }
}

template <typename List>
bool unique(const List& list) {
  for (size_t i = 0; i < list.size(); ++i) {
    if (std::find(list.begin() + i + 1, list.end(), list[i]) != list.end()) return false;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, size_t size) {
  std::string_view source = kring::fuzz::as_text(data, size);
  auto allowed = kring::social::render_markdown(source, {.remote_images = true});
  if (allowed.ok()) check_html(allowed->html, true);
  auto rendered = kring::social::render_markdown(source);
  // The setting changes only how images render, never what is found.
  KRING_FUZZ_CHECK(rendered.ok() == allowed.ok());
  if (rendered.ok()) {
    KRING_FUZZ_CHECK(rendered->tags == allowed->tags && rendered->mentions == allowed->mentions);
  }
  if (!rendered.ok()) {
    const auto& reason = rendered.error().reason;
    KRING_FUZZ_CHECK(reason == "tag_too_long" || reason == "too_many_tags" ||
                     reason == "too_many_mentions");
    return 0;
  }
  check_html(rendered->html, false);

  const auto& tags = rendered->tags;
  KRING_FUZZ_CHECK(tags.size() <= kring::social::kTagsPerText && unique(tags));
  // Callers pass only text that validate_text accepted; from invalid UTF-8,
  // cmark-gfm 0.29 passes stray bytes through into tags (see the report).
  bool clean_source = kring::is_clean_utf8(source, true);
  for (const auto& tag : tags) {
    if (!clean_source) continue;
    auto normal = kring::social::normalize_tag(tag);
    KRING_FUZZ_CHECK(normal.ok() && *normal == tag);
  }
  const auto& mentions = rendered->mentions;
  KRING_FUZZ_CHECK(mentions.size() <= kring::social::kMentionsPerText && unique(mentions));
  for (const auto& handle : mentions) {
    KRING_FUZZ_CHECK(handle.size() >= 3 && handle.size() <= 30);
    for (char c : handle) {
      KRING_FUZZ_CHECK((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_');
    }
  }
  return 0;
}
