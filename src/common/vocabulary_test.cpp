#include "common/vocabulary.h"

#include <gtest/gtest.h>

#include <set>

namespace anzen::vocab {
namespace {

TEST(Vocabulary, EveryCodeHasBothLabelsOnce) {
  std::set<std::pair<std::string_view, std::string_view>> seen;
  for (const auto& t : terms()) {
    EXPECT_FALSE(t.ja.empty()) << t.domain << "." << t.code;
    EXPECT_FALSE(t.en.empty()) << t.domain << "." << t.code;
    EXPECT_TRUE(seen.insert({t.domain, t.code}).second) << "twice: " << t.domain << "." << t.code;
  }
}

TEST(Vocabulary, LabelsByLanguageAndLists) {
  EXPECT_EQ(label("service", "voice_emergency", "ja"), "音声（緊急通報あり）");
  EXPECT_EQ(label("report", "prompt", "en"), "Prompt report");
  EXPECT_EQ(label("service", "no_such_code", "ja"), std::nullopt);
  EXPECT_EQ(label_or_code("service", "no_such_code", "ja"), "no_such_code");
  EXPECT_EQ(labels("service", {"mobile", "cloud"}, "ja"), "移動通信、クラウドサービス");
  EXPECT_EQ(labels("service", {"mobile", "cloud"}, "en"), "Mobile communications, Cloud services");
  EXPECT_EQ(codes("incidentstatus"), (std::vector<std::string>{"open", "closed"}));
}

}  // namespace
}  // namespace anzen::vocab
