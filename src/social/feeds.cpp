#include "social/feeds.h"

#include <iterator>

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
  if (request.kind == store::FeedKind::kHome) KRING_TRY(authorize(viewer, Action::kReadHomeFeed));
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
    std::optional<Membership> m;
    if (space && viewer.signed_in()) m = spaces.membership(space->id, viewer.id);
    if (!space || !may_see_space(*space, m)) {
      return Error::not_found("no space with slug '" + request.target + "'");
    }
    if (!may_read_space_content(*space, m)) {
      return Error::forbidden("only members see this space's content");
    }
    q.target = space->id;
  }
  if (request.kind == store::FeedKind::kMember) {
    auto member = store::MemberRepository(*conn).find_by_handle(request.target);
    Error missing = Error::not_found("no member with handle '" + request.target + "'");
    if (!member || (member->suspended && viewer.id != member->id)) return missing;
    if (viewer.signed_in() && viewer.id != member->id &&
        store::TieRepository(*conn).blocked_either_way(viewer.id, member->id)) {
      return missing;
    }
    q.target = member->id;
  }
  return pager->page(
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
}

}  // namespace kring::social
