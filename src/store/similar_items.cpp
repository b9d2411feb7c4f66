#include "store/similar_items.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>
#include <utility>

#include "core/kinds.h"
#include "store/item_listing.h"
#include "store/item_visibility_sql.h"
#include "store/search_repository.h"

namespace kring::store {

namespace {

// At most this many words of a text are compared: a whole body would make a
// query of hundreds of terms, each one a walk over its index entries, and
// the first words of a report (its title, when the form sends it first) say
// what it is about.
constexpr std::size_t kWordsCompared = 16;

// How many of the newest text matches are ranked (alike_in_text).
constexpr int kTextCandidates = 2000;

// Words in nearly every report or idea, in the instance's two languages
// (web/src/i18n: en, nl): a match on them alone says nothing. Lowercase;
// longer than kSimilarWordMin - 1 characters, since shorter words are left
// out anyway.
constexpr auto kCommonWords = std::to_array<std::string_view>({
    "and",  "are",  "but",   "can",   "for",   "from", "has",  "have", "here", "not",
    "now",  "our",  "out",   "the",   "there", "they", "this", "that", "was",  "were",
    "what", "when", "where", "which", "who",   "will", "with", "you",  "your", "aan",
    "als",  "bij",  "dat",   "die",   "dit",   "een",  "hem",  "het",  "hier", "hij",
    "maar", "met",  "naar",  "niet",  "nog",   "ook",  "over", "van",  "voor", "wat",
    "wel",  "werd", "wij",   "zijn",  "zij",   "zou",
});

// Characters, not bytes: UTF-8 continuation bytes do not start one.
std::size_t characters(std::string_view word) {
  return static_cast<std::size_t>(std::count_if(word.begin(), word.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

bool common(std::string_view word) {
  std::string lower(word);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return std::find(kCommonWords.begin(), kCommonWords.end(), lower) != kCommonWords.end();
}

// The words of `text` as search_repository's fts_query() splits and quotes
// them (so no FTS syntax in the text can reach the MATCH), unquoted again.
std::vector<std::string_view> words_of(const std::string& quoted) {
  std::vector<std::string_view> out;
  std::string_view rest = quoted;
  // fts_query() writes `"word"*` terms joined by one space; a word holds
  // neither spaces nor quotes.
  while (!rest.empty()) {
    std::size_t end = rest.find(' ');
    std::string_view term = rest.substr(0, end);
    if (term.size() >= 3) out.push_back(term.substr(1, term.size() - 3));
    if (end == std::string_view::npos) break;
    rest.remove_prefix(end + 1);
  }
  return out;
}

// Any of the text's telling words, each prefix-matched: a similar text
// shares some words, not all of them. Empty when it has none.
std::string any_word_query(std::string_view text) {
  std::string out;
  for (const std::string& word : telling_words(text)) {
    if (!out.empty()) out += " OR ";
    out += '"';
    out += word;
    out += "\"*";
  }
  return out;
}

// Haversine, on the sphere store/item_listing.h measures circles with.
double great_circle_km(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kRadiansPerDegree = std::numbers::pi / 180.0;
  const double dlat = (lat2 - lat1) * kRadiansPerDegree;
  const double dlon = (lon2 - lon1) * kRadiansPerDegree;
  const double a = std::pow(std::sin(dlat / 2), 2) + std::cos(lat1 * kRadiansPerDegree) *
                                                         std::cos(lat2 * kRadiansPerDegree) *
                                                         std::pow(std::sin(dlon / 2), 2);
  return 2 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(a)));
}

// What both parts ask of an item beyond their own match: the viewer may
// read it (?1), it is of the kind (?2), in the space when one is given
// (?3), and not at one of the kind's closed statuses (?20 on).
constexpr int kFirstClosedParam = 20;

std::string common_filter(const ItemKindRule& kind, bool in_space) {
  std::string where = kItemReadableSql + " AND i.kind = ?2";
  if (in_space) where += " AND i.space_id = ?3";
  if (!kind.closed_statuses.empty()) {
    where += " AND i.status NOT IN (";
    for (std::size_t n = 0; n < kind.closed_statuses.size(); ++n) {
      if (n > 0) where += ", ";
      where += '?';
      where += std::to_string(kFirstClosedParam + static_cast<int>(n));
    }
    where += ")";
  }
  return where;
}

void bind_common(Statement& st, const SimilarItemsQuery& q, const ItemKindRule& kind) {
  st.bind(1, q.viewer).bind(2, q.kind);
  if (q.space) st.bind(3, *q.space);
  for (std::size_t n = 0; n < kind.closed_statuses.size(); ++n) {
    st.bind(kFirstClosedParam + static_cast<int>(n), kind.closed_statuses[n]);
  }
}

// The same category within the radius, nearest first (the earlier item
// first at the same distance: it is the likelier original).
std::vector<ItemId> nearby(Connection& conn, const SimilarItemsQuery& q, const ItemKindRule& kind) {
  const double radius_km = kSimilarRadiusMeters / 1000.0;
  const GeoBox box = box_around({*q.lat, *q.lon, radius_km});
  // The R*Tree's 32-bit bounds are rounded outward: it finds the candidates,
  // the row's own point decides. CROSS JOIN keeps the R*Tree the outer loop:
  // left to itself SQLite walks the space's items of the kind by index and
  // probes the tree for each (167k reports in one space: 185 ms a check;
  // bench/items).
  auto st = conn.prepare(
      "SELECT i.id, i.lat, i.lon FROM item_places p CROSS JOIN items i ON i.id = p.id WHERE "
      "p.max_lat >= ?4 AND p.min_lat <= ?6 AND p.max_lon >= ?5 AND p.min_lon <= ?7 AND "
      "i.lat BETWEEN ?4 AND ?6 AND i.lon BETWEEN ?5 AND ?7 AND i.category = ?8 AND " +
      common_filter(kind, q.space.has_value()));
  bind_common(st, q, kind);
  st.bind(4, box.min_lat).bind(5, box.min_lon).bind(6, box.max_lat).bind(7, box.max_lon);
  st.bind(8, *q.category);
  std::vector<std::pair<double, ItemId>> found;
  while (st.step()) {
    const double km = great_circle_km(*q.lat, *q.lon, st.real(1), st.real(2));
    if (km <= radius_km) found.emplace_back(km, st.int64(0));
  }
  std::sort(found.begin(), found.end());
  std::vector<ItemId> out;
  for (const auto& [km, id] : found) {
    if (out.size() == static_cast<std::size_t>(q.limit)) break;
    out.push_back(id);
  }
  return out;
}

// Items whose title, body or tags share telling words with the text, best
// match first. A title says what an item is about, so a word there weighs
// three times one in the body or tags.
std::vector<ItemId> alike_in_text(Connection& conn, const SimilarItemsQuery& q,
                                  const ItemKindRule& kind, const std::string& match, int limit) {
  // Ranked among the newest kTextCandidates matches only: words such as a
  // street's name match thousands of items, and ranking them all costs
  // hundreds of ms at 1M items (bench/items: 279 -> 25 ms); an open item that repeats
  // this one is a recent one. FTS5 reads the newest matches by rowid
  // without ranking them, and the rowid bound keeps the ranked query to them.
  auto st = conn.prepare(
      "SELECT i.id FROM items_fts f JOIN items i ON i.id = f.rowid WHERE items_fts MATCH ?4 AND "
      "f.rowid >= (SELECT min(rowid) FROM (SELECT rowid FROM items_fts WHERE items_fts MATCH ?4 "
      "ORDER BY rowid DESC LIMIT ?6)) AND " +
      common_filter(kind, q.space.has_value()) +
      " ORDER BY bm25(items_fts, 3.0, 1.0, 1.0), i.id LIMIT ?5");
  bind_common(st, q, kind);
  st.bind(4, match).bind(5, limit).bind(6, kTextCandidates);
  std::vector<ItemId> out;
  while (st.step()) out.push_back(st.int64(0));
  return out;
}

}  // namespace

std::vector<std::string> telling_words(std::string_view text) {
  // The words point into the quoted text, which must outlive the loop.
  const std::string quoted = fts_query(text);
  std::vector<std::string> chosen;
  for (std::string_view word : words_of(quoted)) {
    if (chosen.size() == kWordsCompared) break;
    if (characters(word) < static_cast<std::size_t>(kSimilarWordMin) || common(word)) continue;
    std::string lower(word);
    for (char& c : lower) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    if (std::find(chosen.begin(), chosen.end(), lower) != chosen.end()) continue;
    chosen.push_back(std::move(lower));
  }
  return chosen;
}

bool comparable_text(std::string_view text) {
  // The words point into the quoted text, which must outlive the loop.
  const std::string quoted = fts_query(text);
  for (std::string_view word : words_of(quoted)) {
    if (characters(word) >= static_cast<std::size_t>(kSimilarWordMin)) return true;
  }
  return false;
}

std::vector<ItemId> similar_open_items(Connection& conn, const SimilarItemsQuery& q) {
  const ItemKindRule* kind = find_item_kind(q.kind);
  if (!kind || kind->statuses.empty() || q.limit <= 0) return {};
  std::vector<ItemId> out;
  if (q.category && q.lat && q.lon) out = nearby(conn, q, *kind);
  if (!q.text || out.size() >= static_cast<std::size_t>(q.limit)) return out;
  const std::string match = any_word_query(*q.text);
  if (match.empty()) return out;
  // Asking for as many more as were found nearby leaves enough once those
  // are skipped.
  const int wanted = q.limit + static_cast<int>(out.size());
  for (ItemId id : alike_in_text(conn, q, *kind, match, wanted)) {
    if (out.size() == static_cast<std::size_t>(q.limit)) break;
    if (std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id);
  }
  return out;
}

}  // namespace kring::store
