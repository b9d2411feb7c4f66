#pragma once
// A small CSV writer (RFC 4180): fields separated by commas, rows ended by
// CRLF, a field quoted when it holds a comma, a double quote, CR or LF, with
// its quotes doubled. Text cells are guarded against spreadsheet formula
// injection (OWASP "CSV Injection"): one that starts with = + - @ TAB or CR
// gets a leading single quote, so a spreadsheet shows it as text instead of
// running it. Number cells are written as they are (a negative longitude
// stays a number).
//
// Appends to a string the caller owns; not thread-safe (one writer, one string).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kring::http {

class CsvWriter {
 public:
  explicit CsvWriter(std::string& out) : out_(out) {}

  CsvWriter& text(std::string_view value);
  CsvWriter& text_or_empty(const std::optional<std::string>& value);  // empty cell when absent
  CsvWriter& number(std::int64_t value);
  CsvWriter& number(double value);  // shortest form that reads back the same
  CsvWriter& number(const std::optional<double>& value);
  CsvWriter& empty();
  void end_row();

 private:
  void separate();

  std::string& out_;
  bool row_started_ = false;
};

}  // namespace kring::http
