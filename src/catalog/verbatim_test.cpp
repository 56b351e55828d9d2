// Nothing claims to be a source's words unless it is: every Japanese text of every shipped
// framework that is not marked `authored_by: anzen` occurs in its seed at its stated line(s),
// white space, <p> tags and bullet marks ignored. Page headers that a PDF extraction put inside a
// paragraph are allowed between the pieces of a text, never inside one.
#include <gtest/gtest.h>

#include <filesystem>

#include "catalog/catalog_dir.h"
#include "common/text.h"
#include "testing/catalogs.h"
#include "testing/seeds.h"

namespace anzen::catalog {
namespace {
using nlohmann::json;

// White space, <p> tags and bullet marks are layout: the extraction writes a list item as
// "- …" where the catalog keeps "・…" (and seed 002 has markdown emphasis).
std::string normalise(std::string_view s) {
  std::string t = text::strip_for_compare(s);
  for (size_t p = t.find("**"); p != std::string::npos; p = t.find("**")) t.erase(p, 2);
  for (const std::string mark : {"・", "-"}) {
    for (size_t p = t.find(mark); p != std::string::npos; p = t.find(mark)) t.erase(p, mark.size());
  }
  return t;
}

struct Seed {
  std::vector<std::string> lines;  // stripped for comparison
};

const Seed* seed(const std::string& name) {
  static std::map<std::string, Seed> cache;
  auto it = cache.find(name);
  if (it != cache.end()) return &it->second;
  auto dir = testing::shared_dir();
  if (!dir || name.empty() || !std::filesystem::exists(*dir / "seeds" / name)) return nullptr;
  Seed s;
  for (const auto& l : testing::seed_lines(name)) s.lines.push_back(normalise(l));
  return &cache.emplace(name, std::move(s)).first->second;
}

// Whether `want` occurs in lines [first, last], in at most one piece per line of the range
// (a piece never spans a page header the generator dropped).
bool occurs(const Seed& s, int first, int last, const std::string& want) {
  if (first < 1 || last > static_cast<int>(s.lines.size()) || last < first) return false;
  std::string span;
  for (int l = first; l <= last; ++l) span += s.lines[static_cast<size_t>(l - 1)];
  if (span.find(want) != std::string::npos) return true;
  size_t at = 0, pos = 0;
  int pieces = 0;
  while (at < want.size()) {
    // The longest prefix of the rest that occurs after `pos`.
    size_t lo = 0, hi = want.size() - at, best = 0, best_pos = 0;
    while (lo < hi) {
      size_t mid = (lo + hi + 1) / 2;
      size_t f = span.find(want.substr(at, mid), pos);
      if (f != std::string::npos) {
        lo = mid;
        best = mid;
        best_pos = f;
      } else {
        hi = mid - 1;
      }
    }
    if (best < std::min<size_t>(12, want.size() - at)) return false;
    at += best;
    pos = best_pos + best;
    if (++pieces > last - first + 1) return false;
  }
  return true;
}

struct Checker {
  int checked = 0;
  void expect(const std::string& where, const std::string& doc, int first, int last,
              const std::string& ja) {
    if (ja.empty()) return;
    const Seed* s = seed(doc);
    ASSERT_NE(s, nullptr) << where << ": seed " << doc << " not found";
    std::string want = normalise(ja);
    EXPECT_TRUE(occurs(*s, first, last, want))
        << where << ": not verbatim at " << doc << " lines " << first << "-" << last << ": " << ja;
    ++checked;
  }
};

// Reference data: every {ja, en} below an object that carries line/lines (and optionally
// document) must be at those lines, unless the object says authored_by: anzen.
void walk(Checker& ck, const std::string& where, const json& j, const std::string& doc, int first,
          int last) {
  if (j.is_array()) {
    for (size_t i = 0; i < j.size(); ++i)
      walk(ck, where + "[" + std::to_string(i) + "]", j[i], doc, first, last);
    return;
  }
  if (!j.is_object()) return;
  if (j.value("authored_by", "") == "anzen") return;
  std::string d =
      j.contains("document") && j["document"].is_string() ? j["document"].get<std::string>() : doc;
  if (j.contains("line") && j["line"].is_number_integer()) first = last = j["line"].get<int>();
  if (j.contains("lines") && j["lines"].is_array() && j["lines"].size() == 2) {
    first = j["lines"][0].get<int>();
    last = j["lines"][1].get<int>();
  }
  if (j.contains("ja") && j["ja"].is_string() && j.contains("en")) {
    if (first > 0) ck.expect(where, d, first, last, j["ja"].get<std::string>());
    return;
  }
  for (const auto& [k, v] : j.items()) walk(ck, where + "." + k, v, d, first, last);
}

TEST(Verbatim, EveryTextNotMarkedOursIsInItsSeedAtItsLine) {
  ANZEN_REQUIRE_SHARED();
  int frameworks = 0;
  for (const auto& fw : anzen::testing::tree_catalog().frameworks) {
    if (fw.numbering_only || !fw.imported_from.empty() || !seed(fw.source_document)) continue;
    ++frameworks;
    Checker ck;
    for (const auto& it : fw.items) {
      if (it.source.empty()) continue;
      std::string doc = it.source.document_or(fw.source_document);
      std::string where = fw.id + ":" + it.id;
      if (it.author == Author::source) {
        ck.expect(where + " title", doc, it.source.first, it.source.last, it.title.ja);
        ck.expect(where + " text", doc, it.source.first, it.source.last, it.text.ja);
        for (const auto& b : it.bullets) {
          SourceRef s = b.source.empty() ? it.source : b.source;
          ck.expect(where + " bullet", s.document_or(doc), s.first, s.last, b.text.ja);
        }
      }
      for (const auto& q : it.questions) {
        if (q.author == Author::anzen) continue;
        SourceRef s = q.source.empty() ? it.source : q.source;
        ck.expect(q.id, s.document_or(doc), s.first, s.last, q.text.ja);
      }
    }
    walk(ck, fw.id + ".reference", fw.reference, fw.source_document, 0, 0);
    EXPECT_GT(ck.checked, 0) << fw.id;
  }
  EXPECT_GE(frameworks, 7) << "tcs-2023, nisc-guideline-5, nisc-measures and the four MIC catalogs";
}

TEST(Verbatim, TheMicChecklistsSayTheirQuestionsAndMarksAreOurs) {
  for (const char* id : {"mic-mgmt-rules", "mic-tech-selfcheck"}) {
    const Framework* fw = anzen::testing::tree_catalog().find(id);
    ASSERT_NE(fw, nullptr) << id;
    int ours = 0;
    for (const Item* c : fw->checks()) {
      EXPECT_EQ(c->recommendation_author, Author::anzen)
          << c->id << ": the seed gives no operator/maker marks";
      for (const auto& q : c->questions) ours += q.author == Author::anzen;
    }
    EXPECT_EQ(ours, std::string(id) == "mic-mgmt-rules" ? 28 : 24) << id;
  }
  // tcs-2023's questions are 表2's own words.
  for (const Item* c : anzen::testing::tree_catalog().find("tcs-2023")->checks()) {
    EXPECT_EQ(c->recommendation_author, Author::source) << c->id;
    for (const auto& q : c->questions) EXPECT_EQ(q.author, Author::source) << q.id;
  }
}

}  // namespace
}  // namespace anzen::catalog
