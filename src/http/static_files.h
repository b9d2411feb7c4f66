#pragma once
// Serves the built web app (web/dist) with caching headers: hashed assets
// are immutable for a year, index.html is revalidated every time. Paths that
// are not files fall back to index.html so deep links work (history API).
//
// Only files in the StaticFileIndex listed at start-up are ever read
// (http/static_file_index.h): a rebuilt web app is served after a restart.
//
// Thread-safe: files are read per request (the OS page cache keeps them hot).

#include <filesystem>
#include <string>

#include "core/result.h"
#include "http/request.h"
#include "http/response.h"
#include "http/static_file_index.h"

namespace kring::http {

// Whether pages may load images from other sites (kring serve
// --allow-remote-images). Off by default: a remote image tells its host the
// address of every reader.
enum class RemoteImages { kBlocked, kAllowed };

class StaticFiles {
 public:
  // Lists root (see StaticFileIndex::scan for its errors, e.g. a root that
  // contains data_dir). A root that does not exist is fine: then every page
  // is a 404 with a hint. map_tile_origin: the CSP source of the map's
  // tiles (http/map_tiles.h), empty when the operator set none.
  static Result<StaticFiles> open(const std::filesystem::path& root,
                                  const std::filesystem::path& data_dir,
                                  RemoteImages remote_images, std::string map_tile_origin = {});
  Response serve(const Request& request) const;
  size_t file_count() const { return index_.size(); }

 private:
  StaticFiles(StaticFileIndex index, RemoteImages remote_images, std::string map_tile_origin)
      : index_(std::move(index)),
        remote_images_(remote_images),
        map_tile_origin_(std::move(map_tile_origin)) {}
  std::optional<Response> file_response(std::string_view name, bool revalidate) const;

  StaticFileIndex index_;
  RemoteImages remote_images_;
  std::string map_tile_origin_;
};

// Security headers for every HTML page: a strict Content-Security-Policy
// without inline scripts; img-src allows other sites only with kAllowed,
// and the map's tile origin only when one is set.
void add_page_security_headers(Response& response, RemoteImages remote_images,
                               std::string_view map_tile_origin = {});

}  // namespace kring::http
