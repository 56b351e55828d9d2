#include "incident/classify.h"

#include <unistd.h>

#include "catalog/loader.h"
#include "testing/catalogs.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <set>

namespace anzen::incident {
namespace {

const std::vector<RuleSet>& rules() { return anzen::testing::tree_rules(); }

Event outage(const std::string& cat, std::optional<int64_t> users, int minutes, const std::string& start = "2026-03-15T10:00:00+09:00") {
  Event e;
  e.event_type = "outage";
  e.service_category = cat;
  e.affected_users = users;
  e.started_at = *parse_instant(start);
  e.ended_at = e.started_at + minutes * 60;
  e.known_at = e.started_at;
  return e;
}

std::vector<std::string> kinds(const Verdict& v) {
  std::vector<std::string> out;
  for (const auto& c : v.classifications) out.push_back(c.kind + "/" + c.rule);
  return out;
}
std::string with_commas(int64_t u) {
  std::string d = std::to_string(u), out;
  for (size_t i = 0; i < d.size(); ++i)
    out += (i > 0 && (d.size() - i) % 3 == 0 ? "," : "") + std::string(1, d[i]);
  return out;
}

bool has(const Verdict& v, const std::string& kind_rule) {
  auto k = kinds(v);
  return std::find(k.begin(), k.end(), kind_rule) != k.end();
}

// Every row of Table 2 (Ordinance Art. 58(2)(i), from 2025-04-01), one minute and one user
// either side of each threshold.
TEST(Classifier, EveryTable2RowAtItsBoundaries) {
  struct Row { std::string cat; int hours; int64_t users; };
  const std::vector<Row> rows = {{"voice_emergency", 1, 30000}, {"voice_no_emergency", 2, 30000}, {"voice_no_emergency", 1, 100000},
                                 {"lpwa", 12, 30000}, {"lpwa", 2, 1000000}, {"free_internet", 24, 100000},
                                 {"free_internet", 12, 1000000}, {"other", 2, 30000}, {"other", 1, 1000000}};
  const Instant as_of = *parse_instant("2027-01-01T00:00:00+09:00");
  for (const auto& r : rows) {
    SCOPED_TRACE(r.cat + " " + std::to_string(r.hours) + "h/" + std::to_string(r.users));
    int m = r.hours * 60;
    EXPECT_TRUE(has(classify(outage(r.cat, r.users, m), rules(), as_of), "serious_accident/R1"));
    // One user short never fires this row (another row of the category may still fire).
    std::string this_row =
        r.cat + ": " + std::to_string(r.hours) + " h / " + with_commas(r.users) + " users";
    for (const auto& c : classify(outage(r.cat, r.users - 1, m), rules(), as_of).classifications) {
      EXPECT_NE(c.threshold, this_row) << "fired one user short of its threshold";
    }
    auto short_time = classify(outage(r.cat, r.users, m - 1), rules(), as_of);
    bool other_row_fires = false;
    for (const auto& o : rows) other_row_fires |= o.cat == r.cat && o.users <= r.users && o.hours * 60 <= m - 1;
    EXPECT_EQ(has(short_time, "serious_accident/R1"), other_row_fires);
    auto few = classify(outage(r.cat, r.users - 1, m), rules(), as_of);
    bool other_by_users = false;
    for (const auto& o : rows) other_by_users |= o.cat == r.cat && o.users <= r.users - 1 && o.hours <= r.hours;
    EXPECT_EQ(has(few, "serious_accident/R1"), other_by_users);
  }
}

TEST(Classifier, SeriousAccidentDeadlinesAndThreshold) {
  auto v = classify(outage("voice_emergency", 45000, 90), rules(), 0);
  ASSERT_EQ(v.classifications.size(), 1u);
  const auto& c = v.classifications[0];
  EXPECT_EQ(c.kind, "serious_accident");
  EXPECT_EQ(c.threshold, "voice_emergency: 1 h / 30,000 users");
  ASSERT_EQ(c.reports.size(), 2u);
  EXPECT_EQ(c.reports[0].type, "prompt");
  EXPECT_FALSE(c.reports[0].due.has_value());
  EXPECT_EQ(format_jst(*c.reports[0].triggered_at), "2026-03-15T11:00:00+09:00");
  EXPECT_EQ(c.reports[1].due->str(), "2026-04-14");
  EXPECT_NE(c.explanation.ja.find("重大な事故"), std::string::npos);
  EXPECT_NE(c.explanation.en.find("serious accident"), std::string::npos);
}

TEST(Classifier, SatelliteAllTrafficBlockedIsSeriousWhateverTheUsers) {
  auto e = outage("other", 10, 120);
  e.facility = "important_satellite_submarine";
  e.all_traffic_blocked = true;
  EXPECT_TRUE(has(classify(e, rules(), 0), "serious_accident/R2"));
  e.ended_at = e.started_at + 119 * 60;
  EXPECT_FALSE(has(classify(e, rules(), 0), "serious_accident/R2"));
  e.ended_at = e.started_at + 180 * 60;
  e.all_traffic_blocked = false;
  EXPECT_FALSE(has(classify(e, rules(), 0), "serious_accident/R2"));
}

TEST(Classifier, PeriodicReportAccidentBoundariesAndFiscalYearDeadline) {
  // 29,999 users for 1 h 59 min: nothing; one more user or one more minute: periodic.
  EXPECT_TRUE(has(classify(outage("other", 29999, 119, "2025-06-10T09:00:00+09:00"), rules(), 0), "not_reportable/-"));
  auto by_users = classify(outage("other", 30000, 10, "2025-06-10T09:00:00+09:00"), rules(), 0);
  ASSERT_TRUE(has(by_users, "periodic_report_accident/R3"));
  EXPECT_EQ(by_users.classifications[0].reports[0].due->str(), "2026-06-01");  // 31 May 2026 is a Sunday
  EXPECT_EQ(by_users.classifications[0].reports[0].due_unextended->str(), "2026-05-31");
  EXPECT_TRUE(has(classify(outage("other", 100, 120, "2025-06-10T09:00:00+09:00"), rules(), 0), "periodic_report_accident/R3"));
  // Before 2025-04-01 the deadline was two months after the quarter.
  auto q = classify(outage("other", 30000, 10, "2024-11-05T09:00:00+09:00"), rules(), 0);
  ASSERT_TRUE(has(q, "periodic_report_accident/R3"));
  EXPECT_EQ(q.classifications[0].reports[0].due->str(), "2025-02-28");
  // Simplified form for mobile access lines.
  auto m = outage("other", 30000, 10, "2025-06-10T09:00:00+09:00");
  m.facility = "mobile_access_line";
  EXPECT_NE(classify(m, rules(), 0).classifications[0].reports[0].form.find("簡易"), std::string::npos);
}

TEST(Classifier, ExclusionsAndUnknownUsers) {
  auto add = outage("voice_emergency", 500000, 300);
  add.additional_function_only = true;
  EXPECT_EQ(kinds(classify(add, rules(), 0)), std::vector<std::string>{"not_reportable/R0"});
  auto prem = outage("other", 30000, 10);
  prem.facility = "user_premises";
  EXPECT_EQ(kinds(classify(prem, rules(), 0)), std::vector<std::string>{"not_reportable/R5"});
  auto unknown = outage("voice_emergency", std::nullopt, 150);
  auto v = classify(unknown, rules(), 0);
  EXPECT_TRUE(has(v, "periodic_report_accident/R3")) << "duration-only condition still applies";
  EXPECT_TRUE(has(v, "not_reportable/R12"));
  EXPECT_FALSE(has(v, "serious_accident/R1"));
}

TEST(Classifier, NonTelecomFacilityIsNeverSerious) {
  auto e = outage("voice_emergency", 2000000, 600);
  e.event_type = "non_telecom_facility_failure";
  auto v = classify(e, rules(), 0);
  EXPECT_EQ(kinds(v), std::vector<std::string>{"periodic_report_accident/R4"});
  e.affected_users = 29999;
  e.ended_at = e.started_at + 119 * 60;
  EXPECT_EQ(kinds(classify(e, rules(), 0)), std::vector<std::string>{"not_reportable/-"});
}

TEST(Classifier, LeaksFearedEventsAndRestrictions) {
  Event leak = outage("other", 0, 0);
  leak.event_type = "secrecy_leak";
  leak.known_at = *parse_instant("2026-04-28T15:00:00+09:00");
  auto v = classify(leak, rules(), 0);
  ASSERT_TRUE(has(v, "secrecy_leak/R6"));
  EXPECT_EQ(v.classifications[0].reports[1].due->str(), "2026-05-28");  // 30 days from becoming aware

  Event sp = leak;
  sp.event_type = "specified_user_info_leak";
  sp.designated_operator = true;
  sp.leaked_persons = 1000;
  EXPECT_EQ(kinds(classify(sp, rules(), 0)), std::vector<std::string>{"not_reportable/-"}) << "more than 1,000 is strict";
  sp.leaked_persons = 1001;
  EXPECT_TRUE(has(classify(sp, rules(), 0), "specified_user_info_leak/R7"));
  sp.leaked_persons = 3;
  sp.provided_to_foreign_government = true;
  EXPECT_TRUE(has(classify(sp, rules(), 0), "specified_user_info_leak/R7"));
  sp.designated_operator = false;
  EXPECT_FALSE(has(classify(sp, rules(), 0), "specified_user_info_leak/R7"));

  Event f = leak;
  f.event_type = "feared_event";
  f.feared = {true, true, true, "fire", false, false, false};
  EXPECT_TRUE(has(classify(f, rules(), 0), "feared_serious_accident/R8"));
  f.feared.planned = true;
  EXPECT_FALSE(has(classify(f, rules(), 0), "feared_serious_accident/R8"));
  f.feared = {true, true, true, "toppled", false, false, true};  // natural disaster does not exclude toppling
  EXPECT_TRUE(has(classify(f, rules(), 0), "feared_serious_accident/R8"));
  f.feared = {false, false, false, "important_facility_damage", false, false, false};
  EXPECT_TRUE(has(classify(f, rules(), 0), "feared_serious_accident/R8"));
  f.feared = {true, false, true, "fire", false, false, false};  // one prefecture only
  EXPECT_FALSE(has(classify(f, rules(), 0), "feared_serious_accident/R8"));

  Event r = outage("other", 30000, 120);
  r.event_type = "priority_restriction";
  r.restriction_unforeseen = true;
  auto rv = classify(r, rules(), 0);
  ASSERT_TRUE(has(rv, "restriction_review/R11"));
  EXPECT_EQ(rv.classifications[0].reports[0].due->str(), "2026-06-15");  // 3 months from 16 March
  r.ended_at = r.started_at + 119 * 60;
  EXPECT_FALSE(has(classify(r, rules(), 0), "restriction_review/R11"));
  r.restriction_unforeseen = false;
  EXPECT_TRUE(has(classify(r, rules(), 0), "business_stoppage/R10"));
}

// Users read the threshold that fired in words: every threshold a rule can name has a Japanese
// and an English label, and the Japanese one carries no internal code (voice_emergency, …).
TEST(Classifier, EveryThresholdHasWordsWithoutCodes) {
  std::set<std::string> seen;
  for (const std::string start : {"2018-06-01T10:00:00+09:00", "2026-03-15T10:00:00+09:00"}) {
    for (const auto& type : event_types()) {
      for (const auto& cat : service_categories()) {
        for (std::optional<int64_t> users :
             {std::optional<int64_t>{}, std::optional<int64_t>{2000000}}) {
          for (bool variant : {false, true}) {
            Event e = outage(cat, users, 48 * 60, start);
            e.event_type = type;
            e.designated_operator = true;
            e.leaked_persons = 5000;
            e.provided_to_foreign_government = variant;
            if (variant) e.leaked_persons = 1;
            e.restriction_unforeseen = true;
            e.feared = variant ? Feared{false, false, false, "important_facility_damage",
                                        false, false, false}
                               : Feared{true, true, true, "fire", false, false, false};
            if (variant && type == "outage") {
              e.facility = "important_satellite_submarine";
              e.all_traffic_blocked = true;
            }
            for (const auto& c : classify(e, rules(), 0).classifications) {
              if (c.threshold.empty()) continue;
              SCOPED_TRACE(type + " " + cat + " → " + c.threshold);
              seen.insert(c.threshold);
              EXPECT_FALSE(c.threshold_label.ja.empty());
              EXPECT_FALSE(c.threshold_label.en.empty());
              for (const auto& code : service_categories())
                EXPECT_EQ(c.threshold_label.ja.find(code), std::string::npos)
                    << c.threshold_label.ja;
              EXPECT_EQ(c.threshold_label.ja.find('_'), std::string::npos) << c.threshold_label.ja;
            }
          }
        }
      }
    }
  }
  // R1 rows, R2, R3, R6, R7 (both), R8 (both), R9, R11, R12 at least.
  EXPECT_GE(seen.size(), 12u);
}

TEST(Classifier, OngoingEventEscalatesAsTimePasses) {
  Event e = outage("voice_emergency", 40000, 0);
  e.ended_at.reset();
  auto at = [&](int minutes) { return classify(e, rules(), e.started_at + minutes * 60); };
  EXPECT_TRUE(has(at(30), "periodic_report_accident/R3")) << "40,000 users: periodic at once";
  EXPECT_FALSE(has(at(59), "serious_accident/R1"));
  auto v = at(60);
  EXPECT_TRUE(has(v, "serious_accident/R1"));
  EXPECT_TRUE(v.ongoing);
  EXPECT_EQ(format_jst(*v.classifications[0].reports[0].triggered_at), "2026-03-15T11:00:00+09:00");
}

TEST(Classifier, BackTestsOlderRuleSets) {
  // 2014: a single rule, 30,000 users AND 2 h, whatever the service.
  auto old = classify(outage("voice_emergency", 50000, 90, "2014-06-01T10:00:00+09:00"), rules(), 0);
  EXPECT_EQ(old.rule_set, "jp-reporting-1985");
  EXPECT_FALSE(has(old, "serious_accident/R1"));
  EXPECT_TRUE(has(classify(outage("voice_emergency", 50000, 120, "2014-06-01T10:00:00+09:00"), rules(), 0), "serious_accident/R1"));
  // 2016: the four-row table; 1 h suffices for emergency voice; LPWA falls under "other".
  auto y16 = classify(outage("voice_emergency", 50000, 60, "2016-06-01T10:00:00+09:00"), rules(), 0);
  EXPECT_EQ(y16.rule_set, "jp-reporting-2015");
  EXPECT_TRUE(has(y16, "serious_accident/R1"));
  EXPECT_TRUE(has(classify(outage("lpwa", 30000, 120, "2016-06-01T10:00:00+09:00"), rules(), 0), "serious_accident/R1"));
  EXPECT_FALSE(has(classify(outage("lpwa", 30000, 120, "2026-06-01T10:00:00+09:00"), rules(), 0), "serious_accident/R1"));
}

// One event per era, judged by the rules of its time: no duty is raised before it existed.
TEST(Classifier, BackTestsOneEventPerEraWithoutAnachronisticDuties) {
  struct Era {
    const char* start;
    const char* rule_set;
    bool specified, feared, facility_leak;
  };
  const std::vector<Era> eras = {
      {"2010-07-01T10:00:00+09:00", "jp-reporting-1985", false, false, false},
      {"2018-07-01T10:00:00+09:00", "jp-reporting-2015", false, false, true},
      {"2024-07-01T10:00:00+09:00", "jp-reporting-2023", true, true, false},
      {"2026-07-01T10:00:00+09:00", "jp-reporting-2025", true, true, false}};
  for (const auto& era : eras) {
    SCOPED_TRACE(era.start);
    Event sp = outage("other", 0, 0, era.start);
    sp.event_type = "specified_user_info_leak";
    sp.designated_operator = true;
    sp.leaked_persons = 5000;
    auto v = classify(sp, rules(), 0);
    EXPECT_EQ(v.rule_set, era.rule_set);
    EXPECT_EQ(has(v, "specified_user_info_leak/R7"), era.specified);
    if (!era.specified) {
      EXPECT_EQ(kinds(v), std::vector<std::string>{"not_reportable/R7"});
    }

    Event f = outage("other", 0, 0, era.start);
    f.event_type = "feared_event";
    f.feared = {true, true, true, "fire", false, false, false};
    EXPECT_EQ(has(classify(f, rules(), 0), "feared_serious_accident/R8"), era.feared);

    Event fl = outage("other", 0, 0, era.start);
    fl.event_type = "facility_info_leak";
    auto fv = classify(fl, rules(), 0);
    EXPECT_EQ(has(fv, "facility_info_leak/R9"), era.facility_leak);
    if (era.facility_leak) {
      ASSERT_EQ(fv.classifications[0].reports.size(), 1u);
      EXPECT_EQ(fv.classifications[0].reports[0].type, "periodic");
      EXPECT_EQ(fv.classifications[0].reports[0].due->str(), "2018-11-30")
          << "two months after the quarter";
    } else {
      EXPECT_EQ(kinds(fv), std::vector<std::string>{"not_reportable/R9"});
    }
  }
  // No shipped rule set holds a duty before the day it began.
  for (const auto& rs : rules()) {
    if (rs.effective_from < Date{2023, 6, 16}) {
      EXPECT_FALSE(rs.specified_leak) << rs.id;
      EXPECT_FALSE(rs.feared) << rs.id;
    } else {
      EXPECT_FALSE(rs.facility_info_leak) << rs.id;
    }
  }
}

TEST(Classifier, AVerdictOnAnUnconfirmedValueSaysSo) {
  // 2018: the four-row table's values are copied from 2025 without a source.
  auto old =
      classify(outage("voice_emergency", 50000, 60, "2018-06-01T10:00:00+09:00"), rules(), 0);
  ASSERT_TRUE(has(old, "serious_accident/R1"));
  const auto& c = old.classifications[0];
  EXPECT_FALSE(c.unconfirmed.empty());
  auto cav = unconfirmed_caveat(c);
  EXPECT_NE(cav.ja.find("未確認"), std::string::npos) << cav.ja;
  EXPECT_NE(cav.en.find("unconfirmed"), std::string::npos) << cav.en;
  auto j = verdict_json(old);
  EXPECT_TRUE(j["classifications"][0]["relies_on_unconfirmed"].get<bool>());
  EXPECT_TRUE(j["classifications"][0].contains("caveat"));
  // LPWA before its row: judged as "other", and the fallback is named as unconfirmed.
  auto lpwa = classify(outage("lpwa", 30000, 120, "2018-06-01T10:00:00+09:00"), rules(), 0);
  ASSERT_TRUE(has(lpwa, "serious_accident/R1"));
  EXPECT_EQ(lpwa.classifications[0].threshold.rfind("other:", 0), 0u)
      << lpwa.classifications[0].threshold;
  bool names_lpwa = false;
  for (const auto& n : lpwa.classifications[0].unconfirmed)
    names_lpwa |= n.en.find("LPWA") != std::string::npos;
  EXPECT_TRUE(names_lpwa);
  // 2026 under the confirmed 2025 Ordinance: no caveat.
  auto now = classify(outage("voice_emergency", 50000, 60), rules(), 0);
  ASSERT_TRUE(has(now, "serious_accident/R1"));
  EXPECT_TRUE(now.classifications[0].unconfirmed.empty());
  EXPECT_FALSE(verdict_json(now)["classifications"][0].contains("caveat"));
}

TEST(Classifier, MoreUsersOrLongerNeverLowersTheClassification) {
  std::mt19937 rng(20261123);
  const std::vector<std::string> cats = {"voice_emergency", "voice_no_emergency", "lpwa", "free_internet", "other"};
  std::uniform_int_distribution<int64_t> users(0, 2000000);
  std::uniform_int_distribution<int> minutes(0, 30 * 60);
  std::uniform_int_distribution<size_t> cat(0, cats.size() - 1);
  for (int i = 0; i < 3000; ++i) {
    std::string c = cats[cat(rng)];
    int64_t u = users(rng);
    int m = minutes(rng);
    int base = severity(classify(outage(c, u, m), rules(), 0));
    EXPECT_GE(severity(classify(outage(c, u + users(rng) / 10, m), rules(), 0)), base) << c << " " << u << " " << m;
    EXPECT_GE(severity(classify(outage(c, u, m + minutes(rng) / 10), rules(), 0)), base) << c << " " << u << " " << m;
  }
}

TEST(Classifier, InvalidInputNamesTheField) {
  auto field_of = [](const std::string& js) {
    try {
      event_from_json(nlohmann::json::parse(js));
    } catch (const InvalidEvent& e) {
      return e.field;
    }
    return std::string("(accepted)");
  };
  EXPECT_EQ(field_of(R"({"service_category":"other","started_at":"2026-01-01T00:00:00+09:00"})"), "event_type");
  EXPECT_EQ(field_of(R"({"event_type":"outage","service_category":"telepathy","started_at":"2026-01-01T00:00:00+09:00"})"), "service_category");
  EXPECT_EQ(field_of(R"({"event_type":"outage","started_at":"yesterday"})"), "started_at");
  EXPECT_EQ(field_of(R"({"event_type":"outage","started_at":"2026-01-01T00:00:00+09:00","affected_users":-5})"), "affected_users");
  EXPECT_EQ(field_of(R"({"event_type":"outage","started_at":"2026-01-01T00:00:00+09:00","all_traffic_blocked":"yes"})"), "all_traffic_blocked");
  EXPECT_EQ(field_of(R"({"event_type":"feared_event","started_at":"2026-01-01T00:00:00+09:00","feared":{"kind":"meteor"}})"), "feared.kind");
  EXPECT_EQ(field_of(R"({"event_type":"outage","started_at":"2026-01-01T10:00:00+09:00","ended_at":"2026-01-01T09:00:00+09:00"})"), "ended_at");
}

TEST(Rules, BadRuleFilesAreRefusedWithFileAndLine) {
  std::string dir = ::testing::TempDir() + "/anzen-rules-" + std::to_string(::getpid());
  std::filesystem::create_directories(dir);
  std::ofstream(dir + "/2030-01-01.yaml") << "id: x\ntitle: {ja: x, en: x}\neffective_from: 2030-13-01\nserious:\n  basis: {ja: a, en: b}\n  categories:\n    martian: [{hours: 1, users: 5}]\n";
  try {
    load_rules(dir);
    FAIL() << "accepted a broken rule file";
  } catch (const catalog::CatalogError& e) {
    std::string what = e.what();
    EXPECT_NE(what.find("2030-01-01.yaml:3: effective_from"), std::string::npos) << what;
    EXPECT_NE(what.find("unknown service category 'martian'"), std::string::npos) << what;
    EXPECT_NE(what.find("periodic: missing"), std::string::npos) << what;
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace anzen::incident
