#!/usr/bin/env bash
# Accounts (issue 13, M4, M5 and the password policy): throttling that never locks out the right
# password and is shared by server processes through the database, trusted proxies, the account
# lifecycle (disable, enable, delete, passwd; token list, revoke, expiry, last use), and the
# audit actor of the command line. Args: ANZEN_BINARY SOURCE_DIR.
# It reads the SQLite file itself (python's sqlite3) to see what was stored; under the PostgreSQL
# wrapper (scripts/test-on-pg.sh) there is no such file.
if [ -n "${ANZEN_PG_BASE:-}" ]; then echo "SKIP on PostgreSQL: this test reads the SQLite file directly"; exit 77; fi
source "$(dirname "$0")/security/lib.bash"
pw=anzen-demo-2026

expect_exit() {  # CODE command...
  local want=$1
  shift
  set +e
  "$@" >"$tmp/out" 2>"$tmp/err"
  local rc=$?
  set -e
  [ "$rc" = "$want" ] || fail "$* -> exit $rc (want $want): $(cat "$tmp/err")"
}

# Password policy: length in characters (not bytes), not the user name, not a common password.
org=$(python3 -c 'import json; print(json.load(open("'"$tmp"'/demo.json"))["org_id"])')
echo password | expect_exit 2 "$anzen" --db "$db" user create --org "$org" --name kenji --role viewer --password-stdin
grep -q 'at least 10' "$tmp/err" || fail "short password message: $(cat "$tmp/err")"
echo password123 | expect_exit 2 "$anzen" --db "$db" user create --org "$org" --name kenji --role viewer --password-stdin
grep -q 'common' "$tmp/err" || fail "common password message: $(cat "$tmp/err")"
echo kenji-2026! | expect_exit 2 "$anzen" --db "$db" user create --org "$org" --name kenji --role viewer --password-stdin
grep -q 'user name' "$tmp/err" || fail "name in password message: $(cat "$tmp/err")"
echo 'あいうえおかきくけ' | expect_exit 2 "$anzen" --db "$db" user create --org "$org" --name kenji --role viewer --password-stdin
echo 'あいうえおかきくけこ' | expect_exit 0 "$anzen" --db "$db" user create --org "$org" --name kenji --role viewer --password-stdin

# ANZEN_ACTOR cannot make a row look written by someone else: the OS user stays the actor.
ANZEN_ACTOR=demo "$anzen" --db "$db" token create --user kenji >/dev/null
actor=$(sql "SELECT actor FROM audit_log WHERE entity='api_token' ORDER BY id DESC LIMIT 1")
[[ "$actor" == cli:*" as demo" ]] || fail "ANZEN_ACTOR actor: '$actor'"

# Two server processes over one database.
start_server one
start_server two --trusted-proxy 127.0.0.1
# Wrong passwords from 127.0.0.2: after three failures the next one from there must wait.
for i in 1 2 3; do
  code=$(curl -s --interface 127.0.0.2 -o /dev/null -w '%{http_code}' "$one_base/login" -c "$tmp/j2" -b "$tmp/j2")
  csrf=$(curl -s --interface 127.0.0.2 -c "$tmp/j2" "$one_base/login" | grep -o 'name="_login_csrf" value="[^"]*"' | sed 's/.*value="//; s/"//')
  code=$(curl -s --interface 127.0.0.2 -b "$tmp/j2" -c "$tmp/j2" -o /dev/null -w '%{http_code}' --data-urlencode name=demo \
    --data-urlencode password=wrong-password --data-urlencode "_login_csrf=$csrf" "$one_base/login")
  [ "$code" = 401 ] || fail "failure $i: HTTP $code"
done
# The fourth attempt goes to the other process: the delay is in the database, so it applies there too.
csrf=$(curl -s --interface 127.0.0.2 -c "$tmp/j2" "$two_base/login" | grep -o 'name="_login_csrf" value="[^"]*"' | sed 's/.*value="//; s/"//')
code=$(curl -s --interface 127.0.0.2 -b "$tmp/j2" -c "$tmp/j2" -D "$tmp/h429" -o /dev/null -w '%{http_code}' --data-urlencode name=demo \
  --data-urlencode "password=$pw" --data-urlencode "_login_csrf=$csrf" "$two_base/login")
[ "$code" = 429 ] || fail "throttled attempt on the second process: HTTP $code"
grep -qi '^Retry-After: [1-9]' "$tmp/h429" || fail "no Retry-After"
# The right password from another client is not locked out.
code=$(login "$one_base" demo "$pw" "$tmp/jar")
[ "$code" = 303 ] || fail "right password from another client: HTTP $code"

# Trusted proxy: process two trusts 127.0.0.1, so X-Forwarded-For names the client; process one
# does not, so the header is ignored.
curl -s -o /dev/null -H 'X-Forwarded-For: 198.51.100.7' "$two_base/login" -c "$tmp/jx" -b "$tmp/jx"
csrf=$(curl -s -H 'X-Forwarded-For: 198.51.100.7' -c "$tmp/jx" -b "$tmp/jx" "$two_base/login" | grep -o 'name="_login_csrf" value="[^"]*"' | sed 's/.*value="//; s/"//')
curl -s -o /dev/null -H 'X-Forwarded-For: 198.51.100.7' -b "$tmp/jx" --data-urlencode name=nobody --data-urlencode password=x \
  --data-urlencode "_login_csrf=$csrf" "$two_base/login"
csrf=$(curl -s -H 'X-Forwarded-For: 198.51.100.8' -c "$tmp/jy" -b "$tmp/jy" "$one_base/login" | grep -o 'name="_login_csrf" value="[^"]*"' | sed 's/.*value="//; s/"//')
curl -s -o /dev/null -H 'X-Forwarded-For: 198.51.100.8' -b "$tmp/jy" --data-urlencode name=nobody2 --data-urlencode password=x \
  --data-urlencode "_login_csrf=$csrf" "$one_base/login"
[ "$(sql "SELECT client FROM audit_log WHERE action='login_failed' AND actor='nobody'")" = 198.51.100.7 ] || fail "forwarded address from a trusted proxy not used"
[ "$(sql "SELECT client FROM audit_log WHERE action='login_failed' AND actor='nobody2'")" = 127.0.0.1 ] || fail "forwarded address from an untrusted peer used"

# Lifecycle: a token and a session work; disabling stops both at once; enabling restores the token.
tok=$(token_for kenji)
api() { curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $1" "$one_base/api/v1/assessments"; }
[ "$(api "$tok")" = 200 ] || fail "token before disable"
code=$(login "$one_base" kenji 'あいうえおかきくけこ' "$tmp/kj")
[ "$code" = 303 ] || fail "kenji login: $code"
[ "$(curl -s -o /dev/null -w '%{http_code}' -b "$tmp/kj" "$one_base/")" = 200 ] || fail "session before disable"
"$anzen" --db "$db" user disable kenji >/dev/null
[ "$(api "$tok")" = 401 ] || fail "token of a disabled user"
[ "$(curl -s -o /dev/null -w '%{http_code}' -b "$tmp/kj" "$one_base/api/v1/assessments")" = 401 ] || fail "session of a disabled user"
"$anzen" --db "$db" user enable kenji >/dev/null
[ "$(api "$tok")" = 200 ] || fail "token after enable"
# Last use is recorded; list shows it; revoke stops the token.
"$anzen" --db "$db" token list --user kenji --json >"$tmp/tokens.json"
python3 - "$tmp/tokens.json" <<'PY'
import json, sys
t = json.load(open(sys.argv[1]))
assert len(t) == 2 and all(x["expires_at"] for x in t), t
assert any(x["last_used_at"] for x in t), t
PY
id=$(python3 -c 'import json; print([x for x in json.load(open("'"$tmp"'/tokens.json")) if x["last_used_at"]][0]["id"])')
"$anzen" --db "$db" token revoke "$id" >/dev/null
[ "$(api "$tok")" = 401 ] || fail "revoked token"
expect_exit 2 "$anzen" --db "$db" token revoke 99999
# Expiry: a token past its date stops.
tok2=$(token_for kenji)
[ "$(api "$tok2")" = 200 ] || fail "fresh token"
sql "UPDATE api_tokens SET expires_at='2000-01-01T00:00:00Z' WHERE revoked_at IS NULL" >/dev/null
[ "$(api "$tok2")" = 401 ] || fail "expired token"
# passwd ends sessions and enforces the policy; delete removes the user.
login "$one_base" kenji 'あいうえおかきくけこ' "$tmp/kj2" >/dev/null
echo password | expect_exit 2 "$anzen" --db "$db" user passwd kenji --password-stdin
echo 'kaze-no-oto-2026' | expect_exit 0 "$anzen" --db "$db" user passwd kenji --password-stdin
[ "$(curl -s -o /dev/null -w '%{http_code}' -b "$tmp/kj2" "$one_base/api/v1/assessments")" = 401 ] || fail "session after passwd"
[ "$(login "$one_base" kenji 'kaze-no-oto-2026' "$tmp/kj3")" = 303 ] || fail "login with the new password"
"$anzen" --db "$db" user delete kenji >/dev/null
[ "$(login "$one_base" kenji 'kaze-no-oto-2026' "$tmp/kj4")" = 401 ] || fail "deleted user logs in"

# The same in the admin page: disable another user, revoke a token; both take effect at once.
echo 'tsuki-ga-kirei-7' | "$anzen" --db "$db" user create --org "$org" --name hana --role viewer --password-stdin >/dev/null
htok=$(token_for hana)
csrf=$(csrf_of "$one_base" "$tmp/jar")
hid=$(sql "SELECT id FROM users WHERE name='hana'")
code=$(curl -s -o /dev/null -w '%{http_code}' -b "$tmp/jar" --data-urlencode "_csrf=$csrf" "$one_base/admin/users/$hid/disable")
[ "$code" = 303 ] || fail "admin disable: HTTP $code"
[ "$(api "$htok")" = 401 ] || fail "token after admin disable"
curl -s -b "$tmp/jar" --data-urlencode "_csrf=$csrf" -o /dev/null "$one_base/admin/users/$hid/enable"
[ "$(api "$htok")" = 200 ] || fail "token after admin enable"
curl -s -b "$tmp/jar" "$one_base/admin" | grep -q '/revoke' || fail "admin page lists no tokens"
tid=$(sql "SELECT t.id FROM api_tokens t JOIN users u ON u.id=t.user_id WHERE u.name='hana'")
curl -s -b "$tmp/jar" --data-urlencode "_csrf=$csrf" -o /dev/null "$one_base/admin/tokens/$tid/revoke"
[ "$(api "$htok")" = 401 ] || fail "token after admin revoke"
# Another organisation's user is not found from this admin page.
oid=$(sql "SELECT id FROM users WHERE name='other-admin'")
code=$(curl -s -o /dev/null -w '%{http_code}' -b "$tmp/jar" --data-urlencode "_csrf=$csrf" "$one_base/admin/users/$oid/disable")
[ "$code" = 404 ] || fail "disabling another organisation's user: HTTP $code"
echo "security_accounts: ok"
