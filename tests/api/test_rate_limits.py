"""Rate limits (README "Limits"): registration per address, items and replies
per member and per address, mention notifications per sender, open streams
per member and per address. Each class turns on the few limits it tests,
small, with --rate-limit on top of the harness's --no-rate-limits; one class
runs with the defaults. Other client addresses are other loopback addresses
(127.0.0.x), which the server sees as the socket's peer."""
import itertools
import subprocess
import tempfile
import unittest

from kring_api import KRING, PASSWORD, ApiTestCase, SseReader, wait_until

_handles = itertools.count(1)


def account(prefix):
    handle = f"{prefix}{next(_handles)}"
    return {"handle": handle, "email": f"{handle}@example.org", "password": PASSWORD}


class RegistrationPerAddress(ApiTestCase):
    server_args = ("--rate-limit", "register_per_address=3/1h")

    def assertRateLimited(self, reply):
        self.assertError(reply, 429, "rate_limited")
        self.assertGreaterEqual(int(reply.header("Retry-After")), 1)

    def test_the_fourth_registration_from_one_address_is_refused_with_retry_after(self):
        client = self.anonymous("127.0.0.2")
        for _ in range(3):
            self.assertEqual(client.post("/api/v1/accounts", account("reg")).status, 201)
        fourth = account("reg")
        refused = client.post("/api/v1/accounts", fourth)
        self.assertRateLimited(refused)
        self.assertLessEqual(int(refused.header("Retry-After")), 1200)  # one unit per 20 minutes
        self.assertError(self.anonymous().get(f"/api/v1/members/{fourth['handle']}"), 404)

    def test_another_address_is_not_limited(self):
        busy = self.anonymous("127.0.0.3")
        for _ in range(3):
            busy.post("/api/v1/accounts", account("busy"))
        self.assertRateLimited(busy.post("/api/v1/accounts", account("busy")))
        self.assertEqual(self.anonymous("127.0.0.4").post("/api/v1/accounts", account("calm")).status,
                         201)

    def test_x_forwarded_for_is_ignored_without_trust_proxy(self):
        client = self.anonymous("127.0.0.6")
        for i in range(3):
            r = client.post("/api/v1/accounts", account("xff"),
                            headers={"X-Forwarded-For": f"198.51.100.{i}"})
            self.assertEqual(r.status, 201, r)
        self.assertRateLimited(client.post("/api/v1/accounts", account("xff"),
                                           headers={"X-Forwarded-For": "198.51.100.99"}))


class RegistrationRefill(ApiTestCase):
    # One registration per 5 s: far longer than one takes (argon2id, ~0.2 s),
    # so the second is refused however slow the machine, and short enough to
    # wait for.
    server_args = ("--rate-limit", "register_per_address=1/5s")

    def test_registration_works_again_once_the_bucket_refills(self):
        client = self.anonymous("127.0.0.5")
        self.assertEqual(client.post("/api/v1/accounts", account("again")).status, 201)
        refused = client.post("/api/v1/accounts", account("again"))
        self.assertError(refused, 429, "rate_limited")
        self.assertLessEqual(int(refused.header("Retry-After")), 5)
        wait_until(lambda: client.post("/api/v1/accounts", account("again")).status == 201,
                   timeout=15, what="a registration after the refill")


class TrustedProxy(ApiTestCase):
    server_args = ("--rate-limit", "register_per_address=1/1h", "--trust-proxy")

    def test_the_last_forwarded_address_is_the_client(self):
        client = self.anonymous()

        def register(forwarded):
            return client.post("/api/v1/accounts", account("proxied"),
                               headers={"X-Forwarded-For": forwarded})

        self.assertEqual(register("198.51.100.1").status, 201)
        # The client may claim anything before the proxy's own entry.
        self.assertError(register("203.0.113.50, 198.51.100.1"), 429, "rate_limited")
        self.assertEqual(register("198.51.100.1, 198.51.100.2").status, 201)


class TieLimits(ApiTestCase):
    """Each follow and connection request tells the other side: a
    follow-unfollow loop must not flood them."""
    server_args = ("--rate-limit", "follows_per_member=3/1h", "--rate-limit", "connections_per_member=2/1h")

    def test_follows_are_limited_per_member(self):
        victim, spammer, other = self.register("tie_victim"), self.register("tie_spammer"), self.register("tie_other")
        for _ in range(3):
            self.assertEqual(spammer.post("/api/v1/members/tie_victim/follow").status // 100, 2)
            spammer.delete("/api/v1/members/tie_victim/follow")
        refused = spammer.post("/api/v1/members/tie_victim/follow")
        self.assertError(refused, 429, "rate_limited")
        self.assertIn("follows_per_member", refused.json["error"]["message"])
        self.assertEqual(len([n for n in victim.get("/api/v1/notifications").json["items"]
                              if n["kind"] == "follow"]), 3)
        self.assertEqual(other.post("/api/v1/members/tie_victim/follow").status // 100, 2)

    def test_connection_requests_are_limited_per_member(self):
        self.register("con_a"), self.register("con_b"), self.register("con_c")
        asker = self.register("con_asker")
        for target in ("con_a", "con_b"):
            self.assertEqual(asker.post(f"/api/v1/members/{target}/connection").status // 100, 2)
        self.assertError(asker.post("/api/v1/members/con_c/connection"), 429, "rate_limited")


class PostingLimits(ApiTestCase):
    server_args = ("--rate-limit", "items_per_member=3/1h", "--rate-limit", "items_per_address=5/1h",
                   "--rate-limit", "replies_per_member=2/1h",
                   "--rate-limit", "replies_per_address=3/1h")

    def post_item(self, who, text="a note"):
        return who.post("/api/v1/items", {"kind": "note", "body": text})

    def test_items_are_limited_per_member_then_per_address(self):
        first = self.register("items_first", source="127.0.0.10")
        second = self.register("items_second", source="127.0.0.10")
        for _ in range(3):
            self.assertEqual(self.post_item(first).status, 201)
        refused = self.post_item(first)
        self.assertError(refused, 429, "rate_limited")
        self.assertGreaterEqual(int(refused.header("Retry-After")), 1)
        self.assertIn("items_per_member", refused.json["error"]["message"])
        # Another member is not limited by the first one's budget ...
        for _ in range(2):
            self.assertEqual(self.post_item(second).status, 201)
        # ... but the address's budget (5) is now spent for everyone on it.
        self.assertError(self.post_item(second), 429, "rate_limited")
        elsewhere = self.register("items_elsewhere", source="127.0.0.11")
        self.assertEqual(self.post_item(elsewhere).status, 201)
        mine = first.get(f"/api/v1/members/{first.handle}/feed").json["items"]
        self.assertEqual(len(mine), 3)

    def test_replies_are_limited_per_member_then_per_address(self):
        author = self.register("reply_author", source="127.0.0.12")
        item = self.post_item(author).json
        path = f"/api/v1/items/{item['id']}/replies"
        chatty = self.register("reply_chatty", source="127.0.0.13")
        quiet = self.register("reply_quiet", source="127.0.0.13")
        for _ in range(2):
            self.assertEqual(chatty.post(path, {"body": "me again"}).status, 201)
        refused = chatty.post(path, {"body": "me again"})
        self.assertError(refused, 429, "rate_limited")
        self.assertGreaterEqual(int(refused.header("Retry-After")), 1)
        self.assertEqual(quiet.post(path, {"body": "hello"}).status, 201)
        self.assertError(quiet.post(path, {"body": "hello"}), 429, "rate_limited")
        self.assertEqual(author.post(path, {"body": "thanks"}).status, 201)
        self.assertEqual(len(author.get(path).json["items"]), 4)

    def test_anonymous_posting_is_refused_as_unauthenticated_not_counted(self):
        anonymous = self.anonymous("127.0.0.14")
        for _ in range(6):
            self.assertError(self.post_item(anonymous), 401)


class MentionLimit(ApiTestCase):
    server_args = ("--rate-limit", "mentions_per_member=3/1h")

    def mentions_of(self, member):
        items = member.get("/api/v1/notifications").json["items"]
        return [n for n in items if n["kind"] == "mention"]

    def test_mentions_past_the_senders_budget_render_but_do_not_notify(self):
        targets = [self.register(f"target{i}") for i in range(5)]
        sender = self.register("mass_mentioner")
        body = " ".join("@" + t.handle for t in targets)
        item = sender.post("/api/v1/items", {"kind": "note", "body": body}).json
        told = [t for t in targets if self.mentions_of(t)]
        self.assertEqual(len(told), 3)
        for t in targets:
            self.assertIn(f"@{t.handle}", item["html"])
        # Replies draw on the same budget.
        untold = [t for t in targets if t not in told]
        sender.post(f"/api/v1/items/{item['id']}/replies", {"body": "@" + untold[0].handle})
        self.assertEqual(self.mentions_of(untold[0]), [])
        # The budget is the sender's: someone else's mention still notifies.
        other = self.register("polite_mentioner")
        other.post("/api/v1/items", {"kind": "note", "body": "@" + untold[1].handle})
        self.assertEqual(len(self.mentions_of(untold[1])), 1)


class StreamLimits(ApiTestCase):
    server_args = ("--heartbeat", "1", "--rate-limit", "streams_per_member=2",
                   "--rate-limit", "streams_per_address=3")

    def open(self, member, source):
        stream = SseReader(self.server.port, member.token, source=source)
        self.addCleanup(stream.close)
        return stream

    def test_a_member_past_the_stream_cap_is_refused_and_the_open_ones_go_on(self):
        me = self.register("streamer", source="127.0.0.20")
        first, second = self.open(me, "127.0.0.20"), self.open(me, "127.0.0.20")
        self.assertEqual((first.response.status, second.response.status), (200, 200))
        refused = self.open(me, "127.0.0.20")
        self.assertEqual(refused.response.status, 429)
        self.assertGreaterEqual(int(refused.response.getheader("Retry-After")), 1)
        self.assertIn("rate_limited", refused.response.read().decode())
        first.next_event("unread")
        self.register("stream_follower").post("/api/v1/members/streamer/follow")
        self.assertEqual(first.next_event("notification")["event"], "notification")
        # Another member on another address is unaffected.
        other = self.register("stream_other", source="127.0.0.21")
        self.assertEqual(self.open(other, "127.0.0.21").response.status, 200)

    def test_an_address_past_its_cap_is_refused_for_every_member(self):
        a = self.register("addr_a", source="127.0.0.22")
        b = self.register("addr_b", source="127.0.0.22")
        self.assertEqual(self.open(a, "127.0.0.22").response.status, 200)
        self.assertEqual(self.open(a, "127.0.0.22").response.status, 200)
        self.assertEqual(self.open(b, "127.0.0.22").response.status, 200)
        self.assertEqual(self.open(b, "127.0.0.22").response.status, 429)
        self.assertEqual(self.open(b, "127.0.0.23").response.status, 200)

    def test_closing_a_stream_frees_its_place(self):
        me = self.register("reopener", source="127.0.0.24")
        first = self.open(me, "127.0.0.24")
        self.open(me, "127.0.0.24")
        self.assertEqual(self.open(me, "127.0.0.24").response.status, 429)
        first.close()

        # The server notices the close when a heartbeat (1 s) fails to write.
        def reopened():
            stream = self.open(me, "127.0.0.24")
            return stream.response.status == 200

        wait_until(reopened, timeout=15, what="a stream to open after one closed")


class DefaultLimits(ApiTestCase):
    rate_limits = True

    def test_defaults_let_a_busy_member_post_and_stop_a_flood(self):
        member = self.register("default_poster")
        statuses = [member.post("/api/v1/items", {"kind": "note", "body": f"n{i}"}).status
                    for i in range(31)]
        self.assertEqual(statuses[:30], [201] * 30)
        self.assertEqual(statuses[30], 429)


class RateLimitFlags(unittest.TestCase):
    def serve(self, *args):
        with tempfile.TemporaryDirectory() as data:
            return subprocess.run([KRING, "serve", "--data", data, "--listen", "127.0.0.1:0", *args],
                                  capture_output=True, text=True, timeout=30)

    def test_an_unknown_or_malformed_rate_limit_stops_the_server_with_a_message(self):
        for value, said in [("nope=1/1h", "known: register_per_address"),
                            ("items_per_member=5", "needs a period"),
                            ("items_per_member=5/1y", "bad value"),
                            ("streams_per_member=2/1h", "counts open streams")]:
            run = self.serve("--rate-limit", value)
            self.assertEqual(run.returncode, 2, (value, run.stderr))
            self.assertIn(said, run.stderr, value)

    def test_help_lists_every_limit_with_its_default(self):
        run = subprocess.run([KRING, "serve", "--help"], capture_output=True, text=True, timeout=30)
        for expected in ["register_per_address=20/1h", "items_per_member=30/10m",
                         "mentions_per_member=100/1h", "streams_per_member=10",
                         "--no-rate-limits", "--trust-proxy"]:
            self.assertIn(expected, run.stdout)


if __name__ == "__main__":
    unittest.main()
