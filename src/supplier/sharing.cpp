// Answer once, share with many: a maker keeps its accepted maker-column questionnaire as a
// versioned snapshot and shares it read-only with operators it chooses; every read is logged.
#include <stdexcept>

#include "common/invalid.h"
#include "common/vocabulary.h"
#include "store/audit.h"
#include "supplier/codec.h"
#include "supplier/service.h"

namespace anzen::supplier {
using nlohmann::json;

namespace {
Snapshot read_snapshot(store::Stmt& st) {
  return {st.i64(0), st.i64(1), st.i64(2), static_cast<int>(st.i64(3)), json::parse(st.str(4)),
          st.str(5)};
}
constexpr const char* kSnapCols = "id, maker_org_id, questionnaire_id, version, doc, created_at";
}  // namespace

Snapshot Suppliers::take_snapshot(int64_t maker_org, int64_t questionnaire_id) {
  auto q = questionnaire(questionnaire_id, maker_org);
  // Only the maker the questionnaire is addressed to may keep it, not the operator who sent it.
  if (!q || q->org_id == maker_org)
    throw std::out_of_range("no questionnaire " + std::to_string(questionnaire_id) +
                            " addressed to this organisation");
  if (q->status != QStatus::accepted)
    throw Invalid("",
                  "控えとして保存できるのは承認された質問票だけです（この質問票は「" +
                      vocab::label_or_code("qstatus", to_string(q->status), "ja") + "」）。",
                  "Only an accepted questionnaire can be kept as a snapshot (this one is " +
                      vocab::label_or_code("qstatus", to_string(q->status), "en") + ").",
                  "wrong_state",
                  "only an accepted questionnaire can be kept as a snapshot (this one is " +
                      to_string(q->status) + ")");
  if (q->tmpl != "maker")
    throw Invalid(
        "", "共有できるのはメーカー等向けの様式の質問票だけです。",
        "Only the questionnaire of the makers' template is shared.", "wrong_template",
        "only the maker-column questionnaire (template maker) is shared; this one is " + q->tmpl);
  auto ans = answers(q->id);
  json questions = json::array();
  for (const auto& x : q->questions) {
    const auto& a = ans[x.id];
    json j = question_json(x);
    j["status"] = assess::to_string(a.status);
    j["comment"] = a.comment;
    questions.push_back(j);
  }
  Snapshot s;
  s.maker_org_id = maker_org;
  s.questionnaire_id = q->id;
  s.created_at = now_();
  db_.transaction([&] {
    auto v = db_.prepare(
        "SELECT COALESCE(MAX(version), 0) FROM supplier_snapshots WHERE maker_org_id=?");
    v.bind(1, maker_org);
    v.step();
    s.version = static_cast<int>(v.i64(0)) + 1;
    s.doc = {{"template", q->tmpl},
             {"version", s.version},
             {"accepted_questionnaire", q->id},
             {"questions", questions}};
    db_.prepare(
           "INSERT INTO supplier_snapshots(maker_org_id, questionnaire_id, version, doc, "
           "created_at) VALUES (?,?,?,?,?)")
        .bind(1, maker_org)
        .bind(2, q->id)
        .bind(3, s.version)
        .bind(4, s.doc.dump())
        .bind(5, s.created_at)
        .run();
    s.id = db_.last_insert_id();
    store::audit_append(db_, {actor_,
                              maker_org,
                              "snapshot",
                              std::to_string(s.id),
                              "create",
                              nullptr,
                              {{"questionnaire_id", q->id}, {"version", s.version}}});
  });
  return s;
}

std::vector<Snapshot> Suppliers::snapshots(int64_t maker_org) {
  auto st = db_.prepare(std::string("SELECT ") + kSnapCols +
                        " FROM supplier_snapshots WHERE maker_org_id=? ORDER BY version DESC");
  st.bind(1, maker_org);
  std::vector<Snapshot> out;
  while (st.step()) out.push_back(read_snapshot(st));
  return out;
}

Share Suppliers::share(int64_t maker_org, int64_t snapshot_id, int64_t operator_org) {
  auto st = db_.prepare("SELECT 1 FROM supplier_snapshots WHERE id=? AND maker_org_id=?");
  st.bind(1, snapshot_id).bind(2, maker_org);
  if (!st.step())
    throw std::out_of_range("no snapshot " + std::to_string(snapshot_id) + " of this organisation");
  auto o = db_.prepare("SELECT 1 FROM organizations WHERE id=?");
  o.bind(1, operator_org);
  if (!o.step() || operator_org == maker_org)
    throw Invalid("with", "ID " + std::to_string(operator_org) + " の他の組織はありません。",
                  "There is no other organisation " + std::to_string(operator_org) + ".",
                  "not_found", "with: no other organisation " + std::to_string(operator_org));
  Share s{0, snapshot_id, operator_org, now_(), actor_, std::nullopt};
  db_.transaction([&] {
    db_.prepare(
           "INSERT INTO snapshot_shares(snapshot_id, operator_org_id, granted_at, granted_by) "
           "VALUES (?,?,?,?)")
        .bind(1, snapshot_id)
        .bind(2, operator_org)
        .bind(3, s.granted_at)
        .bind(4, actor_)
        .run();
    s.id = db_.last_insert_id();
    store::audit_append(db_, {actor_,
                              maker_org,
                              "snapshot_share",
                              std::to_string(s.id),
                              "create",
                              nullptr,
                              {{"snapshot_id", snapshot_id}, {"operator_org_id", operator_org}}});
  });
  return s;
}

void Suppliers::revoke_share(int64_t maker_org, int64_t share_id) {
  db_.transaction([&] {
    db_.prepare(
           "UPDATE snapshot_shares SET revoked_at=? WHERE id=? AND revoked_at IS NULL AND "
           "snapshot_id IN "
           "(SELECT id FROM supplier_snapshots WHERE maker_org_id=?)")
        .bind(1, now_())
        .bind(2, share_id)
        .bind(3, maker_org)
        .run();
    if (db_.changes() != 1)
      throw std::out_of_range("no live share " + std::to_string(share_id) +
                              " of this organisation");
    store::audit_append(db_, {actor_, maker_org, "snapshot_share", std::to_string(share_id),
                              "revoke", nullptr, nullptr});
  });
}

std::vector<Share> Suppliers::shares(int64_t maker_org) {
  auto st = db_.prepare(
      "SELECT s.id, s.snapshot_id, s.operator_org_id, s.granted_at, s.granted_by, s.revoked_at "
      "FROM snapshot_shares s "
      "JOIN supplier_snapshots n ON n.id=s.snapshot_id WHERE n.maker_org_id=? ORDER BY s.id");
  st.bind(1, maker_org);
  std::vector<Share> out;
  while (st.step())
    out.push_back({st.i64(0), st.i64(1), st.i64(2), st.str(3), st.str(4), st.opt_str(5)});
  return out;
}

std::optional<Snapshot> Suppliers::read_shared(int64_t operator_org, int64_t snapshot_id) {
  auto st = db_.prepare(
      "SELECT id FROM snapshot_shares WHERE snapshot_id=? AND operator_org_id=? AND revoked_at IS "
      "NULL ORDER BY id DESC");
  st.bind(1, snapshot_id).bind(2, operator_org);
  if (!st.step()) return std::nullopt;
  int64_t share_id = st.i64(0);
  auto sn = db_.prepare(std::string("SELECT ") + kSnapCols + " FROM supplier_snapshots WHERE id=?");
  sn.bind(1, snapshot_id);
  if (!sn.step()) return std::nullopt;
  Snapshot s = read_snapshot(sn);
  db_.transaction([&] {
    db_.prepare("INSERT INTO snapshot_reads(share_id, reader, at) VALUES (?,?,?)")
        .bind(1, share_id)
        .bind(2, actor_)
        .bind(3, now_())
        .run();
    store::audit_append(db_, {actor_,
                              operator_org,
                              "snapshot",
                              std::to_string(snapshot_id),
                              "read",
                              nullptr,
                              {{"share_id", share_id}}});
  });
  return s;
}

std::vector<Snapshot> Suppliers::shared_with(int64_t operator_org) {
  auto st = db_.prepare(std::string("SELECT ") + kSnapCols +
                        " FROM supplier_snapshots WHERE id IN (SELECT snapshot_id FROM "
                        "snapshot_shares WHERE operator_org_id=? AND "
                        "revoked_at IS NULL) ORDER BY id DESC");
  st.bind(1, operator_org);
  std::vector<Snapshot> out;
  while (st.step()) out.push_back(read_snapshot(st));
  return out;
}

std::vector<ShareRead> Suppliers::reads(int64_t maker_org) {
  auto st = db_.prepare(
      "SELECT r.share_id, s.snapshot_id, s.operator_org_id, r.reader, r.at FROM snapshot_reads r "
      "JOIN snapshot_shares s ON s.id=r.share_id JOIN supplier_snapshots n ON n.id=s.snapshot_id "
      "WHERE n.maker_org_id=? ORDER BY r.id");
  st.bind(1, maker_org);
  std::vector<ShareRead> out;
  while (st.step()) out.push_back({st.i64(0), st.i64(1), st.i64(2), st.str(3), st.str(4)});
  return out;
}

Questionnaire Suppliers::adopt(int64_t operator_org, int64_t supplier_id, int64_t snapshot_id) {
  auto sup = supplier(operator_org, supplier_id);
  if (!sup)
    throw std::out_of_range("no supplier " + std::to_string(supplier_id) + " in this organisation");
  auto snap = read_shared(operator_org, snapshot_id);
  if (!snap)
    throw std::out_of_range("no snapshot " + std::to_string(snapshot_id) +
                            " shared with this organisation");
  if (!sup->maker_org_id || *sup->maker_org_id != snap->maker_org_id) {
    throw Invalid("snapshot",
                  "控え（ID " + std::to_string(snapshot_id) + "）は委託先（ID " +
                      std::to_string(supplier_id) + "）の組織のものではありません。",
                  "Snapshot " + std::to_string(snapshot_id) + " is not from supplier " +
                      std::to_string(supplier_id) + "'s organisation.",
                  "conflict",
                  "snapshot " + std::to_string(snapshot_id) + " is not from supplier " +
                      std::to_string(supplier_id) + "'s organisation");
  }
  Questionnaire q;
  q.org_id = operator_org;
  q.supplier_id = supplier_id;
  q.tmpl = snap->doc.value("template", "maker");
  q.status = QStatus::accepted;
  q.snapshot_id = snapshot_id;
  q.created_at = q.updated_at = now_();
  json qs = json::array();
  for (const auto& x : snap->doc["questions"]) {
    q.questions.push_back(question_from(x));
    qs.push_back(question_json(q.questions.back()));
  }
  db_.transaction([&] {
    db_.prepare(
           "INSERT INTO questionnaires(org_id, supplier_id, template, questions, status, due, "
           "snapshot_id, created_at, updated_at) "
           "VALUES (?,?,?,?,?,?,?,?,?)")
        .bind(1, operator_org)
        .bind(2, supplier_id)
        .bind(3, q.tmpl)
        .bind(4, qs.dump())
        .bind(5, to_string(q.status))
        .bind(6, q.created_at.substr(0, 10))
        .bind(7, snapshot_id)
        .bind(8, q.created_at)
        .bind(9, q.updated_at)
        .run();
    q.id = db_.last_insert_id();
    q.due = q.created_at.substr(0, 10);
    for (const auto& x : snap->doc["questions"]) {
      db_.prepare(
             "INSERT INTO questionnaire_answers(questionnaire_id, question_id, status, comment, "
             "updated_at, updated_by) VALUES (?,?,?,?,?,?)")
          .bind(1, q.id)
          .bind(2, x.value("id", ""))
          .bind(3, x.value("status", "unanswered"))
          .bind(4, x.value("comment", ""))
          .bind(5, q.created_at)
          .bind(6, actor_)
          .run();
    }
    event(q.id, "adopt", "",
          "snapshot " + std::to_string(snapshot_id) + " v" + std::to_string(snap->version));
    store::audit_append(db_, {actor_,
                              operator_org,
                              "questionnaire",
                              std::to_string(q.id),
                              "adopt",
                              nullptr,
                              {{"snapshot_id", snapshot_id}, {"supplier_id", supplier_id}}});
    // Adopting is accepting: the maker's shortfalls become this operator's supplier risks.
    raise_risks(q, true);
  });
  return q;
}

}  // namespace anzen::supplier
