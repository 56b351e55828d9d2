#include "report/decisions.h"

#include <stdexcept>

#include "common/invalid.h"
#include "store/audit.h"

namespace anzen::report {
using nlohmann::json;

namespace {
const bool kRegistered = (store::register_migrations({{500, "statement of applicability and report texts", R"(
CREATE TABLE soa_decisions (
  assessment_id INTEGER NOT NULL REFERENCES assessments(id),
  item_id TEXT NOT NULL,
  adopted INTEGER NOT NULL CHECK (adopted IN (0, 1)),
  reason TEXT NOT NULL,
  location TEXT NOT NULL,
  decided_by TEXT NOT NULL,
  decided_at TEXT NOT NULL,
  PRIMARY KEY (assessment_id, item_id)
);
CREATE TABLE report_texts (
  assessment_id INTEGER NOT NULL REFERENCES assessments(id),
  report TEXT NOT NULL,
  section TEXT NOT NULL,
  text TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (assessment_id, report, section)
);
)"}}),
                           true);
}  // namespace

void Decisions::set_soa(const assess::Assessment& a, const catalog::Framework& fw, const std::string& item_id, const SoaDecision& d) {
  (void)kRegistered;
  if (!fw.find(item_id))
    throw Invalid("item", "項目 " + item_id + " はこの安全基準にありません。",
                  "Item " + item_id + " is not in this framework.", "not_found",
                  "item: no item '" + item_id + "' in " + fw.id);
  if (!d.adopted && d.reason.empty())
    throw Invalid("reason", "採用しない項目には不採用の理由を入力してください。",
                  "Say why the item is not adopted.", "required",
                  "reason: say why the item is not adopted (不採用の理由)");
  auto before = soa(a.id);
  json after = {{"adopted", d.adopted}, {"reason", d.reason}, {"location", d.location}};
  json prev = before.count(item_id) ? json{{"adopted", before[item_id].adopted}, {"reason", before[item_id].reason}, {"location", before[item_id].location}} : json();
  db_.transaction([&] {
    db_.prepare("INSERT OR REPLACE INTO soa_decisions VALUES (?,?,?,?,?,?,?)")
        .bind(1, a.id).bind(2, item_id).bind(3, d.adopted ? 1 : 0).bind(4, d.reason).bind(5, d.location).bind(6, actor_).bind(7, store::now_utc()).run();
    store::audit_append(db_, {actor_, a.org_id, "soa_decision", std::to_string(a.id) + ":" + item_id, prev.is_null() ? "create" : "update", prev, after});
  });
}

std::map<std::string, SoaDecision> Decisions::soa(int64_t assessment_id) {
  (void)kRegistered;
  std::map<std::string, SoaDecision> out;
  auto st = db_.prepare("SELECT item_id, adopted, reason, location, decided_by, decided_at FROM soa_decisions WHERE assessment_id=?");
  st.bind(1, assessment_id);
  while (st.step()) out[st.str(0)] = {st.i64(1) != 0, st.str(2), st.str(3), st.str(4), st.str(5)};
  return out;
}

void Decisions::set_text(const assess::Assessment& a, const std::string& report, const std::string& section, const std::string& text) {
  auto before = texts(a.id, report);
  json prev = before.count(section) ? json(before[section]) : json();
  db_.transaction([&] {
    if (text.empty()) {
      db_.prepare("DELETE FROM report_texts WHERE assessment_id=? AND report=? AND section=?").bind(1, a.id).bind(2, report).bind(3, section).run();
    } else {
      db_.prepare("INSERT OR REPLACE INTO report_texts VALUES (?,?,?,?,?,?)")
          .bind(1, a.id).bind(2, report).bind(3, section).bind(4, text).bind(5, actor_).bind(6, store::now_utc()).run();
    }
    store::audit_append(db_, {actor_, a.org_id, "report_text", std::to_string(a.id) + ":" + report + ":" + section, text.empty() ? "revert" : "edit", prev,
                              text.empty() ? json() : json(text)});
  });
}

std::map<std::string, std::string> Decisions::texts(int64_t assessment_id, const std::string& report) {
  (void)kRegistered;
  std::map<std::string, std::string> out;
  auto st = db_.prepare("SELECT section, text FROM report_texts WHERE assessment_id=? AND report=?");
  st.bind(1, assessment_id).bind(2, report);
  while (st.step()) out[st.str(0)] = st.str(1);
  return out;
}

}  // namespace anzen::report
