#!/usr/bin/env bash
# Outsourcing contracts through the JSON API (issue 17, deliverable 6): list, read, create,
# update, delete, and each chapter 10 clause's status and evidence; the same JSON as
# `anzen contract show --json`. Authorised by role and organisation: another organisation's
# contract is 404 (and stays unchanged), a viewer cannot change one (403), a supplier user gets
# 404 everywhere; every change is in the audit trail. Args: ANZEN_BINARY SOURCE_DIR.
set -euo pipefail
anzen=$1
src=$2
# shellcheck source=lib/supplier_env.sh
. "$src/tests/lib/supplier_env.sh"

op=$("$anzen" org create --name "第一通信株式会社" --kind operator --json | jget 'd["id"]')
op2=$("$anzen" org create --name "第二通信株式会社" --kind operator --json | jget 'd["id"]')
maker=$("$anzen" org create --name "機器メーカー株式会社" --kind maker --json | jget 'd["id"]')
sup=$("$anzen" supplier create --org "$op" --name "機器メーカー" --maker-org "$maker" --json | jget 'd["id"]')
sup2=$("$anzen" supplier create --org "$op2" --name "別の委託先" --json | jget 'd["id"]')
k_other=$("$anzen" contract add --org "$op2" --supplier "$sup2" --title "他社の契約" --json | jget 'd["id"]')
A="Authorization: Bearer $(mkuser "$op" op-assessor assessor)"
V="Authorization: Bearer $(mkuser "$op" op-viewer viewer)"
B="Authorization: Bearer $(mkuser "$op2" op2-admin admin)"
S="Authorization: Bearer $(mkuser "$maker" maker-supplier supplier)"
U="Authorization: Bearer $(mkuser "$op" op-auditor auditor)"
start_server
api() {  # api AUTH METHOD PATH [JSON]
  if [ $# -ge 4 ]; then
    code -H "$1" -X "$2" -H 'Content-Type: application/json' --data "$4" "$base$3"
  else
    code -H "$1" -X "$2" "$base$3"
  fi
}

# Create: refusals name the field and change nothing.
[ "$(api "$A" POST /api/v1/contracts '{"supplier":'"$sup"',"title":"","starts_on":"2026-04-01"}')" = 400 ] && grep -q "title" "$tmp/body" || fail "an empty title is refused naming it"
[ "$(api "$A" POST /api/v1/contracts '{"supplier":'"$sup"',"title":"x","starts_on":"2026-04-01","ends_on":"2026-03-01"}')" = 400 ] && grep -q "ends_on" "$tmp/body" || fail "an end before the start is refused naming ends_on"
[ "$(api "$A" POST /api/v1/contracts '{"supplier":'"$sup"',"title":"x","signed_on":"2026-13-01"}')" = 400 ] && grep -q "signed_on" "$tmp/body" || fail "a bad date is refused naming the field"
[ "$(api "$A" POST /api/v1/contracts '{"supplier":'"$sup2"',"title":"x"}')" = 400 ] || fail "another organisation's supplier is refused"
[ "$(api "$V" POST /api/v1/contracts '{"supplier":'"$sup"',"title":"x"}')" = 403 ] || fail "a viewer cannot record a contract"
[ "$(api "$A" GET /api/v1/contracts)" = 200 ] && [ "$(jget 'len(d["contracts"])' <"$tmp/body")" = 0 ] || fail "refusals stored nothing"
[ "$(api "$A" POST /api/v1/contracts '{"supplier":'"$sup"',"title":"保守委託契約","signed_on":"2026-03-01","starts_on":"2026-04-01","ends_on":"2027-03-31"}')" = 201 ] || { cat "$tmp/body"; fail "create"; }
k=$(jget 'd["id"]' <"$tmp/body")
[ "$(jget '[c["item"] for c in d["clauses"]]' <"$tmp/body")" = "['10.1.1.1', '10.1.2.1', '10.1.3.1', '10.2.1.1']" ] || fail "the chapter 10 checklist comes with the contract"

# Clauses: status and evidence; implemented needs its evidence; only chapter 10's requirements.
[ "$(api "$A" PUT "/api/v1/contracts/$k/clauses/10.1.1.1" '{"status":"implemented"}')" = 400 ] && grep -q "evidence" "$tmp/body" || fail "implemented without evidence"
[ "$(api "$A" PUT "/api/v1/contracts/$k/clauses/10.1.1.1" '{"status":"done"}')" = 400 ] && grep -q "status" "$tmp/body" || fail "a bad status names the field"
[ "$(api "$A" PUT "/api/v1/contracts/$k/clauses/9.1.1.1" '{"status":"partial"}')" = 404 ] || fail "a requirement outside chapter 10 is 404"
[ "$(api "$A" PUT "/api/v1/contracts/$k/clauses/10.1.1.1" '{"status":"implemented","evidence":"第12条（秘密保持）"}')" = 200 ] || { cat "$tmp/body"; fail "clause"; }
[ "$(api "$V" PUT "/api/v1/contracts/$k/clauses/10.1.2.1" '{"status":"partial"}')" = 403 ] || fail "a viewer cannot set a clause"
# Update: absent fields stay.
[ "$(api "$A" PUT "/api/v1/contracts/$k" '{"ends_on":"2028-03-31"}')" = 200 ] || { cat "$tmp/body"; fail "update"; }
[ "$(api "$A" PUT "/api/v1/contracts/$k" '{"starts_on":"2029-01-01"}')" = 400 ] || fail "an update that puts the start after the end is refused"
[ "$(api "$V" GET "/api/v1/contracts/$k")" = 200 ] || fail "a viewer reads the contract"
"$anzen" contract show "$k" --org "$op" --json >"$tmp/cli.json"
python3 - "$tmp/body" "$tmp/cli.json" <<'PY' || fail "the API and the CLI give the same contract"
import json, sys
api, cli = (json.load(open(f)) for f in sys.argv[1:3])
assert api == cli, (api, cli)
assert api["title"] == "保守委託契約" and api["starts_on"] == "2026-04-01" and api["ends_on"] == "2028-03-31", api
c = api["clauses"][0]
assert c["status"] == "implemented" and c["evidence"] == "第12条（秘密保持）" and c["source"] == "lines 1823-1825", c
assert c["title"]["ja"] == "機密保持契約又は守秘義務契約", c
PY
[ "$(api "$A" GET "/api/v1/contracts?supplier=$sup")" = 200 ] && [ "$(jget '[c["id"] for c in d["contracts"]]' <"$tmp/body")" = "[$k]" ] || fail "list by supplier"

# Isolation: the other organisation and the supplier user get 404 and change nothing.
for m in GET DELETE; do
  [ "$(api "$B" "$m" "/api/v1/contracts/$k")" = 404 ] || fail "$m of another organisation's contract must be 404"
  [ "$(api "$S" "$m" "/api/v1/contracts/$k")" = 404 ] || fail "$m by a supplier user must be 404"
done
[ "$(api "$B" PUT "/api/v1/contracts/$k" '{"title":"乗っ取り"}')" = 404 ] || fail "PUT of another organisation's contract must be 404"
[ "$(api "$B" PUT "/api/v1/contracts/$k/clauses/10.1.2.1" '{"status":"partial"}')" = 404 ] || fail "clause of another organisation's contract must be 404"
[ "$(api "$S" GET /api/v1/contracts)" = 404 ] || fail "the contract list is 404 for a supplier user"
[ "$(api "$A" GET "/api/v1/contracts/$k_other")" = 404 ] || fail "op2's contract is 404 for op"
[ "$(api "$B" GET /api/v1/contracts)" = 200 ] && [ "$(jget '[c["id"] for c in d["contracts"]]' <"$tmp/body")" = "[$k_other]" ] || fail "op2 lists only its own"
"$anzen" contract show "$k" --org "$op" --json | jget 'd["title"]' | grep -qx "保守委託契約" || fail "a refused change changed the contract"

# Delete: the contract and its checklist go; a viewer cannot.
[ "$(api "$V" DELETE "/api/v1/contracts/$k")" = 403 ] || fail "a viewer cannot delete"
[ "$(api "$A" DELETE "/api/v1/contracts/$k")" = 200 ] || fail "delete"
[ "$(api "$A" GET "/api/v1/contracts/$k")" = 404 ] || fail "the deleted contract is gone"
expect_exit 2 "$anzen" contract show "$k" --org "$op" --json

# Audited: create, clause, update and delete, by the API user.
"$anzen" audit verify >/dev/null || fail "audit chain"
[ "$(code -H "$U" "$base/audit.json")" = 200 ] || fail "the auditor reads the trail"
python3 - "$tmp/body" "$k" <<'PY' || fail "the contract's changes are audited"
import json, sys
d = json.load(open(sys.argv[1])); k = sys.argv[2]
rows = d
mine = [(r["entity"], r["action"], r["actor"]) for r in rows if r.get("entity") in ("supplier_contract", "contract_clause") and str(r.get("entity_id", "")).split(":")[0] == k]
for want in (("supplier_contract", "create"), ("contract_clause", "update"), ("supplier_contract", "update"), ("supplier_contract", "delete")):
    assert any((e, a) == want and actor == "op-assessor" for e, a, actor in mine), (want, mine)
PY
echo "supplier_contracts_api: ok"
