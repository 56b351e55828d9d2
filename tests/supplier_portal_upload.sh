#!/usr/bin/env bash
# The supplier portal takes evidence files (issue 17, 2a): a request to /portal/{token} whose
# link is live gets the signed-in body limit, decided from the head before any body byte is
# read; a bogus, revoked or throttled link keeps the anonymous 64 KB (or gets 429) and a large
# body is refused early without the server's memory growing. The file lands in the same evidence
# store as a supplier user's, under the same 20 MiB rule, audited with the link as the actor.
# (An expired link is the same state as a revoked one: supplier/service_test.cpp.)
# Args: ANZEN_BINARY SOURCE_DIR.
set -euo pipefail
anzen=$1
src=$2
# shellcheck source=lib/supplier_env.sh
. "$src/tests/lib/supplier_env.sh"

op=$("$anzen" org create --name "第一通信株式会社" --kind operator --json | jget 'd["id"]')
sup=$("$anzen" supplier create --org "$op" --name "機器メーカー" --json | jget 'd["id"]')
send() { "$anzen" questionnaire send --org "$op" --supplier "$sup" --template tcs-2023:10 --due 2099-03-31 --json; }
sent=$(send)
qid=$(echo "$sent" | jget 'd["id"]')
token=$(echo "$sent" | jget 'd["token"]')
revoked_sent=$(send)
revoked=$(echo "$revoked_sent" | jget 'd["token"]')
"$anzen" questionnaire revoke "$(echo "$revoked_sent" | jget 'd["id"]')" >/dev/null
throttled=$(send | jget 'd["token"]')
bogus=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA
echo "password-operator-1" | "$anzen" user create --org "$op" --name o-user --role assessor --password-stdin >/dev/null
tok_o=$("$anzen" token create --user o-user --json | jget 'd["token"]')
echo "password-auditor-1" | "$anzen" user create --org "$op" --name o-auditor --role auditor --password-stdin >/dev/null
tok_u=$("$anzen" token create --user o-auditor --json | jget 'd["token"]')
start_server
port=${base##*:}

# The page offers the upload; its form carries the link's form secret.
[ "$(code "$base/portal/$token")" = 200 ] || fail "portal page"
grep -q 'action="/portal/'"$token"'/evidence"' "$tmp/body" || fail "the portal page has no evidence form"
secret=$(grep -o 'name="_form" value="[^"]*"' "$tmp/body" | head -1 | sed 's/.*value="//; s/"$//')
[ -n "$secret" ] || fail "form secret"
first=$(grep -o 'name="st_[^"]*"' "$tmp/body" | head -1 | sed 's/name="st_//; s/"$//')

# A 300 KB file (over the anonymous 64 KB) attaches through the live link.
python3 -c "import sys; sys.stdout.buffer.write(('委託契約書 第12条（秘密保持）\n' * 12000).encode())" >"$tmp/契約書.txt"
[ "$(stat -c %s "$tmp/契約書.txt")" -gt 300000 ] || fail "fixture size"
[ "$(code -F "_form=$secret" -F "question=$first" -F "file=@$tmp/契約書.txt" "$base/portal/$token/evidence")" = 303 ] || { cat "$tmp/body"; fail "portal upload"; }
[ "$(code -F "question=$first" -F "file=@$tmp/契約書.txt" "$base/portal/$token/evidence")" = 403 ] || fail "an upload without the form secret must be refused"
[ "$(code "$base/portal/$token")" = 200 ] || fail "portal page after upload"
grep -q "契約書.txt" "$tmp/body" || fail "the portal page lists the file"
href=$(grep -o "/portal/$token/evidence/[0-9]*" "$tmp/body" | head -1)
fid=${href##*/}
[ "$(code "$base$href")" = 200 ] && cmp -s "$tmp/body" "$tmp/契約書.txt" || fail "the portal downloads its file back"
# The operator sees the same file where a supplier user's would be.
[ "$(code -H "Authorization: Bearer $tok_o" "$base/questionnaires/$qid/evidence/$fid")" = 200 ] && cmp -s "$tmp/body" "$tmp/契約書.txt" || fail "the operator downloads the portal's file"
# Another questionnaire's link does not reach the file.
[ "$(code "$base/portal/$throttled/evidence/$fid")" = 404 ] || fail "a file of another questionnaire through another link"
"$anzen" questionnaire show "$qid" --json >"$tmp/show.json"
python3 - "$tmp/show.json" "$first" <<'PY' || fail "the upload is in the questionnaire's history with the link as actor"
import json, sys
d = json.load(open(sys.argv[1]))
ev = [e for e in d["history"] if e["action"] == "evidence"]
assert len(ev) == 1 and ev[0]["question_id"] == sys.argv[2] and ev[0]["actor"] == "portal:機器メーカー", ev
PY
[ "$(code -H "Authorization: Bearer $tok_u" "$base/audit.json")" = 200 ] || fail "audit trail"
python3 - "$tmp/body" "$fid" <<'PY' || fail "the upload is audited with the link as the actor"
import json, sys
rows = [r for r in json.load(open(sys.argv[1])) if r["entity"] == "questionnaire_evidence" and r["entity_id"] == sys.argv[2]]
assert len(rows) == 1 and rows[0]["actor"] == "portal:機器メーカー" and rows[0]["action"] == "create", rows
PY
# The same 20 MiB rule as a supplier user's upload: 21 MB is within the request limit and
# refused by the evidence rule, naming it.
head -c 21000000 /dev/zero >"$tmp/big.bin"
[ "$(code -F "_form=$secret" -F "question=$first" -F "file=@$tmp/big.bin" "$base/portal/$token/evidence")" = 400 ] || fail "21 MB evidence should be 400"
grep -q "20 MiB" "$tmp/body" || fail "the refusal names the 20 MiB limit"

# Early refusals: a declared 30 MB body to a bogus or revoked link is answered 413 from the head
# (nothing of the body was sent); to the live link it is not.
python3 - "$port" "$token" "$bogus" "$revoked" <<'PY' || fail "early refusal by link"
import socket, sys
port, live, bogus, revoked = sys.argv[1:]
def status(target):
    s = socket.create_connection(("127.0.0.1", int(port)), timeout=30)
    s.sendall(("POST %s HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=b\r\n"
               "Content-Length: 30000000\r\n\r\n" % target).encode())
    s.settimeout(3)
    try:
        line = s.recv(4096).split(b"\r\n", 1)[0].decode()
    except socket.timeout:
        line = "(waiting for the body)"
    s.close()
    return line
for t in (bogus, revoked):
    for path in ("/portal/%s/evidence" % t, "/api/v1/portal/%s/submit" % t):
        line = status(path)
        assert " 413 " in line, (path, line)
line = status("/portal/%s/evidence" % live)
assert line == "(waiting for the body)", ("the live link should wait for its body", line)
PY

# Memory: 40 MB bodies actually sent to bogus and revoked links leave the server's memory where
# it was (they are discarded as they arrive, never buffered).
rss() { awk '/^VmRSS/ {print $2}' "/proc/$pid/status"; }
head -c 40000000 /dev/zero >"$tmp/huge.bin"
before=$(rss)
for t in "$bogus" "$revoked" "$bogus" "$revoked"; do
  got=$(curl -s -o /dev/null -w '%{http_code}' -H 'Expect:' -H 'Content-Type: application/octet-stream' --data-binary @"$tmp/huge.bin" "$base/portal/$t/evidence" || true)
  [ "$got" = 413 ] || fail "a 40 MB body to a dead link should be 413, got $got"
done
after=$(rss)
[ $((after - before)) -lt 16384 ] || fail "server memory grew by $((after - before)) KB on refused bodies"

# The rate limit holds: once a link's minute is used up, a large body is refused from the head
# with 429 and the page says so too.
python3 - "$port" "$throttled" <<'PY' || fail "rate limit"
import http.client, socket, sys
port, tok = sys.argv[1:]
c = http.client.HTTPConnection("127.0.0.1", int(port), timeout=30)
def use_up():
    """Requests until the link answers 429 (a new minute may begin on the way: go on)."""
    for n in range(1000):
        c.request("GET", "/api/v1/portal/%s" % tok)
        r = c.getresponse(); r.read()
        if r.status == 429: return n
        assert r.status == 200, r.status
    raise AssertionError("the link was never throttled")
def big_body_status():
    s = socket.create_connection(("127.0.0.1", int(port)), timeout=30)
    s.sendall(("POST /portal/%s/evidence HTTP/1.1\r\nHost: x\r\nContent-Length: 30000000\r\n\r\n" % tok).encode())
    s.settimeout(3)
    try:
        return s.recv(4096).split(b"\r\n", 1)[0].decode()
    except socket.timeout:
        return "(waiting for the body)"
    finally:
        s.close()
# Retried only when a new minute began between the throttling and the large request.
for attempt in range(3):
    assert use_up() >= 250
    line = big_body_status()
    if " 429 " in line: break
assert " 429 " in line, line
PY
"$anzen" audit verify >/dev/null || fail "audit chain"
echo "supplier_portal_upload: ok"
