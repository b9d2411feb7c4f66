#include "store/visibility_sql.h"

#include <initializer_list>
#include <stdexcept>
#include <string_view>

#include "core/item.h"
#include "core/member.h"
#include "core/space.h"

namespace kring::store {

namespace {

// Joins the parts. (Appending to one string also keeps GCC 12's
// -Wrestrict false positive on `"literal" + std::string&&` away.)
std::string cat(std::initializer_list<std::string_view> parts) {
  std::string out;
  for (auto p : parts) out += p;
  return out;
}

// Subquery aliases carry a vr_ prefix so that they never shadow the outer
// query's aliases (i, m, s, n, r, sm, ...) that the subjects name.
const std::string& need(const std::string& subject, std::string_view what) {
  if (subject.empty()) {
    throw std::logic_error(
        cat({"visibility rule reads ", what, ", which this query does not name"}));
  }
  return subject;
}

std::string space_has_visibility(const VisibilitySubjects& at, SpaceVisibility v) {
  if (!at.space_row.empty()) return cat({"(", at.space_row, ".visibility = '", to_name(v), "')"});
  return cat({"EXISTS (SELECT 1 FROM spaces vr_s WHERE vr_s.id = ", need(at.space_id, "a space"),
              " AND vr_s.visibility = '", to_name(v), "')"});
}

std::string viewer_membership_is(const VisibilitySubjects& at, MembershipState state) {
  return cat({"EXISTS (SELECT 1 FROM space_members vr_sm WHERE vr_sm.space_id = ",
              need(at.space_id, "a space"), " AND vr_sm.member_id = ", at.viewer,
              " AND vr_sm.state = '", to_name(state), "')"});
}

std::string item_visibility_is(const VisibilitySubjects& at, ItemVisibility v) {
  return cat({"(", need(at.item_row, "an item"), ".visibility = '", to_name(v), "')"});
}

std::string row_column_set(const std::string& row, std::string_view what, std::string_view column) {
  return cat({"(", need(row, what), ".", column, " IS NOT NULL)"});
}

std::string field_is(const VisibilitySubjects& at, Visibility v) {
  return cat({"(", need(at.field_visibility, "a profile field"), " = '", to_name(v), "')"});
}

// The fact as SQL that is true or false, never NULL.
std::string fact_sql(Fact fact, const VisibilitySubjects& at) {
  const std::string& v = at.viewer;
  switch (fact) {
    case Fact::kViewerSignedIn:
      return cat({"(", v, " > 0)"});
    case Fact::kViewerIsAdmin:
      return cat({"EXISTS (SELECT 1 FROM members vr_a WHERE vr_a.id = ", v, " AND vr_a.role = '",
                  to_name(MemberRole::kAdmin), "' AND vr_a.suspended_at IS NULL)"});
    case Fact::kSpaceOpen:
      return space_has_visibility(at, SpaceVisibility::kOpen);
    case Fact::kSpaceSecret:
      return space_has_visibility(at, SpaceVisibility::kSecret);
    case Fact::kViewerActiveInSpace:
      return viewer_membership_is(at, MembershipState::kActive);
    case Fact::kViewerInvitedToSpace:
      return viewer_membership_is(at, MembershipState::kInvited);
    case Fact::kViewerIsMember:
      return cat({"(", need(at.member_id, "a member"), " IS ", v, ")"});
    case Fact::kMemberSuspended:
      if (!at.member_row.empty()) return row_column_set(at.member_row, "a member", "suspended_at");
      return cat({"EXISTS (SELECT 1 FROM members vr_m WHERE vr_m.id = ",
                  need(at.member_id, "a member"), " AND vr_m.suspended_at IS NOT NULL)"});
    case Fact::kBlockBetween: {
      const std::string& m = need(at.member_id, "a member");
      return cat(
          {"EXISTS (SELECT 1 FROM ties vr_b WHERE vr_b.kind = 'block' AND ((vr_b.source_id = ", v,
           " AND vr_b.target_id = ", m, ") OR (vr_b.source_id = ", m, " AND vr_b.target_id = ", v,
           ")))"});
    }
    case Fact::kViewerConnectedToMember:
      return cat({"EXISTS (SELECT 1 FROM ties vr_c WHERE vr_c.source_id = ", v,
                  " AND vr_c.target_id = ", need(at.member_id, "a member"),
                  " AND vr_c.kind = 'connection' AND vr_c.state = 'accepted')"});
    case Fact::kItemDeleted:
      return row_column_set(at.item_row, "an item", "deleted_at");
    case Fact::kItemHidden:
      return row_column_set(at.item_row, "an item", "hidden_at");
    case Fact::kItemInSpace:
      return row_column_set(at.item_row, "an item", "space_id");
    case Fact::kItemPublic:
      return item_visibility_is(at, ItemVisibility::kPublic);
    case Fact::kItemForMembers:
      return item_visibility_is(at, ItemVisibility::kMembers);
    case Fact::kItemForConnections:
      return item_visibility_is(at, ItemVisibility::kConnections);
    case Fact::kReplyDeleted:
      return row_column_set(at.reply_row, "a reply", "deleted_at");
    case Fact::kReplyHidden:
      return row_column_set(at.reply_row, "a reply", "hidden_at");
    case Fact::kFieldPublic:
      return field_is(at, Visibility::kPublic);
    case Fact::kFieldForMembers:
      return field_is(at, Visibility::kMembers);
    case Fact::kCount:
      break;
  }
  throw std::logic_error("visibility rule reads an unknown fact");
}

std::string joined(const Condition& c, std::string_view op, const VisibilitySubjects& at) {
  std::string out = "(";
  for (std::size_t i = 0; i < c.terms.size(); ++i) {
    if (i > 0) out += op;
    out += render_sql(c.terms[i], at);
  }
  out += ")";
  return out;
}

}  // namespace

std::string render_sql(const Condition& c, const VisibilitySubjects& at) {
  switch (c.op) {
    case Condition::Op::kFact:
      return fact_sql(c.fact, at);
    case Condition::Op::kNot:
      return cat({"NOT ", render_sql(c.terms.front(), at)});
    case Condition::Op::kAll:
      return joined(c, " AND ", at);
    case Condition::Op::kAny:
      return joined(c, " OR ", at);
  }
  throw std::logic_error("visibility rule with an unknown operator");
}

}  // namespace kring::store
