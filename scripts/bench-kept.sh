#!/usr/bin/env bash
# Investigation helper: serves a database kept by `scripts/bench.sh --keep` with the current Release build and runs
# one wrk scenario against it, so a change can be measured without generating the data again. Prints wrk's output.
#   scripts/bench-kept.sh sqlite|postgres CONNECTION-STRING DATA-DIRECTORY API-KEY SCENARIO [CONNECTIONS] [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
provider=$1 connection=$2 directory=$3 key=$4 scenario=$5 connections=${6:-16} seconds=${7:-5}
dotnet build src/Rapport -c Release -nologo -v quiet -clp:ErrorsOnly >&2
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
Rapport__Database__Provider=$provider ConnectionStrings__Rapport="$connection" Rapport__DataDirectory="$directory" \
  Rapport__Demo__Seed=false Logging__LogLevel__Default=Warning ASPNETCORE_ENVIRONMENT=Production DOTNET_TieredCompilation=0 \
  dotnet src/Rapport/bin/Release/net10.0/rapport.dll --urls "http://127.0.0.1:$port" >/dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 0.5; done
export RAPPORT_WRK_DIR="$(pwd)/bench/wrk" BENCH_INPUT="$directory/wrk-input" BENCH_KEY="$key"
threads=$(( connections < 2 ? 1 : 2 ))
wrk -t "$threads" -c "$connections" -d 3s -s "bench/wrk/$scenario.lua" "http://127.0.0.1:$port" >/dev/null # warm-up
wrk -t "$threads" -c "$connections" -d "${seconds}s" --timeout 10s --latency -s "bench/wrk/$scenario.lua" "http://127.0.0.1:$port" | grep -E "Requests/sec|BENCH_JSON|Non-2xx|Socket"
