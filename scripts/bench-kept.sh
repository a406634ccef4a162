#!/usr/bin/env bash
# Investigation helper: serves a database kept by `scripts/bench.sh --keep` with the current Release build and runs
# wrk scenarios against it, so a change can be measured without generating the data again. Prints wrk's output.
# SCENARIO may be a comma-separated list (e.g. search-q,create): they run in that order against one server process,
# because what one scenario leaves behind can slow the next. On SQLite the write-ahead log's size follows each one.
# BENCH_WARMUP (seconds, default 3) sets the unrecorded warm-up before each scenario; 0 skips it.
# RAPPORT_DLL serves another build (e.g. a `dotnet publish` output) instead of the Release build; DOTNET_TieredCompilation
# (default 0, as the bench runs) set to 1 measures the server as production runs it.
#   scripts/bench-kept.sh sqlite|postgres CONNECTION-STRING DATA-DIRECTORY API-KEY SCENARIO[,SCENARIO…] [CONNECTIONS] [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
provider=$1 connection=$2 directory=$3 key=$4 scenario=$5 connections=${6:-16} seconds=${7:-5}
dll=${RAPPORT_DLL:-src/Rapport/bin/Release/net10.0/rapport.dll}
[ -n "${RAPPORT_DLL:-}" ] || dotnet build src/Rapport -c Release -nologo -v quiet -clp:ErrorsOnly >&2
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
Rapport__Database__Provider=$provider ConnectionStrings__Rapport="$connection" Rapport__DataDirectory="$directory" \
  Rapport__Demo__Seed=false Logging__LogLevel__Default=Warning ASPNETCORE_ENVIRONMENT=Production DOTNET_TieredCompilation=${DOTNET_TieredCompilation:-0} \
  dotnet "$dll" --urls "http://127.0.0.1:$port" >/dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 0.5; done
export RAPPORT_WRK_DIR="$(pwd)/bench/wrk" BENCH_INPUT="$directory/wrk-input" BENCH_KEY="$key"
threads=$(( connections < 2 ? 1 : 2 ))
warmup=${BENCH_WARMUP:-3}
database=$(sed -n 's/.*Data Source=\([^;]*\).*/\1/p' <<<"$connection")
for name in ${scenario//,/ }; do
  echo "== $name"
  if [ "$warmup" -gt 0 ]; then
    wrk -t "$threads" -c "$connections" -d "${warmup}s" -s "bench/wrk/$name.lua" "http://127.0.0.1:$port" >/dev/null
  fi
  wrk -t "$threads" -c "$connections" -d "${seconds}s" --timeout 10s --latency -s "bench/wrk/$name.lua" "http://127.0.0.1:$port" | grep -E "Requests/sec|BENCH_JSON|Non-2xx|Socket"
  if [ "$provider" = sqlite ] && [ -f "$database-wal" ]; then echo "   write-ahead log: $(stat -c %s "$database-wal") bytes"; fi
done
