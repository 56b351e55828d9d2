#include "incident/service.h"

#include <gtest/gtest.h>

#include "testing/catalogs.h"
#include "testing/orgs.h"
#include "testing/temp_db.h"

namespace anzen::incident {
namespace {

// The service owns "now": the same calls judge an ongoing outage differently as its clock moves,
// a view as of another time does not move the clock, and changes are judged at the clock's time.
TEST(IncidentService, JudgesByItsClockAndAsOfAView) {
  testing::TempDb tmp;
  store::Db db(tmp.path);
  db.migrate();
  int64_t org = web::testing_create_org(db, "株式会社時計");
  Instant t0 = *parse_instant("2026-05-01T09:00:00+09:00");
  FixedClock clock(t0 + 30 * 60);
  IncidentService svc(db, anzen::testing::tree_rules(), clock, "tester");
  nlohmann::json ev = {{"event_type", "outage"},
                       {"service_category", "voice_emergency"},
                       {"affected_users", 40000},
                       {"started_at", "2026-05-01T09:00:00+09:00"},
                       {"ended_at", nullptr}};
  auto i = svc.create(org, "音声停止", "", ev);
  const std::vector<std::string> periodic{"periodic_report_accident"}, serious{"serious_accident"};
  EXPECT_EQ(verdict_kinds(i.classification), periodic);
  EXPECT_EQ(verdict_kinds(svc.current(org, i.id)->classification), periodic);

  clock.set(t0 + 3600);  // an hour on: a serious accident (voice with emergency calls, 1 h)
  EXPECT_EQ(svc.now(), t0 + 3600);
  EXPECT_EQ(verdict_kinds(svc.current(org, i.id)->classification), serious);
  EXPECT_EQ(verdict_kinds(svc.list_current(org)[0].classification), serious);
  EXPECT_EQ(verdict_kinds(svc.verdict(*svc.get(org, i.id))), serious);
  EXPECT_EQ(svc.obligations(org)[0].type, "prompt");

  // A view as of the past judges then; the service and its clock stay at now.
  auto before = svc.as_of(t0 + 59 * 60);
  EXPECT_EQ(before.now(), t0 + 59 * 60);
  EXPECT_EQ(verdict_kinds(before.current(org, i.id)->classification), periodic);
  EXPECT_EQ(before.obligations(org)[0].type, "periodic");
  EXPECT_EQ(svc.now(), t0 + 3600);
  EXPECT_EQ(svc.as_of(std::nullopt).now(), t0 + 3600) << "no time given: the clock's";

  // The escalation is stored when the service reclassifies (the clock tick does).
  EXPECT_TRUE(svc.reclassify(org, i.id));
  EXPECT_EQ(verdict_kinds(svc.get(org, i.id)->classification), serious);
  EXPECT_FALSE(svc.reclassify(org, i.id)) << "the same verdict is not stored twice";

  // The event of classify is judged as of the service's time too.
  auto e = event_from_json(ev);
  EXPECT_EQ(verdict_kinds(verdict_json(svc.judge().classify(e))), serious);
  EXPECT_EQ(verdict_kinds(verdict_json(before.judge().classify(e))), periodic);
}

TEST(IncidentService, FilingsAreRecordedAtTheClocksTime) {
  testing::TempDb tmp;
  store::Db db(tmp.path);
  db.migrate();
  int64_t org = web::testing_create_org(db, "株式会社提出");
  Instant t0 = *parse_instant("2026-05-01T12:00:00+09:00");
  FixedClock clock(t0);
  IncidentService svc(db, anzen::testing::tree_rules(), clock, "tester");
  auto i = svc.create(org, "音声停止", "",
                      {{"event_type", "outage"},
                       {"service_category", "voice_emergency"},
                       {"affected_users", 40000},
                       {"started_at", "2026-05-01T09:00:00+09:00"},
                       {"ended_at", "2026-05-01T11:00:00+09:00"}});
  ASSERT_EQ(svc.obligations(org).size(), 2u);
  FilingInput in;
  in.type = "prompt";
  in.filed_at = t0;
  in.filed_by = "鈴木";
  auto f = svc.file_report(org, i.id, in);
  EXPECT_EQ(f.type, "prompt");
  auto left = svc.obligations(org);
  ASSERT_EQ(left.size(), 1u) << "the filed report stops its own clock only";
  EXPECT_EQ(left[0].type, "detailed");
  EXPECT_FALSE(left[0].overdue);
  clock.advance(40 * 86400);  // past the detailed report's 30 days
  EXPECT_TRUE(svc.obligations(org)[0].overdue);
  svc.withdraw_filing(org, f.id, "誤って記録");
  EXPECT_EQ(svc.obligations(org).size(), 2u);
}

}  // namespace
}  // namespace anzen::incident
