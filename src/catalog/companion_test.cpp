// The companion frameworks (seeds 001-004) and the mappings between them and tcs-2023: the
// counts the issue names, fidelity to the seeds, and chains of mappings over real data.
#include <gtest/gtest.h>

#include "catalog/catalog_dir.h"
#include "catalog/mapping.h"
#include "catalog/query.h"
#include "common/text.h"
#include "testing/catalogs.h"
#include "testing/seeds.h"

namespace anzen::catalog {
namespace {

const Framework& fw(const char* id) {
  const Framework* f = anzen::testing::tree_catalog().find(id);
  if (!f) throw std::runtime_error(std::string(id) + " not in the shipped catalog");
  return *f;
}

int count(const char* id, const char* kind) {
  return stats(anzen::testing::tree_catalog(), fw(id))["kinds"].value(kind, 0);
}

TEST(Companions, CountsOfTheIssue) {
  EXPECT_EQ(count("nisc-guideline-5", "item"), 18);
  EXPECT_EQ(count("nisc-guideline-5", "phase"), 4);
  EXPECT_EQ(count("nisc-guideline-5", "perspective"), 7);
  EXPECT_EQ(count("nisc-guideline-5", "category"), 10);
  EXPECT_EQ(count("nisc-guideline-5", "area"), 21);
  EXPECT_EQ(count("nisc-measures", "item"), 24);
  auto attrs = stats(anzen::testing::tree_catalog(),
                     fw("nisc-measures"))["attributes"]["item"]["classification"];
  EXPECT_EQ(attrs["要検討事項"], 22);
  EXPECT_EQ(attrs["参考事項"], 2);
  EXPECT_GE(count("nisc-measures", "example"), 385) << "about 390 example measures";
  EXPECT_EQ(count("mic-tech-selfcheck", "check"), 24);
  EXPECT_EQ(fw("mic-tech-selfcheck").answer_scale, "document");
  EXPECT_EQ(count("mic-mgmt-rules", "check"), 28) << "5 + 7 + 13 + 3 items of 施行規則第29条";
  EXPECT_EQ(count("mic-survey-2021", "area"), 7);
  EXPECT_GT(fw("mic-nw-safety").items.size(), 10u);
}

// The seed text of a source range, stripped the same way as catalog text (and without the
// markdown emphasis the extraction left in seed 002).
std::string seed_span(const std::vector<std::string>& lines, const SourceRef& s) {
  std::string out;
  for (int l = s.first; l <= s.last && l <= static_cast<int>(lines.size()); ++l) out += text::strip_for_compare(lines[static_cast<size_t>(l - 1)]);
  std::string clean;
  for (size_t i = 0; i < out.size(); ++i) {
    if (out.compare(i, 2, "**") == 0) ++i;
    else clean += out[i];
  }
  return clean;
}

TEST(Companions, TitlesAreVerbatimInTheSeedAtTheirLines) {
  ANZEN_REQUIRE_SHARED();
  for (const char* id : {"nisc-guideline-5", "nisc-measures", "mic-mgmt-rules", "mic-tech-selfcheck", "mic-nw-safety", "mic-survey-2021"}) {
    const Framework& f = fw(id);
    int checked = 0;
    for (const auto& it : f.items) {
      if (it.source.empty()) continue;
      auto lines = testing::seed_lines(it.source.document_or(f.source_document));
      ASSERT_GT(lines.size(), 100u) << id << ":" << it.id;
      std::string want = text::strip_for_compare(it.title.ja);
      EXPECT_NE(seed_span(lines, it.source).find(want), std::string::npos)
          << id << ":" << it.id << " title '" << it.title.ja << "' not at line " << it.source.first;
      ++checked;
    }
    EXPECT_EQ(checked, static_cast<int>(f.items.size())) << id << ": every item has a source line";
  }
}

TEST(Companions, MappingsCoverTheCitedAndInferredLinks) {
  const Catalog& cat = anzen::testing::tree_catalog();
  auto to = [&](const char* from_fw, const char* item, const char* target) {
    std::vector<std::string> out;
    for (const auto& h : hops_from(cat, from_fw, item)) {
      if (h.to_framework == target) out.push_back(h.to);
    }
    return out;
  };
  // tcs-2023 chapter 1-2 citations of the guideline, carried to the 5th edition's items.
  EXPECT_EQ(to("tcs-2023", "2.1.2", "nisc-guideline-5"), std::vector<std::string>{"4.1.3.1"});
  EXPECT_EQ(to("tcs-2023", "1.1.1.2", "nisc-guideline-5"), std::vector<std::string>{"4.1.2.2"});
  for (const auto& m : cat.mappings) {
    if (m.target_framework == "nisc-guideline-5" || m.target_framework == "nisc-measures" || m.source_framework == "mic-survey-2021") {
      EXPECT_EQ(m.origin, "inferred") << m.set_id << " " << m.from;
      EXPECT_FALSE(m.rationale.ja.empty() || m.rationale.en.empty()) << m.set_id << " " << m.from << ": inferred needs a rationale";
    }
  }
  // Same title in both: equal.
  auto hops = hops_from(cat, "nisc-measures", "2.5.1");
  ASSERT_EQ(hops.size(), 1u);
  EXPECT_EQ(hops[0].to, "3.1.10");
  EXPECT_EQ(hops[0].relationship, Relationship::equal);
  // Survey areas reach tcs-2023 chapters.
  EXPECT_EQ(to("mic-survey-2021", "SA4", "tcs-2023"), (std::vector<std::string>{"3", "6"}));
}

TEST(Companions, EveryIso27002CitationIsAMapping) {
  const Catalog& cat = anzen::testing::tree_catalog();
  int cited = 0;
  for (const auto& it : fw("tcs-2023").items) {
    for (const auto& r : it.references) {
      if (r.scheme != "iso27002-2022") continue;
      ++cited;
      bool found = false;
      for (const auto& h : hops_from(cat, "tcs-2023", it.id)) found = found || (h.to_framework == "iso27002-2022" && h.to == r.id);
      EXPECT_TRUE(found) << "tcs-2023:" << it.id << " cites ISO/IEC 27002 " << r.id << " without a mapping";
    }
  }
  EXPECT_GE(cited, 51) << "the 51 distinct clauses of the seeds guide";
}

TEST(Companions, AChainOfTwoMappingsLeadsFromTheMeasuresCompendiumToIso27002) {
  // nisc-measures 1.4.2 (電子計算機) → tcs-2023 6.1.3 (マルウェアに対する保護) → ISO/IEC 27002 8.7.
  auto cs = chains(anzen::testing::tree_catalog(), "nisc-measures", "1.4.2", "iso27002-2022", 2);
  bool found = false;
  for (const auto& c : cs) {
    if (c.size() == 2 && c[0].to == "6.1.3" && c[1].to == "8.7") {
      found = true;
      EXPECT_EQ(compose(c), Relationship::intersects);
      EXPECT_EQ(c[0].entry->origin, "inferred");
      EXPECT_EQ(c[1].entry->origin, "stated");
    }
  }
  EXPECT_TRUE(found) << cs.size() << " chain(s)";
  // Answers in tcs-2023 propose statuses in nisc-measures, each with its chain.
  std::map<std::string, std::string> answers;
  for (const Item* c : fw("tcs-2023").checks()) {
    if (c->parent.rfind("6.1.3", 0) == 0) {
      for (const auto& q : c->questions) answers[q.id] = "implemented";
    }
  }
  ASSERT_FALSE(answers.empty());
  bool proposed = false;
  for (const auto& p :
       propose(anzen::testing::tree_catalog(), fw("tcs-2023"), answers, fw("nisc-measures"))) {
    if (p.target_item == "1.4.2") {
      proposed = true;
      EXPECT_FALSE(p.chain.empty());
      EXPECT_FALSE(p.reason_ja.empty());
    }
  }
  EXPECT_TRUE(proposed);
}

}  // namespace
}  // namespace anzen::catalog
