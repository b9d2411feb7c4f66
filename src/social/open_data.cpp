#include "social/open_data.h"

#include <algorithm>
#include <vector>

#include "social/policy.h"
#include "store/space_repository.h"

namespace kring::social {

namespace {

Result<std::vector<std::string>> kinds_of(const std::optional<std::string>& kind) {
  std::vector<std::string> all(std::begin(kOpenDataKinds), std::end(kOpenDataKinds));
  if (!kind) return all;
  if (std::find(all.begin(), all.end(), *kind) == all.end()) {
    std::string known;
    for (const auto& k : all) known += (known.empty() ? "" : " or ") + k;
    return Error::invalid("invalid_filter", "kind: must be " + known);
  }
  return std::vector<std::string>{*kind};
}

}  // namespace

Status OpenData::write(const Actor& viewer, const OpenDataRequest& request,
                       const std::function<void(std::string_view slug)>& begin,
                       const std::function<void(const OpenDataRow&)>& row) {
  auto kinds = kinds_of(request.kind);
  if (!kinds) return std::move(kinds).error();
  auto conn = db_.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kRead);
  store::SpaceRepository spaces(*conn);
  auto space = spaces.find_by_slug(request.space);
  if (!space) {
    return refuse_missing(viewer, Action::kReadFeed, "no space with slug '" + request.space + "'");
  }
  std::optional<Membership> m;
  if (viewer.signed_in()) m = spaces.membership(space->id, viewer.id);
  KRING_TRY(decide(viewer, Action::kReadFeed, Resource::of_space(*space, m)));
  begin(space->slug);
  store::OpenDataQuery q{viewer.id, space->id, std::move(*kinds), std::nullopt, kBatch};
  for (;;) {
    auto batch = store::open_data_rows(*conn, q);
    for (const auto& r : batch) row(r);
    if (static_cast<int>(batch.size()) < kBatch) break;
    q.after = batch.back().id;
  }
  return {};
}

}  // namespace kring::social
