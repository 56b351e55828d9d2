#!/usr/bin/env bash
# An OSCAL catalog from outside imports as a framework, is validated, and can be assessed;
# bad files are refused with a clear message and change nothing. Args: ANZEN_BINARY SOURCE_DIR.
set -euo pipefail
anzen=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export ANZEN_DB="$tmp/import.db"
fail() { echo "FAIL: $*" >&2; exit 1; }
"$anzen" org create --name "株式会社取込" --kind operator >/dev/null

"$anzen" catalog import "$src/tests/fixtures/external-catalog.json" --json | python3 -c '
import json,sys; r=json.load(sys.stdin)
assert r["id"]=="external-catalog" and r["version"]=="2.1", r
assert r["checklist_rows"]==4 and r["questions"]==5, r'
"$anzen" catalog list | grep -q "external-catalog@2.1" || fail "imported framework not listed"
"$anzen" catalog show external-catalog:gov-1 --json | python3 -c '
import json,sys; r=json.load(sys.stdin)
assert [q["text"]["en"] for q in r["questions"]]==["the policy is documented;","the policy is approved by management."], r["questions"]'
"$anzen" catalog search ログ --framework external-catalog | grep -q "external-catalog:ops-1" || fail "Japanese text of the import is not searchable"

# Assess it.
a=$("$anzen" assess create --org 1 --framework external-catalog --period FY2026 --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
"$anzen" assess answer "$a" gov-1_obj.a --status 実施済 >/dev/null
"$anzen" assess answer "$a" gov-1_obj.b --status 一部実施 >/dev/null
"$anzen" assess score "$a" --json | python3 -c '
import json,sys; s=json.load(sys.stdin); o=s["overall"]
assert o["questions"]==5 and o["implemented"]==1 and o["partial"]==1, o'
"$anzen" report management --assessment "$a" --format html -o "$tmp/m.html" 2>/dev/null
grep -q "Example Control Catalog" "$tmp/m.html" || fail "report of the imported framework"
"$anzen" assess export "$a" --format oscal -o "$tmp/ar.json" 2>/dev/null

# The same file again is refused (same id and version), and so are files that are not catalogs.
set +e
"$anzen" catalog import "$src/tests/fixtures/external-catalog.json" 2>"$tmp/err"; rc=$?
set -e
[ $rc -ne 0 ] && grep -q "defined twice" "$tmp/err" || fail "duplicate import: rc $rc $(cat "$tmp/err")"
echo '{"catalog": {"metadata": {"title": "x", "version": "1", "last-modified": "2025-01-01T00:00:00Z"}, "controls": [{"title": "no id"}]}}' >"$tmp/noid.json"
echo '{"profile": {}}' >"$tmp/profile.json"
echo '{"catalog": ' >"$tmp/broken.json"
for f in noid:"catalog.controls[0].id" profile:"profile.imports: a profile needs at least one import" broken:"not JSON"; do
  name=${f%%:*}; want=${f#*:}
  set +e
  "$anzen" catalog import "$tmp/$name.json" 2>"$tmp/err"; rc=$?
  set -e
  [ $rc -eq 2 ] && grep -qF "$want" "$tmp/err" || fail "$name.json: rc $rc, expected exit 2 and '$want' in: $(cat "$tmp/err")"
done
"$anzen" catalog list --json | python3 -c 'import json,sys; ids=[f["id"] for f in json.load(sys.stdin)]; assert "noid" not in ids and ids.count("external-catalog")==1, ids'

# A framework of ours goes out as OSCAL and comes back in with the same rows and questions.
"$anzen" catalog export mic-tech-selfcheck --format oscal -o "$tmp/tech.json" 2>/dev/null
"$anzen" catalog import "$tmp/tech.json" --id tech-copy --json | python3 -c '
import json,sys; r=json.load(sys.stdin); assert r["checklist_rows"]==24 and r["questions"]==24, r'
"$anzen" audit verify >/dev/null

shared="$src/tests/fixtures/oscal-schemas"
if command -v node >/dev/null && [ -d "$src/e2e/node_modules/ajv" ]; then
  node "$src/e2e/validate-oscal.mjs" "$shared/oscal_catalog_schema.json" "$src/tests/fixtures/external-catalog.json"
  node "$src/e2e/validate-oscal.mjs" "$shared/oscal_assessment-results_schema.json" "$tmp/ar.json"
else
  echo "skipping OSCAL schema validation: node or e2e/node_modules not present"
fi
echo "catalog import: all checks passed"
