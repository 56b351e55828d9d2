#include "web/records_view.h"

#include "web/html.h"
#include "web/layout.h"

namespace anzen::web {

std::string level_badge(const Ctx& c, const risk::Matrix& m, int likelihood, int impact) {
  const auto& lv = m.level(likelihood, impact);
  return "<span class=\"badge\" style=\"border-color:" + esc(lv.colour) + "\" title=\"" +
         esc(likelihood_label(c, m, likelihood)) + " × " + esc(impact_label(c, m, impact)) + "\">" +
         esc(lv.name.in(c.lang)) + " " + std::to_string(likelihood) + "×" + std::to_string(impact) +
         "</span>";
}

std::string threat_label(const Ctx& c, const risk::Risk& r) {
  return r.threat == "custom" ? r.custom_threat : c.t("threat." + r.threat);
}

namespace {
std::string scale_label(const Ctx& c, const std::vector<catalog::Text>& labels, int v) {
  if (v < 1 || v > static_cast<int>(labels.size())) return std::to_string(v);
  return std::to_string(v) + " " + labels[static_cast<size_t>(v - 1)].in(c.lang);
}
}  // namespace

std::string likelihood_label(const Ctx& c, const risk::Matrix& m, int l) {
  return scale_label(c, m.likelihood_labels, l);
}
std::string impact_label(const Ctx& c, const risk::Matrix& m, int i) {
  return scale_label(c, m.impact_labels, i);
}
std::string classification_label(const Ctx& c, const risk::Matrix& m, int v) {
  return scale_label(c, m.classification, v);
}

std::string table_io(const Ctx& c, const std::string& what, bool svg) {
  bool en = c.lang == "en";
  std::string b = "<p>" + std::string(en ? "Download: " : "ダウンロード: ") + "<a href=\"/" + what +
                  "/export.csv\">CSV</a> · <a href=\"/" + what + "/export.xlsx\">XLSX</a>" +
                  (svg ? " · <a href=\"/" + what + "/export.svg\">SVG</a>" : "") + "</p>";
  if (c.user && can_edit(c.user->role)) {
    b += "<form method=\"post\" action=\"/" + what + "/import\" enctype=\"multipart/form-data\">" +
         csrf_field(c) + "<label for=\"imp\">" +
         (en ? "Import (CSV or XLSX, same columns; all rows or none)"
             : "取り込み（CSV・XLSX、同じ列。全行が正しい場合のみ反映）") +
         "</label><input type=\"file\" id=\"imp\" name=\"file\" accept=\".csv,.xlsx\" required> "
         "<button type=\"submit\">" +
         (en ? "Import" : "取り込む") + "</button></form>";
  }
  return b;
}

std::string text_input(const std::string& id, const std::string& label, const std::string& value,
                       const FormError& e, const std::string& type, bool required) {
  return "<div><label for=\"" + id + "\">" + esc(label) + "</label><input type=\"" + type +
         "\" id=\"" + id + "\" name=\"" + id + "\" value=\"" + esc(value) + "\"" +
         (required ? " required" : "") + invalid_attrs(e, id) + ">" + field_error(e, id) + "</div>";
}

std::string text_area(const std::string& id, const std::string& label, const std::string& value,
                      const FormError& e) {
  return "<div><label for=\"" + id + "\">" + esc(label) + "</label><textarea id=\"" + id +
         "\" name=\"" + id + "\"" + invalid_attrs(e, id) + ">" + esc(value) + "</textarea>" +
         field_error(e, id) + "</div>";
}

std::string select_input(const std::string& id, const std::string& label, const Options& options,
                         const std::string& current, const FormError& e) {
  std::string h = "<div><label for=\"" + id + "\">" + esc(label) + "</label><select id=\"" + id +
                  "\" name=\"" + id + "\"" + invalid_attrs(e, id) + ">";
  for (const auto& [v, l] : options)
    h += "<option value=\"" + esc(v) + "\"" + (v == current ? " selected" : "") + ">" + esc(l) +
         "</option>";
  return h + "</select>" + field_error(e, id) + "</div>";
}

std::string check_boxes(const std::string& name, const std::string& legend, const Options& options,
                        const std::set<std::string>& checked, const FormError& e) {
  std::string h = "<fieldset id=\"" + name + "\"" + invalid_attrs(e, name) + "><legend>" +
                  esc(legend) + "</legend>";
  if (options.empty()) h += "<p class=\"muted\">–</p>";
  for (const auto& [v, l] : options) {
    h += "<label class=\"check\"><input type=\"checkbox\" name=\"" + name + "\" value=\"" + esc(v) +
         "\"" + (checked.count(v) ? " checked" : "") + "> " + esc(l) + "</label>";
  }
  return h + "</fieldset>" + field_error(e, name);
}

std::string form_footer(const Ctx& c, const std::string& path, int64_t id,
                        const std::string& button_id) {
  return "<p><button type=\"submit\" id=\"" + button_id + "\">" +
         esc(c.t(id ? "common.save" : "common.create")) + "</button> <a href=\"/" + path +
         (id ? "/" + std::to_string(id) : std::string()) + "\">" +
         (c.lang == "en" ? "Cancel" : "キャンセル") + "</a></p></form>";
}

}  // namespace anzen::web
