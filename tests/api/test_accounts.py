"""Accounts: register, log in, log out, change password, sessions, CSRF, throttling."""
import unittest

from kring_api import ApiTestCase, PASSWORD


class FirstMember(ApiTestCase):
    def test_first_member_of_an_instance_is_its_admin(self):
        first = self.register("founder")
        second = self.register("newcomer")
        self.assertEqual(first.get("/api/v1/me").json["role"], "admin")
        self.assertEqual(second.get("/api/v1/me").json["role"], "member")


class Registration(ApiTestCase):
    def test_register_returns_member_token_and_session_cookie(self):
        reply = self.anonymous().post("/api/v1/accounts", {
            "handle": "Anna_de_Vries", "email": "anna@example.org", "password": PASSWORD})
        self.assertEqual(reply.status, 201, reply)
        self.assertEqual(reply.json["member"]["handle"], "anna_de_vries")  # stored lowercase
        self.assertEqual(len(reply.json["token"]), 43)
        cookie = reply.header("Set-Cookie")
        self.assertIn("kring_session=" + reply.json["token"], cookie)
        self.assertIn("HttpOnly", cookie)
        self.assertIn("SameSite=Lax", cookie)
        me = self.server.client(token=reply.json["token"]).get("/api/v1/me")
        self.assertEqual(me.status, 200)
        self.assertEqual(me.json["email"], "anna@example.org")

    def test_taken_handle_is_a_conflict(self):
        self.register("taken_handle")
        reply = self.anonymous().post("/api/v1/accounts", {
            "handle": "taken_handle", "email": "other@example.org", "password": PASSWORD})
        self.assertError(reply, 409, "handle_taken")

    def test_taken_email_is_a_conflict_ignoring_case(self):
        self.register("email_owner")
        reply = self.anonymous().post("/api/v1/accounts", {
            "handle": "email_thief", "email": "EMAIL_OWNER@example.org", "password": PASSWORD})
        self.assertError(reply, 409, "email_taken")

    def test_taken_email_is_a_conflict_whatever_the_case_of_either(self):
        self.register_with_email("mixed_case", "Mixed.Case@Example.ORG")
        for email in ("mixed.case@example.org", "MIXED.CASE@EXAMPLE.ORG", "mIxEd.CaSe@eXaMpLe.OrG"):
            reply = self.anonymous().post("/api/v1/accounts", {
                "handle": "case_thief", "email": email, "password": PASSWORD})
            self.assertError(reply, 409, "email_taken")

    def test_non_ascii_emails_are_refused_so_no_two_spellings_share_a_mailbox(self):
        # SQLite folds ASCII case only: these used to register as three accounts.
        for handle, email in (("elise_1", "\u00c9lise@example.org"), ("elise_2", "\u00e9lise@example.org"),
                              ("elise_3", "e\u0301lise@example.org")):
            reply = self.anonymous().post("/api/v1/accounts", {
                "handle": handle, "email": email, "password": PASSWORD})
            self.assertError(reply, 400, "invalid_email")
            self.assertIn("ASCII", reply.json["error"]["message"])
        self.assertError(self.anonymous().get("/api/v1/members/elise_1"), 404)

    def register_with_email(self, handle, email):
        reply = self.anonymous().post("/api/v1/accounts", {"handle": handle, "email": email, "password": PASSWORD})
        self.assertEqual(reply.status, 201, reply)
        return reply

    def test_bad_handles_emails_and_passwords_are_refused(self):
        cases = [
            ({"handle": "ab", "email": "x1@example.org", "password": PASSWORD}, "invalid_handle"),
            ({"handle": "9lives", "email": "x2@example.org", "password": PASSWORD}, "invalid_handle"),
            ({"handle": "has-dash", "email": "x3@example.org", "password": PASSWORD}, "invalid_handle"),
            ({"handle": "admin", "email": "x4@example.org", "password": PASSWORD}, "invalid_handle"),
            ({"handle": "fine_name", "email": "not-an-email", "password": PASSWORD}, "invalid_email"),
            ({"handle": "fine_name", "email": "x5@example.org", "password": "short"}, "weak_password"),
            ({"handle": "fine_name", "email": "x6@example.org"}, "missing_field"),
            ({"handle": 12, "email": "x7@example.org", "password": PASSWORD}, "invalid_type"),
        ]
        for body, code in cases:
            with self.subTest(body=body):
                self.assertError(self.anonymous().post("/api/v1/accounts", body), 400, code)
        self.assertError(self.anonymous().get("/api/v1/members/fine_name"), 404, "not_found")


class Sessions(ApiTestCase):
    def test_log_in_with_handle_or_email(self):
        member = self.register("login_both")
        for login in ("login_both", "LOGIN_BOTH", "login_both@example.org"):
            reply = self.anonymous().post("/api/v1/sessions", {"login": login, "password": PASSWORD})
            self.assertEqual(reply.status, 201, reply)
            self.assertEqual(reply.json["member"]["handle"], member.handle)

    def test_log_in_by_email_in_any_case(self):
        reply = self.anonymous().post("/api/v1/accounts", {
            "handle": "any_case", "email": "Any.Case@Example.org", "password": PASSWORD})
        self.assertEqual(reply.status, 201, reply)
        for login in ("Any.Case@Example.org", "any.case@example.org", "ANY.CASE@EXAMPLE.ORG"):
            reply = self.anonymous().post("/api/v1/sessions", {"login": login, "password": PASSWORD})
            self.assertEqual(reply.status, 201, (login, reply))
            self.assertEqual(reply.json["member"]["handle"], "any_case")

    def test_wrong_password_is_401_and_unknown_login_too(self):
        self.register("wrong_pw")
        self.assertError(self.anonymous().post(
            "/api/v1/sessions", {"login": "wrong_pw", "password": "not the password"}), 401)
        self.assertError(self.anonymous().post(
            "/api/v1/sessions", {"login": "nobody_here", "password": PASSWORD}), 401)

    def test_log_out_ends_the_session(self):
        member = self.register("leaver")
        self.assertEqual(member.delete("/api/v1/sessions/current").status, 204)
        self.assertError(member.get("/api/v1/me"), 401)

    def test_me_needs_authentication(self):
        self.assertError(self.anonymous().get("/api/v1/me"), 401, "unauthenticated")
        bogus = self.server.client(token="not-a-real-token")
        self.assertError(bogus.get("/api/v1/me"), 401)

    def test_change_password_ends_other_sessions_only(self):
        member = self.register("changer")
        other = self.anonymous().post("/api/v1/sessions", {"login": "changer", "password": PASSWORD})
        other_client = self.server.client(token=other.json["token"])
        self.assertError(member.put("/api/v1/me/password", {
            "current_password": "wrong wrong", "new_password": "a new password"}), 401, "wrong_password")
        self.assertEqual(member.put("/api/v1/me/password", {
            "current_password": PASSWORD, "new_password": "a new password"}).status, 204)
        self.assertEqual(member.get("/api/v1/me").status, 200)
        self.assertError(other_client.get("/api/v1/me"), 401)
        self.assertError(self.anonymous().post(
            "/api/v1/sessions", {"login": "changer", "password": PASSWORD}), 401)
        self.assertEqual(self.anonymous().post(
            "/api/v1/sessions", {"login": "changer", "password": "a new password"}).status, 201)


class CookieSessions(ApiTestCase):
    def test_cookie_writes_need_the_csrf_token(self):
        self.register("browser_user")
        login = self.anonymous().post("/api/v1/sessions", {"login": "browser_user", "password": PASSWORD})
        cookie = login.json["token"]
        browser = self.server.client(cookie=cookie)
        me = browser.get("/api/v1/me")
        self.assertEqual(me.status, 200)
        self.assertEqual(me.json["csrf_token"], login.json["csrf_token"])
        self.assertError(browser.patch("/api/v1/me", {"bio": "forged"}), 403, "csrf_failed")
        forged = self.server.client(cookie=cookie, csrf="guess")
        self.assertError(forged.patch("/api/v1/me", {"bio": "forged"}), 403, "csrf_failed")
        self.assertNotEqual(browser.get("/api/v1/me").json.get("bio"), "forged")
        real = self.server.client(cookie=cookie, csrf=login.json["csrf_token"])
        self.assertEqual(real.patch("/api/v1/me", {"bio": "mine"}).status, 200)

    def test_stale_cookie_is_anonymous_not_an_error(self):
        stale = self.server.client(cookie="stale-token")
        self.assertEqual(stale.get("/api/v1/members").status, 200)
        self.assertError(stale.get("/api/v1/me"), 401)


class LoginThrottling(ApiTestCase):
    def test_too_many_failures_from_one_address_are_refused_with_retry_after(self):
        self.register("target")
        for _ in range(5):
            self.assertError(self.anonymous().post(
                "/api/v1/sessions", {"login": "target", "password": "guess guess"}), 401)
        locked = self.anonymous().post("/api/v1/sessions", {"login": "target", "password": PASSWORD})
        self.assertError(locked, 429, "too_many_attempts")
        self.assertGreater(int(locked.header("Retry-After")), 0)


class AddressThrottling(ApiTestCase):
    def test_address_limit_stops_spraying_across_accounts(self):
        for i in range(30):
            self.anonymous().post("/api/v1/sessions", {"login": f"spray{i}", "password": "guess guess"})
        reply = self.anonymous().post("/api/v1/sessions", {"login": "spray_new", "password": "guess"})
        self.assertError(reply, 429, "too_many_attempts")


if __name__ == "__main__":
    unittest.main()
