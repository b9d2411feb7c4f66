"""Live streams end with their session: log-out, a password change (for the
other sessions) and suspension close them; a closed stream delivers nothing."""
import unittest

from kring_api import PASSWORD, ApiTestCase, SseReader


class StreamsEndWithTheirSession(ApiTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The first member registered is the instance's admin.
        anonymous = cls.server.client()
        reply = anonymous.post("/api/v1/accounts", {
            "handle": "stream_admin", "email": "stream_admin@example.org", "password": PASSWORD})
        assert reply.status == 201, reply
        cls.admin = cls.server.client(token=reply.json["token"])

    def open_stream(self, token):
        stream = SseReader(self.server.port, token)
        self.addCleanup(stream.close)
        self.assertEqual(stream.response.status, 200)
        stream.next_event("unread")
        return stream

    def log_in(self, handle):
        reply = self.anonymous().post("/api/v1/sessions", {"login": handle, "password": PASSWORD})
        self.assertEqual(reply.status, 201, reply)
        return self.server.client(token=reply.json["token"])

    def assertEndsWithoutNotifications(self, stream):
        events = [b.get("event") for b in stream.rest()]
        self.assertNotIn("notification", events)

    def test_log_out_ends_that_sessions_stream(self):
        me = self.register("logout_me")
        other = self.register("logout_other")
        stream = self.open_stream(me.token)
        self.assertEqual(me.delete("/api/v1/sessions/current").status, 204)
        other.post("/api/v1/members/logout_me/follow")
        self.assertEndsWithoutNotifications(stream)

    def test_log_out_leaves_the_members_other_sessions_streaming(self):
        me = self.register("logout_two")
        laptop = self.log_in("logout_two")
        staying = self.open_stream(laptop.token)
        self.open_stream(me.token)
        self.assertEqual(me.delete("/api/v1/sessions/current").status, 204)
        self.register("logout_two_fan").post("/api/v1/members/logout_two/follow")
        self.assertEqual(staying.next_event("notification")["event"], "notification")

    def test_password_change_ends_the_other_sessions_streams(self):
        me = self.register("pw_me")
        phone = self.log_in("pw_me")
        stolen = self.open_stream(me.token)
        own = self.open_stream(phone.token)
        reply = phone.put("/api/v1/me/password", {"current_password": PASSWORD, "new_password": "a new long passphrase"})
        self.assertEqual(reply.status, 204, reply)
        self.register("pw_fan").post("/api/v1/members/pw_me/follow")
        self.assertEndsWithoutNotifications(stolen)
        self.assertEqual(own.next_event("notification")["event"], "notification")

    def test_suspension_ends_every_stream_of_the_member(self):
        me = self.register("susp_me")
        other_session = self.log_in("susp_me")
        streams = [self.open_stream(me.token), self.open_stream(other_session.token)]
        reply = self.admin.post("/api/v1/members/susp_me/suspend")
        self.assertIn(reply.status, (200, 204), reply)
        self.register("susp_fan").post("/api/v1/members/susp_me/follow")
        for stream in streams:
            self.assertEndsWithoutNotifications(stream)


if __name__ == "__main__":
    unittest.main()
