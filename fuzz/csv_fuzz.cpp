// libFuzzer target: the CSV reader must never crash, and what it writes it must read back.
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>

#include "common/csv.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  try {
    auto rows = anzen::csv::parse(in);
    std::string again;
    for (const auto& r : rows) again += anzen::csv::row(r.fields);
    auto back = anzen::csv::parse(again);
    if (back.size() != rows.size()) __builtin_trap();
    for (size_t i = 0; i < rows.size(); ++i) {
      if (back[i].fields != rows[i].fields) __builtin_trap();
    }
  } catch (const std::runtime_error&) {
    // An unterminated quote is reported, not crashed on.
  }
  return 0;
}
