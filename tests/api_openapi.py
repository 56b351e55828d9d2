"""Called by tests/api_openapi.sh: validates the OpenAPI document and calls every operation in it.

Args: BASE_URL SCHEMA_JSON DEMO_JSON TOKEN_OWNER TOKEN_OTHER_ORG. The owner is the demo
administrator; the other token belongs to the administrator of the demo's second organisation.
"""
import json
import sys
import urllib.error
import urllib.request
import uuid

import jsonschema

base, schema_file, demo_file, tok_a, tok_b = sys.argv[1:6]
demo = json.load(open(demo_file, encoding="utf-8"))
failures = []


def call(method, path, token=None, body=None, files=None):
    headers = {}
    data = None
    if token:
        headers["Authorization"] = "Bearer " + token
    if files is not None:
        boundary = uuid.uuid4().hex
        parts = []
        for name, (filename, content) in files.items():
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                         f"Content-Type: application/octet-stream\r\n\r\n".encode() + content + b"\r\n")
        data = b"".join(parts) + f"--{boundary}--\r\n".encode()
        headers["Content-Type"] = "multipart/form-data; boundary=" + boundary
    elif body is not None:
        data = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    req = urllib.request.Request(base + path, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(req) as r:
            return r.status, r.read(), dict(r.headers)
    except urllib.error.HTTPError as e:
        return e.code, e.read(), dict(e.headers)


def check(cond, what):
    print(("ok" if cond else "not ok") + " - " + what)
    if not cond:
        failures.append(what)


# 1. The document is valid OpenAPI 3.0 (the official JSON schema, draft-04).
status, raw, _ = call("GET", "/api/v1/openapi.json")
check(status == 200, "the document is served without credentials")
doc = json.loads(raw)
schema = json.load(open(schema_file, encoding="utf-8"))
errors = sorted(jsonschema.Draft4Validator(schema).iter_errors(doc), key=lambda e: list(e.path))
for e in errors[:5]:
    print("  schema:", "/".join(map(str, e.path)), e.message[:200])
check(not errors, "the document validates against the OpenAPI 3.0 schema")
for path, ops in doc["paths"].items():
    for method, op in ops.items():
        templated = [p for p in path.split("/") if "{" in p]
        declared = {p["name"] for p in op.get("parameters", []) if p["in"] == "path"}
        named = {seg[seg.index("{") + 1:seg.index("}")] for seg in templated}
        for seg in templated:
            rest = seg[seg.index("}") + 1:]
            if "{" in rest:
                named.add(rest[rest.index("{") + 1:rest.index("}")])
        if named != declared:
            check(False, f"{method.upper()} {path}: path parameters {sorted(named)} declared as {sorted(declared)}")

# 2. Every operation, in an order where creations come first and deletions last.
aid = demo["assessment_id"]
question = demo["question_to_answer"]
ids = {}


def created(status, raw, what):
    check(status == 201, f"{what} answers 201 (got {status}: {raw[:200]!r})")
    return json.loads(raw) if status == 201 else {}


ids["asset"] = created(*call("POST", "/api/v1/assets", tok_a, {"name": "呼制御サーバ", "kind": "facility", "c": 3, "i": 3, "a": 3})[:2], "POST asset").get("id")
ids["risk"] = created(*call("POST", "/api/v1/risks", tok_a, {"title": "DDoS による停止", "threat": "cyber_attack", "asset_ids": [ids["asset"]],
                                                             "inherent": [4, 5], "current": [3, 5], "residual": [2, 3], "treatment": "reduce"})[:2], "POST risk").get("id")
ids["plan"] = created(*call("POST", "/api/v1/plan", tok_a, {"target_state": "DDoS 対策の完了", "actions": "上流での遮断契約", "owner": "ネットワーク部",
                                                            "deadline": "2027-03-31", "evaluation_method": "訓練で確認", "risk_ids": [ids["risk"]]})[:2],
                      "POST plan").get("id")
ids["user"] = created(*call("POST", "/api/v1/users", tok_a, {"name": "api-assessor", "role": "assessor", "password": "long enough passphrase 1"})[:2],
                      "POST user").get("id")
ids["supplier"] = created(*call("POST", "/api/v1/suppliers", tok_a, {"name": "保守委託株式会社"})[:2], "POST supplier").get("id")
sent = created(*call("POST", "/api/v1/questionnaires", tok_a, {"supplier": ids["supplier"], "template": "iso27002-2022:5.19", "due": "2099-03-31"})[:2],
               "POST questionnaire")
ids["questionnaire"], token = sent.get("id"), sent.get("token")
ev = created(*call("POST", f"/api/v1/assessments/{aid}/questions/{question}/evidence", tok_a, files={"file": ("規程.txt", "セキュリティ規程".encode())})[:2],
             "POST evidence (multipart)")
ids["evidence"] = ev.get("id")
created(*call("POST", f"/api/v1/assessments/{aid}/questions/{question}/evidence", tok_a, {"url": "https://intranet.example.jp/policy.pdf"})[:2],
        "POST evidence (URL)")
# An incident with a report due, so that report filing (POST /api/v1/incidents/{id}/reports, where
# the document has it) files a report the verdict requires.
status, raw, _ = call("GET", "/api/v1/obligations", tok_a)
due = json.loads(raw)["obligations"][0] if status == 200 and json.loads(raw).get("obligations") else {}
ids["incident"] = due.get("incident")
if ids["incident"] is None:
    status, raw, _ = call("GET", "/api/v1/incidents", tok_a)
    ids["incident"] = json.loads(raw)["incidents"][0]["id"] if status == 200 and json.loads(raw).get("incidents") else None
status, raw, _ = call("GET", f"/api/v1/assessments/{aid}/reports", tok_a)
first = json.loads(raw)["reports"][0]
kind, fmt = first["kind"], next(iter(first["downloads"]))
portal_q = None
if token:
    status, raw, _ = call("GET", f"/api/v1/portal/{token}")
    portal_q = json.loads(raw)["questions"][0]["id"] if status == 200 else None

# Values of the path parameters, by path prefix.
ORG_OWNED = {"assessments", "incidents", "risks", "assets", "plan", "users", "questionnaires", "snapshots", "shares"}


def fill(path):
    top = path.split("/")[3]
    values = {"framework": "tcs-2023", "item": "T2-001", "question": question, "evidence": ids["evidence"], "kind": kind, "format": fmt,
              "token": token}
    values["id"] = {"assessments": aid, "incidents": ids["incident"], "risks": ids["risk"], "assets": ids["asset"], "plan": ids["plan"],
                    "users": ids["user"], "questionnaires": ids["questionnaire"]}.get(top, 999999)
    if "{filing}" in path:
        # The filing that POST /api/v1/incidents/{id}/reports made (it runs first).
        _, raw_reports, _ = call("GET", f"/api/v1/incidents/{ids['incident']}/reports", tok_a)
        filed = [r["filing"]["id"] for r in json.loads(raw_reports).get("reports", []) if "filing" in r]
        values["filing"] = filed[0] if filed else 999999
    if path.startswith("/api/v1/portal/") and "answers" in path:
        values["question"] = portal_q
    out = path
    for k, v in values.items():
        out = out.replace("{" + k + "}", str(v))
    return out


BODIES = {
    ("PUT", "/api/v1/assessments/{id}/answers/{question}"): {"status": "partial", "maturity": 2},
    ("PUT", "/api/v1/risks/{id}"): {"owner": "CISO"},
    ("PUT", "/api/v1/assets/{id}"): {"owner": "設備部"},
    ("PUT", "/api/v1/plan/{id}"): {"status": "in_progress", "progress": 40},
    ("PUT", "/api/v1/users/{id}"): {"role": "viewer"},
    ("POST", "/api/v1/incidents/classify"): {"event_type": "outage", "service_category": "voice_emergency", "affected_users": 40000,
                                            "started_at": "2026-01-05T10:00:00+09:00", "ended_at": "2026-01-05T12:30:00+09:00"},
    ("PUT", "/api/v1/portal/{token}/answers/{question}"): {"status": "implemented", "comment": "対応済み"},
    ("POST", "/api/v1/portal/{token}/submit"): {},
    ("POST", "/api/v1/questionnaires/{id}/review"): {"verdict": "accept"},
    ("POST", "/api/v1/questionnaires/{id}/revoke"): {},
    ("PATCH", "/api/v1/incidents/{id}/filings/{filing}"): {"reason": "受付番号の転記誤り", "reference": "総基第2号"},
    ("POST", "/api/v1/incidents/{id}/filings/{filing}/withdraw"): {"reason": "別事案と取り違えた"},
    ("POST", "/api/v1/incidents/{id}/reports"): {"report": due.get("type", "prompt"), "kind": due.get("kind", ""),
                                                "filed_at": "2026-11-27T09:00:00+09:00", "reference": "総基第1号"},
}
# Operations the demo cannot reach with a real id: a maker's snapshot and its shares need an
# accepted maker questionnaire, a webhook an integration and its own token. They are called with
# an id that does not exist and must answer 404 (or 401 for the webhook's own credential).
UNREACHABLE = {"/api/v1/snapshots/{id}", "/api/v1/snapshots/{id}/shares", "/api/v1/shares/{id}/revoke", "/api/v1/hooks/{id}"}
# Answering and submitting a questionnaire belong to the supplier's own users (tests/supplier_more.sh
# calls them as one); the operator's administrator is refused with 403, another organisation 404.
SUPPLIER_ONLY = {("PUT", "/api/v1/questionnaires/{id}/answers/{question}"), ("POST", "/api/v1/questionnaires/{id}/submit")}
CREATED_ABOVE = {("POST", "/api/v1/assets"), ("POST", "/api/v1/risks"), ("POST", "/api/v1/plan"), ("POST", "/api/v1/users"),
                 ("POST", "/api/v1/suppliers"), ("POST", "/api/v1/questionnaires"),
                 ("POST", "/api/v1/assessments/{id}/questions/{question}/evidence")}


def rank(path, method):
    """Creations first, reads, changes, the portal's answer then submit, review and revocation, deletions last (plan before the risk it
    treats, the risk before the asset it names)."""
    if method == "delete":
        return 10 + ["/api/v1/plan/{id}", "/api/v1/risks/{id}", "/api/v1/assets/{id}"].index(path) if path in (
            "/api/v1/plan/{id}", "/api/v1/risks/{id}", "/api/v1/assets/{id}") else 9
    if path.endswith("/submit"):
        return 4
    if path.endswith("/review") or path.endswith("/revoke") or path.endswith("/withdraw"):
        return 5 + (not path.endswith("/review"))
    return {"post": 0, "get": 1, "put": 2, "patch": 2}[method]


ops = sorted(((p, m, op) for p, ms in doc["paths"].items() for m, op in ms.items()), key=lambda t: (rank(t[0], t[1]), t[0]))
for path, method, op in ops:
    M = method.upper()
    url = fill(path)
    is_open = op.get("security") == []
    if (M, path) in CREATED_ABOVE:
        continue
    if path in UNREACHABLE:
        status, raw, _ = call(M, url, None if is_open else tok_a, {"org": 1} if M != "GET" else None)
        check(status in (401, 404), f"{M} {path} with a missing id: {status}")
        continue
    body = BODIES.get((M, path), {} if M in ("POST", "PUT") else None)
    if (M, path) in SUPPLIER_ONLY:
        status, raw, _ = call(M, url, tok_b, {"status": "implemented"})
        check(status == 404, f"{M} {url} by another organisation's administrator: 404 (got {status})")
        status, raw, _ = call(M, url, tok_a, {"status": "implemented"})
        check(status == 403, f"{M} {url} by the operator's administrator: 403, the supplier answers (got {status})")
        continue
    # The other organisation first (nothing must change there), then the owner.
    top = path.split("/")[3]
    if not is_open and top in ORG_OWNED and "{" in path:
        status, raw, _ = call(M, url, tok_b, body)
        check(status == 404, f"{M} {url} by another organisation's administrator: 404 (got {status})")
    status, raw, headers = call(M, url if "?" in url else url + ("?lang=ja" if "reports/" in url else ""), None if is_open else tok_a, body)
    check(200 <= status < 300, f"{M} {url}: {status} {raw[:160]!r}")
    if str(status) not in op["responses"] and not (status == 201 and "200" in op["responses"]):
        check(False, f"{M} {path}: status {status} is not among the documented responses")

# The deletions really happened and refuse while referred to.
status, _, _ = call("GET", f"/api/v1/assets/{ids['asset']}", tok_a)
check(status == 404, "the deleted asset is gone")
print(f"{len(ops)} operations called; {len(failures)} failure(s)")
sys.exit(1 if failures else 0)
