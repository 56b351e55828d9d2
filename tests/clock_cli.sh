#!/usr/bin/env bash
# The CLI contract of the live clock without Alertmanager: integrations and their rules, the
# generic webhook with an HMAC signature through `anzen serve`, users per service, restriction
# imports (atomic, idempotent), webhook and chat notifications received by a real HTTP server,
# failed deliveries, and the review draft and congestion view. Args: ANZEN_BINARY SOURCE_DIR.
set -euo pipefail
anzen=$(readlink -f "$1")
py=/usr/bin/python3
command -v curl >/dev/null || { echo "SKIP: curl not installed"; exit 77; }
. "$2/tests/fixtures/clock/lib.sh"
expect_rc() {  # expect_rc CODE PATTERN COMMAND...: exit status and a message naming the problem
  local want=$1 pat=$2; shift 2
  set +e; "$@" >"$tmp/out.txt" 2>"$tmp/err.txt"; local rc=$?; set -e
  [ $rc -eq "$want" ] || fail "$* → exit $rc, expected $want: $(cat "$tmp/err.txt")"
  grep -q -- "$pat" "$tmp/err.txt" || fail "$* → message lacks '$pat': $(cat "$tmp/err.txt")"
}
export ANZEN_DB="$tmp/anzen.db"
cd "$tmp"
"$anzen" org create --name "株式会社連携" --kind operator >/dev/null

# Users per service and region.
"$anzen" org users --org 1 --service data --prefecture 大阪府 --users 200000 >/dev/null
"$anzen" org users --org 1 --service data --prefecture 京都府 --users 40000 >/dev/null
[ "$("$anzen" org users --org 1 --json | "$py" -c 'import json,sys; print(sum(u["users"] for u in json.load(sys.stdin)))')" = 240000 ] || fail "users table"
expect_rc 2 "users" "$anzen" org users --org 1 --service data

cat >rules.yaml <<'Y'
rules:
  - match: {service: data}
    service_category: other
    prefectures: {label: region}
    affected_users: {share: 0.5}
Y
"$anzen" integration create --org 1 --kind webhook --rules rules.yaml --hmac-secret s3cret --json >integ.json
hook=$("$py" -c 'import json; print(json.load(open("integ.json"))["url"])')
token=$("$py" -c 'import json; print(json.load(open("integ.json"))["token"])')
printf 'rules:\n  - match: {service: data}\n    service_category: other\n    affected_users: {share: 7}\n' >bad.yaml
expect_rc 2 "bad.yaml:4: rules\[0\].affected_users.share" "$anzen" integration create --org 1 --kind webhook --rules bad.yaml
[ "$("$anzen" integration list --org 1 --json | "$py" -c 'import json,sys; print(len(json.load(sys.stdin)))')" = 1 ] || fail "a refused integration was stored"

# Notifications: a generic webhook and a chat channel, received by a real HTTP server; and a
# channel whose server is down, whose failure shows on the dashboard.
hport=$(free_port)
cat >recv.py <<'P'
import http.server, json, os, sys
class H(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        n = len(os.listdir(sys.argv[2]))
        open(os.path.join(sys.argv[2], "%03d%s.json" % (n, self.path.replace("/", "_"))), "wb").write(body)
        self.send_response(204); self.end_headers()
    def log_message(self, *a): pass
http.server.HTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
P
mkdir -p got
"$py" recv.py "$hport" "$tmp/got" >recv.log 2>&1 &
pids+=($!)
wait_for 20 "$py" -c "import socket; socket.create_connection(('127.0.0.1', $hport))" || fail "receiver did not start"
"$anzen" notify add --org 1 --kind webhook --url "http://127.0.0.1:$hport/generic" >/dev/null
"$anzen" notify add --org 1 --kind chat --url "http://127.0.0.1:$hport/chat" --lang en >/dev/null
"$anzen" notify add --org 1 --kind webhook --url "http://127.0.0.1:1/down" >/dev/null
expect_rc 2 "--smtp" "$anzen" notify add --org 1 --kind email --to a@example.jp
expect_rc 2 "quiet" "$anzen" notify add --org 1 --kind chat --url http://x/ --quiet 25:00-01:00
expect_rc 2 "expected an absolute http(s) URL" "$anzen" clock tick --public-url /incidents
set +e; "$anzen" notify test --org 1 >test.json; set -e
"$py" -c 'import json; t=json.load(open("test.json")); assert t["queued"]==3 and t["sent"]==2 and t["retried"]==1, t'
ls got | grep -q generic || fail "no test notification at the generic webhook"

port=$(free_port)
"$anzen" serve --port "$port" --clock-interval 0 >serve.log 2>&1 &
pids+=($!)
wait_for 30 curl -sf "http://127.0.0.1:$port/api/v1/openapi.json" || fail "anzen serve did not start"
curl -sf "http://127.0.0.1:$port/api/v1/openapi.json" | grep -q '/api/v1/hooks/{id}' || fail "hooks route not in the OpenAPI document"

started=$(iso_in "-90 min")
body='{"alerts":[{"id":"osaka-1","status":"firing","labels":{"service":"data","region":"大阪府"},"starts_at":"'$started'","summary":"データ通信の停止"}]}'
sig="sha256=$(printf '%s' "$body" | openssl dgst -sha256 -hmac s3cret -r | cut -d' ' -f1)"
post() { curl -s -o "$tmp/resp.json" -w '%{http_code}' -X POST -H "Authorization: Bearer $token" -H "X-Anzen-Signature: $1" --data-binary "$2" "http://127.0.0.1:$port$hook"; }
[ "$(post sha256=00 "$body")" = 401 ] || fail "a wrong signature was accepted"
[ "$(post "$sig" "$body")" = 200 ] || fail "signed delivery refused: $(cat resp.json)"
"$py" -c 'import json; r=json.load(open("resp.json")); assert r["created"]==1, r'
[ "$(post "$sig" "$body")" = 200 ] || fail "repeat refused"
"$py" -c 'import json; r=json.load(open("resp.json")); assert r["unchanged"]==1 and r["created"]==0, r'
bad='{"alerts":[{"id":"x","status":"burning","labels":{},"starts_at":"2026-05-01T09:00:00+09:00"}]}'
badsig="sha256=$(printf '%s' "$bad" | openssl dgst -sha256 -hmac s3cret -r | cut -d' ' -f1)"
[ "$(post "$badsig" "$bad")" = 400 ] || fail "bad status accepted"
grep -q 'alerts\[0\].status' resp.json || fail "400 does not name the field: $(cat resp.json)"
"$anzen" incident list --org 1 --json >inc.json
"$py" - inc.json <<'P'
import json, sys
l = json.load(open(sys.argv[1]))
assert len(l) == 1, l
e = l[0]["event"]
assert e["affected_users"] == 100000 and e["service_category"] == "other", e  # half of Osaka's 200,000
P

# The clock: the ongoing outage (100,000 users, other) passes 2 h in simulated time: a serious accident.
"$anzen" clock tick --as-of "$(iso_in "+40 min")" >tick.json
"$py" -c 'import json; t=json.load(open("tick.json")); assert t["escalated"]==1 and t["sent"]>=2, t'
wait_for 10 bash -c "ls got | grep -q chat" || fail "no chat notification"
"$py" - got <<'P'
import json, os, sys
d = sys.argv[1]
chat = [json.load(open(os.path.join(d, f))) for f in sorted(os.listdir(d)) if "chat" in f]
gen = [json.load(open(os.path.join(d, f))) for f in sorted(os.listdir(d)) if "generic" in f]
assert any("serious accident" in c["text"] for c in chat), chat
g = [x for x in gen if x.get("event") == "reportable"]
assert g and g[-1]["classification"] == ["serious_accident"] and "重大な事故" in g[-1]["subject"], gen
P
"$anzen" notify list --org 1 --json | "$py" -c '
import json,sys; n=json.load(sys.stdin)["notifications"]
assert any(x["status"]=="pending" and x["last_error"] for x in n), n'

# Restriction records: a bad file changes nothing; a good one is imported once.
printf 'start,end,service,share,users,unforeseen,reason\n2026-01-01T00:05:00+09:00,2026-01-01T03:00:00+09:00,voice,0.8,120000,maybe,年始\n' >bad.csv
expect_rc 2 "bad.csv, line 2, column unforeseen" "$anzen" incident import-restrictions --org 1 bad.csv
cat >r.csv <<'C'
start,end,service,share,users,unforeseen,reason
2026-01-01T00:05:00+09:00,2026-01-01T03:00:00+09:00,voice,0.8,120000,true,年始の発信集中
2026-02-01T10:00:00+09:00,2026-02-01T10:30:00+09:00,voice,0.1,5000,false,設備工事に伴う制限
C
"$anzen" incident import-restrictions --org 1 r.csv >imp.json
"$anzen" incident import-restrictions --org 1 r.csv >imp2.json
"$py" -c 'import json; a=json.load(open("imp.json")); b=json.load(open("imp2.json")); assert a["created"]==2 and b["unchanged"]==2 and b["created"]==0, (a,b)'
rid=$("$py" -c 'import json; print(json.load(open("imp.json"))["incidents"][0])')

"$anzen" user create --org 1 --name kanri --role admin --password-stdin <<<"correct horse battery staple" >/dev/null
tok=$("$anzen" token create --user kanri --json | "$py" -c 'import json,sys; print(json.load(sys.stdin)["token"])')
get() { curl -sf -H "Authorization: Bearer $tok" "http://127.0.0.1:$port$1"; }
get /congestion >cong.html
grep -q "年始の発信集中" cong.html && grep -q "review.pdf" cong.html || fail "congestion view lacks the restriction"
# ...and links to seed 003's congestion measures and the standard's threat ネットワーク輻そう
# (catalogs/views/congestion.yaml), each link leading to the catalog entry.
grep -q 'href="/catalog/ip-council-report/4.2.2.1"' cong.html || fail "congestion view lacks seed 003's measures"
grep -q "ネットワーク輻そう" cong.html || fail "congestion view lacks the threat ネットワーク輻そう"
check=$(grep -o 'href="/catalog/tcs-2023/[^"]*"' cong.html | head -1 | sed 's/href="//; s/"$//')
[ -n "$check" ] || fail "congestion view lacks the checks against the threat"
get "$check" | grep -q "ネットワーク輻そう" || fail "the linked check $check is not tagged ネットワーク輻そう"
get /catalog/ip-council-report/4.2.2.1 | grep -q "ふくそう時のユーザー間の公平性\|ふくそう監視手法" || fail "the linked measure page"
get "/incidents/$rid/review.pdf" >review.pdf
get "/incidents/$rid/review.xlsx" >review.xlsx
head -c 5 review.pdf | grep -q '%PDF-' || fail "review is not a PDF"
if command -v pdftotext >/dev/null; then pdftotext review.pdf - 2>/dev/null | grep -q "120,000 人" || fail "review PDF lacks the users restricted"; fi
"$py" - review.xlsx <<'P'
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
s = z.read("xl/sharedStrings.xml").decode()
assert "制限を受けた利用者の数" in s and "年始の発信集中" in s, s[:500]
P
# The channel that is down: retried with back-off (simulated time), then failed and shown.
for m in 2 4 8 16 32 64 128; do "$anzen" clock tick --as-of "$(iso_in "+$m min")" >/dev/null; done
"$anzen" notify list --org 1 --json | "$py" -c '
import json,sys; n=json.load(sys.stdin)["notifications"]
f=[x for x in n if x["status"]=="failed"]
assert f and all(x["attempts"]==6 for x in f), n'
get / >dash.html
grep -q 'id="failed-deliveries"' dash.html || fail "dashboard does not show failed deliveries"
grep -q "127.0.0.1:1" dash.html || fail "dashboard does not say why"
get /admin/integrations | grep -q "/api/v1/hooks/1" || fail "integrations page"
get /admin/notifications | grep -q "127.0.0.1:$hport/chat" || fail "notifications page"
"$anzen" integration disable --org 1 1 >/dev/null
[ "$(post "$sig" "$body")" = 403 ] || fail "a disabled integration still accepts deliveries"
# Quiet rules as data per organisation: validated with line numbers, stored, shown, cleared;
# "overdue" cannot be suppressed without the organisation's explicit `urgent: delay`.
printf 'quiet:\n  - days: [sat, sun, holiday]\n    from: "00:00"\n    to: "24:00"\n    kinds: [overdue]\n' >quiet-bad.yaml
expect_rc 2 "quiet-bad.yaml:5: quiet\[0\].kinds: overdue is never suppressed" "$anzen" notify quiet --org 1 --rules quiet-bad.yaml
printf 'quiet:\n  - days: [mon, tue, wed, thu, fri]\n    from: "22:00"\n    to: "07:00"\n' >quiet.yaml
"$anzen" notify quiet --org 1 --rules quiet.yaml >/dev/null
"$anzen" notify quiet --org 1 | grep -q '22:00' || fail "quiet rules not stored"
"$anzen" notify quiet --org 1 --clear >/dev/null
[ -z "$("$anzen" notify quiet --org 1)" ] || fail "quiet rules not cleared"
"$anzen" audit verify >/dev/null || fail "audit chain broken"
echo "ok: clock CLI contract"
