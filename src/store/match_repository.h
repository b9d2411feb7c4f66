#pragma once
// The reads behind an item's matches (social/matches.h), as SQL: the ties a
// bounded search walks out from the author, the members holding a skill
// (member_terms_by_term), the open items of the other kind sharing a skill
// (item_skills_by_skill) or a word of the title (items_fts), and the checks
// that keep a candidate out. Visibility is the rule book's SQL twin
// (store/member_visibility_sql.h, store/visibility_sql.h), never a rule of
// its own. Runs inside the caller's transaction; prepared statements are
// the connection's cache, so one repository per call costs nothing.

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/item.h"
#include "core/member.h"
#include "core/space.h"
#include "store/database.h"

namespace kring::store {

// The open items of `kind` at `status` that a match may offer, and who
// looks: the viewer reads them; `author` is the matched item's author,
// whose own items, and those of members across a block with them or
// suspended, are left out; `exclude` is the matched item itself.
struct OpenItemsQuery {
  MemberId viewer = 0;
  MemberId author = 0;
  ItemId exclude = 0;
  std::string kind;
  std::string status;
  int limit = 200;
};

class MatchRepository {
 public:
  explicit MatchRepository(Connection& conn) : conn_(conn) {}

  // The members `member` is tied to, either way: accepted connections and
  // follows (a follow ties the two, whoever follows whom). Appended to
  // `out`; a member may appear twice (a connection and a follow).
  void ties_of(MemberId member, std::vector<MemberId>& out);

  // The first `limit` members (by id) holding the skill; `skill` is
  // normalised (store::normalize_term).
  std::vector<MemberId> skill_holders(std::string_view skill, int limit);
  // The first `limit` active members of the space holding the skill.
  std::vector<MemberId> space_members_with_skill(SpaceId space, std::string_view skill, int limit);
  // The skills (normalised) each of `members` holds, as (member, skill)
  // rows: one index seek per member, whatever the number of skills asked.
  std::vector<std::pair<MemberId, std::string>> skills_of(std::span<const MemberId> members);
  // Those of `members` who are active members of the space.
  std::vector<MemberId> active_in_space(SpaceId space, std::span<const MemberId> members);

  // The space's kind by name ("place", "neighbourhood", ...), when it exists.
  std::optional<std::string> space_kind(SpaceId space);

  // Whether `member` may be offered to `viewer` as a helper on `item`:
  // listed for the viewer (the directory's rule), not suspended, their
  // skills visible to the viewer (vis_skills), and they may read the item.
  // The read rule also keeps out a member across a block with the item's
  // author, either way (an author's content is hidden across a block).
  bool may_offer_member(MemberId member, MemberId viewer, ItemId item);
  // Whether `member` is listed for `viewer` (the directory's rule).
  bool listed(MemberId member, MemberId viewer);

  // Newest first, at most q.limit: the open items sharing one of `skills`
  // (normalised).
  std::vector<ItemId> open_items_with_skills(const OpenItemsQuery& q,
                                             std::span<const std::string> skills);
  // Newest first, at most q.limit: the open items whose title holds one of
  // `words` (store/similar_items.h telling_words).
  std::vector<ItemId> open_items_with_title_words(const OpenItemsQuery& q,
                                                  std::span<const std::string> words);

  // What ranking an open item needs, without loading it whole: its title,
  // point and space, and its skills (normalised term, label) in the
  // author's order. One statement each for all of `items`; an id that is
  // no item is left out.
  struct ItemFacts {
    ItemId id = 0;
    std::string title;
    std::optional<double> lat, lon;
    std::optional<SpaceId> space;
    std::vector<std::pair<std::string, std::string>> skills;
  };
  std::vector<ItemFacts> item_facts(std::span<const ItemId> items);

  // Whether `member` was told of a match with `item` already
  // (match_notices), and recording that they were.
  bool told(ItemId item, MemberId member);
  void record_told(ItemId item, MemberId member, Micros at);

 private:
  Connection& conn_;
};

}  // namespace kring::store
