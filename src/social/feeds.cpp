#include "social/feeds.h"

#include "social/capabilities.h"
#include "social/markdown.h"
#include "social/policy.h"
#include "store/member_repository.h"
#include "store/space_repository.h"
#include "store/tie_repository.h"

namespace kring::social {

Result<Page<ItemView>> Feeds::read(const Actor& viewer, const FeedRequest& request) {
  store::FeedQuery q;
  q.kind = request.kind;
  q.viewer = viewer.id;
  q.limit = request.limit + 1;
  if (!request.cursor.empty()) {
    auto key = decode_cursor(request.cursor);
    if (!key) return std::move(key).error();
    q.before = key->id;
  }
  if (request.kind == store::FeedKind::kHome) KRING_TRY(decide(viewer, Action::kReadHomeFeed));
  if (request.kind == store::FeedKind::kTag) {
    auto tag = normalize_tag(request.target);
    if (!tag) return std::move(tag).error();
    q.tag = *tag;
  }
  auto conn = db_.lease();
  store::Transaction tx(*conn, store::Transaction::Kind::kRead);
  if (request.kind == store::FeedKind::kSpace) {
    store::SpaceRepository spaces(*conn);
    auto space = spaces.find_by_slug(request.target);
    if (!space) {
      return refuse_missing(viewer, Action::kReadFeed,
                            "no space with slug '" + request.target + "'");
    }
    std::optional<Membership> m;
    if (viewer.signed_in()) m = spaces.membership(space->id, viewer.id);
    KRING_TRY(decide(viewer, Action::kReadFeed, Resource::of_space(*space, m)));
    q.target = space->id;
  }
  if (request.kind == store::FeedKind::kMember) {
    auto member = store::MemberRepository(*conn).find_by_handle(request.target);
    const std::string missing = "no member with handle '" + request.target + "'";
    if (!member) return refuse_missing(viewer, Action::kReadFeed, missing);
    Resource r;
    r.visible = may_see_member(viewer, member_standing(*conn, viewer.id, *member));
    r.not_found = missing;
    KRING_TRY(decide(viewer, Action::kReadFeed, r));
    q.target = member->id;
  }
  auto items = store::ItemRepository(*conn).feed(q);
  bool more = static_cast<int>(items.size()) > request.limit;
  if (more) items.pop_back();
  Page<ItemView> page;
  page.items.reserve(items.size());
  for (auto& entry : items) {
    std::optional<SpaceRef> space;
    if (entry.item.space_id && !entry.space_slug.empty()) {
      space = SpaceRef{std::move(entry.space_slug), std::move(entry.space_name)};
    }
    page.items.push_back(view_item(*conn, viewer.id, std::move(entry.item), std::move(space)));
  }
  if (more) page.next_cursor = encode_cursor({0, page.items.back().item.id});
  StandingCache standing(*conn, viewer);
  for (auto& view : page.items) fill_can(standing, view);
  return page;
}

}  // namespace kring::social
