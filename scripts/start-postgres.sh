#!/usr/bin/env bash
# Starts a private PostgreSQL 15 cluster on a free loopback port for the tests.
# Prints "PORT DATADIR" on stdout; stop it with scripts/stop-postgres.sh DATADIR.
# RAPPORT_PG_SETTINGS adds server settings (e.g. "-c shared_buffers=6GB"): scripts/bench.sh sets production's.
set -euo pipefail

pg_bin=$(ls -d /usr/lib/postgresql/15/bin 2>/dev/null || true)
if [ -z "$pg_bin" ]; then
  echo "Installing PostgreSQL 15..." >&2
  apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 >&2
  pg_bin=/usr/lib/postgresql/15/bin
fi

# initdb refuses to run as root: the cluster belongs to the postgres user, in a directory it can reach.
base=$(mktemp -d /tmp/rapport-pg.XXXXXX)
chmod 755 "$base"
mkdir -p "$base/data" "$base/socket"
chown -R postgres:postgres "$base"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
runuser -u postgres -- "$pg_bin/initdb" -D "$base/data" --auth=trust --username=postgres --encoding=UTF8 --locale=C.UTF-8 >/dev/null
runuser -u postgres -- "$pg_bin/pg_ctl" -D "$base/data" -l "$base/server.log" -w \
  -o "-p $port -k $base/socket -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300 ${RAPPORT_PG_SETTINGS:-}" start >/dev/null
echo "$port $base"
