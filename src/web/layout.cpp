#include "web/layout.h"

#include <string_view>

#include "web/html.h"

namespace anzen::web {

const std::string& stylesheet() {
  static const std::string css = std::string(R"(
:root{--fg:#1b1f24;--muted:#57606a;--bg:#fff;--line:#d0d7de;--accent:#0b5cad;--ok:#1a7f37;--warn:#9a6700;--bad:#cf222e;--soft:#f6f8fa}
*{box-sizing:border-box}
body{margin:0;font-family:"IPAexGothic","Hiragino Sans","Noto Sans JP",system-ui,sans-serif;color:var(--fg);background:var(--bg);line-height:1.6}
a{color:var(--accent)}
a:focus,button:focus,input:focus,select:focus,textarea:focus{outline:3px solid #f0b400;outline-offset:1px}
.skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:#fff;padding:4px 8px;z-index:10}
header.top{display:flex;flex-wrap:wrap;align-items:center;gap:12px;padding:8px 16px;background:#0d2b4e;color:#fff}
header.top a{color:#fff;text-decoration:none}
header.top .brand{font-weight:700;font-size:1.1rem;margin-right:12px}
header.top nav{display:flex;flex-wrap:wrap;gap:4px 14px;flex:1}
header.top nav a[aria-current=page]{text-decoration:underline;text-underline-offset:4px}
header.top .who{font-size:.9rem;opacity:.9}
main{padding:16px;max-width:1200px;margin:0 auto}
h1{font-size:1.5rem;margin:.2em 0 .6em}h2{font-size:1.2rem;margin:1.2em 0 .5em}
table{border-collapse:collapse;width:100%;margin:8px 0}
th,td{border-bottom:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top}
th{background:var(--soft);font-weight:600}
.num{text-align:right;font-variant-numeric:tabular-nums}
.muted{color:var(--muted)}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(240px,1fr));gap:12px}
.card{border:1px solid var(--line);border-radius:8px;padding:12px}
.heat{max-width:32rem}
.boxplot{max-width:44rem}
input.narrow{width:4.5em}
.big{font-size:2rem;font-weight:700}
.badge{display:inline-block;padding:0 8px;border-radius:10px;font-size:.85rem;border:1px solid var(--line);white-space:nowrap}
.s-implemented{background:#dafbe1;color:#0f5323}.s-partial{background:#fff8c5;color:#6a4a00}
.s-not_implemented{background:#ffebe9;color:#8c1018}.s-not_applicable{background:#eaeef2}.s-unanswered{background:#fff;color:var(--muted)}
.overdue{color:var(--bad);font-weight:700}
.badge.authored{background:#ddf4ff;color:#0a3069}.caveat{border-left:4px solid #bf8700;padding-left:8px}
form.inline{display:inline}
label{display:block;font-weight:600;margin-top:8px}
input[type=text],input[type=password],input[type=date],input[type=datetime-local],input[type=number],input[type=url],select,textarea{font:inherit;padding:6px 8px;border:1px solid #8c959f;border-radius:6px;max-width:100%}
textarea{width:100%;min-height:4em}
button,.button{font:inherit;padding:6px 14px;border-radius:6px;border:1px solid #0b4f94;background:var(--accent);color:#fff;cursor:pointer;text-decoration:none;display:inline-block}
button.secondary{background:#fff;color:var(--accent)}
.filters{display:flex;flex-wrap:wrap;gap:8px;align-items:end;background:var(--soft);padding:8px;border-radius:8px}
.filters label{margin:0;font-size:.85rem}
.flash{padding:8px 12px;border-radius:6px;background:#dafbe1;margin:8px 0}
.error{padding:8px 12px;border-radius:6px;background:#ffebe9;margin:8px 0}
.field-error{color:var(--bad);font-weight:600;margin:4px 0}
[aria-invalid=true]{border-color:var(--bad);outline:2px solid var(--bad)}
label.check{font-weight:400}fieldset.choices{border:1px solid var(--line);border-radius:6px;margin-top:8px}
.hint{color:var(--muted);font-size:.85rem;margin:2px 0}
ul.diff{margin:0;padding-left:1em;max-width:40em;overflow-wrap:anywhere}ul.diff del{color:var(--bad)}ul.diff ins{color:var(--ok);text-decoration:none}
.q-row td:first-child{white-space:nowrap}
.statement{white-space:pre-wrap}
svg text{font-family:inherit}
@media (max-width:700px){th.opt,td.opt{display:none}header.top nav{width:100%}}
@media print{header.top,.filters,form,.noprint{display:none}main{max-width:none}a{color:inherit;text-decoration:none}}
)") + screens_stylesheet();
  return css;
}

namespace {
// A small shield as the page icon, inline so that no request is made for /favicon.ico.
constexpr const char* kFavicon =
    "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'%3E%3Cpath "
    "d='M16 2 4 6v9c0 7.5 5 12.8 12 15 7-2.2 12-7.5 12-15V6z' fill='%230d2b4e'/%3E%3Cpath d='m10 16 4 4 8-9' "
    "stroke='%23fff' stroke-width='3' fill='none'/%3E%3C/svg%3E";

std::string lang_link(const Ctx& c) {
  std::string other = c.lang == "en" ? "ja" : "en";
  std::string path = c.req.path + "?";
  for (const auto& [k, v] : c.req.params) {
    if (k != "lang") path += url_encode(k) + "=" + url_encode(v) + "&";
  }
  return path + "lang=" + other;
}

std::string head(const Ctx& c, const std::string& title) {
  return "<!doctype html><html lang=\"" + c.lang +
         "\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
         "<title>" + esc(title) + " — Anzen</title><link rel=\"icon\" href=\"" + kFavicon +
         "\"><link rel=\"stylesheet\" href=\"/static/app.css\"></head><body>";
}
}  // namespace

// An assessment's gaps, reports and benchmark pages belong to their own sections, not to 自己点検:
// /assessments/<digits>/(gaps|reports|industry), alone or followed by /… (without line breaks).
// Plain string matching: this runs for every page rendered.
std::string nav_section(const std::string& path) {
  constexpr std::string_view kAssessments = "/assessments/";
  std::string_view p = path;
  if (p.substr(0, kAssessments.size()) == kAssessments) {
    size_t i = kAssessments.size();
    while (i < p.size() && p[i] >= '0' && p[i] <= '9') ++i;
    if (i > kAssessments.size() && i < p.size() && p[i] == '/') {
      std::string_view rest = p.substr(i + 1);
      std::string_view section = rest.substr(0, rest.find('/'));
      bool one_line = rest.find_first_of("\r\n") == std::string_view::npos;
      if (one_line && (section == "gaps" || section == "reports" || section == "industry"))
        return "/" + std::string(section);
    }
  }
  if (path == "/") return "/";
  size_t end = path.find('/', 1);
  return path.substr(0, end);
}

std::string csrf_field(const Ctx& c) {
  return "<input type=\"hidden\" name=\"_csrf\" value=\"" + esc(c.csrf) + "\">";
}

std::string layout(const Ctx& c, const std::string& title, const std::string& body) {
  struct Nav {
    const char* path;
    const char* key;
  };
  static const Nav navs[] = {{"/", "nav.dashboard"},      {"/assessments", "nav.assessments"},
                             {"/gaps", "nav.gaps"},       {"/plan", "nav.plan"},
                             {"/risks", "nav.risks"},     {"/incidents", "nav.incidents"},
                             {"/reports", "nav.reports"}, {"/suppliers", "nav.suppliers"},
                             {"/industry", "nav.industry"},
                             {"/catalog", "nav.catalog"}, {"/admin", "nav.admin"},
                             {"/audit", "nav.audit"}};
  std::string h = head(c, title);
  h += "<a class=\"skip\" href=\"#main\">" + esc(c.t("nav.skip")) + "</a>";
  std::string links;
  for (const auto& n : navs) {
    std::string p = n.path;
    if (p == "/admin" && !(c.user && can_admin(c.user->role))) continue;
    if (c.user && c.user->role == Role::supplier && p != "/") continue;  // web/supplier_role.h
    if (p == "/audit" && !(c.user && can_audit(c.user->role))) continue;
    bool current = p == nav_section(c.req.path);
    std::string short_key = "navshort." + std::string(n.key).substr(4);
    links += "<a href=\"" + p + "\"" + (current ? " aria-current=\"page\"" : "") + " title=\"" + esc(c.t(n.key)) + "\">" + esc(c.t(short_key)) + "</a>";
  }
  // One row of links on wide screens; on phones a menu that opens without scripts.
  h += "<header class=\"top\"><a class=\"brand\" href=\"/\">" + esc(c.t("app.name")) + "</a><nav class=\"wide\" aria-label=\"main\">" + links +
       "</nav><details class=\"menu\"><summary>" + (c.lang == "en" ? "Menu" : "メニュー") + "</summary><nav aria-label=\"menu\">" + links +
       "</nav></details><a href=\"" + esc(lang_link(c)) + "\" lang=\"" + (c.lang == "en" ? "ja" : "en") + "\">" +
       esc(c.t("lang.switch")) + "</a>";
  if (c.user) {
    h += "<span class=\"who\">" + esc(c.user->name) + " (" + esc(c.t("userrole." + to_string(c.user->role))) +
         ")</span><form class=\"inline\" method=\"post\" action=\"/logout\">" + csrf_field(c) +
         "<button class=\"secondary\" type=\"submit\">" + esc(c.t("nav.logout")) + "</button></form>";
  }
  h += "</header><main id=\"main\">" + body + "</main></body></html>";
  return h;
}

std::string bare_layout(const Ctx& c, const std::string& title, const std::string& body) {
  return head(c, title) + "<header class=\"top\"><span class=\"brand\">" + esc(c.t("app.name")) +
         "</span><nav></nav><a href=\"" + esc(lang_link(c)) + "\">" + esc(c.t("lang.switch")) +
         "</a></header><main id=\"main\">" + body + "</main></body></html>";
}

}  // namespace anzen::web
