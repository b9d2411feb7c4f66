#include "graph/xml_reader.h"

#include <algorithm>
#include <charconv>

#include "graph/parse_util.h"

namespace kring::graph {
namespace {

bool is_name_char(char c) {
  const auto u = static_cast<unsigned char>(c);
  return std::isalnum(u) || c == '_' || c == '-' || c == '.' || c == ':' || u >= 0x80;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xc0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3f));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xe0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
    out += static_cast<char>(0x80 | (cp & 0x3f));
  } else {
    out += static_cast<char>(0xf0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3f));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
    out += static_cast<char>(0x80 | (cp & 0x3f));
  }
}

}  // namespace

const std::string* XmlEvent::attribute(std::string_view key) const {
  for (const auto& [k, v] : attributes) {
    if (k == key) return &v;
  }
  return nullptr;
}

void XmlReader::advance(std::size_t count) {
  const std::size_t end = std::min(text_.size(), pos_ + count);
  line_ += static_cast<std::size_t>(std::count(text_.begin() + pos_, text_.begin() + end, '\n'));
  pos_ = end;
}

bool XmlReader::skip_past(std::string_view terminator) {
  const auto at = text_.find(terminator, pos_);
  if (at == std::string_view::npos) return false;
  advance(at + terminator.size() - pos_);
  return true;
}

Result<std::string> XmlReader::decode(std::string_view raw, std::size_t line) const {
  std::string out;
  out.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == '\n') ++line;
    if (raw[i] != '&') {
      out += raw[i];
      continue;
    }
    const auto semi = raw.find(';', i);
    if (semi == std::string_view::npos || semi - i > 12) {
      return parse_error(line, "unterminated entity reference");
    }
    const std::string_view name = raw.substr(i + 1, semi - i - 1);
    if (name == "lt")
      out += '<';
    else if (name == "gt")
      out += '>';
    else if (name == "amp")
      out += '&';
    else if (name == "quot")
      out += '"';
    else if (name == "apos")
      out += '\'';
    else if (name.size() > 1 && name[0] == '#') {
      const bool hex = name[1] == 'x' || name[1] == 'X';
      const std::string_view digits = name.substr(hex ? 2 : 1);
      std::uint32_t cp = 0;
      auto [p, ec] =
          std::from_chars(digits.data(), digits.data() + digits.size(), cp, hex ? 16 : 10);
      if (ec != std::errc() || p != digits.data() + digits.size() || digits.empty() || cp == 0 ||
          cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
        return parse_error(line, "bad character reference &" + std::string(name) + ";");
      }
      append_utf8(out, cp);
    } else {
      return parse_error(line, "unknown entity " + quote_token(name));
    }
    i = semi;
  }
  return out;
}

Result<XmlEvent> XmlReader::start_tag() {
  XmlEvent ev;
  ev.kind = XmlEvent::Kind::kStart;
  ev.line = line_;
  advance(1);  // '<'
  const std::size_t name_start = pos_;
  while (pos_ < text_.size() && is_name_char(text_[pos_])) ++pos_;
  ev.name = std::string(text_.substr(name_start, pos_ - name_start));
  if (ev.name.empty()) return parse_error(line_, "expected an element name after '<'");
  for (;;) {
    while (pos_ < text_.size() && is_space(text_[pos_])) advance(1);
    if (pos_ >= text_.size()) return parse_error(line_, "unterminated tag <" + ev.name + ">");
    if (text_[pos_] == '>') {
      advance(1);
      break;
    }
    if (text_.substr(pos_, 2) == "/>") {
      advance(2);
      pending_end_ = true;
      pending_name_ = ev.name;
      break;
    }
    const std::size_t key_start = pos_;
    while (pos_ < text_.size() && is_name_char(text_[pos_])) ++pos_;
    if (pos_ == key_start) {
      return parse_error(
          line_, "unexpected " + quote_token(text_.substr(pos_, 1)) + " in <" + ev.name + ">");
    }
    std::string key(text_.substr(key_start, pos_ - key_start));
    while (pos_ < text_.size() && is_space(text_[pos_])) advance(1);
    if (pos_ >= text_.size() || text_[pos_] != '=') {
      return parse_error(line_, "expected '=' after attribute " + quote_token(key));
    }
    advance(1);
    while (pos_ < text_.size() && is_space(text_[pos_])) advance(1);
    if (pos_ >= text_.size() || (text_[pos_] != '"' && text_[pos_] != '\'')) {
      return parse_error(line_, "expected a quoted value for attribute " + quote_token(key));
    }
    const char quote = text_[pos_];
    const auto close = text_.find(quote, pos_ + 1);
    if (close == std::string_view::npos) return parse_error(line_, "unterminated attribute value");
    const std::size_t value_line = line_;
    const std::string_view raw = text_.substr(pos_ + 1, close - pos_ - 1);
    if (raw.find('<') != std::string_view::npos) {
      return parse_error(line_, "'<' in attribute value");
    }
    advance(close + 1 - pos_);
    auto value = decode(raw, value_line);
    if (!value) return std::move(value).error();
    ev.attributes.emplace_back(std::move(key), std::move(*value));
  }
  if (!pending_end_) {
    if (open_.size() >= kMaxXmlDepth) return parse_error(ev.line, "elements nested too deeply");
    open_.push_back(ev.name);
  }
  return ev;
}

Result<XmlEvent> XmlReader::next() {
  if (pending_end_) {
    pending_end_ = false;
    XmlEvent ev;
    ev.kind = XmlEvent::Kind::kEnd;
    ev.name = std::move(pending_name_);
    ev.line = line_;
    return ev;
  }
  for (;;) {
    if (pos_ >= text_.size()) {
      if (!open_.empty()) return parse_error(line_, "end of file inside <" + open_.back() + ">");
      XmlEvent ev;
      ev.line = line_;
      return ev;
    }
    if (text_[pos_] != '<') {
      const std::size_t start_line = line_;
      const auto lt = text_.find('<', pos_);
      const std::size_t end = lt == std::string_view::npos ? text_.size() : lt;
      const std::string_view raw = text_.substr(pos_, end - pos_);
      advance(end - pos_);
      if (std::all_of(raw.begin(), raw.end(), is_space)) continue;
      if (open_.empty()) return parse_error(start_line, "text outside the root element");
      auto decoded = decode(raw, start_line);
      if (!decoded) return std::move(decoded).error();
      XmlEvent ev;
      ev.kind = XmlEvent::Kind::kText;
      ev.text = std::move(*decoded);
      ev.line = start_line;
      return ev;
    }
    const std::string_view rest = text_.substr(pos_);
    const std::size_t start_line = line_;
    if (rest.starts_with("<!--")) {
      if (!skip_past("-->")) return parse_error(start_line, "unterminated comment");
    } else if (rest.starts_with("<![CDATA[")) {
      advance(9);
      const auto end = text_.find("]]>", pos_);
      if (end == std::string_view::npos) return parse_error(start_line, "unterminated CDATA");
      XmlEvent ev;
      ev.kind = XmlEvent::Kind::kText;
      ev.text = std::string(text_.substr(pos_, end - pos_));
      ev.line = start_line;
      advance(end + 3 - pos_);
      if (open_.empty()) return parse_error(start_line, "CDATA outside the root element");
      return ev;
    } else if (rest.starts_with("<?")) {
      if (!skip_past("?>")) return parse_error(start_line, "unterminated processing instruction");
    } else if (rest.starts_with("<!")) {
      const auto gt = text_.find('>', pos_);
      if (gt == std::string_view::npos ||
          text_.substr(pos_, gt - pos_).find('[') != std::string_view::npos) {
        return parse_error(start_line, "unsupported or unterminated declaration");
      }
      advance(gt + 1 - pos_);
    } else if (rest.starts_with("</")) {
      advance(2);
      const std::size_t name_start = pos_;
      while (pos_ < text_.size() && is_name_char(text_[pos_])) ++pos_;
      std::string name(text_.substr(name_start, pos_ - name_start));
      while (pos_ < text_.size() && is_space(text_[pos_])) advance(1);
      if (pos_ >= text_.size() || text_[pos_] != '>') {
        return parse_error(line_, "malformed closing tag");
      }
      advance(1);
      if (open_.empty() || open_.back() != name) {
        return parse_error(start_line, "closing tag </" + name.substr(0, 40) + "> does not match" +
                                           (open_.empty() ? std::string(" any open element")
                                                          : " <" + open_.back() + ">"));
      }
      open_.pop_back();
      XmlEvent ev;
      ev.kind = XmlEvent::Kind::kEnd;
      ev.name = std::move(name);
      ev.line = start_line;
      return ev;
    } else {
      return start_tag();
    }
  }
}

}  // namespace kring::graph
