#include "web/json_body.h"

#include <stdexcept>

#include "common/invalid.h"

namespace anzen::web {
using nlohmann::json;

json body_object(const Ctx& c) {
  json in;
  try {
    in = json::parse(c.req.body);
  } catch (const json::parse_error&) {
    throw Invalid("body", "本文は JSON のオブジェクトで送ってください。", "Send a JSON object.",
                  "not_json", "body: expected a JSON object");
  }
  if (!in.is_object())
    throw Invalid("body", "本文は JSON のオブジェクトで送ってください。", "Send a JSON object.",
                  "not_json", "body: expected a JSON object");
  return in;
}

std::string string_field(const json& in, const char* name, bool required) {
  if (!in.contains(name) || in[name].is_null()) {
    if (required)
      throw Invalid(name, "入力してください（必須）。", "Required.", "required",
                    std::string(name) + ": required");
    return "";
  }
  if (!in[name].is_string())
    throw Invalid(name, "文字列で指定してください。", "Expected a string.", "wrong_type",
                  std::string(name) + ": expected a string");
  return in[name].get<std::string>();
}

std::vector<std::string> string_array(const json& in, const char* name) {
  std::vector<std::string> out;
  if (!in.contains(name)) return out;
  if (!in[name].is_array())
    throw Invalid(name, "文字列の配列で指定してください。", "Expected an array of strings.",
                  "wrong_type", std::string(name) + ": expected an array of strings");
  for (const auto& x : in[name]) {
    if (!x.is_string())
      throw Invalid(name, "文字列の配列で指定してください。", "Expected an array of strings.",
                    "wrong_type", std::string(name) + ": expected an array of strings");
    out.push_back(x.get<std::string>());
  }
  return out;
}

Invalid not_an_object(const std::string& what) {
  return Invalid("body", "本文は JSON のオブジェクトで送ってください。", "Send a JSON object.",
                 "not_json", what);
}

Invalid not_text(const std::string& name, const std::string& what) {
  return Invalid(name, "文字列で指定してください。", "Expected a string.", "wrong_type",
                 what.empty() ? name + ": expected text" : what);
}

Invalid text_required(const std::string& name, const std::string& what) {
  return Invalid(name, "入力してください（必須）。", "Required.", "required",
                 what.empty() ? name + ": required text" : what);
}

Invalid not_a_time(const std::string& name, const std::string& what) {
  return Invalid(
      name,
      "日時は 2026-03-15T10:00:00+09:00 のように、時差付きの ISO 8601 形式で指定してください。",
      "Expected an ISO 8601 time with offset, e.g. 2026-03-15T10:00:00+09:00.", "invalid",
      what.empty() ? name +
                         ": expected an ISO 8601 time with offset, e.g. "
                         "2026-03-15T10:00:00+09:00"
                   : what);
}

}  // namespace anzen::web
