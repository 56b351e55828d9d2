#include "assess/scoring.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "catalog/catalog_dir.h"
#include "testing/catalogs.h"

namespace anzen::assess {
namespace {

const catalog::Framework& tcs() { return *anzen::testing::tree_catalog().find("tcs-2023"); }

Answer ans(const std::string& q, Status s, std::optional<int> m = std::nullopt) {
  Answer a;
  a.question_id = q;
  a.status = s;
  a.maturity = m;
  if (s == Status::not_applicable) a.na_reason = "no such equipment";
  return a;
}

TEST(Scoring, CoverageFormulaByHand) {
  // Chapter 1 has 15 questions (rows T2-001..T2-014, T2-007 holds two).
  AnswerMap m;
  for (auto& a : {ans("T2-001.1", Status::implemented, 4), ans("T2-002.1", Status::implemented, 2),
                  ans("T2-003.1", Status::partial, 1), ans("T2-004.1", Status::not_applicable),
                  ans("T2-005.1", Status::not_implemented, 0)}) {
    m[a.question_id] = a;
  }
  Score s = score(tcs(), "operator", m);
  const Tally& ch1 = s.by_chapter.at("1");
  EXPECT_EQ(ch1.questions, 15);
  EXPECT_EQ(ch1.answered, 5);
  EXPECT_EQ(ch1.not_applicable, 1);
  // (2 + 0.5 × 1) / (15 − 1)
  EXPECT_NEAR(*ch1.coverage({}), 2.5 / 14, 1e-12);
  EXPECT_NEAR(*ch1.mean_maturity(), (4 + 2 + 1 + 0) / 4.0, 1e-12);
  ScoringConfig strict;
  strict.w_partial = 0;
  EXPECT_NEAR(*ch1.coverage(strict), 2.0 / 14, 1e-12);
  EXPECT_EQ(s.overall.questions, 261);
  EXPECT_EQ(s.by_threat.at("cyber_attack").implemented, 2);
}

// Tallying a check once and adding it to its totals gives what counting every question into
// every total gives; the chapters-only breakdown gives the same totals and chapters.
TEST(Scoring, TotalsMatchACountOfEveryQuestion) {
  AnswerMap m;
  int i = 0;
  const Status cycle[] = {Status::implemented, Status::partial, Status::not_implemented,
                          Status::not_applicable, Status::unanswered};
  Tally by_hand;
  std::map<std::string, Tally> threats_by_hand;
  for (const catalog::Item* c : tcs().checks())
    for (const auto& q : c->questions) {
      m[q.id] = ans(q.id, cycle[i % 5], i % 7 == 6 ? std::nullopt : std::optional<int>(i % 6));
      by_hand.add(&m[q.id]);
      for (const auto& t : c->threats) threats_by_hand[t].add(&m[q.id]);
      ++i;
    }
  Score all = score(tcs(), "maker", m);
  Score chapters = score(tcs(), "maker", m, {}, Breakdown::chapters);
  for (const Score* s : {&all, &chapters}) {
    EXPECT_EQ(s->overall.implemented, by_hand.implemented);
    EXPECT_EQ(s->overall.partial, by_hand.partial);
    EXPECT_EQ(s->overall.not_applicable, by_hand.not_applicable);
    EXPECT_EQ(s->overall.unanswered, by_hand.unanswered);
    EXPECT_EQ(s->overall.maturity_count, by_hand.maturity_count);
    EXPECT_DOUBLE_EQ(s->overall.maturity_sum, by_hand.maturity_sum);
    EXPECT_EQ(s->recommended.questions + s->reference.questions, 261);
  }
  EXPECT_EQ(chapters.recommended.implemented, all.recommended.implemented);
  EXPECT_EQ(chapters.reference.partial, all.reference.partial);
  ASSERT_EQ(chapters.by_chapter.size(), all.by_chapter.size());
  for (const auto& [id, t] : all.by_chapter) {
    EXPECT_EQ(chapters.by_chapter.at(id).answered, t.answered) << id;
    EXPECT_DOUBLE_EQ(chapters.by_chapter.at(id).maturity_sum, t.maturity_sum) << id;
  }
  EXPECT_TRUE(chapters.by_row.empty());
  EXPECT_TRUE(chapters.by_threat.empty());
  ASSERT_EQ(all.by_threat.size(), threats_by_hand.size());
  for (const auto& [t, tally] : threats_by_hand)
    EXPECT_EQ(all.by_threat.at(t).not_implemented, tally.not_implemented) << t;
}

TEST(Scoring, AllNotApplicableHasNoCoverage) {
  Tally t;
  Answer a = ans("x", Status::not_applicable);
  t.add(&a);
  EXPECT_FALSE(t.coverage({}).has_value());
}

TEST(Scoring, MakerRoleSplitsRecommendedFromReferenceOnly) {
  Score op = score(tcs(), "operator", {});
  Score mk = score(tcs(), "maker", {});
  EXPECT_EQ(op.reference.questions, 0);  // every row is ○ for operators
  EXPECT_GT(mk.reference.questions, 0);
  EXPECT_EQ(mk.recommended.questions + mk.reference.questions, 261);
}

TEST(Gaps, PriorityOrdersRecommendedLegalOverdueFirstWithReasons) {
  AnswerMap m;
  m["T2-131.1"] = ans("T2-131.1", Status::not_implemented, 0);  // quotes a legal obligation
  m["T2-001.1"] = ans("T2-001.1", Status::partial, 3);
  Answer overdue = ans("T2-002.1", Status::not_implemented, 3);
  overdue.due = "2026-01-31";
  m["T2-002.1"] = overdue;
  auto g = gaps(tcs(), "operator", m, {{"T2-001.1", 2}}, "2026-04-01");
  ASSERT_GT(g.size(), 3u);
  auto find = [&](const std::string& q) { return *std::find_if(g.begin(), g.end(), [&](const Gap& x) { return x.question_id == q; }); };
  // Highest possible without a due date or risks: recommended, not done, maturity 0, legal.
  EXPECT_EQ(g[0].priority, 40 + 20 + 15 + 15);
  EXPECT_EQ(find("T2-131.1").priority, 40 + 20 + 15 + 15);
  EXPECT_TRUE(std::is_sorted(g.begin(), g.end(), [](const Gap& x, const Gap& y) { return x.priority > y.priority; }));
  EXPECT_EQ(find("T2-002.1").priority, 40 + 20 + 15);
  EXPECT_EQ(find("T2-001.1").priority, 40 + 10 + 10);  // two linked risks
  bool said_overdue = false;
  for (const auto& [en, ja] : find("T2-002.1").reasons) said_overdue |= en.find("due date passed") != std::string::npos;
  EXPECT_TRUE(said_overdue);
  // Implemented and not-applicable questions are not gaps.
  m["T2-131.1"].status = Status::implemented;
  auto g2 = gaps(tcs(), "operator", m, {}, "2026-04-01");
  EXPECT_EQ(std::count_if(g2.begin(), g2.end(), [](const Gap& x) { return x.question_id == "T2-131.1"; }), 0);
  EXPECT_EQ(g2.size(), 261u - 1);
}

TEST(Status, AcceptsJapaneseEnglishAndFullWidth) {
  EXPECT_EQ(status_from("実施済"), Status::implemented);
  EXPECT_EQ(status_from("一部実施"), Status::partial);
  EXPECT_EQ(status_from("Not implemented"), Status::not_implemented);
  EXPECT_EQ(status_from("outdated"), Status::partial) << "document scale";
  EXPECT_EQ(status_from("未作成"), Status::not_implemented) << "document scale";
  EXPECT_EQ(status_from("最新"), Status::implemented) << "document scale";
  EXPECT_EQ(status_from("ＮＯＴ＿ＡＰＰＬＩＣＡＢＬＥ"), Status::not_applicable);
  EXPECT_EQ(status_from(""), Status::unanswered);
  EXPECT_FALSE(status_from("たぶん").has_value());
}

}  // namespace
}  // namespace anzen::assess
