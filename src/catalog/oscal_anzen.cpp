#include "catalog/oscal_anzen.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <map>

#include "catalog/oscal_access.h"
#include "common/base64.h"
#include "common/clock.h"
#include "common/uuid.h"

namespace anzen::catalog {
using nlohmann::json;
using oscal::arr;
using oscal::raw;
using oscal::str;

json oscal_prop(const std::string& name, const std::string& value) {
  return {{"name", name}, {"ns", kOscalNs}, {"value", oscal::trim(value)}};
}

namespace {
bool is_token(const std::string& s) {
  if (s.empty()) return false;
  auto c0 = static_cast<unsigned char>(s[0]);
  if (!(std::isalpha(c0) || c0 == '_')) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    auto u = static_cast<unsigned char>(c);
    return std::isalnum(u) || c == '.' || c == '-' || c == '_';
  });
}

// Structural kinds become OSCAL groups; everything assessable becomes a control.
bool is_group_kind(const std::string& kind) {
  return kind == "chapter" || kind == "section" || kind == "phase" || kind == "perspective" ||
         kind == "group" || kind == "theme" || kind == "category" || kind == "pillar" ||
         kind == "part";
}

std::string lines_of(const SourceRef& s) {
  return s.empty() ? "" : std::to_string(s.first) + "-" + std::to_string(s.last);
}

// A part in Anzen's namespace carrying text of the other language.
json alt_part(const char* name, const std::string& lang, const std::string& prose) {
  return {{"name", name}, {"ns", kOscalNs}, {"class", lang}, {"prose", prose}};
}

class Exporter {
 public:
  Exporter(const Framework& fw, std::string_view lang, const std::vector<MappingEntry>& mappings)
      : fw_(fw), lang_(lang == "en" ? "en" : "ja"), alt_lang_(lang == "en" ? "ja" : "en") {
    for (size_t i = 0; i < fw.items.size(); ++i) order_[&fw.items[i]] = i;
    for (const auto& m : mappings) {
      if (m.source_framework == fw.id && m.set_id != "references") mappings_[m.from].push_back(&m);
    }
  }

  json catalog() const {
    json groups = json::array(), controls = json::array();
    for (const auto& it : fw_.items) {
      if (!it.parent.empty()) continue;
      (is_group_kind(it.kind) ? groups : controls).push_back(node(it, is_group_kind(it.kind)));
    }
    // A framework imported from another catalog goes back out as that catalog (its controls
    // carry their own parts), so it reads back through the general importer, not as ours.
    bool foreign = std::any_of(fw_.items.begin(), fw_.items.end(),
                               [](const Item& it) { return !it.oscal.empty(); });
    json props =
        json::array({oscal_prop(foreign ? "source-framework-id" : "framework-id", fw_.id),
                     oscal_prop("lang", lang_), oscal_prop("answer-scale", fw_.answer_scale),
                     oscal_prop("numbering-only", fw_.numbering_only ? "true" : "false")});
    auto add = [&](const char* name, const std::string& v) {
      if (!oscal::trim(v).empty()) props.push_back(oscal_prop(name, v));
    };
    add("effective-from", fw_.effective_from);
    add("effective-to", fw_.effective_to);
    add("supersedes", fw_.supersedes);
    add("date", fw_.date);
    add("source-document", fw_.source_document);
    add("source-lines", lines_of(fw_.source_lines));
    add("imported-from", fw_.imported_from);
    for (const auto& k : fw_.kinds) add("kind", k);
    for (auto [name, t] : {std::pair{"title", &fw_.title}, std::pair{"publisher", &fw_.publisher},
                           std::pair{"edition", &fw_.edition}}) {
      for (const auto& [l, v] : {std::pair{"ja", t->ja}, std::pair{"en", t->en}}) {
        if (oscal::trim(v).empty()) continue;
        json p = oscal_prop(name, v);
        p["class"] = l;
        props.push_back(p);
      }
    }
    json meta = {{"title", pick(fw_.title).empty() ? fw_.id : pick(fw_.title)},
                 {"last-modified", utc_now_iso()},
                 {"version", fw_.version},
                 {"oscal-version", "1.2.1"},
                 {"props", props}};
    if (!fw_.date.empty()) meta["published"] = fw_.date + "T00:00:00+09:00";
    if (!pick(fw_.publisher).empty()) {
      meta["roles"] = json::array({{{"id", "publisher"}, {"title", "Publisher"}}});
      std::string party = uuid_v5("party:publisher:" + fw_.key());
      meta["parties"] = json::array({{{"uuid", party},
                                      {"type", "organization"},
                                      {"name", oscal::trim(pick(fw_.publisher))}}});
      meta["responsible-parties"] =
          json::array({{{"role-id", "publisher"}, {"party-uuids", {party}}}});
    }
    json cat = {{"uuid", uuid_v5("catalog:" + fw_.key())}, {"metadata", meta}};
    if (!groups.empty()) cat["groups"] = groups;
    if (!controls.empty()) cat["controls"] = controls;
    if (!fw_.reference.empty()) {
      json res = {{"uuid", uuid_v5("catalog:" + fw_.key() + ":reference")},
                  {"title", "Framework reference data (glossary, scope, threats)"},
                  {"props", json::array({oscal_prop("resource", "framework-reference")})},
                  {"base64",
                   {{"filename", "reference.json"},
                    {"media-type", "application/json"},
                    {"value", base64_encode(fw_.reference.dump())}}}};
      cat["back-matter"] = {{"resources", json::array({res})}};
    }
    return json{{"catalog", cat}};
  }

 private:
  const std::string& pick(const Text& t) const { return lang_ == "en" ? t.en : t.ja; }
  const std::string& alt(const Text& t) const { return lang_ == "en" ? t.ja : t.en; }

  // Text of the other language, when there is any.
  void add_alt(json& parts, const char* name, const Text& t) const {
    if (!oscal::trim(alt(t)).empty()) parts.push_back(alt_part(name, alt_lang_, alt(t)));
  }

  json props_of(const Item& it) const {
    json props = json::array();
    if (!oscal::trim(it.label).empty())
      props.push_back({{"name", "label"}, {"value", oscal::trim(it.label)}});
    props.push_back(oscal_prop("item-id", it.id));
    props.push_back(oscal_prop("kind", it.kind));
    props.push_back(oscal_prop("order", std::to_string(order_.at(&it))));
    if (it.label != oscal::trim(it.label))
      props.push_back(oscal_prop("label-verbatim", "[" + it.label + "]"));
    if (pick(it.title).empty()) props.push_back(oscal_prop("title-absent", "true"));
    for (const auto& t : it.threats) props.push_back(oscal_prop("threat", t));
    if (!it.source.empty()) props.push_back(oscal_prop("source-lines", lines_of(it.source)));
    if (!it.source.document.empty())
      props.push_back(oscal_prop("source-document", it.source.document));
    for (const auto& r : it.references)
      props.push_back(oscal_prop("reference", r.scheme + ":" + r.id));
    for (const auto& [k, v] : it.attributes) {
      json p = oscal_prop("attribute", v);
      p["remarks"] = k;  // the key as written (a class would have to be a token)
      props.push_back(p);
    }
    int n = 0;
    for (const auto& o : it.ocr) {
      std::string g = "ocr-" + std::to_string(++n);
      json f = oscal_prop("ocr-found", o.found), i = oscal_prop("ocr-intended", o.intended);
      f["group"] = i["group"] = g;
      props.push_back(f);
      props.push_back(i);
    }
    if (it.author == Author::anzen) props.push_back(oscal_prop("authored-by", "anzen"));
    if (it.kind == "check") {
      props.push_back(oscal_prop("checklist-row", std::to_string(it.row)));
      if (it.operator_rec)
        props.push_back(oscal_prop("recommendation-operator", to_string(*it.operator_rec)));
      if (it.maker_rec)
        props.push_back(oscal_prop("recommendation-maker", to_string(*it.maker_rec)));
      if (it.recommendation_author == Author::anzen)
        props.push_back(oscal_prop("recommendation-authored-by", "anzen"));
      if (it.placement) {
        props.push_back(oscal_prop("placement-origin", it.placement->origin));
        props.push_back(oscal_prop("placement-rule", it.placement->rule));
        if (it.placement->evidence) {
          props.push_back(oscal_prop("placement-evidence", it.placement->evidence->scheme + ":" +
                                                               it.placement->evidence->id));
        }
        if (it.placement->line > 0)
          props.push_back(oscal_prop("placement-line", std::to_string(it.placement->line)));
      }
    }
    return props;
  }

  json parts_of(const Item& it) const {
    json parts = json::array();
    std::string id = oscal_id(it);
    if (!pick(it.title).empty()) add_alt(parts, "alt-title", it.title);
    if (!pick(it.text).empty() || !it.bullets.empty()) {
      json st = {{"id", id + "_smt"}, {"name", "statement"}};
      if (!pick(it.text).empty()) st["prose"] = pick(it.text);
      json items = json::array();
      int b = 0;
      for (const auto& bl : it.bullets) {
        json part = {{"id", id + "_smt.b" + std::to_string(++b)},
                     {"name", "item"},
                     {"prose", pick(bl.text)}};
        json bp = json::array();
        add_alt(bp, "alt-prose", bl.text);
        if (!bp.empty()) part["parts"] = bp;
        if (!bl.source.empty())
          part["props"] = json::array({oscal_prop("source-lines", lines_of(bl.source))});
        items.push_back(part);
      }
      if (!items.empty()) st["parts"] = items;
      parts.push_back(st);
      add_alt(parts, "alt-statement", it.text);
    }
    for (const auto& q : it.questions) {
      json props = json::array({oscal_prop("question-id", q.id)});
      if (q.author == Author::anzen) props.push_back(oscal_prop("authored-by", "anzen"));
      if (!q.source.empty() &&
          (q.source.first != it.source.first || q.source.last != it.source.last)) {
        props.push_back(oscal_prop("source-lines", lines_of(q.source)));
      }
      json qp = {{"id", oscal_objective_id(it, q)},
                 {"name", "assessment-objective"},
                 {"props", props},
                 {"prose", pick(q.text)}};
      json alts = json::array();
      add_alt(alts, "alt-prose", q.text);
      if (!alts.empty()) qp["parts"] = alts;
      parts.push_back(qp);
    }
    auto m = mappings_.find(it.id);
    if (m != mappings_.end()) {
      for (const MappingEntry* e : m->second) {
        json props = json::array({oscal_prop("mapping-set", e->set_id),
                                  oscal_prop("target", e->target_framework + ":" + e->to),
                                  oscal_prop("relationship", to_string(e->relationship)),
                                  oscal_prop("origin", e->origin)});
        if (e->line > 0)
          props.push_back(
              oscal_prop("source-lines", std::to_string(e->line) + "-" + std::to_string(e->line)));
        json mp = {{"name", "mapping"}, {"ns", kOscalNs}, {"props", props}};
        json rs = json::array();
        for (const auto& [l, v] :
             {std::pair{"ja", e->rationale.ja}, std::pair{"en", e->rationale.en}}) {
          if (!v.empty()) rs.push_back(alt_part("rationale", l, v));
        }
        if (!rs.empty()) mp["parts"] = rs;
        parts.push_back(mp);
      }
    }
    return parts;
  }

  // `as_group`: whether this item is emitted as an OSCAL group (a structural kind whose
  // ancestors are all groups); a structural kind below a control must itself be a control.
  json node(const Item& it, bool as_group) const {
    std::string title = oscal::trim(pick(it.title));
    if (title.empty()) title = oscal::trim(it.label).empty() ? it.id : oscal::trim(it.label);
    json j = {{"id", oscal_id(it)}, {"class", it.kind}, {"title", title}, {"props", props_of(it)}};
    json parts = parts_of(it);
    if (!it.oscal.empty()) keep_imported(it, j, parts);
    if (!parts.empty()) j["parts"] = parts;
    json groups = json::array(), controls = json::array();
    for (size_t c : it.children) {
      bool child_group = as_group && is_group_kind(fw_.items[c].kind);
      (child_group ? groups : controls).push_back(node(fw_.items[c], child_group));
    }
    if (!groups.empty()) j["groups"] = groups;
    if (!controls.empty()) j["controls"] = controls;
    return j;
  }

  // A control imported from another catalog goes back out with its own parameters, props,
  // links and parts (statement with inserts, guidance, NIST's objective tree) instead of the
  // rendered text and flat questions.
  void keep_imported(const Item& it, json& j, json& parts) const {
    json kept = json::parse(it.oscal, nullptr, false);
    if (!kept.is_object()) return;
    oscal_trim_strings(kept);
    if (kept.contains("class") && kept["class"].is_string()) j["class"] = kept["class"];
    for (const char* k : {"params", "links"}) {
      if (kept.contains(k) && kept[k].is_array() && !kept[k].empty()) j[k] = kept[k];
    }
    for (const auto& p : arr(kept, "props")) {
      if (str(p, "name") != "label" || p.contains("ns")) j["props"].push_back(p);
    }
    json mine = json::array();
    for (auto& p : parts) {
      if (raw(p, "ns") == kOscalNs) mine.push_back(p);  // alt texts and mappings stay ours
    }
    parts = kept.contains("parts") && kept["parts"].is_array() ? kept["parts"] : json::array();
    for (auto& p : mine) parts.push_back(p);
  }

  const Framework& fw_;
  std::string lang_, alt_lang_;
  std::map<const Item*, size_t> order_;
  std::map<std::string, std::vector<const MappingEntry*>> mappings_;
};
}  // namespace

std::string oscal_id(const Item& it) {
  std::string id = it.id;
  for (char& c : id) {
    bool ok = std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_';
    if (!ok) c = '_';
  }
  return (std::isalpha(static_cast<unsigned char>(id[0])) ? "" : it.kind + "-") + id;
}

std::string oscal_objective_id(const Item& check, const Question& q) {
  if (is_token(q.id)) return q.id;
  size_t k = 0;
  while (k < check.questions.size() && check.questions[k].id != q.id) ++k;
  return oscal_id(check) + "_q" + std::to_string(k + 1);
}

json export_oscal(const Framework& fw, std::string_view lang,
                  const std::vector<MappingEntry>& mappings) {
  return Exporter(fw, lang, mappings).catalog();
}

void oscal_trim_strings(json& j) {
  if (j.is_string()) {
    j = oscal::trim(j.get<std::string>());
  } else if (j.is_object()) {
    for (auto it = j.begin(); it != j.end();) {
      oscal_trim_strings(*it);
      if (it->is_string() && it->get_ref<const std::string&>().empty())
        it = j.erase(it);
      else
        ++it;
    }
  } else if (j.is_array()) {
    for (auto& e : j) oscal_trim_strings(e);
    j.erase(std::remove_if(j.begin(), j.end(),
                           [](const json& e) {
                             return e.is_string() && e.get_ref<const std::string&>().empty();
                           }),
            j.end());
  }
}

bool is_anzen_export(const json& catalog) {
  if (!catalog.is_object() || !catalog.contains("metadata")) return false;
  for (const auto& p : arr(catalog["metadata"], "props")) {
    if (raw(p, "ns") == kOscalNs && raw(p, "name") == "framework-id") return true;
  }
  return false;
}

namespace {
// The props of one node in Anzen's namespace, by name, in order.
std::multimap<std::string, const json*> our_props(const json& node) {
  std::multimap<std::string, const json*> out;
  for (const auto& p : arr(node, "props")) {
    if (raw(p, "ns") == kOscalNs) out.emplace(raw(p, "name"), &p);
  }
  return out;
}
std::string first(const std::multimap<std::string, const json*>& props, const std::string& name) {
  auto it = props.find(name);
  return it == props.end() ? std::string() : raw(*it->second, "value");
}
// "12-15" → {lines: [12, 15]}; anything else → null.
json lines_json(const std::string& s) {
  size_t dash = s.find('-');
  if (dash == std::string::npos) return nullptr;
  try {
    return {{"lines", {std::stoi(s.substr(0, dash)), std::stoi(s.substr(dash + 1))}}};
  } catch (const std::exception&) {
    return nullptr;
  }
}

class AnzenReader {
 public:
  AnzenReader(const std::string& file, std::vector<Defect>& defects)
      : file_(file), defects_(defects) {}

  void read(const json& cat, const std::string& lang) {
    lang_ = lang == "en" ? "en" : "ja";
    alt_ = lang_ == "en" ? "ja" : "en";
    int k = 0;
    for (const auto& g : arr(cat, "groups"))
      node(g, "", "catalog.groups[" + std::to_string(k++) + "]");
    k = 0;
    for (const auto& c : arr(cat, "controls"))
      node(c, "", "catalog.controls[" + std::to_string(k++) + "]");
    std::stable_sort(ordered_.begin(), ordered_.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
  }
  json items() const {
    json out = json::array();
    for (const auto& [order, it] : ordered_) out.push_back(it);
    return out;
  }

 private:
  // {lang: primary, alt: the alt-* part of that name}.
  json both(const std::string& primary, const json& node, const char* alt_name) const {
    json t = {{lang_, primary}, {alt_, ""}};
    for (const auto& p : arr(node, "parts")) {
      if (raw(p, "ns") == kOscalNs && raw(p, "name") == alt_name) t[alt_] = raw(p, "prose");
    }
    return t;
  }

  void node(const json& n, const std::string& parent, const std::string& path) {
    auto props = our_props(n);
    std::string id = first(props, "item-id");
    if (id.empty()) {
      defects_.push_back(
          {file_, 0, path + ".props", "an Anzen catalog's control needs an item-id prop"});
      return;
    }
    json it = {{"id", id}, {"kind", first(props, "kind")}};
    if (!first(props, "authored-by").empty()) it["authored_by"] = first(props, "authored-by");
    if (!parent.empty()) it["parent"] = parent;
    std::string label;
    for (const auto& p : arr(n, "props")) {
      if (raw(p, "name") == "label" && !p.contains("ns")) label = raw(p, "value");
    }
    std::string verbatim = first(props, "label-verbatim");
    if (verbatim.size() >= 2) label = verbatim.substr(1, verbatim.size() - 2);
    if (!label.empty()) it["label"] = label;
    if (first(props, "title-absent") != "true") it["title"] = both(raw(n, "title"), n, "alt-title");
    const json* statement = nullptr;
    for (const auto& p : arr(n, "parts")) {
      if (raw(p, "name") == "statement" && !p.contains("ns")) statement = &p;
    }
    if (statement && statement->contains("prose"))
      it["text"] = both(raw(*statement, "prose"), n, "alt-statement");
    if (statement) {
      json bullets = json::array();
      for (const auto& b : arr(*statement, "parts")) {
        json bl = {{"text", both(raw(b, "prose"), b, "alt-prose")}};
        json src = lines_json(first(our_props(b), "source-lines"));
        if (src.is_object()) bl["lines"] = src["lines"];
        bullets.push_back(bl);
      }
      if (!bullets.empty()) it["bullets"] = bullets;
    }
    json threats = json::array(), refs = json::array(), attrs = json::object(), ocr = json::array();
    std::map<std::string, json> ocr_groups;
    for (const auto& [name, p] : props) {
      std::string v = raw(*p, "value");
      if (name == "threat") threats.push_back(v);
      if (name == "reference" && v.find(':') != std::string::npos)
        refs.push_back({{"scheme", v.substr(0, v.find(':'))}, {"id", v.substr(v.find(':') + 1)}});
      if (name == "attribute") attrs[raw(*p, "remarks")] = v;
      if (name == "ocr-found") ocr_groups[raw(*p, "group")]["found"] = v;
      if (name == "ocr-intended") ocr_groups[raw(*p, "group")]["intended"] = v;
    }
    // ocr-10 sorts before ocr-2: order the groups by their number.
    std::vector<std::pair<int, json>> og;
    for (auto& [g, o] : ocr_groups)
      og.emplace_back(std::atoi(g.c_str() + std::min<size_t>(4, g.size())), o);
    std::sort(og.begin(), og.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& [n2, o] : og) ocr.push_back(o);
    if (!threats.empty()) it["threats"] = threats;
    if (!refs.empty()) it["references"] = refs;
    if (!attrs.empty()) it["attributes"] = attrs;
    if (!ocr.empty()) it["ocr"] = ocr;
    json src = lines_json(first(props, "source-lines"));
    if (src.is_object()) {
      if (!first(props, "source-document").empty())
        src["document"] = first(props, "source-document");
      it["source"] = src;
    }
    json mappings = json::array();
    if (it["kind"] == "check") {
      it["row"] = std::atoi(first(props, "checklist-row").c_str());
      it["recommendation"] = {{"operator", first(props, "recommendation-operator")},
                              {"maker", first(props, "recommendation-maker")}};
      if (!first(props, "recommendation-authored-by").empty())
        it["recommendation"]["authored_by"] = first(props, "recommendation-authored-by");
      if (!first(props, "placement-rule").empty()) {
        json pl = {{"origin", first(props, "placement-origin")},
                   {"rule", first(props, "placement-rule")}};
        std::string ev = first(props, "placement-evidence");
        if (size_t colon = ev.find(':'); colon != std::string::npos)
          pl["evidence"] = {{"scheme", ev.substr(0, colon)}, {"id", ev.substr(colon + 1)}};
        std::string line = first(props, "placement-line");
        if (!line.empty()) pl["line"] = std::atoi(line.c_str());
        it["placement"] = pl;
      }
      json qs = json::array();
      for (const auto& p : arr(n, "parts")) {
        if (raw(p, "name") != "assessment-objective" || p.contains("ns")) continue;
        auto qprops = our_props(p);
        json q = {{"id", first(qprops, "question-id")},
                  {"text", both(raw(p, "prose"), p, "alt-prose")}};
        if (!first(qprops, "authored-by").empty()) q["authored_by"] = first(qprops, "authored-by");
        json qsrc = lines_json(first(qprops, "source-lines"));
        if (qsrc.is_object()) q["source"] = qsrc;
        qs.push_back(q);
      }
      it["questions"] = qs;
    }
    for (const auto& p : arr(n, "parts")) {
      if (raw(p, "ns") != kOscalNs || raw(p, "name") != "mapping") continue;
      auto mp = our_props(p);
      json m = {{"set", first(mp, "mapping-set")},
                {"to", first(mp, "target")},
                {"relationship", first(mp, "relationship")},
                {"origin", first(mp, "origin")}};
      json r = json::object();
      for (const auto& rp : arr(p, "parts")) {
        if (raw(rp, "name") == "rationale") r[raw(rp, "class")] = raw(rp, "prose");
      }
      if (!r.empty()) m["rationale"] = r;
      json ln = lines_json(first(mp, "source-lines"));
      if (ln.is_object()) m["line"] = ln["lines"][0];
      mappings.push_back(m);
    }
    if (!mappings.empty()) it["mappings"] = mappings;
    ordered_.emplace_back(std::atol(first(props, "order").c_str()), std::move(it));
    int k = 0;
    for (const auto& g : arr(n, "groups"))
      node(g, id, path + ".groups[" + std::to_string(k++) + "]");
    k = 0;
    for (const auto& c : arr(n, "controls"))
      node(c, id, path + ".controls[" + std::to_string(k++) + "]");
  }

  const std::string& file_;
  std::vector<Defect>& defects_;
  std::string lang_, alt_;
  std::vector<std::pair<long, json>> ordered_;
};
}  // namespace

FrameworkFiles anzen_catalog_to_files(const json& cat, const std::string& file,
                                      const std::string& id) {
  const json& meta = cat["metadata"];
  auto props = our_props(meta);
  std::vector<Defect> defects;
  AnzenReader r(file, defects);
  r.read(cat, first(props, "lang"));
  if (!defects.empty()) throw CatalogError(defects);
  json fw = {{"id", id},
             {"version", raw(meta, "version")},
             {"effective_from", first(props, "effective-from")},
             {"answer_scale", first(props, "answer-scale")},
             {"numbering_only", first(props, "numbering-only") == "true"},
             {"imported_from", std::filesystem::path(file).filename().string()}};
  for (const char* name : {"title", "publisher", "edition"}) {
    json t = json::object();
    for (auto [b, e] = props.equal_range(name); b != e; ++b)
      t[raw(*b->second, "class")] = raw(*b->second, "value");
    if (!t.empty()) fw[name] = t;
  }
  for (auto [key, prop] : {std::pair{"date", "date"}, std::pair{"effective_to", "effective-to"},
                           std::pair{"supersedes", "supersedes"}}) {
    if (!first(props, prop).empty()) fw[key] = first(props, prop);
  }
  json kinds = json::array();
  for (auto [b, e] = props.equal_range("kind"); b != e; ++b)
    kinds.push_back(raw(*b->second, "value"));
  fw["kinds"] = kinds;
  json source = lines_json(first(props, "source-lines"));
  if (!source.is_object()) source = json::object();
  if (!first(props, "source-document").empty())
    source["document"] = first(props, "source-document");
  if (!source.empty()) fw["source"] = source;
  if (cat.contains("back-matter")) {
    for (const auto& res : arr(cat["back-matter"], "resources")) {
      if (first(our_props(res), "resource") != "framework-reference" || !res.contains("base64"))
        continue;
      auto bytes = base64_decode(raw(res["base64"], "value"));
      json ref = bytes ? json::parse(*bytes, nullptr, false) : json();
      if (!ref.is_object())
        throw CatalogError({{file, 0, "catalog.back-matter.resources",
                             "the framework reference data is not base64-encoded JSON"}});
      fw["reference"] = ref;
    }
  }
  return {{id + "/framework.yaml", fw.dump(2)},
          {{id + "/items.yaml", json{{"items", r.items()}}.dump(1)}}};
}

}  // namespace anzen::catalog
