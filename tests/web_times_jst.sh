#!/usr/bin/env bash
# Times on every page are Japan Standard Time in one display format (date::display_time): the
# test signs in as the demo's administrator, follows every link of the app
# (Japanese and English) and fails when a page's visible text shows a stored timestamp as raw ISO
# (2026-11-27T00:00:00Z, 2026-11-27 00:00:00, …+09:00). Args: ANZEN_BINARY SOURCE_DIR.
source "$(dirname "$0")/security/lib.bash"
command -v python3 >/dev/null || { echo "SKIP: python3 missing"; exit 77; }
pw=anzen-demo-2026
start_server app
# Records whose pages show times: an incident with a change, a notification, an API token.
"$anzen" --db "$db" token create --user demo --label jst-check --json >/dev/null
org=$(python3 -c 'import json; print(json.load(open("'"$tmp"'/demo.json"))["org_id"])')
sup=$("$anzen" --db "$db" supplier create --org "$org" --name "機器メーカー" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
"$anzen" --db "$db" questionnaire send --org "$org" --supplier "$sup" --template maker --due 2099-03-31 --json >"$tmp/sent.json"
portal=$(python3 -c 'import json; print(json.load(open("'"$tmp"'/sent.json"))["token"])')
first=$(curl -s "$app_base/api/v1/portal/$portal" | python3 -c 'import json,sys; print(json.load(sys.stdin)["questions"][0]["id"])')
[ "$(curl -s -o /dev/null -w '%{http_code}' -X PUT -H 'Content-Type: application/json' \
  --data '{"status":"implemented","comment":"対応済み"}' "$app_base/api/v1/portal/$portal/answers/$first")" = 200 ] ||
  fail "the supplier's answer was not stored"
for lang in ja en; do
  rm -f "$tmp/jar"
  [ "$(login "$app_base" demo "$pw" "$tmp/jar")" = 303 ] || fail "login"
  python3 "$(dirname "$0")/web_times_jst.py" "$app_base" "$tmp/jar" "$lang" ${JST_LIST_PAGES:+list} || fail "raw times on $lang pages"
done
echo "ok: no raw ISO time on any page"
