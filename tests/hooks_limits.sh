#!/usr/bin/env bash
# Inbound webhook limits: a body over the hooks' own 1 MiB limit is refused with 413 from its
# declared Content-Length before any body byte is read, and a chunked body is stopped at the
# limit; the delivery rate limit of an integration holds across two `anzen serve` processes over
# one database (it is kept in the database). Args: ANZEN_BINARY SOURCE_DIR.
set -euo pipefail
anzen=$(readlink -f "$1")
py=/usr/bin/python3
command -v curl >/dev/null || { echo "SKIP: curl not installed"; exit 77; }
. "$2/tests/fixtures/clock/lib.sh"
export ANZEN_DB="$tmp/anzen.db"
cd "$tmp"
"$anzen" org create --name "株式会社上限" --kind operator >/dev/null
printf 'rules:\n  - match: {service: data}\n    service_category: other\n    affected_users: 10\n' >rules.yaml
"$anzen" integration create --org 1 --kind webhook --rules rules.yaml --json >integ.json
hook=$("$py" -c 'import json; print(json.load(open("integ.json"))["url"])')
token=$("$py" -c 'import json; print(json.load(open("integ.json"))["token"])')

pa=$(free_port)
pb=$(free_port)
"$anzen" serve --port "$pa" --clock-interval 0 >a.log 2>&1 &
pids+=($!)
"$anzen" serve --port "$pb" --clock-interval 0 >b.log 2>&1 &
pids+=($!)
wait_for 30 curl -sf "http://127.0.0.1:$pa/api/v1/openapi.json" || fail "server A did not start"
wait_for 30 curl -sf "http://127.0.0.1:$pb/api/v1/openapi.json" || fail "server B did not start"

"$py" - "$pa" "$pb" "$hook" "$token" <<'PY'
import socket, sys, time, json, urllib.request, urllib.error
pa, pb, hook, token = sys.argv[1:]

def raw(port, head, body=b""):
    """Sends a head (and some body), stops sending, and returns the status line of the answer."""
    s = socket.create_connection(("127.0.0.1", int(port)), timeout=60)
    s.sendall(head.encode() + body)
    s.shutdown(socket.SHUT_WR)
    got = b""
    while True:
        chunk = s.recv(65536)
        if not chunk: break
        got += chunk
    s.close()
    return got.split(b"\r\n", 1)[0].decode()

auth = "Authorization: Bearer %s\r\n" % token
# Declared 2 MB, nothing sent: refused from the head alone (the signed-in limit is 32 MB).
line = raw(pa, "POST %s HTTP/1.1\r\nHost: x\r\n%sContent-Type: application/json\r\nContent-Length: 2000000\r\n\r\n" % (hook, auth))
assert " 413 " in line, ("declared 2 MB to a hook", line)
# The same length on another route with a token is not refused before the body.
line = raw(pa, "POST /api/v1/incidents HTTP/1.1\r\nHost: x\r\n%sContent-Type: application/json\r\nContent-Length: 2000000\r\n\r\n" % auth)
assert " 413 " not in line, ("declared 2 MB to another route", line)
# Chunked, 1.2 MB sent without the last chunk: stopped at the limit.
chunk = b"x" * 65536
body = b"".join(b"%x\r\n%s\r\n" % (len(chunk), chunk) for _ in range(19))
line = raw(pa, "POST %s HTTP/1.1\r\nHost: x\r\n%sContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n" % (hook, auth), body)
assert " 413 " in line, ("chunked 1.2 MB to a hook", line)

# Rate limit across processes: deliver to A until it refuses, then B refuses as well (unless a
# new counting window began in between, which the test detects and retries).
delivery = json.dumps({"alerts": [{"id": "r-1", "status": "firing", "labels": {"service": "data"},
                                    "starts_at": "2026-05-01T09:00:00+09:00"}]}).encode()
def post(port):
    req = urllib.request.Request("http://127.0.0.1:%s%s" % (port, hook), data=delivery, method="POST",
                                 headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    try:
        return urllib.request.urlopen(req).status
    except urllib.error.HTTPError as e:
        return e.code
window = lambda: int(time.time()) // 30
for attempt in range(3):
    statuses = []
    before = window()
    while len(statuses) < 200:
        statuses.append(post(pa))
        if statuses[-1] != 200: break
    st = post(pb)
    if window() != before: continue
    assert statuses[-1] == 429, ("A never refused", statuses[-5:])
    assert statuses.count(200) <= 60, statuses.count(200)
    assert st == 429, ("B accepted a delivery over the limit reached on A", st)
    break
else:
    raise SystemExit("no stable counting window in three attempts")
print("ok")
PY
echo "PASS"
