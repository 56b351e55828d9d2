#!/usr/bin/env bash
# The audit page never shows a code: every entity, action and field the code can write to the
# audit trail has a ja/en label in the one vocabulary. The sources are read for every audit
# entry's entity and action; then real flows run (the demo, the administration page's account
# forms, a token, sign-in and out, a denied request, a download) and every entity, action and
# field read back from /audit.json must have a label too. The administration forms are checked
# on the way: a refused input comes back with status 400, the Japanese error beside its field
# and the typed name kept. Args: ANZEN_BINARY SOURCE_DIR.
source "$(dirname "$0")/security/lib.bash"
command -v python3 >/dev/null || { echo "SKIP: python3 missing"; exit 77; }
pw=anzen-demo-2026
"$anzen" vocab list --json >"$tmp/vocab.json"
start_server app
[ "$(login "$app_base" demo "$pw" "$tmp/jar")" = 303 ] || fail "login"
csrf=$(csrf_of "$app_base" "$tmp/jar")
post() {  # post PATH FIELD=VALUE...: prints the HTTP status, keeps the body in $tmp/body
  local path=$1
  shift
  local args=(--data-urlencode "_csrf=$csrf")
  for kv in "$@"; do args+=(--data-urlencode "$kv"); done
  curl -s -b "$tmp/jar" -o "$tmp/body" -w '%{http_code}' "${args[@]}" "$app_base$path"
}

# A new user: a short password is refused beside its field, in Japanese, the name kept.
[ "$(post /admin/users new_name=sato new_password=short new_role=viewer)" = 400 ] || fail "short password not refused"
grep -q 'id="new_password-error"[^>]*>このパスワードは使えません' "$tmp/body" || fail "no Japanese error beside the password"
grep -q 'id="new_name" name="new_name" value="sato"' "$tmp/body" || fail "typed name not kept"
grep -q 'value="short"' "$tmp/body" && fail "the refused password is sent back"
[ "$(post /admin/users new_name=sato new_password=kawa-no-nagare-7 new_role=viewer)" = 303 ] || fail "user not created"
[ "$(post /admin/users new_name=sato new_password=kawa-no-nagare-7 new_role=viewer)" = 400 ] || fail "duplicate user accepted"
grep -q 'id="new_name-error"[^>]*>ユーザー「sato」はすでにあります' "$tmp/body" || fail "duplicate name not explained"
sid=$(curl -s -b "$tmp/jar" "$app_base/audit.json?entity=user&action=create" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["entity_id"])')
[ "$(post "/admin/users/$sid/role" role=overlord)" = 400 ] || fail "unknown role accepted"
grep -q "id=\"role-$sid-error\"" "$tmp/body" || fail "role error not beside the user's role"
[ "$(post "/admin/users/$sid/role" role=auditor)" = 303 ] || fail "role change"
[ "$(post "/admin/users/$sid/password" password=password)" = 400 ] || fail "weak password accepted"
grep -q "id=\"password-$sid-error\"" "$tmp/body" || fail "password error not beside the user's field"
[ "$(post "/admin/users/$sid/password" password=yama-no-oto-2026)" = 303 ] || fail "password change"
[ "$(post /admin/tokens token_user="$sid" token_label= token_days=30)" = 400 ] || fail "token without a label"
grep -q 'id="token_label-error"[^>]*>用途を入力してください' "$tmp/body" || fail "token label error"
[ "$(post /admin/tokens token_user="$sid" token_label=監視 token_days=30)" = 200 ] || fail "token not created"
tok=$(grep -o 'anz_[A-Za-z0-9_-]*' "$tmp/body" | head -1)
[ -n "$tok" ] || fail "the new token is not shown"
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $tok" "$app_base/api/v1/assessments")" = 200 ] ||
  fail "the new token does not work"
tid=$(curl -s -b "$tmp/jar" "$app_base/audit.json?entity=api_token&action=create" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["entity_id"])')
[ "$(post "/admin/tokens/$tid/revoke")" = 303 ] || fail "token revoke"
[ "$(post "/admin/users/$sid/disable")" = 303 ] || fail "disable"
[ "$(post "/admin/users/$sid/enable")" = 303 ] || fail "enable"
[ "$(post "/admin/users/$sid/delete")" = 303 ] || fail "delete"
# A denied request and a download are audited too.
curl -s -b "$tmp/jar" -o /dev/null "$app_base/assessments/999999"
a=$(python3 -c 'import json; print(json.load(open("'"$tmp"'/demo.json"))["assessment_id"])')
curl -s -b "$tmp/jar" -o /dev/null "$app_base/assessments/$a/export.csv"

curl -s -b "$tmp/jar" "$app_base/audit.json" >"$tmp/audit.json"
python3 "$(dirname "$0")/audit_vocabulary.py" "$src" "$tmp/vocab.json" "$tmp/audit.json" ||
  fail "audit entities, actions or fields without a label"

# The page itself: labels, not codes, in the 内容 column and the differences.
curl -s -b "$tmp/jar" "$app_base/audit?entity=plan_item" >"$tmp/audit.html"
grep -q '計画項目 #' "$tmp/audit.html" || fail "plan items not named 計画項目 on the audit page"
grep -q '<a class="audit-record" href="/plan/[0-9]*">計画項目 #' "$tmp/audit.html" || fail "the plan item is not linked"
python3 - "$tmp/audit.html" <<'PY' || fail "codes on the audit page"
import html, re, sys
page = open(sys.argv[1], encoding="utf-8").read()
main = page[page.index("<main"):]
text = html.unescape(re.sub(r"<[^>]+>", " ", re.sub(r"(?s)<(script|style|select)\b.*?</\1>", " ", main)))
seen = [c for c in ("plan_item", "save", "target_state", "in_progress", "planned", "risk_ids") if re.search(r"(?<![\w-])" + c + r"(?![\w-])", text)]
assert not seen, seen
PY
echo "ok: every audited entity, action and field has a label"
