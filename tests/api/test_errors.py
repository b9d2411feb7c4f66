"""Bad input: every malformed request gets a clear 4xx and changes nothing."""
import socket
import unittest

from kring_api import ApiTestCase


class MalformedRequests(ApiTestCase):
    def test_malformed_json_and_wrong_shapes(self):
        member = self.register("shapes", bio="kept")
        for raw, code in [(b"{", "malformed_json"), (b"[1,2]", "invalid_type"), (b'"text"', "invalid_type"),
                          (b"", "malformed_json"), (b"\xff\xfe", "malformed_json"),
                          (b'{"bio": "a", "bio": 3}', "invalid_type")]:
            with self.subTest(raw=raw):
                reply = member.request("PATCH", "/api/v1/me", raw=raw,
                                       headers={"Content-Type": "application/json"})
                self.assertError(reply, 400, code)
        self.assertEqual(member.get("/api/v1/me").json["bio"], "kept")

    def test_oversize_body_is_413(self):
        member = self.register("bigbody")
        reply = member.request("PATCH", "/api/v1/me", raw=b'{"bio":"' + b"x" * (1 << 20) + b'"}',
                               headers={"Content-Type": "application/json"})
        self.assertError(reply, 413, "body_too_large")
        self.assertEqual(self.register("after_big").get("/api/v1/me").status, 200)

    def test_huge_headers_are_431(self):
        reply = self.anonymous().get("/api/v1/members", headers={"X-Filler": "y" * 20000})
        self.assertError(reply, 431, "headers_too_large")

    def test_unknown_paths_and_methods(self):
        self.assertError(self.anonymous().get("/api/v1/nothing-here"), 404, "not_found")
        reply = self.anonymous().request("PUT", "/api/v1/members")
        self.assertError(reply, 405, "method_not_allowed")
        self.assertIn("GET", reply.header("Allow"))
        self.assertError(self.anonymous().get("/api/v1/members/%zz"), 400, "invalid_target")
        self.assertError(self.anonymous().get("/api/v1/members/nobody_at_all"), 404)

    def test_bad_authorization_header_is_401(self):
        client = self.anonymous()
        self.assertError(client.get("/api/v1/me", headers={"Authorization": "Basic abc"}), 401)

    def test_garbage_bytes_on_the_socket_get_400_and_server_lives(self):
        with socket.create_connection(("127.0.0.1", self.server.port), timeout=10) as s:
            s.sendall(b"\x00\x01\x02 garbage garbage\r\n\r\n")
            data = s.recv(4096)
        self.assertIn(b"400", data.split(b"\r\n")[0])
        self.assertEqual(self.anonymous().get("/healthz").status, 200)


if __name__ == "__main__":
    unittest.main()
