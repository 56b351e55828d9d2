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
# shipped_congestion_links(), the risk matrix's default_5x5(), and the catalog's process-wide
# database path.
removed='\b(shipped_catalog|shipped_rules|maturity_scale|shipped_congestion_links|default_5x5|use_local_frameworks_from)\b'
if hits=$(grep -rnE "$removed" src bench fuzz tools --include='*.cpp' --include='*.h'); then
  echo "FAIL: a removed process-wide accessor is back; take it from app::Catalogs instead:" >&2
  echo "$hits" >&2
  fail=1
fi
# A clock of their own in the CLI or the web: they take main's (Globals::clock, Ctx::clock), and
# so does the accounts service (session and token expiry, login delays).
if hits=$(grep -rnE 'SystemClock|std::time\(nullptr\)|system_clock::now' src/cli src/web --include='*.cpp' --include='*.h' |
          grep -vE '^src/cli/main\.cpp:|_test\.cpp:'); then
  echo "FAIL: an adapter reads the system time itself; use the Clock main owns:" >&2
  echo "$hits" >&2
  fail=1
fi
# Shipped data files are found and loaded by app::Catalogs only (main and serve own it): no
# module looks in the data folder itself.
if hits=$(grep -rnE '\bdata_dir\(\)' src --include='*.cpp' --include='*.h' |
          grep -vE '^src/(app|testing)/|^src/common/paths\.(h|cpp):|_test\.cpp:'); then
  echo "FAIL: a module reads the data folder itself; load the file in app::Catalogs:" >&2
  echo "$hits" >&2
  fail=1
fi
# No function-local static holds loaded data (a process-wide cache reached from inside a
# domain): a static whose initialiser (one line, or an immediately called lambda) loads or reads.
statics() {
  awk '
    FNR == 1 { in_static = 0 }
    /^[[:space:]]+static [^(]*=/ { in_static = 1; start = FNR; text = "" }
    in_static { text = text $0 "\n" }
    in_static && /;[[:space:]]*$/ && (/\}\(\);/ || FNR == start) {
      if (text ~ /(load_[a-z_]*|read_file|ifstream|data_dir|getenv)[[:space:]]*\(|ifstream /)
        printf "%s:%d: %s", FILENAME, start, text
      in_static = 0
    }' "$@"
}
if hits=$(statics $(find src -name '*.cpp' -o -name '*.h' | grep -vE '^src/(testing|cli/main\.cpp)|_test\.cpp$')); then
  if [ -n "$hits" ]; then
    echo "FAIL: a function-local static holds loaded data; load it in app::Catalogs and pass it:" >&2
    echo "$hits" >&2
    fail=1
  fi
fi
# The check itself can fail: the patterns find what they should in a known line.
echo 'const Catalog& c = catalog::shipped_catalog();' | grep -qE "$removed" || { echo "FAIL: pattern broken" >&2; fail=1; }
probe=$(mktemp)
printf '  static const std::set<std::string> common = [] {\n    std::ifstream in(p);\n    return out;\n  }();\n  static const Matrix m = load_matrix_file(p);\n  static const std::regex re("x");\n' >"$probe"
[ "$(statics "$probe" | grep -c '^/')" = 2 ] || { echo "FAIL: statics pattern broken: $(statics "$probe")" >&2; fail=1; }
rm -f "$probe"
[ $fail -eq 0 ] && echo "ok: no process-wide catalogs, rules, scale, loaded statics or adapter clocks"
exit $fail
