# Shared by tests/security_*.sh: a demo database, servers started and stopped by the test,
# logins, and the peak resident memory of a server. Sourced, not run.
set -euo pipefail
anzen=$1
src=$2
tmp=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  rm -rf "$tmp"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
command -v curl >/dev/null || { echo "skip: curl missing"; exit 77; }

db="$tmp/anzen.db"
"$anzen" --db "$db" demo --json >"$tmp/demo.json"

# start_server VAR_PREFIX [serve options...]: sets ${VAR}_base and ${VAR}_pid.
start_server() {
  local name=$1
  shift
  local log="$tmp/serve-$name.log"
  "$anzen" --db "${SERVE_DB:-$db}" serve --port 0 "$@" >"$log" 2>&1 &
  local pid=$!
  pids+=("$pid")
  for _ in $(seq 100); do grep -q serving "$log" && break; sleep 0.1; done
  grep -q serving "$log" || { cat "$log"; fail "server $name did not start"; }
  local base
  base=$(grep -o 'https\?://[0-9.]*:[0-9]*' "$log" | head -1)
  printf -v "${name}_base" '%s' "$base"
  printf -v "${name}_pid" '%s' "$pid"
}

# login BASE NAME PASSWORD JAR: logs in through the form; prints the HTTP status.
login() {
  local base=$1 name=$2 pw=$3 jar=$4
  local csrf
  csrf=$(curl -sk -c "$jar" "$base/login" | grep -o 'name="_login_csrf" value="[^"]*"' | sed 's/.*value="//; s/"//')
  curl -sk -b "$jar" -c "$jar" -o /dev/null -w '%{http_code}' --data-urlencode "name=$name" \
    --data-urlencode "password=$pw" --data-urlencode "_login_csrf=$csrf" "$base/login"
}
# csrf_of BASE JAR: the session's CSRF token, read from a page with a form.
csrf_of() { curl -sk -b "$2" "$1/admin" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"//'; }

# Peak resident memory of a process in MB (VmHWM).
peak_mb() { awk '/VmHWM/{print int($2/1024)}' "/proc/$1/status"; }

token_for() { "$anzen" --db "$db" token create --user "$1" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])'; }
sql() { python3 - "$db" "$1" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1]); c.isolation_level = None
for row in c.execute(sys.argv[2]): print("|".join("" if v is None else str(v) for v in row))
PY
}
