// The shipped telecom standard (tcs-2023): counts the issue names and fidelity to the seed.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "catalog/catalog_dir.h"
#include "catalog/export.h"
#include "catalog/query.h"
#include "common/text.h"
#include "testing/catalogs.h"
#include "testing/frameworks.h"
#include "testing/seeds.h"

namespace anzen::catalog {
namespace {

const Framework& tcs() { return testing::shipped_framework("tcs-2023"); }

// The seed text of a source range, stripped the same way as catalog text.
std::string seed_span(const std::vector<std::string>& lines, const SourceRef& s) {
  std::string out;
  for (int l = s.first; l <= s.last && l <= static_cast<int>(lines.size()); ++l) {
    out += text::strip_for_compare(lines[static_cast<size_t>(l - 1)]);
  }
  return out;
}

TEST(TcsCatalog, HasTheCountsOfTheStandard) {
  auto s = stats(anzen::testing::tree_catalog(), tcs());
  EXPECT_EQ(s["kinds"]["chapter"], 10);
  EXPECT_EQ(s["kinds"]["section"], 24);
  EXPECT_EQ(s["kinds"]["item"], 91);
  EXPECT_EQ(s["kinds"]["subitem"], 125);
  EXPECT_EQ(s["checklist_rows"], 199);
  EXPECT_EQ(s["operator_recommended_rows"], 199);
  EXPECT_EQ(s["maker_recommended_rows"], 89);
  EXPECT_GT(s["questions"].get<int>(), 199);
  int multi = 0;
  for (const Item* c : tcs().checks()) multi += c->questions.size() > 1;
  EXPECT_EQ(multi, 45) << "the seeds guide: 45 rows pack several questions";
}

TEST(TcsCatalog, RowsAreContiguousAndEveryCheckHasAParentItem) {
  int expected = 1;
  for (const Item* c : tcs().checks()) {
    EXPECT_EQ(c->row, expected) << c->id;
    char want[16];
    std::snprintf(want, sizeof want, "T2-%03d", expected);
    EXPECT_EQ(c->id, want);
    const Item* p = tcs().find(c->parent);
    ASSERT_NE(p, nullptr) << c->id;
    // Chapter 8 (ransomware) has no lettered items: its rows belong to section 8.(1) itself.
    bool ransomware = p->id == "8.1";
    EXPECT_TRUE(p->kind == "item" || p->kind == "subitem" || ransomware) << c->id << " under " << p->kind;
    ++expected;
  }
  EXPECT_EQ(expected, 200);
}

TEST(TcsCatalog, EveryQuestionIsVerbatimInItsSeedLine) {
  ANZEN_REQUIRE_SHARED();
  auto lines = testing::seed_lines("000_6bea93994fedf7a5.txt");
  ASSERT_GT(lines.size(), 2000u);
  int checked = 0;
  for (const Item* c : tcs().checks()) {
    std::string span = seed_span(lines, c->source);
    EXPECT_GE(c->source.first, 1863) << c->id << " must point into 表2";
    EXPECT_LE(c->source.last, 2186) << c->id;
    for (const auto& q : c->questions) {
      std::string want = text::strip_for_compare(q.text.ja);
      EXPECT_NE(span.find(want), std::string::npos)
          << q.id << " text not found at seed line " << c->source.first << ": " << q.text.ja;
      ++checked;
    }
  }
  EXPECT_GT(checked, 199);
}

TEST(TcsCatalog, EveryTitleIsInTheSeedAtItsSourceLines) {
  ANZEN_REQUIRE_SHARED();
  auto lines = testing::seed_lines("000_6bea93994fedf7a5.txt");
  for (const auto& it : tcs().items) {
    if (it.kind == "check") continue;
    ASSERT_FALSE(it.source.empty()) << it.id;
    std::string span = seed_span(lines, it.source);
    // Titles sit on the first line; allow a label before them.
    EXPECT_NE(span.find(text::strip_for_compare(it.title.ja)), std::string::npos)
        << it.id << " title '" << it.title.ja << "' not at line " << it.source.first;
  }
}

TEST(TcsCatalog, ReferenceDataIsVerbatimAtItsLines) {
  ANZEN_REQUIRE_SHARED();
  auto lines = testing::seed_lines("000_6bea93994fedf7a5.txt");
  const auto& ref = tcs().reference;
  ASSERT_EQ(ref["glossary"].size(), 57u);
  ASSERT_EQ(ref["threats"].size(), 4u);
  ASSERT_EQ(ref["characteristics"].size(), 7u);
  int checked = 0;
  for (const char* key : {"glossary", "scope", "threats", "characteristics"}) {
    for (const auto& e : ref[key]) {
      SourceRef s;
      if (e.contains("lines")) s.first = e["lines"][0].get<int>(), s.last = e["lines"][1].get<int>();
      else s.first = s.last = e["line"].get<int>();
      std::string span = seed_span(lines, s);
      for (const char* f : {"term", "name", "definition", "text"}) {
        if (!e.contains(f)) continue;
        std::string ja = text::strip_for_compare(e[f]["ja"].get<std::string>());
        EXPECT_NE(span.find(ja), std::string::npos) << key << " " << f << " not at lines " << s.first << "-" << s.last << ": " << ja;
        EXPECT_FALSE(e[f]["en"].get<std::string>().empty()) << key;
        ++checked;
      }
    }
  }
  EXPECT_GT(checked, 130);
}

TEST(TcsCatalog, ThreatTagsFollowTable1) {
  const auto& fw = tcs();
  auto tags = [&](const char* id) { return fw.find(id)->threats; };
  EXPECT_EQ(tags("1.1"), std::vector<std::string>{"cyber_attack"});
  EXPECT_EQ(tags("3.1"), std::vector<std::string>{"common"});
  EXPECT_EQ(tags("3.3"), std::vector<std::string>{"congestion"});
  EXPECT_EQ(tags("5.2"), std::vector<std::string>{"failure_disaster"});
  EXPECT_EQ(tags("6.4"), std::vector<std::string>{"info_leak"});
  EXPECT_EQ(tags("7.1"), std::vector<std::string>{"cloud_use"});
  EXPECT_EQ(tags("7.2"), std::vector<std::string>{"cloud_provision"});
  // Checks inherit the tag of their section.
  EXPECT_EQ(fw.find("T2-001")->threats, std::vector<std::string>{"cyber_attack"});
}

TEST(TcsCatalog, CitesIso27002Clauses) {
  std::set<std::string> clauses;
  for (const auto& it : tcs().items) {
    for (const auto& r : it.references) {
      if (r.scheme == "iso27002-2022") clauses.insert(r.id);
    }
  }
  EXPECT_EQ(clauses.size(), 51u);  // the seeds guide: 51 distinct clauses
}

TEST(TcsCatalog, JsonExportRoundTripsLosslessly) {
  auto j = export_json(tcs());
  Framework back = import_json(j);
  EXPECT_EQ(export_json(back), j);
  EXPECT_EQ(back.items.size(), tcs().items.size());
}

TEST(TcsCatalog, CsvExportHasOneLinePerElementAndQuestion) {
  std::string csv = export_csv(tcs());
  size_t lines = static_cast<size_t>(std::count(csv.begin(), csv.end(), '\n'));
  auto s = stats(anzen::testing::tree_catalog(), tcs());
  size_t want = 1 + tcs().items.size() - 199 + s["questions"].get<size_t>();
  // Quoted fields may contain newlines, so parse instead of counting when they differ.
  EXPECT_GE(lines, want);
}

TEST(TcsCatalog, SearchIsWidthAndKanaInsensitive) {
  const auto& cat = anzen::testing::tree_catalog();
  auto ids = [&](std::string_view q) {
    std::set<std::string> out;
    for (const auto& h : search(cat, q, "tcs-2023", 1000)) out.insert(h.item->id);
    return out;
  };
  auto kata = ids("ランサムウェア");
  EXPECT_FALSE(kata.empty());
  EXPECT_TRUE(kata.count("8")) << "chapter 8 is the ransomware chapter";
  EXPECT_EQ(ids("らんさむうぇあ"), kata);
  EXPECT_EQ(ids("ﾗﾝｻﾑｳｪｱ"), kata);
  EXPECT_FALSE(ids("ＤＤｏＳ").empty());
  EXPECT_EQ(ids("ＤＤｏＳ"), ids("ddos"));
  EXPECT_FALSE(ids("ransomware").empty());  // English renderings are searched too
}

}  // namespace
}  // namespace anzen::catalog

namespace anzen::catalog {
namespace {

// Threats and characteristics carry their whole paragraph(s), not only the first sentence: the
// Japanese is exactly the seed text under the heading line.
TEST(TcsCatalog, ThreatsAndCharacteristicsHoldTheirWholeParagraphs) {
  ANZEN_REQUIRE_SHARED();
  auto lines = testing::seed_lines("000_6bea93994fedf7a5.txt");
  int checked = 0;
  for (const char* key : {"threats", "characteristics"}) {
    for (const auto& e : tcs().reference[key]) {
      SourceRef body{e["lines"][0].get<int>() + 1, e["lines"][1].get<int>(),
                     ""};  // below the heading
      EXPECT_EQ(text::strip_for_compare(e["text"]["ja"].get<std::string>()), seed_span(lines, body))
          << key << " " << e["id"].get<std::string>() << " is not the whole text of lines "
          << body.first << "-" << body.last;
      ++checked;
    }
  }
  EXPECT_EQ(checked, 11);
}

}  // namespace
}  // namespace anzen::catalog
