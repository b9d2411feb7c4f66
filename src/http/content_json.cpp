#include "http/content_json.h"

#include "http/can_json.h"
#include "http/rsvp_json.h"
#include "http/exchange_input.h"
#include "http/loan_json.h"
#include "http/member_json.h"

namespace kring::http {

namespace {
nlohmann::json optional_time(const std::optional<Micros>& t) {
  return t ? nlohmann::json(format_rfc3339(*t)) : nlohmann::json(nullptr);
}
nlohmann::json optional_id(const std::optional<std::int64_t>& id) {
  return id ? nlohmann::json(std::to_string(*id)) : nlohmann::json(nullptr);
}
nlohmann::json space_ref_json(const std::optional<social::SpaceRef>& ref) {
  if (!ref) return nullptr;
  return {{"slug", ref->slug}, {"name", ref->name}};
}
}  // namespace

nlohmann::json space_json(const social::SpaceView& v) {
  const Space& s = v.space;
  nlohmann::json j = {{"id", std::to_string(s.id)},
                      {"slug", s.slug},
                      {"name", s.name},
                      {"description", s.description},
                      {"kind", space_kind_name(s.kind)},
                      {"visibility", space_visibility_name(s.visibility)},
                      {"archived", s.archived},
                      {"member_count", s.member_count},
                      {"vote_limit", nullptr},
                      {"review_threshold", nullptr},
                      {"created_at", format_rfc3339(s.created_at)},
                      {"my_role", nullptr},
                      {"my_status", nullptr}};
  if (v.membership) {
    if (v.membership->state == MembershipState::kActive) {
      j["my_role"] = space_role_name(v.membership->role);
    } else {
      j["my_status"] = membership_state_name(v.membership->state);
    }
  }
  if (s.votes.vote_limit) j["vote_limit"] = *s.votes.vote_limit;
  if (s.votes.review_threshold) j["review_threshold"] = *s.votes.review_threshold;
  if (v.can) j["can"] = can_json(*v.can);
  j["allowed_visibilities"] = visibilities_json(v.allowed_visibilities);
  return j;
}

nlohmann::json reactions_json(const store::ReactionSummary& summary) {
  nlohmann::json counts = nlohmann::json::object();
  for (const auto& [kind, n] : summary.counts) counts[kind] = n;
  return {{"reactions", counts}, {"my_reactions", summary.mine}};
}

nlohmann::json votes_json(const store::VoteSummary& summary) {
  return {{"votes", summary.count}, {"voted", summary.voted}};
}

nlohmann::json follows_json(const store::FollowSummary& summary) {
  return {{"following", summary.following}, {"followers", summary.followers}};
}

namespace {
nlohmann::json location_json(const std::optional<ItemLocation>& l) {
  if (!l) return nullptr;
  return {{"lat", l->lat}, {"lon", l->lon}, {"address", l->address}};
}
}  // namespace

nlohmann::json item_json(const social::ItemView& v) {
  const Item& i = v.item;
  nlohmann::json j = {{"id", std::to_string(i.id)},
                      {"kind", i.kind},
                      {"title", i.title},
                      {"body", i.body},
                      {"html", i.html},
                      {"author", member_json(v.author, false)},
                      {"space", space_ref_json(v.space)},
                      {"visibility", item_visibility_name(i.visibility)},
                      {"status", i.status.empty() ? nlohmann::json(nullptr) : nlohmann::json(i.status)},
                      {"tags", i.tags},
                      {"location", location_json(i.location)},
                      {"category", i.category ? nlohmann::json(*i.category) : nlohmann::json(nullptr)},
                      {"reply_count", i.reply_count},
                      {"created_at", format_rfc3339(i.created_at)},
                      {"edited_at", optional_time(i.edited_at)}};
  j.update(exchange_json(i));
  if (i.hidden) j["hidden"] = true;
  j.update(reactions_json(v.reactions));
  j.update(votes_json(v.votes));
  if (v.communities) j["communities"] = *v.communities;
  j.update(follows_json(v.follows));
  j["duplicate_of"] =
      v.duplicate_of ? nlohmann::json(std::to_string(*v.duplicate_of)) : nlohmann::json(nullptr);
  j["duplicates"] = nlohmann::json::array();
  for (ItemId d : v.duplicates) j["duplicates"].push_back(std::to_string(d));
  if (social::takes_loans(i)) j["loan"] = v.loan ? loan_json(*v.loan) : nlohmann::json(nullptr);
  if (v.rsvp) j["rsvp"] = rsvp_summary_json(*v.rsvp);
  if (!v.item.goals.empty() || !v.progress.empty()) {
    j["progress"] = nlohmann::json::array();
    for (const auto& p : v.progress) {
      j["progress"].push_back({{"kind", p.kind},
                               {"label", p.label},
                               {"target", p.target},
                               {"pledged", p.pledged},
                               {"confirmed", p.confirmed}});
    }
  }
  if (v.organisers) {
    j["organisers"] = nlohmann::json::array();
    for (const auto& m : *v.organisers) j["organisers"].push_back(member_json(m, false));
  }
  if (v.can) j["can"] = can_json(*v.can);
  return j;
}

nlohmann::json reply_json(const social::ReplyView& v) {
  const Reply& r = v.reply;
  nlohmann::json j = {{"id", std::to_string(r.id)},
                      {"item_id", std::to_string(r.item_id)},
                      {"parent_id", optional_id(r.parent_id)},
                      {"depth", r.depth},
                      {"author", v.author ? member_json(*v.author, false) : nlohmann::json(nullptr)},
                      {"body", r.body},
                      {"html", r.html},
                      {"removed", r.deleted || r.hidden},
                      {"created_at", format_rfc3339(r.created_at)},
                      {"edited_at", optional_time(r.edited_at)}};
  j.update(reactions_json(v.reactions));
  if (v.can) j["can"] = can_json(*v.can);
  return j;
}

nlohmann::json status_change_json(const social::StatusChangeView& v) {
  const auto& c = v.change;
  return {{"id", std::to_string(c.id)},
          {"from", c.from_status},
          {"to", c.to_status},
          {"note", c.note},
          {"actor", v.actor ? member_json(*v.actor, false) : nlohmann::json(nullptr)},
          {"changed_at", format_rfc3339(c.changed_at)}};
}

nlohmann::json notification_json(const social::NotificationView& v) {
  const auto& r = v.row;
  return {{"id", std::to_string(r.id)},
          {"kind", r.kind},
          {"actor", v.actor ? member_json(*v.actor, false) : nlohmann::json(nullptr)},
          {"item_id", optional_id(r.item_id)},
          {"reply_id", optional_id(r.reply_id)},
          {"space", space_ref_json(v.space)},
          {"created_at", format_rfc3339(r.created_at)},
          {"read", r.read}};
}

nlohmann::json report_json(const social::ReportView& v) {
  const auto& r = v.row;
  nlohmann::json j = {{"id", std::to_string(r.id)},
                      {"target_type", r.target_type},
                      {"target_id", std::to_string(r.target_id)},
                      {"reason", r.reason},
                      {"reporter", v.reporter ? member_json(*v.reporter, false) : nlohmann::json(nullptr)},
                      {"created_at", format_rfc3339(r.created_at)}};
  if (v.item) j["item"] = item_json(*v.item);
  if (v.reply) j["reply"] = reply_json(*v.reply);
  if (v.member) j["member"] = member_json(*v.member, false);
  return j;
}

}  // namespace kring::http
