#!/usr/bin/env python3
"""Fan-out of one notification to many open streams of its recipient.

Starts `kring serve` on a fresh data directory (rate limits off, so that one
member may hold every stream), registers a recipient and a follower, opens
STREAMS Server-Sent Events streams (GET /api/v1/stream) as the recipient,
then ROUNDS times: the follower follows (timed: the request that publishes
the notification) and we wait until every stream has received it (timed:
delivered to all), then unfollows (untimed). Prints the median and 90th
percentile of both, for 0 streams and for STREAMS streams.

Loopback only; every loop is bounded in count and time. Needs `ulimit -n`
above STREAMS + 100 for both this script and the server (it inherits ours).

    bench/streams_fanout.py --kring build/kring [--streams 1000] [--rounds 30]
"""
import argparse
import http.client
import json
import os
import resource
import selectors
import shutil
import socket
import statistics
import sys
import tempfile
import time

from kring_server import start_server

PASSWORD = "correct horse battery"


class Api:
    def __init__(self, port):
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)

    def call(self, method, path, body=None, token=None):
        headers = {"Content-Type": "application/json"}
        if token:
            headers["Authorization"] = "Bearer " + token
        self.conn.request(method, path, body=json.dumps(body) if body is not None else None,
                          headers=headers)
        resp = self.conn.getresponse()
        data = resp.read()
        if resp.status >= 300:
            sys.exit(f"{method} {path}: {resp.status} {data[:300]!r}")
        return json.loads(data) if data else None


def open_streams(port, token, count):
    """Opens count streams and waits until each sent its first unread event."""
    sel = selectors.DefaultSelector()
    request = (f"GET /api/v1/stream HTTP/1.1\r\nHost: 127.0.0.1\r\n"
               f"Authorization: Bearer {token}\r\nAccept: text/event-stream\r\n\r\n").encode()
    buffers = {}
    for _ in range(count):
        s = socket.create_connection(("127.0.0.1", port), timeout=30)
        s.sendall(request)
        s.setblocking(False)
        sel.register(s, selectors.EVENT_READ)
        buffers[s] = b""
    wait_for_all(sel, buffers, b"event: unread", deadline_s=120)
    return sel, buffers


def wait_for_all(sel, buffers, marker, deadline_s):
    """Reads every stream until each buffer holds marker; clears what was read."""
    pending = {s for s, b in buffers.items() if marker not in b}
    deadline = time.monotonic() + deadline_s
    while pending:
        if time.monotonic() > deadline:
            sys.exit(f"{len(pending)} streams did not receive {marker!r}")
        for key, _ in sel.select(timeout=1):
            s = key.fileobj
            chunk = s.recv(65536)
            if not chunk:
                sys.exit("a stream ended")
            buffers[s] += chunk
            if marker in buffers[s]:
                pending.discard(s)
    for s in buffers:
        buffers[s] = b""


def measure(port, recipient, follower, streams, rounds):
    sel, buffers = open_streams(port, recipient["token"], streams) if streams else (None, {})
    api = Api(port)
    follow_ms, delivered_ms = [], []
    path = f"/api/v1/members/{recipient['member']['handle']}/follow"
    for _ in range(rounds):
        started = time.perf_counter()
        api.call("POST", path, token=follower["token"])
        follow_ms.append((time.perf_counter() - started) * 1000)
        if streams:
            wait_for_all(sel, buffers, b"event: notification", deadline_s=60)
            delivered_ms.append((time.perf_counter() - started) * 1000)
        api.call("DELETE", path, token=follower["token"])
    for s in buffers:
        s.close()
    return follow_ms, delivered_ms


def summary(values):
    if not values:
        return "-"
    ordered = sorted(values)
    p90 = ordered[min(len(ordered) - 1, int(round(0.9 * (len(ordered) - 1))))]
    return f"median {statistics.median(ordered):.2f} ms, p90 {p90:.2f} ms"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kring", default="build/kring")
    parser.add_argument("--streams", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args()
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    want = args.streams + 200
    if soft < want:
        resource.setrlimit(resource.RLIMIT_NOFILE, (min(want, hard), hard))

    work = tempfile.mkdtemp(prefix="kring-fanout-")
    proc, port = start_server(args.kring, os.path.join(work, "data"), os.path.join(work, "no-web"),
                              os.path.join(work, "server.log"))
    try:
        api = Api(port)
        recipient = api.call("POST", "/api/v1/accounts", {
            "handle": "recipient", "email": "recipient@example.org", "password": PASSWORD})
        follower = api.call("POST", "/api/v1/accounts", {
            "handle": "follower", "email": "follower@example.org", "password": PASSWORD})
        for streams in (0, args.streams):
            follow_ms, delivered_ms = measure(port, recipient, follower, streams, args.rounds)
            print(f"{streams:5d} streams: follow request {summary(follow_ms)}; "
                  f"delivered to all {summary(delivered_ms)}")
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
