#pragma once
// Everything the http layer may call, built once at start-up over one
// database. Each service is thread-safe.

#include "social/accounts.h"
#include "social/login_throttle.h"
#include "social/members.h"
#include "social/ties.h"
#include "store/database.h"

namespace kring::social {

struct Services {
  explicit Services(store::Database& db)
      : db(db), accounts(db, login_throttle), members(db), ties(db) {}

  store::Database& db;
  LoginThrottle login_throttle;
  Accounts accounts;
  Members members;
  Ties ties;
};

}  // namespace kring::social
