// The C++ visibility predicates (social/visibility) and their SQL twins
// (store/*_visibility_sql.h, and the repository queries built from them)
// answer alike for every pair of a generated matrix of viewers × resources,
// on a real database built by the store's own migrations. Both sides read
// the rules of core/visibility_rules.h; what this pins is the facts each
// side reads (a membership state, a block, a connection, a suspension) and
// the queries that use the fragments.
#include <gtest/gtest.h>
#include <sodium.h>

#include <cstdio>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <unistd.h>

#include "social/member_view.h"
#include "social/visibility.h"
#include "store/item_repository.h"
#include "store/item_visibility_sql.h"
#include "store/member_repository.h"
#include "store/member_visibility_sql.h"
#include "store/migrations.h"
#include "store/notification_repository.h"
#include "store/reply_repository.h"
#include "store/space_repository.h"
#include "store/space_visibility_sql.h"
#include "store/tie_repository.h"

namespace kring {
namespace {

using social::Actor;
using store::Connection;

constexpr Micros kStart = 1'764'600'000'000'000;  // 2025-12-01

// How a viewer stands; each is one member of the world (but anonymous).
enum class Standing {
  kAnonymous,
  kAuthor,           // writes items, an active member of every space
  kLeftAuthor,       // wrote items in every space, then left them
  kSuspendedAuthor,  // writes items, active in every space, then suspended
  kPlain,
  kSuspended,
  kActive,
  kInvited,
  kRequested,
  kLeft,
  kRemoved,
  kModerator,
  kOwner,
  kAdmin,
  kSuspendedAdmin,
  kBlocker,     // blocks every author
  kBlocked,     // blocked by every author
  kConnection,  // connected to every author
  kPending,     // asked every author to connect, not yet accepted
};
constexpr Standing kAuthors[] = {Standing::kAuthor, Standing::kLeftAuthor,
                                 Standing::kSuspendedAuthor};

struct World {
  std::map<Standing, MemberId> member;  // anonymous is 0
  std::map<MemberId, Actor> actor;
  std::vector<SpaceId> spaces;
  std::vector<ItemId> items;
  std::vector<ReplyId> replies;
  ItemId replied_item = 0;
};

class VisibilityAgreement : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    ASSERT_GE(sodium_init(), 0);
    // CTest runs each test of the suite as its own process, in parallel:
    // each needs its own file.
    path_ = (std::filesystem::path(::testing::TempDir()) /
             ("visibility_agreement-" + std::to_string(::getpid()) + ".db"))
                .string();
    for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path_ + suffix).c_str());
    conn_ = new Connection(path_);
    store::apply_migrations(*conn_);
    build_world();
  }
  static void TearDownTestSuite() {
    delete conn_;
    conn_ = nullptr;
    for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path_ + suffix).c_str());
  }

  static Micros tick() { return now_ += 1'000'000; }

  static MemberId add_member(const std::string& handle, MemberRole role, int n) {
    store::NewMember nm;
    nm.handle = handle;
    nm.email = handle + "@example.org";
    nm.password_hash = "x";
    nm.role = role;
    nm.created_at = tick();
    nm.profile.display_name = handle;
    // Every field visibility occurs for every field across the members.
    for (std::size_t f = 0; f < kProfileFieldCount; ++f) {
      nm.profile.visibility[f] = static_cast<Visibility>((n + static_cast<int>(f)) % 3);
    }
    return store::MemberRepository(*conn_).insert(nm);
  }

  static void build_world() {
    Connection& c = *conn_;
    store::Transaction tx(c, store::Transaction::Kind::kWrite);
    store::MemberRepository members(c);
    store::SpaceRepository spaces(c);
    store::TieRepository ties(c);
    store::ItemRepository items(c);
    store::ReplyRepository replies(c);
    World& w = world_;
    w.member[Standing::kAnonymous] = 0;
    int n = 0;
    for (int s = static_cast<int>(Standing::kAuthor); s <= static_cast<int>(Standing::kPending);
         ++s) {
      auto standing = static_cast<Standing>(s);
      bool admin = standing == Standing::kAdmin || standing == Standing::kSuspendedAdmin;
      w.member[standing] = add_member("m" + std::to_string(s),
                                      admin ? MemberRole::kAdmin : MemberRole::kMember, n++);
    }
    auto id = [&](Standing s) { return w.member.at(s); };

    // Spaces of each visibility, live and archived, with a member of each standing.
    for (int round = 0; round < 2; ++round) {  // live, then archived below
      for (auto vis :
           {SpaceVisibility::kOpen, SpaceVisibility::kClosed, SpaceVisibility::kSecret}) {
        Space s;
        s.slug = "s" + std::to_string(w.spaces.size());
        s.name = s.slug;
        s.visibility = vis;
        s.created_by = id(Standing::kOwner);
        s.id = spaces.insert(s, tick());
        auto join = [&](Standing who, SpaceRole role, MembershipState state) {
          spaces.set_membership(s.id, id(who), {role, state}, 0, tick());
        };
        join(Standing::kOwner, SpaceRole::kOwner, MembershipState::kActive);
        join(Standing::kModerator, SpaceRole::kModerator, MembershipState::kActive);
        join(Standing::kActive, SpaceRole::kMember, MembershipState::kActive);
        join(Standing::kInvited, SpaceRole::kMember, MembershipState::kInvited);
        join(Standing::kRequested, SpaceRole::kMember, MembershipState::kRequested);
        join(Standing::kLeft, SpaceRole::kMember, MembershipState::kActive);
        join(Standing::kRemoved, SpaceRole::kModerator, MembershipState::kActive);
        join(Standing::kSuspended, SpaceRole::kMember, MembershipState::kActive);
        join(Standing::kSuspendedAdmin, SpaceRole::kOwner, MembershipState::kActive);
        for (Standing a : kAuthors) join(a, SpaceRole::kMember, MembershipState::kActive);
        w.spaces.push_back(s.id);
      }
    }

    // Ties between the authors and the viewers whose standing is a tie.
    for (Standing a : kAuthors) {
      ties.insert(id(Standing::kConnection), id(a), store::TieKind::kConnection,
                  store::TieState::kPending, tick());
      ties.accept_connection(id(Standing::kConnection), id(a), tick());
      ties.insert(id(Standing::kPending), id(a), store::TieKind::kConnection,
                  store::TieState::kPending, tick());
      ties.insert(id(Standing::kBlocker), id(a), store::TieKind::kBlock, store::TieState::kAccepted,
                  tick());
      ties.insert(id(a), id(Standing::kBlocked), store::TieKind::kBlock, store::TieState::kAccepted,
                  tick());
      ties.insert(id(Standing::kPlain), id(a), store::TieKind::kFollow, store::TieState::kAccepted,
                  tick());
    }

    // Items: every author × place (profile, each space) × visibility × state.
    std::vector<std::optional<SpaceId>> places = {std::nullopt};
    for (SpaceId s : w.spaces) places.push_back(s);
    for (Standing a : kAuthors) {
      for (const auto& place : places) {
        for (auto vis : {ItemVisibility::kPublic, ItemVisibility::kMembers, ItemVisibility::kSpace,
                         ItemVisibility::kConnections}) {
          for (int state = 0; state < 3; ++state) {  // 0 shown, 1 hidden, 2 deleted
            Item it;
            it.kind = "note";
            it.author_id = id(a);
            it.space_id = place;
            it.visibility = vis;
            it.body = it.html = "text";
            it.created_at = tick();
            ItemId item = items.insert(it, {});
            if (state == 1) items.set_hidden(item, tick());
            if (state == 2) items.soft_delete(item, tick());
            w.items.push_back(item);
          }
        }
      }
    }

    // Replies by every member, shown, hidden and deleted, on one public item.
    Item thread;
    thread.kind = "note";
    thread.author_id = id(Standing::kAuthor);
    thread.visibility = ItemVisibility::kPublic;
    thread.body = thread.html = "thread";
    thread.created_at = tick();
    w.replied_item = items.insert(thread, {});
    w.items.push_back(w.replied_item);
    for (const auto& [standing, who] : w.member) {
      if (who == 0) continue;
      for (int state = 0; state < 3; ++state) {
        Reply r;
        r.item_id = w.replied_item;
        r.author_id = who;
        r.body = r.html = "reply";
        r.created_at = tick();
        ReplyId reply = replies.insert(r);
        if (state == 1) replies.set_hidden(reply, tick());
        if (state == 2) replies.soft_delete(reply, tick());
        w.replies.push_back(reply);
      }
    }

    // Standing that changes after the writes.
    for (SpaceId s : w.spaces) {
      spaces.remove_membership(s, id(Standing::kLeft));
      spaces.remove_membership(s, id(Standing::kRemoved));
      spaces.remove_membership(s, id(Standing::kLeftAuthor));
    }
    for (std::size_t i = 3; i < w.spaces.size(); ++i) {
      auto s = spaces.find_by_id(w.spaces[i]);
      s->archived = true;
      spaces.update(*s, tick());
    }
    for (Standing s :
         {Standing::kSuspended, Standing::kSuspendedAdmin, Standing::kSuspendedAuthor}) {
      members.set_suspended(id(s), tick());
    }
    for (const auto& [standing, who] : w.member) {
      Actor a;
      if (who != 0) {
        auto m = members.find_by_id(who);
        a = Actor{m->id, m->role, m->suspended, 0};
      }
      w.actor[who] = a;
    }
    tx.commit();
  }

  static std::vector<MemberId> viewers() {
    std::vector<MemberId> out;
    for (const auto& [standing, who] : world_.member) out.push_back(who);
    return out;
  }
  static std::vector<Member> all_members() {
    std::vector<Member> out;
    store::MemberRepository members(*conn_);
    for (const auto& [standing, who] : world_.member) {
      if (who != 0) out.push_back(*members.find_by_id(who));
    }
    return out;
  }
  static std::string name_of(MemberId who) {
    for (const auto& [standing, id] : world_.member) {
      if (id == who) return "viewer standing " + std::to_string(static_cast<int>(standing));
    }
    return "?";
  }

  // One SQL fragment evaluated for (viewer ?1, subject ?2).
  static bool sql_answer(const std::string& select, MemberId viewer, std::int64_t subject) {
    auto st = conn_->prepare(select);
    st.bind(1, viewer).bind(2, subject);
    EXPECT_TRUE(st.step()) << select;
    return st.int64(0) != 0;
  }

  static void report(const char* what, int pairs, int visible) {
    std::printf("[ agreement ] %s: %d pairs, %d visible\n", what, pairs, visible);
    EXPECT_GT(visible, 0) << what;
    EXPECT_LT(visible, pairs) << what;
  }

  static inline std::string path_;
  static inline Connection* conn_ = nullptr;
  static inline World world_;
  static inline Micros now_ = kStart;
};

TEST_F(VisibilityAgreement, SpaceExistenceAndContentAgreeForEveryViewerAndSpace) {
  store::SpaceRepository spaces(*conn_);
  const std::string visible = "SELECT " + store::space_visible_sql("?2");
  const std::string content = "SELECT " + store::space_content_sql("?2");
  int pairs = 0, seen = 0;
  for (MemberId viewer : viewers()) {
    std::set<SpaceId> listed;
    for (const auto& s : spaces.list_visible(viewer, "", std::nullopt, 1000)) listed.insert(s.id);
    for (SpaceId id : world_.spaces) {
      auto space = spaces.find_by_id(id);
      std::optional<Membership> m;
      if (viewer != 0) m = spaces.membership(id, viewer);
      bool cpp = social::may_see_space(*space, m);
      EXPECT_EQ(cpp, sql_answer(visible, viewer, id)) << name_of(viewer) << ", space " << id;
      EXPECT_EQ(cpp, listed.count(id) == 1) << name_of(viewer) << ", list_visible, space " << id;
      EXPECT_EQ(social::may_read_space_content(*space, m), sql_answer(content, viewer, id))
          << name_of(viewer) << ", content of space " << id;
      ++pairs;
      seen += cpp;
    }
  }
  report("spaces", pairs, seen);
}

TEST_F(VisibilityAgreement, ItemReadsAgreeForEveryViewerAndItem) {
  store::ItemRepository items(*conn_);
  int pairs = 0, seen = 0;
  for (MemberId viewer : viewers()) {
    for (ItemId id : world_.items) {
      bool cpp = social::may_see_item(*conn_, viewer, id);
      EXPECT_EQ(cpp, items.readable(id, viewer)) << name_of(viewer) << ", item " << id;
      ++pairs;
      seen += cpp;
    }
  }
  report("items", pairs, seen);
}

TEST_F(VisibilityAgreement, MemberVisibilityAgreesForEveryViewerAndMember) {
  const std::string visible = "SELECT " + store::member_visible_sql("?2");
  const std::string listed_sql = "SELECT " + store::member_listed_sql("?2");
  const std::string content = "SELECT " + store::member_content_sql("?2");
  store::MemberRepository members(*conn_);
  int pairs = 0, seen = 0;
  for (MemberId viewer : viewers()) {
    store::DirectoryQuery q;
    q.viewer = viewer;
    q.limit = 1000;
    std::set<MemberId> listed;
    for (const auto& m : members.directory(q)) listed.insert(m.id);
    for (const Member& member : all_members()) {
      auto standing = social::member_standing(*conn_, viewer, member);
      bool cpp = social::may_see_member(world_.actor.at(viewer), standing);
      EXPECT_EQ(cpp, sql_answer(visible, viewer, member.id))
          << name_of(viewer) << ", " << name_of(member.id);
      bool cpp_listed = social::may_list_member(world_.actor.at(viewer), standing);
      EXPECT_EQ(cpp_listed, sql_answer(listed_sql, viewer, member.id))
          << name_of(viewer) << ", listed, " << name_of(member.id);
      EXPECT_EQ(cpp_listed, listed.count(member.id) == 1)
          << name_of(viewer) << ", directory, " << name_of(member.id);
      EXPECT_EQ(social::shows_content_of(standing), sql_answer(content, viewer, member.id))
          << name_of(viewer) << ", content of " << name_of(member.id);
      ++pairs;
      seen += cpp;
    }
  }
  report("members", pairs, seen);
}

TEST_F(VisibilityAgreement, ProfileFieldsAgreeForEveryViewerMemberAndField) {
  int pairs = 0, seen = 0;
  for (ProfileField field : kProfileFields) {
    const std::string sql =
        "SELECT " + store::field_visible_sql("m.id", "m.vis_" + std::string(to_name(field))) +
        " FROM members m WHERE m.id = ?2";
    for (MemberId viewer : viewers()) {
      for (Member member : all_members()) {
        MemberId id = member.id;
        auto view = social::view_member(*conn_, viewer, std::move(member), false);
        bool cpp = view.shows(field);
        EXPECT_EQ(cpp, sql_answer(sql, viewer, id))
            << name_of(viewer) << ", " << name_of(id) << ", field " << to_name(field);
        ++pairs;
        seen += cpp;
      }
    }
  }
  report("profile fields", pairs, seen);
}

TEST_F(VisibilityAgreement, ReplyTextAgreesForEveryViewerAndReply) {
  store::ReplyRepository replies(*conn_);
  store::MemberRepository members(*conn_);
  int pairs = 0, seen = 0;
  for (MemberId viewer : viewers()) {
    std::map<ReplyId, bool> shown;
    for (const auto& r : replies.for_item(world_.replied_item, viewer, std::nullopt, 1000)) {
      shown[r.id] = !r.hidden && !r.deleted;
    }
    for (ReplyId id : world_.replies) {
      auto reply = replies.find(id);
      auto author = members.find_by_id(reply->author_id);
      bool cpp = social::shows_reply(*reply, social::member_standing(*conn_, viewer, *author));
      ASSERT_EQ(shown.count(id), 1u);
      EXPECT_EQ(cpp, shown[id]) << name_of(viewer) << ", reply " << id;
      ++pairs;
      seen += cpp;
    }
  }
  report("replies", pairs, seen);
}

TEST_F(VisibilityAgreement, NotificationsShownAgreeForEveryRecipientAndSubject) {
  // Every signed-in viewer gets a notification about every item (from its
  // author), every space (from its owner) and every reply (from its author),
  // written in a transaction that is rolled back after the check.
  store::Transaction tx(*conn_, store::Transaction::Kind::kWrite);
  store::NotificationRepository notifications(*conn_);
  store::ItemRepository items(*conn_);
  store::ReplyRepository replies(*conn_);
  store::SpaceRepository spaces(*conn_);
  struct Expected {
    MemberId actor;
    std::optional<ItemId> item;
    std::optional<ReplyId> reply;
    std::optional<SpaceId> space;
  };
  int pairs = 0, seen = 0;
  for (MemberId viewer : viewers()) {
    if (viewer == 0) continue;
    std::map<std::int64_t, Expected> written;
    auto write = [&](Expected e) {
      store::NotificationRow row;
      row.recipient = viewer;
      row.kind = "reply";
      row.actor = e.actor;
      row.item_id = e.item;
      row.reply_id = e.reply;
      row.space_id = e.space;
      row.created_at = tick();
      written[notifications.insert(row)] = e;
    };
    for (ItemId id : world_.items) {
      auto st = conn_->prepare("SELECT author_id, space_id FROM items WHERE id = ?1");
      st.bind(1, id);
      ASSERT_TRUE(st.step());
      std::optional<SpaceId> space;
      if (!st.is_null(1)) space = st.int64(1);
      write({st.int64(0), id, std::nullopt, space});
    }
    for (SpaceId id : world_.spaces) {
      write({world_.member.at(Standing::kOwner), std::nullopt, std::nullopt, id});
    }
    for (ReplyId id : world_.replies) {
      write({replies.find(id)->author_id, world_.replied_item, id, std::nullopt});
    }
    std::set<std::int64_t> shown;
    for (const auto& row : notifications.list(viewer, std::nullopt, 100000)) shown.insert(row.id);
    for (const auto& [id, e] : written) {
      bool cpp = social::may_see_notification(*conn_, viewer, e.actor, e.item, e.reply, e.space);
      EXPECT_EQ(cpp, shown.count(id) == 1) << name_of(viewer) << ", notification " << id;
      ++pairs;
      seen += cpp;
    }
  }
  report("notifications", pairs, seen);
}

// The rules read only the facts their subjects name: a fragment built
// without a subject it needs is refused when built, not run wrong.
TEST_F(VisibilityAgreement, AFragmentMissingASubjectIsRefused) {
  EXPECT_THROW(store::render_sql(item_visible_rule(), {.space_id = "i.space_id"}),
               std::logic_error);
}

}  // namespace
}  // namespace kring
