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
import json
import os
import sys
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, ".."))
sys.path.insert(0, os.path.join(HERE, "..", "store"))
from http_feed_bench import against_static, parse_args, request, write_report  # noqa: E402

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
    args = parse_args(__doc__.split("\n")[0])
    fixture = json.load(open(os.path.join(args.data, "fixture.json")))
    report = against_static(args, "viewer", lambda port, token: item_paths(fixture, port, token))
    write_report(report, args.out)


if __name__ == "__main__":
    main()
