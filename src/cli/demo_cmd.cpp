// anzen demo: a ready demo organisation so a new user sees a living system at once.
#include <iostream>

#include "assess/repo.h"
#include "catalog/catalog_dir.h"
#include "cli/cli.h"
#include "cli/demo_extra.h"
#include "web/accounts.h"

namespace anzen::cli {
using nlohmann::json;

namespace {
constexpr const char* kAdmin = "demo";
constexpr const char* kPassword = "anzen-demo-2026";

// A deterministic spread of answers so the dashboard shows real differences between chapters.
assess::Answer demo_answer(const std::string& qid, int n, int period_boost) {
  assess::Answer a;
  a.question_id = qid;
  int v = (n * 37 + period_boost * 11) % 100;
  static const char* owners[] = {"情報セキュリティ部 山田", "ネットワーク運用部 佐藤", "CSIRT 鈴木", "設備部 高橋"};
  a.owner = owners[n % 4];
  if (v < 40 + period_boost * 10) a.status = assess::Status::implemented, a.maturity = 3 + n % 3;
  else if (v < 62 + period_boost * 8) a.status = assess::Status::partial, a.maturity = 2;
  else if (v < 90) a.status = assess::Status::not_implemented, a.maturity = n % 2;
  else a.status = assess::Status::not_applicable, a.na_reason = "該当する設備を保有していないため";
  if (a.status != assess::Status::implemented && a.status != assess::Status::not_applicable) a.due = "2027-03-31";
  return a;
}
}  // namespace

void register_demo(CLI::App& app, Globals& g) {
  auto* d = app.add_subcommand("demo", "Prepare a demo organisation with data (idempotent)");
  static bool d_json = false;
  d->add_flag("--json", d_json, "Print the demo logins and ids as JSON");
  d->callback([&g] {
    store::Db db(g.db);
    db.migrate();
    assess::AssessRepo repo(db, "demo-setup");
    auto acc = accounts(db, g);
    const auto& fw = *g.catalogs->catalog().find("tcs-2023");
    json out;
    if (!acc.find_user(kAdmin)) {
      db.transaction([&] {
        auto org = repo.create_org({0, "デモ通信株式会社", "operator_registered",
                                    {"voice_emergency", "mobile", "isp_data", "cloud"}, 1200000, {"東京都", "神奈川県", "大阪府"}});
        acc.create_user(org.id, kAdmin, web::Role::admin, kPassword, "demo-setup");
        acc.create_user(org.id, "auditor", web::Role::auditor, kPassword, "demo-setup");
        auto fy25 = repo.create(org.id, fw, "operator", "FY2025", "全社（音声・モバイル・ISP）");
        int n = 0;
        for (const auto* c : fw.checks()) {
          for (const auto& q : c->questions) repo.set_answer(fy25, fw, demo_answer(q.id, n++, 0));
        }
        auto fy26 = repo.next_period(fy25, fw, "FY2026", false, "2026-04-01");
        n = 0;
        for (const auto* c : fw.checks()) {
          for (const auto& q : c->questions) {
            // Leave a share unanswered in the current period so there is work to do.
            if (n % 5 == 0) {
              assess::Answer blank;
              blank.question_id = q.id;
              blank.owner = demo_answer(q.id, n, 1).owner;
              repo.set_answer(fy26, fw, blank);
            } else {
              repo.set_answer(fy26, fw, demo_answer(q.id, n, 1));
            }
            ++n;
          }
        }
        repo.add_url(fy26, "T2-001.1", "https://intranet.example.jp/policy/security-policy-2026.pdf", "2026-04-01", "2027-03-31");
        auto other = repo.create_org({0, "別組織株式会社", "maker", {}, std::nullopt, {"北海道"}});
        acc.create_user(other.id, "other-admin", web::Role::admin, "other-password-1", "demo-setup");
        repo.create(other.id, fw, "maker", "FY2026", "");
        demo_extra(db, g.catalogs->rules(), g.catalogs->risk_matrix(), *g.clock, org.id);
      });
    }
    auto admin = acc.find_user(kAdmin);
    auto mine = repo.list(admin->org_id);
    int64_t other_assessment = 0;
    for (const auto& a : repo.list()) if (a.org_id != admin->org_id) other_assessment = a.id;
    std::string to_answer;
    auto answers = repo.answers(mine.back().id);
    for (const auto* c : fw.checks()) {
      for (const auto& q : c->questions) {
        if (to_answer.empty() && answers[q.id].status == assess::Status::unanswered) to_answer = q.id;
      }
    }
    out = {{"admin", {{"name", kAdmin}, {"password", kPassword}}},
           {"auditor", {{"name", "auditor"}, {"password", kPassword}}},
           {"org_id", admin->org_id},
           {"assessment_id", mine.back().id},
           {"previous_assessment_id", mine.front().id},
           {"question_to_answer", to_answer},
           {"other_org_assessment_id", other_assessment}};
    if (d_json) {
      print_json(out);
    } else {
      std::cout << "demo organisation ready: log in as '" << kAdmin << "' with password '" << kPassword << "'\n";
    }
  });
}

}  // namespace anzen::cli
