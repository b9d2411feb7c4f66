#include "http/static_files.h"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace kring::http {

namespace fs = std::filesystem;

namespace {
struct MimeType {
  std::string_view extension;
  std::string_view type;
};
constexpr MimeType kMimeTypes[] = {
    {".html", "text/html; charset=utf-8"}, {".js", "text/javascript; charset=utf-8"},
    {".css", "text/css; charset=utf-8"},   {".json", "application/json"},
    {".svg", "image/svg+xml"},             {".png", "image/png"},
    {".ico", "image/x-icon"},              {".woff2", "font/woff2"},
    {".webmanifest", "application/manifest+json"},
    {".txt", "text/plain; charset=utf-8"}, {".map", "application/json"},
};

std::string_view mime_for(const std::string& path) {
  for (const auto& m : kMimeTypes) {
    if (path.ends_with(m.extension)) return m.type;
  }
  return "application/octet-stream";
}
}  // namespace

void add_page_security_headers(Response& response) {
  response.headers.emplace_back(
      "Content-Security-Policy",
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' "
      "data: https:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors "
      "'none'; form-action 'self'");
  response.headers.emplace_back("X-Content-Type-Options", "nosniff");
  response.headers.emplace_back("Referrer-Policy", "same-origin");
  response.headers.emplace_back("X-Frame-Options", "DENY");
}

StaticFiles::StaticFiles(std::string root) : root_(std::move(root)) {}

std::optional<Response> StaticFiles::file_response(const std::string& relative,
                                                   bool revalidate) const {
  if (root_.empty()) return std::nullopt;
  fs::path full = fs::path(root_) / relative;
  std::error_code ec;
  if (!fs::is_regular_file(full, ec)) return std::nullopt;
  std::ifstream in(full, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream content;
  content << in.rdbuf();
  Response r;
  r.status = 200;
  r.body = content.str();
  r.content_type = std::string(mime_for(full.string()));
  r.headers.emplace_back("Cache-Control", revalidate ? "no-cache"
                                                     : "public, max-age=31536000, immutable");
  if (r.content_type.starts_with("text/html")) add_page_security_headers(r);
  return r;
}

Response StaticFiles::serve(const Request& request) const {
  const std::string& path = request.path;
  // Refuse anything that could climb out of the root.
  bool safe = path.find("..") == std::string::npos && path.find('\\') == std::string::npos;
  std::string relative = path.substr(1);
  if (safe && !relative.empty()) {
    bool hashed = relative.starts_with("assets/");
    if (auto r = file_response(relative, !hashed)) return *r;
    bool looks_like_file = relative.find('.', relative.rfind('/') + 1) != std::string::npos;
    if (hashed || looks_like_file) return Response::error(404, "not_found", "no such file");
  }
  if (auto index = file_response("index.html", true)) return *index;
  return Response::error(404, "not_found",
                         "the web app is not built; run `make run` or `make web`");
}

}  // namespace kring::http
