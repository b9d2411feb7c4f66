#include "social/feeds.h"

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
    if (!member || !may_see_member(viewer, member_standing(*conn, viewer.id, *member))) {
      return missing;
    }
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
  return page;
}

}  // namespace kring::social
