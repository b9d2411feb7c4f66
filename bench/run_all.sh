#!/usr/bin/env bash
# Runs kring's benchmarks and writes their results as markdown (`make bench`):
#   $OUT/feeds.md  the feed read path on 1M items: server time per page, and
#                  GET /api/v1/feeds/home against a static file over HTTP
#   $OUT/items.md  the map box, the ideas board and the duplicate check on 1M
#                  items: server time per call, and GET /api/v1/items against
#                  a static file over HTTP
#   $OUT/graph.md  every network metric, kring vs networkx vs igraph
# Benchmarks, not tests: they time, they do not pass or fail. Run them on a
# quiet machine; other load shows up as wall time above CPU time.
#
# Environment (all optional):
#   BUILD          build directory with kring and the bench binaries (build)
#   OUT            where results go ($BUILD/bench)
#   ONLY           feeds, items, matching or graph: run just that one
#   GRAPH_SIZES    graph sizes in nodes (10000,100000)
#   FEED_REPS      repetitions of each feed benchmark; the median is reported (5)
#   ITEMS_REPS     repetitions of each items benchmark; the median is reported (5)
#   HTTP_DURATION  seconds of wrk per HTTP path (10)
#   KRING_FEED_ITEMS, KRING_FEED_MEMBERS, KRING_FEED_SPACES, KRING_FEED_DATA
#                  the feed fixture's size and place (bench/store/feed_fixture.h);
#                  built once (about 80 s for 1M items) and cached
#   KRING_ITEMS_ITEMS, KRING_ITEMS_MEMBERS, KRING_ITEMS_SPACES, KRING_ITEMS_DATA
#                  the items fixture's (bench/items/items_fixture.h); built
#                  once and cached the same way
set -euo pipefail

cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
OUT=${OUT:-$BUILD/bench}
ONLY=${ONLY:-}
GRAPH_SIZES=${GRAPH_SIZES:-10000,100000}
FEED_REPS=${FEED_REPS:-5}
ITEMS_REPS=${ITEMS_REPS:-5}
HTTP_DURATION=${HTTP_DURATION:-10}
mkdir -p "$OUT"

need() {
  if [[ ! -x $1 ]]; then
    echo "run_all.sh: $1 is missing; build first (cmake --build $BUILD)" >&2
    exit 1
  fi
}

run_feeds() {
  need "$BUILD/kring"
  need "$BUILD/bench/store/kring_feed_fixture"
  need "$BUILD/bench/store/kring_feed_bench"
  if ! command -v wrk >/dev/null; then
    echo "run_all.sh: wrk is missing (apt-get install -y wrk)" >&2
    exit 1
  fi
  local data
  data=$("$BUILD/bench/store/kring_feed_fixture")
  echo "== feeds: fixture $data"
  "$BUILD/bench/store/kring_feed_bench" \
    --benchmark_repetitions="$FEED_REPS" --benchmark_report_aggregates_only=true \
    --benchmark_out="$OUT/feeds.json" --benchmark_out_format=json
  echo "== feeds: HTTP, home feed vs static file"
  ./bench/store/http_feed_bench.py --kring "$BUILD/kring" --data "$data" \
    --duration "$HTTP_DURATION" --out "$OUT/feeds_http.json" >/dev/null
  ./bench/store/feeds_report.py --bench "$OUT/feeds.json" --http "$OUT/feeds_http.json" \
    --fixture "$data" --out "$OUT/feeds.md"
}

run_items() {
  need "$BUILD/kring"
  need "$BUILD/bench/items/kring_items_fixture"
  need "$BUILD/bench/items/kring_items_bench"
  if ! command -v wrk >/dev/null; then
    echo "run_all.sh: wrk is missing (apt-get install -y wrk)" >&2
    exit 1
  fi
  local data
  data=$("$BUILD/bench/items/kring_items_fixture")
  echo "== items: fixture $data"
  "$BUILD/bench/items/kring_items_bench" \
    --benchmark_repetitions="$ITEMS_REPS" --benchmark_report_aggregates_only=true \
    --benchmark_out="$OUT/items.json" --benchmark_out_format=json
  echo "== items: HTTP, map box and ideas board vs static file"
  ./bench/items/http_items_bench.py --kring "$BUILD/kring" --data "$data" \
    --duration "$HTTP_DURATION" --out "$OUT/items_http.json" >/dev/null
  ./bench/items/items_report.py --bench "$OUT/items.json" --http "$OUT/items_http.json" \
    --fixture "$data" --out "$OUT/items.md"
}

run_matching() {
  need "$BUILD/bench/matching/kring_matching_bench"
  echo "== matching: matches for a request among 1M members"
  "$BUILD/bench/matching/kring_matching_bench" >"$OUT/matching.md"
}

run_graph() {
  need "$BUILD/kring"
  need "$BUILD/bench/graph/kring_graph_generate"
  echo "== graph: sizes $GRAPH_SIZES"
  ./bench/graph/run_bench.py --kring "$BUILD/kring" \
    --generate "$BUILD/bench/graph/kring_graph_generate" \
    --sizes "$GRAPH_SIZES" --graphs "$OUT/graphs" --out "$OUT/graph.md"
}

[[ -z $ONLY || $ONLY == feeds ]] && run_feeds
[[ -z $ONLY || $ONLY == items ]] && run_items
[[ -z $ONLY || $ONLY == matching ]] && run_matching
[[ -z $ONLY || $ONLY == graph ]] && run_graph
echo "results in $OUT/"
