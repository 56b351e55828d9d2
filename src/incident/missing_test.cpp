#include "incident/missing.h"
#include "testing/catalogs.h"

#include <gtest/gtest.h>

namespace anzen::incident {
namespace {
using nlohmann::json;

Instant at(const char* iso) { return *parse_instant(iso); }

json leak() {
  return {{"event_type", "specified_user_info_leak"},
          {"leaked_persons", 1500},
          {"started_at", "2026-11-20T09:00:00+09:00"},
          {"ended_at", "2026-11-20T12:00:00+09:00"}};
}

TEST(MissingInputs, TheDesignatedOperatorFlagWouldMakeALeakR7) {
  auto m = missing_inputs(leak(), anzen::testing::tree_rules(), at("2026-11-25T00:00:00+09:00"));
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].fields, std::vector<std::string>{"designated_operator"});
  EXPECT_NE(m[0].would_be.ja.find("R7"), std::string::npos);
  EXPECT_NE(m[0].label.ja.find("指定電気通信事業者"), std::string::npos);
  json given = leak();
  given["designated_operator"] = true;
  EXPECT_TRUE(
      missing_inputs(given, anzen::testing::tree_rules(), at("2026-11-25T00:00:00+09:00")).empty())
      << "nothing missing changes R7";
  // Said "no" explicitly: not missing.
  given["designated_operator"] = false;
  given["provided_to_foreign_government"] = false;
  EXPECT_TRUE(
      missing_inputs(given, anzen::testing::tree_rules(), at("2026-11-25T00:00:00+09:00")).empty());
}

TEST(MissingInputs, NamesOnlyTheInputsThatMatterTogether) {
  json e = leak();
  e.erase("leaked_persons");
  auto m = missing_inputs(e, anzen::testing::tree_rules(), at("2026-11-25T00:00:00+09:00"));
  // Neither the flag nor the count alone changes anything: each pair that does is named.
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[0].fields, (std::vector<std::string>{"designated_operator", "leaked_persons"}));
  EXPECT_EQ(m[1].fields,
            (std::vector<std::string>{"designated_operator", "provided_to_foreign_government"}));
  for (const auto& x : m) EXPECT_NE(x.would_be.ja.find("R7"), std::string::npos);
}

TEST(MissingInputs, UnknownUsersOfAnOutageCouldMakeItSerious) {
  json e = {{"event_type", "outage"},
            {"service_category", "voice_emergency"},
            {"affected_users", nullptr},
            {"started_at", "2026-05-01T09:00:00+09:00"},
            {"ended_at", "2026-05-01T11:00:00+09:00"}};
  auto m = missing_inputs(e, anzen::testing::tree_rules(), at("2026-05-02T00:00:00+09:00"));
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].fields, std::vector<std::string>{"affected_users"});
  EXPECT_NE(m[0].would_be.ja.find("重大な事故"), std::string::npos);
  auto j = missing_inputs_json(m);
  EXPECT_NE(j[0]["text"]["ja"].get<std::string>().find("未入力"), std::string::npos);
}

TEST(MissingInputs, AFearedEventNamesEveryConditionItStillNeeds) {
  json e = {{"event_type", "feared_event"},
            {"feared", {{"kind", "fire"}}},
            {"started_at", "2026-05-01T09:00:00+09:00"},
            {"ended_at", "2026-05-01T09:30:00+09:00"}};
  auto m = missing_inputs(e, anzen::testing::tree_rules(), at("2026-05-02T00:00:00+09:00"));
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].fields,
            (std::vector<std::string>{"feared.prev_fy_users_30000", "feared.multi_prefecture",
                                      "feared.core_function"}));
  EXPECT_NE(m[0].would_be.ja.find("R8"), std::string::npos);
}

}  // namespace
}  // namespace anzen::incident
