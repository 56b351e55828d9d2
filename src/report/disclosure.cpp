#include "report/disclosure.h"
#include "common/text.h"
#include "common/vocabulary.h"

#include <set>
#include <stdexcept>

#include "catalog/catalog_dir.h"
#include "report/html.h"
#include "report/management.h"
#include "report/pdf.h"

namespace anzen::report {

namespace {
// Summary of the answers to the questions at or below the given tcs-2023 items.
std::string answers_of(const ReportData& d, const std::vector<std::string>& items, const std::string& lang) {
  if (d.fw->id != "tcs-2023") return "";
  int n = 0, done = 0, part = 0, none = 0;
  std::string comments;
  for (const auto* c : d.fw->checks()) {
    bool under = false;
    for (const auto& id : items) under = under || c->parent == id || c->parent.rfind(id + ".", 0) == 0;
    if (!under) continue;
    for (const auto& q : c->questions) {
      ++n;
      auto a = d.answers.find(q.id);
      if (a == d.answers.end()) continue;
      done += a->second.status == assess::Status::implemented;
      part += a->second.status == assess::Status::partial;
      none += a->second.status == assess::Status::not_implemented;
      if (!a->second.comment.empty()) comments += (comments.empty() ? "" : " ") + a->second.comment;
    }
  }
  if (!n) return "";
  std::string ids;
  for (const auto& i : items) ids += (ids.empty() ? "" : ", ") + i;
  std::string s = lang == "en" ? "Self-assessment (" + ids + "): " + std::to_string(done) + " of " + std::to_string(n) + " measures implemented, " +
                                      std::to_string(part) + " partly, " + std::to_string(none) + " not yet."
                               : "自己点検（" + ids + "）: 確認項目 " + std::to_string(n) + " 件のうち実施済 " + std::to_string(done) + " 件、一部実施 " +
                                      std::to_string(part) + " 件、未実施 " + std::to_string(none) + " 件。";
  if (!comments.empty()) s += (lang == "en" ? " Notes: " : " 補足: ") + comments;
  return s;
}

std::string generated(const ReportData& d, int k, const std::string& lang) {
  bool en = lang == "en";
  switch (k) {
    case 1: return answers_of(d, {"1.1.1", "3.1.1"}, lang);
    case 2: {
      std::string sv = vocab::labels("service", d.org.services, lang);
      std::string s = (en ? "Services provided: " : "提供する役務: ") + (sv.empty() ? word("none", lang) : sv);
      if (d.org.users) s += en ? "; users: " + text::thousands(*d.org.users) : "、利用者数: " + text::thousands(*d.org.users) + "人";
      return s + (en ? ". Service levels follow the serious-accident criteria (施行規則第58条)." : "。サービス水準は重大な事故の基準（施行規則第58条）に沿って維持する。");
    }
    case 3: {
      std::set<std::string> owners;
      for (const auto& r : d.risks) if (!r.owner.empty()) owners.insert(r.owner);
      std::string o;
      for (const auto& x : owners) o += (o.empty() ? "" : ", ") + x;
      return answers_of(d, {"1.1.3", "1.1.4"}, lang) + (en ? " Risk owners: " : " リスクオーナー: ") + (o.empty() ? word("none", lang) : o);
    }
    case 4: return answers_of(d, {"1.1.4", "4.1.3"}, lang);
    case 5: return answers_of(d, {"1.1.5"}, lang);
    case 6: {
      int done = 0;
      for (const auto& p : d.plan) done += p.status == "done";
      return answers_of(d, {"2.1.2", "2.1.3"}, lang) + (en ? " Risks registered: " + std::to_string(d.risks.size()) + "; treatment plan items: " +
                                                                 std::to_string(d.plan.size()) + " (" + std::to_string(done) + " done)."
                                                           : " 登録リスク " + std::to_string(d.risks.size()) + " 件、リスク対応計画 " +
                                                                 std::to_string(d.plan.size()) + " 件（完了 " + std::to_string(done) + " 件）。");
    }
    case 7: return answers_of(d, {"2.1.7", "2.1.9", "9"}, lang);
    case 8: {
      std::map<std::string, int> by;
      for (const auto& i : d.incidents) {
        for (const auto& c : i.classification.value("classifications", nlohmann::json::array())) ++by[c["label"].value(en ? "en" : "ja", "")];
      }
      std::string s = (en ? "Accidents in the fiscal year: " : "当年度の事故: ") + std::to_string(d.incidents.size()) + (en ? "" : " 件");
      for (const auto& [k2, v] : by) s += (en ? "; " : "、") + k2 + " " + std::to_string(v);
      return s + (en ? "." : "。");
    }
  }
  return "";
}
}  // namespace

std::vector<DisclosureSection> disclosure_sections(const ReportData& d, const std::map<std::string, std::string>& edits, const std::string& lang) {
  const auto* tcs = d.catalog ? d.catalog->find("tcs-2023") : nullptr;
  const auto* item = tcs ? tcs->find("1.1.7") : nullptr;
  if (!item || item->bullets.size() != 8) throw std::runtime_error("the catalog lacks the eight disclosure items of tcs-2023 1.1.7");
  std::vector<DisclosureSection> out;
  for (size_t k = 0; k < 8; ++k) {
    DisclosureSection s;
    s.key = std::to_string(k + 1);
    s.heading = item->bullets[k].text;
    s.source_line = item->bullets[k].source.first;
    s.generated = generated(d, static_cast<int>(k + 1), lang);
    auto e = edits.find(s.key);
    s.edited = e != edits.end();
    s.text = s.edited ? e->second : s.generated;
    out.push_back(s);
  }
  return out;
}

std::string disclosure_html(const ReportData& d, const std::vector<DisclosureSection>& secs, const std::string& lang) {
  std::string title = lang == "en" ? "Information security report" : "情報セキュリティ報告書";
  std::string b = "<h1>" + text::html_escape(title) + "</h1>" + html_meta(d, lang);
  for (const auto& s : secs) b += "<h2>" + s.key + ". " + text::html_escape(s.heading.in(lang)) + "</h2><p>" + text::html_escape(s.text) + "</p>";
  return html_page(title + " — " + d.org.name, lang, b);
}

std::string disclosure_pdf(const ReportData& d, const std::vector<DisclosureSection>& secs, const std::string& lang) {
  std::string title = lang == "en" ? "Information security report" : "情報セキュリティ報告書";
  Pdf pdf(title + " " + d.org.name + " " + d.assessment.period);
  pdf.heading(title, 18);
  pdf_meta(pdf, d, lang);
  for (const auto& s : secs) {
    pdf.heading(s.key + ". " + s.heading.in(lang), 12);
    pdf.paragraph(s.text.empty() ? word("none", lang) : s.text, 10);
  }
  return pdf.bytes();
}

}  // namespace anzen::report
