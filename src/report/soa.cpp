#include "report/soa.h"
#include "common/text.h"

#include <functional>

#include "report/html.h"
#include "report/management.h"
#include "report/pdf.h"

namespace anzen::report {

std::vector<const catalog::Item*> soa_items(const catalog::Framework& fw) {
  auto has = [&](const char* k) { return std::find(fw.kinds.begin(), fw.kinds.end(), k) != fw.kinds.end(); };
  std::vector<const catalog::Item*> out;
  for (const auto& it : fw.items) {
    bool take = has("item") ? (it.kind == "item" || it.kind == "subitem") : has("check") ? it.kind == "check" : true;
    if (take) out.push_back(&it);
  }
  return out;
}

std::vector<SoaRow> soa_rows(const ReportData& d, const std::map<std::string, SoaDecision>& decided, const std::string& lang) {
  const auto& fw = *d.fw;
  std::map<std::string, std::vector<std::string>> evidence_of;
  for (const auto& e : d.evidence) evidence_of[e.question_id].push_back(e.filename.empty() ? e.url : e.filename);
  std::vector<SoaRow> out;
  for (const auto* it : soa_items(fw)) {
    // Every question at or below the item.
    std::vector<const catalog::Question*> qs;
    std::function<void(const catalog::Item&)> walk = [&](const catalog::Item& x) {
      for (const auto& q : x.questions) qs.push_back(&q);
      for (size_t c : x.children) walk(fw.items[c]);
    };
    walk(*it);
    int done = 0, na = 0;
    std::string na_reasons, where;
    for (const auto* q : qs) {
      auto a = d.answers.find(q->id);
      if (a == d.answers.end()) continue;
      if (a->second.status == assess::Status::implemented) ++done;
      if (a->second.status == assess::Status::not_applicable) {
        ++na;
        if (!a->second.na_reason.empty() && na_reasons.find(a->second.na_reason) == std::string::npos) na_reasons += (na_reasons.empty() ? "" : "; ") + a->second.na_reason;
      }
      if (a->second.status == assess::Status::implemented || a->second.status == assess::Status::partial) {
        if (!a->second.comment.empty()) where += (where.empty() ? "" : "; ") + a->second.comment;
        for (const auto& f : evidence_of[q->id]) where += (where.empty() ? "" : "; ") + f;
      }
    }
    SoaRow r;
    r.item_id = it->id;
    r.label = it->label;
    r.title = it->title.in(lang).empty() ? it->label : it->title.in(lang);
    r.depth = it->depth;
    r.answers = qs.empty() ? "" : word("implemented", lang) + " " + std::to_string(done) + " / " + std::to_string(qs.size() - static_cast<size_t>(na));
    bool all_na = !qs.empty() && na == static_cast<int>(qs.size());
    r.adopted = !all_na;
    r.reason = all_na ? na_reasons : "";
    r.location = where;
    if (auto dd = decided.find(it->id); dd != decided.end()) {
      r.adopted = dd->second.adopted;
      r.reason = dd->second.reason;
      if (!dd->second.location.empty()) r.location = dd->second.location;
      r.decided = true;
    }
    out.push_back(r);
  }
  return out;
}

std::vector<std::vector<std::string>> soa_table(const std::vector<SoaRow>& rows, const std::string& lang) {
  bool en = lang == "en";
  std::vector<std::vector<std::string>> t{{"ID", en ? "Label" : "項番", en ? "Item" : "対策項目", en ? "Adopted" : "採否", en ? "Reason" : "理由",
                                           en ? "Where implemented" : "実施箇所", en ? "Answers" : "回答状況", en ? "Decided" : "決定"}};
  for (const auto& r : rows) {
    t.push_back({r.item_id, r.label, r.title, r.adopted ? (en ? "adopted" : "採用") : (en ? "not adopted" : "不採用"), r.reason, r.location, r.answers,
                 r.decided ? (en ? "decided" : "決定済") : (en ? "from answers" : "回答から")});
  }
  return t;
}

std::string soa_html(const ReportData& d, const std::vector<SoaRow>& rows, const std::string& lang) {
  std::string title = lang == "en" ? "Statement of applicability" : "適用宣言書";
  return html_page(title + " — " + d.org.name, lang,
                   "<h1>" + text::html_escape(title) + "</h1>" + html_meta(d, lang) + html_table(soa_table(rows, lang), lang));
}

std::string soa_pdf(const ReportData& d, const std::vector<SoaRow>& rows, const std::string& lang) {
  std::string title = lang == "en" ? "Statement of applicability" : "適用宣言書";
  Pdf pdf(title + " " + d.org.name + " " + d.assessment.period);
  pdf.heading(title, 18);
  pdf_meta(pdf, d, lang);
  auto t = soa_table(rows, lang);
  std::vector<std::vector<std::string>> body;
  for (size_t i = 1; i < t.size(); ++i) body.push_back({t[i][0], t[i][2], t[i][3], t[i][4], t[i][5], t[i][6]});
  pdf.table({t[0][0], t[0][2], t[0][3], t[0][4], t[0][5], t[0][6]}, body, {48, 160, 45, 95, 107, 60}, 7);
  return pdf.bytes();
}

}  // namespace anzen::report
