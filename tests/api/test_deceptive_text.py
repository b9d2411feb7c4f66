"""Names, titles and texts that read differently from what they are are
refused with a 400 that names the field and the character, and change
nothing (security issue 8, "deceptive names")."""
import unittest

from kring_api import ApiTestCase

RLO = "\u202e"    # right-to-left override: "invoice\u202egnp.exe" shows as "invoiceexe.png"
LRI = "\u2066"    # left-to-right isolate
ZWSP = "\u200b"   # zero width space
LSEP = "\u2028"   # line separator
HANGUL_FILLER = "\u3164"
FAMILY = "\U0001F468\u200d\U0001F469\u200d\U0001F467"  # emoji joined by ZWJ


class DeceptiveText(ApiTestCase):
    def assertRefused(self, reply, field, code_point):
        self.assertError(reply, 400, "invalid_character")
        message = reply.json["error"]["message"]
        self.assertIn(field, message)
        self.assertIn(code_point, message)

    def test_profile_names_and_bios_refuse_bidi_invisible_and_separator_characters(self):
        member = self.register("dt_profile")
        for body, field, code_point in [
            ({"display_name": "Anna" + RLO + "lanoitan"}, "display_name", "U+202E"),
            ({"display_name": "An" + ZWSP + "na"}, "display_name", "U+200B"),
            ({"display_name": HANGUL_FILLER}, "display_name", "U+3164"),
            ({"display_name": "Anna" + LSEP + "Admin"}, "display_name", "U+2028"),
            ({"home_place": "Lombok" + LRI}, "home_place", "U+2066"),
            ({"bio": "Repair cafe\n" + RLO + "evil"}, "bio", "U+202E"),
            ({"bio": "first" + LSEP + "second"}, "bio", "U+2028"),
            ({"skills": ["bike" + ZWSP + "repair"]}, "skills", "U+200B"),
        ]:
            with self.subTest(body=repr(body)):
                self.assertRefused(member.patch("/api/v1/me", body), field, code_point)
        me = member.get("/api/v1/me").json
        self.assertEqual((me["display_name"], me["bio"], me["skills"]), ("dt_profile", "", []))

    def test_emoji_sequences_newlines_and_invisibles_in_prose_are_kept(self):
        member = self.register("dt_kept")
        reply = member.patch("/api/v1/me", {"display_name": "Zoë " + FAMILY,
                                            "bio": "Line one\nline two" + ZWSP + "."})
        self.assertEqual(reply.status, 200, reply)
        self.assertEqual(reply.json["display_name"], "Zoë " + FAMILY)
        self.assertEqual(reply.json["bio"], "Line one\nline two" + ZWSP + ".")

    def test_space_names_and_descriptions_refuse_them_on_create_and_patch(self):
        host = self.register("dt_host")
        base = {"name": "Garden", "slug": "dt-garden", "kind": "community", "visibility": "open"}
        self.assertRefused(host.post("/api/v1/spaces", dict(base, name="Gar" + RLO + "den")), "name", "U+202E")
        self.assertRefused(host.post("/api/v1/spaces", dict(base, description="a" + LSEP + "b")),
                           "description", "U+2028")
        self.assertError(host.get("/api/v1/spaces/dt-garden"), 404)  # nothing was created
        self.assertEqual(host.post("/api/v1/spaces", base).status, 201)
        self.assertRefused(host.patch("/api/v1/spaces/dt-garden", {"name": ZWSP + "Garden"}), "name", "U+200B")
        self.assertEqual(host.get("/api/v1/spaces/dt-garden").json["name"], "Garden")

    def test_item_titles_and_bodies_refuse_them_on_create_and_patch(self):
        author = self.register("dt_author")
        self.assertRefused(author.post("/api/v1/items", {"kind": "article", "title": "Plan" + ZWSP,
                                                         "body": "text"}), "title", "U+200B")
        self.assertRefused(author.post("/api/v1/items", {"kind": "note", "body": "pay " + RLO + "0001"}),
                           "body", "U+202E")
        item = author.post("/api/v1/items", {"kind": "article", "title": "Plan", "body": "text"})
        self.assertEqual(item.status, 201, item)
        path = f"/api/v1/items/{item.json['id']}"
        self.assertRefused(author.patch(path, {"title": "Plan" + LRI}), "title", "U+2066")
        self.assertRefused(author.patch(path, {"body": "a" + LSEP + "b"}), "body", "U+2028")
        self.assertEqual((author.get(path).json["title"], author.get(path).json["body"]), ("Plan", "text"))

    def test_replies_refuse_bidi_controls(self):
        author = self.register("dt_replier")
        item = author.post("/api/v1/items", {"kind": "note", "body": "Ask me"})
        path = f"/api/v1/items/{item.json['id']}/replies"
        self.assertRefused(author.post(path, {"body": "ok" + RLO}), "body", "U+202E")
        self.assertEqual(author.get(path).json["items"], [])


if __name__ == "__main__":
    unittest.main()
