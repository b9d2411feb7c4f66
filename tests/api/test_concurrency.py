"""Many members at once against one server: posting, replying, reacting,
following, logging in, streaming, reading feeds and network metrics, all in
parallel. Under ThreadSanitizer (make test-tsan, CTest label `concurrent`)
this is what exercises the server's shared state: the worker pool, the
notification hub with live streams, the network cache's background
recomputation and the login throttle. Without a sanitizer it still checks
that concurrent writes are neither lost nor doubled.
"""
import http.client
import json
import socket
import threading
import unittest

from kring_api import PASSWORD, ApiTestCase, wait_until

WORKERS = 6
ROUNDS = 8


def run_all(functions):
    """Runs each function in its own thread, starting them together; re-raises the first failure."""
    barrier = threading.Barrier(len(functions))
    failures = []

    def wrap(function):
        try:
            barrier.wait(timeout=30)
            function()
        except BaseException as e:  # reported in the test's thread below
            failures.append(e)

    threads = [threading.Thread(target=wrap, args=(f,)) for f in functions]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    if any(t.is_alive() for t in threads):
        raise AssertionError("a worker thread did not finish within 300 s")
    if failures:
        raise failures[0]


class EventCounter:
    """Counts `notification` events on one member's /api/v1/stream until closed."""

    def __init__(self, port, token):
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        self.conn.request("GET", "/api/v1/stream",
                          headers={"Authorization": "Bearer " + token, "Accept": "text/event-stream"})
        self.response = self.conn.getresponse()
        self.ids = set()
        self.lock = threading.Lock()
        self.thread = threading.Thread(target=self._read, daemon=True)
        self.thread.start()

    def _read(self):
        event = None
        try:
            for raw in self.response:
                line = raw.decode().rstrip("\r\n")
                if line.startswith("event:"):
                    event = line.partition(":")[2].strip()
                elif line.startswith("data:") and event == "notification":
                    with self.lock:
                        self.ids.add(json.loads(line.partition(":")[2])["id"])
                elif not line:
                    event = None
        except (OSError, ValueError, http.client.HTTPException):
            pass  # closed by close() or by the server's shutdown

    def ids_seen(self):
        with self.lock:
            return set(self.ids)

    def close(self):
        if self.conn.sock:
            self.conn.sock.shutdown(socket.SHUT_RDWR)  # ends the reader's blocking read
        self.conn.close()
        self.thread.join(timeout=10)


class ManyMembersAtOnce(ApiTestCase):
    def setUp(self):
        if hasattr(type(self), "members"):
            return
        cls = type(self)
        cls.members = [self.register(f"busy_{i}") for i in range(WORKERS)]
        cls.analyst = self.register("busy_analyst")
        admin = self.server.client(token=self.first_token())
        self.assertEqual(admin.put("/api/v1/members/busy_analyst/role", {"role": "analyst"}).status, 204)
        cls.space = self.members[0].post("/api/v1/spaces", {
            "name": "Busy room", "slug": "busy-room", "kind": "community", "visibility": "open",
            "description": "where everyone talks at once"}).json["slug"]
        for m in self.members[1:]:
            self.assertIn(m.post(f"/api/v1/spaces/{self.space}/members").status, (200, 201))

    def first_token(self):
        # The first registered member of the class is the admin (the harness's rule).
        return self.members[0].token

    def notification_ids(self, member):
        ids, cursor = set(), None
        while True:
            page = member.get("/api/v1/notifications?limit=100" + (f"&cursor={cursor}" if cursor else "")).json
            ids |= {n["id"] for n in page["items"]}
            cursor = page["next_cursor"]
            if not cursor:
                return ids

    def worker(self, index, posted):
        me = self.server.client(token=self.members[index].token)
        me.handle = self.members[index].handle
        neighbour = self.members[(index + 1) % WORKERS].handle
        for n in range(ROUNDS):
            r = me.post("/api/v1/items", {"kind": "note", "body": f"round {n} by {me.handle} "
                                          f"for @{neighbour} #busytag", "space": self.space})
            self.assertEqual(r.status, 201, r)
            posted.append(r.json["id"])
            target = posted[(index * 7 + n * 3) % len(posted)]
            r = me.post(f"/api/v1/items/{target}/replies", {"body": f"reply {n} from @{me.handle}"})
            self.assertEqual(r.status, 201, r)
            self.assertEqual(me.put(f"/api/v1/items/{target}/reactions/like").status, 200)
            follow = me.post(f"/api/v1/members/{neighbour}/follow")
            self.assertIn(follow.status, (200, 201, 204), follow)
            if n % 3 == 2:
                self.assertIn(me.delete(f"/api/v1/members/{neighbour}/follow").status, (200, 204))
            for path in ("/api/v1/feeds/home", "/api/v1/feeds/public", f"/api/v1/spaces/{self.space}/feed",
                         "/api/v1/tags/busytag/feed", "/api/v1/notifications", "/api/v1/search?q=round"):
                r = me.get(path)
                self.assertEqual(r.status, 200, (path, r))
            if n % 4:
                continue  # a login costs an argon2id hash: a few per worker keep the throttle busy
            login = self.anonymous().post("/api/v1/sessions", {"login": me.handle, "password": PASSWORD})
            self.assertIn(login.status, (201, 429), login)
            wrong = self.anonymous().post("/api/v1/sessions", {"login": neighbour, "password": "wrong"})
            self.assertIn(wrong.status, (401, 429), wrong)

    def analyst_reader(self):
        analyst = self.server.client(token=self.analyst.token)
        for _ in range(ROUNDS * 2):
            for path in ("/api/v1/network/metrics", f"/api/v1/network/metrics?scope=space:{self.space}",
                         "/api/v1/network/communities", "/api/v1/network/members/busy_0"):
                r = analyst.get(path)
                self.assertIn(r.status, (200, 202), (path, r))

    def test_concurrent_writes_are_all_kept_and_streamed(self):
        before = {m.handle: self.notification_ids(m) for m in self.members[:3]}
        streams = [EventCounter(self.server.port, m.token) for m in self.members[:3]]
        posted = []  # list.append is atomic in CPython; workers reply to each other's items
        posted.append(self.members[0].post("/api/v1/items", {"kind": "note", "body": "seed"}).json["id"])
        try:
            run_all([lambda i=i: self.worker(i, posted) for i in range(WORKERS)] +
                    [self.analyst_reader, self.analyst_reader])
            for m, stream in zip(self.members, streams):
                # Every notification stored for a streaming member while it streamed reached the stream.
                new = self.notification_ids(m) - before[m.handle]
                self.assertTrue(new)
                wait_until(lambda: new <= stream.ids_seen(), timeout=30,
                           what=f"{m.handle}'s stream to deliver its {len(new)} notifications")
        finally:
            for s in streams:
                s.close()
        self.assertEqual(len(posted), WORKERS * ROUNDS + 1)
        reader = self.members[1]
        replies = sum(reader.get(f"/api/v1/items/{i}").json["reply_count"] for i in posted)
        self.assertEqual(replies, WORKERS * ROUNDS)
        feed_ids, cursor = [], None
        while True:
            page = reader.get(f"/api/v1/spaces/{self.space}/feed?limit=50" +
                              (f"&cursor={cursor}" if cursor else "")).json
            feed_ids += [i["id"] for i in page["items"]]
            cursor = page["next_cursor"]
            if not cursor:
                break
        self.assertEqual(sorted(feed_ids), sorted(posted[1:]))
        # Network metrics settle on the final state once the background recomputation catches up.
        fresh = wait_until(lambda: (lambda r: r.json if r.status == 200 and not r.json.get("stale") else None)(
            self.analyst.get("/api/v1/network/metrics")), timeout=60, what="fresh network metrics")
        members = self.anonymous().get("/api/v1/members?limit=100").json["items"]
        self.assertEqual(fresh["graph"]["nodes"], len(members))

    def test_concurrent_reactions_on_one_item_count_each_member_once(self):
        r = self.members[0].post("/api/v1/items", {"kind": "note", "body": "vote for me"})
        self.assertEqual(r.status, 201, r)
        item = r.json["id"]
        path = f"/api/v1/items/{item}/reactions/like"

        def react(member):
            client = self.server.client(token=member.token)
            for _ in range(5):  # the same reaction again is a no-op, not a second one
                self.assertEqual(client.put(path).status, 200)

        run_all([lambda m=m: react(m) for m in self.members])
        self.assertEqual(self.members[1].get(f"/api/v1/items/{item}").json["reactions"], {"like": WORKERS})

    def test_racing_registrations_of_one_handle_make_one_member(self):
        results = []

        def sign_up():
            r = self.anonymous().post("/api/v1/accounts", {
                "handle": "race_handle", "email": "race@example.org", "password": PASSWORD})
            results.append(r.status)

        run_all([sign_up] * WORKERS)
        self.assertEqual(sorted(results), [201] + [409] * (WORKERS - 1))


if __name__ == "__main__":
    unittest.main()
