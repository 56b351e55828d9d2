#!/usr/bin/env bash
# Refusals are said in the user's language, next to the field (issue 15, 3 and 4): the test sends
# invalid input to each form of the app (risks, assets, plan, checklist question, evidence,
# assessment, incident, organisation, users, notification channels, suppliers, contracts,
# questionnaires) in Japanese and in English, and fails when the Japanese page shows an English
# sentence or a code of the vocabulary, or the English page shows Japanese; the JSON API gives
# the field and the message in the request's language. Args: ANZEN_BINARY SOURCE_DIR.
source "$(dirname "$0")/security/lib.bash"
command -v python3 >/dev/null || { echo "SKIP: python3 missing"; exit 77; }
pw=anzen-demo-2026
start_server app
"$anzen" vocab list --json >"$tmp/vocab.json"
for lang in ja en; do
  rm -f "$tmp/jar"
  [ "$(login "$app_base" demo "$pw" "$tmp/jar")" = 303 ] || fail "login"
  python3 "$(dirname "$0")/web_errors_ja.py" "$app_base" "$tmp/jar" "$tmp/vocab.json" "$lang" >"$tmp/out-$lang" && cat "$tmp/out-$lang" ||
    { cat "$tmp/out-$lang"; fail "refusals not in $lang"; }
done
# The API: `error` stays the English line, `field` and `message` (in the asked language) are added.
tok=$(token_for demo)
for lang in ja en; do
  curl -s -H "Authorization: Bearer $tok" -H "Accept-Language: $lang" -H 'Content-Type: application/json' \
    --data '{"name":"","kind":"facility","c":1,"i":1,"a":1}' "$app_base/api/v1/assets" >"$tmp/api-$lang.json"
done
python3 - "$tmp/api-ja.json" "$tmp/api-en.json" <<'PY' || fail "API error shape"
import json, sys
ja, en = (json.load(open(p, encoding="utf-8")) for p in sys.argv[1:3])
assert ja["status"] == 400 and ja["field"] == "name" and ja["error"] == "name: must not be empty", ja
assert ja["message"] == "名称を入力してください。" and ja["code"] == "required", ja
assert en["message"] == "Enter the name." and en["error"] == ja["error"], en
PY
echo "ok: refusals in Japanese and English, next to their fields"
