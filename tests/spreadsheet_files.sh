#!/usr/bin/env bash
# Spreadsheets from outside: a checklist exported by Anzen, opened and re-saved by LibreOffice
# (headless soffice) as XLSX, CSV (UTF-8 and Shift_JIS) and Unicode text (UTF-16, tabs), imports
# with exactly the same scores; Japanese Excel habits are read; a renamed or doubled column is
# refused by name and changes nothing; hostile workbooks exit 2 with detail and bounded memory;
# impossible dates are refused by every command. Args: ANZEN_BINARY SOURCE_DIR.
source "$2/tests/fixtures/libreoffice/lib.sh"
expect_refused() {  # expect_refused WORDS… -- COMMAND…: exit 2 and every word in stderr
  local words=()
  while [ "$1" != "--" ]; do words+=("$1"); shift; done
  shift
  set +e
  "$@" >"$tmp/out" 2>"$tmp/err"
  local rc=$?
  set -e
  [ $rc -eq 2 ] || fail "exit $rc (want 2) from: $* — $(cat "$tmp/err")"
  for w in "${words[@]}"; do grep -qF -- "$w" "$tmp/err" || fail "'$w' missing from the refusal of: $* — $(cat "$tmp/err")"; done
}

"$anzen" org create --name "株式会社表計算" --kind operator >/dev/null
"$anzen" assess create --org 1 --framework tcs-2023 --role operator --period FY2026 >/dev/null
"$anzen" assess export 1 --format csv -o "$tmp/blank.csv" >/dev/null
# Fill a varied sheet: every status, maturity, due dates, comments that look like formulas.
python3 - "$tmp/blank.csv" "$tmp/filled.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig")))
head, body = rows[0], rows[1:]
st = ["実施済", "一部実施", "未実施", "対象外", "", "実施済", "一部実施"]
for i, r in enumerate(body):
    s = st[i % len(st)]
    r[6] = s
    r[7] = "当社は該当設備なし" if s == "対象外" else ""
    r[8] = str(i % 4) if s in ("実施済", "一部実施") else ""
    r[10] = "運用部" if i % 3 == 0 else ""
    r[11] = "2027-03-%02d" % (1 + i % 28) if s in ("未実施", "一部実施") else ""
    r[12] = ["=SUM(A1:A9)", "-5 件の是正", "@運用", "+注記", "通常のコメント", ""][i % 6]
with open(sys.argv[2], "w", encoding="utf-8", newline="") as f:
    csv.writer(f).writerows([head] + body)
PY
"$anzen" assess import 1 "$tmp/filled.csv" >/dev/null
want=$(score 1)
echo "$want" | python3 -c 'import json,sys; j=json.load(sys.stdin); assert j["coverage"] and 0 < j["coverage"] < 1, j["coverage"]'
"$anzen" assess export 1 --format xlsx -o "$tmp/anzen.xlsx" >/dev/null
"$anzen" assess export 1 --format csv -o "$tmp/anzen.csv" >/dev/null
grep -q "'=SUM(A1:A9)" "$tmp/anzen.csv" || fail "the CSV export does not neutralise formulas"
if grep -q ",=SUM" "$tmp/anzen.csv"; then fail "a formula left as-is in the CSV export"; fi

# LibreOffice re-saves the workbook, converts it to CSV (UTF-8 and Shift_JIS) and to Unicode
# text (UTF-16, tab-separated), and turns our CSV into a workbook of its own (as a user filling
# the sheet in LibreOffice does: no cell formats, so empty trailing cells are left out).
python3 - "$tmp/anzen.csv" "$tmp/renamed.csv" "$tmp/twice.csv" "$tmp/alias.csv" <<'PY'
import sys
t = open(sys.argv[1], encoding="utf-8-sig").read()
open(sys.argv[2], "w", encoding="utf-8").write(t.replace("コメント", "所見", 1))
lines = t.split("\n")
lines[0] = lines[0].replace("担当者", "実施状況", 1)
open(sys.argv[3], "w", encoding="utf-8").write("\n".join(lines))
open(sys.argv[4], "w", encoding="utf-8").write(t.replace("コメント", "備考", 1))
PY
mkdir -p "$tmp/x" "$tmp/c" "$tmp/s" "$tmp/u" "$tmp/l"
lo --convert-to xlsx --outdir "$tmp/x" "$tmp/anzen.xlsx"
lo --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1' --outdir "$tmp/c" "$tmp/anzen.xlsx"
lo --convert-to 'csv:Text - txt - csv (StarCalc):44,34,64,1' --outdir "$tmp/s" "$tmp/anzen.xlsx"
lo --convert-to 'txt:Text - txt - csv (StarCalc):9,34,65535,1' --outdir "$tmp/u" "$tmp/anzen.xlsx"
lo --infilter='CSV:44,34,76,1' --convert-to xlsx --outdir "$tmp/l" "$tmp/anzen.csv" "$tmp/renamed.csv"
for f in "$tmp/x/anzen.xlsx" "$tmp/c/anzen.csv" "$tmp/s/anzen.csv" "$tmp/u/anzen.txt" "$tmp/l/anzen.xlsx" "$tmp/l/renamed.xlsx"; do
  [ -s "$f" ] || fail "LibreOffice did not write $f: $(cat "$tmp/lo.log")"
done
# LibreOffice's own workbook really leaves empty trailing cells out (what broke imports before).
python3 - "$tmp/l/anzen.xlsx" <<'PY' || fail "LibreOffice's XLSX has no short rows; the test would prove nothing"
import re, sys, zipfile
xml = zipfile.ZipFile(sys.argv[1]).read("xl/worksheets/sheet1.xml").decode()
rows = re.findall(r"<row [^>]*>(.*?)</row>", xml)
assert sum(len(re.findall(r"<c ", r)) < 13 for r in rows[1:]) > 50, "no short rows"
PY
head -c 2 "$tmp/u/anzen.txt" | od -An -tx1 | grep -q "ff fe" || fail "LibreOffice's Unicode text has no UTF-16 LE BOM"
n=1
for f in "$tmp/x/anzen.xlsx" "$tmp/l/anzen.xlsx" "$tmp/c/anzen.csv" "$tmp/s/anzen.csv" "$tmp/u/anzen.txt"; do
  n=$((n + 1))
  "$anzen" assess create --org 1 --framework tcs-2023 --role operator --period "FY$((2030 + n))" >/dev/null
  "$anzen" assess import $n "$f" --json >"$tmp/imp.json" || fail "import of $f: $(cat "$tmp/imp.json")"
  got=$(score $n)
  [ "$got" = "$want" ] || fail "scores differ after $f: $(python3 -c 'import sys; print(sys.argv[1][:300]); print(sys.argv[2][:300])' "$want" "$got")"
  # Formula-like comments come back as they were typed.
  "$anzen" assess show $n --json | python3 -c '
import json, sys
j = json.load(sys.stdin)
answers = j["answers"] if isinstance(j.get("answers"), list) else list(j["answers"].values())
comments = {a.get("comment") for a in answers}
assert {"=SUM(A1:A9)", "-5 件の是正", "@運用", "+注記"} <= comments, sorted(c for c in comments if c)[:8]' || fail "comments changed through $f"
done
echo "LibreOffice round trips: identical scores for xlsx (re-saved and LibreOffice's own), csv (UTF-8, Shift_JIS), UTF-16 text"

# A renamed column (コメント → 所見) in a workbook saved by LibreOffice: refused by name, sheet
# named, nothing changed; two 実施状況 columns refused.
"$anzen" assess create --org 1 --framework tcs-2023 --role operator --period FY2050 >/dev/null
rid=$((n + 1))
before=$(score $rid)
expect_refused "所見" "sheet 'renamed'" "row 1" "unknown columns are refused" -- "$anzen" assess import $rid "$tmp/l/renamed.xlsx"
expect_refused "「実施状況」 is already column G" -- "$anzen" assess import $rid "$tmp/twice.csv"
[ "$(score $rid)" = "$before" ] || fail "a refused import changed the assessment"
# The documented alias 備考 is read as コメント.
"$anzen" assess import $rid "$tmp/alias.csv" >/dev/null
[ "$(score $rid)" = "$want" ] || fail "the alias 備考 did not import like コメント"

# Japanese Excel habits in a Shift_JIS CSV converted by LibreOffice to XLSX: marks, Japanese
# dates, full-width digits, a title row above the header, blank rows at the end.
printf '対策チェックシート（令和8年度）\n\n質問ID,実施状況,成熟度,期限,コメント\nT2-001.1,○,３,2026/3/31,\nT2-002.1,×,,令和8年4月1日,\nT2-003.1,△,1,R8.5.6,\nT2-004.1,済,,2026年6月30日,\n,,,,\n,,,,\n' |
  iconv -f UTF-8 -t CP932 >"$tmp/jp.csv"
mkdir -p "$tmp/j"
lo --infilter='CSV:44,34,64,1' --convert-to xlsx --outdir "$tmp/j" "$tmp/jp.csv"
"$anzen" assess create --org 1 --framework tcs-2023 --role operator --period FY2051 >/dev/null
jid=$((rid + 1))
for f in "$tmp/jp.csv" "$tmp/j/jp.xlsx"; do
  "$anzen" assess import $jid "$f" --json | python3 -c 'import json,sys; r=json.load(sys.stdin); assert r["rows"]==4, r' || fail "Japanese sheet $f"
done
"$anzen" assess show $jid --json | python3 -c '
import json, sys
j = json.load(sys.stdin)
answers = j["answers"] if isinstance(j.get("answers"), list) else [dict(v, question_id=k) for k, v in j["answers"].items()]
a = {x.get("question_id") or x.get("question"): x for x in answers}
assert a["T2-001.1"]["status"] == "implemented" and a["T2-001.1"]["maturity"] == 3 and a["T2-001.1"]["due"] == "2026-03-31", a["T2-001.1"]
assert a["T2-002.1"]["status"] == "not_implemented" and a["T2-002.1"]["due"] == "2026-04-01", a["T2-002.1"]
assert a["T2-003.1"]["status"] == "partial" and a["T2-003.1"]["due"] == "2026-05-06", a["T2-003.1"]
assert a["T2-004.1"]["status"] == "implemented" and a["T2-004.1"]["due"] == "2026-06-30", a["T2-004.1"]' || fail "Japanese marks and dates"

# Hostile workbooks: exit 2 with the reason (no "stoul", no std::bad_alloc), memory bounded.
python3 - "$tmp" <<'PY'
import sys, zipfile, zlib, struct
d = sys.argv[1]
def book(path, sheet_xml, shared=None):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/workbook.xml", '<workbook xmlns:r="r"><sheets><sheet name="攻撃" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>')
        z.writestr("xl/worksheets/sheet1.xml", "<worksheet><sheetData>" + sheet_xml + "</sheetData></worksheet>")
        if shared: z.writestr("xl/sharedStrings.xml", shared)
head = '<row r="1"><c r="A1" t="inlineStr"><is><t>質問ID</t></is></c><c r="B1" t="inlineStr"><is><t>実施状況</t></is></c></row>'
book(d + "/stoul.xlsx", head + '<row r="2"><c r="A2" t="s"><v>99999999999999999999</v></c></row>', "<sst><si><t>x</t></si></sst>")
book(d + "/wide.xlsx", head + '<row r="2"><c r="AAAAAA2" t="inlineStr"><is><t>x</t></is></c></row>')
# A zip bomb: 300 MB of XML in a few hundred KB, its declared size a lie.
bomb = head + '<row r="2">' + " " * (300 << 20) + "</row>"
raw = zlib.compressobj(9, zlib.DEFLATED, -15)
data = raw.compress(bomb.encode()) + raw.flush()
with zipfile.ZipFile(d + "/bomb.xlsx", "w") as z:
    z.writestr("xl/workbook.xml", "<workbook/>")
path = d + "/bomb.xlsx"
# Append the bomb member by hand with a declared size of 1 KB.
name = b"xl/worksheets/sheet1.xml"
crc = zlib.crc32(bomb.encode())
local = struct.pack("<IHHHHHIIIHH", 0x04034b50, 20, 0, 8, 0, 0, crc, len(data), 1024, len(name), 0) + name + data
cd = struct.pack("<IHHHHHHIIIHHHHHII", 0x02014b50, 20, 20, 0, 8, 0, 0, crc, len(data), 1024, len(name), 0, 0, 0, 0, 0, 0) + name
eocd = struct.pack("<IHHHHIIH", 0x06054b50, 0, 0, 1, 1, len(cd), len(local), 0)
open(path, "wb").write(local + cd + eocd)
PY
[ "$(stat -c %s "$tmp/bomb.xlsx")" -lt 2000000 ] || fail "the zip bomb is not small"
expect_refused "stoul.xlsx" "sheet '攻撃' cell A2" "missing shared string" -- "$anzen" assess import $jid "$tmp/stoul.xlsx"
expect_refused "wide.xlsx" "AAAAAA2" "beyond column XFD" -- "$anzen" assess import $jid "$tmp/wide.xlsx"
python3 - "$anzen" "$jid" "$tmp/bomb.xlsx" <<'PY' || fail "the zip bomb was not refused within bounded memory"
import resource, subprocess, sys
p = subprocess.run([sys.argv[1], "assess", "import", sys.argv[2], sys.argv[3]], capture_output=True, text=True)
rss_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
assert p.returncode == 2, (p.returncode, p.stderr)
assert "expands beyond" in p.stderr and "bomb.xlsx" in p.stderr, p.stderr
assert rss_mb < 256, "resident memory %.0f MB" % rss_mb
print("zip bomb refused; peak resident memory %.0f MB" % rss_mb)
PY
for f in stoul wide bomb; do grep -q "bad_alloc\|stoul" "$tmp/err" && fail "internal error text leaked"; done

# One date parser for every command: impossible dates exit 2 naming the field.
expect_refused "deadline (達成期限)" "2026-13-01" "there is no month 13" -- \
  "$anzen" plan create --org 1 --target-state 目標 --actions 対策 --owner 部長 --deadline 2026-13-01 --evaluation-method 監査
expect_refused "due (期限)" "February 2026 has 28 days" -- "$anzen" assess answer 1 T2-001.1 --status 実施済 --due 2026-02-30
expect_refused "acceptance_expiry (有効期限)" "2026-02-31" -- \
  "$anzen" risk create --org 1 --title 停電 --threat failure_disaster --inherent 2x2 --current 2x2 --residual 1x1 \
  --treatment accept --approver CISO --justification 低 --expiry 2026-02-31
"$anzen" plan create --org 1 --target-state 目標 --actions 対策 --owner 部長 --deadline 令和8年3月31日 --evaluation-method 監査 |
  python3 -c 'import json,sys; p=json.load(sys.stdin); assert p["deadline"]=="2026-03-31", p' || fail "Japanese deadline not read"

# Report workbooks print: header row on every page, one page wide, landscape when wide, and a
# Japanese page header with organisation, period and date.
"$anzen" report risks --assessment 1 --format xlsx -o "$tmp/risks.xlsx" >/dev/null
python3 - "$tmp/risks.xlsx" <<'PY' || fail "the report workbook has no print setup"
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
wb = z.read("xl/workbook.xml").decode()
assert wb.count("_xlnm.Print_Titles") == 2, "header rows repeat on both sheets"
sheet = z.read("xl/worksheets/sheet1.xml").decode()
assert 'fitToPage="1"' in sheet and 'fitToHeight="0"' in sheet and 'orientation="landscape"' in sheet, sheet[-600:]
head = re.search(r"<oddHeader>(.*?)</oddHeader>", sheet).group(1)
assert "株式会社表計算" in head and "FY2026" in head and re.search(r"\d{4}年\d{1,2}月\d{1,2}日作成", head), head
PY
echo "ok"
