#!/usr/bin/env bash
# Hostile HTTP clients (issue 13, H1-H3 and the server's own answers): deep JSON, compressed and
# endless bodies, slow and many connections, request smuggling, oversized heads. The server must
# answer each with a 4xx/5xx, keep serving, and stay under 256 MB resident.
# Args: ANZEN_BINARY SOURCE_DIR.
source "$(dirname "$0")/security/lib.bash"

start_server app --header-timeout 2
tok=$(token_for demo)
viewer_tok=$tok

# H1: 100,000 nesting levels in a classify request (a viewer token suffices) -> 400, server alive.
python3 -c 'print("{\"event_type\":\"outage\",\"affected_users\":" + "["*100000 + "]"*100000 + "}")' >"$tmp/deep.json"
code=$(curl -s -o "$tmp/deep.out" -w '%{http_code}' -H "Authorization: Bearer $viewer_tok" \
  -H 'Content-Type: application/json' --data-binary @"$tmp/deep.json" "$app_base/api/v1/incidents/classify")
[ "$code" = 400 ] || fail "deep JSON: HTTP $code"
grep -q 'nested deeper than 64' "$tmp/deep.out" || fail "deep JSON: $(cat "$tmp/deep.out")"
# The CLI: exit 2 with the reason, not a crash.
set +e
"$anzen" incident classify "$tmp/deep.json" 2>"$tmp/deep.err"
rc=$?
set -e
[ "$rc" = 2 ] || fail "incident classify deep JSON: exit $rc"
grep -q 'nested deeper' "$tmp/deep.err" || fail "CLI deep JSON message: $(cat "$tmp/deep.err")"

# H2: a gzip body before login is refused without inflating it.
python3 -c 'import gzip,sys; sys.stdout.buffer.write(gzip.compress(b"name=" + b"a"*(200*1024*1024), 9))' >"$tmp/bomb.gz"
code=$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Encoding: gzip' \
  -H 'Content-Type: application/x-www-form-urlencoded' --data-binary @"$tmp/bomb.gz" "$app_base/login")
[ "$code" = 415 ] || fail "gzip body: HTTP $code"

# H2: chunked bodies are bounded too: 300 MB without credentials stops at 64 KB, with a token at 32 MB.
chunked() {  # PATH EXTRA_HEADER -> status line
  python3 - "$app_base" "$1" "$2" <<'PY'
import socket, sys, urllib.parse
u = urllib.parse.urlparse(sys.argv[1])
s = socket.create_connection((u.hostname, u.port))
hdr = f"POST {sys.argv[2]} HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Type: application/octet-stream\r\n"
if sys.argv[3]: hdr += sys.argv[3] + "\r\n"
s.sendall((hdr + "\r\n").encode())
chunk = b"100000\r\n" + b"x" * 0x100000 + b"\r\n"
try:
    for _ in range(300):
        s.sendall(chunk)
except OSError:
    pass
s.settimeout(10)
data = b""
try:
    while b"\r\n" not in data:
        d = s.recv(4096)
        if not d: break
        data += d
except OSError:
    pass
print(data.split(b"\r\n")[0].decode(errors="replace"))
PY
}
line=$(chunked /login "")
[[ "$line" == *" 413 "* ]] || fail "chunked 300 MB before login: '$line'"
line=$(chunked /api/v1/incidents/classify "Authorization: Bearer $viewer_tok")
[[ "$line" == *" 413 "* ]] || fail "chunked 300 MB with a token: '$line'"
# A Content-Length over the limit is refused before the body is read.
code=$(curl -s -o "$tmp/413.html" -w '%{http_code}' -H 'Content-Type: application/octet-stream' \
  -H "Content-Length: 400000000" --data-binary 'x' "$app_base/login" || true)
[ "$code" = 413 ] || fail "Content-Length 400 MB: HTTP $code"

# Request smuggling: both Content-Length and Transfer-Encoding -> 400.
line=$(python3 - "$app_base" <<'PY'
import socket, sys, urllib.parse
u = urllib.parse.urlparse(sys.argv[1])
s = socket.create_connection((u.hostname, u.port))
s.sendall(b"POST /login HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n")
print(s.recv(4096).split(b"\r\n")[0].decode())
PY
)
[[ "$line" == *" 400 "* ]] || fail "CL+TE: '$line'"

# A head over 16 KB -> 431.
code=$(curl -s -o /dev/null -w '%{http_code}' -H "X-Big: $(head -c 20000 /dev/zero | tr '\0' a)" "$app_base/login")
[ "$code" = 431 ] || fail "20 KB header: HTTP $code"

# The server's own answers carry the security headers and an Anzen page.
curl -s -D "$tmp/404.h" -o "$tmp/404.html" "$app_base/no/such/page" >/dev/null
grep -qi '^X-Content-Type-Options: nosniff' "$tmp/404.h" || fail "404 without nosniff"
grep -qi '^Content-Security-Policy:' "$tmp/404.h" || fail "404 without CSP"
grep -q '見つかりません' "$tmp/404.html" || fail "404 page: $(head -c 300 "$tmp/404.html")"
grep -q '32 MB' "$tmp/413.html" || fail "413 page does not state the limit"
# Signed in, the 413 page has the navigation (from the session cookie; the body is not read).
[ "$(login "$app_base" demo anzen-demo-2026 "$tmp/jar413")" = 303 ] || fail "login for the 413 page"
code=$(curl -s -b "$tmp/jar413" -o "$tmp/413in.html" -w '%{http_code}' -H 'Content-Type: application/octet-stream' \
  -H "Content-Length: 400000000" -H "Referer: $app_base/incidents/new" --data-binary 'x' "$app_base/incidents" || true)
[ "$code" = 413 ] || fail "signed-in Content-Length 400 MB: HTTP $code"
grep -q 'href="/incidents"' "$tmp/413in.html" || fail "signed-in 413 page without navigation"
grep -q 'href="/incidents/new"' "$tmp/413in.html" || fail "signed-in 413 page without the way back"
grep -q 'href="/incidents"' "$tmp/413.html" && fail "anonymous 413 page shows the navigation"

# H3: 40 slow clients (one header line every second, from four addresses) hold their
# connections; a normal client is still served within a second.
cat >"$tmp/slow.py" <<'PY'
import socket, sys, time, urllib.parse
u = urllib.parse.urlparse(sys.argv[1])
n = int(sys.argv[2])
socks = []
for i in range(n):
    s = socket.socket()
    s.bind((f"127.0.0.{2 + i % 4}", 0))
    s.connect((u.hostname, u.port))
    s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n")
    socks.append(s)
print("connected", len(socks), flush=True)
for _ in range(6):
    time.sleep(1)
    for s in socks:
        try: s.sendall(b"X-Slow: 1\r\n")
        except OSError: pass
PY
: >"$tmp/slow.out"
python3 "$tmp/slow.py" "$app_base" 40 >"$tmp/slow.out" 2>&1 &
slow=$!
pids+=("$slow")
for _ in $(seq 50); do grep -q connected "$tmp/slow.out" && break; sleep 0.1; done
grep -q 'connected 40' "$tmp/slow.out" || fail "slow clients: $(cat "$tmp/slow.out")"
t=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' --max-time 5 -H "Authorization: Bearer $tok" "$app_base/api/v1/assessments")
[ "${t%% *}" = 200 ] || fail "normal client during slowloris: $t"
awk -v t="${t##* }" 'BEGIN{exit !(t < 1.0)}' || fail "normal client took ${t##* } s with 40 slow clients"

# The head deadline (2 s here): a client that never finishes its head gets 408 and is closed.
line=$(python3 - "$app_base" <<'PY'
import socket, sys, time, urllib.parse
u = urllib.parse.urlparse(sys.argv[1])
s = socket.create_connection((u.hostname, u.port))
s.sendall(b"GET / HTTP/1.1\r\n")
s.settimeout(30)
data = b""
try:
    for _ in range(30):
        try: s.sendall(b"X-a: b\r\n")
        except OSError: break
        time.sleep(0.5)
        s.setblocking(False)
        try:
            d = s.recv(4096)
            data += d
            if not d or data: break
        except BlockingIOError: pass
        s.setblocking(True)
except OSError:
    pass
print(data.split(b"\r\n")[0].decode() if data else "closed")
PY
)
[[ "$line" == *" 408 "* || "$line" == closed ]] || fail "slow head: '$line'"

# Per-client cap: of 24 idle connections from one address, the ones past 16 get 503.
over=$(python3 - "$app_base" <<'PY'
import socket, sys, urllib.parse
u = urllib.parse.urlparse(sys.argv[1])
socks, refused = [], 0
for i in range(24):
    s = socket.socket(); s.bind(("127.0.0.9", 0)); s.connect((u.hostname, u.port)); socks.append(s)
for s in socks:
    s.settimeout(0.5)
    try:
        if s.recv(100).startswith(b"HTTP/1.1 503"): refused += 1
    except OSError: pass
print(refused)
PY
)
[ "$over" = 8 ] || fail "per-client cap: $over of 24 connections refused (expected 8)"

# Still serving, and the peak resident memory stayed under 256 MB through all of the above.
code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $tok" "$app_base/api/v1/assessments")
[ "$code" = 200 ] || fail "server after the hostile tests: HTTP $code"
peak=$(peak_mb "$app_pid")
[ "$peak" -lt 256 ] || fail "peak resident memory $peak MB"
echo "peak resident memory during hostile input: $peak MB"

# HTTPS: the built-in TLS serves with HSTS (throwaway self-signed certificate).
if command -v openssl >/dev/null; then
  openssl req -x509 -newkey rsa:2048 -nodes -subj /CN=localhost -days 1 -keyout "$tmp/key.pem" -out "$tmp/cert.pem" 2>/dev/null
  start_server tls --tls-cert "$tmp/cert.pem" --tls-key "$tmp/key.pem"
  curl -sk -D "$tmp/tls.h" -o /dev/null "$tls_base/login"
  grep -qi '^Strict-Transport-Security: max-age=' "$tmp/tls.h" || fail "no HSTS under TLS"
  grep -qi '^Strict-Transport-Security' <(curl -s -D - -o /dev/null "$app_base/login") && fail "HSTS over plain HTTP"
fi
echo "security_http: ok"
