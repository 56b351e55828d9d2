#!/usr/bin/env bash
# Every libFuzzer target in fuzz/*_fuzz.cpp runs for a bounded time (FUZZ_SECONDS, default 20)
# on its seed corpus; any crash, leak, sanitizer report or timeout fails the test. The targets
# are built with clang (-DANZEN_FUZZ=ON) in their own build directory beside the main build.
# Usage: tests/fuzz_smoke.sh ANZEN_BINARY SOURCE_DIR   (exit 77 = skipped, with the reason)
set -euo pipefail
bin=$1
src=$2
seconds=${FUZZ_SECONDS:-20}
if ! command -v clang++ >/dev/null 2>&1; then
  echo "SKIP: clang++ is not installed (scripts/install-deps.sh test installs clang and libclang-rt-14-dev)"
  exit 77
fi
if ! ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a >/dev/null 2>&1 &&
   ! ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer*.a >/dev/null 2>&1; then
  echo "SKIP: the libFuzzer runtime (libclang-rt-14-dev) is not installed"
  exit 77
fi
build="$(cd "$(dirname "$bin")" && pwd)/fuzz-build"
targets=()
for f in "$src"/fuzz/*_fuzz.cpp; do targets+=("$(basename "$f" .cpp)"); done
echo "fuzz targets: ${targets[*]}"
cmake -S "$src" -B "$build" -DANZEN_FUZZ=ON -DBUILD_TESTING=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined" >/dev/null
cmake --build "$build" -j "${JOBS:-2}" --target "${targets[@]}" >"$build/build.log" 2>&1 || {
  tail -40 "$build/build.log"
  echo "FAIL: the fuzz targets do not build"
  exit 1
}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Seeds: the committed corpus, plus real files made by the product for the spreadsheet reader.
seed_xlsx() {
  local db="$work/seed.db"
  "$bin" --db "$db" org create --name 株式会社シード --kind operator >/dev/null
  "$bin" --db "$db" assess create --org 1 --framework tcs-2023 --role operator --period FY2026 >/dev/null
  "$bin" --db "$db" assess export 1 --format xlsx -o "$1/checklist.xlsx" >/dev/null
  "$bin" --db "$db" assess export 1 --format csv -o "$1/checklist.csv" >/dev/null
}

fail=0
for t in "${targets[@]}"; do
  corpus="$work/corpus-$t"
  mkdir -p "$corpus"
  if [ -d "$src/fuzz/corpus/$t" ]; then cp -r "$src/fuzz/corpus/$t/." "$corpus/"; fi
  if [ "$t" = xlsx_fuzz ]; then seed_xlsx "$corpus"; fi
  echo "== $t: ${seconds}s on $(ls "$corpus" | wc -l) seed(s)"
  # -timeout: one input taking over 10 s is a hang; -rss_limit_mb: memory bounded.
  if ! (cd "$work" && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
        "$build/$t" "$corpus" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 >"$work/$t.log" 2>&1); then
    tail -60 "$work/$t.log"
    echo "FAIL: $t found a crash (the reproducer is in the log above)"
    fail=1
  else
    grep -E "stat::number_of_executed_units|Done" "$work/$t.log" | tail -2
  fi
done
exit $fail
