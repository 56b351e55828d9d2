#!/usr/bin/env bash
# No internal code reaches a Japanese report: every code the vocabulary knows (statuses, service
# categories, report types, …) is shown by its label. Args: ANZEN_BINARY SOURCE_DIR.
set -euo pipefail
anzen=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export ANZEN_DB="$tmp/vocab.db"
fail() { echo "FAIL: $*" >&2; exit 1; }

a=$("$anzen" demo --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["assessment_id"])')
"$anzen" vocab list --json >"$tmp/vocab.json"
python3 -c 'import json,sys; t=json.load(open(sys.argv[1])); assert len(t) > 40 and all(x["ja"] and x["en"] for x in t)' "$tmp/vocab.json" ||
  fail "vocab list --json lacks terms or labels"
"$anzen" vocab list --domain no_such_domain >/dev/null 2>&1 && fail "an unknown domain was accepted"
[ $? -eq 0 ] || true

for r in management disclosure soa; do
  "$anzen" report $r --assessment "$a" --format html -o "$tmp/$r.html" 2>/dev/null
done
for r in checklist gaps risks incidents; do
  "$anzen" report $r --assessment "$a" --format csv -o "$tmp/$r.csv" 2>/dev/null
done

python3 - "$tmp" <<'PY'
import glob, html, json, re, sys
tmp = sys.argv[1]
terms = json.load(open(tmp + "/vocab.json"))
# The audit trail's words name stored keys (id, name, create …), not values a report could show.
codes = {t["code"] for t in terms if not t["domain"].startswith("audit_")}
bad = []
for f in sorted(glob.glob(tmp + "/*.html") + glob.glob(tmp + "/*.csv")):
    text = open(f, encoding="utf-8-sig").read()
    if f.endswith(".html"):
        text = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", text, flags=re.S)
        text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    for code in codes:
        if re.search(r"(?<![A-Za-z0-9_./-])" + re.escape(code) + r"(?![A-Za-z0-9_/-])", text):
            bad.append((f.split("/")[-1], code))
assert not bad, "codes shown as text in Japanese reports: %r" % bad[:20]
print("no vocabulary code in", len(glob.glob(tmp + "/*.*")) - 1, "Japanese reports")
PY
echo "vocabulary CLI: all checks passed"
