#!/usr/bin/env bash
# Suppliers end to end (issue 17's "Done when"): an operator sends the maker-column
# questionnaire; the maker answers it through the portal API without an account against a real
# `anzen serve`; the operator returns one answer with a comment; the maker fixes it; the operator
# accepts; the maker shares the accepted snapshot with a second operator, who reads it; revoking
# makes it unreadable. Plus isolation: a token or a user reaches only its own questionnaire
# (everything else 404), a revoked link gets 410 with a Japanese page.
# Args: ANZEN_BINARY SOURCE_DIR.
set -euo pipefail
anzen=$1
src=$2
# shellcheck source=lib/supplier_env.sh
. "$src/tests/lib/supplier_env.sh"

op1=$("$anzen" org create --name "第一通信株式会社" --kind operator --json | jget 'd["id"]')
op2=$("$anzen" org create --name "第二通信株式会社" --kind operator --json | jget 'd["id"]')
maker=$("$anzen" org create --name "機器メーカー株式会社" --kind maker --json | jget 'd["id"]')
maker2=$("$anzen" org create --name "別メーカー株式会社" --kind maker --json | jget 'd["id"]')

# Register: the 法人番号 check digit is checked, and a refusal changes nothing.
expect_exit 2 "$anzen" supplier create --org "$op1" --name "機器メーカー" --corporate-number 2180301018771 --json
grep -q "法人番号" "$tmp/err" || fail "the refusal should name 法人番号"
[ "$("$anzen" supplier list --org "$op1" --json | jget 'len(d)')" = 0 ] || fail "a refused supplier was stored"
sup=$("$anzen" supplier create --org "$op1" --name "機器メーカー" --corporate-number 1180301018771 --maker-org "$maker" --json | jget 'd["id"]')
sup2=$("$anzen" supplier create --org "$op1" --name "別メーカー" --maker-org "$maker2" --json | jget 'd["id"]')
sup_op2=$("$anzen" supplier create --org "$op2" --name "機器メーカー" --maker-org "$maker" --json | jget 'd["id"]')

# Send: the maker column is 89 rows of 表2 (100 questions); unknown templates are refused.
expect_exit 2 "$anzen" questionnaire send --org "$op1" --supplier "$sup" --template nosuch --due 2099-03-31 --json
expect_exit 2 "$anzen" questionnaire send --org "$op2" --supplier "$sup" --template maker --due 2099-03-31 --json  # op1's supplier
"$anzen" questionnaire send --org "$op1" --supplier "$sup" --template maker --due 2099-03-31 --json >"$tmp/sent.json"
qid=$(jget 'd["id"]' <"$tmp/sent.json")
token=$(jget 'd["token"]' <"$tmp/sent.json")
url=$(jget 'd["url"]' <"$tmp/sent.json")
[ "$url" = "/portal/$token" ] || fail "url should be /portal/TOKEN, got $url"
[ "$(jget 'd["questions"]' <"$tmp/sent.json")" = 100 ] || fail "maker template should have 100 questions"
! cat "$ANZEN_DB"* | grep -aq "$token" || fail "the raw token is stored in the database"
other=$("$anzen" questionnaire send --org "$op1" --supplier "$sup2" --template tcs-2023:10 --due 2099-03-31 --custom "ISMS認証を取得していますか" --json)
other_id=$(echo "$other" | jget 'd["id"]')
other_token=$(echo "$other" | jget 'd["token"]')

# Users of each organisation, with API tokens.
for who in op1 op2 maker maker2; do
  echo "password-$who" | "$anzen" user create --org "${!who}" --name "u-$who" --role assessor --password-stdin >/dev/null
  declare "tok_$who=$("$anzen" token create --user "u-$who" --json | jget 'd["token"]')"
done

start_server
put_answer() {  # put_answer TOKEN QUESTION STATUS COMMENT
  code -X PUT -H 'Content-Type: application/json' --data "{\"status\":\"$3\",\"comment\":\"$4\"}" "$base/api/v1/portal/$1/answers/$2"
}

# The portal needs nothing but the token.
[ "$(code "$base/api/v1/portal/$token")" = 200 ] || fail "portal GET"
[ "$(jget 'd["id"]' <"$tmp/body")" = "$qid" ] || fail "portal shows another questionnaire"
[ "$(jget 'len(d["questions"])' <"$tmp/body")" = 100 ] || fail "portal questions"
jget 'd["questions"][0]["id"]' <"$tmp/body" >"$tmp/first"
python3 -c "import json,sys; [print(q['id']) for q in json.load(open('$tmp/body'))['questions']]" >"$tmp/qids"
[ "$(code "$base/api/v1/portal/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")" = 404 ] || fail "unknown token should be 404"
# A token reaches only its own questionnaire: a question of another questionnaire is 404.
[ "$(put_answer "$token" C1 implemented x)" = 404 ] || fail "a question of another questionnaire should be 404"
[ "$(code "$base/api/v1/questionnaires/$qid")" = 401 ] || fail "the operator API needs an account"
[ "$(put_answer "$token" T2-001.1 bogus x)" = 400 ] || fail "a bad status should be 400"

# The maker answers every question; the first one only partially.
first=$(cat "$tmp/first")
while read -r q; do
  st=implemented; [ "$q" = "$first" ] && st=partial
  [ "$(put_answer "$token" "$q" "$st" "社内規程で対応")" = 200 ] || { cat "$tmp/body"; fail "answer $q"; }
done <"$tmp/qids"
[ "$("$anzen" questionnaire show "$qid" --json | jget 'd["status"]')" = in_progress ] || fail "status after answers"
[ "$(code -X POST --data "" "$base/api/v1/portal/$token/submit")" = 200 ] || { cat "$tmp/body"; fail "submit"; }
[ "$(put_answer "$token" "$first" implemented "")" = 400 ] || fail "a submitted questionnaire cannot be changed"

# The operator returns one answer with a comment; the maker sees it and fixes it.
expect_exit 2 "$anzen" questionnaire review "$qid" --return  # a return says what to fix
"$anzen" questionnaire review "$qid" --return --question-comment "$first=規程の該当条項を示してください" --json >/dev/null
[ "$(code "$base/api/v1/portal/$token")" = 200 ] || fail "portal after return"
[ "$(jget 'd["status"]' <"$tmp/body")" = returned ] || fail "status should be returned"
[ "$(jget 'd["questions"][0]["review_comment"]' <"$tmp/body")" = "規程の該当条項を示してください" ] || fail "review comment not shown"
[ "$(put_answer "$token" "$first" implemented "情報セキュリティ規程 第5条")" = 200 ] || fail "fix"
[ "$(code -X POST --data "" "$base/api/v1/portal/$token/submit")" = 200 ] || fail "resubmit"
"$anzen" questionnaire review "$qid" --accept --json | jget 'd["status"]' | grep -qx accepted || fail "accept"
"$anzen" questionnaire show "$qid" --json >"$tmp/show.json"
python3 - "$tmp/show.json" "$first" <<'PY' || fail "history and answers after acceptance"
import json, sys
d = json.load(open(sys.argv[1])); first = sys.argv[2]
assert d["status"] == "accepted"
assert d["answers"][first]["comment"] == "情報セキュリティ規程 第5条"
acts = [e["action"] for e in d["history"]]
for a in ("send", "answer", "submit", "return", "review_comment", "accept"):
    assert a in acts, a
assert acts.index("return") < acts.index("accept")
assert any(e["actor"].startswith("portal:") for e in d["history"])
PY

# Isolation: the maker reads its questionnaire; another maker and another operator get 404.
auth() { echo "Authorization: Bearer $1"; }
[ "$(code -H "$(auth "$tok_maker")" "$base/api/v1/questionnaires/$qid")" = 200 ] || fail "maker reads its questionnaire"
[ "$(code -H "$(auth "$tok_maker2")" "$base/api/v1/questionnaires/$qid")" = 404 ] || fail "another maker must get 404"
[ "$(code -H "$(auth "$tok_op2")" "$base/api/v1/questionnaires/$qid")" = 404 ] || fail "another operator must get 404"
[ "$(code -H "$(auth "$tok_maker")" "$base/api/v1/questionnaires/$other_id")" = 404 ] || fail "maker must not see another maker's questionnaire"
[ "$(code -H "$(auth "$tok_maker")" "$base/questionnaires/$other_id")" = 404 ] || fail "maker page of another maker's questionnaire"
code -H "$(auth "$tok_maker")" "$base/api/v1/questionnaires" >/dev/null
[ "$(jget '[q["id"] for q in d["received"]]' <"$tmp/body")" = "[$qid]" ] || fail "maker's received list"
[ "$(code "$base/api/v1/portal/$other_token")" = 200 ] && [ "$(jget 'd["id"]' <"$tmp/body")" = "$other_id" ] || fail "second token"

# Answer once, share with many: op2 reads only once shared, and not after revocation.
expect_exit 2 "$anzen" snapshot take --org "$op1" --questionnaire "$qid" --json  # the operator cannot keep it
snap=$("$anzen" snapshot take --org "$maker" --questionnaire "$qid" --json | jget 'd["id"]')
[ "$(code -H "$(auth "$tok_op2")" "$base/api/v1/snapshots/$snap")" = 404 ] || fail "unshared snapshot readable"
share=$("$anzen" snapshot share "$snap" --org "$maker" --with "$op2" --json | jget 'd["id"]')
[ "$(code -H "$(auth "$tok_op2")" "$base/api/v1/snapshots/$snap")" = 200 ] || fail "op2 reads the shared snapshot"
[ "$(jget 'len(d["questions"])' <"$tmp/body")" = 100 ] || fail "snapshot questions"
[ "$(code -H "$(auth "$tok_op1")" "$base/api/v1/snapshots/$snap")" = 404 ] || fail "snapshot shared with op2 only"
[ "$(code -H "$(auth "$tok_maker2")" "$base/api/v1/snapshots/$snap")" = 404 ] || fail "another maker reads the snapshot"
"$anzen" snapshot log --org "$maker" --json >"$tmp/log.json"
python3 -c "
import json; d = json.load(open('$tmp/log.json'))
assert [r['reader'] for r in d['reads']] == ['u-op2'], d['reads']
assert d['reads'][0]['operator_org_id'] == $op2
" || fail "the maker sees who opened what"
adopted=$("$anzen" questionnaire adopt --org "$op2" --supplier "$sup_op2" --snapshot "$snap" --json | jget 'd["status"]')
[ "$adopted" = accepted ] || fail "op2 adopts the shared snapshot"
expect_exit 2 "$anzen" snapshot revoke "$share" --org "$maker2"  # only the maker revokes
"$anzen" snapshot revoke "$share" --org "$maker"
[ "$(code -H "$(auth "$tok_op2")" "$base/api/v1/snapshots/$snap")" = 404 ] || fail "revoked share still readable"
expect_exit 2 "$anzen" snapshot show "$snap" --org "$op2" --json

# Offline: the sheet exported for a questionnaire imports back; a file that is not one is
# refused with exit 2 and changes nothing.
"$anzen" questionnaire export "$other_id" --format xlsx -o "$tmp/q.xlsx"
[ "$(head -c 2 "$tmp/q.xlsx")" = PK ] || fail "export should be an XLSX (zip) file"
"$anzen" questionnaire import "$other_id" "$tmp/q.xlsx" --json | jget 'd["changed"]' | grep -qx 0 || fail "unchanged sheet import"
echo "not a spreadsheet" >"$tmp/bad.xlsx"
expect_exit 2 "$anzen" questionnaire import "$other_id" "$tmp/bad.xlsx"
[ "$("$anzen" questionnaire show "$other_id" --json | jget 'd["status"]')" = sent ] || fail "a refused import changed the questionnaire"

# Revoked portal links: 410, with a Japanese page in the browser.
[ "$("$anzen" questionnaire revoke "$other_id" --json | jget 'd["revoked"]')" = 1 ] || fail "revoke"
[ "$(code "$base/api/v1/portal/$other_token")" = 410 ] || fail "revoked token should be 410"
[ "$(code "$base/portal/$other_token")" = 410 ] || fail "revoked portal page should be 410"
grep -q "有効期限が切れたか、取り消されています" "$tmp/body" || fail "410 page should be Japanese"
[ "$(code -X PUT --data '{"status":"implemented"}' "$base/api/v1/portal/$other_token/answers/C1")" = 410 ] || fail "revoked PUT should be 410"

# The OpenAPI document describes the portal as open (no bearer).
code "$base/api/v1/openapi.json" >/dev/null
jget 'd["paths"]["/api/v1/portal/{token}/answers/{question}"]["put"]["security"]' <"$tmp/body" | grep -qx '\[\]' || fail "openapi portal"
"$anzen" audit verify >/dev/null || fail "audit chain"
echo "supplier_cli: ok"
