#!/usr/bin/python3
"""Writes the feed benchmarks' results as markdown.

    bench/store/feeds_report.py --bench FEEDS.json --http HTTP.json --fixture DIR --out FEEDS.md

FEEDS.json is kring_feed_bench's --benchmark_out (JSON, with repetitions: the
median is reported), HTTP.json is http_feed_bench.py's --out, DIR the fixture
(its fixture.json). The machine is taken from /proc and lscpu.
"""
import argparse
import datetime
import json
import os
import subprocess

BUDGET_MS = 5.0  # issue 3, item 4: home feed, 1,000 follows + 50 spaces, 1M items


def machine():
    model = "unknown CPU"
    try:
        out = subprocess.run(["lscpu"], capture_output=True, text=True).stdout
        model = next(l.split(":", 1)[1].strip() for l in out.splitlines()
                     if l.startswith("Model name"))
    except (OSError, StopIteration):
        pass
    mem_kib = next(int(l.split()[1]) for l in open("/proc/meminfo") if l.startswith("MemTotal"))
    return f"{model}, {os.cpu_count()} cores, {mem_kib / 2**20:.0f} GiB"


def commit():
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True,
                             text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"],
                               capture_output=True, text=True).stdout.strip()
        return out + (" (with uncommitted changes)" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def medians(bench):
    """name -> (real ms, cpu ms, items), median of the repetitions."""
    out = {}
    for b in bench["benchmarks"]:
        if b.get("run_type") == "aggregate" and b.get("aggregate_name") != "median":
            continue
        name = b.get("run_name", b["name"])
        scale = {"ns": 1e-6, "us": 1e-3, "ms": 1.0, "s": 1e3}[b.get("time_unit", "ns")]
        if b.get("run_type") == "aggregate" or name not in out:
            out[name] = (b["real_time"] * scale, b["cpu_time"] * scale, b.get("items"))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bench", required=True)
    ap.add_argument("--http", required=True)
    ap.add_argument("--fixture", required=True)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    bench = json.load(open(args.bench))
    http = json.load(open(args.http))
    fixture = json.load(open(os.path.join(args.fixture, "fixture.json")))
    o = fixture["options"]
    rows = medians(bench)
    lines = [
        "# Feed read path",
        "",
        f"{datetime.date.today().isoformat()}, commit {commit()}. Machine: {machine()}.",
        "",
        f"Fixture: {o['items']:,} items by {o['members']:,} members in {o['spaces']:,} spaces "
        f"(bench/store/feed_fixture.h). `reader` follows {o['follows']:,} members, is connected "
        f"to {o['connections']} and has joined {o['joined_spaces']} spaces; `sparse_reader` has "
        "the same counts over the quietest members and spaces.",
        "",
        "## Server time per page (social::Feeds::read, limit 20)",
        "",
        "The call GET /api/v1/feeds/... makes: read rule, mutes, blocks, cursor, and the "
        "item views. `sql_only` is the feed's query alone. Median of "
        f"{bench['benchmarks'][0].get('repetitions', 1)} repetitions "
        "(Google Benchmark).",
        "",
        "| feed | wall ms | CPU ms | items |",
        "|---|---:|---:|---:|",
    ]
    for name, (real, cpu, items) in rows.items():
        count = "" if items is None else f"{items:.0f}"
        lines.append(f"| {name} | {real:.3f} | {cpu:.3f} | {count} |")
    home = rows.get("home/reader/first_page")
    if home:
        verdict = "within" if home[1] < BUDGET_MS else "OVER"
        lines += ["", f"Home feed, first page: {home[1]:.2f} ms CPU, {verdict} the "
                  f"{BUDGET_MS:.0f} ms budget."]
    r = http["results"]
    lines += [
        "",
        "## Over HTTP, against the static-file peer",
        "",
        f"`kring serve --threads {http['server_threads']}`, wrk with "
        f"{http['connections']} keep-alive connection(s) on loopback, {http['duration_s']:g} s "
        f"per path in {http['rounds']} rounds taking turns, the same server "
        "(bench/store/http_feed_bench.py). ms/request is connections / rate; the ratio divides "
        "it by the static file's in the same round. Medians of the rounds; p50 and p99 are "
        "wrk's.",
        "",
        "| path | requests | req/s | ms/request | p50 ms | p99 ms | bytes | ratio vs static |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, x in r.items():
        lines.append(f"| {name} | {x['requests']:,} | {x['requests_per_s']:,.0f} | "
                     f"{x['ms_per_request']:.3f} | {x['p50_ms']:.3f} | {x['p99_ms']:.3f} | "
                     f"{x['bytes']:,} | {http['ratio_vs_static'][name]:.1f} |")
    with open(args.out, "w") as f:
        f.write("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
