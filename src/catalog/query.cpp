#include "catalog/query.h"

#include <algorithm>

#include "common/text.h"

namespace anzen::catalog {
using nlohmann::json;

namespace {
json text_json(const Text& t) { return json{{"ja", t.ja}, {"en", t.en}}; }
json source_json(const SourceRef& s) {
  if (s.empty()) return nullptr;
  json j = s.first == s.last ? json{{"line", s.first}} : json{{"lines", {s.first, s.last}}};
  if (!s.document.empty()) j["document"] = s.document;
  return j;
}
}  // namespace

json stats(const Catalog& cat, const Framework& fw) {
  json kinds = json::object();
  for (const auto& k : fw.kinds) kinds[k] = 0;
  json attrs = json::object();
  int rows = 0, questions = 0, op = 0, mk = 0;
  for (const auto& it : fw.items) {
    kinds[it.kind] = kinds.value(it.kind, 0) + 1;
    for (const auto& [k, v] : it.attributes) {
      json& slot = attrs[it.kind][k][v];
      slot = slot.is_number() ? slot.get<int>() + 1 : 1;
    }
    if (it.kind == "check") {
      ++rows;
      questions += static_cast<int>(it.questions.size());
      if (it.operator_rec == Recommendation::recommended) ++op;
      if (it.maker_rec == Recommendation::recommended) ++mk;
    }
  }
  int maps = 0;
  for (const auto& m : cat.mappings) {
    if (m.source_framework == fw.id || m.target_framework == fw.id) ++maps;
  }
  json out = {{"framework", fw.id},
              {"version", fw.version},
              {"kinds", kinds},
              {"checklist_rows", rows},
              {"questions", questions},
              {"operator_recommended_rows", op},
              {"maker_recommended_rows", mk},
              {"attributes", attrs},
              {"mappings", maps}};
  for (const auto& [k, v] : kinds.items()) {
    // English plurals of the kind names: check → checks, category → categories.
    std::string plural = k.size() > 1 && k.back() == 'y' ? k.substr(0, k.size() - 1) + "ies" : k + "s";
    out[plural] = v;
  }
  return out;
}

std::vector<SearchHit> search(const Catalog& cat, std::string_view query,
                              std::string_view framework_id, size_t limit) {
  std::vector<SearchHit> hits;
  std::string q = text::fold(query);
  if (q.empty()) return hits;
  auto has = [&](const std::string& s) {
    return !s.empty() && text::fold(s).find(q) != std::string::npos;
  };
  for (const auto& fw : cat.frameworks) {
    if (!framework_id.empty() && fw.id != framework_id) continue;
    for (const auto& it : fw.items) {
      int rank = -1;
      std::string field;
      if (it.id == query) {
        rank = 0, field = "id";
      } else if (has(it.title.ja) || has(it.title.en) || has(it.label)) {
        rank = 1, field = "title";
      } else {
        for (const auto& qq : it.questions) {
          if (has(qq.text.ja) || has(qq.text.en)) {
            rank = 2, field = "question " + qq.id;
            break;
          }
        }
        if (rank < 0 && (has(it.text.ja) || has(it.text.en))) rank = 3, field = "text";
        if (rank < 0) {
          for (const auto& b : it.bullets) {
            if (has(b.text.ja) || has(b.text.en)) {
              rank = 4, field = "bullet";
              break;
            }
          }
        }
      }
      if (rank >= 0) hits.push_back({&fw, &it, field, rank});
    }
  }
  std::stable_sort(hits.begin(), hits.end(),
                   [](const SearchHit& a, const SearchHit& b) { return a.rank < b.rank; });
  if (hits.size() > limit) hits.resize(limit);
  return hits;
}

std::vector<const Item*> ancestry(const Framework& fw, const Item& it) {
  std::vector<const Item*> chain{&it};
  const Item* cur = &it;
  while (!cur->parent.empty()) {
    cur = fw.find(cur->parent);
    if (!cur) break;
    chain.push_back(cur);
  }
  std::reverse(chain.begin(), chain.end());
  return chain;
}

json item_json(const Framework& fw, const Item& it) {
  json j = {{"framework", fw.id}, {"id", it.id},       {"kind", it.kind},
            {"label", it.label},  {"title", text_json(it.title)},
            {"source", source_json(it.source)},        {"threats", it.threats}};
  if (!it.parent.empty()) j["parent"] = it.parent;
  if (!it.text.ja.empty()) j["text"] = text_json(it.text);
  if (!it.references.empty()) {
    json refs = json::array();
    for (const auto& r : it.references) refs.push_back({{"scheme", r.scheme}, {"id", r.id}});
    j["references"] = refs;
  }
  if (!it.bullets.empty()) {
    json bs = json::array();
    for (const auto& b : it.bullets) {
      bs.push_back({{"text", text_json(b.text)}, {"source", source_json(b.source)}});
    }
    j["bullets"] = bs;
  }
  if (!it.attributes.empty()) j["attributes"] = it.attributes;
  if (!it.ocr.empty()) {
    json oc = json::array();
    for (const auto& o : it.ocr) oc.push_back({{"found", o.found}, {"intended", o.intended}});
    j["ocr"] = oc;
  }
  if (it.author != Author::source) j["authored_by"] = to_string(it.author);
  if (it.kind == "check") {
    j["row"] = it.row;
    j["recommendation"] = {{"operator", it.operator_rec ? to_string(*it.operator_rec) : ""},
                           {"maker", it.maker_rec ? to_string(*it.maker_rec) : ""},
                           {"authored_by", to_string(it.recommendation_author)}};
    json qs = json::array();
    for (const auto& q : it.questions) {
      qs.push_back({{"id", q.id},
                    {"text", text_json(q.text)},
                    {"source", source_json(q.source)},
                    {"authored_by", to_string(q.author)}});
    }
    j["questions"] = qs;
    if (it.placement) {
      const Placement& pl = *it.placement;
      json pj = {{"origin", pl.origin}, {"rule", pl.rule}, {"line", pl.line}};
      if (pl.evidence) pj["evidence"] = {{"scheme", pl.evidence->scheme}, {"id", pl.evidence->id}};
      j["placement"] = pj;
    }
  }
  json kids = json::array();
  for (size_t c : it.children) kids.push_back(fw.items[c].id);
  j["children"] = kids;
  return j;
}

json framework_summary_json(const Framework& fw) {
  return {{"id", fw.id},
          {"version", fw.version},
          {"title", text_json(fw.title)},
          {"publisher", fw.publisher.ja.empty() ? json(nullptr) : text_json(fw.publisher)},
          // Unknown metadata is null, never a guess.
          {"edition", fw.edition.ja.empty() ? json(nullptr) : text_json(fw.edition)},
          {"date", fw.date.empty() ? json(nullptr) : json(fw.date)},
          {"effective_from", fw.effective_from.empty() ? json(nullptr) : json(fw.effective_from)},
          {"effective_to", fw.effective_to.empty() ? json(nullptr) : json(fw.effective_to)},
          {"supersedes", fw.supersedes.empty() ? json(nullptr) : json(fw.supersedes)},
          {"source_document", fw.source_document},
          {"answer_scale", fw.answer_scale},
          {"items", fw.items.size()}};
}

}  // namespace anzen::catalog
