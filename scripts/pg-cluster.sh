#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for the tests: `start DIR` runs initdb into a fresh folder
# under /tmp (the checkout may be closed to other users; DIR/datadir names it), starts
# pg_ctl on a free loopback port (as the unprivileged `postgres` user when run as root), creates
# the database `anzen` and writes its URI to DIR/uri; `stop DIR` stops it and removes DIR.
# Exit 77 when PostgreSQL 15 is not installed (scripts/install-deps.sh test installs it).
set -euo pipefail
cmd=${1:?usage: pg-cluster.sh start|stop DIR}
dir=${2:?usage: pg-cluster.sh start|stop DIR}
bin=/usr/lib/postgresql/15/bin

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    # cd first: the postgres user may not be allowed into the caller's working directory.
    (cd / && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

case "$cmd" in
  start)
    if [ ! -x "$bin/initdb" ]; then echo "SKIP: PostgreSQL 15 is not installed ($bin/initdb)"; exit 77; fi
    if [ -f "$dir/datadir" ]; then "$0" stop "$dir" || true; fi
    rm -rf "$dir"
    mkdir -p "$dir"
    data=$(mktemp -d /tmp/anzen-pg.XXXXXX)
    echo "$data" >"$dir/datadir"
    if [ "$(id -u)" -eq 0 ]; then chown postgres: "$data"; fi
    # C collation: ORDER BY sorts by code point, as SQLite does. fsync off: a test cluster is
    # thrown away, and the tests should not wait for the disk (ANZEN_PG_DURABLE=1 keeps the
    # defaults, for benchmarks that compare with SQLite's synchronous=FULL).
    durability="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    [ "${ANZEN_PG_DURABLE:-0}" = 1 ] && durability=""
    as_owner "$bin/initdb" -D "$data/data" -U anzen -A trust -E UTF8 --locale=C >"$data/initdb.log" 2>&1 ||
      { cat "$data/initdb.log"; exit 1; }
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    as_owner "$bin/pg_ctl" -D "$data/data" -l "$data/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $data $durability -c max_connections=300" \
      start >/dev/null || { cat "$data/server.log"; exit 1; }
    as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U anzen anzen
    echo "postgresql://anzen@127.0.0.1:$port/anzen" >"$dir/uri"
    chmod a+r "$dir/uri"
    echo "PostgreSQL 15 test cluster at $(cat "$dir/uri")"
    ;;
  stop)
    if [ -f "$dir/datadir" ]; then
      data=$(cat "$dir/datadir")
      if [ -d "$data/data" ]; then as_owner "$bin/pg_ctl" -D "$data/data" -m fast -w stop >/dev/null 2>&1 || true; fi
      case "$data" in /tmp/anzen-pg.*) rm -rf "$data" ;; esac
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: pg-cluster.sh start|stop DIR" >&2
    exit 2
    ;;
esac
