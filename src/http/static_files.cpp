#include "http/static_files.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "http/static_path.h"

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

std::string_view mime_for(std::string_view name) {
  for (const auto& m : kMimeTypes) {
    if (name.ends_with(m.extension)) return m.type;
  }
  return "application/octet-stream";
}

// Reads a listed file. O_NOFOLLOW: the listed path is canonical, so a final
// component that has become a symlink since start-up is refused, not followed.
std::optional<std::string> read_regular_file(const fs::path& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  struct stat st {};
  std::optional<std::string> content;
  if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
    std::string buffer;
    buffer.reserve(static_cast<size_t>(st.st_size));
    char chunk[65536];
    ssize_t n;
    while ((n = ::read(fd, chunk, sizeof chunk)) > 0) buffer.append(chunk, static_cast<size_t>(n));
    if (n == 0) content = std::move(buffer);
  }
  ::close(fd);
  return content;
}
}  // namespace

void add_page_security_headers(Response& response, RemoteImages remote_images,
                               std::string_view map_tile_origin) {
  std::string csp = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; ";
  csp += remote_images == RemoteImages::kAllowed ? "img-src 'self' data: https:" : "img-src 'self' data:";
  if (!map_tile_origin.empty()) {
    csp += ' ';
    csp += map_tile_origin;
  }
  csp += "; ";
  csp +=
      "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
      "form-action 'self'";
  response.headers.emplace_back("Content-Security-Policy", std::move(csp));
  response.headers.emplace_back("X-Content-Type-Options", "nosniff");
  response.headers.emplace_back("Referrer-Policy", "same-origin");
  response.headers.emplace_back("X-Frame-Options", "DENY");
}

Result<StaticFiles> StaticFiles::open(const fs::path& root, const fs::path& data_dir,
                                      RemoteImages remote_images, std::string map_tile_origin) {
  auto index = StaticFileIndex::scan(root, data_dir);
  if (!index) return std::move(index).error();
  return StaticFiles(std::move(*index), remote_images, std::move(map_tile_origin));
}

std::optional<Response> StaticFiles::file_response(std::string_view name, bool revalidate) const {
  const fs::path* path = index_.find(name);
  if (!path) return std::nullopt;
  auto content = read_regular_file(*path);
  if (!content) return std::nullopt;
  Response r;
  r.status = 200;
  r.body = std::move(*content);
  r.content_type = std::string(mime_for(name));
  r.headers.emplace_back("Cache-Control", revalidate ? "no-cache"
                                                     : "public, max-age=31536000, immutable");
  if (r.content_type.starts_with("text/html")) add_page_security_headers(r, remote_images_, map_tile_origin_);
  return r;
}

Response StaticFiles::serve(const Request& request) const {
  StaticPath path = classify_static_path(request.path);
  if (path.kind == StaticPath::Kind::kRejected) {
    return Response::error(404, "not_found", "no such file");
  }
  if (path.kind == StaticPath::Kind::kName) {
    bool hashed = path.name.starts_with("assets/");
    if (auto r = file_response(path.name, !hashed)) return *r;
    bool looks_like_file = path.name.find('.', path.name.rfind('/') + 1) != std::string::npos;
    if (hashed || looks_like_file) return Response::error(404, "not_found", "no such file");
  }
  if (auto index = file_response("index.html", true)) return *index;
  return Response::error(404, "not_found",
                         "the web app is not built; run `make run` or `make web`");
}

}  // namespace kring::http
