#!/usr/bin/env bash
# One truth per rule: the CLI, the JSON API, the web pages and the reports give the same gap
# priorities, trend, fiscal year, verdict and JSON shapes for the same data, because each asks
# the one service that computes it. The data is chosen so that a copy computing its own answer
# would differ: a maturity scale whose target is 4 (not the default 3), a risk linked to a gap
# question, a due date within 30 days, a second (imported) framework for the same organisation
# (a trend mixing frameworks shows it), and an incident that started at 2026-03-31T15:30Z, which is
# 1 April in Japan (fiscal year 2026, while the text prefix of the time says 2025).
# Args: ANZEN_BINARY SOURCE_DIR.
set -euo pipefail
anzen=$1
src=$2
tmp=$(mktemp -d)
pid=
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
export ANZEN_DB="$tmp/truth.db"
sed 's/^target: 3$/target: 4/' "$src/catalogs/maturity/default.yaml" >"$tmp/scale.yaml"
grep -q '^target: 4$' "$tmp/scale.yaml" || fail "could not make a scale with target 4"
export ANZEN_MATURITY_FILE="$tmp/scale.yaml"

"$anzen" org create --name "株式会社一元" --kind operator >/dev/null
printf 'Ichigen-Truth-2026!\n' | "$anzen" user create --org 1 --name truth --role admin --password-stdin >/dev/null
token=$("$anzen" token create --user truth --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
"$anzen" assess create --org 1 --framework tcs-2023 --role operator --period FY2025 >/dev/null
"$anzen" assess create --org 1 --framework tcs-2023 --role operator --period FY2026 >/dev/null
"$anzen" catalog import "$src/tests/fixtures/external-catalog.json" >/dev/null
"$anzen" assess create --org 1 --framework external-catalog --role operator --period FY2024 >/dev/null
"$anzen" assess answer 3 gov-1_obj.a --status implemented >/dev/null
"$anzen" assess answer 1 T2-001.1 --status implemented >/dev/null
soon=$(python3 -c 'import datetime; print((datetime.datetime.utcnow() + datetime.timedelta(hours=9, days=10)).date())')
"$anzen" assess answer 2 T2-001.1 --status partial --maturity 3 --due "$soon" >/dev/null
"$anzen" assess answer 2 T2-002.1 --status not_implemented --maturity 2 >/dev/null
"$anzen" assess answer 2 T2-003.1 --status implemented >/dev/null
"$anzen" asset create --org 1 --name "呼制御サーバ" --kind facility --cia 3,3,3 --services voice_emergency >/dev/null
"$anzen" risk create --org 1 --title "DDoS" --threat cyber_attack --assets 1 --questions T2-002.1 --inherent 4x5 --current 3x5 \
  --residual 2x3 --treatment reduce >/dev/null
echo '{"event_type":"outage","service_category":"voice_emergency","affected_users":40000,"started_at":"2026-03-31T15:30:00Z","ended_at":"2026-03-31T18:30:00Z"}' >"$tmp/ev.json"
"$anzen" incident create --org 1 --title "年度境界の音声停止" --event "$tmp/ev.json" --json >/dev/null

# The CLI side.
"$anzen" assess gaps 2 --json >"$tmp/cli_gaps.json"
"$anzen" assess list --json >"$tmp/cli_list.json"
"$anzen" assess show 2 --json >"$tmp/cli_show.json"
"$anzen" assess trend --org 1 --json >"$tmp/cli_trend.json"
"$anzen" plan propose --assessment 2 >"$tmp/cli_propose.json"
"$anzen" incident show --org 1 1 >"$tmp/cli_incident.json"
# The reports.
"$anzen" report gaps --assessment 2 --format csv -o "$tmp/report_gaps.csv" 2>/dev/null
"$anzen" report management --assessment 2 --format html -o "$tmp/management.html" 2>/dev/null
"$anzen" report incidents --assessment 2 --format csv -o "$tmp/incidents_fy2026.csv" 2>/dev/null
"$anzen" report incidents --assessment 1 --format csv -o "$tmp/incidents_fy2025.csv" 2>/dev/null
"$anzen" incident export --org 1 --fy FY2026 -o "$tmp/register_fy2026.csv" 2>/dev/null
"$anzen" incident export --org 1 --fy FY2025 -o "$tmp/register_fy2025.csv" 2>/dev/null

# The web side: JSON API and HTML pages of a running server.
"$anzen" serve --port 0 >"$tmp/serve.log" 2>&1 &
pid=$!
base=
for _ in $(seq 1 200); do
  base=$(grep -o 'http://[0-9.]*:[0-9]*' "$tmp/serve.log" 2>/dev/null | head -1 || true)
  [ -n "$base" ] && break
  sleep 0.1
done
[ -n "$base" ] || { cat "$tmp/serve.log"; fail "the server did not start"; }

python3 - "$base" "$token" "$tmp" <<'PY'
import csv, json, re, sys, urllib.parse, urllib.request, urllib.error
base, token, tmp = sys.argv[1:]

class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kw): return None
opener = urllib.request.build_opener(NoRedirect)

def call(path, headers={}, body=None, method="GET"):
    req = urllib.request.Request(base + path, data=body, method=method, headers=headers)
    try:
        r = opener.open(req)
        return r.status, r.read().decode(), r.headers
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode(), e.headers

api = {"Authorization": "Bearer " + token}
def api_json(path):
    st, body, _ = call(path, api)
    assert st == 200, (path, st, body)
    return json.loads(body)

form = urllib.parse.urlencode({"_login_csrf": "t", "name": "truth", "password": "Ichigen-Truth-2026!", "next": "/"}).encode()
st, _, h = call("/login", {"Cookie": "anzen_login_csrf=t", "Content-Type": "application/x-www-form-urlencoded"}, form, "POST")
assert st in (302, 303), ("login", st)
cookie = {"Cookie": next(c.split(";")[0] for c in h.get_all("Set-Cookie") if c.startswith("anzen_session="))}
def page(path):
    st, body, _ = call(path, cookie)
    assert st == 200, (path, st)
    return body
def load(name):
    return json.load(open(f"{tmp}/{name}"))

# Gap priority: one list, the same everywhere.
cli = load("cli_gaps.json")
cli_prio = [(g["question"], g["priority"]) for g in cli]
by_q = {g["question"]: g for g in cli}
assert any("target 4" in r["en"] for r in by_q["T2-001.1"]["reasons"]), ("the scale's target is not used", by_q["T2-001.1"])
assert any("linked risk" in r["en"] for r in by_q["T2-002.1"]["reasons"]), ("linked risks are not counted", by_q["T2-002.1"])
assert any("within 30 days" in r["en"] for r in by_q["T2-001.1"]["reasons"]), ("the due date is not counted", by_q["T2-001.1"])
api_gaps = api_json("/api/v1/assessments/2/gaps")["gaps"]
assert [(g["question"], g["priority"]) for g in api_gaps] == cli_prio, "API and CLI gap priorities differ"
# The gaps page is paged (50 rows a page): read every page in checklist order.
rows, n = [], 1
while True:
    html = page("/assessments/2/gaps?page=%d" % n)
    got = re.findall(r'<tr><td class="num">\d+</td><td><a href="[^"]*">([^<]+)</a></td>.*?<td class="num">(\d+)</td>', html)
    if not got or got[0] in rows or n > 20:  # past the last page shows the last page again
        break
    rows += got
    n += 1
assert [(q, int(p)) for q, p in rows] == cli_prio, ("gaps page and CLI differ", rows[:5], cli_prio[:5])
dash = page("/")
top = re.findall(r'<tr><td><a href="/assessments/2/questions/[^"]*">([^<]+)</a></td><td>.*?</td><td>.*?</td><td class="num">(\d+)</td></tr>', dash)
assert [(q, int(p)) for q, p in top] == cli_prio[:10], ("dashboard and CLI differ", top[:3], cli_prio[:3])
with open(f"{tmp}/report_gaps.csv", encoding="utf-8-sig") as f:
    rep = list(csv.reader(f))[1:]
assert [(r[1], int(r[0])) for r in rep] == cli_prio, ("gap report and CLI differ", rep[:3], cli_prio[:3])
propose = {p["question"]: p["priority"] for p in load("cli_propose.json")}
assert propose and all(propose[q] == by_q[q]["priority"] for q in propose), ("plan proposals and gaps differ", propose)

# One JSON shape per entity: the CLI's --json and the API.
for g, a in zip(cli, api_gaps):
    assert {k: v for k, v in g.items() if k != "position"} == a, ("gap shape", g, a)
api_list = api_json("/api/v1/assessments")["assessments"]
assert load("cli_list.json") == api_list, ("assessment shape", load("cli_list.json")[0], api_list[0])
shown = load("cli_show.json")
api_one = api_json("/api/v1/assessments/2")
assert {k: v for k, v in shown.items() if k != "answers"} == {k: v for k, v in api_one.items() if k != "answers"}, "assessment shape"
assert [shown["answers"][a["question"]] for a in api_one["answers"]] == api_one["answers"], "answer shape"
assert len(shown["answers"]) == len(api_one["answers"])

# Trend: one framework and role; the other framework's assessment is not on the same line.
trend = [t for t in load("cli_trend.json") if t["framework"] == "tcs-2023" and t["role"] == "operator"]
assert [t["period"] for t in trend] == ["FY2025", "FY2026"], trend
assert any(t["framework"] == "external-catalog" for t in load("cli_trend.json")), "the other framework's series"
def circles(text, sep):
    return re.findall(r'<circle[^>]*><title>(FY\d{4})' + sep + r'([0-9.]+)%</title>', text)
def close(shown, exact):  # equal at the precision shown
    decimals = len(shown.split(".")[1]) if "." in shown else 0
    return abs(float(shown) - exact) <= 0.5 * 10 ** -decimals + 1e-9
dash_trend = circles(dash, ": ")
report_trend = circles(open(f"{tmp}/management.html", encoding="utf-8").read(), " ")
expected = [(t["period"], t["coverage"] * 100) for t in trend]
for name, got in (("dashboard", dash_trend), ("management report", report_trend)):
    assert [p for p, _ in got] == [p for p, _ in expected], (name, got, expected)
    assert all(close(v, e) for (_, v), (_, e) in zip(got, expected)), (name, got, expected)

# Fiscal year of an incident: the JST date of its start (2026-04-01), in every listing.
title = "年度境界の音声停止"
assert title in open(f"{tmp}/incidents_fy2026.csv", encoding="utf-8-sig").read(), "FY2026 incident report lacks the incident"
assert title not in open(f"{tmp}/incidents_fy2025.csv", encoding="utf-8-sig").read(), "FY2025 incident report lists it"
assert title in open(f"{tmp}/register_fy2026.csv", encoding="utf-8-sig").read(), "FY2026 register export lacks it"
assert title not in open(f"{tmp}/register_fy2025.csv", encoding="utf-8-sig").read(), "FY2025 register export lists it"

# Verdict: the CLI and the API show the same current verdict.
cli_inc = load("cli_incident.json")
api_inc = api_json("/api/v1/incidents/1")
kinds = lambda j: [c["kind"] for c in j["classification"]["classifications"]]
assert kinds(cli_inc) == kinds(api_inc) and kinds(cli_inc), (kinds(cli_inc), kinds(api_inc))
assert {k: v for k, v in cli_inc.items() if k != "timeline"} == api_inc, ("incident shape", cli_inc.keys(), api_inc.keys())
print("one truth: gaps", len(cli_prio), "trend", expected, "incident kinds", kinds(cli_inc))
PY
echo "PASS one_truth"
