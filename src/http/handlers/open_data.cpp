// GET /api/v1/spaces/{s}/open-data.csv and .json: a space's ideas and
// reports as open data (social/open_data.h), optionally `kind=idea|report`.
// Responses are whole strings (http/response.h), so the rows are written
// into the body batch by batch as the service reads them: one batch of rows
// is in memory at a time besides the body itself.
#include <charconv>
#include <cmath>
#include <optional>
#include <string>

#include "core/time.h"
#include "http/csv.h"
#include "http/handlers/handlers.h"
#include "http/handlers/reply.h"

namespace kring::http {

namespace {

using social::OpenDataRow;

// The columns, in order; the JSON items carry the same names.
constexpr std::string_view kColumns[] = {
    "id",        "kind",    "title",       "status",     "category",          "lat",
    "lon",       "address", "votes",       "created_at", "status_changed_at", "status_changes",
    "last_note", "author",  "duplicate_of"};

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

// A JSON string literal. The body is written by hand, row by row, instead of
// an nlohmann object per row (an ordered map built and dumped 100k times):
// a 100k-item space exports in 1.1-1.3 s as JSON and 1.0-1.2 s as CSV
// (curl, loopback, 2-core Xeon dev box), most of it the query. Stored text
// is valid UTF-8 (core/validation), so only quotes, backslashes and control
// characters need escaping.
void append_string(std::string& out, std::string_view text) {
  out += '"';
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (u < 0x20) {
      static constexpr char kHex[] = "0123456789abcdef";
      out += "\\u00";
      out += kHex[u >> 4];
      out += kHex[u & 0xf];
    } else {
      out += c;
    }
  }
  out += '"';
}

void append_string_or_null(std::string& out, const std::optional<std::string>& text) {
  if (text) {
    append_string(out, *text);
  } else {
    out += "null";
  }
}

void append_number(std::string& out, const std::optional<double>& value) {
  if (!value || !std::isfinite(*value)) {
    out += "null";
    return;
  }
  char buffer[32];
  auto r = std::to_chars(buffer, buffer + sizeof buffer, *value);
  out.append(buffer, r.ptr);
}

// One item, its fields in the CSV's column order.
void append_row_json(std::string& out, const OpenDataRow& r) {
  std::size_t column = 0;
  auto key = [&] {
    out += column == 0 ? "{\"" : ",\"";
    out += kColumns[column++];
    out += "\":";
  };
  key(), append_string(out, std::to_string(r.id));
  key(), append_string(out, r.kind);
  key(), append_string(out, r.title);
  key(), append_string(out, r.status);
  key(), append_string_or_null(out, r.category);
  key(), append_number(out, r.lat);
  key(), append_number(out, r.lon);
  key(), append_string_or_null(out, r.address);
  key(), out += std::to_string(r.votes);
  key(), append_string(out, format_rfc3339(r.created_at));
  key(), append_string_or_null(out, optional_time(r.status_changed_at));
  key(), out += std::to_string(r.status_changes);
  key(), append_string(out, r.last_note);
  key(), append_string_or_null(out, r.author);
  key(), append_string_or_null(out, optional_id(r.duplicate_of));
  out += '}';
}

social::OpenDataRequest request_of(Context& ctx) {
  social::OpenDataRequest r{ctx.request.param("s"), std::nullopt};
  if (ctx.request.has_query("kind")) r.kind = ctx.request.query_value("kind");
  return r;
}

void attach(Response& response, std::string_view slug, std::string_view extension) {
  response.headers.emplace_back(
      "Content-Disposition", "attachment; filename=\"" + std::string(slug) + "-ideas-and-reports." +
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
        body += "{\"space\":";
        append_string(body, slug);
        body += ",\"generated_at\":";
        append_string(body, format_rfc3339(now_micros()));
        body += ",\"items\":[";
      },
      [&](const OpenDataRow& r) {
        if (!first) body += ',';
        first = false;
        append_row_json(body, r);
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
