#pragma once
// gzip for responses: JSON and text bodies shrink 5-10x (the 10k-member
// network map is 4.9 MB of JSON), which matters more on a phone than the
// milliseconds zlib takes.
//
// Thread-safe: no shared state.

#include <string>
#include <string_view>

#include "http/response.h"

namespace kring::http {

// Whether an Accept-Encoding header value allows gzip (listed, not q=0).
bool accepts_gzip(std::string_view accept_encoding);

// Compresses response.body with gzip when the client accepts it, the type is
// text-like and the body is at least kMinCompressedBody bytes; sets
// Content-Encoding and Vary. Leaves the response as it is otherwise.
void compress_response(Response& response, std::string_view accept_encoding);

inline constexpr size_t kMinCompressedBody = 1024;

}  // namespace kring::http
