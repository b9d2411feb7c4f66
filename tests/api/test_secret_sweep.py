"""The secret sweep: nothing of a secret space reaches anyone outside it, on any route.

Members of a secret space leave distinctive words in every place content can
hide: the space's name, slug and description, an item's title and body, a
reply, a tag (#plughtag) and mentions of a member outside the space. Then
every GET route the server has (from `kring routes`, so a new route is swept
without editing this file) is called with every path parameter filled with
real values and with query variants that ask for the secret directly, by
each kind of outsider: an anonymous visitor, a signed-in member, an analyst
(who may read network metrics but is not in the space) and the member the
secret item mentions. No body may contain a distinctive word. The
notification list and stream of the outsiders must stay empty of it too.

A route with a {param} this file cannot fill fails the test: add its values
to `path_values` so the new route is covered.
"""
import http.client
import os
import re
import socket
import subprocess
import time
import unittest
from itertools import product
from urllib.parse import quote

from kring_api import KRING, ApiTestCase

# Every distinctive word contains this stem; a body containing it (in any case) leaks.
STEM = "plugh"
WORDS = {
    "name": "Plughname", "slug": "plughslug", "description": "plughdesc", "title": "plughtitle",
    "body": "plughbody", "reply": "plughreply", "tag": "plughtag", "open_reply": "plughopenreply",
}
LEAK = re.compile(STEM, re.IGNORECASE)


def server_routes():
    """(method, pattern) of every route, as the server's own router lists them."""
    out = subprocess.run([KRING, "routes"], capture_output=True, text=True, timeout=60, check=True)
    routes = [tuple(line.split(" ", 1)) for line in out.stdout.splitlines() if line.strip()]
    assert routes, "kring routes printed nothing"
    return routes


class SecretSweep(ApiTestCase):
    maxDiff = 2000
    server_args = ("--heartbeat", "1")

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.built = False

    def setUp(self):
        # The world is built once, by the first test; a failure there fails every test.
        if type(self).built is True:
            return
        if type(self).built:
            self.fail("building the secret space failed: " + type(self).built)
        try:
            self.build_world()
        except AssertionError as e:
            type(self).built = str(e)
            raise
        type(self).built = True

    def build_world(self):
        c = type(self)
        c.admin = self.register("sw_admin")  # first member: instance admin, no part in the space
        c.owner = self.register("sw_owner")
        c.insider = self.register("sw_insider")
        c.outsider = self.register("sw_outsider")
        c.analyst = self.register("sw_analyst")
        c.mentioned = self.register("sw_mentioned")
        self.assertEqual(c.admin.put("/api/v1/members/sw_analyst/role", {"role": "analyst"}).status, 204)

        # An open space with ordinary content, so that routes have other real values too.
        self.assertEqual(c.owner.post("/api/v1/spaces", {
            "name": "Open square", "slug": "open-square", "kind": "community", "visibility": "open",
            "description": "everyone welcome"}).status, 201)
        for member in (c.outsider, c.insider):
            self.assertIn(member.post("/api/v1/spaces/open-square/members").status, (200, 201))
        c.open_item = self.created(c.owner.post("/api/v1/items", {
            "kind": "note", "space": "open-square", "visibility": "public", "body": "hello square #opentag @sw_outsider"}))
        c.open_reply = self.created(c.outsider.post(f"/api/v1/items/{c.open_item}/replies",
                                                    {"body": "hi from outside"}))
        c.outsider.post(f"/api/v1/members/sw_owner/follow")
        c.owner.post(f"/api/v1/members/sw_outsider/follow")
        self.connect(c.owner, c.mentioned)

        # The secret space and its activity.
        secret = c.owner.post("/api/v1/spaces", {
            "name": f"{WORDS['name']} circle", "slug": WORDS["slug"], "kind": "team", "visibility": "secret",
            "description": f"{WORDS['description']} where we plan"})
        self.assertEqual(secret.status, 201)
        # The requested slug plus an unguessable ending; it still holds the stem.
        c.secret_slug = slug = secret.json["slug"]
        self.assertIn(c.owner.post(f"/api/v1/spaces/{slug}/invites", {"handle": "sw_insider"}).status, (200, 201))
        self.assertEqual(c.insider.post(f"/api/v1/spaces/{slug}/members").json["result"], "joined")
        c.secret_item = self.created(c.owner.post("/api/v1/items", {
            "kind": "article", "space": slug, "visibility": "space", "title": WORDS["title"],
            "body": f"{WORDS['body']} #{WORDS['tag']} for @sw_insider and @sw_mentioned"}))
        c.secret_reply = self.created(c.insider.post(f"/api/v1/items/{c.secret_item}/replies", {
            "body": f"{WORDS['reply']} #{WORDS['tag']} @sw_mentioned @sw_owner"}))
        self.assertEqual(c.insider.put(f"/api/v1/items/{c.secret_item}/reactions/like").status, 200)
        self.assertEqual(c.owner.patch(f"/api/v1/items/{c.secret_item}",
                                       {"body": f"{WORDS['body']} edited #{WORDS['tag']} @sw_mentioned"}).status, 200)
        # A secret reply-to-reply and a reaction on a reply.
        c.secret_replies = [c.secret_reply, self.created(c.owner.post(
            f"/api/v1/items/{c.secret_item}/replies", {"body": f"{WORDS['reply']} again", "parent": c.secret_reply}))]
        self.assertEqual(c.owner.put(f"/api/v1/replies/{c.secret_reply}/reactions/like").status, 200)
        # The insider also speaks in the open: only this is public.
        self.created(c.insider.post(f"/api/v1/items/{c.open_item}/replies", {"body": "open words only"}))

    def created(self, reply):
        self.assertEqual(reply.status, 201, reply)
        return reply.json["id"]

    # -- what the sweep fills in ------------------------------------------------------------

    def path_values(self):
        handles = ["sw_admin", "sw_owner", "sw_insider", "sw_outsider", "sw_analyst", "sw_mentioned"]
        ids = [self.secret_item, self.open_item, self.secret_reply, self.open_reply]
        return {
            "h": handles,
            "s": [self.secret_slug, "open-square"],
            "id": ids,
            "t": [WORDS["tag"], "opentag"],
            "kind": ["like"],
        }

    def queries(self):
        return [
            "",
            f"?q={WORDS['name']}", f"?q={WORDS['body']}", f"?q={WORDS['title']}", f"?q={WORDS['reply']}",
            f"?q={WORDS['description']}", f"?q={WORDS['slug']}", f"?q=%23{WORDS['tag']}", f"?q={STEM}",
            f"?q={WORDS['body']}&type=items", f"?q={WORDS['name']}&type=spaces", f"?q={WORDS['tag']}&type=members",
            f"?scope=space:{self.secret_slug}", f"?scope=tag:{WORDS['tag']}", "?scope=instance",
            f"?tag={WORDS['tag']}", f"?space={self.secret_slug}", f"?skill={STEM}&interest={STEM}",
            "?limit=100", "?max_nodes=1000",
        ]

    def fill(self, pattern):
        """Every concrete path for a route pattern; fails on a {param} without values."""
        names = re.findall(r"\{([a-z_]+)\}", pattern)
        values = self.path_values()
        unknown = [n for n in names if n not in values]
        if unknown:
            self.fail(f"route {pattern}: no values for {unknown}; add them to path_values "
                      "so that the sweep covers the new route")
        paths = []
        for combo in product(*(values[n] for n in names)):
            path = pattern
            for name, value in zip(names, combo):
                path = path.replace("{" + name + "}", quote(str(value), safe=""), 1)
            paths.append(path)
        return paths

    def get_settled(self, client, path):
        """GET; a 202 or a stale answer (the network engine computing) is polled until settled."""
        deadline = time.monotonic() + 60
        while True:
            reply = client.get(path)
            stale = reply.status == 200 and isinstance(reply.json, dict) and reply.json.get("stale")
            if reply.status != 202 and not stale:
                return reply
            if time.monotonic() > deadline:
                self.fail(f"{path}: still {reply.status} (stale={stale}) after 60 s")
            time.sleep(0.1)

    def stream_start(self, client):
        """The opening of /api/v1/stream with everything replayed (Last-Event-ID 0), up to the unread event."""
        if not client.token:
            return client.get("/api/v1/stream").body
        conn = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=10)
        try:
            conn.request("GET", "/api/v1/stream", headers={
                "Authorization": "Bearer " + client.token, "Accept": "text/event-stream", "Last-Event-ID": "0"})
            response = conn.getresponse()
            text = ""
            try:
                while "event: unread" not in text and "event:unread" not in text:
                    line = response.fp.readline().decode("utf-8", "replace")
                    if not line:
                        break
                    text += line
                # What follows the unread count without new activity: heartbeats only.
                deadline = time.monotonic() + 1.5
                while time.monotonic() < deadline:
                    line = response.fp.readline().decode("utf-8", "replace")
                    if not line:
                        break
                    text += line
                    if line.startswith(":"):
                        break
            except socket.timeout:
                pass
            return f"{response.status}\n{text}"
        finally:
            conn.close()

    def twins(self):
        """Each secret value a request may carry, with a value of the same shape that names nothing."""
        return [(self.secret_slug, "qwxzslug-abcdefghij"), (WORDS["tag"], "qwxztag"),
                (str(self.secret_item), "987654321"), (str(self.secret_reply), "987654322")]

    def own_words(self, url, body):
        """The body without the words the request itself carried: an echo is not a leak."""
        for word in re.findall(STEM + r"[a-z]*", url, re.IGNORECASE):
            body = re.sub(re.escape(word), "", body, flags=re.IGNORECASE)
        return body

    def check(self, actor_name, client, url, leaks):
        reply = self.get_settled(client, url)
        self.assertLess(reply.status, 500, f"{actor_name} GET {url}: {reply}")
        if LEAK.search(self.own_words(url, reply.body)):
            leaks.append(f"{actor_name} GET {url} -> {reply.status}: {reply.body[:300]!r}")
        # Asking for the secret must look exactly like asking for something that does not exist:
        # same status, same error code (no existence oracle).
        twin_url = url
        for value, twin in self.twins():
            twin_url = re.sub(rf"(?<![0-9A-Za-z]){re.escape(value)}(?![0-9A-Za-z])", twin, twin_url)
        if twin_url != url:
            twin = self.get_settled(client, twin_url)
            if (reply.status, reply.error_code()) != (twin.status, twin.error_code()):
                leaks.append(f"{actor_name} GET {url} -> {reply.status} {reply.error_code()}, but "
                             f"{twin_url} -> {twin.status} {twin.error_code()}")

    def sweep(self, actor_name, client):
        leaks, swept = [], 0
        for method, pattern in server_routes():
            if method != "GET":
                continue
            for path in self.fill(pattern):
                if path == "/api/v1/stream":
                    body = self.stream_start(client)
                    swept += 1
                    if LEAK.search(body):
                        leaks.append(f"{actor_name} GET {path}: {body[:300]!r}")
                    continue
                for query in self.queries():
                    self.check(actor_name, client, path + query, leaks)
                    swept += 1
        return leaks, swept

    # -- the tests --------------------------------------------------------------------------

    def test_the_words_are_there_for_the_space_members(self):
        # The control: the sweep looks for words the server does hold and show to members.
        insider = self.insider
        self.assertIn(WORDS["description"], self.get_settled(insider, f"/api/v1/spaces/{self.secret_slug}").body)
        item = self.get_settled(insider, f"/api/v1/items/{self.secret_item}").body
        self.assertIn(WORDS["title"], item)
        self.assertIn(WORDS["body"], item)
        self.assertIn(WORDS["reply"], self.get_settled(insider, f"/api/v1/items/{self.secret_item}/replies").body)
        self.assertIn(WORDS["body"], self.get_settled(insider, f"/api/v1/tags/{WORDS['tag']}/feed").body)
        self.assertIn(WORDS["slug"], self.get_settled(insider, f"/api/v1/search?q={WORDS['name']}&type=spaces").body)
        told = self.get_settled(self.owner, "/api/v1/notifications").json["items"]
        self.assertIn(str(self.secret_item), [n["item_id"] for n in told])

    def test_every_route_hides_the_secret_from_an_anonymous_visitor(self):
        leaks, swept = self.sweep("anonymous", self.anonymous())
        self.assertGreater(swept, 500)
        self.assertEqual(leaks, [], "\n".join(leaks[:20]))

    def test_every_route_hides_the_secret_from_a_signed_in_outsider(self):
        leaks, _ = self.sweep("outsider", self.outsider)
        self.assertEqual(leaks, [], "\n".join(leaks[:20]))

    def test_every_route_hides_the_secret_from_an_analyst_outside_the_space(self):
        leaks, _ = self.sweep("analyst", self.analyst)
        self.assertEqual(leaks, [], "\n".join(leaks[:20]))

    def test_every_route_hides_the_secret_from_a_mentioned_non_member(self):
        leaks, _ = self.sweep("mentioned", self.mentioned)
        self.assertEqual(leaks, [], "\n".join(leaks[:20]))

    def test_outsiders_are_told_nothing_of_the_secret_activity(self):
        # sw_mentioned was mentioned three times inside the space; sw_outsider not at all.
        # Their only notifications are from the open square and the connection.
        for client in (self.mentioned, self.outsider):
            with self.subTest(member=client.handle):
                listed = self.get_settled(client, "/api/v1/notifications?limit=100").json["items"]
                about_secret = [n for n in listed if LEAK.search(str(n)) or
                                n.get("item_id") == str(self.secret_item) or
                                n.get("reply_id") in self.secret_replies]
                self.assertEqual(about_secret, [])
                self.assertFalse([n for n in listed if n.get("kind") == "mention"
                                  and client is self.mentioned], listed)
                self.assertNotRegex(self.stream_start(client), LEAK)

    def test_a_route_without_values_for_its_parameter_fails_the_sweep(self):
        with self.assertRaises(AssertionError):
            self.fill("/api/v1/widgets/{widget}")


if __name__ == "__main__":
    unittest.main()
