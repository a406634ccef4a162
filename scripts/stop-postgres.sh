#!/usr/bin/env bash
# Stops a cluster started by scripts/start-postgres.sh and removes its files.
set -uo pipefail
base=${1:?usage: stop-postgres.sh DATADIR}
[ -d "$base/data" ] || exit 0
runuser -u postgres -- /usr/lib/postgresql/15/bin/pg_ctl -D "$base/data" -m fast -w stop >/dev/null 2>&1 || true
rm -rf "$base"
