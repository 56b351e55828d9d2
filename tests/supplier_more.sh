#!/usr/bin/env bash
# Suppliers, the rest of issue 17 against a real `anzen serve`: a user with the supplier role
# sees and answers only its organisation's questionnaires (everything else 404) and attaches
# evidence; unsatisfactory answers become supplier risks and, on acceptance, plan items with the
# six fields; re-assessment due dates and the overdue list; asset names linked to the supplier;
# outsourcing contracts with chapter 10's clauses; the OSCAL component-definition export (valid
# against the NIST schema, shaped like NIST's example) and its import (atomic, refusals exit 2
# naming the field).
# Args: ANZEN_BINARY SOURCE_DIR.
set -euo pipefail
anzen=$1
src=$2
# shellcheck source=lib/supplier_env.sh
. "$src/tests/lib/supplier_env.sh"

op=$("$anzen" org create --name "第一通信株式会社" --kind operator --json | jget 'd["id"]')
op2=$("$anzen" org create --name "第二通信株式会社" --kind operator --json | jget 'd["id"]')
maker=$("$anzen" org create --name "機器メーカー株式会社" --kind maker --json | jget 'd["id"]')

# Assets name suppliers in free text; registering the supplier links the exact name only.
a1=$("$anzen" asset create --org "$op" --name "交換機" --kind facility --cia 3,3,3 --suppliers "機器メーカー" --json | jget 'd["id"]')
"$anzen" asset create --org "$op" --name "監視端末" --kind facility --cia 2,2,2 --suppliers "機器メーカー（保守）" >/dev/null
sup=$("$anzen" supplier create --org "$op" --name "機器メーカー" --maker-org "$maker" --criticality high --json | jget 'd["id"]')
"$anzen" supplier show "$sup" --org "$op" --json >"$tmp/sup.json"
[ "$(jget 'd["asset_ids"]' <"$tmp/sup.json")" = "[$a1]" ] || fail "the exact supplier name should be linked, only it"
sup_op2=$("$anzen" supplier create --org "$op2" --name "機器メーカー" --maker-org "$maker" --json | jget 'd["id"]')

# Re-assessment: a supplier never assessed is due on the day it was registered.
today=$(python3 -c 'import datetime; print(datetime.date.today().isoformat())')
[ "$(jget 'd["reassessment"]["due"]' <"$tmp/sup.json")" \< "$(python3 -c 'import datetime; print((datetime.date.today()+datetime.timedelta(days=2)).isoformat())')" ] || fail "a new supplier is due at once"
[ "$("$anzen" supplier overdue --org "$op" --today 2099-01-01 --json | jget '[x["supplier_id"] for x in d]')" = "[$sup]" ] || fail "overdue list"
expect_exit 2 "$anzen" supplier interval "$sup" --org "$op" --months 0
grep -q "interval" "$tmp/err" || fail "the refusal names the interval"

sent=$("$anzen" questionnaire send --org "$op" --supplier "$sup" --template tcs-2023:10 --due 2099-03-31 --json)
qid=$(echo "$sent" | jget 'd["id"]')
other=$("$anzen" questionnaire send --org "$op2" --supplier "$sup_op2" --template tcs-2023:10 --due 2099-03-31 --json | jget 'd["id"]')
q2=$("$anzen" questionnaire send --org "$op" --supplier "$sup" --template tcs-2023:10 --due 2099-03-31 --json | jget 'd["id"]')

# Users: a supplier user of the maker, an assessor of the operator.
echo "password-supplier-1" | "$anzen" user create --org "$maker" --name "s-user" --role supplier --password-stdin >/dev/null
echo "password-operator-1" | "$anzen" user create --org "$op" --name "o-user" --role assessor --password-stdin >/dev/null
tok_s=$("$anzen" token create --user s-user --json | jget 'd["token"]')
tok_o=$("$anzen" token create --user o-user --json | jget 'd["token"]')

start_server
S="Authorization: Bearer $tok_s"

# The supplier user: its questionnaires, nothing else.
[ "$(code -H "$S" "$base/api/v1/questionnaires")" = 200 ] || fail "supplier user lists questionnaires"
python3 - "$tmp/body" "$qid" "$q2" "$other" <<'PY' || fail "the supplier user's list"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["sent"] == [], d["sent"]
assert sorted(q["id"] for q in d["received"]) == sorted([int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])]), d
PY
[ "$(code -H "$S" "$base/api/v1/questionnaires/$qid")" = 200 ] || fail "supplier user reads its questionnaire"
for path in /api/v1/suppliers /suppliers /assessments /risks /plan /reports /admin /audit /snapshots "/suppliers/$sup" /api/v1/suppliers/reassessments; do
  [ "$(code -H "$S" "$base$path")" = 404 ] || fail "supplier user should get 404 on $path"
done
[ "$(code -H "$S" -X POST -H 'Content-Type: application/json' --data '{"verdict":"accept"}' "$base/api/v1/questionnaires/$qid/review")" = 404 ] || fail "supplier user cannot review"
[ "$(code -H "$S" "$base/")" = 303 ] || fail "the supplier user's home is its questionnaires"
[ "$(code -H "$S" "$base/questionnaires")" = 200 ] || fail "supplier user's inbox page"
grep -q "/questionnaires/$qid" "$tmp/body" || fail "inbox lists the questionnaire"
! grep -q 'href="/suppliers"' "$tmp/body" || fail "the supplier user's menu offers pages it cannot open"
# The operator's own questionnaire pages stay the operator's: a supplier user of the operator
# organisation would not see what the operator sent.
echo "password-supplier-2" | "$anzen" user create --org "$op" --name "s-op" --role supplier --password-stdin >/dev/null
tok_sop=$("$anzen" token create --user s-op --json | jget 'd["token"]')
[ "$(code -H "Authorization: Bearer $tok_sop" "$base/api/v1/questionnaires/$qid")" = 404 ] || fail "a supplier user sees only questionnaires addressed to its organisation"

# It answers like the portal: the first question 未実施, the second 一部実施, the rest 実施済.
code -H "$S" "$base/api/v1/questionnaires/$qid" >/dev/null
python3 -c "import json; [print(q['id']) for q in json.load(open('$tmp/body'))['questions']]" >"$tmp/qids"
n=0
while read -r q; do
  n=$((n+1)); st=implemented; [ $n = 1 ] && st=not_implemented; [ $n = 2 ] && st=partial
  [ "$(code -H "$S" -X PUT -H 'Content-Type: application/json' --data "{\"status\":\"$st\",\"comment\":\"規程で対応 $n\"}" "$base/api/v1/questionnaires/$qid/answers/$q")" = 200 ] || { cat "$tmp/body"; fail "answer $q"; }
done <"$tmp/qids"
first=$(head -1 "$tmp/qids"); second=$(sed -n 2p "$tmp/qids")
[ "$(code -H "$S" -X PUT -H 'Content-Type: application/json' --data '{"status":"implemented"}' "$base/api/v1/questionnaires/$other/answers/$first")" = 200 ] || fail "the same maker answers op2's questionnaire too"
[ "$(code -H "$S" -X PUT -H 'Content-Type: application/json' --data '{"status":"implemented"}' "$base/api/v1/questionnaires/999999/answers/$first")" = 404 ] || fail "unknown questionnaire"
[ "$(code -H "Authorization: Bearer $tok_o" -X PUT -H 'Content-Type: application/json' --data '{"status":"implemented"}' "$base/api/v1/questionnaires/$qid/answers/$first")" = 403 ] || fail "the sender does not answer"

# Evidence files: bounded, plain names, our type; readable by both sides, not by others.
printf '規程 第5条\n' >"$tmp/規程.txt"
[ "$(code -H "$S" -F "question=$first" -F "file=@$tmp/規程.txt;filename=../../規程.txt" "$base/questionnaires/$qid/evidence")" = 303 ] || { cat "$tmp/body"; fail "evidence upload"; }
ev=$("$anzen" questionnaire evidence "$qid" --question "$second" "$tmp/規程.txt" --json | jget 'd["id"]')
[ "$(code -H "$S" "$base/questionnaires/$qid")" = 200 ] || fail "questionnaire page"
grep -q '証跡ファイル' "$tmp/body" || fail "evidence section"
evid=$(grep -o "/questionnaires/$qid/evidence/[0-9]*" "$tmp/body" | head -1)
[ "$(code -H "Authorization: Bearer $tok_o" "$base$evid")" = 200 ] || fail "the operator downloads the evidence"
grep -q "規程 第5条" "$tmp/body" || fail "evidence bytes"
[ "$(code -H "Authorization: Bearer $tok_sop" "$base$evid")" = 404 ] || fail "evidence of another organisation's questionnaire"
head -c 21000000 /dev/zero >"$tmp/big.bin"
expect_exit 2 "$anzen" questionnaire evidence "$qid" --question "$first" "$tmp/big.bin"
grep -q "20 MiB" "$tmp/err" || fail "the size refusal says the limit"

[ "$(code -H "$S" -X POST --data '' "$base/api/v1/questionnaires/$qid/submit")" = 200 ] || { cat "$tmp/body"; fail "submit"; }
[ "$(jget 'd["status"]' <"$tmp/body")" = submitted ] || fail "submitted"

# OSCAL: the submitted questionnaire as a component-definition, valid and shaped like NIST's.
"$anzen" questionnaire export "$qid" --format oscal -o "$tmp/cd.json"
python3 - "$tmp/cd.json" "$src/tests/fixtures/oscal-nist/example-component-definition.json" "$first" <<'PY' || fail "component-definition fields"
import json, sys
mine = json.load(open(sys.argv[1]))["component-definition"]
nist = json.load(open(sys.argv[2]))["component-definition"]
first = sys.argv[3]
# Field by field against NIST's example: every field we write is one NIST's example uses.
assert set(mine) <= set(nist), set(mine) - set(nist)
assert set(mine["metadata"]) - {"props"} <= set(nist["metadata"]), mine["metadata"].keys()
c, nc = mine["components"][0], nist["components"][0]
assert set(c) - {"props"} <= set(nc), set(c) - set(nc)
assert c["type"] == nc["type"] == "service"
assert c["title"] == "機器メーカー"
ci, nci = c["control-implementations"][0], nc["control-implementations"][0]
assert set(ci) <= set(nci), set(ci) - set(nci)
ir, nir = ci["implemented-requirements"][0], nci["implemented-requirements"][0]
assert set(ir) - {"props"} <= set(nir), set(ir) - set(nir)
props = {p["name"]: p["value"] for p in ir["props"]}
assert props["question-id"] == first and props["answer-status"] == "not_implemented", props
assert ir["description"] == "規程で対応 1"
assert mine["metadata"]["parties"][0]["uuid"] in c["responsible-roles"][0]["party-uuids"]
PY
if [ -d "$src/e2e/node_modules/ajv" ]; then
  node "$src/e2e/validate-oscal.mjs" "$src/tests/fixtures/oscal-schemas/oscal_component_schema.json" "$tmp/cd.json" || fail "component-definition invalid"
else
  echo "note: e2e/node_modules missing, schema validation skipped (make test installs them)"
fi
expect_exit 2 "$anzen" questionnaire import "$qid" "$tmp/cd.json"  # submitted: no longer answerable
# Imports back into an answerable questionnaire, all or nothing.
"$anzen" questionnaire export "$q2" --format oscal -o "$tmp/cd2.json"
python3 - "$tmp/cd2.json" "$tmp/cd2-answered.json" "$tmp/cd2-bad.json" "$tmp/cd2-other.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
for ci in d["component-definition"]["components"][0]["control-implementations"]:
    for ir in ci["implemented-requirements"]:
        for p in ir["props"]:
            if p["name"] == "answer-status": p["value"] = "implemented"
        ir["description"] = "ISMS 認証の範囲で実施"
json.dump(d, open(sys.argv[2], "w"), ensure_ascii=False)
reqs = d["component-definition"]["components"][0]["control-implementations"][0]["implemented-requirements"]
for p in reqs[-1]["props"]:
    if p["name"] == "answer-status": p["value"] = "done"
json.dump(d, open(sys.argv[3], "w"), ensure_ascii=False)
for p in reqs[-1]["props"]:
    if p["name"] == "answer-status": p["value"] = "implemented"
for p in d["component-definition"]["metadata"]["props"]:
    if p["name"] == "questionnaire-id": p["value"] = "1"
json.dump(d, open(sys.argv[4], "w"), ensure_ascii=False)
PY
expect_exit 2 "$anzen" questionnaire import "$q2" "$tmp/cd2-bad.json"
grep -q "implemented-requirements\[[0-9]*\].props\[answer-status\]" "$tmp/err" || { cat "$tmp/err"; fail "the refusal names the field"; }
expect_exit 2 "$anzen" questionnaire import "$q2" "$tmp/cd2-other.json"
grep -q "questionnaire-id" "$tmp/err" || fail "a file of another questionnaire is refused by its id"
[ "$("$anzen" questionnaire show "$q2" --json | jget 'len(d["answers"])')" = 0 ] || fail "a refused import changed answers"
total=$(wc -l <"$tmp/qids")
[ "$("$anzen" questionnaire import "$q2" "$tmp/cd2-answered.json" --json | jget 'd["changed"]')" = "$total" ] || fail "OSCAL import"
[ "$("$anzen" questionnaire show "$q2" --json | jget 'd["answers"]["'"$first"'"]["comment"]')" = "ISMS 認証の範囲で実施" ] || fail "imported comment"

# Review: accepting makes the 未実施 and 一部実施 answers supplier risks with plan items.
"$anzen" questionnaire review "$qid" --accept --json >/dev/null
"$anzen" supplier show "$sup" --org "$op" --json >"$tmp/sup.json"
python3 - "$tmp/sup.json" "$first" "$second" "$today" <<'PY' || fail "supplier risks and re-assessment after acceptance"
import json, sys, datetime
d = json.load(open(sys.argv[1]))
qs = sorted(r["question_id"] for r in d["risks"])
assert qs == sorted([sys.argv[2], sys.argv[3]]), d["risks"]
assert all(r["plan_item_id"] for r in d["risks"]), d["risks"]
r = d["reassessment"]
assert r["state"] == "ok" and r["last_accepted"], r
y, m, dd = map(int, r["last_accepted"].split("-"))
assert r["due"] == f"{y+1:04d}-{m:02d}-{min(dd, 28) if m == 2 else dd:02d}", r
PY
risk=$(jget 'd["risks"][0]["risk_id"]' <"$tmp/sup.json")
plan=$(jget 'd["risks"][0]["plan_item_id"]' <"$tmp/sup.json")
"$anzen" risk show "$risk" --org "$op" --json >"$tmp/risk.json" 2>/dev/null || "$anzen" risk show "$risk" --json >"$tmp/risk.json"
grep -q "機器メーカー" "$tmp/risk.json" || fail "the risk names the supplier"
"$anzen" plan show "$plan" --org "$op" --json >"$tmp/plan.json" 2>/dev/null || "$anzen" plan show "$plan" --json >"$tmp/plan.json"
python3 - "$tmp/plan.json" <<'PY' || fail "the plan item has the six fields"
import json, sys
d = json.load(open(sys.argv[1]))
d = d.get("plan_item", d)
for f in ("target_state", "actions", "resources", "owner", "deadline", "evaluation_method"):
    assert d.get(f), f
PY
"$anzen" supplier interval "$sup" --org "$op" --months 6
[ "$("$anzen" supplier overdue --org "$op" --today "$today" --json | jget 'len(d)')" = 0 ] || fail "an accepted supplier is not overdue"
[ "$("$anzen" supplier reassessments --org "$op" --today 2099-01-01 --json | jget 'd[0]["state"]')" = overdue ] || fail "overdue later"

# Outsourcing contracts: chapter 10's requirements with the standard's text and lines.
k=$("$anzen" contract add --org "$op" --supplier "$sup" --title "保守委託契約" --signed 2025-03-01 --start 2025-04-01 --end 2026-03-31 --json | jget 'd["id"]')
expect_exit 2 "$anzen" contract add --org "$op" --supplier "$sup" --title "x" --start 2025-04-01 --end 2025-03-01
expect_exit 2 "$anzen" contract add --org "$op2" --supplier "$sup" --title "x"  # another organisation's supplier
expect_exit 2 "$anzen" contract clause "$k" --org "$op" --item 10.1.1.1 --status implemented
grep -q "evidence" "$tmp/err" || fail "an implemented clause needs its evidence"
expect_exit 2 "$anzen" contract clause "$k" --org "$op" --item 9.1 --status implemented --evidence x
"$anzen" contract clause "$k" --org "$op" --item 10.1.1.1 --status implemented --evidence "第12条（秘密保持）"
"$anzen" contract show "$k" --org "$op" --json >"$tmp/k.json"
python3 - "$tmp/k.json" <<'PY' || fail "contract checklist"
import json, sys
d = json.load(open(sys.argv[1]))
ids = [c["item"] for c in d["clauses"]]
assert ids == ["10.1.1.1", "10.1.2.1", "10.1.3.1", "10.2.1.1"], ids
c = d["clauses"][0]
assert c["title"]["ja"] == "機密保持契約又は守秘義務契約" and c["source"] == "lines 1823-1825", c
assert c["status"] == "implemented" and c["evidence"] == "第12条（秘密保持）", c
assert d["clauses"][3]["text"]["ja"].startswith("外部委託先との契約時に"), d["clauses"][3]
assert d["starts_on"] == "2025-04-01" and d["ends_on"] == "2026-03-31"
PY
expect_exit 2 "$anzen" contract show "$k" --org "$op2" --json

# Pages: the operator's supplier page shows re-assessment, assets, risks and contracts.
O="Authorization: Bearer $tok_o"
[ "$(code -H "$O" "$base/suppliers/$sup")" = 200 ] || fail "supplier page"
for s in "再評価" "交換機" "委託先のリスク" "保守委託契約"; do
  grep -q "$s" "$tmp/body" || fail "supplier page lacks $s"
done
! grep -q "名称の記載のみ" "$tmp/body" || fail "an asset naming another supplier is not this one's"
[ "$(code -H "$O" "$base/contracts/$k")" = 200 ] && grep -q "1823-1825" "$tmp/body" || fail "contract page"
[ "$(code -H "$O" "$base/suppliers/overdue")" = 200 ] || fail "overdue page"
[ "$(code -H "$O" "$base/api/v1/suppliers/reassessments")" = 200 ] || fail "reassessments API"
# Reports: the supplier overview in the management report (ja/en) and the suppliers workbook.
a=$("$anzen" assess create --org "$op" --framework tcs-2023 --role operator --period FY2025 --json | jget 'd["id"]')
"$anzen" report management --assessment "$a" --format html -o "$tmp/m.html" 2>/dev/null
grep -q "委託先の状況" "$tmp/m.html" && grep -q "機器メーカー" "$tmp/m.html" && grep -q "回答中" "$tmp/m.html" || fail "the management report's supplier section"
"$anzen" report management --assessment "$a" --format html --lang en -o "$tmp/m-en.html" 2>/dev/null
grep -q "Next assessment due" "$tmp/m-en.html" && grep -q "In progress" "$tmp/m-en.html" || fail "the English supplier section"
"$anzen" report management --assessment "$a" -o "$tmp/m.pdf" 2>/dev/null
[ "$(head -c 4 "$tmp/m.pdf")" = "%PDF" ] || fail "the management report PDF"
"$anzen" supplier create --org "$op" --name "=HYPERLINK(\"http://x\")" >/dev/null
"$anzen" supplier workbook --org "$op" --today 2099-01-01 -o "$tmp/suppliers.xlsx"
python3 - "$tmp/suppliers.xlsx" <<'PY' || fail "the suppliers workbook"
import sys, zipfile, re
z = zipfile.ZipFile(sys.argv[1])
strings = z.read("xl/sharedStrings.xml").decode()
sheet = z.read("xl/worksheets/sheet1.xml").decode()
for s in ("委託先", "次回評価期限", "機器メーカー", "回答中", "再評価期限超過"):
    assert s in strings, s
assert "'=HYPERLINK" in strings, "formula-like names are written as text"
assert "<f>" not in sheet, "no formulas"
assert "<pageSetup" in sheet and "oddHeader" in sheet and "第一通信株式会社" in sheet, "print setup with the page header"
PY
[ "$(code -H "$O" "$base/suppliers/workbook.xlsx")" = 200 ] && [ "$(head -c 2 "$tmp/body")" = PK ] || fail "the workbook from the web"
"$anzen" audit verify >/dev/null || fail "audit chain"
echo "supplier_more: ok"
