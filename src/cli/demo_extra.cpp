#include "cli/demo_extra.h"

#include <ctime>

#include "incident/register.h"

namespace anzen::cli {

void demo_extra(store::Db& db, int64_t org_id) {
  incident::Register reg(db, "demo-setup");
  std::time_t now = std::time(nullptr);
  auto iso = [](std::time_t t) { return incident::format_jst(t); };
  // A serious accident ten days ago: its detailed report is due within 30 days.
  reg.create(org_id, "関東地域 携帯電話音声サービス（緊急通報を含む）停止",
             "コアネットワークの呼制御装置の故障により、関東地域で音声通話が不通となった。",
             {{"event_type", "outage"}, {"service_category", "voice_emergency"}, {"affected_users", 52000},
              {"started_at", iso(now - 10 * 86400)}, {"ended_at", iso(now - 10 * 86400 + 95 * 60)}, {"facility", "other"}},
             now);
  // An outage still going on: watch it escalate as time passes.
  reg.create(org_id, "大阪府 ISP 接続サービスの品質低下（継続中）", "バックボーン回線の輻そうによりパケットロスが発生。",
             {{"event_type", "quality_degradation"}, {"service_category", "other"}, {"affected_users", 18000},
              {"started_at", iso(now - 50 * 60)}, {"ended_at", nullptr}, {"facility", "other"}},
             now);
}

}  // namespace anzen::cli
