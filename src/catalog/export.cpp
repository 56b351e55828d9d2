#include "catalog/export.h"


#include "catalog/query.h"
#include "common/clock.h"
#include "common/csv.h"
#include "common/uuid.h"

namespace anzen::catalog {
using nlohmann::json;

namespace {
constexpr const char* kNs = "urn:anzen:oscal";

std::string threats_str(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& t : v) s += (s.empty() ? "" : " ") + t;
  return s;
}

Text text_from(const json& j) {
  Text t;
  if (j.is_object()) {
    t.ja = j.value("ja", "");
    t.en = j.value("en", "");
  }
  return t;
}

SourceRef source_from(const json& j) {
  SourceRef s;
  if (j.is_object() && j.contains("line")) s.first = s.last = j["line"].get<int>();
  if (j.is_object() && j.contains("lines")) {
    s.first = j["lines"][0].get<int>();
    s.last = j["lines"][1].get<int>();
  }
  if (j.is_object() && j.contains("document")) s.document = j["document"].get<std::string>();
  return s;
}

// Structural kinds become OSCAL groups; everything assessable becomes a control.
bool is_group(const std::string& kind) {
  return kind == "chapter" || kind == "section" || kind == "phase" || kind == "perspective" ||
         kind == "group" || kind == "theme" || kind == "category" || kind == "pillar" || kind == "part";
}

json prop(const std::string& name, const std::string& value) { return oscal_prop(name, value); }

}  // namespace

json export_json(const Framework& fw) {
  json j = framework_summary_json(fw);
  j["kinds"] = fw.kinds;
  j["numbering_only"] = fw.numbering_only;
  j["reference"] = fw.reference;
  json items = json::array();
  for (const auto& it : fw.items) items.push_back(item_json(fw, it));
  j["items"] = items;
  return j;
}

Framework import_json(const json& j) {
  Framework fw;
  fw.id = j.at("id");
  fw.version = j.at("version");
  fw.title = text_from(j["title"]);
  fw.publisher = text_from(j["publisher"]);
  fw.edition = text_from(j["edition"]);
  fw.date = j.value("date", "");
  fw.effective_from = j.value("effective_from", "");
  if (j["effective_to"].is_string()) fw.effective_to = j["effective_to"];
  if (j["supersedes"].is_string()) fw.supersedes = j["supersedes"];
  fw.source_document = j.value("source_document", "");
  fw.answer_scale = j.value("answer_scale", "compliance");
  fw.numbering_only = j.value("numbering_only", false);
  fw.kinds = j.value("kinds", std::vector<std::string>{});
  fw.reference = j.value("reference", json::object());
  for (const auto& ji : j.at("items")) {
    Item it;
    it.id = ji.at("id");
    it.kind = ji.at("kind");
    it.parent = ji.value("parent", "");
    it.label = ji.value("label", "");
    it.title = text_from(ji["title"]);
    it.text = text_from(ji.value("text", json()));
    it.source = source_from(ji["source"]);
    it.threats = ji.value("threats", std::vector<std::string>{});
    for (const auto& r : ji.value("references", json::array())) {
      it.references.push_back({r.at("scheme"), r.at("id")});
    }
    for (const auto& b : ji.value("bullets", json::array())) {
      it.bullets.push_back({text_from(b["text"]), source_from(b["source"])});
    }
    it.attributes = ji.value("attributes", std::map<std::string, std::string>{});
    for (const auto& o : ji.value("ocr", json::array())) it.ocr.push_back({o["found"], o["intended"]});
    if (it.kind == "check") {
      it.row = ji.value("row", 0);
      auto rec = [](const std::string& s) -> std::optional<Recommendation> {
        if (s == "recommended") return Recommendation::recommended;
        if (s == "reference") return Recommendation::reference;
        return std::nullopt;
      };
      it.operator_rec = rec(ji["recommendation"].value("operator", ""));
      it.maker_rec = rec(ji["recommendation"].value("maker", ""));
      for (const auto& q : ji.at("questions")) {
        it.questions.push_back({q.at("id"), text_from(q["text"]), source_from(q["source"])});
      }
    }
    fw.items.push_back(std::move(it));
  }
  fw.index();
  for (size_t i = 0; i < fw.items.size(); ++i) {
    if (const Item* p = fw.items[i].parent.empty() ? nullptr : fw.find(fw.items[i].parent)) {
      auto& parent = fw.items[static_cast<size_t>(p - fw.items.data())];
      parent.children.push_back(i);
      fw.items[i].depth = parent.depth + 1;
    }
  }
  return fw;
}

std::string export_csv(const Framework& fw) {
  std::string out = "\xEF\xBB\xBF";  // BOM so Excel opens UTF-8 correctly
  out += csv::export_row({"framework", "id", "kind", "parent", "label", "title_ja", "title_en", "text_ja",
                   "text_en", "threats", "references", "source_line", "row", "question_id",
                   "question_ja", "question_en", "operator", "maker"});
  for (const auto& it : fw.items) {
    std::string refs;
    for (const auto& r : it.references) refs += (refs.empty() ? "" : " ") + r.scheme + ":" + r.id;
    std::vector<std::string> base = {fw.id,         it.id,        it.kind,      it.parent,
                                     it.label,      it.title.ja,  it.title.en,  it.text.ja,
                                     it.text.en,    threats_str(it.threats),    refs,
                                     it.source.empty() ? "" : std::to_string(it.source.first)};
    if (it.kind != "check") {
      base.insert(base.end(), {"", "", "", "", "", ""});
      out += csv::export_row(base);
      continue;
    }
    for (const auto& q : it.questions) {
      auto r = base;
      r[11] = q.source.empty() ? "" : std::to_string(q.source.first);
      r.insert(r.end(), {std::to_string(it.row), q.id, q.text.ja, q.text.en,
                         it.operator_rec ? to_string(*it.operator_rec) : "",
                         it.maker_rec ? to_string(*it.maker_rec) : ""});
      out += csv::export_row(r);
    }
  }
  return out;
}

std::string oscal_id(const Item& it) {
  std::string id = it.id;
  for (char& c : id) {
    bool ok = std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_';
    if (!ok) c = '_';
  }
  return (std::isalpha(static_cast<unsigned char>(id[0])) ? "" : it.kind + "-") + id;
}

json export_oscal(const Framework& fw, std::string_view lang) {
  std::string other = lang == "en" ? "ja" : "en";
  auto pick = [&](const Text& t) { return lang == "en" ? t.en : t.ja; };
  auto alt = [&](const Text& t) { return lang == "en" ? t.ja : t.en; };

  // `as_group`: whether this item is emitted as an OSCAL group (a structural kind whose
  // ancestors are all groups); a structural kind below a control must itself be a control.
  std::function<json(const Item&, bool)> node = [&](const Item& it, bool as_group) -> json {
    std::string title = pick(it.title);
    if (title.empty() && it.kind == "check") title = it.label.empty() ? it.id : it.label;
    if (title.empty()) title = it.id;
    json props = json::array();
    props.push_back(prop("label", it.label.empty() ? it.id : it.label));
    props.push_back(prop("kind", it.kind));
    if (!alt(it.title).empty()) props.push_back(prop("alt-title", alt(it.title)));
    for (const auto& t : it.threats) props.push_back(prop("threat", t));
    if (!it.source.empty()) props.push_back(prop("source-line", std::to_string(it.source.first)));
    for (const auto& r : it.references) props.push_back(prop("reference", r.scheme + ":" + r.id));
    for (const auto& [k, v] : it.attributes) props.push_back(prop(k, v));
    json parts = json::array();
    if (!it.text.ja.empty()) {
      parts.push_back({{"id", oscal_id(it) + "_stmt"}, {"name", "statement"}, {"prose", pick(it.text)}});
    }
    int b = 0;
    for (const auto& bl : it.bullets) {
      parts.push_back({{"id", oscal_id(it) + "_bullet" + std::to_string(++b)},
                       {"name", "item"},
                       {"prose", pick(bl.text)}});
    }
    if (it.kind == "check") {
      props.push_back(prop("checklist-row", std::to_string(it.row)));
      if (it.operator_rec) props.push_back(prop("recommendation-operator", to_string(*it.operator_rec)));
      if (it.maker_rec) props.push_back(prop("recommendation-maker", to_string(*it.maker_rec)));
      for (const auto& q : it.questions) {
        json qp = {{"id", oscal_id(it) + "_q" + q.id.substr(q.id.rfind('.') + 1)},
                   {"name", "assessment-objective"},
                   {"prose", pick(q.text)},
                   {"props", json::array({prop("question-id", q.id)})}};
        if (!alt(q.text).empty()) qp["props"].push_back(prop("alt-prose", alt(q.text)));
        parts.push_back(qp);
      }
    }
    json j = {{"id", oscal_id(it)}, {"title", title}, {"props", props}};
    if (!parts.empty()) j["parts"] = parts;
    j["class"] = it.kind;
    json groups = json::array(), controls = json::array();
    for (size_t c : it.children) {
      // OSCAL groups may hold groups and controls; controls hold only controls.
      bool child_group = as_group && is_group(fw.items[c].kind);
      (child_group ? groups : controls).push_back(node(fw.items[c], child_group));
    }
    if (!groups.empty()) j["groups"] = groups;
    if (!controls.empty()) j["controls"] = controls;
    return j;
  };

  json groups = json::array(), controls = json::array();
  for (const auto& it : fw.items) {
    if (!it.parent.empty()) continue;
    (is_group(it.kind) ? groups : controls).push_back(node(it, is_group(it.kind)));
  }
  json meta = {{"title", pick(fw.title)},
               {"last-modified", utc_now_iso()},
               {"version", fw.version},
               {"oscal-version", "1.2.1"},
               {"props", json::array({prop("framework-id", fw.id),
                                      prop("effective-from", fw.effective_from)})}};
  if (!fw.date.empty()) meta["published"] = fw.date + "T00:00:00+09:00";
  if (!alt(fw.title).empty()) meta["props"].push_back(prop("alt-title", alt(fw.title)));
  if (!pick(fw.publisher).empty()) meta["props"].push_back(prop("publisher", pick(fw.publisher)));
  json cat = {{"uuid", uuid_v5("catalog:" + fw.key())}, {"metadata", meta}};
  if (!groups.empty()) cat["groups"] = groups;
  if (!controls.empty()) cat["controls"] = controls;
  return json{{"catalog", cat}};
}

json oscal_prop(const std::string& name, const std::string& value) { return {{"name", name}, {"ns", kNs}, {"value", value}}; }

}  // namespace anzen::catalog
