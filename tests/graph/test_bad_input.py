#!/usr/bin/python3
"""Bad graph files make `kring analyze` fail cleanly, naming the line.

Usage: test_bad_input.py PATH_TO_KRING

The cases are data: bad_input_cases.txt lists each file in bad/, the line
number the error must name and words the message must contain. Policies
that are not errors (duplicate ties, huge labels) are checked below them.
"""
import json
import os
import subprocess
import sys
import tempfile
import unittest

KRING = None
HERE = os.path.dirname(os.path.abspath(__file__))


def analyze(path, *extra):
    return subprocess.run([KRING, "analyze", path, "--format", "json", *extra],
                          capture_output=True, timeout=60)


def cases():
    with open(os.path.join(HERE, "bad_input_cases.txt"), encoding="utf-8") as f:
        for raw in f:
            if raw.startswith("#") or not raw.strip():
                continue
            name, line, words = (part.strip() for part in raw.split("|"))
            yield name, int(line), words


class BadFiles(unittest.TestCase):
    def test_every_bad_file_fails_with_its_line_number(self):
        seen = 0
        for name, line, words in cases():
            with self.subTest(file=name):
                out = analyze(os.path.join(HERE, "bad", name))
                err = out.stderr.decode("utf-8", "replace")
                self.assertEqual(out.returncode, 2, f"{name}: exit {out.returncode}, {err}")
                self.assertIn(f"line {line}:", err)
                self.assertIn(words, err)
                self.assertEqual(out.stdout, b"")
                seen += 1
        self.assertGreaterEqual(seen, 15)

    def test_unknown_extension_is_refused(self):
        with tempfile.NamedTemporaryFile(suffix=".xyz") as f:
            out = analyze(f.name)
        self.assertEqual(out.returncode, 2)
        self.assertIn(b"unknown file extension", out.stderr)

    def test_missing_file_is_refused(self):
        out = analyze(os.path.join(HERE, "bad", "does-not-exist.txt"))
        self.assertEqual(out.returncode, 2)
        self.assertIn(b"cannot open", out.stderr)


class Policies(unittest.TestCase):
    def run_text(self, text, *extra, suffix=".txt"):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "g" + suffix)
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            out = analyze(path, *extra)
        self.assertEqual(out.returncode, 0, out.stderr)
        return json.loads(out.stdout)

    def test_duplicate_tie_keeps_the_last_weight_like_networkx(self):
        report = self.run_text("a b 1\na b 5\nb a 2\n")
        self.assertEqual(report["graph"]["edges"], 1)
        strength = {n["id"]: n["strength"] for n in report["nodes"]}
        self.assertEqual(strength, {"a": 2, "b": 2})

    def test_directed_duplicates_are_per_direction(self):
        report = self.run_text("a b 1\na b 5\nb a 2\n", "--directed")
        self.assertEqual(report["graph"]["edges"], 2)
        self.assertEqual({n["id"]: n["strength"] for n in report["nodes"]}, {"a": 7, "b": 7})

    def test_huge_numeric_ids_are_labels(self):
        big = "9" * 400
        report = self.run_text(f"{big} 1\n1 2\n")
        self.assertIn(big, {n["id"] for n in report["nodes"]})

    def test_label_over_limit_is_refused_with_line(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "g.txt")
            with open(path, "w") as f:
                f.write("a b\n" + "x" * 2000 + " b\n")
            out = analyze(path)
        self.assertEqual(out.returncode, 2)
        self.assertIn(b"line 2:", out.stderr)

    def test_single_label_line_adds_an_isolate(self):
        report = self.run_text("a b\nc\n")
        self.assertEqual(report["graph"]["nodes"], 3)
        roles = {n["id"]: n["role"] for n in report["nodes"]}
        self.assertEqual(roles["c"], "isolate")

    def test_csv_header_is_skipped(self):
        report = self.run_text("source,target,weight\na,b,2\n", suffix=".csv")
        self.assertEqual(report["graph"]["nodes"], 2)


if __name__ == "__main__":
    KRING = sys.argv.pop(1)
    unittest.main()
