"""Sends invalid input to each form of the web app and checks the refusal is in the page's
language: in Japanese, Japanese text with no English sentence and no code of the vocabulary; in
English, no Japanese. The message is read where the user sees it: under the field (field-error),
in the summary above the form, or on the error page.

Usage: web_errors_ja.py BASE_URL CURL_COOKIE_JAR VOCAB_JSON LANG
Exit 1 with every form whose refusal is wrong.
"""
import html
import json
import re
import sys
import urllib.error
import urllib.parse
import urllib.request

base, jar, vocab_file, lang = sys.argv[1:5]
cookies = []
for line in open(jar, encoding="utf-8"):
    if line.startswith("#HttpOnly_"):
        line = line[len("#HttpOnly_"):]
    elif line.startswith("#") or not line.strip():
        continue
    parts = line.rstrip("\n").split("\t")
    if len(parts) == 7:
        cookies.append(f"{parts[5]}={parts[6]}")
cookies.append(f"anzen_lang={lang}")
cookie = "; ".join(cookies)
codes = {t["code"] for t in json.load(open(vocab_file, encoding="utf-8"))}


def get(path):
    req = urllib.request.Request(base + path, headers={"Cookie": cookie})
    with urllib.request.urlopen(req) as r:
        return r.read().decode("utf-8")


def post(path, fields):
    body = urllib.parse.urlencode(fields, doseq=True).encode()
    req = urllib.request.Request(base + path, data=body, headers={
        "Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"})
    try:
        with urllib.request.urlopen(req) as r:
            return r.status, r.read().decode("utf-8")
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8")


csrf = re.search(r'name="_csrf" value="([^"]*)"', get("/admin")).group(1)
assessment = json.loads(get("/api/v1/assessments"))
assessment = (assessment.get("assessments", assessment) if isinstance(assessment, dict) else assessment)[0]["id"]
suppliers = json.loads(get("/api/v1/suppliers"))
supplier = (suppliers.get("suppliers", suppliers) if isinstance(suppliers, dict) else suppliers)[0]["id"]
question = "T2-002.1"

risk = {"title": "停電", "threat": "cyber_attack", "owner": "設備部", "inherent_l": "1", "inherent_i": "1",
        "current_l": "1", "current_i": "1", "residual_l": "1", "residual_i": "1", "treatment": ""}
asset = {"name": "呼制御サーバ", "kind": "facility", "c": "1", "i": "1", "a": "1"}
plan = {"target_state": "目標", "actions": "対策", "owner": "部長", "deadline": "2027-03-31",
        "evaluation_method": "訓練", "status": "planned", "progress": "0"}
incident = {"title": "停止", "event_type": "outage", "service_category": "other", "facility": "other",
            "started_at": "2026-03-15T10:00"}
org = {"name": "株式会社テスト", "users": ""}
channel = {"kind": "webhook", "target": "https://hooks.example.jp/x", "lang": "ja", "quiet": ""}

# (form, path, fields, the field the refusal names or None for an error page)
cases = [
    ("risk: no title", "/risks", {**risk, "title": ""}, "title"),
    ("risk: acceptance without approver", "/risks", {**risk, "treatment": "accept"}, "approver"),
    ("risk: level outside the matrix", "/risks", {**risk, "residual_l": "9"}, "residual_l"),
    ("risk: unknown treatment", "/risks", {**risk, "treatment": "ignore"}, "treatment"),
    ("asset: no name", "/assets", {**asset, "name": ""}, "name"),
    ("asset: unknown kind", "/assets", {**asset, "kind": "server"}, "kind"),
    ("plan: no actions", "/plan", {**plan, "actions": ""}, "actions"),
    ("plan: impossible date", "/plan", {**plan, "deadline": "2026-13-01"}, "deadline"),
    ("plan: unknown status", "/plan", {**plan, "status": "open"}, "status"),
    ("plan: progress not a number", "/plan", {**plan, "progress": "abc"}, "progress"),
    ("question: maturity above the scale", f"/assessments/{assessment}/questions/{question}",
     {"status": "implemented", "maturity": "9"}, "maturity"),
    ("question: not applicable without reason", f"/assessments/{assessment}/questions/{question}",
     {"status": "not_applicable", "na_reason": ""}, "na_reason"),
    ("question: evidence without file or URL", f"/assessments/{assessment}/questions/{question}/evidence",
     {"url": "", "evidence_date": ""}, None),
    ("question: evidence URL", f"/assessments/{assessment}/questions/{question}/evidence",
     {"url": "ftp://x", "evidence_date": ""}, None),
    ("assessment: period", "/assessments", {"framework": "tcs-2023", "role": "operator", "period": "2026"}, "period"),
    ("incident: restored before it started", "/incidents", {**incident, "ended_at": "2026-03-15T09:00"}, "ended_at"),
    ("incident: no start", "/incidents", {**incident, "started_at": ""}, "started_at"),
    ("incident: users not a number", "/incidents", {**incident, "affected_users": "多数"}, "affected_users"),
    ("incident: no title", "/incidents", {**incident, "title": ""}, "title"),
    ("organisation: no name", "/admin/org", {**org, "name": ""}, "name"),
    ("organisation: users not a number", "/admin/org", {**org, "users": "abc"}, "users"),
    ("user: short password", "/admin/users", {"new_name": "newuser", "new_role": "viewer", "new_password": "short"}, "new_password"),
    ("user: common password", "/admin/users", {"new_name": "newuser", "new_role": "viewer", "new_password": "password123"}, "new_password"),
    ("user: name with a space", "/admin/users", {"new_name": "new user", "new_role": "viewer", "new_password": "kawa-no-nagare-7"}, "new_name"),
    ("channel: mail without address", "/admin/notifications", {**channel, "kind": "email", "target": "x"}, "target"),
    ("channel: quiet hours", "/admin/notifications", {**channel, "quiet": "25"}, "quiet"),
    ("supplier: no name", "/suppliers", {"name": ""}, None),
    ("supplier: corporate number", "/suppliers", {"name": "機器メーカー", "corporate_number": "123"}, None),
    ("supplier: contract dates", f"/suppliers/{supplier}/contracts",
     {"title": "保守契約", "starts_on": "2026-04-01", "ends_on": "2026-03-01"}, None),
    ("supplier: contract without title", f"/suppliers/{supplier}/contracts", {"title": ""}, None),
    ("supplier: questionnaire due", f"/suppliers/{supplier}/send", {"template": "maker", "due": "来月"}, None),
    ("supplier: interval", f"/suppliers/{supplier}/interval", {"months": "99"}, None),
    ("ops: integration kind", "/admin/integrations", {"kind": "snmp", "name": "x", "rules": "", "hmac": ""}, None),
]

JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
ENGLISH_SENTENCE = re.compile(r"[A-Za-z]{2,}(?:[ ,]+[A-Za-z]{2,}){2,}")


def messages(page, field):
    """What the user reads: the field's error, the summary above the form, the error page."""
    found = []
    if field:
        m = re.search(r'<p class="field-error" id="%s-error">(.*?)</p>' % re.escape(field), page, re.S)
        if m:
            found.append(m.group(1))
    else:
        found += re.findall(r'<p class="error"[^>]*>(.*?)</p>', page, re.S)
    found += re.findall(r'<div class="error form-errors".*?<ul>(.*?)</ul>', page, re.S)
    return [" ".join(html.unescape(re.sub(r"<[^>]*>", " ", m)).split()) for m in found if m.strip()]


def api(method, path, body=None):
    """A JSON API call with the page's session (the CSRF token in its header)."""
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(base + path, data=data, method=method, headers={
        "Cookie": cookie, "Content-Type": "application/json", "X-CSRF-Token": csrf})
    try:
        with urllib.request.urlopen(req) as r:
            return r.status, r.read().decode("utf-8")
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8")


risks = json.loads(get("/api/v1/risks"))
risks = risks.get("risks", risks) if isinstance(risks, dict) else risks
linked_asset = next((r["asset_ids"][0] for r in risks if r.get("asset_ids")), None)
new_risk = {"title": "停電", "threat": "cyber_attack"}

# The JSON API: (what, method, path, body, field, code); field/code None: not checked.
api_cases = [
    ("api risk: unknown threat", "POST", "/api/v1/risks", {**new_risk, "threat": "meteor"}, "threat", "not_in_list"),
    ("api risk: level outside the matrix", "POST", "/api/v1/risks", {**new_risk, "inherent": [9, 9]}, None, "out_of_range"),
    ("api risk: not a field", "POST", "/api/v1/risks", {**new_risk, "colour": "red"}, "colour", "unknown_field"),
    ("api risk: wrong type", "POST", "/api/v1/risks", {**new_risk, "asset_ids": "1"}, "asset_ids", "wrong_type"),
    ("api user: unknown role", "POST", "/api/v1/users", {"name": "newuser", "role": "boss", "password": "x"}, "role", "not_in_list"),
    ("api supplier: contract of an unknown supplier", "POST", "/api/v1/contracts",
     {"supplier": 999999, "title": "保守契約"}, "supplier", "not_found"),
    ("api supplier: unknown template", "POST", "/api/v1/questionnaires",
     {"supplier": supplier, "template": "nope", "due": "2099-03-31"}, "template", "not_found"),
    ("api incident: as_of", "POST", "/api/v1/incidents/classify?as_of=yesterday",
     {"event_type": "outage", "started_at": "2026-03-15T10:00:00+09:00"}, "as_of", "invalid"),
]
if linked_asset:
    api_cases.append(("api asset: delete while a risk refers to it", "DELETE", f"/api/v1/assets/{linked_asset}",
                      None, "id", "conflict"))

bad = []


def check_text(name, text):
    if lang == "ja":
        words = set(re.findall(r"[a-z][a-z_]+", text))
        if not JAPANESE.search(text):
            bad.append(f"{name}: not Japanese: {text}")
        elif ENGLISH_SENTENCE.search(text):
            bad.append(f"{name}: English in the Japanese page: {text}")
        elif words & codes:
            bad.append(f"{name}: codes {sorted(words & codes)} in: {text}")
    elif re.search(r"[\u3040-\u30ff]", text) or not re.search(r"[A-Za-z]{3,}", text):
        bad.append(f"{name}: not English: {text}")


for name, method, path, body, field, code in api_cases:
    status, raw = api(method, path, body)
    try:
        j = json.loads(raw)
    except ValueError:
        bad.append(f"{name}: {method} {path} answered {status} without JSON: {raw[:160]}")
        continue
    if status != 400:
        bad.append(f"{name}: {method} {path} answered {status}, expected 400: {raw[:160]}")
        continue
    if field is not None and j.get("field") != field:
        bad.append(f"{name}: field {j.get('field')!r}, expected {field!r}")
    if code is not None and j.get("code") != code:
        bad.append(f"{name}: code {j.get('code')!r}, expected {code!r}")
    if not j.get("error") or not j.get("message"):
        bad.append(f"{name}: no error line or no message: {j}")
        continue
    check_text(name, j["message"])
    print(f"ok {lang} {name}: {j['message']}")

for name, path, fields, field in cases:
    status, page = post(path, {**fields, "_csrf": csrf})
    if status != 400:
        bad.append(f"{name}: {path} answered {status}, expected 400")
        continue
    said = messages(page, field)
    if not said:
        bad.append(f"{name}: no message {'under ' + field if field else 'on the page'}")
        continue
    for text in said:
        check_text(name, text)
    print(f"ok {lang} {name}: {said[0]}")

for b in bad:
    print("FAIL", b)
sys.exit(1 if bad else 0)
