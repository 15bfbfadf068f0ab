#!/usr/bin/env bash
# Benchmark of the managers' dashboard on PostgreSQL (issue 6: under 1 s for a month): starts a
# throwaway PostgreSQL server (Debian package `postgresql`) listening on loopback only, runs
# `python -m tools.indicators_bench` against it, then stops it and deletes its files.
# Usage: scripts/bench-indicators-postgres.sh [bench options, e.g. --conversations 100000]
set -euo pipefail
cd "$(dirname "$0")/.."

BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
[ -x "$BIN/initdb" ] || { echo "PostgreSQL introuvable : sudo apt-get install postgresql" >&2; exit 1; }
PORT="${PG_BENCH_PORT:-55432}"
DATA="$(mktemp -d /tmp/pg-bench.XXXXXX)"
AS=()
if [ "$(id -u)" = 0 ]; then  # initdb refuses root: the server runs as the Debian package's user
  chown postgres "$DATA"
  AS=(runuser -u postgres --)
fi
stop() {
  "${AS[@]}" "$BIN/pg_ctl" -D "$DATA" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$DATA"
}
trap stop EXIT
"${AS[@]}" "$BIN/initdb" -D "$DATA" -U bench --auth=trust --encoding=UTF8 >/dev/null
"${AS[@]}" "$BIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DATA -c shared_buffers=512MB -c work_mem=32MB -c fsync=off" start >/dev/null
"${AS[@]}" "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U bench bench
.venv/bin/python -m tools.indicators_bench --url "postgresql://bench@127.0.0.1:$PORT/bench" "$@"
