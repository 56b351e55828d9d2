// Register: putting right the record of a filed report, and a filing's one JSON shape.
#include "incident/register.h"

#include <stdexcept>

#include "common/clock.h"
#include "common/date.h"
#include "common/uuid.h"
#include "common/vocabulary.h"
#include "incident/classify.h"
#include "incident/timeline.h"
#include "store/audit.h"

namespace anzen::incident {
namespace {

using nlohmann::json;

std::string report_words(const Filing& f) {
  return f.form + " " + vocab::label_or_code("report", f.type, "ja") + " / " +
         vocab::label_or_code("report", f.type, "en");
}

std::string audit_id(const Filing& f) {
  return std::to_string(f.incident_id) + "/" + std::to_string(f.id);
}

}  // namespace

json to_json(const Filing& f) {
  json j = {{"id", f.id},
            {"incident", f.incident_id},
            {"kind", f.kind},
            {"report", f.type},
            {"form", f.form},
            {"filed_at", f.filed_at},
            {"filed_by", f.filed_by},
            {"reference", f.reference},
            {"recorded_at", f.recorded_at},
            {"recorded_by", f.recorded_by}};
  if (!f.evidence_name.empty())
    j["evidence"] = {
        {"name", f.evidence_name}, {"sha256", f.evidence_sha256}, {"bytes", f.evidence_size}};
  return j;
}

// The filing, or out_of_range (another organisation's filing is as absent as one that never
// existed).
Filing Register::filing(int64_t org_id, int64_t filing_id) {
  auto found = filings_of(org_id, std::nullopt, filing_id);
  if (found.empty()) throw std::out_of_range("no such filing");
  return found.front();
}

Filing Register::correct_filing(int64_t org_id, int64_t filing_id, const FilingCorrection& in,
                                Instant now) {
  store::Db& db = db_;
  const std::string& actor = actor_;
  Filing before = filing(org_id, filing_id);
  if (in.reason.empty())
    throw InvalidEvent("reason", "記録のどこが誤っていたか、訂正の理由を入力してください。",
                       "Say why the record was wrong.", "required", "say why the record was wrong");
  if (in.filed_at && *in.filed_at > now)
    throw InvalidEvent("filed_at", "提出日時が未来になっています。",
                       "The filing time is in the future.", "in_future", "is in the future");
  if (in.filed_by && in.filed_by->empty())
    throw InvalidEvent("filed_by", "提出者を入力してください。", "Enter who filed it.", "required",
                       "must not be empty");
  Filing after = before;
  if (in.filed_at) after.filed_at = format_jst(*in.filed_at);
  if (in.filed_by) after.filed_by = *in.filed_by;
  if (in.reference) after.reference = *in.reference;
  bool new_document = !in.evidence_name.empty();
  if (new_document) {
    after.evidence_name = in.evidence_name;
    after.evidence_sha256 = sha256_hex(in.evidence_content);
    after.evidence_size = static_cast<int64_t>(in.evidence_content.size());
  }
  if (after.filed_at == before.filed_at && after.filed_by == before.filed_by &&
      after.reference == before.reference && after.evidence_sha256 == before.evidence_sha256 &&
      after.evidence_name == before.evidence_name)
    throw InvalidEvent("filing", "訂正する内容がありません（すべて記録どおりです）。",
                       "Nothing to correct: every value is as recorded.", "unchanged",
                       "nothing to correct: every value is as recorded");

  db.transaction([&] {
    db.prepare(
          "UPDATE incident_filings SET filed_at=?, filed_by=?, reference=? WHERE id=? AND "
          "org_id=?")
        .bind(1, after.filed_at)
        .bind(2, after.filed_by)
        .bind(3, after.reference)
        .bind(4, filing_id)
        .bind(5, org_id)
        .run();
    if (new_document) {
      db.prepare(
            "UPDATE incident_filings SET evidence_name=?, evidence_sha256=?, "
            "evidence_size=?, evidence=? WHERE id=? AND org_id=?")
          .bind(1, after.evidence_name)
          .bind(2, after.evidence_sha256)
          .bind(3, after.evidence_size)
          .bind_blob(4, in.evidence_content)
          .bind(5, filing_id)
          .bind(6, org_id)
          .run();
    }
    std::string changes_ja, changes_en;
    auto change = [&](const std::string& ja, const std::string& en, const std::string& was,
                      const std::string& now_is, bool time) {
      if (was == now_is) return;
      auto shown = [&](const std::string& v, const char* lang) {
        return v.empty() ? std::string(*lang == 'j' ? "（なし）" : "(none)")
               : time    ? date::display_time(v, lang)
                         : v;
      };
      changes_ja += (changes_ja.empty() ? "" : "、") + ja + " " + shown(was, "ja") + " → " +
                    shown(now_is, "ja");
      changes_en += (changes_en.empty() ? "" : ", ") + en + " " + shown(was, "en") + " → " +
                    shown(now_is, "en");
    };
    change("提出日時", "filed at", before.filed_at, after.filed_at, true);
    change("提出者", "filed by", before.filed_by, after.filed_by, false);
    change("受付番号", "reference", before.reference, after.reference, false);
    if (new_document)
      change("提出文書", "document", before.evidence_name,
             after.evidence_name + " (" + after.evidence_sha256.substr(0, 12) + ")", false);
    add_timeline(db, before.incident_id, now, actor,
                 "報告の提出記録を訂正 / filing record corrected: " + report_words(before) + "（" +
                     changes_ja + "。理由: " + in.reason + "） / (" + changes_en +
                     ". Reason: " + in.reason + ")");
    json b = to_json(before), a = to_json(after);
    a["reason"] = in.reason;
    store::audit_append(db, {actor, org_id, "incident_report", audit_id(before), "correct", b, a});
  });
  return filing(org_id, filing_id);
}

Filing Register::withdraw_filing(int64_t org_id, int64_t filing_id, const std::string& reason,
                                 Instant now) {
  store::Db& db = db_;
  const std::string& actor = actor_;
  Filing before = filing(org_id, filing_id);
  if (reason.empty())
    throw InvalidEvent("reason", "取り消す理由を入力してください。",
                       "Say why the filing is withdrawn.", "required",
                       "say why the filing is withdrawn");
  db.transaction([&] {
    db.prepare("DELETE FROM incident_filings WHERE id=? AND org_id=?")
        .bind(1, filing_id)
        .bind(2, org_id)
        .run();
    add_timeline(db, before.incident_id, now, actor,
                 "報告の提出記録を取消（未提出に戻す） / filing withdrawn (due again): " +
                     report_words(before) + "（" + date::display_time(before.filed_at, "ja") +
                     "、理由: " + reason + "） / (" + date::display_time(before.filed_at, "en") +
                     ", reason: " + reason + ")");
    json b = to_json(before);
    store::audit_append(db, {actor, org_id, "incident_report", audit_id(before), "withdraw", b,
                             json{{"reason", reason}}});
  });
  return before;
}

}  // namespace anzen::incident
