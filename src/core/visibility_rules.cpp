#include "core/visibility_rules.h"

#include <algorithm>
#include <initializer_list>

namespace kring {

namespace {

Condition is(Fact f) { return Condition{Condition::Op::kFact, f, {}}; }
Condition is_not(Fact f) { return Condition{Condition::Op::kNot, f, {is(f)}}; }
Condition all(std::initializer_list<Condition> terms) {
  return Condition{Condition::Op::kAll, Fact::kViewerSignedIn, terms};
}
Condition any(std::initializer_list<Condition> terms) {
  return Condition{Condition::Op::kAny, Fact::kViewerSignedIn, terms};
}

}  // namespace

bool holds(const Condition& c, const Facts& facts) {
  auto term_holds = [&](const Condition& t) { return holds(t, facts); };
  switch (c.op) {
    case Condition::Op::kFact:
      return facts.test(static_cast<std::size_t>(c.fact));
    case Condition::Op::kNot:
      return !holds(c.terms.front(), facts);
    case Condition::Op::kAll:
      return std::all_of(c.terms.begin(), c.terms.end(), term_holds);
    case Condition::Op::kAny:
      return std::any_of(c.terms.begin(), c.terms.end(), term_holds);
  }
  return false;
}

const Condition& space_visible_rule() {
  static const Condition rule = any({is_not(Fact::kSpaceSecret), is(Fact::kViewerActiveInSpace),
                                     is(Fact::kViewerInvitedToSpace)});
  return rule;
}

const Condition& space_content_rule() {
  static const Condition rule = any({is(Fact::kSpaceOpen), is(Fact::kViewerActiveInSpace)});
  return rule;
}

const Condition& member_content_rule() {
  static const Condition rule =
      any({is(Fact::kViewerIsMember),
           all({is_not(Fact::kMemberSuspended), is_not(Fact::kBlockBetween)})});
  return rule;
}

const Condition& member_listed_rule() {
  static const Condition rule =
      all({is_not(Fact::kBlockBetween),
           any({is_not(Fact::kMemberSuspended), is(Fact::kViewerIsAdmin)})});
  return rule;
}

const Condition& member_visible_rule() {
  static const Condition rule = any({is(Fact::kViewerIsMember), member_listed_rule()});
  return rule;
}

const Condition& field_visible_rule() {
  static const Condition rule =
      any({is(Fact::kFieldPublic), all({is(Fact::kFieldForMembers), is(Fact::kViewerSignedIn)}),
           is(Fact::kViewerIsMember), is(Fact::kViewerConnectedToMember)});
  return rule;
}

const Condition& item_visible_rule() {
  static const Condition for_members = all({is(Fact::kItemForMembers), is(Fact::kViewerSignedIn)});
  static const Condition rule = all({
      is_not(Fact::kItemDeleted),
      any({is_not(Fact::kItemHidden), is(Fact::kViewerIsMember)}),
      member_content_rule(),
      any({
          all({is_not(Fact::kItemInSpace),
               any({is(Fact::kViewerIsMember), is(Fact::kItemPublic), for_members,
                    all({is(Fact::kItemForConnections), is(Fact::kViewerConnectedToMember)})})}),
          // Active members first: one membership probe answers for them.
          all({is(Fact::kItemInSpace),
               any({is(Fact::kViewerActiveInSpace),
                    all({space_content_rule(), any({is(Fact::kItemPublic), for_members})})})}),
      }),
  });
  return rule;
}

const Condition& reply_shown_rule() {
  static const Condition rule =
      all({is_not(Fact::kReplyDeleted), is_not(Fact::kReplyHidden), member_content_rule()});
  return rule;
}

}  // namespace kring
