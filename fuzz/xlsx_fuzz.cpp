// libFuzzer target: the XLSX reader and the table layer must never crash, hang or allocate
// beyond their caps on any bytes; every refusal is a std::runtime_error (table::ImportError)
// with a reason.
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>

#include "common/table_read.h"
#include "common/xlsx_read.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string in(reinterpret_cast<const char*>(data), size);
  // Small caps keep each run fast; the limits are what is being exercised.
  anzen::xlsx::Limits limits;
  limits.max_part_bytes = size_t{4} << 20;
  limits.max_total_bytes = size_t{8} << 20;
  limits.max_rows = 5000;
  limits.max_cells = 100000;
  try {
    auto sheets = anzen::xlsx::read_workbook(in, limits);
    size_t cells = 0;
    for (const auto& s : sheets) {
      for (const auto& r : s.rows) {
        if (r.fields.size() != r.number.size() || r.fields.size() > 16384) __builtin_trap();
        cells += r.fields.size();
      }
    }
    if (cells > limits.max_cells) __builtin_trap();
  } catch (const std::runtime_error&) {
  }
  static const std::vector<anzen::table::Column> spec = {
      {"id", "質問ID", "question_id", {}, true}, {"status", "実施状況", "status", {}, true}};
  try {
    anzen::table::Limits tl;
    tl.xlsx = limits;
    auto t = anzen::table::read("fuzz", in, spec, tl);
    for (const auto& r : t.rows) {
      if (r.cells.size() != spec.size()) __builtin_trap();
    }
  } catch (const std::runtime_error&) {
  }
  return 0;
}
