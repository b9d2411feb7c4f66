"""The harness itself: a server that printed a sanitizer report, or did not
exit cleanly, fails its test class (kring_api.Server.cleanup). Checked with a
stand-in for `kring serve` that behaves like a sanitized binary that found
something, so the check is known to fire before we rely on it in
make test-asan / test-tsan."""
import os
import sys
import tempfile
import textwrap
import unittest

import kring_api
from kring_api import Server, sanitizer_reports

# Prints what kring serve prints, serves nothing, and on SIGTERM prints REPORT and exits with CODE.
FAKE_SERVE = textwrap.dedent("""\
    import os, signal, socket, sys, time
    s = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen()
    print("kring serving on http://127.0.0.1:%d" % s.getsockname()[1], flush=True)
    def stop(*_):
        sys.stderr.write(os.environ.get("FAKE_REPORT", "")); sys.stderr.flush()
        sys.exit(int(os.environ.get("FAKE_CODE", "0")))
    signal.signal(signal.SIGTERM, stop)
    while True: time.sleep(0.05)
""")


class SanitizerReportsFailTheClass(unittest.TestCase):
    def setUp(self):
        fd, self.script = tempfile.mkstemp(suffix=".py")
        with os.fdopen(fd, "w") as f:
            f.write(f"#!{sys.executable}\n" + FAKE_SERVE)
        os.chmod(self.script, 0o755)
        self.saved = kring_api.KRING
        kring_api.KRING = self.script

    def tearDown(self):
        kring_api.KRING = self.saved
        os.environ.pop("FAKE_REPORT", None)
        os.environ.pop("FAKE_CODE", None)
        os.unlink(self.script)

    def run_fake(self, report, code):
        os.environ["FAKE_REPORT"], os.environ["FAKE_CODE"] = report, str(code)
        Server().start().cleanup()

    def test_a_clean_exit_passes(self):
        self.run_fake("", 0)

    def test_each_sanitizer_report_fails(self):
        for report in ("==12==ERROR: AddressSanitizer: heap-use-after-free on address 0x1\n",
                       "src/x.cpp:3:5: runtime error: signed integer overflow\n",
                       "WARNING: ThreadSanitizer: data race (pid=12)\n",
                       "==12==ERROR: LeakSanitizer: detected memory leaks\n"):
            with self.subTest(report=report):
                with self.assertRaises(AssertionError) as caught:
                    self.run_fake(report, 0)
                self.assertIn(report.strip(), str(caught.exception))

    def test_a_non_zero_exit_fails(self):
        with self.assertRaisesRegex(AssertionError, "exited with status 66"):
            self.run_fake("", 66)

    def test_reports_are_found_among_other_log_lines(self):
        log = "info: serving\n==1==ERROR: AddressSanitizer: SEGV\n    #0 0x1 in main\n"
        self.assertEqual(len(sanitizer_reports(log)), 1)
        self.assertEqual(sanitizer_reports("info: all fine\n"), [])


if __name__ == "__main__":
    unittest.main()
