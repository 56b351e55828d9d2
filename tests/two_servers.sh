#!/usr/bin/env bash
# Two `anzen serve` processes over one database (run on SQLite, and on PostgreSQL through
# scripts/test-on-pg.sh): a session opened on one is valid on the other, an answer written
# through one's API shows at once through the other's, the other's dashboard is not served from
# a stale cache, and failed logins on one throttle the account on the other.
# Args: ANZEN_BINARY SOURCE_DIR.
set -euo pipefail
anzen=$1
tmp=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  rm -rf "$tmp"
}
trap cleanup EXIT
export ANZEN_DB="$tmp/shared.db"
"$anzen" demo --json >"$tmp/demo.json"
admin=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["admin"]["name"])' "$tmp/demo.json")
password=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["admin"]["password"])' "$tmp/demo.json")
token=$("$anzen" token create --user "$admin" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')

# Started in this shell, not in a $( … ) subshell, so that cleanup knows the pids and stops both
# servers (from a subshell they outlived the test).
start() {
  "$anzen" serve --port 0 >"$tmp/$1.log" 2>&1 &
  pids+=($!)
}
url_of() {
  for _ in $(seq 1 200); do
    grep -q "serving" "$tmp/$1.log" 2>/dev/null && break
    sleep 0.1
  done
  grep -o 'http://[0-9.]*:[0-9]*' "$tmp/$1.log" | head -1
}
start a
start b
a=$(url_of a)
b=$(url_of b)
[ -n "$a" ] && [ -n "$b" ] || { cat "$tmp"/*.log; echo "FAIL: a server did not start"; exit 1; }

python3 - "$a" "$b" "$admin" "$password" "$token" <<'PY'
import json, sys, urllib.request, urllib.error, urllib.parse
a, b, admin, password, token = sys.argv[1:]

class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kw): return None
opener = urllib.request.build_opener(NoRedirect)

def call(method, url, body=None, headers={}):
    req = urllib.request.Request(url, data=body, method=method, headers=headers)
    try:
        r = opener.open(req)
        return r.status, r.read().decode(), r.headers
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode(), e.headers

def login(base, pw):
    form = urllib.parse.urlencode({"_login_csrf": "t", "name": admin, "password": pw, "next": "/"}).encode()
    return call("POST", base + "/login", form, {"Cookie": "anzen_login_csrf=t", "Content-Type": "application/x-www-form-urlencoded"})

api = {"Authorization": "Bearer " + token}
# A session opened on server A is valid on server B.
st, _, h = login(a, password)
assert st in (302, 303), ("login on A", st)
cookie = next(c.split(";")[0] for c in h.get_all("Set-Cookie") if c.startswith("anzen_session="))
st, body, _ = call("GET", b + "/", headers={"Cookie": cookie})
assert st == 200, ("session from A refused on B", st)
dash_before = body

# An answer written through A shows at once through B (API and dashboard).
st, body, _ = call("GET", b + "/api/v1/assessments", headers=api)
assert st == 200, (st, body)
lst = json.loads(body)
items = lst if isinstance(lst, list) else lst.get("assessments", lst.get("items", []))
aid = items[-1]["id"]
st, body, _ = call("GET", f"{b}/api/v1/assessments/{aid}", headers=api)
before = json.loads(body)
st, body, _ = call("PUT", f"{a}/api/v1/assessments/{aid}/answers/T2-199.1", json.dumps({"status": "not_applicable", "na_reason": "二台構成の試験"}).encode(),
                   {**api, "Content-Type": "application/json"})
assert st == 200, ("PUT on A", st, body)
st, body, _ = call("GET", f"{b}/api/v1/assessments/{aid}", headers=api)
after = json.loads(body)
assert "二台構成の試験" in body and body != json.dumps(before), "B does not show the answer written through A"
st, dash_after, _ = call("GET", b + "/", headers={"Cookie": cookie})
assert st == 200 and dash_after != dash_before, "B's dashboard is stale after a change made through A"

# Failed logins on A make this client wait on B too (3 failures of a name and client start the
# growing delay; the counters are in the database).
codes = [login(a, "wrong password")[0] for _ in range(3)]
assert codes == [401, 401, 401], ("failed logins on A", codes)
st, _, _ = login(b, password)
assert st == 429, ("B did not throttle after 3 failures on A", st)
print("ok: session, answer, dashboard and throttling shared by two servers")
PY
