"""The log-in throttle (README "Limits"): guessing from one address backs off
exponentially; failures against one account from many addresses admit only
addresses that did not fail against it, so a stranger cannot lock the owner
out; handle and e-mail are one account. Other client addresses are other
loopback addresses (127.0.x.y), which the server sees as the socket's peer."""
import unittest

from kring_api import PASSWORD, ApiTestCase, wait_until


class LoginThrottle(ApiTestCase):
    def attempt(self, login, password, source):
        return self.anonymous(source).post("/api/v1/sessions", {"login": login, "password": password})

    def assertThrottled(self, reply):
        self.assertError(reply, 429, "too_many_attempts")
        wait = int(reply.header("Retry-After"))
        self.assertGreaterEqual(wait, 1)
        return wait

    def test_owner_logs_in_from_a_clean_address_while_the_attackers_is_locked(self):
        self.register("owner_a")
        attacker = "127.0.2.1"
        for _ in range(5):
            self.assertError(self.attempt("owner_a", "guess guess", attacker), 401)
        self.assertThrottled(self.attempt("owner_a@example.org", "guess guess", attacker))
        self.assertThrottled(self.attempt("owner_a", PASSWORD, attacker))
        self.assertEqual(self.attempt("owner_a", PASSWORD, "127.0.2.2").status, 201)

    def test_distributed_guessing_admits_only_addresses_that_did_not_fail(self):
        self.register("owner_b")
        attackers = [f"127.0.3.{i}" for i in range(1, 11)]
        for address in attackers:
            self.assertError(self.attempt("owner_b", "guess guess", address), 401)
        # Ten failures: the account is under attack. Each address had its go.
        self.assertThrottled(self.attempt("owner_b", "guess again", attackers[0]))
        self.assertThrottled(self.attempt("owner_b", PASSWORD, attackers[-1]))
        # An address that did not fail may still try, and the owner gets in.
        self.assertError(self.attempt("owner_b", "fresh guess", "127.0.3.50"), 401)
        self.assertEqual(self.attempt("owner_b", PASSWORD, "127.0.3.51").status, 201)

    def test_handle_and_email_in_any_case_share_one_counter(self):
        self.register("owner_c")
        logins = ["owner_c", "OWNER_C@EXAMPLE.ORG", "Owner_C", "owner_c@example.org"]
        for i in range(10):
            self.assertError(self.attempt(logins[i % 4], "guess guess", f"127.0.4.{i + 1}"), 401)
        # Had each spelling its own counter, none would have reached ten.
        self.assertThrottled(self.attempt("OWNER_C", PASSWORD, "127.0.4.1"))
        self.assertThrottled(self.attempt("owner_c@example.org", PASSWORD, "127.0.4.2"))
        self.assertEqual(self.attempt("Owner_C@Example.org", PASSWORD, "127.0.4.99").status, 201)

    def test_guessing_the_current_password_with_a_session_is_throttled_too(self):
        # A stolen session must not be an unthrottled oracle for the password.
        thief = self.register("owner_d")
        thief.source = "127.0.6.1"
        change = {"current_password": "guess guess", "new_password": "a brand new password"}
        for _ in range(5):
            self.assertError(thief.put("/api/v1/me/password", change), 401, "wrong_password")
        self.assertThrottled(thief.put("/api/v1/me/password", dict(change, current_password=PASSWORD)))
        # The owner, elsewhere, is not locked out, and the password is unchanged.
        self.assertEqual(self.attempt("owner_d", PASSWORD, "127.0.6.2").status, 201)

    def test_guessing_from_one_address_backs_off_exponentially(self):
        address = "127.0.5.1"
        for i in range(5):
            self.assertError(self.attempt(f"nobody{i}", "guess guess", address), 401)
        first_wait = self.assertThrottled(self.attempt("nobody", "guess guess", address))
        self.assertLessEqual(first_wait, 2)
        # Another address is not slowed down by this one.
        self.assertError(self.attempt("nobody", "guess guess", "127.0.5.2"), 401)
        sixth = wait_until(
            lambda: (r := self.attempt("nobody6", "guess guess", address)).status != 429 and r,
            timeout=10, what="the first backoff to pass")
        self.assertError(sixth, 401)
        second_wait = self.assertThrottled(self.attempt("nobody7", "guess guess", address))
        self.assertGreater(second_wait, first_wait)
        self.assertLessEqual(second_wait, 4)


if __name__ == "__main__":
    unittest.main()
