// Seed 003: the IP-network council report's items (ip-council-report) and the table pairing the
// guideline's 設備基準/環境基準/管理基準 items with them (mic-nw-safety__ip-council-report).
#include <gtest/gtest.h>

#include "catalog/catalog_dir.h"
#include "catalog/query.h"
#include "common/text.h"
#include "testing/catalogs.h"
#include "testing/frameworks.h"
#include "testing/seeds.h"

namespace anzen::catalog {
namespace {

const Framework& council() { return testing::shipped_framework("ip-council-report"); }

std::vector<const MappingEntry*> table() {
  std::vector<const MappingEntry*> out;
  for (const auto& m : anzen::testing::tree_catalog().mappings) {
    if (m.set_id == "mic-nw-safety__ip-council-report") out.push_back(&m);
  }
  return out;
}

TEST(Council, TheCongestionItemsOfLines28To50AreComplete) {
  const auto& fw = council();
  std::vector<std::string> labels;
  for (const auto& it : fw.items) {
    if (it.attributes.count("congestion_item")) labels.push_back(it.label);
  }
  EXPECT_EQ(labels, (std::vector<std::string>{"ア", "イ", "エ", "オ", "キ", "ク", "シ"}));
  EXPECT_EQ(fw.find("4.2.2.2")->bullets.size(), 2u);
  EXPECT_EQ(fw.find("4.2.2.12")->bullets.size(), 2u);
  EXPECT_TRUE(fw.date.empty() && fw.publisher.ja.empty())
      << "the seed names neither: unknown, not guessed";
}

TEST(Council, TheTableIsAStatedMappingWithTheCountsOfTheSeed) {
  auto entries = table();
  ASSERT_EQ(entries.size(), 85u);
  const Framework* nw = anzen::testing::tree_catalog().find("mic-nw-safety");
  ASSERT_NE(nw, nullptr);
  int counted = 0;
  for (const auto* m : entries) {
    EXPECT_EQ(m->origin, "stated") << m->from << " -> " << m->to;
    EXPECT_GE(m->line, 58);
    EXPECT_LE(m->line, 229);
    const Item* from = nw->find(m->from);
    ASSERT_NE(from, nullptr) << m->from;
    auto n = from->attributes.find("measures");
    if (from->kind == "category") {
      EXPECT_EQ(m->count, 0) << m->from << ": a 追加 row has no count of its own";
      EXPECT_FALSE(m->rationale.ja.empty());
    } else if (n != from->attributes.end()) {
      EXPECT_EQ(m->count, std::stoi(n->second)) << m->from << " -> " << m->to;
      ++counted;
    }
  }
  EXPECT_GT(counted, 60);
  bool first_row = false;
  for (const auto* m : entries)
    first_row |= m->from == "FAC-1-1-1" && m->to == "5.1.1.9" && m->count == 2 && m->line == 60;
  EXPECT_TRUE(first_row) << "(1)通信センターの分散<2> beside 5.1.1 ケ at line 60";
}

TEST(Council, EachEntryNamesItsCouncilItemOnItsRow) {
  ANZEN_REQUIRE_SHARED();
  auto lines = testing::seed_lines("003_60eb2af73ad86bd5.txt");
  for (const auto* m : table()) {
    const Item* to = council().find(m->to);
    ASSERT_NE(to, nullptr) << m->to;
    std::string row = text::strip_for_compare(lines[static_cast<size_t>(m->line - 1)]);
    std::u32string title =
        text::decode(text::strip_for_compare(to->kind == "section" ? to->id : to->title.ja));
    std::string head = text::encode(title.substr(0, std::min<size_t>(6, title.size())));
    EXPECT_NE(row.find(head), std::string::npos)
        << m->to << " (" << head << ") not on line " << m->line;
  }
}

}  // namespace
}  // namespace anzen::catalog
