// The table of every JSON API operation: its request body's fields (checked by the router before
// the handler runs) and the schema of its answer. /api/v1/openapi.json is built from it.
#include "web/api_schemas.h"

#include <map>
#include <utility>

#include "incident/classify.h"
#include "risk/threat.h"
#include "web/api_schema_dsl.h"

namespace anzen::web {
using nlohmann::json;

namespace {
using T = FieldType;
using schema::list_of;
using schema::ref;

const std::vector<std::string> kAnswerStatuses = {"implemented", "partial", "not_implemented",
                                                  "not_applicable"};
const std::vector<std::string> kRoles = {"admin", "assessor", "viewer", "auditor"};

BodySpec requiring(BodySpec s, const std::vector<std::string>& names) {
  for (auto& f : s.fields)
    for (const auto& n : names)
      if (f.name == n) f.required = true;
  return s;
}

BodyField id_echo() {
  return field("id", T::integer, "無視されます（パスの ID が対象）",
               "ignored: the id in the path counts (what a GET answers can be sent back)");
}

BodyField evidence_file() {
  return field("evidence", T::object, "提出した文書（証跡として保存）",
               "the document filed, kept as evidence")
      .eg({{"name", "速報.pdf"}, {"content_base64", "JVBERi0xLjQK"}})
      .with({field("name", T::text, "ファイル名", "file name").need().at_most(255),
             field("content_base64", T::text, "内容（Base64）", "the content, Base64").need()});
}

BodySpec risk_body() {
  BodyField inherent = field("inherent", T::level, "固有リスク（発生可能性, 影響度）",
                             "inherent risk [likelihood, impact]")
                           .eg({4, 5});
  BodyField current =
      field("current", T::level, "現在のリスク", "current risk [likelihood, impact]").eg({3, 5});
  BodyField residual = field("residual", T::level, "残留リスク（目標）",
                             "residual (target) risk [likelihood, impact]")
                           .eg({2, 3});
  return {
      {id_echo(), field("title", T::text, "リスク名", "title").eg("DDoS による停止"),
       field("threat", T::text, "脅威の区分", "threat category")
           .eg("cyber_attack")
           .one_of(risk::threat_codes(), "threat"),
       field("custom_threat", T::text, "その他の脅威の名称",
             "the threat's name when threat is custom"),
       field("description", T::text, "説明", "description"),
       field("owner", T::text, "リスク所有者", "owner").eg("ネットワーク部"),
       field("asset_ids", T::ids, "関連する資産の ID", "ids of the assets at risk"),
       field("services", T::texts, "影響する役務", "services affected")
           .eg({"voice_emergency"})
           .of_vocab("service"),
       field("question_ids", T::texts, "関連する点検項目",
             "checklist questions this risk relates to"),
       inherent, current, residual,
       field("treatment", T::text, "対応（低減・回避・移転・保有）", "treatment")
           .eg("reduce")
           .of_vocab("treatment"),
       field("approver", T::text, "保有・受容の承認者", "who accepted the risk (treatment accept)"),
       field("justification", T::text, "保有・受容の理由", "why the risk is accepted"),
       field("acceptance_expiry", T::date, "保有・受容の有効期限",
             "until when the acceptance holds")}};
}

BodySpec asset_body() {
  auto cia = [](const char* name, const char* ja, const char* en) {
    return field(name, T::integer, ja, en).eg(3).range(1, 1000000);
  };
  return {
      {id_echo(), field("name", T::text, "資産名", "name").eg("呼制御サーバ"),
       field("kind", T::text, "資産の種類", "kind").eg("facility").of_vocab("assetkind"),
       field("owner", T::text, "管理責任者", "owner").eg("設備部"),
       cia("c", "機密性", "confidentiality"), cia("i", "完全性", "integrity"),
       cia("a", "可用性", "availability"),
       field("services", T::texts, "提供する役務", "services")
           .eg({"voice_emergency"})
           .of_vocab("service"),
       field("suppliers", T::texts, "委託先・製造者", "suppliers"),
       field("depends_on", T::ids, "依存する資産の ID", "ids of the assets this one depends on")}};
}

BodySpec plan_body() {
  return {{id_echo(),
           field("target_state", T::text, "目標とする将来像", "target state").eg("DDoS 対策の完了"),
           field("actions", T::text, "実施事項", "actions").eg("上流での遮断契約"),
           field("resources", T::text, "必要な資源", "resources"),
           field("owner", T::text, "責任者", "owner").eg("ネットワーク部"),
           field("deadline", T::date, "達成期限", "deadline").eg("2027-03-31"),
           field("evaluation_method", T::text, "結果の評価方法", "how the result is evaluated")
               .eg("訓練で確認"),
           field("status", T::text, "状態", "status").eg("planned").of_vocab("planstatus"),
           field("progress", T::integer, "進捗（%）", "progress, percent").eg(0).range(0, 100),
           field("risk_ids", T::ids, "対応するリスクの ID", "ids of the risks treated"),
           field("question_ids", T::texts, "関連する点検項目", "checklist questions treated")}};
}

const BodySpec kRiskCreate = requiring(risk_body(), {"title", "threat"});
const BodySpec kRiskChange = risk_body();
const BodySpec kAssetCreate = requiring(asset_body(), {"name", "kind"});
const BodySpec kAssetChange = asset_body();
const BodySpec kPlanCreate =
    requiring(plan_body(), {"target_state", "actions", "owner", "deadline", "evaluation_method"});
const BodySpec kPlanChange = plan_body();

const BodySpec kAnswer = {
    {field("status", T::text, "実施状況", "status").eg("partial").of_vocab("status"),
     field("na_reason", T::text, "対象外の理由（対象外のとき必須）",
           "why not applicable (required for not_applicable)"),
     field("maturity", T::integer, "成熟度（null で消去）",
           "maturity level of the organisation's scale (null clears it)")
         .eg(2),
     field("owner", T::text, "担当者", "owner"), field("due", T::date, "対応期限", "due date"),
     field("comment", T::text, "コメント", "comment")}};

const BodySpec kEvidenceUrl = {
    {field("url", T::text, "証跡の URL", "the evidence's URL")
         .need()
         .eg("https://intranet.example.jp/policy.pdf"),
     field("evidence_date", T::date, "証跡の日付", "date of the evidence"),
     field("expires_on", T::date, "有効期限", "expiry date")}};

const BodySpec kUserCreate = {
    {field("name", T::text, "ログイン名", "login name").need().eg("api-assessor"),
     field("role", T::text, "役割", "role").need().eg("assessor").one_of(kRoles, "userrole"),
     field("password", T::text, "パスワード", "password (the password rules apply)")
         .need()
         .eg("long enough passphrase 1")}};
const BodySpec kUserChange = {
    {field("role", T::text, "役割", "role").eg("viewer").one_of(kRoles, "userrole"),
     field("disabled", T::boolean, "無効にする", "disable (true) or enable").eg(false)}};

// Built on first use: the classifier's code lists are another file's statics.
BodySpec classify_body() {
  auto flag = [](const char* name, const char* ja, const char* en) {
    return field(name, T::boolean, ja, en);
  };
  BodyField feared =
      field("feared", T::object, "重大な事故が生ずるおそれがある事態の詳細",
            "details of a feared event")
          .with({flag("prev_fy_users_30000", "前年度末の利用者数3万以上", "30,000 users or more"),
                 flag("multi_prefecture", "複数の都道府県", "more than one prefecture"),
                 flag("core_function", "中核的な機能", "core function"),
                 flag("planned", "計画的なもの", "planned"),
                 flag("within_design", "設計の範囲内", "within design"),
                 flag("natural_disaster", "自然災害", "natural disaster"),
                 field("kind", T::text, "事態の種類", "kind")
                     .one_of(incident::feared_kinds(), "fearedkind")});
  return {
      {field("event_type", T::text, "事象の種類", "event type")
           .need()
           .eg("outage")
           .one_of(incident::event_types(), "event"),
       field("service_category", T::text, "役務の区分", "service category")
           .eg("voice_emergency")
           .one_of(incident::service_categories(), "service"),
       field("affected_users", T::integer, "影響利用者数（不明は null）",
             "users affected (null: unknown)")
           .eg(40000)
           .range(0, std::nullopt),
       field("started_at", T::datetime, "発生日時", "start").need().eg("2026-01-05T10:00:00+09:00"),
       field("ended_at", T::datetime, "回復日時（継続中は null）", "end (null: ongoing)")
           .eg("2026-01-05T12:30:00+09:00"),
       field("known_at", T::datetime, "認知日時", "when it became known"),
       field("facility", T::text, "設備の区分", "facility")
           .one_of(incident::facilities(), "facility"),
       flag("all_traffic_blocked", "全ての通信の停止", "all traffic blocked"),
       flag("additional_function_only", "付加的な機能のみ", "additional function only"),
       flag("designated_operator", "指定電気通信事業者", "designated operator"),
       flag("provided_to_foreign_government", "外国政府等への提供",
            "provided to a foreign government"),
       flag("restriction_unforeseen", "予見できない通信の制限", "unforeseen restriction"),
       field("leaked_persons", T::integer, "漏えいした利用者の数",
             "persons whose information leaked")
           .range(0, std::nullopt),
       feared},
      // The CLI contract of anzen incident classify: fields of other tools are ignored.
      false};
}

const BodySpec& classify_spec() {
  static const BodySpec s = classify_body();
  return s;
}

const BodySpec kFile = {
    {field("report", T::text, "報告の種類", "report").need().eg("prompt").of_vocab("report"),
     field("kind", T::text, "判定の区分（複数あるとき）",
           "the classification when the incident has several"),
     field("filed_at", T::datetime, "提出日時", "when it was filed")
         .need()
         .eg("2026-11-27T09:00:00+09:00"),
     field("filed_by", T::text, "提出者（省略時は操作者）", "who filed it (default: the caller)"),
     field("reference", T::text, "受付番号", "reference number").eg("総基第1号"), evidence_file()}};
const BodySpec kFilingCorrection = {
    {field("reason", T::text, "訂正の理由", "why the record was wrong")
         .need()
         .eg("受付番号の転記誤り"),
     field("filed_at", T::datetime, "提出日時", "when it was filed"),
     field("filed_by", T::text, "提出者", "who filed it"),
     field("reference", T::text, "受付番号", "reference number").eg("総基第2号"), evidence_file()}};
const BodySpec kWithdraw = {
    {field("reason", T::text, "取り下げの理由", "why the filing is withdrawn")
         .need()
         .eg("別事案と取り違えた")}};

const BodySpec kSupplier = {
    {field("name", T::text, "名称", "name").need().eg("保守委託株式会社"),
     field("corporate_number", T::text, "法人番号", "corporate number"),
     field("contact", T::text, "連絡先", "contact"),
     field("services", T::texts, "委託している業務", "services supplied"),
     field("contract_start", T::date, "契約開始日", "contract start"),
     field("contract_end", T::date, "契約終了日", "contract end"),
     field("criticality", T::text, "重要度", "criticality").eg("medium").of_vocab("criticality")}};
const BodySpec kSend = {
    {field("supplier", T::integer, "委託先の ID", "a supplier of your organisation").need().eg(1),
     field("template", T::text, "質問票のひな形", "template (a framework, or framework:item)")
         .need()
         .eg("iso27002-2022:5.19"),
     field("due", T::date, "回答期限", "due date").need().eg("2099-03-31"),
     field("expires", T::date, "ポータルリンクの有効期限", "when the portal link expires"),
     field("custom", T::texts, "追加の質問", "additional questions")}};
const BodySpec kQAnswer = {{field("status", T::text, "実施状況", "status")
                                .need()
                                .eg("implemented")
                                .one_of(kAnswerStatuses, "status"),
                            field("comment", T::text, "コメント", "comment").eg("対応済み")}};
const BodySpec kReview = {
    {field("verdict", T::text, "判定（承認・差戻し・却下）", "verdict")
         .need()
         .eg("accept")
         .one_of({"accept", "return", "reject"}, "qevent"),
     field("comment", T::text, "コメント", "comment"),
     field("comments", T::text_map, "質問ごとのコメント", "comments per question id")}};
const BodySpec kEmpty = {};
BodySpec contract_terms(bool create) {
  BodySpec s = {
      {field("title", T::text, "契約名", "title").need(create).eg("保守委託契約").at_most(500),
       field("signed_on", T::date, "締結日", "signed on").eg("2026-03-01"),
       field("starts_on", T::date, "契約開始日", "starts on").eg("2026-04-01"),
       field("ends_on", T::date, "契約終了日（開始日以降）", "ends on (not before starts_on)")
           .eg("2027-03-31")}};
  if (create)
    s.fields.insert(s.fields.begin(),
                    field("supplier", T::integer, "委託先の ID", "a supplier of your organisation")
                        .need()
                        .eg(1));
  return s;
}
const BodySpec kContractCreate = contract_terms(true);
const BodySpec kContractChange = contract_terms(false);
const BodySpec kClause = {
    {field("status", T::text, "契約での対応状況", "status")
         .need()
         .eg("implemented")
         .one_of(kAnswerStatuses, "status"),
     field("evidence", T::text, "契約上の根拠（実施済のとき必須）",
           "where the contract covers the requirement (required when implemented)")
         .eg("第12条（秘密保持）")
         .at_most(2000)}};
const BodySpec kLinkSupplier = {
    {field("supplier", T::integer, "リンクする委託先（委託先一覧）の ID",
           "the supplier's id in the register")
         .need()
         .eg(1)}};
const BodySpec kShare = {
    {field("org", T::integer, "共有先の事業者の組織 ID", "the operator's organisation id")
         .need()
         .eg(2)}};

json hook_body() {
  return {{"type", "object"},
          {"description",
           "Alertmanager webhook v4, or the generic schema of docs/ops.md; read by the hook's "
           "own mapping / Alertmanager v4 または docs/ops.md の汎用形式"},
          {"required", {"alerts"}},
          {"properties",
           {{"alerts",
             {{"type", "array"}, {"items", {{"type", "object"}, {"additionalProperties", true}}}}},
            {"version", {{"type", "string"}}},
            {"status", {{"type", "string"}}}}},
          {"additionalProperties", true}};
}

ApiOperation op(json response, const BodySpec* body = nullptr, int success = 200) {
  ApiOperation o;
  o.response = std::move(response);
  o.body = body;
  o.success = success;
  return o;
}
ApiOperation download(const std::string& types) {
  ApiOperation o;
  o.download = types;
  return o;
}

using Key = std::pair<std::string, std::string>;
std::map<Key, ApiOperation> build() {
  std::map<Key, ApiOperation> k;
  const std::string v = "/api/v1";
  // Catalog.
  k[{"GET", v + "/frameworks"}] = op(list_of("frameworks", ref("Framework")));
  k[{"GET", v + "/frameworks/{framework}"}] = op(ref("FrameworkWithStats"));
  k[{"GET", v + "/frameworks/{framework}/items"}] = op(ref("FrameworkExport"));
  k[{"GET", v + "/frameworks/{framework}/items/{item}"}] = op(ref("Item"));
  k[{"GET", v + "/search"}] = op(list_of("results", ref("SearchHit")));
  k[{"GET", v + "/mappings"}] = op(ref("OscalMappings"));
  // Assessments.
  k[{"GET", v + "/assessments"}] = op(list_of("assessments", ref("Assessment")));
  k[{"GET", v + "/assessments/{id}"}] = op(schema::extend(
      api_component_schemas()["Assessment"], {{"answers", schema::array(ref("Answer"))}}));
  k[{"GET", v + "/assessments/{id}/score"}] = op(ref("Score"));
  k[{"GET", v + "/assessments/{id}/gaps"}] = op(list_of("gaps", ref("Gap")));
  k[{"PUT", v + "/assessments/{id}/answers/{question}"}] =
      op(schema::extend(api_component_schemas()["Answer"], {{"changed", schema::boolean()}}),
         &kAnswer);
  k[{"GET", v + "/assessments/{id}/reports"}] = op(list_of("reports", ref("Report")));
  k[{"GET", v + "/assessments/{id}/reports/{kind}.{format}"}] = download(
      "application/pdf, text/html, text/csv, "
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  k[{"GET", v + "/assessments/{id}/evidence"}] = op(list_of("evidence", ref("Evidence")));
  auto ev = op(ref("Evidence"), &kEvidenceUrl, 201);
  ev.multipart = true;
  k[{"POST", v + "/assessments/{id}/questions/{question}/evidence"}] = ev;
  // The file as uploaded: its type follows its name.
  k[{"GET", v + "/assessments/{id}/evidence/{evidence}"}] = download("*/*");
  // Risks, assets, plan.
  for (auto [path, entity, create, change] :
       {std::tuple{"/risks", "Risk", &kRiskCreate, &kRiskChange},
        std::tuple{"/assets", "Asset", &kAssetCreate, &kAssetChange},
        std::tuple{"/plan", "PlanItem", &kPlanCreate, &kPlanChange}}) {
    std::string key = std::string(path).substr(1);
    k[{"GET", v + path}] = op(list_of(key, ref(entity)));
    k[{"POST", v + path}] = op(ref(entity), create, 201);
    k[{"GET", v + path + "/{id}"}] = op(ref(entity));
    k[{"PUT", v + path + "/{id}"}] = op(ref(entity), change);
    k[{"DELETE", v + path + "/{id}"}] = op(ref("Deleted"));
  }
  // Users.
  k[{"GET", v + "/users"}] = op(list_of("users", ref("User")));
  k[{"POST", v + "/users"}] = op(ref("User"), &kUserCreate, 201);
  k[{"GET", v + "/users/{id}"}] = op(ref("User"));
  k[{"PUT", v + "/users/{id}"}] = op(ref("User"), &kUserChange);
  // Incidents and their reports.
  k[{"POST", v + "/incidents/classify"}] = op(ref("Verdict"), &classify_spec());
  k[{"GET", v + "/incidents"}] = op(list_of("incidents", ref("Incident")));
  k[{"GET", v + "/incidents/{id}"}] = op(ref("Incident"));
  k[{"GET", v + "/incidents/{id}/reports"}] = op(schema::object(
      {{"incident", schema::integer()}, {"reports", schema::array(ref("RequiredReport"))}}));
  k[{"POST", v + "/incidents/{id}/reports"}] =
      op(schema::object(
             {{"filing", ref("Filing")}, {"reports", schema::array(ref("RequiredReport"))}}),
         &kFile, 201);
  k[{"PATCH", v + "/incidents/{id}/filings/{filing}"}] =
      op(schema::object({{"filing", ref("Filing")}}), &kFilingCorrection);
  k[{"POST", v + "/incidents/{id}/filings/{filing}/withdraw"}] =
      op(schema::object({{"withdrawn", ref("Filing")}}), &kWithdraw);
  k[{"GET", v + "/obligations"}] = op(list_of("obligations", ref("Obligation")));
  // Operations.
  auto hook = op(ref("Delivery"));
  hook.body_doc = hook_body();
  k[{"POST", v + "/hooks/{id}"}] = hook;
  k[{"GET", v + "/integrations"}] = op(list_of("integrations", ref("Integration")));
  k[{"GET", v + "/notifications"}] = op(list_of("notifications", ref("Notification")));
  k[{"GET", v + "/restrictions"}] = op(list_of("restrictions", ref("Restriction")));
  // Suppliers, questionnaires, contracts, snapshots.
  k[{"GET", v + "/suppliers"}] = op(list_of("suppliers", ref("Supplier")));
  k[{"POST", v + "/suppliers"}] = op(ref("Supplier"), &kSupplier, 201);
  k[{"GET", v + "/suppliers/{id}"}] = op(ref("SupplierDetail"));
  k[{"GET", v + "/suppliers/reassessments"}] = op(list_of("reassessments", ref("Reassessment")));
  // The suppliers linked to an asset or a risk (the record's side of the supplier's links).
  for (std::string record : {"/assets", "/risks"}) {
    json linked = list_of("suppliers", ref("Supplier"));
    k[{"GET", v + record + "/{id}/suppliers"}] = op(linked);
    k[{"POST", v + record + "/{id}/suppliers"}] = op(linked, &kLinkSupplier, 201);
    k[{"DELETE", v + record + "/{id}/suppliers/{supplier}"}] = op(linked);
  }
  json brief = schema::object({{"id", schema::integer()},
                               {"supplier_id", schema::integer()},
                               {"template", schema::str()},
                               {"status", schema::code("qstatus")},
                               {"due", schema::date()}},
                              {"supplier_id"});
  k[{"GET", v + "/questionnaires"}] =
      op(schema::object({{"sent", schema::array(brief)}, {"received", schema::array(brief)}}));
  k[{"POST", v + "/questionnaires"}] =
      op(schema::object({{"id", schema::integer()},
                         {"token", schema::str("the portal token, shown once")},
                         {"url", schema::str()}}),
         &kSend, 201);
  k[{"GET", v + "/questionnaires/{id}"}] = op(ref("Questionnaire"));
  k[{"PUT", v + "/questionnaires/{id}/answers/{question}"}] = op(ref("Questionnaire"), &kQAnswer);
  k[{"POST", v + "/questionnaires/{id}/submit"}] = op(ref("QuestionnaireState"), &kEmpty);
  k[{"POST", v + "/questionnaires/{id}/review"}] = op(ref("QuestionnaireState"), &kReview);
  k[{"POST", v + "/questionnaires/{id}/revoke"}] =
      op(schema::object({{"id", schema::integer()}, {"revoked", schema::integer("links revoked")}}),
         &kEmpty);
  k[{"GET", v + "/contracts"}] = op(list_of("contracts", ref("Contract")));
  k[{"POST", v + "/contracts"}] = op(ref("Contract"), &kContractCreate, 201);
  k[{"GET", v + "/contracts/{id}"}] = op(ref("Contract"));
  k[{"PUT", v + "/contracts/{id}"}] = op(ref("Contract"), &kContractChange);
  k[{"DELETE", v + "/contracts/{id}"}] =
      op(schema::object({{"id", schema::integer()}, {"deleted", schema::boolean()}}));
  k[{"PUT", v + "/contracts/{id}/clauses/{item}"}] = op(ref("Contract"), &kClause);
  k[{"GET", v + "/snapshots/{id}"}] = op(ref("Snapshot"));
  k[{"POST", v + "/snapshots/{id}/shares"}] = op(ref("Share"), &kShare, 201);
  k[{"POST", v + "/shares/{id}/revoke"}] =
      op(schema::object({{"id", schema::integer()}, {"revoked", schema::boolean()}}), &kEmpty);
  // The supplier portal.
  k[{"GET", v + "/portal/{token}"}] = op(ref("Questionnaire"));
  k[{"PUT", v + "/portal/{token}/answers/{question}"}] = op(ref("Questionnaire"), &kQAnswer);
  k[{"POST", v + "/portal/{token}/submit"}] = op(ref("QuestionnaireState"), &kEmpty);
  return k;
}
}  // namespace

const ApiOperation* api_operation(const std::string& method, const std::string& doc_path) {
  static const std::map<Key, ApiOperation> k = build();
  auto it = k.find({method, doc_path});
  return it == k.end() ? nullptr : &it->second;
}

}  // namespace anzen::web
