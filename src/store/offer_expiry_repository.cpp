#include "store/offer_expiry_repository.h"

namespace kring::store {

namespace {

std::vector<ExpiringOffer> read_offers(Statement& st) {
  std::vector<ExpiringOffer> out;
  while (st.step()) out.push_back({st.int64(0), st.int64(1), st.int64(2)});
  return out;
}

}  // namespace

std::vector<ExpiringOffer> OfferExpiryRepository::to_notice(std::string_view kind,
                                                            std::string_view status, Micros from,
                                                            Micros until, int limit) {
  // items_by_expiry: the range of expiry times, then kind and status per row.
  auto st = conn_.prepare(
      "SELECT i.id, i.author_id, i.expires_at FROM items i WHERE i.expires_at > ?3 "
      "AND i.expires_at <= ?4 AND i.kind = ?1 AND i.status = ?2 AND i.deleted_at IS NULL "
      "AND NOT EXISTS (SELECT 1 FROM offer_expiries e WHERE e.item_id = i.id "
      "AND e.expires_at = i.expires_at AND e.noticed_at IS NOT NULL) "
      "ORDER BY i.expires_at LIMIT ?5");
  st.bind(1, kind).bind(2, status).bind(3, from).bind(4, until).bind(5, limit);
  return read_offers(st);
}

std::vector<ExpiringOffer> OfferExpiryRepository::to_expire(std::string_view kind,
                                                            std::string_view status, Micros now,
                                                            int limit) {
  auto st = conn_.prepare(
      "SELECT i.id, i.author_id, i.expires_at FROM items i WHERE i.expires_at <= ?3 "
      "AND i.kind = ?1 AND i.status = ?2 AND i.deleted_at IS NULL "
      "AND NOT EXISTS (SELECT 1 FROM offer_expiries e WHERE e.item_id = i.id "
      "AND e.expires_at = i.expires_at AND e.expired_at IS NOT NULL) "
      "ORDER BY i.expires_at LIMIT ?4");
  st.bind(1, kind).bind(2, status).bind(3, now).bind(4, limit);
  return read_offers(st);
}

void OfferExpiryRepository::mark_noticed(const ExpiringOffer& offer, Micros at) {
  auto st = conn_.prepare(
      "INSERT INTO offer_expiries (item_id, expires_at, noticed_at) VALUES (?1, ?2, ?3) "
      "ON CONFLICT (item_id, expires_at) DO UPDATE SET noticed_at = "
      "coalesce(noticed_at, excluded.noticed_at)");
  st.bind(1, offer.item_id).bind(2, offer.expires_at).bind(3, at).run();
}

void OfferExpiryRepository::mark_expired(const ExpiringOffer& offer, Micros at) {
  auto st = conn_.prepare(
      "INSERT INTO offer_expiries (item_id, expires_at, expired_at) VALUES (?1, ?2, ?3) "
      "ON CONFLICT (item_id, expires_at) DO UPDATE SET expired_at = "
      "coalesce(expired_at, excluded.expired_at)");
  st.bind(1, offer.item_id).bind(2, offer.expires_at).bind(3, at).run();
}

}  // namespace kring::store
