// Questionnaires: sending, answering, submitting and the operator's review, with history.
#include <regex>
#include <stdexcept>

#include "common/invalid.h"
#include "common/text.h"
#include "common/vocabulary.h"
#include "incident/calendar.h"
#include "store/audit.h"
#include "supplier/codec.h"
#include "supplier/service.h"

namespace anzen::supplier {
bool schema_registered();
using nlohmann::json;

json question_json(const Question& q) {
  return {{"id", q.id},      {"framework", q.framework}, {"item", q.item},
          {"ja", q.text.ja}, {"en", q.text.en},          {"source", q.source}};
}

Question question_from(const json& j) {
  return {j.value("id", ""),
          j.value("framework", ""),
          j.value("item", ""),
          {j.value("ja", ""), j.value("en", "")},
          j.value("source", "")};
}

namespace {
const std::regex kDate("^\\d{4}-\\d{2}-\\d{2}$");

json questions_json(const std::vector<Question>& qs) {
  json a = json::array();
  for (const auto& q : qs) a.push_back(question_json(q));
  return a;
}

std::vector<Question> questions_from(const std::string& s) {
  std::vector<Question> out;
  for (const auto& j : json::parse(s)) out.push_back(question_from(j));
  return out;
}

constexpr const char* kCols =
    "id, org_id, supplier_id, template, questions, status, due, snapshot_id, created_at, "
    "updated_at";
Questionnaire read_q(store::Stmt& st) {
  Questionnaire q;
  q.id = st.i64(0);
  q.org_id = st.i64(1);
  q.supplier_id = st.i64(2);
  q.tmpl = st.str(3);
  q.questions = questions_from(st.str(4));
  q.status = qstatus_from(st.str(5)).value_or(QStatus::sent);
  q.due = st.str(6);
  q.snapshot_id = st.opt_i64(7);
  q.created_at = st.str(8);
  q.updated_at = st.str(9);
  return q;
}

bool has_question(const Questionnaire& q, const std::string& id) {
  for (const auto& x : q.questions) {
    if (x.id == id) return true;
  }
  return false;
}
}  // namespace

Sent Suppliers::send(int64_t org, int64_t supplier_id, const std::string& tmpl,
                     std::vector<Question> questions, const std::string& due,
                     const std::string& expires) {
  (void)schema_registered();
  if (!supplier(org, supplier_id)) throw unknown_supplier(supplier_id);
  if (!std::regex_match(due, kDate) || !incident::parse_date(due))
    throw Invalid("due", "回答期限を 2026-04-01 のように入力してください。",
                  "Enter the due date as YYYY-MM-DD.", "not_a_date",
                  "due: expected YYYY-MM-DD, got '" + due + "'");
  if (!expires.empty() && !std::regex_match(expires, kDate))
    throw Invalid("expires", "リンクの有効期限を 2026-04-01 のように入力してください。",
                  "Enter the expiry date as YYYY-MM-DD.", "not_a_date",
                  "expires: expected YYYY-MM-DD, got '" + expires + "'");
  if (questions.empty()) {
    throw Invalid("template", "この様式では質問が 1 つも選ばれません。",
                  "The template selects no questions.", "empty", "template: selects no questions");
  }
  Sent out;
  out.q.org_id = org;
  out.q.supplier_id = supplier_id;
  out.q.tmpl = tmpl;
  out.q.due = due;
  out.q.questions = std::move(questions);
  out.q.created_at = out.q.updated_at = now_();
  db_.transaction([&] {
    db_.prepare(
           "INSERT INTO questionnaires(org_id, supplier_id, template, questions, status, due, "
           "created_at, updated_at) "
           "VALUES (?,?,?,?,?,?,?,?)")
        .bind(1, org)
        .bind(2, supplier_id)
        .bind(3, tmpl)
        .bind(4, questions_json(out.q.questions).dump())
        .bind(5, to_string(QStatus::sent))
        .bind(6, due)
        .bind(7, out.q.created_at)
        .bind(8, out.q.updated_at)
        .run();
    out.q.id = db_.last_insert_id();
    event(out.q.id, "send", "", tmpl + " due " + due);
    store::audit_append(db_, {actor_,
                              org,
                              "questionnaire",
                              std::to_string(out.q.id),
                              "create",
                              nullptr,
                              {{"supplier_id", supplier_id},
                               {"template", tmpl},
                               {"due", due},
                               {"questions", out.q.questions.size()}}});
    out.token =
        new_link(out.q, expires.empty() ? incident::add_days(*incident::parse_date(due), 30).str()
                                        : expires);
  });
  return out;
}

std::optional<Questionnaire> Suppliers::questionnaire(int64_t id, int64_t viewer_org) {
  auto st = db_.prepare(std::string("SELECT ") + kCols +
                        " FROM questionnaires q WHERE q.id=? AND (q.org_id=? OR EXISTS (SELECT 1 "
                        "FROM suppliers s WHERE "
                        "s.id=q.supplier_id AND s.maker_org_id=?))");
  st.bind(1, id).bind(2, viewer_org).bind(3, viewer_org);
  if (!st.step()) return std::nullopt;
  return read_q(st);
}

std::optional<Questionnaire> Suppliers::questionnaire_by_id(int64_t id) {
  auto st = db_.prepare("SELECT org_id FROM questionnaires WHERE id=?");
  st.bind(1, id);
  if (!st.step()) return std::nullopt;
  return questionnaire(id, st.i64(0));
}

std::vector<Questionnaire> Suppliers::sent_by(int64_t org) {
  auto st = db_.prepare(std::string("SELECT ") + kCols +
                        " FROM questionnaires WHERE org_id=? ORDER BY id DESC");
  st.bind(1, org);
  std::vector<Questionnaire> out;
  while (st.step()) out.push_back(read_q(st));
  return out;
}

std::vector<Questionnaire> Suppliers::addressed_to(int64_t maker_org) {
  auto st = db_.prepare(
      std::string("SELECT ") + kCols +
      " FROM questionnaires WHERE supplier_id IN (SELECT id FROM suppliers WHERE maker_org_id=?) "
      "AND snapshot_id IS NULL ORDER BY id DESC");
  st.bind(1, maker_org);
  std::vector<Questionnaire> out;
  while (st.step()) out.push_back(read_q(st));
  return out;
}

QAnswers Suppliers::answers(int64_t questionnaire_id) {
  auto st = db_.prepare(
      "SELECT question_id, status, comment, review_comment, updated_at, updated_by FROM "
      "questionnaire_answers "
      "WHERE questionnaire_id=?");
  st.bind(1, questionnaire_id);
  QAnswers out;
  while (st.step()) {
    QAnswer a{st.str(0), assess::status_from(st.str(1)).value_or(assess::Status::unanswered),
              st.str(2), st.str(3),
              st.str(4), st.str(5)};
    out[a.question_id] = a;
  }
  return out;
}

std::vector<Event> Suppliers::history(int64_t questionnaire_id) {
  auto st = db_.prepare(
      "SELECT at, actor, action, question_id, detail FROM questionnaire_events WHERE "
      "questionnaire_id=? ORDER BY id");
  st.bind(1, questionnaire_id);
  std::vector<Event> out;
  while (st.step()) out.push_back({st.str(0), st.str(1), st.str(2), st.str(3), st.str(4)});
  return out;
}

void Suppliers::event(int64_t qid, const std::string& action, const std::string& question_id,
                      const std::string& detail) {
  db_.prepare(
         "INSERT INTO questionnaire_events(questionnaire_id, at, actor, action, question_id, "
         "detail) VALUES (?,?,?,?,?,?)")
      .bind(1, qid)
      .bind(2, now_())
      .bind(3, actor_)
      .bind(4, action)
      .bind(5, question_id)
      .bind(6, detail)
      .run();
}

void Suppliers::set_status(const Questionnaire& q, QStatus next) {
  // Guarded by the status read: a concurrent change of the same questionnaire loses, not both.
  db_.prepare("UPDATE questionnaires SET status=?, updated_at=? WHERE id=? AND status=?")
      .bind(1, to_string(next))
      .bind(2, now_())
      .bind(3, q.id)
      .bind(4, to_string(q.status))
      .run();
  if (db_.changes() != 1)
    throw Invalid("", "この質問票は他の操作で変更されました。画面を再読み込みしてください。",
                  "The questionnaire changed meanwhile; reload it.", "conflict",
                  "the questionnaire changed meanwhile; reload it");
}

void Suppliers::set_answer(const Questionnaire& q, const std::string& question_id,
                           assess::Status st, const std::string& comment) {
  if (!has_question(q, question_id))
    throw std::out_of_range("question: " + question_id + " is not in this questionnaire");
  if (st == assess::Status::unanswered)
    throw Invalid(
        "status",
        "回答は一覧から選んでください（" +
            vocab::labels("status", {"implemented", "partial", "not_implemented", "not_applicable"},
                          "ja") +
            "）。",
        "Choose the answer from the list (" +
            vocab::labels("status", {"implemented", "partial", "not_implemented", "not_applicable"},
                          "en") +
            ").",
        "not_in_list", "status: choose implemented, partial, not_implemented or not_applicable");
  if (comment.size() > 20000) {
    throw Invalid("comment", "コメントが長すぎます（全角 6,600 文字程度まで）。",
                  "The comment is too long (at most 20000 bytes).", "too_long",
                  "comment: longer than 20000 bytes");
  }
  if (st == assess::Status::not_applicable && text::trim(comment).empty()) {
    throw Invalid("comment", "対象外とするときは、コメントに理由を入力してください。",
                  "Give the reason in the comment when it is not applicable.", "required",
                  "comment: a reason is required when the question is not applicable");
  }
  db_.transaction([&] {
    // The stored status, not the caller's copy: several answers may be saved in one go.
    auto fresh = questionnaire_by_id(q.id);
    if (!fresh) throw std::out_of_range("no questionnaire " + std::to_string(q.id));
    QStatus next = after_answer(fresh->status);
    auto cur = answers(q.id);
    auto it = cur.find(question_id);
    // The operator's review comment stays with the answer so the history shows what was fixed.
    std::string review = it == cur.end() ? "" : it->second.review_comment;
    db_.prepare("DELETE FROM questionnaire_answers WHERE questionnaire_id=? AND question_id=?")
        .bind(1, q.id)
        .bind(2, question_id)
        .run();
    db_.prepare(
           "INSERT INTO questionnaire_answers(questionnaire_id, question_id, status, comment, "
           "review_comment, updated_at, updated_by) "
           "VALUES (?,?,?,?,?,?,?)")
        .bind(1, q.id)
        .bind(2, question_id)
        .bind(3, assess::to_string(st))
        .bind(4, comment)
        .bind(5, review)
        .bind(6, now_())
        .bind(7, actor_)
        .run();
    if (next != fresh->status) set_status(*fresh, next);
    event(q.id, "answer", question_id, assess::to_string(st));
    json before = it == cur.end() ? json(nullptr)
                                  : json{{"status", assess::to_string(it->second.status)},
                                         {"comment", it->second.comment}};
    store::audit_append(db_, {actor_,
                              q.org_id,
                              "questionnaire_answer",
                              std::to_string(q.id) + ":" + question_id,
                              "update",
                              before,
                              {{"status", assess::to_string(st)}, {"comment", comment}}});
  });
}

void Suppliers::submit(const Questionnaire& q) {
  auto cur = answers(q.id);
  std::vector<std::string> missing;
  for (const auto& x : q.questions) {
    if (!cur.count(x.id)) missing.push_back(x.id);
  }
  check_submit(q.status, missing);
  db_.transaction([&] {
    set_status(q, QStatus::submitted);
    event(q.id, "submit", "", "");
    store::audit_append(db_, {actor_,
                              q.org_id,
                              "questionnaire",
                              std::to_string(q.id),
                              "submit",
                              {{"status", to_string(q.status)}},
                              {{"status", "submitted"}}});
  });
}

void Suppliers::review(const Questionnaire& q, Verdict v, const std::string& comment,
                       const std::map<std::string, std::string>& question_comments) {
  QStatus next = after_review(q.status, v);
  for (const auto& [id, c] : question_comments) {
    if (!has_question(q, id))
      throw Invalid("question", "質問 " + id + " はこの質問票にありません。",
                    "Question " + id + " is not in this questionnaire.", "not_found",
                    "question: " + id + " is not in this questionnaire");
    if (text::trim(c).empty())
      throw Invalid("rc_" + id, "質問 " + id + " へのコメントを入力してください。",
                    "Enter the comment for " + id + ".", "required",
                    "comment for " + id + ": must not be empty");
  }
  if (v == Verdict::ret && question_comments.empty() && text::trim(comment).empty()) {
    throw Invalid("comment",
                  "差戻しでは、直してほしい点をコメント（全体または質問ごと）に入力してください。",
                  "Say what to fix (a comment, or a comment per question).", "required",
                  "return: say what to fix (a comment, or a comment per question)");
  }
  db_.transaction([&] {
    set_status(q, next);
    for (const auto& [id, c] : question_comments) {
      db_.prepare(
             "UPDATE questionnaire_answers SET review_comment=? WHERE questionnaire_id=? AND "
             "question_id=?")
          .bind(1, c)
          .bind(2, q.id)
          .bind(3, id)
          .run();
      event(q.id, "review_comment", id, c);
    }
    event(q.id, to_string(v), "", comment);
    if (v != Verdict::ret) raise_risks(q, v == Verdict::accept);
    store::audit_append(db_, {actor_,
                              q.org_id,
                              "questionnaire",
                              std::to_string(q.id),
                              "review",
                              {{"status", to_string(q.status)}},
                              {{"status", to_string(next)},
                               {"comment", comment},
                               {"question_comments", question_comments}}});
  });
}

}  // namespace anzen::supplier
