#include "supplier/oscal.h"

#include <map>
#include <optional>
#include <regex>
#include <set>
#include <stdexcept>

#include "catalog/oscal_anzen.h"
#include "common/invalid.h"
#include "common/text.h"
#include "common/uuid.h"

namespace anzen::supplier {
using nlohmann::json;

namespace {
constexpr const char* kOscalVersion = "1.2.1";
const std::regex kToken(R"(^[A-Za-z_][A-Za-z0-9._\-]*$)");

// OSCAL tokens start with a letter or underscore: chapter items (10.1.1.1) get a prefix.
std::string control_id(const Question& x) {
  return std::regex_match(x.id, kToken) ? x.id : "item-" + x.id;
}
std::string source_of(const Question& x, int64_t qid) {
  return x.framework.empty() ? "urn:anzen:questionnaire:" + std::to_string(qid) + ":custom"
                             : "urn:anzen:catalog:" + x.framework;
}
std::string oscal_text(const std::string& s, const std::string& fallback) {
  std::string t = text::trim(s);
  return t.empty() ? fallback : t;
}
}  // namespace

json component_definition(const Questionnaire& q, const QAnswers& answers, const Supplier& s) {
  std::string seed = "questionnaire:" + std::to_string(q.id) + ":" + q.updated_at;
  std::string party = uuid_v5("party:supplier:" + std::to_string(s.id));
  std::string services;
  for (const auto& x : s.services) services += (services.empty() ? "" : "、") + x;
  // One control implementation per source framework, in question order.
  std::vector<std::string> sources;
  std::map<std::string, json> reqs;
  for (const auto& x : q.questions) {
    std::string src = source_of(x, q.id);
    if (!reqs.count(src)) {
      sources.push_back(src);
      reqs[src] = json::array();
    }
    auto it = answers.find(x.id);
    QAnswer a = it == answers.end() ? QAnswer{} : it->second;
    json r = {{"uuid", uuid_v5(seed + ":req:" + x.id)},
              {"control-id", control_id(x)},
              {"description", oscal_text(a.comment, assess::to_japanese(a.status))},
              {"props",
               json::array({catalog::oscal_prop("question-id", x.id),
                            catalog::oscal_prop("answer-status", assess::to_string(a.status))})}};
    if (!text::trim(a.review_comment).empty()) r["remarks"] = text::trim(a.review_comment);
    reqs[src].push_back(r);
  }
  json impls = json::array();
  for (const auto& src : sources) {
    impls.push_back(
        {{"uuid", uuid_v5(seed + ":impl:" + src)},
         {"source", src},
         {"description", "質問票 " + std::to_string(q.id) + "（" + q.tmpl +
                             "）への回答 / answers to questionnaire " + std::to_string(q.id)},
         {"implemented-requirements", reqs[src]}});
  }
  json component = {
      {"uuid", uuid_v5("component:supplier:" + std::to_string(s.id))},
      {"type", "service"},
      {"title", s.name},
      {"description", oscal_text(services, s.name)},
      {"purpose", oscal_text(services, s.name)},
      {"responsible-roles",
       json::array({{{"role-id", "provider"}, {"party-uuids", json::array({party})}}})},
      {"control-implementations", impls}};
  if (!s.corporate_number.empty())
    component["props"] = json::array({catalog::oscal_prop("corporate-number", s.corporate_number)});
  json metadata = {
      {"title", s.name + " — 質問票 " + std::to_string(q.id) + " の回答"},
      {"last-modified", q.updated_at},
      {"version", "questionnaire-" + std::to_string(q.id) + "-" + to_string(q.status)},
      {"oscal-version", kOscalVersion},
      {"props", json::array({catalog::oscal_prop("questionnaire-id", std::to_string(q.id)),
                             catalog::oscal_prop("questionnaire-status", to_string(q.status)),
                             catalog::oscal_prop("template", q.tmpl)})},
      {"roles", json::array({{{"id", "provider"}, {"title", "Provider"}}})},
      {"parties", json::array({{{"uuid", party}, {"type", "organization"}, {"name", s.name}}})}};
  return {{"component-definition",
           {{"uuid", uuid_v5(seed)},
            {"metadata", metadata},
            {"components", json::array({component})}}}};
}

namespace {
// The value of the prop `name` in Anzen's namespace among the props of `owner`, if any.
std::optional<json> prop_value(const json& owner, const std::string& name) {
  if (!owner.is_object() || !owner.contains("props") || !owner["props"].is_array())
    return std::nullopt;
  for (const auto& p : owner["props"]) {
    if (p.is_object() && p.value("name", "") == name && p.value("ns", "") == catalog::kOscalNs &&
        p.contains("value"))
      return p["value"];
  }
  return std::nullopt;
}
// A defect of the imported OSCAL file at `path` (its JSON path, which the message names too).
[[noreturn]] void bad(const std::string& path, const std::string& ja, const std::string& en,
                      const std::string& code, const std::string& what) {
  throw Invalid(path, "OSCAL ファイルの " + path + " を確認してください：" + ja, path + ": " + en,
                code, what);
}

// `expected_ja`: what is missing, in Japanese.
const json& need(const json& j, const std::string& key, const std::string& path,
                 const char* expected, const char* expected_ja) {
  if (!j.is_object() || !j.contains(key))
    bad(path + "." + key, std::string(expected_ja) + "がありません。",
        std::string("missing; expected ") + expected + ".", "required",
        path + "." + key + ": missing; expected " + expected);
  return j[key];
}
}  // namespace

std::vector<SheetAnswer> answers_from_component_definition(const json& doc,
                                                           const Questionnaire& q) {
  const json& cd = need(doc, "component-definition", "(document)", "an OSCAL component-definition",
                        "OSCAL の component-definition");
  std::string base = "component-definition";
  const json& md = need(cd, "metadata", base, "the metadata object", "metadata");
  auto qid = prop_value(md, "questionnaire-id");
  if (!qid || !qid->is_string())
    bad(base + ".metadata.props[questionnaire-id]",
        "質問票の ID（名前空間 urn:anzen:oscal）がありません。",
        "missing; expected the questionnaire id in namespace urn:anzen:oscal.", "required",
        base +
            ".metadata.props[questionnaire-id]: missing; expected the "
            "questionnaire id in namespace urn:anzen:oscal");
  if (qid->get<std::string>() != std::to_string(q.id))
    bad(base + ".metadata.props[questionnaire-id]",
        "別の質問票（ID " + qid->get<std::string>() + "）のファイルです。質問票 " +
            std::to_string(q.id) + " のファイルを取り込んでください。",
        "'" + qid->get<std::string>() + "' is another questionnaire; expected " +
            std::to_string(q.id) + ".",
        "conflict",
        base + ".metadata.props[questionnaire-id]: '" + qid->get<std::string>() +
            "' is another questionnaire; expected " + std::to_string(q.id));
  const json& comps = need(cd, "components", base, "one component (the supplier's service)",
                           "コンポーネント（委託先のサービス）");
  if (!comps.is_array() || comps.size() != 1)
    bad(base + ".components", "コンポーネントはちょうど 1 つにしてください。",
        "expected exactly one component.", "invalid",
        base + ".components: expected exactly one component");
  std::set<std::string> known;
  for (const auto& x : q.questions) known.insert(x.id);
  std::set<std::string> seen;
  std::vector<SheetAnswer> out;
  std::string cpath = base + ".components[0]";
  const json& impls = need(comps[0], "control-implementations", cpath, "an array", "配列");
  if (!impls.is_array())
    bad(cpath + ".control-implementations", "配列で書いてください。", "expected an array.",
        "wrong_type", cpath + ".control-implementations: expected an array");
  for (size_t i = 0; i < impls.size(); ++i) {
    std::string ipath = cpath + ".control-implementations[" + std::to_string(i) + "]";
    const json& reqs = need(impls[i], "implemented-requirements", ipath, "an array", "配列");
    if (!reqs.is_array())
      bad(ipath + ".implemented-requirements", "配列で書いてください。", "expected an array.",
          "wrong_type", ipath + ".implemented-requirements: expected an array");
    for (size_t k = 0; k < reqs.size(); ++k) {
      std::string rpath = ipath + ".implemented-requirements[" + std::to_string(k) + "]";
      auto id = prop_value(reqs[k], "question-id");
      if (!id || !id->is_string())
        bad(rpath + ".props[question-id]", "質問の ID がありません。",
            "missing; expected the question id.", "required",
            rpath + ".props[question-id]: missing; expected the question id");
      std::string question = id->get<std::string>();
      if (!known.count(question))
        bad(rpath + ".props[question-id]",
            "質問 " + question + " は質問票 " + std::to_string(q.id) + " にありません。",
            "'" + question + "' is not a question of questionnaire " + std::to_string(q.id) + ".",
            "not_found",
            rpath + ".props[question-id]: '" + question + "' is not a question of questionnaire " +
                std::to_string(q.id));
      if (!seen.insert(question).second)
        bad(rpath + ".props[question-id]",
            "質問 " + question + " が 2 回あります。質問ごとに 1 回にしてください。",
            "'" + question + "' appears twice; expected each question once.", "duplicate",
            rpath + ".props[question-id]: '" + question +
                "' appears twice; expected each question once");
      auto st = prop_value(reqs[k], "answer-status");
      auto status =
          st && st->is_string() ? assess::status_from(st->get<std::string>()) : std::nullopt;
      if (!status) {
        Invalid st_bad =
            assess::status_refused(rpath + ".props[answer-status]", true,
                                   rpath +
                                       ".props[answer-status]: expected implemented, partial, "
                                       "not_implemented, not_applicable or unanswered");
        bad(st_bad.field, st_bad.ja, st_bad.en, st_bad.code, st_bad.what());
      }
      if (*status == assess::Status::unanswered) continue;
      const json& desc =
          need(reqs[k], "description", rpath, "the answer's comment", "回答のコメント");
      if (!desc.is_string())
        bad(rpath + ".description", "文字列で書いてください。", "expected a string.", "wrong_type",
            rpath + ".description: expected a string");
      // The exporter writes the status label when there is no comment; that is not a comment.
      std::string comment = desc.get<std::string>();
      if (comment == assess::to_japanese(*status)) comment.clear();
      if (*status == assess::Status::not_applicable && text::trim(comment).empty())
        bad(rpath + ".description", "対象外とする理由を書いてください。",
            "the reason the question does not apply.", "required",
            rpath + ".description: the reason the question does not apply");
      out.push_back({question, *status, comment});
    }
  }
  return out;
}

}  // namespace anzen::supplier
