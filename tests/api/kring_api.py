"""Test harness for kring's HTTP API: starts the real `kring serve` on a free
loopback port with a fresh database, and speaks HTTP/1.1 to it.

Tests read like a conversation: `alice.post("/api/v1/...", {...})` returns
a Reply with .status, .json and .headers.
"""
import http.client
import json
import os
import re
import shutil
import signal
import subprocess
import tempfile
import time
import unittest

KRING = os.environ.get("KRING_BIN", os.path.join(os.path.dirname(__file__), "../../build/kring"))
PASSWORD = "correct horse battery"


def ok(reply, status=200):
    """The reply's JSON, once its status is the one expected."""
    assert reply.status == status, reply
    return reply.json


def wait_until(predicate, timeout=20.0, what="condition"):
    """Polls predicate until it is truthy or the deadline passes."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.02)
    raise AssertionError(f"timed out waiting for {what}")


# What a sanitizer prints when it finds something (ASan, LSan, UBSan, TSan).
SANITIZER_MARKERS = ("ERROR: AddressSanitizer", "ERROR: LeakSanitizer", "runtime error:",
                     "WARNING: ThreadSanitizer")


def sanitizer_reports(log):
    """The log's lines that open a sanitizer report, with the 30 lines after each."""
    lines = log.splitlines()
    return ["\n".join(lines[i:i + 30]) for i, line in enumerate(lines)
            if any(marker in line for marker in SANITIZER_MARKERS)]


class Reply:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers
        self.body = body
        try:
            self.json = json.loads(body) if body else None
        except ValueError:
            self.json = None

    def header(self, name):
        for key, value in self.headers:
            if key.lower() == name.lower():
                return value
        return None

    def error_code(self):
        return (self.json or {}).get("error", {}).get("code")

    def __repr__(self):
        return f"Reply({self.status}, {self.body[:300]!r})"


class Server:
    """One kring process with its own data directory. Rate limits are off
    (--no-rate-limits) unless rate_limits=True; the log-in throttle is on."""

    def __init__(self, extra_args=(), rate_limits=False):
        self.dir = tempfile.mkdtemp(prefix="kring-api-")
        self.log_path = os.path.join(self.dir, "server.log")
        self.extra_args = ([] if rate_limits else ["--no-rate-limits"]) + list(extra_args)
        self.process = None
        self.port = None

    def start(self):
        offset = os.path.getsize(self.log_path) if os.path.exists(self.log_path) else 0
        log = open(self.log_path, "ab")
        self.process = subprocess.Popen(
            [KRING, "serve", "--data", os.path.join(self.dir, "data"),
             "--listen", "127.0.0.1:0", "--web", os.path.join(self.dir, "no-web"),
             *self.extra_args],
            stdout=log, stderr=subprocess.STDOUT)
        log.close()

        def bound_port():
            if self.process.poll() is not None:
                raise AssertionError("kring serve exited early:\n" + self.log())
            match = re.search(r"serving on http://127\.0\.0\.1:(\d+)", self.log()[offset:])
            return int(match.group(1)) if match else None

        self.port = wait_until(bound_port, what="server to listen")
        return self

    def log(self):
        with open(self.log_path, "r", errors="replace") as f:
            return f.read()

    def stop(self, sig=signal.SIGTERM):
        if self.process and self.process.poll() is None:
            self.process.send_signal(sig)
            self.process.wait(timeout=20)
        return self.process.returncode

    def cleanup(self):
        """Stops the server and fails if it did not end cleanly.

        A sanitizer build (make test-asan, test-tsan) writes its reports to
        the server's stderr, i.e. the log, and the server goes on serving
        (TSan) or dies (ASan, UBSan with -fno-sanitize-recover) while the test
        that triggered it may still see a plausible reply: so the log and the
        exit status decide, once per class. SIGTERM, not SIGKILL, so that the
        server runs its shutdown and LeakSanitizer its exit check.
        """
        problems = []
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                code = self.process.wait(timeout=30)
                if code != 0:
                    problems.append(f"kring serve exited with status {code} on SIGTERM")
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
                problems.append("kring serve did not stop within 30 s of SIGTERM")
        reports = sanitizer_reports(self.log()) if os.path.exists(self.log_path) else []
        if problems or reports:
            kept = os.path.join(tempfile.gettempdir(), os.path.basename(self.dir) + "-server.log")
            shutil.copy(self.log_path, kept)
            problems.append(f"server log kept in {kept}")
            shutil.rmtree(self.dir, ignore_errors=True)
            raise AssertionError("\n".join(problems + reports))
        shutil.rmtree(self.dir, ignore_errors=True)

    def client(self, **kwargs):
        return Client(self.port, **kwargs)


class Client:
    """A caller: anonymous, bearer-token or browser-like (cookie + CSRF).
    source: the loopback address to connect from ("127.0.0.7"), to act as
    another client address; the server sees it as the peer."""

    def __init__(self, port, token=None, cookie=None, csrf=None, source=None):
        self.port = port
        self.token = token
        self.cookie = cookie
        self.csrf = csrf
        self.source = source
        self.handle = None
        self.conn = None

    def request(self, method, path, body=None, headers=None, raw=None):
        hdrs = {"Accept": "application/json"}
        if self.token:
            hdrs["Authorization"] = "Bearer " + self.token
        if self.cookie:
            hdrs["Cookie"] = "kring_session=" + self.cookie
            if self.csrf:
                hdrs["X-CSRF-Token"] = self.csrf
        payload = raw
        if body is not None:
            payload = json.dumps(body).encode()
            hdrs["Content-Type"] = "application/json"
        hdrs.update(headers or {})
        for attempt in range(2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection(
                    "127.0.0.1", self.port, timeout=30,
                    source_address=(self.source, 0) if self.source else None)
            try:
                self.conn.request(method, path, body=payload, headers=hdrs)
                resp = self.conn.getresponse()
                data = resp.read().decode("utf-8", errors="replace")
                reply = Reply(resp.status, resp.getheaders(), data)
                if resp.will_close:
                    self.conn.close()
                    self.conn = None
                return reply
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                # The server closed a kept-alive connection; one retry on a fresh one.
                self.conn.close()
                self.conn = None
                if attempt == 1:
                    raise

    def get(self, path, **kw):
        return self.request("GET", path, **kw)

    def post(self, path, body=None, **kw):
        return self.request("POST", path, body, **kw)

    def put(self, path, body=None, **kw):
        return self.request("PUT", path, body, **kw)

    def patch(self, path, body=None, **kw):
        return self.request("PATCH", path, body, **kw)

    def delete(self, path, body=None, **kw):
        return self.request("DELETE", path, body, **kw)


class SseReader:
    """Reads Server-Sent Events from /api/v1/stream (source: a loopback
    address to connect from). .response.status is the stream's status."""

    def __init__(self, port, token, last_event_id=None, source=None):
        self.conn = http.client.HTTPConnection(
            "127.0.0.1", port, timeout=10, source_address=(source, 0) if source else None)
        headers = {"Authorization": "Bearer " + token, "Accept": "text/event-stream"}
        if last_event_id:
            headers["Last-Event-ID"] = last_event_id
        self.conn.request("GET", "/api/v1/stream", headers=headers)
        self.response = self.conn.getresponse()

    def next_block(self):
        """The next event or comment block as a dict of field -> value; None
        at the end of the stream."""
        block = {}
        while True:
            line = self.response.fp.readline().decode()
            if line in ("\n", "\r\n", ""):
                if block:
                    return block
                if line == "":
                    return None
                continue
            key, _, value = line.rstrip("\n").partition(":")
            block[key or "comment"] = value.strip()

    def next_event(self, name):
        while True:
            block = self.next_block()
            if block is None:
                raise AssertionError(f"stream ended before a {name!r} event")
            if block.get("event") == name:
                return block

    def rest(self):
        """Every block until the server ends the stream (a read timeout
        means it did not end)."""
        blocks = []
        while (block := self.next_block()) is not None:
            blocks.append(block)
        return blocks

    def close(self):
        # A response without a length owns the socket (http.client hands it
        # over), so closing the connection alone leaves the stream open.
        self.response.close()
        self.conn.close()


class ApiTestCase(unittest.TestCase):
    """One server per test class; helpers to make members. A class that
    tests rate limits sets rate_limits = True (and small ones in server_args)."""

    server_args = ()
    rate_limits = False

    @classmethod
    def setUpClass(cls):
        cls.server = Server(cls.server_args, rate_limits=cls.rate_limits).start()
        cls._counter = 0

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    def anonymous(self, source=None):
        return self.server.client(source=source)

    def register(self, handle=None, source=None, **profile):
        """Registers a member and returns a bearer-token client for them
        (connecting from source, a loopback address, when given)."""
        cls = type(self)
        cls._counter += 1
        handle = handle or f"m{cls._counter}_{self._testMethodName[:12].lower()}"
        handle = re.sub(r"[^a-z0-9_]", "_", handle)[:30]
        reply = self.anonymous(source).post("/api/v1/accounts", {
            "handle": handle, "email": f"{handle}@example.org", "password": PASSWORD})
        self.assertEqual(reply.status, 201, reply)
        client = self.server.client(token=reply.json["token"], source=source)
        client.handle = handle
        client.csrf = reply.json["csrf_token"]
        if profile:
            r = client.patch("/api/v1/me", profile)
            self.assertEqual(r.status, 200, r)
        return client

    def setUp(self):
        cls = type(self)
        if not cls.__dict__.get("_shared_built"):
            cls._shared_built = True
            self.build_shared()

    def build_shared(self):
        """What every test of the class shares (members, spaces), built once
        before its first test, where register() and the asserts work."""

    def register_cast(self, prefix, names):
        """{name: client} for prefix_admin, registered first and so the
        instance admin, and prefix_<name> for each name."""
        cast = {"admin": self.register(prefix + "_admin")}
        for name in names:
            cast[name] = self.register(f"{prefix}_{name}")
        return cast

    def new_space(self, owner, slug, visibility, members=(), kind="neighbourhood", name=None):
        """A space of owner's that members join: invited first to a secret
        one, approved into a closed one. Returns its slug."""
        slug = ok(owner.post("/api/v1/spaces", {
            "name": name or slug, "slug": slug, "kind": kind, "visibility": visibility}), 201)["slug"]
        for member in members:
            if visibility == "secret":
                ok(owner.post(f"/api/v1/spaces/{slug}/invites", {"handle": member.handle}))
            ok(member.post(f"/api/v1/spaces/{slug}/members"))
            if visibility == "closed":
                ok(owner.post(f"/api/v1/spaces/{slug}/requests/{member.handle}", {"decision": "approve"}))
        return slug

    def connect(self, a, b):
        self.assertEqual(a.post(f"/api/v1/members/{b.handle}/connection").json["result"], "requested")
        self.assertEqual(b.post(f"/api/v1/members/{a.handle}/connection").json["result"], "accepted")

    def assertError(self, reply, status, code=None):
        self.assertEqual(reply.status, status, reply)
        self.assertIsNotNone(reply.json, reply)
        self.assertIn("error", reply.json)
        self.assertTrue(reply.json["error"]["message"], reply)
        if code:
            self.assertEqual(reply.json["error"]["code"], code, reply)
