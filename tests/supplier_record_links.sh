#!/usr/bin/env bash
# Suppliers on the asset and risk pages (issue 17, deliverable 1): the record's page lists its
# linked suppliers; an editor links and unlinks one there, audited; the supplier's own page and
# `supplier show` see the same links. Another organisation's record or supplier is 404 and
# changes nothing, a viewer cannot change links (403), a supplier user gets 404.
# Args: ANZEN_BINARY SOURCE_DIR.
set -euo pipefail
anzen=$1
src=$2
# shellcheck source=lib/supplier_env.sh
. "$src/tests/lib/supplier_env.sh"

op=$("$anzen" org create --name "第一通信株式会社" --kind operator --json | jget 'd["id"]')
op2=$("$anzen" org create --name "第二通信株式会社" --kind operator --json | jget 'd["id"]')
maker=$("$anzen" org create --name "機器メーカー株式会社" --kind maker --json | jget 'd["id"]')
asset=$("$anzen" asset create --org "$op" --name "交換機" --kind facility --json | jget 'd["id"]')
risk=$("$anzen" risk create --org "$op" --title "保守作業での情報漏えい" --threat info_leak --inherent 3x3 --current 3x3 --residual 2x2 --json | jget 'd["id"]')
sup=$("$anzen" supplier create --org "$op" --name "保守委託株式会社" --maker-org "$maker" --json | jget 'd["id"]')
sup_b=$("$anzen" supplier create --org "$op2" --name "他社の委託先" --json | jget 'd["id"]')
asset_b=$("$anzen" asset create --org "$op2" --name "他社の資産" --kind facility --json | jget 'd["id"]')
A="Authorization: Bearer $(mkuser "$op" op-assessor assessor)"
V="Authorization: Bearer $(mkuser "$op" op-viewer viewer)"
S="Authorization: Bearer $(mkuser "$maker" maker-supplier supplier)"
U="Authorization: Bearer $(mkuser "$op" op-auditor auditor)"
start_server
post() { code -H "$1" -X POST --data "$3" "$base$2"; }

for kind in assets risks; do
  id=$asset; [ $kind = risks ] && id=$risk
  [ "$(code -H "$A" "$base/$kind/$id")" = 200 ] || fail "$kind page"
  grep -q 'id="suppliers"' "$tmp/body" && grep -q "リンクされた委託先はありません" "$tmp/body" || fail "$kind page shows no supplier yet"
  grep -q "<option value=\"$sup\">保守委託株式会社</option>" "$tmp/body" || fail "$kind page offers the organisation's supplier"
  ! grep -q "他社の委託先" "$tmp/body" || fail "$kind page offers another organisation's supplier"
  [ "$(post "$V" "/$kind/$id/suppliers" "supplier=$sup")" = 403 ] || fail "a viewer cannot link on $kind"
  [ "$(post "$S" "/$kind/$id/suppliers" "supplier=$sup")" = 404 ] || fail "a supplier user gets 404 on $kind"
  [ "$(post "$A" "/$kind/$id/suppliers" "supplier=$sup_b")" = 404 ] || fail "another organisation's supplier is 404 on $kind"
  [ "$(post "$A" "/$kind/$id/suppliers" "supplier=$sup")" = 303 ] || { cat "$tmp/body"; fail "link on $kind"; }
  [ "$(code -H "$V" "$base/$kind/$id")" = 200 ] || fail "$kind page for a viewer"
  grep -q "href=\"/suppliers/$sup\">保守委託株式会社</a>" "$tmp/body" || fail "$kind page lists the linked supplier"
  ! grep -q "/suppliers/$sup/unlink" "$tmp/body" || fail "a viewer is offered no unlink"
done
[ "$(post "$A" "/assets/$asset_b/suppliers" "supplier=$sup")" = 404 ] || fail "another organisation's asset is 404"
"$anzen" supplier show "$sup" --org "$op" --json >"$tmp/sup.json"
[ "$(jget 'd["asset_ids"]' <"$tmp/sup.json")" = "[$asset]" ] || fail "supplier show sees the asset link"
[ "$(jget '[r["risk_id"] for r in d["risks"]]' <"$tmp/sup.json")" = "[$risk]" ] || fail "supplier show sees the risk link"
# The JSON API answers with the same shape as the CLI.
[ "$(code -H "$A" "$base/api/v1/suppliers/$sup")" = 200 ] || fail "GET /api/v1/suppliers/{id}"
python3 - "$tmp/body" "$tmp/sup.json" <<'PY' || fail "the API and the CLI give the same supplier"
import json, sys
api, cli = (json.load(open(f)) for f in sys.argv[1:3])
assert api == cli, (api, cli)
PY
[ "$(code -H "$A" "$base/api/v1/suppliers/$sup_b")" = 404 ] || fail "another organisation's supplier is 404 in the API"
[ "$(code -H "$S" "$base/api/v1/suppliers/$sup")" = 404 ] || fail "a supplier user gets 404 in the API"
[ "$(code -H "$A" "$base/suppliers/$sup")" = 200 ] && grep -q "交換機" "$tmp/body" && grep -q "保守作業での情報漏えい" "$tmp/body" || fail "the supplier page shows both"

# Unlink from the record's page.
[ "$(post "$V" "/risks/$risk/suppliers/$sup/unlink" "")" = 403 ] || fail "a viewer cannot unlink"
for kind in assets risks; do
  id=$asset; [ $kind = risks ] && id=$risk
  [ "$(post "$A" "/$kind/$id/suppliers/$sup/unlink" "")" = 303 ] || { cat "$tmp/body"; fail "unlink on $kind"; }
  [ "$(code -H "$A" "$base/$kind/$id")" = 200 ] && grep -q "リンクされた委託先はありません" "$tmp/body" || fail "$kind unlinked"
done
[ "$(post "$A" "/risks/$risk/suppliers/$sup/unlink" "")" = 404 ] || fail "unlinking what is not linked is 404"
"$anzen" supplier show "$sup" --org "$op" --json >"$tmp/sup.json"
[ "$(jget 'd["asset_ids"]' <"$tmp/sup.json")" = "[]" ] && [ "$(jget 'd["risks"]' <"$tmp/sup.json")" = "[]" ] || fail "the links are gone"
# The CLI does the same.
"$anzen" supplier link-risk "$sup" --org "$op" --risk "$risk"
"$anzen" supplier link-risk "$sup" --org "$op" --risk "$risk" --unlink
expect_exit 2 "$anzen" supplier link-risk "$sup" --org "$op" --risk "$risk" --unlink

[ "$(code -H "$U" "$base/audit.json")" = 200 ] || fail "audit trail"
python3 - "$tmp/body" <<'PY' || fail "links and unlinks are audited with who did them"
import json, sys
rows = [(r["entity"], r["action"], r["actor"]) for r in json.load(open(sys.argv[1])) if r["entity"] in ("supplier_asset", "supplier_risk")]
for want in (("supplier_asset", "create", "op-assessor"), ("supplier_asset", "delete", "op-assessor"),
             ("supplier_risk", "create", "op-assessor"), ("supplier_risk", "delete", "op-assessor")):
    assert want in rows, (want, rows)
PY
"$anzen" audit verify >/dev/null || fail "audit chain"
echo "supplier_record_links: ok"
