#include "ops/mapping.h"

#include <gtest/gtest.h>

#include "ops/alerts.h"

namespace anzen::ops {
namespace {

const char* kRules = R"(group_window_minutes: 30
rules:
  - match: {service: voice}
    service_category: voice_emergency
    facility: other
    prefectures: {label: region}
    affected_users: 40000
  - match: {service: mail, severity: critical}
    service_category: free_internet
    affected_users: {label: users}
  - match: {service: fiber}
    service_category: other
    service: ftth
    prefectures: [東京都, 神奈川県]
    affected_users: {share: 0.25}
)";

TEST(Mapping, ParsesTheContractFormAndMatchesLabels) {
  auto r = parse_rules(kRules, "rules.yaml");
  EXPECT_EQ(r.group_window_minutes, 30);
  ASSERT_EQ(r.rules.size(), 3u);
  EXPECT_EQ(r.rules[1].line, 8);
  auto m = map_alert(r, {{"service", "voice"}, {"region", "東京都,千葉県"}});
  ASSERT_TRUE(m);
  EXPECT_EQ(m->rule->service_category, "voice_emergency");
  EXPECT_EQ(m->prefectures, (std::vector<std::string>{"千葉県", "東京都"}));
  EXPECT_EQ(*m->fixed_users, 40000);
  auto mail = map_alert(r, {{"service", "mail"}, {"severity", "critical"}, {"users", "1200000"}});
  ASSERT_TRUE(mail);
  EXPECT_EQ(*mail->fixed_users, 1200000);
  EXPECT_FALSE(map_alert(r, {{"service", "mail"}, {"severity", "warning"}}))
      << "every match label must equal";
  auto fiber = map_alert(r, {{"service", "fiber"}});
  ASSERT_TRUE(fiber);
  EXPECT_EQ(fiber->service, "ftth");
  EXPECT_FALSE(fiber->fixed_users) << "a share needs the users table";
  EXPECT_EQ(fiber->rule->users.kind, UsersSpec::Kind::share);
}

TEST(Mapping, DefectsNameTheLineAndField) {
  auto err = [](const std::string& text) {
    try {
      parse_rules(text, "r.yaml");
    } catch (const RulesError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_EQ(err("rules:\n  - match: {service: voice}\n    service_category: telepathy\n"),
            "r.yaml:3: rules[0].service_category: got 'telepathy', expected one of "
            "voice_emergency, voice_no_emergency, lpwa, free_internet, other");
  EXPECT_NE(err("rules:\n  - match: {service: voice}\n    service_category: other\n    "
                "affected_users: {share: 2}\n")
                .find("r.yaml:4: rules[0].affected_users.share"),
            std::string::npos);
  EXPECT_NE(err("rules:\n  - service_category: other\n").find("rules[0].match"), std::string::npos);
  EXPECT_NE(err("rules:\n  - match: {a: b}\n    service_category: other\n    colour: red\n")
                .find("r.yaml:4: rules[0].colour: unknown key"),
            std::string::npos);
  EXPECT_NE(err("rules: [\n").find("r.yaml:"), std::string::npos);
  EXPECT_NE(err("rules: []\n").find("non-empty"), std::string::npos);
}

TEST(Alerts, ReadsAlertmanagerV4AndTheGenericSchema) {
  auto am = nlohmann::json::parse(
      R"({"version":"4","groupKey":"{}:{alertname=\"VoiceDown\"}","status":"firing","receiver":"anzen",
    "alerts":[{"status":"firing","labels":{"alertname":"VoiceDown","service":"voice"},"annotations":{"summary":"音声交換機の停止"},
    "startsAt":"2026-05-01T00:00:00.123456789Z","endsAt":"0001-01-01T00:00:00Z","fingerprint":"abc123"},
    {"status":"resolved","labels":{"alertname":"X"},"annotations":{},"startsAt":"2026-05-01T00:00:00Z","endsAt":"2026-05-01T01:00:00Z","fingerprint":"def"}]})");
  auto a = alertmanager_alerts(am);
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[0].fingerprint, "abc123");
  EXPECT_TRUE(a[0].firing);
  EXPECT_EQ(a[0].starts_at, *incident::parse_instant("2026-05-01T09:00:00+09:00"));
  EXPECT_EQ(a[0].summary, "音声交換機の停止");
  EXPECT_FALSE(a[0].ends_at);
  EXPECT_EQ(*a[1].ends_at, *incident::parse_instant("2026-05-01T10:00:00+09:00"));
  EXPECT_EQ(a[1].summary, "X");

  auto g = generic_alerts(nlohmann::json::parse(
      R"({"alerts":[{"id":"n1","status":"firing","labels":{"service":"voice"},"starts_at":"2026-05-01T09:00:00+09:00"}]})"));
  ASSERT_EQ(g.size(), 1u);
  EXPECT_EQ(g[0].fingerprint, "n1");

  EXPECT_THROW(
      alertmanager_alerts(nlohmann::json::parse(
          R"({"alerts":[{"status":"burning","labels":{},"startsAt":"2026-05-01T00:00:00Z"}]})")),
      PayloadError);
  try {
    generic_alerts(nlohmann::json::parse(
        R"({"alerts":[{"id":"n1","status":"firing","labels":{"a":1},"starts_at":"x"}]})"));
    FAIL();
  } catch (const PayloadError& e) {
    EXPECT_EQ(std::string(e.what()), "alerts[0].labels.a: expected text");
  }
}

}  // namespace
}  // namespace anzen::ops
