// Statistics against a hand computation, suppression (primary, complementary, not derivable),
// the signed envelope (every changed byte refused) and the import rules.
#include <gtest/gtest.h>

#include <cmath>

#include "assess/repo.h"
#include "catalog/catalog_dir.h"
#include "industry/benchmark.h"
#include "industry/crypto.h"
#include "industry/service.h"
#include "industry/simulate.h"
#include "industry/stats.h"
#include "industry/suppression.h"
#include "testing/catalogs.h"
#include "testing/temp_db.h"

namespace anzen::industry {
using nlohmann::json;

TEST(IndustryStats, EqualTheHandComputation) {
  // 0.1 0.3 0.4 0.8: mean 0.4; population variance (0.09 + 0.01 + 0 + 0.16) / 4 = 0.065;
  // type 7: Q1 at h = 0.75 → 0.1 + 0.75·0.2 = 0.25, median at h = 1.5 → 0.35,
  // Q3 at h = 2.25 → 0.4 + 0.25·0.4 = 0.5; 偏差値 of 0.8 = 50 + 10·0.4/√0.065 = 65.689.
  std::vector<double> v = {0.8, 0.1, 0.4, 0.3};
  auto s = summarise(v);
  EXPECT_EQ(s.count, 4);
  EXPECT_NEAR(s.mean, 0.4, 1e-12);
  EXPECT_NEAR(s.sd, std::sqrt(0.065), 1e-12);
  EXPECT_NEAR(s.q1, 0.25, 1e-12);
  EXPECT_NEAR(s.median, 0.35, 1e-12);
  EXPECT_NEAR(s.q3, 0.5, 1e-12);
  EXPECT_NEAR(deviation_score(0.8, s.mean, s.sd), 65.689, 1e-3);
  EXPECT_EQ(deviation_score(0.3, 0.3, 0), 50);
  EXPECT_EQ(quartile_band(0.8, s), "above_q3");
  EXPECT_EQ(quartile_band(0.2, s), "below_q1");
  EXPECT_EQ(quartile_band(0.3, s), "q1_median");
  std::vector<double> one = {0.7};
  auto s1 = summarise(one);
  EXPECT_EQ(s1.median, 0.7);
  EXPECT_EQ(s1.sd, 0);
}

TEST(IndustrySuppression, KNeverBelowFive) {
  Table t{{{"sector", 30, true}}, {}};
  EXPECT_THROW(suppress(t, 4), std::invalid_argument);
  EXPECT_NO_THROW(suppress(t, 5));
}

TEST(IndustrySuppression, ALoneSmallCellTakesAnotherWithIt) {
  // 30 = 11 + 10 + 9: the group of 9 alone would follow from 30 − 11 − 10.
  Table t{{{"T", 30, true}, {"A", 11, true}, {"B", 10, true}, {"C", 9, true}}, {{0, {1, 2, 3}}}};
  auto h = suppress(t, 10);
  EXPECT_TRUE(h[3]);
  EXPECT_TRUE(h[2]) << "the smallest other part is withheld with it";
  EXPECT_FALSE(h[0]);
  EXPECT_FALSE(h[1]);
  EXPECT_FALSE(determined(t, h)[3]);
  // Without the complement it would be determined.
  EXPECT_TRUE(determined(t, {false, false, false, true})[3]);
}

TEST(IndustrySuppression, TwoWayTableNeedsMoreThanOneComplement) {
  // Rows R1 R2, columns C1 C2, inner cells x11 x12 x21 x22: hiding x11 and one row neighbour
  // still lets the column equations recover both.
  Table t{{{"T", 60, true},
           {"R1", 25, true},
           {"R2", 35, true},
           {"C1", 23, true},
           {"C2", 37, true},
           {"x11", 3, true},
           {"x12", 22, true},
           {"x21", 20, true},
           {"x22", 15, true}},
          {{0, {1, 2}}, {0, {3, 4}}, {1, {5, 6}}, {2, {7, 8}}, {3, {5, 7}}, {4, {6, 8}}}};
  EXPECT_TRUE(determined(t, {false, false, false, false, false, true, true, false, false})[5]);
  auto h = suppress(t, 10);
  EXPECT_TRUE(h[5]);
  EXPECT_FALSE(determined(t, h)[5]);
  int hidden = 0;
  for (bool x : h) hidden += x;
  EXPECT_GE(hidden, 4);
}

namespace {
const catalog::Framework& tcs() { return *anzen::testing::tree_catalog().find("tcs-2023"); }

Submission fake(size_t i, const std::string& band, const std::string& role,
                std::vector<std::string> services, double overall) {
  auto s = synthetic_submission(anzen::testing::tree_catalog(), tcs(), 7, i);
  s.size_band = band;
  s.role = role;
  s.services = std::move(services);
  s.scores.values["overall"] = overall;
  return s;
}

const json& group(const json& bm, const std::string& key) {
  for (const auto& g : bm["groups"]) {
    if (g["key"] == key) return g;
  }
  throw std::runtime_error("no group " + key);
}
}  // namespace

TEST(IndustryBenchmark, AGroupOfNineIsSuppressedAndNotDerivable) {
  // 30 operators: 21 small, 9 large. The large band is withheld, and so must be the small band
  // (sector − small band = large band); the sector figures are published.
  std::vector<Submission> subs;
  for (size_t i = 0; i < 30; ++i)
    subs.push_back(
        fake(i, i < 21 ? "lt10k" : "ge1m", "operator", {"isp_data"}, i < 21 ? 0.5 : 0.9));
  auto bm = aggregate(subs, anzen::testing::tree_catalog(), tcs(), "FY2026", 10);
  EXPECT_FALSE(group(bm, "sector")["suppressed"].get<bool>());
  EXPECT_EQ(group(bm, "sector")["count"], 30);
  EXPECT_TRUE(group(bm, "size_band=ge1m")["suppressed"].get<bool>());
  EXPECT_TRUE(group(bm, "size_band=lt10k")["suppressed"].get<bool>())
      << "else ge1m = sector − lt10k";
  EXPECT_TRUE(group(bm, "size_band=ge1m&role=operator")["suppressed"].get<bool>());
  EXPECT_TRUE(group(bm, "size_band=lt10k&role=operator")["suppressed"].get<bool>());
  // Nothing published lets the 9 be recovered: rebuild the table from what is published and
  // check with the same linear algebra that no sensitive cell is determined.
  auto layout = benchmark_layout();
  std::vector<bool> hidden(layout.groups.size());
  for (size_t c = 0; c < layout.groups.size(); ++c) {
    bool published = false;
    for (const auto& g : bm["groups"])
      published = published || (g["key"] == layout.groups[c].key && !g["suppressed"].get<bool>());
    hidden[c] = !published;
  }
  auto det = determined(layout.table, hidden);
  for (size_t c = 0; c < layout.groups.size(); ++c) {
    if (layout.groups[c].key == "size_band=ge1m" ||
        layout.groups[c].key == "size_band=ge1m&role=operator") {
      EXPECT_FALSE(det[c]) << layout.groups[c].key;
    }
  }
  // Minima and maxima are never published.
  EXPECT_EQ(bm.dump().find("\"min"), std::string::npos);
  EXPECT_EQ(bm.dump().find("\"max"), std::string::npos);
  // The sector figures match a hand computation: 21 × 0.5 and 9 × 0.9.
  const auto& st = group(bm, "sector")["stats"]["overall"];
  EXPECT_NEAR(st["mean"].get<double>(), (21 * 0.5 + 9 * 0.9) / 30, 1e-4);
  EXPECT_NEAR(st["median"].get<double>(), 0.5, 1e-9);
  EXPECT_NEAR(st["q3"].get<double>(), 0.9, 1e-9);  // h = 21.75 → between ranks 22 and 23, both 0.9
}

TEST(IndustryBenchmark, ServiceCellsHideTheFewNotOfferingIt) {
  // 25 offer mobile, 5 do not: "offers mobile" would reveal the 5 (sector − offers mobile).
  std::vector<Submission> subs;
  for (size_t i = 0; i < 30; ++i)
    subs.push_back(fake(i, "lt10k", "operator",
                        i < 25 ? std::vector<std::string>{"mobile"} : std::vector<std::string>{},
                        0.5));
  auto bm = aggregate(subs, anzen::testing::tree_catalog(), tcs(), "FY2026", 10);
  EXPECT_TRUE(group(bm, "service=mobile")["suppressed"].get<bool>() ||
              group(bm, "sector")["suppressed"].get<bool>());
}

TEST(IndustryBenchmark, AMetricWithFewFiguresIsWithheldOnItsOwn) {
  // 30 submitters, 12 small and 18 mid-sized; chapter 1 is wholly not applicable for 9 of the
  // small ones (no figure): the small band's chapter-1 cell (3 figures) is withheld, and so is
  // another chapter-1 cell, while the band's other figures stay published.
  std::vector<Submission> subs;
  for (size_t i = 0; i < 30; ++i) {
    subs.push_back(fake(i, i < 12 ? "lt10k" : "10k_100k", "operator", {"isp_data"}, 0.5));
    if (i < 9) subs.back().scores.values["chapter:1"] = std::nullopt;
  }
  auto bm = aggregate(subs, anzen::testing::tree_catalog(), tcs(), "FY2026", 10);
  const auto& small = group(bm, "size_band=lt10k");
  ASSERT_FALSE(small["suppressed"].get<bool>());
  EXPECT_EQ(small["stats"]["overall"]["count"], 12);
  EXPECT_TRUE(small["stats"]["chapter:1"].is_null());
  const auto& sector = group(bm, "sector")["stats"]["chapter:1"];
  const auto& mid = group(bm, "size_band=10k_100k")["stats"]["chapter:1"];
  EXPECT_TRUE(sector.is_null() || mid.is_null()) << "else 21 − 18 gives the 3";
}

TEST(IndustryEnvelope, EveryChangedByteIsRefused) {
  auto kp = generate_keypair();
  auto s = synthetic_submission(anzen::testing::tree_catalog(), tcs(), 3, 0);
  s.submitter_id = 1;
  s.period = "FY2026";
  s.created_at = "2026-06-01T00:00:00Z";
  std::string doc =
      signed_document(to_json(s, anzen::testing::tree_catalog(), tcs()), kp.secret_key);
  auto ok = open_document(doc, 1 << 20);
  ASSERT_TRUE(verify(canonical(ok.payload), ok.signature, kp.public_key));
  for (size_t i = 0; i + 1 < doc.size(); ++i) {
    for (int delta : {1, 2, 32}) {
      std::string bad = doc;
      bad[i] = static_cast<char>(bad[i] ^ delta);
      bool refused = false;
      try {
        auto o = open_document(bad, 1 << 20);
        refused = !verify(canonical(o.payload), o.signature, kp.public_key);
      } catch (const DocumentError&) {
        refused = true;
      }
      EXPECT_TRUE(refused) << "byte " << i << " xor " << delta;
    }
  }
  auto other = generate_keypair();
  EXPECT_FALSE(verify(canonical(ok.payload), ok.signature, other.public_key));
}

class IndustryImport : public ::testing::Test {
 protected:
  testing::TempDb tmp;
  store::Db db{tmp.path};
  std::string now = "2026-11-30T12:00:00Z";
  std::string kek = new_kek();
  IndustryService svc{(db.migrate(), db), anzen::testing::tree_catalog(), [this] { return kek; },
                      [this] { return now; }, "test"};
  int count() { return static_cast<int>(svc.repo().submissions("FY2026").size()); }
};

TEST_F(IndustryImport, ReplayOutOfPeriodUnknownKeyAndOrder) {
  auto docs = svc.simulate(3, "FY2026", 11, "2026-06-01T00:00:00Z");
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_EQ(svc.import({docs[0], docs[1]}).size(), 2u);
  EXPECT_EQ(count(), 2);
  // The same file again: the nonce is known.
  try {
    svc.import({docs[2], docs[0]});
    FAIL() << "replay accepted";
  } catch (const IndustryError& e) {
    EXPECT_NE(std::string(e.what()).find("replay"), std::string::npos) << e.what();
  }
  EXPECT_EQ(count(), 2) << "all or nothing: the good file of the batch was not kept either";
  // Out of period: FY2026 accepts 2026-04-01 … 2028-03-31.
  auto late = svc.simulate(1, "FY2026", 12, "2028-04-01T00:00:00Z");
  now = "2028-05-01T00:00:00Z";
  EXPECT_THROW(svc.import(late), IndustryError);
  now = "2026-11-30T12:00:00Z";
  auto future = svc.simulate(1, "FY2026", 13, "2027-01-05T00:00:00Z");
  EXPECT_THROW(svc.import(future), IndustryError)
      << "signed in the future of the aggregator's clock";
  // Unknown key: a submitter id nobody registered.
  std::string text = docs[2].text;
  auto pos = text.find("\"submitter_id\":");
  text.replace(pos, text.find(',', pos) - pos, "\"submitter_id\":999");
  EXPECT_THROW(svc.import({{"x.json", text}}), IndustryError);
  EXPECT_EQ(count(), 2);
}

TEST_F(IndustryImport, NewerReplacesOlder) {
  testing::TempDb op_tmp;
  store::Db op{op_tmp.path};
  op.migrate();
  assess::AssessRepo ar(op, "t");
  auto org = ar.create_org({0, "事業者", "operator_registered", {"isp_data"}, 50000, {"東京都"}});
  auto a = ar.create(org.id, tcs(), "operator", "FY2026", "");
  std::string t = "2026-06-01T00:00:00Z";
  IndustryService opsvc{op, anzen::testing::tree_catalog(), [this] { return kek; },
                        [&t] { return t; }, "op"};
  auto id = svc.register_submitter("op", opsvc.keygen(org.id));
  auto first = opsvc.sign_submission(a, id);
  t = "2026-07-01T00:00:00Z";
  auto second = opsvc.sign_submission(a, id);
  EXPECT_FALSE(svc.import({{"2.json", second}})[0].replaced);
  EXPECT_THROW(svc.import({{"1.json", first}}), IndustryError) << "older than the stored one";
  EXPECT_EQ(svc.repo().submission_of(id, "FY2026")->created_at, "2026-07-01T00:00:00Z");
  t = "2026-08-01T00:00:00Z";
  EXPECT_TRUE(svc.import({{"3.json", opsvc.sign_submission(a, id)}})[0].replaced);
  EXPECT_EQ(count(), 1);
  // The preview holds scores and profile only: no names, answers or comments.
  auto p = opsvc.preview_json(a, id);
  EXPECT_EQ(p.dump().find("事業者"), std::string::npos);
  EXPECT_EQ(p["size_band"], "10k_100k");
  EXPECT_EQ(p["services"], json::array({"isp_data"}));
  // The stored private key is sealed: its bytes never appear in the database file.
  auto sealed = opsvc.repo().key("org:" + std::to_string(org.id))->sealed_secret;
  EXPECT_THROW(unseal(sealed, new_kek()), DocumentError);
}

}  // namespace anzen::industry
