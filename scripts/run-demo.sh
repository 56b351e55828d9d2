#!/usr/bin/env bash
# `make run`: prepares the demo organisation (once) and serves the web application.
set -euo pipefail
anzen=$1
db=$2
port=$3
"$anzen" --db "$db" demo
echo
echo "  Anzen: open http://127.0.0.1:${port}/"
echo "  Demo login: demo / anzen-demo-2026   (auditor / anzen-demo-2026 for a read-only auditor)"
echo "  Database: ${db}   (stop with Ctrl-C)"
echo
exec "$anzen" --db "$db" serve --port "$port" --bind 127.0.0.1
