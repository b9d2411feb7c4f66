#include "social/similar_items.h"

#include "core/kinds.h"
#include "social/capabilities.h"
#include "social/policy.h"
#include "store/item_repository.h"
#include "store/space_repository.h"

namespace kring::social {

namespace {

std::string joined(std::span<const std::string_view> names) {
  std::string out;
  for (auto n : names) out += (out.empty() ? "" : ", ") + std::string(n);
  return out;
}

// The kinds that have a workflow, and so open items.
std::string kinds_with_workflow() {
  std::string out;
  for (const auto& k : item_kinds()) {
    if (!k.statuses.empty()) out += (out.empty() ? "" : ", ") + std::string(k.kind);
  }
  return out;
}

// The checks that need no database, into `q`.
Status check_request(const SimilarItemsRequest& r, store::SimilarItemsQuery& q) {
  if (!r.kind) {
    return Error::invalid("invalid_filter", "kind: required, one of " + kinds_with_workflow());
  }
  const ItemKindRule* kind = find_item_kind(*r.kind);
  if (!kind) {
    std::string known;
    for (const auto& k : item_kinds()) known += (known.empty() ? "" : ", ") + std::string(k.kind);
    return Error::invalid("unknown_kind", "kind must be one of: " + known);
  }
  if (kind->statuses.empty()) {
    return Error::invalid("no_workflow", "a " + std::string(kind->kind) +
                                             " has no workflow, so none is open or closed; "
                                             "kind must be one of: " +
                                             kinds_with_workflow());
  }
  q.kind = std::string(kind->kind);
  if (r.category) {
    if (!is_item_category(*r.category)) {
      return Error::invalid("unknown_category",
                            "category must be one of: " + joined(item_categories()));
    }
    q.category = *r.category;
  }
  if (r.place) {
    if (!on_globe(r.place->lat, r.place->lon)) {
      return Error::invalid("invalid_location", "lat must be in -90..90 and lon in -180..180");
    }
    q.lat = r.place->lat;
    q.lon = r.place->lon;
  }
  if (r.text) {
    if (r.text->size() > kSimilarTextMax) {
      return Error::invalid("invalid_filter",
                            "text: at most " + std::to_string(kSimilarTextMax) + " bytes");
    }
    if (store::comparable_text(*r.text)) q.text = *r.text;
  }
  if (!(q.category && q.lat) && !q.text) {
    return Error::invalid("nothing_to_compare",
                          "give a category with lat and lon, or a text with a word of at least " +
                              std::to_string(store::kSimilarWordMin) + " letters");
  }
  return {};
}

}  // namespace

Result<SimilarItemsFound> SimilarItems::find(const Actor& viewer, const SimilarItemsRequest& r) {
  store::SimilarItemsQuery q;
  q.viewer = viewer.id;
  q.limit = kSimilarItemsOffered;
  KRING_TRY(check_request(r, q));
  auto conn = db_.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kRead);
  if (r.space) {
    store::SpaceRepository spaces(*conn);
    auto space = spaces.find_by_slug(*r.space);
    if (!space) {
      return refuse_missing(viewer, Action::kReadFeed, "no space with slug '" + *r.space + "'");
    }
    std::optional<Membership> m;
    if (viewer.signed_in()) m = spaces.membership(space->id, viewer.id);
    KRING_TRY(decide(viewer, Action::kReadFeed, Resource::of_space(*space, m)));
    q.space = space->id;
  } else {
    KRING_TRY(decide(viewer, Action::kReadFeed));
  }
  store::ItemRepository items(*conn);
  SimilarItemsFound found;
  StandingCache standing(*conn, viewer);
  for (ItemId id : store::similar_open_items(*conn, q)) {
    auto item = items.find(id);
    if (!item) continue;
    found.items.push_back(view_item(*conn, viewer.id, std::move(*item)));
    fill_can(standing, found.items.back());
  }
  return found;
}

}  // namespace kring::social
