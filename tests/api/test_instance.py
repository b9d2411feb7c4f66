"""GET /api/v1/instance: the operator's settings the web app reads. The
map's tile source is `kring serve --map-tiles URL --map-attribution TEXT`,
none by default; pages may load images from the tiles' origin (the
Content-Security-Policy's img-src) only when it is set. A bad template stops
the server at start with a message that says what is wrong."""
import os
import subprocess
import tempfile
import unittest
import urllib.request

from kring_api import KRING, ApiTestCase, Server

TILES = "https://tiles.example.org/{z}/{x}/{y}.png"


def with_web_app(server):
    """Gives the server's --web directory an index.html so pages carry their CSP."""
    web = os.path.join(server.dir, "no-web")
    os.makedirs(web, exist_ok=True)
    with open(os.path.join(web, "index.html"), "wb") as f:
        f.write(b"<!doctype html><title>kring</title>")
    return server.start()


def page_csp(server):
    with urllib.request.urlopen(f"http://127.0.0.1:{server.port}/map", timeout=30) as r:
        return r.headers["Content-Security-Policy"]


def img_src(csp):
    for directive in csp.split(";"):
        words = directive.split()
        if words and words[0] == "img-src":
            return words[1:]
    raise AssertionError("no img-src in " + csp)


class NoTilesByDefault(ApiTestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = with_web_app(Server())
        cls._counter = 0

    def test_the_map_has_no_tile_source(self):
        reply = self.anonymous().get("/api/v1/instance")
        self.assertEqual(reply.status, 200, reply)
        self.assertEqual(reply.json, {"map": {"tiles": None, "attribution": ""}})

    def test_members_read_the_same(self):
        member = self.register()
        self.assertEqual(member.get("/api/v1/instance").json["map"]["tiles"], None)

    def test_pages_load_images_from_this_site_only(self):
        self.assertEqual(img_src(page_csp(self.server)), ["'self'", "data:"])


class TilesSetByTheOperator(ApiTestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = with_web_app(Server(["--map-tiles", TILES, "--map-attribution",
                                          "© Example contributors <b>"]))
        cls._counter = 0

    def test_the_template_and_attribution_are_published(self):
        reply = self.anonymous().get("/api/v1/instance")
        self.assertEqual(reply.status, 200, reply)
        self.assertEqual(reply.json["map"], {"tiles": TILES,
                                            "attribution": "© Example contributors <b>"})

    def test_pages_may_load_images_from_the_tile_origin(self):
        self.assertEqual(img_src(page_csp(self.server)),
                         ["'self'", "data:", "https://tiles.example.org"])


class SubdomainTiles(ApiTestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = with_web_app(Server(
            ["--map-tiles", "https://{s}.tiles.example.org/{z}/{x}/{y}.png"]))
        cls._counter = 0

    def test_the_csp_allows_the_subdomains(self):
        self.assertEqual(img_src(page_csp(self.server)),
                         ["'self'", "data:", "https://*.tiles.example.org"])


class BadTemplatesStopTheServer(unittest.TestCase):
    def start(self, *args):
        with tempfile.TemporaryDirectory() as data:
            return subprocess.run([KRING, "serve", "--data", data, "--listen", "127.0.0.1:0",
                                   *args], capture_output=True, text=True, timeout=30)

    def test_each_bad_value_is_refused_with_a_reason(self):
        cases = [
            (["--map-tiles", "http://tiles.example.org/{z}/{x}/{y}.png"], "https://"),
            (["--map-tiles", "ftp://tiles.example.org/{z}/{x}/{y}.png"], "https://"),
            (["--map-tiles", "tiles.example.org/{z}/{x}/{y}.png"], "https://"),
            (["--map-tiles", "https://tiles.example.org/{z}/{x}.png"], "{z}, {x} and {y}"),
            (["--map-tiles", "https://tiles.example.org/{x}/{y}.png"], "{z}, {x} and {y}"),
            (["--map-tiles", "https:///{z}/{x}/{y}.png"], "host"),
            (["--map-tiles", "https://user@tiles.example.org/{z}/{x}/{y}.png"], "host"),
            (["--map-tiles", "https://tiles.example.org/{z}/{x}/{y}.png; script-src *"],
             "without spaces"),
            (["--map-tiles", "https://a.example;x/{z}/{x}/{y}.png"], "';'"),
            (["--map-attribution", "tiles by nobody"], "needs --map-tiles"),
            (["--map-tiles", TILES, "--map-attribution", "x" * 501], "500"),
        ]
        for args, reason in cases:
            with self.subTest(args=args):
                run = self.start(*args)
                self.assertEqual(run.returncode, 2, run.stderr)
                self.assertIn("kring serve:", run.stderr)
                self.assertIn(reason, run.stderr)
                self.assertNotIn("serving on", run.stderr + run.stdout)

    def test_http_is_accepted_for_localhost(self):
        for template in ("http://localhost:8081/{z}/{x}/{y}.png",
                         "http://127.0.0.1/{z}/{x}/{y}.png"):
            with self.subTest(template=template):
                server = Server(["--map-tiles", template]).start()
                try:
                    reply = server.client().get("/api/v1/instance")
                    self.assertEqual(reply.json["map"]["tiles"], template)
                finally:
                    server.cleanup()


if __name__ == "__main__":
    unittest.main()
