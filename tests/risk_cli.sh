#!/usr/bin/env bash
# Risk register and treatment plan from the command line. Args: ANZEN_BINARY SOURCE_DIR.
set -euo pipefail
anzen=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export ANZEN_DB="$tmp/risk.db"
fail() { echo "FAIL: $*" >&2; exit 1; }
"$anzen" org create --name "株式会社リスク" --kind operator >/dev/null
"$anzen" asset create --org 1 --name "呼制御サーバ" --kind facility --cia 3,3,3 --services voice_emergency >/dev/null
set +e
"$anzen" risk create --org 1 --title "DDoS" --threat cyber_attack --assets 1 --inherent 4x5 --current 3x5 --residual 2x3 --treatment accept 2>"$tmp/err"
rc=$?
set -e
[ $rc -eq 2 ] || fail "acceptance without approver/expiry exit $rc"
grep -q "approver" "$tmp/err" && grep -q "expiry" "$tmp/err" || fail "unclear refusal: $(cat "$tmp/err")"
"$anzen" risk create --org 1 --title "DDoS" --threat cyber_attack --assets 1 --questions T2-122.2 --inherent 4x5 --current 3x5 --residual 2x3 \
  --treatment accept --approver "CISO" --justification "費用対効果" --expiry 2027-03-31 --json | python3 -c '
import json,sys; r=json.load(sys.stdin); assert r["inherent"]["level"]=="critical" and r["current"]["level"]=="high", r'
"$anzen" risk export --org 1 --format svg -o "$tmp/heat.svg" 2>/dev/null
grep -q "<svg" "$tmp/heat.svg" || fail "no heat map"
"$anzen" risk export --org 1 -o "$tmp/risks.csv" 2>/dev/null
grep -q "DDoS" "$tmp/risks.csv" || fail "risk register CSV"
"$anzen" assess create --org 1 --period FY2026 >/dev/null
"$anzen" assess answer 1 T2-122.2 --status 未実施 >/dev/null
"$anzen" plan propose --assessment 1 | python3 -c 'import json,sys; p=json.load(sys.stdin); assert [x["question"] for x in p]==["T2-122.2"], p'
"$anzen" plan accept --assessment 1 T2-122.2 --owner "ネットワーク部長" --deadline 2020-01-31 >/dev/null
"$anzen" plan list --org 1 --overdue --json | python3 -c 'import json,sys; p=json.load(sys.stdin); assert len(p)==1 and p[0]["question_ids"]==["T2-122.2"], p'
"$anzen" plan propose --assessment 1 | python3 -c 'import json,sys; assert json.load(sys.stdin)==[]'
"$anzen" plan export --org 1 -o "$tmp/plan.csv" 2>/dev/null
grep -q "目標とする将来像" "$tmp/plan.csv" || fail "plan CSV header"
# XLSX exports that import back unchanged; a bad import changes nothing and names row and column.
for t in asset risk plan; do
  "$anzen" $t export --org 1 --format xlsx -o "$tmp/$t.xlsx" 2>/dev/null
  "$anzen" $t import --org 1 "$tmp/$t.xlsx" --json | python3 -c 'import json,sys; r=json.load(sys.stdin); assert r["created"]==0 and r["updated"]>=1 and r["encoding"]=="xlsx", r'
done
printf 'リスク,脅威,固有リスク,現在のリスク,残留リスク\n停電,故障・災害等,2×2,2×2,1×1\n輻そう,ネットワーク輻そう,9×9,1×1,1×1\n' >"$tmp/bad.csv"
set +e
"$anzen" risk import --org 1 "$tmp/bad.csv" 2>"$tmp/err"
rc=$?
set -e
[ $rc -eq 2 ] || fail "bad import exit $rc"
grep -q "bad.csv: row 3, column 固有リスク: found '9×9'" "$tmp/err" || fail "import error lacks row/column: $(cat "$tmp/err")"
"$anzen" risk list --org 1 --json | python3 -c 'import json,sys; assert len(json.load(sys.stdin))==1, "the valid row was kept"'
head -2 "$tmp/bad.csv" >"$tmp/good.csv"
"$anzen" risk import --org 1 "$tmp/good.csv" | grep -q "1 created" || fail "good import"
"$anzen" risk list --org 1 | grep -q "停電" || fail "text list"
# A per-organisation 3 × 3 matrix is refused while a risk sits at 4 × 5, accepted once rescored.
cat >"$tmp/m3.yaml" <<'YAML'
id: three
likelihood: [{ja: 低, en: low}, {ja: 中, en: mid}, {ja: 高, en: high}]
impact: [{ja: 小, en: small}, {ja: 中, en: mid}, {ja: 大, en: large}]
levels:
  - {id: ok, name: {ja: 許容, en: acceptable}, colour: "#1a7f37", min_score: 1}
  - {id: act, name: {ja: 要対応, en: act}, colour: "#d1242f", min_score: 4}
YAML
set +e
"$anzen" risk matrix set --org 1 --file "$tmp/m3.yaml" 2>"$tmp/err"
rc=$?
set -e
[ $rc -eq 2 ] && grep -q "rescore" "$tmp/err" || fail "matrix that strands a risk: rc $rc $(cat "$tmp/err")"
"$anzen" risk update 1 --org 1 --title "DDoS" --threat cyber_attack --inherent 3x3 --current 3x2 --residual 1x1 --treatment reduce >/dev/null
"$anzen" risk matrix set --org 1 --file "$tmp/m3.yaml" >/dev/null
"$anzen" risk matrix show --org 1 | python3 -c 'import json,sys; m=json.load(sys.stdin); assert m["id"]=="three" and len(m["likelihood"])==3, m'
"$anzen" risk show --org 1 1 | python3 -c 'import json,sys; r=json.load(sys.stdin); assert r["current"]["level"]=="act", r'
"$anzen" audit verify >/dev/null
echo "risk CLI: all checks passed"
