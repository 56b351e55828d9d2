#include "ops/quiet_rules.h"

#include <gtest/gtest.h>

namespace anzen::ops {
namespace {

incident::Instant at(const char* iso) { return *incident::parse_instant(iso); }

// Weeknights, and whole weekends and national holidays for the early reminders.
const char* kRules = R"(quiet:
  - days: [mon, tue, wed, thu, fri]
    from: "22:00"
    to: "07:00"
  - days: [sat, sun, holiday]
    from: "00:00"
    to: "24:00"
    kinds: [due_7, due_3]
)";

TEST(QuietRules, WeeknightsWeekendsAndHolidaysHoldRemindersOfTheirKinds) {
  auto q = parse_quiet_rules(kRules, "quiet.yaml");
  auto friday_night = at("2026-05-01T23:00:00+09:00");  // a Friday
  // due_1 is held by the weeknight only (the weekend rule does not list it).
  EXPECT_EQ(quiet_rules_until(q, "due_1", friday_night), at("2026-05-02T07:00:00+09:00"));
  // due_7 waits out the weekend, Golden Week (3-5 May and the substitute holiday of 6 May) and
  // Wednesday night, which adjoins Thursday.
  EXPECT_EQ(quiet_rules_until(q, "due_7", friday_night), at("2026-05-07T07:00:00+09:00"));
  EXPECT_FALSE(quiet_rules_until(q, "due_1", at("2026-05-07T12:00:00+09:00")));
  // A window that wrapped midnight still holds early the next morning.
  EXPECT_EQ(quiet_rules_until(q, "due_3", at("2026-05-08T05:00:00+09:00")),
            at("2026-05-08T07:00:00+09:00"));
}

TEST(QuietRules, ReportableAndOverdueAreNeverSuppressedUnlessTheOrganisationDelaysThem) {
  auto q = parse_quiet_rules(kRules, "quiet.yaml");
  auto friday_night = at("2026-05-01T23:00:00+09:00");
  EXPECT_FALSE(quiet_rules_until(q, "reportable", friday_night));
  EXPECT_FALSE(quiet_rules_until(q, "overdue", friday_night));
  EXPECT_FALSE(quiet_rules_until(q, "test", friday_night));
  // Listing them needs `urgent: delay`; then they go when the quiet period ends.
  try {
    parse_quiet_rules(
        "quiet:\n  - days: [fri]\n    from: \"22:00\"\n    to: \"07:00\"\n"
        "    kinds: [overdue]\n",
        "q.yaml");
    FAIL() << "overdue accepted without urgent: delay";
  } catch (const RulesError& e) {
    EXPECT_NE(std::string(e.what()).find("q.yaml:5: quiet[0].kinds: overdue is never suppressed"),
              std::string::npos)
        << e.what();
  }
  auto d = parse_quiet_rules(
      "urgent: delay\nquiet:\n  - days: [fri]\n    from: \"22:00\"\n"
      "    to: \"07:00\"\n    kinds: [reportable, overdue, due_1]\n",
      "q.yaml");
  EXPECT_EQ(quiet_rules_until(d, "reportable", friday_night), at("2026-05-02T07:00:00+09:00"));
}

TEST(QuietRules, DefectsNameFileLineAndField) {
  auto message = [](const std::string& yaml) {
    try {
      parse_quiet_rules(yaml, "q.yaml");
    } catch (const RulesError& e) {
      return std::string(e.what());
    }
    return std::string("accepted");
  };
  EXPECT_NE(message("quiet:\n  - days: [mon, funday]\n    from: \"22:00\"\n    to: \"07:00\"\n")
                .find("q.yaml:2: quiet[0].days: got 'funday'"),
            std::string::npos);
  EXPECT_NE(message("quiet:\n  - days: [mon]\n    from: \"25:00\"\n    to: \"07:00\"\n")
                .find("q.yaml:3: quiet[0].from: got '25:00'"),
            std::string::npos);
  EXPECT_NE(message("quiet:\n  - days: [mon]\n    from: \"22:00\"\n    to: \"07:00\"\n"
                    "    kinds: [weekly]\n")
                .find("quiet[0].kinds: got 'weekly'"),
            std::string::npos);
  EXPECT_NE(message("urgent: later\nquiet: []\n").find("q.yaml:1: urgent"), std::string::npos);
  EXPECT_NE(
      message(
          "quiet:\n  - days: [mon]\n    from: \"22:00\"\n    to: \"07:00\"\n    kind: [due_1]\n")
          .find("quiet[0].kind: unknown field"),
      std::string::npos);
}

}  // namespace
}  // namespace anzen::ops
