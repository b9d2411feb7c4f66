"""Notifications: kinds, unread count, mark read, live delivery over SSE with heartbeats and resume."""
import json
import unittest

from kring_api import ApiTestCase, SseReader, wait_until


class NotificationKinds(ApiTestCase):
    def test_each_action_notifies_the_right_member(self):
        me, other = self.register("n_me"), self.register("n_other")
        item = me.post("/api/v1/items", {"kind": "note", "body": "mine"}).json
        other.post("/api/v1/members/n_me/follow")
        other.post("/api/v1/members/n_me/connection")
        me.post("/api/v1/members/n_other/connection")  # accept: tells n_other
        other.post(f"/api/v1/items/{item['id']}/replies", {"body": "a reply"})
        other.put(f"/api/v1/items/{item['id']}/reactions/like")
        other.post("/api/v1/items", {"kind": "note", "body": "hey @n_me"})
        mine = me.get("/api/v1/notifications").json
        self.assertEqual([n["kind"] for n in mine["items"]],
                         ["mention", "reaction", "reply", "connection_request", "follow"])
        self.assertEqual(mine["unread_count"], 5)
        self.assertTrue(all(n["actor"]["handle"] == "n_other" for n in mine["items"]))
        theirs = other.get("/api/v1/notifications").json
        self.assertEqual([n["kind"] for n in theirs["items"]], ["connection_accepted"])

    def test_mark_read_up_to(self):
        me, other = self.register("read_me"), self.register("read_other")
        for _ in range(3):
            other.post("/api/v1/items", {"kind": "note", "body": "ping @read_me"})
        items = me.get("/api/v1/notifications").json["items"]
        self.assertEqual(me.post("/api/v1/notifications/read", {"up_to": items[1]["id"]}).status, 204)
        after = me.get("/api/v1/notifications").json
        self.assertEqual(after["unread_count"], 1)
        self.assertEqual([n["read"] for n in after["items"]], [False, True, True])
        self.assertError(me.post("/api/v1/notifications/read", {"up_to": "x"}), 400)
        self.assertError(self.anonymous().get("/api/v1/notifications"), 401)

    def test_no_notification_from_secret_space_to_outsider(self):
        host, outsider = self.register("sec_host"), self.register("sec_outsider")
        slug = host.post("/api/v1/spaces", {"name": "S", "slug": "secret-n", "kind": "team",
                                            "visibility": "secret"}).json["slug"]
        posted = host.post("/api/v1/items", {"kind": "note", "body": "hi @sec_outsider", "space": slug})
        self.assertEqual(posted.status, 201, posted)
        self.assertEqual(outsider.get("/api/v1/notifications").json["items"], [])


class LiveStream(ApiTestCase):
    server_args = ("--heartbeat", "1")

    def test_live_notification_heartbeat_and_resume(self):
        me, other = self.register("live_me"), self.register("live_other")
        stream = SseReader(self.server.port, me.token)
        try:
            self.assertEqual(stream.response.status, 200)
            self.assertEqual(stream.response.getheader("Content-Type"), "text/event-stream")
            self.assertEqual(json.loads(stream.next_event("unread")["data"]), {"unread_count": 0})
            other.post("/api/v1/members/live_me/follow")
            event = stream.next_event("notification")
            data = json.loads(event["data"])
            self.assertEqual((data["kind"], data["actor"]["handle"]), ("follow", "live_other"))
            self.assertEqual(event["id"], data["id"])
            self.assertEqual(json.loads(stream.next_event("unread")["data"]), {"unread_count": 1})
            wait_until(lambda: stream.next_block().get("comment") == "heartbeat", what="heartbeat")
            first_id = event["id"]
        finally:
            stream.close()
        other.post("/api/v1/items", {"kind": "note", "body": "missed @live_me"})
        resumed = SseReader(self.server.port, me.token, last_event_id=first_id)
        try:
            missed = json.loads(resumed.next_event("notification")["data"])
            self.assertEqual(missed["kind"], "mention")
        finally:
            resumed.close()

    def test_stream_needs_authentication(self):
        reply = self.anonymous().get("/api/v1/stream")
        self.assertError(reply, 401)


if __name__ == "__main__":
    unittest.main()
