// Evidence files of a questionnaire's answers, under the checklist's rules: the name is kept as
// a plain name, the type served back is ours (from the extension), the size is bounded.
#include <stdexcept>

#include "common/file_name.h"
#include "common/invalid.h"
#include "common/uuid.h"
#include "common/vocabulary.h"
#include "store/audit.h"
#include "supplier/service.h"

namespace anzen::supplier {

namespace {
constexpr const char* kCols =
    "id, questionnaire_id, question_id, filename, mime, sha256, uploaded_at, uploaded_by, size";
AnswerFile read_file_row(store::Stmt& st) {
  AnswerFile f;
  f.id = st.i64(0);
  f.questionnaire_id = st.i64(1);
  f.question_id = st.str(2);
  f.filename = st.str(3);
  f.mime = st.str(4);
  f.sha256 = st.str(5);
  f.uploaded_at = st.str(6);
  f.uploaded_by = st.str(7);
  f.size = st.i64(8);
  return f;
}
}  // namespace

AnswerFile Suppliers::add_answer_file(const Questionnaire& q, const std::string& question_id,
                                      const std::string& filename, const std::string& bytes) {
  bool known = false;
  for (const auto& x : q.questions) known = known || x.id == question_id;
  if (!known) throw std::out_of_range("question: " + question_id + " is not in this questionnaire");
  if (!answerable(q.status))
    throw Invalid("",
                  "この質問票は「" + vocab::label_or_code("qstatus", to_string(q.status), "ja") +
                      "」のため、証跡を追加できません。",
                  "The questionnaire is " +
                      vocab::label_or_code("qstatus", to_string(q.status), "en") +
                      " and takes no more evidence.",
                  "wrong_state",
                  "the questionnaire is " + to_string(q.status) + " and takes no more evidence");
  if (filename.empty())
    throw Invalid("file", "ファイルを選んでください。", "Choose a file.", "required",
                  "file: a file name is required");
  if (bytes.empty())
    throw Invalid("file", "ファイルが空です。", "The file is empty.", "empty",
                  "file: the file is empty");
  if (bytes.size() > kMaxAnswerFileBytes)
    throw Invalid("file", "ファイルは 20 MiB までです。", "The file is larger than 20 MiB.",
                  "too_large",
                  "file: larger than 20 MiB (" + std::to_string(bytes.size()) + " bytes)");
  AnswerFile f;
  f.questionnaire_id = q.id;
  f.question_id = question_id;
  f.filename = safe_file_name(filename);
  f.mime = download_type(f.filename);
  f.sha256 = sha256_hex(bytes);
  f.size = static_cast<int64_t>(bytes.size());
  f.uploaded_at = now_();
  f.uploaded_by = actor_;
  db_.transaction([&] {
    db_.prepare(
           "INSERT INTO answer_evidence(questionnaire_id, question_id, filename, mime, sha256, "
           "size, content, uploaded_at, uploaded_by) VALUES (?,?,?,?,?,?,?,?,?)")
        .bind(1, q.id)
        .bind(2, question_id)
        .bind(3, f.filename)
        .bind(4, f.mime)
        .bind(5, f.sha256)
        .bind(6, f.size)
        .bind_blob(7, bytes)
        .bind(8, f.uploaded_at)
        .bind(9, f.uploaded_by)
        .run();
    f.id = db_.last_insert_id();
    event(q.id, "evidence", question_id, f.filename);
    store::audit_append(db_, {actor_,
                              q.org_id,
                              "questionnaire_evidence",
                              std::to_string(f.id),
                              "create",
                              nullptr,
                              {{"questionnaire", q.id},
                               {"question", question_id},
                               {"file", f.filename},
                               {"sha256", f.sha256},
                               {"size", f.size}}});
  });
  return f;
}

std::vector<AnswerFile> Suppliers::answer_files(int64_t questionnaire_id) {
  auto st = db_.prepare(std::string("SELECT ") + kCols +
                        " FROM answer_evidence WHERE questionnaire_id=? ORDER BY id");
  st.bind(1, questionnaire_id);
  std::vector<AnswerFile> out;
  while (st.step()) out.push_back(read_file_row(st));
  return out;
}

std::optional<std::pair<AnswerFile, std::string>> Suppliers::answer_file(int64_t questionnaire_id,
                                                                         int64_t file_id) {
  auto st = db_.prepare(std::string("SELECT ") + kCols +
                        ", content FROM answer_evidence WHERE questionnaire_id=? AND id=?");
  st.bind(1, questionnaire_id).bind(2, file_id);
  if (!st.step()) return std::nullopt;
  return std::make_pair(read_file_row(st), st.str(9));
}

}  // namespace anzen::supplier
