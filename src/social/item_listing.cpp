#include "social/item_listing.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <vector>

#include "core/kinds.h"
#include "social/capabilities.h"
#include "social/instance_communities.h"
#include "social/markdown.h"
#include "social/policy.h"
#include "store/item_listing.h"
#include "store/item_repository.h"
#include "store/member_repository.h"
#include "store/space_repository.h"
#include "store/vote_repository.h"

namespace kring::social {

namespace {

constexpr std::string_view kDiverseSort = "diverse";

Error bad_filter(std::string_view name, std::string_view why) {
  return Error::invalid("invalid_filter", std::string(name) + ": " + std::string(why));
}

// Comma-separated finite numbers, exactly `count` of them.
std::optional<std::vector<double>> numbers(const std::string& text, std::size_t count) {
  std::vector<double> out;
  const char* p = text.data();
  const char* end = p + text.size();
  while (out.size() < count) {
    double v = 0;
    auto r = std::from_chars(p, end, v);
    if (r.ec != std::errc() || !std::isfinite(v)) return std::nullopt;
    out.push_back(v);
    p = r.ptr;
    if (out.size() < count) {
      if (p == end || *p != ',') return std::nullopt;
      ++p;
    }
  }
  if (p != end) return std::nullopt;
  return out;
}

Result<store::GeoBox> parse_bbox(const std::string& text) {
  auto n = numbers(text, 4);
  if (!n) return bad_filter("bbox", "must be min_lat,min_lon,max_lat,max_lon");
  store::GeoBox box{(*n)[0], (*n)[1], (*n)[2], (*n)[3]};
  if (!on_globe(box.min_lat, box.min_lon) || !on_globe(box.max_lat, box.max_lon) ||
      box.min_lat > box.max_lat || box.min_lon > box.max_lon) {
    return Error::invalid("invalid_location",
                          "bbox needs -90 <= min_lat <= max_lat <= 90 and -180 <= min_lon <= "
                          "max_lon <= 180");
  }
  return box;
}

Result<store::GeoCircle> parse_near(const std::string& text) {
  auto n = numbers(text, 3);
  if (!n) return bad_filter("near", "must be lat,lon,km");
  store::GeoCircle circle{(*n)[0], (*n)[1], (*n)[2]};
  if (!on_globe(circle.lat, circle.lon)) {
    return Error::invalid("invalid_location", "near needs lat in -90..90 and lon in -180..180");
  }
  if (!(circle.km > 0) || circle.km > kMaxNearKm) {
    return bad_filter("near", "km must be above 0 and at most 100");
  }
  return circle;
}

// The filters that need no database, checked into `q`.
Status check_filters(const ItemListingRequest& r, store::ItemListingQuery& q) {
  // `diverse` scans the items in the vote order (rank_diverse).
  if (r.sort && (*r.sort == "votes" || *r.sort == kDiverseSort)) {
    q.sort = store::ItemSort::kVotes;
  } else if (r.sort && *r.sort != "new") {
    return bad_filter("sort", "must be new, votes or diverse");
  }
  const ItemKindRule* rule = nullptr;
  if (r.kind) {
    rule = find_item_kind(*r.kind);
    if (!rule) {
      std::string known;
      for (const auto& k : item_kinds()) known += (known.empty() ? "" : ", ") + std::string(k.kind);
      return Error::invalid("unknown_kind", "kind must be one of: " + known);
    }
    q.kind = std::string(rule->kind);
  }
  if (r.when) {
    if (r.sort) return bad_filter("when", "orders by the start; leave sort out");
    if (!rule || !rule->field(ItemField::kStartsAt)) {
      return bad_filter("when", "needs a kind with starts_at (kind=event)");
    }
    if (*r.when == "upcoming") {
      q.sort = store::ItemSort::kUpcoming;
    } else if (*r.when == "past") {
      q.sort = store::ItemSort::kPast;
    } else {
      return bad_filter("when", "must be upcoming or past");
    }
    q.now = now_micros();
  }
  if (r.status) {
    if (!rule) return Error::invalid("invalid_status", "status filters need a kind");
    if (!rule->has_status(*r.status)) {
      std::string known;
      for (auto s : rule->statuses) known += (known.empty() ? "" : ", ") + std::string(s);
      return Error::invalid("invalid_status",
                            "a " + std::string(rule->kind) + "'s status is one of: " + known);
    }
    q.status = *r.status;
  }
  if (r.open && *r.open != "true" && *r.open != "false") {
    return bad_filter("open", "must be true or false");
  }
  if (r.open == "true") {
    if (!rule) return bad_filter("open", "needs a kind");
    if (r.status) return bad_filter("open", "open and status exclude each other");
    for (auto s : rule->statuses) {
      if (rule->is_open(s)) q.statuses.emplace_back(s);
    }
    if (q.statuses.empty())
      return bad_filter("open", "a " + std::string(rule->kind) + " has no workflow");
  }
  if (r.skill) {
    std::string skill = store::normalize_term(*r.skill);
    if (skill.empty() || skill.size() > 512) return bad_filter("skill", "is not a skill");
    q.skill = std::move(skill);
  }
  if (r.category) {
    if (!is_item_category(*r.category)) {
      std::string known;
      for (auto c : item_categories()) known += (known.empty() ? "" : ", ") + std::string(c);
      return Error::invalid("unknown_category", "category must be one of: " + known);
    }
    q.category = *r.category;
  }
  if (r.tag) {
    auto tag = normalize_tag(*r.tag);
    if (!tag) return bad_filter("tag", "is not a tag");
    q.tag = *tag;
  }
  if (r.bbox && r.near) return bad_filter("near", "bbox and near exclude each other");
  if (r.bbox) {
    auto box = parse_bbox(*r.bbox);
    if (!box) return std::move(box).error();
    q.bbox = *box;
  }
  if (r.near) {
    auto circle = parse_near(*r.near);
    if (!circle) return std::move(circle).error();
    q.near = *circle;
  }
  return {};
}

// The diverse order's page after `after`, at most `size` items, by the
// threshold scan of DiverseRanking (support_diversity.h): the candidates
// come in the vote order (q.sort is kVotes) in chunks that grow, each
// chunk's voters read in one query, and the scan stops at the first
// candidate whose votes can no longer reach the page. Every page scans from
// the top, since a well-voted idea may score below the cursor; but items
// without votes all score 0 and come after every voted one, so a cursor
// among them starts the scan there. Takes O(c + votes on the c candidates
// read), c being at most the items with at least the page's last score in
// votes, plus a chunk.
std::vector<RankedItem> rank_diverse(store::Connection& conn, store::ItemListingQuery q,
                                     const std::optional<CursorKey>& after, int size,
                                     const InstanceCommunities& communities) {
  constexpr int kFirstChunk = 64;
  constexpr int kLastChunk = 4096;
  DiverseRanking ranking(after, static_cast<std::size_t>(size));
  store::VoteRepository votes(conn);
  q.after.reset();
  if (after && after->major == 0) q.after = CursorKey{0, after->id};
  for (int chunk = std::max(kFirstChunk, size);; chunk = std::min(chunk * 2, kLastChunk)) {
    q.limit = chunk;
    auto rows = store::list_item_ids(conn, q);
    // Only the candidates that may still enter need their voters read.
    std::vector<ItemId> voted;
    for (const auto& row : rows) {
      if (!ranking.open_to(row.key, row.id)) break;
      if (row.key > 0) voted.push_back(row.id);
    }
    auto support = communities.support_of(votes.voters_of(std::move(voted)));
    for (const auto& row : rows) {
      if (!ranking.open_to(row.key, row.id)) return ranking.best();
      auto found = support.find(row.id);
      ranking.offer(row.id, found == support.end() ? 0 : diverse_key(found->second.diverse_score));
    }
    if (static_cast<int>(rows.size()) < chunk) return ranking.best();
    q.after = CursorKey{rows.back().key, rows.back().id};
  }
}

}  // namespace

Result<Page<ItemView>> ItemListing::list(const Actor& viewer, const ItemListingRequest& r) {
  // The cursor is bound to the filters it came from.
  auto pager = Pager::open(
      list_name({"items", r.sort.value_or("new"), r.kind.value_or(""), r.space.value_or(""),
                 r.status.value_or(""), r.category.value_or(""), r.tag.value_or(""),
                 r.bbox.value_or(""), r.near.value_or(""), r.when.value_or(""),
                 r.skill.value_or(""), r.open.value_or("")}),
      r.page);
  if (!pager) return std::move(pager).error();
  store::ItemListingQuery q;
  q.viewer = viewer.id;
  q.limit = pager->fetch();
  q.after = pager->after();
  KRING_TRY(check_filters(r, q));
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
  // One snapshot of the communities for the order and the counts shown.
  const InstanceCommunities communities = InstanceCommunities::of(*conn);
  std::vector<store::ListedItem> listed;
  if (r.sort == kDiverseSort) {
    for (const auto& ranked : rank_diverse(*conn, q, q.after, q.limit, communities)) {
      listed.push_back({ranked.id, ranked.key});
    }
  } else {
    listed = store::list_item_ids(*conn, q);
  }
  store::ItemRepository items(*conn);
  std::vector<std::pair<Item, std::int64_t>> rows;
  std::vector<ItemId> ids;
  for (const auto& entry : listed) {
    if (auto item = items.find(entry.id)) {
      ids.push_back(item->id);
      rows.emplace_back(std::move(*item), entry.key);
    }
  }
  // The page's voters in one query, not one per item.
  auto support = communities.support_of(store::VoteRepository(*conn).voters_of(std::move(ids)));
  auto page = pager->page(
      std::move(rows),
      [](const std::pair<Item, std::int64_t>& row) {
        return CursorKey{row.second, row.first.id};
      },
      [&](std::pair<Item, std::int64_t>&& row) {
        auto found = support.find(row.first.id);
        return view_counted_item(*conn, viewer.id, std::move(row.first),
                                 found == support.end() ? nullptr : &found->second);
      });
  StandingCache standing(*conn, viewer);
  for (auto& view : page.items) fill_can(standing, view);
  return page;
}

}  // namespace kring::social
