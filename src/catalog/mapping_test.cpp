#include "catalog/mapping.h"

#include <gtest/gtest.h>

#include "catalog/loader.h"

namespace anzen::catalog {
namespace {

FrameworkFiles fw(const std::string& id, const std::string& items) {
  return {{id + "/framework.yaml", "id: " + id + R"(
version: "1"
title: {ja: 枠組み, en: Framework}
publisher: {ja: 発行者, en: Publisher}
effective_from: 2024-04-01
kinds: [item, check]
numbering_only: true
)"},
          {{id + "/items.yaml", items}}};
}

// a:1 (checks a:R1 with two questions) == b:X ⊂ c:P ; b:Y intersects c:Q
Catalog demo() {
  return build_catalog(
      {fw("a", R"(items:
  - {id: "1", kind: item, title: {ja: 方針, en: Policy}}
  - id: R1
    kind: check
    parent: "1"
    row: 1
    recommendation: {operator: recommended, maker: reference}
    questions:
      - {id: R1.1, text: {ja: 策定, en: Drafted}}
      - {id: R1.2, text: {ja: 承認, en: Approved}}
  - {id: "2", kind: item, title: {ja: 教育, en: Training}}
  - id: R2
    kind: check
    parent: "2"
    row: 2
    recommendation: {operator: recommended, maker: recommended}
    questions:
      - {id: R2.1, text: {ja: 実施, en: Done}}
)"),
       fw("b", R"(items:
  - {id: X, kind: item, title: {ja: 方針群, en: Policies}}
  - {id: Y, kind: item, title: {ja: 意識, en: Awareness}}
)"),
       fw("c", R"(items:
  - {id: P, kind: item, title: {ja: 統治, en: Governance}}
  - {id: Q, kind: item, title: {ja: 人, en: People}}
)")},
      {{"mappings/ab.yaml", R"(id: ab
source: a
target: b
entries:
  - {from: "1", to: X, relationship: equal, origin: stated, line: 5}
  - {from: "2", to: Y, relationship: subset, origin: inferred, rationale: {ja: 教育は意識の一部, en: training is part of awareness}}
)"},
       {"mappings/cb.yaml", R"(id: cb
source: c
target: b
entries:
  - {from: P, to: X, relationship: superset, origin: inferred, rationale: {ja: 統治は方針を含む, en: governance includes policies}}
  - {from: Q, to: Y, relationship: intersects, origin: inferred, rationale: {ja: 重なる, en: overlap}}
)"}});
}

TEST(Mapping, ReverseHopInvertsTheRelationship) {
  Catalog c = demo();
  auto hs = hops_from(c, "b", "X");
  ASSERT_EQ(hs.size(), 2u);
  // b:X -> a:1 is the reverse of an 'equal'; b:X -> c:P reverses 'superset' into 'subset'.
  for (const auto& h : hs) {
    if (h.to_framework == "c") {
      EXPECT_EQ(h.relationship, Relationship::subset);
    }
    if (h.to_framework == "a") {
      EXPECT_EQ(h.relationship, Relationship::equal);
    }
    EXPECT_TRUE(h.reversed);
  }
}

TEST(Mapping, FindsAChainOfTwoMappings) {
  Catalog c = demo();
  auto ch = chains(c, "a", "1", "c", 2);
  ASSERT_EQ(ch.size(), 1u);
  ASSERT_EQ(ch[0].size(), 2u);
  EXPECT_EQ(ch[0][0].to, "X");
  EXPECT_EQ(ch[0][1].to, "P");
  // a:1 = b:X ⊂ c:P  =>  a:1 ⊂ c:P
  EXPECT_EQ(compose(ch[0]), Relationship::subset);
  EXPECT_TRUE(chains(c, "a", "1", "c", 1).empty()) << "one hop cannot reach c";
}

TEST(Mapping, ComposeFallsBackToIntersects) {
  Catalog c = demo();
  auto ch = chains(c, "a", "2", "c", 2);
  ASSERT_EQ(ch.size(), 1u);
  EXPECT_EQ(compose(ch[0]), Relationship::intersects);  // subset then intersects
}

TEST(Mapping, ItemStatusesRollUpQuestions) {
  Catalog c = demo();
  const Framework& a = *c.find("a");
  auto s = item_statuses(a, {{"R1.1", "implemented"}, {"R1.2", "implemented"}, {"R2.1", "not_implemented"}});
  EXPECT_EQ(s["1"], "implemented");
  EXPECT_EQ(s["2"], "not_implemented");
  s = item_statuses(a, {{"R1.1", "implemented"}, {"R1.2", "not_implemented"}});
  EXPECT_EQ(s["1"], "partial");
  s = item_statuses(a, {{"R1.1", "implemented"}});
  EXPECT_EQ(s["1"], "partial") << "an unanswered question keeps the item from being implemented";
}

TEST(Mapping, ProposesWithTheJustifyingChain) {
  Catalog c = demo();
  auto ps = propose(c, *c.find("a"), {{"R1.1", "implemented"}, {"R1.2", "implemented"}, {"R2.1", "implemented"}},
                    *c.find("c"), 2);
  ASSERT_EQ(ps.size(), 2u);
  std::map<std::string, Proposal> by;
  for (auto& p : ps) by[p.target_item] = p;
  // a:1 ⊂ c:P: implementing a part proposes only 'partial' for the whole.
  EXPECT_EQ(by["P"].status, "partial");
  EXPECT_EQ(by["P"].chain.size(), 2u);
  EXPECT_EQ(by["Q"].status, "partial");
  EXPECT_NE(by["P"].reason_en.find("b:X"), std::string::npos) << by["P"].reason_en;

  auto direct = propose(c, *c.find("a"), {{"R1.1", "implemented"}, {"R1.2", "implemented"}}, *c.find("b"), 2);
  ASSERT_FALSE(direct.empty());
  EXPECT_EQ(direct[0].target_item, "X");
  EXPECT_EQ(direct[0].status, "implemented");  // equal carries the state over
}

TEST(Mapping, OscalCollectionHasOneMappingPerSet) {
  Catalog c = demo();
  auto j = export_oscal_mappings(c);
  const auto& ms = j["mapping-collection"]["mappings"];
  EXPECT_EQ(ms.size(), 2u);
  EXPECT_EQ(ms[0]["maps"][0]["relationship"], "equal-to");
}

}  // namespace
}  // namespace anzen::catalog
