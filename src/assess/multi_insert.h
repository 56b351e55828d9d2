// Multi-row INSERTs for the answer writers (repo.cpp, answer_batch.cpp): one statement per 64
// rows instead of one per row.
#pragma once
#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "assess/history_fields.h"
#include "assess/model.h"
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
    st.send();  // nothing reads its outcome (pipelined on PostgreSQL)
  }
}

// The history rows of one write, all stamped with the same time and actor. The fields changed
// together in one answer go into one row (history_fields.h: the names joined by ',', the
// values as JSON arrays); a single changed field keeps the plain form. An import that changes
// three fields of every answer writes a row per answer instead of three.
inline void insert_history(store::Db& db, int64_t assessment_id,
                           const std::vector<HistoryRow>& rows, const std::string& now,
                           const std::string& actor) {
  std::vector<StoredHistory> packed;
  packed.reserve(rows.size());
  for (size_t i = 0; i < rows.size();) {
    size_t j = i + 1;
    while (j < rows.size() && rows[j].question_id == rows[i].question_id) ++j;
    packed.push_back(pack_history({rows.data() + i, j - i}));
    i = j;
  }
  insert_rows(db,
              "INSERT INTO answer_history(assessment_id, question_id, field, old_value, "
              "new_value, at, actor) VALUES ",
              7, packed.size(), "", [&](store::Stmt& st, int b, size_t i) {
                const auto& h = packed[i];
                st.bind(b + 1, assessment_id)
                    .bind(b + 2, h.question_id)
                    .bind(b + 3, h.field)
                    .bind(b + 4, h.old_value)
                    .bind(b + 5, h.new_value)
                    .bind(b + 6, now)
                    .bind(b + 7, actor);
              });
}

// Inserts or replaces `n` answers of one assessment; answer_at(i) gives the i-th, already
// stamped with `now` and `actor` by the caller.
template <class AnswerAt>
void upsert_answers(store::Db& db, int64_t assessment_id, size_t n, AnswerAt answer_at,
                    const std::string& now, const std::string& actor) {
  insert_rows(
      db,
      "INSERT INTO answers(assessment_id, question_id, status, na_reason, maturity, owner, due, "
      "comment, updated_at, updated_by) VALUES ",
      10, n,
      " ON CONFLICT(assessment_id, question_id) DO UPDATE SET status=excluded.status, "
      "na_reason=excluded.na_reason, maturity=excluded.maturity, owner=excluded.owner, "
      "due=excluded.due, comment=excluded.comment, updated_at=excluded.updated_at, "
      "updated_by=excluded.updated_by",
      [&](store::Stmt& st, int b, size_t i) {
        const Answer& a = answer_at(i);
        st.bind(b + 1, assessment_id)
            .bind(b + 2, a.question_id)
            .bind(b + 3, to_string(a.status))
            .bind(b + 4, a.na_reason)
            .bind(b + 5, a.maturity ? std::optional<int64_t>(*a.maturity) : std::nullopt)
            .bind(b + 6, a.owner)
            .bind(b + 7, a.due)
            .bind(b + 8, a.comment)
            .bind(b + 9, now)
            .bind(b + 10, actor);
      });
}

// The one way a change of answers is written (AssessRepo::store_answers, store_batch): the
// changed answers (`saved`, indexes into `changes`) are stamped with `now` and `actor`, their
// history rows inserted, the answers upserted.
inline void store_changes(store::Db& db, int64_t assessment_id,
                          std::vector<std::pair<Answer, Answer>>& changes,
                          const std::vector<size_t>& saved, const std::vector<HistoryRow>& history,
                          const std::string& now, const std::string& actor) {
  for (size_t i : saved) {
    changes[i].second.updated_at = now;
    changes[i].second.updated_by = actor;
  }
  insert_history(db, assessment_id, history, now, actor);
  upsert_answers(
      db, assessment_id, saved.size(),
      [&](size_t i) -> const Answer& { return changes[saved[i]].second; }, now, actor);
}

}  // namespace anzen::assess::detail
