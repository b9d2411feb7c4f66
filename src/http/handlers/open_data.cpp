// GET /api/v1/spaces/{s}/open-data.csv and .json: a space's ideas and
// reports as open data (social/open_data.h), optionally `kind=idea|report`.
// Responses are whole strings (http/response.h), so the rows are written
// into the body batch by batch as the service reads them: one batch of rows
// is in memory at a time besides the body itself.
#include <nlohmann/json.hpp>

#include "core/time.h"
#include "http/csv.h"
#include "http/handlers/handlers.h"
#include "http/handlers/reply.h"

namespace kring::http {

namespace {

using social::OpenDataRow;

// The columns, in order; the JSON items carry the same names.
constexpr std::string_view kColumns[] = {
    "id",      "kind",       "title",           "status",         "category",
    "lat",     "lon",        "address",         "votes",          "created_at",
    "status_changed_at",     "status_changes",  "last_note",      "author",
    "duplicate_of"};

std::optional<std::string> optional_time(const std::optional<Micros>& t) {
  if (!t) return std::nullopt;
  return format_rfc3339(*t);
}

std::optional<std::string> optional_id(const std::optional<ItemId>& id) {
  if (!id) return std::nullopt;
  return std::to_string(*id);
}

void write_csv_row(CsvWriter& w, const OpenDataRow& r) {
  w.text(std::to_string(r.id)).text(r.kind).text(r.title).text(r.status);
  w.text_or_empty(r.category).number(r.lat).number(r.lon).text_or_empty(r.address);
  w.number(r.votes).text(format_rfc3339(r.created_at));
  w.text_or_empty(optional_time(r.status_changed_at)).number(r.status_changes);
  w.text(r.last_note).text_or_empty(r.author).text_or_empty(optional_id(r.duplicate_of));
  w.end_row();
}

// Ordered: an item's fields come in the CSV's column order.
using Json = nlohmann::ordered_json;

template <typename T>
Json or_null(const std::optional<T>& v) {
  return v ? Json(*v) : Json(nullptr);
}

Json row_json(const OpenDataRow& r) {
  return {{"id", std::to_string(r.id)},
          {"kind", r.kind},
          {"title", r.title},
          {"status", r.status},
          {"category", or_null(r.category)},
          {"lat", or_null(r.lat)},
          {"lon", or_null(r.lon)},
          {"address", or_null(r.address)},
          {"votes", r.votes},
          {"created_at", format_rfc3339(r.created_at)},
          {"status_changed_at", or_null(optional_time(r.status_changed_at))},
          {"status_changes", r.status_changes},
          {"last_note", r.last_note},
          {"author", or_null(r.author)},
          {"duplicate_of", or_null(optional_id(r.duplicate_of))}};
}

social::OpenDataRequest request_of(Context& ctx) {
  social::OpenDataRequest r{ctx.request.param("s"), std::nullopt};
  if (ctx.request.has_query("kind")) r.kind = ctx.request.query_value("kind");
  return r;
}

void attach(Response& response, std::string_view slug, std::string_view extension) {
  response.headers.emplace_back(
      "Content-Disposition",
      "attachment; filename=\"" + std::string(slug) + "-ideas-and-reports." +
          std::string(extension) + "\"");
}

Response open_data_csv(social::Services& s, Context& ctx) {
  Response response;
  response.content_type = "text/csv; charset=utf-8";
  CsvWriter w(response.body);
  std::string slug;
  auto status = s.open_data.write(
      ctx.actor, request_of(ctx),
      [&](std::string_view space) {
        slug = space;
        for (std::string_view column : kColumns) w.text(column);
        w.end_row();
      },
      [&](const OpenDataRow& r) { write_csv_row(w, r); });
  if (!status) return Response::error(status.error());
  attach(response, slug, "csv");
  return response;
}

Response open_data_json(social::Services& s, Context& ctx) {
  Response response;
  std::string& body = response.body;
  std::string slug;
  bool first = true;
  auto status = s.open_data.write(
      ctx.actor, request_of(ctx),
      [&](std::string_view space) {
        slug = space;
        body += "{\"space\":" + nlohmann::json(slug).dump() +
                ",\"generated_at\":" + nlohmann::json(format_rfc3339(now_micros())).dump() +
                ",\"items\":[";
      },
      [&](const OpenDataRow& r) {
        if (!first) body += ',';
        first = false;
        body += row_json(r).dump();
      });
  if (!status) return Response::error(status.error());
  body += "]}";
  attach(response, slug, "json");
  return response;
}

}  // namespace

void register_open_data_routes(Router& router, social::Services& s) {
  router.add(beast_http::verb::get, "/api/v1/spaces/{s}/open-data.csv",
             [&s](Context& c) { return open_data_csv(s, c); });
  router.add(beast_http::verb::get, "/api/v1/spaces/{s}/open-data.json",
             [&s](Context& c) { return open_data_json(s, c); });
}

}  // namespace kring::http
