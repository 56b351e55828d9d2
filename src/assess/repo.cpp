#include "assess/repo.h"

#include <limits>

#include "common/file_name.h"

#include <regex>
#include <set>
#include <stdexcept>

#include "assess/maturity.h"
#include "assess/multi_insert.h"
#include "assess/stored_score.h"
#include "common/date.h"
#include "common/invalid.h"
#include "common/uuid.h"
#include "common/vocabulary.h"
#include "store/audit.h"

namespace anzen::assess {
using nlohmann::json;

namespace {
const bool kRegistered = (store::register_migrations({{100, "organizations and assessments", R"(
CREATE TABLE organizations (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('operator_registered','operator_notified','maker')),
  services TEXT NOT NULL DEFAULT '[]',
  users INTEGER,
  prefectures TEXT NOT NULL DEFAULT '[]',
  created_at TEXT NOT NULL
);
CREATE TABLE assessments (
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL REFERENCES organizations(id),
  framework TEXT NOT NULL,
  framework_version TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('operator','maker')),
  period TEXT NOT NULL,
  scope TEXT NOT NULL DEFAULT '',
  previous_id INTEGER REFERENCES assessments(id),
  created_at TEXT NOT NULL
);
CREATE INDEX assessments_org ON assessments(org_id, period);
CREATE TABLE answers (
  assessment_id INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
  question_id TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('implemented','partial','not_implemented','not_applicable','unanswered')),
  na_reason TEXT NOT NULL DEFAULT '',
  maturity INTEGER,
  owner TEXT NOT NULL DEFAULT '',
  due TEXT NOT NULL DEFAULT '',
  comment TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  PRIMARY KEY (assessment_id, question_id),
  CHECK (status <> 'not_applicable' OR na_reason <> '')
);
CREATE TABLE answer_history (
  id INTEGER PRIMARY KEY,
  assessment_id INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
  question_id TEXT NOT NULL,
  field TEXT NOT NULL,
  old_value TEXT NOT NULL,
  new_value TEXT NOT NULL,
  at TEXT NOT NULL,
  actor TEXT NOT NULL
);
CREATE INDEX answer_history_q ON answer_history(assessment_id, question_id);
)"},
                                                      {101, "evidence", R"(
CREATE TABLE evidence (
  id INTEGER PRIMARY KEY,
  assessment_id INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
  question_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('file','url')),
  filename TEXT NOT NULL DEFAULT '',
  mime TEXT NOT NULL DEFAULT '',
  sha256 TEXT NOT NULL DEFAULT '',
  size INTEGER NOT NULL DEFAULT 0,
  content BLOB,
  url TEXT NOT NULL DEFAULT '',
  evidence_date TEXT NOT NULL DEFAULT '',
  expires_on TEXT NOT NULL DEFAULT '',
  uploaded_at TEXT NOT NULL,
  uploaded_by TEXT NOT NULL
);
CREATE INDEX evidence_q ON evidence(assessment_id, question_id);
)"},
                                                      {120, "designated operator flag", R"(
ALTER TABLE organizations ADD COLUMN designated_operator INTEGER NOT NULL DEFAULT 0;
)"}}),
                          true);

json answer_json(const Answer& a) {
  return {{"status", to_string(a.status)}, {"na_reason", a.na_reason},
          {"maturity", a.maturity ? json(*a.maturity) : json()}, {"owner", a.owner},
          {"due", a.due}, {"comment", a.comment}};
}

Organization read_org(store::Stmt& st) {
  Organization o;
  o.id = st.i64(0);
  o.name = st.str(1);
  o.kind = st.str(2);
  o.services = json::parse(st.str(3)).get<std::vector<std::string>>();
  o.users = st.opt_i64(4);
  o.prefectures = json::parse(st.str(5)).get<std::vector<std::string>>();
  o.designated_operator = st.i64(6) != 0;
  return o;
}

Assessment read_assessment(store::Stmt& st) {
  Assessment a;
  a.id = st.i64(0);
  a.org_id = st.i64(1);
  a.framework = st.str(2);
  a.framework_version = st.str(3);
  a.role = st.str(4);
  a.period = st.str(5);
  a.scope = st.str(6);
  a.previous_id = st.opt_i64(7);
  a.created_at = st.str(8);
  return a;
}
constexpr const char* kAssessCols =
    "id, org_id, framework, framework_version, role, period, scope, previous_id, created_at";

Evidence read_evidence(store::Stmt& st) {
  Evidence e;
  e.id = st.i64(0);
  e.question_id = st.str(1);
  e.kind = st.str(2);
  e.filename = st.str(3);
  e.mime = st.str(4);
  e.sha256 = st.str(5);
  e.size = st.i64(6);
  e.url = st.str(7);
  e.evidence_date = st.str(8);
  e.expires_on = st.str(9);
  e.uploaded_at = st.str(10);
  e.uploaded_by = st.str(11);
  return e;
}
[[noreturn]] void no_org(int64_t id) {
  throw Invalid("org", "ID " + std::to_string(id) + " の組織はありません。",
                "There is no organisation " + std::to_string(id) + ".", "not_found",
                "org: no organisation with id " + std::to_string(id));
}
void check_service(const std::string& s) {
  if (valid_service(s)) return;
  const auto all = vocab::codes("service");
  throw Invalid(
      "services",
      "役務の区分は一覧から選んでください（" + vocab::labels("service", all, "ja") + "）。",
      "Choose the services from the list (" + vocab::labels("service", all, "en") + ").",
      "not_in_list", "services: unknown service '" + s + "'");
}
constexpr const char* kEvidenceCols =
    "id, question_id, kind, filename, mime, sha256, size, url, evidence_date, expires_on, uploaded_at, uploaded_by";
}  // namespace

Organization AssessRepo::create_org(Organization o) {
  (void)kRegistered;
  if (o.name.empty())
    throw Invalid("name", "名称を入力してください。", "Enter the name.", "required",
                  "name: must not be empty");
  if (!valid_org_kind(o.kind)) {
    const auto kinds = vocab::codes("orgkind");
    throw Invalid(
        "kind",
        "事業者の種別は一覧から選んでください（" + vocab::labels("orgkind", kinds, "ja") + "）。",
        "Choose the kind of organisation from the list (" + vocab::labels("orgkind", kinds, "en") +
            ").",
        "not_in_list",
        "kind: '" + o.kind + "' is not operator_registered, operator_notified or maker");
  }
  for (const auto& s : o.services) check_service(s);
  db_.transaction([&] {
    db_.prepare(
           "INSERT INTO organizations(name, kind, services, users, prefectures, created_at) VALUES "
           "(?,?,?,?,?,?)")
        .bind(1, o.name)
        .bind(2, o.kind)
        .bind(3, json(o.services).dump())
        .bind(4, o.users)
        .bind(5, json(o.prefectures).dump())
        .bind(6, now())
        .run();
    o.id = db_.last_insert_id();
    store::audit_append(db_, {actor_, o.id, "organization", std::to_string(o.id), "create", nullptr,
                              {{"name", o.name}, {"kind", o.kind}, {"services", o.services}}});
  });
  return o;
}

std::optional<Organization> AssessRepo::org(int64_t id) {
  auto st = db_.prepare(
      "SELECT id, name, kind, services, users, prefectures, designated_operator FROM organizations "
      "WHERE id=?");
  st.bind(1, id);
  if (!st.step()) return std::nullopt;
  return read_org(st);
}

Organization AssessRepo::update_org(const Organization& o) {
  auto before = org(o.id);
  if (!before) no_org(o.id);
  if (o.name.empty())
    throw Invalid("name", "名称を入力してください。", "Enter the name.", "required",
                  "name: must not be empty");
  for (const auto& sv : o.services) check_service(sv);
  db_.transaction([&] {
    db_.prepare(
           "UPDATE organizations SET name=?, services=?, users=?, prefectures=?, "
           "designated_operator=? WHERE id=?")
        .bind(1, o.name)
        .bind(2, json(o.services).dump())
        .bind(3, o.users)
        .bind(4, json(o.prefectures).dump())
        .bind(5, int64_t{o.designated_operator})
        .bind(6, o.id)
        .run();
    store::audit_append(db_, {actor_,
                              o.id,
                              "organization",
                              std::to_string(o.id),
                              "update",
                              {{"name", before->name},
                               {"services", before->services},
                               {"users", before->users ? json(*before->users) : json()},
                               {"prefectures", before->prefectures},
                               {"designated_operator", before->designated_operator}},
                              {{"name", o.name},
                               {"services", o.services},
                               {"users", o.users ? json(*o.users) : json()},
                               {"prefectures", o.prefectures},
                               {"designated_operator", o.designated_operator}}});
  });
  return *org(o.id);
}

std::vector<Organization> AssessRepo::orgs() {
  std::vector<Organization> out;
  auto st = db_.prepare(
      "SELECT id, name, kind, services, users, prefectures, designated_operator FROM organizations "
      "ORDER BY id");
  while (st.step()) out.push_back(read_org(st));
  return out;
}

Assessment AssessRepo::create(int64_t org_id, const catalog::Framework& fw, const std::string& role,
                              const std::string& period, const std::string& scope) {
  if (!org(org_id)) no_org(org_id);
  if (role != "operator" && role != "maker") {
    const std::vector<std::string> roles = {"operator", "maker"};
    throw Invalid(
        "role",
        "立場は一覧から選んでください（" + vocab::labels("industryrole", roles, "ja") + "）。",
        "Choose the role from the list (" + vocab::labels("industryrole", roles, "en") + ").",
        "not_in_list", "role: expected operator or maker, got '" + role + "'");
  }
  if (!valid_period(period)) {
    throw Invalid("period", "年度は FY2026 のように FY と西暦で入力してください。",
                  "Enter the period as FY and the year, e.g. FY2026.", "invalid",
                  "period: expected FY followed by the year, e.g. FY2026, got '" + period + "'");
  }
  Assessment a;
  db_.transaction([&] {
    db_.prepare(
           "INSERT INTO assessments(org_id, framework, framework_version, role, period, scope, "
           "created_at) VALUES (?,?,?,?,?,?,?)")
        .bind(1, org_id)
        .bind(2, fw.id)
        .bind(3, fw.version)
        .bind(4, role)
        .bind(5, period)
        .bind(6, scope)
        .bind(7, now())
        .run();
    a = *get(db_.last_insert_id());
    store_score(db_, fw, a, {});
    store::audit_append(db_, {actor_, org_id, "assessment", std::to_string(a.id), "create", nullptr,
                              {{"framework", fw.key()}, {"role", role}, {"period", period}}});
  });
  return a;
}

std::optional<Assessment> AssessRepo::get(int64_t id, std::optional<int64_t> org_id) {
  auto st = db_.prepare(std::string("SELECT ") + kAssessCols + " FROM assessments WHERE id=?");
  st.bind(1, id);
  if (!st.step()) return std::nullopt;
  Assessment a = read_assessment(st);
  if (org_id && a.org_id != *org_id) return std::nullopt;
  return a;
}

std::vector<Assessment> AssessRepo::list(std::optional<int64_t> org_id) {
  std::vector<Assessment> out;
  auto st = db_.prepare(std::string("SELECT ") + kAssessCols +
                        " FROM assessments WHERE (?1 IS NULL OR org_id=?1) ORDER BY period, id");
  st.bind(1, org_id);
  while (st.step()) out.push_back(read_assessment(st));
  return out;
}

AnswerMap AssessRepo::answers(int64_t aid, const std::string& qid) {
  auto st = answers_read(aid, qid);
  return read_answers(st);
}

store::Stmt AssessRepo::answers_read(int64_t aid, const std::string& qid) {
  // One question by its whole key, or the sheet: two statements, so that a single row is found
  // through the primary key (with `?2='' OR question_id=?2` the sheet was scanned for it).
  constexpr const char* kCols =
      "SELECT question_id, status, na_reason, maturity, owner, due, comment, updated_at, "
      "updated_by FROM answers WHERE assessment_id=?";
  auto st = db_.prepare(qid.empty() ? std::string(kCols) : std::string(kCols) + " AND question_id=?");
  st.bind(1, aid);
  if (!qid.empty()) st.bind(2, qid);
  return st;
}

AnswerMap AssessRepo::read_answers(store::Stmt& st) {
  AnswerMap out;
  while (st.step()) {
    Answer a;
    a.question_id = st.str(0);
    a.status = status_from(st.str(1)).value_or(Status::unanswered);
    a.na_reason = st.str(2);
    if (!st.is_null(3)) a.maturity = static_cast<int>(st.i64(3));
    a.owner = st.str(4);
    a.due = st.str(5);
    a.comment = st.str(6);
    a.updated_at = st.str(7);
    a.updated_by = st.str(8);
    out[a.question_id] = a;
  }
  return out;
}

void check_answer(Answer& next, const catalog::Framework& fw, int max_maturity) {
  if (!fw.question(next.question_id)) {
    throw Invalid("question", "確認項目 " + next.question_id + " はこの安全基準にありません。",
                  "Question " + next.question_id + " is not in this framework.", "not_found",
                  "question: '" + next.question_id + "' is not a question of " + fw.id);
  }
  if (next.status == Status::not_applicable && next.na_reason.empty()) {
    throw Invalid("na_reason", "対象外を選ぶときは理由を入力してください。",
                  "Give the reason when it is not applicable.", "required",
                  "na_reason: a reason is required when the status is not applicable (対象外)");
  }
  if (next.maturity && (*next.maturity < 0 || *next.maturity > max_maturity)) {
    throw Invalid(
        "maturity", "成熟度は 0〜" + std::to_string(max_maturity) + " の段階から選んでください。",
        "Choose a maturity level from 0 to " + std::to_string(max_maturity) + ".", "out_of_range",
        "maturity: expected a level 0-" + std::to_string(max_maturity) +
            " of the maturity scale, got " + std::to_string(*next.maturity));
  }
  next.due = date::require("due (期限)", next.due);
}

AnswerMap AssessRepo::answers_to_change(int64_t aid, const std::vector<std::string>& qids) {
  return qids.size() == 1 ? answers(aid, qids.front()) : answers(aid);
}

store::Stmt AssessRepo::start_answers_to_change(int64_t aid, const std::vector<std::string>& qids) {
  auto st = answers_read(aid, qids.size() == 1 ? qids.front() : "");
  st.start();
  return st;
}

bool AssessRepo::set_answer(const Assessment& as, const catalog::Framework& fw, Answer next) {
  return set_answers(as, fw, {std::move(next)}) > 0;
}

int AssessRepo::set_answers(const Assessment& as, const catalog::Framework& fw,
                            std::vector<Answer> next) {
  std::set<std::string> seen;
  for (auto& n : next) {
    // Any scale starts at 0; the scale's top level is the service's to check (AssessService).
    check_answer(n, fw, std::numeric_limits<int>::max());
    if (!seen.insert(n.question_id).second)
      throw Invalid("question", "確認項目 " + n.question_id + " が 2 回指定されています。",
                    "Question " + n.question_id + " is given twice.", "duplicate",
                    "question: '" + n.question_id + "' given twice");
  }
  if (next.empty()) return 0;
  int changed = 0;
  db_.transaction([&] {
    std::vector<std::string> qids;
    for (const auto& n : next) qids.push_back(n.question_id);
    AnswerMap current = answers_to_change(as.id, qids);
    std::vector<std::pair<Answer, Answer>> changes;
    for (auto& n : next) {
      Answer prev;
      prev.question_id = n.question_id;
      if (auto it = current.find(n.question_id); it != current.end()) prev = it->second;
      changes.emplace_back(std::move(prev), std::move(n));
    }
    for (bool c : store_answers(as, fw, changes)) changed += c ? 1 : 0;
  });
  return changed;
}

std::vector<bool> AssessRepo::store_answers(const Assessment& as, const catalog::Framework& fw,
                                            std::vector<std::pair<Answer, Answer>>& changes) {
  std::vector<bool> changed(changes.size(), false);
  db_.transaction([&] {
    std::vector<size_t> saved;  // indexes into changes
    std::vector<detail::HistoryRow> history;  // views into `changes` and the `after` keys
    std::vector<store::AuditEntry> audit;
    for (size_t i = 0; i < changes.size(); ++i) {
      const auto& [prev, n] = changes[i];
      json before = answer_json(prev), after = answer_json(n);
      if (before == after) continue;
      for (const auto& [k, v] : after.items()) {
        if (before[k] == v) continue;
        auto s = [](const json& j) {
          return j.is_string() ? j.get<std::string>() : j.is_null() ? "" : j.dump();
        };
        history.push_back({n.question_id, k, s(before[k]), s(v)});
      }
      audit.push_back({actor_, as.org_id, "answer", std::to_string(as.id) + ":" + n.question_id,
                       "update", std::move(before), std::move(after)});
      saved.push_back(i);
      changed[i] = true;
    }
    if (saved.empty()) return;
    detail::store_changes(db_, as.id, changes, saved, history, now(), actor_);
    store::audit_append_all(db_, audit);
    // The stored score moves with the answers, in the same transaction: one answer by its
    // difference, a batch from the saved sheet.
    if (saved.size() == 1) {
      const auto& [prev, n] = changes[saved[0]];
      update_stored_score(db_, fw, as, &prev, n);
    } else {
      store_score(db_, fw, as, answers(as.id));
    }
  });
  return changed;
}

std::vector<HistoryEntry> AssessRepo::history(int64_t aid, const std::string& qid) {
  std::vector<HistoryEntry> out;
  auto st = db_.prepare(
      "SELECT question_id, field, old_value, new_value, at, actor FROM answer_history WHERE assessment_id=? AND (?2='' OR question_id=?2) ORDER BY id DESC");
  st.bind(1, aid).bind(2, qid);
  while (st.step()) {
    std::string q = st.str(0), at = st.str(4), actor = st.str(5);
    for (auto& c : detail::unpack_history(st.str(1), st.str(2), st.str(3)))
      out.push_back(
          {q, std::move(c.field), std::move(c.old_value), std::move(c.new_value), at, actor});
  }
  return out;
}

Evidence AssessRepo::add_file(const Assessment& a, const std::string& qid, const std::string& filename,
                              const std::string& mime, const std::string& bytes, const std::string& evidence_date_in,
                              const std::string& expires_on_in) {
  if (filename.empty()) {
    throw Invalid("file", "ファイルを選んでください。", "Choose a file.", "required",
                  "file: a file name is required");
  }
  // The name is stored as a plain name and the type is ours (from the extension), never the
  // uploader's: a crafted name or type must not reach another user's download.
  const std::string name = safe_file_name(filename);
  const std::string type = download_type(name);
  (void)mime;
  std::string evidence_date = date::require("evidence_date (証跡の日付)", evidence_date_in);
  std::string expires_on = date::require("expires_on (有効期限)", expires_on_in);
  std::string sha = sha256_hex(bytes);
  int64_t id = 0;
  db_.transaction([&] {
    db_.prepare(
           "INSERT INTO evidence(assessment_id, question_id, kind, filename, mime, sha256, size, "
           "content, evidence_date, expires_on, uploaded_at, uploaded_by) VALUES "
           "(?,?,'file',?,?,?,?,?,?,?,?,?)")
        .bind(1, a.id)
        .bind(2, qid)
        .bind(3, name)
        .bind(4, type)
        .bind(5, sha)
        .bind(6, static_cast<int64_t>(bytes.size()))
        .bind_blob(7, bytes)
        .bind(8, evidence_date)
        .bind(9, expires_on)
        .bind(10, now())
        .bind(11, actor_)
        .run();
    id = db_.last_insert_id();
    store::audit_append(db_, {actor_, a.org_id, "evidence", std::to_string(id), "create", nullptr,
                              {{"question", qid}, {"file", name}, {"sha256", sha}, {"size", bytes.size()}}});
  });
  return evidence_file(a.id, id)->first;
}

Evidence AssessRepo::add_url(const Assessment& a, const std::string& qid, const std::string& url,
                             const std::string& evidence_date_in, const std::string& expires_on_in) {
  static const std::regex kUrl("^https?://\\S+$");
  if (!std::regex_match(url, kUrl)) {
    throw Invalid("url", "http:// または https:// で始まる URL を入力してください。",
                  "Enter an address starting with http:// or https://.", "invalid",
                  "url: expected http:// or https:// address, got '" + url + "'");
  }
  std::string evidence_date = date::require("evidence_date (証跡の日付)", evidence_date_in);
  std::string expires_on = date::require("expires_on (有効期限)", expires_on_in);
  int64_t id = 0;
  db_.transaction([&] {
    db_.prepare(
           "INSERT INTO evidence(assessment_id, question_id, kind, url, evidence_date, expires_on, "
           "uploaded_at, uploaded_by) VALUES (?,?,'url',?,?,?,?,?)")
        .bind(1, a.id)
        .bind(2, qid)
        .bind(3, url)
        .bind(4, evidence_date)
        .bind(5, expires_on)
        .bind(6, now())
        .bind(7, actor_)
        .run();
    id = db_.last_insert_id();
    store::audit_append(db_, {actor_, a.org_id, "evidence", std::to_string(id), "create", nullptr, {{"question", qid}, {"url", url}}});
  });
  for (auto& e : evidence(a.id, qid)) if (e.id == id) return e;
  throw std::logic_error("evidence vanished");
}

std::vector<Evidence> AssessRepo::evidence(int64_t aid, const std::string& qid) {
  std::vector<Evidence> out;
  auto st = db_.prepare(std::string("SELECT ") + kEvidenceCols + " FROM evidence WHERE assessment_id=? AND (?2='' OR question_id=?2) ORDER BY id");
  st.bind(1, aid).bind(2, qid);
  while (st.step()) out.push_back(read_evidence(st));
  return out;
}

std::optional<std::pair<Evidence, std::string>> AssessRepo::evidence_file(int64_t aid, int64_t eid) {
  auto st = db_.prepare(std::string("SELECT ") + kEvidenceCols + ", content FROM evidence WHERE assessment_id=? AND id=?");
  st.bind(1, aid).bind(2, eid);
  if (!st.step()) return std::nullopt;
  return std::make_pair(read_evidence(st), st.str(12));
}

Assessment AssessRepo::next_period(const Assessment& prev, const catalog::Framework& fw, const std::string& period,
                                   bool reset_status, const std::string& today) {
  Assessment next;
  db_.transaction([&] {
    next = create(prev.org_id, fw, prev.role, period, prev.scope);
    db_.prepare("UPDATE assessments SET previous_id=? WHERE id=?").bind(1, prev.id).bind(2, next.id).run();
    next.previous_id = prev.id;
    std::vector<Answer> carried;
    for (auto [qid, a] : answers(prev.id)) {
      if (!fw.question(qid)) continue;  // the newer edition dropped the question
      if (reset_status) {
        a.status = Status::unanswered;
        a.na_reason.clear();
        a.maturity.reset();
      }
      carried.push_back(std::move(a));
    }
    set_answers(next, fw, std::move(carried));
    // Evidence still valid on `today` carries over (same bytes, same hash).
    db_.prepare(
          "INSERT INTO evidence(assessment_id, question_id, kind, filename, mime, sha256, size, content, url, evidence_date, expires_on, uploaded_at, uploaded_by) "
          "SELECT ?, question_id, kind, filename, mime, sha256, size, content, url, evidence_date, expires_on, uploaded_at, uploaded_by "
          "FROM evidence WHERE assessment_id=? AND (expires_on='' OR expires_on>=?)")
        .bind(1, next.id).bind(2, prev.id).bind(3, today).run();
    store::audit_append(db_, {actor_, prev.org_id, "assessment", std::to_string(next.id), "next-period",
                              {{"from", prev.id}}, {{"period", period}, {"reset_status", reset_status}}});
  });
  return next;
}

int status_rank(Status s) {
  switch (s) {
    case Status::implemented: return 3;
    case Status::partial: return 2;
    case Status::not_implemented: return 1;
    default: return 0;
  }
}

std::vector<Change> compare(const catalog::Framework& fw, const AnswerMap& a, const AnswerMap& b) {
  std::vector<Change> out;
  for (const catalog::Item* c : fw.checks()) {
    for (const auto& q : c->questions) {
      auto ia = a.find(q.id);
      auto ib = b.find(q.id);
      Status sa = ia == a.end() ? Status::unanswered : ia->second.status;
      Status sb = ib == b.end() ? Status::unanswered : ib->second.status;
      std::string kind;
      if (sa == Status::unanswered && sb != Status::unanswered) kind = "new";
      else if (status_rank(sb) > status_rank(sa)) kind = "improved";
      else if (status_rank(sb) < status_rank(sa) && sb != Status::not_applicable) kind = "regressed";
      else kind = "unchanged";
      out.push_back({q.id, kind, sa, sb});
    }
  }
  return out;
}

}  // namespace anzen::assess
