#!/usr/bin/env bash
# Runs a test script (tests/*.sh, e2e/run.sh) against PostgreSQL instead of SQLite, unchanged:
#   scripts/test-on-pg.sh CLUSTER_DIR SCRIPT ANZEN_BINARY ARGS...
# The script is given a wrapper in place of ANZEN_BINARY. The wrapper replaces every database
# the script names (--db PATH, $ANZEN_DB, or the default anzen.db) by a schema of its own in the
# test cluster's database (scripts/pg-cluster.sh), one schema per path, created on first use.
# So every test script, including ones added later, also runs on PostgreSQL. Files the script
# passes otherwise (backup FILE, exports) stay files.
set -euo pipefail
cluster=${1:?usage: test-on-pg.sh CLUSTER_DIR SCRIPT ANZEN_BINARY ARGS...}
script=${2:?}
real=${3:?}
shift 3
if [ ! -f "$cluster/uri" ]; then echo "SKIP: no PostgreSQL test cluster at $cluster (scripts/pg-cluster.sh start)"; exit 77; fi

state=$(mktemp -d)
trap 'rm -rf "$state"' EXIT
cat >"$state/anzen" <<'SH'
#!/usr/bin/env bash
set -euo pipefail
to_uri() {
  case "$1" in postgres://* | postgresql://*) printf '%s' "$1"; return ;; esac
  local abs schema
  abs=$(realpath -m -- "$1")
  schema="t_$(printf '%s' "$abs" | md5sum | cut -c1-20)"
  if [ ! -e "$ANZEN_PG_STATE/$schema" ]; then
    psql -q -v ON_ERROR_STOP=1 "$ANZEN_PG_BASE" -c "SET client_min_messages=warning" -c "CREATE SCHEMA IF NOT EXISTS $schema" >/dev/null
    : >"$ANZEN_PG_STATE/$schema"
  fi
  printf '%s?options=-csearch_path%%3D%s' "$ANZEN_PG_BASE" "$schema"
}
args=()
seen_db=0
while [ $# -gt 0 ]; do
  case "$1" in
    --db) args+=("--db" "$(to_uri "$2")"); seen_db=1; shift 2 ;;
    --db=*) args+=("--db=$(to_uri "${1#--db=}")"); seen_db=1; shift ;;
    *) args+=("$1"); shift ;;
  esac
done
if [ $seen_db -eq 0 ]; then export ANZEN_DB="$(to_uri "${ANZEN_DB:-anzen.db}")"; fi
exec "$ANZEN_PG_REAL" "${args[@]}"
SH
chmod +x "$state/anzen"
export ANZEN_PG_STATE="$state" ANZEN_PG_REAL="$real" ANZEN_PG_BASE="$(cat "$cluster/uri")"
echo "running $(basename "$script") against PostgreSQL ($ANZEN_PG_BASE)"
bash "$script" "$state/anzen" "$@"
