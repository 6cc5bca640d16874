#!/usr/bin/env bash
# Runs the C# BenchmarkDotNet suite and the peers (numba, C/OpenMP, Cython) back to back on this machine, then rewrites the
# generated part of docs/benchmarks.md (between <!-- report:begin --> and <!-- report:end -->) and its two charts.
#
#   benchmarks/compare.sh                       # everything: the issue-6 classes, the [Vectorise] ones, all four peer kernels
#   benchmarks/compare.sh --maxIterationCount 20   # extra arguments go to BenchmarkDotNet
#
# Environment:
#   BENCH_FILTER      BenchmarkDotNet --filter globs, space-separated (default: every issue-6 class and the [Vectorise] ones)
#   BENCH_JOB         BenchmarkDotNet job arguments (default: --job short --warmupCount 3 --iterationCount 9)
#   BDN_RESULTS       a directory of existing *-report-full-compressed.json files: skip the C# run and report on these
#   PEERS_DIR         the peers' directory (default: ../shared/peers beside the repository)
#   PEERS_KERNELS     peer kernels to run (default: sum mandel dist table)
#   PEERS_THREADS     thread counts for the peers (default: 1 2)
#   PEERS_RESULTS     a peers JSON-lines file to use instead of running the peers (needed where numba is not installed)
#   COMPARE_OUT       where the run's files go (default: BenchmarkDotNet.Artifacts/compare, git-ignored)
#   REPORT_DOC        the document to rewrite (default: docs/benchmarks.md; the charts go beside it)
# The peers need Debian's python3-numba python3-numpy cython3 python3-dev gcc (run.sh uses /usr/bin/python3).
# The full run takes about 35 minutes on the project's 2-core machine (NestedRegions alone, in seven rounds, 8); keep the
# machine otherwise idle.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

DEFAULT_FILTER="*SumKernel* *MandelbrotKernel* *DistanceKernel* *TableKernel* *SumSweep* *SumInLoop* *RegionOverhead* *NestedRegions* *VectoriseMandelbrot* *VectoriseAxpy*"
read -r -a FILTER <<< "${BENCH_FILTER:-$DEFAULT_FILTER}"
read -r -a JOB <<< "${BENCH_JOB:---job short --warmupCount 3 --iterationCount 9}"
PEERS_DIR="${PEERS_DIR:-$ROOT/../shared/peers}"
read -r -a PEER_KERNELS <<< "${PEERS_KERNELS:-sum mandel dist table}"
export PEERS_THREADS="${PEERS_THREADS:-1 2}"
OUT="${COMPARE_OUT:-$ROOT/BenchmarkDotNet.Artifacts/compare}"
mkdir -p "$OUT"

# 1. The C# suite, into a clean artifacts folder so that no older class's export is reported.
if [ -n "${BDN_RESULTS:-}" ]; then
    RESULTS="$BDN_RESULTS"
    echo "compare.sh: reporting on the C# results in $RESULTS (BDN_RESULTS); the C# suite is not run." >&2
else
    rm -rf "$OUT/bdn"
    echo "compare.sh: C# suite: ${FILTER[*]} (${JOB[*]} $*)" >&2
    dotnet run -c Release --project benchmarks/AutoParallel.Benchmarks -- \
        --filter "${FILTER[@]}" --exporters json --artifacts "$OUT/bdn" "${JOB[@]}" "$@"
    RESULTS="$OUT/bdn/results"
fi

# 2. The peers, right after, on the same machine; their stderr (machine, versions, quiet-machine guard) is kept for the report.
PEERS_FILE="$OUT/peers.jsonl"
PEERS_INFO="$OUT/peers.info"
if [ -n "${PEERS_RESULTS:-}" ]; then
    echo "compare.sh: using the peers' results in $PEERS_RESULTS (PEERS_RESULTS); the peers are not run." >&2
    PEERS_FILE="$PEERS_RESULTS"
    PEERS_INFO="${PEERS_RESULTS%.*}.info"
elif ! /usr/bin/python3 -c 'import numba' 2>/dev/null; then
    echo "compare.sh: /usr/bin/python3 cannot import numba, so the peers cannot run." >&2
    echo "  Install Debian's python3-numba python3-numpy cython3 python3-dev gcc, or pass PEERS_RESULTS=<peers.jsonl>" >&2
    echo "  (for example ${PEERS_DIR}/results.jsonl, measured earlier on this project's machine)." >&2
    echo "  The C# results are in $RESULTS; rerun with BDN_RESULTS=$RESULTS to report without running them again." >&2
    exit 1
elif [ ! -x "$PEERS_DIR/run.sh" ]; then
    echo "compare.sh: no peers at $PEERS_DIR (set PEERS_DIR)." >&2
    exit 1
else
    echo "compare.sh: peers: ${PEER_KERNELS[*]} at threads $PEERS_THREADS" >&2
    # stdout (JSON) to the results file; stderr both to the terminal and to the info file (the pipeline waits for tee).
    { "$PEERS_DIR/run.sh" "${PEER_KERNELS[@]}" 2>&1 1>&3 | tee "$PEERS_INFO" >&2; } 3> "$PEERS_FILE"
fi

# 3. The report: docs/benchmarks.md between its markers, docs/benchmarks-sum.png, docs/benchmarks-mandelbrot.png.
REPORT_ARGS=(--bdn "$RESULTS" --doc "${REPORT_DOC:-docs/benchmarks.md}" --peers "$PEERS_FILE")
if [ -f "$PEERS_INFO" ]; then REPORT_ARGS+=(--peers-info "$PEERS_INFO"); fi
dotnet run -c Release --project benchmarks/AutoParallel.Report -- "${REPORT_ARGS[@]}"
