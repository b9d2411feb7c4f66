"""Operations: health, metrics, request log, compression, graceful shutdown, durability, demo data."""
import gzip
import http.client
import json
import os
import re
import signal
import subprocess
import tempfile
import unittest

from kring_api import ApiTestCase, KRING, PASSWORD, Server


METRICS_TOKEN = "0123456789abcdef0123456789abcdef-scrape"


def assertPrometheusText(test, metrics):
    test.assertEqual(metrics.status, 200, metrics)
    test.assertIn("text/plain", metrics.header("Content-Type"))
    test.assertRegex(metrics.body, r'kring_http_requests_total\{route="GET /api/v1/members",status="2xx"\} \d+')
    test.assertRegex(metrics.body,
                     r'kring_http_request_duration_seconds_bucket\{route="GET /api/v1/members",le="\+Inf"\} \d+')


class Health(ApiTestCase):
    def test_healthz(self):
        self.assertEqual(self.anonymous().get("/healthz").json, {"status": "ok"})

    def test_metrics_are_not_served_by_default_not_even_to_the_admin(self):
        admin = self.register()  # the first member: the instance admin
        self.assertEqual(admin.get("/api/v1/me").json["role"], "admin")
        self.assertError(self.anonymous().get("/metrics"), 404, "not_found")
        self.assertError(admin.get("/metrics"), 404, "not_found")

    def test_one_log_line_per_request(self):
        self.anonymous().get("/api/v1/members?q=logline")
        log = self.server.log()
        self.assertRegex(log, r"method=GET path=/api/v1/members status=200 us=\d+")

    def test_keep_alive_serves_many_requests_on_one_connection(self):
        client = self.anonymous()
        for _ in range(5):
            self.assertEqual(client.get("/healthz").status, 200)
        self.assertIsNotNone(client.conn)  # still the same open connection


class MetricsWithAToken(ApiTestCase):
    server_args = ("--metrics-token", METRICS_TOKEN)

    def test_the_token_opens_metrics(self):
        self.anonymous().get("/api/v1/members")
        metrics = self.anonymous().get("/metrics", headers={"Authorization": "Bearer " + METRICS_TOKEN})
        assertPrometheusText(self, metrics)

    def test_no_token_a_wrong_token_or_a_session_token_is_401(self):
        member = self.register()
        self.assertError(self.anonymous().get("/metrics"), 401, "unauthenticated")
        wrong = self.anonymous().get("/metrics", headers={"Authorization": "Bearer " + METRICS_TOKEN[:-1] + "x"})
        self.assertError(wrong, 401, "unauthenticated")
        self.assertEqual(wrong.header("WWW-Authenticate"), 'Bearer realm="kring metrics"')
        self.assertError(member.get("/metrics"), 401, "unauthenticated")


class MetricsWithATokenFile(unittest.TestCase):
    def test_the_token_is_read_from_the_file(self):
        with tempfile.NamedTemporaryFile("w", suffix=".token", delete=False) as f:
            f.write(METRICS_TOKEN + "\n")
        server = Server(["--metrics-token-file", f.name])
        try:
            server.start()
            server.client().get("/api/v1/members")
            ok = server.client().get("/metrics", headers={"Authorization": "Bearer " + METRICS_TOKEN})
            assertPrometheusText(self, ok)
            self.assertEqual(server.client().get("/metrics").status, 401)
        finally:
            server.cleanup()
            os.unlink(f.name)

    def test_a_short_token_is_refused_at_start(self):
        with tempfile.TemporaryDirectory() as tmp:
            result = subprocess.run([KRING, "serve", "--data", os.path.join(tmp, "data"),
                                     "--listen", "127.0.0.1:0", "--metrics-token", "short"],
                                    capture_output=True, text=True, timeout=60)
            self.assertEqual(result.returncode, 2)
            self.assertIn("at least 32 characters", result.stderr)


class MetricsOnTheirOwnListener(ApiTestCase):
    server_args = ("--metrics-listen", "127.0.0.1:0")

    def metrics_port(self):
        match = re.search(r"kring metrics on http://127\.0\.0\.1:(\d+)/metrics", self.server.log())
        self.assertIsNotNone(match, self.server.log())
        return int(match.group(1))

    def test_metrics_listener_serves_the_public_listeners_figures(self):
        self.anonymous().get("/api/v1/members")
        from kring_api import Client
        metrics = Client(self.metrics_port()).get("/metrics")
        assertPrometheusText(self, metrics)

    def test_public_listener_has_no_metrics(self):
        self.assertError(self.anonymous().get("/metrics"), 404, "not_found")

    def test_metrics_listener_serves_nothing_else(self):
        from kring_api import Client
        self.assertEqual(Client(self.metrics_port()).get("/api/v1/members").status, 404)


class Compression(ApiTestCase):
    def raw_get(self, path, accept_encoding):
        conn = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=30)
        conn.request("GET", path, headers={"Accept-Encoding": accept_encoding})
        resp = conn.getresponse()
        body = resp.read()
        conn.close()
        return resp, body

    def test_large_json_is_gzipped_for_clients_that_accept_it(self):
        author = self.register()
        for i in range(30):
            author.post("/api/v1/items", {"kind": "note", "visibility": "public",
                                          "body": f"Note {i}: " + "the same words again " * 10})
        path = "/api/v1/feeds/public?limit=30"
        plain = self.anonymous().get(path)
        self.assertIsNone(plain.header("Content-Encoding"))
        self.assertGreater(len(plain.body), 4096)
        resp, body = self.raw_get(path, "deflate, gzip;q=0.5")
        self.assertEqual(resp.getheader("Content-Encoding"), "gzip")
        self.assertEqual(resp.getheader("Vary"), "Accept-Encoding")
        self.assertEqual(json.loads(gzip.decompress(body)), plain.json)
        self.assertLess(len(body), len(plain.body) // 4)

    def test_no_gzip_when_refused_or_small(self):
        self.register()
        resp, body = self.raw_get("/api/v1/feeds/public", "gzip;q=0")
        self.assertIsNone(resp.getheader("Content-Encoding"))
        json.loads(body)
        resp, body = self.raw_get("/healthz", "gzip")
        self.assertIsNone(resp.getheader("Content-Encoding"))  # under 1 KiB: not worth it
        self.assertEqual(json.loads(body), {"status": "ok"})


class Lifecycle(unittest.TestCase):
    def test_sigterm_stops_gracefully_with_exit_code_0(self):
        server = Server().start()
        try:
            self.assertEqual(server.client().get("/healthz").status, 200)
            self.assertEqual(server.stop(signal.SIGTERM), 0)
            self.assertIn("kring stopped", server.log())
        finally:
            server.cleanup()

    def test_sigterm_also_stops_the_metrics_listener(self):
        server = Server(["--metrics-listen", "127.0.0.1:0"]).start()
        try:
            self.assertEqual(server.stop(signal.SIGTERM), 0)
            self.assertIn("kring stopped", server.log())
        finally:
            server.cleanup()

    def test_acknowledged_writes_survive_kill_9(self):
        server = Server().start()
        try:
            reply = server.client().post("/api/v1/accounts", {
                "handle": "durable", "email": "durable@example.org", "password": PASSWORD})
            self.assertEqual(reply.status, 201)
            token = reply.json["token"]
            client = server.client(token=token)
            self.assertEqual(client.patch("/api/v1/me", {"bio": "still here"}).status, 200)
            server.stop(signal.SIGKILL)
            server.start()
            me = server.client(token=token).get("/api/v1/me")
            self.assertEqual(me.status, 200)
            self.assertEqual(me.json["bio"], "still here")
        finally:
            server.cleanup()


class DemoCommand(unittest.TestCase):
    def run_demo(self, data, seed):
        return subprocess.run([KRING, "demo", "--data", data, "--members", "300", "--seed", str(seed)],
                              capture_output=True, text=True, timeout=300)

    def test_demo_is_deterministic_and_loads_once(self):
        with tempfile.TemporaryDirectory() as tmp:
            first = self.run_demo(os.path.join(tmp, "a"), 7)
            second = self.run_demo(os.path.join(tmp, "b"), 7)
            other = self.run_demo(os.path.join(tmp, "c"), 8)
            self.assertEqual(first.returncode, 0, first.stderr)
            self.assertEqual(first.stdout, second.stdout)
            self.assertNotEqual(first.stdout, other.stdout)
            self.assertIn("300 members", first.stdout)
            again = self.run_demo(os.path.join(tmp, "a"), 7)
            self.assertIn("already has members", again.stdout)

    def test_demo_members_log_in_and_have_profiles_and_ties(self):
        server = Server()
        try:
            demo = self.run_demo(os.path.join(server.dir, "data"), 3)
            self.assertEqual(demo.returncode, 0, demo.stderr)
            admin = re.search(r"^\s+(\S+)\s+\(instance admin\)", demo.stdout, re.M).group(1)
            server.start()
            login = server.client().post("/api/v1/sessions", {"login": admin, "password": "kring-demo"})
            self.assertEqual(login.status, 201, login)
            me = server.client(token=login.json["token"]).get("/api/v1/me").json
            self.assertEqual(me["role"], "admin")
            self.assertGreaterEqual(len(me["skills"]), 2)
            members = server.client().get("/api/v1/members?limit=100").json["items"]
            self.assertEqual(len(members), 100)
            total_ties = sum(server.client().get(f"/api/v1/members/{m['handle']}").json["counts"]["connections"]
                             for m in members[:20])
            self.assertGreater(total_ties, 0)
            some_skill = members[0]["skills"][0]
            found = server.client().get(f"/api/v1/members?skill={some_skill.replace(' ', '+')}").json["items"]
            self.assertIn(members[0]["handle"], [m["handle"] for m in found])
        finally:
            server.cleanup()


class Maintenance(unittest.TestCase):
    def test_migrate_and_backup(self):
        with tempfile.TemporaryDirectory() as tmp:
            data = os.path.join(tmp, "data")
            migrate = subprocess.run([KRING, "migrate", "--data", data], capture_output=True, text=True)
            self.assertEqual(migrate.returncode, 0, migrate.stderr)
            self.assertIn("schema at version", migrate.stdout)
            subprocess.run([KRING, "demo", "--data", data, "--members", "50"], check=True, capture_output=True)
            backup_file = os.path.join(tmp, "copy.db")
            backup = subprocess.run([KRING, "backup", "--data", data, "--to", backup_file],
                                    capture_output=True, text=True)
            self.assertEqual(backup.returncode, 0, backup.stderr)
            restored = os.path.join(tmp, "restored")
            os.makedirs(restored)
            os.rename(backup_file, os.path.join(restored, "kring.db"))
            again = subprocess.run([KRING, "demo", "--data", restored, "--members", "50"],
                                   capture_output=True, text=True)
            self.assertIn("already has members", again.stdout)


if __name__ == "__main__":
    unittest.main()
