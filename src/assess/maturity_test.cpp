#include "assess/maturity.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

#include "catalog/loader.h"
#include "testing/catalogs.h"

namespace anzen::assess {
namespace {

TEST(Maturity, DefaultScaleHasSixDefinedLevels) {
  const auto& s = anzen::testing::tree_scale();
  ASSERT_EQ(s.levels.size(), 6u);
  EXPECT_EQ(s.max(), 5);
  EXPECT_EQ(s.target, 3);
  for (const auto& l : s.levels) {
    EXPECT_FALSE(l.definition.ja.empty());
    EXPECT_FALSE(l.definition.en.empty());
  }
}

TEST(Maturity, ACustomScaleIsValidated) {
  std::string path = ::testing::TempDir() + "/scale-" + std::to_string(::getpid()) + ".yaml";
  std::ofstream(path) << "id: x\ntitle: {ja: 三段階, en: Three levels}\ntarget: 4\nlevels:\n"
                         "  - {level: 0, name: {ja: 無, en: None}, definition: {ja: 無い, en: none}}\n"
                         "  - {level: 2, name: {ja: 有, en: Some}, definition: {ja: 有る}}\n";
  try {
    load_maturity_scale(path);
    FAIL() << "accepted a broken scale";
  } catch (const catalog::CatalogError& e) {
    std::string w = e.what();
    EXPECT_NE(w.find(":6: level: expected level 1"), std::string::npos) << w;
    EXPECT_NE(w.find("definition: needs ja and en"), std::string::npos) << w;
    EXPECT_NE(w.find("target: must be one of the levels"), std::string::npos) << w;
  }
  std::remove(path.c_str());
}

}  // namespace
}  // namespace anzen::assess
