"""The moderation and administration matrix (issue 9, point 10).

Every moderation and administration verb (hide and unhide an item or a
reply, delete an item or a reply, report an item, resolve a report, read a
report queue, remove a member or an owner, approve or decline a join
request, invite, set a space role, archive the space, read a network's
metrics, suspend, reinstate, give an instance role) is taken by every
standing (moderation_matrix_table.ACTORS) in every place it applies to (an
open, a closed and a secret space, a post outside spaces, the instance).
The expected status of each cell is data, in moderation_matrix_table.py.

Each cell also reads the state afterwards, as someone else: a 2xx changed
what the action names (the item is hidden, the member gone, the role
set...), anything else changed nothing. A 404, and any answer about the
secret space to someone who may not know it exists, must be exactly the
answer (status and error code) for a target that names nothing, so that no
error code tells that the secret space, its items or its reports exist; and
that answer holds none of the secret space's words.

One server and one world for the class; each cell makes its own target where
the action uses one up (a deleted item, a resolved report) and puts the world
back after a change (unhide, rejoin, reset the role).
"""
import time
import unittest

from kring_api import ApiTestCase, ok, PASSWORD
from moderation_matrix_table import ACTORS, EXPECTED, SECRET_OUTSIDERS

SPACES = ["open", "closed", "secret"]
NO_ID = "9007199254740000"  # below 2^53 like every id, and named by none (ids start near 2^50)
# Members who are no actor: whom the actions are taken on, and who reports.
EXTRAS = ["victim", "coowner", "requester", "invitee", "target", "reporter"]
# Text of the secret space and its content (World writes them), which no
# answer to an outsider may hold.
SECRET_WORDS = ["Moderation matrix secret", "note in secret", "reply in secret", "mmreportsecret"]


class World:
    """The members, the three spaces and their content; helpers that read state."""

    def __init__(self, server):
        self.server = server
        self.clients = {"anonymous": server.client()}
        # The first member registered is the instance admin.
        for name in ["admin"] + [a for a in ACTORS if a not in ("anonymous", "admin")] + EXTRAS:
            self.clients[name] = self.register(name)
        c = self.clients
        self.admin, self.owner, self.author = c["admin"], c["owner"], c["author"]
        ok(self.admin.put("/api/v1/members/mm_analyst/role", {"role": "analyst"}), 204)
        ok(self.admin.put("/api/v1/members/mm_susadmin/role", {"role": "admin"}), 204)
        self.slugs, self.items, self.replies = {}, {}, {}
        for place in SPACES:
            created = ok(self.owner.post("/api/v1/spaces", {
                "name": f"Moderation matrix {place}", "slug": f"mm-{place}", "kind": "team",
                "visibility": place}), 201)
            slug = self.slugs[place] = created["slug"]  # a secret space's has a random ending
            for name in ("member", "author", "moderator", "susmod", "susowner", "former", "removed",
                         "victim", "coowner", "reporter"):
                self.enter(place, c[name])
            for name, role in (("moderator", "moderator"), ("susmod", "moderator"), ("susowner", "owner"),
                               ("coowner", "owner")):
                ok(self.owner.post(f"/api/v1/spaces/{slug}/roles/mm_{name}", {"role": role}))
            self.expect_result(self.owner.post(f"/api/v1/spaces/{slug}/invites", {"handle": "mm_invited"}),
                              "invited")
            self.expect_result(c["former"].delete(f"/api/v1/spaces/{slug}/members/mm_former"), "left")
            self.expect_result(self.owner.delete(f"/api/v1/spaces/{slug}/members/mm_removed"), "removed")
        self.expect_result(c["requester"].post(f"/api/v1/spaces/{self.slugs['closed']}/members"), "requested")
        for place in SPACES + ["profile"]:
            self.items[place] = self.post_item(place)
            self.replies[place] = self.post_reply(place)
            ok(c["reporter"].post("/api/v1/reports", {"target_type": "item", "target_id": self.items[place],
                                                       "reason": self.report_reason(place)}), 201)
        for name in ("susmod", "susowner", "susadmin"):
            ok(self.admin.post(f"/api/v1/members/mm_{name}/suspend"), 204)

    def register(self, name):
        handle = "mm_" + name
        r = ok(self.server.client().post("/api/v1/accounts", {
            "handle": handle, "email": f"{handle}@example.org", "password": PASSWORD}), 201)
        client = self.server.client(token=r["token"])
        client.handle = handle
        return client

    @staticmethod
    def expect_result(reply, result):
        assert reply.status == 200 and reply.json["result"] == result, reply

    def enter(self, place, client):
        slug = self.slugs[place]
        if place != "open":
            assert self.owner.post(f"/api/v1/spaces/{slug}/invites", {"handle": client.handle}).status == 200
        self.expect_result(client.post(f"/api/v1/spaces/{slug}/members"), "joined")

    def host(self, place):
        """Who may undo a moderator's change here."""
        return self.admin if place == "profile" else self.owner

    @staticmethod
    def report_reason(place):
        return f"mmreport{place}"

    def post_item(self, place):
        body = {"kind": "note", "body": f"matrix note in {place}",
                "visibility": "public" if place in ("open", "profile") else "space"}
        if place != "profile":
            body["space"] = self.slugs[place]
        return ok(self.author.post("/api/v1/items", body), 201)["id"]

    def post_reply(self, place):
        return ok(self.author.post(f"/api/v1/items/{self.items[place]}/replies",
                                   {"body": f"matrix reply in {place}"}), 201)["id"]

    # -- state, read by those who always see it, not from the actor's answer -----------

    def item_hidden(self, item):
        return ok(self.author.get(f"/api/v1/items/{item}")).get("hidden", False)

    def item_exists(self, item):
        return self.author.get(f"/api/v1/items/{item}").status == 200

    def reply_removed(self, place, reply):
        rows = ok(self.author.get(f"/api/v1/items/{self.items[place]}/replies?limit=100"))["items"]
        (row,) = [r for r in rows if r["id"] == reply]
        return row["removed"]

    def queue(self, place):
        path = "/api/v1/reports" if place == "profile" else f"/api/v1/spaces/{self.slugs[place]}/reports"
        return ok(self.host(place).get(path + "?limit=100"))["items"]

    def standing(self, place, name):
        """(my_role, my_status) of a member in the space; (None, None) if it does not exist for them."""
        reply = self.clients[name].get(f"/api/v1/spaces/{self.slugs[place]}")
        if reply.status == 404:
            return None, None
        return ok(reply)["my_role"], reply.json["my_status"]

    def instance_view(self, handle):
        return self.admin.get(f"/api/v1/members/{handle}")


def absent_slug(slug):
    return slug[:-10] + "qqqqqqqqqq" if slug.startswith("mm-secret-") else "mm-nowhere"


class Action:
    """One verb of the matrix. prepare() makes a cell's target (and the state
    the action needs); act() takes the action as a client; took_effect()
    reads the state after, as someone else; undo() puts the world back;
    absent() is a target of the same shape that names nothing."""

    places = SPACES + ["profile"]

    def __init__(self, world):
        self.w = world

    def prepare(self, place):
        return self.w.slugs[place]

    def act(self, client, target):
        raise NotImplementedError

    def took_effect(self, place, target, reply):
        raise NotImplementedError

    def undo(self, place, target):
        pass

    def absent(self, target):
        return NO_ID


class HideItem(Action):
    def __init__(self, world, hidden):
        super().__init__(world)
        self.hidden = hidden

    def prepare(self, place):
        item = self.w.items[place]
        if not self.hidden:
            ok(self.w.host(place).post(f"/api/v1/items/{item}/hide"), 204)
        return item

    def act(self, client, item):
        return client.request("POST" if self.hidden else "DELETE", f"/api/v1/items/{item}/hide")

    def took_effect(self, place, item, reply):
        return self.w.item_hidden(item) == self.hidden

    def undo(self, place, item):
        ok(self.w.host(place).delete(f"/api/v1/items/{item}/hide"), 204)


class DeleteItem(Action):
    def prepare(self, place):
        return self.w.post_item(place)

    def act(self, client, item):
        return client.delete(f"/api/v1/items/{item}")

    def took_effect(self, place, item, reply):
        return not self.w.item_exists(item)


class HideReply(Action):
    def __init__(self, world, hidden):
        super().__init__(world)
        self.hidden = hidden

    def prepare(self, place):
        reply = self.w.replies[place]
        if not self.hidden:
            ok(self.w.host(place).post(f"/api/v1/replies/{reply}/hide"), 204)
        return reply

    def act(self, client, reply):
        return client.request("POST" if self.hidden else "DELETE", f"/api/v1/replies/{reply}/hide")

    def took_effect(self, place, reply, answer):
        return self.w.reply_removed(place, reply) == self.hidden

    def undo(self, place, reply):
        ok(self.w.host(place).delete(f"/api/v1/replies/{reply}/hide"), 204)


class DeleteReply(Action):
    def prepare(self, place):
        return self.w.post_reply(place)

    def act(self, client, reply):
        return client.delete(f"/api/v1/replies/{reply}")

    def took_effect(self, place, reply, answer):
        return self.w.reply_removed(place, reply)


class ReportItem(Action):
    def prepare(self, place):
        return self.w.post_item(place)

    def act(self, client, item):
        return client.post("/api/v1/reports", {"target_type": "item", "target_id": item,
                                                "reason": "matrix report"})

    def took_effect(self, place, item, reply):
        return item in [r["target_id"] for r in self.w.queue(place)]


class ResolveReport(Action):
    def prepare(self, place):
        item = self.w.post_item(place)
        ok(self.w.clients["reporter"].post("/api/v1/reports", {
            "target_type": "item", "target_id": item, "reason": "matrix resolve"}), 201)
        (report,) = [r["id"] for r in self.w.queue(place) if r["target_id"] == item]
        return report

    def act(self, client, report):
        return client.post(f"/api/v1/reports/{report}/resolve")

    def took_effect(self, place, report, reply):
        return report not in [r["id"] for r in self.w.queue(place)]


class SpaceAction(Action):
    """An action on the space itself: the twin names another slug."""

    places = SPACES

    def absent(self, slug):
        return absent_slug(slug)


class RemoveMember(SpaceAction):
    """Removing mm_victim (a member) or mm_coowner (an owner)."""

    def __init__(self, world, name, role):
        super().__init__(world)
        self.name, self.role = name, role

    def act(self, client, slug):
        return client.delete(f"/api/v1/spaces/{slug}/members/mm_{self.name}")

    def took_effect(self, place, slug, reply):
        return self.w.standing(place, self.name) == (None, None)

    def undo(self, place, slug):
        if self.w.standing(place, self.name)[0] is None:
            self.w.enter(place, self.w.clients[self.name])
            if self.role != "member":
                ok(self.w.owner.post(f"/api/v1/spaces/{slug}/roles/mm_{self.name}", {"role": self.role}))


class DecideRequest(SpaceAction):
    """Approving or declining mm_requester's request: pending in the closed
    space, never made in the others."""

    def __init__(self, world, decision):
        super().__init__(world)
        self.decision = decision

    def prepare(self, place):
        self.before = self.w.standing(place, "requester")
        return self.w.slugs[place]

    def act(self, client, slug):
        return client.post(f"/api/v1/spaces/{slug}/requests/mm_requester", {"decision": self.decision})

    def took_effect(self, place, slug, reply):
        after = self.w.standing(place, "requester")
        return after != self.before and after == (("member", None) if self.decision == "approve" else (None, None))

    def undo(self, place, slug):
        if self.w.standing(place, "requester") == self.before:
            return
        ok(self.w.owner.delete(f"/api/v1/spaces/{slug}/members/mm_requester"))
        if self.before == (None, "requested"):
            self.w.expect_result(self.w.clients["requester"].post(f"/api/v1/spaces/{slug}/members"), "requested")


class Invite(SpaceAction):
    def act(self, client, slug):
        return client.post(f"/api/v1/spaces/{slug}/invites", {"handle": "mm_invitee"})

    def took_effect(self, place, slug, reply):
        return self.w.standing(place, "invitee") == (None, "invited")

    def undo(self, place, slug):
        ok(self.w.owner.delete(f"/api/v1/spaces/{slug}/members/mm_invitee"))


class SetSpaceRole(SpaceAction):
    def act(self, client, slug):
        return client.post(f"/api/v1/spaces/{slug}/roles/mm_victim", {"role": "moderator"})

    def took_effect(self, place, slug, reply):
        return self.w.standing(place, "victim")[0] == "moderator"

    def undo(self, place, slug):
        ok(self.w.owner.post(f"/api/v1/spaces/{slug}/roles/mm_victim", {"role": "member"}))


class ArchiveSpace(SpaceAction):
    def act(self, client, slug):
        return client.patch(f"/api/v1/spaces/{slug}", {"archived": True})

    def took_effect(self, place, slug, reply):
        return ok(self.w.owner.get(f"/api/v1/spaces/{slug}"))["archived"]

    def undo(self, place, slug):
        ok(self.w.owner.patch(f"/api/v1/spaces/{slug}", {"archived": False}))


class ViewReports(SpaceAction):
    """A read: it took effect when the answer shows the place's report."""

    places = SPACES + ["instance"]

    def prepare(self, place):
        return "instance" if place == "instance" else self.w.slugs[place]

    def act(self, client, slug):
        if slug == "instance":
            return client.get("/api/v1/reports?limit=100")
        return client.get(f"/api/v1/spaces/{slug}/reports?limit=100")

    def took_effect(self, place, slug, reply):
        return self.w.report_reason("profile" if place == "instance" else place) in reply.body


class ViewNetwork(ViewReports):
    """GET /api/v1/network/{view} of the space's or the instance's network."""

    def __init__(self, world, view):
        super().__init__(world)
        self.view = view

    def act(self, client, slug):
        scope = "instance" if slug == "instance" else f"space:{slug}"
        deadline = time.monotonic() + 20
        while True:  # 202: authorized, the figures are being computed
            reply = client.get(f"/api/v1/network/{self.view}?scope={scope}")
            if reply.status != 202 or time.monotonic() > deadline:
                return reply
            time.sleep(0.02)

    def took_effect(self, place, slug, reply):
        return reply.status == 200 and reply.json["scope"] == ("instance" if slug == "instance" else f"space:{slug}")


class AdministerMember(Action):
    """Suspend, reinstate or give an instance role to mm_target."""

    places = ["instance"]

    def __init__(self, world, verb):
        super().__init__(world)
        self.verb = verb

    def prepare(self, place):
        if self.verb == "reinstate":
            ok(self.w.admin.post("/api/v1/members/mm_target/suspend"), 204)
        return "mm_target"

    def act(self, client, handle):
        if self.verb == "suspend":
            return client.post(f"/api/v1/members/{handle}/suspend")
        if self.verb == "reinstate":
            return client.delete(f"/api/v1/members/{handle}/suspend")
        return client.put(f"/api/v1/members/{handle}/role", {"role": self.verb})

    def took_effect(self, place, handle, reply):
        if self.verb in ("suspend", "reinstate"):
            visible = self.w.clients["anonymous"].get(f"/api/v1/members/{handle}").status == 200
            return visible == (self.verb == "reinstate")
        return ok(self.w.instance_view(handle)).get("role", "member") == self.verb

    def undo(self, place, handle):
        ok(self.w.admin.delete(f"/api/v1/members/{handle}/suspend"), 204)
        ok(self.w.admin.put(f"/api/v1/members/{handle}/role", {"role": "member"}), 204)


ACTIONS = {
    "hide item": lambda w: HideItem(w, True),
    "unhide item": lambda w: HideItem(w, False),
    "delete item": DeleteItem,
    "hide reply": lambda w: HideReply(w, True),
    "unhide reply": lambda w: HideReply(w, False),
    "delete reply": DeleteReply,
    "report item": ReportItem,
    "resolve report": ResolveReport,
    "remove member": lambda w: RemoveMember(w, "victim", "member"),
    "remove owner": lambda w: RemoveMember(w, "coowner", "owner"),
    "approve join request": lambda w: DecideRequest(w, "approve"),
    "decline join request": lambda w: DecideRequest(w, "decline"),
    "invite": Invite,
    "set space role": SetSpaceRole,
    "archive space": ArchiveSpace,
    "view reports": ViewReports,
    "view network metrics": lambda w: ViewNetwork(w, "metrics"),
    "view network communities": lambda w: ViewNetwork(w, "communities"),
    "view network graph": lambda w: ViewNetwork(w, "graph"),
    "view a member's network panel": lambda w: ViewNetwork(w, "members/mm_victim"),
    "suspend": lambda w: AdministerMember(w, "suspend"),
    "reinstate": lambda w: AdministerMember(w, "reinstate"),
    "grant analyst": lambda w: AdministerMember(w, "analyst"),
    "grant admin": lambda w: AdministerMember(w, "admin"),
}


class ModerationMatrix(ApiTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.world = World(cls.server)

    def run_matrix(self, name):
        action = ACTIONS[name](self.world)
        table = EXPECTED[name]
        self.assertEqual(sorted(table), sorted(action.places), "the table's places are the action's")
        for place in action.places:
            for actor in ACTORS:
                with self.subTest(action=name, place=place, actor=actor):
                    self.check_cell(action, place, actor, table[place][actor])

    def check_cell(self, action, place, actor, expected):
        client = self.world.clients[actor]
        target = action.prepare(place)
        try:
            reply = action.act(client, target)
            if expected < 300:
                self.assertEqual(reply.status, expected, reply)
            else:
                self.assertError(reply, expected)
            self.assertEqual(action.took_effect(place, target, reply), expected < 300,
                             "a 2xx changes the state, anything else nothing")
            if expected == 404 or (place == "secret" and actor in SECRET_OUTSIDERS):
                twin = action.act(client, action.absent(target))
                self.assertEqual((reply.status, reply.error_code()), (twin.status, twin.error_code()),
                                 f"answers differently from a target that names nothing: {twin}")
            if place == "secret" and actor in SECRET_OUTSIDERS:
                for word in SECRET_WORDS:
                    self.assertNotIn(word, reply.body)
        finally:
            action.undo(place, target)

    def test_hide_item(self):
        self.run_matrix("hide item")

    def test_unhide_item(self):
        self.run_matrix("unhide item")

    def test_delete_item(self):
        self.run_matrix("delete item")

    def test_hide_reply(self):
        self.run_matrix("hide reply")

    def test_unhide_reply(self):
        self.run_matrix("unhide reply")

    def test_delete_reply(self):
        self.run_matrix("delete reply")

    def test_report_item(self):
        self.run_matrix("report item")

    def test_resolve_report(self):
        self.run_matrix("resolve report")

    def test_remove_member(self):
        self.run_matrix("remove member")

    def test_remove_owner(self):
        self.run_matrix("remove owner")

    def test_approve_join_request(self):
        self.run_matrix("approve join request")

    def test_decline_join_request(self):
        self.run_matrix("decline join request")

    def test_invite(self):
        self.run_matrix("invite")

    def test_set_space_role(self):
        self.run_matrix("set space role")

    def test_archive_space(self):
        self.run_matrix("archive space")

    def test_view_report_queue(self):
        self.run_matrix("view reports")

    def test_view_network_metrics(self):
        self.run_matrix("view network metrics")

    def test_view_network_communities(self):
        self.run_matrix("view network communities")

    def test_view_network_graph(self):
        self.run_matrix("view network graph")

    def test_view_a_members_network_panel(self):
        self.run_matrix("view a member's network panel")

    def test_suspend(self):
        self.run_matrix("suspend")

    def test_reinstate(self):
        self.run_matrix("reinstate")

    def test_grant_analyst_role(self):
        self.run_matrix("grant analyst")

    def test_grant_admin_role(self):
        self.run_matrix("grant admin")

    def test_a_suspended_admin_cannot_reinstate_themselves(self):
        susadmin = self.world.clients["susadmin"]
        self.assertError(susadmin.delete("/api/v1/members/mm_susadmin/suspend"), 403)
        self.assertEqual(self.anonymous().get("/api/v1/members/mm_susadmin").status, 404)
        self.assertError(susadmin.put("/api/v1/members/mm_susadmin/role", {"role": "admin"}), 403)

    def test_the_instance_queue_pages_past_newer_space_reports(self):
        # Space reports are their hosts'; they used to fill the admins' page
        # before being dropped, leaving it empty and without a cursor.
        w = self.world
        for _ in range(3):
            ok(w.clients["reporter"].post("/api/v1/reports", {
                "target_type": "item", "target_id": w.post_item("open"), "reason": "newer space report"}), 201)
        seen, cursor = [], ""
        for _ in range(100):
            page = ok(w.admin.get("/api/v1/reports?limit=1" + (f"&cursor={cursor}" if cursor else "")))
            seen += [r["reason"] for r in page["items"]]
            cursor = page["next_cursor"]
            if not cursor:
                break
        self.assertIn(w.report_reason("profile"), seen)
        self.assertNotIn("newer space report", seen)

    def test_every_action_has_a_table_and_every_table_an_action(self):
        self.assertEqual(sorted(ACTIONS), sorted(EXPECTED))


if __name__ == "__main__":
    unittest.main()
