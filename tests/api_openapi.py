"""Called by tests/api_openapi.sh: validates the OpenAPI document and calls every operation in it.

Args: BASE_URL SCHEMA_JSON DEMO_JSON TOKEN_OWNER TOKEN_OTHER_ORG ANZEN DB. The owner is the demo
administrator; the other token belongs to the administrator of the demo's second organisation;
ANZEN and DB run the CLI on the server's database (its --json must equal the API's JSON).

Every request body is built from the document's own examples; every JSON answer must validate
against the schema the document declares for it (no undeclared property); every documented body
field refuses a value of the wrong type, every required field its absence, with 400 naming it.
"""
import datetime
import json
import subprocess
import sys
import urllib.error
import urllib.request
from urllib.parse import quote
import uuid

import jsonschema

base, schema_file, demo_file, tok_a, tok_b, anzen, db = sys.argv[1:8]
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



def to_jsonschema(node):
    """An OpenAPI 3.0 schema object as plain JSON Schema: $ref resolved, nullable as a null type."""
    if isinstance(node, list):
        return [to_jsonschema(x) for x in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        name = node["$ref"].split("/")[-1]
        return to_jsonschema(doc["components"]["schemas"][name])
    out = {}
    for k, v in node.items():
        if k in ("nullable", "example", "description"):
            continue
        if k in ("properties",):
            out[k] = {p: to_jsonschema(x) for p, x in v.items()}
        elif k in ("items", "additionalProperties", "allOf", "oneOf", "anyOf"):
            out[k] = to_jsonschema(v)
        else:
            out[k] = v
    if node.get("nullable"):
        return {"anyOf": [out, {"type": "null"}]}
    return out


def json_schema_of(op, status):
    """The declared JSON schema of the answer `status`, or None when it is not JSON (a download)."""
    content = op["responses"].get(str(status), {}).get("content", {})
    return to_jsonschema(content["application/json"]["schema"]) if "application/json" in content else None


def request_schema(op):
    content = op.get("requestBody", {}).get("content", {})
    return content.get("application/json", {}).get("schema")


def schema_errors(instance, sch):
    return sorted(jsonschema.Draft4Validator(sch).iter_errors(instance), key=lambda e: list(e.path))


def validates(M, path, op, status, raw, headers):
    """The answer is what the document says: JSON valid against the declared schema, or the declared download type."""
    sch = json_schema_of(op, status)
    ctype = headers.get("Content-Type", "")
    if sch is None:
        declared = op["responses"].get(str(status), {}).get("content", {})
        check(any(t == "*/*" or ctype.startswith(t) for t in declared), f"{M} {path}: answer type {ctype} is among {sorted(declared)}")
        return
    check(ctype.startswith("application/json"), f"{M} {path}: answers JSON ({ctype})")
    errs = schema_errors(json.loads(raw), sch)
    for e in errs[:3]:
        print(f"  {M} {path}: /" + "/".join(map(str, e.path)), e.message[:300])
    check(not errs, f"{M} {path}: the answer validates against its declared {status} schema")


# Every JSON answer and every JSON body names its properties; body fields are described in both
# languages and the required ones have examples.
for path, ops_ in doc["paths"].items():
    for method, op in ops_.items():
        M = method.upper()
        ok = next((c for c in ("200", "201") if c in op["responses"]), None)
        check(ok is not None, f"{M} {path}: documents its success status")
        sch = json_schema_of(op, ok) if ok else None
        if sch is not None:
            check(bool(sch.get("properties")), f"{M} {path}: the JSON answer declares its properties")
        if M in ("POST", "PUT", "PATCH"):
            body = request_schema(op)
            check(body is not None and "properties" in body, f"{M} {path}: documents a JSON body with its fields")
            if body and path != "/api/v1/hooks/{id}":
                for name, prop in body["properties"].items():
                    check(" / " in prop.get("description", ""), f"{M} {path}: field {name} is described in Japanese and English")
                for name in body.get("required", []):
                    check(name in body.get("example", {}), f"{M} {path}: required field {name} has an example")
                errs = schema_errors(body.get("example", {}), to_jsonschema(body))
                check(not errs, f"{M} {path}: the body's example validates against the body's schema")


def example_body(M, path, **over):
    """A valid body: the document's example for the operation, with the ids of this run."""
    body = dict(request_schema(doc["paths"][path][M.lower()]).get("example", {}))
    body.update(over)
    return body


# 2. The creations, from the examples of their bodies, in an order where each finds what it names.
aid = demo["assessment_id"]
question = demo["question_to_answer"]
ids = {}


def created(status, raw, what):
    check(status == 201, f"{what} answers 201 (got {status}: {raw[:200]!r})")
    return json.loads(raw) if status == 201 else {}


def create(path, what, **over):
    body = example_body("POST", path, **over)
    status, raw, headers = call("POST", path, tok_a, body)
    out = created(status, raw, what)
    if status == 201:
        validates("POST", path, doc["paths"][path]["post"], status, raw, headers)
    return out


ids["asset"] = create("/api/v1/assets", "POST asset").get("id")
ids["risk"] = create("/api/v1/risks", "POST risk", asset_ids=[ids["asset"]]).get("id")
ids["plan"] = create("/api/v1/plan", "POST plan", risk_ids=[ids["risk"]]).get("id")
ids["user"] = create("/api/v1/users", "POST user").get("id")
ids["supplier"] = create("/api/v1/suppliers", "POST supplier").get("id")
sent = create("/api/v1/questionnaires", "POST questionnaire", supplier=ids["supplier"])
ids["questionnaire"], token = sent.get("id"), sent.get("token")
ids["contract"] = create("/api/v1/contracts", "POST contract", supplier=ids["supplier"]).get("id")
# Refusals that concern no field still say what is wrong in the request's language, with a code.
for path, tok, status_, code, ja in ((f"/api/v1/risks/999999?lang=ja", tok_a, 404, "not_found", "見つかりません"),
                                     ("/api/v1/risks?lang=ja", None, 401, "unauthenticated", "認証が必要です")):
    status, raw, _ = call("GET", path, tok)
    got = json.loads(raw) if raw.startswith(b"{") else {}
    check(status == status_ and got.get("code") == code and ja in got.get("message", ""),
          f"GET {path}: {status_} with code {code} and a Japanese message ({status} {raw[:160]!r})")
    status, raw, _ = call("GET", path.replace("lang=ja", "lang=en"), tok)
    check(json.loads(raw).get("message", "").isascii(), f"GET {path} in English: an English message ({raw[:120]!r})")

# The record's side of a supplier link: the asset lists the supplier, the supplier's record lists
# the asset; a supplier that is not in the register is refused naming the field, changing nothing.
status, raw, _ = call("POST", f"/api/v1/assets/{ids['asset']}/suppliers", tok_a, {"supplier": ids["supplier"]})
check(status == 201 and [x["id"] for x in json.loads(raw)["suppliers"]] == [ids["supplier"]],
      f"POST /api/v1/assets/{{id}}/suppliers links the supplier ({status} {raw[:120]!r})")
status, raw, _ = call("GET", f"/api/v1/suppliers/{ids['supplier']}", tok_a)
check(status == 200 and json.loads(raw).get("asset_ids") == [ids["asset"]], "the supplier's record lists the linked asset")
status, raw, _ = call("POST", f"/api/v1/risks/{ids['risk']}/suppliers", tok_a, {"supplier": 999999})
check(status == 400 and b"supplier" in raw, f"an unknown supplier is refused naming the field ({status} {raw[:120]!r})")
status, raw, _ = call("GET", f"/api/v1/risks/{ids['risk']}/suppliers", tok_a)
check(status == 200 and json.loads(raw)["suppliers"] == [], "the refused link changed nothing")
ev = created(*call("POST", f"/api/v1/assessments/{aid}/questions/{question}/evidence", tok_a, files={"file": ("規程.txt", "セキュリティ規程".encode())})[:2],
             "POST evidence (multipart)")
ids["evidence"] = ev.get("id")
ev_path = "/api/v1/assessments/{id}/questions/{question}/evidence"
status, raw, headers = call("POST", f"/api/v1/assessments/{aid}/questions/{question}/evidence", tok_a, example_body("POST", ev_path))
created(status, raw, "POST evidence (URL)")
if status == 201:
    validates("POST", ev_path, doc["paths"][ev_path]["post"], status, raw, headers)
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
ORG_OWNED = {"assessments", "incidents", "risks", "assets", "plan", "users", "questionnaires", "snapshots", "shares", "contracts", "suppliers"}


def fill(path):
    top = path.split("/")[3]
    values = {"framework": "tcs-2023", "item": "T2-001", "question": question, "evidence": ids["evidence"], "kind": kind, "format": fmt,
              "token": token, "supplier": ids["supplier"]}
    values["id"] = {"assessments": aid, "incidents": ids["incident"], "risks": ids["risk"], "assets": ids["asset"], "plan": ids["plan"],
                    "users": ids["user"], "questionnaires": ids["questionnaire"], "contracts": ids["contract"],
                    "suppliers": ids["supplier"]}.get(top, 999999)
    if top == "contracts":
        values["item"] = "10.1.1.1"  # a chapter 10 contract requirement
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


# Values of this run over the document's examples.
OVERRIDES = {
    ("PUT", "/api/v1/plan/{id}"): {"status": "in_progress", "progress": 40},
    ("POST", "/api/v1/incidents/{id}/reports"): {"report": due.get("type", "prompt"), "kind": due.get("kind", ""),
                                                "filed_at": "2026-11-27T09:00:00+09:00", "reference": "総基第1号"},
    ("POST", "/api/v1/snapshots/{id}/shares"): {"org": 1},
    ("POST", "/api/v1/assets/{id}/suppliers"): {"supplier": ids["supplier"]},
    ("POST", "/api/v1/risks/{id}/suppliers"): {"supplier": ids["supplier"]},
}
# Operations the demo cannot reach with a real id: a maker's snapshot and its shares need an
# accepted maker questionnaire, a webhook an integration and its own token. They are called with
# an id that does not exist and must answer 404 (or 401 for the webhook's own credential).
UNREACHABLE = {"/api/v1/snapshots/{id}", "/api/v1/snapshots/{id}/shares", "/api/v1/shares/{id}/revoke", "/api/v1/hooks/{id}"}
# Answering and submitting a questionnaire belong to the supplier's own users (tests/supplier_more.sh
# calls them as one); the operator's administrator is refused with 403, another organisation 404.
SUPPLIER_ONLY = {("PUT", "/api/v1/questionnaires/{id}/answers/{question}"), ("POST", "/api/v1/questionnaires/{id}/submit")}
CREATED_ABOVE = {("POST", "/api/v1/assets"), ("POST", "/api/v1/risks"), ("POST", "/api/v1/plan"), ("POST", "/api/v1/users"),
                 ("POST", "/api/v1/suppliers"), ("POST", "/api/v1/questionnaires"), ("POST", "/api/v1/contracts"),
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


# 3. Bodies that break the schema: refused with 400 naming the field, before anything changes.
WRONG = {"string": 12345, "integer": "12", "boolean": "yes", "array": "x", "object": "x", None: "x"}
before = call("GET", f"/api/v1/risks/{ids['risk']}", tok_a)[1]
refusals = 0
for path, ops_ in doc["paths"].items():
    for method, op in ops_.items():
        M = method.upper()
        sch = request_schema(op)
        if M == "GET" or not sch or path == "/api/v1/hooks/{id}" or (M, path) in SUPPLIER_ONLY:
            continue
        url = fill(path)
        cred = None if op.get("security") == [] else tok_a
        good = example_body(M, path, **OVERRIDES.get((M, path), {}))

        def refused(body, field, what):
            global refusals
            refusals += 1
            status, raw, _ = call(M, url, cred, body)
            text = raw.decode("utf-8", "replace")
            check(status == 400 and field in text, f"{M} {path} {what}: 400 naming {field} (got {status}: {text[:160]})")

        for name in sch.get("required", []):
            refused({k: v for k, v in good.items() if k != name}, name, f"without {name}")
        for name, prop in sch["properties"].items():
            refused(dict(good, **{name: WRONG[prop.get("type")]}), name, f"with {name} of the wrong type")
            codes = prop.get("enum") or prop.get("items", {}).get("enum")
            if codes:
                bad = "no_such_code" if "enum" in prop else ["no_such_code"]
                refused(dict(good, **{name: bad}), name, f"with {name} not one of its codes")
        if sch.get("additionalProperties") is False:
            refused(dict(good, colour="red"), "colour", "with a field it does not have")
        refused([good], "body", "with an array for a body")
check(refusals > 100, f"{refusals} invalid bodies sent")
check(call("GET", f"/api/v1/risks/{ids['risk']}", tok_a)[1] == before, "the refused bodies changed nothing")

# 4. One JSON shape per entity: the CLI's --json equals the API's JSON.
org = json.loads(call("GET", f"/api/v1/assessments/{aid}", tok_a)[1])["org"]


def cli(*args):
    out = subprocess.run([anzen, "--db", db, *args], capture_output=True, text=True)
    check(out.returncode == 0, f"anzen {' '.join(args)}: {out.stderr[:200]}")
    return json.loads(out.stdout) if out.returncode == 0 else None


def api(path):
    status, raw, _ = call("GET", path, tok_a)
    return json.loads(raw) if status == 200 else {"status": status}


as_of = datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=9))).replace(second=0, microsecond=0).isoformat()
for what, args, path, key in [
    ("assets", ["asset", "list", "--org", str(org), "--json"], "/api/v1/assets", "assets"),
    ("risks", ["risk", "list", "--org", str(org), "--json"], "/api/v1/risks", "risks"),
    ("plan items", ["plan", "list", "--org", str(org), "--json"], "/api/v1/plan", "plan"),
    ("a risk", ["risk", "show", "--org", str(org), str(ids["risk"]), "--json"], f"/api/v1/risks/{ids['risk']}", None),
    ("an asset", ["asset", "show", "--org", str(org), str(ids["asset"]), "--json"], f"/api/v1/assets/{ids['asset']}", None),
    ("suppliers", ["supplier", "list", "--org", str(org), "--json"], "/api/v1/suppliers", "suppliers"),
    ("a supplier", ["supplier", "show", str(ids["supplier"]), "--org", str(org), "--json"], f"/api/v1/suppliers/{ids['supplier']}", None),
    ("re-assessments", ["supplier", "reassessments", "--org", str(org), "--json"], "/api/v1/suppliers/reassessments", "reassessments"),
    ("a questionnaire", ["questionnaire", "show", str(ids["questionnaire"]), "--json"], f"/api/v1/questionnaires/{ids['questionnaire']}", None),
    ("a contract", ["contract", "show", str(ids["contract"]), "--org", str(org), "--json"], f"/api/v1/contracts/{ids['contract']}", None),
    # One moment for both sides: an ongoing incident's verdict moves with the clock.
    ("incidents", ["incident", "list", "--org", str(org), "--as-of", as_of, "--json"], "/api/v1/incidents?as_of=" + quote(as_of), "incidents"),
    ("obligations", ["incident", "obligations", "--org", str(org), "--as-of", as_of, "--json"], "/api/v1/obligations?as_of=" + quote(as_of),
     "obligations"),
]:
    from_cli = cli(*args)
    from_api = api(path)
    from_api = from_api.get(key) if key else from_api
    check(from_cli is not None and from_cli == from_api, f"{what}: the CLI's --json equals the API's JSON")
    if from_cli != from_api and from_cli is not None:
        def first_difference(a, b, at=""):
            if type(a) is not type(b) or not isinstance(a, (dict, list)):
                return None if a == b else (at, a, b)
            if isinstance(a, dict):
                for k in sorted(set(a) | set(b)):
                    d = first_difference(a.get(k), b.get(k), f"{at}/{k}")
                    if d:
                        return d
                return None
            if len(a) != len(b):
                return (at + " (length)", len(a), len(b))
            return next((d for d in (first_difference(x, y, f"{at}/{i}") for i, (x, y) in enumerate(zip(a, b))) if d), None)
        print("  first difference (path, cli, api):", first_difference(from_cli, from_api))
q = api(f"/api/v1/questionnaires/{ids['questionnaire']}")
check(all(x["status_label"]["en"] != x["status"] for x in q.get("questions", [])), "questionnaire answers are labelled in words, not codes")
k = api(f"/api/v1/contracts/{ids['contract']}")
check(all(x["status_label"]["en"] != x["status"] for x in k.get("clauses", [])), "contract clauses are labelled in words, not codes")

# 5. Every operation with its valid body.
ops = sorted(((p, m, op) for p, ms in doc["paths"].items() for m, op in ms.items()), key=lambda t: (rank(t[0], t[1]), t[0]))
for path, method, op in ops:
    M = method.upper()
    url = fill(path)
    is_open = op.get("security") == []
    if (M, path) in CREATED_ABOVE:
        continue
    if path in UNREACHABLE:
        status, raw, _ = call(M, url, None if is_open else tok_a, example_body(M, path, **OVERRIDES.get((M, path), {})) if M != "GET" else None)
        check(status in (401, 404), f"{M} {path} with a missing id: {status}")
        continue
    body = example_body(M, path, **OVERRIDES.get((M, path), {})) if M in ("POST", "PUT", "PATCH") else None
    if (M, path) in SUPPLIER_ONLY:
        status, raw, _ = call(M, url, tok_b, example_body(M, path))
        check(status == 404, f"{M} {url} by another organisation's administrator: 404 (got {status})")
        status, raw, _ = call(M, url, tok_a, example_body(M, path))
        check(status == 403, f"{M} {url} by the operator's administrator: 403, the supplier answers (got {status})")
        continue
    # The other organisation first (nothing must change there), then the owner.
    top = path.split("/")[3]
    if not is_open and top in ORG_OWNED and "{" in path:
        status, raw, _ = call(M, url, tok_b, body)
        check(status == 404, f"{M} {url} by another organisation's administrator: 404 (got {status})")
    status, raw, headers = call(M, url if "?" in url else url + ("?lang=ja" if "reports/" in url else ""), None if is_open else tok_a, body)
    check(200 <= status < 300, f"{M} {url}: {status} {raw[:160]!r}")
    if 200 <= status < 300:
        validates(M, path, op, status, raw, headers)
    if str(status) not in op["responses"] and not (status == 201 and "200" in op["responses"]):
        check(False, f"{M} {path}: status {status} is not among the documented responses")

# The deletions really happened and refuse while referred to.
status, _, _ = call("GET", f"/api/v1/assets/{ids['asset']}", tok_a)
check(status == 404, "the deleted asset is gone")
status, _, _ = call("GET", f"/api/v1/contracts/{ids['contract']}", tok_a)
check(status == 404, "the deleted contract is gone")
# Documented bodies: the contract operations name their fields.
for (M, path) in (("post", "/api/v1/contracts"), ("put", "/api/v1/contracts/{id}"), ("put", "/api/v1/contracts/{id}/clauses/{item}")):
    schema = doc["paths"][path][M]["requestBody"]["content"]["application/json"]["schema"]
    check(schema.get("properties"), f"{M.upper()} {path} documents its body's fields")
print(f"{len(ops)} operations called; {len(failures)} failure(s)")
sys.exit(1 if failures else 0)
