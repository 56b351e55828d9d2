#!/usr/bin/env bash
# OSCAL from outside and back out: NIST's SP 800-53 rev4 MODERATE baseline profile resolves to
# exactly NIST's own resolved control set (catalog found through the profile's import href, or
# given with --catalog); our frameworks round-trip through OSCAL with identical scores; every
# OSCAL export validates against NIST's schemas; hostile or wrong input is refused with exit 2
# naming the JSON path, and changes nothing. Args: ANZEN_BINARY SOURCE_DIR.
set -euo pipefail
anzen=$1
src=$2
fx="$src/tests/fixtures/oscal-nist"
schemas="$src/tests/fixtures/oscal-schemas"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export ANZEN_DB="$tmp/oscal.db"
fail() { echo "FAIL: $*" >&2; exit 1; }
validate=0
if command -v node >/dev/null && [ -d "$src/e2e/node_modules/ajv" ]; then validate=1; else echo "note: node/ajv missing, schema validation skipped"; fi
valid() {  # MODEL FILE
  [ $validate = 1 ] || return 0
  node "$src/e2e/validate-oscal.mjs" "$schemas/oscal_$1_schema.json" "$2" >"$tmp/v.out" || fail "$2 is not a valid OSCAL $1: $(cat "$tmp/v.out")"
}
refused() {  # WANT_TEXT CMD... : exit 2, message contains WANT_TEXT
  local want=$1; shift
  set +e; "$@" >"$tmp/out" 2>"$tmp/err"; local rc=$?; set -e
  [ $rc -eq 2 ] && grep -qF -- "$want" "$tmp/err" || fail "expected exit 2 and '$want' from $*: rc $rc, $(head -c 600 "$tmp/err")"
}
"$anzen" org create --name "株式会社オスカル" --kind operator >/dev/null
frameworks() { "$anzen" catalog list --json | python3 -c 'import json,sys; print(" ".join(sorted(f["id"]+"@"+f["version"] for f in json.load(sys.stdin))))'; }

# 1. The MODERATE baseline: catalog found beside the profile under the name its href gives.
"$anzen" catalog import "$fx/NIST_SP-800-53_rev4_MODERATE-baseline_profile.json" --id nist-moderate --json >"$tmp/imp.json"
"$anzen" catalog export nist-moderate --format json -o "$tmp/moderate.json" 2>/dev/null
python3 - "$tmp/moderate.json" "$fx/NIST_SP-800-53_rev4_MODERATE-baseline-resolved-profile_catalog-min.json" <<'PY'
import json, sys
ours = json.load(open(sys.argv[1]))
nist = json.load(open(sys.argv[2]))["catalog"]
def ids(n):
    for k in ("groups", "controls"):
        for c in n.get(k, []):
            if k == "controls": yield c["id"]
            yield from ids(c)
want = set(ids(nist))
got = {i["id"] for i in ours["items"] if i["kind"] == "check"}
assert len(want) == 261, len(want)
assert got == want, ("missing", sorted(want - got)[:10], "extra", sorted(got - want)[:10])
chapters = [i["id"] for i in ours["items"] if i["kind"] == "chapter"]
assert len(chapters) == 17 and "ac" in chapters, chapters
PY
# 2. The same with --catalog from elsewhere; without it the profile alone is refused by path.
cp "$fx/NIST_SP-800-53_rev4_MODERATE-baseline_profile.json" "$tmp/profile.json"
before=$(frameworks)
refused 'profile.imports[0].href' "$anzen" catalog import "$tmp/profile.json" --id lonely
[ "$(frameworks)" = "$before" ] || fail "a refused profile changed the catalog"
"$anzen" catalog import "$tmp/profile.json" --catalog "$fx/NIST_SP-800-53_rev4_catalog.json" --id nist-moderate-2 --json | python3 -c '
import json,sys; r=json.load(sys.stdin); assert r["checklist_rows"]==261, r'

# 3. The full rev4 catalog: families are chapters, withdrawn controls are not rows, NIST ids.
"$anzen" catalog import "$fx/NIST_SP-800-53_rev4_catalog.json" --id nist-rev4 --json | python3 -c '
import json,sys; r=json.load(sys.stdin); assert r["checklist_rows"]==826, r'
"$anzen" catalog show nist-rev4:ac-1 --json --lang en | python3 -c '
import json,sys; r=json.load(sys.stdin)
assert r["questions"][0]["id"]=="ac-1.a.1_obj.1.a", r["questions"][0]
assert "[Assignment: organization-defined personnel or roles]" in r["text"]["en"], r["text"]
assert "{{" not in json.dumps(r), "raw parameter insert"'
a=$("$anzen" assess create --org 1 --framework nist-rev4 --period FY2026 --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
"$anzen" assess answer "$a" ac-1.a.1_obj.1.a --status 実施済 >/dev/null
"$anzen" assess answer "$a" ac-2.1_obj --status 一部実施 >/dev/null
"$anzen" assess score "$a" --json | python3 -c '
import json,sys; s=json.load(sys.stdin); ch={c["id"]: c for c in s["chapters"]}
assert len(ch)==18 and ch["ac"]["implemented"]==1 and ch["ac"]["partial"]==1, s["chapters"][:2]'
"$anzen" assess export "$a" --format oscal -o "$tmp/nist-ar.json" 2>/dev/null
python3 - "$tmp/nist-ar.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["assessment-results"]["results"][0]
targets = {f["target"]["target-id"] for f in r["findings"]}
assert "ac-1.a.1_obj.1.a" in targets and "ac-2.1_obj" in targets, sorted(targets)[:5]
sel = r["reviewed-controls"]["control-selections"][0]["include-controls"]
assert sorted(c["control-id"] for c in sel) == ["ac-1", "ac-2.1"], sel
PY
valid assessment-results "$tmp/nist-ar.json"
"$anzen" catalog export nist-rev4 --format oscal --lang en -o "$tmp/nist-again.json" 2>/dev/null
valid catalog "$tmp/nist-again.json"
"$anzen" catalog export nist-moderate --format oscal -o "$tmp/moderate-again.json" 2>/dev/null
valid catalog "$tmp/moderate-again.json"

# 4. Our own framework through OSCAL and back: same rows and questions, identical scores.
"$anzen" catalog export tcs-2023 --format oscal -o "$tmp/tcs.json" 2>/dev/null
valid catalog "$tmp/tcs.json"
"$anzen" catalog import "$tmp/tcs.json" --id tcs-copy --json | python3 -c '
import json,sys; r=json.load(sys.stdin); assert r["checklist_rows"]==199 and r["questions"]==261, r'
for fw in tcs-2023 tcs-copy; do
  id=$("$anzen" assess create --org 1 --framework $fw --period FY2027 --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  for q in T2-001.1 T2-002.1 T2-010.1 T2-064.1 T2-064.2 T2-120.1; do "$anzen" assess answer "$id" $q --status 実施済 >/dev/null; done
  for q in T2-003.1 T2-150.1; do "$anzen" assess answer "$id" $q --status 一部実施 >/dev/null; done
  "$anzen" assess answer "$id" T2-199.1 --status 対象外 --reason "該当なし" >/dev/null
  "$anzen" assess score "$id" --json | python3 -c 'import json,sys; s=json.load(sys.stdin); s.pop("assessment",None); s.pop("framework",None); print(json.dumps(s, sort_keys=True))' >"$tmp/score-$fw.json"
done
cmp -s "$tmp/score-tcs-2023.json" "$tmp/score-tcs-copy.json" || fail "scores differ after the round trip: $(diff "$tmp/score-tcs-2023.json" "$tmp/score-tcs-copy.json" | head -c 600)"

# 5. Results, plan and POA&M of an assessment with a risk and a plan item, all valid.
t=$("$anzen" assess create --org 1 --framework tcs-2023 --period FY2028 --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
"$anzen" assess answer "$t" T2-001.1 --status 未実施 >/dev/null
"$anzen" risk create --org 1 --title "ランサムウェア" --threat cyber_attack --questions T2-001.1 --inherent 4x5 --current 4x5 --residual 2x3 --treatment reduce --json >/dev/null
"$anzen" plan create --org 1 --target-state "方針の策定" --actions "基本方針を定める" --owner "CISO室" --deadline 2027-03-31 \
  --evaluation-method "内部監査" --risks 1 --questions T2-001.1 >/dev/null
"$anzen" assess export "$t" --format oscal -o "$tmp/ar.json" 2>/dev/null
"$anzen" assess export "$t" --format oscal-plan -o "$tmp/ap.json" 2>/dev/null
"$anzen" plan export --org 1 --format oscal -o "$tmp/poam.json" 2>/dev/null
valid assessment-results "$tmp/ar.json"
valid assessment-plan "$tmp/ap.json"
valid poam "$tmp/poam.json"
python3 - "$tmp/ar.json" "$tmp/ap.json" "$tmp/poam.json" <<'PY'
import base64, json, sys
ar = json.load(open(sys.argv[1]))["assessment-results"]
ap = json.load(open(sys.argv[2]))["assessment-plan"]
poam = json.load(open(sys.argv[3]))["plan-of-action-and-milestones"]
href = ar["import-ap"]["href"]
res = {r["uuid"]: r for r in ar["back-matter"]["resources"]}
assert href.startswith("#") and href[1:] in res, href
embedded = json.loads(base64.b64decode(res[href[1:]]["base64"]["value"]))
assert embedded["assessment-plan"]["uuid"] == ap["uuid"], "the results point to another plan"
r = ar["results"][0]
assert [c["control-id"] for c in r["reviewed-controls"]["control-selections"][0]["include-controls"]] == ["T2-001"]
f = next(f for f in r["findings"] if f["target"]["target-id"] == "T2-001.1")
risk = {x["uuid"]: x for x in r["risks"]}[f["related-risks"][0]["risk-uuid"]]
facets = {x["name"]: x["value"] for x in risk["characterizations"][0]["facets"]}
assert facets["likelihood"] == "4" and facets["impact"] == "5", facets
pr = poam["risks"][0]
assert pr["deadline"].startswith("2027-03-31T"), pr
rem = pr["remediations"][0]
assert rem["tasks"][0]["type"] == "milestone" and rem["tasks"][0]["timing"]["on-date"]["date"].startswith("2027-03-31"), rem
assert {x["name"] for x in pr["characterizations"][0]["facets"]} >= {"likelihood", "impact"}
names = {p["name"] for i in poam["poam-items"] for p in i.get("props", [])}
assert not names & {"owner", "deadline", "likelihood", "impact"}, names
assert poam["poam-items"][0]["related-risks"][0]["risk-uuid"] == pr["uuid"]
PY

# 6. Hostile input is refused while parsing, with exit 2 and the JSON path; nothing changes.
before=$(frameworks)
python3 -c 'print("{\"catalog\": {\"groups\": [" + "[" * 100000 + "]" * 100000 + "]}}")' >"$tmp/deep.json"
refused 'nested deeper than 64' "$anzen" catalog import "$tmp/deep.json"
python3 -c '
g = "{\"id\": \"g\", \"title\": \"t\", \"groups\": [%s]}"
s = "{\"id\": \"c\", \"title\": \"c\"}"
body = ""
for i in range(5000): body = g.replace("\"g\"", "\"g%d\"" % i) % body if body else g.replace("\"g\"", "\"g0\"") % s
print("{\"catalog\": {\"metadata\": {\"title\": \"t\", \"version\": \"1\", \"last-modified\": \"2025-01-01T00:00:00Z\"}, \"groups\": [%s]}}" % body)' >"$tmp/groups.json"
refused 'catalog.groups[0].groups[0]' "$anzen" catalog import "$tmp/groups.json"
truncate -s 70M "$tmp/huge.json"
refused 'larger than the limit' "$anzen" catalog import "$tmp/huge.json"
echo '{"catalog": {"metadata": {"title": "x", "version": "1", "last-modified": "2025-01-01T00:00:00Z"}, "controls": [{"title": "no id"}]}}' >"$tmp/noid.json"
refused 'catalog.controls[0].id' "$anzen" catalog import "$tmp/noid.json"
refused 'defined twice' "$anzen" catalog import "$tmp/tcs.json" --id tcs-copy
[ "$(frameworks)" = "$before" ] || fail "a refused import changed the catalog"
"$anzen" audit verify >/dev/null
echo "oscal: all checks passed"
