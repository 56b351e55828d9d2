#include "assess/history_labels.h"

#include <gtest/gtest.h>

namespace anzen::assess {

TEST(HistoryLabels, EveryAnswerFieldHasAJapaneseAndAnEnglishLabel) {
  for (const char* f : {"status", "na_reason", "maturity", "owner", "due", "comment"}) {
    std::string ja = history_field_label(f, "ja"), en = history_field_label(f, "en");
    EXPECT_NE(ja, f) << f;  // a label, not the code
    EXPECT_NE(en, f) << f;
    EXPECT_NE(ja, en) << f;
  }
  EXPECT_EQ(history_field_label("status", "ja"), "状態");
  EXPECT_EQ(history_field_label("maturity", "en"), "Maturity");
}

TEST(HistoryLabels, StatusesReadAsTheirLabelsAndOtherValuesAsTheyAre) {
  EXPECT_EQ(history_value_text("status", "partial", "ja"), "一部実施");
  EXPECT_EQ(history_value_text("status", "unanswered", "en"), "Unanswered");
  EXPECT_EQ(history_value_text("comment", "partial", "ja"), "partial");  // free text stays
  EXPECT_EQ(history_value_text("maturity", "3", "ja"), "3");
  EXPECT_EQ(history_value_text("owner", "", "ja"), "—");
}

}  // namespace anzen::assess
