#!/usr/bin/env bash
# Issue 13 on both backends (it reads the audit trail through /audit.json, never the database
# file): wrong passwords for one account from many addresses delay the next attempt at that
# account from any address (a distributed attack), audited as such, and the right password
# works once the delay has passed; a change made through the API records the client's address
# in the audit trail, the forwarded one behind a trusted proxy. Args: ANZEN_BINARY SOURCE_DIR.
source "$(dirname "$0")/security/lib.bash"
pw=anzen-demo-2026
start_server app
start_server proxied --trusted-proxy 127.0.0.1
admin_token=$(token_for demo)
audit_rows() {  # audit_rows BASE QUERY: the JSON rows of /audit.json
  curl -sf -H "Authorization: Bearer $admin_token" "$1/audit.json?$2"
}

# Eleven clients, one wrong password each for the same name: no client and no pair reaches its
# own limit, the account does.
try_login() {  # try_login ADDRESS PASSWORD HEADERS_FILE: the HTTP status
  local jar="$tmp/j-$1" csrf
  csrf=$(curl -s --interface "$1" -c "$jar" "$app_base/login" | grep -o 'name="_login_csrf" value="[^"]*"' | sed 's/.*value="//; s/"//')
  curl -s --interface "$1" -b "$jar" -c "$jar" -D "$3" -o /dev/null -w '%{http_code}' --data-urlencode name=demo \
    --data-urlencode "password=$2" --data-urlencode "_login_csrf=$csrf" "$app_base/login"
}
for i in $(seq 2 11); do
  code=$(try_login "127.0.0.$i" "wrong-password-$i" "$tmp/h")
  [ "$code" = 401 ] || fail "failure from 127.0.0.$i: HTTP $code"
done
# A twelfth address, never seen before, with the right password: it must wait too.
code=$(try_login 127.0.0.12 "$pw" "$tmp/h429")
[ "$code" = 429 ] || fail "account throttle: the right password from a fresh address after 10 failures elsewhere: HTTP $code"
wait=$(grep -i '^Retry-After:' "$tmp/h429" | tr -dc 0-9)
[ -n "$wait" ] && [ "$wait" -ge 1 ] && [ "$wait" -le 60 ] || fail "Retry-After '$wait' (expected 1-60 s)"
audit_rows "$app_base" "action=login_throttled" | python3 -c '
import json, sys
rows = json.load(sys.stdin)
assert any(r["actor"] == "demo" and r["client"] == "127.0.0.12" and r["after"]["scope"] == "account" for r in rows), rows[:3]
' || fail "the account throttle is not audited with its scope and the client"
# Never a lockout: once the delay has passed, the owner's right password works.
sleep $((wait + 1))
code=$(try_login 127.0.0.12 "$pw" "$tmp/h")
[ "$code" = 303 ] || fail "the right password after the account delay: HTTP $code"

# A change through the API records the client address, also behind a trusted proxy.
assessment=$(python3 -c 'import json; print(json.load(open("'"$tmp"'/demo.json"))["assessment_id"])')
question=$(python3 -c 'import json; print(json.load(open("'"$tmp"'/demo.json"))["question_to_answer"])')
put_answer() {  # put_answer BASE STATUS [HEADER]
  curl -sf -o /dev/null -X PUT -H "Authorization: Bearer $admin_token" -H 'Content-Type: application/json' ${3:+-H "$3"} \
    -d "{\"status\":\"$2\"}" "$1/api/v1/assessments/$assessment/answers/$question"
}
put_answer "$app_base" implemented || fail "PUT answer"
put_answer "$proxied_base" partial 'X-Forwarded-For: 203.0.113.9' || fail "PUT answer through the proxy"
audit_rows "$app_base" "entity=answer" | python3 -c '
import json, sys
rows = [r for r in json.load(sys.stdin) if r["actor"] == "demo"]
clients = [r["client"] for r in rows]
assert "127.0.0.1" in clients, ("the API change does not record the client address", rows[:3])
assert "203.0.113.9" in clients, ("the change behind a trusted proxy does not record the forwarded address", rows[:3])
' || fail "client address of API changes"
echo PASS
