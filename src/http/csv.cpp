#include "http/csv.h"

#include <charconv>
#include <cmath>

namespace kring::http {

namespace {

bool starts_formula(std::string_view v) {
  if (v.empty()) return false;
  switch (v.front()) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r':
      return true;
    default:
      return false;
  }
}

bool needs_quotes(std::string_view v) {
  return v.find_first_of(",\"\r\n") != std::string_view::npos;
}

}  // namespace

void CsvWriter::separate() {
  if (row_started_) out_ += ',';
  row_started_ = true;
}

CsvWriter& CsvWriter::text(std::string_view value) {
  separate();
  const bool quoted = needs_quotes(value);
  if (quoted) out_ += '"';
  if (starts_formula(value)) out_ += '\'';
  for (char c : value) {
    if (c == '"') out_ += '"';
    out_ += c;
  }
  if (quoted) out_ += '"';
  return *this;
}

CsvWriter& CsvWriter::text_or_empty(const std::optional<std::string>& value) {
  return value ? text(*value) : empty();
}

CsvWriter& CsvWriter::number(std::int64_t value) {
  separate();
  out_ += std::to_string(value);
  return *this;
}

CsvWriter& CsvWriter::number(double value) {
  if (!std::isfinite(value)) return empty();
  separate();
  char buffer[32];
  auto r = std::to_chars(buffer, buffer + sizeof buffer, value);
  out_.append(buffer, r.ptr);
  return *this;
}

CsvWriter& CsvWriter::number(const std::optional<double>& value) {
  return value ? number(*value) : empty();
}

CsvWriter& CsvWriter::empty() {
  separate();
  return *this;
}

void CsvWriter::end_row() {
  out_ += "\r\n";
  row_started_ = false;
}

}  // namespace kring::http
