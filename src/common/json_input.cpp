#include "common/json_input.h"

#include <stdexcept>
#include <string>

#include "common/invalid.h"

namespace anzen {

size_t json_depth(std::string_view text, size_t limit) {
  size_t depth = 0, deepest = 0;
  bool in_string = false, escaped = false;
  for (char ch : text) {
    if (in_string) {
      if (escaped)
        escaped = false;
      else if (ch == '\\')
        escaped = true;
      else if (ch == '"')
        in_string = false;
      continue;
    }
    if (ch == '"')
      in_string = true;
    else if (ch == '[' || ch == '{') {
      if (++depth > deepest) deepest = depth;
      if (deepest > limit) return deepest;
    } else if ((ch == ']' || ch == '}') && depth > 0)
      --depth;
  }
  return deepest;
}

nlohmann::json parse_json_input(std::string_view text, std::string_view what) {
  if (json_depth(text, kMaxJsonDepth) > kMaxJsonDepth)
    throw Invalid(
        std::string(what),
        "JSON の入れ子が深すぎます（" + std::to_string(kMaxJsonDepth) + " 段まで）。",
        "The JSON is nested too deeply (at most " + std::to_string(kMaxJsonDepth) + " levels).",
        "too_deep",
        std::string(what) + ": JSON nested deeper than " + std::to_string(kMaxJsonDepth) +
            " levels");
  try {
    return nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    throw Invalid(std::string(what),
                  "JSON として読めません（" + std::to_string(e.byte) + " バイト目）。",
                  "Not valid JSON (at byte " + std::to_string(e.byte) + ").", "not_json",
                  std::string(what) + ": not valid JSON at byte " + std::to_string(e.byte));
  }
}

std::string json_text(const nlohmann::json& obj, const std::string& field, size_t max_bytes) {
  if (!obj.contains(field) || obj[field].is_null()) return {};
  if (!obj[field].is_string())
    throw Invalid(field, "文字列で指定してください。", "Expected a string.", "wrong_type",
                  field + ": expected a string");
  std::string v = obj[field].get<std::string>();
  if (v.size() > max_bytes)
    throw Invalid(field, "長すぎます（" + std::to_string(max_bytes) + " バイトまで）。",
                  "Too long: at most " + std::to_string(max_bytes) + " bytes.", "too_long",
                  field + ": at most " + std::to_string(max_bytes) + " bytes");
  if (v.find('\0') != std::string::npos)
    throw Invalid(field, "使用できない文字（NUL）が含まれています。", "Must not contain NUL.",
                  "invalid", field + ": must not contain NUL");
  return v;
}

}  // namespace anzen
