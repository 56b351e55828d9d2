#include "cli/demo_extra.h"

#include <ctime>

#include "incident/service.h"
#include "ops/restrictions.h"
#include "risk/repo.h"
#include "store/db.h"
#include "supplier/service.h"

namespace anzen::cli {

void demo_extra(store::Db& db, const std::vector<incident::RuleSet>& rules,
                const risk::Matrix& risk_matrix, const Clock& clock, int64_t org_id) {
  // One moment for the whole demo.
  auto reg = incident::IncidentService(db, rules, clock, "demo-setup").as_of(clock.now());
  std::time_t now = reg.now();
  auto iso = [](std::time_t t) { return incident::format_jst(t); };
  // A serious accident ten days ago: its detailed report is due within 30 days.
  auto serious =
      reg.create(org_id, "関東地域 携帯電話音声サービス（緊急通報を含む）停止",
                 "コアネットワークの呼制御装置の故障により、関東地域で音声通話が不通となった。",
                 {{"event_type", "outage"},
                  {"service_category", "voice_emergency"},
                  {"affected_users", 52000},
                  {"started_at", iso(now - 10 * 86400)},
                  {"ended_at", iso(now - 10 * 86400 + 95 * 60)},
                  {"facility", "other"}});
  // Its prompt report went in the same day; the detailed report is still to come.
  reg.file_report(org_id, serious.id,
                  {"", "prompt", now - 10 * 86400 + 3 * 3600, "ネットワーク運用部 鈴木",
                   "速報-2026-017", "", ""});
  // An outage still going on: watch it escalate as time passes.
  reg.create(org_id, "大阪府 ISP 接続サービスの品質低下（継続中）",
             "バックボーン回線の輻そうによりパケットロスが発生。",
             {{"event_type", "quality_degradation"},
              {"service_category", "other"},
              {"affected_users", 18000},
              {"started_at", iso(now - 50 * 60)},
              {"ended_at", nullptr},
              {"facility", "other"}});
  // Traffic restrictions of the voice service (the congestion view and the review draft).
  ops::Restriction newyear{"音声通話", now - 40 * 86400, now - 40 * 86400 + 3 * 3600, 0.8, 120000, true, "年始の発信集中によるふくそう"};
  ops::Restriction works{"音声通話", now - 12 * 86400, now - 12 * 86400 + 1800, 0.1, 5000, false, "設備工事に伴う計画的な制限"};
  ops::import_restrictions(db, rules, org_id, {newyear, works}, now, "demo-setup");
  risk::RiskRepo risks(db, risk_matrix, "demo-setup");
  auto core = risks.create_asset({0, org_id, "IMS 呼制御システム", "facility", "ネットワーク運用部", 2, 3, 3, {"voice_emergency", "mobile"}, {"設備メーカーA"}, {}});
  auto oss = risks.create_asset({0, org_id, "オペレーションサポートシステム", "operation_support_system", "情報システム部", 3, 3, 2, {"isp_data"}, {}, {core.id}});
  risk::Risk ddos{0, org_id, "DDoS 攻撃による音声・データサービスの停止", "cyber_attack", "", "大規模 DDoS によりコア設備が輻そうし緊急通報を含む音声が不通となる。",
                  "ネットワーク運用部長", {core.id}, {"voice_emergency"}, {"T2-122.2", "T2-176.1"}, 4, 5, 3, 5, 2, 4, "reduce", "", "", ""};
  auto r1 = risks.save_risk(ddos);
  risk::Risk leak{0, org_id, "委託先からの顧客情報の漏えい", "info_leak", "", "保守委託先の端末経由で顧客情報が流出する。", "情報セキュリティ部長",
                  {oss.id}, {}, {"T2-199.1"}, 3, 4, 2, 4, 2, 3, "accept", "CISO 田中", "委託契約と監査で残留リスクを許容水準に抑えている", "2027-03-31"};
  auto r2 = risks.save_risk(leak);
  // The maker named on the core asset is in the supplier register, linked to that asset and to
  // the contractor leak risk, so that the supplier screens of the demo show real links.
  supplier::Suppliers suppliers(db, risk_matrix, "demo-setup", [&clock] { return clock.now_iso(); });
  supplier::Supplier maker;
  maker.org_id = org_id;
  maker.name = "設備メーカーA";
  maker.services = {"IMS 呼制御システムの保守"};
  maker.contract_start = "2025-04-01";
  maker.contract_end = "2028-03-31";
  maker.criticality = "high";
  auto listed = suppliers.create_supplier(maker);
  suppliers.link_assets_by_name(org_id, listed.id);
  suppliers.link_risk(org_id, listed.id, r2.id);
  risk::PlanItem p1{0, org_id, "DDoS 発生時も緊急通報を 10 分以内に復旧できる", "上流 ISP との緊急フィルタリング手順の締結と年次演習", "予算 800 万円・2 名",
                    "ネットワーク運用部長", "2026-09-30", "年次演習で復旧時間を測定", "in_progress", 40, {r1.id}, {"T2-176.1"}};
  risks.save_plan_item(p1);
  risk::PlanItem p2{0, org_id, "全委託先のセキュリティ確認書を回収済み", "確認書の様式改定と回収", "1 名", "調達部長", "2027-03-31",
                    "回収率 100%", "planned", 0, {}, {"T2-199.1"}};
  risks.save_plan_item(p2);
}

}  // namespace anzen::cli
