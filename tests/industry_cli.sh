#!/usr/bin/env bash
# The industry benchmark end to end (issue #18): thirty operators with keys submit signed
# scores, the aggregator imports and publishes with k = 10, every operator sees its position,
# and a tampered, replayed, unknown-key or out-of-period file changes nothing.
set -euo pipefail
anzen=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
op="$tmp/operators.db"   # one operator-side database holding the thirty organisations
agg="$tmp/aggregator.db" # the industry body's instance
jget() { python3 -c 'import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1], {}, {"d": d}))' "$1"; }
# The current fiscal year (April to March), so that submissions signed now are in period.
fy=$(python3 -c 'import datetime; t=datetime.date.today(); print("FY%d" % (t.year if t.month >= 4 else t.year - 1))')
prev="FY$(( ${fy#FY} - 1 ))"
refused() {  # refused EXPECTED-WORDS FILE...: exit 2, the reason on stderr, nothing stored
  local want=$1; shift
  local before after rc
  before=$("$anzen" --db "$agg" industry submissions --period "$fy" --json | sha256sum)
  set +e
  "$anzen" --db "$agg" industry import "$@" 2>"$tmp/err" >/dev/null
  rc=$?
  set -e
  [ $rc -eq 2 ] || fail "import of $* exited $rc (expected 2): $(cat "$tmp/err")"
  grep -q "$want" "$tmp/err" || fail "refusal lacks '$want': $(cat "$tmp/err")"
  after=$("$anzen" --db "$agg" industry submissions --period "$fy" --json | sha256sum)
  [ "$before" = "$after" ] || fail "a refused import changed the stored submissions"
}

# ---- thirty operators: 12 small, 9 mid-sized, 9 large; one filled sheet each
"$anzen" --db "$op" assess create --help >/dev/null
first=$("$anzen" --db "$op" org create --name "株式会社見本通信" --kind operator --json | jget 'd["id"]')
a0=$("$anzen" --db "$op" assess create --org "$first" --framework tcs-2023 --role operator --period "$fy" --json | jget 'd["id"]')
"$anzen" --db "$op" assess export "$a0" --format csv -o "$tmp/sheet.csv" 2>/dev/null
python3 - "$tmp/sheet.csv" "$tmp" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig")))
for n in range(30):
    out = [rows[0]]
    for i, r in enumerate(rows[1:], 1):
        r = list(r)
        r[6] = "実施済" if (i * 7 + n * 3) % 10 < 3 + n % 6 else ("一部実施" if (i + n) % 4 == 0 else "未実施")
        r[8] = str((i + n) % 6)
        r[10] = "情報セキュリティ部 山田太郎"
        r[12] = "社外秘コメント"
        out.append(r)
    csv.writer(open(f"{sys.argv[2]}/filled{n}.csv", "w", encoding="utf-8", newline="")).writerows(out)
PY
orgs=() assessments=() ids=()
for n in $(seq 0 29); do
  if [ "$n" -eq 0 ]; then o=$first; a=$a0; else
    o=$("$anzen" --db "$op" org create --name "株式会社通信$n" --kind operator --json | jget 'd["id"]')
    a=$("$anzen" --db "$op" assess create --org "$o" --framework tcs-2023 --role operator --period "$fy" --json | jget 'd["id"]')
  fi
  band=lt10k; [ "$n" -ge 12 ] && band=10k_100k; [ "$n" -ge 21 ] && band=ge1m
  "$anzen" --db "$op" org profile --org "$o" --size-band "$band" --services isp_data,voice_emergency --json >/dev/null
  "$anzen" --db "$op" assess import "$a" "$tmp/filled$n.csv" >/dev/null
  pk=$("$anzen" --db "$op" industry keygen --org "$o" --json | jget 'd["public_key"]')
  [ "$("$anzen" --db "$op" industry keygen --org "$o" --json | jget 'd["public_key"]')" = "$pk" ] || fail "keygen is not stable"
  id=$("$anzen" --db "$agg" industry register --name "通信$n" --public-key "$pk" --json | jget 'd["id"]')
  orgs+=("$o") assessments+=("$a") ids+=("$id")
done
# An SQLite database keeps its key file beside it (a PostgreSQL one in $ANZEN_KEY_DIR).
if [ -z "${ANZEN_PG_BASE:-}" ]; then
  [ -f "$op.key" ] && [ "$(stat -c %a "$op.key")" = 600 ] || fail "the key-encryption key file is missing or not private"
fi

# An earlier period of the first operator, for the change against its own last periods.
aprev=$("$anzen" --db "$op" assess create --org "$first" --framework tcs-2023 --role operator --period "$prev" --json | jget 'd["id"]')
"$anzen" --db "$op" assess import "$aprev" "$tmp/filled5.csv" >/dev/null

# The preview is exactly what leaves: scores and profile, no names, answers or comments.
"$anzen" --db "$op" industry submission --assessment "$a0" --submitter-id "${ids[0]}" --dry-run >"$tmp/preview.json"
python3 - "$tmp/preview.json" <<'PY'
import json, sys
p = json.load(open(sys.argv[1]))
assert set(p) == {"format", "synthetic", "submitter_id", "nonce", "created_at", "period", "framework", "framework_version",
                  "role", "size_band", "services", "scores", "maturity_distribution", "answered_share"}, sorted(p)
assert p["synthetic"] is False and p["size_band"] == "lt10k" and p["role"] == "operator"
assert "overall" in p["scores"] and "chapter:1" in p["scores"] and "threat:cyber_attack" in p["scores"] and "area:SA1" in p["scores"]
PY
for w in 見本通信 山田 社外秘 T2-; do grep -q "$w" "$tmp/preview.json" && fail "the preview leaks '$w'"; done
# The preview's overall figure is assess score's coverage (one scoring rule).
want=$("$anzen" --db "$op" assess score "$a0" --json | jget 'd["coverage"]')
[ "$(jget 'd["scores"]["overall"]' <"$tmp/preview.json")" = "$want" ] || fail "submission overall differs from assess score"

mkdir -p "$tmp/in"
for n in $(seq 0 29); do
  "$anzen" --db "$op" industry submission --assessment "${assessments[$n]}" --submitter-id "${ids[$n]}" -o "$tmp/in/op$n.json" >/dev/null
done
for w in 見本通信 山田 社外秘; do grep -q "$w" "$tmp"/in/*.json && fail "a submission leaks '$w'"; done

# ---- refusals before anything is stored
cp "$tmp/in/op3.json" "$tmp/tampered.json"
python3 - "$tmp/tampered.json" <<'PY'
import sys
b = bytearray(open(sys.argv[1], "rb").read())
i = b.index(b'"overall":') + len(b'"overall":0.')
b[i] = ord("9") if b[i] != ord("9") else ord("8")
open(sys.argv[1], "wb").write(b)
PY
refused "signature does not verify" "$tmp/tampered.json"
refused "signature does not verify" "$tmp/in/op1.json" "$tmp/tampered.json"   # all or nothing
"$anzen" --db "$op" industry submission --assessment "$a0" --submitter-id 9999 -o "$tmp/unknown.json" >/dev/null
refused "unknown key" "$tmp/unknown.json"
"$anzen" --db "$agg" industry simulate --submitters 1 --period "$prev" --seed 5 --signed-at "2001-01-01T00:00:00Z" -o "$tmp/old" >/dev/null 2>&1 || true
"$anzen" --db "$agg" industry simulate --submitters 1 --period "$fy" --seed 6 --signed-at "${fy#FY}-03-01T00:00:00Z" -o "$tmp/early" >/dev/null
refused "out of period" "$tmp/early/synthetic-000001.json"

python3 -c 'print("[" * 100000 + "]" * 100000)' >"$tmp/huge.json"
refused "larger than" "$tmp/huge.json"

# ---- import all thirty
"$anzen" --db "$agg" industry import "$tmp/in" --json | jget 'd["imported"]' | grep -qx 30 || fail "30 not imported"
refused "replay" "$tmp/in/op7.json"
# A newer submission of the same operator and period replaces the older one.
sleep 1
"$anzen" --db "$op" industry submission --assessment "$a0" --submitter-id "${ids[0]}" -o "$tmp/newer.json" >/dev/null
"$anzen" --db "$agg" industry import "$tmp/newer.json" --json | jget 'd["replaced"]' | grep -qx 1 || fail "newer did not replace"
[ "$("$anzen" --db "$agg" industry submissions --period "$fy" --json | jget 'len(d)')" = 30 ] || fail "not 30 stored after replacement"
sleep 1
"$anzen" --db "$op" industry submission --assessment "$a0" --submitter-id "${ids[0]}" -o "$tmp/x1.json" >/dev/null
sleep 1
"$anzen" --db "$op" industry submission --assessment "$a0" --submitter-id "${ids[0]}" -o "$tmp/x2.json" >/dev/null
"$anzen" --db "$agg" industry import "$tmp/x2.json" >/dev/null
refused "older than the stored" "$tmp/x1.json"

# ---- publish with k = 10
"$anzen" --db "$agg" industry publish --period "$fy" --k 10 -o "$tmp/bench.json"
"$anzen" --db "$agg" industry publish --period "$fy" --k 10 -o "$tmp/bench.xlsx"
"$anzen" --db "$agg" industry publish --period "$fy" --k 10 -o "$tmp/bench.pdf"
python3 - "$tmp/bench.json" <<'PY'
import json, sys
raw = open(sys.argv[1]).read()
d = json.loads(raw)
p = d["payload"]
g = {x["key"]: x for x in p["groups"]}
assert p["k"] == 10 and p["synthetic"] is False
assert g["sector"]["count"] == 30 and not g["sector"]["suppressed"]
assert g["size_band=lt10k"]["count"] == 12
for key in ("size_band=10k_100k", "size_band=ge1m", "size_band=10k_100k&role=operator", "size_band=ge1m&role=operator"):
    assert g[key]["suppressed"] and "count" not in g[key] and "stats" not in g[key], key
# Not derivable by subtraction: sector − small band leaves two withheld bands together.
assert sum(1 for b in ("lt10k", "10k_100k", "100k_1m", "ge1m") if g["size_band=" + b]["suppressed"]) >= 2
assert '"min' not in raw and '"max' not in raw
s = g["sector"]["stats"]["overall"]
assert s["q1"] <= s["median"] <= s["q3"] and s["sd"] >= 0, s
PY
[ "$(head -c 2 "$tmp/bench.xlsx")" = "PK" ] || fail "no XLSX"
[ "$(head -c 4 "$tmp/bench.pdf")" = "%PDF" ] || fail "no PDF"
if command -v pdftotext >/dev/null; then
  pdftotext "$tmp/bench.pdf" - | tr -d ' \n' | grep -q "業界ベンチマーク" || fail "the PDF lacks its Japanese title"
fi
k4=$(set +e; "$anzen" --db "$agg" industry publish --period "$fy" --k 4 -o "$tmp/k4.json" 2>&1; echo "rc=$?")
echo "$k4" | grep -q "rc=2" || fail "k below 5 accepted: $k4"

# ---- every operator sees its position
for n in $(seq 0 29); do
  "$anzen" --db "$op" industry compare --assessment "${assessments[$n]}" --benchmark "$tmp/bench.json" --json >"$tmp/cmp.json"
  python3 - "$tmp/cmp.json" "$n" <<'PY'
import json, sys
c = json.load(open(sys.argv[1])); n = int(sys.argv[2])
m = {x["id"]: x for x in c["metrics"]}
o = m["overall"]
assert o["own"] is not None and o["sector"]["count"] == 30, o
assert 20 < o["deviation_score"] < 80 and o["quartile_band"] in ("below_q1", "q1_median", "median_q3", "above_q3"), o
expect = round(50 + 10 * (o["own"] - o["sector"]["mean"]) / o["sector"]["sd"], 1)
assert abs(o["deviation_score"] - expect) < 0.11, (o["deviation_score"], expect)
if n < 12:
    assert o["group_key"] == "size_band=lt10k&role=operator" and o["group"]["count"] == 12, o
else:
    assert o["group_key"] == "role=operator", o   # the own band is withheld: the next published group
if n == 0:
    assert len(o["history"]) == 1 and o["history"][0]["change"] is not None, o["history"]
assert "chapter:1" in m and "area:SA1" in m and m["area:SA1"]["view"] == "survey"
PY
done
"$anzen" --db "$op" industry compare --assessment "$a0" --benchmark "$tmp/bench.json" | grep -q "偏差値" || fail "text compare lacks 偏差値"
# A benchmark changed after signing is refused.
sed 's/"k":10/"k":11/' "$tmp/bench.json" >"$tmp/bench-bad.json"
set +e
"$anzen" --db "$op" industry compare --assessment "$a0" --benchmark "$tmp/bench-bad.json" --json >/dev/null 2>"$tmp/err"
rc=$?
set -e
[ $rc -eq 2 ] || fail "a changed benchmark was accepted ($rc)"

# ---- synthetic submitters (tests and benchmarks only) are labelled as such
"$anzen" --db "$tmp/synth.db" industry simulate --submitters 40 --period "$fy" --seed 3 -o "$tmp/synth" >/dev/null
"$anzen" --db "$tmp/synth.db" industry import "$tmp/synth" >/dev/null
"$anzen" --db "$tmp/synth.db" industry publish --period "$fy" -o "$tmp/synth.json"
jget 'd["payload"]["synthetic"]' <"$tmp/synth.json" | grep -qx True || fail "synthetic benchmark not labelled"
echo "industry CLI: ok"
