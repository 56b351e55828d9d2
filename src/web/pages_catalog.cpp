// Catalog browser: frameworks, the item tree, item pages with mappings, and search.
#include "catalog/catalog_dir.h"
#include "catalog/mapping.h"
#include "catalog/query.h"
#include "web/assess_view.h"
#include "web/html.h"
#include "web/layout.h"
#include "web/router.h"
#include "web/services.h"

namespace anzen::web {
using catalog::Framework;
using catalog::Item;

namespace {

std::string item_link(const Framework& fw, const Item& it, const std::string& lang) {
  std::string title = it.title.in(lang);
  if (title.empty() && !it.questions.empty()) title = it.questions[0].text.in(lang);
  return "<a href=\"/catalog/" + url_encode(fw.id) + "/" + url_encode(it.id) + "\">" + esc(it.id) + "</a> " +
         esc(it.label.empty() || it.kind == "check" ? "" : it.label + " ") + esc(title);
}

std::string tree(const Framework& fw, const Item& it, const std::string& lang, int depth_limit) {
  std::string h = "<li>" + item_link(fw, it, lang);
  if (it.depth < depth_limit && !it.children.empty()) {
    h += "<ul>";
    for (size_t c : it.children) {
      if (fw.items[c].kind != "check") h += tree(fw, fw.items[c], lang, depth_limit);
    }
    h += "</ul>";
  }
  return h + "</li>";
}

const Framework& need(const Ctx& c, const std::string& id) {
  const Framework* fw = catalog_service(c).framework(id);
  if (!fw) throw HttpError(404, "no framework " + id);
  return *fw;
}

std::string search_form(const Ctx& c, const std::string& q) {
  return "<form class=\"filters\" method=\"get\" action=\"/catalog/search\" role=\"search\"><label for=\"q\">" +
         esc(c.t("common.search")) + "</label><input type=\"text\" id=\"q\" name=\"q\" value=\"" + esc(q) +
         "\" placeholder=\"" + esc(c.t("catalog.search_hint")) + "\" size=\"40\"><button type=\"submit\">" +
         esc(c.t("common.search")) + "</button></form>";
}

}  // namespace

void mount_catalog_pages(Router& r) {
  r.get("/catalog", [](Ctx& c) {
    auto svc = catalog_service(c);
    std::string b = "<h1>" + esc(c.t("nav.catalog")) + "</h1>" + search_form(c, "");
    b += "<table><thead><tr><th>ID</th><th>" + esc(c.t("common.title")) +
         "</th><th class=\"opt\">Edition</th><th class=\"num\">Items</th></tr></thead><tbody>";
    for (const auto& fw : svc.frameworks()) {
      b += "<tr><td><a href=\"/catalog/" + url_encode(fw.id) + "\">" + esc(fw.key()) +
           "</a></td><td>" + esc(fw.title.in(c.lang)) + "</td><td class=\"opt\">" +
           esc(catalog::or_unknown(fw.edition).in(c.lang)) + " " +
           esc(catalog::or_unknown(fw.effective_from).in(c.lang)) + "</td><td class=\"num\">" +
           std::to_string(fw.items.size()) + "</td></tr>";
    }
    c.html(layout(c, c.t("nav.catalog"), b + "</tbody></table>"));
  });

  r.get(R"(/catalog/search)", [](Ctx& c) {
    std::string q = c.param("q");
    auto hits = catalog_service(c).search(q, c.param("framework"), 200);
    std::string b = "<h1>" + esc(c.t("common.search")) + "</h1>" + search_form(c, q);
    b += "<p class=\"muted\">" + std::to_string(hits.size()) + "件</p><ul>";
    for (const auto& h : hits) {
      b += "<li><span class=\"badge\">" + esc(h.framework->id) + "</span> " + item_link(*h.framework, *h.item, c.lang) +
           " <span class=\"muted\">(" + esc(h.field) + ")</span></li>";
    }
    c.html(layout(c, c.t("common.search"), b + "</ul>"));
  });

  r.get(R"(/catalog/([a-z0-9-]+))", [](Ctx& c) {
    const Framework& fw = need(c, c.path_arg(1));
    std::string b = "<h1>" + esc(fw.title.in(c.lang)) + "</h1><p class=\"muted\">" +
                    esc(catalog::or_unknown(fw.publisher).in(c.lang)) + " · " +
                    esc(catalog::or_unknown(fw.edition).in(c.lang)) + " · " +
                    esc(catalog::or_unknown(fw.date).in(c.lang)) + "</p>" + search_form(c, "");
    b += "<ul>";
    for (const auto& it : fw.items) {
      if (it.parent.empty()) b += tree(fw, it, c.lang, 2);
    }
    c.html(layout(c, fw.title.in(c.lang), b + "</ul>"));
  });

  r.get(R"(/catalog/([a-z0-9-]+)/([^/]+))", [](Ctx& c) {
    const Framework& fw = need(c, c.path_arg(1));
    const Item* it = fw.find(c.path_arg(2));
    if (!it) throw HttpError(404, "no item");
    std::string b = "<p class=\"muted\">";
    for (const Item* a : catalog::ancestry(fw, *it)) {
      if (a != it) b += item_link(fw, *a, c.lang) + " › ";
    }
    b += "</p><h1>" + esc(it->label) + " " + esc(it->title.in(c.lang)) + "</h1>";
    // A statement imported from OSCAL keeps its lines and indentation (a., 1., (a)).
    if (!it->text.ja.empty())
      b += "<p class=\"statement\">" + esc(it->text.in(c.lang)) + authored_badge(c, it->author, false) + "</p>";
    if (c.lang == "en" && !it->text.ja.empty())
      b += "<details><summary>原文</summary><p lang=\"ja\">" + esc(it->text.ja) + "</p></details>";
    if (!it->bullets.empty()) {
      b += "<ul>";
      for (const auto& bl : it->bullets) b += "<li>" + esc(bl.text.in(c.lang)) + "</li>";
      b += "</ul>";
    }
    if (it->kind == "check") {
      b += "<h2>" + esc(c.t("catalog.questions")) + "</h2><p>" + esc(c.t("role.operator")) + ": " +
           esc(c.t(it->operator_rec == catalog::Recommendation::recommended ? "rec.recommended"
                                                                            : "rec.reference")) +
           " · " + esc(c.t("role.maker")) + ": " +
           esc(c.t(it->maker_rec == catalog::Recommendation::recommended ? "rec.recommended"
                                                                         : "rec.reference")) +
           authored_badge(c, it->recommendation_author, false) + "</p>";
      if (it->placement) {
        b += "<p class=\"muted\">" + esc(c.lang == "en" ? "Sub-item: " : "小項目への割当て：") +
             esc(catalog::placement_label(*it->placement).in(c.lang)) + "</p>";
      }
      b += "<ol>";
      for (const auto& q : it->questions) {
        b += "<li><code>" + esc(q.id) + "</code> " + esc(q.text.in(c.lang)) +
             authored_badge(c, q.author, true) + "</li>";
      }
      b += "</ol>";
    }
    if (!it->threats.empty()) {
      b += "<p>";
      for (const auto& t : it->threats)
        b += "<span class=\"badge\">" + esc(c.t("threat." + t)) + "</span> ";
      b += "</p>";
    }
    if (!it->references.empty()) {
      b += "<h2>" + esc(c.t("catalog.references")) + "</h2><ul>";
      for (const auto& ref : it->references)
        b += "<li>" + esc(ref.scheme) + " " + esc(ref.id) + "</li>";
      b += "</ul>";
    }
    auto chains = catalog::chains(c.catalogs.catalog(), fw.id, it->id, "", 1);
    if (!chains.empty()) {
      b += "<h2>" + esc(c.t("catalog.mappings")) + "</h2><table><thead><tr><th>→</th><th>" + esc(c.t("common.title")) +
           "</th><th>relationship</th><th>origin</th></tr></thead><tbody>";
      for (const auto& ch : chains) {
        const auto& h = ch.back();
        const Framework* tf = c.catalogs.catalog().find(h.to_framework);
        const Item* ti = tf ? tf->find(h.to) : nullptr;
        b += "<tr><td>" + (ti ? item_link(*tf, *ti, c.lang) : esc(h.to_framework + ":" + h.to)) + "</td><td>" +
             esc(tf ? tf->id : "") + "</td><td>" + esc(catalog::to_string(h.relationship)) + "</td><td>" +
             esc(h.entry->origin) + (h.entry->rationale.en.empty() ? "" : " — " + esc(h.entry->rationale.in(c.lang))) +
             "</td></tr>";
      }
      b += "</tbody></table>";
    }
    if (!it->source.empty()) {
      b += "<p class=\"muted\">" + esc(c.t("catalog.source")) + ": " + esc(it->source.document_or(fw.source_document)) + " L" +
           std::to_string(it->source.first) + (it->source.last != it->source.first ? "–" + std::to_string(it->source.last) : "") + "</p>";
    }
    if (!it->children.empty()) {
      b += "<ul>";
      for (size_t ch : it->children) b += "<li>" + item_link(fw, fw.items[ch], c.lang) + "</li>";
      b += "</ul>";
    }
    c.html(layout(c, it->id + " " + it->title.in(c.lang), b));
  });
}

}  // namespace anzen::web
