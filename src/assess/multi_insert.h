// Multi-row INSERTs for the answer writers (repo.cpp, answer_batch.cpp): one statement per 64
// rows instead of one per row.
#pragma once
#include <algorithm>
#include <string>

#include "store/db.h"

namespace anzen::assess::detail {

// "(?,?,…),(?,?,…)…": `rows` groups of `cols` placeholders.
inline std::string value_groups(size_t rows, size_t cols) {
  std::string one = "(";
  for (size_t c = 0; c < cols; ++c) one += c ? ",?" : "?";
  one += ")";
  std::string out;
  out.reserve(rows * (one.size() + 1));
  for (size_t r = 0; r < rows; ++r) out += (r ? "," : "") + one;
  return out;
}
// Rows per multi-row INSERT (well under both engines' limits on bound parameters).
constexpr size_t kRowsPerInsert = 64;

// Inserts `n` rows of `cols` values with multi-row INSERTs: `head` VALUES (…),(…)… `tail`.
// bind_row(stmt, offset, i) binds row i at parameters offset+1 … offset+cols.
template <class BindRow>
void insert_rows(store::Db& db, const std::string& head, size_t cols, size_t n,
                 const std::string& tail, BindRow bind_row) {
  for (size_t done = 0; done < n; done += kRowsPerInsert) {
    size_t rows = std::min(kRowsPerInsert, n - done);
    auto st = db.prepare(head + value_groups(rows, cols) + tail);
    for (size_t r = 0; r < rows; ++r) bind_row(st, static_cast<int>(r * cols), done + r);
    st.run();
  }
}

}  // namespace anzen::assess::detail
