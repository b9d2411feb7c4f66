#pragma once
// A minimal pull parser for the XML subset graph files use: elements,
// attributes, text, comments, CDATA, processing instructions and a DOCTYPE
// without an internal subset. Entities: the five predefined ones and
// numeric character references. No namespaces (prefixes stay in names), no
// external entities, so no XXE. Errors carry the line number.
//
// Thread-safety: one reader per thread; it borrows `text`, which must
// outlive it.

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.h"

namespace kring::graph {

// Deepest element nesting accepted.
inline constexpr std::size_t kMaxXmlDepth = 256;

struct XmlEvent {
  enum class Kind { kStart, kEnd, kText, kEndOfDocument };
  Kind kind = Kind::kEndOfDocument;
  std::string name;                                             // kStart / kEnd
  std::vector<std::pair<std::string, std::string>> attributes;  // kStart, decoded
  std::string text;                                             // kText, decoded
  std::size_t line = 1;
  // Returns the attribute's value, or nullptr.
  const std::string* attribute(std::string_view key) const;
};

class XmlReader {
 public:
  explicit XmlReader(std::string_view text) : text_(text) {}
  // The next event. A self-closing element yields kStart then kEnd. At the
  // end of the text, checks that every element was closed.
  Result<XmlEvent> next();
  std::size_t line() const { return line_; }

 private:
  Result<XmlEvent> start_tag();
  Result<std::string> decode(std::string_view raw, std::size_t line) const;
  bool skip_past(std::string_view terminator);
  void advance(std::size_t count);

  std::string_view text_;
  std::size_t pos_ = 0;
  std::size_t line_ = 1;
  std::vector<std::string> open_;
  bool pending_end_ = false;
  std::string pending_name_;
};

}  // namespace kring::graph
