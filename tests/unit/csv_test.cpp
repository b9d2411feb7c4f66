#include "http/csv.h"

#include <gtest/gtest.h>

#include <cmath>

namespace kring::http {
namespace {

std::string row_of(std::initializer_list<std::string_view> cells) {
  std::string out;
  CsvWriter w(out);
  for (auto c : cells) w.text(c);
  w.end_row();
  return out;
}

TEST(CsvWriter, PlainFieldsAreSeparatedByCommasAndRowsEndInCrLf) {
  std::string out;
  CsvWriter w(out);
  w.text("a").text("b c").end_row();
  w.text("d").end_row();
  EXPECT_EQ(out, "a,b c\r\nd\r\n");
}

TEST(CsvWriter, FieldsWithCommaQuoteOrLineBreakAreQuotedWithQuotesDoubled) {
  EXPECT_EQ(row_of({"a,b"}), "\"a,b\"\r\n");
  EXPECT_EQ(row_of({"say \"hi\""}), "\"say \"\"hi\"\"\"\r\n");
  EXPECT_EQ(row_of({"two\nlines"}), "\"two\nlines\"\r\n");
  EXPECT_EQ(row_of({"cr\rhere"}), "\"cr\rhere\"\r\n");
  EXPECT_EQ(row_of({"\""}), "\"\"\"\"\r\n");
}

TEST(CsvWriter, EmptyAndAbsentCellsAreEmpty) {
  std::string out;
  CsvWriter w(out);
  w.text("")
      .text_or_empty(std::optional<std::string>())
      .empty()
      .number(std::optional<double>())
      .end_row();
  EXPECT_EQ(out, ",,,\r\n");
}

TEST(CsvWriter, TextStartingLikeAFormulaGetsASingleQuote) {
  EXPECT_EQ(row_of({"=1+2"}), "'=1+2\r\n");
  EXPECT_EQ(row_of({"+31"}), "'+31\r\n");
  EXPECT_EQ(row_of({"-x"}), "'-x\r\n");
  EXPECT_EQ(row_of({"@SUM(A1)"}), "'@SUM(A1)\r\n");
  EXPECT_EQ(row_of({"\tcmd"}), "'\tcmd\r\n");
  EXPECT_EQ(row_of({"\rcmd"}), "\"'\rcmd\"\r\n");
  EXPECT_EQ(row_of({"=HYPERLINK(\"x\",\"y\")"}), "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"\r\n");
}

TEST(CsvWriter, FormulaCharactersInsideTextAreLeftAlone) {
  EXPECT_EQ(row_of({"a=b", "x-y", "me@host"}), "a=b,x-y,me@host\r\n");
}

TEST(CsvWriter, NumbersAreWrittenAsTheyAreNegativeOnesToo) {
  std::string out;
  CsvWriter w(out);
  w.number(std::int64_t{-42}).number(52.0907).number(-5.5).number(0.1).end_row();
  EXPECT_EQ(out, "-42,52.0907,-5.5,0.1\r\n");
}

TEST(CsvWriter, NonFiniteNumbersAreEmptyCells) {
  std::string out;
  CsvWriter w(out);
  w.number(std::nan("")).number(1.0).end_row();
  EXPECT_EQ(out, ",1\r\n");
}

TEST(CsvWriter, Utf8TextPassesThroughUnchanged) {
  EXPECT_EQ(row_of({"Straße één"}), "Straße één\r\n");
}

}  // namespace
}  // namespace kring::http
