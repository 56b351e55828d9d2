#!/usr/bin/env bash
# Issue 15: filing a required report stops that report's clock only; closing keeps the
# deadlines of reports not filed; the verdict names the missing input that would change it.
# Args: ANZEN_BINARY SOURCE_DIR.
set -euo pipefail
anzen=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
export ANZEN_DB=${ANZEN_DB:-$tmp/filing.db}

# A 1,500-person leak of specified user information: without the designated-operator flag the
# verdict is not reportable and says that the flag would make it R7.
cat >"$tmp/leak.json" <<'J'
{"event_type": "specified_user_info_leak", "leaked_persons": 1500,
 "started_at": "2026-11-20T09:00:00+09:00", "ended_at": "2026-11-20T12:00:00+09:00", "known_at": "2026-11-24T10:00:00+09:00"}
J
"$anzen" incident classify --json "$tmp/leak.json" | python3 -c '
import json, sys
v = json.load(sys.stdin)
assert [c["kind"] for c in v["classifications"]] == ["not_reportable"], v
m = v["missing_inputs"]
assert m and m[0]["fields"] == ["designated_operator"] and "R7" in m[0]["would_be"]["ja"], m'
"$anzen" incident classify "$tmp/leak.json" | grep -q "指定電気通信事業者" || fail "the text output does not name the missing flag"
python3 -c 'import json,sys; e=json.load(open(sys.argv[1])); e["designated_operator"]=True; json.dump(e, open(sys.argv[1],"w"))' "$tmp/leak.json"
"$anzen" incident classify --json "$tmp/leak.json" | python3 -c '
import json, sys
v = json.load(sys.stdin)
c = v["classifications"]
assert [x["rule"] for x in c] == ["R7"], c
assert [(r["type"], r["due"]) for r in c[0]["reports"]] == [("prompt", None), ("detailed", "2026-12-24")], c'

org=$("$anzen" org create --name "株式会社届出" --kind operator --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
id=$("$anzen" incident create --org "$org" --title "顧客情報の漏えい" --event "$tmp/leak.json" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
obl() { "$anzen" incident obligations --org "$org" --json --as-of 2026-11-25T09:00:00+09:00 | python3 -c 'import json,sys; print(" ".join(o["type"] for o in json.load(sys.stdin)))'; }
[ "$(obl)" = "prompt detailed" ] || fail "before filing: $(obl)"

# File the prompt report with its document.
printf '%%PDF-1.4 速報\n' >"$tmp/速報.pdf"
"$anzen" incident file --org "$org" "$id" --report prompt --at 2026-11-24T15:00:00+09:00 --by "法務部 佐藤" --ref "総基安第123号" \
  --evidence "$tmp/速報.pdf" --json >"$tmp/filed.json"
python3 - "$tmp/filed.json" <<'PY'
import json, sys
f = json.load(open(sys.argv[1]))
assert f["report"] == "prompt" and f["kind"] == "specified_user_info_leak" and f["reference"] == "総基安第123号", f
assert f["filed_at"] == "2026-11-24T15:00:00+09:00" and f["filed_by"] == "法務部 佐藤", f
assert f["evidence"]["name"] == "速報.pdf" and len(f["evidence"]["sha256"]) == 64, f
PY
[ "$(obl)" = "detailed" ] || fail "after filing the prompt report: $(obl)"
"$anzen" incident show --org "$org" "$id" | python3 -c '
import json, sys
i = json.load(sys.stdin)
reps = i["classification"]["classifications"][0]["reports"]
assert "filed" in reps[0] and "filed" not in reps[1], reps
assert any("report filed" in t["text"] for t in i["timeline"]), i["timeline"]'

# Bad filings change nothing and exit 2 naming the field.
set +e
"$anzen" incident file --org "$org" "$id" --report prompt --at 2026-11-24T16:00:00+09:00 2>"$tmp/err"; s1=$?
"$anzen" incident file --org "$org" "$id" --report periodic 2>"$tmp/err2"; s2=$?
"$anzen" incident file --org "$org" "$id" --report detailed --at 2099-01-01T00:00:00+09:00 2>"$tmp/err3"; s3=$?
"$anzen" incident update --org "$org" "$id" --patch <(echo '{"status":"closed"}') 2>"$tmp/err4"; s4=$?
set -e
[ $s1 -eq 2 ] && grep -q "already filed" "$tmp/err" || fail "filing twice: $s1 $(cat "$tmp/err")"
[ $s2 -eq 2 ] && grep -q "report" "$tmp/err2" || fail "a report the verdict does not require: $s2 $(cat "$tmp/err2")"
[ $s3 -eq 2 ] && grep -q "filed_at" "$tmp/err3" || fail "a filing in the future: $s3 $(cat "$tmp/err3")"
[ $s4 -eq 2 ] && grep -q "not filed" "$tmp/err4" || fail "closing with a report due must ask: $s4 $(cat "$tmp/err4")"
[ "$(obl)" = "detailed" ] || fail "a refused command changed the obligations: $(obl)"

# A wrong record is corrected (the report stays filed) or withdrawn (it is due again); both
# need a reason, name the field when refused, and leave the chain intact.
fid=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["id"])' "$tmp/filed.json")
"$anzen" incident filing correct --org "$org" "$fid" --ref "総基安第124号" --at 2026-11-24T14:30:00+09:00 \
  --reason "受付番号の転記誤り" --json >"$tmp/fixed.json"
python3 - "$tmp/fixed.json" <<'PY'
import json, sys
f = json.load(open(sys.argv[1]))
assert f["reference"] == "総基安第124号" and f["filed_at"] == "2026-11-24T14:30:00+09:00" and f["filed_by"] == "法務部 佐藤", f
PY
[ "$(obl)" = "detailed" ] || fail "a corrected filing must stay filed: $(obl)"
"$anzen" incident show --org "$org" "$id" | grep -q "総基安第123号 → 総基安第124号" || fail "the timeline lacks the correction"
set +e
"$anzen" incident filing correct --org "$org" "$fid" --ref "x" --reason "" 2>"$tmp/e1"; c1=$?
"$anzen" incident filing correct --org "$org" "$fid" --ref "総基安第124号" --reason "同じ" 2>"$tmp/e2"; c2=$?
"$anzen" incident filing withdraw --org 999 "$fid" --reason "他組織" 2>"$tmp/e3"; c3=$?
set -e
[ $c1 -eq 2 ] && grep -q "reason" "$tmp/e1" || fail "a correction without reason: $c1 $(cat "$tmp/e1")"
[ $c2 -eq 2 ] && grep -q "nothing to correct" "$tmp/e2" || fail "a correction changing nothing: $c2 $(cat "$tmp/e2")"
[ $c3 -eq 2 ] && grep -q "no filing" "$tmp/e3" || fail "another organisation's filing: $c3 $(cat "$tmp/e3")"
"$anzen" incident filing withdraw --org "$org" "$fid" --reason "別事案と取り違えた" | grep -q "未提出に戻りました" || fail "withdraw text"
[ "$(obl)" = "prompt detailed" ] || fail "a withdrawn filing must make the report due again: $(obl)"
"$anzen" incident file --org "$org" "$id" --report prompt --at 2026-11-24T15:00:00+09:00 --ref "総基安第124号" >/dev/null
[ "$(obl)" = "detailed" ] || fail "filed anew: $(obl)"
"$anzen" audit verify >/dev/null || fail "audit chain after corrections"

# Closing with --yes keeps the detailed report's deadline.
"$anzen" incident update --org "$org" "$id" --patch <(echo '{"status":"closed"}') --yes >/dev/null
[ "$(obl)" = "detailed" ] || fail "closing removed the deadline: $(obl)"
"$anzen" incident file --org "$org" "$id" --report detailed --at 2026-12-01T10:00:00+09:00 --json >/dev/null
[ -z "$(obl)" ] || fail "all filed, still due: $(obl)"
"$anzen" audit verify >/dev/null || fail "audit chain"
echo "incident filing CLI: all checks passed"
