#include "report/management.h"

#include "common/date.h"
#include "common/text.h"
#include "common/vocabulary.h"

#include <map>

#include "report/html.h"
#include "report/pdf.h"
#include "risk/matrix.h"

namespace anzen::report {

namespace {
std::string tally_line(const assess::Tally& t, const std::string& lang) {
  return word("implemented", lang) + " " + std::to_string(t.implemented) + " / " + word("partial", lang) + " " + std::to_string(t.partial) + " / " +
         word("not_implemented", lang) + " " + std::to_string(t.not_implemented) + " / " + word("not_applicable", lang) + " " +
         std::to_string(t.not_applicable) + " / " + word("unanswered", lang) + " " + std::to_string(t.unanswered);
}

std::vector<std::pair<std::string, std::optional<double>>> bar_rows(const std::vector<Bar>& bars, const std::string& lang, bool numbered) {
  std::vector<std::pair<std::string, std::optional<double>>> out;
  for (const auto& b : bars) out.emplace_back((numbered ? b.id + ". " : "") + b.label.in(lang), b.value);
  return out;
}

std::string svg_bars(const std::vector<std::pair<std::string, std::optional<double>>>& bars) {
  const int h = 20, label = 260, w = 300;
  std::string s = "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 " + std::to_string(label + w + 60) + " " +
                  std::to_string(static_cast<int>(bars.size()) * h + 4) + "\" width=\"100%\">";
  int y = 0;
  for (const auto& [name, v] : bars) {
    std::string colour = !v ? "#999" : *v >= 0.8 ? "#1a7f37" : *v >= 0.5 ? "#bf8700" : "#d1242f";
    s += "<text x=\"0\" y=\"" + std::to_string(y + 14) + "\" font-size=\"12\">" + text::html_escape(name) + "</text><rect x=\"" + std::to_string(label) + "\" y=\"" +
         std::to_string(y + 3) + "\" width=\"" + std::to_string(w) + "\" height=\"14\" fill=\"#eee\"/>";
    if (v) s += "<rect x=\"" + std::to_string(label) + "\" y=\"" + std::to_string(y + 3) + "\" width=\"" + std::to_string(static_cast<int>(w * *v)) + "\" height=\"14\" fill=\"" + colour + "\"/>";
    s += "<text x=\"" + std::to_string(label + w + 6) + "\" y=\"" + std::to_string(y + 14) + "\" font-size=\"12\">" + text::percent(v) + "</text>";
    y += h;
  }
  return s + "</svg>";
}

std::string svg_trend(const std::vector<TrendPoint>& t) {
  const int w = 520, h = 140, left = 40;
  std::string s = "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 " + std::to_string(w + left + 20) + " " + std::to_string(h + 30) +
                  "\" width=\"100%\"><rect x=\"" + std::to_string(left) + "\" y=\"0\" width=\"" + std::to_string(w) + "\" height=\"" + std::to_string(h) +
                  "\" fill=\"none\" stroke=\"#999\"/><text x=\"0\" y=\"10\" font-size=\"10\">100%</text><text x=\"0\" y=\"" + std::to_string(h) +
                  "\" font-size=\"10\">0%</text>";
  std::string pts;
  for (size_t k = 0; k < t.size(); ++k) {
    int x = left + (t.size() > 1 ? static_cast<int>(k) * w / static_cast<int>(t.size() - 1) : w / 2);
    if (t[k].coverage) {
      int y = h - static_cast<int>(h * *t[k].coverage);
      pts += std::to_string(x) + "," + std::to_string(y) + " ";
      s += "<circle cx=\"" + std::to_string(x) + "\" cy=\"" + std::to_string(y) + "\" r=\"4\" fill=\"#0b3d91\"><title>" + text::html_escape(t[k].period) + " " + text::percent(t[k].coverage) + "</title></circle>";
    }
    s += "<text x=\"" + std::to_string(x - 18) + "\" y=\"" + std::to_string(h + 18) + "\" font-size=\"11\">" + text::html_escape(t[k].period) + "</text>";
  }
  if (!pts.empty()) s += "<polyline points=\"" + pts + "\" fill=\"none\" stroke=\"#0b3d91\" stroke-width=\"2\"/>";
  return s + "</svg>";
}

std::string classes_of(const incident::Incident& i, const std::string& lang) {
  std::string out;
  for (const auto& c : i.classification.value("classifications", nlohmann::json::array())) {
    out += (out.empty() ? "" : "、") + c["label"].value(lang == "en" ? "en" : "ja", "");
  }
  return out;
}

// The rows each section shows, shared by HTML and PDF.
struct Rows {
  std::vector<std::vector<std::string>> gaps, incidents, obligations, plan_status, overdue, levels;
};

Rows rows_of(const ReportData& d, const std::string& lang) {
  Rows r;
  for (size_t k = 0; k < d.gaps.size() && k < 15; ++k) {
    const auto& g = d.gaps[k];
    const auto* q = d.fw->question(g.question_id);
    std::string why;
    for (const auto& [en, ja] : g.reasons) why += (why.empty() ? "" : "; ") + (lang == "en" ? en : ja);
    r.gaps.push_back({g.question_id, q ? q->text.in(lang) : "", word(assess::to_string(g.status), lang), std::to_string(g.priority), why});
  }
  // Moments and due dates as every screen shows them (JST, one format).
  for (const auto& i : d.incidents)
    r.incidents.push_back(
        {i.title, date::display_time(i.event.value("started_at", ""), lang), classes_of(i, lang)});
  for (const auto& o : d.obligations) {
    r.obligations.push_back({o.incident_title,
                             o.form + (lang == "en" ? " (" : "（") +
                                 vocab::label_or_code("report", o.type, lang) +
                                 (lang == "en" ? ")" : "）"),
                             o.due ? date::display_time(o.due->str(), lang)
                                   : vocab::label_or_code("due", "prompt", lang),
                             o.overdue ? word("late", lang) : ""});
  }
  std::map<std::string, int> by_status;
  int progress = 0;
  for (const auto& p : d.plan) {
    ++by_status[p.status];
    progress += p.progress;
  }
  for (const char* st : {"planned", "in_progress", "done", "cancelled"}) r.plan_status.push_back({word(st, lang), std::to_string(by_status[st])});
  if (!d.plan.empty()) r.plan_status.push_back({lang == "en" ? "mean progress" : "平均進捗", std::to_string(progress / static_cast<int>(d.plan.size())) + "%"});
  for (const auto& p : d.overdue) r.overdue.push_back({p.target_state, p.owner, p.deadline, std::to_string(p.progress) + "%"});
  std::map<std::string, int> by_level;
  for (const auto& k : d.risks) ++by_level[d.matrix.level(k.current_l, k.current_i).id];
  for (const auto& lv : d.matrix.levels) r.levels.push_back({lv.name.in(lang), std::to_string(by_level[lv.id])});
  return r;
}

std::string table_of(const std::vector<std::string>& head, const std::vector<std::vector<std::string>>& rows, const std::string& lang) {
  std::vector<std::vector<std::string>> t{head};
  t.insert(t.end(), rows.begin(), rows.end());
  return html_table(t, lang);
}

std::vector<std::pair<int, int>> positions(const ReportData& d) {
  std::vector<std::pair<int, int>> pos;
  for (const auto& k : d.risks) pos.emplace_back(k.current_l, k.current_i);
  return pos;
}

std::vector<std::pair<std::string, std::optional<double>>> trend_points(const ReportData& d) {
  std::vector<std::pair<std::string, std::optional<double>>> out;
  for (const auto& t : d.trend) out.emplace_back(t.period, t.coverage);
  return out;
}
// The supplier overview (supplier/overview.h): name, criticality, latest questionnaire's
// status, next assessment due, re-assessment state, risks; the report leaves out the workbook's
// corporate number, template and dates columns that do not fit a page.
const std::vector<size_t> kSupplierCols = {0, 2, 4, 6, 7, 8};
std::vector<std::string> supplier_head(const ReportData& d, const std::string& lang) {
  auto t = supplier::overview_table(d.suppliers, lang);
  std::vector<std::string> out;
  for (size_t k : kSupplierCols) out.push_back(t[0][k]);
  return out;
}
std::vector<std::vector<std::string>> supplier_rows(const ReportData& d, const std::string& lang) {
  auto t = supplier::overview_table(d.suppliers, lang);
  std::vector<std::vector<std::string>> out;
  for (size_t r = 1; r < t.size(); ++r) {
    std::vector<std::string> row;
    for (size_t k : kSupplierCols) row.push_back(t[r][k]);
    out.push_back(row);
  }
  return out;
}
std::string supplier_section_html(const ReportData& d, const std::string& lang) {
  if (d.suppliers.empty()) return "<p>" + text::html_escape(word("none", lang)) + "</p>";
  return table_of(supplier_head(d, lang), supplier_rows(d, lang), lang);
}
}  // namespace

std::string management_html(const ReportData& d, const std::string& lang) {
  Rows r = rows_of(d, lang);
  std::string title = word("management", lang) + " — " + d.org.name + " " + d.assessment.period;
  std::string s = "<h1>" + text::html_escape(word("management", lang)) + "</h1>" + html_meta(d, lang);
  s += "<h2>" + text::html_escape(word("overall", lang)) + "</h2><p><span class=\"big\">" + text::percent(d.coverage) + "</span> " + text::html_escape(word("coverage", lang)) + "</p><p>" +
       text::html_escape(tally_line(d.score.overall, lang)) + "</p>";
  s += "<h2>" + text::html_escape(word("by_chapter", lang)) + "</h2>" + svg_bars(bar_rows(d.by_chapter, lang, true));
  s += "<h2>" + text::html_escape(word("by_threat", lang)) + "</h2>" + svg_bars(bar_rows(d.by_threat, lang, false));
  s += "<h2>" + text::html_escape(word("gaps", lang)) + "</h2>" +
       table_of({word("question", lang), "", word("status", lang), word("priority", lang), word("why", lang)}, r.gaps, lang);
  s += "<h2>" + text::html_escape(word("risks", lang)) + "</h2><p>" + text::html_escape(word("heat_map", lang)) + "</p><div style=\"max-width:28rem\">" +
       risk::heat_map_svg(d.matrix, positions(d), lang) + "</div>" + table_of({word("level", lang), word("count", lang)}, r.levels, lang);
  s += "<h2>" + text::html_escape(word("plan", lang)) + "</h2>" + table_of({word("state", lang), word("count", lang)}, r.plan_status, lang) + "<h3>" +
       text::html_escape(word("overdue", lang)) + "</h3>" + table_of({word("target", lang), word("owner", lang), word("deadline", lang), word("progress", lang)}, r.overdue, lang);
  s += "<h2>" + text::html_escape(word("incidents", lang)) + "</h2>" + table_of({word("title", lang), word("started", lang), word("class", lang)}, r.incidents, lang) +
       "<h3>" + text::html_escape(word("obligations", lang)) + "</h3>" + table_of({word("title", lang), word("form", lang), word("due", lang), ""}, r.obligations, lang);
  s += "<h2>" + text::html_escape(vocab::label_or_code("supplierfield", "section", lang)) +
       "</h2>" + supplier_section_html(d, lang);
  s += "<h2>" + text::html_escape(word("trend", lang)) + "</h2>" + svg_trend(d.trend);
  return html_page(title, lang, s);
}

std::string management_pdf(const ReportData& d, const std::string& lang) {
  Rows r = rows_of(d, lang);
  Pdf pdf(word("management", lang) + " " + d.org.name + " " + d.assessment.period);
  pdf.heading(word("management", lang), 20);
  pdf_meta(pdf, d, lang);
  pdf.figure(text::percent(d.coverage), word("coverage", lang) + " (" + word("overall", lang) + ")");
  pdf.paragraph(tally_line(d.score.overall, lang));
  pdf.heading(word("by_chapter", lang));
  pdf.bars(bar_rows(d.by_chapter, lang, true));
  pdf.heading(word("by_threat", lang));
  pdf.bars(bar_rows(d.by_threat, lang, false));
  pdf.new_page();
  pdf.heading(word("gaps", lang));
  if (r.gaps.empty()) pdf.paragraph(word("none", lang));
  else pdf.table({word("question", lang), "", word("status", lang), word("priority", lang), word("why", lang)}, r.gaps, {62, 213, 50, 40, 150});
  pdf.new_page();
  pdf.heading(word("risks", lang));
  pdf.paragraph(word("heat_map", lang));
  pdf.heat_map(d.matrix, positions(d), lang);
  pdf.table({word("level", lang), word("count", lang)}, r.levels, {200, 315});
  pdf.heading(word("plan", lang));
  pdf.table({word("state", lang), word("count", lang)}, r.plan_status, {200, 315});
  pdf.paragraph(word("overdue", lang), 10);
  if (r.overdue.empty()) pdf.paragraph(word("none", lang));
  else pdf.table({word("target", lang), word("owner", lang), word("deadline", lang), word("progress", lang)}, r.overdue, {255, 110, 90, 60});
  pdf.heading(word("incidents", lang));
  if (r.incidents.empty()) pdf.paragraph(word("none", lang));
  else pdf.table({word("title", lang), word("started", lang), word("class", lang)}, r.incidents, {215, 130, 170});
  pdf.paragraph(word("obligations", lang), 10);
  if (r.obligations.empty()) pdf.paragraph(word("none", lang));
  else pdf.table({word("title", lang), word("form", lang), word("due", lang), ""}, r.obligations, {215, 160, 80, 60});
  pdf.heading(vocab::label_or_code("supplierfield", "section", lang));
  if (d.suppliers.empty())
    pdf.paragraph(word("none", lang));
  else
    pdf.table(supplier_head(d, lang), supplier_rows(d, lang), {120, 60, 95, 90, 80, 70});
  pdf.heading(word("trend", lang), 15, 150);
  pdf.line_chart(trend_points(d));
  return pdf.bytes();
}

}  // namespace anzen::report
