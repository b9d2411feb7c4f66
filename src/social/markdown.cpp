#include "social/markdown.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <memory>
#include <mutex>

#include "core/validation.h"

namespace kring::social {

namespace {

void register_extensions() {
  static std::once_flag once;
  std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
}

bool is_tag_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-' || c >= 0x80;
}
bool is_handle_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}
bool is_word_byte(unsigned char c) { return is_handle_byte(c) || c >= 0x80; }

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

size_t code_points(std::string_view s) {
  return static_cast<size_t>(std::count_if(s.begin(), s.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xc0) != 0x80;
  }));
}

struct NodeDeleter {
  void operator()(cmark_node* n) const { cmark_node_free(n); }
};

cmark_node* text_node(std::string_view text) {
  cmark_node* n = cmark_node_new(CMARK_NODE_TEXT);
  cmark_node_set_literal(n, std::string(text).c_str());
  return n;
}

cmark_node* link_node(const std::string& url, std::string_view text) {
  cmark_node* link = cmark_node_new(CMARK_NODE_LINK);
  cmark_node_set_url(link, url.c_str());
  cmark_node_append_child(link, text_node(text));
  return link;
}

bool inside_link(cmark_node* node) {
  for (cmark_node* p = cmark_node_parent(node); p; p = cmark_node_parent(p)) {
    if (cmark_node_get_type(p) == CMARK_NODE_LINK) return true;
  }
  return false;
}

void add_unique(std::vector<std::string>& list, std::string value) {
  if (std::find(list.begin(), list.end(), value) == list.end()) list.push_back(std::move(value));
}

// Splits one text node around #tags and @mentions, inserting link nodes.
Status link_tokens(cmark_node* node, RenderedText& out) {
  std::string text = cmark_node_get_literal(node) ? cmark_node_get_literal(node) : "";
  size_t emitted = 0;
  bool changed = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char sigil = text[i];
    if (sigil != '#' && sigil != '@') continue;
    if (i > 0 && is_word_byte(static_cast<unsigned char>(text[i - 1]))) continue;
    size_t j = i + 1;
    auto accept = sigil == '#' ? is_tag_byte : is_handle_byte;
    while (j < text.size() && accept(static_cast<unsigned char>(text[j]))) ++j;
    std::string_view word(text.data() + i + 1, j - i - 1);
    if (word.empty()) continue;
    std::string url;
    if (sigil == '#') {
      if (code_points(word) > kTagMaxLength) {
        return Error::invalid("tag_too_long", "tags may be at most 64 characters");
      }
      std::string tag = lower_ascii(word);
      add_unique(out.tags, tag);
      url = "/tags/" + tag;
    } else {
      if (word.size() < 3 || word.size() > 30) continue;
      std::string handle = lower_ascii(word);
      add_unique(out.mentions, handle);
      url = "/members/" + handle;
    }
    if (emitted < i) cmark_node_insert_before(node, text_node(std::string_view(text).substr(emitted, i - emitted)));
    cmark_node_insert_before(node, link_node(url, std::string_view(text).substr(i, j - i)));
    emitted = j;
    i = j - 1;
    changed = true;
  }
  if (!changed) return {};
  if (emitted < text.size()) {
    cmark_node_insert_before(node, text_node(std::string_view(text).substr(emitted)));
  }
  cmark_node_free(node);  // unlinks it
  return {};
}

// The alt text of an image as cmark's HTML renderer writes it: the literal
// text of every descendant, breaks as spaces, any markup (and #tag links)
// dropped.
std::string plain_text(cmark_node* node) {
  std::string out;
  cmark_iter* iter = cmark_iter_new(node);
  for (cmark_event_type ev; (ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
    cmark_node* n = cmark_iter_get_node(iter);
    if (ev != CMARK_EVENT_ENTER) continue;
    auto type = cmark_node_get_type(n);
    if (type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE) {
      if (const char* literal = cmark_node_get_literal(n)) out += literal;
    } else if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK) {
      out += ' ';
    }
  }
  cmark_iter_free(iter);
  return out;
}

// Replaces each remote image by a link to its URL whose text is the alt
// text (or the URL when there is none). Runs after token linking, so tags
// and mentions in alt text are found whatever the setting.
void unlink_remote_images(cmark_node* doc) {
  std::vector<cmark_node*> remote;
  cmark_iter* iter = cmark_iter_new(doc);
  for (cmark_event_type ev; (ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
    cmark_node* node = cmark_iter_get_node(iter);
    if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(node) == CMARK_NODE_IMAGE) {
      const char* url = cmark_node_get_url(node);
      if (!is_local_image_url(url ? url : "")) remote.push_back(node);
    }
  }
  cmark_iter_free(iter);
  // Outermost first; an image inside a converted one's alt text is gone with it.
  std::vector<cmark_node*> replaced;
  for (cmark_node* image : remote) {
    bool nested = false;
    for (cmark_node* p = cmark_node_parent(image); p && !nested; p = cmark_node_parent(p)) {
      nested = std::find(replaced.begin(), replaced.end(), p) != replaced.end();
    }
    if (nested) continue;
    std::string url = cmark_node_get_url(image) ? cmark_node_get_url(image) : "";
    std::string alt = plain_text(image);
    // Inside a link already (a linked badge): the alt text alone, no link in a link.
    cmark_node* replacement = inside_link(image) ? text_node(alt.empty() ? url : alt)
                                                 : link_node(url, alt.empty() ? url : alt);
    const char* title = cmark_node_get_title(image);
    if (title && *title && !inside_link(image)) cmark_node_set_title(replacement, title);
    cmark_node_replace(image, replacement);
    replaced.push_back(image);
  }
  for (cmark_node* image : replaced) cmark_node_free(image);
}

}  // namespace

bool is_local_image_url(std::string_view url) {
  if (url.size() >= 5 && lower_ascii(url.substr(0, 5)) == "data:") return true;
  if (url.size() < 2 || url[0] != '/') return false;
  // Browsers drop tabs and newlines from URLs and read '\\' as '/': "/\t/host"
  // and "/\\host" are other sites. Anything but a plain byte is refused.
  auto second = static_cast<unsigned char>(url[1]);
  return second > 0x20 && second != 0x7f && second != '/' && second != '\\';
}

Result<RenderedText> render_markdown(std::string_view source, const MarkdownOptions& options) {
  register_extensions();
  cmark_parser* parser = cmark_parser_new(CMARK_OPT_DEFAULT);
  std::unique_ptr<cmark_parser, void (*)(cmark_parser*)> parser_owner(parser, cmark_parser_free);
  for (const char* name : {"table", "strikethrough", "autolink", "tagfilter"}) {
    if (auto* ext = cmark_find_syntax_extension(name)) cmark_parser_attach_syntax_extension(parser, ext);
  }
  cmark_parser_feed(parser, source.data(), source.size());
  std::unique_ptr<cmark_node, NodeDeleter> doc(cmark_parser_finish(parser));

  std::vector<cmark_node*> texts;
  cmark_iter* iter = cmark_iter_new(doc.get());
  for (cmark_event_type ev; (ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
    cmark_node* node = cmark_iter_get_node(iter);
    if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(node) == CMARK_NODE_TEXT &&
        !inside_link(node)) {
      texts.push_back(node);
    }
  }
  cmark_iter_free(iter);

  RenderedText out;
  for (cmark_node* node : texts) KRING_TRY(link_tokens(node, out));
  if (!options.remote_images) unlink_remote_images(doc.get());
  if (out.tags.size() > kTagsPerText) {
    return Error::invalid("too_many_tags", "a text may carry at most 20 tags");
  }
  if (out.mentions.size() > kMentionsPerText) {
    return Error::invalid("too_many_mentions", "a text may mention at most 20 members");
  }
  // Safe mode is the default without CMARK_OPT_UNSAFE: raw HTML becomes a
  // comment and dangerous URL schemes are dropped.
  char* html = cmark_render_html(doc.get(), CMARK_OPT_DEFAULT, cmark_parser_get_syntax_extensions(parser));
  out.html = html;
  free(html);
  return out;
}

Result<std::string> normalize_tag(std::string_view tag) {
  if (code_points(tag) > kTagMaxLength) {
    return Error::invalid("tag_too_long", "tags may be at most 64 characters");
  }
  bool ok = !tag.empty() && is_clean_utf8(tag, false);
  for (unsigned char c : tag) ok = ok && is_tag_byte(c);
  if (!ok) {
    return Error::invalid("invalid_tag", "a tag is 1-64 letters, digits, '_' or '-'");
  }
  return lower_ascii(tag);
}

}  // namespace kring::social
