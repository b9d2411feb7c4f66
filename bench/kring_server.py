"""Starts `kring serve` for a benchmark: a free loopback port, rate limits
off (a benchmark is one client doing what a crowd would), stdout and stderr
to a log. Shared by the benchmark scripts so they start the server alike."""
import re
import subprocess
import sys
import time


def start_server(kring, data, web, log_path, extra_args=()):
    """Returns (process, port) once the server listens; exits the script
    with the log when it does not within 60 s."""
    log = open(log_path, "wb")
    proc = subprocess.Popen([kring, "serve", "--data", data, "--listen", "127.0.0.1:0",
                             "--web", web, "--no-rate-limits", *extra_args],
                            stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            sys.exit("kring serve exited:\n" + open(log_path).read())
        match = re.search(r"serving on http://127\.0\.0\.1:(\d+)", open(log_path).read())
        if match:
            return proc, int(match.group(1))
        time.sleep(0.05)
    proc.kill()
    sys.exit("kring serve did not start within 60 s")
