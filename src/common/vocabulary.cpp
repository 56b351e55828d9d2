#include "common/vocabulary.h"

namespace anzen::vocab {

const std::vector<Term>& audit_terms();  // vocabulary_audit.cpp

namespace {
const std::vector<Term>& core_terms() {
  // Legal terms follow 電気通信事業法施行規則 第58条 (service categories) and 第57条 / 電気通信事業
  // 報告規則 (events and reports); the short labels and all English are ours.
  static const std::vector<Term> t = {
      {"status", "implemented", "実施済", "Implemented", ""},
      {"status", "partial", "一部実施", "Partial", ""},
      {"status", "not_implemented", "未実施", "Not implemented", ""},
      {"status", "not_applicable", "対象外", "Not applicable", ""},
      {"status", "unanswered", "未回答", "Unanswered", ""},
      {"docstatus", "implemented", "最新", "Up to date", ""},
      {"docstatus", "partial", "要更新", "Outdated", ""},
      {"docstatus", "not_implemented", "未作成", "Missing", ""},
      {"docstatus", "not_applicable", "対象外", "Not applicable", ""},
      {"docstatus", "unanswered", "未回答", "Unanswered", ""},
      {"planstatus", "planned", "計画", "Planned", ""},
      {"planstatus", "in_progress", "実施中", "In progress", ""},
      {"planstatus", "done", "完了", "Done", ""},
      {"planstatus", "cancelled", "中止", "Cancelled", ""},
      {"userrole", "admin", "管理者", "Administrator", ""},
      {"userrole", "assessor", "点検担当者", "Assessor", ""},
      {"userrole", "viewer", "閲覧者", "Viewer", ""},
      {"userrole", "auditor", "監査人", "Auditor", ""},
      {"orgkind", "operator_registered", "登録電気通信事業者", "Registered telecom operator", ""},
      {"orgkind", "operator_notified", "届出電気通信事業者", "Notified telecom operator", ""},
      {"orgkind", "maker", "メーカー等", "Equipment maker or contractor", ""},
      // The two roles the industry benchmark groups submitters by (plural: they name groups).
      {"industryrole", "operator", "電気通信事業者", "Telecom operators", ""},
      {"industryrole", "maker", "メーカー等", "Equipment makers and contractors", ""},
      // Where an operator's score falls among the sector's (quartiles of type 7).
      {"quartileband", "below_q1", "下位25%（第1四分位未満）", "bottom quarter (below Q1)", ""},
      {"quartileband", "q1_median", "25〜50%（第1四分位〜中央値）", "second quarter (Q1 to median)", ""},
      {"quartileband", "median_q3", "50〜75%（中央値〜第3四分位）", "third quarter (median to Q3)", ""},
      {"quartileband", "above_q3", "上位25%（第3四分位以上）", "top quarter (Q3 and above)", ""},
      {"service", "voice_emergency", "音声（緊急通報あり）", "Voice with emergency calls",
       "緊急通報を取り扱う音声伝送役務"},
      {"service", "voice_no_emergency", "音声（緊急通報なし）", "Voice without emergency calls",
       "緊急通報を取り扱わない音声伝送役務"},
      {"service", "mobile", "移動通信", "Mobile communications", ""},
      {"service", "lpwa", "LPWA", "LPWA", "セルラーLPWA・アンライセンスLPWAサービス"},
      {"service", "isp_data", "インターネット接続・データ通信", "Internet access and data", ""},
      {"service", "free_internet", "無料のインターネット関連サービス", "Free internet services",
       "利用者から料金を受けないインターネット関連サービス"},
      {"service", "cloud", "クラウドサービス", "Cloud services", ""},
      {"service", "other", "その他の役務", "Other services", "その他の電気通信役務"},
      {"event", "outage", "役務の提供の停止", "Service outage", ""},
      {"event", "quality_degradation", "品質の低下", "Quality degradation", ""},
      {"event", "non_telecom_facility_failure", "電気通信設備以外の設備の故障",
       "Failure of a non-telecom facility", ""},
      {"event", "secrecy_leak", "通信の秘密の漏えい", "Leak of communications secrecy", ""},
      {"event", "specified_user_info_leak", "特定利用者情報の漏えい",
       "Leak of specified user information", ""},
      {"event", "feared_event", "重大な事故が生ずるおそれがある事態",
       "Event that may lead to a serious accident", ""},
      {"event", "priority_restriction", "重要通信確保のための通信の制限",
       "Restriction to secure priority communications", ""},
      {"event", "facility_info_leak", "電気通信設備に関する情報の漏えい",
       "Leak of facility information", ""},
      {"facility", "important_satellite_submarine", "衛星・海底ケーブル等の重要な設備",
       "Satellite, submarine cable or equivalent important facility",
       "人工衛星、海底ケーブルその他これに準ずる重要な電気通信設備"},
      {"facility", "mobile_access_line", "携帯電話の基地局等（アクセス回線）", "Mobile access line",
       ""},
      {"facility", "remote_subscriber_unit", "遠隔加入者収容装置", "Remote subscriber unit", ""},
      {"facility", "dslam", "DSLAM", "DSLAM", ""},
      {"facility", "user_premises", "利用者の構内の設備", "User-premises equipment", ""},
      {"facility", "other", "その他の電気通信設備", "Other telecom facility", ""},
      {"fearedkind", "could_not_stop", "誤作動を停止できなかった",
       "Malfunctioned and could not be stopped", ""},
      {"fearedkind", "late_detection_switchover",
       "故障の検知・予備系への切替えが速やかに行われなかった",
       "Failure not detected promptly, no prompt switch-over", ""},
      {"fearedkind", "toppled", "耐震対策にかかわらず設備が転倒・部品が落下した",
       "Equipment toppled or parts fell despite the seismic rules", ""},
      {"fearedkind", "fire", "設備室等での火災・発煙・焼損",
       "Fire, smoke or burning in an equipment room", ""},
      {"fearedkind", "unintended_terminal_auth", "意図しない端末が認証・接続された",
       "An unintended terminal was authenticated and connected", ""},
      {"fearedkind", "important_facility_damage", "衛星・海底ケーブル等の重大な機能低下・損壊",
       "Serious degradation or damage of a satellite, submarine cable or equivalent", ""},
      {"classification", "serious_accident", "重大な事故", "Serious accident", ""},
      {"classification", "periodic_report_accident", "報告規則の事故（定期報告）",
       "Accident for the periodic report", ""},
      {"classification", "secrecy_leak", "通信の秘密の漏えい", "Leak of communications secrecy",
       ""},
      {"classification", "specified_user_info_leak", "特定利用者情報の漏えい",
       "Leak of specified user information", ""},
      {"classification", "feared_serious_accident", "重大な事故が生ずるおそれがある事態",
       "Feared serious accident", ""},
      {"classification", "business_stoppage", "業務の一部停止", "Partial business stoppage", ""},
      {"classification", "restriction_review", "通信制限の分析・検証", "Restriction review", ""},
      {"classification", "not_reportable", "報告対象外", "Not reportable", ""},
      {"report", "prompt", "速報", "Prompt report", ""},
      {"report", "detailed", "詳細な報告", "Detailed report", ""},
      {"report", "periodic", "定期報告", "Periodic report", ""},
      {"report", "review", "分析・検証の報告", "Review report", ""},
      {"due", "prompt", "速やかに", "promptly", ""},
      {"incidentstatus", "open", "対応中", "Open", ""},
      {"incidentstatus", "closed", "終了", "Closed", ""},
      {"treatment", "reduce", "低減", "Reduce", ""},
      {"treatment", "avoid", "回避", "Avoid", ""},
      {"treatment", "transfer", "移転", "Transfer", ""},
      {"treatment", "accept", "保有・受容", "Accept", ""},
      {"assetkind", "information_system", "情報システム", "Information system", ""},
      {"assetkind", "software", "ソフトウェア", "Software", ""},
      {"assetkind", "information", "情報", "Information", ""},
      {"assetkind", "facility", "設備", "Facility", ""},
      {"assetkind", "operation_support_system", "運用支援システム", "Operation support system", ""},
      {"assetkind", "cloud_service", "クラウドサービス", "Cloud service", ""},
      {"userrole", "supplier", "委託先担当者", "Supplier user", ""},
      {"qstatus", "sent", "送付済", "Sent", ""},
      {"qstatus", "in_progress", "回答中", "In progress", ""},
      {"qstatus", "submitted", "提出済", "Submitted", ""},
      {"qstatus", "returned", "差戻し", "Returned", ""},
      {"qstatus", "accepted", "承認", "Accepted", ""},
      {"qstatus", "rejected", "却下", "Rejected", ""},
      {"criticality", "high", "高", "High", ""},
      {"criticality", "medium", "中", "Medium", ""},
      {"criticality", "low", "低", "Low", ""},
      {"recurrence", "ok", "評価済", "Assessed", ""},
      {"recurrence", "due_soon", "再評価間近", "Re-assessment due soon", ""},
      {"recurrence", "overdue", "再評価期限超過", "Re-assessment overdue", ""},
      {"qevent", "send", "送付", "Sent", ""},
      {"qevent", "link", "リンク発行", "Link issued", ""},
      {"qevent", "answer", "回答", "Answered", ""},
      {"qevent", "evidence", "証跡添付", "Evidence attached", ""},
      {"qevent", "import", "取込み", "Imported", ""},
      {"qevent", "submit", "提出", "Submitted", ""},
      {"qevent", "return", "差戻し", "Returned", ""},
      {"qevent", "review_comment", "指摘", "Review comment", ""},
      {"qevent", "accept", "承認", "Accepted", ""},
      {"qevent", "reject", "却下", "Rejected", ""},
      {"qevent", "revoke", "リンク取消", "Links revoked", ""},
      {"qevent", "adopt", "共有回答を採用", "Adopted a shared snapshot", ""},
      {"supplierfield", "name", "委託先", "Supplier", ""},
      {"supplierfield", "corporate_number", "法人番号", "Corporate number", ""},
      {"supplierfield", "criticality", "重要度", "Criticality", ""},
      {"supplierfield", "questionnaire", "最新の質問票", "Latest questionnaire", ""},
      {"supplierfield", "qstatus", "質問票の状態", "Questionnaire status", ""},
      {"supplierfield", "last_accepted", "前回の承認日", "Last accepted", ""},
      {"supplierfield", "next_due", "次回評価期限", "Next assessment due", ""},
      {"supplierfield", "recurrence", "再評価", "Re-assessment", ""},
      {"supplierfield", "risks", "リスク数", "Risks", ""},
      {"supplierfield", "contracts", "契約数", "Contracts", ""},
      {"supplierfield", "section", "委託先の状況", "Suppliers", ""},
  };
  return t;
}
}  // namespace

const std::vector<Term>& terms() {
  static const std::vector<Term> t = [] {
    std::vector<Term> all = core_terms();
    all.insert(all.end(), audit_terms().begin(), audit_terms().end());
    return all;
  }();
  return t;
}

std::optional<std::string> label(std::string_view domain, std::string_view code,
                                 std::string_view lang) {
  for (const auto& term : terms()) {
    if (term.domain == domain && term.code == code)
      return std::string(lang == "en" ? term.en : term.ja);
  }
  return std::nullopt;
}

std::string label_or_code(std::string_view domain, std::string_view code, std::string_view lang) {
  auto l = label(domain, code, lang);
  return l ? *l : std::string(code);
}

std::string labels(std::string_view domain, const std::vector<std::string>& codes,
                   std::string_view lang) {
  std::string out;
  for (const auto& c : codes) {
    if (!out.empty()) out += lang == "en" ? ", " : "、";
    out += label_or_code(domain, c, lang);
  }
  return out;
}

std::vector<std::string> codes(std::string_view domain) {
  std::vector<std::string> out;
  for (const auto& term : terms()) {
    if (term.domain == domain) out.emplace_back(term.code);
  }
  return out;
}

}  // namespace anzen::vocab
