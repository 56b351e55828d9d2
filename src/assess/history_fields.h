// How the fields of an answer changed together are kept in one answer_history row: the field
// names joined by ',' ("maturity,owner,status") and their old and new values as JSON arrays of
// strings in the same order. A row with one field keeps the plain form (the name, the values as
// they are), which is also how every row was written before; field names never contain ','.
// No I/O: the writer (multi_insert.h) packs, the reader (AssessRepo::history) unpacks.
#pragma once
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace anzen::assess::detail {

// One changed field of an answer, for answer_history. The views point into the answers and
// field names of the caller, which outlive the insert.
struct HistoryRow {
  std::string_view question_id, field;
  std::string old_value, new_value;
};

// A row as stored: one field, or several packed.
struct StoredHistory {
  std::string_view question_id;
  std::string field, old_value, new_value;
};

// The changes of one answer (at least one row, all of the same question) as one stored row.
StoredHistory pack_history(std::span<const HistoryRow> rows);

struct FieldChange {
  std::string field, old_value, new_value;
};
// The field changes a stored row holds, last written first (the order the history is listed
// in, newest first). A row that does not unpack cleanly is given back as it is stored.
std::vector<FieldChange> unpack_history(std::string field, std::string old_value,
                                        std::string new_value);

}  // namespace anzen::assess::detail
