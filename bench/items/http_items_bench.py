#!/usr/bin/python3
"""GET /api/v1/items (map box, ideas board) vs GET of a small static file, same server, same run.

    bench/items/http_items_bench.py --kring build-bench/kring --data DIR
        [--duration 10] [--rounds 5] [--connections 1] [--threads 1] [--out FILE.json]

DIR is an items fixture (kring_items_fixture prints it; its fixture.json names
the viewer, the password, the municipality and the timed districts). Starts
`kring serve --data DIR --web WEB` on a free loopback port, WEB holding one
1 KiB file, logs the viewer in, and drives each path with wrk over keep-alive
connections, taking turns in --rounds rounds, as bench/store/http_feed_bench.py
does for the home feed (whose wrk and request helpers this uses): the map of
Utrecht's Lombok district (?bbox=..., 100 items, signed in and as a visitor),
the municipality's ideas board by votes (first page and page 50 by cursor),
and the static file, the peer: the ratio item path / static says what the
listing costs beyond the server's fixed cost per request, on this machine, in
this run. Prints the results as JSON (and writes --out).
"""
import argparse
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, ".."))
sys.path.insert(0, os.path.join(HERE, "..", "store"))
from kring_server import start_server  # noqa: E402
from http_feed_bench import STATIC_BYTES, request, wrk  # noqa: E402

DEEP_PAGE = 50
MAP_DISTRICT = "utrecht_lombok"


def deep_cursor(port, token, path):
    cursor = ""
    for _ in range(DEEP_PAGE - 1):
        page = json.loads(request(port, "GET", path + cursor, token=token))
        cursor = "&cursor=" + urllib.parse.quote(page["next_cursor"])
    return cursor


def item_paths(fixture, port, token):
    """name -> (path, token, gzip)."""
    district = next(d for d in fixture["districts"] if d["name"] == MAP_DISTRICT)
    bbox = ",".join(f"{x:.6f}" for x in district["bbox"])
    map_path = f"/api/v1/items?bbox={bbox}&limit=100"
    board = f"/api/v1/items?space={fixture['municipality']}&kind=idea&sort=votes&limit=20"
    return {
        "map_lombok_100": (map_path, token, False),
        "map_lombok_100_visitor": (map_path, None, False),
        "ideas_votes_first_page": (board, token, False),
        "ideas_votes_page_50": (board + deep_cursor(port, token, board), token, False),
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--kring", required=True)
    ap.add_argument("--data", required=True)
    ap.add_argument("--duration", type=float, default=10, help="seconds per path, in all")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--connections", type=int, default=1)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--out")
    args = ap.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk not found: apt-get install -y wrk")
    fixture = json.load(open(os.path.join(args.data, "fixture.json")))
    work = tempfile.mkdtemp(prefix="kring-http-items-")
    web = os.path.join(work, "web")
    os.makedirs(web)
    with open(os.path.join(web, "hello.txt"), "w") as f:
        f.write(("kring static peer\n" * 64)[:STATIC_BYTES])
    proc, port = start_server(args.kring, args.data, web, os.path.join(work, "server.log"),
                              ["--threads", str(args.threads)])
    try:
        login = json.loads(request(port, "POST", "/api/v1/sessions",
                                   {"login": fixture["viewer"], "password": fixture["password"]}))
        token = login["token"]
        base = f"http://127.0.0.1:{port}"
        paths = {"static": ("/hello.txt", None, False), **item_paths(fixture, port, token)}
        sizes, counts = {}, {}
        for name, (path, tok, gz) in paths.items():
            body = request(port, "GET", path, token=tok, gzip=gz)
            sizes[name] = len(body)
            if name != "static":
                counts[name] = len(json.loads(body)["items"])
            wrk(base + path, tok, gz, 1, args.connections)  # warm caches and connections
        # Paths take turns, so a slow spell of the shared machine hits the
        # peer too; each round's ratio is taken, then the median of rounds.
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
    report = {
        "items": fixture["items"],
        "viewer": fixture["viewer"],
        "connections": args.connections,
        "server_threads": args.threads,
        "duration_s": args.duration,
        "rounds": args.rounds,
        "results": results,
        "ratio_vs_static": {
            name: statistics.median(r[name]["ms_per_request"] / r["static"]["ms_per_request"]
                                    for r in rounds)
            for name in paths},
    }
    text = json.dumps(report, indent=2)
    if args.out:
        with open(args.out, "w") as f:
            f.write(text + "\n")
    print(text)


if __name__ == "__main__":
    main()
