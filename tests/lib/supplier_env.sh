# Sourced by tests/supplier_*.sh: a scratch folder and database, helpers, and a real `anzen
# serve` started on a free port (start_server) and stopped on exit. Expects $anzen.
command -v curl >/dev/null || { echo "SKIP: curl is not installed"; exit 77; }
tmp=$(mktemp -d)
export ANZEN_DB="$tmp/s.db"
pid=
trap '[ -n "$pid" ] && kill $pid 2>/dev/null; wait 2>/dev/null; rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
jget() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
expect_exit() {  # expect_exit CODE CMD…
  local want=$1; shift
  set +e; "$@" >"$tmp/out" 2>"$tmp/err"; local got=$?; set -e
  [ "$got" = "$want" ] || { cat "$tmp/out" "$tmp/err"; fail "expected exit $want from: $*; got $got"; }
}
start_server() {  # sets $base
  "$anzen" serve --port 0 >"$tmp/serve.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 100); do grep -q "serving" "$tmp/serve.log" 2>/dev/null && break; sleep 0.1; done
  base=$(grep -o 'http://[0-9.]*:[0-9]*' "$tmp/serve.log" | head -1)
  [ -n "$base" ] || { cat "$tmp/serve.log"; fail "server did not start"; }
}
code() { curl -s -o "$tmp/body" -w '%{http_code}' "$@"; }
mkuser() {  # mkuser ORG NAME ROLE → prints an API token of a new user
  echo "password-$2-1234" | "$anzen" user create --org "$1" --name "$2" --role "$3" --password-stdin >/dev/null
  "$anzen" token create --user "$2" --json | jget 'd["token"]'
}
