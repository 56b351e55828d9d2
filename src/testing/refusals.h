// What every refusal a user reads must be (issue 15), for the tests of the domains and adapters:
// it says in Japanese what is wrong (not ASCII only, no code of the vocabulary, no English
// sentence), says it in English too, and carries a code.
#pragma once
#include <gtest/gtest.h>

#include <algorithm>
#include <regex>
#include <string>

#include "common/invalid.h"
#include "common/vocabulary.h"

namespace anzen::testing {

inline void expect_japanese(const Invalid& e) {
  EXPECT_FALSE(e.ja.empty());
  EXPECT_TRUE(std::any_of(e.ja.begin(), e.ja.end(), [](char ch) { return ch & 0x80; }))
      << "ASCII only: " << e.ja;
  // The distinctive codes (with '_'): an ordinary word may share a shorter code's spelling.
  for (const auto& t : vocab::terms()) {
    std::string code(t.code);
    if (code.find('_') != std::string::npos) {
      EXPECT_EQ(e.ja.find(code), std::string::npos) << "code " << code << " in: " << e.ja;
    }
  }
  static const std::regex english(R"([A-Za-z]{2,} [A-Za-z]{2,} [A-Za-z]{2,})");
  EXPECT_FALSE(std::regex_search(e.ja, english)) << "English in: " << e.ja;
  EXPECT_FALSE(e.en.empty());
  EXPECT_FALSE(e.code.empty()) << e.what();
}

// The Invalid that f throws; a test failure when it throws something else or nothing.
template <typename F>
Invalid refusal(F f) {
  try {
    f();
  } catch (const Invalid& e) {
    return e;
  } catch (const std::exception& e) {
    ADD_FAILURE() << "not an Invalid: " << e.what();
    return Invalid("", "", "");
  }
  ADD_FAILURE() << "nothing was refused";
  return Invalid("", "", "");
}

}  // namespace anzen::testing
