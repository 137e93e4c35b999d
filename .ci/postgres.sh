#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster for the store tests and exports its URL as
# FAILWATCH_TEST_POSTGRES_URL (the PostgreSQL store tests skip without it). Source it:
#   . .ci/postgres.sh    (needs Debian's postgresql package; stopped and removed on exit)
# The server refuses to run as root, so it runs as the package's postgres user, on
# 127.0.0.1 and a socket in its own folder, with trust authentication: it lives as long as the
# shell that sourced this, and no other machine can reach it.
set -euo pipefail

pg_bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
pg_dir="$(mktemp -d /tmp/failwatch-pg.XXXXXX)"
pg_port="${FAILWATCH_TEST_POSTGRES_PORT:-55432}"
as_postgres=()
if [ "$(id -u)" = 0 ]; then
    chown postgres "$pg_dir"
    as_postgres=(runuser -u postgres --)
fi
"${as_postgres[@]}" "$pg_bin/initdb" -D "$pg_dir/data" -A trust -U postgres >"$pg_dir/initdb.log"
"${as_postgres[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $pg_dir -c fsync=off" start >/dev/null
"${as_postgres[@]}" "$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U postgres failwatch_test

stop_postgres() {
    "${as_postgres[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$pg_dir"
}
trap stop_postgres EXIT
export FAILWATCH_TEST_POSTGRES_URL="postgres://postgres@127.0.0.1:$pg_port/failwatch_test"
echo "postgres: throwaway cluster on 127.0.0.1:$pg_port (FAILWATCH_TEST_POSTGRES_URL)"
