#!/usr/bin/env bash
# Builds every libFuzzer target (fuzz/http and fuzz/graph) with clang in
# build-fuzz and runs each for FUZZ_SECONDS (default 60) on a scratch copy
# of its seed corpus. Before fuzzing, each target replays its
# crash-repro-* inputs: they stay in the corpus as regression tests once the
# bug is fixed, and fail the run while it is not.
# Exit status: 0 when nothing crashed, 1 otherwise. See fuzz/README.md.
#
#   FUZZ_SECONDS=300 fuzz/run_all.sh            # all targets, 5 minutes each
#   fuzz/run_all.sh fuzz_time fuzz_cursor       # only these
#   FUZZ_JOBS=2 ...                             # ninja -j (default 2)
set -u -o pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$repo/build-fuzz}
seconds=${FUZZ_SECONDS:-60}
jobs=${FUZZ_JOBS:-2}

if [[ ! -f $build/build.ninja ]]; then
  CC=clang CXX=clang++ cmake -S "$repo" -B "$build" -G Ninja -DKRING_FUZZ=ON \
    -DKRING_BENCH=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo || exit 1
fi

# Every fuzz_* executable the fuzz/ tree defines, from ninja's own target list.
mapfile -t targets < <(ninja -C "$build" -t targets all 2>/dev/null |
  sed -n 's#^fuzz/[a-z_]*/\(fuzz_[a-z0-9_]*\): CXX_EXECUTABLE_LINKER.*#\1#p' | sort -u)
if (($# > 0)); then targets=("$@"); fi
if ((${#targets[@]} == 0)); then
  echo "run_all: no fuzz_* targets; was build-fuzz configured with -DKRING_FUZZ=ON?" >&2
  exit 1
fi
ninja -C "$build" -j "$jobs" "${targets[@]}" || exit 1

# Seed corpus of a target: fuzz/corpus/<target>, else the graph readers'
# fuzz/graph/corpus/<format> (fuzz_graph_gml -> gml).
corpus_of() {
  local t=$1
  if [[ -d $repo/fuzz/corpus/$t ]]; then echo "$repo/fuzz/corpus/$t"; return; fi
  if [[ -d $repo/fuzz/graph/corpus/${t#fuzz_graph_} ]]; then
    echo "$repo/fuzz/graph/corpus/${t#fuzz_graph_}"
  fi
}

scratch=$(mktemp -d "${TMPDIR:-/tmp}/kring-fuzz.XXXXXX")
echo "run_all: scratch corpora and crash files in $scratch"
failed=()
summary=()
for t in "${targets[@]}"; do
  exe=$(find "$build/fuzz" -type f -name "$t" -perm -u+x | head -1)
  if [[ -z $exe ]]; then failed+=("$t (not built)"); continue; fi
  work=$scratch/$t
  mkdir -p "$work/corpus" "$work/artifacts"
  seeds=$(corpus_of "$t")
  repros=()
  if [[ -n $seeds ]]; then
    for f in "$seeds"/*; do
      [[ -f $f ]] || continue
      case $(basename "$f") in
        crash-repro-*) repros+=("$f") ;;
        *) cp "$f" "$work/corpus/" ;;
      esac
    done
  fi

  if ((${#repros[@]} > 0)); then
    echo "== $t: replaying ${#repros[@]} crash-repro input(s)"
    for f in "${repros[@]}"; do
      if ! "$exe" -runs=1 "$f" >"$work/repro-$(basename "$f").log" 2>&1; then
        echo "   STILL CRASHES: $f (log: $work/repro-$(basename "$f").log)"
        failed+=("$t: $(basename "$f")")
      fi
    done
  fi

  echo "== $t: fuzzing ${seconds}s"
  "$exe" "$work/corpus" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$work/artifacts/" >"$work/fuzz.log" 2>&1
  status=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/fuzz.log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$work/fuzz.log" | tail -1)
  summary+=("$(printf '%-28s %10s execs %8s exec/s  exit %s' "$t" "${execs:-?}" "${rate:-?}" "$status")")
  if ((status != 0)); then
    echo "   CRASH: see $work/fuzz.log and $work/artifacts/"
    grep -m3 -E 'invariant broken|ERROR: |runtime error' "$work/fuzz.log" | sed 's/^/   /'
    failed+=("$t: fuzzing (exit $status)")
  fi
done

echo
printf '%s\n' "${summary[@]}"
if ((${#failed[@]} > 0)); then
  echo
  echo "run_all: FAILED:"
  printf '  %s\n' "${failed[@]}"
  exit 1
fi
echo "run_all: no crashes"
rm -rf "$scratch"
