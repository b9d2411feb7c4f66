#!/usr/bin/python3
"""GET /api/v1/feeds/home vs GET of a small static file, same server, same run.

    bench/store/http_feed_bench.py --kring build-bench/kring --data DIR
        [--duration 10] [--rounds 5] [--connections 1] [--threads 1] [--out FILE.json]

DIR is a feed fixture (kring_feed_fixture prints it; its fixture.json names the
reader and the password). Starts `kring serve --data DIR --web WEB` on a free
loopback port, WEB holding one 1 KiB file, logs the reader in, and drives both
paths with wrk over keep-alive connections for --duration seconds each: the
home feed's first page (also gzipped, as browsers ask), its page 50 (cursor
after 980 items), and the static file, taking turns in --rounds rounds. The static path (read a file, write a response) is the peer: the ratio
feed/static says what the feed costs beyond the server's fixed cost per
request, on this machine, in this run.

With one connection and one server thread (the defaults) requests run one
after another, so the time per request (duration / requests) is its server
time plus loopback and client; the ratio compares those times (median of
the rounds' ratios).
Needs wrk (apt-get install wrk). Prints the results as JSON (and writes --out).
"""
import argparse
import http.client
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from kring_server import start_server  # noqa: E402

STATIC_BYTES = 1024
DEEP_PAGE = 50


def request(port, method, path, body=None, token=None, gzip=False):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = "Bearer " + token
    if gzip:
        headers["Accept-Encoding"] = "gzip"
    conn.request(method, path, json.dumps(body) if body is not None else None, headers)
    reply = conn.getresponse()
    data = reply.read()
    conn.close()
    if reply.status >= 300:
        raise RuntimeError(f"{method} {path}: {reply.status} {data[:300]!r}")
    return data


def deep_cursor(port, token):
    cursor = ""
    for _ in range(DEEP_PAGE - 1):
        page = json.loads(request(port, "GET", "/api/v1/feeds/home?limit=20" + cursor, token=token))
        cursor = "&cursor=" + page["next_cursor"]
    return cursor


def parse_duration(text):
    value, unit = float(re.match(r"[\d.]+", text).group(0)), re.sub(r"[\d.]+", "", text)
    return value * {"us": 1e-3, "ms": 1.0, "s": 1e3, "m": 6e4}[unit]


def wrk(url, token, gzip, duration, connections):
    cmd = ["wrk", "-t1", f"-c{connections}", f"-d{max(1, round(duration))}s", "--latency", url]
    if token:
        cmd[1:1] = ["-H", "Authorization: Bearer " + token]
    if gzip:
        cmd[1:1] = ["-H", "Accept-Encoding: gzip"]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    if "Non-2xx" in out or "Socket errors" in out:
        sys.exit("wrk saw errors:\n" + out)
    pct = dict(re.findall(r"^\s+(50|99)%\s+(\S+)", out, re.M))
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    # Time per request from the request rate, not wrk's mean latency: with
    # one connection wrk's latency mean and tail were seen at 20 ms for a
    # file served 7,700 times a second (a stall counts once in the rate,
    # but skews wrk's histogram).
    return {
        "requests_per_s": rate,
        "ms_per_request": 1e3 * connections / rate,
        "p50_ms": parse_duration(pct["50"]),
        "p99_ms": parse_duration(pct["99"]),
        "requests": int(re.search(r"(\d+) requests in", out).group(1)),
    }


def parse_args(description):
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("--kring", required=True)
    ap.add_argument("--data", required=True)
    ap.add_argument("--duration", type=float, default=10, help="seconds per path, in all")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--connections", type=int, default=1)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--out")
    return ap.parse_args()


def against_static(args, viewer, paths_of):
    """Starts `kring serve` on args.data beside a one-file web root, logs
    viewer in, and drives /hello.txt (the peer) and each path of
    paths_of(port, token) -- name -> (path, token, gzip) -- with wrk, taking
    turns in args.rounds rounds. Returns the report: per path the medians of
    the rounds, its bytes and (for a list) its items, and its ratio to the
    static file's time, the median of the rounds' ratios."""
    if not shutil.which("wrk"):
        sys.exit("wrk not found: apt-get install -y wrk")
    fixture = json.load(open(os.path.join(args.data, "fixture.json")))
    work = tempfile.mkdtemp(prefix="kring-http-bench-")
    web = os.path.join(work, "web")
    os.makedirs(web)
    with open(os.path.join(web, "hello.txt"), "w") as f:
        f.write(("kring static peer\n" * 64)[:STATIC_BYTES])
    proc, port = start_server(args.kring, args.data, web, os.path.join(work, "server.log"),
                              ["--threads", str(args.threads)])
    try:
        login = json.loads(request(port, "POST", "/api/v1/sessions",
                                   {"login": fixture[viewer], "password": fixture["password"]}))
        token = login["token"]
        base = f"http://127.0.0.1:{port}"
        paths = {"static": ("/hello.txt", None, False), **paths_of(port, token)}
        sizes, counts = {}, {}
        for name, (path, tok, gz) in paths.items():
            body = request(port, "GET", path, token=tok, gzip=gz)
            sizes[name] = len(body)
            if name != "static" and not gz:
                counts[name] = len(json.loads(body)["items"])
            wrk(base + path, tok, gz, 1, args.connections)  # warm caches and connections
        # Paths take turns, --rounds times, so a slow spell of the machine
        # (a shared VM drifts by 2x within minutes) hits the peer too; each
        # round's ratio is taken, then the median of rounds.
        rounds = [{name: wrk(base + path, tok, gz, args.duration / args.rounds, args.connections)
                   for name, (path, tok, gz) in paths.items()} for _ in range(args.rounds)]
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        shutil.rmtree(work, ignore_errors=True)
    results = {}
    for name in paths:
        runs = [r[name] for r in rounds]
        results[name] = {key: statistics.median(run[key] for run in runs)
                         for key in ("requests_per_s", "ms_per_request", "p50_ms", "p99_ms")}
        results[name]["requests"] = sum(run["requests"] for run in runs)
        results[name]["bytes"] = sizes[name]
        results[name]["items"] = counts.get(name)
    return {
        "items": fixture["items"],
        viewer: fixture[viewer],
        "connections": args.connections,
        "server_threads": args.threads,
        "duration_s": args.duration,
        "rounds": args.rounds,
        "results": results,
        "ratio_vs_static": {
            name: statistics.median(r[name]["ms_per_request"] / r["static"]["ms_per_request"]
                                    for r in rounds)
            for name in paths},
        "ratio_by_round": [{name: r[name]["ms_per_request"] / r["static"]["ms_per_request"]
                            for name in paths} for r in rounds],
    }


def write_report(report, out):
    text = json.dumps(report, indent=2)
    if out:
        with open(out, "w") as f:
            f.write(text + "\n")
    print(text)


def main():
    args = parse_args(__doc__.split("\n")[0])
    home = "/api/v1/feeds/home?limit=20"
    # (path, token, gzip): wrk sends no Accept-Encoding, so responses go
    # uncompressed; the _gzip row is what a browser asks for.
    report = against_static(args, "reader", lambda port, token: {
        "home_first_page": (home, token, False),
        "home_page_50": (home + deep_cursor(port, token), token, False),
        "home_first_page_gzip": (home, token, True),
    })
    write_report(report, args.out)


if __name__ == "__main__":
    main()
