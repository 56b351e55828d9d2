#include "web/form_errors.h"

#include "web/html.h"

namespace anzen::web {

FormError form_error(const std::string& what,
                     const std::vector<std::pair<std::string, std::string>>& aliases) {
  FormError e{"", what};
  size_t colon = what.find(':');
  size_t end = std::min(colon, what.find(' '));
  // "field: …", "field (日本語): …", or a rule over several fields: "acceptance (保有・受容) needs
  // …".
  bool named = colon != std::string::npos || what.compare(end, 2, " (") == 0;
  if (!named || end == 0 || end == std::string::npos) return e;
  std::string field = what.substr(0, end);
  for (const auto& [from, to] : aliases) {
    if (field == from) field = to;
  }
  e.field = field;
  return e;
}

std::string error_summary(const Ctx& c, const FormError& e) {
  if (e.message.empty()) return "";
  return "<div class=\"error\" role=\"alert\" id=\"form-error\"><p>" +
         std::string(c.lang == "en" ? "Nothing was saved. Please correct:"
                                    : "保存されていません。次の点を直してください:") +
         "</p><p>" + esc(e.message) + "</p></div>";
}

std::string field_error(const FormError& e, const std::string& field) {
  if (e.field != field) return "";
  return "<p class=\"field-error\" id=\"err-" + esc(field) + "\">" + esc(e.message) + "</p>";
}

std::string invalid_attrs(const FormError& e, const std::string& field) {
  if (e.field != field) return "";
  return " aria-invalid=\"true\" aria-describedby=\"err-" + esc(field) + "\"";
}

}  // namespace anzen::web
