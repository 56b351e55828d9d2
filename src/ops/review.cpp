#include "ops/review.h"

#include "common/invalid.h"
#include "common/text.h"
#include "common/vocabulary.h"
#include "common/xlsx_table.h"
#include "report/pdf.h"

namespace anzen::ops {
using nlohmann::json;

namespace {
// 2026年10月22日 08:24 (JST) for an ISO time; the text as given when it is not one.
std::string jp_datetime(const std::string& iso) {
  auto t = incident::parse_instant(iso);
  if (!t) return iso;
  incident::Date d = incident::jst_date(*t);
  int64_t minute = ((*t + 9 * 3600) % 86400) / 60;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%d年%d月%d日 %02d:%02d", d.y, d.m, d.d,
                static_cast<int>(minute / 60), static_cast<int>(minute % 60));
  return buf;
}

// 120000 → "120,000 人"
std::string jp_persons(int64_t n) {
  std::string s = std::to_string(n);
  for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3) s.insert(static_cast<size_t>(i), ",");
  return s + " 人";
}

std::string text_of(const json& j) {
  if (j.is_null()) return "";
  if (j.is_string()) return j.get<std::string>();
  return j.dump();
}
}  // namespace

ReviewDraft review_draft(const incident::Incident& i) {
  if (i.event.value("event_type", "") != "priority_restriction") {
    throw Invalid("id",
                  "この電気通信事故（ID " + std::to_string(i.id) + "）は「" +
                      vocab::label_or_code("event", "priority_restriction", "ja") +
                      "」ではないため、分析・検証の報告書は作れません。",
                  "Accident " + std::to_string(i.id) + " is not a “" +
                      vocab::label_or_code("event", "priority_restriction", "en") + "”.",
                  "invalid",
                  "incident " + std::to_string(i.id) +
                      " is not a traffic restriction (event_type priority_restriction)");
  }
  const json r = i.details.value("restriction", json::object());
  const json& ev = i.event;
  ReviewDraft d;
  d.title = i.title;
  std::string kinds, due;
  for (const auto& c : i.classification["classifications"]) {
    kinds += (kinds.empty() ? "" : "・") + c["label"]["ja"].get<std::string>() + "（" +
             c["rule"].get<std::string>() + "）";
    for (const auto& rep : c["reports"]) {
      if (rep["type"] == "review" && rep["due"].is_string()) due = rep["due"].get<std::string>();
    }
  }
  d.due = due;
  int64_t minutes = i.classification.value("duration_minutes", 0);
  std::string share =
      r.contains("share") && r["share"].is_number() ? text::percent(r["share"].get<double>()) : "";
  d.items = {
      {"報告者（電気通信事業者）", "Operator", ""},
      {"対象となる電気通信役務", "Service concerned", text_of(r.value("service", json()))},
      {"通信の制限の開始日時", "Restriction started",
       jp_datetime(text_of(ev.value("started_at", json())))},
      {"通信の制限の終了日時", "Restriction ended",
       ev.value("ended_at", json()).is_null() ? "継続中 / ongoing"
                                              : jp_datetime(text_of(ev["ended_at"]))},
      {"制限の継続時間", "Duration",
       std::to_string(minutes / 60) + " 時間 " + std::to_string(minutes % 60) + " 分"},
      {"制限を受けた利用者の数", "Users restricted",
       ev.value("affected_users", json()).is_number()
           ? jp_persons(ev["affected_users"].get<int64_t>())
           : ""},
      {"制限した通信の割合", "Share of traffic restricted", share},
      {"予見できない理由による制限か", "Restricted for unforeseen reasons",
       ev.value("restriction_unforeseen", false) ? "はい / yes" : "いいえ / no"},
      {"制限の理由（原因）", "Reason (cause)", text_of(r.value("reason", json()))},
      {"判定（根拠規定）", "Classification (rule)", kinds},
      {"トラヒックの分析（事業者が記入）", "Traffic analysis (to be written by the operator)", ""},
      {"制限が必要最小限であったことの検証（施行規則第56条第2項、事業者が記入）",
       "Review that the restriction was the minimum necessary (Ordinance Art. 56(2); to be written "
       "by the operator)",
       ""},
      {"再発防止・設備増強等の措置（事業者が記入）",
       "Measures: prevention, capacity (to be written by the operator)",
       text_of(i.details.value("actions", json()))},
  };
  return d;
}

std::string review_pdf(const ReviewDraft& d, const std::string& lang) {
  bool en = lang == "en";
  report::Pdf pdf(en ? "Draft: traffic analysis and review"
                     : "通信の制限に係る分析・検証の報告（草案）");
  pdf.heading(en ? "Draft: traffic analysis and review (Form 26-3)"
                 : "通信の制限に係る分析・検証の報告（様式第26の3）草案",
              15);
  pdf.paragraph(d.title);
  if (!d.due.empty()) pdf.paragraph((en ? "Due: " : "提出期限: ") + d.due);
  pdf.paragraph(en ? "Items are our reading of Reporting Rules Art. 7-2(2); the values come from "
                     "the recorded restriction. Empty items are for the operator."
                   : "項目は電気通信事業報告規則第7条の2第2項に基づく当方の整理であり、値は記録され"
                     "た制限の記録から転記しています。空欄は事業者が記入してください。",
                8.5f, 0, "#555555");
  std::vector<std::vector<std::string>> rows;
  for (const auto& it : d.items)
    rows.push_back(
        {en ? it.en : it.ja, it.value.empty() ? (en ? "(to be written)" : "（記入）") : it.value});
  pdf.table({en ? "Item" : "項目", en ? "Content" : "内容"}, rows, {215, 300}, 9);
  return pdf.bytes();
}

std::string review_xlsx(const ReviewDraft& d, const std::string& lang) {
  bool en = lang == "en";
  std::vector<std::vector<std::string>> rows = {
      {en ? "Item" : "項目", en ? "Content" : "内容", en ? "Item (English)" : "項目（英語）"}};
  for (const auto& it : d.items) rows.push_back({it.ja, it.value, it.en});
  return xlsx_workbook_bytes({{en ? "Review draft" : "分析・検証草案", rows, {48, 48, 48}}});
}

}  // namespace anzen::ops
