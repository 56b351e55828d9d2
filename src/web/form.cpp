#include "web/form.h"

#include <algorithm>

#include "web/html.h"
#include "web/http_head.h"

namespace anzen::web {

namespace {
// The form's name of a field the domain names: "details.prefectures" → "prefectures"; the form's
// field names follow the domain's, with '.' as '_' ("feared.kind" is the field feared_kind).
std::string form_field(std::string field) {
  if (field.rfind("details.", 0) == 0) field = field.substr(8);
  std::replace(field.begin(), field.end(), '.', '_');
  return field;
}

std::string error_id(const std::string& name) { return name + "-error"; }
}  // namespace

void Form::add_error(const std::string& field, const std::string& message) {
  errors_.emplace_back(field, message);
}

void Form::add_error(const std::exception& e) {
  Invalid v = as_invalid(e);
  add_error(form_field(v.field), v.in(c_.lang));
}

std::string Form::value(const std::string& name, const std::string& stored) const {
  // A field the request did not carry (a one-field form sent elsewhere) keeps its stored value.
  return resubmitted_ && c_.has_param(name) ? c_.param(name) : stored;
}

std::vector<std::string> Form::values(const std::string& name,
                                      const std::vector<std::string>& stored) const {
  return resubmitted_ ? c_.params(name) : stored;
}

bool Form::checked(const std::string& name, bool stored) const {
  if (!resubmitted_) return stored;
  auto v = c_.param(name);
  return v == "on" || v == "1" || v == "true";
}

std::string Form::error_html(const std::string& name) const {
  for (const auto& [f, m] : errors_) {
    if (f == name)
      return "<p class=\"field-error\" id=\"" + esc(error_id(name)) + "\">" + esc(m) + "</p>";
  }
  return "";
}

std::string Form::control_attrs(const std::string& name) const {
  std::string a = " id=\"" + esc(name) + "\" name=\"" + esc(name) + "\"";
  for (const auto& e : errors_) {
    if (e.first == name)
      return a + " aria-invalid=\"true\" aria-describedby=\"" + esc(error_id(name)) + "\"";
  }
  return a;
}

std::string Form::input(const std::string& type, const std::string& name, const std::string& label,
                        const std::string& stored, const std::string& attrs) const {
  return "<label for=\"" + esc(name) + "\">" + esc(label) + "</label>" + error_html(name) +
         "<input type=\"" + esc(type) + "\"" + control_attrs(name) + " value=\"" +
         esc(value(name, stored)) + "\"" + (attrs.empty() ? "" : " " + attrs) + ">";
}

std::string Form::textarea(const std::string& name, const std::string& label,
                           const std::string& stored) const {
  return "<label for=\"" + esc(name) + "\">" + esc(label) + "</label>" + error_html(name) +
         "<textarea" + control_attrs(name) + ">" + esc(value(name, stored)) + "</textarea>";
}

std::string Form::select(const std::string& name, const std::string& label,
                         const std::vector<std::pair<std::string, std::string>>& options,
                         const std::string& stored) const {
  std::string cur = value(name, stored);
  std::string h = "<label for=\"" + esc(name) + "\">" + esc(label) + "</label>" + error_html(name) +
                  "<select" + control_attrs(name) + ">";
  for (const auto& [v, l] : options)
    h += "<option value=\"" + esc(v) + "\"" + (v == cur ? " selected" : "") + ">" + esc(l) +
         "</option>";
  return h + "</select>";
}

std::string Form::checkbox(const std::string& name, const std::string& label, bool stored) const {
  return error_html(name) + "<label class=\"check\"><input type=\"checkbox\"" +
         control_attrs(name) + (checked(name, stored) ? " checked" : "") + "> " + esc(label) +
         "</label>";
}

std::string Form::checkboxes(const std::string& name, const std::string& legend,
                             const std::vector<std::pair<std::string, std::string>>& options,
                             const std::vector<std::string>& stored) const {
  auto cur = values(name, stored);
  std::string h = "<fieldset class=\"choices\" id=\"" + esc(name) + "\"><legend>" + esc(legend) +
                  "</legend>" + error_html(name);
  for (const auto& [v, l] : options) {
    bool on = std::find(cur.begin(), cur.end(), v) != cur.end();
    h += "<label class=\"check\"><input type=\"checkbox\" name=\"" + esc(name) + "\" value=\"" +
         esc(v) + "\"" + (on ? " checked" : "") + "> " + esc(l) + "</label>";
  }
  return h + "</fieldset>";
}

std::string Form::summary() const {
  if (errors_.empty()) return "";
  std::string h = "<div class=\"error form-errors\" role=\"alert\" tabindex=\"-1\"><p>" +
                  std::string(c_.lang == "en" ? "Please correct the following:"
                                              : "入力内容を確認してください。") +
                  "</p><ul>";
  for (const auto& [f, m] : errors_) {
    h += "<li>" + (f.empty() ? esc(m) : "<a href=\"#" + esc(f) + "\">" + esc(m) + "</a>") + "</li>";
  }
  return h + "</ul></div>";
}

std::string upload_limit_hint(const Ctx& c) {
  std::string mb = std::to_string(http::Limits{}.max_body / (1024 * 1024));
  return "<p class=\"hint upload-limit\">" +
         (c.lang == "en" ? "Files up to " + mb + " MB."
                         : "ファイルは " + mb + " MB まで送信できます。") +
         "</p>";
}

void submit(Ctx& c, const std::function<void()>& apply,
            const std::function<std::string(Form&)>& page) {
  if (c.api) return apply();
  try {
    apply();
  } catch (const std::invalid_argument& e) {
    Form f(c);
    f.mark_resubmitted();
    f.add_error(e);
    c.res.headers.erase("Location");
    c.html(page(f), 400);
  }
}

namespace {
FormError aliased(std::string field, std::string message,
                  const std::vector<std::pair<std::string, std::string>>& aliases) {
  field = form_field(field);
  for (const auto& [from, to] : aliases)
    if (field == from) field = to;
  return {field, std::move(message)};
}
}  // namespace

FormError form_error(const Ctx& c, const std::exception& e,
                     const std::vector<std::pair<std::string, std::string>>& aliases) {
  Invalid v = as_invalid(e);
  return aliased(v.field, v.in(c.lang), aliases);
}

FormError form_error(const std::string& what,
                     const std::vector<std::pair<std::string, std::string>>& aliases) {
  auto [field, detail] = split_field_message(what);
  return aliased(field, detail, aliases);
}

std::string error_summary(const Ctx& c, const FormError& e) {
  if (e.message.empty()) return "";
  Form f(c);
  f.add_error(e.field, e.message);
  return f.summary();
}

std::string field_error(const FormError& e, const std::string& field) {
  if (e.message.empty() || e.field != field) return "";
  return "<p class=\"field-error\" id=\"" + esc(error_id(field)) + "\">" + esc(e.message) + "</p>";
}

std::string invalid_attrs(const FormError& e, const std::string& field) {
  if (e.message.empty() || e.field != field) return "";
  return " aria-invalid=\"true\" aria-describedby=\"" + esc(error_id(field)) + "\"";
}

}  // namespace anzen::web
