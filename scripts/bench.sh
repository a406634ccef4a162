#!/usr/bin/env bash
# The benchmark command (docs/benchmarks.md):
#   scripts/bench.sh --contacts 10k,100k,1M --provider sqlite|postgres|both [--duration 10] [--connections 16] [--label TEXT]
#   scripts/bench.sh --report-only      re-renders docs/benchmarks.md from bench/results (e.g. after editing bench/notes.md)
#   add --scenarios get-by-id,list-deep to run only those (an investigation: nothing saved, docs untouched);
#   add --keep to leave the product database in place (its connection string and an API key are printed),
#   e.g. to look at query plans (a PostgreSQL cluster it started is left running too), then measure one scenario on it
#   with scripts/bench-kept.sh; add --no-markdown to save results without touching docs/benchmarks.md.
# Installs wrk if missing, starts a private PostgreSQL when a PostgreSQL run is asked for, builds Release, runs
# bench/Rapport.Bench, and writes bench/results/*.json and docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v wrk >/dev/null; then
  echo "Installing wrk..." >&2
  apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >&2
fi

pg_dir="" huge_pages_before=""
cleanup() {
  # --keep promises the database: leave its cluster (and its huge pages) running and say how to stop it.
  if [[ " $* " == *" --keep "* ]] && [ -n "$pg_dir" ]; then
    echo "PostgreSQL left running; stop it with scripts/stop-postgres.sh $pg_dir" >&2
    # The huge pages stay reserved after the cluster stops, and a later SQLite run would have that much less page
    # cache: 6.4 GB of it went missing that way for hours (bench/notes.md item 43).
    [ -z "$huge_pages_before" ] || echo "then release its huge pages: echo $huge_pages_before > /proc/sys/vm/nr_hugepages" >&2
    return 0
  fi
  [ -z "$pg_dir" ] || scripts/stop-postgres.sh "$pg_dir"
  [ -z "$huge_pages_before" ] || echo "$huge_pages_before" > /proc/sys/vm/nr_hugepages
}
trap 'cleanup "$@"' EXIT
if [[ " $* " == *" postgres "* || " $* " == *" both "* ]] && [ -z "${RAPPORT_BENCH_POSTGRES:-}" ]; then
  # Memory as a production server is set up (docs/database.md): a quarter of RAM for shared buffers, in 2 MB huge
  # pages where the kernel grants them. Each backend maps the buffers itself, and on this VM faulting them in 4 kB
  # at a time made 16 searches at once 3-4x slower than one (bench/notes.md item 22).
  mem_mb=$(( $(awk '/MemTotal/ {print $2}' /proc/meminfo) / 1024 ))
  shared_mb=$(( mem_mb / 4 )) huge=try
  if [ -w /proc/sys/vm/nr_hugepages ]; then
    huge_pages_before=$(cat /proc/sys/vm/nr_hugepages)
    in_use=$(awk '/HugePages_Total/ {t=$2} /HugePages_Free/ {f=$2} END {print t-f}' /proc/meminfo) # e.g. the tests' cluster
    pages=$(( in_use + shared_mb / 2 + 256 )) # the buffers plus PostgreSQL's other shared memory
    echo "$pages" > /proc/sys/vm/nr_hugepages || true
    [ "$(cat /proc/sys/vm/nr_hugepages)" -ge "$pages" ] && huge=on
  fi
  export RAPPORT_PG_SETTINGS="-c shared_buffers=${shared_mb}MB -c huge_pages=$huge -c effective_cache_size=$(( mem_mb / 2 ))MB"
  read -r pg_port pg_dir < <(scripts/start-postgres.sh)
  export RAPPORT_BENCH_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres"
fi

if [ -z "$huge_pages_before" ] && [[ " $* " != *" --report-only "* ]]; then
  total=$(awk '/HugePages_Total/ {print $2}' /proc/meminfo 2>/dev/null || echo 0)
  free=$(awk '/HugePages_Free/ {print $2}' /proc/meminfo 2>/dev/null || echo 0)
  if [ "${total:-0}" -gt 0 ] && [ "$total" = "$free" ]; then
    echo "warning: $total huge pages are reserved and unused (e.g. left by a --keep run): the page cache cannot use them," >&2
    echo "  and SQLite at 1M reads from disk what would have been cached. Release them: echo 0 > /proc/sys/vm/nr_hugepages" >&2
  fi
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build src/Rapport -c Release -nologo -v quiet -clp:ErrorsOnly
dotnet build bench/Rapport.Bench -c Release -nologo -v quiet -clp:ErrorsOnly
# Fully optimised JIT from the first call, for the raw baselines in this process as for the server it starts:
# short runs then measure steady-state code even when the machine is busy.
DOTNET_TieredCompilation=0 dotnet bench/Rapport.Bench/bin/Release/net10.0/rapport-bench.dll "$@"
