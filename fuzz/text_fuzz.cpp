// libFuzzer target: folding arbitrary bytes never crashes and is idempotent.
#include <cstddef>
#include <cstdint>
#include <string>

#include "common/text.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  std::string once = anzen::text::fold(in);
  if (anzen::text::fold(once) != once) __builtin_trap();
  (void)anzen::text::strip_for_compare(in);
  return 0;
}
