// The named schemas of the API's answers: one per entity, the shape its to_json gives to the CLI's
// --json and the API alike. tests/api_openapi.sh validates every answer against them, with no
// property left undeclared, so a field added to an entity without its schema fails there.
#include <algorithm>

#include "common/vocabulary.h"
#include "web/api_schema_dsl.h"
#include "web/api_schemas.h"

namespace anzen::web {
namespace schema {

json str(const std::string& description) {
  json s = {{"type", "string"}};
  if (!description.empty()) s["description"] = description;
  return s;
}
json integer(const std::string& description) {
  json s = {{"type", "integer"}};
  if (!description.empty()) s["description"] = description;
  return s;
}
json number() { return {{"type", "number"}}; }
json boolean() { return {{"type", "boolean"}}; }
json date() {
  return {{"type", "string"}, {"format", "date"}, {"description", "YYYY-MM-DD; empty when unset"}};
}
json datetime() { return {{"type", "string"}, {"format", "date-time"}}; }
json code(const std::string& vocab_domain) { return codes(vocab::codes(vocab_domain)); }
json codes(const std::vector<std::string>& values) {
  return {{"type", "string"}, {"enum", values}};
}
json nullable(json s) {
  if (s.contains("$ref")) return {{"allOf", json::array({s})}, {"nullable", true}};
  s["nullable"] = true;
  return s;
}
json array(json items) { return {{"type", "array"}, {"items", std::move(items)}}; }
json ref(const std::string& name) { return {{"$ref", "#/components/schemas/" + name}}; }
json text_pair() { return object({{"ja", str("日本語")}, {"en", str("English")}}); }
json object(const Props& props, const std::vector<std::string>& optional, json additional) {
  json p = json::object(), req = json::array();
  for (const auto& [k, v] : props) {
    p[k] = v;
    if (std::find(optional.begin(), optional.end(), k) == optional.end()) req.push_back(k);
  }
  json s = {{"type", "object"}, {"properties", p}, {"additionalProperties", std::move(additional)}};
  if (!req.empty()) s["required"] = req;
  return s;
}
json list_of(const std::string& key, json item) { return object({{key, array(std::move(item))}}); }
json map_of(json values) {
  return {{"type", "object"}, {"additionalProperties", std::move(values)}};
}
json free_object(const std::string& description) {
  return {{"type", "object"}, {"additionalProperties", true}, {"description", description}};
}
json extend(json base, const Props& more, const std::vector<std::string>& optional) {
  for (const auto& [k, v] : more) {
    base["properties"][k] = v;
    if (std::find(optional.begin(), optional.end(), k) == optional.end())
      base["required"].push_back(k);
  }
  return base;
}

}  // namespace schema

namespace {
using namespace schema;

json source_ref() {
  return nullable(object({{"line", integer()},
                          {"lines", array(integer())},
                          {"document", str("the source document when not the framework's")}},
                         {"line", "lines", "document"}));
}

json framework() {
  return object({{"id", str()},
                 {"version", str()},
                 {"title", text_pair()},
                 {"publisher", nullable(text_pair())},
                 {"edition", nullable(text_pair())},
                 {"date", nullable(date())},
                 {"effective_from", nullable(date())},
                 {"effective_to", nullable(date())},
                 {"supersedes", nullable(str())},
                 {"source_document", str()},
                 {"answer_scale", str("compliance or maturity")},
                 {"items", integer("number of items")}});
}

json item() {
  json question = object(
      {{"id", str()}, {"text", text_pair()}, {"source", source_ref()}, {"authored_by", str()}});
  return object(
      {{"framework", str()},
       {"id", str()},
       {"kind", str("chapter, section, item, check, …")},
       {"label", str()},
       {"title", text_pair()},
       {"source", source_ref()},
       {"threats", array(str())},
       {"parent", str()},
       {"text", text_pair()},
       {"references", array(object({{"scheme", str()}, {"id", str()}}))},
       {"bullets", array(object({{"text", text_pair()}, {"source", source_ref()}}))},
       {"attributes", map_of(str())},
       {"ocr", array(object({{"found", str()}, {"intended", str()}}))},
       {"authored_by", str()},
       {"row", integer()},
       {"recommendation", object({{"operator", str()}, {"maker", str()}, {"authored_by", str()}})},
       {"questions", array(question)},
       {"placement", object({{"origin", str()},
                             {"rule", str()},
                             {"line", integer()},
                             {"evidence", object({{"scheme", str()}, {"id", str()}})}},
                            {"evidence"})},
       {"children", array(str())},
       {"mappings", array(ref("Hop"))}},
      {"parent", "text", "references", "bullets", "attributes", "ocr", "authored_by", "row",
       "recommendation", "questions", "placement", "mappings"});
}

json tally() {
  return object({{"questions", integer()},
                 {"answered", integer()},
                 {"implemented", integer()},
                 {"partial", integer()},
                 {"not_implemented", integer()},
                 {"not_applicable", integer()},
                 {"unanswered", integer()},
                 {"coverage", nullable(number())},
                 {"mean_maturity", nullable(number())}});
}

json level() {
  return object(
      {{"likelihood", integer()}, {"impact", integer()}, {"level", str("the matrix level's id")}});
}

json filing() {
  return object({{"id", integer()},
                 {"incident", integer()},
                 {"kind", str("the classification the report belongs to")},
                 {"report", code("report")},
                 {"form", str()},
                 {"filed_at", str("JST, ISO 8601")},
                 {"filed_by", str()},
                 {"reference", str()},
                 {"recorded_at", str()},
                 {"recorded_by", str()},
                 {"evidence", object({{"name", str()}, {"sha256", str()}, {"bytes", integer()}})}},
                {"evidence"});
}

json verdict() {
  json filed =
      object({{"id", integer()},
              {"at", str()},
              {"by", str()},
              {"reference", str()},
              {"recorded_by", str()},
              {"evidence", object({{"name", str()}, {"sha256", str()}, {"bytes", integer()}})}},
             {"evidence"});
  json report = object({{"type", code("report")},
                        {"form", str()},
                        {"due", nullable(str("JST date or time; null: no fixed deadline"))},
                        {"due_before_holiday_extension", str()},
                        {"triggered_at", str()},
                        {"filed", filed}},
                       {"due_before_holiday_extension", "triggered_at", "filed"});
  json cls = object({{"kind", str()},
                     {"label", text_pair()},
                     {"rule", str()},
                     {"threshold", str()},
                     {"threshold_label", text_pair()},
                     {"basis", nullable(str())},
                     {"explanation", text_pair()},
                     {"reports", array(report)},
                     {"users_unknown", boolean()},
                     {"relies_on_unconfirmed", boolean()},
                     {"unconfirmed", array(text_pair())},
                     {"caveat", text_pair()}},
                    {"caveat"});
  json missing = object({{"fields", array(str())},
                         {"label", text_pair()},
                         {"would_be", text_pair()},
                         {"text", text_pair()}});
  return object({{"classifications", array(cls)},
                 {"rule_set", str()},
                 {"as_of", str()},
                 {"ongoing", boolean()},
                 {"duration_minutes", integer()},
                 {"missing_inputs", array(missing)}},
                {"missing_inputs"});
}

json questionnaire() {
  json question = object({{"id", str()},
                          {"framework", str()},
                          {"item", str()},
                          {"text", text_pair()},
                          {"source", str()},
                          {"custom", boolean()},
                          {"status", code("status")},
                          {"status_label", text_pair()},
                          {"comment", str()},
                          {"review_comment", str()}});
  json answer = object({{"status", code("status")},
                        {"comment", str()},
                        {"review_comment", str()},
                        {"updated_at", str()},
                        {"updated_by", str()}});
  json event = object({{"at", str()},
                       {"actor", str()},
                       {"action", str()},
                       {"question_id", str()},
                       {"detail", str()}});
  return object({{"id", integer()},
                 {"template", str()},
                 {"status", code("qstatus")},
                 {"status_label", text_pair()},
                 {"due", date()},
                 {"answerable", boolean()},
                 {"answered", integer()},
                 {"total", integer()},
                 {"questions", array(question)},
                 {"answers", map_of(answer)},
                 {"created_at", str()},
                 {"updated_at", str()},
                 {"org_id", integer()},
                 {"supplier_id", integer()},
                 {"snapshot_id", nullable(integer())},
                 {"history", array(event)}},
                {"org_id", "supplier_id", "snapshot_id", "history"});
}

json supplier() {
  return object({{"id", integer()},
                 {"org_id", integer()},
                 {"name", str()},
                 {"corporate_number", str()},
                 {"contact", str()},
                 {"services", array(str())},
                 {"contract_start", date()},
                 {"contract_end", date()},
                 {"criticality", code("criticality")},
                 {"criticality_label", text_pair()},
                 {"maker_org_id", nullable(integer())},
                 {"created_at", str()},
                 {"reassess_months", integer()}});
}

json contract() {
  json clause = object({{"item", str("the chapter 10 requirement")},
                        {"title", text_pair()},
                        {"text", text_pair()},
                        {"source", str()},
                        {"status", code("status")},
                        {"status_label", text_pair()},
                        {"evidence", str()},
                        {"updated_at", str()},
                        {"updated_by", str()}});
  return object({{"id", integer()},
                 {"supplier_id", integer()},
                 {"title", str()},
                 {"signed_on", date()},
                 {"starts_on", date()},
                 {"ends_on", date()},
                 {"created_at", str()},
                 {"clauses", array(clause)}});
}

json build() {
  json c = json::object();
  c["TextPair"] = text_pair();
  c["Framework"] = framework();
  c["FrameworkStats"] = object({{"framework", str()},
                                {"version", str()},
                                {"kinds", map_of(integer())},
                                {"checklist_rows", integer()},
                                {"questions", integer()},
                                {"operator_recommended_rows", integer()},
                                {"maker_recommended_rows", integer()},
                                {"attributes", free_object("counts per kind, attribute and value")},
                                {"mappings", integer()}},
                               {}, integer("items of a kind (checks, chapters, …)"));
  c["FrameworkWithStats"] = extend(framework(), {{"stats", ref("FrameworkStats")}});
  json exported = framework();
  exported["properties"]["items"] = array(ref("Item"));
  c["FrameworkExport"] = extend(exported, {{"kinds", array(str())},
                                           {"numbering_only", boolean()},
                                           {"reference", free_object("reference metadata")}});
  c["Item"] = item();
  c["Hop"] = object({{"from", str("framework:item")},
                     {"to", str("framework:item")},
                     {"relationship", str()},
                     {"origin", str("stated or inferred")},
                     {"mapping_set", str()},
                     {"reversed", boolean()}});
  c["SearchHit"] = object({{"framework", str()},
                           {"id", str()},
                           {"kind", str()},
                           {"field", str("where the text was found")},
                           {"title", text_pair()}});
  c["OscalMappings"] =
      object({{"mapping-collection", free_object("an OSCAL 1.2 mapping collection")}});
  c["Assessment"] = object({{"id", integer()},
                            {"org", integer()},
                            {"framework", str()},
                            {"framework_version", str()},
                            {"role", str("operator or maker")},
                            {"period", str()},
                            {"scope", str()},
                            {"previous", nullable(integer())},
                            {"created_at", str()}});
  c["Answer"] = object({{"question", str()},
                        {"status", code("status")},
                        {"na_reason", str()},
                        {"maturity", nullable(integer())},
                        {"owner", str()},
                        {"due", date()},
                        {"comment", str()},
                        {"updated_at", str()},
                        {"updated_by", str()}});
  c["Tally"] = tally();
  c["Score"] =
      object({{"overall", ref("Tally")},
              {"recommended", ref("Tally")},
              {"reference", ref("Tally")},
              {"chapters", array(extend(tally(), {{"id", str()}, {"title", text_pair()}}))},
              {"sections", map_of(ref("Tally"))},
              {"threats", map_of(ref("Tally"))},
              {"weights", object({{"implemented", number()}, {"partial", number()}})},
              {"coverage", nullable(number())}});
  c["Gap"] = object({{"question", str()},
                     {"check", str()},
                     {"chapter", str()},
                     {"status", code("status")},
                     {"priority", integer()},
                     {"reasons", array(text_pair())},
                     {"text", nullable(text_pair())}});
  c["Level"] = level();
  c["Risk"] = object({{"id", integer()},
                      {"title", str()},
                      {"threat", str()},
                      {"custom_threat", str()},
                      {"description", str()},
                      {"owner", str()},
                      {"asset_ids", array(integer())},
                      {"services", array(code("service"))},
                      {"question_ids", array(str())},
                      {"inherent", ref("Level")},
                      {"current", ref("Level")},
                      {"residual", ref("Level")},
                      {"treatment", code("treatment")},
                      {"approver", str()},
                      {"justification", str()},
                      {"acceptance_expiry", date()}});
  c["Asset"] = object({{"id", integer()},
                       {"name", str()},
                       {"kind", code("assetkind")},
                       {"owner", str()},
                       {"c", integer()},
                       {"i", integer()},
                       {"a", integer()},
                       {"services", array(code("service"))},
                       {"suppliers", array(str())},
                       {"depends_on", array(integer())}});
  c["PlanItem"] = object({{"id", integer()},
                          {"target_state", str()},
                          {"actions", str()},
                          {"resources", str()},
                          {"owner", str()},
                          {"deadline", date()},
                          {"evaluation_method", str()},
                          {"status", code("planstatus")},
                          {"progress", integer()},
                          {"risk_ids", array(integer())},
                          {"question_ids", array(str())}});
  c["Deleted"] = object({{"deleted", integer("the id")}});
  c["Report"] = object({{"kind", str()},
                        {"ja", str()},
                        {"en", str()},
                        {"downloads", map_of(str("the download path of a format"))}});
  c["Evidence"] = object({{"id", integer()},
                          {"question", str()},
                          {"kind", codes({"file", "url"})},
                          {"evidence_date", date()},
                          {"expires_on", date()},
                          {"uploaded_at", str()},
                          {"uploaded_by", str()},
                          {"url", str()},
                          {"filename", str()},
                          {"size", integer()},
                          {"sha256", str()},
                          {"download", str()}},
                         {"url", "filename", "size", "sha256", "download"});
  c["User"] = object({{"id", integer()},
                      {"name", str()},
                      {"role", code("userrole")},
                      {"lang", codes({"ja", "en"})},
                      {"disabled", boolean()}});
  c["Verdict"] = verdict();
  c["Incident"] = object({{"id", integer()},
                          {"org", integer()},
                          {"title", str()},
                          {"description", str()},
                          {"status", code("incidentstatus")},
                          {"event", free_object("the classifier's input (docs/incidents.md)")},
                          {"details", free_object("free details")},
                          {"classification", ref("Verdict")},
                          {"created_at", str()},
                          {"updated_at", str()}});
  c["Filing"] = filing();
  c["RequiredReport"] = object({{"kind", str()},
                                {"report", code("report")},
                                {"form", str()},
                                {"due", nullable(str())},
                                {"filed", boolean()},
                                {"filing", ref("Filing")}},
                               {"filing"});
  c["Obligation"] = object({{"incident", integer()},
                            {"title", str()},
                            {"kind", str()},
                            {"type", code("report")},
                            {"form", str()},
                            {"due", nullable(str())},
                            {"overdue", boolean()}});
  c["Integration"] = object({{"id", integer()},
                             {"org", integer()},
                             {"kind", str()},
                             {"name", str()},
                             {"enabled", boolean()},
                             {"hmac", boolean()},
                             {"url", str()},
                             {"created_at", str()}});
  c["Notification"] = object({{"id", integer()},
                              {"channel", integer()},
                              {"incident", nullable(integer())},
                              {"event", str()},
                              {"subject", str()},
                              {"status", codes({"pending", "sent", "failed"})},
                              {"attempts", integer()},
                              {"next_at", str()},
                              {"last_error", str()},
                              {"sent_at", nullable(str())}});
  c["Restriction"] = object({{"service", str()},
                             {"incident", integer()},
                             {"record", free_object("the imported restriction record")}});
  c["Delivery"] = object({{"received", integer()},
                          {"created", integer()},
                          {"grouped", integer()},
                          {"resolved", integer()},
                          {"unchanged", integer()},
                          {"unmatched", integer()},
                          {"incidents", array(integer())}});
  c["Supplier"] = supplier();
  c["Reassessment"] = object({{"supplier_id", integer()},
                              {"name", str()},
                              {"reassess_months", integer()},
                              {"last_accepted", str()},
                              {"due", str()},
                              {"state", code("recurrence")},
                              {"state_label", text_pair()}});
  c["SupplierDetail"] =
      extend(supplier(),
             {{"reassessment", ref("Reassessment")},
              {"asset_ids", array(integer())},
              {"risks", array(object({{"risk_id", integer()},
                                      {"questionnaire_id", nullable(integer())},
                                      {"question_id", str()},
                                      {"plan_item_id", nullable(integer())}}))},
              {"contracts", array(object({{"id", integer()}, {"title", str()}}))}},
             {"reassessment"});
  c["Questionnaire"] = questionnaire();
  c["QuestionnaireState"] = object({{"id", integer()}, {"status", code("qstatus")}});
  c["Contract"] = contract();
  c["Snapshot"] = object({{"id", integer()},
                          {"maker_org_id", integer()},
                          {"questionnaire_id", integer()},
                          {"version", integer()},
                          {"created_at", str()},
                          {"questions", array(free_object("a question with its answer"))}});
  c["Share"] = object({{"id", integer()},
                       {"snapshot_id", integer()},
                       {"operator_org_id", integer()},
                       {"granted_at", str()},
                       {"granted_by", str()},
                       {"revoked_at", nullable(str())}});
  return c;
}
}  // namespace

const nlohmann::json& api_component_schemas() {
  static const nlohmann::json k = build();
  return k;
}

}  // namespace anzen::web
