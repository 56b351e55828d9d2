#!/usr/bin/env bash
# Services receive their dependencies explicitly (issue 12): the catalogs, the reporting rule
# sets and the maturity scale are one app::Catalogs that main and serve own and hand down, and
# the adapters run on the one Clock main owns. This fails when a removed process-wide accessor
# comes back, or when an adapter makes a system clock of its own.
# Args: ANZEN_BINARY SOURCE_DIR (the binary is not needed: this reads the sources).
set -euo pipefail
src=$2
fail=0
cd "$src"
# The removed caches: shipped_catalog(), shipped_rules(), maturity_scale(),
# shipped_congestion_links(), and the catalog's process-wide database path.
removed='\b(shipped_catalog|shipped_rules|maturity_scale|shipped_congestion_links|use_local_frameworks_from)\b'
if hits=$(grep -rnE "$removed" src bench fuzz tools --include='*.cpp' --include='*.h'); then
  echo "FAIL: a removed process-wide accessor is back; take it from app::Catalogs instead:" >&2
  echo "$hits" >&2
  fail=1
fi
# A clock of their own in the CLI or the web: they take main's (Globals::clock, Ctx::clock).
# Not yet the accounts store (web/accounts.cpp: session and token expiry), which has no Clock.
if hits=$(grep -rnE 'SystemClock|std::time\(nullptr\)|system_clock::now' src/cli src/web --include='*.cpp' --include='*.h' |
          grep -vE '^src/cli/main\.cpp:|^src/web/accounts\.cpp:|_test\.cpp:'); then
  echo "FAIL: an adapter reads the system time itself; use the Clock main owns:" >&2
  echo "$hits" >&2
  fail=1
fi
# The check itself can fail: the patterns find what they should in a known line.
echo 'const Catalog& c = catalog::shipped_catalog();' | grep -qE "$removed" || { echo "FAIL: pattern broken" >&2; fail=1; }
[ $fail -eq 0 ] && echo "ok: no process-wide catalogs, rules, scale or adapter clocks"
exit $fail
