#!/usr/bin/python3
"""Writes the items benchmarks' results as markdown.

    bench/items/items_report.py --bench ITEMS.json --http HTTP.json --fixture DIR --out ITEMS.md

ITEMS.json is kring_items_bench's --benchmark_out (JSON, with repetitions: the
median is reported), HTTP.json is http_items_bench.py's --out, DIR the fixture
(its fixture.json). The machine is taken from /proc and lscpu.
"""
import argparse
import datetime
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "store"))
from feeds_report import commit, machine  # noqa: E402

# Issue 10's speed paragraph: the row that stands for each target, and the budget.
TARGETS = [
    ("map box of a city district", "map/utrecht_lombok/new/limit_100", 10.0),
    ("ideas board by votes", "ideas/votes/first_page", 5.0),
    ("duplicate check", "similar/place_category", 10.0),
]


def rows(bench):
    """name -> dict of real, cpu (ms) and the counters, median of the repetitions."""
    out = {}
    for b in bench["benchmarks"]:
        if b.get("run_type") == "aggregate" and b.get("aggregate_name") != "median":
            continue
        name = b.get("run_name", b["name"])
        scale = {"ns": 1e-6, "us": 1e-3, "ms": 1.0, "s": 1e3}[b.get("time_unit", "ns")]
        if b.get("run_type") == "aggregate" or name not in out:
            out[name] = {"real": b["real_time"] * scale, "cpu": b["cpu_time"] * scale,
                         **{k: b.get(k) for k in ("items", "p50_ms", "p90_ms", "p99_ms",
                                                  "cpu_p50_ms", "cpu_p99_ms")}}
    return out


def fmt(x, digits=3):
    return "" if x is None else f"{x:.{digits}f}"


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
    o, c = fixture["options"], fixture["civic"]
    r = rows(bench)
    districts = ", ".join(f"{d['name']} {d['items']:,}" for d in fixture["districts"])
    lines = [
        "# Items: the map, the ideas board, the duplicate check",
        "",
        f"{datetime.date.today().isoformat()}, commit {commit()}. Machine: {machine()}.",
        "",
        f"Fixture (bench/items/items_fixture.h): {o['items']:,} items by {o['members']:,} members "
        f"in {o['spaces']:,} spaces, of them {c['ideas']:,} ideas ({c['municipality_ideas']:,} "
        f"in {fixture['municipality']}) and {c['reports']:,} reports "
        f"({c['municipality_reports']:,} to it); {c['located']:,} with a place; "
        f"{c['votes']:,} votes. Built in {fixture['build_seconds']:.0f} s. Items in each timed "
        f"box: {districts}. Viewer: `{fixture['viewer']}`.",
        "",
        "## Server time per call",
        "",
        "Store rows call the store function alone (store::list_item_ids, "
        "store::similar_open_items) in a read transaction; `server` rows call what the HTTP "
        "handler calls (social::ItemListing::list and the like: filters, policy, item views). "
        f"Median of {bench['benchmarks'][0].get('repetitions', 1)} repetitions (Google "
        "Benchmark); p50/p99 are of single calls within a repetition, wall and thread CPU.",
        "",
        "| query | wall ms | CPU ms | CPU p50 | CPU p99 | wall p50 | wall p99 | items |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, x in r.items():
        lines.append(f"| {name} | {fmt(x['real'])} | {fmt(x['cpu'])} | {fmt(x['cpu_p50_ms'])} | "
                     f"{fmt(x['cpu_p99_ms'])} | {fmt(x['p50_ms'])} | {fmt(x['p99_ms'])} | "
                     f"{fmt(x['items'], 0)} |")
    lines += ["", "| target | row | CPU ms | budget | |", "|---|---|---:|---:|---|"]
    for label, name, budget in TARGETS:
        x = r.get(name)
        if x is None:
            lines.append(f"| {label} | {name} | not run | {budget:g} ms | |")
            continue
        verdict = "within" if x["cpu"] < budget else "OVER"
        lines.append(f"| {label} | {name} | {x['cpu']:.2f} | {budget:g} ms | {verdict} |")
    h = http["results"]
    lines += [
        "",
        "## Over HTTP, against the static-file peer",
        "",
        f"`kring serve --threads {http['server_threads']}`, wrk with {http['connections']} "
        f"keep-alive connection(s) on loopback, {http['duration_s']:g} s per path in "
        f"{http['rounds']} rounds taking turns, the same server (bench/items/http_items_bench.py). "
        "ms/request is connections / rate; the ratio divides it by the static file's in the "
        "same round. Medians of the rounds; p50 and p99 are wrk's.",
        "",
        "| path | items | requests | ms/request | p50 ms | p99 ms | bytes | ratio vs static |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, x in h.items():
        items = "" if x.get("items") is None else f"{x['items']}"
        lines.append(f"| {name} | {items} | {x['requests']:,} | {x['ms_per_request']:.3f} | "
                     f"{x['p50_ms']:.3f} | {x['p99_ms']:.3f} | {x['bytes']:,} | "
                     f"{http['ratio_vs_static'][name]:.1f} |")
    with open(args.out, "w") as f:
        f.write("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
