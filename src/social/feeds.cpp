#include "social/feeds.h"

#include <iterator>

#include "social/capabilities.h"
#include "social/markdown.h"
#include "social/policy.h"
#include "store/member_repository.h"
#include "store/space_repository.h"
#include "store/tie_repository.h"

namespace kring::social {

namespace {
std::string feed_list_name(const FeedRequest& request) {
  static constexpr std::string_view kNames[] = {"home", "public", "space", "member", "tag"};
  static_assert(std::size(kNames) == static_cast<std::size_t>(store::FeedKind::kTag) + 1);
  return list_name({"feed", kNames[static_cast<std::size_t>(request.kind)], request.target});
}
}  // namespace

Result<Page<ItemView>> Feeds::read(const Actor& viewer, const FeedRequest& request) {
  // The cursor is bound to the feed it came from: another feed's, or
  // another space's, is refused rather than read as a position here.
  auto pager = Pager::open(feed_list_name(request), request.page);
  if (!pager) return std::move(pager).error();
  store::FeedQuery q;
  q.kind = request.kind;
  q.viewer = viewer.id;
  q.limit = pager->fetch();
  if (pager->after()) q.before = pager->after()->id;
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
  auto page = pager->page(
      store::ItemRepository(*conn).feed(q),
      [](const store::FeedItem& entry) {
        return CursorKey{0, entry.item.id};
      },
      [&](store::FeedItem&& entry) {
        std::optional<SpaceRef> space;
        if (entry.item.space_id && !entry.space_slug.empty()) {
          space = SpaceRef{std::move(entry.space_slug), std::move(entry.space_name)};
        }
        return view_item(*conn, viewer.id, std::move(entry.item), std::move(space));
      });
  StandingCache standing(*conn, viewer);
  for (auto& view : page.items) fill_can(standing, view);
  return page;
}

}  // namespace kring::social
