#!/usr/bin/env bash
# The one test command (README, .ci/run): installs and starts what the tests need, runs every test
# project, stops what it started, and ends with "Tests: N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
results="$root/TestResults"
rm -rf "$results" && mkdir -p "$results"

need_apt=()
[ -x /usr/lib/postgresql/15/bin/initdb ] || need_apt+=(postgresql-15)
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
command -v wrk >/dev/null || need_apt+=(wrk)
command -v python3 >/dev/null || need_apt+=(python3)
# The email tests run Debian's aiosmtpd (with Debian's own python3) as their SMTP server.
/usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null || need_apt+=(python3-aiosmtpd)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "Installing ${need_apt[*]}..."
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

read -r pg_port pg_dir < <(scripts/start-postgres.sh) || { echo "Could not start PostgreSQL"; echo "Tests: 0 passed, 1 failed, 0 skipped"; exit 1; }
cleanup() { scripts/stop-postgres.sh "$pg_dir"; }
trap cleanup EXIT
export RAPPORT_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Pooling=true;Maximum Pool Size=20"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet build Rapport.slnx -c Release -nologo -v quiet -clp:ErrorsOnly
build_status=$?
if [ $build_status -ne 0 ]; then
  echo "Build failed"
  echo "Tests: 0 passed, 1 failed, 0 skipped"
  exit 1
fi

status=0
for project in tests/*/*.csproj; do
  name=$(basename "$project" .csproj)
  echo "== $name"
  dotnet test "$project" -c Release --no-build -nologo \
    --logger "trx;LogFileName=$name.trx" --results-directory "$results" || status=1
done

# Sum the counters of every TRX file into the closing line.
read -r passed failed skipped < <(python3 - "$results" <<'PY'
import sys, glob, xml.etree.ElementTree as ET
p = f = s = 0
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
for path in glob.glob(sys.argv[1] + "/*.trx"):
    c = ET.parse(path).getroot().find("t:ResultSummary/t:Counters", ns)
    p += int(c.get("passed", 0)); f += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0))
    s += int(c.get("total", 0)) - int(c.get("executed", 0))
print(p, f, s)
PY
)
count=$(ls "$results"/*.trx 2>/dev/null | wc -l)
expected=$(ls tests/*/*.csproj | wc -l)
if [ "$count" -lt "$expected" ]; then status=1; failed=$((failed + expected - count)); fi
if [ "${failed:-1}" -gt 0 ] || [ "${passed:-0}" -eq 0 ]; then status=1; fi
echo "Tests: ${passed:-0} passed, ${failed:-0} failed, ${skipped:-0} skipped"
exit $status
