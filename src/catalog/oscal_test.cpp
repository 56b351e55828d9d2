// OSCAL in and out: parameters, bounded parsing, NIST's catalog and baseline profile (files
// from outside, in tests/fixtures/oscal-nist), and the lossless round trip of our frameworks.
#include <gtest/gtest.h>

#include <set>

#include "assess/scoring.h"
#include "catalog/catalog_dir.h"
#include "catalog/export.h"
#include "catalog/oscal_import.h"
#include "catalog/oscal_json.h"
#include "catalog/oscal_params.h"
#include "catalog/oscal_profile.h"
#include "catalog/query.h"
#include "common/paths.h"
#include "testing/catalogs.h"
#include "testing/oscal_schema.h"

namespace anzen::catalog {
namespace {
using nlohmann::json;

std::filesystem::path fixture(const std::string& name) {
  return data_dir() / "tests" / "fixtures" / "oscal-nist" / name;
}
json load(const std::string& name) { return parse_oscal_json(read_file(fixture(name)), name); }

// The shipped catalog plus one imported framework, as `catalog import` builds it.
Catalog with(const FrameworkFiles& files) {
  auto [fws, maps] = read_catalog_dir(data_dir() / "catalogs");
  fws.push_back(files);
  return build_catalog(fws, maps);
}

void expect_valid(const json& doc, const std::string& model) {
  auto errors = testing::oscal_schema_errors(doc, model);
  if (!errors)
    GTEST_SKIP() << "node or ajv not installed (scripts/install-deps.sh test installs them)";
  EXPECT_EQ(*errors, "") << model;
}

std::set<std::string> control_ids(const json& node) {
  std::set<std::string> out;
  for (const char* k : {"groups", "controls"}) {
    for (const auto& c : node.value(k, json::array())) {
      if (std::string(k) == "controls") out.insert(c["id"].get<std::string>());
      auto sub = control_ids(c);
      out.insert(sub.begin(), sub.end());
    }
  }
  return out;
}

TEST(OscalParams, RenderLabelsChoicesAndValuesDistinctly) {
  OscalParams p;
  const json params = json::parse(R"([
    {"id": "a", "label": "organization-defined frequency"},
    {"id": "b", "select": {"choice": ["removes", "disables"]}},
    {"id": "c", "select": {"how-many": "one-or-more", "choice": ["blocking", " {{ insert: param, a }} "]}},
    {"id": "d", "label": "x", "values": ["monthly"]},
    {"id": "loop", "select": {"choice": ["{{ insert: param, loop }}"]}}])");
  p.add(params);  // kept by reference: the catalog outlives its renderer
  EXPECT_EQ(p.render("Reviews {{ insert: param, a }}.", "en"),
            "Reviews [Assignment: organization-defined frequency].");
  EXPECT_EQ(p.render("Reviews {{ insert: param, a }}.", "ja"),
            "Reviews 【割当: organization-defined frequency】.");
  EXPECT_EQ(p.render("{{insert: param, b}}", "en"), "[Selection: removes; disables]");
  EXPECT_EQ(p.render("{{ insert: param, c }}", "en"),
            "[Selection (one or more): blocking; [Assignment: organization-defined frequency]]");
  EXPECT_EQ(p.render("{{ insert: param, c }}", "ja"),
            "【選択（1つ以上）: blocking／【割当: organization-defined frequency】】");
  EXPECT_EQ(p.render("{{ insert: param, d }}", "en"), "[Value: monthly]");
  EXPECT_EQ(p.render("{{ insert: param, unknown }}", "en"), "[Assignment: unknown]");
  EXPECT_NE(p.render("{{ insert: param, loop }}", "en").find("[Assignment: loop]"),
            std::string::npos);  // a cycle ends
  EXPECT_EQ(p.render("{{ not an insert }} and {{", "en"), "{{ not an insert }} and {{");
}

TEST(OscalJson, DeepInputIsRefusedWhileParsingWithItsPath) {
  std::string deep =
      "{\"catalog\": {\"groups\": [" + std::string(100000, '[') + std::string(100000, ']') + "]}}";
  try {
    parse_oscal_json(deep, "deep.json");
    FAIL() << "accepted";
  } catch (const CatalogError& e) {
    EXPECT_EQ(e.defects()[0].file, "deep.json");
    EXPECT_NE(e.defects()[0].field.find("catalog.groups[0]"), std::string::npos)
        << e.defects()[0].field;
    EXPECT_NE(e.defects()[0].message.find("nested deeper than 64"), std::string::npos);
  }
  EXPECT_NO_THROW(
      parse_oscal_json("{\"a\": " + std::string(60, '[') + std::string(60, ']') + "}", "ok.json"));
}

TEST(OscalJson, SizeControlsAndSyntaxAreBounded) {
  OscalLimits small;
  small.max_bytes = 100;
  EXPECT_THROW(parse_oscal_json(std::string(101, ' '), "big.json", small), CatalogError);
  small.max_bytes = 1 << 20;
  small.max_controls = 3;
  std::string four =
      R"({"catalog": {"controls": [{"id": "a"}, {"id": "b", "controls": [{"id": "c"}, {"id": "d"}]}]}})";
  try {
    parse_oscal_json(four, "many.json", small);
    FAIL() << "accepted";
  } catch (const CatalogError& e) {
    EXPECT_EQ(e.defects()[0].field, "catalog.controls[1].controls[1]");
  }
  try {
    parse_oscal_json(R"({"catalog": {"groups": [{"id": "x", "title": }]}})", "broken.json");
    FAIL() << "accepted";
  } catch (const CatalogError& e) {
    EXPECT_EQ(e.defects()[0].field, "catalog.groups[0].title");
  }
}

struct NistRev4 : ::testing::Test {
  static const Catalog& cat() {
    static Catalog c = with(oscal_catalog_to_files(
        load("NIST_SP-800-53_rev4_catalog.json"), "NIST_SP-800-53_rev4_catalog.json", "nist-rev4"));
    return c;
  }
  static const Framework& fw() { return *cat().find("nist-rev4"); }
};

TEST_F(NistRev4, FamiliesAreChaptersAndWithdrawnControlsAreNotAssessed) {
  int chapters = 0, withdrawn = 0;
  for (const auto& it : fw().items) {
    chapters += it.kind == "chapter";
    withdrawn += it.kind == "withdrawn";
  }
  EXPECT_EQ(chapters, 18);
  EXPECT_EQ(withdrawn, 96);
  EXPECT_EQ(fw().checks().size(), 922u - 96u);
  EXPECT_EQ(fw().find("ac-13")->kind, "withdrawn");
  EXPECT_NE(fw().find("ac-13")->text.en.find("incorporated into AC-2"), std::string::npos)
      << fw().find("ac-13")->text.en;
  EXPECT_EQ(fw().find("ac-1")->parent, "ac");
  EXPECT_EQ(fw().find("ac-2.1")->parent, "ac-2");
  assess::AnswerMap answers;
  answers["ac-1.a.1_obj.1.a"] = {};
  answers["ac-1.a.1_obj.1.a"].question_id = "ac-1.a.1_obj.1.a";
  answers["ac-1.a.1_obj.1.a"].status = assess::Status::implemented;
  auto s = assess::score(fw(), "operator", answers);
  EXPECT_EQ(s.by_chapter.size(), 18u);
  EXPECT_EQ(s.by_chapter.at("ac").implemented, 1);
}

TEST_F(NistRev4, ObjectivesKeepNistIdsAndParametersAreReadable) {
  const Item& ac1 = *fw().find("ac-1");
  EXPECT_EQ(ac1.label, "AC-1");
  ASSERT_GE(ac1.questions.size(), 10u);
  EXPECT_EQ(ac1.questions[0].id, "ac-1.a.1_obj.1.a");
  EXPECT_EQ(ac1.questions[0].text.en,
            "Determine if the organization: develops and documents an access control policy that "
            "addresses: purpose;");
  EXPECT_EQ(fw().check_of_question("ac-1.a.1_obj.1.a"), &ac1);
  // The statement keeps its labels and nesting; parameters show their label, marked.
  EXPECT_NE(
      ac1.text.en.find("The organization:\na. Develops, documents, and disseminates to "
                       "[Assignment: organization-defined personnel or roles]:\n  1. An access"),
      std::string::npos)
      << ac1.text.en;
  EXPECT_NE(ac1.text.ja.find("【割当: organization-defined personnel or roles】"),
            std::string::npos);
  for (const auto& it : fw().items) {
    EXPECT_EQ(it.text.en.find("{{"), std::string::npos) << it.id;
    for (const auto& q : it.questions) EXPECT_EQ(q.text.en.find("{{"), std::string::npos) << q.id;
  }
}

TEST_F(NistRev4, ReExportKeepsParametersAndValidates) {
  json out = export_oscal(fw(), "en");
  size_t params = 0, original = 0;
  std::function<void(const json&, size_t&)> count = [&](const json& n, size_t& acc) {
    for (const char* k : {"groups", "controls"}) {
      for (const auto& c : n.value(k, json::array())) {
        acc += c.value("params", json::array()).size();
        count(c, acc);
      }
    }
  };
  count(out["catalog"], params);
  count(load("NIST_SP-800-53_rev4_catalog.json")["catalog"], original);
  EXPECT_EQ(params, original);
  EXPECT_EQ(control_ids(out["catalog"]).count("ac-2.1"), 1u);
  // ... and reads back as the same framework.
  Catalog again = with(oscal_catalog_to_files(out, "again.json", "nist-again"));
  const Framework& fw2 = *again.find("nist-again");
  ASSERT_EQ(fw2.items.size(), fw().items.size());
  for (size_t i = 0; i < fw2.items.size(); ++i) {
    EXPECT_EQ(fw2.items[i].kind, fw().items[i].kind) << fw().items[i].id;
    EXPECT_EQ(fw2.items[i].text.en, fw().items[i].text.en) << fw().items[i].id;
    ASSERT_EQ(fw2.items[i].questions.size(), fw().items[i].questions.size()) << fw().items[i].id;
    for (size_t q = 0; q < fw2.items[i].questions.size(); ++q)
      EXPECT_EQ(fw2.items[i].questions[q].id, fw().items[i].questions[q].id);
  }
  expect_valid(out, "catalog");
}

// A catalog in rev5's shapes, written by us (tests/fixtures/oscal-nist/README.md).
struct Rev5Shaped : ::testing::Test {
  static const Catalog& cat() {
    static Catalog c = with(oscal_catalog_to_files(load("rev5-shaped-catalog.json"),
                                                   "rev5-shaped-catalog.json", "rev5-shaped"));
    return c;
  }
  static const Framework& fw() { return *cat().find("rev5-shaped"); }
};

TEST_F(Rev5Shaped, ObjectiveIdsAreKeptAndEveryParameterIsResolved) {
  const Item& ac1 = *fw().find("ac-1");
  std::vector<std::string> ids;
  for (const auto& q : ac1.questions) ids.push_back(q.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"ac-1_obj.a-1", "ac-1_obj.a-2", "ac-1_obj.b",
                                           "ac-1_obj.c-1", "ac-1_obj.c-2"}));
  EXPECT_EQ(fw().check_of_question("ac-1_obj.a-2"), &ac1);
  EXPECT_EQ(ac1.questions[1].text.en,
            "the policy is shared with [Assignment: personnel or roles];");
  EXPECT_EQ(ac1.questions[3].text.ja, "the policy is reviewed 【割当: frequency】;");
  // The statement: labels and nesting; a selection; a rev4 id resolved through alt-identifier.
  EXPECT_NE(ac1.text.en.find("a. Write and share with [Assignment: personnel or roles]:\n"
                             "  1. [Selection (one or more): organization-level; system-level] "
                             "access policy that:\n    (a) states its purpose and scope;"),
            std::string::npos)
      << ac1.text.en;
  EXPECT_NE(ac1.text.en.find("b. Name [Assignment: official] to manage the policy;"),
            std::string::npos)
      << ac1.text.en;
  // A choice that inserts another parameter shows it, rendered.
  const Item& ac2 = *fw().find("ac-2");
  ASSERT_EQ(ac2.questions.size(), 1u);
  EXPECT_EQ(ac2.questions[0].id, "ac-2_obj");
  EXPECT_EQ(ac2.questions[0].text.en,
            "accounts are managed: [Selection: notify the owners of [Assignment: account types]; "
            "disable the accounts];");
  // Labels: the plain one, whichever order the props come in; the enhancement and withdrawal.
  EXPECT_EQ(ac1.label, "AC-1");
  EXPECT_EQ(ac2.label, "AC-2");
  EXPECT_EQ(fw().find("ac-2.1")->questions.at(0).id, "ac-2.1_obj");
  EXPECT_EQ(fw().find("ac-2.1")->parent, "ac-2");
  EXPECT_EQ(fw().find("ac-2.10")->kind, "withdrawn");
  for (const auto& it : fw().items) {
    EXPECT_EQ(it.text.en.find("{{"), std::string::npos) << it.id;
    for (const auto& q : it.questions) EXPECT_EQ(q.text.en.find("{{"), std::string::npos) << q.id;
  }
  // Assessment methods are not questions.
  EXPECT_EQ(fw().question("ac-1_asm-examine"), nullptr);
}

TEST_F(Rev5Shaped, ReExportKeepsParametersAndValidates) {
  json out = export_oscal(fw(), "en");
  Catalog again = with(oscal_catalog_to_files(out, "again.json", "rev5-again"));
  const Framework& fw2 = *again.find("rev5-again");
  EXPECT_EQ(fw2.find("ac-1")->questions.at(1).id, "ac-1_obj.a-2");
  EXPECT_EQ(fw2.find("ac-1")->text.en, fw().find("ac-1")->text.en);
  EXPECT_EQ(fw2.find("ac-2")->questions.at(0).text.en, fw().find("ac-2")->questions.at(0).text.en);
  expect_valid(out, "catalog");  // last: skips without node and ajv
}

TEST(OscalProfile, NistModerateBaselineResolvesToNistsOwnControlSet) {
  json profile = load("NIST_SP-800-53_rev4_MODERATE-baseline_profile.json");
  json catalog = load("NIST_SP-800-53_rev4_catalog.json");
  auto hrefs = profile_import_hrefs(profile, "p.json");
  ASSERT_EQ(hrefs.size(), 1u);
  EXPECT_EQ(std::filesystem::path(hrefs[0]).filename(), "NIST_SP-800-53_rev4_catalog.json");
  json resolved =
      resolve_profile(profile, "p.json", [&](size_t) -> const json& { return catalog; });
  std::set<std::string> nist = control_ids(
      load("NIST_SP-800-53_rev4_MODERATE-baseline-resolved-profile_catalog-min.json")["catalog"]);
  EXPECT_EQ(nist.size(), 261u);
  EXPECT_EQ(control_ids(resolved["catalog"]), nist);
  Catalog cat = with(oscal_catalog_to_files(
      resolved, "NIST_SP-800-53_rev4_MODERATE-baseline_profile.json", "nist-moderate"));
  std::set<std::string> ours;
  for (const auto* c : cat.find("nist-moderate")->checks()) ours.insert(c->id);
  EXPECT_EQ(ours, nist);
  // alters: NIST's baseline adds a priority to each control, as the resolved catalog shows.
  EXPECT_NE(cat.find("nist-moderate")->find("ac-1")->oscal.find("\"priority\""), std::string::npos);
}

TEST(OscalProfile, SelectionSetParametersAndAlters) {
  json catalog = json::parse(
      R"({"catalog": {"uuid": "u", "metadata": {"title": "t", "version": "1", "last-modified": "2024-01-01T00:00:00Z"},
    "groups": [{"id": "g", "title": "G", "controls": [
      {"id": "a-1", "title": "A1", "params": [{"id": "a-1_prm_1", "label": "frequency"}],
       "props": [{"name": "label", "value": "A-1"}, {"name": "status", "value": "draft"}],
       "parts": [{"id": "a-1_smt", "name": "statement", "prose": "Review {{ insert: param, a-1_prm_1 }}."},
                 {"id": "a-1_gdn", "name": "guidance", "prose": "g"}],
       "controls": [{"id": "a-1.1", "title": "A1.1"}, {"id": "a-1.2", "title": "A1.2"}]},
      {"id": "b-1", "title": "B1"}, {"id": "b-2", "title": "B2"}]}]}})");
  json profile = json::parse(
      R"({"profile": {"uuid": "p", "metadata": {"title": "P", "version": "2", "last-modified": "2024-02-01T00:00:00Z"},
    "imports": [{"href": "c.json", "include-controls": [{"with-ids": ["a-1"], "with-child-controls": "yes"}, {"matching": [{"pattern": "b-*"}]}],
                 "exclude-controls": [{"with-ids": ["a-1.2", "b-2"]}]}],
    "merge": {"as-is": true},
    "modify": {"set-parameters": [{"param-id": "a-1_prm_1", "values": ["annually"]}],
               "alters": [{"control-id": "a-1", "removes": [{"by-name": "guidance"}, {"by-name": "status"}],
                           "adds": [{"position": "after", "by-id": "a-1_smt", "parts": [{"id": "a-1_x", "name": "item", "prose": "added"}]},
                                    {"position": "starting", "props": [{"name": "priority", "value": "P1"}]}]}]}}})");
  json r =
      resolve_profile(profile, "p.json", [&](size_t) -> const json& { return catalog; })["catalog"];
  EXPECT_EQ(control_ids(r), (std::set<std::string>{"a-1", "a-1.1", "b-1"}));
  const json& a1 = r["groups"][0]["controls"][0];
  EXPECT_EQ(a1["params"][0]["values"], json::array({"annually"}));
  EXPECT_EQ(a1["props"][0]["name"], "priority");
  EXPECT_EQ(a1["props"].size(), 2u);  // status removed, label kept
  ASSERT_EQ(a1["parts"].size(), 2u);  // guidance removed, one part added after the statement
  EXPECT_EQ(a1["parts"][1]["id"], "a-1_x");
  Catalog cat = with(oscal_catalog_to_files({{"catalog", r}}, "p.json", "prof"));
  EXPECT_EQ(cat.find("prof")->find("a-1")->text.en, "Review [Value: annually].");
  EXPECT_EQ(cat.find("prof")->version, "2");
  json bad = profile;
  bad["profile"]["imports"][0]["include-controls"][0]["with-ids"] = {"zz-9"};
  try {
    resolve_profile(bad, "p.json", [&](size_t) -> const json& { return catalog; });
    FAIL() << "accepted";
  } catch (const CatalogError& e) {
    EXPECT_EQ(e.defects()[0].field, "profile.imports[0].include-controls[0].with-ids");
  }
}

// Everything item_json shows of an item, without the framework's own id.
json items_of(const Framework& fw) {
  json out = json::array();
  for (const auto& it : fw.items) {
    json j = item_json(fw, it);
    j.erase("framework");
    out.push_back(j);
  }
  return out;
}

TEST(OscalRoundTrip, EveryShippedFrameworkComesBackAsItWas) {
  const Catalog& shipped = anzen::testing::tree_catalog();
  for (const auto& fw : shipped.frameworks) {
    SCOPED_TRACE(fw.id);
    for (const char* lang : {"ja", "en"}) {
      json doc = export_oscal(fw, lang, shipped.mappings);
      ASSERT_TRUE(is_anzen_export(doc["catalog"]));
      Catalog cat = with(oscal_catalog_to_files(doc, fw.id + ".json", "copy"));
      const Framework& copy = *cat.find("copy");
      EXPECT_EQ(items_of(copy), items_of(fw)) << lang;
      EXPECT_EQ(copy.title.ja, fw.title.ja);
      EXPECT_EQ(copy.title.en, fw.title.en);
      EXPECT_EQ(copy.publisher.en, fw.publisher.en);
      EXPECT_EQ(copy.edition.ja, fw.edition.ja);
      EXPECT_EQ(copy.version, fw.version);
      EXPECT_EQ(copy.effective_from, fw.effective_from);
      EXPECT_EQ(copy.kinds, fw.kinds);
      EXPECT_EQ(copy.answer_scale, fw.answer_scale);
      EXPECT_EQ(copy.numbering_only, fw.numbering_only);
      EXPECT_EQ(copy.reference, fw.reference);
      for (size_t i = 0; i < fw.items.size(); ++i) {
        EXPECT_EQ(copy.items[i].attributes, fw.items[i].attributes) << fw.items[i].id;
        EXPECT_EQ(copy.items[i].bullets.size(), fw.items[i].bullets.size()) << fw.items[i].id;
      }
      // The mappings from this framework come back as mappings from the copy.
      auto mapped = [&](const std::string& id) {
        std::multiset<std::string> m;
        for (const auto& e : cat.mappings) {
          if (e.source_framework == id)
            m.insert(e.set_id + " " + e.from + " " + e.target_framework + ":" + e.to + " " +
                     to_string(e.relationship) + " " + e.origin + " " + e.rationale.en);
        }
        return m;
      };
      EXPECT_EQ(mapped("copy"), mapped(fw.id));
    }
  }
}

TEST(OscalRoundTrip, Tcs2023ScoresIdenticallyAndItsExportValidates) {
  const Catalog& shipped = anzen::testing::tree_catalog();
  const Framework& fw = *shipped.find("tcs-2023");
  json doc = export_oscal(fw, "ja", shipped.mappings);
  Catalog cat = with(oscal_catalog_to_files(doc, "tcs.json", "tcs-copy"));
  const Framework& copy = *cat.find("tcs-copy");
  EXPECT_EQ(copy.checks().size(), 199u);
  size_t questions = 0, bullets = 0;
  for (const auto* c : copy.checks()) questions += c->questions.size();
  for (const auto& it : copy.items) bullets += !it.bullets.empty();
  EXPECT_EQ(questions, 261u);
  EXPECT_EQ(bullets, 11u);
  assess::AnswerMap answers;
  int k = 0;
  for (const auto* c : fw.checks()) {
    for (const auto& q : c->questions) {
      static const assess::Status cycle[] = {
          assess::Status::implemented,     assess::Status::partial,
          assess::Status::not_implemented, assess::Status::unanswered,
          assess::Status::not_applicable,  assess::Status::implemented};
      assess::Answer a;
      a.question_id = q.id;
      a.status = cycle[k++ % 6];
      if (a.status != assess::Status::unanswered) answers[q.id] = a;
    }
  }
  for (const char* role : {"operator", "maker"}) {
    EXPECT_EQ(assess::score(copy, role, answers).json({}, copy),
              assess::score(fw, role, answers).json({}, fw))
        << role;
    auto g1 = assess::gaps(fw, role, answers, {}, "2026-11-23"),
         g2 = assess::gaps(copy, role, answers, {}, "2026-11-23");
    ASSERT_EQ(g1.size(), g2.size());
    for (size_t i = 0; i < g1.size(); ++i)
      EXPECT_EQ(g1[i].priority, g2[i].priority) << g1[i].question_id;
  }
  expect_valid(doc, "catalog");
}

}  // namespace
}  // namespace anzen::catalog
