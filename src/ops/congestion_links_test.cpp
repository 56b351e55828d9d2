#include "ops/congestion_links.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "catalog/catalog_dir.h"
#include "testing/catalogs.h"

namespace anzen::ops {
namespace {

TEST(CongestionLinks, ShippedFileResolvesSeed003MeasuresAndTheThreat) {
  const auto& l = anzen::testing::tree_catalogs().congestion_links();
  auto has = [](const std::vector<CatalogLink>& v, const std::string& id) {
    return std::any_of(v.begin(), v.end(), [&](const CatalogLink& x) { return x.item == id; });
  };
  EXPECT_TRUE(has(l.measures, "4.2.2.1"));
  EXPECT_FALSE(has(l.measures, "4.2.2")) << "the section itself is not a measure";
  EXPECT_EQ(l.threat.ja, "ネットワーク輻そう");
  ASSERT_FALSE(l.threat_checks.empty());
  const auto* fw = anzen::testing::tree_catalog().find(l.threat_framework);
  ASSERT_NE(fw, nullptr);
  for (const auto& c : l.threat_checks) {
    const auto* it = fw->find(c.item);
    ASSERT_NE(it, nullptr) << c.item;
    EXPECT_NE(std::find(it->threats.begin(), it->threats.end(), "congestion"), it->threats.end());
  }
}

TEST(CongestionLinks, AnEntryThatDoesNotResolveNamesTheFileAndField) {
  const auto& cat = anzen::testing::tree_catalog();
  auto error = [&](const std::string& yaml) {
    try {
      congestion_links(cat, yaml, "views/congestion.yaml");
    } catch (const std::invalid_argument& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_NE(error("measures: {framework: nope, attribute: congestion_item}\n"
                  "threat: {framework: tcs-2023, tag: congestion}\n")
                .find("views/congestion.yaml: measures.framework: no framework 'nope'"),
            std::string::npos);
  EXPECT_NE(error("measures: {framework: ip-council-report, attribute: renamed}\n"
                  "threat: {framework: tcs-2023, tag: congestion}\n")
                .find("measures.attribute"),
            std::string::npos);
  EXPECT_NE(error("measures: {framework: ip-council-report, attribute: congestion_item}\n"
                  "threat: {framework: tcs-2023, tag: traffic}\n")
                .find("threat.tag: no threat 'traffic'"),
            std::string::npos);
}

}  // namespace
}  // namespace anzen::ops
