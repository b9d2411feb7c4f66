#include "social/notifier.h"

#include <algorithm>
#include <stdexcept>

#include "store/audience_repository.h"
#include "store/notification_repository.h"
#include "store/rsvp_repository.h"

namespace kring::social {

namespace {

void require(bool present, NotificationKind kind, const char* what) {
  if (!present) {
    throw std::logic_error("a " + std::string(to_name(kind)) + " notification needs " + what);
  }
}

void check_subject(const AudienceRule& rule, const Event& event) {
  switch (rule.subject) {
    case Subject::kItem:
      require(event.item.has_value(), rule.kind, "an item");
      break;
    case Subject::kSpace:
      require(event.space.has_value(), rule.kind, "a space");
      break;
    case Subject::kMember:
      require(event.member != 0, rule.kind, "a member");
      break;
  }
}

}  // namespace

std::vector<MemberId> Notifier::audience(Audience audience, NotificationKind kind,
                                         const Event& event) {
  store::AudienceRepository repo(conn_);
  auto author_of = [](std::optional<MemberId> m) {
    return m ? std::vector<MemberId>{*m} : std::vector<MemberId>{};
  };
  switch (audience) {
    case Audience::kMentioned:
      return repo.active_members_named(event.mentions);
    case Audience::kItemAuthor:
      require(event.item.has_value(), kind, "an item");
      return author_of(repo.item_author(*event.item));
    case Audience::kParentAuthor:
      if (!event.parent) return {};  // a reply to the item itself answers no reply
      return author_of(repo.reply_author(*event.parent));
    case Audience::kReactedAuthor:
      if (event.reply) return author_of(repo.reply_author(*event.reply));
      require(event.item.has_value(), kind, "an item");
      return author_of(repo.item_author(*event.item));
    case Audience::kNamedMember:
      require(event.member != 0, kind, "the member it names");
      return {event.member};
    case Audience::kSpaceHosts:
      require(event.space.has_value(), kind, "a space");
      return repo.space_hosts(*event.space);
    case Audience::kItemRepliers:
      require(event.item.has_value(), kind, "an item");
      return repo.item_repliers(*event.item);
    case Audience::kItemFollowers:
      require(event.item.has_value(), kind, "an item");
      return repo.item_followers(*event.item);
    case Audience::kItemVoters:
      require(event.item.has_value(), kind, "an item");
      return repo.item_voters(*event.item);
    case Audience::kEventGoing:
      require(event.item.has_value(), kind, "an item");
      return store::RsvpRepository(conn_).going_members(*event.item);
  }
  return {};
}

void Notifier::notify(const Event& event) {
  store::AudienceRepository repo(conn_);
  store::NotificationRepository notifications(conn_);
  std::vector<MemberId> told;
  for (NotificationKind kind : event.kinds) {
    const AudienceRule& rule = audience_rule(kind);
    check_subject(rule, event);
    for (Audience a : rule.audiences) {
      for (MemberId recipient : audience(a, kind, event)) {
        if (recipient == 0 || (recipient == event.actor && !event.by_kring)) continue;
        if (std::find(told.begin(), told.end(), recipient) != told.end()) continue;
        if (!repo.may_be_told(recipient, event.actor, event.item, event.space)) continue;
        // Past the sender's mention budget the mention still renders as a
        // link in the text; it just tells nobody, so mass-mentioning cannot
        // flood anyone.
        if (rule.spends_mention_budget &&
            hub_.rate_limiter().take(RateLimitId::kMentionsPerMember, std::to_string(event.actor)) >
                0) {
          continue;
        }
        told.push_back(recipient);
        store::NotificationRow row;
        row.recipient = recipient;
        row.kind = std::string(to_name(kind));
        row.actor = event.actor;
        row.item_id = event.item;
        row.reply_id = event.reply;
        row.space_id = event.space;
        row.created_at = now_micros();
        pending_.emplace_back(recipient, notifications.insert(row));
      }
    }
  }
}

void Notifier::publish() {
  for (auto [recipient, id] : pending_) hub_.publish(recipient, id);
  pending_.clear();
}

}  // namespace kring::social
