#!/usr/bin/env bash
# Investigation helper: one line a second while a benchmark runs, to tell a slow disk or a short page cache from a
# slow query (bench/notes.md items 41 and 43). Columns: time, the disk's reads completed and sectors read so far
# (cumulative, from /proc/diskstats; subtract neighbouring lines for rates), MemAvailable MB, page cache MB,
# huge pages reserved, then the resident MB of each dotnet process by its dll.
#   scripts/bench-monitor.sh [DISK] > monitor.log &     (DISK defaults to the one holding /tmp)
set -euo pipefail
disk=${1:-$(lsblk -no PKNAME "$(df --output=source /tmp | tail -1)" 2>/dev/null || true)}
[ -n "$disk" ] || disk=$(basename "$(df --output=source /tmp | tail -1)")
while true; do
  io=$(awk -v d="$disk" '$3 == d {print $4, $6}' /proc/diskstats)
  mem=$(awk '/^MemAvailable/ {a=$2} /^Cached/ {c=$2} /^HugePages_Total/ {h=$2} END {printf "%d %d %d", a/1024, c/1024, h}' /proc/meminfo)
  rss=$( (ps -C dotnet -o rss=,args= || true) | awk '{n="?"; for (i=2; i<=NF; i++) if ($i ~ /\.dll$/) {n=$i; sub(".*/", "", n)}; printf "%s:%d ", n, $1/1024}')
  echo "$(date +%T) $io $mem $rss"
  sleep 1
done
