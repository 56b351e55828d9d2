// Bad input, said in both languages: the field it concerns, a Japanese and an English message
// (vocabulary labels, never codes), and optionally a short machine-readable code.
//
//   throw Invalid("name", "名称を入力してください。", "Enter the name.", "required");
//
// Domain validators throw it; each adapter picks its language: the web form puts the message
// under its field in the page's language, the JSON API answers {error, field, message} in the
// request's language, the CLI prints what() ("name: Enter the name.") and exits 2. It is a
// std::invalid_argument, so code that catches those keeps working.
#pragma once
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

namespace anzen {

struct Invalid : std::invalid_argument {
  // The input it concerns ("name", "details.prefectures"); empty: the whole input.
  std::string field;
  std::string ja, en;
  std::string code;  // e.g. "required", "not_in_list", "out_of_range"; empty when not classified

  // what() is "field: en" (the CLI's line), or `what` when given (a message kept as it was).
  Invalid(std::string field, std::string ja, std::string en, std::string code = "",
          const std::string& what_text = "");

  // The message in `lang` ("en" gives English, anything else Japanese).
  const std::string& in(std::string_view lang) const { return lang == "en" ? en : ja; }
  // The same error about another field (a wrapper naming the input more precisely); what()
  // becomes "new_field: " + the old what().
  Invalid renamed(std::string new_field) const;
};

// Any bad-input error as an Invalid: an Invalid as it is; another exception's "field: detail"
// (older validators, libraries) becomes that field with the English detail and, in Japanese, a
// request to check the input that quotes the detail.
Invalid as_invalid(const std::exception& e);

// "field: detail" → ("field", "detail"): the field a plain message names, when it starts with
// one (letters, digits, '_' and '.'); a rule over several fields names its first one with the
// Japanese term ("acceptance (保有・受容) needs …" → ("acceptance", the whole message)).
std::pair<std::string, std::string> split_field_message(const std::string& msg);

}  // namespace anzen
