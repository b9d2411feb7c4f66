#pragma once
// Whether a browser request comes from kring's own pages. Browsers send
// Origin on every cross-site POST; a page on another site that posts to
// kring (login CSRF: logging the visitor into the attacker's account) is
// refused when its Origin is not ours.
//
// Pure functions; thread-safe.

#include <string>
#include <string_view>

namespace kring::http {

// True when origin ("scheme://host[:port]") is one kring answers on: its
// host[:port] equals the request's Host header (scheme http or https, compared
// without case), or it equals public_origin (kring serve --public-origin, for
// a reverse proxy that rewrites Host). "null" and anything unparsable are not
// ours. An absent Origin is the caller's business: check has_origin first.
bool is_own_origin(std::string_view origin, std::string_view host, std::string_view public_origin);

// "https://Kring.Example/" -> "https://kring.example"; empty when value is not
// an http(s) origin without path, query or credentials. For --public-origin.
std::string normalize_origin(std::string_view value);

}  // namespace kring::http
