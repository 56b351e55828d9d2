#include "catalog/model.h"

#include <algorithm>
#include <map>

namespace anzen::catalog {

std::string to_string(Recommendation r) {
  return r == Recommendation::recommended ? "recommended" : "reference";
}

std::string to_string(Author a) { return a == Author::anzen ? "anzen" : "source"; }

std::optional<Author> author_from(std::string_view s) {
  if (s == "source") return Author::source;
  if (s == "anzen") return Author::anzen;
  return std::nullopt;
}

std::string to_string(Relationship r) {
  switch (r) {
    case Relationship::equal:
      return "equal";
    case Relationship::subset:
      return "subset";
    case Relationship::superset:
      return "superset";
    case Relationship::intersects:
      return "intersects";
  }
  return "intersects";
}

std::optional<Relationship> relationship_from(std::string_view s) {
  if (s == "equal") return Relationship::equal;
  if (s == "subset") return Relationship::subset;
  if (s == "superset") return Relationship::superset;
  if (s == "intersects") return Relationship::intersects;
  return std::nullopt;
}

const std::vector<std::string>& threat_tags() {
  static const std::vector<std::string> tags = {"common",           "cyber_attack", "congestion",
                                                "failure_disaster", "info_leak",    "cloud_use",
                                                "cloud_provision"};
  return tags;
}

Text author_label(Author a, bool question) {
  if (a == Author::source) return {"原文", "source text"};
  return question ? Text{"本ツールによる設問", "written by Anzen"}
                  : Text{"本ツールによる記述", "written by Anzen"};
}

const Text& unknown_label() {
  static const Text t{"不明", "unknown"};
  return t;
}

Text placement_label(const Placement& p) {
  // The standard's name as people write it, not the scheme code.
  static const std::map<std::string, std::string, std::less<>> standard = {
      {"iso27002-2022", "ISO/IEC 27002:2022"},
      {"itu-x1051", "ITU-T X.1051"},
      {"iso27017-2015", "ISO/IEC 27017"}};
  Text t = p.origin == "stated" ? Text{"明示", "stated"} : Text{"推定", "inferred"};
  std::string line = std::to_string(p.line);
  if (p.rule == "control" && p.evidence) {
    auto s = standard.find(p.evidence->scheme);
    std::string control =
        (s == standard.end() ? p.evidence->scheme : s->second) + " " + p.evidence->id;
    t.ja += "：設問の文言が引用管理策 " + control + " の文言（" + line + "行）";
    t.en += ": the row is worded as the cited control " + control + " (line " + line + ")";
  } else if (p.rule == "wording") {
    t.ja += "：小項目の本文（" + line + "行）を言い換えた設問";
    t.en += ": the row restates the sub-item's text (line " + line + ")";
  } else {
    t.ja += "：項目に小項目が一つだけ（" + line + "行）";
    t.en += ": the item has a single sub-item (line " + line + ")";
  }
  return t;
}

Text or_unknown(const Text& t) { return t.ja.empty() ? unknown_label() : t; }
Text or_unknown(const std::string& s) { return s.empty() ? unknown_label() : Text{s, s}; }

Text threat_label(std::string_view tag) {
  // The words of 表1 (seed 000 lines 679-691) and the glossary.
  static const std::map<std::string, Text, std::less<>> names = {
      {"common", {"共通", "Common"}},
      {"cyber_attack", {"サイバー攻撃", "Cyber attack"}},
      {"congestion", {"ネットワーク輻そう", "Network congestion"}},
      {"failure_disaster", {"故障・災害等", "Failures and disasters"}},
      {"info_leak", {"重要情報漏えい", "Leak of critical information"}},
      {"cloud_use", {"クラウドサービス利用時", "Cloud use"}},
      {"cloud_provision", {"クラウドサービス提供時", "Cloud provision"}},
      {"custom", {"その他", "Other"}}};
  auto it = names.find(tag);
  return it == names.end() ? Text{std::string(tag), std::string(tag)} : it->second;
}

void Framework::index() {
  item_index_.clear();
  question_index_.clear();
  for (size_t i = 0; i < items.size(); ++i) index_one(i);
}

void Framework::index_one(size_t i) {
  item_index_.emplace(items[i].id, i);
  for (size_t q = 0; q < items[i].questions.size(); ++q) {
    question_index_.emplace(items[i].questions[q].id, std::make_pair(i, q));
  }
}

const Item* Framework::find(std::string_view item_id) const {
  auto it = item_index_.find(std::string(item_id));
  return it == item_index_.end() ? nullptr : &items[it->second];
}

const Item* Framework::check_of_question(std::string_view question_id) const {
  auto it = question_index_.find(std::string(question_id));
  return it == question_index_.end() ? nullptr : &items[it->second.first];
}

const Question* Framework::question(std::string_view question_id) const {
  auto it = question_index_.find(std::string(question_id));
  return it == question_index_.end() ? nullptr
                                     : &items[it->second.first].questions[it->second.second];
}

std::vector<const Item*> Framework::checks() const {
  std::vector<const Item*> out;
  for (const auto& it : items) {
    if (it.kind == "check") out.push_back(&it);
  }
  return out;
}

const Framework* Catalog::find(std::string_view framework_id) const {
  const Framework* best = nullptr;
  for (const auto& f : frameworks) {
    if (f.id != framework_id) continue;
    if (!best || f.effective_from > best->effective_from) best = &f;
  }
  return best;
}

const Framework* Catalog::find(std::string_view framework_id, std::string_view version) const {
  for (const auto& f : frameworks) {
    if (f.id == framework_id && f.version == version) return &f;
  }
  return nullptr;
}

Catalog::Resolved Catalog::resolve(std::string_view ref) const {
  Resolved r;
  auto colon = ref.find(':');
  if (colon != std::string_view::npos) {
    std::string_view fw = ref.substr(0, colon);
    std::string_view id = ref.substr(colon + 1);
    auto at = fw.find('@');
    r.framework = at == std::string_view::npos ? find(fw) : find(fw.substr(0, at), fw.substr(at + 1));
    if (!r.framework) {
      r.error = "unknown framework '" + std::string(fw) + "'";
      return r;
    }
    r.item = r.framework->find(id);
    if (!r.item) {
      if (const Item* c = r.framework->check_of_question(id)) {
        r.item = c;
        return r;
      }
      r.error = "no item '" + std::string(id) + "' in " + r.framework->id;
    }
    return r;
  }
  std::vector<std::pair<const Framework*, const Item*>> hits;
  for (const auto& f : frameworks) {
    if (find(f.id) != &f) continue;  // only the newest edition of each framework
    const Item* it = f.find(ref);
    if (!it) it = f.check_of_question(ref);
    if (it) hits.emplace_back(&f, it);
  }
  if (hits.empty()) {
    r.error = "no item '" + std::string(ref) + "' in any framework";
  } else if (hits.size() > 1) {
    r.error = "'" + std::string(ref) + "' is ambiguous; write FRAMEWORK:" + std::string(ref) +
              " (found in";
    for (const auto& h : hits) r.error += " " + h.first->id;
    r.error += ")";
  } else {
    r.framework = hits[0].first;
    r.item = hits[0].second;
  }
  return r;
}

}  // namespace anzen::catalog
