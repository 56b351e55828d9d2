#!/usr/bin/env bash
# Input handling (issue 13, M8, M9 and the lower findings): long Japanese form text, digit
# grouping, open redirects, CSRF only from the body, API type errors naming the field, NUL bytes
# and length limits, evidence file names and types. Args: ANZEN_BINARY SOURCE_DIR.
# It reads the SQLite file itself (python's sqlite3) to see what was stored; under the PostgreSQL
# wrapper (scripts/test-on-pg.sh) there is no such file.
if [ -n "${ANZEN_PG_BASE:-}" ]; then echo "SKIP on PostgreSQL: this test reads the SQLite file directly"; exit 77; fi
source "$(dirname "$0")/security/lib.bash"
pw=anzen-demo-2026
start_server app
a=$(python3 -c 'import json; print(json.load(open("'"$tmp"'/demo.json"))["assessment_id"])')
q=$(python3 -c 'import json; print(json.load(open("'"$tmp"'/demo.json"))["question_to_answer"])')
[ "$(login "$app_base" demo "$pw" "$tmp/jar")" = 303 ] || fail login
csrf=$(csrf_of "$app_base" "$tmp/jar")
tok=$(token_for demo)

# M8: a disclosure section of 3,000 Japanese characters (9 KB, over the old 8 KB form limit) saves.
long=$(python3 -c 'print("当社は電気通信事業者として安全基準に基づく対策を実施しています。" * 100)')
code=$(curl -s -o /dev/null -w '%{http_code}' -b "$tmp/jar" --data-urlencode "_csrf=$csrf" --data-urlencode "sec-1=$long" "$app_base/assessments/$a/disclosure")
[ "$code" = 303 ] || fail "long disclosure text: HTTP $code"
[ "$(sql "SELECT length(text) FROM report_texts WHERE assessment_id=$a AND report='disclosure' AND section='1'")" = 3200 ] || fail "long text not saved whole"
# Over the per-field limit: 400 naming the field and the limit, on an Anzen page (not a blank 413).
python3 -c 'print("sec-2=" + "a"*250000)' >"$tmp/big.form"
code=$(curl -s -o "$tmp/big.html" -w '%{http_code}' -b "$tmp/jar" --data-urlencode "_csrf=$csrf" --data-binary @"$tmp/big.form" "$app_base/assessments/$a/disclosure")
[ "$code" = 400 ] || fail "oversized field: HTTP $code"
# In the page's language (the demo user's is Japanese), naming the field and the limit.
grep -q '「sec-2」が長すぎます（200,000 バイト' "$tmp/big.html" || fail "oversized field message: $(grep -o 'class="error"[^<]*' "$tmp/big.html")"

# M9: "40,000" users in the incident form is forty thousand (a serious accident), "40,00" is refused.
code=$(curl -s -o /dev/null -w '%{http_code}' -D "$tmp/inc.h" -b "$tmp/jar" --data-urlencode "_csrf=$csrf" \
  --data-urlencode title=障害 --data-urlencode event_type=outage --data-urlencode service_category=voice_emergency --data-urlencode facility=other \
  --data-urlencode "affected_users=40,000" --data-urlencode started_at=2026-03-01T10:00 --data-urlencode ended_at=2026-03-01T13:00 "$app_base/incidents")
[ "$code" = 303 ] || fail "incident with 40,000: HTTP $code"
users=$(sql "SELECT json_extract(event_json, '$.affected_users') FROM incidents ORDER BY id DESC LIMIT 1")
[ "$users" = 40000 ] || fail "40,000 stored as $users"
iid=$(sql "SELECT id FROM incidents ORDER BY id DESC LIMIT 1")
code=$(curl -s -o /dev/null -w '%{http_code}' -b "$tmp/jar" --data-urlencode "_csrf=$csrf" --data-urlencode "affected_users=４０，０００" "$app_base/incidents/$iid")
[ "$code" = 303 ] || fail "update with full-width 40,000: HTTP $code"
code=$(curl -s -o /dev/null -w '%{http_code}' -b "$tmp/jar" --data-urlencode "_csrf=$csrf" --data-urlencode "affected_users=40,00" "$app_base/incidents/$iid")
[ "$code" = 400 ] || fail "40,00 accepted: HTTP $code"

# Open redirect after login: a tab (dropped by browsers) or a backslash cannot lead off-site.
for next in $'/\t/evil.example/' '/\evil.example' '//evil.example' $'/\n/evil.example'; do
  csrf_l=$(curl -s -c "$tmp/jn" "$app_base/login" | grep -o 'name="_login_csrf" value="[^"]*"' | sed 's/.*value="//; s/"//')
  loc=$(curl -s -b "$tmp/jn" -o /dev/null -w '%{redirect_url}' --data-urlencode name=demo --data-urlencode "password=$pw" \
    --data-urlencode "_login_csrf=$csrf_l" --data-urlencode "next=$next" "$app_base/login")
  [ "$loc" = "$app_base/" ] || fail "next=$(printf %q "$next") redirected to $loc"
done

# CSRF token only from a header or the body: the same token in the query string is refused.
code=$(curl -s -o /dev/null -w '%{http_code}' -b "$tmp/jar" --data-urlencode "sec-3=x" "$app_base/assessments/$a/disclosure?_csrf=$csrf")
[ "$code" = 403 ] || fail "CSRF token from the query string: HTTP $code"

# API type errors are 400 naming the field, not 500.
code=$(curl -s -o "$tmp/type.json" -w '%{http_code}' -X PUT -H "Authorization: Bearer $tok" -H 'Content-Type: application/json' \
  --data '{"status":"implemented","comment":5}' "$app_base/api/v1/assessments/$a/answers/$q")
[ "$code" = 400 ] || fail "API type error: HTTP $code"
grep -q 'comment' "$tmp/type.json" || fail "type error does not name the field: $(cat "$tmp/type.json")"
code=$(curl -s -o "$tmp/type.json" -w '%{http_code}' -H "Authorization: Bearer $tok" -H 'Content-Type: application/json' \
  --data '{"event_type":"outage","affected_users":"many","started_at":"2026-01-01T00:00:00+09:00"}' "$app_base/api/v1/incidents/classify")
[ "$code" = 400 ] || fail "classify type error: HTTP $code"
grep -q 'affected_users' "$tmp/type.json" || fail "classify type error: $(cat "$tmp/type.json")"

# NUL bytes in text are refused with the field named.
code=$(curl -s -o "$tmp/nul.html" -w '%{http_code}' -b "$tmp/jar" --data "_csrf=$csrf&sec-4=a%00b" "$app_base/assessments/$a/disclosure")
[ "$code" = 400 ] || fail "NUL in a field: HTTP $code"
grep -q '「sec-4」に使用できない文字（NUL）' "$tmp/nul.html" || fail "NUL message: $(grep -o 'class="error"[^<]*' "$tmp/nul.html")"

# Evidence: a name with folders and a right-to-left override is stored as a plain name; the
# uploader's type is not reflected (an HTML file is served as an attachment of a neutral type).
printf '<script>alert(1)</script>' >"$tmp/x.html"
name=$(printf '../../etc/\u202Egnp.html')
code=$(curl -s -o /dev/null -w '%{http_code}' -b "$tmp/jar" -F "_csrf=$csrf" -F "file=@$tmp/x.html;filename=$name;type=text/html" \
  "$app_base/assessments/$a/questions/$q/evidence")
[ "$code" = 303 ] || fail "evidence upload: HTTP $code"
stored=$(sql "SELECT filename || '|' || mime FROM evidence ORDER BY id DESC LIMIT 1")
[ "$stored" = "gnp.html|application/octet-stream" ] || fail "stored evidence name/type: $stored"
eid=$(sql "SELECT id FROM evidence ORDER BY id DESC LIMIT 1")
curl -s -b "$tmp/jar" -D "$tmp/ev.h" -o /dev/null "$app_base/assessments/$a/evidence/$eid"
grep -qi '^Content-Type: application/octet-stream' "$tmp/ev.h" || fail "evidence type: $(grep -i content-type "$tmp/ev.h")"
grep -qi '^Content-Disposition: attachment' "$tmp/ev.h" || fail "evidence not an attachment"
grep -qi '^X-Content-Type-Options: nosniff' "$tmp/ev.h" || fail "evidence without nosniff"
echo "security_input: ok"
