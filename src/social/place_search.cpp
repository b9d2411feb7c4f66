#include "social/place_search.h"

#include "core/validation.h"
#include "social/policy.h"
#include "store/place_search.h"

namespace kring::social {

namespace {

std::string trimmed(const std::string& text) {
  auto first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return {};
  auto last = text.find_last_not_of(" \t");
  return text.substr(first, last - first + 1);
}

}  // namespace

Result<std::vector<Place>> PlaceSearch::suggest(const Actor& viewer, const std::string& q) {
  KRING_TRY(decide(viewer, Action::kSearch));
  KRING_TRY(validate_text("q", q, 200, false));
  std::string text = trimmed(q);
  if (text.empty()) return Error::invalid("missing_query", "q must contain some text");
  auto conn = db_.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kRead);
  std::vector<Place> out;
  for (auto& hit : store::search_places(*conn, viewer.id, text, kMaxPlaceSuggestions)) {
    out.push_back({std::move(hit.address), hit.lat, hit.lon});
  }
  return out;
}

}  // namespace kring::social
