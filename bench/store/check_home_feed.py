#!/usr/bin/python3
"""Checks the windowed home feed against the plain query, on a feed fixture.

    bench/store/check_home_feed.py --kring build-bench/kring --data DIR [--members 8] [--seed 1]

The home feed reads windows of ids (store/item_repository.cpp, home_feed);
the plain query asks for the OR of every source under the same read rule and
mute rule, newest first. This walks the home feed page by page over HTTP (page
sizes 7 and 20) for the two readers (first 3,000 items) and for --members
random members (the whole feed), and compares the ids with the plain query's,
run by the sqlite3 shell on the same database. The rules' SQL is read from
src/store/item_visibility_sql.h, so the two cannot drift apart.
A dev tool for changes to the home read path, not a test: the fixture is
large and the plain query slow (seconds per member).
"""
import argparse
import json
import os
import random
import re
import subprocess
import sys

from http_feed_bench import request, start_server

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "../..")
SOURCES = ("(i.author_id = {m} OR i.author_id IN (SELECT target_id FROM ties WHERE source_id = {m} "
           "AND kind IN ('follow', 'connection') AND state = 'accepted') OR i.space_id IN "
           "(SELECT space_id FROM space_members WHERE member_id = {m} AND state = 'active'))")


def rule(name):
    text = open(os.path.join(ROOT, "src/store/item_visibility_sql.h")).read()
    return re.search(name + r' = R"sql\((.*?)\)sql"', text, re.S).group(1)


def plain_home(db, member, limit):
    sql = (f"SELECT i.id FROM items i WHERE {SOURCES} AND {rule('kItemReadableSql')} AND "
           f"{rule('kItemNotMutedSql')} ORDER BY i.id DESC LIMIT {limit}")
    sql = sql.replace("{m}", str(member)).replace("?1", str(member))
    out = subprocess.run(["sqlite3", db, sql], capture_output=True, text=True, check=True).stdout
    return [int(x) for x in out.split()]


def walked_home(port, token, page_size, limit):
    ids, cursor = [], ""
    while len(ids) < limit:
        page = json.loads(request(port, "GET", f"/api/v1/feeds/home?limit={page_size}{cursor}",
                                  token=token))
        ids += [int(item["id"]) for item in page["items"]]
        if not page["next_cursor"]:
            break
        cursor = "&cursor=" + page["next_cursor"]
    return ids[:limit]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--kring", required=True)
    ap.add_argument("--data", required=True)
    ap.add_argument("--members", type=int, default=8)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    fixture = json.load(open(os.path.join(args.data, "fixture.json")))
    db = os.path.join(args.data, "kring.db")
    count = fixture["options"]["members"]
    rng = random.Random(args.seed)
    # Member ids follow the fixture's plan order: id 1 is reader, 2 sparse_reader.
    who = [(1, fixture["reader"], 3000), (2, fixture["sparse_reader"], 3000)]
    who += [(m, f"member_{m - 1}", 10**9) for m in rng.sample(range(3, count + 1), args.members)]
    proc, port = start_server(args.kring, args.data, "/nonexistent", 1, "/tmp/kring-check.log")
    failed = 0
    try:
        for member, handle, limit in who:
            try:
                token = json.loads(request(port, "POST", "/api/v1/sessions",
                                           {"login": handle, "password": fixture["password"]}))["token"]
            except RuntimeError as e:  # a suspended member cannot log in
                print(f"{handle:>16} skipped: {e}")
                continue
            expected = plain_home(db, member, limit)
            for size in (7, 20):
                got = walked_home(port, token, size, limit)
                ok = got == expected
                failed += not ok
                print(f"{handle:>16} page size {size:>2}: {len(got):>7} items "
                      f"{'same' if ok else 'DIFFERENT'}", flush=True)
    finally:
        proc.terminate()
        proc.wait()
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
