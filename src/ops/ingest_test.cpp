#include "ops/ingest.h"

#include <gtest/gtest.h>

#include "incident/register.h"
#include "ops/notify.h"
#include "ops/quiet_rules.h"
#include "ops/restrictions.h"
#include "ops/ticker.h"
#include "store/audit.h"
#include "testing/catalogs.h"
#include "testing/orgs.h"
#include "testing/temp_db.h"

namespace anzen::ops {
namespace {
constexpr const char* kPublicUrl = "https://anzen.example.jp";
using nlohmann::json;

const char* kRules = R"(rules:
  - match: {service: voice}
    service_category: voice_emergency
    prefectures: {label: region}
    affected_users: {share: 0.5}
  - match: {service: data}
    service_category: other
    affected_users: {label: users}
)";

json am_alert(const std::string& fp, const std::string& status, const std::string& starts,
              const std::string& ends, json labels) {
  return {{"status", status},   {"labels", labels}, {"annotations", {{"summary", "交換機の停止"}}},
          {"startsAt", starts}, {"endsAt", ends},   {"fingerprint", fp}};
}
json am(json alerts) {
  return {{"version", "4"}, {"groupKey", "g"}, {"status", "firing"}, {"alerts", alerts}};
}

TEST(Ingest, AuthenticatesGroupsIsIdempotentAndEndsIncidents) {
  testing::TempDb tmp;
  store::Db db(tmp.path);
  db.migrate();
  int64_t org = web::testing_create_org(db, "株式会社監視");
  OpsRepo(db, "t").set_users(org, "voice", "東京都", 80000);
  OpsRepo(db, "t").set_users(org, "voice", "千葉県", 20000);
  SimulatedClock clock(*incident::parse_instant("2026-05-01T09:30:00+09:00"));
  IngestService svc(db, anzen::testing::tree_rules(), clock);
  auto made = svc.create(org, "alertmanager", "am", kRules, "", "admin");
  EXPECT_EQ(made.url, "/api/v1/hooks/" + std::to_string(made.integration.id));
  EXPECT_THROW(svc.authenticate(made.integration.id, "wrong", "", ""), AuthError);
  auto integ = svc.authenticate(made.integration.id, made.token, "", "");
  EXPECT_NE(integ.token_hash, made.token) << "only the hash is stored";

  json first = am({am_alert("f1", "firing", "2026-05-01T00:00:00Z", "0001-01-01T00:00:00Z",
                            {{"service", "voice"}, {"region", "東京都"}})});
  auto r1 = svc.deliver(integ, first);
  EXPECT_EQ(r1.created, 1);
  ASSERT_EQ(r1.incidents.size(), 1u);
  int64_t id = r1.incidents[0];
  incident::Register reg(db, anzen::testing::tree_rules(), "t");
  auto inc = reg.get(org, id);
  EXPECT_EQ(inc->event["affected_users"], 40000) << "half of Tokyo's 80,000 voice users";
  EXPECT_EQ(inc->event["service_category"], "voice_emergency");
  EXPECT_EQ(incident::verdict_kinds(inc->classification),
            std::vector<std::string>{"periodic_report_accident"});

  // The same delivery again changes nothing.
  auto audit_before = store::audit_verify(db).rows;
  auto r2 = svc.deliver(integ, first);
  EXPECT_EQ(r2.unchanged, 1);
  EXPECT_EQ(r2.created, 0);
  EXPECT_EQ(store::audit_verify(db).rows, audit_before);

  // A second alert of the same service and region within the window joins the incident.
  auto r3 = svc.deliver(integ,
                        am({am_alert("f2", "firing", "2026-05-01T00:10:00Z", "0001-01-01T00:00:00Z",
                                     {{"service", "voice"}, {"region", "東京都"}})}));
  EXPECT_EQ(r3.grouped, 1);
  EXPECT_EQ(r3.incidents, std::vector<int64_t>{id});
  // Another region is another incident; an unmatched alert is counted, not dropped.
  auto r4 = svc.deliver(integ,
                        am({am_alert("f3", "firing", "2026-05-01T00:10:00Z", "0001-01-01T00:00:00Z",
                                     {{"service", "voice"}, {"region", "千葉県"}}),
                            am_alert("f4", "firing", "2026-05-01T00:10:00Z", "0001-01-01T00:00:00Z",
                                     {{"service", "sms"}})}));
  EXPECT_EQ(r4.created, 1);
  EXPECT_EQ(r4.unmatched, 1);

  // Resolving one of two alerts keeps the incident going; resolving both ends it.
  svc.deliver(integ, am({am_alert("f1", "resolved", "2026-05-01T00:00:00Z", "2026-05-01T00:40:00Z",
                                  {{"service", "voice"}, {"region", "東京都"}})}));
  EXPECT_TRUE(reg.get(org, id)->event["ended_at"].is_null());
  auto r5 = svc.deliver(
      integ, am({am_alert("f2", "resolved", "2026-05-01T00:10:00Z", "2026-05-01T00:50:00Z",
                          {{"service", "voice"}, {"region", "東京都"}})}));
  EXPECT_EQ(r5.resolved, 1);
  EXPECT_EQ(reg.get(org, id)->event["ended_at"], "2026-05-01T09:50:00+09:00");

  // Bad payloads name the field and change nothing.
  EXPECT_THROW(svc.deliver(integ, json{{"alerts", "x"}}), PayloadError);
  EXPECT_TRUE(store::audit_verify(db).ok);
}

TEST(Ingest, HmacSignatureIsRequiredWhenConfigured) {
  testing::TempDb tmp;
  store::Db db(tmp.path);
  db.migrate();
  int64_t org = web::testing_create_org(db, "株式会社署名");
  SimulatedClock clock(0);
  IngestService svc(db, anzen::testing::tree_rules(), clock);
  auto made = svc.create(org, "webhook", "generic", kRules, "s3cret", "admin");
  std::string body = R"({"alerts":[]})";
  EXPECT_THROW(svc.authenticate(made.integration.id, made.token, "", body), AuthError);
  EXPECT_THROW(svc.authenticate(made.integration.id, made.token, "sha256=00", body), AuthError);
  EXPECT_NO_THROW(svc.authenticate(made.integration.id, made.token,
                                   "sha256=" + hmac_sha256_hex("s3cret", body), body));
  OpsRepo(db, "t").set_integration_enabled(org, made.integration.id, false);
  try {
    svc.authenticate(made.integration.id, made.token, "sha256=" + hmac_sha256_hex("s3cret", body),
                     body);
    FAIL();
  } catch (const AuthError& e) {
    EXPECT_EQ(e.status, 403);
  }
  EXPECT_THROW(svc.create(org, "webhook", "bad", "rules:\n  - match: {a: b}\n", "", "admin"),
               RulesError);
}

// Records what the clock hands over for sending: successful delivery over SMTP is exercised
// against a real SMTP server in tests/clock_alertmanager.sh; failures below go to the network.
class RecordingSender final : public Sender {
 public:
  std::vector<std::string> subjects, bodies;
  std::string send(const Channel&, const Notification& n) override {
    subjects.push_back(n.subject);
    bodies.push_back(n.body);
    return "";
  }
};

// A voice outage of 40,000 users from 09:00 JST on Friday 1 May 2026 (a serious accident after
// 1 h), and a mail channel whose SMTP port refuses connections.
struct VoiceOutage {
  incident::Instant t0 = *incident::parse_instant("2026-05-01T09:00:00+09:00");
  incident::Incident inc;
  VoiceOutage(store::Db& db, int64_t org) {
    inc = incident::Register(db, anzen::testing::tree_rules(), "t")
              .create(org, "音声停止", "",
                      {{"event_type", "outage"},
                       {"service_category", "voice_emergency"},
                       {"affected_users", 40000},
                       {"started_at", "2026-05-01T09:00:00+09:00"}},
                      t0 + 600);
    Channel ch;
    ch.org_id = org;
    ch.kind = "email";
    ch.target = "noc@example.jp";
    ch.smtp = "127.0.0.1:1";
    OpsRepo(db, "t").add_channel(ch);
  }
};

TEST(Clock, EscalatesOnTimeNotifiesOnceAndRetriesWithBackoff) {
  testing::TempDb tmp;
  store::Db db(tmp.path);
  db.migrate();
  int64_t org = web::testing_create_org(db, "株式会社時計");
  incident::Register reg(db, anzen::testing::tree_rules(), "t");
  VoiceOutage outage(db, org);
  incident::Instant t0 = outage.t0;
  const auto& inc = outage.inc;
  RecordingSender sender;

  auto a = tick(db, anzen::testing::tree_rules(), t0 + 50 * 60, sender, kPublicUrl);
  EXPECT_EQ(a.escalated, 0);
  ASSERT_EQ(sender.subjects.size(), 1u) << "a periodic-report accident is reportable";
  auto b = tick(db, anzen::testing::tree_rules(), t0 + 3600 + 30, sender, kPublicUrl);
  EXPECT_EQ(b.escalated, 1);
  ASSERT_EQ(sender.subjects.size(), 2u);
  EXPECT_NE(sender.subjects[1].find("重大な事故"), std::string::npos) << sender.subjects[1];
  EXPECT_NE(sender.bodies[1].find("https://anzen.example.jp/incidents/" + std::to_string(inc.id)),
            std::string::npos)
      << "links are absolute: " << sender.bodies[1];
  tick(db, anzen::testing::tree_rules(), t0 + 3600 + 90, sender, kPublicUrl);
  EXPECT_EQ(sender.subjects.size(), 2u) << "each occasion is notified once";
  auto tl = reg.timeline(inc.id);
  EXPECT_NE(tl.back().text.find("基準到達 2026年5月1日 10:00"), std::string::npos) << tl.back().text;

  // Deadline reminders: the detailed report (30 days) is due 2026-06-01 (31 May is a Sunday).
  NetworkSender net;  // the channel's SMTP port 1 refuses connections
  auto c = tick(db, anzen::testing::tree_rules(),
                *incident::parse_instant("2026-05-29T09:00:00+09:00"), net, kPublicUrl);
  EXPECT_EQ(c.queued, 1);
  EXPECT_EQ(c.retried, 1);
  auto pending = OpsRepo(db, "t").notifications(org, "pending", 10);
  ASSERT_EQ(pending.size(), 1u);
  EXPECT_EQ(pending[0].event, "due_3");
  EXPECT_NE(pending[0].last_error.find("SMTP 127.0.0.1:1"), std::string::npos)
      << pending[0].last_error;
  EXPECT_EQ(pending[0].next_at, "2026-05-29T00:01:00Z") << "first retry after a minute";
  incident::Instant t = *incident::parse_instant("2026-05-29T09:00:00+09:00");
  for (int i = 1; i < kMaxAttempts; ++i) {
    t += backoff_seconds(i);
    tick(db, anzen::testing::tree_rules(), t, net, kPublicUrl);
  }
  auto failed = OpsRepo(db, "t").notifications(org, "failed", 10);
  ASSERT_EQ(failed.size(), 1u);
  EXPECT_EQ(failed[0].attempts, kMaxAttempts);
  EXPECT_TRUE(store::audit_verify(db).ok);
}

TEST(Clock, OrganisationQuietRulesDelayWhatTheyList) {
  testing::TempDb tmp;
  store::Db db(tmp.path);
  db.migrate();
  int64_t org = web::testing_create_org(db, "株式会社静穏");
  incident::Instant t0 = VoiceOutage(db, org).t0;  // a Friday
  OpsRepo repo(db, "t");
  // The organisation chose to hold even "became reportable" during Friday's office hours.
  std::string rules =
      "urgent: delay\nquiet:\n  - days: [fri]\n    from: \"09:00\"\n    to: \"18:00\"\n"
      "    kinds: [reportable]\n";
  parse_quiet_rules(rules, "rules");
  repo.set_quiet_rules(org, rules);
  RecordingSender sender;
  tick(db, anzen::testing::tree_rules(), t0 + 3600, sender, kPublicUrl);
  EXPECT_TRUE(sender.subjects.empty()) << "held until the quiet period ends";
  auto pending = repo.notifications(org, "pending", 10);
  ASSERT_EQ(pending.size(), 1u);
  EXPECT_EQ(pending[0].next_at, "2026-05-01T09:00:00Z") << "18:00 JST";
  tick(db, anzen::testing::tree_rules(), *incident::parse_instant("2026-05-01T18:00:00+09:00"),
       sender, kPublicUrl);
  EXPECT_EQ(sender.subjects.size(), 1u) << "sent when the quiet period ended";
  // Without rules it goes at once (another organisation's clock is not affected).
  repo.set_quiet_rules(org, "");
  EXPECT_EQ(repo.quiet_rules(org), "");
}

TEST(Clock, PublicUrlIsAbsoluteHttp) {
  EXPECT_EQ(checked_public_url("https://anzen.example.jp/"), "https://anzen.example.jp");
  EXPECT_EQ(checked_public_url("http://10.0.0.5:8080/anzen"), "http://10.0.0.5:8080/anzen");
  EXPECT_THROW(checked_public_url("/incidents"), std::invalid_argument);
  EXPECT_THROW(checked_public_url("https://"), std::invalid_argument);
  EXPECT_THROW(checked_public_url("ftp://x"), std::invalid_argument);
  EXPECT_THROW(checked_public_url("https://x/?a=1"), std::invalid_argument);
}

TEST(Clock, QuietHoursHoldRemindersUntilTheyEnd) {
  incident::Instant at_23 = *incident::parse_instant("2026-05-01T23:00:00+09:00");
  EXPECT_EQ(*quiet_until("22:00-07:00", at_23),
            *incident::parse_instant("2026-05-02T07:00:00+09:00"));
  EXPECT_EQ(*quiet_until("22:00-07:00", at_23 + 3 * 3600),
            *incident::parse_instant("2026-05-02T07:00:00+09:00"));
  EXPECT_FALSE(quiet_until("22:00-07:00", *incident::parse_instant("2026-05-01T12:00:00+09:00")));
  EXPECT_EQ(*quiet_until("12:00-13:00", *incident::parse_instant("2026-05-01T12:30:00+09:00")),
            *incident::parse_instant("2026-05-01T13:00:00+09:00"));
  EXPECT_THROW(check_quiet("25:00-07:00"), std::invalid_argument);
}

TEST(Restrictions, ImportsCsvAndJsonOnceWithRowErrors) {
  testing::TempDb tmp;
  store::Db db(tmp.path);
  db.migrate();
  int64_t org = web::testing_create_org(db, "株式会社輻輳");
  std::string csv =
      "start,end,service,share,users,unforeseen,reason\n"
      "2026-01-01T00:05:00+09:00,2026-01-01T03:00:00+09:00,voice,0.8,120000,true,年始の発信集中\n"
      "2026-02-01T10:00:00+09:00,2026-02-01T10:30:00+09:00,voice,0.1,5000,false,設備工事\n";
  auto recs = parse_restrictions(csv, "r.csv");
  ASSERT_EQ(recs.size(), 2u);
  auto res = import_restrictions(db, anzen::testing::tree_rules(), org, recs, 0, "t");
  EXPECT_EQ(res.created, 2);
  incident::Register reg(db, anzen::testing::tree_rules(), "t");
  EXPECT_EQ(incident::verdict_kinds(reg.get(org, res.incidents[0])->classification),
            std::vector<std::string>{"restriction_review"});
  EXPECT_EQ(incident::verdict_kinds(reg.get(org, res.incidents[1])->classification),
            std::vector<std::string>{"business_stoppage"});
  EXPECT_EQ(import_restrictions(db, anzen::testing::tree_rules(), org, recs, 0, "t").unchanged, 2);
  EXPECT_EQ(OpsRepo(db, "t").restrictions(org).size(), 2u);
  auto j = parse_restrictions(
      R"([{"start":"2026-03-01T00:00:00+09:00","service":"data","users":10,"unforeseen":true}])",
      "r.json");
  EXPECT_TRUE(j[0].unforeseen);
  try {
    parse_restrictions("start,service,users\n2026-01-01T00:00:00+09:00,voice,many\n", "bad.csv");
    FAIL();
  } catch (const std::invalid_argument& e) {
    EXPECT_EQ(std::string(e.what()),
              "bad.csv, line 2, column users: got 'many', expected the number of users restricted");
  }
}

}  // namespace
}  // namespace anzen::ops
