#include "catalog/loader.h"

#include <gtest/gtest.h>

namespace anzen::catalog {
namespace {

const char* kFramework = R"(id: demo
version: "1"
title: {ja: デモ, en: Demo}
publisher: {ja: 発行者, en: Publisher}
effective_from: 2024-04-01
kinds: [chapter, item, check]
)";

std::vector<Defect> defects_of(const std::string& items, const std::string& fw = kFramework,
                               const std::vector<SourceFile>& maps = {}) {
  try {
    build_catalog({{{"demo/framework.yaml", fw}, {{"demo/ch01.yaml", items}}}}, maps);
  } catch (const CatalogError& e) {
    return e.defects();
  }
  return {};
}

const char* kGood = R"(items:
  - id: "1"
    kind: chapter
    title: {ja: 組織, en: Organisation}
    source: {line: 10}
    threats: [common]
  - id: "1.1"
    kind: item
    parent: "1"
    title: {ja: 方針, en: Policy}
    source: {lines: [11, 12]}
    references: [{scheme: iso27002-2022, id: "5.1"}]
  - id: T2-001
    kind: check
    parent: "1.1"
    row: 1
    source: {line: 20}
    recommendation: {operator: recommended, maker: reference}
    questions:
      - {id: T2-001.1, text: {ja: 方針があるか, en: "Is there a policy?"}}
)";

std::string replace(std::string s, const std::string& from, const std::string& to) {
  auto p = s.find(from);
  EXPECT_NE(p, std::string::npos) << from;
  return s.replace(p, from.size(), to);
}

void expect_defect(const std::vector<Defect>& d, const std::string& file, int line,
                   const std::string& field, const std::string& words) {
  ASSERT_FALSE(d.empty()) << "expected a defect about " << field;
  for (const auto& x : d) {
    if (x.file == file && x.line == line && x.field == field &&
        x.message.find(words) != std::string::npos) {
      return;
    }
  }
  std::string all;
  for (const auto& x : d) all += "\n" + x.str();
  FAIL() << "no defect " << file << ":" << line << " " << field << " '" << words << "' in" << all;
}

TEST(Loader, AcceptsAWellFormedFramework) {
  EXPECT_TRUE(defects_of(kGood).empty());
  Catalog c = build_catalog({{{"f", kFramework}, {{"c", kGood}}}}, {});
  const Framework* fw = c.find("demo");
  ASSERT_NE(fw, nullptr);
  EXPECT_EQ(fw->items.size(), 3u);
  EXPECT_EQ(fw->find("1.1")->threats, std::vector<std::string>{"common"});  // inherited
  EXPECT_EQ(fw->check_of_question("T2-001.1")->id, "T2-001");
}

TEST(Loader, ReportsDuplicateIdWithFileAndLine) {
  auto d = defects_of(replace(kGood, "id: \"1.1\"", "id: \"1\""));
  expect_defect(d, "demo/ch01.yaml", 7, "id", "duplicate id '1'");
}

TEST(Loader, ReportsUnknownParent) {
  auto d = defects_of(replace(kGood, "parent: \"1.1\"", "parent: \"9.9\""));
  expect_defect(d, "demo/ch01.yaml", 15, "parent", "unknown parent '9.9'");
}

TEST(Loader, ReportsMissingTranslation) {
  auto d = defects_of(replace(kGood, "{ja: 方針, en: Policy}", "{ja: 方針}"));
  expect_defect(d, "demo/ch01.yaml", 10, "title.en", "missing translation");
}

TEST(Loader, ReportsMalformedReference) {
  auto d = defects_of(replace(kGood, "id: \"5.1\"", "id: \"A.5.1\""));
  expect_defect(d, "demo/ch01.yaml", 7, "references", "malformed reference");
}

TEST(Loader, ReportsUnknownThreat) {
  auto d = defects_of(replace(kGood, "[common]", "[zombies]"));
  expect_defect(d, "demo/ch01.yaml", 6, "threats", "unknown threat 'zombies'");
}

TEST(Loader, ReportsBadRecommendationAndQuestionIds) {
  auto d = defects_of(replace(replace(kGood, "maker: reference", "maker: maybe"), "id: T2-001.1",
                              "id: T2-001.2"));
  expect_defect(d, "demo/ch01.yaml", 18, "recommendation.maker", "'maybe'");
  expect_defect(d, "demo/ch01.yaml", 20, "questions.id", "expected 'T2-001.1'");
}

TEST(Loader, ReportsYamlSyntaxErrorsWithLine) {
  auto d = defects_of("items:\n  - id: [unclosed\n");
  ASSERT_FALSE(d.empty());
  EXPECT_EQ(d[0].file, "demo/ch01.yaml");
  EXPECT_GT(d[0].line, 0);
  EXPECT_NE(d[0].message.find("YAML syntax"), std::string::npos);
}

TEST(Loader, CollectsEveryDefectNotOnlyTheFirst) {
  auto d = defects_of(replace(replace(kGood, "[common]", "[x]"), "{ja: 方針, en: Policy}", "{ja: 方針}"));
  EXPECT_GE(d.size(), 2u);
}

TEST(Loader, ValidatesMappings) {
  SourceFile m{"mappings/m.yaml", R"(id: m
source: demo
target: demo
entries:
  - {from: "1.1", to: "1", relationship: subset, origin: stated, line: 11}
  - {from: "1.1", to: "7", relationship: kind-of, origin: inferred}
)"};
  auto d = defects_of(kGood, kFramework, {m});
  expect_defect(d, "mappings/m.yaml", 6, "to", "unknown item '7'");
  expect_defect(d, "mappings/m.yaml", 6, "relationship", "'kind-of'");
  expect_defect(d, "mappings/m.yaml", 6, "rationale", "missing");
}

TEST(Loader, RejectsKindNotDeclaredByFramework) {
  auto d = defects_of(replace(kGood, "kind: chapter", "kind: volume"));
  expect_defect(d, "demo/ch01.yaml", 3, "kind", "unknown kind 'volume'");
}

}  // namespace
}  // namespace anzen::catalog

namespace anzen::catalog {
namespace {
// A newer edition loads beside the older one; both stay addressable by id@version.
TEST(Loader, TwoEditionsOfAFrameworkLoadSideBySide) {
  std::string v2 = replace(replace(kFramework, "version: \"1\"", "version: \"2\"\nsupersedes: demo\n"), "2024-04-01", "2026-04-01");
  std::string v1 = replace(kFramework, "effective_from: 2024-04-01", "effective_from: 2024-04-01\neffective_to: 2026-03-31");
  std::string items2 = replace(kGood, "title: {ja: 方針, en: Policy}", "title: {ja: 基本方針, en: Basic policy}");
  Catalog cat = build_catalog({{{"demo/1/framework.yaml", v1}, {{"demo/1/ch01.yaml", kGood}}},
                               {{"demo/2/framework.yaml", v2}, {{"demo/2/ch01.yaml", items2}}}},
                              {});
  ASSERT_NE(cat.find("demo", "1"), nullptr);
  ASSERT_NE(cat.find("demo", "2"), nullptr);
  EXPECT_EQ(cat.find("demo")->version, "2") << "newest edition by default";
  EXPECT_EQ(cat.find("demo", "1")->find("1.1")->title.ja, "方針");
  EXPECT_EQ(cat.find("demo", "2")->find("1.1")->title.ja, "基本方針");
  EXPECT_EQ(cat.find("demo", "1")->effective_to, "2026-03-31");
  EXPECT_EQ(cat.find("demo", "2")->supersedes, "demo");
}
}  // namespace
}  // namespace anzen::catalog
