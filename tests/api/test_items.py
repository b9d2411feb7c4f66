"""Items: post, read, edit with history, delete; Markdown sanitising; tags and mentions."""
import unittest

from kring_api import ApiTestCase


class Posting(ApiTestCase):
    def test_note_article_question(self):
        author = self.register("poster")
        note = author.post("/api/v1/items", {"kind": "note", "body": "Hello **world**"})
        self.assertEqual(note.status, 201, note)
        self.assertEqual(note.json["html"], "<p>Hello <strong>world</strong></p>\n")
        self.assertEqual(note.json["visibility"], "public")
        self.assertEqual(note.json["author"]["handle"], "poster")
        article = author.post("/api/v1/items", {"kind": "article", "title": "On bikes", "body": "Text"})
        self.assertEqual(article.json["title"], "On bikes")
        question = author.post("/api/v1/items", {"kind": "question", "body": "Who fixes bikes?"})
        self.assertEqual(question.json["status"], "open")
        self.assertEqual(self.anonymous().get(f"/api/v1/items/{note.json['id']}").json["body"], "Hello **world**")

    def test_bad_items_change_nothing(self):
        author = self.register("bad_poster")
        before = self.anonymous().get("/api/v1/members/bad_poster/feed").json["items"]
        for body, status, code in [
            ({"kind": "poem", "body": "x"}, 400, "unknown_kind"),
            ({"kind": "note", "body": "   "}, 400, "empty_body"),
            ({"kind": "note"}, 400, "missing_field"),
            ({"kind": "article", "body": "no title"}, 400, "missing_field"),
            ({"kind": "note", "body": "x" * 20001}, 400, "too_long"),
            ({"kind": "note", "body": "#" + "t" * 10000}, 400, "tag_too_long"),
            ({"kind": "note", "body": "x", "visibility": "space"}, 400, "invalid_visibility"),
            ({"kind": "note", "body": "x", "visibility": "everyone"}, 400, "invalid_visibility"),
            ({"kind": "note", "body": "x", "space": "no-such-space"}, 404, "not_found"),
            ({"kind": "note", "body": "x", "colour": "red"}, 400, "unknown_field"),
            ({"kind": "note", "body": " ".join("#t%d" % i for i in range(21))}, 400, "too_many_tags"),
        ]:
            with self.subTest(body=str(body)[:60]):
                self.assertError(author.post("/api/v1/items", body), status, code)
        self.assertEqual(self.anonymous().get("/api/v1/members/bad_poster/feed").json["items"], before)
        self.assertError(self.anonymous().post("/api/v1/items", {"kind": "note", "body": "x"}), 401)
        self.assertError(self.anonymous().get("/api/v1/items/999999"), 404)
        self.assertError(self.anonymous().get("/api/v1/items/abc"), 404)

    def test_markdown_is_sanitised(self):
        author = self.register("hostile")
        body = ('<script>alert(1)</script> <img src=x onerror="alert(2)"> '
                '[click](javascript:alert(3)) <a href="javascript:alert(4)">x</a> '
                '[data](data:text/html;base64,PHNjcmlwdD4=) <iframe src="https://evil"></iframe>')
        html = author.post("/api/v1/items", {"kind": "note", "body": body}).json["html"]
        lowered = html.lower()
        for bad in ("<script", "onerror", "javascript:", "<iframe", "data:text/html", "<img"):
            self.assertNotIn(bad, lowered, html)

    def test_tags_and_mentions_are_parsed_and_linked(self):
        author = self.register("tagger")
        self.register("mentioned_one")
        item = author.post("/api/v1/items", {
            "kind": "note", "body": "Meet @mentioned_one at the #RepairCafe and #repaircafe `#notatag`"}).json
        self.assertEqual(item["tags"], ["repaircafe"])
        self.assertIn('<a href="/tags/repaircafe">#RepairCafe</a>', item["html"])
        self.assertIn('<a href="/members/mentioned_one">@mentioned_one</a>', item["html"])
        self.assertIn("<code>#notatag</code>", item["html"])


class Editing(ApiTestCase):
    def test_edit_keeps_history_and_only_the_author_edits(self):
        author, other = self.register("editor_i"), self.register("other_i")
        item = author.post("/api/v1/items", {"kind": "note", "body": "first #one"}).json
        path = f"/api/v1/items/{item['id']}"
        self.assertError(other.patch(path, {"body": "hijack"}), 403)
        edited = author.patch(path, {"body": "second #two"}).json
        self.assertEqual((edited["body"], edited["tags"]), ("second #two", ["two"]))
        self.assertIsNotNone(edited["edited_at"])
        history = self.anonymous().get(path + "/history").json["items"]
        self.assertEqual([h["body"] for h in history], ["first #one"])
        self.assertEqual(self.anonymous().get("/api/v1/tags/one/feed").json["items"], [])
        self.assertEqual(len(self.anonymous().get("/api/v1/tags/two/feed").json["items"]), 1)
        self.assertError(author.patch(path, {"body": ""}), 400, "empty_body")

    def test_delete_by_author(self):
        author, other = self.register("deleter"), self.register("bystander_d")
        item = author.post("/api/v1/items", {"kind": "note", "body": "gone soon"}).json
        path = f"/api/v1/items/{item['id']}"
        self.assertError(other.delete(path), 403)
        self.assertEqual(author.delete(path).status, 204)
        self.assertError(self.anonymous().get(path), 404)
        self.assertError(author.delete(path), 404)


if __name__ == "__main__":
    unittest.main()
