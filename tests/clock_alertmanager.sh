#!/usr/bin/env bash
# The live accident clock end to end with the real components, started here: Debian's
# prometheus-alertmanager posts to a running `anzen serve`, the incident appears, escalates to
# 重大な事故 as simulated time passes the threshold (`clock tick --as-of`), a Japanese mail
# arrives at a local SMTP server (python3-aiosmtpd), and the resolved alert ends the incident.
# Also: CLI, API and web agree on the current verdict of an ongoing incident.
# Args: ANZEN_BINARY SOURCE_DIR.
set -euo pipefail
anzen=$(readlink -f "$1")
am=/usr/bin/prometheus-alertmanager
py=/usr/bin/python3
[ -x "$am" ] || { echo "SKIP: $am not installed (apt-get install prometheus-alertmanager)"; exit 77; }
"$py" -c 'import aiosmtpd' 2>/dev/null || { echo "SKIP: python3-aiosmtpd not installed"; exit 77; }
command -v curl >/dev/null || { echo "SKIP: curl not installed"; exit 77; }

. "$2/tests/fixtures/clock/lib.sh"
export ANZEN_DB="$tmp/anzen.db"
cd "$tmp"
"$anzen" org create --name "株式会社監視通信" --kind operator >/dev/null
cat >rules.yaml <<'Y'
group_window_minutes: 60
rules:
  - match: {service: voice}
    service_category: voice_emergency
    facility: other
    prefectures: {label: region}
    affected_users: 40000
Y
"$anzen" integration create --org 1 --kind alertmanager --rules rules.yaml --json >integ.json
hook=$("$py" -c 'import json; print(json.load(open("integ.json"))["url"])')
token=$("$py" -c 'import json; print(json.load(open("integ.json"))["token"])')
[ -n "$token" ] || fail "no token"
# A rules file with a defect is refused with its line number (exit 2).
printf 'rules:\n  - match: {service: voice}\n    service_category: telepathy\n' >bad.yaml
set +e
"$anzen" integration create --org 1 --kind alertmanager --rules bad.yaml 2>err.txt; rc=$?
set -e
[ $rc -eq 2 ] && grep -q "bad.yaml:3: rules\[0\].service_category" err.txt || fail "bad rules: rc=$rc $(cat err.txt)"

smtp_port=$(free_port)
mkdir -p mail/tmp mail/new mail/cur  # a Maildir
"$py" -m aiosmtpd -n -l "127.0.0.1:$smtp_port" -c aiosmtpd.handlers.Mailbox "$tmp/mail" >smtp.log 2>&1 &
pids+=($!)
"$anzen" notify add --org 1 --kind email --to noc@example.jp --smtp "127.0.0.1:$smtp_port" --json >/dev/null
wait_for 20 "$py" -c "import socket; socket.create_connection(('127.0.0.1', $smtp_port))" || fail "SMTP server did not start"

port=$(free_port)
# Links in mail are absolute: the deployment's public URL (the server's flag; the CLI's variable).
export ANZEN_PUBLIC_URL=https://anzen.example.jp/
"$anzen" serve --port "$port" --clock-interval 1 --public-url https://anzen.example.jp/ >serve.log 2>&1 &
pids+=($!)
wait_for 30 curl -sf "http://127.0.0.1:$port/api/v1/openapi.json" || fail "anzen serve did not start"

# The webhook refuses a wrong token and a body that is not JSON.
code=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H 'Authorization: Bearer nope' -d '{}' "http://127.0.0.1:$port$hook")
[ "$code" = 401 ] || fail "wrong token gave $code"
code=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H "Authorization: Bearer $token" -d 'nope' "http://127.0.0.1:$port$hook")
[ "$code" = 400 ] || fail "bad body gave $code"

am_port=$(free_port)
cat >am.yml <<Y
global:
  resolve_timeout: 1h
route:
  receiver: anzen
  group_by: [alertname, service]
  group_wait: 1s
  group_interval: 1s
  repeat_interval: 1h
receivers:
  - name: anzen
    webhook_configs:
      - url: http://127.0.0.1:$port$hook
        send_resolved: true
        http_config:
          authorization:
            type: Bearer
            credentials: $token
Y
"$am" --config.file=am.yml --storage.path="$tmp/am-data" --web.listen-address="127.0.0.1:$am_port" --cluster.listen-address= >am.log 2>&1 &
pids+=($!)
wait_for 30 curl -sf "http://127.0.0.1:$am_port/-/ready" || fail "alertmanager did not become ready"

# A voice switch has been down for 50 minutes: below the 1 h threshold of voice_emergency.
started=$(iso_in "-50 min")
alert() {  # alert ENDS_AT_JSON
  printf '[{"labels":{"alertname":"VoiceSwitchDown","service":"voice","region":"東京都"},"annotations":{"summary":"音声交換機の停止"},"startsAt":"%s"%s}]' "$started" "$1"
}
curl -sf -X POST -H 'Content-Type: application/json' -d "$(alert '')" "http://127.0.0.1:$am_port/api/v2/alerts" >/dev/null || fail "posting to Alertmanager"

kinds() { "$py" -c 'import json,sys; print(",".join(c["kind"] for c in json.load(sys.stdin)[0]["classification"]["classifications"]))'; }
has_incident() { [ "$("$anzen" incident list --org 1 --json | "$py" -c 'import json,sys; print(len(json.load(sys.stdin)))')" = 1 ]; }
wait_for 60 has_incident || fail "no incident from the Alertmanager alert"
"$anzen" incident list --org 1 --json >inc.json
"$py" - inc.json <<'P'
import json, sys
i = json.load(open(sys.argv[1]))[0]
e = i["event"]
assert e["service_category"] == "voice_emergency" and e["affected_users"] == 40000 and e["ended_at"] is None, e
assert i["details"]["prefectures"] == ["東京都"], i["details"]
assert [c["kind"] for c in i["classification"]["classifications"]] == ["periodic_report_accident"], i["classification"]
P
id=$("$py" -c 'import json; print(json.load(open("inc.json"))[0]["id"])')

mail_with() {  # mail_with TEXT: a message in the maildir whose decoded subject contains TEXT
  "$py" - "$tmp/mail" "$1" <<'P'
import email, email.header, email.policy, os, sys
d, want = sys.argv[1], sys.argv[2]
for sub in ("new", "cur"):
    p = os.path.join(d, sub)
    for f in sorted(os.listdir(p)) if os.path.isdir(p) else []:
        m = email.message_from_bytes(open(os.path.join(p, f), "rb").read(), policy=email.policy.default)
        if want in str(m["subject"]):
            print(m.get_content())
            sys.exit(0)
sys.exit(1)
P
}
# The server's own clock notices that the incident is reportable and mails it.
wait_for 60 mail_with "報告を要する事故" || fail "no mail about the periodic-report accident"

# CLI, API and web agree on the current verdict at a moment past the threshold, while the
# stored verdict is still the earlier one.
later=$(iso_in "+15 min")
"$anzen" user create --org 1 --name kanshi --role viewer --password-stdin <<<"correct horse battery staple" >/dev/null
api_token=$("$anzen" token create --user kanshi --json | "$py" -c 'import json,sys; print(json.load(sys.stdin)["token"])')
cli_k=$("$anzen" incident list --org 1 --json --as-of "$later" | kinds)
api_k=$(curl -sf -H "Authorization: Bearer $api_token" "http://127.0.0.1:$port/api/v1/incidents?as_of=$later" |
  "$py" -c 'import json,sys; print(",".join(c["kind"] for c in json.load(sys.stdin)["incidents"][0]["classification"]["classifications"]))')
curl -sf -H "Authorization: Bearer $api_token" "http://127.0.0.1:$port/incidents/$id?as_of=$later" >page.html
[ "$cli_k" = serious_accident ] || fail "CLI current verdict: $cli_k"
[ "$api_k" = "$cli_k" ] || fail "API says $api_k, CLI says $cli_k"
grep -q "重大な事故" page.html || fail "web page does not show 重大な事故"
obl=$(curl -sf -H "Authorization: Bearer $api_token" "http://127.0.0.1:$port/api/v1/obligations?as_of=$later" |
  "$py" -c 'import json,sys; print(json.load(sys.stdin)["obligations"][0]["type"])')
[ "$obl" = prompt ] || fail "obligations as of later: $obl"
[ "$("$anzen" incident list --org 1 --json | kinds)" = periodic_report_accident ] || fail "now is still below the threshold"

# Simulated time passes the 1 h threshold: the clock escalates, records when and why, and mails.
"$anzen" clock tick --as-of "$later" >tick.json
"$py" -c 'import json,sys; t=json.load(open("tick.json")); assert t["escalated"]==1, t'
"$anzen" incident show --org 1 "$id" >show.json
"$py" - show.json <<'P'
import json, sys
i = json.load(open(sys.argv[1]))
assert [c["kind"] for c in i["classification"]["classifications"]] == ["serious_accident"], i["classification"]
prompt = i["classification"]["classifications"][0]["reports"][0]
assert prompt["type"] == "prompt" and prompt["triggered_at"], prompt
# The timeline says when the threshold was crossed, as every screen shows a moment (JST).
from datetime import datetime, timedelta, timezone
d = datetime.fromisoformat(prompt["triggered_at"]).astimezone(timezone(timedelta(hours=9)))
crossed = f"基準到達 {d.year}年{d.month}月{d.day}日 {d.hour:02d}:{d.minute:02d}"
assert any("重大な事故" in t["text"] and crossed in t["text"] for t in i["timeline"]), (crossed, i["timeline"])
P
wait_for 60 mail_with "重大な事故" || fail "no Japanese mail about the serious accident"
mail_with "重大な事故" >serious_mail.txt
grep -q "速報" serious_mail.txt || fail "the mail does not name the prompt report: $(cat serious_mail.txt)"
grep -q "https://anzen.example.jp/incidents/$id" serious_mail.txt || fail "the mail lacks the absolute link to the incident: $(cat serious_mail.txt)"
mail_with "報告を要する事故" >first_mail.txt
grep -q "https://anzen.example.jp/incidents/$id" first_mail.txt || fail "the server's mail lacks the absolute link: $(cat first_mail.txt)"

# A repeated delivery changes nothing.
manual() {  # manual STATUS ENDS_AT: an Alertmanager v4 delivery sent by hand
  printf '{"version":"4","groupKey":"k","status":"%s","alerts":[{"status":"%s","labels":{"alertname":"VoiceSwitchDown","service":"voice","region":"東京都"},"annotations":{},"startsAt":"%s","endsAt":"%s","fingerprint":"manual"}]}' "$1" "$1" "$started" "$2"
}
payload=$(manual firing 0001-01-01T00:00:00Z)
curl -sf -X POST -H "Authorization: Bearer $token" -d "$payload" "http://127.0.0.1:$port$hook" >d1.json
curl -sf -X POST -H "Authorization: Bearer $token" -d "$payload" "http://127.0.0.1:$port$hook" >d2.json
"$py" -c 'import json; d=json.load(open("d2.json")); assert d["unchanged"]==1 and d["grouped"]==0 and d["created"]==0, d'

# The alert resolves in Alertmanager; its resolved notification ends the incident... once the
# manually delivered alert of the group has resolved too.
ended=$(iso_in "now")
curl -sf -X POST -H "Authorization: Bearer $token" -d "$(manual resolved "$ended")" "http://127.0.0.1:$port$hook" >/dev/null
curl -sf -X POST -H 'Content-Type: application/json' -d "$(alert ",\"endsAt\":\"$ended\"")" "http://127.0.0.1:$am_port/api/v2/alerts" >/dev/null
is_ended() { "$anzen" incident show --org 1 "$id" | "$py" -c 'import json,sys; sys.exit(0 if json.load(sys.stdin)["event"]["ended_at"] else 1)'; }
wait_for 60 is_ended || fail "the resolved alert did not end the incident"

"$anzen" audit verify >/dev/null || fail "audit chain broken"
"$anzen" audit verify --json | "$py" -c 'import json,sys; assert json.load(sys.stdin)["ok"]'
echo "ok: alertmanager → incident → escalation → mail → resolved"
