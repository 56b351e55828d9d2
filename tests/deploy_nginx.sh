#!/usr/bin/env bash
# The sample reverse-proxy configuration (deploy/nginx/anzen.conf) with Debian's nginx in front of
# two app servers on one database, over TLS with a throwaway self-signed certificate: login and
# pages through the proxy, HSTS, the body limit, a forged X-Forwarded-For replaced by the real
# client, and service continuing when one app server stops. Args: ANZEN_BINARY SOURCE_DIR.
# It reads the SQLite file itself (python's sqlite3) to see what was stored; under the PostgreSQL
# wrapper (scripts/test-on-pg.sh) there is no such file.
if [ -n "${ANZEN_PG_BASE:-}" ]; then echo "SKIP on PostgreSQL: this test reads the SQLite file directly"; exit 77; fi
source "$(dirname "$0")/security/lib.bash"
command -v nginx >/dev/null || { echo "skip: nginx missing"; exit 77; }
command -v openssl >/dev/null || { echo "skip: openssl missing"; exit 77; }
pw=anzen-demo-2026
start_server one --bind 127.0.0.1 --trusted-proxy 127.0.0.1
start_server two --bind 127.0.0.1 --trusted-proxy 127.0.0.1
openssl req -x509 -newkey rsa:2048 -nodes -subj /CN=localhost -days 1 -keyout "$tmp/key.pem" -out "$tmp/cert.pem" 2>/dev/null
https_port=$((20000 + RANDOM % 20000))
http_port=$((https_port + 1))
sed -e "s#server 127.0.0.1:8081 #server ${one_base#http://} #" -e "s#server 127.0.0.1:8082 #server ${two_base#http://} #" \
  -e "s#listen 443 ssl http2;#listen 127.0.0.1:$https_port ssl;#" -e "s#listen 80;#listen 127.0.0.1:$http_port;#" \
  -e "s#/etc/anzen/tls/fullchain.pem#$tmp/cert.pem#" -e "s#/etc/anzen/tls/privkey.pem#$tmp/key.pem#" \
  "$src/deploy/nginx/anzen.conf" >"$tmp/anzen-site.conf"
grep -q "$https_port ssl" "$tmp/anzen-site.conf" || fail "could not adapt the sample configuration"
mkdir -p "$tmp/ngx"
cat >"$tmp/nginx.conf" <<NGX
worker_processes 1;
pid $tmp/nginx.pid;
error_log $tmp/nginx-error.log;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path $tmp/ngx/body; proxy_temp_path $tmp/ngx/proxy;
  fastcgi_temp_path $tmp/ngx/fcgi; uwsgi_temp_path $tmp/ngx/uwsgi; scgi_temp_path $tmp/ngx/scgi;
  include $tmp/anzen-site.conf;
}
NGX
nginx -t -c "$tmp/nginx.conf" 2>"$tmp/nginx-t.log" || { cat "$tmp/nginx-t.log"; fail "nginx rejects the sample configuration"; }
nginx -c "$tmp/nginx.conf"
cleanup_nginx() { [ -f "$tmp/nginx.pid" ] && kill "$(cat "$tmp/nginx.pid")" 2>/dev/null; cleanup; }
trap cleanup_nginx EXIT
for _ in $(seq 50); do [ -f "$tmp/nginx.pid" ] && break; sleep 0.1; done
edge="https://127.0.0.1:$https_port"

[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$http_port/")" = 301 ] || fail "plain HTTP not redirected"
[ "$(login "$edge" demo "$pw" "$tmp/jar")" = 303 ] || fail "login through nginx"
curl -sk -D "$tmp/h" -o "$tmp/dash.html" -b "$tmp/jar" "$edge/"
grep -q '<h1' "$tmp/dash.html" || fail "dashboard through nginx"
grep -qi '^Strict-Transport-Security' "$tmp/h" || fail "no HSTS from the proxy"
# Body over 32 MB: refused at the edge.
head -c $((33 * 1024 * 1024)) /dev/zero >"$tmp/big"
code=$(curl -sk -o /dev/null -w '%{http_code}' -b "$tmp/jar" -H 'Content-Type: application/octet-stream' --data-binary @"$tmp/big" "$edge/login")
[ "$code" = 413 ] || fail "33 MB through nginx: HTTP $code"
# A forged X-Forwarded-For does not reach the audit trail: the real client does.
csrf=$(curl -sk -c "$tmp/jf" "$edge/login" | grep -o 'name="_login_csrf" value="[^"]*"' | sed 's/.*value="//; s/"//')
curl -sk -b "$tmp/jf" -o /dev/null -H 'X-Forwarded-For: 203.0.113.66' --data-urlencode name=ghost --data-urlencode password=wrong-pass-1 \
  --data-urlencode "_login_csrf=$csrf" "$edge/login"
[ "$(sql "SELECT client FROM audit_log WHERE actor='ghost' AND action='login_failed'")" = 127.0.0.1 ] || fail "forged X-Forwarded-For reached the audit"
# One app server stops: the session (in the shared database) keeps working through the other.
kill "$one_pid"
for i in 1 2 3 4; do
  code=$(curl -sk -o /dev/null -w '%{http_code}' -b "$tmp/jar" "$edge/")
  [ "$code" = 200 ] || fail "request $i with one app server down: HTTP $code"
done
echo "deploy_nginx: ok"
