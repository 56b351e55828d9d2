// The delete link and confirmation page of the risk, asset and plan-item pages (record_forms.h).
#include <regex>

#include "web/html.h"
#include "web/layout.h"
#include "web/record_forms.h"

namespace anzen::web {

std::string delete_link(const Ctx& c, const std::string& path, int64_t id) {
  if (!c.user || !can_edit(c.user->role)) return "";
  return " <a class=\"button danger\" id=\"delete-record\" href=\"/" + path + "/" +
         std::to_string(id) + "/delete\">" + (c.lang == "en" ? "Delete" : "削除") + "</a>";
}

namespace {
// The repository refuses while other records refer to the entry ("asset 3: still referred to by
// risk 1 plan item 2; …"): the referrers, as links, in the page's language.
std::string referrers_html(const Ctx& c, const std::string& refusal) {
  static const std::regex ref(R"((risk|asset|plan item) (\d+))");
  std::string out;
  for (std::sregex_iterator it(refusal.begin(), refusal.end(), ref), end; it != end; ++it) {
    if (it == std::sregex_iterator(refusal.begin(), refusal.end(), ref)) continue;  // the entry
    std::string kind = (*it)[1], id = (*it)[2];
    std::string path = kind == "risk" ? "risks" : kind == "asset" ? "assets" : "plan";
    std::string label = c.lang == "en"    ? kind
                        : kind == "risk"  ? "リスク"
                        : kind == "asset" ? "資産"
                                          : "対応計画";
    out += (out.empty()      ? ""
            : c.lang == "en" ? ", "
                             : "、") +
           std::string("<a href=\"/") + path + "/" + id + "\">" + esc(label) + " #" + id + "</a>";
  }
  return out;
}
}  // namespace

std::string delete_page(Ctx& c, const std::string& path, int64_t id, const std::string& name,
                        const std::string& refusal) {
  bool en = c.lang == "en";
  std::string back = "/" + path + "/" + std::to_string(id);
  std::string title = en ? "Delete?" : "削除の確認";
  std::string b = "<h1>" + esc(title) + "</h1>";
  if (!refusal.empty()) {
    std::string refs = referrers_html(c, refusal);
    b += "<div class=\"error\" role=\"alert\" id=\"delete-refused\"><p>" +
         std::string(en ? "It cannot be deleted while other records refer to it"
                        : "他の記録から参照されているため削除できません") +
         (refs.empty() ? "" : (en ? ": " : "（") + refs + (en ? "" : "）")) +
         (en ? ". Remove those references first." : "。先に参照を外してください。") + "</p></div>";
  }
  b += "<p>" + std::string(en ? "This deletes " : "「") + "<strong>" + esc(name) + "</strong>" +
       (en ? " for good (the audit trail keeps a record of it)."
           : "」を削除します。元に戻せません（監査証跡には記録されます）。") +
       "</p><form method=\"post\" action=\"" + back + "/delete\">" + csrf_field(c) +
       "<p><button type=\"submit\" class=\"danger\" id=\"confirm-delete\">" +
       (en ? "Delete" : "削除する") + "</button> <a href=\"" + back + "\" id=\"cancel-delete\">" +
       (en ? "Cancel" : "キャンセル") + "</a></p></form>";
  return layout(c, title, b);
}

}  // namespace anzen::web
