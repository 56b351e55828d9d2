#!/usr/bin/env bash
# Long handlers do not hold up other connections: with a single I/O event loop, while one
# kept-alive connection waits for several PDF reports (pipelined: made one after the other), a
# change sent on a second connection of the same loop is made before the reports are done. Handlers run on the worker pool, not on the loop that received the request. The order is
# read from the audit trail (each report download and the change are audited as they happen), so
# the test depends on no timing. Args: ANZEN_BINARY SOURCE_DIR.
source "$(dirname "$0")/security/lib.bash"
start_server app --io-loops 1 --threads 4
tok=$(token_for demo)
python3 - "$app_base" "$tok" "$tmp/demo.json" <<'PY'
import json, socket, sys, urllib.parse
base, tok, demo = sys.argv[1:]
demo = json.load(open(demo))
aid, question = demo["assessment_id"], demo["question_to_answer"]
u = urllib.parse.urlparse(base)

def connect():
    return socket.create_connection((u.hostname, u.port), timeout=120)

def request(method, path, body=b""):
    return ("%s %s HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer %s\r\nContent-Type: application/json\r\n"
            "Content-Length: %d\r\n\r\n" % (method, path, tok, len(body))).encode() + body

def read_response(s, buf=b""):
    """One response (Content-Length framed): (status line, body, rest of the buffer)."""
    while b"\r\n\r\n" not in buf:
        chunk = s.recv(65536)
        assert chunk, "connection closed"
        buf += chunk
    head, rest = buf.split(b"\r\n\r\n", 1)
    length = int([l.split(b":")[1] for l in head.split(b"\r\n") if l.lower().startswith(b"content-length:")][0])
    while len(rest) < length:
        chunk = s.recv(65536)
        assert chunk, "connection closed"
        rest += chunk
    return head.split(b"\r\n")[0].decode(), rest[:length], rest[length:]

# A asks for six PDF reports at once; once the first has arrived the server makes the others.
reports = 6
a = connect()
a.sendall(b"".join(request("GET", "/assessments/%s/reports/soa.pdf" % aid) for _ in range(reports)))
line, _, buf = read_response(a)
assert " 200 " in line, line
# Meanwhile a second connection, on the server's only loop as well, changes an answer.
b = connect()
b.sendall(request("PUT", "/api/v1/assessments/%s/answers/%s" % (aid, question), b'{"status": "implemented"}'))
line, _, _ = read_response(b)
assert " 200 " in line, line
for _ in range(reports - 1):
    line, _, buf = read_response(a, buf)
    assert " 200 " in line, line

c = connect()
c.sendall(request("GET", "/audit.json?actor=demo"))
line, body, _ = read_response(c)
rows = json.loads(body)
downloads = sorted(r["id"] for r in rows if r["action"] == "download" and r["entity_id"].endswith("/soa.pdf"))
change = [r["id"] for r in rows if r["entity"] == "answer"]
assert len(downloads) == reports and change, (downloads, change)
assert change[0] < downloads[-1], (
    "the change on the second connection waited for all of the first connection's reports "
    "(handlers run on the I/O loop): change %d, reports %s" % (change[0], downloads))
print("ok: a kept-alive connection was served while another connection's long requests ran")
PY
echo PASS
