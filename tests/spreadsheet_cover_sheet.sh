#!/usr/bin/env bash
# A workbook as a LibreOffice user makes it: a cover sheet (表紙) before the checklist, due dates
# as real date cells shown in the Japanese form (2027年3月1日), and formatted blank rows below the
# table. The test writes it as a flat ODS (.fods), has the real LibreOffice (headless soffice)
# convert it to XLSX, checks that the file really has those traits, and imports it: exactly the
# scores of the same answers imported from CSV, and the import names the sheet it read.
# Args: ANZEN_BINARY SOURCE_DIR.
source "$2/tests/fixtures/libreoffice/lib.sh"

"$anzen" org create --name "株式会社表紙" --kind operator >/dev/null
"$anzen" assess create --org 1 --framework tcs-2023 --role operator --period FY2026 >/dev/null
"$anzen" assess create --org 1 --framework tcs-2023 --role operator --period FY2027 >/dev/null
"$anzen" assess export 1 --format csv -o "$tmp/blank.csv" >/dev/null

# The same answers twice: as a CSV (the reference) and as a two-sheet flat ODS.
python3 - "$tmp/blank.csv" "$tmp/answers.csv" "$tmp/book.fods" <<'PY'
import csv, sys
from xml.sax.saxutils import escape
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig")))
head, body = rows[0], rows[1:]
col = {h: i for i, h in enumerate(head)}
marks = ["実施済", "未実施", "一部実施", "対象外", ""]
for i, r in enumerate(body):
    s = marks[i % len(marks)]
    r[col["実施状況"]] = s
    if s == "対象外": r[col["対象外の理由"]] = "該当設備なし"
    if s in ("実施済", "一部実施"): r[col["成熟度"]] = str(1 + i % 4)
    if s in ("未実施", "一部実施"): r[col["期限"]] = "2027-%02d-%02d" % (1 + i % 12, 1 + i % 28)
with open(sys.argv[2], "w", encoding="utf-8", newline="") as f:
    csv.writer(f).writerows([head] + body)

def cell(h, v):
    if v == "":
        return '<table:table-cell/>'
    if h == "期限":  # a real date cell, displayed 2027年3月1日
        return '<table:table-cell table:style-name="jdate" office:value-type="date" office:date-value="%s"><text:p>%s</text:p></table:table-cell>' % (v, v)
    if h == "成熟度":
        return '<table:table-cell office:value-type="float" office:value="%s"><text:p>%s</text:p></table:table-cell>' % (v, v)
    return '<table:table-cell office:value-type="string"><text:p>%s</text:p></table:table-cell>' % escape(v)
def row(h_cells):
    return "<table:table-row>" + "".join(h_cells) + "</table:table-row>"
cover = "".join(row(['<table:table-cell office:value-type="string"><text:p>%s</text:p></table:table-cell>' % escape(t)])
                for t in ["対策チェックシート 提出用", "株式会社表紙", "令和8年度", "作成：情報セキュリティ委員会"])
sheet = row(cell("", "") if False else '<table:table-cell office:value-type="string"><text:p>%s</text:p></table:table-cell>' % escape(h) for h in head)
sheet += "".join(row(cell(h, v) for h, v in zip(head, r)) for r in body)
# Formatted blank rows below the table: a fill colour and borders, no content.
sheet += '<table:table-row table:number-rows-repeated="40"><table:table-cell table:style-name="framed" table:number-columns-repeated="%d"/></table:table-row>' % len(head)
open(sys.argv[3], "w", encoding="utf-8").write('''<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:automatic-styles>
 <number:date-style style:name="N_jp"><number:year number:style="long"/><number:text>年</number:text><number:month/><number:text>月</number:text><number:day/><number:text>日</number:text></number:date-style>
 <style:style style:name="jdate" style:family="table-cell" style:data-style-name="N_jp"/>
 <style:style style:name="framed" style:family="table-cell"><style:table-cell-properties fo:background-color="#fff2cc" fo:border="0.5pt solid #000000"/></style:style>
</office:automatic-styles>
<office:body><office:spreadsheet>
<table:table table:name="表紙">%s</table:table>
<table:table table:name="チェックシート">%s</table:table>
</office:spreadsheet></office:body></office:document>''' % (cover, sheet))
PY
"$anzen" assess import 1 "$tmp/answers.csv" >/dev/null
want=$(score 1)
echo "$want" | python3 -c 'import json,sys; j=json.load(sys.stdin); assert 0 < j["coverage"] < 1, j["coverage"]' || fail "reference scores"

mkdir -p "$tmp/x"
lo --convert-to xlsx --outdir "$tmp/x" "$tmp/book.fods"
[ -s "$tmp/x/book.xlsx" ] || fail "LibreOffice did not convert the workbook: $(cat "$tmp/lo.log")"
# What LibreOffice wrote really has the traits the test is about.
python3 - "$tmp/x/book.xlsx" <<'PY' || fail "LibreOffice's workbook lacks a trait the test needs"
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
wb = z.read("xl/workbook.xml").decode()
names = re.findall(r'<sheet name="([^"]*)"', wb)
assert names == ["表紙", "チェックシート"], names
xml = z.read("xl/worksheets/sheet2.xml").decode()
rows = re.findall(r"<row [^>]*>(.*?)</row>", xml, re.S)
styled_blank = [r for r in rows if "<v>" not in r and "<is>" not in r and ' s="' in r]
assert len(styled_blank) >= 30, "no formatted blank rows at the end (%d)" % len(styled_blank)
styles = z.read("xl/styles.xml").decode()
assert re.search(r'formatCode="[^"]*年[^"]*月[^"]*日', styles), "no Japanese date format"
assert re.search(r'<c r="L2"[^>]*><v>\d+</v>', xml) or re.search(r'<c r="L\d+"[^>]*><v>\d{5}</v>', xml), "due dates are not date serials"
PY
"$anzen" assess import 2 "$tmp/x/book.xlsx" --json >"$tmp/imp.json" || fail "import of LibreOffice's workbook: $(cat "$tmp/imp.json")"
python3 - "$tmp/imp.json" <<'PY' || fail "the import does not name the sheet it read: $(cat "$tmp/imp.json")"
import json, sys
r = json.load(open(sys.argv[1]))
assert r["sheet"] == "チェックシート" and r["encoding"] == "xlsx", r
PY
"$anzen" assess import 2 "$tmp/x/book.xlsx" 2>&1 | grep -q "チェックシート" || fail "the import message does not name the sheet read"
got=$(score 2)
[ "$got" = "$want" ] || fail "scores differ: $(python3 -c 'import sys; print(sys.argv[1][:300]); print(sys.argv[2][:300])' "$want" "$got")"
# Every answer, the Japanese-formatted dates included, is what the CSV said.
answers() { "$anzen" assess show "$1" --json | python3 -c '
import json, sys
j = json.load(sys.stdin)
a = j["answers"] if isinstance(j.get("answers"), list) else [dict(v, question_id=k) for k, v in j["answers"].items()]
print(json.dumps(sorted([x.get("question_id") or x.get("question"), x.get("status"), x.get("maturity"), x.get("due"), x.get("na_reason")] for x in a)))'; }
[ "$(answers 1)" = "$(answers 2)" ] || fail "answers differ between the CSV and LibreOffice's workbook"
answers 2 | grep -q '"2027-03-03"' || fail "no due date came through"
echo "ok: LibreOffice workbook with a cover sheet, Japanese date cells and formatted blank rows imports with identical scores"
