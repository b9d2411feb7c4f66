#pragma once
// Reads an XML document with expat and hands each element, end tag and
// piece of text to a callback, in document order. Graph files come from
// outside (uploads, `kring analyze FILE`), so the reader is strict:
// - a DOCTYPE, and with it every entity declaration, is refused before
//   anything in it is read: no external entities (XXE), no entity
//   expansion (billion laughs), no external DTD is ever loaded;
// - the five predefined entities and character references are decoded;
//   any other entity reference is an error;
// - elements nest at most kMaxXmlDepth deep.
// No namespace processing: prefixes stay in names. Errors are parse errors
// whose message starts with "line N: ".
//
// Thread-safety: reentrant; each call has its own parser.

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.h"

namespace kring::graph {

// Deepest element nesting accepted.
inline constexpr std::size_t kMaxXmlDepth = 256;

struct XmlEvent {
  enum class Kind { kStart, kEnd, kText };
  Kind kind = Kind::kStart;
  std::string_view name;                                                  // kStart / kEnd
  std::vector<std::pair<std::string_view, std::string_view>> attributes;  // kStart, decoded
  std::string_view text;  // kText: one piece; a run of text may come in several
  std::size_t line = 1;
  // Returns the attribute's value, or nullptr.
  const std::string_view* attribute(std::string_view key) const;
};

// Called for each event; the event and the views in it are valid only
// during the call. An error stops the reading and is returned by read_xml.
using XmlCallback = std::function<Status(const XmlEvent&)>;

// Reads the whole of `text`. Returns the callback's first error, or a parse
// error for XML that is not well-formed or uses what the header refuses.
// On success, `lines` (if given) is the document's line count.
Status read_xml(std::string_view text, const XmlCallback& on_event, std::size_t* lines = nullptr);

}  // namespace kring::graph
