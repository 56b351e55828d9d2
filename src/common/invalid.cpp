#include "common/invalid.h"

#include <utility>

namespace anzen {

namespace {
std::string what_of(const std::string& field, const std::string& en) {
  return field.empty() ? en : field + ": " + en;
}
bool field_char(char ch) {
  return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
         ch == '_' || ch == '.';
}
}  // namespace

Invalid::Invalid(std::string f, std::string ja_text, std::string en_text, std::string c,
                 const std::string& what_text)
    : std::invalid_argument(what_text.empty() ? what_of(f, en_text) : what_text),
      field(std::move(f)),
      ja(std::move(ja_text)),
      en(std::move(en_text)),
      code(std::move(c)) {}

Invalid Invalid::renamed(std::string new_field) const {
  return Invalid(new_field, ja, en, code, new_field + ": " + what());
}

std::pair<std::string, std::string> split_field_message(const std::string& msg) {
  size_t end = 0;
  while (end < msg.size() && end <= 60 && field_char(msg[end])) ++end;
  if (end > 0 && msg.compare(end, 2, ": ") == 0) return {msg.substr(0, end), msg.substr(end + 2)};
  if (end > 0 && msg.compare(end, 2, " (") == 0) return {msg.substr(0, end), msg};
  return {"", msg};
}

Invalid as_invalid(const std::exception& e) {
  if (const auto* v = dynamic_cast<const Invalid*>(&e)) return *v;
  auto [field, detail] = split_field_message(e.what());
  return Invalid(field, "入力内容を確認してください（" + detail + "）", detail);
}

}  // namespace anzen
