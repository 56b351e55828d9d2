#include "report/html.h"

#include "common/text.h"
#include "report/management.h"

namespace anzen::report {

std::string html_page(const std::string& title, const std::string& lang, const std::string& body) {
  return "<!doctype html><html lang=\"" + std::string(lang == "en" ? "en" : "ja") + "\"><head><meta charset=\"utf-8\"><title>" + text::html_escape(title) +
         "</title><style>body{font-family:'IPAexGothic','Noto Sans CJK JP',sans-serif;max-width:64rem;margin:2rem auto;padding:0 1rem;color:#111}"
         "h1,h2{color:#0b3d91}h2{border-bottom:1px solid #ccd;margin-top:2rem}table{border-collapse:collapse;width:100%;font-size:.9rem}"
         "th,td{border-bottom:1px solid #ddd;padding:.3rem;text-align:left;vertical-align:top}th{background:#dde7f5}.big{font-size:2.6rem;color:#0b3d91}"
         ".muted{color:#666}@media print{body{margin:0}h2{break-after:avoid}tr,svg{break-inside:avoid}}</style></head><body>" +
         body + "</body></html>";
}

std::string html_table(const std::vector<std::vector<std::string>>& t, const std::string& lang) {
  if (t.size() < 2) return "<p class=\"muted\">" + word("none", lang) + "</p>";
  std::string s = "<table><thead><tr>";
  for (const auto& h : t[0]) s += "<th>" + text::html_escape(h) + "</th>";
  s += "</tr></thead><tbody>";
  for (size_t r = 1; r < t.size(); ++r) {
    s += "<tr>";
    for (const auto& c : t[r]) s += "<td>" + text::html_escape(c) + "</td>";
    s += "</tr>";
  }
  return s + "</tbody></table>";
}

std::string html_meta(const ReportData& d, const std::string& lang) {
  return "<p>" + text::html_escape(d.org.name) + "<br>" + text::html_escape(word("framework", lang)) + ": " + text::html_escape(d.fw->title.in(lang)) + " (" + text::html_escape(d.fw->id) +
         "@" + text::html_escape(d.fw->version) + ")<br>" + text::html_escape(word("period", lang)) + ": " + text::html_escape(d.assessment.period) + " (" + d.fy_start + " – " +
         d.fy_last + ")<br>" + text::html_escape(word("made", lang)) + ": " + d.today + "</p>";
}

void pdf_meta(Pdf& pdf, const ReportData& d, const std::string& lang) {
  pdf.paragraph(d.org.name, 12);
  pdf.paragraph(word("framework", lang) + ": " + d.fw->title.in(lang) + " (" + d.fw->id + "@" + d.fw->version + ")");
  pdf.paragraph(word("period", lang) + ": " + d.assessment.period + " (" + d.fy_start + " – " + d.fy_last + ")  " + word("made", lang) + ": " + d.today);
  pdf.space(6);
}

}  // namespace anzen::report
