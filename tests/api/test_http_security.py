"""The HTTP edge: the static file handler serves only the built web app, JSON
bodies must say so (login CSRF), writes from other sites' pages are refused,
and remote images in posts are an operator's choice (off by default).

Raw request targets go out byte for byte over a socket, like
`curl --path-as-is`: http.client would refuse the control bytes."""
import os
import re
import socket
import subprocess
import tempfile
import unittest

from kring_api import ApiTestCase, KRING, PASSWORD, Server

INDEX = b"<!doctype html><title>kring</title><p>index-marker-7f3a</p>"
ASSET = b"console.log('asset-marker-91c2');"
SECRET = b"outside-the-web-root-5e1d"


def raw_get(port, target):
    """Sends `GET target` exactly as given; returns (status, headers, body)."""
    with socket.create_connection(("127.0.0.1", port), timeout=30) as s:
        s.sendall(b"GET " + target + b" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        data = b""
        while chunk := s.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    status = int(lines[0].split(b" ")[1]) if lines and len(lines[0].split(b" ")) > 1 else 0
    headers = {}
    for line in lines[1:]:
        key, _, value = line.partition(b":")
        headers[key.strip().lower().decode()] = value.strip().decode()
    return status, headers, body


class WebServer:
    """A server whose --web directory holds a small built app, next to a file
    outside the root, a symlink pointing at it, and the data directory."""

    @staticmethod
    def start(extra_args=()):
        server = Server(extra_args)
        web = os.path.join(server.dir, "no-web")  # the harness's --web directory
        os.makedirs(os.path.join(web, "assets"))
        with open(os.path.join(web, "index.html"), "wb") as f:
            f.write(INDEX)
        with open(os.path.join(web, "assets", "app-1a2b.js"), "wb") as f:
            f.write(ASSET)
        with open(os.path.join(server.dir, "outside.txt"), "wb") as f:
            f.write(SECRET)
        os.symlink(os.path.join(server.dir, "outside.txt"), os.path.join(web, "leak.txt"))
        os.symlink(os.path.join(server.dir, "data"), os.path.join(web, "data"))
        return server.start()


class StaticFilesStayInsideTheWebRoot(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = WebServer.start()
        cls.data_dir = os.path.join(cls.server.dir, "data")
        cls.secrets = [SECRET, b"SQLite format 3"]
        for path in ("/etc/passwd", "/proc/self/environ"):
            try:
                with open(path, "rb") as f:
                    first = f.read(64)
                if first:
                    cls.secrets.append(first)
            except OSError:
                pass
        # The server's own command line, as /proc/self/cmdline would show it.
        cls.secrets.append(b"serve\0--data")

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    def assertServesNothingOutside(self, target):
        status, _, body = raw_get(self.server.port, target)
        for secret in self.secrets:
            self.assertNotIn(secret, body, f"{target!r} leaked {secret!r}")
        # Either refused, or the app's own page (the SPA fallback): nothing else.
        self.assertTrue(status in (400, 404) or (status == 200 and body == INDEX),
                        f"{target!r}: {status} {body[:200]!r}")
        return status

    def test_double_slash_absolute_paths_are_not_served(self):
        data = self.data_dir.encode()
        for target in [b"//etc/passwd", b"//proc/self/cmdline", b"//proc/self/environ",
                       b"/" + data + b"/kring.db", b"//" + data.lstrip(b"/") + b"/kring.db",
                       b"/" + os.path.join(self.server.dir, "outside.txt").encode()]:
            self.assertEqual(self.assertServesNothingOutside(target), 404, target)

    def test_encoded_slash_absolute_paths_are_not_served(self):
        data = self.data_dir.encode().lstrip(b"/")
        for target in [b"/%2Fetc/passwd", b"/%2fetc%2fpasswd", b"/%2Fproc/self/cmdline",
                       b"/%2F" + data + b"/kring.db", b"/%2F" + data + b"%2Fkring.db"]:
            self.assertEqual(self.assertServesNothingOutside(target), 404, target)

    def test_dot_segments_are_not_served_encoded_or_not(self):
        for target in [b"/../outside.txt", b"/%2e%2e/outside.txt", b"/%2E%2E/%2e%2e/etc/passwd",
                       b"/%2e%2e/", b"/assets/..%2F..%2Foutside.txt",
                       b"/assets/..%2F..%2F..%2F..%2F..%2F..%2Fetc%2Fpasswd",
                       b"/assets/%2e%2e/%2e%2e/outside.txt", b"/./index.html",
                       b"/%252e%252e/outside.txt"]:
            self.assertServesNothingOutside(target)

    def test_backslash_variants_are_not_served(self):
        for target in [b"/..\\outside.txt", b"/assets\\..\\..\\outside.txt",
                       b"/..%5Coutside.txt", b"/%5C%5Cetc%5Cpasswd", b"/assets/..%5C..%5Coutside.txt"]:
            self.assertServesNothingOutside(target)

    def test_nul_and_control_byte_variants_are_not_served(self):
        for target in [b"/index.html%00.js", b"/%00/etc/passwd", b"/outside.txt%00",
                       b"/assets/app-1a2b.js%0A", b"/%2F%09etc/passwd", b"/\x00/etc/passwd",
                       b"//etc/passwd\x00"]:
            status, _, body = raw_get(self.server.port, target)
            for secret in self.secrets:
                self.assertNotIn(secret, body, target)
            self.assertIn(status, (400, 404), target)

    def test_symlinks_out_of_the_root_are_not_served(self):
        self.assertEqual(self.assertServesNothingOutside(b"/leak.txt"), 404)
        self.assertEqual(self.assertServesNothingOutside(b"/data/kring.db"), 404)

    def test_the_app_is_still_served_with_its_caching_headers(self):
        status, headers, body = raw_get(self.server.port, b"/")
        self.assertEqual((status, body), (200, INDEX))
        self.assertEqual(headers["cache-control"], "no-cache")
        self.assertIn("script-src 'self'", headers["content-security-policy"])
        status, headers, body = raw_get(self.server.port, b"/assets/app-1a2b.js")
        self.assertEqual((status, body), (200, ASSET))
        self.assertEqual(headers["cache-control"], "public, max-age=31536000, immutable")
        self.assertTrue(headers["content-type"].startswith("text/javascript"))

    def test_deep_links_fall_back_to_the_index_and_missing_files_are_404(self):
        status, _, body = raw_get(self.server.port, b"/members/anna")
        self.assertEqual((status, body), (200, INDEX))
        self.assertEqual(raw_get(self.server.port, b"/assets/missing-9z.js")[0], 404)
        self.assertEqual(raw_get(self.server.port, b"/favicon.ico")[0], 404)


class WebRootHoldingTheDataIsRefused(unittest.TestCase):
    def test_serve_refuses_a_web_root_that_contains_the_data_directory(self):
        with tempfile.TemporaryDirectory() as tmp:
            data = os.path.join(tmp, "data")
            result = subprocess.run([KRING, "serve", "--data", data, "--web", tmp,
                                     "--listen", "127.0.0.1:0"],
                                    capture_output=True, text=True, timeout=60)
            self.assertEqual(result.returncode, 2, result.stderr)
            self.assertIn("must not contain the data directory", result.stderr)
            self.assertFalse(os.path.exists(data))  # refused before creating anything

    def test_serve_refuses_a_web_root_inside_the_data_directory(self):
        with tempfile.TemporaryDirectory() as tmp:
            os.makedirs(os.path.join(tmp, "data", "web"))
            result = subprocess.run([KRING, "serve", "--data", os.path.join(tmp, "data"),
                                     "--web", os.path.join(tmp, "data", "web"),
                                     "--listen", "127.0.0.1:0"],
                                    capture_output=True, text=True, timeout=60)
            self.assertEqual(result.returncode, 2, result.stderr)


class JsonBodiesMustSayTheyAreJson(ApiTestCase):
    """Login CSRF: a cross-site <form enctype="text/plain"> can post a body
    that parses as JSON, but never with Content-Type: application/json."""

    def setUp(self):
        self.member = self.register()
        self.login = ('{"login": "%s", "password": "%s"}' % (self.member.handle, PASSWORD)).encode()

    def test_login_with_a_text_plain_body_is_415_and_sets_no_cookie(self):
        reply = self.anonymous().post("/api/v1/sessions", raw=self.login,
                                      headers={"Content-Type": "text/plain"})
        self.assertError(reply, 415, "unsupported_media_type")
        self.assertIsNone(reply.header("Set-Cookie"))

    def test_form_encodings_and_a_missing_type_are_415(self):
        for content_type in ["application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                             "text/plain; charset=utf-8", None]:
            headers = {"Content-Type": content_type} if content_type else {}
            reply = self.anonymous().post("/api/v1/sessions", raw=self.login, headers=headers)
            self.assertError(reply, 415, "unsupported_media_type")

    def test_sign_up_with_a_text_plain_body_is_415_and_creates_nobody(self):
        body = b'{"handle": "formmade", "email": "formmade@example.org", "password": "%s"}' % PASSWORD.encode()
        reply = self.anonymous().post("/api/v1/accounts", raw=body, headers={"Content-Type": "text/plain"})
        self.assertError(reply, 415, "unsupported_media_type")
        self.assertEqual(self.anonymous().get("/api/v1/members/formmade").status, 404)

    def test_every_write_checks_the_type_not_just_login(self):
        reply = self.member.patch("/api/v1/me", raw=b'{"bio": "from a form"}',
                                  headers={"Content-Type": "text/plain"})
        self.assertError(reply, 415, "unsupported_media_type")
        self.assertNotEqual(self.member.get("/api/v1/me").json.get("bio"), "from a form")

    def test_json_with_a_utf8_charset_is_accepted(self):
        reply = self.anonymous().post("/api/v1/sessions", raw=self.login,
                                      headers={"Content-Type": "application/json; charset=UTF-8"})
        self.assertEqual(reply.status, 201, reply)

    def test_writes_without_a_body_need_no_type(self):
        other = self.register()
        reply = self.member.post(f"/api/v1/members/{other.handle}/follow")
        self.assertIn(reply.status, (200, 201), reply)


class WritesFromOtherSitesAreRefused(ApiTestCase):
    def own_origin(self):
        return f"http://127.0.0.1:{self.server.port}"

    def test_login_from_another_site_is_403_and_sets_no_cookie(self):
        member = self.register()
        for origin in ["https://evil.example", "null", f"http://127.0.0.1:{self.server.port + 1}"]:
            reply = self.anonymous().post("/api/v1/sessions",
                                          {"login": member.handle, "password": PASSWORD},
                                          headers={"Origin": origin})
            self.assertError(reply, 403, "cross_origin")
            self.assertIsNone(reply.header("Set-Cookie"))

    def test_sign_up_from_another_site_is_403_and_creates_nobody(self):
        reply = self.anonymous().post("/api/v1/accounts", {
            "handle": "crosssite", "email": "crosssite@example.org", "password": PASSWORD},
            headers={"Origin": "https://evil.example"})
        self.assertError(reply, 403, "cross_origin")
        self.assertEqual(self.anonymous().get("/api/v1/members/crosssite").status, 404)

    def test_login_from_our_own_pages_works(self):
        member = self.register()
        reply = self.anonymous().post("/api/v1/sessions", {"login": member.handle, "password": PASSWORD},
                                      headers={"Origin": self.own_origin()})
        self.assertEqual(reply.status, 201, reply)
        self.assertIn("kring_session=", reply.header("Set-Cookie"))

    def test_reads_from_another_site_are_not_refused(self):
        reply = self.anonymous().get("/api/v1/members", headers={"Origin": "https://evil.example"})
        self.assertEqual(reply.status, 200, reply)


class PublicOriginBehindAProxy(ApiTestCase):
    server_args = ("--public-origin", "https://kring.example")

    def test_the_configured_origin_is_ours_though_host_differs(self):
        member = self.register()
        reply = self.anonymous().post("/api/v1/sessions", {"login": member.handle, "password": PASSWORD},
                                      headers={"Origin": "https://kring.example"})
        self.assertEqual(reply.status, 201, reply)
        reply = self.anonymous().post("/api/v1/sessions", {"login": member.handle, "password": PASSWORD},
                                      headers={"Origin": "https://evil.example"})
        self.assertError(reply, 403, "cross_origin")


REMOTE_IMAGE = "Look: ![x](https://evil.example/t.png)"
IMG_REMOTE = re.compile(r"<img[^>]+src=\"https?://", re.I)


def page_csp(server):
    return raw_get(server.port, b"/")[1]["content-security-policy"]


class RemoteImagesAreOffByDefault(ApiTestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = WebServer.start()
        cls._counter = 0

    def test_a_remote_image_in_a_post_is_a_link(self):
        author = self.register()
        item = author.post("/api/v1/items", {"kind": "note", "visibility": "public", "body": REMOTE_IMAGE})
        self.assertEqual(item.status, 201, item)
        self.assertIsNone(IMG_REMOTE.search(item.json["html"]), item.json["html"])
        self.assertIn('<a href="https://evil.example/t.png">x</a>', item.json["html"])
        reply = author.post(f"/api/v1/items/{item.json['id']}/replies", {"body": REMOTE_IMAGE})
        self.assertEqual(reply.status, 201, reply)
        self.assertIsNone(IMG_REMOTE.search(reply.json["html"]), reply.json["html"])

    def test_an_edit_cannot_bring_a_remote_image_back(self):
        author = self.register()
        item = author.post("/api/v1/items", {"kind": "note", "visibility": "public", "body": "plain"})
        edited = author.patch(f"/api/v1/items/{item.json['id']}", {"body": REMOTE_IMAGE})
        self.assertEqual(edited.status, 200, edited)
        self.assertIsNone(IMG_REMOTE.search(edited.json["html"]), edited.json["html"])

    def test_pages_allow_images_from_this_site_only(self):
        self.assertIn("img-src 'self' data:;", page_csp(self.server))
        self.assertNotIn("https:", page_csp(self.server))


class RemoteImagesWhenTheOperatorAllowsThem(ApiTestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = WebServer.start(["--allow-remote-images"])
        cls._counter = 0

    def test_a_remote_image_in_a_post_is_an_image(self):
        author = self.register()
        item = author.post("/api/v1/items", {"kind": "note", "visibility": "public", "body": REMOTE_IMAGE})
        self.assertEqual(item.status, 201, item)
        self.assertRegex(item.json["html"], r'<img src="https://evil\.example/t\.png" alt="x"')

    def test_pages_allow_https_images(self):
        self.assertIn("img-src 'self' data: https:;", page_csp(self.server))


if __name__ == "__main__":
    unittest.main()
