#include "catalog/export.h"

#include "catalog/query.h"
#include "common/csv.h"

namespace anzen::catalog {
using nlohmann::json;

namespace {
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
  if (j["date"].is_string()) fw.date = j["date"];
  if (j["effective_from"].is_string()) fw.effective_from = j["effective_from"];
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
    it.author = author_from(ji.value("authored_by", "source")).value_or(Author::source);
    if (it.kind == "check") {
      it.row = ji.value("row", 0);
      auto rec = [](const std::string& s) -> std::optional<Recommendation> {
        if (s == "recommended") return Recommendation::recommended;
        if (s == "reference") return Recommendation::reference;
        return std::nullopt;
      };
      it.operator_rec = rec(ji["recommendation"].value("operator", ""));
      it.maker_rec = rec(ji["recommendation"].value("maker", ""));
      it.recommendation_author =
          author_from(ji["recommendation"].value("authored_by", "source")).value_or(Author::source);
      for (const auto& q : ji.at("questions")) {
        it.questions.push_back(
            {q.at("id"), text_from(q["text"]), source_from(q["source"]),
             author_from(q.value("authored_by", "source")).value_or(Author::source)});
      }
      if (ji.contains("placement")) {
        const json& pj = ji["placement"];
        Placement pl{pj.value("origin", ""), pj.value("rule", ""), std::nullopt,
                     pj.value("line", 0)};
        if (pj.contains("evidence"))
          pl.evidence = Reference{pj["evidence"]["scheme"], pj["evidence"]["id"]};
        it.placement = pl;
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
  out += csv::export_row({"framework",   "id",          "kind",    "parent",         "label",
                   "title_ja",    "title_en",    "text_ja", "text_en",        "threats",
                   "references",  "source_line", "row",     "question_id",    "question_ja",
                   "question_en", "operator",    "maker",   "authored_by_ja", "authored_by_en"});
  for (const auto& it : fw.items) {
    std::string refs;
    for (const auto& r : it.references) refs += (refs.empty() ? "" : " ") + r.scheme + ":" + r.id;
    std::vector<std::string> base = {fw.id,         it.id,        it.kind,      it.parent,
                                     it.label,      it.title.ja,  it.title.en,  it.text.ja,
                                     it.text.en,    threats_str(it.threats),    refs,
                                     it.source.empty() ? "" : std::to_string(it.source.first)};
    if (it.kind != "check") {
      Text who = author_label(it.author, false);
      base.insert(base.end(), {"", "", "", "", "", "", who.ja, who.en});
      out += csv::export_row(base);
      continue;
    }
    for (const auto& q : it.questions) {
      auto r = base;
      r[11] = q.source.empty() ? "" : std::to_string(q.source.first);
      r.insert(r.end(), {std::to_string(it.row), q.id, q.text.ja, q.text.en,
                         it.operator_rec ? to_string(*it.operator_rec) : "",
                         it.maker_rec ? to_string(*it.maker_rec) : ""});
      Text who = author_label(q.author, true);
      r.insert(r.end(), {who.ja, who.en});
      out += csv::export_row(r);
    }
  }
  return out;
}

}  // namespace anzen::catalog
